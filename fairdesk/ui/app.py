"""Start the desktop app: logging, the crash dialog, sign-in, the main window."""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import os
import shutil
import signal
import sys
import tempfile
import traceback
from collections.abc import Callable
from datetime import timedelta
from io import TextIOWrapper
from pathlib import Path
from types import FrameType, TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QThread, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from fairdesk.config import data_dir, database_url, keep_settings_in, use_data_dir
from fairdesk.db.files import owner_only
from fairdesk.domain.enums import Role
from fairdesk.domain.errors import FairDeskError
from fairdesk.i18n import error_text, install_translations
from fairdesk.locations import apply_saved_locations
from fairdesk.settings import ENV_SETTINGS, default_settings_path
from fairdesk.ui.common.help import application_icon, install_help
from fairdesk.ui.common.tasks import wait_for_tasks

if TYPE_CHECKING:  # the database layer loads after the sign-in dialog is drawn
    from fairdesk.services.context import Context
    from fairdesk.ui.setup.welcome import Welcome

log = logging.getLogger("fairdesk")
BACKUP_EVERY = timedelta(hours=1)
BACKUP_CHECK_MS = 10 * 60 * 1000
BACKUPS_KEPT = 20


class _OwnerOnlyLog(logging.handlers.RotatingFileHandler):
    """A log readable by its owner alone, like the database: it names cases and people.
    Each new file (at start and at every rotation) is made so."""

    def _open(self) -> TextIOWrapper:
        stream = super()._open()
        owner_only(self.baseFilename)
        return stream


def setup_logging(folder: Path) -> Path:
    """Log to a rotating file in the data folder; return its path for the crash dialog."""
    logs = folder / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    path = logs / "fairdesk.log"
    handler = _OwnerOnlyLog(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def close_logging(path: Path) -> None:
    """Stop logging to `path` (the demo's folder is about to go)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "baseFilename", None) == str(path.absolute()):
            root.removeHandler(handler)
            handler.close()


def install_crash_dialog(log_path: Path) -> None:
    """A bug shows a dialog naming the log file instead of vanishing or a bare traceback."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.error("unexpected error\n%s", "".join(traceback.format_exception(kind, exc, tb)))
        if isinstance(exc, FairDeskError):  # an environment problem that slipped through
            QMessageBox.warning(None, "FairDesk", error_text(exc))
            return
        QMessageBox.critical(
            None,
            "FairDesk",
            QApplication.translate(
                "app",
                "FairDesk hit an unexpected problem: {0}\n\nWhat you saved is safe. "
                "The details are in {1}; please send that file to your administrator.",
            ).format(exc, log_path),
        )

    sys.excepthook = hook


def _gui_application() -> QApplication:
    """The process's QApplication. Reading `--lang` for the command line's own texts made
    a QCoreApplication (no windows) already: it is shut down first, and the translations
    are installed again below."""
    core = QCoreApplication.instance()
    if core is not None and not isinstance(core, QApplication):
        core.shutdown()
    app = QApplication.instance()
    return app if isinstance(app, QApplication) else QApplication(sys.argv[:1])


def run_app(args: argparse.Namespace) -> int:
    app = _gui_application()
    app.setApplicationName("FairDesk")
    app.setOrganizationName("FairDesk")
    app.setWindowIcon(application_icon())
    keep_settings_in(args.data_dir)  # --data-dir: the one folder, preferences included
    install_translations(app, getattr(args, "lang", None))
    apply_saved_locations(args)
    # The one folder, for every part that keeps files; Qt's own memory (the set-up's file
    # dialogs) too, from the first window on.
    folder = use_data_dir(data_dir(args.data_dir))
    assert folder is not None  # a folder given is the folder kept
    _keep_qt_settings_in(folder)
    from fairdesk.ui.common.sign_in import NewDatabase

    before = set(app.topLevelWidgets())
    try:
        # A database file that exists is most likely set up: the sign-in comes first,
        # drawn before the database is opened; it says when the database is new after all.
        return _start(app, args, check_welcome=not _probably_set_up(args))
    except NewDatabase:
        return _start(app, args, check_welcome=True)
    finally:
        _free_windows(app, before)


def _free_windows(app: QApplication, before: set[QWidget]) -> None:
    """The windows and dialogs this run made (the desk, the sign-in) are freed while the
    application and its X connection still stand: left to the interpreter's exit, they
    went after it, and X reported the closed connection ("XIO: fatal IO error")."""
    for widget in app.topLevelWidgets():
        if widget not in before:
            widget.close()
            widget.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _probably_set_up(args: argparse.Namespace) -> bool:
    """A database server, or an SQLite file with something in it (a look at the file
    only: nothing of the database layer is imported for it)."""
    url = database_url(args.db, args.data_dir)
    prefix = "sqlite:///"
    if args.demo or not url.startswith(prefix):
        return not args.demo
    path = Path(url[len(prefix) :].split("?", 1)[0])
    return path.is_file() and path.stat().st_size > 0


def _start(app: QApplication, args: argparse.Namespace, *, check_welcome: bool) -> int:
    from fairdesk.ui.common.sign_in import NewDatabase

    # First run (no user, no fair): the welcome offers the demo or setting up a fair.
    welcome = _welcome(args) if check_welcome and not args.demo else None
    if welcome is not None:
        from fairdesk.ui.setup.welcome import Choice

        if welcome.choice is Choice.CLOSED:
            return 0
        args.demo = args.demo or welcome.choice is Choice.DEMO
    # The demo keeps nothing: all it writes (database, logs, backups, the inspector's
    # outbox) goes to a throwaway folder removed on exit.
    throwaway = Path(tempfile.mkdtemp(prefix="fairdesk-demo-")) if args.demo else None
    folder = use_data_dir(throwaway or data_dir(args.data_dir))
    assert folder is not None
    _keep_qt_settings_in(folder)
    saved_settings = _demo_settings(throwaway) if throwaway is not None else None
    log_path = setup_logging(folder)
    install_crash_dialog(log_path)
    handlers, waker = _quit_on_signals(app)
    try:
        return _run(app, args, throwaway, welcome.ctx if welcome is not None else None)
    except NewDatabase:
        close_logging(log_path)  # the start is tried again, with the welcome
        raise
    finally:
        waker.stop()
        for signum, handler in handlers.items():
            signal.signal(signum, handler)
        if throwaway is not None:
            close_logging(log_path)
            shutil.rmtree(throwaway, ignore_errors=True)
            use_data_dir(None)
            _restore_env(ENV_SETTINGS, saved_settings)


def _welcome(args: argparse.Namespace) -> Welcome | None:
    from fairdesk.ui.setup.welcome import welcome_new_desk

    return welcome_new_desk(args.db, args.data_dir)


def _keep_qt_settings_in(folder: Path) -> None:
    """What Qt itself remembers (a file dialog's last folder and view) goes into the data
    folder, not the home's configuration folder: the chosen folder is the only one."""
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, str(folder / "qt-settings"))


# What signal.signal() accepts and returns: a function, SIG_DFL/SIG_IGN, or None.
_SignalHandler = Callable[[int, FrameType | None], Any] | int | None


def _quit_on_signals(app: QApplication) -> tuple[dict[signal.Signals, _SignalHandler], QTimer]:
    """SIGTERM (a logout, a shutdown) and SIGINT (Ctrl+C) end the app as File > Quit does,
    so the way out runs: the demo's throwaway folder is removed, the exit backup made.
    Returns the handlers they replace, and the timer that lets them run."""

    def stop(signum: int, _frame: object) -> None:
        if QThread.currentThread().loopLevel() > 0:
            app.quit()
        else:  # still starting (the demo being built): unwind from here
            raise SystemExit(128 + signum)

    old: dict[signal.Signals, _SignalHandler] = {}
    for signum in (signal.SIGTERM, signal.SIGINT):
        old[signum] = signal.signal(signum, stop)
    # Python runs a handler only between its own bytecodes: wake it while Qt waits.
    waker = QTimer(app)
    waker.timeout.connect(lambda: None)
    waker.start(250)
    return old, waker


def _demo_settings(folder: Path) -> str | None:
    """The demo reads the desk's settings but keeps what it changes in its own copy (the
    last fair, window sizes), so the desk's file is never touched. Returns the old value."""
    old = os.environ.get(ENV_SETTINGS)
    source = default_settings_path()
    copy = folder / "settings.ini"
    if source.is_file():
        shutil.copyfile(source, copy)
    os.environ[ENV_SETTINGS] = str(copy)
    return old


def _restore_env(name: str, value: str | None) -> None:
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value


def _run(
    app: QApplication,
    args: argparse.Namespace,
    throwaway: Path | None,
    signed_in: Context | None = None,
) -> int:
    from fairdesk.ui.common.sign_in import demo_context, sign_in

    try:
        ctx = demo_context(throwaway) if throwaway else signed_in or sign_in(args.db, args.data_dir)
    except FairDeskError as exc:
        QMessageBox.critical(None, "FairDesk", error_text(exc))
        print(f"fairdesk: {exc}", file=sys.stderr)
        return 1
    if ctx is None:
        return 0  # the user closed the sign-in dialog
    from fairdesk.ui.desk.main_window import MainWindow

    window: QMainWindow
    if ctx.actor.role is Role.INSPECTOR:  # inspectors land in the patrol screen
        from fairdesk.ui.inspection.inspector_window import InspectorWindow

        window = InspectorWindow(ctx, data_folder=data_dir(), demo=throwaway is not None)
    else:
        window = MainWindow(ctx, demo=throwaway is not None, fill_after_paint=True)
    install_help(window, ctx.actor.role)  # F1 anywhere: the role's guide
    window.show()
    if throwaway is None:  # demo users have no password to unlock with
        after_first_paint(app, lambda: _start_watchers(ctx, window))
    code = app.exec()
    wait_for_tasks()  # a refresh still running holds a connection: let it finish cleanly
    ctx.db.close()
    if getattr(window, "signed_out", False):  # File > Sign out: whoever signs in next
        window.deleteLater()
        return _run(app, args, throwaway)
    return code


class _FirstPaint(QObject):
    """Runs `then` once, right after the first widget of the app has been painted."""

    def __init__(self, app: QApplication, then: Callable[[], None]) -> None:
        super().__init__(app)
        self._app = app
        self._then = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self._app.removeEventFilter(self)
            QTimer.singleShot(0, self._then)
            self.deleteLater()
        return False


def after_first_paint(app: QApplication, then: Callable[[], None]) -> None:
    """Start-up work the desk does not see (the idle lock, automatic backups) waits until
    the window has been drawn: the desk sees it sooner."""
    app.installEventFilter(_FirstPaint(app, then))


def _start_watchers(ctx: Context, window: QMainWindow) -> None:
    from fairdesk.ui.common.idle_lock import IdleWatcher, lock_screen

    watcher = IdleWatcher(parent=window)

    def lock() -> None:
        lock_screen(ctx)
        watcher.resume()

    watcher.idle.connect(lock)
    schedule_backups(ctx, window)


def schedule_backups(ctx: Context, window: QMainWindow) -> None:
    """Automatic backups while the desk runs and once more on exit (SQLite only: a
    shared PostgreSQL server is backed up by its administrator, see docs/backups.md)."""
    from fairdesk.services.trust.backup import maybe_backup

    if not ctx.db.is_sqlite:
        return

    def backup(every: timedelta) -> None:
        try:
            info = maybe_backup(ctx, every, BACKUPS_KEPT)
        except FairDeskError as exc:
            log.warning("automatic backup failed: %s", exc)
            window.statusBar().showMessage(
                QApplication.translate("app", "Automatic backup failed: {0}").format(
                    error_text(exc)
                ),
                30_000,
            )
            return
        if info is not None:
            log.info("automatic backup %s (%d bytes)", info.path, info.size)

    timer = QTimer(window, interval=BACKUP_CHECK_MS)
    timer.timeout.connect(lambda: backup(BACKUP_EVERY))
    timer.start()
    app = QApplication.instance()
    assert app is not None
    def on_quit() -> None:
        # Once, for this sign-in: after a sign-out the next desk's run quits on its own
        # context, never on this closed one and its deleted window.
        app.aboutToQuit.disconnect(on_quit)
        backup(timedelta(0))

    app.aboutToQuit.connect(on_quit)
