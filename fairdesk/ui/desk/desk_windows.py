"""The windows and dialogs the desk's menus open: settings, users, fairs, exhibitors,
the organizer's screens, the inspector screen, the document check and the evidence check.

They are imported when first opened: the start paints sooner without them
(tests/unit/test_start_imports.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from fairdesk.services.fair import fairs
from fairdesk.services.fair.fairs import FairInfo

if TYPE_CHECKING:
    from fairdesk.ui.desk.desk_protocol import Desk
    from fairdesk.ui.organizer.evidence_check import EvidenceCheckRun
    from fairdesk.ui.organizer.exhibitors_window import ExhibitorsWindow
    from fairdesk.ui.paper.verify_dialog import VerifyDialog


class DeskWindows(QObject):
    def __init__(self, window: Desk) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        self.exhibitors_window: ExhibitorsWindow | None = None
        self.verify_dialog: VerifyDialog | None = None
        self.evidence_check: EvidenceCheckRun | None = None

    def _fair_or_say(self) -> str | None:
        code = self.window.fair_combo.currentData()
        if not code:
            QMessageBox.information(
                self.window, self.tr("FairDesk"), self.tr("Set up a fair first.")
            )
        return code or None

    def _show(self, widget: QWidget) -> QWidget:
        """Show a fair-level screen as its own window, freed when closed."""
        widget.setWindowFlag(Qt.WindowType.Window)
        widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # Qt opens a window at two thirds of the screen at most; the screen's own size hint
        # (the dashboard: every chart in view) is what it should open at.
        screen = self.window.screen()
        hint = widget.sizeHint()
        widget.resize(hint.boundedTo(screen.availableGeometry().size()) if screen else hint)
        widget.show()
        return widget

    # -- tools ------------------------------------------------------------------------------
    def show_settings(self) -> None:
        from fairdesk.ui.common.settings_dialog import SettingsDialog

        SettingsDialog(self.window.settings, self.window).open()

    def show_about(self) -> None:
        from fairdesk.ui.common.about_dialog import AboutDialog

        AboutDialog(self.ctx, self.window).open()

    def show_users(self) -> None:
        from fairdesk.ui.setup.users_dialog import UsersDialog

        UsersDialog(self.ctx, self.window).open()

    def check_evidence_files(self) -> None:
        """Read back every evidence file and list the damaged or missing ones."""
        from fairdesk.ui.organizer.evidence_check import EvidenceCheckRun

        if not self.window.evidence_check_action.isEnabled():
            return
        self.evidence_check = EvidenceCheckRun(self.ctx, self.window)
        self.evidence_check.start()

    def check_document(self, payload: str = "") -> None:
        from fairdesk.ui.paper.verify_dialog import VerifyDialog  # pdfium, zbar: loaded when used

        if self.verify_dialog is None:
            self.verify_dialog = VerifyDialog(self.ctx, self.window)
        self.verify_dialog.show()
        self.verify_dialog.raise_()
        self.verify_dialog.activateWindow()
        if payload:
            self.verify_dialog.payload_edit.setText(payload)
            self.verify_dialog.check(payload)

    # -- the organizer's screens and the inspector's --------------------------------------
    def show_dashboard(self) -> None:
        from fairdesk.ui.organizer.dashboard import Dashboard

        if code := self._fair_or_say():
            self._show(Dashboard(self.ctx, code, self.window))

    def show_watch_list(self) -> None:
        from fairdesk.ui.organizer.watchlist_view import WatchListView

        if code := self._fair_or_say():
            self._show(WatchListView(self.ctx, code, self.window))

    def export_followup(self) -> None:
        from fairdesk.ui.organizer.export_dialog import ExportDialog

        if code := self._fair_or_say():
            ExportDialog(self.ctx, code, self.window).open()

    def show_handoffs(self) -> None:
        from fairdesk.ui.paper.handoff_dialog import HandoffDialog

        if code := self._fair_or_say():
            HandoffDialog(self.ctx, code, "", "credit", self.window).open()

    def log_consultation(self) -> None:
        from fairdesk.ui.organizer.consultation_dialog import ConsultationDialog

        if code := self._fair_or_say():
            ConsultationDialog(self.ctx, code, self.window).open()

    def show_day_report(self) -> None:
        from fairdesk.services.organizer.day_report import day_report, format_day_report

        if code := self._fair_or_say():
            today = self.ctx.now().astimezone(ZoneInfo(fairs.get_fair(self.ctx, code).timezone))
            text = format_day_report(day_report(self.ctx, code, today.date()))
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Day report"),
                text,
                QMessageBox.StandardButton.Close,
                self.window,
            )
            box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            box.open()

    def show_inspector(self) -> None:
        from fairdesk.config import data_dir
        from fairdesk.ui.inspection.inspector_window import InspectorWindow

        window = InspectorWindow(self.ctx, data_folder=data_dir(), demo=self.window.demo)
        window.complaint_requested.connect(
            lambda uid, w=window: self.window.complaint_from_visit(uid, w.fair_code)
        )
        window.setParent(self.window, Qt.WindowType.Window)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()

    # -- fairs and exhibitors ---------------------------------------------------------------
    def new_fair(self) -> None:
        self._fair_dialog(None)

    def edit_fair(self) -> None:
        if self.window.fair_combo.currentData():
            self._fair_dialog(self.window.fair_combo.currentData())

    def _fair_dialog(self, code: str | None) -> None:
        from fairdesk.ui.organizer.fair_dialog import FairDialog

        dialog = FairDialog(self.ctx, code, self.window)
        dialog.saved.connect(self._fair_saved)
        dialog.open()

    def _fair_saved(self, info: FairInfo) -> None:
        combo = self.window.fair_combo
        self.window._load_fairs()
        combo.setCurrentIndex(max(0, combo.findData(info.code)))

    def show_exhibitors(self) -> ExhibitorsWindow | None:
        code = self.window.fair_combo.currentData()
        if not code:
            return None
        if self.exhibitors_window is None or self.exhibitors_window.fair_code != code:
            from fairdesk.ui.organizer.exhibitors_window import ExhibitorsWindow

            if self.exhibitors_window is not None:
                self.exhibitors_window.deleteLater()
            self.exhibitors_window = ExhibitorsWindow(
                self.ctx, code, self.window, settings=self.window.settings
            )
        self.exhibitors_window.show()
        self.exhibitors_window.raise_()
        self.exhibitors_window.activateWindow()
        return self.exhibitors_window

    def import_exhibitors(self) -> None:
        window = self.show_exhibitors()
        if window is not None:  # new halls may come with the list
            window.open_import().import_done.connect(
                lambda _report: self.window.filters.load_halls()
            )
