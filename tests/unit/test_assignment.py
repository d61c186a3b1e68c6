"""Assigning cases to desk users: audited before/after, stale screens refused, "mine"."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from fairdesk.db.models import AuditEvent
from fairdesk.domain.errors import ConcurrentEdit, InvalidInput, NotFound, PermissionDenied
from fairdesk.services.casework.assignment import assign_cases, assignable_users
from fairdesk.services.casework.cases import CaseFilter, list_cases
from fairdesk.services.casework.steps import act_on_case, act_on_complaint
from fairdesk.services.intake.intake import register_complaint
from tests.conftest import Team
from tests.helpers import FAIR, complaint_input, make_fair


@pytest.fixture
def cases(team: Team) -> list[str]:
    make_fair(team.admin, exhibitors=5)
    reg = register_complaint(team.desk, FAIR, complaint_input("4.1A01", "4.1A02", "4.1A03"))
    act_on_complaint(team.desk, reg.number, "accept")
    return list(reg.case_numbers)


def assigned(team: Team) -> dict[str, str]:
    return {r.number: r.assigned_to for r in list_cases(team.desk, CaseFilter(FAIR))}


def test_assign_audits_each_case_with_before_and_after(team: Team, cases: list[str]) -> None:
    result = assign_cases(team.desk, cases[:2], "desk2", reason="hall 4.1")
    assert result.changed == tuple(cases[:2]) and result.unchanged == ()
    assert assigned(team) == {cases[0]: "desk2", cases[1]: "desk2", cases[2]: ""}
    again = assign_cases(team.admin, cases[:2], "desk1")
    assert again.changed == tuple(cases[:2])
    with team.desk.db.reading() as session:
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "case.assign").order_by(AuditEvent.id)
        ).all()
        assert [(e.username, e.before, e.after, e.reason) for e in events[:1]] == [
            ("desk1", {"assigned_to": ""}, {"assigned_to": "desk2"}, "hall 4.1")
        ]
        assert events[2].before == {"assigned_to": "desk2"}
        assert events[2].after == {"assigned_to": "desk1"}
        assert all(e.case_id is not None for e in events) and len(events) == 4


def test_unchanged_cases_are_not_audited_and_empty_unassigns(team: Team, cases: list[str]) -> None:
    assign_cases(team.desk, [cases[0]], "desk1")
    result = assign_cases(team.desk, [cases[0], cases[1]], "desk1")
    assert result.unchanged == (cases[0],) and result.changed == (cases[1],)
    assign_cases(team.desk, [cases[0]], "")
    assert assigned(team)[cases[0]] == ""


def test_mine_filter(team: Team, cases: list[str]) -> None:
    assign_cases(team.desk, [cases[1]], "desk1")
    assign_cases(team.desk, [cases[2]], "desk2")
    mine = list_cases(team.desk, CaseFilter(FAIR, assigned_to="desk1"))
    assert [r.number for r in mine] == [cases[1]]
    by_assignee = list_cases(team.desk, CaseFilter(FAIR, sort="assigned"))
    assert [r.assigned_to for r in by_assignee] == ["desk1", "desk2", ""]  # unassigned last


def test_stale_version_changes_nothing(team: Team, cases: list[str]) -> None:
    versions = {r.number: r.version for r in list_cases(team.desk, CaseFilter(FAIR))}
    act_on_case(team.desk2, cases[1], "notify")  # another desk moves on
    with pytest.raises(ConcurrentEdit, match="desk2"):
        assign_cases(team.desk, cases, "desk1", expected_versions=versions)
    # All or nothing (the case desk2 worked on is desk2's: it took a step on it).
    assert assigned(team) == {cases[0]: "", cases[1]: "desk2", cases[2]: ""}
    assign_cases(team.desk, [cases[0]], "desk1", expected_versions=versions)
    after = {r.number: r.version for r in list_cases(team.desk, CaseFilter(FAIR))}
    assert after[cases[0]] == versions[cases[0]] + 1  # assigning bumps the version


def test_refusals(team: Team, cases: list[str]) -> None:
    with pytest.raises(PermissionDenied):
        assign_cases(team.organizer, cases, "desk1")
    with pytest.raises(PermissionDenied):
        assign_cases(team.inspector, cases, "desk1")
    with pytest.raises(NotFound, match="nobody"):
        assign_cases(team.desk, cases, "nobody")
    with pytest.raises(InvalidInput, match="inspector"):
        assign_cases(team.desk, cases, "inspector1")
    with pytest.raises(InvalidInput, match="Select at least one"):
        assign_cases(team.desk, [], "desk1")
    with pytest.raises(NotFound):
        assign_cases(team.desk, ["NOPE-1"], "desk1")
    assert assignable_users(team.inspector) == ["admin", "desk1", "desk2"]


def test_a_desk_user_who_takes_a_step_on_an_unassigned_case_handles_it(
    team: Team, cases: list[str]
) -> None:
    act_on_case(team.desk, cases[0], "notify")
    assign_cases(team.desk, [cases[1]], "desk2")
    act_on_case(team.desk, cases[1], "notify")  # already someone's: it stays theirs
    assert assigned(team) == {cases[0]: "desk1", cases[1]: "desk2", cases[2]: ""}
    mine = list_cases(team.desk, CaseFilter(FAIR, assigned_to="desk1"))
    assert [r.number for r in mine] == [cases[0]]
    with team.desk.db.reading() as session:
        taken = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "case.assign").order_by(AuditEvent.id)
        ).all()
        assert [(e.username, e.before, e.after) for e in taken] == [
            ("desk1", {"assigned_to": ""}, {"assigned_to": "desk1"}),
            ("desk1", {"assigned_to": ""}, {"assigned_to": "desk2"}),
        ]
