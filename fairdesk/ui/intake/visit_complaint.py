"""A complaint from a patrol visit: the complaint form, prefilled from the visit.

`complaint_draft_from_visit` gives the booth and exhibitor (the respondent), the visit's
finding and notes (the summary) and when it was seen; the desk completes the complainant
and the right. Saving registers through `register_complaint_from_visit`, which takes the
chosen first step (draft, accept, ...) with the registration, links the visit to the new
case and attaches the visit's photos to the complaint.

`suspected_visits` lists the visits the desk may turn into a complaint: a suspected
infringement with no case yet.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from fairdesk.domain import vocabulary as v
from fairdesk.domain.enums import Channel, Finding
from fairdesk.i18n import current_language, format_day_time
from fairdesk.services.context import Context
from fairdesk.services.inspection import patrols
from fairdesk.services.inspection.patrols import VisitRow
from fairdesk.services.intake.intake import ComplaintInput, Registered
from fairdesk.ui.intake.complaint_form import ComplaintForm


def suspected_visits(ctx: Context, fair_code: str) -> list[VisitRow]:
    """The fair's suspected infringements no complaint was registered for yet."""
    return patrols.list_visits(
        ctx, fair_code, finding=Finding.SUSPECTED_INFRINGEMENT.value, without_case=True
    )


def visit_choice(row: VisitRow, zone: str) -> str:
    """One visit as the desk picks it from a list: when, where, who, what was seen."""
    from zoneinfo import ZoneInfo

    when = format_day_time(row.visited_at.astimezone(ZoneInfo(zone)))
    finding = v.say(v.FINDINGS, row.finding, current_language())
    notes = " ".join(row.notes.split())
    notes = notes if len(notes) <= 60 else notes[:59] + "…"
    parts = [when, row.booth, row.exhibitor, finding, notes]
    return " · ".join(p for p in parts if p)


class VisitComplaintForm(ComplaintForm):
    """The complaint form for one patrol visit (its uid), prefilled from the visit."""

    def __init__(
        self, ctx: Context, fair_code: str, visit_uid: str, parent: QWidget | None = None
    ) -> None:
        self.draft: ComplaintInput = patrols.complaint_draft_from_visit(ctx, visit_uid)
        self.visit_uid = visit_uid
        super().__init__(ctx, fair_code, parent)
        self.setObjectName("visit_complaint_form")
        self.setWindowTitle(
            QCoreApplication.translate(
                "VisitComplaintForm", "Complaint from a patrol visit — {0} ({1})"
            ).format(self.fair.name, self.fair.code)
        )
        self.summary_edit.setPlainText(self.draft.summary)
        self._prefill_respondent()
        self._dirty = False  # nothing typed yet: closing asks nothing
        self.complainant_name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _prefill_respondent(self) -> None:
        """The visited booth, resolved as if typed; at a shared booth the visited exhibitor
        is chosen."""
        wanted = self.draft.respondents[0]
        row = self.respondents.rows[0]
        row.search.setText(wanted.booth)
        row.resolve_typed()
        for index, hit in enumerate(row.shared, start=1):
            if hit.id == wanted.exhibitor_id:
                row.choice.setCurrentIndex(index)

    def collect(self) -> ComplaintInput:
        data = super().collect()
        data.channel = Channel.PATROL
        data.received_at = self.draft.received_at
        return data

    def _register(self, data: ComplaintInput, step: str) -> Registered:
        """As the complaint form registers, through the service that also links the visit."""
        return patrols.register_complaint_from_visit(
            self.ctx, self.visit_uid, data, step, self._step_reason, **self._step_params
        )
