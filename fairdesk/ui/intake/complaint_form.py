"""The "New complaint" form: register a complaint at the desk, from the keyboard, in about
a minute.

    form = ComplaintForm(ctx, fair_code, parent)
    if form.exec():
        form.registered     # intake.Registered: complaint number and case numbers
        form.action_taken   # "draft" | "accepted" | "supplement" | "rejected"
        form.outcome        # one line for the status bar

Sections, top to bottom (the Tab order): kind, complainant, agent, rights, respondents
with their exhibits, materials checklist, commitment, summary. Save draft, Accept, Ask
for supplements and Reject save through `intake.register_and_step`: registering and the
step are one transaction, so a refused step saves nothing. What stops acceptance is the
domain's one acceptance rule (`fairdesk.domain.acceptance`), asked of the form's content.
Ctrl+Enter accepts when the rule finds nothing missing, else saves a draft; the line above
the buttons says which it will do.

Checks run in accept(): each problem is shown under its field and in the list at the top,
and the first bad field gets the focus; nothing typed is lost. A service error (e.g. the
database is locked) is shown as a message and the form keeps its content.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from fairdesk.domain import acceptance, materials
from fairdesk.domain.enums import RejectReason
from fairdesk.domain.errors import FairDeskError
from fairdesk.domain.permissions import Permission
from fairdesk.i18n import error_text
from fairdesk.services.context import Context
from fairdesk.services.fair import fairs
from fairdesk.services.inspection import evidence
from fairdesk.services.intake.intake import ComplaintInput, Registered, register_and_step
from fairdesk.services.intake.lookup import (
    PartyHit,
    PriorComplaint,
    search_parties,
    supplement_deadline,
)
from fairdesk.ui.common.named import named
from fairdesk.ui.intake import complaint_checks as checks
from fairdesk.ui.intake.complaint_checks import STEPS
from fairdesk.ui.intake.complaint_keys import KeyboardForm
from fairdesk.ui.intake.complaint_papers import CommitmentSection, MaterialsSection, SummarySection
from fairdesk.ui.intake.complaint_parties import AgentSection, ComplainantSection, KindSection
from fairdesk.ui.intake.complaint_problems import (
    Problem,
    ProblemList,
    clear_field_error,
    discard_box,
    not_saved_box,
)
from fairdesk.ui.intake.complaint_repeats import Asked, RepeatWarning
from fairdesk.ui.intake.complaint_respondents import RespondentsSection
from fairdesk.ui.intake.complaint_rights import RightsSection
from fairdesk.ui.intake.complaint_steps import RejectDialog, StepButtons, SupplementDialog
from fairdesk.ui.intake.complaint_widgets import ERROR_COLOUR

COMMITMENT_ITEM = "投诉人签署的承诺书 / The complainant's signed commitment"
HINT_DELAY_MS = 150

STYLE = f"""
QLineEdit[invalid="true"], QComboBox[invalid="true"], QPlainTextEdit[invalid="true"] {{
    border: 2px solid {ERROR_COLOUR};
}}
QCheckBox[invalid="true"] {{ color: {ERROR_COLOUR}; font-weight: bold; }}
QLabel#error_summary {{
    background: #fdecee; border: 1px solid {ERROR_COLOUR}; padding: 6px; color: #5f0010;
}}
QLabel#duplicate_banner {{
    background: #fff4d6; border: 1px solid #c98a00; padding: 6px; color: #4a3300;
}}
"""


def _form_tr(text: str) -> str:
    return QCoreApplication.translate("ComplaintForm", text)


def outcome_text(word: str, number: str, cases: Sequence[str]) -> str:
    """What saving did, as the status bar says it: "case … is", "cases … are"."""
    one = len(cases) == 1
    texts = {
        "draft": _form_tr("Complaint {0} saved as a draft (case {1}).")
        if one
        else _form_tr("Complaint {0} saved as a draft (cases {1})."),
        "accepted": _form_tr("Complaint {0} accepted: case {1} is to be notified.")
        if one
        else _form_tr("Complaint {0} accepted: cases {1} are to be notified."),
        "supplement": _form_tr("Complaint {0} saved; the complainant is asked to supplement."),
        "rejected": _form_tr("Complaint {0} not accepted (rejected)."),
    }
    return texts[word].format(number, ", ".join(cases))


def attach_photos(form: ComplaintForm, registered: Registered) -> list[str]:
    """Attach each respondent's photos to its new case; what fails is named, and the
    complaint stays saved (a photo can be added from the case view later)."""
    problems: list[str] = []
    rows = [row for row in form.respondents.rows if not row.is_blank()]
    for row, case_number in zip(rows, registered.case_numbers, strict=False):
        for path in row.photos:
            try:
                evidence.import_file(
                    form.ctx,
                    evidence.read_photo(path),
                    owner_type="case",
                    owner=case_number,
                    purpose="evidence",
                    caption=_form_tr("Accused exhibits (at intake)"),
                    zone=form.fair.timezone,
                )
            except FairDeskError as exc:
                problems.append(f"{path.name}: {error_text(exc)}")
    return problems


class ComplaintForm(KeyboardForm):
    def __init__(self, ctx: Context, fair_code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Refused before anything is typed (PermissionDenied), not when saving.
        ctx.require(Permission.REGISTER_COMPLAINT)
        self.ctx = ctx
        self.fair_code = fair_code
        self.fair = fairs.get_fair(ctx, fair_code)
        self.zone = ZoneInfo(self.fair.timezone)
        self.today: date = ctx.now().astimezone(self.zone).date()
        self.registered: Registered | None = None
        self.action_taken: str | None = None
        self.outcome = ""
        self.message_box: QMessageBox | None = None
        self.step_dialog: QDialog | None = None
        self._photo_problems: list[str] = []
        self._action = "draft"
        self._step_params: dict[str, Any] = {}
        self._step_reason = ""
        self._dirty = False
        self._saved = False
        self._discard = False

        self.setObjectName("complaint_form")
        self.setWindowTitle(
            self.tr("New complaint — {0} ({1})").format(self.fair.name, self.fair.code)
        )
        self.setStyleSheet(STYLE)
        self._build()
        self._connect()
        self._rebuild_materials()
        self._update_hint()
        self.resize(1040, 860)
        self.complainant_name.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- building: the sections, each with its own fields --------------------------------
    def _build(self) -> None:
        search = lambda text: search_parties(self.ctx, text)  # noqa: E731
        self.kind = KindSection()
        self.complainant = ComplainantSection(search)
        self.agent = AgentSection(search)
        self.rights = RightsSection(self.ctx, self.today)
        self.respondents = RespondentsSection(self.ctx, self.fair_code)
        self.materials = MaterialsSection(self.agent.power_of_attorney)
        commitment, summary = CommitmentSection(), SummarySection()
        # The fields the form and its tests name directly, under their names of old.
        self.kind_ip, self.kind_commercial = self.kind.kind_ip, self.kind.kind_commercial
        self.dispute_type = self.kind.dispute_type
        c, a = self.complainant, self.agent
        self.complainant_name, self.complainant_name_en = c.complainant_name, c.complainant_name_en
        self.complainant_kind, self.complainant_id_type = c.complainant_kind, c.complainant_id_type
        self.complainant_country = c.complainant_country
        self.agent_name, self.agent_phone = a.agent_name, a.agent_phone
        self.power_of_attorney = a.power_of_attorney
        self.materials_box, self.all_materials = self.materials, self.materials.all_materials
        self.commitment, self.summary_edit = commitment.commitment, summary.summary_edit

        content = named(QWidget(), "complaint_sections")
        sections = QVBoxLayout(content)
        for box in (self.kind, c, a, self.rights, self.respondents, self.materials):
            sections.addWidget(box)
        sections.addWidget(commitment)
        sections.addWidget(summary)
        sections.addStretch(1)
        self.scroll_area = self.scrolling(content, "complaint_scroll")
        # Banners above the scrolling sections, so they are seen whatever is scrolled.
        self.problem_list = ProblemList(self, self.scroll_area)
        self.error_summary = self.problem_list.label
        self.repeats = RepeatWarning(self.ctx, self.fair_code, self.zone, self._asked)
        self.duplicate_banner = self.repeats.banner
        self.hint = named(QLabel(), "ctrl_enter_hint")
        self.hint.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.error_summary)
        layout.addWidget(self.duplicate_banner)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.hint)
        self.button_bar = bar = StepButtons()
        layout.addLayout(bar)
        self.cancel_button, self.draft_button = bar.cancel_button, bar.draft_button
        self.supplement_button, self.reject_button = bar.supplement_button, bar.reject_button
        self.accept_button, self.close_button = bar.accept_button, bar.close_button
        self.no_auto_default()
        self._kind_changed()

    def _connect(self) -> None:
        self._hint_timer = QTimer(self, singleShot=True, interval=HINT_DELAY_MS)
        self._hint_timer.timeout.connect(self._update_hint)

        self.kind_ip.toggled.connect(self._kind_changed)
        self.complainant_name.picked.connect(self._complainant_picked)
        self.complainant_name.editingFinished.connect(self.repeats.later)
        self.agent_name.picked.connect(self._agent_picked)
        self.agent_name.textChanged.connect(self._agent_changed)
        self.rights.types_changed.connect(self._rebuild_materials)
        self.rights.changed.connect(self.repeats.later)
        self.rights.structure_changed.connect(self._structure_changed)
        self.respondents.resolved.connect(self.repeats.later)
        self.respondents.structure_changed.connect(self._structure_changed)
        self.respondents.added.connect(self.bring_into_view)
        self.rights.added.connect(self.bring_into_view)
        self.materials.ticked.connect(self._changed)
        self.materials.rebuilt.connect(self._hint_timer.start)
        self.commitment.toggled.connect(self._commitment_toggled)

        for edit in self.findChildren(QLineEdit):
            edit.textEdited.connect(self._changed)
        for combo in self.findChildren(QComboBox):
            combo.currentIndexChanged.connect(self._changed)
        for box in self.findChildren(QCheckBox):
            box.toggled.connect(self._changed)
        self.summary_edit.textChanged.connect(self._changed)
        self.rights.changed.connect(self._changed)
        self.respondents.changed.connect(self._changed)

        self.cancel_button.clicked.connect(self.reject)
        self.draft_button.clicked.connect(lambda: self.request("draft"))
        self.accept_button.clicked.connect(lambda: self.request("accept"))
        self.supplement_button.clicked.connect(self.ask_for_supplements)
        self.reject_button.clicked.connect(self.ask_to_reject)
        self.close_button.clicked.connect(self._close_saved)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.save_default)
        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.activated.connect(lambda: self.request("draft"))

    def _structure_changed(self) -> None:
        self.no_auto_default()
        self._rebuild_materials()

    def sections(self) -> QWidget:
        """The widget holding every section, inside the scroll area."""
        content = self.scroll_area.widget()
        assert content is not None  # set when the form was built
        return content

    def bring_into_view(self, widget: QWidget) -> None:
        """A row just added is scrolled to and its first field focused: it is typed in next."""
        # The new row has no place yet until the pending layout requests are done.
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self.scroll_area.ensureWidgetVisible(widget, 40, 80)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- keyboard (KeyboardForm walks the chain) ------------------------------------------
    def focus_chain(self) -> list[QWidget]:
        """Every focusable field and button, top to bottom: the Tab order."""
        chain = self.kind.focus_chain() + self.complainant.focus_chain()
        chain += self.agent.focus_chain()
        chain += self.rights.focus_chain()
        chain += self.respondents.focus_chain()
        chain += list(self.material_boxes().values())
        chain += [self.all_materials, self.commitment, self.summary_edit]
        return chain + self.button_bar.buttons()

    # -- reacting to input --------------------------------------------------------------------
    def _changed(self, *_: Any) -> None:
        self._dirty = True
        self._hint_timer.start()

    def is_ip(self) -> bool:
        return self.kind.is_ip()

    def _kind_changed(self) -> None:
        ip = self.is_ip()
        self.rights.setVisible(ip)
        self.materials.setVisible(ip)
        self.kind.show_kind()
        if hasattr(self, "_hint_timer"):
            self.repeats.later()
            self._changed()

    def _complainant_picked(self, hit: PartyHit) -> None:
        self.complainant.fill(hit)
        self.repeats.later()
        self._changed()

    def _agent_picked(self, hit: PartyHit) -> None:
        self.agent.fill(hit)
        self._changed()

    def _agent_changed(self) -> None:
        self.power_of_attorney.setEnabled(self.agent.has_agent())
        if self.agent.has_agent() != (
            materials.POWER_OF_ATTORNEY.key in self.materials.shown_keys()
        ):
            self._rebuild_materials()

    def _commitment_toggled(self, on: bool) -> None:
        if on:
            clear_field_error(self.commitment)

    # -- materials checklist ----------------------------------------------------------------
    def checklist(self) -> tuple[materials.Material, ...]:
        if not self.is_ip():
            return ()
        return self._whole_checklist()

    def _whole_checklist(self) -> tuple[materials.Material, ...]:
        return materials.checklist(
            self.rights.ip_types(), agent=self.agent.has_agent(), licences=self.rights.licences()
        )

    def _rebuild_materials(self) -> None:
        self.materials.show_list(self._whole_checklist())

    def material_boxes(self) -> dict[str, QCheckBox]:
        """The checklist's boxes by material key, in the order shown."""
        return self.materials.boxes()

    def ticks(self) -> dict[str, bool]:
        return self.materials.ticks(self.checklist())

    def missing_materials(self) -> list[materials.Material]:
        return materials.missing(self.checklist(), self.ticks())

    # -- duplicate warning (Canton Fair rule) -----------------------------------------------------
    @property
    def prior(self) -> list[PriorComplaint]:
        return self.repeats.prior

    def _asked(self) -> Asked:
        numbers = self.rights.numbers() if self.is_ip() else []
        return Asked(
            self.complainant.name(), numbers, self.respondents.exhibitor_ids(), self.is_ip()
        )

    def check_duplicates(self) -> None:
        self.repeats.check()

    def _repeat_newly_found(self) -> bool:
        """Check for a repeat now (the timed check may not have run yet); True when it finds
        one the desk has not been shown. Never more than that: the desk decides."""
        return self.repeats.newly_found()

    # -- completeness and Ctrl+Enter -----------------------------------------------------------
    def acceptance_problems(self) -> list[acceptance.AcceptanceProblem]:
        """The one acceptance rule (the service enforces the same), asked of the form."""
        return acceptance.acceptance_problems(checks.complaint_facts(self), self.today)

    def still_needed_to_accept(self) -> list[str]:
        return checks.still_needed(self.acceptance_problems())

    def default_action(self) -> str:
        return "draft" if self.still_needed_to_accept() else "accept"

    def _update_hint(self) -> None:
        self.problem_list.drop_fixed(lambda: self.problems(self._action, settle=False))
        self.hint.setText(checks.hint_text(self.still_needed_to_accept()))

    def save_default(self) -> None:
        """Ctrl+Enter: accept when complete, else save a draft."""
        if self._saved:
            self._close_saved()
            return
        for row in self.respondents.rows:
            row.resolve_typed()
        self._update_hint()
        self.request(self.default_action())

    # -- validation -------------------------------------------------------------------------
    def problems(self, action: str, settle: bool = True) -> list[Problem]:
        return checks.problems(self, action, settle)

    @property
    def problem_lines(self) -> list[str]:
        return self.problem_list.lines

    def show_problems(self, problems: list[Problem], heading: str = "") -> None:
        self.problem_list.show(problems, heading)

    # -- the actions --------------------------------------------------------------------------
    def request(self, action: str, reason: str = "", **params: Any) -> None:
        """Save the complaint and take `action` ("draft", "accept", "supplement", "reject")
        with the step's parameters (missing_items, reason_code) and reason."""
        self._action = action
        self._step_reason = reason
        self._step_params = params
        self.accept()

    def accept(self) -> None:
        if self._saved:
            super().accept()
            return
        problems = self.problems(self._action)
        self.show_problems(problems)
        if problems or self._repeat_newly_found():
            return
        self._save()

    def _draft_ready(self) -> bool:
        problems = self.problems("draft")
        self.show_problems(problems)
        return not problems and not self._repeat_newly_found()

    def ask_for_supplements(self) -> None:
        if not self._draft_ready():
            return
        try:
            deadline = supplement_deadline(self.ctx, self.fair_code)
        except FairDeskError as exc:
            self._service_error(exc)
            return
        missing = [m.label for m in self.missing_materials()]
        if not self.commitment.isChecked():
            missing.append(COMMITMENT_ITEM)
        dialog = SupplementDialog("\n".join(missing), deadline, self)
        dialog.accepted.connect(lambda: self.request("supplement", missing_items=dialog.items()))
        self._open_step(dialog)

    def ask_to_reject(self) -> None:
        if not self._draft_ready():
            return
        dialog = RejectDialog(self._suggested_reject_reason(), self)
        dialog.accepted.connect(self._reject_chosen)
        self._open_step(dialog)

    def _reject_chosen(self) -> None:
        dialog = self.step_dialog
        assert isinstance(dialog, RejectDialog)
        self.request("reject", reason=dialog.note(), reason_code=dialog.reason_code())

    def _open_step(self, dialog: QDialog) -> None:
        self.step_dialog = dialog
        dialog.open()
        dialog.activateWindow()

    def _suggested_reject_reason(self) -> str:
        if self.repeats.earlier_edition():
            return RejectReason.REPEAT_WITHOUT_FOLLOW_UP
        return acceptance.suggested_reject_reason(self.acceptance_problems())

    def collect(self) -> ComplaintInput:
        """The form's content as the intake service's input."""
        return checks.complaint_input(self)

    def _save(self) -> None:
        """Register and take the step in one transaction: a refused step saves nothing,
        and the form keeps everything typed and says why."""
        step, word = STEPS[self._action]
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            registered = self._register(self.collect(), step)
        except FairDeskError as exc:
            self._service_error(exc)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.registered = registered
        self._saved = True
        self._photo_problems = attach_photos(self, registered)
        self._finish(registered, word)

    def _register(self, data: ComplaintInput, step: str) -> Registered:
        """The service that registers (a form prefilled from elsewhere names its own)."""
        return register_and_step(
            self.ctx, self.fair_code, data, step, self._step_reason, **self._step_params
        )

    def _finish(self, registered: Registered, word: str) -> None:
        self.action_taken = word
        self.outcome = outcome_text(word, registered.number, registered.case_numbers)
        if self._photo_problems:
            self.outcome += " " + self.tr("Not attached (add them from the case view): {0}").format(
                "; ".join(self._photo_problems)
            )
        super().accept()

    def _close_saved(self) -> None:
        super().accept()

    def _service_error(self, exc: FairDeskError) -> None:
        """A refusal of the service: point at the field when the message names one, keep
        everything typed, and say what happened."""
        message = error_text(exc)
        target, where = checks.refusal_place(self, message)
        if target is None:
            self.problem_list.show_unsaved(message, where)
        else:
            self.show_problems([(target, message, where)], self.tr("The complaint was not saved:"))
        self.message_box = not_saved_box(self, message)
        self.message_box.open()

    # -- leaving ---------------------------------------------------------------------------
    def reject(self) -> None:
        if self._saved:
            super().accept()
            return
        if not self._dirty or self._discard:
            super().reject()
            return
        self.message_box = box = discard_box(self)

        def finished(result: int) -> None:
            if box.clickedButton() is box.button(QMessageBox.StandardButton.Discard):
                self._discard = True
                self.reject()

        box.finished.connect(finished)
        box.open()
