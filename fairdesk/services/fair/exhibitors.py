"""Exhibitor lists: import from an organizer's export, and lookups by booth or name."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session, selectinload

from fairdesk.db.models import Base, Booth, Exhibitor
from fairdesk.domain.errors import NotFound
from fairdesk.domain.normalize import normalize_booth, normalize_name
from fairdesk.domain.permissions import Permission
from fairdesk.services.context import Context
from fairdesk.services.fair.exhibitor_file import ExhibitorRecord, RejectedRow, read_exhibitor_file
from fairdesk.services.fair.fairs import fair_by_code
from fairdesk.services.fair.watchlist import WatchHit, flag_imported
from fairdesk.services.trust import audit, record_state

# Fields copied from the file onto the exhibitor: those its history records, but for the
# IP commitment, which a list carries only when it has the column.
_FIELDS = tuple(f for f in record_state.EXHIBITOR_FIELDS if f != "ip_commitment_signed")


@dataclass
class ImportReport:
    file: str
    encoding: str
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    blank_rows: int = 0
    merged_rows: int = 0
    rejected: list[RejectedRow] = field(default_factory=list)
    notes: list[RejectedRow] = field(default_factory=list)  # imported, with a note
    # Exhibitors of this list on the watch list of earlier editions (repeat offenders).
    watch_hits: list[WatchHit] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        return self.blank_rows + self.merged_rows


def _apply(exhibitor: Exhibitor, record: ExhibitorRecord) -> bool:
    """Copy the record onto the exhibitor; True when anything changed."""
    changed = False
    for name in _FIELDS:
        value = getattr(record, name)
        if value and getattr(exhibitor, name) != value:
            setattr(exhibitor, name, value)
            changed = True
    signed = record.ip_commitment
    if signed is not None and exhibitor.ip_commitment_signed != signed:
        exhibitor.ip_commitment_signed = signed
        changed = True
    known = {b.booth_no for b in exhibitor.booths}
    for hall, booth in record.booths:
        if booth not in known:
            exhibitor.booths.append(Booth(fair_id=exhibitor.fair_id, hall=hall, booth_no=booth))
            known.add(booth)
            changed = True
    return changed


def _merge_new(row: dict[str, Any], booths: dict[str, str], record: ExhibitorRecord) -> bool:
    """`_apply` for an exhibitor not inserted yet: its column values and booths
    (booth number -> hall, in file order) as plain data, for the bulk INSERT."""
    changed = False
    for name in _FIELDS:
        value = getattr(record, name)
        if value and row[name] != value:
            row[name] = value
            changed = True
    signed = record.ip_commitment
    if signed is not None and row["ip_commitment_signed"] != signed:
        row["ip_commitment_signed"] = signed
        changed = True
    for hall, booth in record.booths:
        if booth not in booths:
            booths[booth] = hall
            changed = True
    return changed


def _insert_new(
    session: Session, fair_id: int, new: dict[str, tuple[dict[str, Any], dict[str, str]]]
) -> dict[str, int]:
    """Insert the new exhibitors, then their booths, with one bulk statement each.

    The ORM unit of work took half of a large import's time (docs/benchmarks.md, B5).
    SQLAlchemy's "insertmanyvalues" sends the rows in batches that stay under the
    backend's parameter limit. The generated ids are mapped back by identity (unique in
    a fair) rather than by row position: with `sort_by_parameter_order`, SQLAlchemy cannot
    rely on the order of SQLite's RETURNING rows and falls back to one INSERT per row.
    Returns {identity: id}.
    """
    if not new:
        return {}
    # Core statements on the tables: the ORM's bulk path adds a per-row step of its own.
    exhibitors, booth_table = _table(Exhibitor), _table(Booth)
    ids: dict[str, int] = dict(
        session.execute(
            insert(exhibitors).returning(exhibitors.c.identity, exhibitors.c.id),
            [row for row, _ in new.values()],
        ).all()
    )
    booth_rows = [
        {"exhibitor_id": ids[identity], "fair_id": fair_id, "hall": hall, "booth_no": booth}
        for identity, (_, booths) in new.items()
        for booth, hall in booths.items()
    ]
    if booth_rows:
        session.execute(insert(booth_table), booth_rows)
    return ids


def _table(model: type[Base]) -> Table:
    return cast(Table, model.__table__)


def _new_row(
    fair_id: int, record: ExhibitorRecord, now: datetime
) -> tuple[dict[str, Any], dict[str, str]]:
    """A new exhibitor's row and its booths (booth → hall). Every column is given, the
    model's defaults included (version starts at 1 for the ORM's stale-update check), so
    that every row has the same keys and one INSERT statement serves them all."""
    row: dict[str, Any] = {
        "fair_id": fair_id,
        "identity": record.identity,
        "name_key": normalize_name(record.name_zh or record.name_en),
        **dict.fromkeys(_FIELDS, ""),
        "ip_commitment_signed": False,  # unless the file says it is signed
        "created_at": now,
        "updated_at": now,
        "version": 1,
    }
    booths: dict[str, str] = {}
    _merge_new(row, booths, record)
    return row, booths


def upsert_exhibitors(
    session: Session,
    fair_id: int,
    records: Iterable[ExhibitorRecord],
    now: datetime,
    ctx: Context | None = None,
) -> tuple[int, int, int]:
    """Insert new exhibitors and update known ones; return (imported, updated, unchanged).

    With the acting user's `ctx`, each exhibitor added or changed gets an audit event
    with its new state (so an edit behind the app's back shows in `audit verify`)."""
    imported = updated = unchanged = 0
    touched: set[str] = set()
    existing = {
        e.identity: e
        for e in session.scalars(
            select(Exhibitor)
            .where(Exhibitor.fair_id == fair_id)
            .options(selectinload(Exhibitor.booths))
        )
    }
    # Exhibitors first seen in this import, by identity: their row and booths.
    new: dict[str, tuple[dict[str, Any], dict[str, str]]] = {}
    for record in records:
        exhibitor = existing.get(record.identity)
        if exhibitor is not None:
            # Known exhibitors go through the ORM, which checks their version.
            if _apply(exhibitor, record):
                exhibitor.updated_at = now
                updated += 1
                touched.add(record.identity)
            else:
                unchanged += 1
        elif record.identity in new:
            # A repeated identity (the file reader merges them, other callers may not)
            # updates the exhibitor its first record created, as for known ones.
            if _merge_new(*new[record.identity], record):
                updated += 1
            else:
                unchanged += 1
        else:
            new[record.identity] = _new_row(fair_id, record, now)
            imported += 1
    ids = _insert_new(session, fair_id, new)
    session.flush()
    if ctx is not None:
        _audit_import(session, ctx, fair_id, touched, new, ids)
    return imported, updated, unchanged


def _audit_import(
    session: Session,
    ctx: Context,
    fair_id: int,
    touched: set[str],
    new: dict[str, tuple[dict[str, Any], dict[str, str]]],
    ids: dict[str, int],
) -> None:
    """An audit event with the new state of each exhibitor the import added or changed."""
    if touched:
        session.expire_all()  # their state as stored (text without NUL), read back
    record_state.record_exhibitors(
        session,
        ctx,
        fair_id,
        touched,
        {
            ids[identity]: record_state.exhibitor_values_state(
                row, [(hall, booth) for booth, hall in booths.items()]
            )
            for identity, (row, booths) in new.items()
        },
    )


def import_exhibitors(
    ctx: Context,
    fair_code: str,
    path: Path,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Import or update a fair's exhibitors from a CSV or XLSX file, all or nothing.

    Re-importing the same file updates what changed and never duplicates: exhibitors are
    matched by credit code, else by their normalised Chinese and English names.
    """
    ctx.require(Permission.IMPORT_EXHIBITORS)
    parsed = read_exhibitor_file(path, progress=progress)
    report = ImportReport(
        str(path),
        parsed.encoding,
        blank_rows=parsed.blank_rows,
        merged_rows=parsed.merged_rows,
        rejected=list(parsed.rejected),
        notes=list(parsed.notes),
    )
    with ctx.db.writing() as session:
        fair = fair_by_code(session, fair_code)
        counts = upsert_exhibitors(session, fair.id, parsed.records, ctx.now(), ctx)
        report.imported, report.updated, report.unchanged = counts
        session.flush()
        audit.record(
            session,
            ctx,
            "exhibitors.import",
            "fair",
            fair.id,
            fair_id=fair.id,
            after={
                "file": path.name,
                "encoding": parsed.encoding,
                "imported": report.imported,
                "updated": report.updated,
                "unchanged": report.unchanged,
                "rejected": len(report.rejected),
            },
        )
    report.watch_hits = flag_imported(ctx, fair_code)
    return report


def set_ip_commitment(ctx: Context, exhibitor_id: int, signed: bool, reason: str = "") -> bool:
    """Record whether the exhibitor signed the fair's IP commitment (知识产权承诺书, checked
    before opening: Shanghai Regulations Art 37); False when it already said so."""
    ctx.require(Permission.IMPORT_EXHIBITORS)
    with ctx.db.writing() as session:
        exhibitor = session.get(Exhibitor, exhibitor_id)
        if exhibitor is None:
            raise NotFound("There is no exhibitor {id}.", id=exhibitor_id)
        if exhibitor.ip_commitment_signed == signed:
            return False
        before = {"ip_commitment_signed": exhibitor.ip_commitment_signed}
        exhibitor.ip_commitment_signed = signed
        exhibitor.updated_at = ctx.now()
        session.flush()
        audit.record(
            session,
            ctx,
            "exhibitor.ip_commitment",
            "exhibitor",
            exhibitor.id,
            before=before,
            after={"ip_commitment_signed": signed},
            reason=reason,
            fair_id=exhibitor.fair_id,
        )
    return True


@dataclass(frozen=True)
class ExhibitorInfo:
    id: int
    name_zh: str
    name_en: str
    country: str
    booths: tuple[str, ...]


def count_exhibitors(ctx: Context, fair_code: str) -> int:
    ctx.require(Permission.VIEW)
    with ctx.db.reading() as session:
        fair = fair_by_code(session, fair_code)
        return (
            session.scalar(
                select(func.count()).select_from(Exhibitor).where(Exhibitor.fair_id == fair.id)
            )
            or 0
        )


def find_by_booth(ctx: Context, fair_code: str, booth: str) -> list[ExhibitorInfo]:
    ctx.require(Permission.VIEW)
    with ctx.db.reading() as session:
        fair = fair_by_code(session, fair_code)
        rows = session.scalars(
            select(Exhibitor)
            .join(Booth)
            .where(Booth.fair_id == fair.id, Booth.booth_no == normalize_booth(booth))
            .options(selectinload(Exhibitor.booths))
        ).all()
        return [
            ExhibitorInfo(
                e.id, e.name_zh, e.name_en, e.country, tuple(b.booth_no for b in e.booths)
            )
            for e in rows
        ]


def halls_in_use(ctx: Context, fair_code: str) -> list[str]:
    """The fair's halls: as set up, else as the exhibitor list's booths name them."""
    ctx.require(Permission.VIEW)
    with ctx.db.reading() as session:
        fair = fair_by_code(session, fair_code)
        listed = [str(h) for h in (fair.halls or {}).get("halls", [])]
        if listed:
            return listed
        found = session.scalars(
            select(Booth.hall).where(Booth.fair_id == fair.id, Booth.hall != "").distinct()
        ).all()
        return sorted(found, key=_hall_order)


def halls_not_of_fair(ctx: Context, fair_code: str) -> dict[str, int]:
    """Halls the exhibitor list's booths name but the fair does not list, with how many
    booths each: a typo in the list or a hall missing from the set-up (the inspector's
    rounds and the hall board only know the fair's halls). Empty when the fair lists none."""
    ctx.require(Permission.VIEW)
    with ctx.db.reading() as session:
        fair = fair_by_code(session, fair_code)
        listed = {str(h) for h in (fair.halls or {}).get("halls", [])}
        if not listed:
            return {}
        rows = session.execute(
            select(Booth.hall, func.count())
            .where(Booth.fair_id == fair.id, Booth.hall != "", Booth.hall.not_in(sorted(listed)))
            .group_by(Booth.hall)
        ).all()
    return {hall: count for hall, count in sorted(rows, key=lambda r: _hall_order(r[0]))}


def rows_in_halls(path: Path, halls: Iterable[str]) -> dict[str, list[int]]:
    """The rows of the exhibitor file at `path` (as Excel numbers them) with a booth in one
    of `halls`, by hall: so that a list naming halls the fair does not have can be
    corrected row by row. Reads the file again; asked only when such halls were found."""
    wanted = set(halls)
    found: dict[str, list[int]] = {}
    for record in read_exhibitor_file(path).records:
        for hall in dict.fromkeys(hall for hall, _booth in record.booths if hall in wanted):
            found.setdefault(hall, []).append(record.row)
    return found


def _hall_order(hall: str) -> tuple[float, str]:
    try:
        return (float(hall), hall)
    except ValueError:
        return (float("inf"), hall)
