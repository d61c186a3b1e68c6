"""Permission-matrix entries for the intake form's read services (fairdesk.services.intake.lookup).

Every desk role may look things up: they only read (Permission.VIEW).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fairdesk.domain.enums import Role
from fairdesk.services.context import Context
from fairdesk.services.intake import lookup
from tests.helpers import FAIR

ALL = frozenset(Role)

CASES: dict[str, tuple[frozenset[Role], Callable[[Context], Any]]] = {
    "lookup.search_exhibitors": (ALL, lambda c: lookup.search_exhibitors(c, FAIR, "4.1A")),
    "lookup.exhibitors_at_booth": (ALL, lambda c: lookup.exhibitors_at_booth(c, FAIR, "4.1A01")),
    "lookup.search_parties": (ALL, lambda c: lookup.search_parties(c, "示例")),
    "lookup.search_rights": (ALL, lambda c: lookup.search_rights(c, "ZL")),
    "lookup.prior_complaints": (
        ALL,
        lambda c: lookup.prior_complaints(
            c, FAIR, "示例品牌股份有限公司", ["ZL202330123456.7"], [1]
        ),
    ),
    "lookup.supplement_deadline": (ALL, lambda c: lookup.supplement_deadline(c, FAIR)),
}
