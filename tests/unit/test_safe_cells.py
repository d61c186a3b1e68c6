"""No exported cell may start a formula; real numbers stay numbers."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from fairdesk.exports.safe_cells import (
    TRIGGERS,
    csv_cell,
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
