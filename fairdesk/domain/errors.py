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

import re
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


# Letters read with a vowel sound when an initialism starts with them ("an IP complaint").
_VOWEL_SOUND_CAPITALS = "AEFHILMNORSX"
_ARTICLE = re.compile(r"\b([Aa]) \{(\w+)\}")


def _needs_an(word: str) -> bool:
    if word[:2].isupper() and len(word) > 1:  # an initialism: how its letter is read
        return word[0] in _VOWEL_SOUND_CAPITALS
    return word[:1].lower() in "aeio"


def with_articles(template: str, values: dict[str, Any]) -> str:
    """'a {kind}' becomes 'an {kind}' when the English value starts with a vowel sound, so
    that a sentence filled from a table reads "an IP complaint", never "a IP complaint"."""

    def fix(match: re.Match[str]) -> str:
        value = str(values.get(match.group(2), "")).lstrip("'\"")
        if not value or not _needs_an(value):
            return match.group(0)
        return f"{match.group(1)}n {{{match.group(2)}}}"

    return _ARTICLE.sub(fix, template)


def _fill(template: str, params: dict[str, Any]) -> str:
    if not params:
        return template
    values = {k: _english(v) for k, v in params.items()}
    return with_articles(template, values).format(**values)


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
