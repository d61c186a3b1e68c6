"""Tools > Check evidence files: every stored evidence file is read back and compared with
the SHA-256 recorded at import, in the background with a cancellable progress dialog;
the result lists the files that are damaged or missing (none: all intact)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fairdesk.domain import vocabulary as v
from fairdesk.i18n import current_language, error_text, format_number
from fairdesk.services.context import Context
from fairdesk.services.inspection.evidence import EvidenceCheck, check_all
from fairdesk.ui.common.failure import report_failure
from fairdesk.ui.common.named import named
from fairdesk.ui.common.progress_dialog import LongRun


class EvidenceCheckResult(QDialog):
    """The files a check found damaged or missing, with what to do about each."""

    def __init__(self, problems: list[EvidenceCheck], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evidence_check_result")
        self.setWindowTitle(self.tr("Evidence files"))
        self.resize(860, 360)
        self.summary = named(QLabel(), "evidence_check_summary")
        self.summary.setWordWrap(True)
        self.summary.setText(
            self.tr(
                "{0} evidence file(s) cannot be relied on. Restore each from a backup or "
                "import the original again."
            ).format(format_number(len(problems)))
        )
        self.table = named(QTableWidget(len(problems), 3), "evidence_problems")
        self.table.setHorizontalHeaderLabels(
            [self.tr("File"), self.tr("Found"), self.tr("What it means")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        language = current_language()
        for row, problem in enumerate(problems):
            found = v.say(v.EVIDENCE_STATUS, problem.status, language)
            said = error_text(problem.problem) if problem.problem else problem.message
            for column, text in enumerate((problem.name, found, said)):
                item = QTableWidgetItem(text)
                item.setToolTip(said)
                self.table.setItem(row, column, item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.table.setFocus()


class EvidenceCheckRun(QObject):
    """One check of every evidence file, started from the Tools menu; the answer is shown
    in a message (all intact) or an `EvidenceCheckResult` (the files with a problem)."""

    finished = Signal(object)  # the problems found, or None when cancelled or refused

    def __init__(self, ctx: Context, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.window = parent
        self.answer: QWidget | None = None  # the message or result dialog shown at the end
        self._run = LongRun(
            parent,
            name="evidence_check_progress",
            cancel_text=self.tr("Cancel"),
            cancelling=self.tr("Cancelling…"),
            describe=lambda done, total: (
                self.tr("{0} of {1} evidence files checked…").format(
                    format_number(done), format_number(total)
                )
                if total > 0
                else None
            ),
        )

    @property
    def progress(self) -> QProgressDialog | None:
        return self._run.dialog

    def start(self) -> None:
        ctx = self.ctx
        self._run.start(
            self.tr("Checking the evidence files…"),
            self.tr("Evidence files"),
            lambda report: check_all(ctx, progress=report),
            on_done=self._done,
            on_error=self._failed,
        )

    def cancel(self) -> None:
        self._run.cancel()

    def _done(self, problems: list[EvidenceCheck]) -> None:
        if problems:
            dialog = EvidenceCheckResult(problems, self.window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.answer = dialog
            dialog.open()
        else:
            self.answer = self._message(
                QMessageBox.Icon.Information,
                self.tr(
                    "Every evidence file is intact: each matches the SHA-256 recorded "
                    "when it was imported."
                ),
            )
        self.finished.emit(problems)

    def _failed(self, exc: BaseException) -> None:
        report_failure(exc, self._refused)
        self.finished.emit(None)

    def _refused(self, text: str) -> None:
        self.answer = self._message(QMessageBox.Icon.Warning, text)

    def _message(self, icon: QMessageBox.Icon, text: str) -> QMessageBox:
        box = QMessageBox(icon, self.tr("Evidence files"), text, parent=self.window)
        box.setObjectName("evidence_check_message")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box
