# mypy: disable-error-code="import-untyped,import-not-found"
"""进一步处理措施通知书: the re-inspection found the measures not kept, so the organizer goes
further under the exhibitor contract (leave the fair, cancel participation, ...).

What the organizer decides under the contract is said as decided; what the center only
proposes (a ban from the next edition, a credit referral) is said as a proposal (建议):
neither is the center's to decide."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

from fairdesk.documents import labels as L
from fairdesk.documents.furniture import S, bi, box, fields, para, section, signature_lines
from fairdesk.documents.model import DocumentData
from fairdesk.documents.parts import (
    accused,
    case_rows,
    exhibits_block,
    exhibits_heading,
    measures_block,
)
from fairdesk.domain.enums import MeasureType

STEP_TAKEN = {
    "leave_fair": (
        "根据参展合同，展会主办方要求你方撤出展会。",
        "Under the exhibitor contract, the organizer requires you to withdraw from the fair.",
    ),
    "cancel_participation": (
        "根据参展合同，展会主办方决定取消你方本届展会参展资格。",
        "Under the exhibitor contract, the organizer cancels your participation in this "
        "edition of the fair.",
    ),
    "propose_ban": (
        "本中心将向展会主办方提出禁止你方参加下一届展会的建议。",
        "The service center will propose to the organizer that you be barred from the next "
        "edition of the fair.",
    ),
    "credit_referral": (
        "本中心将向展会主办方提出将你方有关信息报送信用平台的建议。",
        "The service center will propose to the organizer that your case be reported to the "
        "credit platform.",
    ),
}


# The organizer's own decisions under the contract: the center serves them on its behalf
# (受主办方委托), and the organizer seals them.
ORGANIZER_DECIDES = frozenset({"leave_fair", "cancel_participation"})


def _mid(words: str) -> str:
    return words[:1].lower() + words[1:]


def _order(d: DocumentData, ordered: str) -> tuple[str, str]:
    """The remedial order gone beyond, by its date and document number."""
    if d.order is not None:
        return (
            f"本中心{d.order.issued_at}《整改通知书》（文书编号{d.order.number}）",
            f"the service center's remedial order of {d.order.issued_at} "
            f"(document no. {d.order.number})",
        )
    if ordered:
        return f"本中心{ordered}《整改通知书》", f"the service center's remedial order of {ordered}"
    return "《整改通知书》", "the order"


# How an exhibit comes back on display, by the measure it was under: Chinese, English.
_UNDONE: dict[str, tuple[str, str]] = {
    MeasureType.COVER: (
        "在涉案展品已遮盖后擅自揭除遮盖、重新展出",
        "you removed the cover from the exhibits and displayed them again",
    ),
    MeasureType.TAKE_DOWN: (
        "在涉案展品已撤下后擅自重新展出",
        "you displayed the exhibits again after they had been taken down",
    ),
    MeasureType.DETAIN: (
        "在涉案展品已撤下后擅自重新展出",
        "you displayed the exhibits again after they had been taken down",
    ),
}


def _broken(
    d: DocumentData, measure: str, signed: bool, order: str, order_en: str
) -> tuple[str, str]:
    """An exhibit displayed again: the undertaking broken (before the due time too), not an
    order left undone; an unsigned undertaking leaves the order's own terms."""
    done, done_en = _UNDONE.get(
        measure, ("擅自重新展出涉案展品", "you displayed the exhibits again")
    )
    if signed:  # the undertaking is signed on the order itself
        return (
            f"你方{done}，违反你方在{order}上签署的承诺书",
            f"{done_en}, breaking the undertaking you signed on {order_en}",
        )
    return f"你方{done}，违反{order}的要求", f"{done_en}, against {order_en}"


def story(d: DocumentData) -> list[Flowable]:
    r = d.respondent
    checked = [m for m in d.measures if m.rechecked_at]
    last = checked[-1] if checked else None
    when = last.rechecked_at if last else "—"
    ordered = last.ordered_at if last else ""
    result = last.recheck_result if last and last.recheck_result else ""
    order, order_en = _order(d, ordered)
    if result == "redisplayed" and last is not None:
        found, found_en = _broken(d, last.measure_type, last.undertaking_signed, order, order_en)
    else:
        what = L.zh(L.RECHECK_RESULTS, result) if result else "未整改"
        what_en = _mid(L.en(L.RECHECK_RESULTS, result)) if result else "not carried out"
        found = f"你方未按{order}的要求整改（{what}）"
        found_en = f"you did not carry out {order_en} ({what_en})"
    accused_zh, accused_en = accused(d)
    taken_zh, taken_en = STEP_TAKEN.get(
        d.escalation, (L.zh(L.ESCALATIONS, d.escalation), L.en(L.ESCALATIONS, d.escalation))
    )
    signers = [("被投诉人签收", "Received by the respondent")]
    if d.escalation in ORGANIZER_DECIDES:
        taken_zh = f"受展会主办方委托，本中心通知如下：{taken_zh}"
        taken_en = f"On behalf of the organizer, the service center gives notice: {taken_en}"
        signers.insert(0, ("展会主办方", "The organizer"))
    return [
        para(f"{r.name_zh if r else ''}：", S.zh, bold=True),
        para(f"To {(r.name_en or r.name_zh) if r else ''}:", S.en),
        *bi(
            f"本中心于{when}复查发现，{found}。涉案展品{accused_zh}。现作如下处理：",
            f"On {when} the service center's re-inspection found that {found_en}. The exhibits "
            f"allegedly infringe {accused_en}. The following applies:",
        ),
        box([para(taken_zh, S.notice, bold=True), para(taken_en, S.notice_en)]),
        # (whether the undertaking is signed is said above, where it matters)
        *measures_block(
            d,
            undertaking=False,
            heading=("原整改措施及复查情况", "Measures ordered and re-inspection"),
        ),
        *exhibits_block(d.exhibits, *exhibits_heading(d)),
        # The objection, the numbers and the receipt on one page.
        KeepTogether(
            [
                *section("异议", "Objection"),
                *bi(
                    "你方对上述处理有异议的，可自收到本通知书之时起2小时内（最迟于展会闭幕前）"
                    "向本中心书面提出，并附相关证据；异议期间不停止上述处理的执行。",
                    "If you object, tell the service center in writing, with your evidence, "
                    "within 2 hours of receiving this notice (before the fair closes at the "
                    "latest); what is set out above stays in force meanwhile.",
                ),
                fields(case_rows(d)),
                signature_lines(signers),
            ]
        ),
    ]
