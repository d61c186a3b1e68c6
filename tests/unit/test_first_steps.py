"""What to do first on a fair just set up: by who is signed in, until the first complaint."""

from __future__ import annotations

from fairdesk.app_context import SYSTEM
from fairdesk.db.engine import Database
from fairdesk.domain.enums import Role
from fairdesk.services.context import Context
from fairdesk.services.fair.first_steps import first_steps
from fairdesk.services.intake.intake import register_complaint
from fairdesk.services.trust import users
from tests.conftest import FakeClock, Team
from tests.helpers import FAIR, complaint_input, make_fair


def test_a_new_installation_starts_with_accounts_then_the_list(
    db: Database, clock: FakeClock
) -> None:
    system = Context(db, SYSTEM, clock)
    users.add_user(system, "admin", Role.ADMIN, "admin-pass-1")
    admin = users.sign_in(system, "admin", "admin-pass-1")
    make_fair(admin, exhibitors=0)
    assert first_steps(admin, FAIR) == ("accounts", "exhibitors", "desk_signs_in")
    users.add_user(admin, "desk1", Role.DESK, "desk1-pass-1")
    assert first_steps(admin, FAIR) == ("exhibitors", "desk_signs_in")
    desk = users.sign_in(system, "desk1", "desk1-pass-1")
    assert first_steps(desk, FAIR) == ("exhibitors", "complaint")


def test_nothing_once_the_fair_has_a_complaint(team: Team) -> None:
    make_fair(team.admin)
    assert first_steps(team.desk, FAIR) == ("complaint",)
    assert first_steps(team.inspector, FAIR) == ()
    register_complaint(team.desk, FAIR, complaint_input())
    for ctx in (team.admin, team.desk, team.organizer):
        assert first_steps(ctx, FAIR) == ()
