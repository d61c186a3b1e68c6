"""Permission matrix entries for the exhibitor list and history (exhibitor_queries)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fairdesk.domain.enums import Role
from fairdesk.services.context import Context
from fairdesk.services.fair import exhibitor_queries, exhibitors, first_steps
from fairdesk.services.fair.exhibitors import find_by_booth
from tests.helpers import FAIR

ALL = frozenset(Role)


def _history(ctx: Context) -> Any:
    exhibitor_id = find_by_booth(ctx, FAIR, "4.1A01")[0].id
    return exhibitor_queries.exhibitor_history(ctx, exhibitor_id)


CASES: dict[str, tuple[frozenset[Role], Callable[[Context], Any]]] = {
    "exhibitors.halls_not_of_fair": (ALL, lambda c: exhibitors.halls_not_of_fair(c, FAIR)),
    "first_steps.first_steps": (ALL, lambda c: first_steps.first_steps(c, FAIR)),
    "exhibitor_queries.list_exhibitors": (
        ALL,
        lambda c: exhibitor_queries.list_exhibitors(c, FAIR, "4.1A", limit=10),
    ),
    "exhibitor_queries.count_exhibitors_matching": (
        ALL,
        lambda c: exhibitor_queries.count_exhibitors_matching(c, FAIR, "Test"),
    ),
    "exhibitor_queries.exhibitor_history": (ALL, _history),
}
