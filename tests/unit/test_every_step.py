"""Every step of the transition table, through the services: refused for every role
that may not take it, refused without each required parameter, taken otherwise."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from fairdesk.domain.enums import Role
from fairdesk.domain.errors import MissingRequirement, PermissionDenied
from fairdesk.domain.workflow import TRANSITIONS, Entity, Transition
from fairdesk.services.cases import CaseFilter, list_cases
from fairdesk.services.intake import register_complaint
from fairdesk.services.steps import act_on_case, act_on_complaint
from tests.conftest import FakeClock, Team
from tests.helpers import FAIR, complaint_input, make_fair

# How to bring a fresh TO_NOTIFY case into each state: (action, params, role).
DESK, INSPECTOR = Role.DESK, Role.INSPECTOR
NOTIFIED = [("notify", {}, DESK)]
REVIEW = [*NOTIFIED, ("record_defence", {"summary": "答辩"}, DESK), ("begin_review", {}, DESK)]
FOUND = [*REVIEW, ("decide_infringing", {"trigger": "merits", "legal_basis": "Art 14"}, DESK)]
ORDERED = [*FOUND, ("order_remedy", {"measure": "cover"}, DESK)]
RECHECK = [*ORDERED, ("request_recheck", {}, INSPECTOR)]
FAILED = [*RECHECK, ("recheck_failed", {"result": "failed"}, INSPECTOR)]
PATHS: dict[str, list[tuple[str, dict[str, Any], Role]]] = {
    "TO_NOTIFY": [],
    "NOTIFIED": NOTIFIED,
    "MEDIATING": [*NOTIFIED, ("start_mediation", {}, DESK)],
    "DEFENCE_RECEIVED": [*NOTIFIED, ("record_defence", {"summary": "答辩"}, DESK)],
    "DEFENCE_OVERDUE": [*NOTIFIED, ("mark_defence_overdue", {}, DESK)],
    "UNDER_REVIEW": REVIEW,
    "UNDETERMINED": [*REVIEW, ("decide_undetermined", {}, DESK)],
    "NOT_INFRINGING": [*REVIEW, ("decide_not_infringing", {}, DESK)],
    "INFRINGEMENT_FOUND": FOUND,
    "REMEDY_ORDERED": ORDERED,
    "RECHECK_DUE": RECHECK,
    "RECHECK_PASSED": [*RECHECK, ("recheck_passed", {}, INSPECTOR)],
    "RECHECK_FAILED": FAILED,
    "ESCALATED": [*FAILED, ("escalate", {"escalation": "propose_ban"}, DESK)],
}
VALID = {
    "reason": "理由",
    "trigger": "merits",
    "legal_basis": "Art 14",
    "reason_code": "no_standing",
    "missing_items": "专利证书",
    "authority": "上海市知识产权局",
    "measure": "cover",
    "summary": "答辩",
    "terms": "撤下展品",
    "result": "failed",
    "escalation": "propose_ban",
}
CASE_STEPS = [t for t in TRANSITIONS if t.entity is Entity.CASE and not t.internal]
AFTER_CLOSE = datetime(2026, 11, 10, 9, 30, tzinfo=UTC)


def _case_in(team: Team, clock: FakeClock, state: str) -> str:
    reg = register_complaint(team.desk, FAIR, complaint_input())
    act_on_complaint(team.desk, reg.number, "accept")
    number = reg.case_numbers[0]
    for action, params, role in PATHS[state]:
        if action == "mark_defence_overdue":
            clock.advance(hours=25)
        reason = "理由" if action.startswith("decide_") else ""
        act_on_case(team.by_role(role), number, action, reason=reason, **params)
    return number


def _params(t: Transition) -> dict[str, Any]:
    return {r.name: VALID[r.name] for r in t.requires if r.name != "reason"}


def _reason(t: Transition) -> str:
    return "理由" if any(r.name == "reason" for r in t.requires) else ""


def _state(team: Team, number: str) -> str:
    return next(r.state for r in list_cases(team.desk, CaseFilter(FAIR)) if r.number == number)


@pytest.fixture
def fair(team: Team) -> str:
    return make_fair(team.admin)


@pytest.mark.parametrize("t", CASE_STEPS, ids=lambda t: t.action)
def test_step_refused_for_other_roles_then_taken(
    team: Team, clock: FakeClock, fair: str, t: Transition
) -> None:
    source = sorted(s for s in t.sources if s in PATHS)[0]
    number = _case_in(team, clock, source)
    if t.action == "move_post_fair":
        clock.set(AFTER_CLOSE)
    if t.action == "mark_defence_overdue":
        clock.advance(hours=25)
    for role in Role:
        if role not in t.roles:
            with pytest.raises(PermissionDenied):
                act_on_case(team.by_role(role), number, t.action, reason=_reason(t), **_params(t))
    assert _state(team, number) == source
    for req in t.requires:
        params = _params(t)
        params.pop(req.name, None)
        reason = "" if req.name == "reason" else _reason(t)
        with pytest.raises(MissingRequirement, match=req.label):
            act_on_case(
                team.by_role(next(iter(t.roles))), number, t.action, reason=reason, **params
            )
    assert _state(team, number) == source
    role = DESK if DESK in t.roles else next(iter(t.roles))
    result = act_on_case(team.by_role(role), number, t.action, reason=_reason(t), **_params(t))
    assert result.state == t.target == _state(team, number)
