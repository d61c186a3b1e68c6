"""The hand-off dialog: from the case view and the organizer's menu, with a progress bar."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from fairdesk.services.handoff import handoff_log
from fairdesk.services.trust import signed_package
from fairdesk.ui.casework.case_view import CaseView
from fairdesk.ui.common.tasks import use_synchronous_pool
from fairdesk.ui.paper.handoff_dialog import HandoffDialog
from tests.conftest import Team
from tests.helpers import FAIR, make_fair
from tests.unit.test_handoffs import _attach, _decided


@pytest.fixture(autouse=True)
def _sync_pool() -> Iterator[None]:
    use_synchronous_pool()
    yield
    use_synchronous_pool(False)


def test_evidence_package_from_the_case_view(qtbot, team: Team, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    make_fair(team.admin)
    number = _decided(team)
    _attach(team, number, (12, 34, 56))
    view = CaseView(team.desk, number)
    qtbot.addWidget(view)
    qtbot.mouseClick(view.handoff_button, Qt.MouseButton.LeftButton)
    dialog = view.findChild(HandoffDialog)
    assert dialog is not None and dialog.case_edit.text() == number
    assert dialog.kind == "evidence"
    dialog.file_edit.setText(str(tmp_path / "ev.zip"))
    steps: list[tuple[int, int]] = []
    dialog._run.on_report = lambda d, t: steps.append((d, t))
    with qtbot.waitSignal(dialog.handoff_done):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert steps[-1][0] == steps[-1][1] > 0  # the bar went to its end
    assert signed_package.verify_path(tmp_path / "ev.zip").ok
    assert "Signed package written" in dialog.status_label.text()
    assert [s.kind for s in handoff_log.handoffs_of_case(team.desk, number)] == ["evidence"]


def test_the_organizer_sees_a_refusal_in_words(qtbot, team: Team, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    make_fair(team.admin)
    number = _decided(team)
    dialog = HandoffDialog(team.organizer, FAIR, number, "evidence")
    qtbot.addWidget(dialog)
    dialog.file_edit.setText(str(tmp_path / "ev.zip"))
    with qtbot.waitSignal(dialog.handoff_failed):
        dialog.export_button.click()
    assert "organizer" in dialog.status_label.text() and not (tmp_path / "ev.zip").exists()
    dialog.kind_combo.setCurrentIndex(0)  # the credit list: organizers may export it
    assert not dialog.case_edit.isEnabled() and dialog.file_edit.text().endswith(".xlsx")
