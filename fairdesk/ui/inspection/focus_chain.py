"""Tab in reading order on a form whose layout comes from a Designer file and whose
custom widgets are added after it (Qt puts what is added later at the end of the chain)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def _stops(widget: QWidget) -> list[QWidget]:
    """The widget itself if Tab stops on it, else the children Tab stops on (a strip of
    photos with its buttons), in the order they were made."""
    if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
        return [widget]
    return [
        child
        for child in widget.findChildren(QWidget)
        if child.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]


def tab_in_order(widgets: Sequence[QWidget]) -> None:
    stops = [stop for widget in widgets for stop in _stops(widget)]
    for first, second in zip(stops, stops[1:], strict=False):
        QWidget.setTabOrder(first, second)
