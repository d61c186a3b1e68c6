"""A bar that says what just happened in a window: an error of a service (orange, with a
warning icon) or what was done (green). It sits above the buttons, so showing it moves
no field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStyle, QWidget

from fairdesk.ui.common.named import named


class MessageBar(QWidget):
    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(f"{name}_bar")
        # A QWidget subclass paints no style-sheet background unless asked to.
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.icon = named(QLabel(), f"{name}_icon")
        self.label = named(QLabel(), name)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bar = QHBoxLayout(self)
        bar.setContentsMargins(6, 4, 6, 4)
        bar.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        bar.addWidget(self.label, 1)
        self.hide()

    def say(self, text: str, error: bool) -> None:
        icon = (
            QStyle.StandardPixmap.SP_MessageBoxWarning
            if error
            else QStyle.StandardPixmap.SP_MessageBoxInformation
        )
        self.icon.setPixmap(self.style().standardIcon(icon).pixmap(22, 22))
        style = (
            "background: #fff4e5; border: 1px solid #b35c00;"
            if error
            else "background: #e6f4ea; border: 1px solid #1e7a34;"
        )
        self.setStyleSheet(f"#{self.objectName()} {{ {style} }}")
        self.setProperty("error", error)
        self.label.setText(text)
        self.show()

    def clear(self) -> None:
        self.label.clear()
        self.hide()

    def text(self) -> str:
        return "" if self.isHidden() else self.label.text()
