# mypy: disable-error-code="import-untyped,import-not-found"
"""复查记录: whether the ordered measures were carried out."""

from __future__ import annotations

from reportlab.platypus import Flowable

from fairdesk.documents import labels as L
from fairdesk.documents.furniture import S, bi, box, fields, para, section, signature_lines
from fairdesk.documents.model import DocumentData
from fairdesk.documents.parts import case_rows, exhibits_block, measures_block, respondent_rows


def story(d: DocumentData) -> list[Flowable]:
    checked = [m for m in d.measures if m.rechecked_at]
    last = checked[-1]
    result = last.recheck_result or "passed"
    out: list[Flowable] = [
        fields(case_rows(d) + respondent_rows(d.respondent)),
        *section("复查结果", "Result"),
        box(
            [
                para(
                    f"{L.zh(L.RECHECK_RESULTS, result)}（{last.rechecked_at}）", S.notice, bold=True
                ),
                para(f"{L.en(L.RECHECK_RESULTS, result)} ({last.rechecked_at})", S.notice_en),
            ]
        ),
        *measures_block(d),
        *exhibits_block(d.exhibits),
    ]
    if d.escalation:
        out += [
            *section("升级处理", "Escalation"),
            *bi(L.zh(L.ESCALATIONS, d.escalation), L.en(L.ESCALATIONS, d.escalation)),
        ]
    out += [
        para("现场情况 Findings at the booth：", S.zh),
        para(last.note or "—", S.zh),
        signature_lines([("复查人员", "Inspector"), ("被投诉人", "Respondent")]),
    ]
    return out
