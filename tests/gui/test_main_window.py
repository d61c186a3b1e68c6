"""The desk's case list through real widgets (pytest-qt, offscreen)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from fairdesk.services.cases import CaseFilter
from fairdesk.services.intake import register_complaint
from fairdesk.services.steps import act_on_case, act_on_complaint
from fairdesk.ui import case_model
from fairdesk.ui.case_model import COL_DUE, CaseTableModel, OverdueRole, countdown
from fairdesk.ui.main_window import MainWindow
from tests.conftest import FakeClock, Team
from tests.helpers import FAIR, complaint_input, make_fair


@pytest.fixture
def cases(team: Team) -> list[str]:
    make_fair(team.admin, exhibitors=5)
    numbers = []
    for booth in ("4.1A01", "4.1A02", "4.1A03"):
        reg = register_complaint(team.desk, FAIR, complaint_input(booth))
        act_on_complaint(team.desk, reg.number, "accept")
        numbers.extend(reg.case_numbers)
    act_on_case(team.desk, numbers[0], "notify")
    return numbers


def test_case_model_passes_qt_model_tester(qtmodeltester, team: Team, cases: list[str]) -> None:
    model = CaseTableModel(team.desk, CaseFilter(FAIR))
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 3


def test_model_pages_through_large_lists(
    qtmodeltester, team: Team, cases: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(case_model, "PAGE", 2)
    model = CaseTableModel(team.desk, CaseFilter(FAIR))
    assert (model.rowCount(), model.total(), model.canFetchMore()) == (2, 3, True)
    model.fetchMore()
    assert (model.rowCount(), model.canFetchMore()) == (3, False)
    qtmodeltester.check(model, force_py=True)


def test_overdue_rows_say_so_in_words(team: Team, cases: list[str], clock: FakeClock) -> None:
    clock.advance(hours=25)
    model = CaseTableModel(team.desk, CaseFilter(FAIR))
    row = next(r for r in range(model.rowCount()) if model.row_at(r).number == cases[0])
    index = model.index(row, COL_DUE)
    assert model.data(index).startswith("OVERDUE 1 h")
    assert model.data(index, OverdueRole) is True


@pytest.mark.parametrize(
    ("minutes", "capped", "text"),
    [
        (90, False, "in 1 h 30 min"),
        (5, False, "in 5 min"),
        (-65, False, "OVERDUE 1 h 05 min"),
        (30, True, "in 30 min · decide before close"),
    ],
)
def test_countdown_text(clock: FakeClock, minutes: int, capped: bool, text: str) -> None:
    now = clock()
    assert countdown(now + timedelta(minutes=minutes), now, capped) == text


def test_search_as_you_type_filters_the_list(qtbot, team: Team, cases: list[str]) -> None:
    window = MainWindow(team.desk)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.table.model().rowCount() == 3
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search_edit.hasFocus)
    model = window.table.model()

    def shows(*numbers: str) -> bool:
        return [model.row_at(r).number for r in range(model.rowCount())] == list(numbers)

    qtbot.keyClicks(window.search_edit, "4.1a02")
    qtbot.waitUntil(lambda: shows(cases[1]))
    window.search_edit.clear()
    qtbot.keyClicks(window.search_edit, "test exhibitor 3")
    qtbot.waitUntil(lambda: shows(cases[2]))
    assert "Signed in as desk1 (desk)" in window.user_label.text()


def test_state_filter(qtbot, team: Team, cases: list[str]) -> None:
    window = MainWindow(team.desk)
    qtbot.addWidget(window)
    window.state_combo.setCurrentIndex(window.state_combo.findData("NOTIFIED"))
    assert window.table.model().rowCount() == 1
    assert "NOTIFIED: 1" in window.strip.text() and "TO_NOTIFY: 2" in window.strip.text()


def test_demo_mode_says_so(qtbot, team: Team, cases: list[str]) -> None:
    window = MainWindow(team.desk, demo=True)
    qtbot.addWidget(window)
    assert "DEMO" in window.windowTitle() and "Demo mode" in window.user_label.text()


def test_no_fair_yet_explains_what_to_do(qtbot, team: Team) -> None:
    window = MainWindow(team.desk)
    qtbot.addWidget(window)
    assert "No fair is set up yet" in window.strip.text()
