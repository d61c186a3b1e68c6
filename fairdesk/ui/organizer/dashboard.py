"""The organizer's dashboard: the figures of an edition beside the earlier ones, with charts.

Charts are drawn with QPainter (`BarChart`), not Qt Charts: Qt Charts lives in the
PySide6-Addons wheel (about 60 MB more to download and ship) and is deprecated since Qt
6.10 in favour of Qt Graphs, which needs Qt Quick. A few bar charts do not need either.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPen
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QSizePolicy,
    QWidget,
)

from fairdesk.domain import vocabulary as vocab
from fairdesk.i18n import current_language
from fairdesk.services.context import Context
from fairdesk.services.organizer.statistics import (
    OUTCOMES,
    StatisticsReport,
    fair_statistics,
    summary_rows,
)
from fairdesk.services.organizer.statistics_report import count_scale
from fairdesk.ui.common.case_labels import word
from fairdesk.ui.common.failure import report_failure
from fairdesk.ui.common.tasks import Task, run_task
from fairdesk.ui.forms.ui_dashboard import Ui_Dashboard

Index = QModelIndex | QPersistentModelIndex
SERIES_COLOURS = ("#3B6AA0", "#E3A857", "#C0504D", "#6C9A5B")


def _short(table: vocab.Vocabulary, code: str) -> str:
    """A chart's category: the Chinese alone on a Chinese desk, else "中文 English"."""
    words = table.words(code)
    return words.zh if current_language() == "zh_CN" else f"{words.zh} {words.en}"


def scale(top: float, decimals: int) -> tuple[float, list[float]]:
    """(the value a full bar stands for, the grid's values) for a chart whose highest bar is
    `top`. A chart of
    counts (no decimals) gets whole numbers, each once, as the statistics report does."""
    if decimals == 0:
        step, end = count_scale(top)
        return end / 1.1, [float(v) for v in range(0, end + 1, step)]
    peak = max(top, 1.0)
    return peak, [0.0, peak / 2, peak]


class BarChart(QWidget):
    """Grouped vertical bars with value labels and a legend, drawn with QPainter."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.categories: list[str] = []
        self.series: list[tuple[str, list[float]]] = []
        self.decimals = 0
        self.setMinimumSize(320, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(
        self,
        categories: Sequence[str],
        series: Sequence[tuple[str, Sequence[float]]],
        decimals: int = 0,
    ) -> None:
        self.categories = list(categories)
        self.series = [(name, [float(v) for v in values]) for name, values in series]
        self.decimals = decimals
        lines = [self.title]
        for name, values in self.series:
            pairs = ", ".join(
                f"{c} {v:.{decimals}f}" for c, v in zip(self.categories, values, strict=False)
            )
            lines.append(f"{name}: {pairs}" if name else pairs)
        self.setToolTip("\n".join(lines))
        self.setAccessibleName(self.title)
        self.setAccessibleDescription("; ".join(lines[1:]))
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(420, 260)

    def paintEvent(self, event: Any) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect()).adjusted(8, 6, -8, -6)
        text = self.palette().windowText().color()
        title_font = QFont(self.font())
        title_font.setBold(True)
        p.setFont(title_font)
        p.setPen(text)
        p.drawText(r.adjusted(0, 0, 0, -r.height() + 18), Qt.AlignmentFlag.AlignHCenter, self.title)
        small = QFont(self.font())
        small.setPointSizeF(max(self.font().pointSizeF() - 1.5, 6.5))
        p.setFont(small)
        top = self._draw_legend(p, r, r.top() + 22)
        values = [v for _, vs in self.series for v in vs]
        if not self.categories or not values:
            p.drawText(r, Qt.AlignmentFlag.AlignCenter, "无数据 / no data")
            return
        peak, ticks = scale(max(values), self.decimals)
        metrics = p.fontMetrics()
        label_h = metrics.height() * 2 + 4
        plot = QRectF(r.left() + 30, top + metrics.height(), r.width() - 34, 0)
        plot.setBottom(r.bottom() - label_h)
        self._draw_scale(p, r, plot, peak, ticks, text)
        slot = plot.width() / len(self.categories)
        for ci, category in enumerate(self.categories):
            self._draw_bars(p, plot, ci, slot, peak)
            self._draw_category(p, plot, ci, slot, label_h, category)

    def _draw_legend(self, p: QPainter, r: QRectF, top: float) -> float:
        """The series' colours and names, when there is more than one; the top of what
        comes below."""
        if len(self.series) <= 1:
            return top
        x = r.left() + 30
        for i, (name, _) in enumerate(self.series):
            p.fillRect(QRectF(x, top + 2, 10, 10), QColor(SERIES_COLOURS[i % 4]))
            p.drawText(QRectF(x + 14, top - 1, 200, 16), Qt.AlignmentFlag.AlignLeft, name)
            x += 24 + p.fontMetrics().horizontalAdvance(name)
        return top + 18

    def _draw_scale(
        self, p: QPainter, r: QRectF, plot: QRectF, peak: float, ticks: list[float], text: QColor
    ) -> None:
        """The axis and its grid lines, with their values at the left."""
        grid = QColor(text)
        grid.setAlpha(60)
        for value in ticks:
            y = plot.bottom() - value / peak * plot.height() / 1.1
            p.setPen(QPen(grid, 1))
            # Whole pixels: Qt took the coordinates as ints, a sharp one-pixel line.
            p.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
            p.setPen(text)
            p.drawText(
                QRectF(r.left(), y - 8, 26, 16),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{value:.{self.decimals if peak < 10 else 0}f}",
            )

    def _draw_bars(self, p: QPainter, plot: QRectF, ci: int, slot: float, peak: float) -> None:
        """The bars of one category, one per series, each with its value above it."""
        k, metrics = len(self.series), p.fontMetrics()
        bar = max(min(slot * 0.8 / k, 40.0), 2.0)
        x0 = plot.left() + ci * slot + (slot - bar * k) / 2
        for si, (_, vals) in enumerate(self.series):
            v = vals[ci] if ci < len(vals) else 0.0
            h = (v / peak) * plot.height() / 1.1
            rect = QRectF(x0 + si * bar, plot.bottom() - h, bar - 1, h)
            colour = SERIES_COLOURS[si % 4] if k > 1 else SERIES_COLOURS[0]
            p.fillRect(rect, QColor(colour))
            p.drawText(
                QRectF(rect.left() - 10, rect.top() - metrics.height(), bar + 20, metrics.height()),
                Qt.AlignmentFlag.AlignHCenter,
                f"{v:.{self.decimals}f}",
            )

    def _draw_category(
        self, p: QPainter, plot: QRectF, ci: int, slot: float, label_h: float, label: str
    ) -> None:
        """A category's name under its bars, on two lines if it is too wide, cut short if
        it still is."""
        metrics = p.fontMetrics()
        if metrics.horizontalAdvance(label) > slot and " " in label:
            label = label.replace(" ", "\n", 1)  # "侵权 Infringing" on two lines
        label = "\n".join(
            metrics.elidedText(line, Qt.TextElideMode.ElideRight, int(slot + 2))
            for line in label.split("\n")
        )
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap
        p.drawText(
            QRectF(plot.left() + ci * slot - 2, plot.bottom() + 2, slot + 4, label_h),
            flags,
            label,
        )


COL_FIGURE = 0


class ComparisonModel(QAbstractTableModel):
    """The key figures: one row per figure, one column per edition (oldest first)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._editions: list[str] = []
        self._rows: list[tuple[str, list[str]]] = []

    def set_report(self, report: StatisticsReport | None) -> None:
        self.beginResetModel()
        if report is None:
            self._editions, self._rows = [], []
        else:
            self._editions = [e.fair_code for e in report.editions]
            self._rows = summary_rows(report)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 1 + len(self._editions)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if section == COL_FIGURE:
                return self.tr("Figure / 指标")
            if 0 < section <= len(self._editions):
                return self._editions[section - 1]
            return None
        return section + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        label, values = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return label if col == COL_FIGURE else values[col - 1]
        if role == Qt.ItemDataRole.TextAlignmentRole and col != COL_FIGURE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and col == len(self._editions):
            font = QFont()
            font.setBold(True)
            return font
        return None


TILES = (  # the key figures, as ui/dashboard.ui lays them out: tile_<key>
    "complaints",
    "enterprises",
    "confirmed",
    "foreign",
    "transfer",
    "consultations",
    "patrols",
    "commercial",
)


def _scale_font(label: QLabel, factor: float) -> None:
    """A bigger, bold face than the desk's (the desk's size is the user's choice)."""
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(True)
    label.setFont(font)


class Dashboard(QWidget):
    """Figures, charts and the comparison with earlier editions for one fair."""

    loaded = Signal(object)  # the StatisticsReport
    failed = Signal(str)

    def __init__(self, ctx: Context, fair_code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.fair_code = fair_code
        self.report: StatisticsReport | None = None
        self._task: Task | None = None
        self.setObjectName("dashboard")
        self.setWindowTitle(self.tr("Dashboard / 统计 — {0}").format(fair_code))

        self.ui = ui = Ui_Dashboard()  # the layout: ui/dashboard.ui
        ui.setupUi(self)
        self.title_label = ui.dashboard_title
        self.title_label.setText(fair_code)
        _scale_font(self.title_label, 1.4)
        self.refresh_button, self.report_button = ui.refresh_button, ui.report_button
        self.followup_button = ui.followup_button
        self.refresh_button.clicked.connect(self.refresh)
        self.report_button.clicked.connect(self.save_report)
        self.followup_button.clicked.connect(self.export_followup)
        self.error_label = ui.error_label
        self.error_label.hide()
        self.tiles: dict[str, QLabel] = {key: getattr(ui, f"tile_{key}") for key in TILES}
        for label in self.tiles.values():
            _scale_font(label, 1.8)
        self._add_charts(ui.charts)
        self.table_model = ComparisonModel(self)
        self.table = ui.comparison_table
        self.table.setModel(self.table_model)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.refresh()

    def _add_charts(self, grid: QGridLayout) -> None:
        """The charts, three across: each draws itself (BarChart), so none is in the .ui."""
        self.compare_chart = BarChart(self.tr("往届对比 Editions: complaints, cases, confirmed"))
        self.type_chart = BarChart(self.tr("权利类型 Complaints by IP type"))
        self.hall_chart = BarChart(self.tr("展馆 Respondent cases by hall"))
        self.outcome_chart = BarChart(self.tr("结果 Outcomes"))
        self.country_chart = BarChart(self.tr("国家/地区 Cases by country (top 8)"))
        self.stage_chart = BarChart(self.tr("用时 Hours per stage (median, max)"))
        self.charts = [
            self.compare_chart,
            self.type_chart,
            self.hall_chart,
            self.outcome_chart,
            self.country_chart,
            self.stage_chart,
        ]
        for i, chart in enumerate(self.charts):
            grid.addWidget(chart, i // 3, i % 3)  # two rows: all in view on a laptop

    def sizeHint(self) -> QSize:  # noqa: N802
        """Opens showing its figures and every chart without scrolling (the comparison
        table below them scrolls), and never larger than the screen it opens on."""
        head, tiles, charts = self.ui.head, self.ui.tiles, self.ui.charts
        layout = self.layout()
        assert layout is not None, "set up by the form"
        margins = layout.contentsMargins()
        spacing = max(layout.spacing(), 0)
        scrollbar = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent)
        frame = 4 + 2 * margins.left() + scrollbar  # the scroll area's and its body's edges
        width = max(tiles.sizeHint().width(), charts.sizeHint().width()) + margins.left() + frame
        height = (
            head.sizeHint().height()
            + tiles.sizeHint().height()
            + charts.sizeHint().height()
            + 4 * spacing
            + 2 * (margins.top() + margins.bottom())
            + 16  # to spare: frames and rounding differ a pixel or two with the style and font
        )
        wanted = QSize(max(width, super().sizeHint().width()), height)
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return wanted
        room = screen.availableGeometry().size() * 0.95
        return wanted.boundedTo(room)

    # -- loading ------------------------------------------------------------------------
    def refresh(self) -> None:
        ctx, code = self.ctx, self.fair_code
        self.refresh_button.setEnabled(False)
        self._task = run_task(
            lambda task: fair_statistics(ctx, code),
            owner=self,
            on_done=self._show,
            on_error=self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        report_failure(exc, self._refused)

    def _refused(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        self.failed.emit(text)

    def _show(self, report: StatisticsReport) -> None:
        self.refresh_button.setEnabled(True)
        self.error_label.hide()
        self.report = report
        cur = report.current
        self.title_label.setText(f"{cur.fair_name} — {cur.fair_code} ({cur.start} – {cur.end})")
        rate = cur.confirmed_rate
        share = cur.foreign_share
        t = cur.transfer
        self.tiles["complaints"].setText(f"{cur.complaints}  ({cur.accepted} ✓)")
        self.tiles["enterprises"].setText(f"{cur.respondent_enterprises} / {cur.respondent_cases}")
        self.tiles["confirmed"].setText(
            f"{cur.confirmed_cases}" + (f"  ({rate * 100:.0f}%)" if rate is not None else "")
        )
        # 涉外 + 涉港澳台 (each counted apart) and their share of all complaints.
        self.tiles["foreign"].setText(
            f"{cur.foreign_complaints} + {cur.hmt_complaints}"
            + ("" if share is None else f"  ({share * 100:.0f}%)")
        )
        self.tiles["transfer"].setText(f"{t.on_time}/{t.due}")  # as the report: of all due
        self.tiles["consultations"].setText(str(cur.consultations))
        self.tiles["patrols"].setText(f"{cur.patrol_rounds} / {cur.booth_visits}")
        self.tiles["commercial"].setText(str(cur.commercial_disputes))

        eds = report.editions
        self.compare_chart.set_data(
            [e.fair_code for e in eds],
            [
                (self.tr("Complaints"), [e.complaints for e in eds]),
                (self.tr("Cases"), [e.respondent_cases for e in eds]),
                (self.tr("Confirmed"), [e.confirmed_cases for e in eds]),
            ],
        )
        types = cur.complaints_by_ip_type
        self.type_chart.set_data(
            [_short(vocab.IP_TYPES, k) for k in types], [("", list(types.values()))]
        )
        halls = sorted(cur.cases_by_hall.items())
        self.hall_chart.set_data([h for h, _ in halls], [("", [v for _, v in halls])])
        shown = [(k, cur.outcomes.get(k, 0)) for k, _ in OUTCOMES if cur.outcomes.get(k, 0)]
        self.outcome_chart.set_data(
            [_short(vocab.OUTCOMES, k) for k, _ in shown], [("", [v for _, v in shown])]
        )
        countries = list(cur.cases_by_country.items())[:8]
        self.country_chart.set_data([c for c, _ in countries], [("", [v for _, v in countries])])
        self.stage_chart.set_data(
            [word(vocab.STAGES, s.key) for s in cur.stage_times],
            [
                (self.tr("Median h"), [s.median_hours or 0 for s in cur.stage_times]),
                (self.tr("Max h"), [s.max_hours or 0 for s in cur.stage_times]),
            ],
            decimals=1,
        )
        self.table_model.set_report(report)
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        rows_h = sum(self.table.rowHeight(r) for r in range(self.table_model.rowCount()))
        self.table.setMinimumHeight(rows_h + self.table.horizontalHeader().height() + 6)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.loaded.emit(report)

    # -- exports ------------------------------------------------------------------------
    def save_report(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save the statistics report"),
                f"statistics-{self.fair_code}.pdf",
                self.tr("PDF (*.pdf)"),
            )
        if not path:
            return
        from fairdesk.services.organizer.statistics_report import export_report

        ctx, code = self.ctx, self.fair_code

        def done(_report: object) -> None:
            self.error_label.hide()
            self.report_button.setEnabled(True)

        def failed(exc: BaseException) -> None:
            self.report_button.setEnabled(True)
            report_failure(exc, lambda text: QMessageBox.warning(self, self.tr("Report"), text))

        self.report_button.setEnabled(False)
        run_task(
            lambda task: export_report(ctx, code, Path(path)),
            owner=self,
            on_done=done,
            on_error=failed,
        )

    def export_followup(self) -> None:
        from fairdesk.ui.organizer.export_dialog import ExportDialog

        ExportDialog(self.ctx, self.fair_code, self).open()
