"""A window in a fresh process, for B1 (start) and B6 (memory). Run by bench_window.py.

    python probe_window.py bare
    python probe_window.py fairdesk DB_URL USER NOW_ISO [--scroll]

`bare` opens a plain PySide6 main window holding an empty QTableView. `fairdesk` starts the
app the way the `fairdesk` command does (fairdesk.cli.main with no arguments: logging, the
crash dialog, sign-in dialog, database open and migration check, main window, idle lock,
backups), with one difference: the sign-in service behind the dialog is replaced by one
that signs the desk user in without a password (the generated history has none), and the
probe types the user name into the dialog as soon as it can take it.
Both print one JSON line as soon as their table has been painted (for FairDesk: painted
with the case list's rows) and exit at once. `painted_at` is the first paint of the first
window a person sees (for FairDesk the sign-in dialog, whatever it was drawn after),
`table_painted_at` the case table's first paint, rows or not, and `filled_at` the table
painted with rows: wall-clock times the parent compares with its launch. With --scroll,
FairDesk first scrolls the list to its end, a screenful at a time (every row painted, so
every page read), and reports its peak memory again.

Nothing here edits product code: the sign-in service is replaced in this process only,
and only once the dialog has been drawn (so the probe imports nothing before it).
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

    from PySide6.QtWidgets import QWidget

    def answer(dialog: QWidget) -> None:
        """Sign in through the dialog once the database behind it is open."""
        if "fairdesk.services.trust.users" not in sys.modules:  # still opening
            QTimer.singleShot(5, lambda: answer(dialog))
            return
        from fairdesk.services.context import Context
        from fairdesk.services.trust import users

        def sign_in(system: Context, name: str, password: str) -> Context:
            return Context(system.db, users.get_user(system, name).actor, lambda: now)

        users.sign_in = sign_in  # type: ignore[assignment]
        dialog.username_edit.setText(username)  # type: ignore[attr-defined]
        dialog.accept()  # type: ignore[attr-defined]

    app = QApplication(sys.argv[:1])
    state: dict[str, object] = {"done": False}

    class Painted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if state["done"] or event.type() != QEvent.Type.Paint:
                return False
            if isinstance(watched, QWidget) and "at" not in PAINTED:
                PAINTED["at"] = time.time()  # what a person sees first
                window = watched.window()
                if window.objectName() == "credentials_dialog":
                    QTimer.singleShot(0, lambda: answer(window))
            table = watched.parent()
            if isinstance(table, QTableView) and table.objectName() == "case_table":
                PAINTED.setdefault("table", time.time())  # the first paint, rows or not
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
            "table_painted_at": PAINTED["table"],
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
