"""A password's record: one argon2id derivation, split in two by HKDF.

Signing in used to pay argon2id twice: once to check the password's hash, once more to
unseal the person's signing key. Now argon2id derives one master secret from the
password, and HKDF-SHA256 splits it, under two different labels, into

- the verifier, kept in `users.password_hash` with the costs and the salt, and
- the sealing key, never stored, that seals the person's private keys (`keywrap.Lock`).

HKDF's outputs under different labels are independent: the stored verifier tells
nothing about the sealing key, and finding either still means guessing the password at
argon2id's full cost. Records of before (argon2's own `$argon2id$...` hash, keys sealed
under the password itself) keep working; the first sign-in after the upgrade rewrites
them (`users.sign_in`).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from fairdesk.services.trust import keywrap

PREFIX = "$fairdesk-split$v=1$"
_VERIFIER = b"fairdesk password verifier v1"
_SEALING = b"fairdesk key sealing v1"


@dataclass(frozen=True, repr=False)
class Unlocked:
    """What a right password gives: the record it was checked against and the sealing
    key of the person's private keys (memory only)."""

    record: str
    sealing_key: bytes

    def __repr__(self) -> str:  # never print key material, even by accident
        return "Unlocked(...)"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)


def _split(master: bytes, salt: bytes, label: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=label).derive(master)


def _derive(password: str, salt: bytes, cost: keywrap.KdfCost) -> tuple[bytes, bytes]:
    """(verifier, sealing key): the one argon2id derivation of a sign-in."""
    master = hash_secret_raw(
        password.encode("utf-8"),
        salt,
        time_cost=cost.time_cost,
        memory_cost=cost.memory_cost,
        parallelism=cost.parallelism,
        hash_len=32,
        type=Type.ID,
    )
    return _split(master, salt, _VERIFIER), _split(master, salt, _SEALING)


def is_split(record: str | None) -> bool:
    return bool(record) and str(record).startswith(PREFIX)


def _parse(record: str) -> tuple[keywrap.KdfCost, bytes, bytes]:
    """Costs, salt and verifier of a record; ValueError when it is not one of ours."""
    if not is_split(record):
        raise ValueError("not a split record")
    try:
        costs, salt, verifier = record[len(PREFIX) :].split("$")
        values = dict(part.split("=", 1) for part in costs.split(","))
        cost = keywrap.bounded(
            keywrap.KdfCost(int(values["t"]), int(values["m"]), int(values["p"]))
        )
        return cost, _unb64(salt), _unb64(verifier)
    except (KeyError, binascii.Error) as exc:
        raise ValueError("damaged record") from exc


def make(password: str) -> Unlocked:
    """A new record for `password` (fresh salt, today's costs) and its sealing key."""
    cost, salt = keywrap.COST, os.urandom(16)
    verifier, sealing = _derive(password, salt, cost)
    record = (
        f"{PREFIX}m={cost.memory_cost},t={cost.time_cost},p={cost.parallelism}"
        f"${_b64(salt)}${_b64(verifier)}"
    )
    return Unlocked(record, sealing)


def check(record: str, password: str) -> Unlocked | None:
    """The sealing key when `password` is the record's, else None (a damaged record
    too: it opens for nobody)."""
    try:
        cost, salt, verifier = _parse(record)
    except ValueError:
        return None
    given, sealing = _derive(password, salt, cost)
    return Unlocked(record, sealing) if hmac.compare_digest(given, verifier) else None


def is_current(record: str) -> bool:
    """Made with today's costs (else the next sign-in makes it again)."""
    try:
        return _parse(record)[0] == keywrap.COST
    except ValueError:
        return False


def password_mark(password_hash: str | None) -> str:
    """What the audit trail keeps of a password hash: a short digest of it (not the
    hash), so a hash cleared or replaced behind the app's back shows (row_check)."""
    if not password_hash:
        return ""
    return hashlib.sha256(password_hash.encode("utf-8")).hexdigest()[:16]
