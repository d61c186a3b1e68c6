"""What a correction of a recorded decision or patrol finding asks, and who may make it.

The services (`services/casework/amend.py`) take the same field names; the screens ask
these fields with the step dialog, so a correction reads like the step it corrects.
"""

from __future__ import annotations

from fairdesk.domain import vocabulary as v
from fairdesk.domain.enums import Role
from fairdesk.domain.permissions import GRANTS, Permission
from fairdesk.domain.vocabulary import Words
from fairdesk.domain.workflow import LEGAL_BASIS, REASON_NAME, Entity, Field, FieldKind, transition

CORRECTION_REASON = Field(
    REASON_NAME,
    Words("Why it is corrected (kept in the timeline)", "更正理由（记入时间线）"),
    FieldKind.TEXT,
    True,
    need=Words("a reason for the correction", "更正理由"),
)
DECISION_TRIGGER = Field(
    "decision_trigger",
    Words("Trigger", "认定依据"),
    FieldKind.CHOICE,
    True,
    v.TRIGGERS,
    need=Words("the trigger of the finding", "认定侵权的依据"),
)
DECISION_NOTE = Field(
    "decision_note", Words("Note of the decision", "认定说明"), FieldKind.TEXT, False
)
FINDING = Field(
    "finding",
    Words("Finding", "巡查结果"),
    FieldKind.CHOICE,
    True,
    v.FINDINGS,
    need=Words("the finding", "巡查结果"),
)
FINDING_NOTES = Field("notes", Words("Notes", "备注"), FieldKind.TEXT, False)

# In the order the dialog asks them; the reason last, as in every step.
DECISION_CORRECTION = (DECISION_TRIGGER, LEGAL_BASIS, DECISION_NOTE, CORRECTION_REASON)
FINDING_CORRECTION = (FINDING, FINDING_NOTES, CORRECTION_REASON)


def may_correct_decision(role: Role) -> bool:
    """Those who decide a case (the desk, a stationed officer) may correct its wording."""
    return (
        role in transition(Entity.CASE, "decide_infringing").roles
        or role in GRANTS[Permission.REGISTER_COMPLAINT]
    )


def may_correct_finding(role: Role) -> bool:
    """Those who patrol may correct a finding recorded on a patrol."""
    return role in GRANTS[Permission.PATROL]
