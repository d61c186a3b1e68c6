"""Help (F1): the guide for the signed-in user's role, in the desk's language.

The guides are Markdown files shipped in the package (`resources/help/guide-<role>.md`,
Chinese in `guide-<role>.zh_CN.md`), with screenshots beside them in `resources/help/
images/`; `docs/guide-*.md` are copies for readers of the repository, written by
`scripts/guide_pictures.py`. A QTextBrowser shows them; the other roles' guides are one
click (or Ctrl+Tab) away.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QUrl
from PySide6.QtGui import QAction, QIcon, QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QTabBar,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from fairdesk.domain.enums import Role
from fairdesk.resources_path import resource_dir
from fairdesk.ui.common.named import named

GUIDES = ("desk", "inspector", "organizer")
# The guide each role opens first; an administrator sets up fairs, like the organizer.
ROLE_GUIDE = {
    Role.DESK: "desk",
    Role.INSPECTOR: "inspector",
    Role.ORGANIZER: "organizer",
    Role.ADMIN: "organizer",
}
IMAGE_WIDTH = 760  # screenshots wider than this are shown scaled down


def help_dir() -> Path:
    return resource_dir() / "help"


def guide_path(guide: str, language: str | None = None) -> Path:
    """The guide's file in `language` ("zh_CN", "en"; None: the desk's locale), falling
    back to English."""
    if language is None:
        language = "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"
    if language != "en":
        translated = help_dir() / f"guide-{guide}.{language}.md"
        if translated.is_file():
            return translated
    return help_dir() / f"guide-{guide}.md"


def application_icon() -> QIcon:
    """FairDesk's icon at every size it ships (window title bars, task bar, dock)."""
    icon = QIcon()
    folder = resource_dir() / "icons"
    for path in sorted(folder.glob("fairdesk-*.png")):
        icon.addFile(str(path))
    return icon


def _title(guide: str) -> str:
    return {
        "desk": QCoreApplication.translate("HelpWindow", "Desk guide"),
        "inspector": QCoreApplication.translate("HelpWindow", "Inspector guide"),
        "organizer": QCoreApplication.translate("HelpWindow", "Organizer and administrator guide"),
    }[guide]


class HelpWindow(QWidget):
    """The guides in a browser; opens on `role`'s guide."""

    def __init__(
        self, role: Role, parent: QWidget | None = None, *, language: str | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("help_window")
        self.language = language
        self.setWindowTitle(self.tr("FairDesk help"))
        self.resize(880, 760)
        self.tabs = named(QTabBar(), "guide_tabs")
        self.tabs.setAccessibleName(self.tr("Guides"))
        for guide in GUIDES:
            self.tabs.addTab(_title(guide))
        self.browser = named(QTextBrowser(), "help_browser")
        self.browser.setOpenExternalLinks(True)
        self.browser.setAccessibleName(self.tr("Guide text"))
        close = named(QPushButton(self.tr("&Close")), "close_button")
        close.clicked.connect(self.close)
        hint = QLabel(self.tr("F1 opens this window from every screen."))
        hint.setObjectName("hint_label")
        bottom = QHBoxLayout()
        bottom.addWidget(hint, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.browser, 1)
        layout.addLayout(bottom)
        self.tabs.currentChanged.connect(self._show_tab)
        for key, step in (("Ctrl+Tab", 1), ("Ctrl+Shift+Tab", -1)):
            act = QAction(self)
            act.setShortcut(QKeySequence(key))
            act.triggered.connect(lambda _=False, s=step: self._step(s))
            self.addAction(act)
        escape = QAction(self)
        escape.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        escape.triggered.connect(self.close)
        self.addAction(escape)
        self.show_guide(ROLE_GUIDE.get(role, "desk"))

    @property
    def guide(self) -> str:
        return GUIDES[self.tabs.currentIndex()]

    def _step(self, step: int) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % len(GUIDES))

    def _show_tab(self, index: int) -> None:
        self._load(GUIDES[index])

    def show_guide(self, guide: str) -> None:
        index = GUIDES.index(guide)
        if self.tabs.currentIndex() == index:
            self._load(guide)
        else:
            self.tabs.setCurrentIndex(index)  # loads it through currentChanged

    def _load(self, guide: str) -> None:
        path = guide_path(guide, self.language)
        if not path.is_file():
            self.browser.setPlainText(self.tr("The guide {0} is missing.").format(path))
            return
        self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(path)))
        self.browser.setSearchPaths([str(path.parent)])
        self.browser.setMarkdown(path.read_text(encoding="utf-8"))
        self._fit_images()
        self.browser.verticalScrollBar().setValue(0)

    def _fit_images(self) -> None:
        """Show wide screenshots at IMAGE_WIDTH (Markdown cannot give an image's size)."""
        document: QTextDocument = self.browser.document()
        block = document.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                fmt = fragment.charFormat()
                if fmt.isImageFormat():
                    image = fmt.toImageFormat()
                    picture = document.resource(
                        QTextDocument.ResourceType.ImageResource, QUrl(image.name())
                    )
                    native = picture.width() if hasattr(picture, "width") else 0
                    if native > 0:
                        shown = min(native, IMAGE_WIDTH)
                        image.setWidth(shown)
                        image.setHeight(picture.height() * shown / native)
                        cursor = self.browser.textCursor()
                        cursor.setPosition(fragment.position())
                        cursor.setPosition(
                            fragment.position() + fragment.length(),
                            cursor.MoveMode.KeepAnchor,
                        )
                        cursor.setCharFormat(image)
                it += 1
            block = block.next()


class HelpAction(QAction):
    """F1 anywhere in the app: shows (and keeps) one HelpWindow on the role's guide."""

    def __init__(self, role: Role, parent: QWidget) -> None:
        super().__init__(QCoreApplication.translate("HelpWindow", "&Guide"), parent)
        self.setObjectName("help_action")
        self.role = role
        self.help_window: HelpWindow | None = None
        self.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.triggered.connect(self.show_help)

    def show_help(self) -> HelpWindow:
        if self.help_window is None:
            parent = self.parent()
            self.help_window = HelpWindow(
                self.role, parent if isinstance(parent, QWidget) else None
            )
        self.help_window.show()
        self.help_window.raise_()
        self.help_window.activateWindow()
        return self.help_window


def install_help(window: QMainWindow, role: Role) -> HelpAction:
    """F1 anywhere in the app opens `role`'s guide; it is also the first entry of the
    window's Help menu when it has one (`help_menu`)."""
    action = HelpAction(role, window)
    window.addAction(action)
    menu = getattr(window, "help_menu", None)
    if menu is not None:
        first = menu.actions()[0] if menu.actions() else None
        menu.insertAction(first, action)
        if first is not None:
            menu.insertSeparator(first)
    return action
