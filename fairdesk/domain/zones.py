"""A fair's time zone in words for a person: one place for every screen and message.

The IANA name ("Asia/Shanghai") is a code: English screens may show it (it is how the
zone is typed in the fair's set-up), a Chinese screen says 北京时间 and the offset.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fairdesk.domain.vocabulary import Words

_CHINESE_NAMES = {
    "Asia/Shanghai": "北京时间",
    "Asia/Chongqing": "北京时间",
    "PRC": "北京时间",
    "Asia/Hong_Kong": "香港时间",
    "Asia/Macau": "澳门时间",
    "Asia/Taipei": "台北时间",
    "Asia/Singapore": "新加坡时间",
    "Asia/Tokyo": "东京时间",
    "Asia/Seoul": "首尔时间",
    "Asia/Dubai": "迪拜时间",
    "Europe/Berlin": "柏林时间",
    "Europe/London": "伦敦时间",
    "America/New_York": "纽约时间",
}


def utc_offset(zone: str, at: datetime | None = None) -> str:
    """'UTC+8', 'UTC+5:30', 'UTC' for the zone at `at` (now when not given)."""
    try:
        offset = (at or datetime.now(UTC)).astimezone(ZoneInfo(zone)).utcoffset()
    except (ZoneInfoNotFoundError, ValueError):
        return ""
    minutes = int(offset.total_seconds()) // 60 if offset is not None else 0
    if not minutes:
        return "UTC"
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def zone_words(zone: str, at: datetime | None = None) -> Words:
    """The zone's words: its IANA name in English, 北京时间 UTC+8 in Chinese."""
    offset = utc_offset(zone, at)
    name = _CHINESE_NAMES.get(zone, "")
    if zone == "UTC":
        zh = "协调世界时 UTC"
    elif name:
        zh = f"{name} {offset}" if offset else name
    else:
        zh = offset or zone
    return Words(zone, zh)
