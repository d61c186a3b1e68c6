"""Schema migrations (Alembic), applied on start and by `fairdesk db upgrade`.

An SQLite file is copied aside before it is migrated, through SQLite's online backup
API, so a failed migration never costs the fair's records.

A normal start only asks whether the schema is current: one look at `alembic_version`,
compared with `HEAD`. Alembic itself (a quarter of a second to import) is loaded only to
migrate, or to read the migration scripts.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text

from fairdesk.db import search_index
from fairdesk.db.engine import Database
from fairdesk.db.files import owner_only
from fairdesk.db.search_index import SearchIndex

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
# The newest revision in migrations/versions. A new migration must update it:
# tests/unit/test_start_imports.py fails while it differs from alembic's head.
HEAD = "0022"  # 0007 -> ... -> 0019 -> 0020 -> 0021 -> 0022
VERSION_TABLE = "alembic_version"


def _config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    """The head as alembic reads it from the migration scripts (HEAD is kept equal)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    """The revision the database's schema is at; None when it has none (a new database)."""
    with db.guard(), db.engine.connect() as conn:
        return _stored_revision(conn)


def _stored_revision(conn: Connection) -> str | None:
    # What alembic's MigrationContext.get_current_revision() reads, without importing it.
    if not inspect(conn).has_table(VERSION_TABLE):
        return None
    revisions = list(conn.scalars(text("SELECT version_num FROM alembic_version")))
    if len(revisions) > 1:  # branches: let alembic say what is wrong
        from alembic.runtime.migration import MigrationContext

        return MigrationContext.configure(conn).get_current_revision()
    return revisions[0] if revisions else None


def _sqlite_path(db: Database) -> Path | None:
    name = db.engine.url.database
    if not db.is_sqlite or not name or name == ":memory:":
        return None
    return Path(name)


def backup_sqlite(db: Database, label: str) -> Path | None:
    """Copy the SQLite file next to itself; return the copy's path (None if nothing to copy)."""
    path = _sqlite_path(db)
    if path is None or not path.exists() or path.stat().st_size == 0:
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.stem}.{label}.{stamp}.bak")
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    owner_only(target)
    return target


def upgrade(db: Database, revision: str = "head") -> str | None:
    """Bring the schema to `revision`; return the path of the pre-migration backup, if any."""
    current = current_revision(db)
    if current == HEAD and revision in ("head", HEAD):
        return None  # the usual start: nothing to do, alembic not even imported
    target = head_revision() if revision == "head" else revision
    if current == target:
        return None
    from alembic import command

    backup = None
    if current is not None or _has_tables(db):
        backup = backup_sqlite(db, f"before-{target}")
    cfg = _config()
    with db.guard(), db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    if not db.is_sqlite:
        from fairdesk.db.roles import reapply

        reapply(db)  # tables just added reach the desk role; the audit guard stays
    return str(backup) if backup else None


def search_index_status(db: Database) -> SearchIndex:
    """Whether the search's trigram index exists (it is optional: see db.search_index)."""
    with db.guard(), db.engine.connect() as conn:
        return search_index.inspect_index(conn)


def ensure_search_index(db: Database) -> SearchIndex:
    """Create the search index if it is missing and the server can now build it (say, an
    administrator installed pg_trgm after the schema was created)."""
    status = search_index_status(db)
    if status.present:
        return status
    with db.guard(), db.engine.begin() as conn:
        search_index.create(conn)
    return search_index_status(db)


def _has_tables(db: Database) -> bool:
    with db.guard(), db.engine.connect() as conn:
        return bool(inspect(conn).get_table_names())


def needs_upgrade(db: Database) -> bool:
    return current_revision(db) != HEAD
