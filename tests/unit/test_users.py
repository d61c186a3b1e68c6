"""Users: sign-in with lockout, disabling, roles, passwords, all audited."""

from __future__ import annotations

import pytest

from fairdesk.domain.enums import Role
from fairdesk.domain.errors import InvalidInput, NotFound, PermissionDenied
from fairdesk.services.checks.audit_verify import verify_chain
from fairdesk.services.trust import users
from tests.conftest import FakeClock, Team


def test_sign_in_with_the_right_password(team: Team) -> None:
    assert users.authenticate(team.admin, "desk1", "desk1-pass-1").role is Role.DESK


@pytest.mark.parametrize(("name", "password"), [("desk1", "wrong"), ("nobody", "x"), ("", "")])
def test_wrong_credentials_do_not_say_which_part_is_wrong(
    team: Team, name: str, password: str
) -> None:
    with pytest.raises(PermissionDenied, match="^Unknown user name or wrong password.$"):
        users.authenticate(team.admin, name, password)


def test_lockout_after_five_failures_then_expires(team: Team, clock: FakeClock) -> None:
    for _ in range(users.MAX_FAILED_LOGINS):
        with pytest.raises(PermissionDenied, match="wrong password"):
            users.authenticate(team.admin, "desk1", "guess")
    with pytest.raises(PermissionDenied, match="locked for 15 more minutes"):
        users.authenticate(team.admin, "desk1", "desk1-pass-1")  # even the right one
    clock.advance(minutes=16)
    assert users.authenticate(team.admin, "desk1", "desk1-pass-1").username == "desk1"


def test_admin_password_reset_lifts_a_lockout(team: Team) -> None:
    for _ in range(users.MAX_FAILED_LOGINS):
        with pytest.raises(PermissionDenied):
            users.authenticate(team.admin, "desk1", "guess")
    users.set_password(team.admin, "desk1", "a-new-password")
    assert users.authenticate(team.admin, "desk1", "a-new-password").username == "desk1"


def test_disabled_user_cannot_sign_in(team: Team) -> None:
    users.disable_user(team.admin, "desk1", reason="left the team")
    with pytest.raises(PermissionDenied):
        users.authenticate(team.admin, "desk1", "desk1-pass-1")
    users.enable_user(team.admin, "desk1")
    assert users.authenticate(team.admin, "desk1", "desk1-pass-1").active


def test_admin_cannot_lock_themselves_out(team: Team) -> None:
    with pytest.raises(InvalidInput, match="your own account"):
        users.disable_user(team.admin, "admin")
    with pytest.raises(InvalidInput, match="your own account"):
        users.set_role(team.admin, "admin", Role.DESK)


def test_user_changes_own_password_with_the_old_one(team: Team) -> None:
    with pytest.raises(PermissionDenied):
        users.set_password(team.desk, "desk1", "another-password", old_password="wrong")
    users.set_password(team.desk, "desk1", "another-password", old_password="desk1-pass-1")
    assert users.authenticate(team.admin, "desk1", "another-password")


@pytest.mark.parametrize(
    ("name", "role", "password", "message"),
    [
        ("a", "desk", "long-enough", "2-64 letters"),
        ("bob", "boss", "long-enough", "not a role"),
        ("bob", "desk", "short", "at least 8 characters"),
        ("desk1", "desk", "long-enough", "already exists"),
    ],
)
def test_add_user_refusals(team: Team, name: str, role: str, password: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        users.add_user(team.admin, name, role, password)


def test_role_change_is_audited_with_before_and_after(team: Team) -> None:
    from sqlalchemy import select

    from fairdesk.db.models import AuditEvent

    users.set_role(team.admin, "desk2", Role.INSPECTOR, reason="patrol duty")
    with team.admin.db.reading() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "user.role")).one()
    assert (event.before, event.after, event.reason) == (
        {"role": "desk"},
        {"role": "inspector"},
        "patrol duty",
    )
    assert event.username == "admin"
    assert verify_chain(team.admin).ok


def test_unknown_user(team: Team) -> None:
    with pytest.raises(NotFound, match="no user 'ghost'"):
        users.disable_user(team.admin, "ghost")
