"""The documents already issued for a case: their list (an item model, newest first) and
the section of the documents dialog that shows it, with Reissue and Revoke.

A document is listed with its copy (a decision's complainant's or respondent's copy),
when and by whom it was issued, and whether it is still in force.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
)

from fairdesk.documents import kinds as K
from fairdesk.domain import vocabulary
from fairdesk.i18n import format_day_time
from fairdesk.services.casework.case_detail import CaseDetail
from fairdesk.services.casework.cases import timeline
from fairdesk.services.context import Context
from fairdesk.services.paper import documents as docs
from fairdesk.ui.common.case_labels import both, desk_both, local_time
from fairdesk.ui.common.named import named
from fairdesk.ui.common.table_model import RowTableModel

Index = QModelIndex | QPersistentModelIndex

COPY_WORDS = {code: (w.en, w.zh) for code, w in vocabulary.COPIES.items()}  # bulk print's


def copy_label(copy: str) -> str:
    """A party's copy in the desk's words ("" for a document with no party copy)."""
    return both(vocabulary.COPIES, copy)


def kind_label(k: K.DocKind) -> str:
    """A document's name: Chinese alone on a Chinese desk, else English with the Chinese."""
    return desk_both(vocabulary.Words(k.title_en, k.title))


@dataclass(frozen=True)
class DocumentEntry:
    row: docs.DocumentRow
    copy: str  # "complainant" | "respondent" | "" (a decision's party copy)

    @property
    def valid(self) -> bool:
        return self.row.revoked_at is None


def entries_of(ctx: Context, detail: CaseDetail) -> list[DocumentEntry]:
    """The case's documents (and its complaint's), newest first, each with its copy."""
    rows = docs.list_documents(ctx, detail.complaint.number)
    mine = [r for r in rows if r.case_number in ("", detail.number)]
    copies: dict[str, str] = {}
    for event in timeline(ctx, detail.number):
        after = event.after or {}
        number = str(after.get("number", ""))
        if event.action == "document.issue":
            copies[number] = str(after.get("copy", ""))
        elif event.action == "document.reissue":
            copies[number] = copies.get(str(after.get("supersedes", "")), "")
    return [DocumentEntry(r, copies.get(r.number, "")) for r in reversed(mine)]


def entry_title(entry: DocumentEntry, status: str) -> str:
    """The preview's title: number, kind, copy and status."""
    r = entry.row
    k = K.KINDS.get(r.kind)
    copy = f" — {copy_label(entry.copy)}" if entry.copy else ""
    title = kind_label(k) if k else r.title
    return f"{r.number} · {title}{copy} · {status}"


COL_NUMBER, COL_DOCUMENT, COL_COPY, COL_ISSUED, COL_STATUS, COL_BY = range(6)
HEADERS = ("Number", "Document", "Copy", "Issued", "Status", "By")
NumberRole = Qt.ItemDataRole.UserRole + 1  # the document number
ValidRole = Qt.ItemDataRole.UserRole + 2  # True while in force (not revoked or superseded)
KindRole = Qt.ItemDataRole.UserRole + 3  # the kind code, e.g. "decision"


class DocumentTableModel(RowTableModel):
    """Issued documents, newest first."""

    headers = HEADERS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[DocumentEntry] = []
        self._zone = ZoneInfo("UTC")

    def set_entries(self, entries: Sequence[DocumentEntry], timezone: str) -> None:
        self.beginResetModel()
        self._rows = list(entries)
        self._zone = ZoneInfo(timezone)
        self.endResetModel()

    def entry(self, row: int) -> DocumentEntry:
        return self._rows[row]

    def entries(self) -> list[DocumentEntry]:
        return list(self._rows)

    def row_of(self, number: str) -> int | None:
        for row, entry in enumerate(self._rows):
            if entry.row.number == number:
                return row
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and orientation == Qt.Orientation.Horizontal
            and section == COL_ISSUED
        ):
            return self.tr("Issued, in the fair's local time")
        return super().headerData(section, orientation, role)

    def status_text(self, entry: DocumentEntry) -> str:
        r = entry.row
        if r.revoked_at is None:
            return self.tr("Valid · 有效")
        if r.superseded_by:
            return self.tr("Superseded by {0} · 已被取代").format(r.superseded_by)
        return self.tr("Revoked · 已撤销: {0}").format(r.revoke_reason)

    def _text(self, entry: DocumentEntry, column: int) -> str:
        r = entry.row
        if column == COL_NUMBER:
            return r.number
        if column == COL_DOCUMENT:
            k = K.KINDS.get(r.kind)
            return kind_label(k) if k else r.title
        if column == COL_COPY:
            # Chinese only here, as on the paper's first line; English in the tooltip.
            return vocabulary.COPIES[entry.copy].zh if entry.copy in vocabulary.COPIES else ""
        if column == COL_ISSUED:
            # Month and day: a fair's documents are all of one week (the year is in the tip).
            return format_day_time(r.issued_at.astimezone(self._zone))
        if column == COL_BY:
            return r.issued_by
        return self.short_status(entry)

    def short_status(self, entry: DocumentEntry) -> str:
        r = entry.row
        if r.revoked_at is None:
            return self.tr("Valid · 有效")
        if r.superseded_by:
            return self.tr("Superseded · 已被取代")
        return self.tr("Revoked · 已撤销")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(HEADERS):
            return None
        entry = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == COL_DOCUMENT:
                r = entry.row
                target = (
                    self.tr("case {0}").format(r.case_number)
                    if r.case_number
                    else self.tr("complaint {0}").format(r.complaint_number)
                )
                return self.tr("{0}, for {1}").format(self._text(entry, COL_DOCUMENT), target)
            if index.column() == COL_ISSUED:
                return self.tr("{0} by {1}").format(
                    local_time(entry.row.issued_at, self._zone, seconds=True), entry.row.issued_by
                )
            if index.column() == COL_STATUS:
                return self.status_text(entry)
            if index.column() == COL_COPY and entry.copy:
                return copy_label(entry.copy)
            return self._text(entry, index.column()) or None
        if role == Qt.ItemDataRole.DecorationRole and index.column() == COL_STATUS:
            icon = (
                QStyle.StandardPixmap.SP_DialogApplyButton
                if entry.valid
                else QStyle.StandardPixmap.SP_DialogCancelButton
            )
            return QApplication.style().standardIcon(icon)
        if role == Qt.ItemDataRole.ForegroundRole and not entry.valid:
            return QApplication.palette().placeholderText()
        if role == NumberRole:
            return entry.row.number
        if role == ValidRole:
            return entry.valid
        if role == KindRole:
            return entry.row.kind
        return None


def _tr(text: str) -> str:
    return QCoreApplication.translate("DocumentDialog", text)


class IssuedSection(QGroupBox):
    """The case's documents, the one chosen previewed; Reissue and Revoke act on it."""

    def __init__(self) -> None:
        super().__init__(_tr("Issued for this case · 已签发文书"))
        self.setObjectName("list_box")
        self.model = DocumentTableModel(self)
        self.documents_view = view = named(QTableView(), "documents_view")
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().setVisible(False)
        view.setAccessibleName(_tr("Documents issued for this case"))
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in (
            (COL_NUMBER, 130),
            (COL_DOCUMENT, 150),
            (COL_COPY, 130),
            (COL_ISSUED, 112),
            (COL_STATUS, 110),
        ):
            view.setColumnWidth(column, width)
        self.no_documents_label = named(QLabel(), "no_documents_label")
        self.no_documents_label.setText(_tr("No document has been issued for this case yet."))
        self.no_documents_label.setEnabled(False)
        self.reissue_button = named(QPushButton(_tr("&Reissue… · 重新签发")), "reissue_button")
        self.reissue_button.setToolTip(
            _tr("A corrected copy under a new number; this one then verifies as revoked")
        )
        self.revoke_button = named(QPushButton(_tr("Re&voke… · 撤销")), "revoke_button")
        self.revoke_button.setToolTip(_tr("The document stops being valid; say why"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.no_documents_label, 1)
        buttons.addWidget(self.reissue_button)
        buttons.addWidget(self.revoke_button)
        layout = QVBoxLayout(self)
        layout.addWidget(view, 1)
        layout.addLayout(buttons)

    def show_entries(self, entries: Sequence[DocumentEntry], timezone: str) -> None:
        self.model.set_entries(entries, timezone)
        for column in (COL_NUMBER, COL_DOCUMENT, COL_COPY, COL_ISSUED, COL_STATUS):
            self.documents_view.resizeColumnToContents(column)
            width = self.documents_view.columnWidth(column)
            self.documents_view.setColumnWidth(column, width + 6)  # room for a bold selection
        self.no_documents_label.setVisible(not entries)

    def selected_entry(self) -> DocumentEntry | None:
        selection = self.documents_view.selectionModel()
        index = selection.currentIndex()
        if not index.isValid() or not selection.isRowSelected(index.row(), QModelIndex()):
            return None
        return self.model.entry(index.row())

    def select(self, number: str) -> DocumentEntry | None:
        """Select document `number` and show it in view; its entry, None if not listed."""
        row = self.model.row_of(number)
        if row is None:
            return None
        index = self.model.index(row, 0)
        self.documents_view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.documents_view.scrollTo(index)
        return self.model.entry(row)
