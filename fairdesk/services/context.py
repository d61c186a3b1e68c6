"""What every service call carries: the database, the acting user, and the time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from fairdesk.db.engine import Database
from fairdesk.domain.enums import Role
from fairdesk.domain.permissions import Permission, require


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

    `now` is injectable so tests can run the fair's clocks on a fake time.
    """

    db: Database
    actor: Actor
    now: Callable[[], datetime] = field(default=utcnow)

    def require(self, permission: Permission) -> None:
        require(self.actor.role, permission)

    def as_actor(self, actor: Actor) -> Context:
        return Context(self.db, actor, self.now)
