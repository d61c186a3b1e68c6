"""The hall board: a hall's booths coloured and labelled by state; a click opens a booth.

Two pictures of the same `HallBoardModel`: a grid read from the booth numbers (rows
A, B, ... and numbers across), or the organizer's floor-plan image with the booths drawn
where a CSV of positions puts them (`fairdesk.services.inspection.hall_board.read_positions`). Every
booth says its state in words as well as in colour, for colour-blind eyes and for
black-and-white printouts. `booth_activated(booth, case_numbers)` is emitted on a click
or Enter, for the inspector screen (go to the booth) or the desk (open the case).
"""

from __future__ import annotations

import shutil
from contextlib import suppress
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHeaderView,
    QLabel,
    QMessageBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from fairdesk.domain import vocabulary as v
from fairdesk.domain.errors import FairDeskError
from fairdesk.i18n import error_text, format_day_time
from fairdesk.services.context import Context
from fairdesk.services.fair.fairs import get_fair
from fairdesk.services.inspection import hall_board as board
from fairdesk.services.inspection.evidence import safe_name
from fairdesk.services.inspection.hall_board import BoothCell, BoothPosition, GridLayout
from fairdesk.ui.common.case_labels import desk_both, desk_words, word
from fairdesk.ui.common.named import named
from fairdesk.ui.forms.ui_hall_board import Ui_HallBoard

Index = QModelIndex | QPersistentModelIndex
BoothRole = Qt.ItemDataRole.UserRole + 1
StateRole = Qt.ItemDataRole.UserRole + 2
CaseNumbersRole = Qt.ItemDataRole.UserRole + 3

# (background, text): dark colours carry white text; each state also prints its label.
COLOURS: dict[str, tuple[str, str]] = {
    board.VIOLATION: ("#c62828", "#ffffff"),
    board.RECHECK_DUE: ("#ef6c00", "#000000"),
    board.MEASURE_ORDERED: ("#fdd835", "#000000"),
    board.OPEN_CASE: ("#1565c0", "#ffffff"),
    board.SUSPECTED: ("#6a1b9a", "#ffffff"),
    board.CLEAR: ("#eceff1", "#37474f"),
}
CELL_WIDTH, CELL_HEIGHT = 80, 46
LEGEND_ORDER = (
    board.VIOLATION,
    board.RECHECK_DUE,
    board.MEASURE_ORDERED,
    board.OPEN_CASE,
    board.SUSPECTED,
    board.CLEAR,
)


def short_booth(booth: str, hall: str) -> str:
    """ "4.1A01" in hall 4.1 is shown as "A01": the hall is on the board's title."""
    return (
        booth[len(hall) :] if hall and booth.startswith(hall) and len(booth) > len(hall) else booth
    )


def booth_mark(state: str) -> str:
    """The short mark printed in a booth's square, in the desk's language ("" when clear)."""
    return desk_words(v.BOOTH_STATES.words(state).on_paper).strip()


class HallBoardModel(QAbstractTableModel):
    """The grid of one hall: a cell per (row, number) square, a booth in most of them."""

    def __init__(self, ctx: Context, fair_code: str = "", hall: str = "", parent: Any = None):
        super().__init__(parent)
        self._ctx = ctx
        self.fair_code = fair_code
        self.hall = hall
        self._cells: dict[str, BoothCell] = {}
        self._layout = GridLayout()
        self._width: int | None = None  # columns of a compact grid (what the view fits)
        self.error = ""
        self._zone: ZoneInfo | None = None
        if fair_code and hall:
            self.reload()

    def set_hall(self, fair_code: str, hall: str) -> None:
        self.fair_code, self.hall = fair_code, hall
        self.reload()

    def reload(self) -> None:
        """Read the hall again; a server error is kept in `error`, the old picture stays."""
        try:
            cells = board.hall_board(self._ctx, self.fair_code, self.hall) if self.hall else []
        except FairDeskError as exc:
            self.error = error_text(exc)
            return
        self.error = ""
        with suppress(FairDeskError):  # times in the fair's zone, as the case view's
            self._zone = ZoneInfo(get_fair(self._ctx, self.fair_code).timezone)
        self.beginResetModel()
        self._cells = {c.booth: c for c in cells}
        self._layout = board.grid_layout(self._cells, self.hall, width=self._width)
        self.endResetModel()

    def set_width(self, columns: int) -> None:
        """Lay a compact grid out `columns` wide (an exact grid keeps its numbers)."""
        if columns == self._width:
            return
        self._width = columns
        self.beginResetModel()
        self._layout = board.grid_layout(self._cells, self.hall, width=columns)
        self.endResetModel()

    # -- reading ------------------------------------------------------------------------
    def cells(self) -> list[BoothCell]:
        return list(self._cells.values())

    def cell(self, booth: str) -> BoothCell | None:
        return self._cells.get(booth)

    @property
    def compact(self) -> bool:
        return self._layout.compact

    def booth_at(self, row: int, column: int) -> str:
        return self._layout.cells.get((row, column), "")

    def index_of(self, booth: str) -> QModelIndex:
        for (row, column), name in self._layout.cells.items():
            if name == booth:
                return self.index(row, column)
        return QModelIndex()

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(LEGEND_ORDER, 0)
        for cell in self._cells.values():
            out[cell.state] += 1
        return out

    # -- Qt model interface -------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._layout.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._layout.columns)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        names = self._layout.columns if orientation == Qt.Orientation.Horizontal else None
        names = names if names is not None else self._layout.rows
        return names[section] if 0 <= section < len(names) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.booth_at(index.row(), index.column()):
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.NoItemFlags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        booth = self.booth_at(index.row(), index.column())
        cell = self._cells.get(booth)
        if cell is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            label = booth_mark(cell.state)
            return f"{short_booth(booth, self.hall)}\n{label}".rstrip()
        if role == BoothRole:
            return booth
        if role == StateRole:
            return cell.state
        if role == CaseNumbersRole:
            return list(cell.case_numbers)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(COLOURS[cell.state][0]))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(COLOURS[cell.state][1]))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and cell.state in (board.VIOLATION, board.RECHECK_DUE):
            font = QFont()
            font.setBold(True)
            return font
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.describe(cell)
        return None

    def describe(self, cell: BoothCell) -> str:
        lines = [f"{cell.booth}: {desk_both(v.BOOTH_STATES.words(cell.state))}"]
        lines += list(cell.exhibitors) or [self.tr("(not in the exhibitor list)")]
        if cell.case_numbers:
            lines.append(self.tr("Cases: {0}").format(", ".join(cell.case_numbers)))
        if cell.recheck_due_at is not None:
            lines.append(
                self.tr("Re-check due {0}").format(
                    format_day_time(cell.recheck_due_at.astimezone(self._zone))
                )
            )
        if cell.last_finding:
            lines.append(self.tr("Last patrol: {0}").format(word(v.FINDINGS, cell.last_finding)))
        return "\n".join(lines)


class BoothDelegate(QStyledItemDelegate):
    """Paints each booth as a rounded square in its state's colour, with its number and
    its state's word; the current booth gets a thick dark frame."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        state = index.data(StateRole)
        if state is None:
            return
        back, fore = COLOURS[state]
        rect = option.rect.adjusted(2, 2, -2, -2)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        pen = QPen(QColor("#000000" if selected or focused else "#90a4ae"), 3 if selected else 1)
        painter.setPen(pen)
        painter.setBrush(QColor(back))
        painter.drawRoundedRect(rect, 4, 4)
        painter.setPen(QColor(fore))
        font = QFont(option.font)
        font.setBold(state in (board.VIOLATION, board.RECHECK_DUE))
        painter.setFont(font)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), str(index.data() or ""))
        painter.restore()


class _BoothRect(QGraphicsRectItem):
    def __init__(self, booth: str, position: BoothPosition) -> None:
        super().__init__(position.x, position.y, position.w, position.h)
        self.booth = booth
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)


class FloorPlanView(QGraphicsView):
    """The floor-plan image with each booth of the CSV drawn in its state's colour."""

    booth_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("floor_plan_view")
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.rects: dict[str, _BoothRect] = {}
        self.positions: list[BoothPosition] = []
        self._pixmap: QPixmap | None = None

    def load(self, image: Path, positions: list[BoothPosition]) -> bool:
        pixmap = QPixmap(str(image))
        if pixmap.isNull():
            return False
        self._pixmap = pixmap
        self.positions = positions
        return True

    def paint_states(self, model: HallBoardModel) -> None:
        scene = self.scene()
        scene.clear()
        self.rects = {}
        if self._pixmap is None:
            return
        scene.addPixmap(self._pixmap)
        for position in self.positions:
            cell = model.cell(position.booth)
            state = cell.state if cell else board.CLEAR
            back, fore = COLOURS[state]
            rect = _BoothRect(position.booth, position)
            colour = QColor(back)
            colour.setAlpha(215)
            rect.setBrush(QBrush(colour))
            rect.setPen(QPen(QColor("#263238"), 1.5))
            rect.setToolTip(model.describe(cell) if cell else position.booth)
            scene.addItem(rect)
            label = booth_mark(state)
            text = QGraphicsSimpleTextItem(
                short_booth(position.booth, model.hall) + (f"\n{label}" if label else ""), rect
            )
            text.setBrush(QBrush(QColor(fore)))
            font = QFont()
            font.setPixelSize(max(8, int(min(position.h / 3.2, position.w / 5.5))))
            font.setBold(bool(label))
            text.setFont(font)
            box = text.boundingRect()
            text.setPos(
                position.x + (position.w - box.width()) / 2,
                position.y + (position.h - box.height()) / 2,
            )
            self.rects[position.booth] = rect
        self.fitInView(scene.itemsBoundingRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.scene().items():
            self.fitInView(self.scene().itemsBoundingRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def mousePressEvent(self, event: Any) -> None:  # noqa: N802
        item = self.itemAt(event.position().toPoint())
        while item is not None and not isinstance(item, _BoothRect):
            item = item.parentItem()
        if isinstance(item, _BoothRect) and event.button() == Qt.MouseButton.LeftButton:
            self.booth_clicked.emit(item.booth)
            return
        super().mousePressEvent(event)


class HallBoard(QWidget):
    """The board with its legend; `booth_activated(booth, case_numbers)` on click/Enter."""

    booth_activated = Signal(str, list)

    def __init__(
        self, ctx: Context, parent: QWidget | None = None, data_folder: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("hall_board")
        self.ui = ui = Ui_HallBoard()  # the layout: ui/hall_board.ui
        ui.setupUi(self)
        self.ctx = ctx
        self.data_folder = data_folder  # where floorplans/ lives (default: data_dir())
        self.model = HallBoardModel(ctx, parent=self)
        self._plan_files: tuple[Path, Path] | None = None
        self.title = ui.hall_board_title
        font = self.title.font()
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.title.setFont(font)
        self.grid = ui.hall_board_grid
        self._set_up_grid()
        self.plan = FloorPlanView()
        self.plan.booth_clicked.connect(self._activate_booth)
        self.stack = ui.stack
        self.stack.addWidget(self.plan)
        self.grid_button, self.plan_button = ui.grid_button, ui.plan_button
        self.load_plan_button = ui.load_plan_button
        self.load_plan_button.clicked.connect(self.choose_floor_plan)
        views = QButtonGroup(self)
        views.addButton(self.grid_button, 0)
        views.addButton(self.plan_button, 1)
        views.idClicked.connect(self.stack.setCurrentIndex)
        self.legend = ui.legend
        self.legend_labels = self._add_legend()
        self.message = ui.hall_board_message
        self.message.hide()

    def _set_up_grid(self) -> None:
        """Booth squares of a fixed size, painted by BoothDelegate; a click or Enter opens."""
        self.grid.setModel(self.model)
        self.grid.setItemDelegate(BoothDelegate(self.grid))
        for header, size in (
            (self.grid.horizontalHeader(), CELL_WIDTH),
            (self.grid.verticalHeader(), CELL_HEIGHT),
        ):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            header.setDefaultSectionSize(size)
        self.grid.installEventFilter(self)
        self.grid.clicked.connect(self._activate_index)
        self.grid.activated.connect(self._activate_index)

    def _add_legend(self) -> dict[str, QLabel]:
        """A chip per state in its colour and words; _after_reload adds the counts."""
        chips: dict[str, QLabel] = {}
        for state in LEGEND_ORDER:
            back, fore = COLOURS[state]
            words = v.BOOTH_STATES.words(state)
            chip = named(QLabel(), f"legend_{state or 'clear'}")
            chip.setStyleSheet(
                f"background: {back}; color: {fore}; padding: 3px 8px; border-radius: 3px;"
            )
            chip.setToolTip(desk_both(words))
            chips[state] = chip
            self.legend.addWidget(chip)
            chip.setText(desk_words(words))
        self.legend.addStretch(1)
        return chips

    # -- loading ------------------------------------------------------------------------
    def eventFilter(self, watched: Any, event: QEvent) -> bool:  # noqa: N802
        if watched is self.grid and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return False

    def _fit_columns(self) -> None:
        """As many booth squares across as the view holds without scrolling sideways."""
        header = self.grid.verticalHeader().sizeHint().width() + 6
        scrollbar = self.grid.verticalScrollBar().sizeHint().width()
        room = self.grid.width() - header - scrollbar - 2 * self.grid.frameWidth()
        self.model.set_width(max(6, room // CELL_WIDTH))

    def show_hall(self, fair_code: str, hall: str) -> None:
        self.model.set_hall(fair_code, hall)
        self._plan_files = (
            board.floor_plan_files(fair_code, hall, self.data_folder) if hall else None
        )
        self.plan_button.setEnabled(False)
        if self._plan_files is not None:
            self.load_floor_plan(*self._plan_files, switch=False)
        self._after_reload()

    def refresh(self) -> None:
        self.model.reload()
        self._after_reload()

    def _after_reload(self) -> None:
        self.grid.horizontalHeader().setVisible(not self.model.compact)
        counts = self.model.counts()
        for state, chip in self.legend_labels.items():
            chip.setText(f"{desk_words(v.BOOTH_STATES.words(state))}: {counts.get(state, 0)}")
        booths = len(self.model.cells())
        self.title.setText(
            self.tr("Hall {0} · {1} booths").format(self.model.hall, booths)
            if self.model.hall
            else self.tr("Choose a hall")
        )
        if self.model.error:
            self.message.setText(self.model.error)
            self.message.show()
        else:
            self.message.hide()
        if self.plan.positions:
            self.plan.paint_states(self.model)

    def load_floor_plan(self, image: Path, positions_csv: Path, switch: bool = True) -> bool:
        try:
            positions = board.read_positions(positions_csv.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError) as exc:
            self._say(self.tr("Cannot read {0}: {1}").format(positions_csv, exc))
            return False
        except FairDeskError as exc:
            self._say(error_text(exc))
            return False
        if not self.plan.load(image, positions):
            self._say(self.tr("{0} is not a picture FairDesk can show.").format(image))
            return False
        self.plan.paint_states(self.model)
        self.plan_button.setEnabled(True)
        if switch:
            self.plan_button.setChecked(True)
            self.stack.setCurrentIndex(1)
        return True

    def choose_floor_plan(self) -> None:
        """Ask for the plan image and its positions CSV; keep copies for this fair and hall."""
        if not self.model.hall:
            return
        image, _ = QFileDialog.getOpenFileName(
            self, self.tr("Floor plan image"), "", self.tr("Pictures (*.png *.jpg *.jpeg)")
        )
        if not image:
            return
        csv_file, _ = QFileDialog.getOpenFileName(
            self, self.tr("Booth positions (booth,x,y,w,h)"), "", self.tr("CSV (*.csv *.txt)")
        )
        if not csv_file:
            return
        folder = board.floor_plan_folder(self.model.fair_code, self.data_folder)
        stem = safe_name(self.model.hall)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for old in folder.glob(f"{stem}.*"):
                old.unlink()
            kept_image = folder / f"{stem}{Path(image).suffix.lower()}"
            kept_csv = folder / f"{stem}.csv"
            shutil.copyfile(image, kept_image)
            shutil.copyfile(csv_file, kept_csv)
        except OSError as exc:
            self._say(self.tr("Cannot keep the floor plan in {0}: {1}").format(folder, exc))
            return
        self.load_floor_plan(kept_image, kept_csv)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        if self.isVisible():
            QMessageBox.warning(self, self.tr("Hall board"), text)

    # -- clicks -------------------------------------------------------------------------
    def _activate_index(self, index: QModelIndex) -> None:
        booth = index.data(BoothRole)
        if booth:
            self.booth_activated.emit(booth, index.data(CaseNumbersRole) or [])

    def _activate_booth(self, booth: str) -> None:
        cell = self.model.cell(booth)
        self.booth_activated.emit(booth, list(cell.case_numbers) if cell else [])
