"""CSV writer: UTF-8 with a byte-order mark (so Excel shows Chinese), one header line,
numbers as numbers, dates in ISO form, and text that can never start a formula."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from fairdesk.exports.safe_cells import csv_cell, csv_cells
from fairdesk.exports.table import PROGRESS_EVERY, Column, RowProgress, atomic_output


def write_csv(
    path: Path,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
    *,
    progress: RowProgress | None = None,
) -> int:
    count = 0
    with atomic_output(path) as tmp, tmp.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, lineterminator="\r\n")
        writer.writerow([csv_cell(col.header_line) for col in columns])
        for row in rows:
            writer.writerow(csv_cells(row))
            count += 1
            if progress is not None and count % PROGRESS_EVERY == 0:
                progress(count)
        if progress is not None:
            progress(count)  # may still cancel: the file is not in place yet
    return count
