"""Imports go one way, as each package's docstring says, and nowhere round in a circle.

The allowed imports are read from the "May import:" line of each package's docstring and,
for the modules beside the packages, from the list in `fairdesk/__init__.py`: the page a
newcomer reads and the rule this test enforces are the same text. Every import counts,
including one inside a function (a late import hides a cycle, it does not remove it).
"""

from __future__ import annotations

import ast
import os
import re
from collections.abc import Iterator
from fnmatch import fnmatch
from functools import cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "fairdesk"
NOTHING = "nothing else of fairdesk"
ANYTHING = "anything"

# Third-party rules no docstring line can say: no screens below the screens.
FORBIDDEN = {
    "domain": ("PySide6", "sqlalchemy"),
    "db": ("PySide6.QtWidgets", "PySide6.QtGui"),
    "documents": ("PySide6.QtWidgets",),
    "exports": ("PySide6",),
    "services": ("PySide6.QtWidgets", "PySide6.QtGui"),
}


def _names(text: str) -> set[str] | None:
    """'fairdesk.a, fairdesk.b' → {'a', 'b'}; None for 'anything'."""
    text = " ".join(text.split()).rstrip(".")
    if text == ANYTHING:
        return None
    if text == NOTHING:
        return set()
    return {name.strip().removeprefix("fairdesk.") for name in text.split(",")}


def allowed_imports() -> dict[str, set[str] | None]:
    """Each package or top-level module (a glob like 'cli_*' allowed) → what it may import."""
    rules: dict[str, set[str] | None] = {}
    for init in sorted(PACKAGE.glob("*/__init__.py")):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        found = re.search(r"^May import: (.+?)(?:\n\n|\Z)", doc, re.M | re.S)
        assert found, f"{init.relative_to(PACKAGE.parent)} says nothing of what it may import"
        rules[init.parent.name] = _names(found.group(1))
    top = ast.get_docstring(ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8")))
    listing = (top or "").split("Modules beside the packages (May import):", 1)[1]
    for entry in re.findall(r"^    (\S+): (.+?)(?=^    \S+:|\Z)", listing, re.M | re.S):
        rules[entry[0]] = _names(entry[1])
    return rules


def _unit(path: Path) -> str:
    """The package or top-level module a file belongs to: 'services', 'cli_backup'."""
    rel = path.relative_to(PACKAGE)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def _module(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


@cache  # every test here reads the same files
def _imports(path: Path) -> tuple[str, ...]:
    """Every module a file imports, absolute, at any depth of the file."""
    return tuple(_walk_imports(path))


def _walk_imports(path: Path) -> Iterator[str]:
    package = _module(path) if path.name == "__init__.py" else _module(path).rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{up}.{base}" if base else up
            yield base
            yield from (f"{base}.{alias.name}" for alias in node.names)


def _rule(rules: dict[str, set[str] | None], unit: str) -> set[str] | None:
    if unit in rules:
        return rules[unit]
    for pattern, rule in rules.items():
        if fnmatch(unit, pattern):
            return rule
    raise AssertionError(f"fairdesk/{unit} is in no layer: say what it may import")


def _files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if p.parent != PACKAGE or p.stem != "__init__")


def test_every_package_and_module_has_a_rule() -> None:
    rules = allowed_imports()
    units = {_unit(p) for p in _files()}
    assert {"domain", "db", "documents", "exports", "services", "ui", "cli"} <= units
    for unit in units:
        _rule(rules, unit)  # raises for a unit in no layer


def test_imports_follow_the_docstrings() -> None:
    rules = allowed_imports()
    units = _units_here()
    offenders = []
    for path in _files():
        unit = _unit(path)
        allowed = _rule(rules, unit)
        if allowed is None:
            continue
        for name in _imports(path):
            if not name.startswith("fairdesk."):
                continue
            target = name.split(".")[1]
            if target == unit or target == "__version__" or target not in units:
                continue
            if target not in allowed:
                offenders.append(f"{path.relative_to(PACKAGE.parent)} imports {name}")
    assert sorted(set(offenders)) == []


def _units_here() -> set[str]:
    return {_unit(p) for p in _files()}


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_no_screens_below_the_screens(layer: str) -> None:
    offenders = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        for name in _imports(path):
            if any(name == f or name.startswith(f + ".") for f in FORBIDDEN[layer]):
                offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offenders == []


def import_graph() -> dict[str, set[str]]:
    """Module → the fairdesk modules it imports (a package's own __init__ left out)."""
    modules = {_module(p): p for p in PACKAGE.rglob("*.py")}

    def resolve(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph = {}
    for module, path in modules.items():
        targets = {resolve(n) for n in _imports(path) if n.startswith("fairdesk")}
        graph[module] = {t for t in targets if t and t != module and not module.startswith(t + ".")}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle() -> None:
    assert cycles(import_graph()) == []


# Packages split into work packages → the modules every work package shares, left loose.
WORK_ROOTS = {"services": {"context", "keyring"}, "ui": {"app"}}


def work_package_rules(root: str) -> dict[str, set[str]]:
    """Each work package of fairdesk/<root> → the other parts of <root> it may import, from
    the "May import:" line of its docstring ('trust', 'context', ...)."""
    rules = {}
    for init in sorted((PACKAGE / root).glob("*/__init__.py")):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        found = re.search(r"^May import: (.+?)(?:\n\n|\Z)", doc, re.M | re.S)
        assert found, f"{init.relative_to(PACKAGE.parent)} says nothing of what it may import"
        named = _names(found.group(1)) or set()
        rules[init.parent.name] = {
            n.removeprefix(f"{root}.") for n in named if n.startswith(f"{root}.")
        }
    return rules


@pytest.mark.parametrize("root", sorted(WORK_ROOTS))
def test_work_packages_import_as_their_docstrings_say(root: str) -> None:
    rules = work_package_rules(root)
    assert len(rules) >= 5
    offenders = []
    for package, allowed in rules.items():
        for path in sorted((PACKAGE / root / package).rglob("*.py")):
            for name in _imports(path):
                parts = name.split(".")
                if parts[:2] != ["fairdesk", root] or len(parts) < 3:
                    continue
                if parts[2] != package and parts[2] not in allowed:
                    offenders.append(f"{path.relative_to(PACKAGE.parent)} imports {name}")
    assert sorted(set(offenders)) == []


@pytest.mark.parametrize("root", sorted(WORK_ROOTS))
def test_no_module_outside_a_work_package(root: str) -> None:
    """Only what every work package shares lies loose beside them."""
    loose = {p.stem for p in (PACKAGE / root).glob("*.py")} - {"__init__"}
    assert loose == WORK_ROOTS[root]


ARCHITECTURE = PACKAGE.parent / "docs" / "architecture.md"


def rules_table() -> str:
    lines = ["| Package or module | May import (of fairdesk) |", "|---|---|"]
    for unit, allowed in sorted(allowed_imports().items()):
        said = ANYTHING if allowed is None else ", ".join(sorted(allowed)) or "nothing"
        lines.append(f"| `{unit}` | {said} |")
    return "\n".join(lines) + "\n"


def work_packages_table(root: str) -> str:
    lines = [f"| Package | What it holds | May import (of {root}) |", "|---|---|---|"]
    rules = work_package_rules(root)
    for init in sorted((PACKAGE / root).glob("*/__init__.py")):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        owns = " ".join(doc.split("May import:")[0].split())
        said = ", ".join(sorted(rules[init.parent.name])) or "nothing"
        lines.append(f"| `{root}/{init.parent.name}/` | {owns} | {said} |")
    return "\n".join(lines) + "\n"


def _generated(text: str, name: str, expected: str) -> tuple[str, str]:
    """The page with its `name` block replaced by `expected`, and the block as it was."""
    head, rest = text.split(f"<!-- {name}: generated -->\n")
    generated, tail = rest.split(f"<!-- /{name} -->")
    return f"{head}<!-- {name}: generated -->\n{expected}<!-- /{name} -->{tail}", generated


@pytest.mark.parametrize("root", sorted(WORK_ROOTS))
def test_the_architecture_page_shows_the_work_packages(root: str) -> None:
    text = ARCHITECTURE.read_text(encoding="utf-8")
    expected = work_packages_table(root)
    page, generated = _generated(text, f"{root} packages", expected)
    if os.environ.get("FAIRDESK_UPDATE_DOCS") == "1":
        ARCHITECTURE.write_text(page, encoding="utf-8")
        generated = expected
    assert generated == expected, "docs/architecture.md is out of date: FAIRDESK_UPDATE_DOCS=1"


def test_the_architecture_page_shows_the_same_rules() -> None:
    """FAIRDESK_UPDATE_DOCS=1 rewrites the page's table after a docstring changes."""
    text = ARCHITECTURE.read_text(encoding="utf-8")
    head, rest = text.split("<!-- layers: generated -->\n")
    generated, tail = rest.split("<!-- /layers -->")
    expected = rules_table()
    if os.environ.get("FAIRDESK_UPDATE_DOCS") == "1":
        ARCHITECTURE.write_text(
            f"{head}<!-- layers: generated -->\n{expected}<!-- /layers -->{tail}"
        )
        generated = expected
    assert generated == expected, (
        "docs/architecture.md is out of date: run with FAIRDESK_UPDATE_DOCS=1"
    )
