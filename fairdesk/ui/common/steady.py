"""Keep what is under the pointer in place: a panel whose text comes and goes (a booth's
information, a message bar) keeps its room, so the buttons below it never move between
the moment a person aims and the moment they click."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QWidget

W = TypeVar("W", bound=QWidget)
_RESTYLED = (QEvent.Type.StyleChange, QEvent.Type.FontChange, QEvent.Type.Polish)


class ReservedLines(QScrollArea):
    """`label` in a box `lines` lines high, whatever it says: a longer text scrolls inside
    the box, a shorter one leaves the room empty."""

    def __init__(self, label: QLabel, lines: int) -> None:
        super().__init__()
        self.setObjectName(f"{label.objectName()}_area")
        self.label, self.lines = label, lines
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setWidget(label)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        label.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # A style sheet set on a window above reaches the label later: measure again.
        if watched is self.label and event.type() in _RESTYLED:
            self.updateGeometry()
        return False

    def _height(self) -> int:
        self.label.ensurePolished()  # a style sheet's font size and padding (the margins)
        margins = self.label.contentsMargins()
        # Lines of Chinese and Latin: a Chinese face drawn in fallback has taller lines.
        sample = "\n".join(["国Ag"] * self.lines)
        text = (
            self.label.fontMetrics().boundingRect(QRect(0, 0, 10_000, 10_000), 0, sample).height()
        )
        return text + margins.top() + margins.bottom() + 2 * self.label.margin()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(super().sizeHint().width(), self._height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(super().minimumSizeHint().width(), self._height())


def keep_place(widget: W) -> W:
    """`widget` keeps its room while hidden: showing it moves nothing."""
    policy = widget.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    widget.setSizePolicy(policy)
    return widget
