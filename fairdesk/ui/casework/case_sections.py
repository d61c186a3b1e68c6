"""The read-only panels of the case view: parties, rights, respondent, exhibits,
measures, evidence, defence and decision. Filled from a `CaseDetail`, nothing else."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fairdesk.domain.vocabulary import DISPUTE_TYPES, party_words
from fairdesk.domain.workflow import IP
from fairdesk.i18n import format_date
from fairdesk.services.casework.case_detail import CaseDetail, PartyDetail, RightDetail
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

DASH = "—"
SHA_SHORT = 12  # hex digits of a SHA-256 shown in lists; the tooltip has all 64


def plain_label(name: str, text: str = "") -> QLabel:
    """A selectable plain-text label: user data is never read as HTML."""
    label = QLabel(text, objectName=name)
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
    tree = QTreeWidget(objectName=name)
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


class DetailPanel(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("case_details")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(objectName="case_details_body")
        # Two columns: who and what right (left); what happened to the exhibits (right).
        columns = QHBoxLayout(body)
        columns.setContentsMargins(0, 0, 6, 0)
        layout = QVBoxLayout()
        second = QVBoxLayout()
        columns.addLayout(layout, 1)
        columns.addLayout(second, 1)
        warn = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)

        # Parties
        self.complainant_label = plain_label("complainant_label")
        self.agent_label = plain_label("agent_label")
        self.complaint_summary = plain_label("complaint_summary")
        self.papers_label = plain_label("papers_label")
        parties = QGroupBox(self.tr("Parties · 当事人"), objectName="parties_box")
        form = QFormLayout(parties)
        form.addRow(self.tr("Complainant:"), self.complainant_label)
        form.addRow(self.tr("Agent:"), self.agent_label)
        form.addRow(self.tr("Papers:"), self.papers_label)
        form.addRow(self.tr("Grounds:"), self.complaint_summary)
        layout.addWidget(parties)

        # Rights
        self.rights_label = plain_label("rights_label")
        self.rights_warning_icon = QLabel(objectName="rights_warning_icon")
        self.rights_warning_icon.setPixmap(warn.pixmap(20, 20))
        self.rights_warning = plain_label("rights_warning")
        self.rights_warning.setStyleSheet("font-weight: bold; color: #9a1c00;")
        warning_row = QWidget(objectName="rights_warning_row")
        row = QHBoxLayout(warning_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.rights_warning_icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.rights_warning, 1)
        self.rights_warning_row = warning_row
        rights = QGroupBox(self.tr("Rights · 权利"), objectName="rights_box")
        box = QVBoxLayout(rights)
        box.addWidget(warning_row)
        box.addWidget(self.rights_label)
        layout.addWidget(rights)

        # Respondent
        self.respondent_name = plain_label("respondent_name")
        self.respondent_name.setStyleSheet("font-weight: bold;")
        self.respondent_origin = plain_label("respondent_origin")
        self.respondent_booth = plain_label("respondent_booth")
        self.respondent_contact = plain_label("respondent_contact")
        self.respondent_ids = plain_label("respondent_ids")
        respondent = QGroupBox(self.tr("Respondent · 被投诉人"), objectName="respondent_box")
        form = QFormLayout(respondent)
        form.addRow(self.tr("Exhibitor:"), self.respondent_name)
        form.addRow(self.tr("Booth:"), self.respondent_booth)
        form.addRow(self.tr("Country / region:"), self.respondent_origin)
        form.addRow(self.tr("Contact:"), self.respondent_contact)
        form.addRow(self.tr("Registration:"), self.respondent_ids)
        layout.addWidget(respondent)

        # Exhibits and measures
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
        exhibits = QGroupBox(self.tr("Accused exhibits · 涉嫌侵权展品"), objectName="exhibits_box")
        QVBoxLayout(exhibits).addWidget(self.exhibits_table)
        second.addWidget(exhibits)

        self.measures_label = plain_label("measures_label")
        self.measures_empty = plain_label("measures_empty", self.tr("No measures ordered."))
        measures = QGroupBox(self.tr("Measures · 处理措施"), objectName="measures_box")
        box = QVBoxLayout(measures)
        box.addWidget(self.measures_empty)
        box.addWidget(self.measures_label)

        # Evidence: a placeholder tile per file until the evidence store shows thumbnails.
        self.evidence_list = QListWidget(objectName="evidence_list")
        self.evidence_list.setViewMode(QListView.ViewMode.IconMode)
        self.evidence_list.setIconSize(QSize(40, 40))
        self.evidence_list.setGridSize(QSize(190, 92))
        self.evidence_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.evidence_list.setMovement(QListView.Movement.Static)
        self.evidence_list.setWordWrap(False)
        self.evidence_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.evidence_list.setFixedHeight(112)
        self.evidence_empty = plain_label("evidence_empty", self.tr("No evidence attached yet."))
        evidence = QGroupBox(self.tr("Evidence · 证据"), objectName="evidence_box")
        box = QVBoxLayout(evidence)
        box.addWidget(self.evidence_empty)
        box.addWidget(self.evidence_list)

        # Defence and decision
        self.defence_label = plain_label("defence_label")
        self.decision_label = plain_label("decision_label")
        self.trigger_label = plain_label("trigger_label")
        self.legal_basis_label = plain_label("legal_basis_label")
        self.decision_note_label = plain_label("decision_note_label")
        self.authority_label = plain_label("authority_label")
        decision = QGroupBox(
            self.tr("Defence and decision · 答辩与处理"), objectName="decision_box"
        )
        form = QFormLayout(decision)
        form.addRow(self.tr("Defence:"), self.defence_label)
        form.addRow(self.tr("Decision:"), self.decision_label)
        form.addRow(self.tr("Trigger:"), self.trigger_label)
        form.addRow(self.tr("Legal basis:"), self.legal_basis_label)
        form.addRow(self.tr("Note:"), self.decision_note_label)
        form.addRow(self.tr("Authority:"), self.authority_label)
        second.addWidget(decision)
        second.addWidget(measures)
        second.addWidget(evidence)
        layout.addStretch(1)
        second.addStretch(1)
        self.setWidget(body)
        self._file_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)

    # -- filling ------------------------------------------------------------------------
    def _party(self, party: PartyDetail | None) -> str:
        if party is None:
            return DASH
        names = _join(party.name, party.name_en, sep=" / ")
        ids = _join(party.id_doc_type, party.id_doc_no, sep=" ")
        reach = _join(party.contact, party.phone, party.email)
        return "\n".join(p for p in (_join(names, party.country), ids, reach) if p)

    def _no_rights(self, dispute_type: str) -> str:
        """A commercial dispute names no right: what it is about, in words (货款, never
        the stored "payment")."""
        if not dispute_type:
            return self.tr("No IP rights (commercial dispute).")
        return self.tr("No IP rights: a commercial dispute about {0}.").format(
            word(DISPUTE_TYPES, dispute_type)
        )

    def _box(self, name: str) -> QGroupBox:
        box = self.findChild(QGroupBox, name)
        assert box is not None
        return box

    @property
    def parties_form(self) -> QFormLayout:
        return self._box("parties_box").layout()  # type: ignore[return-value]

    def _show_kind(self, kind: str) -> None:
        """A commercial dispute has an applicant and a 被申请人, and no IP commitment,
        accused exhibits or infringement decision: its page leaves those out (the
        domain's words for its sides, its kinds for what applies)."""
        ip = kind in IP
        decision_form: QFormLayout = self._box("decision_box").layout()  # type: ignore[assignment]
        sides = party_words(kind)
        label = self.parties_form.labelForField(self.complainant_label)
        if isinstance(label, QLabel):
            label.setText(self.tr("{0}:").format(desk_words(sides.complainant)))
        self._box("respondent_box").setTitle(desk_words(sides.respondent))
        self.parties_form.setRowVisible(self.papers_label, ip)
        self._box("exhibits_box").setVisible(ip)
        for field in (self.defence_label, self.decision_label, self.trigger_label):
            decision_form.setRowVisible(field, ip)
        decision_form.setRowVisible(self.legal_basis_label, ip)
        self._box("decision_box").setTitle(
            self.tr("Defence and decision · 答辩与处理") if ip else self.tr("Outcome · 处理情况")
        )

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
        zone = ZoneInfo(d.fair_timezone)
        c = d.complaint
        self._show_kind(c.kind)
        yes, no = self.tr("yes"), self.tr("no")
        self.complainant_label.setText(self._party(d.complainant))
        self.agent_label.setText(
            self._party(d.agent)
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

        blocks = []
        warnings = []
        for r in d.rights:
            flags = right_flags(r)
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
            blocks.append(
                "\n".join(
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
            )
            if r.refused_reason:
                blocks[-1] += "\n" + self.tr("Not accepted: {0}").format(
                    both(REJECT_REASONS, r.refused_reason)
                )
            if flags:
                warnings.append(self.tr("Right {0}: {1}").format(r.number, "; ".join(flags)))
        self.rights_label.setText("\n\n".join(blocks))
        self.rights_warning.setText("\n".join(warnings))
        self.rights_warning_row.setVisible(bool(warnings))
        self.rights_warning_icon.setVisible(bool(warnings))
        if not d.rights:
            self.rights_label.setText(self._no_rights(c.dispute_type))

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

        self.exhibits_table.clear()
        for x in d.exhibits:
            qty = "" if x.quantity is None else str(x.quantity)
            self.exhibits_table.addTopLevelItem(
                QTreeWidgetItem(
                    [x.name, x.model or DASH, qty or DASH, ", ".join(x.rights) or DASH, x.note]
                )
            )
        _fit(self.exhibits_table)

        blocks = []
        for m in d.measures:
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
            blocks.append("\n".join(p for p in (first, second, m.note) if p))
        self.measures_label.setText("\n\n".join(blocks))
        self.measures_label.setVisible(bool(d.measures))
        self.measures_empty.setVisible(not d.measures)

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

        self.defence_label.setText(d.defence_summary or DASH)
        decided = ""
        if d.decided_at is not None:
            decided = self.tr("decided {0}").format(local_time(d.decided_at, zone))
        self.decision_label.setText(decided or self.tr("not decided yet"))
        self.trigger_label.setText(
            both(CHOICES["trigger"], d.decision_trigger) if d.decision_trigger else DASH
        )
        self.legal_basis_label.setText(d.legal_basis or DASH)
        self.decision_note_label.setText(d.decision_note or DASH)
        self.authority_label.setText(d.authority or DASH)
