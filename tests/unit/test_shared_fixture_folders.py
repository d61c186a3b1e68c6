"""A fixture shared by a module (a demo built once) runs before any test's own folder
exists: it must still write under the test run's folders, never the real user's."""

from __future__ import annotations

from pathlib import Path

import pytest
from platformdirs import user_data_dir

from fairdesk import config


@pytest.fixture(scope="module")
def folders_seen_by_a_module_fixture() -> tuple[Path, Path, Path]:
    return (
        config.data_dir(),
        Path(user_data_dir("FairDesk", appauthor=False)),
        config.default_settings_path(),
    )


def test_a_module_fixture_writes_under_the_test_run(
    folders_seen_by_a_module_fixture: tuple[Path, Path, Path],
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    base = tmp_path_factory.getbasetemp().resolve()
    for folder in folders_seen_by_a_module_fixture:
        assert folder.resolve().is_relative_to(base), folder
