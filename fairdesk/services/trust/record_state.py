"""The state of a measure or an exhibitor as its audit events record it.

The steps and the exhibitor list write these states into the trail each time they
change a record; `row_check` reads them back and compares them with the row, so a
measure or an exhibitor edited behind the app's back (an SQL editor, a doctored
restore) is reported. One function per record kind, used by both sides.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from fairdesk.db.models import Exhibitor, Measure
from fairdesk.services.context import Context
from fairdesk.services.trust import audit

MEASURE_EVENT = "measure.record"
MEASURE_BIRTH = "measure.order"  # a measure's first event: it was born with it
EXHIBITOR_EVENT = "exhibitor.record"
# The exhibitor's fields a list import or a person sets (not its bookkeeping columns).
EXHIBITOR_FIELDS = (
    "name_zh",
    "name_en",
    "credit_code",
    "country",
    "country_en",
    "area",
    "area_en",
    "delegation",
    "contact",
    "phone",
    "email",
    "ip_commitment_signed",
)


def plain(value: Any) -> Any:
    """A value as the trail keeps it: times in UTC (the database may hand them back
    naive or in another zone), enums by their code."""
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=UTC)
        return moment.astimezone(UTC).isoformat(timespec="seconds")
    return audit.jsonable(value)


def measure_state(m: Measure) -> dict[str, Any]:
    return {
        name: plain(getattr(m, name))
        for name in (
            "case_id",  # a measure moved to another case prints on its papers
            "measure_type",
            "ordered_at",
            "due_at",
            "undertaking_signed",
            "storage_place",
            "returned_at",
            "recheck_result",
            "rechecked_at",
            "note",
        )
    }


def exhibitor_state(e: Exhibitor) -> dict[str, Any]:
    return exhibitor_values_state(
        {name: getattr(e, name) for name in EXHIBITOR_FIELDS},
        [(b.hall, b.booth_no) for b in e.booths],
    )


def exhibitor_values_state(
    values: Mapping[str, Any], booths: Iterable[tuple[str, str]]
) -> dict[str, Any]:
    """`exhibitor_state` of an exhibitor given as its column values and (hall, booth
    number) pairs, as the database stores them (text without NUL: db/engine.py)."""
    state = {name: plain(_stored(values[name])) for name in EXHIBITOR_FIELDS}
    state["booths"] = sorted(f"{_stored(h)} {_stored(b)}".strip() for h, b in booths)
    return state


def _stored(value: Any) -> Any:
    return value.replace("\x00", "") if isinstance(value, str) else value


def measures_of(case: Any) -> dict[int, dict[str, Any]]:
    """{measure id: state} of a case's measures, before a step changes them."""
    return {m.id: measure_state(m) for m in case.measures if m.id is not None}


def record_measures(
    session: Session, ctx: Context, case: Any, before: dict[int, dict[str, Any]]
) -> None:
    """An event for each measure of `case` a step added (its birth) or changed (after the
    flush), under the case: a paper finds a deleted measure by it."""
    for m in case.measures:
        if measure_state(m) != before.get(m.id):
            audit.record(
                session,
                ctx,
                MEASURE_EVENT if m.id in before else MEASURE_BIRTH,
                "measure",
                m.id,
                after=measure_state(m),
                fair_id=case.fair_id,
                complaint_id=case.complaint_id,
                case_id=case.id,
            )


def record_exhibitors(
    session: Session,
    ctx: Context,
    fair_id: int,
    changed: set[str],
    inserted: Mapping[int, dict[str, Any]] | None = None,
) -> None:
    """An event for each exhibitor of the fair an import added or changed, in the order
    of their ids: those `changed` through the ORM (by identity) are read back; `inserted`
    holds the states ({id: state}) of those the caller has just inserted in bulk, which
    are not (an import of 30,000 would load every one of them again)."""
    states = dict(inserted or {})
    if changed:
        for e in session.scalars(
            select(Exhibitor)
            .where(Exhibitor.fair_id == fair_id)
            .options(selectinload(Exhibitor.booths))
        ):
            if e.identity in changed:
                states[e.id] = exhibitor_state(e)
    audit.record_many(
        session,
        ctx,
        [(EXHIBITOR_EVENT, "exhibitor", i, states[i]) for i in sorted(states)],
        fair_id=fair_id,
    )
