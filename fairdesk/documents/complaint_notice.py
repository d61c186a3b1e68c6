# mypy: disable-error-code="import-untyped,import-not-found"
"""投诉通知书: the respondent is told of the complaint, the defence deadline and what to file."""

from __future__ import annotations

from dataclasses import replace

from reportlab.platypus import Flowable, KeepTogether

from fairdesk.documents import labels as L
from fairdesk.documents.deadlines import (
    BLANK_TIME_EN,
    BLANK_TIME_ZH,
    defence_cut_by_close,
    hours,
)
from fairdesk.documents.furniture import S, bi, box, fields, para, section, signature_lines
from fairdesk.documents.model import DocumentData, RightView
from fairdesk.documents.parts import (
    accused_under,
    booth_words,
    case_rows,
    exhibits_with_rights,
    party_rows,
    rights_block,
    rights_of,
)
from fairdesk.documents.quantities import items_en, models, models_en, total
from fairdesk.domain import vocabulary as v
from fairdesk.domain.enums import MeasureType

TO_SUBMIT = [
    (
        "书面答辩意见（由被投诉人签字或盖章）",
        "a written statement of defence, signed or sealed by you",
    ),
    (
        "不构成侵权的证据，如现有技术或现有设计抗辩证据、先用权证据、权利人许可使用的证明；"
        "涉案专利已被宣告无效或正处于无效宣告程序中的证明（提供合法来源证明的，不影响停止展出）",
        "evidence that there is no infringement, e.g. prior art or prior design, a right of "
        "prior use, the right holder's licence; proof that the patent was declared invalid or "
        "that an invalidation request is pending (proof of a lawful source does not keep the "
        "exhibit on display)",
    ),
    ("营业执照或身份证明文件复印件", "a copy of your business licence or identity document"),
    ("委托代理人的，提交授权委托书", "a power of attorney if an agent acts for you"),
]


def _en_list(items: list[str]) -> str:
    return ", ".join(items[:-1]) + f" and {items[-1]}" if len(items) > 1 else "".join(items)


def _deadline(d: DocumentData) -> list[Flowable]:
    """By when to answer: from the recorded time of service, or, printed before service
    is recorded, a period from service with the time left blank to write in by hand."""
    if d.served_at:
        due = d.defence_due_at or "—"
        out: list[Flowable] = [
            para(f"请于{due}前向本中心提交书面答辩及证据。", S.notice, bold=True),
            para(
                f"File your written defence and evidence with the service center by {due}.",
                S.notice_en,
            ),
            *bi(
                f"（答辩期自本通知书送达时{d.served_at}起算。）",
                f"(The period runs from the time this notice was served on you, {d.served_at}.)",
            ),
        ]
    else:
        h = hours(d)
        out = [
            para(
                f"请自本通知书送达之时起{h}小时内向本中心提交书面答辩及证据。", S.notice, bold=True
            ),
            para(
                f"File your written defence and evidence with the service center within {h} "
                "hours of the time this notice is served on you.",
                S.notice_en,
            ),
            *bi(
                f"送达时间：{BLANK_TIME_ZH}（以送达回证记载为准）",
                f"Time of service: {BLANK_TIME_EN} (as the proof of service records it)",
            ),
        ]
    if d.defence_capped_at_close:
        out += bi(*defence_cut_by_close(d))
    return out


def _linked(d: DocumentData) -> DocumentData:
    """The notice's exhibits each with the rights it is accused under: those linked to it,
    or, while the desk has linked none, every right the complaint relies on."""
    every = tuple(r.number for r in d.rights)
    exhibits = tuple(
        x if accused_under(d, x) else replace(x, accused_under=every) for x in d.exhibits
    )
    return replace(d, exhibits=exhibits)


def _accused_rights(d: DocumentData) -> list[RightView]:
    """The rights the notice names, in its text and its rights table: only those some
    exhibit is accused under (a right no exhibit is accused under is not put to the
    respondent)."""
    named = {n for x in d.exhibits for n in x.accused_under}
    if len(d.rights) == 1:
        return list(d.rights)
    return [r for r in d.rights if r.number in named] or list(d.rights)


def _suspension(d: DocumentData) -> list[Flowable]:
    """A display suspended at intake (2006 Art 7(1)) is told to the respondent here too, not
    only on the booth notice: which exhibits, since when, on what basis."""
    m = next((m for m in d.measures if m.measure_type == MeasureType.SUSPEND_DISPLAY), None)
    if m is None:
        return []
    basis_zh, _, basis_en = d.fair.legal_basis.get("suspension", "").partition(" / ")
    what_zh, what_en, n = models(d.exhibits), models_en(d.exhibits), total(d.exhibits)
    count_zh, count_en = (f"，共{n}件", f", {items_en(n)}") if n else ("", "")
    what_zh = f"（{what_zh}{count_zh}）" if what_zh else ""
    what_en = f" ({what_en}{count_en})" if what_en else ""
    cite_zh = f"（{basis_zh.replace(' ', '')}）" if basis_zh else ""
    cite_en = f" ({basis_en})" if basis_en else ""
    lasts = v.SUSPENSION_LASTS
    return bi(
        f"本中心已于{m.ordered_at}{lasts.zh}暂停上述展品{what_zh}展出{cite_zh}，"
        "请勿重新展出上述展品。",
        f"Since {m.ordered_at} the display of the exhibits above{what_en} has been suspended "
        f"{lasts.en}{cite_en}. Do not display them again.",
    )


def _consequence() -> list[Flowable]:
    """What follows a missed defence, an earlier ruling or an admission: CNIPA Art 14's
    consequence, named here (the paper's own basis is the notice's)."""
    act = v.measures_phrase(
        (MeasureType.COVER, MeasureType.TAKE_DOWN, MeasureType.DISCONNECT_LINK), en_join=" or "
    )
    return bi(
        "根据《展会知识产权保护指引》第十四条，逾期未提交书面答辩及证据且无正当理由，"
        "或已有生效法律文书确认侵权，或你方承认侵权的，"
        f"展会主办方将立即采取{act.zh}等措施。",
        "Under Art. 14 of the CNIPA Guidelines for IP Protection at Exhibitions (2022), if you "
        "file no written defence and evidence in time without good reason, or a court or "
        "administrative decision already confirms the infringement, or you admit it, the "
        f"organizer will act at once: {act.en}.",
    )


def story(d: DocumentData) -> list[Flowable]:
    d = _linked(d)
    r = d.respondent
    name = r.name_zh if r else ""
    name_en = (r.name_en or r.name_zh) if r else ""
    rights, names_en = rights_of(_accused_rights(d), "其")  # a licensee's: the holder's
    rights = rights or "其相关权利"
    rights_en = _en_list(names_en) or "its rights"
    booth, booth_en = booth_words(r) if r else ("", "")
    out: list[Flowable] = [
        para(f"{name}：", S.zh, bold=True),
        para(f"To {name_en}:", S.en),
        *bi(
            f"{d.complainant.name}于{d.received_at}向本中心投诉，认为你方在本届展会"
            f"{booth}展出的下列展品涉嫌侵犯{rights}。本中心已受理该投诉，现通知你方。",
            f"On {d.received_at}, {d.complainant.name_en or d.complainant.name} complained to the "
            f"service center that the exhibits listed below, shown at your {booth_en}, "
            f"allegedly infringe {rights_en}. The complaint has been "
            "accepted and you are hereby notified.",
        ),
        # "下列展品": the exhibits, each with the rights it is accused under, follow at once.
        *exhibits_with_rights(d),
        *_suspension(d),
        *section("答辩期限", "Defence deadline"),
        box(_deadline(d)),
        *section("请提交的材料", "What to submit"),
    ]
    for i, (zh, en) in enumerate(TO_SUBMIT, 1):
        out += bi(f"{i}. {zh}", f"{i}. {en}")
    out += _consequence()
    out += rights_block(replace(d, rights=tuple(_accused_rights(d))))
    heading = section("投诉人", "Complainant")
    last = [
        *heading[1:],
        fields(
            # The respondent's paper: the complainant's phone and e-mail stay with the
            # center (as on the respondent's copy of a decision).
            party_rows(d.complainant, "投诉人", "Complainant", contact=False)
            # The case number is in the letterhead.
            + [row for row in case_rows(d) if row[0] != "案件编号"]
            + [
                ("通知书签发时间", "Notice issued", d.notified_at),
                ("送达时间", "Served", d.served_at or BLANK_TIME_ZH),
                ("送达方式", "Manner of service", L.both(L.SERVICE_MANNERS, d.service_manner)),
            ]
        ),
    ]
    # A line less: the signature stays on the page of the record above it, and the record
    # with the signature (never a page with the signature line alone; one KeepTogether:
    # a nested one moves to a new page even when it fits).
    signature = signature_lines([("被投诉人签收", "Received by the respondent")], date_beside=True)
    return [*out, heading[0], KeepTogether([*last, *signature._content])]
