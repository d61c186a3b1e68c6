"""The complaint form's first sections: the kind of complaint, the complainant and the agent.

Each section owns its fields and says what they hold as the intake service's input
(`PartyInput`); the form composes them. Their words are the form's ("ComplaintForm"
context), so the Chinese translation follows them here unchanged.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from fairdesk.services.intake.intake import PartyInput
from fairdesk.services.intake.lookup import PartyHit
from fairdesk.ui.common.combo_search import make_searchable
from fairdesk.ui.common.named import named
from fairdesk.ui.intake.complaint_widgets import Field, LookupEdit

DISPUTE_TYPES = (
    ("contract", str(QT_TRANSLATE_NOOP("ComplaintForm", "Contract 合同"))),
    ("payment", str(QT_TRANSLATE_NOOP("ComplaintForm", "Payment 货款"))),
    ("service", str(QT_TRANSLATE_NOOP("ComplaintForm", "Service 服务"))),
    ("other", str(QT_TRANSLATE_NOOP("ComplaintForm", "Other 其他"))),
)
ID_DOCUMENTS = (
    "营业执照 Business licence",
    "身份证 ID card",
    "护照 Passport",
    "商业登记证 Company registration",
)
Search = Callable[[str], list[PartyHit]]


def _tr(text: str) -> str:
    return QCoreApplication.translate("ComplaintForm", text)


def describe_party(hit: PartyHit) -> tuple[str, str]:
    parts = [hit.name, hit.name_en, hit.id_doc_no, hit.country]
    return "  ·  ".join(p for p in parts if p), hit.name


def line(name: str, accessible: str, placeholder: str = "") -> QLineEdit:
    edit = named(QLineEdit(), name)
    edit.setAccessibleName(accessible)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


def grid(box: QGroupBox, rows: list[list[tuple[str, QWidget]]]) -> QGridLayout:
    """Label/field pairs, two to a row; each field with its error line."""
    layout = QGridLayout(box)
    layout.setColumnStretch(1, 1)
    layout.setColumnStretch(3, 1)
    for r, pairs in enumerate(rows):
        for c, (text, widget) in enumerate(pairs):
            label = QLabel(text)
            label.setBuddy(widget)
            label.setContentsMargins(0, 4, 0, 0)  # level with the field's text
            wrapped: QWidget = Field(widget) if not isinstance(widget, Field) else widget
            layout.addWidget(label, r, 2 * c, Qt.AlignmentFlag.AlignTop)
            layout.addWidget(wrapped, r, 2 * c + 1)
            if not widget.accessibleName():
                widget.setAccessibleName(text.replace("&", "").rstrip(":"))
    return layout


class KindSection(QGroupBox):
    """IP infringement or commercial dispute; a dispute names what it is about."""

    def __init__(self) -> None:
        super().__init__(_tr("Kind"))
        self.setObjectName("kind_section")
        self.kind_ip = named(
            QRadioButton(_tr("IP infringement complaint (知识产权侵权投诉)")), "kind_ip"
        )
        self.kind_commercial = named(
            QRadioButton(_tr("Co&mmercial dispute (商事纠纷): contract, payment, service")),
            "kind_commercial",
        )
        self.kind_ip.setChecked(True)
        self.kind_group = QButtonGroup(self)
        self.kind_group.addButton(self.kind_ip)
        self.kind_group.addButton(self.kind_commercial)
        self.dispute_type = named(QComboBox(), "dispute_type")
        for code, text in DISPUTE_TYPES:
            self.dispute_type.addItem(_tr(text), code)
        make_searchable(self.dispute_type, [text for _code, text in DISPUTE_TYPES])
        self.dispute_type.setAccessibleName(_tr("Type of commercial dispute"))
        self.dispute_label = QLabel(_tr("Dispute about:"))
        self.dispute_label.setBuddy(self.dispute_type)
        layout = QHBoxLayout(self)
        layout.addWidget(self.kind_ip)
        layout.addWidget(self.kind_commercial)
        layout.addSpacing(12)
        layout.addWidget(self.dispute_label)
        layout.addWidget(self.dispute_type)
        layout.addStretch(1)

    def is_ip(self) -> bool:
        return self.kind_ip.isChecked()

    def show_kind(self) -> None:
        """Only a commercial dispute asks what it is about."""
        self.dispute_type.setVisible(not self.is_ip())
        self.dispute_label.setVisible(not self.is_ip())

    def dispute(self) -> str:
        return "" if self.is_ip() else str(self.dispute_type.currentData())

    def focus_chain(self) -> list[QWidget]:
        return [self.kind_ip, self.kind_commercial, self.dispute_type]


class ComplainantSection(QGroupBox):
    """Who complains: picked from those seen before, or typed new."""

    def __init__(self, search: Search) -> None:
        super().__init__(_tr("Complainant"))
        self.setObjectName("complainant_section")
        self.complainant_name = LookupEdit(search, describe_party, object_name="complainant_name")
        self.complainant_name.setAccessibleName(_tr("Complainant name"))
        self.complainant_name.setPlaceholderText(
            _tr("Type to find a complainant seen before, or a new name")
        )
        self.complainant_name_en = line("complainant_name_en", _tr("Complainant name in English"))
        self.complainant_kind = named(QComboBox(), "complainant_kind")
        self.complainant_kind.addItem(_tr("Company 企业"), "company")
        self.complainant_kind.addItem(_tr("Person 个人"), "person")
        make_searchable(self.complainant_kind, ["Company 企业 公司", "Person 个人"])
        self.complainant_id_type = named(QComboBox(), "complainant_id_type")
        self.complainant_id_type.setEditable(True)
        self.complainant_id_type.addItems(ID_DOCUMENTS)
        self.complainant_id_type.setCurrentIndex(0)
        make_searchable(self.complainant_id_type, free_text=True)
        self.complainant_id_no = line("complainant_id_no", _tr("Identity document number"))
        self.complainant_country = line(
            "complainant_country", _tr("Complainant country or region"), _tr("e.g. 中国 / Germany")
        )
        self.complainant_contact = line("complainant_contact", _tr("Contact person"))
        self.complainant_phone = line("complainant_phone", _tr("Complainant phone"))
        self.complainant_email = line("complainant_email", _tr("Complainant email"))
        self.complainant_address = line("complainant_address", _tr("Complainant address"))
        grid(
            self,
            [
                [(_tr("&Complainant:"), self.complainant_name),
                 (_tr("English name:"), self.complainant_name_en)],
                [(_tr("Person or company:"), self.complainant_kind),
                 (_tr("Country/region:"), self.complainant_country)],
                [(_tr("ID document:"), self.complainant_id_type),
                 (_tr("Document no.:"), self.complainant_id_no)],
                [(_tr("Contact person:"), self.complainant_contact),
                 (_tr("Phone:"), self.complainant_phone)],
                [(_tr("Email:"), self.complainant_email),
                 (_tr("Address:"), self.complainant_address)],
            ],
        )  # fmt: skip

    def fill(self, hit: PartyHit) -> None:
        """A complainant seen before: the rest of their details as last given."""
        self.complainant_name_en.setText(hit.name_en)
        self.complainant_kind.setCurrentIndex(max(0, self.complainant_kind.findData(hit.kind)))
        if hit.id_doc_type:
            self.complainant_id_type.setCurrentText(hit.id_doc_type)
        self.complainant_id_no.setText(hit.id_doc_no)
        self.complainant_country.setText(hit.country)
        self.complainant_contact.setText(hit.contact)
        self.complainant_phone.setText(hit.phone)
        self.complainant_email.setText(hit.email)
        self.complainant_address.setText(hit.address)

    def name(self) -> str:
        return self.complainant_name.text()

    def value(self) -> PartyInput:
        return PartyInput(
            name=self.complainant_name.text(),
            name_en=self.complainant_name_en.text(),
            kind=str(self.complainant_kind.currentData()),
            id_doc_type=self.complainant_id_type.currentText(),
            id_doc_no=self.complainant_id_no.text(),
            country=self.complainant_country.text(),
            address=self.complainant_address.text(),
            contact=self.complainant_contact.text(),
            phone=self.complainant_phone.text(),
            email=self.complainant_email.text(),
        )

    def focus_chain(self) -> list[QWidget]:
        return [
            self.complainant_name,
            self.complainant_name_en,
            self.complainant_kind,
            self.complainant_country,
            self.complainant_id_type,
            self.complainant_id_no,
            self.complainant_contact,
            self.complainant_phone,
            self.complainant_email,
            self.complainant_address,
        ]


class AgentSection(QGroupBox):
    """Who files for the complainant, if anyone, and whether their power of attorney is in."""

    def __init__(self, search: Search) -> None:
        super().__init__(_tr("Agent (only when someone files for the complainant)"))
        self.setObjectName("agent_section")
        self.agent_name = LookupEdit(search, describe_party, object_name="agent_name")
        self.agent_name.setAccessibleName(_tr("Agent name"))
        self.agent_name.setPlaceholderText(_tr("Law firm or agent; leave empty if none"))
        self.agent_name_en = line("agent_name_en", _tr("Agent name in English"))
        self.agent_id_no = line("agent_id_no", _tr("Agent's document number"))
        self.agent_phone = line("agent_phone", _tr("Agent phone"))
        self.power_of_attorney = named(
            QCheckBox(_tr("Power of attorney received (授权委托书)")), "power_of_attorney"
        )
        self.power_of_attorney.setAccessibleName(_tr("Power of attorney received"))
        layout = grid(
            self,
            [
                [(_tr("A&gent:"), self.agent_name),
                 (_tr("English name:"), self.agent_name_en)],
                [(_tr("Document no.:"), self.agent_id_no),
                 (_tr("Phone:"), self.agent_phone)],
            ],
        )  # fmt: skip
        layout.addWidget(Field(self.power_of_attorney), 2, 1, 1, 3)

    def fill(self, hit: PartyHit) -> None:
        self.agent_name_en.setText(hit.name_en)
        self.agent_id_no.setText(hit.id_doc_no)
        self.agent_phone.setText(hit.phone)

    def has_agent(self) -> bool:
        return bool(self.agent_name.text().strip())

    def details_without_name(self) -> bool:
        """Details typed for an agent who has no name: neither saved nor dropped silently."""
        details = (self.agent_name_en, self.agent_id_no, self.agent_phone)
        return not self.has_agent() and any(e.text().strip() for e in details)

    def power_received(self) -> bool:
        return self.has_agent() and self.power_of_attorney.isChecked()

    def value(self) -> PartyInput | None:
        if not self.has_agent():
            return None
        return PartyInput(
            name=self.agent_name.text(),
            name_en=self.agent_name_en.text(),
            id_doc_no=self.agent_id_no.text(),
            phone=self.agent_phone.text(),
        )

    def focus_chain(self) -> list[QWidget]:
        return [
            self.agent_name,
            self.agent_name_en,
            self.agent_id_no,
            self.agent_phone,
            self.power_of_attorney,
        ]
