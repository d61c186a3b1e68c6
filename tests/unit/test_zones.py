"""A fair's time zone in words: the Chinese names a zone and its offset, never the code."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from fairdesk.domain.zones import zone_words

SUMMER = datetime(2026, 7, 1, tzinfo=UTC)
WINTER = datetime(2026, 12, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("zone", "at", "zh"),
    [
        ("Asia/Shanghai", WINTER, "北京时间 UTC+8"),
        ("Asia/Hong_Kong", WINTER, "香港时间 UTC+8"),
        ("Europe/Berlin", SUMMER, "柏林时间 UTC+2"),
        ("Europe/Berlin", WINTER, "柏林时间 UTC+1"),
        ("Asia/Kolkata", WINTER, "UTC+5:30"),  # no Chinese name: the offset alone
        ("UTC", WINTER, "协调世界时 UTC"),
    ],
)
def test_the_chinese_words_of_a_zone(zone: str, at: datetime, zh: str) -> None:
    words = zone_words(zone, at)
    assert (words.en, words.zh) == (zone, zh)
