"""The organizer's dashboard, export dialog, consultation quick log and watch list view."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QDialogButtonBox, QScrollArea

from fairdesk.services.fair.watchlist import flag_imported, watch_list
from fairdesk.services.organizer.consultations import consultation_counts
from fairdesk.ui.common.tasks import use_synchronous_pool
from fairdesk.ui.organizer.consultation_dialog import ConsultationDialog
from fairdesk.ui.organizer.dashboard import BarChart, ComparisonModel, Dashboard
from fairdesk.ui.organizer.export_dialog import ExportDialog
from fairdesk.ui.organizer.watchlist_view import BarProposalRole, WatchListModel, WatchListView
from tests.conftest import FakeClock, Team
from tests.unit.test_followup import CURRENT, EARLIER, build_history


@pytest.fixture(autouse=True)
def _sync_pool() -> Iterator[None]:
    use_synchronous_pool()
    yield
    use_synchronous_pool(False)


@pytest.fixture
def history(team: Team, clock: FakeClock) -> None:
    build_history(team, clock)


def test_dashboard_opens_on_data(qtbot, qtmodeltester, team: Team, history: None) -> None:
    board = Dashboard(team.organizer, CURRENT)
    qtbot.addWidget(board)
    board.resize(1100, 900)
    board.show()
    qtbot.waitExposed(board)
    assert board.report is not None and board.report.current.complaints == 7
    assert board.tiles["complaints"].text() == "7  (6 ✓)"
    assert board.tiles["enterprises"].text() == "5 / 7"
    assert board.tiles["confirmed"].text() == "1  (17%)"
    assert board.tiles["consultations"].text() == "3"
    assert board.compare_chart.categories == [EARLIER, CURRENT]
    assert board.compare_chart.series[0][1] == [2.0, 7.0]
    assert "Complaints" in board.compare_chart.toolTip()
    for chart in board.charts:
        assert not chart.grab().isNull()  # paints without error
    shown = board.table.model()
    assert isinstance(shown, ComparisonModel) and shown.rowCount() > 10
    assert shown.columnCount() == 3 and shown.headerData(2, Qt.Orientation.Horizontal) == CURRENT
    model = ComparisonModel()  # owned by the test, so the tester outlives the widget
    model.set_report(board.report)
    qtmodeltester.check(model, force_py=True)
    board.refresh_button.click()
    assert board.refresh_button.isEnabled()


class _Screen:
    """A screen of the given size (the offscreen platform has one small screen)."""

    def __init__(self, width: int, height: int) -> None:
        self.room = QRect(0, 0, width, height)

    def availableGeometry(self) -> QRect:  # noqa: N802
        return self.room


@pytest.mark.parametrize(("width", "height"), [(1600, 1000), (1920, 1080)])
def test_the_dashboard_opens_showing_every_chart(
    qtbot, team: Team, history: None, width: int, height: int
) -> None:
    board = Dashboard(team.organizer, CURRENT)
    qtbot.addWidget(board)
    board.screen = lambda: _Screen(width, height)  # type: ignore[method-assign]
    board.resize(board.sizeHint())
    with qtbot.waitExposed(board):
        board.show()
    assert board.width() <= width and board.height() <= height  # within the screen
    viewport = board.findChild(QScrollArea).viewport()
    for chart in board.charts:  # each whole, without scrolling
        shown = QRect(chart.mapTo(viewport, QPoint(0, 0)), chart.size())
        assert viewport.rect().contains(shown), (chart.title, shown, viewport.rect())


def test_a_small_screen_holds_the_whole_dashboard(qtbot, team: Team, history: None) -> None:
    board = Dashboard(team.organizer, CURRENT)
    qtbot.addWidget(board)
    board.screen = lambda: _Screen(1024, 600)  # type: ignore[method-assign]
    hint = board.sizeHint()
    assert hint.width() <= 1024 and hint.height() <= 600


def test_dashboard_on_an_unknown_fair_says_so(qtbot, team: Team) -> None:
    board = Dashboard(team.organizer, "NOPE")
    qtbot.addWidget(board)
    assert "no fair with the code 'NOPE'" in board.error_label.text()


def test_empty_chart_paints(qtbot) -> None:
    chart = BarChart("empty")
    qtbot.addWidget(chart)
    chart.set_data([], [])
    assert not chart.grab().isNull()


def test_export_dialog_writes_and_cancels(qtbot, team: Team, history: None, tmp_path: Path) -> None:
    dialog = ExportDialog(team.organizer, CURRENT)
    qtbot.addWidget(dialog)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("csv"))
    dialog.file_edit.setText(str(tmp_path / "list.csv"))
    qtbot.mouseClick(dialog.no_contacts_check, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.export_done) as done:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert done.args[0].rows == 3 and not done.args[0].include_contacts
    with (tmp_path / "list.csv").open(encoding="utf-8-sig") as f:
        assert "电话 / Phone" not in next(csv.reader(f))
    assert "3 rows written" in dialog.status_label.text()

    dialog.file_edit.setText(str(tmp_path / "cancelled.xlsx"))
    dialog._run.on_report = lambda _done, _total: dialog.cancel_export()
    with qtbot.waitSignal(dialog.export_cancelled):
        dialog.export_button.click()
    assert not (tmp_path / "cancelled.xlsx").exists()
    assert "cancelled" in dialog.status_label.text() and dialog.export_button.isEnabled()


def test_export_dialog_shows_refusal(qtbot, team: Team, history: None, tmp_path: Path) -> None:
    dialog = ExportDialog(team.inspector, CURRENT)
    qtbot.addWidget(dialog)
    dialog.file_edit.setText(str(tmp_path / "x.xlsx"))
    with qtbot.waitSignal(dialog.export_failed):
        dialog.export_button.click()
    assert "signed in as inspector" in dialog.status_label.text()


def test_consultation_quick_log(qtbot, team: Team, history: None) -> None:
    dialog = ConsultationDialog(team.desk, CURRENT)
    qtbot.addWidget(dialog)
    dialog.topic_combo.setCurrentIndex(dialog.topic_combo.findData("copyright"))
    qtbot.keyClicks(dialog.nationality_edit, "France")  # QTest types ASCII only
    languages = [dialog.language_combo.itemText(i) for i in range(dialog.language_combo.count())]
    assert "法语 / French" in languages and "fr" not in languages  # words, not codes
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("fr"))
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert "Logged: 著作权 / copyright" in dialog.status_label.text()
    assert dialog.logged[-1].language == "fr"  # stored as the code, counted by it
    assert dialog.nationality_edit.text() == ""  # cleared for the next visitor
    assert consultation_counts(team.desk, CURRENT)["copyright"] == 1
    dialog.topic_combo.setCurrentText("")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert "needs its topic" in dialog.status_label.text()


def test_watchlist_view_and_model(qtbot, qtmodeltester, team: Team, history: None) -> None:
    view = WatchListView(team.organizer, CURRENT)
    qtbot.addWidget(view)
    shown = view.model
    assert shown.rowCount() == 2
    assert shown.data(shown.index(0, 0), BarProposalRole) is True
    view.imported_check.setChecked(True)
    assert shown.rowCount() == 2 and "2 on the list" in view.summary_label.text()
    assert shown.data(shown.index(0, 2)) == "4.1A01"
    model = WatchListModel()  # owned by the test, so the tester outlives the widget
    model.set_entries(watch_list(team.organizer, CURRENT))
    qtmodeltester.check(model, force_py=True)
    hits = WatchListModel()
    hits.set_hits(flag_imported(team.organizer, CURRENT))
    qtmodeltester.check(hits, force_py=True)


@pytest.mark.parametrize("top", [1, 2, 3, 7, 12, 40])
def test_a_count_chart_labels_its_axis_with_whole_numbers_each_once(  # type: ignore[no-untyped-def]
    qtbot, monkeypatch, top
) -> None:
    chart = BarChart("Cases")
    qtbot.addWidget(chart)
    chart.resize(320, 220)
    chart.set_data(["A", "B"], [("Cases", [float(top), 0.0])])
    drawn: list[str] = []
    original = QPainter.drawText

    def spy(painter, *args):  # type: ignore[no-untyped-def]
        drawn.append(args[-1])
        return original(painter, *args)

    monkeypatch.setattr(QPainter, "drawText", spy)
    chart.grab()
    # the axis' labels come first, after the title
    axis = [t for t in drawn[1:] if t.isdigit() or "." in t][: -2]  # the bars' values last
    assert axis == sorted(set(axis), key=int), drawn
    assert int(axis[0]) == 0 and int(axis[-1]) >= top, drawn


def test_the_dashboard_opens_at_its_own_size_not_qts_two_thirds_of_the_screen(
    qtbot, team: Team, history: None
) -> None:
    from fairdesk.settings import Settings
    from fairdesk.ui.desk.main_window import MainWindow

    window = MainWindow(team.admin, settings=Settings())
    window._poll_timer.stop()
    qtbot.addWidget(window)
    window.show()
    board = window.windows._show(Dashboard(team.admin, CURRENT, window))
    qtbot.waitExposed(board)
    room = board.screen().availableGeometry().size()
    assert board.height() > room.height() * 2 / 3  # every chart in view, no scrolling
    wanted = board.sizeHint().boundedTo(room)  # (its content may ask a few pixels more)
    assert board.width() >= wanted.width() and board.height() >= wanted.height()
    board.close()
