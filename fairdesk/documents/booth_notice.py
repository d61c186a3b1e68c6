# mypy: disable-error-code="import-untyped,import-not-found"
"""展位公告: large print to post on a covered exhibit; its one QR code verifies it."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from fairdesk.documents import labels as L
from fairdesk.documents.furniture import QRFlowable, S, fields, para
from fairdesk.documents.model import DocumentData
from fairdesk.documents.parts import booth_text
from fairdesk.domain import vocabulary as v
from fairdesk.domain.enums import MeasureType

# What was done to the exhibits, as a visitor reads it (no quoted measure label).
_DONE: dict[str, tuple[str, str]] = {
    # A visitor does not know who "本中心" is: the center is named in full.
    MeasureType.DETAIN: (
        "已撤下并由展会知识产权保护与商事纠纷处理服务中心暂存保管",
        "they have been taken down and are kept by the fair's IP protection and commercial "
        "dispute service center",
    ),
    MeasureType.TAKE_DOWN: ("已撤下", "they have been taken down"),
    MeasureType.COVER: ("已遮盖", "they have been covered"),
}


def story(d: DocumentData, payload: str = "") -> list[Flowable]:
    m = d.measures[-1]
    word = L.MEASURES.words(m.measure_type).on_paper
    done, done_en = _DONE.get(
        m.measure_type, (f"已采取{word.zh}措施", f"this measure was taken: {word.en.lower()}")
    )
    zh = (
        f"本展位部分展品涉嫌侵犯他人知识产权，依据参展合同及本公告下方所列规定，{done}。"
        "请勿擅自揭除本公告，请勿移动或重新展出相关展品。"
    )
    en = (
        f"Some exhibits at this booth are suspected of infringing another's IP rights; under "
        f"the exhibitor contract and the rules cited below, {done_en}. Do not remove this "
        "notice, and do not move these exhibits or display them again."
    )
    if m.measure_type == MeasureType.SUSPEND_DISPLAY:  # at intake (2006 Measures Art 7(1))
        zh = (
            f"本展位部分展品因涉嫌侵犯他人知识产权，{v.SUSPENSION_LASTS.zh}暂停展出。"
            "请勿擅自揭除本公告，请勿重新展出相关展品。"
        )
        en = (
            "The display of some exhibits at this booth, suspected of infringing another's "
            f"IP rights, is suspended {v.SUSPENSION_LASTS.en}. Do not remove this notice, and do "
            "not display these exhibits again."
        )
    out: list[Flowable] = [
        Spacer(1, 4 * mm),
        para("知识产权保护公告", S.big, bold=True),
        para("IP protection notice", S.big_en),
        Spacer(1, 8 * mm),
        para(zh, S.notice, bold=True),
        para(en, S.notice_en),
        Spacer(1, 6 * mm),
        fields(
            [
                ("展位", "Booth", booth_text(d.respondent) if d.respondent else ""),
                ("案件编号", "Case no.", d.case_number),
                ("日期", "Date", d.issued_at),
            ]
        ),
        Spacer(1, 8 * mm),
    ]
    if payload:
        out += [
            QRFlowable(payload, 55 * mm),
            Spacer(1, 3 * mm),
            # A visitor verifies the notice; the case stays the desk's business.
            para("扫码核验本公告真伪 / Scan to verify this notice", S.copy),
        ]
    return out
