"""The sign-in dialog is the first thing a person sees, drawn before the database layer
is imported; the database opens right after, and the start goes on from there: to the
main window on a right password, to the welcome when the database is new after all.
Each start runs in a fresh process, as `fairdesk` with no arguments does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

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
