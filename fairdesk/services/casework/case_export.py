"""Export of the desk's case list (a selection, or every case a filter shows) to CSV or XLSX.

CSV is UTF-8 with a byte-order mark so Excel shows Chinese; every text cell goes through
`fairdesk.exports.safe_cells` (via the writers in `fairdesk.exports`), so an exhibitor
name typed as ``=HYPERLINK(...)`` stays text. Times are in the fair's time zone. Each
export is recorded in the audit trail (file name, format, rows).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from fairdesk.domain import vocabulary as v
from fairdesk.domain.errors import InvalidInput
from fairdesk.domain.permissions import Permission
from fairdesk.exports.table import Column
from fairdesk.services.casework.cases import CaseFilter, CaseRow, list_cases
from fairdesk.services.context import Context
from fairdesk.services.fair.fairs import fair_by_code
from fairdesk.services.trust import audit

__all__ = ["CASE_COLUMNS", "FORMATS", "CaseExportResult", "export_cases"]

FORMATS = ("csv", "xlsx")
BATCH = 2000

CASE_COLUMNS: tuple[Column, ...] = (
    Column("case_number", "案件编号", "Case", 18),
    Column("complaint_number", "投诉编号", "Complaint", 16),
    Column("state", "状态", "State", 18),
    Column("exhibitor_zh", "被投诉展商", "Exhibitor (Chinese)", 28),
    Column("exhibitor_en", "展商英文名", "Exhibitor (English)", 28),
    Column("hall", "展馆", "Hall", 8),
    Column("booth", "展位", "Booth", 10),
    Column("complainant", "投诉人", "Complainant", 26),
    Column("received_at", "收到时间", "Received", 17, kind="datetime"),
    Column("next_due_kind", "下一期限", "Next deadline", 14),
    Column("next_due_at", "期限时间", "Due at", 17, kind="datetime"),
    Column("assigned_to", "承办人", "Assigned to", 12),
)


@dataclass(frozen=True)
class CaseExportResult:
    path: Path
    format: str
    rows: int


def _format_of(path: Path, fmt: str | None) -> str:
    chosen = (fmt or path.suffix.lstrip(".")).lower()
    if chosen not in FORMATS:
        raise InvalidInput(
            "Cannot export to '{name}': give a file ending in .csv or .xlsx.", name=path.name
        )
    return chosen


def _local(value: datetime | None, zone: ZoneInfo) -> datetime | None:
    return None if value is None else value.astimezone(zone).replace(tzinfo=None)


def _row(r: CaseRow, zone: ZoneInfo) -> list[Any]:
    return [
        r.number,
        r.complaint_number,
        v.CASE_STATES.words(r.state).both,
        r.exhibitor_zh,
        r.exhibitor_en,
        r.hall,
        r.booth,
        r.complainant,
        _local(r.received_at, zone),
        v.CLOCKS.words(r.next_due_kind).both if r.next_due is not None else "",
        _local(r.next_due, zone),
        r.assigned_to,
    ]


def _rows_of(ctx: Context, flt: CaseFilter) -> list[list[Any]]:
    """The rows an export of `flt` writes, in the list's order."""
    with ctx.db.reading() as session:
        zone = ZoneInfo(fair_by_code(session, flt.fair_code).timezone)
    rows: list[list[Any]] = []
    offset = 0
    while True:
        batch = list_cases(ctx, flt, offset=offset, limit=BATCH)
        rows.extend(_row(r, zone) for r in batch)
        if len(batch) < BATCH:
            return rows
        offset += BATCH


def export_cases(
    ctx: Context,
    flt: CaseFilter,
    path: Path,
    *,
    numbers: list[str] | tuple[str, ...] = (),
    fmt: str | None = None,
) -> CaseExportResult:
    """Write the cases `flt` shows (only `numbers` of them when given) to CSV or XLSX."""
    ctx.require(Permission.EXPORT)
    path = Path(path)
    chosen = _format_of(path, fmt)
    if numbers:
        flt = replace(flt, numbers=tuple(numbers))
    rows = _rows_of(ctx, flt)
    if chosen == "xlsx":
        from fairdesk.exports.xlsx import write_xlsx

        count = write_xlsx(
            path, CASE_COLUMNS, rows, sheet="案件 Cases", title=f"{flt.fair_code} cases"
        )
    else:
        from fairdesk.exports.csv_file import write_csv

        count = write_csv(path, CASE_COLUMNS, rows)
    with ctx.db.writing() as session:
        fair = fair_by_code(session, flt.fair_code)
        audit.record(
            session,
            ctx,
            "cases.export",
            "fair",
            fair.id,
            fair_id=fair.id,
            after={
                "file": path.name,
                "format": chosen,
                "rows": count,
                "selection": bool(numbers),
                "numbers": [r[0] for r in rows[:200]],
            },
        )
    return CaseExportResult(path, chosen, count)
