"""The cancellable progress dialog of a long task (export, import, bulk print)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget


def open_progress(
    parent: QWidget,
    label: str,
    *,
    cancel_text: str,
    title: str,
    name: str,
    on_cancel: Callable[[], None],
    maximum: int = 0,
) -> QProgressDialog:
    """Window-modal, shown after 0.4 s; it stays open until close_progress (0 = busy)."""
    progress = QProgressDialog(label, cancel_text, 0, maximum, parent)
    progress.setObjectName(name)
    progress.setWindowTitle(title)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    progress.setMinimumDuration(400)
    progress.canceled.connect(on_cancel)
    return progress


def close_progress(progress: QProgressDialog | None, on_cancel: Callable[[], None]) -> None:
    if progress is not None:
        progress.canceled.disconnect(on_cancel)
        progress.close()
        progress.deleteLater()
