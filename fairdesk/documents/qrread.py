# mypy: disable-error-code="import-untyped,import-not-found"
"""Read FairDesk QR codes from an image (PNG, JPEG) or from a PDF's pages.

Decoding is done by zbar (the `pyzbar` binding; on Linux it needs the system library,
Debian's libzbar0; the Windows wheels carry it). PDF pages are rendered with pypdfium2
when it is installed, else with poppler's `pdftoppm`.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from PIL import Image

from fairdesk.domain.errors import FairDeskError, InvalidInput

PDF_DPI = 200
MAX_PAGES = 3  # every page carries the code; looking at the first few is enough


class DecoderMissing(FairDeskError):
    pass


def _zbar_decode(image: Image.Image) -> list[str]:
    try:
        from pyzbar import pyzbar
    except ImportError as exc:  # pragma: no cover - depends on the machine
        raise DecoderMissing(
            "Reading QR codes needs the zbar library (install Debian's libzbar0 or the "
            "pyzbar package): {reason}",
            reason=str(exc),
        ) from None
    gray = image.convert("L")
    found = pyzbar.decode(gray, symbols=[pyzbar.ZBarSymbol.QRCODE])
    texts: list[str] = []
    for r in found:
        text = r.data.decode("utf-8", "replace")
        if text not in texts:
            texts.append(text)
    return texts


def decode_image(image: Image.Image) -> list[str]:
    texts = _zbar_decode(image)
    if not texts and max(image.size) > 2400:
        # Very large photos: zbar does better on a smaller picture.
        small = image.copy()
        small.thumbnail((1600, 1600))
        texts = _zbar_decode(small)
    return texts


def _pdf_pages(data: bytes, dpi: int = PDF_DPI) -> list[Image.Image]:
    try:
        import pypdfium2 as pdfium
    except ImportError:
        return _pdf_pages_poppler(data, dpi)
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise InvalidInput(
            "This file cannot be read as a PDF ({reason}).", reason=str(exc)
        ) from None
    try:
        images = []
        for index in range(min(len(pdf), MAX_PAGES)):
            page = pdf[index]
            bitmap = page.render(scale=dpi / 72)
            images.append(bitmap.to_pil())
            bitmap.close()
            page.close()
        return images
    finally:
        pdf.close()


def _pdf_pages_poppler(data: bytes, dpi: int) -> list[Image.Image]:
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise DecoderMissing(
            "Reading a PDF needs pypdfium2 (pip) or pdftoppm (Debian's poppler-utils)."
        )
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.pdf"
        src.write_bytes(data)
        result = subprocess.run(
            [tool, "-r", str(dpi), "-l", str(MAX_PAGES), "-png", str(src), str(Path(tmp) / "p")],
            capture_output=True,
            check=False,
        )
        if result.returncode != 0:
            raise InvalidInput("This file cannot be read as a PDF.")
        pages = []
        for png in sorted(Path(tmp).glob("p*.png")):
            with Image.open(png) as img:
                pages.append(img.copy())
        return pages


def pdf_text(data: bytes) -> str:
    """The PDF's text layer (empty for a scan), used to compare a file with the register."""
    try:
        import pypdfium2 as pdfium
    except ImportError:
        tool = shutil.which("pdftotext")
        if tool is None:
            return ""
        result = subprocess.run([tool, "-", "-"], input=data, capture_output=True, check=False)
        return result.stdout.decode("utf-8", "replace")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        return ""
    try:
        parts = []
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            parts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return "\n".join(parts)
    finally:
        pdf.close()


def pdf_keywords(data: bytes) -> str:
    """The PDF's /Keywords entry (FairDesk writes the root key and the audit anchor there;
    reportlab writes it as a literal string), "" when there is none."""
    found = _KEYWORDS.search(data)
    if found is None:
        return ""
    raw = re.sub(rb"\\(.)", rb"\1", found[1])  # undo the string's escapes
    return raw.decode("latin-1")


_KEYWORDS = re.compile(rb"/Keywords\s*\(((?:\\.|[^\\)])*)\)")


def is_pdf(data: bytes) -> bool:
    return data[:5] == b"%PDF-"


def read_codes(data: bytes) -> list[str]:
    """Every QR text found in a PDF (first pages) or an image, in reading order."""
    if is_pdf(data):
        texts: list[str] = []
        for page in _pdf_pages(data):
            for text in decode_image(page):
                if text not in texts:
                    texts.append(text)
            if texts:
                break  # every page carries the same code
        return texts
    try:
        with Image.open(io.BytesIO(data)) as img:
            img.load()
            return decode_image(img)
    except (OSError, Image.DecompressionBombError) as exc:
        raise InvalidInput(
            "This file is neither a PDF nor a picture FairDesk can read ({reason}).",
            reason=str(exc),
        ) from None
