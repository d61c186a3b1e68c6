"""Cases ▸ Export selection… writes the selected rows (or all shown) to a file."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from fairdesk.services.casework.steps import act_on_case, act_on_complaint
from fairdesk.services.intake.intake import register_complaint
from fairdesk.ui.desk.main_window import MainWindow
from tests.conftest import Team
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


def choose(path: Path, asked: list[str] | None = None):  # type: ignore[no-untyped-def]
    def pick(_parent, caption, suggested, filters):  # type: ignore[no-untyped-def]
        if asked is not None:
            asked.append(suggested)
        return str(path)

    return pick


def test_export_selected_rows_to_csv(qtbot, team: Team, cases: list[str], tmp_path: Path) -> None:
    window = MainWindow(team.desk)
    qtbot.addWidget(window)
    window.table.selectRow(0)
    window.table.selectionModel().select(
        window.table.model().index(2, 0),
        window.table.selectionModel().SelectionFlag.Select
        | window.table.selectionModel().SelectionFlag.Rows,
    )
    asked: list[str] = []
    out = tmp_path / "sel.csv"
    window.save_file_name = choose(out, asked)
    assert window.export_selected()
    assert asked[0].endswith(".xlsx") and FAIR in asked[0]
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert [r[0] for r in rows[1:]] == [cases[0], cases[2]]
    assert "2 cases exported" in window.statusBar().currentMessage()


def test_export_all_shown_to_xlsx(qtbot, team: Team, cases: list[str], tmp_path: Path) -> None:
    window = MainWindow(team.organizer)
    qtbot.addWidget(window)
    window.state_combo.setCurrentIndex(window.state_combo.findData("TO_NOTIFY"))
    out = tmp_path / "shown.xlsx"
    window.save_file_name = choose(out)
    window.export_action.trigger()
    values = list(load_workbook(out).worksheets[0].iter_rows(values_only=True))
    assert [v[0] for v in values[1:]] == cases[1:]


def test_cancelled_dialog_writes_nothing(qtbot, team: Team, cases: list[str]) -> None:
    window = MainWindow(team.desk)
    qtbot.addWidget(window)
    window.save_file_name = lambda *_args: ""
    assert not window.export_selected()


def test_inspectors_cannot_export(qtbot, team: Team, cases: list[str]) -> None:
    window = MainWindow(team.inspector)
    qtbot.addWidget(window)
    assert not window.export_action.isEnabled()
