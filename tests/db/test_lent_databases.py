"""The PostgreSQL harness lends a test's database to the next test only when it is as the
template left it: emptied, with the template's schema (else the next test would inherit
rows, a dropped trigger or a grant)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from fairdesk.app_context import SYSTEM
from fairdesk.db.engine import Database
from fairdesk.domain.enums import Role
from fairdesk.services.context import Context
from fairdesk.services.trust import users
from tests.conftest import PgServer


@pytest.fixture
def server(pg_server: PgServer | None) -> PgServer:
    if pg_server is None:
        pytest.skip("databases are lent on a PostgreSQL server")
    return pg_server


def _run(server: PgServer, name: str, statement: str) -> None:
    with server._engine_of(name).connect() as conn:
        conn.execute(text(statement))


def _count(server: PgServer, name: str, table: str) -> int:
    with server._engine_of(name).connect() as conn:
        return int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def test_a_database_with_rows_is_lent_again_empty(server: PgServer) -> None:
    name = server.lend()
    db = Database(server.url.set(database=name).render_as_string(hide_password=False))
    users.ensure_user(Context(db, SYSTEM), "desk1", Role.DESK)
    db.close()
    assert _count(server, name, "users") == 1 and _count(server, name, "audit_events") > 0
    server.take_back(name)
    assert name in server.spare
    assert _count(server, name, "users") == 0 and _count(server, name, "audit_events") == 0
    assert _count(server, name, "alembic_version") == 1


@pytest.mark.parametrize(
    "change",
    [
        "CREATE TABLE stray (id int)",
        "ALTER TABLE audit_events DISABLE TRIGGER ALL",
        "CREATE INDEX stray_idx ON fairs (name)",
    ],
)
def test_a_database_whose_schema_a_test_changed_is_dropped(server: PgServer, change: str) -> None:
    name = server.lend()
    _run(server, name, change)
    server.take_back(name)
    assert name not in server.spare
    with server.admin.connect() as conn:
        left = conn.execute(
            text("SELECT count(*) FROM pg_database WHERE datname = :n"), {"n": name}
        )
        assert left.scalar_one() == 0
