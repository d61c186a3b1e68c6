"""The hall board widget: its grid model, colours with words, clicks that open a booth,
and the organizer's floor plan with booth positions from a CSV."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from fairdesk.config import data_dir
from fairdesk.db.engine import Database
from fairdesk.domain.enums import Finding
from fairdesk.services.casework.steps import act_on_case, act_on_complaint
from fairdesk.services.inspection import patrols, rechecks
from fairdesk.services.inspection.patrols import VisitInput
from fairdesk.services.intake.intake import register_complaint
from fairdesk.ui.common.tasks import use_synchronous_pool
from fairdesk.ui.inspection.hall_board import (
    COLOURS,
    BoothRole,
    CaseNumbersRole,
    HallBoard,
    HallBoardModel,
    StateRole,
)
from tests.conftest import Team
from tests.helpers import FAIR, complaint_input, make_fair
from tests.unit.test_patrols import ordered_case


@pytest.fixture(autouse=True)
def _tables(db: Database) -> Iterator[None]:
    use_synchronous_pool()
    yield
    use_synchronous_pool(False)


@pytest.fixture
def hall(team: Team) -> dict[str, str]:
    make_fair(team.admin, exhibitors=8)
    ordered = ordered_case(team, "4.1A02")
    failed = ordered_case(team, "4.1A05")
    # Displayed again: the one way a re-check finds a measure undone before it is due.
    rechecks.record_recheck(team.inspector, rechecks.RecheckInput(failed, "redisplayed"))
    rnd = patrols.start_round(team.inspector, FAIR, "4.1").uid
    patrols.record_visit(team.inspector, VisitInput(rnd, "4.1A07", Finding.SUSPECTED_INFRINGEMENT))
    return {"ordered": ordered, "failed": failed}


def test_the_board_model_passes_the_model_tester(
    qtmodeltester, team: Team, hall: dict[str, str]
) -> None:
    model = HallBoardModel(team.organizer, FAIR, "4.1")
    qtmodeltester.check(model, force_py=True)
    assert (model.rowCount(), model.columnCount()) == (1, 8)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "01",
        "02",
        "03",
    ]
    index = model.index_of("4.1A02")
    assert index.data() == "A02\nMEASURE"  # the state in words, not only in colour
    assert index.data(StateRole) == "measure_ordered"
    assert index.data(CaseNumbersRole) == [hall["ordered"]]
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() == QColor(
        COLOURS["measure_ordered"][0]
    )
    assert model.index_of("4.1A05").data() == "A05\nVIOLATION"
    assert model.index_of("4.1A07").data() == "A07\nSUSPECT"
    assert model.index_of("4.1A01").data() == "A01"
    tip = model.index_of("4.1A05").data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("4.1A05: Violation · 违规\n测试展商5有限公司\nCases: ")
    assert model.counts() == {
        "violation": 1,
        "recheck_due": 0,
        "measure_ordered": 1,
        "open_case": 0,
        "suspected": 1,
        "": 5,
    }
    model.set_hall(FAIR, "2.1")
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 0


def test_clicking_a_booth_says_which(qtbot, team: Team, hall: dict[str, str]) -> None:
    board = HallBoard(team.desk)
    qtbot.addWidget(board)
    board.resize(900, 400)
    board.show_hall(FAIR, "4.1")
    with qtbot.waitExposed(board):
        board.show()
    assert board.title.text() == "Hall 4.1 · 8 booths"
    assert board.legend_labels["violation"].text() == "Violation: 1"
    rect = board.grid.visualRect(board.model.index_of("4.1A05"))
    with qtbot.waitSignal(board.booth_activated) as signal:
        qtbot.mouseClick(board.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == ["4.1A05", [hall["failed"]]]
    # Keyboard: arrows move over booths, Enter opens one.
    board.grid.setFocus()
    board.grid.setCurrentIndex(board.model.index_of("4.1A02"))
    with qtbot.waitSignal(board.booth_activated) as signal:
        qtbot.keyClick(board.grid, Qt.Key.Key_Return)
    assert signal.args == ["4.1A02", [hall["ordered"]]]


def test_a_finding_without_a_measure_is_an_open_case_not_a_measure(qtbot, team: Team) -> None:
    """Decided infringing but no measure ordered yet, and the inspector notes a suspicion
    there: the inspector must not go looking for a measure that does not exist."""
    make_fair(team.admin, exhibitors=8)
    reg = register_complaint(team.desk, FAIR, complaint_input("4.1A03"))
    act_on_complaint(team.desk, reg.number, "accept")
    found = reg.case_numbers[0]
    act_on_case(team.desk, found, "notify")
    act_on_case(team.desk, found, "record_defence", summary="否认侵权")
    act_on_case(team.desk, found, "begin_review")
    act_on_case(team.desk, found, "decide_infringing", trigger="merits", legal_basis="Art 14")
    rnd = patrols.start_round(team.inspector, FAIR, "4.1").uid
    for booth in ("4.1A03", "4.1A04"):
        patrols.record_visit(team.inspector, VisitInput(rnd, booth, Finding.SUSPECTED_INFRINGEMENT))
    board = HallBoard(team.inspector)
    qtbot.addWidget(board)
    board.show_hall(FAIR, "4.1")
    assert board.model.index_of("4.1A03").data() == "A03\nCASE"
    assert board.model.index_of("4.1A04").data() == "A04\nSUSPECT"
    legend = {state: chip.text() for state, chip in board.legend_labels.items()}
    assert legend["measure_ordered"] == "Measure ordered: 0"
    assert legend["open_case"] == "Open case: 1"
    assert legend["suspected"] == "Suspected on patrol: 1"


def _plan(folder: Path, rows: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (400, 200), "#ddeeff").save(folder / "4.1.png")
    (folder / "4.1.csv").write_text(rows, encoding="utf-8")


def test_the_floor_plan_from_an_image_and_a_csv(qtbot, team: Team, hall: dict[str, str]) -> None:
    _plan(
        data_dir() / "floorplans" / FAIR,
        "booth,x,y,w,h\n4.1A01,10,10,80,60\n4.1A02,100,10,80,60\n4.1A05,190,10,80,60\n",
    )
    board = HallBoard(team.desk)
    qtbot.addWidget(board)
    board.resize(800, 500)
    board.show_hall(FAIR, "4.1")
    with qtbot.waitExposed(board):
        board.show()
    assert board.plan_button.isEnabled()
    qtbot.mouseClick(board.plan_button, Qt.MouseButton.LeftButton)
    assert board.stack.currentWidget() is board.plan
    assert sorted(board.plan.rects) == ["4.1A01", "4.1A02", "4.1A05"]
    rect = board.plan.rects["4.1A05"]
    assert rect.brush().color().name() == COLOURS["violation"][0]
    centre = board.plan.mapFromScene(rect.rect().center())
    with qtbot.waitSignal(board.booth_activated) as signal:
        qtbot.mouseClick(board.plan.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert signal.args == ["4.1A05", [hall["failed"]]]
    with qtbot.assertNotEmitted(board.booth_activated):
        qtbot.mouseClick(board.plan.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(2, 2))


def test_a_bad_position_file_is_explained(qtbot, team: Team, hall: dict[str, str]) -> None:
    _plan(data_dir() / "floorplans" / FAIR, "stand;x;y\nA01;1;2\n")
    board = HallBoard(team.desk)
    qtbot.addWidget(board)
    board.show_hall(FAIR, "4.1")
    assert not board.plan_button.isEnabled()
    assert board.stack.currentWidget() is board.grid
    assert "needs a 'w' column" in board.message.text()
    assert board.model.index_of("4.1A01").data(BoothRole) == "4.1A01"


def test_the_floor_plan_of_another_data_folder(
    qtbot, team: Team, hall: dict[str, str], tmp_path: Path
) -> None:
    """`fairdesk --data-dir DIR` keeps its floor plans in DIR, not in the default folder."""
    _plan(tmp_path / "laptop" / "floorplans" / FAIR, "booth,x,y,w,h\n4.1A02,10,10,80,60\n")
    board = HallBoard(team.desk, data_folder=tmp_path / "laptop")
    qtbot.addWidget(board)
    board.show_hall(FAIR, "4.1")
    assert board.plan_button.isEnabled() and list(board.plan.rects) == ["4.1A02"]
