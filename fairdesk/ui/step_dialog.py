"""The dialog that asks a workflow step's required parameters.

Its fields are built from the step's `Transition.requires` (the same table the service
checks): a requirement with choices becomes a combo box with readable labels, the legal
basis a text prefilled from the fair's rule set (editable), any other text a
QPlainTextEdit. accept() refuses a missing value with the words the service would use,
then hands the values to `apply`; if that raises a FairDeskError (another desk changed
the case, the database is locked, ...) the message is shown here and the dialog stays
open with everything the user typed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from fairdesk.domain.errors import FairDeskError
from fairdesk.domain.workflow import REASON, Requirement
from fairdesk.i18n import domain_word, error_text
from fairdesk.ui.case_labels import CHOICES, assign_mnemonics, both, tr

REASON_NAME = REASON.name  # passed to the services as `reason=`, not as a parameter


@dataclass(frozen=True)
class Extra:
    """An optional field a step takes besides its requirements (e.g. a storage place)."""

    name: str
    label: str
    kind: str = "line"  # line | text | check


# Optional parameters the services read for some steps (see services/steps.py).
EXTRAS: dict[str, tuple[Extra, ...]] = {
    "order_remedy": (
        Extra(
            "storage_place",
            QT_TRANSLATE_NOOP("case_labels", "Storage place (needed to detain exhibits)"),
        ),
        Extra(
            "undertaking_signed",
            QT_TRANSLATE_NOOP("case_labels", "The respondent signed the undertaking"),
            "check",
        ),
    ),
}
NOTE = Extra(
    REASON_NAME, QT_TRANSLATE_NOOP("case_labels", "Note (why; shown in the timeline)"), "text"
)


def _lines(edit: QPlainTextEdit, lines: int) -> None:
    """Size a text box for about `lines` lines; it scrolls beyond that."""
    height = edit.fontMetrics().lineSpacing() * lines
    edit.setFixedHeight(height + 2 * edit.frameWidth() + 12)


def field_name(name: str) -> str:
    """The objectName of the field that edits parameter `name`."""
    return f"{name}_field"


class StepDialog(QDialog):
    """Ask for `requires` (and optional `extras`); `apply(params, reason)` takes the step.

    `step_name` names the step in messages ("'Record the defence' needs ...", as the
    services word it); it defaults to the title.

    `prefill` gives start values by parameter name; `legal_basis_for(trigger)` returns
    the rule set's citation for a chosen trigger, so the legal basis follows the trigger
    until the user edits it.
    """

    def __init__(
        self,
        title: str,
        requires: Sequence[Requirement],
        *,
        subtitle: str = "",
        step_name: str = "",
        extras: Sequence[Extra] = (),
        prefill: Mapping[str, Any] | None = None,
        legal_basis_for: Callable[[str], str] | None = None,
        apply: Callable[[dict[str, Any], str], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("step_dialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        self._step_name = step_name or title
        self._requires = tuple(requires)
        self._apply = apply
        self._legal_basis_for = legal_basis_for
        self._basis_auto = ""  # the text last filled in automatically
        self.fields: dict[str, QWidget] = {}
        prefill = dict(prefill or {})

        heading = QLabel(title, objectName="step_title")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        heading.setFont(font)
        heading.setTextFormat(Qt.TextFormat.PlainText)

        self.error_icon = QLabel(objectName="step_error_icon")
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.error_icon.setPixmap(icon.pixmap(24, 24))
        self.error_label = QLabel(objectName="step_error")
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_box = QWidget(objectName="step_error_box")
        self.error_box.setStyleSheet(
            "#step_error_box { background: #fff4e5; border: 1px solid #b35c00; }"
        )
        error_row = QHBoxLayout(self.error_box)
        error_row.addWidget(self.error_icon, 0, Qt.AlignmentFlag.AlignTop)
        error_row.addWidget(self.error_label, 1)
        self.error_box.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        rows: list[tuple[str, QWidget]] = []
        for req in self._requires:
            widget = self._make_field(req.name, req.choices, prefill.get(req.name))
            rows.append((self._field_label(domain_word(req.label), required=True), widget))
        optional = list(extras)
        if not any(r.name == REASON_NAME for r in self._requires):
            optional.append(NOTE)
        for extra in optional:
            widget = self._make_extra(extra, prefill.get(extra.name))
            text = tr(extra.label)
            rows.append((text if extra.kind == "check" else self._field_label(text), widget))
        # Alt+letter reaches every field; "a" stays for Apply.
        for (_text, widget), marked in zip(
            rows, assign_mnemonics((t for t, _ in rows), reserved="a"), strict=True
        ):
            if isinstance(widget, QCheckBox):
                widget.setText(marked)
                form.addRow("", widget)
            else:
                label = QLabel(marked)
                label.setBuddy(widget)
                form.addRow(label, widget)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("step_ok")
        self.ok_button.setText(self.tr("&Apply (Ctrl+Enter)"))
        self.ok_button.setShortcut("Ctrl+Return")
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("step_cancel")
        cancel.setText(self.tr("Cancel (Esc)"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        if subtitle:
            sub = QLabel(subtitle, objectName="step_subtitle")
            sub.setTextFormat(Qt.TextFormat.PlainText)
            sub.setWordWrap(True)
            layout.addWidget(sub)
        layout.addWidget(self.error_box)
        layout.addLayout(form)
        if self._requires:
            note = QLabel(self.tr("* required"), objectName="step_required_note")
            note.setEnabled(False)
            layout.addWidget(note)
        layout.addWidget(self.buttons)

        trigger = self.fields.get("trigger")
        if isinstance(trigger, QComboBox) and "legal_basis" in self.fields:
            trigger.currentIndexChanged.connect(self._trigger_changed)
        basis = self.fields.get("legal_basis")
        if isinstance(basis, QPlainTextEdit) and not basis.toPlainText() and legal_basis_for:
            self._fill_basis(legal_basis_for(""))
        first = next(iter(self.fields.values()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- building -----------------------------------------------------------------------
    def _field_label(self, text: str, *, required: bool = False) -> str:
        text = text[:1].upper() + text[1:]
        return f"{text}{' *' if required else ''}:"

    def _make_field(self, name: str, choices: Sequence[str], value: Any) -> QWidget:
        widget: QWidget
        if choices:
            combo = QComboBox()
            combo.addItem(self.tr("Choose…"), "")
            words = CHOICES.get(name)
            for code in choices:
                combo.addItem(both(words, code) if words is not None else code, code)
            if value:
                combo.setCurrentIndex(max(combo.findData(str(value)), 0))
            widget = combo
        else:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            _lines(edit, 4 if name == "legal_basis" else 3)
            if value:
                edit.setPlainText(str(value))
            widget = edit
        widget.setObjectName(field_name(name))
        self.fields[name] = widget
        return widget

    def _make_extra(self, extra: Extra, value: Any) -> QWidget:
        widget: QWidget
        if extra.kind == "check":
            widget = QCheckBox()
            widget.setChecked(bool(value))
        elif extra.kind == "text":
            widget = QPlainTextEdit()
            widget.setTabChangesFocus(True)
            _lines(widget, 2)
            if value:
                widget.setPlainText(str(value))
        else:
            widget = QLineEdit(str(value or ""))
        widget.setObjectName(field_name(extra.name))
        self.fields[extra.name] = widget
        return widget

    def _fill_basis(self, text: str) -> None:
        basis = self.fields["legal_basis"]
        assert isinstance(basis, QPlainTextEdit)
        current = basis.toPlainText()
        if current and current != self._basis_auto:
            return  # the user wrote their own: leave it
        basis.setPlainText(text)
        self._basis_auto = text

    def _trigger_changed(self) -> None:
        if self._legal_basis_for is not None:
            self._fill_basis(self._legal_basis_for(str(self.value("trigger"))))

    # -- values -------------------------------------------------------------------------
    def value(self, name: str) -> Any:
        widget = self.fields[name]
        if isinstance(widget, QComboBox):
            return widget.currentData() or ""
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText().strip()
        if isinstance(widget, QLineEdit):
            return widget.text().strip()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        raise TypeError(name)

    def values(self) -> dict[str, Any]:
        """Everything entered, by parameter name (the reason included)."""
        return {name: self.value(name) for name in self.fields}

    def params(self) -> tuple[dict[str, Any], str]:
        """(keyword parameters for the service, reason)."""
        values = self.values()
        reason = str(values.pop(REASON_NAME, "") or "")
        return {k: v for k, v in values.items() if v not in ("", None)}, reason

    # -- feedback -----------------------------------------------------------------------
    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_box.show()

    def error_text(self) -> str:
        return "" if self.error_box.isHidden() else self.error_label.text()

    def set_apply_enabled(self, enabled: bool) -> None:
        self.ok_button.setEnabled(enabled)

    def missing(self) -> tuple[str, str] | None:
        """(parameter name, message) of the first requirement not met, or None."""
        for req in self._requires:
            value = str(self.value(req.name)).strip()
            if not value:
                return req.name, self.tr("'{0}' needs {1}.").format(
                    self._step_name, domain_word(req.label)
                )
            if req.choices and value not in req.choices:
                return req.name, self.tr("'{0}': choose {1}.").format(
                    self._step_name, domain_word(req.label)
                )
        return None

    def accept(self) -> None:
        problem = self.missing()
        if problem is not None:
            name, message = problem
            self.show_error(message)
            self.fields[name].setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if self._apply is not None:
            params, reason = self.params()
            try:
                self._apply(params, reason)
            except FairDeskError as exc:
                self.show_error(error_text(exc))
                return
        super().accept()
