"""Which language the desk speaks: Qt Linguist translators, the locale for dates and numbers.

English is the source language of every screen string (`self.tr`, `QT_TRANSLATE_NOOP`);
Chinese comes from `resources/translations/fairdesk_zh_CN.qm`, built from the `.ts` file
that `scripts/update_translations.py` keeps in step with the code. Qt's own strings
(standard buttons, file dialogs) come from Qt's `qtbase_<lang>.qm` when it can be found.

The language is, in order: `--lang`, the LANGUAGE setting, the system's language (Chinese
for any Chinese system locale, English otherwise).

    install_translations(app)            # at start, before any window is built
    format_datetime(moment)              # "2026/11/5 09:30" or "11/5/2026 9:30 AM"
    error_text(exc)                      # a service's error message, translated

The services speak English: an error carries its sentence as a template and the values
apart (`fairdesk.domain.errors`), so a screen looks the sentence up in the "FairDeskError"
context of the translation and puts the values back. Values that are words the domain
names (a step, a field, a role), fragments marked `translatable`, and errors quoted inside
an error are looked up in the same context; a code given as a `vocabulary.Term` (or a
state's bare code) shows the vocabulary's words in the desk's language.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLibraryInfo,
    QLocale,
    QTime,
    QTranslator,
)

from fairdesk.domain import vocabulary
from fairdesk.domain.errors import FairDeskError, Phrase, with_articles
from fairdesk.domain.vocabulary import Term, Words
from fairdesk.domain.zones import zone_words
from fairdesk.resources_path import resource_dir

__all__ = [
    "LANGUAGE_NAMES",
    "SUPPORTED",
    "Installed",
    "current_language",
    "domain_word",
    "ensure_chinese_font",
    "error_text",
    "format_date",
    "format_datetime",
    "format_day_time",
    "format_number",
    "format_time",
    "weekday_name",
    "install_translations",
    "locale_for",
    "qt_translation_dirs",
    "resolve_language",
    "translation_file",
]

SUPPORTED = ("zh_CN", "en")
# Each language's own name for itself (what a person looks for in a language menu).
LANGUAGE_NAMES = {"zh_CN": "中文（简体）", "en": "English"}
CATALOG = "fairdesk"
ERROR_CONTEXT = "FairDeskError"
# States' codes, as older messages still pass them, to the vocabulary's words.
_STATES: dict[str, Words] = {**vocabulary.COMPLAINT_STATES, **vocabulary.CASE_STATES}

# Kept alive while installed: QCoreApplication does not own a translator.
_installed: list[QTranslator] = []
_current = {"language": "en"}


@dataclass(frozen=True)
class Installed:
    """What `install_translations` did: the language and the .qm files it loaded."""

    language: str
    files: tuple[Path, ...] = ()
    missing: tuple[str, ...] = field(default=())


def resolve_language(choice: str | None, system: QLocale | None = None) -> str:
    """ "zh_CN" or "en" for a choice of "zh_CN", "en", "system", None or a locale name."""
    text = (choice or "system").strip().replace("-", "_")
    if text in SUPPORTED:
        return text
    if text == "system":
        locale = system if system is not None else QLocale.system()
        return "zh_CN" if locale.language() == QLocale.Language.Chinese else "en"
    return "zh_CN" if text.lower().startswith("zh") else "en"


def locale_for(language: str, system: QLocale | None = None) -> QLocale:
    """The locale for dates and numbers: the system's when it speaks `language` (an English
    desk in Britain writes 5/11/2026), else that language's usual one."""
    locale = system if system is not None else QLocale.system()
    wanted = QLocale.Language.Chinese if language == "zh_CN" else QLocale.Language.English
    if locale.language() == wanted:
        return locale
    if language == "zh_CN":
        return QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def current_language() -> str:
    """The language installed last ("en" before any)."""
    return _current["language"]


def translation_file(language: str) -> Path:
    """The shipped .qm file of FairDesk's own strings (it may not exist for English)."""
    return resource_dir() / "translations" / f"{CATALOG}_{language}.qm"


def qt_translation_dirs() -> list[Path]:
    """Where Qt's own translations may be: Qt's folder (a frozen build carries it under
    PySide6/Qt/translations), then a copy beside ours."""
    found = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    found.append(resource_dir() / "translations" / "qt")
    return [p for p in found if str(p) not in ("", ".")]


def _settings_language() -> str:
    from fairdesk.settings import LANGUAGE, Settings

    return Settings().get(LANGUAGE)


def install_translations(
    app: QCoreApplication | None = None,
    language: str | None = None,
    *,
    system: QLocale | None = None,
) -> Installed:
    """Install the translators for `language` (None: the LANGUAGE setting), replacing any
    installed before, and make its locale the default for dates and numbers."""
    app = app or QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_translations needs a QCoreApplication")
    chosen = resolve_language(language if language else _settings_language(), system)
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(locale_for(chosen, system))
    _current["language"] = chosen
    files: list[Path] = []
    missing: list[str] = []
    # Exhibitors' and parties' names are Chinese (Korean, Thai...) on an English desk too.
    ensure_chinese_font()
    if chosen != "en":  # English is the source language: nothing to load for it
        for directory in qt_translation_dirs():
            qt_file = directory / f"qtbase_{chosen}.qm"
            if qt_file.is_file() and _load(app, qt_file):
                files.append(qt_file)
                break
        else:
            missing.append(f"qtbase_{chosen}.qm")
        ours = translation_file(chosen)
        if ours.is_file() and _load(app, ours):
            files.append(ours)
        else:
            missing.append(ours.name)
    return Installed(chosen, tuple(files), tuple(missing))


def ensure_chinese_font() -> bool:
    """On a system with no Chinese font (a bare Linux desk), make the CJK font FairDesk
    ships for its documents available to the screens; True when one is there now."""
    from PySide6.QtGui import QFontDatabase, QGuiApplication

    if not isinstance(QGuiApplication.instance(), QGuiApplication):
        return False  # fonts need a GUI application (the command line has a core one, or none)
    system = QFontDatabase.WritingSystem
    # Korean and Thai exhibitor names need a face on screen too (Qt falls back by script).
    for writing, name in ((system.Korean, "NanumGothic.ttf"), (system.Thai, "Loma.ttf")):
        extra = resource_dir() / "fonts" / name
        if not QFontDatabase.families(writing) and extra.is_file():
            QFontDatabase.addApplicationFont(str(extra))
    if QFontDatabase.families(system.SimplifiedChinese):
        return True
    font = resource_dir() / "fonts" / "DroidSansFallbackFull.ttf"
    return font.is_file() and QFontDatabase.addApplicationFont(str(font)) >= 0


def _load(app: QCoreApplication, path: Path) -> bool:
    translator = QTranslator(app)
    if not translator.load(str(path)):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True


# -- dates and numbers in the desk's locale -------------------------------------------------


ISO_DATE = "yyyy-MM-dd"
ISO_TIME = "HH:mm"


def _month_first(fmt: str) -> bool:
    month, day = fmt.find("M"), fmt.find("d")
    return 0 <= month < day and not fmt.startswith("y")


def _date_format(locale: QLocale) -> str:
    """The locale's short date with a four-digit year (short formats say "26" in English).
    A month-first order (US: 12/7/2026) reads as 12 July to most of a fair's visitors, so
    it becomes ISO 8601 (2026-12-07)."""
    fmt = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if _month_first(fmt):
        return ISO_DATE
    if "yyyy" not in fmt:
        fmt = fmt.replace("yy", "yyyy")
    return fmt


def format_date(day: date, locale: QLocale | None = None) -> str:
    locale = locale or QLocale()
    return locale.toString(QDate(day.year, day.month, day.day), _date_format(locale))


def _time_format(locale: QLocale, seconds: bool) -> str:
    fmt = locale.timeFormat(QLocale.FormatType.ShortFormat)
    if "ap" in fmt.lower() or _month_first(locale.dateFormat(QLocale.FormatType.ShortFormat)):
        fmt = ISO_TIME  # a 24-hour clock, as on the fair's own schedule
    if seconds and "ss" not in fmt:
        fmt = re.sub(r"(mm)", r"\1:ss", fmt, count=1)
    return fmt


def format_time(
    moment: time | datetime, locale: QLocale | None = None, *, seconds: bool = False
) -> str:
    locale = locale or QLocale()
    value = QTime(moment.hour, moment.minute, moment.second)
    return locale.toString(value, _time_format(locale, seconds))


def format_datetime(
    moment: datetime, locale: QLocale | None = None, *, seconds: bool = False
) -> str:
    """A moment as the locale writes it, in the time zone `moment` carries."""
    locale = locale or QLocale()
    return f"{format_date(moment.date(), locale)} {format_time(moment, locale, seconds=seconds)}"


def weekday_name(day: date, locale: QLocale | None = None) -> str:
    """The day of the week as the locale names it: "Thursday", "星期四"."""
    locale = locale or QLocale()
    return locale.dayName(day.isoweekday(), QLocale.FormatType.LongFormat)


def format_day_time(moment: datetime, locale: QLocale | None = None) -> str:
    """Day, month and time without the year, for narrow columns of one fair's week:
    "11/5 09:30" (zh_CN), "11-05 09:30" (en_US, never month-first), "05.11. 09:30" (de)."""
    locale = locale or QLocale()
    fmt = _date_format(locale)
    # Drop the year and the separator that joins it to the day or month.
    day_month = re.sub(r"^y+[^dMy]*|[^dMy]*y+$", "", fmt).strip() or fmt
    if fmt == ISO_DATE:
        day_month = "MM-dd"
    day = locale.toString(QDate(moment.year, moment.month, moment.day), day_month)
    return f"{day} {format_time(moment, locale)}"


def format_number(value: float, decimals: int = 0, locale: QLocale | None = None) -> str:
    """Thousands grouped as the locale groups them: 12,345 · 12,345.5."""
    locale = locale or QLocale()
    if decimals == 0:
        return locale.toString(round(value))
    return locale.toString(float(value), "f", decimals)


# -- the services' error messages -------------------------------------------------------------


def pick(zh: str, en: str) -> str:
    """One of the domain's word pairs (Chinese, English) in the desk's language."""
    return zh if zh and current_language() == "zh_CN" else en


def domain_word(text: str) -> str:
    """A word the domain names in English (a role, a state, a step's requirement) in the
    desk's language, as error messages show it."""
    return QCoreApplication.translate(ERROR_CONTEXT, text) if text else text


# How a sentence writes a moment's date and time: the locale's way on the screens; the
# command line writes it as its tables do, so all it prints has one format.
_moment_style: dict[str, Callable[[datetime], str]] = {"format": format_datetime}


def write_moments_as(style: Callable[[datetime], str]) -> None:
    _moment_style["format"] = style


def _term(value: object) -> object:
    if isinstance(value, FairDeskError | Phrase):  # a part translated with the message
        return _translated(value.template, value.params)
    if isinstance(value, Term):  # a code: its words in the desk's language
        return value.words.in_language(current_language())
    if isinstance(value, str):
        state = _STATES.get(value)  # a state's code passed bare: its words, never the code
        if state is not None:
            return state.in_language(current_language())
        return domain_word(value)
    if isinstance(value, datetime):
        zone = getattr(value.tzinfo, "key", None)
        if not zone:
            return _moment_style["format"](value)
        named = zone_words(zone, value).in_language(current_language())
        return _moment_style["format"](value) + (
            f"（{named}）" if current_language() == "zh_CN" else f" ({named})"
        )
    if isinstance(value, list | tuple):  # joined by commas in English
        return QCoreApplication.translate(ERROR_CONTEXT, ", ").join(str(_term(v)) for v in value)
    return value


def said_text(said: Sequence[Phrase], english: str) -> str:
    """A service's sentences (e.g. a document check's verdict) in the desk's language;
    `english` when it gave none."""
    if not said:
        return english
    gap = "" if current_language() == "zh_CN" else " "  # Chinese sentences run on
    return gap.join(_translated(p.template, p.params) for p in said)


def error_text(exc: BaseException) -> str:
    """What to show for `exc`: a FairDesk error's sentence in the desk's language (English
    when it has no translation), anything else as Python words it."""
    if not isinstance(exc, FairDeskError) or not exc.template:
        return str(exc)
    return _translated(exc.template, exc.params)


# Placeholders whose values are names a person typed or the system gave (a user, a fair's
# code, a case number, a file): shown as they are, never looked up as the app's own words,
# so a user called "admin" stays "admin" in Chinese.
NAME_PLACEHOLDERS = frozenset(
    {"name", "username", "user", "number", "file", "path", "folder", "code", "fair",
     "fair_code", "case", "booth", "uid", "event_id", "archive", "manifest", "stem", "ext"}
)


def _translated(template: str, params: dict[str, object]) -> str:
    translated = QCoreApplication.translate(ERROR_CONTEXT, template)
    if not params:
        return translated
    values = {
        k: v if k in NAME_PLACEHOLDERS and isinstance(v, str) else _term(v)
        for k, v in params.items()
    }
    if translated == template:  # English: "an IP complaint"
        translated = with_articles(template, values)
    try:
        text = translated.format(**values)
        # No space after a full-width bracket ("（北京时间 UTC+8） 送达"): Chinese runs on.
        return text.replace("） ", "）") if current_language() == "zh_CN" else text
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        return str(Phrase(template, **params))
