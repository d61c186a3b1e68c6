"""The watch list across editions as a table, and the exhibitors of a new edition's list
that are on it (`flag_imported`)."""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fairdesk.domain.errors import FairDeskError
from fairdesk.i18n import error_text
from fairdesk.services.context import Context
from fairdesk.services.fair.watchlist import WatchEntry, WatchHit, flag_imported, watch_list
from fairdesk.ui.common.table_model import RowTableModel
from fairdesk.ui.common.tasks import run_task

Index = QModelIndex | QPersistentModelIndex
(
    COL_NAME,
    COL_CODE,
    COL_BOOTHS,
    COL_MATCHED,
    COL_HISTORY,
    COL_STREAK,
    COL_BAR,
    COL_NEXT,
) = range(8)
HEADERS = (
    "Exhibitor / 展商",
    "Credit code / 信用代码",
    "Booths / 展位",
    "Matched by / 匹配",
    "History (cases/infringing) / 往届",
    "In a row / 连续",
    "Propose bar / 禁展",
    "Next step / 建议措施",
)
BarProposalRole = Qt.ItemDataRole.UserRole + 1


class WatchListModel(RowTableModel):
    """Watch entries (an edition's list) or hits (a new edition's flagged exhibitors)."""

    headers = HEADERS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[WatchEntry, WatchHit | None]] = []

    def set_entries(self, entries: list[WatchEntry]) -> None:
        self.set_rows((e, None) for e in entries)

    def set_hits(self, hits: list[WatchHit]) -> None:
        self.set_rows((h.entry, h) for h in hits)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return section + 1
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        entry, hit = self._rows[index.row()]
        if role == BarProposalRole:
            return entry.bar_proposal
        if role == Qt.ItemDataRole.BackgroundRole and entry.bar_proposal:
            return QBrush(QColor("#F8D7D5"))
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == COL_NAME:
            names = " / ".join(n for n in (entry.name_zh, entry.name_en) if n)
            earlier = "; ".join(entry.other_names)
            return names + (f"\n曾用名 / earlier names: {earlier}" if earlier else "")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        col = index.column()
        if col == COL_NAME:
            return (hit.name_zh or hit.name_en) if hit else entry.name
        if col == COL_CODE:
            return (hit.credit_code if hit else "") or entry.credit_code
        if col == COL_BOOTHS:
            return " ".join(hit.booths) if hit else ""
        if col == COL_MATCHED:
            return hit.matched_by if hit else ""
        if col == COL_HISTORY:
            return "; ".join(f"{e.fair_code} {e.cases}/{e.infringing}" for e in entry.editions)
        if col == COL_STREAK:
            return str(entry.streak)
        if col == COL_BAR:
            return "是 / yes" if entry.bar_proposal else ""
        if col == COL_NEXT:
            return entry.recommended.label
        return None


class WatchListView(QWidget):
    def __init__(self, ctx: Context, fair_code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.fair_code = fair_code
        self.setObjectName("watchlist_view")
        self.setWindowTitle(self.tr("Watch list / 重点关注名单 — {0}").format(fair_code))
        self.imported_check = QCheckBox(
            self.tr("Only this edition's exhibitors found on earlier editions' lists")
        )
        self.imported_check.setObjectName("imported_check")
        self.imported_check.toggled.connect(self.reload)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("summary_label")
        self.model = WatchListModel(self)
        self.table = QTableView()
        self.table.setObjectName("watchlist_table")
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.verticalHeader().hide()
        top = QHBoxLayout()
        top.addWidget(self.imported_check)
        top.addStretch(1)
        top.addWidget(self.summary_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.reload()

    def reload(self) -> None:
        ctx, code, imported = self.ctx, self.fair_code, self.imported_check.isChecked()

        def work(_task: object) -> Any:
            return flag_imported(ctx, code) if imported else watch_list(ctx, code)

        run_task(work, owner=self, on_done=self._show, on_error=self._failed)

    def _show(self, rows: list[Any]) -> None:
        if self.imported_check.isChecked():
            self.model.set_hits(rows)
            bars = sum(1 for h in rows if h.bar_proposal)
        else:
            self.model.set_entries(rows)
            bars = sum(1 for e in rows if e.bar_proposal)
        self.summary_label.setText(
            self.tr("{0} on the list, {1} proposed to be barred").format(len(rows), bars)
        )
        self.table.resizeColumnsToContents()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, FairDeskError):
            self.summary_label.setText(error_text(exc))
        else:
            sys.excepthook(type(exc), exc, exc.__traceback__)
