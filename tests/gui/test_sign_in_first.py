"""The sign-in dialog is the first thing a person sees, drawn before the database layer
is imported; the database opens right after, and the start goes on from there: to the
main window on a right password, to the welcome when the database is new after all.
Each start runs in a fresh process, as `fairdesk` with no arguments does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from fairdesk.app_context import SYSTEM
from fairdesk.db.engine import Database
from fairdesk.domain.enums import Role
from fairdesk.services.context import Context
from fairdesk.services.trust import users
from tests.conftest import PG_URL

ROOT = Path(__file__).resolve().parents[2]
DATABASE_LAYER = ("sqlalchemy", "fairdesk.db.models", "fairdesk.services.trust.users")

# Plays the person: at the first paint notes what was imported, types the password into
# the sign-in dialog once the database is open, and reports the next window drawn.
START = """
import json, os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

USER, PASSWORD, LAYER = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
seen = {}


def answer(dialog):
    if "fairdesk.services.trust.users" not in sys.modules:  # still opening: type later
        QTimer.singleShot(10, lambda: answer(dialog))
        return
    dialog.username_edit.setText(USER)
    dialog.password_edit.setText(PASSWORD)
    dialog.accept()


class Watch(QObject):
    def eventFilter(self, watched, event):
        if event.type() != QEvent.Type.Paint or not isinstance(watched, QWidget):
            return False
        name = watched.window().objectName()
        if "first" not in seen:
            seen["first"] = name
            seen["loaded"] = [m for m in LAYER if m in sys.modules]
            if name == "credentials_dialog":
                window = watched.window()
                QTimer.singleShot(0, lambda: answer(window))
        elif name != seen["first"]:
            seen["next"] = name
            print(json.dumps(seen), flush=True)
            os._exit(0)
        return False


app = QApplication(sys.argv[:1])
watch = Watch()
app.installEventFilter(watch)
QTimer.singleShot(60_000, lambda: os._exit(4))  # never drawn: fail, do not hang
from fairdesk.cli import main

main([])
print(json.dumps(seen), flush=True)
"""


def _start(db_file: Path, tmp_path: Path, password: str) -> dict[str, object]:
    env = {
        **os.environ,
        "FAIRDESK_DB": f"sqlite:///{db_file}",
        "FAIRDESK_DATA_DIR": str(tmp_path / "data"),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    done = subprocess.run(
        [sys.executable, "-c", START, "admin", password, ",".join(DATABASE_LAYER)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    report: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


pytestmark = pytest.mark.skipif(bool(PG_URL), reason="the file-based start is SQLite's")


def test_the_sign_in_is_drawn_before_the_database_layer_loads(tmp_path: Path) -> None:
    db_file = tmp_path / "desk.sqlite3"
    db = Database(f"sqlite:///{db_file}")
    from fairdesk.db import migrate

    migrate.upgrade(db)
    users.add_user(Context(db, SYSTEM), "admin", Role.ADMIN, "admin-pass-1")
    db.dispose()
    report = _start(db_file, tmp_path, "admin-pass-1")
    assert report["first"] == "credentials_dialog"
    assert report["loaded"] == [], "imported before the sign-in dialog was drawn"
    assert report["next"] == "main_window"  # signed in with the password typed


def test_a_database_found_new_behind_the_sign_in_gets_the_welcome(tmp_path: Path) -> None:
    """A file with no user and no fair (the demo was chosen, or the set-up stopped)."""
    db_file = tmp_path / "desk.sqlite3"
    db = Database(f"sqlite:///{db_file}")
    from fairdesk.db import migrate

    migrate.upgrade(db)
    db.dispose()
    report = _start(db_file, tmp_path, "unused-password")
    assert report["first"] == "credentials_dialog"
    assert report["next"] == "welcome_dialog"


# Enter or OK before the database has opened: the person who types fast, or whose
# password is typed for them, presses it the moment the dialog appears.


class FastPerson(QObject):
    """Fills in the sign-in dialog as it appears and presses Enter (or clicks OK) at
    once, before the opening that follows its first paint; then, once the database
    has opened and the dialog is still there, hands it to `then`. `events` records the
    order (press, open) and `note` what the dialog said while it opened."""

    def __init__(self, password: str, how: str, then: Callable[[Any], None] | None = None):
        super().__init__()
        self.password, self.how, self.then = password, how, then
        self.events: list[str] = []
        self.note = ""
        self.dialog: Any = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Show and watched.objectName() == "credentials_dialog":
            if self.dialog is None:
                self.answer(watched)
        elif (
            event.type() == QEvent.Type.KeyPress
            and self.dialog is not None
            and watched is self.dialog.password_edit
            and "press" not in self.events
        ):
            self.pressed()
        return False

    def answer(self, dialog: Any) -> None:
        self.dialog = dialog
        dialog.username_edit.setText("admin")
        dialog.password_edit.setText(self.password)
        QTimer.singleShot(20_000, dialog, dialog.reject)  # left open: fails, not hangs
        if self.how == "enter":  # queued ahead of the paint and of the opening after it
            press = QKeyEvent(
                QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier
            )
            QApplication.postEvent(dialog.password_edit, press)
        else:
            ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
            QTimer.singleShot(0, lambda: (self.pressed(), ok.click()))

    def pressed(self) -> None:
        self.events.append("press")
        self.after_opening()

    def after_opening(self) -> None:
        if not self.dialog.isVisible():  # closed without waiting: nothing to hand on
            return
        if "open" not in self.events:
            QTimer.singleShot(10, self, self.after_opening)
        elif self.then is not None:
            self.then(self.dialog)


@pytest.fixture
def desk_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    db = Database(url)
    from fairdesk.db import migrate

    migrate.upgrade(db)
    users.add_user(Context(db, SYSTEM), "admin", Role.ADMIN, "admin-pass-1")
    db.dispose()
    return url


def _sign_in_fast(
    url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, person: FastPerson
) -> Context | None:
    from fairdesk import app_context
    from fairdesk.ui.common import sign_in as sign_in_module

    real_open = app_context.open_database

    def open_database(*args: Any, **kwargs: Any) -> Database:
        person.events.append("open")
        person.note = person.dialog.error_label.text()
        return real_open(*args, **kwargs)

    monkeypatch.setattr(app_context, "open_database", open_database)
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(person)
    try:
        return sign_in_module.sign_in(url, str(tmp_path / "data"))
    finally:
        app.removeEventFilter(person)


@pytest.mark.parametrize("how", ["enter", "ok"])
def test_enter_before_the_database_opened_waits_and_signs_in(
    qapp: QApplication, desk_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    person = FastPerson("admin-pass-1", how)
    ctx = _sign_in_fast(desk_url, tmp_path, monkeypatch, person)
    assert person.events[0] == "press"  # before the database was opened
    assert ctx is not None, "the app closed as if the person had cancelled"
    assert ctx.actor.username == "admin"
    assert person.events == ["press", "open"]  # opened once
    assert person.note, "nothing said while the database opened"
    ctx.db.dispose()


def test_a_wrong_password_before_the_database_opened_keeps_the_dialog(
    qapp: QApplication, desk_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, object] = {}

    def then(dialog: Any) -> None:  # the message, then the right password
        seen["message"] = dialog.error_label.text()
        dialog.password_edit.setText("admin-pass-1")
        QTest.keyClick(dialog.password_edit, Qt.Key.Key_Return)

    person = FastPerson("wrong-pass-1", "enter", then)
    ctx = _sign_in_fast(desk_url, tmp_path, monkeypatch, person)
    assert person.events[0] == "press"
    assert "message" in seen, "the dialog closed on the wrong password"
    assert seen["message"] and seen["message"] != person.note, "no word on the password"
    assert ctx is not None and ctx.actor.username == "admin"
    assert person.events == ["press", "open"]
    ctx.db.dispose()


def test_enter_before_a_new_database_opened_still_gets_the_welcome(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fairdesk.ui.common.sign_in import NewDatabase

    url = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    person = FastPerson("any-pass-1", "enter")
    with pytest.raises(NewDatabase):
        _sign_in_fast(url, tmp_path, monkeypatch, person)
    assert person.events[0] == "press"
