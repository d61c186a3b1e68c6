"""After the time of service is recorded, the case says why its defence deadline is more
than the period after it, when the period would end while the fair is closed."""

from __future__ import annotations

from fairdesk.services.casework.steps import act_on_case, act_on_complaint, available_steps
from fairdesk.services.intake.intake import register_complaint
from tests.conftest import FakeClock, Team
from tests.helpers import FAIR, complaint_input, make_fair


def _accepted_case(team: Team, booth: str) -> str:
    reg = register_complaint(team.desk, FAIR, complaint_input(booth))
    act_on_complaint(team.desk, reg.number, "accept")
    return reg.case_numbers[0]


def _why_not_again(team: Team, number: str) -> str:
    choice = next(
        c for c in available_steps(team.desk, number).choices if c.action == "record_service"
    )
    assert not choice.allowed
    return str(choice.refusal)


def test_a_period_ending_while_closed_says_it_is_due_at_the_next_opening(
    team: Team, clock: FakeClock
) -> None:
    make_fair(team.admin)  # 09:00-17:00, a 24-hour defence period
    late, in_hours = _accepted_case(team, "4.1A01"), _accepted_case(team, "4.1A02")
    clock.advance(hours=12)  # 21:30 at the fair
    act_on_case(team.desk, late, "notify", served_at="2026-11-05 20:00")
    act_on_case(team.desk, in_hours, "notify", served_at="2026-11-05 10:00")
    text = _why_not_again(team, late)
    assert "next opening hour" in text and "2026-11-07 09:00" in text, text
    text = _why_not_again(team, in_hours)
    assert "runs from then" in text and "opening" not in text, text
