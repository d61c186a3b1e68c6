"""Shared fixtures: a fresh database per test on SQLite or PostgreSQL, a fake clock,
and signed-in contexts for every role.

The backend is chosen by FAIRDESK_TEST_DB: unset means SQLite in a temp folder; a
postgresql+psycopg:// URL means that server (each test gets a database of its own,
cloned from a migrated template, or one an earlier test left with the template's schema,
emptied).
"""

from __future__ import annotations

import os
import shutil
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import QLocale
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.pool import NullPool

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from fairdesk import config  # noqa: E402
from fairdesk.app_context import SYSTEM  # noqa: E402
from fairdesk.db import migrate  # noqa: E402
from fairdesk.db.engine import Database  # noqa: E402
from fairdesk.domain.enums import Role  # noqa: E402
from fairdesk.services.context import Context  # noqa: E402
from fairdesk.services.trust import keywrap, users  # noqa: E402

PG_URL = os.environ.get("FAIRDESK_TEST_DB", "")
# Organizer-style exhibitor exports: the same 300 exhibitors as UTF-8 CSV, GB18030 CSV, XLSX.
SAMPLES = Path(__file__).resolve().parent / "data"


def pytest_report_header() -> str:
    return f"fairdesk database backend: {'postgresql' if PG_URL else 'sqlite'}"


def touches_the_database(fixturenames: list[str]) -> bool:
    """Every test database comes through `pg_server` (the `db`, `team` and `empty_db_url`
    fixtures ask for it); a test without it runs the same code on either backend."""
    return "pg_server" in fixturenames


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # The suite runs once per backend. On PostgreSQL, a test that opens no database would
    # only repeat its SQLite run (a third of the tests, and the slowest: the README's
    # commands, the demo, the import graph), so it is left to that run.
    # FAIRDESK_TEST_EVERYTHING=1 keeps them all.
    if not PG_URL or os.environ.get("FAIRDESK_TEST_EVERYTHING") == "1":
        return
    kept, left = [], []
    for item in items:
        (kept if touches_the_database(getattr(item, "fixturenames", [])) else left).append(item)
    if left:
        config.hook.pytest_deselected(items=left)
        items[:] = kept


def _isolate(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAIRDESK_DATA_DIR", str(folder / "data"))
    # A home of its own: a process a test starts without our variables (a README command,
    # a frozen build) falls back to ~/.local/share/FairDesk, and would pin its keys there.
    monkeypatch.setenv("HOME", str(folder / "home"))
    # The platform's own folders too: a test (or a process it starts) that drops the
    # variable above, or Qt writing its settings, lands in the test's folder, not $HOME.
    monkeypatch.setenv("XDG_DATA_HOME", str(folder / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder / "xdg-config"))
    monkeypatch.setenv("FAIRDESK_SETTINGS", str(folder / "settings.ini"))


@pytest.fixture(scope="session", autouse=True)
def _isolated_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The same for module- and session-wide fixtures (a shared demo), which are set up
    before any test's own folder exists: they would pin keys in the real user's folder."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        _isolate(tmp_path_factory.mktemp("session-home"), monkeypatch)
        yield


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing a test does may touch the real user's data folder or database."""
    _isolate(tmp_path, monkeypatch)
    monkeypatch.setattr(config, "_chosen", None)  # a folder an app or CLI run chose
    monkeypatch.delenv("FAIRDESK_DB", raising=False)
    monkeypatch.delenv("FAIRDESK_USER", raising=False)
    monkeypatch.delenv("FAIRDESK_PASSWORD", raising=False)
    # Production-strength argon2 costs ~0.1 s a hash; tests hash many passwords.
    monkeypatch.setattr(
        users, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )
    monkeypatch.setattr(keywrap, "COST", keywrap.KdfCost(1, 1024, 1))  # the same for keys
    # Screens write dates and numbers as the desk's locale does; tests read them as an
    # English desk in Britain would (dd/MM/yyyy, 24-hour), whatever the machine's locale is.
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


class PgServer:
    """Creates and drops throwaway databases on the test server."""

    def __init__(self, url: str) -> None:
        self.url = make_url(url)
        self.admin = create_engine(self.url.set(database="postgres"), isolation_level="AUTOCOMMIT")
        self.template = f"fdt_template_{os.getpid()}"

    def create(self, name: str, template: str | None = None) -> str:
        with self.admin.connect() as conn:
            conn.execute(
                text(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
            )
        return self.url.set(database=name).render_as_string(hide_password=False)

    def drop(self, name: str) -> None:
        with self.admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    # Cloning the template takes a server a third of a second or more (hundreds of files);
    # emptying the tables of a database whose schema no test changed takes a few
    # milliseconds. So a test's database is emptied and lent to the next test, unless its
    # schema, grants or triggers differ from the template's (then it is dropped).
    def lend(self) -> str:
        if self.spare:
            return self.spare.pop()
        name = f"fdt_{uuid.uuid4().hex[:12]}"
        self.create(name, template=self.template)
        return name

    def take_back(self, name: str) -> None:
        try:
            with self._engine_of(name).connect() as conn:
                if conn.execute(text(SCHEMA_PRINT)).scalar_one() != self.template_print:
                    raise LookupError("the test changed the schema")
                conn.execute(text("SET lock_timeout = '2s'"))
                conn.execute(text(self.emptying))
        except Exception:  # changed, or a connection still holds a lock: start afresh
            self.drop(name)
        else:
            self.spare.append(name)

    def _engine_of(self, name: str) -> Engine:
        url = self.url.set(database=name)
        return create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)

    def prepare_lending(self) -> None:
        self.spare: list[str] = []
        with self._engine_of(self.template).connect() as conn:
            self.template_print = conn.execute(text(SCHEMA_PRINT)).scalar_one()
            tables = conn.execute(text(KEPT_AND_EMPTIED)).scalars().all()
            sequences = conn.execute(text(SEQUENCES)).scalars().all()
        listed = ", ".join(f'"{t}"' for t in tables)
        restarts = "".join(f'ALTER SEQUENCE "{q}" RESTART; ' for q in sequences)
        # Triggers off (the audit trail refuses TRUNCATE to the app; this is the harness).
        self.emptying = (
            "SET session_replication_role = replica; "
            f"TRUNCATE {listed} RESTART IDENTITY CASCADE; {restarts}"
            "SET session_replication_role = DEFAULT"
        )


# What a test may not change if its database is to be lent again: tables, columns,
# indexes, constraints, triggers, functions, grants, rules, extensions, schemas.
SCHEMA_PRINT = """
SELECT md5(concat_ws('|',
  (SELECT string_agg(c.relname || ':' || c.relkind::text || ':' || coalesce(c.relacl::text, ''),
                     ',' ORDER BY c.relname)
   FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')),
  (SELECT string_agg(a.attrelid::regclass::text || '.' || a.attname || ':' || a.atttypid::text
                     || ':' || a.attnotnull || ':' || a.attisdropped,
                     ',' ORDER BY a.attrelid::regclass::text, a.attnum)
   FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
   JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = 'public' AND a.attnum > 0),
  (SELECT string_agg(t.tgrelid::regclass::text || '.' || t.tgname || ':' || t.tgenabled::text,
                     ',' ORDER BY t.tgrelid::regclass::text, t.tgname)
   FROM pg_trigger t),
  (SELECT string_agg(p.proname || ':' || md5(p.prosrc) || ':' || coalesce(p.proacl::text, ''),
                     ',' ORDER BY p.proname, md5(p.prosrc))
   FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
   WHERE n.nspname = 'public'),
  (SELECT string_agg(conrelid::regclass::text || '.' || conname || ':'
                     || md5(pg_get_constraintdef(oid)),
                     ',' ORDER BY conrelid::regclass::text, conname)
   FROM pg_constraint WHERE connamespace = 'public'::regnamespace),
  (SELECT string_agg(rulename, ',' ORDER BY rulename) FROM pg_rules WHERE schemaname = 'public'),
  (SELECT string_agg(extname, ',' ORDER BY extname) FROM pg_extension),
  (SELECT string_agg(nspname || ':' || coalesce(nspacl::text, ''), ',' ORDER BY nspname)
   FROM pg_namespace),
  (SELECT string_agg(coalesce(defaclacl::text, ''), ',') FROM pg_default_acl),
  (SELECT string_agg(setconfig::text, ',') FROM pg_db_role_setting
   WHERE setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database())),
  (SELECT string_agg(version_num, ',') FROM alembic_version)
))
"""
SEQUENCES = "SELECT sequencename FROM pg_sequences WHERE schemaname = 'public'"
# Every table but the migration's own record of the schema's version.
KEPT_AND_EMPTIED = """
SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'alembic_version'
ORDER BY tablename
"""


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer | None]:
    if not PG_URL:
        yield None
        return
    server = PgServer(PG_URL)
    server.drop(server.template)
    db = Database(server.create(server.template))
    migrate.upgrade(db)
    db.dispose()
    server.prepare_lending()
    yield server
    for name in [*server.spare, server.template]:
        server.drop(name)
    server.admin.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    db = Database(f"sqlite:///{path}")
    migrate.upgrade(db)
    db.dispose()
    return path


@pytest.fixture
def empty_db_url(tmp_path: Path, pg_server: PgServer | None) -> Iterator[str]:
    """A URL of a database with no tables at all (for migration tests)."""
    if pg_server is None:
        yield f"sqlite:///{tmp_path / 'empty.sqlite3'}"
        return
    name = f"fdt_{uuid.uuid4().hex[:12]}"
    url = pg_server.create(name)
    yield url
    pg_server.drop(name)


@pytest.fixture
def db(tmp_path: Path, pg_server: PgServer | None, sqlite_template: Path) -> Iterator[Database]:
    """A migrated, empty database of its own for this test."""
    if pg_server is None:
        path = tmp_path / "fairdesk.sqlite3"
        shutil.copy(sqlite_template, path)
        database = Database(f"sqlite:///{path}")
        yield database
        close_database(database)
        return
    name = pg_server.lend()
    database = Database(str(pg_server.url.set(database=name).render_as_string(False)))
    yield database
    close_database(database)
    pg_server.take_back(name)


def close_database(database: Database) -> None:
    """Dispose of the test's database once no background task of a window still holds one
    of its connections (one returned after dispose() would be left open, and reported as a
    ResourceWarning in whichever later test the garbage collector happens to run)."""
    tasks = sys.modules.get("fairdesk.ui.common.tasks")
    if tasks is not None:
        tasks.wait_for_tasks(60_000)  # a loaded machine (two suites at once) is slow
    database.close()


@dataclass
class FakeClock:
    """The time as the services see it; tests move it forward explicitly."""

    current: datetime = field(default_factory=lambda: datetime(2026, 11, 5, 1, 30, tzinfo=UTC))

    def __call__(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> datetime:
        self.current += timedelta(**delta)
        return self.current

    def set(self, moment: datetime) -> None:
        self.current = moment


@pytest.fixture
def clock() -> FakeClock:
    # 2026-11-05 09:30 in Shanghai: the first morning of the test fair.
    return FakeClock()


@dataclass
class Team:
    """A signed-in context for every role, sharing one database and clock."""

    admin: Context
    desk: Context
    desk2: Context
    inspector: Context
    organizer: Context
    officer: Context

    def by_role(self, role: Role) -> Context:
        return {
            Role.ADMIN: self.admin,
            Role.DESK: self.desk,
            Role.INSPECTOR: self.inspector,
            Role.ORGANIZER: self.organizer,
            Role.OFFICER: self.officer,
        }[role]


@pytest.fixture
def team(db: Database, clock: FakeClock) -> Team:
    system = Context(db, SYSTEM, clock)
    users.add_user(system, "admin", Role.ADMIN, "admin-pass-1")
    admin_ctx = users.sign_in(system, "admin", "admin-pass-1")  # holds the root key

    def member(name: str, role: Role) -> Context:
        users.add_user(admin_ctx, name, role, f"{name}-pass-1")
        return users.sign_in(system, name, f"{name}-pass-1")  # unlocks their own key

    return Team(
        admin_ctx,
        member("desk1", Role.DESK),
        member("desk2", Role.DESK),
        member("inspector1", Role.INSPECTOR),
        member("organizer1", Role.ORGANIZER),
        member("officer1", Role.OFFICER),
    )
