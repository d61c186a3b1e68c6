"""Set up a fair edition, or change one: names, dates, hours, halls and its rule set.

The form comes from ui/fair_dialog.ui. `accept()` checks every field with the service's
own checks (fair_setup.check_fair_errors) and shows each message under its field; the service
checks again when saving, and what it refuses is shown the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import cast
from zoneinfo import available_timezones

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCompleter,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QWidget,
)

from fairdesk.domain.errors import FairDeskError, MissingRequirement, PermissionDenied
from fairdesk.domain.permissions import Permission
from fairdesk.domain.rules import HOUR_FIELDS, PRESETS, RuleSet
from fairdesk.domain.vocabulary import RULE_SETS
from fairdesk.i18n import current_language, error_text
from fairdesk.services.context import Context
from fairdesk.services.fair.fair_days import day_hours_text
from fairdesk.services.fair.fairs import FairInfo, already_over, create_fair, get_fair
from fairdesk.services.organizer.fair_setup import (
    FairFields,
    check_fair_errors,
    count_fair_complaints,
    parse_halls,
    update_fair,
)
from fairdesk.ui.forms.ui_fair_dialog import Ui_FairDialog

ERROR_STYLE = "color: #b00020"
DEFAULT_PRESET = "cnipa-24h"
# Offered first; any IANA zone can be typed (with completion).
COMMON_ZONES = (
    "Asia/Shanghai",
    "Asia/Hong_Kong",
    "Asia/Macau",
    "Asia/Taipei",
    "Asia/Singapore",
    "Asia/Tokyo",
    "Asia/Seoul",
    "Asia/Dubai",
    "Europe/Berlin",
    "Europe/London",
    "America/New_York",
    "UTC",
)
# Error label of each field (fair_setup.FIELDS, plus "halls" and "reason").
_ERROR_LABELS = {
    "code": "code_error",
    "name": "name_error",
    "name_en": "name_en_error",
    "venue": "venue_error",
    "center_address": "center_address_error",
    "center_phone": "center_phone_error",
    "dates": "dates_error",
    "hours": "hours_error",
    "day_hours": "day_hours_error",
    "timezone": "timezone_error",
    "rules": "rules_error",
    "reason": "reason_error",
}
_FOCUS = {
    "code": "code_edit",
    "name": "name_edit",
    "name_en": "name_en_edit",
    "venue": "venue_edit",
    "center_address": "center_address_edit",
    "center_phone": "center_phone_edit",
    "dates": "end_date_edit",
    "hours": "closing_time_edit",
    "day_hours": "day_hours_edit",
    "timezone": "timezone_combo",
    "rules": "defence_spin",
    "reason": "reason_edit",
}
_SPINS = {
    "defence_hours": "defence_spin",
    "transfer_hours": "transfer_spin",
    "supplement_hours": "supplement_spin",
    "recheck_hours": "recheck_spin",
}


class TabLeaves(QObject):
    """Tab and Shift+Tab go to the next and previous field of `dialog`."""

    def __init__(self, dialog: QDialog) -> None:
        super().__init__(dialog)
        self._dialog = dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key == Qt.Key.Key_Backtab or (
                key == Qt.Key.Key_Tab and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            ):
                return bool(self._dialog.focusNextPrevChild(False))
            if key == Qt.Key.Key_Tab and not event.modifiers():
                return bool(self._dialog.focusNextPrevChild(True))
        return False


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class FairDialog(QDialog):
    """Create a fair (`fair_code=None`) or edit one; `saved(FairInfo)` after saving."""

    saved = Signal(object)

    def __init__(
        self, ctx: Context, fair_code: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.fair_code = fair_code
        self.fair: FairInfo | None = None  # as loaded, then as saved
        self.complaints = 0
        # Says a word after saving (a fair already over); a test can replace it.
        self.warn: Callable[[str], object] = lambda text: QMessageBox.warning(
            self, self.tr("Fair set-up"), text
        )
        self.ui = Ui_FairDialog()
        self.ui.setupUi(self)
        self.setObjectName("fair_dialog")
        ui = self.ui
        for name in _ERROR_LABELS.values():
            label: QLabel = getattr(ui, name)
            label.setStyleSheet(ERROR_STYLE)
        ui.error_label.setStyleSheet(ERROR_STYLE)
        self._clear_errors()

        # Tab leaves a date or time field (Qt walks its day, month and year first); the
        # arrow keys and Left/Right still move inside it.
        self._tab_leaves = TabLeaves(self)
        for edit in self.findChildren(QDateTimeEdit):
            edit.installEventFilter(self._tab_leaves)

        for zone in COMMON_ZONES:
            ui.timezone_combo.addItem(zone)
        completer = QCompleter(sorted(available_timezones()), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        ui.timezone_combo.setCompleter(completer)
        language = current_language()
        for code in PRESETS:
            ui.preset_combo.addItem(RULE_SETS.words(code).in_language(language), code)
        self._base_rules: RuleSet = PRESETS[DEFAULT_PRESET]
        ui.preset_combo.activated.connect(self._preset_chosen)
        ui.name_edit.textEdited.connect(self._check_chinese_name)
        ui.halls_edit.setPlaceholderText(
            self.tr("comma-separated, e.g. 4.1, 4.2, 5.1; empty: taken from the exhibitor list")
        )

        if fair_code is None:
            self._load_new()
        else:
            self._load(fair_code)
        try:
            ctx.require(Permission.SET_UP_FAIR)
        except PermissionDenied as exc:
            ui.button_box.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
            ui.error_label.setText(error_text(exc))
            ui.error_label.show()

    # -- loading ------------------------------------------------------------------------
    def _load_new(self) -> None:
        ui = self.ui
        self.setWindowTitle(self.tr("New fair"))
        today = self.ctx.now().date()
        ui.start_date_edit.setDate(_qdate(today))
        ui.end_date_edit.setDate(_qdate(today + timedelta(days=5)))
        ui.opening_time_edit.setTime(QTime(9, 0))
        ui.closing_time_edit.setTime(QTime(17, 0))
        ui.timezone_combo.setCurrentText("Asia/Shanghai")
        self._set_rules(PRESETS[DEFAULT_PRESET])
        ui.reason_box.hide()
        ui.code_edit.setFocus()

    def _load(self, code: str) -> None:
        ui = self.ui
        info = get_fair(self.ctx, code)
        self.fair = info
        self.complaints = count_fair_complaints(self.ctx, code)
        self.setWindowTitle(self.tr("Edit fair {0}").format(info.code))
        ui.code_edit.setText(info.code)
        ui.code_edit.setReadOnly(True)
        ui.code_edit.setFrame(False)  # reads as a fixed value, not a field to fill in
        ui.code_edit.setToolTip(self.tr("The code of a fair cannot change: case numbers use it."))
        ui.name_edit.setText(info.name)
        ui.name_en_edit.setText(info.name_en)
        ui.venue_edit.setText(info.venue)
        ui.start_date_edit.setDate(_qdate(info.start_date))
        ui.end_date_edit.setDate(_qdate(info.end_date))
        opening, closing = info.hours.split("-")
        ui.opening_time_edit.setTime(QTime.fromString(opening, "HH:mm"))
        ui.closing_time_edit.setTime(QTime.fromString(closing, "HH:mm"))
        ui.timezone_combo.setCurrentText(info.timezone)
        ui.halls_edit.setText(", ".join(info.halls))
        ui.center_address_edit.setText(info.center_address)
        ui.center_phone_edit.setText(info.center_phone)
        ui.day_hours_edit.setPlainText(day_hours_text(dict(info.day_hours), self.tr("closed")))
        self._set_rules(info.rules)
        if self.complaints:
            ui.reason_label.setText(
                self.tr(
                    "This fair already has {0} complaint(s). Say why you change its set-up "
                    "(the reason is kept in the audit trail):"
                ).format(self.complaints)
            )
            ui.reason_box.show()
        else:
            ui.reason_box.hide()
        ui.name_edit.setFocus()

    def _set_rules(self, rules: RuleSet) -> None:
        """Show `rules` (a preset, or the fair's own numbers) as the base being edited."""
        ui = self.ui
        self._base_rules = rules
        index = ui.preset_combo.findData(rules.code)
        if index < 0:  # a rule set no preset names any more: offer it as it is
            ui.preset_combo.addItem(rules.name, rules.code)
            index = ui.preset_combo.count() - 1
        ui.preset_combo.setCurrentIndex(index)
        for field, spin in _SPINS.items():
            getattr(ui, spin).setValue(getattr(rules, field))
        ui.opening_hours_only_check.setChecked(rules.opening_hours_only)

    def _preset_chosen(self, index: int) -> None:
        code = self.ui.preset_combo.itemData(index)
        if code in PRESETS:
            self._set_rules(PRESETS[code])
        elif self.fair is not None and code == self.fair.rules.code:
            self._set_rules(self.fair.rules)

    # -- reading the form ---------------------------------------------------------------
    def fields(self) -> FairFields:
        ui = self.ui
        return FairFields(
            code=ui.code_edit.text().strip(),
            name=ui.name_edit.text(),
            name_en=ui.name_en_edit.text(),
            venue=ui.venue_edit.text(),
            # QDate.toPython() gives a date; the stubs call it object.
            start=cast(date, ui.start_date_edit.date().toPython()),
            end=cast(date, ui.end_date_edit.date().toPython()),
            hours=(
                f"{ui.opening_time_edit.time().toString('HH:mm')}-"
                f"{ui.closing_time_edit.time().toString('HH:mm')}"
            ),
            timezone=ui.timezone_combo.currentText().strip(),
            day_hours=self._day_hours_typed(),
            center_address=ui.center_address_edit.text(),
            center_phone=ui.center_phone_edit.text(),
        )

    def _day_hours_typed(self) -> str:
        # The screen's word for a closed day ("闭馆" on a Chinese desk) is read as closed.
        closed = self.tr("closed")
        lines = self.ui.day_hours_edit.toPlainText().splitlines()
        return "\n".join(
            line.replace(closed, "closed") if closed != "closed" else line for line in lines
        )

    def halls(self) -> list[str]:
        return parse_halls(self.ui.halls_edit.text())

    def rule_set(self) -> RuleSet:
        """The base rule set with the numbers as typed; ValueError names a bad number."""
        ui = self.ui
        changes: dict[str, object] = {
            field: float(getattr(ui, spin).value()) for field, spin in _SPINS.items()
        }
        changes["opening_hours_only"] = ui.opening_hours_only_check.isChecked()
        return self._base_rules.with_changes(**changes)

    # -- errors -------------------------------------------------------------------------
    def _check_chinese_name(self, text: str) -> None:
        """A warning, not a refusal: the papers print this name as the Chinese title."""
        latin = bool(text.strip()) and not re.search(r"[\u4e00-\u9fff]", text)
        self._set_error_label(
            self.ui.name_error,
            self.tr("No Chinese character: the papers print this name as the fair's Chinese title.")
            if latin
            else "",
        )

    def _clear_errors(self) -> None:
        for name in _ERROR_LABELS.values():
            self._set_error_label(getattr(self.ui, name), "")
        self.ui.error_label.clear()
        self.ui.error_label.hide()

    def _set_error_label(self, label: QLabel, text: str) -> None:
        label.setText(text)
        for form in (self.ui.edition_form, self.ui.rules_form):
            if form.indexOf(label) >= 0:
                form.setRowVisible(label, bool(text))
                return
        label.setVisible(bool(text))

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each message under its field; the first field with a problem gets the focus."""
        for field, message in errors.items():
            name = _ERROR_LABELS.get(field)
            if name is None:
                self.ui.error_label.setText(message)
                self.ui.error_label.show()
            else:
                self._set_error_label(getattr(self.ui, name), message)
        if errors:
            first = _FOCUS.get(next(iter(errors)))
            if first is not None:
                getattr(self.ui, first).setFocus()
            self._fit_height()

    def _fit_height(self) -> None:
        """Grow (never shrink) so that messages under the fields are not cut off."""
        layout = self.layout()
        assert layout is not None, "set up by the form"
        layout.activate()
        wanted = layout.totalHeightForWidth(self.width())
        if wanted > self.height():
            self.resize(self.width(), wanted)

    def errors(self) -> dict[str, str]:
        """What is shown now: field -> message ("form" for the message under the form)."""
        shown = {
            field: getattr(self.ui, name).text()
            for field, name in _ERROR_LABELS.items()
            if getattr(self.ui, name).text()
        }
        if self.ui.error_label.text() and self.ui.error_label.isVisibleTo(self):
            shown["form"] = self.ui.error_label.text()
        return shown

    # -- saving -------------------------------------------------------------------------
    def accept(self) -> None:
        self._clear_errors()
        fields = self.fields()
        # In the desk's language (check_fair's strings are the English templates).
        errors = {f: error_text(e) for f, e in check_fair_errors(fields).items()}
        try:
            rules = self.rule_set()
        except ValueError as exc:
            errors["rules"] = error_text(exc)
        if errors:
            self.show_errors(errors)
            return
        try:
            info = self._save(fields, rules)
        except MissingRequirement as exc:
            self.show_errors({"reason": error_text(exc)})
            return
        except FairDeskError as exc:
            # The form keeps what was typed; the message says what to change.
            self.show_errors({self._field_of(str(exc)): error_text(exc)})
            return
        self.fair = info
        over = already_over(info, self.ctx.now()) if self.fair_code is None else None
        if over is not None:  # saved as asked; the dates may have been copied from an example
            self.warn(error_text(over))
        self.saved.emit(info)
        super().accept()

    def _save(self, fields: FairFields, rules: RuleSet) -> FairInfo:
        if self.fair_code is None:
            return create_fair(
                self.ctx,
                fields.code,
                fields.name,
                fields.start,
                fields.end,
                hours=fields.hours,
                rules=rules,
                name_en=fields.name_en,
                venue=fields.venue,
                timezone=fields.timezone,
                halls=self.halls(),
                day_hours=fields.day_hours,
                center_address=fields.center_address,
                center_phone=fields.center_phone,
            )
        return update_fair(
            self.ctx,
            self.fair_code,
            name=fields.name,
            name_en=fields.name_en,
            venue=fields.venue,
            start=fields.start,
            end=fields.end,
            hours=fields.hours,
            timezone=fields.timezone,
            halls=self.halls(),
            rules=rules,
            reason=self.ui.reason_edit.text(),
            expected_version=self.fair.version if self.fair is not None else None,
            day_hours=fields.day_hours,
            center_address=fields.center_address,
            center_phone=fields.center_phone,
        )

    @staticmethod
    def _field_of(message: str) -> str:
        """The field a refusal from the service is about, "form" when it is not one field."""
        lowered = message.lower()
        if "fair code" in lowered or "with the code" in lowered:
            return "code"
        if lowered.startswith("line "):
            return "day_hours"
        if "service center's address" in lowered:
            return "center_address"
        if "service center's telephone" in lowered:
            return "center_phone"
        if "opening hours" in lowered:
            return "dates" if "override" in lowered else "hours"
        if "time zone" in lowered:
            return "timezone"
        if "rule set" in lowered or any(f in message for f in HOUR_FIELDS):
            return "rules"
        return "form"
