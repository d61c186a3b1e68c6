"""Saved views of the case list: stored in the settings file (filters only), applied
from the Views combo, deleted; two presets ship with the desk."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QSettings, Qt

from fairdesk.services.casework.steps import act_on_case, act_on_complaint
from fairdesk.services.intake.intake import register_complaint
from fairdesk.settings import SAVED_VIEWS, Settings
from fairdesk.ui.desk.main_window import MainWindow
from fairdesk.ui.desk.saved_views import PRESETS, SavedView, load_views
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
    act_on_case(team.desk, numbers[1], "notify", served_at=team.desk.now())
    return numbers


def shown(window: MainWindow) -> list[str]:
    model = window.table.model()
    return [model.row_at(r).number for r in range(model.rowCount())]


def answer(text: str, ok: bool = True):  # type: ignore[no-untyped-def]
    return lambda _parent, _title, _label, _text: (text, ok)


def test_presets_are_offered(qtbot, team: Team, cases: list[str]) -> None:
    window = MainWindow(team.desk, settings=Settings())
    qtbot.addWidget(window)
    names = [window.views_combo.itemData(i) for i in range(window.views_combo.count())]
    assert names == ["", "My defences due in 2 h", "Re-checks due"]
    assert PRESETS[1].states == ("RECHECK_DUE", "REMEDY_ORDERED")


def test_defences_due_preset_shows_notified_cases_due_soon(
    qtbot, team: Team, cases: list[str], clock: FakeClock
) -> None:
    window = MainWindow(team.desk, settings=Settings())
    qtbot.addWidget(window)
    assert window.apply_view("My defences due in 2 h")
    assert shown(window) == []  # the 24 h defence periods are far away
    clock.advance(hours=23)
    window.refresh()
    qtbot.waitUntil(lambda: sorted(shown(window)) == sorted(cases[:2]))  # a busy machine
    flt = window.model.case_filter  # type: ignore[union-attr]
    assert flt.states == ("NOTIFIED",) and flt.due_within_hours == 2.0 and flt.sort == "due"
    assert window.due_check.isChecked() and window.due_hours.value() == 2.0


def test_rechecks_preset_filters_on_both_states(qtbot, team: Team, cases: list[str]) -> None:
    window = MainWindow(team.desk, settings=Settings())
    qtbot.addWidget(window)
    index = window.views_combo.findData("Re-checks due")
    window.views_combo.setCurrentIndex(index)
    window.views_combo.activated.emit(index)
    assert window.model.case_filter.states == ("RECHECK_DUE", "REMEDY_ORDERED")  # type: ignore[union-attr]
    assert shown(window) == []
    assert "+" in window.state_combo.currentText()


def test_save_apply_and_delete_a_view(qtbot, team: Team, cases: list[str]) -> None:
    settings = Settings()
    window = MainWindow(team.desk, settings=settings)
    qtbot.addWidget(window)
    window.state_combo.setCurrentIndex(window.state_combo.findData("NOTIFIED"))
    window.hall_combo.setCurrentIndex(window.hall_combo.findData("4.1"))
    window.search_edit.setText("4.1a02")
    window.apply_filter()
    window.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.DescendingOrder)
    assert shown(window) == [cases[1]]
    window.ask_text = answer("  Hall 4.1 notified  ")
    assert window.save_current_view()

    # Plain JSON in the settings file; filters only, never case data.
    raw = QSettings(str(settings.path), QSettings.Format.IniFormat).value(SAVED_VIEWS.key)
    (stored,) = json.loads(raw)
    assert stored == {
        "name": "Hall 4.1 notified",
        "states": ["NOTIFIED"],
        "ip_type": "",
        "hall": "4.1",
        "overdue": False,
        "due_within_hours": None,
        "search": "4.1a02",
        "mine": False,
        "sort": "state",
        "descending": True,
    }

    window.clear_filters()
    assert len(shown(window)) == 3
    other = MainWindow(team.desk, settings=Settings())  # a new window reads the file
    qtbot.addWidget(other)
    assert other.apply_view("Hall 4.1 notified")
    assert shown(other) == [cases[1]]
    assert other.search_edit.text() == "4.1a02"
    assert other.model.case_filter.descending  # type: ignore[union-attr]
    assert other.views_combo.currentData() == "Hall 4.1 notified"

    assert other.delete_current_view()
    assert [v.name for v in load_views(Settings())] == [p.name for p in PRESETS]
    assert other.views_combo.findData("Hall 4.1 notified") == -1


def test_saving_under_the_same_name_replaces_the_view(qtbot, team: Team, cases: list[str]) -> None:
    settings = Settings()
    window = MainWindow(team.desk, settings=settings)
    qtbot.addWidget(window)
    window.ask_text = answer("Overdue")
    window.save_current_view()
    window.overdue_check.setChecked(True)
    window.save_current_view()
    (view,) = [v for v in load_views(settings) if not v.preset]
    assert view == SavedView("Overdue", overdue=True)


def test_presets_cannot_be_overwritten_or_deleted(
    qtbot, team: Team, cases: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from fairdesk.ui.desk import main_window

    window = MainWindow(team.desk, settings=Settings())
    qtbot.addWidget(window)
    window.apply_view("Re-checks due")
    assert not window.delete_current_view()
    assert "built-in views stay" in window.statusBar().currentMessage()
    warnings: list[str] = []
    monkeypatch.setattr(
        main_window.QMessageBox, "warning", lambda _p, _t, text: warnings.append(text)
    )
    window.ask_text = answer("Re-checks due")
    assert not window.save_current_view()
    assert "built-in view" in warnings[0]


def test_cancelled_or_broken_entries_are_ignored(qtbot, team: Team, cases: list[str]) -> None:
    settings = Settings()
    settings.set(SAVED_VIEWS, [{"name": "bad", "sort": "nonsense"}, {"name": "ok"}])
    window = MainWindow(team.desk, settings=settings)
    qtbot.addWidget(window)
    assert window.views_combo.findData("bad") == -1 and window.views_combo.findData("ok") > 0
    window.ask_text = answer("x", ok=False)
    assert not window.save_current_view()
