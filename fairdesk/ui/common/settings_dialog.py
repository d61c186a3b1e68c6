"""The desk's preferences: language, data folder and database (form: ui/settings_dialog.ui).

Values are read from and written to fairdesk.settings; nothing here decides where data
lives at run time. "Test connection" opens the database the form names, off the UI thread
(a server can take seconds to answer), and says what it found.
"""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QWidget
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from fairdesk.config import APP_NAME, DB_FILE, data_dir
from fairdesk.db import migrate
from fairdesk.db.engine import Database
from fairdesk.domain.errors import FairDeskError
from fairdesk.i18n import error_text
from fairdesk.settings import DATA_DIR, DATABASE_URL, LANGUAGE, Settings
from fairdesk.ui.common.failure import report_failure
from fairdesk.ui.common.tasks import Task, run_task
from fairdesk.ui.forms.ui_settings_dialog import Ui_SettingsDialog

ERROR_STYLE = "color: #b00020"
OK_STYLE = "color: #1b5e20"
# (label, stored value); the labels are each language's own name for itself. The
# system's choice is first, its label translated where it is shown.
LANGUAGE_CHOICES = (("中文", "zh_CN"), ("English", "en"))
BACKENDS = ("sqlite", "postgresql")


def default_data_dir() -> Path:
    """The platform's data folder, used when the setting is empty."""
    return Path(user_data_dir(APP_NAME, appauthor=False))


def url_problem(url: str) -> FairDeskError | None:
    """Why `url` cannot be a FairDesk database URL (an error to raise or show), or None."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return FairDeskError(
            "'{url}' is not a database URL; use e.g. sqlite:///path/fairdesk.sqlite3 or "
            "postgresql+psycopg://user:password@host/dbname",
            url=url,
        )
    if parsed.get_backend_name() not in BACKENDS:
        return FairDeskError(
            "FairDesk works with SQLite or PostgreSQL, not '{backend}'.",
            backend=parsed.get_backend_name(),
        )
    return None


def check_connection(url: str) -> str:
    """Open `url` and say what is there; raises FairDeskError (StorageError) when it cannot.

    A SQLite file that does not exist yet is reported, not created.
    """
    problem = url_problem(url)
    if problem is not None:
        raise problem
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        path = Path(parsed.database or "").expanduser()
        if not path.exists():
            return f"No database file at {path} yet: FairDesk will create it at the next start."
    db = Database(url)
    try:
        revision = migrate.current_revision(db)
        head = migrate.head_revision()
    except SQLAlchemyError as exc:  # a driver error not known to db/errors.py
        raise FairDeskError(
            "Could not open the database: {reason}", reason=str(getattr(exc, "orig", exc))
        ) from exc
    finally:
        db.dispose()
    if revision is None:
        return "Connected. The database is empty: FairDesk will set it up at the next start."
    if revision == head:
        return "Connected to a FairDesk database; its schema is up to date."
    return (
        "Connected to a FairDesk database; it will be upgraded at the next start "
        f"(schema {revision}, a backup is made first)."
    )


class SettingsDialog(QDialog):
    """Edit the settings in `settings` (the user's own when None); saved on OK."""

    connection_checked = Signal(bool, str)  # ok, message

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings if settings is not None else Settings()
        self.ui = Ui_SettingsDialog()
        self.ui.setupUi(self)
        self.setObjectName("settings_dialog")
        ui = self.ui
        self._test_task: Task | None = None
        ui.error_label.setStyleSheet(ERROR_STYLE)
        ui.error_label.hide()
        ui.language_combo.addItem(self.tr("Follow the system"), "system")
        for label, value in LANGUAGE_CHOICES:
            ui.language_combo.addItem(label, value)
        # The folder this run uses (--data-dir or FAIRDESK_DATA_DIR may have chosen it);
        # an empty setting means the platform's default.
        in_use, default = data_dir(), default_data_dir()
        ui.data_dir_edit.setPlaceholderText(
            self.tr("Default: {0}").format(default)
            if in_use == default
            else self.tr("In use now: {0} (default: {1})").format(in_use, default)
        )
        ui.database_url_edit.setPlaceholderText(
            self.tr("Default: the SQLite file {0} in the data folder").format(DB_FILE)
        )
        ui.data_dir_button.clicked.connect(self.choose_data_dir)
        ui.test_button.clicked.connect(self.test_connection)
        restore = ui.button_box.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.clicked.connect(self.restore_defaults)
        self.load()

    # -- values -------------------------------------------------------------------------
    def load(self) -> None:
        ui = self.ui
        ui.language_combo.setCurrentIndex(
            max(0, ui.language_combo.findData(self.settings.get(LANGUAGE)))
        )
        ui.data_dir_edit.setText(self.settings.get(DATA_DIR))
        ui.database_url_edit.setText(self.settings.get(DATABASE_URL))

    def restore_defaults(self) -> None:
        """Show the defaults; nothing is stored until OK."""
        ui = self.ui
        ui.language_combo.setCurrentIndex(ui.language_combo.findData(LANGUAGE.default))
        ui.data_dir_edit.setText(DATA_DIR.default)
        ui.database_url_edit.setText(DATABASE_URL.default)
        ui.test_result_label.clear()

    def effective_url(self) -> str:
        """The database the form names: the URL, else the SQLite file in the data folder."""
        url = self.ui.database_url_edit.text().strip()
        if url:
            return url
        folder = self.ui.data_dir_edit.text().strip()
        path = Path(folder).expanduser() if folder else default_data_dir()
        return f"sqlite:///{path / DB_FILE}"

    def choose_data_dir(self) -> None:
        start = self.ui.data_dir_edit.text().strip() or str(default_data_dir())
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the data folder"), start)
        if folder:
            self.ui.data_dir_edit.setText(folder)

    # -- test connection ----------------------------------------------------------------
    def test_connection(self) -> None:
        if self._test_task is not None:
            return
        url = self.effective_url()
        ui = self.ui
        ui.test_button.setEnabled(False)
        ui.test_result_label.setStyleSheet("")
        ui.test_result_label.setText(self.tr("Connecting…"))

        task = run_task(
            lambda _task: check_connection(url),
            owner=self,
            on_done=self._tested,
            on_error=self._not_tested,
        )
        if not ui.test_button.isEnabled():  # still running (a synchronous pool is done)
            self._test_task = task

    def _tested(self, message: str) -> None:
        self._show_test(True, message)

    def _not_tested(self, exc: BaseException) -> None:
        said: list[str] = []
        report_failure(exc, said.append)  # a bug goes to the crash handler; the test ends
        self._show_test(False, "".join(said))

    def _show_test(self, ok: bool, message: str) -> None:
        self._test_task = None
        ui = self.ui
        ui.test_button.setEnabled(True)
        ui.test_result_label.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        ui.test_result_label.setText(("✔ " if ok else "✖ ") + message if message else "")
        self.connection_checked.emit(ok, message)

    # -- saving -------------------------------------------------------------------------
    def accept(self) -> None:
        ui = self.ui
        ui.error_label.hide()
        url = ui.database_url_edit.text().strip()
        folder = ui.data_dir_edit.text().strip()
        bad_url = url_problem(url) if url else None
        problem = error_text(bad_url) if bad_url is not None else None
        if problem is None and folder and Path(folder).expanduser().is_file():
            problem = self.tr("The data folder {0} is a file, not a folder.").format(folder)
        if problem:
            ui.error_label.setText(problem)
            ui.error_label.show()
            (ui.database_url_edit if bad_url is not None else ui.data_dir_edit).setFocus()
            return
        try:
            self.settings.set(LANGUAGE, ui.language_combo.currentData())
            self.settings.set(DATA_DIR, folder)
            self.settings.set(DATABASE_URL, url)
            self.settings.sync()
        except OSError as exc:
            ui.error_label.setText(str(exc))
            ui.error_label.show()
            return
        super().accept()
