"""The case view's step buttons: one per step in reach of the case and of its complaint,
drawn from the services' answer (`services.steps.available_steps`).

An allowed step's button is enabled and says what it asks for; a refused one is greyed,
with the service's reason as tooltip and accessible description. It still takes focus and
clicks, so that a keyboard user can learn why: clicking or hovering it emits `explain`
with the reason, never takes the step.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtWidgets import QGroupBox, QPushButton, QVBoxLayout, QWidget

from fairdesk.domain.workflow import REASON_NAME, Entity
from fairdesk.i18n import domain_word, error_text
from fairdesk.services.casework.steps import AvailableSteps, StepChoice
from fairdesk.ui.casework.case_sections import plain_label
from fairdesk.ui.common.case_labels import transition_label
from fairdesk.ui.common.named import named
from fairdesk.ui.common.step_dialog import desk_words

_STYLE = "text-align: left; padding: 4px 10px;"
_REFUSED_STYLE = _STYLE + " color: palette(mid);"


def _tr(text: str) -> str:
    # The words were the case view's, and keep its translation context.
    return QCoreApplication.translate("CaseView", text)


def action_object_name(entity: Entity, action: str) -> str:
    return f"action_{action}" if entity is Entity.CASE else f"complaint_action_{action}"


def refusal_text(choice: StepChoice) -> str:
    """Why the step is refused, in the desk's language ("" when it is allowed)."""
    return error_text(choice.refusal) if choice.refusal is not None else ""


class StepsPanel(QWidget):
    """The "Next steps" box of the case and the box of its complaint."""

    clicked = Signal(object)  # the StepChoice of the button pressed (allowed or not)
    explain = Signal(str)  # a refused step's reason, on hover

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case_steps: AvailableSteps | None = None
        self.complaint_steps: AvailableSteps | None = None
        self.case_buttons: dict[str, QPushButton] = {}
        self.complaint_buttons: dict[str, QPushButton] = {}
        self.actions_box = named(QGroupBox(_tr("Next steps · 可执行操作")), "actions_box")
        self.actions_layout = QVBoxLayout(self.actions_box)
        self.no_actions_label = plain_label("no_actions_label")
        self.actions_layout.addWidget(self.no_actions_label)
        self.complaint_box = named(QGroupBox(), "complaint_actions_box")
        self.complaint_layout = QVBoxLayout(self.complaint_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.actions_box)
        layout.addWidget(self.complaint_box)

    # -- the answer -----------------------------------------------------------------------
    def answers(self) -> list[tuple[str, bool, str]]:
        """What the buttons show, to tell whether a fresh answer needs a redraw."""
        return answers_of(self.case_steps, self.complaint_steps)

    def choice(self, entity: Entity, action: str) -> StepChoice | None:
        """The services' answer for one step, as last shown."""
        steps = self.case_steps if entity is Entity.CASE else self.complaint_steps
        if steps is None:
            return None
        return next((c for c in steps.choices if c.action == action), None)

    def allowed(self, entity: Entity, action: str) -> bool:
        found = self.choice(entity, action)
        return found is not None and found.allowed

    # -- drawing --------------------------------------------------------------------------
    def show_steps(
        self,
        case_steps: AvailableSteps,
        complaint_steps: AvailableSteps,
        nothing_open: str,
        complaint_title: str,
    ) -> None:
        """Redraw the buttons; `nothing_open` is said when no step of the case is allowed."""
        self.case_steps, self.complaint_steps = case_steps, complaint_steps
        for steps, layout, buttons in (
            (case_steps, self.actions_layout, self.case_buttons),
            (complaint_steps, self.complaint_layout, self.complaint_buttons),
        ):
            self._clear(layout, buttons)
            for choice in steps.choices:
                if choice.in_reach:
                    buttons[choice.action] = self._button(choice)
                    layout.addWidget(buttons[choice.action])
                    buttons[choice.action].show()
        if any(c.allowed for c in case_steps.choices if c.action in self.case_buttons):
            self.no_actions_label.hide()
        else:
            self.no_actions_label.setText(nothing_open)
            self.no_actions_label.show()
        self.complaint_box.setTitle(complaint_title)
        self.complaint_box.setVisible(bool(self.complaint_buttons))

    def buttons(self) -> list[QPushButton]:
        return [*self.case_buttons.values(), *self.complaint_buttons.values()]

    def _clear(self, layout: QVBoxLayout, buttons: dict[str, QPushButton]) -> None:
        for button in buttons.values():
            layout.removeWidget(button)
            button.hide()
            button.deleteLater()
        buttons.clear()

    def _button(self, choice: StepChoice) -> QPushButton:
        s = choice.step
        button = named(QPushButton(), action_object_name(choice.entity, s.action))
        button.setProperty("label", transition_label(s, "\n"))
        button.setProperty("refused", not choice.allowed)
        if choice.allowed:
            asked = [f for f in s.fields if f.name != REASON_NAME]
            needs = domain_word(", ").join(desk_words(f.words) for f in asked)
            tip = _tr("Asks for {0}").format(needs) if needs else _tr("Takes effect at once")
            button.setStyleSheet(_STYLE)
        else:
            tip = refusal_text(choice)
            button.setStyleSheet(_REFUSED_STYLE)
            button.setAccessibleDescription(tip)
            button.installEventFilter(self)
        button.setToolTip(tip)
        button.clicked.connect(lambda _=False, c=choice: self.clicked.emit(c))
        return button

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Hovering a refused step's button says why."""
        if event.type() == QEvent.Type.Enter and isinstance(watched, QPushButton):
            reason = watched.accessibleDescription()
            if watched.property("refused") and reason:
                self.explain.emit(reason)
        return super().eventFilter(watched, event)


def answers_of(*answers: AvailableSteps | None) -> list[tuple[str, bool, str]]:
    """The services' answers as the buttons show them: each step, allowed, why not."""
    return [
        (c.action, c.allowed, refusal_text(c))
        for steps in answers
        if steps is not None
        for c in steps.choices
    ]
