"""Background tasks: their result comes back on the UI thread, and the desk can wait for the
last of them before it closes the database (a task may hold one of its connections)."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject

from fairdesk.ui.common.tasks import run_task, wait_for_tasks


def test_waiting_for_tasks_returns_once_the_last_one_has_finished(qtbot) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()
    results: list[object] = []
    errors: list[BaseException] = []
    owner = QObject()
    run_task(
        lambda task: release.wait(5) and "done",
        owner=owner,
        on_done=results.append,
        on_error=errors.append,
    )
    assert wait_for_tasks(50) is False  # still blocked on the event
    release.set()
    assert wait_for_tasks(5000) is True
    qtbot.waitUntil(lambda: results == ["done"], timeout=5000)
    assert errors == []


def test_a_result_is_dropped_when_its_window_is_gone(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A window closed (and deleted) while its work ran must not be touched by the result:
    its widgets no longer exist."""
    release = threading.Event()
    delivered: list[object] = []
    owner = QObject()
    run_task(
        lambda task: release.wait(5) and "late",
        owner=owner,
        on_done=delivered.append,
        on_error=delivered.append,
    )
    kept = QObject()
    run_task(
        lambda task: release.wait(5) and "kept",
        owner=kept,
        on_done=delivered.append,
        on_error=delivered.append,
    )
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner), timeout=5000)
    release.set()
    assert wait_for_tasks(5000) is True
    qtbot.waitUntil(lambda: delivered == ["kept"], timeout=5000)
    qtbot.wait(50)
    assert delivered == ["kept"]


def _alive(obj: QObject) -> bool:
    from shiboken6 import isValid

    return bool(isValid(obj))


def test_a_window_polls_until_it_is_closed(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    from fairdesk.ui.common.tasks import poll_while_open

    window = QWidget()
    qtbot.addWidget(window)
    ticks: list[int] = []
    timer = poll_while_open(window, 10, lambda: ticks.append(1))
    window.show()
    qtbot.waitUntil(lambda: len(ticks) >= 2, timeout=5000)
    window.close()
    assert not timer.isActive()
    seen = len(ticks)
    qtbot.wait(60)
    assert len(ticks) == seen
