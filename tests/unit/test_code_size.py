"""Screens and services of a readable size: no class over 400 lines, no function over 60.

The classes and functions that were larger when the limits came in are listed in
`code_size_baseline.json` with their size then. Each may only shrink (and leaves the list
when it fits); nothing new may join it. Keys name the module file and the qualified name,
not the folder, so moving a module does not reset its size.
"""

from __future__ import annotations

import ast
import json
import os
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "fairdesk"
BASELINE = Path(__file__).with_name("code_size_baseline.json")
MAX_CLASS = 400
MAX_FUNCTION = 60
GENERATED = {"forms", "migrations"}  # Designer output and migration scripts


def _sizes(tree: ast.AST, prefix: str) -> Iterator[tuple[str, str, int]]:
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            name = f"{prefix}.{node.name}"
            kind = "class" if isinstance(node, ast.ClassDef) else "function"
            assert node.end_lineno is not None
            yield kind, name, node.end_lineno - node.lineno + 1
            yield from _sizes(node, name)


def oversized() -> dict[str, int]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if GENERATED & set(path.relative_to(PACKAGE).parts):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for kind, name, size in _sizes(tree, path.stem):
            if size > (MAX_CLASS if kind == "class" else MAX_FUNCTION):
                found[f"{kind} {name}"] = size
    return found


def test_the_measure_sees_a_long_function() -> None:
    source = "def f():\n" + "    x = 1\n" * 70 + "class C:\n    def g(self):\n        pass\n"
    sizes = {name: size for _, name, size in _sizes(ast.parse(source), "m")}
    assert sizes == {"m.f": 71, "m.C": 3, "m.C.g": 2}


def test_nothing_grows_past_the_limits() -> None:
    now = oversized()
    if os.environ.get("FAIRDESK_SHRINK_BASELINE") == "1":  # after a split: record the gain
        kept = json.loads(BASELINE.read_text(encoding="utf-8"))
        shrunk = {k: v for k, v in now.items() if k in kept and v <= kept[k]}
        BASELINE.write_text(json.dumps(shrunk, indent=1, sort_keys=True) + "\n", "utf-8")
    allowed = json.loads(BASELINE.read_text(encoding="utf-8"))
    new = sorted(k for k in now if k not in allowed)
    assert new == [], f"over {MAX_CLASS} lines (class) or {MAX_FUNCTION} (function): split them"
    grown = sorted(f"{k}: {allowed[k]} → {now[k]} lines" for k in now if now[k] > allowed[k])
    assert grown == [], "these were to shrink, not grow"
