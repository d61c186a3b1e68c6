"""Engine and sessions for SQLite (embedded default) and PostgreSQL (several desks)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, InvalidatePoolError
from sqlalchemy.orm import Session, sessionmaker

from fairdesk.db import lengths
from fairdesk.db.errors import storage_error
from fairdesk.db.files import owner_only, sqlite_family
from fairdesk.domain.errors import StorageError

SQLITE_BUSY_TIMEOUT_MS = 15_000


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # The driver's own transaction handling would issue BEGIN lazily and too late for
    # us to choose IMMEDIATE; we issue BEGIN ourselves in `_sqlite_begin`.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA synchronous = FULL")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    # A writing unit of work takes the write lock up front (BEGIN IMMEDIATE): a deferred
    # transaction that upgrades from read to write later can fail with "database is
    # locked" regardless of the busy timeout. Readers stay deferred and never block.
    write = conn.get_execution_options().get("fairdesk_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _without_nul(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace("\x00", "") if "\x00" in value else value
    if isinstance(value, dict):
        if _flat_and_clean(value.values()):
            return value
        return {k: _without_nul(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        if _flat_and_clean(value):
            return value
        return type(value)(_without_nul(v) for v in value)
    return value


def _flat_and_clean(values: Any) -> bool:
    """True when no value is a container or text holding a NUL: the parameters go as they
    are. A bulk INSERT's 30,000 rows are then checked a row at a time, not a value at a
    time (a call per value was 7 % of an exhibitor import)."""
    for v in values:
        if isinstance(v, str):
            if "\x00" in v:
                return False
        elif isinstance(v, dict | list | tuple):
            return False
    return True


def _strip_nul(
    conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool
) -> tuple[str, Any]:
    # PostgreSQL refuses NUL in text and SQLite truncates at it; a NUL typed or pasted
    # into a field means nothing, so both backends store and search the text without it.
    return statement, _without_nul(parameters)


# Every writing unit of work on PostgreSQL takes this transaction-level advisory lock
# first. Each one appends to the audit chain anyway, which serialises writers; taking the
# lock up front, before any row lock (a number counter, a new right), gives every desk the
# same lock order, so two desks can never wait on each other. SQLite's BEGIN IMMEDIATE
# does the same there.
WRITE_LOCK = 0x46414952  # "FAIR"


def take_write_lock(session: Session) -> None:
    session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": WRITE_LOCK})


# A fair's documents are drawn one at a time on PostgreSQL: each is drawn under the next
# free number before the write lock is taken, so two desks drawing at once would both
# draw the same number and one would draw again. Taken in a reading transaction before
# the write lock and held until the document is registered; no writer waits for it
# while holding the write lock, so no cycle. (Two int keys: apart from WRITE_LOCK's.)
PRINT_LOCK = 0x4644  # "FD"


def take_print_lock(session: Session, fair_id: int) -> None:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT pg_advisory_xact_lock(:k, :f)"), {"k": PRINT_LOCK, "f": fair_id}
        )


def make_engine(url: str, **kwargs: Any) -> Engine:
    engine = _make_engine(url, **kwargs)
    event.listen(engine, "before_cursor_execute", _strip_nul, retval=True)
    return engine


def _make_engine(url: str, **kwargs: Any) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StorageError(
            "'{url}' is not a database URL; use e.g. sqlite:///path/fairdesk.sqlite3 or "
            "postgresql+psycopg://user:password@host/dbname",
            url=url,
        ) from None
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            folder = Path(parsed.database).expanduser().resolve().parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StorageError(
                    "Cannot create the data folder {folder}: {reason}.",
                    folder=str(folder),
                    reason=exc.strerror,
                ) from exc
        engine = create_engine(url, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        if parsed.database and parsed.database != ":memory:":
            family = sqlite_family(Path(parsed.database).expanduser())
            event.listen(engine, "connect", lambda *_: owner_only(*family))
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if parsed.get_backend_name() == "postgresql":
        kwargs.setdefault("connect_args", {"connect_timeout": 10})
        engine = create_engine(url, **kwargs)
        _ping_when_idle(engine)
        return engine
    raise StorageError(
        "FairDesk works with SQLite or PostgreSQL, not '{kind}'.",
        kind=parsed.get_backend_name(),
    )


# A pooled server connection idle longer than this is pinged before use, so a desk finds
# a restarted server by itself (the main window polls every 3 s: every poll pings). One
# used within the last second (keystrokes of a search) is not: a ping is a round trip,
# which on a loaded machine costs as much as the search. A server lost within that second
# fails that one unit of work with the usual StorageError, and the pool is renewed.
PING_AFTER_IDLE_S = 1.0
_LAST_USED = "fairdesk_last_used"


def _ping_when_idle(engine: Engine) -> None:
    dialect = engine.dialect

    def fresh(_dbapi: Any, record: Any) -> None:
        record.info[_LAST_USED] = time.monotonic()  # just connected: alive

    def checkin(_dbapi: Any, record: Any) -> None:
        if record is not None:
            record.info[_LAST_USED] = time.monotonic()

    def checkout(dbapi: Any, record: Any, _proxy: Any) -> None:
        last = record.info.get(_LAST_USED)
        if last is not None and time.monotonic() - last < PING_AFTER_IDLE_S:
            return
        try:
            dialect.do_ping(dbapi)
        except dialect.loaded_dbapi.Error as exc:
            if dialect.is_disconnect(exc, dbapi, None):
                # As pool_pre_ping does: every pooled connection of before is renewed.
                raise InvalidatePoolError() from exc
            raise

    event.listen(engine, "connect", fresh)
    event.listen(engine, "checkin", checkin)
    event.listen(engine, "checkout", checkout)


class Database:
    """One database: a reading session factory and a writing one.

    Services use `reading()` for queries and `writing()` for a unit of work; both close
    the session, and `writing()` commits or rolls back as one transaction.
    """

    def __init__(self, url: str, **engine_kwargs: Any) -> None:
        self.url = url
        self.engine = make_engine(url, **engine_kwargs)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(
            self.engine.execution_options(fairdesk_write=True), expire_on_commit=False
        )
        lengths.install(self._write)  # the same refusal on both databases
        self.closed = False

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self.guard(), self._read() as session:
            yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        with self.guard(), self._write() as session, session.begin():
            if not self.is_sqlite:
                take_write_lock(session)
            yield session

    @contextmanager
    def guard(self) -> Iterator[None]:
        if self.closed:
            raise StorageError("The database was closed when FairDesk quit or signed out.")
        try:
            yield
        except DBAPIError as exc:
            known = storage_error(exc, self.url)
            if known is None:
                raise
            raise known from exc

    def dispose(self) -> None:
        """Close the pooled connections; the next unit of work opens new ones."""
        self.engine.dispose()

    def close(self) -> None:
        """Close the connections for good: work that arrives late (a window's timer while it
        is torn down) is refused rather than opening one that nobody would close."""
        self.closed = True
        self.engine.dispose()
