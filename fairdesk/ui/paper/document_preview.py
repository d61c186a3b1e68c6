"""The documents dialog's preview side: the pages of the document chosen, rendered off the
UI thread, and the issued bytes it prints and saves.

A reprint is byte-identical to the issued document (`render_document`); the bytes are
kept by number, so going back to a document shows it at once. A revoked document is
never shown for printing: the pane says why instead. A document chosen while another
still renders wins; the late pages of the first are dropped.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from fairdesk.services.context import Context
from fairdesk.services.paper import documents as docs
from fairdesk.ui.common.failure import report_failure
from fairdesk.ui.common.named import named
from fairdesk.ui.common.pdf_preview import PdfPreview
from fairdesk.ui.common.tasks import Task, run_task
from fairdesk.ui.paper.document_list import DocumentEntry


def _tr(text: str) -> str:
    return QCoreApplication.translate("DocumentDialog", text)


class PreviewSide(QWidget):
    """`changed` when what can be printed changed; `ready(number)` once its pages show."""

    changed = Signal()
    ready = Signal(str)

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.setObjectName("preview_side")
        self.ctx = ctx
        self.number = ""  # the document shown
        self.pdfs: dict[str, bytes] = {}  # issued or reprinted bytes, by number
        self._generation = 0
        self._task: Task | None = None
        self.title = named(QLabel(), "preview_title")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        bold = self.title.font()
        bold.setBold(True)
        self.title.setFont(bold)
        self.preview = PdfPreview(self)
        self.preview.rendered.connect(self._rendered)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.preview, 1)

    def pdf(self) -> bytes | None:
        """The bytes of the document shown (None if revoked or not loaded)."""
        return self.pdfs.get(self.number) if self.number else None

    def drop_loading(self) -> None:
        """What still renders is not wanted any more: its pages are not shown."""
        self._generation += 1
        if self._task is not None:
            self._task.cancel()
            self._task = None

    def show_entry(self, entry: DocumentEntry, title: str) -> None:
        number = entry.row.number
        self.number = number
        self.drop_loading()
        self.title.setText(title)
        if not entry.valid:
            r = entry.row
            instead = _tr(" Print {0} instead.").format(r.superseded_by) if r.superseded_by else ""
            self.preview.show_message(
                _tr(
                    "{0} was revoked ({1}) and cannot be printed again: a scan of its QR code "
                    "says REVOKED.{2}"
                ).format(number, r.revoke_reason, instead)
            )
            self.changed.emit()
            return
        cached = self.pdfs.get(number)
        if cached is not None:
            self.preview.set_pdf(cached)
            self.changed.emit()
            return
        self.preview.show_message(_tr("Rendering {0}…").format(number))
        self.changed.emit()
        self._render(number)

    def _render(self, number: str) -> None:
        generation = self._generation
        ctx = self.ctx

        def work(_task: Task) -> bytes:
            return docs.render_document(ctx, number)

        def done(pdf: bytes) -> None:
            if generation != self._generation:
                return
            self._task = None
            self.pdfs[number] = pdf
            self.preview.set_pdf(pdf)
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            if generation != self._generation:
                return
            self._task = None
            report_failure(exc, self._not_loaded)

        task = run_task(work, owner=self, on_done=done, on_error=failed)
        if generation == self._generation and number not in self.pdfs:
            self._task = task

    def _not_loaded(self, text: str) -> None:
        self.preview.show_message(text)
        self.changed.emit()

    def _rendered(self, _pages: int) -> None:
        self.changed.emit()
        if self.number:
            self.ready.emit(self.number)
