# mypy: disable-error-code="import-untyped,import-not-found"
"""不予受理通知书: why the complaint is not accepted."""

from __future__ import annotations

from reportlab.platypus import Flowable

from fairdesk.documents import labels as L
from fairdesk.documents.furniture import S, bi, box, fields, para, section, signature_lines
from fairdesk.documents.model import DocumentData
from fairdesk.documents.parts import case_rows, rights_block


def story(d: DocumentData) -> list[Flowable]:
    out: list[Flowable] = [
        para(f"{d.complainant.name}：", S.zh, bold=True),
        para(f"To {d.complainant.name_en or d.complainant.name}:", S.en),
        *bi(
            f"经审查，你方于 {d.received_at} 提交的投诉（投诉编号 {d.complaint_number}）"
            "不符合受理条件，本中心决定不予受理。",
            f"Having examined your complaint {d.complaint_number}, filed on {d.received_at}, "
            "the service center has decided not to accept it.",
        ),
        *section("不予受理的理由", "Reason"),
        box(bi(L.zh(L.REJECT_REASONS, d.reject_reason), L.en(L.REJECT_REASONS, d.reject_reason))),
    ]
    if d.note:
        out += [para(d.note, S.zh)]
    out += rights_block(d)
    out += [
        fields(case_rows(d)),
        *bi(
            "本通知不影响你方依法向人民法院起诉或向知识产权管理部门请求处理。",
            "This notice does not prevent you from bringing an action before a people's court "
            "or asking an IP authority to handle the matter.",
        ),
        signature_lines([("投诉人签收", "Received by the complainant")]),
    ]
    return out
