"""Backups and restores on both databases: a backup restores to an identical database;
damaged, foreign or too-new archives are refused and nothing is touched; rotation, the
schedule, a full disk, and the command line."""

from __future__ import annotations

import errno
import hashlib
import io
import json
import os
import shutil
import sqlite3
import threading
import time
import uuid
import zipfile
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, select, text

from fairdesk import cli, cli_backup
from fairdesk.db import migrate
from fairdesk.db.engine import Database
from fairdesk.db.models import AuditEvent, Base
from fairdesk.domain.enums import Role
from fairdesk.domain.errors import InvalidInput, PermissionDenied, StorageError
from fairdesk.services.checks.audit_verify import verify_chain
from fairdesk.services.context import Actor, Context
from fairdesk.services.intake.intake import register_complaint
from fairdesk.services.trust import backup as bk
from tests.conftest import PG_URL, SAMPLES, FakeClock, PgServer, Team
from tests.helpers import FAIR, complaint_input, make_fair

ON_PG = bool(PG_URL)
sqlite_only = pytest.mark.skipif(ON_PG, reason="SQLite file behaviour")
needs_pg_tools = pytest.mark.skipif(
    ON_PG and (bk.find_pg_tool("pg_dump") is None or bk.find_pg_tool("pg_restore") is None),
    reason="pg_dump/pg_restore are not installed (apt install postgresql-client)",
)
pytestmark = needs_pg_tools


# -- helpers ------------------------------------------------------------------------------


def data_folder(tmp_path: Path) -> Path:
    return tmp_path / "data"  # what conftest points FAIRDESK_DATA_DIR at


def add_evidence(tmp_path: Path, *contents: bytes) -> dict[str, bytes]:
    """Content-addressed evidence files, as the app stores them: evidence/ab/abcdef..."""
    files = {}
    for content in contents:
        digest = hashlib.sha256(content).hexdigest()
        path = data_folder(tmp_path) / "evidence" / digest[:2] / digest
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        files[f"{digest[:2]}/{digest}"] = content
    return files


def evidence_on_disk(folder: Path) -> dict[str, bytes]:
    if not folder.exists():
        return {}
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def populate(team: Team, complaints: int = 6) -> None:
    make_fair(team.admin, exhibitors=3)
    for i in range(complaints):
        register_complaint(team.desk, FAIR, complaint_input(f"4.1A0{1 + i % 3}"))


def all_rows(db: Database) -> dict[str, list[Any]]:
    """Every row of every table, in primary-key order (and the list of tables)."""
    with db.engine.connect() as conn:
        rows: dict[str, list[Any]] = {"(tables)": sorted(inspect(conn).get_table_names())}
        for table in Base.metadata.sorted_tables:
            rows[table.name] = [
                tuple(r) for r in conn.execute(select(table).order_by(*table.primary_key.columns))
            ]
        rows["alembic_version"] = [
            tuple(r) for r in conn.execute(text("SELECT version_num FROM alembic_version"))
        ]
    return rows


def assert_restored(before: dict[str, list[Any]], after: dict[str, list[Any]]) -> None:
    """Identical, except one more audit event: the restore itself (and the sign-ins of
    the commands that made and restored the backup)."""
    extra = after["audit_events"][len(before["audit_events"]) :]
    assert len([e for e in extra if "user.sign_in" not in e]) == 1
    assert {k: v for k, v in after.items() if k != "audit_events"} == {
        k: v for k, v in before.items() if k != "audit_events"
    }
    assert after["audit_events"][: len(before["audit_events"])] == before["audit_events"]


def last_event(db: Database) -> AuditEvent:
    with db.reading() as session:
        return session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).one()


def rewrite(
    src: Path,
    dst: Path,
    *,
    manifest: Any = None,
    drop: tuple[str, ...] = (),
    add: dict[str, bytes] | None = None,
) -> Path:
    """A copy of an archive with its manifest edited, members dropped or added."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for item in zin.infolist():
            if item.filename in drop:
                continue
            data = zin.read(item.filename)
            if item.filename == bk.MANIFEST and manifest is not None:
                data = json.dumps(manifest(json.loads(data))).encode()
            zout.writestr(item.filename, data)
        for name, data in (add or {}).items():
            zout.writestr(name, data)
    return dst


def flip_byte_in(archive: Path, member: str, dst: Path) -> Path:
    """Flip one byte in the middle of a member's stored data."""
    raw = bytearray(archive.read_bytes())
    with zipfile.ZipFile(archive) as zf:
        info = zf.getinfo(member)
    # local header: 30 bytes + name + extra field, then the (compressed) data
    name_len = int.from_bytes(raw[info.header_offset + 26 : info.header_offset + 28], "little")
    extra_len = int.from_bytes(raw[info.header_offset + 28 : info.header_offset + 30], "little")
    start = info.header_offset + 30 + name_len + extra_len
    raw[start + info.compress_size // 2] ^= 0x40
    dst.write_bytes(bytes(raw))
    return dst


def fresh_target(tmp_path: Path, pg_server: PgServer | None) -> tuple[str, Any]:
    """A URL of another, empty database, and how to drop it."""
    if pg_server is None:
        return f"sqlite:///{tmp_path / 'elsewhere' / 'restored.sqlite3'}", lambda: None
    name = f"fdt_{uuid.uuid4().hex[:12]}"
    return pg_server.create(name), lambda: pg_server.drop(name)


def data_snapshot(tmp_path: Path) -> list[str]:
    """Every path in the data folder, to show that a refused restore created nothing."""
    folder = data_folder(tmp_path)
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


# -- a backup restores to an identical database --------------------------------------------


def test_backup_restores_to_identical_database(team: Team, db: Database, tmp_path: Path) -> None:
    populate(team)
    evidence = add_evidence(tmp_path, b"photo of booth 4.1A01" * 100, b"%PDF-1.7 scan")
    before = all_rows(db)
    steps: list[str] = []
    info = bk.backup(team.admin, progress=steps.append)

    assert info.path.parent == data_folder(tmp_path) / "backups"
    assert bk.AUTO_NAME.match(info.path.name)
    assert steps[0] in ("copying the database", "dumping the database (pg_dump)")
    m = info.manifest
    assert (m.database_kind, m.schema_revision, m.evidence_files) == (
        "postgresql" if ON_PG else "sqlite",
        migrate.head_revision(),
        2,
    )
    with zipfile.ZipFile(info.path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        assert sorted(zf.namelist()) == sorted(
            ["manifest.json", m.database_member, *(f"evidence/{k}" for k in evidence)]
        )
    assert manifest["format"] == "fairdesk-backup" and manifest["format_version"] == 1
    assert manifest["app_version"] and manifest["created_at"].startswith("2026-11-05T01:30")
    for member in manifest["members"]:
        assert set(member) == {"name", "sha256", "size"}
    assert list(data_folder(tmp_path).joinpath("backups").iterdir()) == [info.path]

    # Life goes on after the backup: more complaints, another photo, one photo lost.
    register_complaint(team.desk, FAIR, complaint_input("4.1A02"))
    after_backup = all_rows(db)
    later = add_evidence(tmp_path, b"a photo taken after the backup")
    first = next(iter(evidence))
    (data_folder(tmp_path) / "evidence" / first).unlink()

    restored = bk.restore(team.admin, info.path)

    assert_restored(before, all_rows(db))
    assert evidence_on_disk(data_folder(tmp_path) / "evidence") == evidence
    assert verify_chain(team.admin).ok
    event = last_event(db)
    assert (event.action, event.username, event.user_id) == (
        "database.restore",
        "admin",
        team.admin.actor.user_id,
    )
    assert event.after is not None and event.after["archive"] == info.path.name
    # What it replaced is kept aside, whole.
    assert restored.kept_evidence is not None
    assert evidence_on_disk(restored.kept_evidence) == {
        **{k: v for k, v in evidence.items() if k != first},
        **later,
    }
    assert restored.kept_database is not None and restored.kept_database.exists()
    if ON_PG:
        kept = bk.verify_archive(restored.kept_database)
        assert kept.database_kind == "postgresql"
        assert restored.kept_database.parent == data_folder(tmp_path) / "backups"
    else:
        assert restored.kept_database.name.startswith("fairdesk.before-restore.20261105T013000Z")
        assert restored.kept_database.suffix == ".sqlite3"
        kept_db = Database(f"sqlite:///{restored.kept_database}")
        try:
            assert all_rows(kept_db) == after_backup
        finally:
            kept_db.dispose()
        conn = sqlite3.connect(restored.kept_database)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        conn.close()
        path = bk.sqlite_file(db.url)
        assert not path.with_name(path.name + "-journal").exists()


def test_restore_into_another_database(
    team: Team, db: Database, tmp_path: Path, pg_server: PgServer | None
) -> None:
    populate(team, complaints=3)
    before = all_rows(db)
    info = bk.backup(team.admin, tmp_path / "manual.zip")
    assert info.path == tmp_path / "manual.zip"
    url, drop = fresh_target(tmp_path, pg_server)
    try:
        restored = bk.restore(team.admin, info.path, target_url=url)
        assert restored.kept_database is None  # nothing was there to keep
        other = Database(url)
        try:
            assert_restored(before, all_rows(other))
            assert verify_chain(Context(other, team.admin.actor)).ok
        finally:
            other.dispose()
        assert all_rows(db) == before  # the source is untouched
    finally:
        drop()


@sqlite_only
def test_restore_from_an_older_schema_migrates_it(team: Team, db: Database, tmp_path: Path) -> None:
    old_path = tmp_path / "old.sqlite3"
    shutil.copy(SAMPLES / "fairdesk-0001.sqlite3", old_path)
    old = Database(f"sqlite:///{old_path}")
    try:
        revision = migrate.current_revision(old)
        assert revision != migrate.head_revision()
        info = bk.backup(Context(old, team.admin.actor), tmp_path / "old.zip")
    finally:
        old.dispose()
    assert info.manifest.schema_revision == revision
    with pytest.raises(bk.ArchiveRefused, match="not made by this installation"):
        bk.restore(team.admin, info.path)  # another database's (unsigned) backup
    restored = bk.restore(team.admin, info.path, foreign=True)
    assert restored.seal == "unsigned"
    assert restored.schema_revision == migrate.head_revision()
    assert migrate.current_revision(db) == migrate.head_revision()
    assert verify_chain(team.admin).ok


def test_restore_an_older_schema_over_a_newer_one(
    team: Team, db: Database, tmp_path: Path, empty_db_url: str
) -> None:
    """A backup from before an upgrade, restored over the upgraded database: tables the
    old schema lacks go, and the migrations bring it back to this app's schema."""
    old = Database(empty_db_url)
    try:
        migrate.upgrade(old, "0002")
        info = bk.backup(Context(old, team.admin.actor), tmp_path / "old.zip")
    finally:
        old.dispose()
    assert info.manifest.schema_revision == "0002"
    populate(team, complaints=1)
    restored = bk.restore(team.admin, info.path, foreign=True)
    assert restored.schema_revision == migrate.head_revision()
    with db.reading() as session:
        assert session.execute(text("SELECT count(*) FROM complaints")).scalar() == 0
    assert verify_chain(team.admin).ok
    assert last_event(db).action == "database.restore"
    # An archive from before seals were made: the trail says it bore none.
    assert last_event(db).after["seal"] == "unsigned"


@sqlite_only
def test_restore_over_a_damaged_database_by_url(team: Team, db: Database, tmp_path: Path) -> None:
    populate(team, complaints=2)
    before = all_rows(db)
    info = bk.backup(team.admin)
    db.dispose()
    path = bk.sqlite_file(db.url)
    path.write_bytes(b"garbage, not a database " * 1000)
    restored = bk.restore(db.url, info.path)
    assert_restored(before, all_rows(db))
    assert restored.kept_database is not None
    assert restored.kept_database.read_bytes().startswith(b"garbage")
    event = last_event(db)
    assert (event.username, event.user_id) == ("system", None)


@sqlite_only
def test_restore_refuses_while_another_program_has_the_database_open(
    team: Team, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bk, "SWAP_BUSY_TIMEOUT_S", 0.2)
    populate(team, complaints=1)
    info = bk.backup(team.admin)
    before = all_rows(db)
    listing = data_snapshot(tmp_path)
    other = sqlite3.connect(bk.sqlite_file(db.url))
    try:
        other.execute("SELECT count(*) FROM users").fetchall()
        with pytest.raises(StorageError, match="is in use by another FairDesk or program"):
            bk.restore(team.admin, info.path)
    finally:
        other.close()
    assert all_rows(db) == before
    assert data_snapshot(tmp_path) == listing


# -- refused archives: nothing is touched --------------------------------------------------


def _newer_revision(m: dict[str, Any]) -> dict[str, Any]:
    return {**m, "schema_revision": "9999_from_the_future"}


def _newer_format(m: dict[str, Any]) -> dict[str, Any]:
    return {**m, "format_version": 2}


def _other_format(m: dict[str, Any]) -> dict[str, Any]:
    return {**m, "format": "someone-elses-backup"}


def _other_kind(m: dict[str, Any]) -> dict[str, Any]:
    kind = "sqlite" if m["database"]["kind"] == "postgresql" else "postgresql"
    return {**m, "database": {**m["database"], "kind": kind}}


def _bad_archives(info: bk.BackupInfo, tmp: Path) -> dict[str, tuple[Path, str]]:
    src, db_member = info.path, info.manifest.database_member
    truncated = tmp / "truncated.zip"
    truncated.write_bytes(src.read_bytes()[: src.stat().st_size // 2])
    foreign = tmp / "photos.zip"
    with zipfile.ZipFile(foreign, "w") as zf:
        zf.writestr("IMG_0001.jpg", b"\xff\xd8\xff" + b"\0" * 100)
    text_file = tmp / "notes.zip"
    text_file.write_text("these are my notes\n")
    evil = "evidence/../../escaped.txt"
    return {
        "flipped byte": (
            flip_byte_in(src, db_member, tmp / "flipped.zip"),
            f"flipped.zip is damaged: {db_member} does not match the checksum in its manifest "
            "(the file was changed or corrupted). Nothing was changed.",
        ),
        "flipped manifest byte": (
            flip_byte_in(src, "manifest.json", tmp / "flipped-manifest.zip"),
            "flipped-manifest.zip is damaged: its manifest.json cannot be read. "
            "Nothing was changed.",
        ),
        "truncated": (
            truncated,
            "truncated.zip is damaged or incomplete: the zip archive cannot be read "
            "(was the copy cut short?). Nothing was changed.",
        ),
        "foreign zip": (
            foreign,
            "photos.zip is not a FairDesk backup: it has no manifest.json. Nothing was changed.",
        ),
        "not an archive": (
            text_file,
            "notes.zip is not a FairDesk backup: it is not a zip archive. Nothing was changed.",
        ),
        "foreign manifest": (
            rewrite(src, tmp / "other.zip", manifest=_other_format),
            "other.zip is not a FairDesk backup: its manifest.json is not a FairDesk backup "
            "manifest. Nothing was changed.",
        ),
        "newer schema": (
            rewrite(src, tmp / "newer.zip", manifest=_newer_revision),
            "newer.zip holds a database from a newer FairDesk (schema revision "
            f"9999_from_the_future; this FairDesk knows revisions up to "
            f"{migrate.head_revision()}). Update FairDesk to restore it. Nothing was changed.",
        ),
        "newer format": (
            rewrite(src, tmp / "format2.zip", manifest=_newer_format),
            "format2.zip was made by a newer FairDesk (backup format 2; this FairDesk reads "
            "format 1). Update FairDesk to restore it. Nothing was changed.",
        ),
        "member missing": (
            rewrite(src, tmp / "missing.zip", drop=(db_member,)),
            f"missing.zip is damaged: {db_member} is missing. Nothing was changed.",
        ),
        "unlisted member": (
            rewrite(src, tmp / "extra.zip", add={"evidence/xx/planted": b"x"}),
            "extra.zip is damaged: it contains evidence/xx/planted, which its manifest does "
            "not list. Nothing was changed.",
        ),
        "path outside": (
            rewrite(
                src,
                tmp / "escape.zip",
                add={evil: b"x"},
                manifest=lambda m: {
                    **m,
                    "members": [*m["members"], {"name": evil, "sha256": "0" * 64, "size": 1}],
                },
            ),
            "escape.zip is not a FairDesk backup: it names the file "
            "'evidence/../../escaped.txt', which does not belong in one. Nothing was changed.",
        ),
        "other database kind": (
            rewrite(src, tmp / "kind.zip", manifest=_other_kind),
            "kind.zip is a backup of "
            + ("an SQLite" if ON_PG else "a PostgreSQL")
            + " database; it cannot be restored into "
            + ("a PostgreSQL" if ON_PG else "an SQLite")
            + " database. Nothing was changed.",
        ),
    }


def test_bad_archives_are_refused_and_nothing_is_touched(
    team: Team, db: Database, tmp_path: Path
) -> None:
    populate(team, complaints=2)
    add_evidence(tmp_path, b"a photo")
    info = bk.backup(team.admin)
    register_complaint(team.desk, FAIR, complaint_input())  # differs from the backup
    before = all_rows(db)
    listing = data_snapshot(tmp_path)
    bad = tmp_path / "bad"
    bad.mkdir()
    refused = {}
    for case, (archive, message) in _bad_archives(info, bad).items():
        with pytest.raises(bk.ArchiveRefused) as caught:
            bk.restore(team.admin, archive)
        refused[case] = str(caught.value)
        assert refused[case] == message, case
    assert len(refused) == 12
    assert all_rows(db) == before
    assert data_snapshot(tmp_path) == listing
    assert not list(bad.glob(".fairdesk-*"))


def test_verify_archive_accepts_a_good_one(team: Team, tmp_path: Path) -> None:
    populate(team, complaints=1)
    info = bk.backup(team.admin)
    assert bk.verify_archive(info.path) == info.manifest


def test_missing_file_and_folder_are_refused(team: Team, tmp_path: Path) -> None:
    with pytest.raises(bk.ArchiveRefused, match=r"^There is no file .*nope\.zip\. Nothing"):
        bk.restore(team.admin, tmp_path / "nope.zip")
    with pytest.raises(bk.ArchiveRefused, match="is a folder, not a FairDesk backup"):
        bk.restore(team.admin, tmp_path)


# -- permissions -------------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.DESK, Role.INSPECTOR, Role.ORGANIZER])
def test_backup_and_restore_are_admin_work(team: Team, db: Database, role: Role) -> None:
    populate(team, complaints=1)
    info = bk.backup(team.admin)
    before = all_rows(db)
    message = f"^Only admin staff may back up or restore the database; you are signed in as {role}"
    with pytest.raises(PermissionDenied, match=message):
        bk.backup(team.by_role(role))
    with pytest.raises(PermissionDenied, match=message):
        bk.restore(team.by_role(role), info.path)
    assert all_rows(db) == before


# -- rotation and the schedule -------------------------------------------------------------


def test_rotation_keeps_the_newest_and_touches_nothing_else(
    team: Team, clock: FakeClock, tmp_path: Path
) -> None:
    populate(team, complaints=1)
    made = []
    for _ in range(5):
        made.append(bk.backup(team.admin).path)
        clock.advance(minutes=30)
    folder = made[0].parent
    # Not ours, or not automatic: rotation never deletes these.
    (folder / "notes.txt").write_text("keep me")
    (folder / "fairdesk-20200101-000000.zip").write_text("named like a backup, but is not one")
    shutil.copy(made[0], folder / "before-the-fair.zip")
    stale = folder / ".fairdesk-backup-crashed.tmp"
    stale.write_bytes(b"half an archive")
    two_days_ago = time.time() - 2 * 86400
    os.utime(stale, (two_days_ago, two_days_ago))
    running = folder / ".fairdesk-backup-running.tmp"
    running.write_bytes(b"a backup in progress")

    deleted = bk.rotate(folder, keep=3)

    assert sorted(deleted) == sorted(made[:2])
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [
            *(p.name for p in made[2:]),
            "notes.txt",
            "fairdesk-20200101-000000.zip",
            "before-the-fair.zip",
            running.name,
        ]
    )
    assert bk.rotate(folder, keep=3) == []
    assert bk.latest_backup(folder) == bk.verify_archive(made[-1]).created_at
    with pytest.raises(InvalidInput, match="Keep at least one"):
        bk.rotate(folder, keep=0)


def test_two_backups_in_one_second_get_distinct_names(team: Team) -> None:
    populate(team, complaints=1)
    first = bk.backup(team.admin).path
    second = bk.backup(team.admin).path
    assert first != second and second.name == first.name.replace(".zip", "-2.zip")
    assert bk.AUTO_NAME.match(second.name)


def test_maybe_backup_on_a_timer(team: Team, clock: FakeClock, tmp_path: Path) -> None:
    populate(team, complaints=1)
    every = timedelta(minutes=30)
    # Scheduled backups run for whoever is signed in: here a desk user.
    first = bk.maybe_backup(team.desk, every, keep=2)
    assert first is not None
    clock.advance(minutes=10)
    assert bk.maybe_backup(team.desk, every, keep=2) is None
    made = [first.path]
    for _ in range(3):
        clock.advance(minutes=31)
        info = bk.maybe_backup(team.desk, every, keep=2)
        assert info is not None
        made.append(info.path)
    folder = data_folder(tmp_path) / "backups"
    assert sorted(folder.iterdir()) == sorted(made[-2:])


def test_existing_output_file_is_never_overwritten(team: Team, tmp_path: Path) -> None:
    target = tmp_path / "precious.zip"
    target.write_bytes(b"someone's file")
    with pytest.raises(InvalidInput, match="precious.zip already exists"):
        bk.backup(team.admin, target)
    assert target.read_bytes() == b"someone's file"
    info = bk.backup(team.admin, tmp_path)  # a folder: an automatic name inside it
    assert info.path.parent == tmp_path and bk.AUTO_NAME.match(info.path.name)


# -- a full disk -------------------------------------------------------------------------


class _FillingDisk(io.FileIO):
    """A file on a disk with `room` bytes free."""

    room = 4096

    def write(self, data: Any) -> int:
        _FillingDisk.room -= len(data)
        if _FillingDisk.room < 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return super().write(data)


def test_full_disk_during_backup_leaves_nothing(
    team: Team, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    populate(team, complaints=3)
    add_evidence(tmp_path, os.urandom(20_000))
    folder = tmp_path / "usb-stick"
    monkeypatch.setattr(_FillingDisk, "room", 4096)
    monkeypatch.setattr(bk, "_open_for_writing", lambda path: _FillingDisk(path, "wb"))
    with pytest.raises(StorageError) as caught:
        bk.backup(team.admin, folder / "fair.zip")
    assert str(caught.value) == (
        f"The disk is full: the backup was not written, nothing was written to {folder}. "
        "Free some space and try again; what was saved before is intact."
    )
    assert list(folder.iterdir()) == []  # no half archive, no temporary file


def test_unwritable_folder_is_a_clear_error(team: Team, tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    with pytest.raises(StorageError, match=r"^Cannot write to .*the backup was not written"):
        bk.backup(team.admin, blocker / "sub" / "fair.zip")


# -- PostgreSQL tools ----------------------------------------------------------------------


def test_missing_pg_dump_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    monkeypatch.delenv(bk.PG_BIN_ENV, raising=False)
    monkeypatch.setattr(bk, "PG_BIN_GLOBS", ())
    assert bk.find_pg_tool("pg_dump") is None
    with pytest.raises(bk.MissingTool) as caught:
        bk._require_pg_tool("pg_dump")
    message = str(caught.value)
    assert message.startswith(
        "pg_dump was not found, so FairDesk cannot back up a PostgreSQL database."
    )
    assert "sudo apt install postgresql-client" in message and bk.PG_BIN_ENV in message


@pytest.mark.skipif(not ON_PG, reason="needs PostgreSQL")
def test_backup_on_postgresql_without_pg_dump(
    team: Team, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bk, "find_pg_tool", lambda name: None)
    with pytest.raises(bk.MissingTool, match="pg_dump was not found"):
        bk.backup(team.admin)
    assert not list((data_folder(tmp_path) / "backups").iterdir())


def test_pg_password_never_on_the_command_line() -> None:
    args, env = bk._pg_connection(
        "postgresql+psycopg://fair:s3cret@db.example:5433/fairdesk?sslmode=require"
    )
    assert args == [
        "--no-password",
        "--host=db.example",
        "--port=5433",
        "--username=fair",
    ]
    assert not any("s3cret" in a for a in args)
    assert env["PGPASSWORD"] == "s3cret" and env["PGSSLMODE"] == "require"


def test_pg_tool_found_by_installers_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for version in ("9.6", "15", "16"):
        tool = tmp_path / "pg" / version / "bin" / "pg_dump"
        tool.parent.mkdir(parents=True)
        tool.write_text("#!/bin/sh\n")
    monkeypatch.setenv("PATH", "")
    monkeypatch.delenv(bk.PG_BIN_ENV, raising=False)
    monkeypatch.setattr(bk, "PG_BIN_GLOBS", (str(tmp_path / "pg" / "*" / "bin"),))
    assert bk.find_pg_tool("pg_dump") == tmp_path / "pg" / "16" / "bin" / "pg_dump"
    monkeypatch.setenv(bk.PG_BIN_ENV, str(tmp_path / "pg" / "15" / "bin"))
    assert bk.find_pg_tool("pg_dump") == tmp_path / "pg" / "15" / "bin" / "pg_dump"


# -- backing up while another desk writes ---------------------------------------------------


@sqlite_only
def test_backup_while_another_thread_writes_is_consistent(
    team: Team, db: Database, tmp_path: Path
) -> None:
    populate(team, complaints=1)
    stop = threading.Event()
    written: list[str] = []
    errors: list[BaseException] = []

    def writer() -> None:
        own = Database(db.url)
        ctx = Context(own, team.desk.actor, team.desk.now)
        try:
            while not stop.is_set():
                written.append(register_complaint(ctx, FAIR, complaint_input()).number)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            own.dispose()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        copies = []
        while len(written) < 3:
            time.sleep(0.01)
        for i in range(4):
            copies.append(bk.backup(team.admin, tmp_path / f"during-{i}.zip"))
    finally:
        stop.set()
        thread.join()
    assert not errors
    counts = []
    for info in copies:
        out = tmp_path / f"{info.path.stem}.sqlite3"
        with zipfile.ZipFile(info.path) as zf:
            out.write_bytes(zf.read(bk.SQLITE_MEMBER))
        conn = sqlite3.connect(out)
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        numbers = [r[0] for r in conn.execute("SELECT number FROM complaints ORDER BY number")]
        counter = conn.execute("SELECT value FROM counters WHERE series = 'complaint'").fetchone()
        conn.close()
        # One commit's worth: the counter and the complaints agree, numbers are gap-free.
        assert numbers == [f"{FAIR}-{i:04d}" for i in range(1, len(numbers) + 1)]
        assert counter == (len(numbers),)
        copy = Database(f"sqlite:///{out}")
        try:
            assert verify_chain(Context(copy, Actor(None, "t", Role.ADMIN))).ok
        finally:
            copy.dispose()
        counts.append(len(numbers))
    assert counts == sorted(counts) and counts[-1] > 1


# -- the command line ----------------------------------------------------------------------


@pytest.fixture
def run(tmp_path: Path, db: Database, capsys: pytest.CaptureFixture[str], monkeypatch):  # type: ignore[no-untyped-def]
    """`fairdesk ARGS` in-process, with backup/restore wired in even before cli.py is."""
    if "backup" not in cli.COMMANDS:
        build = cli.build_parser

        def build_with_backup() -> Any:
            parser = build()
            sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
            cli_backup.add_parsers(sub)
            return parser

        monkeypatch.setattr(cli, "build_parser", build_with_backup)
        for name, command in cli_backup.COMMANDS.items():
            monkeypatch.setitem(cli.COMMANDS, name, command)

    monkeypatch.setenv("FAIRDESK_PASSWORD", "admin-pass-1")  # the team's admin

    def _run(*args: str) -> tuple[int, str, str]:
        code = cli.main(["--db", db.url, "--data-dir", str(data_folder(tmp_path)), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def test_cli_backup_and_restore(run, team: Team, db: Database, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    populate(team, complaints=2)
    add_evidence(tmp_path, b"photo")
    before = all_rows(db)
    code, out, err = run("backup", "-o", str(tmp_path / "fair.zip"))
    assert code == 0, err
    assert out.startswith(f"backup written: {tmp_path / 'fair.zip'}\n")
    assert "1 evidence files" in out
    assert ("pg_dump" if ON_PG else "copying the database") in err

    code, out, err = run("backup")
    assert code == 0 and "/backups/fairdesk-" in out

    register_complaint(team.desk, FAIR, complaint_input())
    db.dispose()  # the test's own connections would count as another program using it
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # not a terminal
    code, out, err = run("restore", str(tmp_path / "fair.zip"))
    assert code == 1
    assert err.splitlines()[-1] == (
        "fairdesk: Restoring replaces the database; run again with --yes to confirm. "
        "Nothing was changed."
    )
    assert "the archive is intact" in out

    code, out, err = run("restore", str(tmp_path / "fair.zip"), "--yes")
    assert code == 0, err
    assert "kept aside: the database as it was: " in out
    assert "kept aside: the evidence folder as it was: " in out
    assert_restored(before, all_rows(db))

    (tmp_path / "notes.zip").write_text("not a backup")
    code, out, err = run("restore", str(tmp_path / "notes.zip"), "--yes")
    assert (code, err.splitlines()[-1]) == (
        1,
        "fairdesk: notes.zip is not a FairDesk backup: it is not a zip archive. "
        "Nothing was changed.",
    )


def test_cli_restore_asks_on_a_terminal(
    run, team: Team, db: Database, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    populate(team, complaints=1)
    info = bk.backup(team.admin)
    db.dispose()

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdin", Terminal("n\n"))
    code, out, err = run("restore", str(info.path))
    assert (code, err.splitlines()[-1]) == (1, "fairdesk: Restore cancelled; nothing was changed.")
    assert "Replace them with this backup? [y/N]" in out
    monkeypatch.setattr("sys.stdin", Terminal("yes\n"))
    code, out, err = run("restore", str(info.path))
    assert code == 0, err
    assert "restored " in out


def test_cli_desk_user_cannot_restore(run, team: Team, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    populate(team, complaints=1)
    info = bk.backup(team.admin)
    monkeypatch.setenv("FAIRDESK_PASSWORD", "desk1-pass-1")
    code, _, err = run("--user", "desk1", "restore", str(info.path), "--yes")
    assert code == 1
    assert err.startswith("fairdesk: Only admin staff may back up or restore the database;")


def test_a_demo_database_restores_its_own_backups(
    db: Database, tmp_path: Path, empty_db_url: str
) -> None:
    """A demo has no root key: its demo key seals its backups, so they restore on the same
    demo without --foreign; another demo's, or a demo's on a real database, still need it."""
    from fairdesk.app_context import demo_admin

    demo = demo_admin(db)
    make_fair(demo, code="D1")
    info = bk.backup(demo, tmp_path / "demo.zip")
    restored = bk.restore(demo, info.path)
    assert restored.seal == "ours"
    assert last_event(db).action == "database.restore"

    other = Database(empty_db_url)  # another demo, on the same kind of database
    try:
        migrate.upgrade(other)
        with pytest.raises(bk.ArchiveRefused, match="not made by this installation"):
            bk.restore(demo_admin(other), info.path)  # another demo's
    finally:
        other.dispose()


def test_a_demo_backup_is_foreign_to_a_real_installation(
    team: Team, db: Database, tmp_path: Path, empty_db_url: str
) -> None:
    from fairdesk.app_context import demo_admin

    demo_db = Database(empty_db_url)
    try:
        migrate.upgrade(demo_db)
        info = bk.backup(demo_admin(demo_db), tmp_path / "demo.zip")
    finally:
        demo_db.dispose()
    with pytest.raises(bk.ArchiveRefused, match="signed under another root key"):
        bk.restore(team.admin, info.path)
