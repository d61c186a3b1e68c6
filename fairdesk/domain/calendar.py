"""The fair's days and opening hours, and time arithmetic over them.

Deadline clocks either run on the wall clock or only while the fair is open (domain.md:
"every clock stops at the fair's daily closing time"). All arithmetic is done in UTC:
Python adds and subtracts datetimes sharing one tzinfo on their wall-clock values, which
would make a 24 h deadline across a DST change 23 or 25 real hours long. Results are
returned in the fair's time zone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from types import MappingProxyType
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

Hours = tuple[time, time]


def _require_aware(value: datetime, what: str) -> datetime:
    if not isinstance(value, datetime):
        raise ValueError(f"{what} must be a date and time, got {value!r}.")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{what} must carry a time zone, got naive {value.isoformat()}.")
    return value.astimezone(UTC)


def _check_hours(opening: object, closing: object, what: str) -> None:
    for t in (opening, closing):
        if not isinstance(t, time):
            raise ValueError(f"{what} must be times of day, got {t!r}.")
        if t.tzinfo is not None:
            # Hours are local to the fair; a zone here would contradict `tz`.
            raise ValueError(f"{what} must be local times without a time zone, got {t!r}.")
    assert isinstance(opening, time) and isinstance(closing, time)
    if closing <= opening:
        raise ValueError(
            f"{what}: closing time {closing:%H:%M} must be after opening time {opening:%H:%M}."
        )


def _is_plain_date(value: object) -> bool:
    # datetime is a date subclass but never equals a date, so it would silently miss lookups.
    return isinstance(value, date) and not isinstance(value, datetime)


@dataclass(frozen=True)
class FairCalendar:
    start: date
    end: date
    opening: time
    closing: time
    tz: str = "Asia/Shanghai"
    # Read-only after construction; unhashable, hence left out of the hash.
    day_hours: Mapping[date, Hours | None] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        for name in ("start", "end"):
            if not _is_plain_date(getattr(self, name)):
                raise ValueError(f"The fair's {name} must be a date, got {getattr(self, name)!r}.")
        if self.end < self.start:
            raise ValueError(
                f"The fair's last day {self.end.isoformat()} is before its first day "
                f"{self.start.isoformat()}."
            )
        _check_hours(self.opening, self.closing, "Daily opening hours")
        try:
            ZoneInfo(self.tz)
        except (ZoneInfoNotFoundError, ValueError, TypeError, OSError):
            raise ValueError(f"Unknown time zone '{self.tz}'.") from None
        overrides: dict[date, Hours | None] = {}
        for day, hours in self.day_hours.items():
            if not _is_plain_date(day):
                raise ValueError(f"Opening hours override must be keyed by date, got {day!r}.")
            if not self.start <= day <= self.end:
                raise ValueError(
                    f"Opening hours override for {day.isoformat()} is outside the fair "
                    f"({self.start.isoformat()} to {self.end.isoformat()})."
                )
            if hours is not None:
                if not isinstance(hours, tuple) or len(hours) != 2:
                    raise ValueError(
                        f"Opening hours for {day.isoformat()} must be (opening, closing) or "
                        f"None for closed, got {hours!r}."
                    )
                _check_hours(hours[0], hours[1], f"Opening hours for {day.isoformat()}")
            overrides[day] = hours
        object.__setattr__(self, "day_hours", MappingProxyType(overrides))
        if self._last_open_day() is None:
            raise ValueError("The fair has no open day: every day is marked closed.")

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.tz)  # ZoneInfo caches instances, so this is cheap

    def days(self) -> Iterator[date]:
        day = self.start
        while day <= self.end:
            yield day
            day += timedelta(days=1)

    def hours_on(self, day: date) -> Hours | None:
        """Opening and closing time on `day`, or None when the fair is not open that day."""
        if not self.start <= day <= self.end:
            return None
        if day in self.day_hours:
            return self.day_hours[day]
        return (self.opening, self.closing)

    def _last_open_day(self) -> date | None:
        last: date | None = None
        for day in self.days():
            if self.hours_on(day) is not None:
                last = day
        return last

    def _utc_intervals(
        self, since: datetime, until: datetime
    ) -> Iterator[tuple[datetime, datetime]]:
        """Open intervals in UTC clipped to [since, until]; both bounds already UTC."""
        zone = self.zone
        for day in self.days():
            hours = self.hours_on(day)
            if hours is None:
                continue
            a = datetime.combine(day, hours[0], tzinfo=zone).astimezone(UTC)
            b = datetime.combine(day, hours[1], tzinfo=zone).astimezone(UTC)
            a, b = max(a, since), min(b, until)
            if a < b:
                yield a, b

    def open_intervals(
        self, since: datetime, until: datetime
    ) -> Iterator[tuple[datetime, datetime]]:
        """(open, close) pairs in the fair's zone, clipped to [since, until]; none if empty."""
        # Not a generator itself, so naive input fails at the call, not at first iteration.
        s = _require_aware(since, "since")
        u = _require_aware(until, "until")
        zone = self.zone
        return ((a.astimezone(zone), b.astimezone(zone)) for a, b in self._utc_intervals(s, u))

    def fair_close(self) -> datetime:
        """Closing time on the last day that has opening hours."""
        day = self._last_open_day()
        assert day is not None  # __post_init__ guarantees an open day
        hours = self.hours_on(day)
        assert hours is not None
        return datetime.combine(day, hours[1], tzinfo=self.zone)

    def move_out_end(self, hours_after_close: float) -> datetime:
        """When move-out (撤展) ends: natural hours after the fair's close (the rule set's)."""
        end = self._fair_close_utc() + timedelta(hours=hours_after_close)
        return end.astimezone(self.zone)

    def _fair_close_utc(self) -> datetime:
        return self.fair_close().astimezone(UTC)

    def is_open(self, at: datetime) -> bool:
        """True inside opening hours; an interval includes its opening, not its closing."""
        u = _require_aware(at, "at")
        return any(True for _ in self._utc_intervals(u, u + timedelta(microseconds=1)))

    def next_opening(self, at: datetime) -> datetime | None:
        """The first moment at or after `at` when the fair is open (`at` itself if open now);
        None when the fair will not open again."""
        u = _require_aware(at, "at")
        for a, _ in self._utc_intervals(u, self._fair_close_utc()):
            return a.astimezone(self.zone)
        return None

    def add_duration(
        self, start: datetime, duration: timedelta, opening_hours_only: bool
    ) -> datetime:
        """The moment `duration` of counted time has passed since `start`.

        Counting only opening hours, a clock started while the fair is closed begins at the
        next opening. If the fair closes for good first, the result is the later of fair close
        and `start`, plus what is left: after fair_close(), so the caller sees the overrun.
        """
        s = _require_aware(start, "start")
        if duration < timedelta(0):
            raise ValueError(f"A duration cannot be negative, got {duration}.")
        zone = self.zone
        if not opening_hours_only or duration == timedelta(0):
            return (s + duration).astimezone(zone)
        close = self._fair_close_utc()
        left = duration
        for a, b in self._utc_intervals(s, close):
            if left <= b - a:
                return (a + left).astimezone(zone)
            left -= b - a
        return (max(close, s) + left).astimezone(zone)

    def elapsed(self, since: datetime, until: datetime, opening_hours_only: bool) -> timedelta:
        """Counted time from `since` to `until`; negative when `until` is earlier."""
        s = _require_aware(since, "since")
        u = _require_aware(until, "until")
        if u < s:
            return -self.elapsed(until, since, opening_hours_only)
        if not opening_hours_only:
            return u - s
        return sum((b - a for a, b in self._utc_intervals(s, u)), timedelta(0))


_HOURS_RE = re.compile(r"([0-9]{1,2}):([0-9]{2})[-–—~]([0-9]{1,2}):([0-9]{2})")


def parse_hours(text: str) -> Hours:
    """Parse daily hours typed at the desk: "09:00-17:00", "9:00–17:30", "９：００－１７：００"."""
    bad = ValueError(f"Opening hours must look like 09:00-17:00, got '{text}'.")
    if not isinstance(text, str):
        raise bad
    # NFKC folds full-width digits, colon, hyphen and tilde to ASCII; spaces carry no meaning.
    normal = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    match = _HOURS_RE.fullmatch(normal)
    if match is None:
        raise bad
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    if h1 > 23 or h2 > 23 or m1 > 59 or m2 > 59:
        raise bad
    opening, closing = time(h1, m1), time(h2, m2)
    if closing <= opening:
        raise ValueError(f"Opening hours must end after they start, got '{text}'.")
    return opening, closing
