"""Photos on the inspector's screen: a strip to attach them, a gallery to look at them.

`EvidenceStrip` collects photos for a finding not saved yet: "Add photo…" (Ctrl+P)
opens a file dialog, files can be dropped on it, each is checked against the size limit
at once (the message names the limit). `EvidenceGallery` shows stored evidence (the
"before" and "after" photos of a re-check) from their reduced copies; a file whose hash
no longer matches, or that is missing, is shown as such, never silently.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fairdesk.domain.errors import FairDeskError
from fairdesk.i18n import error_text
from fairdesk.services.context import Context
from fairdesk.services.inspection import evidence
from fairdesk.services.inspection.evidence import EvidenceProblem, LinkedEvidence, PhotoInput
from fairdesk.ui.common.named import named

THUMB = 96
PHOTO_FILTER = (
    "Photos and scans (*.jpg *.jpeg *.png *.heic *.webp *.tif *.tiff *.pdf);;All files (*)"
)


def thumbnail(data: bytes | None, caption: str = "", colour: str = "#cfd8dc") -> QIcon:
    """A square icon of a picture, or a coloured tile with a word when there is none."""
    pixmap = QPixmap(THUMB, THUMB)
    pixmap.fill(QColor("#ffffff"))
    image = QImage.fromData(data) if data else QImage()
    painter = QPainter(pixmap)
    if not image.isNull():
        scaled = image.scaled(
            THUMB,
            THUMB,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        painter.drawImage((THUMB - scaled.width()) // 2, (THUMB - scaled.height()) // 2, scaled)
    else:
        painter.fillRect(4, 4, THUMB - 8, THUMB - 8, QColor(colour))
        painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, caption)
    painter.end()
    return QIcon(pixmap)


def _photo_list(name: str) -> QListWidget:
    view = named(QListWidget(), name)
    view.setViewMode(QListView.ViewMode.IconMode)
    view.setIconSize(QSize(THUMB, THUMB))
    view.setGridSize(QSize(THUMB + 24, THUMB + 34))
    view.setFlow(QListView.Flow.LeftToRight)
    view.setWrapping(False)
    view.setMovement(QListView.Movement.Static)
    view.setFixedHeight(THUMB + 48)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    return view


class EvidenceStrip(QWidget):
    """Photos attached to a finding being recorded (not yet stored)."""

    changed = Signal()

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.photos: list[PhotoInput] = []
        self.list = _photo_list("photo_list")
        self.list.setAcceptDrops(False)
        self.list.setAccessibleName(self.tr("Photos attached"))
        # The screen that holds the strip binds Ctrl+P to `choose_files` (one strip per tab).
        self.add_button = named(QPushButton(self.tr("Add photo…")), "add_photo_button")
        self.add_button.setToolTip(self.tr("Ctrl+P, or drop files here"))
        self.add_button.clicked.connect(self.choose_files)
        self.remove_button = named(QPushButton(self.tr("Remove")), "remove_photo_button")
        self.remove_button.clicked.connect(self.remove_selected)
        self.problem = named(QLabel(), "photo_problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()
        self.empty_text = title or self.tr("Photos: none yet — Ctrl+P or drop files here")
        self.hint = named(QLabel(self.empty_text), "photo_hint")
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        self._update()

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Attach photos or scans"), "", self.tr(PHOTO_FILTER)
        )
        if files:
            self.add_files(files)

    def add_files(self, paths: Iterable[str | Path]) -> int:
        """Attach files; the ones refused (too large, unreadable) are said below the strip."""
        problems = []
        added = 0
        for path in paths:
            try:
                photo = evidence.read_photo(path)
            except FairDeskError as exc:
                problems.append(error_text(exc))
                continue
            self.photos.append(photo)
            is_pdf = photo.data.startswith(b"%PDF-")
            item = QListWidgetItem(
                thumbnail(None if is_pdf else photo.data, "PDF" if is_pdf else "?"),
                evidence.safe_name(photo.name)[:18],
            )
            item.setToolTip(evidence.safe_name(photo.name))
            self.list.addItem(item)
            added += 1
        self.problem.setText("\n".join(problems))
        self.problem.setVisible(bool(problems))
        self._update()
        return added

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            row = self.list.row(item)
            self.list.takeItem(row)
            del self.photos[row]
        self._update()

    def clear(self) -> None:
        self.photos = []
        self.list.clear()
        self.problem.hide()
        self._update()

    def _update(self) -> None:
        n = len(self.photos)
        self.remove_button.setEnabled(n > 0)
        self.hint.setText(self.tr("Photos: {0} attached").format(n) if n else self.empty_text)
        self.changed.emit()

    # -- drag and drop --------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        files = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            self.add_files(files)
            event.acceptProposedAction()


class EvidenceGallery(QWidget):
    """Stored evidence shown from reduced copies; damaged or missing files say so."""

    def __init__(self, ctx: Context, title: str, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.title = named(QLabel(title), f"{name}_title")
        self.list = _photo_list(name)
        self.problems: list[str] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list)

    def show_evidence(self, items: Iterable[LinkedEvidence]) -> None:
        self.list.clear()
        self.problems = []
        for linked in items:
            info = linked.evidence
            try:
                data = evidence.reduced_copy(self.ctx, info.sha256) if info.is_image else None
                icon = thumbnail(data, info.mime.split("/")[-1].upper()[:6])
                tip = evidence.safe_name(info.name)
            except EvidenceProblem as exc:
                icon = thumbnail(None, self.tr("DAMAGED"), "#ffcdd2")
                tip = error_text(exc)
                self.problems.append(tip)
            except FairDeskError as exc:  # the server went away: say so on the tile
                icon = thumbnail(None, self.tr("offline"), "#fff3cd")
                tip = error_text(exc)
            item = QListWidgetItem(icon, evidence.safe_name(info.name)[:18])
            item.setToolTip(tip)
            item.setData(Qt.ItemDataRole.UserRole, info.sha256)
            self.list.addItem(item)
        if not self.list.count():
            self.list.addItem(QListWidgetItem(self.tr("(none)")))
