"""A fixture shared by a module (a demo built once) runs before any test's own folder
exists: it must still write under the test run's folders, never the real user's."""

from __future__ import annotations

import os
import pwd
import subprocess
import sys
from pathlib import Path

import pytest
from platformdirs import user_data_dir

from fairdesk import config

ROOT = Path(__file__).resolve().parents[2]
# The account's own home, as the system knows it (whatever HOME a test is given).
REAL_HOME = Path(pwd.getpwuid(os.getuid()).pw_dir).resolve()


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


def _without_our_variables() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith(("FAIRDESK_", "XDG_"))}


def test_a_process_started_without_our_variables_keeps_its_files_in_the_test_run(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """A README command or a frozen build is started with a bare environment: its default
    data folder (where the root key's pin goes) must still be the test's, not the user's."""
    code = "from fairdesk.services.trust import root_pin; print(root_pin.pin_path())"
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=_without_our_variables(),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    pin = Path(done.stdout.strip())
    assert pin.name == "root-key-pin.json"
    assert pin.resolve().is_relative_to(tmp_path_factory.getbasetemp().resolve()), pin
    assert not pin.resolve().is_relative_to(REAL_HOME), pin


def test_the_home_a_test_sees_is_its_own(tmp_path: Path) -> None:
    assert Path.home().resolve().is_relative_to(tmp_path.resolve())
    assert not Path(os.path.expanduser("~")).resolve().is_relative_to(REAL_HOME)
