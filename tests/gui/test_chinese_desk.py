"""A complete desk in both languages: Alt+letter opens a menu or reaches a field, never
both; F1 opens the role's guide in every mode; the words on the screens named in the
issue are translated; dates never come out in US order."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QWidget,
)

from fairdesk.i18n import install_translations
from fairdesk.ui.desk.main_window import MainWindow
from tests.conftest import Team
from tests.helpers import make_fair

MNEMONIC = re.compile(r"&([^&\s])")


def _letter(text: str) -> str | None:
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    install_translations(qapp, request.param)
    yield request.param
    install_translations(qapp, "en")


def _field_letters(root: QWidget) -> list[tuple[str, str]]:
    """(letter, text) of every visible label with a buddy and every visible button."""
    out = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        labelled = isinstance(widget, QLabel) and widget.buddy() is not None
        if not (labelled or isinstance(widget, QAbstractButton)):
            continue
        letter = _letter(widget.text())  # type: ignore[attr-defined]
        if letter:
            out.append((letter, widget.text()))  # type: ignore[attr-defined]
    return out


def test_alt_letters_of_the_main_window_never_clash(qtbot, team: Team, language: str) -> None:
    make_fair(team.admin)
    window = MainWindow(team.desk)
    qtbot.addWidget(window)
    window.show()
    menus = {}
    for action in window.menuBar().actions():
        letter = _letter(action.text())
        assert letter, f"menu {action.text()!r} has no Alt letter"
        assert letter not in menus, f"{action.text()!r} and {menus[letter]!r} share Alt+{letter}"
        menus[letter] = action.text()
    fields: dict[str, str] = {}
    central = window.centralWidget()
    assert central is not None
    for letter, text in _field_letters(central):
        assert letter not in menus, f"Alt+{letter}: field {text!r} and menu {menus[letter]!r}"
        assert letter not in fields, f"Alt+{letter}: {text!r} and {fields[letter]!r}"
        fields[letter] = text


def test_dates_on_an_english_desk_are_never_in_us_order() -> None:
    from datetime import date, datetime

    from fairdesk.i18n import format_date, format_datetime

    us = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    assert format_date(date(2026, 12, 7), us) == "2026-12-07"
    assert format_datetime(datetime(2026, 12, 7, 16, 5), us) == "2026-12-07 16:05"
    uk = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    assert format_date(date(2026, 12, 7), uk) == "07/12/2026"
    zh = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    assert format_date(date(2026, 12, 7), zh) == "2026/12/7"


def test_f1_opens_the_guide_in_inspector_mode(qtbot, team: Team, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from fairdesk.domain.enums import Role
    from fairdesk.ui.common.help import install_help
    from fairdesk.ui.inspection.inspector_window import InspectorWindow

    make_fair(team.admin)
    window = InspectorWindow(team.inspector, data_folder=tmp_path / "laptop")
    qtbot.addWidget(window)
    action = install_help(window, Role.INSPECTOR)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.patrol.booth_edit.setFocus()
    qtbot.keyClick(window.patrol.booth_edit, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: action.help_window is not None and action.help_window.isVisible())
    assert action.help_window is not None and action.help_window.guide == "inspector"
    action.help_window.close()


def test_the_hall_board_speaks_chinese_on_a_chinese_desk(qtbot, team: Team, qapp) -> None:  # type: ignore[no-untyped-def]
    from fairdesk.domain.enums import Finding
    from fairdesk.services.inspection import patrols
    from fairdesk.services.inspection.patrols import VisitInput
    from fairdesk.ui.inspection.hall_board import HallBoard, HallBoardModel
    from tests.helpers import FAIR

    make_fair(team.admin, exhibitors=8)
    rnd = patrols.start_round(team.inspector, FAIR, "4.1").uid
    patrols.record_visit(team.inspector, VisitInput(rnd, "4.1A07", Finding.SUSPECTED_INFRINGEMENT))
    install_translations(qapp, "zh_CN")
    try:
        model = HallBoardModel(team.organizer, FAIR, "4.1")
        assert model.index_of("4.1A07").data() == "A07\n存疑"  # the short mark of the tile
        from PySide6.QtCore import Qt

        tip = model.index_of("4.1A07").data(Qt.ItemDataRole.ToolTipRole)
        assert tip.startswith("4.1A07: 巡查存疑\n") and "涉嫌侵权" in tip, tip
        board = HallBoard(team.organizer)
        qtbot.addWidget(board)
        texts = [chip.text() for chip in board.legend_labels.values()]
        assert all(not re.search(r"[A-Za-z]{3,}", t) for t in texts), texts
    finally:
        install_translations(qapp, "en")


def test_a_refused_step_says_why_in_chinese(team: Team, qapp) -> None:  # type: ignore[no-untyped-def]
    """The step table's refusals were missing from the catalogue: their reasons showed in
    English on a Chinese desk. Every step refused for a draft complaint's case says why in
    Chinese words (numbers and codes the user typed may stay as they are)."""
    from fairdesk.i18n import error_text
    from fairdesk.services.casework.steps import available_steps
    from fairdesk.services.intake.intake import register_complaint
    from tests.helpers import FAIR, complaint_input

    make_fair(team.admin)
    reg = register_complaint(team.desk, FAIR, complaint_input())
    install_translations(qapp, "zh_CN")
    try:
        choices = available_steps(team.desk, reg.case_numbers[0]).choices
        refused = [c.refusal for c in choices if c.refusal is not None]
        assert len(refused) > 3
        for refusal in refused:
            text = error_text(refusal)
            assert re.search(r"[\u4e00-\u9fff]", text), text
            assert not re.search(r"\b(is taken only|you are signed in|needs)\b", text), text
    finally:
        install_translations(qapp, "en")
