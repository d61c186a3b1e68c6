# mypy: disable-error-code="import-untyped,import-not-found"
"""Fonts for the PDF lists and reports, Chinese included.

The shipped fonts (resources/fonts, looked up by `fairdesk.documents.fonts`) are used when
they are there; otherwise reportlab's built-in STSong-Light CID font, which every PDF
reader can show (it is not embedded), so a list still prints without the font files.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics


@cache
def _shipped() -> (
    tuple[Callable[[str, bool], str], Callable[[str, float, bool], float], str, str] | None
):
    try:
        from fairdesk.documents import fonts

        fonts.register_fonts()
    except Exception:  # missing module or font files: fall back
        return None
    return fonts.markup, fonts.string_width, fonts.LATIN, fonts.LATIN_BOLD


FALLBACK = "STSong-Light"


@cache
def _fallback() -> str:
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK))
    return FALLBACK


def base_font(bold: bool = False) -> str:
    """The font name for plain canvas text (page furniture)."""
    shipped = _shipped()
    if shipped is not None:
        return shipped[3] if bold else shipped[2]
    return _fallback()


def markup(text: str, bold: bool = False) -> str:
    """Paragraph markup for plain text, each script in a font that has its glyphs."""
    shipped = _shipped()
    if shipped is not None:
        return shipped[0](text, bold)
    body = "<br/>".join(escape(line) for line in str(text).split("\n"))
    return f"<b>{body}</b>" if bold else body


def string_width(text: str, size: float, bold: bool = False) -> float:
    shipped = _shipped()
    if shipped is not None:
        return shipped[1](text, size, bold)
    return float(pdfmetrics.stringWidth(text, _fallback(), size))


def draw_string(
    canvas: object, x: float, y: float, text: str, size: float, bold: bool = False
) -> None:
    """Draw mixed Chinese/Latin text on a canvas, run by run."""
    from reportlab.pdfgen.canvas import Canvas

    assert isinstance(canvas, Canvas)
    shipped = _shipped()
    if shipped is None:
        canvas.setFont(_fallback(), size)
        canvas.drawString(x, y, text)
        return
    from fairdesk.documents import fonts

    for font, run in fonts.runs(text, bold):
        canvas.setFont(font, size)
        canvas.drawString(x, y, run)
        x += pdfmetrics.stringWidth(run, font, size)
