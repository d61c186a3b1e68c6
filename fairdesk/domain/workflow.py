"""The case workflow as one table: every legal step, who may take it, what it needs.

The services check a step against this table before they change anything, and the GUI
enables its buttons from the same table, so the two can never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from fairdesk.domain.enums import (
    TERMINAL_CASE_STATES,
    CaseState,
    ClockKind,
    ComplaintState,
    DecisionTrigger,
    EscalationAction,
    MeasureType,
    RecheckResult,
    RejectReason,
    Role,
)
from fairdesk.domain.errors import IllegalTransition, MissingRequirement, PermissionDenied


class Entity(StrEnum):
    COMPLAINT = "complaint"
    CASE = "case"


@dataclass(frozen=True)
class Requirement:
    """A parameter a step cannot do without; `choices` limits it to a set of codes."""

    name: str
    label: str
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Transition:
    entity: Entity
    action: str
    sources: frozenset[str]
    target: str
    roles: frozenset[Role]
    label: str
    label_zh: str
    requires: tuple[Requirement, ...] = ()
    starts: tuple[ClockKind, ...] = ()
    stops: tuple[ClockKind, ...] = ()
    pauses: tuple[ClockKind, ...] = ()
    resumes: tuple[ClockKind, ...] = ()
    # Taken by the services as a consequence of another step, never offered as a button.
    internal: bool = False


DESK = frozenset({Role.DESK})
FLOOR = frozenset({Role.DESK, Role.INSPECTOR})

REASON = Requirement("reason", "a reason")
TRIGGER = Requirement("trigger", "the trigger of the finding", tuple(DecisionTrigger))
LEGAL_BASIS = Requirement("legal_basis", "the legal basis")
REASON_CODE = Requirement("reason_code", "a reason code", tuple(RejectReason))
MISSING_ITEMS = Requirement("missing_items", "the list of missing materials")
AUTHORITY = Requirement("authority", "the authority")
MEASURE = Requirement("measure", "the measure ordered", tuple(MeasureType))
DEFENCE = Requirement("summary", "a summary of the defence")
TERMS = Requirement("terms", "the terms of the settlement")
RESULT = Requirement(
    "result",
    "the re-inspection result",
    tuple(r for r in RecheckResult if r is not RecheckResult.PASSED),
)
ESCALATION = Requirement("escalation", "the escalation step", tuple(EscalationAction))

C, S = ComplaintState, CaseState


def _t(
    entity: Entity,
    action: str,
    sources: Iterable[StrEnum],
    target: StrEnum,
    label: str,
    label_zh: str,
    roles: frozenset[Role] = DESK,
    **extra: object,
) -> Transition:
    return Transition(
        entity,
        action,
        frozenset(str(s) for s in sources),
        str(target),
        roles,
        label,
        label_zh,
        **extra,  # type: ignore[arg-type]
    )


OPEN_CASE_STATES = tuple(s for s in CaseState if s not in TERMINAL_CASE_STATES)

TRANSITIONS: tuple[Transition, ...] = (
    # -- complaint intake (2006 Measures Arts 8-11) --
    _t(
        Entity.COMPLAINT,
        "request_supplement",
        [C.DRAFT],
        C.PENDING_SUPPLEMENT,
        "Ask for supplements",
        "通知补正材料",
        requires=(MISSING_ITEMS,),
        starts=(ClockKind.SUPPLEMENT,),
    ),
    _t(
        Entity.COMPLAINT,
        "accept",
        [C.DRAFT, C.PENDING_SUPPLEMENT],
        C.ACCEPTED,
        "Accept",
        "受理",
        stops=(ClockKind.SUPPLEMENT,),
    ),
    _t(
        Entity.COMPLAINT,
        "reject",
        [C.DRAFT, C.PENDING_SUPPLEMENT],
        C.REJECTED,
        "Reject",
        "不予受理",
        requires=(REASON_CODE,),
        stops=(ClockKind.SUPPLEMENT,),
    ),
    _t(
        Entity.COMPLAINT,
        "transfer",
        [C.ACCEPTED],
        C.TRANSFERRED,
        "Transfer to the authority",
        "移交知识产权管理部门",
        requires=(AUTHORITY,),
        stops=(ClockKind.TRANSFER,),
    ),
    # -- respondent case --
    _t(
        Entity.CASE,
        "notify",
        [S.TO_NOTIFY],
        S.NOTIFIED,
        "Notify the respondent",
        "通知被投诉人",
        starts=(ClockKind.DEFENCE,),
    ),
    _t(
        Entity.CASE,
        "self_remedy",
        [S.NOTIFIED],
        S.SELF_REMEDIED,
        "Record a voluntary removal",
        "记录主动撤展",
        requires=(REASON,),
        stops=(ClockKind.DEFENCE,),
    ),
    _t(
        Entity.CASE,
        "start_mediation",
        [S.NOTIFIED],
        S.MEDIATING,
        "Mediate",
        "调解",
        pauses=(ClockKind.DEFENCE,),
    ),
    _t(
        Entity.CASE,
        "settle",
        [S.MEDIATING],
        S.SETTLED,
        "Settle",
        "达成和解",
        requires=(TERMS,),
        stops=(ClockKind.DEFENCE,),
    ),
    _t(
        Entity.CASE,
        "end_mediation",
        [S.MEDIATING],
        S.NOTIFIED,
        "End mediation without agreement",
        "调解未成",
        requires=(REASON,),
        resumes=(ClockKind.DEFENCE,),
    ),
    _t(
        Entity.CASE,
        "withdraw",
        [
            S.TO_NOTIFY,
            S.NOTIFIED,
            S.MEDIATING,
            S.DEFENCE_RECEIVED,
            S.DEFENCE_OVERDUE,
            S.UNDER_REVIEW,
        ],
        S.WITHDRAWN,
        "Withdrawn by the complainant",
        "投诉人撤回",
        requires=(REASON,),
        stops=(ClockKind.DEFENCE,),
    ),
    _t(
        Entity.CASE,
        "record_defence",
        [S.NOTIFIED],
        S.DEFENCE_RECEIVED,
        "Record the defence",
        "登记答辩",
        requires=(DEFENCE,),
        stops=(ClockKind.DEFENCE,),
    ),
    _t(
        Entity.CASE,
        "mark_defence_overdue",
        [S.NOTIFIED],
        S.DEFENCE_OVERDUE,
        "Defence overdue",
        "答辩逾期",
        stops=(ClockKind.DEFENCE,),
    ),
    _t(
        Entity.CASE,
        "begin_review",
        [S.DEFENCE_RECEIVED, S.DEFENCE_OVERDUE],
        S.UNDER_REVIEW,
        "Review",
        "审查",
    ),
    _t(
        Entity.CASE,
        "decide_infringing",
        [S.UNDER_REVIEW],
        S.INFRINGEMENT_FOUND,
        "Decide: infringement found",
        "认定侵权",
        requires=(TRIGGER, LEGAL_BASIS),
    ),
    _t(
        Entity.CASE,
        "decide_not_infringing",
        [S.UNDER_REVIEW],
        S.NOT_INFRINGING,
        "Decide: not infringing",
        "认定不侵权",
        requires=(REASON,),
    ),
    _t(
        Entity.CASE,
        "decide_undetermined",
        [S.UNDER_REVIEW],
        S.UNDETERMINED,
        "Decide: cannot be determined",
        "无法认定",
        requires=(REASON,),
    ),
    _t(
        Entity.CASE,
        "refer",
        [S.UNDETERMINED],
        S.REFERRED,
        "Refer to an authority",
        "移交有关部门",
        requires=(AUTHORITY,),
    ),
    _t(
        Entity.CASE,
        "order_remedy",
        [S.INFRINGEMENT_FOUND],
        S.REMEDY_ORDERED,
        "Order measures",
        "责令整改",
        requires=(MEASURE,),
        starts=(ClockKind.RECHECK,),
    ),
    _t(
        Entity.CASE,
        "request_recheck",
        [S.REMEDY_ORDERED, S.ESCALATED],
        S.RECHECK_DUE,
        "Re-inspection due",
        "待复查",
        roles=FLOOR,
        starts=(ClockKind.RECHECK,),
    ),
    _t(
        Entity.CASE,
        "recheck_passed",
        [S.RECHECK_DUE],
        S.RECHECK_PASSED,
        "Re-inspection passed",
        "复查通过",
        roles=FLOOR,
        stops=(ClockKind.RECHECK,),
    ),
    _t(
        Entity.CASE,
        "recheck_failed",
        [S.RECHECK_DUE],
        S.RECHECK_FAILED,
        "Re-inspection failed",
        "复查未通过",
        roles=FLOOR,
        requires=(RESULT,),
        stops=(ClockKind.RECHECK,),
    ),
    _t(
        Entity.CASE,
        "escalate",
        [S.RECHECK_FAILED],
        S.ESCALATED,
        "Escalate",
        "升级处理",
        requires=(ESCALATION,),
    ),
    _t(
        Entity.CASE,
        "close",
        [S.NOT_INFRINGING, S.RECHECK_PASSED],
        S.CLOSED,
        "Close the case",
        "结案",
    ),
    _t(
        Entity.CASE,
        "close_unaccepted",
        [S.TO_NOTIFY],
        S.CLOSED,
        "Close: complaint not accepted",
        "结案（投诉不予受理）",
        internal=True,
    ),
    _t(
        Entity.CASE,
        "move_post_fair",
        OPEN_CASE_STATES,
        S.POST_FAIR,
        "Hand over to post-fair follow-up",
        "转展后追查",
        roles=frozenset({Role.DESK, Role.ADMIN}),
        stops=tuple(ClockKind),
    ),
)

_BY_KEY: dict[tuple[Entity, str], Transition] = {(t.entity, t.action): t for t in TRANSITIONS}


def transition(entity: Entity, action: str) -> Transition:
    try:
        return _BY_KEY[(entity, action)]
    except KeyError:
        raise IllegalTransition(
            "There is no step called '{action}' for a {entity}.", action=action, entity=entity.value
        ) from None


def allowed_actions(entity: Entity, state: str, role: Role) -> list[Transition]:
    """The steps this role may take now: what the GUI offers as buttons."""
    return [
        t
        for t in TRANSITIONS
        if t.entity is entity and state in t.sources and role in t.roles and not t.internal
    ]


def check(
    entity: Entity, action: str, state: str, role: Role, params: Mapping[str, object]
) -> Transition:
    """Return the transition if `role` may take `action` from `state` with `params`.

    Raises an error whose text can be shown to the user as it is.
    """
    t = transition(entity, action)
    if role not in t.roles:
        raise PermissionDenied(
            "'{step}' is for {allowed} staff; you are signed in as {role}.",
            step=t.label,
            allowed=tuple(sorted(r.value for r in t.roles)),
            role=role.value,
        )
    if state not in t.sources:
        raise IllegalTransition(
            "Cannot '{step}' a {entity} that is {state}; it must be {sources}.",
            step=t.label,
            entity=entity.value,
            state=state,
            sources=" or ".join(sorted(t.sources)),
        )
    for req in t.requires:
        value = params.get(req.name)
        text = "" if value is None else str(value).strip()
        if not text:
            raise MissingRequirement(
                "'{step}' needs {requirement}.", step=t.label, requirement=req.label
            )
        if req.choices and text not in req.choices:
            raise MissingRequirement(
                "'{step}': '{value}' is not accepted as {requirement}; use one of {choices}.",
                step=t.label,
                value=text,
                requirement=req.label,
                choices=req.choices,
            )
    return t
