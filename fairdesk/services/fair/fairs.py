"""Fair editions: set-up, listing, and the calendar their clocks run on.

`check_fair` holds the checks `create_fair` makes, field by field, so a form can show each
message next to its field before anything is saved (fair_setup.update_fair makes them too).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from fairdesk.db.models import Fair
from fairdesk.domain.calendar import FairCalendar, parse_hours
from fairdesk.domain.errors import InvalidInput, NotFound
from fairdesk.domain.permissions import Permission
from fairdesk.domain.rules import RuleSet, preset
from fairdesk.services.context import Context
from fairdesk.services.fair.fair_days import parse_day_hours
from fairdesk.services.trust import audit

CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$")


@dataclass(frozen=True)
class FairInfo:
    id: int
    code: str
    name: str
    name_en: str
    venue: str
    start_date: date
    end_date: date
    hours: str
    timezone: str
    rules: RuleSet
    halls: tuple[str, ...]
    version: int = 0  # for a form to save over exactly what it showed
    day_hours: tuple[tuple[str, str], ...] = ()  # (day, "HH:MM-HH:MM" or "" closed)
    center_address: str = ""
    center_phone: str = ""

    @classmethod
    def of(cls, fair: Fair) -> FairInfo:
        return cls(
            fair.id,
            fair.code,
            fair.name,
            fair.name_en,
            fair.venue,
            fair.start_date,
            fair.end_date,
            f"{fair.opening_time:%H:%M}-{fair.closing_time:%H:%M}",
            fair.timezone,
            RuleSet.from_dict(fair.rules),
            tuple(fair.halls.get("halls", [])),
            fair.version or 0,
            tuple(sorted((fair.day_hours or {}).items())),
            fair.center_address or "",
            fair.center_phone or "",
        )


def calendar_of(fair: Fair) -> FairCalendar:
    overrides: dict[date, Any] = {}
    for day, hours in (fair.day_hours or {}).items():
        overrides[date.fromisoformat(day)] = parse_hours(hours) if hours else None
    return FairCalendar(
        start=fair.start_date,
        end=fair.end_date,
        opening=fair.opening_time,
        closing=fair.closing_time,
        tz=fair.timezone,
        day_hours=overrides,
    )


def fair_by_code(session: Session, code: str) -> Fair:
    fair = session.scalar(select(Fair).where(Fair.code == code))
    if fair is None:
        known = session.scalars(select(Fair.code).order_by(Fair.start_date.desc())).all()
        if known:
            raise NotFound(
                "There is no fair with the code '{code}'. Known fairs: {known}.",
                code=code,
                known=tuple(known),
            )
        raise NotFound("There is no fair with the code '{code}'. No fair is set up yet.", code=code)
    return fair


def snapshot(fair: Fair) -> dict[str, Any]:
    return {
        "code": fair.code,
        "name": fair.name,
        "name_en": fair.name_en,
        "venue": fair.venue,
        "start_date": fair.start_date,
        "end_date": fair.end_date,
        "hours": f"{fair.opening_time:%H:%M}-{fair.closing_time:%H:%M}",
        "timezone": fair.timezone,
        "rules": fair.rules,
        "halls": fair.halls,
        "day_hours": fair.day_hours,
        "center_address": fair.center_address,
        "center_phone": fair.center_phone,
    }


MAX_TEXT_CHARS = 300  # fairs.name, name_en and venue columns
# The order a form shows them in, and the order messages are reported in.
FIELDS = (
    "code",
    "name",
    "name_en",
    "venue",
    "center_address",
    "center_phone",
    "dates",
    "hours",
    "day_hours",
    "timezone",
    "rules",
)
MAX_PHONE_CHARS = 100  # fairs.center_phone


@dataclass(frozen=True)
class FairFields:
    """What a fair form holds, as typed."""

    code: str
    name: str
    start: date
    end: date
    hours: str
    timezone: str = "Asia/Shanghai"
    name_en: str = ""
    venue: str = ""
    day_hours: str = ""  # one day a line: "2026-11-05 13:00-17:00" (fair_days)
    center_address: str = ""  # the service center's, printed on every document
    center_phone: str = ""


def parse_halls(text: str) -> list[str]:
    """Halls typed as a list: "4.1, 4.2，5.1、N1" -> ["4.1", "4.2", "5.1", "N1"] (in order,
    without blanks or repeats)."""
    normal = unicodedata.normalize("NFKC", text)
    for sep in ("、", ";", "\n"):
        normal = normal.replace(sep, ",")
    return list(dict.fromkeys(part.strip() for part in normal.split(",") if part.strip()))


def check_fair(fields: FairFields) -> dict[str, str]:
    """field -> the message `create_fair` would raise for it; empty when all is well."""
    return {f: str(err) for f, err in check_fair_errors(fields).items()}


def check_fair_errors(fields: FairFields) -> dict[str, InvalidInput]:
    """field -> the error `create_fair` would raise for it (as `check_fair`, but errors a
    screen can translate with `fairdesk.i18n.error_text`); empty when all is well."""
    errors = {**_text_errors(fields), **_calendar_errors(fields)}
    return {f: errors[f] for f in FIELDS if f in errors}


def _text_errors(fields: FairFields) -> dict[str, InvalidInput]:
    """The code, names, venue and the service center's contact: present and not too long."""
    errors: dict[str, InvalidInput] = {}
    code = fields.code.strip()
    if not code:
        errors["code"] = InvalidInput("The fair needs a code (for example CIIE2026).")
    elif not CODE_PATTERN.match(code):
        errors["code"] = InvalidInput(
            "The fair code '{code}' must be 1-32 letters, digits, '.', '_' or '-' "
            "(for example CIIE2026).",
            code=code,
        )
    if not fields.name.strip():
        errors["name"] = InvalidInput("The fair needs a name.")
    if "name" not in errors and len(fields.name.strip()) > MAX_TEXT_CHARS:
        errors["name"] = InvalidInput(
            "The fair's name is longer than {limit} characters.", limit=MAX_TEXT_CHARS
        )
    if len(fields.name_en.strip()) > MAX_TEXT_CHARS:
        errors["name_en"] = InvalidInput(
            "The fair's English name is longer than {limit} characters.", limit=MAX_TEXT_CHARS
        )
    if len(fields.venue.strip()) > MAX_TEXT_CHARS:
        errors["venue"] = InvalidInput(
            "The fair's venue is longer than {limit} characters.", limit=MAX_TEXT_CHARS
        )
    if len(fields.center_address.strip()) > MAX_TEXT_CHARS:
        errors["center_address"] = InvalidInput(
            "The service center's address is longer than {limit} characters.",
            limit=MAX_TEXT_CHARS,
        )
    if len(fields.center_phone.strip()) > MAX_PHONE_CHARS:
        errors["center_phone"] = InvalidInput(
            "The service center's telephone is longer than {limit} characters.",
            limit=MAX_PHONE_CHARS,
        )
    return errors


def _calendar_errors(fields: FairFields) -> dict[str, InvalidInput]:
    """The time zone, opening hours, dates and the days with other hours."""
    errors: dict[str, InvalidInput] = {}
    try:
        ZoneInfo(fields.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        errors["timezone"] = InvalidInput(
            "'{timezone}' is not a known time zone (e.g. Asia/Shanghai).",
            timezone=fields.timezone,
        )
    try:
        opening, closing = parse_hours(fields.hours)
    except ValueError as exc:
        # The calendar's own words (a ValueError), passed on as they are.
        errors["hours"] = InvalidInput("{problem}", problem=str(exc))
        opening, closing = time(0, 0), time(23, 59)  # the dates are checked all the same
    try:
        FairCalendar(fields.start, fields.end, opening, closing)
    except ValueError as exc:
        errors["dates"] = InvalidInput("{problem}", problem=str(exc))
    if "dates" not in errors:
        try:
            days = parse_day_hours(fields.day_hours, fields.start, fields.end)
            FairCalendar(
                fields.start,
                fields.end,
                opening,
                closing,
                day_hours={
                    date.fromisoformat(d): parse_hours(h) if h else None for d, h in days.items()
                },
            )
        except InvalidInput as exc:
            errors["day_hours"] = exc
        except ValueError as exc:  # every day closed
            errors["day_hours"] = InvalidInput("{problem}", problem=str(exc))
    return errors


def _new_fair(
    fields: FairFields, rules: str | RuleSet, edition: int | None, halls: list[str], now: datetime
) -> Fair:
    """The fair's row from checked fields; an unknown rule set, or dates and hours that do
    not make a calendar, are refused in the words of the rules and the calendar."""
    try:
        opening, closing = parse_hours(fields.hours)
        rule_set = preset(rules) if isinstance(rules, str) else rules
        fair = Fair(
            code=fields.code,
            name=fields.name.strip(),
            name_en=fields.name_en.strip(),
            edition=edition,
            venue=fields.venue.strip(),
            start_date=fields.start,
            end_date=fields.end,
            timezone=fields.timezone,
            opening_time=opening,
            closing_time=closing,
            day_hours=parse_day_hours(fields.day_hours, fields.start, fields.end),
            center_address=fields.center_address.strip(),
            center_phone=fields.center_phone.strip(),
            halls={"halls": list(halls)},
            rules=rule_set.to_dict(),
            created_at=now,
        )
        calendar_of(fair)  # validates dates and hours together
    except ValueError as exc:
        raise InvalidInput("{problem}", problem=str(exc)) from None
    return fair


def create_fair(
    ctx: Context,
    code: str,
    name: str,
    start: date,
    end: date,
    *,
    hours: str = "09:00-17:00",
    rules: str | RuleSet = "cnipa-24h",
    name_en: str = "",
    venue: str = "",
    edition: int | None = None,
    timezone: str = "Asia/Shanghai",
    halls: list[str] | None = None,
    day_hours: str = "",
    center_address: str = "",
    center_phone: str = "",
) -> FairInfo:
    """A new fair edition; `day_hours` as fair_days reads it (one day a line)."""
    ctx.require(Permission.SET_UP_FAIR)
    code = code.strip()
    fields = FairFields(
        code,
        name,
        start,
        end,
        hours,
        timezone,
        name_en,
        venue,
        day_hours,
        center_address,
        center_phone,
    )
    errors = check_fair_errors(fields)
    if errors:
        raise next(iter(errors.values()))
    fair = _new_fair(fields, rules, edition, halls or [], ctx.now())
    try:
        with ctx.db.writing() as session:
            session.add(fair)
            session.flush()
            audit.record(
                session, ctx, "fair.create", "fair", fair.id, after=snapshot(fair), fair_id=fair.id
            )
    except IntegrityError:
        raise InvalidInput("A fair with the code '{code}' already exists.", code=code) from None
    return FairInfo.of(fair)


def already_over(fair: FairInfo, now: datetime) -> InvalidInput | None:
    """A warning, when a fair being set up has already closed (its dates copied from an
    example, say): its clocks would all be due at once. None for a fair not over yet."""
    zone = ZoneInfo(fair.timezone)
    closing = time.fromisoformat(fair.hours.split("-")[1])
    close = datetime.combine(fair.end_date, closing, tzinfo=zone)
    if now.astimezone(zone) < close:
        return None
    return InvalidInput(
        "The fair {code} closed on {end}, before today ({today}): every deadline of its "
        "cases would fall due at once. Check its dates.",
        code=fair.code,
        end=fair.end_date.isoformat(),
        today=now.astimezone(zone).date().isoformat(),
    )


def list_fairs(ctx: Context) -> list[FairInfo]:
    ctx.require(Permission.VIEW)
    with ctx.db.reading() as session:
        fairs = session.scalars(select(Fair).order_by(Fair.start_date.desc(), Fair.code)).all()
        return [FairInfo.of(f) for f in fairs]


def get_fair(ctx: Context, code: str) -> FairInfo:
    ctx.require(Permission.VIEW)
    with ctx.db.reading() as session:
        return FairInfo.of(fair_by_code(session, code))


def fair_close(fair: Fair) -> datetime:
    return calendar_of(fair).fair_close()
