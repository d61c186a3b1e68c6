# mypy: disable-error-code="import-untyped,import-not-found"
"""送达回证: who received which document, where, when and how."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from fairdesk.documents import labels as L
from fairdesk.documents.furniture import S, bi, fields, section, signature_lines
from fairdesk.documents.model import DocumentData
from fairdesk.documents.parts import booth_text, name_of


def _served_on(d: DocumentData) -> tuple[str, str]:
    """The party the served document went to, and where: a decision's complainant copy
    goes to the complainant (or its agent) at the center, anything else to the respondent
    at its booth."""
    if d.served is not None and d.served.copy == "complainant":
        party = d.agent or d.complainant
        return name_of(party.name, party.name_en), "本中心 / at the service center"
    r = d.respondent
    return (name_of(r.name_zh, r.name_en), booth_text(r)) if r else ("—", "—")


def _time_and_manner(d: DocumentData) -> tuple[str, str]:
    """The recorded time and manner when this is the notice of complaint (the defence
    clock runs from it); otherwise blank, filled in by hand on service."""
    if d.served is not None and d.served.kind == "complaint-notice" and d.served_at:
        return d.served_at, L.both(L.SERVICE_MANNERS, d.service_manner) or ""
    return "", ""


def story(d: DocumentData) -> list[Flowable]:
    served = d.served
    doc = (
        f"{served.title} {served.title_en}（{served.number}，{served.issued_at}）"
        if served
        else "—"
    )
    party, place = _served_on(d)
    at, manner = _time_and_manner(d)
    rows = [
        ("送达文书", "Document served", doc),
        ("案件编号", "Case no.", d.case_number),
        ("受送达人", "Served on", party),
        ("送达地点", "Place of service", place),
        ("送达方式", "Manner of service", manner),
        ("送达时间", "Time of service", at),
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
