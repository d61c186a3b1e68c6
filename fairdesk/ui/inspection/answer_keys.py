"""The big answer buttons of the patrol and re-check forms: one per answer, chosen by a
click, by its digit pressed on a button, or by Ctrl+digit anywhere (the window's keys)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QPushButton

from fairdesk.domain import vocabulary
from fairdesk.i18n import current_language
from fairdesk.ui.common.named import named


def _answer_words(table: vocabulary.Vocabulary, code: str) -> str:
    """An answer key's words: on an English desk the English, the Chinese below it."""
    words = table.words(code)
    if current_language() == "zh_CN":
        return words.zh
    return f"{words.en}\n      {words.zh}"


class _DigitKeys(QObject):
    """Digits 1..n pressed on the answer buttons choose the n-th answer."""

    def __init__(self, count: int, choose: Callable[[int], None], parent: QObject) -> None:
        super().__init__(parent)
        self.count = count
        self.choose = choose

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress:
            text = event.text()  # type: ignore[attr-defined]
            if text.isdigit() and 1 <= int(text) <= self.count:
                self.choose(int(text) - 1)
                return True
        return False


class AnswerKeys(QButtonGroup):
    """The answers of `table` in `order`, `columns` across in `grid`; `choose(n)` is called
    for a click or a digit (the caller checks the button and moves on)."""

    def __init__(
        self,
        table: vocabulary.Vocabulary,
        order: Sequence[Enum],
        grid: QGridLayout,
        columns: int,
        choose: Callable[[int], None],
        prefix: str,
    ) -> None:
        super().__init__(grid)
        self.setExclusive(True)
        self.buttons_in_order: list[QPushButton] = []
        digits = _DigitKeys(len(order), choose, self)
        for i, answer in enumerate(order):
            button = named(
                QPushButton(f"{i + 1}   {_answer_words(table, answer.value)}"),
                f"{prefix}_{answer.value}",
            )
            button.setCheckable(True)
            button.setProperty("answer", True)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.installEventFilter(digits)
            button.clicked.connect(lambda _=False, n=i: choose(n))
            self.addButton(button, i)
            self.buttons_in_order.append(button)
            grid.addWidget(button, i // columns, i % columns)

    def clear(self) -> None:
        """No answer chosen (an exclusive group cannot uncheck its last button by itself)."""
        self.setExclusive(False)
        for button in self.buttons_in_order:
            button.setChecked(False)
        self.setExclusive(True)
