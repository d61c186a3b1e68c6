"""Checking the audit trail: the chain itself, the anchors signed into documents and given
from paper, the pinned root, and the rows that must match their history.

Kept apart from `audit` (which only writes events) because checking needs the documents'
anchors and the row checks, which themselves write through `audit`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from fairdesk.db.models import AuditEvent
from fairdesk.domain.permissions import Permission
from fairdesk.services.checks import anchors
from fairdesk.services.context import Context
from fairdesk.services.paper import paper_trust
from fairdesk.services.trust import audit, root_pin, wrap_check
from fairdesk.services.trust import row_check as rows


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    first_broken_id: int | None = None
    problem: str = ""
    anchors_checked: int = 0
    problems: tuple[str, ...] = ()  # every finding, the chain's first


def verify_chain(
    ctx: Context, batch: int = 5000, given: Sequence[anchors.Anchor] = (), root: str = ""
) -> ChainReport:
    """Walk the whole trail in id order and recompute every hash, then check it against
    every anchor: those signed into issued documents and those `given` (from paper).
    The database's root key is checked against the pinned one and against `root`, a
    fingerprint from paper."""
    ctx.require(Permission.VERIFY_AUDIT)
    if root and paper_trust.is_pdf_file(root):
        root = paper_trust.signed_root(ctx, root)  # only what its signature covers
    chain = _walk(ctx, batch)
    with ctx.db.reading() as session:
        roots = root_pin.check(session, root)
        known, problems = anchors.registered(session)
        problems += anchors.check(session, [*known, *given])
        edited = rows.check(session)
        moved = wrap_check.check(session)
    findings = [*([chain.problem] if not chain.ok else []), *roots.problems]
    findings += [p.message for p in problems]
    findings += [p.message for p in edited]
    findings += moved
    findings = list(dict.fromkeys(findings))  # one line per finding, however many anchors
    first = chain.first_broken_id  # else the first event an anchor no longer vouches for
    if first is None:
        first = min((p.event_id for p in problems if p.event_id), default=None)
    return ChainReport(
        not findings,
        chain.checked,
        first,
        findings[0] if findings else "",
        len(known) + len(given),
        tuple(findings),
    )


def _walk(ctx: Context, batch: int) -> ChainReport:
    prev = audit.GENESIS
    checked = 0
    last_id = 0
    with ctx.db.reading() as session:
        while True:
            rows_ = session.scalars(
                select(AuditEvent)
                .where(AuditEvent.id > last_id)
                .order_by(AuditEvent.id)
                .limit(batch)
            ).all()
            if not rows_:
                return ChainReport(True, checked)
            for row in rows_:
                if row.prev_hash != prev:
                    return ChainReport(
                        False,
                        checked,
                        row.id,
                        f"audit event {row.id} does not follow the event before it "
                        "(an event was deleted or inserted)",
                    )
                if audit.digest(prev, row) != row.hash:
                    return ChainReport(
                        False,
                        checked,
                        row.id,
                        f"audit event {row.id} was changed after it was written",
                    )
                prev = row.hash
                checked += 1
                last_id = row.id
            session.expunge_all()
