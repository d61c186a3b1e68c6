"""The desk's quick log of a consultation (咨询): topic, nationality, language, note."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from fairdesk.domain.errors import FairDeskError
from fairdesk.i18n import error_text
from fairdesk.services.context import Context
from fairdesk.services.organizer.consultations import (
    LANGUAGES,
    TOPICS,
    ConsultationInfo,
    log_consultation,
)


class ConsultationDialog(QDialog):
    """Enter logs it and clears the form for the next visitor; Close ends."""

    def __init__(self, ctx: Context, fair_code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.fair_code = fair_code
        self.logged: list[ConsultationInfo] = []
        self.setObjectName("consultation_dialog")
        self.setWindowTitle(self.tr("Log a consultation / 咨询登记"))
        form = QFormLayout()
        self.topic_combo = QComboBox()
        self.topic_combo.setObjectName("topic_combo")
        self.topic_combo.setEditable(True)
        for code, label in TOPICS:
            self.topic_combo.addItem(label, code)
        form.addRow(self.tr("&Topic"), self.topic_combo)
        self.nationality_edit = QLineEdit()
        self.nationality_edit.setObjectName("nationality_edit")
        self.nationality_edit.setPlaceholderText(self.tr("e.g. 德国 / Germany"))
        form.addRow(self.tr("&Nationality"), self.nationality_edit)
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("language_combo")
        self.language_combo.setEditable(True)
        self.language_combo.addItems(LANGUAGES)
        form.addRow(self.tr("&Language"), self.language_combo)
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("note_edit")
        form.addRow(self.tr("N&ote"), self.note_edit)
        self.status_label = QLabel()
        self.status_label.setObjectName("status_label")
        self.status_label.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status_label)
        layout.addWidget(buttons)

    def topic(self) -> str:
        text = self.topic_combo.currentText().strip()
        index = self.topic_combo.findText(text)
        data: Any = self.topic_combo.itemData(index) if index >= 0 else None
        return str(data) if data else text

    def accept(self) -> None:
        """Validate and log; the dialog stays open for the next consultation."""
        try:
            info = log_consultation(
                self.ctx,
                self.fair_code,
                self.topic(),
                self.nationality_edit.text(),
                self.language_combo.currentText(),
                self.note_edit.text(),
            )
        except FairDeskError as exc:
            self.status_label.setStyleSheet("color: #a00;")
            self.status_label.setText(error_text(exc))
            return
        self.logged.append(info)
        self.status_label.setStyleSheet("")
        self.status_label.setText(
            self.tr("Logged: {0} ({1} today in this window).").format(info.topic, len(self.logged))
        )
        self.note_edit.clear()
        self.nationality_edit.clear()
        self.topic_combo.setFocus()
