"""The end-of-day summary of one fair day (日报): what came in, what was decided and done,
and what is overdue at the day's close.

"The day" is the calendar day in the fair's time zone; "overdue at close" lists the
deadlines, as they stand when the report is made, that were due by that day's closing
time and are still running.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from fairdesk.db.models import (
    AuditEvent,
    BoothVisit,
    ClockDue,
    Complaint,
    Consultation,
    Fair,
    Measure,
    PatrolRound,
    RespondentCase,
)
from fairdesk.documents import signing
from fairdesk.domain import vocabulary as v
from fairdesk.domain.enums import TERMINAL_CASE_STATES, ComplaintKind
from fairdesk.domain.errors import InvalidInput
from fairdesk.domain.permissions import Permission
from fairdesk.domain.workflow import step_for_audit
from fairdesk.services.checks.anchors import line as anchor_line
from fairdesk.services.context import Context
from fairdesk.services.fair.fairs import fair_by_code
from fairdesk.services.paper import day_signature


def _ended_as(actions: tuple[str, ...]) -> dict[str, str]:
    """Audit codes of steps -> "中文 / English" words of the state each step ends in (the
    step's own words where two steps end in the same state)."""
    steps = [step_for_audit(a) for a in actions]
    targets = Counter(s.target for s in steps if s is not None)
    out = {}
    for action, s in zip(actions, steps, strict=True):
        assert s is not None, action
        words = s.words if targets[s.target] > 1 else v.CASE_STATES.words(s.target)
        out[action] = words.both
    return out


DECISIONS = _ended_as(
    ("case.decide_infringing", "case.decide_not_infringing", "case.decide_undetermined")
)
ENDINGS = _ended_as(
    (
        "case.settle",
        "case.withdraw",
        "case.self_remedy",
        "case.close",
        "case.refer",
        "case.close_unaccepted",
    )
)
RECHECKS = _ended_as(("case.recheck_passed", "case.recheck_failed"))


@dataclass(frozen=True)
class OverdueItem:
    number: str
    kind: str
    due_at: datetime  # local time of the fair


@dataclass(frozen=True)
class DayReport:
    fair_code: str
    fair_name: str
    day: date
    close_at: datetime | None  # the day's closing time (local); None on a closed day
    new_complaints: int  # IP complaints received
    new_commercial: int
    accepted: int
    rejected: int
    transferred: int
    new_cases: int  # respondent cases of the new complaints (IP and commercial)
    new_respondents: int  # distinct exhibitors among them
    decisions: dict[str, int]
    measures: dict[str, int]
    rechecks: dict[str, int]
    endings: dict[str, int]
    consultations: int
    consultation_topics: dict[str, int]
    patrol_rounds: int
    booth_visits: int
    findings: dict[str, int]
    overdue_at_close: tuple[OverdueItem, ...]
    open_cases: int  # respondent cases not yet ended, as the report is made
    generated_at: datetime = field(default_factory=lambda: datetime.now())
    # The audit chain's head as the report is made, signed by the one who made it: an
    # anchor of the history outside the database (`fairdesk audit verify --anchor`).
    audit_event: int = 0
    audit_head: str = ""
    signed_by: str = ""  # key id ("" when the maker holds no key)
    signature: str = ""  # base64url Ed25519 over the anchor line


def _window(fair: Fair, day: date) -> tuple[datetime, datetime, datetime | None]:
    zone = ZoneInfo(fair.timezone)
    start = datetime.combine(day, time(0), zone)
    end = start + timedelta(days=1)
    close: datetime | None
    hours = (fair.day_hours or {}).get(day.isoformat(), "")
    if day.isoformat() in (fair.day_hours or {}) and not hours:
        close = None
    elif hours:
        close = datetime.combine(day, time.fromisoformat(str(hours).split("-")[1]), zone)
    else:
        close = datetime.combine(day, fair.closing_time, zone)
    return start, end, close


def _count_actions(
    session: Session, fair: Fair, start: datetime, end: datetime, labels: dict[str, str]
) -> dict[str, int]:
    rows = session.execute(
        select(AuditEvent.action, func.count())
        .where(
            AuditEvent.fair_id == fair.id,
            AuditEvent.at >= start,
            AuditEvent.at < end,
            AuditEvent.action.in_(list(labels)),
        )
        .group_by(AuditEvent.action)
    ).all()
    found = dict(rows)
    return {label: int(found.get(action, 0)) for action, label in labels.items()}


def _check_near(fair: Fair, day: date) -> None:
    if not (fair.start_date - timedelta(days=30) <= day <= fair.end_date + timedelta(days=30)):
        raise InvalidInput(
            "{day} is not near fair {fair} ({start} to {end}).",
            day=day,
            fair=fair.code,
            start=fair.start_date,
            end=fair.end_date,
        )


def _intake_figures(session: Session, fair: Fair, start: datetime, end: datetime) -> dict[str, Any]:
    """Complaints received, accepted, rejected and transferred; the cases they opened."""
    received = and_(
        Complaint.fair_id == fair.id,
        Complaint.received_at >= start,
        Complaint.received_at < end,
    )
    kinds = dict(
        session.execute(
            select(Complaint.kind, func.count()).where(received).group_by(Complaint.kind)
        ).all()
    )
    steps = _count_actions(
        session,
        fair,
        start,
        end,
        {
            "complaint.accept": "accept",
            "complaint.reject": "reject",
            "complaint.transfer": "transfer",
        },
    )
    new_cases, new_respondents = session.execute(
        select(func.count(), func.count(func.distinct(RespondentCase.exhibitor_id)))
        .select_from(RespondentCase)
        .join(Complaint, Complaint.id == RespondentCase.complaint_id)
        .where(received)
    ).one()
    return dict(
        new_complaints=int(kinds.get(ComplaintKind.IP, 0)),
        new_commercial=int(kinds.get(ComplaintKind.COMMERCIAL, 0)),
        accepted=steps["accept"],
        rejected=steps["reject"],
        transferred=steps["transfer"],
        new_cases=int(new_cases),
        new_respondents=int(new_respondents),
    )


def _measures_ordered(
    session: Session, fair: Fair, start: datetime, end: datetime
) -> dict[str, int]:
    """Measures ordered in the window, by their words (Chinese and English)."""
    measures = Counter(
        {
            v.MEASURES.words(t).both: int(n)
            for t, n in session.execute(
                select(Measure.measure_type, func.count())
                .join(RespondentCase, RespondentCase.id == Measure.case_id)
                .where(
                    RespondentCase.fair_id == fair.id,
                    Measure.ordered_at >= start,
                    Measure.ordered_at < end,
                )
                .group_by(Measure.measure_type)
            )
        }
    )
    return dict(measures)


def _floor_figures(session: Session, fair: Fair, start: datetime, end: datetime) -> dict[str, Any]:
    """Consultations at the desk, patrol rounds and booth visits of the window."""
    consult = and_(Consultation.fair_id == fair.id, Consultation.at >= start, Consultation.at < end)
    topics = {
        t: int(n)
        for t, n in session.execute(
            select(Consultation.topic, func.count())
            .where(consult)
            .group_by(Consultation.topic)
            .order_by(func.count().desc())
        )
    }
    visits = and_(
        BoothVisit.fair_id == fair.id,
        BoothVisit.visited_at >= start,
        BoothVisit.visited_at < end,
    )
    findings = {
        f: int(n)
        for f, n in session.execute(
            select(BoothVisit.finding, func.count()).where(visits).group_by(BoothVisit.finding)
        )
    }
    rounds = session.scalar(
        select(func.count())
        .select_from(PatrolRound)
        .where(
            PatrolRound.fair_id == fair.id,
            PatrolRound.started_at >= start,
            PatrolRound.started_at < end,
        )
    )
    return dict(
        consultations=sum(topics.values()),
        consultation_topics=topics,
        patrol_rounds=int(rounds or 0),
        booth_visits=sum(findings.values()),
        findings=findings,
    )


def _overdue_at(session: Session, fair: Fair, close: datetime | None) -> tuple[OverdueItem, ...]:
    """The running clocks due by the day's close (none on a closed day), earliest first."""
    if close is None:
        return ()
    zone = ZoneInfo(fair.timezone)
    overdue: list[OverdueItem] = []
    for case_no, complaint_no, kind, due in session.execute(
        select(RespondentCase.number, Complaint.number, ClockDue.kind, ClockDue.due_at)
        .select_from(ClockDue)
        .outerjoin(RespondentCase, RespondentCase.id == ClockDue.case_id)
        .outerjoin(
            Complaint,
            or_(
                Complaint.id == ClockDue.complaint_id,
                Complaint.id == RespondentCase.complaint_id,
            ),
        )
        .where(
            ClockDue.fair_id == fair.id,
            ClockDue.status == "running",
            ClockDue.due_at <= close,
        )
        .order_by(ClockDue.due_at)
    ):
        if due is not None:
            overdue.append(OverdueItem(case_no or complaint_no, kind, due.astimezone(zone)))
    return tuple(overdue)


def _open_cases(session: Session, fair: Fair) -> int:
    open_cases = session.scalar(
        select(func.count())
        .select_from(RespondentCase)
        .where(
            RespondentCase.fair_id == fair.id,
            RespondentCase.state.not_in([str(s) for s in TERMINAL_CASE_STATES]),
        )
    )
    return int(open_cases or 0)


def day_report(ctx: Context, fair_code: str, day: date) -> DayReport:
    ctx.require(Permission.VIEW)
    with ctx.db.reading() as session:
        fair = fair_by_code(session, fair_code)
        _check_near(fair, day)
        start, end, close = _window(fair, day)
        return DayReport(
            fair_code=fair.code,
            fair_name=fair.name,
            day=day,
            close_at=close,
            decisions=_count_actions(session, fair, start, end, DECISIONS),
            measures=_measures_ordered(session, fair, start, end),
            rechecks=_count_actions(session, fair, start, end, RECHECKS),
            endings=_count_actions(session, fair, start, end, ENDINGS),
            overdue_at_close=_overdue_at(session, fair, close),
            open_cases=_open_cases(session, fair),
            generated_at=ctx.now().astimezone(ZoneInfo(fair.timezone)),
            **_intake_figures(session, fair, start, end),
            **_floor_figures(session, fair, start, end),
            **_anchor(session, ctx, fair.code, day),
        )


def _anchor(session: Session, ctx: Context, fair_code: str, day: date) -> dict[str, Any]:
    event_id, head = session.execute(
        select(AuditEvent.id, AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)
    ).first() or (0, "")
    ring = ctx.keyring
    key_id, private = ring.user_key_id, ring.user_key
    if private is None:
        key_id, private = ring.root_key_id, ring.root
    signature = ""
    if private is not None and head:
        signed = day_signature.statement(fair_code, f"{day:%Y-%m-%d}", event_id, head)
        signature = signing.b64url(private.sign(signed.encode("utf-8")))
    return {
        "audit_event": event_id,
        "audit_head": head,
        "signed_by": key_id if signature else "",
        "signature": signature,
    }


def _pairs(data: dict[str, int], table: v.Vocabulary | None = None) -> str:
    """ "words n, ..." for counts; codes (a finding, a topic) in `table`'s words."""
    shown = [f"{table.words(k).both if table else k} {n}" for k, n in data.items() if n]
    return ", ".join(shown) if shown else "0"


def format_day_report(r: DayReport) -> str:
    """The summary as plain text (the CLI prints it; the app shows it)."""
    close = f"{r.close_at:%H:%M}" if r.close_at else "闭馆 / closed day"
    lines = [
        f"{r.fair_name} ({r.fair_code}) 日报 / day report {r.day:%Y-%m-%d}, 闭馆 / close {close}",
        f"  新投诉 / new complaints:      {r.new_complaints} IP, "
        f"{r.new_commercial} 商事 / commercial",
        f"  受理/不予受理/移交 / accepted, rejected, transferred: "
        f"{r.accepted} / {r.rejected} / {r.transferred}",
        f"  被投诉人 / respondents:       {r.new_cases} cases, {r.new_respondents} exhibitors",
        f"  处理决定 / decisions:         {_pairs(r.decisions)}",
        f"  措施 / measures ordered:      {_pairs(r.measures)}",
        f"  复查 / re-checks:             {_pairs(r.rechecks)}",
        f"  结案 / cases ended:           {_pairs(r.endings)}",
        f"  咨询 / consultations:         {r.consultations}"
        + (f" ({_pairs(r.consultation_topics, v.TOPICS)})" if r.consultations else ""),
        f"  巡查 / patrols:               {r.patrol_rounds} rounds, {r.booth_visits} booths"
        + (f" ({_pairs(r.findings, v.FINDINGS)})" if r.findings else ""),
        f"  未结案件 / open cases now:    {r.open_cases}",
        f"  闭馆时逾期 / overdue at close: {len(r.overdue_at_close)}",
    ]
    for item in r.overdue_at_close:
        lines.append(
            f"    {item.number}  {v.CLOCKS.words(item.kind).both}  due {item.due_at:%Y-%m-%d %H:%M}"
        )
    if r.audit_head:
        lines.append(f"  审计链 / {anchor_line(r.audit_event, r.audit_head)}")
        if r.signature:
            lines.append(f"  签名 / signed by key {r.signed_by}: {r.signature}")
        else:
            lines.append("  未签名 / unsigned: made by someone who holds no signing key")
    return "\n".join(lines) + "\n"
