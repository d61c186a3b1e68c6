"""Read services behind the intake form: find exhibitors, parties and rights as the desk
types, and warn of a complaint the center has handled before.

All of them only read (Permission.VIEW) and return plain frozen dataclasses. Searches are
bounded by `limit` and use the indexed, normalised columns, so they answer as you type
on a database kept across ten editions.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import Session, joinedload, selectinload

from fairdesk.db.models import (
    Booth,
    Complaint,
    Exhibitor,
    Fair,
    IPRight,
    Party,
    RespondentCase,
    complaint_rights,
)
from fairdesk.domain.clocks import ClockEvent, compute_clock
from fairdesk.domain.enums import ClockAction, ClockKind
from fairdesk.domain.materials import right_problem
from fairdesk.domain.normalize import normalize_booth, normalize_name
from fairdesk.domain.permissions import Permission
from fairdesk.domain.rules import RuleSet, hours_for
from fairdesk.services.context import Context
from fairdesk.services.fair.fairs import calendar_of, fair_by_code

MAX_LIMIT = 200


def _limit(limit: int) -> int:
    return max(1, min(int(limit), MAX_LIMIT))


def _like(text: str) -> str:
    """`text` with LIKE's wildcards escaped (escape character: backslash)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def number_key(number: str) -> str:
    """Matching key of a patent or registration number: "zl 2023 3012 3456.7" and
    "ＺＬ202330123456.7" -> "ZL202330123456.7"."""
    return "".join(unicodedata.normalize("NFKC", number).split()).upper()


def _number_column() -> ColumnElement[str]:
    return func.upper(func.replace(IPRight.number, " ", ""))


# -- exhibitors -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ExhibitorHit:
    """An exhibitor of the fair, as a completion offers it.

    `booth`/`hall` is the booth the typed text matched (else the exhibitor's first booth);
    `booths` are all of its booths at this fair.
    """

    id: int
    name_zh: str
    name_en: str
    country: str
    country_en: str
    credit_code: str
    booths: tuple[str, ...]
    booth: str
    hall: str

    @property
    def name(self) -> str:
        return self.name_zh or self.name_en


def _hit(exhibitor: Exhibitor, booth: Booth | None) -> ExhibitorHit:
    first = booth or (exhibitor.booths[0] if exhibitor.booths else None)
    return ExhibitorHit(
        id=exhibitor.id,
        name_zh=exhibitor.name_zh,
        name_en=exhibitor.name_en,
        country=exhibitor.country,
        country_en=exhibitor.country_en,
        credit_code=exhibitor.credit_code,
        booths=tuple(b.booth_no for b in exhibitor.booths),
        booth=first.booth_no if first else "",
        hall=first.hall if first else "",
    )


def _booth_rows(session: Session, fair_id: int, condition: ColumnElement[bool], limit: int) -> Any:
    return session.scalars(
        select(Booth)
        .where(Booth.fair_id == fair_id, condition)
        .options(joinedload(Booth.exhibitor).selectinload(Exhibitor.booths))
        .order_by(Booth.booth_no, Booth.exhibitor_id)
        .limit(limit)
    ).all()


def search_exhibitors(
    ctx: Context, fair_code: str, text: str, limit: int = 20
) -> list[ExhibitorHit]:
    """Exhibitors of the fair whose booth number starts with `text` (normalised: "４.１ａ０"
    finds 4.1A01, 4.1A02...), then those whose Chinese or English name contains it.

    A booth shared by several exhibitors gives one hit per exhibitor, all with that booth.
    """
    ctx.require(Permission.VIEW)
    needle = text.strip()
    if not needle:
        return []
    limit = _limit(limit)
    with ctx.db.reading() as session:
        fair = fair_by_code(session, fair_code)
        hits: list[ExhibitorHit] = []
        seen: set[int] = set()
        booth = normalize_booth(needle)
        if booth:
            for row in _booth_rows(
                session, fair.id, Booth.booth_no.like(_like(booth) + "%", escape="\\"), limit
            ):
                hits.append(_hit(row.exhibitor, row))
                seen.add(row.exhibitor_id)
        if len(hits) < limit:
            low = "%" + _like(needle.lower()) + "%"
            names: list[ColumnElement[bool]] = [
                func.lower(Exhibitor.name_zh).like(low, escape="\\"),
                func.lower(Exhibitor.name_en).like(low, escape="\\"),
            ]
            key = normalize_name(needle)
            if key:
                names.append(Exhibitor.name_key.like("%" + _like(key) + "%", escape="\\"))
            query = (
                select(Exhibitor)
                .where(Exhibitor.fair_id == fair.id, or_(*names))
                .options(selectinload(Exhibitor.booths))
                .order_by(Exhibitor.name_zh, Exhibitor.name_en, Exhibitor.id)
                .limit(limit + len(seen))
            )
            for exhibitor in session.scalars(query):
                if exhibitor.id not in seen and len(hits) < limit:
                    hits.append(_hit(exhibitor, None))
                    seen.add(exhibitor.id)
        return hits


def exhibitors_at_booth(ctx: Context, fair_code: str, booth: str) -> list[ExhibitorHit]:
    """Every exhibitor at exactly this booth (normalised); several when the booth is shared."""
    ctx.require(Permission.VIEW)
    key = normalize_booth(booth)
    if not key:
        return []
    with ctx.db.reading() as session:
        fair = fair_by_code(session, fair_code)
        rows = _booth_rows(session, fair.id, Booth.booth_no == key, MAX_LIMIT)
        return [_hit(row.exhibitor, row) for row in rows]


# -- complainants and agents ------------------------------------------------------------------


@dataclass(frozen=True)
class PartyHit:
    id: int
    kind: str
    name: str
    name_en: str
    id_doc_type: str
    id_doc_no: str
    country: str
    address: str
    contact: str
    phone: str
    email: str


def search_parties(ctx: Context, text: str, limit: int = 20) -> list[PartyHit]:
    """Complainants and agents seen before whose Chinese or English name contains `text`
    (legal forms and punctuation ignored: "example brand co" finds "Example Brand Co., Ltd.")
    or whose identity document number starts with it."""
    ctx.require(Permission.VIEW)
    needle = text.strip()
    if not needle:
        return []
    low = "%" + _like(needle.lower()) + "%"
    conditions: list[ColumnElement[bool]] = [
        func.lower(Party.name).like(low, escape="\\"),
        func.lower(Party.name_en).like(low, escape="\\"),
        func.upper(Party.id_doc_no).like(_like(needle.upper()) + "%", escape="\\"),
    ]
    key = normalize_name(needle)
    if key:
        conditions.append(Party.name_key.like("%" + _like(key) + "%", escape="\\"))
    with ctx.db.reading() as session:
        rows = session.scalars(
            select(Party)
            .where(or_(*conditions))
            .order_by(Party.name, Party.id)
            .limit(_limit(limit))
        ).all()
        return [
            PartyHit(
                p.id,
                p.kind,
                p.name,
                p.name_en,
                p.id_doc_type,
                p.id_doc_no,
                p.country,
                p.address,
                p.contact,
                p.phone,
                p.email,
            )
            for p in rows
        ]


# -- the rights register ----------------------------------------------------------------------


@dataclass(frozen=True)
class RightHit:
    id: int
    ip_type: str
    number: str
    title: str
    holder: str
    jurisdiction: str
    valid_from: date | None
    valid_until: date | None
    licence_type: str
    status_checked_at: datetime | None
    basis: str = ""  # ProtectionBasis as registered; "" lets the jurisdiction decide
    ir_number: str = ""

    def problem_on(self, day: date) -> str | None:
        """Why the right cannot be enforced on `day` ("Expired on ..."), or None."""
        return right_problem(self.jurisdiction, self.valid_from, self.valid_until, day)

    def valid_in_china_on(self, day: date) -> bool:
        return self.problem_on(day) is None


def search_rights(ctx: Context, text: str, limit: int = 20) -> list[RightHit]:
    """Rights in the register whose number contains `text` (spaces and width ignored), or
    whose title or holder contains it; numbers starting with it come first."""
    ctx.require(Permission.VIEW)
    needle = text.strip()
    if not needle:
        return []
    key = number_key(needle)
    low = "%" + _like(needle.lower()) + "%"
    number = _number_column()
    with ctx.db.reading() as session:
        rows = session.scalars(
            select(IPRight)
            .where(
                or_(
                    number.like("%" + _like(key) + "%", escape="\\"),
                    func.lower(IPRight.title).like(low, escape="\\"),
                    func.lower(IPRight.holder).like(low, escape="\\"),
                )
            )
            .order_by(~number.like(_like(key) + "%", escape="\\"), IPRight.number, IPRight.id)
            .limit(_limit(limit))
        ).all()
        return [
            RightHit(
                r.id,
                r.ip_type,
                r.number,
                r.title,
                r.holder,
                r.jurisdiction,
                r.valid_from,
                r.valid_until,
                r.licence_type,
                r.status_checked_at,
                r.basis or "",
                r.ir_number or "",
            )
            for r in rows
        ]


# -- the duplicate warning ----------------------------------------------------------------------


@dataclass(frozen=True)
class PriorCase:
    number: str
    exhibitor: str
    exhibitor_en: str
    booth: str
    state: str
    decision_trigger: str


@dataclass(frozen=True)
class PriorComplaint:
    """An earlier complaint by the same complainant, on one of the rights, against the same
    respondent; `cases` are its respondent cases against that respondent only."""

    number: str
    fair_code: str
    fair_name: str
    same_fair: bool
    received_at: datetime
    state: str
    reject_reason: str
    rights: tuple[str, ...]
    cases: tuple[PriorCase, ...]


def _respondent_keys(
    session: Session, fair_id: int, exhibitor_ids: Iterable[int]
) -> tuple[set[int], set[str], set[str]]:
    ids = {int(i) for i in exhibitor_ids}
    codes: set[str] = set()
    names: set[str] = set()
    if ids:
        for e in session.scalars(
            select(Exhibitor).where(Exhibitor.id.in_(ids), Exhibitor.fair_id == fair_id)
        ):
            if e.credit_code:
                codes.add(e.credit_code)
            names.update(k for k in (e.name_key, normalize_name(e.name_zh)) if k)
            names.update(k for k in (normalize_name(e.name_en),) if k)
    return ids, codes, names


_Found = dict[int, tuple[Complaint, Fair, list[PriorCase]]]  # complaint id -> its cases


def _repeats_query(
    fair: Fair, key: str, numbers: set[str], ids: set[int], codes: set[str], names: set[str]
) -> Select[RespondentCase, Complaint, Fair, Exhibitor]:
    """The cases of the complainant's complaints against the same respondent (here by
    exhibitor, at earlier editions by credit code or name) about any of the rights."""
    earlier = and_(Fair.id != fair.id, Fair.start_date <= fair.start_date)
    same_respondent = or_(
        and_(Fair.id == fair.id, RespondentCase.exhibitor_id.in_(ids)),
        and_(earlier, or_(Exhibitor.credit_code.in_(codes), Exhibitor.name_key.in_(names))),
    )
    query = (
        select(RespondentCase, Complaint, Fair, Exhibitor)
        .join(Complaint, Complaint.id == RespondentCase.complaint_id)
        .join(Fair, Fair.id == Complaint.fair_id)
        .join(Exhibitor, Exhibitor.id == RespondentCase.exhibitor_id)
        .where(
            Complaint.complainant_id.in_(select(Party.id).where(Party.name_key == key)),
            or_(Fair.id == fair.id, earlier),
            same_respondent,
        )
        .order_by(Complaint.received_at.desc(), Complaint.id.desc(), RespondentCase.seq)
    )
    if not numbers:
        return query
    return query.where(
        select(complaint_rights.c.right_id)
        .join(IPRight, IPRight.id == complaint_rights.c.right_id)
        .where(
            complaint_rights.c.complaint_id == Complaint.id,
            _number_column().in_(numbers),
        )
        .exists()
    )


def _first_complaints(
    session: Session, query: Select[RespondentCase, Complaint, Fair, Exhibitor], limit: int
) -> _Found:
    """The first `limit` complaints the query's cases belong to, each with its cases."""
    found: _Found = {}
    for case, complaint, their_fair, exhibitor in session.execute(query):
        if complaint.id not in found:
            if len(found) >= limit:
                break
            found[complaint.id] = (complaint, their_fair, [])
        found[complaint.id][2].append(
            PriorCase(
                case.number,
                exhibitor.name_zh or exhibitor.name_en,
                exhibitor.name_en,
                case.booth_no,
                case.state,
                case.decision_trigger,
            )
        )
    return found


def _rights_named(
    session: Session, complaint_ids: list[int], numbers: set[str]
) -> dict[int, list[str]]:
    """complaint id -> the numbers of its rights among `numbers` (all, when none given)."""
    rights: dict[int, list[str]] = {}
    for complaint_id, right_number in session.execute(
        select(complaint_rights.c.complaint_id, IPRight.number)
        .join(IPRight, IPRight.id == complaint_rights.c.right_id)
        .where(complaint_rights.c.complaint_id.in_(complaint_ids))
        .order_by(IPRight.number)
    ):
        if not numbers or number_key(right_number) in numbers:
            rights.setdefault(complaint_id, []).append(right_number)
    return rights


def prior_complaints(
    ctx: Context,
    fair_code: str,
    complainant_name: str,
    right_numbers: Sequence[str],
    exhibitor_ids: Sequence[int],
    limit: int = 20,
) -> list[PriorComplaint]:
    """Complaints of this or earlier editions that repeat the one being registered: the
    same complainant (normalised name), any of the rights (by number), and the same
    respondent: the same exhibitor at this fair; at earlier editions the exhibitor with the
    same credit code or normalised name. Newest first.

    The Canton Fair rule does not accept such a repeat without proof of legal follow-up;
    the desk decides, this only finds them. With no right numbers (a commercial
    dispute) rights are not compared.
    """
    ctx.require(Permission.VIEW)
    key = normalize_name(complainant_name)
    numbers = {k for k in (number_key(n) for n in right_numbers) if k}
    if not key or not exhibitor_ids:
        return []
    with ctx.db.reading() as session:
        fair = fair_by_code(session, fair_code)
        ids, codes, names = _respondent_keys(session, fair.id, exhibitor_ids)
        if not ids:
            return []
        query = _repeats_query(fair, key, numbers, ids, codes, names)
        found = _first_complaints(session, query, limit)
        rights = _rights_named(session, list(found), numbers) if found else {}
        return [
            PriorComplaint(
                number=complaint.number,
                fair_code=their_fair.code,
                fair_name=their_fair.name,
                same_fair=their_fair.id == fair.id,
                received_at=complaint.received_at,
                state=complaint.state,
                reject_reason=complaint.reject_reason,
                rights=tuple(rights.get(complaint_id, ())),
                cases=tuple(cases),
            )
            for complaint_id, (complaint, their_fair, cases) in found.items()
        ]


# -- the notice to supplement -----------------------------------------------------------------


@dataclass(frozen=True)
class SupplementDeadline:
    """When the complainant must supplement if asked now, under the fair's rule set."""

    due_at: datetime  # in the fair's time zone
    hours: float
    opening_hours_only: bool
    capped_at_close: bool
    rule_set: str


def supplement_deadline(ctx: Context, fair_code: str) -> SupplementDeadline:
    ctx.require(Permission.VIEW)
    with ctx.db.reading() as session:
        fair: Fair = fair_by_code(session, fair_code)
        rules = RuleSet.from_dict(fair.rules)
        now = ctx.now()
        hours = hours_for(rules, ClockKind.SUPPLEMENT)
        state = compute_clock(
            ClockKind.SUPPLEMENT,
            [ClockEvent(ClockKind.SUPPLEMENT, ClockAction.START, now)],
            calendar_of(fair),
            timedelta(hours=hours),
            rules.opening_hours_only,
            now,
        )
        assert state.due_at is not None  # a started clock always has a due time
        return SupplementDeadline(
            state.due_at, hours, rules.opening_hours_only, state.capped_at_close, rules.name
        )
