"""The case view through real widgets: buttons from the transition table, the step
dialog, stale views, clocks (pytest-qt, offscreen, fake clock, no sleeps)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
)

from fairdesk.domain.enums import ClockKind, Role
from fairdesk.i18n import error_text
from fairdesk.services.casework import clocks
from fairdesk.services.casework.case_detail import case_detail
from fairdesk.services.casework.steps import act_on_case, act_on_complaint, available_steps
from fairdesk.services.intake.intake import RightInput, register_complaint
from fairdesk.ui.casework import case_view as case_view_module
from fairdesk.ui.casework.case_timeline import COL_WHAT, COL_WHO, COL_WHY, TimelineModel
from fairdesk.ui.casework.case_view import CaseView
from fairdesk.ui.common.step_dialog import StepDialog
from tests.conftest import FakeClock, Team
from tests.gui.test_complaint_form import completions_open, press, type_into
from tests.helpers import FAIR, complaint_input, make_fair, received

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def fair(team: Team) -> str:
    return make_fair(team.admin)


def accepted_case(team: Team, booth: str = "4.1A01") -> str:
    """A fresh case in TO_NOTIFY whose complaint is accepted."""
    reg = register_complaint(team.desk, FAIR, complaint_input(booth))
    act_on_complaint(team.desk, reg.number, "accept")
    return reg.case_numbers[0]


def open_view(qtbot, team: Team, number: str, role: Role = Role.DESK) -> CaseView:  # type: ignore[no-untyped-def]
    view = CaseView(team.by_role(role), number)
    qtbot.addWidget(view)
    with qtbot.waitExposed(view):
        view.show()
    return view


def db_state(team: Team, number: str) -> str:
    return case_detail(team.organizer, number).state


def assert_buttons_match_table(view: CaseView, team: Team, role: Role = Role.DESK) -> None:
    """Every step in reach has a button, refused ones greyed with the service's reason."""
    d = case_detail(team.organizer, view.case_number)
    ctx = team.by_role(role)
    for number, buttons, prefix in (
        (d.number, view.action_buttons, "action_"),
        (d.complaint.number, view.complaint_buttons, "complaint_action_"),
    ):
        choices = [c for c in available_steps(ctx, number).choices if c.in_reach]
        assert list(buttons) == [c.action for c in choices]
        for c in choices:
            button = buttons[c.action]
            assert button.isVisible(), c.action
            assert button.objectName() == prefix + c.action
            assert button.property("refused") is (not c.allowed), c.action
            if not c.allowed:
                assert button.toolTip() == error_text(c.refusal), c.action


def allowed_buttons(view: CaseView) -> list[str]:
    return [a for a, b in view.action_buttons.items() if not b.property("refused")]


def click_step(qtbot, view: CaseView, action: str) -> None:  # type: ignore[no-untyped-def]
    button = view.action_buttons[action]
    qtbot.mouseClick(button, LEFT)


def step_dialog(qtbot, view: CaseView) -> StepDialog:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: view.step_dialog is not None and view.step_dialog.isVisible())
    assert view.step_dialog is not None
    return view.step_dialog


def choose(qtbot, dialog: StepDialog, name: str, typed: str, code: str) -> None:  # type: ignore[no-untyped-def]
    """Pick a combo entry from the keyboard, by typing the start of its label."""
    combo = dialog.fields[name]
    assert isinstance(combo, QComboBox)
    combo.setFocus()
    qtbot.keyClicks(combo, typed)
    qtbot.waitUntil(lambda: combo.currentData() == code)


def apply(qtbot, view: CaseView, dialog: StepDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: view.step_dialog is None)


def notify(qtbot, view: CaseView, served: str = "2026-11-05 09:30") -> None:  # type: ignore[no-untyped-def]
    """Notify the respondent from the view: served in person (the dialog's default) at
    `served` (the fake clock's start); the defence period runs from it."""
    click_step(qtbot, view, "notify")
    dialog = step_dialog(qtbot, view)
    qtbot.keyClicks(dialog.fields["served_at"], served)
    apply(qtbot, view, dialog)


def wait_state(qtbot, view: CaseView, team: Team, state: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.state == state)
    assert db_state(team, view.case_number) == state
    assert_buttons_match_table(view, team)


# -- the scripted paths ----------------------------------------------------------------------


def test_decide_on_the_merits_and_order_a_cover(qtbot, team: Team, fair: str) -> None:
    number = accepted_case(team)
    view = open_view(qtbot, team, number)
    assert_buttons_match_table(view, team)
    assert "To notify" in view.state_label.text() and "待通知" in view.state_label.text()
    assert not view.state_icon.pixmap().isNull()  # an icon, not colour alone

    # Notifying asks how the notice was served (in person by default) and when.
    click_step(qtbot, view, "notify")
    dialog = step_dialog(qtbot, view)
    manner = dialog.fields["service_manner"]
    assert isinstance(manner, QComboBox) and manner.currentData() == "in_person"
    qtbot.keyClicks(dialog.fields["served_at"], "2026-11-05 09:30")
    with qtbot.waitSignal(view.changed) as changed:
        apply(qtbot, view, dialog)
    assert changed.args == [number]
    wait_state(qtbot, view, team, "NOTIFIED")
    assert view.clocks_panel.rows["defence"].countdown.text() == "in 24 h 00 min"

    click_step(qtbot, view, "record_defence")
    dialog = step_dialog(qtbot, view)
    qtbot.keyClicks(dialog.fields["summary"], "Design differs: curved back, other legs")
    apply(qtbot, view, dialog)
    wait_state(qtbot, view, team, "DEFENCE_RECEIVED")
    assert view.details.defence_label.text() == "Design differs: curved back, other legs"

    click_step(qtbot, view, "begin_review")
    wait_state(qtbot, view, team, "UNDER_REVIEW")

    click_step(qtbot, view, "decide_infringing")
    dialog = step_dialog(qtbot, view)
    basis = dialog.fields["legal_basis"]
    assert isinstance(basis, QPlainTextEdit)
    # from the rules: the organizer's own (Shanghai Regulations Arts 27, 38), not the
    # authority's 2006 Art 14
    assert basis.toPlainText().startswith("上海市会展业条例 第二十七条、第三十八条")
    choose(qtbot, dialog, "trigger", "On", "merits")
    qtbot.keyClicks(dialog.fields["reason"], "Same overall impression as the registered design")
    with qtbot.waitSignal(view.changed):
        apply(qtbot, view, dialog)
    wait_state(qtbot, view, team, "INFRINGEMENT_FOUND")
    d = case_detail(team.desk, number)
    assert (d.decision_trigger, d.decision_note) == (
        "merits",
        "Same overall impression as the registered design",
    )
    assert "Arts. 27 and 38" in d.legal_basis and "Art. 14" not in d.legal_basis  # no CNIPA 14

    click_step(qtbot, view, "order_remedy")
    dialog = step_dialog(qtbot, view)
    choose(qtbot, dialog, "measure", "Cov", "cover")
    qtbot.mouseClick(dialog.fields["undertaking_signed"], LEFT)
    apply(qtbot, view, dialog)
    wait_state(qtbot, view, team, "REMEDY_ORDERED")
    d = case_detail(team.desk, number)
    assert [(m.measure_type, m.undertaking_signed) for m in d.measures] == [("cover", True)]
    assert view.details.measures_label.text().startswith("Cover the exhibit · 遮盖 · ordered")
    assert "undertaking signed: yes" in view.details.measures_label.text()
    assert "recheck" in view.clocks_panel.rows  # the re-inspection clock started

    whats = [
        view.timeline_model.index(r, COL_WHAT).data() for r in range(view.timeline_model.rowCount())
    ]
    assert whats[-6:] == [
        "Notify the respondent · 通知被投诉人",
        "Case assigned",  # to desk1, who notified it
        "Record the defence · 登记答辩",
        "Review · 审查",
        "Decide: infringement found · 认定侵权",
        "Order measures · 要求整改",
    ]


def test_overdue_defence_then_decide_on_the_art_14_trigger(
    qtbot, team: Team, fair: str, clock: FakeClock
) -> None:
    number = accepted_case(team)
    view = open_view(qtbot, team, number)
    notify(qtbot, view)
    wait_state(qtbot, view, team, "NOTIFIED")

    # Before the deadline the step is shown refused, with the due time, as the service
    # would refuse it; clicking it says so and changes nothing.
    overdue = view.action_buttons["mark_defence_overdue"]
    assert overdue.property("refused") is True
    assert "is not over (due 06/11/2026 09:30" in overdue.toolTip()
    click_step(qtbot, view, "mark_defence_overdue")
    qtbot.waitUntil(lambda: "is not over" in view.message())
    assert view.step_dialog is None and db_state(team, number) == "NOTIFIED"

    clock.advance(hours=25)
    assert view.clock_timer.interval() == 30_000 and view.clock_timer.isActive()
    view.clock_timer.timeout.emit()
    countdown = view.clocks_panel.rows["defence"].countdown
    qtbot.waitUntil(lambda: countdown.text() == "OVERDUE 1 h 00 min")

    # The tick asked the services again: time alone opened the step.
    assert view.action_buttons["mark_defence_overdue"].property("refused") is False
    click_step(qtbot, view, "mark_defence_overdue")
    wait_state(qtbot, view, team, "DEFENCE_OVERDUE")
    assert view.message() == ""
    click_step(qtbot, view, "begin_review")
    wait_state(qtbot, view, team, "UNDER_REVIEW")

    click_step(qtbot, view, "decide_infringing")
    dialog = step_dialog(qtbot, view)
    choose(qtbot, dialog, "trigger", "No", "defence_overdue")
    basis = dialog.fields["legal_basis"]
    assert isinstance(basis, QPlainTextEdit)
    # The trigger brings CNIPA Art 14 into the prefilled basis.
    qtbot.waitUntil(lambda: "展会知识产权保护指引 第十四条" in basis.toPlainText())
    apply(qtbot, view, dialog)
    wait_state(qtbot, view, team, "INFRINGEMENT_FOUND")
    d = case_detail(team.desk, number)
    assert d.decision_trigger == "defence_overdue"
    assert "CNIPA Guidelines" in d.legal_basis


def test_an_edited_legal_basis_is_not_overwritten_by_the_trigger(
    qtbot, team: Team, fair: str
) -> None:
    number = accepted_case(team)
    for action, params in (
        ("notify", {}),
        ("record_defence", {"summary": "答辩"}),
        ("begin_review", {}),
    ):
        act_on_case(team.desk, number, action, **params)
    view = open_view(qtbot, team, number)
    click_step(qtbot, view, "decide_infringing")
    dialog = step_dialog(qtbot, view)
    basis = dialog.fields["legal_basis"]
    assert isinstance(basis, QPlainTextEdit)
    basis.clear()
    qtbot.keyClicks(basis, "Own citation")
    choose(qtbot, dialog, "trigger", "Th", "admission")
    assert basis.toPlainText() == "Own citation"
    assert dialog.required_now("admission")  # the admission itself is then needed
    qtbot.keyClicks(dialog.fields["admission"], "Admitted in writing by the manager")
    apply(qtbot, view, dialog)
    assert case_detail(team.desk, number).legal_basis == "Own citation"


def test_the_decision_asks_only_what_its_trigger_needs(qtbot, team: Team, fair: str) -> None:
    """A defence was recorded: "no written defence" is not offered; the prior decision's
    court, number and date are asked only for that trigger (the fourth review, #9)."""
    number = accepted_case(team)
    for action, params in (
        ("notify", {}),
        ("record_defence", {"summary": "答辩"}),
        ("begin_review", {}),
    ):
        act_on_case(team.desk, number, action, **params)
    view = open_view(qtbot, team, number)
    click_step(qtbot, view, "decide_infringing")
    dialog = step_dialog(qtbot, view)
    trigger = dialog.fields["trigger"]
    assert isinstance(trigger, QComboBox)
    offered = {trigger.itemData(i) for i in range(trigger.count())}
    assert "defence_overdue" not in offered and {"admission", "merits"} <= offered, offered
    prior = ("document_body", "document_number", "document_date")
    assert all(not dialog.fields[name].isVisible() for name in prior)
    assert not dialog.fields["admission"].isVisible()
    choose(qtbot, dialog, "trigger", "Th", "admission")
    assert dialog.fields["admission"].isVisible()
    assert all(not dialog.fields[name].isVisible() for name in prior)
    trigger.setCurrentIndex(trigger.findData("prior_legal_document"))
    assert all(dialog.fields[name].isVisible() for name in prior)
    assert not dialog.fields["admission"].isVisible()


# -- roles ------------------------------------------------------------------------------------


def test_organizer_sees_the_steps_refused_and_why(qtbot, team: Team, fair: str) -> None:
    number = accepted_case(team)
    act_on_case(team.desk, number, "notify", served_at=team.desk.now())
    view = open_view(qtbot, team, number, Role.ORGANIZER)
    assert_buttons_match_table(view, team, Role.ORGANIZER)
    assert allowed_buttons(view) == []
    button = view.action_buttons["record_defence"]
    assert "organizer" in button.toolTip() and "desk" in button.toolTip()
    assert view.no_actions_label.isVisible()
    assert "organizer" in view.no_actions_label.text().lower()
    assert view.clocks_panel.buttons() == []
    assert view.clocks_panel.rows["defence"].countdown.text() == "in 24 h 00 min"
    # Clicking a refused step says why and changes nothing.
    qtbot.mouseClick(button, LEFT)
    assert view.message() == button.toolTip()
    assert view.step_dialog is None and db_state(team, number) == "NOTIFIED"


@pytest.mark.parametrize("role", [Role.INSPECTOR, Role.ADMIN, Role.ORGANIZER, Role.DESK])
def test_buttons_follow_the_table_for_every_role(qtbot, team: Team, fair: str, role: Role) -> None:
    number = accepted_case(team)
    for action, params in (
        ("notify", {}),
        ("record_defence", {"summary": "答辩"}),
        ("begin_review", {}),
        ("decide_infringing", {"trigger": "merits", "legal_basis": "Art 14"}),
        ("order_remedy", {"measure": "cover"}),
    ):
        act_on_case(team.desk, number, action, **params)
    view = open_view(qtbot, team, number, role)
    assert_buttons_match_table(view, team, role)
    if role is Role.INSPECTOR:
        assert allowed_buttons(view) == ["request_recheck"]
        click_step(qtbot, view, "request_recheck")
        qtbot.waitUntil(lambda: view.detail is not None and view.detail.state == "RECHECK_DUE")
        assert_buttons_match_table(view, team, role)


def test_complaint_level_transfer_is_offered_and_taken(qtbot, team: Team, fair: str) -> None:
    number = accepted_case(team)
    view = open_view(qtbot, team, number)
    assert list(view.complaint_buttons) == ["transfer"]
    qtbot.mouseClick(view.complaint_buttons["transfer"], LEFT)
    dialog = step_dialog(qtbot, view)
    qtbot.keyClicks(dialog.fields["authority"], "Shanghai IP Administration")
    apply(qtbot, view, dialog)
    qtbot.waitUntil(
        lambda: view.detail is not None and view.detail.complaint.state == "TRANSFERRED"
    )
    assert case_detail(team.desk, number).complaint.authority == "Shanghai IP Administration"
    assert view.complaint_buttons == {} and not view.complaint_box.isVisible()
    assert "transferred" in view.complaint_label.text()


# -- stale views and refused steps -----------------------------------------------------------


def test_a_stale_view_is_refused_with_who_changed_it_and_keeps_the_input(
    qtbot, team: Team, fair: str
) -> None:
    number = accepted_case(team)
    act_on_case(team.desk, number, "notify", served_at=team.desk.now())
    view = open_view(qtbot, team, number)
    loaded = view.detail.version if view.detail else 0

    # Another desk mediates and gives up, behind this view's back: same state, new version.
    act_on_case(team.desk2, number, "start_mediation")
    act_on_case(team.desk2, number, "end_mediation", reason="no agreement")

    click_step(qtbot, view, "record_defence")
    dialog = step_dialog(qtbot, view)
    qtbot.keyClicks(dialog.fields["summary"], "Respondent's written defence")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: "desk2" in dialog.error_text())
    assert "was changed by desk2" in dialog.error_text()
    assert "(End mediation without agreement)" in dialog.error_text()
    assert view.step_dialog is dialog and dialog.isVisible()
    assert dialog.value("summary") == "Respondent's written defence"
    assert db_state(team, number) == "NOTIFIED"
    # The view reloaded underneath: the mediation shows in the timeline.
    assert view.detail is not None and view.detail.version > loaded
    whos = [
        view.timeline_model.index(r, COL_WHO).data() for r in range(view.timeline_model.rowCount())
    ]
    assert "desk2" in whos
    assert dialog.ok_button.isEnabled()

    # Applying it again, now on the version shown, goes through.
    apply(qtbot, view, dialog)
    wait_state(qtbot, view, team, "DEFENCE_RECEIVED")
    assert case_detail(team.desk, number).defence_summary == "Respondent's written defence"


def test_a_step_no_longer_possible_keeps_the_text_to_copy(qtbot, team: Team, fair: str) -> None:
    number = accepted_case(team)
    act_on_case(team.desk, number, "notify", served_at=team.desk.now())
    view = open_view(qtbot, team, number)
    act_on_case(team.desk2, number, "record_defence", summary="desk2's note")

    click_step(qtbot, view, "record_defence")
    dialog = step_dialog(qtbot, view)
    qtbot.keyClicks(dialog.fields["summary"], "my note")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: "no longer possible" in dialog.error_text())
    assert dialog.value("summary") == "my note"
    assert not dialog.ok_button.isEnabled()
    assert view.detail is not None and view.detail.state == "DEFENCE_RECEIVED"
    assert "record_defence" not in view.action_buttons
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.step_dialog is None)
    assert case_detail(team.desk, number).defence_summary == "desk2's note"


@pytest.mark.parametrize(
    ("path", "action", "fill", "message"),
    [
        ([], "record_defence", {}, "'Record the defence' needs a summary of the defence."),
        (
            ["record_defence", "begin_review"],
            "decide_infringing",
            {},
            "'Decide: infringement found' needs the trigger of the finding.",
        ),
        (
            ["record_defence", "begin_review"],
            "decide_infringing",
            {"trigger": ("On", "merits"), "legal_basis": ""},
            "'Decide: infringement found' needs the legal basis.",
        ),
        ([], "withdraw", {"reason": "   "}, "'Withdrawn by the complainant' needs a reason."),
        (
            ["record_defence", "begin_review"],
            "decide_not_infringing",
            {},
            "'Decide: infringement not established' needs a reason.",
        ),
    ],
    ids=["defence", "trigger", "legal-basis", "blank-reason", "no-reason"],
)
def test_dialog_refuses_a_missing_requirement(
    qtbot, team: Team, fair: str, path: list[str], action: str, fill: dict, message: str
) -> None:
    number = accepted_case(team)
    act_on_case(team.desk, number, "notify", served_at=team.desk.now())
    for step in path:
        act_on_case(
            team.desk, number, step, **({"summary": "答辩"} if step == "record_defence" else {})
        )
    view = open_view(qtbot, team, number)
    state = db_state(team, number)
    click_step(qtbot, view, action)
    dialog = step_dialog(qtbot, view)
    for name, value in fill.items():
        if isinstance(value, tuple):
            choose(qtbot, dialog, name, *value)
        else:
            field = dialog.fields[name]
            assert isinstance(field, QPlainTextEdit)
            field.clear()
            qtbot.keyClicks(field, value)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: dialog.error_text() == message)
    assert dialog.isVisible() and view.step_dialog is dialog
    missing = message.split(" needs ")[1]
    focused = next(n for n, w in dialog.fields.items() if w is dialog.focusWidget())
    assert missing.startswith(
        {
            "summary": "a summary",
            "trigger": "the trigger",
            "legal_basis": "the legal",
            "reason": "a reason",
        }[focused]
    )
    assert db_state(team, number) == state


def test_dialog_keyboard_apply_and_escape(qtbot, team: Team, fair: str) -> None:
    number = accepted_case(team)
    act_on_case(team.desk, number, "notify", served_at=team.desk.now())
    view = open_view(qtbot, team, number)
    click_step(qtbot, view, "withdraw")
    dialog = step_dialog(qtbot, view)
    assert dialog.focusWidget() is dialog.fields["reason"]
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.step_dialog is None)
    assert db_state(team, number) == "NOTIFIED"

    click_step(qtbot, view, "withdraw")
    dialog = step_dialog(qtbot, view)
    qtbot.keyClicks(dialog.fields["reason"], "Settled outside the fair")
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.fields["reason"], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.step_dialog is None)
    wait_state(qtbot, view, team, "WITHDRAWN")


def test_a_database_error_is_shown_and_the_input_kept(
    qtbot, team: Team, fair: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fairdesk.domain.errors import StorageError

    number = accepted_case(team)
    act_on_case(team.desk, number, "notify", served_at=team.desk.now())
    view = open_view(qtbot, team, number)

    def locked(*_a, **_k):  # type: ignore[no-untyped-def]
        raise StorageError("The database is locked by another program; try again.")

    monkeypatch.setattr(case_view_module, "act_on_case", locked)
    click_step(qtbot, view, "record_defence")
    dialog = step_dialog(qtbot, view)
    qtbot.keyClicks(dialog.fields["summary"], "kept")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: "locked" in dialog.error_text())
    assert dialog.value("summary") == "kept" and dialog.ok_button.isEnabled()
    monkeypatch.undo()
    apply(qtbot, view, dialog)
    wait_state(qtbot, view, team, "DEFENCE_RECEIVED")


# -- clocks -----------------------------------------------------------------------------------


def test_pause_asks_why_and_resume_restarts(qtbot, team: Team, fair: str, clock: FakeClock) -> None:
    number = accepted_case(team)
    act_on_case(team.desk, number, "notify", served_at=team.desk.now())
    view = open_view(qtbot, team, number)
    pause = view.findChild(QPushButton, "pause_defence_button")
    assert pause is not None and pause.isVisible()
    qtbot.mouseClick(pause, LEFT)
    dialog = step_dialog(qtbot, view)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: dialog.error_text() == "'Pause the deadline' needs a reason.")
    qtbot.keyClicks(dialog.fields["reason"], "Waiting for the translated power of attorney")
    with qtbot.waitSignal(view.changed):
        apply(qtbot, view, dialog)
    row = view.clocks_panel.rows["defence"]
    assert row.status.text() == "PAUSED: Waiting for the translated power of attorney"
    assert row.countdown.text() == "24 h 00 min left when resumed"
    states = {s.kind: s.status.value for s in clocks.clocks_for_case(team.desk, number)}
    assert states[ClockKind.DEFENCE] == "paused"
    whys = [
        view.timeline_model.index(r, COL_WHY).data() for r in range(view.timeline_model.rowCount())
    ]
    assert whys[-1] == "Waiting for the translated power of attorney"
    assert [b.objectName() for b in view.clocks_panel.buttons()] == ["resume_defence_button"]

    clock.advance(hours=3)
    resume = view.clocks_panel.rows["defence"].resume_button
    assert resume is not None and resume.isVisible()
    with qtbot.waitSignal(view.changed):
        qtbot.mouseClick(resume, LEFT)
    qtbot.waitUntil(lambda: view.clocks_panel.rows["defence"].countdown.text() == "in 24 h 00 min")
    states = {s.kind: s.status.value for s in clocks.clocks_for_case(team.desk, number)}
    assert states[ClockKind.DEFENCE] == "running"


def test_a_defence_deadline_moved_to_the_next_opening_says_why(
    qtbot, team: Team, fair: str, clock: FakeClock
) -> None:
    """Served at 17:30 (the fair closes at 17:00): 24 h end at 17:30 the next day, when
    the fair is closed, so the defence is due at the following opening, 09:00."""
    number = accepted_case(team)
    clock.set(datetime(2026, 11, 5, 9, 40, tzinfo=UTC))  # 17:40 in Shanghai
    act_on_case(team.desk, number, "notify", served_at="2026-11-05 17:30")
    view = open_view(qtbot, team, number)
    status = view.clocks_panel.rows["defence"].status.text()
    assert status == (
        "due 07/11/2026 09:00 (24 h from 05/11/2026 17:30 ends 06/11/2026 17:30, when the fair "
        "is closed: due at its next opening.)"
    )


def test_another_desk_pausing_first_is_explained(qtbot, team: Team, fair: str) -> None:
    number = accepted_case(team)
    act_on_case(team.desk, number, "notify", served_at=team.desk.now())
    view = open_view(qtbot, team, number)
    clocks.pause(team.desk2, number, ClockKind.DEFENCE, "desk2 paused it")
    qtbot.mouseClick(view.findChild(QPushButton, "pause_defence_button"), LEFT)
    dialog = step_dialog(qtbot, view)
    qtbot.keyClicks(dialog.fields["reason"], "me too")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: "cannot be paused: it is paused" in dialog.error_text())
    assert dialog.value("reason") == "me too"


# -- the rest of the screen ---------------------------------------------------------------------


def test_every_button_has_a_unique_mnemonic_or_a_shortcut(qtbot, team: Team, fair: str) -> None:
    number = accepted_case(team)
    act_on_case(team.desk, number, "notify", served_at=team.desk.now())
    view = open_view(qtbot, team, number)
    letters = []
    for button in view.findChildren(QPushButton):
        if not button.isVisible():
            continue
        text = button.text()
        if "&" in text:
            letters.append(text[text.index("&") + 1].lower())
        else:
            assert not button.shortcut().isEmpty() or "(Esc)" in text, text
    assert len(letters) == len(set(letters)) and len(letters) >= 5


def test_escape_closes_the_view(qtbot, team: Team, fair: str) -> None:
    view = open_view(qtbot, team, accepted_case(team))
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not view.isVisible())


def test_header_parties_rights_and_respondent(qtbot, team: Team, fair: str) -> None:
    from datetime import date

    from fairdesk.services.intake.intake import RightInput

    expired = RightInput(
        "trademark", "G123456", "FAIRMARK", "Holder AG", "US", None, date(2020, 1, 1)
    )
    reg = register_complaint(team.desk, FAIR, complaint_input("4.1A02", agent=True, right=expired))
    view = open_view(qtbot, team, reg.case_numbers[0])
    assert view.case_label.text() == f"{FAIR}-0001-1"
    assert f"Complaint {FAIR}-0001" in view.complaint_label.text()
    assert "Registered, not yet accepted" in view.complaint_label.text()
    assert "received 05/11/2026 09:30" in view.complaint_label.text()  # Shanghai time
    assert "测试博览会 (TEST2026)" in view.fair_label.text()
    assert "示例品牌股份有限公司 / Example Brand Co., Ltd." in view.details.complainant_label.text()
    assert "示例律师事务所" in view.details.agent_label.text()
    assert "power of attorney: no" in view.details.agent_label.text()
    warning = view.details.rights_warning.text()
    assert "EXPIRED on 01/01/2020" in warning and "NOT VALID IN CHINA (registered in US)" in warning
    assert view.details.rights_warning.isVisible()
    assert "测试展商2有限公司" in view.details.respondent_name.text()
    assert view.details.respondent_booth.text() == "hall 4.1 · 4.1A02"
    assert "Germany" in view.details.respondent_origin.text()
    assert view.details.exhibits_table.topLevelItem(0).text(0) == "椅子"
    assert view.details.evidence_empty.isVisible()
    # A draft complaint: the complaint's own steps are offered; the case's notify is
    # shown refused, with the service's reason.
    assert_buttons_match_table(view, team)
    assert {"request_supplement", "record_received", "accept", "reject", "withdraw"} <= set(
        view.complaint_buttons
    )
    notify = view.action_buttons["notify"]
    assert notify.property("refused") is True
    assert "accept it before notifying" in notify.toolTip()
    assert "notify" not in allowed_buttons(view)


def test_evidence_is_listed_with_a_short_hash(qtbot, team: Team, fair: str) -> None:
    from tests.unit.test_case_detail import attach_evidence

    number = accepted_case(team)
    sha = attach_evidence(team, number)
    view = open_view(qtbot, team, number)
    assert view.details.evidence_list.count() == 1
    item = view.details.evidence_list.item(0)
    assert item.text() == f"booth-photo.jpg\n{sha[:12]}…"
    assert sha in item.toolTip() and "inspector1" in item.toolTip()


def test_timeline_model_passes_the_model_tester(
    qtbot, qtmodeltester, team: Team, fair: str
) -> None:
    number = accepted_case(team)
    act_on_case(team.desk, number, "notify", served_at=team.desk.now())
    clocks.pause(team.desk, number, ClockKind.DEFENCE, "等待翻译")
    from fairdesk.services.casework.cases import timeline

    model = TimelineModel()
    model.set_entries(timeline(team.desk, number), "Asia/Shanghai")
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 6  # with the assignment to the desk user who notified
    last = model.rowCount() - 1
    assert model.index(last, COL_WHAT).data() == "Deadline paused"
    assert model.index(last, COL_WHY).data() == "等待翻译"
    model.set_entries([], "Asia/Shanghai")
    qtmodeltester.check(model, force_py=True)


def test_unknown_case_raises_not_found(qtbot, team: Team, fair: str) -> None:
    from fairdesk.domain.errors import NotFound

    with pytest.raises(NotFound, match="no respondent case numbered 'NOPE-1'"):
        CaseView(team.desk, "NOPE-1")


def test_another_desks_change_shows_on_the_next_tick(qtbot, team: Team, fair: str) -> None:
    number = accepted_case(team)
    view = open_view(qtbot, team, number)
    assert view.poll_changes() is False  # nothing changed anywhere
    act_on_case(team.desk2, number, "notify")
    view.clock_timer.timeout.emit()
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.state == "NOTIFIED")
    assert_buttons_match_table(view, team)
    # A change elsewhere reloads nothing on screen.
    other = accepted_case(team, "4.1A03")
    act_on_case(team.desk2, other, "notify")
    assert view.poll_changes() is False


def test_no_reload_under_an_open_step_dialog(qtbot, team: Team, fair: str) -> None:
    number = accepted_case(team)
    act_on_case(team.desk, number, "notify", served_at=team.desk.now())
    view = open_view(qtbot, team, number)
    click_step(qtbot, view, "record_defence")
    dialog = step_dialog(qtbot, view)
    act_on_case(team.desk2, number, "start_mediation")
    assert view.poll_changes() is False
    assert view.detail is not None and view.detail.state == "NOTIFIED"  # what the user saw
    qtbot.keyClicks(dialog.fields["summary"], "late")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: "no longer possible" in dialog.error_text())


def test_dialog_fields_have_mnemonics(qtbot, team: Team, fair: str) -> None:
    from PySide6.QtWidgets import QLabel

    number = accepted_case(team)
    for action, params in (
        ("notify", {}),
        ("record_defence", {"summary": "答辩"}),
        ("begin_review", {}),
        ("decide_infringing", {"trigger": "merits", "legal_basis": "Art 14"}),
    ):
        act_on_case(team.desk, number, action, **params)
    view = open_view(qtbot, team, number)
    click_step(qtbot, view, "order_remedy")
    dialog = step_dialog(qtbot, view)
    labels = {
        label.buddy().objectName(): label.text()
        for label in dialog.findChildren(QLabel)
        if label.buddy() is not None
    }
    assert labels == {
        "measure_field": "&Measure *:",
        "storage_place_field": "&Storage place (needed to keep exhibits in custody):",
        "reason_field": "&Note (why; shown in the timeline):",
    }
    assert dialog.fields["undertaking_signed"].text() == "&The respondent signed the undertaking"
    assert dialog.ok_button.text().startswith("&Apply")


def test_storage_place_is_required_when_exhibits_are_kept_in_custody(
    qtbot, team: Team, fair: str
) -> None:
    number = accepted_case(team)
    for action, params in (
        ("notify", {}),
        ("record_defence", {"summary": "答辩"}),
        ("begin_review", {}),
        ("decide_infringing", {"trigger": "merits", "legal_basis": "Art 14"}),
    ):
        act_on_case(team.desk, number, action, **params)
    view = open_view(qtbot, team, number)
    click_step(qtbot, view, "order_remedy")
    dialog = step_dialog(qtbot, view)
    assert not dialog.required_now("storage_place")
    measure = dialog.fields["measure"]
    assert isinstance(measure, QComboBox)
    measure.setCurrentIndex(measure.findData("detain"))
    assert dialog.required_now("storage_place")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: dialog.error_text() != "")
    assert dialog.error_text() == "'Order measures' needs the storage place."
    assert dialog.focusWidget() is dialog.fields["storage_place"]
    qtbot.keyClicks(dialog.fields["storage_place"], "Hall 4.1 store room")
    apply(qtbot, view, dialog)
    wait_state(qtbot, view, team, "REMEDY_ORDERED")
    d = case_detail(team.desk, number)
    assert [(m.measure_type, m.storage_place) for m in d.measures] == [
        ("detain", "Hall 4.1 store room")
    ]


def test_materials_received_are_ticked_in_the_dialog(qtbot, team: Team, fair: str) -> None:
    reg = register_complaint(team.desk, FAIR, complaint_input("4.1A03"))
    view = open_view(qtbot, team, reg.case_numbers[0])
    qtbot.mouseClick(view.complaint_buttons["record_received"], LEFT)
    dialog = step_dialog(qtbot, view)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: dialog.error_text() != "")
    # The service's own refusal, shown in the dialog, which stays open.
    assert "needs what was received" in dialog.error_text() and dialog.isVisible()
    evidence = dialog.fields["materials"].findChild(QCheckBox, "choice_evidence")
    assert evidence is not None and "·" in evidence.text()  # words, not the code
    qtbot.mouseClick(dialog.fields["commitment_signed"], LEFT)
    apply(qtbot, view, dialog)
    whats = [
        view.timeline_model.index(r, COL_WHAT).data() for r in range(view.timeline_model.rowCount())
    ]
    assert whats[-1].startswith("Record materials received")
    assert_buttons_match_table(view, team)


def test_a_refused_step_says_why_on_hover_and_from_the_keyboard(
    qtbot, team: Team, fair: str
) -> None:
    reg = register_complaint(team.desk, FAIR, complaint_input("4.1A03", commitment=False))
    view = open_view(qtbot, team, reg.case_numbers[0])
    notify = view.action_buttons["notify"]
    reason = notify.toolTip()
    assert "accept it before notifying" in reason
    assert notify.accessibleDescription() == reason  # read out by a screen reader
    QApplication.sendEvent(notify, QEvent(QEvent.Type.Enter))
    assert view.message() == reason
    view.clear_message()
    notify.setFocus()
    qtbot.keyClick(notify, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: view.message() == reason)
    assert view.step_dialog is None and db_state(team, reg.case_numbers[0]) == "TO_NOTIFY"
    # Once the complaint is accepted, the step on the case opens.
    act_on_complaint(team.desk, reg.number, "record_received", commitment_signed=True)
    act_on_complaint(team.desk, reg.number, "accept")
    view.reload()
    assert view.action_buttons["notify"].property("refused") is False


def test_the_step_dialog_speaks_the_desks_language(qapp, qtbot, team: Team, fair: str) -> None:  # type: ignore[no-untyped-def]
    from fairdesk.i18n import install_translations

    number = accepted_case(team)
    for action, params in (
        ("notify", {}),
        ("record_defence", {"summary": "答辩"}),
        ("begin_review", {}),
    ):
        act_on_case(team.desk, number, action, **params)
    install_translations(qapp, "zh_CN")
    try:
        view = open_view(qtbot, team, number)
        click_step(qtbot, view, "decide_infringing")
        dialog = step_dialog(qtbot, view)
        assert dialog.labels["trigger"].text().startswith("认定依据")
        combo = dialog.fields["trigger"]
        assert isinstance(combo, QComboBox)
        texts = [combo.itemText(i) for i in range(1, combo.count())]
        assert "被投诉人承认侵权" in texts
        assert not any(re.search(r"[a-z]+_[a-z]+", t) for t in texts)  # no code shown
        qtbot.mouseClick(dialog.ok_button, LEFT)
        qtbot.waitUntil(lambda: dialog.error_text() != "")
        assert re.search("[\u4e00-\u9fff]", dialog.error_text()), dialog.error_text()
        dialog.reject()
    finally:
        install_translations(qapp, "en")


# -- drop-downs found as typed ----------------------------------------------------------------


def decide_dialog(qtbot, team: Team) -> StepDialog:  # type: ignore[no-untyped-def]
    number = accepted_case(team)
    for action, params in (
        ("notify", {}),
        ("record_defence", {"summary": "答辩"}),
        ("begin_review", {}),
    ):
        act_on_case(team.desk, number, action, **params)
    view = open_view(qtbot, team, number)
    click_step(qtbot, view, "decide_infringing")
    dialog = step_dialog(qtbot, view)
    # The offscreen platform gives the activation to no window after an earlier popup.
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is dialog.windowHandle())
    return dialog


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("承认", "admission"),  # Chinese words on an English desk
        ("ADMITTED", "admission"),  # any case, inside the words, not only at their start
        ("review of", "merits"),  # inside the words
    ],
)
def test_a_step_choice_is_found_by_any_part_of_either_language(
    qtbot, team: Team, fair: str, typed: str, code: str
) -> None:
    dialog = decide_dialog(qtbot, team)
    trigger = dialog.fields["trigger"]
    assert isinstance(trigger, QComboBox)
    trigger.setFocus()
    qtbot.waitUntil(lambda: trigger.lineEdit().selectedText() == trigger.currentText())
    type_into(qtbot, trigger.lineEdit(), typed)
    assert trigger.currentData() == code  # chosen as typed, the code still the value
    assert trigger.lineEdit().text() == typed  # what was typed stays until the field is left
    completions_open(qtbot)
    press(qtbot, Qt.Key.Key_Tab)  # with the list of matches open
    qtbot.waitUntil(lambda: not trigger.lineEdit().hasFocus())
    qtbot.waitUntil(lambda: trigger.currentText() == trigger.itemText(trigger.currentIndex()))
    assert dialog.value("trigger") == code
    dialog.reject()


def test_text_that_names_no_choice_is_put_back(qtbot, team: Team, fair: str) -> None:
    dialog = decide_dialog(qtbot, team)
    trigger = dialog.fields["trigger"]
    assert isinstance(trigger, QComboBox)
    trigger.setFocus()
    qtbot.waitUntil(lambda: trigger.lineEdit().selectedText() == trigger.currentText())
    qtbot.keyClicks(trigger.lineEdit(), "zzz")
    assert trigger.currentData() == ""  # still "Choose…": free text is no value
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: trigger.currentText() == trigger.itemText(0))
    assert dialog.value("trigger") == ""
    dialog.reject()


def test_a_chinese_desk_finds_a_step_choice_by_its_english_words(  # type: ignore[no-untyped-def]
    qapp, qtbot, team: Team, fair: str
) -> None:
    from fairdesk.i18n import install_translations

    install_translations(qapp, "zh_CN")
    try:
        dialog = decide_dialog(qtbot, team)
        trigger = dialog.fields["trigger"]
        assert isinstance(trigger, QComboBox)
        trigger.setFocus()
        qtbot.waitUntil(lambda: trigger.lineEdit().selectedText() == trigger.currentText())
        qtbot.keyClicks(trigger.lineEdit(), "admitted")
        completions_open(qtbot)
        press(qtbot, Qt.Key.Key_Tab)
        qtbot.waitUntil(lambda: trigger.currentText() == "被投诉人承认侵权")
        assert dialog.value("trigger") == "admission"
        dialog.reject()
    finally:
        install_translations(qapp, "en")


def test_the_desk_links_an_exhibit_to_a_right_in_the_step_dialog(
    qtbot, team: Team, fair: str
) -> None:
    """Two rights, an exhibit named under neither: the finding's button says which exhibit
    to link; the link dialog starts on it and names the complaint's rights."""
    data = complaint_input("4.1A01")
    data.rights.append(RightInput("trademark", "45678901", "EXAMPLE", valid_until=date(2034, 1, 1)))
    data.materials = received(["design", "trademark"])
    reg = register_complaint(team.desk, FAIR, data)
    act_on_complaint(team.desk, reg.number, "accept")
    number = reg.case_numbers[0]
    act_on_case(team.desk, number, "notify", served_at=team.desk.now())
    view = open_view(qtbot, team, number)
    assert view.action_buttons["decide_at_once"].property("refused")
    assert "椅子 (X-1)" in view.action_buttons["decide_at_once"].toolTip()
    click_step(qtbot, view, "link_exhibit_rights")
    dialog = step_dialog(qtbot, view)
    assert dialog.value("exhibit") == "椅子 (X-1)"
    subtitle = dialog.findChild(QLabel, "step_subtitle")
    assert subtitle is not None and "ZL202330123456.7, 45678901" in subtitle.text()
    qtbot.keyClicks(dialog.fields["rights"], "45678901")
    apply(qtbot, view, dialog)
    table = view.findChild(QTreeWidget, "exhibits_table")
    assert table is not None
    qtbot.waitUntil(lambda: table.topLevelItem(0).text(3) == "45678901")
    qtbot.waitUntil(lambda: not view.action_buttons["decide_at_once"].property("refused"))


# -- the twice-a-minute refresh ------------------------------------------------------------


def _buttons(view: CaseView) -> dict[str, tuple[QPushButton, str]]:
    return {b.objectName(): (b, b.text()) for b in view.steps_panel.buttons()}


def test_a_refresh_with_the_same_answer_leaves_the_buttons_alone(qtbot, team: Team, fair: str):  # type: ignore[no-untyped-def]
    """The desk's pointer is on these buttons: the same answer must not redraw them."""
    view = open_view(qtbot, team, accepted_case(team))
    before = _buttons(view)
    assert before and all(text for _, text in before.values())
    view.refresh_steps()
    assert _buttons(view) == before


def test_a_refresh_with_a_new_answer_draws_buttons_with_their_words(qtbot, team: Team, fair: str):  # type: ignore[no-untyped-def]
    number = accepted_case(team)
    view = open_view(qtbot, team, number)
    before = _buttons(view)
    act_on_case(team.desk2, number, "notify")  # another desk moves the case on
    view.refresh_steps()
    after = _buttons(view)
    assert after.keys() != before.keys()
    assert all(text.strip() for _, text in after.values())


def test_the_keyboard_comes_back_to_the_case_after_a_step_dialog(
    qtbot, team: Team, fair: str
) -> None:
    """Alt+letter works again at once when a step dialog closes, taken or cancelled. (The
    offscreen platform gives the focus back by itself; under Xvfb with no window manager,
    QT_QPA_PLATFORM=xcb, only the view does.)"""
    from PySide6.QtWidgets import QApplication

    view = open_view(qtbot, team, accepted_case(team))
    click_step(qtbot, view, "notify")
    dialog = step_dialog(qtbot, view)
    dialog.reject()
    qtbot.waitUntil(lambda: view.step_dialog is None)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view.window())
    focused = QApplication.focusWidget()
    assert focused is not None and view.isAncestorOf(focused), focused


def test_a_notice_not_yet_served_says_why_no_deadline_runs(qtbot, team: Team, fair: str) -> None:  # type: ignore[no-untyped-def]
    """Notified without a time of service: the defence period has not started, and the
    panel says what starts it (the fourth new-user review, #5)."""
    case = accepted_case(team)
    act_on_case(team.desk, case, "notify")
    view = open_view(qtbot, team, case)
    empty = view.clocks_panel.empty
    assert empty.isVisible() and "time of service" in empty.text()
    act_on_case(team.desk, case, "record_service", served_at="2026-11-05 09:30")
    view.reload()
    assert not empty.isVisible()  # the defence clock runs now


def test_the_timeline_keeps_its_rows_when_the_steps_are_many(
    qtbot, team: Team, fair: str
) -> None:
    """After Notify a dozen steps are listed: they scroll, and the timeline keeps room for
    five entries in a window that fits a 1000-pixel screen (the fourth review, #9)."""
    case = accepted_case(team)
    act_on_case(team.desk, case, "notify")
    view = open_view(qtbot, team, case)
    view.resize(1280, 860)
    qtbot.waitUntil(lambda: view.height() <= 860)
    rows = view.timeline_view.verticalHeader().defaultSectionSize()
    assert view.timeline_view.viewport().height() >= 5 * rows
    assert view.height() <= 860


def test_tab_goes_from_the_timeline_to_the_buttons_below_it(qtbot, team: Team, fair: str) -> None:
    view = open_view(qtbot, team, accepted_case(team))
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.reload_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(view.reload_button.hasFocus)
    # The timeline keeps Tab for its cells: Shift+Tab from the first button reaches it.
    qtbot.keyClick(view.reload_button, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is view.timeline_view
    view.reload_button.setFocus(Qt.FocusReason.TabFocusReason)
    for button in (view.documents_button, view.handoff_button, view.close_button):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # the correction is hidden
        assert QApplication.focusWidget() is button
