"""Drop-downs that find an entry by any part of its English or Chinese words as it is typed.

Qt's own search in a drop-down matches the start of the shown text only, so on a Chinese
desk "trademark" finds nothing and on an English desk "商标" finds nothing. A searchable
drop-down is editable; what is typed filters a list of the entries whose words contain it
(either language, any case); picking one chooses that entry. Text that names no entry is
put back to the chosen entry when the field is left, unless the drop-down takes free text.

A drop-down that `follows_typing` chooses its best entry at every key, as a plain
drop-down's own type-ahead does (an entry whose words start with the text before one that
only contains it), so its value is always an entry's code: what the step dialog's fields
and the tests that wait on them rely on.
"""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QCompleter, QLineEdit

# Kept with each entry: the words it is found by (both languages), beside its data.
SearchRole = Qt.ItemDataRole.UserRole + 40
_RowRole = Qt.ItemDataRole.UserRole + 41


def _line_of(combo: QComboBox) -> QLineEdit:
    """The line edit of a searchable drop-down, which is editable and so always has one."""
    line = combo.lineEdit()
    assert line is not None, "a searchable drop-down is editable"
    return line


def entry_words(combo: QComboBox, row: int) -> str:
    words = combo.itemData(row, SearchRole)
    return f"{combo.itemText(row)} {words or ''}".casefold()


def matching_rows(combo: QComboBox, text: str) -> list[int]:
    """The entries whose words (shown or kept) contain every part of `text`."""
    parts = text.casefold().split()
    return [
        row
        for row in range(combo.count())
        if all(part in entry_words(combo, row) for part in parts)
    ]


def best_rows(combo: QComboBox, text: str) -> list[int]:
    """`matching_rows`, those with a word that starts with the text first (then in order)."""
    typed = text.casefold().strip()

    def starts(row: int) -> bool:
        words = entry_words(combo, row)
        return words.startswith(typed) or f" {typed}" in words

    return sorted(matching_rows(combo, text), key=lambda row: not starts(row))


class _Finder(QCompleter):
    """The list under a searchable drop-down: rebuilt from its entries on every key."""

    def __init__(self, combo: QComboBox, free_text: bool, follows_typing: bool) -> None:
        self._hits = QStandardItemModel(combo)
        super().__init__(self._hits, combo)
        self._combo = combo
        self._free_text = free_text
        self._follows = follows_typing and not free_text
        self.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setMaxVisibleItems(12)
        self._list().setObjectName(f"{combo.objectName()}_popup")
        # The stubs type the overloaded signal as one SignalInstance, without the [] that
        # picks its QModelIndex form.
        cast(Any, self.activated)[QModelIndex].connect(self._picked)

    def _list(self) -> QAbstractItemView:
        """The list of matches, which a completer makes when first asked for it."""
        popup = self.popup()
        assert popup is not None, "QCompleter.popup() makes its list when it has none"
        return popup

    def refresh(self, text: str) -> None:
        self._hits.clear()
        if not text.strip():
            self._list().hide()
            return
        rows = best_rows(self._combo, text)
        for row in rows:
            item = QStandardItem(self._combo.itemText(row))
            item.setData(row, _RowRole)
            self._hits.appendRow(item)
        if self._follows and rows:
            self._follow(rows[0], text)
        if self._hits.rowCount() and self._combo.hasFocus():
            self.complete()
        else:
            self._list().hide()

    def _follow(self, row: int, text: str) -> None:
        """Choose `row` while the typed text stays in the field, the cursor where it was."""
        if self._combo.currentIndex() == row:
            return
        line = _line_of(self._combo)
        cursor = line.cursorPosition()
        self._combo.setCurrentIndex(row)
        self._combo.activated.emit(row)
        line.setText(text)
        line.setCursorPosition(cursor)

    def _picked(self, index: QModelIndex) -> None:
        row = index.data(_RowRole)
        if isinstance(row, int):
            # After the combo's own handling of the pick, which matches by shown text.
            QTimer.singleShot(0, lambda: self._choose(row))

    def _choose(self, row: int) -> None:
        if self._combo.currentIndex() != row:
            self._combo.setCurrentIndex(row)
            self._combo.activated.emit(row)  # chosen by a person, as a click would
        self._combo.setEditText(self._combo.itemText(row))

    def settle(self) -> None:
        """Leaving the field: a text that names one entry chooses it, else the choice stays."""
        text = self._combo.currentText().strip()
        if self._free_text and text:
            exact = self._combo.findText(text, Qt.MatchFlag.MatchFixedString)
            if exact >= 0:
                self._combo.setCurrentIndex(exact)
            return
        current = self._combo.currentIndex()
        if current >= 0 and text == self._combo.itemText(current):
            return
        rows = best_rows(self._combo, text) if text else []
        if len(rows) == 1 or (self._follows and rows):
            self._choose(rows[0])
        if self._combo.currentIndex() >= 0:
            self._combo.setEditText(self._combo.itemText(self._combo.currentIndex()))


class _EnterAndLeave(QObject):
    """Entering the field however (Tab, a click, a shortcut) selects its text, so typing
    searches afresh instead of adding to the chosen entry's words. Leaving it settles the
    choice, also when Tab is pressed while the list of matches is open (the line edit then
    says nothing)."""

    def __init__(self, combo: QComboBox, finder: _Finder) -> None:
        super().__init__(combo)
        self._line = _line_of(combo)
        self._finder = finder

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        # The combo has the focus and hands its focus events to its line edit.
        if event.type() == QEvent.Type.FocusIn:
            # After the click that placed the cursor.
            QTimer.singleShot(0, self._line, self._line.selectAll)
        elif event.type() == QEvent.Type.FocusOut:
            QTimer.singleShot(0, self._line, self._finder.settle)
        return False


def make_searchable(
    combo: QComboBox,
    words: list[str] | None = None,
    *,
    free_text: bool = False,
    follows_typing: bool = False,
) -> QComboBox:
    """Let `combo` be searched as typed; `words[i]` adds words entry i is found by (its
    other language). `free_text` keeps typed text that names no entry (an editable list);
    `follows_typing` chooses the best entry at every key."""
    if words is not None:
        for row, extra in enumerate(words):
            combo.setItemData(row, extra, SearchRole)
    current = combo.currentIndex()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    finder = _Finder(combo, free_text, follows_typing)
    combo.setCompleter(finder)
    combo.setCurrentIndex(current)
    line = _line_of(combo)
    combo.installEventFilter(_EnterAndLeave(combo, finder))
    line.textEdited.connect(finder.refresh)
    line.editingFinished.connect(finder.settle)
    return combo
