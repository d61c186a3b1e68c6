"""The command line runs in the test's own process here. A command given `--lang` loads the
app's translation files, which needs a Qt application object: the tests provide the one
pytest-qt makes (a bare QCoreApplication made by the command would stay for the rest of
the run, and no screen test could make its QApplication after it)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _one_qt_application(request: pytest.FixtureRequest) -> None:
    request.getfixturevalue("qapp")
