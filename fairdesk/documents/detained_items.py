# mypy: disable-error-code="import-untyped,import-not-found"
"""暂存展品清单: the exhibits kept in custody (暂存保管) until the fair closes."""

from __future__ import annotations

from reportlab.platypus import Flowable

from fairdesk.documents.furniture import (
    S,
    bi,
    fields,
    on_one_page,
    para,
    section,
    signature_lines,
)
from fairdesk.documents.model import DocumentData
from fairdesk.documents.parts import (
    booth_text,
    case_rows,
    custody_return,
    exhibits_block,
    name_of,
)
from fairdesk.documents.quantities import total_line


def _order(d: DocumentData, ordered_at: str) -> tuple[str, str]:
    """The remedial order this list carries out, by its date and document number."""
    if d.order is None:
        return (
            f"本中心{ordered_at}《整改通知书》",
            f"the service center's remedial order of {ordered_at}",
        )
    o = d.order
    return (
        f"本中心{o.issued_at}《整改通知书》（文书编号{o.number}）",
        f"the service center's remedial order of {o.issued_at} (document no. {o.number})",
    )


def story(d: DocumentData) -> list[Flowable]:
    detains = [m for m in d.measures if m.measure_type == "detain"]
    m = detains[-1]
    r = d.respondent
    place = m.storage_place or "本中心"
    # The complaint's number only: the header carries the case number, and the list keeps
    # to one page with its hand-over signatures.
    rows = case_rows(d)[:1] + [
        ("被投诉人", "Respondent", name_of(r.name_zh, r.name_en) if r else "—"),
        ("展位", "Booth", booth_text(r) if r else "—"),
        ("暂存时间", "Taken into safekeeping", m.ordered_at),
        ("保管地点", "Kept at", m.storage_place),
        # Written by hand when the goods go back, unless the return is already recorded.
        ("返还时间", "Returned on", m.returned_at or "____年__月__日__时__分"),
    ]
    zh_total, en_total = total_line(d.exhibits)
    order_zh, order_en = _order(d, m.ordered_at)
    after_zh, after_en = custody_return(d)
    # The window's end, from the fair's calendar (papers issued before it was kept: none).
    ends_zh = f"（{d.move_out_until}）" if d.move_out_until else ""
    ends_en = f" at {d.move_out_until}" if d.move_out_until else ""
    out: list[Flowable] = [
        *bi(
            f"依据{order_zh}，下列展品经被投诉人与本中心共同清点后，由本中心暂存保管。"
            f"被投诉人应于{after_zh}、撤展结束{ends_zh}前凭本清单至{place}领回；"
            "撤展结束前未领取的，本中心将通知被投诉人并按参展合同约定处理，由此产生的费用由被投诉人"
            "承担。本中心对暂存展品仅负妥善保管责任。",
            # The place is typed in Chinese: the English line says whose it is instead.
            f"Under {order_en}, the exhibits below, counted together by the respondent and "
            "the service center, are held in safekeeping by the service center. The respondent "
            f"collects them {after_en} and before move-out ends{ends_en}, at the storage place "
            "named below, on presenting this list. If they are not collected by then, the "
            "service center will notify the respondent and deal with them as the exhibitor "
            "contract provides, at the respondent's expense. The service center is responsible "
            "only for keeping them with due care.",
        ),
        fields(rows),
        *exhibits_block(d.exhibits, "暂存展品", "Exhibits held in safekeeping"),
        para(f"{zh_total}　{en_total}", S.zh, bold=True),
    ]
    # The measure's note is the order's wording, not a count: the list prints only what
    # was counted, so it never states two numbers for the same goods.
    return [
        *out,
        *on_one_page(
            [
                *section("交接", "Hand-over"),
                signature_lines(
                    [
                        ("被投诉人", "Respondent"),
                        ("保管人", "Storekeeper"),
                        ("返还签收", "Returned to"),
                    ]
                ),
            ]
        ),
    ]
