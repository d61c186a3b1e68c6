# mypy: allow-subclassing-any
# mypy: disable-error-code="import-untyped,import-not-found"
"""What every page carries, and the building blocks the document modules share.

A4 portrait. Header: the fair (Chinese and English), the document and case numbers and
the issue time in the fair's time zone. Footer: the legal basis from the fair's rule
set, the officer's signature box and the seal box, the signed QR code in the bottom
right corner, and "page x of y". The body is a list of reportlab flowables, so long
names and long lists flow onto more pages instead of being cut.

Output is reproducible: reportlab's invariant mode fixes the file id, and the creation
date is the issue time kept in the snapshot, so the same snapshot always gives the same
bytes (a reprint is checked against the SHA-256 recorded when the document was issued).

The layout has versions (`PAPER`): the register keeps each document's, and a reprint uses
it, so a document issued under an earlier layout still reprints byte-identical. Version 1
printed the fixed date 2000-01-01 and the decision's case table at the end; version 2
prints the issue time and keeps a one-respondent decision off a near-empty last page.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportlab.lib import colors, textsplit
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import PATH_OPS, Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import paragraph as rl_paragraph

from fairdesk.documents import fonts, qr
from fairdesk.documents.fonts import markup
from fairdesk.documents.kinds import organ_decides
from fairdesk.documents.linebreak import break_long_words
from fairdesk.documents.model import DocumentData
from fairdesk.domain.normalize import has_cjk

PAPER = 2  # the layout new documents are issued with

# 避头尾: reportlab's CJK wrapping (wordWrap="CJK") lets a character that may not open a
# line hang in the margin instead, but its list is Japanese and lacks Chinese full-width
# punctuation (，；：？！ and closing marks), so a line could begin with "，". Both of its
# wrappers (one text run, several runs) read the list from their module, so it is
# completed here, once, for every paragraph.
CANNOT_START_LINE = "，；：？！》〉”’％"
_CANNOT_START = textsplit.ALL_CANNOT_START + "".join(
    c for c in CANNOT_START_LINE if c not in textsplit.ALL_CANNOT_START
)
textsplit.ALL_CANNOT_START = rl_paragraph.ALL_CANNOT_START = _CANNOT_START
_paper: ContextVar[int] = ContextVar("fairdesk_paper", default=PAPER)


@contextmanager
def paper(version: int) -> Iterator[None]:
    """Render under layout `version` (the one a document was issued with)."""
    token = _paper.set(version)
    try:
        yield
    finally:
        _paper.reset(token)


def _zone_words(offset: str) -> str:
    """The issue time's zone in words a Chinese reader uses: 北京时间 for +08:00."""
    return "（北京时间 Beijing time）" if offset == "+08:00" else f"(UTC{offset})"


def paper_version() -> int:
    return _paper.get()


def pdf_date(issued_at: str, utc_offset: str) -> str | None:
    """'2026-12-07 17:21' at '+08:00' -> "D:20261207172100+08'00'" (None if unreadable)."""
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d)(?::(\d\d))?", issued_at.strip())
    z = re.fullmatch(r"([+-])(\d\d):?(\d\d)", utc_offset.strip())
    if m is None or z is None:
        return None
    y, mo, d, h, mi, s = m.groups()
    return f"D:{y}{mo}{d}{h}{mi}{s or '00'}{z.group(1)}{z.group(2)}'{z.group(3)}'"


PAGE_W, PAGE_H = A4
MARGIN_X = 18 * mm
HEADER_TOP = PAGE_H - 11 * mm
HEADER_RULE = PAGE_H - 33 * mm
FOOTER_RULE = 50 * mm
FRAME_TOP = HEADER_RULE - 3 * mm
FRAME_BOTTOM = FOOTER_RULE + 3 * mm
# Layout 2: the legal basis on one line (Chinese / English), so the footer is 10 mm lower.
FOOTER_RULE_2 = 40 * mm
FRAME_BOTTOM_2 = FOOTER_RULE_2 + 3 * mm


def _footer_rule() -> float:
    return float(FOOTER_RULE if paper_version() < 2 else FOOTER_RULE_2)


def _frame_bottom() -> float:
    return float(FRAME_BOTTOM if paper_version() < 2 else FRAME_BOTTOM_2)


BODY_W = PAGE_W - 2 * MARGIN_X
QR_SIZE = 26 * mm
GREY = colors.HexColor("#444444")
LIGHT = colors.HexColor("#888888")
RULE = colors.HexColor("#555555")
SHADE = colors.HexColor("#eeeeee")
CENTER_ZH = "知识产权保护与商事纠纷处理服务中心"
CENTER_EN = "IP Protection and Commercial Dispute Service Center"


def _style(name: str, size: float, leading: float, **kw: Any) -> ParagraphStyle:
    return ParagraphStyle(
        name, fontName=fonts.LATIN, bulletFontName=fonts.LATIN, fontSize=size, leading=leading, **kw
    )


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle = _style("title", 18, 24, alignment=TA_CENTER, wordWrap="CJK")
    title_en: ParagraphStyle = _style(
        "title_en", 11, 14, alignment=TA_CENTER, textColor=GREY, spaceAfter=2
    )
    copy: ParagraphStyle = _style("copy", 10, 13, alignment=TA_CENTER, spaceBefore=2)
    h: ParagraphStyle = _style("h", 11.5, 15, spaceBefore=9, wordWrap="CJK")
    h_en: ParagraphStyle = _style("h_en", 8.5, 11, textColor=GREY, spaceAfter=3)
    zh: ParagraphStyle = _style("zh", 10, 15, wordWrap="CJK")
    en: ParagraphStyle = _style("en", 8.5, 11.5, textColor=GREY, spaceAfter=4)
    label: ParagraphStyle = _style("label", 8.5, 11)
    label_en: ParagraphStyle = _style("label_en", 7, 9, textColor=GREY)
    value: ParagraphStyle = _style("value", 9.5, 13)
    cell: ParagraphStyle = _style("cell", 8, 10.5)
    cell_en: ParagraphStyle = _style("cell_en", 6.8, 8.5, textColor=GREY)
    # Chinese in a cell breaks as running text does (避头尾, a number kept whole).
    value_zh: ParagraphStyle = _style("value_zh", 9.5, 13, wordWrap="CJK")
    cell_zh: ParagraphStyle = _style("cell_zh", 8, 10.5, wordWrap="CJK")
    small: ParagraphStyle = _style("small", 7, 9, textColor=GREY, wordWrap="CJK")
    big: ParagraphStyle = _style("big", 30, 40, alignment=TA_CENTER, wordWrap="CJK")
    big_en: ParagraphStyle = _style("big_en", 17, 22, alignment=TA_CENTER, textColor=GREY)
    notice: ParagraphStyle = _style("notice", 14, 21, alignment=TA_LEFT, wordWrap="CJK")
    notice_en: ParagraphStyle = _style("notice_en", 11, 15, textColor=GREY)


S = Styles()


def para(text: str, style: ParagraphStyle, bold: bool = False) -> Paragraph:
    return Paragraph(markup(text, bold), style)


def bi(zh: str, en: str, s: tuple[ParagraphStyle, ParagraphStyle] = (S.zh, S.en)) -> list[Flowable]:
    """Chinese first, English beneath."""
    out: list[Flowable] = []
    if zh:
        out.append(para(zh, s[0]))
    if en:
        out.append(para(en, s[1]))
    return out


def section(zh: str, en: str) -> list[Flowable]:
    # Keep a heading with the first lines that follow it, and with what follows it whole
    # when that fits a page (a table is never left on the next page without its heading).
    return [CondPageBreak(30 * mm), *keep_with_next([para(zh, S.h, bold=True), para(en, S.h_en)])]


def keep_with_next(flowables: list[Flowable]) -> list[Flowable]:
    """The flowables kept on the page of the flowable after them (an introduction with
    its table): with its start, see KeepStart."""
    for f in flowables:
        f.keepWithNext = 1
    return flowables


class KeepStart(KeepTogether):
    """What reportlab groups for keepWithNext (a heading and what follows it). Its own
    KeepTogether moves the whole group to the next page when it does not fit, which left
    pages half empty before a long table; this moves it only when the heading and the
    start of what follows (a table's header and first row, a paragraph's first lines)
    do not fit, and otherwise lets the rest flow on."""

    def split(self, aW: float, aH: float) -> list[Flowable]:
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        content = list(self._content)
        frame = getattr(self, "_frame", None)
        at_top = frame is not None and getattr(frame, "_atTop", False)
        if aH < self._H and not at_top and _start_height(content, aW) > aH:
            content.insert(0, self.FrameBreak())
        return content


def _start_height(flowables: list[Flowable], width: float) -> float:
    """The height of all but the last flowable, and of the last one's start."""
    total = 0.0
    for i, f in enumerate(flowables):
        _, h = f.wrap(width, PAGE_H)
        if i == len(flowables) - 1:
            if isinstance(f, Table) and getattr(f, "_rowHeights", None):
                h = sum(f._rowHeights[: int(f.repeatRows or 0) + 1])
            elif isinstance(f, Paragraph):
                h = min(h, 2 * f.style.leading)
        total += h + f.getSpaceBefore() + f.getSpaceAfter()
    return total


def title(data: DocumentData, zh: str, en: str) -> list[Flowable]:
    from fairdesk.documents import labels

    out: list[Flowable] = [para(zh, S.title, bold=True), para(en, S.title_en)]
    if data.copy:
        out.append(para(f"（{labels.both(labels.COPIES, data.copy)}）", S.copy, bold=True))
    out.append(Spacer(1, 4 * mm))
    return out


def label_cell(zh: str, en: str) -> list[Flowable]:
    return [para(zh, S.label), para(en, S.label_en)]


Row = tuple[str, str, str]  # label zh, label en, value


_ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")


def _cell(value: object, latin: ParagraphStyle, width: float = 0) -> Flowable | list[Flowable]:
    """A cell's text, each line wrapped its own way: a Chinese line as running Chinese text
    (避头尾, a number kept whole), a line with English words by words (reportlab's Chinese
    wrapping would cut an English word in a narrow column), a word wider than the column
    (`width`, when given) broken at a sensible point rather than where it reaches the edge
    (`第45678|901号`, a lone `）`)."""
    text = str(value) if value not in ("", None) else "—"
    lines = [
        para(line, S.value_zh if latin is S.value else S.cell_zh)
        if has_cjk(line) and not _ENGLISH_WORD.search(line)
        else para(_fit(line, latin, width), latin)
        for line in text.split("\n")
    ]
    return lines[0] if len(lines) == 1 else lines


CELL_PADDING = 12  # reportlab's default cell padding, left and right together


def _fit(line: str, style: ParagraphStyle, width: float) -> str:
    if width <= 0:
        return line
    size = style.fontSize
    return break_long_words(line, width - CELL_PADDING, lambda w: fonts.string_width(w, size))


def fields(rows: Sequence[Row], label_w: float = 42 * mm) -> Flowable:
    """Label / value pairs as a two-column table; empty values print as a dash."""
    data = [
        [label_cell(z, e), _cell(v, S.value, BODY_W - label_w)] for z, e, v in rows
    ]
    table = Table(data, colWidths=[label_w, BODY_W - label_w], hAlign="LEFT", spaceAfter=5)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), fonts.LATIN),
                ("GRID", (0, 0), (-1, -1), 0.4, LIGHT),
                ("BACKGROUND", (0, 0), (0, -1), SHADE),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def grid(
    headers: Sequence[tuple[str, str]],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    empty: tuple[str, str] = ("无", "none"),
) -> Flowable:
    """A list (exhibits, measures, events...) whose header row repeats on every page."""
    total = sum(widths)
    col_w = [w * BODY_W / total for w in widths]
    head = [[para(z, S.cell, bold=True), para(e, S.cell_en)] for z, e in headers]
    body = [[_cell(v, S.cell, w) for v, w in zip(r, col_w, strict=False)] for r in rows]
    if not body:
        body = [[para(f"{empty[0]} / {empty[1]}", S.cell)] + [""] * (len(headers) - 1)]
    table = Table([head, *body], colWidths=col_w, repeatRows=1, hAlign="LEFT", spaceAfter=5)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), fonts.LATIN),
                ("GRID", (0, 0), (-1, -1), 0.4, LIGHT),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                *([("SPAN", (0, 1), (-1, 1))] if not rows else []),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    return table


def signature_lines(
    parties: Sequence[tuple[str, str]], date_line: bool = True, date_beside: bool = False
) -> Flowable:
    """Lines for the parties to sign in the body (the center's own boxes are in the footer).
    date_beside puts one date beside the signatures rather than under each: a line less,
    for a paper whose last lines must fit the page they are on."""
    cells: list[list[Flowable]] = []
    for zh, en in parties:
        block: list[Flowable] = [
            para(f"{zh}（签字/盖章）：", S.label),
            para(f"{en} (signature / seal):", S.label_en),
            Spacer(1, 9 * mm),
            para("日期 Date：", S.label),
        ]
        if not date_line or date_beside:
            block = block[:3]
        cells.append(block)
    widths = [BODY_W / max(len(cells), 1)] * len(cells)
    if date_beside:
        cells.append([para("日期 Date：", S.label)])
        widths = [w * 0.6 for w in widths] + [BODY_W * 0.4]
    table = Table([cells], colWidths=widths, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), fonts.LATIN),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, LIGHT),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return KeepTogether([Spacer(1, 4 * mm), table])


def on_one_page(flowables: Sequence[Flowable]) -> list[Flowable]:
    """Flowables kept on one page (what a party signs, with the lines it signs on).

    Nested KeepTogethers are opened (reportlab moves a nested one to a new page even when
    it fits, which left signature lines alone on a last page) and a heading's page-break
    check stays in front, outside."""
    lead: list[Flowable] = []
    flat: list[Flowable] = []
    for f in flowables:
        if isinstance(f, CondPageBreak):
            if not flat:
                lead.append(f)
            continue
        flat.extend(f._content if isinstance(f, KeepTogether) else [f])
    return [*lead, KeepTogether(flat)]


def box(flowables: list[Flowable]) -> Flowable:
    table = Table([[flowables]], colWidths=[BODY_W], spaceBefore=2, spaceAfter=5)
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.8, RULE),
                ("FONTNAME", (0, 0), (-1, -1), fonts.LATIN),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table


# -- drawing on the canvas ---------------------------------------------------------------


def draw_text(canvas: Canvas, x: float, y: float, text: str, size: float, **kw: Any) -> float:
    """Draw mixed-script text from x (or ending at x when right=True); returns its width."""
    bold = kw.get("bold", False)
    width = fonts.string_width(text, size, bold)
    if kw.get("right"):
        x -= width
    elif kw.get("center"):
        x -= width / 2
    for font, run in fonts.runs(text, bold):
        canvas.setFont(font, size)
        canvas.drawString(x, y, run)
        x += canvas.stringWidth(run, font, size)
    return width


def fitted(
    text: str,
    width: float,
    max_h: float,
    size: float,
    bold: bool = False,
    color: Any = colors.black,
) -> Paragraph:
    """A paragraph shrunk (never cut) until it fits the box; the caller wraps it in that
    box before drawing it (wrapping it here too would lay it out twice)."""
    return Paragraph(
        markup(text, bold), _fit_style(_fitting_size(text, width, max_h, size, bold), color)
    )


def _fit_style(size: float, color: Any) -> ParagraphStyle:
    return ParagraphStyle(
        "fit",
        fontName=fonts.LATIN,
        bulletFontName=fonts.LATIN,
        fontSize=size,
        leading=size * 1.22,
        textColor=color,
        wordWrap="CJK",
    )


# The header's fair names and the footer's legal basis are the same on every page and
# every document of a fair: the size they fit at is found once (each try wraps the text
# anew, half a point at a time, and was a third of a document's drawing).
@lru_cache(maxsize=256)
def _fitting_size(text: str, width: float, max_h: float, size: float, bold: bool) -> float:
    while True:
        p = Paragraph(markup(text, bold), _fit_style(size, colors.black))
        _, h = p.wrap(width, max_h)
        if h <= max_h or size <= 4:
            return size
        size -= 0.5


@lru_cache(maxsize=64)
def qr_matrix(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The QR modules of a payload (error correction M, no quiet zone); computed once."""
    return qr.matrix(payload)


def draw_qr(canvas: Canvas, payload: str, x: float, y: float, size: float) -> None:
    """The payload as a QR code (error correction M), drawn as vector squares."""
    canvas.saveState()
    canvas.setFillColor(colors.black)
    # The page operators `canvas.rect(..., stroke=0, fill=1)` writes for each run of dark
    # modules, the same bytes, formatted once per document instead of once per page.
    canvas.addLiteral(_qr_operators(payload, x, y, size, PATH_OPS[0, 1, canvas._fillMode]))
    canvas.restoreState()


@lru_cache(maxsize=64)
def _qr_operators(payload: str, x: float, y: float, size: float, fill: str) -> str:
    matrix = qr_matrix(payload)
    n = len(matrix)
    cell = size / n
    ops = []
    for r, row in enumerate(matrix):
        c = 0
        while c < n:
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                box = fp_str(x + start * cell, y + size - (r + 1) * cell, (c - start) * cell, cell)
                ops.append(f"n {box} re {fill}")
            else:
                c += 1
    return "\n".join(ops)


def _label_box(canvas: Canvas, x: float, y: float, w: float, h: float, zh: str, en: str) -> None:
    canvas.setStrokeColor(LIGHT)
    canvas.setLineWidth(0.6)
    canvas.rect(x, y, w, h, stroke=1, fill=0)
    canvas.setFillColor(GREY)
    draw_text(canvas, x + 2 * mm, y + h - 3.6 * mm, zh, 7.5)
    draw_text(canvas, x + 2 * mm, y + h - 6.6 * mm, en, 6)
    canvas.setFillColor(colors.black)


@dataclass(frozen=True)
class Furniture:
    data: DocumentData
    payload: str
    legal_basis: str
    doc_title: str
    public: bool = False  # posted for visitors: see kinds.DocKind.public
    full_trust_data: bool = False  # see kinds.DocKind.full_trust_data

    def on_page(self, canvas: Canvas, doc: Any) -> None:
        d = self.data
        canvas.saveState()
        right = PAGE_W - MARGIN_X
        # Header, left: fair and service center.
        _header_left(canvas, d)
        # Header, right: numbers and time.
        _header_right(canvas, d, right)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.8)
        canvas.line(MARGIN_X, HEADER_RULE, right, HEADER_RULE)
        # Footer: legal basis.
        _legal_basis(canvas, self.legal_basis, right)
        # Footer: signature and seal boxes (a public notice is sealed, not signed); a
        # stationed officer's decision is the organ's: the organ's seal comes first.
        _signature_boxes(canvas, self.public, organ_decides(d))
        # Footer: QR in the bottom right corner (a posted notice carries one large code in
        # its body instead: one code on a page).
        qr_x = right - QR_SIZE
        if not self.public:
            _footer_code(canvas, self.payload, qr_x)
        _trust_marks(canvas, d, qr_x, self.public, self.full_trust_data)
        canvas.setFillColor(colors.black)
        if d.specimen:
            _specimen_mark(canvas)
        canvas.restoreState()


def _header_left(canvas: Canvas, d: DocumentData) -> None:
    """The fair's names, then the service center's names and contact."""
    half = BODY_W * 0.56
    fair = fitted(d.fair.name, half, 5.4 * mm, 10.5, bold=True)
    _, fh = fair.wrap(half, 5.4 * mm)
    fair.drawOn(canvas, MARGIN_X, HEADER_TOP - fh)
    fair_en = fitted(d.fair.name_en or d.fair.code, half, 7.5 * mm, 7.5, color=GREY)
    _, eh = fair_en.wrap(half, 7.5 * mm)
    fair_en.drawOn(canvas, MARGIN_X, HEADER_TOP - fh - eh - 0.5 * mm)
    canvas.setFillColor(GREY)
    draw_text(canvas, MARGIN_X, HEADER_RULE + 5.5 * mm, CENTER_ZH, 7.5)
    draw_text(canvas, MARGIN_X, HEADER_RULE + 2 * mm, CENTER_EN, 6.3)
    _center_contact(canvas, d)
    canvas.setFillColor(colors.black)


def _header_right(canvas: Canvas, d: DocumentData, right: float) -> None:
    """The document's and the case's numbers and when it was issued, flush right."""
    case_no = d.case_number or d.complaint_number
    lines = [
        ("文书编号 Doc. No.", d.number),
        ("案件编号 Case No.", case_no),
        ("签发时间 Issued", f"{d.issued_at} {_zone_words(d.fair.utc_offset)}"),
    ]
    y = HEADER_TOP - 3.2 * mm
    for lab, value in lines:
        canvas.setFillColor(GREY)
        w = draw_text(canvas, right, y, value, 8.5, right=True, bold=True)
        draw_text(canvas, right - w - 2 * mm, y, lab, 7, right=True)
        canvas.setFillColor(colors.black)
        y -= 5.6 * mm


def _legal_basis(canvas: Canvas, legal_basis: str, right: float) -> None:
    """The footer's rule and the legal basis above the boxes, shrunk to fit."""
    rule = _footer_rule()
    canvas.line(MARGIN_X, rule, right, rule)
    basis_w = BODY_W - QR_SIZE - 6 * mm
    zh, _, en = legal_basis.partition(" / ")
    if paper_version() < 2:
        text = f"法律依据 Legal basis：{zh}\n{en}" if en else f"法律依据 Legal basis：{zh}"
        room = 14 * mm
    else:  # one line, shrunk to fit
        text = f"法律依据 Legal basis：{zh}" + (f" / {en}" if en else "")
        room = 5.5 * mm
    basis = fitted(text, basis_w, room, 7, color=GREY)
    _, bh = basis.wrap(basis_w, room)
    basis.drawOn(canvas, MARGIN_X, rule - 1.5 * mm - bh)


def _signature_boxes(canvas: Canvas, public: bool, organ: bool) -> None:
    """The officer signs (or the deciding organ seals), the center seals; a notice posted
    for visitors is only sealed."""
    first = ORGAN_SEAL if organ else ("经办人签字", OFFICER_EN)
    if not public:
        _label_box(canvas, MARGIN_X, 14 * mm, 62 * mm, 18 * mm, *first)
    _label_box(
        canvas,
        MARGIN_X + 66 * mm,
        14 * mm,
        62 * mm,
        18 * mm,
        "服务中心盖章",
        "Seal of the service center",
    )


def _center_contact(canvas: Canvas, d: DocumentData) -> None:
    """The service center's address and telephone on one line, right of its English name
    (where a party finds the desk again and calls it); nothing on documents issued before
    they existed."""
    parts = []
    if d.fair.center_address:
        parts.append(f"地址 Address：{d.fair.center_address}")
    if d.fair.center_phone:
        parts.append(f"电话 Tel.：{d.fair.center_phone}")
    if not parts:
        return
    line = "    ".join(parts)
    room = BODY_W * 0.62
    size = 7.0
    while fonts.string_width(line, size) > room and size > 4:
        size -= 0.25
    draw_text(canvas, PAGE_W - MARGIN_X, HEADER_RULE + 2 * mm, line, size, right=True)


def _trust_lines(canvas: Canvas, d: DocumentData) -> None:
    """The root key's fingerprint and the audit chain's head at issue: what a reader
    compares with the service center's published fingerprint, and an anchor of the
    history outside the database. Older documents have neither and print as before."""
    if d.root_fingerprint:
        line = f"根密钥 Root key: {d.root_fingerprint}"
        draw_text(canvas, MARGIN_X, 12.1 * mm, line, 5)
    if d.audit_head:
        line = f"审计链 Audit chain #{d.audit_event}: {d.audit_head}"
        draw_text(canvas, MARGIN_X, 10.3 * mm, line, 5)  # above the page number


OFFICER_EN = "Officer's signature"
ORGAN_SEAL = ("作出处理的机关盖章", "Seal of the deciding organ")


def _footer_code(canvas: Canvas, payload: str, qr_x: float) -> None:
    """The QR code in the bottom right corner, with its caption beneath."""
    qr_y = 14 * mm if paper_version() < 2 else 12.5 * mm  # below the lower rule
    draw_qr(canvas, payload, qr_x, qr_y, QR_SIZE)
    canvas.setFillColor(GREY)
    label_y = qr_y - 3.5 * mm
    draw_text(canvas, qr_x + QR_SIZE / 2, label_y, "扫码验真 Scan to verify", 6, center=True)


def _trust_marks(canvas: Canvas, d: DocumentData, qr_x: float, public: bool, full: bool) -> None:
    """The dossier prints the key and chain data; a party's paper how to verify it; a
    posted notice neither (its QR code verifies it)."""
    if full:
        _trust_lines(canvas, d)
    elif not public:
        _verify_line(canvas, qr_x)


def _verify_line(canvas: Canvas, qr_x: float) -> None:
    """What a party does with the code beside it; the key and chain data a party cannot
    use stay in the file's metadata (`trust_keywords`) and in the dossier."""
    # One line between the signature boxes and the page number, ending at the code.
    line = "本文书可扫码核验真伪 / Scan the QR code to verify this document"
    draw_text(canvas, qr_x - 2.5 * mm, 11.3 * mm, line, 6.5, right=True)


def trust_keywords(d: DocumentData) -> str:
    """The root key's fingerprint and the audit chain's anchor as the PDF's keywords: in
    the file (`fairdesk audit verify --anchor FILE.pdf` reads them), not on the paper."""
    parts = []
    if d.root_fingerprint:
        parts.append(f"Root key: {d.root_fingerprint}")
    if d.audit_head:
        parts.append(f"Audit chain #{d.audit_event}: {d.audit_head}")
    return "; ".join(parts)


def _specimen_mark(canvas: Canvas) -> None:
    canvas.saveState()
    canvas.setFillColor(colors.HexColor("#d0d0d0"))
    canvas.translate(PAGE_W / 2, PAGE_H / 2)
    canvas.rotate(40)
    draw_text(canvas, 0, 0, "样本 SPECIMEN", 64, center=True, bold=True)
    draw_text(canvas, 0, -22 * mm, "演示数据 · 无效 Demo data · not valid", 18, center=True)
    canvas.restoreState()


def numbered_canvas(doc_number: str, created: str | None = None) -> type[Canvas]:
    """A canvas that writes "page x of y" once it knows y; `created` is the PDF date of
    creation (and modification) to write instead of invariant mode's 2000-01-01."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []
            if created is not None:
                self._doc.info._dateFormatter = lambda *_: created

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, 1):
                self.__dict__.update(state)
                self.setFillColor(GREY)
                draw_text(
                    self,
                    PAGE_W / 2,
                    7 * mm,
                    f"{doc_number}    第 {number} 页 / 共 {total} 页    Page {number} of {total}",
                    7.5,
                    center=True,
                )
                super().showPage()
            super().save()

    return NumberedCanvas


def build_pdf(
    data: DocumentData,
    payload: str,
    legal_basis: str,
    doc_title: str,
    story: list[Flowable],
    on_first: Callable[[Canvas, Any], None] | None = None,
    public: bool = False,
    full_trust_data: bool = False,
) -> bytes:
    fonts.register_fonts()
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=PAGE_H - FRAME_TOP,
        bottomMargin=_frame_bottom(),
        title=f"{data.number} {doc_title}",
        author="FairDesk",
        subject=f"{data.fair.code} {data.case_number or data.complaint_number}",
        creator="FairDesk",
        keywords=trust_keywords(data),
        invariant=1,
        initialFontName=fonts.LATIN,
    )
    doc.keepTogetherClass = KeepStart  # a heading kept with the start of what follows
    furniture = Furniture(data, payload, legal_basis, doc_title, public, full_trust_data)
    frame = Frame(
        MARGIN_X,
        _frame_bottom(),
        BODY_W,
        FRAME_TOP - _frame_bottom(),
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate("page", frames=[frame], onPage=furniture.on_page)])
    created = pdf_date(data.issued_at, data.fair.utc_offset) if paper_version() >= 2 else None
    doc.build(story, canvasmaker=numbered_canvas(data.number, created))
    return buf.getvalue()


class QRFlowable(Flowable):
    """A QR code in the body (the booth notice's large one)."""

    def __init__(self, payload: str, size: float) -> None:
        super().__init__()
        self.payload = payload
        self.size = size
        self.hAlign = "CENTER"

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        draw_qr(self.canv, self.payload, 0, 0, self.size)
