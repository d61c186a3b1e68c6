# mypy: disable-error-code="import-untyped,import-not-found"
"""暂存展品清单: the exhibits kept in custody (暂存保管) until the fair ends."""

from __future__ import annotations

from reportlab.platypus import Flowable

from fairdesk.documents.furniture import S, bi, fields, para, section, signature_lines
from fairdesk.documents.model import DocumentData
from fairdesk.documents.parts import booth_text, case_rows, exhibits_block, name_of


def story(d: DocumentData) -> list[Flowable]:
    detains = [m for m in d.measures if m.measure_type == "detain"]
    m = detains[-1]
    r = d.respondent
    rows = case_rows(d) + [
        ("被投诉人", "Respondent", name_of(r.name_zh, r.name_en) if r else "—"),
        ("展位", "Booth", booth_text(r) if r else "—"),
        ("暂存时间", "Taken into custody", m.ordered_at),
        ("保管地点", "Kept at", m.storage_place),
        ("返还时间", "Returned on", m.returned_at),
    ]
    return [
        *bi(
            "下列展品经双方清点后由本中心暂存保管，展会结束后返还。",
            "The exhibits below were counted in the presence of both sides and are kept in "
            "storage by the service center until they are returned after the fair.",
        ),
        fields(rows),
        *exhibits_block(d.exhibits, "暂存展品", "Items detained"),
        para(m.note, S.zh) if m.note else para("", S.zh),
        *section("交接", "Hand-over"),
        signature_lines(
            [("被投诉人", "Respondent"), ("保管人", "Storekeeper"), ("返还签收", "Returned to")]
        ),
    ]
