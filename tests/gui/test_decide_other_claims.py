"""Deciding infringement from the case view when a right relied on names no exhibit: the
dialog starts from "not upheld" for that claim, and the finding is taken with it
(third document review, §3.1)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from fairdesk.services.casework.case_detail import case_detail
from fairdesk.services.casework.steps import act_on_case, act_on_complaint
from fairdesk.services.intake.intake import ExhibitInput, RightInput, register_complaint
from fairdesk.ui.casework.case_view import CaseView
from tests.conftest import Team
from tests.gui.test_case_view import choose
from tests.helpers import FAIR, complaint_input, make_fair, received

NOT_UPHELD = (
    "投诉人关于第12345678号注册商标专用权的主张，"
    "未指明涉嫌侵权展品，本意见未予审查；投诉人可另行主张。"
)


@pytest.fixture
def fair(team: Team) -> str:
    return make_fair(team.admin)


def test_the_decide_dialog_starts_from_the_other_claims_not_upheld(
    qtbot, team: Team, fair: str
) -> None:  # type: ignore[no-untyped-def]
    data = complaint_input()
    data.rights.append(
        RightInput("trademark", "12345678", "EXAMPLE", "示例品牌", valid_until=date(2030, 1, 1))
    )
    data.materials = received(["design", "trademark"])
    data.respondents[0].exhibits = [ExhibitInput("椅子", "X-1", 2, rights=["ZL202330123456.7"])]
    reg = register_complaint(team.desk, FAIR, data)
    act_on_complaint(team.desk, reg.number, "accept")
    number = reg.case_numbers[0]
    for action, params in (("notify", {}), ("record_defence", {"summary": "答辩"})):
        act_on_case(team.desk, number, action, **params)
    act_on_case(team.desk, number, "begin_review")

    view = CaseView(team.desk, number)
    qtbot.addWidget(view)
    with qtbot.waitExposed(view):
        view.show()
    qtbot.mouseClick(view.action_buttons["decide_infringing"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.step_dialog is not None and view.step_dialog.isVisible())
    dialog = view.step_dialog
    assert dialog is not None
    field = dialog.fields["other_claims"]
    assert isinstance(field, QPlainTextEdit)
    lines = field.toPlainText().splitlines()
    assert lines[0] == NOT_UPHELD
    assert "registered trademark No. 12345678 was not put to the respondent" in lines[1]

    choose(qtbot, dialog, "trigger", "On", "merits")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.step_dialog is None)
    assert case_detail(team.organizer, number).state == "INFRINGEMENT_FOUND"
