"""The one progress-and-cancel path every long screen task takes (LongRun)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from fairdesk.ui.common.progress_dialog import CancelOnCloseDialog, LongRun, Report
from fairdesk.ui.common.tasks import Cancelled, use_synchronous_pool


@pytest.fixture(autouse=True)
def synchronous_pool() -> Iterator[None]:
    use_synchronous_pool()  # the work runs inline: each report is heard before the next
    yield
    use_synchronous_pool(False)


def _run(qtbot, **kw) -> tuple[LongRun, QWidget]:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    return LongRun(parent, name="p", cancel_text="Cancel", cancelling="Stopping…", **kw), parent


def test_the_bar_follows_the_work_and_closes_before_the_result(qtbot) -> None:  # type: ignore[no-untyped-def]
    labels: list[str] = []
    run, _ = _run(qtbot, describe=lambda d, t: f"{d} of {t}")
    seen: list[tuple[object, bool]] = []

    def work(report: Report) -> str:
        for i in range(4):
            report(i, 3)
            assert run.dialog is not None
            labels.append(run.dialog.labelText())
        return "made"

    run.start(
        "Working…",
        "Title",
        work,
        on_done=lambda r: seen.append((r, run.running)),
        on_error=lambda e: seen.append((e, run.running)),
    )
    assert seen == [("made", False)]  # the dialog was closed before the screen heard
    assert labels == ["0 of 3", "1 of 3", "2 of 3", "3 of 3"]


def test_cancel_stops_the_work_at_its_next_report(qtbot) -> None:  # type: ignore[no-untyped-def]
    run, _ = _run(qtbot)
    reached: list[int] = []
    errors: list[BaseException] = []

    def press_cancel(done: int, _total: int) -> None:
        if done == 1 and run.dialog is not None:
            assert run.dialog.objectName() == "p"
            run.dialog.canceled.emit()  # what the Cancel button sends
            assert run.dialog.labelText() == "Stopping…"

    run.on_report = press_cancel

    def work(report: Report) -> None:
        for i in range(5):
            report(i, 5)
            reached.append(i)

    run.start("Working…", "Title", work, on_done=lambda r: None, on_error=errors.append)
    assert reached == [0, 1] and len(errors) == 1 and isinstance(errors[0], Cancelled)
    assert not run.running


def test_one_way_to_say_what_stopped_a_service_call(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from fairdesk.domain.errors import InvalidInput
    from fairdesk.ui.common.failure import report_failure

    shown: list[str] = []
    cancelled: list[bool] = []
    crashes: list[type[BaseException]] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, exc, tb: crashes.append(kind))
    report_failure(InvalidInput("The booth {booth} is unknown.", booth="9Z"), shown.append)
    report_failure(Cancelled(), shown.append, cancelled=lambda: cancelled.append(True))
    report_failure(Cancelled(), shown.append)  # nobody asked: nothing to say
    report_failure(ZeroDivisionError("a bug"), shown.append)
    assert shown == ["The booth 9Z is unknown."] and cancelled == [True]
    assert crashes == [ZeroDivisionError]  # a bug is never passed off as a message


class _Working(CancelOnCloseDialog):
    def __init__(self) -> None:
        super().__init__()
        self.running, self.cancels = True, 0

    def work_running(self) -> bool:
        return self.running

    def cancel_work(self) -> None:
        self.cancels += 1


def test_closing_while_the_work_runs_cancels_it_and_keeps_the_dialog(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _Working()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.close() is False  # the close box: refused while the work runs
    assert (dialog.cancels, dialog.isVisible()) == (2, True)
    dialog.running = False  # the work has stopped: now closing closes
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert (dialog.cancels, dialog.isVisible(), dialog.result()) == (2, False, 0)
