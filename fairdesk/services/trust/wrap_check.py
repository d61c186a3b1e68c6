"""Key copies checked against the trail: a copy of a key moved to another account, or an
account that should hold the root and does not.

Each key copy (a key sealed under one user's password) is made by the app together with
the key's own event; an administrator with a password always holds a copy of the root.
Someone who can write the database cannot make a copy of the root (they cannot open it),
but they can move copies about, or plant an administrator with a password of their own:
both show here, and the sign-in refuses such an administrator (keys.unlock).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from fairdesk.db.models import DEMO_KEY, LEGACY_KEY, ROOT_KEY, AuditEvent, KeyWrap, SigningKey, User
from fairdesk.domain.enums import Role

# The events that make a key, each recording its key_id.
_MADE_BY = ("key.create", "key.root_create", "key.demo_create")


def _admin(role: object) -> bool:
    # A role planted behind the app's back may be written any way.
    return str(getattr(role, "value", role)).lower() == Role.ADMIN.value


def check(session: Session) -> list[str]:
    made = {
        (after or {}).get("key_id")
        for after in session.scalars(
            select(AuditEvent.after).where(AuditEvent.action.in_(_MADE_BY))
        )
    }
    keys = {k.key_id: k for k in session.scalars(select(SigningKey))}
    people = {u.id: u for u in session.scalars(select(User))}
    problems: list[str] = []
    holders: set[tuple[str, int | None]] = set()
    for wrap in session.scalars(select(KeyWrap).order_by(KeyWrap.id)):
        holders.add((wrap.key_id, wrap.user_id))
        key = keys.get(wrap.key_id)
        owner = people.get(wrap.user_id) if wrap.user_id is not None else None
        name = owner.username if owner else "no account"
        if key is None or (key.kind != LEGACY_KEY and key.key_id not in made):
            problems.append(
                f"a key copy held by {name} is of a key no audit event made: "
                "it was put there behind the app's back"
            )
        elif key.kind == DEMO_KEY:
            continue
        elif owner is None:
            problems.append(
                f"a copy of key {key.key_id} belongs to no account: "
                "it was moved behind the app's back"
            )
        elif (key.kind == ROOT_KEY and not _admin(owner.role)) or (
            key.kind != ROOT_KEY and key.user_id != owner.id
        ):
            problems.append(
                f"{owner.username} holds a copy of key {key.key_id}, which is not theirs: "
                "it was moved behind the app's back"
            )
    root = session.scalar(
        select(SigningKey)
        .where(SigningKey.kind == ROOT_KEY, SigningKey.revoked_at.is_(None))
        .order_by(SigningKey.id.desc())
        .limit(1)
    )
    for user in people.values():
        if root is None or not _admin(user.role) or not user.password_hash:
            continue
        if (root.key_id, user.id) not in holders:
            problems.append(
                f"administrator {user.username} has a password but holds no copy of the root "
                "key: the account was added, or its key copies moved, behind the app's back"
            )
    return problems
