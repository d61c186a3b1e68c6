"""Words for the codes the case view shows: states, choices, clocks, audit events.

English texts are marked with QT_TRANSLATE_NOOP (context "case_labels") so Qt Linguist
picks them up; the Chinese words stay beside them because the desk shows both.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import datetime
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from fairdesk.domain.enums import CaseState
from fairdesk.domain.workflow import TRANSITIONS, Entity, Transition
from fairdesk.i18n import current_language, format_datetime

CONTEXT = "case_labels"


def _n(text: str) -> str:
    return QT_TRANSLATE_NOOP(CONTEXT, text)  # type: ignore[no-any-return]


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class Tone(StrEnum):
    """How urgent a state is for the desk; shown by an icon and words, colour only adds."""

    ACT = "act"  # the desk has to do something now
    WAIT = "wait"  # waiting for the respondent, the complainant or an inspector
    DONE = "done"  # nothing more happens on the fair floor


CASE_STATES: dict[str, tuple[str, str, Tone]] = {
    "TO_NOTIFY": (_n("To notify"), "待通知", Tone.ACT),
    "NOTIFIED": (_n("Notified, defence period running"), "已通知", Tone.WAIT),
    "SELF_REMEDIED": (_n("Removed voluntarily"), "主动撤展", Tone.DONE),
    "MEDIATING": (_n("In mediation"), "调解中", Tone.WAIT),
    "SETTLED": (_n("Settled"), "已和解", Tone.DONE),
    "WITHDRAWN": (_n("Withdrawn by the complainant"), "投诉已撤回", Tone.DONE),
    "DEFENCE_RECEIVED": (_n("Defence received"), "已答辩", Tone.ACT),
    "DEFENCE_OVERDUE": (_n("Defence overdue"), "答辩逾期", Tone.ACT),
    "UNDER_REVIEW": (_n("Under review"), "审查中", Tone.ACT),
    "INFRINGEMENT_FOUND": (_n("Infringement found"), "认定侵权", Tone.ACT),
    "NOT_INFRINGING": (_n("Not infringing"), "认定不侵权", Tone.ACT),
    "UNDETERMINED": (_n("Cannot be determined"), "无法认定", Tone.ACT),
    "REFERRED": (_n("Referred to an authority"), "已移交有关部门", Tone.DONE),
    "REMEDY_ORDERED": (_n("Measures ordered"), "已责令整改", Tone.WAIT),
    "RECHECK_DUE": (_n("Re-inspection due"), "待复查", Tone.WAIT),
    "RECHECK_PASSED": (_n("Re-inspection passed"), "复查通过", Tone.ACT),
    "RECHECK_FAILED": (_n("Re-inspection failed"), "复查未通过", Tone.ACT),
    "ESCALATED": (_n("Escalated"), "升级处理", Tone.WAIT),
    "CLOSED": (_n("Closed"), "已结案", Tone.DONE),
    "POST_FAIR": (_n("Post-fair follow-up"), "转展后追查", Tone.DONE),
}
assert set(CASE_STATES) == {s.value for s in CaseState}

TONE_WORDS = {
    Tone.ACT: _n("the desk acts next"),
    Tone.WAIT: _n("waiting"),
    Tone.DONE: _n("finished on the fair floor"),
}

COMPLAINT_STATES: dict[str, tuple[str, str]] = {
    "DRAFT": (_n("registered, not yet accepted"), "登记中"),
    "PENDING_SUPPLEMENT": (_n("awaiting supplements"), "待补正"),
    "ACCEPTED": (_n("accepted"), "已受理"),
    "TRANSFERRED": (_n("transferred to the authority"), "已移交"),
    "REJECTED": (_n("not accepted"), "不予受理"),
}

IP_TYPES: dict[str, tuple[str, str]] = {
    "invention_patent": (_n("Invention patent"), "发明专利"),
    "utility_model": (_n("Utility model"), "实用新型"),
    "design": (_n("Design patent"), "外观设计"),
    "trademark": (_n("Trademark"), "商标"),
    "copyright": (_n("Copyright"), "著作权"),
    "other": (_n("Other right"), "其他"),
}

LICENCES: dict[str, tuple[str, str]] = {
    "owner": (_n("right holder"), "权利人"),
    "sole": (_n("sole licence"), "排他许可"),
    "exclusive": (_n("exclusive licence"), "独占许可"),
    "simple": (_n("simple licence"), "普通许可"),
}

CHANNELS: dict[str, tuple[str, str]] = {
    "desk": (_n("at the desk"), "现场投诉"),
    "patrol": (_n("found on patrol"), "巡查发现"),
    "online": (_n("online"), "线上投诉"),
}

KINDS: dict[str, tuple[str, str]] = {
    "ip": (_n("IP complaint"), "知识产权投诉"),
    "commercial": (_n("Commercial dispute"), "商事纠纷"),
}

# The readable labels of a requirement's codes (Requirement.choices), by requirement name.
CHOICES: dict[str, dict[str, tuple[str, str]]] = {
    "trigger": {
        "defence_overdue": (
            _n("No written defence and evidence in time (CNIPA Art 14)"),
            "未在期限内提交书面答辩及证据",
        ),
        "prior_legal_document": (
            _n("A court or administrative decision already confirms it"),
            "已有生效法律文书确认侵权",
        ),
        "admission": (_n("The respondent admitted the infringement"), "被投诉人承认侵权"),
        "merits": (_n("On review of both parties' materials"), "经审查双方材料"),
    },
    "measure": {
        "cover": (_n("Cover the exhibit"), "遮盖"),
        "take_down": (_n("Take the exhibit down"), "撤下展品"),
        "detain": (_n("Take down and keep in storage"), "撤下并封存保管"),
        "disconnect_link": (_n("Delete, block or disconnect online links"), "删除、屏蔽或断开链接"),
        "withdraw_from_fair": (_n("Withdraw from the fair"), "撤展"),
        "cancel_participation": (_n("Cancel participation"), "取消参展资格"),
    },
    "result": {
        "passed": (_n("Measures carried out"), "措施已落实"),
        "failed": (_n("Measures not carried out"), "措施未落实"),
        "partly": (_n("Measures partly carried out"), "措施部分落实"),
        "redisplayed": (_n("The exhibit was displayed again"), "涉嫌侵权展品重新展出"),
    },
    "escalation": {
        "leave_fair": (_n("Leave the fair"), "责令撤展离场"),
        "cancel_participation": (_n("Cancel participation"), "取消参展资格"),
        "propose_ban": (_n("Propose a ban from the next edition"), "建议禁止参加下一届展会"),
        "credit_referral": (_n("Refer to the credit platform"), "报送信用平台"),
    },
    "reason_code": {
        "materials_not_supplemented": (
            _n("Materials incomplete and not supplemented in time"),
            "材料不齐备且未补正",
        ),
        "right_invalid": (_n("The right is invalid or expired"), "权利无效或已过期"),
        "right_not_valid_in_china": (_n("The right is not valid in China"), "权利在中国境内无效"),
        "no_standing": (_n("The complainant has no standing"), "投诉人不具备投诉资格"),
        "respondent_not_exhibiting": (
            _n("The respondent does not exhibit at this fair"),
            "被投诉人未参展",
        ),
        "repeat_without_follow_up": (
            _n("Handled at an earlier edition without legal follow-up"),
            "往届已处理且无后续法律程序",
        ),
        "out_of_scope": (_n("Outside the service center's remit"), "不属于受理范围"),
        "other": (_n("Other reasons"), "其他原因"),
    },
}

CLOCKS: dict[str, tuple[str, str]] = {
    "supplement": (_n("Supplement"), "补正期限"),
    "transfer": (_n("Transfer to authority"), "移交期限"),
    "defence": (_n("Defence"), "答辩期限"),
    "recheck": (_n("Re-inspection"), "复查期限"),
}

# Short names for buttons ("Pause defence").
CLOCKS_SHORT: dict[str, str] = {
    "supplement": _n("supplement"),
    "transfer": _n("transfer"),
    "defence": _n("defence"),
    "recheck": _n("re-inspection"),
}

# Audit events that are not workflow steps.
EVENTS: dict[str, str] = {
    "complaint.register": _n("Complaint registered"),
    "case.create": _n("Respondent case opened"),
    "clock.start": _n("Deadline started"),
    "clock.pause": _n("Deadline paused"),
    "clock.resume": _n("Deadline resumed"),
    "clock.stop": _n("Deadline stopped"),
    "document.issue": _n("Document issued"),
    "document.revoke": _n("Document revoked"),
    "case.assign": _n("Case assigned"),
}

# Keys of an audit event's "after" values, as the timeline's details column names them.
DETAIL_KEYS: dict[str, str] = {
    "state": _n("now"),
    "assigned_to": _n("assigned to"),
    "trigger": _n("trigger"),
    "legal_basis": _n("legal basis"),
    "measure": _n("measure"),
    "summary": _n("defence"),
    "terms": _n("terms"),
    "authority": _n("authority"),
    "result": _n("result"),
    "escalation": _n("escalation"),
    "reason_code": _n("reason"),
    "missing_items": _n("missing"),
    "storage_place": _n("storage"),
    "undertaking_signed": _n("undertaking signed"),
    "clock": _n("deadline"),
    "due_at": _n("due"),
    "complainant": _n("complainant"),
    "agent": _n("agent"),
    "rights": _n("rights"),
    "respondents": _n("respondents"),
    "exhibitor": _n("exhibitor"),
    "booth": _n("booth"),
    "exhibits": _n("exhibits"),
}
# Values of these keys are codes with words of their own.
_CODED = {
    "trigger": CHOICES["trigger"],
    "measure": CHOICES["measure"],
    "result": CHOICES["result"],
    "escalation": CHOICES["escalation"],
    "reason_code": CHOICES["reason_code"],
    "clock": CLOCKS,
}
_SKIP = {"number", "kind", "channel"}

_STEP_LABELS = {f"{t.entity.value}.{t.action}": t for t in TRANSITIONS}


def word(table: Mapping[str, tuple[str, ...]], code: str) -> str:
    """The (translated) English words of a code, the code itself if unknown."""
    entry = table.get(code)
    return tr(entry[0]) if entry else code


def both(table: Mapping[str, tuple[str, ...]], code: str) -> str:
    """'English words · 中文' for a code."""
    entry = table.get(code)
    if not entry:
        return code
    if current_language() == "zh_CN":  # the translation is the Chinese already
        return entry[1]
    return f"{tr(entry[0])} · {entry[1]}"


def state_words(state: str) -> str:
    return both(CASE_STATES, state)


def state_tone(state: str) -> Tone:
    entry = CASE_STATES.get(state)
    return entry[2] if entry else Tone.ACT


def transition_label(t: Transition, sep: str = " · ") -> str:
    """A step's name: Chinese alone on a Chinese desk, else English with the Chinese (the
    words on the paper the desk hands out)."""
    return t.label_zh if current_language() == "zh_CN" else f"{tr(t.label)}{sep}{t.label_zh}"


def step_label(entity: Entity, action: str) -> str:
    t = _STEP_LABELS.get(f"{entity.value}.{action}")
    return action if t is None else transition_label(t)


def event_label(action: str) -> str:
    """'case.notify' -> 'Notify the respondent · 通知被投诉人'."""
    t = _STEP_LABELS.get(action)
    if t is not None:
        return transition_label(t)
    if action in EVENTS:
        return tr(EVENTS[action])
    return action


def local_time(value: datetime | None, zone: str | ZoneInfo, seconds: bool = False) -> str:
    """A moment in the fair's local time as the desk's locale writes it, e.g. '2026/11/5 09:30'."""
    if value is None:
        return ""
    tz = zone if isinstance(zone, ZoneInfo) else ZoneInfo(zone)
    return format_datetime(value.astimezone(tz), seconds=seconds)


def _value_text(key: str, value: Any, zone: ZoneInfo) -> str:
    if key == "state":
        if str(value) in CASE_STATES:
            return state_words(str(value))
        return both(COMPLAINT_STATES, str(value))
    if key in _CODED:
        return word(_CODED[key], str(value))
    if key == "due_at" and isinstance(value, str):
        try:
            return local_time(datetime.fromisoformat(value), zone)
        except ValueError:
            return value
    if isinstance(value, bool):
        return tr(_n("yes")) if value else tr(_n("no"))
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def event_details(after: Mapping[str, Any] | None, zone: ZoneInfo) -> str:
    """The 'after' values of an audit event as one line: 'now: Notified · 已通知; ...'."""
    if not after:
        return ""
    parts = []
    for key, value in after.items():
        if key in _SKIP or value in (None, "", [], {}):
            continue
        name = tr(DETAIL_KEYS[key]) if key in DETAIL_KEYS else key
        parts.append(f"{name}: {_value_text(key, value, zone)}")
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
