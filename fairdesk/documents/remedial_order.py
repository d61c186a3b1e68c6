# mypy: disable-error-code="import-untyped,import-not-found"
"""整改通知书及承诺书: the measures ordered, and the respondent's undertaking."""

from __future__ import annotations

from reportlab.platypus import Flowable

from fairdesk.documents import labels as L
from fairdesk.documents.furniture import S, bi, box, fields, para, section, signature_lines
from fairdesk.documents.model import DocumentData
from fairdesk.documents.parts import case_rows, exhibits_block, measures_block
from fairdesk.domain import vocabulary as v
from fairdesk.domain.enums import MeasureType


def story(d: DocumentData) -> list[Flowable]:
    r = d.respondent
    latest = d.measures[-1] if d.measures else None
    what = L.zh(L.MEASURES, latest.measure_type) if latest else ""
    what_en = L.en(L.MEASURES, latest.measure_type) if latest else ""
    what_en = what_en[:1].lower() + what_en[1:]  # inside a sentence
    then = v.measures_phrase((MeasureType.WITHDRAW_FROM_FAIR, MeasureType.CANCEL_PARTICIPATION))
    # The measures named as measures (the organizer does not withdraw; it has it done).
    withdraw = v.MEASURES.words(MeasureType.WITHDRAW_FROM_FAIR).on_paper.en
    cancel = v.MEASURES.words(MeasureType.CANCEL_PARTICIPATION).on_paper.en
    due = d.recheck_due_at or (latest.due_at if latest else "") or "—"
    booth = r.booth if r else ""
    out: list[Flowable] = [
        para(f"{r.name_zh if r else ''}：", S.zh, bold=True),
        para(f"To {(r.name_en or r.name_zh) if r else ''}:", S.en),
        *bi(
            f"经审查，本中心于 {d.decided_at} 初步认定你方在 {booth} 展位展出的下列展品"
            f"侵权（案件编号 {d.case_number}）。现要求你方立即{what}，"
            f"并于 {due} 前整改完毕，本中心将进行复查。",
            f"On {d.decided_at} the service center found, preliminarily, that the exhibits below "
            f"at your booth {r.booth if r else ''} infringe (case {d.case_number}). You are "
            f"ordered to {what_en} at once, and to complete this by {due}; the service center "
            "will re-inspect.",
        ),
        *measures_block(d),
        *exhibits_block(d.exhibits),
        *section("被投诉人承诺书", "Respondent's undertaking"),
        box(
            bi(
                "本单位承诺：立即按上述要求整改，展会期间不再以任何形式展出、宣传、销售上述展品；"
                f"如违反承诺，同意主办方依据参展合同采取{then.zh}等措施，并承担相应责任。",
                "We undertake to carry out the measures above at once and, for the rest of the "
                "fair, not to display, promote or sell the exhibits above in any form. If we break "
                "this undertaking we accept that the organizer may, under the exhibitor contract, "
                f"take measures such as “{withdraw}” or “{cancel}”, and we accept liability.",
            )
            + (
                # The paper never says "signed" above an empty signature line: a signature
                # given earlier is on the copy kept on file.
                [
                    para(
                        "被投诉人已于现场签署本承诺书，签署件存档。"
                        " / The respondent signed this undertaking at the booth; the signed "
                        "copy is on file.",
                        S.small,
                    )
                ]
                if latest and latest.undertaking_signed
                else []
            )
        ),
        fields(case_rows(d)),
        signature_lines([("被投诉人", "Respondent")]),
    ]
    return out
