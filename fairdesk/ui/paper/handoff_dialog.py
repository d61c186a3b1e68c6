"""Hand a case or a fair's list to a public system from the app: the credit list, a
signed referral package, a signed evidence package, with a progress bar that can cancel.

The services do the work (the same as `fairdesk export credit|referral|evidence`); this
dialog only asks for the case and the file and shows what was sent."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QProgressDialog,
    QWidget,
)

from fairdesk.domain import vocabulary as v
from fairdesk.domain.vocabulary import say
from fairdesk.i18n import current_language
from fairdesk.services.context import Context
from fairdesk.ui.common.failure import report_failure
from fairdesk.ui.common.progress_dialog import LongRun, Report
from fairdesk.ui.forms.ui_handoff_dialog import Ui_HandoffDialog

KINDS = ("credit", "referral", "evidence")


class HandoffDialog(QDialog):
    handoff_done = Signal(object)  # the service's result
    handoff_failed = Signal(str)

    def __init__(
        self,
        ctx: Context,
        fair_code: str,
        case_number: str = "",
        kind: str = "evidence",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.fair_code = ctx, fair_code
        self._run = LongRun(
            self,
            name="handoff_progress",
            cancel_text=self.tr("Cancel"),
            cancelling=self.tr("Cancelling…"),
        )
        self.ui = Ui_HandoffDialog()  # the layout: ui/handoff_dialog.ui
        self.ui.setupUi(self)
        self.setObjectName("handoff_dialog")
        ui = self.ui
        self.kind_combo, self.case_edit, self.file_edit = ui.kind_combo, ui.case_edit, ui.file_edit
        self.status_label, self.buttons = ui.status_label, ui.buttons
        language = current_language()
        for code in KINDS:
            self.kind_combo.addItem(say(v.HANDOFF_KINDS, code, language), code)
        self.kind_combo.setCurrentIndex(KINDS.index(kind))
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.case_edit.setText(case_number)
        ui.browse_button.clicked.connect(self.browse)
        self.export_button = self.buttons.addButton(
            self.tr("&Export and record"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button.setObjectName("export_button")
        self.export_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        self._kind_changed()

    @property
    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    def _default_file(self) -> Path:
        target = self.case_edit.text().strip() or self.fair_code
        name = {"credit": f"credit-{self.fair_code}.xlsx", "referral": f"referral-{target}.zip"}
        return Path.home() / name.get(self.kind, f"evidence-{target}.zip")

    def _kind_changed(self) -> None:
        self.case_edit.setEnabled(self.kind != "credit")
        self.file_edit.setText(str(self._default_file()))

    def browse(self) -> None:
        pattern = (
            "Excel (*.xlsx);;CSV (*.csv);;JSON (*.json)" if self.kind == "credit" else "ZIP (*.zip)"
        )
        path, _ = QFileDialog.getSaveFileName(
            self, self.windowTitle(), self.file_edit.text(), pattern
        )
        if path:
            self.file_edit.setText(path)

    def _work(self) -> Any:
        from fairdesk.services.handoff.evidence_package import export_evidence
        from fairdesk.services.handoff.handoff_credit import export_credit
        from fairdesk.services.handoff.handoff_referral import export_referral

        kind, ctx, path = self.kind, self.ctx, Path(self.file_edit.text().strip())
        number = self.case_edit.text().strip()

        def run(report: Report) -> Any:
            if kind == "credit":
                return export_credit(ctx, self.fair_code, path, progress=report)
            export = export_referral if kind == "referral" else export_evidence
            return export(ctx, number, path, progress=report)

        return run

    @property
    def progress_dialog(self) -> QProgressDialog | None:
        return self._run.dialog

    def start(self) -> None:
        self.export_button.setEnabled(False)
        self.status_label.setText(self.tr("Writing…"))
        self._run.start(
            self.tr("Preparing the hand-off…"),
            self.windowTitle(),
            self._work(),
            on_done=self._done,
            on_error=self._failed,
        )

    def _done(self, result: Any) -> None:
        self.export_button.setEnabled(True)
        if self.kind == "credit":
            refused = "\n".join(r.sentence() for r in result.refused)
            text = self.tr("{0} records written to {1}.").format(result.records, result.path)
            if result.path is None:
                text = self.tr("No record is complete; nothing was written.")
            if refused:
                text += "\n" + self.tr("Refused:") + "\n" + refused
        else:
            text = self.tr("Signed package written to {0} ({1} evidence files); SHA-256 {2}.")
            text = text.format(result.path, result.files, result.package_sha256)
        self.status_label.setText(text)
        self.handoff_done.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        report_failure(exc, self._stopped, cancelled=lambda: self._stopped(self.tr("Cancelled.")))

    def _stopped(self, text: str) -> None:
        self.status_label.setText(text)
        self.handoff_failed.emit(text)
