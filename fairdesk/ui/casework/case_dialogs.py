"""The dialogs a case view opens besides a step's: the case's documents, its hand-offs to
public systems, a correction of the recorded decision, and a pause or resumption of one
of its deadlines. Each reloads the view when it changed the case."""

from __future__ import annotations

import contextlib
from abc import abstractmethod
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QPushButton, QWidget

from fairdesk.domain.enums import ClockKind
from fairdesk.domain.errors import FairDeskError
from fairdesk.domain.workflow import REASON
from fairdesk.i18n import error_text
from fairdesk.services.casework import clocks
from fairdesk.services.casework.amend import Amended
from fairdesk.services.casework.case_detail import CaseDetail
from fairdesk.services.context import Context
from fairdesk.ui.common.case_labels import CLOCKS, word
from fairdesk.ui.common.step_dialog import StepDialog


class CaseWindow(QWidget):
    """The case view as these dialogs see it; `CaseView` sets these and does these. A
    QWidget it derives from, not a Protocol: the dialogs' parent is the view."""

    ctx: Context
    case_number: str
    detail: CaseDetail | None
    correct_button: QPushButton

    @abstractmethod
    def show_message(self, text: str) -> None: ...
    @abstractmethod
    def clear_message(self) -> None: ...
    @abstractmethod
    def reload(self) -> None: ...
    @abstractmethod
    def after_change(self) -> None: ...
    @abstractmethod
    def hold_dialog(self, dialog: StepDialog) -> None: ...


class CaseDialogs(QObject):
    def __init__(self, view: CaseWindow) -> None:
        super().__init__(view)
        self.view = view
        self.ctx = view.ctx

    # -- documents ----------------------------------------------------------------------
    def open_documents(self) -> None:
        """Issue, preview, print or check this case's documents (the button, Ctrl+P)."""
        from fairdesk.ui.paper.document_dialog import DocumentDialog

        view = self.view
        try:
            dialog = DocumentDialog(self.ctx, view.case_number, view)
        except FairDeskError as exc:
            view.show_message(error_text(exc))
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(lambda _number: view.after_change())
        dialog.open()

    def open_handoffs(self) -> None:
        """Send this case to a public system: a referral or an evidence package."""
        from fairdesk.ui.paper.handoff_dialog import HandoffDialog

        view = self.view
        if view.detail is None:
            return
        # A case handed to an authority (it names one) most likely goes with its package.
        kind = "referral" if view.detail.authority else "evidence"
        dialog = HandoffDialog(self.ctx, view.detail.fair_code, view.case_number, kind, view)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.handoff_done.connect(lambda _result: view.after_change())
        dialog.open()

    def correct_decision(self) -> None:
        """Correct the recorded decision's wording (the button, Ctrl+Shift+D)."""
        from fairdesk.ui.common.corrections import decision_dialog

        view = self.view
        if view.detail is None or not view.correct_button.isVisible():
            return
        view.clear_message()

        def done(result: Amended) -> None:
            if not result.changed:
                view.show_message(self.tr("Nothing differs from the recorded decision."))
            view.after_change()

        def shown() -> CaseDetail:
            assert view.detail is not None
            return view.detail

        def conflict() -> None:
            with contextlib.suppress(FairDeskError):
                view.reload()  # the other desk's wording behind the dialog

        view.hold_dialog(decision_dialog(self.ctx, shown, done, view, conflict))

    # -- clocks -------------------------------------------------------------------------
    def pause(self, kind: str) -> None:
        view = self.view
        view.clear_message()

        def apply(_params: dict[str, Any], reason: str) -> None:
            clocks.pause(self.ctx, view.case_number, ClockKind(kind), reason)
            view.after_change()

        dialog = StepDialog(
            self.tr("Pause the {0} deadline · 暂停期限").format(word(CLOCKS, kind).lower()),
            (REASON,),
            subtitle=self.tr(
                "{0}: the deadline stops until it is resumed; say why (e.g. waiting for a "
                "translated power of attorney)."
            ).format(view.case_number),
            step_name=self.tr("Pause the deadline"),
            apply=apply,
            parent=view,
        )
        view.hold_dialog(dialog)

    def resume(self, kind: str) -> None:
        view = self.view
        view.clear_message()
        try:
            clocks.resume(self.ctx, view.case_number, ClockKind(kind))
        except FairDeskError as exc:
            view.show_message(error_text(exc))
            return
        view.after_change()
