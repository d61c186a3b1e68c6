# mypy: disable-error-code="import-untyped,import-not-found"
"""补正材料通知书: the complainant is told which materials are missing, and by when."""

from __future__ import annotations

import re

from reportlab.platypus import Flowable

from fairdesk.documents.deadlines import on_last_day, supplement_cut_by_close
from fairdesk.documents.furniture import S, bi, box, fields, para, section, signature_lines
from fairdesk.documents.model import DocumentData
from fairdesk.documents.parts import case_rows, name_of
from fairdesk.domain.normalize import has_cjk


def _items(missing: str) -> list[str]:
    """The missing items one a line ("1. …；2. …" or one per line as typed), each without
    the closing mark some were typed with, so the list reads evenly."""
    parts = re.split(r"[；;\n]+\s*(?=\d+[.、．])|\n+", missing.strip())
    items = [p.strip().rstrip("。；;，,").rstrip() for p in parts]
    return [item for item in items if item] or ["—"]


def _listed(items: list[str]) -> list[Flowable]:
    """The items, each as given ("中文 / English" from the checklist); an item the desk typed
    in Chinese only is said to be the original text, on a paper foreign parties read."""
    out = [para(item, S.zh) for item in items]
    if any(has_cjk(item) and " / " not in item for item in items):
        out += bi(
            "注：未附英文的事项为原文。",
            "Note: items without English are given in the original text, in Chinese.",
            (S.small, S.small),
        )
    return out


def story(d: DocumentData) -> list[Flowable]:
    who = name_of(d.complainant.name, d.complainant.name_en).replace("\n", " / ")
    due = d.supplement_due_at or "—"
    # A deadline the close cuts short: refusing for a missed half hour would not hold;
    # the complainant is told where to go after the fair instead (2006 Art 9).
    if on_last_day(d.supplement_due_at, d):
        ask_zh, ask_en = supplement_cut_by_close(d)
    else:
        ask_zh = f"请于{due}前补正下列材料；逾期未补正的，本中心将不予受理。"
        ask_en = (
            f"Please supply the items below by {due}. If they are not supplied in time, the "
            "complaint will not be accepted."
        )
    out: list[Flowable] = [
        para(f"{d.complainant.name}：", S.zh, bold=True),
        para(f"To {d.complainant.name_en or d.complainant.name}:", S.en),
        *bi(
            f"你方于{d.received_at}向本中心提交的投诉（投诉编号{d.complaint_number}）"
            f"材料不齐备。{ask_zh}",
            f"The materials of your complaint {d.complaint_number}, filed on {d.received_at}, "
            f"are incomplete. {ask_en}",
        ),
        *section("需补正的材料", "Materials to supplement"),
        box(_listed(_items(d.missing_items))),
        fields(case_rows(d) + [("投诉人", "Complainant", who)]),
        signature_lines([("投诉人签收", "Received by the complainant")]),
    ]
    return out
