"""The exhibitors window through real widgets: list, search, import, history."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QPushButton

from fairdesk.services.casework.steps import act_on_case, act_on_complaint
from fairdesk.services.fair import fairs
from fairdesk.services.fair.exhibitor_file import RejectedRow
from fairdesk.services.fair.exhibitor_queries import count_exhibitors_matching
from fairdesk.services.fair.exhibitors import (
    count_exhibitors,
    halls_not_of_fair,
    import_exhibitors,
    upsert_exhibitors,
)
from fairdesk.services.fair.fairs import fair_by_code
from fairdesk.services.intake.intake import register_complaint
from fairdesk.ui.common.tasks import use_synchronous_pool
from fairdesk.ui.organizer import exhibitor_model
from fairdesk.ui.organizer.exhibitor_model import (
    COL_BOOTHS,
    COL_CASES,
    COL_COMMITMENT,
    COL_NAME_EN,
    COL_NAME_ZH,
    ExhibitorTableModel,
    RejectedRowsModel,
)
from fairdesk.ui.organizer.exhibitors_window import ExhibitorsWindow
from fairdesk.ui.organizer.import_dialog import ImportDialog
from tests.conftest import SAMPLES, FakeClock, Team
from tests.helpers import FAIR, complaint_input, exhibitor, make_fair

XLSX = SAMPLES / "exhibitors_sample.xlsx"
LEFT = Qt.MouseButton.LeftButton
HEADER = "展商名称,Exhibitor Name,国家/地区,展馆 Hall,展位号 Booth No.\n"


@pytest.fixture
def sync_pool() -> Iterator[None]:
    use_synchronous_pool()
    yield
    use_synchronous_pool(False)


@pytest.fixture
def empty_fair(team: Team) -> str:
    return make_fair(team.admin, exhibitors=0)


@pytest.fixture
def sample_fair(team: Team, empty_fair: str) -> str:
    import_exhibitors(team.admin, empty_fair, XLSX)
    return empty_fair


def type_text(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type like a person: ASCII as key presses, Chinese as an input method commits it
    (QTest cannot press keys for characters outside ASCII)."""
    for chunk in re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]+", text):
        if chunk.isascii():
            qtbot.keyClicks(widget, chunk)
        else:
            event = QInputMethodEvent()
            event.setCommitString(chunk)
            QApplication.sendEvent(widget, event)


def _window(qtbot, ctx, fair: str = FAIR) -> ExhibitorsWindow:  # type: ignore[no-untyped-def]
    window = ExhibitorsWindow(ctx, fair)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _open_import(qtbot, window: ExhibitorsWindow, path: Path) -> ImportDialog:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(window.import_button, LEFT)
    dialog = window.import_dialog
    assert dialog is not None and dialog.isVisible()
    type_text(qtbot, dialog.file_edit, str(path))
    return dialog


def _csv(tmp_path: Path, name: str, rows: list[str], encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding=encoding)
    return path


# --- models -----------------------------------------------------------------------------


def test_exhibitor_model_passes_qt_model_tester(
    qtmodeltester, team: Team, sample_fair: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exhibitor_model, "PAGE", 120)
    model = ExhibitorTableModel(team.desk, sample_fair)
    assert (model.rowCount(), model.total(), model.canFetchMore()) == (120, 300, True)
    qtmodeltester.check(model, force_py=True)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 300


@pytest.mark.parametrize(
    ("search", "column", "rows"),
    [("", COL_BOOTHS, 120), ("no such exhibitor", COL_NAME_ZH, 0), ("蓝海", COL_CASES, None)],
)
def test_sorted_and_searched_models_pass_qt_model_tester(
    qtmodeltester,
    team: Team,
    sample_fair: str,
    monkeypatch: pytest.MonkeyPatch,
    search: str,
    column: int,
    rows: int | None,
) -> None:
    # The tester runs its checks on modelReset before it records the reset as finished,
    # so each state gets a model of its own rather than a reset under the tester.
    monkeypatch.setattr(exhibitor_model, "PAGE", 120)
    model = ExhibitorTableModel(team.desk, sample_fair)
    model.set_search(search)
    model.sort(column, Qt.SortOrder.DescendingOrder)
    expected = count_exhibitors_matching(team.desk, sample_fair, search)
    assert model.total() == expected
    assert model.rowCount() == (min(expected, 120) if rows is None else rows)
    qtmodeltester.check(model, force_py=True)


def test_rejected_rows_model_passes_qt_model_tester(qtmodeltester) -> None:
    rows = [RejectedRow(3, "no booth number", ("甲公司", "A Co.")), RejectedRow(7, "no name", ())]
    model = RejectedRowsModel(rows)
    qtmodeltester.check(model, force_py=True)
    assert (
        model.as_text()
        == "Row\tReason\tContent\n3\tno booth number\t甲公司 | A Co.\n7\tno name\t\n"
    )
    assert model.as_text([1]) == "Row\tReason\tContent\n7\tno name\t\n"


# --- list and search --------------------------------------------------------------------


def test_lists_the_sample_and_searches_as_you_type(qtbot, team: Team, sample_fair: str) -> None:
    window = _window(qtbot, team.desk)
    model = window.model
    assert model.total() == 300 and window.count_label.text() == "300 exhibitors"
    first = model.row_at(0)
    assert model.data(model.index(0, COL_NAME_ZH)) == first.name_zh
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search_edit.hasFocus)

    for text in ("8.1h8-42", "blue ocean", "蓝海"):
        window.search_edit.clear()
        type_text(qtbot, window.search_edit, text)
        expected = count_exhibitors_matching(team.desk, sample_fair, text)
        assert 0 < expected < 300
        qtbot.waitUntil(lambda e=expected: model.total() == e and model.rowCount() == e)
        assert window.count_label.text() == f"{expected} found"
    names = [model.data(model.index(r, COL_NAME_ZH)) for r in range(model.rowCount())]
    assert all("蓝海" in n for n in names)

    window.search_edit.clear()
    qtbot.keyClicks(window.search_edit, "8.1H8-42")
    qtbot.waitUntil(lambda: model.rowCount() >= 1 and "8.1H8-42" in model.row_at(0).booth_numbers)
    window.search_edit.clear()
    qtbot.waitUntil(lambda: model.total() == 300)


def test_cases_column_counts_complaints(qtbot, team: Team) -> None:
    make_fair(team.admin, exhibitors=3)
    reg = register_complaint(team.desk, FAIR, complaint_input("4.1A02"))
    act_on_complaint(team.desk, reg.number, "accept")
    window = _window(qtbot, team.desk)
    model = window.model
    cases = {model.data(model.index(r, COL_NAME_EN)): model.data(model.index(r, COL_CASES))
             for r in range(model.rowCount())}  # fmt: skip
    assert cases == {
        "Test Exhibitor 1 GmbH": "",
        "Test Exhibitor 2 GmbH": "1",
        "Test Exhibitor 3 GmbH": "",
    }


def test_desk_ticks_an_exhibitors_signed_ip_commitment_and_it_is_audited(qtbot, team: Team) -> None:
    from sqlalchemy import select

    from fairdesk.db.models import AuditEvent, Exhibitor

    make_fair(team.admin, exhibitors=2)
    window = _window(qtbot, team.desk)
    model = window.model
    index = model.index(0, COL_COMMITMENT)
    assert model.data(index) == "Not signed"
    assert model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    window.table.setFocus()
    window.table.setCurrentIndex(index)
    qtbot.keyClick(window.table, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: model.data(index) == "Signed")
    exhibitor_id = model.row_at(0).id
    with team.desk.db.reading() as session:
        assert session.get_one(Exhibitor, exhibitor_id).ip_commitment_signed is True
        (event,) = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "exhibitor.ip_commitment")
        ).all()
        assert (event.entity_id, event.user_id) == (exhibitor_id, team.desk.actor.user_id)
    # A re-read list shows what was recorded.
    model.reload()
    assert model.data(model.index(0, COL_COMMITMENT)) == "Signed"


def test_inspectors_see_but_cannot_tick_the_ip_commitment(qtbot, team: Team) -> None:
    make_fair(team.admin, exhibitors=1)
    window = _window(qtbot, team.inspector)
    index = window.model.index(0, COL_COMMITMENT)
    assert not window.model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable
    window.table.setFocus()
    window.table.setCurrentIndex(index)
    qtbot.keyClick(window.table, Qt.Key.Key_Space)
    assert window.model.data(index) == "Not signed"


def test_inspectors_cannot_import(qtbot, team: Team, empty_fair: str) -> None:
    window = _window(qtbot, team.inspector)
    assert not window.import_button.isEnabled()
    assert "admin, desk, organizer" in window.import_button.toolTip()


# --- import -----------------------------------------------------------------------------


def test_import_sample_xlsx_shows_the_report(
    qtbot, team: Team, empty_fair: str, sync_pool: None
) -> None:
    window = _window(qtbot, team.desk)
    assert window.count_label.text() == "0 exhibitors"
    dialog = _open_import(qtbot, window, XLSX)
    with qtbot.waitSignal(dialog.import_done) as done:
        qtbot.mouseClick(dialog.import_button, LEFT)
    report = done.args[0]
    assert (report.imported, report.updated, report.unchanged, report.skipped) == (300, 0, 0, 0)
    assert dialog.report_group.isVisible() and not dialog.error_label.isVisible()
    assert "Imported 300 · Updated 0 · Unchanged 0 · Skipped 0 · Rejected 0" in (
        dialog.summary_label.text()
    )
    assert "No row was rejected." in dialog.summary_label.text()
    assert not dialog.rejected_view.isVisible()
    assert count_exhibitors(team.desk, empty_fair) == 300
    qtbot.waitUntil(lambda: window.model.total() == 300)
    assert window.count_label.text() == "300 exhibitors"

    # Importing again changes nothing and says so.
    with qtbot.waitSignal(dialog.import_done):
        qtbot.keyClick(dialog.file_edit, Qt.Key.Key_Return)
    assert "Imported 0 · Updated 0 · Unchanged 300" in dialog.summary_label.text()
    qtbot.mouseClick(dialog.button_box.buttons()[0], LEFT)
    qtbot.waitUntil(lambda: window.import_dialog is None)


def test_rejected_rows_are_listed_and_can_be_copied(
    qtbot, team: Team, empty_fair: str, sync_pool: None, tmp_path: Path
) -> None:
    path = _csv(
        tmp_path,
        "展商名单.csv",
        [
            "甲公司,Alpha Co.,中国,4.1,4.1A01",
            "乙公司,Beta Co.,中国,4.1,",
            ",,日本,4.2,4.2B01",
            "丙公司,Gamma Co.,中国,4.2,4.2B02",
        ],
    )
    window = _window(qtbot, team.desk)
    dialog = _open_import(qtbot, window, path)
    with qtbot.waitSignal(dialog.import_done):
        qtbot.mouseClick(dialog.import_button, LEFT)
    assert "Imported 2 · Updated 0 · Unchanged 0 · Skipped 0 · Rejected 2" in (
        dialog.summary_label.text()
    )
    view = dialog.rejected_view
    assert view.isVisible() and view.model().rowCount() == 2
    assert view.model().index(0, 0).data() == "3"
    assert view.model().index(0, 1).data() == "no booth number"
    assert view.model().index(1, 0).data() == "4"
    assert "no exhibitor name" in view.model().index(1, 1).data()

    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, LEFT)
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("Row\tReason\tContent\n3\tno booth number\t乙公司 | Beta Co.")
    assert "\n4\t" in copied

    view.selectRow(1)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    header, line = QGuiApplication.clipboard().text().splitlines()
    assert header == "Row\tReason\tContent"
    assert line.startswith("4\tno exhibitor name") and line.endswith("\t |  | 日本 | 4.2 | 4.2B01")
    assert window.model.total() == 2


def _binary(tmp_path: Path) -> Path:
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    return path


def _bad_encoding(tmp_path: Path) -> Path:
    path = tmp_path / "latin.csv"
    path.write_bytes(HEADER.encode("utf-8") + b"\xff\xfe\xfd\x80\x81,\xff\n" * 3)
    return path


def _no_header(tmp_path: Path) -> Path:
    path = tmp_path / "notes.csv"
    path.write_text("Shopping list\nmilk,eggs\nbread,butter\n", encoding="utf-8")
    return path


def _missing(tmp_path: Path) -> Path:
    return tmp_path / "gone.xlsx"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (_missing, 'Exhibitor file "gone.xlsx" does not exist'),
        (_binary, 'Exhibitor file "photo.csv" looks like a PNG image, not a spreadsheet'),
        (_bad_encoding, 'Exhibitor file "latin.csv" is neither UTF-8 nor GB18030 text'),
        (_no_header, 'Exhibitor file "notes.csv" has no recognizable header'),
    ],
    ids=["missing", "binary", "encoding", "no-header"],
)
def test_a_bad_file_says_what_is_wrong_with_it(
    qtbot, team: Team, empty_fair: str, sync_pool: None, tmp_path: Path, make, message: str
) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, team.desk)
    dialog = _open_import(qtbot, window, make(tmp_path))
    with qtbot.waitSignal(dialog.import_failed) as failed:
        qtbot.mouseClick(dialog.import_button, LEFT)
    assert failed.args[0].startswith(message)
    assert dialog.error_label.isVisible() and dialog.error_label.text().startswith(message)
    assert not dialog.report_group.isVisible()
    assert dialog.import_button.isEnabled() and dialog.file_edit.text()  # ready to retry
    assert count_exhibitors(team.desk, empty_fair) == 0


def test_no_file_chosen(qtbot, team: Team, empty_fair: str) -> None:
    window = _window(qtbot, team.desk)
    qtbot.mouseClick(window.import_button, LEFT)
    dialog = window.import_dialog
    assert dialog is not None
    qtbot.mouseClick(dialog.import_button, LEFT)
    assert dialog.error_label.text() == "Choose the exhibitor file to import first."


def test_cancel_leaves_nothing_imported(
    qtbot, team: Team, empty_fair: str, sync_pool: None, tmp_path: Path
) -> None:
    rows = [f"展商{i}有限公司,Exhibitor {i} Ltd.,中国,4.1,4.1A{i:04d}" for i in range(1, 1300)]
    path = _csv(tmp_path, "big.csv", rows)
    window = _window(qtbot, team.desk)
    dialog = _open_import(qtbot, window, path)
    seen: list[str] = []

    def cancel_when_rows_were_read(done: int, _total: int) -> None:
        if done >= 500 and not seen:
            assert dialog.progress_dialog is not None
            seen.append(dialog.progress_dialog.labelText())
            cancel = dialog.progress_dialog.findChild(QPushButton)
            cancel.click()

    dialog.progressed.connect(cancel_when_rows_were_read)
    with qtbot.waitSignal(dialog.import_cancelled):
        qtbot.mouseClick(dialog.import_button, LEFT)
    assert seen == ["500 rows read…"]
    assert dialog.status_label.text() == "Import cancelled: nothing was imported."
    assert not dialog.report_group.isVisible() and dialog.progress_dialog is None
    assert count_exhibitors(team.desk, empty_fair) == 0
    assert window.model.total() == 0


def test_import_on_the_real_thread_pool(qtbot, team: Team, empty_fair: str) -> None:
    window = _window(qtbot, team.desk)
    dialog = _open_import(qtbot, window, XLSX)
    with qtbot.waitSignal(dialog.import_done, timeout=60_000):
        qtbot.mouseClick(dialog.import_button, LEFT)
    assert dialog.progress_dialog is None and dialog.import_button.isEnabled()
    assert "Imported 300" in dialog.summary_label.text()
    qtbot.waitUntil(lambda: window.model.total() == 300)


# --- history ----------------------------------------------------------------------------

CREDIT = "91310000MA1FL0XX1X"


def _add(team: Team, fair_code: str, record) -> None:  # type: ignore[no-untyped-def]
    with team.admin.db.writing() as session:
        upsert_exhibitors(session, fair_by_code(session, fair_code).id, [record], team.admin.now())


def test_history_across_two_editions(qtbot, team: Team, clock: FakeClock) -> None:
    clock.set(datetime(2025, 11, 5, 1, 30, tzinfo=UTC))
    make_fair(team.admin, code="OLD2025", start=date(2025, 11, 5), end=date(2025, 11, 10),
              exhibitors=0)  # fmt: skip
    _add(team, "OLD2025", exhibitor(7, "8.1C01", hall="8.1", credit=CREDIT))
    reg = register_complaint(team.desk, "OLD2025", complaint_input("8.1C01"))
    act_on_complaint(team.desk, reg.number, "accept")
    case = reg.case_numbers[0]
    for action, params in (
        ("notify", {}),
        ("record_defence", {"summary": "答辩"}),
        ("begin_review", {}),
        ("decide_infringing", {"trigger": "merits", "legal_basis": "Art 14", "reason": "相同"}),
    ):
        act_on_case(team.desk, case, action, **params)
    clock.set(datetime(2026, 11, 5, 1, 30, tzinfo=UTC))
    make_fair(team.admin, exhibitors=3)
    _add(team, FAIR, exhibitor(7, "6.1D02", hall="6.1", credit=CREDIT))

    window = _window(qtbot, team.desk)
    assert window.history_tree.topLevelItemCount() == 0
    qtbot.keyClicks(window.search_edit, "ma1fl0")
    qtbot.waitUntil(lambda: window.history_tree.topLevelItemCount() == 2)
    title = window.history_title.text()
    assert "matched by credit code 91310000MA1FL0XX1X" in title
    assert "2 edition(s), 1 case(s)" in title
    this_year, last_year = (window.history_tree.topLevelItem(i) for i in range(2))
    assert this_year.text(0).startswith(f"{FAIR} · 测试博览会 · 05/11/2026 to 10/11/2026")
    assert "booth 6.1D02 · no complaints (this fair)" in this_year.text(0)
    assert "booth 8.1C01 · 1 case(s)" in last_year.text(0)
    (child,) = (last_year.child(i) for i in range(last_year.childCount()))
    assert [child.text(c) for c in range(4)] == [
        "OLD2025-0001-1",
        "示例品牌股份有限公司",
        "design ZL202330123456.7",
        "Infringement found (merits)",
    ]
    assert child.text(4) == "05/11/2025 09:30"  # the fair's own time (Shanghai)

    # Choosing another row shows its own history; clearing the search clears the pane.
    window.search_edit.clear()
    qtbot.waitUntil(lambda: window.model.total() == 4)
    assert window.history_tree.topLevelItemCount() == 0
    window.table.setFocus()
    row = next(r for r in range(4) if window.model.row_at(r).name_en == "Test Exhibitor 2 GmbH")
    rect = window.table.visualRect(window.model.index(row, COL_NAME_EN))
    qtbot.mouseClick(window.table.viewport(), LEFT, pos=rect.center())
    qtbot.waitUntil(lambda: window.history_tree.topLevelItemCount() == 1)
    assert "matched by name" in window.history_title.text()


def test_booths_in_halls_the_fair_does_not_have_are_pointed_out(
    qtbot, team: Team, tmp_path: Path, sync_pool: None
) -> None:
    fairs.create_fair(
        team.admin, FAIR, "测试博览会", date(2026, 11, 5), date(2026, 11, 10), halls=["4.1", "5.1"]
    )
    path = _csv(
        tmp_path,
        "list.csv",
        [
            "甲公司,A Co.,德国,4.1,4.1A01",
            "乙公司,B Co.,德国,5.1,5.1B01",
            "丙公司,C Co.,法国,7.2,7.2C01",
            "丁公司,D Co.,法国,7.2,7.2C02",
        ],
    )
    window = _window(qtbot, team.admin)
    dialog = _open_import(qtbot, window, path)
    with qtbot.waitSignal(dialog.import_done):
        qtbot.mouseClick(dialog.import_button, LEFT)
    assert halls_not_of_fair(team.admin, FAIR) == {"7.2": 2}
    assert dialog.unknown_halls == {"7.2": 2}
    text = dialog.summary_label.text()
    assert f"halls that {FAIR} does not have: 7.2 (2 booths) in rows 4, 5." in text
    assert dialog.hall_rows == {"7.2": [4, 5]}  # the file's rows, as Excel numbers them
    assert "Imported 4" in text
