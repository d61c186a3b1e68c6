"""Lock the screen after a spell without keyboard or mouse input.

The desk sits in a public hall: an unattended, signed-in screen must not stay open.
Unlocking asks for the signed-in user's password again (the same sign-in service).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QPushButton, QVBoxLayout

from fairdesk.domain.errors import FairDeskError
from fairdesk.i18n import error_text
from fairdesk.services.context import Context
from fairdesk.services.trust import users
from fairdesk.ui.common.named import named

IDLE_MINUTES = 10
_INPUT = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatcher(QObject):
    """Emits `idle` once the application has seen no input for `minutes`."""

    idle = Signal()

    def __init__(
        self,
        minutes: float = IDLE_MINUTES,
        parent: QObject | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.limit = minutes * 60
        self._clock = clock
        self._last = clock()
        self._paused = False
        self._timer = QTimer(self, interval=15_000)
        self._timer.timeout.connect(self.check)
        self._timer.start()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in _INPUT:
            self._last = self._clock()
        return False

    def check(self) -> None:
        if not self._paused and self._clock() - self._last >= self.limit:
            self._paused = True
            self.idle.emit()

    def resume(self) -> None:
        self._last = self._clock()
        self._paused = False


class LockDialog(QDialog):
    """Asks the signed-in user's password; Quit is the only other way out."""

    def __init__(self, ctx: Context, parent: QObject | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.ctx = ctx
        self.setObjectName("lock_dialog")
        self.setWindowTitle(self.tr("FairDesk is locked"))
        self.setModal(True)
        self.password_edit = named(QLineEdit(echoMode=QLineEdit.EchoMode.Password), "password_edit")
        self.password_edit.setAccessibleName(self.tr("Password"))
        self.error_label = named(QLabel(), "error_label")
        unlock = named(QPushButton(self.tr("&Unlock"), default=True), "unlock_button")
        unlock.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "The screen was locked after {0} minutes without use. "
                    "Enter the password of {1} to continue."
                ).format(IDLE_MINUTES, ctx.actor.username),
                wordWrap=True,
            )
        )
        layout.addWidget(self.password_edit)
        layout.addWidget(self.error_label)
        layout.addWidget(unlock)

    def accept(self) -> None:
        try:
            users.authenticate(self.ctx, self.ctx.actor.username, self.password_edit.text())
        except FairDeskError as exc:
            self.error_label.setText(error_text(exc))
            self.password_edit.clear()
            return
        super().accept()

    def reject(self) -> None:  # Esc does not unlock
        pass


def lock_screen(ctx: Context) -> None:
    """Hide every window while locked, so no case data stays in sight of a passer-by,
    until the signed-in user's password is given; then show them as they were."""
    hidden = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    for widget in hidden:
        widget.hide()
    try:
        LockDialog(ctx).exec()
    finally:
        for widget in hidden:
            widget.show()
