"""The re-checks tab: the measures to check, most urgent first; for the one chosen, its
photos before and after, the result, notes and "after" photos, saved to the laptop's
outbox. The window owns the fair, the round and the sending (`RecheckHost`)."""

from __future__ import annotations

import logging
from typing import Protocol
from zoneinfo import ZoneInfo

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from fairdesk.domain import vocabulary
from fairdesk.domain.enums import RecheckResult
from fairdesk.domain.errors import FairDeskError, StorageError
from fairdesk.i18n import error_text, format_day_time
from fairdesk.services.context import Context
from fairdesk.services.inspection import rechecks
from fairdesk.services.inspection.outbox import Outbox
from fairdesk.services.inspection.rechecks import RecheckTask
from fairdesk.ui.common.case_labels import both, desk_words, word
from fairdesk.ui.forms.ui_recheck_panel import Ui_RecheckPanel
from fairdesk.ui.inspection.answer_keys import AnswerKeys
from fairdesk.ui.inspection.evidence_strip import EvidenceGallery, EvidenceStrip
from fairdesk.ui.inspection.focus_chain import tab_in_order
from fairdesk.ui.inspection.inspector_models import RecheckTaskModel

log = logging.getLogger(__name__)

RESULT_ORDER: tuple[RecheckResult, ...] = tuple(RecheckResult)
TASK_WIDTHS = (255, 40, 85, 145, 170, 120)  # the last column stretches


class RecheckHost(Protocol):
    """What the re-check form needs of the window around it."""

    ctx: Context
    outbox: Outbox
    fair_code: str
    online: bool
    zone: ZoneInfo | None
    round_uid: str | None
    round_hall: str

    def current_hall(self) -> str: ...
    def recorded(self) -> None: ...
    def went_offline(self, message: str) -> None: ...
    def say(self, text: str, modal: bool = False) -> None: ...


class RecheckPanel(QWidget):
    """`title_changed(text)`: the tab's title, with the count of re-checks to do."""

    title_changed = Signal(str)

    def __init__(self, host: RecheckHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.ui = ui = Ui_RecheckPanel()  # the layout: ui/recheck_panel.ui
        ui.setupUi(self)
        self.setObjectName("recheck_panel")
        self.task_view, self.only_hall = ui.task_table, ui.only_hall_check
        self.task_summary, self.recheck_title = ui.task_summary, ui.recheck_title
        self.recheck_notes, self.recheck_save = ui.recheck_notes, ui.recheck_save_button
        self.recheck_saved = ui.recheck_saved_label
        self.task_model = RecheckTaskModel(host.ctx, parent=self)
        self.task_view.setModel(self.task_model)
        for column, width in enumerate(TASK_WIDTHS):
            self.task_view.setColumnWidth(column, width)
        self.before_gallery = EvidenceGallery(host.ctx, self.tr("Before"), "before_photos")
        self.after_gallery = EvidenceGallery(
            host.ctx, self.tr("After (earlier re-checks)"), "after_photos"
        )
        ui.galleries.addWidget(self.before_gallery)
        ui.galleries.addWidget(self.after_gallery)
        self.results = AnswerKeys(
            vocabulary.RECHECK_RESULTS,
            RESULT_ORDER,
            ui.result_grid,
            2,
            self.choose_result,
            "result",
        )
        self.result_buttons: list[QPushButton] = self.results.buttons_in_order
        self.after_photos = EvidenceStrip(self.tr("After photos: none yet — Ctrl+P or drop"))
        ui.detail.insertWidget(ui.detail.indexOf(self.recheck_notes) + 1, self.after_photos)
        ui.recheck_splitter.setSizes([760, 640])
        self._keep_tab_order()
        self.task_view.selectionModel().currentRowChanged.connect(self._task_selected)
        self.task_view.activated.connect(lambda _i: self.result_buttons[0].setFocus())
        self.only_hall.toggled.connect(self.refresh_tasks)
        self.recheck_save.clicked.connect(self.save_recheck)
        self.show_task(None)

    def _keep_tab_order(self) -> None:
        """Tab goes down the form as it reads: what is made here would otherwise come last."""
        chain = [self.only_hall, self.task_view, self.before_gallery, self.after_gallery]
        chain += [*self.result_buttons, self.recheck_notes, self.after_photos, self.recheck_save]
        tab_in_order(chain)

    # -- the list -------------------------------------------------------------------------
    def set_hall(self, hall: str) -> None:
        """The hall chosen: the list shows that hall's re-checks (the box can widen it)."""
        self.only_hall.setText(self.tr("Only hall {0}").format(hall) if hall else "")
        self.only_hall.setChecked(bool(hall))

    def refresh_tasks(self) -> None:
        host = self.host
        if not host.fair_code:
            return
        # The round's hall while a round is open (it follows the hall chosen), else the chosen.
        hall = (host.round_hall if host.round_uid else host.current_hall()) or ""
        hall = hall if self.only_hall.isChecked() else ""
        selected = self.selected_task()
        try:
            self.task_model.set_filter(host.fair_code, hall)
        except StorageError as exc:
            host.went_offline(error_text(exc))
            return
        self.task_model.set_waiting(host.outbox.waiting_cases(host.ctx.actor.username))
        n, late = self.task_model.rowCount(), self.task_model.overdue_count()
        self.task_summary.setText(
            (
                self.tr("1 re-check to do{0}") if n == 1 else self.tr("{1} re-checks to do{0}")
            ).format(self.tr(" · {0} OVERDUE").format(late) if late else "", n)
        )
        self.title_changed.emit(self._title(hall, n, late))
        row = self.task_model.row_of(selected.case_number) if selected else None
        if row is not None:
            self.task_view.selectRow(row)
        else:
            self.show_task(None)

    def _title(self, hall: str, n: int, late: int) -> str:
        """The tab's title: the count, and which hall it counts when the list shows one
        hall while others have re-checks too."""
        late_text = self.tr(", {0} late").format(late) if late else ""
        try:
            every = len(rechecks.list_tasks(self.host.ctx, self.host.fair_code)) if hall else n
        except StorageError:
            every = n  # offline: the hall's own count stands
        elsewhere = every - n
        if elsewhere:
            return self.tr("Re-checks: hall {0} ({1}{2}), other halls {3}  (Alt+2)").format(
                hall, n, late_text, elsewhere
            )
        return self.tr("Re-checks ({0}{1})  (Alt+2)").format(n, late_text)

    def selected_task(self) -> RecheckTask | None:
        index = self.task_view.currentIndex()
        if not index.isValid() or index.row() >= self.task_model.rowCount():
            return None
        return self.task_model.task_at(index.row())

    def _task_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.show_task(self.task_model.task_at(current.row()) if current.isValid() else None)

    def show_first(self) -> None:
        """Coming to the tab: the list has the keys, on its first row if none is chosen."""
        self.task_view.setFocus()
        if self.task_model.rowCount() and not self.task_view.currentIndex().isValid():
            self.task_view.selectRow(0)

    # -- the re-check chosen --------------------------------------------------------------
    def show_task(self, task: RecheckTask | None) -> None:
        for widget in (*self.result_buttons, self.recheck_notes, self.recheck_save):
            widget.setEnabled(task is not None)
        self.after_photos.setEnabled(task is not None)
        if task is None:
            self.recheck_title.setText(self.tr("Choose a re-check in the list (arrows, Enter)."))
            self.before_gallery.show_evidence([])
            self.after_gallery.show_evidence([])
            return
        host = self.host
        due = (
            format_day_time(task.due_at.astimezone(host.zone))
            if task.due_at
            else self.tr("after escalation")
        )
        late = self.tr("  —  OVERDUE") if task.overdue else ""
        self.recheck_title.setText(
            f"{task.case_number}  ·  {task.booth}  ·  {task.exhibitor}\n"
            + self.tr("{0}: {1}; due {2}{3}").format(
                desk_words(task.words), word(vocabulary.MEASURES, task.measure_type), due, late
            )
            + (f"\n{self.tr('Stored at')}: {task.storage_place}" if task.storage_place else "")
        )
        if not host.online:
            return
        try:
            record = rechecks.recheck_record(host.ctx, task.case_number)
        except StorageError as exc:
            host.went_offline(error_text(exc))
            return
        except FairDeskError as exc:
            self.recheck_saved.setText(error_text(exc))
            return
        self.before_gallery.show_evidence(record.before)
        self.after_gallery.show_evidence(record.after)

    def choose_result(self, n: int) -> None:
        if self.selected_task() is None:
            return
        self.result_buttons[n].setChecked(True)
        self.recheck_notes.setFocus()

    def save_recheck(self) -> bool:
        host, task, n = self.host, self.selected_task(), self.results.checkedId()
        if task is None:
            host.say(self.tr("Choose the re-check in the list first."))
            return False
        if n < 0:
            host.say(self.tr("Choose the result: keys 1-4 or Ctrl+1-4."))
            return False
        result = RESULT_ORDER[n]
        try:
            uid = host.outbox.record_recheck(
                host.ctx,
                host.fair_code,
                task.case_number,
                result,
                self.recheck_notes.toPlainText(),
                list(self.after_photos.photos),
                host.round_uid,
            )
        except FairDeskError as exc:
            host.say(error_text(exc))
            return False
        text = self.tr("Re-check {0}: {1}").format(
            task.case_number, both(vocabulary.RECHECK_RESULTS, result)
        )
        log.debug("re-check %s recorded", uid)
        self.recheck_saved.setText(self.tr("Saved: {0}").format(text))
        self.results.clear()
        self.recheck_notes.clear()
        self.after_photos.clear()
        self.task_model.set_waiting(host.outbox.waiting_cases(host.ctx.actor.username))
        host.recorded()
        self.task_view.setFocus()
        return True
