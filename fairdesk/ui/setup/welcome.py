"""First run: a welcome that offers the demo fair or setting up the service center's fair.

Shown when the database has no user and no fair (a new installation, or a new shared
PostgreSQL database). "Open the demo fair" starts the app on a throwaway demo (as
`fairdesk --demo`); nothing is written to the real database. "Set up a fair" opens one
guided dialog (setup_wizard: the administrator account, the fair, its exhibitor list); the
desk then opens signed in as that administrator and says what to do first.

The language can be switched on the welcome itself: it is saved in the settings and
applies at once to everything opened after it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QCommandLinkButton,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fairdesk.app_context import open_database
from fairdesk.db.engine import Database
from fairdesk.domain.errors import FairDeskError
from fairdesk.i18n import LANGUAGE_NAMES, current_language, install_translations
from fairdesk.services.context import Context
from fairdesk.settings import LANGUAGE, Settings
from fairdesk.ui.common.help import application_icon
from fairdesk.ui.common.named import named
from fairdesk.ui.common.sign_in import is_new_database

# Runs a modal dialog; True when the user accepted it (tests pass one that fills it in).
RunDialog = Callable[[QDialog], bool]


def exec_dialog(dialog: QDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


class Choice(StrEnum):
    DEMO = "demo"
    SET_UP = "set_up"
    CLOSED = "closed"


@dataclass(frozen=True)
class Welcome:
    """What the new user chose; `ctx` is the administrator's when a fair was set up."""

    choice: Choice
    ctx: Context | None = None


class WelcomeDialog(QDialog):
    """The two ways in, big enough to read from a step away; language on top."""

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome_dialog")
        self.settings = settings if settings is not None else Settings()
        self.choice = Choice.CLOSED
        self.setWindowIcon(application_icon())
        self.setMinimumWidth(600)

        self.icon_label = named(QLabel(), "icon_label")
        self.icon_label.setPixmap(application_icon().pixmap(64, 64))
        self.title_label = named(QLabel(), "title_label")
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.6)
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        self.intro_label = named(QLabel(wordWrap=True), "intro_label")
        self.language_label = named(QLabel(), "language_label")
        self.language_combo = named(QComboBox(), "language_combo")
        for code, name in LANGUAGE_NAMES.items():
            self.language_combo.addItem(name, code)
        self.language_label.setBuddy(self.language_combo)
        self.language_combo.setCurrentIndex(
            max(0, self.language_combo.findData(current_language()))
        )
        self.language_combo.currentIndexChanged.connect(self._language_chosen)

        self.demo_button = named(QCommandLinkButton(), "demo_button")
        self.setup_button = named(QCommandLinkButton(), "setup_button")
        self.demo_button.clicked.connect(lambda: self._choose(Choice.DEMO))
        self.setup_button.clicked.connect(lambda: self._choose(Choice.SET_UP))
        self.setup_button.setDefault(True)
        self.quit_button = named(QPushButton(), "quit_button")
        buttons = QDialogButtonBox()
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)

        head = QHBoxLayout()
        head.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.addWidget(self.title_label)
        text.addWidget(self.intro_label)
        head.addLayout(text, 1)
        language = QHBoxLayout()
        language.addStretch(1)
        language.addWidget(self.language_label)
        language.addWidget(self.language_combo)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addLayout(language)
        layout.addLayout(head)
        layout.addSpacing(6)
        layout.addWidget(self.setup_button)
        layout.addWidget(self.demo_button)
        layout.addWidget(buttons)
        self.setTabOrder(self.setup_button, self.demo_button)
        self.setTabOrder(self.demo_button, self.language_combo)
        self.setTabOrder(self.language_combo, self.quit_button)
        self.retranslate()
        self.setup_button.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Welcome to FairDesk"))
        self.title_label.setText(self.tr("Welcome to FairDesk"))
        self.intro_label.setText(
            self.tr(
                "FairDesk runs the IP complaint desk of a trade fair: it registers complaints, "
                "watches every deadline, prints the notices and decisions, and guides the "
                "patrols. Nothing is set up on this computer yet."
            )
        )
        self.language_label.setText(self.tr("&Language:"))
        self.setup_button.setText(self.tr("&Set up a fair"))
        self.setup_button.setDescription(
            self.tr(
                "Create the administrator account, then enter the fair's name, dates, opening "
                "hours and rule set, and import its exhibitor list."
            )
        )
        self.setup_button.setAccessibleName(self.tr("Set up a fair"))
        self.demo_button.setText(self.tr("Open the &demo fair"))
        self.demo_button.setDescription(
            self.tr(
                "Try FairDesk on a sample fair with complaints at every stage. Nothing you do "
                "in the demo is kept; the welcome comes back at the next start."
            )
        )
        self.demo_button.setAccessibleName(self.tr("Open the demo fair"))
        self.quit_button.setText(self.tr("&Quit"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _language_chosen(self) -> None:
        language = self.language_combo.currentData()
        self.settings.set(LANGUAGE, language)
        with contextlib.suppress(OSError):  # unsaved, the choice still applies now
            self.settings.sync()
        install_translations(QApplication.instance(), language)  # sends LanguageChange

    def _choose(self, choice: Choice) -> None:
        self.choice = choice
        self.accept()


def set_up_desk(
    db: Database, run: RunDialog = exec_dialog, settings: Settings | None = None
) -> Context | None:
    """The guided set-up (administrator, fair, exhibitors); the administrator signed in,
    also when the user stops after creating the account, None when stopped before it."""
    from fairdesk.ui.setup.setup_wizard import SetUpWizard

    wizard = SetUpWizard(db, settings)
    run(wizard)
    return wizard.admin


def welcome_new_desk(
    db_url: str | None,
    data_dir: str | None,
    *,
    run: RunDialog = exec_dialog,
    settings: Settings | None = None,
) -> Welcome | None:
    """The first-run welcome when the database is new; None when it is not (or cannot be
    opened: the sign-in then says why)."""
    try:
        db = open_database(db_url, data_dir)
    except FairDeskError:
        return None
    try:
        if not is_new_database(db):
            db.dispose()
            return None
    except FairDeskError:
        db.dispose()
        return None
    settings = settings if settings is not None else Settings()
    while True:
        dialog = WelcomeDialog(settings)
        if not run(dialog) or dialog.choice is Choice.CLOSED:
            db.dispose()
            return Welcome(Choice.CLOSED)
        if dialog.choice is Choice.DEMO:
            db.dispose()
            return Welcome(Choice.DEMO)
        admin = set_up_desk(db, run, settings)
        if admin is None:
            continue  # back to the welcome
        return Welcome(Choice.SET_UP, admin)
