"""`fairdesk backup` and `fairdesk restore` (wired into `fairdesk.cli`).

fairdesk backup [-o FILE|FOLDER]     default: <data folder>/backups/fairdesk-<time>.zip
fairdesk restore FILE [--yes]        asks first on a terminal; says what it kept aside
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fairdesk.cli_common import context
from fairdesk.config import data_dir, database_url
from fairdesk.domain.errors import InvalidInput, StorageError


def add_parsers(sub: Any) -> None:
    """Add the `backup` and `restore` commands to `fairdesk`'s subparsers."""
    b = sub.add_parser(
        "backup",
        help="back up the database and the evidence files into one archive",
        description="Back up the database (SQLite: an online copy; PostgreSQL: pg_dump) and "
        "the evidence files into one zip archive with a manifest of SHA-256 hashes. Safe "
        "while other desks keep working.",
    )
    b.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="the archive to write, or a folder for it (default: the data folder's backups/); "
        "an existing file is never overwritten",
    )
    r = sub.add_parser(
        "restore",
        help="replace the database with a backup (keeps a copy of what it replaces)",
        description="Check a backup archive completely, keep a copy of the database and "
        "evidence folder it replaces, put the backup in their place and bring its schema up "
        "to date. A damaged or foreign archive is refused and nothing is changed.",
    )
    r.add_argument("file", type=Path, metavar="FILE")
    r.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    r.add_argument(
        "--foreign",
        action="store_true",
        help="accept a backup not signed by this installation (another installation's, or "
        "unsigned); the database it replaces is kept aside as always",
    )


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} bytes"
    value = n / 1024
    for unit in ("KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            break
        value /= 1024
    return f"{value:.1f} {unit}"


def cmd_backup(args: argparse.Namespace) -> int:
    from fairdesk.services.trust.backup import backup

    ctx = context(args)
    info = backup(ctx, args.output, progress=_say, data_folder=data_dir(args.data_dir))
    m = info.manifest
    print(f"backup written: {info.path}")
    print(
        f"  {_size(info.size)} in {info.seconds:.1f} s: {m.database_kind} database "
        f"({_size(m.database_size)}, schema {m.schema_revision}), "
        f"{m.evidence_files} evidence files"
    )
    return 0


def _restorer(args: argparse.Namespace, url: str) -> Any:
    """The signed-in admin's context; the bare URL when there is no usable SQLite database
    to sign in to (missing or damaged: whoever may replace the file may restore it)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import DBAPIError

    from fairdesk.services.trust.backup import sqlite_file

    sqlite = make_url(url).get_backend_name() == "sqlite"
    if sqlite:
        path = sqlite_file(url)
        if not path.exists() or path.stat().st_size == 0:
            return url
    try:
        return context(args, migrate=False)
    except (StorageError, DBAPIError) as exc:
        if not sqlite:
            raise
        _say(f"note: the current database cannot be opened ({exc}); restoring over it.")
        return url


def _confirm(args: argparse.Namespace, where: str) -> Callable[[Any], bool]:
    def confirm(manifest: Any) -> bool:
        created = manifest.created_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        print(
            f"{args.file.name}: a backup of {manifest.source or 'a FairDesk database'} made "
            f"{created} by FairDesk {manifest.app_version} (schema {manifest.schema_revision}, "
            f"{manifest.evidence_files} evidence files); the archive is intact."
        )
        also = " and the evidence folder" if manifest.evidence_files else ""
        print(f"Restoring replaces the database {where}{also}.")
        if args.yes:
            return True
        if not sys.stdin.isatty():
            raise InvalidInput(
                "Restoring replaces the database; run again with --yes to confirm. "
                "Nothing was changed."
            )
        answer = input("Replace them with this backup? [y/N] ")
        return answer.strip().lower() in ("y", "yes")

    return confirm


def cmd_restore(args: argparse.Namespace) -> int:
    from sqlalchemy.engine import make_url

    from fairdesk.services.trust.backup import restore

    url = database_url(args.db, args.data_dir)
    parsed = make_url(url)
    where = (
        parsed.database or ""
        if parsed.get_backend_name() == "sqlite"
        else f"{parsed.host or 'localhost'}:{parsed.port or 5432}/{parsed.database}"
    )
    info = restore(
        _restorer(args, url),
        args.file,
        target_url=url,
        data_folder=data_dir(args.data_dir),
        progress=_say,
        confirm=_confirm(args, where),
        foreign=args.foreign,
    )
    print(f"restored {args.file.name} into {info.target} (schema now {info.schema_revision})")
    if info.seal != "ours":
        origin = f"signed under root key {info.seal_root}" if info.seal_root else "unsigned"
        print(f"foreign backup ({origin}): it replaced this installation's database")
    if info.kept_database:
        print(f"kept aside: the database as it was: {info.kept_database}")
    else:
        print("kept aside: nothing (there was no database to replace)")
    if info.kept_evidence:
        print(f"kept aside: the evidence folder as it was: {info.kept_evidence}")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "backup": cmd_backup,
    "restore": cmd_restore,
}
