"""argparse's own texts (usage:, error:, invalid choice, the help's section titles) in the
language of the command: argparse asks gettext's `_` for them, and `in_language` answers
from the app's translation file instead, while the command line is read.

The language has to be known before the command line is read (its errors come while it
is), so `--lang` is looked for by itself first.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from fairdesk.cli_common import speak, translate


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate reads)
    return text


# argparse's messages (Python 3.11 to 3.13), for lupdate to collect.
_ARGPARSE_TEXTS = (
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "options"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("argparse", "show program's version number and exit"),
    QT_TRANSLATE_NOOP("argparse", "%(prog)s: error: %(message)s\n"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "one of the arguments %s is required"),
    QT_TRANSLATE_NOOP("argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at most one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at least one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected %s argument"),
    QT_TRANSLATE_NOOP("argparse", "expected %s arguments"),
    QT_TRANSLATE_NOOP("argparse", "ignored explicit argument %r"),
    QT_TRANSLATE_NOOP("argparse", "unknown parser %(parser_name)r (choices: %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "can't open '%(filename)s': %(error)s"),
)


def wanted_language(argv: Sequence[str]) -> str:
    """The language `--lang` asks for ("en" when none, or one argparse will refuse)."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        else:
            continue
        return value if value in ("zh_CN", "en") else "en"
    return "en"


def _text(message: str) -> str:
    return translate("argparse", message)


def _plural(singular: str, plural: str, n: int) -> str:
    return _text(singular if n == 1 else plural)


@contextmanager
def in_language(argv: Sequence[str]) -> Iterator[str]:
    """While the parser is built and reads `argv`, argparse speaks its language."""
    lang = wanted_language(argv)
    if lang == "en":
        yield lang
        return
    speak(lang)
    before = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _text, _plural  # type: ignore[attr-defined]
    try:
        yield lang
    finally:
        argparse._, argparse.ngettext = before  # type: ignore[attr-defined]
        speak("en")  # the command speaks again once it runs; a refusal here ends the run
