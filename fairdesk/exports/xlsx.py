# mypy: disable-error-code="import-untyped"
"""Streaming XLSX writer (XlsxWriter in constant-memory mode).

Each row is written to disk as it comes, so 100,000 rows cost the memory of one. The
sheet has a frozen bilingual header, an autofilter over all rows, column widths, real
dates, real numbers, and text cells that can never start a formula (quote-prefixed
strings, see `fairdesk.exports.safe_cells`). Past Excel's 1,048,576 rows a sheet is
continued on the next one, so there is no row cap.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import xlsxwriter

from fairdesk.exports.safe_cells import is_number, needs_neutralising
from fairdesk.exports.table import PROGRESS_EVERY, Column, RowProgress, atomic_output

MAX_ROWS = 1_048_576  # Excel's limit per sheet, header included
MAX_CELL = 32_767


def write_xlsx(
    path: Path,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
    *,
    sheet: str = "Sheet1",
    title: str = "",
    progress: RowProgress | None = None,
    max_rows: int = MAX_ROWS,
) -> int:
    """Write the rows; return how many were written. `progress(n)` may raise to cancel."""
    count = 0
    with atomic_output(path) as tmp:
        book = xlsxwriter.Workbook(
            str(tmp),
            {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False},
        )
        try:
            if title:
                book.set_properties({"title": title, "comments": "FairDesk"})
            fmt = _Formats(book)
            ws = _sheet(book, sheet, 1, columns, fmt)
            r = 1
            part = 1
            for row in rows:
                if r >= max_rows:
                    _finish(ws, r, columns)
                    part += 1
                    ws = _sheet(book, sheet, part, columns, fmt)
                    r = 1
                for c, (col, value) in enumerate(zip(columns, row, strict=True)):
                    _cell(ws, r, c, col, value, fmt)
                r += 1
                count += 1
                if progress is not None and count % PROGRESS_EVERY == 0:
                    progress(count)
            _finish(ws, r, columns)
        finally:
            book.close()
        if progress is not None:
            progress(count)  # may still cancel: the file is not in place yet
    return count


class _Formats:
    def __init__(self, book: Any) -> None:
        self.header = book.add_format(
            {"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#DDE6F0", "border": 1}
        )
        self.date = book.add_format({"num_format": "yyyy-mm-dd"})
        self.datetime = book.add_format({"num_format": "yyyy-mm-dd hh:mm"})
        self.quoted = book.add_format({"quote_prefix": True})


def _sheet(book: Any, name: str, part: int, columns: Sequence[Column], fmt: _Formats) -> Any:
    ws = book.add_worksheet(name if part == 1 else f"{name} ({part})"[:31])
    for c, col in enumerate(columns):
        ws.set_column(c, c, col.width)
    ws.set_row(0, 32)
    for c, col in enumerate(columns):
        ws.write_string(0, c, col.header, fmt.header)
    ws.freeze_panes(1, 0)
    return ws


def _finish(ws: Any, rows: int, columns: Sequence[Column]) -> None:
    # The autofilter range must be known before the sheet is closed (row count incl. header).
    ws.autofilter(0, 0, max(rows - 1, 0), len(columns) - 1)


def _cell(ws: Any, r: int, c: int, col: Column, value: Any, fmt: _Formats) -> None:
    if type(value) is str:  # most cells are text: written before any other test
        if value:
            text = value[:MAX_CELL]
            if needs_neutralising(text):
                ws.write_string(r, c, text, fmt.quoted)
            else:
                ws.write_string(r, c, text)
        return
    if value is None or value == "":
        return
    if isinstance(value, datetime):
        ws.write_datetime(r, c, value.replace(tzinfo=None), fmt.datetime)
    elif isinstance(value, date):
        ws.write_datetime(r, c, value, fmt.date)
    elif is_number(value):
        ws.write_number(r, c, value)
    else:
        text = str(value)[:MAX_CELL]
        if needs_neutralising(text):
            ws.write_string(r, c, text, fmt.quoted)
        else:
            ws.write_string(r, c, text)
