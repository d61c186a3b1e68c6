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

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fairdesk.domain import vocabulary as v
from fairdesk.domain.clocks import ClockState
from fairdesk.domain.corrections import may_correct_decision
from fairdesk.domain.enums import ClockKind
from fairdesk.domain.errors import ConcurrentEdit, FairDeskError, IllegalTransition, NotFound
from fairdesk.domain.permissions import GRANTS, Permission
from fairdesk.domain.vocabulary import party_words, say
from fairdesk.domain.workflow import (
    REASON,
    REASON_NAME,
    Entity,
    Field,
    Step,
    suggested_legal_basis,
)
from fairdesk.domain.zones import zone_words
from fairdesk.i18n import current_language, domain_word, error_text
from fairdesk.services.casework import clocks
from fairdesk.services.casework.amend import Amended
from fairdesk.services.casework.case_detail import CaseDetail, ComplaintDetail, case_detail
from fairdesk.services.casework.cases import TimelineEntry, last_change, timeline
from fairdesk.services.casework.steps import (
    AvailableSteps,
    StepChoice,
    act_on_case,
    act_on_complaint,
    available_steps,
)
from fairdesk.services.context import Context
from fairdesk.ui.casework.case_clocks import ClocksPanel
from fairdesk.ui.casework.case_sections import DetailPanel, plain_label
from fairdesk.ui.casework.case_steps import StepsPanel, answers_of, refusal_text
from fairdesk.ui.casework.case_timeline import COL_WHAT, COL_WHEN, COL_WHO, COL_WHY, TimelineModel
from fairdesk.ui.common.case_labels import (
    CHANNELS,
    CLOCKS,
    COMPLAINT_STATES,
    KINDS,
    TONE_WORDS,
    Tone,
    assign_mnemonics,
    both,
    desk_words,
    local_time,
    state_tone,
    state_words,
    tr,
    transition_label,
    word,
)
from fairdesk.ui.common.step_dialog import StepDialog, give_back_focus

Answers = tuple[AvailableSteps, AvailableSteps]
TICK_MS = 30_000  # the countdowns are redrawn twice a minute
TIMELINE_ROWS = 5  # entries the timeline shows at least

_TONE_ICON = {
    Tone.ACT: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Tone.WAIT: QStyle.StandardPixmap.SP_MessageBoxInformation,
    Tone.DONE: QStyle.StandardPixmap.SP_DialogApplyButton,
}
_TONE_STYLE = {
    Tone.ACT: "background: #fff4e5; border: 2px solid #b35c00;",
    Tone.WAIT: "background: #e8f0fe; border: 2px solid #1a56b0;",
    Tone.DONE: "background: #e6f4ea; border: 2px solid #1e7a34;",
}


class CaseView(QWidget):
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

        # -- header ---------------------------------------------------------------------
        self.case_label = plain_label("case_number_label")
        font = self.case_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.case_label.setFont(font)
        self.case_label.setWordWrap(False)
        self.state_icon = QLabel(objectName="state_icon")
        self.state_label = QLabel(objectName="state_label")
        self.state_label.setTextFormat(Qt.TextFormat.PlainText)
        bold = self.state_label.font()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.15)
        self.state_label.setFont(bold)
        self.state_badge = QWidget(objectName="state_badge")
        badge = QHBoxLayout(self.state_badge)
        badge.setContentsMargins(8, 3, 10, 3)
        badge.addWidget(self.state_icon)
        badge.addWidget(self.state_label)
        self.complaint_label = plain_label("complaint_label")
        self.fair_label = plain_label("fair_label")
        self.fair_label.setWordWrap(False)
        self.siblings_label = plain_label("siblings_label")

        # A message bar for errors of steps taken without a dialog.
        self.message_icon = QLabel(objectName="message_icon")
        self.message_icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(22, 22)
        )
        self.message_label = plain_label("message_label")
        self.message_bar = QWidget(objectName="message_bar")
        self.message_bar.setStyleSheet(
            "#message_bar { background: #fff4e5; border: 1px solid #b35c00; }"
        )
        bar = QHBoxLayout(self.message_bar)
        bar.addWidget(self.message_icon, 0, Qt.AlignmentFlag.AlignTop)
        bar.addWidget(self.message_label, 1)
        self.message_bar.hide()

        # -- body -------------------------------------------------------------------------
        self.details = DetailPanel()
        self.clocks_panel = ClocksPanel()
        self.clocks_panel.pause_requested.connect(self._pause)
        self.clocks_panel.resume_requested.connect(self._resume)

        self.steps_panel = StepsPanel()
        self.steps_panel.clicked.connect(self.start_step)
        self.steps_panel.explain.connect(self.show_message)
        # Short names the tests and older code use.
        self.action_buttons = self.steps_panel.case_buttons
        self.complaint_buttons = self.steps_panel.complaint_buttons
        self.no_actions_label = self.steps_panel.no_actions_label
        self.complaint_box = self.steps_panel.complaint_box

        right = QWidget(objectName="case_side")
        side = QVBoxLayout(right)
        side.setContentsMargins(6, 0, 0, 0)
        side.addWidget(self.clocks_panel)
        side.addWidget(self.steps_panel)
        side.addStretch(1)
        side_scroll = _side_scroll(right)

        self.timeline_model = TimelineModel(self)
        self.timeline_view = _timeline_table(self.timeline_model)
        timeline_box = QGroupBox(self.tr("Timeline · 处理记录"), objectName="timeline_box")
        QVBoxLayout(timeline_box).addWidget(self.timeline_view)

        top = QSplitter(Qt.Orientation.Horizontal, objectName="case_top_splitter")
        self._top_splitter = top
        self._sized = False
        top.addWidget(self.details)
        top.addWidget(side_scroll)
        top.setStretchFactor(0, 2)
        top.setStretchFactor(1, 1)
        top.setChildrenCollapsible(False)
        body = QSplitter(Qt.Orientation.Vertical, objectName="case_body_splitter")
        body.addWidget(top)
        body.addWidget(timeline_box)
        body.setStretchFactor(0, 2)
        body.setStretchFactor(1, 1)
        body.setSizes([520, 260])
        body.setChildrenCollapsible(False)

        # -- bottom -----------------------------------------------------------------------
        self.reload_button = QPushButton(self.tr("Reload (F5)"), objectName="reload_button")
        self.reload_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.reload_button.clicked.connect(self._reload_clicked)
        self.documents_button = QPushButton(
            self.tr("Documents… (Ctrl+P)"), objectName="documents_button"
        )
        self.documents_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.documents_button.clicked.connect(self.open_documents)
        self.handoff_button = QPushButton(self.tr("Hand-o&ffs…"), objectName="handoff_button")
        self.handoff_button.clicked.connect(self.open_handoffs)
        self.correct_button = QPushButton(
            self.tr("Correct the decision… (Ctrl+Shift+D)"), objectName="correct_button"
        )
        self.correct_button.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.correct_button.clicked.connect(self.correct_decision)
        self.correct_button.hide()
        self.close_button = QPushButton(self.tr("Close (Esc)"), objectName="close_button")
        self.close_button.clicked.connect(self.close)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.close)
        self.user_label = plain_label(
            "case_user_label",
            self.tr("Signed in as {0} ({1})").format(
                ctx.actor.username, say(v.ROLES, ctx.actor.role.value, current_language())
            ),
        )
        bottom = QHBoxLayout()
        bottom.addWidget(self.user_label, 1)
        bottom.addWidget(self.reload_button)
        bottom.addWidget(self.documents_button)
        bottom.addWidget(self.handoff_button)
        bottom.addWidget(self.correct_button)
        bottom.addWidget(self.close_button)

        head = QHBoxLayout()
        head.addWidget(self.case_label)
        head.addWidget(self.state_badge)
        head.addStretch(1)
        head.addWidget(self.fair_label)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.complaint_label)
        layout.addWidget(self.siblings_label)
        layout.addWidget(self.message_bar)
        layout.addWidget(body, 1)
        layout.addLayout(bottom)

        self.clock_timer = QTimer(self, interval=TICK_MS, objectName="clock_timer")
        self.clock_timer.timeout.connect(self.tick)
        self.reload()
        self.clock_timer.start()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._sized:
            # Details get two thirds of the width, deadlines and steps the rest.
            self._sized = True
            width = self._top_splitter.width() or self.width()
            self._top_splitter.setSizes([width * 2 // 3, width - width * 2 // 3])

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
        self._show_header(detail)
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

    def _show_header(self, d: CaseDetail) -> None:
        zone = d.fair_timezone
        c = d.complaint
        self.setWindowTitle(
            self.tr("Case {0} — {1}").format(d.number, d.respondent.name_zh or d.respondent.name_en)
        )
        self.case_label.setText(d.number)
        tone = state_tone(d.state)
        self.state_label.setText(state_words(d.state))
        self.state_label.setToolTip(f"{state_words(d.state)} — {tr(TONE_WORDS[tone])}")
        self.state_icon.setPixmap(self.style().standardIcon(_TONE_ICON[tone]).pixmap(22, 22))
        self.state_badge.setStyleSheet(f"#state_badge {{ {_TONE_STYLE[tone]} }}")
        self.state_badge.setAccessibleName(self.tr("State: {0}").format(state_words(d.state)))
        times = [self.tr("received {0}").format(local_time(c.received_at, zone))]
        if c.accepted_at:
            times.append(self.tr("accepted {0}").format(local_time(c.accepted_at, zone)))
        if c.transferred_at:
            times.append(
                self.tr("transferred {0} to {1}").format(
                    local_time(c.transferred_at, zone), c.authority
                )
            )
        if d.notified_at:
            times.append(self.tr("respondent notified {0}").format(local_time(d.notified_at, zone)))
        self.complaint_label.setText(complaint_line(c, times))
        fair = " / ".join(n for n in (d.fair_name, d.fair_name_en) if n)
        self.fair_label.setText(self.tr("Fair: {0} ({1})").format(fair, d.fair_code))
        self.fair_label.setToolTip(
            self.tr("All times are the fair's local time ({0}).").format(
                desk_words(zone_words(zone))
            )
        )
        if d.siblings:
            self.siblings_label.setText(
                self.tr("Other respondents of this complaint: {0}").format(
                    "; ".join(
                        f"{s.number} {s.exhibitor} {s.booth_no} ({state_words(s.state)})"
                        for s in d.siblings
                    )
                )
            )
            self.siblings_label.show()
        else:
            self.siblings_label.hide()

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
        fresh = self._answers(self.detail) if self.detail is not None else None
        if fresh is not None and answers_of(*fresh) != self.steps_panel.answers():
            self._load_steps(self.detail, fresh)  # type: ignore[arg-type]
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
        self._after_change()

    def _after_change(self) -> None:
        try:
            self.reload()
        except NotFound:
            pass
        finally:
            self.changed.emit(self.case_number)

    # -- documents ----------------------------------------------------------------------
    def open_documents(self) -> None:
        """Issue, preview, print or check this case's documents (the button, Ctrl+P)."""
        from fairdesk.ui.paper.document_dialog import DocumentDialog

        try:
            dialog = DocumentDialog(self.ctx, self.case_number, self)
        except FairDeskError as exc:
            self.show_message(error_text(exc))
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(lambda _number: self._after_change())
        dialog.open()

    def open_handoffs(self) -> None:
        """Send this case to a public system: a referral or an evidence package."""
        from fairdesk.ui.paper.handoff_dialog import HandoffDialog

        if self.detail is None:
            return
        # A case handed to an authority (it names one) most likely goes with its package.
        kind = "referral" if self.detail.authority else "evidence"
        dialog = HandoffDialog(self.ctx, self.detail.fair_code, self.case_number, kind, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.handoff_done.connect(lambda _result: self._after_change())
        dialog.open()

    def correct_decision(self) -> None:
        """Correct the recorded decision's wording (the button, Ctrl+Shift+D)."""
        from fairdesk.ui.common.corrections import decision_dialog

        if self.detail is None or not self.correct_button.isVisible():
            return
        self.clear_message()

        def done(result: Amended) -> None:
            if not result.changed:
                self.show_message(self.tr("Nothing differs from the recorded decision."))
            self._after_change()

        def shown() -> CaseDetail:
            assert self.detail is not None
            return self.detail

        def conflict() -> None:
            with contextlib.suppress(FairDeskError):
                self.reload()  # the other desk's wording behind the dialog

        dialog = decision_dialog(self.ctx, shown, done, self, conflict)
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        self.step_dialog = dialog
        dialog.open()

    # -- clocks -------------------------------------------------------------------------
    def _pause(self, kind: str) -> None:
        self.clear_message()

        def apply(_params: dict[str, Any], reason: str) -> None:
            clocks.pause(self.ctx, self.case_number, ClockKind(kind), reason)
            self._after_change()

        dialog = StepDialog(
            self.tr("Pause the {0} deadline · 暂停期限").format(word(CLOCKS, kind).lower()),
            (REASON,),
            subtitle=self.tr(
                "{0}: the deadline stops until it is resumed; say why (e.g. waiting for a "
                "translated power of attorney)."
            ).format(self.case_number),
            step_name=self.tr("Pause the deadline"),
            apply=apply,
            parent=self,
        )
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        self.step_dialog = dialog
        dialog.open()

    def _resume(self, kind: str) -> None:
        self.clear_message()
        try:
            clocks.resume(self.ctx, self.case_number, ClockKind(kind))
        except FairDeskError as exc:
            self.show_message(error_text(exc))
            return
        self._after_change()


def complaint_line(c: ComplaintDetail, times: list[str]) -> str:
    """The complaint's line over the case: 投诉 (or a dispute's 纠纷) with its number, kind,
    channel, state and times."""
    matter = desk_words(party_words(c.kind).matter)
    return QCoreApplication.translate("CaseView", "{0} {1} · {2} · {3} · {4} · {5}").format(
        matter[:1].upper() + matter[1:],
        c.number,
        both(KINDS, c.kind),
        both(CHANNELS, c.channel),
        both(COMPLAINT_STATES, c.state),
        ", ".join(times),
    )


def _open_choices(f: Field, closed: frozenset[str] | None) -> Field:
    """The field offering only the codes the record's facts leave open (the domain's
    closed_choices: no "no written defence" trigger once a defence was recorded)."""
    if not closed:
        return f
    return replace(f, allowed=tuple(code for code in f.codes() if code not in closed))


def _side_scroll(side: QWidget) -> QScrollArea:
    """The steps of a case in full flow are many: they scroll, rather than push the
    timeline below down to two rows (or the window off a 1000-pixel screen)."""
    scroll = QScrollArea(objectName="case_side_scroll")
    scroll.setWidget(side)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setMinimumWidth(side.minimumSizeHint().width() + 20)
    return scroll


def _timeline_table(model: TimelineModel) -> QTableView:
    """The timeline's table: one line an entry, room for TIMELINE_ROWS of them."""
    view = QTableView(objectName="timeline_view")
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    for column, width in ((COL_WHEN, 130), (COL_WHO, 90), (COL_WHAT, 280), (COL_WHY, 220)):
        view.setColumnWidth(column, width)
    # Room for a handful of entries whatever the panels above hold.
    rows = view.verticalHeader().defaultSectionSize()
    view.setMinimumHeight(view.horizontalHeader().sizeHint().height() + TIMELINE_ROWS * rows + 4)
    return view
