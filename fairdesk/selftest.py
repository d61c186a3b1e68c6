"""`fairdesk --self-test`: prove that this installation works, without touching its data.

Run by `build_installer.py` on the frozen bundle (and by hand on a desk PC after
installing). In a temporary folder it creates a database and migrates it, sets up a fair,
imports a two-line exhibitor list, registers a complaint, prints its complaint form (PDF,
with the embedded fonts) and reads the QR code back from the PDF to verify it through
`fairdesk.services.paper.documents`. Then it loads the Chinese translation, and builds the
desk's main window and the help browser on Qt's offscreen platform.

Every line it prints starts with "self-test:"; anything else in its output (a Python or
Qt warning) is for the build to judge. Exit status 0 when every step passed, 1 otherwise.
"""

from __future__ import annotations

import os
import platform
import shutil
import sys
import tempfile
import time
import traceback
import warnings
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported inside the checks: a missing piece fails the check needing it
    from fairdesk.db.engine import Database
    from fairdesk.services.context import Context

PREFIX = "self-test:"
# The fair's first morning (09:30 in Shanghai): the clocks run as on a fair day.
FAIR_MORNING = datetime(2026, 11, 5, 1, 30, tzinfo=UTC)
EXHIBITORS_CSV = (
    "展商名称,Exhibitor Name,国家/地区,Country/Region,展馆 Hall,展位号 Booth No.\n"
    "自检展商有限公司,Self Test Exhibitor GmbH,德国,Germany,4.1,4.1A01\n"
    "第二展商有限公司,Second Exhibitor Ltd,英国,United Kingdom,4.1,4.1A02\n"
)


class SelfTestFailed(Exception):
    pass


def _say(text: str) -> None:
    print(f"{PREFIX} {text}", flush=True)


def _check(condition: bool, problem: str) -> None:
    if not condition:
        raise SelfTestFailed(problem)


def check_resources() -> None:
    from fairdesk.resources_path import resource, resource_dir

    base = resource_dir()
    for parts in (
        ("fonts", "DroidSansFallbackFull.ttf"),
        ("fonts", "DejaVuSans.ttf"),
        ("fonts", "DejaVuSans-Bold.ttf"),
        ("fonts", "Loma.ttf"),
        ("fonts", "NanumGothic.ttf"),
        ("translations", "fairdesk_zh_CN.qm"),
        ("icons", "fairdesk.png"),
        ("help", "guide-desk.md"),
        ("help", "guide-inspector.md"),
        ("help", "guide-organizer.md"),
    ):
        resource(*parts)
    from fairdesk.db.migrate import MIGRATIONS

    versions = list((MIGRATIONS / "versions").glob("*.py"))
    _check(bool(versions), f"no migration scripts in {MIGRATIONS}")
    _say(f"resources found in {base}; {len(versions)} migration scripts")


def check_documents(folder: Path) -> None:
    from fairdesk.db import migrate
    from fairdesk.db.engine import Database

    path = folder / "selftest.sqlite3"
    db = Database(f"sqlite:///{path}")
    try:
        migrate.upgrade(db)
        revision = migrate.current_revision(db)
        _check(revision == migrate.head_revision(), f"schema at {revision}, not at the head")
        _say(f"temporary database {path.name} migrated to revision {revision}")
        desk = _set_up_fair(db, folder)
        number = _register_complaint(desk)
        _say(f"fair SELFTEST set up, 2 exhibitors imported, complaint {number} registered")
        _print_and_verify(desk, number)
    finally:
        db.dispose()


def _set_up_fair(db: Database, folder: Path) -> Context:
    """An admin and a desk user, the fair and its two exhibitors; the desk's context."""
    from fairdesk.app_context import SYSTEM
    from fairdesk.domain.enums import Role
    from fairdesk.services.context import Context
    from fairdesk.services.fair import fairs
    from fairdesk.services.fair.exhibitors import import_exhibitors
    from fairdesk.services.trust import users

    system = Context(db, SYSTEM, lambda: FAIR_MORNING)
    users.add_user(system, "admin", Role.ADMIN, "self-test-password-1")
    admin = users.sign_in(system, "admin", "self-test-password-1")  # holds the root key
    users.add_user(admin, "desk1", Role.DESK, "self-test-password-2")
    desk = users.sign_in(system, "desk1", "self-test-password-2")  # unlocks desk1's key
    fairs.create_fair(
        admin,
        "SELFTEST",
        "自检博览会",
        date(2026, 11, 5),
        date(2026, 11, 8),
        hours="09:00-17:00",
        rules="cnipa-24h",
        name_en="Self-test fair",
    )
    csv_file = folder / "exhibitors.csv"
    csv_file.write_text(EXHIBITORS_CSV, encoding="utf-8-sig")
    report = import_exhibitors(admin, "SELFTEST", csv_file)
    _check(report.imported == 2, f"imported {report.imported} exhibitors, not 2")
    return desk


def _register_complaint(desk: Context) -> str:
    from fairdesk.services.intake.intake import (
        ComplaintInput,
        ExhibitInput,
        PartyInput,
        RespondentInput,
        RightInput,
        register_complaint,
    )

    registered = register_complaint(
        desk,
        "SELFTEST",
        ComplaintInput(
            complainant=PartyInput("示例品牌股份有限公司", "Example Brand Co., Ltd."),
            rights=[
                RightInput(
                    "design",
                    "ZL202330123456.7",
                    "座椅",
                    "示例品牌",
                    valid_until=date(2038, 1, 1),
                )
            ],
            respondents=[RespondentInput(booth="4.1A01", exhibits=[ExhibitInput("椅子")])],
            commitment_signed=True,
            summary="外观设计相同",
        ),
    )
    return registered.number


def _print_and_verify(desk: Context, number: str) -> None:
    """Render the complaint form and read its QR code back from the PDF."""
    from fairdesk.services.paper import documents

    started = time.perf_counter()
    issued = documents.issue_document(desk, "complaint-form", number)
    took = time.perf_counter() - started
    _check(issued.pdf.startswith(b"%PDF"), "the rendered document is not a PDF")
    _say(
        f"document {issued.number} ({issued.title_en}) rendered: "
        f"{len(issued.pdf):,} bytes in {took:.1f} s"
    )
    result = documents.verify_file(desk, issued.pdf)
    _check(result.ok and result.status == "genuine", f"QR check: {result.message}")
    _check(result.number == issued.number, f"QR names {result.number}, not {issued.number}")
    _say(f"QR code read back from the PDF and verified: {result.status} ({result.number})")


def check_translations() -> None:
    from PySide6.QtCore import QCoreApplication

    from fairdesk.i18n import install_translations

    app = QCoreApplication.instance()
    _check(app is not None, "no Qt application")
    installed = install_translations(app, "zh_CN")
    ours = [p for p in installed.files if p.name.startswith("fairdesk_")]
    _check(bool(ours), f"Chinese translation not loaded (missing: {', '.join(installed.missing)})")
    sample = QCoreApplication.translate("MainWindow", "&Cases")
    _check(sample != "&Cases", "the Chinese translation does not translate the main menu")
    qt_files = [p.name for p in installed.files if p.name.startswith("qtbase_")]
    _say(
        f"Chinese translation loaded ({ours[0].name}; Qt's own: "
        f"{', '.join(qt_files) or 'not found'}): '&Cases' -> '{sample}'"
    )
    install_translations(app, "en")


def check_windows(folder: Path) -> None:
    from fairdesk.app_context import SYSTEM, open_database
    from fairdesk.domain.enums import Role
    from fairdesk.services.context import Context
    from fairdesk.services.trust import users
    from fairdesk.settings import Settings
    from fairdesk.ui.common.help import HelpWindow
    from fairdesk.ui.desk.main_window import MainWindow

    db = open_database(f"sqlite:///{folder / 'selftest.sqlite3'}")
    try:
        info = users.get_user(Context(db, SYSTEM), "desk1")
        ctx = Context(db, info.actor, lambda: FAIR_MORNING)
        window = MainWindow(ctx, settings=Settings(folder / "settings.ini"))
        window._poll_timer.stop()
        rows = window.model.rowCount() if window.model is not None else 0
        _check(rows == 1, f"the main window lists {rows} cases, not 1")
        helper = HelpWindow(Role.DESK)
        words = len(helper.browser.toPlainText().split())
        _check(words > 50, "the desk guide is empty")
        helper.close()
        window.close()
        window.deleteLater()
        _say(f"main window built (1 case listed); desk guide shown ({words} words)")
    finally:
        db.dispose()


def run_self_test() -> int:
    """Run every check; 0 when all passed, 1 on the first failure (said in one line)."""
    warnings.simplefilter("default")  # a warning shows in the output the build reads
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from fairdesk import __version__

    frozen = "frozen" if getattr(sys, "frozen", False) else "from source"
    _say(
        f"FairDesk {__version__} ({frozen}), Python {platform.python_version()}, "
        f"{platform.system()} {platform.machine()}"
    )
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0], "-platform", "offscreen"])
    folder = Path(tempfile.mkdtemp(prefix="fairdesk-selftest-"))
    started = time.perf_counter()
    try:
        check_resources()
        check_documents(folder)
        check_translations()
        check_windows(folder)
    except SelfTestFailed as exc:
        _say(f"FAILED: {exc}")
        return 1
    except Exception as exc:  # a bug or a missing piece of the bundle: say it all
        _say(f"FAILED: {type(exc).__name__}: {exc}")
        for line in traceback.format_exc().splitlines():
            _say(f"  {line}")
        return 1
    finally:
        app.processEvents()
        shutil.rmtree(folder, ignore_errors=True)
    _say(f"passed in {time.perf_counter() - started:.1f} s")
    return 0
