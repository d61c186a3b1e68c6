"""The organizer's papers after the fifth legal reading (points 9 and 10, §19.2): the
follow-up list leaves out a complaint not yet accepted, prints the fair's time and
never breaks a word; the statistics report (see test_statistics_report_r5.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fairdesk.documents.linebreak import break_long_words
from fairdesk.exports.pdf_table import PdfColumn, write_pdf_table
from fairdesk.exports.table import local_stamp
from fairdesk.services.casework.steps import act_on_complaint
from fairdesk.services.intake.intake import register_complaint
from fairdesk.services.organizer.followup import COLUMNS, export_followup, iter_followup
from tests.conftest import FakeClock, Team
from tests.pdf_text import needs_pdftotext, pdf_text
from tests.unit.test_followup import CURRENT, History, _complaint, build_history


@pytest.fixture
def history(team: Team, clock: FakeClock) -> History:
    return build_history(team, clock)


def _awaiting_supplement(team: Team) -> str:
    """A complaint against exhibitor 5 (already on the list once), sent back for papers."""
    reg = register_complaint(team.desk, CURRENT, _complaint("4.1A05"))
    act_on_complaint(team.desk, reg.number, "request_supplement", missing_items="商标注册证明")
    return reg.case_numbers[0]


def test_a_complaint_awaiting_supplement_is_no_row_and_no_count(
    team: Team, history: History
) -> None:
    pending = _awaiting_supplement(team)
    keys = [c.key for c in COLUMNS]
    rows = {r[0]: dict(zip(keys, r, strict=True)) for r in iter_followup(team.organizer, CURRENT)}
    assert pending not in rows
    # Exhibitor 5's one accepted case: the complaint not yet accepted does not count.
    assert rows[history.cases["c5"]]["cases_this"] == 1


@needs_pdftotext
def test_the_pdf_says_what_it_leaves_out_and_prints_the_fairs_time(
    team: Team, history: History, clock: FakeClock, tmp_path: Path
) -> None:
    _awaiting_supplement(team)
    path = tmp_path / "list.pdf"
    assert export_followup(team.organizer, CURRENT, path).rows == 3
    flat = "".join(pdf_text(path.read_bytes(), tmp_path).split())
    assert "尚未受理（待补正材料）的投诉不列入本名单：1件" in flat
    assert "awaitingsupplement)arenotlisted:1" in flat
    # The footer: the fair's local time, its zone named (the clock is UTC; Shanghai +8).
    stamp = local_stamp(clock(), "Asia/Shanghai")
    assert "北京时间" in stamp and f"FairDesk·{''.join(stamp.split())}" in flat


# -- words in the PDF tables ------------------------------------------------------------------

EMAIL = "expo@osaka-living.example"
WORDS = "Infringement found preliminarily; Administration"


@needs_pdftotext
def test_table_cells_never_break_a_word(tmp_path: Path) -> None:
    columns = [
        PdfColumn("案件 / Case", 3, lambda r: r[0]),
        PdfColumn("结果 / Outcome", 5, lambda r: r[1]),
        PdfColumn("联系 / Contact", 3, lambda r: r[2]),
        PdfColumn("说明 / Note", 30, lambda r: ""),
    ]
    path = tmp_path / "t.pdf"
    row = ("CIIE2026-0001-1", f"初步认定侵权 / {WORDS}", f"Sato Yuki\n{EMAIL}")
    write_pdf_table(path, columns, [row], title="t")
    tokens = pdf_text(path.read_bytes(), tmp_path, "-layout").split()
    for word in ("Infringement", "preliminarily;", "Administration"):
        assert word in tokens, tokens
    # The address breaks after its @ or a dot, if at all, and nowhere else.
    parts = [t for t in tokens if t in EMAIL and len(t) > 1]
    assert "".join(parts) == EMAIL, tokens
    assert all(p == parts[-1] or p[-1] in "@.-" for p in parts), parts


def _width(text: str) -> float:
    return float(len(text))  # one unit a character: breaks fall where the test puts them


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("Infringement found", 8, ["Infringe", "ment found"]),  # no better point: cut
        (EMAIL, 12, ["expo@osaka-", "living.", "example"]),
        ("第45678901号注册商标", 10, ["第45678901号", "注册商标"]),  # the number whole
        ("第1234567号（WIPO）", 14, ["第1234567号", "（WIPO）"]),  # never a lone "）"
        ("已通知，答辩期内", 3, ["已通", "知，答", "辩期内"]),
        ("expo@munich-kitchen.example", 19, ["expo@munich-", "kitchen.example"]),  # no lone "."
        # After other words: the line is filled first, the number still whole (§11).
        (
            "under: 投诉人关于第45678901号注册商标",
            12,
            ["under: 投诉人关于", "第45678901号注册", "商标"],
        ),
    ],
)
def test_long_words_break_at_sensible_points(text: str, width: int, lines: list[str]) -> None:
    out = break_long_words(text, width, _width).split("\n")
    assert "".join(out).replace(" ", "") == text.replace(" ", "")
    assert not [line for line in out if re.match(r"[，。、；：）]", line)], out
    if lines[0] == "Infringe":  # the word that has no sensible point is cut at the width
        assert out[0] == "Infringe"
    else:
        assert out == lines
