#!/usr/bin/env python3
"""Compile the Qt Designer forms: ui/*.ui -> fairdesk/ui/forms/ui_*.py with pyside6-uic.

    python scripts/build_forms.py          regenerate every form
    python scripts/build_forms.py --check  list stale, missing or orphaned forms; exit 1 if any

The generated modules are committed, each with a "generated, do not edit" header;
tests/unit/test_forms_fresh.py fails when one no longer matches its .ui file. The line
naming the compiler's version is left out, so a patch release of PySide6 alone does not
make every form stale.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
FORMS_DIR = ROOT / "fairdesk" / "ui" / "forms"
HEADER = (
    "# GENERATED from {source} by scripts/build_forms.py (pyside6-uic): do not edit.\n"
    "# Change the form in Qt Designer, then run: python scripts/build_forms.py\n"
)
_VERSION_LINE = "## Created by: Qt User Interface Compiler version"


def uic_command() -> list[str]:
    """pyside6-uic of the running Python's environment, else the one on PATH."""
    name = "pyside6-uic.exe" if os.name == "nt" else "pyside6-uic"
    for folder in (Path(sys.executable).parent, Path(sys.executable).parent / "Scripts"):
        if (folder / name).is_file():
            return [str(folder / name)]
    found = shutil.which("pyside6-uic")
    if found:
        return [found]
    raise SystemExit("pyside6-uic was not found: install PySide6 in this environment.")


def target_of(source: Path) -> Path:
    return FORMS_DIR / f"ui_{source.stem}.py"


def compile_form(source: Path) -> str:
    """The module text for one .ui file, header included."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "form.py"
        done = subprocess.run(
            [*uic_command(), "--generator", "python", "-o", str(out), str(source)],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise SystemExit(f"pyside6-uic failed on {source}:\n{done.stderr.strip()}")
        code = out.read_text(encoding="utf-8")
    lines = [line for line in code.splitlines() if not line.startswith(_VERSION_LINE)]
    rel = source.relative_to(ROOT).as_posix() if source.is_relative_to(ROOT) else source.name
    return HEADER.format(source=rel) + "\n".join(lines).rstrip("\n") + "\n"


def sources() -> list[Path]:
    return sorted(UI_DIR.glob("*.ui"))


def expected_forms() -> dict[Path, str]:
    return {target_of(src): compile_form(src) for src in sources()}


def _shown(path: Path) -> str:
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


def problems() -> list[str]:
    """What --check reports: forms that differ from, lack, or outlive their .ui file."""
    found: list[str] = []
    expected = expected_forms()
    for target, text in expected.items():
        if not target.exists():
            found.append(f"{_shown(target)} is missing")
        elif target.read_text(encoding="utf-8") != text:
            found.append(f"{_shown(target)} is stale")
    for existing in sorted(FORMS_DIR.glob("ui_*.py")):
        if existing not in expected:
            found.append(f"{_shown(existing)} has no ui/*.ui source")
    return found


def build() -> list[Path]:
    written = []
    for target, text in expected_forms().items():
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8", newline="\n")
            written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale forms")
    args = parser.parse_args(argv)
    if args.check:
        found = problems()
        for line in found:
            print(line)
        return 1 if found else 0
    for path in build():
        print(f"wrote {_shown(path)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
