"""Text that does not fit its column is refused before it reaches the database.

PostgreSQL refuses a value longer than a VARCHAR(n) with an error the desk cannot read,
and SQLite stores it anyway: both databases get the same clear refusal instead, naming
the field, its limit and the length given, before anything is written.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, event, inspect
from sqlalchemy.orm import Session

from fairdesk.domain.errors import InvalidInput


def _limits(mapper: Any) -> list[tuple[str, int]]:
    found = []
    for attr in mapper.column_attrs:
        for column in attr.columns:
            kind = column.type
            if isinstance(kind, String) and kind.length:
                found.append((attr.key, int(kind.length)))
    return found


_CACHE: dict[type, list[tuple[str, int]]] = {}


def check_lengths(session: Session, _context: Any, _instances: Any) -> None:
    for obj in (*session.new, *session.dirty):
        cls = type(obj)
        if cls not in _CACHE:
            _CACHE[cls] = _limits(inspect(cls))
        for name, limit in _CACHE[cls]:
            value = getattr(obj, name, None)
            if isinstance(value, str) and len(value) > limit:
                raise InvalidInput(
                    "The {field} is {count} characters long; at most {limit} fit.",
                    field=name.replace("_", " "),
                    count=len(value),
                    limit=limit,
                )


def install(session_factory: Any) -> None:
    event.listen(session_factory, "before_flush", check_lengths)
