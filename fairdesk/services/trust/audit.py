"""The audit trail: every change, who made it, when, why, before and after.

Rows are chained: each row's hash covers its content and the previous row's hash, so a
row changed or deleted behind the app's back breaks the chain at that point.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import UTC, date, datetime, time
from decimal import Decimal
from enum import Enum
from types import SimpleNamespace
from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from fairdesk.db.engine import take_write_lock
from fairdesk.db.models import AuditEvent
from fairdesk.services.context import Context

GENESIS = "0" * 64


# Exact types that are JSON as they are (an Enum or a bool subclass goes the long way).
_AS_IS = frozenset({int, float, bool, type(None)})


def jsonable(value: Any) -> Any:
    """Plain JSON values, so the stored row hashes the same after a round trip."""
    kind = type(value)
    if kind is str:  # most values: checked first, an import records 30,000 states
        return value.replace("\x00", "") if "\x00" in value else value
    if kind in _AS_IS:
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, str):
        return value.replace("\x00", "")  # as the database stores text (db/engine.py)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    return value


def digest(prev_hash: str, row: AuditEvent) -> str:
    # Stored as naive UTC (db/types.py): hash the same value whatever zone `at` came in.
    at = row.at.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds")
    body = json.dumps(
        [
            at,
            row.user_id,
            row.username,
            row.action,
            row.entity_type,
            row.entity_id,
            row.fair_id,
            row.complaint_id,
            row.case_id,
            row.reason,
            row.before,
            row.after,
        ],
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


def _event_values(
    ctx: Context,
    prev: str,
    moment: datetime,
    action: str,
    entity_type: str,
    entity_id: int | None,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    reason: str = "",
    fair_id: int | None = None,
    complaint_id: int | None = None,
    case_id: int | None = None,
) -> dict[str, Any]:
    """One event by the acting user, chained after `prev`, as the row's column values
    (its hash set)."""
    values: dict[str, Any] = {
        "at": moment,
        "user_id": ctx.actor.user_id,
        "username": ctx.actor.username,
        "action": action,
        "entity_type": entity_type,
        "entity_id": entity_id,
        "fair_id": fair_id,
        "complaint_id": complaint_id,
        "case_id": case_id,
        "reason": reason,
        "before": jsonable(before) if before is not None else None,
        "after": jsonable(after) if after is not None else None,
        "prev_hash": prev,
        "hash": "",
    }
    values["hash"] = digest(prev, SimpleNamespace(**values))  # type: ignore[arg-type]
    return values


def _chained(ctx: Context, prev: str, moment: datetime, *args: Any, **kw: Any) -> AuditEvent:
    """One event by the acting user, chained after `prev` (its hash set)."""
    return AuditEvent(**_event_values(ctx, prev, moment, *args, **kw))


def record(
    session: Session,
    ctx: Context,
    action: str,
    entity_type: str,
    entity_id: int | None,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    reason: str = "",
    fair_id: int | None = None,
    complaint_id: int | None = None,
    case_id: int | None = None,
    at: datetime | None = None,
) -> AuditEvent:
    """Append one event in the caller's transaction."""
    if session.get_bind().dialect.name == "postgresql":
        take_write_lock(session)  # already held in Database.writing(); re-entrant
    prev = session.scalar(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1))
    row = _chained(
        ctx,
        prev or GENESIS,
        at or ctx.now(),
        action,
        entity_type,
        entity_id,
        before=before,
        after=after,
        reason=reason,
        fair_id=fair_id,
        complaint_id=complaint_id,
        case_id=case_id,
    )
    session.add(row)
    session.flush()
    return row


def record_many(
    session: Session,
    ctx: Context,
    events: Sequence[tuple[str, str, int | None, dict[str, Any]]],
    *,
    fair_id: int | None = None,
) -> None:
    """Append many events (action, entity type, entity id, after) in one go: an import of
    thousands of exhibitors would spend seconds asking for the head before each one."""
    if not events:
        return
    if session.get_bind().dialect.name == "postgresql":
        take_write_lock(session)
    prev = session.scalar(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1))
    prev = prev or GENESIS
    moment = ctx.now()
    rows = []
    for action, entity_type, entity_id, after in events:
        row = _event_values(
            ctx, prev, moment, action, entity_type, entity_id, after=after, fair_id=fair_id
        )
        prev = row["hash"]
        rows.append(row)
    # One bulk INSERT, in this order, so ids follow the chain. Through the unit of work
    # each event was an object built, tracked and flushed: a fifth of a 3,000-exhibitor
    # import's time (docs/benchmarks.md, B5).
    session.flush()  # what the caller changed goes in first, as before
    session.execute(insert(cast(Table, AuditEvent.__table__)), rows)

