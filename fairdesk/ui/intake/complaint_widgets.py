"""Small widgets the complaint form is built from: a field with its own error line, a line
edit that completes from a look-up service, and date parsing for typed dates."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLabel, QLineEdit, QVBoxLayout, QWidget

from fairdesk.domain.errors import FairDeskError
from fairdesk.i18n import error_text
from fairdesk.ui.common.named import named

ERROR_COLOUR = "#b00020"
FillRole = Qt.ItemDataRole.UserRole + 1  # the text a picked completion puts in the field
HitRole = Qt.ItemDataRole.UserRole + 2  # index of the hit in the last search


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Mark a field for the form's style sheet (a red frame), and re-apply the style."""
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class Field(QWidget):
    """An input with the line that says what is wrong with it, right below it."""

    def __init__(self, input_widget: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.input = input_widget
        self.error = named(QLabel(), f"{input_widget.objectName()}_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(input_widget)
        layout.addWidget(self.error)
        self.setFocusProxy(input_widget)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
        set_invalid(self.input, bool(message))
        self.input.setAccessibleDescription(message)

    def clear_error(self) -> None:
        self.show_error("")


class LookupEdit(QLineEdit):
    """A line edit whose completion list comes from a search service as you type.

    `search(text)` returns hits; `describe(hit)` gives (the line shown in the list, the text
    the field takes when the hit is picked). Picking a hit emits `picked(hit)`. Errors of
    the search (e.g. the database is unreachable) leave the list empty: typing goes on.
    """

    picked = Signal(object)

    def __init__(
        self,
        search: Callable[[str], Sequence[Any]],
        describe: Callable[[Any], tuple[str, str]],
        *,
        object_name: str,
        min_chars: int = 1,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self._search = search
        self._describe = describe
        self._min_chars = min_chars
        self.hits: list[Any] = []
        self.search_error = ""
        self._model = QStandardItemModel(self)
        completer = QCompleter(self._model, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCompletionRole(FillRole)
        completer.setMaxVisibleItems(10)
        popup = completer.popup()
        assert popup is not None  # the completer makes its list view when first asked
        popup.setObjectName(f"{object_name}_popup")
        self.setCompleter(completer)
        # PySide6's stub has no indexing on a signal; Qt picks the overload by the type.
        completer.activated[QModelIndex].connect(self._activated)  # type: ignore[index]
        self.textEdited.connect(self.refresh)

    def refresh(self, text: str | None = None) -> None:
        text = self.text() if text is None else text
        self.hits = []
        self.search_error = ""
        if len(text.strip()) >= self._min_chars:
            try:
                self.hits = list(self._search(text))
            except FairDeskError as exc:
                self.search_error = error_text(exc)
        self._model.clear()
        for i, hit in enumerate(self.hits):
            shown, fill = self._describe(hit)
            item = QStandardItem(shown)
            item.setData(fill, FillRole)
            item.setData(i, HitRole)
            item.setToolTip(shown)
            self._model.appendRow(item)
        completer = self.completer()
        if self.hits and self.hasFocus():
            completer.complete()
        else:
            popup = completer.popup()
            assert popup is not None  # made in __init__
            popup.hide()

    def _activated(self, index: QModelIndex) -> None:
        row = index.data(HitRole)
        if isinstance(row, int) and 0 <= row < len(self.hits):
            hit = self.hits[row]
            self.setText(self._describe(hit)[1])
            self.picked.emit(hit)


_DATE_SEPARATORS = re.compile(r"[./年月日\s]+")


def parse_date(text: str) -> date | None:
    """A typed date: "2031-05-20", "2031/5/20", "2031.5.20", "20310520", "2031年5月20日".

    "" gives None; anything else unreadable raises ValueError.
    """
    s = text.strip()
    if not s:
        return None
    if re.fullmatch(r"\d{8}", s):
        s = f"{s[:4]}-{s[4:6]}-{s[6:]}"
    s = _DATE_SEPARATORS.sub("-", s).strip("-")
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", s)
    if m is None:
        raise ValueError(text)
    return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
