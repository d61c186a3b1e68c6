"""Editing a fair edition after it was set up: names, dates, hours, halls and rule set.

`check_fair` holds the checks `create_fair` makes, field by field, so a form can show each
message next to its field before anything is saved; `update_fair` makes the same checks,
and more (the fair's own closed days must still fall inside its dates).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, time
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func, select
from sqlalchemy.orm.exc import StaleDataError

from fairdesk.db.models import Complaint
from fairdesk.domain.calendar import FairCalendar, parse_hours
from fairdesk.domain.errors import ConcurrentEdit, InvalidInput, MissingRequirement
from fairdesk.domain.permissions import Permission
from fairdesk.domain.rules import RuleSet, preset
from fairdesk.services import audit
from fairdesk.services.context import Context
from fairdesk.services.fairs import CODE_PATTERN, FairInfo, _snapshot, calendar_of, fair_by_code

__all__ = [
    "FIELDS",
    "MAX_TEXT_CHARS",
    "FairFields",
    "check_fair",
    "count_fair_complaints",
    "parse_halls",
    "update_fair",
]

MAX_TEXT_CHARS = 300  # fairs.name, name_en and venue columns
# The order a form shows them in, and the order messages are reported in.
FIELDS = ("code", "name", "name_en", "venue", "dates", "hours", "timezone", "rules")
_TEXT_LABELS = {"name": "name", "name_en": "English name", "venue": "venue"}


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


def parse_halls(text: str) -> list[str]:
    """Halls typed as a list: "4.1, 4.2，5.1、N1" -> ["4.1", "4.2", "5.1", "N1"] (in order,
    without blanks or repeats)."""
    normal = unicodedata.normalize("NFKC", text)
    for sep in ("、", ";", "\n"):
        normal = normal.replace(sep, ",")
    return list(dict.fromkeys(part.strip() for part in normal.split(",") if part.strip()))


def check_fair(fields: FairFields) -> dict[str, str]:
    """field -> the message `create_fair` would raise for it; empty when all is well."""
    errors: dict[str, str] = {}
    code = fields.code.strip()
    if not CODE_PATTERN.match(code):
        errors["code"] = (
            f"The fair code '{code}' must be 1-32 letters, digits, '.', '_' or '-' "
            "(for example CIIE2026)."
        )
    if not fields.name.strip():
        errors["name"] = "The fair needs a name."
    for field, label in _TEXT_LABELS.items():
        if field not in errors and len(getattr(fields, field).strip()) > MAX_TEXT_CHARS:
            errors[field] = f"The fair's {label} is longer than {MAX_TEXT_CHARS} characters."
    try:
        ZoneInfo(fields.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        errors["timezone"] = f"'{fields.timezone}' is not a known time zone (e.g. Asia/Shanghai)."
    try:
        opening, closing = parse_hours(fields.hours)
    except ValueError as exc:
        errors["hours"] = str(exc)
        opening, closing = time(0, 0), time(23, 59)  # the dates are checked all the same
    try:
        FairCalendar(fields.start, fields.end, opening, closing)
    except ValueError as exc:
        errors["dates"] = str(exc)
    return {f: errors[f] for f in FIELDS if f in errors}


def count_fair_complaints(ctx: Context, code: str) -> int:
    """Complaints registered at the fair (a form asks for a reason before changing it)."""
    ctx.require(Permission.VIEW)
    with ctx.db.reading() as session:
        fair = fair_by_code(session, code)
        return (
            session.scalar(
                select(func.count()).select_from(Complaint).where(Complaint.fair_id == fair.id)
            )
            or 0
        )


_CLOCK_FIELDS = ("start_date", "end_date", "hours", "timezone", "rules", "day_hours")


def update_fair(
    ctx: Context,
    code: str,
    *,
    name: str | None = None,
    name_en: str | None = None,
    venue: str | None = None,
    start: date | None = None,
    end: date | None = None,
    hours: str | None = None,
    timezone: str | None = None,
    halls: list[str] | None = None,
    rules: str | RuleSet | None = None,
    reason: str = "",
) -> FairInfo:
    """Change a fair's set-up; None leaves a field as it is. Checked like `create_fair`;
    once the fair has complaints a reason is required. Running deadline clocks follow new
    dates, hours, time zone or rules. The change is audited with before and after."""
    from fairdesk.services.clocks import refresh_fair_clocks  # clocks depend on fairs

    ctx.require(Permission.SET_UP_FAIR)
    with ctx.db.writing() as session:
        fair = fair_by_code(session, code)
        current = FairInfo.of(fair)
        wanted = FairFields(
            code=fair.code,
            name=current.name if name is None else name,
            name_en=current.name_en if name_en is None else name_en,
            venue=current.venue if venue is None else venue,
            start=current.start_date if start is None else start,
            end=current.end_date if end is None else end,
            hours=current.hours if hours is None else hours,
            timezone=current.timezone if timezone is None else timezone.strip(),
        )
        errors = check_fair(wanted)
        if errors:
            raise InvalidInput(" ".join(errors.values()))
        try:
            rule_set = preset(rules) if isinstance(rules, str) else rules
        except ValueError as exc:
            raise InvalidInput(str(exc)) from None

        before = _snapshot(fair)
        opening, closing = parse_hours(wanted.hours)
        changes: dict[str, Any] = {
            "name": wanted.name.strip(),
            "name_en": wanted.name_en.strip(),
            "venue": wanted.venue.strip(),
            "start_date": wanted.start,
            "end_date": wanted.end,
            "opening_time": opening,
            "closing_time": closing,
            "timezone": wanted.timezone,
        }
        if halls is not None:
            changes["halls"] = {"halls": parse_halls(",".join(halls))}
        if rule_set is not None:
            changes["rules"] = rule_set.to_dict()
        for attr, value in changes.items():
            if getattr(fair, attr) != value:
                setattr(fair, attr, value)
        try:
            calendar_of(fair)  # the fair's own day overrides must fit the new dates
        except ValueError as exc:
            raise InvalidInput(str(exc)) from None
        after = _snapshot(fair)
        changed = [k for k in after if after[k] != before[k]]
        if not changed:
            return current

        complaints = session.scalar(
            select(func.count()).select_from(Complaint).where(Complaint.fair_id == fair.id)
        )
        if complaints and not reason.strip():
            raise MissingRequirement(
                f"The fair already has {complaints} complaint(s): say why you change its "
                "set-up (the reason is kept in the audit trail)."
            )
        try:
            session.flush()
        except StaleDataError:
            raise ConcurrentEdit(
                f"The fair {fair.code} was changed at another desk at the same moment; "
                "reopen it and apply your change again."
            ) from None
        audit.record(
            session,
            ctx,
            "fair.update",
            "fair",
            fair.id,
            before={k: before[k] for k in changed},
            after={k: after[k] for k in changed},
            reason=reason.strip(),
            fair_id=fair.id,
        )
        if any(k in _CLOCK_FIELDS for k in changed):
            refresh_fair_clocks(session, fair, ctx.now())
        return FairInfo.of(fair)
