# mypy: disable-error-code="import-untyped,import-not-found"
"""受理回执: the complaint is accepted; what happens next."""

from __future__ import annotations

from reportlab.platypus import Flowable

from fairdesk.documents import labels as L
from fairdesk.documents.furniture import S, bi, fields, grid, para, section, signature_lines
from fairdesk.documents.model import DocumentData, RightView
from fairdesk.documents.parts import booth_text, case_rows, name_of, right_name, rights_block


def _article(d: DocumentData, reason: str) -> str:
    """The article of a refusal's reason, as the non-acceptance notice would cite it."""
    basis = d.fair.legal_basis
    return basis.get(f"non_acceptance_{reason}") or basis.get("non_acceptance", "")


def _refused_row(d: DocumentData, r: RightView) -> list[str]:
    zh, en = right_name(r)
    return [
        f"{zh}\n{en}",
        L.both(L.REJECT_REASONS, r.refused_reason),
        _article(d, r.refused_reason),
    ]


def refused_block(d: DocumentData) -> list[Flowable]:
    """Partial non-acceptance: the rights the complaint is not accepted for, each with its
    reason and the article of that reason; the rights above are the ones relied on."""
    if not d.refused_rights:
        return []
    return [
        *section("不予受理的权利", "Rights not accepted"),
        *bi(
            "本中心对投诉所依据的下列权利不予受理，本投诉仅就上表所列权利受理，"
            "处理意见亦仅以上表所列权利为依据。",
            "The service center does not accept the complaint for the rights below; it is "
            "accepted for the rights listed above only, and its opinion will rest on them alone.",
        ),
        grid(
            [("权利", "Right"), ("不予受理的理由", "Reason"), ("依据", "Legal basis")],
            [_refused_row(d, r) for r in d.refused_rights],
            [34, 33, 33],
        ),
    ]


def story(d: DocumentData) -> list[Flowable]:
    hours = f"{d.fair.defence_hours:g}"
    out: list[Flowable] = [
        para(f"{d.complainant.name}：", S.zh, bold=True),
        para(f"To {d.complainant.name_en or d.complainant.name}:", S.en),
        *bi(
            f"你方于 {d.received_at} 提交的投诉（投诉编号 {d.complaint_number}）材料齐备，"
            f"本中心已于 {d.accepted_at} 受理。本中心将通知被投诉人，并给予其 {hours} 小时答辩期。",
            f"Your complaint {d.complaint_number}, filed on {d.received_at}, is complete and was "
            f"accepted on {d.accepted_at}. The service center will notify each respondent and "
            f"give it {hours} hours to answer.",
        ),
    ]
    if d.authority:
        out += bi(
            f"本案将于受理后 24 小时内移交 {d.authority} 处理。",
            f"The case will be transferred to {d.authority} within 24 hours of acceptance.",
        )
    out += [
        fields(case_rows(d)),
        *rights_block(d),
        *refused_block(d),
        *section("被投诉人", "Respondents"),
        grid(
            [("案件编号", "Case no."), ("被投诉人", "Respondent"), ("展位", "Booth")],
            [
                [
                    c.number,
                    name_of(c.respondent.name_zh, c.respondent.name_en),
                    booth_text(c.respondent),
                ]
                for c in d.cases
            ],
            [22, 58, 20],
        ),
        signature_lines([("投诉人签收", "Received by the complainant")]),
    ]
    return out
