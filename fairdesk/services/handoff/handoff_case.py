"""A case as it leaves FairDesk: the structured summary an authority reads (parties, right,
exhibits, findings, measures, dates), its evidence files with their hashes, capture
times and who captured them, and the audit events about them.

Codes are written with their words beside them ("state": "REMEDY_ORDERED",
"state_words": "已要求整改 / Measures ordered"), so a machine can match the code and a
person can read the words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from fairdesk.db.models import (
    AuditEvent,
    BoothVisit,
    Complaint,
    EvidenceFile,
    Fair,
    Party,
    RespondentCase,
)
from fairdesk.domain import vocabulary as v
from fairdesk.domain.trail import BIRTHS, PAPER
from fairdesk.domain.workflow import words_of_event
from fairdesk.services.inspection import evidence
from fairdesk.services.trust.audit import jsonable


@dataclass(frozen=True)
class CaseEvidence:
    name: str  # its name inside the package
    sha256: str
    size: int
    mime: str
    original_name: str
    captured_at: datetime | None
    imported_at: datetime
    captured_by: str
    attached_to: str
    purpose: str
    caption: str


def _both(table: v.Vocabulary, code: str) -> str:
    return table.words(code).both if code else ""


def _party(p: Party | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {
        "name": p.name,
        "name_en": p.name_en,
        "country": p.country,
        "id_document": " ".join(x for x in (p.id_doc_type, p.id_doc_no) if x),
        "address": p.address,
    }


def _local(moment: datetime | None, zone: str) -> str | None:
    return moment.astimezone(ZoneInfo(zone)).isoformat() if moment else None


def owners_of(session: Session, case: RespondentCase) -> list[tuple[str, int]]:
    """Everything evidence of a case may hang on: its complaint, the case, its exhibits,
    its measures and the patrol visits that found it."""
    visits = session.scalars(select(BoothVisit.id).where(BoothVisit.case_id == case.id)).all()
    return [
        ("complaint", case.complaint_id),
        ("case", case.id),
        *(("exhibit", e.id) for e in case.exhibits),
        *(("measure", m.id) for m in case.measures),
        *(("visit", i) for i in visits),
    ]


def case_evidence(session: Session, case: RespondentCase) -> list[CaseEvidence]:
    """The case's evidence files, each once, in attaching order."""
    seen: set[str] = set()
    out: list[CaseEvidence] = []
    for linked in evidence.linked_evidence(session, owners_of(session, case)):
        info = linked.evidence
        if info.sha256 in seen:
            continue
        seen.add(info.sha256)
        name = f"evidence/{len(out) + 1:03d}_{info.sha256[:12]}_{evidence.safe_name(info.name)}"
        out.append(
            CaseEvidence(
                name,
                info.sha256,
                info.size,
                info.mime,
                info.name,
                info.captured_at,
                info.imported_at,
                info.captured_by,
                linked.owner_type,
                linked.purpose,
                linked.caption,
            )
        )
    return out


def evidence_entries(items: list[CaseEvidence], zone: str) -> list[dict[str, Any]]:
    return [
        {
            "file": e.name,
            "original_name": e.original_name,
            "sha256": e.sha256,
            "size": e.size,
            "mime": e.mime,
            "captured_at": _local(e.captured_at, zone),
            "imported_at": _local(e.imported_at, zone),
            "captured_by": e.captured_by,
            "attached_to": e.attached_to,
            "purpose": e.purpose,
            "caption": e.caption,
        }
        for e in items
    ]


def evidence_events(session: Session, case: RespondentCase, shas: set[str]) -> list[AuditEvent]:
    """The audit events about the case's evidence: storing each file and attaching it."""
    ids = [
        i
        for i, sha in session.execute(
            select(EvidenceFile.id, EvidenceFile.sha256).where(
                EvidenceFile.sha256.in_(shas or {""})
            )
        ).all()
    ]
    return list(
        session.scalars(
            select(AuditEvent)
            .where(
                AuditEvent.entity_type == "evidence",
                AuditEvent.entity_id.in_(ids or [-1]),
                or_(AuditEvent.case_id.is_(None), AuditEvent.case_id == case.id),
            )
            .order_by(AuditEvent.id)
        ).all()
    )


def event_entries(events: list[AuditEvent], zone: str) -> list[dict[str, Any]]:
    return [
        {
            "id": e.id,
            "at": _local(e.at, zone),
            "user": e.username,
            "action": e.action,
            "action_words": words_of_event(e.action).both,
            # (Less the record's printed state the audit check keeps: the package has it.)
            "details": jsonable(
                {k: v for k, v in (e.after or {}).items() if k not in (PAPER, BIRTHS)}
            ),
            "reason": e.reason,
            "hash": e.hash,
            "prev_hash": e.prev_hash,
        }
        for e in events
    ]


def _rights(complaint: Complaint) -> list[dict[str, Any]]:
    return [
        {
            "type": r.ip_type,
            "type_words": _both(v.IP_TYPES, r.ip_type),
            "number": r.number,
            "title": r.title,
            "holder": r.holder,
            "jurisdiction": r.jurisdiction,
            "valid_until": r.valid_until.isoformat() if r.valid_until else None,
        }
        for r in complaint.rights
    ]


def _findings(case: RespondentCase) -> dict[str, Any]:
    return {
        "trigger": case.decision_trigger,
        "trigger_words": _both(v.TRIGGERS, case.decision_trigger),
        "legal_basis": case.legal_basis,
        "note": case.decision_note,
        "prior_decision": case.decision_basis or {},
        "deciding_organ": case.decided_by_organ,
        "decided_by": case.decided_by_officer,
        "defence": case.defence_summary,
    }


def _measures(case: RespondentCase, zone: str) -> list[dict[str, Any]]:
    return [
        {
            "type": m.measure_type,
            "type_words": _both(v.MEASURES, m.measure_type),
            "ordered_at": _local(m.ordered_at, zone),
            "storage_place": m.storage_place,
            "undertaking_signed": m.undertaking_signed,
            "recheck_result": m.recheck_result,
            "rechecked_at": _local(m.rechecked_at, zone),
            "returned_at": _local(m.returned_at, zone),
        }
        for m in case.measures
    ]


def _dates(case: RespondentCase, zone: str) -> dict[str, Any]:
    complaint = case.complaint
    return {
        "received": _local(complaint.received_at, zone),
        "accepted": _local(complaint.accepted_at, zone),
        "notified": _local(case.notified_at, zone),
        "served": _local(case.served_at, zone),
        "decided": _local(case.decided_at, zone),
        "closed": _local(case.closed_at, zone),
    }


def case_summary(session: Session, case: RespondentCase) -> dict[str, Any]:
    """The structured case summary (what an authority's system reads)."""
    fair = session.get_one(Fair, case.fair_id)
    zone = fair.timezone
    complaint = case.complaint
    ex = case.exhibitor
    return {
        "fair": {"code": fair.code, "name": fair.name},
        "complaint_number": complaint.number,
        "case_number": case.number,
        "state": case.state,
        "state_words": _both(v.CASE_STATES, case.state),
        "complainant": _party(complaint.complainant),
        "agent": _party(complaint.agent),
        "respondent": {
            "name": ex.name_zh,
            "name_en": ex.name_en,
            "credit_code": ex.credit_code,
            "country": ex.country,
            "hall": case.hall,
            "booth": case.booth_no,
        },
        "rights": _rights(complaint),
        "exhibits": [
            {"name": e.name, "model": e.model, "quantity": e.quantity} for e in case.exhibits
        ],
        "findings": _findings(case),
        "measures": _measures(case, zone),
        "referral": {
            "kind": case.referral_kind,
            "kind_words": _both(v.AUTHORITY_KINDS, case.referral_kind),
            "authority": case.authority,
        },
        "dates": _dates(case, zone),
    }
