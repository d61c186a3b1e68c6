"""The desk's main window: the current fair's respondent cases, searchable as you type."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fairdesk.domain.enums import CaseState
from fairdesk.domain.errors import FairDeskError
from fairdesk.services import fairs
from fairdesk.services.cases import CaseFilter, counts_by_state
from fairdesk.services.context import Context
from fairdesk.ui.case_model import CaseTableModel

SEARCH_DELAY_MS = 150  # wait for a pause in typing before querying


class MainWindow(QMainWindow):
    def __init__(self, ctx: Context, *, demo: bool = False) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("main_window")
        mode = self.tr(" — DEMO FAIR (sample data)") if demo else ""
        self.setWindowTitle(self.tr("FairDesk") + mode)
        self.resize(1200, 720)

        self.fair_combo = QComboBox(objectName="fair_combo")
        self.fair_combo.setAccessibleName(self.tr("Fair"))
        self.search_edit = QLineEdit(objectName="search_edit")
        self.search_edit.setPlaceholderText(
            self.tr("Search case number, complainant, exhibitor, booth or right number (Ctrl+F)")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.state_combo = QComboBox(objectName="state_combo")
        self.state_combo.addItem(self.tr("All states"), "")
        for state in CaseState:
            self.state_combo.addItem(state.value, state.value)
        self.table = QTableView(objectName="case_table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.strip = QLabel(objectName="state_strip")
        self.strip.setWordWrap(True)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Fair:")))
        bar.addWidget(self.fair_combo)
        bar.addWidget(self.search_edit, 1)
        bar.addWidget(self.state_combo)
        layout = QVBoxLayout()
        layout.addLayout(bar)
        layout.addWidget(self.strip)
        layout.addWidget(self.table, 1)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)

        who = f"{ctx.actor.username} ({ctx.actor.role.value})"
        self.user_label = QLabel(
            self.tr("Demo mode: signed in as {0}").format(who)
            if demo
            else self.tr("Signed in as {0}").format(who)
        )
        self.statusBar().addPermanentWidget(self.user_label)

        find = QAction(self.tr("Find"), self, shortcut=QKeySequence.StandardKey.Find)
        find.triggered.connect(self._focus_search)
        self.addAction(find)

        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.state_combo.currentIndexChanged.connect(self.apply_filter)
        self.fair_combo.currentIndexChanged.connect(self.apply_filter)

        self.model: CaseTableModel | None = None
        self._load_fairs()

    def _focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _load_fairs(self) -> None:
        self.fair_combo.blockSignals(True)
        for info in fairs.list_fairs(self.ctx):
            self.fair_combo.addItem(f"{info.code} · {info.name}", info.code)
        self.fair_combo.blockSignals(False)
        if self.fair_combo.count() == 0:
            self.strip.setText(
                self.tr(
                    "No fair is set up yet. Create one with "
                    "'fairdesk fair create' or open the demo (fairdesk --demo)."
                )
            )
            return
        self.apply_filter()

    def current_filter(self) -> CaseFilter | None:
        code = self.fair_combo.currentData()
        if not code:
            return None
        state = self.state_combo.currentData()
        return CaseFilter(code, states=(state,) if state else (), search=self.search_edit.text())

    def apply_filter(self) -> None:
        flt = self.current_filter()
        if flt is None:
            return
        try:
            if self.model is None:
                self.model = CaseTableModel(self.ctx, flt, self)
                self.table.setModel(self.model)
                header = self.table.horizontalHeader()
                header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
                for column, width in enumerate((150, 150, 360, 90, 220)):
                    self.table.setColumnWidth(column, width)
            else:
                self.model.set_filter(flt)
            self._update_strip(flt.fair_code)
        except FairDeskError as exc:
            QMessageBox.warning(self, self.tr("FairDesk"), str(exc))

    def _update_strip(self, fair_code: str) -> None:
        counts = counts_by_state(self.ctx, fair_code)
        parts = [f"{state}: {counts[state]}" for state in CaseState if counts.get(state)]
        assert self.model is not None
        self.strip.setText(
            self.tr("{0} cases shown · ").format(self.model.total()) + "  ".join(parts)
        )
