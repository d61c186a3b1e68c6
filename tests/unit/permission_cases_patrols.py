"""Permission-matrix entries for the inspector's side: evidence, patrols, re-checks and
the hall board (fairdesk.services.inspection.evidence / patrols / rechecks / hall_board).

Inspectors and the desk patrol and add evidence (Permission.PATROL, the workflow's FLOOR
roles for re-checks); organizers and admins only read; opening a complaint from a visit
is the desk's (Permission.REGISTER_COMPLAINT).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from PIL import Image

from fairdesk.app_context import SYSTEM
from fairdesk.config import data_dir
from fairdesk.domain.enums import Finding, Role
from fairdesk.services.context import Context
from fairdesk.services.inspection import evidence, hall_board, patrols, rechecks
from fairdesk.services.inspection.evidence import PhotoInput
from fairdesk.services.intake.intake import PartyInput, RightInput
from fairdesk.services.trust import users
from tests.helpers import FAIR

ALL = frozenset(Role)
FLOOR = frozenset({Role.DESK, Role.INSPECTOR})
CASE = f"{FAIR}-0001-1"


def _photo() -> PhotoInput:
    out = io.BytesIO()
    Image.new("RGB", (32, 24), "green").save(out, "JPEG")
    return PhotoInput("booth.jpg", out.getvalue())


def _inspector(c: Context) -> Context:
    """The fixture's inspector, to set up what the call under test needs."""
    info = users.get_user(Context(c.db, SYSTEM, c.now), "inspector1")
    return Context(c.db, info.actor, c.now)


def _sha(c: Context) -> str:
    return evidence.import_file(_inspector(c), _photo()).sha256


def _round(c: Context) -> str:
    return patrols.start_round(_inspector(c), FAIR, "4.1").uid


def _visit(c: Context) -> str:
    insp = _inspector(c)
    return patrols.record_visit(
        insp,
        patrols.VisitInput(
            _round(c), "4.1A02", Finding.SUSPECTED_INFRINGEMENT, "仿冒", photos=[_photo()]
        ),
    ).uid


def _register(c: Context) -> Any:
    uid = _visit(c)
    draft = patrols.complaint_draft_from_visit(_inspector(c), uid)
    draft.complainant = PartyInput("示例品牌股份有限公司")
    draft.rights = [RightInput("design", "ZL202330123456.7")]
    return patrols.register_complaint_from_visit(c, uid, draft)


CASES: dict[str, tuple[frozenset[Role], Callable[[Context], Any]]] = {
    "evidence.import_file": (
        FLOOR,
        lambda c: evidence.import_file(c, _photo()),
    ),
    "evidence.read_evidence": (ALL, lambda c: evidence.read_evidence(c, _sha(c))),
    "evidence.reduced_copy": (ALL, lambda c: evidence.reduced_copy(c, _sha(c))),
    "evidence.check_evidence": (ALL, lambda c: evidence.check_evidence(c, _sha(c))),
    "evidence.check_all": (
        frozenset({Role.ADMIN, Role.ORGANIZER}),
        lambda c: (_sha(c), evidence.check_all(c)),
    ),
    "evidence.export_copy": (
        ALL,
        lambda c: evidence.export_copy(c, _sha(c), data_dir() / "export"),
    ),
    "evidence.evidence_of": (ALL, lambda c: evidence.evidence_of(c, "case", CASE)),
    "patrols.resolve_target": (ALL, lambda c: patrols.resolve_target(c, FAIR, "4.1 a01")),
    "patrols.start_round": (
        FLOOR,
        lambda c: patrols.start_round(c, FAIR, "4.1"),
    ),
    "patrols.close_round": (FLOOR, lambda c: patrols.close_round(c, _round(c))),
    "patrols.get_round": (ALL, lambda c: patrols.get_round(c, _round(c))),
    "patrols.list_rounds": (ALL, lambda c: patrols.list_rounds(c, FAIR)),
    "patrols.record_visit": (
        FLOOR,
        lambda c: patrols.record_visit(
            c, patrols.VisitInput(_round(c), "4.1A01", Finding.NOTHING, photos=[_photo()])
        ),
    ),
    "patrols.get_visit": (ALL, lambda c: patrols.get_visit(c, _visit(c))),
    "patrols.list_visits": (ALL, lambda c: patrols.list_visits(c, FAIR)),
    "patrols.complaint_draft_from_visit": (
        ALL,
        lambda c: patrols.complaint_draft_from_visit(c, _visit(c)),
    ),
    "patrols.register_complaint_from_visit": (
        frozenset({Role.DESK}),
        _register,
    ),
    "rechecks.list_tasks": (ALL, lambda c: rechecks.list_tasks(c, FAIR)),
    "rechecks.record_recheck": (
        FLOOR,
        lambda c: rechecks.record_recheck(c, rechecks.RecheckInput(CASE, "passed")),
    ),
    "rechecks.add_before_photo": (
        FLOOR,
        lambda c: (
            rechecks.add_before_photo(c, CASE, _photo()),
        ),
    ),
    "rechecks.recheck_record": (ALL, lambda c: rechecks.recheck_record(c, CASE)),
    "hall_board.hall_board": (ALL, lambda c: hall_board.hall_board(c, FAIR, "4.1")),
}
