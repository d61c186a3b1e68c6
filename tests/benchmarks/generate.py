"""A big fair history for the benchmarks, written in bulk and cached.

`fairdesk demo` goes through the real services one step at a time: right for a demo, far
too slow for 100,000 cases. This generator writes the same shapes directly with SQLAlchemy
Core in large batches: exhibitors with booths, complainants and agents, the rights
register, complaints with one to three respondent cases each (numbers, search_text,
next_due_at, exhibits, measures), deadline clock events and the clock_due cache, patrol
rounds and visits, and the audit trail (hash-chained, so `fairdesk audit verify` passes).
Complaints and cases walk the demo's stories over the domain's step table
(`fairdesk.services.demo.story`): at each step the table answers on facts kept in memory (the
defence clock as the services compute it, the acceptance rule), the services' own effects
fill the columns, and the declared clocks move; so every state is reached by legal steps
and a new step or guard needs no edit here.
Users and fairs are created through the real services first.

Two shapes, both at a size N (respondent cases):
- history: 10 yearly editions of a Canton-sized fair; the last one is live at `NOW`.
  N cases in all (later editions a little bigger), 0.3·N exhibitors per edition (30,000
  at N = 100,000), 5·N patrol visits in all.
- edition: one closed edition with N cases that all belong on the post-fair follow-up
  list (the "100,000-row list" of B4 and B6), after an earlier edition of N/5 cases so
  that repeat offenders are found.

A database is cached under `cache_dir()` by shape, size, seed, schema revision and
GENERATOR_VERSION (bump it when the generated data changes).
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Engine, create_engine, func, select, text

from fairdesk.app_context import SYSTEM
from fairdesk.db import migrate
from fairdesk.db.engine import Database
from fairdesk.db.models import AuditEvent, Base, Fair
from fairdesk.domain.acceptance import acceptance_problems
from fairdesk.domain.clocks import ClockEvent, ClockState, ClockStatus, compute_clock
from fairdesk.domain.enums import (
    TERMINAL_CASE_STATES,
    CaseState,
    ClockAction,
    ClockKind,
    ComplaintKind,
    ComplaintState,
    Finding,
    IPType,
    MeasureType,
    Role,
)
from fairdesk.domain.materials import checklist, ticks_of
from fairdesk.domain.normalize import (
    exhibitor_identity,
    normalize_booth,
    normalize_credit_code,
    normalize_name,
)
from fairdesk.domain.rules import hours_for, preset
from fairdesk.domain.workflow import Effect, Entity, Facts, evaluate, refusal_with, step, steps_of
from fairdesk.services.casework import numbering
from fairdesk.services.casework.cases import search_text_of
from fairdesk.services.casework.clocks import COMPLAINT_CLOCKS
from fairdesk.services.casework.steps import (
    AFTER_FLUSH,
    CASE_ENDINGS,
    EFFECTS,
    OVERDUE_MARK,
    acceptance_facts,
)
from fairdesk.services.context import Context
from fairdesk.services.demo.demo import (
    AGENTS,
    AREA_IP_TYPES,
    AREAS,
    AUTHORITIES,
    CASE_STORIES,
    CN_CITIES,
    COMPLAINANTS,
    COMPLAINT_STORIES,
    COUNTRIES,
    FEATURES,
    HALLS,
    IP_NAMES,
    PREFIXES,
    UNACCEPTED,
    cn_patent_number,
    uscc,
)
from fairdesk.services.demo.story import Choice, Desk, Move, Story, Walker, clock_waits, route
from fairdesk.services.fair import fairs
from fairdesk.services.trust import audit, users

GENERATOR_VERSION = 2
# Each generated complaint's exhibits fall under its rights as named: none to refuse or link.
RIGHTS_EFFECTS = frozenset({Effect.RECORD_REFUSED_RIGHTS, Effect.LINK_EXHIBIT_RIGHTS})
SEED = 8
SH = ZoneInfo("Asia/Shanghai")
# The benchmarks' "now": 10:30 in Guangzhou on the third day of the live edition.
NOW = datetime(2026, 10, 17, 10, 30, tzinfo=SH).astimezone(UTC)
BATCH = 5000

USERS: tuple[tuple[str, Role, str], ...] = (
    ("desk1", Role.DESK, "受理员 张敏 / Desk: Zhang Min"),
    ("desk2", Role.DESK, "受理员 李娜 / Desk: Li Na"),
    ("desk3", Role.DESK, "受理员 周杰 / Desk: Zhou Jie"),
    ("desk4", Role.DESK, "受理员 吴芳 / Desk: Wu Fang"),
    ("inspector1", Role.INSPECTOR, "巡查员 王磊 / Inspector: Wang Lei"),
    ("inspector2", Role.INSPECTOR, "巡查员 孙浩 / Inspector: Sun Hao"),
    ("inspector3", Role.INSPECTOR, "巡查员 朱婷 / Inspector: Zhu Ting"),
    ("organizer1", Role.ORGANIZER, "主办方 陈静 / Organizer: Chen Jing"),
)


# -- shapes and the cache ---------------------------------------------------------------------


@dataclass(frozen=True)
class Edition:
    code: str
    year: int
    start: date
    cases: int
    exhibitors: int
    visits: int
    rules: str
    live: bool = False
    followup_only: bool = False  # every case ends on the follow-up list


@dataclass(frozen=True)
class Shape:
    kind: str  # history | edition
    size: int
    editions: tuple[Edition, ...]

    @property
    def cases(self) -> int:
        return sum(e.cases for e in self.editions)

    @property
    def list_fair(self) -> str:
        """The fair the desk opens on: the newest edition."""
        return self.editions[-1].code


def _split(total: int, weights: Sequence[float]) -> list[int]:
    raw = [total * w / sum(weights) for w in weights]
    out = [int(r) for r in raw]
    for i in sorted(range(len(raw)), key=lambda i: out[i] - raw[i])[: total - sum(out)]:
        out[i] += 1
    return out


def history_shape(size: int) -> Shape:
    years = list(range(2017, 2027))
    per = _split(size, [1 + 0.08 * i for i in range(len(years))])
    visits = _split(5 * size, [1] * len(years))
    rules = ("huabo-4h", "ciftis-12h", "cnipa-24h")
    editions = tuple(
        Edition(
            code=f"CANTON{year}",
            year=year,
            start=date(year, 10, 15),
            cases=per[i],
            exhibitors=max(60, size * 3 // 10),
            visits=visits[i],
            rules="cnipa-24h" if year == years[-1] else rules[i % 3],
            live=year == years[-1],
        )
        for i, year in enumerate(years)
    )
    return Shape("history", size, editions)


def edition_shape(size: int) -> Shape:
    exhibitors = max(60, size * 3 // 10)
    return Shape(
        "edition",
        size,
        (
            Edition("BIG2025", 2025, date(2025, 4, 15), size // 5, exhibitors, 0, "ciftis-12h"),
            Edition(
                "BIG2026",
                2026,
                date(2026, 4, 15),
                size,
                exhibitors,
                0,
                "cnipa-24h",
                followup_only=True,
            ),
        ),
    )


SHAPES: dict[str, Callable[[int], Shape]] = {"history": history_shape, "edition": edition_shape}


def cache_dir() -> Path:
    folder = os.environ.get("FAIRDESK_BENCH_CACHE") or Path.home() / ".cache" / "fairdesk-bench"
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_key(kind: str, size: int, seed: int = SEED) -> str:
    return f"{kind}-{size}-s{seed}-r{schema_tag()}-g{GENERATOR_VERSION}"


def schema_tag() -> str:
    """The head revision and a digest of every migration script: a chain re-linked under
    the same head (migrations of two branches merged) is another schema, another file."""
    digest = hashlib.sha1()
    for path in sorted((migrate.MIGRATIONS / "versions").glob("*.py")):
        digest.update(path.read_bytes())
    return f"{migrate.head_revision()}-{digest.hexdigest()[:8]}"


def cached_database(
    kind: str, size: int, seed: int = SEED, log: Callable[[str], None] = print
) -> tuple[Path, Shape, float]:
    """The cached SQLite file of this shape and size (generated when missing) and how long
    generating it took now (0.0 when it came from the cache)."""
    shape = SHAPES[kind](size)
    path = cache_dir() / f"{cache_key(kind, size, seed)}.sqlite3"
    if path.exists():
        return path, shape, 0.0
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        leftover.unlink(missing_ok=True)
    started = time.perf_counter()
    log(f"generating {kind} at {size:,} cases into {path} ...")
    try:
        generate(f"sqlite:///{tmp}", shape, seed, log)
        os.replace(tmp, path)
    finally:
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            leftover.unlink(missing_ok=True)
    took = time.perf_counter() - started
    log(f"  generated in {took:.1f} s ({path.stat().st_size / 2**20:,.0f} MiB)")
    return path, shape, took


def scratch_copy(path: Path, folder: Path) -> Path:
    """A copy to write on, so the cached database never changes."""
    target = folder / path.name
    shutil.copyfile(path, target)
    return target


# -- pools ---------------------------------------------------------------------------------


@dataclass
class Company:
    name_zh: str
    name_en: str
    credit_code: str
    country: str
    country_en: str
    area: str
    delegation: str
    contact: str
    phone: str
    email: str
    offender: bool = False
    identity: str = ""
    name_key: str = ""

    def __post_init__(self) -> None:
        self.identity = exhibitor_identity(self.credit_code, self.name_zh, self.name_en)
        self.name_key = normalize_name(self.name_zh or self.name_en)


_CONTACTS = ("李明", "王芳", "张伟", "刘洋", "陈静", "John Smith", "Anna Müller", "佐藤 健")


class CompanyMaker:
    """Exhibitor companies from the demo's pools, with a second name element so that
    150,000 companies do not all share a few thousand names."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.serial = 0
        self.countries = list(COUNTRIES)
        self.country_cum = _cumulative([c[3] for c in COUNTRIES])
        self.areas = list(AREAS)
        self.area_cum = _cumulative([AREAS[a][2] for a in self.areas])

    def make(self, area: str | None = None) -> Company:
        rng = self.rng
        self.serial += 1
        code, zh_country, en_country, _, cc, _, forms = rng.choices(
            self.countries, cum_weights=self.country_cum
        )[0]
        area = area or rng.choices(self.areas, cum_weights=self.area_cum)[0]
        p_zh, p_en = rng.choice(PREFIXES)
        q_zh, q_en = rng.choice(PREFIXES) if rng.random() < 0.6 else ("", "")
        i_zh, i_en = rng.choice(AREAS[area][4])
        form_en, form_zh = rng.choice(forms)
        if code == "CN":
            city_zh, city_en, region = rng.choice(CN_CITIES)
            name_zh = f"{city_zh}{p_zh}{q_zh}{i_zh}{form_zh}"
            name_en = f"{city_en} {p_en} {q_en + ' ' if q_en else ''}{i_en} {form_en}"
            credit = uscc(rng, region)
        else:
            name_zh = f"{p_zh}{q_zh}{i_zh}{form_zh}"
            name_en = f"{p_en} {q_en + ' ' if q_en else ''}{i_en} {form_en}"
            credit = f"{code}{rng.randint(10_000_000, 999_999_999)}" if rng.random() < 0.8 else ""
        slug = f"{p_en}{q_en}".lower().replace(" ", "")
        delegation = ""
        if code not in ("CN", "HK", "TW") and rng.random() < 0.35:
            delegation = f"{zh_country}国家馆 / {en_country} Pavilion"
        return Company(
            name_zh=name_zh,
            name_en=name_en,
            credit_code=normalize_credit_code(credit),
            country=zh_country,
            country_en=en_country,
            area=area,
            delegation=delegation,
            contact=rng.choice(_CONTACTS),
            phone=f"+{cc} {rng.randint(10, 99)} {rng.randint(1000, 9999)} "
            f"{rng.randint(1000, 9999)}",
            email=f"info{self.serial}@{slug}.example",
        )


def _cumulative(weights: Sequence[float]) -> list[float]:
    out, total = [], 0.0
    for w in weights:
        total += w
        out.append(total)
    return out


def booth_slots(rng: random.Random) -> dict[str, list[tuple[str, str]]]:
    """Every booth of every hall, shuffled: hall -> [(hall, normalised booth number)]."""
    slots: dict[str, list[tuple[str, str]]] = {}
    for hall in HALLS:
        hall_slots = [
            (hall, normalize_booth(f"{hall}{letter}{row}-{n:02d}"))
            for letter in "ABCDEFGHJK"
            for row in range(1, 10)
            for n in range(1, 100)
        ]
        rng.shuffle(hall_slots)
        slots[hall] = hall_slots
    return slots


@dataclass
class Holder:
    party_id: int
    name: str
    name_en: str
    area: str
    brand: str
    # id, type, number, holder, valid from, valid until
    rights: list[tuple[Any, ...]] = field(default_factory=list)
    weight: float = 1.0


# -- the writer -----------------------------------------------------------------------------

TABLE_ORDER = (
    "parties",
    "ip_rights",
    "exhibitors",
    "booths",
    "complaints",
    "complaint_rights",
    "respondent_cases",
    "accused_exhibits",
    "measures",
    "clock_events",
    "clock_due",
    "patrol_rounds",
    "booth_visits",
    "audit_events",
    "counters",
)


class Sink:
    """Buffers rows per table and writes them in FK order, many rows per statement."""

    def __init__(self, conn: Connection, ids: dict[str, int]) -> None:
        self.conn = conn
        self.rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLE_ORDER}
        self.ids = ids
        self.counts: dict[str, int] = dict.fromkeys(TABLE_ORDER, 0)

    def next_id(self, table: str) -> int:
        self.ids[table] = self.ids.get(table, 0) + 1
        return self.ids[table]

    def add(self, table: str, row: dict[str, Any]) -> None:
        self.rows[table].append(row)

    def flush(self) -> None:
        for name in TABLE_ORDER:
            rows = self.rows[name]
            table = Base.metadata.tables[name]
            for i in range(0, len(rows), BATCH):
                self.conn.execute(table.insert(), rows[i : i + BATCH])
            self.counts[name] += len(rows)
            rows.clear()

    def pending(self) -> int:
        return sum(len(r) for r in self.rows.values())


@dataclass
class Event:
    at: datetime
    seq: int
    username: str
    action: str
    entity_type: str
    entity_id: int | None
    fair_id: int | None
    complaint_id: int | None = None
    case_id: int | None = None
    reason: str = ""
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None


# -- stories ----------------------------------------------------------------------------------
# Where cases go, by share: the demo's stories (the steps come from the workflow's table).
LIVE_STORIES = {
    "waiting": 15, "notified": 13, "self_remedied": 14, "mediating": 6, "settled": 10,
    "withdrawn": 5, "defence_received": 3, "defence_overdue": 3, "under_review": 8,
    "infringing": 2, "not_infringing": 5, "undetermined": 2, "referred": 2, "remedy_ordered": 4,
    "detained": 3, "recheck_due": 1, "covered_rechecked": 3, "failed_recheck": 1,
    "escalated": 3, "closed_rechecked": 15, "cleared": 10,
}  # fmt: skip
# A past edition: open stories end in post-fair follow-up.
PAST_STORIES = {
    "self_remedied": 16, "settled": 18, "withdrawn": 7, "referred": 3, "closed_rechecked": 12,
    "cleared": 10, "notified": 3, "under_review": 3, "infringing": 3, "remedy_ordered": 3,
    "escalated": 3,
}  # fmt: skip
# A closed edition whose every case belongs on the follow-up list.
FOLLOWUP_STORIES = {
    "notified": 12, "under_review": 12, "infringing": 12, "remedy_ordered": 12, "escalated": 12,
    "closed_rechecked": 25, "referred": 15,
}  # fmt: skip
GAP = (8, 90)  # minutes between two steps of one record
INSPECTORS = [u for u, r, _ in USERS if r is Role.INSPECTOR]
# Case columns the services' effects may write besides the ones every row names.
LATER_COLUMNS: dict[str, Any] = {
    "served_at": None, "service_manner": "", "decision_basis": None, "decided_by_organ": "",
    "decided_by_officer": "", "referral_kind": "", "authority_result": "",
    "authority_result_on": None,
}  # fmt: skip
TERMINAL = frozenset(str(s) for s in TERMINAL_CASE_STATES)


def _clock_kind_owner(kind: str) -> str:
    return "complaint" if kind in COMPLAINT_CLOCKS else "case"


@dataclass
class Paper:
    """A complaint or case walked in memory: its columns as plain attributes (the services'
    effects write them as they would on the row), its clocks and what was taken."""

    entity: Entity
    id: int
    number: str
    row: SimpleNamespace
    complaint: Paper | None = None
    clocks: dict[str, list[ClockEvent]] = field(default_factory=dict)
    taken: set[str] = field(default_factory=set)
    cases: list[Paper] = field(default_factory=list)
    came_from: str = ""  # the state before the current one

    @property
    def state(self) -> str:
        return str(self.row.state)

    def ids(self) -> dict[str, int]:
        if self.complaint is None:
            return {"complaint_id": self.id}
        return {"complaint_id": self.complaint.id, "case_id": self.id}


class Walks:
    """Takes a story's steps on papers: the step table's answer on facts kept in memory,
    the services' effects, the declared clocks and one audit event per step."""

    def __init__(self, gen: Generator, fair: Fair, cal: Any, rules: Any, events: list[Event]):
        self.gen, self.rng = gen, gen.rng
        self.fair, self.cal, self.rules, self.events = fair, cal, rules, events
        self.close = cal.fair_close().astimezone(UTC)
        self.desk = Desk(dict(rules.legal_basis))
        self.fair_only = SimpleNamespace(get_one=lambda _model, _key: fair)
        self.steps = {e: [s for s in steps_of(e, internal=True)] for e in Entity}

    # -- facts and choices --
    def clock(self, paper: Paper, kind: str, now: datetime) -> ClockState | None:
        events = paper.clocks.get(kind)
        if not events:
            return None
        hours = timedelta(hours=hours_for(self.rules, ClockKind(kind)))
        return compute_clock(
            ClockKind(kind), events, self.cal, hours, self.rules.opening_hours_only, now
        )

    def facts(self, paper: Paper, now: datetime, guarded: bool) -> Facts:
        """The facts the table reads; clocks and the acceptance rule only when a guard of a
        step in reach may look at them (`guarded`)."""
        complaint = paper.complaint or paper
        common = {
            "number": paper.number, "state": paper.state, "role": Role.DESK, "now": now,
            "zone": self.fair.timezone, "complaint_number": complaint.number,
            "complaint_state": complaint.state, "complaint_kind": complaint.row.kind,
            "fair_closes_at": self.close,
        }  # fmt: skip
        if paper.complaint is not None:
            measures = paper.row.measures
            return Facts(
                Entity.CASE,
                defence=self.clock(paper, ClockKind.DEFENCE, now) if guarded else None,
                defence_marked_overdue=OVERDUE_MARK in paper.taken,
                complaint_accepted_at=complaint.row.accepted_at,
                before_mediation=paper.came_from if paper.state == CaseState.MEDIATING else "",
                suspended=any(m.measure_type == MeasureType.SUSPEND_DISPLAY for m in measures),
                detained_unreturned=any(
                    m.measure_type == MeasureType.DETAIN and m.returned_at is None for m in measures
                ),
                **common,
            )
        problems = []
        if guarded:
            on = now.astimezone(self.cal.zone).date()
            problems = acceptance_problems(acceptance_facts(paper.row), on)  # type: ignore[arg-type]
        return Facts(Entity.COMPLAINT, acceptance=tuple(p.refusal for p in problems), **common)

    def choices(self, paper: Paper, now: datetime) -> tuple[Facts, list[Choice]]:
        """The steps in reach of the paper's state, allowed or refused (and until when)."""
        reach = [s for s in self.steps[paper.entity] if paper.state in s.sources and not s.internal]
        facts = self.facts(paper, now, any(s.guards for s in reach))
        out = []
        for s in reach:
            refusal = evaluate(facts, s.action).refusal
            out.append(Choice(s, refusal is None, refusal.after if refusal is not None else None))
        return facts, out

    # -- walking --
    def walk(
        self, paper: Paper, story: Story, at: datetime, until: datetime, desk: str
    ) -> datetime:
        """Walk the paper through its story from `at`; the time of its last step."""
        walker = Walker(paper.entity, story, self.rng)
        for _ in range(4 * len(story.states) + 12):
            at += timedelta(minutes=self.rng.randint(*GAP))
            if at >= until:
                break
            facts, choices = self.choices(paper, at)
            seat = Desk(self.desk.legal_basis, "", at.astimezone(self.cal.zone))
            decision = walker.decide(paper.state, choices, seat)
            if decision is None:
                break
            if isinstance(decision, datetime):  # a period must run out first
                at = max(at, decision.astimezone(UTC))
                continue
            params = decision.params | {"reason": decision.reason}
            if refusal_with(facts, decision.step.action, params) is None:
                user = self.rng.choice(INSPECTORS) if decision.role is Role.INSPECTOR else desk
                self.take(paper, decision, at, user)
        return at

    def take(self, paper: Paper, move: Move, at: datetime, user: str) -> None:
        s, row = move.step, paper.row
        before = {"state": paper.state}
        if s.target and s.target != paper.state:
            paper.came_from = paper.state
        row.state = s.target or paper.state
        if paper.complaint is not None:
            row.updated_at, row.version = at, row.version + 1
        role = move.role if move.role in s.roles else Role.DESK
        actor = SimpleNamespace(username=user, role=role)
        now = SimpleNamespace(now=lambda: at, actor=actor)
        for effect in s.effects:
            if effect in RIGHTS_EFFECTS:
                continue
            if effect in AFTER_FLUSH:
                self.after_flush(effect, paper, move, at)
            else:  # the effects look up no more than the fair
                EFFECTS[effect](self.fair_only, now, row, move.params, move.reason)  # type: ignore[arg-type]
        moves = ((s.starts, "start"), (s.stops, "stop"), (s.pauses, "pause"), (s.resumes, "resume"))
        for kinds, action in moves:
            for kind in kinds:
                owner = paper.complaint or paper if kind in COMPLAINT_CLOCKS else paper
                self.move_clock(owner, str(kind), action, at)
        paper.taken.add(s.audit_code)
        self.events.append(
            self.gen._event(  # noqa: SLF001
                at, user, s.audit_code, s.entity.value, paper.id, fair_id=self.fair.id,
                reason=move.reason, before=before,
                after={"state": row.state, **{k: v for k, v in move.params.items() if v != ""}},
                **paper.ids(),
            )
        )  # fmt: skip

    def after_flush(self, effect: Effect, paper: Paper, move: Move, at: datetime) -> None:
        """The effects the services write with a database of their own: ending a
        complaint's open cases by the step the services use for it, and the transfer clock."""
        if effect in CASE_ENDINGS:
            action, why = CASE_ENDINGS[effect]
            ending = step(Entity.CASE, action)
            for case in paper.cases:
                if case.state in ending.sources:
                    self.take(case, Move(ending, {}, why(move.params, move.reason)), at, "desk1")
        elif effect is Effect.START_TRANSFER_CLOCK and paper.row.authority:
            self.move_clock(paper, ClockKind.TRANSFER, "start", at)

    @staticmethod
    def move_clock(owner: Paper, kind: str, action: str, at: datetime) -> None:
        events = owner.clocks.setdefault(kind, [])
        last = events[-1].action if events else None
        fits = {
            "start": last is None,
            "stop": last in ("start", "resume", "pause"),
            "pause": last in ("start", "resume"),
            "resume": last == "pause",
        }[action]
        if fits:
            events.append(ClockEvent(ClockKind(kind), ClockAction(action), at))

    def span(self, entity: Entity, start: str, story: Story) -> timedelta:
        """About how long a story takes: its steps and the periods it waits for."""
        path = route(entity, start, story.states)
        hours = sum(
            max((hours_for(self.rules, ClockKind(k)) for k in kinds), default=0)
            for kinds in clock_waits(path)
        )
        return timedelta(minutes=sum(GAP) / 2 * (len(path) + 1), hours=hours)


# -- the generator ----------------------------------------------------------------------------


class Generator:
    def __init__(self, db: Database, conn: Connection, shape: Shape, seed: int) -> None:
        self.db = db
        self.conn = conn
        self.shape = shape
        self.rng = random.Random(seed)
        self.makers = CompanyMaker(self.rng)
        self.slots = booth_slots(self.rng)
        ids = {name: self._max_id(name) for name in TABLE_ORDER if name not in _NO_ID}
        self.sink = Sink(conn, ids)
        self.user_ids = dict(conn.execute(text("SELECT username, id FROM users")).all())
        last = conn.execute(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1))
        self.prev_hash = last.scalar() or audit.GENESIS
        self.holders: list[Holder] = []
        self.holder_cum: list[float] = []
        self.agents: list[int] = []
        self.right_numbers: set[str] = set()
        self.companies: list[Company] = []

    def _max_id(self, table: str) -> int:
        return self.conn.execute(text(f"SELECT coalesce(max(id), 0) FROM {table}")).scalar() or 0

    # -- parties and rights -----------------------------------------------------------------
    def _party(self, name: str, name_en: str, kind: str, country: str, at: datetime) -> int:
        pid = self.sink.next_id("parties")
        self.sink.add(
            "parties",
            {
                "id": pid, "kind": kind, "name": name, "name_en": name_en,
                "name_key": normalize_name(name), "id_doc_type": "", "id_doc_no": "",
                "country": country, "address": "", "contact": "", "phone": "", "email": "",
                "created_at": at, "version": 1,
            },
        )  # fmt: skip
        return pid

    def setup_parties(self, at: datetime) -> None:
        for zh, en, _country, area, kind, brand in COMPLAINANTS:
            pid = self._party(zh, en, kind, "", at)
            self.holders.append(Holder(pid, zh, en, area, brand, weight=25.0))
        extra = max(20, self.shape.cases // 25)
        for _ in range(extra):
            c = self.makers.make()
            pid = self._party(c.name_zh, c.name_en, "company", c.country, at)
            brand = c.name_en.split()[0].upper()
            self.holders.append(Holder(pid, c.name_zh, c.name_en, c.area, brand))
        self.holder_cum = _cumulative([h.weight for h in self.holders])
        for zh, en, _slug in AGENTS:
            self.agents.append(self._party(zh, en, "company", "中国", at))
        for i in range(25):
            city_zh, city_en, _ = CN_CITIES[i % len(CN_CITIES)]
            p_zh, p_en = PREFIXES[(i * 7) % len(PREFIXES)]
            self.agents.append(
                self._party(
                    f"{city_zh}{p_zh}知识产权代理有限公司",
                    f"{city_en} {p_en} IP Agency Co., Ltd.",
                    "company",
                    "中国",
                    at,
                )
            )

    def _right_number(self, ip_type: str, year: int) -> str:
        rng = self.rng
        while True:
            if ip_type == IPType.TRADEMARK:
                number = str(rng.randint(10_000_000, 69_999_999))
            elif ip_type == IPType.COPYRIGHT:
                number = f"{year}SR{rng.randint(0, 9_999_999):07d}"
            elif ip_type == IPType.OTHER:
                number = f"AGI{year}-{rng.randint(1, 9):02d}-{rng.randint(0, 9999):04d}"
            else:
                kind = {IPType.INVENTION_PATENT: 1, IPType.UTILITY_MODEL: 2}.get(ip_type, 3)
                number = cn_patent_number(rng, year, kind)
            if number not in self.right_numbers:
                self.right_numbers.add(number)
                return number

    def _right(self, holder: Holder, at: datetime, events: list[Event], fair_id: int) -> tuple:
        """One of the holder's rights: an existing one, or a new one registered now."""
        rng = self.rng
        if holder.rights and (len(holder.rights) >= 6 or rng.random() < 0.7):
            return rng.choice(holder.rights)
        ip_type = str(rng.choice(AREA_IP_TYPES[holder.area]))
        start_year = at.year - rng.randint(2, 8)
        number = self._right_number(ip_type, start_year)
        product = rng.choice(AREAS[holder.area][5])
        feature = rng.choice(FEATURES)
        rid = self.sink.next_id("ip_rights")
        valid_from = date(start_year, rng.randint(1, 12), rng.randint(1, 28))
        valid_until = valid_from.replace(year=start_year + 20) - timedelta(days=1)
        title = f"一种{product[0]}的{feature[0]} / {feature[1].capitalize()} for {product[1]}"
        self.sink.add(
            "ip_rights",
            {
                "id": rid, "ip_type": ip_type, "number": number, "title": title,
                "holder": holder.name_en or holder.name, "jurisdiction": "CN",
                "valid_from": valid_from, "valid_until": valid_until,
                "status_checked_at": None, "licence_type": "owner", "note": "",
                "created_at": at, "version": 1,
            },
        )  # fmt: skip
        events.append(
            self._event(
                at, "desk1", "right.register", "ip_right", rid, fair_id=None,
                after={"type": ip_type, "number": number, "jurisdiction": "CN",
                       "valid_until": valid_until},
            )
        )  # fmt: skip
        right = (rid, ip_type, number, holder.name_en or holder.name, valid_from, valid_until)
        holder.rights.append(right)
        return right

    # -- exhibitors -------------------------------------------------------------------------
    def exhibitors(
        self, ed: Edition, fair_id: int, at: datetime
    ) -> list[tuple[int, Company, str, str]]:
        """The edition's exhibitors: returning companies (all repeat offenders among them)
        and new ones; each with one booth (one in ten with two)."""
        rng = self.rng
        previous = self.companies
        keep = [c for c in previous if c.offender]
        others = [c for c in previous if not c.offender]
        rng.shuffle(others)
        keep += others[: int(0.55 * len(previous))]
        keep = keep[: ed.exhibitors]
        fresh = [self.makers.make() for _ in range(ed.exhibitors - len(keep))]
        for c in fresh:
            c.offender = rng.random() < 0.03
        companies = keep + fresh
        rng.shuffle(companies)
        self.companies = companies
        used: dict[str, int] = dict.fromkeys(HALLS, 0)
        out = []
        seen: set[str] = set()
        for company in companies:
            if company.identity in seen:  # same identity twice in one list: merged on import
                continue
            seen.add(company.identity)
            eid = self.sink.next_id("exhibitors")
            area = AREAS[company.area]
            booths = []
            for _ in range(2 if rng.random() < 0.1 else 1):
                hall = rng.choice(area[3])
                if used[hall] >= len(self.slots[hall]):
                    hall = min(used, key=lambda h: used[h])
                booths.append(self.slots[hall][used[hall]])
                used[hall] += 1
            self.sink.add(
                "exhibitors",
                {
                    "id": eid, "fair_id": fair_id, "identity": company.identity,
                    "name_key": company.name_key, "name_zh": company.name_zh,
                    "name_en": company.name_en, "credit_code": company.credit_code,
                    "country": company.country, "country_en": company.country_en,
                    "area": area[0], "area_en": area[1], "delegation": company.delegation,
                    "contact": company.contact, "phone": company.phone, "email": company.email,
                    "ip_commitment_signed": rng.random() < 0.7, "created_at": at,
                    "updated_at": at, "version": 1,
                },
            )  # fmt: skip
            for hall, booth in booths:
                self.sink.add(
                    "booths",
                    {
                        "id": self.sink.next_id("booths"), "exhibitor_id": eid,
                        "fair_id": fair_id, "hall": hall, "booth_no": booth,
                    },
                )  # fmt: skip
            out.append((eid, company, booths[0][0], booths[0][1]))
        return out

    # -- events -----------------------------------------------------------------------------
    _seq = 0

    def _event(self, at: datetime, user: str, action: str, etype: str, eid: int | None,
               **kw: Any) -> Event:  # fmt: skip
        self._seq += 1
        return Event(at, self._seq, user, action, etype, eid, **kw)

    def write_events(self, events: list[Event]) -> None:
        events.sort(key=lambda e: (e.at, e.seq))
        for e in events:
            before = audit.jsonable(e.before) if e.before is not None else None
            after = audit.jsonable(e.after) if e.after is not None else None
            row = SimpleNamespace(
                at=e.at, user_id=self.user_ids.get(e.username), username=e.username,
                action=e.action, entity_type=e.entity_type, entity_id=e.entity_id,
                fair_id=e.fair_id, complaint_id=e.complaint_id, case_id=e.case_id,
                reason=e.reason, before=before, after=after,
            )  # fmt: skip
            digest = audit.digest(self.prev_hash, row)  # noqa: SLF001 (the product's own hash)
            self.sink.add(
                "audit_events",
                {
                    "id": self.sink.next_id("audit_events"), **vars(row),
                    "prev_hash": self.prev_hash, "hash": digest,
                },
            )  # fmt: skip
            self.prev_hash = digest

    # -- one edition ------------------------------------------------------------------------
    def edition(self, ed: Edition, fair: Fair, log: Callable[[str], None]) -> None:
        rng = self.rng
        cal = fairs.calendar_of(fair)
        zone = ZoneInfo(fair.timezone)
        rules = preset(ed.rules)
        days = [ed.start + timedelta(days=i) for i in range(5)]
        opening = [datetime.combine(d, dtime(9, 0), tzinfo=zone).astimezone(UTC) for d in days]
        close = cal.fair_close().astimezone(UTC)
        limit = NOW if ed.live else close
        setup_at = opening[0] - timedelta(days=10)
        events: list[Event] = []
        exhibitors = self.exhibitors(ed, fair.id, setup_at)
        events.append(
            self._event(
                setup_at, "admin", "exhibitors.import", "fair", fair.id, fair_id=fair.id,
                after={"file": f"{ed.code}-exhibitors.xlsx", "encoding": "xlsx",
                       "imported": len(exhibitors), "updated": 0, "unchanged": 0, "rejected": 0},
            )
        )  # fmt: skip
        offenders = [x for x in exhibitors if x[1].offender]
        desks = [u for u, r, _ in USERS if r is Role.DESK]
        made = 0
        complaint_no = 0
        case_ids_with_measures: list[tuple[int, int, str]] = []
        states_cum, states = self._state_table(ed)
        walks = Walks(self, fair, cal, rules, events)
        while made < ed.cases:
            complaint_no += 1
            n_resp = min(ed.cases - made, rng.choices((1, 2, 3), weights=(77, 16, 7))[0])
            made += n_resp
            stories = [rng.choices(states, cum_weights=states_cum)[0] for _ in range(n_resp)]
            self._complaint(
                walks, ed, complaint_no, stories, exhibitors, offenders, desks, opening, limit,
                case_ids_with_measures,
            )  # fmt: skip
            if self.sink.pending() > 60_000:
                self.write_events_until(events)
        self.sink.add(
            "counters", {"fair_id": fair.id, "series": "complaint", "value": complaint_no}
        )
        self.visits(ed, fair, exhibitors, opening, limit, events, case_ids_with_measures)
        self.write_events(events)
        self.sink.flush()
        log(f"  {ed.code}: {made:,} cases, {complaint_no:,} complaints, "
            f"{len(exhibitors):,} exhibitors, {ed.visits:,} visits")  # fmt: skip

    def write_events_until(self, events: list[Event]) -> None:
        """Keep memory flat: write everything but the events, which wait for the sort."""
        audit_rows = self.sink.rows["audit_events"]
        self.sink.rows["audit_events"] = []
        self.sink.flush()
        self.sink.rows["audit_events"] = audit_rows

    def _state_table(self, ed: Edition) -> tuple[list[float], list[str]]:
        table = FOLLOWUP_STORIES if ed.followup_only else LIVE_STORIES if ed.live else PAST_STORIES
        states = list(table)
        return _cumulative([table[s] for s in states]), states

    def _complaint(  # noqa: C901 (a benchmark generator, one branch per story)
        self,
        walks: Walks,
        ed: Edition,
        seq: int,
        stories: list[str],
        exhibitors: list[tuple[int, Company, str, str]],
        offenders: list[tuple[int, Company, str, str]],
        desks: list[str],
        opening: list[datetime],
        limit: datetime,
        measured: list[tuple[int, int, str]],
    ) -> None:
        rng, fair, events = self.rng, walks.fair, walks.events
        holder = rng.choices(self.holders, cum_weights=self.holder_cum)[0]
        commercial = not ed.followup_only and rng.random() < 0.03
        # The complaint's story at intake.
        fate = "transferred" if not commercial and rng.random() < 0.05 else "accepted"
        if not ed.followup_only:
            r = rng.random()
            if ed.live and r < 0.04:
                fate = "draft"
            elif ed.live and r < 0.06:
                fate = "pending"
            elif r < 0.11:
                fate = "rejected"
        story = COMPLAINT_STORIES[fate]
        if fate in UNACCEPTED:
            stories = ["waiting"] * len(stories)
        case_stories = [CASE_STORIES[name] for name in stories]
        if not ed.live:  # open cases go to post-fair follow-up after the close
            case_stories = [s if s.states[-1] in TERMINAL else s.then(CaseState.POST_FAIR) for s in
                            case_stories]  # fmt: skip
        span = walks.span(Entity.COMPLAINT, ComplaintState.DRAFT, story) + max(
            walks.span(Entity.CASE, CaseState.TO_NOTIFY, s) for s in case_stories
        )
        earliest = opening[0] + timedelta(minutes=5)
        latest = max(earliest, min(limit, walks.close) - span)
        if ed.live and fate in ("draft", "pending"):
            earliest = max(earliest, limit - timedelta(minutes=110))
            latest = limit - timedelta(minutes=rng.randint(50, 100))
        span_s = max(0, int((latest - earliest).total_seconds()))
        received = (earliest + timedelta(seconds=rng.randint(0, span_s))).replace(microsecond=0)
        desk = rng.choice(desks)
        fid = fair.id
        cid = self.sink.next_id("complaints")
        number = numbering.complaint_number(fair.code, seq)
        agent = rng.choice(self.agents) if rng.random() < 0.4 else None
        rights = []
        if not commercial:
            rights = [self._right(holder, received, events, fid)]
            if rng.random() < 0.2:
                other = self._right(holder, received, events, fid)
                if other[0] != rights[0][0]:
                    rights.append(other)
        product = rng.choice(AREAS[holder.area][5])
        ip_zh, ip_en = IP_NAMES.get(IPType(rights[0][1]), ("权利", "right")) if rights else ("", "")
        if commercial:
            summary = "展位搭建服务费争议 / Dispute over booth construction fees"
        else:
            summary = (
                f"投诉人认为被投诉人展出的{product[0]}涉嫌侵犯其{ip_zh}（{rights[0][2]}）。 / "
                f"The complainant alleges that the {product[1].lower()} shown by the respondent "
                f"infringes its {ip_en} {rights[0][2]}."
            )
        # The checklist the complaint form ticks (2006 Art 8); a pending one lacks an item.
        items = checklist([r[1] for r in rights], agent=agent is not None) if rights else ()
        missing = {items[-1].key} if items and fate == "pending" else set()
        materials = ticks_of(items, [m.key for m in items if m.key not in missing])
        # Respondents: repeat offenders draw a good share of the cases.
        chosen: list[tuple[int, Company, str, str]] = []
        for _ in stories:
            pool = offenders if offenders and rng.random() < 0.35 else exhibitors
            for _attempt in range(10):
                pick = rng.choice(pool)
                if pick not in chosen:
                    break
            else:
                pick = next(x for x in exhibitors if x not in chosen)
            chosen.append(pick)
        row = SimpleNamespace(
            number=number, summary=summary, complainant_id=holder.party_id, fair_id=fid,
            complainant=SimpleNamespace(name=holder.name, name_en=holder.name_en),
            kind=ComplaintKind.COMMERCIAL if commercial else ComplaintKind.IP,
            state=ComplaintState.DRAFT, agent_id=agent, power_of_attorney=agent is not None,
            commitment_signed=True, materials=materials, reject_reason="", authority="",
            accepted_at=None, transferred_at=None, closed_at=None, cases=[],
            rights=[SimpleNamespace(number=r[2], ip_type=r[1], jurisdiction="CN",
                                    valid_from=r[4], valid_until=r[5], basis="", ir_number="",
                                    licence_type="owner", holder=holder.name)
                    for r in rights],
        )  # fmt: skip
        complaint = Paper(Entity.COMPLAINT, cid, number, row)
        prefer: dict[str, Any] = {"materials": [m.key for m in items], "commitment_signed": True,
                                  "power_of_attorney": True}  # fmt: skip
        if fate == "transferred":
            prefer["authority"] = AUTHORITIES[1]
        events.append(
            self._event(
                received, desk, "complaint.register", "complaint", cid, fair_id=fid,
                complaint_id=cid,
                after={"number": number, "kind": row.kind, "channel": "desk",
                       "complainant": holder.name, "agent": None,
                       "rights": [r[2] for r in rights],
                       "respondents": [numbering.case_number(number, i)
                                       for i in range(1, len(stories) + 1)],
                       "state": ComplaintState.DRAFT},
            )
        )  # fmt: skip
        holder_ns = SimpleNamespace(name=holder.name, name_en=holder.name_en)
        rights_ns = [SimpleNamespace(number=r[2]) for r in rights]
        complaint_ns = SimpleNamespace(number=number)
        for i, (eid, company, hall, booth) in enumerate(chosen, 1):
            case_no = numbering.case_number(number, i)
            case_id = self.sink.next_id("respondent_cases")
            exhibits = [f"{product[0]} / {product[1]}"]
            case_row = SimpleNamespace(
                state=CaseState.TO_NOTIFY, defence_summary="", decision_trigger="",
                legal_basis="", decision_note="", authority="", notified_at=None,
                decided_at=None, closed_at=None, updated_at=received, version=1, measures=[],
                eid=eid, hall=hall, booth=booth, seq=i, exhibits=exhibits, fair_id=fid,
                search=search_text_of(SimpleNamespace(number=case_no, booth_no=booth),
                                      complaint_ns, company, holder_ns, rights_ns),
            )  # fmt: skip
            complaint.cases.append(Paper(Entity.CASE, case_id, case_no, case_row, complaint))
            row.cases.append(case_row)
            events.append(
                self._event(
                    received, desk, "case.create", "case", case_id, fair_id=fid,
                    complaint_id=cid, case_id=case_id,
                    after={"number": case_no, "exhibitor": company.name_zh, "booth": booth,
                           "state": CaseState.TO_NOTIFY, "exhibits": exhibits},
                )
            )  # fmt: skip
        until = limit if ed.live else walks.close + timedelta(days=1)
        at = walks.walk(complaint, story.with_prefer(**prefer), received, until, desk)
        if fate not in UNACCEPTED:
            for case, case_story in zip(complaint.cases, case_stories, strict=True):
                walks.walk(case, case_story, at, until, desk)
        now = limit if ed.live else until
        self._write_complaint(complaint, fair, rights, desk, received, now, walks, measured)

    def _write_complaint(
        self,
        complaint: Paper,
        fair: Fair,
        rights: list[tuple[Any, ...]],
        desk: str,
        received: datetime,
        now: datetime,
        walks: Walks,
        measured: list[tuple[int, int, str]],
    ) -> None:
        """The rows of a walked complaint: complaint, cases, exhibits, measures, clocks."""
        rng, row, fid = self.rng, complaint.row, fair.id
        self.sink.add(
            "complaints",
            {
                "id": complaint.id, "fair_id": fid, "number": complaint.number,
                "kind": row.kind, "channel": "desk", "state": row.state,
                "complainant_id": row.complainant_id, "agent_id": row.agent_id,
                "power_of_attorney": row.power_of_attorney,
                "commitment_signed": row.commitment_signed, "materials": row.materials,
                "summary": row.summary,
                "dispute_type": "service" if row.kind == ComplaintKind.COMMERCIAL else "",
                "reject_reason": row.reject_reason, "authority": row.authority,
                "received_at": received, "accepted_at": row.accepted_at,
                "transferred_at": row.transferred_at, "closed_at": row.closed_at,
                "created_by": self.user_ids[desk], "version": 1 + len(complaint.taken),
            },
        )  # fmt: skip
        for right in rights:
            self.sink.add("complaint_rights", {"complaint_id": complaint.id, "right_id": right[0]})
        complaint_dues = self._write_clocks(complaint, fair, walks, now)
        for case in complaint.cases:
            c = case.row
            self.sink.add(
                "accused_exhibits",
                {
                    "id": self.sink.next_id("accused_exhibits"), "case_id": case.id,
                    "name": c.exhibits[0], "model": f"M-{rng.randint(100, 999)}",
                    "quantity": rng.randint(1, 5), "note": "",
                },
            )  # fmt: skip
            for m in c.measures:
                self.sink.add(
                    "measures",
                    {
                        "id": self.sink.next_id("measures"), "case_id": case.id,
                        "measure_type": str(m.measure_type), "ordered_at": m.ordered_at,
                        "due_at": None, "undertaking_signed": bool(m.undertaking_signed),
                        "storage_place": m.storage_place or "", "returned_at": None,
                        "recheck_result": m.recheck_result or "", "rechecked_at": m.rechecked_at,
                        "note": m.note or "", "version": 1,
                    },
                )  # fmt: skip
            if c.measures:
                measured.append((case.id, c.eid, c.booth))
            dues = complaint_dues + self._write_clocks(case, fair, walks, now)
            running = sorted((d.due_at, str(d.kind)) for d in dues if d.due_at is not None)
            self.sink.add(
                "respondent_cases",
                {
                    "id": case.id, "complaint_id": complaint.id, "fair_id": fid, "seq": c.seq,
                    "number": case.number, "exhibitor_id": c.eid, "booth_no": c.booth,
                    "hall": c.hall, "state": c.state, "defence_summary": c.defence_summary,
                    "decision_trigger": c.decision_trigger, "legal_basis": c.legal_basis,
                    "decision_note": c.decision_note, "authority": c.authority,
                    "notified_at": c.notified_at, "decided_at": c.decided_at,
                    "closed_at": c.closed_at, "search_text": c.search,
                    "next_due_at": running[0][0] if running else None,
                    "next_due_kind": running[0][1] if running else "",
                    "decide_before_close": any(d.capped_at_close for d in dues),
                    "updated_at": c.updated_at, "version": c.version,
                    **{k: getattr(c, k, d) for k, d in LATER_COLUMNS.items()},
                },
            )  # fmt: skip

    def _write_clocks(self, paper: Paper, fair: Fair, walks: Walks, now: datetime) -> list[Any]:
        """Clock events and the clock_due cache as the services keep them; the running ones."""
        running = []
        for kind, clock_events in paper.clocks.items():
            state = walks.clock(paper, kind, now)
            if state is None:
                continue
            for e in clock_events:
                self.sink.add(
                    "clock_events",
                    {
                        "id": self.sink.next_id("clock_events"), "fair_id": fair.id,
                        "complaint_id": paper.id if paper.complaint is None else None,
                        "case_id": paper.id if paper.complaint is not None else None,
                        "kind": kind, "action": str(e.action), "at": e.at, "reason": "",
                        "user_id": None,
                    },
                )  # fmt: skip
            ticking = state.status in (ClockStatus.RUNNING, ClockStatus.OVERDUE)
            self.sink.add(
                "clock_due",
                {
                    "id": self.sink.next_id("clock_due"), "fair_id": fair.id,
                    "complaint_id": paper.id if paper.complaint is None else None,
                    "case_id": paper.id if paper.complaint is not None else None,
                    "kind": kind, "status": "running" if ticking else str(state.status),
                    "due_at": state.due_at, "capped_at_close": state.capped_at_close,
                },
            )  # fmt: skip
            if ticking:
                running.append(state)
        return running

    # -- patrols ----------------------------------------------------------------------------
    def visits(
        self,
        ed: Edition,
        fair: Fair,
        exhibitors: list[tuple[int, Company, str, str]],
        opening: list[datetime],
        limit: datetime,
        events: list[Event],
        measured: list[tuple[int, int, str]],
    ) -> None:
        rng = self.rng
        if not ed.visits:
            return
        by_hall: dict[str, list[tuple[int, str]]] = {}
        for eid, _company, hall, booth in exhibitors:
            by_hall.setdefault(hall, []).append((eid, booth))
        halls = sorted(by_hall)
        inspectors = [u for u, r, _ in USERS if r is Role.INSPECTOR]
        findings = [
            (Finding.NOTHING, 80), (Finding.SUSPECTED_INFRINGEMENT, 5),
            (Finding.MEASURE_VERIFIED, 6), (Finding.MEASURE_VIOLATED, 2),
            (Finding.PATENT_MARKING, 4), (Finding.EXHIBITOR_ABSENT, 3),
        ]  # fmt: skip
        kinds = [f for f, _ in findings]
        cum = _cumulative([w for _, w in findings])
        notes = {
            Finding.SUSPECTED_INFRINGEMENT: "疑似侵权展品，已拍照 / suspected copy, photographed",
            Finding.MEASURE_VIOLATED: "展品重新摆出 / exhibit back on display",
            Finding.PATENT_MARKING: "专利标识不规范 / improper patent marking",
        }
        days = [d for d in opening if d < limit - timedelta(hours=2)] or opening[:1]
        left = ed.visits
        while left > 0:
            n = min(left, rng.randint(30, 50))
            left -= n
            day = rng.choice(days)
            begin = day + timedelta(minutes=rng.randint(0, 420))
            if begin + timedelta(minutes=2 * n) > limit:
                begin = max(opening[0], limit - timedelta(minutes=2 * n + 10))
            hall = rng.choice(halls)
            inspector = rng.choice(inspectors)
            rid = self.sink.next_id("patrol_rounds")
            round_uid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            self.sink.add(
                "patrol_rounds",
                {
                    "id": rid, "uid": round_uid, "fair_id": fair.id, "hall": hall,
                    "inspector_id": self.user_ids[inspector], "started_at": begin,
                    "ended_at": begin + timedelta(minutes=2 * n), "version": 2,
                },
            )  # fmt: skip
            for k in range(n):
                eid, booth = rng.choice(by_hall[hall])
                finding = rng.choices(kinds, cum_weights=cum)[0]
                case_id = None
                if finding in (Finding.MEASURE_VERIFIED, Finding.MEASURE_VIOLATED):
                    if measured:
                        case_id, eid, booth = rng.choice(measured)
                    else:
                        finding = Finding.NOTHING
                at = begin + timedelta(minutes=2 * k, seconds=rng.randint(0, 59))
                vid = self.sink.next_id("booth_visits")
                uid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
                note = notes.get(finding, "")
                self.sink.add(
                    "booth_visits",
                    {
                        "id": vid, "uid": uid, "round_id": rid, "fair_id": fair.id,
                        "booth_no": booth, "exhibitor_id": eid, "finding": str(finding),
                        "notes": note, "visited_at": at, "case_id": case_id, "version": 1,
                    },
                )  # fmt: skip
                events.append(
                    self._event(
                        at, inspector, "patrol.visit", "booth_visit", vid, fair_id=fair.id,
                        case_id=case_id,
                        after={"uid": uid, "round": round_uid, "booth": booth,
                               "finding": str(finding), "notes": note, "visited_at": at,
                               "photos": []},
                    )
                )  # fmt: skip


_NO_ID = {"complaint_rights", "counters"}


# -- entry points -----------------------------------------------------------------------------


def generate(url: str, shape: Shape, seed: int = SEED, log: Callable[[str], None] = print) -> None:
    """Write the shape's history into the (empty) database at `url`."""
    db = Database(url)
    try:
        migrate.upgrade(db)
        setup_at = datetime.combine(shape.editions[0].start, dtime(9), tzinfo=SH).astimezone(UTC)
        setup_at -= timedelta(days=60)
        system = Context(db, SYSTEM, lambda: setup_at)
        admin = Context(db, users.ensure_user(system, "admin", Role.ADMIN, "Administrator").actor,
                        lambda: setup_at)  # fmt: skip
        for name, role, display in USERS:
            users.ensure_user(admin, name, role, display)
        engine = _bulk_engine(url)
        try:
            gen: Generator | None = None
            for ed in shape.editions:
                created = datetime.combine(ed.start, dtime(9), tzinfo=SH).astimezone(UTC)
                created -= timedelta(days=30)
                fair_admin = Context(db, admin.actor, lambda created=created: created)
                fairs.create_fair(
                    fair_admin, ed.code, f"第{ed.year - 1956}届中国进出口商品交易会（基准）",
                    ed.start, ed.start + timedelta(days=4), hours="09:00-18:00",
                    rules=ed.rules, name_en=f"Canton Fair {ed.year} (benchmark)",
                    venue="中国进出口商品交易会展馆 / Canton Fair Complex", edition=ed.year - 1956,
                    halls=list(HALLS),
                )  # fmt: skip
                with db.reading() as session:
                    fair = fairs.fair_by_code(session, ed.code)
                    session.expunge(fair)
                with engine.begin() as conn:
                    if gen is None:
                        gen = Generator(db, conn, shape, seed)
                        gen.setup_parties(setup_at)
                    else:
                        gen.conn = gen.sink.conn = conn
                        last = conn.execute(
                            select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)
                        )
                        gen.prev_hash = last.scalar() or audit.GENESIS
                        gen.sink.ids["audit_events"] = gen._max_id("audit_events")  # noqa: SLF001
                    gen.edition(ed, fair, log)
                    if engine.dialect.name == "postgresql":  # the services insert next
                        _reset_sequences(conn)
            with engine.begin() as conn:
                if engine.dialect.name == "postgresql":
                    conn.execute(text("ANALYZE"))  # as autovacuum would have done by now
                else:  # no ANALYZE: FairDesk never runs it on its SQLite file
                    conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            engine.dispose()
    finally:
        db.dispose()


def _bulk_engine(url: str) -> Engine:
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        from sqlalchemy import event

        @event.listens_for(engine, "connect")
        def _fast(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode = WAL")
            cur.execute("PRAGMA synchronous = OFF")
            cur.execute("PRAGMA cache_size = -200000")
            cur.close()

    return engine


def _reset_sequences(conn: Connection) -> None:
    for table in Base.metadata.sorted_tables:
        if "id" in table.c and table.c.id.primary_key and table.name not in _NO_ID:
            seq = conn.execute(
                text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table.name}
            ).scalar()
            if seq:
                top = conn.execute(select(func.max(table.c.id))).scalar() or 0
                if top:
                    conn.execute(text("SELECT setval(:s, :v)"), {"s": seq, "v": top})


def iter_sizes(text_value: str) -> Iterator[int]:
    for part in text_value.split(","):
        part = part.strip().replace("_", "")
        if part:
            yield int(part)
