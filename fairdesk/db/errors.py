"""Turn driver errors about the environment into messages a person can act on.

Anything not recognised here is a bug and propagates unchanged.
"""

from __future__ import annotations

from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError

from fairdesk.domain.errors import StorageError

_SQLITE_MESSAGES = (
    (
        "database is locked",
        "The database is busy: another FairDesk is writing to it. "
        "Try again in a moment; nothing was saved by this attempt.",
    ),
    (
        "unable to open database file",
        "The database file cannot be opened: the folder is missing or not accessible.",
    ),
    (
        "readonly database",
        "The database is read-only: FairDesk cannot save. Check the file's "
        "permissions or the disk; what was saved before is intact.",
    ),
    (
        "database or disk is full",
        "The disk is full: this change was not saved. Free some "
        "space and try again; what was saved before is intact.",
    ),
    (
        "disk i/o error",
        "The disk reported an error while writing: this change was not "
        "saved. Check the drive; what was saved before is intact.",
    ),
    ("file is not a database", "This file is not a FairDesk database (or it is damaged)."),
    ("database disk image is malformed", "The database file is damaged. Restore it from a backup."),
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
            return StorageError(f"{message} ({where})")
    if isinstance(exc, OperationalError) and make_url(url).get_backend_name() == "postgresql":
        if "deadlock detected" in text or "could not serialize access" in text:
            return StorageError(
                f"Another desk was saving at the same moment; nothing was saved by this "
                f"attempt. Try again ({where})."
            )
        if "password authentication failed" in text:
            return StorageError(f"The database server refused the user name or password ({where}).")
        if "does not exist" in text and "database" in text:
            return StorageError(f"The database does not exist on the server ({where}).")
        if (
            "could not receive data" in text
            or "server closed the connection" in text
            or "connection" in text
            or "timeout" in text
        ):
            return StorageError(
                f"Cannot reach the database server at {where}. Check the network and that "
                "the server is running; nothing was saved by this attempt."
            )
        if "no space left" in text or "disk full" in text:
            return StorageError(f"The database server's disk is full ({where}).")
        if "read-only transaction" in text:
            return StorageError(f"The database server is read-only ({where}).")
    return None
