"""What every benchmark shares: the figure it reports, timing, statistics, the machine."""

from __future__ import annotations

import gc
import json
import os
import platform
import random
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]


@dataclass
class Figure:
    """One measured figure: the product's value next to its baseline, measured in the same
    run on the same machine. `ratio` is value / baseline, or for memory the growth in MiB."""

    id: str  # B1 ... B7, with a suffix for a secondary figure ("B2w")
    what: str
    size: int  # cases in the database (the growth axis)
    value: float | None
    baseline: float | None
    unit: str  # "ms", "s", "MiB", "/s"
    ratio: float | None
    target: str
    met: bool | None  # None: no target or not measured
    reps: int = 0
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def installed_env(env: dict[str, str]) -> dict[str, str]:
    """A child process's environment as an installed FairDesk runs: modules loaded from
    bytecode (pip compiles them at install, the frozen build holds them), so a whole
    process measures the app, not Python compiling FairDesk's sources at every start
    (PYTHONDONTWRITEBYTECODE in a developer's shell forbids the cache). The baseline
    processes get the same environment."""
    env = dict(env)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def ratio_figure(
    id: str,
    what: str,
    size: int,
    values: Sequence[float],
    baselines: Sequence[float],
    *,
    limit: float,
    unit: str = "ms",
    scale: float = 1000.0,
    note: str = "",
    extra: dict[str, Any] | None = None,
) -> Figure:
    """Median of the product's times over the median of the baseline's (seconds in)."""
    value = statistics.median(values)
    base = statistics.median(baselines)
    ratio = value / base if base > 0 else None
    return Figure(
        id,
        what,
        size,
        value * scale,
        base * scale,
        unit,
        ratio,
        f"≤ {limit:g}×",
        None if ratio is None else ratio <= limit,
        reps=len(values),
        note=note,
        extra={
            "values": [round(v * scale, 3) for v in values],
            "baselines": [round(b * scale, 3) for b in baselines],
            **(extra or {}),
        },
    )


def skipped(id: str, what: str, size: int, target: str, why: str) -> Figure:
    return Figure(id, what, size, None, None, "", None, target, None, note=f"not measured: {why}")


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    """Wall time of one call, after a full garbage collection, so that neither side of a
    pair pays for the collection of the other's garbage."""
    gc.collect()
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def interleaved(
    product: Callable[[], Any],
    baseline: Callable[[], Any],
    reps: int,
    seed: int = 1,
) -> tuple[list[float], list[float]]:
    """Run the pair `reps` times, in a random order within each pair, so that both sides
    see the same moments of a noisy machine."""
    rng = random.Random(seed)
    values: list[float] = []
    bases: list[float] = []
    for _ in range(reps):
        if rng.random() < 0.5:
            values.append(timed(product)[0])
            bases.append(timed(baseline)[0])
        else:
            bases.append(timed(baseline)[0])
            values.append(timed(product)[0])
    return values, bases


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


# -- the machine --------------------------------------------------------------------------------


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _ram_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 2**20, 1)
    except OSError:
        pass
    return None


def _version(module: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(module)
    except PackageNotFoundError:
        return "?"


def _git() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
        )
        return out.stdout.strip()
    except OSError:
        return ""


def machine(pg_version: str = "") -> dict[str, Any]:
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "ram_gib": _ram_gib(),
        "os": platform.platform(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "postgresql": pg_version,
        "pyside6": _version("PySide6-Essentials"),
        "sqlalchemy": _version("SQLAlchemy"),
        "reportlab": _version("reportlab"),
        "openpyxl": _version("openpyxl"),
        "xlsxwriter": _version("XlsxWriter"),
        "git": _git(),
        "load_at_start": [round(x, 2) for x in load] if load else None,
    }


# -- output -------------------------------------------------------------------------------------


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "ms":
        return f"{value:,.1f} ms" if value < 100 else f"{value:,.0f} ms"
    if unit == "s":
        return f"{value:,.2f} s"
    if unit == "MiB":
        return f"{value:,.0f} MiB"
    return f"{value:,.1f} {unit}".strip()


def ratio_text(f: Figure) -> str:
    if f.ratio is None:
        return "—"
    if f.unit == "MiB":
        return f"+{f.ratio:,.0f} MiB"
    if f.unit == "/s":
        return f"{f.ratio:,.2f}×"
    return f"{f.ratio:,.2f}×"


def met_text(f: Figure) -> str:
    return {True: "met", False: "MISSED", None: "—"}[f.met]


def table(rows: list[list[str]], header: list[str]) -> str:
    def width(text: str) -> int:
        import unicodedata

        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)

    widths = [max(width(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = []
    for n, row in enumerate([header, ["-" * w for w in widths], *rows]):
        del n
        lines.append("  ".join(c + " " * (w - width(c)) for c, w in zip(row, widths, strict=True)))
    return "\n".join(line.rstrip() for line in lines)


def results_table(figures: list[Figure]) -> str:
    rows = [
        [
            f.id,
            f.what,
            f"{f.size:,}",
            _fmt(f.value, f.unit),
            _fmt(f.baseline, f.unit),
            ratio_text(f),
            f.target,
            met_text(f),
            f.note,
        ]
        for f in figures
    ]
    return table(rows, ["", "what", "cases", "FairDesk", "baseline", "ratio", "target", "", "note"])


def growth_table(figures: list[Figure], sizes: list[int]) -> str:
    keys: list[tuple[str, str]] = []
    for f in figures:
        if (f.id, f.what) not in keys:
            keys.append((f.id, f.what))
    rows = []
    for key in keys:
        cells = []
        for size in sizes:
            f = next((g for g in figures if (g.id, g.what) == key and g.size == size), None)
            if f is None or f.value is None:
                cells.append("—")
            elif f.unit == "MiB":
                cells.append(ratio_text(f))
            elif f.ratio is None:
                cells.append(_fmt(f.value, f.unit))
            else:
                cells.append(f"{ratio_text(f)} ({_fmt(f.value, f.unit)})")
        rows.append([key[0], key[1], *cells])
    return table(rows, ["", "what", *[f"{s:,} cases" for s in sizes]])


def write_json(path: Path, payload: dict[str, Any]) -> None:
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2, default=str) + "\n")


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)
