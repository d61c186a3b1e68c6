"""The desk's queues beside the case list: what waits for the desk now, each with its
count. A click or Ctrl+digit (Ctrl+0 for all cases) shows that queue in the list."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from fairdesk.domain.enums import CaseState as S
from fairdesk.services.casework.cases import CaseFilter

CONTEXT = "QueuePanel"


@dataclass(frozen=True)
class Queue:
    key: str
    label: str  # English, translated in the QueuePanel context
    tip: str
    states: tuple[str, ...] = ()
    overdue: bool = False
    mine: bool = False

    def narrow(self, flt: CaseFilter, username: str) -> CaseFilter:
        """The list's filter with this queue's condition added."""
        return replace(
            flt,
            states=self.states or flt.states,
            overdue=flt.overdue or self.overdue,
            assigned_to=username if self.mine else flt.assigned_to,
        )


QUEUES: tuple[Queue, ...] = (
    Queue(
        "all",
        str(QT_TRANSLATE_NOOP("QueuePanel", "All cases")),
        str(QT_TRANSLATE_NOOP("QueuePanel", "Every case of the fair")),
    ),
    Queue(
        "to_notify",
        str(QT_TRANSLATE_NOOP("QueuePanel", "To notify")),
        str(QT_TRANSLATE_NOOP("QueuePanel", "Accepted, the respondent not yet notified")),
        states=(S.TO_NOTIFY,),
    ),
    Queue(
        "defence",
        str(QT_TRANSLATE_NOOP("QueuePanel", "Defence running")),
        str(QT_TRANSLATE_NOOP("QueuePanel", "Notified: the defence period runs")),
        states=(S.NOTIFIED,),
    ),
    Queue(
        "overdue",
        str(QT_TRANSLATE_NOOP("QueuePanel", "Overdue")),
        str(QT_TRANSLATE_NOOP("QueuePanel", "A deadline has passed")),
        overdue=True,
    ),
    Queue(
        "decide",
        str(QT_TRANSLATE_NOOP("QueuePanel", "Decide before close")),
        str(
            QT_TRANSLATE_NOOP(
                "QueuePanel",
                "Defence in or overdue, or under review: decide while the fair is open",
            )
        ),
        states=(S.DEFENCE_RECEIVED, S.DEFENCE_OVERDUE, S.UNDER_REVIEW),
    ),
    Queue(
        "rechecks",
        str(QT_TRANSLATE_NOOP("QueuePanel", "Re-checks due")),
        str(
            QT_TRANSLATE_NOOP(
                "QueuePanel", "Measures ordered: an inspector checks they were carried out"
            )
        ),
        states=(S.REMEDY_ORDERED, S.RECHECK_DUE),
    ),
    Queue(
        "mine",
        str(QT_TRANSLATE_NOOP("QueuePanel", "Mine")),
        str(QT_TRANSLATE_NOOP("QueuePanel", "The cases assigned to me")),
        mine=True,
    ),
    Queue(
        "post_fair",
        str(QT_TRANSLATE_NOOP("QueuePanel", "Post-fair")),
        str(QT_TRANSLATE_NOOP("QueuePanel", "Handed over to the follow-up after the close")),
        states=(S.POST_FAIR,),
    ),
)
BY_KEY = {q.key: q for q in QUEUES}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def count_from_states(queue: Queue, by_state: dict[str, int]) -> int | None:
    """A queue's count when the fair's counts by state tell it (None: ask the list)."""
    if queue.key == "all":
        return sum(by_state.values())
    if queue.states and not queue.overdue and not queue.mine:
        return sum(by_state.get(s, 0) for s in queue.states)
    return None


class QueuePanel(QListWidget):
    """One line per queue: its count, then its name; the chosen queue narrows the list."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queue_panel")
        self.setAccessibleName(_tr("Queues"))
        self.setUniformItemSizes(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for n, queue in enumerate(QUEUES):
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, queue.key)
            item.setToolTip(f"{_tr(queue.tip)} (Ctrl+{n})")
            self.addItem(item)
        self.set_counts({})
        self.setCurrentRow(0)
        self.currentItemChanged.connect(self._changed)
        self.setStyleSheet("QListWidget#queue_panel::item { padding: 4px 2px; }")
        bold = QFont(self.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)  # a queue with cases is bold: room for that
        widest = max(metrics.horizontalAdvance(f"9999   {_tr(q.label)}") for q in QUEUES)
        self.setFixedWidth(widest + 2 * self.frameWidth() + 16)

    def set_counts(self, counts: dict[str, int]) -> None:
        self.counts = dict(counts)
        for row, queue in enumerate(QUEUES):
            item = self.item(row)
            count = counts.get(queue.key)
            shown = "–" if count is None else str(count)
            item.setText(f"{shown:>4}   {_tr(queue.label)}")
            font = QFont(self.font())
            font.setBold(bool(count) and queue.key != "all")
            item.setFont(font)
            urgent = queue.key == "overdue" and bool(count)
            item.setForeground(QColor("#b00020") if urgent else self.palette().text().color())

    def current_key(self) -> str:
        item = self.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else "all"

    def current_queue(self) -> Queue:
        return BY_KEY[self.current_key()]

    def choose(self, key: str) -> None:
        for row in range(self.count()):
            if self.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.setCurrentRow(row)
                return

    def _changed(self, *_: object) -> None:
        self.chosen.emit(self.current_key())
