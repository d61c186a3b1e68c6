"""The root key pinned outside the database.

Whoever can write the database could put a root key of their own in place of the
service center's, and documents certified by it would then verify inside that database.
So the root's fingerprint is also kept where a database writer does not reach: in an
owner-only file of the data folder (written when the root is made, or at the first
sign-in of an installation made before), and on paper (the case dossier prints it, every
document's PDF file keeps it in its keywords, the About box shows it). Issuing refuses,
verifying says "forged" and `audit verify` reports when the database's root is not the
pinned one.

Someone who can also write the data folder can change the pin as well: the fingerprint
printed on the service center's genuine paper is the final word. `fairdesk verify
--root` and `fairdesk audit verify --root` take it, typed from paper, and then trust
neither the database nor the pin.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import event, select
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session

from fairdesk import config
from fairdesk.db.files import owner_only
from fairdesk.db.models import ROOT_KEY, SigningKey
from fairdesk.documents import signing
from fairdesk.domain.errors import InvalidInput

PIN_FILE = "root-key-pin.json"
_HEX32 = re.compile(r"^[0-9A-F]{32}$")


def pin_path() -> Path:
    return config.data_dir() / PIN_FILE


def normalize(fingerprint: str) -> str:
    """A fingerprint as documents print it ("ABCD 1234 ..."), whatever spacing or case
    it was typed with; InvalidInput when it is not one."""
    bare = "".join(fingerprint.split()).replace("-", "").replace(":", "").upper()
    if not _HEX32.match(bare):
        raise InvalidInput(
            "'{given}' is not a root key fingerprint: it has 32 hexadecimal characters, "
            "printed in groups of four at the foot of the case dossier.",
            given=fingerprint,
        )
    return " ".join(bare[i : i + 4] for i in range(0, 32, 4))


_PRINTED = re.compile(r"Root\s*key\s*[:：]\s*((?:[0-9A-F]{4}\s*){8})")


def given(text: str) -> str:
    """A fingerprint typed from paper, or read from a text file that prints "Root key:
    ..." (a PDF only through `paper_trust`, which checks its signature first)."""
    try:
        return normalize(text)
    except InvalidInput:
        path = Path(text)
        if not path.is_file():
            raise
    data = path.read_bytes()
    if data.startswith(b"%PDF"):
        # Any PDF can carry any text: a document's fingerprint counts only as its signature
        # covers it, read by the check that verifies it (services/paper/paper_trust.py).
        raise InvalidInput(
            "{file} is a PDF: its root key is taken only from a document whose QR code is "
            "checked against the register (fairdesk audit verify --root FILE.pdf). Here, "
            "type the fingerprint printed on the service center's paper.",
            file=str(path),
        )
    content = data.decode("utf-8", errors="replace")
    found = _PRINTED.search(content)
    if found is None:
        raise InvalidInput(
            "{file} prints no root key fingerprint (a line 'Root key: XXXX XXXX ...').",
            file=str(path),
        )
    return normalize(found[1])


def database_key(url: str | URL) -> str:
    """Which database a pin is for: server and database name (not the user, as desks and
    the owner connect as different roles), or the SQLite file's full path."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        name = parsed.database or ""
        return f"sqlite:{Path(name).expanduser().resolve() if name else ''}"
    return f"postgresql://{parsed.host or ''}:{parsed.port or 5432}/{parsed.database or ''}"


def _read() -> dict[str, dict[str, str]]:
    try:
        data = json.loads(pin_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):  # none, or damaged: as good as none (paper decides)
        return {}
    found = data.get("databases") if isinstance(data, dict) else None
    return found if isinstance(found, dict) else {}


def pinned(url: str | URL) -> str:
    """The fingerprint pinned for the database at `url` ("" when none is)."""
    entry = _read().get(database_key(url)) or {}
    return str(entry.get("fingerprint") or "")


def installation_roots() -> set[str]:
    """Every root pinned in this data folder (one per database it has served)."""
    return {str(e.get("fingerprint") or "") for e in _read().values()} - {""}


def write(url: str | URL, fingerprint: str) -> Path:
    """Pin `fingerprint` for the database at `url` (owner-only file, replaced whole)."""
    pins = _read()
    pins[database_key(url)] = {
        "fingerprint": normalize(fingerprint),
        "pinned_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    path = pin_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".new")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump({"databases": pins}, out, indent=2, sort_keys=True)
        out.flush()
        os.fsync(out.fileno())
    owner_only(temporary)
    os.replace(temporary, path)
    return path


def forget(url: str | URL) -> None:
    """No pin for this database any more (a foreign backup without a root replaced it)."""
    pins = _read()
    if pins.pop(database_key(url), None) is not None:
        path = pin_path()
        path.write_text(json.dumps({"databases": pins}, indent=2, sort_keys=True), "utf-8")
        owner_only(path)


def pin_after_commit(session: Session, url: str | URL, fingerprint: str) -> None:
    """Pin once the transaction that made (or first saw) the root is committed: a root
    rolled back must not stay pinned."""
    event.listen(session, "after_commit", lambda _s: write(url, fingerprint), once=True)


def database_roots(session: Session) -> list[str]:
    """The fingerprints of the root keys the database holds (an installation has one)."""
    rows = session.scalars(select(SigningKey.public_key).where(SigningKey.kind == ROOT_KEY))
    return [signing.fingerprint(public) for public in rows]


@dataclass(frozen=True)
class RootCheck:
    database: str  # the database's root fingerprint ("" when it has none)
    expected: str  # what it must be: given on the command line, else pinned ("": neither)
    source: str  # where `expected` comes from, for a person
    problems: tuple[str, ...]


def session_url(session: Session) -> URL:
    return session.get_bind().engine.url


def check(session: Session, root: str = "") -> RootCheck:
    """The database's root against the pin and against a fingerprint from paper (`root`:
    typed, or a file that prints it)."""
    given_fingerprint = given(root) if root else ""
    roots = database_roots(session)
    found = roots[-1] if roots else ""
    problems: list[str] = []
    if len(roots) > 1:
        problems.append(
            f"the database holds {len(roots)} root keys; an installation has one: the others "
            "were added behind the app's back"
        )
    pin = pinned(session_url(session))
    sources = []
    if pin:
        sources.append((pin, f"the pin in {pin_path()}"))
    if given_fingerprint:
        sources.append((given_fingerprint, "the fingerprint given"))
    for expected, source in sources:
        if found != expected:
            what = f"is {found}" if found else "is missing"
            problems.append(
                f"the database's root key {what}, but {source} is {expected}: the root key "
                "(or the pin) was replaced behind the app's back"
            )
    expected, source = sources[-1] if sources else ("", "")
    return RootCheck(found, expected, source, tuple(problems))
