"""Rows checked against their history: a record edited behind the app's back.

Every change the app makes to an audited record writes an audit event whose `after`
holds the new values. Folding a record's events in order gives the state its history
says it has; a row whose current content differs was changed without the app (an SQL
editor, a doctored restore). Only fields the services always record are compared, and
only the events FairDesk writes count, each for the fields it sets and only when its
author's role may take it (`fairdesk.domain.trail`): one event appended by someone who
can write the database does not make a changed row "match its history".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from dataclasses import field as _field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, object_session, selectinload

from fairdesk.db.models import (
    AccusedExhibit,
    AuditEvent,
    Base,
    BoothVisit,
    Complaint,
    EvidenceFile,
    EvidenceLink,
    Exhibitor,
    IPRight,
    IssuedDocument,
    Measure,
    RespondentCase,
    SigningKey,
    User,
)
from fairdesk.domain import trail, vocabulary, workflow
from fairdesk.domain.enums import Role
from fairdesk.services.trust import paper_state


@dataclass(frozen=True)
class RowProblem:
    event_id: int
    message: str


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
    # What a signed paper prints of it, as its events record it under `trail.PAPER`.
    paper: Callable[[Any], dict[str, Any]] | None = None


def _measure_state(row: Any) -> dict[str, Any]:
    from fairdesk.services.trust.record_state import measure_state

    return measure_state(row)


def _document_state(row: Any) -> dict[str, Any]:
    # A revocation cleared (or one made) behind the app's back changes what verify says,
    # and so do its reason and the successor it points the holder to.
    successor = None
    if row.superseded_by is not None:
        session = object_session(row)
        found = session.get(IssuedDocument, row.superseded_by) if session else None
        successor = found.number if found is not None else str(row.superseded_by)
    return {
        "sha256": row.content_hash,
        "in_force": row.revoked_at is None,
        "revoke_reason": row.revoke_reason or "",
        "superseded_by": successor,
    }


def _instant(value: Any) -> str | None:
    """A moment as UTC to the second, whichever way it was stored (a naive SQLite
    datetime, an aware PostgreSQL one, an ISO text in an event)."""
    if value is None:
        return None
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return str(moment.astimezone(UTC).replace(microsecond=0).isoformat())


def _key_state(row: Any) -> dict[str, Any]:
    # A revocation made behind the app's back makes verify refuse genuine documents.
    return {"public_key": row.public_key, "revoked_at": _instant(row.revoked_at)}


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
        loads=(selectinload(RespondentCase.exhibits).selectinload(AccusedExhibit.rights),),
        paper=paper_state.case_paper,
    ),
    Checked(
        Complaint,
        "complaint",
        "complaint",
        {"state": "state"},
        "number",
        loads=(selectinload(Complaint.complainant), selectinload(Complaint.agent)),
        paper=paper_state.complaint_paper,
    ),
    Checked(
        User,
        "user",
        "user",
        # Sign-in finds an account, an event names its author and a paper its people by
        # these: a name swapped or changed would act or print as someone else.
        {
            "role": "role",
            "active": "active",
            "password": "password_hash",
            "username": "username",
            "display_name": "display_name",
        },
        "username",
    ),
    Checked(SigningKey, "signing_key", "signing key", {}, "key_id", _key_state),
    Checked(
        IPRight,
        "ip_right",
        "right",
        {"number": "number", "jurisdiction": "jurisdiction"},
        "number",
        paper=paper_state.right_paper,
    ),
    Checked(IssuedDocument, "document", "document", {}, "number", _document_state),
    # Evidence files: each is born with its import event, which holds its hash.
    Checked(
        EvidenceFile,
        "evidence",
        "evidence file",
        {"sha256": "sha256"},
        "original_name",
        paper=paper_state.evidence_paper,
    ),
    # Which file belongs to which record, for what, with what caption: born with its
    # event since this check (the links of before have none: see `_planted_link`).
    Checked(
        EvidenceLink,
        "evidence_link",
        "evidence link",
        {},
        "id",
        named=lambda link: f"{link.id} ({link.owner_type} {link.owner_id})",
        born_with_event=False,
        paper=paper_state.link_paper,
    ),
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

ENTITIES = tuple(c.entity for c in CHECKED)
ROLE_CODES = frozenset(r.value for r in Role)


def _now(row: Any, column: str) -> Any:
    value = getattr(row, column)
    if column == "password_hash":  # the trail keeps a digest of it, never the hash
        from fairdesk.services.trust.sign_in_secret import password_mark

        return password_mark(value)
    return value.value if hasattr(value, "value") else value


@dataclass
class _Fold:
    """The audited records' histories, folded from the events that may set each field."""

    state: dict[tuple[str, int], tuple[int, dict[str, Any]]] = _field(default_factory=dict)
    roles: dict[int, Role] = _field(default_factory=dict)  # each user's role, as of now
    seen: set[str] = _field(default_factory=set)  # actions taken so far
    problems: list[RowProblem] = _field(default_factory=list)
    # Each document number's history: {number: (row id, event id, in force)}. A row id can
    # change (delete, insert again); the number a party holds on paper cannot.
    numbers: dict[str, tuple[int, int, bool]] = _field(default_factory=dict)
    session: Session | None = None  # to name a record a problem is about
    born: dict[tuple[str, int], int] = _field(default_factory=dict)  # {record: birth event}
    users_only: set[int] = _field(default_factory=set)  # events on users (a scoped fold)
    # {(record, action): the first such event the check accepts}
    accepted: dict[tuple[str, int, str], int] = _field(default_factory=dict)


Scope = dict[str, set[int]]  # {entity: record ids}: the records one paper draws from


def _events_of(entities: tuple[str, ...], scope: Scope | None) -> Any:
    """The events to fold, in the order of the trail: of `entities`, or of the users and
    the records of `scope`."""
    which: Any = AuditEvent.entity_type.in_(entities)
    if scope is not None:
        which = or_(
            AuditEvent.entity_type == "user",
            *(
                and_(AuditEvent.entity_type == e, AuditEvent.entity_id.in_(ids))
                for e, ids in scope.items()
                if ids
            ),
        )
    return (
        select(
            AuditEvent.id,
            AuditEvent.at,
            AuditEvent.user_id,
            AuditEvent.username,
            AuditEvent.action,
            AuditEvent.entity_type,
            AuditEvent.entity_id,
            AuditEvent.after,
        )
        .where(which, AuditEvent.entity_id.is_not(None))
        .order_by(AuditEvent.id)
    )


def _history(
    session: Session, entities: tuple[str, ...] = ENTITIES, scope: Scope | None = None
) -> _Fold:
    """Every audited record's folded history, in one pass in the order of the trail (an
    author's role is the one their own history gave them when they acted). `entities`
    must hold "user": authors' roles come from the users' histories. With a `scope`,
    only the users' and those records' events are read."""
    fold = _Fold(session=session)
    events = session.execute(_events_of(entities, scope))
    for event_id, at, user_id, username, action, entity, entity_id, after in events:
        if scope is not None and entity == "user":
            fold.users_only.add(event_id)
        declared = trail.writer(action, entity)
        if declared is None:
            fold.problems.append(_stranger(event_id, username, user_id, fold, entity, entity_id))
            continue
        role = fold.roles.get(user_id) if user_id is not None else None
        if user_id is not None:
            _same_author(fold, event_id, user_id, username)
        if user_id is not None and role is None:
            allowed = declared.first and action not in fold.seen
        else:
            own = entity == "user" and user_id is not None and user_id == entity_id
            allowed = declared.allows(role, own, action not in fold.seen)
        if not allowed:
            fold.problems.append(
                _unallowed(event_id, action, username, user_id, fold, entity, entity_id)
            )
            continue
        sets = after or {}
        if trail.ALL_FIELDS not in declared.sets:
            sets = {k: v for k, v in sets.items() if k in declared.sets}
        renamed = dict(declared.renames)
        sets = {renamed.get(k, k): v for k, v in sets.items()}
        if declared.dated:
            sets[declared.dated] = _instant(sets.get(declared.dated) or at)
        sets = dict(declared.starts) | sets
        if entity == "document" and not _by_number(fold, event_id, declared, entity_id, after):
            continue
        known = (entity, entity_id) in fold.state
        if (declared.birth and known) or any(
            k in sets and sets[k] != v for k, v in declared.values
        ):
            fold.problems.append(_out_of_place(event_id, action, fold, entity, entity_id))
            continue
        fold.seen.add(action)
        fold.accepted.setdefault((entity, entity_id, action), event_id)
        if declared.birth:
            fold.born[(entity, entity_id)] = event_id
        _, folded = fold.state.get((entity, entity_id), (0, {}))
        fold.state[(entity, entity_id)] = (event_id, folded | sets)
        if entity == "user" and "role" in sets and sets["role"] in ROLE_CODES:
            fold.roles[entity_id] = Role(sets["role"])
    return fold


def _same_author(fold: _Fold, event_id: int, user_id: int, username: str) -> None:
    """An event names its author by the login their history gives them: another name is
    an account renamed for a moment to act as someone else."""
    kept = fold.state.get(("user", user_id), (0, {}))[1].get("username")
    if isinstance(kept, str) and username != kept:
        fold.problems.append(
            RowProblem(
                event_id,
                f"audit event {event_id} names its author {username}, but it was written by "
                f"the account {kept}: that account was renamed behind the app's back to act "
                "as someone else",
            )
        )


def _by_number(
    fold: _Fold, event_id: int, declared: trail.Writer, entity_id: int, after: Any
) -> bool:
    """Follow a document's history by its number; False (and a problem) for a second
    birth of a number already issued under another row."""
    number = after.get("number") if isinstance(after, dict) else None
    if not isinstance(number, str):
        return True
    had = fold.numbers.get(number)
    if declared.birth and had is not None and had[0] != entity_id:
        fold.problems.append(
            RowProblem(
                event_id,
                f"audit event {event_id} says document {number} was issued again (it was "
                f"issued at audit event {had[1]}): a document is issued once. It was "
                "written behind the app's back",
            )
        )
        return False
    in_force = after.get("in_force", had[2] if had else True)
    fold.numbers[number] = (entity_id, event_id, bool(in_force))
    return True


def _revoked_in_force(session: Session, fold: _Fold) -> list[RowProblem]:
    """A document its history revoked whose row (under another id) is in force now."""
    revoked = {n: v for n, v in fold.numbers.items() if not v[2]}
    if not revoked:
        return []
    rows = session.execute(
        select(IssuedDocument.id, IssuedDocument.number).where(
            IssuedDocument.number.in_(revoked), IssuedDocument.revoked_at.is_(None)
        )
    )
    return [
        RowProblem(
            revoked[number][1],
            f"document {number} was revoked (audit event {revoked[number][1]}) but the "
            "database holds it in force: put back behind the app's back",
        )
        for row_id, number in rows
        if row_id != revoked[number][0]  # the same row: its own history reports it
    ]


def history_of(session: Session, entity: str, entity_id: int) -> dict[str, Any]:
    """One record's state as `audit verify` folds it: only the events it accepts count."""
    fold = _history(session, tuple({entity, "user"}))
    return fold.state.get((entity, entity_id), (0, {}))[1]


def accepted_event(session: Session, entity: str, entity_id: int, action: str) -> int | None:
    """The first `action` event on a record that `audit verify` accepts (by an author
    whose role may take it): a key's revocation appended by a desk user does not count."""
    fold = _history(session, tuple({entity, "user"}))
    return fold.accepted.get((entity, entity_id, action))


def _author(username: str, user_id: int | None, fold: _Fold) -> str:
    if user_id is None:
        return "the app itself (nobody signed in)"
    role = fold.roles.get(user_id)
    if role is None:
        return f"{username}, an account with no history"
    return f"{username} ({vocabulary.ROLES.words(role).en})"


def _what(fold: _Fold, entity: str, entity_id: int) -> str:
    checked = next(c for c in CHECKED if c.entity == entity)
    row = fold.session.get(checked.model, entity_id) if fold.session is not None else None
    if row is None:
        return f"{checked.label} {entity_id} (no longer in the database)"
    name = checked.named(row) if checked.named else getattr(row, checked.name_column)
    return f"{checked.label} {name}"


def _stranger(
    event_id: int, username: str, user_id: int | None, fold: _Fold, entity: str, entity_id: int
) -> RowProblem:
    return RowProblem(
        event_id,
        f"audit event {event_id} on {_what(fold, entity, entity_id)}, by "
        f"{_author(username, user_id, fold)}, records an action FairDesk never takes on it: "
        "it was written behind the app's back",
    )


def _out_of_place(
    event_id: int, action: str, fold: _Fold, entity: str, entity_id: int
) -> RowProblem:
    said = workflow.words_of_event(action).en
    return RowProblem(
        event_id,
        f"audit event {event_id} ({said}, on {_what(fold, entity, entity_id)}) cannot be where it "
        "is or say what it says: FairDesk never records that action so. It was written "
        "behind the app's back",
    )


def _unallowed(
    event_id: int,
    action: str,
    username: str,
    user_id: int | None,
    fold: _Fold,
    entity: str,
    entity_id: int,
) -> RowProblem:
    said = workflow.words_of_event(action).en
    return RowProblem(
        event_id,
        f"audit event {event_id} ({said}, on {_what(fold, entity, entity_id)}) is by "
        f"{_author(username, user_id, fold)}, who may not take that action: it was "
        "written behind the app's back",
    )


def check(session: Session) -> list[RowProblem]:
    fold = _history(session)
    problems = list(fold.problems) + _revoked_in_force(session, fold)
    with paper_state.rights_read_once(session):
        for checked in CHECKED:
            rows = session.scalars(select(checked.model).options(*checked.loads)).all()
            problems += _compare(session, fold, checked, rows)
            problems += _vanished(fold, checked, {r.id for r in rows})  # type: ignore[attr-defined]
    return problems


def check_scope(session: Session, scope: Scope) -> list[RowProblem]:
    """`check` for the records of `scope` only (and the users, whose roles it needs): what
    issuing a paper runs first, reading those records' events and not the whole trail.
    Problems with users' own events are left to `audit verify`."""
    fold = _history(session, scope=scope)
    problems = [p for p in fold.problems if p.event_id not in fold.users_only]
    for checked in CHECKED:
        ids = scope.get(checked.entity)
        if not ids:
            continue
        model: Any = checked.model
        rows = session.scalars(select(model).where(model.id.in_(ids)).options(*checked.loads)).all()
        problems += _compare(session, fold, checked, rows)
        problems += _vanished(fold, checked, {r.id for r in rows})
    return problems


def _first_born(session: Session, checked: Checked) -> int | None:
    """The first record of a kind born with its event, when its kind's first records were
    not (evidence links and measures of before this check): a record with none after it
    was planted."""
    if checked.born_with_event or checked.entity not in trail.BORN_UNDER:
        return None
    births = [a for a, w in trail.WRITERS.items() if w.entity == checked.entity and w.birth]
    return session.scalar(
        select(func.min(AuditEvent.entity_id)).where(
            AuditEvent.entity_type == checked.entity, AuditEvent.action.in_(births)
        )
    )


def _born_under(session: Session, fold: _Fold, checked: Checked, rows: list[Any]) -> set[int]:
    """The rows (with no history) made under a case or complaint whose birth event says
    such records are born with an event of their own: they were planted, whatever id
    they were given."""
    if checked.entity not in trail.BORN_UNDER or not rows:
        return set()
    owners = dict(zip((r.id for r in rows), _owners(session, checked, rows), strict=True))
    planted = set()
    for row_id, owner in owners.items():
        said = fold.state.get(owner, (0, {}))[1].get(trail.BIRTHS) if owner else None
        if isinstance(said, list) and checked.entity in said:
            planted.add(row_id)
    return planted


def _owners(session: Session, checked: Checked, rows: list[Any]) -> list[tuple[str, int] | None]:
    """The case or complaint each measure or evidence link was made under."""
    if checked.model is Measure:
        return [("case", r.case_id) for r in rows]
    through: dict[str, Any] = {"exhibit": AccusedExhibit, "measure": Measure, "visit": BoothVisit}
    cases: dict[tuple[str, int], int | None] = {}
    for kind, model in through.items():
        ids = {r.owner_id for r in rows if r.owner_type == kind}
        if ids:
            found = session.execute(select(model.id, model.case_id).where(model.id.in_(ids)))
            cases |= {(kind, i): case_id for i, case_id in found}
    owners: list[tuple[str, int] | None] = []
    for r in rows:
        if r.owner_type in ("case", "complaint"):
            owners.append((r.owner_type, r.owner_id))
        else:
            case_id = cases.get((r.owner_type, r.owner_id))
            owners.append(("case", case_id) if case_id is not None else None)
    return owners


def _name(checked: Checked, row: Any) -> str:
    return str(checked.named(row) if checked.named else getattr(row, checked.name_column))


def _compare(
    session: Session, fold: _Fold, checked: Checked, rows: Iterable[Any]
) -> list[RowProblem]:
    """Each row of a kind against its folded history."""
    history = {i: v for (e, i), v in fold.state.items() if e == checked.entity}
    first_born = _first_born(session, checked)
    rows = list(rows)
    born_under = _born_under(session, fold, checked, [r for r in rows if r.id not in history])
    if not history and not checked.born_with_event and first_born is None and not born_under:
        return []  # a kind whose events came later: rows of before have none
    problems = []
    for row in rows:
        event_id, folded = history.get(row.id, (0, {}))
        if not folded:
            planted = (
                checked.born_with_event
                or row.id in born_under
                or (first_born is not None and row.id > first_born)
            )
            if event_id == 0 and planted:
                problems.append(
                    RowProblem(
                        0,
                        f"{checked.label} {_name(checked, row)} has no history at all: it was "
                        "added behind the app's back",
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
        if checked.paper is not None and isinstance(folded.get(trail.PAPER), dict):
            now_paper = checked.paper(row)
            for field, was in folded[trail.PAPER].items():
                if field in now_paper and now_paper[field] != was:
                    problems.append(_problem(checked, row, field, now_paper[field], was, event_id))
    return problems


def _vanished(fold: _Fold, checked: Checked, present: set[int]) -> list[RowProblem]:
    """Records born with an event whose row is gone: no service deletes them."""
    return [
        RowProblem(
            event_id,
            f"{checked.label} {_born_name(fold, checked.entity, record_id)} (made at audit "
            f"event {event_id}) is no longer in the database: it was deleted behind the "
            "app's back",
        )
        for (entity, record_id), event_id in sorted(fold.born.items())
        if entity == checked.entity and record_id not in present
    ]


def _born_name(fold: _Fold, entity: str, record_id: int) -> str:
    folded = fold.state.get((entity, record_id), (0, {}))[1]
    kept = folded.get(trail.PAPER)
    paper: dict[str, Any] = kept if isinstance(kept, dict) else {}
    for key in ("number", "original_name"):
        if paper.get(key):
            return f"{record_id} ({paper[key]})"
    if paper.get("owner_type"):
        return f"{record_id} ({paper['owner_type']} {paper.get('owner_id')})"
    return str(record_id)


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
