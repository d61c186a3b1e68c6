"""The set-up wizard's pages show the app's own forms (the fair set-up, the exhibitor
import, a new user), with their checks and service calls: here they are made parts of a
page. A dialog inside a page must not close itself on saving, and Enter and Esc must
reach the wizard (Next, Cancel) where the form has nothing of its own to do with them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog

from fairdesk.ui.organizer.fair_dialog import FairDialog
from fairdesk.ui.organizer.import_dialog import ImportDialog
from fairdesk.ui.setup.users_dialog import NewUserDialog


def embed(dialog: QDialog) -> QDialog:
    """Show a dialog as a part of a page (its own buttons are hidden by the caller)."""
    dialog.setWindowFlags(Qt.WindowType.Widget)
    return dialog


class FairForm(FairDialog):
    """The fair set-up form inside the wizard: saving does not close it; Enter and Esc are
    the wizard's (Next, Cancel)."""

    def done(self, result: int) -> None:
        self.setResult(result)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            event.ignore()  # on to the wizard (a dialog would keep it)
            return
        super().keyPressEvent(event)


class ImportForm(ImportDialog):
    """The exhibitor import inside the wizard: Enter in the file field imports (and only
    that), elsewhere it is the wizard's; Esc (when no import runs) is the wizard's."""

    def done(self, result: int) -> None:
        self.setResult(result)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.file_edit.hasFocus():
                event.accept()  # the field imported it already
            else:
                event.ignore()  # on to the wizard (a dialog would keep it)
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        if self.running:
            self.cancel_import()
            return
        wizard = self.window()  # the wizard this form is a part of
        if isinstance(wizard, QDialog):
            wizard.reject()


class UserForm(NewUserDialog):
    """The new-user form inside the wizard: adding keeps it open for the next account;
    Enter adds what is typed, or (nothing typed) is the wizard's Next."""

    added = Signal(str)  # the account added: its user name and role, as shown

    def done(self, result: int) -> None:
        self.setResult(result)

    def accept(self) -> None:
        self.setResult(QDialog.DialogCode.Rejected)
        super().accept()
        if self.result() == QDialog.DialogCode.Accepted:
            self.added.emit(
                self.tr("{0} ({1})").format(
                    self.username_edit.text().strip(), self.role_combo.currentText()
                )
            )
            for edit in (
                self.username_edit,
                self.display_edit,
                self.password_edit,
                self.confirm_edit,
            ):
                edit.clear()
            self.role_combo.setCurrentIndex(0)  # desk staff again: no admin by a key too many
            self.error_label.clear()
            self.username_edit.setFocus()

    def typed(self) -> bool:
        return any(e.text() for e in (self.username_edit, self.display_edit, self.password_edit))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.typed():
            self.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            event.ignore()  # on to the wizard (a dialog would keep it)
            return
        super().keyPressEvent(event)
