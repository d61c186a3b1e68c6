"""The watch list across editions: matching, repeat counts, proposals, screening."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from fairdesk.services.fair.exhibitors import upsert_exhibitors
from fairdesk.services.fair.fairs import fair_by_code
from fairdesk.services.fair.watchlist import (
    Sanction,
    export_screening,
    flag_imported,
    recommended_sanction,
    sanction_of,
    screening_rows,
    series_key,
    watch_list,
    watch_marks,
)
from tests.conftest import FakeClock, Team
from tests.helpers import make_fair
from tests.unit.test_followup import CODE_1, CURRENT, EARLIER, NEXT, _record, build_history


def test_repeat_offenders_across_editions(team: Team, clock: FakeClock, tmp_path: Path) -> None:
    build_history(team, clock)
    # The 2026 list, flagged against 2025: the renamed exhibitor 1 by its credit code,
    # exhibitor 3 (no code) by its name.
    hits = {h.name_zh: h for h in flag_imported(team.organizer, CURRENT)}
    assert set(hits) == {"测试展商1有限公司", "测试展商3有限公司"}
    one = hits["测试展商1有限公司"]
    assert one.matched_by.startswith("credit code") and one.credit_code == CODE_1
    assert one.entry.name_zh == "旧名展商有限公司"  # the name it had in 2025
    assert [(e.fair_code, e.cases, e.infringing) for e in one.entry.editions] == [(EARLIER, 1, 1)]
    assert one.booths == ("4.1A01",) and not one.bar_proposal  # one edition is not "in a row"
    assert hits["测试展商3有限公司"].matched_by.startswith("name")
    marks = watch_marks(team.organizer, CURRENT)
    assert len(marks) == 2 and all("TEST2025" in note for note in marks.values())

    # The watch list of 2026: exhibitor 1 infringing at both editions -> bar proposal.
    entries = {e.credit_code or e.name: e for e in watch_list(team.organizer, CURRENT)}
    first = entries[CODE_1]
    assert [(e.fair_code, e.cases, e.infringing) for e in first.editions] == [
        (EARLIER, 1, 1),
        (CURRENT, 2, 1),
    ]
    assert (first.streak, first.bar_proposal, first.infringing_editions) == (2, True, 2)
    assert first.other_names == ("旧名展商有限公司",)
    assert first.highest is Sanction.CREDIT_REFERRAL  # escalated to a credit referral in 2026
    assert first.recommended is Sanction.CREDIT_REFERRAL
    third = entries["测试展商3有限公司"]
    assert (third.streak, third.bar_proposal) == (0, False)  # not found infringing in 2026

    # The next edition imports its list: exhibitor 1 is back and named as barred.
    make_fair(team.admin, code=NEXT, start=date(2027, 11, 5), end=date(2027, 11, 10), exhibitors=0)
    with team.admin.db.writing() as session:
        upsert_exhibitors(
            session,
            fair_by_code(session, NEXT).id,
            [
                _record(
                    1, "5.1C01", credit=CODE_1, name_zh="新名展商有限公司", name_en="New Name AG"
                )
            ],
            clock(),
        )
    (back,) = flag_imported(team.organizer, NEXT)
    assert back.name_zh == "新名展商有限公司" and back.bar_proposal and back.entry.streak == 2
    rows = screening_rows(team.organizer, NEXT)
    assert [(r.in_exhibitor_list, r.name_zh) for r in rows] == [
        ("是 / yes", "新名展商有限公司"),
        ("否 / no", "测试展商3有限公司"),
    ]
    assert rows[0].bar_proposal == "是 / yes" and "旧名展商有限公司" in rows[0].other_names
    assert "ZL202330123456.7" in rows[0].rights and rows[0].booths == "5.1C01"
    path = tmp_path / "screening.xlsx"
    assert export_screening(team.organizer, NEXT, path) == (2, 1)
    ws = openpyxl.load_workbook(path).worksheets[0]
    assert ws.freeze_panes == "A2" and ws.cell(2, 2).value == "新名展商有限公司"


@pytest.mark.parametrize(
    ("code", "series"),
    [("CIIE2026", "CIIE"), ("DEMO2024", "DEMO"), ("canton-135", "CANTON"), ("EXPO", "EXPO")],
)
def test_series_key(code: str, series: str) -> None:
    assert series_key(code) == series


def test_sanction_ladder() -> None:
    assert sanction_of(False, [], []) is Sanction.NONE
    assert sanction_of(True, [], []) is Sanction.WARNING
    assert sanction_of(True, ["cover"], []) is Sanction.COVER_TAKE_DOWN
    assert sanction_of(True, ["take_down"], ["leave_fair"]) is Sanction.LEAVE_FAIR
    assert sanction_of(True, [], ["propose_ban"]) is Sanction.BAR_NEXT_EDITION
    assert recommended_sanction(Sanction.NONE, False, 0) is Sanction.WARNING
    assert recommended_sanction(Sanction.COVER_TAKE_DOWN, False, 1) is Sanction.LEAVE_FAIR
    assert recommended_sanction(Sanction.WARNING, True, 2) is Sanction.BAR_NEXT_EDITION
    assert recommended_sanction(Sanction.CREDIT_REFERRAL, False, 3) is Sanction.CREDIT_REFERRAL


def test_importing_next_years_list_names_the_repeat_offenders(
    team: Team, clock: FakeClock, tmp_path: Path
) -> None:
    """The issue's done-criterion, through the import service the CLI and the app use."""
    from fairdesk.services.fair.exhibitors import import_exhibitors

    build_history(team, clock)
    make_fair(team.admin, code=NEXT, start=date(2027, 11, 5), end=date(2027, 11, 10), exhibitors=0)
    listing = tmp_path / "next.csv"
    listing.write_text(
        "展商名称,Exhibitor Name,统一社会信用代码,展位号\n"
        f"新名展商有限公司,New Name AG,{CODE_1},5.1C01\n"
        "无关展商有限公司,Unrelated GmbH,,5.1C02\n",
        encoding="utf-8",
    )
    report = import_exhibitors(team.desk, NEXT, listing)
    assert report.imported == 2
    assert [(h.name_zh, h.bar_proposal) for h in report.watch_hits] == [("新名展商有限公司", True)]
