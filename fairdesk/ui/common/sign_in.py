"""Sign-in: the first admin account on a new database, then the login dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
)

from fairdesk.app_context import SYSTEM, open_database
from fairdesk.domain.enums import Role
from fairdesk.domain.errors import FairDeskError
from fairdesk.i18n import error_text
from fairdesk.services.context import Context
from fairdesk.services.trust import users

DEMO_USER = "desk1"
# Big enough to look like a fair, small enough to start in seconds.
DEMO_SIZE = {"complaints": 80, "editions": 2, "exhibitors": 1500}


class CredentialsDialog(QDialog):
    """User name and password; with `confirm`, the password twice (a new account)."""

    def __init__(
        self, title: str, intro: str, *, confirm: bool = False, username: str = ""
    ) -> None:
        super().__init__()
        self.setWindowTitle(title)
        self.setObjectName("credentials_dialog")
        self.username_edit = QLineEdit(username, objectName="username_edit")
        self.password_edit = QLineEdit(
            objectName="password_edit", echoMode=QLineEdit.EchoMode.Password
        )
        self.confirm_edit = (
            QLineEdit(objectName="confirm_edit", echoMode=QLineEdit.EchoMode.Password)
            if confirm
            else None
        )
        self.error_label = QLabel(objectName="error_label")
        self.error_label.setStyleSheet("color: #b00020")
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
        self.check = lambda name, password: None  # set by the caller; raises FairDeskError

    def accept(self) -> None:
        name, password = self.username_edit.text().strip(), self.password_edit.text()
        if self.confirm_edit is not None and password != self.confirm_edit.text():
            self.error_label.setText(self.tr("The two passwords differ."))
            return
        try:
            self.result_value = self.check(name, password)
        except FairDeskError as exc:
            self.error_label.setText(error_text(exc))
            self.password_edit.selectAll()
            self.password_edit.setFocus()
            return
        super().accept()


def sign_in(db_url: str | None, folder: str | None) -> Context | None:
    db = open_database(db_url, folder)
    system = Context(db, SYSTEM)
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
    from fairdesk.services.demo.demo import DemoOptions, create_demo

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
