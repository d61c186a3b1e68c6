"""Files that hold case data or credentials are readable by their owner alone."""

from __future__ import annotations

import os
import stat
from contextlib import suppress
from pathlib import Path

OWNER_ONLY = stat.S_IRUSR | stat.S_IWUSR  # 0600


def owner_only(*paths: Path | str) -> None:
    """chmod 600 whatever of `paths` exists (Windows keeps its own ACLs: no-op there)."""
    if os.name == "nt":
        return
    for path in paths:
        with suppress(FileNotFoundError):
            if stat.S_IMODE(os.stat(path).st_mode) != OWNER_ONLY:
                os.chmod(path, OWNER_ONLY)


def sqlite_family(path: Path) -> list[Path]:
    """The database file and the journals SQLite keeps beside it."""
    return [path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal"))]
