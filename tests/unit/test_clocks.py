"""Deadline clocks computed from their event history. Expected values worked out by hand."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from fairdesk.domain.calendar import FairCalendar
from fairdesk.domain.clocks import (
    ClockEvent,
    ClockState,
    ClockStatus,
    compute_clock,
    is_due_within,
    is_overdue,
    validate_sequence,
)
from fairdesk.domain.enums import ClockAction, ClockKind

SH = ZoneInfo("Asia/Shanghai")
H = timedelta(hours=1)
M = timedelta(minutes=1)

START, PAUSE, RESUME, STOP = (
    ClockAction.START,
    ClockAction.PAUSE,
    ClockAction.RESUME,
    ClockAction.STOP,
)
DEFENCE = ClockKind.DEFENCE

# Six fair days, 09:00-17:00 Shanghai; fair close is 2024-11-10 17:00.
FAIR = FairCalendar(
    start=date(2024, 11, 5), end=date(2024, 11, 10), opening=time(9), closing=time(17)
)


def sh(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2024, 11, day, hour, minute, tzinfo=SH)


def ev(
    action: ClockAction, at: datetime, reason: str = "", kind: ClockKind = DEFENCE
) -> ClockEvent:
    return ClockEvent(kind, action, at, reason)


def clock(
    events: list[ClockEvent],
    hours: float,
    opening_only: bool,
    now: datetime,
    kind: ClockKind = DEFENCE,
) -> ClockState:
    return compute_clock(kind, events, FAIR, timedelta(hours=hours), opening_only, now)


# (events, hours, opening_only, now) -> (status, due_at, remaining, capped)
CASES = [
    pytest.param(
        [ev(START, sh(5, 10))], 24, False, sh(5, 12),
        ClockStatus.RUNNING, sh(6, 10), 22 * H, False,
        id="wall-running",
    ),
    # 7 h on the 5th, 5 h on the 6th; from 12:00: 5 h today + 5 h tomorrow left.
    pytest.param(
        [ev(START, sh(5, 10))], 12, True, sh(5, 12),
        ClockStatus.RUNNING, sh(6, 14), 10 * H, False,
        id="opening-hours-across-night",
    ),
    # Started at 20:00: nothing counts until 09:00.
    pytest.param(
        [ev(START, sh(5, 20))], 4, True, sh(5, 22),
        ClockStatus.RUNNING, sh(6, 13), 4 * H, False,
        id="opening-hours-started-at-night",
    ),
    # Due at midnight by the wall clock: the deadline moves to the next opening.
    pytest.param(
        [ev(START, sh(5, 20))], 4, False, sh(5, 22),
        ClockStatus.RUNNING, sh(6, 9), 11 * H, False,
        id="wall-started-at-night",
    ),
    # 1 h used, paused 11:00-16:00, 0.5 h used since: 2.5 h left = 0.5 h today + 2 h tomorrow.
    pytest.param(
        [ev(START, sh(5, 10)), ev(PAUSE, sh(5, 11), "mediation"), ev(RESUME, sh(5, 16))],
        4, True, sh(5, 16, 30),
        ClockStatus.RUNNING, sh(6, 11), 150 * M, False,
        id="opening-hours-after-resume",
    ),
    # Paused with 3 h left; at night the due time counts from the next opening.
    pytest.param(
        [ev(START, sh(5, 10)), ev(PAUSE, sh(5, 11), "mediation")], 4, True, sh(5, 20),
        ClockStatus.PAUSED, sh(6, 12), 3 * H, False,
        id="paused-at-night",
    ),
    pytest.param(
        [ev(START, sh(5, 10)), ev(STOP, sh(5, 12))], 24, False, sh(8, 10),
        ClockStatus.STOPPED, sh(6, 10), 22 * H, False,
        id="stopped-keeps-due-and-remaining",
    ),
    pytest.param(
        [ev(START, sh(5, 10)), ev(STOP, sh(5, 15))], 4, False, sh(6, 10),
        ClockStatus.STOPPED, sh(5, 14), -H, False,
        id="stopped-while-overdue",
    ),
    pytest.param(
        [ev(START, sh(5, 10)), ev(PAUSE, sh(5, 12), "talks"), ev(STOP, sh(5, 15))], 24, False,
        sh(8, 10),
        ClockStatus.STOPPED, sh(6, 13), 22 * H, False,
        id="stopped-while-paused",
    ),
    # Stopped while running: remaining as it stood, i.e. counted to the capped due time.
    pytest.param(
        [ev(START, sh(10, 10)), ev(STOP, sh(10, 11))], 24, False, sh(10, 18),
        ClockStatus.STOPPED, sh(10, 17), 6 * H, True,
        id="stopped-while-running-capped",
    ),
    # Back to NOTIFIED from mediation: a fresh 24 h from the second start.
    pytest.param(
        [ev(START, sh(5, 10)), ev(STOP, sh(5, 12)), ev(START, sh(6, 10))], 24, False, sh(6, 11),
        ClockStatus.RUNNING, sh(7, 10), 23 * H, False,
        id="restart-after-stop",
    ),
    # Uncapped due 11-11 10:00 is after close (11-10 17:00): decide before close.
    pytest.param(
        [ev(START, sh(10, 10))], 24, False, sh(10, 11),
        ClockStatus.RUNNING, sh(10, 17), 6 * H, True,
        id="capped-wall",
    ),
    # 2 h of fair time left for a 4 h clock.
    pytest.param(
        [ev(START, sh(10, 15))], 4, True, sh(10, 15),
        ClockStatus.RUNNING, sh(10, 17), 2 * H, True,
        id="capped-opening-hours",
    ),
    pytest.param(
        [ev(START, sh(10, 15))], 2, True, sh(10, 15),
        ClockStatus.RUNNING, sh(10, 17), 2 * H, False,
        id="due-exactly-at-close-not-capped",
    ),
    pytest.param(
        [ev(START, sh(10, 10))], 24, False, sh(10, 18),
        ClockStatus.OVERDUE, sh(10, 17), -H, True,
        id="capped-overdue-after-close",
    ),
    pytest.param(
        [ev(START, sh(5, 10))], 4, False, sh(5, 15, 30),
        ClockStatus.OVERDUE, sh(5, 14), -90 * M, False,
        id="wall-overdue",
    ),
    # 3 h on the 5th, 1 h on the 6th: at 20:00 not yet overdue.
    pytest.param(
        [ev(START, sh(5, 14))], 4, True, sh(5, 20),
        ClockStatus.RUNNING, sh(6, 10), H, False,
        id="opening-hours-not-overdue-overnight",
    ),
    pytest.param(
        [ev(START, sh(5, 14))], 4, True, sh(6, 10, 30),
        ClockStatus.OVERDUE, sh(6, 10), -30 * M, False,
        id="opening-hours-overdue-next-morning",
    ),
    # Due at closing; overdue since then by the wall clock, not by 0 h of fair time.
    pytest.param(
        [ev(START, sh(5, 13))], 4, True, sh(5, 20),
        ClockStatus.OVERDUE, sh(5, 17), -3 * H, False,
        id="opening-hours-overdue-at-night",
    ),
    # Overdue before the pause: due stays in the past, remaining frozen negative.
    pytest.param(
        [ev(START, sh(5, 10)), ev(PAUSE, sh(5, 15), "talks")], 4, False, sh(5, 16),
        ClockStatus.PAUSED, sh(5, 14), -H, False,
        id="paused-while-overdue",
    ),
    # 23 h left, as if resumed at 11-10 09:00 -> 11-11 08:00, capped at close.
    pytest.param(
        [ev(START, sh(9, 10)), ev(PAUSE, sh(9, 11), "talks")], 24, False, sh(10, 9),
        ClockStatus.PAUSED, sh(10, 17), 23 * H, True,
        id="paused-capped",
    ),
    # The pause is recorded for later than now: not yet in effect.
    pytest.param(
        [ev(START, sh(5, 10)), ev(PAUSE, sh(5, 12), "talks")], 24, False, sh(5, 11),
        ClockStatus.RUNNING, sh(6, 10), 23 * H, False,
        id="future-events-ignored",
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("events", "hours", "opening_only", "now", "status", "due_at", "remaining", "capped"), CASES
)
def test_compute_clock(
    events: list[ClockEvent],
    hours: float,
    opening_only: bool,
    now: datetime,
    status: ClockStatus,
    due_at: datetime,
    remaining: timedelta,
    capped: bool,
) -> None:
    state = clock(events, hours, opening_only, now)
    assert (state.status, state.due_at, state.remaining, state.capped_at_close) == (
        status,
        due_at,
        remaining,
        capped,
    )
    assert state.due_at is not None and state.due_at.tzinfo is SH


def test_pause_moves_due_time_and_freezes_remaining() -> None:
    events = [ev(START, sh(5, 10)), ev(PAUSE, sh(5, 12), "mediation")]
    at_15 = clock(events, 24, False, sh(5, 15))
    at_16 = clock(events, 24, False, sh(5, 16))
    assert (at_15.status, at_15.paused_reason) == (ClockStatus.PAUSED, "mediation")
    assert (at_15.due_at, at_16.due_at) == (sh(6, 13), sh(6, 14))
    assert at_15.remaining == at_16.remaining == 22 * H

    resumed = clock([*events, ev(RESUME, sh(5, 16))], 24, False, sh(5, 17))
    assert (resumed.status, resumed.paused_reason) == (ClockStatus.RUNNING, "")
    assert (resumed.due_at, resumed.remaining) == (sh(6, 14), 21 * H)


def test_restart_reports_new_start_and_clears_stop() -> None:
    events = [ev(START, sh(5, 10)), ev(STOP, sh(5, 12)), ev(START, sh(6, 10))]
    state = clock(events, 24, False, sh(6, 11))
    assert (state.started_at, state.stopped_at) == (sh(6, 10), None)
    stopped = clock(events[:2], 24, False, sh(6, 11))
    assert (stopped.started_at, stopped.stopped_at) == (sh(5, 10), sh(5, 12))


@pytest.mark.parametrize(
    "events",
    [
        pytest.param([], id="no-events"),
        pytest.param([ev(START, sh(5, 10), kind=ClockKind.TRANSFER)], id="other-kind-only"),
        pytest.param([ev(START, sh(6, 10))], id="starts-after-now"),
    ],
)
def test_not_started(events: list[ClockEvent]) -> None:
    assert clock(events, 24, False, sh(5, 12)) == ClockState(
        DEFENCE, ClockStatus.NOT_STARTED, None, None, None, "", False, None
    )


def test_other_kinds_do_not_interfere() -> None:
    events = [
        ev(START, sh(5, 10), kind=ClockKind.TRANSFER),
        ev(START, sh(5, 11)),
        ev(STOP, sh(5, 12), kind=ClockKind.TRANSFER),
    ]
    defence = clock(events, 4, False, sh(5, 13))
    transfer = clock(events, 24, False, sh(5, 13), kind=ClockKind.TRANSFER)
    assert (defence.status, defence.due_at) == (ClockStatus.RUNNING, sh(5, 15))
    assert (transfer.status, transfer.stopped_at) == (ClockStatus.STOPPED, sh(5, 12))


def test_events_in_other_zone_are_reported_in_fair_zone() -> None:
    utc_start = datetime(2024, 11, 5, 2, tzinfo=ZoneInfo("UTC"))  # 10:00 Shanghai
    state = clock([ev(START, utc_start)], 4, True, sh(5, 11))
    assert (state.started_at, state.due_at) == (sh(5, 10), sh(5, 14))
    assert state.started_at is not None and state.started_at.tzinfo is SH


def test_state_strings_come_from_storage() -> None:
    event = ClockEvent("defence", "start", sh(5, 10))  # type: ignore[arg-type]
    assert (event.kind, event.action) == (ClockKind.DEFENCE, ClockAction.START)


# A running 4 h clock started at 10:00: due 14:00.
RUNNING = clock([ev(START, sh(5, 10))], 4, False, sh(5, 12))
PAUSED = clock([ev(START, sh(5, 10)), ev(PAUSE, sh(5, 11))], 4, False, sh(5, 12))
STOPPED = clock([ev(START, sh(5, 10)), ev(STOP, sh(5, 11))], 4, False, sh(5, 12))
NOT_STARTED = clock([], 4, False, sh(5, 12))


@pytest.mark.parametrize(
    ("state", "now", "hours", "expected"),
    [
        (RUNNING, sh(5, 12), 2, True),  # due exactly at the end of the window
        (RUNNING, sh(5, 12), 1.5, False),
        (RUNNING, sh(5, 14), 0, True),  # due exactly now
        (RUNNING, sh(5, 14, 1), 8, False),  # already past due
        (PAUSED, sh(5, 12), 24, False),
        (STOPPED, sh(5, 12), 24, False),
        (NOT_STARTED, sh(5, 12), 24, False),
    ],
)
def test_is_due_within(state: ClockState, now: datetime, hours: float, expected: bool) -> None:
    assert is_due_within(state, now, hours) is expected


@pytest.mark.parametrize(
    ("state", "now", "expected"),
    [
        (RUNNING, sh(5, 14), False),  # due now is not yet overdue
        (RUNNING, sh(5, 14, 1), True),
        (clock([ev(START, sh(5, 10))], 4, False, sh(5, 15)), sh(5, 15), True),
        (PAUSED, sh(6, 12), False),  # a pause stops the clock
        (STOPPED, sh(6, 12), False),
        (NOT_STARTED, sh(6, 12), False),
    ],
)
def test_is_overdue(state: ClockState, now: datetime, expected: bool) -> None:
    assert is_overdue(state, now) is expected


def test_is_due_within_counts_real_hours_across_dst() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    fair = FairCalendar(
        start=date(2024, 3, 29),
        end=date(2024, 4, 2),
        opening=time(9),
        closing=time(18),
        tz="Europe/Berlin",
    )
    # 03:00 CET = 02:00 UTC; + 24 h = 02:00 UTC on the 31st = 04:00 CEST.
    start = datetime(2024, 3, 30, 3, tzinfo=berlin)
    now = datetime(2024, 3, 31, 1, 30, tzinfo=berlin)  # 00:30 UTC: 1.5 real hours before due
    transfer = ClockKind.TRANSFER  # natural hours, and a deadline that never moves
    state = compute_clock(transfer, [ev(START, start, kind=transfer)], fair, 24 * H, True, now)
    assert state.due_at == datetime(2024, 3, 31, 4, tzinfo=berlin)
    assert state.remaining == 90 * M
    assert is_due_within(state, now, 1.5)
    assert not is_due_within(state, now, 1.4)


def test_transfer_counts_24_natural_hours_under_every_rule_set() -> None:
    """2006 Art 11: 24 natural hours, even where the defence clock counts opening hours;
    its deadline is the authority's and stays at night."""
    transfer = ClockKind.TRANSFER
    for opening_only in (True, False):
        state = clock([ev(START, sh(5, 16), kind=transfer)], 24, opening_only, sh(5, 17), transfer)
        assert state.due_at == sh(6, 16)
    night = clock([ev(START, sh(5, 20), kind=transfer)], 4, True, sh(5, 22), transfer)
    assert night.due_at == sh(6, 0)


def test_a_recheck_due_after_closing_is_due_at_the_next_opening() -> None:
    """A 2 h re-check ordered at 17:20 (after closing) is due at the next opening, not 19:20."""
    recheck = ClockKind.RECHECK
    state = clock([ev(START, sh(5, 17, 20), kind=recheck)], 2, False, sh(5, 17, 30), recheck)
    assert state.due_at == sh(6, 9)


def test_a_clock_started_after_the_close_is_never_due_before_its_start() -> None:
    """A measure ordered after the fair closed: its re-check cannot be due at the close,
    hours before the order (a printed decision would read "due before ordered")."""
    recheck = ClockKind.RECHECK
    late = FAIR.fair_close() + timedelta(days=3, hours=2)
    state = clock([ev(START, late, kind=recheck)], 2, False, late + timedelta(minutes=5), recheck)
    assert state.due_at == late and state.capped_at_close
    assert state.due_at >= state.started_at


NAIVE = datetime(2024, 11, 5, 10)


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda: ev(START, NAIVE), id="event"),
        pytest.param(lambda: clock([ev(START, sh(5, 10))], 4, False, NAIVE), id="compute-now"),
        pytest.param(lambda: is_due_within(RUNNING, NAIVE, 2), id="due-within"),
        pytest.param(lambda: is_overdue(RUNNING, NAIVE), id="overdue"),
    ],
)
def test_naive_datetimes_are_rejected(call: object) -> None:
    with pytest.raises(ValueError, match="must carry a time zone"):
        call()  # type: ignore[operator]


def test_negative_duration_is_rejected() -> None:
    with pytest.raises(ValueError, match="cannot be negative"):
        compute_clock(DEFENCE, [], FAIR, -H, False, sh(5, 10))


def test_negative_look_ahead_is_rejected() -> None:
    with pytest.raises(ValueError, match="must not be negative"):
        is_due_within(RUNNING, sh(5, 12), -1)


@pytest.mark.parametrize(
    ("events", "message"),
    [
        (
            [ev(PAUSE, sh(5, 10))],
            "Cannot pause the defence clock at 2024-11-05 10:00: it has not been started.",
        ),
        (
            [ev(RESUME, sh(5, 10))],
            "Cannot resume the defence clock at 2024-11-05 10:00: it has not been started.",
        ),
        (
            [ev(STOP, sh(5, 10))],
            "Cannot stop the defence clock at 2024-11-05 10:00: it has not been started.",
        ),
        (
            [ev(START, sh(5, 10)), ev(START, sh(5, 11))],
            "Cannot start the defence clock at 2024-11-05 11:00: it is already running. "
            "Stop it before starting it again.",
        ),
        (
            [ev(START, sh(5, 10)), ev(PAUSE, sh(5, 11)), ev(START, sh(5, 12))],
            "Cannot start the defence clock at 2024-11-05 12:00: it is paused, not stopped. "
            "Stop it before starting it again.",
        ),
        (
            [ev(START, sh(5, 10)), ev(RESUME, sh(5, 11))],
            "Cannot resume the defence clock at 2024-11-05 11:00: it is running, not paused.",
        ),
        (
            [ev(START, sh(5, 10)), ev(PAUSE, sh(5, 11)), ev(PAUSE, sh(5, 12))],
            "Cannot pause the defence clock at 2024-11-05 12:00: it is already paused.",
        ),
        (
            [ev(START, sh(5, 10)), ev(STOP, sh(5, 11)), ev(PAUSE, sh(5, 12))],
            "Cannot pause the defence clock at 2024-11-05 12:00: it was stopped at "
            "2024-11-05 11:00. Start it again first.",
        ),
        (
            [ev(START, sh(5, 10)), ev(STOP, sh(5, 11)), ev(RESUME, sh(5, 12))],
            "Cannot resume the defence clock at 2024-11-05 12:00: it was stopped at "
            "2024-11-05 11:00. Start it again first.",
        ),
        (
            [ev(START, sh(5, 10)), ev(STOP, sh(5, 11)), ev(STOP, sh(5, 12))],
            "Cannot stop the defence clock at 2024-11-05 12:00: it was stopped at "
            "2024-11-05 11:00. Start it again first.",
        ),
        (
            [
                ev(START, sh(5, 11), kind=ClockKind.RECHECK),
                ev(PAUSE, sh(5, 10), kind=ClockKind.RECHECK),
            ],
            "The re-check clock events are out of order: pause at 2024-11-05 10:00 is recorded "
            "after start at 2024-11-05 11:00.",
        ),
    ],
)
def test_bad_sequences_are_rejected(events: list[ClockEvent], message: str) -> None:
    with pytest.raises(ValueError) as err:
        validate_sequence(events)
    assert str(err.value) == message


def test_compute_clock_rejects_bad_sequence() -> None:
    with pytest.raises(ValueError, match="it is already running"):
        clock([ev(START, sh(5, 10)), ev(START, sh(5, 11))], 4, False, sh(5, 12))


@pytest.mark.parametrize(
    "events",
    [
        [],
        [ev(START, sh(5, 10)), ev(PAUSE, sh(5, 11)), ev(RESUME, sh(5, 12)), ev(STOP, sh(5, 13))],
        [ev(START, sh(5, 10)), ev(PAUSE, sh(5, 11)), ev(STOP, sh(5, 12)), ev(START, sh(5, 12))],
        # Different kinds are separate clocks, so two starts in a row are fine.
        [ev(START, sh(5, 10)), ev(START, sh(5, 10), kind=ClockKind.TRANSFER)],
        # Same instant is not out of order.
        [ev(START, sh(5, 10)), ev(PAUSE, sh(5, 10)), ev(RESUME, sh(5, 10))],
    ],
)
def test_good_sequences_pass(events: list[ClockEvent]) -> None:
    validate_sequence(events)
