# mypy: disable-error-code="import-untyped,import-not-found"
"""案件移交函: the complete materials go to the IP authority (2006 Measures Art 11)."""

from __future__ import annotations

from reportlab.platypus import Flowable

from fairdesk.documents.furniture import S, bi, fields, grid, para, section
from fairdesk.documents.model import DocumentData
from fairdesk.documents.parts import (
    addressee,
    authority_names,
    booth_text,
    case_rows,
    exhibits_cell,
    name_of,
    parties_block,
    rights_block,
)


def story(d: DocumentData) -> list[Flowable]:
    when = d.transferred_at or d.issued_at
    complete = d.materials_complete_at or d.accepted_at
    out: list[Flowable] = [
        *addressee(*authority_names(d.authority, fallback_en="")),
        *bi(
            # When the materials were complete: the authority checks the 24 h from it.
            f"本中心于{d.accepted_at}受理的投诉（投诉编号{d.complaint_number}），"
            f"投诉材料于{complete}齐备。"
            f"根据《展会知识产权保护办法》第十一条，现于{when}将本案移交贵局处理，请予接收。"
            "案件材料见附件。",
            f"The complaint {d.complaint_number}, accepted by the service center on "
            f"{d.accepted_at}, was complete on {complete}. Under Art. 11 of the Measures for IP "
            f"Protection at Exhibitions (2006), it is transferred to you on {when} for handling. "
            "The case materials are enclosed (see below).",
        ),
        fields(
            case_rows(d)
            + (
                [("移交期限", "Transfer due", d.transfer_due_at)]
                if d.transfer_due_at and not d.transferred_at
                else []
            )
        ),
        *parties_block(d, respondent=False),
        *rights_block(d),
        *section("被投诉人", "Respondents"),
        grid(
            [
                ("案件编号", "Case no."),
                ("被投诉人", "Respondent"),
                ("展位", "Booth"),
                ("涉嫌侵权展品", "Accused exhibits"),
            ],
            [
                [
                    c.number,
                    name_of(c.respondent.name_zh, c.respondent.name_en),
                    booth_text(c.respondent),
                    exhibits_cell(c.exhibits),
                ]
                for c in d.cases
            ],
            [19, 33, 22, 26],
        ),
        *section("投诉事实与理由", "Facts and grounds"),
        para(d.summary or "—", S.zh),
    ]
    if d.enclosures:
        out += [
            *section("附件", "Enclosures"),
            *[para(f"{i}. {item}", S.zh) for i, item in enumerate(d.enclosures, 1)],
        ]
    return out
