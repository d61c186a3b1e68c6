"""Correcting what was already recorded: a decision's wording, a patrol finding.

A recorded finding or decision is evidence: it may be corrected, never silently. Each
correction needs a reason and leaves the old and the new values in the audit trail.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from fairdesk.db.models import BoothVisit, RespondentCase
from fairdesk.domain.corrections import may_correct_decision
from fairdesk.domain.enums import DecisionTrigger, Finding
from fairdesk.domain.errors import (
    IllegalTransition,
    InvalidInput,
    MissingRequirement,
    NotFound,
    Phrase,
)
from fairdesk.domain.permissions import Permission
from fairdesk.services.casework.cases import case_by_number
from fairdesk.services.casework.steps import check_version, flush_or_conflict
from fairdesk.services.context import Context
from fairdesk.services.trust import audit, paper_state

DECISION_FIELDS = ("legal_basis", "decision_note", "decision_trigger")
FINDING_FIELDS = ("finding", "notes")


@dataclass(frozen=True)
class Amended:
    ref: str
    changed: tuple[str, ...]
    version: int


def _apply(row: Any, changes: dict[str, str]) -> tuple[dict[str, Any], dict[str, Any]]:
    before = {k: getattr(row, k) for k, v in changes.items() if getattr(row, k) != v}
    for key in before:
        setattr(row, key, changes[key])
    return before, {k: changes[k] for k in before}


def amend_decision(
    ctx: Context,
    case_number: str,
    reason: str,
    *,
    expected_version: int | None = None,
    **changes: str,
) -> Amended:
    """Correct a decided case's legal basis, note or trigger (the decider's roles only)."""
    if not may_correct_decision(ctx.actor.role):
        ctx.require(Permission.REGISTER_COMPLAINT)  # raises with the usual sentence
    unknown = set(changes) - set(DECISION_FIELDS)
    if unknown:
        raise InvalidInput("A decision has no field {fields}.", fields=tuple(sorted(unknown)))
    trigger = changes.get("decision_trigger")
    if trigger is not None and trigger not in {t.value for t in DecisionTrigger}:
        raise InvalidInput("'{trigger}' is not a trigger of a finding.", trigger=trigger)
    if not reason.strip():
        raise MissingRequirement("Correcting a recorded decision needs a reason.")
    why = reason.strip()
    with ctx.db.writing() as session:
        case: RespondentCase = case_by_number(session, case_number)
        check_version(session, case, Phrase("Case {number}", number=case.number), expected_version)
        if case.decided_at is None:
            raise IllegalTransition(
                "Case {number} has no decision to correct yet.", number=case.number
            )
        before, after = _apply(case, {k: v.strip() for k, v in changes.items()})
        if not before:
            return Amended(case.number, (), case.version)
        case.updated_at = ctx.now()
        flush_or_conflict(session, Phrase("Case {number}", number=case.number))
        audit.record(
            session,
            ctx,
            "case.amend_decision",
            "case",
            case.id,
            before=before,
            after=after | paper_state.paper_of(case),
            reason=why,
            fair_id=case.fair_id,
            complaint_id=case.complaint_id,
            case_id=case.id,
        )
        return Amended(case.number, tuple(after), case.version)


def amend_finding(ctx: Context, visit_uid: str, reason: str, **changes: str) -> Amended:
    """Correct a recorded patrol finding or its notes."""
    ctx.require(Permission.PATROL)
    unknown = set(changes) - set(FINDING_FIELDS)
    if unknown:
        raise InvalidInput("A patrol finding has no field {fields}.", fields=tuple(sorted(unknown)))
    if "finding" in changes and changes["finding"] not in {f.value for f in Finding}:
        raise InvalidInput("'{finding}' is not a patrol finding.", finding=changes["finding"])
    if not reason.strip():
        raise MissingRequirement("Correcting a recorded patrol finding needs a reason.")
    why = reason.strip()
    with ctx.db.writing() as session:
        visit = session.scalar(select(BoothVisit).where(BoothVisit.uid == visit_uid.strip()))
        if visit is None:
            raise NotFound("There is no patrol visit {uid}.", uid=visit_uid)
        before, after = _apply(visit, changes)
        if not before:
            return Amended(visit.uid, (), visit.version)
        flush_or_conflict(session, Phrase("Visit {number}", number=visit.uid))
        audit.record(
            session,
            ctx,
            "visit.amend",
            "visit",
            visit.id,
            before=before,
            after=after,
            reason=why,
            fair_id=visit.fair_id,
            case_id=visit.case_id,
        )
        return Amended(visit.uid, tuple(after), visit.version)
