"""The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters, the
last a check character over the first 17. Credit platforms refuse a record whose code
fails the check, so FairDesk checks it before a record leaves."""

from __future__ import annotations

import re

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, S, V, Z
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_SHAPE = re.compile(rf"^[{ALPHABET}]{{18}}$")


def normalised(code: str) -> str:
    return "".join(str(code).split()).upper()


def check_character(first17: str) -> str:
    total = sum(ALPHABET.index(ch) * w for ch, w in zip(first17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def is_valid(code: str) -> bool:
    """True for a well-formed code whose check character matches."""
    text = normalised(code)
    return bool(_SHAPE.match(text)) and check_character(text[:17]) == text[17]
