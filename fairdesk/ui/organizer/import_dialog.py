"""Import an organiser's exhibitor list: choose the file, watch it read, read the report.

The import runs off the UI thread (fairdesk.ui.common.tasks) behind a progress dialog that shows
the rows read and can cancel. The service imports all or nothing, so a cancel raises
`Cancelled` from the progress callback, before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QProgressDialog,
    QTableView,
    QWidget,
)

from fairdesk.domain.errors import FairDeskError
from fairdesk.i18n import format_number
from fairdesk.services.context import Context
from fairdesk.services.fair.exhibitors import (
    ImportReport,
    halls_not_of_fair,
    import_exhibitors,
    rows_in_halls,
)
from fairdesk.settings import LAST_IMPORT_DIR, Settings
from fairdesk.ui.common.failure import report_failure
from fairdesk.ui.common.named import named
from fairdesk.ui.common.progress_dialog import CancelOnCloseDialog, LongRun, Report
from fairdesk.ui.forms.ui_import_dialog import Ui_ImportDialog
from fairdesk.ui.organizer.exhibitor_model import (
    COL_CONTENT,
    COL_REASON,
    COL_ROW,
    RejectedRowsModel,
)

# Rows named in the warning about unknown halls; the rest are counted.
ROWS_NAMED = 10
FILE_FILTER = "Exhibitor lists (*.xlsx *.xlsm *.csv *.txt *.tsv);;All files (*)"
ERROR_STYLE = "color: #b00020"


@dataclass(frozen=True)
class _Imported:
    report: ImportReport
    unknown_halls: dict[str, int]  # hall -> booths, halls the fair does not have
    hall_rows: dict[str, list[int]]  # hall -> rows of the file with a booth there


class ImportDialog(CancelOnCloseDialog):
    """Import into `fair_code`; emits `import_done(ImportReport)` when the list was saved.

    `fix_halls` says how to add halls the fair lacks (the fair set-up's own way differs)."""

    import_done = Signal(object)
    import_failed = Signal(str)
    import_cancelled = Signal()
    progressed = Signal(int, int)  # rows read, rows in the file (0: not known yet)

    def __init__(
        self,
        ctx: Context,
        fair_code: str,
        parent: QWidget | None = None,
        *,
        settings: Settings | None = None,
        fix_halls: str = "",
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.fair_code = fair_code
        self.settings = settings
        self.fix_halls = fix_halls or self.tr(
            "Add the halls to the fair (Fair > Edit fair) or correct the list and import it "
            "again; until then rounds and the hall board do not show these booths."
        )
        self.report: ImportReport | None = None
        self.unknown_halls: dict[str, int] = {}
        self.hall_rows: dict[str, list[int]] = {}
        self._run = self._long_run()
        self.ui = Ui_ImportDialog()  # the layout: ui/import_dialog.ui
        self.ui.setupUi(self)
        self.setWindowTitle(self.tr("Import exhibitors — {0}").format(fair_code))
        ui = self.ui
        ui.intro.setText(
            self.tr(
                "Choose the exhibitor list of fair {0} as exported by the organiser: an Excel "
                "workbook (.xlsx) or a CSV file. Importing a list again updates what changed "
                "and adds no duplicates; if anything goes wrong, nothing is imported."
            ).format(fair_code)
        )
        self.file_edit, self.browse_button = ui.file_edit, ui.browse_button
        self.import_button = ui.import_button
        self.error_label, self.status_label = ui.error_label, ui.status_label
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()
        self.status_label.hide()
        self.report_group, self.summary_label = ui.report_group, ui.summary_label
        self.rejected_model = RejectedRowsModel(parent=self)
        self.rejected_view = named(_CopyableTable(self.copy_rejected), "rejected_view")
        self._show_rejected()
        self.copy_button = ui.copy_button
        self.report_group.hide()
        self.button_box = ui.button_box
        self.button_box.rejected.connect(self.reject)

        self.browse_button.clicked.connect(self.choose_file)
        self.import_button.clicked.connect(self.start_import)
        self.file_edit.returnPressed.connect(self.start_import)
        self.copy_button.clicked.connect(self.copy_rejected)

    def _show_rejected(self) -> None:
        """The table of rejected rows, in the report above its copy button."""
        view = self.rejected_view
        view.setModel(self.rejected_model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.verticalHeader().setVisible(False)
        view.setAlternatingRowColors(True)
        header = view.horizontalHeader()
        header.setSectionResizeMode(COL_ROW, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_REASON, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        view.setColumnWidth(COL_REASON, 280)
        view.setColumnWidth(COL_CONTENT, 300)
        self.ui.report_layout.insertWidget(1, view, 1)
        QWidget.setTabOrder(self.ui.import_button, view)  # Tab reaches it where it stands

    # -- choosing -----------------------------------------------------------------------
    def choose_file(self) -> None:
        start = self.settings.get(LAST_IMPORT_DIR) if self.settings else ""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the exhibitor list"), start, self.tr(FILE_FILTER)
        )
        if path:
            self.file_edit.setText(path)

    # -- importing ----------------------------------------------------------------------
    def _long_run(self) -> LongRun:
        return LongRun(
            self,
            name="import_progress",
            cancel_text=self.tr("Cancel"),
            cancelling=self.tr("Cancelling…"),
            describe=self._rows_read,
            on_report=self.progressed.emit,
        )

    @property
    def running(self) -> bool:
        return self._run.running

    @property
    def progress_dialog(self) -> QProgressDialog | None:
        return self._run.dialog

    def start_import(self) -> None:
        if self.running:
            return
        text = self.file_edit.text().strip()
        if not text:
            self._show_error(self.tr("Choose the exhibitor file to import first."))
            self.file_edit.setFocus()
            return
        path = Path(text).expanduser()
        self.error_label.hide()
        self.status_label.hide()
        self.report_group.hide()
        self.import_button.setEnabled(False)
        ctx, fair_code = self.ctx, self.fair_code

        def work(report: Report) -> _Imported:
            report(0, 0)  # raised inside the reader, before the one write transaction
            imported = import_exhibitors(ctx, fair_code, path, progress=report)
            try:
                unknown = halls_not_of_fair(ctx, fair_code)
                rows = rows_in_halls(path, unknown) if unknown else {}
            except FairDeskError:
                unknown, rows = {}, {}  # imported all the same; the report is what matters
            return _Imported(imported, unknown, rows)

        self._run.start(
            self.tr("Reading {0}…").format(path.name),
            self.tr("Importing exhibitors"),
            work,
            on_done=self._done,
            on_error=self._failed,
        )

    def cancel_import(self) -> None:
        self._run.cancel()

    def _rows_read(self, done: int, _total: int) -> str | None:
        return self.tr("{0} rows read…").format(format_number(done)) if done else None

    def _done(self, imported: _Imported) -> None:
        self.import_button.setEnabled(True)
        report = imported.report
        self.report = report
        self.unknown_halls, self.hall_rows = imported.unknown_halls, imported.hall_rows
        if self.settings is not None:
            self.settings.set(LAST_IMPORT_DIR, str(Path(report.file).parent))
        self._show_report(report)
        self.import_done.emit(report)

    def _failed(self, exc: BaseException) -> None:
        self.import_button.setEnabled(True)
        report_failure(exc, self._refused, cancelled=self._cancelled)

    def _refused(self, text: str) -> None:
        self._show_error(text)
        self.import_failed.emit(text)

    def _cancelled(self) -> None:
        self.status_label.setText(self.tr("Import cancelled: nothing was imported."))
        self.status_label.show()
        self.import_cancelled.emit()

    # -- showing ------------------------------------------------------------------------
    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def _show_report(self, report: ImportReport) -> None:
        name = Path(report.file).name
        counts = self.tr(
            "Imported {0} · Updated {1} · Unchanged {2} · Skipped {3} · Rejected {4}"
        ).format(
            report.imported,
            report.updated,
            report.unchanged,
            report.skipped,
            len(report.rejected),
        )
        details = self.tr("{0} ({1}).").format(name, report.encoding)
        if report.skipped:
            details += " " + self.tr(
                "Skipped: {0} blank rows, {1} rows merged into an earlier "
                "row of the same exhibitor."
            ).format(report.blank_rows, report.merged_rows)
        if report.rejected:
            details += " " + self.tr(
                "Rejected rows were not imported; correct them in the file and import it again."
            )
        else:
            details += " " + self.tr("No row was rejected.")
        if report.watch_hits:
            barred = sum(hit.bar_proposal for hit in report.watch_hits)
            details += " " + self.tr(
                "On the watch list of earlier editions: {0} exhibitors, {1} proposed to be "
                "barred (marked in the exhibitor list): {2}."
            ).format(
                len(report.watch_hits),
                barred,
                "; ".join(hit.name_zh or hit.name_en for hit in report.watch_hits),
            )
        self.summary_label.setText(f"<b>{counts}</b><br>{_escape(details)}{self._hall_warning()}")
        self.rejected_model.set_rows(report.rejected)
        self.rejected_view.setVisible(bool(report.rejected))
        self.copy_button.setEnabled(bool(report.rejected))
        self.copy_button.setVisible(bool(report.rejected))
        self.report_group.show()

    def _hall_warning(self) -> str:
        """Booths in halls the fair does not list: said at once, in red, naming the rows of
        the file, with what to do."""
        if not self.unknown_halls:
            return ""
        halls = self.tr("; ").join(
            self._hall_text(hall, count) for hall, count in self.unknown_halls.items()
        )
        text = self.tr("The list has booths in halls that {0} does not have: {1}.").format(
            self.fair_code, halls
        )
        text = _escape(f"{text} {self.fix_halls}")
        return f'<br><span style="color:#b00020"><b>⚠ {text}</b></span>'

    def _hall_text(self, hall: str, count: int) -> str:
        rows = self.hall_rows.get(hall, [])
        if count == 1:
            text = self.tr("{0} (1 booth)").format(hall)
        else:
            text = self.tr("{0} ({1} booths)").format(hall, count)
        if not rows:  # booths of an earlier list, not of this file
            return text
        if len(rows) == 1:
            return self.tr("{0} in row {1}").format(text, rows[0])
        named = self.tr(", ").join(str(row) for row in rows[:ROWS_NAMED])
        if len(rows) > ROWS_NAMED:
            named = self.tr("{0} and {1} more").format(named, len(rows) - ROWS_NAMED)
        return self.tr("{0} in rows {1}").format(text, named)

    def copy_rejected(self) -> None:
        rows = [i.row() for i in self.rejected_view.selectionModel().selectedRows()]
        QGuiApplication.clipboard().setText(self.rejected_model.as_text(rows or None))

    # -- closing ------------------------------------------------------------------------
    def work_running(self) -> bool:
        return self.running

    def cancel_work(self) -> None:
        self.cancel_import()


class _CopyableTable(QTableView):
    """Ctrl+C copies whole rows (the view alone would copy only the current cell)."""

    def __init__(self, copy: Callable[[], None], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._copy = copy

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.matches(QKeySequence.StandardKey.Copy):
            self._copy()
            event.accept()
            return
        super().keyPressEvent(event)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
