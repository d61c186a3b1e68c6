"""The inspector's hall: the round follows the hall chosen, a hall's board draws only that
hall's booths, and the re-checks tab lists the re-checks of the round's hall (pytest-qt)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from fairdesk.db.engine import Database
from fairdesk.domain.enums import Finding
from fairdesk.services.fair.exhibitors import upsert_exhibitors
from fairdesk.services.fair.fairs import fair_by_code
from fairdesk.services.inspection import patrols
from fairdesk.services.inspection.hall_board import hall_board
from fairdesk.services.inspection.patrols import VisitInput
from fairdesk.ui.common.tasks import use_synchronous_pool
from fairdesk.ui.inspection.hall_board import BoothRole
from fairdesk.ui.inspection.inspector_window import TAB_RECHECKS, InspectorWindow
from tests.conftest import Team
from tests.gui.test_inspector import _window
from tests.helpers import FAIR, exhibitor, make_fair
from tests.unit.test_patrols import ordered_case


@pytest.fixture(autouse=True)
def _synchronous(db: Database) -> Iterator[None]:
    use_synchronous_pool()
    yield
    use_synchronous_pool(False)


@pytest.fixture
def two_halls(team: Team) -> str:
    """Hall 4.1 (4.1A01-05) and hall 5.1 (5.1B01-03)."""
    make_fair(team.admin)
    with team.admin.db.writing() as session:
        upsert_exhibitors(
            session,
            fair_by_code(session, FAIR).id,
            [exhibitor(10 + i, f"5.1B{i:02d}", hall="5.1") for i in range(1, 4)],
            team.admin.now(),
        )
    return FAIR


def choose_hall(qtbot, window: InspectorWindow, hall: str) -> None:  # type: ignore[no-untyped-def]
    """Pick the hall in the header's drop-down with the keyboard."""
    combo = window.header.hall_combo
    combo.setFocus()
    for _ in range(combo.count()):
        if combo.currentData() == hall:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == hall, f"hall {hall} is not offered"


def board_booths(window: InspectorWindow) -> set[str]:
    model = window.board.model
    return {
        booth
        for r in range(model.rowCount())
        for c in range(model.columnCount())
        if (booth := model.index(r, c).data(BoothRole))
    }


def test_the_round_follows_the_hall_chosen(
    qtbot, team: Team, two_halls: str, tmp_path: Path
) -> None:
    window = _window(qtbot, team.inspector, tmp_path)
    assert window.current_hall() == "4.1"
    qtbot.keyClick(window, Qt.Key.Key_F9)
    first = window.round_uid
    assert first is not None and window.round_hall == "4.1"

    choose_hall(qtbot, window, "5.1")
    window.flush()
    assert window.round_uid not in (None, first)
    assert window.round_hall == "5.1"
    assert window.header.round_label.text().startswith("Round · hall 5.1")
    assert not patrols.get_round(team.desk, first).open
    assert patrols.get_round(team.desk, window.round_uid).hall == "5.1"
    assert "5.1" in window.patrol.saved_label.text()

    # A booth typed short is looked for in the round's hall, the one chosen.
    window.patrol.booth_edit.setFocus()
    qtbot.keyClicks(window.patrol.booth_edit, "B02")
    qtbot.keyClick(window.patrol.booth_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.patrol.target is not None)
    assert window.patrol.target.booth == "5.1B02"


def test_no_round_is_started_by_choosing_a_hall(
    qtbot, team: Team, two_halls: str, tmp_path: Path
) -> None:
    window = _window(qtbot, team.inspector, tmp_path)
    choose_hall(qtbot, window, "5.1")
    assert window.round_uid is None
    assert patrols.list_rounds(team.desk, FAIR, open_only=True) == []


def test_a_booth_of_another_hall_is_not_drawn_on_this_halls_board(
    qtbot, team: Team, two_halls: str, tmp_path: Path
) -> None:
    # Visits logged on a round of hall 4.1 at booths of hall 5.1: one listed there, one
    # only numbered there.
    rnd = patrols.start_round(team.inspector, FAIR, "4.1").uid
    for booth in ("4.1A03", "5.1B01", "5.1B09"):
        patrols.record_visit(team.inspector, VisitInput(rnd, booth, Finding.SUSPECTED_INFRINGEMENT))
    cells = {c.booth for c in hall_board(team.inspector, FAIR, "4.1")}
    assert "4.1A03" in cells
    assert not {"5.1B01", "5.1B09"} & cells
    assert "5.1B01" in {c.booth for c in hall_board(team.inspector, FAIR, "5.1")}

    window = _window(qtbot, team.inspector, tmp_path)
    assert board_booths(window) == {f"4.1A{i:02d}" for i in range(1, 6)}
    choose_hall(qtbot, window, "5.1")
    assert board_booths(window) == {"5.1B01", "5.1B02", "5.1B03"}


def test_the_rechecks_tab_shows_the_rechecks_of_the_rounds_hall(
    qtbot, team: Team, two_halls: str, tmp_path: Path
) -> None:
    here = ordered_case(team, "4.1A02")
    there = ordered_case(team, "5.1B03")
    window = _window(qtbot, team.inspector, tmp_path)
    qtbot.keyClick(window, Qt.Key.Key_F9)  # a round in hall 4.1
    window.tabs.setCurrentIndex(TAB_RECHECKS)

    def listed() -> list[str]:
        model = window.rechecks.task_model
        return [model.task_at(r).case_number for r in range(model.rowCount())]

    assert listed() == [here]
    assert window.rechecks.only_hall.text() == "Only hall 4.1"
    choose_hall(qtbot, window, "5.1")
    assert window.round_hall == "5.1"
    assert listed() == [there]
    window.rechecks.only_hall.setChecked(False)
    assert sorted(listed()) == sorted([here, there])


def test_a_booth_typed_in_another_hall_moves_the_round_and_the_board(
    qtbot, team: Team, two_halls: str, tmp_path: Path
) -> None:
    window = _window(qtbot, team.inspector, tmp_path)
    qtbot.keyClick(window, Qt.Key.Key_F9)  # a round in hall 4.1
    first = window.round_uid
    window.patrol.booth_edit.setFocus()
    qtbot.keyClicks(window.patrol.booth_edit, "5.1B02")
    qtbot.keyClick(window.patrol.booth_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.patrol.target is not None)
    assert window.current_hall() == "5.1"
    assert window.round_hall == "5.1" and window.round_uid != first
    assert "5.1B02" in board_booths(window)
    window.flush()
    assert not patrols.get_round(team.desk, first).open


def test_the_rechecks_tab_says_which_hall_it_counts(
    qtbot, team: Team, two_halls: str, tmp_path: Path
) -> None:
    ordered_case(team, "5.1B03")  # the only re-check is in the other hall
    window = _window(qtbot, team.inspector, tmp_path)
    window.rechecks.refresh_tasks()
    title = window.tabs.tabText(TAB_RECHECKS)
    assert "hall 4.1 (0" in title and "other halls 1" in title, title
    window.rechecks.only_hall.setChecked(False)
    assert window.tabs.tabText(TAB_RECHECKS).startswith("Re-checks (1"), title


def _sign_out(window: InspectorWindow) -> None:
    [file_menu] = [a.menu() for a in window.menuBar().actions() if a.menu()]
    next(a for a in file_menu.actions() if a.text() == "Sign &out").trigger()
    window._poll.stop()  # no poll of a database gone after the test


def test_an_empty_round_is_closed_at_sign_out_a_visited_one_is_not(
    qtbot, team: Team, two_halls: str, tmp_path: Path
) -> None:
    window = _window(qtbot, team.inspector, tmp_path)
    qtbot.keyClick(window, Qt.Key.Key_F9)  # a round, and no booth visited
    assert window.round_uid is not None
    _sign_out(window)
    assert patrols.list_rounds(team.desk, FAIR, open_only=True) == []

    rnd = patrols.start_round(team.inspector, FAIR, "4.1").uid
    patrols.record_visit(team.inspector, VisitInput(rnd, "4.1A03", Finding.SUSPECTED_INFRINGEMENT))
    again = _window(qtbot, team.inspector, tmp_path / "again")
    assert again.round_uid == rnd  # taken up again
    _sign_out(again)
    assert [r.uid for r in patrols.list_rounds(team.desk, FAIR, open_only=True)] == [rnd]
