"""The desk's day, scripted end to end through real widgets (pytest-qt, fake clock, no
sleeps), on whichever backend FAIRDESK_TEST_DB selects (SQLite or PostgreSQL).

From an empty database: import the exhibitor list through the exhibitors window, register
a complaint against two respondents from the keyboard only, then in the case view notify
both, record a defence for one, let the other run overdue, review and decide both (on the
merits and for the missed defence), and order a cover measure. The database is checked
after every step.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from fairdesk.db.models import AuditEvent, Complaint, Exhibitor, RespondentCase
from fairdesk.services.casework.case_detail import case_detail
from fairdesk.services.fair.exhibitors import count_exhibitors
from fairdesk.ui.common.tasks import use_synchronous_pool
from fairdesk.ui.intake.complaint_form import ComplaintForm
from fairdesk.ui.organizer.exhibitors_window import ExhibitorsWindow
from tests.conftest import SAMPLES, FakeClock, Team
from tests.gui.test_case_view import (
    apply,
    choose,
    click_step,
    notify,
    open_view,
    step_dialog,
    wait_state,
)
from tests.gui.test_complaint_form import (
    CTRL,
    Key,
    focused,
    pick_completion,
    press,
    tab_to,
    type_in,
)
from tests.helpers import FAIR, make_fair

LEFT = Qt.MouseButton.LeftButton
SAMPLE = SAMPLES / "exhibitors_sample.csv"
# Two exhibitors of the sample list, each alone on its booth.
BOOTH_A, NAME_A = "8.1H8-42", "Blue Ocean Appliances S.A."
BOOTH_B, NAME_B = "6.1D4-49", "Crown Textiles K.K."


@pytest.fixture
def sync_pool() -> Iterator[None]:
    use_synchronous_pool()
    yield
    use_synchronous_pool(False)


def states(team: Team) -> dict[str, str]:
    with team.organizer.db.reading() as session:
        return {c.number: c.state for c in session.scalars(select(RespondentCase))}


def import_through_the_window(qtbot, team: Team) -> None:  # type: ignore[no-untyped-def]
    window = ExhibitorsWindow(team.desk, FAIR)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    assert window.count_label.text() == "0 exhibitors"
    qtbot.mouseClick(window.import_button, LEFT)
    dialog = window.import_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.file_edit, str(SAMPLE))
    with qtbot.waitSignal(dialog.import_done) as done:
        qtbot.mouseClick(dialog.import_button, LEFT)
    report = done.args[0]
    assert (report.imported, report.skipped) == (300, 0)
    qtbot.waitUntil(lambda: window.model.total() == 300)
    qtbot.mouseClick(dialog.button_box.buttons()[0], LEFT)
    window.close()


def register_from_the_keyboard(qtbot, team: Team) -> tuple[str, str, str]:  # type: ignore[no-untyped-def]
    form = ComplaintForm(team.desk, FAIR)
    qtbot.addWidget(form)
    with qtbot.waitExposed(form):
        form.show()
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    qtbot.waitUntil(lambda: focused() is form.complainant_name)

    type_in(qtbot, "示例品牌股份有限公司")
    press(qtbot, Key.Key_Tab)
    type_in(qtbot, "Example Brand Co., Ltd.")
    row = form.rights.rows[0]
    tab_to(qtbot, row.type_combo)
    press(qtbot, Key.Key_Down)
    press(qtbot, Key.Key_Down)
    assert row.ip_type() == "design"
    press(qtbot, Key.Key_Tab)
    type_in(qtbot, "ZL202330123456.7")
    press(qtbot, Key.Key_Tab)
    type_in(qtbot, "电水壶")
    press(qtbot, Key.Key_Tab)
    type_in(qtbot, "示例品牌")
    tab_to(qtbot, row.valid_from)
    type_in(qtbot, "2023-03-01")
    press(qtbot, Key.Key_Tab)
    type_in(qtbot, "2038-02-28")

    first = form.respondents.rows[0]
    tab_to(qtbot, first.search)
    type_in(qtbot, BOOTH_A)
    pick_completion(qtbot, form)
    assert first.exhibitor is not None and first.exhibitor.booth == BOOTH_A
    press(qtbot, Key.Key_Tab)
    type_in(qtbot, "电水壶")
    press(qtbot, Key.Key_Tab)
    type_in(qtbot, "K-1")
    press(qtbot, Key.Key_Return)

    press(qtbot, Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: len(form.respondents.rows) == 2)
    second = form.respondents.rows[1]
    qtbot.waitUntil(lambda: focused() is second.search)
    type_in(qtbot, BOOTH_B)
    pick_completion(qtbot, form)
    assert second.exhibitor is not None and second.exhibitor.booth == BOOTH_B
    press(qtbot, Key.Key_Tab)
    type_in(qtbot, "水壶")
    press(qtbot, Key.Key_Return)

    tab_to(qtbot, form.all_materials)
    press(qtbot, Key.Key_Space)
    press(qtbot, Key.Key_Tab)
    assert focused() is form.commitment
    press(qtbot, Key.Key_Space)
    press(qtbot, Key.Key_Tab)
    type_in(qtbot, "两个展位展出的电水壶与外观设计专利相同")
    qtbot.waitUntil(lambda: "Ctrl+Enter accepts" in form.hint.text())
    with qtbot.waitSignal(form.accepted):
        press(qtbot, Key.Key_Return, CTRL)
    assert form.action_taken == "accepted" and form.registered is not None
    a, b = form.registered.case_numbers
    return form.registered.number, a, b


def test_from_an_empty_database_to_two_decisions_and_a_cover(
    qtbot, team: Team, clock: FakeClock, sync_pool: None
) -> None:
    make_fair(team.admin, exhibitors=0)
    assert count_exhibitors(team.desk, FAIR) == 0

    # 1. The exhibitor list, through the exhibitors window's import dialog.
    import_through_the_window(qtbot, team)
    assert count_exhibitors(team.desk, FAIR) == 300
    with team.desk.db.reading() as session:
        exhibitor_a = session.scalars(select(Exhibitor).where(Exhibitor.name_en == NAME_A)).one()
        assert exhibitor_a.name_zh == "蓝海电器有限公司"

    # 2. A complaint against two respondents, keyboard only.
    complaint_no, a, b = register_from_the_keyboard(qtbot, team)
    with team.desk.db.reading() as session:
        complaint = session.scalars(select(Complaint).where(Complaint.number == complaint_no)).one()
        assert complaint.state == "ACCEPTED" and complaint.commitment_signed
        assert [(c.number, c.booth_no, c.state, c.exhibitor.name_en) for c in complaint.cases] == [
            (a, BOOTH_A, "TO_NOTIFY", NAME_A),
            (b, BOOTH_B, "TO_NOTIFY", NAME_B),
        ]
        assert [x.name for x in complaint.cases[0].exhibits] == ["电水壶"]

    # 3. Notify both.
    view_a = open_view(qtbot, team, a)
    view_b = open_view(qtbot, team, b)
    for view in (view_a, view_b):
        notify(qtbot, view)
        wait_state(qtbot, view, team, "NOTIFIED")
    assert states(team) == {a: "NOTIFIED", b: "NOTIFIED"}
    assert case_detail(team.desk, a).notified_at is not None

    # 4. A defence for the first.
    click_step(qtbot, view_a, "record_defence")
    dialog = step_dialog(qtbot, view_a)
    qtbot.keyClicks(dialog.fields["summary"], "Own design since 2019, different spout")
    apply(qtbot, view_a, dialog)
    wait_state(qtbot, view_a, team, "DEFENCE_RECEIVED")
    assert states(team) == {a: "DEFENCE_RECEIVED", b: "NOTIFIED"}

    # 5. The second lets its defence period run out: the fake clock, then mark it overdue.
    clock.advance(hours=25)
    view_b.clock_timer.timeout.emit()
    countdown = view_b.clocks_panel.rows["defence"].countdown
    qtbot.waitUntil(lambda: countdown.text().startswith("OVERDUE"))
    click_step(qtbot, view_b, "mark_defence_overdue")
    wait_state(qtbot, view_b, team, "DEFENCE_OVERDUE")
    assert states(team) == {a: "DEFENCE_RECEIVED", b: "DEFENCE_OVERDUE"}

    # 6. Review and decide both: on the merits, and for the missed defence.
    for view in (view_a, view_b):
        click_step(qtbot, view, "begin_review")
        wait_state(qtbot, view, team, "UNDER_REVIEW")
    click_step(qtbot, view_a, "decide_infringing")
    dialog = step_dialog(qtbot, view_a)
    choose(qtbot, dialog, "trigger", "On", "merits")
    qtbot.keyClicks(dialog.fields["reason"], "Same overall impression")
    apply(qtbot, view_a, dialog)
    wait_state(qtbot, view_a, team, "INFRINGEMENT_FOUND")

    click_step(qtbot, view_b, "decide_infringing")
    dialog = step_dialog(qtbot, view_b)
    choose(qtbot, dialog, "trigger", "No", "defence_overdue")
    apply(qtbot, view_b, dialog)
    wait_state(qtbot, view_b, team, "INFRINGEMENT_FOUND")
    da, db_ = case_detail(team.desk, a), case_detail(team.desk, b)
    assert (da.decision_trigger, db_.decision_trigger) == ("merits", "defence_overdue")
    assert da.decision_note == "Same overall impression"
    assert states(team) == {a: "INFRINGEMENT_FOUND", b: "INFRINGEMENT_FOUND"}

    # 7. A cover measure for the first.
    click_step(qtbot, view_a, "order_remedy")
    dialog = step_dialog(qtbot, view_a)
    choose(qtbot, dialog, "measure", "Cov", "cover")
    qtbot.mouseClick(dialog.fields["undertaking_signed"], LEFT)
    apply(qtbot, view_a, dialog)
    wait_state(qtbot, view_a, team, "REMEDY_ORDERED")
    da = case_detail(team.desk, a)
    assert [(m.measure_type, m.undertaking_signed) for m in da.measures] == [("cover", True)]
    assert states(team) == {a: "REMEDY_ORDERED", b: "INFRINGEMENT_FOUND"}

    # Every step is in the audit trail, by the desk user.
    with team.desk.db.reading() as session:
        actions = [
            e.action
            for e in session.scalars(
                select(AuditEvent).where(AuditEvent.case_id.is_not(None)).order_by(AuditEvent.id)
            )
            if e.username == "desk1" and not e.action.startswith(("clock.", "case.create"))
        ]
    for step in ("notify", "record_defence", "mark_defence_overdue", "decide_infringing"):
        assert any(x.endswith(step) for x in actions), (step, actions)
    assert any(x.endswith("order_remedy") for x in actions)
