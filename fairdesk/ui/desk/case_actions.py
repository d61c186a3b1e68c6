"""What the desk does from its list: register a complaint (at the desk or from a patrol
visit), and print for, export or assign the selected cases."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox

from fairdesk.domain.errors import FairDeskError
from fairdesk.i18n import error_text
from fairdesk.services.casework.assignment import assign_cases, assignable_users
from fairdesk.services.casework.case_export import export_cases
from fairdesk.services.fair import fairs

if TYPE_CHECKING:
    from fairdesk.ui.desk.desk_protocol import Desk


class CaseActions(QObject):
    def __init__(self, window: Desk) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx

    def _say(self, text: str) -> None:
        QMessageBox.information(self.window, self.tr("FairDesk"), text)

    def _warn(self, exc: Exception) -> None:
        QMessageBox.warning(self.window, self.tr("FairDesk"), error_text(exc))

    # -- new complaints -----------------------------------------------------------------------
    def new_complaint(self) -> None:
        code = self.window.fair_combo.currentData()
        if not code:
            self._say(self.tr("Set up a fair first."))
            return
        from fairdesk.ui.intake.complaint_form import ComplaintForm

        try:
            form = ComplaintForm(self.ctx, code, self.window)
        except FairDeskError as exc:  # PermissionDenied for other roles, NotFound for the fair
            self._warn(exc)
            return
        if form.exec():
            self.window.refresh()
            self.window.statusBar().showMessage(form.outcome, 15000)

    def complaint_from_visit(self, visit_uid: str = "", fair_code: str = "") -> None:
        """A complaint prefilled from a patrol visit: the one given (the inspector screen's
        button), else one the desk picks among the suspected infringements without a case."""
        from fairdesk.services.inspection import patrols
        from fairdesk.ui.intake.visit_complaint import VisitComplaintForm

        window = self.window
        code = fair_code or window.fair_combo.currentData()
        if not code or not window.visit_complaint_action.isEnabled():
            return
        try:
            linked = patrols.get_visit(self.ctx, visit_uid).case_number if visit_uid else ""
            if linked:  # the inspector screen offers any visit of the round
                self._say(self.tr("This visit already belongs to case {0}.").format(linked))
                return
            visit_uid = visit_uid or self._pick_visit(code)
            if not visit_uid:
                return
            form = VisitComplaintForm(self.ctx, code, visit_uid, window)
        except FairDeskError as exc:
            self._warn(exc)
            return
        if form.exec():
            window.refresh()
            window.statusBar().showMessage(form.outcome, 15000)

    def _pick_visit(self, code: str) -> str:
        """The visit the desk picks among the suspected infringements; "" if none or none
        chosen."""
        from fairdesk.ui.intake.visit_complaint import suspected_visits, visit_choice

        rows = suspected_visits(self.ctx, code)
        if not rows:
            self._say(self.tr("No suspected infringement found on patrol waits for a complaint."))
            return ""
        zone = fairs.get_fair(self.ctx, code).timezone
        items = [visit_choice(r, zone) for r in rows]
        chosen, ok = self.window.ask_item(
            self.window,
            self.tr("Complaint from a patrol visit"),
            self.tr("Suspected infringements found on patrol, without a complaint yet:"),
            items,
        )
        if not ok or chosen not in items:
            return ""
        return rows[items.index(chosen)].uid

    # -- the selected cases ---------------------------------------------------------------
    def print_selected(self) -> None:
        from fairdesk.ui.paper.bulk_print import BulkPrintDialog  # reportlab: loaded when used

        numbers = self.window.selected_numbers()
        if not numbers:
            self._say(self.tr("Select the cases to print for first."))
            return
        dialog = BulkPrintDialog(self.ctx, numbers, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(lambda _numbers: self.window.refresh())
        dialog.open()

    def export_selected(self) -> bool:
        """Write the selected cases (all the list shows when none is selected) to a file."""
        window = self.window
        flt = window.current_filter()
        if flt is None:
            return False
        from fairdesk.ui.paper.document_dialog import documents_folder  # reportlab: when used

        numbers = window.selected_numbers()
        stamp = self.ctx.now().strftime("%Y%m%d-%H%M")
        suggested = str(documents_folder() / f"{flt.fair_code}-cases-{stamp}.xlsx")
        path = window.save_file_name(
            window,
            self.tr("Export cases"),
            suggested,
            self.tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"),
        )
        if not path:
            return False
        try:
            result = export_cases(self.ctx, flt, Path(path), numbers=numbers)
        except FairDeskError as exc:
            self._warn(exc)
            return False
        window.statusBar().showMessage(
            (
                self.tr("1 case exported to {1}.")
                if result.rows == 1
                else self.tr("{0} cases exported to {1}.")
            ).format(result.rows, result.path),
            15000,
        )
        return True

    def assign_selected(self) -> bool:
        """Assign the selected cases to a desk user (or no one)."""
        window = self.window
        numbers = window.selected_numbers()
        if not numbers or window.model is None:
            window.statusBar().showMessage(self.tr("Select the cases to assign first."), 8000)
            return False
        try:
            people = assignable_users(self.ctx)
        except FairDeskError as exc:
            self._warn(exc)
            return False
        nobody = self.tr("(no one)")
        choice, ok = window.ask_item(
            window,
            self.tr("Assign cases"),
            self.tr("Assign {0} selected cases to:").format(len(numbers)),
            [*people, nobody],
        )
        if not ok:
            return False
        username = "" if choice == nobody else choice
        versions = {}
        for number in numbers:
            row = window.model.row_of(number)
            if row is not None:
                versions[number] = window.model.row_at(row).version
        try:
            result = assign_cases(self.ctx, numbers, username, expected_versions=versions)
        except FairDeskError as exc:  # a case changed since it was listed, or the user went
            self._warn(exc)
            window.refresh()
            return False
        window.refresh()
        count = len(result.changed) + len(result.unchanged)
        window.statusBar().showMessage(
            (
                self.tr("1 case assigned to {1}.")
                if count == 1
                else self.tr("{0} cases assigned to {1}.")
            ).format(count, username or nobody),
            10000,
        )
        return True
