"""Re-inspection tasks from ordered measures, and results that move the case (both ways),
with the "after" photo beside the "before" photo."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from fairdesk.db.models import BoothVisit, Measure
from fairdesk.domain.enums import CaseState, Finding, RecheckResult
from fairdesk.domain.errors import IllegalTransition, InvalidInput
from fairdesk.services.casework.cases import timeline
from fairdesk.services.casework.steps import act_on_case, act_on_complaint
from fairdesk.services.inspection import patrols, rechecks
from fairdesk.services.inspection.rechecks import RecheckInput
from fairdesk.services.intake.intake import register_complaint
from tests.conftest import FakeClock, Team
from tests.helpers import FAIR, complaint_input, exhibitor, make_fair
from tests.unit.test_patrols import ordered_case, photo


@pytest.fixture
def fair(team: Team) -> str:
    code = make_fair(team.admin)
    from fairdesk.services.fair.exhibitors import upsert_exhibitors
    from fairdesk.services.fair.fairs import fair_by_code

    with team.admin.db.writing() as session:  # a second hall
        upsert_exhibitors(
            session,
            fair_by_code(session, code).id,
            [exhibitor(6, "2.1B07", hall="2.1"), exhibitor(7, "2.1B08", hall="2.1")],
            team.admin.now(),
        )
    return code


def test_tasks_come_from_measures_ordered_sorted_by_due_then_hall(
    team: Team, fair: str, clock: FakeClock
) -> None:
    first = ordered_case(team, "4.1A02")  # ordered 09:30 Shanghai
    clock.advance(minutes=30)
    later = ordered_case(team, "4.1A01")  # ordered 10:00
    same_time_other_hall = ordered_case(team, "2.1B07")  # ordered 10:00, hall 2.1
    register_complaint(team.desk, FAIR, complaint_input("4.1A03"))  # no measure: no task
    tasks = rechecks.list_tasks(team.inspector, fair)
    assert [(t.case_number, t.hall, t.booth) for t in tasks] == [
        (first, "4.1", "4.1A02"),
        (same_time_other_hall, "2.1", "2.1B07"),
        (later, "4.1", "4.1A01"),
    ]
    # The rule set gives 2 h of opening time to re-check: 09:30 + 2 h = 11:30 Shanghai.
    assert tasks[0].due_at == datetime(2026, 11, 5, 3, 30, tzinfo=UTC)
    assert (tasks[0].measure_type, tasks[0].label, tasks[0].overdue) == (
        "cover",
        "Measure ordered",
        False,
    )
    assert [t.case_number for t in rechecks.list_tasks(team.inspector, fair, hall="2.1")] == [
        same_time_other_hall
    ]
    clock.advance(hours=1, minutes=45)  # 11:45: the first is overdue
    overdue = rechecks.list_tasks(team.inspector, fair, overdue_only=True)
    assert [(t.case_number, t.overdue, t.label) for t in overdue] == [
        (first, True, "Re-inspection due")
    ]


def _visits(team: Team) -> int:
    with team.desk.db.reading() as session:
        return session.scalar(select(func.count()).select_from(BoothVisit)) or 0


def test_a_passed_recheck_moves_the_case_and_puts_after_beside_before(
    team: Team, fair: str, clock: FakeClock
) -> None:
    number = ordered_case(team, "4.1A01")
    before = rechecks.add_before_photo(team.inspector, number, photo("covered.jpg", "black"))
    round_uid = patrols.start_round(team.inspector, fair, "4.1").uid
    clock.advance(hours=1)
    uid = patrols.new_uid()
    data = RecheckInput(
        number,
        RecheckResult.PASSED,
        "遮盖完好",
        photos=[photo("after.jpg", "white")],
        uid=uid,
        round_uid=round_uid,
    )
    outcome = rechecks.record_recheck(team.inspector, data)
    assert (outcome.state, outcome.result, outcome.visit_uid, outcome.duplicate) == (
        CaseState.RECHECK_PASSED,
        "passed",
        uid,
        False,
    )
    assert rechecks.record_recheck(team.inspector, data).duplicate  # sent twice: once
    assert _visits(team) == 1
    record = rechecks.recheck_record(team.desk, number)
    assert [e.evidence.name for e in record.before] == ["covered.jpg"]
    assert [e.evidence.name for e in record.after] == ["after.jpg"]
    assert before.sha256 != record.after[0].evidence.sha256
    assert (record.result, record.rechecked_at) == ("passed", clock())
    visit = patrols.get_visit(team.desk, uid)
    assert (visit.finding, visit.case_number, visit.round_uid) == (
        Finding.MEASURE_VERIFIED,
        number,
        round_uid,
    )
    assert rechecks.list_tasks(team.inspector, fair) == []
    # The desk sees every step, taken by the inspector, and closes the case.
    steps = [(e.username, e.action) for e in timeline(team.desk, number)][-4:]
    assert steps == [
        ("inspector1", "case.request_recheck"),
        ("inspector1", "case.recheck_passed"),
        ("inspector1", "patrol.visit"),
        ("inspector1", "patrol.recheck"),
    ]
    assert act_on_case(team.desk, number, "close").state == CaseState.CLOSED


@pytest.mark.parametrize(
    "result", [RecheckResult.FAILED, RecheckResult.PARTLY, RecheckResult.REDISPLAYED]
)
def test_a_failed_recheck_goes_to_the_desk_then_is_checked_again(
    team: Team, fair: str, clock: FakeClock, result: RecheckResult
) -> None:
    number = ordered_case(team, "4.1A02")
    if result is not RecheckResult.REDISPLAYED:
        clock.advance(hours=3)  # undone is found only once the measure is due
    outcome = rechecks.record_recheck(
        team.inspector, RecheckInput(number, result, photos=[photo("again.jpg")])
    )
    assert (outcome.state, outcome.result) == (CaseState.RECHECK_FAILED, result.value)
    assert patrols.get_visit(team.desk, outcome.visit_uid).finding == Finding.MEASURE_VIOLATED
    assert rechecks.list_tasks(team.inspector, fair) == []  # waiting for the desk
    with pytest.raises(Exception, match="Escalate"):  # escalating is the desk's step
        act_on_case(team.inspector, number, "escalate", escalation="leave_fair")
    assert act_on_case(team.desk, number, "escalate", escalation="leave_fair").state == (
        CaseState.ESCALATED
    )
    tasks = rechecks.list_tasks(team.inspector, fair)
    assert [(t.case_number, t.label, t.due_at) for t in tasks] == [
        (number, "Re-inspection after escalation", None)
    ]
    clock.advance(hours=1)
    final = rechecks.record_recheck(team.inspector, RecheckInput(number, "passed"))
    assert final.state == CaseState.RECHECK_PASSED
    with team.desk.db.reading() as session:
        assert session.scalar(select(Measure.recheck_result)) == "passed"


def test_a_recheck_the_desk_already_requested(team: Team, fair: str) -> None:
    number = ordered_case(team, "4.1A03")
    act_on_case(team.desk, number, "request_recheck")
    assert rechecks.list_tasks(team.inspector, fair)[0].label == "Re-inspection due"
    outcome = rechecks.record_recheck(team.inspector, RecheckInput(number, "passed"))
    assert outcome.state == CaseState.RECHECK_PASSED


def test_a_recheck_without_notes_stores_no_english_reason(team: Team, fair: str) -> None:
    """The timeline shows the step's words in the desk's language; a stored English
    sentence ("re-inspection: measures carried out") would reach a Chinese screen."""
    number = ordered_case(team, "4.1A03")
    rechecks.record_recheck(team.inspector, RecheckInput(number, "passed"))
    entries = [e for e in timeline(team.desk, number) if e.action.endswith("recheck_passed")]
    assert entries and [e.reason for e in entries] == [""]
    noted = ordered_case(team, "4.1A04")
    rechecks.record_recheck(team.inspector, RecheckInput(noted, "passed", notes="已遮盖"))
    assert [e.reason for e in timeline(team.desk, noted) if "recheck" in e.action][-1] == "已遮盖"


def test_nothing_to_recheck_is_said_clearly(team: Team, fair: str) -> None:
    reg = register_complaint(team.desk, FAIR, complaint_input("4.1A04"))
    act_on_complaint(team.desk, reg.number, "accept")
    with pytest.raises(
        IllegalTransition,
        match=f"Case {reg.case_numbers[0]} is To notify: there is no measure waiting",
    ):
        rechecks.record_recheck(team.inspector, RecheckInput(reg.case_numbers[0], "passed"))
    with pytest.raises(InvalidInput, match="'fine' is not a re-inspection result"):
        rechecks.record_recheck(team.inspector, RecheckInput(reg.case_numbers[0], "fine"))
    with pytest.raises(InvalidInput, match="has no measure ordered yet"):
        rechecks.add_before_photo(team.inspector, reg.case_numbers[0], photo())
