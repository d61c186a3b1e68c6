"""Signed QR payloads: `FD1.<document number>.<base64url Ed25519 signature>`.

The signature covers a canonical encoding (sorted-key compact UTF-8 JSON) of the
document's key content: number, kind, fair, complaint and case numbers, parties, outcome,
issue time, and the SHA-256 of the whole snapshot the document was rendered from. About
110 characters: a version-7 QR code at error correction M, readable at 26 mm.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from fairdesk.documents.model import canonical_json

PREFIX = "FD1"
DOMAIN = b"FairDesk signed document v1\n"
SIGNATURE_CHARS = 86  # 64 bytes in unpadded base64url
_PAYLOAD = re.compile(r"^FD1\.(?P<number>[A-Za-z0-9_.-]{3,48})\.(?P<sig>[A-Za-z0-9_-]{86})$")


class MalformedPayload(ValueError):
    pass


@dataclass(frozen=True)
class Payload:
    number: str
    signature: bytes


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def encode_payload(number: str, signature: bytes) -> str:
    return f"{PREFIX}.{number}.{b64url(signature)}"


def parse_payload(text: str) -> Payload:
    """Read what a QR code or a USB scanner gave; raises MalformedPayload with a reason."""
    cleaned = "".join(str(text).split())  # scanners add newlines; copy-paste adds spaces
    if not cleaned:
        raise MalformedPayload("nothing to check: the text is empty")
    if not cleaned.startswith(PREFIX + "."):
        raise MalformedPayload("this is not a FairDesk document code (it should start with 'FD1.')")
    match = _PAYLOAD.match(cleaned)
    if match is None:
        raise MalformedPayload(
            "this FairDesk code is damaged or incomplete (expected FD1.<document number>."
            "<86-character signature>)"
        )
    try:
        signature = unb64url(match["sig"])
    except (binascii.Error, ValueError):
        raise MalformedPayload("the signature part of the code is damaged") from None
    # The last base64 character carries spare bits: several spellings decode alike. Only
    # the one FairDesk prints is accepted, so any changed character is refused.
    if b64url(signature) != match["sig"]:
        raise MalformedPayload("the signature part of the code is damaged")
    return Payload(match["number"], signature)


def message(key_content: dict[str, Any]) -> bytes:
    return DOMAIN + canonical_json(key_content)


@dataclass(frozen=True)
class NewKey:
    key_id: str
    public_key: str  # base64 of the raw 32 bytes
    private_key: str  # PKCS#8 PEM


def key_id_of(public_raw: bytes) -> str:
    return hashlib.sha256(public_raw).hexdigest()[:16]


def new_key() -> NewKey:
    private = Ed25519PrivateKey.generate()
    raw = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode("ascii")
    return NewKey(key_id_of(raw), base64.b64encode(raw).decode("ascii"), pem)


def sign(private_pem: str, key_content: dict[str, Any]) -> bytes:
    private = serialization.load_pem_private_key(private_pem.encode("ascii"), password=None)
    assert isinstance(private, Ed25519PrivateKey)
    return private.sign(message(key_content))


def verify(public_b64: str, signature: bytes, key_content: dict[str, Any]) -> bool:
    try:
        public = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_b64))
        public.verify(signature, message(key_content))
    except (InvalidSignature, ValueError):
        return False
    return True


def fingerprint(public_b64: str) -> str:
    """The key's fingerprint as people compare it: SHA-256 of the raw key in groups of 4."""
    digest = hashlib.sha256(base64.b64decode(public_b64)).hexdigest().upper()
    return " ".join(digest[i : i + 4] for i in range(0, 32, 4))
