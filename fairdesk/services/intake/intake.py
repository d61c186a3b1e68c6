"""Registering a complaint: complainant, agent, rights, respondents and exhibits.

A complaint is saved as a draft with one respondent case per respondent (to notify);
accepting, asking for supplements or rejecting it are workflow steps (`steps.py`). At the
desk, registering and that first step are one transaction (`register_and_step`).
Commercial disputes use the same intake and numbering but carry no IP rights.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from fairdesk.db.models import (
    AccusedExhibit,
    Booth,
    Complaint,
    Exhibitor,
    IPRight,
    Party,
    RespondentCase,
)
from fairdesk.domain import acceptance
from fairdesk.domain.enums import (
    CaseState,
    Channel,
    ComplaintKind,
    ComplaintState,
    IPType,
    LicenceType,
    ProtectionBasis,
)
from fairdesk.domain.errors import InvalidInput
from fairdesk.domain.materials import normalize_jurisdiction
from fairdesk.domain.normalize import normalize_booth, normalize_name
from fairdesk.domain.permissions import Permission
from fairdesk.services.casework import numbering
from fairdesk.services.casework.cases import search_text_of
from fairdesk.services.casework.steps import apply_step
from fairdesk.services.context import Context
from fairdesk.services.fair.fairs import fair_by_code
from fairdesk.services.trust import audit, paper_state


@dataclass
class PartyInput:
    name: str
    name_en: str = ""
    kind: str = "company"
    id_doc_type: str = ""
    id_doc_no: str = ""
    country: str = ""
    address: str = ""
    contact: str = ""
    phone: str = ""
    email: str = ""


@dataclass
class RightInput:
    ip_type: str
    number: str
    title: str = ""
    holder: str = ""
    jurisdiction: str = "CN"
    valid_from: date | None = None
    valid_until: date | None = None
    licence_type: str = LicenceType.OWNER
    basis: str = ""  # ProtectionBasis; "" lets the jurisdiction decide
    ir_number: str = ""


@dataclass
class ExhibitInput:
    name: str
    model: str = ""
    quantity: int | None = None
    note: str = ""
    # The numbers of the complaint's rights it is accused under; none: the complaint's
    # only right, when it has one.
    rights: list[str] = field(default_factory=list)


@dataclass
class RespondentInput:
    """Identify the accused exhibitor by id, or by booth (and name when a booth is shared)."""

    exhibitor_id: int | None = None
    booth: str = ""
    name: str = ""
    exhibits: list[ExhibitInput] = field(default_factory=list)


@dataclass
class ComplaintInput:
    complainant: PartyInput
    respondents: list[RespondentInput]
    rights: list[RightInput | int] = field(default_factory=list)
    agent: PartyInput | None = None
    power_of_attorney: bool = False
    kind: str = ComplaintKind.IP
    channel: str = Channel.DESK
    summary: str = ""
    dispute_type: str = ""
    commitment_signed: bool = False
    materials: dict[str, Any] = field(default_factory=dict)
    received_at: datetime | None = None


@dataclass(frozen=True)
class Registered:
    complaint_id: int
    number: str
    case_numbers: tuple[str, ...]
    state: str = ComplaintState.DRAFT  # after the step taken with the registration, if any


def _party(session: Session, ctx: Context, data: PartyInput, role: str) -> Party:
    name = data.name.strip()
    if not name:
        if role == "agent":
            raise InvalidInput("The agent needs a name.")
        raise InvalidInput("The complainant needs a name.")
    key = normalize_name(name)
    existing = session.scalar(
        select(Party)
        .where(Party.name_key == key, Party.id_doc_no == data.id_doc_no.strip())
        .limit(1)
    )
    if existing is not None:
        return existing
    party = Party(
        kind=data.kind,
        name=name,
        name_en=data.name_en.strip(),
        name_key=key,
        id_doc_type=data.id_doc_type.strip(),
        id_doc_no=data.id_doc_no.strip(),
        country=data.country.strip(),
        address=data.address.strip(),
        contact=data.contact.strip(),
        phone=data.phone.strip(),
        email=data.email.strip(),
        created_at=ctx.now(),
    )
    session.add(party)
    session.flush()
    return party


def register_right(session: Session, ctx: Context, data: RightInput) -> IPRight:
    """Find the right in the register, or add it: one row per type, number and jurisdiction."""
    ip_type, number = _type_and_number(data)
    jurisdiction = normalize_jurisdiction(data.jurisdiction or "")[:10]
    basis = acceptance.basis_of(
        acceptance.RightFacts(
            number, ip_type, jurisdiction, basis=data.basis, ir_number=data.ir_number
        )
    )
    right = session.scalar(select(IPRight).where(*_same_right(ip_type, number, jurisdiction)))
    if right is not None:
        return right
    return _add_right(session, ctx, data, ip_type, number, jurisdiction, basis)


def _type_and_number(data: RightInput) -> tuple[IPType, str]:
    """The right's type and its number as registered; refused when either is unusable or
    its validity ends before it starts."""
    try:
        ip_type = IPType(data.ip_type)
    except ValueError:
        raise InvalidInput(
            "'{ip_type}' is not a type of right; use one of {types}.",
            ip_type=data.ip_type,
            types=tuple(t.value for t in IPType),
        ) from None
    number = data.number.strip().upper()
    if not number:
        raise InvalidInput("Each right needs its registration or patent number.")
    if data.valid_from and data.valid_until and data.valid_until < data.valid_from:
        raise InvalidInput(
            "Right {number}: valid until {valid_until} is before valid from {valid_from}.",
            number=number,
            valid_until=data.valid_until,
            valid_from=data.valid_from,
        )
    return ip_type, number


def _same_right(ip_type: IPType, number: str, jurisdiction: str) -> tuple[Any, ...]:
    """What makes a right one row of the register."""
    return (
        IPRight.ip_type == ip_type,
        IPRight.number == number,
        IPRight.jurisdiction == jurisdiction,
    )


def _add_right(
    session: Session,
    ctx: Context,
    data: RightInput,
    ip_type: IPType,
    number: str,
    jurisdiction: str,
    basis: ProtectionBasis,
) -> IPRight:
    """Insert the right unless another desk just did, and audit it when this one did."""
    # Another desk may register the same right at the same moment: insert-or-nothing,
    # then read back whichever row won.
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    inserted = session.execute(
        insert(IPRight)
        .values(
            ip_type=ip_type,
            number=number,
            title=data.title.strip(),
            holder=data.holder.strip(),
            jurisdiction=jurisdiction,
            basis=basis,
            ir_number=data.ir_number.strip().upper(),
            valid_from=data.valid_from,
            valid_until=data.valid_until,
            licence_type=LicenceType(data.licence_type),
            note="",
            created_at=ctx.now(),
            version=1,
        )
        .on_conflict_do_nothing()
        .returning(IPRight.id)
    ).scalar()
    right = session.scalars(
        select(IPRight).where(*_same_right(ip_type, number, jurisdiction))
    ).one()
    if inserted is not None:
        audit.record(
            session,
            ctx,
            "right.register",
            "ip_right",
            right.id,
            after={
                "type": ip_type,
                "number": number,
                "jurisdiction": jurisdiction,
                "valid_until": data.valid_until,
                **paper_state.paper_of(right),
            },
        )
    return right


def _exhibitor(session: Session, fair_id: int, data: RespondentInput, index: int) -> Exhibitor:
    if data.exhibitor_id is not None:
        exhibitor = session.get(Exhibitor, data.exhibitor_id)
        if exhibitor is None or exhibitor.fair_id != fair_id:
            raise InvalidInput(
                "Respondent {index}: exhibitor {exhibitor} is not at this fair.",
                index=index,
                exhibitor=data.exhibitor_id,
            )
        return exhibitor
    booth = normalize_booth(data.booth)
    if not booth:
        raise InvalidInput(
            "Respondent {index}: give the booth number or choose the exhibitor.", index=index
        )
    found = session.scalars(
        select(Exhibitor)
        .join(Booth, Booth.exhibitor_id == Exhibitor.id)
        .where(Booth.fair_id == fair_id, Booth.booth_no == booth)
    ).all()
    if data.name.strip():
        key = normalize_name(data.name)
        found = [e for e in found if key in (normalize_name(e.name_zh), normalize_name(e.name_en))]
    if not found:
        raise InvalidInput(
            "Respondent {index}: no exhibitor at booth {booth} in this fair's exhibitor list.",
            index=index,
            booth=booth,
        )
    if len(found) > 1:
        names = "; ".join(e.name_zh or e.name_en for e in found)
        raise InvalidInput(
            "Respondent {index}: booth {booth} is shared by {names}. Say which one.",
            index=index,
            booth=booth,
            names=names,
        )
    return found[0]


def register_complaint(ctx: Context, fair_code: str, data: ComplaintInput) -> Registered:
    """Save the complaint as a draft, with one respondent case per respondent."""
    return register_and_step(ctx, fair_code, data)


def register_and_step(
    ctx: Context,
    fair_code: str,
    data: ComplaintInput,
    action: str = "",
    reason: str = "",
    **params: Any,
) -> Registered:
    """Register the complaint and take its first step ("accept", "request_supplement",
    "reject", ...) in one transaction: if the step is refused, nothing is saved and the
    refusal is raised, so the desk never leaves a half-done draft behind."""
    ctx.require(Permission.REGISTER_COMPLAINT)
    _check_shape(data)
    with ctx.db.writing() as session:
        complaint = _register(session, ctx, fair_code, data)
        if action:
            session.expire(complaint, ["cases"])  # the cases just added, for the step's facts
            apply_step(session, ctx, complaint, action, reason, dict(params))
        return Registered(
            complaint.id,
            complaint.number,
            tuple(c.number for c in sorted(complaint.cases, key=lambda c: c.seq)),
            complaint.state,
        )


def _check_shape(data: ComplaintInput) -> None:
    kind = ComplaintKind(data.kind)
    if not data.respondents:
        raise InvalidInput("A complaint names at least one respondent.")
    if kind is ComplaintKind.IP and not data.rights:
        raise InvalidInput("An IP complaint names at least one right (patent, trademark, ...).")
    if kind is ComplaintKind.COMMERCIAL and data.rights:
        raise InvalidInput("A commercial dispute carries no IP rights.")


def _right_key(number: str) -> str:
    return "".join(number.split()).upper()


def accused_under(exhibit: ExhibitInput, rights: list[IPRight]) -> list[IPRight]:
    """The complaint's rights an exhibit is accused under: the ones it names (by number),
    or the complaint's only right when it names none."""
    if not exhibit.rights:
        return list(rights) if len(rights) == 1 else []
    by_number = {_right_key(r.number): r for r in rights}
    chosen: list[IPRight] = []
    for number in exhibit.rights:
        right = by_number.get(_right_key(number))
        if right is None:
            raise InvalidInput(
                "Exhibit {exhibit}: the complaint names no right {number}.",
                exhibit=exhibit.name.strip(),
                number=number.strip(),
            )
        if right not in chosen:
            chosen.append(right)
    return chosen


def _register(session: Session, ctx: Context, fair_code: str, data: ComplaintInput) -> Complaint:
    """The complaint, its parties, rights, cases and audit events (caller's transaction)."""
    kind = ComplaintKind(data.kind)
    fair = fair_by_code(session, fair_code)
    complainant = _party(session, ctx, data.complainant, "complainant")
    agent = _party(session, ctx, data.agent, "agent") if data.agent else None
    rights = [
        session.get(IPRight, r) if isinstance(r, int) else register_right(session, ctx, r)
        for r in data.rights
    ]
    if any(r is None for r in rights):
        raise InvalidInput("One of the chosen rights is no longer in the register.")
    exhibitors = [
        _exhibitor(session, fair.id, r, i) for i, r in enumerate(data.respondents, start=1)
    ]
    if len({e.id for e in exhibitors}) != len(exhibitors):
        raise InvalidInput("The same exhibitor is named twice as a respondent.")
    number = numbering.complaint_number(
        fair.code, numbering.next_value(session, fair.id, "complaint")
    )
    complaint = Complaint(
        fair_id=fair.id,
        number=number,
        kind=kind,
        channel=Channel(data.channel),
        state=ComplaintState.DRAFT,
        complainant_id=complainant.id,
        agent_id=agent.id if agent else None,
        power_of_attorney=data.power_of_attorney,
        commitment_signed=data.commitment_signed,
        materials=dict(data.materials),
        summary=data.summary.strip(),
        dispute_type=data.dispute_type.strip(),
        received_at=data.received_at or ctx.now(),
        created_by=ctx.actor.user_id,
    )
    complaint.rights = [r for r in rights if r is not None]
    session.add(complaint)
    session.flush()
    case_numbers = [
        _open_case(session, ctx, complaint, complainant, seq, exhibitor, resp)
        for seq, (exhibitor, resp) in enumerate(zip(exhibitors, data.respondents, strict=True), 1)
    ]
    _audit_registration(session, ctx, complaint, complainant, agent, case_numbers)
    return complaint


def _open_case(
    session: Session,
    ctx: Context,
    complaint: Complaint,
    complainant: Party,
    seq: int,
    exhibitor: Exhibitor,
    resp: RespondentInput,
) -> str:
    """One respondent's case, at its booth, with its accused exhibits; returns its number."""
    booth = normalize_booth(resp.booth) or (
        exhibitor.booths[0].booth_no if exhibitor.booths else ""
    )
    hall = next((b.hall for b in exhibitor.booths if b.booth_no == booth), "")
    case = RespondentCase(
        complaint_id=complaint.id,
        fair_id=complaint.fair_id,
        seq=seq,
        number=numbering.case_number(complaint.number, seq),
        exhibitor_id=exhibitor.id,
        booth_no=booth,
        hall=hall,
        state=CaseState.TO_NOTIFY,
        updated_at=ctx.now(),
    )
    case.exhibits = [
        AccusedExhibit(
            name=x.name.strip(),
            model=x.model.strip(),
            quantity=x.quantity,
            note=x.note.strip(),
            rights=accused_under(x, complaint.rights),
        )
        for x in resp.exhibits
        if x.name.strip()
    ]
    case.search_text = search_text_of(case, complaint, exhibitor, complainant, complaint.rights)
    session.add(case)
    session.flush()
    audit.record(
        session,
        ctx,
        "case.create",
        "case",
        case.id,
        after={
            "number": case.number,
            "exhibitor": exhibitor.name_zh or exhibitor.name_en,
            "booth": booth,
            "state": case.state,
            "exhibits": [x.name for x in case.exhibits],
            **paper_state.paper_of(case, born=True),
        },
        fair_id=complaint.fair_id,
        complaint_id=complaint.id,
        case_id=case.id,
    )
    return case.number


def _audit_registration(
    session: Session,
    ctx: Context,
    complaint: Complaint,
    complainant: Party,
    agent: Party | None,
    case_numbers: list[str],
) -> None:
    """The registration in the audit trail: who complains, under which rights, against whom."""
    audit.record(
        session,
        ctx,
        "complaint.register",
        "complaint",
        complaint.id,
        after={
            "number": complaint.number,
            "kind": complaint.kind,
            "channel": complaint.channel,
            "complainant": complainant.name,
            "agent": agent.name if agent else None,
            "rights": [r.number for r in complaint.rights],
            "respondents": case_numbers,
            "state": complaint.state,
            **paper_state.paper_of(complaint, born=True),
        },
        fair_id=complaint.fair_id,
        complaint_id=complaint.id,
    )
