"""A window in a fresh process, for B1 (start) and B6 (memory). Run by bench_window.py.

    python probe_window.py bare
    python probe_window.py fairdesk DB_URL USER NOW_ISO [--scroll]

`bare` opens a plain PySide6 main window holding an empty QTableView. `fairdesk` starts the
app the way the `fairdesk` command does (fairdesk.cli.main with no arguments: logging, the
crash dialog, database open and migration check, main window, idle lock, backups), with
one difference: the sign-in dialog is replaced by a desk user signed in without a dialog.
Both print one JSON line as soon as their table has been painted (for FairDesk: painted
with the case list's rows, and when it was first painted, rows or not: `painted_at` and
`filled_at`, wall-clock times the parent compares with its launch) and exit at once;
with --scroll, FairDesk first scrolls the list to its end, a screenful at a time (every
row painted, so every page read), and reports its peak memory again.

Nothing here edits product code: the sign-in is replaced in this process only.
"""

from __future__ import annotations

import json
import os
import sys
import time

STARTED = time.perf_counter()
PAINTED: dict[str, float] = {}  # wall clock (time.time) of the table's first paint


def _maxrss_mib() -> float | None:
    """This process's peak resident set size. On Linux VmHWM: getrusage's ru_maxrss is
    kept across execve, so a child started by a big parent would report the parent's peak."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 2**10
    except OSError:
        pass
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10


def _report(**fields: object) -> None:
    fields.setdefault("maxrss_mib", _maxrss_mib())
    fields.setdefault("elapsed", time.perf_counter() - STARTED)
    sys.stdout.write(json.dumps(fields) + "\n")
    sys.stdout.flush()


def bare() -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 760)
    table = QTableView()
    window.setCentralWidget(table)

    # As for FairDesk below: a filter on the whole application, so both pay the same.
    class Painted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and watched is table.viewport():
                PAINTED.setdefault("at", time.time())
                QTimer.singleShot(0, done)
            return False

    def done() -> None:
        _report(rows=0, painted_at=PAINTED["at"])
        os._exit(0)

    watcher = Painted()
    app.installEventFilter(watcher)
    window.show()
    return app.exec()


def fairdesk(db_url: str, username: str, now_iso: str, scroll: bool) -> int:
    from datetime import datetime

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QTableView

    now = datetime.fromisoformat(now_iso)
    os.environ["FAIRDESK_DB"] = db_url

    import fairdesk.ui.common.sign_in as sign_in_module
    from fairdesk.app_context import SYSTEM, open_database
    from fairdesk.services.context import Context
    from fairdesk.services.trust import users

    def signed_in(db_url: str | None, folder: str | None) -> Context:
        db = open_database(db_url, folder)
        info = users.get_user(Context(db, SYSTEM), username)
        return Context(db, info.actor, lambda: now)

    sign_in_module.sign_in = signed_in  # type: ignore[assignment]
    app = QApplication(sys.argv[:1])
    state: dict[str, object] = {"done": False}

    class Painted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if state["done"] or event.type() != QEvent.Type.Paint:
                return False
            table = watched.parent()
            if isinstance(table, QTableView) and table.objectName() == "case_table":
                PAINTED.setdefault("at", time.time())  # the first paint, rows or not
                model = table.model()
                if model is not None and model.rowCount() > 0:
                    state["done"] = True
                    QTimer.singleShot(0, lambda: painted(table))
            return False

    def painted(table: QTableView) -> None:
        model = table.model()
        first = {
            "rows": model.rowCount(),
            "total": getattr(model, "total", lambda: 0)(),
            "painted_at": PAINTED["at"],
            "filled_at": time.time(),
        }
        if not scroll:
            _report(**first)
            os._exit(0)
        opened = {"maxrss_open_mib": _maxrss_mib(), "elapsed_open": time.perf_counter() - STARTED}
        began = time.perf_counter()
        stalls = steps = 0
        bar = table.verticalScrollBar()
        # Page by page down the scroll bar, each page painted, until the bar is at its end
        # and the model has no more rows to add. A model that adds rows as the view reaches
        # its end (canFetchMore / fetchMore) grows as it goes; one that shows every row at
        # once (rowCount = the total) reads its pages as they are painted.
        while True:
            app.processEvents()
            if bar.value() < bar.maximum():
                bar.setValue(min(bar.value() + bar.pageStep(), bar.maximum()))
                steps += 1
            elif model.canFetchMore():  # the view did not ask for more: ask for it
                stalls += 1
                model.fetchMore()
            else:
                break
        _report(
            **first,
            **opened,
            rows_loaded=model.rowCount(),
            scroll_seconds=time.perf_counter() - began,
            direct_fetches=stalls,
            scroll_steps=steps,
            last_row_shown=table.rowAt(table.viewport().height() - 1),
            pages_held=getattr(model, "cached_pages", lambda: None)(),
        )
        os._exit(0)

    watcher = Painted()
    app.installEventFilter(watcher)
    from fairdesk.cli import main

    return main([])


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        sys.exit(bare())
    sys.exit(fairdesk(sys.argv[2], sys.argv[3], sys.argv[4], "--scroll" in sys.argv[5:]))
