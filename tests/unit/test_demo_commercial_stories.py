"""The demo's commercial disputes take only stories their steps can tell: a state no
commercial step leads to leaves the case short of its plan (found by the demo's log)."""

from __future__ import annotations

from fairdesk.domain.enums import ComplaintKind
from fairdesk.domain.workflow import STEPS, Entity
from fairdesk.services.demo.demo import CASE_STORIES, COMMERCIAL_WEIGHTS


def test_every_commercial_story_ends_in_states_a_commercial_step_reaches() -> None:
    reached = {
        str(s.target)
        for s in STEPS
        if s.entity is Entity.CASE and ComplaintKind.COMMERCIAL in s.kinds
    }
    unreachable = {
        name: state
        for name, _weight in COMMERCIAL_WEIGHTS
        for state in CASE_STORIES[name].states
        if state not in reached
    }
    assert not unreachable, unreachable
