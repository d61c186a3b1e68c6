"""Assigning respondent cases to the desk user who handles them (bulk, from the list).

    assign_cases(ctx, ["CIIE2026-0001-1", "CIIE2026-0002-1"], "desk2", reason="hall 4.1")

Every case changed is audited with who it was assigned to before and after; all cases are
assigned in one transaction, so a stale screen (a case changed since it was listed, see
`expected_versions`) or an unknown number changes nothing. An empty username unassigns.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from fairdesk.db.models import User
from fairdesk.domain.enums import Role
from fairdesk.domain.errors import InvalidInput, NotFound, Phrase
from fairdesk.domain.permissions import Permission
from fairdesk.services.casework.cases import case_by_number
from fairdesk.services.casework.steps import check_version
from fairdesk.services.context import Context
from fairdesk.services.trust import audit

__all__ = ["ASSIGNABLE_ROLES", "AssignResult", "assign_cases", "assignable_users"]

# Cases are handled at the desk; admins may stand in.
ASSIGNABLE_ROLES = (Role.DESK.value, Role.ADMIN.value)


@dataclass(frozen=True)
class AssignResult:
    username: str  # "" when unassigned
    changed: tuple[str, ...]
    unchanged: tuple[str, ...]  # already assigned to that user


def assignable_users(ctx: Context) -> list[str]:
    """Usernames of the active users cases can be assigned to, sorted."""
    ctx.require(Permission.VIEW)
    with ctx.db.reading() as session:
        return list(
            session.scalars(
                select(User.username)
                .where(User.active.is_(True), User.role.in_(ASSIGNABLE_ROLES))
                .order_by(User.username)
            )
        )


def _assignee(session: Session, username: str) -> User:
    """The user cases may be assigned to, or the reason a person reads why not."""
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise NotFound("There is no user '{username}'.", username=username)
    if not user.active:
        raise InvalidInput(
            "Cases can only be assigned to an active desk user; '{username}' is inactive.",
            username=username,
        )
    if user.role not in ASSIGNABLE_ROLES:
        raise InvalidInput(
            "Cases can only be assigned to an active desk user; '{username}' is {role}.",
            username=username,
            role=str(user.role),
        )
    return user


def assign_cases(
    ctx: Context,
    numbers: Iterable[str],
    username: str,
    reason: str = "",
    *,
    expected_versions: Mapping[str, int] | None = None,
) -> AssignResult:
    ctx.require(Permission.ASSIGN_CASES)
    wanted = list(dict.fromkeys(n.strip() for n in numbers if n.strip()))
    if not wanted:
        raise InvalidInput("Select at least one case to assign.")
    username = username.strip()
    versions = dict(expected_versions or {})
    changed: list[str] = []
    unchanged: list[str] = []
    with ctx.db.writing() as session:
        user = _assignee(session, username) if username else None
        for number in wanted:
            case = case_by_number(session, number)
            check_version(
                session,
                case,
                Phrase("Case {number}", number=case.number),
                versions.get(case.number),
            )
            before = session.get(User, case.assigned_to) if case.assigned_to else None
            new_id = user.id if user is not None else None
            if case.assigned_to == new_id:
                unchanged.append(case.number)
                continue
            case.assigned_to = new_id
            case.updated_at = ctx.now()
            session.flush()  # bumps the version (optimistic locking)
            audit.record(
                session,
                ctx,
                "case.assign",
                "case",
                case.id,
                before={"assigned_to": before.username if before else ""},
                after={"assigned_to": username},
                reason=reason,
                fair_id=case.fair_id,
                complaint_id=case.complaint_id,
                case_id=case.id,
            )
            changed.append(case.number)
    return AssignResult(username, tuple(changed), tuple(unchanged))
