"""What the trail stores of a value: plain JSON that hashes the same after a round trip."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import IntEnum, StrEnum

from fairdesk.services.trust.audit import jsonable


class Colour(StrEnum):
    RED = "red"


class Level(IntEnum):
    HIGH = 3


def test_values_become_plain_json_whatever_their_type() -> None:
    given = {
        "text": "a\x00b",
        "plain": "展商",
        "code": Colour.RED,
        "level": Level.HIGH,
        "yes": True,
        "count": 7,
        "share": 0.5,
        "none": None,
        "day": date(2026, 10, 15),
        "at": datetime(2026, 10, 15, 9, 30, tzinfo=UTC),
        "money": Decimal("1.20"),
        "nested": [("x\x00", Colour.RED), {"k": frozenset({1})}],
        1: "key made text",
    }
    plain = jsonable(given)
    assert plain == {
        "text": "ab",
        "plain": "展商",
        "code": "red",
        "level": 3,
        "yes": True,
        "count": 7,
        "share": 0.5,
        "none": None,
        "day": "2026-10-15",
        "at": "2026-10-15T09:30:00+00:00",
        "money": "1.20",
        "nested": [["x", "red"], {"k": [1]}],
        "1": "key made text",
    }
    # Exactly the JSON types: an enum that stayed an enum would hash differently once read back.
    assert type(plain["code"]) is str and type(plain["level"]) is int
    assert json.loads(json.dumps(plain)) == plain
