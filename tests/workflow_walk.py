"""Walking the declared workflow through the real services, for tests: the shortest chain of
steps to a state by the domain's table, values for a step's fields from their declarations,
and taking a step as soon as the screen would offer it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fairdesk.domain.enums import ComplaintKind, Role
from fairdesk.domain.workflow import STEPS, Entity, FieldKind, Step
from fairdesk.services.casework import steps
from tests.conftest import FakeClock, Team

TEXT = "理由"
# Fields that name a record of the case: the first exhibit, the right of
# `tests.helpers.complaint_input` (which is accepted, not refused).
NAMED = {"exhibit": "1", "rights": "ZL202330123456.7", "refused_rights": ""}


def fill(step: Step, now: datetime | None = None) -> dict[str, Any]:
    """Well-formed values for a step's fields, from their declarations alone; a time that
    must be given is `now` (an optional one is left out: not served yet)."""
    values: dict[str, Any] = {}
    for f in step.fields:
        if f.kind is FieldKind.CHOICE:
            values[f.name] = f.codes()[-1]
        elif f.kind is FieldKind.CHOICES:
            values[f.name] = list(f.codes())
        elif f.kind is FieldKind.FLAG:
            values[f.name] = True
        elif f.kind is FieldKind.DATE:
            values[f.name] = "2026-11-01"
        elif f.kind is FieldKind.DATETIME:
            values[f.name] = now if f.required and now is not None else ""
        elif f.name in NAMED:
            values[f.name] = NAMED[f.name]
        elif f.example or f.default:
            values[f.name] = f.example or f.default
        else:
            values[f.name] = TEXT
    return values


def path(entity: Entity, start: str, goal: str, kind: str = ComplaintKind.IP) -> list[Step]:
    """The shortest chain of offered steps from `start` to `goal`, by the table alone."""
    routes: dict[str, list[Step]] = {start: []}
    frontier = [start]
    while frontier and goal not in routes:
        nxt = []
        for here in frontier:
            for s in STEPS:
                # A step that returns goes back where the record came from: nowhere new.
                offered = s.entity is entity and not s.internal and not s.returns
                offered = offered and kind in s.kinds
                if offered and here in s.sources and s.target and s.target not in routes:
                    routes[s.target] = [*routes[here], s]
                    nxt.append(s.target)
        frontier = nxt
    return routes[goal]


def role_for(s: Step) -> Role:
    return Role.DESK if Role.DESK in s.roles else sorted(s.roles)[0]


def take_when_allowed(team: Team, clock: FakeClock, number: str, s: Step) -> str:
    """Take `s` as soon as the screen offers it to a role that may take it; the only thing
    that may stand in the way of a step on the table's path is time (a deadline, the close).
    Returns the record's new state."""
    ctx = team.by_role(role_for(s))
    act = steps.act_on_case if s.entity is Entity.CASE else steps.act_on_complaint
    choice = None
    for _hour in range(24 * 10):
        offered = steps.available_steps(ctx, number).choices
        choice = next(c for c in offered if c.step == s)
        if choice.allowed:
            return act(ctx, number, s.action, **fill(s, clock())).state
        assert choice.in_reach, choice.refusal
        # A period that has not started waits for the time it counts from (the time of
        # service): the step that records it comes first.
        starting = [c for c in offered if c.allowed and c.step.clocks_from and not c.step.target]
        if choice.ready_at is None and starting:
            act(ctx, number, starting[0].step.action, **fill(starting[0].step, clock()))
            continue
        clock.advance(hours=1)
    raise AssertionError(f"{s.action} never became possible: {choice and choice.refusal}")
