"""Long work off the UI thread, with results, errors and progress back on it.

`run_task(fn, owner=widget, on_done=..., on_error=..., on_progress=...)` runs `fn(task)` on
the global QThreadPool; `fn` may call `task.progress(done, total)` and must stop when
`task.cancelled` is set (raising `Cancelled` is the simplest way). The callbacks are
dropped once `owner` is gone: a window closed while its work ran is not touched again. Tests call
`use_synchronous_pool()` so the same code runs inline and deterministically.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised inside a task when the user pressed Cancel."""


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)


class Task(QRunnable):
    def __init__(self, fn: Callable[[Task], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _Signals()
        self.cancelled = False
        self.setAutoDelete(False)  # the caller keeps a reference until it finishes

    def progress(self, done: int, total: int) -> None:
        if self.cancelled:
            raise Cancelled()
        self.signals.progressed.emit(done, total)

    def cancel(self) -> None:
        self.cancelled = True

    def run(self) -> None:
        try:
            result = self.fn(self)
        except BaseException as exc:  # delivered to the UI thread, shown there
            if not isinstance(exc, Cancelled):
                log.debug("task failed", exc_info=exc)
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


_synchronous = False
_running: set[Task] = set()


def use_synchronous_pool(enabled: bool = True) -> None:
    global _synchronous
    _synchronous = enabled


def run_task(
    fn: Callable[[Task], Any],
    *,
    owner: object,
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    on_progress: Callable[[int, int], None] | None = None,
) -> Task:
    task = Task(fn)
    task.signals.done.connect(_while_alive(owner, on_done))
    task.signals.failed.connect(_while_alive(owner, on_error))
    if on_progress is not None:
        task.signals.progressed.connect(_while_alive(owner, on_progress))
    _running.add(task)
    task.signals.done.connect(lambda _r: _running.discard(task))
    task.signals.failed.connect(lambda _e: _running.discard(task))
    if _synchronous:
        task.run()
    else:
        QThreadPool.globalInstance().start(task)
    return task


def _while_alive(owner: object, callback: Callable[..., None]) -> Callable[..., None]:
    # A deleted QObject owner drops the callbacks; any other owner (a LongRun) stays alive.
    def deliver(*args: Any) -> None:
        if isValid(owner):
            callback(*args)

    return deliver


def wait_for_tasks(timeout_ms: int = 10_000) -> bool:
    """Block until the background tasks have finished (False if some still run after
    `timeout_ms`): a task may hold a database connection, which must be back in its pool
    before the database is closed."""
    return bool(QThreadPool.globalInstance().waitForDone(timeout_ms))


class _StopOnClose(QObject):
    def __init__(self, window: QWidget, timer: QTimer) -> None:
        super().__init__(window)
        self.timer = timer
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Close and event.isAccepted():
            self.timer.stop()
        return False


def poll_while_open(window: QWidget, interval_ms: int, tick: Callable[[], None]) -> QTimer:
    """A timer calling `tick` every `interval_ms` until `window` is closed: a closed window
    asks the server nothing more (its database may be closed next)."""
    timer = QTimer(window, interval=interval_ms)
    timer.timeout.connect(tick)
    _StopOnClose(window, timer)
    timer.start()
    return timer
