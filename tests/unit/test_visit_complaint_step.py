"""A complaint from a patrol visit taken with its first step, as the desk's form saves it:
the step and the registration stand or fall together; the visit is linked only on success."""

from __future__ import annotations

import pytest

from fairdesk.domain.enums import Channel, ComplaintState, Finding
from fairdesk.domain.errors import FairDeskError
from fairdesk.services.inspection import patrols
from tests.conftest import Team
from tests.helpers import FAIR, complaint_input, make_fair


def _suspected(team: Team) -> str:
    make_fair(team.admin)
    rnd = patrols.start_round(team.inspector, FAIR, "4.1")
    data = patrols.VisitInput(rnd.uid, "4.1A02", Finding.SUSPECTED_INFRINGEMENT.value, "仿冒")
    return patrols.record_visit(team.inspector, data).uid


def test_accepted_with_the_registration(team: Team) -> None:
    uid = _suspected(team)
    data = complaint_input("4.1A02")
    registered = patrols.register_complaint_from_visit(team.desk, uid, data, "accept")
    assert registered.state == ComplaintState.ACCEPTED
    assert patrols.get_visit(team.desk, uid).case_number == registered.case_numbers[0]
    assert data.channel == Channel.PATROL and uid in data.summary


def test_a_refused_step_saves_nothing_and_leaves_the_visit_waiting(team: Team) -> None:
    uid = _suspected(team)
    data = complaint_input("4.1A02", materials_received=False)
    with pytest.raises(FairDeskError):
        patrols.register_complaint_from_visit(team.desk, uid, data, "accept")
    assert patrols.get_visit(team.desk, uid).case_number == ""
    waiting = patrols.list_visits(
        team.desk, FAIR, finding=Finding.SUSPECTED_INFRINGEMENT.value, without_case=True
    )
    assert [v.uid for v in waiting] == [uid]
    # Nothing was kept of the refused attempt: the complete one is the fair's first.
    registered = patrols.register_complaint_from_visit(team.desk, uid, complaint_input("4.1A02"))
    assert registered.number.endswith("-0001")
