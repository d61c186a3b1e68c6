"""Which documents exist, and in which states of a complaint or case each applies.

One table, read by the documents service before it issues anything and by the GUI to
offer only the documents that make sense now. A kind is either complaint-level (the
complaint number is printed as the case number) or case-level (one respondent case).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from fairdesk.documents import labels
from fairdesk.documents.model import DocumentData
from fairdesk.domain.enums import CaseState as S
from fairdesk.domain.enums import ComplaintKind, MeasureType
from fairdesk.domain.enums import ComplaintState as C
from fairdesk.domain.errors import IllegalTransition, InvalidInput, translatable
from fairdesk.domain.workflow import ART14_TRIGGERS, Entity, step

COMPLAINT = "complaint"
CASE = "case"


@dataclass(frozen=True)
class DocKind:
    code: str
    title: str
    title_en: str
    level: str  # COMPLAINT | CASE
    states: frozenset[str]
    legal_basis: str  # key into the fair's rule set legal_basis texts
    when: str  # "... applies <when>", for the refusal sentence (translated with it)
    needs_copy: bool = False
    # Posted for visitors (the booth notice): no root key or audit hash lines, which a
    # visitor cannot use; its QR code carries what verification needs.
    public: bool = False
    # Kept by the center, not served on a party (the dossier): prints the root key's
    # fingerprint and the audit chain's head in full; a party's paper says how to verify it.
    full_trust_data: bool = False
    # A fact the state cannot show (e.g. "a detain measure exists"): returns the refusal
    # sentence, or "" when the document applies. The sentence is a translatable template
    # that may name {complaint} and {case} (the numbers).
    condition: Callable[[DocumentData], str] | None = None


def _authority_named(d: DocumentData) -> str:
    if d.authority:
        return ""
    return translatable(
        "Complaint {complaint} names no IP authority to transfer to: accept it "
        "for transfer with an authority, or transfer it, first."
    )


def _referred(d: DocumentData) -> str:
    if d.case_authority and d.referral_kind:
        return ""
    return translatable(
        "Case {case} was not referred to an authority: take the step 'Refer to an authority' first."
    )


def _decided(d: DocumentData) -> str:
    if d.decided_at:
        return ""
    return translatable(
        "Case {case} has no decision yet; a decision (处理意见书) is printed after it."
    )


def _has_measure(d: DocumentData) -> str:
    return "" if d.measures else translatable("Case {case} has no ordered measure.")


def _has_detained(d: DocumentData) -> str:
    if any(m.measure_type == "detain" for m in d.measures):
        return ""
    return translatable(
        "Case {case} has no detained items: no exhibit was ordered kept in custody (暂存保管)."
    )


def _rechecked(d: DocumentData) -> str:
    if any(m.rechecked_at for m in d.measures):
        return ""
    return translatable("Case {case} has not been re-inspected yet.")


def _deadline_ahead(d: DocumentData) -> str:
    # A notice stating a deadline already over gives the respondent no time to answer;
    # the copy served before the deadline can still be reprinted (byte-identical).
    if not d.defence_passed:
        return ""
    return translatable(
        "The defence deadline of case {case} has passed: a notice of complaint issued now "
        "would state a deadline already over. Reprint the notice served on the respondent, "
        "or go on with the case."
    )


def _escalated(d: DocumentData) -> str:
    if d.escalation:
        return ""
    return translatable("Case {case} has not been escalated.")


def _served(d: DocumentData) -> str:
    if d.served is not None:
        return ""
    return translatable(
        "Nothing has been served in case {case} yet: issue the notice of "
        "complaint or the decision first."
    )


MEASURED = frozenset(
    {
        S.REMEDY_ORDERED,
        S.RECHECK_DUE,
        S.RECHECK_PASSED,
        S.RECHECK_FAILED,
        S.ESCALATED,
        S.CLOSED,
        S.POST_FAIR,
    }
)
DECIDED = frozenset({S.INFRINGEMENT_FOUND, S.NOT_INFRINGING, S.UNDETERMINED, S.REFERRED} | MEASURED)
NOTIFIED_ON = frozenset(s for s in S if s is not S.TO_NOTIFY)
FINISHED = frozenset({S.SELF_REMEDIED, S.SETTLED, S.WITHDRAWN, S.REFERRED, S.CLOSED, S.POST_FAIR})

KINDS: dict[str, DocKind] = {
    k.code: k
    for k in (
        DocKind(
            "complaint-form",
            "知识产权投诉登记表及承诺书",
            "Complaint form and complainant's commitment",
            COMPLAINT,
            frozenset(C),
            "commitment",
            translatable("in every state of a complaint"),
        ),
        DocKind(
            "supplement-notice",
            "补正材料通知书",
            "Notice to supplement materials",
            COMPLAINT,
            frozenset({C.PENDING_SUPPLEMENT}),
            "supplement",
            translatable("while the complainant is asked to supplement materials"),
        ),
        DocKind(
            "non-acceptance",
            "不予受理通知书",
            "Notice of non-acceptance",
            COMPLAINT,
            frozenset({C.REJECTED}),
            "non_acceptance",
            translatable("once the complaint is not accepted"),
        ),
        DocKind(
            "acceptance-receipt",
            "受理回执",
            "Acceptance receipt",
            COMPLAINT,
            frozenset({C.ACCEPTED, C.TRANSFERRED}),
            "acceptance",
            translatable("once the complaint is accepted"),
        ),
        DocKind(
            "transfer-letter",
            "案件移交函",
            "Letter transferring the case to the IP authority",
            COMPLAINT,
            frozenset({C.ACCEPTED, C.TRANSFERRED}),
            "transfer",
            translatable("once the complaint is accepted for transfer or transferred"),
            condition=_authority_named,
        ),
        DocKind(
            "referral-letter",
            "案件线索移送函",
            "Letter referring the case to an authority",
            CASE,
            frozenset({S.REFERRED, S.POST_FAIR}),
            "referral",
            translatable("once the case is referred to an authority"),
            condition=_referred,
        ),
        DocKind(
            "complaint-notice",
            "投诉通知书",
            "Notice of complaint to the respondent",
            CASE,
            frozenset({S.NOTIFIED, S.MEDIATING}),
            "notice",
            translatable("once the respondent is notified, while the defence period runs"),
            condition=_deadline_ahead,
        ),
        DocKind(
            "proof-of-service",
            "送达回证",
            "Proof of service",
            CASE,
            NOTIFIED_ON,
            "notice",
            translatable("once the respondent has been notified"),
            condition=_served,
        ),
        DocKind(
            "mediation-record",
            "调解笔录及调解协议书",
            "Mediation record and mediation agreement",
            CASE,
            frozenset({S.MEDIATING, S.SETTLED}),
            "mediation",
            translatable("while the case is in mediation or once it is settled"),
        ),
        DocKind(
            "decision",
            "处理意见书",
            "Opinion on the complaint",
            CASE,
            DECIDED,
            "decision",
            translatable("once the case is decided"),
            needs_copy=True,
            condition=_decided,
        ),
        DocKind(
            "remedial-order",
            "整改通知书及承诺书",
            "Remedial order and respondent's undertaking",
            CASE,
            MEASURED,
            "remedy",
            translatable("once measures are ordered"),
            condition=_has_measure,
        ),
        DocKind(
            "detained-items",
            "暂存展品清单",
            "List of exhibits held in safekeeping",
            CASE,
            MEASURED,
            "remedy",
            translatable("once exhibits are detained"),
            condition=_has_detained,
        ),
        DocKind(
            "recheck-record",
            "复查记录",
            "Re-inspection record",
            CASE,
            frozenset({S.RECHECK_PASSED, S.RECHECK_FAILED, S.ESCALATED, S.CLOSED, S.POST_FAIR}),
            "recheck",
            translatable("once the ordered measures have been re-inspected"),
            condition=_rechecked,
        ),
        DocKind(
            "escalation-notice",
            "进一步处理措施通知书",
            "Notice of further measures",
            CASE,
            frozenset({S.ESCALATED, S.RECHECK_DUE, S.RECHECK_PASSED, S.RECHECK_FAILED} | FINISHED),
            "escalation",
            translatable("once the case is escalated after a failed re-inspection"),
            condition=_escalated,
        ),
        DocKind(
            "booth-notice",
            "展位公告",
            "Booth notice",
            CASE,
            # Posted where the display is suspended at intake (the step's own states) and
            # where ordered measures are in force.
            step(Entity.CASE, "suspend_display").sources
            | {S.REMEDY_ORDERED, S.RECHECK_DUE, S.RECHECK_PASSED, S.RECHECK_FAILED, S.ESCALATED},
            "remedy",
            translatable(
                "while the display is suspended or ordered measures are in force at the booth"
            ),
            condition=_has_measure,
            public=True,
        ),
        DocKind(
            "closing-record",
            "结案登记表",
            "Case closing record",
            CASE,
            FINISHED,
            "decision",
            translatable(
                "once the case is finished (closed, settled, withdrawn, referred or handed over)"
            ),
        ),
        DocKind(
            "dossier",
            "案件卷宗",
            "Case dossier",
            CASE,
            frozenset(S),
            "decision",
            translatable("in every state of a case"),
            full_trust_data=True,
        ),
    )
}

# A commercial dispute's own titles (Shanghai Regulations Art 40): no IP words on its paper.
COMMERCIAL_TITLES = {
    "complaint-form": ("商事纠纷登记表", "Commercial dispute registration form"),
    "acceptance-receipt": ("商事纠纷受理回执", "Receipt for a commercial dispute"),
    "mediation-record": (
        "商事纠纷调解笔录及调解协议书",
        "Mediation record and mediation agreement (commercial dispute)",
    ),
    "closing-record": ("商事纠纷结案登记表", "Closing record of a commercial dispute"),
}


# A stationed IP officer's decision is the organ's own (2006 Art 6), not the center's
# opinion: its own title.
OFFICER_DECISION_TITLES = (
    "处理决定书（派驻执法人员现场处理）",
    "Decision (by the IP authority's officer stationed at the fair)",
)


def organ_decides(d: DocumentData) -> bool:
    """The paper is a decision a stationed IP officer took in the organ's name."""
    return d.kind == "decision" and bool(d.decided_by_organ)


def titles(d: DocumentData) -> tuple[str, str]:
    """The document's Chinese and English titles, a commercial dispute's own where it has one."""
    k = kind(d.kind)
    if d.complaint_kind == ComplaintKind.COMMERCIAL and k.code in COMMERCIAL_TITLES:
        return COMMERCIAL_TITLES[k.code]
    if organ_decides(d):
        return OFFICER_DECISION_TITLES
    return k.title, k.title_en


# Documents a proof of service can be for, latest first.
SERVABLE = ("decision", "remedial-order", "complaint-notice", "mediation-record")


# A ban from the next edition rests on the repeat-offender article, a credit referral on
# the credit article; leaving the fair and cancelling participation on the escalation key.
_ESCALATION_BASIS = {"propose_ban": "repeat_bar", "credit_referral": "credit"}


def _suspended_only(d: DocumentData) -> bool:
    """The booth notice is of a suspension of display (no measure ordered after it)."""
    return bool(d.measures) and d.measures[-1].measure_type == MeasureType.SUSPEND_DISPLAY


def basis_keys(d: DocumentData) -> list[str]:
    """The rule set's citation keys a document prints: the article of the step it records.

    A non-acceptance cites the article of its reason, a decision cites CNIPA Art 14 only
    when taken under one of its triggers and 2006 Art 6 when a stationed IP officer took
    it, a commercial dispute its own regulation."""
    key = kind(d.kind).legal_basis
    basis = d.fair.legal_basis
    if d.complaint_kind == ComplaintKind.COMMERCIAL:
        # Its form too: a dispute carries no IP commitment (2006 Art 10 is for IP complaints).
        if basis.get("dispute"):
            return ["dispute"]
        return ["mediation" if key == "commitment" else key]
    if key == "non_acceptance":
        specific = f"non_acceptance_{d.reject_reason}"
        return [specific if basis.get(specific) else key]
    if key == "remedy" and d.kind == "booth-notice" and _suspended_only(d):
        return ["suspension"]  # 2006 Art 7(1): the display suspended during the complaint
    if key == "escalation":
        specific = _ESCALATION_BASIS.get(d.escalation, key)
        return [specific if basis.get(specific) else key]
    if key == "acceptance" and d.authority:  # the receipt announces the transfer (2006 Art 11)
        # (a fair set up before the joint citation: both, merged)
        return ["acceptance_transfer"] if basis.get("acceptance_transfer") else [key, "transfer"]
    if key == "referral" and not basis.get(key):
        # A fair set up before referrals had their own citation: its decision's article
        # (Shanghai: the regulation's Art 27 is among them), never 2006 Art 11.
        return ["decision"]
    if key == "decision":
        # No infringement found: no measures, so not the measures articles (a fair set up
        # before this citation keeps its decision's).
        found_none = d.decision_state in (S.NOT_INFRINGING, S.UNDETERMINED)
        if d.decided_by_organ and basis.get("decision_officer"):
            # The officer's finding rests on 2006 Art 6, first; the organizer's measures on
            # their own articles, only when there are measures (the center's contract
            # handling is not the organ's basis).
            keys = ["decision_officer"]
            if d.decision_trigger in ART14_TRIGGERS:
                keys.append("decision_art14")
            return keys if found_none else [*keys, "remedy"]
        keys = ["decision_not_found" if found_none and basis.get("decision_not_found") else key]
        if d.decision_trigger in ART14_TRIGGERS:
            keys.append("decision_art14")
        if d.decided_by_organ:  # a stationed IP officer decided (2006 Art 6)
            keys.append("decision_officer")
        return keys
    return [key]


def kind(code: str) -> DocKind:
    try:
        return KINDS[code]
    except KeyError:
        raise InvalidInput(
            "'{code}' is not a kind of document; choose one of {kinds}.",
            code=code,
            kinds=tuple(KINDS),
        ) from None


def _mid_sentence(words: str) -> str:
    return words[:1].lower() + words[1:]


def check_state(k: DocKind, number: str, state: str) -> None:
    """Refuse, with a sentence, a document that does not apply in this state."""
    if state in k.states:
        return
    table = labels.COMPLAINT_STATES if k.level == COMPLAINT else labels.CASE_STATES
    raise IllegalTransition(
        "The {document} ({title}) cannot be printed for {level} {number} now: "
        "it is {state_en} ({state_zh}), and this document applies {when}.",
        document=k.title_en.lower(),
        title=k.title,
        level=k.level,
        number=number,
        state_en=_mid_sentence(labels.en(table, state)),
        state_zh=labels.zh(table, state),
        when=k.when,
    )


def check_condition(k: DocKind, data: DocumentData) -> None:
    if k.condition is not None:
        reason = k.condition(data)
        if reason:
            raise IllegalTransition(reason, complaint=data.complaint_number, case=data.case_number)


def check_copy(k: DocKind, copy: str) -> str:
    copy = (copy or "").strip()
    if k.needs_copy:
        if copy not in labels.COPIES:
            raise InvalidInput(
                "The {document} ({title}) is served on both parties: say which copy "
                "to print, complainant or respondent.",
                document=k.title_en.lower(),
                title=k.title,
            )
        return copy
    if copy:
        raise InvalidInput(
            "The {document} has no separate copies; leave out the copy.",
            document=k.title_en.lower(),
        )
    return ""


def applicable_kinds(level: str, state: str) -> list[DocKind]:
    """The kinds whose state table allows this state (conditions are checked on issue)."""
    return [k for k in KINDS.values() if k.level == level and state in k.states]
