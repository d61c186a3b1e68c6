"""The figures of an edition, beside those of the editions before it.

All counts are aggregate queries; processing times come from the audit trail's
timestamps. What each figure counts is written next to its field and in
docs/organizer.md, so a figure in the report can be checked by hand.
"""

from __future__ import annotations

import statistics as stats
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, distinct, func, select
from sqlalchemy.orm import Session

from fairdesk.db.models import (
    AccusedExhibit,
    AuditEvent,
    BoothVisit,
    ClockDue,
    Complaint,
    Consultation,
    Exhibitor,
    Fair,
    IPRight,
    Measure,
    Party,
    RespondentCase,
    complaint_rights,
    exhibit_rights,
)
from fairdesk.domain import vocabulary
from fairdesk.domain.enums import CaseState, Channel, ClockKind, ComplaintKind
from fairdesk.domain.outcomes import (
    ACCEPTED_COMPLAINTS,
    PENDING_COMPLAINTS,
    REJECTED_COMPLAINTS,
    UNCOUNTED_CASES_OF,
    outcome_of,
)
from fairdesk.domain.permissions import Permission
from fairdesk.domain.rules import RuleSet
from fairdesk.domain.workflow import rights_under_exhibits
from fairdesk.services.casework.transfer_time import materials_complete_times
from fairdesk.services.context import Context
from fairdesk.services.fair.fairs import fair_by_code
from fairdesk.services.fair.watchlist import series_fairs
from fairdesk.services.handoff import handoff_log

# Country names that mean the Chinese mainland.
DOMESTIC = frozenset(
    {"中国", "中国大陆", "中华人民共和国", "china", "cn", "prc", "people's republic of china"}
)
# Hong Kong, Macao and Taiwan are not foreign: Chinese statistics count them apart
# (涉港澳台) beside foreign (涉外), and together as 涉外及涉港澳台.
HK_MACAO_TAIWAN = frozenset(
    {
        "香港", "中国香港", "香港特别行政区", "中国香港特别行政区", "hong kong", "hk",
        "hong kong sar", "hong kong, china", "hongkong",
        "澳门", "中国澳门", "澳门特别行政区", "中国澳门特别行政区", "macao", "macau", "mo",
        "macao sar", "macao, china",
        "台湾", "中国台湾", "台湾地区", "中国台湾地区", "taiwan", "tw", "chinese taipei",
        "中华台北", "taiwan, china",
    }
)  # fmt: skip
UNKNOWN = "未填 / not given"
FOREIGN_LABEL = "涉外投诉 / foreign complaints"
HMT_LABEL = "涉港澳台投诉 / Hong Kong, Macao, Taiwan complaints"
FOREIGN_RELATED_LABEL = "涉外及涉港澳台 / foreign, Hong Kong, Macao, Taiwan (total)"
FOREIGN_RELATED_SHARE_LABEL = "涉外及涉港澳台占比 / share foreign, Hong Kong, Macao, Taiwan"

# (code, "中文 / English"), in the order reports list them; the words are the vocabulary's.
OUTCOMES: tuple[tuple[str, str], ...] = tuple((k, w.both) for k, w in vocabulary.OUTCOMES.items())
OUTCOME_LABELS = dict(OUTCOMES)

# (key, label, start events, end events, per complaint or case)
STAGES: tuple[tuple[str, str], ...] = tuple((k, w.both) for k, w in vocabulary.STAGES.items())
_END_ACTIONS = (
    "case.close",
    "case.close_unaccepted",
    "case.settle",
    "case.withdraw",
    "case.self_remedy",
    "case.refer",
    "case.move_post_fair",
)
_ACTIONS = (
    "complaint.register",
    "complaint.accept",
    "case.notify",
    "case.record_defence",
    "case.mark_defence_overdue",
    "case.decide_infringing",
    "case.decide_not_infringing",
    "case.decide_undetermined",
    "case.order_remedy",
    "case.recheck_passed",
    "case.recheck_failed",
    *_END_ACTIONS,
)


def is_hk_macao_taiwan(country: str) -> bool:
    return " ".join((country or "").split()).casefold() in HK_MACAO_TAIWAN


def is_foreign(country: str) -> bool:
    """Outside China: neither the mainland nor Hong Kong, Macao or Taiwan."""
    text = (country or "").strip()
    return bool(text) and text.casefold() not in DOMESTIC and not is_hk_macao_taiwan(text)


def rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True)
class StageTime:
    key: str
    label: str
    count: int
    median_hours: float | None
    max_hours: float | None


@dataclass(frozen=True)
class TransferCompliance:
    """Complaints to be transferred to the IP authority within the transfer period (24 h)."""

    due: int  # complaints with a transfer clock or a transfer
    on_time: int
    late: int
    pending: int  # clock still running, not yet due

    @property
    def rate(self) -> float | None:
        return rate(self.on_time, self.on_time + self.late)


@dataclass(frozen=True)
class EditionStatistics:
    fair_code: str
    fair_name: str
    start: str
    end: str
    exhibitors: int
    # IP complaints (commercial disputes are counted apart, below)
    complaints: int  # registered, in any state
    accepted: int  # accepted (transferred ones included)
    rejected: int  # not accepted (不予受理)
    complaints_pending: int  # draft or waiting for supplements
    respondent_cases: int  # one per respondent named in a complaint
    respondent_enterprises: int  # distinct exhibitors among them
    cases_of_accepted: int  # respondent cases of accepted complaints
    confirmed_cases: int  # found infringing
    confirmed_enterprises: int
    complaints_by_ip_type: dict[str, int]  # a complaint counts once per type of its rights
    confirmed_by_ip_type: dict[str, int]
    cases_by_hall: dict[str, int]
    cases_by_area: dict[str, int]
    cases_by_country: dict[str, int]  # the respondent's country or region
    country_names_en: dict[str, str]  # a country as recorded -> its English name
    foreign_complaints: int  # complainant or a respondent from a foreign country (涉外)
    hmt_complaints: int  # complainant or a respondent from Hong Kong, Macao, Taiwan (涉港澳台)
    foreign_related_complaints: int  # either of the two, each complaint once (涉外及涉港澳台)
    outcomes: dict[str, int]  # respondent cases by OUTCOMES key
    stage_times: tuple[StageTime, ...]
    transfer: TransferCompliance
    consultations: int
    consultations_by_topic: dict[str, int]
    consultations_by_nationality: dict[str, int]
    consultations_by_language: dict[str, int]
    patrol_rounds: int
    booth_visits: int
    findings: dict[str, int]
    patrol_complaints: int  # IP complaints opened from a patrol
    commercial_disputes: int
    commercial_by_type: dict[str, int]
    commercial_settled: int  # respondent cases of commercial disputes settled
    # Exhibits under each kind of measure (cover, take down, keep in custody, suspend, ...).
    measures_by_type: dict[str, int] = field(default_factory=dict)
    # Commercial disputes' cases by where they stand (mediating, settled, referred, closed).
    commercial_outcomes: dict[str, int] = field(default_factory=dict)
    # Cases referred, by kind of authority (IP office, market regulation, police, court...).
    referrals_by_kind: dict[str, int] = field(default_factory=dict)
    # Hand-offs that left FairDesk, by destination (police, credit platform, deposit...).
    handoffs_by_destination: dict[str, int] = field(default_factory=dict)
    # An exhibition area as recorded -> its English name (the exhibitor list's).
    area_names_en: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = field(default=())

    @property
    def confirmed_rate(self) -> float | None:
        """Found infringing / respondent cases of accepted complaints."""
        return rate(self.confirmed_cases, self.cases_of_accepted)

    @property
    def foreign_share(self) -> float | None:
        """涉外及涉港澳台 / all complaints."""
        return rate(self.foreign_related_complaints, self.complaints)

    @property
    def acceptance_rate(self) -> float | None:
        return rate(self.accepted, self.complaints)


@dataclass(frozen=True)
class StatisticsReport:
    current: EditionStatistics
    earlier: tuple[EditionStatistics, ...]  # oldest first
    generated_at: datetime
    timezone: str = "Asia/Shanghai"  # the fair's: the report's times are read there

    @property
    def editions(self) -> tuple[EditionStatistics, ...]:
        return (*self.earlier, self.current)


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _hours(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f} h"


def _breakdown(
    report: StatisticsReport, zh: str, en: str, attribute: str, words: vocabulary.Vocabulary
) -> list[tuple[str, list[str]]]:
    """One row per code that occurs in any edition, in the vocabulary's order."""
    counts = [getattr(e, attribute) for e in report.editions]
    seen = [code for code in words if any(c.get(code) for c in counts)]
    seen += sorted({k for c in counts for k in c if k not in words and c[k]})
    return [
        (
            f"{zh}：{words.words(code).zh} / {en}: {words.words(code).en}",
            [str(c.get(code, 0)) for c in counts],
        )
        for code in seen
    ]


def _region_rows(report: StatisticsReport) -> list[tuple[str, list[str]]]:
    """涉外, 涉港澳台 apart, their total (a complaint once) and its share."""
    return [
        (label, [str(fn(e)) for e in report.editions])
        for label, fn in (
            (FOREIGN_LABEL, lambda e: e.foreign_complaints),
            (HMT_LABEL, lambda e: e.hmt_complaints),
            (FOREIGN_RELATED_LABEL, lambda e: e.foreign_related_complaints),
            (FOREIGN_RELATED_SHARE_LABEL, lambda e: _pct(e.foreign_share)),
        )
    ]


def _transfer_text(e: EditionStatistics) -> str:
    """On time out of all due, the rest named: the figure the details print, the same
    denominator (a late or a pending transfer is not left out of it)."""
    t = e.transfer
    rest = f"（逾期 {t.late}，未到期 {t.pending} / {t.late} late, {t.pending} pending）"
    return f"{t.on_time}/{t.due}" + (rest if t.late or t.pending else "")


def summary_rows(report: StatisticsReport) -> list[tuple[str, list[str]]]:
    """The headline figures as (label, one text per edition, oldest first): the table of
    the report and of the dashboard."""

    def row(label: str, fn: Any) -> tuple[str, list[str]]:
        return label, [str(fn(e)) for e in report.editions]

    rows = [
        row("展商 / exhibitors", lambda e: e.exhibitors),
        row("投诉 / complaints", lambda e: e.complaints),
        row("受理 / accepted", lambda e: e.accepted),
        row("不予受理 / not accepted", lambda e: e.rejected),
        row("被投诉案件 / respondent cases", lambda e: e.respondent_cases),
        row("被投诉企业 / respondent enterprises", lambda e: e.respondent_enterprises),
        row("认定侵权 / confirmed", lambda e: e.confirmed_cases),
        row("侵权认定率 / confirmed rate", lambda e: _pct(e.confirmed_rate)),
        *_region_rows(report),
        row("24小时移交：按时/应移交 / transfers in 24 h: on time/due", _transfer_text),
        row("咨询 / consultations", lambda e: e.consultations),
        row("巡查 / patrol rounds", lambda e: e.patrol_rounds),
        row("巡查展位 / booths visited", lambda e: e.booth_visits),
        row("商事纠纷 / commercial disputes", lambda e: e.commercial_disputes),
    ]
    rows += _breakdown(report, "措施", "measure", "measures_by_type", vocabulary.MEASURES)
    rows += _breakdown(
        report, "商事纠纷", "commercial dispute", "commercial_outcomes", vocabulary.CASE_STATES
    )
    rows += _breakdown(
        report, "移交", "referred to", "referrals_by_kind", vocabulary.AUTHORITY_KINDS
    )
    rows += _breakdown(
        report,
        "移送/报送材料",
        "hand-offs sent to",
        "handoffs_by_destination",
        vocabulary.HANDOFF_DESTINATIONS,
    )
    for key, label in STAGES:
        rows.append(
            row(
                f"{label} (中位/median · 最长/max)",
                lambda e, k=key: next(
                    (
                        f"{_hours(s.median_hours)} · {_hours(s.max_hours)}"
                        for s in e.stage_times
                        if s.key == k
                    ),
                    "—",
                ),
            )
        )
    return rows


# -- computing ------------------------------------------------------------------------------


def _grouped(session: Session, stmt: Any) -> dict[str, int]:
    out: dict[str, int] = {}
    for key, n in session.execute(stmt):
        label = str(key) if key not in (None, "") else UNKNOWN
        out[label] = out.get(label, 0) + int(n)
    return dict(sorted(out.items(), key=lambda kv: (-kv[1], kv[0])))


_Times = dict[int, dict[str, datetime]]  # complaint or case -> action -> first time


def _audit_times(session: Session, fair: Fair) -> tuple[_Times, _Times, dict[int, int]]:
    """When each step first happened to each IP complaint and each of its cases, and which
    complaint each case belongs to."""
    complaint_at: dict[int, dict[str, datetime]] = defaultdict(dict)
    case_at: dict[int, dict[str, datetime]] = defaultdict(dict)
    case_complaint: dict[int, int] = {}
    result = session.execute(
        select(AuditEvent.complaint_id, AuditEvent.case_id, AuditEvent.action, AuditEvent.at)
        .join(Complaint, Complaint.id == AuditEvent.complaint_id)
        .where(
            AuditEvent.fair_id == fair.id,
            AuditEvent.action.in_(_ACTIONS),
            Complaint.kind == ComplaintKind.IP,
        )
        .order_by(AuditEvent.id)
        .execution_options(yield_per=5000)
    )
    for complaint_id, case_id, action, at in result:
        if case_id is None:
            if complaint_id is not None:
                complaint_at[complaint_id].setdefault(action, at)
        else:
            case_at[case_id].setdefault(action, at)
            if complaint_id is not None:
                case_complaint[case_id] = complaint_id
    return complaint_at, case_at, case_complaint


def _first(events: dict[str, datetime], actions: tuple[str, ...]) -> datetime | None:
    """The earliest of these actions, or None when none happened."""
    times = [events[a] for a in actions if a in events]
    return min(times) if times else None


def _stage_times(session: Session, fair: Fair) -> tuple[StageTime, ...]:
    """Hours between audit events of IP complaints and their cases (wall clock)."""
    complaint_at, case_at, case_complaint = _audit_times(session, fair)
    spans: dict[str, list[float]] = {k: [] for k, _ in STAGES}

    def add(key: str, a: datetime | None, b: datetime | None) -> None:
        if a is not None and b is not None and b >= a:
            spans[key].append((b - a).total_seconds() / 3600)

    for events in complaint_at.values():
        add("accept", events.get("complaint.register"), events.get("complaint.accept"))
    for case_id, events in case_at.items():
        complaint = complaint_at.get(case_complaint.get(case_id, -1), {})
        notified = events.get("case.notify")
        add("notify", complaint.get("complaint.accept"), notified)
        answered = _first(events, ("case.record_defence", "case.mark_defence_overdue"))
        add("defence", notified, answered)
        decided = _first(
            events,
            ("case.decide_infringing", "case.decide_not_infringing", "case.decide_undetermined"),
        )
        add("decide", notified, decided)
        add("remedy", events.get("case.decide_infringing"), events.get("case.order_remedy"))
        checked = _first(events, ("case.recheck_passed", "case.recheck_failed"))
        add("recheck", events.get("case.order_remedy"), checked)
        add("total", complaint.get("complaint.register"), _first(events, _END_ACTIONS))
    return tuple(
        StageTime(
            key,
            label,
            len(spans[key]),
            stats.median(spans[key]) if spans[key] else None,
            max(spans[key]) if spans[key] else None,
        )
        for key, label in STAGES
    )


def _transfer(session: Session, fair: Fair, now: datetime) -> TransferCompliance:
    hours = RuleSet.from_dict(fair.rules).transfer_hours
    rows = session.execute(
        select(Complaint.id, Complaint.accepted_at, Complaint.transferred_at, ClockDue.due_at)
        .outerjoin(
            ClockDue,
            and_(ClockDue.complaint_id == Complaint.id, ClockDue.kind == ClockKind.TRANSFER),
        )
        .where(
            Complaint.fair_id == fair.id,
            Complaint.kind == ComplaintKind.IP,
            (Complaint.transferred_at.is_not(None)) | (ClockDue.id.is_not(None)),
        )
    ).all()
    on_time = late = pending = 0
    # Transferred without a clock: 24 natural hours from the receipt of complete materials
    # (2006 Art 11), the moment the clock counts from; never from the acceptance click.
    complete = materials_complete_times(session, [r[0] for r in rows if r[3] is None])
    for complaint_id, accepted, transferred, due in rows:
        since = complete.get(complaint_id, accepted)
        if due is None and since is not None:
            due = since + timedelta(hours=hours)
        if transferred is not None:
            if due is None or transferred <= due:
                on_time += 1
            else:
                late += 1
        elif due is not None and now > due:
            late += 1
        else:
            pending += 1
    return TransferCompliance(len(rows), on_time, late, pending)


def _country_names_en(
    session: Session, fair: Fair, zh: Any = Exhibitor.country, en: Any = Exhibitor.country_en
) -> dict[str, str]:
    """The English name the fair's exhibitor list gives each country (the most common);
    or each area, given the area's columns."""
    rows = session.execute(
        select(zh, en, func.count())
        .where(Exhibitor.fair_id == fair.id, en != "")
        .group_by(zh, en)
        .order_by(func.count().desc(), en)
    )
    out: dict[str, str] = {}
    for country, english, _ in rows:
        out.setdefault(country or UNKNOWN, english)
    return out


def _outcomes(session: Session, fair: Fair) -> dict[str, int]:
    counts: Counter[str] = Counter()
    decided = RespondentCase.decided_at.is_not(None)
    rows = session.execute(
        select(RespondentCase.state, RespondentCase.decision_trigger, decided, func.count())
        .join(Complaint, Complaint.id == RespondentCase.complaint_id)
        .where(_cases_ip(fair))
        .group_by(RespondentCase.state, RespondentCase.decision_trigger, decided)
    ).all()
    for state, trigger, was_decided, n in rows:
        counts[outcome_of(state, bool(trigger), bool(was_decided))] += int(n)
    return {key: counts.get(key, 0) for key, _ in OUTCOMES}


def _regions(session: Session, ip: Any, cases_ip: Any) -> tuple[set[int], set[int]]:
    """The IP complaints with a party from a foreign country, and from Hong Kong, Macao or
    Taiwan: the complainant or any respondent. A complaint with parties from both counts
    in each."""
    foreign: set[int] = set()
    hmt: set[int] = set()
    complainants = session.execute(
        select(Complaint.id, Party.country)
        .join(Party, Party.id == Complaint.complainant_id)
        .where(ip)
    ).all()
    respondents = session.execute(
        select(Complaint.id, Exhibitor.country)
        .select_from(RespondentCase)
        .join(Complaint, Complaint.id == RespondentCase.complaint_id)
        .join(Exhibitor, Exhibitor.id == RespondentCase.exhibitor_id)
        .where(cases_ip)
        .distinct()
    ).all()
    for complaint_id, country in [*complainants, *respondents]:
        if is_foreign(country):
            foreign.add(complaint_id)
        elif is_hk_macao_taiwan(country):
            hmt.add(complaint_id)
    return foreign, hmt


def _confirmed_by_type(session: Session, confirmed: Any) -> dict[str, int]:
    """Cases found infringing, once per type of the rights the finding rests on: those its
    exhibits are accused under, not a claim the decision did not uphold (other_claims),
    nor a right refused at acceptance. Two plain scans, folded by the domain's rule."""
    relied: dict[int, dict[str, str]] = defaultdict(dict)  # case -> {number: type}
    for case_id, number, ip_type in session.execute(
        select(RespondentCase.id, IPRight.number, IPRight.ip_type)
        .select_from(RespondentCase)
        .join(Complaint, Complaint.id == RespondentCase.complaint_id)
        .join(complaint_rights, complaint_rights.c.complaint_id == Complaint.id)
        .join(IPRight, IPRight.id == complaint_rights.c.right_id)
        .where(confirmed, complaint_rights.c.refused_reason == "")
    ):
        relied[case_id][number] = ip_type
    exhibits: dict[int, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for case_id, exhibit_id, number in session.execute(
        select(AccusedExhibit.case_id, AccusedExhibit.id, IPRight.number)
        .select_from(AccusedExhibit)
        .join(RespondentCase, RespondentCase.id == AccusedExhibit.case_id)
        .join(Complaint, Complaint.id == RespondentCase.complaint_id)
        .outerjoin(exhibit_rights, exhibit_rights.c.exhibit_id == AccusedExhibit.id)
        .outerjoin(IPRight, IPRight.id == exhibit_rights.c.right_id)
        .where(confirmed)
    ):
        linked = exhibits[case_id][exhibit_id]
        if number is not None:
            linked.append(number)
    counts: Counter[str] = Counter()
    for case_id, rights in relied.items():
        found = rights_under_exhibits(list(rights), list(exhibits[case_id].values()))
        counts.update({rights[n] or UNKNOWN for n in found})
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _cases_ip(fair: Fair) -> Any:
    """The IP respondent cases the figures count: the domain's rule, the follow-up list's."""
    return and_(
        RespondentCase.fair_id == fair.id,
        Complaint.kind == ComplaintKind.IP,
        Complaint.state.not_in([str(s) for s in UNCOUNTED_CASES_OF]),
    )


def _count(session: Session, stmt: Any) -> int:
    return int(session.scalar(stmt) or 0)


def _ip_complaint_figures(session: Session, fair: Fair) -> dict[str, Any]:
    """IP complaints by state, and their respondent cases and enterprises."""
    ip = and_(Complaint.fair_id == fair.id, Complaint.kind == ComplaintKind.IP)
    named = and_(RespondentCase.fair_id == fair.id, Complaint.kind == ComplaintKind.IP)
    cases_ip = _cases_ip(fair)
    confirmed = and_(cases_ip, RespondentCase.decision_trigger != "")
    count = func.count()
    by_state = dict(
        session.execute(select(Complaint.state, count).where(ip).group_by(Complaint.state)).all()
    )
    cases = select(count).select_from(RespondentCase).join(Complaint)
    enterprises = (
        select(func.count(func.distinct(RespondentCase.exhibitor_id)))
        .select_from(RespondentCase)
        .join(Complaint)
    )
    foreign, hmt = _regions(session, ip, named)  # a complaint's parties, accepted or not
    return dict(
        complaints=sum(by_state.values()),
        accepted=sum(by_state.get(s, 0) for s in ACCEPTED_COMPLAINTS),
        rejected=sum(by_state.get(s, 0) for s in REJECTED_COMPLAINTS),
        complaints_pending=sum(by_state.get(s, 0) for s in PENDING_COMPLAINTS),
        respondent_cases=_count(session, cases.where(cases_ip)),
        respondent_enterprises=_count(session, enterprises.where(cases_ip)),
        cases_of_accepted=_count(
            session, cases.where(cases_ip, Complaint.state.in_(ACCEPTED_COMPLAINTS))
        ),
        confirmed_cases=_count(session, cases.where(confirmed)),
        confirmed_enterprises=_count(session, enterprises.where(confirmed)),
        complaints_by_ip_type=_grouped(
            session,
            select(IPRight.ip_type, func.count(func.distinct(Complaint.id)))
            .select_from(Complaint)
            .join(complaint_rights, complaint_rights.c.complaint_id == Complaint.id)
            .join(IPRight, IPRight.id == complaint_rights.c.right_id)
            .where(ip)
            .group_by(IPRight.ip_type),
        ),
        confirmed_by_ip_type=_confirmed_by_type(session, confirmed),
        foreign_complaints=len(foreign),
        hmt_complaints=len(hmt),
        foreign_related_complaints=len(foreign | hmt),
        patrol_complaints=_count(
            session,
            select(count).select_from(Complaint).where(ip, Complaint.channel == Channel.PATROL),
        ),
    )


def _ip_case_places(session: Session, fair: Fair) -> dict[str, Any]:
    """Where the respondents of IP complaints stand: hall, area, country."""
    cases_ip = _cases_ip(fair)
    count = func.count()
    cases = select(RespondentCase.hall, count).select_from(RespondentCase).join(Complaint)
    of_exhibitors = cases.join(Exhibitor, Exhibitor.id == RespondentCase.exhibitor_id)
    return dict(
        cases_by_hall=_grouped(session, cases.where(cases_ip).group_by(RespondentCase.hall)),
        cases_by_area=_grouped(
            session,
            of_exhibitors.with_only_columns(Exhibitor.area, count)
            .where(cases_ip)
            .group_by(Exhibitor.area),
        ),
        cases_by_country=_grouped(
            session,
            of_exhibitors.with_only_columns(Exhibitor.country, count)
            .where(cases_ip)
            .group_by(Exhibitor.country),
        ),
        country_names_en=_country_names_en(session, fair),
        area_names_en=_country_names_en(session, fair, Exhibitor.area, Exhibitor.area_en),
    )


def _ip_case_results(session: Session, fair: Fair) -> dict[str, Any]:
    """What became of the respondent cases: outcomes, measures, referrals, hand-offs."""
    cases_ip = _cases_ip(fair)
    return dict(
        outcomes=_outcomes(session, fair),
        measures_by_type=_grouped(
            session,
            select(Measure.measure_type, func.count(func.distinct(Measure.case_id)))
            .join(RespondentCase, RespondentCase.id == Measure.case_id)
            .join(Complaint, Complaint.id == RespondentCase.complaint_id)
            .where(cases_ip)
            .group_by(Measure.measure_type),
        ),
        referrals_by_kind=_grouped(
            session,
            select(RespondentCase.referral_kind, func.count())
            .where(RespondentCase.fair_id == fair.id, RespondentCase.referral_kind != "")
            .group_by(RespondentCase.referral_kind),
        ),
        handoffs_by_destination=handoff_log.counts_by_destination(session, fair.id),
    )


def _consultation_figures(session: Session, fair: Fair) -> dict[str, Any]:
    consult = Consultation.fair_id == fair.id
    count = func.count()

    def by(column: Any) -> dict[str, int]:
        return _grouped(session, select(column, count).where(consult).group_by(column))

    return dict(
        consultations=_count(session, select(count).select_from(Consultation).where(consult)),
        consultations_by_topic=by(Consultation.topic),
        consultations_by_nationality=by(Consultation.nationality),
        consultations_by_language=by(Consultation.language),
    )


def _patrol_figures(session: Session, fair: Fair) -> dict[str, Any]:
    visits = BoothVisit.fair_id == fair.id
    count = func.count()
    return dict(
        # A round counts once it visited a booth: one opened and left (a booth typed in
        # another hall starts a round there) patrolled nothing.
        patrol_rounds=_count(
            session, select(func.count(distinct(BoothVisit.round_id))).where(visits)
        ),
        booth_visits=_count(
            session, select(func.count(distinct(BoothVisit.booth_no))).where(visits)
        ),
        findings=_grouped(
            session, select(BoothVisit.finding, count).where(visits).group_by(BoothVisit.finding)
        ),
    )


def _commercial_figures(session: Session, fair: Fair) -> dict[str, Any]:
    commercial = and_(Complaint.fair_id == fair.id, Complaint.kind == ComplaintKind.COMMERCIAL)
    cases_commercial = and_(
        RespondentCase.fair_id == fair.id, Complaint.kind == ComplaintKind.COMMERCIAL
    )
    count = func.count()
    cases = select(count).select_from(RespondentCase).join(Complaint)
    return dict(
        commercial_disputes=_count(session, select(count).select_from(Complaint).where(commercial)),
        commercial_by_type=_grouped(
            session,
            select(Complaint.dispute_type, count)
            .where(commercial)
            .group_by(Complaint.dispute_type),
        ),
        commercial_settled=_count(
            session, cases.where(cases_commercial, RespondentCase.state == CaseState.SETTLED)
        ),
        commercial_outcomes=_grouped(
            session,
            cases.with_only_columns(RespondentCase.state, count)
            .where(cases_commercial)
            .group_by(RespondentCase.state),
        ),
    )


def _edition(session: Session, fair: Fair, now: datetime) -> EditionStatistics:
    return EditionStatistics(
        fair_code=fair.code,
        fair_name=fair.name,
        start=fair.start_date.isoformat(),
        end=fair.end_date.isoformat(),
        exhibitors=_count(
            session, select(func.count()).select_from(Exhibitor).where(Exhibitor.fair_id == fair.id)
        ),
        stage_times=_stage_times(session, fair),
        transfer=_transfer(session, fair, now),
        **_ip_complaint_figures(session, fair),
        **_ip_case_places(session, fair),
        **_ip_case_results(session, fair),
        **_consultation_figures(session, fair),
        **_patrol_figures(session, fair),
        **_commercial_figures(session, fair),
    )


def fair_statistics(ctx: Context, fair_code: str, *, earlier: int = 4) -> StatisticsReport:
    """The edition's figures and those of up to `earlier` editions before it."""
    ctx.require(Permission.VIEW)
    now = ctx.now()
    with ctx.db.reading() as session:
        fair = fair_by_code(session, fair_code)
        before = [
            f
            for f in series_fairs(session, fair)
            if f.start_date < fair.start_date and f.id != fair.id
        ]
        before = before[-earlier:] if earlier > 0 else []
        return StatisticsReport(
            current=_edition(session, fair, now),
            earlier=tuple(_edition(session, f, now) for f in before),
            generated_at=now,
            timezone=fair.timezone,
        )
