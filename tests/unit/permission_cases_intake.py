"""Permission-matrix entries for registering a complaint together with its first step
(fairdesk.services.intake.intake.register_and_step): desk staff only, like registering alone."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fairdesk.domain.enums import Role
from fairdesk.services.context import Context
from fairdesk.services.intake import intake
from tests.helpers import FAIR, complaint_input

CASES: dict[str, tuple[frozenset[Role], Callable[[Context], Any]]] = {
    "intake.register_and_step": (
        frozenset({Role.DESK}),
        lambda c: intake.register_and_step(c, FAIR, complaint_input("4.1A02"), "accept"),
    ),
}
