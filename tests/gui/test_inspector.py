"""Inspector mode through its real widgets: a patrol round typed at the keyboard, photos
attached, a network drop during the round, and re-checks moving cases both ways."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from fairdesk.db.engine import Database
from fairdesk.domain.enums import CaseState, Finding
from fairdesk.services.casework.cases import case_by_number
from fairdesk.services.context import Context
from fairdesk.services.inspection import evidence, patrols, rechecks
from fairdesk.services.inspection.outbox import Outbox
from fairdesk.ui.common.tasks import use_synchronous_pool
from fairdesk.ui.inspection.inspector_models import RecheckTaskModel, StatusRole, VisitLogModel
from fairdesk.ui.inspection.inspector_window import TAB_PATROL, TAB_RECHECKS, InspectorWindow
from tests.conftest import FakeClock, Team
from tests.helpers import FAIR, make_fair
from tests.unit.test_patrols import ordered_case, photo

UNREACHABLE = "postgresql+psycopg://fairdesk@127.0.0.1:9/fairdesk"
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(autouse=True)
def _synchronous(db: Database) -> Iterator[None]:
    use_synchronous_pool()
    yield
    use_synchronous_pool(False)


@pytest.fixture
def fair(team: Team) -> str:
    return make_fair(team.admin)


@pytest.fixture
def jpeg_file(tmp_path: Path) -> Path:
    path = tmp_path / "camera" / "IMG_2041.JPG"
    path.parent.mkdir()
    path.write_bytes(photo("IMG_2041.JPG", "teal", taken="2026:11:05 09:40:00").data)
    return path


def _window(qtbot, ctx: Context, tmp_path: Path) -> InspectorWindow:  # type: ignore[no-untyped-def]
    window = InspectorWindow(ctx, outbox=Outbox(tmp_path / "laptop" / "outbox.sqlite3"))
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def _focused():  # type: ignore[no-untyped-def]
    return QApplication.focusWidget()


def test_a_patrol_round_driven_at_the_keyboard(
    qtbot, team: Team, fair: str, tmp_path: Path, jpeg_file: Path, monkeypatch, clock: FakeClock
) -> None:
    window = _window(qtbot, team.inspector, tmp_path)
    assert window.header.hall_combo.currentData() == "4.1"
    assert window.header.outbox_button.text() == "✓ All sent"
    assert window.patrol.booth_edit.hasFocus()

    qtbot.keyClick(window, Qt.Key.Key_F9)  # start the round
    assert window.round_uid is not None
    assert window.header.round_label.text().startswith("Round · hall 4.1 · since 09:30")
    assert patrols.get_round(team.desk, window.round_uid).open

    # Booth 1: typed short, Enter, key 2 (suspected infringement), notes, a photo, Ctrl+Enter.
    qtbot.keyClicks(window.patrol.booth_edit, "a01")
    qtbot.keyClick(window.patrol.booth_edit, Qt.Key.Key_Return)
    assert "4.1A01" in window.patrol.target_label.text()
    assert "测试展商1有限公司" in window.patrol.target_label.text()
    assert _focused() is window.patrol.finding_buttons[0]
    qtbot.keyClick(_focused(), Qt.Key.Key_2)
    assert window.patrol.chosen_finding() is Finding.SUSPECTED_INFRINGEMENT
    assert _focused() is window.patrol.notes_edit
    qtbot.keyClicks(window.patrol.notes_edit, "Chairs identical to the registered design")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(jpeg_file)], ""))
    qtbot.keyClick(window.patrol.notes_edit, Qt.Key.Key_P, CTRL)
    assert window.patrol.photos.hint.text() == "Photos: 1 attached"
    clock.advance(minutes=4)
    qtbot.keyClick(window.patrol.notes_edit, Qt.Key.Key_Return, CTRL)

    assert window.patrol.booth_edit.hasFocus() and window.patrol.booth_edit.text() == ""
    assert window.patrol.chosen_finding() is None and window.patrol.photos.photos == []
    assert window.patrol.saved_label.text().startswith("Saved: 4.1A01 — Suspected infringement")
    assert window.patrol.log_model.rowCount() == 1
    assert window.patrol.log_model.index(0, 4).data() == "sent"
    assert window.header.outbox_button.text() == "✓ All sent"

    # Booth 2: full number, F1 (nothing to note) from the finding buttons, Ctrl+Enter.
    qtbot.keyClicks(window.patrol.booth_edit, "4.1 A02")
    qtbot.keyClick(window.patrol.booth_edit, Qt.Key.Key_Enter)
    qtbot.keyClick(_focused(), Qt.Key.Key_1, CTRL)
    qtbot.keyClick(_focused(), Qt.Key.Key_Enter, CTRL)
    # Booth 3: a booth not in the list is still recorded (exhibitor absent: key 6).
    qtbot.keyClicks(window.patrol.booth_edit, "4.1Z09")
    qtbot.keyClick(window.patrol.booth_edit, Qt.Key.Key_Return)
    assert "not in TEST2026's exhibitor list" in window.patrol.target_label.text()
    qtbot.keyClick(_focused(), Qt.Key.Key_6)
    qtbot.mouseClick(window.patrol.save_button, Qt.MouseButton.LeftButton)

    qtbot.keyClick(window, Qt.Key.Key_F9)  # close the round
    assert window.round_uid is None and window.header.round_button.text() == "Start round  (F9)"

    visits = patrols.list_visits(team.desk, fair)
    assert [(v.booth, v.finding, v.photos, v.inspector) for v in visits] == [
        ("4.1A01", "suspected_infringement", 1, "inspector1"),
        ("4.1A02", "nothing", 0, "inspector1"),
        ("4.1Z09", "exhibitor_absent", 0, "inspector1"),
    ]
    assert visits[0].notes == "Chairs identical to the registered design"
    [rnd] = patrols.list_rounds(team.desk, fair)
    assert (rnd.visits, rnd.open) == (3, False)
    stored = evidence.evidence_of(team.desk, "visit", visits[0].uid)
    assert stored[0].evidence.name == "IMG_2041.JPG"
    assert stored[0].evidence.captured_at is not None
    # The hall board shows what the round found.
    window.refresh_views()
    assert window.board.model.cell("4.1A01").state == "suspected"


def test_saving_without_a_finding_says_what_is_missing(
    qtbot, team: Team, fair: str, tmp_path: Path
) -> None:
    window = _window(qtbot, team.inspector, tmp_path)
    qtbot.keyClick(window.patrol.booth_edit, Qt.Key.Key_Return, CTRL)
    assert window.patrol.saved_label.text() == "Type the booth number first."
    qtbot.keyClicks(window.patrol.booth_edit, "A01")
    qtbot.keyClick(window.patrol.booth_edit, Qt.Key.Key_Return)
    qtbot.keyClick(_focused(), Qt.Key.Key_Return, CTRL)
    assert window.patrol.saved_label.text() == "Choose the finding: keys 1-6 or Ctrl+1-6."
    assert window.round_uid is None and window.waiting_count() == 0


def test_a_network_drop_during_the_round(
    qtbot, team: Team, fair: str, tmp_path: Path, jpeg_file: Path
) -> None:
    window = _window(qtbot, team.inspector, tmp_path)
    online = window.ctx
    qtbot.keyClick(window, Qt.Key.Key_F9)
    gone = Database(UNREACHABLE, connect_args={"connect_timeout": 3})
    try:
        window.ctx = Context(gone, online.actor, online.now)  # the network drops
        qtbot.keyClicks(window.patrol.booth_edit, "A03")
        qtbot.keyClick(window.patrol.booth_edit, Qt.Key.Key_Return)
        assert "The server cannot be reached" in window.patrol.target_label.text()
        assert window.header.connection_label.text().startswith("⚠ Server unreachable")
        qtbot.keyClick(_focused(), Qt.Key.Key_4)  # measure violated
        window.patrol.photos.add_files([jpeg_file])
        qtbot.keyClick(window.patrol.notes_edit, Qt.Key.Key_Return, CTRL)
        qtbot.keyClicks(window.patrol.booth_edit, "A04")
        qtbot.keyClick(window.patrol.booth_edit, Qt.Key.Key_Return)
        qtbot.keyClick(_focused(), Qt.Key.Key_1, CTRL)
        qtbot.keyClick(_focused(), Qt.Key.Key_Return, CTRL)
        assert window.header.outbox_button.text() == "2 waiting to send"
        assert window.patrol.log_model.index(0, 4).data() == "waiting to send"
        assert window.waiting_count() == 2
        window.tick()  # still down: still waiting, nothing lost
        assert window.waiting_count() == 2
    finally:
        gone.dispose()
    window.ctx = online  # the network is back
    window.tick()
    assert window.header.outbox_button.text() == "✓ All sent"
    assert window.header.connection_label.text() == "Server connected"
    rows = window.patrol.log_model.rowCount()
    assert [window.patrol.log_model.index(r, 4).data() for r in range(rows)] == ["sent", "sent"]
    visits = patrols.list_visits(team.desk, fair)
    assert [(v.booth, v.finding, v.photos) for v in visits] == [
        ("4.1A03", "measure_violated", 1),
        ("4.1A04", "nothing", 0),
    ]


def test_rechecks_move_cases_both_ways(
    qtbot, team: Team, fair: str, tmp_path: Path, jpeg_file: Path, clock: FakeClock
) -> None:
    covered = ordered_case(team, "4.1A01")
    clock.advance(minutes=10)
    redisplayed = ordered_case(team, "4.1A02")
    rechecks.add_before_photo(team.inspector, covered, photo("before.jpg", "black"))
    window = _window(qtbot, team.inspector, tmp_path)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert window.tabs.currentIndex() == TAB_RECHECKS
    assert window.rechecks.task_model.rowCount() == 2
    assert window.rechecks.selected_task().case_number == covered
    assert window.rechecks.before_gallery.list.item(0).text() == "before.jpg"

    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)  # passed
    window.rechecks.after_photos.add_files([jpeg_file])
    qtbot.keyClick(_focused(), Qt.Key.Key_Return, CTRL)
    assert window.rechecks.recheck_saved.text().startswith(
        f"Saved: Re-check {covered}: Measures carried out · 措施已落实"
    )
    assert window.rechecks.task_model.rowCount() == 1
    with team.desk.db.reading() as session:
        assert case_by_number(session, covered).state == CaseState.RECHECK_PASSED
    record = rechecks.recheck_record(team.desk, covered)
    assert [e.evidence.name for e in record.before] == ["before.jpg"]
    assert [e.evidence.name for e in record.after] == ["IMG_2041.JPG"]

    window.rechecks.task_view.selectRow(0)
    assert window.rechecks.selected_task().case_number == redisplayed
    qtbot.keyClick(window.rechecks.result_buttons[0], Qt.Key.Key_4)  # re-displayed
    qtbot.keyClicks(window.rechecks.recheck_notes, "Chairs back on the stand")
    qtbot.keyClick(window.rechecks.recheck_notes, Qt.Key.Key_Return, CTRL)
    with team.desk.db.reading() as session:
        case = case_by_number(session, redisplayed)
        assert (case.state, case.measures[-1].recheck_result) == (
            CaseState.RECHECK_FAILED,
            "redisplayed",
        )
    assert window.rechecks.task_model.rowCount() == 0
    assert window.tabs.tabText(TAB_RECHECKS) == "Re-checks (0)  (Alt+2)"
    assert window.waiting_count() == 0
    window.refresh_views()
    assert window.board.model.cell("4.1A02").state == "violation"


def test_a_booth_clicked_on_the_board_opens_the_patrol_form(
    qtbot, team: Team, fair: str, tmp_path: Path
) -> None:
    number = ordered_case(team, "4.1A05")
    window = _window(qtbot, team.inspector, tmp_path)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    index = window.board.model.index_of("4.1A05")
    rect = window.board.grid.visualRect(index)
    qtbot.mouseClick(window.board.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.tabs.currentIndex() == TAB_PATROL
    assert window.patrol.booth_edit.text() == "4.1A05"
    assert (
        number in window.patrol.target_label.text()
        and "Measure to re-check" in window.patrol.target_label.text()
    )


def test_photos_too_large_or_dropped(
    qtbot, team: Team, fair: str, tmp_path: Path, jpeg_file: Path
) -> None:
    window = _window(qtbot, team.inspector, tmp_path)
    big = tmp_path / "huge.tif"
    with big.open("wb") as f:
        f.truncate(evidence.MAX_BYTES + 1)
    assert window.patrol.photos.add_files([big]) == 0
    assert window.patrol.photos.problem.isVisible()
    assert "'huge.tif' is 20.0 MB; an evidence file may be at most 20.0 MB" in (
        window.patrol.photos.problem.text()
    )
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(jpeg_file))])
    drop = QDropEvent(
        QPointF(5, 5), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, CTRL
    )
    window.patrol.photos.dropEvent(drop)
    assert [p.name for p in window.patrol.photos.photos] == ["IMG_2041.JPG"]
    assert not window.patrol.photos.problem.isVisible()
    window.patrol.photos.list.setCurrentRow(0)
    qtbot.mouseClick(window.patrol.photos.remove_button, Qt.MouseButton.LeftButton)
    assert window.patrol.photos.photos == []


def test_the_desk_may_open_a_complaint_from_a_visit(
    qtbot, team: Team, fair: str, tmp_path: Path
) -> None:
    inspector = _window(qtbot, team.inspector, tmp_path / "i")
    assert not inspector.patrol.complaint_button.isVisible()
    desk = _window(qtbot, team.desk, tmp_path / "d")
    assert desk.patrol.complaint_button.isVisible()
    qtbot.keyClicks(desk.patrol.booth_edit, "A02")
    qtbot.keyClick(desk.patrol.booth_edit, Qt.Key.Key_Return)
    qtbot.keyClick(_focused(), Qt.Key.Key_2)
    qtbot.keyClick(_focused(), Qt.Key.Key_Return, CTRL)
    desk.patrol.log_view.selectRow(0)
    with qtbot.waitSignal(desk.complaint_requested) as signal:
        qtbot.mouseClick(desk.patrol.complaint_button, Qt.MouseButton.LeftButton)
    draft = patrols.complaint_draft_from_visit(team.desk, signal.args[0])
    assert draft.respondents[0].booth == "4.1A02"


def test_inspector_models_pass_the_model_tester(
    qtmodeltester, team: Team, fair: str, clock: FakeClock
) -> None:
    ordered_case(team, "4.1A01")
    ordered_case(team, "4.1A03")
    tasks = RecheckTaskModel(team.inspector, FAIR)
    qtmodeltester.check(tasks, force_py=True)
    assert tasks.rowCount() == 2
    clock.advance(hours=3)
    tasks.reload()
    assert tasks.overdue_count() == 2
    assert tasks.index(0, 0).data().startswith("11:30  OVERDUE")
    tasks.set_waiting({tasks.task_at(0).case_number})
    assert tasks.index(0, 0).data(StatusRole) == "waiting"
    qtmodeltester.check(tasks, force_py=True)
    log = VisitLogModel()
    qtmodeltester.check(log, force_py=True)


def test_the_laptops_data_folder_holds_the_outbox(
    qtbot, team: Team, fair: str, tmp_path: Path
) -> None:
    window = InspectorWindow(team.inspector, data_folder=tmp_path / "laptop")
    qtbot.addWidget(window)
    assert window.outbox.path == tmp_path / "laptop" / "outbox.sqlite3"
    assert window.board.data_folder == tmp_path / "laptop"


def test_the_inspector_window_has_a_file_menu_and_names_the_user(
    qtbot, team: Team, fair: str, tmp_path: Path, db: Database
) -> None:
    from sqlalchemy import update

    from fairdesk.db.models import User

    with db.writing() as session:
        session.execute(
            update(User).where(User.username == "inspector1").values(display_name="Li Wei")
        )
    window = _window(qtbot, team.inspector, tmp_path)
    assert "Li Wei" in window.findChild(QLabel, "user_label").text()
    [file_menu] = [a.menu() for a in window.menuBar().actions() if a.menu()]
    texts = [a.text() for a in file_menu.actions() if not a.isSeparator()]
    assert texts == ["&Settings…", "&About FairDesk", "Sign &out", "&Quit"]
    assert not window.signed_out
    next(a for a in file_menu.actions() if a.text() == "Sign &out").trigger()
    assert window.signed_out and not window.isVisible()
    again = _window(qtbot, team.inspector, tmp_path / "again")
    qtbot.keyClick(again, Qt.Key.Key_Q, CTRL)  # Quit, as on the desk
    qtbot.waitUntil(lambda: not again.isVisible())
    assert not again.signed_out
    for closed in (window, again):  # no poll of a database gone after the test
        closed._poll.stop()


def test_the_finding_buttons_and_notes_stay_put_when_the_booth_is_found(
    qtbot, team: Team, fair: str, tmp_path: Path
) -> None:
    """The booth's information (open case, a re-check due) fills in after Enter: it must
    not push the finding buttons or the notes box under a pointer already aimed at them."""
    number = ordered_case(team, "4.1A05")
    window = _window(qtbot, team.inspector, tmp_path)
    aimed = [*window.patrol.finding_buttons, window.patrol.notes_edit, window.patrol.save_button]

    def places() -> list[tuple[int, int]]:
        QApplication.processEvents()
        return [(w.mapTo(window, w.rect().topLeft()).toTuple()) for w in aimed]

    before = places()
    window.patrol.booth_edit.setText("4.1A05")
    window.patrol.go_to_booth()
    assert number in window.patrol.target_label.text() and "Measure to re-check" in (
        window.patrol.target_label.text()
    )
    assert len(window.patrol.target_label.text().splitlines()) >= 3
    assert places() == before
    window.patrol.exhibitor_combo.show()  # a shared booth asks which exhibitor: nothing moves
    assert places() == before
