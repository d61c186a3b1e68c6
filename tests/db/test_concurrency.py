"""Several desks at once: unique, gap-free numbers and refused stale saves."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from fairdesk.db.engine import Database
from fairdesk.domain.errors import ConcurrentEdit
from fairdesk.services.casework.steps import act_on_case, act_on_complaint
from fairdesk.services.checks.audit_verify import verify_chain
from fairdesk.services.context import Context
from fairdesk.services.intake.intake import register_complaint
from tests.conftest import Team
from tests.helpers import FAIR, complaint_input, make_fair

DESKS, PER_DESK = 6, 5


def test_parallel_registrations_get_unique_gap_free_numbers(team: Team) -> None:
    make_fair(team.admin, exhibitors=3)

    def desk(i: int) -> list[str]:
        # Each desk has its own engine and connection pool, as a separate PC would.
        own = Database(team.desk.db.url)
        try:
            ctx = Context(own, team.desk.actor, team.desk.now)
            return [
                register_complaint(ctx, FAIR, complaint_input(f"4.1A0{1 + (i + k) % 3}")).number
                for k in range(PER_DESK)
            ]
        finally:
            own.dispose()

    with ThreadPoolExecutor(DESKS) as pool:
        numbers = [n for batch in pool.map(desk, range(DESKS)) for n in batch]
    assert sorted(numbers) == [f"{FAIR}-{i:04d}" for i in range(1, DESKS * PER_DESK + 1)]
    assert verify_chain(team.admin).ok


def test_parallel_registrations_with_new_rights_never_deadlock(team: Team) -> None:
    """Adding a new right is an audited write before the number is drawn; reusing one is
    not: desks doing either must never wait on each other in opposite orders."""
    from tests.helpers import RightInput

    make_fair(team.admin, exhibitors=3)

    def desk(i: int) -> list[str]:
        own = Database(team.desk.db.url)
        try:
            ctx = Context(own, team.desk.actor, team.desk.now)
            return [
                register_complaint(
                    ctx,
                    FAIR,
                    # Half the desks reuse a registered right, half add a new one.
                    complaint_input(
                        "4.1A01", right=RightInput("trademark", f"TM{i}-{k}" if i % 2 else "TM")
                    ),
                ).number
                for k in range(PER_DESK)
            ]
        finally:
            own.dispose()

    with ThreadPoolExecutor(DESKS) as pool:
        numbers = [n for batch in pool.map(desk, range(DESKS)) for n in batch]
    assert sorted(numbers) == [f"{FAIR}-{i:04d}" for i in range(1, DESKS * PER_DESK + 1)]


def test_two_desks_taking_the_same_step_one_wins(team: Team) -> None:
    make_fair(team.admin)
    reg = register_complaint(team.desk, FAIR, complaint_input())
    act_on_complaint(team.desk, reg.number, "accept")
    case = reg.case_numbers[0]

    def step(ctx: Context) -> str:
        try:
            return act_on_case(ctx, case, "notify", expected_version=1).state
        except ConcurrentEdit:
            return "refused"
        except Exception as exc:  # the loser may also find the case already NOTIFIED
            return type(exc).__name__

    with ThreadPoolExecutor(2) as pool:
        results = sorted(pool.map(step, [team.desk, team.desk2]))
    assert results[1] == "refused" or results == ["IllegalTransition", "NOTIFIED"]
    assert "NOTIFIED" in results
    with pytest.raises(ConcurrentEdit):
        act_on_case(team.desk, case, "withdraw", reason="x", expected_version=1)
