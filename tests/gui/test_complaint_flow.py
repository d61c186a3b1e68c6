"""The complaint form's flow at the desk: an added row comes into view with the focus,
drop-downs find words of either language as typed, an empty right is not called valid,
and an error goes as soon as its field is put right (pytest-qt)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

from fairdesk.i18n import install_translations
from fairdesk.ui.common.combo_search import matching_rows
from fairdesk.ui.intake.complaint_form import ComplaintForm
from tests.conftest import Team
from tests.gui.test_complaint_form import (
    COMPLAINANT,
    RIGHT,
    clear,
    close_completions,
    completions_closed,
    completions_open,
    dismiss_completions,
    focused,
    open_form,
    press,
    type_into,
)
from tests.helpers import make_fair

Key = Qt.Key


@pytest.fixture
def fair(team: Team) -> str:
    return make_fair(team.admin, exhibitors=5)


@pytest.fixture
def form(qtbot, team: Team, fair: str) -> ComplaintForm:  # type: ignore[no-untyped-def]
    return open_form(qtbot, team)


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    install_translations(qapp, "zh_CN")
    yield
    install_translations(qapp, "en")


def in_view(form: ComplaintForm, widget: QWidget) -> bool:
    """Whether all of `widget` shows inside the form's scrolling area."""
    viewport = form.scroll_area.viewport()
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    return viewport.rect().contains(QRect(top_left, widget.size()))


# -- adding a respondent --------------------------------------------------------------------


def test_add_respondent_brings_the_new_booth_field_into_view_with_the_focus(
    qtbot, form: ComplaintForm
) -> None:
    form.resize(1040, 640)  # a laptop's desk: the sections do not all fit
    qtbot.waitUntil(lambda: form.scroll_area.verticalScrollBar().maximum() > 0)
    form.scroll_area.verticalScrollBar().setValue(0)
    for n in range(2, 5):
        qtbot.mouseClick(form.respondents.add_button, Qt.MouseButton.LeftButton)
        row = form.respondents.rows[-1]
        assert row.number == n
        assert focused() is row.search
        assert in_view(form, row.search), f"respondent {n}'s booth field is out of view"
        form.scroll_area.verticalScrollBar().setValue(0)  # the desk scrolled back up meanwhile
    assert not in_view(form, form.respondents.rows[-1].search)


def test_add_right_brings_the_new_right_into_view(qtbot, form: ComplaintForm) -> None:
    form.resize(1040, 640)
    qtbot.waitUntil(lambda: form.scroll_area.verticalScrollBar().maximum() > 0)
    for _ in range(3):
        form.scroll_area.verticalScrollBar().setValue(0)
        qtbot.mouseClick(form.rights.add_button, Qt.MouseButton.LeftButton)
        row = form.rights.rows[-1]
        assert focused() is row.type_combo and in_view(form, row.type_combo)


# -- drop-downs found as typed ----------------------------------------------------------------


def choose_by_typing(qtbot, form: ComplaintForm, combo: QComboBox, text: str) -> None:  # type: ignore[no-untyped-def]
    combo.setFocus()
    combo.lineEdit().selectAll()
    type_into(qtbot, combo.lineEdit(), text)
    completions_open(qtbot)
    press(qtbot, Key.Key_Down)
    press(qtbot, Key.Key_Return)
    completions_closed(qtbot, form)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("商标", "trademark"),
        ("mark", "trademark"),
        ("外观", "design"),
        ("UTILITY", "utility_model"),
    ],
)
def test_type_of_right_is_found_by_any_part_of_either_language(
    qtbot, form: ComplaintForm, typed: str, code: str
) -> None:
    combo = form.rights.rows[0].type_combo
    choose_by_typing(qtbot, form, combo, typed)
    assert combo.currentData() == code
    assert combo.currentText() == combo.itemText(combo.currentIndex())
    assert form.rights.rows[0].number_label.text()  # the row follows the chosen type


def test_on_a_chinese_desk_english_words_find_the_chinese_entry(
    qtbot, team: Team, fair: str, chinese: None
) -> None:
    form = open_form(qtbot, team)
    combo = form.rights.rows[0].type_combo
    assert "Trademark" not in combo.itemText(combo.findData("trademark"))  # Chinese alone
    choose_by_typing(qtbot, form, combo, "trademark")
    assert combo.currentData() == "trademark"
    assert combo.currentText() == "商标"
    licence = form.rights.rows[0].licence
    choose_by_typing(qtbot, form, licence, "exclusive")
    assert licence.currentData() == "exclusive"


def test_a_word_that_names_no_entry_leaves_the_choice_as_it_was(qtbot, form: ComplaintForm) -> None:
    combo = form.rights.rows[0].type_combo
    before = (combo.currentData(), combo.currentText())
    combo.setFocus()
    combo.lineEdit().selectAll()
    type_into(qtbot, combo.lineEdit(), "zzz")
    assert matching_rows(combo, "zzz") == []
    press(qtbot, Key.Key_Tab)
    assert (combo.currentData(), combo.currentText()) == before


def test_one_entry_named_is_chosen_on_leaving_the_field(qtbot, form: ComplaintForm) -> None:
    combo = form.complainant_kind
    combo.setFocus()
    combo.lineEdit().selectAll()
    type_into(qtbot, combo.lineEdit(), "个人")
    close_completions(qtbot, form)
    press(qtbot, Key.Key_Tab)
    assert combo.currentData() == "person" and combo.currentText() == combo.itemText(1)


def test_the_identity_paper_keeps_free_text_and_finds_entries(qtbot, form: ComplaintForm) -> None:
    combo = form.complainant_id_type
    choose_by_typing(qtbot, form, combo, "passport")
    assert combo.currentText() == "护照 Passport"
    combo.setFocus()
    combo.lineEdit().selectAll()
    type_into(qtbot, combo.lineEdit(), "Seaman's book")
    press(qtbot, Key.Key_Tab)
    assert combo.currentText() == "Seaman's book"


# -- a right's status line ----------------------------------------------------------------------


def test_no_valid_in_china_tick_for_an_empty_right(qtbot, form: ComplaintForm) -> None:
    right = form.rights.rows[0]
    assert right.status.text() == ""
    type_into(qtbot, right.number, RIGHT)
    dismiss_completions(qtbot, form)
    assert right.status.text().startswith("✓")
    clear(qtbot, right.number)
    assert right.status.text() == ""
    type_into(qtbot, right.valid_until, "2020-01-01")  # a lapsed date is told at once
    assert right.status.text().startswith("⚠")


# -- errors go when fixed -------------------------------------------------------------------------


def error_of(form: ComplaintForm, widget: QWidget) -> QWidget:
    found = form.findChild(QWidget, f"{widget.objectName()}_error")
    assert found is not None
    return found


def test_an_error_goes_as_soon_as_its_field_is_put_right(qtbot, form: ComplaintForm) -> None:
    qtbot.mouseClick(form.accept_button, Qt.MouseButton.LeftButton)
    wheres = [line.split(":")[0] for line in form.problem_lines]
    assert wheres == ["Complainant", "Right 1", "Respondent 1", "Materials", "Commitment"]
    name_error = error_of(form, form.complainant_name)
    assert name_error.isVisible()

    type_into(qtbot, form.complainant_name, COMPLAINANT)
    dismiss_completions(qtbot, form)
    qtbot.waitUntil(lambda: not name_error.isVisible())
    assert form.complainant_name.property("invalid") is False
    assert [line.split(":")[0] for line in form.problem_lines] == wheres[1:]
    assert form.error_summary.text().startswith("Please correct these 4 problems")

    row = form.respondents.rows[0]
    row.search.setFocus()
    type_into(qtbot, row.search, "4.1A01")
    close_completions(qtbot, form)
    press(qtbot, Key.Key_Tab)  # leaving the field looks the booth up
    qtbot.waitUntil(lambda: "Respondent 1" not in " ".join(form.problem_lines))
    assert not error_of(form, row.search).isVisible()

    form.commitment.setChecked(True)
    qtbot.waitUntil(lambda: len(form.problem_lines) == 2)
    assert form.error_summary.isVisible()


def test_an_error_stays_while_its_field_is_still_wrong(qtbot, form: ComplaintForm) -> None:
    qtbot.mouseClick(form.accept_button, Qt.MouseButton.LeftButton)
    right = form.rights.rows[0]
    type_into(qtbot, right.valid_from, "soon")  # not the number the error is about
    qtbot.wait(300)  # longer than the form waits before it reads the fields again
    assert error_of(form, right.number).isVisible()
    assert "Right 1" in " ".join(form.problem_lines)


def test_the_summary_goes_when_every_problem_is_fixed(qtbot, form: ComplaintForm) -> None:
    right = form.rights.rows[0]
    type_into(qtbot, right.number, RIGHT)
    dismiss_completions(qtbot, form)
    row = form.respondents.rows[0]
    type_into(qtbot, row.search, "4.1A01")
    close_completions(qtbot, form)
    row.resolve_typed()
    qtbot.mouseClick(form.draft_button, Qt.MouseButton.LeftButton)
    assert [line.split(":")[0] for line in form.problem_lines] == ["Complainant"]
    assert form.error_summary.isVisible() and form.registered is None
    type_into(qtbot, form.complainant_name, COMPLAINANT)
    dismiss_completions(qtbot, form)
    qtbot.waitUntil(lambda: not form.error_summary.isVisible())
    assert form.problem_lines == []
