"""The desk's case list as a Qt item model: paged, so 100,000 cases stay smooth."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QTableView

from fairdesk.domain.errors import FairDeskError
from fairdesk.domain.vocabulary import AWAITING_SERVICE
from fairdesk.domain.workflow import awaiting_service
from fairdesk.i18n import format_datetime
from fairdesk.services.casework.cases import CaseFilter, CaseRow, list_cases, list_page
from fairdesk.services.context import Context
from fairdesk.services.fair.fairs import get_fair
from fairdesk.ui.common.case_labels import CASE_STATES, CLOCKS, desk_words, word
from fairdesk.ui.common.table_model import CachedPagesTableModel

PAGE = 200
Index = QModelIndex | QPersistentModelIndex

COL_NUMBER, COL_STATE, COL_EXHIBITOR, COL_BOOTH, COL_COMPLAINANT, COL_DUE = range(6)
COL_ASSIGNED = 6
HEADERS = ("Case", "State", "Exhibitor", "Booth", "Complainant", "Next deadline", "Assigned")
SORT_BY_COLUMN = {
    COL_NUMBER: "number",
    COL_STATE: "state",
    COL_EXHIBITOR: "exhibitor",
    COL_BOOTH: "booth",
    COL_COMPLAINANT: "complainant",
    COL_DUE: "due",
    COL_ASSIGNED: "assigned",
}
CaseNumberRole = Qt.ItemDataRole.UserRole + 1
OverdueRole = Qt.ItemDataRole.UserRole + 2


def countdown(due: datetime | None, now: datetime, capped: bool) -> str:
    """'OVERDUE 1 h 05 min' / 'in 3 h 20 min': words, not just colour, carry urgency."""
    if due is None:
        return ""
    seconds = int((due - now).total_seconds())
    hours, minutes = divmod(abs(seconds) // 60, 60)
    span = (
        _tr("{0} h {1} min").format(hours, f"{minutes:02d}")
        if hours
        else _tr("{0} min").format(minutes)
    )
    text = (_tr("OVERDUE {0}") if seconds < 0 else _tr("in {0}")).format(span)
    return text + (_tr(" · decide before close") if capped else "")


def _tr(text: str) -> str:
    return QCoreApplication.translate("case_model", text)


class CaseTableModel(CachedPagesTableModel):
    """Every case matching the filter, PAGE at a time as the view scrolls over them; a
    bounded number of pages is kept (CachedPagesTableModel)."""

    headers = HEADERS

    def __init__(self, ctx: Context, flt: CaseFilter, parent: Any = None) -> None:
        super().__init__(PAGE, parent)
        self._ctx = ctx
        self._filter = flt
        self._now = ctx.now()
        self.reload()

    # -- loading ------------------------------------------------------------------------
    def set_filter(self, flt: CaseFilter) -> None:
        same_fair = flt.fair_code == self._filter.fair_code
        self._filter = flt
        if not same_fair:
            self.reload()
            return
        # A keystroke in the search box: the fair's zone is the one read at the last
        # reload (a poll or a change re-reads it), not one more query per keystroke.
        self._now = self._ctx.now()
        super().reload()

    @property
    def case_filter(self) -> CaseFilter:
        return self._filter

    def reload(self) -> None:
        self._now = self._ctx.now()
        self._zone = self._fair_zone()
        super().reload()

    def _fair_zone(self) -> ZoneInfo | None:
        """Times in the fair's zone, as the case view writes them (None: this machine's)."""
        try:
            return ZoneInfo(get_fair(self._ctx, self._filter.fair_code).timezone)
        except FairDeskError:
            return None

    def _load_first(self, limit: int) -> tuple[int, list[CaseRow]]:
        return list_page(self._ctx, self._filter, 0, limit)

    def _load_page(self, offset: int, limit: int) -> list[CaseRow]:
        return list_cases(self._ctx, self._filter, offset=offset, limit=limit)

    def _load_after(self, row: CaseRow, limit: int) -> list[CaseRow]:
        return list_cases(self._ctx, self._filter, limit=limit, after=row)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_BY_COLUMN.get(column)
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (self._filter.sort, self._filter.descending) != (key, descending):
            self._filter = replace(self._filter, sort=key, descending=descending)
            self.reload()

    def row_of(self, number: str) -> int | None:
        """The row of a case among the pages held now (the first page, and the one the
        view or the selection was on before a reload); None when not held."""
        return next((i for i, r in self.cached_rows() if r.number == number), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row: CaseRow | None = self.cached_row(index.row()) if index.isValid() else None
        if row is None:
            return None
        overdue = row.next_due is not None and row.next_due < self._now
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, index.column())
        if role == CaseNumberRole:
            return row.number
        if role == OverdueRole:
            return overdue
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() in (COL_STATE, COL_EXHIBITOR, COL_COMPLAINANT):
                return self._display(row, index.column())  # the whole of an elided text
            if row.next_due is None:
                return None
            return self.tr("Due {0}").format(format_datetime(row.next_due.astimezone(self._zone)))
        if role == Qt.ItemDataRole.FontRole and overdue:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and overdue and index.column() == COL_DUE:
            return QBrush(QColor("#b00020"))
        return None

    def _display(self, row: CaseRow, column: int) -> str:
        if column == COL_NUMBER:
            return row.number
        if column == COL_STATE:
            return word(CASE_STATES, row.state)
        if column == COL_EXHIBITOR:
            return " / ".join(n for n in (row.exhibitor_zh, row.exhibitor_en) if n)
        if column == COL_BOOTH:
            return row.booth
        if column == COL_COMPLAINANT:
            return row.complainant
        if column == COL_DUE:
            if awaiting_service(row.state, row.served_at):
                return desk_words(AWAITING_SERVICE)
            text = countdown(row.next_due, self._now, row.decide_before_close)
            clock = word(CLOCKS, row.next_due_kind) if row.next_due_kind else ""
            return f"{clock} {text}".strip()
        if column == COL_ASSIGNED:
            return row.assigned_to
        return ""


# Widest a column grows when fitted (longer text is elided; the user can widen it), so
# the exhibitor's names keep the room.
FIT_CAP = {COL_STATE: 170, COL_COMPLAINANT: 150, COL_DUE: 210}


def fit_columns(view: QTableView, model: CaseTableModel, sample: int = 200) -> None:
    """Columns as wide as their content in the rows the model holds now (it reads nothing
    more, so a page a selection is on is never pushed out): the exhibitor's names take the
    room left; an unused Assigned column hides instead of taking the space."""
    header = view.horizontalHeader()
    bold = QFont(view.font())
    bold.setBold(True)
    metrics = QFontMetrics(bold)  # overdue rows are bold: measure the wider face
    if model.rowCount() and not any(True for _ in model.cached_rows()):
        model.cached_row(0)  # the first page, which the view is about to read anyway
    rows = [i for i, _ in model.cached_rows()][:sample]
    assigned = any(model.index(r, COL_ASSIGNED).data() for r in rows)
    view.setColumnHidden(COL_ASSIGNED, not assigned)  # shown once a case is assigned
    for column in range(model.columnCount()):
        if column == COL_EXHIBITOR:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            continue
        texts = [str(model.headerData(column, Qt.Orientation.Horizontal) or "")]
        texts += [str(model.index(r, column).data() or "") for r in rows]
        width = max(metrics.horizontalAdvance(line) for t in texts for line in t.split("\n"))
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        view.setColumnWidth(column, min(width + 28, FIT_CAP.get(column, 360)))
