"""Private keys wrapped under a password: argon2id derives a 256-bit key, AES-GCM seals.

The wrapped form is a small JSON text holding the KDF costs, salt, nonce and ciphertext,
so costs can rise later without breaking older wraps. The associated data binds a wrap to
its key and owner: a wrap copied onto another key's row does not open.

A person's keys are sealed (version 2) under the sealing key their sign-in already
derived (`sign_in_secret`), through HKDF with the wrap's own salt, so signing in pays
argon2id once; wraps sealed under the password itself (version 1) are those of before,
and the demo key's.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from fairdesk.domain.errors import PermissionDenied


@dataclass(frozen=True)
class KdfCost:
    time_cost: int = 3
    memory_cost: int = 64 * 1024  # KiB
    parallelism: int = 2


# Production costs; tests swap in a cheap one (the costs travel with each wrap).
COST = KdfCost()
# The most a stored record may ask for: several times today's costs. A record or a wrap
# planted with huge costs would otherwise make a sign-in hang or run out of memory.
MAX_COST = KdfCost(time_cost=16, memory_cost=512 * 1024, parallelism=8)


def bounded(cost: KdfCost) -> KdfCost:
    """`cost` when it is within what FairDesk ever stores; ValueError otherwise."""
    if not (
        1 <= cost.time_cost <= MAX_COST.time_cost
        and 1 <= cost.parallelism <= MAX_COST.parallelism
        and 8 * cost.parallelism <= cost.memory_cost <= MAX_COST.memory_cost
    ):
        raise ValueError("costs out of bounds")
    return cost


class WrongPassword(PermissionDenied):
    """The password does not open this key."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _derive(password: str, salt: bytes, cost: KdfCost) -> bytes:
    return hash_secret_raw(
        password.encode("utf-8"),
        salt,
        time_cost=cost.time_cost,
        memory_cost=cost.memory_cost,
        parallelism=cost.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def wrap(secret: bytes, password: str, context: str) -> str:
    """Seal `secret` under `password`; `context` (key id and owner) must match to open."""
    cost = COST
    salt, nonce = os.urandom(16), os.urandom(12)
    sealed = AESGCM(_derive(password, salt, cost)).encrypt(nonce, secret, context.encode())
    return json.dumps(
        {
            "v": 1,
            "kdf": "argon2id",
            "t": cost.time_cost,
            "m": cost.memory_cost,
            "p": cost.parallelism,
            "salt": _b64(salt),
            "aead": "aes-256-gcm",
            "nonce": _b64(nonce),
            "ct": _b64(sealed),
        },
        sort_keys=True,
    )


def unwrap(wrapped: str, password: str, context: str) -> bytes:
    """The secret again; WrongPassword when the password (or the context) does not fit."""
    try:
        blob = json.loads(wrapped)
        cost = bounded(KdfCost(int(blob["t"]), int(blob["m"]), int(blob["p"])))
        salt = base64.b64decode(blob["salt"])
        nonce = base64.b64decode(blob["nonce"])
        sealed = base64.b64decode(blob["ct"])
        if blob.get("kdf") != "argon2id" or blob.get("aead") != "aes-256-gcm":
            raise ValueError(blob.get("kdf"))
    except (ValueError, KeyError, TypeError):
        raise WrongPassword("A stored signing key is damaged and cannot be opened.") from None
    try:
        return AESGCM(_derive(password, salt, cost)).decrypt(nonce, sealed, context.encode())
    except InvalidTag:
        raise WrongPassword("The password does not open this signing key.") from None


def _subkey(sealing_key: bytes, salt: bytes, context: str) -> bytes:
    info = b"fairdesk key wrap v2 " + context.encode()
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(sealing_key)


def _version(wrapped: str) -> int:
    try:
        return int(json.loads(wrapped).get("v", 0))
    except (ValueError, AttributeError, TypeError):
        return 0


@dataclass(frozen=True, repr=False)
class Lock:
    """What seals and opens one person's keys: the sealing key split from their sign-in
    secret, and the password for wraps of before (or the demo key's published one)."""

    sealing_key: bytes | None = None
    password: str | None = None

    def __repr__(self) -> str:  # never print key material, even by accident
        return "Lock(...)"

    def seal(self, secret: bytes, context: str) -> str:
        if self.sealing_key is None:
            assert self.password is not None
            return wrap(secret, self.password, context)
        salt, nonce = os.urandom(16), os.urandom(12)
        key = _subkey(self.sealing_key, salt, context)
        sealed = AESGCM(key).encrypt(nonce, secret, context.encode())
        blob = {"v": 2, "kdf": "hkdf-sha256", "aead": "aes-256-gcm", "salt": _b64(salt)}
        return json.dumps(blob | {"nonce": _b64(nonce), "ct": _b64(sealed)}, sort_keys=True)

    def open(self, wrapped: str, context: str) -> bytes:
        if _version(wrapped) != 2:
            if self.password is None:
                raise WrongPassword("The password does not open this signing key.")
            return unwrap(wrapped, self.password, context)
        if self.sealing_key is None:
            raise WrongPassword("The password does not open this signing key.")
        try:
            blob = json.loads(wrapped)
            salt = base64.b64decode(blob["salt"])
            nonce = base64.b64decode(blob["nonce"])
            sealed = base64.b64decode(blob["ct"])
            if blob.get("kdf") != "hkdf-sha256" or blob.get("aead") != "aes-256-gcm":
                raise ValueError(blob.get("kdf"))
        except (ValueError, KeyError, TypeError):
            raise WrongPassword("A stored signing key is damaged and cannot be opened.") from None
        try:
            key = _subkey(self.sealing_key, salt, context)
            return AESGCM(key).decrypt(nonce, sealed, context.encode())
        except InvalidTag:
            raise WrongPassword("The password does not open this signing key.") from None
