"""About FairDesk: version, where its data is, and the licences of what it ships."""

from __future__ import annotations

import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

import fairdesk
from fairdesk import config
from fairdesk.resources_path import resource_dir
from fairdesk.services.context import Context


def hide_password(url: str) -> str:
    """The URL with its password as ***, fit to show on screen or paste into a report."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def licence_files(folder: Path) -> list[Path]:
    """Licence texts shipped with the resources (fonts/LICENSE-*.txt and the like)."""
    found = [p for p in folder.rglob("*") if p.is_file() and p.name.upper().startswith("LICEN")]
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix().lower())


class AboutDialog(QDialog):
    def __init__(
        self,
        ctx: Context | None = None,
        parent: QWidget | None = None,
        *,
        resources: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(self.tr("About FairDesk"))
        self.resize(620, 520)
        self.database_url = hide_password(ctx.db.url if ctx is not None else config.database_url())
        self.data_folder = str(config.data_dir())
        folder = resources if resources is not None else resource_dir()

        title = QLabel(
            self.tr("<h2>FairDesk {0}</h2>").format(fairdesk.__version__), objectName="title"
        )
        blurb = QLabel(
            self.tr(
                "The on-site IP complaint desk of a trade fair: intake, deadlines, decisions, "
                "patrols and follow-up."
            ),
            wordWrap=True,
        )
        form = QFormLayout()
        self.version_label = self._value(fairdesk.__version__, "version_label")
        self.data_dir_label = self._value(self.data_folder, "data_dir_label")
        self.database_label = self._value(self.database_url, "database_label")
        self.root_label = self._value(self._root(ctx), "root_label")
        self.runtime_label = self._value(
            f"Python {platform.python_version()} · Qt {qVersion()} · "
            f"PySide6 {PySide6.__version__} · {platform.system()} {platform.release()}",
            "runtime_label",
        )
        form.addRow(self.tr("Version:"), self.version_label)
        form.addRow(self.tr("Data folder:"), self.data_dir_label)
        form.addRow(self.tr("Database:"), self.database_label)
        form.addRow(self.tr("Root key:"), self.root_label)
        form.addRow(self.tr("Running on:"), self.runtime_label)

        self.licences = QTextBrowser(objectName="licences_browser")
        self.licences.setOpenExternalLinks(True)
        readme = folder / "README.md"
        if readme.is_file():
            text = readme.read_text(encoding="utf-8", errors="replace")
            # The licence sections only: what comes before them is a note for developers
            # (how the folder ships), not for the person who opened About.
            text = text[text.index("\n## ") + 1 :] if "\n## " in text else ""
            links = "\n".join(
                f"- [{p.relative_to(folder).as_posix()}]({QUrl.fromLocalFile(str(p)).toString()})"
                for p in licence_files(folder)
            )
            if links:
                text += "\n\n## " + self.tr("Licence texts") + "\n\n" + links + "\n"
            self.licences.setMarkdown(text)
        else:
            self.licences.hide()

        copy = QPushButton(self.tr("&Copy details"), objectName="copy_button")
        copy.clicked.connect(self.copy_details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(blurb)
        layout.addLayout(form)
        layout.addWidget(self.licences, 1)
        if self.licences.isHidden():
            layout.addStretch(1)
        layout.addWidget(buttons)

    def _root(self, ctx: Context | None) -> str:
        """The fingerprint every genuine document prints: compare them."""
        from fairdesk.services.trust.keys import root_fingerprint
        from fairdesk.services.trust.root_pin import pinned

        found = root_fingerprint(ctx) if ctx is not None else ""
        pin = pinned(ctx.db.url) if ctx is not None else ""
        if pin and pin != found:  # the database's root was replaced (or the pin was)
            return self.tr(
                "{found}: NOT the root key pinned for this installation ({pin}). Compare "
                "with the fingerprint on the service center's genuine documents."
            ).format(found=found or self.tr("missing"), pin=pin)
        return found or self.tr("none yet (made with the first administrator's password)")

    def _value(self, text: str, name: str) -> QLabel:
        label = QLabel(text, objectName=name, wordWrap=True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def details(self) -> str:
        """Plain text for a support request; the database password is never in it."""
        return (
            f"FairDesk {fairdesk.__version__}\n"
            f"Data folder: {self.data_folder}\n"
            f"Database: {self.database_url}\n"
            f"Root key: {self.root_label.text()}\n"
            f"{self.runtime_label.text()}\n"
        )

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details())
