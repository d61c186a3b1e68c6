# mypy: disable-error-code="import-untyped,import-not-found"
"""调解笔录及和解协议: the mediation, and the settlement when the parties agree.

A service center is not a mediation body set up by law (人民调解委员会 or a registered
commercial mediation organization) unless the fair says so, and domain.md says nothing
of the kind: the agreement is printed as a civil contract, with no promise of judicial
confirmation the parties might not get."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from fairdesk.documents.furniture import (
    CENTER_ZH,
    S,
    bi,
    box,
    fields,
    on_one_page,
    para,
    section,
    signature_lines,
)
from fairdesk.documents.model import DocumentData
from fairdesk.documents.parts import (
    case_rows,
    exhibits_of,
    only_rights_accused,
    parties_side_by_side,
    rights_block,
    sides,
)
from fairdesk.documents.quantities import items_en, models, models_en, total


def _mediator(d: DocumentData) -> str:
    """Who opened the mediation (the snapshot carries the mediation's events)."""
    return d.timeline[0].user if d.timeline else ""


_BLANK = "__________"


def _attendees(d: DocumentData) -> str:
    """Who sat at the table and in what capacity, written in by hand: the register knows
    the parties, not the persons who came for them (an agent's firm is named). Each line
    in Chinese, its English beneath."""
    w = sides(d)
    c, r = w.complainant, w.respondent
    if d.agent is not None:
        people = [
            f"{c.zh}委托代理人{_BLANK}（{d.agent.name}）",
            f"{c.en}'s agent (name, firm)",
        ]
    elif d.complainant.kind == "person":
        people = [f"{c.zh}本人{d.complainant.name}", f"{c.en} in person"]
    else:
        people = [
            f"{c.zh}代表{_BLANK}（职务{_BLANK}）",
            f"{c.en}'s representative (name, position)",
        ]
    if d.respondent is not None:
        people += [
            f"{r.zh}代表{_BLANK}（职务{_BLANK}）",
            f"{r.en}'s representative (name, position)",
        ]
    return "\n".join(people)


def _agreement(d: DocumentData) -> list[Flowable]:
    goods: list[Flowable] = []
    if d.exhibits:  # the goods the terms are about, counted from the table, not the text
        n = total(d.exhibits)
        goods = bi(
            f"涉案展品：{models(d.exhibits)}，共{n}件（以上表所列为准）。",
            f"Exhibits concerned: {models_en(d.exhibits)}, {items_en(n)} in all (as listed above).",
        )
    return [
        *section("调解协议书", "Mediation agreement"),
        box(
            [
                para(
                    "协议内容及履行方式、期限 Terms, and how and by when they are performed：",
                    S.zh,
                ),
                para(d.settlement_terms, S.zh),
                *goods,
                # The case is SETTLED, a finished state, when the parties agree: the
                # paper says so, and what a party can do if the other does not perform.
                *bi(
                    "双方确认上述条款系自愿达成，应按约定的方式和期限履行。"
                    "本协议签署后本案结案；一方不履行的，另一方可依法主张权利。",
                    "The parties confirm that they agreed to these terms freely and will "
                    "perform them as and when agreed. The case is closed when this agreement "
                    "is signed; if one party does not perform, the other may assert its "
                    "rights at law.",
                ),
                *bi(
                    "本协议经双方签字（盖章）后成立，具有民事合同性质，双方应当按约履行。",
                    "This agreement is made when both parties sign (or seal) it; it is a civil "
                    "contract and both parties shall perform it as agreed.",
                ),
            ]
        ),
        fields([("达成协议时间", "Agreed on", d.closed_at)]),
    ]


def story(d: DocumentData) -> list[Flowable]:
    out: list[Flowable] = [
        fields(
            case_rows(d)
            + [
                ("调解开始", "Mediation started", d.mediation_started_at),
                ("地点", "Place", f"{d.fair.venue}{CENTER_ZH}".strip()),
                ("调解员", "Mediator", _mediator(d)),
                ("参加人员", "Present", _attendees(d)),
            ]
        ),
        # Side by side: half the height, so the terms and the signatures share a page
        # with the record rather than fill a third one.
        *parties_side_by_side(d),
        *rights_block(only_rights_accused(d)),
        *exhibits_of(d),
        *section("调解情况", "Course of the mediation"),
        *bi(
            f"在本中心主持下，双方当事人自愿就上述{sides(d).matter.zh}进行调解。",
            "Chaired by the service center, the parties mediated voluntarily.",
        ),
        para("双方陈述要点 What each party stated：", S.zh),
        box([Spacer(1, 24 * mm)]),
    ]
    w = sides(d)
    signatures = signature_lines(
        [
            (w.complainant.zh, w.complainant.en),
            (w.respondent.zh, w.respondent.en),
            ("调解员", "Mediator"),
        ]
    )
    # The parties sign on the page that carries the terms they agree to.
    if d.settlement_terms:
        return [*out, *on_one_page([*_agreement(d), signatures])]
    return [
        *out,
        *on_one_page([para("调解记录 Record：", S.zh), box([Spacer(1, 30 * mm)]), signatures]),
    ]
