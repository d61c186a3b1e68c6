"""Printed documents: issue, reprint, reissue, revoke, and check a scanned QR code.

Issuing a document takes a snapshot of the complaint or case (`DocumentData`, plain
data), gives it a number from the fair's "document" series (`CIIE2026-D000123`), signs
its key content with the installation's (or the fair's) Ed25519 key, renders the PDF
and registers it: kind, title, snapshot, QR payload, SHA-256 of the PDF bytes, key id,
who and when, in one transaction with its audit event (the PDF is drawn just before
that transaction, see `issue_document`) and keeps the PDF itself. A reprint hands back
the issued bytes (a document issued before they were kept: its snapshot drawn again,
which must give the same bytes). `verify` answers a QR payload with what
the genuine document says, or why it is not genuine.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from fairdesk.db.engine import take_print_lock
from fairdesk.db.models import (
    AuditEvent,
    BoothVisit,
    Complaint,
    Counter,
    EvidenceFile,
    EvidenceLink,
    Exhibitor,
    Fair,
    IPRight,
    IssuedDocument,
    Party,
    RespondentCase,
    SigningKey,
    User,
)
from fairdesk.documents import fonts, signing
from fairdesk.documents import kinds as K
from fairdesk.documents.furniture import PAPER
from fairdesk.documents.model import (
    CaseView,
    DocumentData,
    EventView,
    EvidenceView,
    ExhibitView,
    FairView,
    MeasureView,
    PartyView,
    RespondentView,
    RightView,
    ServedView,
)
from fairdesk.documents.render import render
from fairdesk.documents.summary import describe, key_content, printed_strings
from fairdesk.domain import materials
from fairdesk.domain.acceptance import RightFacts, basis_of
from fairdesk.domain.enums import CaseState, ClockKind, ComplaintKind, ProtectionBasis
from fairdesk.domain.errors import FairDeskError, InvalidInput, NotFound, Phrase
from fairdesk.domain.normalize import tighten
from fairdesk.domain.permissions import Permission
from fairdesk.domain.rules import RuleSet
from fairdesk.domain.trail import BIRTHS, UNSHOWN
from fairdesk.domain.trail import PAPER as PRINTED_STATE
from fairdesk.domain.vocabulary import MADRID, material_label
from fairdesk.domain.workflow import (
    KEEPS_SUSPENSION_TO_CLOSE,
    STEPS,
    Effect,
    Entity,
    detail_value_words,
    detail_words,
    step,
    words_of_event,
)
from fairdesk.services.casework import clocks, numbering
from fairdesk.services.casework.clocks import Owner
from fairdesk.services.casework.steps import refused_reasons
from fairdesk.services.casework.transfer_time import materials_complete_at
from fairdesk.services.context import Context
from fairdesk.services.fair.fairs import calendar_of, fair_by_code, fair_close
from fairdesk.services.trust import audit, keys, paper_check, root_pin, row_check

DOCUMENT_SERIES = "document"


class DocumentMismatch(FairDeskError):
    """A reprint did not give the bytes that were issued."""


@dataclass(frozen=True)
class IssuedInfo:
    number: str
    kind: str
    title: str
    title_en: str
    complaint_number: str
    case_number: str
    issued_at: datetime
    issued_by: str
    content_hash: str
    key_id: str
    payload: str
    pdf: bytes = field(repr=False)
    supersedes: str = ""
    # Characters no bundled font has: printed as their code ("[U+1F600]"), never as a box.
    missing_glyphs: tuple[str, ...] = ()

    @property
    def missing_codes(self) -> str:
        return " ".join(fonts.code_of(c) for c in self.missing_glyphs)


@dataclass(frozen=True)
class DocumentRow:
    number: str
    kind: str
    title: str
    complaint_number: str
    case_number: str
    issued_at: datetime
    issued_by: str
    revoked_at: datetime | None
    superseded_by: str
    revoke_reason: str


@dataclass(frozen=True)
class Verification:
    ok: bool
    status: str  # genuine | forged | altered | unknown | revoked | malformed
    message: str  # in English; `said` holds its sentences, translated where they are shown
    summary: dict[str, str] = field(default_factory=dict)
    number: str = ""
    case_number: str = ""
    said: tuple[Phrase, ...] = ()


def _verdict(
    ok: bool,
    status: str,
    *said: Phrase,
    summary: dict[str, str] | None = None,
    number: str = "",
    case_number: str = "",
) -> Verification:
    message = " ".join(str(p) for p in said)
    return Verification(ok, status, message, summary or {}, number, case_number, said)


@dataclass(frozen=True)
class KeyInfo:
    key_id: str
    owner: str  # the user whose key it is ("" for the root, legacy and demo keys)
    algorithm: str
    public_key: str
    fingerprint: str
    created_at: datetime
    retired_at: datetime | None
    kind: str = "user"  # root | user | demo | legacy
    revoked_at: datetime | None = None
    certified: bool = False


# -- snapshot -------------------------------------------------------------------------------


class _Clock:
    def __init__(self, fair: Fair, now: datetime) -> None:
        self.zone = ZoneInfo(fair.timezone)
        self.now = now

    def local(self, moment: datetime | None) -> str:
        if moment is None:
            return ""
        return moment.astimezone(self.zone).strftime("%Y-%m-%d %H:%M")

    def offset(self) -> str:
        delta = self.now.astimezone(self.zone).utcoffset()
        minutes = int(delta.total_seconds() // 60) if delta else 0
        sign = "+" if minutes >= 0 else "-"
        return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _fair_view(fair: Fair, clock: _Clock) -> FairView:
    rules = RuleSet.from_dict(fair.rules)
    return FairView(
        code=fair.code,
        name=fair.name,
        name_en=fair.name_en,
        venue=fair.venue,
        start_date=fair.start_date.isoformat(),
        end_date=fair.end_date.isoformat(),
        timezone=fair.timezone,
        utc_offset=clock.offset(),
        rules_code=rules.code,
        defence_hours=float(rules.defence_hours),
        recheck_hours=float(rules.recheck_hours),
        legal_basis=dict(rules.legal_basis),
        center_address=fair.center_address,
        center_phone=fair.center_phone,
    )


def _party(p: Party) -> PartyView:
    return PartyView(
        name=p.name,
        name_en=p.name_en,
        kind=p.kind,
        id_doc_type=p.id_doc_type,
        id_doc_no=p.id_doc_no,
        country=p.country,
        address=p.address,
        contact=p.contact,
        phone=p.phone,
        email=p.email,
    )


def _respondent(case: RespondentCase) -> RespondentView:
    e: Exhibitor = case.exhibitor
    return RespondentView(
        name_zh=e.name_zh,
        name_en=e.name_en,
        credit_code=e.credit_code,
        country=e.country,
        country_en=e.country_en,
        area=e.area,
        delegation=e.delegation,
        hall=case.hall,
        booth=case.booth_no,
        contact=e.contact,
        phone=e.phone,
        email=e.email,
    )


def _exhibits(case: RespondentCase) -> tuple[ExhibitView, ...]:
    return tuple(
        ExhibitView(x.name, x.model, x.quantity, x.note, tuple(r.number for r in x.rights))
        for x in case.exhibits
    )


def _due(
    session: Session, owner: Owner, kind: ClockKind, now: datetime
) -> tuple[datetime | None, bool]:
    state = clocks.state_of(session, owner, kind, now)
    return state.due_at, state.capped_at_close


def _last_event(session: Session, case_id: int, actions: tuple[str, ...]) -> AuditEvent | None:
    return session.scalar(
        select(AuditEvent)
        .where(AuditEvent.case_id == case_id, AuditEvent.action.in_(actions))
        .order_by(AuditEvent.id.desc())
        .limit(1)
    )


# Every step that records a decision, with the state it decides (from the step table, so a
# decision taken at once is a decision too).
_DECISIONS = {s.audit_code: s.target for s in STEPS if Effect.RECORD_DECISION in s.effects}
# Every step that opens a mediation: an IP complaint's and a commercial dispute's.
_MEDIATIONS = tuple(s.audit_code for s in STEPS if s.target == CaseState.MEDIATING)
_REJECTION = step(Entity.COMPLAINT, "reject").audit_code
_CLOSING = (
    "case.close",
    "case.close_unaccepted",
    "case.withdraw",
    "case.settle",
    "case.self_remedy",
    "case.refer",
    "case.move_post_fair",
)


def _action_label(action: str) -> str:
    """An audit event's words on paper: the step's or the vocabulary's, "中文 English"."""
    words = words_of_event(action)
    return f"{words.zh} {words.en}" if words.zh != words.en else words.en


def _value(key: str, value: Any, commercial: bool = False) -> str:
    if isinstance(value, list | tuple):
        return "、".join(_value(key, x, commercial) for x in value)
    if key == "kind" and isinstance(value, str) and value in K.KINDS:
        k = K.KINDS[value]
        own = K.COMMERCIAL_TITLES if commercial else {}  # a dispute's papers: their titles
        zh, en = own.get(value, (k.title, k.title_en))
        return f"{zh} / {en}"
    words = detail_value_words(key, value)
    # Text of its own is printed as typed, less the stray spaces ("4.1 馆 B 区" -> "4.1馆B区").
    return words.on_paper.both if words is not None else tighten(str(value))


def _detail(
    after: dict[str, Any] | None,
    exhibits: list[tuple[str, str]] | None = None,
    commercial: bool = False,
) -> str:
    """What an event recorded, one line on paper: "状态 / now: 已通知 / Notified; ..."."""
    if not after:
        return ""
    parts = []
    for key, value in after.items():
        if value in (None, "", [], {}) or key in (
            "sha256",
            "key_id",
            "revoke_reason",
            PRINTED_STATE,
            BIRTHS,
        ):
            continue
        if key == "in_force" and value is True:  # an issued document is in force: say nothing
            continue
        if key == "exhibits" and exhibits and list(value) == [name for name, _ in exhibits]:
            # The case's exhibits as recorded when it opened: named with their models.
            value = [f"{name}（{model}）" if model else name for name, model in exhibits]
        if key == "state":
            parts.append(f"→ {_value(key, value)}")
        else:
            parts.append(f"{detail_words(key).both}: {_value(key, value, commercial)}")
    return "; ".join(parts)


def _names(session: Session) -> dict[str, str]:
    """Login -> the person's name: paper names people, a login is a code word."""
    rows = session.execute(select(User.username, User.display_name))
    return {login: (name or login) for login, name in rows}


def _printed(event: AuditEvent) -> dict[str, Any] | None:
    """What an event recorded, less a decision's typed legal basis: the decision cites the
    articles of the step it records, and a paper gives one decision one legal basis."""
    if event.action not in _DECISIONS or not event.after:
        return event.after
    return {k: v for k, v in event.after.items() if k != "legal_basis"}


def _timeline(
    session: Session,
    case: RespondentCase,
    clock: _Clock,
    actions: tuple[str, ...] = (),
) -> tuple[EventView, ...]:
    """The case's audit events (only `actions` when given), people by name."""
    query = select(AuditEvent).where(
        or_(
            AuditEvent.case_id == case.id,
            (AuditEvent.complaint_id == case.complaint_id) & AuditEvent.case_id.is_(None),
        ),
        AuditEvent.action.not_in(UNSHOWN),
    )
    if actions:
        query = query.where(AuditEvent.action.in_(actions))
    names = _names(session)
    exhibits = [(x.name, x.model or "") for x in case.exhibits]
    commercial = case.complaint.kind == ComplaintKind.COMMERCIAL
    return tuple(
        EventView(
            clock.local(r.at),
            names.get(r.username, r.username),
            _action_label(r.action),
            r.reason,
            _detail(_named(_printed(r), names), exhibits, commercial),
        )
        # By time; at one moment a complaint's own step (its registration) before the
        # case steps it gave rise to, whatever order they were written in.
        for r in session.scalars(
            query.order_by(AuditEvent.at, AuditEvent.case_id.is_not(None), AuditEvent.id)
        ).all()
    )


_PERSON_KEYS = ("assigned_to",)  # details that hold a login: paper gives the person's name


def _named(after: dict[str, Any] | None, names: dict[str, str]) -> dict[str, Any] | None:
    if not after or not any(after.get(k) for k in _PERSON_KEYS):
        return after
    return {k: names.get(v, v) if k in _PERSON_KEYS and v else v for k, v in after.items()}


def _move_out_end(fair: Fair) -> datetime:
    """The end of the window for taking goods back: move-out's end, from the fair's
    calendar and its rule set."""
    return calendar_of(fair).move_out_end(RuleSet.from_dict(fair.rules).move_out_hours)


# Documents that print who took some steps (the inspector, the mediator): those events.
_PEOPLE_OF = {
    "recheck-record": ("case.recheck_passed", "case.recheck_failed"),
    "mediation-record": ("case.start_mediation", "case.mediate_dispute", "case.settle"),
    "closing-record": ("case.record_authority_result",),
}


def _service_recorded(session: Session, case: RespondentCase) -> bool:
    """Whether a time of service was recorded by hand (notify, or the proof of service
    coming back); older notify steps defaulted it to the click, which the paper must not
    pass off as the time the respondent received the notice."""
    event = _last_event(session, case.id, ("case.notify", "case.record_service"))
    return event is not None and bool((event.after or {}).get("served_at"))


def _evidence(session: Session, case: RespondentCase, clock: _Clock) -> tuple[EvidenceView, ...]:
    owners: list[tuple[str, list[int], str]] = [
        ("complaint", [case.complaint_id], "投诉 complaint"),
        ("case", [case.id], "案件 case"),
        ("exhibit", [x.id for x in case.exhibits], "展品 exhibit"),
        ("measure", [m.id for m in case.measures], "措施 measure"),
        (
            "visit",
            list(session.scalars(select(BoothVisit.id).where(BoothVisit.case_id == case.id))),
            "巡查 patrol",
        ),
    ]
    out: list[EvidenceView] = []
    for owner_type, ids, label in owners:
        if not ids:
            continue
        rows = session.execute(
            select(EvidenceLink, EvidenceFile, User.display_name, User.username)
            .join(EvidenceFile, EvidenceFile.id == EvidenceLink.evidence_id)
            .outerjoin(User, User.id == EvidenceFile.captured_by)
            .where(EvidenceLink.owner_type == owner_type, EvidenceLink.owner_id.in_(ids))
            .order_by(EvidenceLink.id)
        ).all()
        for link, ev, name, login in rows:
            out.append(
                EvidenceView(
                    sha256=ev.sha256,
                    name=ev.original_name,
                    mime=ev.mime,
                    size=ev.size,
                    captured_at=clock.local(ev.captured_at),
                    captured_by=name or login or "",
                    attached_to=label,
                    caption=link.caption,
                )
            )
    return tuple(out)


def _served(session: Session, case: RespondentCase, wanted: str) -> ServedView | None:
    query = select(IssuedDocument).where(
        IssuedDocument.case_id == case.id, IssuedDocument.revoked_at.is_(None)
    )
    if wanted:
        doc = session.scalar(query.where(IssuedDocument.number == wanted.strip()))
        if doc is None:
            raise NotFound(
                "Case {case} has no valid issued document numbered '{number}' to serve.",
                case=case.number,
                number=wanted,
            )
    else:
        doc = session.scalar(
            query.where(IssuedDocument.kind.in_(K.SERVABLE)).order_by(IssuedDocument.id.desc())
        )
        if doc is None:
            return None
    k = K.kind(doc.kind)
    data = doc.content.get("data", {})
    copy = str((doc.content.get("options") or {}).get("copy", ""))
    title, title_en = k.title, k.title_en
    if doc.kind == "decision" and data.get("decided_by_organ"):  # the organ's, by its title
        title, title_en = K.OFFICER_DECISION_TITLES
    return ServedView(doc.number, doc.kind, title, title_en, str(data.get("issued_at", "")), copy)


# Papers that name the remedial order they carry out or go beyond (its number and date).
_NAMES_THE_ORDER = ("detained-items", "escalation-notice")


def _order(session: Session, case: RespondentCase) -> ServedView | None:
    """The case's latest remedial order still valid, as a later paper names it."""
    doc = session.scalar(
        select(IssuedDocument)
        .where(
            IssuedDocument.case_id == case.id,
            IssuedDocument.revoked_at.is_(None),
            IssuedDocument.kind == "remedial-order",
        )
        .order_by(IssuedDocument.id.desc())
    )
    if doc is None:
        return None
    k = K.kind(doc.kind)
    issued = str(doc.content.get("data", {}).get("issued_at", ""))
    return ServedView(doc.number, doc.kind, k.title, k.title_en, issued)


def _complete_at(session: Session, complaint: Complaint, clock: _Clock) -> str:
    """When the materials were complete, for a complaint the IP authority handles: its 24 h
    transfer counts from then (2006 Art 11)."""
    return clock.local(materials_complete_at(session, complaint)) if complaint.authority else ""


def _enclosures(complaint: Complaint) -> tuple[str, ...]:
    """What goes to the authority with a transfer letter: the complaint form (with the
    commitment when signed) and each material the complainant handed in."""
    form = K.kind("complaint-form")
    first = f"{form.title} / {form.title_en}"
    if complaint.kind == ComplaintKind.COMMERCIAL:  # its own form, with no IP commitment
        first = " / ".join(K.COMMERCIAL_TITLES["complaint-form"])
    elif not complaint.commitment_signed:
        first = "知识产权投诉登记表 / Complaint form"
    ticks = complaint.materials or {}
    rights = [(r.ip_type, _proof_place(r)) for r in complaint.rights]
    licensed = [r.ip_type for r in complaint.rights if r.licence_type not in ("owner", "")]
    received = [m for m in materials.ALL_MATERIALS if ticks.get(m.key) is True]
    return (first, *(material_label(m, rights, licensed) for m in received))


def _proof_place(r: IPRight) -> str:
    """Where the proof of a right comes from: its jurisdiction, or the Madrid System."""
    facts = RightFacts(r.number, r.ip_type, r.jurisdiction, basis=r.basis, ir_number=r.ir_number)
    return MADRID if basis_of(facts) is ProtectionBasis.MADRID else r.jurisdiction


def _right_view(r: IPRight, refused: dict[int, str]) -> RightView:
    return RightView(
        r.ip_type,
        r.number,
        r.title,
        r.holder,
        r.jurisdiction,
        r.valid_until.isoformat() if r.valid_until else "",
        r.licence_type,
        refused.get(r.id, ""),
        r.basis,
        r.ir_number,
    )


def _measure_views(case: RespondentCase, clock: _Clock) -> tuple[MeasureView, ...]:
    return tuple(
        MeasureView(
            m.measure_type,
            clock.local(m.ordered_at),
            clock.local(m.due_at),
            m.undertaking_signed,
            tighten(m.storage_place),
            clock.local(m.returned_at),
            m.recheck_result,
            clock.local(m.rechecked_at),
            m.note,
        )
        for m in case.measures
    )


def _snapshot(
    session: Session,
    ctx: Context,
    k: K.DocKind,
    fair: Fair,
    complaint: Complaint,
    case: RespondentCase | None,
    number: str,
    copy: str,
    served: str,
) -> DocumentData:
    now = ctx.now()
    clock = _Clock(fair, now)
    base = _complaint_fields(session, ctx, k, fair, complaint, number, copy, now, clock)
    if case is not None:
        base.update(_case_fields(session, k, fair, case, now, clock))
        base.update(_case_extras(session, k, fair, case, clock, served))
    return DocumentData(**base)


def _complaint_fields(
    session: Session,
    ctx: Context,
    k: K.DocKind,
    fair: Fair,
    complaint: Complaint,
    number: str,
    copy: str,
    now: datetime,
    clock: _Clock,
) -> dict[str, Any]:
    """What every document prints: the fair, the complaint, its parties and rights."""
    refused = refused_reasons(session, complaint)
    rights = [_right_view(r, refused) for r in sorted(complaint.rights, key=lambda r: r.id)]
    of_complaint = Owner(fair, complaint_id=complaint.id)
    supplement_due, _ = _due(session, of_complaint, ClockKind.SUPPLEMENT, now)
    transfer_due, _ = _due(session, of_complaint, ClockKind.TRANSFER, now)
    base: dict[str, Any] = dict(
        kind=k.code,
        number=number,
        issued_at=clock.local(now),
        issued_by=ctx.actor.username,
        fair=_fair_view(fair, clock),
        complaint_number=complaint.number,
        complaint_kind=complaint.kind,
        complaint_state=complaint.state,
        channel=complaint.channel,
        received_at=clock.local(complaint.received_at),
        complainant=_party(complaint.complainant),
        agent=_party(complaint.agent) if complaint.agent else None,
        power_of_attorney=complaint.power_of_attorney,
        commitment_signed=complaint.commitment_signed,
        summary=complaint.summary,
        dispute_type=complaint.dispute_type,
        missing_items=str((complaint.materials or {}).get("missing", "")),
        supplement_due_at=clock.local(supplement_due),
        reject_reason=complaint.reject_reason,
        authority=complaint.authority,
        accepted_at=clock.local(complaint.accepted_at),
        transferred_at=clock.local(complaint.transferred_at),
        transfer_due_at=clock.local(transfer_due),
        materials_complete_at=_complete_at(session, complaint, clock),
        rights=tuple(v for v in rights if not v.refused_reason),
        refused_rights=tuple(v for v in rights if v.refused_reason),
        cases=tuple(
            CaseView(c.number, c.state, _respondent(c), _exhibits(c)) for c in complaint.cases
        ),
        copy=copy,
    )
    if k.code in ("transfer-letter", "acceptance-receipt"):
        base["enclosures"] = _enclosures(complaint)
    if complaint.reject_reason:
        event = session.scalar(
            select(AuditEvent)
            .where(AuditEvent.complaint_id == complaint.id, AuditEvent.action == _REJECTION)
            .order_by(AuditEvent.id.desc())
            .limit(1)
        )
        base["note"] = event.reason if event else ""
    return base


def _case_fields(
    session: Session,
    k: K.DocKind,
    fair: Fair,
    case: RespondentCase,
    now: datetime,
    clock: _Clock,
) -> dict[str, Any]:
    """What a respondent case's document prints: service, defence, decision, measures."""
    owner = Owner(fair, case_id=case.id)
    defence_due, capped = _due(session, owner, ClockKind.DEFENCE, now)
    if defence_due is None and k.code == "complaint-notice":
        # Not served yet: served now at the earliest, so a period that the close cuts
        # when counted from now is cut whenever the notice is served.
        capped = clocks.projected(fair, ClockKind.DEFENCE, now, now).capped_at_close
    recheck_due, _ = _due(session, owner, ClockKind.RECHECK, now)
    decided = _last_event(session, case.id, tuple(_DECISIONS))
    mediation = _last_event(session, case.id, _MEDIATIONS)
    escalation = _last_event(session, case.id, ("case.escalate",))
    closing = _last_event(session, case.id, _CLOSING)
    settled = case.state in (CaseState.SETTLED, CaseState.SELF_REMEDIED)
    return dict(
        case_number=case.number,
        case_state=case.state,
        respondent=_respondent(case),
        exhibits=_exhibits(case),
        notified_at=clock.local(case.notified_at),
        served_at=clock.local(case.served_at) if _service_recorded(session, case) else "",
        service_manner=case.service_manner,
        defence_passed=defence_due is not None and defence_due <= now,
        defence_due_at=clock.local(defence_due),
        defence_capped_at_close=capped,
        fair_closes_at=clock.local(fair_close(fair)) if capped else "",
        defence_summary=case.defence_summary,
        mediation_started_at=clock.local(mediation.at) if mediation else "",
        settlement_terms=case.decision_note if settled else "",
        decision_state=_DECISIONS[decided.action] if decided else "",
        # A suspension an undetermined decision keeps lasts until the fair closes.
        suspension_until=(
            clock.local(fair_close(fair))
            if decided and _DECISIONS[decided.action] in KEEPS_SUSPENSION_TO_CLOSE
            else ""
        ),
        decision_trigger=case.decision_trigger if decided else "",
        decision_legal_basis=case.legal_basis if decided else "",
        decision_basis={k: str(v) for k, v in (case.decision_basis or {}).items()},
        decided_by_organ=case.decided_by_organ,
        decided_by_officer=_names(session).get(case.decided_by_officer, case.decided_by_officer),
        referral_kind=case.referral_kind,
        decision_note=case.decision_note if decided and not settled else "",
        decided_at=clock.local(case.decided_at),
        case_authority=case.authority,
        measures=_measure_views(case, clock),
        recheck_due_at=clock.local(recheck_due),
        escalation=str((escalation.after or {}).get("escalation", "")) if escalation else "",
        closed_at=clock.local(case.closed_at),
        closing_reason=closing.reason if closing else "",
    )


def _case_extras(
    session: Session, k: K.DocKind, fair: Fair, case: RespondentCase, clock: _Clock, served: str
) -> dict[str, Any]:
    """What only some kinds print: the paper served, the order, custody, the timeline."""
    base: dict[str, Any] = {}
    if k.code == "proof-of-service":
        base["served"] = _served(session, case, served)
    if k.code in _NAMES_THE_ORDER:
        base["order"] = _order(session, case)
    # Goods in custody go back once the fair has closed: the list and the closing record
    # name that time alike.
    if k.code in ("detained-items", "closing-record"):
        base["custody_until"] = clock.local(fair_close(fair))
        base["move_out_until"] = clock.local(_move_out_end(fair))
    if k.code in _PEOPLE_OF:
        base["timeline"] = _timeline(session, case, clock, _PEOPLE_OF[k.code])
    if k.code == "dossier":
        base["timeline"] = _timeline(session, case, clock)
        base["evidence"] = _evidence(session, case, clock)
    return base


# -- keys ---------------------------------------------------------------------------------


def _key_info(key: SigningKey, owner: str) -> KeyInfo:
    return KeyInfo(
        key.key_id,
        owner,
        key.algorithm,
        key.public_key,
        signing.fingerprint(key.public_key),
        key.created_at,
        key.retired_at,
        key.kind,
        key.revoked_at,
        bool(key.certificate),
    )


def list_keys(ctx: Context) -> list[KeyInfo]:
    """Every public key: the root, users' keys, legacy and demo keys (no private part)."""
    ctx.require(Permission.VIEW)
    with ctx.db.reading() as session:
        rows = session.execute(
            select(SigningKey, User.username)
            .outerjoin(User, User.id == SigningKey.user_id)
            .order_by(SigningKey.id)
        ).all()
        return [_key_info(key, name or "") for key, name in rows]


def _audit_head(session: Session) -> tuple[int, str]:
    row = session.execute(
        select(AuditEvent.id, AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)
    ).first()
    return (row[0], row[1]) if row else (0, audit.GENESIS)


# -- issuing --------------------------------------------------------------------------------


def _resolve(
    session: Session, k: K.DocKind, number: str
) -> tuple[Complaint, RespondentCase | None]:
    number = number.strip()
    case = session.scalar(select(RespondentCase).where(RespondentCase.number == number))
    if case is not None:
        return case.complaint, (case if k.level == K.CASE else None)
    complaint = session.scalar(select(Complaint).where(Complaint.number == number))
    if complaint is None:
        raise NotFound(
            "There is no complaint or respondent case numbered '{number}'.", number=number
        )
    if k.level == K.COMPLAINT:
        return complaint, None
    if len(complaint.cases) == 1:
        return complaint, complaint.cases[0]
    raise InvalidInput(
        "Complaint {number} names {count} respondents; a "
        "{document} is for one of them: give the case number ({cases}).",
        number=complaint.number,
        count=len(complaint.cases),
        document=k.title_en.lower(),
        cases=tuple(c.number for c in complaint.cases),
    )


@dataclass(frozen=True)
class _Signed:
    """A document's content as signed, before its PDF is drawn: `seen` is the case as
    read (what a later read must still give), `data` the same with the signer's and the
    audit chain's fields, as printed."""

    seen: DocumentData
    data: DocumentData
    key_id: str
    signed: dict[str, Any]
    signature: bytes
    payload: str
    root_fingerprint: str
    certificate: bytes
    private: Any = field(repr=False)  # the signer's key, held only while issuing

    def seal(self, pdf: bytes) -> str:
        """The signer's signature over the PDF's SHA-256: the bytes kept for reprints are
        the issued ones, which nobody without the key can make again."""
        return signing.b64url(signing.sign(self.private, _pdf_content(self.data.number, pdf)))


def _check_state(k: K.DocKind, complaint: Complaint, case: RespondentCase | None) -> None:
    if case is not None:
        K.check_state(k, case.number, case.state)
    else:
        K.check_state(k, complaint.number, complaint.state)


def _doc_number(fair: Fair, value: int) -> str:
    return f"{fair.code}-D{value:06d}"


def _pdf_content(number: str, pdf: bytes) -> dict[str, Any]:
    return {"number": number, "pdf_sha256": hashlib.sha256(pdf).hexdigest()}


def _sealed(session: Session, doc: IssuedDocument, pdf: bytes) -> bool:
    """`pdf` is the document as issued: its SHA-256 is the register's and its seal is the
    signer's (a hash written into the register alone proves nothing: it is no secret)."""
    seal = doc.content.get("pdf_seal")
    key = session.scalar(select(SigningKey).where(SigningKey.key_id == doc.key_id))
    if not isinstance(seal, str) or key is None:
        return False
    if hashlib.sha256(pdf).hexdigest() != doc.content_hash:
        return False
    try:
        signature = signing.unb64url(seal)
    except ValueError:
        return False
    return signing.verify(key.public_key, signature, _pdf_content(doc.number, pdf))


def _sign(
    session: Session,
    ctx: Context,
    k: K.DocKind,
    fair: Fair,
    complaint: Complaint,
    case: RespondentCase | None,
    number: str,
    copy: str,
    served: str,
) -> _Signed:
    _check_state(k, complaint, case)
    # Never sign a row changed behind the app's back as genuine.
    paper_check.refuse_if_changed(session, complaint)
    # The chain's head before the case is read: when it has not moved by the time the
    # document is registered, nothing the document shows can have changed (every change
    # is a service's, with its audit event).
    event_id, head = _audit_head(session)
    seen = _snapshot(session, ctx, k, fair, complaint, case, number, copy, served)
    K.check_condition(k, seen)
    signer = keys.signer(session, ctx)
    data = dataclasses.replace(
        seen,
        root_fingerprint=signer.root_fingerprint,
        audit_event=event_id,
        audit_head=head,
        specimen=signer.specimen,
    )
    key = signer.key
    signed = key_content(data, key.key_id)
    signature = signing.sign(signer.private, signed)
    payload = signing.encode_payload(
        number, signature, signing.raw_public(key.public_key), signer.certificate
    )
    return _Signed(
        seen,
        data,
        key.key_id,
        signed,
        signature,
        payload,
        signer.root_fingerprint,
        signer.certificate,
        signer.private,
    )


def _draw_pdf(s: _Signed) -> tuple[bytes, tuple[str, ...]]:
    with fonts.collect_missing() as missing:
        pdf = render(s.data, s.payload, PAPER)
    return pdf, tuple(sorted(missing))


def _entry(
    ctx: Context,
    k: K.DocKind,
    fair: Fair,
    complaint: Complaint,
    case: RespondentCase | None,
    s: _Signed,
    pdf: bytes,
    missing: tuple[str, ...],
    copy: str,
    served: str,
) -> IssuedDocument:
    return IssuedDocument(
        fair_id=fair.id,
        complaint_id=complaint.id,
        case_id=case.id if case else None,
        kind=k.code,
        number=s.data.number,
        issued_at=ctx.now(),
        issued_by=ctx.actor.user_id,
        content_hash=hashlib.sha256(pdf).hexdigest(),
        signature=signing.b64url(s.signature),
        title=k.title,
        content={
            "key": s.signed,
            "data": s.data.to_dict(),
            "options": {"copy": copy, "served": served},
            "paper": PAPER,  # the layout: a reprint uses it (older documents have none: 1)
            "pdf_seal": s.seal(pdf),  # the kept bytes are the issued ones (see _sealed)
            **({"missing_glyphs": list(missing)} if missing else {}),
        },
        payload=s.payload,
        key_id=s.key_id,
        pdf=pdf,
    )


def _register(
    session: Session,
    ctx: Context,
    k: K.DocKind,
    complaint: Complaint,
    case: RespondentCase | None,
    copy: str,
    served: str,
) -> tuple[IssuedDocument, bytes]:
    """Number, sign, draw and register in one go, all under the write lock."""
    fair = session.get_one(Fair, complaint.fair_id)
    _check_state(k, complaint, case)
    number = _doc_number(fair, numbering.next_value(session, fair.id, DOCUMENT_SERIES))
    s = _sign(session, ctx, k, fair, complaint, case, number, copy, served)
    pdf, missing = _draw_pdf(s)
    doc = _entry(ctx, k, fair, complaint, case, s, pdf, missing, copy, served)
    session.add(doc)
    session.flush()
    return doc, pdf


def _info(
    doc: IssuedDocument,
    complaint: Complaint,
    case: RespondentCase | None,
    ctx: Context,
    pdf: bytes,
    supersedes: str = "",
) -> IssuedInfo:
    k = K.kind(doc.kind)
    return IssuedInfo(
        number=doc.number,
        kind=doc.kind,
        title=k.title,
        title_en=k.title_en,
        complaint_number=complaint.number,
        case_number=case.number if case else "",
        issued_at=doc.issued_at,
        issued_by=ctx.actor.username,
        content_hash=doc.content_hash,
        key_id=doc.key_id,
        payload=doc.payload,
        pdf=pdf,
        supersedes=supersedes,
        missing_glyphs=tuple(doc.content.get("missing_glyphs", ())),
    )


def _audit_issue(
    session: Session,
    ctx: Context,
    doc: IssuedDocument,
    action: str,
    reason: str = "",
    extra: dict[str, Any] | None = None,
) -> None:
    audit.record(
        session,
        ctx,
        action,
        "document",
        doc.id,
        after={
            "number": doc.number,
            "kind": doc.kind,
            "sha256": doc.content_hash,
            "key_id": doc.key_id,
            "in_force": True,  # what `audit verify` holds the row's revocation against
            **(
                {"missing_glyphs": doc.content["missing_glyphs"]}
                if doc.content.get("missing_glyphs")
                else {}
            ),
            **(extra or {}),
        },
        reason=reason,
        fair_id=doc.fair_id,
        complaint_id=doc.complaint_id,
        case_id=doc.case_id,
    )


# How often a document drawn outside the write lock is drawn again when, by the time it
# is registered, its number was taken or its case changed; then it is drawn under the lock.
DRAW_ATTEMPTS = 3


class _Moved(Exception):
    """What a document was drawn from changed before it could be registered."""


@dataclass(frozen=True)
class _Drawn:
    ctx: Context  # the drawing's moment, fixed: the register entry and the page agree
    complaint_id: int
    case_id: int | None
    value: int  # the number's value in the fair's document series
    signed: _Signed
    pdf: bytes
    missing: tuple[str, ...]


def issue_document(
    ctx: Context, kind: str, number: str, *, copy: str = "", served: str = ""
) -> IssuedInfo:
    """Issue and register a document of `kind` for a complaint or respondent case number.

    `copy` chooses the party's copy of a decision; `served` names the document a proof
    of service is for (default: the case's latest notice, decision or order).

    The PDF is drawn before the write lock is taken (drawing is most of issuing, and
    every other desk's write waits while the lock is held), under the next free number
    and the audit chain's head as read then. Under the lock the number, the case as read
    and the signing key are checked again, and the document, its number and its audit
    event are registered in one transaction: anything that moved means drawing again,
    and a failure anywhere leaves no number used and nothing registered.
    """
    ctx.require(Permission.ISSUE_DOCUMENT)
    k = K.kind(kind)
    copy = K.check_copy(k, copy)
    for _ in range(DRAW_ATTEMPTS):
        with ctx.db.reading() as held:  # holds the fair's turn to draw until registered
            drawn = _draw(held, ctx, k, number, copy, served)
            try:
                with ctx.db.writing() as session:
                    return _register_drawn(session, ctx, k, number, drawn, copy, served)
            except _Moved:
                continue  # rolled back: nothing of it was written
    with ctx.db.writing() as session:  # a busy moment: draw under the lock, as a reissue does
        complaint, case = _resolve(session, k, number)
        doc, pdf = _register(session, ctx, k, complaint, case, copy, served)
        _audit_issue(session, ctx, doc, "document.issue", extra={"copy": copy} if copy else None)
        return _info(doc, complaint, case, ctx, pdf)


def _next_value(session: Session, fair_id: int) -> int:
    current = session.scalar(
        select(Counter.value).where(Counter.fair_id == fair_id, Counter.series == DOCUMENT_SERIES)
    )
    return int(current or 0) + 1


def _draw(
    session: Session, ctx: Context, k: K.DocKind, number: str, copy: str, served: str
) -> _Drawn:
    complaint, case = _resolve(session, k, number)
    take_print_lock(session, complaint.fair_id)
    moment = ctx.now()
    fixed = dataclasses.replace(ctx, now=lambda: moment)
    fair = session.get_one(Fair, complaint.fair_id)
    value = _next_value(session, fair.id)
    doc_number = _doc_number(fair, value)
    s = _sign(session, fixed, k, fair, complaint, case, doc_number, copy, served)
    ids = (complaint.id, case.id if case else None)
    pdf, missing = _draw_pdf(s)
    return _Drawn(fixed, *ids, value, s, pdf, missing)


def _check_unchanged(
    session: Session,
    ctx: Context,
    k: K.DocKind,
    fair: Fair,
    complaint: Complaint,
    case: RespondentCase | None,
    s: _Signed,
    copy: str,
    served: str,
) -> None:
    """Others wrote since the document was drawn: it is registered only if the case
    still reads the same and its key is still in force."""
    _check_state(k, complaint, case)
    seen = _snapshot(session, ctx, k, fair, complaint, case, s.data.number, copy, served)
    if seen != s.seen:
        raise _Moved  # the case changed while the document was drawn
    signer = keys.signer(session, ctx)  # refuses a key revoked meanwhile
    if (signer.key.key_id, signer.root_fingerprint, signer.certificate) != (
        s.key_id,
        s.root_fingerprint,
        s.certificate,
    ):
        raise _Moved


def _register_drawn(
    session: Session,
    ctx: Context,
    k: K.DocKind,
    number: str,
    drawn: _Drawn,
    copy: str,
    served: str,
) -> IssuedInfo:
    """Under the write lock: register `drawn` if nothing it shows moved, else `_Moved`.
    The entry is dated when the page was drawn (its date is printed); the audit event
    when it is written, so the trail's times keep their order."""
    at = drawn.ctx
    complaint, case = _resolve(session, k, number)
    fair = session.get_one(Fair, complaint.fair_id)
    if (complaint.id, case.id if case else None) != (drawn.complaint_id, drawn.case_id):
        raise _Moved
    if _next_value(session, fair.id) != drawn.value:
        raise _Moved  # another desk issued a document of this fair meanwhile
    s = drawn.signed
    if _audit_head(session) != (s.data.audit_event, s.data.audit_head):
        _check_unchanged(session, at, k, fair, complaint, case, s, copy, served)
    if numbering.next_value(session, fair.id, DOCUMENT_SERIES) != drawn.value:
        raise _Moved  # not reached: every writer holds the write lock
    doc = _entry(at, k, fair, complaint, case, s, drawn.pdf, drawn.missing, copy, served)
    session.add(doc)
    session.flush()
    _audit_issue(session, ctx, doc, "document.issue", extra={"copy": copy} if copy else None)
    return _info(doc, complaint, case, ctx, drawn.pdf)


def _document(session: Session, number: str) -> IssuedDocument:
    doc = session.scalar(select(IssuedDocument).where(IssuedDocument.number == number.strip()))
    if doc is None:
        raise NotFound("There is no issued document numbered '{number}'.", number=number)
    return doc


def _successor(session: Session, doc: IssuedDocument) -> str:
    if doc.superseded_by is None:
        return ""
    return session.get_one(IssuedDocument, doc.superseded_by).number


def render_document(ctx: Context, number: str) -> bytes:
    """The issued PDF again, rendered from the register: byte-identical or an error."""
    ctx.require(Permission.VIEW)
    with ctx.db.reading() as session:
        doc = _document(session, number)
        if doc.revoked_at is not None:
            successor = _successor(session, doc)
            if successor:
                raise InvalidInput(
                    "Document {number} was revoked ({reason}); print {successor} instead.",
                    number=doc.number,
                    reason=doc.revoke_reason,
                    successor=successor,
                )
            raise InvalidInput(
                "Document {number} was revoked ({reason}).",
                number=doc.number,
                reason=doc.revoke_reason,
            )
        check = _verify(session, signing.parse_payload(doc.payload))
        if check.status not in ("genuine", "specimen"):  # the register entry was changed
            raise DocumentMismatch(
                "Document {number} cannot be reprinted: {reason}",
                number=doc.number,
                reason=check.message,
            )
        pdf = doc.pdf
        if pdf is None:  # issued before the bytes were kept: drawn again from its snapshot
            data = DocumentData.from_dict(doc.content["data"])
            pdf = render(data, doc.payload, int(doc.content.get("paper", 1)))
        elif not _sealed(session, doc, pdf):
            raise DocumentMismatch(
                "The stored copy of {number} is not the document that was issued: its "
                "SHA-256 or its seal differs from the signer's. Reissue it to print a new "
                "signed copy.",
                number=doc.number,
            )
    digest = hashlib.sha256(pdf).hexdigest()
    if digest != doc.content_hash:
        raise DocumentMismatch(
            "Reprinting {number} does not give the document that was issued (SHA-256 "
            "{digest}… instead of {issued}…): the fonts or the PDF library "
            "changed since. Reissue it to print a new signed copy.",
            number=doc.number,
            digest=digest[:12],
            issued=doc.content_hash[:12],
        )
    return pdf


def reissue(ctx: Context, number: str, reason: str) -> IssuedInfo:
    """A corrected copy under a new number; the old one then verifies as revoked."""
    ctx.require(Permission.ISSUE_DOCUMENT)
    if not reason.strip():
        raise InvalidInput("Reissuing a document needs a reason (what was corrected).")
    with ctx.db.writing() as session:
        old = _document(session, number)
        if old.revoked_at is not None:
            successor = _successor(session, old)
            if successor:
                raise InvalidInput(
                    "Document {number} is already revoked; reissue {successor} instead.",
                    number=old.number,
                    successor=successor,
                )
            raise InvalidInput("Document {number} is already revoked.", number=old.number)
        k = K.kind(old.kind)
        options = old.content.get("options", {})
        complaint = session.get_one(Complaint, old.complaint_id)
        case = session.get(RespondentCase, old.case_id) if old.case_id else None
        doc, pdf = _register(
            session,
            ctx,
            k,
            complaint,
            case,
            str(options.get("copy", "")),
            str(options.get("served", "")),
        )
        old.superseded_by = doc.id
        old.revoked_at = ctx.now()
        old.revoke_reason = f"superseded by {doc.number}: {reason.strip()}"
        audit.record(
            session,
            ctx,
            "document.revoke",
            "document",
            old.id,
            after={
                "number": old.number,
                "kind": old.kind,
                "in_force": False,
                "superseded_by": doc.number,
                "revoke_reason": old.revoke_reason,
            },
            reason=reason.strip(),
            fair_id=old.fair_id,
            complaint_id=old.complaint_id,
            case_id=old.case_id,
        )
        _audit_issue(
            session, ctx, doc, "document.reissue", reason.strip(), {"supersedes": old.number}
        )
        return _info(doc, complaint, case, ctx, pdf, supersedes=old.number)


def revoke(ctx: Context, number: str, reason: str) -> None:
    ctx.require(Permission.ISSUE_DOCUMENT)
    if not reason.strip():
        raise InvalidInput("Revoking a document needs a reason.")
    with ctx.db.writing() as session:
        doc = _document(session, number)
        if doc.revoked_at is not None:
            raise InvalidInput(
                "Document {number} is already revoked ({reason}).",
                number=doc.number,
                reason=doc.revoke_reason,
            )
        doc.revoked_at = ctx.now()
        doc.revoke_reason = reason.strip()
        audit.record(
            session,
            ctx,
            "document.revoke",
            "document",
            doc.id,
            after={
                "number": doc.number,
                "kind": doc.kind,
                "in_force": False,
                # What verify tells the holder (a revocation's reason, or no successor).
                "revoke_reason": doc.revoke_reason,
                "superseded_by": None,
            },
            reason=reason.strip(),
            fair_id=doc.fair_id,
            complaint_id=doc.complaint_id,
            case_id=doc.case_id,
        )


def list_documents(ctx: Context, number: str = "", fair_code: str = "") -> list[DocumentRow]:
    """Issued documents of a complaint or case (by number), or of a fair, oldest first."""
    ctx.require(Permission.VIEW)
    with ctx.db.reading() as session:
        query = select(IssuedDocument).order_by(IssuedDocument.id)
        if number.strip():
            complaint, case = _resolve(session, K.KINDS["complaint-form"], number)
            found = session.scalar(
                select(RespondentCase).where(RespondentCase.number == number.strip())
            )
            query = (
                query.where(IssuedDocument.case_id == found.id)
                if found is not None
                else query.where(IssuedDocument.complaint_id == complaint.id)
            )
        elif fair_code:
            query = query.where(IssuedDocument.fair_id == fair_by_code(session, fair_code).id)
        docs = session.scalars(query).all()
        users = {uid: name for uid, name in session.execute(select(User.id, User.username))}
        by_id = {d.id: d.number for d in docs}
        out = []
        for d in docs:
            key = d.content.get("key", {})
            successor = by_id.get(d.superseded_by or 0) or (
                _successor(session, d) if d.superseded_by else ""
            )
            out.append(
                DocumentRow(
                    d.number,
                    d.kind,
                    d.title,
                    str(key.get("complaint", "")),
                    str(key.get("case", "")),
                    d.issued_at,
                    users.get(d.issued_by or 0, ""),
                    d.revoked_at,
                    successor,
                    d.revoke_reason,
                )
            )
        return out


# -- verifying ------------------------------------------------------------------------------


def verify(ctx: Context, payload_or_text: str, root: str = "") -> Verification:
    """Check what a QR code (or a USB scanner, or a paste) gave against the register.

    `root`: the root key's fingerprint as printed on the service center's paper; the
    document's chain must end in it (by default, in the root pinned in the data folder)."""
    ctx.require(Permission.VIEW)
    root = root_pin.given(root) if root else ""  # a PDF: paper_trust.signed_root first
    try:
        parsed = signing.parse_payload(payload_or_text)
    except signing.MalformedPayload as exc:
        return _verdict(
            False,
            "malformed",
            Phrase("Not a valid document code: {why}.", why=exc.args[0] if exc.args else ""),
        )
    with ctx.db.reading() as session:
        return _verify(session, parsed, root)


def _signature_refused(
    doc: IssuedDocument, parsed: signing.Payload, summary: dict[str, str], case_no: str
) -> Verification:
    """The paper's signature does not match the register: the entry was changed, or the
    code is not the center's."""
    if signing.b64url(parsed.signature) == doc.signature:
        return _verdict(
            False,
            "altered",
            Phrase(
                "The register entry of {number} was changed after it was issued: the "
                "signature on the paper no longer matches it. Report this to the "
                "administrator.",
                number=doc.number,
            ),
            summary=summary,
            number=doc.number,
            case_number=case_no,
        )
    return _verdict(
        False,
        "forged",
        Phrase(
            "FORGED: the signature does not belong to document {number}. This code was "
            "not issued by the service center.",
            number=doc.number,
        ),
        number=doc.number,
    )


def _revoked(
    session: Session, doc: IssuedDocument, summary: dict[str, str], case_no: str
) -> Verification:
    """A revoked document, with the one that superseded it if any."""
    successor = _successor(session, doc)
    when = doc.revoked_at.strftime("%Y-%m-%d %H:%M UTC") if doc.revoked_at else ""
    if successor:
        said = Phrase(
            "REVOKED: {number} was superseded by {successor} on {when} ({reason}). "
            "Ask for {successor}.",
            number=doc.number,
            successor=successor,
            when=when,
            reason=doc.revoke_reason,
        )
        summary = summary | {"superseded by": successor}
    else:
        said = Phrase(
            "REVOKED: {number} was revoked on {when} ({reason}).",
            number=doc.number,
            when=when,
            reason=doc.revoke_reason,
        )
    return _verdict(False, "revoked", said, summary=summary, number=doc.number, case_number=case_no)


def _verify(session: Session, parsed: signing.Payload, root: str = "") -> Verification:
    doc = session.scalar(select(IssuedDocument).where(IssuedDocument.number == parsed.number))
    if doc is None:
        return _unknown_document(session, parsed)
    key = session.scalar(select(SigningKey).where(SigningKey.key_id == doc.key_id))
    signed = doc.content.get("key", {})
    if key is None:
        return _unknown_key(doc)
    refused = _check_root(session, key, doc, root) or _check_key(session, key, parsed, doc, signed)
    if refused is not None:
        return refused
    summary = describe(signed) if signed.get("kind") in K.KINDS else {}
    case_no = str(signed.get("case") or signed.get("complaint") or "")
    if not signing.verify(key.public_key, parsed.signature, signed):
        return _signature_refused(doc, parsed, summary, case_no)
    return _stored_verdict(session, doc, key, signed, summary, case_no)


def _unknown_document(session: Session, parsed: signing.Payload) -> Verification:
    return _verdict(
        False,
        "unknown",
        Phrase(
            "No document numbered {number} was issued by this service center (or this "
            "database is not the one it was issued from).",
            number=parsed.number,
        ),
        *_offline_note(session, parsed),
        number=parsed.number,
    )


def _unknown_key(doc: IssuedDocument) -> Verification:
    return _verdict(
        False,
        "unknown",
        Phrase(
            "Document {number} names signing key {key}, which this database does not hold.",
            number=doc.number,
            key=doc.key_id,
        ),
        number=doc.number,
    )


def _stored_verdict(
    session: Session,
    doc: IssuedDocument,
    key: SigningKey,
    signed: dict[str, Any],
    summary: dict[str, str],
    case_no: str,
) -> Verification:
    """A genuine signature: is what the database keeps still what was signed, and in force?"""
    try:
        intact = DocumentData.from_dict(doc.content["data"]).digest() == signed.get(
            "content_sha256"
        )
    except (KeyError, TypeError, ValueError):
        intact = False
    if not intact:
        return _verdict(
            False,
            "altered",
            Phrase(
                "The stored content of {number} was changed after it was issued. Report this "
                "to the administrator.",
                number=doc.number,
            ),
            summary=summary,
            number=doc.number,
            case_number=case_no,
        )
    if key.kind == keys.DEMO or signed.get("specimen"):
        return _verdict(
            False,
            "specimen",
            Phrase(
                "SPECIMEN: {number} was printed from a demo database; it is an example and "
                "proves nothing.",
                number=doc.number,
            ),
            summary=summary,
            number=doc.number,
            case_number=case_no,
        )
    if doc.revoked_at is not None:
        return _revoked(session, doc, summary, case_no)
    return _verdict(
        True,
        "genuine",
        Phrase(
            "GENUINE: {number} was issued by the service center and is in force.", number=doc.number
        ),
        summary=summary,
        number=doc.number,
        case_number=case_no,
    )


def _forged(number: str, why: Phrase) -> Verification:
    return _verdict(
        False,
        "forged",
        Phrase(
            "FORGED: {number} {why}. This code was not issued by the service center.",
            number=number,
            why=why,
        ),
        number=number,
    )


def _check_root(
    session: Session, key: SigningKey, doc: IssuedDocument, given: str
) -> Verification | None:
    """The chain must end in the service center's root: the one given from paper, else
    the one pinned in the data folder; not whatever root the database holds now."""
    expected = given or root_pin.pinned(root_pin.session_url(session))
    if not expected or key.kind == keys.DEMO:
        return None  # nothing pinned (an installation of before); demo keys prove nothing
    if (
        root_pin.database_roots(session) == [expected]
        and doc.content.get("key", {}).get("root", expected) == expected
    ):
        return None
    source = (
        Phrase("the fingerprint given")
        if given
        else Phrase("the root key pinned for this installation")
    )
    return _forged(
        doc.number,
        Phrase(
            "does not chain to {source} ({fingerprint}): this database's root key was replaced",
            source=source,
            fingerprint=expected,
        ),
    )


def _certified_by(session: Session, signer: bytes, certificate: bytes) -> SigningKey | None:
    """The installation's root key, when it certified `signer`. An installation has one
    root: a second one can only have been added behind the app's back, so none counts."""
    roots = session.scalars(select(SigningKey).where(SigningKey.kind == keys.ROOT).limit(2)).all()
    if len(roots) != 1:
        return None
    ok = signing.check_certificate(roots[0].public_key, signer, certificate)
    return roots[0] if ok else None


def _check_key(
    session: Session,
    key: SigningKey,
    parsed: signing.Payload,
    doc: IssuedDocument,
    signed: dict[str, Any],
) -> Verification | None:
    """Does the key that signed chain to the root, and was it in force? None when so."""
    if not parsed.signer:  # FD1: a key of before, certified by the root when it was made
        if key.kind != keys.LEGACY:
            return _forged(doc.number, Phrase("carries an old-style code its key never signed"))
        # Any root row, revoked or not: revoking the root must not lift the check.
        has_root = session.scalar(
            select(SigningKey.id).where(SigningKey.kind == keys.ROOT).limit(1)
        )
        if has_root is not None and not _certified_by(
            session, signing.raw_public(key.public_key), signing.unb64url(key.certificate or "")
        ):
            return _forged(doc.number, Phrase("names a key this installation never had"))
        return None
    if parsed.signer != signing.raw_public(key.public_key):
        return _forged(doc.number, Phrase("was not signed by the key its register entry names"))
    if key.kind == keys.DEMO:
        ok = signing.check_certificate(key.public_key, parsed.signer, parsed.certificate)
        return None if ok else _forged(doc.number, Phrase("carries a damaged demo certificate"))
    root = (
        _certified_by(session, parsed.signer, parsed.certificate) if key.kind == keys.USER else None
    )
    if root is None:
        return _forged(
            doc.number, Phrase("was signed by a key the service center's root key never certified")
        )
    if signed.get("root") != signing.fingerprint(root.public_key):
        return _forged(
            doc.number, Phrase("names another root key than the one that certified its signer")
        )
    revoked = _revocation_event(session, key)
    anchored = int((signed.get("audit") or {}).get("id") or 0)
    # After the revocation: by the audit chain's head it committed to when it has one
    # (a clock can be set back), else by its issue time.
    late = anchored >= revoked if revoked is not None and anchored else None
    # A revocation date no admin's revocation event backs is not believed (one UPDATE
    # would refuse every genuine document the key signed); `audit verify` reports it.
    if late is None and revoked is not None and key.revoked_at is not None:
        late = doc.issued_at > key.revoked_at
    if late:
        return _verdict(
            False,
            "revoked",
            Phrase(
                "REFUSED: {number} was signed with key {key} after that key was revoked "
                "({reason}). Documents it signed before stay genuine.",
                number=doc.number,
                key=key.key_id,
                reason=key.revoke_reason,
            ),
            number=doc.number,
        )
    return None


def _revocation_event(session: Session, key: SigningKey) -> int | None:
    any_event = session.scalar(
        select(AuditEvent.id)
        .where(
            AuditEvent.action == "key.revoke",
            AuditEvent.entity_type == "signing_key",
            AuditEvent.entity_id == key.id,
        )
        .limit(1)
    )
    if any_event is None:  # most keys: no need to fold the users' histories
        return None
    # Only an administrator's revocation, as `audit verify` accepts it, counts.
    return row_check.accepted_event(session, "signing_key", key.id, "key.revoke")


def _offline_note(session: Session, parsed: signing.Payload) -> tuple[Phrase, ...]:
    if parsed.signer and _certified_by(session, parsed.signer, parsed.certificate):
        return (
            Phrase(
                "Its signer's key is certified by this service center's root key, but without "
                "the register its content cannot be checked."
            ),
        )
    return ()


def verify_file(ctx: Context, data: bytes, root: str = "") -> Verification:
    """Read the QR code of a PDF or a picture and verify it; a PDF whose text differs from
    the issued document is reported as altered."""
    from fairdesk.documents import qrread

    ctx.require(Permission.VIEW)
    codes = qrread.read_codes(data)
    if not codes:
        return _verdict(
            False,
            "malformed",
            Phrase("No QR code could be read from this file (is it sharp and whole?)."),
        )
    ours = [c for c in codes if c.strip().startswith((signing.PREFIX + ".", signing.PREFIX2 + "."))]
    result = verify(ctx, (ours or codes)[0], root)
    if not qrread.is_pdf(data) or result.status not in ("genuine", "revoked", "specimen"):
        return result
    with ctx.db.reading() as session:
        doc = _document(session, result.number)
        if _sealed(session, doc, data) or (doc.pdf is None and _drawn_as_issued(doc, data)):
            return _with_note(result, Phrase("The file is byte-identical to the issued PDF."))
        snapshot = DocumentData.from_dict(doc.content["data"])
    text_layer = "".join(qrread.pdf_text(data).split())
    if len(text_layer) < 20:
        return _with_note(
            result,
            Phrase("The file has no text to compare (a scan?): compare it with the summary."),
        )
    missing = [s for s in printed_strings(snapshot) if "".join(s.split()) not in text_layer]
    if missing:
        return _verdict(
            False,
            "altered",
            Phrase(
                "ALTERED: the QR code of {number} is genuine but the text of this file differs "
                "from the issued document (it should read: {expected}).",
                number=result.number,
                expected="; ".join(missing),
            ),
            summary=result.summary,
            number=result.number,
            case_number=result.case_number,
        )
    # Its text can be redrawn over a picture of the genuine page, or hidden under one: a file
    # that is not the issued one is never called genuine, whatever text it carries.
    return _verdict(
        False,
        "altered",
        Phrase(
            "NOT THE ISSUED FILE: the QR code of {number} is genuine, but this PDF is not the "
            "one that was issued (its bytes differ, although its key text is there). Do not "
            "rely on it: reprint the document, or compare the paper with the summary below.",
            number=result.number,
        ),
        summary=result.summary,
        number=result.number,
        case_number=result.case_number,
    )


def _drawn_as_issued(doc: IssuedDocument, data: bytes) -> bool:
    """A document issued before PDFs were kept: the file is what its snapshot draws."""
    if hashlib.sha256(data).hexdigest() != doc.content_hash:
        return False
    snapshot = DocumentData.from_dict(doc.content["data"])
    return render(snapshot, doc.payload, int(doc.content.get("paper", 1))) == data


def _with_note(result: Verification, note: Phrase) -> Verification:
    return _verdict(
        result.ok,
        result.status,
        *result.said,
        note,
        summary=result.summary,
        number=result.number,
        case_number=result.case_number,
    )


__all__ = [
    "DocumentMismatch",
    "DocumentRow",
    "IssuedInfo",
    "KeyInfo",
    "Verification",
    "issue_document",
    "list_documents",
    "list_keys",
    "render_document",
    "reissue",
    "revoke",
    "verify",
    "verify_file",
]
