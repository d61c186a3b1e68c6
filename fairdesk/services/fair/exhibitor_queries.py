"""Reading exhibitors: a fair's searchable list, and one company across every edition."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, case, func, or_, select
from sqlalchemy.orm import Session, selectinload

from fairdesk.db.models import Booth, Complaint, Exhibitor, Fair, RespondentCase
from fairdesk.domain.enums import ComplaintState
from fairdesk.domain.errors import InvalidInput, NotFound
from fairdesk.domain.normalize import (
    clean_text,
    name_identity_key,
    normalize_booth,
    normalize_credit_code,
    normalize_name,
)
from fairdesk.domain.permissions import Permission
from fairdesk.services.context import Context
from fairdesk.services.fair.fairs import fair_by_code

__all__ = [
    "SORT_KEYS",
    "EditionHistory",
    "ExhibitorHistory",
    "ExhibitorRow",
    "HistoryCase",
    "count_exhibitors_matching",
    "exhibitor_history",
    "list_exhibitors",
]


@dataclass(frozen=True)
class ExhibitorRow:
    """One line of a fair's exhibitor list."""

    id: int
    name_zh: str
    name_en: str
    country: str
    country_en: str
    credit_code: str
    booths: tuple[tuple[str, str], ...]  # (hall, normalised booth number), import order
    cases: int  # respondent cases naming this exhibitor at this fair
    ip_commitment_signed: bool = False

    @property
    def halls(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(h for h, _ in self.booths if h))

    @property
    def booth_numbers(self) -> tuple[str, ...]:
        return tuple(b for _, b in self.booths)


def _like(text: str) -> str:
    """`%text%` with LIKE's wildcards taken literally (escape character: backslash)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _search_clause(search: str) -> ColumnElement[bool] | None:
    """Name (Chinese or English, any case), booth number or credit code containing `search`."""
    text = clean_text(search)
    if not text:
        return None
    clauses: list[ColumnElement[bool]] = [
        Exhibitor.name_zh.ilike(_like(text), escape="\\"),
        Exhibitor.name_en.ilike(_like(text), escape="\\"),
    ]
    key = normalize_name(text)
    if key:
        # "blue ocean" finds "BLUE-OCEAN Co." once both are folded the same way.
        clauses.append(Exhibitor.name_key.like(_like(key), escape="\\"))
    booth = normalize_booth(text)
    if booth:
        clauses.append(
            select(Booth.id)
            .where(
                Booth.exhibitor_id == Exhibitor.id, Booth.booth_no.like(_like(booth), escape="\\")
            )
            .exists()
        )
    code = normalize_credit_code(text)
    if code:
        clauses.append(Exhibitor.credit_code.like(_like(code), escape="\\"))
    return or_(*clauses)


def _cases_count() -> Any:
    return (
        select(func.count(RespondentCase.id))
        .where(RespondentCase.exhibitor_id == Exhibitor.id)
        .correlate(Exhibitor)
        .scalar_subquery()
    )


def _sort_keys(cases: Any) -> dict[str, Any]:
    first_booth = (
        select(func.min(Booth.booth_no))
        .where(Booth.exhibitor_id == Exhibitor.id)
        .correlate(Exhibitor)
        .scalar_subquery()
    )
    # English-only exhibitors sort by their English name among the Chinese ones.
    name = case((Exhibitor.name_zh == "", Exhibitor.name_en), else_=Exhibitor.name_zh)
    return {
        "name": name,
        "name_en": Exhibitor.name_en,
        "country": Exhibitor.country,
        "booth": first_booth,
        "credit_code": Exhibitor.credit_code,
        "cases": cases,
        "ip_commitment": Exhibitor.ip_commitment_signed,
    }


SORT_KEYS = ("name", "name_en", "country", "booth", "credit_code", "cases", "ip_commitment")


def _query(session: Session, fair_code: str, search: str) -> tuple[Select[Any], Any]:
    fair = fair_by_code(session, fair_code)
    cases = _cases_count()
    query = select(
        Exhibitor.id,
        Exhibitor.name_zh,
        Exhibitor.name_en,
        Exhibitor.country,
        Exhibitor.country_en,
        Exhibitor.credit_code,
        cases,
        Exhibitor.ip_commitment_signed,
    ).where(Exhibitor.fair_id == fair.id)
    clause = _search_clause(search)
    if clause is not None:
        query = query.where(clause)
    return query, cases


def _booths_of(session: Session, ids: list[int]) -> dict[int, list[tuple[str, str]]]:
    booths: dict[int, list[tuple[str, str]]] = defaultdict(list)
    if ids:
        rows = session.execute(
            select(Booth.exhibitor_id, Booth.hall, Booth.booth_no)
            .where(Booth.exhibitor_id.in_(ids))
            .order_by(Booth.id)
        ).all()
        for exhibitor_id, hall, booth in rows:
            booths[exhibitor_id].append((hall, booth))
    return booths


def list_exhibitors(
    ctx: Context,
    fair_code: str,
    search: str = "",
    offset: int = 0,
    limit: int | None = None,
    *,
    sort: str = "name",
    descending: bool = False,
) -> list[ExhibitorRow]:
    """A page of the fair's exhibitors whose name (zh/en), booth or credit code contains
    `search`, sorted by one of SORT_KEYS (the id keeps pages stable)."""
    ctx.require(Permission.VIEW)
    if offset < 0 or (limit is not None and limit < 0):
        raise InvalidInput("A page of exhibitors needs an offset and a limit of zero or more.")
    with ctx.db.reading() as session:
        query, cases = _query(session, fair_code, search)
        key = _sort_keys(cases).get(sort)
        if key is None:
            raise InvalidInput(
                "Cannot sort exhibitors by '{sort}'; use one of {keys}.", sort=sort, keys=SORT_KEYS
            )
        order = key.desc() if descending else key.asc()
        rows = session.execute(
            query.order_by(key.is_(None), order, Exhibitor.id).offset(offset).limit(limit)
        ).all()
        booths = _booths_of(session, [r[0] for r in rows])
        return [
            ExhibitorRow(
                id=r[0],
                name_zh=r[1],
                name_en=r[2],
                country=r[3],
                country_en=r[4],
                credit_code=r[5],
                booths=tuple(booths.get(r[0], ())),
                cases=r[6] or 0,
                ip_commitment_signed=bool(r[7]),
            )
            for r in rows
        ]


def count_exhibitors_matching(ctx: Context, fair_code: str, search: str = "") -> int:
    """How many exhibitors `list_exhibitors` would list with this search."""
    ctx.require(Permission.VIEW)
    with ctx.db.reading() as session:
        query, _cases = _query(session, fair_code, search)
        sub = query.with_only_columns(Exhibitor.id).subquery()
        return session.scalar(select(func.count()).select_from(sub)) or 0


# --- history across editions ------------------------------------------------------------

# While the complaint is not accepted its cases have not started: the complaint's state is
# the outcome that matters.
_COMPLAINT_OUTCOMES = frozenset(
    {
        ComplaintState.DRAFT,
        ComplaintState.PENDING_SUPPLEMENT,
        ComplaintState.REJECTED,
        ComplaintState.TRANSFERRED,
    }
)


@dataclass(frozen=True)
class HistoryCase:
    number: str
    complaint_number: str
    complaint_state: str
    state: str
    complainant: str
    rights: tuple[str, ...]  # "design ZL202330123456.7"
    received_at: datetime
    decided_at: datetime | None
    decision_trigger: str
    measures: tuple[str, ...]  # measure types ordered on the case

    @property
    def outcome(self) -> str:
        """The state a reader wants: the complaint's while it never reached the respondent."""
        if self.complaint_state in _COMPLAINT_OUTCOMES:
            return self.complaint_state
        return self.state


@dataclass(frozen=True)
class EditionHistory:
    fair_code: str
    fair_name: str
    fair_name_en: str
    start_date: date
    end_date: date
    timezone: str  # the fair's: times of its cases read best in it
    exhibitor_ids: tuple[int, ...]
    name_zh: str
    name_en: str
    credit_code: str
    booths: tuple[str, ...]
    cases: tuple[HistoryCase, ...]


@dataclass(frozen=True)
class ExhibitorHistory:
    exhibitor_id: int
    name_zh: str
    name_en: str
    credit_code: str
    matched_by: str  # "credit code" or "name"
    editions: tuple[EditionHistory, ...]  # newest edition first

    @property
    def total_cases(self) -> int:
        return sum(len(e.cases) for e in self.editions)


def _candidates(exhibitor: Exhibitor) -> ColumnElement[bool]:
    """Exhibitors of any edition that may be this company (both columns are indexed)."""
    clauses: list[ColumnElement[bool]] = [Exhibitor.id == exhibitor.id]
    if exhibitor.credit_code:
        clauses.append(Exhibitor.credit_code == exhibitor.credit_code)
    # name_key is the Chinese name's key, or the English one's when a list has no Chinese
    # name; both of this exhibitor's keys find either kind. (A record with only an English
    # name does not find the same company listed with both names: its key is Chinese.)
    keys = {k for k in (normalize_name(exhibitor.name_zh), normalize_name(exhibitor.name_en)) if k}
    if keys:
        clauses.append(Exhibitor.name_key.in_(sorted(keys)))
    return or_(*clauses)


def _names_agree(a: Exhibitor, b: Exhibitor) -> bool:
    """Every name both lists give agrees (legal form included: "Pioneer Cosmetics AG" is
    not "Pioneer Cosmetics Pty Ltd"), and they share at least one."""
    shared = 0
    for field in ("name_zh", "name_en"):
        x, y = getattr(a, field), getattr(b, field)
        if x and y:
            if name_identity_key(x) != name_identity_key(y):
                return False
            shared += 1
    return shared > 0


def _same_company(this: Exhibitor, other: Exhibitor) -> bool:
    """The same credit code; else, where one list has no credit code, the same names."""
    if other.id == this.id:
        return True
    if this.credit_code and other.credit_code:
        return this.credit_code == other.credit_code
    return _names_agree(this, other)


def _history_case(case_row: RespondentCase) -> HistoryCase:
    complaint = case_row.complaint
    return HistoryCase(
        number=case_row.number,
        complaint_number=complaint.number,
        complaint_state=complaint.state,
        state=case_row.state,
        complainant=complaint.complainant.name or complaint.complainant.name_en,
        rights=tuple(f"{r.ip_type} {r.number}" for r in complaint.rights),
        received_at=complaint.received_at,
        decided_at=case_row.decided_at,
        decision_trigger=case_row.decision_trigger,
        measures=tuple(m.measure_type for m in case_row.measures),
    )


def exhibitor_history(ctx: Context, exhibitor_id: int) -> ExhibitorHistory:
    """The exhibitor in every edition (its own included), each with the complaints against
    it and their outcomes. Matched by credit code; where a list has none, by normalised
    names (spelling variants fold, legal forms must agree)."""
    ctx.require(Permission.VIEW)
    with ctx.db.reading() as session:
        exhibitor = session.get(Exhibitor, exhibitor_id)
        if exhibitor is None:
            raise NotFound("There is no exhibitor with the id {id}.", id=exhibitor_id)
        candidates = session.execute(
            select(Exhibitor, Fair)
            .join(Fair, Fair.id == Exhibitor.fair_id)
            .where(_candidates(exhibitor))
            .options(selectinload(Exhibitor.booths))
            .order_by(Fair.start_date.desc(), Fair.code, Exhibitor.id)
        ).all()
        matches = [(e, f) for e, f in candidates if _same_company(exhibitor, e)]
        by_exhibitor = _cases_by_exhibitor(session, [e.id for e, _f in matches])
        editions = _editions(matches, by_exhibitor, exhibitor.id)
        return ExhibitorHistory(
            exhibitor_id=exhibitor.id,
            name_zh=exhibitor.name_zh,
            name_en=exhibitor.name_en,
            credit_code=exhibitor.credit_code,
            matched_by="credit code" if exhibitor.credit_code else "name",
            editions=tuple(editions),
        )


def _cases_by_exhibitor(session: Session, ids: list[int]) -> dict[int, list[HistoryCase]]:
    """The cases against these exhibitor records, oldest complaint first."""
    cases = session.scalars(
        select(RespondentCase)
        .join(Complaint, Complaint.id == RespondentCase.complaint_id)
        .where(RespondentCase.exhibitor_id.in_(ids))
        .options(
            selectinload(RespondentCase.complaint).selectinload(Complaint.complainant),
            selectinload(RespondentCase.complaint).selectinload(Complaint.rights),
            selectinload(RespondentCase.measures),
        )
        .order_by(Complaint.received_at, RespondentCase.number)
    ).all()
    by_exhibitor: dict[int, list[HistoryCase]] = defaultdict(list)
    for c in cases:
        by_exhibitor[c.exhibitor_id].append(_history_case(c))
    return by_exhibitor


def _editions(
    matches: list[tuple[Exhibitor, Fair]],
    by_exhibitor: dict[int, list[HistoryCase]],
    own_id: int,
) -> list[EditionHistory]:
    """One entry per fair, however many times the company is listed in it."""
    groups: dict[int, list[Exhibitor]] = {}
    fairs: dict[int, Fair] = {}
    for e, f in matches:
        groups.setdefault(f.id, []).append(e)
        fairs[f.id] = f
    editions = []
    for fair_id, members in groups.items():
        fair = fairs[fair_id]
        # This fair's own record names the edition when the company is listed twice.
        first = next((m for m in members if m.id == own_id), members[0])
        edition_cases = sorted(
            (c for m in members for c in by_exhibitor.get(m.id, [])),
            key=lambda c: (c.received_at, c.number),
        )
        editions.append(
            EditionHistory(
                fair_code=fair.code,
                fair_name=fair.name,
                fair_name_en=fair.name_en,
                start_date=fair.start_date,
                end_date=fair.end_date,
                timezone=fair.timezone,
                exhibitor_ids=tuple(m.id for m in members),
                name_zh=first.name_zh,
                name_en=first.name_en,
                credit_code=first.credit_code,
                booths=tuple(dict.fromkeys(b.booth_no for m in members for b in m.booths)),
                cases=tuple(edition_cases),
            )
        )
    return editions
