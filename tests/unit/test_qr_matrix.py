"""The QR modules FairDesk draws are the `qrcode` library's, module for module: a
document issued with either must reprint to the same bytes."""

from __future__ import annotations

import io
import random
import string
from collections.abc import Callable

import pytest
import qrcode
import qrcode.constants
from reportlab.pdfgen.canvas import Canvas

from fairdesk.documents import furniture, qr


def library(payload: str) -> tuple[tuple[bool, ...], ...]:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(payload)
    code.make(fit=True)
    return tuple(tuple(bool(x) for x in row) for row in code.get_matrix())


def payloads(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    alphabet = string.ascii_letters + string.digits + "-_.~"
    out = []
    for _ in range(count):
        length = rng.choice([1, 4, 17, 40, 90, 160, 251, 300, 500])
        out.append("".join(rng.choice(alphabet) for _ in range(length)))
    return out


SHAPES = [
    "FD2.CIIE2026-D000001." + "A" * 200,  # a document's payload: a version 7+ code
    "FD1.CANTON2026-D000123.abc",
    "0123456789" * 5,  # digits only: the numeric mode
    "HELLO WORLD 123",  # the alphanumeric mode
    "展会 知识产权",  # bytes beyond ASCII
    "",
]


@pytest.mark.parametrize("payload", SHAPES + payloads(120, seed=16))
def test_same_modules_as_the_library(payload: str) -> None:
    assert qr.matrix(payload) == library(payload)


def test_every_mask_is_chosen_somewhere() -> None:
    """The comparison above means something only if the payloads pick different masks."""
    chosen = set()
    for payload in payloads(200, seed=7):
        code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
        code.add_data(payload)
        code.make(fit=True)
        chosen.add(code.best_mask_pattern())
    assert chosen == set(range(8))


def test_penalty_matches_the_library_on_any_grid() -> None:
    rng = random.Random(3)
    for n in (21, 25, 45):
        grid = [[rng.random() < 0.5 for _ in range(n)] for _ in range(n)]
        rows = [sum(1 << c for c, dark in enumerate(row) if dark) for row in grid]
        assert qr.lost_point(rows, n) == qrcode.util.lost_point(grid)


def rect_by_rect(canvas: Canvas, payload: str, x: float, y: float, size: float) -> None:
    """How the QR code was drawn before its operators were kept: `canvas.rect` per run."""
    from reportlab.lib import colors

    matrix = qr.matrix(payload)
    n = len(matrix)
    cell = size / n
    canvas.saveState()
    canvas.setFillColor(colors.black)
    for r, row in enumerate(matrix):
        c = 0
        while c < n:
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                box = (x + start * cell, y + size - (r + 1) * cell, (c - start) * cell, cell)
                canvas.rect(*box, stroke=0, fill=1)
            else:
                c += 1
    canvas.restoreState()


@pytest.mark.parametrize("payload", SHAPES[:3] + payloads(5, seed=4))
def test_the_drawn_code_is_the_same_bytes_as_drawn_rectangle_by_rectangle(payload: str) -> None:
    def pdf(draw: Callable[[Canvas, str, float, float, float], None]) -> bytes:
        out = io.BytesIO()
        canvas = Canvas(out, invariant=1)
        for page in range(2):  # the second page draws it from what the first one kept
            draw(canvas, payload, 150.3 + page, 40.25, 73.7)
            canvas.showPage()
        canvas.save()
        return out.getvalue()

    assert pdf(furniture.draw_qr) == pdf(rect_by_rect)
