"""The respondents of a new complaint: one row per accused exhibitor, found by booth number
or name, with the accused exhibits in a small table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRegularExpression,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fairdesk.domain.errors import FairDeskError
from fairdesk.domain.normalize import normalize_booth
from fairdesk.i18n import error_text
from fairdesk.services.context import Context
from fairdesk.services.intake.intake import ExhibitInput, RespondentInput
from fairdesk.services.intake.lookup import ExhibitorHit, exhibitors_at_booth, search_exhibitors
from fairdesk.ui.common.combo_search import make_searchable
from fairdesk.ui.common.named import named
from fairdesk.ui.forms.ui_respondent_row import Ui_RespondentRow
from fairdesk.ui.intake.complaint_photos import PhotosRow
from fairdesk.ui.intake.complaint_widgets import Field, LookupEdit

Index = QModelIndex | QPersistentModelIndex
Problem = tuple[QWidget, str]

COL_NAME, COL_MODEL, COL_QUANTITY, COL_RIGHTS = range(4)
MAX_QUANTITY = 1_000_000


def names_joined(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def describe_exhibitor(hit: ExhibitorHit) -> tuple[str, str]:
    """(the completion line, the text the field keeps)."""
    names = " · ".join(n for n in (hit.name_zh, hit.name_en) if n)
    country = hit.country_en or hit.country
    return f"{hit.booth}  {names}" + (f"  ({country})" if country else ""), hit.booth or hit.name


def _row_tr(text: str) -> str:
    return QCoreApplication.translate("RespondentRow", text)


def exhibitor_status(hit: ExhibitorHit | None, shared: list[ExhibitorHit]) -> tuple[str, str]:
    """The line under a respondent's booth: who was found there (green), or that the booth
    is shared and one must be chosen (amber); with its colour ("" when there is nothing)."""
    if hit is not None:
        names = " · ".join(n for n in (hit.name_zh, hit.name_en) if n)
        country = " / ".join(c for c in (hit.country, hit.country_en) if c)
        where = _row_tr("booth {0}").format(hit.booth)
        if hit.hall:
            where += _row_tr(" (hall {0})").format(hit.hall)
        if shared:
            where += _row_tr(", shared booth")
        parts = [names, country, where]
        return "✓ " + " · ".join(p for p in parts if p), "#1b5e20"
    if shared:
        text = _row_tr("Booth {0} is shared by {1} exhibitors: choose one above.")
        return text.format(shared[0].booth, len(shared)), "#8a5300"
    return "", ""


class ExhibitsModel(QAbstractTableModel):
    """Accused exhibits of one respondent: name, model, quantity and the numbers of the
    rights it is accused under (empty: the complaint's only right); edited in place."""

    HEADERS = ("Exhibit", "Model", "Quantity", "Accused under (right numbers)")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        # [name, model, quantity or None, right numbers "ZL…, 第…号"]
        self._rows: list[list[Any]] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        value = self._rows[index.row()][index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == COL_QUANTITY:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            return self.tr(self.HEADERS[section])
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        text = str(value if value is not None else "").strip()
        if index.column() == COL_NAME and not text:
            return False  # an exhibit keeps its name; remove the row instead
        if index.column() == COL_QUANTITY:
            quantity = parse_quantity(text)
            if quantity is False:
                return False
            new: Any = quantity
        else:
            new = text
        self._rows[index.row()][index.column()] = new
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])
        return True

    def add(self, name: str, model: str = "", quantity: int | None = None, rights: str = "") -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append([name.strip(), model.strip(), quantity, rights.strip()])
        self.endInsertRows()
        return row

    def removeRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        if parent.isValid() or count < 1 or row < 0 or row + count > len(self._rows):
            return False
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        del self._rows[row : row + count]
        self.endRemoveRows()
        return True

    def exhibits(self) -> list[ExhibitInput]:
        return [
            ExhibitInput(name, model, quantity, rights=split_rights(rights))
            for name, model, quantity, rights in self._rows
        ]


def split_rights(text: str) -> list[str]:
    """ "ZL1, 第2号；3" -> ["ZL1", "第2号", "3"] (commas, semicolons, Chinese ones too)."""
    for sep in ("，", "；", ";", "、"):
        text = text.replace(sep, ",")
    return [part.strip() for part in text.split(",") if part.strip()]


def parse_quantity(text: str) -> int | None | bool:
    """ "" -> None, "12" -> 12; False when it is not a whole number from 1 up."""
    text = text.strip()
    if not text:
        return None
    if not text.isdigit() or not 1 <= int(text) <= MAX_QUANTITY:
        return False
    return int(text)


class RespondentRow(QFrame):
    """One accused exhibitor: the booth or name typed, the exhibitor it resolves to (or the
    choice among exhibitors sharing the booth), and the accused exhibits."""

    changed = Signal()
    resolved = Signal()
    remove_requested = Signal(object)

    def __init__(self, ctx: Context, fair_code: str, number: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_RespondentRow()  # the labels and layout: ui/respondent_row.ui
        self.ui.setupUi(self)
        self._ctx = ctx
        self._fair = fair_code
        self.exhibitor: ExhibitorHit | None = None
        self.shared: list[ExhibitorHit] = []
        self.problem = ""
        self._picked_text = ""
        ui = self.ui
        self.title, self.status = ui.respondent_title, ui.respondent_status
        self._make_fields(ctx, fair_code)
        self.search_label, self.choice_label = ui.search_label, ui.choice_label
        self.exhibit_model, self.exhibit_quantity = ui.exhibit_model, ui.exhibit_quantity
        # Empty or a whole number from 1: an empty quantity must not stop Enter from adding.
        self.exhibit_quantity.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"|[1-9][0-9]{0,5}"), self)
        )
        # Which of the complaint's rights the exhibit is accused under: the decision names
        # them. Left empty, the complaint's only right.
        self.exhibit_rights, self.add_exhibit = ui.exhibit_rights, ui.add_exhibit
        self.exhibits = ExhibitsModel(self)
        self.table = ui.exhibit_table
        self._show_exhibits()
        self.remove_exhibit, self.remove_button = ui.remove_exhibit, ui.remove_respondent
        # Photos of the accused exhibits: chosen now, attached to the case once it is saved.
        self.photo_row = photos_row = PhotosRow()
        self.add_photos, self.photos_field = photos_row.add_photos, photos_row.photos_field
        self.photos_label, self.clear_photos = photos_row.photos_label, photos_row.clear_photos
        self._place_fields()

        self.search.picked.connect(self._picked)
        self.search.textEdited.connect(self._edited)
        self.search.editingFinished.connect(lambda: QTimer.singleShot(0, self.resolve_typed))
        self.choice.currentIndexChanged.connect(self._chosen)
        for edit in (
            self.exhibit_name,
            self.exhibit_model,
            self.exhibit_quantity,
            self.exhibit_rights,
        ):
            edit.returnPressed.connect(self._add_clicked)
            edit.textEdited.connect(self.changed)
        self.add_exhibit.clicked.connect(self._add_clicked)
        self.remove_exhibit.clicked.connect(self._remove_exhibit)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        photos_row.changed.connect(self.changed)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self._remove_exhibit)
        self.exhibits.rowsInserted.connect(self._exhibits_changed)
        self.exhibits.rowsRemoved.connect(self._exhibits_changed)
        self.exhibits.dataChanged.connect(self.changed)
        self._show_choice(False)
        self._exhibits_changed()
        photos_row.set_photos([])
        self.set_number(number)

    # -- building ---------------------------------------------------------------------------
    def _make_fields(self, ctx: Context, fair_code: str) -> None:
        """The fields that carry an error line below them (a Field each)."""
        self.search = LookupEdit(
            lambda text: search_exhibitors(ctx, fair_code, text),
            describe_exhibitor,
            object_name="respondent_search",
        )
        self.search.setPlaceholderText(self.tr("Booth number (e.g. 4.1A01) or exhibitor name"))
        self.search_field = Field(self.search)
        self.choice = named(QComboBox(), "respondent_choice")
        # Its entries name each exhibitor in Chinese and English: found by either as typed.
        make_searchable(self.choice)
        self.choice.setAccessibleName(self.tr("Which exhibitor at the shared booth"))
        self.choice_field = Field(self.choice)
        self.exhibit_name = named(QLineEdit(), "exhibit_name")
        self.exhibit_name.setPlaceholderText(self.tr("Exhibit name"))
        self.exhibit_name.setAccessibleName(self.tr("Exhibit name"))
        self.exhibit_name_field = Field(self.exhibit_name)

    def _show_exhibits(self) -> None:
        self.table.setModel(self.exhibits)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_MODEL, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_QUANTITY, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_RIGHTS, QHeaderView.ResizeMode.Stretch)

    def _place_fields(self) -> None:
        """Put the fields and the photos into the form's empty places."""
        ui = self.ui
        ui.grid.addWidget(self.search_field, 0, 1)
        ui.grid.addWidget(self.choice_field, 1, 1)
        ui.entry.insertWidget(0, self.exhibit_name_field, 3)
        ui.grid.addLayout(self.photo_row, 5, 1, 1, 2)
        for label, buddy in (
            (ui.search_label, self.search),
            (ui.choice_label, self.choice),
            (ui.exhibits_label, self.exhibit_name),
            (ui.photos_heading, self.add_photos),
        ):
            label.setBuddy(buddy)
            label.setContentsMargins(0, 4, 0, 0)  # level with the field's text
        # Qt's own Tab order reads the grid row by row (the complaint form steers Tab itself).
        chain = (self.search, self.remove_button, self.choice, self.exhibit_name,
                 self.exhibit_model, self.exhibit_quantity, self.exhibit_rights,
                 self.add_exhibit, self.table, self.remove_exhibit, self.add_photos,
                 self.clear_photos)  # fmt: skip
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # -- numbering and focus ------------------------------------------------------------------
    def set_number(self, number: int) -> None:
        self.number = number
        title = self.tr("Respondent {0}").format(number)  # outside the f-string: lupdate sees it
        self.title.setText(f"<b>{title}</b>")
        self.search.setAccessibleName(self.tr("Respondent {0}: booth or exhibitor").format(number))

    def focus_chain(self) -> list[QWidget]:
        return [
            self.search,
            self.choice,
            self.exhibit_name,
            self.exhibit_model,
            self.exhibit_quantity,
            self.exhibit_rights,
            self.add_exhibit,
            self.table,
            self.remove_exhibit,
            self.add_photos,
            self.clear_photos,
            self.remove_button,
        ]

    def is_blank(self) -> bool:
        return not (
            self.search.text().strip()
            or self.exhibits.rowCount()
            or self.photos
            or self.exhibit_name.text().strip()
            or self.exhibit_model.text().strip()
            or self.exhibit_quantity.text().strip()
            or self.exhibit_rights.text().strip()
        )

    # -- finding the exhibitor ----------------------------------------------------------------
    def _set_exhibitor(self, hit: ExhibitorHit | None) -> None:
        self.exhibitor = hit
        if hit is not None:
            self.problem = ""
            self.search_field.clear_error()
            self.choice_field.clear_error()
        self._update_status()
        self.resolved.emit()
        self.changed.emit()

    def _picked(self, hit: ExhibitorHit) -> None:
        self._picked_text = self.search.text()
        self.shared = []
        self._show_choice(False)
        self._set_exhibitor(hit)

    def _edited(self, text: str) -> None:
        self.changed.emit()
        if self.exhibitor is not None or self.shared or self.problem:
            if self.exhibitor is not None and text == self._picked_text:
                return
            self.shared = []
            self.problem = ""
            self.search_field.clear_error()
            self._show_choice(False)
            self._set_exhibitor(None)

    def resolve_typed(self) -> None:
        """Find the exhibitor for what was typed but not picked from the list: the one at
        that booth, the choice among several sharing it, or the one name that matches."""
        text = self.search.text().strip()
        if self.exhibitor is not None or self.shared or not text:
            return
        try:
            at_booth = exhibitors_at_booth(self._ctx, self._fair, text)
            if len(at_booth) == 1:
                self._picked_text = self.search.text()
                self._set_exhibitor(at_booth[0])
                return
            if len(at_booth) > 1:
                self.shared = at_booth
                self.choice.blockSignals(True)
                self.choice.clear()
                self.choice.addItem(self.tr("— choose which exhibitor —"), None)
                for hit in at_booth:
                    self.choice.addItem(" · ".join(n for n in (hit.name_zh, hit.name_en) if n))
                self.choice.setCurrentIndex(0)
                self.choice.blockSignals(False)
                self._show_choice(True)
                self._update_status()
                self.resolved.emit()
                focus = self.window().focusWidget()
                if focus is not None and focus is not self.search and self.isAncestorOf(focus):
                    # Tab has just left the booth field for the next one in this row: the
                    # choice is what must be answered next.
                    self.choice.setFocus(Qt.FocusReason.OtherFocusReason)
                return
            by_name = search_exhibitors(self._ctx, self._fair, text, limit=2)
        except FairDeskError as exc:
            self.problem = error_text(exc)
            self.search_field.show_error(self.problem)
            return
        if len(by_name) == 1:
            self._picked_text = self.search.text()
            self._set_exhibitor(by_name[0])
            return
        if by_name:
            self.problem = self.tr(
                "Several exhibitors match “{0}”: pick one from the list."
            ).format(text)
        elif any(ch.isdigit() for ch in text):
            self.problem = self.tr(
                "No exhibitor at booth {0} in this fair's exhibitor list."
            ).format(normalize_booth(text))
        else:
            self.problem = self.tr(
                "No exhibitor named “{0}” in this fair's exhibitor list."
            ).format(text)
        self.search_field.show_error(self.problem)
        self._update_status()

    def _chosen(self, index: int) -> None:
        self._set_exhibitor(self.shared[index - 1] if 0 < index <= len(self.shared) else None)

    def _show_choice(self, visible: bool) -> None:
        self.choice_field.setVisible(visible)
        self.choice_label.setVisible(visible)
        if not visible:
            self.choice_field.clear_error()

    def shared_problem(self) -> str:
        names = names_joined([h.name for h in self.shared])
        booth = self.shared[0].booth if self.shared else ""
        return self.tr("Booth {0} is shared by {1}: choose which exhibitor.").format(booth, names)

    def _update_status(self) -> None:
        text, colour = exhibitor_status(self.exhibitor, self.shared)
        self.status.setText(text)
        if colour:
            self.status.setStyleSheet(f"color: {colour};")
        self.status.setVisible(bool(text))

    # -- exhibits --------------------------------------------------------------------------
    def commit_pending(self, focus: bool = True) -> bool:
        """Move what is typed in the exhibit fields into the table; False if it has no name."""
        name = self.exhibit_name.text().strip()
        if not name:
            return False
        quantity = parse_quantity(self.exhibit_quantity.text())
        self.exhibits.add(
            name,
            self.exhibit_model.text(),
            quantity if isinstance(quantity, int) else None,
            self.exhibit_rights.text(),
        )
        for edit in (
            self.exhibit_name,
            self.exhibit_model,
            self.exhibit_quantity,
            self.exhibit_rights,
        ):
            edit.clear()
        self.exhibit_name_field.clear_error()
        if focus:
            self.exhibit_name.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _add_clicked(self) -> None:
        if not self.commit_pending():
            self.exhibit_name_field.show_error(self.tr("Type the exhibit's name first."))
            self.exhibit_name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _remove_exhibit(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()}, reverse=True)
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        if not rows and self.exhibits.rowCount():
            rows = [self.exhibits.rowCount() - 1]
        for row in rows:
            self.exhibits.removeRows(row, 1)

    def _exhibits_changed(self) -> None:
        has_rows = self.exhibits.rowCount() > 0
        # An empty table is no stop for Tab.
        self.table.setFocusPolicy(
            Qt.FocusPolicy.StrongFocus if has_rows else Qt.FocusPolicy.NoFocus
        )
        self.remove_exhibit.setEnabled(has_rows)
        if has_rows and not self.table.currentIndex().isValid():
            # Where the keyboard starts in the table; not a selection.
            self.table.selectionModel().setCurrentIndex(
                self.exhibits.index(0, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        self.changed.emit()

    @property
    def photos(self) -> list[Path]:
        """The photos to attach to the case once it is saved."""
        return self.photo_row.photos

    # -- validation and the service's input -----------------------------------------------------
    def clear_errors(self) -> None:
        for field in (self.search_field, self.choice_field, self.exhibit_name_field):
            field.clear_error()

    def problems(self, settle: bool = True) -> list[Problem]:
        """What stops saving the row. `settle` first adds a pending exhibit and looks the
        typed booth up, as saving does; without it the row is only read (while typing)."""
        out: list[Problem] = []
        pending = self.exhibit_model.text().strip() or self.exhibit_quantity.text().strip()
        named = bool(self.exhibit_name.text().strip())
        added = self.commit_pending(focus=False) if settle else named
        if not added and pending:
            out.append(
                (
                    self.exhibit_name,
                    self.tr("Give the exhibit a name, or clear its model and quantity."),
                )
            )
        if self.exhibitor is None and settle:
            self.resolve_typed()
        if self.exhibitor is None:
            if self.shared:
                out.insert(0, (self.choice, self.shared_problem()))
            elif not self.search.text().strip():
                out.insert(
                    0,
                    (
                        self.search,
                        self.tr("Say who the exhibits belong to: type the booth number or name."),
                    ),
                )
            else:
                # Typed but not looked up yet (settle=False): not known to be fixed.
                out.insert(0, (self.search, self.problem or self.search_field.error.text()))
        return out

    def to_input(self) -> RespondentInput:
        assert self.exhibitor is not None
        return RespondentInput(
            exhibitor_id=self.exhibitor.id,
            booth=self.exhibitor.booth,
            exhibits=self.exhibits.exhibits(),
        )


class RespondentsSection(QGroupBox):
    changed = Signal()
    resolved = Signal()
    structure_changed = Signal()
    added = Signal(QWidget)  # the field of a row added by the desk, to bring into view

    def __init__(self, ctx: Context, fair_code: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Respondents (accused exhibitors)"))
        self.setObjectName("respondents_section")
        self._ctx = ctx
        self._fair = fair_code
        self.rows: list[RespondentRow] = []
        self._rows_layout = QVBoxLayout()
        self.add_button = named(QPushButton(self.tr("Add res&pondent")), "add_respondent")
        self.add_button.setToolTip(self.tr("Another exhibitor accused in the same complaint"))
        layout = QVBoxLayout(self)
        layout.addLayout(self._rows_layout)
        bottom = QHBoxLayout()
        bottom.addWidget(self.add_button)
        bottom.addStretch(1)
        layout.addLayout(bottom)
        self.add_button.clicked.connect(self._add_clicked)
        self.add_row()

    def add_row(self) -> RespondentRow:
        row = RespondentRow(self._ctx, self._fair, len(self.rows) + 1, self)
        for button in row.findChildren(QPushButton):
            button.setAutoDefault(False)
        row.changed.connect(self.changed)
        row.resolved.connect(self.resolved)
        row.remove_requested.connect(self.remove_row)
        self.rows.append(row)
        self._rows_layout.addWidget(row)
        if self.isVisible():
            row.show()  # now, not when the layout gets round to it: it takes the focus next
        self._renumber()
        self.structure_changed.emit()
        return row

    def _add_clicked(self) -> None:
        row = self.add_row()
        row.search.setFocus(Qt.FocusReason.OtherFocusReason)
        self.added.emit(row.search)
        self.changed.emit()

    def remove_row(self, row: RespondentRow) -> None:
        if len(self.rows) < 2 or row not in self.rows:
            return
        index = self.rows.index(row)
        self.rows.remove(row)
        row.hide()
        row.setParent(None)
        row.deleteLater()
        self._renumber()
        self.rows[max(0, index - 1)].search.setFocus(Qt.FocusReason.OtherFocusReason)
        self.structure_changed.emit()
        self.resolved.emit()
        self.changed.emit()

    def _renumber(self) -> None:
        for i, row in enumerate(self.rows, start=1):
            row.set_number(i)
            row.remove_button.setEnabled(len(self.rows) > 1)

    def focus_chain(self) -> list[QWidget]:
        return [w for row in self.rows for w in row.focus_chain()] + [self.add_button]

    def exhibitor_ids(self) -> list[int]:
        return [row.exhibitor.id for row in self.rows if row.exhibitor is not None]

    def clear_errors(self) -> None:
        for row in self.rows:
            row.clear_errors()

    def problems(self, settle: bool = True) -> list[tuple[QWidget, str, str]]:
        """(field, message, where) for every row; blank extra rows are ignored."""
        out: list[tuple[QWidget, str, str]] = []
        named = [row for row in self.rows if not row.is_blank()]
        if not named:
            first = self.rows[0]
            return [
                (
                    first.search,
                    self.tr("Name at least one respondent: type its booth number or name."),
                    self.tr("Respondent 1"),
                )
            ]
        seen: dict[int, int] = {}
        for row in named:
            where = self.tr("Respondent {0}").format(row.number)
            out.extend((w, m, where) for w, m in row.problems(settle))
            if row.exhibitor is not None:
                if row.exhibitor.id in seen:
                    out.append(
                        (
                            row.search,
                            self.tr("This exhibitor is already respondent {0}.").format(
                                seen[row.exhibitor.id]
                            ),
                            where,
                        )
                    )
                else:
                    seen[row.exhibitor.id] = row.number
        return out

    def inputs(self) -> list[RespondentInput]:
        return [row.to_input() for row in self.rows if not row.is_blank()]
