"""No raw code reaches a screen: the desk's main window, the case view of cases in several
states, the dashboard, the hall board and the inspector's window are opened on a known
history in English and in Chinese, every text a person can see or hear (labels, buttons,
menus, lists and their headers, tooltips, accessible names) is gathered, and any
code-shaped word (`REMEDY_ORDERED`, `measure_verified`) fails the test.

Paper (documents, the report, the lists) is searched in tests/unit/test_no_code_words.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from fairdesk.i18n import install_translations
from fairdesk.services.inspection.outbox import Outbox
from fairdesk.ui.common.tasks import use_synchronous_pool
from fairdesk.ui.desk.main_window import MainWindow
from fairdesk.ui.inspection.hall_board import HallBoard
from fairdesk.ui.inspection.inspector_window import InspectorWindow
from fairdesk.ui.organizer.dashboard import Dashboard
from tests.conftest import FakeClock, Team
from tests.unit.test_followup import CURRENT, History, build_history
from tests.unit.test_no_code_words import assert_no_codes

TAGS = re.compile(r"<[^>]+>")
ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
MAX_ROWS = 200


@pytest.fixture(autouse=True)
def _synchronous() -> Iterator[None]:
    use_synchronous_pool()
    yield
    use_synchronous_pool(False)


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest, qapp) -> Iterator[str]:  # type: ignore[no-untyped-def]
    install_translations(qapp, request.param)
    yield request.param
    install_translations(qapp, "en")


@pytest.fixture
def history(team: Team, clock: FakeClock) -> History:
    return build_history(team, clock)


def _count(model: QAbstractItemModel, parent: QModelIndex, rows: bool) -> int:
    """Rows or columns under `parent`; list and table models keep the count for children
    private (they have none)."""
    try:
        return model.rowCount(parent) if rows else model.columnCount(parent)
    except TypeError:
        return 0 if parent.isValid() else 1


def _model_texts(model: QAbstractItemModel, parent: QModelIndex, depth: int = 0) -> list[str]:
    out: list[str] = []
    rows, columns = _count(model, parent, True), _count(model, parent, False)
    if depth == 0:
        for orientation, count in (
            (Qt.Orientation.Horizontal, columns),
            (Qt.Orientation.Vertical, rows),
        ):
            out += [str(model.headerData(i, orientation) or "") for i in range(count)]
    for row in range(min(rows, MAX_ROWS)):
        for column in range(columns):
            index = model.index(row, column, parent)
            out += [str(model.data(index, role) or "") for role in ROLES]
            if depth < 3 and _count(model, index, True) > 0:
                out += _model_texts(model, index, depth + 1)
    return out


def screen_texts(top: QWidget) -> list[str]:
    """Every text of `top` and its children that a person can see or hear."""
    out = [top.windowTitle()]
    for w in [top, *top.findChildren(QWidget)]:
        out += [w.toolTip(), w.statusTip(), w.accessibleName(), w.accessibleDescription()]
        if isinstance(w, QLabel | QAbstractButton):
            out.append(w.text())
        elif isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QLineEdit):
            out += [w.text(), w.placeholderText()]
        elif isinstance(w, QPlainTextEdit | QTextEdit):
            out += [w.toPlainText(), w.placeholderText()]
        elif isinstance(w, QGroupBox):
            out.append(w.title())
        elif isinstance(w, QTabWidget):
            out += [w.tabText(i) for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            out += _model_texts(w.model(), QModelIndex())
    for action in top.findChildren(QAction):
        out += [action.text(), action.toolTip(), action.statusTip()]
    return [TAGS.sub(" ", t) for t in out if t]


def _shown(qtbot, widget: QWidget) -> QWidget:  # type: ignore[no-untyped-def]
    qtbot.addWidget(widget)
    widget.resize(1200, 850)
    with qtbot.waitExposed(widget):
        widget.show()
    return widget


def test_the_desk_screens_show_no_codes(qtbot, language: str, team: Team, history: History) -> None:
    window = _shown(qtbot, MainWindow(team.desk))
    qtbot.waitUntil(lambda: window.model.rowCount() > 0)
    assert_no_codes(screen_texts(window), f"main window ({language})")


def test_the_case_view_shows_no_codes(qtbot, language: str, team: Team, history: History) -> None:
    # The case view draws its buttons from the step table; until it does, it cannot load.
    case_view = pytest.importorskip(
        "fairdesk.ui.casework.case_view", reason="the case view cannot load", exc_type=ImportError
    )
    for label, number in sorted(history.cases.items()):
        view = _shown(qtbot, case_view.CaseView(team.desk, number))
        assert_no_codes(screen_texts(view), f"case view of {label} ({language})")
        view.close()


def test_the_organizer_and_floor_screens_show_no_codes(
    qtbot, language: str, team: Team, history: History, tmp_path: Path
) -> None:
    board = _shown(qtbot, Dashboard(team.organizer, CURRENT))
    qtbot.waitUntil(lambda: board.report is not None)
    assert_no_codes(screen_texts(board), f"dashboard ({language})")
    hall = _shown(qtbot, HallBoard(team.organizer))
    hall.show_hall(CURRENT, "4.1")
    assert hall.model.cells(), "the hall board shows the history's booths"
    assert_no_codes(screen_texts(hall), f"hall board ({language})")
    inspector = InspectorWindow(team.inspector, outbox=Outbox(tmp_path / "outbox.sqlite3"))
    _shown(qtbot, inspector)
    qtbot.keyClicks(inspector.patrol.booth_edit, "a01")  # a booth with an open, escalated case
    qtbot.keyClick(inspector.patrol.booth_edit, Qt.Key.Key_Return)
    assert "TEST2026-0001-1" in inspector.patrol.target_label.text()
    inspector.rechecks.task_view.selectRow(0)  # its re-check: the task, the measure, the due time
    assert "TEST2026-0001-1" in inspector.rechecks.recheck_title.text()
    for tab in range(inspector.tabs.count()):
        inspector.tabs.setCurrentIndex(tab)
        assert_no_codes(screen_texts(inspector), f"inspector, tab {tab} ({language})")
