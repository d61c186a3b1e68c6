"""Permission cases for the case view's read service (see test_permission_matrix)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fairdesk.domain.enums import Role
from fairdesk.services.casework import case_detail
from fairdesk.services.context import Context
from tests.helpers import FAIR

ALL = frozenset(Role)

CASES: dict[str, tuple[frozenset[Role], Callable[[Context], Any]]] = {
    "case_detail.case_detail": (ALL, lambda c: case_detail.case_detail(c, f"{FAIR}-0001-1")),
}
