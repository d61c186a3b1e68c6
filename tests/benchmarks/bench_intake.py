"""B7: eight desk processes registering complaints at once on one PostgreSQL database.

A throwaway database is created on the server, filled with the history at the run's size
(the same generator as the SQLite files), used and dropped. Each desk is its own process
with its own engine, signed in as a desk user, registering complaints with one to three
respondents through fairdesk.services.intake.intake. Reported: complaints per second with one
desk and with eight, and a check of the numbers: every complaint and case number a desk
got back is in the database exactly once, and the fair's complaint numbers run from 1 to
the counter without a gap. The audit chain is verified after the run.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import random
import time
from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.benchmarks.generate import NOW, generate, history_shape
from tests.benchmarks.harness import Figure, log, skipped

DESKS = 8
SHARED_RIGHTS = 40  # a few rights many complainants name, so that desks race to register them


def pg_available(url: str) -> tuple[bool, str]:
    try:
        engine = create_engine(url, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            version = conn.execute(text("SHOW server_version")).scalar() or ""
        engine.dispose()
        return True, str(version)
    except Exception as exc:  # noqa: BLE001 (any failure means: no server to use)
        return False, str(exc).splitlines()[0]


def _desk(
    url: str,
    username: str,
    fair_code: str,
    booths: list[str],
    n: int,
    seed: int,
    barrier: Any,
    results: Any,
) -> None:
    """One desk: its own engine and session factory, n complaints as fast as it can."""
    from fairdesk.app_context import SYSTEM
    from fairdesk.db.engine import Database
    from fairdesk.domain.errors import FairDeskError
    from fairdesk.services.context import Context
    from fairdesk.services.intake.intake import (
        ComplaintInput,
        ExhibitInput,
        PartyInput,
        RespondentInput,
        RightInput,
        register_complaint,
    )
    from fairdesk.services.trust import users

    numbers: list[tuple[str, tuple[str, ...]]] = []
    errors: list[str] = []
    db = None
    inputs = []
    try:
        rng = random.Random(seed)
        db = Database(url)
        ctx = Context(db, users.get_user(Context(db, SYSTEM), username).actor, lambda: NOW)
        for i in range(n + 1):  # the first one warms the desk up, before the start
            holder = rng.randint(1, 40)
            if rng.random() < 0.3:
                number = f"ZL20243{rng.randint(1, SHARED_RIGHTS):07d}.5"
            else:
                number = f"ZL20242{seed % 100:02d}{i:05d}.3"
            respondents = [
                RespondentInput(booth=b, exhibits=[ExhibitInput("空气炸锅 / Air fryer", "AF-1", 2)])
                for b in rng.sample(booths, rng.choices((1, 2, 3), weights=(77, 16, 7))[0])
            ]
            inputs.append(
                ComplaintInput(
                    complainant=PartyInput(
                        f"基准投诉人{holder}有限公司",
                        f"Benchmark Holder {holder} GmbH",
                        id_doc_no=f"HRB{holder:06d}",
                    ),
                    rights=[
                        RightInput(
                            "utility_model",
                            number,
                            "空气炸锅的散热组件 / Heat-dissipation assembly for an air fryer",
                            f"Benchmark Holder {holder} GmbH",
                            valid_until=date(2034, 1, 1),
                        )
                    ],
                    respondents=respondents,
                    commitment_signed=True,
                    summary="基准测试投诉 / Benchmark complaint",
                )
            )
        warm = inputs.pop(0)
        reg = register_complaint(ctx, fair_code, warm)  # connected, statements compiled
        numbers.append((reg.number, reg.case_numbers))
    except Exception as exc:  # noqa: BLE001 (reported, and the others are not kept waiting)
        errors.append(f"warm-up: {type(exc).__name__}: {str(exc).splitlines()[0]}")
    barrier.wait()
    timed = len(numbers)
    for data in inputs:
        # A desk that gets an error has lost what it typed: every error is reported, the
        # ones FairDesk explains (FairDeskError) and the ones it does not (a bug).
        try:
            reg = register_complaint(ctx, fair_code, data)
            numbers.append((reg.number, reg.case_numbers))
        except FairDeskError as exc:
            errors.append(f"{type(exc).__name__}: {exc}")
        except Exception as exc:  # noqa: BLE001
            first = str(exc).splitlines()[0] if str(exc) else ""
            errors.append(f"unexplained {type(exc).__name__}: {first}")
    results.put(
        {
            "desk": username,
            "numbers": numbers,
            "timed": len(numbers) - timed,
            "errors": errors,
            "end": time.time(),
        }
    )
    if db is not None:
        db.dispose()


def _run(url: str, fair_code: str, booths: list[str], desks: int, per_desk: int, seed: int):  # type: ignore[no-untyped-def]
    spawn = mp.get_context("spawn")
    barrier = spawn.Barrier(desks + 1)
    results = spawn.Queue()
    procs = [
        spawn.Process(
            target=_desk,
            args=(url, f"desk{1 + i % 4}", fair_code, booths, per_desk, seed + i, barrier, results),
        )  # fmt: skip
        for i in range(desks)
    ]
    for p in procs:
        p.start()
    barrier.wait(timeout=300)
    started = time.time()
    out = [results.get(timeout=3600) for _ in procs]
    for p in procs:
        p.join()
    ended = max(r["end"] for r in out)
    return out, ended - started


def _check(url: str, fair_code: str, runs: list[list[dict[str, Any]]]) -> dict[str, Any]:
    from fairdesk.app_context import SYSTEM
    from fairdesk.db.engine import Database
    from fairdesk.services.checks.audit_verify import verify_chain
    from fairdesk.services.context import Context

    got = [n for run in runs for r in run for n, _ in r["numbers"]]
    got_cases = [c for run in runs for r in run for _, cases in r["numbers"] for c in cases]
    db = Database(url)
    try:
        with db.engine.connect() as conn:
            fid = conn.execute(text("SELECT id FROM fairs WHERE code = :c"), {"c": fair_code})
            fid = fid.scalar()
            stored = [
                row[0]
                for row in conn.execute(
                    text("SELECT number FROM complaints WHERE fair_id = :f"), {"f": fid}
                )
            ]
            stored_cases = {
                row[0]
                for row in conn.execute(
                    text("SELECT number FROM respondent_cases WHERE fair_id = :f"), {"f": fid}
                )
            }
            counter = conn.execute(
                text("SELECT value FROM counters WHERE fair_id = :f AND series = 'complaint'"),
                {"f": fid},
            ).scalar()
        chain = verify_chain(Context(db, SYSTEM))
    finally:
        db.dispose()
    serials = sorted(int(n.rsplit("-", 1)[1]) for n in stored)
    stored_set = set(stored)
    return {
        "registered": len(got),
        "duplicated": len(got) - len(set(got)) + len(stored) - len(stored_set),
        "lost": sum(1 for n in got if n not in stored_set),
        "cases_duplicated": len(got_cases) - len(set(got_cases)),
        "cases_lost": sum(1 for c in got_cases if c not in stored_cases),
        "gap_free": serials == list(range(1, (counter or 0) + 1)),
        "counter": counter,
        "audit_intact": chain.ok,
        "audit_events": chain.checked,
    }


def _kinds(errors: list[str]) -> str:
    counts: dict[str, int] = {}
    for e in errors:
        key = e.split(" DETAIL")[0][:90]
        counts[key] = counts.get(key, 0) + 1
    return "; ".join(f"{n}× {k}" for k, n in sorted(counts.items(), key=lambda kv: -kv[1]))


def bench_intake(
    pg_url: str,
    size: int,
    per_desk: int,
    *,
    before: Callable[[str], list[Figure]] | None = None,
    register: bool = True,
    after: Callable[[str, list[str]], list[Figure]] | None = None,
) -> list[Figure]:
    """B7 on a throwaway database holding the history; `before(url)` runs first on the
    same database (B2 on PostgreSQL) and `after(url, booths)` last (B9, a fair day), so the
    history is loaded once for all."""
    what = f"{DESKS} desks registering complaints on PostgreSQL"
    ok, version = pg_available(pg_url)
    if not ok:
        out = []
        if before is not None:
            out.append(skipped("B2pg", "search on PostgreSQL", size, "≤ 3× and ≤ 50 ms", version))
        if register:
            out.append(skipped("B7", what, size, "throughput; 0 lost/duplicated", version))
        if after is not None:
            out.append(skipped("B9", "a fair day on PostgreSQL", size, "p95 ≤ 100 ms", version))
        return out
    figures: list[Figure] = []
    base = make_url(pg_url)
    admin = create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    name = f"fdbench_{os.getpid()}_{size}"
    url = base.set(database=name).render_as_string(hide_password=False)
    shape = history_shape(size)
    fair = shape.list_fair
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        started = time.perf_counter()
        generate(url, shape, log=log)
        loaded = time.perf_counter() - started
        log(f"  B7: history of {size:,} cases loaded into PostgreSQL in {loaded:.0f} s")
        engine = create_engine(url)
        with engine.connect() as conn:
            booths = [
                r[0]
                for r in conn.execute(
                    text(
                        "SELECT b.booth_no FROM booths b JOIN fairs f ON f.id = b.fair_id "
                        "WHERE f.code = :c GROUP BY b.booth_no HAVING count(*) = 1 "
                        "ORDER BY b.booth_no"
                    ),
                    {"c": fair},
                )
            ]
        engine.dispose()
        if before is not None:
            figures += before(url)
        if register:
            one, one_s = _run(url, fair, booths, 1, per_desk * 2, seed=100)
            many, many_s = _run(url, fair, booths, DESKS, per_desk, seed=200)
            check = _check(url, fair, [one, many])
        if after is not None:
            figures += after(url, booths)
        if not register:
            return figures
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    done_one = sum(r["timed"] for r in one)
    done_many = sum(r["timed"] for r in many)
    errors = [e for run in (one, many) for r in run for e in r["errors"]]
    rate_one = done_one / one_s
    rate_many = done_many / many_s
    clean = (
        check["duplicated"] == 0
        and check["lost"] == 0
        and check["cases_duplicated"] == 0
        and check["cases_lost"] == 0
        and check["gap_free"]
        and check["audit_intact"]
        and not errors
    )
    log(
        f"  B7: {rate_many:.1f} complaints/s with {DESKS} desks, {rate_one:.1f}/s with one; "
        f"lost {check['lost']}, duplicated {check['duplicated']}, gap-free {check['gap_free']}"
    )
    note = (
        f"{done_many} complaints in {many_s:.1f} s; one desk alone {rate_one:.1f}/s; "
        f"lost {check['lost']}, duplicated {check['duplicated']}, "
        f"gap-free {'yes' if check['gap_free'] else 'NO'}, "
        f"audit chain {'intact' if check['audit_intact'] else 'BROKEN'}"
        + (f"; {len(errors)} registrations failed: {_kinds(errors)}" if errors else "")
    )
    return [
        *figures,
        Figure(
            "B7",
            what,
            size,
            rate_many,
            rate_one,
            "/s",
            rate_many / rate_one if rate_one else None,
            "throughput; 0 lost/duplicated",
            clean,
            reps=DESKS,
            note=note,
            extra={
                "postgresql": version,
                "history_load_seconds": loaded,
                "one_desk_per_s": rate_one,
                "eight_desks_per_s": rate_many,
                "errors": errors[:20],
                "failed_registrations": len(errors),
                **check,
            },
        ),
    ]
