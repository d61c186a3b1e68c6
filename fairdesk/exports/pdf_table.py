# mypy: disable-error-code="import-untyped,misc"
"""Streaming PDF table: landscape pages, a header repeated on every page, "page x of y".

Rows are laid out one small table each, produced on demand from the row iterator, so a
list of any length is never held in memory; the page total is a form drawn on every
page and filled in when the last page is done.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from fairdesk.documents.linebreak import break_long_words
from fairdesk.exports import pdf_fonts
from fairdesk.exports.table import PROGRESS_EVERY, RowProgress, atomic_output

TOTAL_FORM = "fdPageTotal"


@dataclass(frozen=True)
class PdfColumn:
    header: str  # bilingual, may hold a newline
    width: float  # relative
    render: Callable[[Sequence[Any]], str]


def _style(size: float, bold: bool = False) -> ParagraphStyle:
    return ParagraphStyle(
        f"fd{size}{bold}",
        fontName=pdf_fonts.base_font(bold),
        fontSize=size,
        leading=size * 1.25,
        # Lines break at spaces; a word too wide for its column is broken beforehand at a
        # sensible point (`break_long_words`: Chinese between characters, an e-mail after
        # its @ or a dot), never mid-word as CJK wrapping breaks English.
    )


PADDING = 6  # reportlab's default cell padding, left and right


def _cell_text(text: str, width: float, size: float, bold: bool = False) -> str:
    return break_long_words(text, width, lambda w: pdf_fonts.string_width(w, size, bold))


class _LazyStory:
    """The list interface platypus consumes its story through, filled on demand."""

    def __init__(self, items: Iterator[Flowable]) -> None:
        self._buf: list[Flowable] = []
        self._it: Iterator[Flowable] | None = items

    def _fill(self, n: int) -> None:
        while self._it is not None and len(self._buf) < n:
            try:
                self._buf.append(next(self._it))
            except StopIteration:
                self._it = None

    def __len__(self) -> int:
        self._fill(1)
        return len(self._buf)

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            self._fill(i.stop if i.stop is not None else 1 << 30)
        else:
            self._fill(i + 1)
        return self._buf[i]

    def __delitem__(self, i: Any) -> None:
        self[i]  # noqa: B018 - fills the buffer up to i
        del self._buf[i]

    def __setitem__(self, i: Any, value: Any) -> None:
        self._buf[i] = value

    def insert(self, i: int, value: Flowable) -> None:
        self._buf.insert(i, value)


def _header(columns: Sequence[PdfColumn], widths: list[float]) -> Table:
    """The header row repeated on every page."""
    head = _style(6.5, bold=True)
    header = Table(
        [
            [
                Paragraph(
                    pdf_fonts.markup(_cell_text(c.header, w - 2 * PADDING, 6.5, True), True), head
                )
                for c, w in zip(columns, widths, strict=True)
            ]
        ],
        colWidths=widths,
    )
    header.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#DDE6F0")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return header


def numbered_canvas(size: float) -> type[Canvas]:
    class _Canvas(Canvas):
        def save(self) -> None:
            total = max(self.getPageNumber() - 1, 1)
            self.beginForm(TOTAL_FORM)
            pdf_fonts.draw_string(self, 0, 0, str(total), size)
            self.endForm()
            super().save()

    return _Canvas


def write_pdf_table(
    path: Path,
    columns: Sequence[PdfColumn],
    rows: Iterable[Sequence[Any]],
    *,
    title: str,
    subtitle: str = "",
    stamp: str = "",
    large: bool = False,
    progress: RowProgress | None = None,
) -> int:
    """Write the rows as a landscape table (A4, or A3 when `large`); return the count.

    `stamp` is the footer's time, written by the caller in the fair's time zone with the
    zone named (this machine's clock may be in another)."""
    lay = _layout(columns, large)
    stamp = stamp or datetime.now().astimezone().strftime("%Y-%m-%d %H:%M (UTC%z)")
    story = _Rows(rows, columns, lay, progress)
    with atomic_output(path) as tmp:
        doc = BaseDocTemplate(
            str(tmp),
            pagesize=lay.page,
            leftMargin=lay.margin,
            rightMargin=lay.margin,
            topMargin=lay.margin,
            bottomMargin=lay.margin,
            title=title,
            author="FairDesk",
        )
        furniture = _furniture(lay, title, subtitle, stamp)
        doc.addPageTemplates([PageTemplate("rows", [_frame(lay)], onPage=furniture)])
        doc.build(_LazyStory(iter(story)), canvasmaker=numbered_canvas(8))
        if progress is not None:
            progress(story.count)  # may still cancel: the file is not in place yet
    return story.count


@dataclass(frozen=True)
class _Layout:
    """The page and where its parts go: margins, column widths, the header's height."""

    page: tuple[float, float]
    margin: float
    widths: list[float]
    header: Table
    header_h: float
    title_h: float = 14 * mm
    footer_h: float = 8 * mm

    @property
    def width(self) -> float:
        return self.page[0] - 2 * self.margin


def _layout(columns: Sequence[PdfColumn], large: bool) -> _Layout:
    page = landscape(A3 if large else A4)
    margin = 10 * mm
    width = page[0] - 2 * margin
    total_w = sum(c.width for c in columns)
    widths = [width * c.width / total_w for c in columns]
    header = _header(columns, widths)
    _, header_h = header.wrap(width, page[1])
    return _Layout(page, margin, widths, header, header_h)


def _frame(lay: _Layout) -> Frame:
    """The rows' frame: below the title and the header, above the footer."""
    return Frame(
        lay.margin,
        lay.margin + lay.footer_h,
        lay.width,
        lay.page[1] - 2 * lay.margin - lay.footer_h - lay.title_h - lay.header_h,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )


def _furniture(
    lay: _Layout, title: str, subtitle: str, stamp: str
) -> Callable[[Canvas, Any], None]:
    """Every page's title, column header, "page x of y" and the time it was made."""
    page, margin, header = lay.page, lay.margin, lay.header

    def furniture(canvas: Canvas, doc: Any) -> None:
        canvas.saveState()
        top = page[1] - margin
        pdf_fonts.draw_string(canvas, margin, top - 5 * mm, title, 12, bold=True)
        if subtitle:
            pdf_fonts.draw_string(canvas, margin, top - 10 * mm, subtitle, 8)
        header.drawOn(canvas, margin, top - lay.title_h - lay.header_h)
        n = canvas.getPageNumber()
        label = f"第 {n} 页 / Page {n} of "
        x = page[0] - margin - pdf_fonts.string_width(label, 8) - 6 * mm
        pdf_fonts.draw_string(canvas, x, margin, label, 8)
        canvas.translate(x + pdf_fonts.string_width(label, 8), margin)
        canvas.doForm(TOTAL_FORM)
        canvas.restoreState()
        canvas.saveState()
        pdf_fonts.draw_string(canvas, margin, margin, f"FairDesk · {stamp}", 7)
        canvas.restoreState()

    return furniture


class _Rows:
    """The story: one small table per row, made as the pages need them, counted."""

    def __init__(
        self,
        rows: Iterable[Sequence[Any]],
        columns: Sequence[PdfColumn],
        lay: _Layout,
        progress: RowProgress | None,
    ) -> None:
        self.rows, self.columns, self.widths, self.progress = rows, columns, lay.widths, progress
        self.count = 0

    def __iter__(self) -> Iterator[Flowable]:
        cell = _style(6.5)
        row_style = TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
        inner = [w - 2 * PADDING for w in self.widths]
        for row in self.rows:
            texts = [
                _cell_text(c.render(row), w, 6.5) for c, w in zip(self.columns, inner, strict=True)
            ]
            t = Table(
                [[Paragraph(pdf_fonts.markup(text), cell) for text in texts]],
                colWidths=self.widths,
                splitInRow=1,
            )
            t.setStyle(row_style)
            yield t
            self.count += 1
            if self.progress is not None and self.count % PROGRESS_EVERY == 0:
                self.progress(self.count)
        if self.count == 0:
            yield Paragraph(pdf_fonts.markup("（无记录 / no rows）"), cell)
