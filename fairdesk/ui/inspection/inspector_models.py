"""Qt item models of the inspector's screen: the re-check list and the round's log."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, cast
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from fairdesk.domain import vocabulary as v
from fairdesk.i18n import format_day_time, format_time
from fairdesk.services.context import Context
from fairdesk.services.fair.fairs import get_fair
from fairdesk.services.inspection.rechecks import RecheckTask, list_tasks
from fairdesk.ui.casework.case_model import countdown
from fairdesk.ui.common.case_labels import desk_words, word
from fairdesk.ui.common.table_model import RowTableModel

Index = QModelIndex | QPersistentModelIndex
CaseNumberRole = Qt.ItemDataRole.UserRole + 1
OverdueRole = Qt.ItemDataRole.UserRole + 2
StatusRole = Qt.ItemDataRole.UserRole + 3

COL_DUE, COL_HALL, COL_BOOTH, COL_CASE, COL_TASK, COL_MEASURE, COL_EXHIBITOR = range(7)
TASK_HEADERS = ("Due", "Hall", "Booth", "Case", "Task", "Measure", "Exhibitor")


class RecheckTaskModel(RowTableModel):
    """Re-inspection tasks, most urgent first; overdue ones say so in words and in bold."""

    headers = TASK_HEADERS

    def __init__(self, ctx: Context, fair_code: str = "", parent: Any = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.fair_code = fair_code
        self.hall = ""
        self._rows: list[RecheckTask] = []
        self._waiting: set[str] = set()
        self._now = ctx.now()
        self.zone: ZoneInfo | None = None  # the fair's time zone, for due times
        self._zone_of = ""
        if fair_code:
            self.reload()

    def set_filter(self, fair_code: str, hall: str = "") -> None:
        self.fair_code, self.hall = fair_code, hall
        self.reload()

    def reload(self) -> None:
        """Read the tasks again (raises the service's error: the caller shows it)."""
        rows = list_tasks(self._ctx, self.fair_code, hall=self.hall) if self.fair_code else []
        if self.fair_code and self._zone_of != self.fair_code:
            self.zone = ZoneInfo(get_fair(self._ctx, self.fair_code).timezone)
            self._zone_of = self.fair_code
        self.beginResetModel()
        self._now = self._ctx.now()
        self._rows = rows
        self.endResetModel()

    def set_waiting(self, case_numbers: set[str]) -> None:
        """Cases whose result was recorded on this laptop but has not reached the server."""
        self._waiting = set(case_numbers)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(TASK_HEADERS) - 1)
            )

    def task_at(self, row: int) -> RecheckTask:
        return self._rows[row]

    def row_of(self, case_number: str) -> int | None:
        return next((i for i, t in enumerate(self._rows) if t.case_number == case_number), None)

    def overdue_count(self) -> int:
        return sum(1 for t in self._rows if t.overdue)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        task = self._rows[index.row()]
        waiting = task.case_number in self._waiting
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(task, column, waiting)
        if role == CaseNumberRole:
            return task.case_number
        if role == OverdueRole:
            return task.overdue
        if role == StatusRole:
            return "waiting" if waiting else ("overdue" if task.overdue else "")
        if role == Qt.ItemDataRole.FontRole and (task.overdue or waiting):
            font = QFont()
            font.setBold(task.overdue and not waiting)
            font.setItalic(waiting)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            if waiting:
                return QBrush(QColor("#607d8b"))
            if task.overdue and column == COL_DUE:
                return QBrush(QColor("#b00020"))
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [task.case_number, task.exhibitor]
            if task.storage_place:
                parts.append(self.tr("Stored at: {0}").format(task.storage_place))
            if task.note:
                parts.append(task.note)
            return "\n".join(p for p in parts if p)
        return None

    def _display(self, task: RecheckTask, column: int, waiting: bool) -> str:
        if column == COL_DUE:
            if waiting:
                return self.tr("result waiting to send")
            if task.due_at is None:
                return self.tr("after escalation")
            local = task.due_at.astimezone(self.zone)
            today = self._now.astimezone(self.zone).date()
            shown = format_time(local) if local.date() == today else format_day_time(local)
            return f"{shown}  {countdown(task.due_at, self._now, False)}"
        if column == COL_HALL:
            return task.hall
        if column == COL_BOOTH:
            return task.booth
        if column == COL_CASE:
            return task.case_number
        if column == COL_TASK:
            return desk_words(task.words)
        if column == COL_MEASURE:
            return word(v.MEASURES, task.measure_type)
        if column == COL_EXHIBITOR:
            return task.exhibitor
        return ""


@dataclass(frozen=True)
class LogItem:
    uid: str
    at: datetime
    booth: str
    text: str
    photos: int
    status: str  # waiting | sent | failed


LOG_HEADERS = ("Time", "Booth", "Finding", "Photos", "Sent")
COL_LOG_FINDING = 2
STATUS_TEXT = {
    "waiting": QT_TRANSLATE_NOOP("VisitLogModel", "waiting to send"),
    "sent": QT_TRANSLATE_NOOP("VisitLogModel", "sent"),
    "failed": QT_TRANSLATE_NOOP("VisitLogModel", "REFUSED — see outbox"),
}


class VisitLogModel(RowTableModel):
    """What the inspector recorded in this session, newest first, with its send status."""

    headers = LOG_HEADERS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[LogItem] = []
        self.zone: ZoneInfo | None = None

    def set_items(self, items: list[LogItem]) -> None:
        """Replace the list (newest first is the caller's order)."""
        self.set_rows(items)

    def add(self, item: LogItem) -> None:
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._rows.insert(0, item)
        self.endInsertRows()

    def set_statuses(self, statuses: dict[str, str]) -> None:
        for row, item in enumerate(self._rows):
            status = statuses.get(item.uid, "sent")  # gone from the outbox: it was sent
            if status != item.status:
                self._rows[row] = replace(item, status=status)
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(LOG_HEADERS) - 1))

    def item_at(self, row: int) -> LogItem:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                format_time(item.at.astimezone(self.zone)),
                item.booth,
                item.text,
                str(item.photos) if item.photos else "",
                # QT_TRANSLATE_NOOP gives back its text, which the stubs call object.
                self.tr(cast(str, STATUS_TEXT[item.status]))
                if item.status in STATUS_TEXT
                else item.status,
            )[index.column()]
        if role == StatusRole:
            return item.status
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 4:
            colour = {"waiting": "#8a6d00", "failed": "#b00020"}.get(item.status, "#2e7d32")
            return QBrush(QColor(colour))
        return None
