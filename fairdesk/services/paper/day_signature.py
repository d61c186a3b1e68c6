"""The end-of-day report's signature: it signs the audit chain's head it prints.

A day report given to `fairdesk audit verify --anchor` is an anchor only when its
signature holds: made by a key of this installation (a user key the root certified, or
the root), not revoked before, over exactly the fair, day and head it prints. A report
whose signature does not hold was forged or altered, and is reported as such.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from fairdesk.db.models import AuditEvent, SigningKey
from fairdesk.documents import signing

_TITLE = re.compile(r"\((?P<fair>[^()\s]+)\)\s*日报\s*/\s*day report\s+(?P<day>\d{4}-\d{2}-\d{2})")
_SIGNED = re.compile(r"signed by key (?P<key>[0-9a-f]{16}):\s*(?P<sig>[A-Za-z0-9_-]{86})\b")


def statement(fair_code: str, day: str, event_id: int, head: str) -> str:
    """What the day report's maker signs (the fair, the day, the chain's head)."""
    return f"FairDesk day report {fair_code} {day}\nAudit chain #{event_id}: {head}"


@dataclass(frozen=True)
class DaySignature:
    fair_code: str
    day: str
    key_id: str
    signature: str  # base64url


def read(text: str) -> DaySignature | None:
    """The signature a day report prints (None: not a day report, or unsigned)."""
    title, signed = _TITLE.search(text), _SIGNED.search(text)
    if title is None or signed is None:
        return None
    return DaySignature(title["fair"], title["day"], signed["key"], signed["sig"])


def problem(session: Session, signed: DaySignature, event_id: int, head: str, source: str) -> str:
    """Why the day report `source` does not vouch for its anchor ("" when it does)."""
    key = session.scalar(select(SigningKey).where(SigningKey.key_id == signed.key_id))
    if key is None:
        return (
            f"the day report {source} is signed by key {signed.key_id}, which this "
            "installation never had: it was forged"
        )
    from fairdesk.services.trust import keys

    roots = session.scalars(select(SigningKey).where(SigningKey.kind == keys.ROOT)).all()
    public = signing.raw_public(key.public_key)
    if key.kind == keys.USER:
        ours = len(roots) == 1 and signing.check_certificate(
            roots[0].public_key, public, signing.unb64url(key.certificate or "")
        )
    else:
        ours = key.kind == keys.ROOT and len(roots) == 1
    if not ours:
        return (
            f"the day report {source} is signed by key {signed.key_id}, which the service "
            "center's root key never certified: it was forged"
        )
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(
            signing.unb64url(signed.signature),
            statement(signed.fair_code, signed.day, event_id, head).encode("utf-8"),
        )
    except (InvalidSignature, ValueError):
        return (
            f"the signature of the day report {source} does not match the fair, day and audit "
            f"chain head it prints (#{event_id}): it was forged or altered"
        )
    revoked = session.scalar(
        select(AuditEvent.id)
        .where(AuditEvent.action == "key.revoke", AuditEvent.entity_type == "signing_key")
        .where(AuditEvent.entity_id == key.id)
        .limit(1)
    )
    if revoked is not None and revoked <= event_id:
        return (
            f"the day report {source} was signed with key {signed.key_id} after that key "
            "was revoked: it does not vouch for its anchor"
        )
    return ""
