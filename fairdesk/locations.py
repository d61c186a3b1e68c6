"""Where the database and the data folder are: the command line or the environment chose,
else what was saved in Settings.

Apart from `fairdesk.config` so that config stays free of the settings it is read by, and
apart from `fairdesk.settings` (which loads Qt) so that a command with nothing saved never
loads Qt to learn that.
"""

from __future__ import annotations

import os
from typing import Any

from fairdesk.config import ENV_DATA_DIR, ENV_DB, default_settings_path


def apply_saved_locations(args: Any) -> None:
    """The database and data folder chosen in Settings, unless the command line or the
    environment chose (those win, so tests and scripts stay in control). The app and the
    CLI both call this, so they open the same database and folder."""
    if (args.db is not None or os.environ.get(ENV_DB)) and (
        args.data_dir is not None or os.environ.get(ENV_DATA_DIR)
    ):
        return  # both chosen already: no need to read the settings
    if not default_settings_path().exists():
        return  # nothing saved: the command line does not import Qt to learn that
    from fairdesk.settings import Settings

    db_url, folder = Settings().startup_overrides()
    if args.db is None and not os.environ.get(ENV_DB):
        args.db = db_url
    if args.data_dir is None and not os.environ.get(ENV_DATA_DIR):
        args.data_dir = folder
