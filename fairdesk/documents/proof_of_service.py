# mypy: disable-error-code="import-untyped,import-not-found"
"""送达回证: who received which document, where, when and how."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from fairdesk.documents import labels as L
from fairdesk.documents.deadlines import BLANK_TIME_ZH
from fairdesk.documents.furniture import S, bi, fields, section, signature_lines
from fairdesk.documents.model import DocumentData
from fairdesk.documents.parts import booth_text, name_of


def _served_on(d: DocumentData) -> tuple[str, str]:
    """The party the served document went to (an agent receives for it, named as such),
    and where: a decision's complainant copy goes to the complainant at the center,
    anything else to the respondent at its booth."""
    if d.served is not None and d.served.copy == "complainant":
        c = d.complainant
        party = name_of(c.name, c.name_en).replace("\n", " / ")
        if d.agent is not None:
            agent = name_of(d.agent.name, d.agent.name_en).replace("\n", " / ")
            party += f"（代理人：{agent}）"
        return party, "本中心 / at the service center"
    r = d.respondent
    return (name_of(r.name_zh, r.name_en), booth_text(r)) if r else ("—", "—")


def _time_and_manner(d: DocumentData) -> tuple[str, str]:
    """The recorded time and manner when this is the notice of complaint and its service
    was recorded (the defence clock runs from it); otherwise lines to fill in by hand."""
    if d.served is None or d.served.kind != "complaint-notice":
        return BLANK_TIME_ZH, "____________"
    manner = L.both(L.SERVICE_MANNERS, d.service_manner) or "____________"
    return d.served_at or BLANK_TIME_ZH, manner


def story(d: DocumentData) -> list[Flowable]:
    served = d.served
    doc = (
        f"{served.title}（{served.number}，{served.issued_at}）\n{served.title_en}"
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
        ("签收人", "Received by", "____________"),
        ("拒收情况", "Refusal (if any)", "____________"),
    ]
    # Printed before anyone signs: it says what is to be served, not that it was received.
    return [
        *bi(
            "送达人于下列时间、地点将下列文书送达受送达人，送达情况如下：",
            "The server delivers the document below to the person served at the time and "
            "place below; what happened is recorded here:",
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
