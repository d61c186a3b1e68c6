"""Backups and restores: one zip archive holding the database, the evidence files and a
manifest of SHA-256 hashes.

Archive layout (format "fairdesk-backup", version 1)::

    database/fairdesk.sqlite3     an SQLite snapshot (journal mode DELETE, self-contained)
    database/fairdesk.pgdump      or a `pg_dump --format=custom` dump of PostgreSQL
    evidence/<path>               the data folder's evidence files, as they are on disk
    manifest.json                 format, versions, schema revision, time, and for every
                                  other member its SHA-256 and size

An archive is written to a hidden temporary file next to its final name, flushed to disk
and renamed into place, so a full disk or a crash never leaves a half archive under the
final name. A restore verifies the whole archive before it touches anything, keeps a copy
of what it replaces, swaps the database in atomically, migrates it to this app's schema
and records itself in the restored audit trail.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
import time
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from glob import glob
from pathlib import Path, PurePosixPath
from typing import IO, Any

from sqlalchemy import inspect, select, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import SQLAlchemyError

from fairdesk import __version__
from fairdesk.config import data_dir
from fairdesk.db import migrate
from fairdesk.db.engine import Database
from fairdesk.db.files import owner_only, sqlite_family
from fairdesk.db.models import User
from fairdesk.domain.enums import Role
from fairdesk.domain.errors import FairDeskError, InvalidInput, StorageError, translatable
from fairdesk.domain.permissions import Permission
from fairdesk.services.context import Actor, Context, utcnow
from fairdesk.services.keyring import Keyring
from fairdesk.services.trust import audit, backup_seal, root_pin

__all__ = [
    "BACKUP",
    "ArchiveRefused",
    "BackupInfo",
    "Manifest",
    "Member",
    "MissingTool",
    "RestoreInfo",
    "backup",
    "backups_folder",
    "find_pg_tool",
    "latest_backup",
    "maybe_backup",
    "restore",
    "rotate",
    "sqlite_file",
    "verify_archive",
]

# Backup and restore are admin work (the permission table grants BACKUP to admins only).
BACKUP = Permission.BACKUP

FORMAT = "fairdesk-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SQLITE_MEMBER = "database/fairdesk.sqlite3"
PG_MEMBER = "database/fairdesk.pgdump"
EVIDENCE = "evidence"
BACKUPS = "backups"
# Automatic backups, the only files `rotate` ever deletes: fairdesk-20261105-093000.zip
AUTO_NAME = re.compile(r"^fairdesk-(\d{8})-(\d{6})(?:-(\d+))?\.zip$")
TEMP_PREFIX = ".fairdesk-backup-"
TEMP_SUFFIX = ".tmp"
STALE_TEMP = timedelta(days=1)
CHUNK = 1 << 20
PG_BIN_ENV = "FAIRDESK_PG_BIN"
PG_LOCK_TIMEOUT_MS = 30_000
SWAP_BUSY_TIMEOUT_S = 5.0  # how long a restore waits for other SQLite connections to let go
# Where PostgreSQL installers put the client tools, when they are not on PATH.
PG_BIN_GLOBS = (
    "/usr/lib/postgresql/*/bin",  # Debian, Ubuntu
    "/usr/pgsql-*/bin",  # RHEL, Fedora (PGDG)
    "/opt/homebrew/opt/postgresql@*/bin",
    "/opt/homebrew/opt/libpq/bin",
    "/usr/local/opt/postgresql@*/bin",
    "/usr/local/opt/libpq/bin",
    "/Applications/Postgres.app/Contents/Versions/*/bin",
    "C:/Program Files/PostgreSQL/*/bin",
)
# Who restored, when the database was restored from its URL (no signed-in user).
RESTORER = Actor(None, "system", Role.ADMIN)

Progress = Callable[[str], None] | None


class ArchiveRefused(InvalidInput):
    """The file is not a usable FairDesk backup; nothing was changed."""


class MissingTool(FairDeskError):
    """A PostgreSQL client program (pg_dump, pg_restore) is not installed."""


@dataclass(frozen=True)
class Member:
    name: str
    sha256: str
    size: int


@dataclass(frozen=True)
class Manifest:
    format_version: int
    app_version: str
    schema_revision: str | None
    created_at: datetime
    database_kind: str  # "sqlite" or "postgresql"
    database_member: str
    source: str  # the file or host:port/name that was backed up (never a password)
    members: tuple[Member, ...] = field(default=())

    @property
    def evidence_files(self) -> int:
        return sum(1 for m in self.members if m.name.startswith(EVIDENCE + "/"))

    @property
    def database_size(self) -> int:
        return next(m.size for m in self.members if m.name == self.database_member)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "format_version": self.format_version,
            "app_version": self.app_version,
            "schema_revision": self.schema_revision,
            "created_at": self.created_at.astimezone(UTC).isoformat(),
            "database": {
                "kind": self.database_kind,
                "member": self.database_member,
                "source": self.source,
            },
            "members": [{"name": m.name, "sha256": m.sha256, "size": m.size} for m in self.members],
        }


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    size: int  # bytes of the archive
    manifest: Manifest
    seconds: float


@dataclass(frozen=True)
class RestoreInfo:
    archive: Path
    manifest: Manifest
    target: str  # the database restored into (file path, or host:port/name)
    kept_database: Path | None  # the replaced database, as it was
    kept_evidence: Path | None  # the replaced evidence folder, as it was
    evidence_files: int
    schema_revision: str  # after migrating
    seal: str = "ours"  # ours | foreign | unsigned (the last two only with --foreign)
    seal_root: str = ""  # the root key the archive's seal names


# =========================================================================================
# Backing up
# =========================================================================================


def backups_folder(data_folder: Path | None = None) -> Path:
    return (data_folder or data_dir()) / BACKUPS


def backup(
    ctx: Context,
    target: Path | None = None,
    *,
    progress: Progress = None,
    data_folder: Path | None = None,
) -> BackupInfo:
    """Back up the database and the evidence files into one archive.

    `target`: a file name, a folder (an automatic name inside it), or None for
    `<data folder>/backups/fairdesk-YYYYMMDD-HHMMSS.zip`. An existing file is never
    overwritten. Works while other desks keep writing.
    """
    ctx.require(BACKUP)
    return _backup(ctx.db, target, ctx.now(), progress, data_folder, ctx.keyring)


def maybe_backup(
    ctx: Context,
    every: timedelta,
    keep: int,
    *,
    progress: Progress = None,
    data_folder: Path | None = None,
) -> BackupInfo | None:
    """Back up when the newest automatic backup is older than `every`, then rotate.

    For a timer and for the app's exit. It runs for whoever is signed in (a desk user
    too): it only copies the installation's own data into its own backups folder.
    Returns None when no backup was due.
    """
    if keep < 1:
        raise InvalidInput("Keep at least one automatic backup.")
    folder = backups_folder(data_folder)
    now = ctx.now()
    last = latest_backup(folder)
    if last is not None and now - last < every:
        return None
    info = _backup(ctx.db, None, now, progress, data_folder, ctx.keyring)  # into `folder`
    rotate(folder, keep)
    return info


def _backup(
    db: Database,
    target: Path | None,
    now: datetime,
    progress: Progress,
    data_folder: Path | None,
    ring: Keyring | None = None,
) -> BackupInfo:
    started = time.monotonic()
    data_folder = data_folder or data_dir()
    final = _target_path(target, data_folder, now)
    folder = final.parent
    note = progress or (lambda _text: None)
    with _storage_errors(folder, "the backup was not written"):
        folder.mkdir(parents=True, exist_ok=True)
        with _temp_file(folder) as db_copy:
            if db.is_sqlite:
                note("copying the database")
                revision = _sqlite_snapshot(db, db_copy)
                kind, member, source = "sqlite", SQLITE_MEMBER, str(sqlite_file(db.url))
            else:
                note("dumping the database (pg_dump)")
                _pg_dump(db.url, db_copy)
                revision = migrate.current_revision(db)
                kind, member, source = "postgresql", PG_MEMBER, _pg_where(make_url(db.url))
            evidence = _evidence_files(data_folder / EVIDENCE)
            with _temp_file(folder) as archive:
                with _open_for_writing(archive) as raw:
                    with zipfile.ZipFile(raw, "w", allowZip64=True) as zf:
                        members = [_add_file(zf, db_copy, member, now, level=6)]
                        if evidence:
                            note(f"copying {len(evidence)} evidence files")
                        for path, name in evidence:
                            members.append(_add_file(zf, path, name, now, level=1))
                        manifest = Manifest(
                            FORMAT_VERSION,
                            __version__,
                            revision,
                            now,
                            kind,
                            member,
                            source,
                            tuple(members),
                        )
                        zf.writestr(
                            _zipinfo(MANIFEST, now, 6),
                            json.dumps(_sealed(db, manifest, ring), indent=2, ensure_ascii=False),
                        )
                    raw.flush()
                    os.fsync(raw.fileno())
                note("checking the archive")
                verify_archive(archive, name=final.name)
                os.replace(archive, final)
                owner_only(final)  # made by mkstemp (600); said again for older copies
                _fsync_dir(folder)
    return BackupInfo(final, final.stat().st_size, manifest, time.monotonic() - started)


def _sealed(db: Database, manifest: Manifest, ring: Keyring | None) -> dict[str, Any]:
    """The manifest signed by whoever makes the backup, when they hold a key."""
    data = manifest.to_json()
    if ring is None:
        ring = Keyring()  # a demo's backup is still sealed, with its demo key
    try:
        with db.reading() as session:
            return backup_seal.seal(data, ring, session)
    except SQLAlchemyError:  # a database at a schema before keys: nothing to sign with
        return data


def _target_path(target: Path | None, data_folder: Path, now: datetime) -> Path:
    folder = backups_folder(data_folder) if target is None else Path(target).expanduser()
    if target is not None and not folder.is_dir():
        if folder.exists():
            raise InvalidInput(
                "{folder} already exists; choose another file name or move that file first.",
                folder=str(folder),
            )
        return folder
    base = f"fairdesk-{now.astimezone():%Y%m%d-%H%M%S}"
    candidate, n = folder / f"{base}.zip", 1
    while candidate.exists():
        n += 1
        candidate = folder / f"{base}-{n}.zip"
    return candidate


def sqlite_file(url: str) -> Path:
    """The file behind an SQLite URL (also the `file:...?mode=ro&uri=true` form)."""
    name = make_url(url).database
    if not name or name == ":memory:":
        raise StorageError("An in-memory database cannot be backed up or restored.")
    if name.startswith("file:"):
        name = name[5:].split("?", 1)[0]
    return Path(name).expanduser()


def _sqlite_snapshot(db: Database, dest: Path) -> str | None:
    """A consistent copy through SQLite's online backup API; returns its schema revision.

    One backup step copies every page inside one read transaction: in WAL mode writers
    carry on meanwhile, and the copy is the database as of one commit.
    """
    source = sqlite_file(db.url)
    if not source.exists():
        raise StorageError("There is no database to back up at {source}.", source=str(source))
    with db.guard():
        raw = db.engine.raw_connection()
        try:
            dst = sqlite3.connect(dest, isolation_level=None)
            try:
                try:
                    raw.driver_connection.backup(dst)  # type: ignore[union-attr]
                except sqlite3.DatabaseError as exc:
                    raise _sqlite_storage_error(exc, source) from exc
                # The copy inherits WAL mode; one self-contained file is what we archive.
                dst.execute("PRAGMA journal_mode = DELETE")
                result = [r[0] for r in dst.execute("PRAGMA integrity_check").fetchall()]
                if result != ["ok"]:
                    raise StorageError(
                        "The database {source} is damaged (integrity check: {result}); "
                        "no backup was written, so the older backups stay the newest. "
                        "Restore the last good backup.",
                        source=str(source),
                        result=result[0],
                    )
                return _revision_of(dst)
            finally:
                dst.close()
        finally:
            raw.close()


def _revision_of(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:
        return None
    return str(row[0]) if row else None


def _sqlite_storage_error(exc: sqlite3.Error, where: Path) -> StorageError:
    text_ = str(exc).lower()
    if "full" in text_:
        return _disk_full(where.parent, "the backup was not written")
    return StorageError(
        "The database {where} cannot be read for a backup: {error}.",
        where=str(where),
        error=str(exc),
    )


def _evidence_files(folder: Path) -> list[tuple[Path, str]]:
    """(path, member name) of every regular file under the evidence folder."""
    if not folder.is_dir():
        return []
    found = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            path = Path(root) / name
            if path.is_symlink() or not path.is_file():
                continue
            found.append((path, f"{EVIDENCE}/{path.relative_to(folder).as_posix()}"))
    return found


def _zipinfo(name: str, now: datetime, level: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, now.astimezone().timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    # Honoured by ZipFile.open(info, "w"); the attribute lost its underscore in 3.13.
    setattr(info, "compress_level" if hasattr(info, "compress_level") else "_compresslevel", level)
    info.external_attr = 0o644 << 16
    return info


def _add_file(zf: zipfile.ZipFile, path: Path, name: str, now: datetime, level: int) -> Member:
    """Copy one file into the archive, hashing it on the way."""
    info = _zipinfo(name, now, level)
    info.file_size = path.stat().st_size  # lets zipfile choose ZIP64 for large files
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as src, zf.open(info, "w", force_zip64=info.file_size > 2**31) as out:
        while chunk := src.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            out.write(chunk)
    return Member(name, digest.hexdigest(), size)


def _open_for_writing(path: Path) -> IO[bytes]:
    """Every archive byte goes through here (tests swap in a disk that fills up)."""
    return open(path, "wb")


@contextmanager
def _temp_file(folder: Path) -> Iterator[Path]:
    """A hidden temporary file in `folder`, removed on the way out unless renamed."""
    fd, name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=folder)
    os.close(fd)
    path = Path(name)
    try:
        yield path
    finally:
        with suppress(FileNotFoundError):
            path.unlink()


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # Windows cannot open a folder for fsync; NTFS logs renames itself
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# What a failed write left undone, each message whole so that it translates as one: for
# a full disk, and for a folder that cannot be written. Keyed by the `outcome` of
# `_storage_errors`.
_NOT_DONE = {
    "the backup was not written": (
        translatable(
            "The disk is full: the backup was not written, nothing was written to {folder}. "
            "Free some space and try again; what was saved before is intact."
        ),
        translatable(
            "Cannot write to {folder}: {reason}; the backup was not written. "
            "Check the folder and its permissions."
        ),
    ),
    "nothing was restored": (
        translatable(
            "The disk is full: nothing was restored, nothing was written to {folder}. "
            "Free some space and try again; what was saved before is intact."
        ),
        translatable(
            "Cannot write to {folder}: {reason}; nothing was restored. "
            "Check the folder and its permissions."
        ),
    ),
    "the evidence files were not restored": (
        translatable(
            "The disk is full: the evidence files were not restored, nothing was written to "
            "{folder}. Free some space and try again; what was saved before is intact."
        ),
        translatable(
            "Cannot write to {folder}: {reason}; the evidence files were not restored. "
            "Check the folder and its permissions."
        ),
    ),
}


def _disk_full(folder: Path, outcome: str) -> StorageError:
    return StorageError(_NOT_DONE[outcome][0], folder=str(folder))


@contextmanager
def _storage_errors(folder: Path, outcome: str) -> Iterator[None]:
    """OS errors while writing become one sentence a person can act on."""
    try:
        yield
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG):
            raise _disk_full(folder, outcome) from exc
        what = exc.strerror or str(exc)
        raise StorageError(_NOT_DONE[outcome][1], folder=str(folder), reason=what) from exc


# =========================================================================================
# Rotation and the schedule
# =========================================================================================


def rotate(folder: Path, keep: int = 20) -> list[Path]:
    """Delete the oldest automatic backups beyond `keep`; return what was deleted.

    Only files named like an automatic backup (fairdesk-YYYYMMDD-HHMMSS.zip) that are
    FairDesk archives are candidates; anything else in the folder is left alone. Stale
    temporary files of interrupted backups (older than a day) are removed too.
    """
    if keep < 1:
        raise InvalidInput("Keep at least one automatic backup.")
    folder = Path(folder)
    if not folder.is_dir():
        return []
    dated = sorted(_automatic_backups(folder), reverse=True)
    deleted = []
    for _when, _name, path in dated[keep:]:
        path.unlink()
        deleted.append(path)
    cutoff = time.time() - STALE_TEMP.total_seconds()
    for path in folder.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"):
        with suppress(OSError):
            if path.stat().st_mtime < cutoff:
                path.unlink()
    return deleted


def latest_backup(folder: Path) -> datetime | None:
    """When the newest automatic backup in `folder` was made (None: there is none)."""
    if not Path(folder).is_dir():
        return None
    dated = sorted(_automatic_backups(Path(folder)))
    return dated[-1][0] if dated else None


def _automatic_backups(folder: Path) -> Iterator[tuple[datetime, str, Path]]:
    for path in folder.iterdir():
        if not AUTO_NAME.match(path.name) or not path.is_file():
            continue
        manifest = _peek_manifest(path)
        if manifest is not None:
            yield manifest.created_at, path.name, path


def _peek_manifest(path: Path) -> Manifest | None:
    """The manifest of a FairDesk archive, unverified; None for anything else."""
    try:
        with zipfile.ZipFile(path) as zf:
            return _parse_manifest(zf.read(MANIFEST), path.name)
    except (OSError, zipfile.BadZipFile, KeyError, ArchiveRefused, zlib.error, EOFError):
        return None


# =========================================================================================
# Verifying an archive
# =========================================================================================


def verify_archive(archive: Path, *, name: str | None = None) -> Manifest:
    """Check a backup archive completely; return its manifest or raise ArchiveRefused.

    Checked: it is a zip archive; it has a FairDesk manifest of a format this app reads;
    its schema revision is one this app knows; every member is listed, safely named and
    matches its SHA-256 and size; nothing unlisted is inside.
    """
    archive = Path(archive)
    label = name or archive.name
    with _open_zip(archive, label) as zf:
        names = zf.namelist()
        manifest = _read_manifest(zf, names, label)
        _check_listing(manifest, names, label)
        for member in manifest.members:
            _check_member(zf, member, label)
    return manifest


def _open_zip(archive: Path, label: str) -> zipfile.ZipFile:
    """The archive opened as a zip file, or why it cannot be one."""
    if not archive.exists():
        raise ArchiveRefused("There is no file {archive}.", archive=str(archive))
    if archive.is_dir():
        raise ArchiveRefused("{archive} is a folder, not a FairDesk backup.", archive=str(archive))
    try:
        with open(archive, "rb") as fh:
            magic = fh.read(4)
    except OSError as exc:
        raise ArchiveRefused(
            "{label} cannot be read: {reason}.", label=label, reason=exc.strerror or str(exc)
        ) from exc
    if magic not in (b"PK\x03\x04", b"PK\x05\x06"):
        raise ArchiveRefused(
            "{label} is not a FairDesk backup: it is not a zip archive.", label=label
        )
    try:
        return zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
        raise ArchiveRefused(
            "{label} is damaged or incomplete: the zip archive cannot be read "
            "(was the copy cut short?).",
            label=label,
        ) from exc


def _read_manifest(zf: zipfile.ZipFile, names: list[str], label: str) -> Manifest:
    """The archive's manifest, of a format and schema revision this app reads."""
    if MANIFEST not in names:
        raise ArchiveRefused(
            "{label} is not a FairDesk backup: it has no {manifest}.",
            label=label,
            manifest=MANIFEST,
        )
    try:
        raw = zf.read(MANIFEST)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
        raise ArchiveRefused(
            "{label} is damaged: its {manifest} cannot be read.", label=label, manifest=MANIFEST
        ) from exc
    manifest = _parse_manifest(raw, label)
    _check_revision(manifest, label)
    return manifest


def _check_listing(manifest: Manifest, names: list[str], label: str) -> None:
    """The archive holds exactly what its manifest lists, each once and safely named."""
    listed = {m.name: m for m in manifest.members}
    if manifest.database_member not in listed:
        raise ArchiveRefused("{label} is damaged: its manifest lists no database.", label=label)
    for member_name in listed:
        _check_member_name(member_name, label)
        if member_name not in names:
            raise ArchiveRefused(
                "{label} is damaged: {member} is missing.", label=label, member=member_name
            )
    for zip_name in names:
        if zip_name != MANIFEST and zip_name not in listed:
            raise ArchiveRefused(
                "{label} is damaged: it contains {member}, which its manifest does not list.",
                label=label,
                member=zip_name,
            )
    if len(names) != len(set(names)):
        raise ArchiveRefused("{label} is damaged: a file is in it twice.", label=label)


def _parse_manifest(raw: bytes, label: str) -> Manifest:
    not_ours = ArchiveRefused(
        "{label} is not a FairDesk backup: its {manifest} is not a FairDesk backup manifest.",
        label=label,
        manifest=MANIFEST,
    )
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise not_ours from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise not_ours
    version = data.get("format_version")
    if not isinstance(version, int):
        raise not_ours
    if version > FORMAT_VERSION:
        raise ArchiveRefused(
            "{label} was made by a newer FairDesk (backup format {version}; this FairDesk "
            "reads format {known}). Update FairDesk to restore it.",
            label=label,
            version=version,
            known=FORMAT_VERSION,
        )
    try:
        database = data["database"]
        members = tuple(
            Member(str(m["name"]), str(m["sha256"]).lower(), int(m["size"]))
            for m in data["members"]
        )
        revision = data["schema_revision"]
        manifest = Manifest(
            version,
            str(data["app_version"]),
            str(revision) if revision is not None else None,
            datetime.fromisoformat(str(data["created_at"])),
            str(database["kind"]),
            str(database["member"]),
            str(database.get("source", "")),
            members,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ArchiveRefused(
            "{label} is damaged: its {manifest} is incomplete.", label=label, manifest=MANIFEST
        ) from exc
    if manifest.database_kind not in ("sqlite", "postgresql"):
        raise ArchiveRefused(
            "{label} holds a '{kind}' database; FairDesk restores SQLite or PostgreSQL.",
            label=label,
            kind=manifest.database_kind,
        )
    return manifest


def _check_revision(manifest: Manifest, label: str) -> None:
    revision = manifest.schema_revision
    if revision is None:
        raise ArchiveRefused("{label} holds a database without a FairDesk schema.", label=label)
    if revision == migrate.HEAD:  # this FairDesk's own schema: the usual case, no alembic
        return
    # Alembic reads the migration scripts: imported when an older or newer archive is checked.
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    cfg = Config()
    cfg.set_main_option("script_location", str(migrate.MIGRATIONS))
    try:
        known = ScriptDirectory.from_config(cfg).get_revision(revision)
    except CommandError:
        known = None
    if known is None:
        raise ArchiveRefused(
            "{label} holds a database from a newer FairDesk (schema revision {revision}; "
            "this FairDesk knows revisions up to {head}). Update FairDesk to restore it.",
            label=label,
            revision=revision,
            head=migrate.head_revision(),
        )


def _check_member_name(name: str, label: str) -> None:
    path = PurePosixPath(name)
    safe = name in (SQLITE_MEMBER, PG_MEMBER) or (
        path.parts[:1] == (EVIDENCE,)
        and len(path.parts) > 1
        and not path.is_absolute()
        and ".." not in path.parts
        and "\\" not in name
        and ":" not in name
    )
    if not safe:
        raise ArchiveRefused(
            "{label} is not a FairDesk backup: it names the file '{name}', which does not "
            "belong in one.",
            label=label,
            name=name,
        )


def _check_member(zf: zipfile.ZipFile, member: Member, label: str) -> None:
    digest = hashlib.sha256()
    size = 0
    try:
        with zf.open(member.name) as fh:
            while chunk := fh.read(CHUNK):
                digest.update(chunk)
                size += len(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
        raise _damaged_member(label, member.name) from exc
    if size != member.size or digest.hexdigest() != member.sha256:
        raise _damaged_member(label, member.name)


def _damaged_member(label: str, name: str) -> ArchiveRefused:
    return ArchiveRefused(
        "{label} is damaged: {name} does not match the checksum in its manifest "
        "(the file was changed or corrupted).",
        label=label,
        name=name,
    )


# =========================================================================================
# Restoring
# =========================================================================================


def restore(
    ctx_or_url: Context | str,
    archive: Path,
    *,
    target_url: str | None = None,
    data_folder: Path | None = None,
    progress: Progress = None,
    confirm: Callable[[Manifest], bool] | None = None,
    foreign: bool = False,
) -> RestoreInfo:
    """Replace a database (and the evidence folder) with a backup.

    `ctx_or_url`: a signed-in admin's context, or a database URL when the database
    cannot be opened (a damaged file: whoever may replace the file may restore it).
    `target_url` restores into another database than the context's. `confirm` is asked,
    with the verified manifest, before anything is touched; False cancels.

    Order: verify the whole archive; unpack it next to its destination; keep aside the
    database and evidence folder it replaces; swap them in; migrate to this app's
    schema; record the restore in the restored audit trail.
    """
    url, actor, now = _restorer(ctx_or_url, target_url)
    note = progress or (lambda _text: None)
    archive = Path(archive)
    note("checking the archive")
    manifest, kind = _verified_for(archive, url)
    sealed = _check_seal(archive, url, foreign)
    if confirm is not None and not confirm(manifest):
        raise FairDeskError("Restore cancelled; nothing was changed.")
    if isinstance(ctx_or_url, Context):
        ctx_or_url.db.dispose()  # no pooled connection may hold the database we replace
    data_folder = data_folder or data_dir()
    stamp = now().astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    with zipfile.ZipFile(archive) as zf:
        if kind == "sqlite":
            kept_db, where = _restore_sqlite(zf, manifest, url, stamp, note)
        else:
            kept_db, where = _restore_pg(zf, manifest, url, data_folder, now(), note)
        kept_evidence = _restore_evidence(zf, manifest, data_folder, stamp, note)
    note("bringing the schema up to date")
    revision = _migrate_and_record(
        url, actor, now, archive, manifest, (kept_db, kept_evidence), sealed
    )
    return RestoreInfo(
        archive,
        manifest,
        where,
        kept_db,
        kept_evidence,
        manifest.evidence_files,
        revision,
        sealed.state,
        sealed.root,
    )


def _restorer(
    ctx_or_url: Context | str, target_url: str | None
) -> tuple[str, Actor, Callable[[], datetime]]:
    """The database to restore into, who restores it and the clock they read."""
    if isinstance(ctx_or_url, Context):
        ctx_or_url.require(BACKUP)
        return target_url or ctx_or_url.db.url, ctx_or_url.actor, ctx_or_url.now
    return target_url or ctx_or_url, RESTORER, utcnow


def _verified_for(archive: Path, url: str) -> tuple[Manifest, str]:
    """The archive's manifest, once it is whole and of the target's kind of database."""
    try:
        manifest = verify_archive(archive)
    except ArchiveRefused as exc:
        raise ArchiveRefused("{refusal} Nothing was changed.", refusal=exc) from None
    kind = make_url(url).get_backend_name()
    if kind != manifest.database_kind:
        raise ArchiveRefused(
            "{archive} is a backup of {kind} database; it cannot be restored into {target} "
            "database. Nothing was changed.",
            archive=archive.name,
            kind=_kind_name(manifest.database_kind),
            target=_kind_name(kind),
        )
    return manifest, kind


def _migrate_and_record(
    url: str,
    actor: Actor,
    now: Callable[[], datetime],
    archive: Path,
    manifest: Manifest,
    kept: tuple[Path | None, Path | None],
    sealed: backup_seal.SealCheck,
) -> str:
    """Bring the restored database to this app's schema and write the restore into its
    audit trail; the schema revision it is at."""
    db = Database(url)
    try:
        migrate.upgrade(db)
        revision = migrate.current_revision(db) or ""
        _audit_restore(db, actor, now, archive, manifest, kept, sealed)
        if sealed.state != "ours":  # the administrator chose another installation's root
            _repin(db)
    finally:
        db.dispose()
    return revision


def _repin(db: Database) -> None:
    with db.reading() as session:
        roots = root_pin.database_roots(session)
    if len(roots) == 1:
        root_pin.write(db.url, roots[0])
    else:
        root_pin.forget(db.url)


def _check_seal(archive: Path, url: str, foreign: bool) -> backup_seal.SealCheck:
    """Whose backup this is. A seal that does not fit its manifest is refused; an
    unsigned or another installation's archive only with `foreign`. A database that
    cannot be read (gone, damaged) has no root to compare with: the root pinned in the
    data folder decides then, so emptying the database lets no archive through."""
    with zipfile.ZipFile(archive) as zf:
        raw = json.loads(zf.read(MANIFEST).decode("utf-8"))
    found = _seal_state(raw, url)
    if found.state == "broken":
        raise ArchiveRefused(
            "{archive} was changed after it was made: its seal does not match its "
            "manifest. Nothing was changed.",
            archive=archive.name,
        )
    if found.state != "ours" and not foreign:
        raise ArchiveRefused(
            "{archive} was not made by this installation ({why}). To replace this "
            "database with it anyway, restore it with --foreign. Nothing was changed.",
            archive=archive.name,
            why=_FOREIGN[found.state],
        )
    return found


def _seal_state(raw: dict[str, Any], url: str) -> backup_seal.SealCheck:
    pinned = root_pin.pinned(url)
    if make_url(url).get_backend_name() == "sqlite":
        path = sqlite_file(url)
        if not path.exists() or path.stat().st_size == 0:  # nothing there to compare with
            return _against_pins(raw, pinned)
    db = Database(url)
    try:
        with db.reading() as session:
            return backup_seal.check(raw, session, pinned)
    except (FairDeskError, SQLAlchemyError):  # unreadable, or an older schema
        return _against_pins(raw, pinned)
    finally:
        db.dispose()


def _against_pins(raw: dict[str, Any], pinned: str) -> backup_seal.SealCheck:
    """The target's own pin decides; a new target (another database of this installation)
    takes any root this data folder has pinned."""
    if pinned:
        return backup_seal.check_against_pin(raw, pinned)
    checks = [backup_seal.check_against_pin(raw, p) for p in sorted(root_pin.installation_roots())]
    ours = [c for c in checks if c.state == "ours"]
    return ours[0] if ours else backup_seal.check_against_pin(raw, "")


_FOREIGN = {
    "unsigned": translatable("it is not signed"),
    "foreign": translatable("it is signed under another root key"),
}


def _kind_name(kind: str) -> str:
    # Words the screen translates as values of the message.
    names = {"sqlite": translatable("an SQLite"), "postgresql": translatable("a PostgreSQL")}
    return names.get(kind, f"a {kind}")


def _extract(zf: zipfile.ZipFile, member: Member, dest: Path) -> None:
    """Unpack one member, re-checking its hash, and flush it to disk."""
    digest = hashlib.sha256()
    with zf.open(member.name) as src, open(dest, "wb") as out:
        while chunk := src.read(CHUNK):
            digest.update(chunk)
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
    if digest.hexdigest() != member.sha256:
        raise ArchiveRefused(
            "{label} is damaged: {name} does not match the checksum in its manifest "
            "(the file was changed or corrupted). Nothing was changed.",
            label=Path(str(zf.filename)).name,
            name=member.name,
        )


def _member(manifest: Manifest, name: str) -> Member:
    return next(m for m in manifest.members if m.name == name)


def _free_name(path: Path) -> Path:
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def _restore_sqlite(
    zf: zipfile.ZipFile, manifest: Manifest, url: str, stamp: str, note: Callable[[str], None]
) -> tuple[Path | None, str]:
    path = sqlite_file(url).resolve()
    folder = path.parent
    with _storage_errors(folder, "nothing was restored"):
        folder.mkdir(parents=True, exist_ok=True)
        with _temp_file(folder) as fresh:
            note("unpacking the database")
            _extract(zf, _member(manifest, manifest.database_member), fresh)
            _check_unpacked_sqlite(fresh, manifest, Path(str(zf.filename)).name)
            kept = None
            if path.exists():
                note("keeping a copy of the database it replaces")
                kept = _free_name(path.with_name(f"{path.stem}.before-restore.{stamp}.sqlite3"))
                _keep_aside_and_swap(path, fresh, kept)
                owner_only(*sqlite_family(kept))
            else:
                os.replace(fresh, path)
            owner_only(path)
            _fsync_dir(folder)
    return kept, str(path)


def _check_unpacked_sqlite(path: Path, manifest: Manifest, label: str) -> None:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            result = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
            revision = _revision_of(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        result, revision = ["not a database"], None
    if result != ["ok"] or revision != manifest.schema_revision:
        raise ArchiveRefused(
            "{label} is damaged: the database in it does not open as a FairDesk database "
            "at schema revision {revision}. Nothing was changed.",
            label=label,
            revision=manifest.schema_revision,
        )


def _keep_aside_and_swap(path: Path, fresh: Path, kept: Path) -> None:
    """Copy the current database aside, then put `fresh` in its place atomically.

    The current database is switched out of WAL mode first: that folds its write-ahead
    log into the file and fails when another program still has it open, in which case
    nothing is replaced. A shared lock keeps other writers out while the copy is made.
    """
    try:
        conn = sqlite3.connect(path, timeout=SWAP_BUSY_TIMEOUT_S, isolation_level=None)
    except sqlite3.DatabaseError:
        conn = None
    healthy = False
    try:
        if conn is not None:
            try:
                conn.execute("PRAGMA journal_mode = DELETE").fetchall()
                conn.execute("BEGIN")
                conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
                healthy = True
            except sqlite3.OperationalError as exc:
                if "locked" in str(exc).lower() or "busy" in str(exc).lower():
                    raise StorageError(
                        "The database {path} is in use by another FairDesk or program. "
                        "Close it everywhere and try again; nothing was changed.",
                        path=str(path),
                    ) from exc
            except sqlite3.DatabaseError:
                healthy = False  # damaged: copied byte for byte below
        if healthy and conn is not None:
            dst = sqlite3.connect(kept)
            try:
                conn.backup(dst)
            finally:
                dst.close()
        else:
            shutil.copy2(path, kept)
    finally:
        if conn is not None:
            conn.close()
    # Journals of the file being replaced must never be applied to the restored one.
    for suffix in ("-wal", "-shm", "-journal"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, kept.with_name(kept.name + suffix))
    os.replace(fresh, path)


def _restore_evidence(
    zf: zipfile.ZipFile,
    manifest: Manifest,
    data_folder: Path,
    stamp: str,
    note: Callable[[str], None],
) -> Path | None:
    """Make the evidence folder the archive's; keep the replaced folder aside (renamed)."""
    members = [m for m in manifest.members if m.name.startswith(EVIDENCE + "/")]
    live = data_folder / EVIDENCE
    if not members:
        return None  # nothing to restore: the folder stays as it is
    with _storage_errors(data_folder, "the evidence files were not restored"):
        data_folder.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".evidence-restoring-", dir=data_folder))
        try:
            note(f"unpacking {len(members)} evidence files")
            for member in members:
                dest = staging.joinpath(*PurePosixPath(member.name).parts[1:])
                dest.parent.mkdir(parents=True, exist_ok=True)
                _extract(zf, member, dest)
            kept = None
            if live.exists():
                kept = _free_name(data_folder / f"{EVIDENCE}.before-restore.{stamp}")
                os.replace(live, kept)
            os.replace(staging, live)
            _fsync_dir(data_folder)
            return kept
        finally:
            if staging.exists():
                shutil.rmtree(staging, ignore_errors=True)


def _audit_restore(
    db: Database,
    actor: Actor,
    now: Callable[[], datetime],
    archive: Path,
    manifest: Manifest,
    kept: tuple[Path | None, Path | None],
    sealed: backup_seal.SealCheck,
) -> None:
    kept_db, kept_evidence = kept
    with db.writing() as session:
        # The restored database has its own users: record the restorer by name, and by
        # id only where that name is a user there.
        user_id = session.scalar(select(User.id).where(User.username == actor.username))
        ctx = Context(db, Actor(user_id, actor.username, actor.role), now)
        audit.record(
            session,
            ctx,
            "database.restore",
            "database",
            None,
            after={
                "archive": archive.name,
                "backup_created_at": manifest.created_at,
                "backup_schema_revision": manifest.schema_revision,
                "backup_source": manifest.source,
                "evidence_files": manifest.evidence_files,
                "kept_database": str(kept_db) if kept_db else None,
                "kept_evidence": str(kept_evidence) if kept_evidence else None,
                # Whose seal the archive bore (ours, foreign, unsigned) and its root.
                "seal": sealed.state,
                "seal_root": sealed.root,
            },
        )


# =========================================================================================
# PostgreSQL: pg_dump and pg_restore
# =========================================================================================


def _version_key(path: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", path)) or (0,)


def find_pg_tool(name: str) -> Path | None:
    """pg_dump or pg_restore: from FAIRDESK_PG_BIN, PATH, or where installers put them."""
    exe = name + (".exe" if os.name == "nt" else "")
    if os.environ.get(PG_BIN_ENV):
        candidate = Path(os.environ[PG_BIN_ENV]) / exe
        return candidate if candidate.is_file() else None
    on_path = shutil.which(name)
    if on_path:
        return Path(on_path)
    found = [d for pattern in PG_BIN_GLOBS for d in glob(pattern) if (Path(d) / exe).is_file()]
    if not found:
        return None
    return Path(max(found, key=_version_key)) / exe


def _require_pg_tool(name: str) -> Path:
    found = find_pg_tool(name)
    if found is None:
        if name == "pg_dump":
            message = translatable(
                "{name} was not found, so FairDesk cannot back up a PostgreSQL database. "
                "Install the PostgreSQL client programs, at the server's major version or newer "
                "(Debian/Ubuntu: sudo apt install postgresql-client; Windows and macOS: the "
                "installer from postgresql.org, or brew install libpq), or set "
                "{variable} to the folder that holds {name}."
            )
        else:
            message = translatable(
                "{name} was not found, so FairDesk cannot restore a PostgreSQL database. "
                "Install the PostgreSQL client programs, at the server's major version or newer "
                "(Debian/Ubuntu: sudo apt install postgresql-client; Windows and macOS: the "
                "installer from postgresql.org, or brew install libpq), or set "
                "{variable} to the folder that holds {name}."
            )
        raise MissingTool(message, name=name, variable=PG_BIN_ENV)
    return found


def _pg_where(url: URL) -> str:
    return f"{url.host or 'localhost'}:{url.port or 5432}/{url.database}"


def _pg_connection(url_text: str) -> tuple[list[str], dict[str, str]]:
    """Command-line options and environment for a libpq program; the password goes in
    the environment (PGPASSWORD), never on the command line."""
    url = make_url(url_text)
    query = {k: v if isinstance(v, str) else v[-1] for k, v in url.query.items()}
    args = ["--no-password"]
    host = url.host or query.get("host")
    if host:
        args.append(f"--host={host}")
    if url.port:
        args.append(f"--port={url.port}")
    if url.username:
        args.append(f"--username={url.username}")
    env = dict(os.environ)
    for key in ("PGPASSWORD", "PGSERVICE", "PGOPTIONS"):
        env.pop(key, None)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    for param, var in (
        ("sslmode", "PGSSLMODE"),
        ("sslrootcert", "PGSSLROOTCERT"),
        ("sslcert", "PGSSLCERT"),
        ("sslkey", "PGSSLKEY"),
        ("connect_timeout", "PGCONNECT_TIMEOUT"),
        ("application_name", "PGAPPNAME"),
    ):
        if param in query:
            env[var] = query[param]
    env.setdefault("PGCONNECT_TIMEOUT", "10")
    return args, env


# What failed, by the step `_run_pg` was running, each message whole so that it translates
# as one: the program's own complaint, and a full disk.
_PG_FAILED = {
    "pg_dump": (
        translatable("pg_dump of {where} failed: {detail}"),
        translatable(
            "The disk is full: pg_dump of {where} failed, nothing was written to {folder}. "
            "Free some space and try again; what was saved before is intact."
        ),
    ),
    "reading the dump": (
        translatable("Reading the dump failed: {detail}"),
        translatable(
            "The disk is full: Reading the dump failed, nothing was written to {folder}. "
            "Free some space and try again; what was saved before is intact."
        ),
    ),
    "pg_restore": (
        translatable("pg_restore into {where} failed: {detail}"),
        translatable(
            "The disk is full: pg_restore into {where} failed, nothing was written to "
            "{folder}. Free some space and try again; what was saved before is intact."
        ),
    ),
}


def _run_pg(argv: list[str], env: dict[str, str], what: str, folder: Path, where: str = "") -> str:
    """Run a PostgreSQL client program; `what` is its step (a key of _PG_FAILED) and
    `where` the database, for the messages."""
    try:
        done = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise StorageError(
            "{program} could not be started: {error}.", program=Path(argv[0]).name, error=str(exc)
        ) from exc
    if done.returncode != 0:
        detail = " ".join(done.stderr.strip().splitlines()[-3:]) or f"exit {done.returncode}"
        failed, disk_full = _PG_FAILED[what]
        if "no space left" in detail.lower():
            raise StorageError(disk_full, where=where, folder=str(folder))
        raise StorageError(failed, where=where, detail=detail)
    return done.stdout


def _pg_dump(url: str, dest: Path) -> None:
    exe = _require_pg_tool("pg_dump")
    args, env = _pg_connection(url)
    where = _pg_where(make_url(url))
    _run_pg(
        [
            str(exe),
            "--format=custom",
            f"--file={dest}",
            *args,
            f"--dbname={make_url(url).database}",
        ],
        env,
        "pg_dump",
        dest.parent,
        where,
    )


def _dump_tables(pg_restore: Path, dump: Path, folder: Path) -> tuple[set[str], set[str]]:
    """The tables of schema public in a custom-format dump, and its foreign-key
    constraints as "table.name" (also proves the dump is readable)."""
    listing = _run_pg(
        [str(pg_restore), "--list", str(dump)], dict(os.environ), "reading the dump", folder
    )
    tables = set()
    foreign_keys = set()
    for line in listing.splitlines():
        match = re.match(r"^\d+; \d+ \d+ TABLE public (\S+) ", line)
        if match:
            tables.add(match.group(1))
        match = re.match(r"^\d+; \d+ \d+ FK CONSTRAINT public (\S+) (\S+) ", line)
        if match:
            foreign_keys.add(f"{match.group(1)}.{match.group(2)}")
    return tables, foreign_keys


def _restore_pg(
    zf: zipfile.ZipFile,
    manifest: Manifest,
    url: str,
    data_folder: Path,
    now: datetime,
    note: Callable[[str], None],
) -> tuple[Path | None, str]:
    pg_restore = _require_pg_tool("pg_restore")
    _require_pg_tool("pg_dump")
    where = _pg_where(make_url(url))
    folder = backups_folder(data_folder)
    with _storage_errors(folder, "nothing was restored"):
        folder.mkdir(parents=True, exist_ok=True)
        with _temp_file(folder) as dump:
            note("unpacking the dump")
            _extract(zf, _member(manifest, manifest.database_member), dump)
            wanted, wanted_keys = _dump_tables(pg_restore, dump, folder)
            db = Database(url)
            try:
                with db.guard(), db.engine.connect() as conn:
                    present = set(inspect(conn).get_table_names(schema="public"))
                kept = None
                if present:
                    note("keeping a copy of the database it replaces (pg_dump)")
                    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
                    kept = _free_name(folder / f"fairdesk-before-restore-{stamp}.zip")
                    _backup(db, kept, now, None, data_folder)
                _drop_what_blocks_the_dump(db, present, wanted, wanted_keys)
            finally:
                db.dispose()
            note("restoring the dump (pg_restore)")
            _run_pg_restore(pg_restore, url, dump, folder, where)
    return kept, where


def _drop_what_blocks_the_dump(
    db: Database, present: set[str], wanted: set[str], wanted_keys: set[str]
) -> None:
    # Tables the backup does not have (from a newer schema) would block the
    # migrations that follow; --clean only drops what the dump contains.
    extra = sorted(present - wanted)
    if extra:
        with db.guard(), db.engine.begin() as conn:
            for table in extra:
                conn.execute(text(f'DROP TABLE IF EXISTS public."{table}" CASCADE'))
    # Likewise foreign keys a newer schema added to a table the backup has
    # (e.g. respondent_cases.assigned_to -> users): they would keep --clean
    # from dropping the key they point at. The migrations add them back.
    with db.guard(), db.engine.begin() as conn:
        inspector = inspect(conn)
        for table in sorted(present & wanted):
            for fk in inspector.get_foreign_keys(table, schema="public"):
                name = fk.get("name")
                if name and f"{table}.{name}" not in wanted_keys:
                    conn.execute(
                        text(f'ALTER TABLE public."{table}" DROP CONSTRAINT IF EXISTS "{name}"')
                    )


def _run_pg_restore(pg_restore: Path, url: str, dump: Path, folder: Path, where: str) -> None:
    args, env = _pg_connection(url)
    env["PGOPTIONS"] = f"-c lock_timeout={PG_LOCK_TIMEOUT_MS}"
    _run_pg(
        [
            str(pg_restore),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            *args,
            f"--dbname={make_url(url).database}",
            str(dump),
        ],
        env,
        "pg_restore",
        folder,
        where,
    )
