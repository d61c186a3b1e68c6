"""The head of the case view: the case number, its state as a coloured badge with an icon
and words, the fair, the complaint's line with its times, and the complaint's other
respondents. The widgets are the form's (ui/case_view.ui); this fills them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QStyle, QWidget

from fairdesk.domain.vocabulary import party_words
from fairdesk.domain.zones import zone_words
from fairdesk.services.casework.case_detail import CaseDetail, ComplaintDetail
from fairdesk.ui.common.case_labels import (
    CHANNELS,
    COMPLAINT_STATES,
    KINDS,
    TONE_WORDS,
    Tone,
    both,
    desk_words,
    local_time,
    state_tone,
    state_words,
    tr,
)
from fairdesk.ui.forms.ui_case_view import Ui_CaseView

_TONE_ICON = {
    Tone.ACT: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Tone.WAIT: QStyle.StandardPixmap.SP_MessageBoxInformation,
    Tone.DONE: QStyle.StandardPixmap.SP_DialogApplyButton,
}
_TONE_STYLE = {
    Tone.ACT: "background: #fff4e5; border: 2px solid #b35c00;",
    Tone.WAIT: "background: #e8f0fe; border: 2px solid #1a56b0;",
    Tone.DONE: "background: #e6f4ea; border: 2px solid #1e7a34;",
}


def complaint_line(c: ComplaintDetail, times: list[str]) -> str:
    """The complaint's line over the case: 投诉 (or a dispute's 纠纷) with its number, kind,
    channel, state and times."""
    matter = desk_words(party_words(c.kind).matter)
    return QCoreApplication.translate("CaseView", "{0} {1} · {2} · {3} · {4} · {5}").format(
        matter[:1].upper() + matter[1:],
        c.number,
        both(KINDS, c.kind),
        both(CHANNELS, c.channel),
        both(COMPLAINT_STATES, c.state),
        ", ".join(times),
    )


class CaseHeader(QObject):
    def __init__(self, ui: Ui_CaseView, view: QWidget) -> None:
        super().__init__(view)
        self.ui, self.view = ui, view
        # The case number large and bold, the state's words a little larger, bold.
        font = ui.case_number_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        ui.case_number_label.setFont(font)
        bold = ui.state_label.font()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.15)
        ui.state_label.setFont(bold)

    def _times(self, d: CaseDetail) -> list[str]:
        zone, c = d.fair_timezone, d.complaint
        times = [self.tr("received {0}").format(local_time(c.received_at, zone))]
        if c.accepted_at:
            times.append(self.tr("accepted {0}").format(local_time(c.accepted_at, zone)))
        if c.transferred_at:
            times.append(
                self.tr("transferred {0} to {1}").format(
                    local_time(c.transferred_at, zone), c.authority
                )
            )
        if d.notified_at:
            times.append(self.tr("respondent notified {0}").format(local_time(d.notified_at, zone)))
        return times

    def show_detail(self, d: CaseDetail) -> None:
        ui, zone = self.ui, d.fair_timezone
        self.view.setWindowTitle(
            self.tr("Case {0} — {1}").format(d.number, d.respondent.name_zh or d.respondent.name_en)
        )
        ui.case_number_label.setText(d.number)
        tone = state_tone(d.state)
        ui.state_label.setText(state_words(d.state))
        ui.state_label.setToolTip(f"{state_words(d.state)} — {tr(TONE_WORDS[tone])}")
        ui.state_icon.setPixmap(self.view.style().standardIcon(_TONE_ICON[tone]).pixmap(22, 22))
        ui.state_badge.setStyleSheet(f"#state_badge {{ {_TONE_STYLE[tone]} }}")
        ui.state_badge.setAccessibleName(self.tr("State: {0}").format(state_words(d.state)))
        ui.complaint_label.setText(complaint_line(d.complaint, self._times(d)))
        fair = " / ".join(n for n in (d.fair_name, d.fair_name_en) if n)
        ui.fair_label.setText(self.tr("Fair: {0} ({1})").format(fair, d.fair_code))
        ui.fair_label.setToolTip(
            self.tr("All times are the fair's local time ({0}).").format(
                desk_words(zone_words(zone))
            )
        )
        if d.siblings:
            ui.siblings_label.setText(
                self.tr("Other respondents of this complaint: {0}").format(
                    "; ".join(
                        f"{s.number} {s.exhibitor} {s.booth_no} ({state_words(s.state)})"
                        for s in d.siblings
                    )
                )
            )
            ui.siblings_label.show()
        else:
            ui.siblings_label.hide()
