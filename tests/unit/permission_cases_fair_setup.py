"""Permission matrix entries for changing a fair's set-up (fair_setup)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fairdesk.domain.enums import Role
from fairdesk.services.context import Context
from fairdesk.services.organizer import fair_setup
from tests.helpers import FAIR

ALL = frozenset(Role)
ADMIN = frozenset({Role.ADMIN})

CASES: dict[str, tuple[frozenset[Role], Callable[[Context], Any]]] = {
    "fair_setup.update_fair": (
        ADMIN,
        lambda c: fair_setup.update_fair(c, FAIR, venue="国家会展中心", reason="场馆确定"),
    ),
    "fair_setup.count_fair_complaints": (
        ALL,
        lambda c: fair_setup.count_fair_complaints(c, FAIR),
    ),
}
