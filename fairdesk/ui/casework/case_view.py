"""One respondent case on one screen: who, what, the deadlines, and the next steps.

The buttons are the steps `services.steps.available_steps` puts in reach of the case and
of its complaint (the answer the services enforce): allowed ones enabled, refused ones
greyed with the refusal as tooltip and, on hover or click, in the message bar. A step that
asks more than an optional note opens a `StepDialog` built from its fields; every step is
taken with `expected_version` = the version this view shows, so a change made by another
desk in the meantime is refused, reported with who made it, and the view reloads while the
dialog keeps the user's input.
"""

from __future__ import annotations

import contextlib
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QStyle, QWidget

from fairdesk.domain import vocabulary as v
from fairdesk.domain.clocks import ClockState
from fairdesk.domain.corrections import may_correct_decision
from fairdesk.domain.errors import ConcurrentEdit, FairDeskError, IllegalTransition, NotFound
from fairdesk.domain.permissions import GRANTS, Permission
from fairdesk.domain.vocabulary import say
from fairdesk.domain.workflow import (
    REASON_NAME,
    Entity,
    Field,
    Step,
    suggested_legal_basis,
)
from fairdesk.i18n import current_language, domain_word, error_text
from fairdesk.services.casework import clocks
from fairdesk.services.casework.case_detail import CaseDetail, case_detail
from fairdesk.services.casework.cases import TimelineEntry, last_change, timeline
from fairdesk.services.casework.steps import (
    AvailableSteps,
    StepChoice,
    act_on_case,
    act_on_complaint,
    available_steps,
)
from fairdesk.services.context import Context
from fairdesk.ui.casework.case_body import CaseBody
from fairdesk.ui.casework.case_dialogs import CaseDialogs, CaseWindow
from fairdesk.ui.casework.case_header import CaseHeader
from fairdesk.ui.casework.case_steps import answers_of, refusal_text
from fairdesk.ui.casework.case_timeline import COL_WHEN
from fairdesk.ui.common.case_labels import (
    COMPLAINT_STATES,
    assign_mnemonics,
    both,
    state_words,
    transition_label,
)
from fairdesk.ui.common.named import named
from fairdesk.ui.common.step_dialog import StepDialog, give_back_focus
from fairdesk.ui.forms.ui_case_view import Ui_CaseView

Answers = tuple[AvailableSteps, AvailableSteps]
TICK_MS = 30_000  # the countdowns are redrawn twice a minute


class CaseView(CaseWindow):
    """`CaseView(ctx, case_number, parent)`: a window on one case.

    Raises NotFound (a FairDeskError) if there is no such case. Emits `changed(number)`
    after every step, pause or resume it takes, so a list can refresh.
    """

    changed = Signal(str)

    def __init__(self, ctx: Context, case_number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.case_number = case_number.strip()
        self.detail: CaseDetail | None = None
        self.clock_states: list[ClockState] = []
        self.step_dialog: StepDialog | None = None
        self._last_change = 0
        self.setObjectName("case_view")
        self.setWindowTitle(self.tr("Case {0}").format(self.case_number))
        self.resize(1280, 860)

        self.ui = Ui_CaseView()  # the head, the message bar and the buttons: ui/case_view.ui
        self.ui.setupUi(self)
        self.header = CaseHeader(self.ui, self)
        self.body = CaseBody(self)
        self.ui.layout.insertWidget(4, self.body, 1)  # between the message bar and the buttons
        self._keep_tab_order()
        self._name_parts()
        self.dialogs = CaseDialogs(self)
        self._connect()
        self.message_bar.hide()
        self.correct_button.hide()
        self.message_icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(22, 22)
        )
        self.user_label.setText(
            self.tr("Signed in as {0} ({1})").format(
                ctx.actor.username, say(v.ROLES, ctx.actor.role.value, current_language())
            )
        )
        self._sized = False
        self.clock_timer = named(QTimer(self, interval=TICK_MS), "clock_timer")
        self.clock_timer.timeout.connect(self.tick)
        self.reload()
        self.clock_timer.start()

    def _keep_tab_order(self) -> None:
        """Tab goes from the body to the buttons below it, as on screen (the body joined
        the window after the form's buttons)."""
        ui = self.ui
        previous: QWidget = self.body.timeline_view
        for button in (
            ui.reload_button,
            ui.documents_button,
            ui.handoff_button,
            ui.correct_button,
            ui.close_button,
        ):
            QWidget.setTabOrder(previous, button)
            previous = button

    def _name_parts(self) -> None:
        """The parts by the short names the tests and older code use."""
        ui, body = self.ui, self.body
        self.case_label, self.state_label, self.state_icon = (
            ui.case_number_label,
            ui.state_label,
            ui.state_icon,
        )
        self.complaint_label, self.fair_label = ui.complaint_label, ui.fair_label
        self.message_bar, self.message_label = ui.message_bar, ui.message_label
        self.message_icon, self.user_label = ui.message_icon, ui.case_user_label
        self.reload_button, self.documents_button = ui.reload_button, ui.documents_button
        self.handoff_button, self.correct_button = ui.handoff_button, ui.correct_button
        self.close_button = ui.close_button
        self.details, self.clocks_panel = body.details, body.clocks_panel
        self.timeline_model, self.timeline_view = body.timeline_model, body.timeline_view
        self.steps_panel = body.steps_panel
        self.action_buttons = self.steps_panel.case_buttons
        self.complaint_buttons = self.steps_panel.complaint_buttons
        self.no_actions_label = self.steps_panel.no_actions_label
        self.complaint_box = self.steps_panel.complaint_box

    def _connect(self) -> None:
        self.clocks_panel.pause_requested.connect(self.dialogs.pause)
        self.clocks_panel.resume_requested.connect(self.dialogs.resume)
        self.steps_panel.clicked.connect(self.start_step)
        self.steps_panel.explain.connect(self.show_message)
        self.reload_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.reload_button.clicked.connect(self._reload_clicked)
        self.documents_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.documents_button.clicked.connect(self.dialogs.open_documents)
        self.handoff_button.clicked.connect(self.dialogs.open_handoffs)
        # In code, not in the form: a button's text, set after, would reset its shortcut.
        self.correct_button.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.correct_button.clicked.connect(self.dialogs.correct_decision)
        self.close_button.clicked.connect(self.close)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self).activated.connect(self.close)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._sized:
            # Details get two thirds of the width, deadlines and steps the rest.
            self._sized = True
            width = self.body.top.width() or self.width()
            self.body.top.setSizes([width * 2 // 3, width - width * 2 // 3])

    # -- loading ----------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the case again; raises FairDeskError (NotFound, StorageError) as it comes."""
        self._show(*self._load())

    def _load(self) -> tuple[CaseDetail, list[TimelineEntry], list[ClockState]]:
        self._last_change = last_change(self.ctx)
        detail = case_detail(self.ctx, self.case_number)
        entries = timeline(self.ctx, self.case_number)
        states = clocks.clocks_for_case(self.ctx, self.case_number)
        return detail, entries, states

    def _show(
        self, detail: CaseDetail, entries: list[TimelineEntry], states: list[ClockState]
    ) -> None:
        self.detail = detail
        self.clock_states = states
        self.header.show_detail(detail)
        self.details.show_detail(detail)
        self.timeline_model.set_entries(entries, detail.fair_timezone)
        self.timeline_view.resizeColumnToContents(COL_WHEN)
        if entries:
            # After the layout has settled, or the scroll lands short of the newest event.
            QTimer.singleShot(0, self.timeline_view, self.timeline_view.scrollToBottom)
        can_pause = self.ctx.actor.role in GRANTS[Permission.PAUSE_CLOCK]
        self.clocks_panel.set_clocks(states, detail, can_pause, self.ctx.now())
        self._load_steps(detail)
        self._assign_mnemonics()
        self.correct_button.setVisible(
            detail.decided_at is not None and may_correct_decision(self.ctx.actor.role)
        )

    def _reload_clicked(self) -> None:
        try:
            self.reload()
        except FairDeskError as exc:
            self.show_message(error_text(exc))
        else:
            self.clear_message()

    def tick(self) -> None:
        """Every 30 s: redraw the countdowns, and reload if another desk changed the case."""
        self.clocks_panel.tick(self.ctx.now())
        if not self.poll_changes() and self.step_dialog is None:
            try:
                self.refresh_steps()
            except FairDeskError as exc:
                self.show_message(error_text(exc))

    def poll_changes(self) -> bool:
        """Show what another desk changed since the last load; True if the case changed.

        One cheap query when nothing changed anywhere; the screen is redrawn only if this
        case changed. Skipped while a step dialog is open: that step must be checked
        against the version the user was looking at when they began it.
        """
        if self.step_dialog is not None:
            return False
        try:
            if last_change(self.ctx) == self._last_change:
                return False
            detail, entries, states = self._load()
        except FairDeskError as exc:
            self.show_message(error_text(exc))
            return False
        d = self.detail
        if d is not None and (detail.version, detail.complaint.version, len(entries)) == (
            d.version,
            d.complaint.version,
            self.timeline_model.rowCount(),
        ):
            return False
        self._show(detail, entries, states)
        return True

    def _answers(self, d: CaseDetail) -> Answers:
        """Which steps of the case and of its complaint are open now, and why not."""
        return available_steps(self.ctx, d.number), available_steps(self.ctx, d.complaint.number)

    def _load_steps(self, d: CaseDetail, answers: Answers | None = None) -> None:
        role = say(v.ROLES, self.ctx.actor.role.value, current_language())
        self.steps_panel.show_steps(
            *(answers or self._answers(d)),
            self.tr("No step is open to you ({0}) while the case is {1}.").format(
                role, state_words(d.state)
            ),
            self.tr("Complaint {0} · 投诉").format(d.complaint.number),
        )

    def refresh_steps(self) -> None:
        """Ask again which steps are open (time alone opens some); draw the buttons again,
        with their words, only when the answer changed: none may move under the pointer."""
        detail = self.detail
        if detail is None:
            return
        fresh = self._answers(detail)
        if answers_of(*fresh) != self.steps_panel.answers():
            self._load_steps(detail, fresh)
            self._assign_mnemonics()

    def choice(self, entity: Entity, action: str) -> StepChoice | None:
        """The services' answer for one step, as the buttons show it."""
        return self.steps_panel.choice(entity, action)

    def refusal_text(self, choice: StepChoice) -> str:
        return refusal_text(choice)

    def _assign_mnemonics(self) -> None:
        """Alt+letter for every step and clock button, unique within the window."""
        buttons = [*self.steps_panel.buttons(), *self.clocks_panel.buttons()]
        texts = assign_mnemonics(str(b.property("label")) for b in buttons)
        for button, text in zip(buttons, texts, strict=True):
            button.setText(text)

    # -- messages -----------------------------------------------------------------------
    def show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_bar.show()

    def clear_message(self) -> None:
        self.message_label.clear()
        self.message_bar.hide()

    def message(self) -> str:
        return "" if self.message_bar.isHidden() else self.message_label.text()

    # -- steps ------------------------------------------------------------------------------
    def allowed_now(self, entity: Entity, action: str) -> bool:
        """Ask the services again whether the step is open (after the case changed)."""
        if self.detail is None:
            return False
        number = self.detail.number if entity is Entity.CASE else self.detail.complaint.number
        try:
            steps = available_steps(self.ctx, number)
        except FairDeskError:
            return False
        return any(c.action == action and c.allowed for c in steps.choices)

    def start_step(self, choice: StepChoice) -> None:
        """A step's button was pressed: say why it is refused, ask what it needs, or take
        it at once."""
        self.clear_message()
        if not choice.allowed:
            # The answer may be stale (a deadline passed since): ask again before refusing.
            with contextlib.suppress(FairDeskError):
                self.refresh_steps()
            fresh = self.steps_panel.choice(choice.entity, choice.action)
            if fresh is None or not fresh.allowed:
                self.show_message(self.refusal_text(fresh or choice))
                return
            choice = fresh
        s = choice.step
        fields = s.fields_for(self.detail.complaint.kind) if self.detail else s.fields
        fields = tuple(_open_choices(f, choice.closed.get(f.name)) for f in fields)
        if all(f.name == REASON_NAME and not f.required for f in fields):
            # Nothing to ask but an optional note: taken at once (the timeline says so).
            try:
                self._take(s, {}, "")
            except FairDeskError as exc:
                self.show_message(error_text(exc))
            return
        assert self.detail is not None
        d = self.detail
        panel = self.steps_panel
        steps = panel.case_steps if s.entity is Entity.CASE else panel.complaint_steps
        texts = steps.legal_basis_texts if steps is not None else {}
        # Start values the services give (the authority, the exhibit still to link); the
        # legal basis follows the trigger chosen in the dialog instead.
        prefill = {
            name: value
            for name, value in (steps.start_values(s, {}) if steps is not None else {}).items()
            if name != "legal_basis"
        }
        number = d.number if s.entity is Entity.CASE else d.complaint.number
        subtitle = self.tr("{0} — now {1}").format(number, self._state_of(s.entity))
        if s.field("rights") is not None and steps is not None and steps.rights:
            subtitle += "\n" + self.tr("Rights the complaint relies on: {0}").format(
                domain_word(", ").join(steps.rights)
            )
        dialog = StepDialog(
            transition_label(s),
            fields,
            subtitle=subtitle,
            step=s,
            prefill=prefill,
            legal_basis_for=lambda trigger: suggested_legal_basis(texts, s, trigger),
            apply=lambda params, reason: self._take_from_dialog(dialog, s, params, reason),
            parent=self,
        )
        self.hold_dialog(dialog)

    def hold_dialog(self, dialog: StepDialog) -> None:
        """Open a dialog that works on the version shown: no reload under it until it
        closes (poll_changes waits)."""
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        self.step_dialog = dialog
        dialog.open()

    def _dialog_closed(self, dialog: StepDialog) -> None:
        self.step_dialog = None if self.step_dialog is dialog else self.step_dialog
        dialog.deleteLater()
        give_back_focus(self)  # Alt+letter at once, no click first

    def _take_from_dialog(
        self, dialog: StepDialog, s: Step, params: dict[str, Any], reason: str
    ) -> None:
        try:
            self._take(s, params, reason)
        except (ConcurrentEdit, IllegalTransition) as exc:
            # The case moved on: show the new state behind the dialog; the input stays.
            with contextlib.suppress(FairDeskError):
                self.reload()
            if not self.allowed_now(s.entity, s.action):
                dialog.set_apply_enabled(False)
                raise type(exc)(
                    error_text(exc)
                    + " "
                    + self.tr(
                        "'{0}' is no longer possible now that it is {1}; copy your text if "
                        "you need it, then cancel."
                    ).format(transition_label(s), self._state_of(s.entity))
                ) from exc
            raise

    def _state_of(self, entity: Entity) -> str:
        assert self.detail is not None
        if entity is Entity.CASE:
            return state_words(self.detail.state)
        return both(COMPLAINT_STATES, self.detail.complaint.state)

    def _take(self, s: Step, params: dict[str, Any], reason: str) -> None:
        """Take the step on the version shown, then reload and announce the change."""
        assert self.detail is not None
        d = self.detail
        if s.entity is Entity.CASE:
            act_on_case(
                self.ctx, d.number, s.action, reason=reason, expected_version=d.version, **params
            )
        else:
            act_on_complaint(
                self.ctx,
                d.complaint.number,
                s.action,
                reason=reason,
                expected_version=d.complaint.version,
                **params,
            )
        self.after_change()

    def after_change(self) -> None:
        try:
            self.reload()
        except NotFound:
            pass
        finally:
            self.changed.emit(self.case_number)


def _open_choices(f: Field, closed: frozenset[str] | None) -> Field:
    """The field offering only the codes the record's facts leave open (the domain's
    closed_choices: no "no written defence" trigger once a defence was recorded)."""
    if not closed:
        return f
    return replace(f, allowed=tuple(code for code in f.codes() if code not in closed))
