"""Long work behind a progress dialog that can cancel (export, import, printing, hand-offs).

`LongRun` is the one way a screen runs such work: it opens a window-modal progress dialog,
runs the work off the UI thread (`fairdesk.ui.common.tasks`), moves the bar as the work
reports, and turns Cancel into `Cancelled` raised at the work's next report. The dialog is
closed before the screen's own `on_done` or `on_error` runs, so a screen only says what
came of it. A dialog that runs such work derives from `CancelOnCloseDialog`: closing it
while the work runs means cancel.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QProgressDialog, QWidget

from fairdesk.ui.common.tasks import Cancelled, Task, run_task

Report = Callable[[int, int], None]  # (done, total); raises Cancelled once cancelled


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


class LongRun:
    """One long task at a time for `parent`, with its progress dialog.

    The texts come from the screen (its own translations): `cancel_text` on the button,
    `cancelling` once it was pressed, `describe(done, total)` for the label as the work
    reports (None keeps the label). `on_report` also hears every report on the UI thread.
    """

    def __init__(
        self,
        parent: QWidget,
        *,
        name: str,
        cancel_text: str,
        cancelling: str,
        describe: Callable[[int, int], str | None] | None = None,
        on_report: Report | None = None,
    ) -> None:
        self.parent, self.name = parent, name
        self.cancel_text, self.cancelling = cancel_text, cancelling
        self.describe, self.on_report = describe, on_report
        self.dialog: QProgressDialog | None = None
        self._task: Task | None = None
        self._cancelled = threading.Event()

    @property
    def running(self) -> bool:
        return self.dialog is not None

    def start(
        self,
        label: str,
        title: str,
        work: Callable[[Report], Any],
        *,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        maximum: int = 0,
    ) -> None:
        """Run `work(report)` off the UI thread; then `on_done(result)` or `on_error(exc)`
        (`Cancelled` when the user cancelled), each after the dialog has closed."""
        self._cancelled.clear()
        dialog = open_progress(
            self.parent,
            label,
            cancel_text=self.cancel_text,
            title=title,
            name=self.name,
            on_cancel=self.cancel,
            maximum=maximum,
        )
        self.dialog = dialog
        cancelled = self._cancelled

        def run(task: Task) -> Any:
            def report(done: int, total: int) -> None:
                if cancelled.is_set():
                    raise Cancelled()
                task.progress(done, total)

            return work(report)

        task = run_task(
            run,
            owner=self,
            on_done=self._then(on_done),
            on_error=self._then(on_error),
            on_progress=self._progressed,
        )
        if self.dialog is dialog:  # still running (a synchronous pool is already done)
            self._task = task

    def cancel(self) -> None:
        self._cancelled.set()
        if self._task is not None:
            self._task.cancel()
        if self.dialog is not None:
            self.dialog.setLabelText(self.cancelling)

    def _progressed(self, done: int, total: int) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))
        label = self.describe(done, total) if self.describe is not None else None
        if label:
            dialog.setLabelText(label)
        if self.on_report is not None:
            self.on_report(done, total)

    def _then(self, handler: Callable[[Any], None]) -> Callable[[Any], None]:
        def finish(value: Any) -> None:
            close_progress(self.dialog, self.cancel)
            self.dialog, self._task = None, None
            handler(value)

        return finish


class CancelOnCloseDialog(QDialog):
    """A dialog whose long work stops, not strands, when a person closes it.

    Esc or the close box while the work runs cancels it and keeps the dialog open: the
    work reports back to this dialog when it has stopped, and says what was done by then.
    A subclass tells whether its work runs and how to cancel it.
    """

    def work_running(self) -> bool:
        raise NotImplementedError

    def cancel_work(self) -> None:
        raise NotImplementedError

    def reject(self) -> None:
        if self.work_running():
            self.cancel_work()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.work_running():
            self.cancel_work()
            event.ignore()
            return
        super().closeEvent(event)
