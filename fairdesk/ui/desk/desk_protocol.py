"""What the parts of the desk's window (filters, saved views, menus, case actions, the
windows it opens) may use of it: the window as they see it, without importing it (the
window imports them). A QMainWindow the window derives from, not a Protocol: the parts
also make it the parent of their dialogs, and a Protocol cannot say it is a QWidget."""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QMainWindow, QTableView, QWidget

from fairdesk.services.casework.cases import CaseFilter
from fairdesk.services.context import Context
from fairdesk.settings import Settings

if TYPE_CHECKING:
    from fairdesk.ui.casework.case_model import CaseTableModel
    from fairdesk.ui.desk.case_filters import CaseFilters
    from fairdesk.ui.desk.queue_panel import QueuePanel
    from fairdesk.ui.forms.ui_main_window import Ui_MainWindow


class Desk(QMainWindow):
    """The main window as its parts see it; `MainWindow` sets these and does these."""

    ctx: Context
    demo: bool
    settings: Settings
    ui: Ui_MainWindow
    model: CaseTableModel | None
    table: QTableView
    fair_combo: QComboBox
    views_combo: QComboBox
    visit_complaint_action: QAction
    evidence_check_action: QAction
    queues: QueuePanel
    filters: CaseFilters
    ask_text: Callable[[QWidget, str, str, str], tuple[str, bool]]
    ask_item: Callable[[QWidget, str, str, list[str]], tuple[str, bool]]
    save_file_name: Callable[[QWidget, str, str, str], str]

    @abstractmethod
    def current_filter(self) -> CaseFilter | None: ...
    @abstractmethod
    def apply_filter(self, strip_data: bool = True) -> None: ...
    @abstractmethod
    def refresh(self) -> None: ...
    @abstractmethod
    def selected_numbers(self) -> list[str]: ...
    @abstractmethod
    def complaint_from_visit(self, visit_uid: str = "", fair_code: str = "") -> None: ...
    @abstractmethod
    def _load_fairs(self) -> None: ...
