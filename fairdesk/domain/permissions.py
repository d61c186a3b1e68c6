"""Who may do what outside the case workflow (the workflow's own table says the rest)."""

from __future__ import annotations

from enum import StrEnum

from fairdesk.domain.enums import Role
from fairdesk.domain.errors import PermissionDenied


class Permission(StrEnum):
    VIEW = "view cases and fairs"
    SET_UP_FAIR = "set up a fair"
    IMPORT_EXHIBITORS = "import exhibitors"
    REGISTER_COMPLAINT = "register a complaint"
    EDIT_COMPLAINT = "edit a complaint"
    PAUSE_CLOCK = "pause or resume a deadline"
    MANAGE_USERS = "manage users"
    CREATE_DEMO = "create demo data"
    EXPORT = "export lists and statistics"
    PATROL = "record patrols"
    LOG_CONSULTATION = "log a consultation"
    BACKUP = "back up or restore the database"
    ISSUE_DOCUMENT = "issue, reissue or revoke documents"
    VERIFY_AUDIT = "check the audit trail"
    ASSIGN_CASES = "assign cases to a desk user"


ALL = frozenset(Role)
GRANTS: dict[Permission, frozenset[Role]] = {
    Permission.VIEW: ALL,
    Permission.SET_UP_FAIR: frozenset({Role.ADMIN}),
    Permission.IMPORT_EXHIBITORS: frozenset({Role.ADMIN, Role.DESK, Role.ORGANIZER}),
    Permission.REGISTER_COMPLAINT: frozenset({Role.DESK}),
    Permission.EDIT_COMPLAINT: frozenset({Role.DESK}),
    Permission.PAUSE_CLOCK: frozenset({Role.DESK}),
    Permission.MANAGE_USERS: frozenset({Role.ADMIN}),
    Permission.CREATE_DEMO: frozenset({Role.ADMIN}),
    Permission.EXPORT: frozenset({Role.ADMIN, Role.DESK, Role.ORGANIZER}),
    Permission.PATROL: frozenset({Role.INSPECTOR, Role.DESK}),
    Permission.LOG_CONSULTATION: frozenset({Role.DESK}),
    Permission.BACKUP: frozenset({Role.ADMIN}),
    Permission.ISSUE_DOCUMENT: frozenset({Role.DESK}),
    Permission.VERIFY_AUDIT: frozenset({Role.ADMIN, Role.ORGANIZER}),
    Permission.ASSIGN_CASES: frozenset({Role.ADMIN, Role.DESK}),
}


def require(role: Role, permission: Permission) -> None:
    allowed = GRANTS[permission]
    if role not in allowed:
        raise PermissionDenied(
            "Only {who} staff may {permission}; you are signed in as {role}.",
            who=tuple(sorted(r.value for r in allowed)),
            permission=permission.value,
            role=role.value,
        )
