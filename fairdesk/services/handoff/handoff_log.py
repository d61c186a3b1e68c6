"""The record of what left FairDesk for a public system: one `handoffs` row and one audit
event per hand-off, in the caller's transaction, so the case's timeline shows what was
sent, when, to whom and by whom, with the SHA-256 a recipient's copy can be matched to."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fairdesk.db.models import Fair, Handoff, RespondentCase
from fairdesk.domain.permissions import Permission
from fairdesk.services.casework.cases import case_by_number
from fairdesk.services.context import Context
from fairdesk.services.fair.fairs import fair_by_code
from fairdesk.services.trust import audit

CREDIT, REFERRAL, EVIDENCE = "credit", "referral", "evidence"
CREDIT_PLATFORM = "credit_platform"  # the destination of a credit list
DEPOSIT_PLATFORM = "evidence_platform"  # the destination of an evidence package


@dataclass(frozen=True)
class Sent:
    """One hand-off as a screen, the CLI or a test reads it (plain data)."""

    kind: str
    destination: str
    recipient: str
    sent_at: datetime
    username: str
    file_name: str
    package_sha256: str
    items: int


def record(
    session: Session,
    ctx: Context,
    *,
    fair: Fair,
    case: RespondentCase | None,
    kind: str,
    destination: str,
    recipient: str,
    file_name: str,
    package_sha256: str,
    items: int,
    key_id: str = "",
) -> Handoff:
    row = Handoff(
        fair_id=fair.id,
        case_id=case.id if case else None,
        kind=kind,
        destination=destination,
        recipient=recipient,
        sent_at=ctx.now(),
        sent_by=ctx.actor.user_id,
        username=ctx.actor.username,
        file_name=file_name[:300],
        package_sha256=package_sha256,
        items=items,
        key_id=key_id,
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        ctx,
        f"handoff.{kind}",
        "handoff",
        row.id,
        after={
            "destination": destination,
            "recipient": recipient,
            "file": file_name,
            "package_sha256": package_sha256,
            "records" if kind == CREDIT else "files": items,
        },
        fair_id=fair.id,
        complaint_id=case.complaint_id if case else None,
        case_id=case.id if case else None,
    )
    return row


def _sent(row: Handoff) -> Sent:
    return Sent(
        row.kind,
        row.destination,
        row.recipient,
        row.sent_at,
        row.username,
        row.file_name,
        row.package_sha256,
        row.items,
    )


def handoffs_of_case(ctx: Context, number: str) -> list[Sent]:
    """The hand-offs of one case, oldest first."""
    ctx.require(Permission.VIEW)
    with ctx.db.reading() as session:
        case = case_by_number(session, number)
        rows = session.scalars(
            select(Handoff).where(Handoff.case_id == case.id).order_by(Handoff.id)
        ).all()
        return [_sent(r) for r in rows]


def counts_by_destination(session: Session, fair_id: int) -> dict[str, int]:
    """Hand-offs of a fair by destination (an authority's kind, a credit or deposit
    platform), for the organizer's statistics."""
    rows = session.execute(
        select(Handoff.destination, func.count())
        .where(Handoff.fair_id == fair_id)
        .group_by(Handoff.destination)
    ).all()
    return {str(d): int(n) for d, n in rows}


def fair_counts(ctx: Context, code: str) -> dict[str, int]:
    ctx.require(Permission.VIEW)
    with ctx.db.reading() as session:
        return counts_by_destination(session, fair_by_code(session, code).id)
