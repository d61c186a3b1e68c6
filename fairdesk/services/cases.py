"""Reading respondent cases: lookups, the desk's list, and a case's timeline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy import case as sql_case
from sqlalchemy.orm import Session, aliased

from fairdesk.db.models import (
    AuditEvent,
    ClockDue,
    Complaint,
    Exhibitor,
    IPRight,
    Party,
    RespondentCase,
)
from fairdesk.domain.errors import InvalidInput, NotFound
from fairdesk.domain.permissions import Permission
from fairdesk.services.context import Context
from fairdesk.services.fairs import fair_by_code


def case_by_number(session: Session, number: str) -> RespondentCase:
    case = session.scalar(select(RespondentCase).where(RespondentCase.number == number.strip()))
    if case is None:
        raise NotFound(f"There is no respondent case numbered '{number}'.")
    return case


def complaint_by_number(session: Session, number: str) -> Complaint:
    complaint = session.scalar(select(Complaint).where(Complaint.number == number.strip()))
    if complaint is None:
        raise NotFound(f"There is no complaint numbered '{number}'.")
    return complaint


def search_text_of(
    case: RespondentCase,
    complaint: Complaint,
    exhibitor: Exhibitor,
    complainant: Party,
    rights: list[IPRight],
) -> str:
    """Everything the desk may type to find a case, lower-cased, one field."""
    parts = [
        case.number,
        complaint.number,
        exhibitor.name_zh,
        exhibitor.name_en,
        case.booth_no,
        complainant.name,
        complainant.name_en,
        *(r.number for r in rights),
    ]
    return " | ".join(p for p in parts if p).lower()


@dataclass(frozen=True)
class CaseRow:
    """One line of the desk's case list."""

    id: int
    number: str
    complaint_number: str
    kind: str
    state: str
    complaint_state: str
    exhibitor_zh: str
    exhibitor_en: str
    hall: str
    booth: str
    complainant: str
    received_at: datetime
    next_due: datetime | None
    decide_before_close: bool
    version: int


@dataclass(frozen=True)
class CaseFilter:
    fair_code: str
    states: tuple[str, ...] = ()
    search: str = ""
    overdue: bool = False
    due_within_hours: float | None = None
    hall: str = ""


def _next_due() -> Any:
    """Earliest running clock per case (its own clocks and its complaint's)."""
    return (
        select(
            RespondentCase.id.label("case_id"),
            func.min(ClockDue.due_at).label("due_at"),
            func.max(sql_case((ClockDue.capped_at_close, 1), else_=0)).label("capped"),
        )
        .join(
            ClockDue,
            or_(
                ClockDue.case_id == RespondentCase.id,
                ClockDue.complaint_id == RespondentCase.complaint_id,
            ),
        )
        .where(ClockDue.status == "running")
        .group_by(RespondentCase.id)
        .subquery("next_due")
    )


def _case_query(session: Session, flt: CaseFilter, now: datetime) -> Select[Any]:
    fair = fair_by_code(session, flt.fair_code)
    due = _next_due()
    complainant = aliased(Party)
    query = (
        select(
            RespondentCase,
            Complaint.number,
            Complaint.kind,
            Complaint.state,
            Exhibitor.name_zh,
            Exhibitor.name_en,
            complainant.name,
            Complaint.received_at,
            due.c.due_at,
            due.c.capped,
        )
        .join(Complaint, Complaint.id == RespondentCase.complaint_id)
        .join(Exhibitor, Exhibitor.id == RespondentCase.exhibitor_id)
        .join(complainant, complainant.id == Complaint.complainant_id)
        .outerjoin(due, due.c.case_id == RespondentCase.id)
        .where(RespondentCase.fair_id == fair.id)
    )
    if flt.states:
        query = query.where(RespondentCase.state.in_(flt.states))
    if flt.hall:
        query = query.where(RespondentCase.hall == flt.hall)
    if flt.search.strip():
        needle = flt.search.strip().lower().replace("\\", "\\\\").replace("%", "\\%")
        needle = needle.replace("_", "\\_")
        query = query.where(RespondentCase.search_text.like(f"%{needle}%", escape="\\"))
    if flt.overdue:
        query = query.where(due.c.due_at < now)
    if flt.due_within_hours is not None:
        if flt.due_within_hours < 0:
            raise InvalidInput("'due within' needs a number of hours of zero or more.")
        query = query.where(
            and_(due.c.due_at >= now, due.c.due_at <= now + timedelta(hours=flt.due_within_hours))
        )
    return query


def list_cases(
    ctx: Context, flt: CaseFilter, *, offset: int = 0, limit: int | None = None
) -> list[CaseRow]:
    ctx.require(Permission.VIEW)
    now = ctx.now()
    with ctx.db.reading() as session:
        query = _case_query(session, flt, now).order_by(RespondentCase.number)
        query = query.offset(offset).limit(limit)
        rows = session.execute(query).all()
        return [
            CaseRow(
                id=c.id,
                number=c.number,
                complaint_number=cno,
                kind=kind,
                state=c.state,
                complaint_state=cstate,
                exhibitor_zh=zh,
                exhibitor_en=en,
                hall=c.hall,
                booth=c.booth_no,
                complainant=who,
                received_at=received,
                next_due=due_at,
                decide_before_close=bool(capped),
                version=c.version,
            )
            for c, cno, kind, cstate, zh, en, who, received, due_at, capped in rows
        ]


def count_cases(ctx: Context, flt: CaseFilter) -> int:
    ctx.require(Permission.VIEW)
    with ctx.db.reading() as session:
        sub = _case_query(session, flt, ctx.now()).subquery()
        return session.scalar(select(func.count()).select_from(sub)) or 0


def counts_by_state(ctx: Context, fair_code: str) -> dict[str, int]:
    ctx.require(Permission.VIEW)
    with ctx.db.reading() as session:
        fair = fair_by_code(session, fair_code)
        rows = session.execute(
            select(RespondentCase.state, func.count())
            .where(RespondentCase.fair_id == fair.id)
            .group_by(RespondentCase.state)
        ).all()
        return {state: n for state, n in rows}


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    username: str
    action: str
    reason: str
    after: dict[str, Any] | None


def timeline(ctx: Context, case_number: str) -> list[TimelineEntry]:
    """Every event of a case and of its complaint, oldest first, from the audit trail."""
    ctx.require(Permission.VIEW)
    with ctx.db.reading() as session:
        case = case_by_number(session, case_number)
        rows = session.scalars(
            select(AuditEvent)
            .where(
                or_(
                    AuditEvent.case_id == case.id,
                    and_(
                        AuditEvent.complaint_id == case.complaint_id, AuditEvent.case_id.is_(None)
                    ),
                )
            )
            .order_by(AuditEvent.id)
        ).all()
        return [TimelineEntry(r.at, r.username, r.action, r.reason, r.after) for r in rows]


def last_change(ctx: Context) -> int:
    """A number that grows with every change any desk makes (the newest audit event).

    Screens poll it every few seconds and reload when it moves; one primary-key lookup.
    """
    ctx.require(Permission.VIEW)
    with ctx.db.reading() as session:
        return session.scalar(select(func.max(AuditEvent.id))) or 0
