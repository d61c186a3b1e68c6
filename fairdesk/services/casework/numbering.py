"""Gap-free numbers for complaints, cases and documents.

The counter row is incremented inside the transaction that uses the number: a second
desk waits on the row lock (PostgreSQL) or the write lock (SQLite), and a rollback
gives the number back, so numbers are unique and without gaps.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from fairdesk.db.models import Counter


def next_value(session: Session, fair_id: int, series: str) -> int:
    # One statement: the row is created at 1 or incremented, under its row lock, and the
    # new value returned (three round trips before: insert-if-missing, update, select).
    # The dialect's own INSERT, imported for the database in use only (PostgreSQL's
    # dialect package is a tenth of a second of a command line's start).
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        stmt: Any = pg_insert(Counter)
    else:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        stmt = sqlite_insert(Counter)
    value = session.scalar(
        stmt.values(fair_id=fair_id, series=series, value=1)
        .on_conflict_do_update(
            index_elements=["fair_id", "series"], set_={"value": Counter.value + 1}
        )
        .returning(Counter.value)
    )
    assert value is not None
    return int(value)


def complaint_number(fair_code: str, value: int) -> str:
    return f"{fair_code}-{value:04d}"


def case_number(complaint_no: str, seq: int) -> str:
    return f"{complaint_no}-{seq}"
