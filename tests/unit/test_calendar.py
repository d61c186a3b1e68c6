"""FairCalendar and parse_hours. Expected datetimes are worked out by hand in the comments."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fairdesk.domain.calendar import FairCalendar, parse_hours

SH = ZoneInfo("Asia/Shanghai")
BERLIN = ZoneInfo("Europe/Berlin")
H = timedelta(hours=1)

# CIIE-like: six days, 09:00-17:00 Shanghai time (UTC+8, no DST).
BASE = FairCalendar(
    start=date(2024, 11, 5), end=date(2024, 11, 10), opening=time(9), closing=time(17)
)
# Same fair, closed on the 7th and a short last day.
OVERRIDE = FairCalendar(
    start=date(2024, 11, 5),
    end=date(2024, 11, 10),
    opening=time(9),
    closing=time(17),
    day_hours={date(2024, 11, 7): None, date(2024, 11, 10): (time(9), time(12))},
)


def sh(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2024, 11, day, hour, minute, tzinfo=SH)


@pytest.mark.parametrize(
    ("calendar", "start", "hours", "opening_only", "expected"),
    [
        pytest.param(BASE, sh(5, 10), 24, False, sh(6, 10), id="wall-24h-across-night"),
        pytest.param(BASE, sh(5, 22), 4, False, sh(6, 2), id="wall-started-at-night"),
        pytest.param(BASE, sh(5, 10), 4, True, sh(5, 14), id="open-same-day"),
        # 15:00-17:00 = 2 h, then 09:00 + 2 h.
        pytest.param(BASE, sh(5, 15), 4, True, sh(6, 11), id="open-across-night"),
        # Started at night: counting begins at 09:00 next morning.
        pytest.param(BASE, sh(5, 20), 4, True, sh(6, 13), id="open-started-at-night"),
        pytest.param(BASE, sh(6, 7, 30), 1, True, sh(6, 10), id="open-started-before-opening"),
        # Used up exactly at closing: due at 17:00, not at 09:00 next day.
        pytest.param(BASE, sh(5, 15), 2, True, sh(5, 17), id="open-ends-at-closing"),
        # 7 h on the 5th, 8 h on the 6th, 8 h on the 7th, 1 h on the 8th.
        pytest.param(BASE, sh(5, 10), 24, True, sh(8, 10), id="open-24h-over-days"),
        # 7 h on the 6th, the 7th closed, 5 h on the 8th.
        pytest.param(OVERRIDE, sh(6, 10), 12, True, sh(8, 14), id="open-skips-closed-day"),
        # 2 h on the 9th, then the short last day opens at 09:00.
        pytest.param(OVERRIDE, sh(9, 15), 4, True, sh(10, 11), id="open-short-last-day"),
        # 2 h + 3 h of fair time left, 3 h over: fair close 12:00 on the 10th + 3 h.
        pytest.param(OVERRIDE, sh(9, 15), 8, True, sh(10, 15), id="open-overruns-short-day"),
        pytest.param(BASE, sh(10, 16), 4, True, sh(10, 20), id="open-overruns-close"),
        # After the fair: no open time at all, so start + duration.
        pytest.param(BASE, sh(11, 10), 2, True, sh(11, 12), id="open-started-after-close"),
        pytest.param(BASE, sh(5, 20), 0, True, sh(5, 20), id="zero-duration"),
    ],
)
def test_add_duration(
    calendar: FairCalendar, start: datetime, hours: float, opening_only: bool, expected: datetime
) -> None:
    result = calendar.add_duration(start, timedelta(hours=hours), opening_only)
    assert result == expected
    assert result.utcoffset() == timedelta(hours=8)  # returned in the fair's zone


def test_add_duration_accepts_other_zones() -> None:
    start = datetime(2024, 11, 5, 2, tzinfo=UTC)  # 10:00 in Shanghai
    assert BASE.add_duration(start, 4 * H, True) == sh(5, 14)


def test_add_duration_rejects_negative() -> None:
    with pytest.raises(ValueError, match="cannot be negative"):
        BASE.add_duration(sh(5, 10), -H, True)


def test_overrun_lands_after_fair_close() -> None:
    assert BASE.add_duration(sh(10, 16), 2 * H, True) > BASE.fair_close()


@pytest.mark.parametrize(
    ("calendar", "since", "until", "opening_only", "expected"),
    [
        pytest.param(BASE, sh(5, 10), sh(6, 10), False, 24 * H, id="wall"),
        pytest.param(BASE, sh(5, 10), sh(6, 10), True, 8 * H, id="open-7h-plus-1h"),
        pytest.param(BASE, sh(5, 18), sh(6, 8), True, timedelta(0), id="open-night-only"),
        pytest.param(OVERRIDE, sh(6, 16), sh(8, 10), True, 2 * H, id="open-over-closed-day"),
        pytest.param(BASE, sh(6, 10), sh(5, 10), True, -8 * H, id="reversed-is-negative"),
        pytest.param(BASE, sh(10, 16), sh(11, 16), True, H, id="nothing-after-close"),
    ],
)
def test_elapsed(
    calendar: FairCalendar,
    since: datetime,
    until: datetime,
    opening_only: bool,
    expected: timedelta,
) -> None:
    assert calendar.elapsed(since, until, opening_only) == expected


def test_open_intervals_are_clipped_and_skip_closed_days() -> None:
    got = list(OVERRIDE.open_intervals(sh(6, 12), sh(8, 10)))
    assert got == [(sh(6, 12), sh(6, 17)), (sh(8, 9), sh(8, 10))]


def test_open_intervals_empty_when_until_before_since() -> None:
    assert list(BASE.open_intervals(sh(6, 12), sh(6, 11))) == []


@pytest.mark.parametrize(
    ("calendar", "expected"),
    [
        pytest.param(BASE, sh(10, 17), id="normal-last-day"),
        pytest.param(OVERRIDE, sh(10, 12), id="short-last-day"),
        pytest.param(
            FairCalendar(
                start=date(2024, 11, 5),
                end=date(2024, 11, 10),
                opening=time(9),
                closing=time(17),
                day_hours={date(2024, 11, 10): None},
            ),
            sh(9, 17),
            id="last-day-closed",
        ),
    ],
)
def test_fair_close(calendar: FairCalendar, expected: datetime) -> None:
    assert calendar.fair_close() == expected


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        (sh(5, 9), True),
        (sh(5, 8, 59), False),
        (sh(5, 16, 59), True),
        (sh(5, 17), False),  # closing time itself is closed
        (sh(7, 10), False),  # closed-day override
        (sh(10, 11), True),
        (sh(10, 12, 30), False),  # after the short last day's closing
        (sh(4, 10), False),  # before the fair
    ],
)
def test_is_open(at: datetime, expected: bool) -> None:
    assert OVERRIDE.is_open(at) is expected


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        (sh(5, 20), sh(6, 9)),
        (sh(5, 10), sh(5, 10)),  # open now: counting can start now
        (sh(6, 18), sh(8, 9)),  # skips the closed 7th
        (sh(10, 12), None),  # the fair is over
        (datetime(2024, 11, 1, 12, tzinfo=SH), sh(5, 9)),
    ],
)
def test_next_opening(at: datetime, expected: datetime | None) -> None:
    assert OVERRIDE.next_opening(at) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2024, 11, 5), (time(9), time(17))),
        (date(2024, 11, 7), None),
        (date(2024, 11, 10), (time(9), time(12))),
        (date(2024, 11, 11), None),
    ],
)
def test_hours_on(day: date, expected: tuple[time, time] | None) -> None:
    assert OVERRIDE.hours_on(day) == expected


def test_overrides_are_read_only() -> None:
    with pytest.raises(TypeError):
        OVERRIDE.day_hours[date(2024, 11, 6)] = None  # type: ignore[index]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"end": date(2024, 11, 4)}, "last day 2024-11-04 is before its first day 2024-11-05"),
        (
            {"opening": time(17), "closing": time(9)},
            "closing time 09:00 must be after opening time 17:00",
        ),
        ({"closing": time(9)}, "closing time 09:00 must be after opening time 09:00"),
        ({"tz": "Mars/Olympus"}, "Unknown time zone 'Mars/Olympus'"),
        ({"start": datetime(2024, 11, 5, 9)}, "start must be a date"),
        (
            {"day_hours": {date(2024, 11, 20): None}},
            r"override for 2024-11-20 is outside the fair \(2024-11-05 to 2024-11-10\)",
        ),
        (
            {"day_hours": {date(2024, 11, 6): (time(12), time(10))}},
            "Opening hours for 2024-11-06: closing time 10:00 must be after opening time 12:00",
        ),
        (
            {"day_hours": {date(2024, 11, d): None for d in range(5, 11)}},
            "no open day",
        ),
    ],
)
def test_calendar_validation(kwargs: dict[str, object], message: str) -> None:
    args: dict[str, object] = {
        "start": date(2024, 11, 5),
        "end": date(2024, 11, 10),
        "opening": time(9),
        "closing": time(17),
    }
    args.update(kwargs)
    with pytest.raises(ValueError, match=message):
        FairCalendar(**args)  # type: ignore[arg-type]


NAIVE = datetime(2024, 11, 5, 10)


@pytest.mark.parametrize(
    "call",
    [
        lambda: BASE.add_duration(NAIVE, H, True),
        lambda: BASE.add_duration(NAIVE, H, False),
        lambda: BASE.elapsed(NAIVE, sh(5, 12), True),
        lambda: BASE.elapsed(sh(5, 12), NAIVE, False),
        lambda: BASE.is_open(NAIVE),
        lambda: BASE.next_opening(NAIVE),
        lambda: BASE.open_intervals(NAIVE, sh(6, 10)),
    ],
)
def test_naive_datetimes_are_rejected(call: object) -> None:
    with pytest.raises(ValueError, match="must carry a time zone"):
        call()  # type: ignore[operator]


# Europe/Berlin: summer time starts 2024-03-31 02:00 CET -> 03:00 CEST (a 23-hour day)
# and ends 2024-10-27 03:00 CEST -> 02:00 CET (a 25-hour day).
SPRING = FairCalendar(
    start=date(2024, 3, 29),
    end=date(2024, 4, 2),
    opening=time(9),
    closing=time(18),
    tz="Europe/Berlin",
)
AUTUMN = FairCalendar(
    start=date(2024, 10, 25),
    end=date(2024, 10, 28),
    opening=time(9),
    closing=time(18),
    tz="Europe/Berlin",
)


def berlin(month: int, day: int, hour: int) -> datetime:
    return datetime(2024, month, day, hour, tzinfo=BERLIN)


@pytest.mark.parametrize(
    ("calendar", "start", "hours", "opening_only", "expected"),
    [
        # 11:00 UTC + 24 h = 11:00 UTC = 13:00 CEST: 24 real hours, not 24 wall-clock hours.
        pytest.param(SPRING, berlin(3, 30, 12), 24, False, berlin(3, 31, 13), id="spring-wall"),
        # 6 h on the 30th (12-18), 6 h from 09:00 CEST on the 31st.
        pytest.param(SPRING, berlin(3, 30, 12), 12, True, berlin(3, 31, 15), id="spring-open"),
        # 10:00 UTC + 24 h = 10:00 UTC = 11:00 CET.
        pytest.param(AUTUMN, berlin(10, 26, 12), 24, False, berlin(10, 27, 11), id="autumn-wall"),
        pytest.param(AUTUMN, berlin(10, 26, 12), 12, True, berlin(10, 27, 15), id="autumn-open"),
    ],
)
def test_dst_add_duration(
    calendar: FairCalendar, start: datetime, hours: float, opening_only: bool, expected: datetime
) -> None:
    result = calendar.add_duration(start, timedelta(hours=hours), opening_only)
    assert result == expected
    assert result.tzinfo is BERLIN


def test_dst_elapsed_counts_real_hours() -> None:
    # 18:00 CET = 17:00 UTC; 09:00 CEST = 07:00 UTC: 14 h, although the wall clock says 15 h.
    assert SPRING.elapsed(berlin(3, 30, 18), berlin(3, 31, 9), False) == 14 * H
    # The 31st is open 09:00-18:00 local either way: 9 h of opening time.
    assert SPRING.elapsed(berlin(3, 31, 0), berlin(4, 1, 0), True) == 9 * H
    assert AUTUMN.elapsed(berlin(10, 26, 18), berlin(10, 27, 9), False) == 16 * H


@settings(database=None, deadline=None, derandomize=True, max_examples=200)
@given(
    start=st.datetimes(
        min_value=datetime(2024, 11, 4), max_value=datetime(2024, 11, 10, 23), timezones=st.just(SH)
    ),
    minutes=st.integers(min_value=0, max_value=60 * 40),
)
def test_elapsed_inverts_add_duration(start: datetime, minutes: int) -> None:
    duration = timedelta(minutes=minutes)
    due = OVERRIDE.add_duration(start, duration, True)
    if due <= OVERRIDE.fair_close():
        assert OVERRIDE.elapsed(start, due, True) == duration
    else:  # overran: all remaining fair time was used, and the rest shows after close
        used = OVERRIDE.elapsed(start, OVERRIDE.fair_close(), True)
        assert used < duration
        assert due - max(OVERRIDE.fair_close(), start) == duration - used


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09:00-17:00", (time(9), time(17))),
        ("9:00–17:30", (time(9), time(17, 30))),  # en dash
        ("09:00—17:00", (time(9), time(17))),  # em dash
        ("９：００－１７：００", (time(9), time(17))),  # full-width digits, colon, hyphen
        ("09：30－17：00", (time(9, 30), time(17))),
        (" 09 : 00 - 17 : 00 ", (time(9), time(17))),
        ("08:30~18:00", (time(8, 30), time(18))),
        ("08:30～18:00", (time(8, 30), time(18))),  # full-width tilde
    ],
)
def test_parse_hours(text: str, expected: tuple[time, time]) -> None:
    assert parse_hours(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "9-17",
        "09:00",
        "09:00-",
        "25:00-26:00",
        "09:60-17:00",
        "nine to five",
        "09:00-17:00-18:00",
        "0900-1700",
    ],
)
def test_parse_hours_rejects_bad_format(text: str) -> None:
    with pytest.raises(ValueError) as err:
        parse_hours(text)
    assert str(err.value) == f"Opening hours must look like 09:00-17:00, got '{text}'."


@pytest.mark.parametrize("text", ["17:00-09:00", "09:00-09:00"])
def test_parse_hours_rejects_closing_before_opening(text: str) -> None:
    with pytest.raises(ValueError) as err:
        parse_hours(text)
    assert str(err.value) == f"Opening hours must end after they start, got '{text}'."
