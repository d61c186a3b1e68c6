"""The end of a window's first menu: Sign out (switch user) and Quit.

Signing out only closes the window with `signed_out` set: the app (`ui/app.py`) then asks
who signs in next through the one sign-in dialog (`common/sign_in.py`), as after start-up.
No window builds a context of its own for the next user."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from fairdesk.ui.common.named import named

CONTEXT = "SignOut"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def sign_out(window: QMainWindow) -> None:
    window.signed_out = True  # type: ignore[attr-defined]
    window.close()


def add_sign_out_and_quit(window: QMainWindow, menu: QMenu, *, demo: bool) -> None:
    """A separator, "Sign out / switch user" (not in the demo: its users have no password,
    the demo is one desk user's tour) and Quit (the platform's shortcut)."""
    menu.addSeparator()
    window.signed_out = False  # type: ignore[attr-defined]
    entries: list[tuple[str, Callable[[], object], QKeySequence | None]]
    entries = [] if demo else [(_t("&Sign out / switch user…"), lambda: sign_out(window), None)]
    entries.append((_t("&Quit"), window.close, QKeySequence(QKeySequence.StandardKey.Quit)))
    for text, slot, keys in entries:
        action = named(QAction(text, window), "sign_out_action" if keys is None else "")
        if keys is not None:
            action.setShortcut(keys)
        action.triggered.connect(slot)
        menu.addAction(action)
        window.addAction(action)
