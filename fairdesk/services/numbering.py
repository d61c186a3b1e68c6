"""Gap-free numbers for complaints, cases and documents.

The counter row is incremented inside the transaction that uses the number: a second
desk waits on the row lock (PostgreSQL) or the write lock (SQLite), and a rollback
gives the number back, so numbers are unique and without gaps.
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from fairdesk.db.models import Counter


def next_value(session: Session, fair_id: int, series: str) -> int:
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    session.execute(
        insert(Counter)
        .values(fair_id=fair_id, series=series, value=0)
        .on_conflict_do_nothing(index_elements=["fair_id", "series"])
    )
    session.execute(
        update(Counter)
        .where(Counter.fair_id == fair_id, Counter.series == series)
        .values(value=Counter.value + 1)
    )
    value = session.scalar(
        select(Counter.value).where(Counter.fair_id == fair_id, Counter.series == series)
    )
    assert value is not None
    return value


def complaint_number(fair_code: str, value: int) -> str:
    return f"{fair_code}-{value:04d}"


def case_number(complaint_no: str, seq: int) -> str:
    return f"{complaint_no}-{seq}"
