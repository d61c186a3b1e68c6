"""B1 (start to a painted case list) and B6 (peak memory with the list scrolled to its end),
each repetition in a fresh process (probe_window.py) next to a bare PySide6 window."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.benchmarks.generate import NOW
from tests.benchmarks.harness import Figure, installed_env, log, ratio_figure

PROBE = Path(__file__).with_name("probe_window.py")
USER = "desk1"


def _env(folder: Path) -> dict[str, str]:
    env = installed_env(dict(os.environ))
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["FAIRDESK_DATA_DIR"] = str(folder / "data")
    env["FAIRDESK_SETTINGS"] = str(folder / "settings.ini")
    for name in ("FAIRDESK_DB", "FAIRDESK_USER", "FAIRDESK_PASSWORD"):
        env.pop(name, None)
    return env


def probe(args: list[str], folder: Path, timeout: float = 3600) -> tuple[float, dict[str, Any]]:
    """Start the probe; return the wall time from launch to its report, and the report
    (with `launched_at`, the wall clock at launch, to compare with its times)."""
    # stderr to a file: a child that writes much there never blocks before it reports.
    with tempfile.TemporaryFile("w+") as errors:
        launched = time.time()
        started = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, str(PROBE), *args],
            stdout=subprocess.PIPE,
            stderr=errors,
            env=_env(folder),
            text=True,
        )
        line = proc.stdout.readline() if proc.stdout else ""
        wall = time.perf_counter() - started
        try:
            proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
        errors.seek(0)
        err = errors.read()[-4000:]
    if not line.strip():
        raise RuntimeError(f"probe {args[0]} reported nothing (exit {proc.returncode}):\n{err}")
    return wall, {**json.loads(line), "launched_at": launched}


def _fairdesk_args(db: Path, scroll: bool = False) -> list[str]:
    args = ["fairdesk", f"sqlite:///{db}", USER, NOW.isoformat()]
    return [*args, "--scroll"] if scroll else args


def bench_start(db: Path, size: int, reps: int, label: str) -> list[Figure]:
    """B1, launch to the table painted, against a bare window (alternating launches), in
    two figures: B1p, FairDesk's first paint (the first window a person sees: the sign-in
    dialog; the case table's first paint, rows or not, goes with it as `table_s`); B1, the
    case list painted with its rows. The bare window's figure is its first paint."""
    painted: list[float] = []
    tables: list[float] = []
    filled: list[float] = []
    bases: list[float] = []
    rows = total = 0
    with tempfile.TemporaryDirectory(prefix="fdbench-b1-") as tmp:
        folder = Path(tmp)
        probe(["bare"], folder)  # warm the OS file cache for both
        probe(_fairdesk_args(db), folder)
        for i in range(reps):
            pair = [("bare", ["bare"]), ("fairdesk", _fairdesk_args(db))]
            for kind, args in pair if i % 2 == 0 else reversed(pair):
                _, report = probe(args, folder)
                launched = report["launched_at"]
                if kind == "bare":
                    bases.append(report["painted_at"] - launched)
                else:
                    painted.append(report["painted_at"] - launched)
                    tables.append(report.get("table_painted_at", report["painted_at"]) - launched)
                    filled.append(report["filled_at"] - launched)
                    rows, total = int(report["rows"]), int(report.get("total", 0))
    log(f"  B1 {label}: first paint {min(painted):.2f} s, table {min(tables):.2f} s, "
        f"list filled {min(filled):.2f} s, bare {min(bases):.2f} s")  # fmt: skip
    note = f"list of {total:,} cases, {rows} rows loaded"
    return [
        ratio_figure("B1p", f"start to first paint ({label})", size, painted, bases,
                     limit=1.5, unit="s", scale=1.0, note=note,
                     extra={"list_cases": total, "table_s": tables}),
        ratio_figure("B1", f"start to case list filled ({label})", size, filled, bases,
                     limit=3.0, unit="s", scale=1.0, note=note, extra={"list_cases": total}),
    ]  # fmt: skip


def bench_memory(db: Path, size: int, reps: int, label: str) -> Figure:
    """B6: peak RSS of FairDesk with the case list scrolled end to end, minus the bare
    window's peak RSS (each the largest ru_maxrss seen in `reps` fresh processes)."""
    with tempfile.TemporaryDirectory(prefix="fdbench-b6-") as tmp:
        folder = Path(tmp)
        bare = [probe(["bare"], folder)[1] for _ in range(max(2, reps))]
        runs = [probe(_fairdesk_args(db, scroll=True), folder)[1] for _ in range(reps)]
    base = max(r["maxrss_mib"] for r in bare)
    peak = max(r["maxrss_mib"] for r in runs)
    opened = max(r["maxrss_open_mib"] for r in runs)
    last = runs[-1]
    growth = peak - base
    log(
        f"  B6 {label}: peak {peak:.0f} MiB (open {opened:.0f}), bare {base:.0f} MiB, "
        f"{last['rows_loaded']:,} rows in {last['scroll_seconds']:.1f} s"
    )
    return Figure(
        "B6",
        f"peak memory, case list scrolled end to end ({label})",
        size,
        peak,
        base,
        "MiB",
        growth,
        "≤ +150 MiB",
        growth <= 150,
        reps=reps,
        note=(
            f"{last['rows_loaded']:,} rows; +{opened - base:.0f} MiB when opened; "
            f"scrolled in {last['scroll_seconds']:.1f} s"
            + (f"; {last['pages_held']} pages held" if last.get("pages_held") else "")
        ),
        extra={
            "open_mib": opened,
            "rows_loaded": last["rows_loaded"],
            "pages_held": last.get("pages_held"),
            "scroll_seconds": [r["scroll_seconds"] for r in runs],
            "bare_mib": [r["maxrss_mib"] for r in bare],
            "peak_mib": [r["maxrss_mib"] for r in runs],
        },
    )
