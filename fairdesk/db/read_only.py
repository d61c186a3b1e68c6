"""A database opened only to read (checking a paper with nobody signed in).

The check must not change the database: not a row, not the schema. Its connections
refuse writes, and a schema other than this program's is refused with a clear word
rather than upgraded behind the administrator's back.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event

from fairdesk.db import migrate
from fairdesk.db.engine import Database
from fairdesk.domain.errors import InvalidInput


def install(db: Database) -> None:
    """Every connection of `db` refuses to write from now on."""
    db.engine.dispose()  # connections opened before would not refuse

    @event.listens_for(db.engine, "connect")
    def _read_only(dbapi_conn: Any, _record: Any) -> None:
        cursor = dbapi_conn.cursor()
        if db.is_sqlite:
            cursor.execute("PRAGMA query_only = ON")
        else:
            cursor.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
        cursor.close()
        if not db.is_sqlite:
            dbapi_conn.commit()  # a SET in a transaction rolled back would be undone


def require_current_schema(db: Database) -> None:
    current = migrate.current_revision(db)
    if current == migrate.HEAD:
        return
    if current is None:
        raise InvalidInput(
            "This database holds no FairDesk register (is it the right database?). "
            "Checking a paper changes nothing, so nothing was created."
        )
    older = current.isdigit() and int(current) < int(migrate.HEAD)
    if older:
        raise InvalidInput(
            "This database's layout is older (version {current}) than this FairDesk's "
            "(version {head}): an administrator upgrades it with 'fairdesk db upgrade'. "
            "Checking a paper changes nothing, so it was not upgraded.",
            current=current,
            head=migrate.HEAD,
        )
    raise InvalidInput(
        "This database's layout (version {current}) is newer than this FairDesk's "
        "(version {head}): check the paper with the FairDesk that uses this database.",
        current=current,
        head=migrate.HEAD,
    )
