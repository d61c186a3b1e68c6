"""The organizer's papers after the sixth legal reading (points 8 and 10): the statistics
count the cases the follow-up list lists, and say which; a stage with no data has no bar;
the report ends on a page that holds more than its last lines; the follow-up list names
a confirmed case's missing measure. The dossier (point 9): test_dossier_r6.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.graphics import renderPDF
from reportlab.platypus import KeepTogether, Paragraph

from fairdesk.services.casework.steps import act_on_case, act_on_complaint
from fairdesk.services.intake.intake import register_complaint
from fairdesk.services.organizer.followup import COLUMNS, iter_followup
from fairdesk.services.organizer.statistics import fair_statistics
from fairdesk.services.organizer.statistics_report import (
    build_story,
    export_report,
    horizontal_bars,
)
from tests.conftest import FakeClock, Team
from tests.pdf_text import needs_pdftotext, pdf_text
from tests.unit.test_followup import CURRENT, History, _complaint, build_history
from tests.unit.test_organizer_papers_r5 import _awaiting_supplement


@pytest.fixture
def history(team: Team, clock: FakeClock) -> History:
    return build_history(team, clock)


def test_a_complaint_awaiting_supplement_counts_as_a_complaint_not_as_a_case(
    team: Team, history: History
) -> None:
    before = fair_statistics(team.organizer, CURRENT).current
    _awaiting_supplement(team)  # one more complaint, its one respondent at booth 4.1A05
    after = fair_statistics(team.organizer, CURRENT).current
    assert after.complaints == before.complaints + 1
    assert after.complaints_pending == before.complaints_pending + 1
    # Its respondent is no case yet, as on the follow-up list: no figure of cases moves.
    for figure in (
        "respondent_cases",
        "respondent_enterprises",
        "outcomes",
        "cases_by_hall",
        "cases_by_area",
        "cases_by_country",
    ):
        assert getattr(after, figure) == getattr(before, figure), figure
    assert after.outcomes["open"] == 1  # c5, the one open case the list holds


def test_the_report_says_which_cases_it_counts(team: Team, history: History) -> None:
    _awaiting_supplement(team)
    story = build_story(fair_statistics(team.organizer, CURRENT))
    text = " ".join(p.getPlainText() for p in _flat(story) if isinstance(p, Paragraph))
    assert "尚未受理（待补正材料）的投诉 1 件，其被投诉人不计入被投诉案件" in text
    assert "respondents of 1 complaint(s) not yet accepted" in text


def _flat(story: list[object]) -> list[object]:
    return [g for f in story for g in (_flat(f._content) if isinstance(f, KeepTogether) else [f])]


@needs_pdftotext
def test_a_stage_without_data_has_a_dash_not_a_zero_bar(tmp_path: Path) -> None:
    drawing = horizontal_bars(
        ("各阶段用时", "Hours per stage"),
        [(("受理", "accept"), 1.5), (("整改", "remedy"), None)],
        more=[[2.5, None]],
        names=[("中位", "Median"), ("最长", "Max")],
        label_format="%.1f",
    )
    path = tmp_path / "chart.pdf"
    renderPDF.drawToFile(drawing, str(path))
    tokens = pdf_text(path.read_bytes(), tmp_path).split()
    assert "1.5" in tokens and "2.5" in tokens  # the stage with data has its bars
    assert "0.0" not in tokens and "—" in tokens, tokens


@needs_pdftotext
def test_the_report_does_not_end_on_a_nearly_empty_page(
    team: Team, history: History, tmp_path: Path
) -> None:
    _awaiting_supplement(team)
    path = tmp_path / "stats.pdf"
    export_report(team.organizer, CURRENT, path)
    pages = pdf_text(path.read_bytes(), tmp_path, "-layout").split("\f")
    pages = [p for p in pages if p.strip()]
    last = [line for line in pages[-1].splitlines() if line.strip()]
    # More than the footer and a block or two: the details and their tables.
    assert len(last) > 12, last


def _rows(team: Team) -> dict[str, dict[str, object]]:
    keys = [c.key for c in COLUMNS]
    return {r[0]: dict(zip(keys, r, strict=True)) for r in iter_followup(team.organizer, CURRENT)}


def test_a_confirmed_case_without_a_measure_says_none_was_ordered(
    team: Team, history: History
) -> None:
    reg = register_complaint(team.desk, CURRENT, _complaint("4.1A04"))
    act_on_complaint(team.desk, reg.number, "accept")
    case = reg.case_numbers[0]
    act_on_case(team.desk, case, "notify")
    act_on_case(team.desk, case, "record_defence", summary="不侵权")
    act_on_case(team.desk, case, "begin_review")
    act_on_case(team.desk, case, "decide_infringing", trigger="merits", legal_basis="Art 27")
    rows = _rows(team)
    assert rows[case]["measures"] == "未采取措施 / none ordered"
    # A case with a measure names it; an open case names none.
    assert "未采取措施" not in str(rows[history.cases["c1"]]["measures"])
    assert rows[history.cases["c5"]]["measures"] == ""
