"""The printed documents of one respondent case: issue, preview, print, save, reissue, revoke.

`DocumentDialog(ctx, case_number, parent)` offers only the kinds of document that apply
now (the table in `documents/kinds.py`, for the complaint's and the case's state), and
the copy (complainant's or respondent's) of a decision. Issuing registers a numbered,
signed document and previews it; the list below shows every document already issued for
the case, and selecting one previews its reprint (`render_document`, byte-identical).
Print… goes through the system print dialog; Save as PDF… writes the issued bytes.
Reissue and Revoke ask for a reason. Roles that may not issue (organizer, inspector,
admin) get the same window read-only: they can preview, print, save and check documents.

Printing and file choosing are injectable (`print_dialog=`, `save_file_name=`) so tests
print to a PDF file and never open a system dialog.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fairdesk.config import data_dir
from fairdesk.documents import kinds as K
from fairdesk.domain.errors import FairDeskError, IllegalTransition
from fairdesk.domain.permissions import GRANTS, Permission
from fairdesk.domain.workflow import REASON
from fairdesk.i18n import domain_word, error_text, format_day_time
from fairdesk.services.casework.case_detail import CaseDetail, case_detail
from fairdesk.services.casework.cases import timeline
from fairdesk.services.context import Context
from fairdesk.services.paper import documents as docs
from fairdesk.ui.common.case_labels import COMPLAINT_STATES, both, local_time, state_words
from fairdesk.ui.common.failure import report_failure
from fairdesk.ui.common.pdf_preview import PdfPreview, pdf_printer, print_pdf
from fairdesk.ui.common.progress_dialog import CancelOnCloseDialog, LongRun
from fairdesk.ui.common.step_dialog import StepDialog
from fairdesk.ui.common.table_model import RowTableModel
from fairdesk.ui.common.tasks import Task, run_task

Index = QModelIndex | QPersistentModelIndex


class ExecDialog(Protocol):
    def exec(self) -> int: ...


# (printer, parent) -> a dialog whose exec() returns QDialog.DialogCode.Accepted to print
PrintDialogFactory = Callable[[QPrinter, QWidget], ExecDialog]
# (parent, caption, suggested path, filter) -> the chosen path, "" if cancelled
SaveFileName = Callable[[QWidget, str, str, str], str]

COPY_WORDS = {
    "complainant": ("Complainant's copy", "投诉人联"),
    "respondent": ("Respondent's copy", "被投诉人联"),
}


def system_print_dialog(printer: QPrinter, parent: QWidget) -> QPrintDialog:
    dialog = QPrintDialog(printer, parent)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, True)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCollateCopies, True)
    return dialog


def system_save_file_name(parent: QWidget, caption: str, suggested: str, filters: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, caption, suggested, filters)
    return path


def documents_folder() -> Path:
    """Where a saved paper goes unless the desk says otherwise: the data folder's
    documents/, made when missing (a fresh home has no Documents folder, and the file
    dialog would then open wherever the app was started)."""
    folder = data_dir() / "documents"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:  # a read-only data folder: the home, which exists
        return Path.home()
    return folder


def kind_label(k: K.DocKind) -> str:
    return f"{k.title} · {k.title_en}"


# -- the list of issued documents -------------------------------------------------------------


@dataclass(frozen=True)
class DocumentEntry:
    row: docs.DocumentRow
    copy: str  # "complainant" | "respondent" | "" (a decision's party copy)

    @property
    def valid(self) -> bool:
        return self.row.revoked_at is None


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
            return COPY_WORDS[entry.copy][1] if entry.copy in COPY_WORDS else ""
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
                words = COPY_WORDS[entry.copy]
                return f"{self.tr(words[0])} · {words[1]}"
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


# -- the dialog ---------------------------------------------------------------------------


class DocumentDialog(CancelOnCloseDialog):
    """Documents of case `case_number`; raises NotFound if there is no such case.

    Emits `changed(case_number)` after a document was issued, reissued or revoked (the
    case's timeline has a new event), `issued(IssuedInfo)` for every new document, and
    `printed(pages)` when a print job was sent.
    """

    changed = Signal(str)
    issued = Signal(object)
    printed = Signal(int)
    preview_ready = Signal(str)  # the number of the document whose pages are on screen

    def __init__(
        self,
        ctx: Context,
        case_number: str,
        parent: QWidget | None = None,
        *,
        print_dialog: PrintDialogFactory | None = None,
        save_file_name: SaveFileName | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_number = case_number.strip()
        self.can_issue = ctx.actor.role in GRANTS[Permission.ISSUE_DOCUMENT]
        self._print_dialog = print_dialog or system_print_dialog
        self._save_file_name = save_file_name or system_save_file_name
        self.detail: CaseDetail | None = None
        self.current_number = ""  # the document shown in the preview
        self._pdfs: dict[str, bytes] = {}  # issued or reprinted bytes, by number
        self._load_generation = 0
        self._load_task: Task | None = None
        self._printer: QPrinter | None = None
        self._print_run = LongRun(
            self,
            name="print_progress",
            cancel_text=self.tr("Cancel"),
            cancelling=self.tr("Cancelling…"),
            describe=lambda done, total: (
                self.tr("Printing page {0} of {1}…").format(min(done + 1, total), total)
                if total
                else None
            ),
        )
        self.reason_dialog: StepDialog | None = None
        self.verify_dialog: QDialog | None = None
        self.setObjectName("document_dialog")
        self.setWindowTitle(self.tr("Documents of case {0} · 文书").format(self.case_number))
        self.resize(1280, 860)
        self.setSizeGripEnabled(True)

        self._build()
        self.reload()

    # -- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        self.case_label = QLabel(objectName="document_case_label")
        self.case_label.setTextFormat(Qt.TextFormat.PlainText)
        self.case_label.setWordWrap(True)
        font = self.case_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.case_label.setFont(font)
        self.complaint_label = QLabel(objectName="document_complaint_label")
        self.complaint_label.setTextFormat(Qt.TextFormat.PlainText)
        self.complaint_label.setWordWrap(True)

        self.read_only_label = QLabel(objectName="read_only_label")
        self.read_only_label.setWordWrap(True)
        self.read_only_label.setTextFormat(Qt.TextFormat.PlainText)
        self.read_only_label.setStyleSheet(
            "background: #e8f0fe; border: 1px solid #1a56b0; padding: 6px;"
        )
        self.read_only_label.setText(
            self.tr(
                "Signed in as {0}: you can preview, print, save and check documents already "
                "issued; only desk staff issue, reissue or revoke them."
            ).format(domain_word(self.ctx.actor.role.value))
        )
        self.read_only_label.setVisible(not self.can_issue)

        # A message bar: errors of the services, and what was just done.
        self.message_icon = QLabel(objectName="document_message_icon")
        self.message_label = QLabel(objectName="document_message")
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_bar = QWidget(objectName="document_message_bar")
        bar = QHBoxLayout(self.message_bar)
        bar.setContentsMargins(6, 4, 6, 4)
        bar.addWidget(self.message_icon, 0, Qt.AlignmentFlag.AlignTop)
        bar.addWidget(self.message_label, 1)
        self.message_bar.hide()

        # -- issue a new document --------------------------------------------------------
        self.kind_combo = QComboBox(objectName="kind_combo")
        self.kind_combo.setAccessibleName(self.tr("Kind of document"))
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.copy_combo = QComboBox(objectName="copy_combo")
        self.copy_combo.setAccessibleName(self.tr("Copy"))
        self.copy_combo.addItem(self.tr("Choose which party's copy…"), "")
        for code, (en, zh) in COPY_WORDS.items():
            self.copy_combo.addItem(f"{self.tr(en)} · {zh}", code)
        self.served_combo = QComboBox(objectName="served_combo")
        self.served_combo.setAccessibleName(self.tr("Document served"))
        self.when_label = QLabel(objectName="kind_when_label")
        self.when_label.setWordWrap(True)
        self.when_label.setTextFormat(Qt.TextFormat.PlainText)
        self.when_label.setEnabled(False)
        self.unavailable_label = QLabel(objectName="unavailable_label")
        self.unavailable_label.setWordWrap(True)
        self.unavailable_label.setTextFormat(Qt.TextFormat.PlainText)
        self.unavailable_label.setEnabled(False)
        self.issue_button = QPushButton(
            self.tr("&Issue and preview · 签发"), objectName="issue_button"
        )
        self.issue_button.setToolTip(
            self.tr("Registers a new numbered, signed document (Ctrl+Enter)")
        )
        self.issue_button.clicked.connect(self.issue)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self._issue_shortcut)

        self.kind_label = QLabel(self.tr("&Document:"))
        self.kind_label.setBuddy(self.kind_combo)
        self.copy_label = QLabel(self.tr("C&opy:"))
        self.copy_label.setBuddy(self.copy_combo)
        self.served_label = QLabel(self.tr("For &document:"))
        self.served_label.setBuddy(self.served_combo)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.kind_label, self.kind_combo)
        form.addRow(self.copy_label, self.copy_combo)
        form.addRow(self.served_label, self.served_combo)
        self.issue_box = QGroupBox(self.tr("New document · 签发新文书"), objectName="issue_box")
        issue_layout = QVBoxLayout(self.issue_box)
        issue_layout.addLayout(form)
        issue_layout.addWidget(self.when_label)
        issue_layout.addWidget(self.unavailable_label)
        issue_row = QHBoxLayout()
        issue_row.addStretch(1)
        issue_row.addWidget(self.issue_button)
        issue_layout.addLayout(issue_row)

        # -- documents already issued ------------------------------------------------------
        self.model = DocumentTableModel(self)
        self.documents_view = QTableView(objectName="documents_view")
        self.documents_view.setModel(self.model)
        self.documents_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.documents_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.documents_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.documents_view.setAlternatingRowColors(True)
        self.documents_view.setWordWrap(False)
        self.documents_view.verticalHeader().setVisible(False)
        self.documents_view.setAccessibleName(self.tr("Documents issued for this case"))
        header = self.documents_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in (
            (COL_NUMBER, 130),
            (COL_DOCUMENT, 150),
            (COL_COPY, 130),
            (COL_ISSUED, 112),
            (COL_STATUS, 110),
        ):
            self.documents_view.setColumnWidth(column, width)
        self.documents_view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.no_documents_label = QLabel(objectName="no_documents_label")
        self.no_documents_label.setText(self.tr("No document has been issued for this case yet."))
        self.no_documents_label.setEnabled(False)
        self.reissue_button = QPushButton(
            self.tr("&Reissue… · 重新签发"), objectName="reissue_button"
        )
        self.reissue_button.setToolTip(
            self.tr("A corrected copy under a new number; this one then verifies as revoked")
        )
        self.reissue_button.clicked.connect(self.ask_reissue)
        self.revoke_button = QPushButton(self.tr("Re&voke… · 撤销"), objectName="revoke_button")
        self.revoke_button.setToolTip(self.tr("The document stops being valid; say why"))
        self.revoke_button.clicked.connect(self.ask_revoke)
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(self.no_documents_label, 1)
        list_buttons.addWidget(self.reissue_button)
        list_buttons.addWidget(self.revoke_button)
        self.list_box = QGroupBox(
            self.tr("Issued for this case · 已签发文书"), objectName="list_box"
        )
        list_layout = QVBoxLayout(self.list_box)
        list_layout.addWidget(self.documents_view, 1)
        list_layout.addLayout(list_buttons)

        left = QWidget(objectName="document_side")
        side = QVBoxLayout(left)
        side.setContentsMargins(0, 0, 6, 0)
        side.addWidget(self.case_label)
        side.addWidget(self.complaint_label)
        side.addWidget(self.read_only_label)
        side.addWidget(self.issue_box)
        side.addWidget(self.list_box, 1)

        # -- preview ------------------------------------------------------------------------
        self.preview_title = QLabel(objectName="preview_title")
        self.preview_title.setTextFormat(Qt.TextFormat.PlainText)
        self.preview_title.setWordWrap(True)
        bold = self.preview_title.font()
        bold.setBold(True)
        self.preview_title.setFont(bold)
        self.preview = PdfPreview(self)
        self.preview.rendered.connect(self._preview_rendered)
        right = QWidget(objectName="preview_side")
        preview_layout = QVBoxLayout(right)
        preview_layout.setContentsMargins(6, 0, 0, 0)
        preview_layout.addWidget(self.preview_title)
        preview_layout.addWidget(self.preview, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="document_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([690, 590])

        # -- bottom -------------------------------------------------------------------------
        self.print_button = QPushButton(self.tr("&Print… (Ctrl+P)"), objectName="print_button")
        self.print_button.clicked.connect(self.print_current)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, activated=self.print_current)
        self.save_button = QPushButton(self.tr("&Save as PDF… (Ctrl+S)"), objectName="save_button")
        self.save_button.clicked.connect(self.ask_save)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, activated=self.ask_save)
        self.verify_button = QPushButton(
            self.tr("C&heck a document… (Ctrl+Shift+V)"), objectName="verify_button"
        )
        self.verify_button.clicked.connect(self.open_verify)
        QShortcut(QKeySequence("Ctrl+Shift+V"), self, activated=self.open_verify)
        self.reload_button = QPushButton(self.tr("Reload (F5)"), objectName="document_reload")
        self.reload_button.clicked.connect(self._reload_clicked)
        QShortcut(
            QKeySequence(QKeySequence.StandardKey.Refresh), self, activated=self._reload_clicked
        )
        self.close_button = QPushButton(self.tr("Close (Esc)"), objectName="document_close")
        self.close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.verify_button)
        bottom.addWidget(self.reload_button)
        bottom.addStretch(1)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)  # Enter must never issue or print by accident

        layout = QVBoxLayout(self)  # the message above the buttons: showing it moves no field
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.message_bar)
        layout.addLayout(bottom)
        self._update_buttons()

    # -- loading ----------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the case and its documents again; raises FairDeskError (NotFound...)."""
        detail = case_detail(self.ctx, self.case_number)
        entries = self._entries(detail)
        self.detail = detail
        self._show_case(detail)
        self._fill_kinds(detail)
        selected = self.current_number
        self.model.set_entries(entries, detail.fair_timezone)
        for column in (COL_NUMBER, COL_DOCUMENT, COL_COPY, COL_ISSUED, COL_STATUS):
            self.documents_view.resizeColumnToContents(column)
            width = self.documents_view.columnWidth(column)
            self.documents_view.setColumnWidth(column, width + 6)  # room for a bold selection
        self.no_documents_label.setVisible(not entries)
        self._fill_served(entries)
        if selected and self.model.row_of(selected) is not None:
            self.select_document(selected)
        elif entries and not selected:
            self.select_document(entries[0].row.number)
        self._update_buttons()

    def _entries(self, detail: CaseDetail) -> list[DocumentEntry]:
        rows = docs.list_documents(self.ctx, detail.complaint.number)
        mine = [r for r in rows if r.case_number in ("", detail.number)]
        copies: dict[str, str] = {}
        for event in timeline(self.ctx, detail.number):
            after = event.after or {}
            number = str(after.get("number", ""))
            if event.action == "document.issue":
                copies[number] = str(after.get("copy", ""))
            elif event.action == "document.reissue":
                copies[number] = copies.get(str(after.get("supersedes", "")), "")
        return [DocumentEntry(r, copies.get(r.number, "")) for r in reversed(mine)]

    def _reload_clicked(self) -> None:
        try:
            self.reload()
        except FairDeskError as exc:
            self.show_error(error_text(exc))
        else:
            self.clear_message()

    def _show_case(self, d: CaseDetail) -> None:
        name = d.respondent.name_zh or d.respondent.name_en
        self.case_label.setText(
            self.tr("Case {0} · {1} · {2}").format(d.number, name, state_words(d.state))
        )
        self.complaint_label.setText(
            self.tr("Complaint {0} ({1}) · complainant {2} · fair {3}").format(
                d.complaint.number,
                both(COMPLAINT_STATES, d.complaint.state),
                d.complainant.name,
                d.fair_code,
            )
        )

    def offered_kinds(self) -> list[str]:
        """The kind codes in the combo: those that apply in the current states."""
        return [str(self.kind_combo.itemData(i)) for i in range(self.kind_combo.count())]

    def _fill_kinds(self, d: CaseDetail) -> None:
        offered = K.applicable_kinds(K.COMPLAINT, d.complaint.state) + K.applicable_kinds(
            K.CASE, d.state
        )
        previous = self.kind_combo.currentData()
        self.kind_combo.blockSignals(True)
        self.kind_combo.clear()
        for k in offered:
            self.kind_combo.addItem(kind_label(k), k.code)
            level = self.tr("complaint") if k.level == K.COMPLAINT else self.tr("case")
            tip = self.tr("For the {0}; applies {1}.").format(level, domain_word(k.when))
            last = self.kind_combo.count() - 1
            self.kind_combo.setItemData(last, tip, Qt.ItemDataRole.ToolTipRole)
        index = self.kind_combo.findData(previous) if previous else -1
        if index < 0 and offered:
            # The document most specific to this state (a decision once decided, ...).
            case_kinds = [k for k in offered if k.level == K.CASE] or offered
            best = min(case_kinds, key=lambda k: len(k.states))
            index = self.kind_combo.findData(best.code)
        self.kind_combo.setCurrentIndex(max(index, 0))
        self.kind_combo.blockSignals(False)
        missing = [k for k in K.KINDS.values() if k not in offered]
        if missing:
            text = (
                self.tr("1 other kind does not apply now (hover for when it does).")
                if len(missing) == 1
                else self.tr("{0} other kinds do not apply now (hover for when they do).")
            )
            self.unavailable_label.setText(text.format(len(missing)))
            self.unavailable_label.setToolTip(
                "\n".join(f"{kind_label(k)}: {domain_word(k.when)}" for k in missing)
            )
            self.unavailable_label.show()
        else:
            self.unavailable_label.hide()
        self._kind_changed()

    def _fill_served(self, entries: Sequence[DocumentEntry]) -> None:
        current = self.served_combo.currentData()
        self.served_combo.clear()
        self.served_combo.addItem(self.tr("The latest notice, decision or order"), "")
        for entry in entries:
            r = entry.row
            if entry.valid and r.kind in K.SERVABLE:
                self.served_combo.addItem(f"{r.number} · {r.title}", r.number)
        self.served_combo.setCurrentIndex(max(self.served_combo.findData(current), 0))

    def selected_kind(self) -> K.DocKind | None:
        code = self.kind_combo.currentData()
        return K.KINDS.get(str(code)) if code else None

    def _kind_changed(self) -> None:
        k = self.selected_kind()
        needs_copy = bool(k and k.needs_copy)
        serves = bool(k and k.code == "proof-of-service")
        self.copy_label.setVisible(needs_copy)
        self.copy_combo.setVisible(needs_copy)
        self.served_label.setVisible(serves)
        self.served_combo.setVisible(serves)
        self.when_label.setText(self.tr("Applies {0}.").format(domain_word(k.when)) if k else "")
        self._update_buttons()

    def _update_buttons(self) -> None:
        offered = self.kind_combo.count() > 0
        for widget in (self.kind_combo, self.copy_combo, self.served_combo, self.issue_button):
            widget.setEnabled(self.can_issue and offered)
        entry = self.selected_entry()
        can_change = self.can_issue and entry is not None and entry.valid
        self.reissue_button.setEnabled(can_change)
        self.revoke_button.setEnabled(can_change)
        ready = self.current_pdf() is not None and self.preview.data() is not None
        busy = self.progress_dialog is not None
        self.print_button.setEnabled(ready and not busy)
        self.save_button.setEnabled(ready and not busy)

    # -- messages -------------------------------------------------------------------------
    def _message(self, text: str, error: bool) -> None:
        icon = (
            QStyle.StandardPixmap.SP_MessageBoxWarning
            if error
            else QStyle.StandardPixmap.SP_MessageBoxInformation
        )
        self.message_icon.setPixmap(self.style().standardIcon(icon).pixmap(22, 22))
        style = (
            "background: #fff4e5; border: 1px solid #b35c00;"
            if error
            else "background: #e6f4ea; border: 1px solid #1e7a34;"
        )
        self.message_bar.setStyleSheet(f"#document_message_bar {{ {style} }}")
        self.message_bar.setProperty("error", error)
        self.message_label.setText(text)
        self.message_bar.show()

    def show_error(self, text: str) -> None:
        self._message(text, True)

    def show_info(self, text: str) -> None:
        self._message(text, False)

    def clear_message(self) -> None:
        self.message_label.clear()
        self.message_bar.hide()

    def message(self) -> str:
        return "" if self.message_bar.isHidden() else self.message_label.text()

    # -- issuing ---------------------------------------------------------------------------
    def _issue_shortcut(self) -> None:
        if self.issue_button.isEnabled():
            self.issue()

    def issue(self) -> docs.IssuedInfo | None:
        """Issue the chosen kind (and copy) now; the new document is listed and previewed."""
        k = self.selected_kind()
        if k is None or not self.can_issue:
            return None
        copy = str(self.copy_combo.currentData() or "") if k.needs_copy else ""
        served = str(self.served_combo.currentData() or "") if k.code == "proof-of-service" else ""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            info = docs.issue_document(self.ctx, k.code, self.case_number, copy=copy, served=served)
        except FairDeskError as exc:
            QApplication.restoreOverrideCursor()
            self.show_error(error_text(exc))
            if isinstance(exc, IllegalTransition):
                self._reload_quietly()  # the case may have moved on: offer what applies now
            if not copy and k.needs_copy:
                self.copy_combo.setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        QApplication.restoreOverrideCursor()
        self._after_issue(info)
        copy_words = COPY_WORDS.get(copy)
        text = self.tr("Issued {0}: {1}{2}. It is registered; print it or save it as PDF.").format(
            info.number,
            kind_label(k),
            f" ({self.tr(copy_words[0])} · {copy_words[1]})" if copy_words else "",
        )
        if info.missing_glyphs:
            # Never a silent box: say which characters printed as their codes.
            self.show_error(
                text
                + " "
                + self.tr(
                    "No font has {0}: these characters are printed as their codes. "
                    "Check the name on paper."
                ).format(info.missing_codes)
            )
        else:
            self.show_info(text)
        return info

    def _after_issue(self, info: docs.IssuedInfo) -> None:
        self._pdfs[info.number] = info.pdf
        self._pdfs.pop(info.supersedes, None)  # revoked now: never printed again
        self.current_number = ""
        self._reload_quietly()
        self.select_document(info.number)
        self.issued.emit(info)
        self.changed.emit(self.case_number)

    def _reload_quietly(self) -> None:
        try:
            self.reload()
        except FairDeskError as exc:
            self.show_error(error_text(exc))

    # -- selecting and previewing -----------------------------------------------------------
    def selected_entry(self) -> DocumentEntry | None:
        index = self.documents_view.selectionModel().currentIndex()
        if not index.isValid() or not self.documents_view.selectionModel().isRowSelected(
            index.row(), QModelIndex()
        ):
            return None
        return self.model.entry(index.row())

    def select_document(self, number: str) -> None:
        row = self.model.row_of(number)
        if row is None:
            return
        index = self.model.index(row, 0)
        self.documents_view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.documents_view.scrollTo(index)
        if self.current_number != number:
            self._show_entry(self.model.entry(row))

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            entry = self.model.entry(current.row())
            if entry.row.number != self.current_number:
                self._show_entry(entry)
        self._update_buttons()

    def current_pdf(self) -> bytes | None:
        """The bytes of the document in the preview (None if revoked or not loaded)."""
        return self._pdfs.get(self.current_number) if self.current_number else None

    def _title_of(self, entry: DocumentEntry) -> str:
        r = entry.row
        k = K.KINDS.get(r.kind)
        words = COPY_WORDS.get(entry.copy)
        copy = f" — {self.tr(words[0])} · {words[1]}" if words else ""
        title = kind_label(k) if k else r.title
        return f"{r.number} · {title}{copy} · {self.model.status_text(entry)}"

    def _show_entry(self, entry: DocumentEntry) -> None:
        number = entry.row.number
        self.current_number = number
        self._load_generation += 1
        if self._load_task is not None:
            self._load_task.cancel()
            self._load_task = None
        self.preview_title.setText(self._title_of(entry))
        if not entry.valid:
            r = entry.row
            instead = (
                self.tr(" Print {0} instead.").format(r.superseded_by) if r.superseded_by else ""
            )
            self.preview.show_message(
                self.tr(
                    "{0} was revoked ({1}) and cannot be printed again: a scan of its QR code "
                    "says REVOKED.{2}"
                ).format(number, r.revoke_reason, instead)
            )
            self._update_buttons()
            return
        cached = self._pdfs.get(number)
        if cached is not None:
            self.preview.set_pdf(cached)
            self._update_buttons()
            return
        self.preview.show_message(self.tr("Rendering {0}…").format(number))
        self._update_buttons()
        generation = self._load_generation
        ctx = self.ctx

        def work(_task: Task) -> bytes:
            return docs.render_document(ctx, number)

        def done(pdf: bytes) -> None:
            if generation != self._load_generation:
                return
            self._load_task = None
            self._pdfs[number] = pdf
            self.preview.set_pdf(pdf)
            self._update_buttons()

        def failed(exc: BaseException) -> None:
            if generation != self._load_generation:
                return
            self._load_task = None
            report_failure(exc, self._not_loaded)

        task = run_task(work, owner=self, on_done=done, on_error=failed)
        if generation == self._load_generation and number not in self._pdfs:
            self._load_task = task

    def _preview_rendered(self, _pages: int) -> None:
        self._update_buttons()
        if self.current_number:
            self.preview_ready.emit(self.current_number)

    # -- save and print --------------------------------------------------------------------
    def suggested_file_name(self) -> str:
        r = self.selected_entry()
        kind = r.row.kind if r else "document"
        copy = f"-{r.copy}" if r and r.copy else ""
        return f"{self.current_number}-{kind}{copy}.pdf"

    def ask_save(self) -> None:
        if self.current_pdf() is None or not self.save_button.isEnabled():
            return
        suggested = str(documents_folder() / self.suggested_file_name())
        path = self._save_file_name(
            self, self.tr("Save {0} as PDF").format(self.current_number), suggested, "PDF (*.pdf)"
        )
        if path:
            self.save_pdf(path)

    def save_pdf(self, path: str | Path) -> Path | None:
        """Write the issued bytes of the previewed document to `path` (.pdf added)."""
        pdf = self.current_pdf()
        if pdf is None:
            return None
        target = Path(path).expanduser()
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            target.write_bytes(pdf)
        except OSError as exc:
            self.show_error(
                self.tr("{0} could not be saved to {1}: {2}").format(
                    self.current_number, str(target), exc.strerror or error_text(exc)
                )
            )
            return None
        self.show_info(self.tr("Saved {0} to {1}.").format(self.current_number, str(target)))
        return target

    def print_current(self) -> None:
        """Ask the system print dialog, then print the previewed document off the UI thread."""
        pdf = self.current_pdf()
        if pdf is None or not self.print_button.isEnabled():
            return
        number = self.current_number
        printer = pdf_printer(number)
        printer.setFromTo(0, 0)
        dialog = self._print_dialog(printer, self)
        if isinstance(dialog, QPrintDialog):
            dialog.setMinMax(1, max(1, self.preview.page_count()))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self._printer = printer
        self._print_run.start(
            self.tr("Printing {0}…").format(number),
            self.tr("Printing"),
            lambda report: print_pdf(printer, pdf, ranged=True, progress=report),
            on_done=lambda pages: self._printed(number, pages),
            on_error=self._print_failed,
        )
        self._update_buttons()

    def cancel_print(self) -> None:
        self._print_run.cancel()

    @property
    def progress_dialog(self) -> QProgressDialog | None:
        return self._print_run.dialog

    def _not_loaded(self, text: str) -> None:
        self.preview.show_message(text)
        self._update_buttons()

    def _end_print(self) -> None:
        self._printer = None
        self._update_buttons()

    def _printed(self, number: str, pages: int) -> None:
        self._end_print()
        self.show_info(self.tr("Sent {0} to the printer ({1} page(s)).").format(number, pages))
        self.printed.emit(pages)

    def _print_failed(self, exc: BaseException) -> None:
        self._end_print()
        report_failure(
            exc,
            self.show_error,
            cancelled=lambda: self.show_info(
                self.tr("Printing cancelled; pages already sent may still come out.")
            ),
        )

    # -- reissue, revoke ------------------------------------------------------------------
    def _ask_reason(
        self, title: str, subtitle: str, step_name: str, apply: Callable[[str], None]
    ) -> StepDialog:
        dialog = StepDialog(
            title,
            (REASON,),
            subtitle=subtitle,
            step_name=step_name,
            apply=lambda _params, reason: apply(reason),
            parent=self,
        )
        dialog.finished.connect(lambda _r: self._reason_closed(dialog))
        self.reason_dialog = dialog
        dialog.open()
        return dialog

    def _reason_closed(self, dialog: StepDialog) -> None:
        if self.reason_dialog is dialog:
            self.reason_dialog = None
        dialog.deleteLater()

    def ask_reissue(self) -> StepDialog | None:
        entry = self.selected_entry()
        if entry is None or not self.reissue_button.isEnabled():
            return None
        number = entry.row.number

        def apply(reason: str) -> None:
            info = docs.reissue(self.ctx, number, reason)
            self._after_issue(info)
            self.show_info(
                self.tr("Issued {0} in place of {1}; {1} now verifies as revoked.").format(
                    info.number, number
                )
            )

        return self._ask_reason(
            self.tr("Reissue {0} · 重新签发").format(number),
            self.tr(
                "A corrected copy of {0} is issued under a new number with what the case says "
                "now; {0} is then revoked and its QR code says so. Say what was corrected."
            ).format(number),
            self.tr("Reissue the document"),
            apply,
        )

    def ask_revoke(self) -> StepDialog | None:
        entry = self.selected_entry()
        if entry is None or not self.revoke_button.isEnabled():
            return None
        number = entry.row.number

        def apply(reason: str) -> None:
            docs.revoke(self.ctx, number, reason)
            self._pdfs.pop(number, None)
            self.current_number = ""
            self._reload_quietly()
            self.select_document(number)
            self.changed.emit(self.case_number)
            self.show_info(
                self.tr("{0} is revoked: a scan of its QR code now says REVOKED.").format(number)
            )

        return self._ask_reason(
            self.tr("Revoke {0} · 撤销").format(number),
            self.tr(
                "{0} stops being valid and nothing replaces it: a scan of its QR code will say "
                "REVOKED, with your reason. To correct it instead, reissue it."
            ).format(number),
            self.tr("Revoke the document"),
            apply,
        )

    # -- checking --------------------------------------------------------------------------
    def open_verify(self) -> QDialog:
        from fairdesk.ui.paper.verify_dialog import VerifyDialog

        if self.verify_dialog is None:
            self.verify_dialog = VerifyDialog(self.ctx, self)
        self.verify_dialog.show()
        self.verify_dialog.raise_()
        self.verify_dialog.activateWindow()
        return self.verify_dialog

    # -- closing ---------------------------------------------------------------------------
    def _busy(self) -> bool:
        return self.progress_dialog is not None

    def work_running(self) -> bool:
        return self._busy()

    def cancel_work(self) -> None:
        self.cancel_print()

    def reject(self) -> None:
        if not self._busy():  # a preview still loading is dropped with the dialog
            self._load_generation += 1
            if self._load_task is not None:
                self._load_task.cancel()
        super().reject()
