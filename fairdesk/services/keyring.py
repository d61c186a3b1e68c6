"""The private keys a signed-in person unlocked with their password, for this session.

Held in memory only (never written anywhere); the GUI keeps it for the session, the
CLI for one command.
"""

from __future__ import annotations

from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey


@dataclass
class Keyring:
    user_key_id: str = ""
    user_key: Ed25519PrivateKey | None = None
    root_key_id: str = ""
    root: Ed25519PrivateKey | None = None
    # On a demo database: the demo key, unsealed once (argon2id is a tenth of a second or
    # more) rather than for every document.
    demo_key_id: str = ""
    demo: Ed25519PrivateKey | None = None

    def __repr__(self) -> str:  # never print key material, even by accident
        return f"Keyring(user={self.user_key_id or '-'}, root={self.root_key_id or '-'})"
