"""Keys: who may revoke one, who may read the root's fingerprint."""

from __future__ import annotations

from fairdesk.domain.enums import Role
from fairdesk.services.trust import keys

A, D, I, O = Role.ADMIN, Role.DESK, Role.INSPECTOR, Role.ORGANIZER  # noqa: E741

CASES = {
    "keys.revoke_user_key": (
        frozenset({A}),
        lambda c: keys.revoke_user_key(c, "desk2", "laptop lost"),
    ),
    "keys.root_fingerprint": (frozenset(Role), keys.root_fingerprint),
    # An administrator; desk2 has no key waiting, so the allowed call ends in InvalidInput.
    "keys.certify_user_key": (
        frozenset({A}),
        lambda c: keys.certify_user_key(c, "desk2", "0000 1111"),
    ),
    "keys.pin_root": (frozenset({A}), lambda c: keys.pin_root(c, keys.root_fingerprint(c))),
}
