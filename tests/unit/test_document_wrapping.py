"""Line breaking in the printed documents: no line opens with closing punctuation (避头尾)."""

from __future__ import annotations

import pytest

from fairdesk.documents.furniture import S, para

# Ten CJK characters fill a line of ten ems; the punctuation falls where a line would begin.
TEN = "本中心将通知被投诉人"


def _lines(text: str, width: float, bold: bool = False) -> list[str]:
    """The lines reportlab breaks the paragraph into (one text run, or several)."""
    p = para(text, S.zh, bold)
    p.wrap(width, 1000)
    if p.blPara.kind == 0:
        return ["".join(words) for _, words in p.blPara.lines]
    return ["".join(w.text for w in line.words) for line in p.blPara.lines]


@pytest.mark.parametrize("mark", ["，", "。", "；", "：", "？", "！", "）", "》", "”", "、"])
@pytest.mark.parametrize("mixed", [False, True], ids=["one-run", "runs"])
def test_no_line_opens_with_closing_punctuation(mark: str, mixed: bool) -> None:
    width = 10 * S.zh.fontSize  # exactly ten full-width characters
    tail = f"{TEN}{mark}{TEN}" + (" Booth 4.1A01" if mixed else "")  # Latin: another run
    lines = _lines(f"{TEN}{mark}{tail}", width)
    assert len(lines) >= 3
    assert all(line and line[0] != mark for line in lines), lines
    assert lines[0] == f"{TEN}{mark}"  # it hangs at the end of the line it closes


def test_an_opening_line_is_untouched() -> None:
    width = 10 * S.zh.fontSize
    assert _lines(f"{TEN}{TEN}", width) == [TEN, TEN]
