"""The rights a new complaint rests on: picked from the rights register or typed in, with
the fields named after the type of right, and a flag in words when a right is expired or
not valid in China."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fairdesk.domain import acceptance
from fairdesk.domain.enums import IPType, LicenceType, ProtectionBasis
from fairdesk.domain.materials import normalize_jurisdiction
from fairdesk.domain.vocabulary import IP_TYPES, LICENCES, PROTECTION_BASES
from fairdesk.i18n import error_text, format_date
from fairdesk.services.context import Context
from fairdesk.services.intake.intake import RightInput
from fairdesk.services.intake.lookup import RightHit, search_rights
from fairdesk.ui.common.case_labels import both, search_words
from fairdesk.ui.common.combo_search import make_searchable
from fairdesk.ui.common.named import named
from fairdesk.ui.forms.ui_right_row import Ui_RightRow
from fairdesk.ui.intake.complaint_widgets import Field, LookupEdit, parse_date

Problem = tuple[QWidget, str]


def _t(text: str) -> str:
    return QCoreApplication.translate("RightRow", text)


def _n(text: str) -> str:
    # PySide6's stub says the marker returns an object; it returns the text. Not str(...):
    # scripts/update_translations.py finds this wrapper's texts by its plain return.
    return QT_TRANSLATE_NOOP("RightRow", text)  # type: ignore[return-value]


# Field labels by type of right: (number, title, valid from, valid until).
LABELS: dict[str, tuple[str, str, str, str]] = {
    IPType.INVENTION_PATENT: (_n("Patent no.:"), _n("Title:"), _n("Filed on:"), _n("Expires on:")),
    IPType.UTILITY_MODEL: (_n("Patent no.:"), _n("Title:"), _n("Filed on:"), _n("Expires on:")),
    IPType.DESIGN: (
        _n("Patent no.:"), _n("Product (design):"), _n("Filed on:"), _n("Expires on:")
    ),
    IPType.TRADEMARK: (
        _n("Registration no.:"), _n("Mark:"), _n("Registered on:"), _n("Valid until:")
    ),
    IPType.COPYRIGHT: (
        _n("Registration no.:"), _n("Work:"), _n("Created on:"), _n("Protected until:")
    ),
    IPType.OTHER: (_n("Number:"), _n("Title:"), _n("Valid from:"), _n("Valid until:")),
}  # fmt: skip
DATE_HINT = "YYYY-MM-DD"


def describe_right(hit: RightHit) -> tuple[str, str]:
    parts = [hit.number, both(IP_TYPES, hit.ip_type), hit.title, hit.holder]
    if hit.jurisdiction != "CN":
        parts.append(hit.jurisdiction)
    if hit.valid_until:
        parts.append(_t("until {0}").format(format_date(hit.valid_until)))
    return "  ·  ".join(p for p in parts if p), hit.number


class RightRow(QFrame):
    changed = Signal()
    type_changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, ctx: Context, today: date, number: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_RightRow()  # the labels and layout: ui/right_row.ui
        self.ui.setupUi(self)
        self._today = today
        self.right_id: int | None = None
        self._picked_number = ""
        ui = self.ui
        self.title_label, self.type_combo = ui.right_title_label, ui.right_type
        self.licence, self.basis = ui.right_licence, ui.right_basis
        self._fill_choices()
        self._basis_chosen = False
        self.status, self.remove_button = ui.right_status, ui.remove_right
        self._make_edits(ctx)
        self.fields = {
            w: Field(w)
            for w in (
                self.number,
                self.title,
                self.holder,
                self.jurisdiction,
                self.valid_from,
                self.valid_until,
                self.ir_number,
            )
        }
        self.number_label, self.title_text_label = ui.number_label, ui.title_text_label
        self.from_label, self.until_label = QLabel(), QLabel()
        self.ir_label = ui.ir_label
        self._place_fields()

        self.type_combo.currentIndexChanged.connect(self._type_changed)
        self.number.picked.connect(self._picked)
        self.number.textEdited.connect(self._number_edited)
        for edit in (self.title, self.holder, self.jurisdiction, self.valid_from, self.valid_until):
            edit.textEdited.connect(self._edited)
        self.licence.currentIndexChanged.connect(self._edited)
        self.basis.activated.connect(self._basis_picked)
        self.ir_number.textEdited.connect(self._edited)
        # A licensee's standing adds its licence contract to the materials checklist.
        self.licence.currentIndexChanged.connect(self.type_changed)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        self.set_number(number)
        self._retitle()
        self._default_basis()
        self.update_status()

    def _fill_choices(self) -> None:
        for ip_type in IPType:
            self.type_combo.addItem(both(IP_TYPES, ip_type.value), ip_type.value)
        make_searchable(self.type_combo, [search_words(IP_TYPES, t.value) for t in IPType])
        for licence in LicenceType:
            self.licence.addItem(both(LICENCES, licence.value), licence.value)
        make_searchable(self.licence, [search_words(LICENCES, x.value) for x in LicenceType])
        # The basis of protection in China follows type and jurisdiction until chosen by hand.
        for basis in ProtectionBasis:
            self.basis.addItem(both(PROTECTION_BASES, basis.value), basis.value)
        make_searchable(
            self.basis, [search_words(PROTECTION_BASES, x.value) for x in ProtectionBasis]
        )

    def _make_edits(self, ctx: Context) -> None:
        """The typed fields (each goes into a Field, with its error line below it)."""
        self.number = LookupEdit(
            lambda text: search_rights(ctx, text),
            describe_right,
            object_name="right_number",
        )
        self.number.setPlaceholderText(
            self.tr("Type to search the rights register, or a new number")
        )
        self.title = named(QLineEdit(), "right_title")
        self.holder = named(QLineEdit(), "right_holder")
        self.holder.setPlaceholderText(self.tr("Right holder"))
        self.jurisdiction = named(QLineEdit("CN"), "right_jurisdiction")
        self.jurisdiction.setMaximumWidth(70)
        self.jurisdiction.setToolTip(self.tr("Where the right is registered; CN = China"))
        self.valid_from = named(QLineEdit(), "right_valid_from")
        self.valid_until = named(QLineEdit(), "right_valid_until")
        for edit in (self.valid_from, self.valid_until):
            edit.setPlaceholderText(DATE_HINT)
            edit.setMaximumWidth(120)
        self.ir_number = named(QLineEdit(), "right_ir_number")
        self.ir_number.setPlaceholderText(self.tr("International registration no."))
        self.ir_number.setAccessibleName(self.tr("Madrid international registration number"))

    def _place_fields(self) -> None:
        """Put the typed fields and the date labels into the form's empty places."""
        ui, top = self.ui, Qt.AlignmentFlag.AlignTop
        ui.grid.addWidget(self.fields[self.number], 0, 3)
        ui.grid.addWidget(self.fields[self.title], 1, 1)
        ui.grid.addWidget(self.fields[self.holder], 1, 3)
        for index, widget in enumerate(
            (
                self.fields[self.jurisdiction],
                self.from_label,
                self.fields[self.valid_from],
                self.until_label,
                self.fields[self.valid_until],
            )
        ):
            ui.dates.insertWidget(index, widget, 0, top)
        ui.basis_line.insertWidget(2, self.fields[self.ir_number], 1, top)
        for label, buddy in (
            (ui.type_label, self.type_combo),
            (self.number_label, self.number),
            (self.title_text_label, self.title),
            (ui.holder_label, self.holder),
            (ui.jurisdiction_label, self.jurisdiction),
            (self.from_label, self.valid_from),
            (self.until_label, self.valid_until),
            (ui.licence_label, self.licence),
            (ui.basis_label, self.basis),
            (self.ir_label, self.ir_number),
        ):
            label.setBuddy(buddy)
            label.setContentsMargins(0, 4, 0, 0)  # level with the field's text
        # Qt's own Tab order reads the grid row by row (the complaint form steers Tab itself).
        chain = (self.type_combo, self.number, self.remove_button, self.title, self.holder,
                 self.jurisdiction, self.valid_from, self.valid_until, self.licence,
                 self.basis, self.ir_number)  # fmt: skip
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def set_number(self, number: int) -> None:
        self.index = number
        title = self.tr("Right {0}").format(number)  # outside the f-string: lupdate sees it
        self.title_label.setText(f"<b>{title}</b>")

    def ip_type(self) -> str:
        return str(self.type_combo.currentData())

    def focus_chain(self) -> list[QWidget]:
        return [
            self.type_combo,
            self.number,
            self.title,
            self.holder,
            self.jurisdiction,
            self.valid_from,
            self.valid_until,
            self.licence,
            self.basis,
            self.ir_number,
            self.remove_button,
        ]

    def is_blank(self) -> bool:
        return self.right_id is None and not any(
            e.text().strip()
            for e in (self.number, self.title, self.holder, self.valid_from, self.valid_until)
        )

    # -- behaviour ---------------------------------------------------------------------------
    def _retitle(self) -> None:
        number, title, valid_from, valid_until = (
            _t(s) for s in LABELS.get(self.ip_type(), LABELS[IPType.OTHER])
        )
        self.number_label.setText(number)
        self.title_text_label.setText(title)
        self.from_label.setText(valid_from)
        self.until_label.setText(valid_until)
        n = self.index
        for widget, label in (
            (self.number, number),
            (self.title, title),
            (self.valid_from, valid_from),
            (self.valid_until, valid_until),
        ):
            widget.setAccessibleName(self.tr("Right {0}: {1}").format(n, label.rstrip(":")))
        self.holder.setAccessibleName(self.tr("Right {0}: holder").format(n))
        self.jurisdiction.setAccessibleName(self.tr("Right {0}: registered in").format(n))

    def _basis_picked(self) -> None:
        self._basis_chosen = True
        self._edited()

    def _default_basis(self) -> None:
        """Show the basis the acceptance rule reads from type and jurisdiction (unless the
        desk chose one), and the IR number only where a Madrid registration needs it."""
        if not self._basis_chosen:
            facts = replace(self.right_facts(), basis="")
            self.basis.setCurrentIndex(
                max(0, self.basis.findData(acceptance.basis_of(facts).value))
            )
        madrid = self.basis.currentData() == ProtectionBasis.MADRID
        self.ir_label.setVisible(madrid)
        self.fields[self.ir_number].setVisible(madrid)

    def _type_changed(self) -> None:
        self._retitle()
        self._default_basis()
        self.update_status()
        self.type_changed.emit()
        self.changed.emit()

    def _picked(self, hit: RightHit) -> None:
        self.right_id = hit.id
        self._picked_number = hit.number
        self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(hit.ip_type)))
        self.title.setText(hit.title)
        self.holder.setText(hit.holder)
        self.jurisdiction.setText(hit.jurisdiction)
        self.valid_from.setText(hit.valid_from.isoformat() if hit.valid_from else "")
        self.valid_until.setText(hit.valid_until.isoformat() if hit.valid_until else "")
        self.licence.setCurrentIndex(max(0, self.licence.findData(hit.licence_type)))
        self._basis_chosen = bool(hit.basis)
        self.ir_number.setText(hit.ir_number)
        if hit.basis:
            self.basis.setCurrentIndex(max(0, self.basis.findData(hit.basis)))
        self._default_basis()
        for field in self.fields.values():
            field.clear_error()
        self._lock(True)
        self.update_status()
        self.changed.emit()

    def _lock(self, locked: bool) -> None:
        """A right from the register is shown as it is registered: its fields are not typed
        over (and Tab passes them by); editing the number makes it a new right again."""
        for widget in (
            self.type_combo,
            self.title,
            self.holder,
            self.jurisdiction,
            self.valid_from,
            self.valid_until,
            self.licence,
            self.basis,
            self.ir_number,
        ):
            widget.setEnabled(not locked)

    def _number_edited(self, text: str) -> None:
        if self.right_id is not None and text.strip() != self._picked_number:
            self.right_id = None
            self._lock(False)
        self._edited()

    def _edited(self) -> None:
        self._default_basis()
        self.update_status()
        self.changed.emit()

    def dates(self) -> tuple[date | None, date | None]:
        """The typed dates, or None where empty or unreadable."""
        out: list[date | None] = []
        for edit in (self.valid_from, self.valid_until):
            try:
                out.append(parse_date(edit.text()))
            except ValueError:
                out.append(None)
        return out[0], out[1]

    def right_facts(self) -> acceptance.RightFacts:
        """The row as the acceptance rule reads a right."""
        valid_from, valid_until = self.dates()
        return acceptance.RightFacts(
            self.number.text().strip(),
            self.ip_type(),
            self.jurisdiction.text(),
            valid_from,
            valid_until,
            basis=str(self.basis.currentData() or ""),
            ir_number=self.ir_number.text().strip(),
            licence_type=str(self.licence.currentData()),
            holder=self.holder.text().strip(),
        )

    def problem_today(self) -> str | None:
        """Why the acceptance rule would not enforce this right today (None if it would);
        a row without a number yet is judged on its jurisdiction and dates alone."""
        facts = self.right_facts()
        if not facts.number:
            facts = replace(facts, number=str(self.index))
        problem = acceptance.right_refusal(facts, self._today, self.index)
        return None if problem is None else error_text(problem.refusal.exception())

    def update_status(self) -> None:
        source = self.tr("In the rights register. ") if self.right_id is not None else ""
        problem = self.problem_today()
        if not problem and self.right_id is None and not self.number.text().strip():
            # Nothing to vouch for yet: a tick here would read as a checked right.
            self.status.setText("")
        elif problem:
            self.status.setText("⚠ " + source + problem)
            self.status.setStyleSheet("color: #b00020; font-weight: bold;")
        else:
            _, until = self.dates()
            valid = (
                self.tr("Valid in China until {0}.").format(format_date(until))
                if until
                else self.tr("Valid in China.")
            )
            self.status.setText("✓ " + source + valid)
            self.status.setStyleSheet("color: #1b5e20;")
        self.status.setAccessibleName(self.tr("Right {0} validity").format(self.index))

    # -- validation --------------------------------------------------------------------------
    def clear_errors(self) -> None:
        for field in self.fields.values():
            field.clear_error()

    def problems(self) -> list[Problem]:
        """What stops saving the row at all: a missing number, dates that cannot be read
        or that contradict each other. Whether the right can be enforced is the acceptance
        rule's question (`ComplaintForm.problems`)."""
        out: list[Problem] = []
        if not self.number.text().strip():
            out.append((self.number, self.tr("Enter the patent or registration number.")))
        parsed: dict[QLineEdit, date | None] = {}
        for edit in (self.valid_from, self.valid_until):
            try:
                parsed[edit] = parse_date(edit.text())
            except ValueError:
                out.append((edit, self.tr("Write the date as YYYY-MM-DD, e.g. 2031-05-20.")))
        valid_from, valid_until = parsed.get(self.valid_from), parsed.get(self.valid_until)
        if valid_from and valid_until and valid_until < valid_from:
            out.append(
                (
                    self.valid_until,
                    self.tr("Valid until ({0}) is before valid from ({1}).").format(
                        valid_until.isoformat(), valid_from.isoformat()
                    ),
                )
            )
        return out

    def widget_for(self, part: str) -> QWidget:
        """The widget of an acceptance problem's field part ("number", "valid_until")."""
        return {
            "valid_from": self.valid_from,
            "valid_until": self.valid_until,
            "ir_number": self.ir_number,
            "licence_type": self.licence,
        }.get(part, self.number)

    def to_input(self) -> RightInput | int:
        if self.right_id is not None:
            return self.right_id
        valid_from, valid_until = self.dates()
        return RightInput(
            ip_type=self.ip_type(),
            number=self.number.text(),
            title=self.title.text(),
            holder=self.holder.text(),
            jurisdiction=normalize_jurisdiction(self.jurisdiction.text()),
            valid_from=valid_from,
            valid_until=valid_until,
            licence_type=str(self.licence.currentData()),
            basis=str(self.basis.currentData()),
            ir_number=self.ir_number.text().strip(),
        )


class RightsSection(QGroupBox):
    changed = Signal()
    types_changed = Signal()
    structure_changed = Signal()
    added = Signal(QWidget)  # the field of a row added by the desk, to bring into view

    def __init__(self, ctx: Context, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Rights (patent, trademark, copyright)"))
        self.setObjectName("rights_section")
        self._ctx = ctx
        self._today = today
        self.rows: list[RightRow] = []
        self._rows_layout = QVBoxLayout()
        self.add_button = named(QPushButton(self.tr("Add r&ight")), "add_right")
        self.add_button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addLayout(self._rows_layout)
        bottom = QHBoxLayout()
        bottom.addWidget(self.add_button)
        bottom.addStretch(1)
        layout.addLayout(bottom)
        self.add_button.clicked.connect(self._add_clicked)
        self.add_row()

    def add_row(self) -> RightRow:
        row = RightRow(self._ctx, self._today, len(self.rows) + 1, self)
        row.changed.connect(self.changed)
        row.type_changed.connect(self.types_changed)
        row.remove_requested.connect(self.remove_row)
        self.rows.append(row)
        self._rows_layout.addWidget(row)
        if self.isVisible():
            row.show()  # now, not when the layout gets round to it: it takes the focus next
        self._renumber()
        self.structure_changed.emit()
        self.types_changed.emit()
        return row

    def _add_clicked(self) -> None:
        row = self.add_row()
        row.type_combo.setFocus(Qt.FocusReason.OtherFocusReason)
        self.added.emit(row.type_combo)
        self.changed.emit()

    def remove_row(self, row: RightRow) -> None:
        if len(self.rows) < 2 or row not in self.rows:
            return
        index = self.rows.index(row)
        self.rows.remove(row)
        row.hide()
        row.setParent(None)
        row.deleteLater()
        self._renumber()
        self.rows[max(0, index - 1)].number.setFocus(Qt.FocusReason.OtherFocusReason)
        self.structure_changed.emit()
        self.types_changed.emit()
        self.changed.emit()

    def _renumber(self) -> None:
        for i, row in enumerate(self.rows, start=1):
            row.set_number(i)
            row._retitle()
            row.remove_button.setEnabled(len(self.rows) > 1)

    def focus_chain(self) -> list[QWidget]:
        return [w for row in self.rows for w in row.focus_chain()] + [self.add_button]

    def named(self) -> list[RightRow]:
        return [row for row in self.rows if not row.is_blank()]

    def ip_types(self) -> list[str]:
        """The types chosen in every row, typed in or not yet: they decide the checklist."""
        return [row.ip_type() for row in self.rows]

    def licences(self) -> list[str]:
        """The complainant's standing on every row (a licensee files its licence)."""
        return [str(row.licence.currentData()) for row in self.rows]

    def numbers(self) -> list[str]:
        return [row.number.text().strip() for row in self.named() if row.number.text().strip()]

    def clear_errors(self) -> None:
        for row in self.rows:
            row.clear_errors()

    def problems(self) -> list[tuple[QWidget, str, str]]:
        named = self.named()
        if not named:
            first = self.rows[0]
            return [
                (
                    first.number,
                    self.tr("Enter the patent or registration number."),
                    self.tr("Right 1"),
                )
            ]
        out: list[tuple[QWidget, str, str]] = []
        for row in named:
            where = self.tr("Right {0}").format(row.index)
            out.extend((w, m, where) for w, m in row.problems())
        return out

    def inputs(self) -> list[RightInput | int]:
        return [row.to_input() for row in self.named()]

    def row_for_number(self, number: str) -> RightRow | None:
        key = number.strip().upper()
        return next((r for r in self.rows if r.number.text().strip().upper() == key), None)
