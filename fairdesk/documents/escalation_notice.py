# mypy: disable-error-code="import-untyped,import-not-found"
"""升级处理通知书: the re-inspection found the measures not kept, so the organizer goes
further under the exhibitor contract (leave the fair, cancel participation, ...)."""

from __future__ import annotations

from reportlab.platypus import Flowable

from fairdesk.documents import labels as L
from fairdesk.documents.furniture import S, bi, box, fields, para, section, signature_lines
from fairdesk.documents.model import DocumentData
from fairdesk.documents.parts import case_rows, exhibits_block, measures_block


def story(d: DocumentData) -> list[Flowable]:
    r = d.respondent
    checked = [m for m in d.measures if m.rechecked_at]
    last = checked[-1] if checked else None
    when = last.rechecked_at if last else "—"
    found = L.zh(L.RECHECK_RESULTS, last.recheck_result) if last and last.recheck_result else ""
    found_en = L.en(L.RECHECK_RESULTS, last.recheck_result) if last and last.recheck_result else ""
    return [
        para(f"{r.name_zh if r else ''}：", S.zh, bold=True),
        para(f"To {(r.name_en or r.name_zh) if r else ''}:", S.en),
        *bi(
            f"本中心于 {when} 复查发现，你方未按整改通知书的要求整改（{found or '未整改'}）。"
            "依据参展合同及下列规定，展会主办方决定采取以下措施：",
            f"On {when} the service center's re-inspection found that you did not carry out "
            f"the measures required of you ({found_en or 'not carried out'}). Under the "
            "exhibitor contract and the rules cited below, the organizer takes this step:",
        ),
        box(
            [
                para(L.zh(L.ESCALATIONS, d.escalation), S.notice, bold=True),
                para(L.en(L.ESCALATIONS, d.escalation), S.notice_en),
            ]
        ),
        *measures_block(d),
        *exhibits_block(d.exhibits),
        *section("异议", "Objection"),
        *bi(
            "你方对上述措施有异议的，可于收到本通知书后向本中心书面提出，并附相关证据；"
            "异议期间不停止上述措施的执行。",
            "If you object, tell the service center in writing with your evidence after "
            "receiving this notice; the step above stays in force meanwhile.",
        ),
        fields(case_rows(d)),
        signature_lines([("被投诉人签收", "Received by the respondent")]),
    ]
