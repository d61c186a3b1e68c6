"""Backups that say who made them: the manifest (which holds every member's SHA-256) is
signed with the maker's key, certified by the installation's root, or the root itself.

A restore checks the seal against the root of the database it replaces: a seal that
does not match its manifest (a doctored archive) is refused; an unsigned archive or one
from another installation is refused unless the administrator says `--foreign`.

A demo database has no root: its demo key (sealed under a published passphrase) seals
its backups, so that they restore on the same demo without `--foreign`. That proves
nothing beyond "made by this demo", which is all a demo needs; a real database never
takes a demo's seal for its own (its root is another key).
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from fairdesk.db.models import SigningKey
from fairdesk.documents import signing
from fairdesk.services.keyring import Keyring
from fairdesk.services.trust import keys

SEAL = "seal"
DOMAIN = b"FairDesk backup manifest v1\n"


def _body(manifest: dict[str, Any]) -> bytes:
    unsealed = {k: v for k, v in manifest.items() if k != SEAL}
    return DOMAIN + json.dumps(unsealed, sort_keys=True, ensure_ascii=False).encode("utf-8")


def seal(manifest: dict[str, Any], ring: Keyring, session: Session) -> dict[str, Any]:
    """The manifest with its seal, when the maker holds a key (else as it was)."""
    root = keys.root_key(session)
    if root is None:
        demo = keys.demo_key(session)
        if demo is None:
            return manifest
        stored, private = demo
        return manifest | {
            SEAL: {
                "root": signing.fingerprint(stored.public_key),
                "key": signing.b64url(signing.public_raw(private)),
                "certificate": "",
                "signature": signing.b64url(private.sign(_body(manifest))),
            }
        }
    if ring.user_key is not None:
        key = ring.user_key
        mine = session.scalar(select(SigningKey).where(SigningKey.key_id == ring.user_key_id))
        certificate = mine.certificate if mine is not None else ""
    elif ring.root is not None:
        key, certificate = ring.root, ""
    else:
        return manifest
    if ring.user_key is not None and not certificate:
        return manifest  # a key not yet certified proves nothing
    return manifest | {
        SEAL: {
            "root": signing.fingerprint(root.public_key),
            # The root's public half: a restore over a lost database checks the seal
            # against the root pinned in the data folder with it.
            "root_key": root.public_key,
            "key": signing.b64url(signing.public_raw(key)),
            "certificate": certificate,
            "signature": signing.b64url(key.sign(_body(manifest))),
        }
    }


@dataclass(frozen=True)
class SealCheck:
    state: str  # ours | foreign | unsigned | broken
    root: str = ""  # the fingerprint the seal names


def check(manifest: dict[str, Any], session: Session | None, pinned: str = "") -> SealCheck:
    """Whose seal: `pinned` is the root pinned outside the database, which outranks the
    database's own root (a database writer may have replaced that)."""
    found = manifest.get(SEAL)
    if not isinstance(found, dict):
        return SealCheck("unsigned")
    try:
        public = signing.unb64url(str(found["key"]))
        signature = signing.unb64url(str(found["signature"]))
        Ed25519PublicKey.from_public_bytes(public).verify(signature, _body(manifest))
    except Exception:  # any damage in the seal: it does not vouch for this manifest
        return SealCheck("broken", str(found.get("root", "")))
    named = str(found.get("root", ""))
    root = keys.root_key(session) if session is not None else None
    if root is None and session is not None:  # a demo: its own key seals its backups
        demo = keys.demo_key(session)
        if demo is not None and signing.fingerprint(demo[0].public_key) == named:
            ours = public == signing.raw_public(demo[0].public_key)
            return SealCheck("ours" if ours else "broken", named)
    if root is None or signing.fingerprint(root.public_key) != named:
        return SealCheck("foreign", named)
    if pinned and named != pinned:
        return SealCheck("foreign", named)
    certificate = str(found.get("certificate") or "")
    by_root = public == signing.raw_public(root.public_key)
    certified = bool(certificate) and signing.check_certificate(
        root.public_key, public, signing.unb64url(certificate)
    )
    return SealCheck("ours" if by_root or certified else "broken", named)


def check_against_pin(manifest: dict[str, Any], pinned: str) -> SealCheck:
    """Whose seal, when the database it would replace cannot be read (gone, damaged):
    the root pinned in the data folder decides. Without a pin nothing can vouch for it."""
    found = manifest.get(SEAL)
    if not isinstance(found, dict):
        return SealCheck("unsigned")
    try:
        public = signing.unb64url(str(found["key"]))
        signature = signing.unb64url(str(found["signature"]))
        Ed25519PublicKey.from_public_bytes(public).verify(signature, _body(manifest))
    except Exception:
        return SealCheck("broken", str(found.get("root", "")))
    named = str(found.get("root", ""))
    if not pinned or named != pinned:
        return SealCheck("foreign", named)
    signer = base64.b64encode(public).decode("ascii")
    if signing.fingerprint(signer) == pinned:
        return SealCheck("ours", named)  # sealed by the root itself
    root = str(found.get("root_key") or "")  # a user's key: certified by the pinned root?
    certificate = str(found.get("certificate") or "")
    certified = (
        bool(root and certificate)
        and signing.fingerprint(root) == pinned
        and signing.check_certificate(root, public, signing.unb64url(certificate))
    )
    return SealCheck("ours" if certified else "foreign", named)
