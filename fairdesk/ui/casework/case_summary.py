"""The selected case at a glance beside the list (master-detail): who, where, the next
deadline and the steps open to the desk now, so a case need not be opened to see them."""

from __future__ import annotations

from datetime import datetime, tzinfo
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from fairdesk.domain.errors import FairDeskError
from fairdesk.domain.vocabulary import AWAITING_SERVICE
from fairdesk.domain.workflow import Entity, Step, awaiting_service
from fairdesk.i18n import format_datetime
from fairdesk.services.casework.cases import CaseRow
from fairdesk.services.casework.steps import available_steps
from fairdesk.services.context import Context
from fairdesk.ui.casework.case_model import countdown
from fairdesk.ui.common.case_labels import (
    CLOCKS,
    desk_words,
    state_words,
    transition_label,
    word,
)


class CaseSummary(QFrame):
    """`open_requested(number)` asks the window to open the case."""

    open_requested = Signal(str)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("case_summary")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.ctx = ctx
        self.number = ""
        self.title = self._label("summary_title")
        self.title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.state = self._label("summary_state")
        self.exhibitor = self._label("summary_exhibitor")
        self.booth = self._label("summary_booth")
        self.complainant = self._label("summary_complainant")
        self.received = self._label("summary_received")
        self.deadline = self._label("summary_deadline")
        self.assigned = self._label("summary_assigned")
        self.steps = self._label("summary_steps")
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.open_button = QPushButton(self.tr("Open the case (Enter)"))
        self.open_button.setObjectName("summary_open")
        self.open_button.clicked.connect(lambda: self.open_requested.emit(self.number))
        self.empty = self._label("summary_empty")
        self.empty.setText(self.tr("Select a case in the list to see it here."))

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Exhibitor:"), self.exhibitor)
        form.addRow(self.tr("Booth:"), self.booth)
        form.addRow(self.tr("Complainant:"), self.complainant)
        form.addRow(self.tr("Received:"), self.received)
        form.addRow(self.tr("Next deadline:"), self.deadline)
        form.addRow(self.tr("Assigned to:"), self.assigned)
        self.details = QWidget()
        inner = QVBoxLayout(self.details)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.title)
        inner.addWidget(self.state)
        inner.addLayout(form)
        inner.addWidget(QLabel(self.tr("Next steps open to you:")))
        inner.addWidget(self.steps)
        inner.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.details)
        layout.addStretch(1)
        self.show_case(None, datetime.now().astimezone())

    def _label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def show_case(self, row: CaseRow | None, now: datetime, zone: tzinfo | None = None) -> None:
        """`zone`: the fair's, in which the case view, the timeline and paper write times
        (the machine's own zone may be another)."""
        self.details.setVisible(row is not None)
        self.empty.setVisible(row is None)
        if row is None:
            self.number = ""
            return
        self.number = row.number
        self.title.setText(row.number)
        self.state.setText(state_words(row.state))
        names = [n for n in (row.exhibitor_zh, row.exhibitor_en) if n]
        self.exhibitor.setText("\n".join(names) or "—")
        self.booth.setText(row.booth or "—")
        self.complainant.setText(row.complainant or "—")
        self.received.setText(format_datetime(row.received_at.astimezone(zone)))
        if row.next_due is not None:
            clock = word(CLOCKS, row.next_due_kind)
            due = countdown(row.next_due, now, row.decide_before_close)
            when = format_datetime(row.next_due.astimezone(zone))
            self.deadline.setText(self.tr("{0}: {1}").format(clock, due) + f"\n{when}")
        elif awaiting_service(row.state, row.served_at):
            self.deadline.setText(desk_words(AWAITING_SERVICE))
        else:
            self.deadline.setText("—")
        # Taking steps does not assign a case: say where assigning is done.
        self.assigned.setText(
            row.assigned_to or self.tr("not assigned (Cases ▸ Assign to…, Ctrl+Shift+A)")
        )
        steps = self._open_steps(row.number)
        if steps:
            items = "".join(f"<li>{escape(transition_label(t))}</li>" for t in steps)
            self.steps.setText(f"<ul style='margin-left: -20px'>{items}</ul>")
        else:
            self.steps.setText(escape(self.tr("None now.")))
        self.setAccessibleDescription(f"{row.number} · {state_words(row.state)}")

    def _open_steps(self, number: str) -> list[Step]:
        """The case's steps the signed-in user may take now (what the case view offers)."""
        try:
            found = available_steps(self.ctx, number)
        except FairDeskError:
            return []  # gone meanwhile: the next refresh drops it from the list
        return [c.step for c in found.choices if c.allowed and c.entity is Entity.CASE]
