"""What a printed document says, read back with poppler's pdftotext (one helper for all tests).

Tests that read PDFs mark themselves with `needs_pdftotext`: the tool is not a Python
package, so a machine without poppler-utils skips them instead of failing.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

needs_pdftotext = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) not installed"
)


def pdf_text(pdf: bytes, tmp_path: Path, *options: str) -> str:
    """The PDF's text as pdftotext gives it (`options`, e.g. "-layout", pass through)."""
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *options, str(path), "-"], capture_output=True, check=True
    ).stdout.decode()


def pdf_words(pdf: bytes, tmp_path: Path) -> str:
    """The text without white space: a sentence may wrap, and Chinese wraps anywhere."""
    return "".join(pdf_text(pdf, tmp_path).split())
