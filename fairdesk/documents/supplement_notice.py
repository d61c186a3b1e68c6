# mypy: disable-error-code="import-untyped,import-not-found"
"""补正材料通知书: the complainant is told which materials are missing, and by when."""

from __future__ import annotations

from reportlab.platypus import Flowable

from fairdesk.documents.furniture import S, bi, box, fields, para, section, signature_lines
from fairdesk.documents.model import DocumentData
from fairdesk.documents.parts import case_rows, name_of


def story(d: DocumentData) -> list[Flowable]:
    who = name_of(d.complainant.name, d.complainant.name_en).replace("\n", " / ")
    due = d.supplement_due_at or "—"
    out: list[Flowable] = [
        para(f"{d.complainant.name}：", S.zh, bold=True),
        para(f"To {d.complainant.name_en or d.complainant.name}:", S.en),
        *bi(
            f"你方于 {d.received_at} 向本中心提交的投诉（投诉编号 {d.complaint_number}）"
            "材料不齐备。"
            f"请于 {due} 前补正下列材料；逾期未补正的，本中心将不予受理。",
            f"The materials of your complaint {d.complaint_number}, filed on {d.received_at}, "
            f"are incomplete. Please supply the items below by {due}; if they are not "
            "supplied in time, the complaint will not be accepted.",
        ),
        *section("需补正的材料", "Materials to supplement"),
        box([para(d.missing_items or "—", S.zh)]),
        fields(case_rows(d) + [("投诉人", "Complainant", who)]),
        signature_lines([("投诉人签收", "Received by the complainant")]),
    ]
    return out
