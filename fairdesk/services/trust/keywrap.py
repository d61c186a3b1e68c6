"""Private keys wrapped under a password: argon2id derives a 256-bit key, AES-GCM seals.

The wrapped form is a small JSON text holding the KDF costs, salt, nonce and ciphertext,
so costs can rise later without breaking older wraps. The associated data binds a wrap to
its key and owner: a wrap copied onto another key's row does not open.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from fairdesk.domain.errors import PermissionDenied


@dataclass(frozen=True)
class KdfCost:
    time_cost: int = 3
    memory_cost: int = 64 * 1024  # KiB
    parallelism: int = 2


# Production costs; tests swap in a cheap one (the costs travel with each wrap).
COST = KdfCost()


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
        cost = KdfCost(int(blob["t"]), int(blob["m"]), int(blob["p"]))
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
