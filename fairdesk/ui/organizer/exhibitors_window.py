"""A fair's exhibitors: search as you type, import the organiser's list, and see one
company's complaints across every edition."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QItemSelection, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QMainWindow,
    QTreeWidgetItem,
    QWidget,
)

from fairdesk.domain.errors import FairDeskError
from fairdesk.domain.permissions import GRANTS, Permission
from fairdesk.i18n import error_text, format_date, format_datetime, format_number
from fairdesk.services.context import Context
from fairdesk.services.fair import fairs
from fairdesk.services.fair.exhibitor_queries import (
    EditionHistory,
    ExhibitorHistory,
    HistoryCase,
    exhibitor_history,
)
from fairdesk.settings import Settings
from fairdesk.ui.common.named import named
from fairdesk.ui.forms.ui_exhibitors_window import Ui_ExhibitorsWindow
from fairdesk.ui.organizer.exhibitor_model import (
    COL_BOOTHS,
    COL_CASES,
    COL_COMMITMENT,
    COL_COUNTRY,
    COL_CREDIT_CODE,
    COL_NAME_EN,
    COL_NAME_ZH,
    ExhibitorIdRole,
    ExhibitorTableModel,
)
from fairdesk.ui.organizer.import_dialog import ImportDialog

SEARCH_DELAY_MS = 150  # wait for a pause in typing before querying

HISTORY_HEADERS = ("Edition / case", "Complainant", "Rights", "Outcome", "Decided")
(
    HCOL_CASE,
    HCOL_COMPLAINANT,
    HCOL_RIGHTS,
    HCOL_OUTCOME,
    HCOL_DECIDED,
) = range(len(HISTORY_HEADERS))


def humanize(code: str) -> str:
    """ "INFRINGEMENT_FOUND" -> "Infringement found", "defence_overdue" -> "Defence overdue"."""
    text = code.replace("_", " ").strip().lower()
    return text[:1].upper() + text[1:]


def outcome_text(case: HistoryCase) -> str:
    parts = [humanize(case.outcome)]
    if case.decision_trigger:
        parts[0] += f" ({humanize(case.decision_trigger).lower()})"
    if case.measures:
        parts.append("measures: " + ", ".join(humanize(m).lower() for m in case.measures))
    return " · ".join(parts)


class ExhibitorsWindow(QMainWindow):
    def __init__(
        self,
        ctx: Context,
        fair_code: str,
        parent: QWidget | None = None,
        *,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent)
        if parent is not None:  # its own window, kept above the desk but not inside it
            self.setWindowFlag(Qt.WindowType.Window, True)
        self.ctx = ctx
        self.fair_code = fair_code
        self.settings = settings
        self.import_dialog: ImportDialog | None = None
        self.history: ExhibitorHistory | None = None
        self.ui = Ui_ExhibitorsWindow()  # the layout: ui/exhibitors_window.ui
        self.ui.setupUi(self)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        ui = self.ui
        self.search_edit, self.count_label = ui.exhibitor_search_edit, ui.count_label
        self.import_button = ui.import_button
        may_import = ctx.actor.role in GRANTS[Permission.IMPORT_EXHIBITORS]
        self.import_button.setEnabled(may_import)
        if not may_import:
            who = ", ".join(sorted(r.value for r in GRANTS[Permission.IMPORT_EXHIBITORS]))
            self.import_button.setToolTip(self.tr("Only {0} staff may import.").format(who))
        self.table = ui.exhibitor_table
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.history_title, self.history_tree = ui.history_title, ui.history_tree
        self.history_tree.setHeaderLabels([self.tr(h) for h in HISTORY_HEADERS])
        for column, width in ((HCOL_CASE, 190), (HCOL_COMPLAINANT, 240), (HCOL_RIGHTS, 240),
                              (HCOL_DECIDED, 130)):  # fmt: skip
            self.history_tree.setColumnWidth(column, width)
        self.history_tree.header().setSectionResizeMode(
            HCOL_OUTCOME, QHeaderView.ResizeMode.Stretch
        )
        ui.exhibitor_splitter.setStretchFactor(0, 3)
        ui.exhibitor_splitter.setStretchFactor(1, 2)
        self.error_label = named(QLabel(), "error_label")
        self.error_label.setStyleSheet("color: #b00020")
        self.statusBar().addWidget(self.error_label, 1)

        find = QAction(self.tr("Find"), self, shortcut=QKeySequence(QKeySequence.StandardKey.Find))
        find.triggered.connect(self._focus_search)
        self.addAction(find)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.search_edit.returnPressed.connect(self.apply_search)
        self.import_button.clicked.connect(self.open_import)

        self.model = ExhibitorTableModel(ctx, fair_code, parent=self)
        self._show_model()
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(lambda: self._show_history(None))
        self.model.failed.connect(self.error_label.setText)
        self._set_title()
        self._update_count()
        self._show_history(None)

    # -- list ---------------------------------------------------------------------------
    def _show_model(self) -> None:
        self.table.setModel(self.model)
        self.table.sortByColumn(COL_NAME_ZH, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        widths = {
            COL_NAME_ZH: 260,
            COL_NAME_EN: 320,
            COL_COUNTRY: 110,
            COL_BOOTHS: 210,
            COL_CREDIT_CODE: 180,
            COL_CASES: 60,
            COL_COMMITMENT: 130,
        }
        for column, width in widths.items():
            self.table.setColumnWidth(column, width)

    def _set_title(self) -> None:
        try:
            info = fairs.get_fair(self.ctx, self.fair_code)
            name = f"{info.code} · {info.name}"
        except FairDeskError:
            name = self.fair_code
        self.setWindowTitle(self.tr("Exhibitors — {0}").format(name))

    def _focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def apply_search(self) -> None:
        self._search_timer.stop()
        self.reload(self.search_edit.text())

    def reload(self, search: str | None = None) -> None:
        """Query again (after an import, or with a new search); a single match is chosen
        at once, so its history shows without another key."""
        try:
            if search is None:
                self.model.reload()
            else:
                self.model.set_search(search)
        except FairDeskError as exc:
            self.error_label.setText(error_text(exc))
            return
        self.error_label.clear()
        self._update_count()
        if self.model.rowCount() == 1:
            self.table.selectRow(0)

    def _update_count(self) -> None:
        total = self.model.total()
        if self.model.search.strip():
            text = self.tr("{0} found").format(format_number(total))
        else:
            text = (
                self.tr("1 exhibitor")
                if total == 1
                else self.tr("{0} exhibitors").format(format_number(total))
            )
        self.count_label.setText(text)

    # -- history ------------------------------------------------------------------------
    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        self._show_history(self.model.data(rows[0], ExhibitorIdRole) if rows else None)

    def show_history(self, exhibitor_id: int) -> None:
        self._show_history(exhibitor_id)

    def _show_history(self, exhibitor_id: int | None) -> None:
        self.history_tree.clear()
        self.history = None
        if exhibitor_id is None:
            self.history_title.setText(
                self.tr("Choose an exhibitor to see its complaints at this and earlier fairs.")
            )
            return
        try:
            history = exhibitor_history(self.ctx, exhibitor_id)
        except FairDeskError as exc:
            self.history_title.setText(error_text(exc))
            return
        self.history = history
        names = " / ".join(n for n in (history.name_zh, history.name_en) if n)
        how = (
            self.tr("matched by credit code {0}").format(history.credit_code)
            if history.matched_by == "credit code"
            else self.tr("matched by name (no credit code in the list)")
        )
        editions = len(history.editions)
        self.history_title.setText(
            self.tr("{0} — {1}; {2} edition(s), {3} case(s).").format(
                names, how, editions, history.total_cases
            )
        )
        for edition in history.editions:
            item = self._edition_item(edition)
            self.history_tree.addTopLevelItem(item)
            item.setFirstColumnSpanned(True)  # only takes effect once the item is in the tree
        self.history_tree.expandAll()

    def _edition_item(self, edition: EditionHistory) -> QTreeWidgetItem:
        booths = ", ".join(edition.booths) or "—"
        count = (
            self.tr("{0} case(s)").format(len(edition.cases))
            if edition.cases
            else self.tr("no complaints")
        )
        current = edition.fair_code == self.fair_code
        text = self.tr("{0} · {1} · {2} to {3} · booth {4} · {5}").format(
            edition.fair_code,
            edition.fair_name,
            format_date(edition.start_date),
            format_date(edition.end_date),
            booths,
            count,
        )
        if current:
            text += self.tr(" (this fair)")
        item = QTreeWidgetItem([text])
        item.setData(HCOL_CASE, Qt.ItemDataRole.UserRole, edition.fair_code)
        font = item.font(HCOL_CASE)
        font.setBold(True)
        item.setFont(HCOL_CASE, font)
        zone = ZoneInfo(edition.timezone)  # the fair's own time, as on its documents
        for case in edition.cases:
            child = QTreeWidgetItem(
                [
                    case.number,
                    case.complainant,
                    ", ".join(case.rights),
                    outcome_text(case),
                    format_datetime(case.decided_at.astimezone(zone)) if case.decided_at else "",
                ]
            )
            child.setData(HCOL_CASE, Qt.ItemDataRole.UserRole, case.number)
            child.setToolTip(HCOL_CASE, self.tr("Complaint {0}").format(case.complaint_number))
            item.addChild(child)
        return item

    # -- import -------------------------------------------------------------------------
    def open_import(self) -> ImportDialog:
        """Show the import dialog (one at a time); the list reloads after an import."""
        if self.import_dialog is None:
            dialog = ImportDialog(self.ctx, self.fair_code, self, settings=self.settings)
            dialog.import_done.connect(lambda _report: self.reload())
            dialog.finished.connect(self._import_closed)
            self.import_dialog = dialog
        self.import_dialog.show()
        self.import_dialog.raise_()
        self.import_dialog.activateWindow()
        return self.import_dialog

    def _import_closed(self, _result: int) -> None:
        if self.import_dialog is not None:
            self.import_dialog.deleteLater()
            self.import_dialog = None
