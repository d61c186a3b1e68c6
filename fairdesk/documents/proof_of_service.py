# mypy: disable-error-code="import-untyped,import-not-found"
"""送达回证: who received which document, where and when."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from fairdesk.documents.furniture import S, bi, fields, section, signature_lines
from fairdesk.documents.model import DocumentData
from fairdesk.documents.parts import booth_text, name_of


def story(d: DocumentData) -> list[Flowable]:
    served = d.served
    r = d.respondent
    doc = (
        f"{served.title} {served.title_en}（{served.number}，{served.issued_at}）"
        if served
        else "—"
    )
    rows = [
        ("送达文书", "Document served", doc),
        ("案件编号", "Case no.", d.case_number),
        ("受送达人", "Served on", name_of(r.name_zh, r.name_en) if r else "—"),
        ("送达地点", "Place of service", booth_text(r) if r else "—"),
        ("送达方式", "Manner of service", "直接送达 / delivered in person at the booth"),
        ("送达时间", "Time of service", ""),
        ("签收人", "Received by", ""),
        ("拒收情况", "Refusal (if any)", ""),
    ]
    return [
        *bi(
            "本中心已将下列文书送达受送达人，受送达人签收如下。",
            "The service center has served the document below; receipt is acknowledged below.",
        ),
        fields(rows),
        Spacer(1, 3 * mm),
        *section("见证", "Witness"),
        *bi(
            "受送达人拒绝签收的，由送达人注明情况并由见证人签字。",
            "If the recipient refuses to sign, the server notes this and a witness signs.",
            (S.zh, S.en),
        ),
        signature_lines([("受送达人", "Recipient"), ("送达人", "Server"), ("见证人", "Witness")]),
    ]
