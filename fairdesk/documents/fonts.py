# mypy: disable-error-code="import-untyped,import-not-found"
"""The fonts printed documents use, and markup that gives each script its font.

DejaVu Sans sets Latin text; Droid Sans Fallback sets Chinese (DejaVu has no CJK glyphs,
Droid has no Latin ones). Both are TrueType, shipped in `resources/fonts` under licences
that allow embedding (see resources/README.md); reportlab embeds the subset used.
"""

from __future__ import annotations

from functools import cache
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from fairdesk.resources_path import resource

LATIN = "FD-Sans"
LATIN_BOLD = "FD-Sans-Bold"
CJK = "FD-CJK"

_FILES = {
    LATIN: "DejaVuSans.ttf",
    LATIN_BOLD: "DejaVuSans-Bold.ttf",
    CJK: "DroidSansFallbackFull.ttf",
}


@cache
def register_fonts() -> None:
    """Register the three faces with reportlab once per process."""
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource("fonts", filename))))
    pdfmetrics.registerFontFamily(
        LATIN, normal=LATIN, bold=LATIN_BOLD, italic=LATIN, boldItalic=LATIN_BOLD
    )


@cache
def _covers(font: str) -> frozenset[int]:
    register_fonts()
    face = pdfmetrics.getFont(font).face
    return frozenset(face.charWidths)


def font_for(char: str, bold: bool = False) -> str:
    """Latin face where it has the glyph, else the CJK face (else Latin: a missing glyph)."""
    code = ord(char)
    if code in _covers(LATIN) or char.isspace():
        return LATIN_BOLD if bold else LATIN
    if code in _covers(CJK):
        return CJK
    return LATIN_BOLD if bold else LATIN


def runs(text: str, bold: bool = False) -> list[tuple[str, str]]:
    """Split text into (font, run) pieces of one font each."""
    out: list[tuple[str, str]] = []
    for char in text:
        font = font_for(char, bold)
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + char)
        else:
            out.append((font, char))
    return out


def markup(text: str, bold: bool = False) -> str:
    """Paragraph markup for plain text: escaped, each script in its font, newlines kept."""
    lines = str(text).split("\n")
    parts = []
    for line in lines:
        parts.append(
            "".join(f'<font name="{font}">{escape(run)}</font>' for font, run in runs(line, bold))
        )
    return "<br/>".join(parts)


def string_width(text: str, size: float, bold: bool = False) -> float:
    return float(sum(pdfmetrics.stringWidth(run, font, size) for font, run in runs(text, bold)))
