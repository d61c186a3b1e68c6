"""The case view's read-only page: who and what right (left column), what happened to
the exhibits and how it was decided (right column). Each section is its own group box
(`case_sections`), filled from a `CaseDetail`, nothing else."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QFormLayout, QFrame, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from fairdesk.services.casework.case_detail import CaseDetail
from fairdesk.ui.casework.case_sections import (
    DecisionBox,
    EvidenceBox,
    ExhibitsBox,
    MeasuresBox,
    PartiesBox,
    RespondentBox,
    RightsBox,
)
from fairdesk.ui.common.named import named


class DetailPanel(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("case_details")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.parties, self.rights, self.respondent = PartiesBox(), RightsBox(), RespondentBox()
        self.exhibits, self.decision = ExhibitsBox(), DecisionBox()
        self.measures, self.evidence = MeasuresBox(), EvidenceBox()
        body = named(QWidget(), "case_details_body")
        columns = QHBoxLayout(body)
        columns.setContentsMargins(0, 0, 6, 0)
        for boxes in (
            (self.parties, self.rights, self.respondent),
            (self.exhibits, self.decision, self.measures, self.evidence),
        ):
            column = QVBoxLayout()
            for box in boxes:
                column.addWidget(box)
            column.addStretch(1)
            columns.addLayout(column, 1)
        self.setWidget(body)
        # The sections' fields by the names the tests use.
        p, r, e = self.parties, self.respondent, self.evidence
        self.complainant_label, self.agent_label = p.complainant_label, p.agent_label
        self.papers_label = p.papers_label
        self.rights_warning = self.rights.rights_warning
        self.respondent_name, self.respondent_booth = r.respondent_name, r.respondent_booth
        self.respondent_origin = r.respondent_origin
        self.exhibits_table = self.exhibits.exhibits_table
        self.measures_label = self.measures.measures_label
        self.evidence_list, self.evidence_empty = e.evidence_list, e.evidence_empty
        self.defence_label = self.decision.defence_label
        self.trigger_label = self.decision.trigger_label
        self.legal_basis_label = self.decision.legal_basis_label

    @property
    def parties_form(self) -> QFormLayout:
        return self.parties.form

    def show_detail(self, d: CaseDetail) -> None:
        zone = ZoneInfo(d.fair_timezone)
        kind = d.complaint.kind
        self.parties.show_kind(kind)
        self.decision.show_kind(kind)
        self.parties.show_detail(d)
        self.rights.show_detail(d, zone)
        self.respondent.show_detail(d)
        self.exhibits.show_detail(d)
        self.measures.show_detail(d, zone)
        self.evidence.show_detail(d, zone)
        self.decision.show_detail(d, zone)
