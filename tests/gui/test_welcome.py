"""First run: on a new database the welcome offers the demo or setting up a fair (the
guided set-up itself: test_setup_wizard.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from fairdesk.app_context import SYSTEM
from fairdesk.db.engine import Database
from fairdesk.domain.enums import Role
from fairdesk.i18n import install_translations
from fairdesk.services.context import Context
from fairdesk.services.trust import users
from fairdesk.settings import LANGUAGE, Settings
from fairdesk.ui.setup import welcome as w


@pytest.fixture
def new_db_url(tmp_path) -> str:  # type: ignore[no-untyped-def]
    return f"sqlite:///{tmp_path / 'new.sqlite3'}"


@pytest.fixture
def english(qapp) -> Iterator[None]:
    install_translations(qapp, "en")
    yield
    install_translations(qapp, "en")


class Script:
    """Plays the user: what to do with each dialog as it comes; records what was shown."""

    def __init__(self, *steps) -> None:  # type: ignore[no-untyped-def]
        self.steps = list(steps)
        self.shown: list[str] = []

    def __call__(self, dialog: QDialog) -> bool:
        self.shown.append(type(dialog).__name__)
        step = self.steps.pop(0)
        return bool(step(dialog))


def choose(button: str):  # type: ignore[no-untyped-def]
    def step(dialog: w.WelcomeDialog) -> bool:
        dialog.show()
        getattr(dialog, button).click()
        return dialog.result() == QDialog.DialogCode.Accepted

    return step


def cancel(dialog: QDialog) -> bool:
    dialog.reject()
    return False


def test_a_database_is_new_until_it_has_a_user_or_a_fair(db: Database) -> None:
    assert w.is_new_database(db)
    users.add_user(Context(db, SYSTEM), "admin", Role.ADMIN, "admin-pass-1")
    assert not w.is_new_database(db)


def test_welcome_buttons_choose_and_close(qtbot, english: None) -> None:
    dialog = w.WelcomeDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.setup_button.hasFocus() or dialog.focusWidget() is dialog.setup_button
    assert dialog.setup_button.accessibleName() == "Set up a fair"
    qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    assert dialog.choice is w.Choice.DEMO
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_choosing_chinese_on_the_welcome_translates_it_and_is_saved(qtbot, english: None) -> None:
    settings = Settings()
    dialog = w.WelcomeDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.title_label.text() == "Welcome to FairDesk"
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh_CN"))
    qtbot.waitUntil(lambda: dialog.title_label.text() == "欢迎使用 FairDesk")
    assert dialog.setup_button.text() == "设置展会(&S)"
    assert Settings().get(LANGUAGE) == "zh_CN"


def test_closing_the_welcome_quits(qtbot, english: None, new_db_url: str) -> None:
    assert w.welcome_new_desk(new_db_url, None, run=Script(cancel)) == w.Welcome(w.Choice.CLOSED)


def test_no_welcome_once_the_desk_is_set_up(qtbot, db: Database) -> None:
    users.add_user(Context(db, SYSTEM), "admin", Role.ADMIN, "admin-pass-1")
    url = db.engine.url.render_as_string(hide_password=False)
    assert w.welcome_new_desk(url, None, run=Script()) is None


def test_app_quits_when_the_welcome_is_closed(
    qtbot, english: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fairdesk import cli
    from fairdesk.ui import app

    monkeypatch.setattr(w, "welcome_new_desk", lambda *a, **k: w.Welcome(w.Choice.CLOSED))
    args = cli.build_parser().parse_args(["--lang", "en"])
    assert app.run_app(args) == 0
    assert QApplication.instance() is not None
