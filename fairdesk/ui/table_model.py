"""Base Qt table models: a list of rows under a row of column headers, optionally paged."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


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
