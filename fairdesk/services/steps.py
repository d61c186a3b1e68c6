"""Workflow steps on complaints and respondent cases.

One entry point per entity: the step is checked against the domain's transition table
(role, source state, required parameters), then its guards (facts the table cannot see,
such as "the complaint is accepted"), then applied with its clock effects and an audit
event, all in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from fairdesk.db.models import AuditEvent, Complaint, Fair, Measure, RespondentCase
from fairdesk.domain.clocks import ClockStatus
from fairdesk.domain.enums import (
    ClockAction,
    ClockKind,
    ComplaintKind,
    ComplaintState,
    DecisionTrigger,
    MeasureType,
)
from fairdesk.domain.errors import ConcurrentEdit, IllegalTransition, MissingRequirement, Phrase
from fairdesk.domain.workflow import Entity, Transition, check, transition
from fairdesk.services import audit, clocks
from fairdesk.services.cases import case_by_number, complaint_by_number
from fairdesk.services.clocks import Owner
from fairdesk.services.context import Context
from fairdesk.services.fairs import fair_close


@dataclass(frozen=True)
class StepResult:
    number: str
    state: str
    version: int


def local_time(moment: datetime, zone: str) -> datetime:
    """A time as people at the fair read it: in the fair's zone (an error message writes it
    with the zone's name, a screen in the desk's locale)."""
    return moment.astimezone(ZoneInfo(zone))


def _step_words(action: str) -> str:
    """An audit action ("case.end_mediation") as the step's name, translated with the
    message; the code itself for actions that are not steps."""
    entity, _, step = action.partition(".")
    try:
        return transition(Entity(entity), step).label
    except (ValueError, IllegalTransition):
        return action


def check_version(
    session: Session, entity: Complaint | RespondentCase, label: Phrase, expected: int | None
) -> None:
    """Refuse a step made on a stale screen, naming who changed the record since."""
    if expected is None or entity.version == expected:
        return
    last = session.scalar(
        select(AuditEvent)
        .where(
            AuditEvent.entity_type
            == ("case" if isinstance(entity, RespondentCase) else "complaint"),
            AuditEvent.entity_id == entity.id,
        )
        .order_by(AuditEvent.id.desc())
        .limit(1)
    )
    if last is None:
        raise ConcurrentEdit(
            "{label} was changed after you opened it; it is now {state}. "
            "Reload it; your input is kept so you can apply it again.",
            label=label,
            state=entity.state,
        )
    zone = session.get_one(Fair, entity.fair_id).timezone
    raise ConcurrentEdit(
        "{label} was changed by {user} at {time} ({action}) after you opened it; "
        "it is now {state}. Reload it; your input is kept so you can apply it again.",
        label=label,
        user=last.username,
        time=local_time(last.at, zone),
        action=_step_words(last.action),
        state=entity.state,
    )


def _clock_effects(
    session: Session,
    ctx: Context,
    t: Transition,
    fair: Fair,
    case: RespondentCase | None,
    complaint: Complaint,
    reason: str,
) -> None:
    effects = (
        (t.starts, ClockAction.START),
        (t.stops, ClockAction.STOP),
        (t.pauses, ClockAction.PAUSE),
        (t.resumes, ClockAction.RESUME),
    )
    for kinds, action in effects:
        for kind in kinds:
            if case is None and kind not in clocks.COMPLAINT_CLOCKS:
                continue
            if (
                case is not None
                and kind in clocks.COMPLAINT_CLOCKS
                and t.action != "move_post_fair"
            ):
                continue
            owner = Owner.for_kind(kind, case=case, complaint=complaint, fair=fair)
            clocks.apply(session, ctx, owner, kind, action, reason or t.action)


def flush_or_conflict(session: Session, label: Phrase) -> None:
    try:
        session.flush()
    except StaleDataError:
        raise ConcurrentEdit(
            "{label} was changed by another desk at the same moment; reload it and apply "
            "your change again.",
            label=label,
        ) from None


# -- complaints -----------------------------------------------------------------------


def _complaint_guards(complaint: Complaint, action: str, today: date) -> None:
    if action != "accept":
        return
    if not complaint.commitment_signed:
        raise MissingRequirement(
            "Complaint {number} cannot be accepted without the complainant's "
            "signed commitment (承诺书, 2006 Measures Art 10).",
            number=complaint.number,
        )
    if complaint.agent_id and not complaint.power_of_attorney:
        raise MissingRequirement(
            "Complaint {number} is filed by an agent: the power of attorney is "
            "needed before it can be accepted (2006 Measures Art 8).",
            number=complaint.number,
        )
    if complaint.kind == ComplaintKind.IP:
        for right in complaint.rights:
            if right.jurisdiction != "CN":
                raise MissingRequirement(
                    "Right {number} is registered in {jurisdiction}; only rights "
                    "valid in China can be enforced here (CNIPA 2022 Guidelines Art 12). "
                    "Reject with reason right_not_valid_in_china.",
                    number=right.number,
                    jurisdiction=right.jurisdiction,
                )
            if right.valid_until is not None and right.valid_until < today:
                raise MissingRequirement(
                    "Right {number} expired on {valid_until}; reject with reason "
                    "right_invalid, or correct the right's validity.",
                    number=right.number,
                    valid_until=right.valid_until,
                )


def act_on_complaint(
    ctx: Context,
    number: str,
    action: str,
    *,
    reason: str = "",
    expected_version: int | None = None,
    **params: Any,
) -> StepResult:
    with ctx.db.writing() as session:
        complaint = complaint_by_number(session, number)
        # A stale screen hears who changed the record, before any other refusal.
        check_version(
            session,
            complaint,
            Phrase("Complaint {number}", number=complaint.number),
            expected_version,
        )
        t = check(
            Entity.COMPLAINT, action, complaint.state, ctx.actor.role, params | {"reason": reason}
        )
        fair = session.get_one(Fair, complaint.fair_id)
        now = ctx.now()
        _complaint_guards(complaint, action, now.astimezone(ZoneInfo(fair.timezone)).date())
        before = {"state": complaint.state}
        complaint.state = t.target
        if action == "accept":
            complaint.accepted_at = now
            complaint.authority = str(params.get("authority") or "").strip()
        elif action == "request_supplement":
            complaint.materials = dict(complaint.materials) | {
                "missing": str(params["missing_items"])
            }
        elif action == "reject":
            complaint.reject_reason = str(params["reason_code"])
            complaint.closed_at = now
        elif action == "transfer":
            complaint.authority = str(params["authority"]).strip()
            complaint.transferred_at = now
        flush_or_conflict(session, Phrase("Complaint {number}", number=complaint.number))
        _clock_effects(session, ctx, t, fair, None, complaint, reason)
        if action == "accept" and complaint.authority:
            # 2006 Art 11: complete materials go to the authority within 24 h.
            clocks.apply(
                session,
                ctx,
                Owner(fair, complaint_id=complaint.id),
                ClockKind.TRANSFER,
                ClockAction.START,
                "accepted for transfer",
            )
        audit.record(
            session,
            ctx,
            f"complaint.{action}",
            "complaint",
            complaint.id,
            before=before,
            after={"state": complaint.state, **_plain(params)},
            reason=reason,
            fair_id=fair.id,
            complaint_id=complaint.id,
        )
        if action == "reject":
            for case in complaint.cases:
                apply_case_step(
                    session,
                    ctx,
                    case,
                    "close_unaccepted",
                    f"complaint not accepted: {params['reason_code']}",
                    {},
                )
        return StepResult(complaint.number, complaint.state, complaint.version)


def _plain(params: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in params.items() if v not in (None, "")}


# -- respondent cases -------------------------------------------------------------------


def _case_guards(
    session: Session,
    ctx: Context,
    case: RespondentCase,
    fair: Fair,
    action: str,
    params: dict[str, Any],
) -> None:
    complaint = case.complaint
    if action == "notify" and complaint.state not in (
        ComplaintState.ACCEPTED,
        ComplaintState.TRANSFERRED,
    ):
        raise IllegalTransition(
            "Complaint {number} is {state}: accept it before notifying the respondent.",
            number=complaint.number,
            state=complaint.state,
        )
    if action == "mark_defence_overdue":
        state = clocks.state_of(session, Owner(fair, case_id=case.id), ClockKind.DEFENCE, ctx.now())
        if state.status is not ClockStatus.OVERDUE:
            if state.due_at is None:
                raise IllegalTransition(
                    "The defence period of {number} is not over (due unknown); "
                    "it cannot be marked overdue yet.",
                    number=case.number,
                )
            raise IllegalTransition(
                "The defence period of {number} is not over (due {due}); "
                "it cannot be marked overdue yet.",
                number=case.number,
                due=local_time(state.due_at, fair.timezone),
            )
    if action == "decide_infringing" and params.get("trigger") == DecisionTrigger.DEFENCE_OVERDUE:
        overdue = session.scalar(
            select(AuditEvent.id).where(
                AuditEvent.case_id == case.id, AuditEvent.action == "case.mark_defence_overdue"
            )
        )
        if overdue is None:
            raise IllegalTransition(
                "{number}: the trigger 'defence_overdue' needs the defence to have been "
                "marked overdue; the respondent answered in time.",
                number=case.number,
            )
    if (
        action == "order_remedy"
        and params.get("measure") == MeasureType.DETAIN
        and not str(params.get("storage_place") or "").strip()
    ):
        raise MissingRequirement("Detaining exhibits needs the storage place.")
    if action == "move_post_fair" and ctx.now() < fair_close(fair):
        raise IllegalTransition(
            "The fair closes at {closes}; open cases go to post-fair follow-up after that.",
            closes=local_time(fair_close(fair), fair.timezone),
        )


def _apply_effects(
    session: Session,
    ctx: Context,
    case: RespondentCase,
    action: str,
    params: dict[str, Any],
    reason: str,
) -> None:
    now = ctx.now()
    if action == "notify":
        case.notified_at = now
    elif action == "record_defence":
        case.defence_summary = str(params["summary"]).strip()
    elif action in ("settle", "self_remedy"):
        case.decision_note = str(params.get("terms") or reason).strip()
        case.closed_at = now
    elif action.startswith("decide_"):
        case.decided_at = now
        case.decision_trigger = str(params.get("trigger") or "")
        case.legal_basis = str(params.get("legal_basis") or "").strip()
        case.decision_note = reason.strip()
    elif action == "refer":
        case.authority = str(params["authority"]).strip()
        case.closed_at = now
    elif action == "order_remedy":
        case.measures.append(
            Measure(
                measure_type=MeasureType(str(params["measure"])),
                ordered_at=now,
                undertaking_signed=bool(params.get("undertaking_signed")),
                storage_place=str(params.get("storage_place") or "").strip(),
                note=reason.strip(),
            )
        )
    elif action in ("recheck_passed", "recheck_failed") and case.measures:
        measure = case.measures[-1]
        measure.recheck_result = str(params.get("result") or "passed")
        measure.rechecked_at = now
    elif action in ("close", "close_unaccepted", "withdraw", "move_post_fair"):
        case.closed_at = now


def apply_case_step(
    session: Session,
    ctx: Context,
    case: RespondentCase,
    action: str,
    reason: str,
    params: dict[str, Any],
    expected_version: int | None = None,
) -> Transition:
    """One case step inside the caller's transaction (for services that combine a step
    with other writes, e.g. a re-inspection record); `act_on_case` wraps it alone."""
    check_version(session, case, Phrase("Case {number}", number=case.number), expected_version)
    t = check(Entity.CASE, action, case.state, ctx.actor.role, params | {"reason": reason})
    fair = session.get_one(Fair, case.fair_id)
    _case_guards(session, ctx, case, fair, action, params)
    before = {"state": case.state}
    case.state = t.target
    case.updated_at = ctx.now()
    _apply_effects(session, ctx, case, action, params, reason)
    flush_or_conflict(session, Phrase("Case {number}", number=case.number))
    _clock_effects(session, ctx, t, fair, case, case.complaint, reason)
    audit.record(
        session,
        ctx,
        f"case.{action}",
        "case",
        case.id,
        before=before,
        after={"state": case.state, **_plain(params)},
        reason=reason,
        fair_id=fair.id,
        complaint_id=case.complaint_id,
        case_id=case.id,
    )
    return t


def act_on_case(
    ctx: Context,
    number: str,
    action: str,
    *,
    reason: str = "",
    expected_version: int | None = None,
    **params: Any,
) -> StepResult:
    """Take one workflow step on a respondent case, e.g. `act_on_case(ctx, no, "notify")`."""
    with ctx.db.writing() as session:
        case = case_by_number(session, number)
        apply_case_step(session, ctx, case, action, reason, params, expected_version)
        return StepResult(case.number, case.state, case.version)
