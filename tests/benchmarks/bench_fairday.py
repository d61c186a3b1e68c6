"""B9: a fair day on PostgreSQL. Desks and inspector laptops as processes, all at once,
against the history loaded for B7 (the same throwaway database, after B7).

Each desk (its own process and engine, signed in with its password, so its documents are
signed with its own key) registers complaints, steps them (the complaint accepted, the
case decided, one step of the workflow's table at a time), searches the live fair's list
and prints decisions. Each inspector starts a round in a hall and records booth visits
with a photo, most of them online, some through the laptop's offline queue (an `Outbox`
file of its own), which it syncs every few visits. Every action is timed on its own.

Afterwards: every complaint number a desk got is stored once and the fair's numbers are
gap-free; every visit an inspector recorded or queued is stored once and no queued one
failed; every issued document is in the register once; the audit chain verifies. While it
runs, the parent samples the server's `pg_stat_activity` every 100 ms: backends waiting on
a lock (and the longest such wait seen) and the longest statement seen running.
"""

from __future__ import annotations

import io
import multiprocessing as mp
import random
import shutil
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from tests.benchmarks.generate import NOW
from tests.benchmarks.harness import Figure, log, percentile

PASSWORD = "bench-fairday-pw"  # given to admin and the desks before the day starts
DESK_USERS = ("desk1", "desk2", "desk3", "desk4")
INSPECTOR_USERS = ("inspector1", "inspector2", "inspector3")
LIMIT_MS = 100.0
# A desk's mix of actions (weights): what a desk does in a busy hour.
DESK_MIX = {"register": 3, "step": 4, "search": 4, "print": 1}
NEEDLES = ("有限公司", "ZL20", "co., ltd", "电器", "Trading", "3.1", "Benchmark", "空气炸锅")


def _photo() -> bytes:
    """A small real JPEG, as a laptop camera's picture shrunk for upload."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (320, 240), (180, 120, 60)).save(out, "JPEG", quality=70)
    return out.getvalue()


def prepare(url: str) -> None:
    """Passwords (and so signing keys) for admin, whose sign-in makes the root key, and the
    desks; inspectors record visits without a key."""
    from fairdesk.app_context import SYSTEM
    from fairdesk.db.engine import Database
    from fairdesk.services.context import Context
    from fairdesk.services.trust import users

    db = Database(url)
    try:
        system = Context(db, SYSTEM, lambda: NOW)
        admin_info = users.get_user(system, "admin")
        users.set_password(system.as_actor(admin_info.actor), "admin", PASSWORD)
        admin = users.sign_in(system, "admin", PASSWORD)
        for name in DESK_USERS:
            users.set_password(admin, name, PASSWORD)
            users.sign_in(system, name, PASSWORD)  # the desk's key, made once
    finally:
        db.dispose()


class _Timer:
    def __init__(self) -> None:
        self.times: dict[str, list[float]] = {}
        self.errors: list[str] = []

    def run(self, action: str, fn: Callable[[], Any]) -> Any:
        from fairdesk.domain.errors import FairDeskError

        started = time.perf_counter()
        try:
            out = fn()
        except FairDeskError as exc:
            self.errors.append(f"{action}: {type(exc).__name__}: {exc}")
            return None
        except Exception as exc:  # noqa: BLE001 (a bug: reported, the day goes on)
            first = str(exc).splitlines()[0] if str(exc) else ""
            self.errors.append(f"{action}: unexplained {type(exc).__name__}: {first}")
            return None
        self.times.setdefault(action, []).append(time.perf_counter() - started)
        return out


def _complaint(rng: random.Random, booths: list[str], seed: int, i: int) -> Any:
    from datetime import date

    from fairdesk.domain.materials import checklist, ticks_of
    from fairdesk.services.intake.intake import (
        ComplaintInput,
        ExhibitInput,
        PartyInput,
        RespondentInput,
        RightInput,
    )

    holder = rng.randint(1, 40)
    items = checklist(["utility_model"], agent=False)  # complete materials: it can be accepted
    return ComplaintInput(
        complainant=PartyInput(
            f"基准投诉人{holder}有限公司", f"Benchmark Holder {holder} GmbH",
            id_doc_no=f"HRB{holder:06d}",
        ),
        rights=[
            RightInput(
                "utility_model", f"ZL20249{seed % 100:02d}{i:05d}.7",
                "空气炸锅的散热组件 / Heat-dissipation assembly for an air fryer",
                f"Benchmark Holder {holder} GmbH", valid_until=date(2034, 1, 1),
            )
        ],
        respondents=[
            RespondentInput(booth=rng.choice(booths),
                            exhibits=[ExhibitInput("空气炸锅 / Air fryer", "AF-9", 1)])
        ],
        commitment_signed=True,
        materials=ticks_of(items, [m.key for m in items]),
        summary="基准测试投诉 / Benchmark complaint",
    )  # fmt: skip


def _walk(timer: _Timer, ctx: Any, number: str, story: Any, rng: random.Random) -> str:
    """walk_now, each step timed on its own ("step")."""
    from fairdesk.services.casework.steps import available_steps, take_step
    from fairdesk.services.demo.story import Move, Walker, seen

    now = available_steps(ctx, number)
    walker = Walker(now.entity, story, rng)
    for _ in range(4 * len(story.states) + 8):
        decision = walker.decide(now.state, *seen(now, ctx.now()))
        if not isinstance(decision, Move):
            break
        d = decision
        done = timer.run(
            "step",
            lambda d=d: take_step(ctx, number, d.step.action, reason=d.reason, **d.params),
        )
        if done is None and timer.errors and timer.errors[-1].startswith("step"):
            break
        now = available_steps(ctx, number)
    return str(now.state)


def _desk(url: str, username: str, fair: str, booths: list[str], seconds: float, seed: int,
          barrier: Any, results: Any) -> None:  # fmt: skip
    from fairdesk.app_context import SYSTEM
    from fairdesk.db.engine import Database
    from fairdesk.domain.enums import CaseState, ComplaintState
    from fairdesk.services.casework.cases import CaseFilter, list_page
    from fairdesk.services.context import Context
    from fairdesk.services.demo.story import Story
    from fairdesk.services.intake.intake import register_complaint
    from fairdesk.services.paper import documents
    from fairdesk.services.trust import users

    timer = _Timer()
    rng = random.Random(seed)
    registered: list[str] = []
    to_accept: list[str] = []
    to_decide: list[str] = []
    decided: list[str] = []
    issued: list[str] = []
    accepted = Story("accepted", (ComplaintState.ACCEPTED,))
    decide = Story("decided", (CaseState.INFRINGEMENT_FOUND,), {
        "summary": "被投诉人称系自主设计 / Own design", "trigger": "merits",
        "legal_basis": "展会知识产权保护指引 第十四条 / CNIPA Guidelines, Art. 14",
    })  # fmt: skip
    db = Database(url)
    i = 0
    ready = False

    def register() -> None:
        nonlocal i
        i += 1
        reg = timer.run(
            "register", lambda: register_complaint(ctx, fair, _complaint(rng, booths, seed, i))
        )
        if reg is not None:
            registered.append(reg.number)
            to_accept.append(reg.number)
            to_decide.extend(reg.case_numbers)

    def step() -> None:
        if to_accept:
            _walk(timer, ctx, to_accept.pop(0), accepted, rng)
        elif to_decide:
            number = to_decide.pop(0)
            if _walk(timer, ctx, number, decide, rng) == CaseState.INFRINGEMENT_FOUND:
                decided.append(number)
        else:
            register()

    def search() -> None:
        flt = CaseFilter(fair_code=fair, search=rng.choice(NEEDLES))
        timer.run("search", lambda: list_page(ctx, flt, 0, 200))

    def print_() -> None:
        if not decided:
            return step()
        number = rng.choice(decided)
        doc = timer.run(
            "print", lambda: documents.issue_document(ctx, "decision", number, copy="respondent")
        )
        if doc is not None:
            issued.append(doc.number)

    actions = {"register": register, "step": step, "search": search, "print": print_}
    try:
        ctx = users.sign_in(Context(db, SYSTEM, lambda: NOW), username, PASSWORD)
        for name in ("register", "step", "step", "search", "step", "print"):  # warm-up
            actions[name]()
        ready = True
    except Exception as exc:  # noqa: BLE001 (reported, and the others are not kept waiting)
        timer.errors.append(f"warm-up: {type(exc).__name__}: {str(exc).splitlines()[0]}")
    timer.times.clear()
    barrier.wait()
    deadline = time.perf_counter() + seconds
    names, weights = list(DESK_MIX), list(DESK_MIX.values())
    while ready and time.perf_counter() < deadline:
        actions[rng.choices(names, weights)[0]]()
    results.put({"who": username, "times": timer.times, "errors": timer.errors,
                 "complaints": registered, "documents": issued, "visits": []})  # fmt: skip
    db.dispose()


def _inspector(url: str, username: str, fair: str, booths: list[str], halls: list[str],
               seconds: float, seed: int, barrier: Any, results: Any) -> None:  # fmt: skip
    from fairdesk.app_context import SYSTEM
    from fairdesk.db.engine import Database
    from fairdesk.services.context import Context
    from fairdesk.services.inspection import patrols
    from fairdesk.services.inspection.evidence import PhotoInput
    from fairdesk.services.inspection.outbox import Outbox
    from fairdesk.services.trust import users

    timer = _Timer()
    rng = random.Random(seed)
    photo = PhotoInput("booth.jpg", _photo())
    visits: list[str] = []
    db = Database(url)
    folder = Path(tempfile.mkdtemp(prefix="fdbench-laptop-"))
    outbox = Outbox(folder / "outbox.sqlite3")
    queued = 0
    ready = False
    try:
        ctx = Context(db, users.get_user(Context(db, SYSTEM), username).actor, lambda: NOW)
        rnd = patrols.start_round(ctx, fair, rng.choice(halls))
        ready = True
    except Exception as exc:  # noqa: BLE001
        timer.errors.append(f"warm-up: {type(exc).__name__}: {str(exc).splitlines()[0]}")
    barrier.wait()
    deadline = time.perf_counter() + seconds
    while ready and time.perf_counter() < deadline:
        booth = rng.choice(booths)
        finding = rng.choice(("nothing", "nothing", "nothing", "patent_marking",
                              "suspected_infringement"))  # fmt: skip
        if rng.random() < 0.7:
            data = patrols.VisitInput(rnd.uid, booth, finding, "巡查 / patrol", [photo],
                                      uid=patrols.new_uid())  # fmt: skip
            info = timer.run("visit", lambda data=data: patrols.record_visit(ctx, data))
            if info is not None:
                visits.append(info.uid)
        else:
            uid = outbox.record_visit(ctx, fair, rnd.uid, booth, finding, "离线 / offline",
                                      [photo])  # fmt: skip
            visits.append(uid)
            queued += 1
            if queued % 4 == 0:
                report = timer.run("sync", lambda: outbox.flush(ctx))
                if report is not None and not report.ok:
                    timer.errors.append(f"sync: {report.offline or report.failed[0].last_error}")
    report = outbox.flush(ctx)  # what is still queued goes at the end of the day
    if not report.ok:
        timer.errors.append(f"final sync: {report.offline or report.failed[0].last_error}")
    results.put({"who": username, "times": timer.times, "errors": timer.errors,
                 "complaints": [], "documents": [], "visits": visits})  # fmt: skip
    db.dispose()
    shutil.rmtree(folder, ignore_errors=True)  # the laptop's queue, sent


class _Sampler(threading.Thread):
    """pg_stat_activity every 100 ms: lock waits and the longest statement seen."""

    def __init__(self, url: str, database: str) -> None:
        super().__init__(daemon=True)
        self.engine = create_engine(url)
        self.database = database
        self.stop = threading.Event()
        self.samples = 0
        self.waiting_samples = 0  # samples in which a backend waited on a lock
        self.longest_wait = 0.0
        self.longest_wait_query = ""
        self.slowest = 0.0
        self.slowest_query = ""

    def run(self) -> None:
        sql = text(
            "SELECT wait_event_type, extract(epoch FROM now() - query_start), query "
            "FROM pg_stat_activity WHERE datname = :d AND state = 'active' "
            "AND pid <> pg_backend_pid()"
        )
        with self.engine.connect() as conn:
            while not self.stop.wait(0.1):
                rows = conn.execute(sql, {"d": self.database}).all()
                conn.rollback()
                self.samples += 1
                waits = [r for r in rows if r[0] == "Lock"]
                self.waiting_samples += bool(waits)
                for kind, took, query in rows:
                    took = float(took or 0)
                    if kind == "Lock" and took > self.longest_wait:
                        self.longest_wait, self.longest_wait_query = took, query[:120]
                    if took > self.slowest:
                        self.slowest, self.slowest_query = took, query[:120]
        self.engine.dispose()


def _check(url: str, fair: str, out: list[dict[str, Any]]) -> dict[str, Any]:
    from fairdesk.app_context import SYSTEM
    from fairdesk.db.engine import Database
    from fairdesk.services.checks.audit_verify import verify_chain
    from fairdesk.services.context import Context

    got = [n for r in out for n in r["complaints"]]
    visits = [u for r in out for u in r["visits"]]
    docs = [d for r in out for d in r["documents"]]
    db = Database(url)
    try:
        with db.engine.connect() as conn:
            fid = conn.execute(text("SELECT id FROM fairs WHERE code = :c"), {"c": fair}).scalar()
            stored = [
                r[0]
                for r in conn.execute(
                    text("SELECT number FROM complaints WHERE fair_id = :f"), {"f": fid}
                )
            ]
            counter = conn.execute(text(
                "SELECT value FROM counters WHERE fair_id = :f AND series = 'complaint'"),
                {"f": fid}).scalar()  # fmt: skip
            stored_visits = [
                r[0]
                for r in conn.execute(
                    text("SELECT uid FROM booth_visits WHERE uid = ANY(:u)"), {"u": visits}
                )
            ]
            stored_docs = [r[0] for r in conn.execute(
                text("SELECT number FROM issued_documents WHERE number = ANY(:n)"),
                {"n": docs})]  # fmt: skip
            deadlocks = conn.execute(
                text("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")
            ).scalar()
        chain = verify_chain(Context(db, SYSTEM))
    finally:
        db.dispose()
    serials = sorted(int(n.rsplit("-", 1)[1]) for n in stored)
    stored_set = set(stored)
    return {
        "complaints": len(got),
        "complaints_lost": sum(1 for n in got if n not in stored_set),
        "complaints_duplicated": len(got) - len(set(got)) + len(stored) - len(stored_set),
        "gap_free": serials == list(range(1, (counter or 0) + 1)),
        "visits": len(visits),
        "visits_lost": len(set(visits) - set(stored_visits)),
        "visits_duplicated": len(visits)
        - len(set(visits))
        + len(stored_visits)
        - len(set(stored_visits)),
        "documents": len(docs),
        "documents_lost": len(set(docs) - set(stored_docs)),
        "deadlocks": deadlocks,
        "audit_intact": chain.ok,
        "audit_events": chain.checked,
    }


def bench_fairday(
    url: str,
    fair: str,
    booths: list[str],
    size: int,
    *,
    desks: int,
    inspectors: int,
    seconds: float,
    print_limit_ms: float | None,
) -> Figure:
    """The day: `desks` desk and `inspectors` inspector processes for `seconds` seconds."""
    from sqlalchemy.engine import make_url

    prepare(url)
    engine = create_engine(url)
    with engine.connect() as conn:
        halls = [r[0] for r in conn.execute(text(
            "SELECT DISTINCT b.hall FROM booths b JOIN fairs f ON f.id = b.fair_id "
            "WHERE f.code = :c AND b.hall <> '' ORDER BY 1"), {"c": fair})] or [""]  # fmt: skip
    engine.dispose()
    spawn = mp.get_context("spawn")
    barrier = spawn.Barrier(desks + inspectors + 1)
    results = spawn.Queue()
    procs = [
        spawn.Process(target=_desk, args=(url, DESK_USERS[i % len(DESK_USERS)], fair, booths,
                                          seconds, 900 + i, barrier, results))
        for i in range(desks)
    ] + [
        spawn.Process(target=_inspector, args=(url, INSPECTOR_USERS[i % len(INSPECTOR_USERS)],
                                               fair, booths, halls, seconds, 700 + i, barrier,
                                               results))
        for i in range(inspectors)
    ]  # fmt: skip
    for p in procs:
        p.start()
    barrier.wait(timeout=600)
    sampler = _Sampler(url, str(make_url(url).database))
    sampler.start()
    started = time.perf_counter()
    out = [results.get(timeout=seconds + 600) for _ in procs]
    took = time.perf_counter() - started
    sampler.stop.set()
    sampler.join()
    for p in procs:
        p.join()
    check = _check(url, fair, out)
    times: dict[str, list[float]] = {}
    for r in out:
        for action, values in r["times"].items():
            times.setdefault(action, []).extend(values)
    errors = [e for r in out for e in r["errors"]]
    p95 = {a: percentile(v, 95) * 1000 for a, v in times.items() if v}
    median = {a: statistics.median(v) * 1000 for a, v in times.items() if v}
    counts = {a: len(v) for a, v in times.items()}
    total = sum(counts.values())
    others = {a: v for a, v in p95.items() if a != "print"}
    worst = max(others, key=lambda a: others[a]) if others else ""
    clean = (
        not errors and check["audit_intact"] and check["gap_free"]
        and not any(check[k] for k in ("complaints_lost", "complaints_duplicated",
                                       "visits_lost", "visits_duplicated", "documents_lost"))
    )  # fmt: skip
    met = (
        clean
        and bool(others)
        and others[worst] <= LIMIT_MS
        and (print_limit_ms is None or p95.get("print", 0.0) <= print_limit_ms)
    )
    per_action = ", ".join(
        f"{a} {counts[a]}× p95 {p95[a]:.0f} ms (median {median[a]:.0f})" for a in sorted(p95)
    )
    log(f"  B9: {total} actions in {took:.0f} s ({total / took:.1f}/s): {per_action}")
    log(f"  B9: server: lock waits in {sampler.waiting_samples}/{sampler.samples} samples, "
        f"longest {sampler.longest_wait * 1000:.0f} ms; slowest statement seen "
        f"{sampler.slowest * 1000:.0f} ms: {sampler.slowest_query}")  # fmt: skip
    note = (
        f"{desks} desks + {inspectors} inspectors, {took:.0f} s, {total / took:.1f} actions/s; "
        f"{per_action}; slowest: {worst}; lock waits seen in {sampler.waiting_samples} of "
        f"{sampler.samples} samples (longest {sampler.longest_wait * 1000:.0f} ms), slowest "
        f"statement seen {sampler.slowest * 1000:.0f} ms; {check['complaints']} complaints, "
        f"{check['visits']} visits, {check['documents']} documents: lost "
        f"{check['complaints_lost'] + check['visits_lost'] + check['documents_lost']}, "
        f"duplicated {check['complaints_duplicated'] + check['visits_duplicated']}, "
        f"gap-free {'yes' if check['gap_free'] else 'NO'}, audit chain "
        f"{'intact' if check['audit_intact'] else 'BROKEN'}"
        + (f"; {len(errors)} errors: {'; '.join(errors[:3])}" if errors else "")
    )
    return Figure(
        "B9",
        "a fair day on PostgreSQL: p95 of the slowest action (printing apart)",
        size,
        others.get(worst),
        LIMIT_MS,
        "ms",
        None,
        f"p95 ≤ {LIMIT_MS:g} ms; print ≤ 2× B3; nothing lost",
        met,
        reps=total,
        note=note,
        extra={
            "p95_ms": p95, "median_ms": median, "counts": counts, "seconds": took,
            "print_limit_ms": print_limit_ms, "errors": errors[:20], "error_count": len(errors),
            "lock_wait_samples": sampler.waiting_samples, "samples": sampler.samples,
            "longest_lock_wait_ms": sampler.longest_wait * 1000,
            "longest_lock_wait_query": sampler.longest_wait_query,
            "slowest_statement_ms": sampler.slowest * 1000,
            "slowest_statement": sampler.slowest_query, **check,
        },
    )  # fmt: skip
