"""The referral package (两法衔接 / 行刑衔接): a case referred to an authority (the police
for a criminal lead, market regulation, the IP office) leaves as the referral letter
(issued, registered and signed like every document), a structured case summary, the
evidence files with their SHA-256 and capture times, and a signed manifest. The case
records what was sent, when and to whom.

    export_referral(ctx, "CIIE2026-0001-1", Path("referral.zip"))   # or a folder
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fairdesk.db.models import Fair
from fairdesk.domain.errors import IllegalTransition
from fairdesk.domain.permissions import Permission
from fairdesk.domain.workflow import Entity, step
from fairdesk.services.casework.cases import case_by_number
from fairdesk.services.context import Context
from fairdesk.services.handoff import handoff_case, handoff_log
from fairdesk.services.handoff.evidence_package import (
    README,
    PackageResult,
    package_facts,
    read_originals,
    seal,
)
from fairdesk.services.paper.documents import issue_document
from fairdesk.services.trust import signed_package

Progress = Callable[[int, int], None]
LETTER = "referral-letter"


def _check_referred(ctx: Context, number: str) -> None:
    refer = step(Entity.CASE, "refer")
    with ctx.db.reading() as session:
        case = case_by_number(session, number)
        if not (case.referral_kind and case.authority):
            raise IllegalTransition(
                "Case {number} was not referred to an authority: take the step '{step}' "
                "first; the package goes where that step sends the case.",
                number=case.number,
                step=refer.label,
            )


def export_referral(
    ctx: Context, number: str, target: Path, progress: Progress | None = None
) -> PackageResult:
    """Write the referral package of case `number` to `target` (a .zip or a folder)."""
    ctx.require(Permission.ISSUE_DOCUMENT)
    _check_referred(ctx, number)
    with ctx.db.reading() as session:
        items = handoff_case.case_evidence(session, case_by_number(session, number))
    # The evidence is read (and checked) before the letter is issued: a damaged file
    # stops the package before anything is registered.
    content = read_originals(ctx, items, progress)
    letter = issue_document(ctx, LETTER, number)
    with ctx.db.reading() as session:
        case = case_by_number(session, number)
        zone = session.get_one(Fair, case.fair_id).timezone
        summary = handoff_case.case_summary(session, case)
        summary["evidence"] = handoff_case.evidence_entries(items, zone)
        summary["referral_letter"] = {"number": letter.number, "sha256": letter.content_hash}
        facts = package_facts(session, ctx, case, "案件线索移送 / referral to an authority")
        facts |= {
            "destination": case.referral_kind,
            "recipient": case.authority,
            "referral_letter": letter.number,
        }
        destination, recipient, case_number = case.referral_kind, case.authority, case.number
    content |= {
        "README.txt": README.encode(),
        "transfer_letter.pdf": letter.pdf,
        "case_summary.json": signed_package.canonical(summary),
    }
    result = seal(
        ctx,
        case_number,
        content,
        {**facts, "evidence": len(items)},
        target,
        kind=handoff_log.REFERRAL,
        destination=destination,
        recipient=recipient,
        files=len(items),
    )
    if progress is not None:
        progress(len(items) + 1, len(items) + 1)
    return result
