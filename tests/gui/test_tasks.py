"""Background tasks: their result comes back on the UI thread, and the desk can wait for the
last of them before it closes the database (a task may hold one of its connections)."""

from __future__ import annotations

import threading

from fairdesk.ui.common.tasks import run_task, wait_for_tasks


def test_waiting_for_tasks_returns_once_the_last_one_has_finished(qtbot) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()
    results: list[object] = []
    errors: list[BaseException] = []
    run_task(
        lambda task: release.wait(5) and "done", on_done=results.append, on_error=errors.append
    )
    assert wait_for_tasks(50) is False  # still blocked on the event
    release.set()
    assert wait_for_tasks(5000) is True
    qtbot.waitUntil(lambda: results == ["done"], timeout=5000)
    assert errors == []
