"""The desk's case list through real widgets (pytest-qt, offscreen)."""

from __future__ import annotations

from datetime import UTC, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction

from fairdesk.i18n import format_datetime
from fairdesk.services.casework.cases import CaseFilter
from fairdesk.services.casework.steps import act_on_case, act_on_complaint
from fairdesk.services.intake.intake import register_complaint
from fairdesk.ui.casework import case_model
from fairdesk.ui.casework.case_model import COL_DUE, CaseTableModel, OverdueRole, countdown
from fairdesk.ui.desk.main_window import MainWindow
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
    act_on_case(team.desk, numbers[0], "notify", served_at=team.desk.now())
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
    # Every row is there at once; the second page is read when a row of it is touched.
    assert (model.rowCount(), model.total(), model.canFetchMore()) == (3, 3, False)
    assert model.cached_pages() == 1
    assert model.row_at(2).number == cases[2]
    assert model.cached_pages() == 2
    qtmodeltester.check(model, force_py=True)


def test_overdue_rows_say_so_in_words(team: Team, cases: list[str], clock: FakeClock) -> None:
    clock.advance(hours=25)
    model = CaseTableModel(team.desk, CaseFilter(FAIR))
    row = next(r for r in range(model.rowCount()) if model.row_at(r).number == cases[0])
    index = model.index(row, COL_DUE)
    assert model.data(index).startswith("Defence OVERDUE 1 h")
    assert model.data(index, OverdueRole) is True


def test_a_notice_not_yet_served_waits_for_its_proof_of_service(
    team: Team, cases: list[str]
) -> None:
    act_on_case(team.desk, cases[1], "notify")  # no time of service: no deadline runs
    model = CaseTableModel(team.desk, CaseFilter(FAIR))
    rows = {model.row_at(r).number: r for r in range(model.rowCount())}
    assert model.data(model.index(rows[cases[1]], COL_DUE)) == "Awaiting proof of service"
    assert model.data(model.index(rows[cases[0]], COL_DUE)).startswith("Defence in ")
    assert model.data(model.index(rows[cases[2]], COL_DUE)) == ""  # not notified: nothing


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
    assert "Signed in as desk1 (Desk staff)" in window.user_label.text()  # words, not the code


def test_at_start_the_window_paints_first_and_reads_the_list_right_after(
    qtbot, team: Team, cases: list[str]
) -> None:
    window = MainWindow(team.desk, fill_after_paint=True)
    qtbot.addWidget(window)
    assert window.model is None and window.fair_combo.count() == 0  # nothing read yet
    painted: list[int] = []

    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                painted.append(window.table.model().rowCount() if window.table.model() else 0)
            return False

    watch = Watch()
    window.table.viewport().installEventFilter(watch)
    with qtbot.waitExposed(window):
        window.show()
    qtbot.waitUntil(lambda: window.model is not None and window.model.rowCount() == 3)
    assert painted and painted[0] == 0  # the first paint came before the rows
    assert window.fair_combo.currentData() == FAIR


def test_state_filter(qtbot, team: Team, cases: list[str]) -> None:
    window = MainWindow(team.desk)
    qtbot.addWidget(window)
    window.state_combo.setCurrentIndex(window.state_combo.findData("NOTIFIED"))
    assert window.table.model().rowCount() == 1
    assert window.queues.counts["defence"] == 1 and window.queues.counts["to_notify"] == 2
    assert window.state_combo.currentText() == "Notified, defence period running · 已通知，答辩期内"


def test_typing_a_search_does_not_recount_the_fair(
    qtbot, team: Team, cases: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import fairdesk.ui.desk.main_window as main_window

    counted: list[str] = []
    real = main_window.counts_by_state

    def counting(ctx, fair_code):  # type: ignore[no-untyped-def]
        counted.append(fair_code)
        return real(ctx, fair_code)

    monkeypatch.setattr(main_window, "counts_by_state", counting)
    window = MainWindow(team.desk)
    qtbot.addWidget(window)
    assert len(counted) == 1
    for text in ("4.1", "4.1a0", "4.1a02"):
        window.search_edit.setText(text)
        window.apply_search()
    assert len(counted) == 1  # the strip's counts are the fair's, not the search's
    assert window.strip.text().startswith("1 case shown")  # the singular
    assert window.queues.counts["to_notify"] == 2
    # Another desk's step: the next poll recounts.
    act_on_case(team.desk2, cases[1], "notify")
    window.poll_changes()
    assert len(counted) == 2 and window.queues.counts["to_notify"] == 1


def test_demo_mode_says_so(qtbot, team: Team, cases: list[str]) -> None:
    window = MainWindow(team.desk, demo=True)
    qtbot.addWidget(window)
    assert "DEMO" in window.windowTitle() and "Demo mode" in window.user_label.text()


def test_no_fair_yet_explains_what_to_do(qtbot, team: Team) -> None:
    window = MainWindow(team.desk)
    qtbot.addWidget(window)
    assert "No fair is set up yet" in window.strip.text()


def test_header_click_sorts_by_deadline(qtbot, team: Team, cases: list[str]) -> None:
    window = MainWindow(team.desk)
    qtbot.addWidget(window)
    header = window.table.horizontalHeader()
    header.setSortIndicator(COL_DUE, Qt.SortOrder.AscendingOrder)
    model = window.table.model()
    assert model.case_filter.sort == "due"
    assert model.row_at(0).number == cases[0]  # the only case with a deadline comes first
    header.setSortIndicator(COL_DUE, Qt.SortOrder.DescendingOrder)
    assert model.row_at(0).number == cases[0]  # cases without a deadline stay last


def test_overdue_filter(qtbot, team: Team, cases: list[str], clock: FakeClock) -> None:
    window = MainWindow(team.desk)
    qtbot.addWidget(window)
    window.overdue_check.setChecked(True)
    assert window.table.model().rowCount() == 0
    clock.advance(hours=25)
    window.refresh()
    assert [window.table.model().row_at(0).number] == [cases[0]]
    assert f"Next deadlines: {cases[0]} Defence OVERDUE" in window.strip.text()


def test_another_desks_change_appears_on_the_next_poll(qtbot, team: Team, cases: list[str]) -> None:
    window = MainWindow(team.desk)
    qtbot.addWidget(window)
    window.poll_changes()
    act_on_case(team.desk2, cases[1], "notify")
    window.poll_changes()
    states = {
        window.table.model().row_at(r).number: window.table.model().row_at(r).state
        for r in range(window.table.model().rowCount())
    }
    assert states[cases[1]] == "NOTIFIED"


def test_lost_server_is_announced_and_recovery_hides_it(
    qtbot, team: Team, cases: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from fairdesk.domain.errors import StorageError
    from fairdesk.ui.desk import main_window

    window = MainWindow(team.desk)
    qtbot.addWidget(window)
    window.show()

    def down(_ctx):  # type: ignore[no-untyped-def]
        raise StorageError("Cannot reach the database server at db:5432.")

    original = main_window.last_change
    monkeypatch.setattr(main_window, "last_change", down)
    window.poll_changes()
    assert window.banner.isVisible() and "Cannot reach the database server" in window.banner.text()
    assert window.table.model().rowCount() == 3  # what was shown stays on screen
    monkeypatch.setattr(main_window, "last_change", original)
    window.poll_changes()
    assert not window.banner.isVisible()


def test_hall_filter_lists_the_halls_of_the_exhibitor_list(
    qtbot, team: Team, cases: list[str]
) -> None:
    window = MainWindow(team.desk)
    qtbot.addWidget(window)
    halls = [window.hall_combo.itemData(i) for i in range(window.hall_combo.count())]
    assert halls == ["", "4.1"]
    window.hall_combo.setCurrentIndex(1)
    assert window.table.model().rowCount() == 3


def test_enter_in_the_search_box_opens_the_only_match(qtbot, team: Team, cases: list[str]) -> None:
    from fairdesk.ui.casework.case_view import CaseView

    window = MainWindow(team.desk)
    qtbot.addWidget(window)
    qtbot.keyClicks(window.search_edit, cases[2])
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Return)
    views = window.findChildren(CaseView)
    assert len(views) == 1 and cases[2] in views[0].windowTitle()


def test_enter_on_a_row_opens_its_case(qtbot, team: Team, cases: list[str]) -> None:
    from fairdesk.ui.casework.case_view import CaseView

    window = MainWindow(team.desk)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    window.table.setFocus()
    window.table.selectRow(1)
    window.table.setCurrentIndex(window.table.model().index(1, 0))
    window.open_selected()
    (view,) = window.findChildren(CaseView)
    assert cases[1] in view.windowTitle()


def test_a_closed_case_view_is_freed(qtbot, team: Team, cases: list[str]) -> None:
    from PySide6.QtWidgets import QApplication

    from fairdesk.ui.casework.case_view import CaseView

    window = MainWindow(team.desk)
    qtbot.addWidget(window)
    window.open_case(cases[0])
    (view,) = window.findChildren(CaseView)
    view.close()
    QApplication.sendPostedEvents(None, 0)  # run the deferred delete
    window.refresh()
    assert window.findChildren(CaseView) == []


def _menu_action(window: MainWindow, text: str):  # type: ignore[no-untyped-def]
    for action in window.findChildren(QAction):
        if action.text().replace("&", "") == text:
            return action
    raise AssertionError(f"no action {text!r}")


@pytest.mark.parametrize(("role", "enabled"), [("desk", False), ("admin", True)])
def test_fair_setup_menu_follows_the_role(
    qtbot, team: Team, cases: list[str], role: str, enabled: bool
) -> None:
    from fairdesk.domain.enums import Role

    window = MainWindow(team.by_role(Role(role)))
    qtbot.addWidget(window)
    assert _menu_action(window, "New fair…").isEnabled() is enabled
    assert _menu_action(window, "Import…").isEnabled()


def test_exhibitors_menu_opens_the_fairs_exhibitor_list(
    qtbot, team: Team, cases: list[str]
) -> None:
    window = MainWindow(team.desk)
    qtbot.addWidget(window)
    _menu_action(window, "Exhibitors…").trigger()
    assert window.exhibitors_window is not None
    assert window.exhibitors_window.fair_code == FAIR


@pytest.mark.parametrize(
    ("text", "widget_name"),
    [("Dashboard…", "dashboard"), ("Watch list…", "watchlist_view")],
)
def test_organizer_windows_open_from_the_menu(
    qtbot, team: Team, cases: list[str], text: str, widget_name: str
) -> None:
    from PySide6.QtWidgets import QWidget

    window = MainWindow(team.organizer)
    qtbot.addWidget(window)
    _menu_action(window, text).trigger()
    opened = [w for w in window.findChildren(QWidget) if w.objectName() == widget_name]
    assert len(opened) == 1 and opened[0].isWindow() and FAIR in opened[0].windowTitle()


def test_consultation_is_for_the_desk(qtbot, team: Team, cases: list[str]) -> None:
    desk = MainWindow(team.desk)
    organizer = MainWindow(team.organizer)
    qtbot.addWidget(desk)
    qtbot.addWidget(organizer)
    assert _menu_action(desk, "Log a consultation…").isEnabled()
    assert not _menu_action(organizer, "Log a consultation…").isEnabled()
    assert not _menu_action(organizer, "Inspector mode…").isEnabled()
    assert _menu_action(desk, "Inspector mode…").isEnabled()


def test_day_report_shows_todays_figures(qtbot, team: Team, cases: list[str]) -> None:
    from PySide6.QtWidgets import QMessageBox

    window = MainWindow(team.organizer)
    qtbot.addWidget(window)
    _menu_action(window, "Day report").trigger()
    (box,) = window.findChildren(QMessageBox)
    assert "2026-11-05" in box.text()


def test_a_scanned_document_code_in_the_search_box_is_checked(
    qtbot, team: Team, cases: list[str]
) -> None:
    from fairdesk.services.paper.documents import issue_document

    act_on_case(team.desk, cases[1], "notify")
    info = issue_document(team.desk, "complaint-notice", cases[1])
    window = MainWindow(team.desk)
    qtbot.addWidget(window)
    qtbot.keyClicks(window.search_edit, info.payload)
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Return)
    assert window.verify_dialog is not None and window.verify_dialog.isVisible()
    assert window.search_edit.text() == ""


def test_print_documents_for_the_selected_cases(qtbot, team: Team, cases: list[str]) -> None:
    from fairdesk.ui.paper.bulk_print import BulkPrintDialog

    window = MainWindow(team.desk)
    qtbot.addWidget(window)
    window.table.selectRow(0)
    window.print_selected()
    (dialog,) = window.findChildren(BulkPrintDialog)
    assert dialog.isVisible()
    assert not _menu_action(MainWindow(team.organizer), "Print documents…").isEnabled()


def test_the_queue_panel_counts_and_filters_by_click_and_key(
    qtbot, team: Team, cases: list[str], clock: FakeClock
) -> None:
    window = MainWindow(team.desk)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    counts = window.queues.counts
    assert (counts["all"], counts["to_notify"], counts["defence"], counts["overdue"]) == (
        3,
        2,
        1,
        0,
    )
    # desk1 notified the first case, so it handles it: "Mine" counts it.
    assert counts["mine"] == 1 and counts["post_fair"] == 0
    window.queues.choose("to_notify")  # a click on the queue
    assert window.table.model().rowCount() == 2
    assert {window.table.model().row_at(r).number for r in range(2)} == set(cases[1:])
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # Ctrl+2
    assert window.queues.current_key() == "defence"
    assert [window.table.model().row_at(0).number] == [cases[0]]
    clock.advance(hours=25)
    window.refresh()
    assert window.queues.counts["overdue"] == 1
    qtbot.keyClick(window.table, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.table.model().rowCount() == 3


def test_the_selected_case_shows_beside_the_list(qtbot, team: Team, cases: list[str]) -> None:
    window = MainWindow(team.desk)
    qtbot.addWidget(window)
    window.show()
    assert not window.summary.details.isVisibleTo(window)
    window.table.selectRow(window.table.model().row_of(cases[0]))
    assert window.summary.title.text() == cases[0]
    assert "Test Exhibitor 1 GmbH" in window.summary.exhibitor.text()
    assert "Defence" in window.summary.deadline.text()
    assert "Record the defence" in window.summary.steps.text()
    # The fair's time, as the case view, the timeline and paper write it, whatever this
    # machine's zone is (the tests' fair is in Shanghai, UTC+8).
    row = window.table.model().row_at(window.table.currentIndex().row())
    fair_time = row.received_at.astimezone(ZoneInfo("Asia/Shanghai"))
    assert window.summary.received.text() == format_datetime(fair_time)
    assert format_datetime(row.next_due.astimezone(ZoneInfo("Asia/Shanghai"))) in (
        window.summary.deadline.text()
    )
    assert format_datetime(row.received_at.astimezone(UTC)) != window.summary.received.text()
    opened: list[str] = []
    window.open_case = opened.append  # type: ignore[method-assign]
    window.summary.open_button.click()
    assert opened == [cases[0]]
    # The desk user who notified the case handles it.
    assert window.summary.assigned.text() == "desk1"
    act_on_case(team.desk, cases[1], "notify")  # no time of service yet
    window.refresh()
    window.table.selectRow(window.table.model().row_of(cases[1]))
    assert window.summary.deadline.text() == "Awaiting proof of service"


def test_columns_fit_their_content_and_an_unused_assigned_column_hides(
    qtbot, team: Team, cases: list[str]
) -> None:
    from fairdesk.services.casework.assignment import assign_cases
    from fairdesk.ui.casework.case_model import COL_ASSIGNED, COL_BOOTH, COL_EXHIBITOR

    assign_cases(team.desk, [cases[0]], "")  # handled by nobody (desk1 notified it)
    window = MainWindow(team.desk)
    qtbot.addWidget(window)
    window.resize(1400, 800)
    window.show()
    table = window.table
    assert table.isColumnHidden(COL_ASSIGNED)
    booth = table.columnWidth(COL_BOOTH)
    assert booth < 150  # sized to "4.1A01", not a fixed guess
    assert table.columnWidth(COL_EXHIBITOR) > booth  # the names take the room left
    assert not table.wordWrap()  # one line a case


def test_a_fair_just_set_up_says_what_to_do_first(qtbot, team: Team, qapp) -> None:  # type: ignore[no-untyped-def]
    from fairdesk.i18n import install_translations
    from fairdesk.services.intake.intake import register_complaint
    from tests.helpers import FAIR, complaint_input, make_fair

    make_fair(team.admin)
    window = MainWindow(team.desk)
    qtbot.addWidget(window)
    window.show()
    assert window.first_steps.isVisible()
    assert "New complaint" in window.first_steps.text()
    # The desk has one thing to do: a list of one is not numbered.
    assert "1." not in window.first_steps.text(), window.first_steps.text()
    register_complaint(team.desk, FAIR, complaint_input())
    window.refresh()
    assert not window.first_steps.isVisible()
    install_translations(qapp, "zh_CN")
    try:
        other = MainWindow(team.admin)
        qtbot.addWidget(other)
        other.show()
        assert not other.first_steps.isVisible()  # the fair has its complaint now
        make_fair(team.admin, code="NEW2027")
        other._load_fairs()
        other.fair_combo.setCurrentIndex(other.fair_combo.findData("NEW2027"))
        other.apply_filter()
        assert "受理人员" in other.first_steps.text() and "Desk" not in other.first_steps.text()
    finally:
        install_translations(qapp, "en")


def test_the_desk_signs_out_and_the_app_asks_who_signs_in_next(
    qtbot, team: Team, cases: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cases ▸ Sign out closes the window marked signed out; the app then shows the one
    sign-in dialog again (nobody is signed in by the window itself)."""
    import argparse

    from PySide6.QtWidgets import QApplication

    from fairdesk.ui import app as app_module
    from fairdesk.ui.common import sign_in as sign_in_module

    asked: list[str] = []
    windows: list[MainWindow] = []

    def sign_in(db_url: str | None, folder: str | None):  # type: ignore[no-untyped-def]
        asked.append("sign in")
        return None  # the sign-in dialog closed: nobody next

    def run_window() -> int:  # the event loop: the desk signs out from the Cases menu
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        window = next(w for w in shown if w.isVisible())
        windows.append(window)
        case_menu = window.menuBar().actions()[0].menu()
        names = [a.objectName() for a in case_menu.actions()]
        assert names[-2:] == ["sign_out_action", ""]  # then Quit
        case_menu.actions()[-2].trigger()
        return 0

    monkeypatch.setattr(sign_in_module, "sign_in", sign_in)
    monkeypatch.setattr(app_module, "install_help", lambda *a: None)
    monkeypatch.setattr(app_module, "after_first_paint", lambda *a: None)
    monkeypatch.setattr(team.desk.db, "dispose", lambda: None)  # the test's database stays
    qapp = QApplication.instance()
    monkeypatch.setattr(qapp, "exec", run_window)
    args = argparse.Namespace(db=None, data_dir=None)
    assert app_module._run(qapp, args, None, team.desk) == 0
    assert asked == ["sign in"] and len(windows) == 1
    assert windows[0].signed_out and not windows[0].isVisible()


def test_the_demo_desk_has_quit_but_no_sign_out(qtbot, team: Team, cases: list[str]) -> None:
    window = MainWindow(team.desk, demo=True)
    qtbot.addWidget(window)
    case_menu = window.menuBar().actions()[0].menu()
    assert case_menu.actions()[-1].text() == "&Quit"
    assert not [a for a in case_menu.actions() if a.objectName() == "sign_out_action"]


def test_tab_goes_from_the_filters_to_the_queues_then_the_list(
    qtbot, team: Team, cases: list[str]
) -> None:
    window = MainWindow(team.desk)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.mine_check.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(window.mine_check.hasFocus)
    qtbot.keyClick(window.mine_check, Qt.Key.Key_Tab)
    assert window.queues.hasFocus()
    qtbot.keyClick(window.queues, Qt.Key.Key_Tab)
    assert window.table.hasFocus()
