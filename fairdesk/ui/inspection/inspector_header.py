"""The inspector window's header: the fair and hall chosen, the round, whether the server
answers and what waits on this laptop. It only shows; the window decides."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QWidget

from fairdesk.i18n import format_time
from fairdesk.services.fair.fairs import FairInfo
from fairdesk.services.inspection.outbox import Entry
from fairdesk.ui.forms.ui_inspector_header import Ui_InspectorHeader


class InspectorHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_InspectorHeader()  # the layout: ui/inspector_header.ui
        self.ui.setupUi(self)
        self.setObjectName("inspector_header")
        self.fair_combo, self.hall_combo = self.ui.fair_combo, self.ui.hall_combo
        self.round_button, self.round_label = self.ui.round_button, self.ui.round_label
        self.connection_label = self.ui.connection_label
        self.outbox_button = self.ui.outbox_button

    def set_fairs(self, infos: list[FairInfo], today: date) -> None:
        """The fairs to choose from, the one running today chosen (no signal: the window
        reads the fair chosen itself)."""
        self.fair_combo.blockSignals(True)
        self.fair_combo.clear()
        current = 0
        for i, info in enumerate(infos):
            self.fair_combo.addItem(f"{info.code} · {info.name}", info.code)
            if info.start_date <= today <= info.end_date:
                current = i
        self.fair_combo.setCurrentIndex(current)
        self.fair_combo.blockSignals(False)

    def set_halls(self, halls: list[str]) -> None:
        self.hall_combo.blockSignals(True)
        self.hall_combo.clear()
        for hall in halls:
            self.hall_combo.addItem(hall, hall)
        self.hall_combo.blockSignals(False)

    def current_hall(self) -> str:
        return str(self.hall_combo.currentData() or "")

    def show_offline(self, message: str) -> None:
        self.connection_label.setText(self.tr("⚠ Server unreachable — findings are kept here"))
        self.connection_label.setToolTip(message)
        self.connection_label.setStyleSheet(
            "background: #fff3cd; color: #5c4400; padding: 4px 8px; border: 1px solid #e0c060;"
        )

    def show_online(self) -> None:
        self.connection_label.setText(self.tr("Server connected"))
        self.connection_label.setToolTip("")
        self.connection_label.setStyleSheet("color: #2e7d32; padding: 4px 8px;")

    def show_outbox_unusable(self, message: str) -> None:
        self.outbox_button.setText(self.tr("Outbox unusable"))
        self.outbox_button.setToolTip(message)

    def show_outbox(self, pending: list[Entry]) -> None:
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

    def show_no_round(self) -> None:
        self.round_button.setText(self.tr("Start round  (F9)"))
        self.round_label.setText(self.tr("No round open"))

    def show_round(
        self, hall: str, started: datetime | None, zone: ZoneInfo | None, visits: int
    ) -> None:
        self.round_button.setText(self.tr("Close round  (F9)"))
        since = format_time(started.astimezone(zone)) if started else ""
        counted = self.tr("1 visit") if visits == 1 else self.tr("{0} visits").format(visits)
        self.round_label.setText(
            self.tr("Round · hall {0} · since {1} · {2}").format(hall, since, counted)
        )
