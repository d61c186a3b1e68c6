"""Cases ▸ Assign to… on the selection; the Assigned column; the Mine filter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel

from fairdesk.services.casework.steps import act_on_case, act_on_complaint
from fairdesk.services.intake.intake import register_complaint
from fairdesk.ui.casework.case_model import COL_ASSIGNED
from fairdesk.ui.desk.main_window import MainWindow
from tests.conftest import Team
from tests.helpers import FAIR, complaint_input, make_fair


@pytest.fixture
def cases(team: Team) -> list[str]:
    make_fair(team.admin, exhibitors=5)
    reg = register_complaint(team.desk, FAIR, complaint_input("4.1A01", "4.1A02", "4.1A03"))
    act_on_complaint(team.desk, reg.number, "accept")
    return list(reg.case_numbers)


def select_rows(window: MainWindow, *rows: int) -> None:
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in rows:
        window.table.selectionModel().select(window.table.model().index(row, 0), flags)


def pick(answer: str, offered: list[list[str]] | None = None):  # type: ignore[no-untyped-def]
    def ask(_parent, _title, _label, items):  # type: ignore[no-untyped-def]
        if offered is not None:
            offered.append(items)
        return answer, True

    return ask


def column(window: MainWindow) -> list[str]:
    model = window.table.model()
    return [model.index(r, COL_ASSIGNED).data() for r in range(model.rowCount())]


def test_assign_the_selection_and_filter_mine(qtbot, team: Team, cases: list[str]) -> None:
    window = MainWindow(team.desk)
    qtbot.addWidget(window)
    assert (
        window.table.model().headerData(COL_ASSIGNED, window.table.horizontalHeader().orientation())
        == "Assigned"
    )
    select_rows(window, 0, 2)
    offered: list[list[str]] = []
    window.ask_item = pick("desk1", offered)
    assert window.assign_selected()
    assert offered[0] == ["admin", "desk1", "desk2", "(no one)"]
    assert column(window) == ["desk1", "", "desk1"]
    assert "2 cases assigned to desk1" in window.statusBar().currentMessage()
    window.mine_check.setChecked(True)
    model = window.table.model()
    assert [model.row_at(r).number for r in range(model.rowCount())] == [cases[0], cases[2]]


def test_unassign(qtbot, team: Team, cases: list[str]) -> None:
    window = MainWindow(team.desk)
    qtbot.addWidget(window)
    select_rows(window, 1)
    window.ask_item = pick("desk2")
    window.assign_action.trigger()
    assert column(window) == ["", "desk2", ""]
    select_rows(window, 1)
    window.ask_item = pick("(no one)")
    assert window.assign_selected()
    assert column(window) == ["", "", ""]


def test_stale_list_is_refused_and_reloaded(
    qtbot, team: Team, cases: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from fairdesk.ui.desk import main_window

    window = MainWindow(team.desk)
    qtbot.addWidget(window)
    act_on_case(team.desk2, cases[0], "notify")  # the list has not been refreshed yet
    select_rows(window, 0)
    window.ask_item = pick("desk1")
    warnings: list[str] = []
    monkeypatch.setattr(
        main_window.QMessageBox, "warning", lambda _p, _t, text: warnings.append(text)
    )
    assert not window.assign_selected()
    assert "changed by desk2" in warnings[0]
    assert column(window) == ["desk2", "", ""]  # desk2's since it took a step on it


def test_nothing_selected_and_roles(qtbot, team: Team, cases: list[str]) -> None:
    window = MainWindow(team.desk)
    qtbot.addWidget(window)
    assert not window.assign_selected()
    assert "Select the cases to assign" in window.statusBar().currentMessage()
    organizer = MainWindow(team.organizer)
    qtbot.addWidget(organizer)
    assert not organizer.assign_action.isEnabled()
