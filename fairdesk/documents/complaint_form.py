# mypy: disable-error-code="import-untyped,import-not-found"
"""投诉登记表及承诺书: the complaint as registered, with the complainant's commitment."""

from __future__ import annotations

from reportlab.platypus import Flowable

from fairdesk.documents import labels as L
from fairdesk.documents.furniture import (
    S,
    bi,
    box,
    fields,
    grid,
    on_one_page,
    para,
    section,
    signature_lines,
)
from fairdesk.documents.model import DocumentData, ExhibitView
from fairdesk.documents.parts import (
    accused_under,
    booth_text,
    case_rows,
    dispute_respondents,
    name_of,
    parties_block,
    rights_block,
    sides,
)


def _exhibit(d: DocumentData, x: ExhibitView) -> str:
    """An exhibit with the rights it is accused under, each named in full as the other
    papers name it (kind, number, protection in China): "智能咖啡机 CM-101 ×2" then
    "ZL…号外观设计专利权" and "design patent ZL…", a line each."""
    head = f"{x.name} {x.model}".strip() + (f" ×{x.quantity}" if x.quantity else "")
    return "\n".join([head, *(f"{zh}\n{en}" for zh, en in accused_under(d, x))])


def story(d: DocumentData) -> list[Flowable]:
    if d.complaint_kind == "commercial":
        return _dispute(d)
    rows = case_rows(d) + [
        ("投诉状态", "Status", L.both(L.COMPLAINT_STATES, d.complaint_state)),
    ]
    out: list[Flowable] = [fields(rows)]
    out += parties_block(d, respondent=False)
    out += rights_block(d)
    out += [
        *section("被投诉人及涉嫌侵权展品", "Respondents and accused exhibits"),
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
                    "\n".join(_exhibit(d, x) for x in c.exhibits),
                ]
                for c in d.cases
            ],
            [18, 24, 16, 42],  # the booth with its hall and words needs room
        ),
        *section("投诉事实与理由", "Facts and grounds"),
        para(d.summary or "—", S.zh),
    ]
    # The commitment is signed on this paper: its text and the signature lines stay on one
    # page, and no "signed" is printed before anyone signs (the register records it later).
    out.extend(
        on_one_page(
            [
                *section("投诉人承诺书", "Complainant's commitment"),
                box(
                    bi(
                        "本投诉人承诺：所提交的投诉材料及证据真实、合法、有效，所主张的权利在中国境内"
                        "合法有效；如因投诉不实给被投诉人或展会主办方造成损失的，由本投诉人依法承担"
                        "相应的法律责任。",
                        "The complainant undertakes that the materials and evidence filed are "
                        "true, lawful and valid and that the rights relied on are valid in China, "
                        "and accepts the corresponding legal liability for any loss a false "
                        "complaint causes to the respondent or the organizer.",
                    )
                    + bi(
                        "□ 本投诉人已阅读并同意上述承诺。",
                        "□ The complainant has read and agrees to the commitment above.",
                    )
                ),
                signature_lines([("投诉人", "Complainant"), ("代理人", "Agent")]),
            ]
        )
    )
    return out


def _dispute(d: DocumentData) -> list[Flowable]:
    """A commercial dispute (contract, payment, service): no right, no accused exhibit and
    no IP commitment (Shanghai Regulations Art 40)."""
    rows = case_rows(d) + [("状态", "Status", L.both(L.COMPLAINT_STATES, d.complaint_state))]
    applicant = sides(d).complainant
    return [
        fields(rows),
        *parties_block(d, respondent=False),
        *rights_block(d),
        *dispute_respondents(d),
        *section("纠纷事实与请求", "Facts and request"),
        para(d.summary or "—", S.zh),
        signature_lines([(applicant.zh, applicant.en), ("代理人", "Agent")]),
    ]
