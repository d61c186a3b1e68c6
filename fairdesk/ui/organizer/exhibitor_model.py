"""Qt item models for exhibitors: a fair's list (paged) and an import's rejected rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QApplication, QStyle

from fairdesk.domain.errors import FairDeskError
from fairdesk.domain.permissions import GRANTS, Permission
from fairdesk.i18n import error_text
from fairdesk.services.context import Context
from fairdesk.services.fair.exhibitor_file import RejectedRow
from fairdesk.services.fair.exhibitor_queries import (
    ExhibitorRow,
    count_exhibitors_matching,
    list_exhibitors,
)
from fairdesk.services.fair.exhibitors import set_ip_commitment
from fairdesk.services.fair.watchlist import watch_marks
from fairdesk.ui.common.table_model import PagedTableModel, RowTableModel

PAGE = 200
Index = QModelIndex | QPersistentModelIndex

(COL_NAME_ZH, COL_NAME_EN, COL_COUNTRY, COL_BOOTHS, COL_CREDIT_CODE, COL_CASES,
 COL_COMMITMENT) = range(7)  # fmt: skip
HEADERS = ("Name (Chinese)", "Name (English)", "Country/region", "Hall / booths", "Credit code",
           "Cases", "IP commitment")  # fmt: skip
# The service's sort key behind each column.
SORT_BY = ("name", "name_en", "country", "booth", "credit_code", "cases", "ip_commitment")
ExhibitorIdRole = Qt.ItemDataRole.UserRole + 1
ExhibitorRowRole = Qt.ItemDataRole.UserRole + 2


def booths_text(row: ExhibitorRow) -> str:
    """ "8.1: 8.1H8-42, 8.1H8-43" — booths grouped under their hall."""
    groups: dict[str, list[str]] = {}
    for hall, booth in row.booths:
        groups.setdefault(hall, []).append(booth)
    return "; ".join(
        f"{hall}: {', '.join(b)}" if hall else ", ".join(b) for hall, b in groups.items()
    )


class ExhibitorTableModel(PagedTableModel):
    """A fair's exhibitors matching a search, PAGE rows at a time (fetchMore)."""

    headers = HEADERS
    failed = Signal(str)  # why a change was refused, in the desk's language

    def __init__(self, ctx: Context, fair_code: str, search: str = "", parent: Any = None) -> None:
        super().__init__(PAGE, parent)
        self._ctx = ctx
        # Those who keep the exhibitor list tick the signed commitment in place.
        self._may_edit = ctx.actor.role in GRANTS[Permission.IMPORT_EXHIBITORS]
        self._fair_code = fair_code
        self._search = search
        self._sort = "name"
        self._descending = False
        self._rows: list[ExhibitorRow] = []
        self._watch: dict[int, str] = {}  # exhibitor id -> watch-list note
        self.reload()

    # -- loading ------------------------------------------------------------------------
    @property
    def fair_code(self) -> str:
        return self._fair_code

    @property
    def search(self) -> str:
        return self._search

    def set_search(self, search: str) -> None:
        if search != self._search:
            self._search = search
            self.reload()

    def set_fair(self, fair_code: str) -> None:
        self._fair_code = fair_code
        self.reload()

    def _count(self) -> int:
        self._watch = watch_marks(self._ctx, self._fair_code)  # read again with each reload
        return count_exhibitors_matching(self._ctx, self._fair_code, self._search)

    def _load_page(self, offset: int, limit: int) -> list[ExhibitorRow]:
        return list_exhibitors(
            self._ctx,
            self._fair_code,
            self._search,
            offset=offset,
            limit=limit,
            sort=self._sort,
            descending=self._descending,
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(SORT_BY):
            return
        self._sort = SORT_BY[column]
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    # -- Qt model interface -------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == ExhibitorIdRole:
            return row.id
        if role == Qt.ItemDataRole.CheckStateRole and column == COL_COMMITMENT:
            signed = row.ip_commitment_signed
            return Qt.CheckState.Checked if signed else Qt.CheckState.Unchecked
        if role == ExhibitorRowRole:
            return row
        watched = self._watch.get(row.id)
        if watched and role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Watch list: {0}").format(watched)
        if watched and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor("#fde2e1"))
        if watched and role == Qt.ItemDataRole.DecorationRole and column == COL_NAME_ZH:
            style = QApplication.style()
            return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning) if style else None
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_COUNTRY and row.country_en:
            return row.country_en
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_CASES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: ExhibitorRow, column: int) -> str:
        if column == COL_NAME_ZH:
            return row.name_zh
        if column == COL_NAME_EN:
            return row.name_en
        if column == COL_COUNTRY:
            return row.country or row.country_en
        if column == COL_BOOTHS:
            return booths_text(row)
        if column == COL_CREDIT_CODE:
            return row.credit_code
        if column == COL_CASES:
            return str(row.cases) if row.cases else ""
        if column == COL_COMMITMENT:
            return self.tr("Signed") if row.ip_commitment_signed else self.tr("Not signed")
        return ""

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == COL_COMMITMENT and self._may_edit:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Ticking the commitment records it through the audited service."""
        if (
            role != Qt.ItemDataRole.CheckStateRole
            or index.column() != COL_COMMITMENT
            or not 0 <= index.row() < len(self._rows)
        ):
            return False
        row = self._rows[index.row()]
        signed = Qt.CheckState(value) == Qt.CheckState.Checked
        try:
            set_ip_commitment(self._ctx, row.id, signed)
        except FairDeskError as exc:
            self.failed.emit(error_text(exc))
            return False
        self._rows[index.row()] = replace(row, ip_commitment_signed=signed)
        self.dataChanged.emit(index, index, [role, Qt.ItemDataRole.DisplayRole])
        return True


COL_ROW, COL_REASON, COL_CONTENT = range(3)
REJECTED_HEADERS = ("Row", "Reason", "Content")


class RejectedRowsModel(RowTableModel):
    """The rows of an exhibitor file that were not imported, with the row number Excel shows."""

    headers = REJECTED_HEADERS

    def __init__(self, rows: Sequence[RejectedRow] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[RejectedRow] = list(rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == COL_ROW:
                return str(row.row)
            if index.column() == COL_REASON:
                return row.reason
            if index.column() == COL_CONTENT:
                return " | ".join(row.raw)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == COL_ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def as_text(self, rows: Sequence[int] | None = None) -> str:
        """Tab-separated text of the chosen rows (all by default), header first, ready to
        paste into a spreadsheet or an e-mail."""
        chosen = range(len(self._rows)) if rows is None else sorted(set(rows))
        lines = ["\t".join(self.tr(h) for h in REJECTED_HEADERS)]
        for i in chosen:
            r = self._rows[i]
            cells = (str(r.row), r.reason, " | ".join(r.raw))
            lines.append("\t".join(c.replace("\t", " ").replace("\n", " ") for c in cells))
        return "\n".join(lines) + "\n"
