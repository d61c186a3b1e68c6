"""Tools > Check evidence files: run in the background, the damaged or missing files
listed (pytest-qt, offscreen, synchronous task pool)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QMessageBox

from fairdesk.db.engine import Database
from fairdesk.domain.enums import Role
from fairdesk.services.inspection import evidence
from fairdesk.services.inspection.evidence import PhotoInput
from fairdesk.ui.common.tasks import use_synchronous_pool
from fairdesk.ui.desk.main_window import MainWindow
from fairdesk.ui.organizer.evidence_check import EvidenceCheckResult
from tests.conftest import Team
from tests.unit.test_evidence import jpeg, tamper


@pytest.fixture(autouse=True)
def _synchronous(db: Database) -> Iterator[None]:
    use_synchronous_pool()
    yield
    use_synchronous_pool(False)


def _window(qtbot, team: Team, role: Role) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(team.by_role(role))
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    return window


@pytest.mark.parametrize(
    ("role", "allowed"),
    [(Role.ADMIN, True), (Role.ORGANIZER, True), (Role.DESK, False), (Role.INSPECTOR, False)],
)
def test_the_check_is_offered_to_those_who_verify(qtbot, team: Team, role: Role, allowed) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, team, role)
    action = window.evidence_check_action
    assert action.isEnabled() is allowed
    assert action.text() == "Check &evidence files…"  # Alt+T, E at the keyboard
    tools = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Tools")
    assert action in tools.actions()


def test_all_intact_says_so(qtbot, team: Team) -> None:
    evidence.import_file(team.inspector, PhotoInput("IMG_1.jpg", jpeg()))
    window = _window(qtbot, team, Role.ADMIN)
    window.evidence_check_action.trigger()
    answer = window.evidence_check.answer
    assert isinstance(answer, QMessageBox)
    assert answer.text().startswith("Every evidence file is intact")
    assert window.evidence_check.progress is None  # the progress dialog is closed


def test_damaged_and_missing_files_are_listed(qtbot, team: Team) -> None:
    good = evidence.import_file(team.inspector, PhotoInput("IMG_1.jpg", jpeg()))
    bad = evidence.import_file(team.inspector, PhotoInput("IMG_2.jpg", jpeg(colour="green")))
    gone = evidence.import_file(team.inspector, PhotoInput("IMG_3.jpg", jpeg(colour="blue")))
    assert len({good.sha256, bad.sha256, gone.sha256}) == 3
    tamper(team.desk.db, bad.sha256, b"not the photo any more")
    tamper(team.desk.db, gone.sha256, None)
    window = _window(qtbot, team, Role.ORGANIZER)
    window.evidence_check_action.trigger()
    result = window.evidence_check.answer
    assert isinstance(result, EvidenceCheckResult)
    table = result.table
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows == {"IMG_2.jpg": "Damaged", "IMG_3.jpg": "Missing"}
    assert result.summary.text().startswith("2 evidence file(s) cannot be relied on")
