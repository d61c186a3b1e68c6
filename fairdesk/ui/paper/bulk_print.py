"""Print (or save as PDF) one kind of document for many cases at once.

`BulkPrintDialog(ctx, case_numbers, parent)`: choose the kind (and a decision's copy:
the complainant's, the respondent's, or both), then print through the system print
dialog as one job, or save one PDF a document into a folder. For every case where the
kind applies a new numbered document is issued and registered; cases where it does not
apply are skipped, and the report says which and why (the service's own sentence). A
complaint-level document is issued once per complaint even if several of its respondent
cases are selected. The work runs off the UI thread with a progress dialog that can
cancel between cases; what was issued before a cancel stays issued and is reported.

`run_bulk(...)` is the same work without widgets (tests, or a caller of its own).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QProgressDialog,
    QPushButton,
    QStyle,
    QTableWidgetItem,
    QWidget,
)

from fairdesk.documents import kinds as K
from fairdesk.domain.errors import FairDeskError, IllegalTransition, InvalidInput, NotFound
from fairdesk.domain.permissions import GRANTS, Permission
from fairdesk.i18n import domain_word, error_text
from fairdesk.services.casework.case_detail import case_detail
from fairdesk.services.context import Context
from fairdesk.services.paper import documents as docs
from fairdesk.ui.common.failure import report_failure
from fairdesk.ui.common.pdf_preview import PrintJob, pdf_info, pdf_printer
from fairdesk.ui.common.progress_dialog import CancelOnCloseDialog, LongRun
from fairdesk.ui.common.tasks import Cancelled
from fairdesk.ui.forms.ui_bulk_print_dialog import Ui_BulkPrintDialog
from fairdesk.ui.paper.document_dialog import (
    PrintDialogFactory,
    documents_folder,
    system_print_dialog,
)
from fairdesk.ui.paper.document_list import COPY_WORDS, kind_label

BOTH = "both"
# (parent, caption, start folder) -> the chosen folder, "" if cancelled
ChooseFolder = Callable[[QWidget, str, str], str]


def system_choose_folder(parent: QWidget, caption: str, start: str) -> str:
    return QFileDialog.getExistingDirectory(parent, caption, start)


@dataclass(frozen=True)
class BulkIssued:
    case_number: str
    document_number: str
    copy: str
    pages: int
    file: Path | None = None
    missing: str = ""  # codes of characters no font has, printed as those codes


@dataclass(frozen=True)
class BulkSkipped:
    case_number: str
    reason: str


@dataclass
class BulkReport:
    kind: str
    total: int  # cases selected
    issued: list[BulkIssued] = field(default_factory=list)
    skipped: list[BulkSkipped] = field(default_factory=list)
    done: int = 0  # cases handled before the end (or the cancel, or the error)
    cancelled: bool = False
    error: str = ""  # what stopped the run (printer, disk, database), if anything
    pages: int = 0


def _file_name(info: docs.IssuedInfo, copy: str) -> str:
    target = info.case_number or info.complaint_number
    name = f"{info.number}_{target}_{info.kind}{'_' + copy if copy else ''}.pdf"
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name)


def run_bulk(
    ctx: Context,
    kind: str,
    case_numbers: Sequence[str],
    *,
    copy: str = "",
    printer: QPrinter | None = None,
    folder: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> BulkReport:
    """Issue `kind` for each case and print it on `printer` or save it into `folder`.

    `progress(done, total)` is called before each case and may raise `Cancelled`; the
    report then says how far it got. Environment errors (printer, disk, database) end
    the run and are reported, not raised, so the documents issued so far are listed.
    """
    k = K.kind(kind)
    copies = tuple(COPY_WORDS) if (k.needs_copy and copy == BOTH) else (copy,)
    numbers = list(dict.fromkeys(n.strip() for n in case_numbers if n.strip()))
    report = BulkReport(k.code, len(numbers))
    complaints_done: dict[str, str] = {}  # complaint number -> the case it was issued for
    job = PrintJob(printer) if printer is not None else None
    try:
        for index, number in enumerate(numbers):
            if progress is not None:
                progress(index, len(numbers))
            if k.level == K.COMPLAINT and _complaint_done(ctx, number, complaints_done, report):
                report.done = index + 1
                continue
            for one_copy in copies:
                try:
                    info = docs.issue_document(ctx, k.code, number, copy=one_copy)
                except (IllegalTransition, InvalidInput, NotFound) as exc:
                    report.skipped.append(BulkSkipped(number, error_text(exc)))
                    break
                if k.level == K.COMPLAINT:
                    complaints_done[info.complaint_number] = number
                file = None
                if job is not None:
                    pages = job.add(info.pdf)
                else:
                    assert folder is not None
                    file = _save(info, folder, number, one_copy, report)
                    pages = pdf_info(info.pdf).pages
                report.pages += pages
                report.issued.append(
                    BulkIssued(number, info.number, one_copy, pages, file, info.missing_codes)
                )
            report.done = index + 1
        if progress is not None:
            progress(len(numbers), len(numbers))
    except Cancelled:
        report.cancelled = True
    except FairDeskError as exc:  # printer, disk, database, permission
        report.error = error_text(exc)
    finally:
        if job is not None:
            job.finish()
    return report


def _complaint_done(
    ctx: Context, number: str, complaints_done: dict[str, str], report: BulkReport
) -> bool:
    """Whether the case's complaint already had its document in this run (then skipped)."""
    complaint = case_detail(ctx, number).complaint.number
    if complaint not in complaints_done:
        return False
    report.skipped.append(
        BulkSkipped(
            number,
            f"Complaint {complaint} already has this document from case "
            f"{complaints_done[complaint]} in this run.",
        )
    )
    return True


def _save(info: docs.IssuedInfo, folder: Path, number: str, copy: str, report: BulkReport) -> Path:
    """Write the issued PDF into the folder; a failure ends the run (it stays issued)."""
    file = folder / _file_name(info, copy)
    try:
        file.write_bytes(info.pdf)
    except OSError as exc:
        report.issued.append(BulkIssued(number, info.number, copy, 0))
        raise FairDeskError(
            "{number} was issued but could not be saved to {file}: "
            "{reason}. Reprint it from the case's documents.",
            number=info.number,
            file=str(file),
            reason=exc.strerror or str(exc),
        ) from None
    return file


class BulkPrintDialog(CancelOnCloseDialog):
    """Print or save one kind of document for `case_numbers`.

    Emits `finished_run(BulkReport)` when a run ends (done, cancelled or stopped by an
    error) and `changed(list of case numbers)` when documents were issued.
    """

    finished_run = Signal(object)
    changed = Signal(list)

    def __init__(
        self,
        ctx: Context,
        case_numbers: Sequence[str],
        parent: QWidget | None = None,
        *,
        print_dialog: PrintDialogFactory | None = None,
        choose_folder: ChooseFolder | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_numbers = list(dict.fromkeys(n.strip() for n in case_numbers if n.strip()))
        self.can_issue = ctx.actor.role in GRANTS[Permission.ISSUE_DOCUMENT]
        self._print_dialog = print_dialog or system_print_dialog
        self._choose_folder = choose_folder or system_choose_folder
        self.report: BulkReport | None = None
        self._run = self._long_run()
        self._printer: QPrinter | None = None
        self.ui = Ui_BulkPrintDialog()  # the layout: ui/bulk_print_dialog.ui
        self.ui.setupUi(self)
        ui = self.ui
        self.cases_label = ui.bulk_cases
        self._show_selection()
        self.kind_combo, self.when_label = ui.bulk_kind_combo, ui.bulk_when
        self.copy_combo, self.copy_label = ui.bulk_copy_combo, ui.copy_label
        self._fill_choices()
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.print_radio, self.save_radio = ui.print_radio, ui.save_radio
        self.output_group = ui.output_group
        self.folder_edit, self.browse_button = ui.folder_edit, ui.browse_button
        self.folder_edit.setText(str(documents_folder()))
        self.browse_button.clicked.connect(self.browse)
        self.save_radio.toggled.connect(self._output_changed)
        self.note_label, self.read_only_label = ui.bulk_note, ui.bulk_read_only
        self.read_only_label.setText(
            self.tr(
                "Signed in as {0}: only desk staff issue documents. Open a case's documents "
                "to reprint what was already issued."
            ).format(domain_word(ctx.actor.role.value))
        )
        self.read_only_label.setVisible(not self.can_issue)
        self.status_label, self.report_table = ui.bulk_status, ui.report_table
        self.status_label.hide()
        self.report_table.setColumnWidth(0, 150)
        self.report_table.setColumnWidth(1, 110)
        self.report_table.hide()
        self.buttons = ui.buttons
        self.start_button = self.buttons.addButton(
            self.tr("&Issue and print"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.start_button.setObjectName("start_button")
        self.start_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        QWidget.setTabOrder(close, self.start_button)  # Tab reaches Close first, as it always has
        self._kind_changed()
        self._output_changed()

    # -- choices ---------------------------------------------------------------------------
    def _show_selection(self) -> None:
        count = len(self.case_numbers)
        heading = self.ui.bulk_heading
        heading.setText(self.tr("{0} case(s) selected · 已选 {0} 件").format(count))
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        self.cases_label.setText(", ".join(self.case_numbers[:12]) + (" …" if count > 12 else ""))
        self.cases_label.setToolTip("\n".join(self.case_numbers))

    def _fill_choices(self) -> None:
        """Every kind of document (with when it applies), and the decision's copies."""
        for k in K.KINDS.values():
            self.kind_combo.addItem(kind_label(k), k.code)
            self.kind_combo.setItemData(
                self.kind_combo.count() - 1,
                self.tr("Applies {0}.").format(domain_word(k.when)),
                Qt.ItemDataRole.ToolTipRole,
            )
        for code, (en, zh) in COPY_WORDS.items():
            self.copy_combo.addItem(f"{self.tr(en)} · {zh}", code)
        self.copy_combo.addItem(self.tr("Both copies (two documents a case) · 双方各一份"), BOTH)
        self.copy_combo.setCurrentIndex(self.copy_combo.count() - 1)

    def set_kind(self, code: str) -> None:
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(code), 0))

    def _kind_changed(self) -> None:
        k = K.KINDS[str(self.kind_combo.currentData())]
        level = self.tr("complaint") if k.level == K.COMPLAINT else self.tr("case")
        self.when_label.setText(
            self.tr("Applies {0} (a {1} document).").format(domain_word(k.when), level)
        )
        self.copy_label.setVisible(k.needs_copy)
        self.copy_combo.setVisible(k.needs_copy)

    def _output_changed(self) -> None:
        saving = self.save_radio.isChecked()
        self.folder_edit.setEnabled(saving)
        self.browse_button.setEnabled(saving)
        self.start_button.setText(
            self.tr("&Issue and save") if saving else self.tr("&Issue and print")
        )
        self._update_enabled()

    def _update_enabled(self) -> None:
        idle = self.progress_dialog is None
        self.start_button.setEnabled(self.can_issue and idle and bool(self.case_numbers))
        for widget in (self.kind_combo, self.copy_combo, self.print_radio, self.save_radio):
            widget.setEnabled(self.can_issue and idle)

    def browse(self) -> None:
        folder = self._choose_folder(
            self, self.tr("Save the documents into"), self.folder_edit.text()
        )
        if folder:
            self.folder_edit.setText(folder)

    def _show(self, text: str, error: bool = False) -> None:
        self.status_label.setStyleSheet("color: #a00;" if error else "")
        self.status_label.setText(text)
        self.status_label.show()

    # -- running ---------------------------------------------------------------------------
    def _long_run(self) -> LongRun:
        return LongRun(
            self,
            name="bulk_progress",
            cancel_text=self.tr("Cancel"),
            cancelling=self.tr(
                "Cancelling after the case in hand… (documents issued stay issued)"
            ),
            describe=self._case_in_hand,
        )

    @property
    def running(self) -> bool:
        return self._run.running

    @property
    def progress_dialog(self) -> QProgressDialog | None:
        return self._run.dialog

    def start(self) -> None:
        if self.running or not self.can_issue or not self.case_numbers:
            return
        kind = str(self.kind_combo.currentData())
        k = K.KINDS[kind]
        copy = str(self.copy_combo.currentData()) if k.needs_copy else ""
        printer: QPrinter | None = None
        folder: Path | None = None
        if self.save_radio.isChecked():
            text = self.folder_edit.text().strip()
            if not text:
                self._show(self.tr("Choose the folder to save the documents into."), error=True)
                return
            folder = Path(text).expanduser()
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                self._show(
                    self.tr("The folder {0} cannot be used: {1}").format(
                        str(folder), exc.strerror or str(exc)
                    ),
                    error=True,
                )
                return
        else:
            printer = pdf_printer(self.tr("FairDesk {0}").format(k.title_en))
            dialog = self._print_dialog(printer, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            self._printer = printer
        self.status_label.hide()
        self.report_table.setRowCount(0)
        self.report_table.hide()
        ctx, numbers = self.ctx, list(self.case_numbers)
        self._run.start(
            self.tr("Issuing {0}…").format(kind_label(k)),
            self.tr("Printing documents"),
            lambda report: run_bulk(
                ctx, kind, numbers, copy=copy, printer=printer, folder=folder, progress=report
            ),
            on_done=self._done,
            on_error=self._failed,
            maximum=len(numbers),
        )
        self._update_enabled()

    def cancel(self) -> None:
        self._run.cancel()

    def _case_in_hand(self, done: int, total: int) -> str | None:
        if done >= total:
            return None
        return self.tr("Case {0} of {1}: {2}…").format(done + 1, total, self.case_numbers[done])

    def _finish(self) -> None:
        self._printer = None
        self._update_enabled()

    def _done(self, report: BulkReport) -> None:
        self._finish()
        self.report = report
        self._show_report(report)
        if report.issued:
            self.changed.emit(sorted({i.case_number for i in report.issued}))
        self.finished_run.emit(report)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        report_failure(exc, lambda text: self._show(text, error=True))

    def _show_report(self, report: BulkReport) -> None:
        printing = self.print_radio.isChecked()
        issued = len(report.issued)
        parts = [
            (
                self.tr("{0} document(s) issued and printed, {1} page(s) in all")
                if printing
                else self.tr("{0} document(s) issued and saved, {1} page(s) in all")
            ).format(issued, report.pages)
        ]
        if report.skipped:
            parts.append(self.tr("{0} case(s) skipped").format(len(report.skipped)))
        text = "; ".join(parts) + "."
        if report.cancelled:
            text = self.tr(
                "Cancelled after {0} of {1} case(s). {2} The documents issued so far are "
                "registered."
            ).format(report.done, report.total, text)
        if report.error:
            text = self.tr("Stopped after {0} of {1} case(s): {2} {3}").format(
                report.done, report.total, report.error, text
            )
        self._show(text, error=bool(report.error))

        style = self.style()
        ok = style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)
        skip = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        rows: list[tuple[str, QIcon, str, str, str]] = []  # case, icon, result, text, tip
        for item in report.issued:
            words = COPY_WORDS.get(item.copy)
            copy = f" · {self.tr(words[0])} · {words[1]}" if words else ""
            tip = str(item.file) if item.file else ""
            text = f"{item.document_number}{copy}"
            if item.missing:
                text += " · " + self.tr("no font has {0}: printed as codes").format(item.missing)
            icon = skip if item.missing else ok
            rows.append((item.case_number, icon, self.tr("issued"), text, tip or text))
        for skipped in report.skipped:
            rows.append(
                (skipped.case_number, skip, self.tr("skipped"), skipped.reason, skipped.reason)
            )
        order = {n: i for i, n in enumerate(self.case_numbers)}
        rows.sort(key=lambda r: order.get(r[0], len(order)))
        self.report_table.setRowCount(len(rows))
        for row, (case, icon, result, detail, tip) in enumerate(rows):
            self.report_table.setItem(row, 0, QTableWidgetItem(case))
            result_item = QTableWidgetItem(icon, result)
            self.report_table.setItem(row, 1, result_item)
            detail_item = QTableWidgetItem(detail)
            detail_item.setToolTip(tip)
            self.report_table.setItem(row, 2, detail_item)
        self.report_table.resizeRowsToContents()
        self.report_table.setVisible(bool(rows))

    def report_rows(self) -> list[tuple[str, str, str]]:
        """The report as (case, result, detail) texts, in the table's order."""
        out = []
        for row in range(self.report_table.rowCount()):
            cells = [self.report_table.item(row, c) for c in range(3)]
            out.append(tuple(c.text() if c else "" for c in cells))
        return out  # type: ignore[return-value]

    # -- closing ---------------------------------------------------------------------------
    def work_running(self) -> bool:
        return self.running

    def cancel_work(self) -> None:
        self.cancel()
