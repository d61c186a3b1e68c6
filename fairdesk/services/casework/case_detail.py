"""Everything the case view shows about one respondent case, read in one transaction.

`case_detail(ctx, number)` returns plain frozen dataclasses (no ORM objects), so the
screen can keep them as long as it is open; `version` and `complaint.version` are the
versions the screen passes back as `expected_version` when it takes a step.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from fairdesk.db.models import (
    AccusedExhibit,
    AuditEvent,
    Complaint,
    EvidenceFile,
    EvidenceLink,
    Exhibitor,
    Fair,
    Party,
    RespondentCase,
    User,
)
from fairdesk.domain.permissions import Permission
from fairdesk.domain.rules import RuleSet
from fairdesk.domain.workflow import Entity, step
from fairdesk.services.casework.cases import case_by_number
from fairdesk.services.casework.steps import refused_reasons
from fairdesk.services.context import Context

# Where an evidence file can hang that belongs to this case (EvidenceLink.owner_type).
EVIDENCE_OWNERS = ("case", "complaint", "exhibit", "measure")

# The audit code of the step, as the step table declares it (never typed again here).
OVERDUE_EVENT = step(Entity.CASE, "mark_defence_overdue").audit_code


@dataclass(frozen=True)
class PartyDetail:
    name: str
    name_en: str
    kind: str
    country: str
    id_doc_type: str
    id_doc_no: str
    address: str
    contact: str
    phone: str
    email: str


@dataclass(frozen=True)
class RightDetail:
    ip_type: str
    number: str
    title: str
    holder: str
    jurisdiction: str
    valid_from: date | None
    valid_until: date | None
    licence_type: str
    status_checked_at: datetime | None
    expired: bool  # valid_until is before today (the fair's local date)
    not_yet_valid: bool
    valid_in_china: bool
    refused_reason: str = ""  # not accepted at acceptance, for this reason (RejectReason)


@dataclass(frozen=True)
class BoothDetail:
    hall: str
    booth_no: str


@dataclass(frozen=True)
class ExhibitorDetail:
    id: int
    name_zh: str
    name_en: str
    credit_code: str
    country: str
    country_en: str
    area: str
    area_en: str
    delegation: str
    contact: str
    phone: str
    email: str
    ip_commitment_signed: bool
    booths: tuple[BoothDetail, ...]


@dataclass(frozen=True)
class ExhibitDetail:
    id: int
    name: str
    model: str
    quantity: int | None
    note: str
    rights: tuple[str, ...] = ()  # the numbers of the rights it is accused under


@dataclass(frozen=True)
class MeasureDetail:
    id: int
    measure_type: str
    ordered_at: datetime
    due_at: datetime | None
    undertaking_signed: bool
    storage_place: str
    returned_at: datetime | None
    recheck_result: str  # "" until re-inspected
    rechecked_at: datetime | None
    note: str


@dataclass(frozen=True)
class EvidenceDetail:
    id: int
    name: str  # the original file name, or the caption when there is none
    sha256: str
    size: int
    mime: str
    captured_at: datetime | None
    captured_by: str  # username, "" if unknown
    attached_to: str  # one of EVIDENCE_OWNERS
    owner_id: int
    caption: str
    purpose: str


@dataclass(frozen=True)
class ComplaintDetail:
    id: int
    number: str
    kind: str
    channel: str
    state: str
    received_at: datetime
    accepted_at: datetime | None
    transferred_at: datetime | None
    closed_at: datetime | None
    authority: str
    reject_reason: str
    summary: str
    dispute_type: str
    commitment_signed: bool
    power_of_attorney: bool
    version: int


@dataclass(frozen=True)
class SiblingCase:
    """Another respondent of the same complaint."""

    number: str
    state: str
    exhibitor: str
    booth_no: str


@dataclass(frozen=True)
class CaseDetail:
    id: int
    number: str
    state: str
    version: int
    fair_code: str
    fair_name: str
    fair_name_en: str
    fair_timezone: str
    complaint: ComplaintDetail
    complainant: PartyDetail
    agent: PartyDetail | None
    rights: tuple[RightDetail, ...]
    respondent: ExhibitorDetail
    hall: str
    booth_no: str  # the booth the complaint names
    exhibits: tuple[ExhibitDetail, ...]
    measures: tuple[MeasureDetail, ...]
    evidence: tuple[EvidenceDetail, ...]
    siblings: tuple[SiblingCase, ...]
    defence_summary: str
    decision_trigger: str
    legal_basis: str
    decision_note: str
    authority: str
    notified_at: datetime | None
    decided_at: datetime | None
    closed_at: datetime | None
    updated_at: datetime
    defence_marked_overdue: bool
    # The fair's rule set citation texts ("decision", "remedy", ...), Chinese / English.
    legal_basis_texts: dict[str, str]
    served_at: datetime | None = None  # the recorded time of service (the defence clock's start)


def _complaint(complaint: Complaint) -> ComplaintDetail:
    return ComplaintDetail(
        id=complaint.id,
        number=complaint.number,
        kind=complaint.kind,
        channel=complaint.channel,
        state=complaint.state,
        received_at=complaint.received_at,
        accepted_at=complaint.accepted_at,
        transferred_at=complaint.transferred_at,
        closed_at=complaint.closed_at,
        authority=complaint.authority,
        reject_reason=complaint.reject_reason,
        summary=complaint.summary,
        dispute_type=complaint.dispute_type,
        commitment_signed=complaint.commitment_signed,
        power_of_attorney=complaint.power_of_attorney,
        version=complaint.version,
    )


def _rights(complaint: Complaint, today: date, refused: dict[int, str]) -> tuple[RightDetail, ...]:
    """The complaint's rights, each with whether it held on the day the case is read."""
    return tuple(
        RightDetail(
            ip_type=r.ip_type,
            number=r.number,
            title=r.title,
            holder=r.holder,
            jurisdiction=r.jurisdiction,
            valid_from=r.valid_from,
            valid_until=r.valid_until,
            licence_type=r.licence_type,
            status_checked_at=r.status_checked_at,
            expired=r.valid_until is not None and r.valid_until < today,
            not_yet_valid=r.valid_from is not None and r.valid_from > today,
            valid_in_china=r.jurisdiction.upper() == "CN",
            refused_reason=refused.get(r.id, ""),
        )
        for r in sorted(complaint.rights, key=lambda r: r.id)
    )


def _exhibitor(exhibitor: Exhibitor) -> ExhibitorDetail:
    return ExhibitorDetail(
        id=exhibitor.id,
        name_zh=exhibitor.name_zh,
        name_en=exhibitor.name_en,
        credit_code=exhibitor.credit_code,
        country=exhibitor.country,
        country_en=exhibitor.country_en,
        area=exhibitor.area,
        area_en=exhibitor.area_en,
        delegation=exhibitor.delegation,
        contact=exhibitor.contact,
        phone=exhibitor.phone,
        email=exhibitor.email,
        ip_commitment_signed=exhibitor.ip_commitment_signed,
        booths=tuple(BoothDetail(b.hall, b.booth_no) for b in exhibitor.booths),
    )


def _measures(case: RespondentCase) -> tuple[MeasureDetail, ...]:
    return tuple(
        MeasureDetail(
            id=m.id,
            measure_type=m.measure_type,
            ordered_at=m.ordered_at,
            due_at=m.due_at,
            undertaking_signed=m.undertaking_signed,
            storage_place=m.storage_place,
            returned_at=m.returned_at,
            recheck_result=m.recheck_result,
            rechecked_at=m.rechecked_at,
            note=m.note,
        )
        for m in case.measures
    )


def _party(party: Party) -> PartyDetail:
    return PartyDetail(
        party.name,
        party.name_en,
        party.kind,
        party.country,
        party.id_doc_type,
        party.id_doc_no,
        party.address,
        party.contact,
        party.phone,
        party.email,
    )


def _evidence(session: Session, case: RespondentCase) -> tuple[EvidenceDetail, ...]:
    owners = {
        "case": [case.id],
        "complaint": [case.complaint_id],
        "exhibit": [x.id for x in case.exhibits],
        "measure": [m.id for m in case.measures],
    }
    conditions = [
        and_(EvidenceLink.owner_type == kind, EvidenceLink.owner_id.in_(ids))
        for kind, ids in owners.items()
        if ids
    ]
    rows = session.execute(
        select(EvidenceLink, EvidenceFile, User.username)
        .join(EvidenceFile, EvidenceFile.id == EvidenceLink.evidence_id)
        .outerjoin(User, User.id == EvidenceFile.captured_by)
        .where(or_(*conditions))
        .order_by(EvidenceLink.id)
    ).all()
    return tuple(
        EvidenceDetail(
            id=f.id,
            name=f.original_name or link.caption or f.sha256[:12],
            sha256=f.sha256,
            size=f.size,
            mime=f.mime,
            captured_at=f.captured_at,
            captured_by=username or "",
            attached_to=link.owner_type,
            owner_id=link.owner_id,
            caption=link.caption,
            purpose=link.purpose,
        )
        for link, f, username in rows
    )


def case_detail(ctx: Context, number: str) -> CaseDetail:
    """The whole case as the case view shows it (any signed-in role may read it)."""
    ctx.require(Permission.VIEW)
    with ctx.db.reading() as session:
        case = case_by_number(session, number)
        fair = session.get_one(Fair, case.fair_id)
        complaint = case.complaint
        today = ctx.now().astimezone(ZoneInfo(fair.timezone)).date()
        exhibitor = case.exhibitor
        siblings = tuple(
            SiblingCase(c.number, c.state, c.exhibitor.name_zh or c.exhibitor.name_en, c.booth_no)
            for c in complaint.cases
            if c.id != case.id
        )
        overdue_event = session.scalar(
            select(AuditEvent.id)
            .where(AuditEvent.case_id == case.id, AuditEvent.action == OVERDUE_EVENT)
            .limit(1)
        )
        exhibits: list[AccusedExhibit] = list(case.exhibits)
        return CaseDetail(
            id=case.id,
            number=case.number,
            state=case.state,
            version=case.version,
            fair_code=fair.code,
            fair_name=fair.name,
            fair_name_en=fair.name_en,
            fair_timezone=fair.timezone,
            complaint=_complaint(complaint),
            complainant=_party(complaint.complainant),
            agent=_party(complaint.agent) if complaint.agent is not None else None,
            rights=_rights(complaint, today, refused_reasons(session, complaint)),
            respondent=_exhibitor(exhibitor),
            hall=case.hall,
            booth_no=case.booth_no,
            exhibits=tuple(
                ExhibitDetail(
                    x.id, x.name, x.model, x.quantity, x.note, tuple(r.number for r in x.rights)
                )
                for x in exhibits
            ),
            measures=_measures(case),
            evidence=_evidence(session, case),
            siblings=siblings,
            defence_summary=case.defence_summary,
            decision_trigger=case.decision_trigger,
            legal_basis=case.legal_basis,
            decision_note=case.decision_note,
            authority=case.authority,
            notified_at=case.notified_at,
            served_at=case.served_at,
            decided_at=case.decided_at,
            closed_at=case.closed_at,
            updated_at=case.updated_at,
            defence_marked_overdue=overdue_event is not None,
            legal_basis_texts=dict(RuleSet.from_dict(fair.rules).legal_basis),
        )
