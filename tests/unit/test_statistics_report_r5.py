"""The statistics report after the fifth legal reading (point 10, §19.2): rights named in
full, whole-number ticks and both languages on the charts, areas in English, no page
with a lone line, and the 24-hour transfers counted against all that were due."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from reportlab.graphics import renderPDF
from reportlab.platypus import KeepTogether, Paragraph
from sqlalchemy import update

from fairdesk.db.models import Exhibitor
from fairdesk.services.organizer.statistics import (
    TransferCompliance,
    fair_statistics,
    summary_rows,
)
from fairdesk.services.organizer.statistics_report import (
    build_story,
    export_report,
    horizontal_bars,
)
from tests.conftest import FakeClock, Team
from tests.pdf_text import needs_pdftotext, pdf_text
from tests.unit.test_followup import CURRENT, History, build_history


@pytest.fixture
def history(team: Team, clock: FakeClock) -> History:
    built = build_history(team, clock)
    with team.admin.db.writing() as session:  # the exhibitor list's areas, both languages
        session.execute(update(Exhibitor).values(area="消费品展区", area_en="Consumer Goods"))
    return built


def test_the_transfer_figure_counts_against_all_that_were_due(team: Team, history: History) -> None:
    report = fair_statistics(team.organizer, CURRENT)
    late = dataclasses.replace(report.current, transfer=TransferCompliance(4, 0, 3, 1))
    rows = dict(summary_rows(dataclasses.replace(report, current=late)))
    label = next(k for k in rows if k.startswith("24小时移交"))
    assert "应移交" in label and "due" in label
    assert rows[label][-1] == "0/4（逾期 3，未到期 1 / 3 late, 1 pending）"  # the earlier: 0/0
    # The details say the same, in both languages.
    story = build_story(dataclasses.replace(report, current=late))
    text = " ".join(p.getPlainText() for p in _flat(story) if isinstance(p, Paragraph))
    assert "应移交 4，按时 0，逾期 3，未到期 1" in text and "4 due, 0 on time, 3 late" in text


def _flat(story: list[Any]) -> list[Any]:
    return [g for f in story for g in (_flat(f._content) if isinstance(f, KeepTogether) else [f])]


@needs_pdftotext
def test_rights_in_full_areas_in_english_and_charts_in_both_languages(
    team: Team, history: History, tmp_path: Path
) -> None:
    path = tmp_path / "stats.pdf"
    export_report(team.organizer, CURRENT, path)
    flat = "".join(pdf_text(path.read_bytes(), tmp_path).split())
    assert "外观设计专利权/Designpatentright" in flat
    assert "注册商标专用权/Exclusiverighttoaregisteredtrademark" in flat
    assert "外观设计专利/Designpatent" not in flat and "商标/Trademark" not in flat
    assert "消费品展区/ConsumerGoods" in flat
    # The charts: titles and labels in Chinese and in English.
    for zh, en in (
        ("被投诉案件处理结果", "Outcomesofrespondentcases"),
        ("初步认定侵权", "Infringementfoundpreliminarily"),
        ("投诉按权利类型", "Complaintsbytypeofright"),
        ("德国", "Germany"),
        ("中位", "Median"),
    ):
        assert zh in flat and en in flat, (zh, en)


@needs_pdftotext
def test_a_count_chart_has_whole_number_ticks(tmp_path: Path) -> None:
    drawing = horizontal_bars(
        ("处理结果", "Outcomes"), [(("认定侵权", "Found"), 2.0), (("处理中", "Open"), 1.0)]
    )
    path = tmp_path / "chart.pdf"
    renderPDF.drawToFile(drawing, str(path))
    numbers = [t for t in pdf_text(path.read_bytes(), tmp_path).split() if t[0].isdigit()]
    assert numbers and all(t.isdigit() for t in numbers), numbers
    assert {"0", "1", "2"} <= set(numbers)


def test_the_last_blocks_stay_together(team: Team, history: History) -> None:
    """No page holds a lone line: the details, with every breakdown's title beside its
    table, are one block (see test_organizer_papers_r6.py for the last page)."""
    story = build_story(fair_statistics(team.organizer, CURRENT))
    last = story[-1]
    assert isinstance(last, KeepTogether)
    grid = last._content[-1]
    cells = [c for row in grid._cellvalues for c in row if c]
    titles = [c[0].getPlainText() for c in cells]
    assert any("巡查发现" in t for t in titles) and any("商事纠纷按类型" in t for t in titles)
    # The commercial disputes' table (one row) is in the same cell as its title.
    block = next(c for c in cells if "商事纠纷按类型" in c[0].getPlainText())
    assert [type(f).__name__ for f in block] == ["Paragraph", "Table"]
