# mypy: disable-error-code="import-untyped,import-not-found"
"""复查记录: whether the ordered measures were carried out, who checked and what they saw."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from fairdesk.documents import labels as L
from fairdesk.documents.furniture import (
    S,
    bi,
    box,
    fields,
    on_one_page,
    para,
    section,
    signature_lines,
)
from fairdesk.documents.model import DocumentData, EventView
from fairdesk.documents.parts import (
    exhibits_block,
    exhibits_heading,
    measures_block,
    respondent_rows,
)
from fairdesk.documents.quantities import total_line
from fairdesk.domain.normalize import has_cjk

# The inspector's free text: CJK wrapping lets a closing "。" hang past the line's end, so
# a line that fills exactly would run onto the margin; one character's room keeps it in.
_FREE_TEXT = ParagraphStyle("zh_free_text", parent=S.zh, rightIndent=S.zh.fontSize)


def _check(d: DocumentData) -> EventView | None:
    """The re-inspection step this record is of (the snapshot carries those events): who
    inspected, when, and the note they wrote at the booth."""
    return d.timeline[-1] if d.timeline else None


def story(d: DocumentData) -> list[Flowable]:
    checked = [m for m in d.measures if m.rechecked_at]
    last = checked[-1]
    result = last.recheck_result or "passed"
    check = _check(d)
    inspector = check.user if check else ""
    zh_total, en_total = total_line(d.exhibits)
    out: list[Flowable] = [
        # The complaint's numbers on one small line (the header carries the case number),
        # so that the record and its signatures keep to one page.
        *bi(
            f"投诉编号 {d.complaint_number}（{L.zh(L.CHANNELS, d.channel)}，{d.received_at}）"
            f" · 案件编号 {d.case_number}",
            f"Complaint {d.complaint_number} ({L.en(L.CHANNELS, d.channel)}, {d.received_at})"
            f" · case {d.case_number}",
            (S.small, S.small),
        ),
        fields(
            respondent_rows(d.respondent)[:2]  # name and booth: this is no contact sheet
            # (the time is in the result below: the record keeps to one page)
            + [("复查人员", "Inspector", inspector)]
        ),
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
        *exhibits_block(d.exhibits, *exhibits_heading(d)),
        para(f"{zh_total}　{en_total}", S.zh),
    ]
    if d.escalation:
        out += [
            *section("升级处理", "Escalation"),
            *bi(L.zh(L.ESCALATIONS, d.escalation), L.en(L.ESCALATIONS, d.escalation)),
        ]
    # The inspector's own words only (never the order's reason reprinted), and the
    # signatures on the same page as what they sign.
    finding: list[Flowable] = []
    if check is not None and check.reason:
        finding = [
            para("现场情况：", S.zh),  # the label's two languages on two lines, as elsewhere
            # The inspector's words as written: an English reader is told they stay untranslated.
            para(
                "Findings at the booth (original text):"
                if has_cjk(check.reason)
                else "Findings at the booth:",
                S.en,
            ),
            para(check.reason, _FREE_TEXT),
        ]
    signatures = signature_lines([("复查人员", "Inspector"), ("被投诉人", "Respondent")])
    return [*out, *on_one_page([*finding, signatures])]
