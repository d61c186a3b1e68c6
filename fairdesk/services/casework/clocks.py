"""Deadline clocks of complaints and respondent cases.

The truth is the list of clock events (start, pause, resume, stop); a clock's state is
computed from them against the fair's calendar (`fairdesk.domain.clocks`). The
`clock_due` table caches each clock's due time so that "due within N hours" and
"overdue" are single indexed queries; it is refreshed whenever an event is written or
the fair's rules change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, delete, or_, select
from sqlalchemy.orm import Session

from fairdesk.db.models import ClockDue, ClockEventRow, Complaint, Fair, RespondentCase
from fairdesk.domain.clocks import ClockEvent, ClockState, ClockStatus, compute_clock
from fairdesk.domain.enums import ClockAction, ClockKind
from fairdesk.domain.errors import InvalidInput
from fairdesk.domain.permissions import Permission
from fairdesk.domain.rules import RuleSet, hours_for
from fairdesk.services.casework.cases import case_by_number
from fairdesk.services.context import Context
from fairdesk.services.fair.fairs import calendar_of
from fairdesk.services.trust import audit

# Complaint-level clocks; the rest belong to a respondent case.
COMPLAINT_CLOCKS = (ClockKind.SUPPLEMENT, ClockKind.TRANSFER)


@dataclass(frozen=True)
class Owner:
    """The complaint or respondent case a clock belongs to."""

    fair: Fair
    complaint_id: int | None = None
    case_id: int | None = None

    @classmethod
    def for_kind(
        cls,
        kind: ClockKind,
        case: RespondentCase | None = None,
        complaint: Complaint | None = None,
        fair: Fair | None = None,
    ) -> Owner:
        if kind in COMPLAINT_CLOCKS:
            complaint = complaint or (case.complaint if case else None)
            assert complaint is not None and fair is not None
            return cls(fair, complaint_id=complaint.id)
        assert case is not None and fair is not None
        return cls(fair, case_id=case.id)

    def where(self, kind: ClockKind):  # type: ignore[no-untyped-def]
        column = ClockEventRow.case_id if self.case_id else ClockEventRow.complaint_id
        return and_(column == (self.case_id or self.complaint_id), ClockEventRow.kind == kind)


def _events(session: Session, owner: Owner, kind: ClockKind) -> list[ClockEvent]:
    rows = session.scalars(
        select(ClockEventRow).where(owner.where(kind)).order_by(ClockEventRow.at, ClockEventRow.id)
    ).all()
    return [ClockEvent(ClockKind(r.kind), ClockAction(r.action), r.at, r.reason) for r in rows]


def _compute(fair: Fair, kind: ClockKind, events: list[ClockEvent], now: datetime) -> ClockState:
    rules = RuleSet.from_dict(fair.rules)
    return compute_clock(
        kind,
        events,
        calendar_of(fair),
        timedelta(hours=hours_for(rules, kind)),
        rules.opening_hours_only,
        now,
    )


def state_of(session: Session, owner: Owner, kind: ClockKind, now: datetime) -> ClockState:
    return _compute(owner.fair, kind, _events(session, owner, kind), now)


def projected(fair: Fair, kind: ClockKind, start: datetime, now: datetime) -> ClockState:
    """The clock as it would stand were it started at `start`: what a paper printed before
    its clock starts (a notice before its time of service) can already say of it."""
    return _compute(fair, kind, [ClockEvent(kind, ClockAction.START, start, "")], now)


def _refresh_due(session: Session, owner: Owner, kind: ClockKind, state: ClockState) -> None:
    col = ClockDue.case_id if owner.case_id else ClockDue.complaint_id
    session.execute(
        delete(ClockDue).where(col == (owner.case_id or owner.complaint_id), ClockDue.kind == kind)
    )
    if state.status is ClockStatus.NOT_STARTED:
        return
    status = (
        "running" if state.status in (ClockStatus.RUNNING, ClockStatus.OVERDUE) else state.status
    )
    session.add(
        ClockDue(
            fair_id=owner.fair.id,
            complaint_id=owner.complaint_id,
            case_id=owner.case_id,
            kind=kind,
            status=status,
            due_at=state.due_at,
            capped_at_close=state.capped_at_close,
        )
    )
    session.flush()


def _refresh_case_due(session: Session, owner: Owner) -> None:
    """Copy the earliest running deadline onto the affected respondent case(s)."""
    if owner.case_id is not None:
        case_ids = [owner.case_id]
    else:
        case_ids = list(
            session.scalars(
                select(RespondentCase.id).where(RespondentCase.complaint_id == owner.complaint_id)
            )
        )
    for case_id in case_ids:
        case = session.get_one(RespondentCase, case_id)
        rows = session.execute(
            select(ClockDue.due_at, ClockDue.capped_at_close, ClockDue.kind).where(
                ClockDue.status == "running",
                or_(ClockDue.case_id == case.id, ClockDue.complaint_id == case.complaint_id),
            )
        ).all()
        dues = sorted((due, kind) for due, _, kind in rows if due is not None)
        case.next_due_at, case.next_due_kind = dues[0] if dues else (None, "")
        case.decide_before_close = any(capped for _, capped, _ in rows)


def apply(
    session: Session,
    ctx: Context,
    owner: Owner,
    kind: ClockKind,
    action: ClockAction,
    reason: str = "",
    at: datetime | None = None,
) -> ClockState | None:
    """Write one clock event if it makes sense now; return the new state.

    `at` dates the event earlier than now (a defence period runs from the recorded time of
    service); it is never later than now.

    Steps from the workflow table ask to start, stop, pause or resume clocks; an ask
    that does not apply (stopping a clock that never ran) is skipped, not an error.
    """
    now = ctx.now()
    when = min(at, now) if at is not None else now
    events = _events(session, owner, kind)
    current = _compute(owner.fair, kind, events, now).status
    running = current in (ClockStatus.RUNNING, ClockStatus.OVERDUE)
    paused = current is ClockStatus.PAUSED
    applicable = {
        # A running clock keeps its original due time; a stopped one starts afresh.
        ClockAction.START: current in (ClockStatus.NOT_STARTED, ClockStatus.STOPPED),
        ClockAction.STOP: running or paused,
        ClockAction.PAUSE: running,
        ClockAction.RESUME: paused,
    }[action]
    if not applicable:
        return None
    session.add(
        ClockEventRow(
            fair_id=owner.fair.id,
            complaint_id=owner.complaint_id,
            case_id=owner.case_id,
            kind=kind,
            action=action,
            at=when,
            reason=reason,
            user_id=ctx.actor.user_id,
        )
    )
    events.append(ClockEvent(kind, action, when, reason))
    state = _compute(owner.fair, kind, events, now)
    _refresh_due(session, owner, kind, state)
    _refresh_case_due(session, owner)
    return state


def refresh_fair_clocks(session: Session, fair: Fair, now: datetime) -> int:
    """Recompute every cached due time of a fair (after its rules or hours change)."""
    rows = session.execute(
        select(ClockDue.case_id, ClockDue.complaint_id, ClockDue.kind).where(
            ClockDue.fair_id == fair.id
        )
    ).all()
    for case_id, complaint_id, kind in rows:
        owner = Owner(fair, complaint_id=complaint_id, case_id=case_id)
        _refresh_due(
            session, owner, ClockKind(kind), state_of(session, owner, ClockKind(kind), now)
        )
        _refresh_case_due(session, owner)
    return len(rows)


def clocks_for_case(ctx: Context, case_number: str) -> list[ClockState]:
    """Every clock that concerns a respondent case, its complaint's clocks included."""

    ctx.require(Permission.VIEW)
    now = ctx.now()
    with ctx.db.reading() as session:
        case = case_by_number(session, case_number)
        fair = session.get_one(Fair, case.fair_id)
        states = []
        for kind in ClockKind:
            owner = Owner.for_kind(kind, case=case, fair=fair)
            state = state_of(session, owner, kind, now)
            if state.status is not ClockStatus.NOT_STARTED:
                states.append(state)
        return states


def pause(ctx: Context, case_number: str, kind: ClockKind, reason: str) -> ClockState:
    return _pause_or_resume(ctx, case_number, kind, ClockAction.PAUSE, reason)


def resume(ctx: Context, case_number: str, kind: ClockKind, reason: str = "") -> ClockState:
    return _pause_or_resume(ctx, case_number, kind, ClockAction.RESUME, reason)


def _pause_or_resume(
    ctx: Context, case_number: str, kind: ClockKind, action: ClockAction, reason: str
) -> ClockState:

    ctx.require(Permission.PAUSE_CLOCK)
    if action is ClockAction.PAUSE and not reason.strip():
        raise InvalidInput(
            "Pausing a deadline needs a reason (e.g. waiting for a translated power of attorney)."
        )
    with ctx.db.writing() as session:
        case = case_by_number(session, case_number)
        fair = session.get_one(Fair, case.fair_id)
        owner = Owner.for_kind(kind, case=case, fair=fair)
        state = apply(session, ctx, owner, kind, action, reason.strip())
        if state is None:
            current = state_of(session, owner, kind, ctx.now()).status
            if action is ClockAction.PAUSE:
                raise InvalidInput(
                    "The {kind} deadline of {number} cannot be paused: it is {status}.",
                    kind=kind.value,
                    number=case_number,
                    status=current.value.replace("_", " "),
                )
            raise InvalidInput(
                "The {kind} deadline of {number} cannot be resumed: it is {status}.",
                kind=kind.value,
                number=case_number,
                status=current.value.replace("_", " "),
            )
        audit.record(
            session,
            ctx,
            f"clock.{action.value}",
            "case",
            case.id,
            after={"clock": kind, "due_at": state.due_at},
            reason=reason.strip(),
            fair_id=fair.id,
            complaint_id=case.complaint_id,
            case_id=case.id,
        )
        return state
