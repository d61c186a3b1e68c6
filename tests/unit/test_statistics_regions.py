"""Statistics count foreign (涉外) and Hong Kong, Macao, Taiwan (涉港澳台) complaints apart,
with a total 涉外及涉港澳台 (domain: "Statistics label Hong Kong, Macao and Taiwan apart from
foreign"): in the figures, the report PDF and the dashboard's table.

Each test failed before this change; they run on SQLite or PostgreSQL (FAIRDESK_TEST_DB).
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from fairdesk.services.casework.steps import act_on_complaint
from fairdesk.services.fair.exhibitors import upsert_exhibitors
from fairdesk.services.fair.fairs import fair_by_code
from fairdesk.services.intake.intake import PartyInput, RightInput, register_complaint
from fairdesk.services.organizer.statistics import (
    fair_statistics,
    is_foreign,
    is_hk_macao_taiwan,
    summary_rows,
)
from fairdesk.services.organizer.statistics_report import export_report
from tests.conftest import Team
from tests.helpers import FAIR, complaint_input, exhibitor, make_fair


@pytest.mark.parametrize(
    ("country", "foreign", "hmt"),
    [
        ("中国", False, False),
        ("德国", True, False),
        ("中国香港", False, True),
        ("Hong Kong", False, True),
        ("澳门", False, True),
        ("中国台湾", False, True),
        ("", False, False),
    ],
)
def test_hong_kong_macao_taiwan_are_not_foreign(country: str, foreign: bool, hmt: bool) -> None:
    assert (is_foreign(country), is_hk_macao_taiwan(country)) == (foreign, hmt)


def _fair(team: Team) -> None:
    """Exhibitors at 4.1A01 Germany, 4.1A02 Hong Kong, 4.1A03 Taiwan, 4.1A04 China."""
    make_fair(team.admin, exhibitors=0)
    where = [("德国", "Germany"), ("中国香港", "Hong Kong"), ("台湾", "Taiwan"), ("中国", "China")]
    records = [
        dataclasses.replace(exhibitor(i, f"4.1A{i:02d}"), country=zh, country_en=en)
        for i, (zh, en) in enumerate(where, 1)
    ]
    with team.admin.db.writing() as session:
        upsert_exhibitors(session, fair_by_code(session, FAIR).id, records, team.admin.now())


def _complain(team: Team, booth: str, complainant_country: str = "") -> None:
    name = f"示例品牌{complainant_country}公司"  # one party per country (parties are reused)
    # Each complainant holds the right it complains under (standing is checked at acceptance).
    number = "ZL202330765432.1" if complainant_country else "ZL202330123456.7"
    held = RightInput("design", number, "座椅", name, valid_until=date(2038, 1, 1))
    data = complaint_input(booth, right=held)
    data.complainant = PartyInput(name, "Example", country=complainant_country)
    act_on_complaint(team.desk, register_complaint(team.desk, FAIR, data).number, "accept")


@pytest.fixture
def counted(team: Team) -> Team:
    _fair(team)
    _complain(team, "4.1A01")  # foreign respondent
    _complain(team, "4.1A02")  # Hong Kong respondent
    _complain(team, "4.1A03")  # Taiwan respondent
    _complain(team, "4.1A02", complainant_country="日本")  # both: counted in each, once in total
    _complain(team, "4.1A04")  # domestic
    return team


def test_foreign_and_hong_kong_macao_taiwan_are_counted_apart(counted: Team) -> None:
    s = fair_statistics(counted.organizer, FAIR).current
    assert (s.foreign_complaints, s.hmt_complaints, s.foreign_related_complaints) == (2, 3, 4)
    assert s.foreign_share == pytest.approx(4 / 5)
    rows = dict(summary_rows(fair_statistics(counted.organizer, FAIR)))
    assert rows["涉外投诉 / foreign complaints"] == ["2"]
    assert rows["涉港澳台投诉 / Hong Kong, Macao, Taiwan complaints"] == ["3"]
    total = next(v for k, v in rows.items() if k.startswith("涉外及涉港澳台 /"))
    assert total == ["4"]
    assert not any("含港澳台" in k for k in rows)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext not installed")
def test_the_report_labels_them_apart(counted: Team, tmp_path: Path) -> None:
    pdf = tmp_path / "stats.pdf"
    export_report(counted.organizer, FAIR, pdf)
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    flat = "".join(text.split())
    assert "含港澳台" not in flat and "incl.HongKong" not in flat
    assert "涉外投诉2，涉港澳台投诉3，涉外及涉港澳台4" in flat


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext not installed")
def test_the_report_is_dated_in_beijing_time_and_its_charts_speak_both_languages(
    counted: Team, tmp_path: Path
) -> None:
    pdf = tmp_path / "stats.pdf"
    export_report(counted.organizer, FAIR, pdf)  # the clock: 2026-11-05 01:30 UTC
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    flat = "".join(text.split())
    assert "生成于/generated2026-11-0509:30（北京时间/Beijingtime）" in flat
    assert "UTC·" not in flat
    # The country chart names countries as the other charts do, in both languages.
    assert "Germany" in flat and "HongKong" in flat and "德国" in flat


def test_an_edition_code_under_a_chart_stays_level() -> None:
    from reportlab.graphics.charts.barcharts import VerticalBarChart

    from fairdesk.services.organizer.statistics_report import vertical_bars

    def angle(categories: list[str]) -> float:
        drawing = vertical_bars(("t", "t"), categories, [[1] * len(categories)])
        chart = next(c for c in drawing.contents if isinstance(c, VerticalBarChart))
        return float(chart.categoryAxis.labels.angle)

    assert angle(["CIIE2022", "CIIE2023", "CIIE2024", "CIIE2025", "CIIE2026"]) == 0
    assert angle([f"Hall {i}.1 long name" for i in range(12)]) == 30  # too many to fit
