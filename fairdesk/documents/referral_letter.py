# mypy: disable-error-code="import-untyped,import-not-found"
"""案件线索移送函: a decided case referred to an authority (IP office, market regulation,
or the police for a criminal lead, 行刑衔接); the package it heads holds the case summary
and the evidence files with their SHA-256. The service center is not an administrative
organ: it refers what it found and asks the authority to examine it."""

from __future__ import annotations

from reportlab.platypus import Flowable

from fairdesk.documents import labels as L
from fairdesk.documents.furniture import S, bi, fields, para, section, signature_lines
from fairdesk.documents.model import DocumentData
from fairdesk.documents.parts import (
    addressee,
    authority_names,
    case_rows,
    exhibits_block,
    measures_block,
    outcome,
    parties_block,
    rights_block,
)
from fairdesk.domain.enums import AuthorityKind

# How the letter addresses an authority of each kind: a bureau (局), or a unit.
_YOU: dict[str, str] = {AuthorityKind.IP_OFFICE: "贵局", AuthorityKind.MARKET_REGULATION: "贵局"}


def story(d: DocumentData) -> list[Flowable]:
    kind_zh = L.zh(L.AUTHORITY_KINDS, d.referral_kind)
    found_zh, found_en = outcome(d)
    found_en = found_en[:1].lower() + found_en[1:]  # mid-sentence
    you = _YOU.get(d.referral_kind, "贵单位")
    out = [
        *addressee(*authority_names(d.case_authority, fallback_en="")),
        *bi(
            f"本中心在展会期间处理的被投诉人案件 {d.case_number}（投诉编号 {d.complaint_number}），"
            f"本中心的初步意见为：{found_zh}。现将该案件线索移送{you}（{kind_zh}）依法处理。"
            "随附：案件摘要、证据文件清单（含电子校验值）。",
            f"The respondent case {d.case_number} (complaint {d.complaint_number}) was handled "
            f"by the service center during the fair; its preliminary view: {found_en}. The "
            "lead is referred to you for handling under the law. Enclosed: the case summary "
            "and the list of evidence files (with their electronic check values).",
        ),
        fields(case_rows(d)),
        *parties_block(d),
        *rights_block(d),
        *exhibits_block(d.exhibits),
        *measures_block(d),
    ]
    if d.closing_reason.strip():  # no heading over a dash
        out += [*section("移送说明", "Note"), para(d.closing_reason, S.zh)]
    return [*out, signature_lines([("接收单位签收", "Received by the authority")])]
