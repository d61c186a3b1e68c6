"""The hall board: every booth of a hall with the state of its cases and patrol findings.

Each booth gets one state, the most urgent that applies:

=================  =========================================================================
violation          a re-check failed or the case was escalated, or a patrol found the
                   measure violated while a case is open
recheck_due        a re-check is due (RECHECK_DUE, or a measure whose re-check time passed)
measure_ordered    a measure ordered, re-check not yet due
open_case          any other open respondent case (infringement found, no measure yet)
suspected          a patrol noted a suspected infringement or marking issue, no case yet
(empty)            nothing open
=================  =========================================================================

Booths are laid out as a grid from their numbers (`grid_layout`), or placed on the
organizer's floor-plan image from a CSV of positions (`read_positions`); the plan files
of a fair live in `data_dir()/floorplans/<FAIR>/<hall>.png|.jpg` and `<hall>.csv`.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, NoReturn

from sqlalchemy import Select, and_, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from fairdesk.config import data_dir
from fairdesk.db.models import (
    Booth,
    BoothVisit,
    ClockDue,
    Exhibitor,
    PatrolRound,
    RespondentCase,
)
from fairdesk.domain import booth_board as domain
from fairdesk.domain import vocabulary as v
from fairdesk.domain.enums import TERMINAL_CASE_STATES, ClockKind, Finding
from fairdesk.domain.errors import InvalidInput
from fairdesk.domain.normalize import hall_from_booth, normalize_booth, normalize_hall
from fairdesk.domain.permissions import Permission
from fairdesk.services.context import Context
from fairdesk.services.fair.fairs import fair_by_code
from fairdesk.services.inspection.evidence import safe_name

VIOLATION = domain.VIOLATION
RECHECK_DUE = domain.RECHECK_DUE
MEASURE_ORDERED = domain.MEASURE_ORDERED
OPEN_CASE = domain.OPEN_CASE
SUSPECTED = domain.SUSPECTED
CLEAR = domain.CLEAR
STATES = domain.URGENCY
# (Chinese, English, short label printed in the booth's square), from the vocabulary.
STATE_LABELS: dict[str, tuple[str, str, str]] = {
    code: (w.zh if code else "", w.en, w.paper_en.strip()) for code, w in v.BOOTH_STATES.items()
}
_SUSPICIOUS = {Finding.SUSPECTED_INFRINGEMENT, Finding.PATENT_MARKING}
_TERMINAL = [str(s) for s in TERMINAL_CASE_STATES]


def running_recheck_clock() -> ColumnElement[bool]:
    """The join of a case to its running re-check clock (the re-check's due time)."""
    return and_(
        ClockDue.case_id == RespondentCase.id,
        ClockDue.kind == ClockKind.RECHECK,
        ClockDue.status == "running",
    )


@dataclass(frozen=True)
class BoothCell:
    booth: str
    hall: str
    exhibitors: tuple[str, ...]
    state: str
    case_numbers: tuple[str, ...]
    recheck_due_at: datetime | None = None
    last_finding: str = ""
    last_visit_at: datetime | None = None

    @property
    def label(self) -> str:
        return STATE_LABELS[self.state][2]


@dataclass(frozen=True)
class BoothPosition:
    booth: str
    x: float
    y: float
    w: float
    h: float


@dataclass
class GridLayout:
    rows: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    cells: dict[tuple[int, int], str] = field(default_factory=dict)
    compact: bool = False  # columns only count; the squares name their booths


def booth_state(
    case_states: Iterable[tuple[str, datetime | None]],
    last_finding: str,
    last_visit_has_case: bool,
    now: datetime,
) -> str:
    """The board's state of one booth from its open cases and its latest visit."""
    states = [domain.of_case(s, due is not None and due <= now) for s, due in case_states]
    if states and last_finding == Finding.MEASURE_VIOLATED:
        states.append(VIOLATION)  # the patrol saw an open case's measure not carried out
    if not states and last_finding in _SUSPICIOUS and not last_visit_has_case:
        states.append(SUSPECTED)
    return domain.most_urgent(states)


def hall_board(ctx: Context, fair_code: str, hall: str) -> list[BoothCell]:
    """Every booth of the hall (from the exhibitor list, plus any booth with a case or a
    visit there), with its state, open cases and latest patrol finding."""
    ctx.require(Permission.VIEW)
    hall = normalize_hall(hall)
    now = ctx.now()
    with ctx.db.reading() as session:
        fair = fair_by_code(session, fair_code)
        names = _exhibitor_names(session, fair.id, hall)
        in_hall = select(Booth.booth_no).where(Booth.fair_id == fair.id, Booth.hall == hall)
        cases = _open_cases(session, fair.id, hall, in_hall)
        visits = _latest_visits(session, fair.id, hall, in_hall)
        elsewhere = _booths_of_other_halls(
            session, fair.id, hall, (set(cases) | set(visits)) - set(names)
        )
    cells = []
    for booth in sorted(set(names) | (set(cases) | set(visits)) - elsewhere):
        open_cases = cases.get(booth, [])
        last_finding, last_at, linked = visits.get(booth, ("", None, False))
        dues = [due for _, _, due in open_cases if due is not None]
        cells.append(
            BoothCell(
                booth,
                hall,
                tuple(names.get(booth, ())),
                booth_state([(s, d) for _, s, d in open_cases], last_finding, linked, now),
                tuple(n for n, _, _ in open_cases),
                min(dues) if dues else None,
                last_finding,
                last_at,
            )
        )
    return cells


_Cases = dict[str, list[tuple[str, str, datetime | None]]]
_Visits = dict[str, tuple[str, datetime | None, bool]]


def _exhibitor_names(session: Session, fair_id: int, hall: str) -> dict[str, list[str]]:
    """Each booth of the hall's exhibitor list with its exhibitors' names."""
    names: dict[str, list[str]] = {}
    for booth, zh, en in session.execute(
        select(Booth.booth_no, Exhibitor.name_zh, Exhibitor.name_en)
        .join(Exhibitor, Exhibitor.id == Booth.exhibitor_id)
        .where(Booth.fair_id == fair_id, Booth.hall == hall)
        .order_by(Booth.booth_no, Exhibitor.id)
    ):
        names.setdefault(booth, []).append(zh or en)
    return names


def _open_cases(session: Session, fair_id: int, hall: str, in_hall: Select[Any]) -> _Cases:
    """Each booth's open cases (number, state, re-check due), in the hall or at its booths."""
    cases: _Cases = {}
    for number, state, booth, due in session.execute(
        select(
            RespondentCase.number,
            RespondentCase.state,
            RespondentCase.booth_no,
            ClockDue.due_at,
        )
        .outerjoin(ClockDue, running_recheck_clock())
        .where(
            RespondentCase.fair_id == fair_id,
            RespondentCase.state.not_in(_TERMINAL),
            or_(RespondentCase.hall == hall, RespondentCase.booth_no.in_(in_hall)),
        )
        .order_by(RespondentCase.number)
    ):
        cases.setdefault(booth, []).append((number, state, due))
    return cases


def _latest_visits(session: Session, fair_id: int, hall: str, in_hall: Select[Any]) -> _Visits:
    """Each booth's latest patrol visit: its finding, when, and whether it opened a case."""
    visits: _Visits = {}
    for booth, finding, at, case_id in session.execute(
        select(BoothVisit.booth_no, BoothVisit.finding, BoothVisit.visited_at, BoothVisit.case_id)
        .join(PatrolRound, PatrolRound.id == BoothVisit.round_id)
        .where(
            BoothVisit.fair_id == fair_id,
            BoothVisit.booth_no != "",
            or_(PatrolRound.hall == hall, BoothVisit.booth_no.in_(in_hall)),
        )
        .order_by(BoothVisit.visited_at, BoothVisit.id)
    ):
        visits[booth] = (finding, at, case_id is not None)  # the latest wins
    return visits


def _booths_of_other_halls(session: Session, fair_id: int, hall: str, booths: set[str]) -> set[str]:
    """Of booths seen in this hall's cases or rounds but not in its exhibitor list, those
    that belong to another hall: listed there, or numbered there ("5.1B02" is hall 5.1).
    A visit logged on a round of this hall does not move a booth onto this hall's board."""
    if not booths:
        return set()
    listed = set(
        session.scalars(
            select(Booth.booth_no).where(
                Booth.fair_id == fair_id,
                Booth.booth_no.in_(sorted(booths)),
                Booth.hall != hall,
                Booth.hall != "",
            )
        )
    )
    numbered = {b for b in booths if hall_from_booth(b) not in ("", hall)}
    return listed | numbered


# -- laying booths out ------------------------------------------------------------------------

_BOOTH_PARTS = re.compile(r"^(?P<row>.*?)-?(?P<col>\d+)$")


def _natural(text: str) -> list[tuple[int, int | str]]:
    return [(0, int(p)) if p.isdigit() else (1, p) for p in re.findall(r"\d+|\D+", text)]


def grid_layout(
    booths: Iterable[str], hall: str = "", compact: bool | None = None, width: int | None = None
) -> GridLayout:
    """Rows and columns read from booth numbers: "4.1A01" in hall 4.1 is row A, column 01.

    `compact` is for halls whose numbers are sparse ("1.1A3-05", "1.1A7-41", ...): booths
    are grouped by their row letters (A, B, ...), in number order, wrapped at a width
    that keeps the board about twice as wide as high; the squares then show the booth
    numbers, the columns only count. By default it is chosen when fewer than half of the
    squares of the exact grid would hold a booth. `width` fixes the compact grid's number
    of columns (a screen passes what fits its width).
    """
    parsed: dict[str, list[tuple[int, str]]] = {}
    other: list[str] = []
    prefix = normalize_booth(hall)
    for booth in booths:
        rest = booth[len(prefix) :] if prefix and booth.startswith(prefix) else booth
        match = _BOOTH_PARTS.match(rest)
        if match is None:
            other.append(booth)
            continue
        parsed.setdefault(match["row"] or "·", []).append((int(match["col"]), booth))
    rows = sorted(parsed, key=_natural)
    numbers = sorted({n for items in parsed.values() for n, _ in items})
    filled = sum(len(v) for v in parsed.values())
    if compact is None:
        compact = bool(rows) and filled < 0.5 * len(rows) * max(1, len(numbers))
    layout = GridLayout(compact=compact)
    if compact:
        _fill_compact(layout, parsed, rows, width, filled + len(other))
    else:
        _fill_exact(layout, parsed, rows, numbers, len(other))
    if other:
        across = max(1, len(layout.columns))
        for i, booth in enumerate(sorted(other, key=_natural)):
            if i % across == 0:
                layout.rows.append("…" if i else "other")
            layout.cells[(len(layout.rows) - 1, i % across)] = booth
    return layout


def _fill_compact(
    layout: GridLayout,
    parsed: dict[str, list[tuple[int, str]]],
    rows: list[str],
    width: int | None,
    count: int,
) -> None:
    """Booths grouped by their row letters, in number order, wrapped at `width`."""
    groups: dict[str, list[str]] = {}
    for row in rows:
        letters = re.match(r"^[^\d]+", row)
        key = letters.group(0) if letters else row
        groups.setdefault(key, []).extend(
            b for _, b in sorted(parsed[row], key=lambda item: _natural(item[1]))
        )
    if width is None:
        width = max(6, min(24, math.ceil(math.sqrt(2 * count))))
    width = max(1, width)
    layout.columns = [str(i + 1) for i in range(width)]
    for key in sorted(groups, key=_natural):
        for i, booth in enumerate(groups[key]):
            if i % width == 0:
                layout.rows.append(key if i == 0 else f"{key} …")
            layout.cells[(len(layout.rows) - 1, i % width)] = booth


def _fill_exact(
    layout: GridLayout,
    parsed: dict[str, list[tuple[int, str]]],
    rows: list[str],
    numbers: list[int],
    others: int,
) -> None:
    """One row per row letter, one column per booth number."""
    layout.rows = list(rows)
    layout.columns = [f"{n:02d}" for n in numbers]
    index = {n: i for i, n in enumerate(numbers)}
    for r, row in enumerate(rows):
        for n, booth in parsed[row]:
            layout.cells[(r, index[n])] = booth
    if len(layout.columns) < min(others, 20):
        layout.columns += [""] * (min(others, 20) - len(layout.columns))


_HEADERS = {
    "booth": ("booth", "booth_no", "stand", "展位", "展位号"),
    "x": ("x", "left"),
    "y": ("y", "top"),
    "w": ("w", "width", "宽"),
    "h": ("h", "height", "高"),
}


def read_positions(text: str) -> list[BoothPosition]:
    """Booth positions on a floor-plan image, from CSV: booth,x,y,w,h in image pixels.

    Comma, semicolon or tab separated, with a header row (booth/展位号, x, y, w/width,
    h/height); booth numbers are normalised. Every bad row is reported with its line.
    """
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise InvalidInput("The booth position file is empty.")
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
            text.splitlines()[0], delimiters=",;\t"
        )
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    columns = _position_columns([h.strip().lower() for h in next(reader)])
    out, problems = _positions(reader, columns)
    if problems:
        _refuse_positions(problems)
    if not out:
        raise InvalidInput("The booth position file lists no booths.")
    return out


def _position_columns(header: list[str]) -> dict[str, int]:
    """Where each of booth, x, y, w, h is in the header row; refused when one is missing."""
    columns: dict[str, int] = {}
    for key, aliases in _HEADERS.items():
        found = [i for i, h in enumerate(header) if h in aliases]
        if not found and not header:
            raise InvalidInput(
                "The booth position file needs a '{column}' column; its header is "
                "(empty) (expected booth,x,y,w,h).",
                column=key,
            )
        if not found:
            raise InvalidInput(
                "The booth position file needs a '{column}' column; its header is "
                "{header} (expected booth,x,y,w,h).",
                column=key,
                header=tuple(header),
            )
        columns[key] = found[0]
    return columns


def _positions(
    reader: Iterator[list[str]], columns: dict[str, int]
) -> tuple[list[BoothPosition], list[str]]:
    """The rows read as positions, and what is wrong with the others (with their lines)."""
    out: list[BoothPosition] = []
    problems: list[str] = []
    seen: set[str] = set()
    for line, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        try:
            booth = normalize_booth(row[columns["booth"]])
            x, y, w, h = (float(row[columns[k]].replace(",", ".")) for k in "xywh")
        except (IndexError, ValueError):
            problems.append(f"line {line}: needs a booth and four numbers")
            continue
        if not booth:
            problems.append(f"line {line}: the booth number is empty")
        elif w <= 0 or h <= 0 or min(x, y) < 0:
            problems.append(f"line {line}: {booth} needs a positive width and height")
        elif booth in seen:
            problems.append(f"line {line}: {booth} is listed twice")
        else:
            seen.add(booth)
            out.append(BoothPosition(booth, x, y, w, h))
    return out, problems


def _refuse_positions(problems: list[str]) -> NoReturn:
    """The first five problems, and how many more there are."""
    shown = "; ".join(problems[:5])
    if len(problems) > 5:
        raise InvalidInput(
            "The booth position file has errors: {problems} (and {more} more).",
            problems=shown,
            more=len(problems) - 5,
        )
    raise InvalidInput("The booth position file has errors: {problems}.", problems=shown)


def floor_plan_folder(fair_code: str, root: Path | None = None) -> Path:
    return (root or data_dir()) / "floorplans" / safe_name(fair_code)


def floor_plan_files(
    fair_code: str, hall: str, root: Path | None = None
) -> tuple[Path, Path] | None:
    """The (image, positions CSV) of a hall's floor plan, when both are there."""
    folder = floor_plan_folder(fair_code, root)
    stem = safe_name(normalize_hall(hall) or hall)
    positions = folder / f"{stem}.csv"
    for ext in (".png", ".jpg", ".jpeg"):
        image = folder / f"{stem}{ext}"
        if image.is_file() and positions.is_file():
            return image, positions
    return None
