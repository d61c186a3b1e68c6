"""The fourth insider review: what a database writer could do without a trace."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from fairdesk.app_context import SYSTEM
from fairdesk.db.models import User
from fairdesk.domain.errors import PermissionDenied
from fairdesk.services.checks.audit_verify import verify_chain
from fairdesk.services.context import Context
from fairdesk.services.trust import sign_in_secret, users
from tests.conftest import Team
from tests.security.test_appended_events import _append


def test_a_password_event_by_a_desk_user_does_not_let_a_swapped_record_sign_in(
    team: Team,
) -> None:
    """Finding 5: the mark sign-in trusts is the one the history check accepts."""
    record = sign_in_secret.make("Mallory#Known1").record
    with team.admin.db.writing() as session:
        session.execute(
            update(User).where(User.username == "officer1").values(password_hash=record)
        )
        uid = session.scalars(select(User.id).where(User.username == "officer1")).one()
    mark = {"password": users.password_mark(record)}
    _append(team, team.desk, "user.password", "user", uid, mark)
    system = Context(team.admin.db, SYSTEM, team.admin.now)
    with pytest.raises(PermissionDenied, match="behind the app's back"):
        users.sign_in(system, "officer1", "Mallory#Known1")


def test_an_administrator_changing_a_password_still_lets_the_user_sign_in(team: Team) -> None:
    users.set_password(team.admin, "officer1", "New#Officer1")
    system = Context(team.admin.db, SYSTEM, team.admin.now)
    users.sign_in(system, "officer1", "New#Officer1")
    assert verify_chain(team.admin).ok
