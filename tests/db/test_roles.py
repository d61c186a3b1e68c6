"""`fairdesk db roles`: a desk on PostgreSQL may add audit events but never change or
remove one, nor change a key's public half."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from fairdesk.cli import main
from fairdesk.db.engine import Database
from fairdesk.db.roles import apply_roles, default_role
from fairdesk.domain.errors import InvalidInput
from fairdesk.services.trust import users
from tests.conftest import PG_URL, Team

pytestmark = pytest.mark.postgres_only


def test_sqlite_has_no_roles(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = Database(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    try:
        with pytest.raises(InvalidInput, match="An SQLite database has no roles"):
            apply_roles(db, "x_desk", None)
    finally:
        db.dispose()


@pytest.mark.skipif(not PG_URL, reason="needs a PostgreSQL server")
def test_the_desk_role_only_appends_audit_events(team: Team, capsys) -> None:  # type: ignore[no-untyped-def]
    db = team.admin.db
    role = default_role(db)
    assert main(["--db", db.url, "db", "roles"]) == 0
    assert f"created the desk role {role}" in capsys.readouterr().out
    assert main(["--db", db.url, "db", "roles"]) == 0  # again: updated, not an error
    desk = create_engine(make_url(db.url).set(username=role, password=None))
    owner = create_engine(db.url)
    try:
        # A desk's day on the desk role: sign in, register, print, verify, revoke.
        _a_desk_day(make_url(db.url).set(username=role, password=None), team)
        with desk.begin() as conn:  # adding an event (even a junk one) is allowed
            conn.execute(
                text(
                    "INSERT INTO audit_events (at, username, action, entity_type, reason, "
                    "prev_hash, hash) VALUES (now(), 'x', 'x', 'x', '', 'p', 'h-desk')"
                )
            )
            assert conn.scalar(text("SELECT count(*) FROM users")) == len(
                users.list_users(team.admin)
            )
        for statement in (
            "UPDATE audit_events SET reason = 'edited'",
            "DELETE FROM audit_events",
            "TRUNCATE audit_events",
            "UPDATE signing_keys SET public_key = 'x'",
            "CREATE ROLE intruder",
        ):
            with pytest.raises(DBAPIError, match="permission denied"), desk.begin() as conn:
                conn.execute(text(statement))
        # Granted more by mistake: the trigger still refuses anyone but the owner.
        with owner.begin() as conn:
            conn.execute(text(f'GRANT UPDATE, DELETE ON audit_events TO "{role}"'))
        with pytest.raises(DBAPIError, match="append-only"), desk.begin() as conn:
            conn.execute(text("DELETE FROM audit_events"))
    finally:
        _drop(owner, desk, role)


def _drop(owner, desk, role: str) -> None:  # type: ignore[no-untyped-def]
    """Close both engines and drop the desk role the test made, with what it owns."""
    desk.dispose()
    with owner.begin() as conn:
        conn.execute(text(f'DROP OWNED BY "{role}"'))
        conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
    owner.dispose()


def _a_desk_day(url, team: Team) -> None:  # type: ignore[no-untyped-def]
    from fairdesk.app_context import SYSTEM
    from fairdesk.services.casework.steps import act_on_complaint
    from fairdesk.services.checks.audit_verify import verify_chain
    from fairdesk.services.context import Context
    from fairdesk.services.intake.intake import register_complaint
    from fairdesk.services.paper import documents
    from fairdesk.services.trust import keys, users
    from tests.helpers import FAIR, complaint_input, make_fair

    db = Database(url.render_as_string(hide_password=False))
    try:
        system = Context(db, SYSTEM, team.admin.now)
        admin = users.sign_in(system, "admin", "admin-pass-1")
        make_fair(admin)
        users.add_user(admin, "desk9", "desk", "desk9-pass-1")
        desk = users.sign_in(system, "desk9", "desk9-pass-1")
        reg = register_complaint(desk, FAIR, complaint_input())
        act_on_complaint(desk, reg.number, "accept")
        info = documents.issue_document(desk, "complaint-form", reg.number)
        assert documents.verify(desk, info.payload).status == "genuine"
        keys.revoke_user_key(admin, "desk9", "left the team")
        users.set_password(admin, "desk1", "a-new-password")
        assert verify_chain(admin).ok
    finally:
        db.dispose()


@pytest.mark.skipif(not PG_URL, reason="needs a PostgreSQL server")
def test_db_upgrade_reapplies_the_desk_roles_grants_and_the_audit_guard(team: Team, capsys) -> None:  # type: ignore[no-untyped-def]
    db = team.admin.db
    role = default_role(db)
    owner = create_engine(db.url)
    desk = create_engine(make_url(db.url).set(username=role, password=None))
    try:
        assert main(["--db", db.url, "db", "upgrade"]) == 0  # no desk role yet: nothing to say
        assert "desk role" not in capsys.readouterr().out
        assert main(["--db", db.url, "db", "roles"]) == 0
        with owner.begin() as conn:  # what a later migration does: a new table, and the
            conn.execute(text("CREATE TABLE added_later (id integer PRIMARY KEY)"))
            conn.execute(text("DROP TRIGGER audit_append_only ON audit_events"))  # guard lost
        with pytest.raises(DBAPIError, match="permission denied"), desk.begin() as conn:
            conn.execute(text("SELECT * FROM added_later"))
        capsys.readouterr()
        assert main(["--db", db.url, "db", "upgrade"]) == 0
        assert f"updated the desk role {role}" in capsys.readouterr().out
        with desk.begin() as conn:
            conn.execute(text("INSERT INTO added_later VALUES (1)"))
            assert conn.scalar(text("SELECT count(*) FROM added_later")) == 1
        with owner.begin() as conn:
            conn.execute(text(f'GRANT DELETE ON audit_events TO "{role}"'))
        with pytest.raises(DBAPIError, match="append-only"), desk.begin() as conn:
            conn.execute(text("DELETE FROM audit_events"))
    finally:
        _drop(owner, desk, role)
