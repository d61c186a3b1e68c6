"""Changing a fair's set-up: checked like creating one, audited, clocks follow."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import select

from fairdesk.db.models import AuditEvent
from fairdesk.domain.errors import InvalidInput, MissingRequirement, PermissionDenied
from fairdesk.domain.rules import PRESETS
from fairdesk.services.casework.cases import CaseFilter, list_cases
from fairdesk.services.casework.steps import act_on_case, act_on_complaint
from fairdesk.services.checks.audit_verify import verify_chain
from fairdesk.services.fair import fairs
from fairdesk.services.fair.fairs import fair_by_code
from fairdesk.services.intake.intake import register_complaint
from fairdesk.services.organizer.fair_setup import (
    FairFields,
    check_fair,
    count_fair_complaints,
    parse_halls,
    update_fair,
)
from tests.conftest import Team
from tests.helpers import FAIR, complaint_input, make_fair

GOOD = FairFields(
    code="CIIE2026",
    name="第九届进博会",
    start=date(2026, 11, 5),
    end=date(2026, 11, 10),
    hours="09:00-17:00",
)


def _events(team: Team, action: str) -> list[AuditEvent]:
    with team.admin.db.reading() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def _notified_case(team: Team) -> str:
    reg = register_complaint(team.desk, FAIR, complaint_input("4.1A01"))
    act_on_complaint(team.desk, reg.number, "accept")
    act_on_case(team.desk, reg.case_numbers[0], "notify", served_at=team.desk.now())
    return reg.case_numbers[0]


def _next_due(team: Team) -> datetime | None:
    (row,) = list_cases(team.desk, CaseFilter(FAIR))
    return row.next_due


def test_update_changes_what_is_given_and_audits_before_and_after(team: Team) -> None:
    make_fair(team.admin)
    info = update_fair(
        team.admin,
        FAIR,
        name_en=" Test Expo ",
        venue="国家会展中心（上海）",
        halls=["4.1", " 4.2", "4.1", ""],
    )
    assert (info.name, info.name_en, info.venue) == (
        "测试博览会",
        "Test Expo",
        "国家会展中心（上海）",
    )
    assert info.halls == ("4.1", "4.2")
    assert fairs.get_fair(team.desk, FAIR) == info
    (event,) = _events(team, "fair.update")
    assert event.before == {"name_en": "", "venue": "", "halls": {"halls": []}}
    assert event.after == {
        "name_en": "Test Expo",
        "venue": "国家会展中心（上海）",
        "halls": {"halls": ["4.1", "4.2"]},
    }
    assert event.username == "admin" and event.reason == ""
    assert verify_chain(team.admin).ok


def test_nothing_changed_writes_nothing(team: Team) -> None:
    make_fair(team.admin)
    before = fairs.get_fair(team.admin, FAIR)
    after = update_fair(
        team.admin, FAIR, name="测试博览会", hours="9:00-17:00", start=date(2026, 11, 5)
    )
    assert after == before
    assert _events(team, "fair.update") == []


def test_dates_hours_zone_and_rules(team: Team) -> None:
    make_fair(team.admin)
    info = update_fair(
        team.admin,
        FAIR,
        start=date(2026, 11, 4),
        end=date(2026, 11, 11),
        hours="08:30-18:00",
        timezone="Asia/Hong_Kong",
        rules="ciftis-12h",
    )
    assert (info.start_date, info.end_date, info.hours, info.timezone) == (
        date(2026, 11, 4),
        date(2026, 11, 11),
        "08:30-18:00",
        "Asia/Hong_Kong",
    )
    assert info.rules == PRESETS["ciftis-12h"]
    custom = PRESETS["ciftis-12h"].with_changes(defence_hours=6)
    assert update_fair(team.admin, FAIR, rules=custom).rules.defence_hours == 6


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": "  "}, "The fair needs a name."),
        ({"name": "展" * 301}, "The fair's name is longer than 300 characters."),
        ({"venue": "v" * 301}, "The fair's venue is longer than 300 characters."),
        ({"hours": "9-5"}, "Opening hours must look like 09:00-17:00, got '9-5'."),
        ({"hours": "17:00-09:00"}, "Opening hours must end after they start, got '17:00-09:00'."),
        ({"hours": "25:00-26:00"}, "Opening hours must look like 09:00-17:00, got '25:00-26:00'."),
        (
            {"timezone": "Mars/Olympus"},
            "'Mars/Olympus' is not a known time zone (e.g. Asia/Shanghai).",
        ),
        (
            {"end": date(2026, 11, 1)},
            "The fair's last day 2026-11-01 is before its first day 2026-11-05.",
        ),
        (
            {"rules": "nope"},
            "Unknown rule set 'nope'. Choose one of: cnipa-24h, ciftis-12h, huabo-4h.",
        ),
    ],
)
def test_bad_input_is_refused_with_a_message(
    team: Team, changes: dict[str, Any], message: str
) -> None:
    make_fair(team.admin)
    before = fairs.get_fair(team.admin, FAIR)
    with pytest.raises(InvalidInput) as err:
        update_fair(team.admin, FAIR, **changes)
    assert str(err.value) == message
    assert fairs.get_fair(team.admin, FAIR) == before


def test_a_closed_day_must_stay_inside_the_fair(team: Team) -> None:
    make_fair(team.admin)
    with team.admin.db.writing() as session:
        fair_by_code(session, FAIR).day_hours = {"2026-11-10": "09:00-12:00"}
    with pytest.raises(InvalidInput, match=r"2026-11-10 is not a day of the fair \(2026-11-05 to"):
        update_fair(team.admin, FAIR, end=date(2026, 11, 9))
    assert fairs.get_fair(team.admin, FAIR).end_date == date(2026, 11, 10)


@pytest.mark.parametrize(
    "fields",
    [
        GOOD.__class__(**{**GOOD.__dict__, "code": "bad code!"}),
        GOOD.__class__(**{**GOOD.__dict__, "name": ""}),
        GOOD.__class__(**{**GOOD.__dict__, "timezone": "Nowhere/City"}),
        GOOD.__class__(**{**GOOD.__dict__, "hours": "nine to five"}),
        GOOD.__class__(**{**GOOD.__dict__, "end": date(2026, 11, 4)}),
    ],
    ids=["code", "name", "timezone", "hours", "dates"],
)
def test_check_fair_says_what_create_fair_says(team: Team, fields: FairFields) -> None:
    (message,) = check_fair(fields).values()
    with pytest.raises(InvalidInput) as err:
        fairs.create_fair(
            team.admin,
            fields.code,
            fields.name,
            fields.start,
            fields.end,
            hours=fields.hours,
            timezone=fields.timezone,
        )
    assert str(err.value) == message


def test_check_fair_reports_every_field_in_form_order() -> None:
    assert check_fair(GOOD) == {}
    bad = FairFields(code="", name="", start=GOOD.end, end=GOOD.start, hours="x", timezone="?")
    assert list(check_fair(bad)) == ["code", "name", "dates", "hours", "timezone"]
    late = FairFields(code="A", name="B", start=GOOD.end, end=GOOD.start, hours="09:00-10:00")
    assert list(check_fair(late)) == ["dates"]


def test_a_fair_with_complaints_needs_a_reason(team: Team) -> None:
    make_fair(team.admin)
    assert count_fair_complaints(team.desk, FAIR) == 0
    _notified_case(team)
    assert count_fair_complaints(team.desk, FAIR) == 1
    with pytest.raises(MissingRequirement, match="already has 1 complaint"):
        update_fair(team.admin, FAIR, venue="新场馆")
    update_fair(team.admin, FAIR, venue="新场馆", reason="场馆变更")
    (event,) = _events(team, "fair.update")
    assert event.reason == "场馆变更"
    # Saving the same values again needs no reason: nothing changes.
    update_fair(team.admin, FAIR, venue="新场馆")


def test_running_deadlines_follow_new_rules(team: Team) -> None:
    make_fair(team.admin)
    _notified_case(team)
    assert _next_due(team) == datetime(2026, 11, 6, 1, 30, tzinfo=UTC)  # 24 h
    update_fair(
        team.admin, FAIR, rules=PRESETS["cnipa-24h"].with_changes(defence_hours=6), reason="r"
    )
    assert _next_due(team) == datetime(2026, 11, 5, 7, 30, tzinfo=UTC)  # 15:30 local


def test_running_deadlines_follow_new_opening_hours(team: Team) -> None:
    make_fair(team.admin, rules="ciftis-12h")
    _notified_case(team)  # 09:30 Shanghai: 7.5 h today, 4.5 h tomorrow
    assert _next_due(team) == datetime(2026, 11, 6, 5, 30, tzinfo=UTC)  # 13:30 local
    update_fair(team.admin, FAIR, hours="09:00-18:00", reason="延长开放")
    assert _next_due(team) == datetime(2026, 11, 6, 4, 30, tzinfo=UTC)  # 12:30 local


def test_only_admin_may_change_a_fair(team: Team) -> None:
    make_fair(team.admin)
    with pytest.raises(PermissionDenied, match="signed in as desk"):
        update_fair(team.desk, FAIR, venue="x")


@pytest.mark.parametrize(
    ("text", "halls"),
    [
        ("4.1, 4.2，5.1、N1", ["4.1", "4.2", "5.1", "N1"]),
        ("  ", []),
        ("4.1;4.1\n4.2", ["4.1", "4.2"]),
    ],
)
def test_parse_halls(text: str, halls: list[str]) -> None:
    assert parse_halls(text) == halls


def test_a_form_opened_before_another_desks_change_is_refused(team: Team) -> None:
    from fairdesk.domain.errors import ConcurrentEdit

    make_fair(team.admin)
    first = fairs.get_fair(team.admin, FAIR)  # two administrators open the same fair
    second = fairs.get_fair(team.admin, FAIR)
    saved = update_fair(team.admin, FAIR, hours="08:30-17:00", expected_version=first.version)
    assert saved.version > first.version
    with pytest.raises(ConcurrentEdit, match=f"The fair {FAIR} was changed by admin at"):
        update_fair(team.admin, FAIR, venue="新馆", expected_version=second.version)
    assert fairs.get_fair(team.admin, FAIR).hours == "08:30-17:00"  # not put back
    assert (
        update_fair(team.admin, FAIR, venue="新馆", expected_version=saved.version).venue == "新馆"
    )
