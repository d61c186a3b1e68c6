"""Every workflow step through the services, on the configured database backend."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from fairdesk.domain.clocks import ClockStatus
from fairdesk.domain.enums import CaseState, ClockKind, Role
from fairdesk.domain.errors import (
    ConcurrentEdit,
    IllegalTransition,
    InvalidInput,
    MissingRequirement,
    PermissionDenied,
)
from fairdesk.services.casework import clocks
from fairdesk.services.casework.cases import CaseFilter, list_cases, timeline
from fairdesk.services.casework.steps import act_on_case, act_on_complaint
from fairdesk.services.checks.audit_verify import verify_chain
from fairdesk.services.intake.intake import RightInput, register_complaint
from tests.conftest import FakeClock, Team
from tests.helpers import FAIR, complaint_input, make_fair


@pytest.fixture
def fair(team: Team) -> str:
    return make_fair(team.admin)


def _accepted_case(team: Team, *booths: str) -> tuple[str, tuple[str, ...]]:
    reg = register_complaint(team.desk, FAIR, complaint_input(*booths))
    act_on_complaint(team.desk, reg.number, "accept")
    return reg.number, reg.case_numbers


def _state(team: Team, number: str) -> str:
    rows = list_cases(team.organizer, CaseFilter(FAIR, search=number))
    return next(r.state for r in rows if r.number == number)


def test_register_creates_one_case_per_respondent(team: Team, fair: str) -> None:
    reg = register_complaint(team.desk, fair, complaint_input("4.1A01", "4.1a02", "４.１Ａ０３"))
    assert reg.number == "TEST2026-0001"
    assert reg.case_numbers == ("TEST2026-0001-1", "TEST2026-0001-2", "TEST2026-0001-3")
    rows = list_cases(team.desk, CaseFilter(fair))
    assert [(r.booth, r.state) for r in rows] == [
        ("4.1A01", "TO_NOTIFY"),
        ("4.1A02", "TO_NOTIFY"),
        ("4.1A03", "TO_NOTIFY"),
    ]


def test_numbers_continue_without_gaps_after_a_refused_registration(team: Team, fair: str) -> None:
    register_complaint(team.desk, fair, complaint_input("4.1A01"))
    with pytest.raises(InvalidInput, match="no exhibitor at booth 9.9Z99"):
        register_complaint(team.desk, fair, complaint_input("9.9Z99"))
    assert register_complaint(team.desk, fair, complaint_input("4.1A02")).number == "TEST2026-0002"


@pytest.mark.parametrize("role", [Role.ADMIN, Role.INSPECTOR, Role.ORGANIZER])
def test_only_desk_registers(team: Team, fair: str, role: Role) -> None:
    with pytest.raises(PermissionDenied, match="Only desk staff may register a complaint"):
        register_complaint(team.by_role(role), fair, complaint_input())


def test_accept_needs_signed_commitment(team: Team, fair: str) -> None:
    reg = register_complaint(team.desk, fair, complaint_input(commitment=False))
    with pytest.raises(MissingRequirement, match="signed commitment"):
        act_on_complaint(team.desk, reg.number, "accept")


def test_accept_needs_power_of_attorney_for_an_agent(team: Team, fair: str) -> None:
    reg = register_complaint(team.desk, fair, complaint_input(agent=True))
    with pytest.raises(MissingRequirement, match="power of attorney"):
        act_on_complaint(team.desk, reg.number, "accept")


@pytest.mark.parametrize(
    ("right", "message"),
    [
        (RightInput("trademark", "123456", jurisdiction="EU"), "only rights valid in China"),
        (
            RightInput(
                "invention_patent", "ZL200510012345.6", valid_until=datetime(2025, 1, 1).date()
            ),
            "expired on 2025-01-01",
        ),
    ],
)
def test_accept_refuses_rights_not_valid_in_china(
    team: Team, fair: str, right: RightInput, message: str
) -> None:
    reg = register_complaint(team.desk, fair, complaint_input(right=right))
    with pytest.raises(MissingRequirement, match=message):
        act_on_complaint(team.desk, reg.number, "accept")


def test_reject_closes_the_cases(team: Team, fair: str) -> None:
    reg = register_complaint(team.desk, fair, complaint_input("4.1A01", "4.1A02"))
    act_on_complaint(team.desk, reg.number, "request_supplement", missing_items="专利证书")
    result = act_on_complaint(
        team.desk, reg.number, "reject", reason_code="materials_not_supplemented"
    )
    assert result.state == "REJECTED"
    assert {_state(team, n) for n in reg.case_numbers} == {"CLOSED"}


def test_notify_needs_an_accepted_complaint(team: Team, fair: str) -> None:
    reg = register_complaint(team.desk, fair, complaint_input())
    with pytest.raises(IllegalTransition, match="accept it before notifying"):
        act_on_case(team.desk, reg.case_numbers[0], "notify")


def test_full_path_to_closed_after_recheck(team: Team, fair: str, clock: FakeClock) -> None:
    _, (case,) = _accepted_case(team)
    act_on_case(team.desk, case, "notify")
    act_on_case(team.desk, case, "record_defence", summary="我方产品为自主设计")
    act_on_case(team.desk, case, "begin_review")
    act_on_case(
        team.desk,
        case,
        "decide_infringing",
        trigger="merits",
        legal_basis="展会知识产权保护办法 第十四条",
        reason="外观相同",
    )
    act_on_case(team.desk, case, "order_remedy", measure="cover")
    act_on_case(team.inspector, case, "request_recheck")
    clock.advance(hours=1)
    act_on_case(team.inspector, case, "recheck_passed")
    assert act_on_case(team.desk, case, "close").state == "CLOSED"
    actions = [e.action for e in timeline(team.organizer, case)]
    assert actions[-9:] == [
        "case.notify",
        "case.assign",  # the desk user who notified handles the case from then on
        "case.record_defence",
        "case.begin_review",
        "case.decide_infringing",
        "case.order_remedy",
        "case.request_recheck",
        "case.recheck_passed",
        "case.close",
    ]
    assert verify_chain(team.admin).ok


def test_recheck_failed_escalates_and_rechecks_again(team: Team, fair: str) -> None:
    _, (case,) = _accepted_case(team)
    for action, params in [
        ("notify", {}),
        ("record_defence", {"summary": "无"}),
        ("begin_review", {}),
        (
            "decide_infringing",
            {"trigger": "admission", "admission": "当场书面承认", "legal_basis": "Art 14"},
        ),
        ("order_remedy", {"measure": "take_down"}),
        ("request_recheck", {}),
    ]:
        act_on_case(team.desk, case, action, **params)
    act_on_case(team.inspector, case, "recheck_failed", result="redisplayed")
    act_on_case(team.desk, case, "escalate", escalation="cancel_participation")
    assert act_on_case(team.inspector, case, "request_recheck").state == "RECHECK_DUE"
    states = {s.kind: s.status for s in clocks.clocks_for_case(team.desk, case)}
    assert states[ClockKind.RECHECK] is ClockStatus.RUNNING


def test_defence_clock_overdue_and_art14_trigger(team: Team, fair: str, clock: FakeClock) -> None:
    _, (case,) = _accepted_case(team)
    act_on_case(team.desk, case, "notify", served_at=team.desk.now())
    with pytest.raises(IllegalTransition, match="is not over"):
        act_on_case(team.desk, case, "mark_defence_overdue")
    assert [r.number for r in list_cases(team.desk, CaseFilter(FAIR, due_within_hours=25))] == [
        case
    ]
    assert list_cases(team.desk, CaseFilter(FAIR, overdue=True)) == []
    clock.advance(hours=24, minutes=1)
    assert [r.number for r in list_cases(team.desk, CaseFilter(FAIR, overdue=True))] == [case]
    act_on_case(team.desk, case, "mark_defence_overdue")
    act_on_case(team.desk, case, "begin_review")
    result = act_on_case(
        team.desk,
        case,
        "decide_infringing",
        trigger="defence_overdue",
        legal_basis="展会知识产权保护指引 第十四条",
    )
    assert result.state == "INFRINGEMENT_FOUND"


def test_defence_overdue_trigger_refused_when_defence_came_in_time(team: Team, fair: str) -> None:
    _, (case,) = _accepted_case(team)
    for action, params in [
        ("notify", {}),
        ("record_defence", {"summary": "有证据"}),
        ("begin_review", {}),
    ]:
        act_on_case(team.desk, case, action, **params)
    with pytest.raises(IllegalTransition, match="answered in time"):
        act_on_case(
            team.desk, case, "decide_infringing", trigger="defence_overdue", legal_basis="Art 14"
        )


def test_mediation_pauses_the_defence_clock(team: Team, fair: str, clock: FakeClock) -> None:
    _, (case,) = _accepted_case(team)
    act_on_case(team.desk, case, "notify", served_at=team.desk.now())
    due_before = clocks.clocks_for_case(team.desk, case)[-1].due_at
    act_on_case(team.desk, case, "start_mediation")
    clock.advance(hours=3)
    act_on_case(team.desk, case, "end_mediation", reason="双方分歧")
    defence = next(
        s for s in clocks.clocks_for_case(team.desk, case) if s.kind is ClockKind.DEFENCE
    )
    assert defence.status is ClockStatus.RUNNING
    assert defence.due_at == due_before + timedelta(hours=3)


def test_pause_and_resume_with_reason(team: Team, fair: str, clock: FakeClock) -> None:
    _, (case,) = _accepted_case(team)
    act_on_case(team.desk, case, "notify", served_at=team.desk.now())
    with pytest.raises(InvalidInput, match="needs a reason"):
        clocks.pause(team.desk, case, ClockKind.DEFENCE, " ")
    with pytest.raises(PermissionDenied):
        clocks.pause(team.organizer, case, ClockKind.DEFENCE, "waiting")
    state = clocks.pause(team.desk, case, ClockKind.DEFENCE, "等待翻译的委托书")
    assert state.status is ClockStatus.PAUSED and state.paused_reason == "等待翻译的委托书"
    with pytest.raises(InvalidInput, match="cannot be paused: it is paused"):
        clocks.pause(team.desk, case, ClockKind.DEFENCE, "again")
    clock.advance(hours=2)
    assert clocks.resume(team.desk, case, ClockKind.DEFENCE).status is ClockStatus.RUNNING
    assert [e.action for e in timeline(team.desk, case)][-2:] == ["clock.pause", "clock.resume"]


def test_deadline_capped_at_fair_close(team: Team, fair: str, clock: FakeClock) -> None:
    _, (case,) = _accepted_case(team)
    clock.set(datetime(2026, 11, 10, 2, 0, tzinfo=UTC))  # last day, 10:00 in Shanghai
    act_on_case(team.desk, case, "notify", served_at=team.desk.now())
    (row,) = list_cases(team.desk, CaseFilter(FAIR))
    assert row.decide_before_close
    assert row.next_due == datetime(2026, 11, 10, 9, 0, tzinfo=UTC)  # 17:00 Shanghai


def test_post_fair_only_after_close(team: Team, fair: str, clock: FakeClock) -> None:
    _, (case,) = _accepted_case(team)
    act_on_case(team.desk, case, "notify", served_at=team.desk.now())
    with pytest.raises(IllegalTransition, match="after that"):
        act_on_case(team.desk, case, "move_post_fair")
    clock.set(datetime(2026, 11, 10, 9, 1, tzinfo=UTC))
    assert act_on_case(team.desk, case, "move_post_fair").state == "POST_FAIR"
    assert clocks.clocks_for_case(team.desk, case)[-1].status is ClockStatus.STOPPED


def test_stale_screen_is_refused_with_who_changed_it(team: Team, fair: str) -> None:
    _, (case,) = _accepted_case(team)
    version = list_cases(team.desk, CaseFilter(FAIR))[0].version
    act_on_case(team.desk2, case, "notify", expected_version=version)
    with pytest.raises(ConcurrentEdit, match="changed by desk2 at .* now Notified"):
        act_on_case(team.desk, case, "withdraw", reason="撤回", expected_version=version)
    assert _state(team, case) == CaseState.NOTIFIED


@pytest.mark.parametrize("role", [Role.ADMIN, Role.INSPECTOR, Role.ORGANIZER])
def test_desk_steps_refused_for_other_roles(team: Team, fair: str, role: Role) -> None:
    _, (case,) = _accepted_case(team)
    with pytest.raises(PermissionDenied, match=f"you are signed in as {role.value}"):
        act_on_case(team.by_role(role), case, "notify")
    assert _state(team, case) == CaseState.TO_NOTIFY


def test_transfer_clock_runs_24_hours(team: Team, fair: str, clock: FakeClock) -> None:
    reg = register_complaint(team.desk, fair, complaint_input())
    act_on_complaint(team.desk, reg.number, "accept", authority="上海市知识产权局")
    transfer = next(
        s
        for s in clocks.clocks_for_case(team.desk, reg.case_numbers[0])
        if s.kind is ClockKind.TRANSFER
    )
    assert transfer.due_at == clock.current + timedelta(hours=24)
    clock.advance(hours=5)
    act_on_complaint(team.desk, reg.number, "transfer", authority="上海市知识产权局")
    transfer = next(
        s
        for s in clocks.clocks_for_case(team.desk, reg.case_numbers[0])
        if s.kind is ClockKind.TRANSFER
    )
    assert transfer.status is ClockStatus.STOPPED


def test_rule_change_moves_running_deadlines(team: Team, fair: str, clock: FakeClock) -> None:
    from fairdesk.services.organizer.fair_setup import update_rules

    _, (case,) = _accepted_case(team)
    act_on_case(team.desk, case, "notify", served_at=team.desk.now())
    update_rules(team.admin, FAIR, reason="本届答辩期12小时", defence_hours=4)
    (row,) = list_cases(team.desk, CaseFilter(FAIR))
    assert row.next_due == clock.current + timedelta(hours=4)
    # 12 h from 09:30 would fall at 21:30, after closing: due at the next opening instead.
    update_rules(team.admin, FAIR, reason="本届答辩期12小时", defence_hours=12)
    (row,) = list_cases(team.desk, CaseFilter(FAIR))
    assert row.next_due == datetime(2026, 11, 6, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai
    with pytest.raises(PermissionDenied):
        update_rules(team.desk, FAIR, defence_hours=4)
