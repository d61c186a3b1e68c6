"""The watch list: exhibitors found infringing, followed across the editions of a fair.

An exhibitor is a new row at every edition (it is re-imported with each exhibitor list),
so the editions are tied together here: by credit code when both rows have one, else by
the normalised company name (Chinese or English, legal form dropped). A renamed company
keeps its credit code and is still found; a company without a code is found by its name.

Editions of one fair are the fairs whose codes differ only in their trailing number
(CIIE2025, CIIE2026; DEMO2024, DEMO2025), in the order of their start dates.

The rules applied (see docs/organizer.md):
- found infringing at two or more consecutive editions: propose to bar the exhibitor from
  the next edition (2006 Measures, liability chapter);
- the sanction ladder: warning, cover/take down, leave the fair, bar from the next
  edition, credit referral (Shanghai Exhibition Regulations Arts 27, 38, 42). The
  recommended sanction for a new finding is the step above the highest one reached.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import IntEnum
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fairdesk.db.models import (
    AuditEvent,
    Booth,
    Complaint,
    Exhibitor,
    Fair,
    IPRight,
    Measure,
    RespondentCase,
    complaint_rights,
)
from fairdesk.domain import vocabulary
from fairdesk.domain.enums import ComplaintKind, EscalationAction, MeasureType
from fairdesk.domain.normalize import normalize_credit_code, normalize_name
from fairdesk.domain.permissions import Permission
from fairdesk.domain.workflow import Entity, step
from fairdesk.services.context import Context
from fairdesk.services.fair.fairs import fair_by_code

# Consecutive editions with a finding of infringement after which the exhibitor is
# proposed to be barred from the next edition.
BAR_AFTER_CONSECUTIVE = 2

_SERIES = re.compile(r"^(.*?)[-_.]?\d+$")

# The audit code of the step, as the step table declares it (never typed again here).
ESCALATION_EVENT = step(Entity.CASE, "escalate").audit_code


def series_key(code: str) -> str:
    """The fair series of an edition code: "CIIE2026" -> "CIIE", "DEMO-7" -> "DEMO"."""
    m = _SERIES.match(code.strip())
    prefix = m.group(1) if m and m.group(1) else code
    return prefix.upper()


def series_fairs(session: Session, fair: Fair) -> list[Fair]:
    """Every edition of the fair's series, oldest first (the fair itself included)."""
    key = series_key(fair.code)
    fairs = session.scalars(select(Fair).order_by(Fair.start_date, Fair.id)).all()
    return [f for f in fairs if series_key(f.code) == key]


class Sanction(IntEnum):
    """The sanction ladder, lowest first."""

    NONE = 0
    WARNING = 1
    COVER_TAKE_DOWN = 2
    LEAVE_FAIR = 3
    BAR_NEXT_EDITION = 4
    CREDIT_REFERRAL = 5

    @property
    def label(self) -> str:
        return SANCTION_LABELS[self]


# The measures' and escalations' own words (one word per measure everywhere).
SANCTION_LABELS = {
    Sanction.NONE: "—",
    Sanction.WARNING: "警告 / warning",
    Sanction.COVER_TAKE_DOWN: vocabulary.measures_phrase(
        (MeasureType.COVER, MeasureType.TAKE_DOWN), en_join=" or "
    ).both,
    Sanction.LEAVE_FAIR: vocabulary.MEASURES.words(MeasureType.WITHDRAW_FROM_FAIR).both,
    Sanction.BAR_NEXT_EDITION: vocabulary.ESCALATIONS.words(EscalationAction.PROPOSE_BAN).both,
    Sanction.CREDIT_REFERRAL: vocabulary.ESCALATIONS.words(EscalationAction.CREDIT_REFERRAL).both,
}

_MEASURE_STEP = {
    MeasureType.COVER: Sanction.COVER_TAKE_DOWN,
    MeasureType.TAKE_DOWN: Sanction.COVER_TAKE_DOWN,
    MeasureType.DETAIN: Sanction.COVER_TAKE_DOWN,
    MeasureType.DISCONNECT_LINK: Sanction.COVER_TAKE_DOWN,
    MeasureType.WITHDRAW_FROM_FAIR: Sanction.LEAVE_FAIR,
    MeasureType.CANCEL_PARTICIPATION: Sanction.LEAVE_FAIR,
}
_ESCALATION_STEP = {
    EscalationAction.LEAVE_FAIR: Sanction.LEAVE_FAIR,
    EscalationAction.CANCEL_PARTICIPATION: Sanction.LEAVE_FAIR,
    EscalationAction.PROPOSE_BAN: Sanction.BAR_NEXT_EDITION,
    EscalationAction.CREDIT_REFERRAL: Sanction.CREDIT_REFERRAL,
}


def sanction_of(infringing: bool, measures: Iterable[str], escalations: Iterable[str]) -> Sanction:
    """The highest step of the ladder one case reached."""
    step = Sanction.WARNING if infringing else Sanction.NONE
    for m in measures:
        step = max(step, _MEASURE_STEP.get(MeasureType(m), Sanction.NONE))
    for e in escalations:
        step = max(step, _ESCALATION_STEP.get(EscalationAction(e), Sanction.NONE))
    return step


def recommended_sanction(
    highest: Sanction, bar_proposal: bool, infringing_editions: int
) -> Sanction:
    """The step the ladder recommends for the next finding against this exhibitor."""
    if bar_proposal:
        return max(Sanction.BAR_NEXT_EDITION, Sanction(min(highest + 1, Sanction.CREDIT_REFERRAL)))
    if infringing_editions == 0 and highest is Sanction.NONE:
        return Sanction.WARNING
    return Sanction(min(max(highest + 1, Sanction.WARNING), Sanction.CREDIT_REFERRAL))


def name_keys(*names: str) -> frozenset[str]:
    return frozenset(k for k in (normalize_name(n) for n in names if n) if k)


# -- the history of respondents across editions --------------------------------------------


@dataclass
class EditionRecord:
    """One exhibitor's cases at one edition."""

    fair_id: int
    fair_code: str
    exhibitor_id: int
    name_zh: str
    name_en: str
    credit_code: str
    country: str
    cases: int = 0
    infringing: int = 0
    sanction: Sanction = Sanction.NONE
    case_ids: list[int] = field(default_factory=list)
    case_numbers: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.name_zh or self.name_en


@dataclass
class Group:
    """One company across editions."""

    records: list[EditionRecord] = field(default_factory=list)

    def by_fair(self) -> dict[int, EditionRecord]:
        out: dict[int, EditionRecord] = {}
        for r in self.records:
            if r.fair_id in out:  # two rows of one company at one edition: add them up
                first = out[r.fair_id]
                merged = EditionRecord(
                    first.fair_id,
                    first.fair_code,
                    first.exhibitor_id,
                    first.name_zh,
                    first.name_en,
                    first.credit_code or r.credit_code,
                    first.country,
                    first.cases + r.cases,
                    first.infringing + r.infringing,
                    max(first.sanction, r.sanction),
                    first.case_ids + r.case_ids,
                    first.case_numbers + r.case_numbers,
                )
                out[r.fair_id] = merged
            else:
                out[r.fair_id] = r
        return out


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


class History:
    """Respondents of a set of editions, grouped into companies, with a matcher."""

    def __init__(self, fairs: list[Fair], records: list[EditionRecord]) -> None:
        self.fairs = fairs
        self.order = {f.id: i for i, f in enumerate(fairs)}
        self.records = records
        uf = _UnionFind()
        by_code: dict[str, list[int]] = defaultdict(list)
        by_name: dict[str, list[int]] = defaultdict(list)
        for i, r in enumerate(records):
            uf.find(i)
            if r.credit_code:
                by_code[r.credit_code].append(i)
            for key in name_keys(r.name_zh, r.name_en):
                by_name[key].append(i)
        for members in by_code.values():
            for i in members[1:]:
                uf.union(members[0], i)
        for members in by_name.values():
            without = [i for i in members if not records[i].credit_code]
            for i in without:
                for j in members:
                    uf.union(i, j)
        groups: dict[int, Group] = defaultdict(Group)
        self.group_of: dict[int, int] = {}
        for i, r in enumerate(records):
            root = uf.find(i)
            groups[root].records.append(r)
            self.group_of[i] = root
        self.groups = dict(groups)
        self._by_code = {code: {self.group_of[i] for i in m} for code, m in by_code.items()}
        self._by_name_any = {k: {self.group_of[i] for i in m} for k, m in by_name.items()}
        self._by_name_uncoded = {
            k: {self.group_of[i] for i in m if not records[i].credit_code}
            for k, m in by_name.items()
        }

    def match(self, credit_code: str, names: frozenset[str]) -> tuple[set[int], str]:
        """Groups of the company with this code and these name keys, and how it matched."""
        code = normalize_credit_code(credit_code)
        found: set[int] = set(self._by_code.get(code, set())) if code else set()
        how = "credit code / 信用代码" if found else ""
        by_name: set[int] = set()
        for key in names:
            table = self._by_name_uncoded if code else self._by_name_any
            by_name |= table.get(key, set())
        if by_name - found:
            found |= by_name
            how = how or "name / 名称"
        return found, how


def load_history(session: Session, fairs: list[Fair]) -> History:
    """The IP respondents of these editions, with their findings and sanctions."""
    if not fairs:
        return History([], [])
    codes = {f.id: f.code for f in fairs}
    rows = session.execute(
        select(
            RespondentCase.id,
            RespondentCase.number,
            RespondentCase.fair_id,
            RespondentCase.decision_trigger,
            Exhibitor.id,
            Exhibitor.name_zh,
            Exhibitor.name_en,
            Exhibitor.credit_code,
            Exhibitor.country,
        )
        .join(Exhibitor, Exhibitor.id == RespondentCase.exhibitor_id)
        .join(Complaint, Complaint.id == RespondentCase.complaint_id)
        .where(RespondentCase.fair_id.in_(codes), Complaint.kind == ComplaintKind.IP)
        .order_by(RespondentCase.fair_id, RespondentCase.id)
    ).all()
    case_ids = [r[0] for r in rows]
    measures: dict[int, list[str]] = defaultdict(list)
    escalations: dict[int, list[str]] = defaultdict(list)
    for chunk in _chunks(case_ids, 900):
        for case_id, mtype in session.execute(
            select(Measure.case_id, Measure.measure_type).where(Measure.case_id.in_(chunk))
        ):
            measures[case_id].append(mtype)
        for case_id, after in session.execute(
            select(AuditEvent.case_id, AuditEvent.after).where(
                AuditEvent.case_id.in_(chunk), AuditEvent.action == ESCALATION_EVENT
            )
        ):
            if after and after.get("escalation"):
                escalations[case_id].append(str(after["escalation"]))
    records: dict[tuple[int, int], EditionRecord] = {}
    for case_id, number, fair_id, trigger, ex_id, zh, en, cc, country in rows:
        rec = records.get((fair_id, ex_id))
        if rec is None:
            rec = records[(fair_id, ex_id)] = EditionRecord(
                fair_id, codes[fair_id], ex_id, zh, en, normalize_credit_code(cc), country
            )
        infringing = bool(trigger)
        rec.cases += 1
        rec.infringing += int(infringing)
        rec.case_ids.append(case_id)
        rec.case_numbers.append(number)
        rec.sanction = max(
            rec.sanction, sanction_of(infringing, measures[case_id], escalations[case_id])
        )
    return History(fairs, list(records.values()))


def _chunks(items: list[int], size: int) -> Iterator[list[int]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


# -- what the organizer sees -----------------------------------------------------------------


@dataclass(frozen=True)
class EditionSummary:
    fair_code: str
    name: str
    cases: int
    infringing: int
    sanction: Sanction
    case_numbers: tuple[str, ...]
    case_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class WatchEntry:
    """One company on the watch list of an edition, with its history up to it."""

    name_zh: str
    name_en: str
    credit_code: str
    country: str
    other_names: tuple[str, ...]  # names used at other editions (renamed companies)
    editions: tuple[EditionSummary, ...]  # oldest first, only editions with cases
    infringing_editions: int
    streak: int  # consecutive editions with a finding, ending at the edition in question
    highest: Sanction
    bar_proposal: bool
    recommended: Sanction

    @property
    def name(self) -> str:
        return self.name_zh or self.name_en

    def count_at(self, fair_code: str) -> tuple[int, int]:
        for e in self.editions:
            if e.fair_code == fair_code:
                return e.cases, e.infringing
        return 0, 0


@dataclass(frozen=True)
class WatchHit:
    """An exhibitor of a new edition that is on the watch list of the editions before it."""

    exhibitor_id: int
    name_zh: str
    name_en: str
    credit_code: str
    country: str
    booths: tuple[str, ...]
    matched_by: str
    entry: WatchEntry

    @property
    def bar_proposal(self) -> bool:
        return self.entry.bar_proposal

    @property
    def note(self) -> str:
        return watch_note(self.entry)


def watch_note(entry: WatchEntry) -> str:
    """One line for a mark in the exhibitor list."""
    found = [e.fair_code for e in entry.editions if e.infringing]
    text = f"往届侵权 {len(found)} 届 / infringing at {len(found)} edition(s): {', '.join(found)}"
    if entry.bar_proposal:
        text += f"; 建议禁展 / propose bar ({entry.streak} in a row)"
    return text + f"; 建议 / next: {entry.recommended.label}"


def _streak(by_fair: dict[int, EditionRecord], fairs: list[Fair], last_index: int) -> int:
    n = 0
    for f in reversed(fairs[: last_index + 1]):
        rec = by_fair.get(f.id)
        if rec is None or not rec.infringing:
            break
        n += 1
    return n


def _entry(group: Group, fairs: list[Fair], last_index: int) -> WatchEntry:
    by_fair = group.by_fair()
    ordered = [by_fair[f.id] for f in fairs if f.id in by_fair]
    latest = ordered[-1]
    names = []
    for r in ordered:
        if r.name and r.name != latest.name and r.name not in names:
            names.append(r.name)
    highest = max((r.sanction for r in ordered), default=Sanction.NONE)
    infringing_editions = sum(1 for r in ordered if r.infringing)
    streak = _streak(by_fair, fairs, last_index)
    bar = streak >= BAR_AFTER_CONSECUTIVE
    code = next((r.credit_code for r in reversed(ordered) if r.credit_code), "")
    return WatchEntry(
        name_zh=latest.name_zh,
        name_en=latest.name_en,
        credit_code=code,
        country=latest.country,
        other_names=tuple(names),
        editions=tuple(
            EditionSummary(
                r.fair_code,
                r.name,
                r.cases,
                r.infringing,
                r.sanction,
                tuple(r.case_numbers),
                tuple(r.case_ids),
            )
            for r in ordered
        ),
        infringing_editions=infringing_editions,
        streak=streak,
        highest=highest,
        bar_proposal=bar,
        recommended=recommended_sanction(highest, bar, infringing_editions),
    )


def _watched(entry: WatchEntry) -> bool:
    return entry.infringing_editions > 0 or len(entry.editions) >= 2


def _sort_key(entry: WatchEntry) -> tuple[Any, ...]:
    return (not entry.bar_proposal, -entry.streak, -entry.infringing_editions, entry.name)


def watch_list(ctx: Context, fair_code: str) -> list[WatchEntry]:
    """Companies found infringing (or complained against at two or more editions) at this
    edition or before it, with their repeat count per edition and the proposals."""
    ctx.require(Permission.VIEW)
    with ctx.db.reading() as session:
        fair = fair_by_code(session, fair_code)
        fairs = [f for f in series_fairs(session, fair) if f.start_date <= fair.start_date]
        history = load_history(session, fairs)
        last = len(fairs) - 1
        entries = [_entry(g, fairs, last) for g in history.groups.values()]
        return sorted((e for e in entries if _watched(e)), key=_sort_key)


def bar_proposed(session: Session, fair: Fair, case_id: int) -> bool:
    """Whether the exhibitor of this case has the record that lets a ban from the next
    edition be proposed: found infringing at consecutive editions up to this one."""
    fairs = [f for f in series_fairs(session, fair) if f.start_date <= fair.start_date]
    history = load_history(session, fairs)
    for group in history.groups.values():
        if any(case_id in r.case_ids for r in group.records):
            return _entry(group, fairs, len(fairs) - 1).bar_proposal
    return False


def earlier_history(session: Session, fair: Fair) -> tuple[list[Fair], History]:
    """The editions of the series before this one, and their respondents."""
    fairs = [
        f for f in series_fairs(session, fair) if f.start_date < fair.start_date and f.id != fair.id
    ]
    return fairs, load_history(session, fairs)


def _hits(session: Session, fair: Fair) -> list[WatchHit]:
    fairs, history = earlier_history(session, fair)
    if not history.records:
        return []
    last = len(fairs) - 1
    entries: dict[int, WatchEntry] = {}
    hits: list[WatchHit] = []
    exhibitors = session.execute(
        select(
            Exhibitor.id,
            Exhibitor.name_zh,
            Exhibitor.name_en,
            Exhibitor.credit_code,
            Exhibitor.country,
        )
        .where(Exhibitor.fair_id == fair.id)
        .order_by(Exhibitor.id)
    ).all()
    matched: list[tuple[int, str, str, str, str, str, list[int]]] = []
    for ex_id, zh, en, cc, country in exhibitors:
        groups, how = history.match(cc, name_keys(zh, en))
        if groups:
            matched.append((ex_id, zh, en, cc, country, how, sorted(groups)))
    booths: dict[int, list[str]] = defaultdict(list)
    for chunk in _chunks([m[0] for m in matched], 900):
        for ex_id, booth in session.execute(
            select(Booth.exhibitor_id, Booth.booth_no)
            .where(Booth.exhibitor_id.in_(chunk))
            .order_by(Booth.id)
        ):
            booths[ex_id].append(booth)
    for ex_id, zh, en, cc, country, how, roots in matched:
        if len(roots) == 1:
            root = roots[0]
            if root not in entries:
                entries[root] = _entry(history.groups[root], fairs, last)
            entry = entries[root]
        else:  # two companies of the past match one exhibitor: join their histories
            merged = Group([r for g in roots for r in history.groups[g].records])
            entry = _entry(merged, fairs, last)
        if not _watched(entry):
            continue
        hits.append(
            WatchHit(
                ex_id, zh, en, normalize_credit_code(cc), country, tuple(booths[ex_id]), how, entry
            )
        )
    hits.sort(key=lambda h: (_sort_key(h.entry), h.exhibitor_id))
    return hits


def flag_imported(ctx: Context, fair_code: str) -> list[WatchHit]:
    """Exhibitors of this edition that are on the watch list of the editions before it.

    Call it after an exhibitor list is imported: the hits name the repeat offenders, and
    `bar_proposal` marks those found infringing at the last two (or more) editions in a row.
    """
    ctx.require(Permission.VIEW)
    with ctx.db.reading() as session:
        return _hits(session, fair_by_code(session, fair_code))


def watch_marks(ctx: Context, fair_code: str) -> dict[int, str]:
    """Exhibitor id -> a short note, to mark flagged exhibitors in the exhibitor list."""
    return {h.exhibitor_id: h.note for h in flag_imported(ctx, fair_code)}


# -- the pre-fair screening list -------------------------------------------------------------


@dataclass(frozen=True)
class ScreeningRow:
    in_exhibitor_list: str
    name_zh: str
    name_en: str
    credit_code: str
    country: str
    booths: str
    matched_by: str
    other_names: str
    history: str
    infringing_editions: int
    streak: int
    rights: str
    exhibits: str
    highest: str
    bar_proposal: str
    recommended: str
    action: str


SCREENING_COLUMNS = (
    ("in_exhibitor_list", "本届参展", "In this edition's list", 12, "text"),
    ("name_zh", "展商名称", "Exhibitor (Chinese)", 30, "text"),
    ("name_en", "英文名称", "Exhibitor (English)", 30, "text"),
    ("credit_code", "信用代码/注册号", "Credit code / reg. no.", 22, "text"),
    ("country", "国家/地区", "Country / region", 10, "text"),
    ("booths", "展位", "Booths", 14, "text"),
    ("matched_by", "匹配依据", "Matched by", 14, "text"),
    ("other_names", "曾用名", "Earlier names", 28, "text"),
    ("history", "往届记录", "History (cases / found infringing)", 36, "text"),
    ("infringing_editions", "侵权届数", "Editions found infringing", 10, "int"),
    ("streak", "连续届数", "In a row", 8, "int"),
    ("rights", "涉及权利", "Rights involved", 30, "text"),
    ("exhibits", "涉嫌侵权展品", "Exhibits involved", 30, "text"),
    ("highest", "已采取最高措施", "Highest sanction reached", 22, "text"),
    ("bar_proposal", "建议禁展", "Propose bar", 10, "text"),
    ("recommended", "建议措施", "Recommended next step", 24, "text"),
    ("action", "展前排查建议", "Pre-fair screening action", 48, "text"),
)


def screening_action(entry: WatchEntry, rights: str, exhibits: str, in_list: bool) -> str:
    if entry.bar_proposal:
        text = "核实并拒绝参展（连续侵权）/ verify and refuse participation (repeat infringer)"
    else:
        text = "展前核查展品及权利证明 / check exhibits and IP certificates before opening"
    if rights:
        text += f"; 对照 / against {rights}"
    if exhibits:
        text += f"; 重点展品 / exhibits: {exhibits}"
    if in_list:
        text += "; 签署知识产权承诺书 / sign the IP commitment"
    return text


def screening_rows(ctx: Context, fair_code: str) -> list[ScreeningRow]:
    """The pre-fair screening list (展前排查) for an edition: every company on the watch
    list of the editions before it; those found in this edition's exhibitor list first."""
    ctx.require(Permission.EXPORT)
    with ctx.db.reading() as session:
        fair = fair_by_code(session, fair_code)
        fairs, history = earlier_history(session, fair)
        hits = _hits(session, fair)
        last = len(fairs) - 1
        seen_roots: set[int] = set()
        for ex_id_groups in (
            history.match(h.credit_code, name_keys(h.name_zh, h.name_en))[0] for h in hits
        ):
            seen_roots |= ex_id_groups
        others = [
            _entry(g, fairs, last) for root, g in history.groups.items() if root not in seen_roots
        ]
        others = sorted((e for e in others if _watched(e)), key=_sort_key)
        all_case_ids = [
            cid
            for entry in [h.entry for h in hits] + others
            for e in entry.editions
            for cid in e.case_ids
        ]
        rights, exhibits = _case_details(session, all_case_ids)
        rows: list[ScreeningRow] = []
        for entry, hit in [(h.entry, h) for h in hits] + [(e, None) for e in others]:
            ids = [cid for e in entry.editions for cid in e.case_ids]
            r = "; ".join(dict.fromkeys(x for cid in ids for x in rights.get(cid, [])))
            x = "; ".join(dict.fromkeys(x for cid in ids for x in exhibits.get(cid, [])))
            rows.append(
                ScreeningRow(
                    in_exhibitor_list="是 / yes" if hit else "否 / no",
                    name_zh=hit.name_zh if hit else entry.name_zh,
                    name_en=hit.name_en if hit else entry.name_en,
                    credit_code=(hit.credit_code if hit else "") or entry.credit_code,
                    country=hit.country if hit else entry.country,
                    booths=", ".join(hit.booths) if hit else "",
                    matched_by=hit.matched_by if hit else "",
                    other_names="; ".join(
                        n
                        for n in (*entry.other_names, entry.name)
                        if n
                        and (hit is None or n not in (hit.name_zh, hit.name_en))
                        and (hit is not None or n != entry.name)
                    ),
                    history="; ".join(
                        f"{e.fair_code}: {e.cases}/{e.infringing}" for e in entry.editions
                    ),
                    infringing_editions=entry.infringing_editions,
                    streak=entry.streak,
                    rights=r,
                    exhibits=x,
                    highest=entry.highest.label,
                    bar_proposal="是 / yes" if entry.bar_proposal else "",
                    recommended=entry.recommended.label,
                    action=screening_action(entry, r, x, hit is not None),
                )
            )
        return rows


def _case_details(
    session: Session, case_ids: list[int]
) -> tuple[dict[int, list[str]], dict[int, list[str]]]:
    from fairdesk.db.models import AccusedExhibit

    rights: dict[int, list[str]] = defaultdict(list)
    exhibits: dict[int, list[str]] = defaultdict(list)
    for chunk in _chunks(case_ids, 900):
        for case_id, ip_type, number in session.execute(
            select(RespondentCase.id, IPRight.ip_type, IPRight.number)
            .join(
                complaint_rights,
                complaint_rights.c.complaint_id == RespondentCase.complaint_id,
            )
            .join(IPRight, IPRight.id == complaint_rights.c.right_id)
            .where(RespondentCase.id.in_(chunk))
        ):
            rights[case_id].append(f"{number} ({ip_type})")
        for case_id, name in session.execute(
            select(AccusedExhibit.case_id, AccusedExhibit.name).where(
                AccusedExhibit.case_id.in_(chunk)
            )
        ):
            exhibits[case_id].append(name)
    return rights, exhibits


def screening_columns() -> tuple[Any, ...]:
    from fairdesk.exports.table import Column

    return tuple(Column(k, zh, en, w, kind) for k, zh, en, w, kind in SCREENING_COLUMNS)


def export_screening(ctx: Context, fair_code: str, path: Path) -> tuple[int, int]:
    """Write the pre-fair screening list to XLSX or CSV; return (rows, rows in the list)."""
    from fairdesk.domain.errors import InvalidInput
    from fairdesk.services.trust import audit

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise InvalidInput(
            "Cannot write the screening list to '{name}': use .xlsx or .csv.", name=path.name
        )
    rows = screening_rows(ctx, fair_code)
    columns = screening_columns()
    values = [tuple(getattr(r, c.key) for c in columns) for r in rows]
    if suffix == ".xlsx":
        from fairdesk.exports.xlsx import write_xlsx

        write_xlsx(
            path, columns, values, sheet="展前排查 Screening", title=f"Screening {fair_code}"
        )
    else:
        from fairdesk.exports.csv_file import write_csv

        write_csv(path, columns, values)
    in_list = sum(1 for r in rows if r.booths or r.matched_by)
    with ctx.db.writing() as session:
        fair = fair_by_code(session, fair_code)
        audit.record(
            session,
            ctx,
            "screening.export",
            "fair",
            fair.id,
            fair_id=fair.id,
            after={"file": path.name, "rows": len(rows), "in_list": in_list},
        )
    return len(rows), in_list
