"""The complaint form's keyboard: Tab walks the form's own chain, Enter never saves.

The form grows rows as the desk types (rights, respondents, exhibits); Qt's own Tab chain
is kept by creation order and cannot splice widgets that carry a completion popup
reliably, so the form walks its own list, top to bottom. Enter in a field does nothing
(no accidental save); on a button it presses it. Ctrl+Enter saves (the form's shortcut).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QWidget,
)

from fairdesk.ui.common.named import named


def chain_position(chain: Sequence[QWidget], current: QWidget | None) -> int:
    """Where the focused widget (or the row or field holding it) is in a Tab chain; -1 if
    nowhere."""
    for i, widget in enumerate(chain):
        if current is not None and (widget is current or widget.isAncestorOf(current)):
            return i
    return -1


def next_focus(
    chain: Sequence[QWidget], position: int, forward: bool, can_take: Callable[[QWidget], bool]
) -> QWidget | None:
    """The next widget after `position` (before, backwards) that takes Tab, round the end."""
    step = 1 if forward else -1
    for k in range(1, len(chain) + 1):
        candidate = chain[(position + step * k) % len(chain)]
        if can_take(candidate):
            return candidate
    return None


class KeyboardForm(QDialog):
    """A dialog with a long scrolling form, walked from the keyboard alone."""

    def focus_chain(self) -> list[QWidget]:
        """Every focusable field and button, top to bottom: the Tab order."""
        raise NotImplementedError

    def scrolling(self, content: QWidget, name: str) -> QScrollArea:
        """The scroll area that holds the form's sections; Tab scrolls to where it goes."""
        self._scroll_area = named(QScrollArea(), name)
        self._scroll_area.setWidgetResizable(True)
        self._scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._scroll_area.setWidget(content)
        return self._scroll_area

    def no_auto_default(self) -> None:
        # Enter in a field must never save; a button added later must not take Enter either.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

    def can_take_tab(self, widget: QWidget) -> bool:
        if isinstance(widget, QRadioButton) and not widget.isChecked():
            return False  # Tab enters a group of options at the chosen one; arrows move in it
        return (
            widget.isVisibleTo(self)
            and widget.isEnabled()
            and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        )

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802
        """Tab and Shift+Tab follow focus_chain(), rows added later included in place."""
        chain = self.focus_chain()
        position = chain_position(chain, QApplication.focusWidget())
        if position < 0:
            return super().focusNextPrevChild(next)
        found = next_focus(chain, position, next, self.can_take_tab)
        if found is None:
            return False
        found.setFocus(Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason)
        scroll = self._scroll_area
        content = scroll.widget()
        if content is not None and content.isAncestorOf(found):
            scroll.ensureWidgetVisible(found, 40, 40)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            # Enter presses the focused button; in a field it does nothing (no accidental save).
            focused = QApplication.focusWidget()
            if isinstance(focused, QPushButton) and focused.isEnabled():
                focused.click()
            event.accept()
            return
        super().keyPressEvent(event)
