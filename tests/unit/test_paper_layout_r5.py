"""Layout of every paper after the fifth legal reading: a heading stays with what it
introduces, no line in a table cell opens with closing punctuation or cuts a number, and
the referral letter reads both parties on one page (reviews/documents_zh_5.md §0, §11,
§15, §17). Each test failed on the documents before this round."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table
from sqlalchemy import select

from fairdesk.db.models import IssuedDocument
from fairdesk.documents import fonts, referral_letter
from fairdesk.documents.furniture import BODY_W, S, grid, section
from fairdesk.documents.model import DocumentData
from fairdesk.services.casework.steps import act_on_case
from fairdesk.services.paper import documents as docs
from tests.conftest import FakeClock, Team
from tests.helpers import make_fair
from tests.pdf_text import needs_pdftotext, pdf_text
from tests.unit.test_paper_law import _decide
from tests.unit.test_paper_law_r4 import _reviewed

CLOSING = "，。、；：？！）》"


def _cell_lines(text: str, inner: float) -> list[str]:
    """The lines of a one-cell grid row whose text column is `inner` points wide inside."""
    table = grid([("权利", "Right"), ("备注", "Note")], [[text, ""]], [inner + 12, BODY_W])
    table.wrap(BODY_W + inner + 12, 1000)
    cell = table._cellvalues[1][0]
    out = []
    for p in cell if isinstance(cell, (list, tuple)) else [cell]:
        lines = p.blPara.lines
        if p.blPara.kind == 0:
            out += ["".join(words) for _, words in lines]
        else:
            out += ["".join(w.text for w in line.words) for line in lines]
    return out


@pytest.mark.parametrize(
    ("text", "tail"),
    [
        ("第1234567号（WIPO）", "（WIPO"),  # the receipt's Madrid mark (§0, §15)
        ("Other claims: 投诉人关于第45678901号注册商标专用权的主张，未指明展品", "第45678"),
    ],
)
def test_a_cell_never_opens_a_line_with_closing_punctuation_nor_cuts_a_number(
    text: str, tail: str
) -> None:
    fonts.register_fonts()
    # The column ends just after `tail`: where reportlab used to cut the word.
    head = text[: text.index(tail) + len(tail)].split(" ")[-1]
    lines = _cell_lines(text, fonts.string_width(head, S.cell.fontSize) + 0.5)
    assert "".join(lines).replace(" ", "") == text.replace(" ", ""), lines
    assert not [line for line in lines if line[:1] in CLOSING], lines
    numbers = re.findall(r"\d{5,}", text)
    assert all(any(n in line for line in lines) for n in numbers), lines


@needs_pdftotext
def test_a_heading_is_never_left_at_the_foot_of_a_page(tmp_path: Path) -> None:
    fonts.register_fonts()
    rows = [[f"第{i}项", "内容"] for i in range(8)]
    table = grid([("项目", "Item"), ("说明", "Note")], rows, [1, 1])
    _, table_h = table.wrap(BODY_W, A4[1])
    frame_h = A4[1] - 2 * 72
    # Room left on page 1: more than the heading's page-break check asks, less than the
    # heading and its table need together.
    filler = frame_h - 40 * 2.835 - 6
    assert table_h > 40 * 2.835  # the table alone does not fit the room left
    story = [Spacer(1, filler), *section("权利依据", "Rights relied on"), table]
    path = tmp_path / "h.pdf"
    SimpleDocTemplate(str(path), pagesize=A4, topMargin=72, bottomMargin=72).build(story)
    first = pdf_text(path.read_bytes(), tmp_path, "-f", "1", "-l", "1")
    assert "权利依据" not in first  # it went over with its table
    second = pdf_text(path.read_bytes(), tmp_path, "-f", "2", "-l", "2")
    assert "权利依据" in second and "第0项" in second


@pytest.fixture
def fair(team: Team) -> str:
    return make_fair(team.admin)


def test_the_referral_letter_keeps_both_parties_together(
    team: Team, fair: str, clock: FakeClock
) -> None:
    case = _reviewed(team, clock)
    _decide(team, case, "decide_infringing", "merits")
    act_on_case(team.desk, case, "refer", referral_kind="market_regulation", authority="某区局")
    info = docs.issue_document(team.desk, "referral-letter", case)
    with team.desk.db.reading() as session:
        doc = session.scalars(
            select(IssuedDocument).where(IssuedDocument.number == info.number)
        ).one()
        data = DocumentData.from_dict(doc.content["data"])
    story = referral_letter.story(data)
    at = next(
        i for i, f in enumerate(story) if isinstance(f, Paragraph) and f.getPlainText() == "当事人"
    )
    parties = next(f for f in story[at:] if isinstance(f, Table))
    # One row, complainant beside respondent: a page cannot fall between them.
    assert len(parties._cellvalues) == 1 and len(parties._cellvalues[0]) == 2
    text = " ".join(p.getPlainText() for p in parties._cellvalues[0][1])
    assert "被投诉人" in text
