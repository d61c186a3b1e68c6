"""The desk's main window: the current fair's respondent cases, searchable as you type,
with filters, deadlines at a glance, and live refresh when another desk changes data.

The layout and the menus are the form ui/main_window.ui; the window composes the parts
that work on them: the filters (`case_filters`), the saved views (`view_control`), the
menus' actions (`desk_menus`), what is done with the selected cases (`case_actions`) and
the windows the menus open (`desk_windows`). The list itself, its strip and its refresh
stay here."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from fairdesk.domain.errors import FairDeskError, StorageError
from fairdesk.domain.vocabulary import FIRST_STEPS, ROLES
from fairdesk.i18n import current_language, error_text
from fairdesk.services.casework.cases import (
    CaseFilter,
    CaseRow,
    count_cases,
    counts_by_state,
    last_change,
    list_cases,
)
from fairdesk.services.context import Context
from fairdesk.services.fair import fairs
from fairdesk.services.fair.first_steps import first_steps
from fairdesk.settings import Settings
from fairdesk.ui.casework.case_model import COL_DUE, CaseTableModel, countdown, fit_columns
from fairdesk.ui.casework.case_summary import CaseSummary
from fairdesk.ui.common.case_labels import CLOCKS, word
from fairdesk.ui.common.tasks import poll_while_open
from fairdesk.ui.desk.case_actions import CaseActions
from fairdesk.ui.desk.case_filters import CaseFilters
from fairdesk.ui.desk.desk_menus import wire_menus
from fairdesk.ui.desk.desk_protocol import Desk
from fairdesk.ui.desk.desk_windows import DeskWindows
from fairdesk.ui.desk.queue_panel import QUEUES, QueuePanel, count_from_states
from fairdesk.ui.desk.saved_views import SavedView
from fairdesk.ui.desk.view_control import SavedViewsControl
from fairdesk.ui.forms.ui_main_window import Ui_MainWindow

if TYPE_CHECKING:
    from fairdesk.ui.organizer.evidence_check import EvidenceCheckRun
    from fairdesk.ui.organizer.exhibitors_window import ExhibitorsWindow
    from fairdesk.ui.paper.verify_dialog import VerifyDialog

log = logging.getLogger(__name__)

POLL_MS = 3000
SCANNED_PAYLOAD = ("FD1.", "FD2.")  # how a printed document's QR code begins


def ask_text(parent: QWidget, title: str, label: str, text: str) -> tuple[str, bool]:
    """Ask for one line of text (tests replace MainWindow.ask_text)."""
    return QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)


def system_save_file_name(parent: QWidget, caption: str, suggested: str, filters: str) -> str:
    """The system's save dialog (tests replace MainWindow.save_file_name)."""
    # document_dialog brings reportlab and pdfium: loaded when a file is saved, not at start.
    from fairdesk.ui.paper.document_dialog import system_save_file_name

    return system_save_file_name(parent, caption, suggested, filters)


def ask_item(parent: QWidget, title: str, label: str, items: list[str]) -> tuple[str, bool]:
    """Ask to pick one of `items` (tests replace MainWindow.ask_item)."""
    return QInputDialog.getItem(parent, title, label, items, 0, False)


class MainWindow(Desk):
    def __init__(
        self,
        ctx: Context,
        *,
        demo: bool = False,
        settings: Settings | None = None,
        fill_after_paint: bool = False,
    ) -> None:
        """`fill_after_paint` (the app's start): the window's frame, menus and an empty
        list are drawn first and the fairs and the list are read right after that first
        paint, so the desk sees the window before the database has answered."""
        super().__init__()
        self.ctx = ctx
        self.demo = demo
        self.settings = settings if settings is not None else Settings()
        self.setObjectName("main_window")
        self.ui = Ui_MainWindow()  # the layout and the menus: ui/main_window.ui
        self.ui.setupUi(self)
        mode = self.tr(" — DEMO FAIR (sample data)") if demo else ""
        self.setWindowTitle(self.tr("FairDesk") + mode)
        self._place_window()
        self.model: CaseTableModel | None = None
        self._seen_change = -1
        # The strip's fair-wide figures: (fair code, counts by state, soonest deadlines).
        self._strip_data: tuple[str, dict[str, int], list[CaseRow]] | None = None
        self._zone: tuple[str, ZoneInfo] | None = None  # the shown fair's, by its code
        # Dialogs a test can replace: (parent, title, label, text) -> (text, ok).
        self.ask_text: Callable[[QWidget, str, str, str], tuple[str, bool]] = ask_text
        # (parent, caption, suggested path, filters) -> chosen path, "" when cancelled.
        self.save_file_name: Callable[[QWidget, str, str, str], str] = system_save_file_name
        self.ask_item: Callable[[QWidget, str, str, list[str]], tuple[str, bool]] = ask_item
        self._build_parts()
        self._build_status()
        wire_menus(self)
        self.views.load()
        self._poll_timer = poll_while_open(self, POLL_MS, self.poll_changes)
        if fill_after_paint:
            self.table.viewport().installEventFilter(self)
        else:
            self._load_fairs()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # Installed by fill_after_paint only: the list's first paint, then its rows.
        if event.type() == QEvent.Type.Paint and watched is self.table.viewport():
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._load_fairs)
        return super().eventFilter(watched, event)

    # -- construction ---------------------------------------------------------------------
    def _build_parts(self) -> None:
        ui = self.ui
        # The form's widgets by the names the tests and the parts use.
        self.fair_combo, self.search_edit, self.views_combo = (
            ui.fair_combo,
            ui.search_edit,
            ui.views_combo,
        )
        self.state_combo, self.ip_combo, self.hall_combo = (
            ui.state_combo,
            ui.ip_combo,
            ui.hall_combo,
        )
        self.overdue_check, self.due_check = ui.overdue_check, ui.due_check
        self.due_hours, self.mine_check = ui.due_hours, ui.mine_check
        self.table, self.strip = ui.case_table, ui.state_strip
        self.banner, self.first_steps = ui.connection_banner, ui.first_steps
        self.banner.hide()
        # A fair just set up: what to do first, until its first complaint is registered.
        self.first_steps.hide()
        self.new_action, self.visit_complaint_action = ui.new_action, ui.visit_complaint_action
        self.print_action, self.export_action = ui.print_action, ui.export_action
        self.assign_action, self.evidence_check_action = ui.assign_action, ui.evidence_check_action
        self.view_menu, self.help_menu = ui.view_menu, ui.help_menu
        self.table.activated.connect(self._open_index)  # Enter or double-click
        self.queues = QueuePanel()
        self.queues.chosen.connect(lambda _key: self.apply_filter(strip_data=False))
        self.summary = CaseSummary(self.ctx)
        self.summary.open_requested.connect(self.open_case)
        split = ui.main_split
        split.insertWidget(0, self.queues)
        split.addWidget(self.summary)
        split.setStretchFactor(1, 1)
        split.setCollapsible(1, False)
        split.setSizes([self.queues.width(), 960, 250])
        QWidget.setTabOrder(self.mine_check, self.queues)  # Tab goes on from the filters
        self.filters = CaseFilters(self.ctx, ui, self)
        self.filters.changed.connect(self.apply_filter)
        self.filters.search_paused.connect(self.apply_search)
        self.filters.fair_changed.connect(self.apply_filter)
        self.search_edit.returnPressed.connect(self._open_first_match)
        self.views = SavedViewsControl(self)
        self.windows = DeskWindows(self)
        self.case_actions = CaseActions(self)

    def _build_status(self) -> None:
        who = f"{self.ctx.actor.username} ({word(ROLES, self.ctx.actor.role.value)})"
        text = (
            self.tr("Demo mode: signed in as {0}") if self.demo else self.tr("Signed in as {0}")
        ).format(who)
        self.user_label = QLabel(text)
        self.user_label.setObjectName("user_label")
        self.statusBar().addPermanentWidget(self.user_label)

    # -- the parts' doings, by the names the tests and other windows call -----------------
    @property
    def exhibitors_window(self) -> ExhibitorsWindow | None:
        return self.windows.exhibitors_window

    @property
    def verify_dialog(self) -> VerifyDialog | None:
        return self.windows.verify_dialog

    @property
    def evidence_check(self) -> EvidenceCheckRun | None:
        return self.windows.evidence_check

    def show_inspector(self) -> None:
        self.windows.show_inspector()

    def check_document(self, payload: str = "") -> None:
        self.windows.check_document(payload)

    def complaint_from_visit(self, visit_uid: str = "", fair_code: str = "") -> None:
        self.case_actions.complaint_from_visit(visit_uid, fair_code)

    def print_selected(self) -> None:
        self.case_actions.print_selected()

    def export_selected(self) -> bool:
        return self.case_actions.export_selected()

    def assign_selected(self) -> bool:
        return self.case_actions.assign_selected()

    def clear_filters(self) -> None:
        self.filters.clear()

    def apply_view(self, name: str) -> bool:
        return self.views.apply(name)

    def current_view(self, name: str) -> SavedView:
        return self.views.current(name)

    def save_current_view(self) -> bool:
        return self.views.save_current()

    def delete_current_view(self) -> bool:
        return self.views.delete_current()

    # -- fairs and the list ---------------------------------------------------------------
    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _load_fairs(self) -> None:
        if not self.filters.load_fairs():
            self.strip.setText(
                self.tr("No fair is set up yet: an administrator creates one with Fair ▸ New fair…")
            )

    def current_filter(self) -> CaseFilter | None:
        flt = self.filters.current()
        if flt is None:
            return None
        flt = self.queues.current_queue().narrow(flt, self.ctx.actor.username)
        if self.model is not None:  # keep the sort order the user chose
            flt = replace(
                flt, sort=self.model.case_filter.sort, descending=self.model.case_filter.descending
            )
        return flt

    def apply_search(self) -> None:
        """A pause in typing: the list follows the search box. The strip's counts by state
        and next deadlines are the fair's, not the search's: they are not queried again."""
        self.apply_filter(strip_data=False)

    def apply_filter(self, strip_data: bool = True) -> None:
        flt = self.current_filter()
        if flt is None:
            return
        try:
            if self.model is None:
                self.model = CaseTableModel(self.ctx, flt, self)
                self.table.setModel(self.model)
                self.table.horizontalHeader().setSectionResizeMode(
                    QHeaderView.ResizeMode.Interactive
                )
                self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
                self.table.selectionModel().currentRowChanged.connect(self._show_summary)
            else:
                self.model.set_filter(flt)
            fit_columns(self.table, self.model)
            self._update_strip(flt.fair_code, reload=strip_data)
            self._show_first_steps(flt.fair_code)
            self._show_summary()
            self._connection_ok()
        except StorageError as exc:
            self._connection_lost(exc)
        except FairDeskError as exc:
            QMessageBox.warning(self, self.tr("FairDesk"), error_text(exc))

    def _show_first_steps(self, fair_code: str) -> None:
        steps = first_steps(self.ctx, fair_code)
        if not steps:
            self.first_steps.hide()
            return
        language = current_language()
        texts = [FIRST_STEPS.words(code).in_language(language) for code in steps]
        # Numbers only say an order: a single step goes without one.
        lines = texts if len(texts) == 1 else [f"{n}. {t}" for n, t in enumerate(texts, 1)]
        self.first_steps.setText("\n".join([self.tr("To start with this fair:"), *lines]))
        self.first_steps.show()

    def _update_strip(self, fair_code: str, reload: bool = True) -> None:
        """The queue panel's counts (the fair's, not the search's) and one line above the
        list: how many cases it shows and the next deadlines."""
        assert self.model is not None
        if reload or self._strip_data is None or self._strip_data[0] != fair_code:
            soonest = list_cases(self.ctx, CaseFilter(fair_code, sort="due"), limit=3)
            self._strip_data = (fair_code, self._queue_counts(fair_code), soonest)
        _, counts, soonest = self._strip_data
        self.queues.set_counts(counts)
        now = self.ctx.now()
        soon = [r for r in soonest if r.next_due is not None]
        deadlines = "; ".join(
            f"{r.number} {word(CLOCKS, r.next_due_kind)} "
            f"{countdown(r.next_due, now, r.decide_before_close)}"
            for r in soon
        )
        total = self.model.total()
        text = self.tr("1 case shown") if total == 1 else self.tr("{0} cases shown").format(total)
        if deadlines:
            text += " · " + self.tr("Next deadlines: {0}").format(deadlines)
        self.strip.setText(text)

    def _queue_counts(self, fair_code: str) -> dict[str, int]:
        by_state = counts_by_state(self.ctx, fair_code)
        counts = {}
        for queue in QUEUES:
            known = count_from_states(queue, by_state)
            if known is None:  # overdue, mine: the list's own query counts them
                known = count_cases(
                    self.ctx, queue.narrow(CaseFilter(fair_code), self.ctx.actor.username)
                )
            counts[queue.key] = known
        return counts

    def _show_summary(self, *_: object) -> None:
        index = self.table.currentIndex()
        row = self.model.row_at(index.row()) if self.model is not None and index.isValid() else None
        self.summary.show_case(row, self.ctx.now(), self._fair_zone())

    def _fair_zone(self) -> ZoneInfo | None:
        """The shown fair's time zone: a person reads its times as the case view and the
        paper write them, whatever zone this machine is in."""
        code = self.fair_combo.currentData()
        if not code:
            return None
        if self._zone is None or self._zone[0] != code:
            self._zone = (code, ZoneInfo(fairs.get_fair(self.ctx, code).timezone))
        return self._zone[1]

    def _place_window(self) -> None:
        """Most of the screen, centred, never larger than it (a laptop at the desk)."""
        screen = self.screen().availableGeometry()
        width = min(1440, int(screen.width() * 0.92))
        height = min(900, int(screen.height() * 0.9))
        self.resize(width, height)
        self.move(
            screen.x() + (screen.width() - width) // 2, screen.y() + (screen.height() - height) // 2
        )

    # -- live refresh and a lost server -----------------------------------------------------
    def poll_changes(self) -> None:
        """Reload when another desk changed something; say so when the server is gone."""
        try:
            change = last_change(self.ctx)
        except StorageError as exc:
            self._connection_lost(exc)
            return
        recovered = self.banner.isVisible()
        self._connection_ok()
        if change != self._seen_change or recovered:
            self._seen_change = change
            self.refresh()
        elif self.model is not None and self.model.rowCount():  # none: no range to redraw
            # Countdowns move even when nothing changed.
            self.model.dataChanged.emit(
                self.model.index(0, COL_DUE), self.model.index(self.model.rowCount() - 1, COL_DUE)
            )
            if self._strip_data is not None:
                self._update_strip(self._strip_data[0], reload=False)

    def refresh(self) -> None:
        selected = self.selected_number()
        self.apply_filter()
        if selected and self.model is not None:
            row = self.model.row_of(selected)
            if row is not None:
                self.table.selectRow(row)

    def _connection_lost(self, exc: StorageError) -> None:
        self.banner.setText(
            self.tr("{0}\nFairDesk keeps trying every few seconds; what was saved is safe.").format(
                error_text(exc)
            )
        )
        self.banner.show()

    def _connection_ok(self) -> None:
        self.banner.hide()

    # -- opening cases and forms ----------------------------------------------------------
    def selected_number(self) -> str | None:
        if self.model is None:
            return None
        rows = self._selected_rows()
        return self.model.row_at(rows[0]).number if rows else None

    def _selected_rows(self) -> list[int]:
        # Rows with any cell selected: selectedRows() wants every column, and a hidden
        # column (Assigned, while nobody is) is never selected.
        selection = self.table.selectionModel()
        return sorted({i.row() for i in selection.selectedIndexes()}) if selection else []

    def _open_index(self, index: QModelIndex) -> None:
        if self.model is not None and index.isValid():
            self.open_case(self.model.row_at(index.row()).number)

    def _open_first_match(self) -> None:
        text = self.search_edit.text().strip()
        if text.startswith(SCANNED_PAYLOAD):  # a USB scanner typed a document's QR code
            self.search_edit.clear()
            self.check_document(text)
            return
        self.filters.search_timer.stop()
        self.apply_filter()
        if self.model is not None and self.model.rowCount() == 1:
            self.open_case(self.model.row_at(0).number)
        elif self.model is not None and self.model.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)

    def selected_numbers(self) -> list[str]:
        selection = self.table.selectionModel()
        if self.model is None or selection is None:
            return []
        rows = self._selected_rows()
        return [self.model.row_at(row).number for row in rows]

    def open_selected(self) -> None:
        number = self.selected_number()
        if number:
            self.open_case(number)

    def open_case(self, number: str) -> None:
        from fairdesk.ui.casework.case_view import CaseView

        try:
            view = CaseView(self.ctx, number, self)
        except FairDeskError as exc:  # gone, or the database is unreachable
            QMessageBox.warning(self, self.tr("FairDesk"), error_text(exc))
            return
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.changed.connect(lambda _number: self.refresh())
        view.show()
