"""Workflow steps on complaints and respondent cases, as the domain's step table declares them.

The services read the facts a step's guards look at (`case_facts`, `complaint_facts`), ask
the table (`workflow.check`), and apply what the step declares: its state, its effects
(each implemented once below), its clocks and its audit event, in one transaction.
`available_steps` gives the same answer to a screen or the CLI before anything is taken.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select, update
from sqlalchemy.orm import Session, object_session
from sqlalchemy.orm.exc import StaleDataError

from fairdesk.db.models import (
    AuditEvent,
    Complaint,
    Fair,
    IPRight,
    Measure,
    RespondentCase,
    complaint_rights,
)
from fairdesk.domain import acceptance
from fairdesk.domain import vocabulary as v
from fairdesk.domain.enums import (
    CaseState,
    ClockAction,
    ClockKind,
    MeasureType,
    ProtectionBasis,
)
from fairdesk.domain.errors import ConcurrentEdit, NotFound, Phrase
from fairdesk.domain.normalize import tighten
from fairdesk.domain.permissions import Permission
from fairdesk.domain.right_names import claim_not_upheld, right_in_full
from fairdesk.domain.workflow import (
    STEPS,
    TAKES_ON_UNASSIGNED,
    Effect,
    Entity,
    ExhibitFacts,
    Facts,
    Field,
    FieldKind,
    Step,
    attach_zone,
    check,
    closed_choices,
    find_exhibit,
    flag_value,
    list_value,
    options,
    parse_moment,
    refused_at_acceptance,
    right_key,
    rights_without_exhibit,
    step,
    step_for_audit,
    suggested_legal_basis,
    target_of,
    untied_exhibits,
    with_defaults,
)
from fairdesk.services.casework import clocks
from fairdesk.services.casework.cases import case_by_number, complaint_by_number
from fairdesk.services.casework.clocks import Owner
from fairdesk.services.casework.transfer_time import materials_complete_at
from fairdesk.services.context import Context
from fairdesk.services.fair import watchlist
from fairdesk.services.fair.fairs import fair_close
from fairdesk.services.trust import audit, paper_state, record_state

# The step a complaint's rejection takes on each of its cases.
UNACCEPTED_CASE_STEP = "close_unaccepted"
# The audit code whose presence the guards read as "the defence was marked overdue".
OVERDUE_MARK = "case.mark_defence_overdue"


@dataclass(frozen=True)
class StepResult:
    number: str
    state: str
    version: int
    served_at: datetime | None = None  # a case's time of service, once recorded


def local_time(moment: datetime, zone: str) -> datetime:
    """A time as people at the fair read it: in the fair's zone (an error message writes it
    with the zone's name, a screen in the desk's locale)."""
    return moment.astimezone(ZoneInfo(zone))


def _step_words(action: str) -> str | Phrase:
    """An audit action ("case.end_mediation") as the step's name, translated with the
    message; the event's words for actions that are not steps."""
    found = step_for_audit(action)
    return found.label if found is not None else v.EVENTS.words(action).en


def check_version(
    session: Session, entity: Complaint | RespondentCase, label: Phrase, expected: int | None
) -> None:
    """Refuse a step made on a stale screen, naming who changed the record since."""
    if expected is None or entity.version == expected:
        return
    is_case = isinstance(entity, RespondentCase)
    state = v.term(v.CASE_STATES if is_case else v.COMPLAINT_STATES, entity.state)
    last = session.scalar(
        select(AuditEvent)
        .where(
            AuditEvent.entity_type == ("case" if is_case else "complaint"),
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
            state=state,
        )
    zone = session.get_one(Fair, entity.fair_id).timezone
    raise ConcurrentEdit(
        "{label} was changed by {user} at {time} ({action}) after you opened it; "
        "it is now {state}. Reload it; your input is kept so you can apply it again.",
        label=label,
        user=last.username,
        time=local_time(last.at, zone),
        action=_step_words(last.action),
        state=state,
    )


def flush_or_conflict(session: Session, label: Phrase) -> None:
    try:
        session.flush()
    except StaleDataError:
        raise ConcurrentEdit(
            "{label} was changed by another desk at the same moment; reload it and apply "
            "your change again.",
            label=label,
        ) from None


# -- the facts the guards look at -----------------------------------------------------------


def _today(fair: Fair, now: datetime) -> Any:
    return now.astimezone(ZoneInfo(fair.timezone)).date()


def acceptance_facts(complaint: Complaint) -> acceptance.ComplaintFacts:
    """The complaint as the acceptance rule reads it, from the database."""
    return acceptance.ComplaintFacts(
        number=complaint.number,
        kind=complaint.kind,
        complainant=complaint.complainant.name,
        complainant_en=complaint.complainant.name_en,
        respondents=len(complaint.cases),
        agent=complaint.agent_id is not None,
        power_of_attorney=complaint.power_of_attorney,
        commitment_signed=complaint.commitment_signed,
        materials=dict(complaint.materials or {}),
        rights=tuple(
            acceptance.RightFacts(
                r.number,
                r.ip_type,
                r.jurisdiction,
                r.valid_from,
                r.valid_until,
                r.basis,
                r.ir_number,
                r.licence_type,
                r.holder,
            )
            for r in complaint.rights
        ),
    )


def complaint_facts(session: Session, ctx: Context, complaint: Complaint, fair: Fair) -> Facts:
    now = ctx.now()
    facts = acceptance_facts(complaint)
    problems = acceptance.acceptance_problems(facts, _today(fair, now))
    refused = acceptance.refused_rights(facts, _today(fair, now))
    return Facts(
        entity=Entity.COMPLAINT,
        number=complaint.number,
        state=complaint.state,
        role=ctx.actor.role,
        now=now,
        zone=fair.timezone,
        complaint_number=complaint.number,
        complaint_state=complaint.state,
        complaint_kind=complaint.kind,
        fair_closes_at=fair_close(fair),
        acceptance=tuple(p.refusal for p in problems),
        rights=tuple(r.number for r in relied_on(complaint)),
        refused=tuple((r.number, r.reason) for r in refused),
        valid_in_china=tuple(
            r.number
            for r in facts.rights
            if acceptance.basis_of(r) is not ProtectionBasis.FOREIGN_ONLY
        ),
    )


def _before_mediation(session: Session, case: RespondentCase) -> str:
    """The state the case left when its last mediation began."""
    starts = [s.audit_code for s in STEPS if s.entity is Entity.CASE and s.target == "MEDIATING"]
    before = session.scalar(
        select(AuditEvent.before)
        .where(AuditEvent.case_id == case.id, AuditEvent.action.in_(starts))
        .order_by(AuditEvent.id.desc())
        .limit(1)
    )
    return str((before or {}).get("state") or "")


def refused_reasons(session: Session, complaint: Complaint) -> dict[int, str]:
    """{right id: RejectReason} of the complaint's rights the desk did not accept."""
    rows = session.execute(
        select(complaint_rights.c.right_id, complaint_rights.c.refused_reason).where(
            complaint_rights.c.complaint_id == complaint.id,
            complaint_rights.c.refused_reason != "",
        )
    )
    return {right_id: reason for right_id, reason in rows}


def relied_on(complaint: Complaint) -> list[IPRight]:
    """The complaint's rights a decision may rely on: those not refused at acceptance."""
    session = object_session(complaint)
    refused = refused_reasons(session, complaint) if session is not None else {}
    return sorted((r for r in complaint.rights if r.id not in refused), key=lambda r: r.id)


def exhibit_facts(case: RespondentCase) -> tuple[ExhibitFacts, ...]:
    return tuple(
        ExhibitFacts(x.name, x.model, tuple(r.number for r in x.rights)) for x in case.exhibits
    )


def case_facts(session: Session, ctx: Context, case: RespondentCase, fair: Fair) -> Facts:
    now = ctx.now()
    complaint = case.complaint
    overdue_marked = session.scalar(
        select(AuditEvent.id)
        .where(AuditEvent.case_id == case.id, AuditEvent.action == OVERDUE_MARK)
        .limit(1)
    )
    measures = list(case.measures)
    return Facts(
        entity=Entity.CASE,
        number=case.number,
        state=case.state,
        role=ctx.actor.role,
        now=now,
        zone=fair.timezone,
        complaint_number=complaint.number,
        complaint_state=complaint.state,
        complaint_kind=complaint.kind,
        fair_closes_at=fair_close(fair),
        defence=clocks.state_of(session, Owner(fair, case_id=case.id), ClockKind.DEFENCE, now),
        defence_marked_overdue=overdue_marked is not None,
        served_at=case.served_at,
        complaint_accepted_at=complaint.accepted_at,
        before_mediation=_before_mediation(session, case) if case.state == "MEDIATING" else "",
        suspended=any(m.measure_type == MeasureType.SUSPEND_DISPLAY for m in measures),
        detained_unreturned=any(
            m.measure_type == MeasureType.DETAIN and m.returned_at is None for m in measures
        ),
        undertaking_awaited=_undertaking_awaited(measures),
        found_infringing=bool(case.decision_trigger),
        recheck=clocks.state_of(session, Owner(fair, case_id=case.id), ClockKind.RECHECK, now),
        recheck_result=measures[-1].recheck_result if measures else "",
        rights=tuple(r.number for r in relied_on(complaint)),
        exhibits=exhibit_facts(case),
        # Only where the case may escalate: the watch list reads every edition's cases.
        bar_proposal=(
            case.state == CaseState.RECHECK_FAILED
            and watchlist.bar_proposed(session, fair, case.id)
        ),
    )


# -- "what may I do now, and why not" ---------------------------------------------------------


@dataclass(frozen=True)
class StepChoice:
    """One step of a record as a screen or the CLI shows it (plain data, no ORM)."""

    entity: Entity
    number: str
    step: Step
    allowed: bool
    in_reach: bool  # the record's state lets the step be taken (role or guard may refuse)
    refusal: Exception | None
    ready_at: datetime | None = None  # a refusal that time alone lifts: allowed from then
    # Per choice field, the codes this record's facts refuse (not offered by a dialog).
    closed: Mapping[str, frozenset[str]] = dataclass_field(default_factory=dict)

    @property
    def action(self) -> str:
        return self.step.action

    @property
    def fields(self) -> tuple[Field, ...]:
        return self.step.fields


@dataclass(frozen=True)
class AvailableSteps:
    number: str
    entity: Entity
    state: str
    version: int
    choices: tuple[StepChoice, ...]
    legal_basis_texts: dict[str, str]
    authority: str = ""  # the complaint's authority, a start value for transfer/refer
    unlinked_exhibit: str = ""  # the first exhibit a decision could not name a right for
    rights: tuple[str, ...] = ()  # the numbers of the rights a decision may rely on
    other_claims: str = ""  # "not upheld" for each right no exhibit is accused under
    served_at: datetime | None = None  # a case's time of service, once recorded

    def start_values(self, s: Step, given: Mapping[str, Any]) -> dict[str, str]:
        """Start values of the step's prefilled fields that `given` lacks: the rule set's
        citation for a legal basis (for the trigger given), the complaint's authority."""
        trigger = str(given.get("trigger") or "")
        found = {
            "legal_basis": suggested_legal_basis(self.legal_basis_texts, s, trigger),
            "authority": self.authority,
            "unlinked_exhibit": self.unlinked_exhibit,
            "other_claims": self.other_claims,
        }
        return {
            f.name: found[f.prefill]
            for f in s.fields
            if found.get(f.prefill) and f.name not in given
        }


def _choices(entity: Entity, number: str, facts: Facts) -> tuple[StepChoice, ...]:
    return tuple(
        StepChoice(
            entity,
            number,
            o.step,
            o.allowed,
            o.in_reach,
            None if o.refusal is None else o.refusal.exception(),
            None if o.refusal is None else o.refusal.after,
            closed_choices(facts, o.step) if o.allowed else {},
        )
        for o in options(facts)
    )


def available_steps(ctx: Context, number: str) -> AvailableSteps:
    """Every step of a case or complaint (by its number), allowed or refused with why."""
    from fairdesk.domain.rules import RuleSet

    ctx.require(Permission.VIEW)
    with ctx.db.reading() as session:
        case = _case_or_none(session, number)
        if case is not None:
            fair = session.get_one(Fair, case.fair_id)
            facts = case_facts(session, ctx, case, fair)
            record: Complaint | RespondentCase = case
            entity = Entity.CASE
        else:
            complaint = _complaint_named(session, number)
            fair = session.get_one(Fair, complaint.fair_id)
            facts = complaint_facts(session, ctx, complaint, fair)
            record = complaint
            entity = Entity.COMPLAINT
        authority = case.complaint.authority if case is not None else record.authority
        untied = untied_exhibits(facts)
        return AvailableSteps(
            record.number,
            entity,
            record.state,
            record.version,
            _choices(entity, record.number, facts),
            dict(RuleSet.from_dict(fair.rules).legal_basis),
            authority or "",
            _exhibit_name(facts.exhibits, untied[0]) if untied else "",
            facts.rights,
            _claims_not_upheld(case, facts) if case is not None else "",
            case.served_at if case is not None else None,
        )


def _claims_not_upheld(case: RespondentCase, facts: Facts) -> str:
    """The start value of a decision's disposal of the claims under rights no exhibit is
    accused under: not upheld, in Chinese then English, one right a line pair."""
    left = {right_key(n) for n in rights_without_exhibit(facts)}
    said = [
        claim_not_upheld(right_in_full(r.ip_type, r.number, r.title))
        for r in relied_on(case.complaint)
        if right_key(r.number) in left
    ]
    return "\n".join([*(w.zh for w in said), *(w.en for w in said)])


def _exhibit_name(exhibits: tuple[ExhibitFacts, ...], x: ExhibitFacts) -> str:
    """How a person names the exhibit: its name and model, or its number in the list when
    another exhibit has the same."""
    index = exhibits.index(x)
    return x.label if find_exhibit(exhibits, x.label) == index else str(index + 1)


def _case_or_none(session: Session, number: str) -> RespondentCase | None:
    try:
        return case_by_number(session, number)
    except NotFound:
        return None


def _complaint_named(session: Session, number: str) -> Complaint:
    """The complaint of a number that names no case (a script may give either)."""
    try:
        return complaint_by_number(session, number)
    except NotFound:
        raise NotFound(
            "There is no complaint or respondent case numbered '{number}'.", number=number
        ) from None


# -- effects: what each declared effect writes --------------------------------------------------

Record = Complaint | RespondentCase
EffectFn = Callable[[Session, Context, Record, dict[str, Any], str], None]


def _text(params: dict[str, Any], name: str) -> str:
    return str(params.get(name) or "").strip()


def _mark_accepted(s: Session, ctx: Context, c: Any, p: dict[str, Any], r: str) -> None:
    c.accepted_at = ctx.now()
    c.authority = _text(p, "authority")


def _record_missing(s: Session, ctx: Context, c: Any, p: dict[str, Any], r: str) -> None:
    c.materials = dict(c.materials) | {"missing": str(p["missing_items"])}


def _record_received(s: Session, ctx: Context, c: Any, p: dict[str, Any], r: str) -> None:
    received = {key: True for key in list_value(p.get("materials"))}
    c.materials = dict(c.materials or {}) | received
    if flag_value(p.get("commitment_signed")):
        c.commitment_signed = True
    if flag_value(p.get("power_of_attorney")):
        c.power_of_attorney = True


def _record_rejection(s: Session, ctx: Context, c: Any, p: dict[str, Any], r: str) -> None:
    c.reject_reason = str(p["reason_code"])
    c.closed_at = ctx.now()


def _end_cases(s: Session, ctx: Context, c: Any, action: str, reason: str) -> None:
    """End every case of the complaint that is still open to `action` with it."""
    ending = step(Entity.CASE, action)
    for case in c.cases:
        if case.state not in ending.sources:
            continue  # already ended on its own (withdrawn, handed over after the fair)
        apply_case_step(s, ctx, case, action, reason, {})


def unaccepted_reason(p: dict[str, Any], r: str = "") -> str:
    words = v.REJECT_REASONS.words(str(p.get("reason_code") or ""))
    return f"不予受理 / not accepted: {words.both}"


def withdrawn_reason(p: dict[str, Any], r: str = "") -> str:
    return r or "投诉人撤回投诉 / complaint withdrawn"


# Effects that end a complaint's still open cases: the case step, and its reason.
CASE_ENDINGS: dict[Effect, tuple[str, Callable[[dict[str, Any], str], str]]] = {
    Effect.CLOSE_CASES_OF_COMPLAINT: (UNACCEPTED_CASE_STEP, unaccepted_reason),
    Effect.WITHDRAW_CASES_OF_COMPLAINT: ("withdraw", withdrawn_reason),
}


def _close_cases(s: Session, ctx: Context, c: Any, p: dict[str, Any], r: str) -> None:
    action, why = CASE_ENDINGS[Effect.CLOSE_CASES_OF_COMPLAINT]
    _end_cases(s, ctx, c, action, why(p, r))


def _withdraw_cases(s: Session, ctx: Context, c: Any, p: dict[str, Any], r: str) -> None:
    action, why = CASE_ENDINGS[Effect.WITHDRAW_CASES_OF_COMPLAINT]
    _end_cases(s, ctx, c, action, why(p, r))


def _record_transfer(s: Session, ctx: Context, c: Any, p: dict[str, Any], r: str) -> None:
    c.authority = _text(p, "authority")
    c.transferred_at = ctx.now()


def _start_transfer_clock(s: Session, ctx: Context, c: Any, p: dict[str, Any], r: str) -> None:
    # 2006 Art 11: complete materials go to the authority within 24 h of their receipt.
    if c.authority:
        owner = Owner(s.get_one(Fair, c.fair_id), complaint_id=c.id)
        since = materials_complete_at(s, c)
        clocks.apply(
            s, ctx, owner, ClockKind.TRANSFER, ClockAction.START, "accepted for transfer", at=since
        )


def served_at(p: dict[str, Any], zone: str) -> datetime | None:
    """The time of service given by hand; None when none was given (never the click)."""
    moment = parse_moment(p.get("served_at"), FieldKind.DATETIME)
    return attach_zone(moment, zone) if isinstance(moment, datetime) else None


def _mark_notified(s: Session, ctx: Context, c: Any, p: dict[str, Any], r: str) -> None:
    c.notified_at = ctx.now()
    _record_service(s, ctx, c, p, r)


def _record_service(s: Session, ctx: Context, c: Any, p: dict[str, Any], r: str) -> None:
    c.served_at = served_at(p, s.get_one(Fair, c.fair_id).timezone) or c.served_at
    c.service_manner = _text(p, "service_manner") or c.service_manner


def _record_defence(s: Session, ctx: Context, c: Any, p: dict[str, Any], r: str) -> None:
    c.defence_summary = _text(p, "summary")


def _record_ending(s: Session, ctx: Context, c: Any, p: dict[str, Any], r: str) -> None:
    c.decision_note = (_text(p, "terms") or r).strip()
    c.closed_at = ctx.now()


# (With the disposal of the claims under rights no exhibit is accused under: the decision
# prints it.)
_BASIS_FIELDS = ("document_body", "document_number", "document_date", "admission", "other_claims")


def _record_decision(s: Session, ctx: Context, c: Any, p: dict[str, Any], r: str) -> None:
    c.decided_at = ctx.now()
    c.decision_trigger = _text(p, "trigger")
    c.legal_basis = _text(p, "legal_basis")
    c.decision_note = r.strip()
    basis = {k: str(p[k]).strip() for k in _BASIS_FIELDS if str(p.get(k) or "").strip()}
    c.decision_basis = basis or None
    c.decided_by_organ = _text(p, "deciding_organ")
    c.decided_by_officer = ctx.actor.username


def _record_referral(s: Session, ctx: Context, c: Any, p: dict[str, Any], r: str) -> None:
    c.authority = _text(p, "authority")
    c.referral_kind = _text(p, "referral_kind")
    c.closed_at = ctx.now()


def _record_authority_result(s: Session, ctx: Context, c: Any, p: dict[str, Any], r: str) -> None:
    c.authority_result = _text(p, "authority_result")
    day = parse_moment(p.get("result_on"), FieldKind.DATE)
    c.authority_result_on = day if isinstance(day, date) else None


def _suspend_display(s: Session, ctx: Context, c: Any, p: dict[str, Any], r: str) -> None:
    c.measures.append(
        Measure(measure_type=MeasureType.SUSPEND_DISPLAY, ordered_at=ctx.now(), note=r.strip())
    )


def _return_detained(s: Session, ctx: Context, c: Any, p: dict[str, Any], r: str) -> None:
    receipt = _text(p, "receipt")
    for m in c.measures:
        if m.measure_type == MeasureType.DETAIN and m.returned_at is None:
            m.returned_at = ctx.now()
            m.note = "\n".join(x for x in (m.note, f"退还凭证 / receipt: {receipt}") if x)


def _undertaking_awaited(measures: Sequence[Measure]) -> bool:
    """The last measure ordered (not an interim suspension) awaits its signed undertaking."""
    ordered = [m for m in measures if m.measure_type != MeasureType.SUSPEND_DISPLAY]
    return bool(ordered) and not ordered[-1].undertaking_signed


def _record_undertaking(s: Session, ctx: Context, c: Any, p: dict[str, Any], r: str) -> None:
    ordered = [m for m in c.measures if m.measure_type != MeasureType.SUSPEND_DISPLAY]
    if ordered:
        ordered[-1].undertaking_signed = True


def _order_measure(s: Session, ctx: Context, c: Any, p: dict[str, Any], r: str) -> None:
    c.measures.append(
        Measure(
            measure_type=MeasureType(str(p["measure"])),
            ordered_at=ctx.now(),
            undertaking_signed=bool(p.get("undertaking_signed")),
            storage_place=tighten(_text(p, "storage_place")),
            note=r.strip(),
        )
    )


def _record_recheck(s: Session, ctx: Context, c: Any, p: dict[str, Any], r: str) -> None:
    if c.measures:
        measure = c.measures[-1]
        measure.recheck_result = str(p.get("result") or "passed")
        measure.rechecked_at = ctx.now()


def _linked_exhibit(c: Any, p: dict[str, Any]) -> Any:
    """The exhibit a step names (the step's check has made sure there is one)."""
    index = find_exhibit(exhibit_facts(c), str(p.get("exhibit") or ""))
    assert index is not None
    return c.exhibits[index]


def _exhibit_rights(c: Any, p: dict[str, Any]) -> dict[str, Any]:
    """What the audit trail keeps of an exhibit's rights, before and after the link."""
    x = _linked_exhibit(c, p)
    return {"exhibit": x.name, "model": x.model, "rights": [r.number for r in x.rights]}


def _link_exhibit_rights(s: Session, ctx: Context, c: Any, p: dict[str, Any], r: str) -> None:
    wanted = {right_key(n) for n in list_value(p.get("rights"))}
    _linked_exhibit(c, p).rights = [
        right for right in relied_on(c.complaint) if right_key(right.number) in wanted
    ]


def _refused_rights(c: Any, p: dict[str, Any]) -> dict[str, Any]:
    """What the audit trail keeps of a complaint's refused rights: [number, reason] pairs
    (the timeline words the reason from the vocabulary)."""
    session = object_session(c)
    refused = refused_reasons(session, c) if session is not None else {}
    rights = sorted(c.rights, key=lambda r: r.id)
    return {"refused_rights": [[r.number, refused[r.id]] for r in rights if r.id in refused]}


def _record_refused_rights(s: Session, ctx: Context, c: Any, p: dict[str, Any], r: str) -> None:
    facts = complaint_facts(s, ctx, c, s.get_one(Fair, c.fair_id))
    refused = refused_at_acceptance(facts, p)
    for right in c.rights:
        if right.number in refused:
            s.execute(
                update(complaint_rights)
                .where(
                    complaint_rights.c.complaint_id == c.id,
                    complaint_rights.c.right_id == right.id,
                )
                .values(refused_reason=refused[right.number])
            )


def _close(s: Session, ctx: Context, c: Any, p: dict[str, Any], r: str) -> None:
    c.closed_at = ctx.now()


EFFECTS: dict[Effect, EffectFn] = {
    Effect.MARK_ACCEPTED: _mark_accepted,
    Effect.RECORD_MISSING_ITEMS: _record_missing,
    Effect.RECORD_RECEIVED: _record_received,
    Effect.RECORD_REJECTION: _record_rejection,
    Effect.CLOSE_CASES_OF_COMPLAINT: _close_cases,
    Effect.WITHDRAW_CASES_OF_COMPLAINT: _withdraw_cases,
    Effect.RECORD_AUTHORITY_RESULT: _record_authority_result,
    Effect.SUSPEND_DISPLAY: _suspend_display,
    Effect.RETURN_DETAINED: _return_detained,
    Effect.RECORD_UNDERTAKING: _record_undertaking,
    Effect.RECORD_TRANSFER: _record_transfer,
    Effect.START_TRANSFER_CLOCK: _start_transfer_clock,
    Effect.MARK_NOTIFIED: _mark_notified,
    Effect.RECORD_SERVICE: _record_service,
    Effect.RECORD_DEFENCE: _record_defence,
    Effect.RECORD_ENDING: _record_ending,
    Effect.RECORD_DECISION: _record_decision,
    Effect.RECORD_REFERRAL: _record_referral,
    Effect.ORDER_MEASURE: _order_measure,
    Effect.RECORD_RECHECK: _record_recheck,
    Effect.LINK_EXHIBIT_RIGHTS: _link_exhibit_rights,
    Effect.RECORD_REFUSED_RIGHTS: _record_refused_rights,
    Effect.CLOSE: _close,
}
# Effects whose old and new values the audit event keeps (beside the state).
RECORDED: dict[Effect, Callable[[Any, dict[str, Any]], dict[str, Any]]] = {
    Effect.LINK_EXHIBIT_RIGHTS: _exhibit_rights,
    Effect.RECORD_REFUSED_RIGHTS: _refused_rights,
}
# Effects that add or change a case's measures.
MEASURE_EFFECTS = frozenset(
    {
        Effect.SUSPEND_DISPLAY,
        Effect.RETURN_DETAINED,
        Effect.RECORD_UNDERTAKING,
        Effect.ORDER_MEASURE,
        Effect.RECORD_RECHECK,
    }
)
# Effects that need the record's new state flushed first (they take steps of their own).
AFTER_FLUSH = frozenset(
    {
        Effect.CLOSE_CASES_OF_COMPLAINT,
        Effect.WITHDRAW_CASES_OF_COMPLAINT,
        Effect.START_TRANSFER_CLOCK,
    }
)


def _clock_effects(
    session: Session,
    ctx: Context,
    s: Step,
    fair: Fair,
    record: Record,
    reason: str,
    params: dict[str, Any],
) -> None:
    """Stop, pause, resume, then start what the step declares (a step that stops and starts
    a clock restarts it), each clock on its owner; started clocks count from the step's
    `clocks_from` time when it has one (the time of service), and wait for it without."""
    case = record if isinstance(record, RespondentCase) else None
    complaint = record.complaint if isinstance(record, RespondentCase) else record
    effects = (
        (s.stops, ClockAction.STOP),
        (s.pauses, ClockAction.PAUSE),
        (s.resumes, ClockAction.RESUME),
        (s.starts, ClockAction.START),
    )
    start_at = served_at(params, fair.timezone) if s.clocks_from else None
    for kinds, action in effects:
        for kind in kinds:
            if case is None and kind not in clocks.COMPLAINT_CLOCKS:
                continue  # a complaint step never moves a respondent's clock
            if action is ClockAction.START and s.clocks_from and start_at is None:
                continue  # not served yet: the step recording the time starts it
            owner = Owner.for_kind(kind, case=case, complaint=complaint, fair=fair)
            at = start_at if action is ClockAction.START else None
            clocks.apply(session, ctx, owner, kind, action, reason or s.label, at=at)


def _recorded_after(
    recorded: list[Callable[[Any, dict[str, Any]], dict[str, Any]]],
    record: Record,
    params: dict[str, Any],
) -> dict[str, Any]:
    after: dict[str, Any] = {}
    for what in recorded:
        after |= what(record, params)
    return after


def _plain(params: dict[str, Any]) -> dict[str, Any]:
    return {k: val for k, val in params.items() if val not in (None, "")}


def _as_typed(s: Step, params: dict[str, Any], zone: str) -> dict[str, Any]:
    """The values as the audit trail keeps them: a time as the fair's local time a person
    types and reads ("2026-11-05 10:20"), whether it came typed or as a datetime."""
    out = dict(params)
    for f in s.fields:
        moment = parse_moment(out.get(f.name), f.kind) if f.kind is FieldKind.DATETIME else None
        if isinstance(moment, datetime):
            out[f.name] = local_time(attach_zone(moment, zone), zone).strftime("%Y-%m-%d %H:%M")
    return out


def _apply(
    session: Session,
    ctx: Context,
    record: Record,
    facts: Facts,
    action: str,
    reason: str,
    params: dict[str, Any],
) -> Step:
    """Check the step against the table and apply all it declares (caller's transaction)."""
    params = with_defaults(step(facts.entity, action), params)
    s = check(facts, action, params | {"reason": reason})
    is_case = isinstance(record, RespondentCase)
    fair = session.get_one(Fair, record.fair_id)
    label = Phrase("Case {number}" if is_case else "Complaint {number}", number=record.number)
    before: dict[str, Any] = {"state": record.state}
    recorded = [RECORDED[e] for e in s.effects if e in RECORDED]
    for what in recorded:
        before |= what(record, params)
    # Steps that order or change a measure record its state too (row_check reads it).
    touches_measures = is_case and not MEASURE_EFFECTS.isdisjoint(s.effects)
    measures_before = record_state.measures_of(record) if touches_measures else {}
    record.state = target_of(s, facts)
    taken_on = False
    if isinstance(record, RespondentCase):
        record.updated_at = ctx.now()
        taken_on = _take_on(ctx, record)  # in the step's own write: one new version
    for effect in s.effects:
        if effect not in AFTER_FLUSH:
            EFFECTS[effect](session, ctx, record, params, reason)
    flush_or_conflict(session, label)
    _clock_effects(session, ctx, s, fair, record, reason, params)
    _audit_step(session, ctx, s, record, fair, before, recorded, params, reason)
    if touches_measures:
        record_state.record_measures(session, ctx, record, measures_before)
    for effect in s.effects:
        if effect in AFTER_FLUSH:
            EFFECTS[effect](session, ctx, record, params, reason)
    if taken_on and isinstance(record, RespondentCase):
        _audit_taken_on(session, ctx, record)
    return s


def _audit_step(
    session: Session,
    ctx: Context,
    s: Step,
    record: Record,
    fair: Fair,
    before: dict[str, Any],
    recorded: list[Any],
    params: dict[str, Any],
    reason: str,
) -> None:
    """The step's event: the state and fields it set, and what a paper prints of the record."""
    ids: dict[str, Any] = {"fair_id": fair.id}
    if isinstance(record, RespondentCase):
        ids |= {"complaint_id": record.complaint_id, "case_id": record.id}
    else:
        ids |= {"complaint_id": record.id}
    audit.record(
        session,
        ctx,
        s.audit_code,
        s.entity.value,
        record.id,
        before=before,
        after={
            "state": record.state,
            **_plain(_as_typed(s, params, fair.timezone)),
            **_recorded_after(recorded, record, params),
            # What a paper prints of it, so a row changed behind the app's back shows.
            **paper_state.paper_of(record),
        },
        reason=reason,
        **ids,
    )


def _take_on(ctx: Context, case: RespondentCase) -> bool:
    """The desk user who works an unassigned case becomes its handler (so "Mine" counts
    the cases one actually handles); True when it happened."""
    actor = ctx.actor
    if case.assigned_to is not None or actor.user_id is None:
        return False
    if actor.role not in TAKES_ON_UNASSIGNED:
        return False
    case.assigned_to = actor.user_id
    return True


def _audit_taken_on(session: Session, ctx: Context, case: RespondentCase) -> None:
    """The assignment a step brought, audited as one made from the list."""
    audit.record(
        session,
        ctx,
        "case.assign",
        "case",
        case.id,
        before={"assigned_to": ""},
        after={"assigned_to": ctx.actor.username},
        reason="",  # the step's own event, just before, says what was done
        fair_id=case.fair_id,
        complaint_id=case.complaint_id,
        case_id=case.id,
    )


def _label(record: Record) -> Phrase:
    if isinstance(record, RespondentCase):
        return Phrase("Case {number}", number=record.number)
    return Phrase("Complaint {number}", number=record.number)


def apply_step(
    session: Session,
    ctx: Context,
    record: Record,
    action: str,
    reason: str,
    params: dict[str, Any],
    expected_version: int | None = None,
) -> Step:
    """One step on a complaint or a case inside the caller's transaction (registration and
    acceptance at the desk, a re-inspection record with its step); refused, before anything
    is written, on a stale screen or with the domain's reason."""
    check_version(session, record, _label(record), expected_version)
    fair = session.get_one(Fair, record.fair_id)
    if isinstance(record, RespondentCase):
        facts = case_facts(session, ctx, record, fair)
    else:
        facts = complaint_facts(session, ctx, record, fair)
    return _apply(session, ctx, record, facts, action, reason, params)


apply_complaint_step = apply_step
apply_case_step = apply_step


def _act(
    ctx: Context,
    number: str,
    load: Callable[[Session, str], Record],
    action: str,
    reason: str,
    expected_version: int | None,
    params: dict[str, Any],
) -> StepResult:
    with ctx.db.writing() as session:
        record = load(session, number)
        apply_step(session, ctx, record, action, reason, params, expected_version)
        return StepResult(
            record.number, record.state, record.version, getattr(record, "served_at", None)
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
    """Take one step on a complaint, e.g. `act_on_complaint(ctx, no, "accept")`."""
    return _act(ctx, number, complaint_by_number, action, reason, expected_version, params)


def act_on_case(
    ctx: Context,
    number: str,
    action: str,
    *,
    reason: str = "",
    expected_version: int | None = None,
    **params: Any,
) -> StepResult:
    """Take one step on a respondent case, e.g. `act_on_case(ctx, no, "notify")`."""
    return _act(ctx, number, case_by_number, action, reason, expected_version, params)


def take_step(
    ctx: Context,
    number: str,
    action: str,
    *,
    reason: str = "",
    expected_version: int | None = None,
    **params: Any,
) -> StepResult:
    """A step on a case or a complaint, whichever `number` names (the CLI's `step`)."""
    with ctx.db.reading() as session:
        is_case = _case_or_none(session, number) is not None
        if not is_case:
            _complaint_named(session, number)
    act = act_on_case if is_case else act_on_complaint
    return act(ctx, number, action, reason=reason, expected_version=expected_version, **params)
