"""Inspector mode: the same app for the hall floor, built for a laptop or tablet in hand.

Large targets and a keyboard flow that needs no mouse:

* F9 starts or closes the round of the chosen hall (the first save starts one too).
* Patrol (Alt+1): type the booth number (or scan the booth notice's QR code) + Enter;
  1-6 or Ctrl+1-6 choose the finding; type notes; Ctrl+P adds photos (or drop files);
  Ctrl+Enter saves, and the cursor is back in the booth field for the next booth.
* Re-checks (Alt+2): the list of measures to check, most urgent first; choose one
  (arrows + Enter), Ctrl+1-4 for the result, "after" photos, Ctrl+Enter saves.
* Hall board (Alt+3): the hall coloured by state; a click goes to that booth.

Everything recorded goes through the laptop's outbox (`fairdesk.services.inspection.outbox`) and is
sent at once, or as soon as the server is back: the header always says how many
findings wait on this laptop, and the log says which were sent.

This window holds what the tabs share (the fair, the hall, the round, the outbox, whether
the server answers); each part of the screen is a widget of its own: `inspector_header`,
`patrol_panel`, `recheck_panel`, `round_log` and `hall_board`.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from fairdesk.domain import vocabulary
from fairdesk.domain.errors import FairDeskError, StorageError
from fairdesk.i18n import current_language, error_text
from fairdesk.services.casework.cases import last_change
from fairdesk.services.context import Context
from fairdesk.services.fair import fairs
from fairdesk.services.fair.exhibitors import halls_in_use
from fairdesk.services.inspection import patrols
from fairdesk.services.inspection.outbox import OUTBOX_FILE, FlushReport, Outbox
from fairdesk.ui.common.failure import report_failure
from fairdesk.ui.common.named import named
from fairdesk.ui.common.tasks import poll_while_open, run_task
from fairdesk.ui.inspection.hall_board import HallBoard
from fairdesk.ui.inspection.inspector_header import InspectorHeader
from fairdesk.ui.inspection.inspector_menu import display_name, install_menu
from fairdesk.ui.inspection.inspector_outbox import OutboxDialog
from fairdesk.ui.inspection.patrol_panel import PatrolPanel
from fairdesk.ui.inspection.recheck_panel import RESULT_ORDER, RecheckPanel
from fairdesk.ui.inspection.round_log import RoundLog

log = logging.getLogger(__name__)

POLL_MS = 5000  # send what waits / look for the desk's changes
TAB_PATROL, TAB_RECHECKS, TAB_BOARD = range(3)

STYLE = """
QWidget#inspector_central { font-size: 15px; }
QComboBox, QLineEdit, QPlainTextEdit { font-size: 16px; }
QLineEdit#booth_edit { font-size: 28px; min-height: 52px; padding: 2px 10px; }
QPushButton { min-height: 36px; padding: 4px 14px; }
QPushButton[answer="true"] {
    min-height: 62px; font-size: 16px; text-align: left; padding: 6px 14px;
    border: 2px solid #90a4ae; border-radius: 6px; background: #fafafa;
}
QPushButton[answer="true"]:checked { background: #1565c0; color: white; border-color: #0d47a1; }
QPushButton[answer="true"]:focus { border-color: #ff6f00; }
QPushButton#save_button, QPushButton#recheck_save_button {
    min-height: 58px; font-size: 18px; font-weight: bold; color: white;
    background: #2e7d32; border-radius: 6px;
}
QPushButton#save_button:disabled, QPushButton#recheck_save_button:disabled {
    background: #a5d6a7;
}
QPushButton#round_button { min-height: 44px; font-size: 16px; font-weight: bold; }
QLabel#target_label { font-size: 18px; padding: 8px; background: #f5f5f5; border-radius: 6px; }
QLabel#recheck_title { font-size: 17px; padding: 6px; background: #f5f5f5; border-radius: 6px; }
QPushButton#outbox_button { font-weight: bold; }
"""


class InspectorWindow(QMainWindow):
    """The inspector's screen: the header, the patrol and re-check forms and the hall
    board, around the fair, the round and the laptop's outbox they share.
    `complaint_requested(visit_uid)` asks the desk's complaint form to open a complaint
    prefilled from a suspected-infringement visit (desk role)."""

    complaint_requested = Signal(str)

    def __init__(
        self,
        ctx: Context,
        *,
        outbox: Outbox | None = None,
        data_folder: Path | None = None,
        demo: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # The laptop's data folder: the outbox and the floor plans live there.
        self.outbox = outbox or Outbox(data_folder / OUTBOX_FILE if data_folder else None)
        self.demo = demo
        self.online = True
        self.fair_code = ""
        self.zone: ZoneInfo | None = None
        self.round_uid: str | None = None
        self.round_hall = ""
        self.round_started: datetime | None = None
        self.log_round: str | None = None  # the round the log shows (the last one)
        self.last_report: FlushReport | None = None
        self._flushing = False
        self._seen_change = -1
        self.setObjectName("inspector_window")
        mode = self.tr(" — DEMO FAIR (sample data)") if demo else ""
        self.setWindowTitle(self.tr("FairDesk — Inspector") + mode)
        self.resize(1280, 800)
        self._build(ctx, data_folder)
        self._build_shortcuts()
        self.signed_out = False  # File > Sign out: the app asks who signs in next
        install_menu(self, ctx, demo=demo)
        role = vocabulary.say(vocabulary.ROLES, ctx.actor.role.value, current_language())
        who = f"{display_name(ctx)} ({role})"
        self.statusBar().addPermanentWidget(
            named(QLabel(self.tr("Signed in as {0}").format(who)), "user_label")
        )
        self._poll = poll_while_open(self, POLL_MS, self.tick)
        self._load_fairs()
        self._update_outbox_label()
        self.patrol.booth_edit.setFocus()

    # -- construction ---------------------------------------------------------------------
    def _build(self, ctx: Context, data_folder: Path | None) -> None:
        """The header over three tabs, each a section with its own form."""
        central = named(QWidget(), "inspector_central")
        central.setStyleSheet(STYLE)
        self.setCentralWidget(central)
        self.header = InspectorHeader()
        self.header.fair_combo.currentIndexChanged.connect(self._fair_changed)
        self.header.hall_combo.currentIndexChanged.connect(self._hall_changed)
        self.header.round_button.clicked.connect(self.toggle_round)
        self.header.outbox_button.clicked.connect(self.show_outbox)
        self.tabs = named(QTabWidget(), "inspector_tabs")
        layout = QVBoxLayout(central)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        self.patrol = PatrolPanel(self)
        self.patrol.complaint_requested.connect(self.complaint_requested)
        self.round_log = RoundLog(self.ctx, self.outbox, self.patrol.log_model)
        self.rechecks = RecheckPanel(self)
        self.rechecks.title_changed.connect(lambda t: self.tabs.setTabText(TAB_RECHECKS, t))
        self.board = HallBoard(ctx, data_folder=data_folder)
        self.board.booth_activated.connect(self.open_booth)
        self.tabs.addTab(self.patrol, self.tr("Patrol  (Alt+1)"))
        self.tabs.addTab(self.rechecks, self.tr("Re-checks  (Alt+2)"))
        self.tabs.addTab(self.board, self.tr("Hall board  (Alt+3)"))
        self.tabs.currentChanged.connect(self._tab_changed)

    def _build_shortcuts(self) -> None:
        def shortcut(keys: str, slot: Any) -> QShortcut:
            sc = QShortcut(QKeySequence(keys), self)
            sc.setContext(Qt.ShortcutContext.WindowShortcut)
            sc.activated.connect(slot)
            return sc

        shortcut("Ctrl+Return", self.save_current)
        shortcut("Ctrl+Enter", self.save_current)
        shortcut("F9", self.toggle_round)
        for i in range(3):
            shortcut(f"Alt+{i + 1}", lambda n=i: self.tabs.setCurrentIndex(n))
        # Ctrl+digit, not F1-F6: F1 is help on every screen.
        for i in range(6):
            shortcut(f"Ctrl+{i + 1}", lambda n=i: self._function_key(n))
        shortcut("Ctrl+L", self._focus_booth)
        shortcut("Ctrl+P", self._add_photos)
        shortcut("Ctrl+Shift+F", self.patrol.correct_finding)

    # -- fairs, halls and rounds ----------------------------------------------------------
    def _load_fairs(self) -> None:
        try:
            infos = fairs.list_fairs(self.ctx)
        except StorageError as exc:
            self.went_offline(error_text(exc))
            return
        self.header.set_fairs(infos, date.today())
        if infos:
            self._fair_changed()
        else:
            self.patrol.target_label.setText(self.tr("No fair is set up yet."))

    def _fair_changed(self) -> None:
        code = self.header.fair_combo.currentData()
        if not code:
            return
        self.fair_code = code
        try:
            info = fairs.get_fair(self.ctx, code)
            halls = halls_in_use(self.ctx, code)
        except StorageError as exc:
            self.went_offline(error_text(exc))
            return
        self.zone = ZoneInfo(info.timezone)
        self.rechecks.task_model.zone = self.patrol.log_model.zone = self.zone
        self.header.set_halls(halls)
        self._resume_round()
        self._hall_changed()

    def _resume_round(self) -> None:
        """A round left open (the app was closed mid-round) is taken up again."""
        self.round_uid = None
        try:
            mine = [
                r
                for r in patrols.list_rounds(self.ctx, self.fair_code, open_only=True)
                if r.inspector == self.ctx.actor.username
            ]
        except StorageError as exc:
            self.went_offline(error_text(exc))
            mine = []
        if mine:
            latest = mine[-1]
            self.round_uid, self.round_hall, self.round_started = (
                latest.uid,
                latest.hall,
                latest.started_at,
            )
            self.log_round = latest.uid
            index = self.header.hall_combo.findData(latest.hall)
            if index >= 0:
                self.header.hall_combo.setCurrentIndex(index)
        self.refresh_log()

    def current_hall(self) -> str:
        return self.header.current_hall()

    def _hall_changed(self) -> None:
        hall = self.current_hall()
        if self.round_uid is not None and hall and hall != self.round_hall:
            self._move_round(hall)
        self.rechecks.set_hall(hall)
        if self.online:  # offline, the next successful poll refreshes both
            self.rechecks.refresh_tasks()
            self.board.show_hall(self.fair_code, hall)

    def _move_round(self, hall: str) -> None:
        """The round follows the hall chosen: a round covers one hall, so the open one is
        closed and the next visits go on a round of the new hall."""
        left = self.round_hall
        self.close_round()
        if self.round_uid is None and self.start_round():
            self.patrol.saved_label.setText(
                self.tr("Round in hall {0} closed; round in hall {1} started.").format(left, hall)
            )

    def toggle_round(self) -> None:
        if self.round_uid is None:
            self.start_round()
        else:
            self.close_round()

    def start_round(self) -> bool:
        hall = self.current_hall()
        if not self.fair_code or not hall:
            self.say(self.tr("Choose the fair and the hall of the round first."))
            return False
        try:
            self.round_uid = self.outbox.start_round(self.ctx, self.fair_code, hall)
        except FairDeskError as exc:
            self.say(error_text(exc))
            return False
        self.round_hall = hall
        self.round_started = self.ctx.now()
        self.log_round = self.round_uid
        self.round_log.forget_server()
        self.refresh_log()
        self.flush()
        return True

    def close_round(self) -> None:
        if self.round_uid is None:
            return
        try:
            self.outbox.close_round(self.ctx, self.fair_code, self.round_uid)
        except FairDeskError as exc:
            self.say(error_text(exc))
            return
        self.patrol.saved_label.setText(
            self.tr("Round in hall {0} closed.").format(self.round_hall)
        )
        self.round_uid = None
        self._update_round_label()
        self.flush()

    def close_empty_round(self) -> None:
        """At sign-out a round with no booth visited is closed: taken up again at the next
        sign-in, it would start at the old time and count the time away as patrol."""
        if self.round_uid is not None and not self.patrol.log_model.rowCount():
            self.close_round()

    def _update_round_label(self) -> None:
        if self.round_uid is None:
            self.header.show_no_round()
            return
        visits = self.patrol.log_model.rowCount()
        self.header.show_round(self.round_hall, self.round_started, self.zone, visits)

    # -- what the forms ask of the window ------------------------------------------------
    def choose_hall(self, hall: str) -> bool:
        """Move to `hall` when the hall list has it (the round follows: _hall_changed)."""
        index = self.header.hall_combo.findData(hall)
        if index >= 0:
            self.header.hall_combo.setCurrentIndex(index)
        return index >= 0

    def recorded(self) -> None:
        """A finding was kept in the outbox: the log shows it, and it is sent."""
        self.refresh_log()
        self.flush()

    def reload_log(self) -> None:
        """Read the round's visits back from the server (a visit was corrected)."""
        self.round_log.forget_server()
        self.refresh_log()

    # -- keys that act on the tab shown ---------------------------------------------------
    def _focus_booth(self) -> None:
        self.tabs.setCurrentIndex(TAB_PATROL)
        self.patrol.focus_booth()

    def open_booth(self, booth: str, _cases: list[str] | None = None) -> None:
        """Go to a booth (from the hall board): the patrol form, resolved, finding next."""
        self.tabs.setCurrentIndex(TAB_PATROL)
        self.patrol.booth_edit.setText(booth)
        self.patrol.go_to_booth()

    def _function_key(self, n: int) -> None:
        if self.tabs.currentIndex() == TAB_PATROL:
            self.patrol.choose_finding(n)
        elif self.tabs.currentIndex() == TAB_RECHECKS and n < len(RESULT_ORDER):
            self.rechecks.choose_result(n)

    def _add_photos(self) -> None:
        if self.tabs.currentIndex() == TAB_RECHECKS and self.rechecks.selected_task() is not None:
            self.rechecks.after_photos.choose_files()
        elif self.tabs.currentIndex() == TAB_PATROL:
            self.patrol.photos.choose_files()

    def save_current(self) -> None:
        if self.tabs.currentIndex() == TAB_RECHECKS:
            self.rechecks.save_recheck()
        elif self.tabs.currentIndex() == TAB_PATROL:
            self.patrol.save_finding()

    # -- the round's log ------------------------------------------------------------------
    def _load_server_log(self) -> None:
        """The visits of the shown round as the server has them (kept for offline use)."""
        if self.log_round is None or not self.online:
            return
        try:
            self.round_log.load_server(self.fair_code, self.log_round)
        except StorageError as exc:
            self.went_offline(error_text(exc))

    def refresh_log(self) -> None:
        """The round's visits: the server's, plus what waits on this laptop."""
        if not self.round_log.server:
            self._load_server_log()
        self.round_log.show(self.log_round)
        self._update_round_label()

    # -- sending and refreshing -----------------------------------------------------------
    def flush(self) -> None:
        """Send what waits, off the UI thread; the screen follows when it is done."""
        if self._flushing:
            return
        self._flushing = True
        flush = lambda _task: self.outbox.flush(self.ctx)  # noqa: E731
        run_task(flush, owner=self, on_done=self._flushed, on_error=self._flush_error)

    def _flushed(self, report: FlushReport) -> None:
        self._flushing = False
        self.last_report = report
        if report.offline:
            self.went_offline(report.offline)
        else:
            self._came_back()
        if report.sent and not report.offline:
            self._load_server_log()
        self.refresh_log()
        if report.failed:
            first = report.failed[0]
            self.say(
                self.tr("The server refused {0}: {1}").format(first.summary, first.last_error),
                modal=False,
            )
        self._update_outbox_label()
        if report.sent and not report.offline:
            self.refresh_views()

    def _flush_error(self, exc: BaseException) -> None:
        self._flushing = False
        self._update_outbox_label()
        report_failure(exc, self.say)

    def refresh_views(self) -> None:
        self.rechecks.refresh_tasks()
        if not self.online:
            return
        hall = self.current_hall()
        if (self.board.model.fair_code, self.board.model.hall) != (self.fair_code, hall):
            self.board.show_hall(self.fair_code, hall)
        else:
            self.board.refresh()

    def tick(self) -> None:
        """Every few seconds: send what waits, else look for the desk's changes."""
        if self.outbox.waiting_count(self.ctx.actor.username, include_failed=False):
            self.flush()
            return
        run_task(
            lambda _task: last_change(self.ctx),
            owner=self,
            on_done=self._polled,
            on_error=lambda exc: (
                self.went_offline(error_text(exc)) if isinstance(exc, StorageError) else None
            ),
        )

    def _polled(self, change: int) -> None:
        recovered = not self.online
        self._came_back()
        if change != self._seen_change or recovered:
            self._seen_change = change
            self.refresh_views()

    def went_offline(self, message: str) -> None:
        self.online = False
        self.header.show_offline(message)

    def _came_back(self) -> None:
        if not self.online or not self.header.connection_label.text():
            self.header.show_online()
        self.online = True

    def _update_outbox_label(self) -> None:
        try:
            pending = self.outbox.pending(self.ctx.actor.username)
        except StorageError as exc:
            self.header.show_outbox_unusable(error_text(exc))
            return
        self.header.show_outbox(pending)

    def waiting_count(self) -> int:
        return self.outbox.waiting_count(self.ctx.actor.username)

    def show_outbox(self) -> None:
        dialog = OutboxDialog(self.outbox, self.ctx.actor.username, self.zone, self)
        dialog.send_requested.connect(self.flush)
        dialog.send_requested.connect(dialog.reload)
        dialog.finished.connect(lambda _r: self._update_outbox_label())
        dialog.open()

    def _tab_changed(self, index: int) -> None:
        if index == TAB_RECHECKS:
            self.rechecks.show_first()
        elif index == TAB_PATROL:
            self.patrol.booth_edit.setFocus()
        elif index == TAB_BOARD:
            self.board.grid.setFocus()

    def say(self, text: str, modal: bool = False) -> None:
        """A message in the status bar and, for the current form, under it."""
        self.statusBar().showMessage(text, 15000)
        on_rechecks = self.tabs.currentIndex() == TAB_RECHECKS
        label = self.rechecks.recheck_saved if on_rechecks else self.patrol.saved_label
        label.setText(text)
        if modal and self.isVisible():
            QMessageBox.warning(self, self.tr("FairDesk"), text)
