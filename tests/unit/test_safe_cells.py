"""No exported cell may start a formula; real numbers stay numbers."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

import pytest

from fairdesk.exports.safe_cells import (
    TRIGGERS,
    csv_cell,
    csv_cells,
    is_number,
    needs_neutralising,
    neutralise,
)


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+49 30 1234", "'+49 30 1234"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("  =1+1", "'  =1+1"),
        ("\u3000=1", "'\u3000=1"),
        ("ACME = good", "ACME = good"),
        ("测试展商", "测试展商"),
        ("4.1A01", "4.1A01"),
        ("", ""),
        ("'quoted", "'quoted"),
    ],
)
def test_neutralise(text: str, cell: str) -> None:
    assert neutralise(text) == cell
    assert needs_neutralising(text) is (cell != text)
    assert csv_cell(text) == cell


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        (-5, "-5"),
        (3.5, "3.5"),
        (Decimal("-1.20"), "-1.20"),
        (0, "0"),
        (None, ""),
        (True, "yes"),
        (date(2026, 11, 5), "2026-11-05"),
        (datetime(2026, 11, 5, 9, 30), "2026-11-05 09:30"),
    ],
)
def test_numbers_and_dates_stay_what_they_are(value: object, cell: str) -> None:
    assert csv_cell(value) == cell


def test_is_number() -> None:
    assert is_number(1) and is_number(1.5) and is_number(Decimal(1))
    assert not is_number(True) and not is_number("1")


def _formula_like(text: str) -> bool:
    """The rule in full, without the first-character shortcut the module takes."""
    stripped = text.lstrip(" \u00a0\u3000\n")
    return text.startswith(TRIGGERS) or (stripped != text and stripped.startswith(TRIGGERS))


@pytest.mark.parametrize("rest", ["=1+1", "x", "", " =1", "\u00a0@A1", "\u3000\t=1"])
def test_a_cell_is_neutralised_whatever_its_first_character(rest: str) -> None:
    # The module decides by the first character before looking further: every first
    # character (the Basic Multilingual Plane's, surrogates aside) must give the cell the
    # full rule gives.
    for code in range(0x10000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        text = chr(code) + rest
        expected = "'" + text if _formula_like(text) else text
        assert needs_neutralising(text) is (expected != text), repr(text)
        assert csv_cell(text) == expected, repr(text)


def test_a_row_written_through_csv_cells_reads_as_csv_cell_of_each_value() -> None:
    # csv_cells hands some values to the csv module as they are: the line written must be
    # the one csv_cell of every value gives, for every kind of value and first character.
    class Code(StrEnum):
        RISKY = "=1+1"
        PLAIN = "plain"

    texts = [chr(code) + "=1" for code in range(0x20, 0x3100)] + ["", "测试", "-1"]
    values: list[object] = [
        *texts, *(Code), -5, 0, 3.5, Decimal("-1.20"), None, True, False,
        date(2026, 11, 5), datetime(2026, 11, 5, 9, 30), 10**20,
    ]  # fmt: skip

    def line(row: list[object]) -> str:
        out = io.StringIO()
        csv.writer(out, lineterminator="\r\n").writerow(row)
        return out.getvalue()

    assert line(csv_cells(values)) == line([csv_cell(v) for v in values])
    assert csv_cells(["=1", 7, None]) == ["'=1", 7, None]
