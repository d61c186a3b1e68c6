"""Registering a complaint and taking its first step at the desk is one transaction: a
refused step leaves nothing behind (no draft, no number used, no audit event)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from fairdesk.db.models import AuditEvent, Complaint, RespondentCase
from fairdesk.domain.errors import MissingRequirement, PermissionDenied
from fairdesk.services.casework.cases import complaint_by_number
from fairdesk.services.intake.intake import RightInput, register_and_step, register_complaint
from tests.conftest import Team
from tests.helpers import FAIR, complaint_input, make_fair


@pytest.fixture
def fair(team: Team) -> str:
    return make_fair(team.admin)


def counts(team: Team) -> tuple[int, int, int]:
    with team.desk.db.reading() as session:
        return (
            session.scalar(select(func.count()).select_from(Complaint)) or 0,
            session.scalar(select(func.count()).select_from(RespondentCase)) or 0,
            session.scalar(select(func.count()).select_from(AuditEvent)) or 0,
        )


def test_register_and_accept_in_one_go(team: Team, fair: str) -> None:
    reg = register_and_step(team.desk, FAIR, complaint_input("4.1A01", "4.1A02"), "accept")
    assert reg.state == "ACCEPTED"
    assert reg.case_numbers == (f"{FAIR}-0001-1", f"{FAIR}-0001-2")
    with team.desk.db.reading() as session:
        complaint = complaint_by_number(session, reg.number)
        assert complaint.state == "ACCEPTED" and complaint.accepted_at is not None
        actions = session.scalars(
            select(AuditEvent.action).where(AuditEvent.complaint_id == complaint.id)
        ).all()
    assert "complaint.register" in actions and "complaint.accept" in actions


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            complaint_input(commitment=False),
            "The complainant's signed commitment (承诺书, 2006 Measures Art 10) is needed",
        ),
        (
            complaint_input(
                right=RightInput(
                    "design", "ZL201010000001.1", "座椅", "示例品牌", valid_until=date(2020, 1, 1)
                )
            ),
            "Right ZL201010000001.1 expired on 2020-01-01",
        ),
        (complaint_input(materials_received=False), "Not received yet:"),
    ],
    ids=["no-commitment", "expired-right", "materials-missing"],
)
def test_a_refused_accept_saves_nothing(team: Team, fair: str, data, message: str) -> None:  # type: ignore[no-untyped-def]
    before = counts(team)
    with pytest.raises(MissingRequirement) as refused:
        register_and_step(team.desk, FAIR, data, "accept")
    assert message in str(refused.value)
    assert counts(team) == before  # no complaint, no case, no audit event
    # The number was not used either: the next complaint gets the first one.
    assert register_complaint(team.desk, FAIR, data).number == f"{FAIR}-0001"


def test_a_step_field_problem_saves_nothing(team: Team, fair: str) -> None:
    before = counts(team)
    with pytest.raises(MissingRequirement, match="needs a reason code"):
        register_and_step(team.desk, FAIR, complaint_input(), "reject")
    assert counts(team) == before


def test_register_and_reject_with_a_reason(team: Team, fair: str) -> None:
    reg = register_and_step(
        team.desk,
        FAIR,
        complaint_input(),
        "reject",
        "Outside the remit",
        reason_code="out_of_scope",
    )
    assert reg.state == "REJECTED"
    with team.desk.db.reading() as session:
        complaint = complaint_by_number(session, reg.number)
        assert complaint.reject_reason == "out_of_scope"
        assert [c.state for c in complaint.cases] == ["CLOSED"]


def test_register_and_ask_for_supplements(team: Team, fair: str) -> None:
    reg = register_and_step(
        team.desk,
        FAIR,
        complaint_input(materials_received=False),
        "request_supplement",
        missing_items="Registration certificate",
    )
    assert reg.state == "PENDING_SUPPLEMENT"


def test_only_desk_staff_register_and_step(team: Team, fair: str) -> None:
    before = counts(team)
    with pytest.raises(PermissionDenied):
        register_and_step(team.inspector, FAIR, complaint_input(), "accept")
    assert counts(team) == before
