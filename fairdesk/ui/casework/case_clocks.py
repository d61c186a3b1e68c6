"""The case's deadline clocks: kind, due time, a live countdown, pause and resume."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QStyle,
    QWidget,
)

from fairdesk.domain.clocks import ClockState, ClockStatus
from fairdesk.domain.workflow import awaiting_service
from fairdesk.services.casework.case_detail import CaseDetail
from fairdesk.ui.casework.case_model import countdown
from fairdesk.ui.common.case_labels import CLOCKS, CLOCKS_SHORT, both, local_time, tr
from fairdesk.ui.common.named import named


def _span(delta: timedelta) -> str:
    minutes = int(abs(delta.total_seconds()) // 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"


class ClockRow:
    """The widgets of one clock, kept so the countdown can be redrawn every tick."""

    def __init__(self, state: ClockState) -> None:
        kind = state.kind.value
        self.state = state
        self.name = named(QLabel(both(CLOCKS, kind)), f"clock_{kind}_name")
        self.name.setStyleSheet("font-weight: bold;")
        self.icon = named(QLabel(), f"clock_{kind}_icon")
        self.status = named(QLabel(), f"clock_{kind}_status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.countdown = named(QLabel(), f"clock_{kind}_countdown")
        self.countdown.setTextFormat(Qt.TextFormat.PlainText)
        self.pause_button: QPushButton | None = None
        self.resume_button: QPushButton | None = None

    def widgets(self) -> list[QWidget]:
        extra = [b for b in (self.pause_button, self.resume_button) if b is not None]
        return [self.icon, self.name, self.status, self.countdown, *extra]


class ClocksPanel(QGroupBox):
    """Emits pause_requested / resume_requested with the clock kind's value."""

    pause_requested = Signal(str)
    resume_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Deadlines · 期限"), parent)
        self.setObjectName("clocks_box")
        self.grid = QGridLayout(self)
        self.grid.setColumnStretch(1, 1)
        self.grid.setVerticalSpacing(2)
        self.empty = named(QLabel(self.tr("No deadline has started yet.")), "clocks_empty")
        self.empty.setWordWrap(True)
        self.rows: dict[str, ClockRow] = {}
        self._zone = ZoneInfo("UTC")

    def set_clocks(
        self, states: Sequence[ClockState], case: CaseDetail, can_pause: bool, now: datetime
    ) -> None:
        """The case's clocks, or why none runs yet (a notice not yet served)."""
        self.empty.setText(
            self.tr(
                "No deadline yet: the defence period starts when the time of service is "
                "recorded from the proof of service."
            )
            if awaiting_service(case.state, case.served_at)
            else self.tr("No deadline has started yet.")
        )
        self._show_clocks(states, case.fair_timezone, can_pause, now)

    def _show_clocks(
        self, states: Sequence[ClockState], timezone: str, can_pause: bool, now: datetime
    ) -> None:
        for row in self.rows.values():
            for widget in row.widgets():
                self.grid.removeWidget(widget)
                widget.hide()
                widget.deleteLater()
        self.grid.removeWidget(self.empty)
        self.rows = {}
        self._zone = ZoneInfo(timezone)
        if not states:
            self.grid.addWidget(self.empty, 0, 0, 1, 3)
            self.empty.show()
            return
        self.empty.hide()
        # Running and paused clocks first: they are the ones the desk watches.
        order = {ClockStatus.OVERDUE: 0, ClockStatus.RUNNING: 1, ClockStatus.PAUSED: 2}
        for line, state in enumerate(sorted(states, key=lambda s: order.get(s.status, 3))):
            row = ClockRow(state)
            kind = state.kind.value
            if can_pause and state.status in (ClockStatus.RUNNING, ClockStatus.OVERDUE):
                row.pause_button = named(QPushButton(), f"pause_{kind}_button")
                row.pause_button.setProperty(
                    "label", self.tr("Pause {0}").format(tr(CLOCKS_SHORT[kind]))
                )
                row.pause_button.setToolTip(self.tr("Stop this deadline for a while; asks why"))
                row.pause_button.clicked.connect(
                    lambda _=False, k=kind: self.pause_requested.emit(k)
                )
            if can_pause and state.status is ClockStatus.PAUSED:
                row.resume_button = named(QPushButton(), f"resume_{kind}_button")
                row.resume_button.setProperty(
                    "label", self.tr("Resume {0}").format(tr(CLOCKS_SHORT[kind]))
                )
                row.resume_button.clicked.connect(
                    lambda _=False, k=kind: self.resume_requested.emit(k)
                )
            # Two lines a clock: name and countdown; due time (or why paused) and button.
            self.grid.addWidget(row.icon, 2 * line, 0)
            self.grid.addWidget(row.name, 2 * line, 1)
            self.grid.addWidget(row.countdown, 2 * line, 2, Qt.AlignmentFlag.AlignRight)
            self.grid.addWidget(row.status, 2 * line + 1, 1)
            button = row.pause_button or row.resume_button
            if button is not None:
                self.grid.addWidget(button, 2 * line + 1, 2, Qt.AlignmentFlag.AlignRight)
            for widget in row.widgets():
                widget.show()
            self.rows[kind] = row
        self.tick(now)

    def buttons(self) -> list[QPushButton]:
        return [
            b
            for row in self.rows.values()
            for b in (row.pause_button, row.resume_button)
            if b is not None
        ]

    def _why(self, s: ClockState) -> str:
        """Why a deadline is later (or earlier) than its period: the clock's own reasons,
        so a 24 h defence period due after 26 h is not taken for a mistake."""
        if not (s.moved_to_opening or s.capped_at_close) or s.period is None:
            return ""
        hours, minutes = divmod(int(s.period.total_seconds()) // 60, 60)
        period = (
            self.tr("{0} h").format(hours)
            if not minutes
            else self.tr("{0} h {1} min").format(hours, minutes)
        )
        if s.opening_hours_only:
            period = self.tr("{0} of opening hours").format(period)
        start = local_time(s.started_at, self._zone)
        end = local_time(s.counted_end, self._zone)
        if s.capped_at_close:
            return self.tr(
                "({0} from {1} would end {2}, after the fair closes: due at the close.)"
            ).format(period, start, end)
        return self.tr(
            "({0} from {1} ends {2}, when the fair is closed: due at its next opening.)"
        ).format(period, start, end)

    def tick(self, now: datetime) -> None:
        """Redraw every countdown for `now` (called every 30 s and after each reload)."""
        style = self.style()
        for row in self.rows.values():
            s = row.state
            due = local_time(s.due_at, self._zone)
            overdue = s.status in (ClockStatus.RUNNING, ClockStatus.OVERDUE) and (
                s.due_at is not None and now > s.due_at
            )
            if s.status is ClockStatus.STOPPED:
                status = self.tr("stopped {0}").format(local_time(s.stopped_at, self._zone))
                text = ""
                icon = QStyle.StandardPixmap.SP_DialogApplyButton
            elif s.status is ClockStatus.PAUSED:
                status = self.tr("PAUSED: {0}").format(s.paused_reason or self.tr("no reason"))
                left = _span(s.remaining) if s.remaining is not None else "?"
                text = self.tr("{0} left when resumed").format(left)
                icon = QStyle.StandardPixmap.SP_MediaPause
            else:
                status = " ".join(filter(None, (self.tr("due {0}").format(due), self._why(s))))
                text = countdown(s.due_at, now, s.capped_at_close)
                icon = (
                    QStyle.StandardPixmap.SP_MessageBoxWarning
                    if overdue
                    else QStyle.StandardPixmap.SP_BrowserReload
                )
            row.status.setText(status)
            row.countdown.setText(text)
            row.countdown.setStyleSheet(
                "font-weight: bold; color: #b00020;" if overdue else "font-weight: bold;"
            )
            row.icon.setPixmap(style.standardIcon(icon).pixmap(18, 18))
            row.icon.setToolTip(s.status.value)
