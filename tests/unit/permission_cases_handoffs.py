"""Hand-offs: the credit list (whoever exports lists), the signed packages (whoever signs
documents), and the hand-off history (everyone who sees cases)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from fairdesk.domain.enums import Role
from fairdesk.services.handoff import (
    evidence_package,
    handoff_credit,
    handoff_log,
    handoff_referral,
)
from tests.helpers import FAIR

A, D, I, O = Role.ADMIN, Role.DESK, Role.INSPECTOR, Role.ORGANIZER  # noqa: E741
CASE = f"{FAIR}-0001-1"


def _out(name: str) -> Path:
    return Path(tempfile.mkdtemp()) / name


CASES = {
    "handoff_log.handoffs_of_case": (
        frozenset(Role),
        lambda c: handoff_log.handoffs_of_case(c, CASE),
    ),
    "handoff_log.fair_counts": (frozenset(Role), lambda c: handoff_log.fair_counts(c, FAIR)),
    "handoff_credit.export_credit": (
        frozenset({A, D, O}),
        lambda c: handoff_credit.export_credit(c, FAIR, _out("credit.csv")),
    ),
    "evidence_package.export_evidence": (
        frozenset({D}),
        lambda c: evidence_package.export_evidence(c, CASE, _out("e.zip")),
    ),
    "evidence_package.read_originals": (
        frozenset(Role),
        lambda c: evidence_package.read_originals(c, [], None),
    ),
    "evidence_package.seal": (
        frozenset({D}),
        lambda c: evidence_package.seal(
            c,
            CASE,
            {"a.txt": b"a"},
            {},
            _out("p.zip"),
            kind="evidence",
            destination="evidence_platform",
            recipient="",
            files=0,
        ),
    ),  # fmt: skip
    "handoff_referral.export_referral": (
        frozenset({D}),
        lambda c: handoff_referral.export_referral(c, CASE, _out("r.zip")),
    ),
}
