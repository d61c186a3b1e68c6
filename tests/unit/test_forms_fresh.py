"""The committed fairdesk/ui/forms/ui_*.py match their ui/*.ui sources (convention 7)."""

from __future__ import annotations

import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")


def _build_forms() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_forms", ROOT / "scripts" / "build_forms.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def build_forms() -> ModuleType:
    return _build_forms()


def test_generated_forms_are_fresh(build_forms: ModuleType) -> None:
    problems = build_forms.problems()
    assert problems == [], "run: python scripts/build_forms.py\n" + "\n".join(problems)


def test_every_form_says_it_is_generated(build_forms: ModuleType) -> None:
    sources = build_forms.sources()
    assert {s.name for s in sources} >= {"fair_dialog.ui", "settings_dialog.ui"}
    for source in sources:
        text = build_forms.target_of(source).read_text(encoding="utf-8")
        assert text.startswith(f"# GENERATED from ui/{source.name} by scripts/build_forms.py")
        assert "do not edit" in text.splitlines()[0]
        assert "Qt User Interface Compiler version" not in text


def test_stale_missing_and_orphaned_forms_are_caught(
    build_forms: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    forms = tmp_path / "forms"
    shutil.copytree(build_forms.FORMS_DIR, forms)
    monkeypatch.setattr(build_forms, "FORMS_DIR", forms)
    assert build_forms.problems() == []
    target = forms / "ui_fair_dialog.py"
    target.write_text(target.read_text(encoding="utf-8").replace("Fair set-up", "Fair"))
    (forms / "ui_settings_dialog.py").unlink()
    (forms / "ui_orphan.py").write_text("# left behind\n")
    assert build_forms.problems() == [
        f"{target} is stale",
        f"{forms / 'ui_settings_dialog.py'} is missing",
        f"{forms / 'ui_orphan.py'} has no ui/*.ui source",
    ]
    assert build_forms.main(["--check"]) == 1
    assert build_forms.main([]) == 0  # regenerates the two forms
    assert (forms / "ui_settings_dialog.py").exists()
    assert build_forms.problems() == [f"{forms / 'ui_orphan.py'} has no ui/*.ui source"]


@pytest.mark.parametrize("source", sorted((ROOT / "ui").glob("*.ui")), ids=lambda p: p.name)
def test_widgets_have_snake_case_names(source: Path) -> None:
    root = ET.parse(source).getroot()
    top = root.find("widget")
    assert top is not None
    names = [
        el.get("name", "")
        for el in root.iter()
        if el.tag in ("widget", "layout", "spacer") and el is not top
    ]
    assert names and [n for n in names if not SNAKE.match(n)] == []
