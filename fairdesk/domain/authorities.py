"""The English names of the authorities a case is usually transferred or referred to, for a
name typed at the desk in Chinese only: a letter's English addressee names the same organ as
its Chinese one. A name not listed here keeps the words of its kind ("the market regulation
authority")."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

# Official English names, as the organs publish them (the CIIE's city; add a fair's own).
ENGLISH_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "国家知识产权局": "China National Intellectual Property Administration",
        "上海市知识产权局": "Shanghai Intellectual Property Administration",
        "上海市市场监督管理局": "Shanghai Municipal Administration for Market Regulation",
        "上海市青浦区市场监督管理局": "Qingpu District Administration for Market Regulation",
        "上海市公安局": "Shanghai Municipal Public Security Bureau",
        "上海知识产权法院": "Shanghai Intellectual Property Court",
    }
)


def english_name(zh: str) -> str:
    """The organ's English name, or "" when it is not listed."""
    return ENGLISH_NAMES.get("".join(zh.split()), "")
