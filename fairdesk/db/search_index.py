"""The trigram index behind the desk's search-as-you-type, on either backend.

The desk searches any piece of a case's `search_text` (`LIKE '%piece%'`), which no B-tree
index serves. PostgreSQL answers it from a `pg_trgm` GIN index; SQLite from an FTS5 table
with the `trigram` tokenizer (SQLite 3.34+) kept in step with `respondent_cases` by
triggers (external content: the text is stored once, in the case row). Either index is
optional: a server without the `pg_trgm` extension, or an SQLite built without FTS5,
still searches, by reading every case of the fair, and `fairdesk db status` says so.

A piece shorter than three characters has no trigram: it is always found by a scan.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

log = logging.getLogger(__name__)

FTS_TABLE = "respondent_cases_fts"  # SQLite; its shadow tables start with this name
PG_INDEX = "ix_respondent_cases_search_trgm"
MIN_PIECE = 3  # a trigram index finds pieces of at least this many characters

_SQLITE_CREATE = (
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(search_text, "
    "content='respondent_cases', content_rowid='id', tokenize='trigram')",
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",
    f"CREATE TRIGGER {FTS_TABLE}_insert AFTER INSERT ON respondent_cases BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, search_text) VALUES (new.id, new.search_text); END",
    f"CREATE TRIGGER {FTS_TABLE}_delete AFTER DELETE ON respondent_cases BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    f"CREATE TRIGGER {FTS_TABLE}_update AFTER UPDATE OF search_text ON respondent_cases "
    f"BEGIN INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    f"INSERT INTO {FTS_TABLE}(rowid, search_text) VALUES (new.id, new.search_text); END",
)
_SQLITE_DROP = (
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_insert",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_delete",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_update",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
)
SQLITE_TRIGGERS = frozenset(f"{FTS_TABLE}_{what}" for what in ("insert", "delete", "update"))


def is_index_table(name: str) -> bool:
    """True for the FTS5 table and its shadow tables (not modelled in db.models)."""
    return name == FTS_TABLE or name.startswith(FTS_TABLE + "_")


def create(conn: Connection) -> bool:
    """Create and fill the index if this server can; False (and a warning) if it cannot.

    Runs inside a migration: a failure rolls back only its own savepoint."""
    if conn.dialect.name == "sqlite":
        return _try(conn, _SQLITE_CREATE, "SQLite without the FTS5 trigram tokenizer")
    if not conn.scalar(text("SELECT count(*) FROM pg_available_extensions WHERE name = 'pg_trgm'")):
        log.warning("search index not created: the server has no pg_trgm extension")
        return False
    return _try(
        conn,
        (
            "CREATE EXTENSION IF NOT EXISTS pg_trgm",
            f"CREATE INDEX IF NOT EXISTS {PG_INDEX} ON respondent_cases "
            "USING gin (search_text gin_trgm_ops)",
            "CREATE INDEX IF NOT EXISTS ix_exhibitors_names_trgm ON exhibitors "
            "USING gin ((name_zh || ' ' || name_en) gin_trgm_ops)",
        ),
        "pg_trgm could not be created (it needs a superuser or the database owner)",
    )


def drop(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        for statement in _SQLITE_DROP:
            conn.execute(text(statement))
    # PostgreSQL's trigram indexes belong to revision 0002 and stay.


def _try(conn: Connection, statements: tuple[str, ...], why: str) -> bool:
    try:
        with conn.begin_nested():
            for statement in statements:
                conn.execute(text(statement))
    except DBAPIError as exc:
        log.warning("search index not created (%s): %s", why, exc.orig)
        return False
    return True


@dataclass(frozen=True)
class SearchIndex:
    """What `fairdesk db status` reports, and what the search uses."""

    present: bool
    kind: str  # "fts5 trigram" or "pg_trgm"

    def describe(self) -> str:
        if self.present:
            return f"search index: {self.kind}"
        if self.kind == "pg_trgm":
            how = (
                "the server lacks the pg_trgm extension (an administrator can run "
                "CREATE EXTENSION pg_trgm, then fairdesk db upgrade)"
            )
        else:
            how = "this SQLite has no FTS5 trigram tokenizer (SQLite 3.34 or newer has it)"
        return f"search index: missing, searches read every case of the fair: {how}"


def inspect_index(conn: Connection) -> SearchIndex:
    if conn.dialect.name == "sqlite":
        found = conn.scalar(
            text("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = :n"),
            {"n": FTS_TABLE},
        )
        return SearchIndex(bool(found), "fts5 trigram")
    found = conn.scalar(
        text("SELECT count(*) FROM pg_indexes WHERE indexname = :n"), {"n": PG_INDEX}
    )
    return SearchIndex(bool(found), "pg_trgm")
