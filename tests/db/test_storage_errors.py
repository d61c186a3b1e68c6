"""Environment failures become clear messages, and what was saved stays saved."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest
import sqlalchemy

from fairdesk.app_context import SYSTEM
from fairdesk.db import migrate
from fairdesk.db.engine import Database
from fairdesk.domain.enums import Role
from fairdesk.domain.errors import StorageError
from fairdesk.services.context import Context
from fairdesk.services.trust import users

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("FAIRDESK_TEST_DB")), reason="SQLite file conditions"
)


def _db(path: Path) -> Database:
    db = Database(f"sqlite:///{path}")
    migrate.upgrade(db)
    return db


def test_locked_database_says_another_fairdesk_is_writing(tmp_path: Path, monkeypatch) -> None:
    import fairdesk.db.engine as engine_module

    monkeypatch.setattr(engine_module, "SQLITE_BUSY_TIMEOUT_MS", 100)
    path = tmp_path / "f.sqlite3"
    db = _db(path)
    users.add_user(Context(db, SYSTEM), "admin", Role.ADMIN, "password-1")
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StorageError, match="another FairDesk is writing"):
            users.ensure_user(Context(db, SYSTEM), "second", Role.DESK)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert users.count_users(Context(db, SYSTEM)) == 1
    db.dispose()


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_database_says_so(tmp_path: Path) -> None:
    path = tmp_path / "f.sqlite3"
    db = _db(path)
    users.add_user(Context(db, SYSTEM), "admin", Role.ADMIN, "password-1")
    db.dispose()
    path.chmod(stat.S_IRUSR)
    db = Database(f"sqlite:///{path}")
    with pytest.raises(StorageError, match="read-only"):
        users.ensure_user(Context(db, SYSTEM), "second", Role.DESK)
    db.dispose()


def test_read_only_connection_says_so(tmp_path: Path) -> None:
    """Works as root too: SQLite's own read-only mode."""
    path = tmp_path / "f.sqlite3"
    db = _db(path)
    users.add_user(Context(db, SYSTEM), "admin", Role.ADMIN, "password-1")
    db.dispose()
    ro = Database(f"sqlite:///file:{path}?mode=ro&uri=true")
    with pytest.raises(StorageError, match="read-only.*intact"):
        users.ensure_user(Context(ro, SYSTEM), "second", Role.DESK)
    ro.dispose()


def test_not_a_database_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StorageError, match="not a FairDesk database"):
        _db(path)
    assert path.read_text().startswith("these are my notes")


def test_unknown_database_kind() -> None:
    with pytest.raises(StorageError, match="SQLite or PostgreSQL, not 'mysql'"):
        Database("mysql://x@y/z")


def test_unreachable_postgres_server() -> None:
    db = Database(
        "postgresql+psycopg://nobody@127.0.0.1:9/fairdesk", connect_args={"connect_timeout": 2}
    )
    with pytest.raises(StorageError, match="Cannot reach the database server at 127.0.0.1:9"):
        users.count_users(Context(db, SYSTEM))
    db.dispose()


@pytest.mark.parametrize(
    "driver_text", ["deadlock detected", "could not serialize access due to concurrent update"]
)
def test_a_write_race_on_the_server_reads_as_try_again(driver_text: str) -> None:
    from sqlalchemy.exc import OperationalError

    from fairdesk.db.errors import storage_error

    error = OperationalError("INSERT ...", {}, Exception(driver_text))
    known = storage_error(error, "postgresql+psycopg://desk@db.example:5432/fair")
    assert known is not None
    assert str(known).startswith("Another desk was saving at the same moment; nothing was saved")


def test_a_closed_database_refuses_late_work_instead_of_opening_a_connection(
    tmp_path: Path,
) -> None:
    """A window's timer that fires while the desk quits must not open a connection that
    nobody would close: the closed database says so instead."""
    db = Database(f"sqlite:///{tmp_path / 'closed.sqlite3'}")
    with db.reading() as session:
        session.execute(sqlalchemy.text("SELECT 1"))
    db.close()
    with pytest.raises(StorageError, match="closed"), db.reading():
        pass
    with pytest.raises(StorageError, match="closed"), db.writing():
        pass
    assert db.engine.pool.checkedout() == 0
