#!/usr/bin/env python3
"""Draw FairDesk's application icon with QPainter and write it at every size a desktop
asks for: resources/icons/fairdesk-<N>.png, fairdesk.png (256 px), fairdesk.ico (Windows,
16-256 px) and fairdesk.icns (macOS).

    QT_QPA_PLATFORM=offscreen python packaging/make_icons.py

The icon: a blue tile, a white form with three lines of text, and a green seal with a
tick, the complaint desk's stamped document. Small sizes drop the text lines so the
shape stays crisp.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # noqa: E402
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import (  # noqa: E402
    QBrush,
    QColor,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
)

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)

BLUE_TOP, BLUE_BOTTOM = QColor("#2a6f97"), QColor("#1b4965")
PAPER, FOLD = QColor("#ffffff"), QColor("#d6e4ee")
INK = QColor("#5b7489")
SEAL, TICK = QColor("#2e7d32"), QColor("#ffffff")


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 100.0, size / 100.0)  # draw on a 100 x 100 grid

    tile = QRectF(4, 4, 92, 92)
    gradient = QLinearGradient(0, 4, 0, 96)
    gradient.setColorAt(0, BLUE_TOP)
    gradient.setColorAt(1, BLUE_BOTTOM)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(gradient))
    p.drawRoundedRect(tile, 18, 18)

    # The form, its top right corner folded.
    sheet = QPainterPath()
    sheet.moveTo(24, 16)
    sheet.lineTo(60, 16)
    sheet.lineTo(74, 30)
    sheet.lineTo(74, 84)
    sheet.lineTo(24, 84)
    sheet.closeSubpath()
    p.setBrush(PAPER)
    p.drawPath(sheet)
    fold = QPainterPath()
    fold.moveTo(60, 16)
    fold.lineTo(60, 30)
    fold.lineTo(74, 30)
    fold.closeSubpath()
    p.setBrush(FOLD)
    p.drawPath(fold)
    if size >= 32:
        p.setPen(QPen(INK, 4.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        for y, right in ((34, 52), (46, 64), (58, 48)):
            p.drawLine(QPointF(32, y), QPointF(right, y))

    # The seal with a tick.
    p.setPen(QPen(QColor("#ffffff"), 4))
    p.setBrush(SEAL)
    p.drawEllipse(QPointF(69, 70), 19, 19)
    p.setPen(QPen(TICK, 6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.setBrush(Qt.BrushStyle.NoBrush)
    tick = QPainterPath()
    tick.moveTo(60, 70)
    tick.lineTo(66.5, 77)
    tick.lineTo(78, 63)
    p.drawPath(tick)
    p.end()
    return image


def to_pil(image: QImage) -> Image.Image:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return Image.open(io.BytesIO(bytes(data))).convert("RGBA")


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    del app
    ICONS.mkdir(parents=True, exist_ok=True)
    images = {size: to_pil(draw(size)) for size in SIZES}
    for size, image in images.items():
        image.save(ICONS / f"fairdesk-{size}.png", optimize=True)
    images[256].save(ICONS / "fairdesk.png", optimize=True)
    images[256].save(ICONS / "fairdesk.ico", sizes=[(s, s) for s in ICO_SIZES])
    images[512].save(ICONS / "fairdesk.icns")
    print(f"wrote {len(SIZES)} PNG sizes, fairdesk.ico and fairdesk.icns to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
