"""Every public service, called as every role: refused exactly for the roles that may not.

Services are discovered from fairdesk.services: a new public function taking a Context
must be added to MATRIX, or this test fails.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import fairdesk.services
from fairdesk.domain.enums import ClockKind, Role
from fairdesk.domain.errors import FairDeskError, PermissionDenied
from fairdesk.services.context import Context
from tests.conftest import SAMPLES, Team
from tests.helpers import FAIR, complaint_input, make_fair

ALL = frozenset(Role)
A, D, I, O = Role.ADMIN, Role.DESK, Role.INSPECTOR, Role.ORGANIZER  # noqa: E741
Call = Callable[[Context], Any]


def _extra_calls() -> dict[str, tuple[frozenset[Role], Call]]:
    """Entries from tests/unit/permission_cases_*.py (one file per area of the app), each
    a module with CASES = {"module.function": (allowed roles, call)}. Every call runs on
    the fixture below: fair FAIR with exhibitors at 4.1A01..4.1A05 and one accepted
    complaint FAIR-0001 whose case FAIR-0001-1 is NOTIFIED."""
    extra: dict[str, tuple[frozenset[Role], Call]] = {}
    for path in sorted(Path(__file__).parent.glob("permission_cases_*.py")):
        module = importlib.import_module(f"tests.unit.{path.stem}")
        extra.update(module.CASES)
    return extra


def _calls() -> dict[str, tuple[frozenset[Role], Call]]:
    return {**_core_calls(), **_extra_calls()}


def _core_calls() -> dict[str, tuple[frozenset[Role], Call]]:
    from fairdesk.services.casework import amend, cases, clocks, steps
    from fairdesk.services.checks import audit_verify
    from fairdesk.services.fair import exhibitors, fairs
    from fairdesk.services.intake import intake
    from fairdesk.services.organizer import fair_setup
    from fairdesk.services.trust import users

    case = f"{FAIR}-0001-1"
    return {
        "fairs.create_fair": (
            frozenset({A}),
            lambda c: fairs.create_fair(c, "NEW1", "新展会", date(2027, 1, 1), date(2027, 1, 2)),
        ),
        "fair_setup.update_rules": (
            frozenset({A}),
            lambda c: fair_setup.update_rules(c, FAIR, defence_hours=12),
        ),
        "fairs.list_fairs": (ALL, fairs.list_fairs),
        "fairs.get_fair": (ALL, lambda c: fairs.get_fair(c, FAIR)),
        "exhibitors.import_exhibitors": (
            frozenset({A, D, O}),
            lambda c: exhibitors.import_exhibitors(c, FAIR, SAMPLES / "exhibitors_sample.csv"),
        ),
        "exhibitors.set_ip_commitment": (
            frozenset({A, D, O}),
            lambda c: exhibitors.set_ip_commitment(
                c, exhibitors.find_by_booth(c, FAIR, "4.1A01")[0].id, True
            ),
        ),
        "exhibitors.count_exhibitors": (ALL, lambda c: exhibitors.count_exhibitors(c, FAIR)),
        "exhibitors.find_by_booth": (ALL, lambda c: exhibitors.find_by_booth(c, FAIR, "4.1A01")),
        "exhibitors.halls_in_use": (ALL, lambda c: exhibitors.halls_in_use(c, FAIR)),
        "intake.register_complaint": (
            frozenset({D}),
            lambda c: intake.register_complaint(c, FAIR, complaint_input()),
        ),
        "steps.act_on_complaint": (
            frozenset({D}),
            lambda c: steps.act_on_complaint(
                c, f"{FAIR}-0001", "reject", reason_code="no_standing"
            ),
        ),
        "steps.act_on_case": (
            frozenset({D}),
            lambda c: steps.act_on_case(c, case, "withdraw", reason="撤回"),
        ),
        "steps.take_step": (
            frozenset({D}),
            lambda c: steps.take_step(c, case, "record_defence", summary="答辩"),
        ),
        "steps.available_steps": (ALL, lambda c: steps.available_steps(c, case)),
        "clocks.pause": (
            frozenset({D}),
            lambda c: clocks.pause(c, case, ClockKind.DEFENCE, "等待"),
        ),
        "clocks.resume": (frozenset({D}), lambda c: clocks.resume(c, case, ClockKind.DEFENCE)),
        "clocks.clocks_for_case": (ALL, lambda c: clocks.clocks_for_case(c, case)),
        "cases.list_cases": (ALL, lambda c: cases.list_cases(c, cases.CaseFilter(FAIR))),
        "cases.count_cases": (ALL, lambda c: cases.count_cases(c, cases.CaseFilter(FAIR))),
        "cases.list_page": (ALL, lambda c: cases.list_page(c, cases.CaseFilter(FAIR), 0, 10)),
        "cases.counts_by_state": (ALL, lambda c: cases.counts_by_state(c, FAIR)),
        "cases.timeline": (ALL, lambda c: cases.timeline(c, case)),
        "users.add_user": (
            frozenset({A}),
            lambda c: users.add_user(c, "newbie", "desk", "newbie-pass"),
        ),
        "users.ensure_user": (frozenset({A}), lambda c: users.ensure_user(c, "ghost1", Role.DESK)),
        "users.list_users": (frozenset({A}), users.list_users),
        "users.disable_user": (frozenset({A}), lambda c: users.disable_user(c, "desk2")),
        "users.enable_user": (frozenset({A}), lambda c: users.enable_user(c, "desk2")),
        "users.set_role": (frozenset({A}), lambda c: users.set_role(c, "desk2", "inspector")),
        "users.set_password": (
            frozenset({A}),
            lambda c: users.set_password(c, "desk2", "reset-password"),
        ),
        "audit_verify.verify_chain": (frozenset({A, O}), audit_verify.verify_chain),
        "cases.last_change": (ALL, cases.last_change),
        "amend.amend_decision": (  # whoever may decide: the desk or a stationed officer
            frozenset({D, Role.OFFICER}),
            lambda c: amend.amend_decision(c, case, "更正", legal_basis="Art 14"),
        ),
        "amend.amend_finding": (
            frozenset({D, I}),
            lambda c: amend.amend_finding(
                c, "00000000-0000-4000-8000-000000000000", "更正", notes="x"
            ),
        ),
    }


# Functions that take a Context but need no role: signing in, and look-ups used by it.
OPEN = {
    "users.authenticate",
    "users.sign_in",
    "users.get_user",
    "users.count_users",
    "users.has_password",
    "keys.is_demo",  # asked before anyone signs in
    "keys.mark_demo",  # refused once a database has users, whoever asks
}
# Modules whose services are covered by their own permission tests.
ELSEWHERE = {"demo", "demo_floor", "documents", "backup", "exhibitor_file", "story"}


def _public_services() -> set[str]:
    names = set()
    # Every module of every work package (fairdesk.services.casework.steps → "steps").
    for info in pkgutil.walk_packages(fairdesk.services.__path__, "fairdesk.services."):
        short = info.name.rpartition(".")[2]
        if info.ispkg or short in ELSEWHERE or short in {"context"}:
            continue
        module = importlib.import_module(info.name)
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if fn.__module__ != module.__name__ or name.startswith("_"):
                continue
            params = list(inspect.signature(fn).parameters.values())
            if params and params[0].name == "ctx":
                names.add(f"{short}.{name}")
    return names


def test_matrix_covers_every_service() -> None:
    assert _public_services() - OPEN == set(_calls())


@pytest.mark.parametrize("service", sorted(_calls()))
@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
def test_service_as_role(team: Team, service: str, role: Role, tmp_path: Path) -> None:
    allowed, call = _calls()[service]
    make_fair(team.admin)
    from fairdesk.services.casework.steps import act_on_case, act_on_complaint
    from fairdesk.services.intake.intake import register_complaint

    reg = register_complaint(team.desk, FAIR, complaint_input())
    act_on_complaint(team.desk, reg.number, "accept")
    act_on_case(team.desk, reg.case_numbers[0], "notify", served_at=team.desk.now())
    if service == "clocks.resume":
        from fairdesk.services.casework.clocks import pause

        pause(team.desk, reg.case_numbers[0], ClockKind.DEFENCE, "等待")
    ctx = team.by_role(role)
    if role in allowed:
        try:
            call(ctx)
        except PermissionDenied as exc:  # pragma: no cover - the failure we look for
            pytest.fail(f"{role.value} was refused {service}: {exc}")
        except FairDeskError:
            pass  # allowed, but refused for another reason (e.g. the state): fine here
    else:
        with pytest.raises(PermissionDenied, match=f"signed in as {role.value}"):
            call(ctx)
