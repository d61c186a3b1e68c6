"""What a respondent case means for its booth on the inspector's hall board.

Declared here once, so the board's service and its screen ask instead of each keeping a
list of states. A case shows as "measure ordered" only once a measure was ordered: a
finding of infringement without a measure yet is an open case like any other (the
inspector has nothing to re-check there).
"""

from __future__ import annotations

from fairdesk.domain.enums import TERMINAL_CASE_STATES, CaseState

VIOLATION = "violation"
RECHECK_DUE = "recheck_due"
MEASURE_ORDERED = "measure_ordered"
OPEN_CASE = "open_case"
SUSPECTED = "suspected"
CLEAR = ""
# The most urgent first: a booth shows the first that applies.
URGENCY = (VIOLATION, RECHECK_DUE, MEASURE_ORDERED, OPEN_CASE, SUSPECTED, CLEAR)

# Open states that say more than "open case"; every other open state is an open case.
_OF_CASE_STATE = {
    CaseState.RECHECK_FAILED: VIOLATION,
    CaseState.ESCALATED: VIOLATION,
    CaseState.RECHECK_DUE: RECHECK_DUE,
    CaseState.REMEDY_ORDERED: MEASURE_ORDERED,
}
# A measure ordered whose re-check time has passed is due for re-inspection.
RECHECK_CLOCK_STATES = frozenset({CaseState.REMEDY_ORDERED})


def of_case(state: str, recheck_time_passed: bool = False) -> str:
    """The booth state one case gives its booth (CLEAR for a case no longer open)."""
    if state in TERMINAL_CASE_STATES:
        return CLEAR
    if recheck_time_passed and state in RECHECK_CLOCK_STATES:
        return RECHECK_DUE
    return _OF_CASE_STATE.get(CaseState(state), OPEN_CASE)


def most_urgent(states: list[str]) -> str:
    return min(states, key=URGENCY.index, default=CLEAR)
