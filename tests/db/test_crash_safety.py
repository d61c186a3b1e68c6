"""Crash safety on SQLite: a process killed with SIGKILL at random moments while it writes
leaves a consistent database holding every change it reported committed; a full
database says so and loses nothing; a backup killed half-way leaves no half archive.

Random moments come from a seed shown in every failure (FAIRDESK_CRASH_SEED repeats one).
"""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import event

from fairdesk.db.engine import Database
from fairdesk.domain.errors import StorageError
from fairdesk.services.checks.audit_verify import verify_chain
from fairdesk.services.intake.intake import register_complaint
from fairdesk.services.trust import backup as bk
from tests.conftest import Team
from tests.helpers import FAIR, complaint_input, make_fair

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("FAIRDESK_TEST_DB")), reason="SQLite file crash behaviour"
)

ROOT = Path(__file__).resolve().parents[2]
KILLS = 15
KILL_AFTER_S = (0.05, 0.4)
SEED = int(os.environ.get("FAIRDESK_CRASH_SEED") or time.time_ns() % 1_000_000)


def start(*args: str) -> subprocess.Popen[str]:
    """Start the writer and wait until it is about to write."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.db.crash_writer", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    first = proc.stdout.readline()
    if first != "ready\n":
        proc.kill()
        _, err = proc.communicate()
        pytest.fail(f"the writer did not start: {first!r} {err}")
    return proc


def kill(proc: subprocess.Popen[str]) -> list[str]:
    """SIGKILL (TerminateProcess on Windows); return the lines it printed before."""
    proc.kill()
    out, err = proc.communicate(timeout=30)
    # Killed, not dead of its own error (which would be a bug in the writer or the app).
    assert proc.returncode != 0 and "Traceback" not in err, err
    return out.split()


def check_database(path: Path, reported: list[str], seed: int) -> list[str]:
    """Integrity, chain, and every reported number present, gap-free; returns the numbers."""
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)], seed
        numbers = [r[0] for r in conn.execute("SELECT number FROM complaints ORDER BY number")]
        counter = conn.execute("SELECT value FROM counters WHERE series = 'complaint'").fetchone()
        registered = conn.execute(
            "SELECT count(*) FROM audit_events WHERE action = 'complaint.register'"
        ).fetchone()[0]
        orphans = conn.execute(
            "SELECT count(*) FROM complaints c WHERE NOT EXISTS "
            "(SELECT 1 FROM respondent_cases r WHERE r.complaint_id = c.id)"
        ).fetchone()[0]
    finally:
        conn.close()
    assert numbers == [f"{FAIR}-{i:04d}" for i in range(1, len(numbers) + 1)], seed  # gap-free
    assert set(reported) <= set(numbers), f"seed {seed}: committed and reported, then lost"
    assert counter == ((len(numbers),) if numbers else None), seed
    assert registered == len(numbers) and orphans == 0, seed  # whole transactions only
    return numbers


def test_kill_9_while_writing_loses_no_committed_change(team: Team, db: Database) -> None:
    rng = random.Random(SEED)
    make_fair(team.admin, exhibitors=3)
    path = bk.sqlite_file(db.url)
    db.dispose()
    reported: list[str] = []
    before: list[str] = []
    unprinted = 0
    kill_no = 0
    # KILLS rounds; on a loaded machine a round may end before the writer's first commit,
    # so go on (up to three times as many) until it has written at least KILLS.
    while kill_no < KILLS or (len(before) < KILLS and kill_no < 3 * KILLS):
        kill_no += 1
        proc = start(
            "complaints", db.url, FAIR, str(team.desk.actor.user_id), team.desk.actor.username
        )
        time.sleep(rng.uniform(*KILL_AFTER_S))
        printed = kill(proc)
        reported += printed
        numbers = check_database(path, reported, SEED)
        new = numbers[len(before) :]
        # What it printed is what it committed, but for at most one commit whose number
        # it had no time left to print.
        assert new[: len(printed)] == printed, f"seed {SEED}, kill {kill_no}"
        assert len(new) - len(printed) in (0, 1), f"seed {SEED}, kill {kill_no}"
        unprinted += len(new) - len(printed)
        before = numbers
    print(f"seed {SEED}: {len(before)} complaints, {kill_no} runs, {unprinted} killed after commit")
    assert len(before) >= KILLS, f"seed {SEED}: the writer hardly wrote ({len(before)})"
    assert verify_chain(team.admin).ok
    # And the desk carries on where it stopped.
    number = register_complaint(team.desk, FAIR, complaint_input()).number
    assert number == f"{FAIR}-{len(before) + 1:04d}"


def test_kill_9_during_backups_leaves_no_half_archive(
    team: Team, db: Database, tmp_path: Path
) -> None:
    rng = random.Random(SEED)
    make_fair(team.admin, exhibitors=3)
    for _ in range(20):
        register_complaint(team.desk, FAIR, complaint_input())
    data = tmp_path / "data"
    photo = data / "evidence" / "ab" / "ab-photo"
    photo.parent.mkdir(parents=True)
    photo.write_bytes(random.Random(1).randbytes(3_000_000))  # a backup takes a while
    folder = tmp_path / "backups"
    folder.mkdir()
    finished: list[str] = []
    for _ in range(5):
        proc = start("backups", db.url, str(folder), str(data))
        time.sleep(rng.uniform(0.05, 0.3))
        finished += kill(proc)
    archives = sorted(folder.glob("*.zip"))
    left = [p.name for p in folder.iterdir() if p.suffix != ".zip"]
    print(f"seed {SEED}: {len(archives)} whole archives, {len(left)} interrupted")
    assert {str(p) for p in archives} >= set(finished)
    for archive in archives:  # everything under a final name is whole
        bk.verify_archive(archive)
    assert all(
        p.name.startswith(".fairdesk-backup-") for p in folder.iterdir() if p.suffix != ".zip"
    )


def test_full_database_says_so_and_loses_nothing(team: Team, db: Database) -> None:
    """SQLite's max_page_count stands in for a full disk (no tmpfs needed, no root)."""
    make_fair(team.admin, exhibitors=3)
    saved = [register_complaint(team.desk, FAIR, complaint_input()).number for _ in range(3)]
    path = bk.sqlite_file(db.url)
    conn = sqlite3.connect(path)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()

    full = Database(db.url)
    event.listen(
        full.engine,
        "connect",
        lambda dbapi, _rec: dbapi.execute(f"PRAGMA max_page_count = {pages + 3}"),
    )
    ctx = team.desk.__class__(full, team.desk.actor, team.desk.now)
    with pytest.raises(StorageError) as caught:
        for _ in range(500):
            saved.append(register_complaint(ctx, FAIR, complaint_input()).number)
    full.dispose()
    assert str(caught.value) == (
        "The disk is full: this change was not saved. Free some space and try again; "
        f"what was saved before is intact. ({path})"
    )
    numbers = check_database(path, saved, 0)
    assert numbers == saved
    assert verify_chain(team.admin).ok
    # With room again, the next number follows without a gap.
    assert register_complaint(team.desk, FAIR, complaint_input()).number == (
        f"{FAIR}-{len(saved) + 1:04d}"
    )
