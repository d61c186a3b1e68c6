"""A sign-in pays argon2id once: the password's record and the key's seal come from one
derivation split by HKDF. Records of before keep working and are rewritten at the next
sign-in. On SQLite and PostgreSQL (FAIRDESK_TEST_DB)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import argon2.low_level
import pytest
from argon2 import PasswordHasher
from sqlalchemy import select, update

from fairdesk import app_context
from fairdesk.db.models import KeyWrap, User
from fairdesk.domain.errors import PermissionDenied
from fairdesk.services.checks.audit_verify import verify_chain
from fairdesk.services.context import Context
from fairdesk.services.trust import audit, keywrap, sign_in_secret, users
from fairdesk.services.trust.keys import _context_of
from tests.conftest import Team

_ARGON2 = ("hash_secret", "hash_secret_raw", "verify_secret")


@pytest.fixture
def derivations(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every argon2 call made from now on, wherever the function was imported to."""
    calls: list[str] = []

    def counting(name: str, original: Callable[..., Any]) -> Callable[..., Any]:
        def spy(*args: Any, **kwargs: Any) -> Any:
            calls.append(name)
            return original(*args, **kwargs)

        return spy

    for name in _ARGON2:
        original = getattr(argon2.low_level, name)
        spy = counting(name, original)
        for module in list(sys.modules.values()):
            owner = getattr(module, "__name__", "")
            if owner.startswith(("argon2", "fairdesk")) and getattr(module, name, None) is original:
                monkeypatch.setattr(module, name, spy)
    return calls


def _system(team: Team) -> Context:
    return Context(team.admin.db, app_context.SYSTEM, team.admin.now)


def _record(team: Team, name: str) -> str:
    with team.admin.db.reading() as session:
        return session.scalar(select(User.password_hash).where(User.username == name)) or ""


def _wraps(team: Team, name: str) -> list[str]:
    with team.admin.db.reading() as session:
        user_id = session.scalar(select(User.id).where(User.username == name))
        return list(session.scalars(select(KeyWrap.wrapped).where(KeyWrap.user_id == user_id)))


def _make_old(team: Team, name: str, password: str) -> None:
    """Write `name`'s records as FairDesk wrote them before: argon2's own hash, each key
    sealed under the password itself, the hash's mark in the audit trail."""
    with team.admin.db.writing() as session:
        user = session.scalars(select(User).where(User.username == name)).one()
        unlocked = sign_in_secret.check(user.password_hash or "", password)
        assert unlocked is not None
        lock = keywrap.Lock(unlocked.sealing_key)
        for wrap in session.scalars(select(KeyWrap).where(KeyWrap.user_id == user.id)):
            context = _context_of(wrap.key_id, user.id)
            wrap.wrapped = keywrap.wrap(lock.open(wrap.wrapped, context), password, context)
        user.password_hash = users._hasher.hash(password)
        audit.record(
            session,
            team.admin,
            "user.password",
            "user",
            user.id,
            after={"password": users.password_mark(user.password_hash)},
        )


@pytest.mark.parametrize("name", ["desk1", "admin"])
def test_a_sign_in_derives_once(team: Team, derivations: list[str], name: str) -> None:
    ctx = users.sign_in(_system(team), name, f"{name}-pass-1")
    assert ctx.keyring.user_key is not None or ctx.keyring.root is not None
    assert len(derivations) == 1


def test_the_command_line_signs_in_with_one_derivation(team: Team, derivations: list[str]) -> None:
    ctx = app_context.open_context(
        team.admin.db.url, None, "desk1", migrate=False, password=lambda _: "desk1-pass-1"
    )
    try:
        assert ctx.keyring.user_key is not None
    finally:
        ctx.db.dispose()
    assert len(derivations) == 1


def test_a_record_of_before_signs_in_and_is_rewritten(team: Team, derivations: list[str]) -> None:
    key_id = team.desk.keyring.user_key_id
    _make_old(team, "desk1", "desk1-pass-1")
    assert not sign_in_secret.is_split(_record(team, "desk1"))
    again = users.sign_in(_system(team), "desk1", "desk1-pass-1")
    assert again.keyring.user_key_id == key_id  # the same key, not a new one
    assert sign_in_secret.is_split(_record(team, "desk1"))
    assert all('"v": 2' in wrap for wrap in _wraps(team, "desk1"))
    assert verify_chain(team.organizer).ok  # the rewrite is in the trail
    derivations.clear()
    assert users.sign_in(_system(team), "desk1", "desk1-pass-1").keyring.user_key_id == key_id
    assert len(derivations) == 1


def test_an_administrators_root_survives_the_rewrite(team: Team) -> None:
    _make_old(team, "admin", "admin-pass-1")
    again = users.sign_in(_system(team), "admin", "admin-pass-1")
    assert again.keyring.root_key_id == team.admin.keyring.root_key_id
    assert sign_in_secret.is_split(_record(team, "admin"))


@pytest.mark.parametrize("old", [False, True])
def test_a_wrong_password_still_fails(team: Team, old: bool) -> None:
    if old:
        _make_old(team, "desk1", "desk1-pass-1")
    before = _record(team, "desk1")
    with pytest.raises(PermissionDenied, match="^Unknown user name or wrong password.$"):
        users.sign_in(_system(team), "desk1", "desk1-pass-2")
    assert _record(team, "desk1") == before  # nothing rewritten
    with team.admin.db.reading() as session:
        failed = session.scalar(select(User.failed_logins).where(User.username == "desk1"))
    assert failed == 1


def test_a_hash_replaced_behind_the_apps_back_is_not_rewritten(team: Team) -> None:
    """Rewriting it would record it in the trail, and the check would stop seeing it."""
    planted = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash("eve-pass-1")
    with team.admin.db.writing() as session:
        session.execute(
            update(User).where(User.username == "organizer1").values(password_hash=planted)
        )
    with pytest.raises(PermissionDenied, match="behind the app's back"):
        users.sign_in(_system(team), "organizer1", "eve-pass-1")  # refused, not rewritten
    assert _record(team, "organizer1") == planted
    problems = verify_chain(team.admin).problems
    assert any("user organizer1: password_hash is replaced" in p for p in problems)


def test_a_replaced_record_does_not_open_the_keys(team: Team) -> None:
    """The verifier of one's own password written over a desk user's: the keys stay shut."""
    planted = sign_in_secret.make("eve-pass-1").record
    with team.admin.db.writing() as session:
        session.execute(update(User).where(User.username == "desk1").values(password_hash=planted))
    with pytest.raises(PermissionDenied, match="behind the app's back"):
        users.sign_in(_system(team), "desk1", "eve-pass-1")


def test_the_stored_verifier_does_not_open_the_keys(team: Team) -> None:
    record = _record(team, "desk1")
    verifier = sign_in_secret._parse(record)[2]
    unlocked = sign_in_secret.check(record, "desk1-pass-1")
    assert unlocked is not None and unlocked.sealing_key != verifier
    assert unlocked.sealing_key not in sign_in_secret._unb64(record.rsplit("$", 1)[1])
    with team.admin.db.reading() as session:
        wrap = session.scalars(
            select(KeyWrap).where(KeyWrap.key_id == team.desk.keyring.user_key_id)
        ).one()
    context = _context_of(wrap.key_id, wrap.user_id)
    assert keywrap.Lock(unlocked.sealing_key).open(wrap.wrapped, context)
    with pytest.raises(keywrap.WrongPassword):
        keywrap.Lock(verifier).open(wrap.wrapped, context)


def test_a_password_change_keeps_the_key_under_one_derivation(
    team: Team, derivations: list[str]
) -> None:
    key_id = team.desk.keyring.user_key_id
    users.set_password(team.desk, "desk1", "desk1-pass-new", old_password="desk1-pass-1")
    derivations.clear()
    ctx = users.sign_in(_system(team), "desk1", "desk1-pass-new")
    assert ctx.keyring.user_key_id == key_id
    assert len(derivations) == 1
    with pytest.raises(PermissionDenied):
        users.sign_in(_system(team), "desk1", "desk1-pass-1")
