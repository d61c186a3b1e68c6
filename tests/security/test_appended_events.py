"""An insider who can write the database appends one chained event at the tail to make
a changed row "match its history" (third attacker review, finding 3). Only the events
FairDesk writes count, for the fields each sets, by an author whose role may take it."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select, update

from fairdesk.app_context import SYSTEM
from fairdesk.db.models import AuditEvent, EvidenceFile, IssuedDocument, User
from fairdesk.domain.errors import PermissionDenied
from fairdesk.services.checks.audit_verify import verify_chain
from fairdesk.services.context import Context
from fairdesk.services.paper import documents as docs
from fairdesk.services.trust import audit, sign_in_secret, users
from tests.conftest import Team
from tests.security.test_attacks import _issue


def _append(
    team: Team, by: Context | None, action: str, entity: str, entity_id: int, after: dict[str, Any]
) -> int:
    """One event chained after the tail, as the attacker writes it (no secret needed)."""
    with team.admin.db.writing() as session:
        last = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).one()
        row = AuditEvent(
            at=last.at + timedelta(seconds=1),
            user_id=by.actor.user_id if by else None,
            username=by.actor.username if by else "system",
            action=action,
            entity_type=entity,
            entity_id=entity_id,
            reason="",
            after=audit.jsonable(after),
            prev_hash=last.hash,
            hash="",
        )
        row.hash = audit.digest(last.hash, row)
        session.add(row)
        session.flush()
        return row.id


def _doc_id(team: Team, number: str) -> int:
    with team.admin.db.reading() as session:
        return session.scalars(
            select(IssuedDocument.id).where(IssuedDocument.number == number)
        ).one()


def test_an_unknown_action_appended_does_not_launder_a_swapped_pdf(
    team: Team, decided: str
) -> None:
    info = _issue(team, decided)
    forged = b"%PDF-1.7 forged"
    import hashlib

    sha = hashlib.sha256(forged).hexdigest()
    with team.admin.db.writing() as session:
        session.execute(
            update(IssuedDocument)
            .where(IssuedDocument.number == info.number)
            .values(pdf=forged, content_hash=sha)
        )
    event = _append(
        team, team.desk, "document.reprint", "document", _doc_id(team, info.number), {"sha256": sha}
    )
    report = verify_chain(team.admin)
    assert not report.ok
    said = next(p for p in report.problems if f"audit event {event} " in p)
    assert "never takes" in said and "desk1 (" in said
    assert "document.reprint" not in said  # no code word
    assert any(f"document {info.number}: sha256" in p for p in report.problems)


def test_un_revoking_with_an_appended_revoke_event_is_reported(team: Team, decided: str) -> None:
    info = _issue(team, decided)
    docs.revoke(team.desk, info.number, "issued in error")
    with team.admin.db.writing() as session:
        session.execute(
            update(IssuedDocument)
            .where(IssuedDocument.number == info.number)
            .values(revoked_at=None, revoke_reason="")
        )
    doc_id = _doc_id(team, info.number)
    event = _append(team, team.desk, "document.revoke", "document", doc_id, {"in_force": True})
    report = verify_chain(team.admin)
    assert any(f"audit event {event} (Document revoked" in p for p in report.problems)
    assert any(f"document {info.number}: in_force" in p for p in report.problems)


def test_an_appended_issue_event_does_not_put_a_revoked_document_back(
    team: Team, decided: str
) -> None:
    info = _issue(team, decided)
    docs.revoke(team.desk, info.number, "issued in error")
    with team.admin.db.writing() as session:
        session.execute(
            update(IssuedDocument)
            .where(IssuedDocument.number == info.number)
            .values(revoked_at=None, revoke_reason="")
        )
    event = _append(
        team,
        team.desk,
        "document.issue",
        "document",
        _doc_id(team, info.number),
        {"in_force": True},
    )
    report = verify_chain(team.admin)
    assert any(f"audit event {event} (Document issued" in p for p in report.problems)


def test_an_event_by_an_author_whose_role_may_not_take_it_is_reported(
    team: Team, decided: str
) -> None:
    info = _issue(team, decided)
    docs.revoke(team.desk, info.number, "issued in error")
    with team.admin.db.writing() as session:
        session.execute(
            update(IssuedDocument)
            .where(IssuedDocument.number == info.number)
            .values(revoked_at=None, revoke_reason="")
        )
    # An inspector may not issue documents: their "issued" event explains nothing.
    event = _append(
        team,
        team.inspector,
        "document.reissue",
        "document",
        _doc_id(team, info.number),
        {"in_force": True},
    )
    report = verify_chain(team.admin)
    said = next(p for p in report.problems if f"audit event {event} " in p)
    assert "inspector1 (" in said and "may not take" in said
    assert "Document reissued" in said


def _plant_admin(team: Team, password: str) -> int:
    with team.admin.db.writing() as session:
        user = User(
            username="ops",
            display_name="ops",
            role="admin",
            password_hash=sign_in_secret.make(password).record,
            active=True,
            failed_logins=0,
            created_at=team.admin.now(),
        )
        session.add(user)
        session.flush()
        return user.id


def test_a_planted_admin_with_an_appended_add_event_by_a_desk_user_is_reported(
    team: Team,
) -> None:
    uid = _plant_admin(team, "GhostPass#2026")
    with team.admin.db.reading() as session:
        mark = users.password_mark(session.get_one(User, uid).password_hash)
    event = _append(
        team,
        team.desk,
        "user.add",
        "user",
        uid,
        {"username": "ops", "role": "admin", "password": mark},
    )
    report = verify_chain(team.admin)
    assert any(f"audit event {event} (User added" in p and "desk1 (" in p for p in report.problems)


def test_a_planted_admin_even_with_an_add_event_by_an_admin_cannot_sign_in(
    team: Team,
) -> None:
    uid = _plant_admin(team, "GhostPass#2026")
    with team.admin.db.reading() as session:
        mark = users.password_mark(session.get_one(User, uid).password_hash)
    _append(
        team,
        team.admin,
        "user.add",
        "user",
        uid,
        {"username": "ops", "role": "admin", "password": mark},
    )
    system = Context(team.admin.db, SYSTEM, team.admin.now)
    with pytest.raises(PermissionDenied, match="no copy of the root key"):
        users.sign_in(system, "ops", "GhostPass#2026")
    report = verify_chain(team.admin)
    assert any("ops" in p and "root key" in p for p in report.problems)


def test_planted_evidence_with_an_import_event_by_a_desk_organizer_is_reported(
    team: Team, decided: str
) -> None:
    with team.admin.db.writing() as session:
        row = EvidenceFile(
            sha256="ab" * 32,
            size=3,
            original_name="IMG_0042.png",
            captured_at=team.admin.now(),
            imported_at=team.admin.now(),
            captured_by=team.inspector.actor.user_id,
        )
        session.add(row)
        session.flush()
        evidence_id = row.id
    event = _append(
        team,
        team.organizer,
        "evidence.import",
        "evidence",
        evidence_id,
        {"sha256": "ab" * 32, "name": "IMG_0042.png"},
    )
    report = verify_chain(team.admin)
    assert any(
        f"audit event {event} (Evidence file stored" in p and "organizer1 (" in p
        for p in report.problems
    )


def test_a_sign_in_is_recorded_by_the_user_who_signed_in(team: Team) -> None:
    system = Context(team.admin.db, SYSTEM, team.admin.now)
    users.sign_in(system, "desk1", "desk1-pass-1")
    with team.admin.db.reading() as session:
        last = session.scalars(
            select(AuditEvent)
            .where(AuditEvent.action == "user.sign_in")
            .order_by(AuditEvent.id.desc())
            .limit(1)
        ).one()
    assert last.username == "desk1" and last.user_id == team.desk.actor.user_id
    assert verify_chain(team.admin).ok


def test_a_swapped_password_record_is_refused_at_sign_in(team: Team) -> None:
    """Impersonation: the attacker puts a record of a password of their own in place."""
    with team.admin.db.writing() as session:
        session.execute(
            update(User)
            .where(User.username == "officer1")
            .values(password_hash=sign_in_secret.make("Known#Pass1").record)
        )
    system = Context(team.admin.db, SYSTEM, team.admin.now)
    with pytest.raises(PermissionDenied, match="behind the app's back"):
        users.sign_in(system, "officer1", "Known#Pass1")


def test_a_corrected_trigger_is_its_history_not_an_edit(team: Team, decided: str) -> None:
    from fairdesk.services.casework.amend import amend_decision

    amend_decision(team.desk, decided, "typo", decision_trigger="admission")
    assert verify_chain(team.admin).ok


def test_an_appended_event_of_another_kind_does_not_make_a_swapped_record_sign_in(
    team: Team,
) -> None:
    record = sign_in_secret.make("Known#Pass1").record
    with team.admin.db.writing() as session:
        session.execute(
            update(User).where(User.username == "officer1").values(password_hash=record)
        )
        uid = session.scalars(select(User.id).where(User.username == "officer1")).one()
    event = _append(
        team, team.officer, "user.note", "user", uid, {"password": users.password_mark(record)}
    )
    system = Context(team.admin.db, SYSTEM, team.admin.now)
    with pytest.raises(PermissionDenied, match="behind the app's back"):
        users.sign_in(system, "officer1", "Known#Pass1")
    assert any(f"audit event {event} " in p for p in verify_chain(team.admin).problems)
