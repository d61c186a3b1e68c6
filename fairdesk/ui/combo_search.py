"""Drop-downs that find an entry by any part of its English or Chinese words as it is typed.

Qt's own search in a drop-down matches the start of the shown text only, so on a Chinese
desk "trademark" finds nothing and on an English desk "商标" finds nothing. A searchable
drop-down is editable; what is typed filters a list of the entries whose words contain it
(either language, any case); picking one chooses that entry. Text that names no entry is
put back to the chosen entry when the field is left, unless the drop-down takes free text.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter

# Kept with each entry: the words it is found by (both languages), beside its data.
SearchRole = Qt.ItemDataRole.UserRole + 40
_RowRole = Qt.ItemDataRole.UserRole + 41


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


class _Finder(QCompleter):
    """The list under a searchable drop-down: rebuilt from its entries on every key."""

    def __init__(self, combo: QComboBox, free_text: bool) -> None:
        self._hits = QStandardItemModel(combo)
        super().__init__(self._hits, combo)
        self._combo = combo
        self._free_text = free_text
        self.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setMaxVisibleItems(12)
        self.popup().setObjectName(f"{combo.objectName()}_popup")
        self.activated[QModelIndex].connect(self._picked)

    def refresh(self, text: str) -> None:
        self._hits.clear()
        if not text.strip():
            self.popup().hide()
            return
        for row in matching_rows(self._combo, text):
            item = QStandardItem(self._combo.itemText(row))
            item.setData(row, _RowRole)
            self._hits.appendRow(item)
        if self._hits.rowCount() and self._combo.hasFocus():
            self.complete()
        else:
            self.popup().hide()

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
        rows = matching_rows(self._combo, text) if text else []
        if len(rows) == 1:
            self._choose(rows[0])
        if self._combo.currentIndex() >= 0:
            self._combo.setEditText(self._combo.itemText(self._combo.currentIndex()))


def make_searchable(
    combo: QComboBox, words: list[str] | None = None, *, free_text: bool = False
) -> QComboBox:
    """Let `combo` be searched as typed; `words[i]` adds words entry i is found by (its
    other language). `free_text` keeps typed text that names no entry (an editable list)."""
    if words is not None:
        for row, extra in enumerate(words):
            combo.setItemData(row, extra, SearchRole)
    current = combo.currentIndex()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    finder = _Finder(combo, free_text)
    combo.setCompleter(finder)
    combo.setCurrentIndex(current)
    line = combo.lineEdit()
    line.textEdited.connect(finder.refresh)
    line.editingFinished.connect(finder.settle)
    return combo
