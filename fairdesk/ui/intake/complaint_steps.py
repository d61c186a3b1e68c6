"""What the desk is asked before it saves a complaint with a decision: the missing items of
a notice to supplement (with the deadline the rule set gives), or why it is not accepted;
and the row of buttons that save the complaint and take those steps."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fairdesk.domain import workflow
from fairdesk.i18n import current_language, format_date, format_number, format_time, weekday_name
from fairdesk.services.intake.lookup import SupplementDeadline
from fairdesk.ui.common.combo_search import make_searchable
from fairdesk.ui.common.named import named
from fairdesk.ui.intake.complaint_widgets import Field


def _t(text: str) -> str:
    return QCoreApplication.translate("complaint_steps", text)


def _form_tr(text: str) -> str:
    return QCoreApplication.translate("ComplaintForm", text)


class StepButtons(QHBoxLayout):
    """Cancel on the left; save as a draft, ask for supplements, reject, accept on the
    right; Close takes their place once the complaint is saved."""

    def __init__(self) -> None:
        super().__init__()
        self.cancel_button = named(QPushButton(_form_tr("Cancel")), "cancel_button")
        self.draft_button = named(QPushButton(_form_tr("Save &draft")), "save_draft_button")
        self.draft_button.setToolTip(_form_tr("Register the complaint without deciding (Ctrl+S)"))
        self.supplement_button = named(
            QPushButton(_form_tr("Ask for &supplements…")), "supplement_button"
        )
        self.reject_button = named(QPushButton(_form_tr("Re&ject…")), "reject_button")
        self.accept_button = named(QPushButton(_form_tr("&Accept")), "accept_button")
        self.close_button = named(QPushButton(_form_tr("Close")), "close_button")
        self.close_button.hide()
        self.addWidget(self.cancel_button)
        self.addStretch(1)
        for button in self.buttons()[1:]:
            self.addWidget(button)

    def buttons(self) -> list[QPushButton]:
        """The buttons, left to right."""
        return [
            self.cancel_button,
            self.draft_button,
            self.supplement_button,
            self.reject_button,
            self.accept_button,
            self.close_button,
        ]


def deadline_text(deadline: SupplementDeadline) -> str:
    when = f"{format_date(deadline.due_at.date())} ({weekday_name(deadline.due_at.date())}) "
    when += format_time(deadline.due_at)
    hours = format_number(deadline.hours, 0 if deadline.hours == int(deadline.hours) else 1)
    span = (
        _t("{0} opening hours").format(hours)
        if deadline.opening_hours_only
        else _t("{0} h").format(hours)
    )
    text = _t("{0} ({1}, rule set “{2}”)").format(when, span, deadline.rule_set)
    if deadline.capped_at_close:
        text += _t("; the fair closes first, so the deadline is its closing time")
    return text


class SupplementDialog(QDialog):
    """Ask for supplements: the list of missing materials, prefilled, and the deadline."""

    def __init__(self, missing: str, deadline: SupplementDeadline, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("supplement_dialog")
        self.setWindowTitle(self.tr("Ask for supplements"))
        self.items_edit = named(QPlainTextEdit(missing), "missing_items")
        self.items_edit.setTabChangesFocus(True)
        self.items_edit.setAccessibleName(self.tr("Missing materials"))
        self.items_field = Field(self.items_edit)
        label = QLabel(self.tr("&Missing materials (one per line; printed on the notice):"))
        label.setBuddy(self.items_edit)
        self.deadline_label = named(QLabel(), "supplement_deadline")
        self.deadline_label.setWordWrap(True)
        self.deadline_label.setText(
            self.tr(
                "The complainant must supplement by {0}. If not, the complaint is not "
                "accepted (2006 Measures Art 9)."
            ).format(deadline_text(deadline))
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Save and ask for supplements"))
        ok.setObjectName("supplement_ok")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.items_field)
        layout.addWidget(self.deadline_label)
        layout.addWidget(buttons)
        self.resize(560, 320)
        self.items_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def items(self) -> str:
        return self.items_edit.toPlainText().strip()

    def accept(self) -> None:
        if not self.items():
            self.items_field.show_error(self.tr("List what the complainant must supply."))
            self.items_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().accept()


class RejectDialog(QDialog):
    """Not accepted (不予受理): the reason code, in words, and an optional note."""

    def __init__(self, suggested: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reject_dialog")
        self.setWindowTitle(self.tr("Reject the complaint"))
        self.reason_combo = named(QComboBox(), "reject_reason")
        self.reason_combo.addItem(self.tr("— choose why it is not accepted —"), "")
        # The reasons the step takes, in the vocabulary's words (as the service checks them).
        reason_field = workflow.step(workflow.Entity.COMPLAINT, "reject").field("reason_code")
        assert reason_field is not None and reason_field.choices is not None
        found_by = [""]
        for code in reason_field.codes():
            words = reason_field.choices.words(code)
            text = words.zh if current_language() == "zh_CN" else f"{words.en} · {words.zh}"
            self.reason_combo.addItem(text, code)
            found_by.append(f"{words.en} {words.zh}")
        # Typed words of either language choose a reason at once, as in a step dialog.
        make_searchable(self.reason_combo, found_by, follows_typing=True)
        if suggested:
            self.reason_combo.setCurrentIndex(max(0, self.reason_combo.findData(suggested)))
        self.reason_combo.setAccessibleName(self.tr("Reason for not accepting"))
        self.reason_field = Field(self.reason_combo)
        reason_label = QLabel(self.tr("&Reason:"))
        reason_label.setBuddy(self.reason_combo)
        self.note_edit = named(QPlainTextEdit(), "reject_note")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.note_edit.setPlaceholderText(self.tr("Optional: what the complainant is told"))
        note_label = QLabel(self.tr("&Note:"))
        note_label.setBuddy(self.note_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Save and reject"))
        ok.setObjectName("reject_ok")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(reason_label)
        layout.addWidget(self.reason_field)
        layout.addWidget(note_label)
        layout.addWidget(self.note_edit)
        layout.addWidget(buttons)
        self.resize(560, 280)
        self.reason_combo.setFocus(Qt.FocusReason.OtherFocusReason)

    def reason_code(self) -> str:
        return str(self.reason_combo.currentData() or "")

    def note(self) -> str:
        return self.note_edit.toPlainText().strip()

    def accept(self) -> None:
        if not self.reason_code():
            self.reason_field.show_error(self.tr("Choose why the complaint is not accepted."))
            self.reason_combo.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().accept()
