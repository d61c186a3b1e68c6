"""The case list's bounded page cache: every case counted, pages read when touched, only a
few kept (fairdesk.ui.common.table_model.CachedPagesTableModel through CaseTableModel)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QTableView

from fairdesk.domain.errors import StorageError
from fairdesk.services.casework.cases import CaseFilter, list_cases
from fairdesk.services.casework.steps import act_on_case, act_on_complaint
from fairdesk.services.intake.intake import register_complaint
from fairdesk.ui.casework import case_model
from fairdesk.ui.casework.case_model import CaseNumberRole, CaseTableModel
from fairdesk.ui.desk.main_window import MainWindow
from tests.conftest import Team
from tests.helpers import FAIR, complaint_input, make_fair

PAGE = 2
BOUND = 2
BOOTHS = tuple(f"4.1A{i:02d}" for i in range(1, 6))


@pytest.fixture
def numbers(team: Team, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """14 cases (7 pages of 2), at most 2 pages kept; the numbers in the list's order."""
    make_fair(team.admin, exhibitors=5)
    for booths in (BOOTHS, BOOTHS, BOOTHS[:4]):
        reg = register_complaint(team.desk, FAIR, complaint_input(*booths))
        act_on_complaint(team.desk, reg.number, "accept")
    monkeypatch.setattr(case_model, "PAGE", PAGE)
    monkeypatch.setattr(CaseTableModel, "max_pages", BOUND)
    listed = [r.number for r in list_cases(team.desk, CaseFilter(FAIR))]
    assert len(listed) == 14
    return listed


class Reads:
    """Counts the pages the model reads: by offset (its _load_page), or by key after a
    row (its _load_after), recorded as "after <number>"."""

    def __init__(self, model: CaseTableModel) -> None:
        self.offsets: list[int | str] = []
        load, load_after = model._load_page, model._load_after

        def counted(offset: int, limit: int) -> Any:
            self.offsets.append(offset)
            return load(offset, limit)

        def counted_after(row: Any, limit: int) -> Any:
            self.offsets.append(f"after {row.number}")
            return load_after(row, limit)

        model._load_page = counted  # type: ignore[method-assign]
        model._load_after = counted_after  # type: ignore[method-assign]


def test_row_count_is_the_total_and_only_the_first_page_is_read(
    team: Team, numbers: list[str]
) -> None:
    model = CaseTableModel(team.desk, CaseFilter(FAIR))
    assert model.rowCount() == model.total() == len(numbers)
    assert not model.canFetchMore()
    assert model.cached_pages() == 1
    assert [model.index(r, 0).data(CaseNumberRole) for r in range(2)] == numbers[:2]
    assert model.cached_pages() == 1


def test_scrolling_through_every_page_keeps_at_most_the_bound(
    team: Team, numbers: list[str]
) -> None:
    model = CaseTableModel(team.desk, CaseFilter(FAIR))
    shown = []
    for row in range(model.rowCount()):
        shown.append(model.index(row, 0).data(CaseNumberRole))
        assert model.cached_pages() <= BOUND
    assert shown == numbers
    assert model.cached_pages() == BOUND
    held = [row for row, _ in model.cached_rows()]
    assert held == list(range(len(numbers) - BOUND * PAGE, len(numbers)))


def test_scrolling_reads_each_next_page_by_key_and_a_jump_by_offset(
    team: Team, numbers: list[str]
) -> None:
    model = CaseTableModel(team.desk, CaseFilter(FAIR))
    reads = Reads(model)
    assert [model.row_at(row).number for row in range(len(numbers))] == numbers
    assert reads.offsets == [f"after {numbers[n]}" for n in range(1, len(numbers) - 2, PAGE)]
    model.reload()
    reads.offsets.clear()
    assert model.row_at(9).number == numbers[9]  # a jump: no page before it was read
    assert model.row_at(10).number == numbers[10]
    assert reads.offsets == [8, f"after {numbers[9]}"]


def test_row_at_of_a_dropped_row_reads_its_page_again(team: Team, numbers: list[str]) -> None:
    model = CaseTableModel(team.desk, CaseFilter(FAIR))
    for row in range(model.rowCount()):
        model.row_at(row)
    reads = Reads(model)
    assert model.row_of(numbers[1]) is None  # page 0 was dropped
    assert model.row_at(1).number == numbers[1]
    assert model.row_at(7).number == numbers[7]
    assert model.row_at(6).number == numbers[6]  # same page as 7: not read again
    # Page 0 has no page before it: by offset; page 3 follows page 2, read before: by key.
    assert reads.offsets == [0, f"after {numbers[5]}"]
    assert model.cached_pages() == BOUND
    with pytest.raises(IndexError):
        model.row_at(len(numbers))


def test_reload_drops_the_cached_pages(team: Team, numbers: list[str]) -> None:
    model = CaseTableModel(team.desk, CaseFilter(FAIR))
    for row in (0, 4, 9):
        model.row_at(row)
    act_on_case(team.desk, numbers[4], "notify")
    model.reload()
    reads = Reads(model)
    # The first page, and the last one read (where the view was): read again, nothing else.
    assert sorted(row for row, _ in model.cached_rows()) == [0, 1, 8, 9]
    assert model.row_at(4).state == "NOTIFIED"  # not the page read before the change
    assert reads.offsets == [4]
    model.set_filter(CaseFilter(FAIR, search="no such case"))
    assert (model.rowCount(), list(model.cached_rows())) == (0, [])


def test_a_view_scrolled_to_the_end_paints_every_row_and_keeps_the_bound(
    qtbot, team: Team, numbers: list[str]
) -> None:
    model = CaseTableModel(team.desk, CaseFilter(FAIR))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(400, 120)  # a few rows at a time
    view.show()
    qtbot.waitExposed(view)
    bar = view.verticalScrollBar()
    seen: set[int] = set()
    while True:
        qtbot.wait(1)
        top, bottom = view.rowAt(0), view.rowAt(view.viewport().height() - 1)
        seen.update(range(top, (bottom if bottom >= 0 else model.rowCount() - 1) + 1))
        assert model.cached_pages() <= BOUND
        if bar.value() >= bar.maximum():
            break
        bar.setValue(bar.value() + bar.pageStep())
    assert seen == set(range(len(numbers)))
    assert model.index(len(numbers) - 1, 0).data(CaseNumberRole) == numbers[-1]


def test_bulk_actions_get_selected_rows_of_dropped_pages(
    qtbot, team: Team, numbers: list[str]
) -> None:
    window = MainWindow(team.desk)
    qtbot.addWidget(window)
    model = window.model
    assert model is not None and model.rowCount() == len(numbers)
    window.table.selectAll()
    assert window.selected_numbers() == numbers
    assert model.cached_pages() == BOUND
    window.table.clearSelection()
    for row in (1, 12):
        window.table.selectionModel().select(
            model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    assert window.selected_numbers() == [numbers[1], numbers[12]]


def test_live_refresh_keeps_a_selection_far_down_the_list(
    qtbot, team: Team, numbers: list[str]
) -> None:
    window = MainWindow(team.desk)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.table.selectRow(9)
    act_on_case(team.desk, numbers[0], "notify")  # another desk changes something
    window.refresh()
    assert window.selected_number() == numbers[9]
    assert window.model is not None and window.model.row_at(0).state == "NOTIFIED"


def test_a_page_that_cannot_be_read_paints_empty_and_is_not_retried_until_reload(
    team: Team, numbers: list[str]
) -> None:
    model = CaseTableModel(team.desk, CaseFilter(FAIR))
    load = model._load_page
    tries: list[int] = []

    def server_gone(offset: int, limit: int) -> Any:
        tries.append(offset)
        raise StorageError("The database cannot be reached.")

    model._load_page = server_gone  # type: ignore[method-assign]
    assert model.index(5, 0).data(CaseNumberRole) is None
    assert model.index(4, 1).data() is None
    assert tries == [4]  # one try for the page, not one a cell
    with pytest.raises(StorageError):
        model.row_at(5)  # code asking for the row hears why
    model._load_page = load  # type: ignore[method-assign]
    assert model.index(5, 0).data(CaseNumberRole) is None  # still blank until a reload
    model.reload()
    assert model.index(5, 0).data(CaseNumberRole) == numbers[5]


def test_typing_a_search_reads_the_fair_once_per_list_not_per_keystroke(
    team: Team, numbers: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    model = CaseTableModel(team.desk, CaseFilter(FAIR))
    asked: list[str] = []
    real = case_model.get_fair

    def counted(ctx: Any, code: str) -> Any:
        asked.append(code)
        return real(ctx, code)

    monkeypatch.setattr(case_model, "get_fair", counted)
    for needle in ("4", "4.1", "4.1A0", "4.1A01"):
        model.set_filter(CaseFilter(FAIR, search=needle))
    assert asked == []
    assert model.total() == 3  # the search itself was made each time
    model.reload()  # a poll or a change: the fair (its zone) is read again
    assert asked == [FAIR]
    make_fair(team.admin, code="OTHER2026")
    model.set_filter(CaseFilter("OTHER2026"))  # another fair: its own zone
    assert asked == [FAIR, "OTHER2026"]
    assert model.total() == 0
