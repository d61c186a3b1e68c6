"""Errors a person can read. Services raise these; the CLI shows `str(err)`, the GUI its
translation (`fairdesk.i18n.error_text`).

The message is an English sentence with `{name}` placeholders, and the values come as
keyword arguments, so that the sentence can be looked up in the translation and the values
put back into it:

    raise NotFound("There is no case {number}.", number=number)

A value that is a list or tuple is written as its items joined by commas, a datetime in its
own zone (the screen writes it in the desk's locale); a value that is a
`Phrase` ("Case {number}") is translated with the message. Messages kept in a table until
raised are marked with `translatable(...)` so the translation finds them.
Never pre-format the message (an f-string cannot be translated);
`tests/unit/test_error_messages.py` finds any that are.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any


def translatable(template: str) -> str:
    """Marks a message template kept in a table (raised later) for the translation."""
    return template


def _english(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    if isinstance(value, datetime):  # a moment in the zone it carries, the zone named
        zone = getattr(value.tzinfo, "key", None)
        return f"{value:%Y-%m-%d %H:%M}" + (f" ({zone})" if zone else "")
    return value


def _fill(template: str, params: dict[str, Any]) -> str:
    return template.format(**{k: _english(v) for k, v in params.items()}) if params else template


class Phrase:
    """Part of a message, translated with it: `label=Phrase("Case {number}", number=n)`."""

    def __init__(self, template: str, /, **params: Any) -> None:
        self.template = template
        self.params = params

    def __str__(self) -> str:
        return _fill(self.template, self.params)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


class FairDeskError(Exception):
    """A user or environment error with a message fit to show as it is."""

    def __init__(self, template: str = "", /, **params: Any) -> None:
        self.template = template
        self.params = params
        super().__init__(_fill(template, params))


class NotFound(FairDeskError):
    pass


class PermissionDenied(FairDeskError):
    pass


class IllegalTransition(FairDeskError):
    pass


class MissingRequirement(FairDeskError):
    pass


class InvalidInput(FairDeskError):
    pass


class ConcurrentEdit(FairDeskError):
    """Another desk saved the same record first."""


class StorageError(FairDeskError):
    """The database is unreachable, locked, read-only or full."""
