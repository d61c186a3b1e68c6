"""Tools > Users (administrators): add, disable or enable, reset a password, revoke a key.

Every button calls the same services as `fairdesk user …` and `fairdesk keys revoke`;
the services check the permission and write the audit trail.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fairdesk.domain import vocabulary as v
from fairdesk.domain.enums import Role
from fairdesk.domain.errors import FairDeskError, InvalidInput
from fairdesk.domain.vocabulary import say
from fairdesk.i18n import current_language, error_text
from fairdesk.services.context import Context
from fairdesk.services.paper import documents
from fairdesk.services.trust import keys, users
from fairdesk.ui.common.named import named
from fairdesk.ui.forms.ui_new_user_dialog import Ui_NewUserDialog


def role_word(role: Role) -> str:
    """The role in the desk's language, from the one vocabulary."""
    return say(v.ROLES, role.value, current_language())


class NewUserDialog(QDialog):
    """User name, display name, role and the first password (twice)."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_NewUserDialog()  # the layout: ui/new_user_dialog.ui
        self.ui.setupUi(self)
        self.setObjectName("new_user_dialog")
        ui = self.ui
        self.username_edit, self.display_edit = ui.username_edit, ui.display_edit
        self.role_combo, self.error_label = ui.role_combo, ui.error_label
        self.password_edit, self.confirm_edit = ui.password_edit, ui.confirm_edit
        for role in (Role.DESK, Role.INSPECTOR, Role.ORGANIZER, Role.OFFICER, Role.ADMIN):
            self.role_combo.addItem(role_word(role), role.value)
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)

    def accept(self) -> None:
        if self.password_edit.text() != self.confirm_edit.text():
            self.error_label.setText(self.tr("The two passwords differ."))
            return
        try:
            users.add_user(
                self.ctx,
                self.username_edit.text().strip(),
                str(self.role_combo.currentData()),
                self.password_edit.text(),
                self.display_edit.text().strip(),
            )
        except FairDeskError as exc:
            self.error_label.setText(error_text(exc))
            return
        super().accept()


class UsersDialog(QDialog):
    COL_USER, COL_NAME, COL_ROLE, COL_STATE, COL_KEY = range(5)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("users_dialog")
        self.setWindowTitle(self.tr("Users"))
        self.resize(760, 420)
        self.table = named(QTableWidget(0, 5), "users_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("User"), self.tr("Name"), self.tr("Role"), self.tr("State"), self.tr("Key")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.error_label = named(QLabel(wordWrap=True), "error_label")
        self.error_label.setStyleSheet("color: #b00020")
        self.add_button = named(QPushButton(self.tr("&Add…")), "add_button")
        self.toggle_button = named(QPushButton(self.tr("&Disable")), "toggle_button")
        self.password_button = named(QPushButton(self.tr("&Reset password…")), "password_button")
        self.revoke_button = named(QPushButton(self.tr("Re&voke key…")), "revoke_button")
        self.certify_button = named(QPushButton(self.tr("&Certify key…")), "certify_button")
        self.certify_button.clicked.connect(self.certify_key)
        self.add_button.clicked.connect(self.add_user)
        self.toggle_button.clicked.connect(self.toggle_user)
        self.password_button.clicked.connect(self.reset_password)
        self.revoke_button.clicked.connect(self.revoke_key)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        row = QHBoxLayout()
        for button in (
            self.add_button,
            self.toggle_button,
            self.password_button,
            self.revoke_button,
            self.certify_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        layout.addWidget(close)
        self.refresh()

    # -- the list -----------------------------------------------------------------------
    def refresh(self) -> None:
        try:
            people = users.list_users(self.ctx)
            in_use = {
                k.owner: k
                for k in documents.list_keys(self.ctx)
                if k.kind == keys.USER and k.revoked_at is None and k.retired_at is None
            }
        except FairDeskError as exc:
            self.error_label.setText(error_text(exc))
            return
        self.table.setRowCount(len(people))
        for r, info in enumerate(people):
            key = in_use.get(info.username)
            if key is None:
                key_text = self.tr("none") if info.role is Role.DESK else ""
            elif not key.certified:
                key_text = self.tr("{0} (awaits certification)").format(key.key_id)
            else:
                key_text = key.key_id
            cells = (
                info.username,
                info.display_name,
                role_word(info.role),
                self.tr("active") if info.active else self.tr("disabled"),
                key_text,
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, info.username)
                item.setData(Qt.ItemDataRole.UserRole + 1, info.active)
                self.table.setItem(r, c, item)
        self._selection_changed()

    def selected(self) -> tuple[str, bool] | None:
        items = self.table.selectedItems()
        if not items:
            return None
        item = items[0]
        return (
            str(item.data(Qt.ItemDataRole.UserRole)),
            bool(item.data(Qt.ItemDataRole.UserRole + 1)),
        )

    def _selection_changed(self) -> None:
        chosen = self.selected()
        for button in (
            self.toggle_button,
            self.password_button,
            self.revoke_button,
            self.certify_button,
        ):
            button.setEnabled(chosen is not None)
        if chosen is not None:
            self.toggle_button.setText(self.tr("&Disable") if chosen[1] else self.tr("&Enable"))

    def _run(self, call) -> bool:  # type: ignore[no-untyped-def]
        try:
            call()
        except FairDeskError as exc:
            self.error_label.setText(error_text(exc))
            return False
        self.error_label.clear()
        self.refresh()
        return True

    # -- the buttons --------------------------------------------------------------------
    def add_user(self) -> None:
        if NewUserDialog(self.ctx, self).exec() == QDialog.DialogCode.Accepted:
            self.error_label.clear()
            self.refresh()

    def toggle_user(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        name, active = chosen
        if active:
            self._run(lambda: users.disable_user(self.ctx, name))
        else:
            self._run(lambda: users.enable_user(self.ctx, name))

    def reset_password(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        name = chosen[0]
        password, ok = QInputDialog.getText(
            self,
            self.tr("Reset password"),
            self.tr(
                "New password for {0} (at least 8 characters). Their signing key is "
                "replaced: documents it signed stay genuine."
            ).format(name),
            QLineEdit.EchoMode.Password,
        )
        if ok:
            self._run(lambda: users.set_password(self.ctx, name, password))

    def revoke_key(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        name = chosen[0]
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Revoke key"),
            self.tr(
                "Why is the key of {0} revoked (left the team, laptop lost)? What it signs "
                "from now on is refused; what it signed before stays genuine."
            ).format(name),
        )
        if ok:
            self._run(lambda: _revoke(self.ctx, name, reason))

    def certify_key(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        name = chosen[0]
        fingerprint, ok = QInputDialog.getText(
            self,
            self.tr("Certify key"),
            self.tr(
                "Ask {0} to read the fingerprint their screen shows for their new key, and "
                "type it here. Certify only a key whose owner you have heard in person or "
                "on a call you trust."
            ).format(name),
        )
        if ok:
            self._run(lambda: keys.certify_user_key(self.ctx, name, fingerprint))


def _revoke(ctx: Context, name: str, reason: str) -> None:
    if not reason.strip():
        raise InvalidInput("Revoking a key needs a reason.")
    keys.revoke_user_key(ctx, name, reason)
