"""Where a word too wide for its column may break, before reportlab breaks it anywhere.

reportlab wraps Latin text at spaces, and a word wider than the line it cuts at the last
character that fits: `Infringem|ent`, `expo@osaka-living.ex|ample`, `第45678|901号`, or a
lone `）` opening the next line. Such a word is broken here first, at the best point that
fits: after `@ . - / _` in an address or a code, between Chinese characters (never inside
a number, never before closing punctuation); only a word with no such point is cut where
it must be. A word that fits is never touched, so most text prints as before.
"""

from __future__ import annotations

from collections.abc import Callable

from fairdesk.domain.normalize import has_cjk

# Characters a line may not begin with (避头尾), Chinese and Latin closing marks.
CLOSING = "，。、；：？！）》〉」』】”’％,.;:?!)]}"
# Characters a line may not end with: opening marks.
OPENING = "（《〈「『【“‘([{"
# A line may break after these inside an e-mail address, a web address or a code.
AFTER = "@./-_"

Measure = Callable[[str], float]


def _allowed(word: str, i: int) -> bool:
    """May a line break between word[i-1] and word[i]?"""
    before, after = word[i - 1], word[i]
    if after in CLOSING or before in OPENING or (before.isdigit() and after.isdigit()):
        return False
    if before in AFTER and not after.isspace():
        return True
    return has_cjk(before) or has_cjk(after)


def _pieces(word: str, width: float, measure: Measure) -> list[str]:
    """The word in pieces that each fit `width`, broken at allowed points where it can."""
    out: list[str] = []
    rest = word
    while rest and measure(rest) > width:
        # Closing punctuation may hang past the edge, as in running Chinese text.
        fits = [i for i in range(1, len(rest)) if measure(rest[:i].rstrip(CLOSING)) <= width]
        cut = max((i for i in fits if _allowed(rest, i)), default=0)
        if cut == 0:  # nothing allowed fits: cut at the last character that fits
            cut = max(fits, default=1)
        out.append(rest[:cut])
        rest = rest[cut:]
    if rest:
        out.append(rest)
    return out


def break_long_words(text: str, width: float, measure: Measure) -> str:
    """`text` with a line break ("\\n") inside every word wider than `width`."""
    lines = []
    for line in text.split("\n"):
        words = line.split(" ")
        if measure(line) <= width or all(measure(w) <= width for w in words):
            lines.append(line)
            continue
        out: list[str] = []
        for w in words:
            if measure(w) <= width:
                out.append(w)
                continue
            pieces = _pieces(w, width, measure)
            # The first piece follows the text before it on its line (reportlab moves it
            # down when it does not fit there); the others open lines of their own.
            out.append("\n".join(pieces))
        lines.append(" ".join(out))
    return "\n".join(lines)
