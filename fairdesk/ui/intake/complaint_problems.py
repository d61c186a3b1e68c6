"""What stops the complaint form from saving, shown twice: under each field, and as a list
at the top of the form (the "error summary"), which stays in sight whatever is scrolled.

A problem is (the field, what is wrong, the section it is in). Problems found at saving
stay until their field is put right; new ones are not raised while the desk types.
Also here: the two questions the form asks when a save fails or closing would lose work.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QScrollArea, QWidget

from fairdesk.ui.common.named import named
from fairdesk.ui.intake.complaint_widgets import Field

Problem = tuple[QWidget, str, str]  # the field, what is wrong, the section it is in


def _tr(text: str) -> str:
    return QCoreApplication.translate("ComplaintForm", text)


def field_of(widget: QWidget) -> Field | None:
    parent = widget.parentWidget()
    return parent if isinstance(parent, Field) else None


def clear_field_error(widget: QWidget) -> None:
    field = field_of(widget)
    if field is not None:
        field.clear_error()


class ProblemList:
    """The form's problems on screen: the summary label and each field's error line."""

    def __init__(self, form: QWidget, scroll: QScrollArea) -> None:
        self.form, self.scroll = form, scroll
        self.label = named(QLabel(), "error_summary")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAccessibleName(_tr("Problems to correct"))
        self.label.hide()
        self.lines: list[str] = []
        self._shown: list[Problem] = []  # the problems on screen, to drop each when fixed
        self._heading = ""

    def clear(self) -> None:
        for field in self.form.findChildren(Field):
            if field.error.isVisible() or field.input.property("invalid"):
                field.clear_error()
        self.lines = []
        self._shown = []
        self.label.hide()

    def drop_fixed(self, now: Callable[[], list[Problem]]) -> None:
        """A problem shown at saving goes as soon as its field is put right (`now` reads
        the form's problems again); the others stay until saving again."""
        if not self._shown or self._heading:
            return  # the service's refusals are judged by the service, at the next save
        found = now()
        now_ids = {id(w) for w, _m, _where in found}
        shown_ids = {id(w) for w, _m, _where in self._shown}
        moved = {where for w, _m, where in found if id(w) not in shown_ids}
        kept = [p for p in self._shown if id(p[0]) in now_ids or p[2] in moved]
        if len(kept) == len(self._shown):
            return
        kept_ids = {id(w) for w, _m, _where in kept}
        for widget, _m, _where in self._shown:
            if id(widget) not in kept_ids:
                clear_field_error(widget)
        self._shown = kept
        if kept:
            self._summarize(kept, "")
        else:
            self.lines = []
            self.label.hide()

    def show(self, problems: list[Problem], heading: str = "") -> None:
        """Each message under its field and all of them at the top; focus to the first."""
        self.clear()
        if not problems:
            return
        shown: dict[QWidget, str] = {}
        for widget, message, _where in problems:
            shown.setdefault(widget, message)
        for widget, message in shown.items():
            field = field_of(widget)
            if field is not None:
                field.show_error(message)
        self._shown, self._heading = list(problems), heading
        self._summarize(problems, heading)
        first = problems[0][0]
        self.scroll.ensureWidgetVisible(first, 40, 60)
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_unsaved(self, message: str, where: str) -> None:
        """A refusal that names no field: at the top only, with what was typed kept."""
        self.clear()
        self.lines = [f"{where}: {message}"]
        self.label.setText(
            _tr("The complaint was not saved. Everything you typed is kept:") + "\n• " + message
        )
        self.label.show()

    def _summarize(self, problems: list[Problem], heading: str) -> None:
        self.lines = [f"{where}: {message}" for _w, message, where in problems]
        count = len(problems)
        head = heading or (
            _tr("Please correct this before saving:")
            if count == 1
            else _tr("Please correct these {0} problems before saving:").format(count)
        )
        self.label.setText(head + "\n" + "\n".join("• " + line for line in self.lines))
        self.label.show()


def not_saved_box(parent: QWidget, message: str) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        _tr("Complaint not saved"),
        _tr(
            "The complaint was not saved:\n\n{0}\n\nEverything you typed is still in the "
            "form: correct it or try again."
        ).format(message),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("service_error_box")
    return box


def discard_box(parent: QWidget) -> QMessageBox:
    """Close and lose what was typed? Keep editing is the default answer."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        _tr("Discard this complaint?"),
        _tr("Close the form and lose what you typed? Nothing has been saved."),
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setObjectName("discard_box")
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Cancel).setText(_tr("Keep editing"))
    return box
