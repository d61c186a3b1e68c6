"""The case workflow, each step declared once: who, from where, its guards, fields, clocks,
effects, legal basis, audit code and words.

Everything that asks "may this step be taken now, and with what" asks this module: the
services refuse with the reason it gives, the case view draws its buttons and the step
dialog its fields from it, the CLI prints it, and the demo and benchmark generators walk
it. A step's guards are pure functions of `Facts` (what the services read from the
database about the case at a moment); a field's checks are pure functions of the values
entered.

    options(facts)            # every step of the entity: allowed or refused, and why
    evaluate(facts, "notify") # one step's answer
    check(facts, "settle", params)  # the step, or the first refusal raised as an error
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from fairdesk.domain import credit_code
from fairdesk.domain import vocabulary as v
from fairdesk.domain.clocks import ClockState, ClockStatus
from fairdesk.domain.enums import (
    TERMINAL_CASE_STATES,
    AuthorityKind,
    CaseState,
    ClockKind,
    ComplaintKind,
    ComplaintState,
    DecisionTrigger,
    EscalationAction,
    MeasureType,
    RecheckResult,
    RejectReason,
    Role,
    ServiceManner,
)
from fairdesk.domain.errors import (
    FairDeskError,
    IllegalTransition,
    MissingRequirement,
    PermissionDenied,
)
from fairdesk.domain.rules import merge_citations
from fairdesk.domain.vocabulary import Term, Vocabulary, Words


class Entity(StrEnum):
    COMPLAINT = "complaint"
    CASE = "case"


ENTITY_WORDS = {
    Entity.COMPLAINT: Words("complaint", "投诉"),
    Entity.CASE: Words("respondent case", "被投诉人案件"),
}


class FieldKind(StrEnum):
    TEXT = "text"  # several lines
    LINE = "line"  # one line
    CHOICE = "choice"  # one code of a vocabulary
    CHOICES = "choices"  # any number of codes of a vocabulary (a list, or text with commas)
    DATE = "date"  # YYYY-MM-DD
    DATETIME = "datetime"  # YYYY-MM-DD HH:MM, the fair's local time unless a zone is given
    FLAG = "flag"  # yes or no


@dataclass(frozen=True)
class Field:
    """A value a step takes. `need` names it in a refusal ("'Settle' needs the terms")."""

    name: str
    words: Words
    kind: FieldKind = FieldKind.TEXT
    required: bool = False
    choices: Vocabulary | None = None
    allowed: tuple[str, ...] = ()  # the codes of `choices` this step accepts (all if empty)
    # Required only when another field has this value, e.g. ("measure", "detain").
    required_when: tuple[str, str] | None = None
    max_length: int = 4000
    need: Words | None = None
    # Where the step dialog finds a start value ("legal_basis": the rule set's citation).
    prefill: str = ""
    # Taken when no value is given (a choice's usual answer); the dialog preselects it.
    default: str = ""
    # A well-formed value for a field with a format of its own (a credit code).
    example: str = ""
    # A line the step dialog shows under the field (where a choice leads).
    hint: Words | None = None
    # The kinds of complaint it is asked for (a commercial dispute names no IP right).
    kinds: frozenset[str] = frozenset(ComplaintKind)

    @property
    def label(self) -> str:
        """The field's English need, as refusals name it."""
        return (self.need or self.words).en

    def codes(self) -> tuple[str, ...]:
        if self.choices is None:
            return ()
        return self.allowed or tuple(self.choices)


@dataclass(frozen=True)
class Refusal:
    """Why a step cannot be taken: an error to raise, or a sentence to show."""

    error: type[FairDeskError]
    template: str
    params: Mapping[str, Any] = field(default_factory=dict)
    field: str = ""  # the field it is about, if any
    # When time alone lifts the refusal (a period runs out, the fair closes): from then on.
    after: datetime | None = None

    def exception(self) -> FairDeskError:
        return self.error(self.template, **dict(self.params))

    def __str__(self) -> str:
        return str(self.exception())


@dataclass(frozen=True)
class ExhibitFacts:
    """An accused exhibit as the guards see it: its name, model and the numbers of the
    rights it is accused under."""

    name: str
    model: str = ""
    rights: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return f"{self.name} ({self.model})" if self.model else self.name


@dataclass(frozen=True)
class Facts:
    """What the guards may look at: the record's state and what the services read about it."""

    entity: Entity
    number: str
    state: str
    role: Role
    now: datetime
    zone: str = "Asia/Shanghai"
    complaint_number: str = ""
    complaint_state: str = ""
    complaint_kind: str = ComplaintKind.IP
    complaint_accepted_at: datetime | None = None
    fair_closes_at: datetime | None = None
    defence: ClockState | None = None
    defence_marked_overdue: bool = False
    # When the notice reached the respondent, as recorded by hand (None: not yet known).
    served_at: datetime | None = None
    # The state a case was in when its mediation began (it goes back there if it fails).
    before_mediation: str = ""
    suspended: bool = False  # an accused exhibit's display is suspended (Art 7(1))
    detained_unreturned: bool = False  # exhibits kept in custody not yet handed back
    undertaking_awaited: bool = False  # the last order's undertaking not yet signed
    found_infringing: bool = False  # a decision found infringement (any trigger)
    # The watch list proposes a bar from the next edition: found infringing at enough
    # consecutive editions (2006 Measures Art 35); read only where a case may escalate.
    bar_proposal: bool = False
    # The acceptance rule's refusals for this complaint (`fairdesk.domain.acceptance`).
    acceptance: tuple[Refusal, ...] = ()
    # The numbers of the complaint's rights a decision may rely on (those not refused at
    # acceptance), and the case's accused exhibits in their order.
    rights: tuple[str, ...] = ()
    exhibits: tuple[ExhibitFacts, ...] = ()
    # A complaint's rights the acceptance rule refuses while others are valid (partial
    # non-acceptance): (number, RejectReason) each.
    refused: tuple[tuple[str, str], ...] = ()
    # The numbers of a complaint's rights protected in China (a Chinese grant or
    # registration, a Madrid registration designating China, copyright).
    valid_in_china: tuple[str, ...] = ()
    # The re-check of the measure last ordered: its clock, and what the last re-check found.
    recheck: ClockState | None = None
    recheck_result: str = ""

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(ZoneInfo(self.zone))


Guard = Callable[[Facts], Refusal | None]
ParamCheck = Callable[[Facts, Mapping[str, Any]], Refusal | None]


class Effect(StrEnum):
    """What a step writes besides the state; the services implement each once."""

    MARK_ACCEPTED = "mark_accepted"
    RECORD_MISSING_ITEMS = "record_missing_items"
    RECORD_RECEIVED = "record_received"  # materials, commitment, power of attorney arrived
    RECORD_REJECTION = "record_rejection"
    CLOSE_CASES_OF_COMPLAINT = "close_cases_of_complaint"
    WITHDRAW_CASES_OF_COMPLAINT = "withdraw_cases_of_complaint"
    RECORD_TRANSFER = "record_transfer"
    START_TRANSFER_CLOCK = "start_transfer_clock"  # when an authority is named at acceptance
    MARK_NOTIFIED = "mark_notified"
    RECORD_SERVICE = "record_service"  # the time and manner of service, from the proof
    RECORD_DEFENCE = "record_defence"
    RECORD_ENDING = "record_ending"  # settlement terms or the voluntary removal's note
    RECORD_DECISION = "record_decision"
    RECORD_REFERRAL = "record_referral"
    ORDER_MEASURE = "order_measure"
    RECORD_RECHECK = "record_recheck"
    SUSPEND_DISPLAY = "suspend_display"
    RETURN_DETAINED = "return_detained"
    RECORD_UNDERTAKING = "record_undertaking"  # the signed undertaking is back
    RECORD_AUTHORITY_RESULT = "record_authority_result"
    LINK_EXHIBIT_RIGHTS = "link_exhibit_rights"  # which rights an accused exhibit is under
    RECORD_REFUSED_RIGHTS = "record_refused_rights"  # rights not accepted, with the reason
    CLOSE = "close"


@dataclass(frozen=True)
class Step:
    entity: Entity
    action: str
    words: Words
    sources: frozenset[str]
    target: str  # "" for a step that records something and leaves the state as it is
    roles: frozenset[Role]
    fields: tuple[Field, ...] = ()
    guards: tuple[Guard, ...] = ()
    checks: tuple[ParamCheck, ...] = ()
    starts: tuple[ClockKind, ...] = ()
    stops: tuple[ClockKind, ...] = ()
    pauses: tuple[ClockKind, ...] = ()
    resumes: tuple[ClockKind, ...] = ()
    effects: tuple[Effect, ...] = ()
    documents: tuple[str, ...] = ()  # document kinds the step produces or suggests
    legal_basis: tuple[str, ...] = ()  # rule-set citation keys
    # Taken by the services as a consequence of another step, never offered to a person.
    internal: bool = False
    # The kinds of complaint the step belongs to (IP complaints and commercial disputes
    # share the desk, not the path: Shanghai Regulations Art 40).
    kinds: frozenset[str] = frozenset(ComplaintKind)
    # Back to the state the case was in before mediation, instead of `target`.
    returns: bool = False
    # The field whose time the clocks it starts count from (the time of service); left
    # empty, they do not start (a later step that records the time starts them).
    clocks_from: str = ""

    @property
    def label(self) -> str:
        return self.words.en

    @property
    def label_zh(self) -> str:
        return self.words.zh

    @property
    def audit_code(self) -> str:
        return f"{self.entity.value}.{self.action}"

    @property
    def requires(self) -> tuple[Field, ...]:
        """The fields that are always required."""
        return tuple(f for f in self.fields if f.required)

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)

    def fields_for(self, kind: str) -> tuple[Field, ...]:
        """The fields a step dialog asks for a complaint of this kind."""
        return tuple(f for f in self.fields if kind in f.kinds)

    @property
    def takes_reason(self) -> bool:
        return self.field(REASON_NAME) is not None


# Compatibility: the services and tests spoke of transitions before steps had guards.
Transition = Step
Requirement = Field

DESK = frozenset({Role.DESK})
FLOOR = frozenset({Role.DESK, Role.INSPECTOR})
DECIDERS = frozenset({Role.DESK, Role.OFFICER})  # the desk, or a stationed IP officer
# A desk user who takes a step on a case nobody handles yet becomes its handler ("Mine").
TAKES_ON_UNASSIGNED = frozenset({Role.DESK})
# A suspension of display (2006 Art 7(1)) is interim: a decision that no infringement is
# established lifts it from the decision (display continues); other decisions keep it
# until a measure replaces it or the case is referred.
LIFTS_SUSPENSION = frozenset({CaseState.NOT_INFRINGING})
# A decision that cannot determine the matter (UNDETERMINED ─▶ REFERRED, post-fair
# follow-up) leaves the complaint in hand: the suspension stays until the fair closes,
# and the paper names the step that comes next.
KEEPS_SUSPENSION_TO_CLOSE = frozenset({CaseState.UNDETERMINED})
NEXT_STEP_AFTER_DECISION = {CaseState.UNDETERMINED: "move_post_fair"}
IP = frozenset({ComplaintKind.IP.value})
COMMERCIAL = frozenset({ComplaintKind.COMMERCIAL.value})
REASON_NAME = "reason"


def _text(
    name: str,
    en: str,
    zh: str,
    *,
    required: bool = True,
    need: Words | None = None,
    kind: FieldKind = FieldKind.TEXT,
    **extra: Any,
) -> Field:
    return Field(name, Words(en, zh), kind, required, need=need, **extra)


def _choice(
    name: str, en: str, zh: str, choices: Vocabulary, need: Words, allowed: Iterable[str] = ()
) -> Field:
    return Field(
        name,
        Words(en, zh),
        FieldKind.CHOICE,
        True,
        choices,
        tuple(str(a) for a in allowed),
        need=need,
    )


REASON = _text(REASON_NAME, "Reason", "理由", need=Words("a reason", "理由"))
NOTE = _text(
    REASON_NAME, "Note (why; shown in the timeline)", "备注（原因，记入时间线）", required=False
)
TRIGGER = _choice(
    "trigger",
    "Trigger",
    "认定依据",
    v.TRIGGERS,
    Words("the trigger of the finding", "认定侵权的依据"),
)
# Acting at once after notice: only on an effective legal document or an admission.
TRIGGER_AT_ONCE = _choice(
    "trigger",
    "Ground for acting at once",
    "径行处理的依据",
    v.TRIGGERS,
    Words("the ground for acting at once", "径行处理的依据"),
    allowed=(DecisionTrigger.PRIOR_LEGAL_DOCUMENT, DecisionTrigger.ADMISSION),
)
_PRIOR = DecisionTrigger.PRIOR_LEGAL_DOCUMENT.value
PRIOR_BODY = _text(
    "document_body",
    "Court or authority that issued the decision",
    "作出生效法律文书的机关",
    required=False,
    kind=FieldKind.LINE,
    need=Words("the court or authority that issued the decision", "作出生效法律文书的机关"),
    required_when=("trigger", _PRIOR),
    max_length=200,
)
PRIOR_NUMBER = _text(
    "document_number",
    "Number of the decision",
    "文书编号",
    required=False,
    kind=FieldKind.LINE,
    need=Words("the number of the decision", "文书编号"),
    required_when=("trigger", _PRIOR),
    max_length=100,
)
PRIOR_DATE = _text(
    "document_date",
    "Date of the decision",
    "文书日期",
    required=False,
    kind=FieldKind.DATE,
    need=Words("the date of the decision", "文书日期"),
    required_when=("trigger", _PRIOR),
)
ADMISSION = _text(
    "admission",
    "The respondent's admission (what was admitted, by whom, signed or recorded)",
    "被投诉人承认侵权的情况（承认内容、承认人、签字或记录）",
    required=False,
    need=Words("the respondent's admission", "被投诉人承认侵权的情况"),
    required_when=("trigger", DecisionTrigger.ADMISSION.value),
)
DECIDING_ORGAN = _text(
    "deciding_organ",
    "Deciding organ (for a stationed IP officer: the IP office)",
    "作出处理的机关（知识产权局派驻人员填写所属部门）",
    required=False,
    kind=FieldKind.LINE,
    need=Words("the deciding organ", "作出处理的机关"),
    prefill="deciding_organ",
    max_length=200,
)
LEGAL_BASIS = _text(
    "legal_basis",
    "Legal basis",
    "法律依据",
    need=Words("the legal basis", "法律依据"),
    prefill="legal_basis",
)
REASON_CODE = _choice(
    "reason_code",
    "Reason for not accepting",
    "不予受理理由",
    v.REJECT_REASONS,
    Words("a reason code", "不予受理理由"),
)
# Partial non-acceptance: rights the desk does not accept for a reason the acceptance rule
# cannot see (2006 Art 17, standing); the rule's own refusals are recorded without asking.
REFUSED_RIGHTS = _text(
    "refused_rights",
    "Rights not accepted (their numbers, separated by commas; empty: none)",
    "不予受理的权利（权利号码，多个以逗号分隔；不填为无）",
    required=False,
    kind=FieldKind.LINE,
    need=Words("the rights not accepted", "不予受理的权利"),
    max_length=1000,
    kinds=IP,
)
REFUSED_REASON = replace(
    _choice(
        "refused_reason",
        "Reason for not accepting those rights",
        "上述权利不予受理的理由",
        v.REJECT_REASONS,
        Words("the reason for not accepting those rights", "上述权利不予受理的理由"),
        allowed=(
            RejectReason.RIGHT_INVALID,
            RejectReason.RIGHT_NOT_VALID_IN_CHINA,
            RejectReason.PATENT_DISPUTE_PENDING,
            RejectReason.NO_STANDING,
            RejectReason.REPEAT_WITHOUT_FOLLOW_UP,
            RejectReason.OTHER,
        ),
    ),
    required=False,
    kinds=IP,
)
MISSING_ITEMS = _text(
    "missing_items",
    "Missing materials",
    "需补正的材料",
    need=Words("the list of missing materials", "需补正的材料清单"),
)
AUTHORITY = _text(
    "authority",
    "Authority",
    "移交部门",
    kind=FieldKind.LINE,
    need=Words("the authority", "移交部门"),
    prefill="authority",
    max_length=200,
)
AUTHORITY_OPTIONAL = _text(
    "authority",
    "Authority to transfer to (optional)",
    "移交的知识产权管理部门（可选）",
    required=False,
    kind=FieldKind.LINE,
    prefill="authority",
    max_length=200,
)
# The hint says where a patent case goes: patent infringement disputes are the IP
# administration's; market regulation handles trademarks and passing off a patent (假冒专利).
REFERRAL_KIND = replace(
    _choice(
        "referral_kind",
        "Kind of authority",
        "移交部门类别",
        v.AUTHORITY_KINDS,
        Words("the kind of authority", "移交部门类别"),
        allowed=(AuthorityKind.IP_OFFICE, AuthorityKind.MARKET_REGULATION, AuthorityKind.POLICE),
    ),
    default=AuthorityKind.IP_OFFICE.value,
    hint=Words(
        "A patent infringement dispute goes to the IP administration; market regulation "
        "handles trademarks and passing off a patent.",
        "专利侵权纠纷由知识产权管理部门处理；市场监督管理部门处理商标侵权及假冒专利。",
    ),
)
DISPUTE_REFERRAL = _choice(
    "referral_kind",
    "Referred to",
    "移交至",
    v.AUTHORITY_KINDS,
    Words("where the dispute is referred", "纠纷移交的机构"),
    allowed=(AuthorityKind.DISPUTE_BODY, AuthorityKind.COURT),
)
AUTHORITY_RESULT = _text(
    "authority_result",
    "The authority's result",
    "有关部门的处理结果",
    need=Words("the authority's result", "有关部门的处理结果"),
)
AUTHORITY_RESULT_ON = _text(
    "result_on",
    "Date of the result",
    "处理结果日期",
    required=False,
    kind=FieldKind.DATE,
)
# A credit referral (Shanghai Regulations Art 42) carries the items the credit platforms
# collect for an administrative finding ("双公示" conventions, docs/handoffs.md). Only the
# kind of finding and its legal basis are needed to refer; the rest may follow from the
# authority, and the credit list refuses a record until every item is there.
CREDIT_FINDING = _choice(
    "credit_finding",
    "Kind of serious dishonesty",
    "严重失信行为类别",
    v.CREDIT_FINDINGS,
    Words("the kind of serious dishonesty", "严重失信行为类别"),
)
CREDIT_BODY = _text(
    "decision_body",
    "Deciding body",
    "认定机关",
    required=False,
    kind=FieldKind.LINE,
    prefill="deciding_organ",
    max_length=200,
)
CREDIT_BODY_CODE = _text(
    "decision_body_code",
    "Deciding body's unified social credit code",
    "认定机关统一社会信用代码",
    required=False,
    kind=FieldKind.LINE,
    max_length=18,
    example="91350100M000100Y43",
)
CREDIT_DECISION_NUMBER = _text(
    "decision_number",
    "Decision number",
    "决定文书号",
    required=False,
    kind=FieldKind.LINE,
    max_length=100,
)
CREDIT_DECISION_DATE = _text(
    "decision_date", "Decision date", "认定日期", required=False, kind=FieldKind.DATE
)
PUBLICATION_MONTHS = replace(
    _text(
        "publication_months",
        "Publication period (months, 3-36)",
        "公示期限（月，3至36）",
        required=False,
        kind=FieldKind.LINE,
        max_length=2,
    ),
    default="36",
)
CREDIT_CONTACT = _text(
    "contact",
    "Contact for the record (name and phone)",
    "联系人及电话",
    required=False,
    kind=FieldKind.LINE,
    max_length=100,
)
MEASURE = _choice(
    "measure",
    "Measure",
    "整改措施",
    v.MEASURES,
    Words("the measure ordered", "要求采取的措施"),
    allowed=(m for m in MeasureType if m is not MeasureType.SUSPEND_DISPLAY),
)
STORAGE_PLACE = _text(
    "storage_place",
    "Storage place (needed to keep exhibits in custody)",
    "暂存地点（暂存保管展品时必填）",
    required=False,
    kind=FieldKind.LINE,
    need=Words("the storage place", "暂存地点"),
    required_when=("measure", MeasureType.DETAIN.value),
    max_length=200,
)
UNDERTAKING = _text(
    "undertaking_signed",
    "The respondent signed the undertaking",
    "被投诉人已签署承诺书",
    required=False,
    kind=FieldKind.FLAG,
)
RECEIPT = _text(
    "receipt",
    "Receipt (number, or who signed for the items)",
    "领回凭证（编号或签收人）",
    kind=FieldKind.LINE,
    need=Words("the receipt", "领回凭证"),
    max_length=200,
)
# CNIPA's 24 h run from the time of service, not from the desk's click: a notice printed
# after the click is served later, and that time comes back on the proof of service.
SERVED_AT = _text(
    "served_at",
    "Time of service (the fair's local time; empty: not served yet, record it from the "
    "proof of service)",
    "送达时间（展会当地时间；尚未送达的不填，送达回证交回后登记）",
    required=False,
    kind=FieldKind.DATETIME,
    need=Words("the time of service", "送达时间"),
)
SERVED_AT_PROOF = replace(
    SERVED_AT,
    words=Words(
        "Time of service (the fair's local time, as the proof of service records it)",
        "送达时间（展会当地时间，以送达回证记载为准）",
    ),
    required=True,
)
SERVICE_MANNER = Field(
    "service_manner",
    Words("Manner of service", "送达方式"),
    FieldKind.CHOICE,
    True,
    v.SERVICE_MANNERS,
    need=Words("the manner of service", "送达方式"),
    default=ServiceManner.IN_PERSON.value,
)
DEFENCE = _text(
    "summary",
    "Summary of the defence",
    "答辩要点",
    need=Words("a summary of the defence", "答辩要点"),
)
TERMS = _text(
    "terms",
    "Terms of the settlement",
    "和解条款",
    need=Words("the terms of the settlement", "和解条款"),
)
RESULT = _choice(
    "result",
    "Re-inspection result",
    "复查结果",
    v.RECHECK_RESULTS,
    Words("the re-inspection result", "复查结果"),
    allowed=(r for r in RecheckResult if r is not RecheckResult.PASSED),
)
ESCALATION = _choice(
    "escalation",
    "Escalation",
    "升级措施",
    v.ESCALATIONS,
    Words("the escalation step", "升级措施"),
)
RECEIVED = Field(
    "materials",
    Words("Materials received", "收到的材料"),
    FieldKind.CHOICES,
    choices=v.MATERIALS,
    need=Words("the materials received", "收到的材料"),
)
COMMITMENT = Field(
    "commitment_signed",
    Words("The complainant signed the commitment (承诺书)", "投诉人已签署承诺书"),
    FieldKind.FLAG,
)
POWER_OF_ATTORNEY = Field(
    "power_of_attorney",
    Words("The agent's power of attorney was received", "已收到授权委托书"),
    FieldKind.FLAG,
)
EXHIBIT = _text(
    "exhibit",
    "Exhibit (its number in the list, its model or its name)",
    "展品（列表中的序号、型号或名称）",
    kind=FieldKind.LINE,
    need=Words("the exhibit", "展品"),
    prefill="unlinked_exhibit",
    max_length=500,
)
EXHIBIT_RIGHTS = _text(
    "rights",
    "Rights it is accused under (their numbers, separated by commas)",
    "涉嫌侵犯的权利（权利号码，多个以逗号分隔）",
    kind=FieldKind.LINE,
    need=Words("the rights it is accused under", "涉嫌侵犯的权利"),
    max_length=1000,
)
DECISION_FIELDS = (PRIOR_BODY, PRIOR_NUMBER, PRIOR_DATE, ADMISSION, DECIDING_ORGAN)
# A finding of infringement disposes of every right relied on: what becomes of the claims
# under a right no exhibit is accused under (the screen and the CLI start from "not upheld").
OTHER_CLAIMS = _text(
    "other_claims",
    "What becomes of the claims under rights no exhibit is accused under",
    "未涉及展品的权利主张的处理意见",
    required=False,
    need=Words(
        "what becomes of the claims under rights no exhibit is accused under",
        "未涉及展品的权利主张的处理意见",
    ),
    prefill="other_claims",
    kinds=IP,
)

C, S = ComplaintState, CaseState
OPEN_CASE_STATES = tuple(s for s in CaseState if s not in TERMINAL_CASE_STATES)
BEFORE_DECISION = (S.NOTIFIED, S.DEFENCE_RECEIVED, S.DEFENCE_OVERDUE, S.UNDER_REVIEW)
ART14_TRIGGERS = frozenset(
    {
        DecisionTrigger.DEFENCE_OVERDUE,
        DecisionTrigger.PRIOR_LEGAL_DOCUMENT,
        DecisionTrigger.ADMISSION,
    }
)


# -- guards: facts the state alone cannot show ---------------------------------------------


def _complaint_accepted(f: Facts) -> Refusal | None:
    if f.complaint_state in (C.ACCEPTED, C.TRANSFERRED):
        return None
    return Refusal(
        IllegalTransition,
        "Complaint {number} is {state}: accept it before notifying the respondent.",
        {"number": f.complaint_number, "state": Term(v.COMPLAINT_STATES, f.complaint_state)},
    )


def _acceptance_complete(f: Facts) -> Refusal | None:
    return f.acceptance[0] if f.acceptance else None


def _defence_period_over(f: Facts) -> Refusal | None:
    clock = f.defence
    if clock is not None and clock.status is ClockStatus.OVERDUE:
        return None
    if clock is None or clock.due_at is None:
        return Refusal(
            IllegalTransition,
            "The defence period of {number} is not over (due unknown); "
            "it cannot be marked overdue yet.",
            {"number": f.number},
        )
    return Refusal(
        IllegalTransition,
        "The defence period of {number} is not over (due {due}); it cannot be marked overdue yet.",
        {"number": f.number, "due": f.local(clock.due_at)},
        after=clock.due_at,
    )


def _service_recorded(f: Facts) -> Refusal | None:
    if f.served_at is not None:
        return None
    return Refusal(
        IllegalTransition,
        "The time of service of {number} is not recorded, and the defence period runs from "
        "it: record it from the proof of service first (step '{step}').",
        {"number": f.number, "step": "Record the time of service"},
    )


def awaiting_service(state: str, served_at: datetime | None) -> bool:
    """Notified, but the time of service is not recorded: no defence period runs yet, and
    nothing will start it but the step that records the proof of service."""
    return state == CaseState.NOTIFIED and served_at is None


def shown_state(entity: Entity, state: str, served_at: datetime | None = None) -> Words:
    """The words a person reads for a record's state: a notified case without its time of
    service awaits the proof of service (no defence period runs yet), whatever screen or
    command shows it."""
    if entity is Entity.CASE and awaiting_service(state, served_at):
        return v.AWAITING_SERVICE
    return (v.CASE_STATES if entity is Entity.CASE else v.COMPLAINT_STATES).words(state)


def _service_not_recorded(f: Facts) -> Refusal | None:
    if f.served_at is None:
        return None
    defence = f.defence
    if defence is not None and defence.moved_to_opening and defence.due_at is not None:
        # Why the deadline is more than the period after the service: said, not guessed.
        return Refusal(
            IllegalTransition,
            "The notice of {number} was served at {served}; the defence period runs from "
            "then. It would end while the fair is closed, so it is due at the next opening "
            "hour: {due}.",
            {"number": f.number, "served": f.local(f.served_at), "due": f.local(defence.due_at)},
        )
    return Refusal(
        IllegalTransition,
        "The notice of {number} was served at {served}; the defence period runs from then.",
        {"number": f.number, "served": f.local(f.served_at)},
    )


def _fair_closed(f: Facts) -> Refusal | None:
    if f.fair_closes_at is None or f.now >= f.fair_closes_at:
        return None
    return Refusal(
        IllegalTransition,
        "The fair closes at {closes}; open cases go to post-fair follow-up after that.",
        {"closes": f.local(f.fair_closes_at)},
        after=f.fair_closes_at,
    )


def _not_suspended(f: Facts) -> Refusal | None:
    if not f.suspended:
        return None
    return Refusal(
        IllegalTransition,
        "The display of the accused exhibits of {number} is already suspended.",
        {"number": f.number},
    )


def _detained_unreturned(f: Facts) -> Refusal | None:
    if f.detained_unreturned:
        return None
    return Refusal(
        IllegalTransition, "{number} has no exhibits in custody to hand back.", {"number": f.number}
    )


def _undertaking_awaited(f: Facts) -> Refusal | None:
    if f.undertaking_awaited:
        return None
    return Refusal(
        IllegalTransition,
        "{number} has no ordered measure whose undertaking is still to be signed.",
        {"number": f.number},
    )


def _closing_day_for_return(f: Facts) -> Refusal | None:
    # The undertaking keeps the goods off display for the whole fair, the closing day's
    # hours included: the list of exhibits held in safekeeping has the respondent collect
    # them once the fair has closed. A case may close meanwhile (its closing record says
    # they await return); the goods never go back while the fair is open.
    if f.fair_closes_at is None or f.now >= f.fair_closes_at:
        return None
    return Refusal(
        IllegalTransition,
        "The exhibits of {number} stay in custody until the fair closes at {closes}; they "
        "are handed back from then on.",
        {"number": f.number, "closes": f.local(f.fair_closes_at)},
        after=f.fair_closes_at,
    )


def _overdue_trigger_needs_overdue(f: Facts, params: Mapping[str, Any]) -> Refusal | None:
    if params.get("trigger") != DecisionTrigger.DEFENCE_OVERDUE or f.defence_marked_overdue:
        return None
    return Refusal(
        IllegalTransition,
        "{number}: the trigger '{trigger}' needs the defence to have been "
        "marked overdue; the respondent answered in time.",
        {"number": f.number, "trigger": Term(v.TRIGGERS, DecisionTrigger.DEFENCE_OVERDUE)},
        field="trigger",
    )


# Words of a person, not of an organ: the officer who decides is the user taking the step,
# printed apart ("经上海市知识产权局派驻人员张三审查"), so the organ field holds the organ only.
PERSON_WORDS = ("派驻", "人员", "局长", "处长", "科长", "主任", "同志", "先生", "女士", "officer")


def _officer_names_organ(f: Facts, params: Mapping[str, Any]) -> Refusal | None:
    organ = str(params.get("deciding_organ") or "").strip()
    person = next((w for w in PERSON_WORDS if w in organ.casefold()), "")
    if person:
        return Refusal(
            MissingRequirement,
            "The deciding organ is the office alone (e.g. 上海市知识产权局): '{word}' names "
            "a person. The officer who decides is recorded as the user taking this step.",
            {"word": person},
            field="deciding_organ",
        )
    if f.role is not Role.OFFICER or organ:
        return None
    return Refusal(
        MissingRequirement,
        "A stationed IP officer decides for the IP office: name the deciding organ.",
        field="deciding_organ",
    )


def _service_time_possible(f: Facts, params: Mapping[str, Any]) -> Refusal | None:
    served = parse_moment(params.get("served_at"), FieldKind.DATETIME)
    if not isinstance(served, datetime):
        return None
    served = attach_zone(served, f.zone)
    if served > f.now:
        return Refusal(
            MissingRequirement,
            "The time of service {served} is in the future.",
            {"served": f.local(served)},
            field="served_at",
        )
    # Typed to the minute: served in the minute of acceptance is not "before" it.
    accepted = f.complaint_accepted_at
    if accepted is not None and served < accepted.replace(second=0, microsecond=0):
        return Refusal(
            MissingRequirement,
            "The time of service {served} is before the complaint was accepted ({accepted}).",
            {"served": f.local(served), "accepted": f.local(accepted)},
            field="served_at",
        )
    return None


def attach_zone(moment: datetime, zone: str) -> datetime:
    """A time typed without a zone is the fair's local time."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=ZoneInfo(zone))


def _something_received(f: Facts, params: Mapping[str, Any]) -> Refusal | None:
    if list_value(params.get("materials")) or any(
        flag_value(params.get(name)) for name in ("commitment_signed", "power_of_attorney")
    ):
        return None
    return Refusal(
        MissingRequirement,
        "'{step}' needs what was received: materials, the signed commitment or the power "
        "of attorney.",
        {"step": "Record materials received"},
        field="materials",
    )


def _found_infringing(f: Facts) -> Refusal | None:
    if f.found_infringing:
        return None
    return Refusal(
        IllegalTransition,
        "{number} was not found infringing: only a finding of infringement can be referred "
        "to the credit platform.",
        {"number": f.number},
    )


def _ban_needs_repeat_offence(f: Facts, params: Mapping[str, Any]) -> Refusal | None:
    if params.get("escalation") != EscalationAction.PROPOSE_BAN or f.bar_proposal:
        return None
    return Refusal(
        IllegalTransition,
        "{number}: a ban from the next edition may be proposed only for an exhibitor found "
        "infringing at consecutive editions (2006 Measures Art 35), and the watch list shows "
        "no such record; choose leaving the fair or cancelling participation.",
        {"number": f.number},
        field="escalation",
    )


def _credit_items_well_formed(f: Facts, params: Mapping[str, Any]) -> Refusal | None:
    code = str(params.get("decision_body_code") or "").strip()
    if code and not credit_code.is_valid(code):
        return Refusal(
            MissingRequirement,
            "'{code}' is not a valid unified social credit code (18 characters, the last a "
            "check character).",
            {"code": code},
            field="decision_body_code",
        )
    months = str(params.get("publication_months") or "").strip()
    if months and not (months.isdigit() and 3 <= int(months) <= 36):
        return Refusal(
            MissingRequirement,
            "The publication period is {months} months; give 3 to 36 months.",
            {"months": months},
            field="publication_months",
        )
    return None


# -- which right each exhibit infringes ------------------------------------------------------


def right_key(number: str) -> str:
    """A right's number as compared: without spaces, in capitals."""
    return "".join(number.split()).upper()


def untied_exhibits(f: Facts) -> list[ExhibitFacts]:
    """The exhibits accused under no right a decision may rely on. With one such right, an
    exhibit that names none is accused under it (as intake links it)."""
    keys = {right_key(n) for n in f.rights}
    return [
        x
        for x in f.exhibits
        if not keys & {right_key(n) for n in x.rights} and not (len(keys) == 1 and not x.rights)
    ]


def _each_exhibit_tied_to_a_right(f: Facts) -> Refusal | None:
    untied = untied_exhibits(f)
    if not untied:
        return None
    return Refusal(
        MissingRequirement,
        "{number}: a finding of infringement says which right each exhibit infringes, and "
        "{exhibits} is linked to none of the complaint's rights; link it first (step 'Link "
        "an exhibit to its rights').",
        {"number": f.number, "exhibits": tuple(x.label for x in untied)},
    )


def rights_under_exhibits(rights: Sequence[str], exhibits: Sequence[Sequence[str]]) -> list[str]:
    """The numbers of the rights relied on (`rights`) that some exhibit is accused under,
    given each exhibit's linked right numbers: what a finding of infringement rests on, and
    what statistics and the follow-up list count it under. With one right, an exhibit that
    names none is under it; a case without exhibits rests on every right relied on."""
    if not exhibits or (len(rights) == 1 and any(not x for x in exhibits)):
        return list(rights)
    named = {right_key(n) for x in exhibits for n in x}
    return [n for n in rights if right_key(n) in named]


def rights_without_exhibit(f: Facts) -> list[str]:
    """The numbers of the rights relied on that no exhibit is accused under (with one
    right, an exhibit that names none is under it)."""
    under = set(rights_under_exhibits(f.rights, [x.rights for x in f.exhibits]))
    return [n for n in f.rights if n not in under]


def _other_claims_disposed(f: Facts, params: Mapping[str, Any]) -> Refusal | None:
    left = rights_without_exhibit(f)
    if not left or str(params.get(OTHER_CLAIMS.name) or "").strip():
        return None
    return Refusal(
        MissingRequirement,
        "{number}: the complaint also relies on {rights}, which no exhibit is accused under; "
        "say what becomes of that claim.",
        {"number": f.number, "rights": tuple(left)},
        field=OTHER_CLAIMS.name,
    )


def find_exhibit(exhibits: tuple[ExhibitFacts, ...], text: str) -> int | None:
    """The index of the exhibit `text` names: its number in the list (1, 2, ...), or its
    model or name when exactly one exhibit has it; None otherwise."""
    wanted = " ".join(str(text).split()).casefold()
    if wanted.isdigit():
        index = int(wanted) - 1
        return index if 0 <= index < len(exhibits) else None
    hits = [
        i
        for i, x in enumerate(exhibits)
        if wanted and wanted in {x.model.strip().casefold(), x.name.strip().casefold(),
                                 x.label.casefold()}
    ]  # fmt: skip
    return hits[0] if len(hits) == 1 else None


def _exhibit_and_rights_known(f: Facts, params: Mapping[str, Any]) -> Refusal | None:
    text = str(params.get("exhibit") or "").strip()
    if find_exhibit(f.exhibits, text) is None:
        return Refusal(
            MissingRequirement,
            "{number} has no single accused exhibit '{exhibit}'; give its number in the list "
            "(1 to {count}), its model or its name.",
            {"number": f.number, "exhibit": text, "count": len(f.exhibits)},
            field="exhibit",
        )
    known = {right_key(n) for n in f.rights}
    unknown = [n for n in list_value(params.get("rights")) if right_key(n) not in known]
    if unknown:
        return Refusal(
            MissingRequirement,
            "The complaint of {number} does not rely on {unknown}; its accepted rights are "
            "{rights}.",
            {"number": f.number, "unknown": tuple(unknown), "rights": f.rights or ("-",)},
            field="rights",
        )
    return None


# -- the re-check before an escalation (domain: RECHECK_FAILED (re-displayed) -> ESCALATED) ----


def _recheck_due_at(f: Facts) -> datetime | None:
    return f.recheck.due_at if f.recheck is not None else None


def _failed_only_when_due(f: Facts, params: Mapping[str, Any]) -> Refusal | None:
    """Before the measure is due the respondent is still within time: a re-inspection can
    find it not carried out only when the exhibit was displayed again (the signed
    undertaking broken)."""
    due = _recheck_due_at(f)
    if params.get("result") == RecheckResult.REDISPLAYED or due is None or f.now >= due:
        return None
    return Refusal(
        IllegalTransition,
        "{number}: the measure is due at {due}; before then a re-inspection may find it not "
        "carried out only if the exhibit was displayed again (the signed undertaking broken).",
        {"number": f.number, "due": f.local(due)},
        field="result",
    )


def _recheck_due_or_redisplayed(f: Facts) -> Refusal | None:
    due = _recheck_due_at(f)
    if f.recheck_result == RecheckResult.REDISPLAYED or due is None or f.now >= due:
        return None
    return Refusal(
        IllegalTransition,
        "{number}: the re-inspection is due at {due}; escalate after that, or when a "
        "re-inspection found the exhibit displayed again.",
        {"number": f.number, "due": f.local(due)},
        after=due,
    )


# -- partial non-acceptance -----------------------------------------------------------------


def refused_at_acceptance(f: Facts, params: Mapping[str, Any]) -> dict[str, str]:
    """{right number: RejectReason} of the rights an acceptance with `params` refuses: the
    acceptance rule's, and those the desk names with its reason."""
    out = dict(f.refused)
    reason = str(params.get("refused_reason") or "")
    by_key = {right_key(n): n for n in f.rights}
    for named in list_value(params.get("refused_rights")):
        number = by_key.get(right_key(named))
        if number is not None and number not in out:
            out[number] = reason
    return out


def _refused_rights_named_well(f: Facts, params: Mapping[str, Any]) -> Refusal | None:
    named = list_value(params.get("refused_rights"))
    known = {right_key(n) for n in f.rights}
    unknown = [n for n in named if right_key(n) not in known]
    if unknown:
        return Refusal(
            MissingRequirement,
            "Complaint {number} names no right {unknown}; its rights are {rights}.",
            {"number": f.number, "unknown": tuple(unknown), "rights": f.rights or ("-",)},
            field="refused_rights",
        )
    if named and not params.get("refused_reason"):
        return Refusal(
            MissingRequirement,
            "Say why the rights {rights} are not accepted.",
            {"rights": tuple(named)},
            field="refused_reason",
        )
    if f.rights and len(refused_at_acceptance(f, params)) >= len(f.rights):
        return Refusal(
            MissingRequirement,
            "No right of complaint {number} would be accepted: reject the complaint instead.",
            {"number": f.number},
            field="refused_rights",
        )
    return None


def _reject_not_for_a_foreign_right(f: Facts, params: Mapping[str, Any]) -> Refusal | None:
    """The reason "not valid in China" does not refuse a complaint while one of its rights
    is valid there (CNIPA 2022 Guidelines Art 12): it is accepted for that right, and a
    foreign right is refused on the receipt (partial acceptance)."""
    if params.get("reason_code") != RejectReason.RIGHT_NOT_VALID_IN_CHINA or not f.valid_in_china:
        return None
    return Refusal(
        IllegalTransition,
        "Complaint {number}: {valid} is valid in China, so the complaint cannot be rejected "
        "as not valid in China: accept it for the valid rights (a right not valid in China "
        "is listed as not accepted on the receipt).",
        {"number": f.number, "valid": f.valid_in_china},
        field="reason_code",
    )


# -- the steps ----------------------------------------------------------------------------------


def _step(
    entity: Entity,
    action: str,
    sources: Iterable[StrEnum],
    target: StrEnum | None,
    en: str,
    zh: str,
    roles: frozenset[Role] = DESK,
    **extra: Any,
) -> Step:
    return Step(
        entity,
        action,
        Words(en, zh),
        frozenset(str(s) for s in sources),
        str(target) if target is not None else "",
        roles,
        **extra,
    )


CP, CS = Entity.COMPLAINT, Entity.CASE
STAYS = None  # a step that records something and leaves the state as it is

STEPS: tuple[Step, ...] = (
    # -- complaint intake (2006 Measures Arts 8-11) --
    _step(CP, "record_received", [C.DRAFT, C.PENDING_SUPPLEMENT], STAYS,
          "Record materials received", "登记收到的材料",
          fields=(RECEIVED, COMMITMENT, POWER_OF_ATTORNEY, NOTE),
          checks=(_something_received,), effects=(Effect.RECORD_RECEIVED,)),
    # Each round restarts the supplement period (2006 Art 9).
    _step(CP, "request_supplement", [C.DRAFT, C.PENDING_SUPPLEMENT], C.PENDING_SUPPLEMENT,
          "Ask for supplements", "通知补正材料",
          fields=(MISSING_ITEMS, NOTE), stops=(ClockKind.SUPPLEMENT,),
          starts=(ClockKind.SUPPLEMENT,), effects=(Effect.RECORD_MISSING_ITEMS,),
          documents=("supplement-notice",), legal_basis=("supplement",)),
    _step(CP, "accept", [C.DRAFT, C.PENDING_SUPPLEMENT], C.ACCEPTED, "Accept", "受理",
          fields=(AUTHORITY_OPTIONAL, REFUSED_RIGHTS, REFUSED_REASON, NOTE),
          guards=(_acceptance_complete,), checks=(_refused_rights_named_well,),
          stops=(ClockKind.SUPPLEMENT,),
          effects=(Effect.MARK_ACCEPTED, Effect.RECORD_REFUSED_RIGHTS,
                   Effect.START_TRANSFER_CLOCK),
          documents=("acceptance-receipt",), legal_basis=("acceptance",)),
    _step(CP, "reject", [C.DRAFT, C.PENDING_SUPPLEMENT], C.REJECTED, "Reject", "不予受理",
          fields=(REASON_CODE, NOTE), stops=(ClockKind.SUPPLEMENT,),
          checks=(_reject_not_for_a_foreign_right,),
          effects=(Effect.RECORD_REJECTION, Effect.CLOSE_CASES_OF_COMPLAINT),
          documents=("non-acceptance",), legal_basis=("non_acceptance",)),
    _step(CP, "withdraw", [C.DRAFT, C.PENDING_SUPPLEMENT], C.WITHDRAWN,
          "Withdrawn by the complainant", "投诉人撤回投诉",
          fields=(REASON,), stops=(ClockKind.SUPPLEMENT,),
          effects=(Effect.WITHDRAW_CASES_OF_COMPLAINT,)),
    _step(CP, "transfer", [C.ACCEPTED], C.TRANSFERRED,
          "Transfer to the authority", "移交知识产权管理部门",
          fields=(AUTHORITY, NOTE), stops=(ClockKind.TRANSFER,), kinds=IP,
          effects=(Effect.RECORD_TRANSFER,), documents=("transfer-letter",),
          legal_basis=("transfer",)),
    # -- an IP respondent case --
    _step(CS, "suspend_display",
          [S.TO_NOTIFY, S.NOTIFIED, S.MEDIATING, S.DEFENCE_RECEIVED, S.DEFENCE_OVERDUE,
           S.UNDER_REVIEW],
          STAYS, "Suspend the display of the accused exhibits", "暂停展出涉嫌侵权展品",
          fields=(REASON,), guards=(_not_suspended,), kinds=IP,
          effects=(Effect.SUSPEND_DISPLAY,), documents=("booth-notice",),
          legal_basis=("suspension",)),
    _step(CS, "notify", [S.TO_NOTIFY], S.NOTIFIED, "Notify the respondent", "通知被投诉人",
          fields=(SERVICE_MANNER, SERVED_AT, NOTE), guards=(_complaint_accepted,),
          checks=(_service_time_possible,), starts=(ClockKind.DEFENCE,),
          clocks_from="served_at", kinds=IP, effects=(Effect.MARK_NOTIFIED,),
          documents=("complaint-notice", "proof-of-service")),
    # The proof of service comes back: its time starts the defence clock (CNIPA Art 14 (1)).
    _step(CS, "record_service", [S.NOTIFIED], STAYS,
          "Record the time of service", "登记送达时间",
          fields=(SERVICE_MANNER, SERVED_AT_PROOF, NOTE), guards=(_service_not_recorded,),
          checks=(_service_time_possible,), starts=(ClockKind.DEFENCE,),
          clocks_from="served_at", kinds=IP, effects=(Effect.RECORD_SERVICE,),
          documents=("proof-of-service",)),
    _step(CS, "self_remedy", BEFORE_DECISION, S.SELF_REMEDIED,
          "Record the exhibits taken down voluntarily", "记录主动撤下展品",
          fields=(REASON,), stops=(ClockKind.DEFENCE,), kinds=IP,
          effects=(Effect.RECORD_ENDING,), documents=("closing-record",)),
    _step(CS, "start_mediation", BEFORE_DECISION, S.MEDIATING, "Mediate", "调解",
          fields=(NOTE,), pauses=(ClockKind.DEFENCE,), kinds=IP),
    _step(CS, "mediate_dispute", [S.TO_NOTIFY], S.MEDIATING, "Mediate the dispute",
          "调解纠纷", fields=(NOTE,), kinds=COMMERCIAL),
    _step(CS, "settle", [S.MEDIATING], S.SETTLED, "Settle", "达成调解协议",
          fields=(TERMS, NOTE), stops=(ClockKind.DEFENCE,), effects=(Effect.RECORD_ENDING,),
          documents=("mediation-record",)),
    _step(CS, "end_mediation", [S.MEDIATING], S.NOTIFIED,
          "End mediation without agreement", "调解未成",
          fields=(REASON,), resumes=(ClockKind.DEFENCE,), returns=True),
    _step(CS, "withdraw",
          [S.TO_NOTIFY, S.NOTIFIED, S.MEDIATING, S.DEFENCE_RECEIVED, S.DEFENCE_OVERDUE,
           S.UNDER_REVIEW],
          S.WITHDRAWN, "Withdrawn by the complainant", "投诉人撤回",
          fields=(REASON,), stops=(ClockKind.DEFENCE,), effects=(Effect.CLOSE,),
          documents=("closing-record",)),
    _step(CS, "record_defence", [S.NOTIFIED], S.DEFENCE_RECEIVED,
          "Record the defence", "登记答辩",
          fields=(DEFENCE, NOTE), stops=(ClockKind.DEFENCE,), kinds=IP,
          effects=(Effect.RECORD_DEFENCE,)),
    _step(CS, "mark_defence_overdue", [S.NOTIFIED], S.DEFENCE_OVERDUE,
          "Defence overdue", "答辩逾期", fields=(NOTE,),
          guards=(_service_recorded, _defence_period_over),
          stops=(ClockKind.DEFENCE,), kinds=IP),
    _step(CS, "begin_review", [S.DEFENCE_RECEIVED, S.DEFENCE_OVERDUE], S.UNDER_REVIEW,
          "Review", "审查", fields=(NOTE,), kinds=IP),
    # CNIPA 2022 Art 14 (2), (3): on an effective legal document or an admission the
    # organizer acts at once after notice, without a defence and without the clock.
    _step(CS, "decide_at_once", [S.NOTIFIED, S.MEDIATING, S.DEFENCE_RECEIVED],
          S.INFRINGEMENT_FOUND, "Decide at once: infringement confirmed", "径行认定侵权",
          roles=DECIDERS,
          fields=(TRIGGER_AT_ONCE, *DECISION_FIELDS, OTHER_CLAIMS, LEGAL_BASIS, NOTE),
          guards=(_each_exhibit_tied_to_a_right,),
          checks=(_officer_names_organ, _other_claims_disposed),
          stops=(ClockKind.DEFENCE,), kinds=IP,
          effects=(Effect.RECORD_DECISION,), documents=("decision",),
          legal_basis=("decision",)),
    _step(CS, "decide_infringing", [S.UNDER_REVIEW], S.INFRINGEMENT_FOUND,
          "Decide: infringement found", "认定侵权", roles=DECIDERS,
          fields=(TRIGGER, *DECISION_FIELDS, OTHER_CLAIMS, LEGAL_BASIS, NOTE),
          guards=(_each_exhibit_tied_to_a_right,),
          checks=(_overdue_trigger_needs_overdue, _officer_names_organ, _other_claims_disposed),
          kinds=IP,
          effects=(Effect.RECORD_DECISION,), documents=("decision",),
          legal_basis=("decision",)),
    # A decision says which right each exhibit infringes: the desk links an exhibit to the
    # complaint's right(s) when intake did not (a complaint with several rights).
    _step(CS, "link_exhibit_rights", [S.TO_NOTIFY, S.MEDIATING, *BEFORE_DECISION], STAYS,
          "Link an exhibit to its rights", "指明展品涉嫌侵犯的权利", roles=DECIDERS,
          fields=(EXHIBIT, EXHIBIT_RIGHTS, NOTE), checks=(_exhibit_and_rights_known,),
          kinds=IP, effects=(Effect.LINK_EXHIBIT_RIGHTS,)),
    _step(CS, "decide_not_infringing", [S.UNDER_REVIEW], S.NOT_INFRINGING,
          "Decide: infringement not established", "未认定构成侵权", roles=DECIDERS,
          fields=(REASON, DECIDING_ORGAN), checks=(_officer_names_organ,), kinds=IP,
          effects=(Effect.RECORD_DECISION,), documents=("decision",),
          legal_basis=("decision",)),
    _step(CS, "decide_undetermined", [S.UNDER_REVIEW], S.UNDETERMINED,
          "Decide: cannot be determined", "无法认定", roles=DECIDERS,
          fields=(REASON, DECIDING_ORGAN), checks=(_officer_names_organ,), kinds=IP,
          effects=(Effect.RECORD_DECISION,), documents=("decision",),
          legal_basis=("decision",)),
    _step(CS, "refer",
          [S.UNDETERMINED, S.INFRINGEMENT_FOUND, S.REMEDY_ORDERED, S.RECHECK_FAILED,
           S.ESCALATED],
          S.REFERRED, "Refer to an authority", "移交有关部门",
          fields=(REFERRAL_KIND, AUTHORITY, NOTE), stops=(ClockKind.RECHECK,), kinds=IP,
          effects=(Effect.RECORD_REFERRAL,), documents=("closing-record",),
          legal_basis=("referral",)),
    _step(CS, "order_remedy", [S.INFRINGEMENT_FOUND], S.REMEDY_ORDERED,
          "Order measures", "要求整改",
          fields=(MEASURE, STORAGE_PLACE, UNDERTAKING, NOTE), starts=(ClockKind.RECHECK,),
          kinds=IP, effects=(Effect.ORDER_MEASURE,),
          documents=("remedial-order", "detained-items", "booth-notice"),
          legal_basis=("remedy",)),
    _step(CS, "request_recheck", [S.REMEDY_ORDERED, S.ESCALATED], S.RECHECK_DUE,
          "Re-inspection due", "待复查", roles=FLOOR, fields=(NOTE,),
          starts=(ClockKind.RECHECK,), kinds=IP),
    _step(CS, "recheck_passed", [S.RECHECK_DUE], S.RECHECK_PASSED,
          "Re-inspection passed", "复查通过", roles=FLOOR, fields=(NOTE,),
          stops=(ClockKind.RECHECK,), kinds=IP, effects=(Effect.RECORD_RECHECK,),
          documents=("recheck-record",)),
    _step(CS, "recheck_failed", [S.RECHECK_DUE], S.RECHECK_FAILED,
          "Re-inspection failed", "复查未通过", roles=FLOOR, fields=(RESULT, NOTE),
          checks=(_failed_only_when_due,), stops=(ClockKind.RECHECK,), kinds=IP,
          effects=(Effect.RECORD_RECHECK,), documents=("recheck-record",)),
    _step(CS, "escalate", [S.RECHECK_FAILED], S.ESCALATED, "Escalate", "升级处理",
          fields=(ESCALATION, NOTE), guards=(_recheck_due_or_redisplayed,),
          checks=(_ban_needs_repeat_offence,), kinds=IP,
          documents=("escalation-notice",), legal_basis=("escalation",)),
    # The remedial order is the paper the respondent signs: its undertaking is recorded as
    # signed when the signed paper comes back, never printed as signed on the paper itself.
    _step(CS, "record_undertaking",
          [S.REMEDY_ORDERED, S.RECHECK_DUE, S.RECHECK_PASSED, S.RECHECK_FAILED, S.ESCALATED],
          STAYS, "Record the signed undertaking", "登记已签署的承诺书",
          fields=(NOTE,), guards=(_undertaking_awaited,), kinds=IP,
          effects=(Effect.RECORD_UNDERTAKING,)),
    _step(CS, "return_detained", list(CaseState), STAYS,
          "Hand back the exhibits kept in custody", "退还暂存展品",
          fields=(RECEIPT, NOTE), guards=(_detained_unreturned, _closing_day_for_return),
          kinds=IP,
          effects=(Effect.RETURN_DETAINED,), documents=("detained-items",)),
    _step(CS, "close", [S.NOT_INFRINGING, S.RECHECK_PASSED], S.CLOSED,
          "Close the case", "结案", fields=(NOTE,), kinds=IP,
          effects=(Effect.CLOSE,), documents=("closing-record",)),
    _step(CS, "close_unaccepted", [S.TO_NOTIFY], S.CLOSED,
          "Close: complaint not accepted", "结案（投诉不予受理）",
          effects=(Effect.CLOSE,), internal=True),
    # -- a commercial dispute (Shanghai Regulations Art 40) --
    _step(CS, "refer_dispute", [S.TO_NOTIFY, S.MEDIATING], S.REFERRED,
          "Refer the dispute", "移交纠纷", fields=(DISPUTE_REFERRAL, AUTHORITY, NOTE),
          kinds=COMMERCIAL, effects=(Effect.RECORD_REFERRAL,), documents=("closing-record",)),
    _step(CS, "close_dispute", [S.TO_NOTIFY, S.MEDIATING], S.CLOSED,
          "Close the dispute with a note", "纠纷处理完毕（附说明）", fields=(REASON,),
          kinds=COMMERCIAL, effects=(Effect.CLOSE,), documents=("closing-record",)),
    # Shanghai Regulations Art 42: deliberate, serious infringement goes to the credit
    # platforms. Taken again, it completes or corrects the record (the latest counts).
    _step(CS, "refer_credit",
          [S.INFRINGEMENT_FOUND, S.REMEDY_ORDERED, S.RECHECK_DUE, S.RECHECK_PASSED,
           S.RECHECK_FAILED, S.ESCALATED, S.REFERRED, S.CLOSED, S.POST_FAIR],
          STAYS, "Refer to the credit platform for serious dishonesty", "报送严重失信信息",
          fields=(CREDIT_FINDING, LEGAL_BASIS, CREDIT_BODY, CREDIT_BODY_CODE,
                  CREDIT_DECISION_NUMBER, CREDIT_DECISION_DATE, PUBLICATION_MONTHS,
                  CREDIT_CONTACT, NOTE),
          guards=(_found_infringing,), checks=(_credit_items_well_formed,), kinds=IP,
          legal_basis=("credit",)),
    # -- after the fair --
    _step(CS, "move_post_fair", OPEN_CASE_STATES, S.POST_FAIR,
          "Hand over to post-fair follow-up", "转展后追查",
          roles=frozenset({Role.DESK, Role.ADMIN}), fields=(NOTE,), guards=(_fair_closed,),
          stops=tuple(ClockKind), effects=(Effect.CLOSE,)),
    # 2006 Art 15: the authority reports its result; the organizer keeps it.
    _step(CS, "record_authority_result", [S.REFERRED, S.POST_FAIR], STAYS,
          "Record the authority's result", "登记有关部门处理结果",
          roles=frozenset({Role.DESK, Role.ORGANIZER}),
          fields=(AUTHORITY_RESULT, AUTHORITY_RESULT_ON, NOTE),
          effects=(Effect.RECORD_AUTHORITY_RESULT,)),
)  # fmt: skip
TRANSITIONS = STEPS  # the older name

_BY_KEY: dict[tuple[Entity, str], Step] = {(s.entity, s.action): s for s in STEPS}
_BY_AUDIT: dict[str, Step] = {s.audit_code: s for s in STEPS}


def step(entity: Entity, action: str) -> Step:
    try:
        return _BY_KEY[(entity, action)]
    except KeyError:
        raise IllegalTransition(
            "There is no step called '{action}' for a {entity}.", action=action, entity=entity.value
        ) from None


transition = step


def step_for_audit(code: str) -> Step | None:
    """The step an audit event ("case.notify") records, or None for other events."""
    return _BY_AUDIT.get(code)


def words_of_event(code: str) -> Words:
    """An audit event's words: the step's, or the vocabulary's for events that are not steps."""
    found = step_for_audit(code)
    if found is not None:
        return found.words
    return v.EVENTS.words(code)


# -- words for what an audit event recorded (timeline, dossier) ---------------------------------

_FIELDS: dict[str, Field] = {}
for _s in STEPS:
    for _f in _s.fields:
        _FIELDS.setdefault(_f.name, _f)


def detail_words(key: str) -> Words:
    """The name of a value an audit event recorded ("trigger" -> Trigger / 认定依据): the
    vocabulary's timeline word, else the step field's label; never the bare key."""
    if key in v.DETAILS:
        return v.DETAILS[key]
    found = _FIELDS.get(key)
    if found is not None:
        # The field's name without the step dialog's help in brackets.
        en, zh = found.words.en.partition(" (")[0], found.words.zh.partition("（")[0]
        return Words(en, zh)
    plain = key.replace("_", " ")
    return Words(plain, plain)


def detail_value_words(key: str, value: Any) -> Words | None:
    """The words of a recorded value that is a code (a state, a measure, a deadline's kind,
    yes or no), or None for a value that is text of its own."""
    if isinstance(value, bool):
        return v.YES_NO["yes" if value else "no"]
    if not isinstance(value, str) or not value:
        return None
    if key == "state":
        states = v.CASE_STATES if value in v.CASE_STATES else v.COMPLAINT_STATES
        return states.words(value)
    tables = {
        "clock": v.CLOCKS,
        "kind": v.KINDS,
        "channel": v.CHANNELS,
        "finding": v.FINDINGS,
        "decision_trigger": v.TRIGGERS,
        "copy": v.COPIES,
        "destination": v.HANDOFF_DESTINATIONS,
        "refused_rights": v.REJECT_REASONS,  # [number, reason] pairs: the reason in words
    }
    found = _FIELDS.get(key)
    table: Vocabulary | None = tables.get(key) or (found.choices if found else None)
    if table is None or value not in table:
        return None
    return table[value]


def steps_of(entity: Entity, *, internal: bool = False) -> list[Step]:
    return [s for s in STEPS if s.entity is entity and (internal or not s.internal)]


# -- the one answer to "what may I do now, and why not" --------------------------------------


@dataclass(frozen=True)
class Option:
    step: Step
    refusal: Refusal | None
    # The record's state is one the step leaves from (whatever the role): a screen shows
    # the step, refused for the role or a guard, rather than hiding it.
    reachable: bool = True

    @property
    def allowed(self) -> bool:
        return self.refusal is None

    @property
    def in_reach(self) -> bool:
        """From this state the step exists (it may still be refused for role or a guard)."""
        return self.reachable and (self.refusal is None or self.refusal.error is not _WrongState)


class _WrongState(IllegalTransition):
    """The record is not in a state the step leaves from (a refusal kind, raised as
    IllegalTransition)."""


def _state_term(entity: Entity, state: str) -> Term:
    return Term(v.CASE_STATES if entity is Entity.CASE else v.COMPLAINT_STATES, state)


def evaluate(facts: Facts, action: str) -> Option:
    """May `facts.role` take the step now? Role first, then the state, then the guards."""
    s = step(facts.entity, action)
    # A step of another kind of complaint is never in reach (a commercial dispute shows no
    # IP step, whatever the role).
    reachable = facts.state in s.sources and facts.complaint_kind in s.kinds
    if facts.role not in s.roles:
        return Option(
            s,
            Refusal(
                PermissionDenied,
                "'{step}' is for {allowed} staff; you are signed in as {role}.",
                {
                    "step": s.label,
                    "allowed": tuple(sorted(r.value for r in s.roles)),
                    "role": facts.role.value,
                },
            ),
            reachable,
        )
    if facts.state not in s.sources:
        return Option(
            s,
            Refusal(
                _WrongState,
                "'{step}' is taken only when the {entity} is {sources}; this one is {state}.",
                {
                    "step": s.label,
                    "entity": ENTITY_WORDS[s.entity].en,
                    "state": _state_term(s.entity, facts.state),
                    "sources": tuple(_state_term(s.entity, x) for x in sorted(s.sources)),
                },
            ),
        )
    if facts.complaint_kind not in s.kinds:
        return Option(
            s,
            Refusal(
                _WrongState,
                "'{step}' is not a step of a {kind}.",
                {"step": s.label, "kind": Term(v.KINDS, facts.complaint_kind)},
            ),
        )
    for guard in s.guards:
        refusal = guard(facts)
        if refusal is not None:
            return Option(s, refusal)
    return Option(s, None)


def target_of(s: Step, facts: Facts) -> str:
    """Where the step leaves the record: its target, the state before mediation for a
    step that returns, the same state for a step that only records."""
    if s.returns and facts.before_mediation:
        return facts.before_mediation
    return s.target or facts.state


def closed_choices(facts: Facts, s: Step) -> dict[str, frozenset[str]]:
    """Per choice field of `s`, the codes the record's facts refuse whatever else is
    entered (the trigger "no written defence" once a defence was recorded in time): a
    dialog does not offer them, and the step's checks still refuse them if given."""
    closed: dict[str, frozenset[str]] = {}
    for f in s.fields:
        if f.kind is not FieldKind.CHOICE or f.choices is None:
            continue
        refused = frozenset(
            code
            for code in f.codes()
            if any(
                (refusal := param_check(facts, {f.name: code})) is not None
                and refusal.field == f.name
                for param_check in s.checks
            )
        )
        if refused:
            closed[f.name] = refused
    return closed


def asked(f: Field, values: Mapping[str, Any]) -> bool:
    """Whether field `f` means anything with these values: one needed only for one value
    of another field (a prior decision's court, for that trigger) is asked only then."""
    if f.required_when is None:
        return True
    name, wanted = f.required_when
    return str(values.get(name) or "") == wanted


def options(facts: Facts, *, internal: bool = False) -> list[Option]:
    """Every step of the record's kind, in the table's order, allowed or refused with why."""
    return [evaluate(facts, s.action) for s in steps_of(facts.entity, internal=internal)]


def field_problems(s: Step, params: Mapping[str, Any]) -> list[Refusal]:
    """What is wrong with the values given for a step's fields (empty when all is well)."""
    problems: list[Refusal] = []
    for f in s.fields:
        value = params.get(f.name)
        text = "" if value is None or isinstance(value, bool) else str(value).strip()
        needed = f.required or (
            f.required_when is not None
            and str(params.get(f.required_when[0]) or "") == f.required_when[1]
        )
        if f.kind is FieldKind.FLAG:
            continue
        if f.kind is FieldKind.CHOICES:
            problem = _choices_problem(s, f, list_value(value), needed)
        elif not text:
            problem = _missing(s, f) if needed else None
        elif f.kind in (FieldKind.DATE, FieldKind.DATETIME):
            problem = _moment_problem(s, f, value, text)
        else:
            problem = _text_problem(s, f, text)
        if problem is not None:
            problems.append(problem)
    return problems


def _missing(s: Step, f: Field) -> Refusal:
    return Refusal(
        MissingRequirement,
        "'{step}' needs {requirement}.",
        {"step": s.label, "requirement": f.label},
        field=f.name,
    )


def _choices_problem(s: Step, f: Field, codes: list[str], needed: bool) -> Refusal | None:
    """A field of several codes: each must be one of its choices."""
    wrong = [c for c in codes if c not in f.codes()]
    if wrong:
        return Refusal(
            MissingRequirement,
            "'{step}': '{value}' is not accepted as {requirement}; use one of {choices}.",
            {
                "step": s.label,
                "value": ", ".join(wrong),
                "requirement": f.label,
                "choices": f.codes(),
            },
            field=f.name,
        )
    return _missing(s, f) if needed and not codes else None


def _moment_problem(s: Step, f: Field, value: Any, text: str) -> Refusal | None:
    if parse_moment(value, f.kind) is not None:
        return None
    example = "2026-11-05" if f.kind is FieldKind.DATE else "2026-11-05 10:30"
    return Refusal(
        MissingRequirement,
        "'{step}': '{value}' cannot be read as {requirement}; write it as {example}.",
        {"step": s.label, "value": text, "requirement": f.label, "example": example},
        field=f.name,
    )


def _text_problem(s: Step, f: Field, text: str) -> Refusal | None:
    """A one-of-a-list value outside its list, or a text too long for its column."""
    if f.choices is not None and text not in f.codes():
        return Refusal(
            MissingRequirement,
            "'{step}': '{value}' is not accepted as {requirement}; use one of {choices}.",
            {"step": s.label, "value": text, "requirement": f.label, "choices": f.codes()},
            field=f.name,
        )
    if len(text) > f.max_length:
        return Refusal(
            MissingRequirement,
            "'{step}': {requirement} is {length} characters long; at most {limit} fit.",
            {
                "step": s.label,
                "requirement": f.label,
                "length": len(text),
                "limit": f.max_length,
            },
            field=f.name,
        )
    return None


def parse_moment(value: Any, kind: FieldKind) -> date | datetime | None:
    """A DATE or DATETIME field's value, or None when it is not one; a datetime without a
    zone is the fair's local time (the services attach the zone)."""
    if isinstance(value, datetime):
        return value if kind is FieldKind.DATETIME else value.date()
    if isinstance(value, date):
        return value if kind is FieldKind.DATE else None
    text = str(value or "").strip()
    try:
        if kind is FieldKind.DATE:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text.replace("/", "-"))
    except ValueError:
        return None


def list_value(value: Any) -> list[str]:
    """The codes of a CHOICES field: a list as it is, text split at commas."""
    if value is None or value == "":
        return []
    if isinstance(value, list | tuple | set | frozenset):
        return [str(x).strip() for x in value if str(x).strip()]
    return [part.strip() for part in str(value).split(",") if part.strip()]


def flag_value(value: Any) -> bool:
    """A FLAG field's value: True, or text such as "yes", "1", "true", "是"."""
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "y", "on", "是")
    return bool(value)


def with_defaults(s: Step, params: Mapping[str, Any]) -> dict[str, Any]:
    """The values given, with each field's default where none was given."""
    filled = dict(params)
    for f in s.fields:
        if f.default and params.get(f.name) in (None, ""):
            filled[f.name] = f.default
    return filled


def unknown_fields(s: Step, params: Mapping[str, Any]) -> list[str]:
    names = {f.name for f in s.fields} | {REASON_NAME}  # every step keeps a note
    return sorted(k for k in params if k not in names)


def refusal_with(facts: Facts, action: str, params: Mapping[str, Any]) -> Refusal | None:
    """The first reason the step cannot be taken with these values, or None."""
    option = evaluate(facts, action)
    if option.refusal is not None:
        return option.refusal
    s = option.step
    extra = unknown_fields(s, params)
    if extra:
        return Refusal(
            InvalidStepField,
            "'{step}' takes no field {names}; it takes {fields}.",
            {
                "step": s.label,
                "names": tuple(extra),
                "fields": tuple(f.name for f in s.fields) or ("-",),
            },
        )
    problems = field_problems(s, params)
    if problems:
        return problems[0]
    for param_check in s.checks:
        refusal = param_check(facts, params)
        if refusal is not None:
            return refusal
    return None


class InvalidStepField(MissingRequirement):
    pass


def check(facts: Facts, action: str, params: Mapping[str, Any]) -> Step:
    """The step, when it may be taken now with `params`; else its first refusal, raised."""
    refusal = refusal_with(facts, action, params)
    if refusal is not None:
        raise refusal.exception()
    return step(facts.entity, action)


# -- legal basis --------------------------------------------------------------------------------


def legal_basis_keys(s: Step, trigger: str = "") -> list[str]:
    """The rule set's citation keys a step prints; only a decision under one of CNIPA
    Art 14's triggers cites that article."""
    keys = list(s.legal_basis)
    if s.field("trigger") is not None and trigger in ART14_TRIGGERS:
        keys.append("decision_art14")
    return keys


def suggested_legal_basis(texts: Mapping[str, str], s: Step, trigger: str = "") -> str:
    """The citation to prefill for a step, from the fair's rule set ("" if none fits).

    Several citations are merged into one bilingual text: the Chinese parts joined with
    "；", then " / ", then the English parts joined with "; ".
    """
    return merge_citations([texts[k] for k in legal_basis_keys(s, trigger) if texts.get(k)])
