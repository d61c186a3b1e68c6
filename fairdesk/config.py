"""Where FairDesk keeps its data, and which database it opens.

Precedence: command-line option, then environment variable, then the platform default
(`platformdirs`), so tests and the demo can point everything at a temporary folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "FairDesk"
DB_FILE = "fairdesk.sqlite3"
ENV_DB = "FAIRDESK_DB"
ENV_DATA_DIR = "FAIRDESK_DATA_DIR"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    chosen = override or os.environ.get(ENV_DATA_DIR) or user_data_dir(APP_NAME, appauthor=False)
    return Path(chosen).expanduser()


def database_url(override: str | None = None, data_dir_override: str | None = None) -> str:
    url = override or os.environ.get(ENV_DB)
    if url:
        return url
    return f"sqlite:///{data_dir(data_dir_override) / DB_FILE}"
