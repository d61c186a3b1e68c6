# mypy: disable-error-code="import-untyped,import-not-found"
"""结案登记表: how the case ended, where it went, and what is still in custody."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

from fairdesk.documents import labels as L
from fairdesk.documents.furniture import (
    Row,
    S,
    box,
    fields,
    paper_version,
    para,
    section,
    signature_lines,
)
from fairdesk.documents.model import DocumentData
from fairdesk.documents.parts import (
    case_rows,
    custody_return,
    exhibits_of,
    measures_block,
    parties_block,
    parties_side_by_side,
    rights_block,
)
from fairdesk.documents.quantities import total
from fairdesk.domain import vocabulary as v
from fairdesk.domain.enums import CaseState


def _referred_to(d: DocumentData) -> str:
    """The authority with its kind (IP office, market regulation, police, court, ...)."""
    kind = L.both(L.AUTHORITY_KINDS, d.referral_kind)
    return "：".join(x for x in (kind, d.case_authority) if x)


def _authority_rows(d: DocumentData) -> list[Row]:
    """The complaint's transfer to the IP authority (2006 Art 11) and the case's referral
    are two different hand-overs; either leaves a result to come back (2006 Art 15)."""
    rows: list[Row] = []
    if d.authority and d.transferred_at:
        rows.append(
            ("投诉移交", "Complaint transferred to", f"{d.authority}（{d.transferred_at}）")
        )
    rows.append(("案件移送", "Case referred to", _referred_to(d)))
    if (d.authority and d.transferred_at) or d.case_authority:
        # The snapshot carries the events recording the authority's result, if any.
        result = "；".join(x for e in d.timeline for x in (e.reason, e.detail) if x)
        rows.append(("有关部门处理结果", "Authority's result", result or "待反馈 / awaited"))
    return rows


def _decision_rows(d: DocumentData) -> list[Row]:
    """The decision and its ground, where they apply: a case closed with no decision (a
    dispute, a settlement) has no decision row, one found not infringing no ground."""
    rows: list[Row] = []
    if d.decision_state:
        rows.append(("处理结论", "Decision", L.both(L.CASE_STATES, d.decision_state)))
    if d.decision_trigger:
        rows.append(("认定依据", "Ground", L.both(L.TRIGGERS, d.decision_trigger)))
    return rows


def _custody(d: DocumentData) -> list[Row]:
    held = [m for m in d.measures if m.measure_type == "detain"]
    if not held:
        return []
    m = held[-1]
    if m.returned_at:
        text = f"已于{m.returned_at}返还 / returned on {m.returned_at}"
    else:
        place = m.storage_place or "本中心"
        # A case may close while the goods stay in custody: they go back once the fair has
        # closed (the custody list's terms, in its words), never while it is open.
        after_zh, after_en = custody_return(d)
        text = (
            f"{total(d.exhibits)}件，存放于{place}，暂存展品于{after_zh}凭暂存展品清单返还 / "
            f"{total(d.exhibits)} item(s) kept by the service center, to be returned "
            f"{after_en} against the list of exhibits held in safekeeping"
        )
    return [("暂存展品", "Exhibits in safekeeping", text)]


def _how_it_ended(d: DocumentData) -> str:
    """The closing note: the words recorded when the case ended, else what the record
    shows (the decision's reasons are the decision's, not how the case ended)."""
    if d.closing_reason or d.settlement_terms:
        return d.closing_reason or d.settlement_terms
    checked = [m for m in d.measures if m.rechecked_at and m.recheck_result == "passed"]
    if checked:
        return f"经{checked[-1].rechecked_at}复查，整改措施已落实，本案结案。"
    if d.case_state == CaseState.REFERRED and d.case_authority:
        return f"已移送{d.case_authority}，待反馈。"
    if d.decision_state == CaseState.NOT_INFRINGING:
        # The decision's own finding, then what it means for the case.
        return f"{L.zh(L.CASE_STATES, d.decision_state)}，被投诉人可继续展出，本案结案。"
    return ""


def _ended_at(d: DocumentData) -> Row:
    """The time the case left the desk, labelled as it left (a referral is no closing)."""
    words = v.ENDED_AT.get(d.case_state, v.CLOSED_AT)
    return (words.zh, words.en, d.closed_at)


def story(d: DocumentData) -> list[Flowable]:
    out: list[Flowable] = [
        fields(
            case_rows(d)
            + [
                ("结案状态", "Status", L.both(L.CASE_STATES, d.case_state)),
                _ended_at(d),
                *_decision_rows(d),
                *_authority_rows(d),
                *_custody(d),
            ]
        ),
        # Side by side: the lines saved keep the signatures on the page of the record.
        *(parties_block(d) if paper_version() < 2 else parties_side_by_side(d)),
        *rights_block(d),
        *exhibits_of(d),
    ]
    if d.measures:
        out += measures_block(d)
    # The signatures sit on the record they close: with the closing note, on one page.
    note = section("结案说明", "Closing note")
    signatures = signature_lines([("经办人", "Officer"), ("负责人", "Head of the service center")])
    out += [
        note[0],
        KeepTogether([*note[1:], box([para(_how_it_ended(d) or "—", S.zh)]), *signatures._content]),
    ]
    return out
