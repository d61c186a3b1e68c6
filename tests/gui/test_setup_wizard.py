"""The first-run set-up as one guided dialog, driven from the keyboard: the administrator,
the fair (Tab leaves a date field), the exhibitor list checked against the fair's halls,
Back to the fair to add a hall, and the desk signed in at the end."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget, QWizard

from fairdesk.app_context import SYSTEM
from fairdesk.db.engine import Database
from fairdesk.domain.enums import Role
from fairdesk.i18n import install_translations
from fairdesk.services.context import Context
from fairdesk.services.fair import fairs
from fairdesk.services.fair.exhibitors import count_exhibitors
from fairdesk.services.trust import users
from fairdesk.settings import Settings
from fairdesk.ui.common.tasks import use_synchronous_pool
from fairdesk.ui.setup import welcome as w
from fairdesk.ui.setup.setup_wizard import (
    ACCOUNT_PAGE,
    EXHIBITORS_PAGE,
    FAIR_PAGE,
    USERS_PAGE,
    SetUpWizard,
)

Key = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier
PASSWORD = "a-long-password-1"
HEADER = "展商名称,Exhibitor Name,国家/地区,展馆 Hall,展位号 Booth No.\n"


@pytest.fixture(autouse=True)
def sync_pool() -> Iterator[None]:
    use_synchronous_pool()
    yield
    use_synchronous_pool(False)


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    install_translations(qapp, "en")
    yield
    install_translations(qapp, "en")


@pytest.fixture
def exhibitor_list(tmp_path: Path) -> Path:
    """Four exhibitors, two of them (rows 4 and 5) in hall 7.2."""
    path = tmp_path / "list.csv"
    rows = [
        "甲公司,A Co.,德国,4.1,4.1A01",
        "乙公司,B Co.,德国,5.1,5.1B01",
        "丙公司,C Co.,法国,7.2,7.2C01",
        "丁公司,D Co.,法国,7.2,7.2C02",
    ]
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def press(qtbot, key: Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    target = QApplication.activePopupWidget() or focused()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifier)


def type_in(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type into the focused field: ASCII key by key, Chinese as an input method commits it."""
    for chunk in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
        widget = focused()
        assert widget is not None, "nothing has the keyboard focus"
        if chunk.isascii():
            qtbot.keyClicks(widget, chunk)
        else:
            event = QInputMethodEvent()
            event.setCommitString(chunk)
            QApplication.sendEvent(widget, event)


def open_wizard(qtbot, db: Database) -> SetUpWizard:  # type: ignore[no-untyped-def]
    wizard = SetUpWizard(db, Settings())
    qtbot.addWidget(wizard)
    show(qtbot, wizard)
    return wizard


def show(qtbot, wizard: SetUpWizard) -> None:  # type: ignore[no-untyped-def]
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is wizard.windowHandle())


def create_account(qtbot, wizard: SetUpWizard, again: str = PASSWORD) -> None:  # type: ignore[no-untyped-def]
    page = wizard.account_page
    qtbot.waitUntil(lambda: focused() is page.username_edit)
    type_in(qtbot, "chief")  # over the proposed "admin", which is selected
    press(qtbot, Key.Key_Tab)
    type_in(qtbot, PASSWORD)
    press(qtbot, Key.Key_Tab)
    type_in(qtbot, again)
    press(qtbot, Key.Key_Return)  # "Create the account"


def skip_users(qtbot, wizard: SetUpWizard) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: wizard.currentId() == USERS_PAGE)
    form = wizard.users_page.form
    assert form is not None
    qtbot.waitUntil(lambda: focused() is form.username_edit)
    press(qtbot, Key.Key_Return)  # nothing typed: on to the fair


def fill_fair(qtbot, wizard: SetUpWizard, said: list[str]) -> None:  # type: ignore[no-untyped-def]
    skip_users(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentId() == FAIR_PAGE)
    form = wizard.fair_page.form
    assert form is not None
    form.warn = said.append
    ui = form.ui
    qtbot.waitUntil(lambda: focused() is ui.code_edit)
    type_in(qtbot, "CIIE2027")
    press(qtbot, Key.Key_Tab)
    type_in(qtbot, "第十届中国国际进口博览会")
    press(qtbot, Key.Key_D, ALT)  # Dates
    assert focused() is ui.start_date_edit
    type_in(qtbot, "20271105")  # a full year, month, day moves on by itself
    press(qtbot, Key.Key_Tab)  # leaves the date field, not only its year
    assert focused() is ui.end_date_edit
    type_in(qtbot, "20271110")
    press(qtbot, Key.Key_A, ALT)  # Halls
    assert focused() is ui.halls_edit
    type_in(qtbot, "4.1, 5.1")
    press(qtbot, Key.Key_Return)  # Next: saves the fair


def import_list(qtbot, wizard: SetUpWizard, path: Path) -> str:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: wizard.currentId() == EXHIBITORS_PAGE)
    form = wizard.exhibitors_page.form
    assert form is not None
    qtbot.waitUntil(lambda: focused() is form.file_edit)
    type_in(qtbot, str(path))
    with qtbot.waitSignal(form.import_done):
        press(qtbot, Key.Key_I, ALT)  # Import
    return form.summary_label.text()


def test_setting_up_is_one_guided_dialog_from_the_keyboard(
    qtbot, english: None, db: Database, exhibitor_list: Path
) -> None:
    wizard = open_wizard(qtbot, db)
    assert wizard.currentId() == ACCOUNT_PAGE
    create_account(qtbot, wizard)
    said: list[str] = []
    fill_fair(qtbot, wizard, said)
    assert said == []  # a fair still to come: nothing to warn of
    admin = wizard.admin
    assert admin is not None and admin.actor.username == "chief"
    assert admin.actor.role is Role.ADMIN
    (info,) = fairs.list_fairs(admin)
    assert (info.code, info.start_date, info.end_date, info.halls) == (
        "CIIE2027",
        date(2027, 11, 5),
        date(2027, 11, 10),
        ("4.1", "5.1"),
    )

    # The list names hall 7.2, which the fair does not have: said with the rows.
    text = import_list(qtbot, wizard, exhibitor_list)
    assert "Imported 4" in text
    assert "halls that CIIE2027 does not have: 7.2 (2 booths) in rows 4, 5." in text
    assert "Go Back to the fair" in text

    # Back to the fair (it is saved: coming back edits it), add the hall, import again.
    press(qtbot, Key.Key_B, ALT)
    qtbot.waitUntil(lambda: wizard.currentId() == FAIR_PAGE)
    form = wizard.fair_page.form
    assert form is not None and form.ui.code_edit.isReadOnly()
    press(qtbot, Key.Key_A, ALT)
    assert focused() is form.ui.halls_edit
    press(qtbot, Key.Key_End)
    type_in(qtbot, ", 7.2")
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.currentId() == EXHIBITORS_PAGE)
    assert fairs.get_fair(admin, "CIIE2027").halls == ("4.1", "5.1", "7.2")
    import_form = wizard.exhibitors_page.form
    assert import_form is not None
    qtbot.waitUntil(lambda: focused() is import_form.file_edit)
    with qtbot.waitSignal(import_form.import_done):
        press(qtbot, Key.Key_Return)  # Enter in the file field imports, it does not finish
    assert wizard.isVisible() and wizard.currentId() == EXHIBITORS_PAGE
    assert "does not have" not in import_form.summary_label.text()
    assert count_exhibitors(admin, "CIIE2027") == 4

    press(qtbot, Key.Key_D, ALT)  # "Open the desk"
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert wizard.result() == QDialog.DialogCode.Accepted


def test_the_first_users_are_added_from_the_keyboard(qtbot, english: None, db: Database) -> None:
    wizard = open_wizard(qtbot, db)
    create_account(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentId() == USERS_PAGE)
    page = wizard.users_page
    form = page.form
    assert form is not None
    for name, downs in (("alice", 0), ("ivan", 1)):  # desk, then inspector
        qtbot.waitUntil(lambda: focused() is form.username_edit)
        type_in(qtbot, name)
        press(qtbot, Key.Key_Tab)
        type_in(qtbot, name.title())
        press(qtbot, Key.Key_Tab)
        assert focused() is form.role_combo
        for _ in range(downs):
            press(qtbot, Key.Key_Down)
        press(qtbot, Key.Key_Tab)
        type_in(qtbot, f"{name}-password-1")
        press(qtbot, Key.Key_Tab)
        type_in(qtbot, f"{name}-password-1")
        press(qtbot, Key.Key_Return)  # adds it; the form is empty for the next
        qtbot.waitUntil(lambda: form.username_edit.text() == "")
        assert wizard.currentId() == USERS_PAGE and form.username_edit.text() == ""
    assert page.added_label.text() == "Added: alice (Desk staff), ivan (Inspector)"
    # The role starts again at desk staff: a Down too many never makes an administrator.
    assert form.role_combo.currentData() == Role.DESK.value
    admin = wizard.admin
    assert admin is not None
    assert users.get_user(admin, "alice").actor.role is Role.DESK
    assert users.get_user(admin, "ivan").actor.role is Role.INSPECTOR
    # A refused account says why and keeps the page.
    type_in(qtbot, "bob")
    press(qtbot, Key.Key_Tab)
    press(qtbot, Key.Key_Tab)
    press(qtbot, Key.Key_Tab)
    type_in(qtbot, "short")
    press(qtbot, Key.Key_Tab)
    type_in(qtbot, "short")
    press(qtbot, Key.Key_X, ALT)  # Next, with the account half done: added first
    qtbot.waitUntil(lambda: form.error_label.text() != "")  # a shortcut clicks a moment later
    assert form.error_label.text() == "A password needs at least 8 characters."
    assert wizard.currentId() == USERS_PAGE
    wizard.reject()


def test_two_different_passwords_keep_the_first_page(qtbot, english: None, db: Database) -> None:
    wizard = open_wizard(qtbot, db)
    create_account(qtbot, wizard, again="another-password-2")
    assert wizard.currentId() == ACCOUNT_PAGE
    assert wizard.account_page.error_label.text() == "The two passwords differ."
    assert wizard.admin is None and users.count_users(Context(db, SYSTEM)) == 0
    assert focused() is wizard.account_page.password_edit


def test_a_fair_with_problems_is_not_saved_and_says_why(qtbot, english: None, db: Database) -> None:
    wizard = open_wizard(qtbot, db)
    create_account(qtbot, wizard)
    skip_users(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentId() == FAIR_PAGE)
    form = wizard.fair_page.form
    assert form is not None
    qtbot.waitUntil(lambda: focused() is form.ui.code_edit)
    press(qtbot, Key.Key_Return)  # nothing typed
    assert wizard.currentId() == FAIR_PAGE and form.isVisible()
    assert "code" in form.errors()
    assert wizard.admin is not None and fairs.list_fairs(wizard.admin) == []


def test_the_set_up_can_end_without_exhibitors(qtbot, english: None, db: Database) -> None:
    wizard = open_wizard(qtbot, db)
    create_account(qtbot, wizard)
    fill_fair(qtbot, wizard, [])
    qtbot.waitUntil(lambda: wizard.currentId() == EXHIBITORS_PAGE)
    press(qtbot, Key.Key_D, ALT)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert wizard.admin is not None and count_exhibitors(wizard.admin, "CIIE2027") == 0


def test_the_welcome_opens_the_desk_signed_in_after_the_set_up(
    qtbot, english: None, tmp_path: Path
) -> None:
    def choose_set_up(dialog: QDialog) -> bool:
        assert isinstance(dialog, w.WelcomeDialog)
        dialog.show()
        dialog.setup_button.click()
        return True

    def set_up(dialog: QDialog) -> bool:
        assert isinstance(dialog, SetUpWizard)
        show(qtbot, dialog)
        create_account(qtbot, dialog)
        qtbot.waitUntil(lambda: dialog.currentId() == USERS_PAGE)
        qtbot.waitUntil(lambda: focused() is not None)
        press(qtbot, Key.Key_Escape)  # stops after the account: it is kept, signed in
        qtbot.waitUntil(lambda: not dialog.isVisible())
        return False

    runs = iter([choose_set_up, set_up])
    url = f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    result = w.welcome_new_desk(url, None, run=lambda dialog: next(runs)(dialog))
    assert result is not None and result.choice is w.Choice.SET_UP and result.ctx is not None
    assert result.ctx.actor.username == "chief"
    assert users.authenticate(Context(result.ctx.db, SYSTEM), "chief", PASSWORD)
    assert fairs.list_fairs(result.ctx) == []
    result.ctx.db.dispose()


def test_the_set_up_speaks_chinese(qapp, qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    install_translations(qapp, "zh_CN")
    try:
        wizard = open_wizard(qtbot, db)
        page = wizard.account_page
        for text in (wizard.windowTitle(), page.title(), page.subTitle(), page.intro.text()):
            assert re.search("[\u4e00-\u9fff]", text), text
        create_account(qtbot, wizard)
        qtbot.waitUntil(lambda: wizard.currentId() == USERS_PAGE)
        users_page = wizard.users_page
        for text in (users_page.title(), users_page.subTitle(), users_page.add_button.text()):
            assert re.search("[一-鿿]", text), text
        skip_users(qtbot, wizard)
        qtbot.waitUntil(lambda: wizard.currentId() == FAIR_PAGE)
        form = wizard.fair_page.form
        assert form is not None
        form.ui.code_edit.setText("CIIE2027")
        form.ui.name_edit.setText("第十届中国国际进口博览会")
        form.ui.start_date_edit.setDate(QDate(2027, 11, 5))
        form.ui.end_date_edit.setDate(QDate(2027, 11, 10))
        press(qtbot, Key.Key_Return)
        qtbot.waitUntil(lambda: wizard.currentId() == EXHIBITORS_PAGE)
        exhibitors = wizard.exhibitors_page
        for text in (exhibitors.title(), exhibitors.subTitle()):
            assert re.search("[\u4e00-\u9fff]", text), text
        for button in (QWizard.WizardButton.BackButton, QWizard.WizardButton.FinishButton):
            label = wizard.buttonText(button).replace("&", "")
            assert not re.search("[A-Za-z]{2,}", label), label
    finally:
        install_translations(qapp, "en")
