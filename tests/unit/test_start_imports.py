"""A normal start stays light: alembic, reportlab and pdfium are loaded only when used.

Alembic (a quarter of a second) is needed only to migrate, reportlab and pypdfium2 only
when a document is issued, printed, verified or a file saved: the start path (run_app:
welcome check, sign-in, database open and schema check, main window, idle lock, backups)
must not import them. The start runs in a fresh process, as `fairdesk` with no arguments
does, with the sign-in dialog answered by a desk user and an offscreen display.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from fairdesk.db import migrate
from fairdesk.services.intake.intake import register_complaint
from tests.conftest import Team
from tests.helpers import FAIR, complaint_input, make_fair

ROOT = Path(__file__).resolve().parents[2]
LOADED_WHEN_USED = ("alembic", "reportlab", "pypdfium2")

# Runs `fairdesk` (fairdesk.cli.main([])) until the case list has been painted with rows,
# then quits the way a user does (the exit backup included) and reports what was imported
# by then and by the end.
START = """
import json, os, sys, traceback
from datetime import datetime

import fairdesk.ui.desk.main_window, fairdesk.app_context
import fairdesk.ui.app as app_module
import fairdesk.ui.common.sign_in as sign_in_module
from fairdesk.app_context import SYSTEM, open_database
from fairdesk.services.trust import users
from fairdesk.services.context import Context
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QTableView

USER, NOW = sys.argv[1], datetime.fromisoformat(sys.argv[2])
HEAVY = set(sys.argv[3].split(","))


def signed_in(db_url, folder):  # the sign-in dialog, answered by USER
    db = open_database(db_url, folder)
    return Context(db, users.get_user(Context(db, SYSTEM), USER).actor, lambda: NOW)


sign_in_module.sign_in = signed_in
real_crash_dialog = app_module.install_crash_dialog


def crash_dialog(log_path):  # installed as usual; a bug then ends the run, not a dialog
    real_crash_dialog(log_path)

    def hook(kind, exc, tb):
        traceback.print_exception(kind, exc, tb)
        os._exit(3)

    sys.excepthook = hook


app_module.install_crash_dialog = crash_dialog
state = {"rows": 0, "at_paint": None}


class Painted(QObject):
    def eventFilter(self, watched, event):
        if state["rows"] or event.type() != QEvent.Type.Paint:
            return False
        table = watched.parent()
        if isinstance(table, QTableView) and table.objectName() == "case_table":
            model = table.model()
            if model is not None and model.rowCount() > 0:
                state["rows"] = model.rowCount()
                state["at_paint"] = sorted(m for m in sys.modules if m.split(".")[0] in HEAVY)
                QTimer.singleShot(0, QApplication.quit)
        return False


app = QApplication(sys.argv[:1])
watcher = Painted()
app.installEventFilter(watcher)
QTimer.singleShot(60_000, QApplication.quit)  # never painted: fail, do not hang
from fairdesk.cli import main

code = main([])
loaded = sorted(m for m in sys.modules if m.split(".")[0] in HEAVY)
print(json.dumps({"code": code, "rows": state["rows"], "at_paint": state["at_paint"],
                  "at_exit": loaded}))
"""


def test_head_constant_is_alembics_head() -> None:
    head = migrate.head_revision()
    assert head == migrate.HEAD, (
        f"fairdesk/db/migrate.py: HEAD is {migrate.HEAD!r} but the newest migration in "
        f"fairdesk/db/migrations/versions is {head!r}; set HEAD = {head!r}, or a start "
        "would take a database at the old revision as current and never migrate it"
    )


def test_start_does_not_import_what_only_menus_and_migrations_need(
    team: Team, tmp_path: Path
) -> None:
    make_fair(team.admin)
    register_complaint(team.desk, FAIR, complaint_input())
    assert migrate.current_revision(team.desk.db) == migrate.head_revision()
    env = {
        **os.environ,
        "FAIRDESK_DB": team.desk.db.url,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            START,
            team.desk.actor.username,
            team.desk.now().isoformat(),
            ",".join(LOADED_WHEN_USED),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["code"] == 0, done.stderr
    assert report["rows"] > 0, f"the case list was never painted\n{done.stderr}"
    assert report["at_paint"] == [], "imported before the case list was painted"
    # The exit backup verifies its archive; a current schema needs no migration scripts.
    assert report["at_exit"] == []


def test_the_command_line_loads_a_library_only_for_the_command_that_needs_it() -> None:
    """`fairdesk --version` (and the parser every command builds first) loads neither the
    database layer nor the documents' or the screens' libraries."""
    code = (
        "import sys, fairdesk.cli as cli\n"
        "cli.build_parser()\n"
        "print(','.join(m for m in ('sqlalchemy', 'reportlab', 'PySide6', 'alembic')"
        " if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == ""


def test_the_command_line_reads_saved_locations_without_qt_when_none_are_saved(
    tmp_path: Path,
) -> None:
    """A command given a database but no data folder looks for the folder saved in
    Settings; when nothing was ever saved, learning that costs no Qt import."""
    code = (
        "import sys, argparse\n"
        "from fairdesk.locations import apply_saved_locations\n"
        "args = argparse.Namespace(db='sqlite:///x.sqlite3', data_dir=None)\n"
        "apply_saved_locations(args)\n"
        "print(args.data_dir, 'PySide6' in sys.modules)\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("FAIRDESK_DB", "FAIRDESK_DATA_DIR")}
    env["FAIRDESK_SETTINGS"] = str(tmp_path / "never-saved.ini")
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT, env=env
    )
    assert out.stdout.split() == ["None", "False"]
