"""The audit chain checked against anchors kept outside the database.

An anchor is the chain's head (the last event's id and hash) at some moment, written
where a database writer cannot reach it: every issued document signs and prints the head
at its issue, the end-of-day report prints and signs it, and `fairdesk audit verify
--anchor HASH|FILE|PDF` takes one from paper. Re-chaining, cutting the tail or deleting
events before an anchor changes the hash the anchored event has now, or removes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from fairdesk.db.models import AuditEvent, IssuedDocument
from fairdesk.documents import signing
from fairdesk.domain.errors import InvalidInput
from fairdesk.services.context import Context
from fairdesk.services.paper import day_signature

# How documents and day reports print an anchor: "Audit chain #123: <64 hex>".
ANCHOR_LINE = re.compile(r"#\s*(\d+)\s*[:：]\s*([0-9a-f]{64})")
BARE_HASH = re.compile(r"^\s*([0-9a-fA-F]{64})\s*$")
_DOC_NUMBER = re.compile(r"^(?P<series>.+-D)(?P<n>\d{6})$")


@dataclass(frozen=True)
class Anchor:
    event_id: int  # 0 when only the hash is known
    hash: str
    source: str  # what holds it, for the report
    followed: bool = False  # a document's: events (its own issue among them) must follow
    document: str = ""  # the document (on paper) that printed it: it must be in the register
    signed: day_signature.DaySignature | None = None  # a day report's signature


@dataclass(frozen=True)
class AnchorProblem:
    event_id: int
    message: str


def line(event_id: int, head: str) -> str:
    return f"Audit chain #{event_id}: {head}"


def parse_given(given: str, ctx: Context | None = None) -> list[Anchor]:
    """Anchors from the command line: a 64-hex hash, a text file holding them, or a
    document's PDF (its signed chain head, once `ctx` has checked its QR code)."""
    bare = BARE_HASH.match(given)
    if bare:
        return [Anchor(0, bare[1].lower(), "the hash given")]
    path = Path(given)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(
            "'{given}' is neither a 64-character hash nor a readable file: {reason}.",
            given=given,
            reason=exc.strerror or str(exc),
        ) from None
    number = ""
    if data.startswith(b"%PDF"):
        from fairdesk.documents import qrread

        text = qrread.pdf_text(data)  # a day report's own signature vouches for its anchor
        if day_signature.read(text) is None:
            return [_signed_anchor(given, path, ctx)]
    else:
        text = data.decode("utf-8", errors="replace")
    signed = day_signature.read(text)  # a day report's: checked with its anchor
    # A document's anchor is the head as its pages were drawn, before its own issue (just
    # before it, unless other desks wrote meanwhile): events must follow it,
    # and the document must still be in the register.
    found = [
        Anchor(int(m[1]), m[2], f"{path.name}", bool(number), number, signed=signed)
        for m in ANCHOR_LINE.finditer("".join(text.split(" ")))
    ]
    found += [
        Anchor(0, m[1].lower(), path.name) for m in map(BARE_HASH.match, text.splitlines()) if m
    ]
    if not found:
        raise InvalidInput(
            "{file} holds no audit chain anchor (a line like 'Audit chain #123: <hash>').",
            file=str(path),
        )
    return found


def _signed_anchor(given: str, path: Path, ctx: Context | None) -> Anchor:
    """A document's anchor from what its signature covers, never from its text or keywords
    (any PDF can carry any): the QR code checked against the register first."""
    from fairdesk.services.paper import paper_trust

    if ctx is None:
        raise InvalidInput(
            "{file} is a PDF: its anchor is taken only once its QR code is checked against "
            "the register.",
            file=path.name,
        )
    found = paper_trust.signed_trust(ctx, given)
    if not found.in_register:  # the check reports it missing
        return Anchor(0, "", path.name, True, found.number)
    if not found.audit_hash:
        raise InvalidInput(
            "Document {number} was issued before documents signed the audit chain's head: "
            "it gives no anchor.",
            number=found.number,
        )
    return Anchor(found.audit_id, found.audit_hash, path.name, True, found.number)


def registered(session: Session) -> tuple[list[Anchor], list[AnchorProblem]]:
    """Anchors signed into issued documents whose signature still holds; a register entry
    that no longer verifies, or a gap in a fair's document numbers, is a problem itself."""
    from fairdesk.services.paper.documents import _verify  # the one check of a document

    anchors: list[Anchor] = []
    problems: list[AnchorProblem] = []
    series: dict[str, list[int]] = {}
    for doc in session.scalars(select(IssuedDocument).order_by(IssuedDocument.id)):
        numbered = _DOC_NUMBER.match(doc.number)
        if numbered:
            series.setdefault(numbered["series"], []).append(int(numbered["n"]))
        audit = (doc.content.get("key") or {}).get("audit")
        # Every entry is verified, anchored or not: stripping an anchor from the register
        # breaks its signature, and must not make the check skip the document.
        try:
            parsed = signing.parse_payload(doc.payload)
            result = _verify(session, parsed)
        except signing.MalformedPayload:
            parsed, result = None, None
        if result is None or result.status in ("forged", "altered", "unknown"):
            problems.append(
                AnchorProblem(
                    int((audit or {}).get("id") or 0),
                    f"the register entry of document {doc.number} no longer verifies, so "
                    "its anchor cannot be trusted",
                )
            )
            continue
        if not audit:
            if parsed is not None and parsed.signer:  # FD2 codes always carry an anchor
                problems.append(
                    AnchorProblem(0, f"the register entry of document {doc.number} lost its anchor")
                )
            continue
        anchors.append(Anchor(int(audit["id"]), str(audit["hash"]), f"document {doc.number}", True))
    for prefix, numbers in series.items():
        missing = sorted(set(range(1, max(numbers) + 1)) - set(numbers))
        if missing:
            first = f"{prefix}{missing[0]:06d}"
            problems.append(
                AnchorProblem(
                    0,
                    f"{len(missing)} issued document(s) are missing from the register, "
                    f"the first {first}: rows were deleted behind the app's back",
                )
            )
    return anchors, problems


def _settled_early(session: Session, anchor: Anchor) -> tuple[bool, AnchorProblem | None]:
    """An anchor settled before its event is read (forged, its document gone, or a bare
    hash): whether it is settled, and the problem it shows if any."""
    if anchor.signed is not None:
        forged = day_signature.problem(
            session, anchor.signed, anchor.event_id, anchor.hash, anchor.source
        )
        if forged:  # a forged anchor vouches for nothing
            return True, AnchorProblem(anchor.event_id, forged)
    if anchor.document and not anchor.hash and not _in_register(session, anchor.document):
        return True, AnchorProblem(
            0,
            f"document {anchor.document} ({anchor.source}) is missing from the "
            "register: it was removed behind the app's back",
        )
    if anchor.event_id != 0:
        return False, None
    if session.scalar(select(AuditEvent.id).where(AuditEvent.hash == anchor.hash)) is None:
        return True, AnchorProblem(
            0,
            f"the anchor {anchor.hash[:16]}… ({anchor.source}) is in no event of "
            "the trail: events were changed, removed or re-chained",
        )
    return True, None


def check(session: Session, anchors: list[Anchor]) -> list[AnchorProblem]:
    """Each anchor against the trail as it is now, oldest first; one line per mismatch."""
    problems = []
    last_good = 0
    for anchor in sorted(anchors, key=lambda a: (a.event_id == 0, a.event_id)):
        settled, problem = _settled_early(session, anchor)
        if problem is not None:
            problems.append(problem)
        if settled:
            continue
        if anchor.document and not _in_register(session, anchor.document):
            problems.append(
                AnchorProblem(
                    anchor.event_id + 1,
                    f"document {anchor.document} ({anchor.source}) is missing from the "
                    "register: it and what followed were removed behind the app's back",
                )
            )
        event = session.get(AuditEvent, anchor.event_id)
        if event is not None and event.hash == anchor.hash:
            last_good = max(last_good, anchor.event_id)
            if anchor.followed and not _followed(session, anchor.hash):
                problems.append(
                    AnchorProblem(
                        anchor.event_id + 1,
                        f"the events after {anchor.event_id}, from the issue of "
                        f"{anchor.source} on, were removed from the trail",
                    )
                )
            continue
        what = (
            f"audit event {anchor.event_id}, anchored by {anchor.source}, is missing"
            if event is None
            else f"audit event {anchor.event_id} no longer matches the anchor in {anchor.source}"
        )
        since = f"after event {last_good} and " if 0 < last_good < anchor.event_id else ""
        problems.append(
            AnchorProblem(
                anchor.event_id,
                f"{what}: an event {since}up to {anchor.event_id} was changed, removed or "
                "re-chained",
            )
        )
    return problems


def _followed(session: Session, head: str) -> bool:
    return (
        session.scalar(select(AuditEvent.id).where(AuditEvent.prev_hash == head).limit(1))
        is not None
    )


def _in_register(session: Session, number: str) -> bool:
    found = select(IssuedDocument.id).where(IssuedDocument.number == number).limit(1)
    return session.scalar(found) is not None
