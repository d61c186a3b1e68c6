"""Setting up and editing a fair through the dialog's real widgets."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QWidget
from sqlalchemy import select

from fairdesk.db.models import AuditEvent
from fairdesk.domain.rules import PRESETS
from fairdesk.services.casework.steps import act_on_complaint
from fairdesk.services.fair import fairs
from fairdesk.services.intake.intake import register_complaint
from fairdesk.ui.organizer.fair_dialog import FairDialog
from tests.conftest import Team
from tests.helpers import FAIR, complaint_input, make_fair

LEFT = Qt.MouseButton.LeftButton
SAVE = QDialogButtonBox.StandardButton.Save


def type_text(qtbot, widget: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    """ASCII as key presses, Chinese as an input method commits it (QTest has no keys for
    characters outside ASCII)."""
    for chunk in re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]+", text):
        if chunk.isascii():
            qtbot.keyClicks(widget, chunk)
        else:
            event = QInputMethodEvent()
            event.setCommitString(chunk)
            QApplication.sendEvent(widget, event)


def replace_text(qtbot, widget: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    type_text(qtbot, widget, text)


def _dialog(qtbot, ctx, code: str | None = None) -> FairDialog:  # type: ignore[no-untyped-def]
    dialog = FairDialog(ctx, code)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _save(qtbot, dialog: FairDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.ui.button_box.button(SAVE), LEFT)


def _fill_new(qtbot, dialog: FairDialog) -> None:  # type: ignore[no-untyped-def]
    ui = dialog.ui
    type_text(qtbot, ui.code_edit, "CIIE2026")
    qtbot.keyClick(ui.code_edit, Qt.Key.Key_Tab)
    type_text(qtbot, ui.name_edit, "第九届中国国际进口博览会")
    qtbot.keyClick(ui.name_edit, Qt.Key.Key_Tab)
    type_text(qtbot, ui.name_en_edit, "9th China International Import Expo")
    qtbot.keyClick(ui.name_en_edit, Qt.Key.Key_Tab)
    type_text(qtbot, ui.venue_edit, "国家会展中心（上海）")
    ui.start_date_edit.setDate(QDate(2026, 11, 5))
    ui.end_date_edit.setDate(QDate(2026, 11, 10))
    ui.opening_time_edit.setTime(QTime(9, 0))
    ui.closing_time_edit.setTime(QTime(18, 0))
    type_text(qtbot, ui.halls_edit, "4.1, 4.2，5.1")


def test_create_a_fair(qtbot, team: Team) -> None:
    dialog = _dialog(qtbot, team.admin)
    assert dialog.windowTitle() == "New fair" and dialog.ui.code_edit.hasFocus()
    assert not dialog.ui.reason_box.isVisible() and dialog.errors() == {}
    _fill_new(qtbot, dialog)
    # Choose the Beijing preset from the keyboard, then make its defence period 10 h.
    ui = dialog.ui
    ui.preset_combo.setFocus()
    qtbot.keyClick(ui.preset_combo, Qt.Key.Key_Down)
    assert ui.preset_combo.currentData() == "ciftis-12h"
    assert (ui.defence_spin.value(), ui.opening_hours_only_check.isChecked()) == (12, True)
    ui.defence_spin.setFocus()
    ui.defence_spin.selectAll()
    qtbot.keyClicks(ui.defence_spin, "10")
    assert ui.defence_spin.value() == 10
    with qtbot.waitSignal(dialog.saved) as saved:
        _save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    info = fairs.get_fair(team.admin, "CIIE2026")
    assert saved.args[0] == info == dialog.fair
    assert (info.name, info.name_en, info.venue) == (
        "第九届中国国际进口博览会",
        "9th China International Import Expo",
        "国家会展中心（上海）",
    )
    assert (info.start_date, info.end_date, info.hours) == (
        date(2026, 11, 5),
        date(2026, 11, 10),
        "09:00-18:00",
    )
    assert info.timezone == "Asia/Shanghai" and info.halls == ("4.1", "4.2", "5.1")
    assert info.rules == PRESETS["ciftis-12h"].with_changes(defence_hours=10)


def test_edit_a_fair(qtbot, team: Team) -> None:
    make_fair(team.admin)
    dialog = _dialog(qtbot, team.admin, FAIR)
    ui = dialog.ui
    assert dialog.windowTitle() == f"Edit fair {FAIR}"
    assert ui.code_edit.isReadOnly() and ui.code_edit.text() == FAIR
    assert ui.name_edit.text() == "测试博览会" and ui.name_edit.hasFocus()
    assert ui.start_date_edit.date() == QDate(2026, 11, 5)
    assert ui.closing_time_edit.time() == QTime(17, 0)
    assert ui.preset_combo.currentData() == "cnipa-24h" and ui.defence_spin.value() == 24
    assert not ui.reason_box.isVisible()  # no complaints yet: no reason asked
    replace_text(qtbot, ui.venue_edit, "国家会展中心")
    replace_text(qtbot, ui.halls_edit, "8.1, 8.2")
    ui.end_date_edit.setDate(QDate(2026, 11, 11))
    ui.recheck_spin.setFocus()
    ui.recheck_spin.selectAll()
    qtbot.keyClicks(ui.recheck_spin, "3")
    with qtbot.waitSignal(dialog.saved):
        _save(qtbot, dialog)
    info = fairs.get_fair(team.admin, FAIR)
    assert (info.venue, info.halls, info.end_date) == (
        "国家会展中心",
        ("8.1", "8.2"),
        date(2026, 11, 11),
    )
    assert info.rules.recheck_hours == 3
    assert info.rules.legal_basis == PRESETS["cnipa-24h"].legal_basis


def test_editing_a_fair_with_complaints_asks_why(qtbot, team: Team) -> None:
    make_fair(team.admin)
    for booth in ("4.1A01", "4.1A02"):
        reg = register_complaint(team.desk, FAIR, complaint_input(booth))
        act_on_complaint(team.desk, reg.number, "accept")
    dialog = _dialog(qtbot, team.admin, FAIR)
    ui = dialog.ui
    assert ui.reason_box.isVisible()
    assert "already has 2 complaint(s)" in ui.reason_label.text()
    ui.closing_time_edit.setTime(QTime(18, 0))
    _save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.errors() == {
        "reason": "The fair already has 2 complaint(s): say why you change its set-up "
        "(the reason is kept in the audit trail)."
    }
    assert ui.reason_error.isVisible() and ui.reason_edit.hasFocus()
    assert fairs.get_fair(team.admin, FAIR).hours == "09:00-17:00"
    type_text(qtbot, ui.reason_edit, "主办方延长开放时间")
    with qtbot.waitSignal(dialog.saved):
        _save(qtbot, dialog)
    assert fairs.get_fair(team.admin, FAIR).hours == "09:00-18:00"
    with team.admin.db.reading() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "fair.update")).one()
    assert event.reason == "主办方延长开放时间"
    assert event.before == {"hours": "09:00-17:00"} and event.after == {"hours": "09:00-18:00"}


def test_saving_an_unchanged_fair_needs_no_reason(qtbot, team: Team) -> None:
    make_fair(team.admin)
    reg = register_complaint(team.desk, FAIR, complaint_input())
    act_on_complaint(team.desk, reg.number, "accept")
    dialog = _dialog(qtbot, team.admin, FAIR)
    with qtbot.waitSignal(dialog.saved):
        _save(qtbot, dialog)


# --- bad input: the message a person sees, under the field it is about -------------------


def _code(text: str) -> Callable[[object, FairDialog], None]:
    def fill(qtbot, dialog: FairDialog) -> None:  # type: ignore[no-untyped-def]
        replace_text(qtbot, dialog.ui.code_edit, text)

    return fill


def _name(text: str) -> Callable[[object, FairDialog], None]:
    def fill(qtbot, dialog: FairDialog) -> None:  # type: ignore[no-untyped-def]
        replace_text(qtbot, dialog.ui.name_edit, text)

    return fill


def _end(day: QDate) -> Callable[[object, FairDialog], None]:
    def fill(_qtbot, dialog: FairDialog) -> None:  # type: ignore[no-untyped-def]
        dialog.ui.end_date_edit.setDate(day)

    return fill


def _closing(at: QTime) -> Callable[[object, FairDialog], None]:
    def fill(_qtbot, dialog: FairDialog) -> None:  # type: ignore[no-untyped-def]
        dialog.ui.closing_time_edit.setTime(at)

    return fill


def _zone(text: str) -> Callable[[object, FairDialog], None]:
    def fill(qtbot, dialog: FairDialog) -> None:  # type: ignore[no-untyped-def]
        replace_text(qtbot, dialog.ui.timezone_combo.lineEdit(), text)

    return fill


BAD_INPUT = [
    (
        _code(""),
        "code",
        "The fair needs a code (for example CIIE2026).",  # not "the fair code ''"
    ),
    (
        _code("CIIE 2026"),
        "code",
        "The fair code 'CIIE 2026' must be 1-32 letters, digits, '.', '_' or '-' "
        "(for example CIIE2026).",
    ),
    (_code(FAIR), "code", f"A fair with the code '{FAIR}' already exists."),
    (_name("   "), "name", "The fair needs a name."),
    (
        _end(QDate(2026, 11, 4)),
        "dates",
        "The fair's last day 2026-11-04 is before its first day 2026-11-05.",
    ),
    (
        _closing(QTime(8, 0)),
        "hours",
        "Opening hours must end after they start, got '09:00-08:00'.",
    ),
    (
        _zone("Mars/Olympus"),
        "timezone",
        "'Mars/Olympus' is not a known time zone (e.g. Asia/Shanghai).",
    ),
]


@pytest.mark.parametrize(
    ("change", "field", "message"),
    BAD_INPUT,
    ids=["no-code", "code-space", "code-taken", "no-name", "dates", "hours", "zone"],
)
def test_bad_input_shows_the_message_under_its_field(
    qtbot, team: Team, change, field: str, message: str
) -> None:  # type: ignore[no-untyped-def]
    make_fair(team.admin)  # FAIR exists, so its code is taken
    dialog = _dialog(qtbot, team.admin)
    _fill_new(qtbot, dialog)
    change(qtbot, dialog)
    _save(qtbot, dialog)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.errors() == {field: message}
    assert getattr(dialog.ui, f"{field}_error").isVisible()
    assert [f.code for f in fairs.list_fairs(team.admin)] == [FAIR]
    # What was typed stays, so the person only corrects the one field.
    assert dialog.ui.name_en_edit.text() == "9th China International Import Expo"


def test_several_problems_are_shown_at_once(qtbot, team: Team) -> None:
    dialog = _dialog(qtbot, team.admin)
    dialog.ui.closing_time_edit.setTime(QTime(8, 0))
    _save(qtbot, dialog)
    assert set(dialog.errors()) == {"code", "name", "hours"}
    assert dialog.ui.code_edit.hasFocus()
    _fill_new(qtbot, dialog)
    with qtbot.waitSignal(dialog.saved):
        _save(qtbot, dialog)
    assert dialog.errors() == {}


def test_desk_staff_see_why_they_cannot_save(qtbot, team: Team) -> None:
    make_fair(team.admin)
    dialog = _dialog(qtbot, team.desk, FAIR)
    assert not dialog.ui.button_box.button(SAVE).isEnabled()
    assert dialog.errors() == {
        "form": "Only admin staff may set up a fair; you are signed in as desk."
    }


def test_tab_leaves_a_date_or_time_field(qtbot, team: Team) -> None:
    """Tab goes to the next field from a date, as from any field (not to the date's month),
    and Shift+Tab back; the arrows still change the date."""
    dialog = _dialog(qtbot, team.admin)
    ui = dialog.ui
    ui.start_date_edit.setFocus()
    qtbot.waitUntil(ui.start_date_edit.hasFocus)
    qtbot.keyClick(ui.start_date_edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is ui.end_date_edit
    qtbot.keyClick(ui.end_date_edit, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is ui.start_date_edit
    before = ui.start_date_edit.date()
    qtbot.keyClick(ui.start_date_edit, Qt.Key.Key_Up)
    assert ui.start_date_edit.date() != before
    ui.closing_time_edit.setFocus()
    qtbot.waitUntil(ui.closing_time_edit.hasFocus)
    qtbot.keyClick(ui.closing_time_edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not ui.closing_time_edit


# -- per-day hours and the service center's address ---------------------------------------


def test_per_day_hours_and_the_centers_address_are_entered_and_kept(qtbot, team: Team) -> None:
    dialog = _dialog(qtbot, team.admin)
    _fill_new(qtbot, dialog)
    ui = dialog.ui
    type_text(qtbot, ui.center_address_edit, "国家会展中心（上海）B0 层 / NECC B0")
    type_text(qtbot, ui.center_phone_edit, "+86 21 6700 0000")
    ui.day_hours_edit.setFocus()
    type_text(qtbot, ui.day_hours_edit, "2026-11-05 13:00-17:00")
    qtbot.keyClick(ui.day_hours_edit, Qt.Key.Key_Return)
    type_text(qtbot, ui.day_hours_edit, "2026-11-10 9:00-15:00")
    with qtbot.waitSignal(dialog.saved):
        _save(qtbot, dialog)
    info = fairs.get_fair(team.admin, "CIIE2026")
    assert info.day_hours == (("2026-11-05", "13:00-17:00"), ("2026-11-10", "09:00-15:00"))
    assert (info.center_address, info.center_phone) == (
        "国家会展中心（上海）B0 层 / NECC B0",
        "+86 21 6700 0000",
    )
    # The clocks run on them: the opening day opens after the ceremony, the last closes early.
    with team.admin.db.reading() as session:
        calendar = fairs.calendar_of(fairs.fair_by_code(session, "CIIE2026"))
    assert calendar.hours_on(date(2026, 11, 5)) == (
        QTime(13, 0).toPython(),
        QTime(17, 0).toPython(),
    )
    assert calendar.hours_on(date(2026, 11, 10))[1] == QTime(15, 0).toPython()
    assert calendar.hours_on(date(2026, 11, 7)) == (QTime(9, 0).toPython(), QTime(18, 0).toPython())
    # Editing shows them again, one day a line.
    edit = _dialog(qtbot, team.admin, "CIIE2026")
    assert edit.ui.day_hours_edit.toPlainText() == (
        "2026-11-05 13:00-17:00\n2026-11-10 09:00-15:00"
    )
    assert edit.ui.center_phone_edit.text() == "+86 21 6700 0000"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (
            "2026-11-10 15:00-09:00",
            "Line 1: the closing time 09:00 is not after the opening time 15:00.",
        ),
        (
            "2026-11-05 13:00-17:00\n2026-11-12 09:00-12:00",
            "Line 2: 2026-11-12 is not a day of the fair (2026-11-05 to 2026-11-10).",
        ),
        (
            "11-05 13:00-17:00",
            "Line 1: write a day and its hours, e.g. 2026-11-05 13:00-17:00, or the day "
            "and 'closed'.",
        ),
        (
            "2026-11-05 from one",
            "Line 1: the hours must look like 09:00-17:00 (or 'closed'), not 'from one'.",
        ),
        ("2026-11-05 closed\n2026-11-05 13:00-17:00", "Line 2: 2026-11-05 is given twice."),
    ],
)
def test_wrong_per_day_hours_are_refused_with_a_clear_message(
    qtbot, team: Team, typed: str, message: str
) -> None:
    dialog = _dialog(qtbot, team.admin)
    _fill_new(qtbot, dialog)
    dialog.ui.day_hours_edit.setPlainText(typed)
    _save(qtbot, dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.errors() == {"day_hours": message}
    assert dialog.ui.day_hours_error.isVisible() and dialog.ui.day_hours_edit.hasFocus()
    assert fairs.list_fairs(team.admin) == []


def test_a_chinese_desk_reads_the_per_day_hours_message_in_chinese(qtbot, qapp, team: Team) -> None:
    from fairdesk.i18n import install_translations

    install_translations(qapp, "zh_CN")
    try:
        dialog = _dialog(qtbot, team.admin)
        _fill_new(qtbot, dialog)
        dialog.ui.day_hours_edit.setPlainText("2026-11-10 15:00-09:00\n2026-11-08 闭馆")
        _save(qtbot, dialog)
        assert dialog.errors() == {"day_hours": "第 1 行：闭馆时间 09:00 不晚于开馆时间 15:00。"}
        dialog.ui.day_hours_edit.setPlainText("2026-11-10 09:00-15:00\n2026-11-08 闭馆")
        with qtbot.waitSignal(dialog.saved):
            _save(qtbot, dialog)
        info = fairs.get_fair(team.admin, "CIIE2026")
        assert info.day_hours == (("2026-11-08", ""), ("2026-11-10", "09:00-15:00"))
    finally:
        install_translations(qapp, "en")


def test_a_fair_already_over_is_saved_with_a_warning(qtbot, team: Team) -> None:
    """Dates copied from an example: the set-up says the fair closed before today, as the
    command line does, so no desk meets every deadline due at once by surprise."""
    dialog = _dialog(qtbot, team.admin)
    _fill_new(qtbot, dialog)
    dialog.ui.start_date_edit.setDate(QDate(2020, 11, 5))
    dialog.ui.end_date_edit.setDate(QDate(2020, 11, 10))
    said: list[str] = []
    dialog.warn = said.append
    dialog.accept()
    assert dialog.fair is not None and dialog.fair.code == "CIIE2026"
    assert len(said) == 1 and "closed on 2020-11-10" in said[0]


def test_a_fair_still_to_come_is_saved_without_a_word(qtbot, team: Team) -> None:
    dialog = _dialog(qtbot, team.admin)
    _fill_new(qtbot, dialog)
    said: list[str] = []
    dialog.warn = said.append
    dialog.accept()
    assert dialog.fair is not None and said == []


def test_a_latin_chinese_name_is_warned_about_but_saved(qtbot, team: Team) -> None:
    dialog = _dialog(qtbot, team.admin)
    assert "taken from the exhibitor list" in dialog.ui.halls_edit.placeholderText()
    _fill_new(qtbot, dialog)
    assert not dialog.ui.name_error.isVisible()
    replace_text(qtbot, dialog.ui.name_edit, "Expo Shanghai")
    assert dialog.ui.name_error.isVisible()
    assert "No Chinese character" in dialog.ui.name_error.text()
    with qtbot.waitSignal(dialog.saved):  # a warning, not a refusal
        _save(qtbot, dialog)
    assert fairs.get_fair(team.admin, "CIIE2026").name == "Expo Shanghai"
