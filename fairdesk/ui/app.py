"""Start the desktop app: open the database, sign in, show the main window."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from fairdesk.domain.errors import FairDeskError


def run_app(args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("FairDesk")
    app.setOrganizationName("FairDesk")
    try:
        ctx, demo = _sign_in(args)
    except FairDeskError as exc:
        QMessageBox.critical(None, "FairDesk", str(exc))
        print(f"fairdesk: {exc}", file=sys.stderr)
        return 1
    if ctx is None:
        return 0  # the user closed the sign-in dialog
    from fairdesk.ui.main_window import MainWindow

    window = MainWindow(ctx, demo=demo)
    window.show()
    return app.exec()


def _sign_in(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from fairdesk.ui.sign_in import demo_context, sign_in

    if args.demo:
        return demo_context(args.data_dir), True
    return sign_in(args.db, args.data_dir), False
