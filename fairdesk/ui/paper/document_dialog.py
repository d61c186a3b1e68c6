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

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fairdesk.config import data_dir
from fairdesk.domain.errors import FairDeskError, IllegalTransition
from fairdesk.domain.permissions import GRANTS, Permission
from fairdesk.i18n import error_text
from fairdesk.services.casework.case_detail import CaseDetail, case_detail
from fairdesk.services.context import Context
from fairdesk.services.paper import documents as docs
from fairdesk.ui.common.failure import report_failure
from fairdesk.ui.common.pdf_preview import pdf_printer, print_pdf
from fairdesk.ui.common.progress_dialog import CancelOnCloseDialog
from fairdesk.ui.common.step_dialog import StepDialog
from fairdesk.ui.paper.document_frame import (
    BottomButtons,
    CaseHeading,
    case_side,
    print_run,
    reissue_question,
    revoke_question,
    side_by_side,
)
from fairdesk.ui.paper.document_issue import IssueSection, issued_text
from fairdesk.ui.paper.document_list import (
    DocumentEntry,
    IssuedSection,
    entries_of,
    entry_title,
)
from fairdesk.ui.paper.document_preview import PreviewSide
from fairdesk.ui.paper.message_bar import MessageBar

Index = QModelIndex | QPersistentModelIndex


class ExecDialog(Protocol):
    def exec(self) -> int: ...


# (printer, parent) -> a dialog whose exec() returns QDialog.DialogCode.Accepted to print
PrintDialogFactory = Callable[[QPrinter, QWidget], ExecDialog]
# (parent, caption, suggested path, filter) -> the chosen path, "" if cancelled
SaveFileName = Callable[[QWidget, str, str, str], str]


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
        self._printer: QPrinter | None = None
        self._print_run = print_run(self)
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
        self.heading = CaseHeading(self.ctx.actor.role.value, self.can_issue)
        self.read_only_label = self.heading.read_only_label

        # A message bar: errors of the services, and what was just done.
        self.message_bar = MessageBar("document_message")
        self.message_label = self.message_bar.label

        self.issue_box = IssueSection()
        self.issue_box.kind_changed.connect(self._update_buttons)
        self.issue_box.issue_button.clicked.connect(self.issue)
        QShortcut(QKeySequence("Ctrl+Return"), self, self._issue_shortcut)
        self.list_box = IssuedSection()
        self.list_box.documents_view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.list_box.reissue_button.clicked.connect(self.ask_reissue)
        self.list_box.revoke_button.clicked.connect(self.ask_revoke)
        # The parts the dialog and its tests name directly, under their names of old.
        i, d = self.issue_box, self.list_box
        self.kind_combo, self.copy_combo = i.kind_combo, i.copy_combo
        self.served_combo, self.issue_button = i.served_combo, i.issue_button
        self.unavailable_label = i.unavailable_label
        self.model, self.documents_view = d.model, d.documents_view
        self.no_documents_label = d.no_documents_label
        self.reissue_button, self.revoke_button = d.reissue_button, d.revoke_button

        left = case_side([*self.heading.labels(), self.issue_box], self.list_box)

        # -- preview ------------------------------------------------------------------------
        right = PreviewSide(self.ctx)
        right.changed.connect(self._update_buttons)
        right.ready.connect(self.preview_ready)
        self.preview_side, self.preview, self.preview_title = right, right.preview, right.title

        self.splitter = side_by_side(left, right)

        # -- bottom -------------------------------------------------------------------------
        self.bottom = bottom = BottomButtons()
        self.print_button, self.save_button = bottom.print_button, bottom.save_button
        self.verify_button, self.close_button = bottom.verify_button, bottom.close_button
        for button, keys, act in (
            (self.print_button, QKeySequence.StandardKey.Print, self.print_current),
            (self.save_button, QKeySequence.StandardKey.Save, self.ask_save),
            (self.verify_button, "Ctrl+Shift+V", self.open_verify),
            (bottom.reload_button, QKeySequence.StandardKey.Refresh, self._reload_clicked),
        ):
            button.clicked.connect(act)
            QShortcut(QKeySequence(keys), self, act)
        self.close_button.clicked.connect(self.reject)
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
        entries = entries_of(self.ctx, detail)
        self.detail = detail
        self.heading.show_case(detail)
        self.issue_box.fill_kinds(detail)
        selected = self.current_number
        self.list_box.show_entries(entries, detail.fair_timezone)
        self.issue_box.fill_served(entries)
        if selected and self.model.row_of(selected) is not None:
            self.select_document(selected)
        elif entries and not selected:
            self.select_document(entries[0].row.number)
        self._update_buttons()

    def _reload_clicked(self) -> None:
        try:
            self.reload()
        except FairDeskError as exc:
            self.show_error(error_text(exc))
        else:
            self.clear_message()

    def offered_kinds(self) -> list[str]:
        """The kind codes in the combo: those that apply in the current states."""
        return self.issue_box.offered_kinds()

    def _update_buttons(self) -> None:
        self.issue_box.set_enabled(self.can_issue and self.kind_combo.count() > 0)
        entry = self.selected_entry()
        can_change = self.can_issue and entry is not None and entry.valid
        self.reissue_button.setEnabled(can_change)
        self.revoke_button.setEnabled(can_change)
        ready = self.current_pdf() is not None and self.preview.data() is not None
        busy = self.progress_dialog is not None
        self.print_button.setEnabled(ready and not busy)
        self.save_button.setEnabled(ready and not busy)

    # -- messages -------------------------------------------------------------------------
    def show_error(self, text: str) -> None:
        self.message_bar.say(text, error=True)

    def show_info(self, text: str) -> None:
        self.message_bar.say(text, error=False)

    def clear_message(self) -> None:
        self.message_bar.clear()

    def message(self) -> str:
        return self.message_bar.text()

    # -- issuing ---------------------------------------------------------------------------
    def _issue_shortcut(self) -> None:
        if self.issue_button.isEnabled():
            self.issue()

    def issue(self) -> docs.IssuedInfo | None:
        """Issue the chosen kind (and copy) now; the new document is listed and previewed."""
        k = self.issue_box.selected_kind()
        if k is None or not self.can_issue:
            return None
        copy, served = self.issue_box.copy(), self.issue_box.served()
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
        text, warn = issued_text(info, k, copy)
        if warn:
            self.show_error(text)
        else:
            self.show_info(text)
        return info

    def _after_issue(self, info: docs.IssuedInfo) -> None:
        self.preview_side.pdfs[info.number] = info.pdf
        self.preview_side.pdfs.pop(info.supersedes, None)  # revoked now: never printed again
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
        return self.list_box.selected_entry()

    def select_document(self, number: str) -> None:
        entry = self.list_box.select(number)
        if entry is not None and self.current_number != number:
            self._show_entry(entry)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            entry = self.model.entry(current.row())
            if entry.row.number != self.current_number:
                self._show_entry(entry)
        self._update_buttons()

    @property
    def current_number(self) -> str:
        """The number of the document in the preview ("" for none)."""
        return self.preview_side.number

    @current_number.setter
    def current_number(self, number: str) -> None:
        self.preview_side.number = number

    def current_pdf(self) -> bytes | None:
        """The bytes of the document in the preview (None if revoked or not loaded)."""
        return self.preview_side.pdf()

    def _show_entry(self, entry: DocumentEntry) -> None:
        self.preview_side.show_entry(entry, entry_title(entry, self.model.status_text(entry)))

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
    def _ask_reason(self, dialog: StepDialog) -> StepDialog:
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

        return self._ask_reason(reissue_question(self, number, apply))

    def ask_revoke(self) -> StepDialog | None:
        entry = self.selected_entry()
        if entry is None or not self.revoke_button.isEnabled():
            return None
        number = entry.row.number

        def apply(reason: str) -> None:
            docs.revoke(self.ctx, number, reason)
            self.preview_side.pdfs.pop(number, None)
            self.current_number = ""
            self._reload_quietly()
            self.select_document(number)
            self.changed.emit(self.case_number)
            self.show_info(
                self.tr("{0} is revoked: a scan of its QR code now says REVOKED.").format(number)
            )

        return self._ask_reason(revoke_question(self, number, apply))

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
            self.preview_side.drop_loading()
        super().reject()
