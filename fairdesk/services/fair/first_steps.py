"""What to do first on a fair just set up, for the one signed in: the main window says it
until the fair's first complaint is registered.

Which steps a person is offered follows the permissions the domain grants their role: an
administrator adds the accounts, whoever may import the exhibitor list is asked to, and
desk staff register the first complaint.
"""

from __future__ import annotations

from sqlalchemy import exists, select

from fairdesk.db.models import Complaint, Exhibitor, User
from fairdesk.domain.permissions import GRANTS, Permission
from fairdesk.services.context import Context
from fairdesk.services.fair.fairs import fair_by_code

ACCOUNTS, EXHIBITORS, COMPLAINT, DESK_SIGNS_IN = (
    "accounts",
    "exhibitors",
    "complaint",
    "desk_signs_in",
)


def first_steps(ctx: Context, fair_code: str) -> tuple[str, ...]:
    """The steps still to take, in order (codes of `vocabulary.FIRST_STEPS`); none once the
    fair has a complaint."""
    ctx.require(Permission.VIEW)
    role = ctx.actor.role
    with ctx.db.reading() as session:
        fair = fair_by_code(session, fair_code)
        if session.scalar(select(exists().where(Complaint.fair_id == fair.id))):
            return ()
        registrars = [r.value for r in GRANTS[Permission.REGISTER_COMPLAINT]]
        has_desk = session.scalar(
            select(exists().where(User.role.in_(registrars), User.active.is_(True)))
        )
        has_exhibitors = session.scalar(select(exists().where(Exhibitor.fair_id == fair.id)))
    steps: list[str] = []
    may_manage = role in GRANTS[Permission.MANAGE_USERS]
    if may_manage and not has_desk:
        steps.append(ACCOUNTS)
    if role in GRANTS[Permission.IMPORT_EXHIBITORS] and not has_exhibitors:
        steps.append(EXHIBITORS)
    if role in GRANTS[Permission.REGISTER_COMPLAINT]:
        steps.append(COMPLAINT)
    elif may_manage:
        steps.append(DESK_SIGNS_IN)
    return tuple(steps)
