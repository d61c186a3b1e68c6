"""What every command of the `fairdesk` CLI shares: signing in to the database, reading a
password or a line from standard input, and printing rows as a table, CSV or JSON.

The command groups (`cli_*.py`) and `cli.py` itself import from here, never from each
other's entry point, so the command line has no import cycle.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from fairdesk.domain.errors import InvalidInput

ENV_USER = "FAIRDESK_USER"
ENV_PASSWORD = "FAIRDESK_PASSWORD"


def _cell(value: Any, fmt: str) -> Any:
    """Times go out with their zone: ISO 8601 in JSON, wall time and UTC offset elsewhere
    (a reader in another zone must not take a fair's 17:00 for their own)."""
    if isinstance(value, datetime):
        if fmt == "json":
            return value.isoformat(timespec="seconds" if value.second else "minutes")
        return f"{value:%Y-%m-%d %H:%M}{zone_suffix(value)}"
    if isinstance(value, date) and fmt == "json":
        return value.isoformat()
    return value


def zone_suffix(moment: datetime) -> str:
    """' UTC+08:00' for an aware time, '' for a naive one."""
    offset = moment.utcoffset()
    if offset is None:
        return ""
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f" UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def plural(n: int, one: str, many: str = "") -> str:
    """'1 case', '3 cases': the count with the right form of its noun."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def language(args: argparse.Namespace) -> str:
    """The language of the words the CLI prints: English unless --lang says otherwise."""
    return getattr(args, "lang", None) or "en"


# The language `speak` installed: English loads no Qt at all (most commands are English).
_spoken = {"language": "en"}
_locale_before: list[Any] = []


def speak(lang: str) -> None:
    """Print in `lang` from now on: the app's own translation files (and vocabulary), so a
    step, a refusal or a state reads on the command line as on the desk's screen."""
    if lang == _spoken["language"]:
        return
    from PySide6.QtCore import QCoreApplication, QLocale

    from fairdesk.i18n import format_datetime, install_translations, write_moments_as

    app = QCoreApplication.instance() or QCoreApplication([sys.argv[0] if sys.argv else "fairdesk"])
    if _spoken["language"] == "en":
        _locale_before.append(QLocale())  # given back when English is spoken again
    install_translations(app, lang)
    if lang == "en" and _locale_before:
        QLocale.setDefault(_locale_before.pop())
    # A sentence's moments as the tables write them: one date-time format on the CLI.
    write_moments_as(format_datetime if lang == "en" else _moment)
    _spoken["language"] = lang


def _moment(moment: datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M}"


def translate(context: str, text: str) -> str:
    """`text` (English, as written in the code) in the language `speak` installed."""
    if _spoken["language"] == "en":
        return text
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(context, text)


def message(exc: BaseException) -> str:
    """A service's error in the language `speak` installed, as the screens show it."""
    if _spoken["language"] == "en":
        return str(exc)
    from fairdesk.i18n import error_text

    return error_text(exc)


def sentences(said: Sequence[Any], english: str) -> str:
    """A service's sentences (`Phrase`s) in the language `speak` installed."""
    if _spoken["language"] == "en" or not said:
        return english
    from fairdesk.i18n import said_text

    return said_text(said, english)


def words(pair: Any) -> str:
    """A vocabulary entry's words (`Words`: .en, .zh) in the language `speak` installed."""
    return str(pair.in_language(_spoken["language"]))


def print_rows(rows: list[dict[str, Any]], fmt: str, out: Any = None) -> None:
    out = out or sys.stdout
    rows = [{k: _cell(v, fmt) for k, v in r.items()} for r in rows]
    if fmt == "json":
        json.dump(rows, out, ensure_ascii=False, indent=2, default=str)
        out.write("\n")
        return
    if not rows:
        if fmt == "table":
            out.write(translate("CommandLine", "(none)") + "\n")
        return
    headers = list(rows[0])
    if fmt == "csv":
        out.write("\ufeff")  # the byte-order mark Excel needs to read UTF-8
        from fairdesk.exports.safe_cells import csv_cell

        # Cells a spreadsheet would run as a formula are written as text.
        writer = csv.DictWriter(out, headers, lineterminator="\n")
        writer.writeheader()
        writer.writerows({h: "" if r[h] is None else csv_cell(r[h]) for h in headers} for r in rows)
        return
    cells = [[str(r[h]) if r[h] is not None else "" for h in headers] for r in rows]
    titles = [column_title(h) for h in headers]  # words for a person (json keeps the keys)
    widths = [max(_width(h), *(_width(c[i]) for c in cells)) for i, h in enumerate(titles)]
    for line in [titles, ["-" * w for w in widths], *cells]:
        out.write("  ".join(_pad(c, w) for c, w in zip(line, widths, strict=True)).rstrip() + "\n")


def column_title(key: str) -> str:
    """A column's title in the language `speak` installed."""
    from fairdesk.cli_columns import title

    return translate("CommandLine", title(key))


def _width(text: str) -> int:
    # CJK characters take two columns in a terminal.
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def context(args: argparse.Namespace, *, migrate: bool = True) -> Any:
    from fairdesk.app_context import open_context

    ctx = open_context(
        args.db,
        args.data_dir,
        args.user or os.environ.get(ENV_USER),
        migrate=migrate,
        password=lambda name: _ask_password(args, name),
    )
    args.cleanup.callback(ctx.db.dispose)
    return ctx


def reader(args: argparse.Namespace) -> Any:
    """The database, for checking a paper's authenticity: read-only, so no one signs in."""
    from fairdesk.app_context import open_reader

    ctx = open_reader(args.db, args.data_dir)
    args.cleanup.callback(ctx.db.dispose)
    return ctx


def stdin_line(what: str) -> str:
    try:
        line = sys.stdin.readline()
    except (OSError, UnicodeDecodeError):
        line = ""
    if not line:
        raise InvalidInput("No {what} on standard input.", what=what)
    return line.rstrip("\r\n")


def _ask_password(args: argparse.Namespace, username: str) -> str | None:
    if getattr(args, "password_stdin_global", False):
        return stdin_line("password")
    if ENV_PASSWORD in os.environ:
        return os.environ[ENV_PASSWORD]
    if not sys.stdin.isatty():
        return None
    import getpass

    return getpass.getpass(f"Password for {username}: ")
