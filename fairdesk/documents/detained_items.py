# mypy: disable-error-code="import-untyped,import-not-found"
"""暂存展品清单: the exhibits kept in custody (暂存保管) until the fair ends."""

from __future__ import annotations

from reportlab.platypus import Flowable

from fairdesk.documents.furniture import S, bi, fields, para, section, signature_lines
from fairdesk.documents.model import DocumentData
from fairdesk.documents.parts import booth_text, case_rows, exhibits_block, name_of
from fairdesk.documents.quantities import total_line


def story(d: DocumentData) -> list[Flowable]:
    detains = [m for m in d.measures if m.measure_type == "detain"]
    m = detains[-1]
    r = d.respondent
    place = m.storage_place or "本中心"
    rows = case_rows(d) + [
        ("被投诉人", "Respondent", name_of(r.name_zh, r.name_en) if r else "—"),
        ("展位", "Booth", booth_text(r) if r else "—"),
        ("暂存时间", "Taken into safekeeping", m.ordered_at),
        ("保管地点", "Kept at", m.storage_place),
        # Written by hand when the goods go back, unless the return is already recorded.
        ("返还时间", "Returned on", m.returned_at or "____年__月__日__时__分"),
    ]
    zh_total, en_total = total_line(d.exhibits)
    out: list[Flowable] = [
        *bi(
            "下列展品经被投诉人与本中心共同清点后，由本中心暂存保管。展会闭幕后，被投诉人凭本清单"
            f"至{place}领回。本中心对暂存展品仅负妥善保管责任。",
            "The exhibits below were counted together by the respondent and the service center "
            "and are held in safekeeping by the service center. After the fair closes the "
            f"respondent collects them at {m.storage_place or 'the service center'} on "
            "presenting this list. The service center is responsible only for keeping them "
            "with due care.",
        ),
        fields(rows),
        *exhibits_block(d.exhibits, "暂存展品", "Exhibits held in safekeeping"),
        para(f"{zh_total}　{en_total}", S.zh, bold=True),
    ]
    # The measure's note is the order's wording, not a count: the list prints only what
    # was counted, so it never states two numbers for the same goods.
    out += [
        *section("交接", "Hand-over"),
        signature_lines(
            [("被投诉人", "Respondent"), ("保管人", "Storekeeper"), ("返还签收", "Returned to")]
        ),
    ]
    return out
