"""Least privilege on PostgreSQL: the role every desk connects as.

`fairdesk db roles`, run with the owner's URL (as migrations are), creates or updates a
desk role that reads and writes what desks need, but may only add audit events (no
UPDATE, DELETE or TRUNCATE: by grants, and by a trigger that refuses whoever is not the
table's owner even if someone grants more later), may only add keys and mark them
certified, retired or revoked (never change a public key), and cannot create roles.

`fairdesk db upgrade` calls `reapply` after migrating: a table a migration added gets the
desk role's grants at once, and the audit trail's guard is put back, so nobody has to
remember to run `db roles` again.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text
from sqlalchemy.engine import make_url

from fairdesk.db.engine import Database
from fairdesk.domain.errors import InvalidInput

AUDIT = "audit_events"
KEYS = "signing_keys"
KEY_MARKS = ("certificate", "retired_at", "revoked_at", "revoke_reason")
READ_ONLY = ("alembic_version",)

APPEND_ONLY = f"""
CREATE OR REPLACE FUNCTION fairdesk_audit_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF pg_has_role(current_user,
                   (SELECT tableowner FROM pg_tables
                     WHERE schemaname = TG_TABLE_SCHEMA AND tablename = TG_TABLE_NAME),
                   'MEMBER') THEN
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit events are append-only: % refused for role %', TG_OP, current_user;
END $$;
DROP TRIGGER IF EXISTS audit_append_only ON {AUDIT};
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON {AUDIT}
    FOR EACH ROW EXECUTE FUNCTION fairdesk_audit_append_only();
DROP TRIGGER IF EXISTS audit_no_truncate ON {AUDIT};
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON {AUDIT}
    FOR EACH STATEMENT EXECUTE FUNCTION fairdesk_audit_append_only();
"""


@dataclass(frozen=True)
class RolesReport:
    role: str
    created: bool
    desk_url: str  # without a password


def default_role(db: Database) -> str:
    return f"{make_url(db.url).database}_desk"


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def apply_roles(db: Database, role: str, password: str | None) -> RolesReport:
    """Create or update the desk role and the audit trail's guard (idempotent)."""
    if db.is_sqlite:
        raise InvalidInput(
            "An SQLite database has no roles: its file is readable and writable by its "
            "owner alone. Database roles are for a shared PostgreSQL server."
        )
    if not role.replace("_", "").isalnum():
        raise InvalidInput(
            "'{role}' is not a usable role name (letters, digits and '_').", role=role
        )
    with db.guard(), db.engine.begin() as conn:
        ident = conn.dialect.identifier_preparer.quote(role)
        created = not conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role})
        verb = "CREATE" if created else "ALTER"
        options = "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION"
        if password:
            options += f" PASSWORD {_literal(password)}"
        conn.exec_driver_sql(f"{verb} ROLE {ident} {options}")
        _grant(conn, ident)
        # Straight to the driver: no parameters, so its '%' placeholders stay PL/pgSQL's.
        conn.connection.driver_connection.execute(APPEND_ONLY)  # type: ignore[union-attr]
    url = make_url(db.url).set(username=role, password=None)
    return RolesReport(role, created, url.render_as_string(hide_password=True))


# Roles other than the table's owner that may add audit events: the desk roles made by
# `db roles` (whatever name was given), found from the grants themselves.
_DESK_ROLES = f"""
SELECT DISTINCT r.rolname FROM pg_class c
CROSS JOIN LATERAL aclexplode(c.relacl) a
JOIN pg_roles r ON r.oid = a.grantee
WHERE c.oid = 'public.{AUDIT}'::regclass AND a.privilege_type = 'INSERT'
  AND a.grantee <> c.relowner AND NOT r.rolsuper
ORDER BY r.rolname
"""


def desk_roles(db: Database) -> list[str]:
    """The desk roles this database has (none on SQLite, or before `db roles`)."""
    if db.is_sqlite:
        return []
    with db.guard(), db.engine.connect() as conn:
        if conn.scalar(text(f"SELECT to_regclass('public.{AUDIT}')")) is None:
            return []
        return list(conn.scalars(text(_DESK_ROLES)))


def reapply(db: Database) -> list[str]:
    """After an upgrade: the desk roles' grants again (tables a migration added are
    covered) and the audit guard; returns the roles updated (none: nothing to do)."""
    roles = desk_roles(db)
    if not roles:
        return []
    with db.guard(), db.engine.begin() as conn:
        for role in roles:
            _grant(conn, conn.dialect.identifier_preparer.quote(role))
        conn.connection.driver_connection.execute(APPEND_ONLY)  # type: ignore[union-attr]
    return roles


def _grant(conn: Connection, ident: str) -> None:
    database = conn.dialect.identifier_preparer.quote(str(conn.engine.url.database))
    conn.exec_driver_sql(f"GRANT CONNECT ON DATABASE {database} TO {ident}")
    conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA public TO {ident}")
    conn.exec_driver_sql(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {ident}")
    tables = conn.scalars(
        text("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
    ).all()
    for table in tables:
        name = conn.dialect.identifier_preparer.quote(table)
        if table == AUDIT:
            rights = "SELECT, INSERT"
        elif table == KEYS:
            rights = f"SELECT, INSERT, UPDATE ({', '.join(KEY_MARKS)})"
        elif table in READ_ONLY:
            rights = "SELECT"
        else:
            rights = "SELECT, INSERT, UPDATE, DELETE"
        conn.exec_driver_sql(f"GRANT {rights} ON {name} TO {ident}")
    conn.exec_driver_sql(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {ident}")
