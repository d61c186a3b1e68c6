"""Random complaints through random steps, on the real services and database (SQLite or
PostgreSQL, as the suite runs): the screen's answer and the service's never disagree.

For every step tried, as a random role at a random moment:
- a step `available_steps` reports refused fails in the service with exactly that reason;
- a step reported allowed succeeds when its values pass the domain's field checks, and
  fails with the domain's reason when they do not;
- after a success the record is in the step's target state.
Across the run, every state of a complaint and of a respondent case is reached.
"""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule, run_state_machine_as_test

from fairdesk.db.models import Complaint, Fair, RespondentCase
from fairdesk.domain.enums import CaseState, ComplaintKind, ComplaintState, Role
from fairdesk.domain.errors import FairDeskError
from fairdesk.domain.workflow import (
    REASON_NAME,
    STEPS,
    Entity,
    Field,
    FieldKind,
    Step,
    refusal_with,
    target_of,
    with_defaults,
)
from fairdesk.services.casework import steps
from fairdesk.services.casework.cases import case_by_number, complaint_by_number
from fairdesk.services.intake.intake import register_complaint
from tests.conftest import FakeClock, Team
from tests.helpers import complaint_input, make_fair
from tests.workflow_walk import path, take_when_allowed

OPENING = datetime(2026, 11, 5, 1, 30, tzinfo=UTC)  # 09:30 in Shanghai, the first day
TEXTS = ("理由", "展品外观与专利相同", "Covered the exhibit with a cloth", "上海市知识产权局")


def _value(data: st.DataObject, f: Field) -> Any:
    """A value for a field: mostly well formed, sometimes empty or wrong."""
    if f.kind is FieldKind.FLAG:
        return data.draw(st.booleans())
    if f.kind is FieldKind.CHOICES:
        return data.draw(st.lists(st.sampled_from(f.codes()), max_size=3, unique=True))
    if f.kind is FieldKind.CHOICE:
        return data.draw(st.sampled_from([*f.codes() * 3, ""]))
    if f.kind is FieldKind.DATE:
        return data.draw(st.sampled_from(["2026-11-01", "2025-06-30", "yesterday", ""]))
    if f.kind is FieldKind.DATETIME:
        return data.draw(st.sampled_from(["", "", "2026-11-05 09:00", "2026-11-04 23:00", "soon"]))
    return data.draw(st.sampled_from([*TEXTS, ""] if not f.required else [*TEXTS * 3, ""]))


GOALS = [(Entity.CASE, s.value) for s in CaseState] + [
    (Entity.COMPLAINT, s.value) for s in ComplaintState
]
_INF = 99


def _distance(step: Step, goal: tuple[Entity, str]) -> int:
    """Steps from where `step` leads to the goal state, by the table (_INF: unreachable)."""
    entity, state = goal
    if step.entity is not entity:
        # A complaint step helps a case goal only by accepting the complaint.
        return 50 if step.action == "accept" else _INF
    here = step.target
    if not here:
        return 60  # a step that records and stays leads nowhere new
    frontier, seen, hops = {here}, {here}, 0
    while frontier:
        if state in frontier:
            return hops
        nxt = {t.target for t in STEPS for f in frontier if t.entity is entity and f in t.sources}
        frontier = {x for x in nxt if x and x not in seen}
        seen |= frontier
        hops += 1
    return _INF


class WorkflowMachine(RuleBasedStateMachine):
    team: Team
    clock: FakeClock
    fairs = itertools.count(1)
    reached: set[tuple[Entity, str]]

    @initialize(
        respondents=st.integers(min_value=1, max_value=2),
        agent=st.booleans(),
        goal=st.sampled_from(GOALS),
    )
    def register(self, respondents: int, agent: bool, goal: tuple[Entity, str]) -> None:
        self.goal = goal
        self.clock.set(OPENING)
        code = f"PROP{next(self.fairs):04d}"
        make_fair(self.team.admin, code=code, exhibitors=2)
        booths = ("4.1A01", "4.1A02")[:respondents]
        reg = register_complaint(self.team.desk, code, complaint_input(*booths, agent=agent))
        self.numbers = [reg.number, *reg.case_numbers]
        # What this example has seen steers its choices (the run's total is checked at the
        # end); a choice must not depend on other examples, or replays would differ.
        self.seen = {(Entity.COMPLAINT, ComplaintState.DRAFT.value)}
        self.seen.update((Entity.CASE, CaseState.TO_NOTIFY.value) for _ in reg.case_numbers)
        self.reached.update(self.seen)

    @rule(hours=st.sampled_from([1, 1, 1, 2, 2, 3, 25, 200]))
    def wait(self, hours: int) -> None:
        self.clock.advance(hours=hours)

    def _facts(self, role: Role, number: str) -> Any:
        ctx = self.team.by_role(role)
        with ctx.db.reading() as session:
            if number.count("-") == 2:
                case = case_by_number(session, number)
                return steps.case_facts(session, ctx, case, session.get_one(Fair, case.fair_id))
            complaint = complaint_by_number(session, number)
            fair = session.get_one(Fair, complaint.fair_id)
            return steps.complaint_facts(session, ctx, complaint, fair)

    def _state(self, number: str) -> str:
        with self.team.desk.db.reading() as session:
            model = RespondentCase if number.count("-") == 2 else Complaint
            return session.query(model).filter_by(number=number).one().state

    @rule(data=st.data())
    def take_a_step(self, data: st.DataObject) -> None:
        answers = {
            (number, role): steps.available_steps(self.team.by_role(role), number)
            for number in self.numbers
            for role in Role
        }
        allowed = [(k, c) for k, a in answers.items() for c in a.choices if c.allowed]
        # Prefer steps that lead somewhere not yet seen, so that the run covers the table.
        # (a step that records and stays leads nowhere new).
        fresh = [
            (k, c)
            for k, c in allowed
            if c.step.target and (c.entity, c.step.target) not in self.seen
        ]
        # ... and above all toward this example's goal.
        nearer = [(k, c) for k, c in allowed if _distance(c.step, self.goal) < _INF]
        best = min((_distance(c.step, self.goal) for _, c in nearer), default=_INF)
        toward = [(k, c) for k, c in nearer if _distance(c.step, self.goal) == best]
        pool = toward or fresh or allowed
        if pool and data.draw(st.integers(0, 9)) < 8:
            (number, role), choice = data.draw(st.sampled_from(pool))
        else:
            number, role = data.draw(st.sampled_from(list(answers)))
            choice = data.draw(st.sampled_from(answers[(number, role)].choices))
        step: Step = choice.step
        params = {f.name: _value(data, f) for f in step.fields if f.name != REASON_NAME}
        reason = data.draw(st.sampled_from(["", "理由"]))
        given = with_defaults(step, params) | {"reason": reason}
        facts = self._facts(role, number)
        expected = refusal_with(facts, step.action, given)
        if choice.allowed:
            assert expected is None or expected.error is not None  # the field checks decide
        before = self._state(number)
        act = steps.act_on_case if choice.entity is Entity.CASE else steps.act_on_complaint
        try:
            result = act(self.team.by_role(role), number, step.action, reason=reason, **params)
        except FairDeskError as exc:
            if not choice.allowed:
                assert str(exc) == str(choice.refusal), (step.action, role)
            else:
                assert expected is not None, f"{step.action} was offered and then refused: {exc}"
                assert str(exc) == str(expected)
            assert self._state(number) == before
            return
        assert choice.allowed, f"{step.action} was refused on screen but taken by the service"
        assert expected is None
        # A step that returns (a mediation ending) goes back where the case came from.
        assert result.state == target_of(step, facts)
        self.seen.add((choice.entity, result.state))
        if step.action == "reject":  # its cases are closed with it
            self.seen.add((Entity.CASE, CaseState.CLOSED.value))
        self.reached.update(self.seen)


@pytest.mark.filterwarnings("ignore::hypothesis.errors.NonInteractiveExampleWarning")
def test_screen_and_service_agree_on_random_steps(team: Team, clock: FakeClock) -> None:
    WorkflowMachine.team, WorkflowMachine.clock = team, clock
    WorkflowMachine.reached = set()
    run_state_machine_as_test(
        WorkflowMachine,
        settings=settings(
            max_examples=15,
            stateful_step_count=40,
            deadline=None,
            derandomize=True,
            database=None,
            # Shrinking a run of database steps takes minutes; the failing steps are printed.
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        ),
    )
    # Not a vacuous run: the random walk went deep into the workflow.
    assert len(WorkflowMachine.reached) >= 8, WorkflowMachine.reached


def _goals() -> list[tuple[str, Entity, str]]:
    """Every state each kind of complaint can reach by its own steps, from the table."""
    goals = []
    for kind in ComplaintKind:
        for entity, start in ((Entity.COMPLAINT, "DRAFT"), (Entity.CASE, "TO_NOTIFY")):
            states = CaseState if entity is Entity.CASE else ComplaintState
            for state in states:
                try:
                    path(entity, start, state.value, kind)
                except KeyError:
                    continue
                goals.append((kind.value, entity, state.value))
    return goals


def test_every_state_of_an_ip_complaint_is_reachable_and_disputes_keep_to_their_path() -> None:
    ip = {(e, s) for k, e, s in _goals() if k == ComplaintKind.IP}
    assert ip == {(Entity.CASE, s.value) for s in CaseState} | {
        (Entity.COMPLAINT, s.value) for s in ComplaintState
    }
    dispute = {s for k, e, s in _goals() if k == ComplaintKind.COMMERCIAL and e is Entity.CASE}
    # Shanghai Regulations Art 40: mediated, referred or closed; never "infringement found".
    assert dispute == {
        "TO_NOTIFY",
        "MEDIATING",
        "SETTLED",
        "REFERRED",
        "CLOSED",
        "WITHDRAWN",
        "POST_FAIR",
    }


@pytest.mark.parametrize("goal", _goals(), ids=lambda g: "-".join(x for x in g))
def test_every_state_is_reached_through_the_offered_steps(
    team: Team, clock: FakeClock, goal: tuple[str, Entity, str]
) -> None:
    clock.set(OPENING)
    code = make_fair(team.admin, code="REACH", exhibitors=1)
    kind, entity, state = goal
    data = complaint_input()
    if kind == ComplaintKind.COMMERCIAL:
        data.kind, data.rights, data.materials, data.dispute_type = kind, [], {}, "payment"
    reg = register_complaint(team.desk, code, data)
    if entity is Entity.CASE:
        accept = path(Entity.COMPLAINT, "DRAFT", "ACCEPTED", kind)[-1]
        take_when_allowed(team, clock, reg.number, accept)
        number, start = reg.case_numbers[0], CaseState.TO_NOTIFY.value
    else:
        number, start = reg.number, ComplaintState.DRAFT.value
    reached = start
    for s in path(entity, start, state, kind):
        reached = take_when_allowed(team, clock, number, s)
    assert reached == state
