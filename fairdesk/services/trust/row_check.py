"""Rows checked against their history: a record edited behind the app's back.

Every change the app makes to an audited record writes an audit event whose `after`
holds the new values. Folding a record's events in order gives the state its history
says it has; a row whose current content differs was changed without the app (an SQL
editor, a doctored restore). Only fields the services always record are compared.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from fairdesk.db.models import (
    AuditEvent,
    Base,
    Complaint,
    EvidenceFile,
    Exhibitor,
    IPRight,
    IssuedDocument,
    Measure,
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
    # Records whose events hold their whole state: {field: value} of the row now.
    state: Callable[[Any], dict[str, Any]] | None = None
    loads: tuple[Any, ...] = ()  # relationships the state reads, loaded in one go
    named: Callable[[Any], str] | None = None  # how a person finds the record
    # Every such record the app makes is born with an event, so a row with none was
    # planted. (Measures and exhibitors of before this check have none.)
    born_with_event: bool = True


def _measure_state(row: Any) -> dict[str, Any]:
    from fairdesk.services.trust.record_state import measure_state

    return measure_state(row)


def _document_state(row: Any) -> dict[str, Any]:
    # A revocation cleared (or one made) behind the app's back changes what verify says.
    return {"sha256": row.content_hash, "in_force": row.revoked_at is None}


def _exhibitor_state(row: Any) -> dict[str, Any]:
    from fairdesk.services.trust.record_state import exhibitor_state

    return exhibitor_state(row)


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
    Checked(IssuedDocument, "document", "document", {}, "number", _document_state),
    # Evidence files: each is born with its import event, which holds its hash.
    Checked(EvidenceFile, "evidence", "evidence file", {"sha256": "sha256"}, "original_name"),
    Checked(
        Measure,
        "measure",
        "measure",
        {},
        "id",
        _measure_state,
        (selectinload(Measure.case),),
        lambda m: f"{m.id} of case {m.case.number}",
        born_with_event=False,
    ),
    Checked(
        Exhibitor,
        "exhibitor",
        "exhibitor",
        {},
        "name_zh",
        _exhibitor_state,
        (selectinload(Exhibitor.booths),),
        lambda e: e.name_zh or e.name_en or str(e.id),
        born_with_event=False,
    ),
)


@dataclass(frozen=True)
class RowProblem:
    event_id: int
    message: str


def _now(row: Any, column: str) -> Any:
    value = getattr(row, column)
    if column == "password_hash":  # the trail keeps a digest of it, never the hash
        from fairdesk.services.trust.users import password_mark

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
        if not history and not checked.born_with_event:
            continue  # a kind whose events came later: rows of before have none
        for row in session.scalars(select(checked.model).options(*checked.loads)):
            event_id, folded = history.get(row.id, (0, {}))  # type: ignore[attr-defined]
            if not folded:
                if event_id == 0 and checked.born_with_event:
                    name = (
                        checked.named(row) if checked.named else getattr(row, checked.name_column)
                    )
                    problems.append(
                        RowProblem(
                            0,
                            f"{checked.label} {name} has no history at all: it was added "
                            "behind the app's back",
                        )
                    )
                continue
            now_state = checked.state(row) if checked.state else None
            fields = {name: name for name in now_state} if now_state is not None else checked.fields
            for field, column in fields.items():
                if field not in folded:
                    continue
                now = now_state[field] if now_state is not None else _now(row, column)
                if now != folded[field]:
                    problems.append(_problem(checked, row, column, now, folded[field], event_id))
    return problems


def _problem(
    checked: Checked, row: Any, column: str, now: Any, was: Any, event_id: int
) -> RowProblem:
    name = checked.named(row) if checked.named else getattr(row, checked.name_column)
    if column == "password_hash":
        shown, said = ("cleared" if not now else "replaced"), "set by the app"
    else:
        shown, said = f"'{now}'", f"'{was}'"
    return RowProblem(
        event_id,
        f"{checked.label} {name}: {column} is {shown} in the database but its history "
        f"(audit event {event_id}) says {said}: edited behind the app's back",
    )
