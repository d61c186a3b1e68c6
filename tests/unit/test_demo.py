"""The demo generator: coverage of the workflow, plausible times, repeat offenders,
determinism, refusals, and the `fairdesk demo` command."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from fairdesk.app_context import SYSTEM
from fairdesk.cli import main
from fairdesk.db import migrate
from fairdesk.db.engine import Database
from fairdesk.db.models import (
    AuditEvent,
    Complaint,
    Exhibitor,
    Fair,
    IPRight,
    Measure,
    RespondentCase,
    complaint_rights,
)
from fairdesk.domain.acceptance import acceptance_problems
from fairdesk.domain.enums import (
    TERMINAL_CASE_STATES,
    CaseState,
    ComplaintState,
    IPType,
    RejectReason,
    Role,
)
from fairdesk.domain.errors import InvalidInput, PermissionDenied
from fairdesk.services.casework.cases import CaseFilter, counts_by_state, list_cases
from fairdesk.services.casework.steps import acceptance_facts
from fairdesk.services.checks.audit_verify import verify_chain
from fairdesk.services.context import Context
from fairdesk.services.demo.demo import DemoOptions, create_demo, demo_fair_codes
from fairdesk.services.trust import users

SH = ZoneInfo("Asia/Shanghai")
SMALL = DemoOptions(complaints=40, editions=2, exhibitors=200, seed=8)
REACHABLE_LIVE = [s for s in CaseState if s is not CaseState.POST_FAIR]


def _admin(path: Path, now: Callable[[], datetime] | None = None) -> Context:
    db = Database(f"sqlite:///{path}/t.sqlite3")
    migrate.upgrade(db)
    actor = users.ensure_user(Context(db, SYSTEM), "admin", Role.ADMIN).actor
    return Context(db, actor) if now is None else Context(db, actor, now)


class _Collect(logging.Handler):
    """The demo's warnings, read with its progress."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.texts: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.texts.append(record.getMessage())


@dataclass
class Demo:
    ctx: Context
    lines: list[str]
    progress: list[str]
    live: str
    past: str
    started: datetime


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    """One small demo shared by the read-only tests of this module."""
    ctx = _admin(tmp_path_factory.mktemp("demo"))
    started = datetime.now(UTC)
    progress: list[str] = []
    warned = _Collect()
    logger = logging.getLogger("fairdesk.services.demo.demo")
    logger.addHandler(warned)
    try:
        lines = create_demo(ctx, SMALL, progress=progress.append)
    finally:
        logger.removeHandler(warned)
    past, live = demo_fair_codes(started.astimezone(SH).date(), 2)
    yield Demo(ctx, lines, progress + warned.texts, live, past, started)
    ctx.db.dispose()


def _numbers_and_states(ctx: Context) -> list[tuple[str, str, str]]:
    with ctx.db.reading() as session:
        rows = session.execute(
            select(RespondentCase.number, RespondentCase.state, Exhibitor.credit_code)
            .join(Exhibitor, Exhibitor.id == RespondentCase.exhibitor_id)
            .order_by(RespondentCase.number)
        ).all()
    return [tuple(r) for r in rows]


# -- coverage ----------------------------------------------------------------------------


def test_live_edition_shows_every_state_reachable_before_the_close(demo: Demo) -> None:
    counts = counts_by_state(demo.ctx, demo.live)
    missing = [s.value for s in REACHABLE_LIVE if not counts.get(s)]
    assert not missing, f"states missing from the live edition: {missing}"
    assert not counts.get(CaseState.POST_FAIR)
    rows = list_cases(demo.ctx, CaseFilter(fair_code=demo.live))
    assert len(rows) == sum(counts.values())
    assert 1.1 <= len(rows) / 40 <= 1.8  # about 1.4 respondents per complaint


def test_live_edition_shows_every_complaint_state(demo: Demo) -> None:
    with demo.ctx.db.reading() as session:
        fair = session.scalar(select(Fair).where(Fair.code == demo.live))
        assert fair is not None
        states = dict(
            session.execute(
                select(Complaint.state, func.count())
                .where(Complaint.fair_id == fair.id)
                .group_by(Complaint.state)
            ).all()
        )
        rejected_case_states = set(
            session.scalars(
                select(RespondentCase.state)
                .join(Complaint, Complaint.id == RespondentCase.complaint_id)
                .where(Complaint.fair_id == fair.id, Complaint.state == ComplaintState.REJECTED)
            )
        )
    assert sum(states.values()) == 40
    assert set(states) == {s.value for s in ComplaintState}
    assert rejected_case_states == {CaseState.CLOSED}


def test_earlier_edition_ends_closed_or_in_post_fair_follow_up(demo: Demo) -> None:
    counts = counts_by_state(demo.ctx, demo.past)
    assert counts.get(CaseState.POST_FAIR), counts
    assert set(counts) <= {s.value for s in TERMINAL_CASE_STATES}
    with demo.ctx.db.reading() as session:
        n = session.scalar(
            select(func.count())
            .select_from(Complaint)
            .join(Fair, Fair.id == Complaint.fair_id)
            .where(Fair.code == demo.past)
        )
    assert n == 24  # about 60% of the live edition


def test_rights_of_every_type_and_agents_with_power_of_attorney(demo: Demo) -> None:
    with demo.ctx.db.reading() as session:
        types = set(session.scalars(select(IPRight.ip_type).distinct()))
        jurisdictions = set(session.scalars(select(IPRight.jurisdiction).distinct()))
        with_agent = session.scalar(
            select(func.count())
            .select_from(Complaint)
            .where(Complaint.agent_id.is_not(None), Complaint.power_of_attorney.is_(True))
        )
        patents = session.scalars(
            select(IPRight.number).where(
                IPRight.ip_type == IPType.INVENTION_PATENT, IPRight.jurisdiction == "CN"
            )
        ).all()
    assert types == {t.value for t in IPType}
    assert "CN" in jurisdictions and len(jurisdictions) > 1  # foreign rights get rejected
    assert with_agent
    assert patents and all(n.startswith("ZL") and len(n) == 16 and n[-2] == "." for n in patents)


# -- time ----------------------------------------------------------------------------------


def test_no_event_is_in_the_future_and_steps_fall_in_opening_hours(demo: Demo) -> None:
    with demo.ctx.db.reading() as session:
        fairs = {f.id: f for f in session.scalars(select(Fair))}
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.fair_id.is_not(None)).order_by(AuditEvent.id)
        ).all()
    assert events
    assert max(e.at for e in events) <= demo.started
    for event in events:
        fair = fairs[event.fair_id]
        if not event.action.startswith(("case.", "complaint.")):
            continue
        local = event.at.astimezone(SH)
        if event.action == "case.move_post_fair":
            assert local.date() == fair.end_date and local.time() >= fair.closing_time
            continue
        if event.action == "case.return_detained":  # on the closing day, or at the hand-over
            assert local.date() >= fair.end_date, (event.action, local)
            continue
        assert fair.start_date <= local.date() <= fair.end_date, event.action
        assert fair.opening_time <= local.time() < fair.closing_time, (event.action, local)
    # The cases' trail reads as a history (the floor's patrols and consultations of the
    # past days are added after the cases, each in its own order).
    ats = [e.at for e in events if e.action.startswith(("case.", "complaint."))]
    assert ats == sorted(ats)


def test_deadlines_due_soon_and_overdue_are_listed(demo: Demo) -> None:
    # Notices are given in opening hours, so at night the nearest is due next morning.
    soon = list_cases(demo.ctx, CaseFilter(fair_code=demo.live, due_within_hours=24))
    overdue = list_cases(demo.ctx, CaseFilter(fair_code=demo.live, overdue=True))
    assert any(r.state == CaseState.NOTIFIED for r in soon)
    assert any(r.state == CaseState.NOTIFIED for r in overdue)
    now = datetime.now(UTC)
    assert all(r.next_due is not None and r.next_due >= now for r in soon)
    assert all(r.next_due is not None and r.next_due < now for r in overdue)
    assert any(s.startswith("  deadlines now:") and "due within 24 h" in s for s in demo.lines)


def test_every_notified_case_records_its_time_of_service(demo: Demo) -> None:
    """The defence period runs from the time of service (CNIPA 2022 Art 14 (1)): a
    notified IP case of the demo has one, never before its notice was issued."""
    with demo.ctx.db.reading() as session:
        rows = session.execute(
            select(RespondentCase.notified_at, RespondentCase.served_at).where(
                RespondentCase.notified_at.is_not(None)
            )
        ).all()
    assert rows
    assert all(served is not None for _, served in rows)
    assert all(served <= notified for notified, served in rows)


def test_live_edition_is_open_around_the_real_date(demo: Demo) -> None:
    with demo.ctx.db.reading() as session:
        fair = session.scalar(select(Fair).where(Fair.code == demo.live))
        past = session.scalar(select(Fair).where(Fair.code == demo.past))
    assert fair is not None and past is not None
    today = demo.started.astimezone(SH).date()
    assert (today - fair.start_date).days == 2 and (fair.end_date - today).days == 3
    assert (fair.opening_time, fair.closing_time) == (time(9), time(18))
    assert fair.rules["code"] == "cnipa-24h"
    assert past.start_date.month == 11 and past.start_date.year == fair.start_date.year - 1
    assert past.rules["code"] != "cnipa-24h"
    assert "演示" in fair.name and "(demo)" in fair.name_en


# -- exhibitors and repeat offenders ------------------------------------------------------------


def test_repeat_offenders_keep_their_credit_code_across_editions(demo: Demo) -> None:
    with demo.ctx.db.reading() as session:
        fair_ids = list(session.scalars(select(Fair.id)))
        per_code = session.execute(
            select(Exhibitor.credit_code, func.count(func.distinct(Exhibitor.fair_id))).group_by(
                Exhibitor.credit_code
            )
        ).all()
        infringing_twice = session.scalars(
            select(Exhibitor.credit_code)
            .join(RespondentCase, RespondentCase.exhibitor_id == Exhibitor.id)
            .where(RespondentCase.decision_trigger != "")
            .group_by(Exhibitor.credit_code)
            .having(func.count(func.distinct(Exhibitor.fair_id)) == len(fair_ids))
        ).all()
        renamed = session.scalars(
            select(Exhibitor.credit_code)
            .group_by(Exhibitor.credit_code)
            .having(func.count(func.distinct(Exhibitor.name_en)) > 1)
        ).all()
        sizes = session.execute(
            select(Exhibitor.fair_id, func.count()).group_by(Exhibitor.fair_id)
        ).all()
        chinese = session.scalars(
            select(Exhibitor.credit_code).where(Exhibitor.country == "中国")
        ).all()
        emails = session.scalars(select(Exhibitor.email)).all()
    assert all(code for code, _ in per_code)  # every exhibitor has a code
    assert sum(1 for _, n in per_code if n == len(fair_ids)) >= 40
    assert len(infringing_twice) >= 2
    assert len(renamed) == 1
    assert {n for _, n in sizes} == {200}
    assert chinese and all(len(c) == 18 and c.startswith("91") for c in chinese)
    assert all(e.endswith(".example") for e in emails)
    line = next(s for s in demo.lines if s.startswith("repeat offenders"))
    assert "40 at every edition" in line


# -- trail, summary, determinism -----------------------------------------------------------


def test_audit_chain_verifies_after_the_demo(demo: Demo) -> None:
    report = verify_chain(demo.ctx)
    assert report.ok, report.problem
    assert report.checked > 500


def test_summary_and_progress(demo: Demo) -> None:
    head = next(s for s in demo.lines if s.startswith(f"{demo.live} (live)"))
    assert head.startswith(f"{demo.live} (live): 200 exhibitors, 40 complaints, ")
    assert head.endswith(" respondent cases")
    assert any(s.startswith(f"{demo.past} (closed") for s in demo.lines)
    assert any("cases: " in s and "Settled " in s for s in demo.lines)  # words, not codes
    assert any(s.startswith("demo users:") and "desk1" in s for s in demo.lines)
    assert any(p.startswith(f"{demo.live}:") for p in demo.progress)
    assert any(p.endswith("steps taken") for p in demo.progress)
    # The long walk through the steps says it moves, not only when it ends.
    assert any(p == f"{demo.live}: 100 steps taken so far…" for p in demo.progress)
    assert not [p for p in demo.progress if "short of their planned state" in p]  # none stuck
    assert not [p for p in demo.progress if "stor" in p]  # the user reads no jargon
    for name, role in [
        ("desk1", Role.DESK),
        ("desk2", Role.DESK),
        ("inspector1", Role.INSPECTOR),
        ("organizer1", Role.ORGANIZER),
    ]:
        assert users.get_user(demo.ctx, name).role is role


def test_same_seed_gives_the_same_cases(demo: Demo, tmp_path: Path) -> None:
    # The demo places its stories around the moment it is made (a fair day's opening,
    # deadlines): the second one is made at the first one's moment.
    again = _admin(tmp_path, now=lambda: demo.started)
    try:
        create_demo(again, SMALL)
        assert _numbers_and_states(again) == _numbers_and_states(demo.ctx)
    finally:
        again.db.dispose()


def test_another_seed_gives_other_cases(tmp_path: Path) -> None:
    a, b = _admin(tmp_path / "a"), _admin(tmp_path / "b")
    try:
        create_demo(a, DemoOptions(complaints=8, editions=1, exhibitors=30, seed=1))
        create_demo(b, DemoOptions(complaints=8, editions=1, exhibitors=30, seed=2))
        assert _numbers_and_states(a) != _numbers_and_states(b)
    finally:
        a.db.dispose()
        b.db.dispose()


# -- refusals --------------------------------------------------------------------------------


def test_refuses_when_a_demo_fair_exists(demo: Demo) -> None:
    before = _numbers_and_states(demo.ctx)
    with pytest.raises(InvalidInput, match=r"already exist.*never overwrites"):
        create_demo(demo.ctx, SMALL)
    assert _numbers_and_states(demo.ctx) == before


def test_non_admin_is_refused(tmp_path: Path) -> None:
    admin = _admin(tmp_path)
    try:
        desk = admin.as_actor(users.ensure_user(admin, "someone", Role.DESK).actor)
        with pytest.raises(PermissionDenied):
            create_demo(desk, DemoOptions(complaints=2, editions=1, exhibitors=10))
        with admin.db.reading() as session:
            assert session.scalar(select(func.count()).select_from(Fair)) == 0
    finally:
        admin.db.dispose()


def test_bad_sizes_are_refused(tmp_path: Path) -> None:
    admin = _admin(tmp_path)
    try:
        for bad in (DemoOptions(complaints=-1), DemoOptions(editions=0), DemoOptions(exhibitors=5)):
            with pytest.raises(InvalidInput):
                create_demo(admin, bad)
    finally:
        admin.db.dispose()


# -- adding cases to an existing fair -----------------------------------------------------------


def test_adds_cases_to_an_existing_fair(tmp_path: Path) -> None:
    admin = _admin(tmp_path)
    try:
        create_demo(admin, DemoOptions(complaints=6, editions=2, exhibitors=40, seed=3))
        past, live = demo_fair_codes(datetime.now(UTC).astimezone(SH).date(), 2)
        before = {c: sum(counts_by_state(admin, c).values()) for c in (past, live)}
        lines = create_demo(admin, DemoOptions(fair_code=past, complaints=5, seed=4))
        assert lines[0] == f"{past}: added 5 demo complaints"
        after_past = counts_by_state(admin, past)
        assert sum(after_past.values()) > before[past]
        assert set(after_past) <= {s.value for s in TERMINAL_CASE_STATES}
        create_demo(admin, DemoOptions(fair_code=live, complaints=5, seed=5))
        assert sum(counts_by_state(admin, live).values()) > before[live]
        assert verify_chain(admin).ok
        with pytest.raises(InvalidInput, match="never overwrites"):
            create_demo(admin, DemoOptions(complaints=1, editions=1, exhibitors=10))
    finally:
        admin.db.dispose()


# -- the command -----------------------------------------------------------------------------


def test_cli_demo_then_cases_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ["--data-dir", str(tmp_path)]
    code = main([*base, "demo", "--complaints", "30", "--editions", "2", "--exhibitors", "100"])
    out, err = capsys.readouterr()
    assert code == 0, err
    live = demo_fair_codes(datetime.now(UTC).astimezone(SH).date(), 2)[-1]
    assert f"{live} (live): 100 exhibitors, 30 complaints" in out
    assert f"{live}: " in err  # progress goes to stderr

    assert main([*base, "cases", "--fair", live, "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and {"case", "state", "booth", "exhibitor", "complainant"} <= set(rows[0])
    assert all(r["case"].startswith(f"{live}-") for r in rows)
    assert {r["state"] for r in rows} >= {s.value for s in REACHABLE_LIVE}

    assert main([*base, "cases", "--fair", live, "--overdue", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)

    assert main([*base, "demo", "--complaints", "1", "--editions", "1"]) == 1
    assert "never overwrites" in capsys.readouterr().err


# -- the workflow walked --------------------------------------------------------------------


def test_accepted_complaints_meet_the_acceptance_rule(demo: Demo) -> None:
    with demo.ctx.db.reading() as session:
        accepted = session.scalars(
            select(Complaint).where(
                Complaint.state.in_([ComplaintState.ACCEPTED, ComplaintState.TRANSFERRED])
            )
        ).all()
        assert accepted
        for complaint in accepted:
            on = complaint.accepted_at.astimezone(SH).date()
            problems = acceptance_problems(acceptance_facts(complaint), on)
            assert not problems, (complaint.number, [str(p.refusal) for p in problems])
            assert complaint.kind == "commercial" or complaint.materials


def test_a_supplement_round_ends_in_acceptance(demo: Demo) -> None:
    """Missing materials are asked for, recorded when they arrive, then the complaint is
    accepted: the walker found its way through the refusal."""
    with demo.ctx.db.reading() as session:
        rows = session.execute(
            select(AuditEvent.complaint_id, AuditEvent.action)
            .where(AuditEvent.entity_type == "complaint")
            .order_by(AuditEvent.id)
        ).all()
    trail: dict[int, list[str]] = {}
    for complaint_id, action in rows:
        trail.setdefault(complaint_id, []).append(action)
    rounds = [
        t
        for t in trail.values()
        if "complaint.request_supplement" in t
        and "complaint.record_received" in t
        and t[-1] == "complaint.accept"
    ]
    assert rounds
    assert any(t[-1] == "complaint.request_supplement" for t in trail.values())  # pending


# -- the floor -------------------------------------------------------------------------------


def test_the_live_fair_has_a_morning_of_patrols_in_every_hall(demo: Demo) -> None:
    from fairdesk.db.models import Booth, BoothVisit, PatrolRound

    with demo.ctx.db.reading() as session:
        fair = session.scalars(select(Fair).where(Fair.code == demo.live)).one()
        halls = set(session.scalars(select(Booth.hall).where(Booth.fair_id == fair.id)))
        rounds = session.scalars(select(PatrolRound).where(PatrolRound.fair_id == fair.id)).all()
        visits = session.scalars(
            select(BoothVisit).join(PatrolRound).where(PatrolRound.fair_id == fair.id)
        ).all()
        assert {r.hall for r in rounds} == halls and len(rounds) == len(halls)
        assert all(r.ended_at is not None for r in rounds)
        assert all(r.started_at.astimezone(SH).time() >= fair.opening_time for r in rounds)
        findings = {v.finding for v in visits}
        assert {"nothing", "suspected_infringement", "measure_verified"} <= findings, findings
        assert max(v.visited_at for v in visits) <= demo.started
    line = next(x for x in demo.lines if "patrol rounds this morning" in x)
    assert "photos" in line and "consultations" in line


def test_the_dashboard_counts_the_floor(demo: Demo) -> None:
    from fairdesk.services.organizer.consultations import consultation_counts
    from fairdesk.services.organizer.statistics import fair_statistics

    counts = consultation_counts(demo.ctx, demo.live)
    assert sum(counts.values()) >= 9 and len(counts) >= 3
    stats = fair_statistics(demo.ctx, demo.live).current
    assert stats.patrol_rounds > 0 and stats.booth_visits > stats.patrol_rounds


def test_only_who_may_create_the_demo_fills_its_floor(tmp_path: Path) -> None:
    from fairdesk.services.demo.demo_floor import living_floor

    admin = _admin(tmp_path)
    try:
        desk = Context(admin.db, users.add_user(admin, "desk9", Role.DESK, "desk9-pass-123").actor)
        with pytest.raises(PermissionDenied):
            living_floor(desk, "DEMO2026", datetime.now(UTC))
    finally:
        admin.db.dispose()


# -- the law as the desk applies it --------------------------------------------------------


def test_a_foreign_copyright_is_accepted_and_no_copyright_rejected_as_foreign(demo: Demo) -> None:
    with demo.ctx.db.reading() as session:
        rows = session.execute(
            select(
                IPRight.ip_type,
                IPRight.jurisdiction,
                IPRight.basis,
                Complaint.state,
                Complaint.reject_reason,
            )
            .join(complaint_rights, complaint_rights.c.right_id == IPRight.id)
            .join(Complaint, Complaint.id == complaint_rights.c.complaint_id)
            .where(IPRight.jurisdiction != "CN")
        ).all()
    accepted = {ComplaintState.ACCEPTED, ComplaintState.TRANSFERRED}
    assert any(
        t == IPType.COPYRIGHT and basis == "authorship" and state in accepted
        for t, _, basis, state, _reason in rows
    )
    # Rejected for another reason it may be; as not protected in China, never (Berne).
    foreign = RejectReason.RIGHT_NOT_VALID_IN_CHINA
    assert not [r for r in rows if r[0] == IPType.COPYRIGHT and r[4] == foreign]


def test_a_decision_is_taken_at_once_on_an_admission(demo: Demo) -> None:
    with demo.ctx.db.reading() as session:
        at_once = session.scalars(
            select(AuditEvent.case_id).where(AuditEvent.action == "case.decide_at_once")
        ).all()
        triggers = {
            session.get_one(RespondentCase, case_id).decision_trigger for case_id in at_once
        }
    assert at_once and "admission" in triggers


def test_a_commercial_dispute_is_mediated_and_settled(demo: Demo) -> None:
    with demo.ctx.db.reading() as session:
        mediated = set(
            session.scalars(
                select(AuditEvent.case_id).where(AuditEvent.action == "case.mediate_dispute")
            )
        )
        settled = [
            c
            for c in session.scalars(
                select(RespondentCase)
                .join(Complaint)
                .where(Complaint.kind == "commercial", RespondentCase.id.in_(mediated))
            )
            if c.state == CaseState.SETTLED
        ]
    assert settled


def test_a_case_referred_to_market_regulation_has_the_authoritys_result(demo: Demo) -> None:
    with demo.ctx.db.reading() as session:
        referred = session.scalars(
            select(RespondentCase).where(
                RespondentCase.referral_kind == "market_regulation",
                RespondentCase.state == CaseState.REFERRED,
            )
        ).all()
        with_result = [c for c in referred if c.authority_result and c.authority_result_on]
        recorded = session.scalars(
            select(AuditEvent.case_id).where(AuditEvent.action == "case.record_authority_result")
        ).all()
    assert with_result and "市场监督管理局" in with_result[0].authority
    assert {c.id for c in with_result} <= set(recorded)


def test_an_exhibit_is_suspended_at_intake(demo: Demo) -> None:
    with demo.ctx.db.reading() as session:
        suspensions = session.execute(
            select(AuditEvent.case_id, AuditEvent.before).where(
                AuditEvent.action == "case.suspend_display"
            )
        ).all()
        notified_later = [
            case_id
            for case_id, _ in suspensions
            if session.scalar(
                select(func.count())
                .select_from(AuditEvent)
                .where(
                    AuditEvent.case_id == case_id,
                    AuditEvent.action == "case.notify",
                    AuditEvent.id
                    > select(func.min(AuditEvent.id))
                    .where(
                        AuditEvent.case_id == case_id,
                        AuditEvent.action == "case.suspend_display",
                    )
                    .scalar_subquery(),
                )
            )
        ]
    # Suspended when the complaint was taken in: before the respondent was notified.
    assert notified_later


def test_a_stationed_ip_officer_decides_and_the_decision_names_organ_and_officer(
    demo: Demo,
) -> None:
    with demo.ctx.db.reading() as session:
        officer = users.get_user(demo.ctx, "officer1")
        assert officer.role is Role.OFFICER
        decided = session.execute(
            select(RespondentCase.decided_by_organ, RespondentCase.decided_by_officer)
            .join(AuditEvent, AuditEvent.case_id == RespondentCase.id)
            .where(
                AuditEvent.user_id == officer.id,
                AuditEvent.action.in_(("case.decide_infringing", "case.decide_at_once")),
            )
        ).all()
    assert decided
    organ, name = decided[0]
    assert "知识产权局" in organ and name


def _first_case(ctx: Context, fair: str) -> tuple[str, str, int]:
    """The fair's first case: its number, its state, and how many its complaint has."""
    with ctx.db.reading() as session:
        first = session.scalars(
            select(RespondentCase)
            .where(RespondentCase.number.like(f"{fair}-%"))
            .order_by(RespondentCase.number)
            .limit(1)
        ).one()
        siblings = session.scalars(
            select(RespondentCase.id).where(RespondentCase.complaint_id == first.complaint_id)
        ).all()
        return first.number, first.state, len(siblings)


def test_the_readmes_decided_case_is_the_live_fairs_first(demo: Demo, tmp_path: Path) -> None:
    """The README prints the decision of <live fair>-0001-1: decided, alone in its complaint,
    at any seed and size (the other stories move their numbers, it does not)."""
    assert _first_case(demo.ctx, demo.live) == (f"{demo.live}-0001-1", "INFRINGEMENT_FOUND", 1)
    other = _admin(tmp_path)
    try:
        create_demo(other, DemoOptions(complaints=8, editions=1, exhibitors=30, seed=3))
        live = demo_fair_codes(datetime.now(UTC).astimezone(SH).date(), 1)[-1]
        assert _first_case(other, live) == (f"{live}-0001-1", "INFRINGEMENT_FOUND", 1)
    finally:
        other.db.dispose()


def test_a_complaint_is_accepted_for_its_valid_right_and_not_for_a_foreign_patent(
    demo: Demo,
) -> None:
    with demo.ctx.db.reading() as session:
        rows = session.execute(
            select(Complaint.number, Complaint.state, IPRight.number, IPRight.jurisdiction)
            .join(complaint_rights, complaint_rights.c.complaint_id == Complaint.id)
            .join(IPRight, IPRight.id == complaint_rights.c.right_id)
            .where(complaint_rights.c.refused_reason == "right_not_valid_in_china")
        ).all()
    assert rows, "no partial non-acceptance in the demo"
    for _number, state, _right, where in rows:
        assert state in ("ACCEPTED", "TRANSFERRED") and where != "CN"


def test_every_value_the_demo_records_has_words_for_the_timeline(demo: Demo) -> None:
    """The timeline and the dossier name each recorded value in the desk's language: a
    key of an audit event with no words would show as its code ("visited_at")."""
    from fairdesk.domain import vocabulary as v
    from fairdesk.domain.workflow import STEPS

    fields = {f.name for s in STEPS for f in s.fields}
    keys: set[str] = set()
    with demo.ctx.db.reading() as session:
        for before, after in session.execute(select(AuditEvent.before, AuditEvent.after)):
            keys |= {k for d in (before, after) if isinstance(d, dict) for k in d}
    assert keys, "the demo recorded nothing"
    assert sorted(k for k in keys if k not in v.DETAILS and k not in fields) == []


def test_goods_in_custody_are_never_handed_back_before_the_closing_day(demo: Demo) -> None:
    """The custody list has the respondent collect the goods on the fair's closing day: the
    demo keeps them (its case may close) rather than return them mid-fair."""
    with demo.ctx.db.reading() as session:
        rows = session.execute(
            select(Measure.returned_at, Fair.end_date, Fair.timezone)
            .join(RespondentCase, RespondentCase.id == Measure.case_id)
            .join(Fair, Fair.id == RespondentCase.fair_id)
            .where(Measure.measure_type == "detain")
        ).all()
    assert rows  # the demo keeps goods in custody somewhere
    early = [
        (returned, end)
        for returned, end, zone in rows
        if returned is not None and returned.astimezone(ZoneInfo(zone)).date() < end
    ]
    assert early == []
