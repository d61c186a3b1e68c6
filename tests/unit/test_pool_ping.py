"""A desk recovers by itself from a lost server connection, while a search typed in a burst
does not wait for a ping before every keystroke (PostgreSQL only: SQLite has no server)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from fairdesk.db import engine as engine_module
from fairdesk.db.engine import Database
from fairdesk.domain.errors import StorageError
from tests.conftest import PG_URL

pytestmark = pytest.mark.skipif(not PG_URL, reason="a server connection: PostgreSQL")


def _backend(db: Database) -> int:
    with db.reading() as session:
        return int(session.scalar(text("SELECT pg_backend_pid()")))


def _kill(db: Database, pid: int) -> None:
    """The server ends that connection, as a restart or a network cut would."""
    other = Database(db.url)
    try:
        with other.reading() as session:
            assert session.scalar(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
    finally:
        other.dispose()


def _count_pings(db: Database, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    pings: list[int] = []
    real = db.engine.dialect.do_ping

    def spy(dbapi):  # type: ignore[no-untyped-def]
        pings.append(1)
        return real(dbapi)

    monkeypatch.setattr(db.engine.dialect, "do_ping", spy)
    return pings


def test_an_idle_connection_lost_by_the_server_is_replaced_unseen(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _backend(db)
    _kill(db, first)
    monkeypatch.setattr(engine_module, "PING_AFTER_IDLE_S", 0.0)  # as after 3 s of quiet
    pings = _count_pings(db, monkeypatch)
    second = _backend(db)  # no error: the ping found the connection dead
    assert second != first
    assert pings  # the ping is what found it dead (at threshold 0 the new one is pinged too)


def test_a_connection_used_just_now_is_not_pinged(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine_module, "PING_AFTER_IDLE_S", 60.0)
    _backend(db)
    pings = _count_pings(db, monkeypatch)
    for _ in range(3):
        _backend(db)
    assert pings == []


def test_a_connection_lost_right_after_use_fails_once_then_recovers(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine_module, "PING_AFTER_IDLE_S", 60.0)
    first = _backend(db)
    _kill(db, first)
    with pytest.raises(StorageError):
        _backend(db)  # the one unit of work that met the dead connection
    assert _backend(db) != first  # the next one has a new connection, no restart needed
