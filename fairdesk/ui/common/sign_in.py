"""Sign-in: the first admin account on a new database, then the login dialog.

The login dialog is the first window a person sees: it is drawn before the database
layer (SQLAlchemy, the models, the key services: half a second and more) is imported,
and the database is opened right after it has been painted, while the person types.
Enter pressed sooner keeps the dialog ("Opening the database…") and signs in once it is open.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QWidget,
)

from fairdesk.domain.enums import Role
from fairdesk.domain.errors import FairDeskError
from fairdesk.i18n import error_text
from fairdesk.ui.common.named import named

if TYPE_CHECKING:
    from fairdesk.db.engine import Database
    from fairdesk.services.context import Context

DEMO_USER = "desk1"
# Big enough to look like a fair, small enough to start in seconds.
class _DemoSize(TypedDict):
    complaints: int
    editions: int
    exhibitors: int


DEMO_SIZE: _DemoSize = {"complaints": 80, "editions": 2, "exhibitors": 1500}


class CredentialsDialog(QDialog):
    """User name and password; with `confirm`, the password twice (a new account)."""

    ERROR_STYLE = "color: #b00020"

    def __init__(
        self, title: str, intro: str, *, confirm: bool = False, username: str = ""
    ) -> None:
        super().__init__()
        self.setWindowTitle(title)
        self.setObjectName("credentials_dialog")
        self.username_edit = named(QLineEdit(username), "username_edit")
        self.password_edit = named(QLineEdit(echoMode=QLineEdit.EchoMode.Password), "password_edit")
        self.confirm_edit = (
            named(QLineEdit(echoMode=QLineEdit.EchoMode.Password), "confirm_edit")
            if confirm
            else None
        )
        self.error_label = named(QLabel(), "error_label")
        self.error_label.setStyleSheet(self.ERROR_STYLE)
        form = QFormLayout(self)
        form.addRow(QLabel(intro, wordWrap=True))
        form.addRow(self.tr("&User name:"), self.username_edit)
        form.addRow(self.tr("&Password:"), self.password_edit)
        if self.confirm_edit is not None:
            form.addRow(self.tr("&Again:"), self.confirm_edit)
        form.addRow(self.error_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        # Set by the caller; returns what signing in gives (a context, a new user), kept in
        # result_value, or raises FairDeskError.
        self.check: Callable[[str, str], Any] = lambda name, password: None
        self.result_value: Any = None
        # Set by the caller when the dialog is drawn before `check` can work: False keeps
        # the dialog open, the caller accepts it again once `check` can.
        self.ready: Callable[[], bool] = lambda: True

    def accept(self) -> None:
        name, password = self.username_edit.text().strip(), self.password_edit.text()
        if self.confirm_edit is not None and password != self.confirm_edit.text():
            self.error_label.setText(self.tr("The two passwords differ."))
            return
        if not self.ready():
            return
        try:
            self.result_value = self.check(name, password)
        except FairDeskError as exc:
            self.error_label.setText(error_text(exc))
            self.password_edit.selectAll()
            self.password_edit.setFocus()
            return
        super().accept()


class NewDatabase(Exception):  # noqa: N818 - a signal to the start, not an error
    """The database opened behind the sign-in holds no user and no fair: the welcome
    (demo or set-up) is what the start shows instead."""


class _AfterPaint(QObject):
    """Runs `then` once, right after `dialog` (or a widget in it) has been painted."""

    def __init__(self, dialog: QDialog, then: Callable[[], None]) -> None:
        super().__init__(dialog)
        self._dialog, self._then = dialog, then
        app = QApplication.instance()
        assert app is not None
        self._app = app
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self._dialog
        ):
            self._app.removeEventFilter(self)
            QTimer.singleShot(0, self._then)
        return False


def sign_in(db_url: str | None, folder: str | None) -> Context | None:
    """The signed-in context, or None when the person closed the dialog. A database
    found new (no user, no fair) closes the dialog and raises NewDatabase."""
    login = CredentialsDialog("FairDesk", QApplication.translate("sign_in", "Sign in."))
    opened: dict[str, object] = {}
    asked: list[bool] = []  # Enter or OK came before the database had opened

    def open_now() -> None:
        from fairdesk.app_context import SYSTEM, open_database
        from fairdesk.services.context import Context
        from fairdesk.services.trust import users

        try:
            system = Context(open_database(db_url, folder), SYSTEM)
            opened["system"] = system
            opened["new"] = is_new_database(system.db)
            opened["first"] = users.count_users(system) == 0
        except FairDeskError as exc:
            opened["error"] = exc
        if "error" in opened or opened.get("new") or opened["first"]:  # not this dialog
            login.reject()
            return
        # Signing in also unlocks the user's keys for the session (services/keys.py).
        login.check = lambda name, password: users.sign_in(system, name, password)
        if asked:  # pressed while it opened: sign in with what is typed now
            login.error_label.clear()
            login.error_label.setStyleSheet(login.ERROR_STYLE)
            login.accept()

    def ready() -> bool:
        """Enter or OK before the database has opened keeps the dialog, says so and
        signs in once it has (open_now): it never counts as closing the dialog."""
        if opened:
            return True
        asked.append(True)
        login.error_label.setStyleSheet("")  # a word of patience, not an error
        login.error_label.setText(QApplication.translate("sign_in", "Opening the database…"))
        return False

    login.ready = ready
    _AfterPaint(login, open_now)
    accepted = login.exec() == QDialog.DialogCode.Accepted
    if "error" in opened:
        raise opened["error"]  # type: ignore[misc]
    if opened.get("new"):
        _dispose(opened["system"])
        raise NewDatabase
    if opened.get("first"):
        return _first_admin(opened["system"])  # type: ignore[arg-type]
    if not accepted:
        if "system" in opened:
            _dispose(opened["system"])
        return None
    signed_in: Context = login.result_value
    return signed_in


def _dispose(system: object) -> None:
    system.db.dispose()  # type: ignore[attr-defined]


def _first_admin(system: Context) -> Context | None:
    """A database with fairs but no user yet: its administrator first, then sign in."""
    from fairdesk.services.trust import users

    if users.count_users(system) == 0:
        first = CredentialsDialog(
            "FairDesk",
            QApplication.translate(
                "sign_in", "Welcome. Create the administrator account of this service center."
            ),
            confirm=True,
            username="admin",
        )
        first.check = lambda name, password: users.add_user(system, name, Role.ADMIN, password)
        if first.exec() != QDialog.DialogCode.Accepted:
            return None
    login = CredentialsDialog("FairDesk", QApplication.translate("sign_in", "Sign in."))
    # Signing in also unlocks the user's keys for the session (services/keys.py).
    login.check = lambda name, password: users.sign_in(system, name, password)
    if login.exec() != QDialog.DialogCode.Accepted:
        return None
    signed_in: Context = login.result_value
    return signed_in


def demo_context(folder: Path) -> Context:
    """A freshly seeded demo fair in `folder` (a throwaway folder), signed in as a desk user."""
    from fairdesk.app_context import SYSTEM, open_database
    from fairdesk.services.context import Context
    from fairdesk.services.demo.demo import DemoOptions, create_demo
    from fairdesk.services.trust import users

    db = open_database(f"sqlite:///{folder / 'fairdesk-demo.sqlite3'}")
    admin = Context(db, users.ensure_user(Context(db, SYSTEM), "admin", Role.ADMIN).actor)
    dialog = QProgressDialog(QApplication.translate("sign_in", "Creating the demo fair…"), "", 0, 0)
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(0)
    dialog.show()

    def progress(text: str) -> None:
        dialog.setLabelText(text)
        QApplication.processEvents()

    try:
        create_demo(admin, DemoOptions(**DEMO_SIZE), progress=progress)
    finally:
        dialog.close()
    return Context(db, users.get_user(admin, DEMO_USER).actor)


def is_new_database(db: Database) -> bool:
    """No user and no fair yet: nothing to sign in to (the welcome comes instead)."""
    from fairdesk.app_context import SYSTEM
    from fairdesk.services.context import Context
    from fairdesk.services.fair import fairs
    from fairdesk.services.trust import users

    system = Context(db, SYSTEM)
    return users.count_users(system) == 0 and not fairs.list_fairs(system)
