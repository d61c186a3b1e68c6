"""The desk's words for codes: states, choices, clocks, audit events, steps.

Every word comes from the one vocabulary (`fairdesk.domain.vocabulary`) and the step table
(`fairdesk.domain.workflow`), in the desk's language: Chinese alone on a Chinese desk,
"English · 中文" on an English desk where a screen shows both (the words on the paper the
desk hands out). The few words of this module's own (tones, yes and no) are marked with
QT_TRANSLATE_NOOP (context "case_labels").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import datetime
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from fairdesk.domain import vocabulary as v
from fairdesk.domain.enums import CaseState
from fairdesk.domain.vocabulary import Vocabulary, Words
from fairdesk.domain.workflow import (
    STEPS,
    Entity,
    Transition,
    detail_value_words,
    detail_words,
    step_for_audit,
    words_of_event,
)
from fairdesk.i18n import current_language, format_datetime

CONTEXT = "case_labels"


def _n(text: str) -> str:
    # The stubs say object; it returns `text` unchanged. A bare call, which
    # scripts/update_translations.py finds as this module's marker for translation.
    return QT_TRANSLATE_NOOP(CONTEXT, text)  # type: ignore[return-value]


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class Tone(StrEnum):
    """How urgent a state is for the desk; shown by an icon and words, colour only adds."""

    ACT = "act"  # the desk has to do something now
    WAIT = "wait"  # waiting for the respondent, the complainant or an inspector
    DONE = "done"  # nothing more happens on the fair floor


S = CaseState
STATE_TONES: dict[str, Tone] = {
    S.TO_NOTIFY: Tone.ACT,
    S.NOTIFIED: Tone.WAIT,
    S.SELF_REMEDIED: Tone.DONE,
    S.MEDIATING: Tone.WAIT,
    S.SETTLED: Tone.DONE,
    S.WITHDRAWN: Tone.DONE,
    S.DEFENCE_RECEIVED: Tone.ACT,
    S.DEFENCE_OVERDUE: Tone.ACT,
    S.UNDER_REVIEW: Tone.ACT,
    S.INFRINGEMENT_FOUND: Tone.ACT,
    S.NOT_INFRINGING: Tone.ACT,
    S.UNDETERMINED: Tone.ACT,
    S.REFERRED: Tone.DONE,
    S.REMEDY_ORDERED: Tone.WAIT,
    S.RECHECK_DUE: Tone.WAIT,
    S.RECHECK_PASSED: Tone.ACT,
    S.RECHECK_FAILED: Tone.ACT,
    S.ESCALATED: Tone.WAIT,
    S.CLOSED: Tone.DONE,
    S.POST_FAIR: Tone.DONE,
}
assert set(STATE_TONES) == {s.value for s in CaseState}

TONE_WORDS = {
    Tone.ACT: _n("the desk acts next"),
    Tone.WAIT: _n("waiting"),
    Tone.DONE: _n("finished on the fair floor"),
}

# The vocabulary's tables, under the names the screens import.
CASE_STATES = v.CASE_STATES
COMPLAINT_STATES = v.COMPLAINT_STATES
IP_TYPES = v.IP_TYPES
LICENCES = v.LICENCES
REJECT_REASONS = v.REJECT_REASONS
CHANNELS = v.CHANNELS
KINDS = v.KINDS
CLOCKS = v.CLOCKS
EVENTS = v.EVENTS
# The codes a step's field takes, by field name ("measure" -> the measures), from the
# step table.
CHOICES: dict[str, Vocabulary] = {
    f.name: f.choices for s in STEPS for f in s.fields if f.choices is not None
}

# Short names for buttons ("Pause defence").
CLOCKS_SHORT: dict[str, str] = {
    "supplement": _n("supplement"),
    "transfer": _n("transfer"),
    "defence": _n("defence"),
    "recheck": _n("re-inspection"),
}

# Values of an audit event the timeline leaves out (shown elsewhere on the page).
# Recorded values a person has no use for: internal ids (a visit's or round's uid) and
# what other columns already say.
# (`paper`: the record's printed state, kept for the audit check, not a change to show.)
_SKIP = {
    "number",
    "kind",
    "channel",
    "sha256",
    "key_id",
    "uid",
    "round",
    "visit",
    "paper",
    "births",
    "revoke_reason",  # the event's own reason says it
}

Table = Vocabulary | Mapping[str, tuple[str, ...]]


def desk_words(words: Words) -> str:
    """Words in the desk's language."""
    return words.in_language(current_language())


def desk_both(words: Words) -> str:
    """Chinese alone on a Chinese desk; 'English · 中文' on an English desk."""
    if current_language() == "zh_CN" or words.en == words.zh:
        return words.in_language(current_language())
    return f"{words.en} · {words.zh}"


def _words(table: Table, code: str) -> Words:
    if isinstance(table, Vocabulary):
        return table.words(code)
    entry = table.get(code)  # an older table of (English, Chinese, ...)
    return Words(tr(entry[0]), entry[1]) if entry else Words(code, code)


def word(table: Table, code: str) -> str:
    """A code's words in the desk's language ("" for no code)."""
    return desk_words(_words(table, code)) if code else ""


def both(table: Table, code: str) -> str:
    """'English words · 中文' for a code; the Chinese alone on a Chinese desk."""
    return desk_both(_words(table, code)) if code else ""


def search_words(table: Table, code: str) -> str:
    """A code's words in both languages, whatever the desk's: what a search finds it by."""
    words = _words(table, code)
    return f"{words.en} {words.zh}"


def in_sentence(text: str) -> str:
    """Words placed inside an English sentence start small ("complaint accepted")."""
    return text[:1].lower() + text[1:] if current_language() != "zh_CN" else text


def state_words(state: str) -> str:
    return both(CASE_STATES, state)


def state_tone(state: str) -> Tone:
    return STATE_TONES.get(state, Tone.ACT)


def transition_label(t: Transition, sep: str = " · ") -> str:
    """A step's name: Chinese alone on a Chinese desk, else English with the Chinese (the
    words on the paper the desk hands out)."""
    return t.label_zh if current_language() == "zh_CN" else f"{t.label}{sep}{t.label_zh}"


def step_label(entity: Entity, action: str) -> str:
    t = step_for_audit(f"{entity.value}.{action}")
    return action.replace("_", " ") if t is None else transition_label(t)


def event_label(action: str) -> str:
    """'case.notify' -> 'Notify the respondent · 通知被投诉人' (Chinese alone on a Chinese
    desk); an event that is not a step in the vocabulary's words."""
    t = step_for_audit(action)
    if t is not None:
        return transition_label(t)
    return desk_words(words_of_event(action))


def local_time(value: datetime | None, zone: str | ZoneInfo, seconds: bool = False) -> str:
    """A moment in the fair's local time as the desk's locale writes it, e.g. '2026/11/5 09:30'."""
    if value is None:
        return ""
    tz = zone if isinstance(zone, ZoneInfo) else ZoneInfo(zone)
    return format_datetime(value.astimezone(tz), seconds=seconds)


def _value_text(key: str, value: Any, zone: ZoneInfo) -> str:
    if key == "photos" and isinstance(value, list | tuple):
        return str(len(value))  # their fingerprints (SHA-256) mean nothing to a reader
    if isinstance(value, list | tuple):
        return ", ".join(_value_text(key, x, zone) for x in value)
    if key.endswith("_at") and isinstance(value, str):  # a moment: in the fair's time
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return value
        # A time as the desk typed it has no zone: it is the fair's, never this PC's.
        return local_time(moment if moment.tzinfo else moment.replace(tzinfo=zone), zone)
    words = detail_value_words(key, value)
    if words is None:
        return str(value)
    return desk_both(words) if key == "state" else desk_words(words)


def event_details(after: Mapping[str, Any] | None, zone: ZoneInfo) -> str:
    """The 'after' values of an audit event as one line: 'now: Notified · 已通知; ...'."""
    if not after:
        return ""
    parts = []
    for key, value in after.items():
        if key in _SKIP or value in (None, "", [], {}):
            continue
        parts.append(f"{desk_words(detail_words(key))}: {_value_text(key, value, zone)}")
    return "; ".join(parts)


def assign_mnemonics(labels: Iterable[str], reserved: Iterable[str] = ()) -> list[str]:
    """Give each label an Alt+letter mnemonic no other label (or `reserved`) uses.

    The first free letter of the label wins, preferring the start of a word. A label with
    no free letter of its own (a Chinese one) gets a free letter after it, as Chinese
    programs write it: "答辩要点(&A) *:". When all are taken it is returned unchanged (it
    still has its place in the Tab order).
    """
    used = {c.lower() for c in reserved}
    result = []
    for label in labels:
        plain = label.replace("&", "&&")
        candidates = [i for i, c in enumerate(plain) if c.isascii() and c.isalnum()]
        word_starts = [i for i in candidates if i == 0 or not plain[i - 1].isalnum()]
        chosen = next(
            (i for i in [*word_starts, *candidates] if plain[i].lower() not in used), None
        )
        if chosen is not None:
            used.add(plain[chosen].lower())
            result.append(plain[:chosen] + "&" + plain[chosen:])
            continue
        spare = next((c for c in _MNEMONIC_LETTERS if c not in used), None)
        if spare is None:
            result.append(plain)
            continue
        used.add(spare)
        end = _LABEL_END.search(plain)
        cut = end.start() if end else len(plain)
        result.append(f"{plain[:cut]}(&{spare.upper()}){plain[cut:]}")
    return result


_MNEMONIC_LETTERS = "abcdefghijklmnopqrstuvwxyz123456789"
# What follows a label's words: the required-field star, a colon, an ellipsis.
_LABEL_END = re.compile(r"[\s*:：…]+$")
