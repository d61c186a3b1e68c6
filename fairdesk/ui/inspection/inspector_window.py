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
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fairdesk.domain import vocabulary
from fairdesk.domain.corrections import may_correct_finding
from fairdesk.domain.enums import Finding, RecheckResult
from fairdesk.domain.errors import FairDeskError, StorageError
from fairdesk.domain.permissions import GRANTS, Permission
from fairdesk.i18n import current_language, error_text, format_day_time, format_time
from fairdesk.services.casework.cases import last_change
from fairdesk.services.context import Context
from fairdesk.services.fair import fairs
from fairdesk.services.fair.exhibitors import halls_in_use
from fairdesk.services.inspection import patrols, rechecks
from fairdesk.services.inspection.outbox import OUTBOX_FILE, FlushReport, Outbox
from fairdesk.services.inspection.patrols import FINDING_ORDER, BoothTarget
from fairdesk.services.inspection.rechecks import RecheckTask
from fairdesk.ui.common.case_labels import both, desk_words, word
from fairdesk.ui.common.failure import report_failure
from fairdesk.ui.common.steady import ReservedLines, keep_place
from fairdesk.ui.common.tasks import poll_while_open, run_task
from fairdesk.ui.inspection.evidence_strip import EvidenceGallery, EvidenceStrip
from fairdesk.ui.inspection.hall_board import HallBoard
from fairdesk.ui.inspection.inspector_menu import display_name, install_menu
from fairdesk.ui.inspection.inspector_models import (
    COL_LOG_FINDING,
    LogItem,
    RecheckTaskModel,
    VisitLogModel,
)
from fairdesk.ui.inspection.inspector_outbox import OutboxDialog

log = logging.getLogger(__name__)

POLL_MS = 5000  # send what waits / look for the desk's changes
RESULT_ORDER: tuple[RecheckResult, ...] = tuple(RecheckResult)
TAB_PATROL, TAB_RECHECKS, TAB_BOARD = range(3)
# The booth, its exhibitor, open cases, a re-check due, a note: more scrolls in its box.
TARGET_LINES = 5

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


def _answer_words(table: vocabulary.Vocabulary, code: str) -> str:
    """An answer key's words: on an English desk the English, the Chinese below it."""
    words = table.words(code)
    if current_language() == "zh_CN":
        return words.zh
    return f"{words.en}\n      {words.zh}"


class _DigitKeys(QObject):
    """Digits 1..n pressed on the answer buttons choose the n-th answer."""

    def __init__(self, count: int, choose: Any, parent: QObject) -> None:
        super().__init__(parent)
        self.count = count
        self.choose = choose

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress:
            text = event.text()  # type: ignore[attr-defined]
            if text.isdigit() and 1 <= int(text) <= self.count:
                self.choose(int(text) - 1)
                return True
        return False


def _answer_button(text: str, name: str) -> QPushButton:
    button = QPushButton(text, objectName=name, checkable=True)
    button.setProperty("answer", True)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return button


class InspectorWindow(QMainWindow):
    """The inspector's screen. `complaint_requested(visit_uid)` asks the desk's complaint
    form to open a complaint prefilled from a suspected-infringement visit (desk role)."""

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
        self._server_log: list[LogItem] = []
        self.target: BoothTarget | None = None
        self.last_report: FlushReport | None = None
        self._flushing = False
        self._seen_change = -1
        self.setObjectName("inspector_window")
        mode = self.tr(" — DEMO FAIR (sample data)") if demo else ""
        self.setWindowTitle(self.tr("FairDesk — Inspector") + mode)
        self.resize(1280, 800)
        central = QWidget(objectName="inspector_central")
        central.setStyleSheet(STYLE)
        self.setCentralWidget(central)
        self.tabs = QTabWidget(objectName="inspector_tabs")
        layout = QVBoxLayout(central)
        layout.addLayout(self._build_header())
        layout.addWidget(self.tabs, 1)
        self.tabs.addTab(self._build_patrol(), self.tr("Patrol  (Alt+1)"))
        self.tabs.addTab(self._build_rechecks(), self.tr("Re-checks  (Alt+2)"))
        self.board = HallBoard(ctx, data_folder=data_folder)
        self.board.booth_activated.connect(self.open_booth)
        self.tabs.addTab(self.board, self.tr("Hall board  (Alt+3)"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self._build_shortcuts()
        self.signed_out = False  # File > Sign out: the app asks who signs in next
        install_menu(self, ctx, demo=demo)
        role = vocabulary.say(vocabulary.ROLES, ctx.actor.role.value, current_language())
        who = f"{display_name(ctx)} ({role})"
        self.statusBar().addPermanentWidget(
            QLabel(self.tr("Signed in as {0}").format(who), objectName="user_label")
        )
        self._poll = poll_while_open(self, POLL_MS, self.tick)
        self._load_fairs()
        self._update_outbox_label()
        self.booth_edit.setFocus()

    # -- construction ---------------------------------------------------------------------
    def _build_header(self) -> QHBoxLayout:
        self.fair_combo = QComboBox(objectName="fair_combo")
        self.fair_combo.setAccessibleName(self.tr("Fair"))
        self.fair_combo.currentIndexChanged.connect(self._fair_changed)
        self.hall_combo = QComboBox(objectName="hall_combo")
        self.hall_combo.setAccessibleName(self.tr("Hall"))
        self.hall_combo.setMinimumWidth(110)
        self.hall_combo.currentIndexChanged.connect(self._hall_changed)
        self.round_button = QPushButton(objectName="round_button")
        self.round_button.clicked.connect(self.toggle_round)
        self.round_label = QLabel(objectName="round_label")
        self.outbox_button = QPushButton(objectName="outbox_button")
        self.outbox_button.setFlat(True)
        self.outbox_button.clicked.connect(self.show_outbox)
        self.connection_label = QLabel(objectName="connection_label")
        self.connection_label.setWordWrap(True)
        header = QHBoxLayout()
        header.addWidget(QLabel(self.tr("Fair:")))
        header.addWidget(self.fair_combo)
        header.addWidget(QLabel(self.tr("Hall:")))
        header.addWidget(self.hall_combo)
        header.addWidget(self.round_button)
        header.addWidget(self.round_label, 1)
        header.addWidget(self.connection_label)
        header.addWidget(self.outbox_button)
        return header

    def _build_patrol(self) -> QWidget:
        self.booth_edit = QLineEdit(objectName="booth_edit")
        self.booth_edit.setPlaceholderText(
            self.tr("Booth number, or scan the booth notice — then Enter")
        )
        self.booth_edit.setAccessibleName(self.tr("Booth"))
        self.booth_edit.setClearButtonEnabled(True)
        self.booth_edit.returnPressed.connect(self.go_to_booth)
        self.booth_edit.textEdited.connect(self._booth_edited)
        go = QPushButton(self.tr("Go"), objectName="go_button")
        go.clicked.connect(self.go_to_booth)
        self.target_label = QLabel(objectName="target_label")
        self.target_label.setWordWrap(True)
        self.target_label.setTextFormat(Qt.TextFormat.PlainText)
        self.target_label.setText(self.tr("Type a booth number and press Enter."))
        self.exhibitor_combo = QComboBox(objectName="exhibitor_combo")
        self.exhibitor_combo.setAccessibleName(self.tr("Which exhibitor at a shared booth"))
        self.exhibitor_combo.hide()

        box = QGroupBox(self.tr("Finding — keys 1-6 or Ctrl+1-6"))
        grid = QGridLayout(box)
        self.finding_group = QButtonGroup(self)
        self.finding_group.setExclusive(True)
        self.finding_buttons: list[QPushButton] = []
        digits = _DigitKeys(len(FINDING_ORDER), self.choose_finding, self)
        for i, finding in enumerate(FINDING_ORDER):
            button = _answer_button(
                f"{i + 1}   {_answer_words(vocabulary.FINDINGS, finding)}",
                f"finding_{finding.value}",
            )
            button.setToolTip(self.tr("Key {0} or Ctrl+{0}").format(i + 1))
            button.installEventFilter(digits)
            button.clicked.connect(lambda _=False, n=i: self.choose_finding(n))
            self.finding_group.addButton(button, i)
            self.finding_buttons.append(button)
            grid.addWidget(button, i // 3, i % 3)

        self.notes_edit = QPlainTextEdit(objectName="notes_edit")
        self.notes_edit.setPlaceholderText(self.tr("Notes (optional) — Ctrl+Enter saves"))
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMaximumHeight(96)
        self.photos = EvidenceStrip()
        self.save_button = QPushButton(
            self.tr("Save finding   (Ctrl+Enter)"), objectName="save_button"
        )
        self.save_button.clicked.connect(self.save_finding)
        self.saved_label = QLabel(objectName="saved_label")
        self.saved_label.setWordWrap(True)

        self.log_model = VisitLogModel(self)
        self.log_view = QTableView(objectName="visit_log")
        self.log_view.setModel(self.log_model)
        self.log_view.verticalHeader().setVisible(False)
        self.log_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.log_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.log_view.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.log_view.setWordWrap(False)
        header = self.log_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_LOG_FINDING, QHeaderView.ResizeMode.Stretch)
        self.complaint_button = QPushButton(
            self.tr("Open a complaint from this visit…"), objectName="complaint_button"
        )
        self.complaint_button.clicked.connect(self._request_complaint)
        may_register = self.ctx.actor.role in GRANTS[Permission.REGISTER_COMPLAINT]
        self.complaint_button.setVisible(may_register)
        self.correct_finding_button = QPushButton(
            self.tr("Correct this finding…  (Ctrl+Shift+F)"), objectName="correct_finding_button"
        )
        self.correct_finding_button.clicked.connect(self.correct_finding)
        self.correct_finding_button.setVisible(may_correct_finding(self.ctx.actor.role))

        row = QHBoxLayout()
        row.addWidget(self.booth_edit, 1)
        row.addWidget(go)
        form = QVBoxLayout()
        form.addLayout(row)
        form.addWidget(ReservedLines(self.target_label, TARGET_LINES))  # the buttons stay put
        form.addWidget(keep_place(self.exhibitor_combo))
        form.addWidget(box)
        form.addWidget(self.notes_edit)
        form.addWidget(self.photos)
        form.addWidget(self.save_button)
        form.addWidget(self.saved_label)
        form.addStretch(1)
        side = QVBoxLayout()
        self.log_title = QLabel(self.tr("This round"), objectName="log_title")
        side.addWidget(self.log_title)
        side.addWidget(self.log_view, 1)
        side.addWidget(self.correct_finding_button)
        side.addWidget(self.complaint_button)
        left, right = QWidget(), QWidget()
        left.setLayout(form)
        right.setLayout(side)
        splitter = QSplitter(objectName="patrol_splitter")
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([880, 520])
        return splitter

    def _build_rechecks(self) -> QWidget:
        self.task_model = RecheckTaskModel(self.ctx, parent=self)
        self.task_view = QTableView(objectName="task_table")
        self.task_view.setModel(self.task_model)
        self.task_view.verticalHeader().setVisible(False)
        self.task_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.task_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.task_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.task_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.task_view.horizontalHeader().setStretchLastSection(True)
        self.task_view.setWordWrap(False)
        for column, width in enumerate((255, 40, 85, 145, 170, 120)):
            self.task_view.setColumnWidth(column, width)
        self.task_view.selectionModel().currentRowChanged.connect(self._task_selected)
        self.task_view.activated.connect(lambda _i: self.result_buttons[0].setFocus())
        self.only_hall = QCheckBox(self.tr("Only the round's hall"), objectName="only_hall_check")
        self.only_hall.toggled.connect(self.refresh_tasks)
        self.task_summary = QLabel(objectName="task_summary")

        self.recheck_title = QLabel(objectName="recheck_title")
        self.recheck_title.setWordWrap(True)
        self.before_gallery = EvidenceGallery(self.ctx, self.tr("Before"), "before_photos")
        self.after_gallery = EvidenceGallery(
            self.ctx, self.tr("After (earlier re-checks)"), "after_photos"
        )
        box = QGroupBox(self.tr("Result — keys 1-4 or Ctrl+1-4"))
        grid = QGridLayout(box)
        self.result_group = QButtonGroup(self)
        self.result_buttons: list[QPushButton] = []
        digits = _DigitKeys(len(RESULT_ORDER), self.choose_result, self)
        for i, result in enumerate(RESULT_ORDER):
            button = _answer_button(
                f"{i + 1}   {_answer_words(vocabulary.RECHECK_RESULTS, result)}",
                f"result_{result.value}",
            )
            button.installEventFilter(digits)
            button.clicked.connect(lambda _=False, n=i: self.choose_result(n))
            self.result_group.addButton(button, i)
            self.result_buttons.append(button)
            grid.addWidget(button, i // 2, i % 2)
        self.recheck_notes = QPlainTextEdit(objectName="recheck_notes")
        self.recheck_notes.setPlaceholderText(self.tr("Notes (optional) — Ctrl+Enter saves"))
        self.recheck_notes.setTabChangesFocus(True)
        self.recheck_notes.setMaximumHeight(80)
        self.after_photos = EvidenceStrip(self.tr("After photos: none yet — Ctrl+P or drop"))
        self.recheck_save = QPushButton(
            self.tr("Save re-check   (Ctrl+Enter)"), objectName="recheck_save_button"
        )
        self.recheck_save.clicked.connect(self.save_recheck)
        self.recheck_saved = QLabel(objectName="recheck_saved_label")
        self.recheck_saved.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.task_summary, 1)
        top.addWidget(self.only_hall)
        listing = QVBoxLayout()
        listing.addLayout(top)
        listing.addWidget(self.task_view, 1)
        galleries = QHBoxLayout()
        galleries.addWidget(self.before_gallery)
        galleries.addWidget(self.after_gallery)
        detail = QVBoxLayout()
        detail.addWidget(self.recheck_title)
        detail.addLayout(galleries)
        detail.addWidget(box)
        detail.addWidget(self.recheck_notes)
        detail.addWidget(self.after_photos)
        detail.addWidget(self.recheck_save)
        detail.addWidget(self.recheck_saved)
        detail.addStretch(1)
        left, right = QWidget(), QWidget()
        left.setLayout(listing)
        right.setLayout(detail)
        splitter = QSplitter(objectName="recheck_splitter")
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([760, 640])
        self._show_task(None)
        return splitter

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
        shortcut("Ctrl+Shift+F", self.correct_finding)

    # -- fairs, halls and rounds ----------------------------------------------------------
    def _load_fairs(self) -> None:
        try:
            infos = fairs.list_fairs(self.ctx)
        except StorageError as exc:
            self._went_offline(error_text(exc))
            return
        self.fair_combo.blockSignals(True)
        self.fair_combo.clear()
        today = date.today()
        current = 0
        for i, info in enumerate(infos):
            self.fair_combo.addItem(f"{info.code} · {info.name}", info.code)
            if info.start_date <= today <= info.end_date:
                current = i
        self.fair_combo.setCurrentIndex(current)
        self.fair_combo.blockSignals(False)
        if infos:
            self._fair_changed()
        else:
            self.target_label.setText(self.tr("No fair is set up yet."))

    def _fair_changed(self) -> None:
        code = self.fair_combo.currentData()
        if not code:
            return
        self.fair_code = code
        try:
            info = fairs.get_fair(self.ctx, code)
            halls = halls_in_use(self.ctx, code)
        except StorageError as exc:
            self._went_offline(error_text(exc))
            return
        self.zone = ZoneInfo(info.timezone)
        self.task_model.zone = self.log_model.zone = self.zone
        self.hall_combo.blockSignals(True)
        self.hall_combo.clear()
        for hall in halls:
            self.hall_combo.addItem(hall, hall)
        self.hall_combo.blockSignals(False)
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
            self._went_offline(error_text(exc))
            mine = []
        if mine:
            latest = mine[-1]
            self.round_uid, self.round_hall, self.round_started = (
                latest.uid,
                latest.hall,
                latest.started_at,
            )
            self.log_round = latest.uid
            index = self.hall_combo.findData(latest.hall)
            if index >= 0:
                self.hall_combo.setCurrentIndex(index)
        self.refresh_log()

    def current_hall(self) -> str:
        return str(self.hall_combo.currentData() or "")

    def _hall_changed(self) -> None:
        hall = self.current_hall()
        if self.round_uid is not None and hall and hall != self.round_hall:
            self._move_round(hall)
        self.only_hall.setText(self.tr("Only hall {0}").format(hall) if hall else "")
        self.only_hall.setChecked(bool(hall))
        if self.online:  # offline, the next successful poll refreshes both
            self.refresh_tasks()
            self.board.show_hall(self.fair_code, hall)

    def _move_round(self, hall: str) -> None:
        """The round follows the hall chosen: a round covers one hall, so the open one is
        closed and the next visits go on a round of the new hall."""
        left = self.round_hall
        self.close_round()
        if self.round_uid is None and self.start_round():
            self.saved_label.setText(
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
            self._say(self.tr("Choose the fair and the hall of the round first."))
            return False
        try:
            self.round_uid = self.outbox.start_round(self.ctx, self.fair_code, hall)
        except FairDeskError as exc:
            self._say(error_text(exc))
            return False
        self.round_hall = hall
        self.round_started = self.ctx.now()
        self.log_round = self.round_uid
        self._server_log = []
        self.refresh_log()
        self.flush()
        return True

    def close_round(self) -> None:
        if self.round_uid is None:
            return
        try:
            self.outbox.close_round(self.ctx, self.fair_code, self.round_uid)
        except FairDeskError as exc:
            self._say(error_text(exc))
            return
        self.saved_label.setText(self.tr("Round in hall {0} closed.").format(self.round_hall))
        self.round_uid = None
        self._update_round_label()
        self.flush()

    def _update_round_label(self) -> None:
        if self.round_uid is None:
            self.round_button.setText(self.tr("Start round  (F9)"))
            self.round_label.setText(self.tr("No round open"))
            return
        self.round_button.setText(self.tr("Close round  (F9)"))
        since = format_time(self.round_started.astimezone(self.zone)) if self.round_started else ""
        visits = self.log_model.rowCount()
        counted = self.tr("1 visit") if visits == 1 else self.tr("{0} visits").format(visits)
        self.round_label.setText(
            self.tr("Round · hall {0} · since {1} · {2}").format(self.round_hall, since, counted)
        )

    # -- patrol: booth, finding, save ------------------------------------------------------
    def _focus_booth(self) -> None:
        self.tabs.setCurrentIndex(TAB_PATROL)
        self.booth_edit.setFocus()
        self.booth_edit.selectAll()

    def _booth_edited(self, _text: str) -> None:
        self.target = None

    def open_booth(self, booth: str, _cases: list[str] | None = None) -> None:
        """Go to a booth (from the hall board): the patrol form, resolved, finding next."""
        self.tabs.setCurrentIndex(TAB_PATROL)
        self.booth_edit.setText(booth)
        self.go_to_booth()

    def go_to_booth(self) -> None:
        text = self.booth_edit.text().strip()
        if not text or not self.fair_code:
            return
        hall = self.current_hall()  # the open round's hall too: the round follows it
        self.finding_buttons[0].setFocus()
        if not self.online:
            self._show_offline_target(text)
            return
        run_task(
            lambda _task: patrols.resolve_target(self.ctx, self.fair_code, text, hall),
            owner=self,
            on_done=self._target_found,
            on_error=lambda exc: self._target_failed(text, exc),
        )

    def _target_found(self, target: BoothTarget) -> None:
        self.target = target
        where = "  ·  " + self.tr("hall {0}").format(target.hall) if target.hall else ""
        lines = [f"{target.booth}{where}"]
        if target.exhibitors:
            lines += [f"{e.name_zh}  {e.name_en}".strip() for e in target.exhibitors]
        if target.open_cases:
            lines.append(
                self.tr("Open cases: {0}").format(
                    ", ".join(
                        f"{c.number} ({word(vocabulary.CASE_STATES, c.state)})"
                        for c in target.open_cases
                    )
                )
            )
        if target.recheck_cases:
            lines.append(
                self.tr("⚠ Measure to re-check here: {0} — record it on Re-checks (Alt+2)").format(
                    ", ".join(target.recheck_cases)
                )
            )
        if target.note:
            lines.append(target.note)
        self.target_label.setText("\n".join(lines))
        _follow_booth_hall(self, target.hall)
        self.exhibitor_combo.clear()
        if len(target.exhibitors) > 1:
            self.exhibitor_combo.addItem(self.tr("(shared booth: which exhibitor?)"), None)
            for e in target.exhibitors:
                self.exhibitor_combo.addItem(e.name, e.id)
        self.exhibitor_combo.setVisible(len(target.exhibitors) > 1)

    def _target_failed(self, text: str, exc: BaseException) -> None:
        if isinstance(exc, StorageError):
            self._went_offline(error_text(exc))
            self._show_offline_target(text)
        elif isinstance(exc, FairDeskError):
            self.target = None
            self.target_label.setText(error_text(exc))
            self.booth_edit.setFocus()
            self.booth_edit.selectAll()
        else:
            raise exc

    def _show_offline_target(self, text: str) -> None:
        self.target = None
        self.exhibitor_combo.hide()
        self.target_label.setText(
            self.tr(
                "{0}\nThe server cannot be reached: the booth is checked when the finding is "
                "sent. Record the finding as usual."
            ).format(text)
        )

    def choose_finding(self, n: int) -> None:
        self.finding_buttons[n].setChecked(True)
        self.notes_edit.setFocus()

    def chosen_finding(self) -> Finding | None:
        n = self.finding_group.checkedId()
        return FINDING_ORDER[n] if n >= 0 else None

    def _function_key(self, n: int) -> None:
        if self.tabs.currentIndex() == TAB_PATROL:
            self.choose_finding(n)
        elif self.tabs.currentIndex() == TAB_RECHECKS and n < len(RESULT_ORDER):
            self.choose_result(n)

    def _add_photos(self) -> None:
        if self.tabs.currentIndex() == TAB_RECHECKS and self.selected_task() is not None:
            self.after_photos.choose_files()
        elif self.tabs.currentIndex() == TAB_PATROL:
            self.photos.choose_files()

    def save_current(self) -> None:
        if self.tabs.currentIndex() == TAB_RECHECKS:
            self.save_recheck()
        elif self.tabs.currentIndex() == TAB_PATROL:
            self.save_finding()

    def save_finding(self) -> bool:
        text = self.booth_edit.text().strip()
        finding = self.chosen_finding()
        if not text:
            self._say(self.tr("Type the booth number first."))
            self.booth_edit.setFocus()
            return False
        if finding is None:
            self._say(self.tr("Choose the finding: keys 1-6 or Ctrl+1-6."))
            self.finding_buttons[0].setFocus()
            return False
        if self.round_uid is None and not self.start_round():
            return False
        assert self.round_uid is not None
        target = self.target
        typed = target.booth if target is not None and target.via == "booth" else text
        exhibitor_id = (
            self.exhibitor_combo.currentData() if self.exhibitor_combo.isVisible() else None
        )
        photos = list(self.photos.photos)
        try:
            uid = self.outbox.record_visit(
                self.ctx,
                self.fair_code,
                self.round_uid,
                typed,
                finding,
                self.notes_edit.toPlainText(),
                photos,
                exhibitor_id,
            )
        except FairDeskError as exc:
            self._say(error_text(exc))
            return False
        shown = target.booth if target is not None else text
        self.saved_label.setText(
            self.tr("Saved: {0} — {1}{2}").format(
                shown,
                both(vocabulary.FINDINGS, finding),
                self.tr(" · {0} photo(s)").format(len(photos)) if photos else "",
            )
        )
        self._clear_patrol_form()
        self.refresh_log()
        self.flush()
        log.debug("visit %s recorded", uid)
        return True

    def _clear_patrol_form(self) -> None:
        self.target = None
        self.booth_edit.clear()
        self.notes_edit.clear()
        self.photos.clear()
        self.exhibitor_combo.hide()
        self.finding_group.setExclusive(False)
        for button in self.finding_buttons:
            button.setChecked(False)
        self.finding_group.setExclusive(True)
        self.target_label.setText(self.tr("Next booth: type its number and press Enter."))
        self.booth_edit.setFocus()

    def _request_complaint(self) -> None:
        rows = self.log_view.selectionModel().selectedRows() if self.log_view.model() else []
        if not rows:
            self._say(self.tr("Choose the visit in the list first."))
            return
        self.complaint_requested.emit(self.log_model.item_at(rows[0].row()).uid)

    def correct_finding(self) -> None:
        """Correct a recorded finding: the visit chosen in the list, else the newest."""
        from fairdesk.ui.common.corrections import finding_dialog

        if not self.correct_finding_button.isVisible() or self.log_model.rowCount() == 0:
            return
        rows = self.log_view.selectionModel().selectedRows()
        item = self.log_model.item_at(rows[0].row() if rows else 0)
        if item.status != "sent":
            self._say(self.tr("This finding waits on this laptop: correct it once it is sent."))
            return
        try:
            visit = patrols.get_visit(self.ctx, item.uid)
        except FairDeskError as exc:
            self._say(error_text(exc))
            return

        def done(_result: object) -> None:
            self._server_log = []  # read the corrected visit back from the server
            self.refresh_log()

        dialog = finding_dialog(self.ctx, visit, done, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # -- the round's log ------------------------------------------------------------------
    def _load_server_log(self) -> None:
        """The visits of the shown round as the server has them (kept for offline use)."""
        if self.log_round is None or not self.online:
            return
        try:
            rows = patrols.list_visits(self.ctx, self.fair_code, round_uid=self.log_round)
        except StorageError as exc:
            self._went_offline(error_text(exc))
            return
        except FairDeskError:
            rows = []  # the round has not reached the server yet
        items = []
        for v in rows:
            text = word(vocabulary.FINDINGS, v.finding) + (
                f" · {v.case_number}" if v.case_number else ""
            )
            items.append(LogItem(v.uid, v.visited_at, v.booth, text, v.photos, "sent"))
        self._server_log = items

    def refresh_log(self) -> None:
        """The round's visits: the server's, plus what waits on this laptop."""
        if not self._server_log:
            self._load_server_log()
        items = {i.uid: i for i in self._server_log}
        for p in self.outbox.pending_findings(self.ctx.actor.username):
            if p.round_uid not in (self.log_round, None) or p.uid in items:
                continue
            if p.kind == "visit":
                booth, text = p.target, word(vocabulary.FINDINGS, p.answer)
            else:
                result = word(vocabulary.RECHECK_RESULTS, p.answer)
                booth, text = "", self.tr("Re-check {0}: {1}").format(p.target, result)
            items[p.uid] = LogItem(p.uid, p.at, booth, text, p.photos, p.status)
        self.log_model.set_items(sorted(items.values(), key=lambda i: i.at, reverse=True))
        self._update_round_label()

    # -- re-checks ------------------------------------------------------------------------
    def refresh_tasks(self) -> None:
        if not self.fair_code:
            return
        # The round's hall while a round is open (it follows the hall chosen), else the chosen.
        hall = (self.round_hall if self.round_uid else self.current_hall()) or ""
        hall = hall if self.only_hall.isChecked() else ""
        selected = self.selected_task()
        try:
            self.task_model.set_filter(self.fair_code, hall)
        except StorageError as exc:
            self._went_offline(error_text(exc))
            return
        self.task_model.set_waiting(self.outbox.waiting_cases(self.ctx.actor.username))
        n, late = self.task_model.rowCount(), self.task_model.overdue_count()
        self.task_summary.setText(
            (
                self.tr("1 re-check to do{0}") if n == 1 else self.tr("{1} re-checks to do{0}")
            ).format(self.tr(" · {0} OVERDUE").format(late) if late else "", n)
        )
        self.tabs.setTabText(TAB_RECHECKS, _rechecks_title(self, hall, n, late))
        row = self.task_model.row_of(selected.case_number) if selected else None
        if row is not None:
            self.task_view.selectRow(row)
        else:
            self._show_task(None)

    def selected_task(self) -> RecheckTask | None:
        index = self.task_view.currentIndex()
        if not index.isValid() or index.row() >= self.task_model.rowCount():
            return None
        return self.task_model.task_at(index.row())

    def _task_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_task(self.task_model.task_at(current.row()) if current.isValid() else None)

    def _show_task(self, task: RecheckTask | None) -> None:
        for widget in (*self.result_buttons, self.recheck_notes, self.recheck_save):
            widget.setEnabled(task is not None)
        self.after_photos.setEnabled(task is not None)
        if task is None:
            self.recheck_title.setText(self.tr("Choose a re-check in the list (arrows, Enter)."))
            self.before_gallery.show_evidence([])
            self.after_gallery.show_evidence([])
            return
        due = (
            format_day_time(task.due_at.astimezone(self.zone))
            if task.due_at
            else self.tr("after escalation")
        )
        late = self.tr("  —  OVERDUE") if task.overdue else ""
        self.recheck_title.setText(
            f"{task.case_number}  ·  {task.booth}  ·  {task.exhibitor}\n"
            + self.tr("{0}: {1}; due {2}{3}").format(
                desk_words(task.words), word(vocabulary.MEASURES, task.measure_type), due, late
            )
            + (f"\n{self.tr('Stored at')}: {task.storage_place}" if task.storage_place else "")
        )
        if not self.online:
            return
        try:
            record = rechecks.recheck_record(self.ctx, task.case_number)
        except StorageError as exc:
            self._went_offline(error_text(exc))
            return
        except FairDeskError as exc:
            self.recheck_saved.setText(error_text(exc))
            return
        self.before_gallery.show_evidence(record.before)
        self.after_gallery.show_evidence(record.after)

    def choose_result(self, n: int) -> None:
        if self.selected_task() is None:
            return
        self.result_buttons[n].setChecked(True)
        self.recheck_notes.setFocus()

    def save_recheck(self) -> bool:
        task = self.selected_task()
        n = self.result_group.checkedId()
        if task is None:
            self._say(self.tr("Choose the re-check in the list first."))
            return False
        if n < 0:
            self._say(self.tr("Choose the result: keys 1-4 or Ctrl+1-4."))
            return False
        result = RESULT_ORDER[n]
        photos = list(self.after_photos.photos)
        try:
            uid = self.outbox.record_recheck(
                self.ctx,
                self.fair_code,
                task.case_number,
                result,
                self.recheck_notes.toPlainText(),
                photos,
                self.round_uid,
            )
        except FairDeskError as exc:
            self._say(error_text(exc))
            return False
        text = self.tr("Re-check {0}: {1}").format(
            task.case_number, both(vocabulary.RECHECK_RESULTS, result)
        )
        log.debug("re-check %s recorded", uid)
        self.recheck_saved.setText(self.tr("Saved: {0}").format(text))
        self.result_group.setExclusive(False)
        for button in self.result_buttons:
            button.setChecked(False)
        self.result_group.setExclusive(True)
        self.recheck_notes.clear()
        self.after_photos.clear()
        self.task_model.set_waiting(self.outbox.waiting_cases(self.ctx.actor.username))
        self.refresh_log()
        self.flush()
        self.task_view.setFocus()
        return True

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
            self._went_offline(report.offline)
        else:
            self._came_back()
        if report.sent and not report.offline:
            self._load_server_log()
        self.refresh_log()
        if report.failed:
            first = report.failed[0]
            self._say(
                self.tr("The server refused {0}: {1}").format(first.summary, first.last_error),
                modal=False,
            )
        self._update_outbox_label()
        if report.sent and not report.offline:
            self.refresh_views()

    def _flush_error(self, exc: BaseException) -> None:
        self._flushing = False
        self._update_outbox_label()
        report_failure(exc, self._say)

    def refresh_views(self) -> None:
        self.refresh_tasks()
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
                self._went_offline(error_text(exc)) if isinstance(exc, StorageError) else None
            ),
        )

    def _polled(self, change: int) -> None:
        recovered = not self.online
        self._came_back()
        if change != self._seen_change or recovered:
            self._seen_change = change
            self.refresh_views()

    def _went_offline(self, message: str) -> None:
        self.online = False
        self.connection_label.setText(self.tr("⚠ Server unreachable — findings are kept here"))
        self.connection_label.setToolTip(message)
        self.connection_label.setStyleSheet(
            "background: #fff3cd; color: #5c4400; padding: 4px 8px; border: 1px solid #e0c060;"
        )

    def _came_back(self) -> None:
        if not self.online or not self.connection_label.text():
            self.connection_label.setText(self.tr("Server connected"))
            self.connection_label.setToolTip("")
            self.connection_label.setStyleSheet("color: #2e7d32; padding: 4px 8px;")
        self.online = True

    def _update_outbox_label(self) -> None:
        try:
            pending = self.outbox.pending(self.ctx.actor.username)
        except StorageError as exc:
            self.outbox_button.setText(self.tr("Outbox unusable"))
            self.outbox_button.setToolTip(error_text(exc))
            return
        failed = sum(1 for e in pending if e.status == "failed")
        waiting = len(pending) - failed
        if not pending:
            text, colour = self.tr("✓ All sent"), "#2e7d32"
        elif failed:
            text, colour = self.tr("{0} waiting · {1} refused").format(waiting, failed), "#b00020"
        else:
            text, colour = self.tr("{0} waiting to send").format(waiting), "#8a6d00"
        self.outbox_button.setText(text)
        self.outbox_button.setStyleSheet(f"color: {colour};")
        self.outbox_button.setToolTip(self.tr("What waits on this laptop (click to see)"))

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
            self.task_view.setFocus()
            if self.task_model.rowCount() and not self.task_view.currentIndex().isValid():
                self.task_view.selectRow(0)
        elif index == TAB_PATROL:
            self.booth_edit.setFocus()
        elif index == TAB_BOARD:
            self.board.grid.setFocus()

    def _say(self, text: str, modal: bool = False) -> None:
        """A message in the status bar and, for the current form, under it."""
        self.statusBar().showMessage(text, 15000)
        label = self.recheck_saved if self.tabs.currentIndex() == TAB_RECHECKS else self.saved_label
        label.setText(text)
        if modal and self.isVisible():
            QMessageBox.warning(self, self.tr("FairDesk"), text)


def _follow_booth_hall(window: InspectorWindow, hall: str) -> None:
    """The round and the hall board follow the booth typed: a booth in another hall
    moves them there (_hall_changed closes the open round and says so)."""
    if not hall or hall == window.current_hall():
        return
    index = window.hall_combo.findData(hall)
    if index >= 0:
        window.hall_combo.setCurrentIndex(index)
        return
    window._say(
        QCoreApplication.translate(
            "InspectorWindow",
            "This booth is in hall {0}, not on the hall list: the visit goes on the "
            "round of hall {1}.",
        ).format(hall, window.current_hall())
    )


def _rechecks_title(window: InspectorWindow, hall: str, n: int, late: int) -> str:
    """The re-checks tab's title: the count, and which hall it counts when the list shows
    one hall while others have re-checks too."""
    late_text = (
        QCoreApplication.translate("InspectorWindow", ", {0} late").format(late) if late else ""
    )
    try:
        elsewhere = len(rechecks.list_tasks(window.ctx, window.fair_code)) - n if hall else 0
    except StorageError:
        elsewhere = 0  # offline: the hall's own count stands
    if elsewhere:
        return QCoreApplication.translate(
            "InspectorWindow", "Re-checks: hall {0} ({1}{2}), other halls {3}  (Alt+2)"
        ).format(hall, n, late_text, elsewhere)
    return QCoreApplication.translate("InspectorWindow", "Re-checks ({0}{1})  (Alt+2)").format(
        n, late_text
    )
