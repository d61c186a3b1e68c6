"""Reading respondent cases: lookups, the desk's list, and a case's timeline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Integer, Select, and_, func, or_, select, text
from sqlalchemy.orm import Session, aliased

from fairdesk.db import search_index
from fairdesk.db.models import (
    AuditEvent,
    Complaint,
    Exhibitor,
    IPRight,
    Party,
    RespondentCase,
    User,
    complaint_rights,
)
from fairdesk.domain import trail
from fairdesk.domain.errors import InvalidInput, NotFound
from fairdesk.domain.permissions import Permission
from fairdesk.services.context import Context
from fairdesk.services.fair.fairs import fair_by_code


def case_by_number(session: Session, number: str) -> RespondentCase:
    case = session.scalar(select(RespondentCase).where(RespondentCase.number == number.strip()))
    if case is None:
        raise NotFound("There is no respondent case numbered '{number}'.", number=number)
    return case


def complaint_by_number(session: Session, number: str) -> Complaint:
    complaint = session.scalar(select(Complaint).where(Complaint.number == number.strip()))
    if complaint is None:
        raise NotFound("There is no complaint numbered '{number}'.", number=number)
    return complaint


SEARCH_SEPARATOR = "\n"


SEARCH_MAX = 300  # above any name and a scanned QR code (FD2, ~250); LIKE has limits


def search_needle(text: str) -> str:
    """What the search box's text looks for: lower case, any run of white space (pasted
    line breaks and tabs too) as one space."""
    needle = " ".join(text.split()).lower()
    if len(needle) > SEARCH_MAX:
        raise InvalidInput(
            "A search is at most {limit} characters; this one has {count}.",
            limit=SEARCH_MAX,
            count=len(needle),
        )
    return needle


def search_text_of(
    case: RespondentCase,
    complaint: Complaint,
    exhibitor: Exhibitor,
    complainant: Party,
    rights: list[IPRight],
) -> str:
    """Everything the desk may type to find a case, lower-cased, one field per line: a
    search never spans two fields, since the search box takes no line breaks."""
    parts = [
        case.number,
        complaint.number,
        exhibitor.name_zh,
        exhibitor.name_en,
        case.booth_no,
        complainant.name,
        complainant.name_en,
        *(r.number for r in rights),
    ]
    return SEARCH_SEPARATOR.join(p for p in parts if p).lower()


@dataclass(frozen=True, slots=True)
class CaseRow:
    """One line of the desk's case list (fields in the order the list query selects them).

    Slotted: a list of 100,000 cases keeps pages of these in memory."""

    id: int
    number: str
    complaint_number: str
    kind: str
    state: str
    complaint_state: str
    exhibitor_zh: str
    exhibitor_en: str
    hall: str
    booth: str
    complainant: str
    received_at: datetime
    next_due: datetime | None
    next_due_kind: str
    decide_before_close: bool
    version: int
    assigned_to: str = ""  # username of the desk user handling the case
    served_at: datetime | None = None  # when the notice reached the respondent, if known


@dataclass(frozen=True)
class CaseFilter:
    fair_code: str
    states: tuple[str, ...] = ()
    search: str = ""
    overdue: bool = False
    due_within_hours: float | None = None
    hall: str = ""
    ip_type: str = ""
    sort: str = "number"  # a key of SORT_KEYS
    descending: bool = False
    numbers: tuple[str, ...] = ()  # only these cases (a selection), when given
    assigned_to: str = ""  # only the cases assigned to this username ("mine")


def _sort_keys(complainant: Any, assignee: Any) -> dict[str, Any]:
    return {
        "number": RespondentCase.number,
        "state": RespondentCase.state,
        "exhibitor": Exhibitor.name_zh,
        "booth": RespondentCase.booth_no,
        "complainant": complainant.name,
        "due": RespondentCase.next_due_at,
        "received": Complaint.received_at,
        "assigned": assignee.username,
    }


SORT_KEYS = tuple(_sort_keys(Party, User))
# Up to this many cases holding a search's needle (in every fair), the FTS5 table finds
# them; beyond, walking the fair's cases is faster (measured: docs/benchmarks.md, B2).
FTS_MAX_MATCHES = 4000
# The CaseRow field holding each sort key's value (for fetching the page after a row).
_ROW_FIELD = {
    "number": "number",
    "state": "state",
    "exhibitor": "exhibitor_zh",
    "booth": "booth",
    "complainant": "complainant",
    "due": "next_due",
    "received": "received_at",
    "assigned": "assigned_to",
}


def _columns(complainant: Any, assignee: Any) -> Select[*tuple[Any, ...]]:
    """What a row of the list shows (CaseRow's fields, in order), with its joins."""
    c = RespondentCase
    return (
        select(
            c.id,
            c.number,
            Complaint.number,
            Complaint.kind,
            c.state,
            Complaint.state,
            Exhibitor.name_zh,
            Exhibitor.name_en,
            c.hall,
            c.booth_no,
            complainant.name,
            Complaint.received_at,
            c.next_due_at,
            c.next_due_kind,
            c.decide_before_close,
            c.version,
            func.coalesce(assignee.username, ""),
            c.served_at,
        )
        .join(Complaint, Complaint.id == c.complaint_id)
        .join(Exhibitor, Exhibitor.id == c.exhibitor_id)
        .join(complainant, complainant.id == Complaint.complainant_id)
        .outerjoin(assignee, assignee.id == c.assigned_to)
    )


# Sort keys of the case row itself: a page of ids can be chosen without any join.
_NARROW_SORTS = frozenset({"number", "state", "booth", "due"})


def _case_query(
    session: Session,
    flt: CaseFilter,
    now: datetime,
    after: CaseRow | None = None,
    *,
    ids_only: bool = False,
) -> Select[*tuple[Any, ...]]:
    """The list's statement; with `ids_only` (a sort in _NARROW_SORTS), the cases' ids
    alone, without the joins that only fetch what a row shows."""
    fair = fair_by_code(session, flt.fair_code)
    complainant = aliased(Party)
    assignee = aliased(User)
    c = RespondentCase
    query = select(c.id) if ids_only else _columns(complainant, assignee)
    needle = search_needle(flt.search)
    fts = _use_fts(session, needle)
    # With the FTS table, the matches drive the query: "+ 0" keeps SQLite from walking
    # the fair's index instead (every case of the fair, probing the matches one by one).
    query = query.where((c.fair_id + 0 if fts else c.fair_id) == fair.id)
    if flt.states:
        query = query.where(c.state.in_(flt.states))
    if flt.assigned_to.strip():
        query = query.where(
            c.assigned_to.in_(select(User.id).where(User.username == flt.assigned_to.strip()))
        )
    if flt.numbers:
        query = query.where(c.number.in_([n.strip() for n in flt.numbers]))
    if flt.hall:
        query = query.where(c.hall == flt.hall)
    if flt.ip_type:
        query = query.where(
            select(complaint_rights.c.right_id)
            .join(IPRight, IPRight.id == complaint_rights.c.right_id)
            .where(
                complaint_rights.c.complaint_id == c.complaint_id, IPRight.ip_type == flt.ip_type
            )
            .exists()
        )
    if needle:
        query = _search(query, needle, fts)
    if flt.overdue:
        query = query.where(c.next_due_at < now)
    if flt.due_within_hours is not None:
        if flt.due_within_hours < 0:
            raise InvalidInput("'due within' needs a number of hours of zero or more.")
        query = query.where(
            and_(c.next_due_at >= now, c.next_due_at <= now + timedelta(hours=flt.due_within_hours))
        )
    key = _sort_keys(complainant, assignee).get(flt.sort)
    if key is None:
        raise InvalidInput(
            "Cannot sort by '{sort}'; use one of {keys}.", sort=flt.sort, keys=SORT_KEYS
        )
    if after is not None:
        query = query.where(_beyond(key, flt, after))
    return _ordered(query, key, flt.descending)


def _ordered(query: Select[Any], key: Any, descending: bool) -> Select[Any]:
    order = key.desc() if descending else key.asc()
    if key is RespondentCase.number:  # unique: an index serves it, nothing else is needed
        return query.order_by(order)
    # Cases without a deadline sort last either way; the number keeps the order stable.
    return query.order_by(key.is_(None), order, RespondentCase.number)


def _beyond(key: Any, flt: CaseFilter, after: CaseRow) -> Any:
    """The cases that come after `after` in the list's order (by key, not by offset: a
    page after the one on screen costs the same at row 100 and at row 100,000). The order
    is (key IS NULL, key, number) as _case_query sorts, or the number alone."""
    number = RespondentCase.number

    def past(column: Any, value: Any) -> Any:
        return column < value if flt.descending else column > value

    if key is number:
        return past(number, after.number)
    last = getattr(after, _ROW_FIELD[flt.sort])
    if flt.sort == "assigned" and last == "":  # the list shows no assignee as ""
        last = None
    if last is None:  # among the cases without a value, which sort last either way
        return and_(key.is_(None), number > after.number)
    return or_(key.is_(None), past(key, last), and_(key == last, number > after.number))


def _use_fts(session: Session, needle: str) -> bool:
    """Whether the FTS5 table should drive this search: on SQLite, for a needle of three
    characters or more that few cases hold. A needle most cases hold ("有限公司", "co., ltd")
    is read faster by walking the fair's own cases: the index would hand over the matches
    of every fair, each then looked up to keep the fair's."""
    if len(needle) < search_index.MIN_PIECE or session.get_bind().dialect.name != "sqlite":
        return False
    # Asked per search (SQLite keeps its schema in memory: microseconds), so a database
    # migrated or restored while the desk runs is searched the right way at once.
    if not session.scalar(
        text("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = :n"),
        {"n": search_index.FTS_TABLE},
    ):
        return False
    matches = session.scalar(
        text(
            f"SELECT count(*) FROM (SELECT rowid FROM {search_index.FTS_TABLE} "
            f"WHERE {search_index.FTS_TABLE} MATCH :phrase LIMIT :cap)"
        ),
        {"phrase": _phrase(needle), "cap": FTS_MAX_MATCHES},
    )
    return (matches or 0) < FTS_MAX_MATCHES


def _phrase(needle: str) -> str:
    return '"' + needle.replace('"', '""') + '"'  # one FTS5 phrase: the substring


def _search(query: Select[Any], needle: str, fts: bool) -> Select[Any]:
    """Cases whose search text holds `needle`. The LIKE decides; with `fts` (SQLite), the
    FTS5 trigram table (fairdesk.db.search_index) first narrows the cases to those holding
    the needle's trigrams in a row, so a keystroke reads the matches, not the whole fair.
    PostgreSQL's pg_trgm index serves the LIKE itself."""
    c = RespondentCase
    escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    query = query.where(c.search_text.like(f"%{escaped}%", escape="\\"))
    if fts:
        matches = text(
            f"SELECT rowid FROM {search_index.FTS_TABLE} "
            f"WHERE {search_index.FTS_TABLE} MATCH :phrase"
        ).bindparams(phrase=_phrase(needle))
        query = query.where(c.id.in_(matches.columns(rowid=Integer)))
    return query


def list_cases(
    ctx: Context,
    flt: CaseFilter,
    *,
    offset: int = 0,
    limit: int | None = None,
    after: CaseRow | None = None,
) -> list[CaseRow]:
    """The cases of the list from `offset` on, or those following the row `after` (a row
    of the same filter's list: the next page, fetched by the sort key)."""
    ctx.require(Permission.VIEW)
    with ctx.db.reading() as session:
        query = _case_query(session, flt, ctx.now(), after)
        query = query.limit(limit) if after is not None else query.offset(offset).limit(limit)
        return [CaseRow(*row) for row in session.execute(query).all()]


def list_page(
    ctx: Context, flt: CaseFilter, offset: int = 0, limit: int = 200
) -> tuple[int, list[CaseRow]]:
    """How many cases match the filter, and `limit` of them from `offset` on: one session,
    one fair look-up, one statement (the rows with `count(*) OVER ()`), so a keystroke in
    the search box costs one query. The same rows and total as list_cases and count_cases.
    """
    ctx.require(Permission.VIEW)
    with ctx.db.reading() as session:
        if flt.sort in _NARROW_SORTS:
            # The page's ids and the total first, from the case rows alone; the joins then
            # fetch what those rows show. A search most cases match is counted without
            # joining every match (half the time of a broad search in a big fair).
            query = _case_query(session, flt, ctx.now(), ids_only=True)
            page = (
                query.add_columns(func.count().over().label("total"))
                .offset(offset)
                .limit(limit)
                .subquery()
            )
            complainant, assignee = aliased(Party), aliased(User)
            key = _sort_keys(complainant, assignee)[flt.sort]
            paged = _ordered(
                _columns(complainant, assignee)
                .join(page, page.c.id == RespondentCase.id)
                .add_columns(page.c.total),
                key,
                flt.descending,
            )
        else:
            query = _case_query(session, flt, ctx.now())
            paged = query.add_columns(func.count().over()).offset(offset).limit(limit)
        found = session.execute(paged).all()
        if found:
            return int(found[0][-1]), [CaseRow(*row[:-1]) for row in found]
        if offset <= 0:
            return 0, []
        # A page past the end holds no row to carry the total: count on its own.
        sub = query.order_by(None).subquery()
        return session.scalar(select(func.count()).select_from(sub)) or 0, []


def count_cases(ctx: Context, flt: CaseFilter) -> int:
    ctx.require(Permission.VIEW)
    with ctx.db.reading() as session:
        sub = _case_query(session, flt, ctx.now()).order_by(None).subquery()
        return session.scalar(select(func.count()).select_from(sub)) or 0


def counts_by_state(ctx: Context, fair_code: str) -> dict[str, int]:
    ctx.require(Permission.VIEW)
    with ctx.db.reading() as session:
        fair = fair_by_code(session, fair_code)
        rows = session.execute(
            select(RespondentCase.state, func.count())
            .where(RespondentCase.fair_id == fair.id)
            .group_by(RespondentCase.state)
        ).all()
        return {state: n for state, n in rows}


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    username: str
    action: str
    reason: str
    after: dict[str, Any] | None


def timeline(ctx: Context, case_number: str) -> list[TimelineEntry]:
    """Every event of a case and of its complaint, oldest first, from the audit trail."""
    ctx.require(Permission.VIEW)
    with ctx.db.reading() as session:
        case = case_by_number(session, case_number)
        rows = session.scalars(
            select(AuditEvent)
            .where(
                or_(
                    AuditEvent.case_id == case.id,
                    and_(
                        AuditEvent.complaint_id == case.complaint_id, AuditEvent.case_id.is_(None)
                    ),
                ),
                AuditEvent.action.not_in(trail.UNSHOWN),
            )
            .order_by(AuditEvent.id)
        ).all()
        return [TimelineEntry(r.at, r.username, r.action, r.reason, r.after) for r in rows]


def last_change(ctx: Context) -> int:
    """A number that grows with every change any desk makes (the newest audit event).

    Screens poll it every few seconds and reload when it moves; one primary-key lookup.
    """
    ctx.require(Permission.VIEW)
    with ctx.db.reading() as session:
        return session.scalar(select(func.max(AuditEvent.id))) or 0
