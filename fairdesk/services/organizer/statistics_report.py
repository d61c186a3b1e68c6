# mypy: disable-error-code="import-untyped"
"""The statistics report as PDF: the figures beside the earlier editions, with charts.

Charts are reportlab.graphics drawings (vector, no extra dependency). Their labels are in
both languages, Chinese above English: two strings, each in one face (the CJK face for
Chinese, the Latin face for codes and English), since neither shipped face has the
other's glyphs and a chart's string has one face.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from fairdesk.domain import right_names
from fairdesk.domain import vocabulary as v
from fairdesk.domain.normalize import has_cjk
from fairdesk.domain.outcomes import uncounted_note
from fairdesk.domain.permissions import Permission
from fairdesk.exports import pdf_fonts
from fairdesk.exports.pdf_table import TOTAL_FORM, numbered_canvas
from fairdesk.exports.table import atomic_output, local_stamp
from fairdesk.services.context import Context
from fairdesk.services.organizer.statistics import (
    OUTCOMES,
    EditionStatistics,
    StatisticsReport,
    fair_statistics,
    summary_rows,
)

CURRENT = colors.HexColor("#1F3F66")
SERIES = [colors.HexColor("#3B6AA0"), colors.HexColor("#E3A857"), colors.HexColor("#C0504D")]


def _label_font(text: str) -> str:
    if pdf_fonts.base_font() == pdf_fonts.FALLBACK:
        return pdf_fonts.FALLBACK
    from fairdesk.documents import fonts

    return fonts.CJK if has_cjk(text) else fonts.LATIN


def _style(size: float, bold: bool = False, space: float = 0) -> ParagraphStyle:
    return ParagraphStyle(
        f"r{size}{bold}{space}",
        fontName=pdf_fonts.base_font(bold),
        fontSize=size,
        leading=size * 1.3,
        spaceBefore=space,
        spaceAfter=space / 2,
        wordWrap="CJK",
    )


def _p(text: str, size: float = 8, bold: bool = False, space: float = 0) -> Paragraph:
    return Paragraph(pdf_fonts.markup(text, bold), _style(size, bold, space))


def _fix_labels(labels: Any, texts: Sequence[str], size: float) -> None:
    labels.fontSize = size
    for i, t in enumerate(texts):
        labels[i].fontName = _label_font(t)


Pair = tuple[str, str]  # a label in Chinese and in English (either may be empty)


def _pair(drawing: Drawing, x: float, y: float, label: Pair, size: float, anchor: str) -> None:
    """A label on two lines, Chinese above English, each in the face that has its glyphs
    (a chart's String has one face); centred on y."""
    zh, en = (t for t in label)
    lines = [t for t in (zh, en) if t]
    if zh == en:
        lines = [zh]
    top = y + (len(lines) - 1) * size * 0.55 - size * 0.35
    for i, text in enumerate(lines):
        drawing.add(
            String(
                x,
                top - i * size * 1.1,
                text,
                fontName=_label_font(text),
                fontSize=size if i == 0 else size - 0.5,
                textAnchor=anchor,
            )
        )


def _title(drawing: Drawing, title: Pair, width: float, height: float) -> None:
    _pair(drawing, width / 2, height - 12, title, 8.5, "middle")


def count_scale(top: float) -> tuple[int, int]:
    """(step, end) of an axis of counts: whole numbers only (no 0.5 of a case), with room
    above the highest bar. The dashboard's charts use the same rule."""
    step = max(1, math.ceil(top / 5))
    return step, step * max(1, math.ceil(top * 1.15 / step))


def _count_axis(axis: Any, top: float) -> None:
    axis.valueMin = 0
    axis.valueStep, axis.valueMax = count_scale(top)
    axis.labelTextFormat = "%d"


def _legend(drawing: Drawing, x: float, y: float, pairs: Sequence[tuple[Any, Pair]]) -> None:
    """Coloured squares with their names in both languages, side by side."""
    for color, (zh, en) in pairs:
        drawing.add(Rect(x, y - 3, 6, 6, fillColor=color, strokeColor=None))
        _pair(drawing, x + 9, y, (zh, en), 6, "start")
        x += 15 + max(pdf_fonts.string_width(zh, 6), pdf_fonts.string_width(en, 5.5))


def vertical_bars(
    title: Pair,
    categories: Sequence[str],
    series: Sequence[Sequence[float]],
    names: Sequence[Pair] = (),
    width: float = 250,
    height: float = 170,
    label_format: str = "%d",
) -> Drawing:
    d = Drawing(width, height)
    _title(d, title, width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 34, 34
    chart.width, chart.height = width - 44, height - 70 - (14 if names else 0)
    chart.data = [list(s) for s in series] or [[0]]
    chart.categoryAxis.categoryNames = list(categories) or [""]
    _fix_labels(chart.categoryAxis.labels, list(categories), 6.5)
    # Level labels while they fit their slot (an edition code, a hall); slanted only when
    # they would run into each other, with room below the axis for them.
    slot = chart.width / max(len(categories), 1)
    widest = max((pdf_fonts.string_width(c, 6.5) for c in categories), default=0)
    long = widest > slot - 2
    if long:
        chart.y += 10
        chart.height -= 10
    chart.categoryAxis.labels.angle = 30 if long else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if chart.categoryAxis.labels.angle else "n"
    chart.valueAxis.labels.fontName = _label_font("0")
    chart.valueAxis.labels.fontSize = 6.5
    _count_axis(chart.valueAxis, max((v for s in series for v in s), default=0))
    chart.barLabels.fontName = _label_font("0")
    chart.barLabels.fontSize = 6
    chart.barLabels.nudge = 5
    chart.barLabelFormat = label_format
    chart.groupSpacing = 6
    for i in range(len(series)):
        chart.bars[i].fillColor = CURRENT if len(series) == 1 else SERIES[i % len(SERIES)]
        chart.bars[i].strokeColor = None
    d.add(chart)
    if names:
        _legend(d, 36, height - 32, [(chart.bars[i].fillColor, n) for i, n in enumerate(names)])
    return d


def horizontal_bars(
    title: Pair,
    items: Sequence[tuple[Pair, float | None]],
    width: float = 250,
    height: float = 170,
    *,
    more: Sequence[Sequence[float | None]] = (),
    names: Sequence[Pair] = (),
    label_format: str = "%d",
) -> Drawing:
    """Bars from the left, each labelled in both languages; `more` holds further series
    beside the first (named by `names`, e.g. median and max), which are then not counts."""
    d = Drawing(width, height)
    _title(d, title, width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 104, 12
    chart.width, chart.height = width - 122, height - 38 - (12 if names else 0)
    # Categories are drawn bottom-up: reversed, the first item is on top.
    labels = [n for n, _ in reversed(items)]
    series = [[v for _, v in items], *more]
    chart.data = [list(reversed(s)) or [0] for s in series]
    chart.categoryAxis.categoryNames = [""] * max(len(labels), 1)
    chart.categoryAxis.visibleLabels = 0  # drawn below on two lines, one face each
    slot = chart.height / max(len(labels), 1)
    for i, label in enumerate(labels):
        _pair(d, chart.x - 4, chart.y + (i + 0.5) * slot, label, 6, "end")
        if all(s[i] is None for s in chart.data):  # no data: "—" as the table, not a 0 bar
            _pair(d, chart.x + 3, chart.y + (i + 0.5) * slot, ("—", ""), 6, "start")
    top = max((v for s in series for v in s if v is not None), default=0)
    if more:
        chart.valueAxis.valueMin = 0
        chart.valueAxis.valueMax = max(top * 1.15, 1)
    else:
        _count_axis(chart.valueAxis, top)
    chart.valueAxis.labels.fontName = _label_font("0")
    chart.valueAxis.labels.fontSize = 6.5
    chart.barLabels.fontName = _label_font("0")
    chart.barLabels.fontSize = 6
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.barLabelFormat = label_format
    for i in range(len(series)):
        chart.bars[i].fillColor = CURRENT if len(series) == 1 else SERIES[i % len(SERIES)]
        chart.bars[i].strokeColor = None
    d.add(chart)
    if names:
        _legend(d, 36, height - 32, [(chart.bars[i].fillColor, n) for i, n in enumerate(names)])
    return d


OTHER = "其他 / Other"


def _top(items: dict[str, int], n: int) -> list[tuple[str, float]]:
    pairs = list(items.items())
    if len(pairs) <= n:
        return [(k, float(v)) for k, v in pairs]
    rest = sum(v for _, v in pairs[n - 1 :])
    return [(k, float(v)) for k, v in pairs[: n - 1]] + [(OTHER, float(rest))]


def _grid(rows: list[list[Any]], widths: Sequence[float], header_rows: int = 1) -> Table:
    t = Table(rows, colWidths=widths, repeatRows=header_rows, hAlign="LEFT")
    t.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
                ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#DDE6F0")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return t


def _breakdown(title: str, data: dict[str, int], total_label: str = "") -> list[Any]:
    if not data:
        return [_p(f"{title}: 无 / none", 8)]
    rows = [[_p(k, 7.5), _p(str(v), 7.5)] for k, v in data.items()]
    return [
        _p(title, 9, bold=True, space=4),
        _grid([[_p("", 7), _p("n", 7)], *rows], [70 * mm, 14 * mm]),
    ]


def _words(table: v.Vocabulary, data: dict[str, int]) -> dict[str, int]:
    """Counts by code, keyed by the code's words ("中文 / English"); a text typed in
    place of a code (the quick log takes any topic or language) is kept as typed."""
    return {
        (table[k].both if k in table else k) if k else "未填 / not given": n
        for k, n in data.items()
    }


def _local(report: StatisticsReport) -> str:
    """When the report was made, in the fair's time zone (Beijing time for a fair in China)."""
    return local_stamp(report.generated_at, report.timezone)


def _regions(cur: EditionStatistics) -> tuple[str, str]:
    """Foreign and Hong Kong, Macao and Taiwan complaints counted apart, then together."""
    return (
        f"涉外投诉 {cur.foreign_complaints}，涉港澳台投诉 {cur.hmt_complaints}，"
        f"涉外及涉港澳台 {cur.foreign_related_complaints}",
        f"foreign complaints {cur.foreign_complaints}, Hong Kong, Macao and Taiwan complaints "
        f"{cur.hmt_complaints}, together {cur.foreign_related_complaints}",
    )


def _country_chart(cur: EditionStatistics) -> Drawing:
    # A country as the exhibitor list records it (Chinese), with its English name beneath.
    def label(country: str) -> Pair:
        zh, _, en = country.partition(" / ")  # "其他 / Other", "未填 / not given"
        return (zh, en or cur.country_names_en.get(country, ""))

    return horizontal_bars(
        ("被投诉案件按国家或地区", "Respondent cases by country / region"),
        [(label(c), n) for c, n in _top(cur.cases_by_country, 10)],
    )


def _heading(report: StatisticsReport) -> list[Any]:
    cur = report.current
    return [
        _p(f"{cur.fair_name} 统计报告 / Statistics report — {cur.fair_code}", 14, bold=True),
        _p(
            f"{cur.start} – {cur.end} · 生成于 / generated {_local(report)} · "
            "往届对比 / earlier editions: "
            + (", ".join(e.fair_code for e in report.earlier) or "—"),
            8,
        ),
        Spacer(1, 4 * mm),
    ]


def _key_figures(report: StatisticsReport) -> list[Any]:
    """The headline figures, the current edition beside the earlier ones."""
    editions = report.editions
    head = [_p("指标 / Figure", 7.5, bold=True)] + [
        _p(e.fair_code, 7.5, bold=True) for e in editions
    ]
    body = [
        [_p(label, 7.5)] + [_p(v, 7.5) for v in values] for label, values in summary_rows(report)
    ]
    label_w = 78 * mm
    col_w = (A4[0] - 30 * mm - label_w) / max(len(editions), 1)
    table = _grid([head, *body], [label_w] + [col_w] * len(editions))
    table.setStyle(
        TableStyle(
            [("BACKGROUND", (len(editions), 1), (len(editions), -1), colors.HexColor("#F2F5F9"))]
        )
    )
    return [_p("主要指标 / Key figures", 11, bold=True, space=2), table, Spacer(1, 5 * mm)]


def _charts(report: StatisticsReport) -> list[Any]:
    cur = report.current
    editions = report.editions
    codes = [e.fair_code for e in editions]
    compare = vertical_bars(
        ("投诉、被投诉案件与认定侵权", "Complaints, respondent cases, confirmed"),
        codes,
        [
            [e.complaints for e in editions],
            [e.respondent_cases for e in editions],
            [e.confirmed_cases for e in editions],
        ],
        names=[
            ("投诉", "Complaints"),
            ("被投诉案件", "Respondent cases"),
            ("认定侵权", "Confirmed"),
        ],
    )
    by_type = horizontal_bars(
        ("投诉按权利类型", "Complaints by type of right"),
        [(_right(k), n) for k, n in cur.complaints_by_ip_type.items()],
    )
    halls = list(cur.cases_by_hall.items())
    halls.sort(key=lambda kv: kv[0])
    by_hall = vertical_bars(
        ("被投诉案件按展馆", "Respondent cases by hall"),
        [h for h, _ in halls],
        [[v for _, v in halls]],
    )
    outcomes = horizontal_bars(
        ("被投诉案件处理结果", "Outcomes of respondent cases"),
        [
            ((v.OUTCOMES[k].on_paper.zh, v.OUTCOMES[k].on_paper.en), float(cur.outcomes.get(k, 0)))
            for k, _ in OUTCOMES
        ],
    )
    countries = _country_chart(cur)
    stages = _stage_chart(cur)
    charts = [[compare, by_type], [by_hall, outcomes], [countries, stages]]
    grid = Table(charts, colWidths=[(A4[0] - 30 * mm) / 2] * 2)
    grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return [_p("图表 / Charts", 11, bold=True, space=2), grid]


def _stage_chart(cur: EditionStatistics) -> Drawing:
    """Median and longest hours per stage; a stage no case went through has no bar ("—")."""
    words = [v.STAGES.words(s.key) for s in cur.stage_times]
    return horizontal_bars(
        ("各阶段用时（小时，中位与最长）", "Hours per stage (median, max)"),
        [
            ((w.zh, w.en), _rounded(s.median_hours))
            for w, s in zip(words, cur.stage_times, strict=True)
        ],
        more=[[_rounded(s.max_hours) for s in cur.stage_times]],
        names=[("中位", "Median"), ("最长", "Max")],
        label_format="%.1f",
    )


def _rounded(hours: float | None) -> float | None:
    """Hours to a tenth; None (no case went through the stage) stays None: no bar."""
    return None if hours is None else round(hours, 1)


def _right(ip_type: str) -> Pair:
    """A type of right named in full (外观设计专利权 / Design patent right), as on the papers."""
    w = right_names.right_kind(ip_type)
    return (w.zh, w.en)


def _summary(cur: EditionStatistics) -> list[Any]:
    """The current edition's figures in a sentence, in Chinese and in English."""
    t = cur.transfer
    return [
        _p(f"{cur.fair_code} 明细 / Details", 11, bold=True, space=6),
        _p(
            f"投诉 {cur.complaints}（受理 {cur.accepted}，不予受理 {cur.rejected}，待定 "
            f"{cur.complaints_pending}）· 被投诉案件 {cur.respondent_cases}，被投诉企业 "
            f"{cur.respondent_enterprises} · 认定侵权 {cur.confirmed_cases} 件 / "
            f"{cur.confirmed_enterprises} 家 · {_regions(cur)[0]} · 24小时移交：应移交 "
            f"{t.due}，按时 {t.on_time}，逾期 {t.late}，未到期 {t.pending}",
            8,
        ),
        _p(
            f"Complaints {cur.complaints} (accepted {cur.accepted}, not accepted {cur.rejected}, "
            f"pending {cur.complaints_pending}); respondent cases {cur.respondent_cases} against "
            f"{cur.respondent_enterprises} enterprises; confirmed {cur.confirmed_cases} cases "
            f"against {cur.confirmed_enterprises} enterprises; {_regions(cur)[1]}. "
            f"Transfers to the authority: {t.due} due, {t.on_time} on "
            f"time, {t.late} late, {t.pending} pending. Complaints from patrols: "
            f"{cur.patrol_complaints}.",
            8,
        ),
        # Which cases count: the follow-up list's rule, said where the figures are.
        _p("注：{}。 Note: {}.".format(*uncounted_note(cur.complaints_pending)), 8),
    ]


def _stage_table(cur: EditionStatistics) -> list[Any]:
    stage_rows = [
        [_p(s.label, 7.5), _p(str(s.count), 7.5)]
        + [_p("—" if v is None else f"{v:.1f}", 7.5) for v in (s.median_hours, s.max_hours)]
        for s in cur.stage_times
    ]
    return [
        _p("各阶段用时（小时）/ Hours per stage", 9, bold=True, space=4),
        _grid(
            [
                [
                    _p(h, 7.5, bold=True)
                    for h in ("阶段 / stage", "n", "中位 / median", "最长 / max")
                ],
                *stage_rows,
            ],
            [80 * mm, 15 * mm, 25 * mm, 25 * mm],
        ),
    ]


def _rights(data: dict[str, int]) -> dict[str, int]:
    return {" / ".join(_right(k)): n for k, n in data.items()}


def _areas(cur: EditionStatistics) -> dict[str, int]:
    """Areas as recorded, with the English name the exhibitor list gives them."""
    names = cur.area_names_en
    return {(f"{a} / {names[a]}" if names.get(a) else a): n for a, n in cur.cases_by_area.items()}


def _breakdowns(cur: EditionStatistics) -> list[Any]:
    details: list[Any] = []
    for title, data in (
        (
            "按权利类型（投诉）/ Complaints by type of right",
            _rights(cur.complaints_by_ip_type),
        ),
        ("认定侵权按权利类型 / Confirmed by type of right", _rights(cur.confirmed_by_ip_type)),
        ("按展区 / By exhibition area", _areas(cur)),
        ("咨询按主题 / Consultations by topic", _words(v.TOPICS, cur.consultations_by_topic)),
        ("咨询按国籍 / Consultations by nationality", cur.consultations_by_nationality),
        (
            "咨询按语言 / Consultations by language",
            _words(v.CONSULTATION_LANGUAGES, cur.consultations_by_language),
        ),
        ("巡查发现 / Patrol findings", _words(v.FINDINGS, cur.findings)),
        (
            "商事纠纷按类型 / Commercial disputes by type",
            _words(v.DISPUTE_TYPES, cur.commercial_by_type),
        ),
    ):
        details.append(_breakdown(title, data))  # a title with its table: one cell
    return details


def _two_columns(blocks: list[Any]) -> Table:
    """The breakdowns side by side, two to a row: half the height, so the report does not
    end on a page holding one short table; a row (two blocks) never splits."""
    pairs = [
        blocks[i : i + 2] + [""] * (2 - len(blocks[i : i + 2])) for i in range(0, len(blocks), 2)
    ]
    table = Table(pairs, colWidths=[(A4[0] - 30 * mm) / 2] * 2, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def build_story(report: StatisticsReport) -> list[Any]:
    story = _heading(report) + _key_figures(report) + _charts(report)
    # The details stay on one page, whole: the report never ends on a page holding only
    # its last lines (a short page follows the charts instead, before the details).
    details = _summary(report.current) + _stage_table(report.current)
    story.append(KeepTogether([*details, _two_columns(_breakdowns(report.current))]))
    return story


def write_report_pdf(path: Path, report: StatisticsReport) -> None:
    margin = 15 * mm
    furniture_size = 7.5

    def footer(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        n = canvas.getPageNumber()
        label = f"第 {n} 页 / Page {n} of "
        x = A4[0] - margin - pdf_fonts.string_width(label, furniture_size) - 6 * mm
        pdf_fonts.draw_string(canvas, x, 8 * mm, label, furniture_size)
        canvas.translate(x + pdf_fonts.string_width(label, furniture_size), 8 * mm)
        canvas.doForm(TOTAL_FORM)
        canvas.restoreState()
        canvas.saveState()
        pdf_fonts.draw_string(
            canvas, margin, 8 * mm, f"FairDesk · {report.current.fair_code}", furniture_size
        )
        canvas.restoreState()

    with atomic_output(path) as tmp:
        doc = SimpleDocTemplate(
            str(tmp),
            pagesize=A4,
            leftMargin=margin,
            rightMargin=margin,
            topMargin=margin,
            bottomMargin=margin,
            title=f"Statistics {report.current.fair_code}",
            author="FairDesk",
        )
        doc.build(
            build_story(report),
            onFirstPage=footer,
            onLaterPages=footer,
            canvasmaker=numbered_canvas(furniture_size),
        )


def export_report(
    ctx: Context, fair_code: str, path: Path, *, earlier: int = 4
) -> StatisticsReport:
    """Write the statistics report (figures and charts) as PDF."""
    ctx.require(Permission.EXPORT)
    report = fair_statistics(ctx, fair_code, earlier=earlier)
    write_report_pdf(Path(path), report)
    return report
