"""Turn driver errors about the environment into messages a person can act on.

Anything not recognised here is a bug and propagates unchanged.
"""

from __future__ import annotations

from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError

from fairdesk.domain.errors import StorageError, translatable

_SQLITE_MESSAGES = (
    (
        "database is locked",
        translatable(
            "The database is busy: another FairDesk is writing to it. "
            "Try again in a moment; nothing was saved by this attempt. ({where})"
        ),
    ),
    (
        "unable to open database file",
        translatable(
            "The database file cannot be opened: the folder is missing or not accessible. ({where})"
        ),
    ),
    (
        "readonly database",
        translatable(
            "The database is read-only: FairDesk cannot save. Check the file's "
            "permissions or the disk; what was saved before is intact. ({where})"
        ),
    ),
    (
        "database or disk is full",
        translatable(
            "The disk is full: this change was not saved. Free some "
            "space and try again; what was saved before is intact. ({where})"
        ),
    ),
    (
        "disk i/o error",
        translatable(
            "The disk reported an error while writing: this change was not "
            "saved. Check the drive; what was saved before is intact. ({where})"
        ),
    ),
    (
        "file is not a database",
        translatable("This file is not a FairDesk database (or it is damaged). ({where})"),
    ),
    (
        "database disk image is malformed",
        translatable("The database file is damaged. Restore it from a backup. ({where})"),
    ),
)


def _where(url: str) -> str:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or "memory"
    return f"{parsed.host or 'localhost'}:{parsed.port or 5432}/{parsed.database}"


def storage_error(exc: DBAPIError, url: str) -> StorageError | None:
    text = str(exc.orig).lower()
    where = _where(url)
    for needle, message in _SQLITE_MESSAGES:
        if needle in text:
            return StorageError(message, where=where)
    if isinstance(exc, OperationalError) and make_url(url).get_backend_name() == "postgresql":
        if "deadlock detected" in text or "could not serialize access" in text:
            return StorageError(
                "Another desk was saving at the same moment; nothing was saved by this "
                "attempt. Try again ({where}).",
                where=where,
            )
        if "password authentication failed" in text:
            return StorageError(
                "The database server refused the user name or password ({where}).", where=where
            )
        if "does not exist" in text and "database" in text:
            return StorageError("The database does not exist on the server ({where}).", where=where)
        if (
            "could not receive data" in text
            or "server closed the connection" in text
            or "connection" in text
            or "timeout" in text
        ):
            return StorageError(
                "Cannot reach the database server at {where}. Check the network and that "
                "the server is running; nothing was saved by this attempt.",
                where=where,
            )
        if "no space left" in text or "disk full" in text:
            return StorageError("The database server's disk is full ({where}).", where=where)
        if "read-only transaction" in text:
            return StorageError("The database server is read-only ({where}).", where=where)
    return None
