"""Data flows one way: nothing below fairdesk/ui imports Qt widgets or the ui package."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "fairdesk"
LOWER = ["domain", "db", "services", "documents"]
FORBIDDEN = {
    "domain": ("PySide6", "sqlalchemy", "fairdesk.db", "fairdesk.services", "fairdesk.ui"),
    "db": ("PySide6.QtWidgets", "PySide6.QtGui", "fairdesk.services", "fairdesk.ui"),
    "services": ("PySide6.QtWidgets", "PySide6.QtGui", "fairdesk.ui"),
    "documents": ("PySide6.QtWidgets", "fairdesk.ui"),
}


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("layer", LOWER)
def test_layer_does_not_import_upwards(layer: str) -> None:
    offenders = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        for name in _imports(path):
            if any(name == f or name.startswith(f + ".") for f in FORBIDDEN[layer]):
                offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offenders == []
