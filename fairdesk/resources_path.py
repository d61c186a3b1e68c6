"""Find shipped resources (fonts, icons, translations) wherever FairDesk runs from.

The top-level `resources/` folder is installed as the `fairdesk.resources` package; a
frozen build carries it next to the executable; a source checkout (or an editable
install) reads it in place.
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path


def resource_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    source = Path(__file__).resolve().parent.parent / "resources"
    if source.is_dir():
        return source
    return Path(str(resources.files("fairdesk.resources")))


def resource(*parts: str) -> Path:
    path = resource_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"FairDesk resource missing: {'/'.join(parts)} (looked in {path})")
    return path
