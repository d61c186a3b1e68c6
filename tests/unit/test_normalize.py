"""Normalisation keys: booths, halls, company names, cell text and exhibitor identity."""

from __future__ import annotations

import datetime as dt

import pytest

from fairdesk.domain.normalize import (
    IDENTITY_MAX_CHARS,
    clean_text,
    exhibitor_identity,
    hall_from_booth,
    has_cjk,
    legal_forms,
    name_identity_key,
    normalize_booth,
    normalize_credit_code,
    normalize_hall,
    normalize_name,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("８.１ｈ８－４２ ", "8.1H8-42"),
        ("8.1 h 8-42", "8.1H8-42"),
        ("8.1H8-42", "8.1H8-42"),
        ("\t8.1h8–42\n", "8.1H8-42"),  # en dash
        ("8.1H8—42", "8.1H8-42"),  # em dash
        ("8.1H8‐42", "8.1H8-42"),  # hyphen
        ("8.1H8‑42", "8.1H8-42"),  # non-breaking hyphen
        ("8.1H8ー42", "8.1H8-42"),  # katakana long sound mark
        ("8.1H8−42", "8.1H8-42"),  # minus sign
        ("8。1H8-42", "8.1H8-42"),  # ideographic full stop from a Chinese IME
        ("8.1\u3000H8-42", "8.1H8-42"),  # ideographic space
        ("8.1H8-42\u200b", "8.1H8-42"),  # zero-width space from a web page
        ("", ""),
        ("   ", ""),
    ],
)
def test_normalize_booth(raw: str, expected: str) -> None:
    assert normalize_booth(raw) == expected


@pytest.mark.parametrize(
    ("booth", "hall"),
    [
        ("8.1H8-42", "8.1"),
        ("4A01", "4"),
        ("11.2J28", "11.2"),
        ("８.１ｈ８－４２", "8.1"),
        ("N1-A01", ""),
        ("A01", ""),
        ("2024A01", ""),  # a year-like number is not a hall
        ("", ""),
        ("8.1", ""),
    ],
)
def test_hall_from_booth(booth: str, hall: str) -> None:
    assert hall_from_booth(booth) == hall


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("8.1", "8.1"), ("Hall 8.1", "8.1"), ("8.1号馆", "8.1"), ("８．１", "8.1"), ("N1", "N1")],
)
def test_normalize_hall(raw: str, expected: str) -> None:
    assert normalize_hall(raw) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Blue Ocean Appliances S.A.", "BLUE OCEAN APPLIANCES sa"),
        ("Blue Ocean Appliances S.A.", "Blue Ocean Appliances"),
        ("Pioneer Foods Co., Ltd.", "PIONEER FOODS"),
        ("Pioneer Foods Limited", "Pioneer Foods Ltd"),
        ("Zenith Robotics Pty Ltd", "Zenith Robotics"),
        ("Crown Textiles K.K.", "crown textiles kk"),
        ("Aurora Optics S.p.A.", "Aurora Optics SpA"),
        ("Foo, Inc.", "FOO INC"),
        ("Foo Corporation", "Foo Corp."),
        ("Foo GmbH", "foo"),
        ("Foo A/S", "Foo"),
        ("Foo B.V.", "Foo"),
        ("Foo S.A.R.L.", "Foo"),
        ("Foo PLC", "Foo LLC"),
        ("蓝海电器有限公司", "蓝海电器"),
        ("蓝海电器股份有限公司", "蓝海电器"),
        ("蓝海电器有限责任公司", "蓝海电器"),
        ("蓝海电器集团有限公司", "蓝海电器"),  # repeated until stable
        ("蓝海电器Ltd.", "蓝海电器"),
        ("ＢＬＵＥ　ＯＣＥＡＮ", "Blue Ocean"),  # full-width
        ("Müller & Söhne", "MÜLLER SÖHNE"),
    ],
)
def test_normalize_name_equal(a: str, b: str) -> None:
    assert normalize_name(a) == normalize_name(b)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Blue Ocean Appliances S.A.", "blueoceanappliances"),
        ("Atlas", "atlas"),  # "as" inside a word is not a legal form
        ("Kansas", "kansas"),
        ("Mesa", "mesa"),
        ("Limited", "limited"),  # nothing but a legal form stays as it is
        ("有限公司", "有限公司"),
        ("西门子（中国）有限公司", "西门子中国"),
        ("", ""),
        ("  - / -  ", ""),
    ],
)
def test_normalize_name(raw: str, expected: str) -> None:
    assert normalize_name(raw) == expected


@pytest.mark.parametrize(
    ("raw", "forms"),
    [
        ("Bright Instruments Co., Ltd.", ("co", "ltd")),
        ("Bright Instruments Ltd.", ("ltd",)),
        ("Bright Instruments Limited", ("ltd",)),
        ("Terra Motors Pty Ltd", ("pty", "ltd")),
        ("Terra Motors S.A.", ("sa",)),
        ("蓝海电器有限责任公司", ("有限公司",)),
        ("蓝海电器集团股份有限公司", ("集团", "股份有限公司")),
        ("Atlas", ()),
    ],
)
def test_legal_forms(raw: str, forms: tuple[str, ...]) -> None:
    assert legal_forms(raw) == forms


def test_identity_key_keeps_the_legal_form() -> None:
    # Different legal entities of one fair differ only in their legal form.
    assert name_identity_key("Terra Motors S.A.") != name_identity_key("Terra Motors Pty Ltd")
    assert name_identity_key("Foo Co., Ltd.") != name_identity_key("Foo Ltd.")
    assert name_identity_key("Blue Ocean Appliances S.A.") == name_identity_key(
        "BLUE OCEAN APPLIANCES sa"
    )
    assert name_identity_key("Foo Limited") == name_identity_key("FOO LTD")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        ("  a  b\t\tc \n", "a b c"),
        (8.1, "8.1"),
        (8.0, "8"),
        (13800138000.0, "13800138000"),
        (42, "42"),
        (True, "TRUE"),
        ("a\x00b\x07c", "abc"),
        ("蓝海\u3000电器", "蓝海 电器"),
        ("\ufeff蓝海电器\u200b", "蓝海电器"),
        ("=1+1", "=1+1"),
        (dt.datetime(2026, 11, 5), "2026-11-05"),
        (dt.datetime(2026, 11, 5, 9, 30), "2026-11-05 09:30:00"),
        (dt.date(2026, 11, 5), "2026-11-05"),
    ],
)
def test_clean_text(value: object, expected: str) -> None:
    assert clean_text(value) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (" 9131 0000 MA1FL0000X ", "91310000MA1FL0000X"),
        ("９１３１", "9131"),
        ("无", ""),
        ("N/A", ""),
        ("-", ""),
        ("0", ""),
        ("", ""),
    ],
)
def test_normalize_credit_code(raw: str, expected: str) -> None:
    assert normalize_credit_code(raw) == expected


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("91310000 ma1fl0000x", "蓝海电器有限公司", "X"), "cc:91310000MA1FL0000X"),
        (
            ("", "蓝海电器有限公司", "Blue Ocean Appliances S.A."),
            "nm:蓝海电器/有限公司|blueoceanappliances/sa",
        ),
        (("无", "蓝海电器", ""), "nm:蓝海电器|"),
        (("", "", "Foo GmbH"), "nm:|foo/gmbh"),
    ],
)
def test_exhibitor_identity(args: tuple[str, str, str], expected: str) -> None:
    assert exhibitor_identity(*args) == expected


def test_identity_by_credit_code_ignores_names() -> None:
    assert exhibitor_identity("91310000X", "甲", "A") == exhibitor_identity("91310000x", "乙", "B")


def test_identity_of_name_variants_is_equal() -> None:
    a = exhibitor_identity("", "蓝海电器有限公司", "Blue Ocean Appliances S.A.")
    b = exhibitor_identity("", "蓝海电器 有限公司", "BLUE OCEAN APPLIANCES sa")
    assert a == b


def test_identity_same_chinese_name_different_english_name() -> None:
    a = exhibitor_identity("", "明亮仪器有限公司", "Bright Instruments S.A.")
    b = exhibitor_identity("", "明亮仪器有限公司", "Bright Instruments Co., Ltd.")
    assert a != b


def test_identity_is_bounded() -> None:
    long_a = exhibitor_identity("", "甲" * 500, "a" * 500)
    long_b = exhibitor_identity("", "甲" * 500, "a" * 499 + "b")
    assert len(long_a) <= IDENTITY_MAX_CHARS
    assert long_a != long_b
    assert long_a == exhibitor_identity("", "甲" * 500, "a" * 500)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("蓝海", True), ("さくら", True), ("김민수", True), ("Blue Ocean", False), ("", False)],
)
def test_has_cjk(text: str, expected: bool) -> None:
    assert has_cjk(text) is expected
