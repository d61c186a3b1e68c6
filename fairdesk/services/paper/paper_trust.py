"""The root key's fingerprint and the audit chain's head, taken from a document's PDF.

Only from what its signature covers: the file's QR code is checked against the register
first (its signature over the signed content, its signer certified by the root), then
the values are read from that signed content. Never from the file's text or keywords,
which anyone can write into any PDF (`--root FILE.pdf`, `--anchor FILE.pdf`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from fairdesk.db.models import IssuedDocument
from fairdesk.documents import signing
from fairdesk.domain.errors import InvalidInput
from fairdesk.domain.permissions import Permission
from fairdesk.services.context import Context

# What a check may take values from: a document in force or revoked since (its signed
# values were true when it was issued). A forged, altered or unknown one gives none.
_TRUSTED = ("genuine", "revoked")


@dataclass(frozen=True)
class SignedTrust:
    number: str
    root: str  # "" when the document signed none (issued before roots existed)
    audit_id: int
    audit_hash: str  # "" when it signed no chain head
    # False: the register holds no document of its number (removed behind the app's
    # back, or another database): nothing is taken from it, and the check says so.
    in_register: bool = True


def is_pdf_file(text: str) -> bool:
    path = Path(text)
    try:
        with path.open("rb") as f:
            return f.read(4) == b"%PDF"
    except OSError:
        return False


def signed_trust(ctx: Context, file: str) -> SignedTrust:
    """The signed root and chain head of the document whose PDF is `file`."""
    from fairdesk.documents import qrread
    from fairdesk.services.paper import documents as docs

    ctx.require(Permission.VIEW)
    path = Path(file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(
            "{file} cannot be read: {reason}.", file=str(path), reason=exc.strerror or str(exc)
        ) from None
    codes = [
        c
        for c in qrread.read_codes(data)
        if c.strip().startswith((signing.PREFIX + ".", signing.PREFIX2 + "."))
    ]
    if not codes:
        raise InvalidInput(
            "{file} carries no readable document QR code, so nothing in it can be trusted "
            "as the root key or an anchor: type them from paper instead.",
            file=path.name,
        )
    result = docs.verify(ctx, codes[0])
    if result.status == "unknown" and result.number:
        with ctx.db.reading() as session:
            held = session.scalar(
                select(IssuedDocument.id).where(IssuedDocument.number == result.number)
            )
        if held is None:
            return SignedTrust(result.number, "", 0, "", in_register=False)
    if result.status not in _TRUSTED and not (result.status == "specimen" and _demo(ctx)):
        raise InvalidInput(
            "{file} does not verify against this database's register ({verdict}). If it is "
            "the service center's genuine paper, the register or its keys were changed "
            "behind the app's back. Its root key and anchor are not taken from it.",
            file=path.name,
            verdict=result.said[0] if result.said else result.message,
        )
    with ctx.db.reading() as session:
        content = session.scalar(
            select(IssuedDocument.content).where(IssuedDocument.number == result.number)
        )
    signed = (content or {}).get("key", {})  # what the QR code's signature was checked over
    audit = signed.get("audit") or {}
    return SignedTrust(
        result.number,
        str(signed.get("root") or ""),
        int(audit.get("id") or 0),
        str(audit.get("hash") or ""),
    )


def _demo(ctx: Context) -> bool:
    # A demo's specimens prove nothing, and vouch for nothing but the demo's own trail.
    from fairdesk.services.trust import keys

    return keys.is_demo(ctx)


def signed_root(ctx: Context, file: str) -> str:
    """The root key's fingerprint the document in `file` signed."""
    found = signed_trust(ctx, file)
    if not found.in_register:
        raise InvalidInput(
            "Document {number} of {file} is not in this database's register: it was removed "
            "behind the app's back, or the file is of another service center.",
            number=found.number,
            file=Path(file).name,
        )
    if not found.root:
        raise InvalidInput(
            "Document {number} was issued before documents signed the root key: type the "
            "fingerprint printed on the service center's paper instead.",
            number=found.number,
        )
    return found.root
