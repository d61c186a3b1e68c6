"""The frame of the documents dialog around its two sides: which case it is about (and, for
a role that may not issue, that the window is read-only) above; the buttons below; and
the questions Reissue and Revoke ask before they act."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from fairdesk.domain.workflow import REASON
from fairdesk.i18n import domain_word
from fairdesk.services.casework.case_detail import CaseDetail
from fairdesk.ui.common.case_labels import COMPLAINT_STATES, both, state_words
from fairdesk.ui.common.named import named
from fairdesk.ui.common.progress_dialog import LongRun
from fairdesk.ui.common.step_dialog import StepDialog


def _tr(text: str) -> str:
    return QCoreApplication.translate("DocumentDialog", text)


def _plain(name: str) -> QLabel:
    label = named(QLabel(), name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def print_run(parent: QWidget) -> LongRun:
    """Printing behind a progress dialog that counts the pages and can cancel."""
    return LongRun(
        parent,
        name="print_progress",
        cancel_text=_tr("Cancel"),
        cancelling=_tr("Cancelling…"),
        describe=lambda done, total: (
            _tr("Printing page {0} of {1}…").format(min(done + 1, total), total) if total else None
        ),
    )


def case_side(above: list[QWidget], rest: QWidget) -> QWidget:
    """The left side: the widgets `above` at their height, `rest` taking the remainder."""
    side = named(QWidget(), "document_side")
    layout = QVBoxLayout(side)
    layout.setContentsMargins(0, 0, 6, 0)
    for widget in above:
        layout.addWidget(widget)
    layout.addWidget(rest, 1)
    return side


def side_by_side(left: QWidget, right: QWidget) -> QSplitter:
    """The case's side at its width, the preview taking what the window gains."""
    splitter = named(QSplitter(Qt.Orientation.Horizontal), "document_splitter")
    splitter.addWidget(left)
    splitter.addWidget(right)
    splitter.setStretchFactor(0, 0)
    splitter.setStretchFactor(1, 1)
    splitter.setChildrenCollapsible(False)
    splitter.setSizes([690, 590])
    return splitter


class CaseHeading:
    """The case and its complaint in two lines, and the read-only note."""

    def __init__(self, role: str, can_issue: bool) -> None:
        self.case_label = _plain("document_case_label")
        font = self.case_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.case_label.setFont(font)
        self.complaint_label = _plain("document_complaint_label")
        self.read_only_label = _plain("read_only_label")
        self.read_only_label.setStyleSheet(
            "background: #e8f0fe; border: 1px solid #1a56b0; padding: 6px;"
        )
        self.read_only_label.setText(
            _tr(
                "Signed in as {0}: you can preview, print, save and check documents already "
                "issued; only desk staff issue, reissue or revoke them."
            ).format(domain_word(role))
        )
        self.read_only_label.setVisible(not can_issue)

    def labels(self) -> list[QLabel]:
        return [self.case_label, self.complaint_label, self.read_only_label]

    def show_case(self, d: CaseDetail) -> None:
        name = d.respondent.name_zh or d.respondent.name_en
        self.case_label.setText(
            _tr("Case {0} · {1} · {2}").format(d.number, name, state_words(d.state))
        )
        self.complaint_label.setText(
            _tr("Complaint {0} ({1}) · complainant {2} · fair {3}").format(
                d.complaint.number,
                both(COMPLAINT_STATES, d.complaint.state),
                d.complainant.name,
                d.fair_code,
            )
        )


class BottomButtons(QHBoxLayout):
    """Check and Reload on the left; Print, Save as PDF and Close on the right."""

    def __init__(self) -> None:
        super().__init__()
        self.print_button = named(QPushButton(_tr("&Print… (Ctrl+P)")), "print_button")
        self.save_button = named(QPushButton(_tr("&Save as PDF… (Ctrl+S)")), "save_button")
        self.verify_button = named(
            QPushButton(_tr("C&heck a document… (Ctrl+Shift+V)")), "verify_button"
        )
        self.reload_button = named(QPushButton(_tr("Reload (F5)")), "document_reload")
        self.close_button = named(QPushButton(_tr("Close (Esc)")), "document_close")
        self.addWidget(self.verify_button)
        self.addWidget(self.reload_button)
        self.addStretch(1)
        self.addWidget(self.print_button)
        self.addWidget(self.save_button)
        self.addWidget(self.close_button)


def _question(
    parent: QWidget, title: str, subtitle: str, step_name: str, apply: Callable[[str], None]
) -> StepDialog:
    return StepDialog(
        title,
        (REASON,),
        subtitle=subtitle,
        step_name=step_name,
        apply=lambda _params, reason: apply(reason),
        parent=parent,
    )


def reissue_question(parent: QWidget, number: str, apply: Callable[[str], None]) -> StepDialog:
    """Why document `number` is reissued; `apply(reason)` acts when the desk confirms."""
    return _question(
        parent,
        _tr("Reissue {0} · 重新签发").format(number),
        _tr(
            "A corrected copy of {0} is issued under a new number with what the case says "
            "now; {0} is then revoked and its QR code says so. Say what was corrected."
        ).format(number),
        _tr("Reissue the document"),
        apply,
    )


def revoke_question(parent: QWidget, number: str, apply: Callable[[str], None]) -> StepDialog:
    """Why document `number` is revoked; `apply(reason)` acts when the desk confirms."""
    return _question(
        parent,
        _tr("Revoke {0} · 撤销").format(number),
        _tr(
            "{0} stops being valid and nothing replaces it: a scan of its QR code will say "
            "REVOKED, with your reason. To correct it instead, reissue it."
        ).format(number),
        _tr("Revoke the document"),
        apply,
    )
