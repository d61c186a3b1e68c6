"""The desk's main window: the current fair's respondent cases, searchable as you type,
with filters, deadlines at a glance, and live refresh when another desk changes data."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fairdesk.domain.enums import CaseState, IPType
from fairdesk.domain.errors import FairDeskError, StorageError
from fairdesk.domain.permissions import GRANTS, Permission
from fairdesk.domain.vocabulary import FIRST_STEPS, ROLES
from fairdesk.i18n import current_language, error_text
from fairdesk.services.casework.assignment import assign_cases, assignable_users
from fairdesk.services.casework.case_export import export_cases
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
from fairdesk.services.fair.exhibitors import halls_in_use
from fairdesk.services.fair.fairs import FairInfo
from fairdesk.services.fair.first_steps import first_steps
from fairdesk.settings import Settings
from fairdesk.ui.casework.case_model import (
    COL_DUE,
    SORT_BY_COLUMN,
    CaseTableModel,
    countdown,
    fit_columns,
)
from fairdesk.ui.casework.case_summary import CaseSummary
from fairdesk.ui.common.case_labels import CASE_STATES, CLOCKS, IP_TYPES, both, word
from fairdesk.ui.common.sign_out import add_sign_out_and_quit
from fairdesk.ui.common.tasks import poll_while_open
from fairdesk.ui.desk.queue_panel import QUEUES, QueuePanel, count_from_states
from fairdesk.ui.desk.saved_views import SavedView, delete_view, load_views, save_view

if TYPE_CHECKING:
    from fairdesk.ui.organizer.exhibitors_window import ExhibitorsWindow
    from fairdesk.ui.paper.verify_dialog import VerifyDialog

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 150  # wait for a pause in typing before querying
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


class MainWindow(QMainWindow):
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
        self.exhibitors_window: ExhibitorsWindow | None = None
        self.verify_dialog: VerifyDialog | None = None
        self.setObjectName("main_window")
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
        self._build_filters()
        self._build_table()
        self._build_status()
        self._build_actions()
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
    def _build_filters(self) -> None:
        self.fair_combo = QComboBox(objectName="fair_combo")
        # As wide as its longest fair ("DEMO2026 · …"), never cut to "DEMO20".
        self.fair_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.fair_combo.setAccessibleName(self.tr("Fair"))
        self.search_edit = QLineEdit(objectName="search_edit")
        self.search_edit.setPlaceholderText(
            self.tr("Search case number, complainant, exhibitor, booth or right number (Ctrl+F)")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.state_combo = QComboBox(objectName="state_combo")
        self.state_combo.setAccessibleName(self.tr("State"))
        self.state_combo.addItem(self.tr("All states"), "")
        for state in CaseState:
            self.state_combo.addItem(both(CASE_STATES, state.value), state.value)
        self.ip_combo = QComboBox(objectName="ip_combo")
        self.ip_combo.setAccessibleName(self.tr("Type of right"))
        self.ip_combo.addItem(self.tr("All rights"), "")
        for ip_type in IPType:
            self.ip_combo.addItem(both(IP_TYPES, ip_type.value), ip_type.value)
        self.hall_combo = QComboBox(objectName="hall_combo")
        self.hall_combo.setAccessibleName(self.tr("Hall"))
        self.overdue_check = QCheckBox(self.tr("Ov&erdue"), objectName="overdue_check")
        self.due_check = QCheckBox(self.tr("&Due within"), objectName="due_check")
        self.mine_check = QCheckBox(self.tr("&Mine"), objectName="mine_check")
        self.mine_check.setToolTip(self.tr("Only the cases assigned to me"))
        self.due_hours = QDoubleSpinBox(
            objectName="due_hours",
            minimum=0.5,
            maximum=240,
            value=2,
            suffix=self.tr(" h"),
            decimals=1,
        )
        self.due_hours.setAccessibleName(self.tr("Due within hours"))
        self.views_combo = QComboBox(objectName="views_combo")
        self.views_combo.setAccessibleName(self.tr("Saved views"))
        self.views_combo.activated.connect(self._view_chosen)

        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.search_edit.returnPressed.connect(self._open_first_match)
        for combo in (self.state_combo, self.ip_combo, self.hall_combo):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.fair_combo.currentIndexChanged.connect(self._fair_changed)
        self.overdue_check.toggled.connect(self.apply_filter)
        self.due_check.toggled.connect(self.apply_filter)
        self.mine_check.toggled.connect(self.apply_filter)
        self.due_hours.valueChanged.connect(self._due_hours_changed)

    def _build_table(self) -> None:
        self.table = QTableView(objectName="case_table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)  # one line a case: long words are elided, not wrapped
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.setAccessibleName(self.tr("Respondent cases"))
        self.table.activated.connect(self._open_index)  # Enter or double-click
        self.strip = QLabel(objectName="state_strip")
        self.strip.setWordWrap(True)
        self.queues = QueuePanel()
        self.queues.chosen.connect(lambda _key: self.apply_filter(strip_data=False))
        self.summary = CaseSummary(self.ctx)
        self.summary.open_requested.connect(self.open_case)
        self.banner = QLabel(objectName="connection_banner")
        self.banner.setStyleSheet(
            "background: #fff3cd; color: #5c4400; padding: 6px; border: 1px solid #e0c060;"
        )
        self.banner.setWordWrap(True)
        self.banner.hide()
        # A fair just set up: what to do first, until its first complaint is registered.
        self.first_steps = QLabel(objectName="first_steps")
        self.first_steps.setStyleSheet(
            "background: #e8f1fb; color: #1d3b5c; padding: 6px; border: 1px solid #9cc0e6;"
        )
        self.first_steps.setWordWrap(True)
        self.first_steps.hide()

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Fai&r:"), buddy=self.fair_combo))
        top.addWidget(self.fair_combo)
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.views_combo)
        filters = QHBoxLayout()
        for widget in (
            self.state_combo,
            self.ip_combo,
            QLabel(self.tr("Hall:")),
            self.hall_combo,
            self.overdue_check,
            self.due_check,
            self.due_hours,
            self.mine_check,
        ):
            filters.addWidget(widget)
        filters.addStretch(1)
        layout = QVBoxLayout()
        layout.addWidget(self.banner)
        layout.addWidget(self.first_steps)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.strip)
        split = QSplitter(Qt.Orientation.Horizontal, objectName="main_split")
        split.addWidget(self.queues)
        split.addWidget(self.table)
        split.addWidget(self.summary)
        split.setStretchFactor(1, 1)
        split.setCollapsible(1, False)
        split.setSizes([self.queues.width(), 960, 250])
        layout.addWidget(split, 1)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)

    def _build_status(self) -> None:
        who = f"{self.ctx.actor.username} ({word(ROLES, self.ctx.actor.role.value)})"
        text = (
            self.tr("Demo mode: signed in as {0}") if self.demo else self.tr("Signed in as {0}")
        ).format(who)
        self.user_label = QLabel(text, objectName="user_label")
        self.statusBar().addPermanentWidget(self.user_label)

    def _build_actions(self) -> None:
        def action(text: str, slot, shortcut=None, menu=None):  # type: ignore[no-untyped-def]
            act = QAction(text, self)
            if shortcut is not None:
                act.setShortcut(shortcut)
            act.triggered.connect(slot)
            if menu is not None:
                menu.addAction(act)
            self.addAction(act)
            return act

        bar = self.menuBar()
        case_menu = bar.addMenu(self.tr("&Cases"))
        self.new_action = action(
            self.tr("&New complaint…"), self.new_complaint, QKeySequence.StandardKey.New, case_menu
        )
        self.new_action.setEnabled(self.ctx.actor.role in GRANTS[Permission.REGISTER_COMPLAINT])
        self.visit_complaint_action = action(
            self.tr("Register a complaint from a patrol &visit…"),
            self.complaint_from_visit,
            None,
            case_menu,
        )
        self.visit_complaint_action.setEnabled(self.new_action.isEnabled())
        self.print_action = action(
            self.tr("&Print documents…"),
            self.print_selected,
            QKeySequence.StandardKey.Print,
            case_menu,
        )
        self.print_action.setEnabled(self.ctx.actor.role in GRANTS[Permission.ISSUE_DOCUMENT])
        self.export_action = action(
            self.tr("&Export selection…"), self.export_selected, QKeySequence("Ctrl+E"), case_menu
        )
        self.export_action.setEnabled(self.ctx.actor.role in GRANTS[Permission.EXPORT])
        self.assign_action = action(
            self.tr("&Assign to…"), self.assign_selected, QKeySequence("Ctrl+Shift+A"), case_menu
        )
        self.assign_action.setEnabled(self.ctx.actor.role in GRANTS[Permission.ASSIGN_CASES])
        action(
            self.tr("C&heck a document…"),
            self.check_document,
            QKeySequence("Ctrl+Shift+V"),
            case_menu,
        )
        action(self.tr("&Open case"), self.open_selected, None, case_menu)
        action(self.tr("&Find"), self._focus_search, QKeySequence.StandardKey.Find, case_menu)
        action(self.tr("&Refresh"), self.refresh, QKeySequence.StandardKey.Refresh, case_menu)
        add_sign_out_and_quit(self, case_menu, demo=self.demo)
        self.view_menu = bar.addMenu(self.tr("&View"))
        action(
            self.tr("Clear &filters"),
            self.clear_filters,
            QKeySequence("Ctrl+Shift+L"),
            self.view_menu,
        )
        self.view_menu.addSeparator()
        action(
            self.tr("&Save view…"),
            self.save_current_view,
            QKeySequence("Ctrl+Shift+S"),
            self.view_menu,
        )
        action(self.tr("&Delete view"), self.delete_current_view, None, self.view_menu)
        self._load_views()
        role = self.ctx.actor.role
        fair_menu = bar.addMenu(self.tr("&Fair"))
        for text, slot in (
            (self.tr("&New fair…"), self.new_fair),
            (self.tr("&Edit fair…"), self.edit_fair),
        ):
            action(text, slot, None, fair_menu).setEnabled(role in GRANTS[Permission.SET_UP_FAIR])
        exhibitor_menu = bar.addMenu(self.tr("E&xhibitors"))
        action(
            self.tr("&Exhibitors…"),
            self.show_exhibitors,
            QKeySequence("Ctrl+Shift+E"),
            exhibitor_menu,
        )
        action(self.tr("&Import…"), self.import_exhibitors, None, exhibitor_menu).setEnabled(
            role in GRANTS[Permission.IMPORT_EXHIBITORS]
        )
        tools_menu = bar.addMenu(self.tr("&Tools"))
        action(
            self.tr("&Settings…"),
            self.show_settings,
            QKeySequence.StandardKey.Preferences,
            tools_menu,
        )
        action(self.tr("&Users…"), self.show_users, None, tools_menu).setEnabled(
            role in GRANTS[Permission.MANAGE_USERS]
        )
        self.evidence_check_action = action(
            self.tr("Check &evidence files…"), self.check_evidence_files, None, tools_menu
        )
        self.evidence_check_action.setEnabled(role in GRANTS[Permission.VERIFY_AUDIT])
        organizer_menu = bar.addMenu(self.tr("&Organizer"))
        action(
            self.tr("&Dashboard…"),
            self.show_dashboard,
            QKeySequence("Ctrl+Shift+D"),
            organizer_menu,
        )
        action(
            self.tr("Export &follow-up list…"), self.export_followup, None, organizer_menu
        ).setEnabled(role in GRANTS[Permission.EXPORT])
        action(self.tr("&Watch list…"), self.show_watch_list, None, organizer_menu)
        action(self.tr("&Hand-offs to public systems…"), self.show_handoffs, None, organizer_menu)
        action(self.tr("Day &report"), self.show_day_report, None, organizer_menu)
        organizer_menu.addSeparator()
        action(
            self.tr("Log a &consultation…"),
            self.log_consultation,
            QKeySequence("Ctrl+K"),
            organizer_menu,
        ).setEnabled(role in GRANTS[Permission.LOG_CONSULTATION])
        action(self.tr("&Inspector mode…"), self.show_inspector, None, self.view_menu).setEnabled(
            role in GRANTS[Permission.PATROL]
        )
        for n, queue in enumerate(QUEUES):  # Ctrl+0 all cases, Ctrl+1... the queues
            action(
                f"{n}",
                lambda _=False, key=queue.key: self.queues.choose(key),
                QKeySequence(f"Ctrl+{n}"),
            )
        self.help_menu = bar.addMenu(self.tr("&Help"))
        action(
            self.tr("&About FairDesk"),
            self.show_about,
            None,
            self.help_menu,
        )

    def check_evidence_files(self) -> None:
        """Read back every evidence file and list the damaged or missing ones."""
        from fairdesk.ui.organizer.evidence_check import EvidenceCheckRun

        if not self.evidence_check_action.isEnabled():
            return
        self.evidence_check = EvidenceCheckRun(self.ctx, self)
        self.evidence_check.start()

    def show_users(self) -> None:
        from fairdesk.ui.setup.users_dialog import UsersDialog

        UsersDialog(self.ctx, self).open()

    # -- fairs and filters ----------------------------------------------------------------
    def _focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _load_fairs(self) -> None:
        self.fair_combo.blockSignals(True)
        self.fair_combo.clear()
        for info in fairs.list_fairs(self.ctx):
            self.fair_combo.addItem(f"{info.code} · {info.name}", info.code)
        self.fair_combo.blockSignals(False)
        if self.fair_combo.count() == 0:
            self.strip.setText(
                self.tr("No fair is set up yet: an administrator creates one with Fair ▸ New fair…")
            )
            return
        self._fair_changed()

    def _fair_changed(self) -> None:
        code = self.fair_combo.currentData()
        if not code:
            return
        self.hall_combo.blockSignals(True)
        self.hall_combo.clear()
        self.hall_combo.addItem(self.tr("All halls"), "")
        for hall in halls_in_use(self.ctx, code):
            self.hall_combo.addItem(hall, hall)
        self.hall_combo.blockSignals(False)
        self.apply_filter()

    def _due_hours_changed(self) -> None:
        if self.due_check.isChecked():
            self.apply_filter()

    def clear_filters(self) -> None:
        for widget in (
            self.state_combo,
            self.ip_combo,
            self.hall_combo,
            self.overdue_check,
            self.due_check,
            self.mine_check,
            self.search_edit,
        ):
            widget.blockSignals(True)
        self.state_combo.setCurrentIndex(0)
        self.ip_combo.setCurrentIndex(0)
        self.hall_combo.setCurrentIndex(0)
        self.overdue_check.setChecked(False)
        self.due_check.setChecked(False)
        self.mine_check.setChecked(False)
        self.search_edit.clear()
        for widget in (
            self.state_combo,
            self.ip_combo,
            self.hall_combo,
            self.overdue_check,
            self.due_check,
            self.mine_check,
            self.search_edit,
        ):
            widget.blockSignals(False)
        self.apply_filter()

    def current_filter(self) -> CaseFilter | None:
        code = self.fair_combo.currentData()
        if not code:
            return None
        state = self.state_combo.currentData()
        flt = CaseFilter(
            code,
            states=tuple(state.split(",")) if state else (),
            search=self.search_edit.text(),
            ip_type=self.ip_combo.currentData() or "",
            hall=self.hall_combo.currentData() or "",
            overdue=self.overdue_check.isChecked(),
            due_within_hours=self.due_hours.value() if self.due_check.isChecked() else None,
            assigned_to=self.ctx.actor.username if self.mine_check.isChecked() else "",
        )
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
        self._search_timer.stop()
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

    def print_selected(self) -> None:
        from fairdesk.ui.paper.bulk_print import BulkPrintDialog  # reportlab: loaded when used

        numbers = self.selected_numbers()
        if not numbers:
            QMessageBox.information(
                self, self.tr("FairDesk"), self.tr("Select the cases to print for first.")
            )
            return
        dialog = BulkPrintDialog(self.ctx, numbers, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(lambda _numbers: self.refresh())
        dialog.open()

    def export_selected(self) -> bool:
        """Write the selected cases (all the list shows when none is selected) to a file."""
        flt = self.current_filter()
        if flt is None:
            return False
        from fairdesk.ui.paper.document_dialog import documents_folder  # reportlab: when used

        numbers = self.selected_numbers()
        stamp = self.ctx.now().strftime("%Y%m%d-%H%M")
        suggested = str(documents_folder() / f"{flt.fair_code}-cases-{stamp}.xlsx")
        path = self.save_file_name(
            self,
            self.tr("Export cases"),
            suggested,
            self.tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"),
        )
        if not path:
            return False
        try:
            result = export_cases(self.ctx, flt, Path(path), numbers=numbers)
        except FairDeskError as exc:
            QMessageBox.warning(self, self.tr("FairDesk"), error_text(exc))
            return False
        self.statusBar().showMessage(
            (
                self.tr("1 case exported to {1}.")
                if result.rows == 1
                else self.tr("{0} cases exported to {1}.")
            ).format(result.rows, result.path),
            15000,
        )
        return True

    def assign_selected(self) -> bool:
        """Assign the selected cases to a desk user (or no one)."""
        numbers = self.selected_numbers()
        if not numbers or self.model is None:
            self.statusBar().showMessage(self.tr("Select the cases to assign first."), 8000)
            return False
        try:
            people = assignable_users(self.ctx)
        except FairDeskError as exc:
            QMessageBox.warning(self, self.tr("FairDesk"), error_text(exc))
            return False
        nobody = self.tr("(no one)")
        choice, ok = self.ask_item(
            self,
            self.tr("Assign cases"),
            self.tr("Assign {0} selected cases to:").format(len(numbers)),
            [*people, nobody],
        )
        if not ok:
            return False
        username = "" if choice == nobody else choice
        versions = {}
        for number in numbers:
            row = self.model.row_of(number)
            if row is not None:
                versions[number] = self.model.row_at(row).version
        try:
            result = assign_cases(self.ctx, numbers, username, expected_versions=versions)
        except FairDeskError as exc:  # a case changed since it was listed, or the user went
            QMessageBox.warning(self, self.tr("FairDesk"), error_text(exc))
            self.refresh()
            return False
        self.refresh()
        self.statusBar().showMessage(
            (
                self.tr("1 case assigned to {1}.")
                if len(result.changed) + len(result.unchanged) == 1
                else self.tr("{0} cases assigned to {1}.")
            ).format(len(result.changed) + len(result.unchanged), username or nobody),
            10000,
        )
        return True

    def check_document(self, payload: str = "") -> None:
        from fairdesk.ui.paper.verify_dialog import VerifyDialog  # pdfium, zbar: loaded when used

        if self.verify_dialog is None:
            self.verify_dialog = VerifyDialog(self.ctx, self)
        self.verify_dialog.show()
        self.verify_dialog.raise_()
        self.verify_dialog.activateWindow()
        if payload:
            self.verify_dialog.payload_edit.setText(payload)
            self.verify_dialog.check(payload)

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

    # -- organizer and inspector windows -------------------------------------------------
    def _window(self, widget: QWidget) -> QWidget:
        """Show a fair-level screen as its own window, freed when closed."""
        widget.setWindowFlag(Qt.WindowType.Window)
        widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        widget.show()
        return widget

    def _fair_or_say(self) -> str | None:
        code = self.fair_combo.currentData()
        if not code:
            QMessageBox.information(self, self.tr("FairDesk"), self.tr("Set up a fair first."))
        return code or None

    # The windows and dialogs below are imported when first opened: the start paints
    # sooner without them (tests/unit/test_start_imports.py).
    def show_settings(self) -> None:
        from fairdesk.ui.common.settings_dialog import SettingsDialog

        SettingsDialog(self.settings, self).open()

    def show_about(self) -> None:
        from fairdesk.ui.common.about_dialog import AboutDialog

        AboutDialog(self.ctx, self).open()

    def show_dashboard(self) -> None:
        from fairdesk.ui.organizer.dashboard import Dashboard

        if code := self._fair_or_say():
            self._window(Dashboard(self.ctx, code, self))

    def show_watch_list(self) -> None:
        from fairdesk.ui.organizer.watchlist_view import WatchListView

        if code := self._fair_or_say():
            self._window(WatchListView(self.ctx, code, self))

    def export_followup(self) -> None:
        from fairdesk.ui.organizer.export_dialog import ExportDialog

        if code := self._fair_or_say():
            ExportDialog(self.ctx, code, self).open()

    def show_handoffs(self) -> None:
        from fairdesk.ui.paper.handoff_dialog import HandoffDialog

        if code := self._fair_or_say():
            HandoffDialog(self.ctx, code, "", "credit", self).open()

    def log_consultation(self) -> None:
        from fairdesk.ui.organizer.consultation_dialog import ConsultationDialog

        if code := self._fair_or_say():
            ConsultationDialog(self.ctx, code, self).open()

    def show_day_report(self) -> None:
        from fairdesk.services.organizer.day_report import day_report, format_day_report

        if code := self._fair_or_say():
            today = self.ctx.now().astimezone(ZoneInfo(fairs.get_fair(self.ctx, code).timezone))
            text = format_day_report(day_report(self.ctx, code, today.date()))
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Day report"),
                text,
                QMessageBox.StandardButton.Close,
                self,
            )
            box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            box.open()

    def show_inspector(self) -> None:
        from fairdesk.config import data_dir
        from fairdesk.ui.inspection.inspector_window import InspectorWindow

        window = InspectorWindow(self.ctx, data_folder=data_dir(), demo=self.demo)
        window.complaint_requested.connect(
            lambda uid, w=window: self.complaint_from_visit(uid, w.fair_code)
        )
        window.setParent(self, Qt.WindowType.Window)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()

    # -- fairs and exhibitors -------------------------------------------------------------
    def new_fair(self) -> None:
        self._fair_dialog(None)

    def edit_fair(self) -> None:
        if self.fair_combo.currentData():
            self._fair_dialog(self.fair_combo.currentData())

    def _fair_dialog(self, code: str | None) -> None:
        from fairdesk.ui.organizer.fair_dialog import FairDialog

        dialog = FairDialog(self.ctx, code, self)
        dialog.saved.connect(self._fair_saved)
        dialog.open()

    def _fair_saved(self, info: FairInfo) -> None:
        self._load_fairs()
        self.fair_combo.setCurrentIndex(max(0, self.fair_combo.findData(info.code)))

    def show_exhibitors(self) -> ExhibitorsWindow | None:
        code = self.fair_combo.currentData()
        if not code:
            return None
        if self.exhibitors_window is None or self.exhibitors_window.fair_code != code:
            from fairdesk.ui.organizer.exhibitors_window import ExhibitorsWindow

            if self.exhibitors_window is not None:
                self.exhibitors_window.deleteLater()
            self.exhibitors_window = ExhibitorsWindow(self.ctx, code, self, settings=self.settings)
        self.exhibitors_window.show()
        self.exhibitors_window.raise_()
        self.exhibitors_window.activateWindow()
        return self.exhibitors_window

    def import_exhibitors(self) -> None:
        window = self.show_exhibitors()
        if window is not None:  # new halls may come with the list
            window.open_import().import_done.connect(lambda _report: self._fair_changed())

    def new_complaint(self) -> None:
        code = self.fair_combo.currentData()
        if not code:
            QMessageBox.information(self, self.tr("FairDesk"), self.tr("Set up a fair first."))
            return
        from fairdesk.ui.intake.complaint_form import ComplaintForm

        try:
            form = ComplaintForm(self.ctx, code, self)
        except FairDeskError as exc:  # PermissionDenied for other roles, NotFound for the fair
            QMessageBox.warning(self, self.tr("FairDesk"), error_text(exc))
            return
        if form.exec():
            self.refresh()
            self.statusBar().showMessage(form.outcome, 15000)

    def complaint_from_visit(self, visit_uid: str = "", fair_code: str = "") -> None:
        """A complaint prefilled from a patrol visit: the one given (the inspector screen's
        button), else one the desk picks among the suspected infringements without a case."""
        from fairdesk.services.inspection import patrols
        from fairdesk.ui.intake.visit_complaint import (
            VisitComplaintForm,
            suspected_visits,
            visit_choice,
        )

        code = fair_code or self.fair_combo.currentData()
        if not code or not self.visit_complaint_action.isEnabled():
            return
        try:
            linked = patrols.get_visit(self.ctx, visit_uid).case_number if visit_uid else ""
            if linked:  # the inspector screen offers any visit of the round
                QMessageBox.information(
                    self,
                    self.tr("FairDesk"),
                    self.tr("This visit already belongs to case {0}.").format(linked),
                )
                return
            if not visit_uid:
                rows = suspected_visits(self.ctx, code)
                if not rows:
                    QMessageBox.information(
                        self,
                        self.tr("FairDesk"),
                        self.tr("No suspected infringement found on patrol waits for a complaint."),
                    )
                    return
                zone = fairs.get_fair(self.ctx, code).timezone
                items = [visit_choice(r, zone) for r in rows]
                chosen, ok = self.ask_item(
                    self,
                    self.tr("Complaint from a patrol visit"),
                    self.tr("Suspected infringements found on patrol, without a complaint yet:"),
                    items,
                )
                if not ok or chosen not in items:
                    return
                visit_uid = rows[items.index(chosen)].uid
            form = VisitComplaintForm(self.ctx, code, visit_uid, self)
        except FairDeskError as exc:
            QMessageBox.warning(self, self.tr("FairDesk"), error_text(exc))
            return
        if form.exec():
            self.refresh()
            self.statusBar().showMessage(form.outcome, 15000)

    # -- saved views ------------------------------------------------------------------------
    def _load_views(self, current: str = "") -> None:
        self.views_combo.clear()
        self.views_combo.addItem(self.tr("Saved views…"), "")
        for view in load_views(self.settings):
            label = (
                QCoreApplication.translate("SavedViews", view.name) if view.preset else view.name
            )
            self.views_combo.addItem(label, view.name)
        self.views_combo.setCurrentIndex(max(0, self.views_combo.findData(current)))

    def _view_chosen(self, index: int) -> None:
        name = self.views_combo.itemData(index)
        if name:
            self.apply_view(name)

    def view_named(self, name: str) -> SavedView | None:
        return next((v for v in load_views(self.settings) if v.name == name), None)

    def apply_view(self, name: str) -> bool:
        """Set the filters to the saved view's and show the list; False if there is none."""
        view = self.view_named(name)
        if view is None:
            return False
        widgets = (
            self.state_combo,
            self.ip_combo,
            self.hall_combo,
            self.overdue_check,
            self.due_check,
            self.due_hours,
            self.mine_check,
            self.search_edit,
        )
        for widget in widgets:
            widget.blockSignals(True)
        states = ",".join(view.states)
        at = self.state_combo.findData(states)
        if at < 0:  # several states: an entry of their own
            self.state_combo.addItem(" + ".join(word(CASE_STATES, s) for s in view.states), states)
            at = self.state_combo.count() - 1
        self.state_combo.setCurrentIndex(at)
        self.ip_combo.setCurrentIndex(max(0, self.ip_combo.findData(view.ip_type)))
        if view.hall and self.hall_combo.findData(view.hall) < 0:
            self.hall_combo.addItem(view.hall, view.hall)  # no exhibitor there yet
        self.hall_combo.setCurrentIndex(max(0, self.hall_combo.findData(view.hall)))
        self.overdue_check.setChecked(view.overdue)
        self.due_check.setChecked(view.due_within_hours is not None)
        if view.due_within_hours is not None:
            self.due_hours.setValue(view.due_within_hours)
        self.mine_check.setChecked(view.mine)
        self.search_edit.setText(view.search)
        for widget in widgets:
            widget.blockSignals(False)
        self._search_timer.stop()
        column = next((c for c, k in SORT_BY_COLUMN.items() if k == view.sort), None)
        header = self.table.horizontalHeader()
        if self.model is not None:
            flt = self.current_filter()
            if flt is not None:
                self.model.set_filter(replace(flt, sort=view.sort, descending=view.descending))
            if column is not None:
                header.blockSignals(True)
                order = (
                    Qt.SortOrder.DescendingOrder if view.descending else Qt.SortOrder.AscendingOrder
                )
                header.setSortIndicator(column, order)
                header.blockSignals(False)
        self.apply_filter()
        self.views_combo.setCurrentIndex(max(0, self.views_combo.findData(view.name)))
        return True

    def current_view(self, name: str) -> SavedView:
        """The filter on screen as a view named `name`."""
        state = self.state_combo.currentData() or ""
        flt = self.current_filter()
        return SavedView(
            name=name.strip(),
            states=tuple(state.split(",")) if state else (),
            ip_type=self.ip_combo.currentData() or "",
            hall=self.hall_combo.currentData() or "",
            overdue=self.overdue_check.isChecked(),
            due_within_hours=self.due_hours.value() if self.due_check.isChecked() else None,
            search=self.search_edit.text().strip(),
            mine=self.mine_check.isChecked(),
            sort=flt.sort if flt is not None else "number",
            descending=flt.descending if flt is not None else False,
        )

    def save_current_view(self) -> bool:
        chosen = self.view_named(self.views_combo.currentData() or "")
        current = chosen.name if chosen is not None and not chosen.preset else ""
        name, ok = self.ask_text(
            self, self.tr("Save view"), self.tr("Name of this view of the list:"), current
        )
        if not ok or not name.strip():
            return False
        try:
            save_view(self.settings, self.current_view(name))
        except (ValueError, OSError) as exc:
            QMessageBox.warning(self, self.tr("FairDesk"), error_text(exc))
            return False
        self._load_views(name.strip())
        self.statusBar().showMessage(self.tr("View '{0}' saved.").format(name.strip()), 8000)
        return True

    def delete_current_view(self) -> bool:
        name = self.views_combo.currentData() or ""
        view = self.view_named(name) if name else None
        if view is None or view.preset:
            self.statusBar().showMessage(
                self.tr("Choose one of your own saved views first; built-in views stay."), 8000
            )
            return False
        try:
            deleted = delete_view(self.settings, name)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("FairDesk"), error_text(exc))
            return False
        self._load_views()
        if deleted:
            self.statusBar().showMessage(self.tr("View '{0}' deleted.").format(name), 8000)
        return deleted
