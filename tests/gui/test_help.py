"""Help (F1): each role's guide, shipped in the package, shown as Markdown with its
screenshots, in the desk's language; docs/ carries the same guides."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QKeySequence, QTextDocument
from PySide6.QtWidgets import QMainWindow, QMenuBar

from fairdesk.domain.enums import Role
from fairdesk.i18n import install_translations
from fairdesk.resources_path import resource_dir
from fairdesk.ui.common import help as h

ROOT = Path(__file__).resolve().parents[2]
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)]+)\)")


@pytest.fixture
def english(qapp) -> Iterator[None]:
    install_translations(qapp, "en")
    yield
    install_translations(qapp, "en")


@pytest.mark.parametrize("guide", h.GUIDES)
@pytest.mark.parametrize("suffix", ["", ".zh_CN"])
def test_guides_ship_with_their_screenshots(guide: str, suffix: str) -> None:
    path = resource_dir() / "help" / f"guide-{guide}{suffix}.md"
    text = path.read_text(encoding="utf-8")
    images = IMAGE.findall(text)
    assert len(images) >= 2, f"{path.name} shows too few screenshots"
    for image in images:
        assert (path.parent / image).is_file(), image
        assert (ROOT / "docs" / "screenshots" / Path(image).name).is_file(), image
    assert 150 < len(text.split()) < 700 or suffix, "a guide is short"


@pytest.mark.parametrize("guide", h.GUIDES)
@pytest.mark.parametrize("suffix", ["", ".zh_CN"])
def test_each_language_shows_its_own_pictures(guide: str, suffix: str) -> None:
    """The Chinese guide shows the Chinese screens, the English guide the English ones."""
    text = (resource_dir() / "help" / f"guide-{guide}{suffix}.md").read_text(encoding="utf-8")
    for image in IMAGE.findall(text):
        assert image.endswith(f"{suffix}.png") and (suffix or ".zh_CN" not in image), image


@pytest.mark.parametrize("name", [f"guide-{g}{s}.md" for g in h.GUIDES for s in ("", ".zh_CN")])
def test_docs_copies_are_in_step_with_the_shipped_guides(name: str) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "make_guides", ROOT / "scripts" / "guide_pictures.py"
    )
    assert spec is not None and spec.loader is not None
    make_guides = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_guides)
    shipped = (resource_dir() / "help" / name).read_text(encoding="utf-8")
    assert (ROOT / "docs" / name).read_text(encoding="utf-8") == make_guides.docs_copy(shipped), (
        "run `python scripts/guide_pictures.py --docs`"
    )


@pytest.mark.parametrize(
    ("role", "guide", "heading"),
    [
        (Role.DESK, "desk", "Desk guide"),
        (Role.INSPECTOR, "inspector", "Inspector guide"),
        (Role.ORGANIZER, "organizer", "Organizer and administrator guide"),
        (Role.ADMIN, "organizer", "Organizer and administrator guide"),
    ],
)
def test_help_opens_on_the_roles_guide_with_its_pictures(
    qtbot, english: None, role: Role, guide: str, heading: str
) -> None:
    window = h.HelpWindow(role)
    qtbot.addWidget(window)
    assert window.guide == guide
    assert window.browser.toPlainText().startswith(heading)
    document = window.browser.document()
    names = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                names.append(fmt.toImageFormat().name())
                assert 0 < fmt.toImageFormat().width() <= h.IMAGE_WIDTH
            it += 1
        block = block.next()
    assert names
    for name in names:
        image = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
        assert image is not None and not image.isNull(), name


def test_tabs_switch_guides_from_the_keyboard(qtbot, english: None) -> None:
    window = h.HelpWindow(Role.DESK)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    qtbot.keyClick(window.browser, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert window.guide == "inspector"
    assert window.browser.toPlainText().startswith("Inspector guide")
    qtbot.keyClick(window.browser, Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_chinese_desk_reads_the_chinese_guide(qtbot, qapp) -> None:
    install_translations(qapp, "zh_CN")
    try:
        window = h.HelpWindow(Role.INSPECTOR)
        qtbot.addWidget(window)
        assert window.browser.toPlainText().startswith("巡查员指南")
        assert window.windowTitle() == "FairDesk 帮助"
        assert window.tabs.tabText(0) == "受理台指南"
    finally:
        install_translations(qapp, "en")


def test_f1_opens_help_and_the_help_menu_lists_it(qtbot, english: None) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    bar = QMenuBar()
    window.setMenuBar(bar)
    window.help_menu = bar.addMenu("&Help")  # type: ignore[attr-defined]
    about = window.help_menu.addAction("&About FairDesk")  # type: ignore[attr-defined]
    action = h.install_help(window, Role.INSPECTOR)
    assert action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    assert action.shortcutContext() is Qt.ShortcutContext.ApplicationShortcut
    assert window.help_menu.actions()[0] is action  # type: ignore[attr-defined]
    assert about in window.help_menu.actions()  # type: ignore[attr-defined]
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: action.help_window is not None and action.help_window.isVisible())
    assert action.help_window is not None and action.help_window.guide == "inspector"
    assert action.show_help() is action.help_window  # one window, raised again


def test_application_icon_has_every_size() -> None:
    icon = h.application_icon()
    sizes = {s.width() for s in icon.availableSizes()}
    assert {16, 32, 48, 256} <= sizes
