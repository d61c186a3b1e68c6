"""Users and roles. A password's record is one argon2id derivation split in two
(`sign_in_secret`); records of before are argon2's own hashes, rewritten at sign-in."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from argon2 import PasswordHasher, extract_parameters
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fairdesk.db.models import User
from fairdesk.domain.enums import Role
from fairdesk.domain.errors import InvalidInput, NotFound, PermissionDenied
from fairdesk.domain.permissions import Permission
from fairdesk.services.context import Actor, Context
from fairdesk.services.trust import audit, keys, keywrap, row_check, sign_in_secret
from fairdesk.services.trust.sign_in_secret import password_mark

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
USERNAME = re.compile(r"^[A-Za-z0-9_.-]{2,64}$")
_hasher = PasswordHasher()  # checks the records of before only


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
        raise NotFound("There is no user '{username}'.", username=username)
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
        raise InvalidInput("The user '{username}' already exists.", username=username)
    if password is not None and len(password) < 8:
        raise InvalidInput("A password needs at least 8 characters.")
    made = sign_in_secret.make(password) if password else None
    user = User(
        username=username,
        display_name=display_name or username,
        role=role,
        password_hash=made.record if made else None,
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
        after={
            "username": username,
            "role": role,
            "display_name": user.display_name,
            "password": password_mark(user.password_hash),
        },
    )
    if made:
        keys.on_new_user(session, ctx, user, keywrap.Lock(made.sealing_key))
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
            "'{role}' is not a role; use one of {roles}.",
            role=role,
            roles=tuple(r.value for r in Role),
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
            ctx.require(Permission.MANAGE_USERS)
            user = _new_user(session, ctx, username, role, None, display_name)
        return UserInfo.of(user)


def list_users(ctx: Context) -> list[UserInfo]:
    ctx.require(Permission.MANAGE_USERS)
    with ctx.db.reading() as session:
        return [UserInfo.of(u) for u in session.scalars(select(User).order_by(User.username))]


def get_user(ctx: Context, username: str) -> UserInfo:
    with ctx.db.reading() as session:
        return UserInfo.of(_by_name(session, username))


def authenticate(ctx: Context, username: str, password: str) -> UserInfo:
    """Check a password; lock the account for a while after repeated failures.

    The message never says whether the user name exists.
    """
    with ctx.db.writing() as session:
        user, _ = _check(session, ctx, username, password)
        info = UserInfo.of(user) if user is not None else None
    if info is None:
        raise _refused()
    return info


def _refused() -> PermissionDenied:
    return PermissionDenied("Unknown user name or wrong password.")


def _check(
    session: Session, ctx: Context, username: str, password: str
) -> tuple[User | None, sign_in_secret.Unlocked | None]:
    """(the user, their sealing key) when the password is right; (None, None) when it
    is wrong, the failure counted (committed with the caller's block, which refuses)."""
    now = ctx.now()
    user = session.scalar(select(User).where(User.username == username.strip()))
    if user is None or not user.active or not user.password_hash:
        raise _refused()
    if user.locked_until is not None and user.locked_until > now:
        minutes = max(1, int((user.locked_until - now).total_seconds() // 60))
        if minutes == 1:
            raise PermissionDenied(
                "Too many failed sign-ins: the account '{username}' is locked for "
                "1 more minute, or until an admin resets its password.",
                username=user.username,
            )
        raise PermissionDenied(
            "Too many failed sign-ins: the account '{username}' is locked for "
            "{minutes} more minutes, or until an admin resets its password.",
            username=user.username,
            minutes=minutes,
        )
    unlocked = None
    if sign_in_secret.is_split(user.password_hash):
        unlocked = sign_in_secret.check(user.password_hash, password)
        right = unlocked is not None
    else:
        try:
            _bounded_legacy(user.password_hash)
            right = _hasher.verify(user.password_hash, password)
        except (VerificationError, InvalidHashError, ValueError):
            right = False
    if not right:
        user.failed_logins += 1
        locked = user.failed_logins >= MAX_FAILED_LOGINS
        if locked:
            user.locked_until = now + LOCKOUT
            user.failed_logins = 0
        audit.record(session, ctx, "user.login_failed", "user", user.id, after={"locked": locked})
        return None, None
    if user.failed_logins or user.locked_until:
        user.failed_logins = 0
        user.locked_until = None
    return user, unlocked


def _bounded_legacy(record: str) -> None:
    """ValueError for a record of before asking for costs FairDesk never used (planted
    to make a sign-in hang)."""
    found = extract_parameters(record)
    keywrap.bounded(keywrap.KdfCost(found.time_cost, found.memory_cost, found.parallelism))


def _recorded_mark(session: Session, user: User) -> str | None:
    """The password mark the audit trail last recorded for `user` (None: none yet). Only
    events `audit verify` accepts count: one appended by an author who may not set a
    password would otherwise let a swapped record sign in."""
    mark = row_check.history_of(session, "user", user.id).get("password")
    return mark if isinstance(mark, str) else None


def _lock_of(
    session: Session,
    ctx: Context,
    user: User,
    password: str,
    unlocked: sign_in_secret.Unlocked | None,
) -> keywrap.Lock:
    """What opens the user's keys. A record of before (or of older costs) is made again
    and the keys sealed under it, in the sign-in's transaction: a key that does not open
    undoes it. Not when the record differs from the one the audit trail last recorded:
    it was edited behind the app's back, and rewriting it would hide that from the check."""
    lock = keywrap.Lock(unlocked.sealing_key if unlocked else None, password)
    assert user.password_hash
    if unlocked is not None and sign_in_secret.is_current(user.password_hash):
        return lock
    recorded = _recorded_mark(session, user)
    if recorded is not None and recorded != password_mark(user.password_hash):
        return lock
    made = sign_in_secret.make(password)
    new = keywrap.Lock(made.sealing_key, password)
    skipped = keys.reseal(session, ctx, user, lock, new)
    user.password_hash = made.record
    audit.record(
        session,
        ctx,
        "user.rehash",
        "user",
        user.id,
        # Key copies the password did not open were planted: left, and named here.
        after={"password": password_mark(user.password_hash)}
        | ({"unopened_keys": skipped} if skipped else {}),
    )
    return new


def _change(ctx: Context, username: str, action: str, reason: str = "", **changes: Any) -> UserInfo:
    ctx.require(Permission.MANAGE_USERS)
    with ctx.db.writing() as session:
        user = _by_name(session, username)
        before = {k: getattr(user, k) for k in changes if k != "password_hash"}
        for key, value in changes.items():
            setattr(user, key, value)
        after = {k: v for k, v in changes.items() if k != "password_hash"}
        session.flush()
        audit.record(
            session,
            ctx,
            action,
            "user",
            user.id,
            before=before or None,
            after=after or None,
            reason=reason,
        )
        return UserInfo.of(user)


def disable_user(ctx: Context, username: str, reason: str = "") -> UserInfo:
    if username == ctx.actor.username:
        raise InvalidInput("You cannot disable your own account.")
    return _change(ctx, username, "user.disable", reason, active=False)


def enable_user(ctx: Context, username: str) -> UserInfo:
    return _change(ctx, username, "user.enable", active=True)


def set_role(ctx: Context, username: str, role: Role | str, reason: str = "") -> UserInfo:
    try:
        role = Role(role)
    except ValueError:
        raise InvalidInput("'{role}' is not a role.", role=role) from None
    if username == ctx.actor.username and role is not Role.ADMIN:
        raise InvalidInput("You cannot take the admin role from your own account.")
    return _change(ctx, username, "user.role", reason, role=role.value)


def set_password(
    ctx: Context, username: str, new_password: str, old_password: str | None = None
) -> UserInfo:
    """An admin sets anyone's password; a user changes their own with the old one.

    The user's keys are sealed again under the new password; an admin's reset cannot
    open them, so the user's signing key is replaced (see services/keys.py)."""
    if len(new_password) < 8:
        raise InvalidInput("A password needs at least 8 characters.")
    if username != ctx.actor.username or old_password is None:
        ctx.require(Permission.MANAGE_USERS)
        with ctx.db.writing() as session:
            user = _by_name(session, username)
            made = sign_in_secret.make(new_password)
            user.password_hash = made.record
            user.failed_logins = 0
            user.locked_until = None
            session.flush()
            audit.record(
                session,
                ctx,
                "user.password",
                "user",
                user.id,
                after={"password": password_mark(user.password_hash)},
                reason="reset",
            )
            keys.on_password_change(session, ctx, user, keywrap.Lock(made.sealing_key), None)
            return UserInfo.of(user)
    # One transaction: the old password checked (a failure counted and committed), then
    # the keys opened with what it unlocked and sealed under the new one.
    with ctx.db.writing() as session:
        checked, unlocked = _check(session, ctx, username, old_password)
        if checked is not None:
            old = keywrap.Lock(unlocked.sealing_key if unlocked else None, old_password)
            made = sign_in_secret.make(new_password)
            checked.password_hash = made.record
            audit.record(
                session,
                ctx,
                "user.password",
                "user",
                checked.id,
                after={"password": password_mark(checked.password_hash)},
            )
            keys.on_password_change(session, ctx, checked, keywrap.Lock(made.sealing_key), old)
            info = UserInfo.of(checked)
    if checked is None:
        raise _refused()
    return info


def _refuse_swapped_record(session: Session, user: User) -> None:
    """A sign-in record other than the one the trail last recorded was put there behind
    the app's back (to sign in as this user with a password of one's own): refused."""
    recorded = _recorded_mark(session, user)
    if recorded is not None and recorded != password_mark(user.password_hash):
        raise PermissionDenied(
            "The password record of '{username}' is not the one the audit trail recorded: "
            "it was changed behind the app's back, so nobody signs in with it. An "
            "administrator sets a new password and runs the audit check.",
            username=user.username,
        )


def sign_in(ctx: Context, username: str, password: str) -> Context:
    """Check the password and unlock the user's keys: a context acting as that user,
    holding the keys in memory for the session. One argon2id derivation does both."""
    with ctx.db.writing() as session:
        user, unlocked = _check(session, ctx, username, password)
        if user is not None:
            _refuse_swapped_record(session, user)
            # What a sign-in writes is the user's own doing, not the app's.
            user_ctx = Context(ctx.db, UserInfo.of(user).actor, ctx.now)
            lock = _lock_of(session, user_ctx, user, password, unlocked)
            ring = keys.unlock(session, user_ctx, user, lock)
            audit.record(session, user_ctx, "user.sign_in", "user", user.id)
    if user is None:
        raise _refused()
    return user_ctx.with_keyring(ring)


def has_password(ctx: Context, username: str) -> bool:
    with ctx.db.reading() as session:
        return bool(_by_name(session, username).password_hash)


def count_users(ctx: Context) -> int:
    with ctx.db.reading() as session:
        return session.scalar(select(func.count()).select_from(User)) or 0
