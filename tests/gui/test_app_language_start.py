"""`fairdesk --lang zh_CN` starts the desktop app (the sixth new-user review: reading
`--lang` for the command line's own texts had made a window-less Qt application, and the
app then failed before its first window)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# The first-run welcome is closed at once: the app has started, and ends.
SCRIPT = """
import sys
from PySide6.QtWidgets import QDialog
QDialog.exec = lambda self: int(QDialog.DialogCode.Rejected)
from fairdesk.cli import main
sys.exit(main([*sys.argv[1:]]))
"""


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_app_starts_in_the_language_asked_for(tmp_path: Path, lang: str) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, "--lang", lang, "--data-dir", str(tmp_path / "data")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 0, done.stderr
