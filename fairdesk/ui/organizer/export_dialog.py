"""Export the post-fair follow-up list from the app, with a progress bar that can cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QProgressDialog,
    QWidget,
)

from fairdesk.i18n import format_number
from fairdesk.services.context import Context
from fairdesk.services.organizer.followup import ExportResult, export_followup
from fairdesk.ui.common.failure import report_failure
from fairdesk.ui.common.progress_dialog import CancelOnCloseDialog, LongRun
from fairdesk.ui.forms.ui_export_dialog import Ui_ExportDialog

FORMATS = (("xlsx", "Excel (*.xlsx)"), ("csv", "CSV, UTF-8 (*.csv)"), ("pdf", "PDF (*.pdf)"))


class ExportDialog(CancelOnCloseDialog):
    export_done = Signal(object)  # ExportResult
    export_cancelled = Signal()
    export_failed = Signal(str)

    def __init__(self, ctx: Context, fair_code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.fair_code = fair_code
        self.result_info: ExportResult | None = None
        self._run = LongRun(
            self,
            name="export_progress",
            cancel_text=self.tr("Cancel"),
            cancelling=self.tr("Cancelling…"),
            describe=lambda done, total: self.tr("{0} of {1} rows…").format(
                format_number(done), format_number(total)
            ),
        )
        self.ui = Ui_ExportDialog()  # the layout: ui/export_dialog.ui
        self.ui.setupUi(self)
        self.setObjectName("export_dialog")
        ui = self.ui
        self.format_combo, self.file_edit = ui.format_combo, ui.file_edit
        self.no_contacts_check, self.status_label = ui.no_contacts_check, ui.status_label
        self.buttons = ui.buttons
        for code, label in FORMATS:
            self.format_combo.addItem(label, code)
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.file_edit.setText(str(Path.home() / f"followup-{fair_code}.xlsx"))
        ui.browse_button.clicked.connect(self.browse)
        self.status_label.hide()
        self.export_button = self.buttons.addButton(
            self.tr("&Export"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button.setObjectName("export_button")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)

    def _format_changed(self) -> None:
        code = self.format_combo.currentData()
        path = Path(self.file_edit.text().strip() or f"followup-{self.fair_code}.xlsx")
        self.file_edit.setText(str(path.with_suffix(f".{code}")))

    def browse(self) -> None:
        code = self.format_combo.currentData()
        label = dict(FORMATS)[code]
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to"), self.file_edit.text(), label
        )
        if path:
            self.file_edit.setText(path)

    def _show(self, text: str, error: bool = False) -> None:
        self.status_label.setStyleSheet("color: #a00;" if error else "")
        self.status_label.setText(text)
        self.status_label.show()

    # -- exporting ----------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._run.running

    @property
    def progress_dialog(self) -> QProgressDialog | None:
        return self._run.dialog

    def start_export(self) -> None:
        if self.running:
            return
        text = self.file_edit.text().strip()
        if not text:
            self._show(self.tr("Choose the file to export to."), error=True)
            return
        path = Path(text).expanduser()
        if path.suffix.lower() not in (".xlsx", ".csv", ".pdf"):
            path = path.with_suffix(f".{self.format_combo.currentData()}")
            self.file_edit.setText(str(path))
        self.export_button.setEnabled(False)
        self.status_label.hide()
        ctx, code = self.ctx, self.fair_code
        contacts = not self.no_contacts_check.isChecked()
        self._run.start(
            self.tr("Exporting {0}…").format(path.name),
            self.tr("Exporting"),
            lambda report: export_followup(
                ctx, code, path, include_contacts=contacts, progress=report
            ),
            on_done=self._done,
            on_error=self._failed,
        )

    def cancel_export(self) -> None:
        self._run.cancel()

    def _done(self, result: ExportResult) -> None:
        self.export_button.setEnabled(True)
        self.result_info = result
        extra = "" if result.include_contacts else self.tr(", without personal contact data")
        self._show(
            self.tr("{0} rows written to {1}{2}.").format(result.rows, str(result.path), extra)
        )
        self.export_done.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        report_failure(exc, self._refused, cancelled=self._cancelled)

    def _refused(self, text: str) -> None:
        self._show(text, error=True)
        self.export_failed.emit(text)

    def _cancelled(self) -> None:
        self._show(self.tr("Export cancelled: no file was written."))
        self.export_cancelled.emit()

    def work_running(self) -> bool:
        return self.running

    def cancel_work(self) -> None:
        self.cancel_export()
