"""FairDesk's benchmark suite: one command, a table on stdout, JSON on request.

    python tests/benchmarks/run.py                       # 1,000 / 10,000 / 100,000 cases
    python tests/benchmarks/run.py --small               # 1,000 cases, few repetitions (CI)
    python tests/benchmarks/run.py --sizes 10000 --only B2,B3 --json out.json

Every figure is a ratio to a baseline measured in the same run on the same machine, so it
holds on a busy machine; nothing here asserts a timing. The histories are generated once
and cached (FAIRDESK_BENCH_CACHE, default ~/.cache/fairdesk-bench). B7 needs a PostgreSQL
server: --pg URL or FAIRDESK_BENCH_PG (default postgresql+psycopg://postgres@127.0.0.1:55432/
postgres); without one it is reported as not measured. See docs/benchmarks.md.

Exit status: 0 when every benchmark ran (met or missed), 1 when one of them failed to run.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

# Before Qt is imported: no window on screen; and no database or user from the caller.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
for _name in ("FAIRDESK_DB", "FAIRDESK_USER", "FAIRDESK_PASSWORD"):
    os.environ.pop(_name, None)

from tests.benchmarks import generate as gen  # noqa: E402
from tests.benchmarks.harness import (  # noqa: E402
    Figure,
    growth_table,
    log,
    machine,
    results_table,
    write_json,
)

DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:55432/postgres"
ALL = ("B1", "B2", "B3", "B4", "B5", "B6", "B7", "B9")


def reps_for(size: int, small: bool) -> dict[str, int]:
    if small:
        return {"B1": 2, "B3": 3, "B4": 2, "B5": 2, "B6": 1, "B7": 5}
    big = size >= 100_000
    return {
        "B1": 5,
        "B3": 15,
        "B4": 1 if big else 3,
        "B5": 2 if big else 3,
        "B6": 1,
        "B7": 25,
    }


def live_booth(db: Path, fair_code: str) -> str:
    import sqlite3

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute(
            "SELECT b.booth_no FROM booths b JOIN fairs f ON f.id = b.fair_id WHERE f.code = ? "
            "GROUP BY b.booth_no HAVING count(*) = 1 ORDER BY b.booth_no LIMIT 1",
            (fair_code,),
        ).fetchone()[0]
    finally:
        conn.close()


def fair_day(
    url: str, fair: str, booths: list[str], size: int, small: bool, figures: list[Figure]
) -> Figure:
    """B9 at the issue's scale (12 desks, 20 inspector laptops, three minutes), or a quick
    one for CI (3 desks, 4 laptops, 15 s); printing is held to 2× B3's issue when B3 ran."""
    from tests.benchmarks.bench_fairday import bench_fairday

    b3 = next((f for f in figures if f.id == "B3" and f.size == size and f.value), None)
    return bench_fairday(
        url,
        fair,
        booths,
        size,
        desks=3 if small else 12,
        inspectors=4 if small else 20,
        seconds=15 if small else 180,
        print_limit_ms=2 * b3.value if b3 is not None and b3.value else None,
    )


def run_size(
    size: int, small: bool, only: set[str], pg_url: str, figures: list[Figure], failures: list[str]
) -> dict[str, float]:
    from tests.benchmarks.bench_export import bench_export
    from tests.benchmarks.bench_import import bench_import
    from tests.benchmarks.bench_intake import bench_intake
    from tests.benchmarks.bench_pdf import bench_pdf
    from tests.benchmarks.bench_search import bench_search, bench_search_pg
    from tests.benchmarks.bench_window import bench_memory, bench_start

    reps = reps_for(size, small)
    log(f"== {size:,} cases")
    history, hshape, h_took = gen.cached_database("history", size, log=log)
    edition, eshape, e_took = gen.cached_database("edition", size, log=log)
    live = hshape.list_fair
    big = eshape.list_fair
    # Stable labels (the growth table matches figures by them); the counts go in the notes.
    label_h = "history: the live edition"
    label_e = "one edition holding every case"

    def attempt(name: str, fn: Callable[[], list[Figure] | Figure]) -> None:
        if name not in only:
            return
        started = time.perf_counter()
        try:
            out = fn()
        except Exception:  # noqa: BLE001 (report the failure, go on with the others)
            failures.append(f"{name} at {size:,}: {traceback.format_exc()}")
            log(f"  {name} FAILED:\n{traceback.format_exc()}")
            return
        figures.extend(out if isinstance(out, list) else [out])
        log(f"  ({name} took {time.perf_counter() - started:.0f} s)")

    with tempfile.TemporaryDirectory(prefix="fdbench-scratch-") as tmp:
        folder = Path(tmp)
        attempt("B1", lambda: bench_start(history, size, reps["B1"], label_h))
        if not small:
            attempt("B1", lambda: bench_start(edition, size, max(2, reps["B1"] - 2), label_e))
        attempt(
            "B2",
            lambda: [
                *bench_search(history, live, size, label_h, window=True),
                *bench_search(edition, big, size, label_e, window=False),
            ],
        )
        if "B3" in only or "B5" in only:
            scratch_h = gen.scratch_copy(history, folder)
            booth = live_booth(history, live)
            attempt("B3", lambda: bench_pdf(scratch_h, live, booth, size, reps["B3"]))
            attempt("B5", lambda: bench_import(scratch_h, size, reps["B5"]))
            scratch_h.unlink()
        if "B4" in only:
            scratch_e = gen.scratch_copy(edition, folder)
            attempt("B4", lambda: bench_export(scratch_e, big, size, reps["B4"]))
            scratch_e.unlink()
        attempt("B6", lambda: bench_memory(edition, size, reps["B6"], label_e))
        if {"B2", "B7", "B9"} & only:  # the history is loaded into PostgreSQL once
            name = next(n for n in ("B7", "B9", "B2") if n in only)
            search = (
                (lambda url: bench_search_pg(url, history, live, size, label_h))
                if "B2" in only
                else None
            )
            day = (
                (lambda url, booths: [fair_day(url, live, booths, size, small, figures)])
                if "B9" in only
                else None
            )
            attempt(
                name,
                lambda: bench_intake(
                    pg_url, size, reps["B7"], before=search, register="B7" in only, after=day
                ),
            )
    return {"history": h_took, "edition": e_took}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--small", action="store_true", help="1,000 cases, few repetitions (CI)")
    p.add_argument("--sizes", help="comma-separated case counts (default 1000,10000,100000)")
    p.add_argument("--json", type=Path, metavar="FILE", help="also write the results as JSON")
    p.add_argument("--only", help=f"comma-separated subset of {','.join(ALL)}")
    p.add_argument(
        "--pg",
        default=os.environ.get("FAIRDESK_BENCH_PG", DEFAULT_PG),
        help="PostgreSQL URL for B7 (a database is created on it and dropped)",
    )
    args = p.parse_args(argv)
    # Settings and data folder of this run only (the B7 desks and the probes inherit them).
    with tempfile.TemporaryDirectory(prefix="fdbench-home-") as home:
        os.environ["FAIRDESK_SETTINGS"] = str(Path(home) / "settings.ini")
        os.environ["FAIRDESK_DATA_DIR"] = str(Path(home) / "data")
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    if args.sizes:
        sizes = list(gen.iter_sizes(args.sizes))
    else:
        sizes = [1000] if args.small else [1000, 10_000, 100_000]
    only = {s.strip().upper() for s in args.only.split(",")} if args.only else set(ALL)
    from tests.benchmarks.bench_intake import pg_available

    pg_ok, pg_version = pg_available(args.pg) if {"B2", "B7", "B9"} & only else (False, "")
    info = machine(pg_version if pg_ok else "")
    log(f"FairDesk benchmarks: sizes {sizes}, cache {gen.cache_dir()}")
    started = time.perf_counter()
    figures: list[Figure] = []
    failures: list[str] = []
    generation: dict[str, dict[str, float]] = {}
    for size in sizes:
        generation[str(size)] = run_size(size, args.small, only, args.pg, figures, failures)
    took = time.perf_counter() - started
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    info["load_at_end"] = [round(x, 2) for x in load] if load else None
    info["suite_seconds"] = round(took, 1)
    print(f"\nFairDesk benchmarks, {info['date']} on {info['cpu']} ({info['cores']} cores)")
    print(results_table(figures))
    if len(sizes) > 1:
        print("\nGrowth (ratio to the baseline, with FairDesk's own figure):")
        print(growth_table(figures, sizes))
    if failures:
        print(f"\n{len(failures)} benchmark(s) failed to run:")
        for f in failures:
            print("  " + f.splitlines()[0])
    print(f"\n{took:.0f} s in all")
    if args.json:
        write_json(
            args.json,
            {
                "machine": info,
                "sizes": sizes,
                "small": args.small,
                "cache": str(gen.cache_dir()),
                "generation_seconds": generation,
                "figures": [f.as_dict() for f in figures],
                "failures": failures,
            },
        )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
