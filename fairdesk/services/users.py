"""Users and roles. Passwords are hashed with argon2."""

from __future__ import annotations

import re
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fairdesk.db.models import User
from fairdesk.domain.enums import Role
from fairdesk.domain.errors import InvalidInput, NotFound, PermissionDenied
from fairdesk.domain.permissions import Permission
from fairdesk.services import audit
from fairdesk.services.context import Actor, Context

USERNAME = re.compile(r"^[A-Za-z0-9_.-]{2,64}$")
_hasher = PasswordHasher()


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    display_name: str
    role: Role
    active: bool

    @classmethod
    def of(cls, user: User) -> UserInfo:
        return cls(user.id, user.username, user.display_name, Role(user.role), user.active)

    @property
    def actor(self) -> Actor:
        return Actor(self.id, self.username, self.role)


def _by_name(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise NotFound(f"There is no user '{username}'.")
    return user


def _new_user(
    session: Session,
    ctx: Context,
    username: str,
    role: Role,
    password: str | None,
    display_name: str,
) -> User:
    if not USERNAME.match(username):
        raise InvalidInput("A user name is 2-64 letters, digits, '.', '_' or '-'.")
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        raise InvalidInput(f"The user '{username}' already exists.")
    if password is not None and len(password) < 8:
        raise InvalidInput("A password needs at least 8 characters.")
    user = User(
        username=username,
        display_name=display_name or username,
        role=role,
        password_hash=_hasher.hash(password) if password else None,
        active=True,
        failed_logins=0,
        created_at=ctx.now(),
    )
    session.add(user)
    session.flush()
    audit.record(
        session,
        ctx,
        "user.add",
        "user",
        user.id,
        after={"username": username, "role": role, "display_name": user.display_name},
    )
    return user


def add_user(
    ctx: Context,
    username: str,
    role: Role | str,
    password: str | None = None,
    display_name: str = "",
) -> UserInfo:
    """Add a user; the very first user may be added by anyone and must be an admin."""
    try:
        role = Role(role)
    except ValueError:
        raise InvalidInput(
            f"'{role}' is not a role; use one of {', '.join(r.value for r in Role)}."
        ) from None
    with ctx.db.writing() as session:
        first = not session.scalar(select(func.count()).select_from(User))
        if first and role is not Role.ADMIN:
            raise PermissionDenied("The first user must be an admin.")
        if not first:
            ctx.require(Permission.MANAGE_USERS)
        return UserInfo.of(_new_user(session, ctx, username, role, password, display_name))


def ensure_user(ctx: Context, username: str, role: Role, display_name: str = "") -> UserInfo:
    """Return the named user, creating it without a password (for the CLI and the demo)."""
    with ctx.db.writing() as session:
        user = session.scalar(select(User).where(User.username == username))
        if user is None:
            user = _new_user(session, ctx, username, role, None, display_name)
        return UserInfo.of(user)


def list_users(ctx: Context) -> list[UserInfo]:
    ctx.require(Permission.MANAGE_USERS)
    with ctx.db.reading() as session:
        return [UserInfo.of(u) for u in session.scalars(select(User).order_by(User.username))]


def get_user(ctx: Context, username: str) -> UserInfo:
    with ctx.db.reading() as session:
        return UserInfo.of(_by_name(session, username))


def check_password(ctx: Context, username: str, password: str) -> UserInfo:
    with ctx.db.reading() as session:
        user = session.scalar(select(User).where(User.username == username))
    if user is None or not user.active or not user.password_hash:
        raise PermissionDenied("Unknown user name or wrong password.")
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        raise PermissionDenied("Unknown user name or wrong password.") from None
    return UserInfo.of(user)


def count_users(ctx: Context) -> int:
    with ctx.db.reading() as session:
        return session.scalar(select(func.count()).select_from(User)) or 0
