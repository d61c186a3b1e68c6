"""Where FairDesk keeps its data, and which database it opens.

Precedence: command-line option, then environment variable, then the folder chosen in
Settings, then the platform default (`platformdirs`), so tests and the demo can point
everything at a temporary folder. The app and the CLI decide once at start and call
`use_data_dir()`; from then on every part that keeps files (backups, the inspector's
outbox, logs, evidence, floor plans, About) gets that folder from `data_dir()`.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir

APP_NAME = "FairDesk"
DB_FILE = "fairdesk.sqlite3"
ENV_DB = "FAIRDESK_DB"
ENV_DATA_DIR = "FAIRDESK_DATA_DIR"
ENV_SETTINGS = "FAIRDESK_SETTINGS"
SETTINGS_FILE = "settings.ini"


_chosen: Path | None = None


def use_data_dir(folder: str | os.PathLike[str] | None) -> Path | None:
    """Make `folder` this process's data folder (None: back to the environment/default)."""
    global _chosen
    _chosen = Path(folder).expanduser() if folder else None
    return _chosen


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    if override:
        return Path(override).expanduser()
    if _chosen is not None:
        return _chosen
    chosen = os.environ.get(ENV_DATA_DIR) or user_data_dir(APP_NAME, appauthor=False)
    return Path(chosen).expanduser()


def database_url(override: str | None = None, data_dir_override: str | None = None) -> str:
    url = override or os.environ.get(ENV_DB)
    if url:
        return url
    return f"sqlite:///{data_dir(data_dir_override) / DB_FILE}"


_settings_folder: Path | None = None


def keep_settings_in(folder: str | os.PathLike[str] | None) -> None:
    """A data folder given on the command line keeps this run's preferences too (the last
    import folder, saved views): nothing is written outside the folder chosen. None: the
    user's configuration folder again."""
    global _settings_folder
    _settings_folder = Path(folder).expanduser() if folder else None


def default_settings_path() -> Path:
    """The settings file (here, not in `fairdesk.settings`, which imports Qt)."""
    override = os.environ.get(ENV_SETTINGS)
    if override:
        return Path(override).expanduser()
    if _settings_folder is not None:
        return _settings_folder / SETTINGS_FILE
    return Path(user_config_dir(APP_NAME, appauthor=False)) / SETTINGS_FILE
