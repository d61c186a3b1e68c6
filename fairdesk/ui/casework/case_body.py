"""The body of the case view: the details (two thirds of the width) beside the deadlines
and the steps, over the timeline. Two splitters, so a person can give either more room."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGroupBox,
    QHeaderView,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fairdesk.ui.casework.case_clocks import ClocksPanel
from fairdesk.ui.casework.case_details import DetailPanel
from fairdesk.ui.casework.case_steps import StepsPanel
from fairdesk.ui.casework.case_timeline import COL_WHAT, COL_WHEN, COL_WHO, COL_WHY, TimelineModel
from fairdesk.ui.common.named import named

TIMELINE_ROWS = 5  # entries the timeline shows at least


class CaseBody(QSplitter):
    def __init__(self, model_parent: QObject) -> None:
        super().__init__(Qt.Orientation.Vertical)
        self.setObjectName("case_body_splitter")
        self.details = DetailPanel()
        self.clocks_panel = ClocksPanel()
        self.steps_panel = StepsPanel()
        right = named(QWidget(), "case_side")
        side = QVBoxLayout(right)
        side.setContentsMargins(6, 0, 0, 0)
        side.addWidget(self.clocks_panel)
        side.addWidget(self.steps_panel)
        side.addStretch(1)
        self.timeline_model = TimelineModel(model_parent)
        self.timeline_view = _timeline_table(self.timeline_model)
        timeline_box = named(QGroupBox(self.tr("Timeline · 处理记录")), "timeline_box")
        QVBoxLayout(timeline_box).addWidget(self.timeline_view)
        self.top = named(QSplitter(Qt.Orientation.Horizontal), "case_top_splitter")
        self.top.addWidget(self.details)
        self.top.addWidget(_side_scroll(right))
        self.top.setStretchFactor(0, 2)
        self.top.setStretchFactor(1, 1)
        self.top.setChildrenCollapsible(False)
        self.addWidget(self.top)
        self.addWidget(timeline_box)
        self.setStretchFactor(0, 2)
        self.setStretchFactor(1, 1)
        self.setSizes([520, 260])
        self.setChildrenCollapsible(False)


def _side_scroll(side: QWidget) -> QScrollArea:
    """The steps of a case in full flow are many: they scroll, rather than push the
    timeline below down to two rows (or the window off a 1000-pixel screen)."""
    scroll = named(QScrollArea(), "case_side_scroll")
    scroll.setWidget(side)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setMinimumWidth(side.minimumSizeHint().width() + 20)
    return scroll


def _timeline_table(model: TimelineModel) -> QTableView:
    """The timeline's table: one line an entry, room for TIMELINE_ROWS of them."""
    view = named(QTableView(), "timeline_view")
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    for column, width in ((COL_WHEN, 130), (COL_WHO, 90), (COL_WHAT, 280), (COL_WHY, 220)):
        view.setColumnWidth(column, width)
    # Room for a handful of entries whatever the panels above hold.
    rows = view.verticalHeader().defaultSectionSize()
    view.setMinimumHeight(view.horizontalHeader().sizeHint().height() + TIMELINE_ROWS * rows + 4)
    return view
