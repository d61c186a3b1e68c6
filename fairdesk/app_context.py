"""Open the database and sign in the acting user: shared by the CLI and the app."""

from __future__ import annotations

from collections.abc import Callable

from fairdesk.config import database_url
from fairdesk.db import migrate
from fairdesk.db.engine import Database
from fairdesk.domain.enums import Role
from fairdesk.domain.errors import NotFound, PermissionDenied
from fairdesk.services import users
from fairdesk.services.context import Actor, Context

DEFAULT_CLI_USER = "admin"
# Acts only to create the first admin account, which then takes over.
SYSTEM = Actor(None, "system", Role.ADMIN)


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


def open_context(
    db_url: str | None,
    data_dir: str | None,
    username: str | None,
    *,
    migrate: bool = True,
    password: Callable[[str], str | None] = lambda name: None,
) -> Context:
    """A context acting as `username` (default: admin, created on first use).

    A user with a password must give it: `password(name)` returns it, or None when
    there is no way to ask.
    """
    db = open_database(db_url, data_dir, migrate_schema=migrate)
    try:
        system = Context(db, SYSTEM)
        info = _cli_user(system, username or DEFAULT_CLI_USER)
        if users.has_password(system, info.username):
            given = password(info.username)
            if given is None:
                raise PermissionDenied(
                    "The user '{name}' needs its password: set FAIRDESK_PASSWORD "
                    "or run the command in a terminal.",
                    name=info.username,
                )
            return users.sign_in(system, info.username, given)  # unlocks the user's keys
        return Context(db, info.actor)
    except BaseException:
        db.dispose()
        raise


def _cli_user(system: Context, name: str) -> users.UserInfo:
    try:
        info = users.get_user(system, name)
    except NotFound:
        if name != DEFAULT_CLI_USER or users.count_users(system):
            raise NotFound(
                "There is no user '{name}'. Add one with: fairdesk user add {name} --role desk",
                name=name,
            ) from None
        info = users.ensure_user(system, name, Role.ADMIN, "Administrator")
    if not info.active:
        raise NotFound("The user '{name}' is disabled.", name=name)
    return info
