"""The filters over the desk's case list: the fair, the search box, state, type of right,
hall, overdue, due within, mine. The widgets come from the main window's form
(ui/main_window.ui); this fills them, reads them into a `CaseFilter` and sets them from a
saved view, and says when the list should follow them."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from fairdesk.domain.enums import CaseState, IPType
from fairdesk.services.casework.cases import CaseFilter
from fairdesk.services.context import Context
from fairdesk.services.fair import fairs
from fairdesk.services.fair.exhibitors import halls_in_use
from fairdesk.ui.common.case_labels import CASE_STATES, IP_TYPES, both, word
from fairdesk.ui.desk.saved_views import SavedView
from fairdesk.ui.forms.ui_main_window import Ui_MainWindow

SEARCH_DELAY_MS = 150  # wait for a pause in typing before querying


class CaseFilters(QObject):
    """`changed`: a filter moved, the list follows; `search_paused`: the typing paused;
    `fair_changed`: another fair was chosen (its halls are in the hall box by then)."""

    changed = Signal()
    search_paused = Signal()
    fair_changed = Signal()

    def __init__(self, ctx: Context, ui: Ui_MainWindow, parent: QObject) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.fair_combo, self.search_edit = ui.fair_combo, ui.search_edit
        self.state_combo, self.ip_combo, self.hall_combo = (
            ui.state_combo,
            ui.ip_combo,
            ui.hall_combo,
        )
        self.overdue_check, self.due_check = ui.overdue_check, ui.due_check
        self.due_hours, self.mine_check = ui.due_hours, ui.mine_check
        self.state_combo.addItem(self.tr("All states"), "")
        for state in CaseState:
            self.state_combo.addItem(both(CASE_STATES, state.value), state.value)
        self.ip_combo.addItem(self.tr("All rights"), "")
        for ip_type in IPType:
            self.ip_combo.addItem(both(IP_TYPES, ip_type.value), ip_type.value)
        self.search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.search_paused)
        self.search_edit.textChanged.connect(self.search_timer.start)
        for combo in (self.state_combo, self.ip_combo, self.hall_combo):
            combo.currentIndexChanged.connect(self.changed)
        self.fair_combo.currentIndexChanged.connect(self.load_halls)
        for check in (self.overdue_check, self.due_check, self.mine_check):
            check.toggled.connect(self.changed)
        self.due_hours.valueChanged.connect(self._due_hours_changed)

    def _widgets(self) -> tuple[QObject, ...]:
        return (
            self.state_combo,
            self.ip_combo,
            self.hall_combo,
            self.overdue_check,
            self.due_check,
            self.due_hours,
            self.mine_check,
            self.search_edit,
        )

    def _block(self, blocked: bool) -> None:
        for widget in self._widgets():
            widget.blockSignals(blocked)

    def fair_code(self) -> str:
        return self.fair_combo.currentData() or ""

    def load_fairs(self) -> bool:
        """The fairs in their box, the first one's halls in theirs; False if there is none."""
        self.fair_combo.blockSignals(True)
        self.fair_combo.clear()
        for info in fairs.list_fairs(self.ctx):
            self.fair_combo.addItem(f"{info.code} · {info.name}", info.code)
        self.fair_combo.blockSignals(False)
        if self.fair_combo.count() == 0:
            return False
        self.load_halls()
        return True

    def load_halls(self) -> None:
        code = self.fair_code()
        if not code:
            return
        self.hall_combo.blockSignals(True)
        self.hall_combo.clear()
        self.hall_combo.addItem(self.tr("All halls"), "")
        for hall in halls_in_use(self.ctx, code):
            self.hall_combo.addItem(hall, hall)
        self.hall_combo.blockSignals(False)
        self.fair_changed.emit()

    def _due_hours_changed(self) -> None:
        if self.due_check.isChecked():
            self.changed.emit()

    def clear(self) -> None:
        """Every filter back to all (the due hours stay as set); the list then follows."""
        self._block(True)
        self.state_combo.setCurrentIndex(0)
        self.ip_combo.setCurrentIndex(0)
        self.hall_combo.setCurrentIndex(0)
        self.overdue_check.setChecked(False)
        self.due_check.setChecked(False)
        self.mine_check.setChecked(False)
        self.search_edit.clear()
        self._block(False)
        self.changed.emit()

    def current(self) -> CaseFilter | None:
        """The filter the widgets say (before a queue narrows it), None without a fair."""
        code = self.fair_code()
        if not code:
            return None
        state = self.state_combo.currentData()
        return CaseFilter(
            code,
            states=tuple(state.split(",")) if state else (),
            search=self.search_edit.text(),
            ip_type=self.ip_combo.currentData() or "",
            hall=self.hall_combo.currentData() or "",
            overdue=self.overdue_check.isChecked(),
            due_within_hours=self.due_hours.value() if self.due_check.isChecked() else None,
            assigned_to=self.ctx.actor.username if self.mine_check.isChecked() else "",
        )

    def show_view(self, view: SavedView) -> None:
        """Set the widgets to a saved view's filters, quietly: the caller reloads once."""
        self._block(True)
        states = ",".join(view.states)
        at = self.state_combo.findData(states)
        if at < 0:  # several states: an entry of their own
            self.state_combo.addItem(" + ".join(word(CASE_STATES, s) for s in view.states), states)
            at = self.state_combo.count() - 1
        self.state_combo.setCurrentIndex(at)
        self.ip_combo.setCurrentIndex(max(0, self.ip_combo.findData(view.ip_type)))
        if view.hall and self.hall_combo.findData(view.hall) < 0:
            self.hall_combo.addItem(view.hall, view.hall)  # no exhibitor there yet
        self.hall_combo.setCurrentIndex(max(0, self.hall_combo.findData(view.hall)))
        self.overdue_check.setChecked(view.overdue)
        self.due_check.setChecked(view.due_within_hours is not None)
        if view.due_within_hours is not None:
            self.due_hours.setValue(view.due_within_hours)
        self.mine_check.setChecked(view.mine)
        self.search_edit.setText(view.search)
        self._block(False)
        self.search_timer.stop()

    def as_view(self, name: str, sort: str, descending: bool) -> SavedView:
        """The filters on screen as a view named `name`."""
        state = self.state_combo.currentData() or ""
        return SavedView(
            name=name.strip(),
            states=tuple(state.split(",")) if state else (),
            ip_type=self.ip_combo.currentData() or "",
            hall=self.hall_combo.currentData() or "",
            overdue=self.overdue_check.isChecked(),
            due_within_hours=self.due_hours.value() if self.due_check.isChecked() else None,
            search=self.search_edit.text().strip(),
            mine=self.mine_check.isChecked(),
            sort=sort,
            descending=descending,
        )
