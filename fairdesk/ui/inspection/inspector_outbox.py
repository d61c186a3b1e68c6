"""What waits on this laptop: the outbox's entries, with send, retry and discard."""

from __future__ import annotations

from typing import cast
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QWidget,
)

from fairdesk.i18n import format_datetime, pick
from fairdesk.services.inspection.outbox import (
    FAILED,
    RECHECK,
    ROUND_CLOSE,
    ROUND_START,
    VISIT,
    Entry,
    Outbox,
)
from fairdesk.services.inspection.patrols import FINDING_LABELS
from fairdesk.services.inspection.rechecks import RESULT_LABELS
from fairdesk.ui.common.named import named
from fairdesk.ui.forms.ui_outbox_dialog import Ui_OutboxDialog

STATUS = {
    "waiting": QT_TRANSLATE_NOOP("OutboxDialog", "waiting to send"),
    "failed": QT_TRANSLATE_NOOP("OutboxDialog", "refused by the server"),
    "sent": QT_TRANSLATE_NOOP("OutboxDialog", "sent"),
}


class OutboxDialog(QDialog):
    send_requested = Signal()

    def __init__(
        self, outbox: Outbox, username: str, zone: ZoneInfo | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_OutboxDialog()  # the layout: ui/outbox_dialog.ui
        self.ui.setupUi(self)
        self.setObjectName("outbox_dialog")
        self.outbox = outbox
        self.username = username
        self.zone = zone
        self.entries: list[Entry] = []
        self.intro, self.table, buttons = self.ui.intro, self.ui.outbox_table, self.ui.buttons
        self.intro.setText(self.intro.text().format(outbox.path))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Recorded"), self.tr("What"), self.tr("Status"), self.tr("Server said")]
        )
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        buttons.rejected.connect(self.reject)
        self.send_button = named(QPushButton(self.tr("Send now")), "send_now_button")
        self.retry_button = named(QPushButton(self.tr("Retry")), "retry_button")
        self.discard_button = named(QPushButton(self.tr("Discard…")), "discard_button")
        for button in (self.send_button, self.retry_button, self.discard_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.send_button.clicked.connect(self._send)
        self.retry_button.clicked.connect(self._retry)
        self.discard_button.clicked.connect(self._discard)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.reload()

    def reload(self) -> None:
        self.entries = self.outbox.pending(self.username)
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            cells = (
                format_datetime(entry.created_at.astimezone(self.zone), seconds=True),
                self.describe(entry)
                + (self.tr(" · {0} photo(s)").format(entry.photos) if entry.photos else ""),
                # QT_TRANSLATE_NOOP gives back its text, which the stubs call object.
                self.tr(cast(str, STATUS[entry.status]))
                if entry.status in STATUS
                else entry.status,
                entry.last_error,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if entry.status == FAILED:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self._update_buttons()

    def describe(self, entry: Entry) -> str:
        """What the entry records, in the desk's language (its stored summary is English)."""
        p = entry.payload
        if entry.kind == ROUND_START and p.get("hall"):
            return self.tr("Round starts in hall {0}").format(p["hall"])
        if entry.kind == ROUND_CLOSE:
            return self.tr("Round closed")
        if entry.kind == VISIT and p.get("finding") in FINDING_LABELS:
            return f"{p.get('target', '')}: {pick(*FINDING_LABELS[p['finding']])}"
        if entry.kind == RECHECK and p.get("result") in RESULT_LABELS:
            result = pick(*RESULT_LABELS[p["result"]])
            return self.tr("Re-check {0}: {1}").format(p.get("case_number", ""), result)
        return entry.summary

    def _selected(self) -> Entry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.entries[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        entry = self._selected()
        failed = entry is not None and entry.status == FAILED
        self.retry_button.setEnabled(failed)
        self.discard_button.setEnabled(failed)
        self.send_button.setEnabled(bool(self.entries))

    def _send(self) -> None:
        self.send_requested.emit()

    def _retry(self) -> None:
        entry = self._selected()
        if entry is not None:
            self.outbox.retry(entry.id)
            self.reload()
            self.send_requested.emit()

    def _discard(self) -> None:
        entry = self._selected()
        if entry is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Discard"),
            self.tr("Discard '{0}' for good? It will never reach the server.").format(
                self.describe(entry)
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.outbox.discard(entry.id)
            self.reload()
