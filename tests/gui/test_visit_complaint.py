"""A complaint from a patrol visit at the desk: the form prefilled from the visit, the
visit linked and its photos attached on saving (pytest-qt, offscreen)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from fairdesk.db.engine import Database
from fairdesk.domain.enums import Channel, Finding, Role
from fairdesk.services.inspection import evidence, patrols
from fairdesk.ui.common.tasks import use_synchronous_pool
from fairdesk.ui.desk.main_window import MainWindow
from fairdesk.ui.intake.visit_complaint import VisitComplaintForm, suspected_visits
from tests.conftest import Team
from tests.gui.test_complaint_form import (
    COMPLAINANT,
    RIGHT,
    complaints,
    dismiss_completions,
    focused,
    type_into,
)
from tests.helpers import FAIR, make_fair
from tests.unit.test_patrols import photo

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(autouse=True)
def _synchronous(db: Database) -> Iterator[None]:
    use_synchronous_pool()
    yield
    use_synchronous_pool(False)


@pytest.fixture
def fair(team: Team) -> str:
    return make_fair(team.admin, exhibitors=5)


def _visit(team: Team, booth: str, finding: Finding, notes: str = "", photos=()) -> str:  # type: ignore[no-untyped-def]
    rnd = patrols.start_round(team.inspector, FAIR, "4.1")
    data = patrols.VisitInput(rnd.uid, booth, finding.value, notes, photos=list(photos))
    return patrols.record_visit(team.inspector, data).uid


def _open(qtbot, team: Team, uid: str) -> VisitComplaintForm:  # type: ignore[no-untyped-def]
    form = VisitComplaintForm(team.desk, FAIR, uid)
    qtbot.addWidget(form)
    with qtbot.waitExposed(form):
        form.show()
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    return form


def test_a_suspected_infringement_becomes_a_complaint_at_the_keyboard(
    qtbot, team: Team, fair: str
) -> None:
    uid = _visit(
        team, "4.1A02", Finding.SUSPECTED_INFRINGEMENT, "仿冒外观", [photo("IMG_1.JPG", "teal")]
    )
    form = _open(qtbot, team, uid)
    assert focused() is form.complainant_name  # the right holder is what the desk types
    assert uid in form.summary_edit.toPlainText() and "仿冒外观" in form.summary_edit.toPlainText()
    row = form.respondents.rows[0]
    assert row.exhibitor is not None and row.exhibitor.booth == "4.1A02"
    type_into(qtbot, form.complainant_name, COMPLAINANT)
    dismiss_completions(qtbot, form)
    type_into(qtbot, form.rights.rows[0].number, RIGHT)
    dismiss_completions(qtbot, form)
    with qtbot.waitSignal(form.accepted):
        qtbot.keyClick(form, Qt.Key.Key_Return, CTRL)  # incomplete: Ctrl+Enter saves a draft
    assert form.action_taken == "draft"
    (complaint,) = complaints(team)
    assert complaint.channel == Channel.PATROL and complaint.state == "DRAFT"
    visit = patrols.get_visit(team.desk, uid)
    assert visit.case_number == form.registered.case_numbers[0]
    attached = evidence.evidence_of(team.desk, "complaint", complaint.number)
    assert [e.evidence.sha256 for e in attached] == list(visit.photos)
    assert suspected_visits(team.desk, FAIR) == []  # nothing left waiting


def test_the_desk_picks_the_visit_from_the_cases_menu(
    qtbot, team: Team, fair: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _visit(team, "4.1A01", Finding.NOTHING)
    wanted = _visit(team, "4.1A03", Finding.SUSPECTED_INFRINGEMENT, "logo copied")
    window = MainWindow(team.desk)
    qtbot.addWidget(window)
    offered: list[list[str]] = []

    def pick(_parent, _title, _label, items):  # type: ignore[no-untyped-def]
        offered.append(items)
        return items[0], True

    window.ask_item = pick
    opened: list[VisitComplaintForm] = []
    monkeypatch.setattr(
        VisitComplaintForm, "exec", lambda self: opened.append(self) or QDialog.DialogCode.Rejected
    )
    assert window.visit_complaint_action.isEnabled()
    window.visit_complaint_action.trigger()
    (items,) = offered
    assert len(items) == 1 and "4.1A03" in items[0] and "logo copied" in items[0]
    assert "suspected_infringement" not in items[0]  # words, never the code
    (form,) = opened
    assert form.visit_uid == wanted


@pytest.mark.parametrize("role", [Role.INSPECTOR, Role.ORGANIZER])
def test_only_those_who_register_complaints_are_offered_it(
    qtbot, team: Team, fair: str, role: Role
) -> None:
    window = MainWindow(team.by_role(role))
    qtbot.addWidget(window)
    assert not window.visit_complaint_action.isEnabled()


def test_the_inspector_screens_button_opens_the_form_for_its_visit(
    qtbot, team: Team, fair: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fairdesk.ui.inspection.inspector_window import InspectorWindow

    uid = _visit(team, "4.1A04", Finding.SUSPECTED_INFRINGEMENT)
    window = MainWindow(team.desk)
    qtbot.addWidget(window)
    opened: list[VisitComplaintForm] = []
    monkeypatch.setattr(
        VisitComplaintForm, "exec", lambda self: opened.append(self) or QDialog.DialogCode.Rejected
    )
    window.show_inspector()
    (inspector,) = window.findChildren(InspectorWindow)
    inspector.complaint_requested.emit(uid)
    (form,) = opened
    assert (form.visit_uid, form.fair_code) == (uid, FAIR)
    inspector.close()


def test_a_visit_already_linked_to_a_case_opens_no_second_complaint(
    qtbot, team: Team, fair: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.helpers import complaint_input

    uid = _visit(team, "4.1A02", Finding.SUSPECTED_INFRINGEMENT)
    first = patrols.register_complaint_from_visit(team.desk, uid, complaint_input("4.1A02"))
    window = MainWindow(team.desk)
    qtbot.addWidget(window)
    told: list[str] = []
    monkeypatch.setattr(
        "fairdesk.ui.desk.main_window.QMessageBox.information",
        lambda _parent, _title, text: told.append(text),
    )
    opened: list[VisitComplaintForm] = []
    monkeypatch.setattr(VisitComplaintForm, "exec", lambda self: opened.append(self) or 0)
    window.complaint_from_visit(uid, FAIR)
    assert opened == []
    assert told == [f"This visit already belongs to case {first.case_numbers[0]}."]
