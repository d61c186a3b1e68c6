"""Opening hours that differ on particular days (a short opening day after the ceremony,
an early close on the last day, a day closed), typed in the fair's set-up one day a line:

    2026-11-05 13:00-17:00
    2026-11-10 09:00-15:00
    2026-11-08 closed

Stored on the fair as {"2026-11-05": "13:00-17:00", "2026-11-08": ""} ("" for closed),
which `fairs.calendar_of` reads. Every problem is one translatable message naming the line.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import date

from fairdesk.domain.calendar import parse_hours
from fairdesk.domain.errors import InvalidInput

CLOSED_WORDS = frozenset({"closed", "闭馆", "休馆", "不开放"})
_LINE = re.compile(r"(\d{4}-\d{1,2}-\d{1,2})\s*(.*)")


def parse_day_hours(text: str, start: date, end: date) -> dict[str, str]:
    """The typed lines as stored; InvalidInput names the first line that is wrong."""
    out: dict[str, str] = {}
    for number, raw in enumerate(text.splitlines(), 1):
        line = unicodedata.normalize("NFKC", raw).strip()
        if not line:
            continue
        match = _LINE.fullmatch(line)
        day = _day(match.group(1)) if match else None
        if match is None or day is None:
            raise InvalidInput(
                "Line {line}: write a day and its hours, e.g. 2026-11-05 13:00-17:00, "
                "or the day and 'closed'.",
                line=number,
            )
        if not start <= day <= end:
            raise InvalidInput(
                "Line {line}: {day} is not a day of the fair ({start} to {end}).",
                line=number,
                day=day.isoformat(),
                start=start.isoformat(),
                end=end.isoformat(),
            )
        if day.isoformat() in out:
            raise InvalidInput("Line {line}: {day} is given twice.", line=number, day=day)
        hours = match.group(2).strip()
        out[day.isoformat()] = "" if hours.lower() in CLOSED_WORDS else _hours(hours, number)
    return out


def _day(text: str) -> date | None:
    try:
        year, month, day = (int(x) for x in text.split("-"))
        return date(year, month, day)
    except ValueError:
        return None


def _hours(text: str, number: int) -> str:
    try:
        opening, closing = parse_hours(text)
    except ValueError:
        times = re.findall(r"\d{1,2}:\d{2}", text)
        if len(times) == 2 and times[1].zfill(5) <= times[0].zfill(5):
            raise InvalidInput(
                "Line {line}: the closing time {closing} is not after the opening time {opening}.",
                line=number,
                opening=times[0],
                closing=times[1],
            ) from None
        raise InvalidInput(
            "Line {line}: the hours must look like 09:00-17:00 (or 'closed'), not '{hours}'.",
            line=number,
            hours=text,
        ) from None
    return f"{opening:%H:%M}-{closing:%H:%M}"


def day_hours_text(day_hours: Mapping[str, str], closed: str = "closed") -> str:
    """The stored days as the set-up shows them, one a line, in date order (`closed`: the
    screen's word for a closed day)."""
    return "\n".join(f"{day} {hours or closed}" for day, hours in sorted((day_hours or {}).items()))
