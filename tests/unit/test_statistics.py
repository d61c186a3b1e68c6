"""Report figures on the known dataset of test_followup.build_history, counted by hand."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from fairdesk.services.intake.intake import ExhibitInput
from fairdesk.services.organizer.day_report import day_report, format_day_report
from fairdesk.services.organizer.statistics import fair_statistics, is_foreign, summary_rows
from fairdesk.services.organizer.statistics_report import export_report
from tests.conftest import FakeClock, Team
from tests.helpers import FAIR, make_fair
from tests.unit.test_followup import (
    CURRENT,
    DESIGN_NO,
    EARLIER,
    MARK_NO,
    build_history,
    found_infringing,
)


def test_figures_equal_the_hand_count(team: Team, clock: FakeClock, tmp_path: Path) -> None:
    build_history(team, clock)
    report = fair_statistics(team.organizer, CURRENT)
    s = report.current
    assert [e.fair_code for e in report.earlier] == [EARLIER]
    assert (s.complaints, s.accepted, s.rejected, s.complaints_pending) == (7, 6, 1, 0)
    assert (s.respondent_cases, s.respondent_enterprises, s.cases_of_accepted) == (7, 5, 6)
    assert (s.confirmed_cases, s.confirmed_enterprises) == (1, 1)
    assert s.confirmed_rate == pytest.approx(1 / 6)
    assert s.complaints_by_ip_type == {"design": 6, "trademark": 1}
    assert s.confirmed_by_ip_type == {"design": 1}
    assert s.cases_by_hall == {"4.1": 7}
    assert s.cases_by_country == {"德国": 6, "中国": 1}
    assert s.foreign_complaints == 6 and s.foreign_share == pytest.approx(6 / 7)
    assert s.outcomes == {
        "infringing": 1,
        "not_infringing": 1,
        "undetermined": 1,
        "settled": 1,
        "withdrawn": 1,
        "self_remedied": 0,
        "not_accepted": 1,
        "post_fair": 0,
        "open": 1,
    }
    stages = {t.key: t for t in s.stage_times}
    assert (stages["accept"].count, stages["accept"].median_hours, stages["accept"].max_hours) == (
        6,
        pytest.approx(1.5),
        pytest.approx(3.0),
    )
    assert (stages["notify"].count, stages["notify"].median_hours) == (6, pytest.approx(0.5))
    assert stages["remedy"].count == 1 and stages["recheck"].count == 1
    assert (s.transfer.due, s.transfer.on_time, s.transfer.late, s.transfer.pending) == (1, 1, 0, 0)
    assert s.transfer.rate == 1.0
    assert s.consultations == 3 and s.consultations_by_topic == {"patent": 2, "trademark": 1}
    assert s.consultations_by_nationality == {"德国": 2, "日本": 1}
    assert (s.patrol_rounds, s.booth_visits) == (1, 2)
    assert s.findings == {"nothing": 1, "suspected_infringement": 1}
    assert (s.commercial_disputes, s.commercial_by_type, s.commercial_settled) == (
        1,
        {"payment": 1},
        1,
    )
    # c1's exhibits were taken down and kept in custody; c3 went to the IP office (the
    # refer step's default kind); k7, the payment dispute, was settled.
    assert s.measures_by_type == {"detain": 1}
    assert s.referrals_by_kind == {"ip_office": 1}
    assert s.commercial_outcomes == {"SETTLED": 1}
    before = report.earlier[0]
    assert (before.complaints, before.confirmed_cases, before.respondent_enterprises) == (2, 2, 2)
    table = dict(summary_rows(report))
    assert table["投诉 / complaints"] == ["2", "7"]
    assert table["侵权认定率 / confirmed rate"] == ["100.0%", "16.7%"]
    assert table["涉外及涉港澳台占比 / share foreign, Hong Kong, Macao, Taiwan"] == [
        "100.0%",
        "85.7%",
    ]
    assert table["措施：撤下并暂存保管 / measure: Take down and keep in custody"][1] == "1"
    assert table["商事纠纷：已和解 / commercial dispute: Settled"] == ["0", "1"]
    assert table["移交：知识产权管理部门 / referred to: IP administration"] == ["0", "1"]

    path = tmp_path / "report.pdf"
    export_report(team.organizer, CURRENT, path)
    assert path.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Statistics report" in text and EARLIER in text and "16.7%" in text


def test_day_reports(team: Team, clock: FakeClock) -> None:
    history = build_history(team, clock)
    first = day_report(team.desk, CURRENT, date(2026, 11, 5))
    assert (first.new_complaints, first.new_commercial) == (4, 0)
    assert (first.accepted, first.rejected, first.transferred) == (4, 0, 1)
    assert (first.new_cases, first.new_respondents) == (4, 4)
    assert first.decisions == {
        "认定侵权 / Infringement found": 1,
        "未认定构成侵权 / Infringement not established": 1,
        "无法认定 / Cannot be determined": 1,
    }
    assert first.measures == {"撤下并暂存保管 / Take down and keep in custody": 1}
    assert first.rechecks == {
        "复查通过 / Re-inspection passed": 0,
        "复查未通过 / Re-inspection failed": 1,
    }
    assert {k: v for k, v in first.endings.items() if v} == {
        "已和解 / Settled": 1,
        "结案 / Close the case": 1,
        "已移交有关部门 / Referred to an authority": 1,
    }
    assert (first.consultations, first.patrol_rounds, first.overdue_at_close) == (0, 0, ())
    second = day_report(team.desk, CURRENT, date(2026, 11, 6))
    assert (second.new_complaints, second.new_commercial) == (3, 1)
    assert (second.accepted, second.rejected, second.new_cases, second.new_respondents) == (
        3,
        1,
        4,
        4,
    )
    assert second.consultations == 3 and second.consultation_topics == {"patent": 2, "trademark": 1}
    assert (second.patrol_rounds, second.booth_visits) == (1, 2)
    text = format_day_report(second)
    assert "2026-11-06" in text and "new complaints:      3 IP, 1" in text
    # c5's defence clock is still running: due at the latest at the fair's close.
    last = day_report(team.desk, CURRENT, date(2026, 11, 10))
    assert [o.number for o in last.overdue_at_close] == [history.cases["c5"]]
    assert history.cases["c5"] in format_day_report(last)


@pytest.mark.parametrize(
    ("country", "foreign"),
    [("中国", False), ("China", False), ("", False), ("德国", True), ("中国香港", False)],
)
def test_foreign_related(country: str, foreign: bool) -> None:
    assert is_foreign(country) is foreign


def test_a_booth_visited_three_times_is_one_booth_visited(team: Team) -> None:
    """The dashboard's "patrols / booths" tile: visits to one booth count it once."""
    from fairdesk.services.inspection.patrols import (
        VisitInput,
        close_round,
        record_visit,
        start_round,
    )

    make_fair(team.admin)
    empty = start_round(team.inspector, FAIR, "4.1").uid  # opened and left: patrolled nothing
    close_round(team.inspector, empty)
    rnd = start_round(team.inspector, FAIR, "4.1").uid
    for _ in range(3):
        record_visit(team.inspector, VisitInput(round_uid=rnd, target="4.1A01", finding="nothing"))
    s = fair_statistics(team.organizer, FAIR).current
    assert (s.patrol_rounds, s.booth_visits, sum(s.findings.values())) == (1, 1, 3)


def test_a_claim_not_upheld_is_not_counted_as_confirmed(team: Team, clock: FakeClock) -> None:
    """Found infringing under the design only (the mark's claim not upheld), and under
    both: the mark counts once, for the case whose exhibit infringes it."""
    make_fair(team.admin, code=CURRENT)
    found_infringing(team, CURRENT, "4.1A01", [ExhibitInput("椅子", "X-1", 2, rights=[DESIGN_NO])])
    found_infringing(
        team, CURRENT, "4.1A02",
        [
            ExhibitInput("椅子", "X-1", 2, rights=[DESIGN_NO]),
            ExhibitInput("靠垫", "C-2", 1, rights=[MARK_NO]),
        ],
    )  # fmt: skip
    s = fair_statistics(team.organizer, CURRENT).current
    assert s.confirmed_cases == 2
    assert s.complaints_by_ip_type == {"design": 2, "trademark": 2}
    assert s.confirmed_by_ip_type == {"design": 2, "trademark": 1}
