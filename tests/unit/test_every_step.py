"""Every step of a respondent case, through the services: refused for every role that may
not take it, refused without each required field, taken otherwise. Nothing here is
hand-written per step: the way to a step's source state, its values and its roles all come
from the domain's table."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from fairdesk.domain.enums import ComplaintKind, Role
from fairdesk.domain.errors import MissingRequirement, PermissionDenied
from fairdesk.domain.workflow import REASON_NAME, STEPS, Entity, Step
from fairdesk.services.casework.cases import CaseFilter, list_cases
from fairdesk.services.casework.steps import act_on_case
from fairdesk.services.intake.intake import register_complaint
from tests.conftest import FakeClock, Team
from tests.helpers import FAIR, complaint_input, make_fair
from tests.workflow_walk import fill, path, role_for, take_when_allowed

CASE_STEPS = [
    (kind, s)
    for s in STEPS
    if s.entity is Entity.CASE and not s.internal
    for kind in sorted(s.kinds)
]
# Their guards need exhibits in custody, or an undertaking still to be signed, first.
AFTER_A_DETENTION = {"return_detained", "record_undertaking"}
AFTER_A_FINDING = {"refer_credit"}  # its guard needs a finding of infringement


def _source(kind: str, s: Step) -> str:
    """The nearest state the step leaves from."""
    reachable = []
    for source in s.sources:
        try:
            reachable.append((len(path(Entity.CASE, "TO_NOTIFY", source, kind)), source))
        except KeyError:
            continue
    return min(reachable)[1]


def _case_in(team: Team, clock: FakeClock, kind: str, state: str) -> tuple[str, list[str]]:
    """A new case brought to `state`, and the states it passed through on the way."""
    data = complaint_input()
    if kind == ComplaintKind.COMMERCIAL:
        data.kind, data.rights, data.materials, data.dispute_type = kind, [], {}, "payment"
    reg = register_complaint(team.desk, FAIR, data)
    accept = path(Entity.COMPLAINT, "DRAFT", "ACCEPTED", kind)[-1]
    take_when_allowed(team, clock, reg.number, accept)
    number, states = reg.case_numbers[0], ["TO_NOTIFY"]
    for s in path(Entity.CASE, "TO_NOTIFY", state, kind):
        states.append(take_when_allowed(team, clock, number, s))
    return number, states


def _state(team: Team, number: str) -> str:
    return next(r.state for r in list_cases(team.desk, CaseFilter(FAIR)) if r.number == number)


def _call(team: Team, role: Role, number: str, s: Step, values: dict[str, Any]) -> Any:
    params = dict(values)
    reason = str(params.pop(REASON_NAME, "") or "")
    return act_on_case(team.by_role(role), number, s.action, reason=reason, **params)


@pytest.fixture
def fair(team: Team) -> str:
    return make_fair(team.admin)


@pytest.mark.parametrize(("kind", "s"), CASE_STEPS, ids=lambda x: getattr(x, "action", x))
def test_step_refused_for_other_roles_then_taken(
    team: Team, clock: FakeClock, fair: str, kind: str, s: Step
) -> None:
    after_finding = s.action in AFTER_A_DETENTION | AFTER_A_FINDING
    source = "INFRINGEMENT_FOUND" if after_finding else _source(kind, s)
    number, states = _case_in(team, clock, kind, source)
    if s.action in AFTER_A_DETENTION:
        order = next(x for x in STEPS if x.action == "order_remedy")
        unsigned = {"measure": "detain", "undertaking_signed": False}
        _call(team, Role.DESK, number, order, fill(order) | unsigned)
        source = _state(team, number)
        clock.set(datetime(2026, 11, 10, 9, 0, tzinfo=UTC))  # goods go back once the fair closed
    for role in Role:
        if role not in s.roles:
            with pytest.raises(PermissionDenied):
                _call(team, role, number, s, fill(s))
    assert _state(team, number) == source
    for f in (f for f in s.requires if not f.default):  # a default fills the gap
        values = fill(s)
        values.pop(f.name)
        with pytest.raises(MissingRequirement, match=f.label):
            _call(team, role_for(s), number, s, values)
    assert _state(team, number) == source
    result = take_when_allowed(team, clock, number, s)
    # A step that returns goes back to the state before the last one; one that only
    # records stays where it was.
    expected = states[-2] if s.returns else (s.target or source)
    assert result == expected == _state(team, number)
