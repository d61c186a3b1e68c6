"""Setting up a fair on a new installation: one guided dialog, Back / Next / Finish.

1. The administrator account (users.add_user, then users.sign_in, as `fairdesk user add`
   and the sign-in do). Creating it cannot be undone here, so it is a commit page: past it
   there is no going back to it.
2. The first users (the Users dialog's own form, NewUserDialog, inside the page),
   optional: Enter adds the account typed, Enter on an empty form goes on.
3. The fair: the fair set-up form itself (FairDialog, with its checks and its service
   calls), shown inside the page. Next saves it; coming Back edits the fair just saved.
4. The exhibitor list (ImportDialog inside the page), optional. Booths in halls the fair
   does not have are named by their rows; Back leads to the fair to add the halls.

Finish leaves the desk signed in as the administrator; the main window then says what to
do first (services.first_steps).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from fairdesk.app_context import SYSTEM
from fairdesk.db.engine import Database
from fairdesk.domain.enums import Role
from fairdesk.domain.errors import FairDeskError
from fairdesk.i18n import error_text
from fairdesk.services.context import Context
from fairdesk.services.trust import users
from fairdesk.settings import Settings
from fairdesk.ui.common.help import application_icon
from fairdesk.ui.common.named import named
from fairdesk.ui.organizer.fair_dialog import FairDialog
from fairdesk.ui.organizer.import_dialog import ImportDialog
from fairdesk.ui.setup.setup_forms import FairForm, ImportForm, UserForm, embed

ERROR_STYLE = "color: #b00020"
ACCOUNT_PAGE, USERS_PAGE, FAIR_PAGE, EXHIBITORS_PAGE = range(4)


class AccountPage(QWizardPage):
    """The administrator of this service center: name, password twice."""

    def __init__(self, wizard: SetUpWizard) -> None:
        super().__init__()
        self.setObjectName("account_page")
        self._wizard = wizard
        self.intro = QLabel(wordWrap=True)
        self.username_edit = named(QLineEdit("admin"), "username_edit")
        self.password_edit = named(QLineEdit(echoMode=QLineEdit.EchoMode.Password), "password_edit")
        self.confirm_edit = named(QLineEdit(echoMode=QLineEdit.EchoMode.Password), "confirm_edit")
        self.error_label = named(QLabel(wordWrap=True), "account_error")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.username_label = QLabel()
        self.password_label = QLabel()
        self.confirm_label = QLabel()
        for label, edit in (
            (self.username_label, self.username_edit),
            (self.password_label, self.password_edit),
            (self.confirm_label, self.confirm_edit),
        ):
            label.setBuddy(edit)
        form = QFormLayout(self)
        form.addRow(self.intro)
        form.addRow(self.username_label, self.username_edit)
        form.addRow(self.password_label, self.password_edit)
        form.addRow(self.confirm_label, self.confirm_edit)
        form.addRow(self.error_label)
        self.setCommitPage(True)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("The administrator"))
        self.setSubTitle(self.tr("Step 1 of 4: the account that sets up fairs and users."))
        self.intro.setText(
            self.tr(
                "The administrator of this service center sets up fairs and adds the desk, "
                "inspector and organizer accounts (Tools > Users, or fairdesk user add). "
                "Keep its password safe: it also unlocks the key that signs the documents."
            )
        )
        self.username_label.setText(self.tr("&User name:"))
        self.password_label.setText(self.tr("&Password:"))
        self.confirm_label.setText(self.tr("A&gain:"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Create the account"))

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self.username_edit.setFocus()
        self.username_edit.selectAll()

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        if self._wizard.admin is not None:
            return True
        name, password = self.username_edit.text().strip(), self.password_edit.text()
        if password != self.confirm_edit.text():
            return self._refuse(self.tr("The two passwords differ."))
        system = Context(self._wizard.db, SYSTEM)
        try:
            users.add_user(system, name, Role.ADMIN, password)
            self._wizard.admin = users.sign_in(system, name, password)  # unlocks the root key
        except FairDeskError as exc:
            return self._refuse(error_text(exc))
        self.error_label.clear()
        return True

    def _refuse(self, message: str) -> bool:
        self.error_label.setText(message)
        self.password_edit.selectAll()
        self.password_edit.setFocus()
        return False


class UsersPage(QWizardPage):
    """The first accounts of the desk, the inspectors and the organizer: optional."""

    def __init__(self, wizard: SetUpWizard) -> None:
        super().__init__()
        self.setObjectName("users_page")
        self._wizard = wizard
        self.form: UserForm | None = None
        self.added: list[str] = []
        self.add_button = named(QPushButton(), "add_user_button")
        self.added_label = named(QLabel(wordWrap=True), "added_users")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.add_button)
        self._layout.addLayout(row)
        self._layout.addWidget(self.added_label)
        self._layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("The first users"))
        self.setSubTitle(
            self.tr(
                "Step 2 of 4 (you may skip it): an account for each person at the desk, on "
                "patrol or from the organizer. Enter adds the account typed; more can be "
                "added later (Tools > Users)."
            )
        )
        self.add_button.setText(self.tr("A&dd the account"))
        self._show_added()

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        admin = self._wizard.admin
        assert admin is not None, "the account page comes first"
        if self.form is None:
            form = UserForm(admin)
            embed(form)
            buttons = form.findChild(QDialogButtonBox)
            if buttons is not None:
                buttons.hide()
            form.added.connect(self._added)
            self.add_button.clicked.connect(form.accept)
            self._layout.insertWidget(0, form)
            self.form = form
            form.show()
        form = self.form
        QTimer.singleShot(0, form.username_edit, form.username_edit.setFocus)

    def _added(self, name: str) -> None:
        self.added.append(name)
        self._show_added()

    def _show_added(self) -> None:
        if self.added:
            self.added_label.setText(self.tr("Added: {0}").format(self.tr(", ").join(self.added)))
        else:
            self.added_label.clear()

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        """Going on with an account half typed would lose it: add it first, or say why not."""
        form = self.form
        if form is None or not form.typed():
            return True
        form.accept()
        return form.result() == QDialog.DialogCode.Accepted


class FairPage(QWizardPage):
    """The fair: its set-up form; Next saves it (creates it, or saves a change)."""

    def __init__(self, wizard: SetUpWizard) -> None:
        super().__init__()
        self.setObjectName("fair_page")
        self._wizard = wizard
        self.form: FairDialog | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("The fair"))
        self.setSubTitle(
            self.tr("Step 3 of 4: name, dates, opening hours, halls and the rule set.")
        )

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        admin = self._wizard.admin
        assert admin is not None, "the account page comes first"
        if self.form is None:
            self._show_form(FairForm(admin))
        self._focus_first()

    def _show_form(self, form: FairDialog) -> None:
        if self.form is not None:
            self._layout.removeWidget(self.form)
            self.form.deleteLater()
        embed(form)
        form.ui.button_box.hide()
        self._layout.addWidget(form)
        self.form = form
        form.show()

    def _focus_first(self) -> None:
        assert self.form is not None
        ui = self.form.ui
        first = ui.code_edit if not ui.code_edit.isReadOnly() else ui.name_edit
        # After the wizard, which gives the page's first field the focus once shown.
        QTimer.singleShot(0, first, first.setFocus)

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        form = self.form
        assert form is not None
        form.setResult(QDialog.DialogCode.Rejected)
        form.accept()  # checks, shows each problem under its field, saves
        if form.result() != QDialog.DialogCode.Accepted or form.fair is None:
            return False
        admin = self._wizard.admin
        assert admin is not None
        code = form.fair.code
        self._wizard.fair_code = code
        if form.fair_code is None:  # created: coming Back now changes the fair saved
            edit = FairForm(admin, code)
            edit.warn = form.warn
            self._show_form(edit)
        return True


class ExhibitorsPage(QWizardPage):
    """The exhibitor list: optional; Finish without it, or import it (again)."""

    def __init__(self, wizard: SetUpWizard) -> None:
        super().__init__()
        self.setObjectName("exhibitors_page")
        self._wizard = wizard
        self.form: ImportDialog | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.setFinalPage(True)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("The exhibitors"))
        self.setSubTitle(
            self.tr(
                "Step 4 of 4 (you may skip it): import the exhibitor list, so that the desk "
                "finds respondents by booth or name. Then open the desk."
            )
        )

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        admin, code = self._wizard.admin, self._wizard.fair_code
        assert admin is not None and code is not None, "the fair page comes first"
        if self.form is None or self.form.fair_code != code:
            if self.form is not None:
                self._layout.removeWidget(self.form)
                self.form.deleteLater()
            form = ImportForm(
                admin,
                code,
                settings=self._wizard.settings,
                fix_halls=self.tr(
                    "Go Back to the fair, add the halls and import the list again, or "
                    "correct the list; until then rounds and the hall board do not show "
                    "these booths."
                ),
            )
            embed(form)
            form.button_box.hide()
            form.import_done.connect(lambda _report: self.completeChanged.emit())
            self._layout.addWidget(form)
            self.form = form
            form.show()
        # After the wizard, which gives the page's first field the focus once shown.
        QTimer.singleShot(0, self.form.file_edit, self.form.file_edit.setFocus)

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self.form is None or not self.form.running

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        return self.isComplete()


class SetUpWizard(QWizard):
    """Administrator, fair, exhibitors; `admin` is the signed-in administrator once the
    first page is done, `fair_code` the fair once saved."""

    def __init__(
        self, db: Database, settings: Settings | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("setup_wizard")
        self.db = db
        self.settings = settings
        self.admin: Context | None = None
        self.fair_code: str | None = None
        self.setWindowIcon(application_icon())
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, False)
        self.account_page = AccountPage(self)
        self.users_page = UsersPage(self)
        self.fair_page = FairPage(self)
        self.exhibitors_page = ExhibitorsPage(self)
        self.setPage(ACCOUNT_PAGE, self.account_page)
        self.setPage(USERS_PAGE, self.users_page)
        self.setPage(FAIR_PAGE, self.fair_page)
        self.setPage(EXHIBITORS_PAGE, self.exhibitors_page)
        self.retranslate()
        screen = QApplication.primaryScreen()
        available = screen.availableGeometry() if screen is not None else None
        height = min(760, available.height() - 80) if available is not None else 760
        self.resize(820, height)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Set up a fair"))
        # Letters no field of the pages uses (Alt+N is the fair's name, Alt+F the file).
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Ne&xt >"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Open the &desk"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        for page in (self.account_page, self.users_page, self.fair_page, self.exhibitors_page):
            page.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reject(self) -> None:
        form = self.exhibitors_page.form
        if form is not None and form.running:  # Esc while importing cancels the import
            form.cancel_import()
            return
        super().reject()
