"""Normalised keys for booth numbers, company names and exhibitor identity.

Pure functions, standard library only. Organisers type booth numbers and company names by
hand in Chinese input methods, so full-width characters, stray spaces and dash look-alikes
are the norm, and the same company appears as "Co., Ltd." in one list and "CO LTD" in the
next.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
import unicodedata
from collections.abc import Callable

__all__ = [
    "IDENTITY_MAX_CHARS",
    "clean_text",
    "exhibitor_identity",
    "hall_from_booth",
    "has_cjk",
    "legal_forms",
    "name_identity_key",
    "normalize_booth",
    "normalize_credit_code",
    "normalize_hall",
    "normalize_name",
    "tighten",
]

# Dash look-alikes that survive NFKC (NFKC already folds －, ﹣ and ｰ into -, - and ー).
_DASHES = (
    "\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u2e3a\u2e3b\u30fc\ufe58\ufe63\uff0d\uff70"
)
# Chinese input methods produce the ideographic full stop for "8.1".
_BOOTH_TABLE = str.maketrans({**dict.fromkeys(_DASHES, "-"), "\u3002": ".", "\uff61": "."})

# At most 3 digits: "2024A01" is not hall 2024.
_HALL_IN_BOOTH = re.compile(r"([0-9]{1,3}(?:\.[0-9]{1,2})?)[A-Z]")
_HALL_NUMBER = re.compile(r"(?:HALL)?([0-9]+(?:\.[0-9]+)?)(?:H|号馆|展馆|馆)?")

_MIDNIGHT = _dt.time(0, 0)


def _is_cjk(ch: str) -> bool:
    """Han, kana, Hangul and bopomofo: scripts that are not an "English" name."""
    cp = ord(ch)
    return (
        0x4E00 <= cp <= 0x9FFF  # CJK unified ideographs
        or 0x3400 <= cp <= 0x4DBF  # extension A
        or 0x20000 <= cp <= 0x3FFFF  # extensions B and later
        or 0xF900 <= cp <= 0xFAFF  # compatibility ideographs
        or 0x3040 <= cp <= 0x30FF  # hiragana, katakana
        or 0x3100 <= cp <= 0x312F  # bopomofo
        or 0xAC00 <= cp <= 0xD7AF  # Hangul syllables
        or 0x1100 <= cp <= 0x11FF  # Hangul jamo
    )


def has_cjk(text: str) -> bool:
    """True when `text` contains a Chinese, Japanese or Korean character."""
    return any(_is_cjk(ch) for ch in text)


class _CharFilter(dict[int, int | None]):
    """str.translate table keeping or deleting each character by a Unicode test.

    Filled lazily, so the per-character Python test runs once per distinct character and
    large files are filtered at C speed.
    """

    def __init__(self, keep: Callable[[str], bool]) -> None:
        super().__init__()
        self._keep = keep

    def __missing__(self, cp: int) -> int | None:
        value = cp if self._keep(chr(cp)) else None
        self[cp] = value
        return value


_NO_FORMAT_CHARS = _CharFilter(lambda ch: unicodedata.category(ch) not in ("Cc", "Cf"))
# Letters, digits and marks only: drops punctuation, symbols, spaces and controls.
_KEY_CHARS = _CharFilter(lambda ch: unicodedata.category(ch)[0] in "LNM")
# Controls that are not whitespace (NUL, ESC, ...) and invisible characters that come with
# copy-paste from web pages are dropped; ZWJ stays, as part of emoji and some scripts.
_CELL_CHARS = _CharFilter(
    lambda ch: (
        ch not in "\u00ad\u200b\u2060\ufeff" and (ch.isspace() or unicodedata.category(ch) != "Cc")
    )
)


def _strip_format_chars(text: str) -> str:
    return text.translate(_NO_FORMAT_CHARS)


def normalize_booth(text: str) -> str:
    """Canonical booth number: "８.１ｈ８－４２ " -> "8.1H8-42", "8.1 h 8-42" -> "8.1H8-42"."""
    s = unicodedata.normalize("NFKC", text)
    s = _strip_format_chars("".join(s.split()))
    return s.translate(_BOOTH_TABLE).upper()


def hall_from_booth(booth: str) -> str:
    """Hall number that prefixes a booth number: "8.1H8-42" -> "8.1", "4A01" -> "4", else ""."""
    m = _HALL_IN_BOOTH.match(normalize_booth(booth))
    return m.group(1) if m else ""


def normalize_hall(text: str) -> str:
    """Canonical hall: "Hall 8.1", "8.1号馆", "８．１" and "8.1H" -> "8.1"; "N1" stays "N1"."""
    s = normalize_booth(text)
    m = _HALL_NUMBER.fullmatch(s)
    return m.group(1) if m else s


# --- company names -------------------------------------------------------------------------

# (canonical code, pattern). Codes keep "Ltd." and "Limited" together but "Co., Ltd." apart
# from "Ltd.", because distinct exhibitors in the same list differ only by legal form.
_CJK_FORMS: tuple[tuple[str, str], ...] = (
    ("股份有限公司", "股份有限公司"),
    ("有限公司", "有限责任公司"),
    ("有限公司", "有限公司"),
    ("集团", "集团"),
)


def _abbr(letters: str) -> str:
    """Pattern for a dotted abbreviation: "sa" matches "sa", "s.a.", "S. A."."""
    return r"\.?\s*".join(re.escape(c) for c in letters) + r"\.?"


_LATIN_FORMS: tuple[tuple[str, str], ...] = (
    ("ltd", r"ltd|limited"),
    ("co", r"co|company"),
    ("inc", r"inc|incorporated"),
    ("corp", r"corp|corporation"),
    ("group", r"group"),  # the English counterpart of 集团
    ("gmbh", r"gmbh"),
    ("sarl", _abbr("sarl")),
    ("sas", _abbr("sas")),
    ("spa", _abbr("spa")),
    ("srl", _abbr("srl")),
    ("sa", _abbr("sa")),
    ("ag", _abbr("ag")),
    ("kk", _abbr("kk")),
    ("pty", r"pty"),
    ("pte", r"pte"),
    ("llc", _abbr("llc")),
    ("plc", _abbr("plc")),
    ("bv", _abbr("bv")),
    ("nv", _abbr("nv")),
    ("oy", r"oy"),
    ("ab", r"ab"),
    ("as", r"a\s*/\s*s|" + _abbr("as")),
)

_TRAILING = r"[\W_]*$"
_CJK_FORM_RE = re.compile(
    "(?:" + "|".join(f"(?P<c{i}>{pat})" for i, (_, pat) in enumerate(_CJK_FORMS)) + ")" + _TRAILING
)
# The look-behind makes a Latin form a whole word: "Atlas" must not lose "as".
_LATIN_FORM_RE = re.compile(
    r"(?<![^\W_])(?:"
    + "|".join(f"(?P<l{i}>{pat})" for i, (_, pat) in enumerate(_LATIN_FORMS))
    + ")"
    + _TRAILING
)
# A space between a CJK character and a Latin letter gives "蓝海Ltd" a word boundary.
_CJK_CLASS = r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]"
_CJK_LATIN_SEAM = re.compile(
    rf"(?<={_CJK_CLASS})(?=[^\W_])(?!{_CJK_CLASS})|(?<=[^\W_])(?<!{_CJK_CLASS})(?={_CJK_CLASS})"
)


# A space next to a Chinese character or a full-width sign: what an input method leaves
# in "4.1 馆 B 区服务仓库"; Chinese is written without spaces.
_CJK_SIDE = rf"(?:{_CJK_CLASS}|[\u3000-\u303f\uff00-\uffef])"
_SPACE_BY_CJK = re.compile(rf"\s+(?={_CJK_SIDE})|(?<={_CJK_SIDE})\s+")


def tighten(text: str) -> str:
    """A typed place or phrase as printed: "4.1 馆 B 区服务仓库" -> "4.1馆B区服务仓库", spaces
    between Latin words kept ("Hall 8.2 store" stays), runs of spaces made one."""
    return _SPACE_BY_CJK.sub("", " ".join(text.split()))


def _key(text: str) -> str:
    return text.translate(_KEY_CHARS)


def _split_legal_forms(text: str) -> tuple[str, tuple[str, ...]]:
    work = _CJK_LATIN_SEAM.sub(" ", unicodedata.normalize("NFKC", text).casefold())
    forms: list[str] = []
    while True:
        m = _CJK_FORM_RE.search(work)
        table = _CJK_FORMS
        if m is None:
            m = _LATIN_FORM_RE.search(work)
            table = _LATIN_FORMS
        if m is None or m.lastgroup is None:
            break
        rest = work[: m.start()]
        if not _key(rest):  # a name that is nothing but a legal form stays as it is
            break
        forms.insert(0, table[int(m.lastgroup[1:])][0])
        work = rest
    return _key(work), tuple(forms)


def normalize_name(text: str) -> str:
    """Matching key for a company name across editions, legal forms dropped.

    "Blue Ocean Appliances S.A." and "BLUE OCEAN APPLIANCES sa" -> "blueoceanappliances";
    "蓝海电器集团有限公司" -> "蓝海电器".
    """
    return _split_legal_forms(text)[0]


def legal_forms(text: str) -> tuple[str, ...]:
    """Canonical legal-form suffixes that normalize_name drops, in order: "Co., Ltd." ->
    ("co", "ltd"), "S.A." -> ("sa",), "有限责任公司" -> ("有限公司",)."""
    return _split_legal_forms(text)[1]


def name_identity_key(text: str) -> str:
    """normalize_name plus the canonical legal form: "Foo S.A." -> "foo/sa".

    Two exhibitors of one fair may differ only in legal form ("Terra Motors S.A." and
    "Terra Motors Pty Ltd"), so identity keeps it while spelling variants still match.
    """
    key, forms = _split_legal_forms(text)
    return f"{key}/{'+'.join(forms)}" if forms else key


# --- cell values ---------------------------------------------------------------------------


def clean_text(value: object) -> str:
    """Cell value as one tidy line: None -> "", 42.0 -> "42", whitespace runs collapsed,
    control characters removed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        text = "TRUE" if value else "FALSE"
    elif isinstance(value, float):
        text = str(int(value)) if value.is_integer() else repr(value)
    elif isinstance(value, _dt.datetime):
        # Excel stores dates as datetimes; a date without a time reads as a date.
        text = value.date().isoformat() if value.time() == _MIDNIGHT else str(value)
    elif isinstance(value, _dt.date | _dt.time):
        text = value.isoformat()
    else:
        text = str(value)
    if text.isprintable():  # the common case: no controls, no odd spaces
        return " ".join(text.split())
    # str.split() then turns tabs, newlines and ideographic spaces into single spaces.
    return " ".join(text.translate(_CELL_CHARS).split())


_PLACEHOLDERS = frozenset({"NA", "NONE", "NULL", "NIL", "无", "暂无", "没有", "不适用", "空"})


def normalize_credit_code(text: str) -> str:
    """Uppercase code without spaces; "" for blanks and placeholders such as "无" or "N/A"."""
    s = normalize_booth(text)
    key = _key(s)
    if not key or key in _PLACEHOLDERS or set(key) == {"0"}:
        return ""
    return s


IDENTITY_MAX_CHARS = 600


def exhibitor_identity(credit_code: str, name_zh: str, name_en: str) -> str:
    """Stable identity of an exhibitor within an edition: the credit code when there is one,
    else both names (legal form included, spelling variants folded). At most
    IDENTITY_MAX_CHARS long: an overlong key keeps its start and ends in a digest."""
    code = normalize_credit_code(credit_code)
    if code:
        identity = "cc:" + code
    else:
        identity = "nm:" + name_identity_key(name_zh) + "|" + name_identity_key(name_en)
    if len(identity) > IDENTITY_MAX_CHARS:
        digest = hashlib.sha256(identity.encode("utf-8")).hexdigest()
        identity = identity[: IDENTITY_MAX_CHARS - len(digest) - 1] + "#" + digest
    return identity
