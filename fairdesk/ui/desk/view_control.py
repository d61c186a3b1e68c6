"""The saved views of the desk's list: the "Saved views…" box above it and View ▸ Save
view / Delete view. A view is the filters, the queue-free search and the sort order
(`saved_views.py` keeps them in the settings)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QMessageBox

from fairdesk.i18n import error_text
from fairdesk.ui.casework.case_model import SORT_BY_COLUMN
from fairdesk.ui.desk.saved_views import SavedView, delete_view, load_views, save_view

if TYPE_CHECKING:
    from fairdesk.ui.desk.desk_protocol import Desk


class SavedViewsControl(QObject):
    def __init__(self, window: Desk) -> None:
        super().__init__(window)
        self.window = window
        self.combo = window.views_combo
        self.combo.activated.connect(self._chosen)

    def load(self, current: str = "") -> None:
        self.combo.clear()
        self.combo.addItem(self.tr("Saved views…"), "")
        for view in load_views(self.window.settings):
            label = (
                QCoreApplication.translate("SavedViews", view.name) if view.preset else view.name
            )
            self.combo.addItem(label, view.name)
        self.combo.setCurrentIndex(max(0, self.combo.findData(current)))

    def _chosen(self, index: int) -> None:
        name = self.combo.itemData(index)
        if name:
            self.apply(name)

    def named(self, name: str) -> SavedView | None:
        return next((v for v in load_views(self.window.settings) if v.name == name), None)

    def apply(self, name: str) -> bool:
        """Set the filters to the saved view's and show the list; False if there is none."""
        view = self.named(name)
        if view is None:
            return False
        window = self.window
        window.filters.show_view(view)
        column = next((c for c, k in SORT_BY_COLUMN.items() if k == view.sort), None)
        header = window.table.horizontalHeader()
        if window.model is not None:
            flt = window.current_filter()
            if flt is not None:
                window.model.set_filter(replace(flt, sort=view.sort, descending=view.descending))
            if column is not None:
                header.blockSignals(True)
                order = (
                    Qt.SortOrder.DescendingOrder if view.descending else Qt.SortOrder.AscendingOrder
                )
                header.setSortIndicator(column, order)
                header.blockSignals(False)
        window.apply_filter()
        self.combo.setCurrentIndex(max(0, self.combo.findData(view.name)))
        return True

    def current(self, name: str) -> SavedView:
        """The filter on screen as a view named `name`."""
        flt = self.window.current_filter()
        return self.window.filters.as_view(
            name,
            sort=flt.sort if flt is not None else "number",
            descending=flt.descending if flt is not None else False,
        )

    def save_current(self) -> bool:
        window = self.window
        chosen = self.named(self.combo.currentData() or "")
        current = chosen.name if chosen is not None and not chosen.preset else ""
        name, ok = window.ask_text(
            window, self.tr("Save view"), self.tr("Name of this view of the list:"), current
        )
        if not ok or not name.strip():
            return False
        try:
            save_view(window.settings, self.current(name))
        except (ValueError, OSError) as exc:
            QMessageBox.warning(window, self.tr("FairDesk"), error_text(exc))
            return False
        self.load(name.strip())
        window.statusBar().showMessage(self.tr("View '{0}' saved.").format(name.strip()), 8000)
        return True

    def delete_current(self) -> bool:
        window = self.window
        name = self.combo.currentData() or ""
        view = self.named(name) if name else None
        if view is None or view.preset:
            window.statusBar().showMessage(
                self.tr("Choose one of your own saved views first; built-in views stay."), 8000
            )
            return False
        try:
            deleted = delete_view(window.settings, name)
        except OSError as exc:
            QMessageBox.warning(window, self.tr("FairDesk"), error_text(exc))
            return False
        self.load()
        if deleted:
            window.statusBar().showMessage(self.tr("View '{0}' deleted.").format(name), 8000)
        return deleted
