"""The complaint form's warning of a repeat complaint (the Canton Fair rule): the same
complainant, right and respondent handled before, at this fair or an earlier edition.

A warning only: it never blocks registering, and a failed look-up shows nothing. The
desk decides; the warning just makes sure the desk has seen it before saving.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QLabel

from fairdesk.domain.errors import FairDeskError
from fairdesk.domain.vocabulary import CASE_STATES, COMPLAINT_STATES, REJECT_REASONS
from fairdesk.i18n import format_date
from fairdesk.services.context import Context
from fairdesk.services.intake.lookup import PriorComplaint, prior_complaints
from fairdesk.ui.common.case_labels import in_sentence, word
from fairdesk.ui.common.named import named

DELAY_MS = 300  # typing pauses this long before the look-up runs


def _tr(text: str) -> str:
    return QCoreApplication.translate("ComplaintForm", text)


@dataclass(frozen=True)
class Asked:
    """What the form holds that makes a complaint a repeat."""

    complainant: str
    right_numbers: list[str]
    exhibitor_ids: list[int]
    ip: bool


def repeat_text(found: list[PriorComplaint], zone: ZoneInfo) -> str:
    if not found:
        return ""
    lines = [
        _tr(
            "⚠ Possible repeat complaint: the same complainant, right and respondent "
            "were handled before. The desk decides; this does not block registering."
        )
    ]
    for prior in found:
        when = format_date(prior.received_at.astimezone(zone).date())
        outcome = in_sentence(word(COMPLAINT_STATES, prior.state))
        if prior.reject_reason:
            outcome += f" ({in_sentence(word(REJECT_REASONS, prior.reject_reason))})"
        cases = "; ".join(
            f"{c.number} {c.exhibitor}: {in_sentence(word(CASE_STATES, c.state))}"
            for c in prior.cases
        )
        where = _tr("this fair") if prior.same_fair else f"{prior.fair_name} ({prior.fair_code})"
        rights = ", ".join(prior.rights)
        lines.append(
            "• "
            + _tr("{0} at {1}, received {2}{3}: complaint {4}; {5}.").format(
                prior.number,
                where,
                when,
                _tr(", right {0}").format(rights) if rights else "",
                outcome,
                cases,
            )
        )
    if any(not p.same_fair for p in found):
        lines.append(
            _tr(
                "Canton Fair rule: a complaint already handled at an earlier edition is not "
                "accepted without proof of legal follow-up (reason: repeat without follow-up)."
            )
        )
    return "\n".join(lines)


class RepeatWarning:
    """The banner above the form, and what it found (`prior`)."""

    def __init__(self, ctx: Context, fair_code: str, zone: ZoneInfo, ask: Callable[[], Asked]):
        self.ctx, self.fair_code, self.zone, self.ask = ctx, fair_code, zone, ask
        self.prior: list[PriorComplaint] = []
        self._shown: set[str] = set()
        self.banner = named(QLabel(), "duplicate_banner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setAccessibleName(_tr("Possible repeat complaint"))
        self.banner.hide()
        self._timer = QTimer(self.banner, singleShot=True, interval=DELAY_MS)
        self._timer.timeout.connect(self.check)

    def later(self) -> None:
        """Check once the desk pauses typing."""
        self._timer.start()

    def check(self) -> None:
        asked = self.ask()
        name = asked.complainant.strip()
        found: list[PriorComplaint] = []
        if name and asked.exhibitor_ids and (asked.right_numbers or not asked.ip):
            try:
                found = prior_complaints(
                    self.ctx, self.fair_code, name, asked.right_numbers, asked.exhibitor_ids
                )
            except FairDeskError:
                found = []  # a warning only: never in the way of registering
        self.prior = found
        self._shown = {p.number for p in found}
        self.banner.setText(repeat_text(found, self.zone))
        self.banner.setVisible(bool(found))

    def newly_found(self) -> bool:
        """Check now; True when it finds a repeat the desk has not been shown: the save
        waits for one more press, after the warning is on screen."""
        self._timer.stop()
        shown = set(self._shown) if self.banner.isVisible() else set()
        self.check()
        return bool(self._shown - shown)

    def earlier_edition(self) -> bool:
        return any(not p.same_fair for p in self.prior)
