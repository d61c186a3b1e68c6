"""What every service call carries: the database, the acting user, and the time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from fairdesk.db.engine import Database
from fairdesk.domain.enums import Role
from fairdesk.domain.permissions import Permission, require
from fairdesk.services.keyring import Keyring


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Actor:
    user_id: int | None
    username: str
    role: Role


@dataclass(frozen=True)
class Context:
    """One signed-in user's handle on the services.

    `now` is injectable so tests can run the fair's clocks on a fake time. `keyring`
    holds the keys the user's password unlocked at sign-in (documents need it).
    """

    db: Database
    actor: Actor
    now: Callable[[], datetime] = field(default=utcnow)
    keyring: Keyring = field(default_factory=Keyring, compare=False)

    def require(self, permission: Permission) -> None:
        require(self.actor.role, permission)

    def as_actor(self, actor: Actor) -> Context:
        same = actor.user_id == self.actor.user_id
        return Context(self.db, actor, self.now, self.keyring if same else Keyring())

    def with_keyring(self, keyring: Keyring) -> Context:
        return Context(self.db, self.actor, self.now, keyring)
