"""Planted records and a visitor's check (third attacker review, finding 6): a check of a
paper changes nothing, a record or a key copy planted with huge costs is refused at once,
and a planted key copy does not lock its user out."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, select, text

from fairdesk import app_context
from fairdesk.db import migrate
from fairdesk.db.engine import Database
from fairdesk.db.models import AuditEvent, KeyWrap, User
from fairdesk.domain.errors import InvalidInput
from fairdesk.services.checks.audit_verify import verify_chain
from fairdesk.services.context import Context
from fairdesk.services.trust import keywrap, sign_in_secret, users
from tests.conftest import PG_URL, Team
from tests.unit.test_single_derivation import _make_old

HUGE = {"t": 1000, "m": 4 * 1024 * 1024, "p": 64}


def test_checking_a_paper_opens_the_database_read_only(team: Team) -> None:
    reader = app_context.open_reader(team.admin.db.url, None)
    try:
        with pytest.raises(Exception), reader.db.writing() as session:  # noqa: B017
            session.execute(text("UPDATE users SET display_name = 'x'"))
        with reader.db.reading() as session:
            assert "x" not in session.scalars(select(User.display_name)).all()
    finally:
        reader.db.dispose()


@pytest.mark.skipif(bool(PG_URL), reason="builds an SQLite file of an older layout")
def test_checking_a_paper_does_not_upgrade_an_older_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    old = Database(url)
    migrate.upgrade(old, "0020")
    old.dispose()
    with pytest.raises(InvalidInput, match="is older .* 'fairdesk db upgrade'"):
        app_context.open_reader(url, None)
    again = Database(url)
    try:
        assert migrate.current_revision(again) == "0020"  # untouched
    finally:
        again.dispose()


@pytest.fixture
def no_derivation(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any argon2 derivation from now on fails the test: huge costs must be refused first."""

    def refuse(*_: Any, **__: Any) -> bytes:
        raise AssertionError("a derivation was attempted with the planted costs")

    monkeypatch.setattr(sign_in_secret, "hash_secret_raw", refuse)
    monkeypatch.setattr(keywrap, "hash_secret_raw", refuse)

    class Refusing:
        verify = staticmethod(refuse)  # a record of before's check

    monkeypatch.setattr(users, "_hasher", Refusing())


def test_a_record_with_huge_costs_is_refused_without_deriving(no_derivation: None) -> None:
    record = (
        f"{sign_in_secret.PREFIX}m={HUGE['m']},t={HUGE['t']},p={HUGE['p']}"
        "$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    )
    assert sign_in_secret.check(record, "whatever-1") is None
    assert not sign_in_secret.is_current(record)


def test_a_key_copy_with_huge_costs_is_refused_without_deriving(no_derivation: None) -> None:
    wrapped = json.dumps(
        {
            "v": 1,
            "kdf": "argon2id",
            "aead": "aes-256-gcm",
            "salt": "AAAA",
            "nonce": "AAAA",
            "ct": "AAAA",
        }
        | HUGE
    )
    with pytest.raises(keywrap.WrongPassword, match="damaged"):
        keywrap.unwrap(wrapped, "whatever-1", "ctx")


def test_a_record_of_before_with_huge_costs_is_refused_at_sign_in(
    team: Team, no_derivation: None
) -> None:
    planted = "$argon2id$v=19$m=4194304,t=1000,p=64$c29tZXNhbHQ$" + "A" * 43
    with team.admin.db.writing() as session:
        user = session.scalars(select(User).where(User.username == "organizer1")).one()
        user.password_hash = planted
    with pytest.raises(users.PermissionDenied):
        users.sign_in(
            Context(team.admin.db, app_context.SYSTEM, team.admin.now),
            "organizer1",
            "organizer1-pass-1",
        )


def test_a_planted_key_copy_does_not_lock_its_user_out_at_the_upgrade(team: Team) -> None:
    _make_old(team, "desk1", "desk1-pass-1")  # the next sign-in seals every copy again
    with team.admin.db.writing() as session:
        user_id = session.scalar(select(User.id).where(User.username == "desk1"))
        session.execute(
            insert(KeyWrap).values(
                key_id="planted",
                user_id=user_id,
                wrapped=keywrap.wrap(b"x" * 32, "other", "c"),
                created_at=team.admin.now(),
            )
        )
    system = Context(team.admin.db, app_context.SYSTEM, team.admin.now)
    again = users.sign_in(system, "desk1", "desk1-pass-1")
    assert again.keyring.user_key_id == team.desk.keyring.user_key_id
    with team.admin.db.reading() as session:
        rehash = session.scalars(
            select(AuditEvent.after)
            .where(AuditEvent.action == "user.rehash")
            .order_by(AuditEvent.id.desc())
            .limit(1)
        ).one()
    assert rehash["unopened_keys"] == ["planted"]
    report = verify_chain(team.admin)
    assert any("key no audit event made" in p and "desk1" in p for p in report.problems)
