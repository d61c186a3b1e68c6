"""The workflow guards of issue 13 that a second legal review found open: a finding names
the right each exhibit infringes, an invalid right is refused alone (partial
non-acceptance), and escalation waits for the re-check (../shared/domain.md).

Each test failed on the workflow before these guards; all run through the services, on
SQLite or PostgreSQL (FAIRDESK_TEST_DB).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from fairdesk.db.models import AuditEvent, Fair
from fairdesk.domain.errors import IllegalTransition, MissingRequirement, PermissionDenied
from fairdesk.domain.workflow import evaluate
from fairdesk.services.casework.cases import case_by_number
from fairdesk.services.casework.steps import (
    act_on_case,
    act_on_complaint,
    available_steps,
    case_facts,
)
from fairdesk.services.intake.intake import ExhibitInput, RightInput, register_complaint
from tests.conftest import FakeClock, Team
from tests.helpers import FAIR, complaint_input, make_fair, received

DESIGN = RightInput(
    "design", "ZL202330123456.7", "咖啡机", "示例品牌", valid_until=date(2038, 1, 1)
)
MARK = RightInput("trademark", "45678901", "EXAMPLE", "示例品牌", valid_until=date(2034, 1, 1))


@pytest.fixture
def fair(team: Team) -> str:
    return make_fair(team.admin)


def _two_rights(team: Team, *exhibits: ExhibitInput) -> tuple[str, str]:
    """A complaint on a design and a trademark whose exhibits name no right."""
    data = complaint_input()
    data.rights = [DESIGN, MARK]
    data.materials = received(["design", "trademark"])
    data.respondents[0].exhibits = list(exhibits) or [
        ExhibitInput("智能咖啡机", "CM-101", 2),
        ExhibitInput("智能咖啡机", "CM-102", 2),
    ]
    reg = register_complaint(team.desk, FAIR, data)
    return reg.number, reg.case_numbers[0]


def _admission(team: Team, case: str) -> str:
    return act_on_case(
        team.desk,
        case,
        "decide_at_once",
        trigger="admission",
        admission="展商代表当场书面承认",
        legal_basis="CNIPA 2022 Art 14",
    ).state


def _linked(team: Team, case: str) -> dict[str, list[str]]:
    with team.desk.db.reading() as session:
        row = case_by_number(session, case)
        return {x.model: [r.number for r in x.rights] for x in row.exhibits}


# -- 1. a finding of infringement names the right of each exhibit ----------------------------


def test_a_finding_is_refused_while_an_exhibit_is_tied_to_no_right(team: Team, fair: str) -> None:
    number, case = _two_rights(team)
    act_on_complaint(team.desk, number, "accept")
    act_on_case(team.desk, case, "notify")
    with pytest.raises(MissingRequirement, match=r"CM-101.*CM-102|which right each exhibit"):
        _admission(team, case)
    choice = next(
        c for c in available_steps(team.desk, case).choices if c.action == "decide_at_once"
    )
    assert not choice.allowed and "CM-102" in str(choice.refusal)

    act_on_case(team.desk, case, "link_exhibit_rights", exhibit="CM-101", rights="ZL202330123456.7")
    with pytest.raises(MissingRequirement, match="CM-102"):
        _admission(team, case)
    act_on_case(
        team.desk, case, "link_exhibit_rights", exhibit="2", rights="ZL 202330123456.7, 45678901"
    )
    assert _linked(team, case) == {
        "CM-101": ["ZL202330123456.7"],
        "CM-102": ["ZL202330123456.7", "45678901"],
    }
    assert _admission(team, case) == "INFRINGEMENT_FOUND"


def test_linking_an_exhibit_keeps_the_old_and_new_rights_in_the_trail(
    team: Team, fair: str
) -> None:
    number, case = _two_rights(team, ExhibitInput("智能咖啡机", "CM-101", 2, rights=["45678901"]))
    act_on_complaint(team.desk, number, "accept")
    act_on_case(
        team.desk,
        case,
        "link_exhibit_rights",
        exhibit="智能咖啡机 (CM-101)",
        rights="ZL202330123456.7",
        reason="外观近似，商标未使用",
    )
    with team.desk.db.reading() as session:
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "case.link_exhibit_rights")
        ).one()
        assert event.before["rights"] == ["45678901"]
        assert event.after["rights"] == ["ZL202330123456.7"]
        assert event.after["model"] == "CM-101" and event.reason == "外观近似，商标未使用"
        assert event.username == "desk1"


def test_only_the_desk_links_and_only_to_the_complaints_rights(team: Team, fair: str) -> None:
    number, case = _two_rights(team)
    act_on_complaint(team.desk, number, "accept")
    with pytest.raises(PermissionDenied):
        act_on_case(team.inspector, case, "link_exhibit_rights", exhibit="1", rights="45678901")
    with pytest.raises(MissingRequirement, match="does not rely on"):
        act_on_case(team.desk, case, "link_exhibit_rights", exhibit="1", rights="ZL999")
    with pytest.raises(MissingRequirement, match="no single accused exhibit"):
        act_on_case(team.desk, case, "link_exhibit_rights", exhibit="7", rights="45678901")
    # Two exhibits share the name: the name alone does not say which.
    with pytest.raises(MissingRequirement, match="no single accused exhibit"):
        act_on_case(team.desk, case, "link_exhibit_rights", exhibit="智能咖啡机", rights="45678901")
    assert _linked(team, case) == {"CM-101": [], "CM-102": []}


def test_a_complaint_with_one_right_needs_no_link(team: Team, fair: str) -> None:
    reg = register_complaint(team.desk, FAIR, complaint_input())
    act_on_complaint(team.desk, reg.number, "accept")
    case = reg.case_numbers[0]
    act_on_case(team.desk, case, "notify")
    assert _admission(team, case) == "INFRINGEMENT_FOUND"


# -- 3. escalation waits for the re-check ------------------------------------------------------


def _rechecking(team: Team) -> str:
    """A case found infringing at 09:30 whose covering is re-inspected 2 h later (11:30)."""
    reg = register_complaint(team.desk, FAIR, complaint_input())
    act_on_complaint(team.desk, reg.number, "accept")
    case = reg.case_numbers[0]
    act_on_case(team.desk, case, "notify")
    _admission(team, case)
    act_on_case(team.desk, case, "order_remedy", measure="cover", undertaking_signed=True)
    act_on_case(team.inspector, case, "request_recheck")
    return case


def test_a_measure_is_not_found_undone_before_it_is_due(
    team: Team, fair: str, clock: FakeClock
) -> None:
    case = _rechecking(team)
    clock.advance(hours=1)
    with pytest.raises(IllegalTransition, match=r"due at 2026-11-05 11:30"):
        act_on_case(team.inspector, case, "recheck_failed", result="failed")
    clock.advance(hours=1, minutes=1)
    assert act_on_case(team.inspector, case, "recheck_failed", result="failed").state == (
        "RECHECK_FAILED"
    )
    assert act_on_case(team.desk, case, "escalate", escalation="leave_fair").state == "ESCALATED"


def test_an_exhibit_displayed_again_is_escalated_before_the_due_time(
    team: Team, fair: str, clock: FakeClock
) -> None:
    case = _rechecking(team)
    clock.advance(minutes=30)
    act_on_case(team.inspector, case, "recheck_failed", result="redisplayed")
    assert act_on_case(team.desk, case, "escalate", escalation="leave_fair").state == "ESCALATED"


def test_escalation_is_refused_before_the_recheck_is_due(team: Team, fair: str) -> None:
    """A failed re-check recorded before its due time (an older record) does not open the
    escalation before that time; the refusal names it, and time alone lifts it."""
    case = _rechecking(team)
    with team.desk.db.reading() as session:
        row = case_by_number(session, case)
        fair_row = session.get_one(Fair, row.fair_id)
        facts = replace(
            case_facts(session, team.desk, row, fair_row),
            state="RECHECK_FAILED",
            recheck_result="failed",
        )
    refusal = evaluate(facts, "escalate").refusal
    assert refusal is not None and "2026-11-05 11:30" in str(refusal)
    assert refusal.after is not None
    later = replace(facts, now=refusal.after)
    assert evaluate(later, "escalate").allowed
    assert evaluate(replace(facts, recheck_result="redisplayed"), "escalate").allowed
