"""A process for the crash tests to kill: it writes through the real services as fast as it
can and reports each change on stdout only after it committed.

    python -m tests.db.crash_writer complaints URL FAIR USER_ID USERNAME
        registers complaints (one or two respondents), accepting every third one;
        prints each complaint number after its transaction committed
    python -m tests.db.crash_writer backups URL FOLDER DATA_DIR
        makes backups into FOLDER one after the other; prints each finished archive

It prints "ready" once it is about to start writing, so the test can time its kill.
"""

from __future__ import annotations

import os
import sys
from itertools import count
from pathlib import Path

from fairdesk.db.engine import Database
from fairdesk.domain.enums import Role
from fairdesk.services.context import Actor, Context


def complaints(url: str, fair: str, user_id: str, username: str) -> None:
    from fairdesk.services.casework.steps import act_on_complaint
    from fairdesk.services.intake.intake import register_complaint
    from tests.helpers import complaint_input

    ctx = Context(Database(url), Actor(int(user_id), username, Role.DESK))
    print("ready", flush=True)
    for i in count():
        booths = ("4.1A01", "4.1A02") if i % 2 else (f"4.1A0{1 + i % 3}",)
        number = register_complaint(ctx, fair, complaint_input(*booths)).number
        sys.stdout.write(number + "\n")
        sys.stdout.flush()
        if i % 3 == 2:
            act_on_complaint(ctx, number, "accept")


def backups(url: str, folder: str, data_dir: str) -> None:
    from fairdesk.services.trust.backup import backup

    ctx = Context(Database(url), Actor(None, "admin", Role.ADMIN))
    print("ready", flush=True)
    for i in count():
        name = f"backup-{os.getpid()}-{i:04d}.zip"
        info = backup(ctx, Path(folder) / name, data_folder=Path(data_dir))
        sys.stdout.write(f"{info.path}\n")
        sys.stdout.flush()


if __name__ == "__main__":
    mode, *rest = sys.argv[1:]
    {"complaints": complaints, "backups": backups}[mode](*rest)
