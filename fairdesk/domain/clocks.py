"""Deadline clocks (supplement, transfer, defence, re-check), computed from their history.

Nothing about a clock is stored but its start/pause/resume/stop events: the state shown on
the dashboard is recomputed from them, the fair calendar, the rule set's duration and `now`,
so editing a fair's hours or rules moves every open deadline consistently.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from fairdesk.domain.calendar import FairCalendar
from fairdesk.domain.enums import ClockAction, ClockKind


def _aware(value: datetime, what: str) -> datetime:
    if not isinstance(value, datetime):
        raise ValueError(f"{what} must be a date and time, got {value!r}.")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{what} must carry a time zone, got naive {value.isoformat()}.")
    return value


def _u(value: datetime) -> datetime:
    # Aware datetimes sharing a tzinfo compare and add on wall time (wrong across DST);
    # in UTC they compare as instants.
    return value.astimezone(UTC)


@dataclass(frozen=True)
class ClockEvent:
    kind: ClockKind
    action: ClockAction
    at: datetime
    reason: str = ""

    def __post_init__(self) -> None:
        # Rows from the database carry plain strings; fail here rather than deep in a sum.
        object.__setattr__(self, "kind", ClockKind(self.kind))
        object.__setattr__(self, "action", ClockAction(self.action))
        _aware(self.at, f"The time of the {self.kind} clock's {self.action} event")


class ClockStatus(StrEnum):
    NOT_STARTED = "not_started"
    RUNNING = "running"
    PAUSED = "paused"
    STOPPED = "stopped"
    OVERDUE = "overdue"


@dataclass(frozen=True)
class ClockState:
    kind: ClockKind
    status: ClockStatus
    started_at: datetime | None
    due_at: datetime | None
    remaining: timedelta | None
    paused_reason: str
    capped_at_close: bool
    stopped_at: datetime | None
    # The end fell while the fair was closed, so the deadline is its next opening.
    moved_to_opening: bool = False
    # Why the deadline is where it is: the period counted, from when, over which hours,
    # and where it ran out before a move to an opening or the cap at the close.
    period: timedelta | None = None
    counted_end: datetime | None = None
    opening_hours_only: bool = False


_CLOCK_NAMES = {
    ClockKind.SUPPLEMENT: "supplement clock",
    ClockKind.TRANSFER: "transfer clock",
    ClockKind.DEFENCE: "defence clock",
    ClockKind.RECHECK: "re-check clock",
}

_NOT_STARTED = ClockStatus.NOT_STARTED
_RUNNING = ClockStatus.RUNNING
_PAUSED = ClockStatus.PAUSED
_STOPPED = ClockStatus.STOPPED


def _refuse(event: ClockEvent, why: str) -> ValueError:
    return ValueError(
        f"Cannot {event.action} the {_CLOCK_NAMES[event.kind]} at {event.at:%Y-%m-%d %H:%M}: {why}"
    )


def _check_one_kind(events: Sequence[ClockEvent]) -> None:
    status = _NOT_STARTED
    previous: ClockEvent | None = None
    for event in events:
        if previous is not None and _u(event.at) < _u(previous.at):
            raise ValueError(
                f"The {_CLOCK_NAMES[event.kind]} events are out of order: "
                f"{event.action} at {event.at:%Y-%m-%d %H:%M} is recorded after "
                f"{previous.action} at {previous.at:%Y-%m-%d %H:%M}."
            )
        action = event.action
        if action is ClockAction.START:
            if status is _RUNNING:
                raise _refuse(event, "it is already running. Stop it before starting it again.")
            if status is _PAUSED:
                raise _refuse(event, "it is paused, not stopped. Stop it before starting it again.")
            status = _RUNNING
        elif status is _NOT_STARTED:
            raise _refuse(event, "it has not been started.")
        elif status is _STOPPED:
            stopped = f"{previous.at:%Y-%m-%d %H:%M}" if previous else "earlier"
            raise _refuse(event, f"it was stopped at {stopped}. Start it again first.")
        elif action is ClockAction.PAUSE:
            if status is _PAUSED:
                raise _refuse(event, "it is already paused.")
            status = _PAUSED
        elif action is ClockAction.RESUME:
            if status is not _PAUSED:
                raise _refuse(event, "it is running, not paused.")
            status = _RUNNING
        else:  # STOP, from running or paused
            status = _STOPPED
        previous = event


def validate_sequence(events: Sequence[ClockEvent]) -> None:
    """Raise ValueError with a readable message if the history is not a legal one.

    Each clock kind is checked on its own, in the order given, which must be time order.
    A start after a stop is legal: it begins a fresh clock (e.g. back from mediation).
    """
    by_kind: dict[ClockKind, list[ClockEvent]] = {}
    for event in events:
        if not isinstance(event, ClockEvent):
            raise ValueError(f"Expected a clock event, got {event!r}.")
        by_kind.setdefault(event.kind, []).append(event)
    for kind_events in by_kind.values():
        _check_one_kind(kind_events)


@dataclass(frozen=True)
class _Run:
    """How a clock ran since its last start, as of `as_of` (now, or when it was stopped)."""

    spans: tuple[tuple[datetime, datetime], ...]  # the stretches it was running
    as_of: datetime
    ticking: bool  # running at as_of
    paused_reason: str
    stopped_at: datetime | None


def _run(history: Sequence[ClockEvent], now: datetime) -> _Run:
    spans: list[tuple[datetime, datetime]] = []
    running_since: datetime | None = None
    paused_reason = ""
    stopped_at: datetime | None = None
    ticking_at_stop = False
    for event in history:
        if event.action in (ClockAction.START, ClockAction.RESUME):
            running_since = event.at
            paused_reason = ""
            continue
        if event.action is ClockAction.STOP:
            stopped_at = event.at
            ticking_at_stop = running_since is not None
        else:
            paused_reason = event.reason
        if running_since is not None:
            spans.append((running_since, event.at))
            running_since = None
    # A stopped clock is frozen as it stood when stopped.
    as_of = stopped_at if stopped_at is not None else now
    if running_since is not None:
        spans.append((running_since, as_of))
    ticking = running_since is not None or ticking_at_stop
    return _Run(tuple(spans), as_of, ticking, paused_reason, stopped_at)


def _due_and_left(
    run: _Run, calendar: FairCalendar, duration: timedelta, opening_hours_only: bool
) -> tuple[datetime, timedelta]:
    """When the duration runs out (before any move to an opening or cap at the close), and
    how much of it was not used by the running spans."""
    due: datetime | None = None
    left = duration
    for a, b in run.spans:
        counted = calendar.elapsed(a, b, opening_hours_only)
        if due is None and counted >= left:
            due = calendar.add_duration(a, left, opening_hours_only)
        left -= counted
    if due is None:
        # Not reached yet: count on from as_of (for a paused clock, as if resumed now).
        due = calendar.add_duration(run.as_of, left, opening_hours_only)
    return due, left


def _status(run: _Run, due: datetime, now: datetime) -> ClockStatus:
    if run.stopped_at is not None:
        return _STOPPED
    if not run.ticking:
        return _PAUSED
    return ClockStatus.OVERDUE if _u(now) > _u(due) else _RUNNING


def _remaining(
    run: _Run, due: datetime, left: timedelta, calendar: FairCalendar, opening_hours_only: bool
) -> timedelta:
    """What is left: the unused duration while not ticking, else the time to `due` (minus the
    wall-clock time since, once overdue)."""
    if not run.ticking:
        return left
    if _u(run.as_of) <= _u(due):
        return calendar.elapsed(run.as_of, due, opening_hours_only)
    return -(_u(run.as_of) - _u(due))


def compute_clock(
    kind: ClockKind,
    events: Sequence[ClockEvent],
    calendar: FairCalendar,
    duration: timedelta,
    opening_hours_only: bool,
    now: datetime,
) -> ClockState:
    """The clock's state at `now`. Events of other kinds, and events after `now`, are ignored.

    remaining is counted like the duration while time is left; once overdue it is minus the
    wall-clock time since due_at, so its sign always matches the status (counting only
    opening hours would leave an overdue clock at 0 all night). While paused it is the
    unused duration, frozen.
    """
    _aware(now, "now")
    if duration < timedelta(0):
        raise ValueError(f"A clock's duration cannot be negative, got {duration}.")
    # 2006 Art 11: the transfer to the authority is 24 natural hours under every rule set,
    # and its deadline is the authority's, not the fair's: it never moves to an opening.
    natural = kind is ClockKind.TRANSFER
    opening_hours_only = opening_hours_only and not natural
    mine = [e for e in events if e.kind == kind]
    validate_sequence(mine)
    mine = [e for e in mine if _u(e.at) <= _u(now)]
    starts = [i for i, e in enumerate(mine) if e.action is ClockAction.START]
    if not starts:
        return ClockState(kind, _NOT_STARTED, None, None, None, "", False, None)

    # Only the last start counts: a restart after a stop is a fresh clock.
    history = mine[starts[-1] :]
    run = _run(history, now)
    due, left = _due_and_left(run, calendar, duration, opening_hours_only)
    counted_end = due
    if not natural:
        due = _in_opening_hours(calendar, due)
    close = calendar.fair_close()
    capped = _u(due) > _u(close)
    if capped:
        # No clock runs past the close; one started after it (a step taken during the
        # follow-up) falls due as it starts, never before the step that started it.
        due = max(close, history[0].at, key=_u)

    remaining = _remaining(run, due, left, calendar, opening_hours_only)
    status = _status(run, due, now)
    zone = calendar.zone
    return ClockState(
        kind=kind,
        status=status,
        started_at=history[0].at.astimezone(zone),
        due_at=due.astimezone(zone),
        remaining=remaining,
        paused_reason=run.paused_reason if status is _PAUSED else "",
        capped_at_close=capped,
        stopped_at=run.stopped_at.astimezone(zone) if run.stopped_at is not None else None,
        moved_to_opening=not capped and due != counted_end,
        period=duration,
        counted_end=counted_end.astimezone(zone),
        opening_hours_only=opening_hours_only,
    )


def _in_opening_hours(calendar: FairCalendar, due: datetime) -> datetime:
    """A deadline that falls while the fair is closed moves to its next opening (a re-check
    due at 19:20 is due at the next morning's opening); one at a closing time stays."""
    if calendar.is_open(due) or calendar.is_open(due - timedelta(microseconds=1)):
        return due
    following = calendar.next_opening(due)
    return due if following is None else following


def is_due_within(state: ClockState, now: datetime, hours: float) -> bool:
    """True if the clock is running and falls due between `now` and `hours` later."""
    _aware(now, "now")
    if hours < 0:
        raise ValueError(f"The look-ahead must not be negative, got {hours} hours.")
    if state.status not in (_RUNNING, ClockStatus.OVERDUE) or state.due_at is None:
        return False
    return _u(now) <= _u(state.due_at) <= _u(now) + timedelta(hours=hours)


def is_overdue(state: ClockState, now: datetime) -> bool:
    """True if the clock is running and its due time has passed; a pause stops the clock."""
    _aware(now, "now")
    if state.status not in (_RUNNING, ClockStatus.OVERDUE) or state.due_at is None:
        return False
    return _u(now) > _u(state.due_at)
