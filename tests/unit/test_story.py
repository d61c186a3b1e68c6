"""The story walker: routes over the step table, fields filled from their declarations,
waiting for a period, recording before retrying, and no step named in the generators."""

from __future__ import annotations

import random
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from fairdesk.db.models import AuditEvent
from fairdesk.domain.enums import CaseState, ComplaintState, Role
from fairdesk.domain.errors import PermissionDenied
from fairdesk.domain.materials import checklist
from fairdesk.domain.workflow import (
    STEPS,
    Entity,
    FieldKind,
    Step,
    field_problems,
    step,
    steps_of,
)
from fairdesk.services.casework.steps import take_step
from fairdesk.services.demo.story import (
    Choice,
    Desk,
    Move,
    Story,
    Walker,
    clock_waits,
    distances,
    fill,
    route,
    toward,
    walk_now,
)
from fairdesk.services.intake.intake import register_complaint
from tests.conftest import Team
from tests.helpers import FAIR, complaint_input, make_fair

ROOT = Path(__file__).resolve().parents[2]
GENERATORS = (
    "fairdesk/services/demo/demo.py",
    "fairdesk/services/demo/story.py",
    "tests/benchmarks/generate.py",
)


def _open_choices(entity: Entity, state: str) -> list[Choice]:
    """Every step that leaves from `state`, all allowed."""
    return [Choice(s, True) for s in steps_of(entity) if state in s.sources]


def test_every_state_a_person_can_reach_has_a_route() -> None:
    for entity, start, states in (
        (Entity.CASE, CaseState.TO_NOTIFY, list(CaseState)),
        (Entity.COMPLAINT, ComplaintState.DRAFT, list(ComplaintState)),
    ):
        targets = {s.target for s in steps_of(entity)}
        for state in states:
            if state == start or state not in targets:
                continue
            path = route(entity, start, [state])
            assert path and path[-1].target == state, state
            assert len(path) == distances(entity, state)[start]


def test_route_passes_the_story_states_in_order() -> None:
    path = route(Entity.CASE, CaseState.TO_NOTIFY, [CaseState.DEFENCE_OVERDUE, CaseState.CLOSED])
    targets = [s.target for s in path]
    assert targets.index(CaseState.DEFENCE_OVERDUE) < targets.index(CaseState.CLOSED)
    assert targets[-1] == CaseState.CLOSED
    assert route(Entity.CASE, CaseState.CLOSED, [CaseState.NOTIFIED]) == []


def test_toward_names_only_steps_on_a_shortest_path() -> None:
    ways = toward(Entity.CASE, CaseState.NOTIFIED, CaseState.UNDER_REVIEW)
    dist = distances(Entity.CASE, CaseState.UNDER_REVIEW)
    assert ways
    for action in ways:
        assert dist[step(Entity.CASE, action).target] == dist[CaseState.NOTIFIED] - 1


@pytest.mark.parametrize("s", [s for s in STEPS if not s.internal], ids=lambda s: s.audit_code)
def test_filled_fields_pass_the_steps_own_checks(s: Step) -> None:
    """Whatever a step declares (a new one too), the filler meets it."""
    rng = random.Random(3)
    desk = Desk(now=datetime(2026, 11, 6, 10, 30))
    for _ in range(20):
        params = fill(s, rng, {}, desk)
        assert field_problems(s, params) == [], params
        for f in s.fields:
            if f.required and f.kind is not FieldKind.FLAG:
                assert params.get(f.name), f.name


def test_preferred_values_win_and_unknown_codes_do_not() -> None:
    decide = step(Entity.CASE, "decide_infringing")
    rng = random.Random(1)
    assert fill(decide, rng, {"trigger": "admission"})["trigger"] == "admission"
    drawn = fill(decide, rng, {"trigger": "no such code"})["trigger"]
    assert drawn in decide.field("trigger").codes()  # type: ignore[union-attr]


def test_walker_moves_towards_the_goal_and_stops_there() -> None:
    walker = Walker(Entity.CASE, Story("t", (CaseState.NOTIFIED,)), random.Random(1))
    move = walker.decide(CaseState.TO_NOTIFY, _open_choices(Entity.CASE, CaseState.TO_NOTIFY))
    assert isinstance(move, Move) and move.step.target == CaseState.NOTIFIED
    assert walker.decide(CaseState.NOTIFIED, _open_choices(Entity.CASE, CaseState.NOTIFIED)) is None


def test_walker_waits_when_time_alone_lifts_the_refusal() -> None:
    story = Story("t", (CaseState.DEFENCE_OVERDUE,))
    walker = Walker(Entity.CASE, story, random.Random(1))
    due = datetime(2026, 11, 6, 10, tzinfo=UTC)
    choices = [
        Choice(s, False, due if s.target == CaseState.DEFENCE_OVERDUE else None)
        for s in steps_of(Entity.CASE)
        if CaseState.NOTIFIED in s.sources
    ]
    assert walker.decide(CaseState.NOTIFIED, choices) == due


def test_walker_records_something_then_tries_again_and_gives_up_in_the_end() -> None:
    story = Story("t", (ComplaintState.ACCEPTED,))
    walker = Walker(Entity.COMPLAINT, story, random.Random(1))
    choices = [
        Choice(s, bool(not s.target))  # the way forward is refused, recording is open
        for s in steps_of(Entity.COMPLAINT)
        if ComplaintState.DRAFT in s.sources
    ]
    first = walker.decide(ComplaintState.DRAFT, choices)
    assert isinstance(first, Move) and not first.step.target
    second = walker.decide(ComplaintState.DRAFT, choices)
    assert isinstance(second, Move) and not second.step.target
    assert walker.decide(ComplaintState.DRAFT, choices) is None  # stuck: it says so


def test_floor_steps_are_the_inspectors() -> None:
    recheck = step(Entity.CASE, "recheck_passed")
    assert Move(recheck, {}, "").role is Role.INSPECTOR
    assert Move(step(Entity.CASE, "notify"), {}, "").role is Role.DESK


def test_waits_are_read_from_the_table() -> None:
    path = route(Entity.CASE, CaseState.TO_NOTIFY, [CaseState.DEFENCE_OVERDUE])
    assert clock_waits(path)[-1] == ["defence"]
    assert not any(clock_waits(route(Entity.CASE, CaseState.TO_NOTIFY, [CaseState.SETTLED])))


def test_the_generators_name_no_step() -> None:
    """The demo and the benchmark history know stories, not steps: no step's name appears
    in them as a value (phrase keys such as "reason:settle" are words, not logic)."""
    names = {s.action for s in STEPS}
    found = []
    for path in GENERATORS:
        source = (ROOT / path).read_text(encoding="utf-8")
        for name in names:
            if re.search(r"[\"']" + name + r"[\"']", source):
                found.append(f"{path}: {name}")
    assert not found


# -- through the services, on both databases ------------------------------------------------


def test_a_complaint_walks_through_a_supplement_round_to_acceptance(team: Team) -> None:
    """Accepting is refused while materials are missing: the walker asks for them, records
    what arrived (a step that only records) and then accepts, all through the services."""
    make_fair(team.admin)
    reg = register_complaint(team.desk, FAIR, complaint_input(materials_received=False))
    keys = [m.key for m in checklist(["design"], agent=False)]
    story = Story(
        "supplemented",
        (ComplaintState.PENDING_SUPPLEMENT, ComplaintState.ACCEPTED),
        {"materials": keys, "commitment_signed": True},
    )
    assert walk_now(team.desk, reg.number, story, random.Random(2)) == ComplaintState.ACCEPTED
    case = Story("found", (CaseState.INFRINGEMENT_FOUND,), {"trigger": "admission"})
    state = walk_now(team.desk, reg.case_numbers[0], case, random.Random(2))
    assert state == CaseState.INFRINGEMENT_FOUND
    with team.admin.db.reading() as session:
        actions = session.scalars(
            select(AuditEvent.action)
            .where(AuditEvent.complaint_id == reg.complaint_id)
            .order_by(AuditEvent.id)
        ).all()
    steps = [a for a in actions if a.startswith("complaint.") and a != "complaint.register"]
    assert steps == [
        "complaint.request_supplement",
        "complaint.record_received",
        "complaint.accept",
    ]


def test_a_walk_takes_no_step_the_user_is_refused(team: Team) -> None:
    """The walker only takes what the services offer its user: an organizer gets nowhere."""
    make_fair(team.admin)
    reg = register_complaint(team.desk, FAIR, complaint_input())
    story = Story("accepted", (ComplaintState.ACCEPTED,))
    assert walk_now(team.organizer, reg.number, story, random.Random(1)) == ComplaintState.DRAFT
    with team.admin.db.reading() as session:
        actions = session.scalars(
            select(AuditEvent.action).where(AuditEvent.complaint_id == reg.complaint_id)
        ).all()
    assert sorted(actions) == ["case.create", "complaint.register"]
    with pytest.raises(PermissionDenied):  # and the service refuses it as such
        take_step(team.organizer, reg.number, "accept")
    assert walk_now(team.desk, reg.number, story, random.Random(1)) == ComplaintState.ACCEPTED
