"""Editing a fair edition after it was set up: names, dates, hours, halls and rule set.

`check_fair` holds the checks `create_fair` makes, field by field, so a form can show each
message next to its field before anything is saved; `update_fair` makes the same checks,
and more (the fair's own closed days must still fall inside its dates).
"""

from __future__ import annotations

from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from fairdesk.db.models import AuditEvent, Complaint, Fair
from fairdesk.domain.calendar import parse_hours
from fairdesk.domain.errors import ConcurrentEdit, InvalidInput, MissingRequirement
from fairdesk.domain.permissions import Permission
from fairdesk.domain.rules import RuleSet, preset
from fairdesk.services.casework.clocks import refresh_fair_clocks
from fairdesk.services.context import Context
from fairdesk.services.fair.fair_days import day_hours_text, parse_day_hours
from fairdesk.services.fair.fairs import (
    FIELDS,
    MAX_TEXT_CHARS,
    FairFields,
    FairInfo,
    calendar_of,
    check_fair,
    check_fair_errors,
    fair_by_code,
    parse_halls,
    snapshot,
)
from fairdesk.services.trust import audit

__all__ = [
    "FIELDS",
    "MAX_TEXT_CHARS",
    "FairFields",
    "check_fair",
    "check_fair_errors",
    "count_fair_complaints",
    "parse_halls",
    "update_fair",
]


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
    expected_version: int | None = None,
    day_hours: str | None = None,
    center_address: str | None = None,
    center_phone: str | None = None,
) -> FairInfo:
    """Change a fair's set-up; None leaves a field as it is. Checked like `create_fair`;
    once the fair has complaints a reason is required. Running deadline clocks follow new
    dates, hours, time zone or rules. The change is audited with before and after."""

    ctx.require(Permission.SET_UP_FAIR)
    with ctx.db.writing() as session:
        fair = fair_by_code(session, code)
        _check_version(session, fair, expected_version)
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
            day_hours=(day_hours_text(dict(current.day_hours)) if day_hours is None else day_hours),
            center_address=current.center_address if center_address is None else center_address,
            center_phone=current.center_phone if center_phone is None else center_phone,
        )
        _refuse_errors(wanted)
        before = snapshot(fair)
        for attr, value in _columns(wanted, halls, rules).items():
            if getattr(fair, attr) != value:
                setattr(fair, attr, value)
        try:
            calendar_of(fair)  # the fair's own day overrides must fit the new dates
        except ValueError as exc:
            raise InvalidInput("{problem}", problem=str(exc)) from None
        if not _record_change(ctx, session, fair, before, reason):
            return current
        return FairInfo.of(fair)


def _record_change(
    ctx: Context, session: Session, fair: Fair, before: dict[str, Any], reason: str
) -> bool:
    """Audit what changed since `before` and move the running clocks with it; False when
    nothing changed (then nothing is written)."""
    after = snapshot(fair)
    changed = [k for k in after if after[k] != before[k]]
    if not changed:
        return False
    _require_reason(session, fair, reason)
    _flush(session, fair)
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
    return True


def _refuse_errors(wanted: FairFields) -> None:
    """Refuse a set-up `create_fair` would refuse: one error as it is, several in one
    message, one sentence after the other."""
    errors = check_fair_errors(wanted)
    if len(errors) == 1:
        raise next(iter(errors.values()))
    if errors:
        raise InvalidInput("{problem}", problem=" ".join(str(err) for err in errors.values()))


def _columns(
    wanted: FairFields, halls: list[str] | None, rules: str | RuleSet | None
) -> dict[str, Any]:
    """The fair's columns as the checked fields set them (halls and rules only if given)."""
    try:
        rule_set = preset(rules) if isinstance(rules, str) else rules
    except ValueError as exc:
        raise InvalidInput("{problem}", problem=str(exc)) from None
    opening, closing = parse_hours(wanted.hours)
    columns: dict[str, Any] = {
        "name": wanted.name.strip(),
        "name_en": wanted.name_en.strip(),
        "venue": wanted.venue.strip(),
        "start_date": wanted.start,
        "end_date": wanted.end,
        "opening_time": opening,
        "closing_time": closing,
        "timezone": wanted.timezone,
        "day_hours": parse_day_hours(wanted.day_hours, wanted.start, wanted.end),
        "center_address": wanted.center_address.strip(),
        "center_phone": wanted.center_phone.strip(),
    }
    if halls is not None:
        columns["halls"] = {"halls": parse_halls(",".join(halls))}
    if rule_set is not None:
        columns["rules"] = rule_set.to_dict()
    return columns


def _require_reason(session: Session, fair: Fair, reason: str) -> None:
    """Once a fair has complaints, changing its set-up needs a reason for the audit trail."""
    complaints = session.scalar(
        select(func.count()).select_from(Complaint).where(Complaint.fair_id == fair.id)
    )
    if complaints and not reason.strip():
        raise MissingRequirement(
            "The fair already has {complaints} complaint(s): say why you change its "
            "set-up (the reason is kept in the audit trail).",
            complaints=complaints,
        )


def _flush(session: Session, fair: Fair) -> None:
    try:
        session.flush()
    except StaleDataError:
        raise ConcurrentEdit(
            "The fair {code} was changed at another desk at the same moment; "
            "reopen it and apply your change again.",
            code=fair.code,
        ) from None


def update_rules(ctx: Context, code: str, reason: str = "", **changes: Any) -> FairInfo:
    """Edit the fair's rule-set numbers (e.g. defence_hours=12); running clocks follow."""
    ctx.require(Permission.SET_UP_FAIR)
    with ctx.db.writing() as session:
        fair = fair_by_code(session, code)
        before = snapshot(fair)
        try:
            fair.rules = RuleSet.from_dict(fair.rules).with_changes(**changes).to_dict()
        except (ValueError, TypeError) as exc:
            raise InvalidInput("{problem}", problem=str(exc)) from None
        session.flush()
        audit.record(
            session,
            ctx,
            "fair.rules",
            "fair",
            fair.id,
            before=before,
            after=snapshot(fair),
            reason=reason,
            fair_id=fair.id,
        )
        refresh_fair_clocks(session, fair, ctx.now())
        return FairInfo.of(fair)


def _check_version(session: Session, fair: Fair, expected: int | None) -> None:
    """Refuse to save a form over a set-up another desk changed since it was opened
    (it would silently put back the other desk's hours or rules)."""
    if expected is None or fair.version == expected:
        return
    last = session.scalar(
        select(AuditEvent)
        .where(AuditEvent.entity_type == "fair", AuditEvent.entity_id == fair.id)
        .order_by(AuditEvent.id.desc())
        .limit(1)
    )
    raise ConcurrentEdit(
        "The fair {code} was changed by {user} at {time} after you opened it. Reopen it; "
        "your changes were not saved.",
        code=fair.code,
        user=last.username if last is not None else "?",
        time=last.at.astimezone(ZoneInfo(fair.timezone)) if last is not None else "?",
    )
