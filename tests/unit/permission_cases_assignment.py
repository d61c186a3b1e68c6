"""Permission cases of case assignment (collected by test_permission_matrix): the desk
and admins assign; everyone may see who can be assigned."""

from __future__ import annotations

from fairdesk.domain.enums import Role
from fairdesk.services.casework import assignment
from tests.helpers import FAIR

ALL = frozenset(Role)
CASE = f"{FAIR}-0001-1"

CASES = {
    "assignment.assign_cases": (
        frozenset({Role.ADMIN, Role.DESK}),
        lambda c: assignment.assign_cases(c, [CASE], "desk2", reason="hall 4.1"),
    ),
    "assignment.assignable_users": (ALL, assignment.assignable_users),
}
