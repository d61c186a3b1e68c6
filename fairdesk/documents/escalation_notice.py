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
from fairdesk.documents.parts import case_rows, exhibits_block, exhibits_heading, measures_block

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


def _mid(words: str) -> str:
    return words[:1].lower() + words[1:]


def story(d: DocumentData) -> list[Flowable]:
    r = d.respondent
    checked = [m for m in d.measures if m.rechecked_at]
    last = checked[-1] if checked else None
    when = last.rechecked_at if last else "—"
    ordered = last.ordered_at if last else ""
    result = last.recheck_result if last and last.recheck_result else ""
    found = L.zh(L.RECHECK_RESULTS, result) if result else "未整改"
    found_en = _mid(L.en(L.RECHECK_RESULTS, result)) if result else "not carried out"
    if result == "redisplayed":  # the exhibit was back on display: the undertaking broken
        found, found_en = (
            "违反承诺重新展出",
            "the exhibit was displayed again against the undertaking",
        )
    order = f"本中心{ordered}《整改通知书》" if ordered else "《整改通知书》"
    order_en = f"the service center's remedial order of {ordered}" if ordered else "the order"
    taken_zh, taken_en = STEP_TAKEN.get(
        d.escalation, (L.zh(L.ESCALATIONS, d.escalation), L.en(L.ESCALATIONS, d.escalation))
    )
    return [
        para(f"{r.name_zh if r else ''}：", S.zh, bold=True),
        para(f"To {(r.name_en or r.name_zh) if r else ''}:", S.en),
        *bi(
            f"本中心于{when}复查发现，你方未按{order}的要求整改（{found}）。现作如下处理：",
            f"On {when} the service center's re-inspection found that you did not carry out "
            f"{order_en} ({found_en}). The following applies:",
        ),
        box([para(taken_zh, S.notice, bold=True), para(taken_en, S.notice_en)]),
        *measures_block(d),
        *exhibits_block(d.exhibits, *exhibits_heading(d)),
        # The objection, the numbers and the receipt on one page.
        KeepTogether(
            [
                *section("异议", "Objection"),
                *bi(
                    "你方对上述处理有异议的，可于收到本通知书后、展会闭幕前向本中心书面提出，"
                    "并附相关证据；异议期间不停止上述处理的执行。",
                    "If you object, tell the service center in writing, with your evidence, after "
                    "receiving this notice and before the fair closes; what is set out above "
                    "stays in force meanwhile.",
                ),
                fields(case_rows(d)),
                signature_lines([("被投诉人签收", "Received by the respondent")]),
            ]
        ),
    ]
