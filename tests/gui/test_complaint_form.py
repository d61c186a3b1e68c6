"""The "New complaint" form through real widgets: keys, clicks, completions (pytest-qt)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QInputMethodEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QWidget
from sqlalchemy import func, select

from fairdesk.db.models import AuditEvent, Complaint, IPRight, RespondentCase
from fairdesk.domain import acceptance
from fairdesk.domain.errors import (
    ConcurrentEdit,
    MissingRequirement,
    PermissionDenied,
    StorageError,
)
from fairdesk.i18n import error_text
from fairdesk.services.casework import steps
from fairdesk.services.casework.cases import complaint_by_number
from fairdesk.services.casework.steps import act_on_case, act_on_complaint
from fairdesk.services.fair.exhibitors import upsert_exhibitors
from fairdesk.services.fair.fairs import fair_by_code
from fairdesk.services.inspection.evidence import evidence_of
from fairdesk.services.intake.intake import register_complaint
from fairdesk.ui.intake import complaint_form, complaint_photos
from fairdesk.ui.intake.complaint_form import ComplaintForm
from fairdesk.ui.intake.complaint_respondents import ExhibitsModel
from fairdesk.ui.intake.complaint_steps import RejectDialog, SupplementDialog
from tests.conftest import Team
from tests.helpers import FAIR, complaint_input, exhibitor, make_fair

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
EARLIER = "TEST2025"
COMPLAINANT = "示例品牌股份有限公司"
RIGHT = "ZL202330123456.7"


# -- driving the keyboard ---------------------------------------------------------------------


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def press(qtbot, key: Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    """A key as the keyboard sends it: to the open completion list, else the focused widget."""
    target = QApplication.activePopupWidget() or QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifier)


def type_into(qtbot, widget: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type as a person does: Latin text key by key, Chinese as an input method commits it."""
    for chunk in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
        if chunk.isascii():
            qtbot.keyClicks(widget, chunk)
        else:
            event = QInputMethodEvent()
            event.setCommitString(chunk)
            QApplication.sendEvent(widget, event)


def type_in(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    widget = focused()
    assert widget is not None, "nothing has the keyboard focus"
    type_into(qtbot, widget, text)


def tab_to(qtbot, widget: QWidget, limit: int = 80) -> None:  # type: ignore[no-untyped-def]
    """Press Tab until `widget` has the focus, as a person would."""
    for _ in range(limit):
        if focused() is widget:
            return
        press(qtbot, Key.Key_Tab)
    raise AssertionError(f"Tab never reached {widget.objectName()}; stuck at {focused()}")


def completions_open(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Wait until the completion list is open and has the keyboard, as the platform sees it."""
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    popup = QApplication.activePopupWidget()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is popup.windowHandle())


def completions_closed(qtbot, form: ComplaintForm) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    # The offscreen platform gives the activation back to no window when a popup closes;
    # a window manager gives it back to the form.
    form.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is form.windowHandle())


def dismiss_completions(qtbot, form: ComplaintForm) -> None:  # type: ignore[no-untyped-def]
    if QApplication.activePopupWidget() is not None:
        close_completions(qtbot, form)


def pick_completion(qtbot, form: ComplaintForm, downs: int = 1) -> None:  # type: ignore[no-untyped-def]
    completions_open(qtbot)
    for _ in range(downs):
        press(qtbot, Key.Key_Down)
    press(qtbot, Key.Key_Return)
    completions_closed(qtbot, form)


def close_completions(qtbot, form: ComplaintForm) -> None:  # type: ignore[no-untyped-def]
    """Escape closes the completion list and leaves the typed text as it is."""
    completions_open(qtbot)
    press(qtbot, Key.Key_Escape)
    completions_closed(qtbot, form)


@pytest.fixture
def fair(team: Team) -> str:
    return make_fair(team.admin, exhibitors=5)


def open_form(qtbot, team: Team) -> ComplaintForm:  # type: ignore[no-untyped-def]
    form = ComplaintForm(team.desk, FAIR)
    qtbot.addWidget(form)
    with qtbot.waitExposed(form):
        form.show()
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    qtbot.waitUntil(lambda: focused() is form.complainant_name)
    return form


@pytest.fixture
def form(qtbot, team: Team, fair: str) -> ComplaintForm:  # type: ignore[no-untyped-def]
    return open_form(qtbot, team)


def complaints(team: Team) -> list[Complaint]:
    with team.desk.db.reading() as session:
        return list(session.scalars(select(Complaint).order_by(Complaint.id)))


def add_exhibitors(team: Team, code: str, *records) -> None:  # type: ignore[no-untyped-def]
    with team.admin.db.writing() as session:
        upsert_exhibitors(session, fair_by_code(session, code).id, records, team.admin.now())


# -- the whole complaint from the keyboard ---------------------------------------------------------


def test_two_respondents_registered_and_accepted_with_the_keyboard_only(
    qtbot, team: Team, form: ComplaintForm
) -> None:
    # Complainant: the name field has the focus when the form opens.
    type_in(qtbot, COMPLAINANT)
    press(qtbot, Key.Key_Tab)
    assert focused() is form.complainant_name_en
    type_in(qtbot, "Example Brand Co., Ltd.")
    tab_to(qtbot, form.complainant_country)
    type_in(qtbot, "中国")
    # The right: a design patent, typed in new.
    row = form.rights.rows[0]
    tab_to(qtbot, row.type_combo)
    press(qtbot, Key.Key_Down)
    press(qtbot, Key.Key_Down)
    assert row.ip_type() == "design"
    assert form.rights.rows[0].number_label.text() == "Patent no.:"
    press(qtbot, Key.Key_Tab)
    type_in(qtbot, RIGHT)
    press(qtbot, Key.Key_Tab)
    type_in(qtbot, "座椅")
    press(qtbot, Key.Key_Tab)
    type_in(qtbot, "示例品牌")
    tab_to(qtbot, row.valid_from)
    type_in(qtbot, "2023-03-01")
    press(qtbot, Key.Key_Tab)
    type_in(qtbot, "2038/2/28")
    assert row.status.text() == "✓ Valid in China until 28/02/2038."
    # Respondent 1: type part of the booth number, pick the first completion with the keys.
    first = form.respondents.rows[0]
    tab_to(qtbot, first.search)
    type_in(qtbot, "4.1a0")
    pick_completion(qtbot, form, downs=1)
    assert first.exhibitor is not None and first.exhibitor.booth == "4.1A01"
    assert first.search.text() == "4.1A01"
    assert "测试展商1有限公司 · Test Exhibitor 1 GmbH" in first.status.text()
    # Its exhibits: name, model, quantity, Enter; twice.
    press(qtbot, Key.Key_Tab)
    assert focused() is first.exhibit_name
    for name, model, quantity in (("椅子", "X-1", "2"), ("凳子", "S-9", "")):
        type_in(qtbot, name)
        press(qtbot, Key.Key_Tab)
        type_in(qtbot, model)
        press(qtbot, Key.Key_Tab)
        if quantity:
            type_in(qtbot, quantity)
        press(qtbot, Key.Key_Return)
        assert focused() is first.exhibit_name
    assert first.exhibits.rowCount() == 2
    # Respondent 2: Add respondent by its mnemonic, then a booth typed in full, picked.
    press(qtbot, Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: len(form.respondents.rows) == 2)  # a mnemonic clicks animated
    second = form.respondents.rows[1]
    qtbot.waitUntil(lambda: focused() is second.search)
    type_in(qtbot, "4.1A03")
    pick_completion(qtbot, form)
    assert second.exhibitor is not None and second.exhibitor.name_en == "Test Exhibitor 3 GmbH"
    press(qtbot, Key.Key_Tab)
    type_in(qtbot, "桌子")
    press(qtbot, Key.Key_Return)
    # Materials, commitment, summary.
    tab_to(qtbot, form.all_materials)
    press(qtbot, Key.Key_Space)
    press(qtbot, Key.Key_Tab)
    assert focused() is form.commitment
    press(qtbot, Key.Key_Space)
    press(qtbot, Key.Key_Tab)
    type_in(qtbot, "展位展出的座椅与外观设计专利相同")
    qtbot.waitUntil(lambda: "Ctrl+Enter accepts" in form.hint.text())
    with qtbot.waitSignal(form.accepted):
        press(qtbot, Key.Key_Return, CTRL)

    assert form.action_taken == "accepted"
    assert form.registered is not None
    number = form.registered.number
    assert form.registered.case_numbers == (f"{number}-1", f"{number}-2")
    assert "accepted" in form.outcome
    with team.desk.db.reading() as session:
        complaint = session.scalars(select(Complaint).where(Complaint.number == number)).one()
        assert complaint.state == "ACCEPTED" and complaint.kind == "ip"
        assert complaint.commitment_signed
        assert complaint.summary == "展位展出的座椅与外观设计专利相同"
        assert complaint.materials == {
            "identity": True,
            "patent_certificate": True,
            "patent_publication": True,
            "legal_status": True,
            "patent_no_dispute": True,
            "respondent_details": True,
            "evidence": True,
        }
        assert (complaint.complainant.name, complaint.complainant.name_en) == (
            COMPLAINANT,
            "Example Brand Co., Ltd.",
        )
        assert complaint.complainant.country == "中国"
        (right,) = complaint.rights
        assert (right.ip_type, right.number, right.title, right.holder) == (
            "design",
            RIGHT,
            "座椅",
            "示例品牌",
        )
        assert (right.valid_from, right.valid_until) == (date(2023, 3, 1), date(2038, 2, 28))
        cases = complaint.cases
        assert [(c.state, c.booth_no, c.hall) for c in cases] == [
            ("TO_NOTIFY", "4.1A01", "4.1"),
            ("TO_NOTIFY", "4.1A03", "4.1"),
        ]
        assert [(x.name, x.model, x.quantity) for x in cases[0].exhibits] == [
            ("椅子", "X-1", 2),
            ("凳子", "S-9", None),
        ]
        assert [x.name for x in cases[1].exhibits] == ["桌子"]
        # Each exhibit is accused under the complaint's only right (none was typed).
        assert [[r.number for r in x.rights] for x in cases[0].exhibits] == [[RIGHT], [RIGHT]]


def test_an_exhibit_names_the_rights_it_is_accused_under(
    qtbot, team: Team, form: ComplaintForm
) -> None:
    fill_complete(qtbot, form)
    qtbot.mouseClick(form.rights.add_button, Qt.MouseButton.LeftButton)
    second = form.rights.rows[1]
    second.type_combo.setCurrentIndex(second.type_combo.findData("trademark"))
    type_into(qtbot, second.number, "第12345678号")
    dismiss_completions(qtbot, form)
    row = form.respondents.rows[0]
    type_into(qtbot, row.exhibit_name, "椅子")
    type_into(qtbot, row.exhibit_rights, "第12345678号")
    qtbot.keyClick(row.exhibit_rights, Key.Key_Return)
    type_into(qtbot, row.exhibit_name, "凳子")
    type_into(qtbot, row.exhibit_rights, f"{RIGHT}，第12345678号")
    qtbot.keyClick(row.exhibit_rights, Key.Key_Return)
    assert row.exhibits.rowCount() == 2
    form.save_default()
    qtbot.waitUntil(lambda: form.registered is not None)
    assert form.registered is not None
    with team.desk.db.reading() as session:
        complaint = session.scalars(
            select(Complaint).where(Complaint.number == form.registered.number)
        ).one()
        exhibits = complaint.cases[0].exhibits
        assert [[r.number for r in x.rights] for x in exhibits] == [
            ["第12345678号"],
            [RIGHT, "第12345678号"],
        ]


def test_commercial_dispute_has_no_rights_or_materials(
    qtbot, team: Team, form: ComplaintForm
) -> None:
    press(qtbot, Key.Key_M, Qt.KeyboardModifier.AltModifier)  # Co&mmercial dispute
    qtbot.waitUntil(form.kind_commercial.isChecked)
    assert not form.rights.isVisible() and not form.materials_box.isVisible()
    assert form.dispute_type.isVisible()
    press(qtbot, Key.Key_Tab)
    assert focused() is form.dispute_type
    press(qtbot, Key.Key_Down)  # payment
    press(qtbot, Key.Key_Tab)
    assert focused() is form.complainant_name
    type_in(qtbot, "上海某贸易有限公司")
    tab_to(qtbot, form.respondents.rows[0].search)
    type_in(qtbot, "4.1A02")
    close_completions(qtbot, form)  # the typed booth stays
    assert form.isVisible() and form.respondents.rows[0].search.text() == "4.1A02"
    press(qtbot, Key.Key_Tab)  # leaving the field finds the one exhibitor at that booth
    qtbot.waitUntil(lambda: form.respondents.rows[0].exhibitor is not None)
    tab_to(qtbot, form.commitment)
    press(qtbot, Key.Key_Space)
    with qtbot.waitSignal(form.accepted):
        press(qtbot, Key.Key_Return, CTRL)
    assert form.action_taken == "accepted"
    (complaint,) = complaints(team)
    assert (complaint.kind, complaint.dispute_type, complaint.state) == (
        "commercial",
        "payment",
        "ACCEPTED",
    )
    with team.desk.db.reading() as session:
        complaint = session.get_one(Complaint, complaint.id)
        assert complaint.rights == [] and complaint.materials == {}
        assert [c.booth_no for c in complaint.cases] == ["4.1A02"]


# -- bad input: the exact message a person sees --------------------------------------------------


def fill_complete(qtbot, form: ComplaintForm) -> None:  # type: ignore[no-untyped-def]
    """A complaint with everything acceptance needs (typed into the real widgets)."""
    type_into(qtbot, form.complainant_name, COMPLAINANT)
    dismiss_completions(qtbot, form)  # a complainant seen before is offered
    right = form.rights.rows[0]
    type_into(qtbot, right.number, RIGHT)
    dismiss_completions(qtbot, form)
    type_into(qtbot, right.valid_from, "2023-03-01")
    type_into(qtbot, right.valid_until, "2038-02-28")
    row = form.respondents.rows[0]
    type_into(qtbot, row.search, "4.1A01")
    close_completions(qtbot, form)
    row.resolve_typed()
    qtbot.mouseClick(form.all_materials, Qt.MouseButton.LeftButton)
    form.commitment.setChecked(True)


def clear(qtbot, edit) -> None:  # type: ignore[no-untyped-def]
    edit.selectAll()
    qtbot.keyClick(edit, Key.Key_Delete)


def _no_name(qtbot, form, team):  # type: ignore[no-untyped-def]
    clear(qtbot, form.complainant_name)
    return form.complainant_name


def _no_respondent(qtbot, form, team):  # type: ignore[no-untyped-def]
    clear(qtbot, form.respondents.rows[0].search)
    return form.respondents.rows[0].search


def _unknown_booth(qtbot, form, team):  # type: ignore[no-untyped-def]
    search = form.respondents.rows[0].search
    clear(qtbot, search)
    type_into(qtbot, search, "4.1z99")
    return search


def _shared_booth(qtbot, form, team):  # type: ignore[no-untyped-def]
    add_exhibitors(team, FAIR, exhibitor(9, "4.1A01"))
    row = form.respondents.rows[1 - 1]
    clear(qtbot, row.search)
    type_into(qtbot, row.search, "4.1A01")  # typed, not picked: which of the two?
    return row.choice


def _no_right_number(qtbot, form, team):  # type: ignore[no-untyped-def]
    clear(qtbot, form.rights.rows[0].number)
    return form.rights.rows[0].number


def _until_before_from(qtbot, form, team):  # type: ignore[no-untyped-def]
    right = form.rights.rows[0]
    clear(qtbot, right.valid_from)
    type_into(qtbot, right.valid_from, "2030-01-01")
    clear(qtbot, right.valid_until)
    type_into(qtbot, right.valid_until, "2020-01-01")
    return right.valid_until


def _bad_date(qtbot, form, team):  # type: ignore[no-untyped-def]
    right = form.rights.rows[0]
    clear(qtbot, right.valid_from)
    type_into(qtbot, right.valid_from, "2031-13-45")
    return right.valid_from


def _expired(qtbot, form, team):  # type: ignore[no-untyped-def]
    right = form.rights.rows[0]
    clear(qtbot, right.valid_until)
    type_into(qtbot, right.valid_until, "2024-12-31")
    # Flagged as soon as typed, in the acceptance rule's words.
    assert right.status.text() == (
        f"⚠ Right {RIGHT} expired on 2024-12-31; reject the complaint, or correct the "
        "right's validity."
    )
    return right.valid_until  # the acceptance rule names the date that is wrong


def _foreign_right(qtbot, form, team):  # type: ignore[no-untyped-def]
    right = form.rights.rows[0]
    clear(qtbot, right.jurisdiction)
    type_into(qtbot, right.jurisdiction, "us")
    return right.number


def _madrid_without_ir_number(qtbot, form, team):  # type: ignore[no-untyped-def]
    right = form.rights.rows[0]
    right.type_combo.setCurrentIndex(right.type_combo.findData("trademark"))
    clear(qtbot, right.jurisdiction)
    type_into(qtbot, right.jurisdiction, "WO")
    assert not right.ir_number.isVisible()  # a foreign-only mark has no IR number to give
    right.basis.setCurrentIndex(right.basis.findData("madrid"))
    right.basis.activated.emit(right.basis.currentIndex())
    assert right.ir_number.isVisible()
    qtbot.mouseClick(form.all_materials, Qt.MouseButton.LeftButton)
    return right.ir_number


def _no_commitment(qtbot, form, team):  # type: ignore[no-untyped-def]
    form.commitment.setFocus()
    qtbot.keyClick(form.commitment, Key.Key_Space)
    assert not form.commitment.isChecked()
    return form.commitment


def _agent_without_poa(qtbot, form, team):  # type: ignore[no-untyped-def]
    type_into(qtbot, form.agent_name, "示例律师事务所")
    form.material_boxes()["power_of_attorney"].setChecked(False)
    return form.power_of_attorney


def _agent_details_without_name(qtbot, form, team):  # type: ignore[no-untyped-def]
    type_into(qtbot, form.agent_phone, "+86 21 5555 0000")
    return form.agent_name


def _materials_missing(qtbot, form, team):  # type: ignore[no-untyped-def]
    for key in ("patent_publication", "legal_status"):
        form.material_boxes()[key].setChecked(False)
    return form.material_boxes()["patent_publication"]


def _same_exhibitor_twice(qtbot, form, team):  # type: ignore[no-untyped-def]
    qtbot.mouseClick(form.respondents.add_button, Qt.MouseButton.LeftButton)
    second = form.respondents.rows[1]
    type_into(qtbot, second.search, "4.1a01")
    return second.search


def _exhibit_without_name(qtbot, form, team):  # type: ignore[no-untyped-def]
    row = form.respondents.rows[0]
    type_into(qtbot, row.exhibit_model, "X-1")
    return row.exhibit_name


BAD_INPUT: list[tuple[str, Callable[..., QWidget], str, str]] = [
    ("no complainant name", _no_name, "Complainant",
     "Enter the complainant's name (person or company)."),
    ("no respondent", _no_respondent, "Respondent 1",
     "Name at least one respondent: type its booth number or name."),
    ("unknown booth", _unknown_booth, "Respondent 1",
     "No exhibitor at booth 4.1Z99 in this fair's exhibitor list."),
    ("shared booth not chosen", _shared_booth, "Respondent 1",
     "Booth 4.1A01 is shared by 测试展商1有限公司 and 测试展商9有限公司: choose which exhibitor."),
    ("right number missing", _no_right_number, "Right 1",
     "Enter the patent or registration number."),
    ("valid until before valid from", _until_before_from, "Right 1",
     "Valid until (2020-01-01) is before valid from (2030-01-01)."),
    ("unreadable date", _bad_date, "Right 1",
     "Write the date as YYYY-MM-DD, e.g. 2031-05-20."),
    ("expired right", _expired, "Right 1",
     f"Right {RIGHT} expired on 2024-12-31; reject the complaint, or correct the right's "
     "validity."),
    ("right not valid in China", _foreign_right, "Right 1",
     f"Patent {RIGHT} is granted in US, not in China: a foreign patent is not valid in China "
     "(CNIPA 2022 Guidelines Art 12)."),
    ("Madrid mark without its IR number", _madrid_without_ir_number, "Right 1",
     f"Trademark {RIGHT} rests on a Madrid registration designating China: enter its "
     "international registration number."),
    ("accept without commitment", _no_commitment, "Commitment",
     "The complainant's signed commitment (承诺书, 2006 Measures Art 10) is needed to accept."),
    ("agent without power of attorney", _agent_without_poa, "Agent",
     "An agent files for the complainant: the power of attorney is needed to accept (2006 "
     "Measures Art 8)."),
    ("agent's details without a name", _agent_details_without_name, "Agent",
     "Give the agent's name, or clear the agent's details."),
    ("materials missing", _materials_missing, "Materials",
     "Not received yet: Patent publication (granted text), Proof of the patent's current legal "
     "status. Tick what you have, or ask for supplements (2006 Measures Art 9)."),
    ("same exhibitor twice", _same_exhibitor_twice, "Respondent 2",
     "This exhibitor is already respondent 1."),
    ("exhibit without a name", _exhibit_without_name, "Respondent 1",
     "Give the exhibit a name, or clear its model and quantity."),
]  # fmt: skip


@pytest.mark.parametrize(
    ("spoil", "where", "message"),
    [case[1:] for case in BAD_INPUT],
    ids=[case[0] for case in BAD_INPUT],
)
def test_bad_input_is_shown_at_the_field_and_at_the_top(
    qtbot, team: Team, form: ComplaintForm, spoil, where: str, message: str
) -> None:
    fill_complete(qtbot, form)
    assert form.default_action() == "accept"
    field = spoil(qtbot, form, team)
    typed = form.complainant_name.text()
    qtbot.mouseClick(form.accept_button, Qt.MouseButton.LeftButton)

    assert form.isVisible() and form.registered is None and complaints(team) == []
    error = form.findChild(
        QWidget, f"{field.objectName()}_error", Qt.FindChildOption.FindChildrenRecursively
    )
    errors = [e for e in form.findChildren(QWidget, f"{field.objectName()}_error") if e.isVisible()]
    assert error is not None and len(errors) == 1
    assert errors[0].text() == message
    assert field.property("invalid") is True and field.accessibleDescription() == message
    assert form.problem_lines == [f"{where}: {message}"]
    assert form.error_summary.isVisible()
    assert f"• {where}: {message}" in form.error_summary.text()
    assert focused() is field
    assert form.complainant_name.text() == typed  # nothing typed is lost


def test_a_foreign_copyright_is_accepted_on_authorship(
    qtbot, team: Team, form: ComplaintForm
) -> None:
    fill_complete(qtbot, form)
    right = form.rights.rows[0]
    assert right.basis.currentData() == "cn_grant"
    right.type_combo.setFocus()
    right.type_combo.setCurrentIndex(right.type_combo.findData("copyright"))
    clear(qtbot, right.jurisdiction)
    type_into(qtbot, right.jurisdiction, "US")
    # The basis follows type and jurisdiction: a foreign work is protected (Berne).
    assert right.basis.currentData() == "authorship"
    assert right.basis.currentText() == (
        "Copyright without registration (proof of authorship) · 著作权自动保护（权属证明）"
    )
    assert right.status.text().startswith("✓")
    qtbot.mouseClick(form.all_materials, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(form.accepted):
        qtbot.mouseClick(form.accept_button, Qt.MouseButton.LeftButton)
    (complaint,) = complaints(team)
    with team.desk.db.reading() as session:
        complaint = session.get_one(Complaint, complaint.id)
        assert complaint.state == "ACCEPTED"
        ((ip_type, jurisdiction, basis),) = [
            (r.ip_type, r.jurisdiction, r.basis) for r in complaint.rights
        ]
    assert (ip_type, jurisdiction, basis) == ("copyright", "US", "authorship")


def test_a_madrid_trademark_is_accepted_with_its_ir_number(
    qtbot, team: Team, form: ComplaintForm
) -> None:
    fill_complete(qtbot, form)
    field = _madrid_without_ir_number(qtbot, form, team)
    type_into(qtbot, field, "1234567")
    assert form.rights.rows[0].status.text().startswith("✓")
    with qtbot.waitSignal(form.accepted):
        qtbot.mouseClick(form.accept_button, Qt.MouseButton.LeftButton)
    (complaint,) = complaints(team)
    with team.desk.db.reading() as session:
        complaint = session.get_one(Complaint, complaint.id)
        ((basis, ir_number),) = [(r.basis, r.ir_number) for r in complaint.rights]
    assert (basis, ir_number) == ("madrid", "1234567")


def test_problems_are_listed_top_to_bottom_and_cleared_when_fixed(
    qtbot, team: Team, form: ComplaintForm
) -> None:
    qtbot.mouseClick(form.accept_button, Qt.MouseButton.LeftButton)
    assert [line.split(":")[0] for line in form.problem_lines] == [
        "Complainant",
        "Right 1",
        "Respondent 1",
        "Materials",
        "Commitment",
    ]
    assert form.error_summary.text().startswith("Please correct these 5 problems before saving:")
    assert focused() is form.complainant_name
    fill_complete(qtbot, form)
    with qtbot.waitSignal(form.accepted):
        qtbot.mouseClick(form.accept_button, Qt.MouseButton.LeftButton)
    assert form.action_taken == "accepted"


def test_a_draft_needs_less_than_acceptance(qtbot, team: Team, form: ComplaintForm) -> None:
    type_into(qtbot, form.complainant_name, COMPLAINANT)
    type_into(qtbot, form.rights.rows[0].number, RIGHT)
    type_into(qtbot, form.respondents.rows[0].search, "4.1A04")
    qtbot.waitUntil(
        lambda: "Ctrl+Enter saves a draft; to accept, still needed:" in form.hint.text()
    )
    with qtbot.waitSignal(form.accepted):
        qtbot.keyClick(form, Key.Key_Return, CTRL)  # incomplete: Ctrl+Enter saves a draft
    assert form.action_taken == "draft"
    (complaint,) = complaints(team)
    assert complaint.state == "DRAFT" and not complaint.commitment_signed
    assert complaint.materials == dict.fromkeys(
        ("identity", "patent_certificate", "patent_publication", "legal_status",
         "patent_no_dispute", "respondent_details", "evidence"), False
    )  # fmt: skip


def test_enter_in_a_field_never_saves(qtbot, team: Team, form: ComplaintForm) -> None:
    fill_complete(qtbot, form)
    form.complainant_name.setFocus()
    press(qtbot, Key.Key_Return)
    assert form.isVisible() and complaints(team) == []


# -- shared booths, the rights register, the duplicate warning ------------------------------------


def test_shared_booth_choice_by_keyboard(qtbot, team: Team, form: ComplaintForm) -> None:
    add_exhibitors(team, FAIR, exhibitor(9, "4.1A01"))
    row = form.respondents.rows[0]
    row.search.setFocus()
    type_in(qtbot, "4.1A01")
    close_completions(qtbot, form)
    press(qtbot, Key.Key_Tab)
    qtbot.waitUntil(row.choice.isVisible)
    assert "shared by 2 exhibitors" in row.status.text()
    assert focused() is row.choice
    press(qtbot, Key.Key_Down)
    press(qtbot, Key.Key_Down)
    assert row.exhibitor is not None and row.exhibitor.name_zh == "测试展商9有限公司"
    assert "shared booth" in row.status.text()


def test_the_shared_booths_exhibitor_is_found_by_its_name_as_typed(
    qtbot, team: Team, form: ComplaintForm
) -> None:
    add_exhibitors(team, FAIR, exhibitor(9, "4.1A01"))
    row = form.respondents.rows[0]
    row.search.setFocus()
    type_in(qtbot, "4.1A01")
    close_completions(qtbot, form)
    press(qtbot, Key.Key_Tab)
    qtbot.waitUntil(row.choice.isVisible)
    assert focused() is row.choice
    row.choice.lineEdit().selectAll()
    type_in(qtbot, "展商9")
    close_completions(qtbot, form)
    press(qtbot, Key.Key_Tab)  # the one exhibitor the words name is chosen
    qtbot.waitUntil(lambda: row.exhibitor is not None)
    assert row.exhibitor is not None and row.exhibitor.name_zh == "测试展商9有限公司"


def test_picking_a_shared_booth_from_the_list_needs_no_choice(
    qtbot, team: Team, form: ComplaintForm
) -> None:
    add_exhibitors(team, FAIR, exhibitor(9, "4.1A01"))
    row = form.respondents.rows[0]
    row.search.setFocus()
    type_in(qtbot, "4.1A01")
    pick_completion(qtbot, form, downs=2)
    assert row.exhibitor is not None and row.exhibitor.name_zh == "测试展商9有限公司"
    press(qtbot, Key.Key_Tab)
    assert not row.choice.isVisible() and focused() is row.exhibit_name


@pytest.fixture
def earlier(team: Team, fair: str) -> str:
    """Last year the same complainant complained about exhibitor 1 on the same design."""
    make_fair(team.admin, code=EARLIER, start=date(2025, 11, 5), end=date(2025, 11, 10))
    data = complaint_input("4.1A01")
    data.received_at = datetime(2025, 11, 6, 2, 0, tzinfo=UTC)
    reg = register_complaint(team.desk, EARLIER, data)
    act_on_complaint(team.desk, reg.number, "accept")
    act_on_case(team.desk, reg.case_numbers[0], "withdraw", reason="和解")
    return reg.number


def test_repeat_complaint_warns_with_the_earlier_outcome_and_does_not_block(
    qtbot, team: Team, earlier: str
) -> None:
    form = open_form(qtbot, team)
    # The complainant and the right come from what the desk registered last year.
    type_in(qtbot, "示例品牌")
    pick_completion(qtbot, form)
    assert form.complainant_name.text() == COMPLAINANT
    assert form.complainant_name_en.text() == "Example Brand Co., Ltd."
    right = form.rights.rows[0]
    right.number.setFocus()
    type_in(qtbot, "zl2023")
    pick_completion(qtbot, form)
    assert (right.right_id is not None, right.ip_type(), right.title.text()) == (
        True,
        "design",
        "座椅",
    )
    assert right.status.text() == "✓ In the rights register. Valid in China until 01/01/2038."
    assert not right.title.isEnabled()  # shown as registered; Tab passes it by
    press(qtbot, Key.Key_Tab)
    assert focused() is form.rights.add_button
    row = form.respondents.rows[0]
    row.search.setFocus()
    type_in(qtbot, "4.1A01")
    pick_completion(qtbot, form)
    qtbot.waitUntil(form.duplicate_banner.isVisible)
    text = form.duplicate_banner.text()
    assert text.startswith("⚠ Possible repeat complaint")
    assert f"{earlier} at 测试博览会 ({EARLIER}), received 06/11/2025, right {RIGHT}" in text
    assert "complaint accepted" in text
    assert f"{earlier}-1 测试展商1有限公司: withdrawn by the complainant" in text
    assert "Canton Fair rule" in text
    # Another respondent: no repeat there, the warning stays for the first.
    # The desk decides: here it does not accept. Reject suggests the repeat reason.
    qtbot.mouseClick(form.reject_button, Qt.MouseButton.LeftButton)
    dialog = form.step_dialog
    assert isinstance(dialog, RejectDialog)
    qtbot.waitExposed(dialog)
    assert dialog.reason_code() == "repeat_without_follow_up"
    assert "earlier edition" in dialog.reason_combo.currentText()
    with qtbot.waitSignal(form.accepted):
        qtbot.mouseClick(dialog.findChild(QAbstractButton, "reject_ok"), Qt.MouseButton.LeftButton)
    assert form.action_taken == "rejected"
    last = complaints(team)[-1]
    assert (last.state, last.reject_reason) == ("REJECTED", "repeat_without_follow_up")
    with team.desk.db.reading() as session:  # the right picked from the register is reused
        assert session.scalar(select(func.count()).select_from(IPRight)) == 1


def test_a_repeat_found_while_saving_is_shown_before_it_is_saved(
    qtbot, team: Team, earlier: str
) -> None:
    form = open_form(qtbot, team)
    fill_complete(qtbot, form)  # faster than the warning's timer
    right = form.rights.rows[0]
    right.type_combo.setCurrentIndex(right.type_combo.findData("design"))
    qtbot.mouseClick(form.draft_button, Qt.MouseButton.LeftButton)
    assert form.duplicate_banner.isVisible() and form.registered is None
    assert complaints(team)[-1].number == earlier  # nothing saved yet
    with qtbot.waitSignal(form.accepted):  # seen: the second press saves
        qtbot.mouseClick(form.draft_button, Qt.MouseButton.LeftButton)
    assert form.action_taken == "draft" and len(complaints(team)) == 2


def test_no_warning_for_a_new_respondent(qtbot, team: Team, earlier: str) -> None:
    form = open_form(qtbot, team)
    type_into(qtbot, form.complainant_name, COMPLAINANT)
    type_into(qtbot, form.rights.rows[0].number, RIGHT)
    row = form.respondents.rows[0]
    type_into(qtbot, row.search, "4.1A02")
    row.resolve_typed()
    form.check_duplicates()
    assert not form.duplicate_banner.isVisible() and form.prior == []


# -- supplements, reject, errors of the services ---------------------------------------------------


def test_ask_for_supplements_prefills_the_missing_items_and_shows_the_deadline(
    qtbot, team: Team, form: ComplaintForm
) -> None:
    fill_complete(qtbot, form)
    for key in ("legal_status", "evidence"):
        form.material_boxes()[key].setChecked(False)
    form.commitment.setChecked(False)
    qtbot.mouseClick(form.supplement_button, Qt.MouseButton.LeftButton)
    dialog = form.step_dialog
    assert isinstance(dialog, SupplementDialog)
    qtbot.waitExposed(dialog)
    assert dialog.items().splitlines() == [
        "专利法律状态证明 / Proof of the patent's current legal status",
        "涉嫌侵权的理由和证据（照片、比对说明等） / Grounds and evidence of the infringement "
        "(photos, comparison)",
        "投诉人签署的承诺书 / The complainant's signed commitment",
    ]
    assert "supplement by 06/11/2026 (Friday) 09:30 (24 h" in dialog.deadline_label.text()
    with qtbot.waitSignal(form.accepted):
        qtbot.mouseClick(
            dialog.findChild(QAbstractButton, "supplement_ok"), Qt.MouseButton.LeftButton
        )
    assert form.action_taken == "supplement"
    (complaint,) = complaints(team)
    assert complaint.state == "PENDING_SUPPLEMENT"
    assert complaint.materials["missing"].startswith("专利法律状态证明")
    assert complaint.materials["legal_status"] is False and complaint.materials["identity"] is True


def test_supplement_dialog_needs_items_and_cancel_saves_nothing(
    qtbot, team: Team, form: ComplaintForm
) -> None:
    fill_complete(qtbot, form)
    qtbot.mouseClick(form.supplement_button, Qt.MouseButton.LeftButton)
    dialog = form.step_dialog
    assert isinstance(dialog, SupplementDialog)
    assert dialog.items() == ""  # everything was ticked
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.items_field.error.text() == "List what the complainant must supply."
    dialog.reject()
    assert form.isVisible() and complaints(team) == []


def test_reject_needs_a_reason(qtbot, team: Team, form: ComplaintForm) -> None:
    fill_complete(qtbot, form)
    qtbot.mouseClick(form.reject_button, Qt.MouseButton.LeftButton)
    dialog = form.step_dialog
    assert isinstance(dialog, RejectDialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.reason_code() == ""
    dialog.accept()
    assert dialog.reason_field.error.text() == "Choose why the complaint is not accepted."
    assert focused() is dialog.reason_combo
    press(qtbot, Key.Key_Down)
    press(qtbot, Key.Key_Down)
    assert dialog.reason_code() == "right_invalid"
    assert dialog.reason_combo.currentText() == (
        "The right was declared invalid or has lapsed · 权利已被宣告无效或已失效（期满或终止）"
    )
    dialog.reason_combo.lineEdit().selectAll()
    type_in(qtbot, "范围")  # the Chinese words find a reason on an English desk too
    assert dialog.reason_code() == "out_of_scope"
    dialog.reason_combo.lineEdit().selectAll()
    type_in(qtbot, "invalid")
    assert dialog.reason_code() == "right_invalid"
    dialog.note_edit.setPlainText("专利已终止")
    with qtbot.waitSignal(form.accepted):
        dialog.accept()
    (complaint,) = complaints(team)
    assert (complaint.state, complaint.reject_reason) == ("REJECTED", "right_invalid")
    with team.desk.db.reading() as session:
        states = session.scalars(select(RespondentCase.state)).all()
        reason = session.scalar(
            select(AuditEvent.reason).where(AuditEvent.action == "complaint.reject")
        )
    assert states == ["CLOSED"] and reason == "专利已终止"


def test_storage_error_keeps_the_form_content_and_a_retry_saves(
    qtbot, team: Team, form: ComplaintForm, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_complete(qtbot, form)
    type_into(qtbot, form.summary_edit, "外观相同")
    real = complaint_form.register_and_step
    message = "The database is locked by another program; try again in a moment."

    def locked(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise StorageError(message)

    monkeypatch.setattr(complaint_form, "register_and_step", locked)
    qtbot.mouseClick(form.accept_button, Qt.MouseButton.LeftButton)
    box = form.message_box
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible)
    assert message in box.text() and "Everything you typed is still in the form" in box.text()
    assert form.isVisible() and form.registered is None
    assert form.problem_lines == [f"Not saved: {message}"]
    assert message in form.error_summary.text()
    # Every field as typed.
    assert form.complainant_name.text() == COMPLAINANT
    assert form.rights.rows[0].number.text() == RIGHT
    assert form.respondents.rows[0].exhibitor is not None
    assert form.commitment.isChecked() and form.summary_edit.toPlainText() == "外观相同"
    qtbot.keyClick(box, Key.Key_Return)
    qtbot.waitUntil(lambda: not box.isVisible())
    monkeypatch.setattr(complaint_form, "register_and_step", real)
    with qtbot.waitSignal(form.accepted):
        qtbot.mouseClick(form.accept_button, Qt.MouseButton.LeftButton)
    assert form.action_taken == "accepted" and len(complaints(team)) == 1


def test_service_refusal_naming_a_respondent_points_at_it(
    qtbot, team: Team, form: ComplaintForm, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_complete(qtbot, form)
    from fairdesk.domain.errors import InvalidInput

    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise InvalidInput("Respondent 1: exhibitor 1 is not at this fair.")

    monkeypatch.setattr(complaint_form, "register_and_step", refuse)
    qtbot.mouseClick(form.draft_button, Qt.MouseButton.LeftButton)
    row = form.respondents.rows[0]
    assert row.search_field.error.text() == "Respondent 1: exhibitor 1 is not at this fair."
    assert focused() is row.search
    assert form.message_box is not None


def test_a_refused_step_saves_nothing_and_keeps_the_form(
    qtbot, team: Team, form: ComplaintForm, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Registering and accepting are one transaction: when the service refuses the step
    (here another desk's change), no half-saved draft is left and the form says why."""
    from fairdesk.services.intake import intake

    fill_complete(qtbot, form)
    real = intake.apply_step

    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise ConcurrentEdit("Complaint TEST2026-0001 was changed by another desk.")

    monkeypatch.setattr(intake, "apply_step", refuse)
    qtbot.mouseClick(form.accept_button, Qt.MouseButton.LeftButton)
    box = form.message_box
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible)
    assert "Complaint TEST2026-0001 was changed by another desk." in box.text()
    assert form.isVisible() and form.registered is None and form.accept_button.isVisible()
    assert complaints(team) == []  # nothing saved: no draft to clean up
    assert form.complainant_name.text() == COMPLAINANT
    qtbot.keyClick(box, Key.Key_Return)
    qtbot.waitUntil(lambda: not box.isVisible())
    monkeypatch.setattr(intake, "apply_step", real)
    with qtbot.waitSignal(form.accepted):
        qtbot.mouseClick(form.accept_button, Qt.MouseButton.LeftButton)
    (complaint,) = complaints(team)
    assert complaint.state == "ACCEPTED" and complaint.number == "TEST2026-0001"


# -- leaving, keyboard order, accessibility, the exhibits model ------------------------------


def test_escape_on_a_clean_form_closes_it(qtbot, form: ComplaintForm) -> None:
    with qtbot.waitSignal(form.rejected):
        press(qtbot, Key.Key_Escape)


def test_escape_asks_before_throwing_typed_input_away(
    qtbot, team: Team, form: ComplaintForm
) -> None:
    type_in(qtbot, COMPLAINANT)
    press(qtbot, Key.Key_Escape)
    box = form.message_box
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert form.isVisible() and form.complainant_name.text() == COMPLAINANT
    press(qtbot, Key.Key_Escape)
    box = form.message_box
    qtbot.waitUntil(box.isVisible)
    with qtbot.waitSignal(form.rejected):
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Discard), Qt.MouseButton.LeftButton)
    assert complaints(team) == []


def test_tab_goes_top_to_bottom_through_every_field(qtbot, form: ComplaintForm) -> None:
    chain = form.focus_chain()
    form.kind_ip.setFocus()
    seen = [focused()]
    for _ in range(len(chain) + 5):
        press(qtbot, Key.Key_Tab)
        if focused() is form.kind_ip:
            break
        seen.append(focused())
    names = [w.objectName() for w in seen]
    positions = [chain.index(w) for w in seen]
    assert positions == sorted(positions), names
    assert names[:4] == ["kind_ip", "complainant_name", "complainant_name_en", "complainant_kind"]
    assert "dispute_type" not in names and "respondent_choice" not in names  # hidden now
    assert names[-5:] == [
        "cancel_button",
        "save_draft_button",
        "supplement_button",
        "reject_button",
        "accept_button",
    ]


def test_added_rows_join_the_tab_order_in_place(qtbot, form: ComplaintForm) -> None:
    qtbot.mouseClick(form.rights.add_button, Qt.MouseButton.LeftButton)
    second_right = form.rights.rows[1]
    assert focused() is second_right.type_combo
    tab_to(qtbot, form.respondents.rows[0].search, limit=12)
    qtbot.mouseClick(form.respondents.add_button, Qt.MouseButton.LeftButton)
    second = form.respondents.rows[1]
    assert focused() is second.search
    tab_to(qtbot, form.respondents.add_button, limit=9)
    press(qtbot, Key.Key_Tab)
    assert focused() is form.material_boxes()["identity"]


def test_every_field_has_an_accessible_name_and_a_snake_case_object_name(
    form: ComplaintForm,
) -> None:
    for widget in form.focus_chain():
        name = widget.objectName()
        assert name and name == name.lower() and " " not in name, name
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        assert widget.accessibleName() or text, name


def test_materials_follow_the_types_of_right_and_the_agent(qtbot, form: ComplaintForm) -> None:
    right = form.rights.rows[0]
    right.type_combo.setCurrentIndex(right.type_combo.findData("trademark"))
    assert list(form.material_boxes()) == [
        "identity",
        "trademark_registration",
        "respondent_details",
        "evidence",
    ]
    assert (
        right.number_label.text() == "Registration no.:"
        and right.title_text_label.text() == "Mark:"
    )
    form.material_boxes()["identity"].setChecked(True)
    type_into(qtbot, form.agent_name, "示例律师事务所")
    assert "power_of_attorney" in form.material_boxes()
    assert form.material_boxes()["identity"].isChecked()  # ticks survive the rebuild
    form.power_of_attorney.setChecked(True)
    assert form.material_boxes()["power_of_attorney"].isChecked()  # one fact, two places
    form.material_boxes()["power_of_attorney"].setChecked(False)
    assert not form.power_of_attorney.isChecked()
    qtbot.mouseClick(form.rights.add_button, Qt.MouseButton.LeftButton)
    form.rights.rows[1].type_combo.setCurrentIndex(
        form.rights.rows[1].type_combo.findData("copyright")
    )
    assert "authorship" in form.material_boxes()


def test_photos_of_the_exhibits_are_attached_to_the_new_case(
    qtbot, team: Team, form: ComplaintForm, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    photo = tmp_path / "IMG_0001.png"
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("orange"))
    assert image.save(str(photo))
    missing = tmp_path / "gone.jpg"
    monkeypatch.setattr(
        complaint_photos.QFileDialog,
        "getOpenFileNames",
        lambda *args, **kwargs: ([str(photo), str(missing)], ""),
    )
    fill_complete(qtbot, form)
    row = form.respondents.rows[0]
    row.add_photos.setFocus()
    press(qtbot, Key.Key_Space)
    assert row.photos == [photo]
    assert row.photos_label.text() == "1 to attach: IMG_0001.png"
    assert row.photos_field.error.text().startswith("Cannot read gone.jpg")
    with qtbot.waitSignal(form.accepted):
        qtbot.mouseClick(form.accept_button, Qt.MouseButton.LeftButton)
    assert form.registered is not None
    (linked,) = evidence_of(team.desk, "case", form.registered.case_numbers[0])
    assert (linked.evidence.name, linked.purpose, linked.caption) == (
        "IMG_0001.png",
        "evidence",
        "Accused exhibits (at intake)",
    )


def test_only_desk_staff_open_the_form(qtbot, team: Team, fair: str) -> None:
    with pytest.raises(PermissionDenied, match="signed in as inspector"):
        ComplaintForm(team.inspector, FAIR)


def test_exhibits_model_passes_qt_model_tester(qtmodeltester) -> None:
    model = ExhibitsModel()
    model.add("椅子", "X-1", 2, "ZL1，第2号")
    model.add("凳子")
    qtmodeltester.check(model, force_py=True)
    assert [x.rights for x in model.exhibits()] == [["ZL1", "第2号"], []]
    index = model.index(1, 2)
    assert model.setData(index, "5") and model.data(index) == "5"
    assert not model.setData(index, "0") and not model.setData(index, "many")
    assert not model.setData(model.index(0, 0), "  ")
    assert [(x.name, x.quantity) for x in model.exhibits()] == [("椅子", 2), ("凳子", 5)]
    assert model.removeRows(0, 1) and model.rowCount() == 1
    qtmodeltester.check(model, force_py=True)


# -- one acceptance rule: the form asks the domain, the service enforces the same -----------


def test_a_right_registered_in_china_spelled_out_is_accepted(
    qtbot, team: Team, form: ComplaintForm
) -> None:
    fill_complete(qtbot, form)
    right = form.rights.rows[0]
    clear(qtbot, right.jurisdiction)
    type_into(qtbot, right.jurisdiction, "China")
    assert right.status.text().startswith("✓ Valid in China")
    assert form.still_needed_to_accept() == [] and form.default_action() == "accept"
    with qtbot.waitSignal(form.accepted):
        qtbot.mouseClick(form.accept_button, Qt.MouseButton.LeftButton)
    (complaint,) = complaints(team)
    assert complaint.state == "ACCEPTED"


@pytest.mark.parametrize(
    ("jurisdiction", "valid_from", "reason"),
    [("US", "2023-03-01", "right_not_valid_in_china"), ("CN", "2099-01-01", "right_invalid")],
    ids=["foreign", "not-yet-in-force"],
)
def test_what_stops_acceptance_is_the_services_rule(
    qtbot, team: Team, form: ComplaintForm, jurisdiction: str, valid_from: str, reason: str
) -> None:
    fill_complete(qtbot, form)
    right = form.rights.rows[0]
    clear(qtbot, right.jurisdiction)
    type_into(qtbot, right.jurisdiction, jurisdiction)
    clear(qtbot, right.valid_from)
    type_into(qtbot, right.valid_from, valid_from)
    if valid_from > "2038":
        clear(qtbot, right.valid_until)
        type_into(qtbot, right.valid_until, "2120-01-01")
    assert form.still_needed_to_accept() == ["a valid right"]
    assert form._suggested_reject_reason() == reason
    on_form = [error_text(p.refusal.exception()) for p in form.acceptance_problems()]
    # The service, asked about the same complaint saved as a draft, says the same.
    form.request("draft")
    (complaint,) = complaints(team)
    with team.desk.db.reading() as session:
        saved = complaint_by_number(session, complaint.number)
        in_service = acceptance.acceptance_problems(steps.acceptance_facts(saved), form.today)
        assert [error_text(p.refusal.exception()) for p in in_service] == on_form
    with pytest.raises(MissingRequirement):
        steps.act_on_complaint(team.desk, complaint.number, "accept")


@pytest.mark.parametrize(
    ("cases", "said"),
    [
        (("X-0001-1",), "Complaint X-0001 accepted: case X-0001-1 is to be notified."),
        (
            ("X-0001-1", "X-0001-2"),
            "Complaint X-0001 accepted: cases X-0001-1, X-0001-2 are to be notified.",
        ),
    ],
)
def test_the_outcome_counts_its_cases(cases: tuple[str, ...], said: str) -> None:
    from fairdesk.ui.intake.complaint_form import outcome_text

    assert outcome_text("accepted", "X-0001", cases) == said
    assert ("(case X" in outcome_text("draft", "X-0001", cases)) is (len(cases) == 1)
