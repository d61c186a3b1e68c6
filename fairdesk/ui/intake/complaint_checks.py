"""What the complaint form asks before saving: what saving needs at all (the typing, the
parties) and, for a step the acceptance rule guards, the domain's one acceptance rule
(`fairdesk.domain.acceptance`), each problem placed under the field it is about.

The form holds no rule of its own: the domain's step table says which steps the
acceptance rule guards, and the rule says what is missing.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtWidgets import QCheckBox, QPlainTextEdit, QWidget

from fairdesk.domain import acceptance, workflow
from fairdesk.domain.enums import Channel, ComplaintKind, ComplaintState
from fairdesk.domain.workflow import Refusal
from fairdesk.i18n import error_text
from fairdesk.services.context import Context
from fairdesk.services.intake.intake import ComplaintInput
from fairdesk.ui.intake.complaint_parties import AgentSection, ComplainantSection, KindSection
from fairdesk.ui.intake.complaint_problems import Problem
from fairdesk.ui.intake.complaint_respondents import RespondentsSection
from fairdesk.ui.intake.complaint_rights import RightsSection
from fairdesk.ui.intake.complaint_widgets import LookupEdit

# What the buttons do: (the workflow step after registering, the word in action_taken).
STEPS = {
    "draft": ("", "draft"),
    "accept": ("accept", "accepted"),
    "supplement": ("request_supplement", "supplement"),
    "reject": ("reject", "rejected"),
}


class ComplaintForm(Protocol):
    """What these checks read of the form: its sections and a few of their fields."""

    ctx: Context
    kind: KindSection
    complainant: ComplainantSection
    agent: AgentSection
    rights: RightsSection
    respondents: RespondentsSection
    complainant_name: LookupEdit
    agent_name: LookupEdit
    power_of_attorney: QCheckBox
    commitment: QCheckBox
    summary_edit: QPlainTextEdit

    def sections(self) -> QWidget: ...

    def is_ip(self) -> bool: ...

    def ticks(self) -> dict[str, bool]: ...

    def material_boxes(self) -> dict[str, QCheckBox]: ...

    def acceptance_problems(self) -> list[acceptance.AcceptanceProblem]: ...


def _tr(text: str) -> str:
    return QCoreApplication.translate("ComplaintForm", text)


def complaint_facts(form: ComplaintForm) -> acceptance.ComplaintFacts:
    """What is on screen, as the acceptance rule reads a complaint (no database)."""
    rows = [r for r in form.respondents.rows if not r.is_blank()]
    ip = form.is_ip()
    return acceptance.ComplaintFacts(
        kind=ComplaintKind.IP if ip else ComplaintKind.COMMERCIAL,
        complainant=form.complainant.name(),
        complainant_en=form.complainant.value().name_en,
        respondents=len(rows),
        unresolved_respondents=sum(1 for r in rows if r.exhibitor is None),
        agent=form.agent.has_agent(),
        power_of_attorney=form.agent.power_received(),
        commitment_signed=form.commitment.isChecked(),
        materials=form.ticks() if ip else {},
        rights=[row.right_facts() for row in form.rights.named()] if ip else [],
    )


def still_needed(problems: list[acceptance.AcceptanceProblem]) -> list[str]:
    """What acceptance still lacks, in short words, from the acceptance rule's problems."""
    words = {
        "complainant": _tr("complainant"),
        "rights": _tr("a valid right"),
        "respondents": _tr("respondent"),
        "materials": _tr("materials"),
        "power_of_attorney": _tr("power of attorney"),
        "commitment": _tr("commitment"),
    }
    needed: list[str] = []
    for problem in problems:
        area = problem.refusal.field.split(".", 1)[0]  # "rights.2.number" -> "rights"
        word = words.get(area, problem.refusal.field)
        if word not in needed:
            needed.append(word)
    return needed


def hint_text(needed: list[str]) -> str:
    """The line above the buttons: what Ctrl+Enter will do, and why."""
    if needed:
        text = _tr("Ctrl+Enter saves a draft; to accept, still needed: {0}.").format(
            ", ".join(needed)
        )
    else:
        text = _tr("Ctrl+Enter accepts the complaint: everything needed is there.")
    return text + "  " + _tr("Ctrl+S saves a draft · Esc cancels.")


def problems(form: ComplaintForm, action: str, settle: bool = True) -> list[Problem]:
    """Everything that stops `action`, top to bottom: what saving needs at all (typing,
    the parties), then, to accept, the acceptance rule's problems, each under its
    field. Without `settle` the form is only read (see RespondentRow.problems)."""
    out: list[Problem] = []
    if not form.complainant.name().strip():
        out.append(
            (
                form.complainant_name,
                _tr("Enter the complainant's name (person or company)."),
                _tr("Complainant"),
            )
        )
    if form.agent.details_without_name():
        out.append(
            (
                form.agent_name,
                _tr("Give the agent's name, or clear the agent's details."),
                _tr("Agent"),
            )
        )
    if form.is_ip():
        out += form.rights.problems()
    out += form.respondents.problems(settle)
    found = form.acceptance_problems()
    if _step_waits_for(form, action, found):
        # One message per field and section: the typing problem, when there is one.
        shown = {id(w) for w, _m, _where in out} | {where for _w, _m, where in out}
        for problem in found:
            placed = _placed(form, problem.refusal)
            if id(placed[0]) not in shown and placed[2] not in shown:
                shown |= {id(placed[0]), placed[2]}
                out.append(placed)
    return sorted(out, key=lambda p: _height_of(form, p[0]))


def _step_waits_for(
    form: ComplaintForm, action: str, found: list[acceptance.AcceptanceProblem]
) -> bool:
    """Whether the button's step is refused by the acceptance rule (the domain's step
    table knows which steps are guarded by it; the form does not name them)."""
    step = STEPS[action][0]
    if not step or not found:
        return False
    refusals = tuple(p.refusal for p in found)
    facts = workflow.Facts(
        entity=workflow.Entity.COMPLAINT,
        number="",
        state=ComplaintState.DRAFT,
        role=form.ctx.actor.role,
        now=form.ctx.now(),
        complaint_state=ComplaintState.DRAFT,
        acceptance=refusals,
    )
    refusal = workflow.evaluate(facts, step).refusal
    return any(refusal is r for r in refusals)


def _height_of(form: ComplaintForm, widget: QWidget) -> int:
    """Where a field sits in the form, so problems read top to bottom."""
    content = form.sections()
    if not content.isAncestorOf(widget):
        return 1 << 30
    return widget.mapTo(content, QPoint(0, 0)).y()


def _placed(form: ComplaintForm, refusal: Refusal) -> Problem:
    """An acceptance refusal under the widget its field names, with its section."""
    message = error_text(refusal.exception())
    parts = refusal.field.split(".")
    area = parts[0]
    boxes = form.material_boxes()
    if area == "rights":
        index = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 1
        named = form.rights.named() or form.rights.rows
        right = named[min(index, len(named)) - 1]
        return right.widget_for(parts[-1]), message, _tr("Right {0}").format(index)
    if area == "materials" and len(parts) > 1 and parts[1] in boxes:
        return boxes[parts[1]], message, _tr("Materials")
    if area == "respondents":
        rows = [r for r in form.respondents.rows if not r.is_blank()] or form.respondents.rows
        row = next((r for r in rows if r.exhibitor is None), rows[0])
        return row.search, message, _tr("Respondent {0}").format(row.number)
    places: dict[str, tuple[QWidget, str]] = {
        "power_of_attorney": (form.power_of_attorney, _tr("Agent")),
        "commitment": (form.commitment, _tr("Commitment")),
    }
    widget, where = places.get(area, (form.complainant_name, _tr("Complainant")))
    return widget, message, where


def complaint_input(form: ComplaintForm) -> ComplaintInput:
    """The form's content as the intake service's input."""
    ip = form.is_ip()
    return ComplaintInput(
        complainant=form.complainant.value(),
        respondents=form.respondents.inputs(),
        rights=form.rights.inputs() if ip else [],
        agent=form.agent.value(),
        power_of_attorney=form.agent.power_received(),
        kind=ComplaintKind.IP if ip else ComplaintKind.COMMERCIAL,
        channel=Channel.DESK,
        summary=form.summary_edit.toPlainText(),
        dispute_type=form.kind.dispute(),
        commitment_signed=form.commitment.isChecked(),
        materials=form.ticks() if ip else {},
    )


def refusal_place(form: ComplaintForm, message: str) -> tuple[QWidget | None, str]:
    """The field a refusal of the service names (a respondent, a right), with its section;
    None when it names none."""
    target: QWidget | None = None
    where = _tr("Not saved")
    for row in form.respondents.rows:
        if message.startswith(f"Respondent {row.number}:"):
            target, where = row.search, _tr("Respondent {0}").format(row.number)
    for right_row in form.rights.rows:
        number = right_row.number.text().strip().upper()
        if number and f"Right {number}" in message:
            target, where = right_row.number, _tr("Right {0}").format(right_row.index)
    return target, where
