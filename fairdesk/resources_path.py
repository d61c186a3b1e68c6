"""Find shipped resources (fonts, icons, translations) wherever FairDesk runs from.

The top-level `resources/` folder is installed as the `fairdesk.resources` package; a
frozen build carries it next to the executable; a source checkout (or an editable
install) reads it in place.
"""

from __future__ import annotations

import sys
from pathlib import Path


def resource_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    package = Path(__file__).resolve().parent
    installed = package / "resources"  # where the wheel puts the fairdesk.resources package
    if installed.is_dir():
        return installed
    return package.parent / "resources"  # a source checkout or an editable install


def resource(*parts: str) -> Path:
    path = resource_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"FairDesk resource missing: {'/'.join(parts)} (looked in {path})")
    return path
