"""The desk's preferences, declared once with their type and default.

Only preferences live here (language, where the data is, which fair was open last, saved
list views); case data lives in the database, never in settings. Values are stored as
plain QSettings values (text, numbers, true/false) in an INI file, so what is stored reads
the same on every platform and can be checked by eye. The file sits in the user's
configuration folder (platformdirs), or where FAIRDESK_SETTINGS points.

    settings = Settings()               # the user's settings
    settings.get(LANGUAGE)              # -> "system" until changed
    settings.set(LAST_FAIR, "CIIE2026")
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QSettings

from fairdesk.config import ENV_SETTINGS, default_settings_path
from fairdesk.db.files import owner_only

__all__ = [
    "ALL_SETTINGS",
    "DATABASE_URL",
    "DATA_DIR",
    "ENV_SETTINGS",
    "LANGUAGE",
    "LANGUAGES",
    "LAST_FAIR",
    "LAST_IMPORT_DIR",
    "SAVED_VIEWS",
    "SEARCH_DELAY_MS",
    "Setting",
    "Settings",
    "default_settings_path",
]


T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One preference: its key in the file, type, default and (optionally) allowed values."""

    key: str
    type: type
    default: T
    description: str
    choices: tuple[T, ...] = ()
    check: Callable[[T], str | None] | None = field(default=None, compare=False)

    def validate(self, value: object) -> T:
        """`value` if it is of this setting's type and allowed, else ValueError."""
        ok = isinstance(value, self.type) and not (
            self.type is not bool and isinstance(value, bool)
        )
        if self.type is float and isinstance(value, int) and not isinstance(value, bool):
            value, ok = float(value), True
        if not ok:
            raise ValueError(f"Setting '{self.key}' takes a {self.type.__name__}, got {value!r}.")
        if self.choices and value not in self.choices:
            allowed = ", ".join(repr(c) for c in self.choices)
            raise ValueError(f"Setting '{self.key}' must be one of {allowed}, got {value!r}.")
        if self.check is not None:
            problem = self.check(value)  # type: ignore[arg-type]
            if problem:
                raise ValueError(f"Setting '{self.key}': {problem}")
        return value  # type: ignore[return-value]


def _saved_views_problem(value: list[Any]) -> str | None:
    for view in value:
        if not isinstance(view, dict) or not isinstance(view.get("name"), str):
            return "each saved view is a mapping with at least a 'name'."
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        return "saved views must hold plain values (text, numbers, lists)."
    return None


LANGUAGES = ("system", "zh_CN", "en")

LANGUAGE: Setting[str] = Setting(
    "ui/language",
    str,
    "system",
    "Language of the desk: the system's, Chinese or English (applies at the next start).",
    choices=LANGUAGES,
)
DATA_DIR: Setting[str] = Setting(
    "storage/data_dir",
    str,
    "",
    "Folder for the database file, documents and logs; empty means the platform default.",
)
DATABASE_URL: Setting[str] = Setting(
    "storage/database_url",
    str,
    "",
    "Database to open; empty means the SQLite file in the data folder.",
)
LAST_FAIR: Setting[str] = Setting(
    "session/last_fair", str, "", "Code of the fair that was open when the desk last closed."
)
LAST_IMPORT_DIR: Setting[str] = Setting(
    "session/last_import_dir", str, "", "Folder of the last exhibitor list imported."
)
SEARCH_DELAY_MS: Setting[int] = Setting(
    "ui/search_delay_ms",
    int,
    150,
    "Pause in typing (milliseconds) before search-as-you-type queries the list.",
    check=lambda v: None if 0 <= v <= 5000 else "between 0 and 5000 ms.",
)
SAVED_VIEWS: Setting[list[Any]] = Setting(
    "lists/saved_views",
    list,
    [],
    'Named filters of the case list, e.g. {"name": "My defences due in 2 h", ...}; '
    "stored as JSON text.",
    check=_saved_views_problem,
)

ALL_SETTINGS: tuple[Setting[Any], ...] = (
    LANGUAGE,
    DATA_DIR,
    DATABASE_URL,
    LAST_FAIR,
    LAST_IMPORT_DIR,
    SEARCH_DELAY_MS,
    SAVED_VIEWS,
)


_TRUE = {"true", "1", "yes", "on"}
_FALSE = {"false", "0", "no", "off", ""}


def _from_stored(setting: Setting[T], raw: object) -> T:
    """What QSettings gives back (INI files return text) as the setting's type."""
    kind = setting.type
    value: object
    if kind is list:
        value = json.loads(raw) if isinstance(raw, str) else raw
    elif kind is bool:
        if isinstance(raw, bool):
            value = raw
        elif str(raw).strip().lower() in _TRUE | _FALSE:
            value = str(raw).strip().lower() in _TRUE
        else:
            raise ValueError(raw)
    elif kind is int:
        value = int(str(raw).strip())
    elif kind is float:
        value = float(str(raw).strip())
    elif kind is str:
        if not isinstance(raw, str):
            # A lone comma-free text always comes back as str; anything else was not ours.
            raise ValueError(raw)
        value = raw
    else:  # pragma: no cover - every declared type is handled above
        raise TypeError(kind)
    return setting.validate(value)


def _to_stored(setting: Setting[T], value: T) -> str | int | float | bool:
    if setting.type is list:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    assert isinstance(value, str | int | float | bool)
    return value


class Settings:
    """A thin typed wrapper over one QSettings INI file."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else default_settings_path()
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)
        self._qs.setFallbacksEnabled(False)

    def get(self, setting: Setting[T]) -> T:
        """The stored value, or the default when none is stored or it is unreadable."""
        if not self._qs.contains(setting.key):
            return _copy(setting.default)
        try:
            return _from_stored(setting, self._qs.value(setting.key))
        except (ValueError, TypeError):
            return _copy(setting.default)

    def set(self, setting: Setting[T], value: T) -> None:
        checked = setting.validate(value)
        self._qs.setValue(setting.key, _to_stored(setting, checked))
        # Written now, owner-only (Qt would write it later, readable by all). A failure is
        # for the Settings dialog's own sync() to report; a remembered folder can wait.
        with contextlib.suppress(OSError):
            self.sync()

    def reset(self, setting: Setting[Any]) -> None:
        self._qs.remove(setting.key)

    def is_set(self, setting: Setting[Any]) -> bool:
        return bool(self._qs.contains(setting.key))

    def sync(self) -> None:
        """Write to disk now; raises OSError when the file cannot be written."""
        self._qs.sync()
        owner_only(self.path)  # it may hold a database URL with its password
        if self._qs.status() != QSettings.Status.NoError:
            raise OSError(f"Could not save the settings to {self.path} ({self._qs.status().name}).")

    def items(self) -> Iterator[tuple[Setting[Any], Any]]:
        for setting in ALL_SETTINGS:
            yield setting, self.get(setting)

    # -- where FairDesk's data is ----------------------------------------------------------
    def startup_overrides(self) -> tuple[str | None, str | None]:
        """(database URL, data folder) to open when neither the command line nor the
        environment chose one; None for "use the default"."""
        return self.get(DATABASE_URL) or None, self.get(DATA_DIR) or None


def _copy(value: T) -> T:
    # A list default must not be shared between callers that append to it.
    return list(value) if isinstance(value, list) else value  # type: ignore[return-value]
