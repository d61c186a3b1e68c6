"""Check a document: is this paper genuine, forged, altered, unknown or revoked?

A USB QR scanner is a keyboard: it types the code's text, then Enter, into whatever has
the focus. The code field has the focus when the dialog opens and after every check
(its text selected, so the next scan replaces it), and it takes no input method, so a
Chinese IME left on cannot swallow the scanner's keystrokes. A pasted code works the
same way, and "Open file…" (or dropping a file on the dialog) reads the QR code of a PDF
or a photo of the page. The answer is given in words and by an icon (never by colour
alone), with the summary of what the genuine document says.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QFontDatabase,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QSizePolicy,
    QWidget,
)

from fairdesk.domain.errors import FairDeskError
from fairdesk.domain.vocabulary import Words
from fairdesk.i18n import error_text, said_text
from fairdesk.services.context import Context
from fairdesk.services.paper import documents as docs
from fairdesk.ui.common.case_labels import desk_both
from fairdesk.ui.common.failure import report_failure
from fairdesk.ui.common.named import named
from fairdesk.ui.common.pdf_preview import PDFIUM_LOCK
from fairdesk.ui.common.tasks import Task, run_task
from fairdesk.ui.forms.ui_verify_dialog import Ui_VerifyDialog

# (parent, caption, start folder, filter) -> the chosen path, "" if cancelled
OpenFileName = Callable[[QWidget, str, str, str], str]

FILE_FILTER = "PDF or picture (*.pdf *.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp);;All files (*)"
MAX_FILE_BYTES = 60 * 1024 * 1024

# status -> (English, Chinese, colour of the icon and frame, background)
STATUS = {
    "genuine": ("Genuine", "真实有效", "#1e7a34", "#e6f4ea"),
    "forged": ("Forged", "伪造", "#b00020", "#fde7ea"),
    "altered": ("Altered", "已被篡改", "#b00020", "#fde7ea"),
    "revoked": ("Revoked", "已撤销", "#a14a00", "#fff1e0"),
    "specimen": ("Specimen (demo)", "样本（演示）", "#a14a00", "#fff1e0"),
    "unknown": ("Unknown", "未登记", "#51565c", "#eef0f2"),
    "malformed": ("Not a document code", "无法识别", "#51565c", "#eef0f2"),
    "error": ("Could not check", "无法核验", "#51565c", "#eef0f2"),
}
# The summary `verify` returns, in reading order, with Chinese labels beside the English.
SUMMARY_LABELS = {
    "document": ("Document", "文书"),
    "number": ("Number", "文书编号"),
    "copy": ("Copy", "联次"),
    "fair": ("Fair", "展会"),
    "case": ("Case", "案件编号"),
    "complainant": ("Complainant", "投诉人"),
    "respondent": ("Respondent", "被投诉人"),
    "says": ("It says", "内容"),
    "issued": ("Issued", "签发时间"),
    "issued by": ("Issued by", "签发人"),
    "superseded by": ("Superseded by", "已被取代"),
}


def system_open_file_name(parent: QWidget, caption: str, folder: str, filters: str) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, caption, folder, filters)
    return path


def status_icon(status: str, size: int = 64) -> QPixmap:
    """A drawn icon for each answer: a tick, a cross, a warning sign, a no-entry sign, '?'."""
    colour = QColor(STATUS.get(status, STATUS["unknown"])[2])
    ratio = QApplication.primaryScreen().devicePixelRatio() if QApplication.primaryScreen() else 1
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = float(size)
    white = QPen(QColor("white"))
    white.setWidthF(s * 0.1)
    white.setCapStyle(Qt.PenCapStyle.RoundCap)
    white.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(colour))
    if status == "altered":
        triangle = QPolygonF(
            [QPointF(s / 2, s * 0.05), QPointF(s * 0.97, s * 0.92), QPointF(s * 0.03, s * 0.92)]
        )
        path = QPainterPath()
        path.addPolygon(triangle)
        painter.drawPath(path)
        painter.setPen(white)
        painter.drawLine(QPointF(s / 2, s * 0.35), QPointF(s / 2, s * 0.62))
        painter.drawPoint(QPointF(s / 2, s * 0.78))
    else:
        painter.drawEllipse(QRectF(s * 0.04, s * 0.04, s * 0.92, s * 0.92))
        painter.setPen(white)
        if status == "genuine":
            painter.drawPolyline(
                QPolygonF(
                    [
                        QPointF(s * 0.27, s * 0.52),
                        QPointF(s * 0.43, s * 0.68),
                        QPointF(s * 0.74, s * 0.34),
                    ]
                )
            )
        elif status == "forged":
            painter.drawLine(QPointF(s * 0.32, s * 0.32), QPointF(s * 0.68, s * 0.68))
            painter.drawLine(QPointF(s * 0.68, s * 0.32), QPointF(s * 0.32, s * 0.68))
        elif status == "revoked":
            painter.drawLine(QPointF(s * 0.28, s / 2), QPointF(s * 0.72, s / 2))
        else:
            font = QFont()
            font.setBold(True)
            font.setPixelSize(round(s * 0.62))
            painter.setFont(font)
            painter.setPen(QColor("white"))
            painter.drawText(QRectF(0, 0, s, s), Qt.AlignmentFlag.AlignCenter, "?")
    painter.end()
    return pixmap


def _bold(label: QLabel, larger: float = 1.0) -> None:
    """Bold, `larger` times the desk's own font size (which the form cannot know)."""
    font = label.font()
    font.setBold(True)
    if larger != 1.0:
        font.setPointSizeF(font.pointSizeF() * larger)
    label.setFont(font)


class VerifyDialog(QDialog):
    """`VerifyDialog(ctx, parent)`: check scanned, pasted or file documents, one after another.

    Emits `checked(Verification)` after every check. Any signed-in role may use it.
    """

    checked = Signal(object)

    def __init__(
        self,
        ctx: Context,
        parent: QWidget | None = None,
        *,
        open_file_name: OpenFileName | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._open_file_name = open_file_name or system_open_file_name
        self.verification: docs.Verification | None = None
        self.status = ""  # genuine | forged | altered | unknown | revoked | malformed | error
        self._task: Task | None = None
        self._file_generation = 0
        self._last_folder = str(Path.home())
        self.ui = Ui_VerifyDialog()  # the layout: ui/verify_dialog.ui
        self.ui.setupUi(self)
        self.setObjectName("verify_dialog")
        ui = self.ui
        _bold(ui.verify_heading, 1.3)
        self.payload_edit = ui.payload_edit
        self.payload_edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        # A scanner types ASCII; an input method (pinyin) would catch its keystrokes.
        self.payload_edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.payload_edit.setInputMethodHints(
            Qt.InputMethodHint.ImhLatinOnly | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self.payload_edit.returnPressed.connect(self.check_typed)
        self.check_button, self.open_button = ui.check_button, ui.open_file_button
        self.check_button.clicked.connect(self.check_typed)
        self.open_button.clicked.connect(self.ask_file)

        # -- the answer ----------------------------------------------------------------------
        self.icon_label, self.status_label = ui.status_icon, ui.status_label
        self.message_label = ui.verify_message
        _bold(self.status_label, 1.8)
        self.result_box = ui.result_box
        self.result_box.hide()
        self.summary_box, self.summary_form = ui.summary_box, ui.summary_form
        self.summary_heading = ui.summary_heading
        _bold(self.summary_heading)
        self.summary_box.hide()
        self.summary_heading.hide()
        self.summary_values: dict[str, QLabel] = {}

        close = ui.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("verify_close")
        close.setText(self.tr("Close (Esc)"))
        close.setAutoDefault(False)  # Enter belongs to the code field
        ui.buttons.rejected.connect(self.reject)
        self.payload_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- checking --------------------------------------------------------------------------
    def check_typed(self) -> docs.Verification | None:
        """Check what is in the code field (typed by a scanner, or pasted)."""
        text = self.payload_edit.text()
        if not text.strip():
            self.payload_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        return self.check(text)

    def check(self, payload: str) -> docs.Verification | None:
        self._file_generation += 1  # a scan wins over a file still being read
        try:
            result = docs.verify(self.ctx, payload)
        except FairDeskError as exc:
            self.show_error(error_text(exc))
            return None
        self.show_result(result)
        return result

    def ask_file(self) -> None:
        path = self._open_file_name(
            self, self.tr("Open a document to check"), self._last_folder, FILE_FILTER
        )
        if path:
            self.check_file(path)

    def check_file(self, path: str | Path) -> None:
        """Read the QR code of a PDF or picture off the UI thread, then show the answer."""
        file = Path(path)
        self._last_folder = str(file.parent)
        try:
            if file.stat().st_size > MAX_FILE_BYTES:
                self.show_error(
                    self.tr("{0} is larger than {1} MB; use a smaller scan or photo.").format(
                        file.name, MAX_FILE_BYTES // (1024 * 1024)
                    )
                )
                return
            data = file.read_bytes()
        except OSError as exc:
            self.show_error(
                self.tr("{0} cannot be read: {1}").format(file.name, exc.strerror or str(exc))
            )
            return
        self._file_generation += 1
        generation = self._file_generation
        self.payload_edit.clear()
        self._show_waiting(self.tr("Reading the QR code of {0}…").format(file.name))
        ctx = self.ctx

        def work(_task: Task) -> docs.Verification:
            with PDFIUM_LOCK:  # the QR reader renders PDF pages with pdfium
                return docs.verify_file(ctx, data)

        def done(result: docs.Verification) -> None:
            if generation == self._file_generation:
                self._task = None
                self.show_result(result, source=file.name)

        def failed(exc: BaseException) -> None:
            if generation != self._file_generation:
                return
            self._task = None
            report_failure(exc, lambda text: self.show_error(text, source=file.name))

        task = run_task(work, owner=self, on_done=done, on_error=failed)
        if generation == self._file_generation and self.status == "":
            self._task = task

    @property
    def busy(self) -> bool:
        return self._task is not None

    # -- showing ---------------------------------------------------------------------------
    def _show_waiting(self, text: str) -> None:
        self.status = ""
        self.verification = None
        self.icon_label.clear()
        self.status_label.setText(self.tr("Checking… · 核验中"))
        self.message_label.setText(text)
        self.result_box.setStyleSheet("#result_box { border: 2px solid #999; }")
        self.result_box.show()
        self._fill_summary({})

    def _paint(self, status: str, words: str, message: str) -> None:
        en, zh, colour, background = STATUS[status]
        self.status = status
        self.icon_label.setPixmap(status_icon(status, 64))
        self.icon_label.setAccessibleName(desk_both(Words(en, zh)))
        self.status_label.setText(words)
        self.status_label.setStyleSheet(f"color: {colour};")
        self.message_label.setText(message)
        self.result_box.setStyleSheet(
            f"#result_box {{ background: {background}; border: 2px solid {colour}; }}"
        )
        self.result_box.show()
        self.payload_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.payload_edit.selectAll()  # the next scan replaces this code

    def show_result(self, result: docs.Verification, source: str = "") -> None:
        self.verification = result
        status = result.status if result.status in STATUS else "unknown"
        en, zh, _colour, _bg = STATUS[status]
        words = desk_both(Words(en.upper(), zh))
        said = said_text(result.said, result.message)
        message = f"{source}: {said}" if source else said
        self._paint(status, words, message)
        self._fill_summary(result.summary)
        self.checked.emit(result)

    def show_error(self, text: str, source: str = "") -> None:
        self.verification = None
        en, zh, _colour, _bg = STATUS["error"]
        self._paint("error", desk_both(Words(en, zh)), f"{source}: {text}" if source else text)
        self._fill_summary({})

    def _fill_summary(self, summary: dict[str, str]) -> None:
        while self.summary_form.rowCount():
            self.summary_form.removeRow(0)
        self.summary_values = {}
        keys = [k for k in SUMMARY_LABELS if summary.get(k)]
        keys += [k for k in summary if k not in SUMMARY_LABELS and summary[k]]
        for key in keys:
            en, zh = SUMMARY_LABELS.get(key, (key, ""))
            value = named(QLabel(summary[key]), f"summary_{key.replace(' ', '_')}")
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setWordWrap(len(summary[key]) > 40)  # short ones: no height guesswork
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
            if key in ("says", "superseded by"):
                bold = value.font()
                bold.setBold(True)
                value.setFont(bold)
            label = f"{desk_both(Words(en, zh))}:" if zh else f"{key}:"
            self.summary_form.addRow(label, value)
            self.summary_values[key] = value
        self.summary_box.setVisible(bool(keys))
        self.summary_heading.setVisible(bool(keys))

    def summary_text(self) -> dict[str, str]:
        return {key: label.text() for key, label in self.summary_values.items()}

    # -- drag and drop ---------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        urls = event.mimeData().urls()
        if len(urls) == 1 and urls[0].isLocalFile() or event.mimeData().hasText():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        urls = event.mimeData().urls()
        if len(urls) == 1 and urls[0].isLocalFile():
            event.acceptProposedAction()
            self.check_file(urls[0].toLocalFile())
        elif event.mimeData().hasText():
            event.acceptProposedAction()
            self.payload_edit.setText(event.mimeData().text().strip())
            self.check_typed()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.payload_edit.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
        self.payload_edit.selectAll()
