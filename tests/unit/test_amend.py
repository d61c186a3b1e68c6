"""Correcting a recorded decision or patrol finding: only with a reason, always traced."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from fairdesk.db.models import AuditEvent
from fairdesk.domain.errors import (
    ConcurrentEdit,
    IllegalTransition,
    InvalidInput,
    MissingRequirement,
    PermissionDenied,
)
from fairdesk.services.casework.amend import amend_decision, amend_finding
from fairdesk.services.casework.case_detail import case_detail
from fairdesk.services.casework.steps import act_on_case, act_on_complaint
from fairdesk.services.checks.audit_verify import verify_chain
from fairdesk.services.inspection.patrols import VisitInput, record_visit, start_round
from fairdesk.services.intake.intake import register_complaint
from tests.conftest import Team
from tests.helpers import FAIR, complaint_input, make_fair


@pytest.fixture
def decided(team: Team) -> str:
    make_fair(team.admin)
    reg = register_complaint(team.desk, FAIR, complaint_input())
    act_on_complaint(team.desk, reg.number, "accept")
    number = reg.case_numbers[0]
    for action, params in [
        ("notify", {}),
        ("record_defence", {"summary": "答辩"}),
        ("begin_review", {}),
        ("decide_infringing", {"trigger": "merits", "legal_basis": "Art 14"}),
    ]:
        act_on_case(team.desk, number, action, **params)
    return number


def _last_event(team: Team, action: str) -> AuditEvent:
    with team.admin.db.reading() as session:
        return session.scalars(
            select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id.desc())
        ).first()


def test_decision_corrected_with_reason_keeps_before_and_after(team: Team, decided: str) -> None:
    result = amend_decision(
        team.desk2, decided, "引用条款有误", legal_basis="展会知识产权保护办法 第十四条"
    )
    assert result.changed == ("legal_basis",)
    assert case_detail(team.desk, decided).legal_basis == "展会知识产权保护办法 第十四条"
    event = _last_event(team, "case.amend_decision")
    changed = {k: v for k, v in (event.after or {}).items() if k != "paper"}  # + what prints
    assert (event.before, changed, event.reason, event.username) == (
        {"legal_basis": "Art 14"},
        {"legal_basis": "展会知识产权保护办法 第十四条"},
        "引用条款有误",
        "desk2",
    )
    assert verify_chain(team.admin).ok


def test_decision_correction_needs_a_reason(team: Team, decided: str) -> None:
    with pytest.raises(MissingRequirement, match="needs a reason"):
        amend_decision(team.desk, decided, "  ", legal_basis="x")


@pytest.mark.parametrize("who", ["inspector", "organizer", "admin"])
def test_only_deciders_correct_a_decision(team: Team, decided: str, who: str) -> None:
    with pytest.raises(PermissionDenied):
        amend_decision(getattr(team, who), decided, "why", legal_basis="x")


def test_no_decision_yet_or_unknown_field(team: Team) -> None:
    make_fair(team.admin)
    reg = register_complaint(team.desk, FAIR, complaint_input())
    with pytest.raises(IllegalTransition, match="no decision to correct"):
        amend_decision(team.desk, reg.case_numbers[0], "why", legal_basis="x")
    with pytest.raises(InvalidInput, match="no field state"):
        amend_decision(team.desk, reg.case_numbers[0], "why", state="CLOSED")


def test_stale_correction_is_refused(team: Team, decided: str) -> None:
    version = case_detail(team.desk, decided).version
    amend_decision(team.desk2, decided, "first", decision_note="a")
    with pytest.raises(ConcurrentEdit, match="changed by desk2"):
        amend_decision(team.desk, decided, "second", decision_note="b", expected_version=version)


def test_finding_corrected_with_reason(team: Team) -> None:
    make_fair(team.admin)
    round_ = start_round(team.inspector, FAIR, "4.1")
    visit = record_visit(
        team.inspector,
        VisitInput(round_uid=round_.uid, target="4.1A01", finding="nothing", notes="ok"),
    )
    with pytest.raises(MissingRequirement):
        amend_finding(team.inspector, visit.uid, "", finding="patent_marking")
    with pytest.raises(PermissionDenied):
        amend_finding(team.organizer, visit.uid, "why", finding="patent_marking")
    result = amend_finding(team.inspector, visit.uid, "看错展位标识", finding="patent_marking")
    assert result.changed == ("finding",)
    event = _last_event(team, "visit.amend")
    assert (event.before, event.after) == ({"finding": "nothing"}, {"finding": "patent_marking"})
