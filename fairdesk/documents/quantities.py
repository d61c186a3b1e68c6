"""Counts printed from the exhibits table, so that a paper never states two numbers for the
same goods: a total is the sum of the items' quantities, never a number copied from a
free-text note."""

from __future__ import annotations

from collections.abc import Sequence

from fairdesk.documents.model import ExhibitView
from fairdesk.domain.normalize import has_cjk


def total(exhibits: Sequence[ExhibitView]) -> int:
    return sum(x.quantity or 0 for x in exhibits)


def total_line(exhibits: Sequence[ExhibitView]) -> tuple[str, str]:
    """ "合计：4件" and "Total: 4 items", saying how many items name no quantity."""
    n = total(exhibits)
    uncounted = sum(1 for x in exhibits if x.quantity is None)
    zh, en = f"合计：{n}件", f"Total: {n} item{'s' if n != 1 else ''}"
    if uncounted:
        zh += f"（另有{uncounted}种展品未注明数量）"
        en += f" ({uncounted} more exhibit(s) without a stated quantity)"
    return zh, en


def models(exhibits: Sequence[ExhibitView]) -> str:
    """The exhibits as a party names them: models where known, else names ("CM-101、CM-102")."""
    seen: list[str] = []
    for x in exhibits:
        label = x.model or x.name
        if label and label not in seen:
            seen.append(label)
    return "、".join(seen)


def name_en(name: str) -> str:
    """An exhibit's name on an English line: an exhibit has one name, in the language it
    was typed in; a Chinese one is marked as quoted untranslated."""
    return f"{name} (original text)" if has_cjk(name) else name


def models_en(exhibits: Sequence[ExhibitView]) -> str:
    """The same list in English: "CM-101 and CM-102", "A, B and C"."""
    seen: list[str] = []
    for x in exhibits:
        label = x.model or name_en(x.name)
        if label and label not in seen:
            seen.append(label)
    if len(seen) <= 1:
        return "".join(seen)
    return ", ".join(seen[:-1]) + " and " + seen[-1]


def items_en(n: int) -> str:
    return f"{n} item{'' if n == 1 else 's'}"
