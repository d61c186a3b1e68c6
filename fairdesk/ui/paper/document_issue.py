"""The documents dialog's "New document" section: the kinds that apply now, a decision's
copy, the document a proof of service is for, and the button that issues it.

The kinds offered are the table's (`documents/kinds.py`) for the complaint's and the
case's states; the others are named in a tooltip, with when they apply.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from fairdesk.documents import kinds as K
from fairdesk.domain import vocabulary
from fairdesk.i18n import domain_word
from fairdesk.services.casework.case_detail import CaseDetail
from fairdesk.services.paper import documents as docs
from fairdesk.ui.common.named import named
from fairdesk.ui.paper.document_list import DocumentEntry, copy_label, kind_label


def _tr(text: str) -> str:
    return QCoreApplication.translate("DocumentDialog", text)


def _quiet_label(name: str) -> QLabel:
    label = named(QLabel(), name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setEnabled(False)
    return label


def issued_text(info: docs.IssuedInfo, k: K.DocKind, copy: str) -> tuple[str, bool]:
    """What issuing did, and whether it is a warning: never a silent box on paper."""
    text = _tr("Issued {0}: {1}{2}. It is registered; print it or save it as PDF.").format(
        info.number, kind_label(k), f" ({copy_label(copy)})" if copy else ""
    )
    if not info.missing_glyphs:
        return text, False
    # Say which characters printed as their codes.
    missing = _tr(
        "No font has {0}: these characters are printed as their codes. Check the name on paper."
    ).format(info.missing_codes)
    return f"{text} {missing}", True


class IssueSection(QGroupBox):
    """What to issue; `kind_changed` when another kind is chosen."""

    kind_changed = Signal()

    def __init__(self) -> None:
        super().__init__(_tr("New document · 签发新文书"))
        self.setObjectName("issue_box")
        self.kind_combo = named(QComboBox(), "kind_combo")
        self.kind_combo.setAccessibleName(_tr("Kind of document"))
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.copy_combo = named(QComboBox(), "copy_combo")
        self.copy_combo.setAccessibleName(_tr("Copy"))
        self.copy_combo.addItem(_tr("Choose which party's copy…"), "")
        for code in vocabulary.COPIES:
            self.copy_combo.addItem(copy_label(code), code)
        self.served_combo = named(QComboBox(), "served_combo")
        self.served_combo.setAccessibleName(_tr("Document served"))
        self.when_label = _quiet_label("kind_when_label")
        self.unavailable_label = _quiet_label("unavailable_label")
        self.issue_button = named(QPushButton(_tr("&Issue and preview · 签发")), "issue_button")
        self.issue_button.setToolTip(_tr("Registers a new numbered, signed document (Ctrl+Enter)"))

        self.kind_label = QLabel(_tr("&Document:"))
        self.kind_label.setBuddy(self.kind_combo)
        self.copy_label = QLabel(_tr("C&opy:"))
        self.copy_label.setBuddy(self.copy_combo)
        self.served_label = QLabel(_tr("For &document:"))
        self.served_label.setBuddy(self.served_combo)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.kind_label, self.kind_combo)
        form.addRow(self.copy_label, self.copy_combo)
        form.addRow(self.served_label, self.served_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.when_label)
        layout.addWidget(self.unavailable_label)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.issue_button)
        layout.addLayout(row)

    def offered_kinds(self) -> list[str]:
        """The kind codes in the combo: those that apply in the current states."""
        return [str(self.kind_combo.itemData(i)) for i in range(self.kind_combo.count())]

    def selected_kind(self) -> K.DocKind | None:
        code = self.kind_combo.currentData()
        return K.KINDS.get(str(code)) if code else None

    def copy(self) -> str:
        """The party's copy chosen, for a kind that has copies ("" otherwise)."""
        k = self.selected_kind()
        return str(self.copy_combo.currentData() or "") if k and k.needs_copy else ""

    def served(self) -> str:
        """The document a proof of service is for ("" for the latest, or another kind)."""
        k = self.selected_kind()
        if k is None or k.code != "proof-of-service":
            return ""
        return str(self.served_combo.currentData() or "")

    def set_enabled(self, enabled: bool) -> None:
        for widget in (self.kind_combo, self.copy_combo, self.served_combo, self.issue_button):
            widget.setEnabled(enabled)

    def fill_kinds(self, d: CaseDetail) -> None:
        offered = K.applicable_kinds(K.COMPLAINT, d.complaint.state) + K.applicable_kinds(
            K.CASE, d.state
        )
        previous = self.kind_combo.currentData()
        self.kind_combo.blockSignals(True)
        self.kind_combo.clear()
        for k in offered:
            self.kind_combo.addItem(kind_label(k), k.code)
            level = _tr("complaint") if k.level == K.COMPLAINT else _tr("case")
            tip = _tr("For the {0}; applies {1}.").format(level, domain_word(k.when))
            last = self.kind_combo.count() - 1
            self.kind_combo.setItemData(last, tip, Qt.ItemDataRole.ToolTipRole)
        index = self.kind_combo.findData(previous) if previous else -1
        if index < 0 and offered:
            # The document most specific to this state (a decision once decided, ...).
            case_kinds = [k for k in offered if k.level == K.CASE] or offered
            best = min(case_kinds, key=lambda k: len(k.states))
            index = self.kind_combo.findData(best.code)
        self.kind_combo.setCurrentIndex(max(index, 0))
        self.kind_combo.blockSignals(False)
        self._name_missing([k for k in K.KINDS.values() if k not in offered])
        self._kind_changed()

    def _name_missing(self, missing: list[K.DocKind]) -> None:
        if not missing:
            self.unavailable_label.hide()
            return
        text = (
            _tr("1 other kind does not apply now (hover for when it does).")
            if len(missing) == 1
            else _tr("{0} other kinds do not apply now (hover for when they do).")
        )
        self.unavailable_label.setText(text.format(len(missing)))
        self.unavailable_label.setToolTip(
            "\n".join(f"{kind_label(k)}: {domain_word(k.when)}" for k in missing)
        )
        self.unavailable_label.show()

    def fill_served(self, entries: Sequence[DocumentEntry]) -> None:
        current = self.served_combo.currentData()
        self.served_combo.clear()
        self.served_combo.addItem(_tr("The latest notice, decision or order"), "")
        for entry in entries:
            r = entry.row
            if entry.valid and r.kind in K.SERVABLE:
                self.served_combo.addItem(f"{r.number} · {r.title}", r.number)
        self.served_combo.setCurrentIndex(max(self.served_combo.findData(current), 0))

    def _kind_changed(self) -> None:
        k = self.selected_kind()
        needs_copy = bool(k and k.needs_copy)
        serves = bool(k and k.code == "proof-of-service")
        self.copy_label.setVisible(needs_copy)
        self.copy_combo.setVisible(needs_copy)
        self.served_label.setVisible(serves)
        self.served_combo.setVisible(serves)
        self.when_label.setText(_tr("Applies {0}.").format(domain_word(k.when)) if k else "")
        self.kind_changed.emit()
