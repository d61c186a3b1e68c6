"""Re-inspection tasks: checking on the floor that an ordered measure was carried out.

Tasks are not stored: they are the respondent cases whose measure waits for a check
(REMEDY_ORDERED, RECHECK_DUE, or ESCALATED and to be checked again), each due when its
RECHECK clock says (started by `order_remedy`, `recheck_hours` of the fair's rule set,
capped at the next opening by the clock rules), sorted by due time, then hall and booth.

Recording a result is one transaction: the case moves through the workflow's own steps
(`request_recheck` when it was not yet due, then `recheck_passed`, or `recheck_failed`
with the result; escalating a failed re-check is the desk's step), a booth visit with
finding "measure verified"/"measure violated" is written as the re-inspection record, and
the "after" photos are attached to the visit and to the measure, beside its "before"
photos. Like visits, a result carries a uid made on the laptop: sent twice, it is
recorded once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Row, Select, and_, func, or_, select
from sqlalchemy.orm import Session

from fairdesk.db.models import (
    Booth,
    BoothVisit,
    ClockDue,
    Exhibitor,
    Fair,
    Measure,
    PatrolRound,
    RespondentCase,
)
from fairdesk.domain import vocabulary as v
from fairdesk.domain.enums import CaseState, Finding, RecheckResult
from fairdesk.domain.errors import IllegalTransition, InvalidInput, NotFound
from fairdesk.domain.normalize import normalize_hall
from fairdesk.domain.permissions import Permission
from fairdesk.domain.vocabulary import Term
from fairdesk.services.casework import steps
from fairdesk.services.casework.cases import case_by_number
from fairdesk.services.context import Context
from fairdesk.services.fair.fairs import fair_by_code
from fairdesk.services.inspection import evidence
from fairdesk.services.inspection.evidence import LinkedEvidence, PhotoInput
from fairdesk.services.inspection.hall_board import running_recheck_clock
from fairdesk.services.inspection.patrols import (
    RECHECKABLE,
    BoothTarget,
    CaseBrief,
    ExhibitorBrief,
    add_visit,
    check_uid,
)
from fairdesk.services.trust import audit

# The re-inspection results, in the vocabulary's words (zh, en) for the inspector's keys.
RESULT_LABELS: dict[str, tuple[str, str]] = {
    code: (w.zh, w.en) for code, w in v.RECHECK_RESULTS.items()
}


@dataclass(frozen=True)
class RecheckTask:
    case_number: str
    state: str
    hall: str
    booth: str
    exhibitor: str
    measure_type: str
    ordered_at: datetime | None
    due_at: datetime | None
    overdue: bool
    storage_place: str
    note: str

    @property
    def words(self) -> v.Words:
        """What the inspector does for this case, in both languages."""
        if self.state == CaseState.REMEDY_ORDERED and self.overdue:
            return v.RECHECK_TASKS[CaseState.RECHECK_DUE]  # its re-check time has come
        return v.RECHECK_TASKS.words(self.state)

    @property
    def label(self) -> str:
        return self.words.en


@dataclass
class RecheckInput:
    case_number: str
    result: str
    notes: str = ""
    photos: list[PhotoInput] = field(default_factory=list)
    uid: str | None = None
    round_uid: str | None = None
    visited_at: datetime | None = None


@dataclass(frozen=True)
class RecheckOutcome:
    case_number: str
    state: str
    result: str
    visit_uid: str
    after_photos: tuple[str, ...]
    duplicate: bool = False


@dataclass(frozen=True)
class RecheckRecord:
    """What the re-inspection record shows: the measure, its before and after photos."""

    case_number: str
    state: str
    booth: str
    hall: str
    exhibitor: str
    measure_type: str
    ordered_at: datetime | None
    result: str
    rechecked_at: datetime | None
    before: tuple[LinkedEvidence, ...]
    after: tuple[LinkedEvidence, ...]


def check_result(result: str) -> RecheckResult:
    try:
        return RecheckResult(str(result).strip())
    except ValueError:
        raise InvalidInput(
            "'{result}' is not a re-inspection result; use one of {results}.",
            result=result,
            results=tuple(r.value for r in RecheckResult),
        ) from None


def _hall_key(hall: str) -> tuple[float, str]:
    try:
        return (float(hall), hall)
    except ValueError:
        return (float("inf"), hall)


def _tasks_query(fair: Fair, hall: str) -> Select[*tuple[Any, ...]]:
    """The cases of the fair whose measure waits for a check, with their latest measure and
    running RECHECK clock; only those of `hall` when one is given."""
    latest = (
        select(Measure.case_id, func.max(Measure.id).label("measure_id"))
        .group_by(Measure.case_id)
        .subquery()
    )
    query = (
        select(
            RespondentCase.number,
            RespondentCase.state,
            RespondentCase.hall,
            RespondentCase.booth_no,
            Exhibitor.name_zh,
            Exhibitor.name_en,
            Measure.measure_type,
            Measure.ordered_at,
            Measure.due_at,
            Measure.storage_place,
            Measure.note,
            ClockDue.due_at,
        )
        .join(Exhibitor, Exhibitor.id == RespondentCase.exhibitor_id)
        .outerjoin(latest, latest.c.case_id == RespondentCase.id)
        .outerjoin(Measure, Measure.id == latest.c.measure_id)
        .outerjoin(ClockDue, running_recheck_clock())
        .where(
            RespondentCase.fair_id == fair.id,
            RespondentCase.state.in_([str(s) for s in RECHECKABLE]),
        )
    )
    if not hall:
        return query
    hall = normalize_hall(hall)
    # A case registered without its hall is in the hall its booth is listed in.
    in_hall = select(Booth.booth_no).where(Booth.fair_id == fair.id, Booth.hall == hall)
    return query.where(
        or_(
            RespondentCase.hall == hall,
            and_(RespondentCase.hall == "", RespondentCase.booth_no.in_(in_hall)),
        )
    )


def _task(row: Row[*tuple[Any, ...]], now: datetime) -> RecheckTask:
    due = row[11] or row[8]  # the running clock's, else the measure's own
    return RecheckTask(
        case_number=row[0],
        state=row[1],
        hall=row[2],
        booth=row[3],
        exhibitor=row[4] or row[5] or "",
        measure_type=row[6] or "",
        ordered_at=row[7],
        due_at=due,
        overdue=due is not None and due < now,
        storage_place=row[9] or "",
        note=row[10] or "",
    )


def list_tasks(
    ctx: Context, fair_code: str, *, hall: str = "", overdue_only: bool = False
) -> list[RecheckTask]:
    """Open re-inspection tasks, the most urgent first (then by hall and booth)."""
    ctx.require(Permission.VIEW)
    now = ctx.now()
    with ctx.db.reading() as session:
        fair = fair_by_code(session, fair_code)
        tasks = [_task(row, now) for row in session.execute(_tasks_query(fair, hall)).all()]
    if overdue_only:
        tasks = [t for t in tasks if t.overdue]
    far = datetime.max.replace(tzinfo=now.tzinfo)
    tasks.sort(
        key=lambda t: (t.due_at is None, t.due_at or far, _hall_key(t.hall), t.booth, t.case_number)
    )
    return tasks


def _adhoc_round(
    session: Session, ctx: Context, case: RespondentCase, when: datetime
) -> PatrolRound:
    """A re-check made outside a round gets a round of its own, opened and closed at once."""
    from fairdesk.services.inspection.patrols import new_uid

    row = PatrolRound(
        uid=new_uid(),
        fair_id=case.fair_id,
        hall=case.hall,
        inspector_id=ctx.actor.user_id,
        started_at=when,
        ended_at=when,
    )
    session.add(row)
    session.flush()
    return row


def _outcome(session: Session, visit: BoothVisit, duplicate: bool) -> RecheckOutcome:
    case = session.get_one(RespondentCase, visit.case_id) if visit.case_id else None
    measure = case.measures[-1] if case is not None and case.measures else None
    shas = tuple(
        e.evidence.sha256
        for e in evidence.linked_evidence(session, [("visit", visit.id)])
        if e.purpose == "after"
    )
    return RecheckOutcome(
        case.number if case else "",
        case.state if case else "",
        measure.recheck_result if measure else "",
        visit.uid,
        shas,
        duplicate,
    )


def _check_recheckable(case: RespondentCase, when: datetime) -> None:
    if when.tzinfo is None or when.utcoffset() is None:
        raise InvalidInput("The re-check time must carry a time zone.")
    if case.state not in RECHECKABLE:
        raise IllegalTransition(
            "Case {number} is {state}: there is no measure waiting for a "
            "re-check (it may have been checked or closed at the desk meanwhile).",
            number=case.number,
            state=Term(v.CASE_STATES, case.state),
        )


def _move_case(
    session: Session, ctx: Context, case: RespondentCase, result: RecheckResult, reason: str
) -> None:
    """The workflow's own steps: due now if it was not yet, then passed or failed.

    The reason is the inspector's own note, or none: the step ("Re-inspection passed") and
    its result field say the rest, in the reader's language, from the vocabulary."""
    if case.state != CaseState.RECHECK_DUE:
        steps.apply_case_step(session, ctx, case, "request_recheck", reason, {})
    if result is RecheckResult.PASSED:
        steps.apply_case_step(session, ctx, case, "recheck_passed", reason, {})
    else:
        steps.apply_case_step(
            session, ctx, case, "recheck_failed", reason, {"result": result.value}
        )


def _round_of(
    session: Session, ctx: Context, case: RespondentCase, round_uid: str | None, when: datetime
) -> PatrolRound:
    """The patrol round the re-check was made in, or a round of its own."""
    if not round_uid:
        return _adhoc_round(session, ctx, case, when)
    rnd = session.scalar(select(PatrolRound).where(PatrolRound.uid == check_uid(round_uid)))
    if rnd is None:
        raise NotFound("There is no patrol round {uid}.", uid=round_uid)
    return rnd


def _case_target(case: RespondentCase, exhibitor: Exhibitor) -> BoothTarget:
    return BoothTarget(
        case.number,
        case.booth_no,
        case.hall,
        (ExhibitorBrief(exhibitor.id, exhibitor.name_zh, exhibitor.name_en),),
        (CaseBrief(case.number, case.state),),
        case.number,
        "case",
    )


def _link_to_measure(
    session: Session, ctx: Context, case: RespondentCase, visit: BoothVisit
) -> None:
    """The visit's "after" photos also belong to the measure, beside its "before" ones."""
    if not case.measures:
        return
    measure = case.measures[-1]
    for linked in evidence.linked_evidence(session, [("visit", visit.id)]):
        row = evidence.evidence_row(session, linked.evidence.sha256)
        evidence.link(session, ctx, row, "measure", measure.id, "after")


def record_recheck(ctx: Context, data: RecheckInput) -> RecheckOutcome:
    """Record a re-inspection result and move the case (idempotent on `uid`)."""
    ctx.require(Permission.PATROL)
    uid = check_uid(data.uid)
    result = check_result(data.result)
    with ctx.db.writing() as session:
        existing = session.scalar(select(BoothVisit).where(BoothVisit.uid == uid))
        if existing is not None:
            return _outcome(session, existing, duplicate=True)
        case = case_by_number(session, data.case_number)
        fair = session.get_one(Fair, case.fair_id)
        when = data.visited_at or ctx.now()
        _check_recheckable(case, when)
        _move_case(session, ctx, case, result, data.notes.strip())
        rnd = _round_of(session, ctx, case, data.round_uid, when)
        exhibitor = session.get_one(Exhibitor, case.exhibitor_id)
        finding = (
            Finding.MEASURE_VERIFIED if result is RecheckResult.PASSED else Finding.MEASURE_VIOLATED
        )
        # The finding says carried out or not, in words; the exact result is the measure's
        # and the step's. Notes are the inspector's own, never a fixed English phrase.
        notes = data.notes.strip()
        visit, _ = add_visit(
            session,
            ctx,
            rnd,
            fair,
            _case_target(case, exhibitor),
            finding,
            notes,
            data.photos,
            uid,
            when,
            exhibitor_id=exhibitor.id,
            case_id=case.id,
            purpose="after",
        )
        _link_to_measure(session, ctx, case, visit)
        audit.record(
            session,
            ctx,
            "patrol.recheck",
            "case",
            case.id,
            after={"result": result, "visit": uid, "photos": len(data.photos)},
            reason=data.notes.strip(),
            fair_id=fair.id,
            complaint_id=case.complaint_id,
            case_id=case.id,
        )
        return _outcome(session, visit, duplicate=False)


def add_before_photo(
    ctx: Context, case_number: str, photo: PhotoInput, caption: str = ""
) -> evidence.EvidenceInfo:
    """Attach a "before" photo to the case's latest measure (e.g. the covered exhibit)."""
    ctx.require(Permission.PATROL)
    with ctx.db.writing() as session:
        case = case_by_number(session, case_number)
        if not case.measures:
            raise InvalidInput("Case {number} has no measure ordered yet.", number=case.number)
        fair = session.get_one(Fair, case.fair_id)
        row = evidence.store(session, ctx, photo.data, photo.name, zone=fair.timezone)
        evidence.link(session, ctx, row, "measure", case.measures[-1].id, "before", caption)
        audit.record(
            session,
            ctx,
            "evidence.link",
            "evidence",
            row.id,
            after={"owner": "measure", "case": case.number, "purpose": "before"},
            fair_id=fair.id,
            complaint_id=case.complaint_id,
            case_id=case.id,
        )
        return evidence.info_of(row, ctx.actor.username)


def recheck_record(ctx: Context, case_number: str) -> RecheckRecord:
    """The measure with its "before" photos (else the complaint's evidence of the exhibit)
    and the "after" photos of the re-inspections."""
    ctx.require(Permission.VIEW)
    with ctx.db.reading() as session:
        case = case_by_number(session, case_number)
        measure = case.measures[-1] if case.measures else None
        on_measure = evidence.linked_evidence(session, [("measure", measure.id)]) if measure else []
        before = [e for e in on_measure if e.purpose == "before"]
        if not before:
            owners = [("complaint", case.complaint_id), ("case", case.id)]
            owners += [("exhibit", x.id) for x in case.exhibits]
            before = [e for e in evidence.linked_evidence(session, owners) if e.purpose != "after"]
        after = [e for e in on_measure if e.purpose == "after"]
        exhibitor = session.get_one(Exhibitor, case.exhibitor_id)
        return RecheckRecord(
            case.number,
            case.state,
            case.booth_no,
            case.hall,
            exhibitor.name_zh or exhibitor.name_en,
            measure.measure_type if measure else "",
            measure.ordered_at if measure else None,
            measure.recheck_result if measure else "",
            measure.rechecked_at if measure else None,
            tuple(before),
            tuple(after),
        )
