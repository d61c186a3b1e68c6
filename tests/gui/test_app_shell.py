"""The shell around the desk: idle lock, crash dialog, log file."""

from __future__ import annotations

import logging
import os
import stat
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from shiboken6 import isValid

from fairdesk.ui.app import install_crash_dialog, setup_logging
from fairdesk.ui.common.idle_lock import IdleWatcher, LockDialog
from tests.conftest import Team


class Ticks:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_idle_watcher_fires_once_after_the_limit(qtbot) -> None:
    ticks = Ticks()
    watcher = IdleWatcher(minutes=10, clock=ticks)
    fired: list[bool] = []
    watcher.idle.connect(lambda: fired.append(True))
    ticks.now += 9 * 60
    watcher.check()
    assert fired == []
    ticks.now += 61
    watcher.check()
    watcher.check()
    assert fired == [True]
    watcher.resume()
    ticks.now += 60
    watcher.check()
    assert fired == [True]


def test_input_resets_the_idle_time(qtbot) -> None:
    from PySide6.QtWidgets import QLineEdit

    ticks = Ticks()
    watcher = IdleWatcher(minutes=1, clock=ticks)
    edit = QLineEdit()
    qtbot.addWidget(edit)
    ticks.now += 50
    qtbot.keyClick(edit, Qt.Key.Key_A)
    ticks.now += 50
    fired: list[bool] = []
    watcher.idle.connect(lambda: fired.append(True))
    watcher.check()
    assert fired == []


def test_lock_dialog_needs_the_users_password(qtbot, team: Team) -> None:
    dialog = LockDialog(team.desk)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.password_edit, "wrong")
    dialog.accept()
    assert dialog.result() == 0 and "wrong password" in dialog.error_label.text()
    dialog.reject()  # Esc does nothing
    assert dialog.isVisible() or dialog.result() == 0
    qtbot.keyClicks(dialog.password_edit, "desk1-pass-1")
    dialog.accept()
    assert dialog.result() == LockDialog.DialogCode.Accepted


def test_a_bug_shows_the_log_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: shown.append(a[2]))
    log_path = setup_logging(tmp_path)
    old_hook = sys.excepthook
    try:
        install_crash_dialog(log_path)
        try:
            raise ZeroDivisionError("boom")
        except ZeroDivisionError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = old_hook
        for handler in logging.getLogger().handlers[:]:
            if getattr(handler, "baseFilename", "") == str(log_path):
                logging.getLogger().removeHandler(handler)
                handler.close()
    assert shown and str(log_path) in shown[0] and "What you saved is safe" in shown[0]
    assert "ZeroDivisionError: boom" in log_path.read_text(encoding="utf-8")
    if os.name != "nt":  # it names cases and people: its owner's alone, like the database
        assert stat.S_IMODE(log_path.stat().st_mode) == 0o600


def test_automatic_backup_on_exit(qtbot, team: Team, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    from fairdesk.ui.app import schedule_backups

    if not team.admin.db.is_sqlite:
        pytest.skip("automatic backups are for the embedded SQLite database")
    window = QMainWindow()
    qtbot.addWidget(window)
    schedule_backups(team.desk, window)
    QApplication.instance().aboutToQuit.emit()
    backups = list((tmp_path / "data" / "backups").glob("fairdesk-*.zip"))
    assert len(backups) == 1


def test_a_signed_out_desk_does_not_back_up_again_at_the_next_quit(
    qtbot, team: Team, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Sign out, sign in again, quit: the first sign-in's closed database and deleted
    window are not touched at the last quit (each run backs up once, on its own quit)."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    from fairdesk.ui.app import schedule_backups

    if not team.admin.db.is_sqlite:
        pytest.skip("automatic backups are for the embedded SQLite database")
    first = QMainWindow()
    schedule_backups(team.desk, first)
    QApplication.instance().aboutToQuit.emit()  # the sign-out ends the first run
    first.deleteLater()
    qtbot.waitUntil(lambda: not isValid(first), timeout=5000)
    team.desk.db.close()  # as the app does after each run
    errors: list[BaseException] = []
    with qtbot.captureExceptions() as caught:
        QApplication.instance().aboutToQuit.emit()  # the next desk quits
    errors += [e for _, e, _ in caught]
    assert errors == []


def test_saved_locations_apply_only_when_nothing_else_chose(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import argparse

    from fairdesk.settings import DATA_DIR, DATABASE_URL, Settings
    from fairdesk.ui.app import apply_saved_locations

    settings = Settings()
    settings.set(DATABASE_URL, "sqlite:////srv/fair.sqlite3")
    settings.set(DATA_DIR, str(tmp_path / "chosen"))
    settings.sync()
    monkeypatch.delenv("FAIRDESK_DATA_DIR")
    args = argparse.Namespace(db=None, data_dir=None)
    apply_saved_locations(args)
    assert (args.db, args.data_dir) == ("sqlite:////srv/fair.sqlite3", str(tmp_path / "chosen"))
    args = argparse.Namespace(db="sqlite:///x.sqlite3", data_dir=None)
    monkeypatch.setenv("FAIRDESK_DATA_DIR", str(tmp_path / "env"))
    apply_saved_locations(args)
    assert (args.db, args.data_dir) == ("sqlite:///x.sqlite3", None)


def test_the_lock_hides_every_window_until_unlocked(
    qtbot, team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMainWindow

    from fairdesk.ui.common import idle_lock

    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    seen: list[bool] = []

    def exec_(dialog: LockDialog) -> int:
        seen.append(window.isVisible())  # while the password is asked
        qtbot.keyClicks(dialog.password_edit, "desk1-pass-1")
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(LockDialog, "exec", exec_)
    idle_lock.lock_screen(team.desk)
    assert seen == [False] and window.isVisible()


def test_start_up_work_waits_for_the_first_paint(qtbot) -> None:
    """The idle lock and the backups start once the window has been drawn, not before."""
    from PySide6.QtWidgets import QApplication, QLabel

    from fairdesk.ui.app import after_first_paint

    ran: list[bool] = []
    after_first_paint(QApplication.instance(), lambda: ran.append(True))
    QApplication.processEvents()
    assert ran == []  # nothing painted yet
    label = QLabel("FairDesk")
    qtbot.addWidget(label)
    label.show()
    qtbot.waitUntil(lambda: ran == [True])
    label.update()
    QApplication.processEvents()
    assert ran == [True]  # once


def test_the_windows_of_a_run_are_freed_before_the_app_ends(
    qtbot, qapp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Quitting leaves no window of the run for the interpreter's exit to free after the
    application (under X that printed "XIO: fatal IO error" at every quit)."""
    import shiboken6
    from PySide6.QtWidgets import QDialog, QMainWindow

    from fairdesk import cli
    from fairdesk.ui import app

    made: list[QMainWindow | QDialog] = []

    def a_session(*_args: object, **_kwargs: object) -> int:
        made.extend([QDialog(), QMainWindow()])  # the sign-in, the desk: both parentless
        made[1].show()
        return 0

    monkeypatch.setattr(app, "_start", a_session)
    kept = QMainWindow()  # one made before the run is not the run's to free
    qtbot.addWidget(kept)
    assert app.run_app(cli.build_parser().parse_args(["--lang", "en"])) == 0
    assert made and not any(shiboken6.isValid(widget) for widget in made)
    assert shiboken6.isValid(kept)
