"""The post-fair follow-up list (展后追查名单).

One row per IP respondent case that was not closed cleanly or was found infringing:
everything the authorities and the next edition's organizer need about it, in the
columns of docs/organizer.md. A case is closed cleanly when it was settled, withdrawn,
voluntarily remedied, closed as not infringing, or closed because its complaint was not
accepted; every other case is on the list, and so is any case found infringing.

The list is a generator over a streamed query (`yield_per`, a server-side cursor on
PostgreSQL), merged with four streamed look-ups of the whole fair in the same order
(rights, exhibits, measures, events: _Lookups), so 100,000 rows never sit in memory and
the list costs five statements at any length. Exports go to
XLSX, CSV or PDF through `fairdesk.exports` with progress and cancel.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from sqlalchemy import DateTime, Result, Select, and_, case, func, or_, select, type_coerce
from sqlalchemy.orm import Session, aliased

from fairdesk.db.models import (
    AccusedExhibit,
    AuditEvent,
    Complaint,
    Exhibitor,
    Fair,
    IPRight,
    Measure,
    Party,
    RespondentCase,
    complaint_rights,
    exhibit_rights,
)
from fairdesk.domain import right_names
from fairdesk.domain import vocabulary as v
from fairdesk.domain.enums import (
    CaseState,
    ComplaintKind,
    ComplaintState,
    EscalationAction,
    MeasureType,
    RecheckResult,
)
from fairdesk.domain.errors import InvalidInput
from fairdesk.domain.outcomes import (
    CLEAN_ENDINGS,
    PENDING_COMPLAINTS,
    UNCOUNTED_CASES_OF,
    outcome_of,
)
from fairdesk.domain.permissions import Permission
from fairdesk.domain.workflow import rights_under_exhibits
from fairdesk.exports.table import Column, local_stamp
from fairdesk.services.context import Context
from fairdesk.services.fair.fairs import fair_by_code
from fairdesk.services.fair.watchlist import (
    BAR_AFTER_CONSECUTIVE,
    History,
    earlier_history,
    name_keys,
)
from fairdesk.services.trust import audit

YES, NO = v.YES_NO["yes"].both, v.YES_NO["no"].both
NONE_ORDERED = "未采取措施 / none ordered"  # a case found infringing without a measure

COLUMNS: tuple[Column, ...] = (
    Column("case_number", "案件编号", "Case no.", 18),
    Column("complaint_number", "投诉编号", "Complaint no.", 16),
    Column("received_at", "投诉时间", "Received", 16, "datetime"),
    Column("notified_on", "通知日期", "Notified", 11, "date"),
    Column("decided_on", "处理日期", "Decided", 11, "date"),
    Column("closed_on", "结案日期", "Closed", 11, "date"),
    Column("state", "案件状态", "State", 18),
    Column("respondent_zh", "被投诉人", "Respondent", 28),
    Column("respondent_en", "被投诉人（英文）", "Respondent (English)", 28),
    Column("credit_code", "信用代码/注册号", "Credit code / reg. no.", 20),
    Column("country", "国家/地区", "Country / region", 10),
    Column("delegation", "展团", "Delegation / pavilion", 18),
    Column("hall", "展馆", "Hall", 6),
    Column("booth", "展位", "Booth", 10),
    Column("contact", "联系人", "Contact", 12, personal=True),
    Column("phone", "电话", "Phone", 16, personal=True),
    Column("email", "邮箱", "Email", 22, personal=True),
    Column("complainant", "投诉人", "Complainant", 26),
    Column("agent", "代理人", "Agent", 20),
    Column("right_type", "权利类型", "Right type", 16),
    Column("right_number", "权利号", "Right no.", 20),
    Column("right_holder", "权利人", "Right holder", 20),
    Column("exhibit", "涉嫌侵权展品", "Accused exhibit", 26),
    Column("outcome", "处理结果", "Outcome", 18),
    Column("trigger", "认定情形（指引第十四条）", "Finding trigger (CNIPA Art 14)", 24),
    Column("measures", "处理措施", "Measures", 26),
    Column("recheck", "复查结果", "Re-check result", 18),
    Column("redisplayed", "是否重新展出", "Re-displayed", 10),
    Column("detained_returned", "暂存展品是否退还", "Detained items returned", 14),
    Column("cases_this", "本届被投诉次数", "Cases this edition", 9, "int"),
    Column("infringing_this", "本届认定侵权次数", "Found infringing this edition", 9, "int"),
    Column("infringing_earlier", "往届认定侵权届数", "Earlier editions found infringing", 9, "int"),
    Column("earlier_editions", "往届侵权记录", "Earlier findings", 18),
    Column("bar_proposal", "建议禁止参加下届", "Propose bar from next edition", 12),
    Column("referral_authority", "移交机关", "Referred to", 22),
    Column("referral_date", "移交日期", "Referral date", 11, "date"),
    Column("referral_status", "移交状态", "Referral status", 20),
    Column("credit_referral", "信用移送", "Credit referral", 14),
    Column("screening", "下届展前排查建议", "Pre-fair screening entry (next edition)", 44),
)
PERSONAL_KEYS = frozenset(c.key for c in COLUMNS if c.personal)


def followup_columns(include_contacts: bool = True) -> tuple[Column, ...]:
    return tuple(c for c in COLUMNS if include_contacts or not c.personal)


FollowUpRow = tuple[Any, ...]


def _utc(column: Any) -> Any:
    """A time column read as the naive UTC it is stored as (db/types.py), without the
    column type's per-value conversion (a twentieth of the list's time at 10,000 rows): the
    formatter reads naive times as UTC."""
    return type_coerce(column, DateTime())


# -- the query -------------------------------------------------------------------------------


def _where(fair: Fair) -> Any:
    c = RespondentCase
    return and_(
        c.fair_id == fair.id,
        Complaint.kind == ComplaintKind.IP,
        _accepted(),
        or_(c.decision_trigger != "", c.state.not_in([str(s) for s in CLEAN_ENDINGS])),
    )


def _accepted() -> Any:
    """A complaint still before the desk's decision (awaiting supplement) has no case yet
    to follow up: its respondents are neither rows nor counted."""
    return Complaint.state.not_in([str(s) for s in UNCOUNTED_CASES_OF])


def _query(fair: Fair) -> Select[*tuple[Any, ...]]:
    c = RespondentCase
    complainant = aliased(Party)
    agent = aliased(Party)
    return (
        select(
            c.id,
            c.number,
            Complaint.number,
            _utc(Complaint.received_at),
            _utc(c.notified_at),
            _utc(c.decided_at),
            _utc(c.closed_at),
            c.state,
            Exhibitor.id,
            Exhibitor.name_zh,
            Exhibitor.name_en,
            Exhibitor.credit_code,
            Exhibitor.country,
            Exhibitor.delegation,
            c.hall,
            c.booth_no,
            Exhibitor.contact,
            Exhibitor.phone,
            Exhibitor.email,
            complainant.name,
            agent.name,
            Complaint.id,
            c.decision_trigger,
            c.authority,
            Complaint.state,
            Complaint.authority,
            _utc(Complaint.transferred_at),
            c.seq,  # with the complaint id: the list's order, which the lookups follow
        )
        .join(Complaint, Complaint.id == c.complaint_id)
        .join(Exhibitor, Exhibitor.id == c.exhibitor_id)
        .join(complainant, complainant.id == Complaint.complainant_id)
        .outerjoin(agent, agent.id == Complaint.agent_id)
        .where(_where(fair))
        .order_by(c.complaint_id, c.seq)
    )


def count_followup(ctx: Context, fair_code: str) -> int:
    """How many rows the follow-up list of this fair has."""
    ctx.require(Permission.EXPORT)
    with ctx.db.reading() as session:
        fair = fair_by_code(session, fair_code)
        return _count(session, fair)


def _heading(ctx: Context, session: Session, fair: Fair) -> tuple[int, str, str, str]:
    """The list's row count, title, note and time (the fair's, its zone named)."""
    title = f"{fair.name} 展后追查名单 / Post-fair follow-up list — {fair.code}"
    stamp = local_stamp(ctx.now(), fair.timezone)
    return _count(session, fair), title, _pending_note(session, fair), stamp


def _pending_note(session: Session, fair: Fair) -> str:
    """The list's note on the complaints it leaves out: those not yet accepted."""
    pending = (
        session.scalar(
            select(func.count())
            .select_from(Complaint)
            .where(
                Complaint.fair_id == fair.id,
                Complaint.kind == ComplaintKind.IP,
                Complaint.state.in_([str(s) for s in PENDING_COMPLAINTS]),
            )
        )
        or 0
    )
    return (
        f"尚未受理（待补正材料）的投诉不列入本名单：{pending} 件 / complaints not yet "
        f"accepted (awaiting supplement) are not listed: {pending}"
    )


def _count(session: Session, fair: Fair) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(RespondentCase)
            .join(Complaint, Complaint.id == RespondentCase.complaint_id)
            .where(_where(fair))
        )
        or 0
    )


# -- the batch lookups --------------------------------------------------------------------


@dataclass
class _Batch:
    """The lookups of one row: its complaint's rights, its exhibits, measures, events."""

    rights: list[tuple[str, str, str]]  # (type, number, holder)
    exhibits: list[str]
    exhibit_rights: list[list[str]]  # each exhibit's linked right numbers
    measures: list[tuple[str, datetime, str, str, datetime | None]]
    events: list[tuple[str, datetime, dict[str, Any]]]


class _Stream:
    """A lookup's rows in the list's order, keyed by their first `width` columns (complaint
    id, or complaint id and case seq), taken one key at a time as the list goes by."""

    def __init__(self, result: Result[Any], width: int) -> None:
        self.result = result  # closed by _Lookups.close (a server-side cursor on PostgreSQL)
        self._rows: Iterator[Sequence[Any]] = iter(result)
        self._width = width
        self._key: tuple[int, ...] | None = None  # of the next row: split once, not per test
        self._value: Sequence[Any] = ()
        self._advance()

    def _advance(self) -> None:
        row = next(self._rows, None)
        if row is None:
            self._key = None
        else:
            self._key, self._value = tuple(row[: self._width]), row[self._width :]

    def take(self, key: tuple[int, ...]) -> list[Sequence[Any]]:
        out = []
        while self._key is not None and self._key < key:
            self._advance()  # a case or complaint not on the list
        while self._key is not None and self._key == key:
            out.append(self._value)
            self._advance()
        return out


class _Lookups:
    """Rights, exhibits, measures and rechecks/escalations/referrals of the whole fair, one
    streamed query each, ordered as the list is (complaint, then case seq) and merged with
    it row by row: four statements for the whole list, whatever its length."""

    EVENTS = ("case.recheck_passed", "case.recheck_failed", "case.escalate", "case.refer")

    def __init__(self, session: Session, fair: Fair, batch: int) -> None:
        c = RespondentCase
        stream = {"yield_per": batch}
        rows = session.connection().execute  # plain rows: no ORM entities are read here
        cr = complaint_rights.c
        self._rights = _Stream(
            rows(
                select(cr.complaint_id, IPRight.ip_type, IPRight.number, IPRight.holder)
                .join(IPRight, IPRight.id == cr.right_id)
                .join(Complaint, Complaint.id == cr.complaint_id)
                # The rights the case relies on: not those refused at acceptance.
                .where(Complaint.fair_id == fair.id, cr.refused_reason == "")
                .order_by(cr.complaint_id, IPRight.id)
                .execution_options(**stream)
            ),
            1,
        )
        self._exhibits = _Stream(rows(_exhibits_query(fair).execution_options(**stream)), 2)
        m = Measure
        self._measures = _Stream(
            rows(
                select(
                    c.complaint_id,
                    c.seq,
                    m.measure_type,
                    _utc(m.ordered_at),
                    m.recheck_result,
                    m.storage_place,
                    _utc(m.returned_at),
                )
                .join(c, c.id == m.case_id)
                .where(c.fair_id == fair.id)
                .order_by(c.complaint_id, c.seq, m.id)
                .execution_options(**stream)
            ),
            2,
        )
        e = AuditEvent
        self._events = _Stream(
            rows(
                select(c.complaint_id, c.seq, e.action, _utc(e.at), e.after)
                .join(c, c.id == e.case_id)
                .where(c.fair_id == fair.id, e.action.in_(self.EVENTS))
                .order_by(c.complaint_id, c.seq, e.id)
                .execution_options(**stream)
            ),
            2,
        )
        self._complaint = -1
        self._complaint_rights: list[tuple[str, str, str]] = []

    def close(self) -> None:
        for stream in (self._rights, self._exhibits, self._measures, self._events):
            stream.result.close()

    def of(self, complaint_id: int, seq: int) -> _Batch:
        if complaint_id != self._complaint:  # the cases of one complaint share its rights
            self._complaint = complaint_id
            self._complaint_rights = [
                (str(t), str(n), str(h)) for t, n, h in self._rights.take((complaint_id,))
            ]
        exhibits: dict[int, tuple[str, list[str]]] = {}
        for x_id, name, model, qty, number in self._exhibits.take((complaint_id, seq)):
            label = name + (f" ({model})" if model else "") + (f" ×{qty}" if qty else "")
            linked = exhibits.setdefault(x_id, (label, []))[1]
            if number is not None:
                linked.append(str(number))
        return _Batch(
            self._complaint_rights,
            [label for label, _ in exhibits.values()],
            [linked for _, linked in exhibits.values()],
            [
                (t, at, res, place, ret)
                for t, at, res, place, ret in self._measures.take((complaint_id, seq))
            ],  # fmt: skip
            [(a, at, after or {}) for a, at, after in self._events.take((complaint_id, seq))],
        )


def _exhibits_query(fair: Fair) -> Select[*tuple[Any, ...]]:
    """The fair's exhibits in the list's order, a row per right each is accused under (one
    row for an exhibit under none)."""
    c, x = RespondentCase, AccusedExhibit
    return (
        select(c.complaint_id, c.seq, x.id, x.name, x.model, x.quantity, IPRight.number)
        .join(c, c.id == x.case_id)
        .outerjoin(exhibit_rights, exhibit_rights.c.exhibit_id == x.id)
        .outerjoin(IPRight, IPRight.id == exhibit_rights.c.right_id)
        .where(c.fair_id == fair.id)
        .order_by(c.complaint_id, c.seq, x.id, IPRight.id)
    )


def _rights_of(b: _Batch, infringing: bool) -> list[tuple[str, str, str]]:
    """The rights a row names: for a case found infringing, only those its exhibits were
    found to infringe (a claim the decision did not uphold is no ground for screening)."""
    if not infringing:
        return b.rights
    found = set(rights_under_exhibits([n for _, n, _ in b.rights], b.exhibit_rights))
    return [r for r in b.rights if r[1] in found]


def _exhibitor_counts(session: Session, fair: Fair) -> dict[int, tuple[int, int]]:
    """Exhibitor id -> (IP cases, found infringing) at this edition: one grouped scan, at
    most one entry per exhibitor of the fair."""
    infringing = func.sum(case((RespondentCase.decision_trigger != "", 1), else_=0))
    return {
        ex_id: (int(n), int(k or 0))
        for ex_id, n, k in session.execute(
            select(RespondentCase.exhibitor_id, func.count(), infringing)
            .join(Complaint, Complaint.id == RespondentCase.complaint_id)
            .where(
                RespondentCase.fair_id == fair.id,
                Complaint.kind == ComplaintKind.IP,
                _accepted(),
            )
            .group_by(RespondentCase.exhibitor_id)
        )
    }


# -- one row ---------------------------------------------------------------------------------


class _CaseRow(NamedTuple):
    """One row of the list's query, in its column order."""

    case_id: Any
    number: Any
    complaint_number: Any
    received_at: Any
    notified_at: Any
    decided_at: Any
    closed_at: Any
    state: Any
    ex_id: Any
    name_zh: Any
    name_en: Any
    credit_code: Any
    country: Any
    delegation: Any
    hall: Any
    booth: Any
    contact: Any
    phone: Any
    email: Any
    complainant: Any
    agent: Any
    complaint_id: Any
    trigger: Any
    case_authority: Any
    complaint_state: Any
    complaint_authority: Any
    transferred_at: Any
    seq: Any  # the case's place in its complaint: orders the list, not printed


class _Formatter:
    def __init__(
        self,
        fair: Fair,
        earlier: list[Fair],
        history: History,
        counts: dict[int, tuple[int, int]],
    ) -> None:
        self.zone = ZoneInfo(fair.timezone)
        self.earlier = earlier
        self.history = history
        self.counts = counts
        self._findings: dict[int, tuple[list[str], int]] = {}

    def local(self, value: datetime | None) -> datetime | None:
        if value is None:
            return None
        moment = value if value.tzinfo else value.replace(tzinfo=UTC)
        return moment.astimezone(self.zone).replace(tzinfo=None, second=0, microsecond=0)

    def day(self, value: datetime | None) -> date | None:
        if value is None:
            return None
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(self.zone).date()

    def earlier_findings(self, ex_id: int, cc: str, zh: str, en: str) -> tuple[list[str], int]:
        """Earlier editions (codes, oldest first) with a finding, and the streak that ends
        with the edition just before this one."""
        if not self.history.records:
            return [], 0
        known = self._findings.get(ex_id)
        if known is None:
            known = self._findings[ex_id] = self._match(cc, zh, en)
        return known

    def _match(self, cc: str, zh: str, en: str) -> tuple[list[str], int]:
        groups, _ = self.history.match(cc, name_keys(zh, en))
        found: set[int] = set()
        for g in groups:
            for rec in self.history.groups[g].records:
                if rec.infringing:
                    found.add(rec.fair_id)
        codes = [f.code for f in self.earlier if f.id in found]
        streak = 0
        for f in reversed(self.earlier):
            if f.id not in found:
                break
            streak += 1
        return codes, streak

    def row(self, r: Sequence[Any], b: _Batch) -> dict[str, Any]:
        c = _CaseRow(*r)
        rights, measures, events = _rights_of(b, bool(c.trigger)), b.measures, b.events
        credit_at = _credit_referral_at(events)
        infringing = bool(c.trigger)
        cases_this, infringing_this = self.counts.get(c.ex_id, (1, int(infringing)))
        earlier_codes, earlier_streak = self.earlier_findings(
            c.ex_id, c.credit_code, c.name_zh, c.name_en
        )
        streak = earlier_streak + 1 if infringing_this else 0
        bar = streak >= BAR_AFTER_CONSECUTIVE
        authority, ref_day, ref_status = self._referral(c, events)

        right_text = _right_numbers(rights)  # as the papers print them: 第45678901号
        exhibits = b.exhibits
        return {
            "case_number": c.number,
            "complaint_number": c.complaint_number,
            "received_at": self.local(c.received_at),
            "notified_on": self.day(c.notified_at),
            "decided_on": self.day(c.decided_at),
            "closed_on": self.day(c.closed_at),
            "state": v.CASE_STATES.words(c.state).on_paper.both,
            "respondent_zh": c.name_zh,
            "respondent_en": c.name_en,
            "credit_code": c.credit_code,
            "country": c.country,
            "delegation": c.delegation,
            "hall": c.hall,
            "booth": c.booth,
            "contact": c.contact,
            "phone": c.phone,
            "email": c.email,
            "complainant": c.complainant,
            "agent": c.agent or "",
            "right_type": _right_kinds(rights),
            "right_number": right_text,
            "right_holder": "; ".join(dict.fromkeys(h for _, _, h in rights if h)),
            "exhibit": "; ".join(exhibits),
            "outcome": _outcome(c.state, infringing),
            "trigger": v.TRIGGERS.words(c.trigger).both if c.trigger else "",
            **self._measure_cells(measures, events, infringing),
            "cases_this": cases_this,
            "infringing_this": infringing_this,
            "infringing_earlier": len(earlier_codes),
            "earlier_editions": ", ".join(earlier_codes),
            "bar_proposal": f"{YES} ({streak} 届连续 / in a row)" if bar else "",
            "referral_authority": authority,
            "referral_date": ref_day,
            "referral_status": ref_status,
            "credit_referral": f"{YES} ({self.day(credit_at)})" if credit_at else "",
            "screening": _screening(bar, infringing, c.state, right_text, exhibits, credit_at),
        }

    def _measure_cells(
        self,
        measures: list[tuple[str, datetime, str, str, datetime | None]],
        events: list[tuple[str, datetime, dict[str, Any]]],
        infringing: bool,
    ) -> dict[str, Any]:
        """The measures taken (none ordered for a case found infringing is said), their
        re-checks and the goods kept in custody."""
        rechecks = [(a, at, after) for a, at, after in events if a.startswith("case.recheck_")]
        escalations = [
            after.get("escalation", "") for a, _, after in events if a == "case.escalate"
        ]
        recheck_text = " → ".join(
            v.RECHECK_RESULTS.words(str(after.get("result") or "passed")).both
            for _, _, after in rechecks
        ) or next((v.RECHECK_RESULTS.words(m[2]).both for m in reversed(measures) if m[2]), "")
        redisplayed = any(
            str(after.get("result")) == RecheckResult.REDISPLAYED for _, _, after in rechecks
        ) or any(m[2] == RecheckResult.REDISPLAYED for m in measures)
        detained = [m for m in measures if m[0] == MeasureType.DETAIN]
        if detained:
            returned = [m[4] for m in detained if m[4] is not None]
            detained_text = (
                f"{YES} ({self.day(max(returned))})"
                if len(returned) == len(detained)
                else f"{NO} ({'; '.join(m[3] for m in detained if m[3])})".replace(" ()", "")
            )
        else:
            detained_text = ""
        measure_parts = [f"{v.MEASURES.words(m[0]).both} {self.day(m[1])}" for m in measures] + [
            v.ESCALATIONS.words(e).both for e in escalations if e
        ]
        return {
            "measures": "; ".join(measure_parts) or (NONE_ORDERED if infringing else ""),
            "recheck": recheck_text,
            "redisplayed": (YES if redisplayed else NO) if (rechecks or measures) else "",
            "detained_returned": detained_text,
        }

    def _referral(
        self, c: _CaseRow, events: list[tuple[str, datetime, dict[str, Any]]]
    ) -> tuple[str, date | None, str]:
        """Which authority has the case, since when, and how far the referral got."""
        refer_at = next((at for a, at, _ in events if a == "case.refer"), None)
        if c.state == CaseState.REFERRED:
            authority, ref_day = c.case_authority, self.day(refer_at or c.closed_at)
            ref_status = "已移交 / referred"
        elif c.complaint_state == ComplaintState.TRANSFERRED:
            authority, ref_day = c.complaint_authority, self.day(c.transferred_at)
            ref_status = "投诉已移交 / complaint transferred"
        elif c.state == CaseState.POST_FAIR:
            authority, ref_day = c.case_authority or c.complaint_authority, None
            ref_status = "展后追查中 / post-fair follow-up"
        elif c.state in CLEAN_ENDINGS:
            authority, ref_day, ref_status = "", None, "已结案 / closed"
        else:
            authority, ref_day = c.complaint_authority, None
            ref_status = "处理中 / in progress"
        return authority, ref_day, ref_status


def _credit_referral_at(events: list[tuple[str, datetime, dict[str, Any]]]) -> datetime | None:
    """When the case was escalated to the credit platform's list, if it was."""
    return next(
        (
            at
            for a, at, after in events
            if a == "case.escalate" and after.get("escalation") == EscalationAction.CREDIT_REFERRAL
        ),
        None,
    )


def _outcome(state: str, infringing: bool) -> str:
    """The case's outcome in the vocabulary's words, as the statistics count it (the list
    holds no case that ended cleanly, so no decision closes one here)."""
    return v.OUTCOMES[outcome_of(state, infringing, decided=False)].on_paper.both


def _screening(
    bar: bool,
    infringing: bool,
    state: str,
    rights: str,
    exhibits: list[str],
    credit_at: datetime | None,
) -> str:
    what = "; ".join(exhibits[:3])
    if bar:
        text = (
            "建议禁止参加下届展会（展会知识产权保护办法第三十五条） / propose to bar from "
            "the next edition (2006 Measures, Art. 35)"
        )
    elif infringing:
        text = "展前重点核查 / check before opening"
    elif state in (CaseState.REFERRED, CaseState.UNDETERMINED, CaseState.POST_FAIR):
        text = "核实追查结果后再核查 / check the follow-up outcome, then screen"
    else:
        text = "展前核查 / screen before opening"
    if rights:
        text += f": {rights}"
    if what:
        text += f" — {what}"
    if credit_at is not None:
        text += "; 已信用移送 / credit referral made"
    return text


# -- the generator ---------------------------------------------------------------------------


def iter_followup(
    ctx: Context, fair_code: str, *, include_contacts: bool = True, batch: int = 500
) -> Generator[FollowUpRow, None, None]:
    """The rows of the follow-up list in column order (see `followup_columns`), streamed."""
    ctx.require(Permission.EXPORT)
    cells = itemgetter(*(c.key for c in followup_columns(include_contacts)))
    with ctx.db.reading() as session:
        fair = fair_by_code(session, fair_code)
        earlier, history = earlier_history(session, fair)
        fmt = _Formatter(fair, earlier, history, _exhibitor_counts(session, fair))
        # Core rather than ORM execution: the columns come back as the same rows, without
        # the ORM's per-row processing (a fifth of the list's time at 10,000 rows).
        result = session.connection().execute(_query(fair).execution_options(yield_per=batch))
        try:
            lookups = _Lookups(session, fair, batch)
            try:
                for r in result:
                    yield cells(fmt.row(r, lookups.of(r[21], r[27])))
            finally:
                lookups.close()
        finally:
            result.close()


# -- exports ---------------------------------------------------------------------------------

FORMATS = ("xlsx", "csv", "pdf")
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ExportResult:
    path: Path
    format: str
    rows: int
    seconds: float
    include_contacts: bool


def format_of(path: Path, fmt: str | None = None) -> str:
    chosen = (fmt or Path(path).suffix.lstrip(".")).lower()
    if chosen not in FORMATS:
        raise InvalidInput(
            "Cannot export to '{name}': give a file ending in .xlsx, .csv or .pdf.",
            name=Path(path).name,
        )
    return chosen


def _pdf_columns(include_contacts: bool) -> list[Any]:
    from fairdesk.exports.pdf_table import PdfColumn

    keys = [c.key for c in followup_columns(include_contacts)]
    at = {k: i for i, k in enumerate(keys)}

    def text(*parts: str, sep: str = "\n") -> Callable[[Sequence[Any]], str]:
        return _joined(at, parts, sep)

    repeats = _repeats(at)

    respondent = ["respondent_zh", "respondent_en", "credit_code", "country", "delegation"]
    booth = ["hall", "booth"]
    contacts = ["contact", "phone", "email"] if include_contacts else []
    return [
        PdfColumn(
            "案件 / Case",
            11,
            text("case_number", "complaint_number", "received_at", "state"),
        ),
        PdfColumn(
            "日期 / Dates\n通知·处理·结案", 8, text("notified_on", "decided_on", "closed_on")
        ),
        PdfColumn("被投诉人 / Respondent", 17, text(*respondent)),
        PdfColumn("展位·联系 / Booth, contact", 11, text(*booth, *contacts, sep="\n")),
        PdfColumn("投诉人·代理人 / Complainant, agent", 12, text("complainant", "agent")),
        PdfColumn("权利 / Right", 13, text("right_type", "right_number", "right_holder")),
        PdfColumn("展品 / Exhibit", 11, text("exhibit")),
        PdfColumn("结果·情形 / Outcome, trigger", 12, text("outcome", "trigger")),
        PdfColumn(
            "措施·复查 / Measures, re-check",
            14,
            text("measures", "recheck", "redisplayed", "detained_returned"),
        ),
        PdfColumn("重复 / Repeats", 11, repeats),
        PdfColumn(
            "移交·信用 / Referral, credit",
            11,
            text(
                "referral_authority",
                "referral_date",
                "referral_status",
                "credit_referral",
            ),
        ),
        PdfColumn("展前排查 / Screening", 16, text("screening")),
    ]


def _joined(at: dict[str, int], parts: Sequence[str], sep: str) -> Callable[[Sequence[Any]], str]:
    """A PDF cell of several columns' values, the empty ones left out."""

    def render(row: Sequence[Any]) -> str:
        values = []
        for p in parts:
            if p not in at:
                continue
            v = row[at[p]]
            if v is None or v == "":
                continue
            if isinstance(v, datetime):
                v = v.strftime("%Y-%m-%d %H:%M")
            values.append(str(v))
        return sep.join(values)

    return render


def _repeats(at: dict[str, int]) -> Callable[[Sequence[Any]], str]:
    """The PDF cell of findings at this edition and earlier ones, and a proposed bar."""

    def repeats(row: Sequence[Any]) -> str:
        lines = [
            f"本届 / this: {row[at['cases_this']]} ({row[at['infringing_this']]} 侵权 / infr.)",
            f"往届 / earlier: {row[at['infringing_earlier']]} {row[at['earlier_editions']]}",
        ]
        if row[at["bar_proposal"]]:
            lines.append(f"禁展 / bar: {row[at['bar_proposal']]}")
        return "\n".join(lines)

    return repeats


def export_followup(
    ctx: Context,
    fair_code: str,
    path: Path,
    *,
    fmt: str | None = None,
    include_contacts: bool = True,
    progress: Progress | None = None,
) -> ExportResult:
    """Write the follow-up list to XLSX, CSV or PDF (by `fmt` or the file's ending).

    `progress(done, total)` is called as rows are written; raising from it (the app's
    Cancel button) stops the export and leaves no file behind.
    """
    ctx.require(Permission.EXPORT)
    chosen = format_of(path, fmt)
    path = Path(path)
    started = time.monotonic()
    with ctx.db.reading() as session:
        fair = fair_by_code(session, fair_code)
        total, title, note, stamp = _heading(ctx, session, fair)
    if progress is not None:
        progress(0, total)

    def rows_done(n: int) -> None:
        if progress is not None:
            progress(n, max(total, n))

    rows: Generator[FollowUpRow, None, None] = iter_followup(
        ctx, fair_code, include_contacts=include_contacts
    )
    try:
        count = _write(chosen, path, include_contacts, rows, rows_done, total, title, note, stamp)
    finally:
        rows.close()
    seconds = time.monotonic() - started
    _record_export(ctx, fair_code, path, chosen, count, include_contacts)
    return ExportResult(path, chosen, count, seconds, include_contacts)


def _write(
    chosen: str,
    path: Path,
    include_contacts: bool,
    rows: Iterator[FollowUpRow],
    rows_done: Callable[[int], None],
    total: int,
    title: str,
    note: str,
    stamp: str,
) -> int:
    """Write the rows in the chosen format; returns how many were written."""
    columns = followup_columns(include_contacts)
    if chosen == "xlsx":
        from fairdesk.exports.xlsx import write_xlsx

        return write_xlsx(
            path, columns, rows, sheet="展后追查 Follow-up", title=title, progress=rows_done
        )
    if chosen == "csv":
        from fairdesk.exports.csv_file import write_csv

        return write_csv(path, columns, rows, progress=rows_done)
    from fairdesk.exports.pdf_table import write_pdf_table

    subtitle = f"{total} 条 / rows" + (
        "" if include_contacts else " · 不含个人联系方式 / without personal contact data"
    )
    return write_pdf_table(
        path,
        _pdf_columns(include_contacts),
        rows,
        title=title,
        subtitle=f"{subtitle} · {note}",
        stamp=stamp,
        large=True,
        progress=rows_done,
    )


def _record_export(
    ctx: Context, fair_code: str, path: Path, chosen: str, count: int, include_contacts: bool
) -> None:
    """The audit trail keeps which list left the desk, in which form, with or without contacts."""
    with ctx.db.writing() as session:
        fair = fair_by_code(session, fair_code)
        audit.record(
            session,
            ctx,
            "followup.export",
            "fair",
            fair.id,
            fair_id=fair.id,
            after={
                "file": path.name,
                "format": chosen,
                "rows": count,
                "contacts": include_contacts,
            },
        )


def _right_numbers(rights: list[tuple[str, str, str]]) -> str:
    return "; ".join(right_names.right_number(t, n) for t, n, _ in rights)


def _right_kinds(rights: list[tuple[str, str, str]]) -> str:
    """The kinds as rights (注册商标专用权, 外观设计专利权), each once."""
    return "; ".join(dict.fromkeys(right_names.right_kind(t).both for t, _, _ in rights))
