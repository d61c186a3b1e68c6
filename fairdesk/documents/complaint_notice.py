# mypy: disable-error-code="import-untyped,import-not-found"
"""投诉通知书: the respondent is told of the complaint, the defence deadline and what to file."""

from __future__ import annotations

from reportlab.platypus import Flowable

from fairdesk.documents import labels as L
from fairdesk.documents.furniture import S, bi, box, fields, para, section, signature_lines
from fairdesk.documents.model import DocumentData
from fairdesk.documents.parts import (
    case_rows,
    exhibits_block,
    party_rows,
    right_name,
    rights_block,
)
from fairdesk.domain import vocabulary as v
from fairdesk.domain.enums import MeasureType

TO_SUBMIT = [
    (
        "书面答辩意见（由被投诉人签字或盖章）",
        "a written statement of defence, signed or sealed by you",
    ),
    (
        "不侵权的证据，如现有技术或现有设计证据、合法来源证明、在先使用证据、权利人的许可",
        "evidence of non-infringement, e.g. prior art or prior design, proof of lawful source, "
        "prior use, or a licence from the right holder",
    ),
    ("营业执照或身份证明文件复印件", "a copy of your business licence or identity document"),
    ("委托代理人的，提交授权委托书", "a power of attorney if an agent acts for you"),
]


def story(d: DocumentData) -> list[Flowable]:
    r = d.respondent
    name = r.name_zh if r else ""
    name_en = (r.name_en or r.name_zh) if r else ""
    names = [right_name(x) for x in d.rights]
    rights = "、".join(zh for zh, _ in names) or "相关权利"
    rights_en = ", ".join(en for _, en in names) or "its rights"
    due = d.defence_due_at or "—"
    booth = r.booth if r else ""
    out: list[Flowable] = [
        para(f"{name}：", S.zh, bold=True),
        para(f"To {name_en}:", S.en),
        *bi(
            f"{d.complainant.name} 于 {d.received_at} 向本中心投诉，认为你方在本届展会"
            f"{booth} 展位展出的下列展品涉嫌侵犯其{rights}。本中心已受理该投诉，现通知你方。",
            f"On {d.received_at}, {d.complainant.name_en or d.complainant.name} complained to the "
            f"service center that the exhibits listed below, shown at your booth "
            f"{r.booth if r else ''}, infringe {rights_en}. The complaint has been accepted "
            "and you are hereby notified.",
        ),
        *section("答辩期限", "Defence deadline"),
        box(
            [
                para(f"请于 {due} 前向本中心提交书面答辩及证据。", S.notice, bold=True),
                para(
                    f"File your written defence and evidence with the service center by {due}.",
                    S.notice_en,
                ),
            ]
            + (
                bi(
                    f"（答辩期自本通知书送达时 {d.served_at} 起算。）",
                    f"(The period runs from the time this notice was served on you, "
                    f"{d.served_at}.)",
                )
                if d.served_at
                else []
            )
            + (
                bi(
                    "（答辩期截止于展会闭馆时间。）",
                    "(The period ends at the fair's closing time.)",
                )
                if d.defence_capped_at_close
                else []
            )
        ),
        *section("请提交的材料", "What to submit"),
    ]
    for i, (zh, en) in enumerate(TO_SUBMIT, 1):
        out += bi(f"{i}. {zh}", f"{i}. {en}")
    act = v.measures_phrase(
        (MeasureType.COVER, MeasureType.TAKE_DOWN, MeasureType.DISCONNECT_LINK), en_join=" or "
    )
    out += bi(
        "逾期未提交书面答辩及证据且无正当理由，或已有生效法律文书确认侵权，或你方承认侵权的，"
        f"展会主办方将立即采取{act.zh}等措施。",
        "If you file no written defence and evidence in time without good reason, or a court or "
        "administrative decision already confirms the infringement, or you admit it, the "
        f"organizer will act at once: {act.en}.",
    )
    out += exhibits_block(d.exhibits)
    out += rights_block(d)
    out += [
        *section("投诉人", "Complainant"),
        fields(
            party_rows(d.complainant, "投诉人", "Complainant")
            + case_rows(d)
            + [
                ("通知时间", "Notified", d.notified_at),
                ("送达时间", "Served", d.served_at),
                ("送达方式", "Manner of service", L.both(L.SERVICE_MANNERS, d.service_manner)),
            ]
        ),
        signature_lines([("被投诉人签收", "Received by the respondent")]),
    ]
    return out
