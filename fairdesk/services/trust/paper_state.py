"""What a signed paper prints of a case, a complaint, a right or an evidence file, as its
audit events record it.

A document is drawn from the rows when it is issued and then signed honestly, so every
column it prints must be one the row check compares: otherwise one UPDATE rewrites a
ruling's reasons, its decider or the complainant, and the next honest print signs them.
The services write these states into the `after` of the events that change them, under
the one key `paper` (`trail.PAPER`); `row_check` reads them back and compares. One
function per record kind, used by both sides, so they cannot drift.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from fairdesk.db.models import (
    Complaint,
    EvidenceFile,
    EvidenceLink,
    IPRight,
    Party,
    RespondentCase,
    complaint_rights,
)
from fairdesk.domain.trail import BIRTHS, BORN_UNDER, PAPER
from fairdesk.services.trust.record_state import plain

PARTY_FIELDS = (
    "kind",
    "name",
    "name_en",
    "id_doc_type",
    "id_doc_no",
    "country",
    "address",
    "contact",
    "phone",
    "email",
)
CASE_FIELDS = (
    "exhibitor_id",  # the respondent (its own details are the exhibitor's history)
    "complaint_id",  # the complainant, the agent and the rights it prints
    "number",
    "seq",
    "booth_no",
    "hall",
    "defence_summary",
    "decision_note",
    "decision_basis",
    "decided_by_organ",
    "decided_by_officer",
    "authority",
    "referral_kind",
    "service_manner",
    "notified_at",
    "served_at",
    "decided_at",
    "closed_at",
)
COMPLAINT_FIELDS = (
    "number",
    "kind",  # an IP complaint or a commercial dispute: how its papers are laid out
    "channel",
    "summary",
    "authority",
    "dispute_type",
    "reject_reason",
    "materials",
    "power_of_attorney",
    "commitment_signed",
    "received_at",
    "accepted_at",
    "transferred_at",
)
RIGHT_FIELDS = (
    "ip_type",
    "number",
    "title",
    "holder",
    "jurisdiction",
    "basis",
    "ir_number",
    "valid_from",
    "valid_until",
    "licence_type",
)
EVIDENCE_FIELDS = ("original_name", "captured_at", "imported_at", "captured_by")
LINK_FIELDS = ("evidence_id", "owner_type", "owner_id", "caption", "purpose")


def _values(row: Any, names: tuple[str, ...], prefix: str = "") -> dict[str, Any]:
    return {f"{prefix}{name}": plain(getattr(row, name)) for name in names}


def _party(party: Party | None, prefix: str) -> dict[str, Any]:
    if party is None:
        return {f"{prefix}{name}": "" for name in PARTY_FIELDS}
    return _values(party, PARTY_FIELDS, prefix)


def case_paper(case: RespondentCase) -> dict[str, Any]:
    """The case's printed columns and its accused exhibits (with the rights each is
    accused under), flat, so a difference names its field."""
    state = _values(case, CASE_FIELDS)
    state["exhibits"] = [
        [x.name, x.model, x.quantity, x.note, sorted(r.id for r in x.rights)]
        for x in sorted(case.exhibits, key=lambda x: x.id or 0)
    ]
    return state


def complaint_paper(complaint: Complaint) -> dict[str, Any]:
    """The complaint's printed columns, its complainant and agent, and its rights (each
    with the reason the desk refused it, if it did)."""
    state = _values(complaint, COMPLAINT_FIELDS)
    state |= _party(complaint.complainant, "complainant.")
    state |= _party(complaint.agent, "agent.")
    state["rights"] = _rights_of(complaint)
    return state


_RIGHTS = "paper_state.rights"  # session.info: every complaint's rights, read once


def _rights_of(complaint: Complaint) -> list[list[Any]]:
    session = object_session(complaint)
    if session is None or complaint.id is None:
        return []
    read: dict[int, list[list[Any]]] | None = session.info.get(_RIGHTS)
    if read is not None:
        return read.get(complaint.id, [])
    cr = complaint_rights.c
    rows = session.execute(
        select(cr.right_id, cr.refused_reason).where(cr.complaint_id == complaint.id)
    )
    return sorted([right_id, reason or ""] for right_id, reason in rows)


@contextmanager
def rights_read_once(session: Session) -> Iterator[None]:
    """Every complaint's rights read in one query while the whole register is checked
    (one query per complaint would be 100,000 of them)."""
    cr = complaint_rights.c
    read: dict[int, list[list[Any]]] = {}
    for complaint_id, right_id, reason in session.execute(
        select(cr.complaint_id, cr.right_id, cr.refused_reason)
    ):
        read.setdefault(complaint_id, []).append([right_id, reason or ""])
    for rights in read.values():
        rights.sort()
    session.info[_RIGHTS] = read
    try:
        yield
    finally:
        session.info.pop(_RIGHTS, None)


def right_paper(right: IPRight) -> dict[str, Any]:
    return _values(right, RIGHT_FIELDS)


def evidence_paper(row: EvidenceFile) -> dict[str, Any]:
    return _values(row, EVIDENCE_FIELDS)


def link_paper(row: EvidenceLink) -> dict[str, Any]:
    return _values(row, LINK_FIELDS)


def paper_of(record: Any, born: bool = False) -> dict[str, Any]:
    """{`PAPER`: state} of any record kind above, for an event's `after`; `born`: the
    event that makes a case or a complaint, which also says which records made under it
    are born with an event of their own (`trail.BIRTHS`)."""
    kinds: tuple[tuple[type, Callable[[Any], dict[str, Any]]], ...] = (
        (RespondentCase, case_paper),
        (Complaint, complaint_paper),
        (IPRight, right_paper),
        (EvidenceFile, evidence_paper),
        (EvidenceLink, link_paper),
    )
    for model, state in kinds:
        if isinstance(record, model):
            births = {BIRTHS: list(BORN_UNDER)} if born else {}
            return {PAPER: state(record)} | births
    raise TypeError(f"no paper state for {type(record).__name__}")
