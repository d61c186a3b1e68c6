"""The desk's quick log of a consultation (咨询): topic, nationality, language, note."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QDialog, QWidget

from fairdesk.domain.errors import FairDeskError
from fairdesk.i18n import error_text
from fairdesk.services.context import Context
from fairdesk.services.organizer.consultations import (
    LANGUAGES,
    TOPICS,
    ConsultationInfo,
    log_consultation,
)
from fairdesk.ui.forms.ui_consultation_dialog import Ui_ConsultationDialog


class ConsultationDialog(QDialog):
    """Enter logs it and clears the form for the next visitor; Close ends."""

    def __init__(self, ctx: Context, fair_code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.fair_code = fair_code
        self.logged: list[ConsultationInfo] = []
        self.ui = Ui_ConsultationDialog()  # the layout: ui/consultation_dialog.ui
        self.ui.setupUi(self)
        self.setObjectName("consultation_dialog")
        self.topic_combo, self.language_combo = self.ui.topic_combo, self.ui.language_combo
        self.nationality_edit, self.note_edit = self.ui.nationality_edit, self.ui.note_edit
        self.status_label = self.ui.status_label
        for code, label in TOPICS:
            self.topic_combo.addItem(label, code)
        for code, label in LANGUAGES:
            self.language_combo.addItem(label, code)
        self.ui.button_box.accepted.connect(self.accept)
        self.ui.button_box.rejected.connect(self.reject)

    def topic(self) -> str:
        return _code_or_text(self.topic_combo)

    def language(self) -> str:
        return _code_or_text(self.language_combo)

    def accept(self) -> None:
        """Validate and log; the dialog stays open for the next consultation."""
        try:
            info = log_consultation(
                self.ctx,
                self.fair_code,
                self.topic(),
                self.nationality_edit.text(),
                self.language(),
                self.note_edit.text(),
            )
        except FairDeskError as exc:
            self.status_label.setStyleSheet("color: #a00;")
            self.status_label.setText(error_text(exc))
            return
        self.logged.append(info)
        self.status_label.setStyleSheet("")
        self.status_label.setText(
            self.tr("Logged: {0} ({1} today in this window).").format(
                self.topic_combo.currentText().strip(), len(self.logged)
            )
        )
        self.note_edit.clear()
        self.nationality_edit.clear()
        self.topic_combo.setFocus()


def _code_or_text(combo: QComboBox) -> str:
    """The code of the offered item shown, or the text typed in its place."""
    text = combo.currentText().strip()
    index = combo.findText(text)
    data: Any = combo.itemData(index) if index >= 0 else None
    return str(data) if data else text
