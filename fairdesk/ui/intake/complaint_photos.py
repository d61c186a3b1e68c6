"""Photos of a respondent's accused exhibits, chosen at intake and attached to the case
once the complaint is saved (a photo that fails then can be added from the case view).

A file that is too large or cannot be read is named at once, under the button, and is
not kept. The words are the respondent row's ("RespondentRow" context).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton

from fairdesk.domain.errors import FairDeskError
from fairdesk.i18n import error_text
from fairdesk.services.inspection.evidence import check_size
from fairdesk.ui.common.named import named
from fairdesk.ui.intake.complaint_widgets import Field


def _tr(text: str) -> str:
    return QCoreApplication.translate("RespondentRow", text)


class PhotosRow(QHBoxLayout):
    """The "Photos…" button, what is to be attached, and "Clear photos"."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.photos: list[Path] = []
        self.add_photos = named(QPushButton(_tr("Photos…")), "add_photos")
        self.add_photos.setToolTip(_tr("Photos or scans of the accused exhibits"))
        self.add_photos.setAccessibleName(_tr("Add photos of the accused exhibits"))
        self.photos_field = Field(self.add_photos)
        self.photos_label = named(QLabel(), "photos_label")
        self.photos_label.setWordWrap(True)
        self.clear_photos = named(QPushButton(_tr("Clear photos")), "clear_photos")
        self.addWidget(self.photos_field, 0, Qt.AlignmentFlag.AlignTop)
        self.addWidget(self.photos_label, 1)
        self.addWidget(self.clear_photos, 0, Qt.AlignmentFlag.AlignTop)
        self.add_photos.clicked.connect(self.choose_photos)
        self.clear_photos.clicked.connect(lambda: self.set_photos([]))

    def choose_photos(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self.parentWidget(),
            _tr("Photos of the accused exhibits"),
            "",
            _tr("Photos and scans (*.jpg *.jpeg *.png *.heic *.webp *.tif *.tiff *.pdf);;"
                "All files (*)"),
        )  # fmt: skip
        if paths:
            self.set_photos(self.photos + [Path(p) for p in paths if Path(p) not in self.photos])

    def set_photos(self, photos: list[Path]) -> None:
        """Keep the chosen files; one that is too large or unreadable is named at once."""
        kept: list[Path] = []
        problems: list[str] = []
        for path in photos:
            try:
                check_size(path.name, path.stat().st_size)
            except FairDeskError as exc:
                problems.append(error_text(exc))
                continue
            except OSError as exc:
                problems.append(_tr("Cannot read {0}: {1}.").format(path.name, exc.strerror))
                continue
            kept.append(path)
        self.photos = kept
        self.photos_field.show_error(" ".join(problems))
        self.photos_label.setText(
            _tr("{0} to attach: {1}").format(len(kept), ", ".join(p.name for p in kept))
            if kept
            else _tr("none")
        )
        self.clear_photos.setEnabled(bool(kept))
        self.changed.emit()
