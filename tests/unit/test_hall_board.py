"""The hall board's data: one state per booth, grid layout from booth numbers, and booth
positions on a floor plan from a CSV."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from fairdesk.domain.enums import CaseState, Finding
from fairdesk.domain.errors import InvalidInput
from fairdesk.services.casework.steps import act_on_case, act_on_complaint
from fairdesk.services.inspection import hall_board, patrols, rechecks
from fairdesk.services.inspection.hall_board import (
    CLEAR,
    MEASURE_ORDERED,
    OPEN_CASE,
    RECHECK_DUE,
    SUSPECTED,
    VIOLATION,
    BoothPosition,
    booth_state,
    floor_plan_files,
    grid_layout,
    read_positions,
)
from fairdesk.services.inspection.patrols import VisitInput
from fairdesk.services.intake.intake import register_complaint
from tests.conftest import FakeClock, Team
from tests.helpers import FAIR, complaint_input, make_fair
from tests.unit.test_patrols import ordered_case

NOW = datetime(2026, 11, 5, 4, 0, tzinfo=UTC)
S = CaseState



@pytest.mark.parametrize(
    ("cases", "finding", "linked", "state"),
    [
        ([], "", False, CLEAR),
        ([], Finding.NOTHING, False, CLEAR),
        ([], Finding.SUSPECTED_INFRINGEMENT, False, SUSPECTED),
        ([], Finding.PATENT_MARKING, False, SUSPECTED),
        ([], Finding.SUSPECTED_INFRINGEMENT, True, CLEAR),  # already a case (closed since)
        ([(S.NOTIFIED, None)], "", False, OPEN_CASE),
        ([(S.RECHECK_PASSED, None)], "", False, OPEN_CASE),
        ([(S.INFRINGEMENT_FOUND, None)], "", False, OPEN_CASE),  # no measure ordered yet
        ([(S.INFRINGEMENT_FOUND, None)], Finding.SUSPECTED_INFRINGEMENT, False, OPEN_CASE),
        ([(S.REMEDY_ORDERED, NOW + timedelta(minutes=1))], "", False, MEASURE_ORDERED),
        ([(S.REMEDY_ORDERED, NOW)], "", False, RECHECK_DUE),
        ([(S.RECHECK_DUE, NOW + timedelta(hours=1))], "", False, RECHECK_DUE),
        ([(S.REMEDY_ORDERED, None)], Finding.MEASURE_VIOLATED, True, VIOLATION),
        ([(S.RECHECK_FAILED, None)], "", False, VIOLATION),
        ([(S.NOTIFIED, None), (S.ESCALATED, None)], "", False, VIOLATION),
        ([(S.NOTIFIED, None), (S.RECHECK_DUE, None)], "", False, RECHECK_DUE),
    ],
)
def test_one_state_per_booth_the_most_urgent(
    cases: list[tuple[str, datetime | None]], finding: str, linked: bool, state: str
) -> None:
    assert booth_state(cases, finding, linked, NOW) == state


def test_the_board_of_a_hall(team: Team, clock: FakeClock) -> None:
    make_fair(team.admin, exhibitors=6)
    ordered = ordered_case(team, "4.1A01")
    failed = ordered_case(team, "4.1A02")
    rechecks.record_recheck(team.inspector, rechecks.RecheckInput(failed, "redisplayed"))
    open_reg = register_complaint(team.desk, FAIR, complaint_input("4.1A03"))
    act_on_complaint(team.desk, open_reg.number, "accept")
    act_on_case(team.desk, open_reg.case_numbers[0], "notify")
    round_uid = patrols.start_round(team.inspector, FAIR, "4.1").uid
    patrols.record_visit(
        team.inspector, VisitInput(round_uid, "4.1A04", Finding.SUSPECTED_INFRINGEMENT)
    )
    patrols.record_visit(team.inspector, VisitInput(round_uid, "4.1A05", Finding.NOTHING))
    patrols.record_visit(team.inspector, VisitInput(round_uid, "4.1Z99", Finding.NOTHING))

    cells = {c.booth: c for c in hall_board.hall_board(team.organizer, FAIR, "Hall 4.1")}
    assert {b: c.state for b, c in cells.items()} == {
        "4.1A01": MEASURE_ORDERED,
        "4.1A02": VIOLATION,
        "4.1A03": OPEN_CASE,
        "4.1A04": SUSPECTED,
        "4.1A05": CLEAR,
        "4.1A06": CLEAR,
        "4.1Z99": CLEAR,  # visited, not in the exhibitor list: still on the board
    }
    assert cells["4.1A01"].case_numbers == (ordered,)
    assert cells["4.1A01"].exhibitors == ("测试展商1有限公司",)
    assert (cells["4.1A04"].last_finding, cells["4.1A04"].label) == (
        "suspected_infringement",
        "SUSPECT",
    )
    assert cells["4.1Z99"].exhibitors == ()
    clock.set(cells["4.1A01"].recheck_due_at)  # the re-check time has come
    later = {c.booth: c.state for c in hall_board.hall_board(team.organizer, FAIR, "4.1")}
    assert later["4.1A01"] == RECHECK_DUE
    assert hall_board.hall_board(team.organizer, FAIR, "2.1") == []


def test_grid_from_booth_numbers() -> None:
    layout = grid_layout(["4.1A01", "4.1A02", "4.1B01", "4.1B03", "4.1A03"], "4.1", compact=False)
    assert (layout.rows, layout.columns) == (["A", "B"], ["01", "02", "03"])
    assert layout.cells == {
        (0, 0): "4.1A01",
        (0, 1): "4.1A02",
        (0, 2): "4.1A03",
        (1, 0): "4.1B01",
        (1, 2): "4.1B03",
    }


def test_sparse_numbers_make_a_compact_grid() -> None:
    booths = ["1.1A3-05", "1.1A3-41", "1.1A10-02", "1.1A2-60", "1.1B1-01", "CORNER"]
    layout = grid_layout(booths, "1.1")
    assert layout.rows == ["A", "B", "other"]
    assert len(layout.columns) == 6
    assert [layout.cells[(0, c)] for c in range(4)] == [
        "1.1A2-60",
        "1.1A3-05",
        "1.1A3-41",
        "1.1A10-02",
    ]
    assert layout.cells[(1, 0)] == "1.1B1-01" and layout.cells[(2, 0)] == "CORNER"
    assert grid_layout([], "1.1").rows == []


def test_a_long_row_wraps_in_a_compact_grid() -> None:
    booths = [f"2.2C{block}-{n:02d}" for block in range(1, 4) for n in range(5, 60, 6)]
    layout = grid_layout(booths, "2.2", compact=True)
    assert len(layout.columns) == 8 and layout.rows == ["C", "C …", "C …", "C …"]
    assert layout.cells[(0, 0)] == "2.2C1-05" and layout.cells[(1, 0)] == "2.2C1-53"
    assert len(layout.cells) == 30


def test_positions_from_csv() -> None:
    text = "\ufeff展位号;X;Y;Width;Height\n4.1 a01;10;20;30;40\n\n４．１Ａ０２;45,5;20;30;40\n"
    assert read_positions(text) == [
        BoothPosition("4.1A01", 10, 20, 30, 40),
        BoothPosition("4.1A02", 45.5, 20, 30, 40),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "The booth position file is empty."),
        ("booth,x,y\n4.1A01,1,2\n", "needs a 'w' column; its header is booth, x, y"),
        ("booth,x,y,w,h\n", "lists no booths"),
        (
            "booth,x,y,w,h\nA01,1,2,3\n,1,2,3,4\nA02,1,2,0,4\nA03,1,1,1,1\nA03,2,2,2,2\n",
            "line 2: needs a booth and four numbers; line 3: the booth number is empty; "
            "line 4: A02 needs a positive width and height; line 6: A03 is listed twice.",
        ),
    ],
)
def test_bad_position_files_say_where(text: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message.replace(".", "[.]").replace("(", "\\(")):
        read_positions(text)


def test_floor_plan_files_of_a_hall(tmp_path: Path) -> None:
    assert floor_plan_files("DEMO2026", "4.1", tmp_path) is None
    folder = tmp_path / "floorplans" / "DEMO2026"
    folder.mkdir(parents=True)
    (folder / "4.1.png").write_bytes(b"png")
    assert floor_plan_files("DEMO2026", "4.1", tmp_path) is None  # no positions yet
    (folder / "4.1.csv").write_text("booth,x,y,w,h\n")
    assert floor_plan_files("DEMO2026", "Hall 4.1", tmp_path) == (
        folder / "4.1.png",
        folder / "4.1.csv",
    )
