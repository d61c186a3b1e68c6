"""Column specs shared by the table writers."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from fairdesk.domain.errors import StorageError

# Called with the number of rows written so far; may raise to cancel the export.
RowProgress = Callable[[int], None]
PROGRESS_EVERY = 500


@dataclass(frozen=True)
class Column:
    key: str
    zh: str
    en: str
    width: float = 14.0  # in characters (XLSX)
    kind: str = "text"  # text | int | date | datetime
    personal: bool = False  # personal contact data, left out on request

    @property
    def header(self) -> str:
        """The bilingual header on two lines (XLSX, PDF)."""
        return f"{self.zh}\n{self.en}"

    @property
    def header_line(self) -> str:
        """The bilingual header on one line (CSV)."""
        return f"{self.zh} / {self.en}"


def local_stamp(moment: datetime, timezone: str) -> str:
    """A time in the fair's zone, the zone named: '2026-11-06 10:08（北京时间 / Beijing time）'
    (a list is read by the fair's people, whatever zone the machine that made it is in)."""
    local = moment.astimezone(ZoneInfo(timezone))
    offset = local.strftime("%z")
    zone = "北京时间 / Beijing time" if offset == "+0800" else f"UTC{offset[:3]}:{offset[3:]}"
    return f"{local:%Y-%m-%d %H:%M}（{zone}）"


@contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """A temporary file beside `path`, renamed onto it only when the block succeeds.

    A cancelled or failed export leaves no half-written file (and an earlier export of
    the same name intact).
    """
    path = Path(path)
    folder = path.resolve().parent
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise StorageError(
            "Cannot write in {folder}: {reason}.", folder=folder, reason=exc.strerror
        ) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        try:
            os.replace(tmp, path)
        except OSError as exc:
            raise StorageError(
                "Cannot write {path}: {reason}.", path=path, reason=exc.strerror
            ) from exc
    finally:
        tmp.unlink(missing_ok=True)
