"""Permission cases of the organizer services (collected by test_permission_matrix).

Organizers, admins and the desk may export; inspectors may look but not export; only
the desk logs consultations.
"""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from fairdesk.domain.enums import Role
from fairdesk.services.context import Context
from fairdesk.services.fair import watchlist
from fairdesk.services.organizer import (
    consultations,
    day_report,
    followup,
    statistics,
    statistics_report,
)
from tests.helpers import FAIR

ALL = frozenset(Role)
EXPORTERS = frozenset({Role.ADMIN, Role.DESK, Role.ORGANIZER})


def _out(suffix: str) -> Path:
    return Path(tempfile.gettempdir()) / f"fairdesk-perm-{uuid.uuid4().hex}{suffix}"


def _export(fn: Callable[..., Any], suffix: str) -> Callable[[Context], Any]:
    def call(c: Context) -> Any:
        path = _out(suffix)
        try:
            return fn(c, FAIR, path)
        finally:
            path.unlink(missing_ok=True)

    return call


CASES: dict[str, tuple[frozenset[Role], Callable[[Context], Any]]] = {
    "followup.count_followup": (EXPORTERS, lambda c: followup.count_followup(c, FAIR)),
    "followup.iter_followup": (EXPORTERS, lambda c: list(followup.iter_followup(c, FAIR))),
    "followup.export_followup": (EXPORTERS, _export(followup.export_followup, ".csv")),
    "statistics.fair_statistics": (ALL, lambda c: statistics.fair_statistics(c, FAIR)),
    "statistics_report.export_report": (
        EXPORTERS,
        _export(statistics_report.export_report, ".pdf"),
    ),
    "watchlist.watch_list": (ALL, lambda c: watchlist.watch_list(c, FAIR)),
    "watchlist.flag_imported": (ALL, lambda c: watchlist.flag_imported(c, FAIR)),
    "watchlist.watch_marks": (ALL, lambda c: watchlist.watch_marks(c, FAIR)),
    "watchlist.screening_rows": (EXPORTERS, lambda c: watchlist.screening_rows(c, FAIR)),
    "watchlist.export_screening": (EXPORTERS, _export(watchlist.export_screening, ".xlsx")),
    "consultations.log_consultation": (
        frozenset({Role.DESK}),
        lambda c: consultations.log_consultation(c, FAIR, "patent", "德国", "de"),
    ),
    "consultations.consultation_counts": (
        ALL,
        lambda c: consultations.consultation_counts(c, FAIR),
    ),
    "day_report.day_report": (ALL, lambda c: day_report.day_report(c, FAIR, date(2026, 11, 5))),
}
