"""The complaint form's papers: the materials checklist, the signed commitment, the summary.

The checklist is the domain's (`fairdesk.domain.materials`) for the rights and agent on
the form; a tick survives the list being rebuilt (a right's type changed, an agent added).
The words are the form's ("ComplaintForm" context).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from fairdesk.domain import materials
from fairdesk.ui.common.named import named
from fairdesk.ui.intake.complaint_problems import clear_field_error
from fairdesk.ui.intake.complaint_widgets import Field


def _tr(text: str) -> str:
    return QCoreApplication.translate("ComplaintForm", text)


class MaterialsSection(QGroupBox):
    """One box per material the complaint needs; "All received" ticks them all."""

    ticked = Signal(str, bool)  # a material's key and its new tick
    rebuilt = Signal()

    def __init__(self, power_of_attorney: QCheckBox) -> None:
        super().__init__(_tr("Materials received (2006 Measures Art 8)"))
        self.setObjectName("materials_section")
        # The agent's box and the checklist's item are one tick, shown in two places.
        self.power_of_attorney = power_of_attorney
        power_of_attorney.toggled.connect(self._power_toggled)
        self._boxes: dict[str, QCheckBox] = {}
        self._ticks: dict[str, bool] = {}
        self._keys: tuple[str, ...] = ()
        self.materials_grid = QGridLayout()
        self.all_materials = named(QPushButton(_tr("A&ll received")), "all_materials")
        self.all_materials.setToolTip(_tr("Tick every item of the checklist"))
        self.all_materials.clicked.connect(self.tick_all)
        note = QLabel(
            _tr("What is not ticked is prefilled as missing when you ask for supplements.")
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(mid);")
        layout = QVBoxLayout(self)
        layout.addLayout(self.materials_grid)
        bottom = QHBoxLayout()
        bottom.addWidget(self.all_materials)
        bottom.addWidget(note, 1)
        layout.addLayout(bottom)

    def shown_keys(self) -> tuple[str, ...]:
        return self._keys

    def show_list(self, items: tuple[materials.Material, ...]) -> None:
        """Show this checklist (nothing changes when it is the one shown); ticks are kept."""
        keys = tuple(m.key for m in items)
        if keys == self._keys:
            return
        self._keys = keys
        for box in self._boxes.values():
            row = box.parentWidget()
            assert row is not None  # each box sits in its Field
            self.materials_grid.removeWidget(row)
            row.hide()
            row.deleteLater()
        self._boxes = {}
        for i, item in enumerate(items):
            box = named(QCheckBox(item.label), f"material_{item.key}")
            box.setAccessibleName(item.en)
            box.setToolTip(item.basis)
            box.setChecked(self._ticks.get(item.key, False))
            box.toggled.connect(lambda on, key=item.key: self._ticked(key, on))
            self.materials_grid.addWidget(Field(box), i, 0)
            self._boxes[item.key] = box
        self.rebuilt.emit()

    def boxes(self) -> dict[str, QCheckBox]:
        """The checklist's boxes by material key, in the order shown."""
        return dict(self._boxes)

    def set_tick(self, key: str, on: bool) -> None:
        """A tick given elsewhere on the form (the agent's power of attorney)."""
        self._ticks[key] = on
        box = self._boxes.get(key)
        if box is not None and box.isChecked() != on:
            box.setChecked(on)

    def _power_toggled(self, on: bool) -> None:
        self.set_tick(materials.POWER_OF_ATTORNEY.key, on)
        if on:
            clear_field_error(self.power_of_attorney)

    def _ticked(self, key: str, on: bool) -> None:
        self._ticks[key] = on
        self.ticked.emit(key, on)
        if key == materials.POWER_OF_ATTORNEY.key and self.power_of_attorney.isChecked() != on:
            self.power_of_attorney.setChecked(on)
        if on:
            for box in self._boxes.values():
                clear_field_error(box)

    def tick_all(self) -> None:
        for box in self._boxes.values():
            box.setChecked(True)

    def ticks(self, items: tuple[materials.Material, ...]) -> dict[str, bool]:
        return materials.ticks_of(items, [k for k, on in self._ticks.items() if on])


class CommitmentSection(QGroupBox):
    def __init__(self) -> None:
        super().__init__(_tr("Commitment (承诺书, 2006 Measures Art 10)"))
        self.setObjectName("commitment_section")
        self.commitment = named(
            QCheckBox(
                _tr(
                    "Commi&tment signed: the complainant vouches for the complaint and is liable "
                    "for a false one"
                ),
            ),
            "commitment_signed",
        )
        self.commitment.setAccessibleName(_tr("Commitment signed"))
        QVBoxLayout(self).addWidget(Field(self.commitment))


class SummarySection(QGroupBox):
    def __init__(self) -> None:
        super().__init__(_tr("Summary"))
        self.setObjectName("summary_section")
        self.summary_edit = named(QPlainTextEdit(), "summary_edit")
        self.summary_edit.setTabChangesFocus(True)
        self.summary_edit.setAccessibleName(_tr("Summary of facts and grounds"))
        self.summary_edit.setPlaceholderText(
            _tr("What is infringed and how (e.g. same design on the chairs shown at the booth)")
        )
        self.summary_edit.setFixedHeight(70)
        label = QLabel(_tr("S&ummary of facts and grounds:"))
        label.setBuddy(self.summary_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.summary_edit)
