"""Permission cases of the case-list export (collected by test_permission_matrix):
admins, the desk and organizers may export; inspectors may not."""

from __future__ import annotations

import tempfile
import uuid
from pathlib import Path

from fairdesk.domain.enums import Role
from fairdesk.services.casework import case_export
from fairdesk.services.casework.cases import CaseFilter
from tests.helpers import FAIR

EXPORTERS = frozenset({Role.ADMIN, Role.DESK, Role.ORGANIZER})


def _out(suffix: str) -> Path:
    return Path(tempfile.gettempdir()) / f"fairdesk-perm-{uuid.uuid4().hex}{suffix}"


CASES = {
    "case_export.export_cases": (
        EXPORTERS,
        lambda c: case_export.export_cases(c, CaseFilter(FAIR), _out(".csv")),
    ),
}
