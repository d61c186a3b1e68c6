"""One word per measure everywhere: documents, screens, exports and statistics name a
measure (cover, take down, keep in custody, withdraw, suspend, ...) only in the words of
`fairdesk.domain.vocabulary`. This scans every string a person can see (the code's string
literals, docstrings aside, and the Chinese translation) for the other spellings a
measure has had, and checks the tables that name a measure twice agree."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from fairdesk.domain import vocabulary as v
from fairdesk.domain.enums import CaseState, EscalationAction, MeasureType
from fairdesk.services.fair.watchlist import SANCTION_LABELS, Sanction

ROOT = Path(__file__).resolve().parents[2]
VOCABULARY = ROOT / "fairdesk" / "domain" / "vocabulary.py"
TRANSLATION = ROOT / "resources" / "translations" / "fairdesk_zh_CN.ts"

# Other spellings of a measure (and words a service center must not use: it keeps items
# in custody, it does not seal or seize them), with the vocabulary's word to use instead.
OTHER_SPELLINGS = {
    "下架": "撤下展品",
    "封存": "暂存保管",
    "封条": "遮盖",
    "扣留": "暂存保管",
    "扣押": "暂存保管",
    "查封": "暂存保管",
    "暂扣": "暂存保管",
    "撤除": "撤下展品",
    "主动撤展": "主动撤下展品",
    "撤展离场": "撤展",
    r"(?i)\btake-down\b": "take down",
    r"(?i)\bremoved voluntarily\b": "taken down voluntarily",
    r"(?i)\bleave the fair\b": "withdraw from the fair",
    r"(?i)\bwithdraws? the exhibits?\b": "take the exhibit down",
    r"(?i)\bcover/take down\b": "cover the exhibit or take the exhibit down",
}


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the string nodes that are docstrings (never shown to a person)."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                out.add(id(body[0].value))
    return out


def shown_strings() -> Iterator[tuple[str, str]]:
    """(where, text) of every string literal of the package and every translation."""
    for path in sorted((ROOT / "fairdesk").rglob("*.py")):
        if path == VOCABULARY:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _docstrings(tree)
        for node in ast.walk(tree):
            shown = isinstance(node, ast.Constant) and isinstance(node.value, str)
            if shown and id(node) not in skip:
                yield f"{path.relative_to(ROOT)}:{node.lineno}", node.value
    for message in ET.parse(TRANSLATION).getroot().iter("message"):
        for tag in ("source", "translation"):
            element = message.find(tag)
            if element is not None and element.text:
                yield f"{TRANSLATION.name} <{tag}>", element.text


def test_no_other_spelling_of_a_measure_reaches_a_person() -> None:
    found = [
        f"{where}: {text!r} (say {instead!r})"
        for where, text in shown_strings()
        for pattern, instead in OTHER_SPELLINGS.items()
        if re.search(pattern, text)
    ]
    assert found == []


@pytest.mark.parametrize(
    ("text", "caught"),
    [("展品已下架", True), ("Take the exhibit down", False), ("They leave the fair", True)],
)
def test_the_scan_catches_an_other_spelling(text: str, caught: bool) -> None:
    assert any(re.search(p, text) for p in OTHER_SPELLINGS) is caught


def test_tables_that_name_a_measure_twice_use_its_one_word() -> None:
    measures = v.MEASURES
    assert v.ESCALATIONS[EscalationAction.LEAVE_FAIR] == measures[MeasureType.WITHDRAW_FROM_FAIR]
    assert (
        v.ESCALATIONS[EscalationAction.CANCEL_PARTICIPATION]
        == measures[MeasureType.CANCEL_PARTICIPATION]
    )
    take_down = measures[MeasureType.TAKE_DOWN]
    assert take_down.zh in v.CASE_STATES[CaseState.SELF_REMEDIED].zh
    assert take_down.zh in v.OUTCOMES["self_remedied"].zh
    assert SANCTION_LABELS[Sanction.LEAVE_FAIR] == measures[MeasureType.WITHDRAW_FROM_FAIR].both
    cover = SANCTION_LABELS[Sanction.COVER_TAKE_DOWN]
    assert measures[MeasureType.COVER].zh in cover and take_down.zh in cover
