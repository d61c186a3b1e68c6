"""The bare reportlab document B3 and B8 compare FairDesk's decision with: the product's
TrueType files, the same text on the same number of pages, the same QR code on each page.

Light on purpose: B8 runs it as a whole process (`python -m tests.benchmarks.bare_pdf
PAGES.json OUT.pdf`), against `fairdesk print decision`, so it imports reportlab, qrcode
and nothing of FairDesk but the resource path.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path


class BarePage:
    """The baseline: reportlab's canvas, the product's TrueType files registered under
    other names, each line split into Latin and CJK runs, a QR code drawn as squares."""

    def __init__(self) -> None:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        from fairdesk.resources_path import resource

        for name, file in (("BL-Sans", "DejaVuSans.ttf"), ("BL-CJK", "DroidSansFallbackFull.ttf")):
            pdfmetrics.registerFont(TTFont(name, str(resource("fonts", file))))

    def render(self, pages: list[list[str]], payload: str) -> bytes:
        import qrcode
        import qrcode.constants
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.units import mm
        from reportlab.pdfgen.canvas import Canvas

        qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
        qr.add_data(payload)
        qr.make(fit=True)
        matrix = qr.get_matrix()
        out = io.BytesIO()
        canvas = Canvas(out, pagesize=A4, invariant=1)
        width, height = A4
        for lines in pages:
            y = height - 20 * mm
            for line in lines:
                x = 18 * mm
                for font, run in _runs(line):
                    canvas.setFont(font, 8.5)
                    canvas.drawString(x, y, run)
                    x += canvas.stringWidth(run, font, 8.5)
                y -= 11
            size = 26 * mm
            cell = size / len(matrix)
            for r, row in enumerate(matrix):
                for c, dark in enumerate(row):
                    if dark:
                        canvas.rect(
                            width - 18 * mm - size + c * cell,
                            14 * mm + size - (r + 1) * cell,
                            cell,
                            cell,
                            stroke=0,
                            fill=1,
                        )
            canvas.showPage()
        canvas.save()
        return out.getvalue()


def _runs(line: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for ch in line:
        font = "BL-CJK" if ord(ch) >= 0x2E80 else "BL-Sans"
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + ch)
        else:
            out.append((font, ch))
    return out


def main(argv: list[str]) -> int:
    """PAGES.json ({"pages": [[line, ...], ...], "payload": str}) -> OUT.pdf"""
    spec = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    Path(argv[1]).write_bytes(BarePage().render(spec["pages"], spec["payload"]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
