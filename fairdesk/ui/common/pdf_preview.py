"""PDF pages on screen and on paper, without QtPdf: pypdfium2 renders, Qt paints.

`PdfPreview` shows a document's pages one under the other in a scroll area, with zoom
(Ctrl++ / Ctrl+- / Ctrl+0 fits the width). A document of more than one page is rendered
off the UI thread through `run_task`; a newer document or zoom cancels the older render.

`PrintJob` paints PDF pages onto a `QPrinter` (a real printer, or a PDF file in tests):
each page is rendered at the printer's resolution (at most `MAX_PRINT_DPI`) and fitted
to the sheet. It can run in a worker thread: Qt allows painting on a QPrinter there.

pdfium is not thread-safe, so every call into it here holds `PDFIUM_LOCK`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pypdfium2 as pdfium
import shiboken6
from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeySequence, QPainter, QPixmap, QResizeEvent, QShortcut
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QLabel,
    QWidget,
)

from fairdesk.domain.errors import FairDeskError, InvalidInput
from fairdesk.i18n import error_text
from fairdesk.ui.common.failure import report_failure
from fairdesk.ui.common.named import named
from fairdesk.ui.common.tasks import Task, run_task
from fairdesk.ui.forms.ui_pdf_preview import Ui_PdfPreview

PDFIUM_LOCK = threading.Lock()
SCREEN_DPI = 96.0  # 100 % zoom: a page as large as on paper on a 96 dpi screen
MAX_PRINT_DPI = 300.0  # enough for text and a QR code; 1200 dpi A4 would be 500 MB a page
ZOOMS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)
PAGE_GAP = 12
RESIZE_DELAY_MS = 150


class PrintFailed(FairDeskError):
    """The printer (or the PDF file it writes) could not be opened."""


# -- rendering -----------------------------------------------------------------------------


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise InvalidInput(
            "This file cannot be read as a PDF ({reason}).", reason=str(exc)
        ) from None


@dataclass(frozen=True)
class PdfInfo:
    pages: int
    sizes: tuple[tuple[float, float], ...]  # (width, height) of each page in points


def pdf_info(data: bytes) -> PdfInfo:
    with PDFIUM_LOCK:
        pdf = _open(data)
        try:
            sizes = []
            for index in range(len(pdf)):
                width, height = pdf.get_page_size(index)
                sizes.append((float(width), float(height)))
            return PdfInfo(len(sizes), tuple(sizes))
        finally:
            pdf.close()


def _render(pdf: pdfium.PdfDocument, index: int, scale: float) -> QImage:
    page = pdf[index]
    try:
        bitmap = page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True)
        try:
            image = QImage(
                bytes(bitmap.buffer),
                bitmap.width,
                bitmap.height,
                bitmap.stride,
                QImage.Format.Format_RGBX8888,
            )
            return image.copy()  # own the pixels before the buffer goes
        finally:
            bitmap.close()
    finally:
        page.close()


def render_page(data: bytes, index: int, dpi: float) -> QImage:
    with PDFIUM_LOCK:
        pdf = _open(data)
        try:
            return _render(pdf, index, dpi / 72.0)
        finally:
            pdf.close()


def render_pages(
    data: bytes, dpi: float, progress: Callable[[int, int], None] | None = None
) -> list[QImage]:
    """Every page as an image at `dpi`; `progress(done, total)` may raise `Cancelled`."""
    count = pdf_info(data).pages
    images = []
    for index in range(count):
        if progress is not None:
            progress(index, count)
        images.append(render_page(data, index, dpi))
    if progress is not None:
        progress(count, count)
    return images


# -- printing ------------------------------------------------------------------------------


class PrintJob:
    """Pages of one or more PDFs onto one printer job.

    `job = PrintJob(printer); job.add(pdf); ...; job.finish()` — or use it as a context
    manager. `add` honours the page range chosen in the print dialog when `ranged` is set
    (a single document), and prints `copyCount()` copies itself when the printer cannot.
    """

    def __init__(self, printer: QPrinter) -> None:
        self.printer = printer
        self.painter: QPainter | None = None
        self.pages = 0

    def __enter__(self) -> PrintJob:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.finish()

    def _begin(self) -> QPainter:
        if self.painter is None:
            self.printer.setFullPage(True)  # the documents carry their own margins
            painter = QPainter()
            if not painter.begin(self.printer):
                where = self.printer.outputFileName() or self.printer.printerName()
                raise PrintFailed(
                    "The printer {where!r} could not be started (is it connected, or is the "
                    "file writable?). Nothing was printed.",
                    where=where,
                )
            self.painter = painter
        return self.painter

    def _page_numbers(self, count: int, ranged: bool) -> list[int]:
        first, last = 1, count
        if ranged and self.printer.printRange() == QPrinter.PrintRange.PageRange:
            first = max(1, self.printer.fromPage() or 1)
            last = min(count, self.printer.toPage() or count)
        return list(range(first - 1, last))

    def add(
        self,
        data: bytes,
        *,
        ranged: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> int:
        """Print `data`'s pages; returns how many sheets it added. `progress` may cancel."""
        info = pdf_info(data)
        numbers = self._page_numbers(info.pages, ranged)
        copies = 1 if self.printer.supportsMultipleCopies() else max(1, self.printer.copyCount())
        sequence = [n for _copy in range(copies) for n in numbers]
        painter = self._begin()
        target = QRect(0, 0, self.printer.width(), self.printer.height())
        done = 0
        for index in sequence:
            if progress is not None:
                progress(done, len(sequence))
            width_pt, height_pt = info.sizes[index]
            fit = min(target.width() / width_pt, target.height() / height_pt)
            dpi = min(fit * 72.0, MAX_PRINT_DPI)
            image = render_page(data, index, dpi)
            size = QSize(round(width_pt * fit), round(height_pt * fit))
            box = QRect(target.topLeft(), size)
            box.moveCenter(target.center())
            if self.pages and not self.printer.newPage():
                raise PrintFailed("The printer refused a new page; the job was cut short.")
            painter.drawImage(box, image)
            self.pages += 1
            done += 1
        if progress is not None:
            progress(done, len(sequence))
        return done

    def finish(self) -> None:
        if self.painter is not None:
            self.painter.end()
            self.painter = None


def print_pdf(
    printer: QPrinter,
    data: bytes,
    *,
    ranged: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Print one PDF; returns the number of sheets."""
    with PrintJob(printer) as job:
        return job.add(data, ranged=ranged, progress=progress)


def pdf_printer(document_name: str = "") -> QPrinter:
    """A printer set up for FairDesk documents: A4, portrait, high resolution."""
    from PySide6.QtGui import QPageLayout, QPageSize

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    if document_name:
        printer.setDocName(document_name)
    return printer


# -- the preview widget -------------------------------------------------------------------


class PdfPreview(QWidget):
    """Pages of a PDF under one another, zoomable; `set_pdf(data)` shows a document.

    Emits `rendered(pages)` once the pages are on screen and `failed(message)` if the
    bytes cannot be shown.
    """

    rendered = Signal(int)
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdf_preview")
        self._data: bytes | None = None
        self._info: PdfInfo | None = None
        self._zoom = 1.0
        self._fit_width = True
        self._generation = 0
        self._settled = -1  # the last generation whose render finished (shown or failed)
        self._task: Task | None = None
        self._images: list[QImage] = []
        self.page_labels: list[QLabel] = []

        self.ui = Ui_PdfPreview()  # the layout: ui/pdf_preview.ui
        self.ui.setupUi(self)
        ui = self.ui
        self.zoom_out_button, self.zoom_in_button = ui.zoom_out_button, ui.zoom_in_button
        self.fit_button, self.actual_button = ui.fit_width_button, ui.actual_size_button
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.fit_button.clicked.connect(self.fit_width)
        self.actual_button.clicked.connect(lambda: self.set_zoom(1.0))
        self.zoom_label, self.pages_label = ui.zoom_label, ui.pages_label
        for sequence, slot in (
            (QKeySequence.StandardKey.ZoomIn, self.zoom_in),
            (QKeySequence("Ctrl+="), self.zoom_in),
            (QKeySequence.StandardKey.ZoomOut, self.zoom_out),
            (QKeySequence("Ctrl+0"), self.fit_width),
        ):
            QShortcut(QKeySequence(sequence), self, slot)
        self.pages_widget, self.pages_layout = ui.preview_pages, ui.pages_layout
        self.pages_layout.setSpacing(PAGE_GAP)
        self.pages_layout.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.message_label, self.scroll_area = ui.preview_message, ui.preview_scroll

        self._resize_timer = QTimer(self, singleShot=True, interval=RESIZE_DELAY_MS)
        self._resize_timer.timeout.connect(self._refit)
        self.show_message(self.tr("No document to show."))

    # -- what is shown -------------------------------------------------------------------
    def data(self) -> bytes | None:
        return self._data

    def page_count(self) -> int:
        """Pages on screen now (0 while rendering or showing a message)."""
        return len(self.page_labels)

    @property
    def busy(self) -> bool:
        return self._task is not None

    def zoom(self) -> float:
        return self._zoom

    def show_message(self, text: str) -> None:
        """No pages, a sentence instead (nothing selected, revoked, cannot render...)."""
        self._cancel()
        self._data = None
        self._info = None
        self._images = []
        self._clear_pages()
        self.message_label.setText(text)
        self.message_label.show()
        self.pages_label.setText("")
        self._update_zoom_controls()

    def set_pdf(self, data: bytes) -> None:
        self._cancel()
        try:
            info = pdf_info(data)
        except FairDeskError as exc:
            self.show_message(error_text(exc))
            self.failed.emit(error_text(exc))
            return
        self._data = data
        self._info = info
        self._images = []
        self._render()

    def clear(self) -> None:
        self.show_message(self.tr("No document to show."))

    # -- zoom ----------------------------------------------------------------------------
    def set_zoom(self, zoom: float, *, fit: bool = False) -> None:
        zoom = max(ZOOMS[0], min(ZOOMS[-1], zoom))
        self._fit_width = fit
        self.fit_button.setChecked(fit)
        if abs(zoom - self._zoom) < 0.005 and self._images:
            self._update_zoom_controls()
            return
        self._zoom = zoom
        self._update_zoom_controls()
        if self._data is not None:
            self._render()

    def zoom_in(self) -> None:
        self.set_zoom(next((z for z in ZOOMS if z > self._zoom + 0.005), ZOOMS[-1]))

    def zoom_out(self) -> None:
        self.set_zoom(next((z for z in reversed(ZOOMS) if z < self._zoom - 0.005), ZOOMS[0]))

    def fit_width(self) -> None:
        self.set_zoom(self._fit_zoom(), fit=True)

    def _fit_zoom(self) -> float:
        if self._info is None or not self._info.sizes:
            return self._zoom
        widest = max(w for w, _h in self._info.sizes) * SCREEN_DPI / 72.0
        room = self.scroll_area.viewport().width() - 2 * PAGE_GAP - 4
        return max(ZOOMS[0], room / widest) if room > 50 else 1.0

    def _refit(self) -> None:
        if self._fit_width and self._data is not None:
            self.set_zoom(self._fit_zoom(), fit=True)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self._fit_width and self._data is not None:
            self._resize_timer.start()

    def _update_zoom_controls(self) -> None:
        self.zoom_label.setText(f"{round(self._zoom * 100)} %")
        has = self._data is not None
        self.zoom_in_button.setEnabled(has and self._zoom < ZOOMS[-1] - 0.005)
        self.zoom_out_button.setEnabled(has and self._zoom > ZOOMS[0] + 0.005)
        self.fit_button.setEnabled(has)
        self.actual_button.setEnabled(has)

    # -- rendering -----------------------------------------------------------------------
    def _cancel(self) -> None:
        self._generation += 1
        if self._task is not None:
            self._task.cancel()
            self._task = None

    def _render(self) -> None:
        assert self._data is not None and self._info is not None
        self._cancel()
        if self._fit_width:
            self._zoom = self._fit_zoom()
        self._update_zoom_controls()
        generation = self._generation
        data = self._data
        ratio = self.devicePixelRatioF() or 1.0
        dpi = SCREEN_DPI * self._zoom * ratio
        count = self._info.pages
        if count <= 1:
            try:
                images = render_pages(data, dpi)
            except FairDeskError as exc:
                self._failed(generation, exc)
                return
            self._show(generation, images)
            return
        self.pages_label.setText(self.tr("Rendering {0} pages…").format(count))

        def work(task: Task) -> list[QImage]:
            return render_pages(data, dpi, task.progress)

        def done(images: list[QImage]) -> None:
            if shiboken6.isValid(self):
                self._show(generation, images)

        def failed(exc: BaseException) -> None:
            if shiboken6.isValid(self):
                self._failed(generation, exc)

        def progressed(done_pages: int, total: int) -> None:
            if shiboken6.isValid(self) and generation == self._generation:
                self.pages_label.setText(
                    self.tr("Rendering page {0} of {1}…").format(min(done_pages + 1, total), total)
                )

        task = run_task(work, owner=self, on_done=done, on_error=failed, on_progress=progressed)
        if generation == self._generation and self._settled != generation:
            self._task = task  # still running (a synchronous pool has finished already)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._task = None
        self._settled = generation
        report_failure(exc, self._not_drawn)

    def _not_drawn(self, text: str) -> None:
        self.show_message(text)
        self.failed.emit(text)

    def _clear_pages(self) -> None:
        for label in self.page_labels:
            self.pages_layout.removeWidget(label)
            label.deleteLater()
        self.page_labels = []

    def _show(self, generation: int, images: Sequence[QImage]) -> None:
        if generation != self._generation:
            return
        self._task = None
        self._settled = generation
        self._images = list(images)
        self._clear_pages()
        self.message_label.hide()
        ratio = self.devicePixelRatioF() or 1.0
        for number, image in enumerate(self._images, start=1):
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            label = named(QLabel(), f"preview_page_{number}")
            label.setPixmap(pixmap)
            label.setStyleSheet("background: white; border: 1px solid #50555c;")
            label.setFixedSize(pixmap.deviceIndependentSize().toSize() + QSize(2, 2))
            label.setAccessibleName(self.tr("Page {0} of {1}").format(number, len(self._images)))
            self.pages_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)
        count = len(self._images)
        self.pages_label.setText(
            self.tr("{0} page(s) · 共{0}页").format(count)
            if count != 1
            else self.tr("1 page · 共1页")
        )
        self._update_zoom_controls()
        self.rendered.emit(count)
