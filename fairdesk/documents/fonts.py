# mypy: disable-error-code="import-untyped,import-not-found"
"""The fonts printed documents use, and markup that gives each character a face that has it.

reportlab has no font fallback: a character the current face lacks prints as an empty box.
So text is split into runs, each in the first face of a chain that has the glyph:

- DejaVu Sans: Latin with accents (Vietnamese too), Greek, Cyrillic, numbers;
- Droid Sans Fallback: Chinese (simplified and traditional) and Japanese kana;
- Loma (TLWG): Thai, drawn so that its marks sit right without shaping;
- NanumGothic: Korean Hangul.

The order keeps every character that printed before in the face it printed in, so a
reprint of a document issued before a face was added is still byte-identical. All are
TrueType (glyf) fonts shipped in `resources/fonts` with their licences (resources/README.md);
reportlab embeds the subset used.

A character no face has is never drawn as a box: it prints as its code ("[U+1F984]") and is
recorded in the `missing()` collector, so that issuing a document can report it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from fairdesk.resources_path import resource

LATIN = "FD-Sans"
LATIN_BOLD = "FD-Sans-Bold"
CJK = "FD-CJK"
THAI = "FD-Thai"
THAI_BOLD = "FD-Thai-Bold"
HANGUL = "FD-Hangul"
HANGUL_BOLD = "FD-Hangul-Bold"

FILES = {
    LATIN: "DejaVuSans.ttf",
    LATIN_BOLD: "DejaVuSans-Bold.ttf",
    CJK: "DroidSansFallbackFull.ttf",
    THAI: "Loma.ttf",
    THAI_BOLD: "Loma-Bold.ttf",
    HANGUL: "NanumGothic.ttf",
    HANGUL_BOLD: "NanumGothicBold.ttf",
}

# Faces tried in order for regular and bold text (Droid has no bold: it serves both).
CHAIN = (LATIN, CJK, THAI, HANGUL)
CHAIN_BOLD = (LATIN_BOLD, CJK, THAI_BOLD, HANGUL_BOLD)

_missing: ContextVar[set[str] | None] = ContextVar("fairdesk_missing_glyphs", default=None)


# Faces that styles, tables and page furniture name directly: registered up front. The
# others (Thai, Hangul) are read when a character first needs them (`covers`): reading a
# TrueType file is most of a document's first print, and the Nanum files are 4.6 MB each.
EAGER = (LATIN, LATIN_BOLD, CJK)


@cache
def register_fonts() -> None:
    """Register the faces every document uses with reportlab, once per process."""
    for name in EAGER:
        _register(name)
    pdfmetrics.registerFontFamily(
        LATIN, normal=LATIN, bold=LATIN_BOLD, italic=LATIN, boldItalic=LATIN_BOLD
    )


@cache
def _register(name: str) -> None:
    pdfmetrics.registerFont(TTFont(name, str(resource("fonts", FILES[name]))))


@cache
def covers(font: str) -> frozenset[int]:
    """The code points a face has a glyph for (registering the face on first use)."""
    register_fonts()
    _register(font)
    face = pdfmetrics.getFont(font).face
    return frozenset(face.charWidths)


def _invisible(char: str) -> bool:
    # Joiners, direction marks and variation selectors carry no ink of their own.
    return unicodedata.category(char) in ("Cf", "Cc") or 0xFE00 <= ord(char) <= 0xFE0F


def font_for(char: str, bold: bool = False) -> str | None:
    """The first face of the chain that has the character; None when none has it."""
    chain = CHAIN_BOLD if bold else CHAIN
    if char.isspace():
        return chain[0]
    code = ord(char)
    for font in chain:
        if code in covers(font):
            return font
    return None


def missing_in(text: str) -> list[str]:
    """The characters of `text` no bundled face has, each once, in order of appearance."""
    out: list[str] = []
    for char in str(text):
        if char not in out and not _invisible(char) and font_for(char) is None:
            out.append(char)
    return out


@contextmanager
def collect_missing() -> Iterator[set[str]]:
    """Collect the characters printed as codes while the block runs (rendering a document)."""
    found: set[str] = set()
    token = _missing.set(found)
    try:
        yield found
    finally:
        _missing.reset(token)


def code_of(char: str) -> str:
    return f"[U+{ord(char):04X}]"


def runs(text: str, bold: bool = False) -> list[tuple[str, str]]:
    """Split text into (font, run) pieces of one font each."""
    base = (CHAIN_BOLD if bold else CHAIN)[0]
    out: list[tuple[str, str]] = []
    for char in text:
        font = font_for(char, bold)
        piece = char
        if font is None:
            if _invisible(char):
                continue
            found = _missing.get()
            if found is not None:
                found.add(char)
            font, piece = base, code_of(char)
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + piece)
        else:
            out.append((font, piece))
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
