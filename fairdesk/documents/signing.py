"""Signed QR payloads.

`FD2.<document number>.<signer's public key>.<root's certificate of it>.<signature>`
(base64url parts): an offline verifier holding only the root's public key (its
fingerprint is printed on every document) can check that the signer's key belongs to the
installation, and, with the register, that the signature covers the document. Documents
issued before per-user keys carry `FD1.<number>.<signature>` and still verify.

The signature covers a canonical encoding (sorted-key compact UTF-8 JSON) of the
document's key content: number, kind, fair, complaint and case numbers, parties, outcome,
issue time, the audit chain's head at issue, and the SHA-256 of the whole snapshot the
document was rendered from.
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
from fairdesk.domain.errors import Phrase

PREFIX = "FD1"
PREFIX2 = "FD2"
DOMAIN = b"FairDesk signed document v1\n"
CERT_DOMAIN = b"FairDesk user key certificate v1\n"
SIGNATURE_CHARS = 86  # 64 bytes in unpadded base64url
_PAYLOAD = re.compile(r"^FD1\.(?P<number>[A-Za-z0-9_.-]{3,48})\.(?P<sig>[A-Za-z0-9_-]{86})$")
_PAYLOAD2 = re.compile(
    r"^FD2\.(?P<number>[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*?)\.(?P<pub>[A-Za-z0-9_-]{43})"
    r"\.(?P<cert>[A-Za-z0-9_-]{86})\.(?P<sig>[A-Za-z0-9_-]{86})$"
)


class MalformedPayload(ValueError):
    """A code that is not one FairDesk prints; its argument is the reason, a `Phrase`."""


@dataclass(frozen=True)
class Payload:
    number: str
    signature: bytes
    signer: bytes = b""  # raw public key (FD2)
    certificate: bytes = b""  # the root's signature over it (FD2)


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def encode_payload(
    number: str, signature: bytes, signer: bytes = b"", certificate: bytes = b""
) -> str:
    if not signer:
        return f"{PREFIX}.{number}.{b64url(signature)}"
    return f"{PREFIX2}.{number}.{b64url(signer)}.{b64url(certificate)}.{b64url(signature)}"


def _strict(part: str) -> bytes:
    """Decode a base64url part; only the spelling FairDesk prints is accepted.

    The last base64 character carries spare bits: several spellings decode alike, so a
    changed character could otherwise pass unnoticed."""
    try:
        data = unb64url(part)
    except (binascii.Error, ValueError):
        raise MalformedPayload(Phrase("the signature part of the code is damaged")) from None
    if b64url(data) != part:
        raise MalformedPayload(Phrase("the signature part of the code is damaged"))
    return data


def parse_payload(text: str) -> Payload:
    """Read what a QR code or a USB scanner gave; raises MalformedPayload with a reason."""
    cleaned = "".join(str(text).split())  # scanners add newlines; copy-paste adds spaces
    if not cleaned:
        raise MalformedPayload(Phrase("nothing to check: the text is empty"))
    if cleaned.startswith(PREFIX2 + "."):
        match2 = _PAYLOAD2.match(cleaned)
        if match2 is None or not 3 <= len(match2["number"]) <= 48:
            raise MalformedPayload(
                Phrase(
                    "this FairDesk code is damaged or incomplete (expected FD2.[document "
                    "number].[key].[certificate].[signature])"
                )
            )
        return Payload(
            match2["number"],
            _strict(match2["sig"]),
            _strict(match2["pub"]),
            _strict(match2["cert"]),
        )
    if not cleaned.startswith(PREFIX + "."):
        raise MalformedPayload(
            Phrase("this is not a FairDesk document code (it should start with 'FD1.')")
        )
    match = _PAYLOAD.match(cleaned)
    if match is None:
        raise MalformedPayload(
            Phrase(
                "this FairDesk code is damaged or incomplete (expected FD1.[document number]."
                "[86-character signature])"
            )
        )
    return Payload(match["number"], _strict(match["sig"]))


def message(key_content: dict[str, Any]) -> bytes:
    return DOMAIN + canonical_json(key_content)


def key_id_of(public_raw: bytes) -> str:
    return hashlib.sha256(public_raw).hexdigest()[:16]


def new_private() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def private_raw(private: Ed25519PrivateKey) -> bytes:
    return private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def private_from_raw(raw: bytes) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(raw)


def public_raw(private: Ed25519PrivateKey) -> bytes:
    return private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )


def raw_public(public_b64: str) -> bytes:
    return base64.b64decode(public_b64)


def public_b64(private: Ed25519PrivateKey) -> str:
    return base64.b64encode(public_raw(private)).decode("ascii")


def sign(private: Ed25519PrivateKey, key_content: dict[str, Any]) -> bytes:
    return private.sign(message(key_content))


def certify(root: Ed25519PrivateKey, user_public_raw: bytes) -> bytes:
    """The root's word that this public key belongs to a user of the installation."""
    return root.sign(CERT_DOMAIN + user_public_raw)


def check_certificate(root_public_b64: str, user_public_raw: bytes, certificate: bytes) -> bool:
    try:
        root = Ed25519PublicKey.from_public_bytes(base64.b64decode(root_public_b64))
        root.verify(certificate, CERT_DOMAIN + user_public_raw)
    except (InvalidSignature, ValueError):
        return False
    return True


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
