"""Read an organiser's exhibitor list (.xlsx or CSV) into clean, merged records.

Never touches the database: the import service decides what to do with the records. The
file comes from outside (exports of registration systems, hand-edited spreadsheets), so
everything that can go wrong with it ends in an ExhibitorFileError whose message names the
file and says what to do, and bad rows are reported with the row number Excel shows.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from fairdesk.domain.errors import FairDeskError, translatable
from fairdesk.domain.normalize import (
    clean_text,
    exhibitor_identity,
    hall_from_booth,
    has_cjk,
    normalize_booth,
    normalize_credit_code,
    normalize_hall,
)

__all__ = [
    "FIELDS",
    "FIELD_MAX_CHARS",
    "MAX_BOOTH_CHARS",
    "MAX_CELL_CHARS",
    "ExhibitorFile",
    "ExhibitorFileError",
    "ExhibitorRecord",
    "RejectedRow",
    "read_exhibitor_file",
]

MAX_CELL_CHARS = 500
MAX_BOOTH_CHARS = 40
# Longest value kept per field; longer cells reject the row rather than being cut. Most are
# tighter than MAX_CELL_CHARS so that every record fits the exhibitors and booths tables.
FIELD_MAX_CHARS: dict[str, int] = {
    "name_zh": MAX_CELL_CHARS,
    "name_en": MAX_CELL_CHARS,
    "credit_code": 64,
    "country": 100,
    "country_en": 100,
    "area": 200,
    "area_en": 200,
    "delegation": 200,
    "hall": 20,
    "booth": MAX_CELL_CHARS,  # the whole cell; each booth in it at most MAX_BOOTH_CHARS
    "contact": 200,
    "phone": 100,
    "email": 200,
}
HEADER_SEARCH_ROWS = 20
PROGRESS_EVERY = 500
_SAMPLE_CHARS = 256 * 1024  # enough text for the first 20 rows of any sane export
_CHUNK_BYTES = 1024 * 1024

FIELDS = (
    "name_zh",
    "name_en",
    "credit_code",
    "country",
    "country_en",
    "area",
    "area_en",
    "delegation",
    "hall",
    "booth",
    "contact",
    "phone",
    "email",
    "ip_commitment",
)
# Cell values of the signed IP commitment column (知识产权承诺书, Shanghai Regulations Art 37).
_SIGNED = frozenset({"yes", "y", "true", "1", "是", "已签", "有", "✓", "✔", "√"})
_NOT_SIGNED = frozenset({"no", "n", "false", "0", "否", "未签", "无", "✗", "✘", "×"})

_XLSX_EXT = frozenset({".xlsx", ".xlsm"})
_TEXT_EXT = frozenset({".csv", ".txt", ".tsv"})
_SUPPORTED_EXT = _XLSX_EXT | _TEXT_EXT | {".xls"}  # .xls only to explain what to do with it

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
# first bytes -> what the file is, as the message to raise ({file} is its name)
_KNOWN_BINARY: tuple[tuple[bytes, str], ...] = (
    (
        b"\x89PNG",
        translatable(
            'Exhibitor file "{file}" looks like a PNG image, not a spreadsheet; '
            "save it as .xlsx or CSV."
        ),
    ),
    (
        b"\xff\xd8\xff",
        translatable(
            'Exhibitor file "{file}" looks like a JPEG image, not a spreadsheet; '
            "save it as .xlsx or CSV."
        ),
    ),
    (
        b"GIF8",
        translatable(
            'Exhibitor file "{file}" looks like a GIF image, not a spreadsheet; '
            "save it as .xlsx or CSV."
        ),
    ),
    (
        b"BM",
        translatable(
            'Exhibitor file "{file}" looks like a BMP image, not a spreadsheet; '
            "save it as .xlsx or CSV."
        ),
    ),
    (
        b"%PDF",
        translatable(
            'Exhibitor file "{file}" looks like a PDF document, not a spreadsheet; '
            "save it as .xlsx or CSV."
        ),
    ),
    (
        b"\x1f\x8b",
        translatable(
            'Exhibitor file "{file}" looks like a gzip archive, not a spreadsheet; '
            "save it as .xlsx or CSV."
        ),
    ),
    (
        b"7z\xbc\xaf\x27\x1c",
        translatable(
            'Exhibitor file "{file}" looks like a 7-Zip archive, not a spreadsheet; '
            "save it as .xlsx or CSV."
        ),
    ),
    (
        b"Rar!",
        translatable(
            'Exhibitor file "{file}" looks like a RAR archive, not a spreadsheet; '
            "save it as .xlsx or CSV."
        ),
    ),
    (
        b"MZ",
        translatable(
            'Exhibitor file "{file}" looks like a Windows program, not a spreadsheet; '
            "save it as .xlsx or CSV."
        ),
    ),
    (
        b"\x7fELF",
        translatable(
            'Exhibitor file "{file}" looks like a program, not a spreadsheet; '
            "save it as .xlsx or CSV."
        ),
    ),
)
# Excel error values are not data: an exhibitor's booth is never "#REF!".
_EXCEL_ERRORS = frozenset(
    {"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!", "#GETTING_DATA"}
)


class ExhibitorFileError(FairDeskError):
    """The exhibitor file cannot be read; the message names the file and the problem."""


@dataclass(frozen=True, slots=True)
class ExhibitorRecord:
    row: int  # row (as Excel numbers it) of the first file row merged into this record
    name_zh: str
    name_en: str
    credit_code: str
    country: str
    country_en: str
    area: str
    area_en: str
    delegation: str
    booths: tuple[tuple[str, str], ...]  # (hall, normalized booth), deduplicated, file order
    contact: str
    phone: str
    email: str
    identity: str
    ip_commitment: bool | None = None  # None: the file does not say


@dataclass(frozen=True, slots=True)
class RejectedRow:
    row: int
    reason: str
    raw: tuple[str, ...]  # cleaned cells, trailing empties dropped, long cells shortened


@dataclass
class ExhibitorFile:
    path: Path
    encoding: str  # "utf-8-sig", "utf-8", "gb18030", "utf-16", "utf-32" or "xlsx"
    header_row: int
    columns: dict[str, str]  # field -> header text found
    records: list[ExhibitorRecord]
    rejected: list[RejectedRow]
    blank_rows: int  # blank rows between data rows (trailing blank rows are not counted)
    merged_rows: int  # rows folded into an earlier record with the same identity
    sheet: str = ""  # worksheet read (xlsx only)
    delimiter: str = ""  # CSV delimiter detected (text files only)
    # Rows read with a note: a formula with no value saved is kept as its text.
    notes: list[RejectedRow] = field(default_factory=list)


# --- header recognition --------------------------------------------------------------------

# fmt: off
_ALIASES: dict[str, tuple[str, ...]] = {
    "name_zh": (
        "展商名称", "企业名称", "公司名称", "参展商", "中文名称", "展商中文名称", "参展商名称",
        "参展企业", "参展企业名称", "参展单位", "单位名称", "展商", "公司中文名称",
        "企业中文名称", "中文名", "Chinese Name", "Name (Chinese)",
    ),
    "name_en": (
        "Exhibitor Name", "Company Name", "English Name", "英文名称", "展商英文名称",
        "公司英文名称", "企业英文名称", "英文名", "Exhibitor", "Company", "Name",
        "Name (English)",
    ),
    "credit_code": (
        "统一社会信用代码", "信用代码", "社会信用代码", "Credit Code", "USCC",
        "Unified Social Credit Code", "Registration No.", "Registration Number", "注册号",
        "营业执照号", "Business Registration No.",
    ),
    "country": ("国家/地区", "国家", "国别", "国家和地区", "国家或地区"),
    "country_en": ("Country/Region", "Country", "Country or Region", "Country and Region"),
    "area": ("展区", "所属展区", "展区名称"),
    "area_en": ("Exhibition Area", "Area", "Sector", "Exhibition Sector", "Zone"),
    "delegation": (
        "交易团", "国家馆", "展团", "国家展团", "所属交易团", "Pavilion", "Country Pavilion",
        "Delegation", "Trading Delegation",
    ),
    "hall": ("展馆", "馆号", "展馆号", "Hall", "Hall No.", "Hall Number"),
    "booth": (
        "展位号", "展位", "展台号", "展位编号", "Booth No.", "Booth", "Booth Number", "Stand",
        "Stand No.", "Stand Number",
    ),
    "contact": ("联系人", "Contact", "Contact Person", "Contact Name"),
    "phone": (
        "电话", "联系电话", "手机", "手机号", "手机号码", "Phone", "Phone No.", "Tel", "Tel.",
        "Telephone", "Mobile",
    ),
    "email": ("邮箱", "电子邮箱", "电子邮件", "Email", "E-mail", "Email Address"),
    "ip_commitment": (
        "知识产权承诺书", "知识产权承诺", "已签承诺", "已签承诺书", "承诺书",
        "签署知识产权承诺书", "IP commitment", "IP commitment signed", "IP undertaking",
    ),
}
# fmt: on

# Fields that come as a Chinese/English pair: a qualifier such as "(英文)" picks the side.
_PAIRS: dict[str, tuple[str, str]] = {
    f: pair
    for pair in (("name_zh", "name_en"), ("country", "country_en"), ("area", "area_en"))
    for f in pair
}
_ZH_QUALIFIERS = ("中文", "chinese", "cn", "chn", "zh")
_EN_QUALIFIERS = ("英文", "english", "en", "eng")


def _header_key(text: str) -> str:
    """Case-, space- and punctuation-insensitive key: "Booth No." -> "boothno".

    Unlike normalize_name it keeps legal-form words: a header "Company" must stay "company".
    """
    s = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in s if unicodedata.category(ch)[0] in "LN")


_ALIAS_KEYS: dict[str, str] = {
    _header_key(label): fld for fld, labels in _ALIASES.items() for label in labels
}


def _match_qualified(key: str) -> str | None:
    for quals, side in ((_ZH_QUALIFIERS, 0), (_EN_QUALIFIERS, 1)):
        for q in quals:
            if key.endswith(q) and len(key) > len(q):
                fld = _ALIAS_KEYS.get(key[: -len(q)])
                if fld is not None:
                    return _PAIRS[fld][side] if fld in _PAIRS else fld
    return None


def _match_one(key: str) -> str | None:
    return _ALIAS_KEYS.get(key) or _match_qualified(key)


def _match_header(text: str) -> str | None:
    """Field a header cell names, or None. Handles bilingual cells such as "展馆 Hall"."""
    key = _header_key(text)
    if not key or len(key) > 60:
        return None
    fld = _match_one(key)
    if fld is not None:
        return fld
    cjk = "".join(ch for ch in key if has_cjk(ch))
    latin = "".join(ch for ch in key if not has_cjk(ch))
    if cjk and latin:
        # "展商名称 Exhibitor Name" in one cell is one column: the Chinese label decides.
        return _match_one(cjk) or _match_one(latin)
    return None


@dataclass(frozen=True)
class _Header:
    row: int
    index: dict[str, int]  # field -> column index
    labels: dict[str, str]  # field -> header text

    @property
    def has_name(self) -> bool:
        return "name_zh" in self.index or "name_en" in self.index


def _map_header(row: int, cells: Sequence[object]) -> _Header:
    index: dict[str, int] = {}
    labels: dict[str, str] = {}
    for i, cell in enumerate(cells):
        text = clean_text(cell)
        fld = _match_header(text)
        if fld is not None and fld not in index:  # the first of two same-named columns wins
            index[fld] = i
            labels[fld] = text
    return _Header(row, index, labels)


def _find_header(
    rows: Iterable[tuple[int, Sequence[object]]],
) -> tuple[_Header | None, _Header | None, bool]:
    """(header, best partial candidate, saw any data) within the first rows."""
    best: _Header | None = None
    saw_data = False
    for number, cells in rows:
        if number > HEADER_SEARCH_ROWS:
            break
        if not any(clean_text(c) for c in cells):
            continue
        saw_data = True
        header = _map_header(number, cells)
        if header.has_name and "booth" in header.index:
            return header, header, True
        if best is None or len(header.index) > len(best.index):
            best = header
    return None, best, saw_data


# --- errors --------------------------------------------------------------------------------


def _no_header_error(path: Path, best: _Header | None, sheet: str = "") -> ExhibitorFileError:
    """The file has no header row; `best` is the row that came closest, on `sheet` when
    the file is a workbook."""
    if best is None or not best.index:
        return ExhibitorFileError(
            'Exhibitor file "{file}" has no recognizable header: could not find a header row '
            "with an exhibitor name and booth column; expected columns such as 展商名称 / "
            "Exhibitor Name and 展位号 / Booth No. within the first {rows} rows.",
            file=path.name,
            rows=HEADER_SEARCH_ROWS,
        )
    params = {
        "file": path.name,
        "rows": HEADER_SEARCH_ROWS,
        "row": best.row,
        "found": tuple(best.labels.values()),
    }
    if sheet and best.has_name:
        return ExhibitorFileError(
            'Exhibitor file "{file}" has no recognizable header: could not find a header row '
            "with an exhibitor name and booth column; expected columns such as 展商名称 / "
            "Exhibitor Name and 展位号 / Booth No. within the first {rows} rows. Row {row} of "
            'sheet "{sheet}" has {found} but no booth column.',
            sheet=sheet,
            **params,
        )
    if sheet:
        return ExhibitorFileError(
            'Exhibitor file "{file}" has no recognizable header: could not find a header row '
            "with an exhibitor name and booth column; expected columns such as 展商名称 / "
            "Exhibitor Name and 展位号 / Booth No. within the first {rows} rows. Row {row} of "
            'sheet "{sheet}" has {found} but no exhibitor name column.',
            sheet=sheet,
            **params,
        )
    if best.has_name:
        return ExhibitorFileError(
            'Exhibitor file "{file}" has no recognizable header: could not find a header row '
            "with an exhibitor name and booth column; expected columns such as 展商名称 / "
            "Exhibitor Name and 展位号 / Booth No. within the first {rows} rows. Row {row} has "
            "{found} but no booth column.",
            **params,
        )
    return ExhibitorFileError(
        'Exhibitor file "{file}" has no recognizable header: could not find a header row '
        "with an exhibitor name and booth column; expected columns such as 展商名称 / "
        "Exhibitor Name and 展位号 / Booth No. within the first {rows} rows. Row {row} has "
        "{found} but no exhibitor name column.",
        **params,
    )


# --- row processing ------------------------------------------------------------------------

# Separators between several booths in one cell. Line breaks count too: people press
# Alt+Enter in Excel to list booths one per line.
_BOOTH_SEP = re.compile(r"[/、,;，；／|\r\n]")
_FULL_BOOTH = re.compile(r"[0-9]+(?:\.[0-9]+)?[A-Z]+[0-9]+(?:-[0-9]+)?[A-Z]?")


def _split_booths(cell: object, hall: str) -> list[tuple[str, str]]:
    text = cell if isinstance(cell, str) else clean_text(cell)
    booths: dict[str, str] = {}
    for part in _BOOTH_SEP.split(text):
        tokens = part.split()
        # "8.1H8-42 8.1H8-43" is two booths, but "8.1 H 8-42" is one booth typed loosely.
        if len(tokens) > 1 and all(_FULL_BOOTH.fullmatch(normalize_booth(t)) for t in tokens):
            candidates = tokens
        else:
            candidates = [part]
        for candidate in candidates:
            booth = normalize_booth(clean_text(candidate))
            if not any(ch.isalnum() for ch in booth):
                continue
            if not booths.get(booth):
                booths[booth] = hall or hall_from_booth(booth)
    return [(h, b) for b, h in booths.items()]


_HAS_ALNUM = re.compile(r"[^\W_]")


def _shorten(text: str, limit: int = MAX_CELL_CHARS) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


_TEXT_FIELDS = tuple(f for f in FIELDS if f not in ("hall", "booth"))


@dataclass(slots=True)
class _Draft:
    row: int
    identity: str
    values: dict[str, str]
    booths: dict[str, str] = field(default_factory=dict)  # booth -> hall, insertion ordered

    def absorb(self, values: dict[str, str], booths: list[tuple[str, str]]) -> None:
        for fld, value in values.items():
            if value and not self.values.get(fld):
                self.values[fld] = value
        for hall, booth in booths:
            if not self.booths.get(booth):
                self.booths[booth] = hall

    def record(self) -> ExhibitorRecord:
        v = self.values
        return ExhibitorRecord(
            row=self.row,
            name_zh=v.get("name_zh", ""),
            name_en=v.get("name_en", ""),
            credit_code=v.get("credit_code", ""),
            country=v.get("country", ""),
            country_en=v.get("country_en", ""),
            area=v.get("area", ""),
            area_en=v.get("area_en", ""),
            delegation=v.get("delegation", ""),
            booths=tuple((h, b) for b, h in self.booths.items()),
            contact=v.get("contact", ""),
            phone=v.get("phone", ""),
            email=v.get("email", ""),
            identity=self.identity,
            ip_commitment={"yes": True, "no": False}.get(v.get("ip_commitment", "")),
        )


class _Collector:
    """Turns data rows below the header into records, rejections and counts."""

    def __init__(
        self, header: _Header, progress: Callable[[int, int], None] | None, total: int
    ) -> None:
        self.header = header
        self.progress = progress
        self.total = total
        self.drafts: dict[str, _Draft] = {}
        self.rejected: list[RejectedRow] = []
        self.blank_rows = 0
        self.merged_rows = 0
        self.last_row = header.row
        self._pending_blank = 0
        names = [f for f in ("name_zh", "name_en") if f in header.index]
        # With a single name column, each name goes where its script says it belongs.
        self._single_name = names[0] if len(names) == 1 else None
        self.single_name_has_cjk = False
        self._strings: dict[str, str] = {}

    def _shared(self, text: str) -> str:
        return self._strings.setdefault(text, text) if len(text) <= 40 else text

    def _report(self, row: int) -> None:
        if self.progress is not None:
            self.progress(row, self.total if self.total >= row else 0)

    def add(self, number: int, cells: Sequence[object]) -> None:
        self.last_row = number
        if number % PROGRESS_EVERY == 0:
            self._report(number)
        values = [clean_text(c) for c in cells]
        if not any(values):
            self._pending_blank += 1
            return
        self.blank_rows += self._pending_blank
        self._pending_blank = 0
        reason = self._check(number, cells, values)
        if reason is not None:
            while values and not values[-1]:
                values.pop()
            raw = tuple(_shorten(v) for v in values)
            self.rejected.append(RejectedRow(number, reason, raw))

    def _check(self, number: int, cells: Sequence[object], values: list[str]) -> str | None:
        """Add the row to a record, or return why it is rejected."""
        index = self.header.index
        got = {f: (values[i] if i < len(values) else "") for f, i in index.items()}
        if all(got[f] == label for f, label in self.header.labels.items()):
            return "repeats the header row"
        got["credit_code"] = normalize_credit_code(got.get("credit_code", ""))
        problems = [
            f"{self.header.labels[f]} is longer than {limit} characters"
            for f, limit in FIELD_MAX_CHARS.items()
            if len(got.get(f, "")) > limit
        ]
        if self._single_name is not None:
            name = got.pop(self._single_name)
            if has_cjk(name):
                self.single_name_has_cjk = True
            got["name_zh" if has_cjk(name) else "name_en"] = name
        for f in ("name_zh", "name_en"):
            if not _HAS_ALNUM.search(got.get(f, "")):  # "-" or "/" is a placeholder, not a name
                got[f] = ""
        if not got["name_zh"] and not got["name_en"]:
            problems.append("no exhibitor name (Chinese or English)")
        booths: list[tuple[str, str]] = []
        booth_text = got.get("booth", "")
        if len(booth_text) <= MAX_CELL_CHARS:
            # The raw cell still has its line breaks, which separate booths.
            i = index["booth"]
            raw_booth = cells[i] if booth_text and i < len(cells) else ""
            booths = _split_booths(raw_booth, normalize_hall(got.get("hall", "")))
            if not booths:
                problems.append("no booth number")
            long_booths = [b for _, b in booths if len(b) > MAX_BOOTH_CHARS]
            if long_booths:
                problems.append(
                    f"booth number {_shorten(long_booths[0], 20)} is longer than "
                    f"{MAX_BOOTH_CHARS} characters"
                )
        signed = got.get("ip_commitment", "")
        if signed:
            key = signed.strip().lower()
            if key in _SIGNED or key in _NOT_SIGNED:
                got["ip_commitment"] = "yes" if key in _SIGNED else "no"
            else:
                problems.append(
                    f"{self.header.labels['ip_commitment']} is {_shorten(signed, 20)!r}, "
                    "not yes or no (是/否, 1/0, ✓)"
                )
        if problems:
            return "; ".join(problems)
        # Countries, areas and halls repeat on every row: share one string object each.
        values_kept = {f: self._shared(got.get(f, "")) for f in _TEXT_FIELDS}
        booths = [(self._shared(h), b) for h, b in booths]
        identity = exhibitor_identity(got["credit_code"], got["name_zh"], got["name_en"])
        draft = self.drafts.get(identity)
        if draft is None:
            draft = self.drafts[identity] = _Draft(number, identity, {})
        else:
            self.merged_rows += 1
        draft.absorb(values_kept, booths)
        return None

    def _records(self) -> list[ExhibitorRecord]:
        # Drafts are dropped as records are made, so both never fill memory at once.
        records = []
        for identity in list(self.drafts):
            records.append(self.drafts.pop(identity).record())
        self._strings.clear()
        return records

    def finish(
        self, path: Path, encoding: str, sheet: str = "", delimiter: str = ""
    ) -> ExhibitorFile:
        if self.progress is not None:
            self.progress(self.last_row, self.last_row)  # lets a progress bar reach 100 %
        columns = dict(self.header.labels)
        if self._single_name is not None:
            label = columns.pop(self._single_name)
            columns["name_zh" if self.single_name_has_cjk else "name_en"] = label
        return ExhibitorFile(
            path=path,
            encoding=encoding,
            header_row=self.header.row,
            columns=columns,
            records=self._records(),
            rejected=self.rejected,
            blank_rows=self.blank_rows,
            merged_rows=self.merged_rows,
            sheet=sheet,
            delimiter=delimiter,
        )


# --- file checks ---------------------------------------------------------------------------


def _check_file(path: Path, max_bytes: int) -> tuple[str, bytes]:
    """("xlsx" | "text", first bytes) or an ExhibitorFileError saying what the file is."""
    ext = path.suffix.lower()
    size = _file_size(path)
    _check_name_and_size(path, ext, size, max_bytes)
    head = _first_bytes(path)
    return _sniff(path, ext, head)


def _file_size(path: Path) -> int:
    """The file's size; refused when it is missing or cannot be looked at."""
    try:
        return path.stat().st_size
    except FileNotFoundError:
        raise ExhibitorFileError(
            'Exhibitor file "{file}" does not exist (looked for {path}).', file=path.name, path=path
        ) from None
    except PermissionError:
        raise ExhibitorFileError(
            'Exhibitor file "{file}" cannot be read: permission denied.', file=path.name
        ) from None
    except OSError as exc:
        raise ExhibitorFileError(
            'Exhibitor file "{file}" cannot be read: {reason}.',
            file=path.name,
            reason=exc.strerror or str(exc),
        ) from None


def _check_name_and_size(path: Path, ext: str, size: int, max_bytes: int) -> None:
    """Refuse a folder, a file type the import does not read, an empty or too large file."""
    if path.is_dir():
        raise ExhibitorFileError('Exhibitor file "{file}" is a folder, not a file.', file=path.name)
    if ext not in _SUPPORTED_EXT:
        if not ext:
            raise ExhibitorFileError(
                'Exhibitor file "{file}" has an unsupported file type (no extension); '
                "use an Excel workbook (.xlsx) or a CSV file.",
                file=path.name,
            )
        raise ExhibitorFileError(
            'Exhibitor file "{file}" has an unsupported file type {ext}; '
            "use an Excel workbook (.xlsx) or a CSV file.",
            file=path.name,
            ext=ext,
        )
    if size == 0:
        raise ExhibitorFileError('Exhibitor file "{file}" is empty.', file=path.name)
    if size > max_bytes:
        raise ExhibitorFileError(
            'Exhibitor file "{file}" is {size}, more than the {limit} limit for exhibitor lists.',
            file=path.name,
            size=_size(size),
            limit=_size(max_bytes),
        )


def _first_bytes(path: Path) -> bytes:
    """The first 8 KB, where every file type shows what it is."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(8192)
    except PermissionError:
        raise ExhibitorFileError(
            'Exhibitor file "{file}" cannot be read: permission denied. Close it in Excel or '
            "other programs and check that your account may read it.",
            file=path.name,
        ) from None
    except OSError as exc:
        raise ExhibitorFileError(
            'Exhibitor file "{file}" cannot be read: {reason}.',
            file=path.name,
            reason=exc.strerror or str(exc),
        ) from None
    return head


def _sniff(path: Path, ext: str, head: bytes) -> tuple[str, bytes]:
    """What the first bytes say the file is: a workbook, text, or something to refuse."""
    if head.startswith(_OLE2_MAGIC):
        if ext in _XLSX_EXT:
            raise ExhibitorFileError(
                'Exhibitor file "{file}" is password-protected or in the old Excel 97-2003 '
                "format; remove the password in Excel and save it as .xlsx or CSV.",
                file=path.name,
            )
        raise ExhibitorFileError(
            'Exhibitor file "{file}" is in the old Excel 97-2003 format (.xls); open it in '
            "Excel and save it as .xlsx or CSV.",
            file=path.name,
        )
    if head.startswith(_ZIP_MAGICS):
        if _is_xlsx_zip(path):
            return "xlsx", head
        raise ExhibitorFileError(
            'Exhibitor file "{file}" is a ZIP archive but not an Excel workbook; '
            "save it as .xlsx or CSV.",
            file=path.name,
        )
    if ext == ".xls":
        # Many web systems export an HTML or text table under an .xls name.
        raise ExhibitorFileError(
            'Exhibitor file "{file}" is not a real Excel workbook (.xls files cannot be read); '
            "save it as .xlsx or CSV.",
            file=path.name,
        )
    for magic, message in _KNOWN_BINARY:
        if head.startswith(magic):
            raise ExhibitorFileError(message, file=path.name)
    if ext in _XLSX_EXT:
        raise ExhibitorFileError(
            'Exhibitor file "{file}" is not a valid Excel workbook; open it in Excel and '
            "save it as .xlsx or CSV.",
            file=path.name,
        )
    unicode_bom = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)
    if not head.startswith(unicode_bom) and _looks_binary(head):
        raise ExhibitorFileError(
            'Exhibitor file "{file}" contains binary data, not spreadsheet text; '
            "save it as .xlsx or CSV.",
            file=path.name,
        )
    return "text", head


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / 1024 / 1024:.1f} MB".replace(".0 MB", " MB")
    return f"{n / 1024:.1f} KB".replace(".0 KB", " KB") if n >= 1024 else f"{n} bytes"


def _looks_binary(head: bytes) -> bool:
    # Text has hardly any control bytes besides tab/CR/LF; random data has about 10 %.
    controls = sum(1 for b in head if b < 9 or 13 < b < 32 and b != 27)
    return controls > len(head) * 0.05


def _is_xlsx_zip(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, EOFError):
        raise ExhibitorFileError(
            'Exhibitor file "{file}" is damaged (not a complete Excel workbook); '
            "save it as .xlsx or CSV.",
            file=path.name,
        ) from None
    return "[Content_Types].xml" in names and any(n.startswith("xl/") for n in names)


# --- xlsx ----------------------------------------------------------------------------------


def _numbered(
    rows: Iterable[Sequence[object]], path: Path
) -> Iterator[tuple[int, Sequence[object]]]:
    """Rows numbered from 1, Excel error values (#REF!) as empty cells; openpyxl failures on a
    damaged sheet become ExhibitorFileError."""
    it = iter(rows)
    number = 0
    while True:
        try:
            cells = next(it)
        except StopIteration:
            return
        except ExhibitorFileError:
            raise
        except Exception as exc:  # openpyxl raises many kinds on damaged XML
            raise ExhibitorFileError(
                'Exhibitor file "{file}" is damaged and could not be read after row {row} '
                "({error}); save it as .xlsx or CSV.",
                file=path.name,
                row=number,
                error=str(exc),
            ) from exc
        number += 1
        yield number, tuple(None if isinstance(c, str) and c in _EXCEL_ERRORS else c for c in cells)


def _open_binary(path: Path) -> BinaryIO:
    try:
        return open(path, "rb")
    except OSError as exc:
        raise ExhibitorFileError(
            'Exhibitor file "{file}" cannot be read: {reason}.',
            file=path.name,
            reason=exc.strerror or str(exc),
        ) from None


def _read_xlsx(path: Path, progress: Callable[[int, int], None] | None) -> ExhibitorFile:
    # Imported here: heavy, and CSV imports do not need it.
    from openpyxl import load_workbook  # type: ignore[import-untyped,unused-ignore]

    formulas = _formula_workbook(path)
    with _open_binary(path) as fh:
        try:
            # data_only: formulas are read as the values Excel cached, never evaluated.
            wb: Any = load_workbook(fh, read_only=True, data_only=True, keep_links=False)
        except Exception as exc:
            raise ExhibitorFileError(
                'Exhibitor file "{file}" is damaged or not a valid Excel workbook ({error}); '
                "save it as .xlsx or CSV.",
                file=path.name,
                error=str(exc),
            ) from exc
        try:
            return _read_workbook(path, wb, progress, formulas)
        finally:
            wb.close()
            if formulas is not None:
                formulas.close()


def _has_formulas(path: Path) -> bool:
    """A quick look into the sheets' XML for a formula element (most lists have none, and
    reading the workbook twice would double an import's time)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as zf:
            for name in zf.namelist():
                if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                    with zf.open(name) as member:
                        while chunk := member.read(1 << 20):
                            if b"<f>" in chunk or b"<f " in chunk or b":f>" in chunk:
                                return True
    except (OSError, zipfile.BadZipFile):
        return False
    return False


def _formula_workbook(path: Path) -> Any:
    """The workbook with formulas as text, when it has any (else None)."""
    if not _has_formulas(path):
        return None
    from openpyxl import load_workbook  # type: ignore[import-untyped,unused-ignore]

    try:
        return load_workbook(path, read_only=True, data_only=False, keep_links=False)
    except Exception:  # the data pass reports a damaged file in its own words
        return None


def _with_formulas(
    values: Iterable[Sequence[object]], formulas: Iterable[Sequence[object]], noted: set[int]
) -> Iterator[Sequence[object]]:
    """Cells with no value saved but a formula keep the formula's text (a generated file
    never opened in Excel has none): the row is noted instead of silently blanked."""
    texts = iter(formulas)
    for number, cells in enumerate(values, start=1):
        source = next(texts, ())
        merged = list(cells)
        for i, cell in enumerate(merged):
            text = source[i] if i < len(source) else None
            if cell is None and isinstance(text, str) and text.startswith("="):
                merged[i] = text
                noted.add(number)
        yield merged


def _read_workbook(
    path: Path, wb: Any, progress: Callable[[int, int], None] | None, formulas: Any = None
) -> ExhibitorFile:
    best: _Header | None = None
    best_sheet = ""
    saw_data = False
    for ws in wb.worksheets:
        declared = ws.max_row if isinstance(ws.max_row, int) else 0
        # Some generators write a wrong <dimension>; without this, rows would be cut off.
        ws.reset_dimensions()
        noted: set[int] = set()

        def rows(ws: Any = ws, noted: set[int] = noted) -> Iterator[Sequence[object]]:
            values = ws.iter_rows(values_only=True)
            if formulas is None or ws.title not in formulas.sheetnames:
                return iter(values)
            texts = formulas[ws.title]
            texts.reset_dimensions()
            return _with_formulas(values, texts.iter_rows(values_only=True), noted)

        header, partial, data = _find_header(_numbered(rows(), path))
        saw_data = saw_data or data
        if header is not None:
            noted.clear()
            collector = _Collector(header, progress, declared)
            for number, cells in _numbered(rows(), path):
                if number > header.row:
                    collector.add(number, cells)
            parsed = collector.finish(path, "xlsx", sheet=str(ws.title))
            parsed.notes = [
                RejectedRow(n, "a formula with no saved value: its text was kept", ())
                for n in sorted(noted)
                if n > header.row
            ]
            return parsed
        if partial is not None and (best is None or len(partial.index) > len(best.index)):
            best, best_sheet = partial, str(ws.title)
    if not saw_data:
        raise ExhibitorFileError(
            'Exhibitor file "{file}" is empty: no sheet has any data.', file=path.name
        )
    raise _no_header_error(path, best, best_sheet)


# --- CSV / text ----------------------------------------------------------------------------


def _decodes(path: Path, encoding: str) -> int | None:
    """None when the whole file decodes, else the offset of the first bad byte."""
    decoder = codecs.getincrementaldecoder(encoding)()
    offset = 0
    try:
        with open(path, "rb") as fh:
            while chunk := fh.read(_CHUNK_BYTES):
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError as exc:
                    return offset + exc.start
                offset += len(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return offset
    except OSError as exc:
        raise ExhibitorFileError(
            'Exhibitor file "{file}" cannot be read: {reason}.',
            file=path.name,
            reason=exc.strerror or str(exc),
        ) from None
    return None


def _detect_encoding(path: Path, head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    # Decoding the whole file once is cheap and avoids re-reading after a late failure.
    bad = _decodes(path, "utf-8")
    if bad is None:
        return "utf-8"
    if _decodes(path, "gb18030") is None:
        return "gb18030"
    raise ExhibitorFileError(
        'Exhibitor file "{file}" is neither UTF-8 nor GB18030 text (first unreadable byte at '
        "position {position}); save it as .xlsx or CSV UTF-8.",
        file=path.name,
        position=bad,
    )


_DELIMITERS = (",", "\t", ";", "|")


def _text_rows(
    lines: Iterable[str], delimiter: str, path: Path
) -> Iterator[tuple[int, Sequence[object]]]:
    reader = csv.reader(lines, delimiter=delimiter)
    number = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ExhibitorFileError(
                'Exhibitor file "{file}" has a problem in row {row} ({error}); check for an '
                "unclosed quote mark or a cell that is far too long.",
                file=path.name,
                row=number + 1,
                error=str(exc),
            ) from None
        except UnicodeDecodeError:
            raise ExhibitorFileError(
                'Exhibitor file "{file}" has unreadable text after row {row}; '
                "save it as .xlsx or CSV.",
                file=path.name,
                row=number,
            ) from None
        except OSError as exc:
            raise ExhibitorFileError(
                'Exhibitor file "{file}" cannot be read: {reason}.',
                file=path.name,
                reason=exc.strerror or str(exc),
            ) from None
        number += 1
        yield number, cells


def _read_text(
    path: Path, head: bytes, progress: Callable[[int, int], None] | None
) -> ExhibitorFile:
    encoding = _detect_encoding(path, head)
    try:
        with open(path, encoding=encoding, newline="") as fh:
            sample = fh.read(_SAMPLE_CHARS)
            at_eof = not fh.read(1)
    except (OSError, UnicodeDecodeError) as exc:
        raise ExhibitorFileError(
            'Exhibitor file "{file}" cannot be read ({error}).', file=path.name, error=str(exc)
        ) from None
    if not at_eof:  # drop the partial last line of the sample
        cut = max(sample.rfind("\n"), sample.rfind("\r"))
        sample = sample[: cut + 1] if cut > 0 else sample

    # Excel understands a first line "sep=;" and does not show it as a row.
    forced: str | None = None
    first_line = io.StringIO(sample, newline="").readline()
    if len(first_line.rstrip("\r\n")) == 5 and first_line.lower().startswith("sep="):
        forced = first_line[4]
        sample = sample[len(first_line) :]

    # Only delimiters, quotes and spaces is as good as nothing.
    if at_eof and not any(ch.isalnum() for ch in sample):
        raise ExhibitorFileError('Exhibitor file "{file}" is empty.', file=path.name)
    best: tuple[_Header, str] | None = None
    partial: _Header | None = None
    for delimiter in (forced,) if forced else _DELIMITERS:
        header, candidate, _ = _find_header(
            _text_rows(io.StringIO(sample, newline=""), delimiter, path)
        )
        if header is not None and (best is None or len(header.index) > len(best[0].index)):
            best = (header, delimiter)
        if candidate is not None and (partial is None or len(candidate.index) > len(partial.index)):
            partial = candidate
    if best is None:
        raise _no_header_error(path, partial)
    header, delimiter = best

    collector = _Collector(header, progress, 0)
    try:
        with open(path, encoding=encoding, newline="") as fh:
            if forced:
                fh.readline()
            for number, cells in _text_rows(fh, delimiter, path):
                if number > header.row:
                    collector.add(number, cells)
    except (OSError, UnicodeDecodeError) as exc:
        raise ExhibitorFileError(
            'Exhibitor file "{file}" cannot be read ({error}).', file=path.name, error=str(exc)
        ) from None
    return collector.finish(path, encoding, delimiter=delimiter)


# --- entry point ---------------------------------------------------------------------------


def read_exhibitor_file(
    path: Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    max_bytes: int = 200 * 1024 * 1024,
) -> ExhibitorFile:
    """Read an exhibitor list (.xlsx/.xlsm, or .csv/.txt/.tsv text) into merged records.

    Rows without a name or booth are returned in `rejected` with their Excel row number;
    rows with the same exhibitor identity merge into one record. `progress(done, total)` is
    called every ~500 rows with total 0 when unknown. Raises ExhibitorFileError for files
    that cannot be read at all.
    """
    path = Path(path)
    kind, head = _check_file(path, max_bytes)
    if kind == "xlsx":
        return _read_xlsx(path, progress)
    return _read_text(path, head, progress)
