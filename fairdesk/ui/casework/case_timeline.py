"""The case's timeline as a Qt item model: who did what, when (fair time), and why."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from fairdesk.services.casework.cases import TimelineEntry
from fairdesk.ui.common.case_labels import event_details, event_label, local_time
from fairdesk.ui.common.table_model import RowTableModel

Index = QModelIndex | QPersistentModelIndex

COL_WHEN, COL_WHO, COL_WHAT, COL_WHY, COL_DETAILS = range(5)
HEADERS = ("When (fair time)", "Who", "What", "Why", "Details")
ActionRole = Qt.ItemDataRole.UserRole + 1  # the audit action code, e.g. "case.notify"
AtRole = Qt.ItemDataRole.UserRole + 2  # the aware datetime of the event


class TimelineModel(RowTableModel):
    headers = HEADERS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[TimelineEntry] = []
        self._zone = ZoneInfo("UTC")
        self._cells: list[tuple[str, str, str, str, str]] = []

    def set_entries(self, entries: Sequence[TimelineEntry], timezone: str) -> None:
        self.beginResetModel()
        self._zone = ZoneInfo(timezone)
        self._rows = list(entries)
        self._cells = [
            (
                local_time(e.at, self._zone),
                e.username,
                event_label(e.action),
                e.reason,
                event_details(e.after, self._zone),
            )
            for e in self._rows
        ]
        self.endResetModel()

    def entry(self, row: int) -> TimelineEntry:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(HEADERS):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._cells[index.row()][index.column()]
            if role == Qt.ItemDataRole.ToolTipRole:
                if index.column() == COL_WHEN:
                    return local_time(self._rows[index.row()].at, self._zone, seconds=True)
                return text or None
            return text
        if role == ActionRole:
            return self._rows[index.row()].action
        if role == AtRole:
            return self._rows[index.row()].at
        return None
