"""The transition table itself: every state reachable, every step well formed."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from fairdesk.domain.enums import CaseState, ComplaintState, Role
from fairdesk.domain.errors import IllegalTransition, MissingRequirement, PermissionDenied
from fairdesk.domain.workflow import TRANSITIONS, Entity, Facts, Step, options
from fairdesk.domain.workflow import check as check_step

NOW = datetime(2026, 11, 6, 10, 0, tzinfo=UTC)


def _facts(entity: Entity, state: str, role: Role) -> Facts:
    """A record with every guard satisfied: accepted complaint, notice served, defence
    period over, fair closed; what is left is the table's role and state."""
    from fairdesk.domain.clocks import ClockState, ClockStatus
    from fairdesk.domain.enums import ClockKind

    over = ClockState(ClockKind.DEFENCE, ClockStatus.OVERDUE, NOW, NOW, None, "", False, None)
    return Facts(
        entity,
        "X-0001-1",
        state,
        role,
        NOW,
        complaint_number="X-0001",
        complaint_state="ACCEPTED",
        fair_closes_at=NOW,
        defence=over,
        defence_marked_overdue=True,
        served_at=NOW,
    )


def allowed_actions(entity: Entity, state: str, role: Role) -> list[object]:
    return [o.step for o in options(_facts(entity, state, role)) if o.allowed]


def check(entity: Entity, action: str, state: str, role: Role, params: dict[str, str]) -> Step:
    return check_step(_facts(entity, state, role), action, params)


def _reachable(entity: Entity, start: str) -> set[str]:
    seen, todo = {start}, [start]
    while todo:
        state = todo.pop()
        for t in TRANSITIONS:
            if t.entity is entity and state in t.sources and t.target and t.target not in seen:
                seen.add(t.target)
                todo.append(t.target)
    return seen


def test_every_case_state_is_reachable_from_to_notify() -> None:
    assert _reachable(Entity.CASE, CaseState.TO_NOTIFY) == {s.value for s in CaseState}


def test_every_complaint_state_is_reachable_from_draft() -> None:
    assert _reachable(Entity.COMPLAINT, ComplaintState.DRAFT) == {s.value for s in ComplaintState}


def test_actions_are_unique_per_entity() -> None:
    keys = [(t.entity, t.action) for t in TRANSITIONS]
    assert len(keys) == len(set(keys))


def test_organizers_only_record_what_authorities_report() -> None:
    """2006 Art 15: the organizer keeps the authorities' results; it takes no other step."""
    taken = {t.action for t in TRANSITIONS if Role.ORGANIZER in t.roles}
    assert taken == {"record_authority_result"}


@pytest.mark.parametrize(
    ("state", "role", "expected"),
    [
        (
            "NOTIFIED",
            Role.DESK,
            {
                "suspend_display",
                "self_remedy",
                "start_mediation",
                "withdraw",
                "record_defence",
                "mark_defence_overdue",
                "decide_at_once",
                "link_exhibit_rights",
                "move_post_fair",
            },
        ),
        ("RECHECK_DUE", Role.INSPECTOR, {"recheck_passed", "recheck_failed"}),
        ("UNDER_REVIEW", Role.INSPECTOR, set()),
        ("CLOSED", Role.DESK, set()),
        (
            "TO_NOTIFY",
            Role.DESK,
            {"suspend_display", "notify", "withdraw", "link_exhibit_rights", "move_post_fair"},
        ),
    ],
)
def test_allowed_actions(state: str, role: Role, expected: set[str]) -> None:
    assert {t.action for t in allowed_actions(Entity.CASE, state, role)} == expected


@pytest.mark.parametrize(
    ("action", "state", "role", "params", "error", "message"),
    [
        (
            "decide_infringing",
            "UNDER_REVIEW",
            Role.DESK,
            {"legal_basis": "Art 14"},
            MissingRequirement,
            "'Decide: infringement found' needs the trigger of the finding.",
        ),
        (
            "decide_infringing",
            "UNDER_REVIEW",
            Role.DESK,
            {"trigger": "merits"},
            MissingRequirement,
            "'Decide: infringement found' needs the legal basis.",
        ),
        (
            "decide_infringing",
            "UNDER_REVIEW",
            Role.DESK,
            {"trigger": "gut feeling", "legal_basis": "x"},
            MissingRequirement,
            "'gut feeling' is not accepted as the trigger of the finding",
        ),
        (
            "decide_infringing",
            "NOTIFIED",
            Role.DESK,
            {"trigger": "merits", "legal_basis": "x"},
            IllegalTransition,
            "'Decide: infringement found' is taken only when the respondent case is Under "
            "review; this one is Notified, defence period running.",
        ),
        (
            "notify",
            "TO_NOTIFY",
            Role.ORGANIZER,
            {},
            PermissionDenied,
            "'Notify the respondent' is for desk staff; you are signed in as organizer.",
        ),
        (
            "recheck_failed",
            "RECHECK_DUE",
            Role.INSPECTOR,
            {"result": "passed"},
            MissingRequirement,
            "'passed' is not accepted as the re-inspection result",
        ),
        (
            "withdraw",
            "NOTIFIED",
            Role.DESK,
            {"reason": "   "},
            MissingRequirement,
            "'Withdrawn by the complainant' needs a reason.",
        ),
        (
            "fly",
            "NOTIFIED",
            Role.DESK,
            {},
            IllegalTransition,
            "There is no step called 'fly' for a case.",
        ),
    ],
)
def test_refusals_read_as_sentences(
    action: str,
    state: str,
    role: Role,
    params: dict[str, str],
    error: type[Exception],
    message: str,
) -> None:
    with pytest.raises(error) as caught:
        check(Entity.CASE, action, state, role, params)
    assert message in str(caught.value)


def test_reject_needs_a_reason_code() -> None:
    with pytest.raises(MissingRequirement, match="needs a reason code"):
        check(Entity.COMPLAINT, "reject", "DRAFT", Role.DESK, {})
    t = check(Entity.COMPLAINT, "reject", "DRAFT", Role.DESK, {"reason_code": "no_standing"})
    assert t.target == "REJECTED"


def test_internal_steps_are_not_offered() -> None:
    assert "close_unaccepted" not in {
        t.action for t in allowed_actions(Entity.CASE, "TO_NOTIFY", Role.DESK)
    }
