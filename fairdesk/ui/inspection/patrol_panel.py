"""The patrol tab: a booth typed or scanned, its finding, notes and photos, saved to the
laptop's outbox; beside it the round's log. The window owns the fair, the round and the
sending (`PatrolHost`); this panel owns the form."""

from __future__ import annotations

import logging
from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QPushButton, QWidget

from fairdesk.domain import vocabulary
from fairdesk.domain.corrections import may_correct_finding
from fairdesk.domain.enums import Finding
from fairdesk.domain.errors import FairDeskError, StorageError
from fairdesk.domain.permissions import GRANTS, Permission
from fairdesk.i18n import error_text
from fairdesk.services.context import Context
from fairdesk.services.inspection import patrols
from fairdesk.services.inspection.outbox import Outbox
from fairdesk.services.inspection.patrols import FINDING_ORDER, BoothTarget
from fairdesk.ui.common.case_labels import both, word
from fairdesk.ui.common.steady import ReservedLines, keep_place
from fairdesk.ui.common.tasks import run_task
from fairdesk.ui.forms.ui_patrol_panel import Ui_PatrolPanel
from fairdesk.ui.inspection.answer_keys import AnswerKeys
from fairdesk.ui.inspection.evidence_strip import EvidenceStrip
from fairdesk.ui.inspection.focus_chain import tab_in_order
from fairdesk.ui.inspection.inspector_models import COL_LOG_FINDING, VisitLogModel

log = logging.getLogger(__name__)

# The booth, its exhibitor, open cases, a re-check due, a note: more scrolls in its box.
TARGET_LINES = 5


class PatrolHost(Protocol):
    """What the patrol form needs of the window around it."""

    ctx: Context
    outbox: Outbox
    fair_code: str
    online: bool
    round_uid: str | None

    def current_hall(self) -> str: ...
    def choose_hall(self, hall: str) -> bool: ...
    def start_round(self) -> bool: ...
    def recorded(self) -> None: ...
    def reload_log(self) -> None: ...
    def went_offline(self, message: str) -> None: ...
    def say(self, text: str, modal: bool = False) -> None: ...


class PatrolPanel(QWidget):
    """`complaint_requested(visit_uid)`: the visit chosen in the log, for a complaint."""

    complaint_requested = Signal(str)

    def __init__(self, host: PatrolHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.target: BoothTarget | None = None
        self.ui = ui = Ui_PatrolPanel()  # the layout: ui/patrol_panel.ui
        ui.setupUi(self)
        self.setObjectName("patrol_panel")
        self.booth_edit, self.target_label = ui.booth_edit, ui.target_label
        self.exhibitor_combo, self.notes_edit = ui.exhibitor_combo, ui.notes_edit
        self.save_button, self.saved_label = ui.save_button, ui.saved_label
        self.log_view, self.log_title = ui.visit_log, ui.log_title
        self.complaint_button = ui.complaint_button
        self.correct_finding_button = ui.correct_finding_button
        # The booth's box keeps its room, so the buttons below it stay put.
        ui.form.insertWidget(1, ReservedLines(self.target_label, TARGET_LINES))
        keep_place(self.exhibitor_combo).hide()
        self.findings = AnswerKeys(
            vocabulary.FINDINGS, FINDING_ORDER, ui.finding_grid, 3, self.choose_finding, "finding"
        )
        self.finding_buttons: list[QPushButton] = self.findings.buttons_in_order
        for i, button in enumerate(self.finding_buttons):
            button.setToolTip(self.tr("Key {0} or Ctrl+{0}").format(i + 1))
        self.photos = EvidenceStrip()
        ui.form.insertWidget(ui.form.indexOf(self.notes_edit) + 1, self.photos)
        self._build_log()
        role = host.ctx.actor.role
        self.complaint_button.setVisible(role in GRANTS[Permission.REGISTER_COMPLAINT])
        self.correct_finding_button.setVisible(may_correct_finding(role))
        ui.patrol_splitter.setSizes([880, 520])
        self._keep_tab_order()
        self.booth_edit.returnPressed.connect(self.go_to_booth)
        self.booth_edit.textEdited.connect(self._booth_edited)
        ui.go_button.clicked.connect(self.go_to_booth)
        self.save_button.clicked.connect(self.save_finding)
        self.complaint_button.clicked.connect(self._request_complaint)
        self.correct_finding_button.clicked.connect(self.correct_finding)

    def _build_log(self) -> None:
        self.log_model = VisitLogModel(self)
        self.log_view.setModel(self.log_model)
        header = self.log_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_LOG_FINDING, QHeaderView.ResizeMode.Stretch)

    def _keep_tab_order(self) -> None:
        """Tab goes down the form as it reads: the buttons and the photo strip made here
        would otherwise come last."""
        chain = [self.booth_edit, self.ui.go_button, self.exhibitor_combo, *self.finding_buttons]
        chain += [self.notes_edit, self.photos, self.save_button, self.log_view]
        tab_in_order([*chain, self.correct_finding_button, self.complaint_button])

    # -- the booth ------------------------------------------------------------------------
    def focus_booth(self) -> None:
        self.booth_edit.setFocus()
        self.booth_edit.selectAll()

    def _booth_edited(self, _text: str) -> None:
        self.target = None

    def go_to_booth(self) -> None:
        host, text = self.host, self.booth_edit.text().strip()
        if not text or not host.fair_code:
            return
        hall = host.current_hall()  # the open round's hall too: the round follows it
        self.finding_buttons[0].setFocus()
        if not host.online:
            self.show_offline_target(text)
            return
        run_task(
            lambda _task: patrols.resolve_target(host.ctx, host.fair_code, text, hall),
            owner=self,
            on_done=self._target_found,
            on_error=lambda exc: self._target_failed(text, exc),
        )

    def _target_found(self, target: BoothTarget) -> None:
        self.target = target
        where = "  ·  " + self.tr("hall {0}").format(target.hall) if target.hall else ""
        lines = [f"{target.booth}{where}"]
        if target.exhibitors:
            lines += [f"{e.name_zh}  {e.name_en}".strip() for e in target.exhibitors]
        if target.open_cases:
            lines.append(
                self.tr("Open cases: {0}").format(
                    ", ".join(
                        f"{c.number} ({word(vocabulary.CASE_STATES, c.state)})"
                        for c in target.open_cases
                    )
                )
            )
        if target.recheck_cases:
            lines.append(
                self.tr("⚠ Measure to re-check here: {0} — record it on Re-checks (Alt+2)").format(
                    ", ".join(target.recheck_cases)
                )
            )
        if target.note:
            lines.append(target.note)
        self.target_label.setText("\n".join(lines))
        self._follow_booth_hall(target.hall)
        self.exhibitor_combo.clear()
        if len(target.exhibitors) > 1:
            self.exhibitor_combo.addItem(self.tr("(shared booth: which exhibitor?)"), None)
            for e in target.exhibitors:
                self.exhibitor_combo.addItem(e.name, e.id)
        self.exhibitor_combo.setVisible(len(target.exhibitors) > 1)

    def _follow_booth_hall(self, hall: str) -> None:
        """The round and the hall board follow the booth typed: a booth in another hall
        moves them there (the window closes the open round and says so)."""
        if not hall or hall == self.host.current_hall() or self.host.choose_hall(hall):
            return
        self.host.say(
            self.tr(
                "This booth is in hall {0}, not on the hall list: the visit goes on the "
                "round of hall {1}."
            ).format(hall, self.host.current_hall())
        )

    def _target_failed(self, text: str, exc: BaseException) -> None:
        if isinstance(exc, StorageError):
            self.host.went_offline(error_text(exc))
            self.show_offline_target(text)
        elif isinstance(exc, FairDeskError):
            self.target = None
            self.target_label.setText(error_text(exc))
            self.focus_booth()
        else:
            raise exc

    def show_offline_target(self, text: str) -> None:
        self.target = None
        self.exhibitor_combo.hide()
        self.target_label.setText(
            self.tr(
                "{0}\nThe server cannot be reached: the booth is checked when the finding is "
                "sent. Record the finding as usual."
            ).format(text)
        )

    # -- the finding ----------------------------------------------------------------------
    def choose_finding(self, n: int) -> None:
        self.finding_buttons[n].setChecked(True)
        self.notes_edit.setFocus()

    def chosen_finding(self) -> Finding | None:
        n = self.findings.checkedId()
        return FINDING_ORDER[n] if n >= 0 else None

    def save_finding(self) -> bool:
        host, text, finding = self.host, self.booth_edit.text().strip(), self.chosen_finding()
        if not text:
            host.say(self.tr("Type the booth number first."))
            self.booth_edit.setFocus()
            return False
        if finding is None:
            host.say(self.tr("Choose the finding: keys 1-6 or Ctrl+1-6."))
            self.finding_buttons[0].setFocus()
            return False
        if host.round_uid is None and not host.start_round():
            return False
        assert host.round_uid is not None
        target = self.target
        typed = target.booth if target is not None and target.via == "booth" else text
        exhibitor = self.exhibitor_combo.currentData() if self.exhibitor_combo.isVisible() else None
        photos = list(self.photos.photos)
        try:
            uid = host.outbox.record_visit(
                host.ctx,
                host.fair_code,
                host.round_uid,
                typed,
                finding,
                self.notes_edit.toPlainText(),
                photos,
                exhibitor,
            )
        except FairDeskError as exc:
            host.say(error_text(exc))
            return False
        shown = target.booth if target is not None else text
        self.saved_label.setText(
            self.tr("Saved: {0} — {1}{2}").format(
                shown,
                both(vocabulary.FINDINGS, finding),
                self.tr(" · {0} photo(s)").format(len(photos)) if photos else "",
            )
        )
        self.clear_form()
        host.recorded()
        log.debug("visit %s recorded", uid)
        return True

    def clear_form(self) -> None:
        self.target = None
        self.booth_edit.clear()
        self.notes_edit.clear()
        self.photos.clear()
        self.exhibitor_combo.hide()
        self.findings.clear()
        self.target_label.setText(self.tr("Next booth: type its number and press Enter."))
        self.booth_edit.setFocus()

    # -- the round's log ------------------------------------------------------------------
    def _request_complaint(self) -> None:
        rows = self.log_view.selectionModel().selectedRows() if self.log_view.model() else []
        if not rows:
            self.host.say(self.tr("Choose the visit in the list first."))
            return
        self.complaint_requested.emit(self.log_model.item_at(rows[0].row()).uid)

    def correct_finding(self) -> None:
        """Correct a recorded finding: the visit chosen in the list, else the newest."""
        from fairdesk.ui.common.corrections import finding_dialog

        if not self.correct_finding_button.isVisible() or self.log_model.rowCount() == 0:
            return
        rows = self.log_view.selectionModel().selectedRows()
        item = self.log_model.item_at(rows[0].row() if rows else 0)
        if item.status != "sent":
            self.host.say(self.tr("This finding waits on this laptop: correct it once it is sent."))
            return
        try:
            visit = patrols.get_visit(self.host.ctx, item.uid)
        except FairDeskError as exc:
            self.host.say(error_text(exc))
            return

        def done(_result: object) -> None:
            self.host.reload_log()  # read the corrected visit back from the server

        dialog = finding_dialog(self.host.ctx, visit, done, self.window())  # over the window
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
