"""Correcting what was recorded: a decided case's decision (from the case view) and a
patrol finding (from the inspector's visit list).

Both ask their fields with the step dialog (the domain declares them in
`domain/corrections.py`) and hand them to the services in `services/casework/amend.py`,
which refuse an unchanged record, a missing reason, or a decision another desk changed
since the case was shown (the usual conflict message, shown in the dialog).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from fairdesk.domain.corrections import DECISION_CORRECTION, FINDING_CORRECTION
from fairdesk.domain.errors import ConcurrentEdit
from fairdesk.domain.workflow import REASON_NAME
from fairdesk.services.casework import amend
from fairdesk.services.casework.case_detail import CaseDetail
from fairdesk.services.context import Context
from fairdesk.services.inspection.patrols import VisitInfo
from fairdesk.ui.common.step_dialog import StepDialog


def _split(values: dict[str, Any]) -> tuple[dict[str, str], str]:
    """(the corrected fields, every one of them, so a cleared note is cleared too; reason)."""
    reason = str(values.pop(REASON_NAME, "") or "")
    return {k: str(v or "") for k, v in values.items()}, reason


def decision_dialog(
    ctx: Context,
    shown: Callable[[], CaseDetail],
    on_done: Callable[[amend.Amended], None],
    parent: QWidget,
    on_conflict: Callable[[], None] | None = None,
) -> StepDialog:
    """Ask the corrected legal basis, note or trigger of the decision of the case `shown()`
    and a reason; applied on the version shown (a later change by another desk is refused
    with the usual message, and `on_conflict` shows the case as it is now)."""
    detail = shown()

    def apply(_params: dict[str, Any], _reason: str) -> None:
        changes, reason = _split(dialog.values())
        current = shown()
        try:
            done = amend.amend_decision(
                ctx, current.number, reason, expected_version=current.version, **changes
            )
        except ConcurrentEdit:
            if on_conflict is not None:
                on_conflict()
            raise
        on_done(done)

    dialog = StepDialog(
        QCoreApplication.translate("Corrections", "Correct the decision · 更正处理意见"),
        DECISION_CORRECTION,
        subtitle=QCoreApplication.translate(
            "Corrections",
            "{0}: correct what the decision says. The old and the new wording stay in the "
            "timeline with your reason.",
        ).format(detail.number),
        step_name=QCoreApplication.translate("Corrections", "Correct the decision"),
        prefill={
            "decision_trigger": detail.decision_trigger,
            "legal_basis": detail.legal_basis,
            "decision_note": detail.decision_note,
        },
        apply=apply,
        parent=parent,
    )
    dialog.setObjectName("decision_correction")
    return dialog


def finding_dialog(
    ctx: Context, visit: VisitInfo, on_done: Callable[[amend.Amended], None], parent: QWidget
) -> StepDialog:
    """Ask the corrected finding or notes of a recorded patrol visit and a reason."""

    def apply(_params: dict[str, Any], _reason: str) -> None:
        changes, reason = _split(dialog.values())
        on_done(amend.amend_finding(ctx, visit.uid, reason, **changes))

    dialog = StepDialog(
        QCoreApplication.translate("Corrections", "Correct the finding · 更正巡查结果"),
        FINDING_CORRECTION,
        subtitle=QCoreApplication.translate(
            "Corrections",
            "Booth {0}, {1}: correct the recorded finding. The old and the new finding stay "
            "in the record with your reason.",
        ).format(visit.booth, visit.exhibitor or "—"),
        step_name=QCoreApplication.translate("Corrections", "Correct the finding"),
        prefill={"finding": visit.finding, "notes": visit.notes},
        apply=apply,
        parent=parent,
    )
    dialog.setObjectName("finding_correction")
    return dialog
