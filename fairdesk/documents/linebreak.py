"""Where a word too wide for its column may break, before reportlab breaks it anywhere.

reportlab wraps Latin text at spaces, and a word wider than the line it cuts at the last
character that fits: `Infringem|ent`, `expo@osaka-living.ex|ample`, `第45678|901号`, or a
lone `）` opening the next line. Such a word is broken here first, at the best point that
fits: after `@ . - / _` in an address or a code, between Chinese characters (never inside
a number or `第…号`, never before closing punctuation); only a word with no such point is cut where
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
    if (before == "第" and after.isdigit()) or (before.isdigit() and after == "号"):
        return False  # 第45678901号 reads as one number
    if before in AFTER and not after.isspace():
        return True
    return has_cjk(before) or has_cjk(after)


def _cut(word: str, room: float, measure: Measure) -> int:
    """Where to end the first piece of `word` in `room`: the last allowed point that fits
    (nothing hangs past the edge: reportlab would cut a piece that does not fit); 0 if
    none."""
    fits = [i for i in range(1, len(word)) if measure(word[:i]) <= room]
    return max((i for i in fits if _allowed(word, i)), default=0)


def _pieces(word: str, room: float, width: float, measure: Measure) -> list[str]:
    """The word in pieces: the first for the `room` left on its line (none when nothing
    fits there), each other one fitting `width`, broken at allowed points where it can."""
    out: list[str] = []
    cut = _cut(word, room, measure) if room > 0 else 0
    if cut:
        out.append(word[:cut])
        word = word[cut:]
    elif room < width:
        out.append("")  # starts the next line
    while measure(word) > width:
        cut = _cut(word, width, measure)
        if cut == 0:  # nothing allowed fits: cut at the last character that fits
            cut = max((i for i in range(1, len(word)) if measure(word[:i]) <= width), default=1)
        out.append(word[:cut])
        word = word[cut:]
    return [*out, word]


def break_long_words(text: str, width: float, measure: Measure) -> str:
    """`text` with line breaks ("\\n") inside every word wider than `width`, placed where
    the line fills up, as reportlab fills lines (a word that fits moves down whole)."""
    lines = []
    space = measure(" ")
    for line in text.split("\n"):
        words = line.split(" ")
        if measure(line) <= width or all(measure(w) <= width for w in words):
            lines.append(line)
            continue
        out: list[str] = []
        used = -space  # the width on the current line so far
        for w in words:
            size = measure(w)
            if used + space + size <= width:
                out.append(w)
                used += space + size
            elif size <= width:
                out.append(w)  # reportlab moves it down whole
                used = size
            else:
                pieces = _pieces(w, width - used - space, width, measure)
                if pieces[0] == "" and out:
                    out[-1] += "\n" + "\n".join(pieces[1:])
                else:
                    out.append("\n".join(p for p in pieces if p))
                used = measure(pieces[-1])
        lines.append(" ".join(out))
    return "\n".join(lines)
