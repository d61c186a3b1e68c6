"""What became of a respondent case, as the statistics count it and the follow-up list
prints it: one rule, so the two never disagree; and what became of a complaint, read
from the step table. Pure: no database, no Qt."""

from __future__ import annotations

from fairdesk.domain.enums import CaseState
from fairdesk.domain.workflow import STEPS, Entity, step

_ENDINGS = {
    CaseState.SETTLED: "settled",
    CaseState.WITHDRAWN: "withdrawn",
    CaseState.SELF_REMEDIED: "self_remedied",
    CaseState.CLOSED: "not_accepted",
    CaseState.POST_FAIR: "post_fair",
}

# Cases that ended with nothing left to follow up (unless an infringement was found).
CLEAN_ENDINGS = frozenset(
    {CaseState.CLOSED, CaseState.SETTLED, CaseState.WITHDRAWN, CaseState.SELF_REMEDIED}
)


def _complaint_states_from(state: str) -> tuple[str, ...]:
    """`state` and every state the complaint's steps lead on to from it."""
    found = [state]
    for current in found:  # grows while it is walked: a breadth-first walk
        for s in STEPS:
            leads_on = s.entity == Entity.COMPLAINT and current in s.sources and s.target
            if leads_on and s.target not in found:
                found.append(s.target)
    return tuple(found)


# Complaints as the statistics count them: still before the desk's decision, accepted
# (whatever happened after, e.g. a transfer), not accepted.
_ACCEPT = step(Entity.COMPLAINT, "accept")
PENDING_COMPLAINTS = tuple(sorted(_ACCEPT.sources))
ACCEPTED_COMPLAINTS = _complaint_states_from(_ACCEPT.target)
REJECTED_COMPLAINTS = _complaint_states_from(step(Entity.COMPLAINT, "reject").target)

# Which respondent cases count, in the statistics and on the follow-up list alike: those
# of a complaint the desk has decided on. A complaint still before the decision (awaiting
# supplement) names its respondents, but has no case yet to count or to follow up.
UNCOUNTED_CASES_OF = PENDING_COMPLAINTS


def uncounted_note(complaints: int) -> tuple[str, str]:
    """What a paper that counts cases says it leaves out, in Chinese and in English."""
    return (
        f"尚未受理（待补正材料）的投诉 {complaints} 件，其被投诉人不计入被投诉案件",
        f"the respondents of {complaints} complaint(s) not yet accepted (awaiting "
        "supplement) are not counted as respondent cases",
    )


def outcome_of(state: str, infringing: bool, decided: bool) -> str:
    """The outcome code (vocabulary OUTCOMES) of a case in `state`; `infringing` when an
    infringement was found, `decided` when any decision was taken."""
    if infringing:
        return "infringing"
    if state in (CaseState.UNDETERMINED, CaseState.REFERRED):
        return "undetermined"
    if state == CaseState.NOT_INFRINGING or (state == CaseState.CLOSED and decided):
        return "not_infringing"
    return _ENDINGS.get(CaseState(state), "open")
