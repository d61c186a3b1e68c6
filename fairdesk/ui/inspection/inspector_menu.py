"""The inspector window's menu: File with Settings, About, Sign out and Quit, as the desk
has them (an inspector's laptop is a desk's peer, not a kiosk)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from fairdesk.domain.errors import FairDeskError
from fairdesk.services.context import Context
from fairdesk.services.trust import users
from fairdesk.settings import Settings


def display_name(ctx: Context) -> str:
    """The signed-in user's name as the administrator entered it ("Li Wei"), else the
    user name."""
    try:
        return users.get_user(ctx, ctx.actor.username).display_name or ctx.actor.username
    except FairDeskError:  # gone, or the server is away: the user name still says who
        return ctx.actor.username


def install_menu(window: QMainWindow, ctx: Context, *, demo: bool) -> None:
    """File > Settings…, About FairDesk, Sign out (not in the demo: it has no passwords),
    Quit (Ctrl+Q). Sign out sets `window.signed_out` and closes the window; the app then
    asks who signs in next."""
    menu = window.menuBar().addMenu(QCoreApplication.translate("InspectorMenu", "&File"))

    def add(
        text: str,
        slot: Callable[[], object],
        keys: QKeySequence | QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = QAction(text, window)
        if keys is not None:
            action.setShortcut(keys)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def settings() -> None:
        from fairdesk.ui.common.settings_dialog import SettingsDialog

        SettingsDialog(Settings(), window).open()

    def about() -> None:
        from fairdesk.ui.common.about_dialog import AboutDialog

        AboutDialog(ctx, window).open()

    def sign_out() -> None:
        window.close_empty_round()  # type: ignore[attr-defined]
        window.signed_out = True  # type: ignore[attr-defined]
        window.close()

    add(
        QCoreApplication.translate("InspectorMenu", "&Settings…"),
        settings,
        QKeySequence.StandardKey.Preferences,
    )
    add(QCoreApplication.translate("InspectorMenu", "&About FairDesk"), about)
    menu.addSeparator()
    if not demo:
        add(QCoreApplication.translate("InspectorMenu", "Sign &out"), sign_out)
    add(QCoreApplication.translate("InspectorMenu", "&Quit"), window.close, QKeySequence("Ctrl+Q"))
