"""The inspector's outbox: findings kept on the laptop until the server has them.

Every round start, visit, re-check result and round close is first written to a small
SQLite file in the laptop's data folder (`outbox.sqlite3`), with the uid the server
record will carry (uuid4, made here). `flush(ctx)` then sends what waits, oldest first:

* the server answers a uid it already holds with the stored record and writes nothing,
  so an entry sent again after a lost reply is never doubled;
* "server unreachable" (StorageError) stops the flush and leaves everything waiting,
  to be sent by the next flush; nothing is lost;
* a refusal (the case moved on at the desk, a hall that does not exist...) marks that
  entry "failed" with the message, for the inspector to read, retry or discard.

Photos wait in the file with their entry and are dropped once the server has them.
Entries belong to the user who recorded them; a flush sends only the signed-in user's.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fairdesk.config import data_dir
from fairdesk.domain import vocabulary as v
from fairdesk.domain.errors import FairDeskError, InvalidInput, StorageError
from fairdesk.services.context import Context
from fairdesk.services.inspection import patrols, rechecks
from fairdesk.services.inspection.evidence import PhotoInput, check_size

OUTBOX_FILE = "outbox.sqlite3"
SCHEMA_VERSION = 1
WAITING, SENT, FAILED = "waiting", "sent", "failed"
ROUND_START, VISIT, RECHECK, ROUND_CLOSE = "round_start", "visit", "recheck", "round_close"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    uid TEXT NOT NULL,
    username TEXT NOT NULL,
    fair_code TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'waiting',
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    sent_at TEXT,
    duplicate INTEGER NOT NULL DEFAULT 0,
    UNIQUE (kind, uid)
);
CREATE INDEX IF NOT EXISTS ix_entries_status ON entries (status, username, id);
CREATE TABLE IF NOT EXISTS photos (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_photos_entry ON photos (entry_id);
"""


@dataclass(frozen=True)
class Entry:
    id: int
    kind: str
    uid: str
    username: str
    fair_code: str
    summary: str
    created_at: datetime
    status: str
    attempts: int
    last_error: str
    photos: int
    payload: dict[str, Any] = field(default_factory=dict)  # to describe it in any language


@dataclass(frozen=True)
class PendingFinding:
    uid: str
    kind: str  # visit | recheck
    at: datetime
    target: str  # what was typed or scanned; the case number of a re-check
    answer: str  # the finding, or the re-check result
    photos: int
    status: str
    round_uid: str | None


@dataclass
class FlushReport:
    sent: int = 0
    duplicates: int = 0  # already on the server: skipped, not stored twice
    failed: list[Entry] = field(default_factory=list)
    offline: str = ""  # why the server could not be reached, when it could not
    waiting: int = 0

    @property
    def ok(self) -> bool:
        return not self.offline and not self.failed


def default_path() -> Path:
    return data_dir() / OUTBOX_FILE


def _payload(text: str | None) -> dict[str, Any]:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


def _time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


class Outbox:
    """One laptop's queue of findings; safe to use from the UI thread and one worker."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()
        self._flush_lock = threading.Lock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._connect() as conn:
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                if version > SCHEMA_VERSION:
                    raise StorageError(
                        "The outbox {path} was written by a newer FairDesk; update "
                        "this laptop's FairDesk before recording findings.",
                        path=str(self.path),
                    )
                conn.executescript(_SCHEMA)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except (OSError, sqlite3.Error) as exc:
            raise StorageError(
                "Cannot open the outbox {path}: {reason}. Findings cannot be kept on this "
                "laptop; check the data folder.",
                path=str(self.path),
                reason=str(exc),
            ) from exc

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        conn = sqlite3.connect(self.path, timeout=15, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            yield conn
        finally:
            conn.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        try:
            with self._connect() as conn:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    yield conn
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
                conn.execute("COMMIT")
        except sqlite3.Error as exc:
            raise StorageError(
                "Cannot write to the outbox {path}: {reason}. The finding was not kept; "
                "check the laptop's disk.",
                path=str(self.path),
                reason=str(exc),
            ) from exc

    # -- recording --------------------------------------------------------------------------

    def _add(
        self,
        ctx: Context,
        kind: str,
        uid: str,
        fair_code: str,
        summary: str,
        payload: dict[str, Any],
        photos: list[PhotoInput] | None = None,
    ) -> str:
        photos = photos or []
        for photo in photos:
            check_size(photo.name, len(photo.data))  # refuse now, not after the walk back
        with self._tx() as conn:
            cur = conn.execute(
                "INSERT INTO entries (kind, uid, username, fair_code, summary, payload, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    kind,
                    uid,
                    ctx.actor.username,
                    fair_code,
                    summary,
                    json.dumps(payload, ensure_ascii=False),
                    _iso(ctx.now()),
                ),
            )
            for photo in photos:
                conn.execute(
                    "INSERT INTO photos (entry_id, name, data) VALUES (?, ?, ?)",
                    (cur.lastrowid, photo.name, photo.data),
                )
        return uid

    def start_round(self, ctx: Context, fair_code: str, hall: str) -> str:
        """Queue the start of a round; returns its uid."""
        if not hall.strip():
            raise InvalidInput("Say which hall the round covers.")
        uid = patrols.new_uid()
        payload = {"fair_code": fair_code, "hall": hall, "started_at": _iso(ctx.now())}
        return self._add(ctx, ROUND_START, uid, fair_code, f"round start, hall {hall}", payload)

    def record_visit(
        self,
        ctx: Context,
        fair_code: str,
        round_uid: str,
        target: str,
        finding: str,
        notes: str = "",
        photos: list[PhotoInput] | None = None,
        exhibitor_id: int | None = None,
    ) -> str:
        """Queue a visit; returns its uid. The booth is resolved when the server gets it."""
        patrols.check_finding(finding)
        if not target.strip():
            raise InvalidInput("Type a booth number or scan the booth notice's code.")
        uid = patrols.new_uid()
        payload = {
            "round_uid": round_uid,
            "target": target.strip(),
            "finding": finding,
            "notes": notes,
            "visited_at": _iso(ctx.now()),
            "exhibitor_id": exhibitor_id,
        }
        summary = f"{target.strip()}: {patrols.finding_label(finding)}"
        return self._add(ctx, VISIT, uid, fair_code, summary, payload, photos or [])

    def record_recheck(
        self,
        ctx: Context,
        fair_code: str,
        case_number: str,
        result: str,
        notes: str = "",
        photos: list[PhotoInput] | None = None,
        round_uid: str | None = None,
    ) -> str:
        """Queue a re-inspection result; returns the uid of its visit."""
        rechecks.check_result(result)
        uid = patrols.new_uid()
        payload = {
            "case_number": case_number,
            "result": result,
            "notes": notes,
            "round_uid": round_uid,
            "visited_at": _iso(ctx.now()),
        }
        label = v.RECHECK_RESULTS.words(result).en.lower()
        summary = f"re-check {case_number}: {label}"
        return self._add(ctx, RECHECK, uid, fair_code, summary, payload, photos or [])

    def close_round(self, ctx: Context, fair_code: str, round_uid: str) -> str:
        payload = {"ended_at": _iso(ctx.now())}
        return self._add(ctx, ROUND_CLOSE, round_uid, fair_code, "round closed", payload)

    # -- what waits -------------------------------------------------------------------------

    def entries(self, username: str | None = None, status: str | None = None) -> list[Entry]:
        query = (
            "SELECT e.id, e.kind, e.uid, e.username, e.fair_code, e.summary, e.created_at, "
            "e.status, e.attempts, e.last_error, (SELECT count(*) FROM photos p "
            "WHERE p.entry_id = e.id), e.payload FROM entries e WHERE 1 = 1"
        )
        args: list[Any] = []
        if username is not None:
            query += " AND e.username = ?"
            args.append(username)
        if status is not None:
            query += " AND e.status = ?"
            args.append(status)
        with self._connect() as conn:
            rows = conn.execute(query + " ORDER BY e.id", args).fetchall()
        return [
            Entry(
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                r[5],
                _time(r[6]) or datetime.now(UTC),
                r[7],
                r[8],
                r[9],
                r[10],
                payload=_payload(r[11]),
            )
            for r in rows
        ]

    def pending(self, username: str | None = None) -> list[Entry]:
        """Entries not yet on the server: waiting, and failed ones awaiting a decision."""
        return [e for e in self.entries(username) if e.status != SENT]

    def waiting_count(self, username: str | None = None, *, include_failed: bool = True) -> int:
        """How many entries are not on the server yet (refused ones too, unless told)."""
        query = "SELECT count(*) FROM entries WHERE status " + (
            "!= 'sent'" if include_failed else "= 'waiting'"
        )
        args: list[Any] = []
        if username is not None:
            query += " AND username = ?"
            args.append(username)
        with self._connect() as conn:
            return int(conn.execute(query, args).fetchone()[0])

    def pending_findings(self, username: str | None = None) -> list[PendingFinding]:
        """Visits and re-check results not on the server yet, oldest first."""
        query = (
            "SELECT e.uid, e.kind, e.created_at, e.payload, e.status, (SELECT count(*) FROM "
            "photos p WHERE p.entry_id = e.id) FROM entries e WHERE e.status != 'sent' "
            "AND e.kind IN ('visit', 'recheck')"
        )
        args: list[Any] = []
        if username is not None:
            query += " AND e.username = ?"
            args.append(username)
        with self._connect() as conn:
            rows = conn.execute(query + " ORDER BY e.id", args).fetchall()
        out = []
        for uid, kind, created, payload, status, photos in rows:
            p = json.loads(payload)
            at = _time(p.get("visited_at")) or _time(created) or datetime.now(UTC)
            if kind == VISIT:
                what, answer = str(p.get("target", "")), str(p.get("finding", ""))
            else:
                what, answer = str(p.get("case_number", "")), str(p.get("result", ""))
            out.append(
                PendingFinding(uid, kind, at, what, answer, photos, status, p.get("round_uid"))
            )
        return out

    def waiting_cases(self, username: str | None = None) -> set[str]:
        """Case numbers with a re-check result recorded here but not yet on the server."""
        query = "SELECT payload FROM entries WHERE kind = 'recheck' AND status != 'sent'"
        args: list[Any] = []
        if username is not None:
            query += " AND username = ?"
            args.append(username)
        with self._connect() as conn:
            rows = conn.execute(query, args).fetchall()
        return {str(json.loads(r[0]).get("case_number", "")) for r in rows}

    def statuses(self, username: str | None = None) -> dict[str, str]:
        """uid -> status of every entry still in the outbox."""
        return {e.uid: e.status for e in self.entries(username) if e.kind != ROUND_CLOSE}

    def retry(self, entry_id: int) -> None:
        """Put a failed entry back in the queue (after the desk fixed what refused it)."""
        with self._tx() as conn:
            conn.execute(
                "UPDATE entries SET status = 'waiting', last_error = '' WHERE id = ? "
                "AND status = 'failed'",
                (entry_id,),
            )

    def discard(self, entry_id: int) -> None:
        """Drop a failed entry for good (the inspector decided it is wrong)."""
        with self._tx() as conn:
            conn.execute("DELETE FROM entries WHERE id = ? AND status = 'failed'", (entry_id,))

    def forget_sent(self) -> int:
        """Delete entries the server has (their record is there); returns how many."""
        with self._tx() as conn:
            return conn.execute("DELETE FROM entries WHERE status = 'sent'").rowcount

    # -- sending ----------------------------------------------------------------------------

    def _photos(self, entry_id: int) -> list[PhotoInput]:
        with self._connect() as conn:
            rows = conn.execute(
                "SELECT name, data FROM photos WHERE entry_id = ? ORDER BY id", (entry_id,)
            ).fetchall()
        return [PhotoInput(name, bytes(data)) for name, data in rows]

    def _payload(self, entry_id: int) -> dict[str, Any]:
        with self._connect() as conn:
            row = conn.execute("SELECT payload FROM entries WHERE id = ?", (entry_id,)).fetchone()
        result: dict[str, Any] = json.loads(row[0])
        return result

    def _send(self, ctx: Context, entry: Entry) -> bool:
        """Send one entry; True when the server already had it."""
        p = self._payload(entry.id)
        if entry.kind == ROUND_START:
            info = patrols.start_round(
                ctx, p["fair_code"], p["hall"], uid=entry.uid, started_at=_time(p["started_at"])
            )
            return info.duplicate
        if entry.kind == VISIT:
            visit = patrols.record_visit(
                ctx,
                patrols.VisitInput(
                    round_uid=p["round_uid"],
                    target=p["target"],
                    finding=p["finding"],
                    notes=p["notes"],
                    photos=self._photos(entry.id),
                    uid=entry.uid,
                    visited_at=_time(p["visited_at"]),
                    exhibitor_id=p.get("exhibitor_id"),
                ),
            )
            return visit.duplicate
        if entry.kind == RECHECK:
            outcome = rechecks.record_recheck(
                ctx,
                rechecks.RecheckInput(
                    case_number=p["case_number"],
                    result=p["result"],
                    notes=p["notes"],
                    photos=self._photos(entry.id),
                    uid=entry.uid,
                    round_uid=p.get("round_uid"),
                    visited_at=_time(p["visited_at"]),
                ),
            )
            return outcome.duplicate
        if entry.kind == ROUND_CLOSE:
            return patrols.close_round(ctx, entry.uid, ended_at=_time(p["ended_at"])).duplicate
        raise InvalidInput("The outbox holds an entry of unknown kind '{kind}'.", kind=entry.kind)

    def _mark(self, entry: Entry, status: str, error: str = "", duplicate: bool = False) -> None:
        with self._tx() as conn:
            conn.execute(
                "UPDATE entries SET status = ?, attempts = attempts + 1, last_error = ?, "
                "sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END, duplicate = ? "
                "WHERE id = ?",
                (status, error, status, _iso(datetime.now(UTC)), int(duplicate), entry.id),
            )
            if status == SENT:
                conn.execute("DELETE FROM photos WHERE entry_id = ?", (entry.id,))

    def flush(self, ctx: Context) -> FlushReport:
        """Send the signed-in user's waiting entries, oldest first (see the module text)."""
        report = FlushReport()
        with self._flush_lock:
            for entry in self.entries(ctx.actor.username, WAITING):
                try:
                    duplicate = self._send(ctx, entry)
                except StorageError as exc:
                    with self._tx() as conn:
                        conn.execute(
                            "UPDATE entries SET attempts = attempts + 1, last_error = ? "
                            "WHERE id = ?",
                            (str(exc), entry.id),
                        )
                    report.offline = str(exc)
                    break
                except FairDeskError as exc:
                    self._mark(entry, FAILED, str(exc))
                    report.failed.append(
                        replace(
                            entry, status=FAILED, last_error=str(exc), attempts=entry.attempts + 1
                        )
                    )
                    continue
                self._mark(entry, SENT, duplicate=duplicate)
                report.sent += 1
                report.duplicates += int(duplicate)
        report.waiting = self.waiting_count(ctx.actor.username)
        return report
