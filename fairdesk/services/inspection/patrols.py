"""Patrol rounds: an inspector walks a hall, visits booths and records what they see.

A round and each visit carry a `uid` made on the inspector's laptop (uuid4), so that a
finding recorded while the server was unreachable can be sent later, and sent again
after a lost reply, without ever being stored twice: a uid already on the server is
answered with the stored record (`duplicate=True`), nothing is written.

A booth is reached by what the inspector types or scans (`resolve_target`): a booth
number in any usual spelling ("4.1 a01", "４．１Ａ０１", or "A01" inside hall 4.1), a
case or complaint number, or the QR code of a printed booth notice (`FD1.<document>.<sig>`,
also inside a URL or with the scanner's line breaks).

A suspected infringement can become a complaint (channel "patrol"):
`complaint_draft_from_visit` prefills booth, exhibitor and the visit's notes, and
`register_complaint_from_visit` registers it for a desk user and attaches the photos.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fairdesk.db.models import (
    Booth,
    BoothVisit,
    Complaint,
    EvidenceFile,
    EvidenceLink,
    Exhibitor,
    Fair,
    IssuedDocument,
    PatrolRound,
    RespondentCase,
    User,
)
from fairdesk.domain import vocabulary as v
from fairdesk.domain.enums import TERMINAL_CASE_STATES, CaseState, Channel, Finding
from fairdesk.domain.errors import InvalidInput, NotFound
from fairdesk.domain.normalize import hall_from_booth, normalize_booth, normalize_hall
from fairdesk.domain.permissions import Permission
from fairdesk.services.context import Context
from fairdesk.services.fair.fairs import fair_by_code
from fairdesk.services.inspection import evidence
from fairdesk.services.inspection.evidence import PhotoInput
from fairdesk.services.intake.intake import (
    ComplaintInput,
    PartyInput,
    Registered,
    RespondentInput,
    register_and_step,
)
from fairdesk.services.trust import audit

# The findings, in the vocabulary's words (zh, en) for the inspector's keys.
FINDING_LABELS: dict[str, tuple[str, str]] = {code: (w.zh, w.en) for code, w in v.FINDINGS.items()}
# The order of the finding keys 1-6 on the inspector's screen.
FINDING_ORDER: tuple[Finding, ...] = tuple(Finding)
# Cases whose measure an inspector checks: ordered, due for re-check, or escalated.
RECHECKABLE = (CaseState.REMEDY_ORDERED, CaseState.RECHECK_DUE, CaseState.ESCALATED)
NOTES_MAX = 4000
VISIT_REF = "巡查记录 Patrol visit"

_PAYLOAD = re.compile(
    r"FD1\.([A-Za-z0-9_.-]{3,48}?)\.([A-Za-z0-9_-]{86})(?![A-Za-z0-9_-])"
    r"|FD2\.([A-Za-z0-9_.-]{3,48}?)\.[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{86}\.[A-Za-z0-9_-]{86}"
    r"(?![A-Za-z0-9_-])"
)
_DOC_NUMBER = re.compile(r"FD[12]\.([A-Za-z0-9_-]+-D\d+)", re.IGNORECASE)


# -- data ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExhibitorBrief:
    id: int
    name_zh: str
    name_en: str

    @property
    def name(self) -> str:
        return self.name_zh or self.name_en


@dataclass(frozen=True)
class CaseBrief:
    number: str
    state: str


@dataclass(frozen=True)
class BoothTarget:
    """What a typed or scanned text points at."""

    text: str
    booth: str
    hall: str
    exhibitors: tuple[ExhibitorBrief, ...]
    open_cases: tuple[CaseBrief, ...]
    case_number: str = ""  # the case a QR code or a typed number named
    via: str = "booth"  # booth | case | complaint | document
    note: str = ""

    @property
    def known(self) -> bool:
        return bool(self.exhibitors)

    @property
    def recheck_cases(self) -> tuple[str, ...]:
        return tuple(c.number for c in self.open_cases if c.state in RECHECKABLE)


@dataclass(frozen=True)
class RoundInfo:
    uid: str
    fair_code: str
    hall: str
    inspector: str
    started_at: datetime
    ended_at: datetime | None
    visits: int
    duplicate: bool = False

    @property
    def open(self) -> bool:
        return self.ended_at is None


@dataclass
class VisitInput:
    round_uid: str
    target: str  # booth number, case/complaint number, or the text of a notice's QR code
    finding: str
    notes: str = ""
    photos: list[PhotoInput] = field(default_factory=list)
    uid: str | None = None
    visited_at: datetime | None = None
    exhibitor_id: int | None = None  # which one, when the booth is shared


@dataclass(frozen=True)
class VisitInfo:
    uid: str
    round_uid: str
    booth: str
    hall: str
    exhibitor: str
    finding: str
    notes: str
    visited_at: datetime
    case_number: str
    photos: tuple[str, ...]  # SHA-256 of the photos
    warnings: tuple[str, ...] = ()
    duplicate: bool = False


@dataclass(frozen=True)
class VisitRow:
    uid: str
    round_uid: str
    visited_at: datetime
    hall: str
    booth: str
    exhibitor: str
    finding: str
    notes: str
    inspector: str
    case_number: str
    photos: int


# -- small helpers ------------------------------------------------------------------------


def new_uid() -> str:
    return str(uuid.uuid4())


def check_uid(uid: str | None) -> str:
    """A uid made on a laptop, in its canonical form; a fresh one when none is given."""
    if uid is None or not str(uid).strip():
        return new_uid()
    try:
        return str(uuid.UUID(str(uid).strip()))
    except ValueError:
        raise InvalidInput(
            "'{uid}' is not a record id made by FairDesk (a UUID).", uid=uid
        ) from None


def check_finding(finding: str) -> Finding:
    try:
        return Finding(str(finding).strip())
    except ValueError:
        raise InvalidInput(
            "'{finding}' is not a patrol finding; use one of {findings}.",
            finding=finding,
            findings=tuple(f.value for f in Finding),
        ) from None


def _moment(value: datetime | None, ctx: Context, what: str) -> datetime:
    if value is None:
        return ctx.now()
    if value.tzinfo is None or value.utcoffset() is None:
        if what == "start":
            raise InvalidInput("The start time must carry a time zone.")
        if what == "end":
            raise InvalidInput("The end time must carry a time zone.")
        raise InvalidInput("The visit time must carry a time zone.")
    return value


def finding_label(finding: str) -> str:
    return v.FINDINGS.words(finding).both


def _local_day(fair: Fair, day: date) -> tuple[datetime, datetime]:
    zone = ZoneInfo(fair.timezone)
    start = datetime.combine(day, time(0), tzinfo=zone)
    return start, start + timedelta(days=1)


def _hall_of(fair: Fair, session: Session, hall: str) -> str:
    wanted = normalize_hall(hall)
    if not wanted:
        raise InvalidInput("Say which hall the round covers.")
    listed = [str(h) for h in (fair.halls or {}).get("halls", [])]
    if not listed:
        listed = list(
            session.scalars(
                select(Booth.hall).where(Booth.fair_id == fair.id, Booth.hall != "").distinct()
            )
        )
    if listed and wanted not in listed:
        raise InvalidInput(
            "Hall '{hall}' is not a hall of {fair}; use one of {halls}.",
            hall=hall,
            fair=fair.code,
            halls=tuple(sorted(listed)),
        )
    return wanted


def _round(session: Session, uid: str) -> PatrolRound:
    row = session.scalar(select(PatrolRound).where(PatrolRound.uid == check_uid(uid)))
    if row is None:
        raise NotFound("There is no patrol round {uid}.", uid=uid)
    return row


def _round_info(session: Session, row: PatrolRound, duplicate: bool = False) -> RoundInfo:
    fair = session.get_one(Fair, row.fair_id)
    who = session.get(User, row.inspector_id)
    visits = session.scalar(
        select(func.count()).select_from(BoothVisit).where(BoothVisit.round_id == row.id)
    )
    return RoundInfo(
        row.uid,
        fair.code,
        row.hall,
        who.username if who else "",
        row.started_at,
        row.ended_at,
        visits or 0,
        duplicate,
    )


# -- finding a booth -----------------------------------------------------------------------


def _exhibitors_at(session: Session, fair_id: int, booth: str) -> list[tuple[Exhibitor, str]]:
    rows = session.execute(
        select(Exhibitor, Booth.hall)
        .join(Booth, Booth.exhibitor_id == Exhibitor.id)
        .where(Booth.fair_id == fair_id, Booth.booth_no == booth)
        .order_by(Exhibitor.id)
    ).all()
    return [(e, h) for e, h in rows]


def _open_cases(session: Session, fair_id: int, booth: str) -> tuple[CaseBrief, ...]:
    rows = session.execute(
        select(RespondentCase.number, RespondentCase.state)
        .where(
            RespondentCase.fair_id == fair_id,
            RespondentCase.booth_no == booth,
            RespondentCase.state.not_in([str(s) for s in TERMINAL_CASE_STATES]),
        )
        .order_by(RespondentCase.number)
    ).all()
    return tuple(CaseBrief(n, s) for n, s in rows)


def _target_of_case(
    session: Session, fair: Fair, case: RespondentCase, text: str, via: str, note: str = ""
) -> BoothTarget:
    found = _exhibitors_at(session, fair.id, case.booth_no)
    exhibitors = [e for e, _ in found if e.id == case.exhibitor_id] or [case.exhibitor]
    return BoothTarget(
        text,
        case.booth_no,
        case.hall or next((h for _, h in found), "") or hall_from_booth(case.booth_no),
        tuple(ExhibitorBrief(e.id, e.name_zh, e.name_en) for e in exhibitors),
        _open_cases(session, fair.id, case.booth_no),
        case.number,
        via,
        note,
    )


def _case_of_complaint(complaint: Complaint, text: str) -> RespondentCase:
    if len(complaint.cases) == 1:
        return complaint.cases[0]
    raise InvalidInput(
        "Complaint {complaint} names {count} respondents ({cases}); "
        "type the booth or the case number instead of '{text}'.",
        complaint=complaint.number,
        count=len(complaint.cases),
        cases=tuple(c.number for c in complaint.cases),
        text=text,
    )


def _from_document(ctx: Context, session: Session, fair: Fair, text: str) -> BoothTarget | None:
    cleaned = "".join(text.split())
    match = _PAYLOAD.search(cleaned)
    number = (match.group(1) or match.group(3)) if match else None
    if number is None:
        loose = _DOC_NUMBER.search(cleaned)
        number = loose.group(1) if loose else None
    if number is None:
        return None
    doc = session.scalar(select(IssuedDocument).where(IssuedDocument.number == number))
    if doc is None:
        raise NotFound(
            "The code names document {number}, which this database does not know: the "
            "notice may belong to another fair's database, or be forged. Type the booth number.",
            number=number,
        )
    note = f"document {doc.number}"
    if match is not None:
        from fairdesk.services.paper.documents import verify  # documents are heavy; load on need

        result = verify(ctx, match.group(0))
        note = result.message if not result.ok else f"{doc.number}: genuine"
    else:
        note = f"{doc.number}: the code is damaged, its signature could not be checked"
    if doc.case_id is not None:
        case = session.get_one(RespondentCase, doc.case_id)
    elif doc.complaint_id is not None:
        case = _case_of_complaint(session.get_one(Complaint, doc.complaint_id), text)
    else:
        raise InvalidInput(
            "Document {number} is not about a case; type the booth number.", number=doc.number
        )
    if case.fair_id != fair.id:
        raise InvalidInput(
            "Document {number} belongs to case {case} of another fair, not {fair}.",
            number=doc.number,
            case=case.number,
            fair=fair.code,
        )
    return _target_of_case(session, fair, case, text, "document", note)


def _resolve(ctx: Context, session: Session, fair: Fair, text: str, hall: str = "") -> BoothTarget:
    raw = str(text).strip()
    if not raw:
        raise InvalidInput("Type a booth number or scan the booth notice's code.")
    from_doc = _from_document(ctx, session, fair, raw)
    if from_doc is not None:
        return from_doc
    squeezed = "".join(raw.split())
    number = re.search(
        rf"{re.escape(fair.code)}-(\d{{4,}})(?:-(\d+))?", squeezed, flags=re.IGNORECASE
    )
    if number is not None:
        complaint_no = f"{fair.code}-{number.group(1)}"
        if number.group(2):
            case = session.scalar(
                select(RespondentCase).where(
                    RespondentCase.number == f"{complaint_no}-{number.group(2)}"
                )
            )
            if case is None:
                raise NotFound(
                    "There is no case {number}.", number=f"{complaint_no}-{number.group(2)}"
                )
            return _target_of_case(session, fair, case, raw, "case")
        complaint = session.scalar(select(Complaint).where(Complaint.number == complaint_no))
        if complaint is None:
            raise NotFound("There is no complaint {number}.", number=complaint_no)
        return _target_of_case(session, fair, _case_of_complaint(complaint, raw), raw, "complaint")
    booth = normalize_booth(raw)
    if len(booth) > 40:
        raise InvalidInput("'{text}' is too long to be a booth number.", text=raw[:50])
    found = _exhibitors_at(session, fair.id, booth)
    if not found and hall and not hall_from_booth(booth):
        inside = normalize_booth(f"{hall}{booth}")
        found = _exhibitors_at(session, fair.id, inside)
        if found:
            booth = inside
    booth_hall = next((h for _, h in found), "") or hall_from_booth(booth)
    note = "" if found else f"Booth {booth} is not in {fair.code}'s exhibitor list."
    return BoothTarget(
        raw,
        booth,
        booth_hall,
        tuple(ExhibitorBrief(e.id, e.name_zh, e.name_en) for e, _ in found),
        _open_cases(session, fair.id, booth),
        note=note,
    )


def resolve_target(ctx: Context, fair_code: str, text: str, hall: str = "") -> BoothTarget:
    """The booth, exhibitor(s) and open cases a typed or scanned text points at.

    An unknown booth is not an error (the exhibitor list may lag behind the floor): the
    target says so in `note` and has no exhibitors.
    """
    ctx.require(Permission.VIEW)
    with ctx.db.reading() as session:
        fair = fair_by_code(session, fair_code)
        return _resolve(ctx, session, fair, text, normalize_hall(hall) if hall else "")


# -- rounds -----------------------------------------------------------------------------------


def start_round(
    ctx: Context,
    fair_code: str,
    hall: str,
    *,
    uid: str | None = None,
    started_at: datetime | None = None,
) -> RoundInfo:
    """Start a patrol round of `hall` for the signed-in inspector (idempotent on `uid`)."""
    ctx.require(Permission.PATROL)
    uid = check_uid(uid)
    when = _moment(started_at, ctx, "start")
    with ctx.db.writing() as session:
        existing = session.scalar(select(PatrolRound).where(PatrolRound.uid == uid))
        if existing is not None:
            return _round_info(session, existing, duplicate=True)
        fair = fair_by_code(session, fair_code)
        row = PatrolRound(
            uid=uid,
            fair_id=fair.id,
            hall=_hall_of(fair, session, hall),
            inspector_id=ctx.actor.user_id,
            started_at=when,
        )
        session.add(row)
        session.flush()
        audit.record(
            session,
            ctx,
            "patrol.start",
            "patrol_round",
            row.id,
            after={"uid": uid, "hall": row.hall, "started_at": when},
            fair_id=fair.id,
        )
        return _round_info(session, row)


def close_round(ctx: Context, round_uid: str, *, ended_at: datetime | None = None) -> RoundInfo:
    """Close a round (closing a closed round changes nothing)."""
    ctx.require(Permission.PATROL)
    when = _moment(ended_at, ctx, "end")
    with ctx.db.writing() as session:
        row = _round(session, round_uid)
        if row.ended_at is not None:
            return _round_info(session, row, duplicate=True)
        row.ended_at = max(when, row.started_at)
        session.flush()
        info = _round_info(session, row)
        audit.record(
            session,
            ctx,
            "patrol.close",
            "patrol_round",
            row.id,
            after={"uid": row.uid, "ended_at": row.ended_at, "visits": info.visits},
            fair_id=row.fair_id,
        )
        return info


def get_round(ctx: Context, round_uid: str) -> RoundInfo:
    ctx.require(Permission.VIEW)
    with ctx.db.reading() as session:
        return _round_info(session, _round(session, round_uid))


def list_rounds(
    ctx: Context, fair_code: str, *, day: date | None = None, open_only: bool = False
) -> list[RoundInfo]:
    ctx.require(Permission.VIEW)
    with ctx.db.reading() as session:
        fair = fair_by_code(session, fair_code)
        query = select(PatrolRound).where(PatrolRound.fair_id == fair.id)
        if day is not None:
            start, end = _local_day(fair, day)
            query = query.where(PatrolRound.started_at >= start, PatrolRound.started_at < end)
        if open_only:
            query = query.where(PatrolRound.ended_at.is_(None))
        rows = session.scalars(query.order_by(PatrolRound.started_at, PatrolRound.id)).all()
        return [_round_info(session, r) for r in rows]


# -- visits -------------------------------------------------------------------------------------


def _visit_info(
    session: Session, visit: BoothVisit, warnings: tuple[str, ...] = (), duplicate: bool = False
) -> VisitInfo:
    rnd = session.get_one(PatrolRound, visit.round_id)
    exhibitor = session.get(Exhibitor, visit.exhibitor_id) if visit.exhibitor_id else None
    case = session.get(RespondentCase, visit.case_id) if visit.case_id else None
    photos = session.scalars(
        select(EvidenceFile.sha256)
        .join(EvidenceLink, EvidenceLink.evidence_id == EvidenceFile.id)
        .where(EvidenceLink.owner_type == "visit", EvidenceLink.owner_id == visit.id)
        .order_by(EvidenceLink.id)
    ).all()
    return VisitInfo(
        visit.uid,
        rnd.uid,
        visit.booth_no,
        rnd.hall,
        (exhibitor.name_zh or exhibitor.name_en) if exhibitor else "",
        visit.finding,
        visit.notes,
        visit.visited_at,
        case.number if case else "",
        tuple(photos),
        warnings,
        duplicate,
    )


def _pick_exhibitor(target: BoothTarget, chosen: int | None, warnings: list[str]) -> int | None:
    ids = [e.id for e in target.exhibitors]
    if chosen is not None:
        if chosen not in ids:
            raise InvalidInput(
                "Exhibitor {exhibitor} is not at booth {booth}.",
                exhibitor=chosen,
                booth=target.booth,
            )
        return chosen
    if len(ids) == 1:
        return ids[0]
    if len(ids) > 1:
        names = "; ".join(e.name for e in target.exhibitors)
        warnings.append(f"Booth {target.booth} is shared ({names}); no exhibitor was chosen.")
    return None


def _checked_notes(notes: str) -> str:
    notes = notes.strip()
    if len(notes) > NOTES_MAX:
        raise InvalidInput(
            "The notes are {length} characters; keep them under {limit}.",
            length=len(notes),
            limit=NOTES_MAX,
        )
    return notes


def _case_visited(session: Session, target: BoothTarget, finding: Finding) -> int | None:
    """The case a visit is about: the one the target names, or, for a measure found carried
    out or not, the booth's only case with a measure waiting for a check."""
    if target.case_number:
        case_id = session.scalar(
            select(RespondentCase.id).where(RespondentCase.number == target.case_number)
        )
        if case_id is not None:
            return case_id
    if finding not in (Finding.MEASURE_VERIFIED, Finding.MEASURE_VIOLATED):
        return None
    ordered = [c.number for c in target.open_cases if c.state in RECHECKABLE]
    if len(ordered) != 1:
        return None
    return session.scalar(select(RespondentCase.id).where(RespondentCase.number == ordered[0]))


def _store_photos(
    session: Session,
    ctx: Context,
    fair: Fair,
    visit: BoothVisit,
    photos: list[PhotoInput],
    purpose: str,
) -> list[str]:
    """Keep the visit's photos as evidence linked to it; their fingerprints, in order."""
    shas = []
    for photo in photos:
        row = evidence.store(session, ctx, photo.data, photo.name, zone=fair.timezone)
        evidence.link(session, ctx, row, "visit", visit.id, purpose)
        shas.append(row.sha256)
    return shas


def add_visit(
    session: Session,
    ctx: Context,
    rnd: PatrolRound,
    fair: Fair,
    target: BoothTarget,
    finding: Finding,
    notes: str,
    photos: list[PhotoInput],
    uid: str,
    visited_at: datetime,
    *,
    exhibitor_id: int | None = None,
    case_id: int | None = None,
    purpose: str = "",
) -> tuple[BoothVisit, list[str]]:
    """Write one visit and its photos inside the caller's transaction."""
    warnings: list[str] = [target.note] if target.note and not target.known else []
    notes = _checked_notes(notes)
    if case_id is None:
        case_id = _case_visited(session, target, finding)
    visit = BoothVisit(
        uid=uid,
        round_id=rnd.id,
        fair_id=fair.id,
        booth_no=target.booth,
        exhibitor_id=_pick_exhibitor(target, exhibitor_id, warnings),
        finding=finding,
        notes=notes,
        visited_at=visited_at,
        case_id=case_id,
    )
    session.add(visit)
    session.flush()
    shas = _store_photos(session, ctx, fair, visit, photos, purpose or "patrol")
    case = session.get(RespondentCase, case_id) if case_id else None
    audit.record(
        session,
        ctx,
        "patrol.visit",
        "booth_visit",
        visit.id,
        after={
            "uid": uid,
            "round": rnd.uid,
            "booth": target.booth,
            "finding": finding,
            "notes": notes,
            "visited_at": visited_at,
            "photos": shas,
        },
        fair_id=fair.id,
        complaint_id=case.complaint_id if case else None,
        case_id=case_id,
    )
    return visit, warnings


def record_visit(ctx: Context, data: VisitInput) -> VisitInfo:
    """Record a booth visit with its finding, notes and photos (idempotent on `uid`)."""
    ctx.require(Permission.PATROL)
    uid = check_uid(data.uid)
    finding = check_finding(data.finding)
    when = _moment(data.visited_at, ctx, "visit")
    with ctx.db.writing() as session:
        existing = session.scalar(select(BoothVisit).where(BoothVisit.uid == uid))
        if existing is not None:
            return _visit_info(session, existing, duplicate=True)
        rnd = _round(session, data.round_uid)
        fair = session.get_one(Fair, rnd.fair_id)
        target = _resolve(ctx, session, fair, data.target, rnd.hall)
        visit, warnings = add_visit(
            session,
            ctx,
            rnd,
            fair,
            target,
            finding,
            data.notes,
            data.photos,
            uid,
            when,
            exhibitor_id=data.exhibitor_id,
        )
        return _visit_info(session, visit, tuple(warnings))


def get_visit(ctx: Context, visit_uid: str) -> VisitInfo:
    ctx.require(Permission.VIEW)
    with ctx.db.reading() as session:
        return _visit_info(session, _visit(session, visit_uid))


def _visit(session: Session, uid: str) -> BoothVisit:
    row = session.scalar(select(BoothVisit).where(BoothVisit.uid == check_uid(uid)))
    if row is None:
        raise NotFound("There is no patrol visit {uid}.", uid=uid)
    return row


# A visit as the lists show it: its round, booth, exhibitor, inspector and case.
_VISIT_COLUMNS = (
    select(
        BoothVisit.uid,
        PatrolRound.uid,
        BoothVisit.visited_at,
        PatrolRound.hall,
        BoothVisit.booth_no,
        Exhibitor.name_zh,
        Exhibitor.name_en,
        BoothVisit.finding,
        BoothVisit.notes,
        User.username,
        RespondentCase.number,
        BoothVisit.id,
    )
    .join(PatrolRound, PatrolRound.id == BoothVisit.round_id)
    .outerjoin(Exhibitor, Exhibitor.id == BoothVisit.exhibitor_id)
    .outerjoin(User, User.id == PatrolRound.inspector_id)
    .outerjoin(RespondentCase, RespondentCase.id == BoothVisit.case_id)
)


def _photo_counts(session: Session, visit_ids: list[int]) -> dict[int, int]:
    """visit id -> how many photos it has (visits without photos are left out)."""
    counts: dict[int, int] = {}
    for start_at in range(0, len(visit_ids), 500):  # a bounded IN list, for any backend
        chunk = visit_ids[start_at : start_at + 500]
        counts.update(
            session.execute(
                select(EvidenceLink.owner_id, func.count())
                .where(EvidenceLink.owner_type == "visit", EvidenceLink.owner_id.in_(chunk))
                .group_by(EvidenceLink.owner_id)
            ).all()
        )
    return counts


def list_visits(
    ctx: Context,
    fair_code: str,
    *,
    day: date | None = None,
    hall: str = "",
    round_uid: str = "",
    finding: str = "",
    without_case: bool = False,
    limit: int | None = None,
) -> list[VisitRow]:
    """Visits of a fair, oldest first: a day report, one round, or the suspected findings
    the desk has not turned into a complaint yet (`finding=..., without_case=True`)."""
    ctx.require(Permission.VIEW)
    with ctx.db.reading() as session:
        fair = fair_by_code(session, fair_code)
        query = _VISIT_COLUMNS.where(BoothVisit.fair_id == fair.id)
        if day is not None:
            start, end = _local_day(fair, day)
            query = query.where(BoothVisit.visited_at >= start, BoothVisit.visited_at < end)
        if hall:
            query = query.where(PatrolRound.hall == normalize_hall(hall))
        if round_uid:
            query = query.where(PatrolRound.uid == check_uid(round_uid))
        if finding:
            query = query.where(BoothVisit.finding == check_finding(finding))
        if without_case:
            query = query.where(BoothVisit.case_id.is_(None))
        query = query.order_by(BoothVisit.visited_at, BoothVisit.id).limit(limit)
        rows = session.execute(query).all()
        counts = _photo_counts(session, [int(r[-1]) for r in rows])
        return [
            VisitRow(
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                r[5] or r[6] or "",
                r[7],
                r[8],
                r[9] or "",
                r[10] or "",
                counts.get(int(r[-1]), 0),
            )
            for r in rows
        ]


# -- from a finding to a complaint -------------------------------------------------------------


def complaint_draft_from_visit(ctx: Context, visit_uid: str) -> ComplaintInput:
    """A complaint (channel: patrol) prefilled from a visit: the booth and exhibitor as
    respondent, the visit's notes as summary, the visit's reference.

    The desk completes the complainant (the right holder) and the right before
    registering it with `register_complaint_from_visit`, which also attaches the photos.
    """
    ctx.require(Permission.VIEW)
    with ctx.db.reading() as session:
        visit = _visit(session, visit_uid)
        fair = session.get_one(Fair, visit.fair_id)
        local = visit.visited_at.astimezone(ZoneInfo(fair.timezone))
        label = finding_label(visit.finding)
        summary = (
            f"{label}: {local:%Y-%m-%d %H:%M} 展位 booth {visit.booth_no}."
            + (f"\n{visit.notes}" if visit.notes else "")
            + f"\n{VISIT_REF}: {visit.uid}"
        )
        return ComplaintInput(
            complainant=PartyInput(name=""),
            respondents=[RespondentInput(exhibitor_id=visit.exhibitor_id, booth=visit.booth_no)],
            channel=Channel.PATROL,
            summary=summary,
            received_at=visit.visited_at,
        )


def register_complaint_from_visit(
    ctx: Context,
    visit_uid: str,
    data: ComplaintInput | None = None,
    action: str = "",
    reason: str = "",
    **params: Any,
) -> Registered:
    """Register a complaint from a patrol visit (the draft, completed by the desk), link the
    visit to the new case and attach the visit's photos to the complaint.

    `action` (e.g. "accept", with its `reason` and `params`) is the complaint's first step,
    taken with the registration as the complaint form does (`register_and_step`).
    Asking twice for the same visit returns the complaint registered the first time.
    """
    ctx.require(Permission.REGISTER_COMPLAINT)
    uid = check_uid(visit_uid)
    with ctx.db.reading() as session:
        fair_code = session.get_one(Fair, _visit(session, uid).fair_id).code
        earlier = _complaint_of_visit(session, uid)
        if earlier is not None:
            return earlier
    data = data or complaint_draft_from_visit(ctx, uid)
    data.channel = Channel.PATROL
    if uid not in data.summary:
        data.summary = f"{data.summary.rstrip()}\n{VISIT_REF}: {uid}".strip()
    registered = register_and_step(ctx, fair_code, data, action, reason, **params)
    with ctx.db.writing() as session:
        visit = _visit(session, uid)
        complaint = session.get_one(Complaint, registered.complaint_id)
        if visit.case_id is None and complaint.cases:
            same = [c for c in complaint.cases if c.exhibitor_id == visit.exhibitor_id]
            visit.case_id = (same or complaint.cases)[0].id
        photos = session.scalars(
            select(EvidenceFile)
            .join(EvidenceLink, EvidenceLink.evidence_id == EvidenceFile.id)
            .where(EvidenceLink.owner_type == "visit", EvidenceLink.owner_id == visit.id)
        ).all()
        for photo in photos:
            evidence.link(session, ctx, photo, "complaint", complaint.id, "patrol")
        session.flush()
        audit.record(
            session,
            ctx,
            "patrol.complaint",
            "booth_visit",
            visit.id,
            after={"visit": uid, "complaint": complaint.number, "photos": len(photos)},
            fair_id=complaint.fair_id,
            complaint_id=complaint.id,
            case_id=visit.case_id,
        )
    return registered


def _complaint_of_visit(session: Session, uid: str) -> Registered | None:
    complaint = session.scalar(
        select(Complaint)
        .where(Complaint.channel == Channel.PATROL, Complaint.summary.contains(uid))
        .order_by(Complaint.id)
        .limit(1)
    )
    if complaint is None:
        return None
    return Registered(complaint.id, complaint.number, tuple(c.number for c in complaint.cases))
