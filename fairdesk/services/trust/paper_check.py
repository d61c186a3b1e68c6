"""Before a paper is signed: are the records it prints still what their history says?

A document or an evidence package is drawn from the rows and then signed honestly, so a
row changed behind the app's back (an SQL editor) would be signed as genuine. Issuing
first checks the records of the one complaint the paper draws from against their audit
events (`row_check.check_scope`), and refuses with the record and field that differ.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from fairdesk.db.models import (
    AuditEvent,
    BoothVisit,
    Complaint,
    EvidenceLink,
    User,
    complaint_rights,
)
from fairdesk.domain.errors import PermissionDenied
from fairdesk.services.trust import row_check


def scope_of(session: Session, complaint: Complaint) -> row_check.Scope:
    """The complaint, its cases with their exhibitors, measures and rights, the evidence
    attached to any of them (links and measures whose rows are gone included), and the
    users."""
    cases = list(complaint.cases)
    case_ids = {c.id for c in cases}
    owners = {("complaint", complaint.id)} | {("case", i) for i in case_ids}
    owners |= {("exhibit", x.id) for c in cases for x in c.exhibits}
    owners |= {("measure", m.id) for c in cases for m in c.measures}
    if case_ids:
        visits = session.scalars(select(BoothVisit.id).where(BoothVisit.case_id.in_(case_ids)))
        owners |= {("visit", i) for i in visits}
    links = session.execute(
        select(
            EvidenceLink.id,
            EvidenceLink.evidence_id,
            EvidenceLink.owner_type,
            EvidenceLink.owner_id,
        ).where(EvidenceLink.owner_id.in_({i for _, i in owners}))
    ).all()
    mine = [(i, e) for i, e, kind, owner in links if (kind, owner) in owners]
    evented = session.scalars(
        select(AuditEvent.entity_id).where(
            AuditEvent.complaint_id == complaint.id, AuditEvent.entity_type == "evidence_link"
        )
    )
    measures = session.scalars(
        select(AuditEvent.entity_id).where(
            AuditEvent.complaint_id == complaint.id, AuditEvent.entity_type == "measure"
        )
    )
    rights = session.scalars(
        select(complaint_rights.c.right_id).where(complaint_rights.c.complaint_id == complaint.id)
    )
    return {
        "complaint": {complaint.id},
        "case": case_ids,
        "exhibitor": {c.exhibitor_id for c in cases},
        # Those deleted too (their events name the complaint).
        "measure": {m.id for c in cases for m in c.measures} | {i for i in measures if i},
        "ip_right": set(rights),
        "evidence_link": {i for i, _ in mine} | {i for i in evented if i is not None},
        "evidence": {e for _, e in mine},
        # A paper names its issuer and the people of the case by their accounts.
        "user": set(session.scalars(select(User.id))),
    }


def refuse_if_changed(session: Session, complaint: Complaint) -> None:
    """Raise, naming the record and field, when a record the paper prints differs from
    its history."""
    problems = row_check.check_scope(session, scope_of(session, complaint))
    if problems:
        raise PermissionDenied(
            "Nothing is signed: {problem}. A record this paper prints was changed outside "
            "FairDesk; run fairdesk audit verify and put it right (or restore a backup) "
            "first.",
            problem=problems[0].message,
        )
