"""Open the database and sign in the acting user: shared by the CLI and the app."""

from __future__ import annotations

from collections.abc import Callable

from fairdesk.config import database_url
from fairdesk.db import migrate
from fairdesk.db.engine import Database
from fairdesk.domain.enums import Role
from fairdesk.domain.errors import NotFound, PermissionDenied
from fairdesk.services.context import Actor, Context
from fairdesk.services.trust import keys, users

DEFAULT_CLI_USER = "admin"
# Acts only to create the first admin account, which then takes over.
SYSTEM = Actor(None, "system", Role.ADMIN)
# Checks a paper against the register: it reads the documents and the public keys, signs
# nothing and changes nothing, so nobody signs in for it. Handed only to the checks.
READER = Actor(None, "verify", Role.ORGANIZER)


def open_database(
    db_url: str | None = None, data_dir: str | None = None, *, migrate_schema: bool = True
) -> Database:
    db = Database(database_url(db_url, data_dir))
    if migrate_schema:
        try:
            migrate.upgrade(db)
        except BaseException:
            db.dispose()
            raise
    return db


def open_reader(db_url: str | None, data_dir: str | None) -> Context:
    """A context that checks papers (`fairdesk verify`): no password asked of anyone, so
    it changes nothing, the schema included: the database is opened read-only, and one
    whose schema is not this program's is refused (an administrator upgrades it)."""
    from fairdesk.db import read_only

    db = open_database(db_url, data_dir, migrate_schema=False)
    try:
        read_only.install(db)
        read_only.require_current_schema(db)
    except BaseException:
        db.dispose()
        raise
    return Context(db, READER)


def open_context(
    db_url: str | None,
    data_dir: str | None,
    username: str | None,
    *,
    migrate: bool = True,
    password: Callable[[str], str | None] = lambda name: None,
) -> Context:
    """A context acting as `username` (default: admin), signed in with its password.

    `password(name)` returns it, or None when there is no way to ask. An account without
    a password acts only on a demo database (whose documents are specimens).
    """
    db = open_database(db_url, data_dir, migrate_schema=migrate)
    try:
        system = Context(db, SYSTEM)
        info = _cli_user(system, username or DEFAULT_CLI_USER)
        if not users.has_password(system, info.username):
            if not keys.is_demo(system):
                raise PermissionDenied(
                    "The user '{name}' has no password, so nobody can act as it: an "
                    "administrator sets one with: fairdesk user passwd {name}",
                    name=info.username,
                )
            return Context(db, info.actor)
        given = password(info.username)
        if given is None:
            raise PermissionDenied(
                "The user '{name}' needs its password: run the command in a terminal, "
                "set FAIRDESK_PASSWORD, or give --password-stdin before the command (after "
                "'user add' or 'user passwd' it reads the new user's password instead).",
                name=info.username,
            )
        return users.sign_in(system, info.username, given)  # unlocks the user's keys
    except BaseException:
        db.dispose()
        raise


def _cli_user(system: Context, name: str) -> users.UserInfo:
    try:
        info = users.get_user(system, name)
    except NotFound:
        if not users.count_users(system):
            raise NotFound(
                "This database has no user yet. Create its administrator first: "
                "fairdesk user add {name} --role admin",
                name=name,
            ) from None
        raise NotFound(
            "There is no user '{name}'. Add one with: fairdesk user add {name} --role desk",
            name=name,
        ) from None
    if not info.active:
        raise NotFound("The user '{name}' is disabled.", name=name)
    return info


def demo_admin(db: Database) -> Context:
    """On a new, empty database: the demo's passwordless administrator, the database
    marked as a demo first (its documents print as specimens)."""
    system = Context(db, SYSTEM)
    keys.mark_demo(system)
    return Context(
        db, users.ensure_user(system, DEFAULT_CLI_USER, Role.ADMIN, "Administrator").actor
    )
