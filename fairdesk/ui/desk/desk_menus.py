"""The desk's menus at work: what each action of the form (ui/main_window.ui) does, which
permission enables it, and the shortcuts the form cannot hold (the platform's standard
keys, Ctrl+digit for the queues)."""

from __future__ import annotations

from operator import attrgetter
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from fairdesk.domain.permissions import GRANTS, Permission
from fairdesk.ui.common.sign_out import add_sign_out_and_quit
from fairdesk.ui.desk.queue_panel import QUEUES

if TYPE_CHECKING:
    from fairdesk.ui.desk.desk_protocol import Desk

P = Permission
# Action of the form -> what it calls on the window, the permission that enables it.
ACTIONS: tuple[tuple[str, str, Permission | None], ...] = (
    ("new_action", "case_actions.new_complaint", P.REGISTER_COMPLAINT),
    ("visit_complaint_action", "case_actions.complaint_from_visit", P.REGISTER_COMPLAINT),
    ("print_action", "case_actions.print_selected", P.ISSUE_DOCUMENT),
    ("export_action", "case_actions.export_selected", P.EXPORT),
    ("assign_action", "case_actions.assign_selected", P.ASSIGN_CASES),
    ("check_document_action", "windows.check_document", None),
    ("open_case_action", "open_selected", None),
    ("find_action", "focus_search", None),
    ("refresh_action", "refresh", None),
    ("clear_filters_action", "filters.clear", None),
    ("save_view_action", "views.save_current", None),
    ("delete_view_action", "views.delete_current", None),
    ("new_fair_action", "windows.new_fair", P.SET_UP_FAIR),
    ("edit_fair_action", "windows.edit_fair", P.SET_UP_FAIR),
    ("exhibitors_action", "windows.show_exhibitors", None),
    ("import_action", "windows.import_exhibitors", P.IMPORT_EXHIBITORS),
    ("settings_action", "windows.show_settings", None),
    ("users_action", "windows.show_users", P.MANAGE_USERS),
    ("evidence_check_action", "windows.check_evidence_files", P.VERIFY_AUDIT),
    ("dashboard_action", "windows.show_dashboard", None),
    ("followup_action", "windows.export_followup", P.EXPORT),
    ("watch_list_action", "windows.show_watch_list", None),
    ("handoffs_action", "windows.show_handoffs", None),
    ("day_report_action", "windows.show_day_report", None),
    ("consultation_action", "windows.log_consultation", P.LOG_CONSULTATION),
    ("inspector_action", "windows.show_inspector", P.PATROL),
    ("about_action", "windows.show_about", None),
)
STANDARD_KEYS = {
    "new_action": QKeySequence.StandardKey.New,
    "print_action": QKeySequence.StandardKey.Print,
    "find_action": QKeySequence.StandardKey.Find,
    "refresh_action": QKeySequence.StandardKey.Refresh,
    "settings_action": QKeySequence.StandardKey.Preferences,
}


def wire_menus(window: Desk) -> None:
    """Connect the form's actions, enable them by the user's role, add the window-wide ones."""
    role = window.ctx.actor.role
    for name, slot, permission in ACTIONS:
        act: QAction = getattr(window.ui, name)
        if name in STANDARD_KEYS:
            act.setShortcut(STANDARD_KEYS[name])
        # A lambda: `triggered` passes `checked`, which the slots do not take.
        act.triggered.connect(lambda _=False, call=attrgetter(slot): call(window)())
        if permission is not None:
            act.setEnabled(role in GRANTS[permission])
        window.addAction(act)  # its shortcut works wherever the focus is in the window
    add_sign_out_and_quit(window, window.ui.case_menu, demo=window.demo)
    for n, queue in enumerate(QUEUES):  # Ctrl+0 all cases, Ctrl+1... the queues
        act = QAction(f"{n}", window)
        act.setShortcut(QKeySequence(f"Ctrl+{n}"))
        act.triggered.connect(lambda _=False, key=queue.key: window.queues.choose(key))
        window.addAction(act)
