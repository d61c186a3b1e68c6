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
    case_rows,
    exhibits_block,
    measures_block,
    outcome,
    parties_block,
    rights_block,
)


def story(d: DocumentData) -> list[Flowable]:
    kind_zh = L.zh(L.AUTHORITY_KINDS, d.referral_kind)
    kind_en = L.en(L.AUTHORITY_KINDS, d.referral_kind)
    found_zh, found_en = outcome(d)
    found_en = found_en[:1].lower() + found_en[1:]  # mid-sentence
    return [
        para(f"{d.case_authority}：", S.zh, bold=True),
        para(f"To {d.case_authority}:", S.en),
        *bi(
            f"本中心在展会期间处理的被投诉人案件 {d.case_number}（投诉编号 {d.complaint_number}）"
            f"经审查，{found_zh}。现将该案件线索移送贵单位（{kind_zh}）依法审查处理，"
            "案件摘要、证据文件及其SHA-256校验值附后（见随附材料包的签名清单）。",
            f"The respondent case {d.case_number} (complaint {d.complaint_number}), handled "
            f"by the service center during the fair, was examined: {found_en}. Its lead is "
            f"referred to you ({kind_en}) for examination under the law; the case summary, "
            "the evidence files and their SHA-256 are attached (see the signed manifest of "
            "the accompanying package).",
        ),
        fields(case_rows(d)),
        *parties_block(d),
        *rights_block(d),
        *exhibits_block(d.exhibits),
        *measures_block(d),
        *section("移送说明", "Note"),
        para(d.closing_reason or "—", S.zh),
        signature_lines([("接收单位签收", "Received by the authority")]),
    ]
