"""The read-only sections of the case view: parties, rights, respondent, exhibits,
measures, evidence, defence and decision, each a group box that fills itself from a
`CaseDetail`, nothing else (`case_details.DetailPanel` lays them out)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fairdesk.domain.rules import citation_in
from fairdesk.domain.vocabulary import DISPUTE_TYPES, party_words
from fairdesk.domain.workflow import IP
from fairdesk.i18n import current_language, format_date
from fairdesk.services.casework.case_detail import (
    CaseDetail,
    MeasureDetail,
    PartyDetail,
    RightDetail,
)
from fairdesk.ui.common.case_labels import (
    CHOICES,
    IP_TYPES,
    LICENCES,
    REJECT_REASONS,
    both,
    desk_words,
    local_time,
    word,
)
from fairdesk.ui.common.named import named

DASH = "—"
SHA_SHORT = 12  # hex digits of a SHA-256 shown in lists; the tooltip has all 64


def plain_label(name: str, text: str = "") -> QLabel:
    """A selectable plain-text label: user data is never read as HTML."""
    label = named(QLabel(text), name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    return label


def _join(*parts: str, sep: str = " · ") -> str:
    return sep.join(p for p in parts if p)


def _tree(name: str, headers: list[str]) -> QTreeWidget:
    tree = named(QTreeWidget(), name)
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setUniformRowHeights(True)
    tree.setAlternatingRowColors(True)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tree.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
    tree.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    tree.setTextElideMode(Qt.TextElideMode.ElideRight)
    return tree


def _fit(tree: QTreeWidget) -> None:
    for column in range(tree.columnCount()):
        tree.resizeColumnToContents(column)
    for row in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(row)
        assert item is not None  # the row is one of the tree's
        for column in range(tree.columnCount()):
            item.setToolTip(column, item.text(column))
    rows = max(tree.topLevelItemCount(), 1)
    row_height = tree.sizeHintForRow(0) if tree.topLevelItemCount() else 22
    tree.setFixedHeight(tree.header().sizeHint().height() + rows * row_height + 6)


def right_flags(right: RightDetail) -> list[str]:
    """Words, not colour, for a right the desk cannot enforce as it stands."""
    flags = []
    if right.expired and right.valid_until is not None:
        flags.append(
            QCoreApplication.translate("case_sections", "EXPIRED on {0}").format(
                format_date(right.valid_until)
            )
        )
    if right.not_yet_valid and right.valid_from is not None:
        flags.append(
            QCoreApplication.translate("case_sections", "NOT YET VALID (from {0})").format(
                format_date(right.valid_from)
            )
        )
    if not right.valid_in_china:
        flags.append(
            QCoreApplication.translate(
                "case_sections", "NOT VALID IN CHINA (registered in {0})"
            ).format(right.jurisdiction)
        )
    return flags


def _party(party: PartyDetail | None) -> str:
    if party is None:
        return DASH
    names = _join(party.name, party.name_en, sep=" / ")
    ids = _join(party.id_doc_type, party.id_doc_no, sep=" ")
    reach = _join(party.contact, party.phone, party.email)
    return "\n".join(p for p in (_join(names, party.country), ids, reach) if p)


class PartiesBox(QGroupBox):
    """Who complains, through which agent, with which papers, on what grounds."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("parties_box")
        self.setTitle(self.tr("Parties · 当事人"))
        self.complainant_label = plain_label("complainant_label")
        self.agent_label = plain_label("agent_label")
        self.complaint_summary = plain_label("complaint_summary")
        self.papers_label = plain_label("papers_label")
        self.form = QFormLayout(self)
        self.form.addRow(self.tr("Complainant:"), self.complainant_label)
        self.form.addRow(self.tr("Agent:"), self.agent_label)
        self.form.addRow(self.tr("Papers:"), self.papers_label)
        self.form.addRow(self.tr("Grounds:"), self.complaint_summary)

    def show_kind(self, kind: str) -> None:
        """A commercial dispute has an applicant (the domain's word) and no papers row."""
        label = self.form.labelForField(self.complainant_label)
        if isinstance(label, QLabel):
            label.setText(self.tr("{0}:").format(desk_words(party_words(kind).complainant)))
        self.form.setRowVisible(self.papers_label, kind in IP)

    def show_detail(self, d: CaseDetail) -> None:
        c = d.complaint
        yes, no = self.tr("yes"), self.tr("no")
        self.complainant_label.setText(_party(d.complainant))
        self.agent_label.setText(
            _party(d.agent)
            + (
                self.tr("\npower of attorney: {0}").format(yes if c.power_of_attorney else no)
                if d.agent
                else ""
            )
        )
        self.papers_label.setText(
            self.tr("signed commitment (承诺书): {0}").format(yes if c.commitment_signed else no)
        )
        self.complaint_summary.setText(c.summary or DASH)


class RightsBox(QGroupBox):
    """The rights relied on, each with its holder, validity and status check; a warning in
    words over those the desk cannot enforce as they stand."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("rights_box")
        self.setTitle(self.tr("Rights · 权利"))
        warn = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.rights_label = plain_label("rights_label")
        self.rights_warning_icon = named(QLabel(), "rights_warning_icon")
        self.rights_warning_icon.setPixmap(warn.pixmap(20, 20))
        self.rights_warning = plain_label("rights_warning")
        self.rights_warning.setStyleSheet("font-weight: bold; color: #9a1c00;")
        self.rights_warning_row = named(QWidget(), "rights_warning_row")
        row = QHBoxLayout(self.rights_warning_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.rights_warning_icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.rights_warning, 1)
        box = QVBoxLayout(self)
        box.addWidget(self.rights_warning_row)
        box.addWidget(self.rights_label)

    def _no_rights(self, dispute_type: str) -> str:
        """A commercial dispute names no right: what it is about, in words (货款, never
        the stored "payment")."""
        if not dispute_type:
            return self.tr("No IP rights (commercial dispute).")
        return self.tr("No IP rights: a commercial dispute about {0}.").format(
            word(DISPUTE_TYPES, dispute_type)
        )

    def _block(self, r: RightDetail, flags: list[str], zone: ZoneInfo) -> str:
        valid = _join(
            format_date(r.valid_from) if r.valid_from else "",
            format_date(r.valid_until) if r.valid_until else "",
            sep=" – ",
        )
        holder = _join(r.holder, word(LICENCES, r.licence_type), sep=", ")
        checked = (
            self.tr("status checked {0}").format(local_time(r.status_checked_at, zone))
            if r.status_checked_at
            else ""
        )
        block = "\n".join(
            [
                _join(both(IP_TYPES, r.ip_type), r.number, r.title),
                _join(
                    self.tr("holder: {0}").format(holder) if holder else "",
                    self.tr("valid {0}").format(valid) if valid else "",
                    checked,
                    "; ".join(flags) or self.tr("valid in China"),
                ),
            ]
        )
        if r.refused_reason:
            block += "\n" + self.tr("Not accepted: {0}").format(
                both(REJECT_REASONS, r.refused_reason)
            )
        return block

    def show_detail(self, d: CaseDetail, zone: ZoneInfo) -> None:
        blocks = []
        warnings = []
        for r in d.rights:
            flags = right_flags(r)
            blocks.append(self._block(r, flags, zone))
            if flags:
                warnings.append(self.tr("Right {0}: {1}").format(r.number, "; ".join(flags)))
        self.rights_label.setText("\n\n".join(blocks))
        self.rights_warning.setText("\n".join(warnings))
        self.rights_warning_row.setVisible(bool(warnings))
        self.rights_warning_icon.setVisible(bool(warnings))
        if not d.rights:
            self.rights_label.setText(self._no_rights(d.complaint.dispute_type))


class RespondentBox(QGroupBox):
    """The exhibitor complained against: names, booths, origin, contact, registration."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("respondent_box")
        self.setTitle(self.tr("Respondent · 被投诉人"))
        self.respondent_name = plain_label("respondent_name")
        self.respondent_name.setStyleSheet("font-weight: bold;")
        self.respondent_origin = plain_label("respondent_origin")
        self.respondent_booth = plain_label("respondent_booth")
        self.respondent_contact = plain_label("respondent_contact")
        self.respondent_ids = plain_label("respondent_ids")
        form = QFormLayout(self)
        form.addRow(self.tr("Exhibitor:"), self.respondent_name)
        form.addRow(self.tr("Booth:"), self.respondent_booth)
        form.addRow(self.tr("Country / region:"), self.respondent_origin)
        form.addRow(self.tr("Contact:"), self.respondent_contact)
        form.addRow(self.tr("Registration:"), self.respondent_ids)

    def _registration(self, d: CaseDetail) -> str:
        """The respondent's credit code, and its IP commitment (an IP complaint's only)."""
        e, ip = d.respondent, d.complaint.kind in IP
        signed = self.tr("yes") if e.ip_commitment_signed else self.tr("no")
        return (
            _join(
                self.tr("credit code {0}").format(e.credit_code) if e.credit_code else "",
                self.tr("IP commitment signed: {0}").format(signed) if ip else "",
            )
            or DASH
        )

    def show_detail(self, d: CaseDetail) -> None:
        self.setTitle(desk_words(party_words(d.complaint.kind).respondent))
        e = d.respondent
        self.respondent_name.setText(_join(e.name_zh, e.name_en, sep="\n") or DASH)
        others = [
            _join(b.hall and self.tr("hall {0}").format(b.hall), b.booth_no)
            for b in e.booths
            if b.booth_no != d.booth_no
        ]
        booth = _join(d.hall and self.tr("hall {0}").format(d.hall), d.booth_no) or DASH
        if others:
            booth += self.tr(" (also at {0})").format(", ".join(others))
        self.respondent_booth.setText(booth)
        self.respondent_origin.setText(
            _join(
                _join(e.country, e.country_en, sep=" / "),
                _join(e.area, e.area_en, sep=" / "),
                e.delegation,
            )
            or DASH
        )
        self.respondent_contact.setText(_join(e.contact, e.phone, e.email) or DASH)
        self.respondent_ids.setText(self._registration(d))


class ExhibitsBox(QGroupBox):
    """The accused exhibits, one line each (an IP complaint's only)."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("exhibits_box")
        self.setTitle(self.tr("Accused exhibits · 涉嫌侵权展品"))
        self.exhibits_table = _tree(
            "exhibits_table",
            [
                self.tr("Exhibit"),
                self.tr("Model"),
                self.tr("Quantity"),
                self.tr("Right(s) accused under"),
                self.tr("Note"),
            ],
        )
        QVBoxLayout(self).addWidget(self.exhibits_table)

    def show_detail(self, d: CaseDetail) -> None:
        self.setVisible(d.complaint.kind in IP)
        self.exhibits_table.clear()
        for x in d.exhibits:
            qty = "" if x.quantity is None else str(x.quantity)
            self.exhibits_table.addTopLevelItem(
                QTreeWidgetItem(
                    [x.name, x.model or DASH, qty or DASH, ", ".join(x.rights) or DASH, x.note]
                )
            )
        _fit(self.exhibits_table)


class MeasuresBox(QGroupBox):
    """The measures ordered, with their undertaking, storage, return and re-inspection."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("measures_box")
        self.setTitle(self.tr("Measures · 处理措施"))
        self.measures_label = plain_label("measures_label")
        self.measures_empty = plain_label("measures_empty", self.tr("No measures ordered."))
        box = QVBoxLayout(self)
        box.addWidget(self.measures_empty)
        box.addWidget(self.measures_label)

    def _block(self, m: MeasureDetail, zone: ZoneInfo) -> str:
        yes, no = self.tr("yes"), self.tr("no")
        recheck = (
            self.tr("re-inspection: {0}").format(
                _join(
                    word(CHOICES["result"], m.recheck_result),
                    local_time(m.rechecked_at, zone),
                )
            )
            if m.recheck_result
            else self.tr("not yet re-inspected")
        )
        first = _join(
            both(CHOICES["measure"], m.measure_type),
            self.tr("ordered {0}").format(local_time(m.ordered_at, zone)),
            self.tr("due {0}").format(local_time(m.due_at, zone)) if m.due_at else "",
        )
        second = _join(
            self.tr("undertaking signed: {0}").format(yes if m.undertaking_signed else no),
            self.tr("stored at {0}").format(m.storage_place) if m.storage_place else "",
            self.tr("returned {0}").format(local_time(m.returned_at, zone))
            if m.returned_at
            else "",
            recheck,
        )
        return "\n".join(p for p in (first, second, m.note) if p)

    def show_detail(self, d: CaseDetail, zone: ZoneInfo) -> None:
        self.measures_label.setText("\n\n".join(self._block(m, zone) for m in d.measures))
        self.measures_label.setVisible(bool(d.measures))
        self.measures_empty.setVisible(not d.measures)


class EvidenceBox(QGroupBox):
    """The evidence files: a placeholder tile per file until the evidence store shows
    thumbnails; the tooltip has the whole SHA-256, who captured it and when."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("evidence_box")
        self.setTitle(self.tr("Evidence · 证据"))
        self.evidence_list = named(QListWidget(), "evidence_list")
        self.evidence_list.setViewMode(QListView.ViewMode.IconMode)
        self.evidence_list.setIconSize(QSize(40, 40))
        self.evidence_list.setGridSize(QSize(190, 92))
        self.evidence_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.evidence_list.setMovement(QListView.Movement.Static)
        self.evidence_list.setWordWrap(False)
        self.evidence_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.evidence_list.setFixedHeight(112)
        self.evidence_empty = plain_label("evidence_empty", self.tr("No evidence attached yet."))
        box = QVBoxLayout(self)
        box.addWidget(self.evidence_empty)
        box.addWidget(self.evidence_list)
        self._file_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)

    def show_detail(self, d: CaseDetail, zone: ZoneInfo) -> None:
        self.evidence_list.clear()
        for ev in d.evidence:
            text = f"{ev.name}\n{ev.sha256[:SHA_SHORT]}…"
            item = QListWidgetItem(self._file_icon, text)
            item.setToolTip(
                "\n".join(
                    p
                    for p in (
                        ev.name,
                        f"SHA-256 {ev.sha256}",
                        self.tr("attached to the {0}").format(ev.attached_to),
                        self.tr("captured {0} by {1}").format(
                            local_time(ev.captured_at, zone) or "?", ev.captured_by or "?"
                        ),
                        ev.caption,
                    )
                    if p
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, ev.sha256)
            self.evidence_list.addItem(item)
        self.evidence_list.setVisible(bool(d.evidence))
        self.evidence_empty.setVisible(not d.evidence)


class DecisionBox(QGroupBox):
    """The defence and the decision; a commercial dispute's outcome only."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("decision_box")
        self.setTitle(self.tr("Defence and decision · 答辩与处理"))
        self.defence_label = plain_label("defence_label")
        self.decision_label = plain_label("decision_label")
        self.trigger_label = plain_label("trigger_label")
        self.legal_basis_label = plain_label("legal_basis_label")
        self.decision_note_label = plain_label("decision_note_label")
        self.authority_label = plain_label("authority_label")
        self.form = QFormLayout(self)
        self.form.addRow(self.tr("Defence:"), self.defence_label)
        self.form.addRow(self.tr("Decision:"), self.decision_label)
        self.form.addRow(self.tr("Trigger:"), self.trigger_label)
        self.form.addRow(self.tr("Legal basis:"), self.legal_basis_label)
        self.form.addRow(self.tr("Note:"), self.decision_note_label)
        self.form.addRow(self.tr("Authority:"), self.authority_label)

    def show_kind(self, kind: str) -> None:
        """A commercial dispute has no defence, trigger or legal basis of an infringement
        decision: its outcome only."""
        ip = kind in IP
        for field in (self.defence_label, self.decision_label, self.trigger_label):
            self.form.setRowVisible(field, ip)
        self.form.setRowVisible(self.legal_basis_label, ip)
        self.setTitle(
            self.tr("Defence and decision · 答辩与处理") if ip else self.tr("Outcome · 处理情况")
        )

    def show_detail(self, d: CaseDetail, zone: ZoneInfo) -> None:
        self.defence_label.setText(d.defence_summary or DASH)
        decided = ""
        if d.decided_at is not None:
            decided = self.tr("decided {0}").format(local_time(d.decided_at, zone))
        self.decision_label.setText(decided or self.tr("not decided yet"))
        self.trigger_label.setText(
            both(CHOICES["trigger"], d.decision_trigger) if d.decision_trigger else DASH
        )
        self.legal_basis_label.setText(citation_in(d.legal_basis, current_language()) or DASH)
        self.decision_note_label.setText(d.decision_note or DASH)
        self.authority_label.setText(d.authority or DASH)
