"""The dialog that asks a workflow step's fields.

Its fields are the step's `Step.fields`, as the domain declares them (the same table the
service checks): TEXT a QPlainTextEdit; LINE, DATE and DATETIME a QLineEdit; CHOICE a
combo box with the words of the field's vocabulary (its default chosen), found as typed in
either language (combo_search); CHOICES a list of
check boxes; FLAG a check box. A required field is marked with a star, a field required
only when another has a value (`required_when`) gets its star as soon as that value is
chosen. The legal basis is
prefilled from the fair's rule set and follows the chosen trigger until the user edits it.

accept() asks `workflow.field_problems` (the words the service would use), then hands the
values to `apply`; if that raises a FairDeskError (the service refuses, another desk changed
the case, the database is locked, ...) the message is shown here and the dialog stays open
with everything the user typed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from fairdesk.domain.errors import FairDeskError
from fairdesk.domain.vocabulary import Words
from fairdesk.domain.workflow import (
    REASON_NAME,
    Entity,
    Field,
    FieldKind,
    Step,
    asked,
    field_problems,
)
from fairdesk.i18n import current_language, error_text
from fairdesk.ui.common.case_labels import assign_mnemonics
from fairdesk.ui.common.combo_search import make_searchable
from fairdesk.ui.common.named import named
from fairdesk.ui.forms.ui_step_dialog import Ui_StepDialog


def _lines(edit: QPlainTextEdit, lines: int) -> None:
    """Size a text box for about `lines` lines; it scrolls beyond that."""
    height = edit.fontMetrics().lineSpacing() * lines
    edit.setFixedHeight(height + 2 * edit.frameWidth() + 12)


def field_name(name: str) -> str:
    """The objectName of the widget that edits field `name`."""
    return f"{name}_field"


def desk_words(words: Words) -> str:
    """A domain word in the desk's language."""
    return words.in_language(current_language())


def choice_words(words: Words) -> str:
    """A choice as the desk reads it: Chinese alone on a Chinese desk, else English with
    the Chinese (the words on the paper the desk hands out)."""
    if current_language() == "zh_CN" or words.en == words.zh:
        return words.zh
    return f"{words.en} · {words.zh}"


def give_back_focus(widget: QWidget) -> None:
    """A dialog over `widget` closed: its window is active again and the keyboard is back
    where it was (or on `widget`), so Alt+letter works without a click first. Without a
    window manager, or on some desktops, Qt leaves no window active."""
    window = widget.window()
    window.activateWindow()
    target = widget.focusWidget() or widget
    target.setFocus(Qt.FocusReason.ActiveWindowFocusReason)


def ad_hoc_step(name: str, fields: Sequence[Field]) -> Step:
    """A step-shaped question that is not a workflow step (pausing a deadline, revoking a
    document), so its fields are checked by the same `field_problems`."""
    return Step(Entity.CASE, "", Words(name, name), frozenset(), "", frozenset(), tuple(fields))


class ChoicesBox(QWidget):
    """A CHOICES field: one check box per code, the codes ticked as its value."""

    def __init__(self, field: Field, value: Any) -> None:
        super().__init__()
        chosen = set(value or ())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        assert field.choices is not None
        for code in field.codes():
            box = named(QCheckBox(choice_words(field.choices.words(code))), f"choice_{code}")
            box.setChecked(code in chosen)
            layout.addWidget(box)
            self.boxes[code] = box

    def codes(self) -> list[str]:
        return [code for code, box in self.boxes.items() if box.isChecked()]

    def setFocus(self, reason: Qt.FocusReason = Qt.FocusReason.OtherFocusReason) -> None:  # noqa: N802
        first = next(iter(self.boxes.values()), None)
        if first is not None:
            first.setFocus(reason)


class StepDialog(QDialog):
    """Ask for a step's `fields`; `apply(params, reason)` takes the step.

    `step` is the workflow step (its fields are checked by the domain); without one, the
    dialog asks `fields` for `step_name` (e.g. a reason to pause a deadline).
    `prefill` gives start values by field name; `legal_basis_for(trigger)` returns the rule
    set's citation for a chosen trigger.
    """

    def __init__(
        self,
        title: str,
        fields: Sequence[Field],
        *,
        subtitle: str = "",
        step_name: str = "",
        step: Step | None = None,
        prefill: Mapping[str, Any] | None = None,
        legal_basis_for: Callable[[str], str] | None = None,
        apply: Callable[[dict[str, Any], str], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_StepDialog()  # the layout: ui/step_dialog.ui
        self.ui.setupUi(self)
        self.setWindowTitle(title)
        self.step = step or ad_hoc_step(step_name or title, fields)
        self._fields = tuple(fields)
        self._apply = apply
        self._legal_basis_for = legal_basis_for
        self._basis_auto = ""  # the text last filled in automatically
        self.fields: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self._label_texts: dict[str, str] = {}
        ui = self.ui
        ui.step_title.setText(title)
        font = ui.step_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        ui.step_title.setFont(font)
        ui.step_subtitle.setText(subtitle)
        ui.step_subtitle.setVisible(bool(subtitle))
        self.error_icon, self.error_label = ui.step_error_icon, ui.step_error
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.error_icon.setPixmap(icon.pixmap(24, 24))
        self.error_box = ui.step_error_box
        self.error_box.hide()
        self._fill_form(dict(prefill or {}))
        ui.step_required_note.setVisible(any(f.required or f.required_when for f in self._fields))
        self.buttons = self._make_buttons()  # after the fields: Tab reaches them last
        ui.layout.addWidget(self.buttons)

        self._connect_conditions()
        trigger = self.fields.get("trigger")
        if isinstance(trigger, QComboBox) and "legal_basis" in self.fields:
            trigger.currentIndexChanged.connect(self._trigger_changed)
        basis = self.fields.get("legal_basis")
        if isinstance(basis, QPlainTextEdit) and not basis.toPlainText() and legal_basis_for:
            self._fill_basis(legal_basis_for(str(self.value("trigger") or "")))
        first = next(iter(self.fields.values()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- building -----------------------------------------------------------------------
    def _make_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("step_ok")
        self.ok_button.setText(self.tr("&Apply (Ctrl+Enter)"))
        self.ok_button.setShortcut("Ctrl+Return")
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("step_cancel")
        cancel.setText(self.tr("Cancel (Esc)"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        return buttons

    def _fill_form(self, prefill: dict[str, Any]) -> None:
        """A labelled widget for each field; Alt+letter reaches every one."""
        form = self.ui.form
        rows = [(f, self._make_field(f, prefill.get(f.name) or f.default)) for f in self._fields]
        texts = [self._label_text(f) for f, _w in rows]
        # "a" stays for Apply.
        for (f, widget), marked in zip(rows, assign_mnemonics(texts, reserved="a"), strict=True):
            if f.kind is FieldKind.FLAG:
                assert isinstance(widget, QCheckBox)
                widget.setText(marked)
                form.addRow("", widget)
                continue
            label = named(QLabel(marked), f"{f.name}_label")
            buddy = widget.findChild(QCheckBox) if isinstance(widget, ChoicesBox) else widget
            if buddy is not None:  # a choice with no boxes has none
                label.setBuddy(buddy)
            self.labels[f.name] = label
            self._label_texts[f.name] = marked
            form.addRow(label, widget)
            if f.hint is not None:  # declared with the field: where the choice leads
                hint = named(QLabel(desk_words(f.hint)), f"{f.name}_hint")
                hint.setWordWrap(True)
                form.addRow("", hint)

    def _label_text(self, f: Field) -> str:
        text = desk_words(f.words)
        if f.kind is FieldKind.FLAG:
            return text
        text = text[:1].upper() + text[1:]
        return f"{text}{' *' if f.required else ''}:"

    def _make_field(self, f: Field, value: Any) -> QWidget:
        widget: QWidget
        if f.kind is FieldKind.CHOICE and f.choices is not None:
            combo = named(QComboBox(), field_name(f.name))
            combo.addItem(self.tr("Choose…"), "")
            found_by = [""]
            for code in f.codes():
                words = f.choices.words(code)
                combo.addItem(choice_words(words), code)
                found_by.append(f"{words.en} {words.zh}")
            if value:
                combo.setCurrentIndex(max(combo.findData(str(value)), 0))
            # Typing finds an entry by its English or Chinese words and chooses it at once.
            widget = make_searchable(combo, found_by, follows_typing=True)
        elif f.kind is FieldKind.CHOICES and f.choices is not None:
            widget = ChoicesBox(f, value)
        elif f.kind is FieldKind.FLAG:
            widget = QCheckBox()
            widget.setChecked(bool(value))
        elif f.kind in (FieldKind.DATE, FieldKind.DATETIME):
            # Typed as text; `field_problems` says what is wrong with it, like the service.
            widget = QLineEdit(str(value or ""))
            widget.setPlaceholderText(
                "YYYY-MM-DD" if f.kind is FieldKind.DATE else "YYYY-MM-DD HH:MM"
            )
        elif f.kind is FieldKind.LINE:
            widget = QLineEdit(str(value or ""))
            widget.setMaxLength(f.max_length)
        else:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            _lines(edit, 4 if f.name == "legal_basis" else 3 if f.required else 2)
            if value:
                edit.setPlainText(str(value))
            widget = edit
        widget.setObjectName(field_name(f.name))
        widget.setAccessibleName(desk_words(f.words))
        self.fields[f.name] = widget
        return widget

    def _connect_conditions(self) -> None:
        """Star a field that becomes required when another field gets a value."""
        for f in self._fields:
            if f.required_when is None:
                continue
            other = self.fields.get(f.required_when[0])
            if isinstance(other, QComboBox):
                other.currentIndexChanged.connect(self._update_conditions)
        self._update_conditions()

    def _update_conditions(self) -> None:
        for f in self._fields:
            if f.required_when is None or f.name not in self.labels:
                continue
            name, wanted = f.required_when
            text = self._label_texts[f.name]
            needed = asked(f, {name: self.value(name)})
            if needed:
                text = text.rstrip(":") + " *:"
            self.labels[f.name].setText(text)
            # Asked only when it means something (the court of a prior decision, for
            # that trigger): hidden otherwise, and what it held is not sent.
            self.labels[f.name].setVisible(needed)
            self.fields[f.name].setVisible(needed)

    def required_now(self, name: str) -> bool:
        """Whether field `name` shows the required star now."""
        label = self.labels.get(name)
        return label is not None and "*" in label.text()

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
        widget = self.fields.get(name)
        if widget is None:
            return ""
        if isinstance(widget, QComboBox):
            return widget.currentData() or ""
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText().strip()
        if isinstance(widget, QLineEdit):
            return widget.text().strip()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, ChoicesBox):
            return widget.codes()
        raise TypeError(name)

    def values(self) -> dict[str, Any]:
        """Everything entered in the fields asked now, by field name (the reason included)."""
        return {
            name: self.value(name)
            for name in self.fields
            if name not in self.labels or not self.labels[name].isHidden()
        }

    def params(self) -> tuple[dict[str, Any], str]:
        """(keyword parameters for the service, reason)."""
        values = self.values()
        reason = str(values.pop(REASON_NAME, "") or "")
        return {k: v for k, v in values.items() if v not in ("", None, [], False)}, reason

    # -- feedback -----------------------------------------------------------------------
    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_box.show()

    def error_text(self) -> str:
        return "" if self.error_box.isHidden() else self.error_label.text()

    def set_apply_enabled(self, enabled: bool) -> None:
        self.ok_button.setEnabled(enabled)

    def missing(self) -> tuple[str, str] | None:
        """(field name, message) of the first problem `field_problems` finds, or None."""
        problems = field_problems(self.step, self.values())
        if not problems:
            return None
        first = problems[0]
        return first.field, error_text(first.exception())

    def accept(self) -> None:
        problem = self.missing()
        if problem is not None:
            name, message = problem
            self.show_error(message)
            widget = self.fields.get(name)
            if widget is not None:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if self._apply is not None:
            params, reason = self.params()
            try:
                self._apply(params, reason)
            except FairDeskError as exc:
                self.show_error(error_text(exc))
                return
        super().accept()
