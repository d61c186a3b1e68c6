"""Correcting a recorded decision from the case view and a patrol finding from the
inspector's visit list, at the keyboard (pytest-qt, offscreen)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from fairdesk.domain.enums import Finding, Role
from fairdesk.services.casework.amend import amend_decision
from fairdesk.services.casework.case_detail import case_detail
from fairdesk.services.casework.steps import act_on_case, act_on_complaint
from fairdesk.services.inspection import patrols
from fairdesk.services.intake.intake import register_complaint
from fairdesk.ui.common.step_dialog import StepDialog
from tests.conftest import Team
from tests.gui.test_case_view import open_view
from tests.helpers import FAIR, complaint_input, make_fair


@pytest.fixture
def decided(team: Team) -> str:
    """A case decided on the merits under "Art 14"."""
    make_fair(team.admin)
    reg = register_complaint(team.desk, FAIR, complaint_input())
    act_on_complaint(team.desk, reg.number, "accept")
    number = reg.case_numbers[0]
    for action, params in [
        ("notify", {}),
        ("record_defence", {"summary": "答辩"}),
        ("begin_review", {}),
        ("decide_infringing", {"trigger": "merits", "legal_basis": "Art 14"}),
    ]:
        act_on_case(team.desk, number, action, **params)
    return number


CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def _dialog(qtbot, parent) -> StepDialog:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), StepDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, StepDialog) and dialog.parent() is parent
    dialog.activateWindow()  # shortcuts reach the active window only
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _replace_text(qtbot, edit: QPlainTextEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, CTRL)  # select all, then type over it
    qtbot.keyClicks(edit, text)


def test_a_decision_is_corrected_from_the_case_view(qtbot, team: Team, decided: str) -> None:
    view = open_view(qtbot, team, decided)
    assert view.correct_button.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_D, CTRL_SHIFT)
    dialog = _dialog(qtbot, view)
    assert dialog.value("decision_trigger") == "merits"  # what was recorded, to edit
    assert dialog.value("legal_basis") == "Art 14"
    _replace_text(qtbot, dialog.fields["legal_basis"], "Measures Art 14 para 2")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "reason" in dialog.error_text().lower()  # a correction needs a reason
    _replace_text(qtbot, dialog.fields["reason"], "wrong article cited")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert case_detail(team.desk, decided).legal_basis == "Measures Art 14 para 2"
    assert view.detail is not None and view.detail.legal_basis.endswith("para 2")


def test_a_decision_changed_meanwhile_is_not_overwritten(qtbot, team: Team, decided: str) -> None:
    view = open_view(qtbot, team, decided)
    qtbot.mouseClick(view.correct_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(qtbot, view)
    amend_decision(team.desk2, decided, "另一台", decision_note="另一台电脑的说明")
    _replace_text(qtbot, dialog.fields["decision_note"], "my note")
    _replace_text(qtbot, dialog.fields["reason"], "note added")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "desk2" in dialog.error_text()  # the usual conflict message names who changed it
    assert case_detail(team.desk, decided).decision_note == "另一台电脑的说明"
    # The view behind now shows the other desk's note; applying again is a choice made
    # knowing it, and corrects the case as it is now.
    assert view.detail is not None and view.detail.decision_note == "另一台电脑的说明"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert case_detail(team.desk, decided).decision_note == "my note"


@pytest.mark.parametrize("role", [Role.INSPECTOR, Role.ORGANIZER, Role.ADMIN])
def test_only_deciders_see_the_correction(qtbot, team: Team, decided: str, role: Role) -> None:
    view = open_view(qtbot, team, decided, role)
    assert not view.correct_button.isVisible()


def test_an_undecided_case_has_no_correction(qtbot, team: Team, decided: str) -> None:
    from tests.gui.test_case_view import accepted_case

    view = open_view(qtbot, team, accepted_case(team, "4.1A02"))
    assert not view.correct_button.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_D, CTRL_SHIFT)
    assert QApplication.activeModalWidget() is None


def _visit(team: Team, finding: Finding = Finding.NOTHING, notes: str = "") -> str:
    rnd = patrols.start_round(team.inspector, FAIR, "4.1")
    info = patrols.record_visit(
        team.inspector, patrols.VisitInput(rnd.uid, "4.1A01", finding.value, notes)
    )
    return info.uid


def test_a_finding_is_corrected_from_the_visit_list(
    qtbot,
    team: Team,
    decided: str,
    tmp_path: Path,
) -> None:
    from tests.gui.test_inspector import _window

    window = _window(qtbot, team.inspector, tmp_path)
    uid = _visit(team, Finding.NOTHING, "一切正常")
    window.log_round = patrols.get_visit(team.inspector, uid).round_uid
    window.refresh_log()
    assert window.patrol.log_model.rowCount() == 1
    assert window.patrol.correct_finding_button.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL_SHIFT)  # the newest visit when none is chosen
    dialog = _dialog(qtbot, window)
    assert dialog.value("finding") == "nothing"
    combo = dialog.fields["finding"]
    combo.setCurrentIndex(combo.findData(Finding.SUSPECTED_INFRINGEMENT.value))
    _replace_text(qtbot, dialog.fields["reason"], "wrong booth read")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert patrols.get_visit(team.desk, uid).finding == Finding.SUSPECTED_INFRINGEMENT
    assert "Suspected" in window.patrol.log_model.index(0, 2).data()
