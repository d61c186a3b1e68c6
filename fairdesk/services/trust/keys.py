"""Keys that need a person.

The installation (the service center) has a root key; each desk user who issues
documents has a key of their own, certified by the root. Private halves exist in plain
form only in memory, unlocked by a password: a user key is sealed under its owner's
password (through the sealing key their sign-in derives: `sign_in_secret`), the root
under each administrator's (`key_wraps`). A password change re-seals
them; an administrator's reset of someone else's password cannot open the old key, so
it retires it (it keeps verifying what it signed) and makes a new one.

A demo database keeps one marked demo key, sealed under a published passphrase: its
documents print and verify as specimens, never as genuine.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from fairdesk.db.models import (
    DEMO_KEY,
    LEGACY_KEY,
    ROOT_KEY,
    USER_KEY,
    KeyWrap,
    SigningKey,
    User,
)
from fairdesk.documents import signing
from fairdesk.domain.enums import Role
from fairdesk.domain.errors import InvalidInput, NotFound, PermissionDenied
from fairdesk.domain.permissions import GRANTS, Permission
from fairdesk.services.context import Context
from fairdesk.services.keyring import Keyring
from fairdesk.services.trust import audit, keywrap, root_pin

ROOT, USER, DEMO, LEGACY = ROOT_KEY, USER_KEY, DEMO_KEY, LEGACY_KEY
DEMO_PASSPHRASE = "fairdesk demo specimen"  # published on purpose: demo keys prove nothing
# Roles that get a signing key of their own: those who may issue documents.
SIGNING_ROLES = GRANTS[Permission.ISSUE_DOCUMENT]


@dataclass(frozen=True)
class Signer:
    key: SigningKey
    private: Ed25519PrivateKey
    certificate: bytes
    root_fingerprint: str
    specimen: bool


def _context_of(key_id: str, user_id: int | None) -> str:
    return f"fairdesk key {key_id} user {user_id or 0}"


_DEMO_LOCK = keywrap.Lock(password=DEMO_PASSPHRASE)


def _seal(
    session: Session,
    key_id: str,
    user: User | None,
    secret: bytes,
    lock: keywrap.Lock,
    now: datetime,
) -> None:
    user_id = user.id if user else None
    session.add(
        KeyWrap(
            key_id=key_id,
            user_id=user_id,
            wrapped=lock.seal(secret, _context_of(key_id, user_id)),
            created_at=now,
        )
    )


def _open(wrap: KeyWrap, lock: keywrap.Lock) -> Ed25519PrivateKey:
    raw = lock.open(wrap.wrapped, _context_of(wrap.key_id, wrap.user_id))
    return signing.private_from_raw(raw)


def root_key(session: Session) -> SigningKey | None:
    """The installation's root key in force (None before the first administrator)."""
    return session.scalar(
        select(SigningKey)
        .where(SigningKey.kind == ROOT, SigningKey.revoked_at.is_(None))
        .order_by(SigningKey.id.desc())
        .limit(1)
    )


def root_fingerprint(ctx: Context) -> str:
    """The root key's fingerprint as printed on documents ("" before there is one)."""
    ctx.require(Permission.VIEW)
    with ctx.db.reading() as session:
        root = root_key(session)
        return signing.fingerprint(root.public_key) if root else ""


def _new_key(
    session: Session, kind: str, private: Ed25519PrivateKey, now: datetime, **kw: object
) -> SigningKey:
    raw = signing.public_raw(private)
    key = SigningKey(
        key_id=signing.key_id_of(raw),
        algorithm="ed25519",
        public_key=signing.public_b64(private),
        kind=kind,
        created_at=now,
        **kw,
    )
    session.add(key)
    session.flush()
    return key


def create_root(session: Session, ctx: Context, admin: User, lock: keywrap.Lock) -> Keyring:
    """The installation's root key, sealed under the first administrator's password; it
    certifies the keys of before, so they stay genuine and no later one can pass as them."""
    if session.scalar(select(SigningKey.id).where(SigningKey.kind == ROOT).limit(1)):
        # The one there is marked revoked (root_key() skips it): one database write would
        # otherwise fork the installation's trust.
        raise PermissionDenied(
            "This database already holds a root key, marked revoked behind the app's back: "
            "no second root key is made. Run `fairdesk audit verify` and restore the "
            "database from a backup."
        )
    url = root_pin.session_url(session)
    others = session.scalar(select(User.id).where(User.id != admin.id).limit(1))
    if root_pin.pinned(url) and others is not None:
        raise PermissionDenied(
            "This database's root key is missing, yet {file} pins one for it: it was removed "
            "behind the app's back. Restore the database from a backup; no new root key is "
            "made over it.",
            file=str(root_pin.pin_path()),
        )
    private = signing.new_private()
    key = _new_key(session, ROOT, private, ctx.now())
    root_pin.pin_after_commit(session, url, signing.fingerprint(key.public_key))
    _seal(session, key.key_id, admin, signing.private_raw(private), lock, ctx.now())
    legacy = session.scalars(select(SigningKey).where(SigningKey.kind == LEGACY)).all()
    for old in legacy:
        old.certificate = signing.b64url(
            signing.certify(private, signing.raw_public(old.public_key))
        )
    audit.record(
        session,
        ctx,
        "key.root_create",
        "signing_key",
        key.id,
        after={
            "key_id": key.key_id,
            "public_key": key.public_key,
            "fingerprint": signing.fingerprint(key.public_key),
            "certified_legacy": [k.key_id for k in legacy],
        },
    )
    return Keyring(root_key_id=key.key_id, root=private)


def create_user_key(
    session: Session, ctx: Context, user: User, lock: keywrap.Lock, reason: str = ""
) -> Keyring:
    """A new signing key for `user`, sealed under their password, certified at once when
    the acting administrator holds the root (else at the next administrator's sign-in)."""
    private = signing.new_private()
    root = ctx.keyring.root
    cert = signing.certify(root, signing.public_raw(private)) if root else b""
    key = _new_key(
        session,
        USER,
        private,
        ctx.now(),
        user_id=user.id,
        certificate=signing.b64url(cert) if cert else "",
    )
    _seal(session, key.key_id, user, signing.private_raw(private), lock, ctx.now())
    audit.record(
        session,
        ctx,
        "key.create",
        "signing_key",
        key.id,
        after={
            "key_id": key.key_id,
            "public_key": key.public_key,
            "user": user.username,
            "certified": bool(cert),
        },
        reason=reason,
    )
    return Keyring(user_key_id=key.key_id, user_key=private)


def _current_user_key(session: Session, user: User) -> SigningKey | None:
    return session.scalar(
        select(SigningKey)
        .where(
            SigningKey.kind == USER,
            SigningKey.user_id == user.id,
            SigningKey.revoked_at.is_(None),
            SigningKey.retired_at.is_(None),
        )
        .order_by(SigningKey.id.desc())
        .limit(1)
    )


def _wrap_of(session: Session, key_id: str, user: User) -> KeyWrap | None:
    return session.scalar(
        select(KeyWrap).where(KeyWrap.key_id == key_id, KeyWrap.user_id == user.id).limit(1)
    )


def unlock(session: Session, ctx: Context, user: User, lock: keywrap.Lock) -> Keyring:
    """At sign-in (password already checked): open the user's keys, making what is missing.

    A desk user gets a key of their own; the first administrator after the upgrade makes
    the root. A key made here waits until an administrator certifies it, having compared
    its fingerprint with the one its owner reads out (`certify_user_key`): anyone who can
    write the database could plant a key row, so nothing is certified unseen."""
    ring = Keyring()
    role = Role(user.role)
    if role is Role.ADMIN:
        root = root_key(session)
        if root is None:
            if not root_pin.pinned(root_pin.session_url(session)):  # else removed: reported
                ring = create_root(session, ctx, user, lock)
        else:
            wrap = _wrap_of(session, root.key_id, user)
            if wrap is None:
                # Every administrator gets a copy of the root with their password; one
                # without it had their key copies moved away behind the app's back.
                raise PermissionDenied(
                    "The administrator '{username}' holds no copy of the root key, so this "
                    "sign-in is refused: their keys were changed behind the app's back. "
                    "Another administrator sets a new password for them and runs the "
                    "audit check.",
                    username=user.username,
                )
            ring.root_key_id, ring.root = root.key_id, _open(wrap, lock)
    _pin_first_seen(session)
    if role in SIGNING_ROLES:
        key = _current_user_key(session, user)
        wrap = _wrap_of(session, key.key_id, user) if key else None
        if key is None or wrap is None:
            made = create_user_key(session, ctx, user, lock, "first sign-in with a password")
            ring.user_key_id, ring.user_key = made.user_key_id, made.user_key
        else:
            ring.user_key_id, ring.user_key = key.key_id, _open(wrap, lock)
    return ring


def _pin_first_seen(session: Session) -> None:
    """An installation whose root was made before pins existed: pinned at its first
    sign-in here (what was in force then; paper settles any doubt)."""
    root = root_key(session)
    url = root_pin.session_url(session)
    if root is not None and not root_pin.pinned(url):
        root_pin.pin_after_commit(session, url, signing.fingerprint(root.public_key))


def certify_user_key(ctx: Context, username: str, fingerprint: str) -> str:
    """Certify the key `username` waits with, once the administrator has compared its
    fingerprint with the one its owner reads from their own screen. A fingerprint that
    differs is refused: the row may have been planted by someone who writes the database."""
    ctx.require(Permission.MANAGE_USERS)
    root = ctx.keyring.root
    if root is None:
        raise PermissionDenied(
            "Certifying a key needs the root key, which your password unlocks: sign in as "
            "an administrator with your password."
        )
    with ctx.db.writing() as session:
        user = session.scalar(select(User).where(User.username == username))
        if user is None:
            raise NotFound("There is no user '{username}'.", username=username)
        key = _current_user_key(session, user)
        if key is None or key.certificate:
            raise InvalidInput(
                "The user '{username}' has no key waiting for certification.", username=username
            )
        expected = signing.fingerprint(key.public_key)
        if _squeeze(fingerprint) != _squeeze(expected):
            raise InvalidInput(
                "The fingerprint given does not match the key of '{username}': do not certify "
                "it. Ask {username} to read the fingerprint from their own screen again.",
                username=username,
            )
        key.certificate = signing.b64url(signing.certify(root, signing.raw_public(key.public_key)))
        audit.record(
            session,
            ctx,
            "key.certify",
            "signing_key",
            key.id,
            after={"key_id": key.key_id, "user": user.username, "fingerprint": expected},
        )
        return key.key_id


def _squeeze(fingerprint: str) -> str:
    return "".join(ch for ch in fingerprint.upper() if ch.isalnum())


def on_new_user(session: Session, ctx: Context, user: User, lock: keywrap.Lock) -> None:
    """A new account with a password: its key (desk) or its copy of the root (admin)."""
    role = Role(user.role)
    if role in SIGNING_ROLES:
        create_user_key(session, ctx, user, lock, "new user")
    if role is Role.ADMIN:
        root = root_key(session)
        if root is None:
            create_root(session, ctx, user, lock)
        elif ctx.keyring.root is not None:
            _seal(
                session,
                root.key_id,
                user,
                signing.private_raw(ctx.keyring.root),
                lock,
                ctx.now(),
            )


def reseal(
    session: Session, ctx: Context, user: User, old: keywrap.Lock, new: keywrap.Lock
) -> list[str]:
    """Open every wrap of the user with `old` and seal it again with `new` (a password
    changed, or a record of before made again at sign-in). One that does not open was
    not sealed by the app under this password (planted behind its back): it is left as
    it is, so it cannot lock its user out; the key ids of those are returned for the
    trail, and `audit verify` names wraps no event explains."""
    wraps = session.scalars(select(KeyWrap).where(KeyWrap.user_id == user.id)).all()
    skipped: list[str] = []
    for wrap in wraps:
        try:
            secret = old.open(wrap.wrapped, _context_of(wrap.key_id, user.id))
        except keywrap.WrongPassword:
            skipped.append(wrap.key_id)
            continue
        wrap.wrapped = new.seal(secret, _context_of(wrap.key_id, user.id))
        wrap.created_at = ctx.now()
    return skipped


def on_password_change(
    session: Session, ctx: Context, user: User, new: keywrap.Lock, old: keywrap.Lock | None
) -> None:
    """Re-seal the user's keys under the new password. Without the old one (an
    administrator's reset) the user key cannot be opened: it is retired and replaced."""
    now = ctx.now()
    if old is not None:
        reseal(session, ctx, user, old, new)
        return
    session.execute(delete(KeyWrap).where(KeyWrap.user_id == user.id))
    retired = _current_user_key(session, user)
    if retired is not None:
        retired.retired_at = now
    session.flush()
    role = Role(user.role)
    if role in SIGNING_ROLES:
        create_user_key(session, ctx, user, new, "password reset by an administrator")
    root = root_key(session)
    if role is Role.ADMIN and root is not None and ctx.keyring.root is not None:
        _seal(session, root.key_id, user, signing.private_raw(ctx.keyring.root), new, now)


def revoke_user_key(ctx: Context, username: str, reason: str) -> str:
    """Revoke a user's key (left the team, laptop lost): documents it signs from now on
    refuse, those signed before stay genuine. Their next sign-in makes a new key."""
    ctx.require(Permission.MANAGE_USERS)
    if not reason.strip():
        raise InvalidInput("Revoking a key needs a reason.")
    with ctx.db.writing() as session:
        user = session.scalar(select(User).where(User.username == username))
        if user is None:
            raise NotFound("There is no user '{username}'.", username=username)
        key = _current_user_key(session, user)
        if key is None:
            raise InvalidInput("The user '{username}' has no key in use.", username=username)
        key.revoked_at = ctx.now()
        key.revoke_reason = reason.strip()
        session.execute(delete(KeyWrap).where(KeyWrap.key_id == key.key_id))
        audit.record(
            session,
            ctx,
            "key.revoke",
            "signing_key",
            key.id,
            # What `audit verify` holds the row's revocation date against.
            after={"key_id": key.key_id, "user": user.username, "revoked_at": key.revoked_at},
            reason=reason.strip(),
        )
        return key.key_id


def pin_root(ctx: Context, fingerprint: str) -> str:
    """Pin the database's root key in this data folder, after an administrator compared
    its fingerprint with the service center's paper (a new desk PC, a restored backup,
    a lost pin). Refused when the database's root is not the one typed in."""
    ctx.require(Permission.MANAGE_USERS)
    expected = root_pin.normalize(fingerprint)
    with ctx.db.writing() as session:
        roots = root_pin.database_roots(session)
        if roots != [expected]:
            raise PermissionDenied(
                "This database's root key is {found}, not {expected}: it is not pinned. "
                "Compare with the fingerprint on the service center's genuine documents.",
                found=" / ".join(roots) or "missing",
                expected=expected,
            )
        root = root_key(session)
        assert root is not None
        audit.record(
            session, ctx, "key.pin", "signing_key", root.id, after={"fingerprint": expected}
        )
    return str(root_pin.write(ctx.db.url, expected))


def ensure_demo_key(session: Session, ctx: Context) -> SigningKey:
    """The demo database's marked key (its own root): what it signs is a specimen."""
    key = session.scalar(select(SigningKey).where(SigningKey.kind == DEMO).limit(1))
    if key is not None:
        return key
    private = signing.new_private()
    cert = signing.certify(private, signing.public_raw(private))
    key = _new_key(session, DEMO, private, ctx.now(), certificate=signing.b64url(cert))
    _seal(session, key.key_id, None, signing.private_raw(private), _DEMO_LOCK, ctx.now())
    audit.record(
        session, ctx, "key.demo_create", "signing_key", key.id, after={"key_id": key.key_id}
    )
    return key


def signer(session: Session, ctx: Context) -> Signer:
    """The key that signs for the acting user now: their own (unlocked at sign-in,
    certified, not revoked), or on a demo database the demo key."""
    ring = ctx.keyring
    if ring.user_key is not None:
        key = session.scalar(select(SigningKey).where(SigningKey.key_id == ring.user_key_id))
        root = root_key(session)
        if key is None or key.revoked_at is not None or key.retired_at is not None:
            raise PermissionDenied(
                "Your signing key was revoked or replaced: sign in again to issue documents."
            )
        _require_pinned_root(session, root)
        if not key.certificate or root is None:
            raise PermissionDenied(
                "Your signing key waits for an administrator's certification: read its "
                "fingerprint {fingerprint} to an administrator, who certifies it in Tools > "
                "Users (or `fairdesk keys certify {user} --fingerprint ...`).",
                fingerprint=signing.fingerprint(key.public_key),
                user=ctx.actor.username,
            )
        return Signer(
            key,
            ring.user_key,
            signing.unb64url(key.certificate),
            signing.fingerprint(root.public_key),
            False,
        )
    demo = session.scalar(select(SigningKey).where(SigningKey.kind == DEMO).limit(1))
    wrap = session.scalar(select(KeyWrap).where(KeyWrap.key_id == demo.key_id)) if demo else None
    if demo is None or wrap is None:
        raise PermissionDenied(
            "Documents are signed with your own key, which your password unlocks: sign in "
            "with your password to issue documents."
        )
    if ring.demo is None or ring.demo_key_id != demo.key_id:
        ring.demo, ring.demo_key_id = _open(wrap, _DEMO_LOCK), demo.key_id
    private = ring.demo
    return Signer(
        demo,
        private,
        signing.unb64url(demo.certificate),
        signing.fingerprint(demo.public_key),
        True,
    )


def _require_pinned_root(session: Session, root: SigningKey | None) -> None:
    pin = root_pin.pinned(root_pin.session_url(session))
    found = signing.fingerprint(root.public_key) if root is not None else ""
    if pin and found != pin:
        raise PermissionDenied(
            "This database's root key is not the one pinned for this installation in {file} "
            "({pinned}): it was replaced behind the app's back. No document is issued until "
            "an administrator has checked it (fairdesk audit verify).",
            file=str(root_pin.pin_path()),
            pinned=pin,
        )


def demo_key(session: Session) -> tuple[SigningKey, Ed25519PrivateKey] | None:
    """The demo key and its private half, on a demo database only (one that holds the
    marked demo key and no real one); None elsewhere."""
    kinds = set(session.scalars(select(SigningKey.kind).distinct()).all())
    if DEMO not in kinds or kinds & {ROOT, USER, LEGACY}:
        return None
    demo = session.scalar(select(SigningKey).where(SigningKey.kind == DEMO).limit(1))
    wrap = session.scalar(select(KeyWrap).where(KeyWrap.key_id == demo.key_id)) if demo else None
    if demo is None or wrap is None:
        return None
    return demo, _open(wrap, _DEMO_LOCK)


def is_demo(ctx: Context) -> bool:
    """A demo database: it holds the marked demo key and no real one. A demo key row added
    to a real installation (one with a root or a user's key) does not make it a demo, so it
    never lets an account without a password act there."""
    with ctx.db.reading() as session:
        kinds = set(session.scalars(select(SigningKey.kind).distinct()).all())
        return DEMO in kinds and not kinds & {ROOT, USER, LEGACY}


def mark_demo(ctx: Context) -> None:
    """Make a new, empty database a demo one (refused once it has users)."""
    with ctx.db.writing() as session:
        demo = session.scalar(select(SigningKey.id).where(SigningKey.kind == DEMO).limit(1))
        if demo is None and session.scalar(select(User.id).limit(1)) is not None:
            raise PermissionDenied("Only a new, empty database can become a demo database.")
        ensure_demo_key(session, ctx)
