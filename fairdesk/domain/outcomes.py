"""What became of a respondent case, as the statistics count it and the follow-up list
prints it: one rule, so the two never disagree. Pure: no database, no Qt."""

from __future__ import annotations

from fairdesk.domain.enums import CaseState

_ENDINGS = {
    CaseState.SETTLED: "settled",
    CaseState.WITHDRAWN: "withdrawn",
    CaseState.SELF_REMEDIED: "self_remedied",
    CaseState.CLOSED: "not_accepted",
    CaseState.POST_FAIR: "post_fair",
}


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
