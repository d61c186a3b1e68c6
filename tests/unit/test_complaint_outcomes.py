"""How the statistics group complaints (pending, accepted, not accepted) is read from the
step table, so a new complaint step or state cannot leave the counts behind."""

from __future__ import annotations

from fairdesk.domain.enums import ComplaintState
from fairdesk.domain.outcomes import (
    ACCEPTED_COMPLAINTS,
    PENDING_COMPLAINTS,
    REJECTED_COMPLAINTS,
)
from fairdesk.domain.workflow import Entity, step


def test_a_transferred_complaint_counts_as_accepted() -> None:
    assert ComplaintState.TRANSFERRED in ACCEPTED_COMPLAINTS
    assert ACCEPTED_COMPLAINTS[0] == step(Entity.COMPLAINT, "accept").target


def test_pending_complaints_are_those_the_desk_still_decides() -> None:
    assert set(PENDING_COMPLAINTS) == {ComplaintState.DRAFT, ComplaintState.PENDING_SUPPLEMENT}
    for action in ("accept", "reject", "request_supplement"):
        assert set(PENDING_COMPLAINTS) <= step(Entity.COMPLAINT, action).sources


def test_each_complaint_is_counted_once_and_only_a_withdrawn_one_not_at_all() -> None:
    groups = [set(PENDING_COMPLAINTS), set(ACCEPTED_COMPLAINTS), set(REJECTED_COMPLAINTS)]
    counted = set().union(*groups)
    assert sum(len(g) for g in groups) == len(counted)  # no state in two groups
    assert set(ComplaintState) - counted == {ComplaintState.WITHDRAWN}
