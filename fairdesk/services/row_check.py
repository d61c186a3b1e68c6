"""Rows checked against their history: a record edited behind the app's back.

Every change the app makes to an audited record writes an audit event whose `after`
holds the new values. Folding a record's events in order gives the state its history
says it has; a row whose current content differs was changed without the app (an SQL
editor, a doctored restore). Only fields the services always record are compared.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fairdesk.db.models import (
    AuditEvent,
    Base,
    Complaint,
    IPRight,
    RespondentCase,
    SigningKey,
    User,
)


@dataclass(frozen=True)
class Checked:
    """One kind of audited record: its table, the audit entity name, what it is called
    for a person, and {audit field: column} of what its events always record."""

    model: type[Base]
    entity: str
    label: str
    fields: dict[str, str]
    name_column: str


CHECKED = (
    Checked(
        RespondentCase,
        "case",
        "case",
        {"state": "state", "trigger": "decision_trigger", "legal_basis": "legal_basis"},
        "number",
    ),
    Checked(Complaint, "complaint", "complaint", {"state": "state"}, "number"),
    Checked(
        User,
        "user",
        "user",
        {"role": "role", "active": "active", "password": "password_hash"},
        "username",
    ),
    Checked(SigningKey, "signing_key", "signing key", {"public_key": "public_key"}, "key_id"),
    Checked(
        IPRight, "ip_right", "right", {"number": "number", "jurisdiction": "jurisdiction"}, "number"
    ),
)


@dataclass(frozen=True)
class RowProblem:
    event_id: int
    message: str


def _now(row: Any, column: str) -> Any:
    value = getattr(row, column)
    if column == "password_hash":  # the trail keeps a digest of it, never the hash
        from fairdesk.services.users import password_mark

        return password_mark(value)
    return value.value if hasattr(value, "value") else value


def _history(session: Session, entity: str) -> dict[int, tuple[int, dict[str, Any]]]:
    """{entity id: (last event id, folded `after`)} for one entity type."""
    state: dict[int, tuple[int, dict[str, Any]]] = {}
    events = session.execute(
        select(AuditEvent.id, AuditEvent.entity_id, AuditEvent.after)
        .where(AuditEvent.entity_type == entity, AuditEvent.entity_id.is_not(None))
        .order_by(AuditEvent.id)
    )
    for event_id, entity_id, after in events:
        _, folded = state.get(entity_id, (0, {}))
        state[entity_id] = (event_id, folded | (after or {}))
    return state


def check(session: Session) -> list[RowProblem]:
    problems: list[RowProblem] = []
    for checked in CHECKED:
        history = _history(session, checked.entity)
        if not history:
            continue
        for row in session.scalars(select(checked.model)):
            if row.id not in history:  # type: ignore[attr-defined]
                # Every record the app makes is born with an event: a row without any
                # was inserted behind its back (a planted user, key or case).
                name = getattr(row, checked.name_column)
                problems.append(
                    RowProblem(
                        0,
                        f"{checked.label} {name} has no history at all: it was added "
                        "behind the app's back",
                    )
                )
                continue
            event_id, folded = history[row.id]  # type: ignore[attr-defined]
            for field, column in checked.fields.items():
                if field not in folded:
                    continue
                now = _now(row, column)
                if now != folded[field]:
                    name = getattr(row, checked.name_column)
                    if column == "password_hash":
                        now, was = ("cleared" if not now else "replaced"), "set by the app"
                    else:
                        was = f"'{folded[field]}'"
                        now = f"'{now}'"
                    problems.append(
                        RowProblem(
                            event_id,
                            f"{checked.label} {name}: {column} is {now} in the database "
                            f"but its history (audit event {event_id}) says {was}: "
                            "edited behind the app's back",
                        )
                    )
    return problems
