# mypy: disable-error-code="import-untyped"
"""The statistics report as PDF: the figures beside the earlier editions, with charts.

Charts are reportlab.graphics drawings (vector, no extra dependency). Chart labels keep
to one script each (Chinese names in the CJK face, codes and English in the Latin face),
since neither shipped face has the other's glyphs.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
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

from fairdesk.domain import vocabulary as v
from fairdesk.domain.normalize import has_cjk
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


def _title(drawing: Drawing, text: str, width: float, height: float) -> None:
    drawing.add(
        String(
            width / 2,
            height - 10,
            text,
            fontName=_label_font(text),
            fontSize=9,
            textAnchor="middle",
        )
    )


def vertical_bars(
    title: str,
    categories: Sequence[str],
    series: Sequence[Sequence[float]],
    names: Sequence[str] = (),
    width: float = 250,
    height: float = 170,
    label_format: str = "%d",
) -> Drawing:
    d = Drawing(width, height)
    _title(d, title, width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 34, 34
    chart.width, chart.height = width - 44, height - 60 - (14 if names else 0)
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
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = _label_font("0")
    chart.valueAxis.labels.fontSize = 6.5
    top = max((v for s in series for v in s), default=0)
    chart.valueAxis.valueMax = max(top * 1.15, 1)
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
        legend = Legend()
        legend.x, legend.y = 36, height - 22
        legend.fontName = _label_font("A")
        legend.fontSize = 6.5
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.dx = legend.dy = 6
        legend.colorNamePairs = [(chart.bars[i].fillColor, n) for i, n in enumerate(names)]
        d.add(legend)
    return d


def horizontal_bars(
    title: str, items: Sequence[tuple[str, float]], width: float = 250, height: float = 170
) -> Drawing:
    d = Drawing(width, height)
    _title(d, title, width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 86, 10
    chart.width, chart.height = width - 104, height - 28
    # Categories are drawn bottom-up: reversed, the first item is on top.
    names = [n for n, _ in reversed(items)] or [""]
    chart.data = [[v for _, v in reversed(items)] or [0]]
    chart.categoryAxis.categoryNames = names
    _fix_labels(chart.categoryAxis.labels, names, 6.5)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(max((v for _, v in items), default=0) * 1.15, 1)
    chart.valueAxis.labels.fontName = _label_font("0")
    chart.valueAxis.labels.fontSize = 6.5
    chart.barLabels.fontName = _label_font("0")
    chart.barLabels.fontSize = 6
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.barLabelFormat = "%d"
    chart.bars[0].fillColor = CURRENT
    chart.bars[0].strokeColor = None
    d.add(chart)
    return d


def _top(items: dict[str, int], n: int) -> list[tuple[str, float]]:
    pairs = list(items.items())
    if len(pairs) <= n:
        return [(k, float(v)) for k, v in pairs]
    rest = sum(v for _, v in pairs[n - 1 :])
    return [(k, float(v)) for k, v in pairs[: n - 1]] + [("Other", float(rest))]


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
        _grid([[_p("", 7), _p("n", 7)], *rows], [90 * mm, 20 * mm]),
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
    # Every chart in English (a label keeps to one face): countries by their English name.
    return horizontal_bars(
        "Respondent cases by country / region",
        [(cur.country_names_en.get(c, c), n) for c, n in _top(cur.cases_by_country, 10)],
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
        "Complaints, respondent cases, confirmed",
        codes,
        [
            [e.complaints for e in editions],
            [e.respondent_cases for e in editions],
            [e.confirmed_cases for e in editions],
        ],
        names=["Complaints", "Respondent cases", "Confirmed"],
    )
    types = [v.IP_TYPES.words(k).en for k in cur.complaints_by_ip_type]
    by_type = horizontal_bars(
        "Complaints by IP type", list(zip(types, cur.complaints_by_ip_type.values(), strict=True))
    )
    halls = list(cur.cases_by_hall.items())
    halls.sort(key=lambda kv: kv[0])
    by_hall = vertical_bars(
        "Respondent cases by hall", [h for h, _ in halls], [[v for _, v in halls]]
    )
    outcomes = horizontal_bars(
        "Outcomes of respondent cases",
        [(v.OUTCOMES[k].on_paper.en, float(cur.outcomes.get(k, 0))) for k, _ in OUTCOMES],
    )
    countries = _country_chart(cur)
    stages = vertical_bars(
        "Hours per stage (median, max)",
        [v.STAGES.words(s.key).en for s in cur.stage_times],
        [
            [round(s.median_hours or 0, 1) for s in cur.stage_times],
            [round(s.max_hours or 0, 1) for s in cur.stage_times],
        ],
        names=["Median", "Max"],
        label_format="%.1f",
    )
    charts = [[compare, by_type], [by_hall, outcomes], [countries, stages]]
    grid = Table(charts, colWidths=[(A4[0] - 30 * mm) / 2] * 2)
    grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return [_p("图表 / Charts", 11, bold=True, space=2), grid]


def _summary(cur: EditionStatistics) -> list[Any]:
    """The current edition's figures in a sentence, in Chinese and in English."""
    t = cur.transfer
    return [
        _p(f"{cur.fair_code} 明细 / Details", 11, bold=True, space=6),
        _p(
            f"投诉 {cur.complaints}（受理 {cur.accepted}，不予受理 {cur.rejected}，待定 "
            f"{cur.complaints_pending}）· 被投诉案件 {cur.respondent_cases}，被投诉企业 "
            f"{cur.respondent_enterprises} · 认定侵权 {cur.confirmed_cases} 件 / "
            f"{cur.confirmed_enterprises} 家 · {_regions(cur)[0]}",
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


def _breakdowns(cur: EditionStatistics) -> list[Any]:
    details: list[Any] = []
    for title, data in (
        (
            "按权利类型（投诉）/ Complaints by IP type",
            _words(v.IP_TYPES, cur.complaints_by_ip_type),
        ),
        ("认定侵权按权利类型 / Confirmed by IP type", _words(v.IP_TYPES, cur.confirmed_by_ip_type)),
        ("按展区 / By exhibition area", cur.cases_by_area),
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
        details += _breakdown(title, data)
    return details


def build_story(report: StatisticsReport) -> list[Any]:
    story = _heading(report) + _key_figures(report) + _charts(report)
    # The details' title and summary stay on one page.
    details = _summary(report.current) + _stage_table(report.current)
    details += _breakdowns(report.current)
    story.append(KeepTogether(details[:3]))
    story += details[3:]
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
