"""Base Qt table models: a list of rows under a row of column headers, optionally paged."""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from fairdesk.domain.errors import FairDeskError

Index = QModelIndex | QPersistentModelIndex
log = logging.getLogger(__name__)


class RowTableModel(QAbstractTableModel):
    """One row per item of `_rows`, one column per header.

    `headers` are English and translated when shown, with `self.tr`: the context is the
    subclass's name (scripts/update_translations.py reads a class's `headers = ...`)."""

    headers: tuple[str, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: Iterable[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.headers[section]) if 0 <= section < len(self.headers) else None
        return None


class PagedTableModel(RowTableModel):
    """Rows read `page_size` at a time as the view scrolls (canFetchMore / fetchMore).

    Subclasses implement `_count()` and `_load_page(offset, limit)`."""

    def __init__(self, page_size: int, parent: Any = None) -> None:
        super().__init__(parent)
        self.page_size = page_size
        self._total = 0

    def _count(self) -> int:
        raise NotImplementedError

    def _load_page(self, offset: int, limit: int) -> list[Any]:
        raise NotImplementedError

    def reload(self) -> None:
        """Count the rows and read the first page (raises the service's error, emptied)."""
        self.beginResetModel()
        try:
            self._total = self._count()
            self._rows = self._load_page(0, self.page_size)
        except BaseException:
            self._rows, self._total = [], 0
            raise
        finally:
            self.endResetModel()

    def total(self) -> int:
        return self._total

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid():
            return
        more = self._load_page(len(self._rows), self.page_size)
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()


class CachedPagesTableModel(PagedTableModel):
    """Every row of the list shown at once (rowCount is the count), read `page_size` at a
    time when the view (data) or the code (row_at) first touches one of a page's rows.

    At most `max_pages` pages are kept: the least recently used is dropped when another is
    read, so a list of 100,000 rows scrolled end to end holds a few thousand rows; a row of
    a dropped page is read again when touched. `reload()` empties the cache. Subclasses
    implement `_load_page(offset, limit)` and `_load_first(limit)` or `_count()`, and read
    their rows with `row_at` (code) or `cached_row` (data)."""

    max_pages = 10

    def __init__(self, page_size: int, parent: Any = None) -> None:
        super().__init__(page_size, parent)
        self._pages: OrderedDict[int, list[Any]] = OrderedDict()  # page number -> rows
        self._failed: set[int] = set()  # pages whose reading failed since the last reload
        self._ends: dict[int, Any] = {}  # page number -> its last row, for _load_after

    def _load_after(self, row: Any, limit: int) -> list[Any] | None:
        """The `limit` rows following `row` (fetched by the sort key), or None when the
        subclass reads by offset only. Used for the page after one already read, so that
        scrolling to the end costs each page the same, not more the further it is."""
        return None

    def _load_first(self, limit: int) -> tuple[int, list[Any]]:
        """The number of rows and the first page (one query when the service allows)."""
        return self._count(), self._load_page(0, limit)

    def reload(self) -> None:
        """Count the rows and read the first page, and again the page read last when it
        still exists (the one the view or the selection was on), so that a refresh finds
        the selected row there (raises the service's error, emptied)."""
        recent = next(reversed(self._pages), 0) if self._pages else 0
        self.beginResetModel()
        try:
            self._pages.clear()
            self._failed.clear()
            self._ends.clear()
            self._rows = []
            self._total, first = self._load_first(self.page_size)
            self._pages[0] = first
            if len(first) == self.page_size:
                self._ends[0] = first[-1]
            if recent > 0 and recent * self.page_size < self._total:
                self._page(recent)
        except BaseException:
            self._pages.clear()
            self._total = 0
            raise
        finally:
            self.endResetModel()

    def cached_pages(self) -> int:
        """How many pages are held now (at most `max_pages`)."""
        return len(self._pages)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._total

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return False  # every row is there from the start; pages are read when touched

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        return

    def row_at(self, row: int) -> Any:
        """The item shown on `row`, read (again) if its page is not held; raises IndexError
        for a row the list does not have, and the service's error if it cannot be read."""
        if not 0 <= row < self._total:
            raise IndexError(row)
        page = self._page(row // self.page_size)
        offset = row % self.page_size
        if offset >= len(page):  # the list lost rows since it was counted
            raise IndexError(row)
        return page[offset]

    def cached_row(self, row: int) -> Any | None:
        """As row_at, for painting: None rather than an error. A page that cannot be read
        is not tried again before the next reload (the window says the server is gone and
        reloads when it is back); it is logged once."""
        if not 0 <= row < self._total:
            return None
        number = row // self.page_size
        if number in self._failed:
            return None
        try:
            page = self._page(number)
        except FairDeskError:
            log.warning("rows %d-%d could not be read", *self._span(number), exc_info=True)
            self._failed.add(number)
            return None
        offset = row % self.page_size
        return page[offset] if offset < len(page) else None

    def cached_rows(self) -> Iterator[tuple[int, Any]]:
        """(row, item) for every row held now, without reading anything."""
        for number, page in self._pages.items():
            start = number * self.page_size
            for offset, item in enumerate(page):
                yield start + offset, item

    def _span(self, number: int) -> tuple[int, int]:
        return number * self.page_size, (number + 1) * self.page_size - 1

    def _page(self, number: int) -> list[Any]:
        page = self._pages.get(number)
        if page is not None:
            if number != next(reversed(self._pages)):
                self._pages.move_to_end(number)
            return page
        before = self._ends.get(number - 1)
        found = None if before is None else self._load_after(before, self.page_size)
        page = self._load_page(number * self.page_size, self.page_size) if found is None else found
        self._failed.discard(number)
        self._pages[number] = page
        if len(page) == self.page_size:  # a short page is the last: nothing follows it
            self._ends[number] = page[-1]
        while len(self._pages) > self.max_pages:
            self._pages.popitem(last=False)
        return page
