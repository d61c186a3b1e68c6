"""About FairDesk: version, where its data is, and the licences of what it ships."""

from __future__ import annotations

import platform
from pathlib import Path
from typing import cast

import PySide6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QUrl, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QWidget
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

import fairdesk
from fairdesk import config
from fairdesk.resources_path import resource_dir
from fairdesk.services.context import Context
from fairdesk.ui.common.named import named
from fairdesk.ui.forms.ui_about_dialog import Ui_AboutDialog

# The fonts printed documents embed (resources/README.md keeps the developers' notes): the
# faces, what each prints, its licence. Names stay as their makers wrote them.
FONTS = (
    (
        "Droid Sans Fallback",
        QT_TRANSLATE_NOOP("AboutDialog", "Chinese text"),
        QT_TRANSLATE_NOOP("AboutDialog", "Apache License 2.0"),
    ),
    (
        "DejaVu Sans",
        QT_TRANSLATE_NOOP("AboutDialog", "Latin letters with accents, Greek, Cyrillic, numbers"),
        QT_TRANSLATE_NOOP("AboutDialog", "Bitstream Vera licence, changes in the public domain"),
    ),
    (
        "Loma",
        QT_TRANSLATE_NOOP("AboutDialog", "Thai"),
        QT_TRANSLATE_NOOP(
            "AboutDialog",
            "GPL 2 or later with the font exception (a document is not put under the GPL)",
        ),
    ),
    (
        "NanumGothic",
        QT_TRANSLATE_NOOP("AboutDialog", "Korean"),
        QT_TRANSLATE_NOOP("AboutDialog", "SIL Open Font License 1.1"),
    ),
)


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
        self.ui = Ui_AboutDialog()  # the layout: ui/about_dialog.ui
        self.ui.setupUi(self)
        self.setObjectName("about_dialog")
        ui = self.ui
        self.database_url = hide_password(ctx.db.url if ctx is not None else config.database_url())
        self.data_folder = str(config.data_dir())
        folder = resources if resources is not None else resource_dir()

        ui.title.setText(self.tr("<h2>FairDesk {0}</h2>").format(fairdesk.__version__))
        self.version_label, self.data_dir_label = ui.version_label, ui.data_dir_label
        self.database_label, self.root_label = ui.database_label, ui.root_label
        self.runtime_label = ui.runtime_label
        self.version_label.setText(fairdesk.__version__)
        self.data_dir_label.setText(self.data_folder)
        self.database_label.setText(self.database_url)
        self.root_label.setText(self._root(ctx))
        self.runtime_label.setText(
            f"Python {platform.python_version()} · Qt {qVersion()} · "
            f"PySide6 {PySide6.__version__} · {platform.system()} {platform.release()}"
        )

        self.licences = ui.licences_browser
        text = self._licence_text(folder)
        if text:
            self.licences.setMarkdown(text)
        else:  # the buttons stay at the bottom
            self.licences.hide()
            ui.layout.insertStretch(ui.layout.indexOf(ui.buttons), 1)

        copy = named(QPushButton(self.tr("&Copy details")), "copy_button")
        copy.clicked.connect(self.copy_details)
        ui.buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        # Enter closes, as before: a button added later would otherwise become the default.
        close = ui.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        QWidget.setTabOrder(close, copy)
        ui.buttons.rejected.connect(self.reject)

    def _licence_text(self, folder: Path) -> str:
        """The fonts and their licences in the desk's language, with a link to each licence
        text shipped ("" when none is: a developer's checkout without resources)."""
        files = licence_files(folder)
        if not files:
            return ""
        line = self.tr("- **{0}**: {1}; {2}")  # Chinese punctuation in Chinese
        # QT_TRANSLATE_NOOP gives back its text, which the stubs call object.
        fonts = "\n".join(
            line.format(n, self.tr(cast(str, used)), self.tr(cast(str, lic)))
            for n, used, lic in FONTS
        )
        links = "\n".join(
            f"- [{p.relative_to(folder).as_posix()}]({QUrl.fromLocalFile(str(p)).toString()})"
            for p in files
        )
        intro = self.tr(
            "Printed documents embed a part of these fonts, so a PDF looks the same on every "
            "computer and its Chinese text can be copied and searched. Each licence allows "
            "this and allows shipping the fonts with FairDesk."
        )
        heading, texts = self.tr("Fonts"), self.tr("Licence texts")
        return f"## {heading}\n\n{intro}\n\n{fonts}\n\n## {texts}\n\n{links}\n"

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
