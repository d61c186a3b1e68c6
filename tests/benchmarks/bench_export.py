"""B4: the post-fair follow-up list of a closed edition (every case on it) to XLSX and to
CSV, against the same cells, already in memory, written raw: XlsxWriter's write_row in the
same constant-memory mode, and the csv module."""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

from tests.benchmarks.generate import NOW
from tests.benchmarks.harness import Figure, interleaved, log, ratio_figure


def bench_export(scratch: Path, fair_code: str, size: int, reps: int) -> list[Figure]:
    import xlsxwriter

    from fairdesk.app_context import SYSTEM
    from fairdesk.db.engine import Database
    from fairdesk.services.context import Context
    from fairdesk.services.organizer.followup import (
        export_followup,
        followup_columns,
        iter_followup,
    )
    from fairdesk.services.trust import users

    db = Database(f"sqlite:///{scratch}")
    figures = []
    try:
        organizer = users.get_user(Context(db, SYSTEM), "organizer1")
        ctx = Context(db, organizer.actor, lambda: NOW)
        headers = [c.header_line for c in followup_columns()]
        rows = list(iter_followup(ctx, fair_code))  # the cells, for the baselines
        with tempfile.TemporaryDirectory(prefix="fdbench-b4-") as tmp:
            folder = Path(tmp)

            def product(fmt: str) -> None:
                export_followup(ctx, fair_code, folder / f"followup.{fmt}")

            def raw_xlsx() -> None:
                book = xlsxwriter.Workbook(
                    str(folder / "raw.xlsx"),
                    {"constant_memory": True, "strings_to_formulas": False,
                     "strings_to_urls": False},
                )  # fmt: skip
                sheet = book.add_worksheet("Follow-up")
                sheet.write_row(0, 0, headers)
                for r, row in enumerate(rows, 1):
                    sheet.write_row(r, 0, row)
                book.close()

            def raw_csv() -> None:
                with (folder / "raw.csv").open("w", encoding="utf-8-sig", newline="") as f:
                    writer = csv.writer(f)
                    writer.writerow(headers)
                    writer.writerows(rows)

            for fmt, raw in (("xlsx", raw_xlsx), ("csv", raw_csv)):
                product(fmt)  # warm-up (and the first file)
                raw()
                values, bases = interleaved(lambda fmt=fmt: product(fmt), raw, reps, seed=7)
                written = (folder / f"followup.{fmt}").stat().st_size
                log(f"  B4 {fmt}: {min(values):.2f} s vs raw {min(bases):.2f} s "
                    f"({len(rows):,} rows)")  # fmt: skip
                figures.append(
                    ratio_figure(
                        "B4" + ("x" if fmt == "xlsx" else "c"),
                        f"follow-up list to {fmt.upper()}",
                        size,
                        values,
                        bases,
                        limit=1.5,
                        unit="s",
                        scale=1.0,
                        note=f"{len(rows):,} rows × {len(headers)} columns, "
                        f"{written / 2**20:.1f} MB",
                        extra={"rows": len(rows), "bytes": written},
                    )
                )
    finally:
        db.dispose()
    return figures
