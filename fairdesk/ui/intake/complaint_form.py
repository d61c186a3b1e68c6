"""The "New complaint" form: register a complaint at the desk, from the keyboard, in about
a minute.

    form = ComplaintForm(ctx, fair_code, parent)
    if form.exec():
        form.registered     # intake.Registered: complaint number and case numbers
        form.action_taken   # "draft" | "accepted" | "supplement" | "rejected"
        form.outcome        # one line for the status bar

Sections, top to bottom (the Tab order): kind, complainant, agent, rights, respondents
with their exhibits, materials checklist, commitment, summary. Save draft, Accept, Ask
for supplements and Reject save through `intake.register_and_step`: registering and the
step are one transaction, so a refused step saves nothing. What stops acceptance is the
domain's one acceptance rule (`fairdesk.domain.acceptance`), asked of the form's content.
Ctrl+Enter accepts when the rule finds nothing missing, else saves a draft; the line above
the buttons says which it will do.

Checks run in accept(): each problem is shown under its field and in the list at the top,
and the first bad field gets the focus; nothing typed is lost. A service error (e.g. the
database is locked) is shown as a message and the form keeps its content.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fairdesk.domain import acceptance, materials, workflow
from fairdesk.domain.enums import Channel, ComplaintKind, ComplaintState, RejectReason
from fairdesk.domain.errors import FairDeskError
from fairdesk.domain.permissions import Permission
from fairdesk.domain.vocabulary import CASE_STATES, COMPLAINT_STATES, REJECT_REASONS
from fairdesk.domain.workflow import Refusal
from fairdesk.i18n import error_text, format_date
from fairdesk.services.context import Context
from fairdesk.services.fair import fairs
from fairdesk.services.inspection import evidence
from fairdesk.services.intake.intake import (
    ComplaintInput,
    PartyInput,
    Registered,
    register_and_step,
)
from fairdesk.services.intake.lookup import (
    PartyHit,
    PriorComplaint,
    prior_complaints,
    search_parties,
    supplement_deadline,
)
from fairdesk.ui.common.case_labels import in_sentence, word
from fairdesk.ui.common.combo_search import make_searchable
from fairdesk.ui.intake.complaint_respondents import RespondentsSection
from fairdesk.ui.intake.complaint_rights import RightsSection
from fairdesk.ui.intake.complaint_steps import RejectDialog, SupplementDialog
from fairdesk.ui.intake.complaint_widgets import ERROR_COLOUR, Field, LookupEdit

# What the buttons do: (the workflow step after registering, the word in action_taken).
STEPS = {
    "draft": ("", "draft"),
    "accept": ("accept", "accepted"),
    "supplement": ("request_supplement", "supplement"),
    "reject": ("reject", "rejected"),
}
DISPUTE_TYPES = (
    ("contract", QT_TRANSLATE_NOOP("ComplaintForm", "Contract 合同")),
    ("payment", QT_TRANSLATE_NOOP("ComplaintForm", "Payment 货款")),
    ("service", QT_TRANSLATE_NOOP("ComplaintForm", "Service 服务")),
    ("other", QT_TRANSLATE_NOOP("ComplaintForm", "Other 其他")),
)
ID_DOCUMENTS = (
    "营业执照 Business licence",
    "身份证 ID card",
    "护照 Passport",
    "商业登记证 Company registration",
)
COMMITMENT_ITEM = "投诉人签署的承诺书 / The complainant's signed commitment"
DUPLICATE_DELAY_MS = 300
HINT_DELAY_MS = 150
Problem = tuple[QWidget, str, str]  # the field, what is wrong, the section it is in

STYLE = f"""
QLineEdit[invalid="true"], QComboBox[invalid="true"], QPlainTextEdit[invalid="true"] {{
    border: 2px solid {ERROR_COLOUR};
}}
QCheckBox[invalid="true"] {{ color: {ERROR_COLOUR}; font-weight: bold; }}
QLabel#error_summary {{
    background: #fdecee; border: 1px solid {ERROR_COLOUR}; padding: 6px; color: #5f0010;
}}
QLabel#duplicate_banner {{
    background: #fff4d6; border: 1px solid #c98a00; padding: 6px; color: #4a3300;
}}
QLabel#outcome_banner {{
    background: #e8f0fe; border: 1px solid #3366cc; padding: 6px; color: #102a5c;
}}
"""


def describe_party(hit: PartyHit) -> tuple[str, str]:
    parts = [hit.name, hit.name_en, hit.id_doc_no, hit.country]
    return "  ·  ".join(p for p in parts if p), hit.name


def _form_tr(text: str) -> str:
    return QCoreApplication.translate("ComplaintForm", text)


def outcome_text(word: str, number: str, cases: Sequence[str]) -> str:
    """What saving did, as the status bar says it: "case … is", "cases … are"."""
    one = len(cases) == 1
    texts = {
        "draft": _form_tr("Complaint {0} saved as a draft (case {1}).")
        if one
        else _form_tr("Complaint {0} saved as a draft (cases {1})."),
        "accepted": _form_tr("Complaint {0} accepted: case {1} is to be notified.")
        if one
        else _form_tr("Complaint {0} accepted: cases {1} are to be notified."),
        "supplement": _form_tr("Complaint {0} saved; the complainant is asked to supplement."),
        "rejected": _form_tr("Complaint {0} not accepted (rejected)."),
    }
    return texts[word].format(number, ", ".join(cases))


def field_of(widget: QWidget) -> Field | None:
    parent = widget.parentWidget()
    return parent if isinstance(parent, Field) else None


class ComplaintForm(QDialog):
    def __init__(self, ctx: Context, fair_code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Refused before anything is typed (PermissionDenied), not when saving.
        ctx.require(Permission.REGISTER_COMPLAINT)
        self.ctx = ctx
        self.fair_code = fair_code
        self.fair = fairs.get_fair(ctx, fair_code)
        self.zone = ZoneInfo(self.fair.timezone)
        self.today: date = ctx.now().astimezone(self.zone).date()
        self.registered: Registered | None = None
        self.action_taken: str | None = None
        self.outcome = ""
        self.prior: list[PriorComplaint] = []
        self._prior_shown: set[str] = set()
        self.problem_lines: list[str] = []
        self._shown: list[Problem] = []  # the problems on screen, to drop each when fixed
        self._shown_heading = ""
        self.message_box: QMessageBox | None = None
        self.step_dialog: QDialog | None = None
        self._photo_problems: list[str] = []
        self._action = "draft"
        self._step_params: dict[str, Any] = {}
        self._step_reason = ""
        self._dirty = False
        self._saved = False
        self._discard = False
        self._material_boxes: dict[str, QCheckBox] = {}
        self._ticks: dict[str, bool] = {}
        self._checklist_keys: tuple[str, ...] = ()

        self.setObjectName("complaint_form")
        self.setWindowTitle(
            self.tr("New complaint — {0} ({1})").format(self.fair.name, self.fair.code)
        )
        self.setStyleSheet(STYLE)
        self._build()
        self._connect()
        self._rebuild_materials()
        self._update_hint()
        self.resize(1040, 860)
        self.complainant_name.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- building --------------------------------------------------------------------------
    def _line(self, name: str, accessible: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(objectName=name)
        edit.setAccessibleName(accessible)
        if placeholder:
            edit.setPlaceholderText(placeholder)
        return edit

    def _grid(self, box: QGroupBox, rows: list[list[tuple[str, QWidget]]]) -> QGridLayout:
        """Label/field pairs, two to a row; each field with its error line."""
        grid = QGridLayout(box)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        for r, pairs in enumerate(rows):
            for c, (text, widget) in enumerate(pairs):
                label = QLabel(text)
                label.setBuddy(widget)
                label.setContentsMargins(0, 4, 0, 0)  # level with the field's text
                wrapped: QWidget = Field(widget) if not isinstance(widget, Field) else widget
                grid.addWidget(label, r, 2 * c, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(wrapped, r, 2 * c + 1)
                if not widget.accessibleName():
                    widget.setAccessibleName(text.replace("&", "").rstrip(":"))
        return grid

    def _build(self) -> None:
        # Banners above the scrolling sections, so they are seen whatever is scrolled.
        self.error_summary = QLabel(objectName="error_summary")
        self.error_summary.setWordWrap(True)
        self.error_summary.setTextFormat(Qt.TextFormat.PlainText)
        self.error_summary.setAccessibleName(self.tr("Problems to correct"))
        self.error_summary.hide()
        self.duplicate_banner = QLabel(objectName="duplicate_banner")
        self.duplicate_banner.setWordWrap(True)
        self.duplicate_banner.setTextFormat(Qt.TextFormat.PlainText)
        self.duplicate_banner.setAccessibleName(self.tr("Possible repeat complaint"))
        self.duplicate_banner.hide()
        self.outcome_banner = QLabel(objectName="outcome_banner")
        self.outcome_banner.setWordWrap(True)
        self.outcome_banner.setTextFormat(Qt.TextFormat.PlainText)
        self.outcome_banner.hide()

        # Kind
        self.kind_box = QGroupBox(self.tr("Kind"), objectName="kind_section")
        self.kind_ip = QRadioButton(
            self.tr("IP infringement complaint (知识产权侵权投诉)"), objectName="kind_ip"
        )
        self.kind_commercial = QRadioButton(
            self.tr("Co&mmercial dispute (商事纠纷): contract, payment, service"),
            objectName="kind_commercial",
        )
        self.kind_ip.setChecked(True)
        self.kind_group = QButtonGroup(self)
        self.kind_group.addButton(self.kind_ip)
        self.kind_group.addButton(self.kind_commercial)
        self.dispute_type = QComboBox(objectName="dispute_type")
        for code, text in DISPUTE_TYPES:
            self.dispute_type.addItem(self.tr(text), code)
        make_searchable(self.dispute_type, [text for _code, text in DISPUTE_TYPES])
        self.dispute_type.setAccessibleName(self.tr("Type of commercial dispute"))
        self.dispute_label = QLabel(self.tr("Dispute about:"))
        self.dispute_label.setBuddy(self.dispute_type)
        kind_layout = QHBoxLayout(self.kind_box)
        kind_layout.addWidget(self.kind_ip)
        kind_layout.addWidget(self.kind_commercial)
        kind_layout.addSpacing(12)
        kind_layout.addWidget(self.dispute_label)
        kind_layout.addWidget(self.dispute_type)
        kind_layout.addStretch(1)

        # Complainant
        self.complainant_box = QGroupBox(self.tr("Complainant"), objectName="complainant_section")
        self.complainant_name = LookupEdit(
            lambda text: search_parties(self.ctx, text),
            describe_party,
            object_name="complainant_name",
        )
        self.complainant_name.setAccessibleName(self.tr("Complainant name"))
        self.complainant_name.setPlaceholderText(
            self.tr("Type to find a complainant seen before, or a new name")
        )
        self.complainant_name_en = self._line(
            "complainant_name_en", self.tr("Complainant name in English")
        )
        self.complainant_kind = QComboBox(objectName="complainant_kind")
        self.complainant_kind.addItem(self.tr("Company 企业"), "company")
        self.complainant_kind.addItem(self.tr("Person 个人"), "person")
        make_searchable(self.complainant_kind, ["Company 企业 公司", "Person 个人"])
        self.complainant_id_type = QComboBox(objectName="complainant_id_type")
        self.complainant_id_type.setEditable(True)
        self.complainant_id_type.addItems(ID_DOCUMENTS)
        self.complainant_id_type.setCurrentIndex(0)
        make_searchable(self.complainant_id_type, free_text=True)
        self.complainant_id_no = self._line(
            "complainant_id_no", self.tr("Identity document number")
        )
        self.complainant_country = self._line(
            "complainant_country",
            self.tr("Complainant country or region"),
            self.tr("e.g. 中国 / Germany"),
        )
        self.complainant_contact = self._line("complainant_contact", self.tr("Contact person"))
        self.complainant_phone = self._line("complainant_phone", self.tr("Complainant phone"))
        self.complainant_email = self._line("complainant_email", self.tr("Complainant email"))
        self.complainant_address = self._line("complainant_address", self.tr("Complainant address"))
        self._grid(
            self.complainant_box,
            [
                [(self.tr("&Complainant:"), self.complainant_name),
                 (self.tr("English name:"), self.complainant_name_en)],
                [(self.tr("Person or company:"), self.complainant_kind),
                 (self.tr("Country/region:"), self.complainant_country)],
                [(self.tr("ID document:"), self.complainant_id_type),
                 (self.tr("Document no.:"), self.complainant_id_no)],
                [(self.tr("Contact person:"), self.complainant_contact),
                 (self.tr("Phone:"), self.complainant_phone)],
                [(self.tr("Email:"), self.complainant_email),
                 (self.tr("Address:"), self.complainant_address)],
            ],
        )  # fmt: skip

        # Agent
        self.agent_box = QGroupBox(
            self.tr("Agent (only when someone files for the complainant)"),
            objectName="agent_section",
        )
        self.agent_name = LookupEdit(
            lambda text: search_parties(self.ctx, text), describe_party, object_name="agent_name"
        )
        self.agent_name.setAccessibleName(self.tr("Agent name"))
        self.agent_name.setPlaceholderText(self.tr("Law firm or agent; leave empty if none"))
        self.agent_name_en = self._line("agent_name_en", self.tr("Agent name in English"))
        self.agent_id_no = self._line("agent_id_no", self.tr("Agent's document number"))
        self.agent_phone = self._line("agent_phone", self.tr("Agent phone"))
        self.power_of_attorney = QCheckBox(
            self.tr("Power of attorney received (授权委托书)"), objectName="power_of_attorney"
        )
        self.power_of_attorney.setAccessibleName(self.tr("Power of attorney received"))
        agent_grid = self._grid(
            self.agent_box,
            [
                [(self.tr("A&gent:"), self.agent_name),
                 (self.tr("English name:"), self.agent_name_en)],
                [(self.tr("Document no.:"), self.agent_id_no),
                 (self.tr("Phone:"), self.agent_phone)],
            ],
        )  # fmt: skip
        agent_grid.addWidget(Field(self.power_of_attorney), 2, 1, 1, 3)

        # Rights and respondents
        self.rights = RightsSection(self.ctx, self.today)
        self.respondents = RespondentsSection(self.ctx, self.fair_code)

        # Materials
        self.materials_box = QGroupBox(
            self.tr("Materials received (2006 Measures Art 8)"), objectName="materials_section"
        )
        self.materials_grid = QGridLayout()
        self.all_materials = QPushButton(self.tr("A&ll received"), objectName="all_materials")
        self.all_materials.setToolTip(self.tr("Tick every item of the checklist"))
        materials_note = QLabel(
            self.tr("What is not ticked is prefilled as missing when you ask for supplements.")
        )
        materials_note.setWordWrap(True)
        materials_note.setStyleSheet("color: palette(mid);")
        materials_layout = QVBoxLayout(self.materials_box)
        materials_layout.addLayout(self.materials_grid)
        bottom = QHBoxLayout()
        bottom.addWidget(self.all_materials)
        bottom.addWidget(materials_note, 1)
        materials_layout.addLayout(bottom)

        # Commitment and summary
        self.commitment_box = QGroupBox(
            self.tr("Commitment (承诺书, 2006 Measures Art 10)"), objectName="commitment_section"
        )
        self.commitment = QCheckBox(
            self.tr(
                "Commi&tment signed: the complainant vouches for the complaint and is liable "
                "for a false one"
            ),
            objectName="commitment_signed",
        )
        self.commitment.setAccessibleName(self.tr("Commitment signed"))
        commitment_layout = QVBoxLayout(self.commitment_box)
        commitment_layout.addWidget(Field(self.commitment))
        self.summary_box = QGroupBox(self.tr("Summary"), objectName="summary_section")
        self.summary_edit = QPlainTextEdit(objectName="summary_edit")
        self.summary_edit.setTabChangesFocus(True)
        self.summary_edit.setAccessibleName(self.tr("Summary of facts and grounds"))
        self.summary_edit.setPlaceholderText(
            self.tr("What is infringed and how (e.g. same design on the chairs shown at the booth)")
        )
        self.summary_edit.setFixedHeight(70)
        summary_label = QLabel(self.tr("S&ummary of facts and grounds:"))
        summary_label.setBuddy(self.summary_edit)
        summary_layout = QVBoxLayout(self.summary_box)
        summary_layout.addWidget(summary_label)
        summary_layout.addWidget(self.summary_edit)

        content = QWidget(objectName="complaint_sections")
        sections = QVBoxLayout(content)
        for box in (
            self.kind_box,
            self.complainant_box,
            self.agent_box,
            self.rights,
            self.respondents,
            self.materials_box,
            self.commitment_box,
            self.summary_box,
        ):
            sections.addWidget(box)
        sections.addStretch(1)
        self.scroll = QScrollArea(objectName="complaint_scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.setWidget(content)

        # Buttons
        self.cancel_button = QPushButton(self.tr("Cancel"), objectName="cancel_button")
        self.draft_button = QPushButton(self.tr("Save &draft"), objectName="save_draft_button")
        self.draft_button.setToolTip(self.tr("Register the complaint without deciding (Ctrl+S)"))
        self.supplement_button = QPushButton(
            self.tr("Ask for &supplements…"), objectName="supplement_button"
        )
        self.reject_button = QPushButton(self.tr("Re&ject…"), objectName="reject_button")
        self.accept_button = QPushButton(self.tr("&Accept"), objectName="accept_button")
        self.close_button = QPushButton(self.tr("Close"), objectName="close_button")
        self.close_button.hide()
        self.hint = QLabel(objectName="ctrl_enter_hint")
        self.hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        for button in (
            self.draft_button,
            self.supplement_button,
            self.reject_button,
            self.accept_button,
            self.close_button,
        ):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.error_summary)
        layout.addWidget(self.duplicate_banner)
        layout.addWidget(self.outcome_banner)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        self._no_auto_default()
        self._kind_changed()

    def _no_auto_default(self) -> None:
        # Enter in a field must never save the complaint; Ctrl+Enter does (see keyPressEvent).
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

    def _connect(self) -> None:
        self._duplicate_timer = QTimer(self, singleShot=True, interval=DUPLICATE_DELAY_MS)
        self._duplicate_timer.timeout.connect(self.check_duplicates)
        self._hint_timer = QTimer(self, singleShot=True, interval=HINT_DELAY_MS)
        self._hint_timer.timeout.connect(self._update_hint)

        self.kind_ip.toggled.connect(self._kind_changed)
        self.complainant_name.picked.connect(self._complainant_picked)
        self.complainant_name.editingFinished.connect(self._duplicate_timer.start)
        self.agent_name.picked.connect(self._agent_picked)
        self.agent_name.textChanged.connect(self._agent_changed)
        self.power_of_attorney.toggled.connect(self._poa_toggled)
        self.rights.types_changed.connect(self._rebuild_materials)
        self.rights.changed.connect(self._duplicate_timer.start)
        self.rights.structure_changed.connect(self._structure_changed)
        self.respondents.resolved.connect(self._duplicate_timer.start)
        self.respondents.structure_changed.connect(self._structure_changed)
        self.respondents.added.connect(self.bring_into_view)
        self.rights.added.connect(self.bring_into_view)
        self.all_materials.clicked.connect(self._tick_all)
        self.commitment.toggled.connect(self._commitment_toggled)

        for widget in self.findChildren(QLineEdit):
            widget.textEdited.connect(self._changed)
        for widget in self.findChildren(QComboBox):
            widget.currentIndexChanged.connect(self._changed)
        for widget in self.findChildren(QCheckBox):
            widget.toggled.connect(self._changed)
        self.summary_edit.textChanged.connect(self._changed)
        self.rights.changed.connect(self._changed)
        self.respondents.changed.connect(self._changed)

        self.cancel_button.clicked.connect(self.reject)
        self.draft_button.clicked.connect(lambda: self.request("draft"))
        self.accept_button.clicked.connect(lambda: self.request("accept"))
        self.supplement_button.clicked.connect(self.ask_for_supplements)
        self.reject_button.clicked.connect(self.ask_to_reject)
        self.close_button.clicked.connect(self._close_saved)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.save_default)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=lambda: self.request("draft"))

    def _structure_changed(self) -> None:
        self._no_auto_default()
        self._rebuild_materials()

    def bring_into_view(self, widget: QWidget) -> None:
        """A row just added is scrolled to and its first field focused: it is typed in next."""
        # The new row has no place yet until the pending layout requests are done.
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self.scroll.ensureWidgetVisible(widget, 40, 80)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- keyboard --------------------------------------------------------------------------
    def focus_chain(self) -> list[QWidget]:
        """Every focusable field and button, top to bottom: the Tab order."""
        chain: list[QWidget] = [self.kind_ip, self.kind_commercial, self.dispute_type]
        chain += [
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
            self.agent_name,
            self.agent_name_en,
            self.agent_id_no,
            self.agent_phone,
            self.power_of_attorney,
        ]
        chain += self.rights.focus_chain()
        chain += self.respondents.focus_chain()
        chain += list(self._material_boxes.values())
        chain += [self.all_materials, self.commitment, self.summary_edit]
        chain += [
            self.cancel_button,
            self.draft_button,
            self.supplement_button,
            self.reject_button,
            self.accept_button,
            self.close_button,
        ]
        return chain

    def can_take_tab(self, widget: QWidget) -> bool:
        if isinstance(widget, QRadioButton) and not widget.isChecked():
            return False  # Tab enters a group of options at the chosen one; arrows move in it
        return (
            widget.isVisibleTo(self)
            and widget.isEnabled()
            and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        )

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802
        """Tab and Shift+Tab follow focus_chain(), rows added later included in place.

        Qt's own chain is kept by creation order and cannot splice widgets that carry a
        completion popup reliably, so the form walks its own list.
        """
        current = QApplication.focusWidget()
        chain = self.focus_chain()
        position = next_index = -1
        for i, widget in enumerate(chain):
            if current is not None and (widget is current or widget.isAncestorOf(current)):
                position = i
                break
        if position < 0:
            return super().focusNextPrevChild(next)
        step = 1 if next else -1
        for k in range(1, len(chain) + 1):
            candidate = chain[(position + step * k) % len(chain)]
            if self.can_take_tab(candidate):
                next_index = (position + step * k) % len(chain)
                break
        if next_index < 0:
            return False
        target = chain[next_index]
        reason = Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason
        target.setFocus(reason)
        if self.scroll.widget().isAncestorOf(target):
            self.scroll.ensureWidgetVisible(target, 40, 40)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            # Enter presses the focused button; in a field it does nothing (no accidental save).
            focused = QApplication.focusWidget()
            if isinstance(focused, QPushButton) and focused.isEnabled():
                focused.click()
            event.accept()
            return
        super().keyPressEvent(event)

    # -- reacting to input --------------------------------------------------------------------
    def _changed(self, *_: Any) -> None:
        self._dirty = True
        self._hint_timer.start()

    def is_ip(self) -> bool:
        return self.kind_ip.isChecked()

    def _kind_changed(self) -> None:
        ip = self.is_ip()
        self.rights.setVisible(ip)
        self.materials_box.setVisible(ip)
        self.dispute_type.setVisible(not ip)
        self.dispute_label.setVisible(not ip)
        if hasattr(self, "_duplicate_timer"):
            self._duplicate_timer.start()
            self._changed()

    def _complainant_picked(self, hit: PartyHit) -> None:
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
        self._duplicate_timer.start()
        self._changed()

    def _agent_picked(self, hit: PartyHit) -> None:
        self.agent_name_en.setText(hit.name_en)
        self.agent_id_no.setText(hit.id_doc_no)
        self.agent_phone.setText(hit.phone)
        self._changed()

    def has_agent(self) -> bool:
        return bool(self.agent_name.text().strip())

    def _agent_changed(self) -> None:
        self.power_of_attorney.setEnabled(self.has_agent())
        if self.has_agent() != (materials.POWER_OF_ATTORNEY.key in self._checklist_keys):
            self._rebuild_materials()

    def _poa_toggled(self, on: bool) -> None:
        self._ticks[materials.POWER_OF_ATTORNEY.key] = on
        box = self._material_boxes.get(materials.POWER_OF_ATTORNEY.key)
        if box is not None and box.isChecked() != on:
            box.setChecked(on)
        if on:
            self._clear_field_error(self.power_of_attorney)

    def _commitment_toggled(self, on: bool) -> None:
        if on:
            self._clear_field_error(self.commitment)

    def _clear_field_error(self, widget: QWidget) -> None:
        field = field_of(widget)
        if field is not None:
            field.clear_error()

    # -- materials checklist ----------------------------------------------------------------
    def checklist(self) -> tuple[materials.Material, ...]:
        if not self.is_ip():
            return ()
        return materials.checklist(
            self.rights.ip_types(), agent=self.has_agent(), licences=self.rights.licences()
        )

    def _rebuild_materials(self) -> None:
        items = materials.checklist(
            self.rights.ip_types(), agent=self.has_agent(), licences=self.rights.licences()
        )
        keys = tuple(m.key for m in items)
        if keys == self._checklist_keys:
            return
        self._checklist_keys = keys
        for box in self._material_boxes.values():
            self.materials_grid.removeWidget(box.parentWidget())
            box.parentWidget().hide()
            box.parentWidget().deleteLater()
        self._material_boxes = {}
        for i, item in enumerate(items):
            box = QCheckBox(item.label, objectName=f"material_{item.key}")
            box.setAccessibleName(item.en)
            box.setToolTip(item.basis)
            box.setChecked(self._ticks.get(item.key, False))
            box.toggled.connect(lambda on, key=item.key: self._ticked(key, on))
            box.toggled.connect(self._changed)
            self.materials_grid.addWidget(Field(box), i, 0)
            self._material_boxes[item.key] = box
        if hasattr(self, "_hint_timer"):
            self._hint_timer.start()

    def material_boxes(self) -> dict[str, QCheckBox]:
        """The checklist's boxes by material key, in the order shown."""
        return dict(self._material_boxes)

    def _ticked(self, key: str, on: bool) -> None:
        self._ticks[key] = on
        self._changed()
        if key == materials.POWER_OF_ATTORNEY.key and self.power_of_attorney.isChecked() != on:
            self.power_of_attorney.setChecked(on)
        if on:
            for box in self._material_boxes.values():
                self._clear_field_error(box)

    def _tick_all(self) -> None:
        for box in self._material_boxes.values():
            box.setChecked(True)

    def ticks(self) -> dict[str, bool]:
        items = self.checklist()
        return materials.ticks_of(items, [k for k, on in self._ticks.items() if on])

    def missing_materials(self) -> list[materials.Material]:
        return materials.missing(self.checklist(), self.ticks())

    # -- duplicate warning (Canton Fair rule) -----------------------------------------------------
    def check_duplicates(self) -> None:
        name = self.complainant_name.text().strip()
        numbers = self.rights.numbers() if self.is_ip() else []
        ids = self.respondents.exhibitor_ids()
        found: list[PriorComplaint] = []
        if name and ids and (numbers or not self.is_ip()):
            try:
                found = prior_complaints(self.ctx, self.fair_code, name, numbers, ids)
            except FairDeskError:
                found = []  # a warning only: never in the way of registering
        self.prior = found
        self._prior_shown = {p.number for p in found}
        self.duplicate_banner.setText(self._duplicate_text(found))
        self.duplicate_banner.setVisible(bool(found))

    def _repeat_newly_found(self) -> bool:
        """Check for a repeat now (the timed check may not have run yet); True when it finds
        one the desk has not been shown: the save waits for one more press, after the
        warning is on screen. Never more than that: the desk decides."""
        self._duplicate_timer.stop()
        shown = set(self._prior_shown) if self.duplicate_banner.isVisible() else set()
        self.check_duplicates()
        return bool(self._prior_shown - shown)

    def _duplicate_text(self, found: list[PriorComplaint]) -> str:
        if not found:
            return ""
        lines = [
            self.tr(
                "⚠ Possible repeat complaint: the same complainant, right and respondent "
                "were handled before. The desk decides; this does not block registering."
            )
        ]
        for prior in found:
            when = format_date(prior.received_at.astimezone(self.zone).date())
            outcome = in_sentence(word(COMPLAINT_STATES, prior.state))
            if prior.reject_reason:
                outcome += f" ({in_sentence(word(REJECT_REASONS, prior.reject_reason))})"
            cases = "; ".join(
                f"{c.number} {c.exhibitor}: {in_sentence(word(CASE_STATES, c.state))}"
                for c in prior.cases
            )
            where = (
                self.tr("this fair")
                if prior.same_fair
                else f"{prior.fair_name} ({prior.fair_code})"
            )
            rights = ", ".join(prior.rights)
            lines.append(
                "• "
                + self.tr("{0} at {1}, received {2}{3}: complaint {4}; {5}.").format(
                    prior.number,
                    where,
                    when,
                    self.tr(", right {0}").format(rights) if rights else "",
                    outcome,
                    cases,
                )
            )
        if any(not p.same_fair for p in found):
            lines.append(
                self.tr(
                    "Canton Fair rule: a complaint already handled at an earlier edition is not "
                    "accepted without proof of legal follow-up (reason: repeat without follow-up)."
                )
            )
        return "\n".join(lines)

    # -- completeness and Ctrl+Enter -----------------------------------------------------------
    def complaint_facts(self) -> acceptance.ComplaintFacts:
        """What is on screen, as the acceptance rule reads a complaint (no database)."""
        rows = [r for r in self.respondents.rows if not r.is_blank()]
        ip = self.is_ip()
        return acceptance.ComplaintFacts(
            kind=ComplaintKind.IP if ip else ComplaintKind.COMMERCIAL,
            complainant=self.complainant_name.text(),
            respondents=len(rows),
            unresolved_respondents=sum(1 for r in rows if r.exhibitor is None),
            agent=self.has_agent(),
            power_of_attorney=self.has_agent() and self.power_of_attorney.isChecked(),
            commitment_signed=self.commitment.isChecked(),
            materials=self.ticks() if ip else {},
            rights=[row.right_facts() for row in self.rights.named()] if ip else [],
        )

    def acceptance_problems(self) -> list[acceptance.AcceptanceProblem]:
        """The one acceptance rule (the service enforces the same), asked of the form."""
        return acceptance.acceptance_problems(self.complaint_facts(), self.today)

    def _area(self, field: str) -> str:
        """The first part of an acceptance problem's field: "rights.2.number" -> "rights"."""
        return field.split(".", 1)[0]

    def still_needed_to_accept(self) -> list[str]:
        """What acceptance still lacks, in short words, from the acceptance rule."""
        words = {
            "complainant": self.tr("complainant"),
            "rights": self.tr("a valid right"),
            "respondents": self.tr("respondent"),
            "materials": self.tr("materials"),
            "power_of_attorney": self.tr("power of attorney"),
            "commitment": self.tr("commitment"),
        }
        needed: list[str] = []
        for problem in self.acceptance_problems():
            word = words.get(self._area(problem.refusal.field), problem.refusal.field)
            if word not in needed:
                needed.append(word)
        return needed

    def default_action(self) -> str:
        return "draft" if self.still_needed_to_accept() else "accept"

    def _update_hint(self) -> None:
        self._drop_fixed_problems()
        needed = self.still_needed_to_accept()
        if needed:
            text = self.tr("Ctrl+Enter saves a draft; to accept, still needed: {0}.").format(
                ", ".join(needed)
            )
        else:
            text = self.tr("Ctrl+Enter accepts the complaint: everything needed is there.")
        self.hint.setText(text + "  " + self.tr("Ctrl+S saves a draft · Esc cancels."))

    def save_default(self) -> None:
        """Ctrl+Enter: accept when complete, else save a draft."""
        if self._saved:
            self._close_saved()
            return
        for row in self.respondents.rows:
            row.resolve_typed()
        self._update_hint()
        self.request(self.default_action())

    # -- validation -------------------------------------------------------------------------
    def problems(self, action: str, settle: bool = True) -> list[Problem]:
        """Everything that stops `action`, top to bottom: what saving needs at all (typing,
        the parties), then, to accept, the acceptance rule's problems, each under its
        field. Without `settle` the form is only read (see RespondentRow.problems)."""
        out: list[Problem] = []
        if not self.complainant_name.text().strip():
            out.append(
                (
                    self.complainant_name,
                    self.tr("Enter the complainant's name (person or company)."),
                    self.tr("Complainant"),
                )
            )
        agent_details = any(
            e.text().strip() for e in (self.agent_name_en, self.agent_id_no, self.agent_phone)
        )
        if not self.has_agent() and agent_details:
            out.append(
                (
                    self.agent_name,
                    self.tr("Give the agent's name, or clear the agent's details."),
                    self.tr("Agent"),
                )
            )
        if self.is_ip():
            out += self.rights.problems()
        out += self.respondents.problems(settle)
        problems = self.acceptance_problems()
        if self._step_waits_for(action, problems):
            # One message per field and section: the typing problem, when there is one.
            shown = {id(w) for w, _m, _where in out} | {where for _w, _m, where in out}
            for problem in problems:
                placed = self._placed(problem.refusal)
                if id(placed[0]) not in shown and placed[2] not in shown:
                    shown |= {id(placed[0]), placed[2]}
                    out.append(placed)
        return sorted(out, key=lambda p: self._height_of(p[0]))

    def _step_waits_for(self, action: str, problems: list[acceptance.AcceptanceProblem]) -> bool:
        """Whether the button's step is refused by the acceptance rule (the domain's step
        table knows which steps are guarded by it; the form does not name them)."""
        step = STEPS[action][0]
        if not step or not problems:
            return False
        refusals = tuple(p.refusal for p in problems)
        facts = workflow.Facts(
            entity=workflow.Entity.COMPLAINT,
            number="",
            state=ComplaintState.DRAFT,
            role=self.ctx.actor.role,
            now=self.ctx.now(),
            complaint_state=ComplaintState.DRAFT,
            acceptance=refusals,
        )
        refusal = workflow.evaluate(facts, step).refusal
        return any(refusal is r for r in refusals)

    def _height_of(self, widget: QWidget) -> int:
        """Where a field sits in the form, so problems read top to bottom."""
        content = self.scroll.widget()
        if not content.isAncestorOf(widget):
            return 1 << 30
        return widget.mapTo(content, QPoint(0, 0)).y()

    def _placed(self, refusal: Refusal) -> Problem:
        """An acceptance refusal under the widget its field names, with its section."""
        message = error_text(refusal.exception())
        parts = refusal.field.split(".")
        area = parts[0]
        if area == "rights":
            index = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 1
            named = self.rights.named() or self.rights.rows
            row = named[min(index, len(named)) - 1]
            return row.widget_for(parts[-1]), message, self.tr("Right {0}").format(index)
        if area == "materials" and len(parts) > 1 and parts[1] in self._material_boxes:
            return self._material_boxes[parts[1]], message, self.tr("Materials")
        if area == "respondents":
            rows = [r for r in self.respondents.rows if not r.is_blank()] or self.respondents.rows
            row = next((r for r in rows if r.exhibitor is None), rows[0])
            return row.search, message, self.tr("Respondent {0}").format(row.number)
        places: dict[str, tuple[QWidget, str]] = {
            "power_of_attorney": (self.power_of_attorney, self.tr("Agent")),
            "commitment": (self.commitment, self.tr("Commitment")),
        }
        widget, where = places.get(area, (self.complainant_name, self.tr("Complainant")))
        return widget, message, where

    def _clear_problems(self) -> None:
        for field in self.findChildren(Field):
            if field.error.isVisible() or field.input.property("invalid"):
                field.clear_error()
        self.problem_lines = []
        self._shown = []
        self.error_summary.hide()

    def _drop_fixed_problems(self) -> None:
        """A problem shown at saving goes as soon as its field is put right (the others
        stay until saving again: new ones are not raised while the desk types)."""
        if not self._shown or self._shown_heading:
            return  # the service's refusals are judged by the service, at the next save
        now = self.problems(self._action, settle=False)
        now_ids = {id(w) for w, _m, _where in now}
        shown_ids = {id(w) for w, _m, _where in self._shown}
        moved = {where for w, _m, where in now if id(w) not in shown_ids}
        kept = [p for p in self._shown if id(p[0]) in now_ids or p[2] in moved]
        if len(kept) == len(self._shown):
            return
        for widget, _m, _where in self._shown:
            field = field_of(widget)
            if id(widget) not in {id(w) for w, _m2, _w2 in kept} and field is not None:
                field.clear_error()
        self._shown = kept
        if kept:
            self._summarize(kept, "")
        else:
            self.problem_lines = []
            self.error_summary.hide()

    def show_problems(self, problems: list[Problem], heading: str = "") -> None:
        """Each message under its field and all of them at the top; focus to the first."""
        self._clear_problems()
        if not problems:
            return
        shown: dict[QWidget, str] = {}
        for widget, message, _where in problems:
            shown.setdefault(widget, message)
        for widget, message in shown.items():
            field = field_of(widget)
            if field is not None:
                field.show_error(message)
        self._shown, self._shown_heading = list(problems), heading
        self._summarize(problems, heading)
        first = problems[0][0]
        self.scroll.ensureWidgetVisible(first, 40, 60)
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _summarize(self, problems: list[Problem], heading: str) -> None:
        self.problem_lines = [f"{where}: {message}" for _w, message, where in problems]
        count = len(problems)
        head = heading or (
            self.tr("Please correct this before saving:")
            if count == 1
            else self.tr("Please correct these {0} problems before saving:").format(count)
        )
        self.error_summary.setText(
            head + "\n" + "\n".join("• " + line for line in self.problem_lines)
        )
        self.error_summary.show()

    # -- the actions --------------------------------------------------------------------------
    def request(self, action: str, reason: str = "", **params: Any) -> None:
        """Save the complaint and take `action` ("draft", "accept", "supplement", "reject")
        with the step's parameters (missing_items, reason_code) and reason."""
        self._action = action
        self._step_reason = reason
        self._step_params = params
        self.accept()

    def accept(self) -> None:
        if self._saved:
            super().accept()
            return
        problems = self.problems(self._action)
        self.show_problems(problems)
        if problems or self._repeat_newly_found():
            return
        self._save()

    def _draft_ready(self) -> bool:
        problems = self.problems("draft")
        self.show_problems(problems)
        return not problems and not self._repeat_newly_found()

    def ask_for_supplements(self) -> None:
        if not self._draft_ready():
            return
        try:
            deadline = supplement_deadline(self.ctx, self.fair_code)
        except FairDeskError as exc:
            self._service_error(exc)
            return
        missing = [m.label for m in self.missing_materials()]
        if not self.commitment.isChecked():
            missing.append(COMMITMENT_ITEM)
        dialog = SupplementDialog("\n".join(missing), deadline, self)
        dialog.accepted.connect(lambda: self.request("supplement", missing_items=dialog.items()))
        self._open_step(dialog)

    def ask_to_reject(self) -> None:
        if not self._draft_ready():
            return
        dialog = RejectDialog(self._suggested_reject_reason(), self)
        dialog.accepted.connect(self._reject_chosen)
        self._open_step(dialog)

    def _reject_chosen(self) -> None:
        dialog = self.step_dialog
        assert isinstance(dialog, RejectDialog)
        self.request("reject", reason=dialog.note(), reason_code=dialog.reason_code())

    def _open_step(self, dialog: QDialog) -> None:
        self.step_dialog = dialog
        dialog.open()
        dialog.activateWindow()

    def _suggested_reject_reason(self) -> str:
        if any(not p.same_fair for p in self.prior):
            return RejectReason.REPEAT_WITHOUT_FOLLOW_UP
        return acceptance.suggested_reject_reason(self.acceptance_problems())

    def collect(self) -> ComplaintInput:
        """The form's content as the intake service's input."""
        ip = self.is_ip()
        agent = (
            PartyInput(
                name=self.agent_name.text(),
                name_en=self.agent_name_en.text(),
                id_doc_no=self.agent_id_no.text(),
                phone=self.agent_phone.text(),
            )
            if self.has_agent()
            else None
        )
        return ComplaintInput(
            complainant=PartyInput(
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
            ),
            respondents=self.respondents.inputs(),
            rights=self.rights.inputs() if ip else [],
            agent=agent,
            power_of_attorney=agent is not None and self.power_of_attorney.isChecked(),
            kind=ComplaintKind.IP if ip else ComplaintKind.COMMERCIAL,
            channel=Channel.DESK,
            summary=self.summary_edit.toPlainText(),
            dispute_type="" if ip else str(self.dispute_type.currentData()),
            commitment_signed=self.commitment.isChecked(),
            materials=self.ticks() if ip else {},
        )

    def _save(self) -> None:
        """Register and take the step in one transaction: a refused step saves nothing,
        and the form keeps everything typed and says why."""
        step, word = STEPS[self._action]
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            registered = self._register(self.collect(), step)
        except FairDeskError as exc:
            self._service_error(exc)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.registered = registered
        self._saved = True
        self._photo_problems = self._attach_photos(registered)
        self._finish(registered, word)

    def _register(self, data: ComplaintInput, step: str) -> Registered:
        """The service that registers (a form prefilled from elsewhere names its own)."""
        return register_and_step(
            self.ctx, self.fair_code, data, step, self._step_reason, **self._step_params
        )

    def _attach_photos(self, registered: Registered) -> list[str]:
        """Attach each respondent's photos to its new case; what fails is named, and the
        complaint stays saved (a photo can be added from the case view later)."""
        problems: list[str] = []
        rows = [row for row in self.respondents.rows if not row.is_blank()]
        for row, case_number in zip(rows, registered.case_numbers, strict=False):
            for path in row.photos:
                try:
                    evidence.import_file(
                        self.ctx,
                        evidence.read_photo(path),
                        owner_type="case",
                        owner=case_number,
                        purpose="evidence",
                        caption=self.tr("Accused exhibits (at intake)"),
                        zone=self.fair.timezone,
                    )
                except FairDeskError as exc:
                    problems.append(f"{path.name}: {error_text(exc)}")
        return problems

    def _finish(self, registered: Registered, word: str) -> None:
        self.action_taken = word
        self.outcome = outcome_text(word, registered.number, registered.case_numbers)
        if self._photo_problems:
            self.outcome += " " + self.tr("Not attached (add them from the case view): {0}").format(
                "; ".join(self._photo_problems)
            )
        super().accept()

    def _close_saved(self) -> None:
        super().accept()

    def _service_error(self, exc: FairDeskError) -> None:
        """A refusal of the service: point at the field when the message names one, keep
        everything typed, and say what happened."""
        message = error_text(exc)
        target: QWidget | None = None
        where = self.tr("Not saved")
        for row in self.respondents.rows:
            if message.startswith(f"Respondent {row.number}:"):
                target, where = row.search, self.tr("Respondent {0}").format(row.number)
        for right_row in self.rights.rows:
            number = right_row.number.text().strip().upper()
            if number and f"Right {number}" in message:
                target, where = right_row.number, self.tr("Right {0}").format(right_row.index)
        if target is None:
            self._clear_problems()
            self.problem_lines = [f"{where}: {message}"]
            self.error_summary.setText(
                self.tr("The complaint was not saved. Everything you typed is kept:")
                + "\n• "
                + message
            )
            self.error_summary.show()
        else:
            self.show_problems([(target, message, where)], self.tr("The complaint was not saved:"))
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Complaint not saved"),
            self.tr(
                "The complaint was not saved:\n\n{0}\n\nEverything you typed is still in the "
                "form: correct it or try again."
            ).format(message),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("service_error_box")
        self.message_box = box
        box.open()

    # -- leaving ---------------------------------------------------------------------------
    def reject(self) -> None:
        if self._saved:
            super().accept()
            return
        if not self._dirty or self._discard:
            super().reject()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Discard this complaint?"),
            self.tr("Close the form and lose what you typed? Nothing has been saved."),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("discard_box")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Keep editing"))
        self.message_box = box

        def finished(result: int) -> None:
            if box.clickedButton() is box.button(QMessageBox.StandardButton.Discard):
                self._discard = True
                self.reject()

        box.finished.connect(finished)
        box.open()
