# mypy: disable-error-code="import-untyped,import-not-found"
"""受理回执: the complaint is accepted; what happens next."""

from __future__ import annotations

from reportlab.platypus import Flowable

from fairdesk.documents.furniture import (
    S,
    bi,
    fields,
    grid,
    keep_with_next,
    on_one_page,
    para,
    section,
    signature_lines,
)
from fairdesk.documents.model import DocumentData, RightView
from fairdesk.documents.non_acceptance import refusal_words
from fairdesk.documents.parts import (
    authority_names,
    booth_text,
    case_rows,
    dispute_respondents,
    exhibits_cell,
    name_of,
    right_name,
    rights_block,
    sides,
)
from fairdesk.documents.quantities import total


def _article(d: DocumentData, reason: str) -> str:
    """The article of a refusal's reason, as the non-acceptance notice would cite it."""
    basis = d.fair.legal_basis
    return basis.get(f"non_acceptance_{reason}") or basis.get("non_acceptance", "")


def _refused_row(d: DocumentData, r: RightView) -> list[str]:
    zh, en = right_name(r)
    why, why_en = refusal_words(r, r.refused_reason)
    return [
        f"{zh}\n{en}",
        f"{why}\n{why_en}",
        _article(d, r.refused_reason),
    ]


def refused_block(d: DocumentData) -> list[Flowable]:
    """Partial non-acceptance: the rights the complaint is not accepted for, each with its
    reason and the article of that reason; the rights above are the ones relied on."""
    if not d.refused_rights:
        return []
    intro = bi(
        "本中心对投诉所依据的下列权利不予受理，本投诉仅就上表所列权利受理，"
        "处理意见亦仅以上表所列权利为依据。",
        "The service center does not accept the complaint for the rights below; it is "
        "accepted for the rights listed above only, and its opinion will rest on them alone.",
    )
    return [
        *section("不予受理的权利", "Rights not accepted"),
        *keep_with_next(intro),  # the sentence with the table it introduces
        grid(
            [("权利", "Right"), ("不予受理的理由", "Reason"), ("依据", "Legal basis")],
            [_refused_row(d, r) for r in d.refused_rights],
            [34, 33, 33],
        ),
    ]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def counts(d: DocumentData) -> tuple[str, str]:
    """What the complaint holds, counted from what the receipt lists: rights, respondents,
    accused exhibits (the exhibits table's sum) and the materials handed in."""
    exhibits = tuple(x for c in d.cases for x in c.exhibits)
    n_rights, n_cases, n_items = len(d.rights), len(d.cases), total(exhibits)
    n_materials = len(d.enclosures)
    zh = f"本投诉涉及权利{n_rights}项、被投诉人{n_cases}家、涉嫌侵权展品{n_items}件"
    en = (
        f"The complaint concerns {_plural(n_rights, 'right')}, "
        f"{_plural(n_cases, 'respondent')} and {_plural(n_items, 'accused item')}"
    )
    if n_materials:
        zh += f"；收到投诉材料{n_materials}份（见下列清单）"
        en += f"; {_plural(n_materials, 'document')} received (listed below)"
    return zh + "。", en + "."


def _dispute(d: DocumentData) -> list[Flowable]:
    """A commercial dispute's receipt (Shanghai Regulations Art 40): the center mediates;
    no IP defence clock, no rights or exhibits to count, no IP material received."""
    w = sides(d)
    applicant, other = w.complainant, w.respondent
    out: list[Flowable] = [
        para(f"{d.complainant.name}：", S.zh, bold=True),
        para(f"To {d.complainant.name_en or d.complainant.name}:", S.en),
        *bi(
            f"你方于{d.received_at}提交的{w.matter.zh}调解申请（{w.matter.zh}编号"
            f"{d.complaint_number}），本中心已于{d.accepted_at}受理。"
            f"本中心将通知{other.zh}，并组织双方调解。",
            f"Your request for mediation of {w.matter.en} {d.complaint_number}, filed on "
            f"{d.received_at}, was accepted on {d.accepted_at}. The service center will "
            f"notify the {other.en.lower()} and arrange a mediation between the parties.",
        ),
        fields(case_rows(d)),
        *rights_block(d),  # the kind of dispute
        *dispute_respondents(d),
    ]
    if d.enclosures:
        out += [
            *section("收到的材料", "Materials received"),
            *[para(f"{i}. {item}", S.zh) for i, item in enumerate(d.enclosures, 1)],
        ]
    out.append(
        signature_lines([(f"{applicant.zh}签收", f"Received by the {applicant.en.lower()}")])
    )
    return out


def _transfer(d: DocumentData) -> list[Flowable]:
    """The time the transfer clock gives (24 natural hours, 2006 Art 11), or the transfer
    itself once done: a date the complainant can hold the center to."""
    if not d.authority:
        return []
    zh, en = authority_names(d.authority)
    if d.transferred_at:
        return bi(
            f"本案已于{d.transferred_at}移交{zh}。",
            f"The case was transferred to {en} on {d.transferred_at}.",
        )
    if d.transfer_due_at:
        return bi(
            f"本中心将于{d.transfer_due_at}前将本案移交{zh}。",
            f"The service center will transfer the case to {en} by {d.transfer_due_at}.",
        )
    return []


def story(d: DocumentData) -> list[Flowable]:
    if d.complaint_kind == "commercial":
        return _dispute(d)
    hours = f"{d.fair.defence_hours:g}"
    zh_count, en_count = counts(d)
    out: list[Flowable] = [
        para(f"{d.complainant.name}：", S.zh, bold=True),
        para(f"To {d.complainant.name_en or d.complainant.name}:", S.en),
        *bi(
            f"你方于{d.received_at}提交的投诉（投诉编号{d.complaint_number}）材料齐备，"
            f"本中心已于{d.accepted_at}受理。本中心将通知被投诉人，被投诉人应自通知送达之时起"
            f"{hours}小时内提交书面答辩及证据（展会闭幕时尚未届满的，截至闭幕时止）。",
            f"Your complaint {d.complaint_number}, filed on {d.received_at}, is complete and was "
            f"accepted on {d.accepted_at}. The service center will notify each respondent, which "
            f"must file its written defence and evidence within {hours} hours of being served "
            "(or by the close of the fair, if that comes first).",
        ),
        *bi(zh_count, en_count),
    ]
    out += [
        *_transfer(d),
        fields(case_rows(d)),
        *rights_block(d),
        *refused_block(d),
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
    ]
    if d.enclosures:
        out += [
            *section("收到的投诉材料", "Materials received"),
            *[para(f"{i}. {item}", S.zh) for i, item in enumerate(d.enclosures, 1)],
        ]
    signature = signature_lines([("投诉人签收", "Received by the complainant")])
    # Never alone on a last page: with the list's last item (or the table above it).
    return [*out[:-1], *on_one_page([out[-1], signature])]
