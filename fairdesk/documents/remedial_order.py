# mypy: disable-error-code="import-untyped,import-not-found"
"""整改通知书及承诺书: the measures ordered, and the respondent's undertaking."""

from __future__ import annotations

from reportlab.platypus import Flowable

from fairdesk.documents import labels as L
from fairdesk.documents.decision import _in_voice
from fairdesk.documents.furniture import S, bi, box, on_one_page, para, section, signature_lines
from fairdesk.documents.model import DocumentData, ExhibitView
from fairdesk.documents.parts import (
    accused,
    booth_words,
    exhibits_block,
    exhibits_heading,
    measures_block,
)
from fairdesk.documents.quantities import items_en, models, models_en, total
from fairdesk.domain import vocabulary as v
from fairdesk.domain.enums import DecisionTrigger, MeasureType

# What the respondent is asked to do with the exhibits, the object named in the sentence
# ({what} is the exhibits with their models and count): Chinese, English.
_ASKED: dict[str, tuple[str, str]] = {
    MeasureType.DETAIN: (
        "立即将{what}撤下，交由本中心暂存保管",
        "take {what} down at once and hand them to the service center for safekeeping",
    ),
    MeasureType.TAKE_DOWN: ("立即将{what}撤下", "take {what} down at once"),
    MeasureType.COVER: ("立即遮盖{what}", "cover {what} at once"),
    MeasureType.DISCONNECT_LINK: (
        "立即删除、屏蔽或断开{what}的网络链接",
        "delete, block or disconnect the online links to {what} at once",
    ),
}


def _exhibits_named(exhibits: tuple[ExhibitView, ...]) -> tuple[str, str]:
    """ "下列展品（CM-101、CM-102，共4件）" and "the exhibits below (CM-101 and CM-102, 4
    items)": the count is the exhibits table's sum, never a number typed in a note."""
    zh, en, n = models(exhibits), models_en(exhibits), total(exhibits)
    if not zh:
        return "下列展品", "the exhibits below"
    count_zh, count_en = (f"，共{n}件", f", {items_en(n)}") if n else ("", "")
    return f"下列展品（{zh}{count_zh}）", f"the exhibits below ({en}{count_en})"


def _asked(d: DocumentData, measure: str) -> tuple[str, str]:
    what_zh, what_en = _exhibits_named(d.exhibits)
    if measure in _ASKED:
        zh, en = _ASKED[measure]
        return zh.format(what=what_zh), en.format(what=what_en)
    word = L.MEASURES.words(measure).on_paper if measure else None
    if word is None:
        return f"立即对{what_zh}整改", f"remedy {what_en} at once"
    return (
        f"立即对{what_zh}采取{word.zh}措施",
        f"carry out this measure for {what_en} at once: {word.en[:1].lower()}{word.en[1:]}",
    )


def _replaces_suspension(d: DocumentData) -> list[Flowable]:
    """A display suspended at intake (2006 Art 7(1)) ends with the measure now ordered: the
    table lists both, so the paper says which one stands."""
    earlier = [m.measure_type for m in d.measures[:-1]]
    if MeasureType.SUSPEND_DISPLAY not in earlier:
        return []
    return bi(
        "原暂停展出措施由本措施替代。",
        "The suspension of the display is replaced by this measure.",
    )


def story(d: DocumentData) -> list[Flowable]:
    r = d.respondent
    latest = d.measures[-1] if d.measures else None
    asked_zh, asked_en = _asked(d, latest.measure_type if latest else "")
    due = d.recheck_due_at or (latest.due_at if latest else "") or "—"
    found_zh, found_en = _finding(d)
    basis_zh, basis_en = (
        ("本中心依据参展合同", "Under the exhibitor contract, the service center requires you")
        if d.decided_by_organ
        else ("", "You are required")
    )
    signature = signature_lines([("被投诉人", "Respondent")])
    return [
        para(f"{r.name_zh if r else ''}：", S.zh, bold=True),
        para(f"To {(r.name_en or r.name_zh) if r else ''}:", S.en),
        *bi(
            found_zh + f"现{basis_zh}要求你方{asked_zh}，最迟不晚于{due}完成；"
            "本中心将于期限届满后进行复查。",
            found_en + f" {basis_en} to {asked_en}, by {due} at the latest; "
            "the service center will re-inspect once that time has come.",
        ),
        *_replaces_suspension(d),
        # Whether the undertaking is signed is not this paper's to say: it is the paper
        # handed over for signing, so its signature line is always left to be signed.
        *measures_block(d, undertaking=False),
        *exhibits_block(d.exhibits, *exhibits_heading(d)),
        # The undertaking and the line it is signed on stay on one page: the respondent
        # never signs a sheet that carries nothing of what it undertakes.
        *on_one_page([*_undertaking(), signature]),
    ]


def _finding(d: DocumentData) -> tuple[str, str]:
    """The finding in the voice of the one who made it (a stationed officer, 2006 Art 6);
    the order is the center's own, under the exhibitor contract."""
    r = d.respondent
    booth, booth_en = booth_words(r) if r else ("", "your booth")
    accused_zh, accused_en = accused(d)
    found_zh, found_en = _in_voice(
        d,
        f"经审查，本中心于{d.decided_at}初步认定你方在{booth}展出的下列展品{accused_zh}"
        f"（案件编号 {d.case_number}）。",
        f"On {d.decided_at} the service center found, preliminarily, that the exhibits below "
        f"at your {booth_en} allegedly infringe {accused_en} (case {d.case_number}).",
    )
    if d.decision_trigger == DecisionTrigger.PRIOR_LEGAL_DOCUMENT:
        # An effective court or administrative decision confirms it: not preliminary.
        found_zh = found_zh.replace("初步认定", "认定").replace("涉嫌侵犯", "侵犯", 1)
        found_zh = found_zh.replace("（案件编号", f"，{v.CONFIRMED.zh}（案件编号", 1)
        found_en = found_en.replace("found, preliminarily, that", "found that")
        found_en = found_en.replace("allegedly infringe", "infringe", 1).replace(
            " (case ", f", {v.CONFIRMED.en} (case ", 1
        )
    return found_zh, found_en


def _undertaking() -> list[Flowable]:
    return [
        *section("被投诉人承诺书", "Respondent's undertaking"),
        box(
            bi(
                "本单位承诺：立即按上述要求整改，展会期间不再以任何形式展出、宣传、销售上述展品；"
                # Said in words, not as the measures' labels: the organizer has us leave the
                # fair (撤出展会; 撤展 would also read as taking an exhibit down).
                "如违反承诺，同意主办方依据参展合同采取撤出展会、取消参展资格等措施，并承担相应责任。",
                "We undertake to carry out the measures above at once and, for the rest of the "
                "fair, not to display, promote or sell the exhibits above in any form. If we break "
                "this undertaking we accept that the organizer may, under the exhibitor contract, "
                "take measures such as requiring us to withdraw from the fair or cancelling our "
                "participation, and we accept liability.",
            )
        ),
    ]
