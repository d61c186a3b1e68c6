"""The domain says what each case state means on the hall board."""

from __future__ import annotations

from fairdesk.domain import booth_board
from fairdesk.domain.enums import TERMINAL_CASE_STATES, CaseState


def test_only_an_ordered_measure_shows_as_a_measure() -> None:
    shown = {s: booth_board.of_case(s) for s in CaseState}
    measures = {s for s, board in shown.items() if board == booth_board.MEASURE_ORDERED}
    assert measures == {CaseState.REMEDY_ORDERED}
    assert shown[CaseState.INFRINGEMENT_FOUND] == booth_board.OPEN_CASE
    assert all(shown[s] == booth_board.CLEAR for s in TERMINAL_CASE_STATES)
    assert booth_board.of_case(CaseState.REMEDY_ORDERED, True) == booth_board.RECHECK_DUE
    assert booth_board.of_case(CaseState.INFRINGEMENT_FOUND, True) == booth_board.OPEN_CASE
