"""The fourth insider review: what a database writer could do without a trace."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import delete, insert, select, update

from fairdesk.app_context import SYSTEM
from fairdesk.db.models import AuditEvent, IssuedDocument, SigningKey, User
from fairdesk.domain.errors import PermissionDenied
from fairdesk.services.checks.audit_verify import verify_chain
from fairdesk.services.context import Context
from fairdesk.services.paper import documents as docs
from fairdesk.services.trust import keys, keywrap, sign_in_secret, users
from tests.conftest import Team
from tests.security.test_appended_events import _append
from tests.security.test_attacks import _issue


def test_a_password_event_by_a_desk_user_does_not_let_a_swapped_record_sign_in(
    team: Team,
) -> None:
    """Finding 5: the mark sign-in trusts is the one the history check accepts."""
    record = sign_in_secret.make("Mallory#Known1").record
    with team.admin.db.writing() as session:
        session.execute(
            update(User).where(User.username == "officer1").values(password_hash=record)
        )
        uid = session.scalars(select(User.id).where(User.username == "officer1")).one()
    mark = {"password": users.password_mark(record)}
    _append(team, team.desk, "user.password", "user", uid, mark)
    system = Context(team.admin.db, SYSTEM, team.admin.now)
    with pytest.raises(PermissionDenied, match="behind the app's back"):
        users.sign_in(system, "officer1", "Mallory#Known1")


def test_an_administrator_changing_a_password_still_lets_the_user_sign_in(team: Team) -> None:
    users.set_password(team.admin, "officer1", "New#Officer1")
    system = Context(team.admin.db, SYSTEM, team.admin.now)
    users.sign_in(system, "officer1", "New#Officer1")
    assert verify_chain(team.admin).ok


def _reborn(team: Team, number: str, with_event: bool) -> int | None:
    """The revoked row deleted and inserted again in force under a new id, and (or not)
    its "issued" event copied onto the new id, by its real issuer."""
    with team.admin.db.writing() as session:
        doc = session.scalars(select(IssuedDocument).where(IssuedDocument.number == number)).one()
        cols = {c.key: getattr(doc, c.key) for c in IssuedDocument.__table__.columns}
        old_id = cols.pop("id")
        issue = session.scalars(
            select(AuditEvent).where(
                AuditEvent.action == "document.issue", AuditEvent.entity_id == old_id
            )
        ).one()
        by, after = issue.user_id, dict(issue.after or {})
        session.execute(delete(IssuedDocument).where(IssuedDocument.id == old_id))
        session.flush()
        new_id = old_id + 100  # SQLite would give the same id back: a known id is reported
        cols.update(id=new_id, revoked_at=None, revoke_reason="")
        session.execute(insert(IssuedDocument).values(**cols))
    if not with_event:
        return None
    issuer = team.desk if by == team.desk.actor.user_id else team.admin
    return _append(team, issuer, "document.issue", "document", new_id, after)


@pytest.mark.parametrize("with_event", [True, False])
def test_a_revoked_document_inserted_again_under_a_new_id_is_reported(
    team: Team, decided: str, with_event: bool
) -> None:
    """Finding 3: the history of a document follows its number, not only its row."""
    info = _issue(team, decided)
    docs.revoke(team.desk, info.number, "issued in error")
    event = _reborn(team, info.number, with_event)
    problems = verify_chain(team.admin).problems
    assert any(f"document {info.number} was revoked" in p for p in problems)
    if event is not None:
        assert any(
            f"audit event {event} says document {info.number} was issued again" in p
            for p in problems
        )


def _desk_key(team: Team) -> str:
    with team.admin.db.reading() as session:
        return session.scalars(
            select(SigningKey.key_id)
            .join(User, User.id == SigningKey.user_id)
            .where(User.username == "desk1", SigningKey.kind == keys.USER)
        ).one()


def test_a_revocation_date_no_event_records_is_reported_and_not_believed(
    team: Team, decided: str
) -> None:
    """Finding 4: one UPDATE made every genuine document "refused, key stolen"."""
    genuine = _issue(team, decided)
    key_id = _desk_key(team)
    with team.admin.db.writing() as session:
        session.execute(
            update(SigningKey)
            .where(SigningKey.key_id == key_id)
            .values(revoked_at=datetime(2026, 1, 1, tzinfo=UTC), revoke_reason="key stolen")
        )
    assert docs.verify(team.organizer, genuine.payload).status == "genuine"
    problems = verify_chain(team.admin).problems
    assert any(f"signing key {key_id}: revoked_at" in p for p in problems)


def test_a_real_revocation_matches_and_its_date_moved_is_reported(
    team: Team, decided: str
) -> None:
    _issue(team, decided)
    key_id = keys.revoke_user_key(team.admin, "desk1", "laptop lost")
    assert verify_chain(team.admin).ok
    with team.admin.db.writing() as session:
        session.execute(
            update(SigningKey)
            .where(SigningKey.key_id == key_id)
            .values(revoked_at=datetime(2026, 1, 1, tzinfo=UTC))
        )
    problems = verify_chain(team.admin).problems
    assert any(f"signing key {key_id}: revoked_at" in p for p in problems)


def test_no_second_root_is_made_over_a_root_marked_revoked(team: Team) -> None:
    with team.admin.db.writing() as session:
        session.execute(
            update(SigningKey)
            .where(SigningKey.kind == keys.ROOT)
            .values(revoked_at=datetime(2026, 1, 1, tzinfo=UTC))
        )
    with team.admin.db.writing() as session:
        admin = session.scalars(select(User).where(User.username == "admin")).one()
        lock = keywrap.Lock(None, "unused")
        with pytest.raises(PermissionDenied, match="already holds a root key"):
            keys.create_root(session, team.admin, admin, lock)
        assert session.scalars(select(SigningKey).where(SigningKey.kind == keys.ROOT)).all()
