# mypy: disable-error-code="import-untyped,import-not-found"
"""不予受理通知书: why the complaint is not accepted, naming the right(s) concerned."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from datetime import date

from reportlab.platypus import Flowable

from fairdesk.documents import labels as L
from fairdesk.documents.furniture import S, bi, box, fields, para, section, signature_lines
from fairdesk.documents.model import DocumentData, RightView
from fairdesk.documents.parts import (
    case_rows,
    foreign_right_name,
    protected_in_china,
    right_name,
    rights_block,
)
from fairdesk.domain.enums import RejectReason


def _not_protected_in_china(r: RightView) -> bool:
    return not protected_in_china(r)


def _lapsed(r: RightView, on: str) -> bool:
    try:
        return bool(r.valid_until) and date.fromisoformat(r.valid_until) < date.fromisoformat(on)
    except ValueError:
        return False


def _why_not_protected(r: RightView) -> tuple[str, str]:
    """One right from abroad, named, and why China does not protect it: a mark can still
    be protected through a Madrid registration designating China, a patent cannot."""
    zh, en = foreign_right_name(r)
    zh, en = zh.rpartition("（")[0] or zh, en.rpartition(" (")[0] or en
    if r.ip_type == "trademark":
        mark = f"“{r.title}”商标" if r.title else "商标"
        mark_en = f'"{r.title}" trade mark' if r.title else "trade mark"
        return (
            f"投诉人所依据的{mark}（{zh}）未在中国注册，亦未经马德里国际注册指定中国，"
            "在中国境内不受保护。",
            f"The {mark_en} relied on by the complainant ({en}) is neither registered in China "
            "nor designated for China by a Madrid international registration, and is not "
            "protected in China.",
        )
    return (
        f"投诉人所依据的{zh}未在中国获得授权，在中国境内不受保护。",
        f"The {en} relied on by the complainant was not granted in China and is not "
        "protected in China.",
    )


def refusal_words(r: RightView, reason: str) -> tuple[str, str]:
    """Why one right is not accepted, as this notice words it (a receipt that refuses one
    right of a complaint says the same)."""
    if reason == RejectReason.RIGHT_NOT_VALID_IN_CHINA and _not_protected_in_china(r):
        return _why_not_protected(r)
    if reason == RejectReason.RIGHT_INVALID:
        zh, en = right_name(r)
        return (
            f"{zh}已被宣告无效或已失效（期满/终止）。",
            f"{en[:1].upper()}{en[1:]} was declared invalid or has lapsed (expired or terminated).",
        )
    return L.zh(L.REJECT_REASONS, reason), L.en(L.REJECT_REASONS, reason)


def _concerned(d: DocumentData) -> DocumentData:
    """The paper with only the rights its reason is about, when the reason is about rights:
    a right the reason does not touch is not printed as if it failed too."""
    if d.reject_reason == RejectReason.RIGHT_NOT_VALID_IN_CHINA:
        failing = [r for r in d.rights if _not_protected_in_china(r)]
    elif d.reject_reason == RejectReason.RIGHT_INVALID:
        failing = [r for r in d.rights if _lapsed(r, d.issued_at[:10])]
    else:
        return d
    return replace(d, rights=tuple(failing)) if failing else d


def _reason(d: DocumentData) -> tuple[str, str]:
    """The reason, naming the right(s) it concerns where the reason is about a right. A
    right never granted in China is not "invalid" (无效 is a declared invalidation): it is
    not protected in China."""
    on = d.issued_at[:10]
    if d.reject_reason == RejectReason.RIGHT_NOT_VALID_IN_CHINA:
        failing = [r for r in d.rights if _not_protected_in_china(r)]
        if failing:
            why = [_why_not_protected(r) for r in failing]
            return "".join(zh for zh, _ in why), " ".join(en for _, en in why)
        return (
            "投诉所依据的权利未在中国获得授权或注册（在中国境内不受保护）。",
            "The right relied on was not granted or registered in China and is not protected "
            "in China.",
        )
    if d.reject_reason == RejectReason.RIGHT_INVALID:
        failing = [r for r in d.rights if _lapsed(r, on)]
        named = "、".join(right_name(r)[0] for r in failing) or "投诉所依据的权利"
        named_en = ", ".join(right_name(r)[1] for r in failing) or "the right relied on"
        return (
            f"{named}已被宣告无效或已失效（期满/终止）。",
            f"{named_en[:1].upper()}{named_en[1:]} was declared invalid or has lapsed "
            "(expired or terminated).",
        )
    return L.zh(L.REJECT_REASONS, d.reject_reason), L.en(L.REJECT_REASONS, d.reject_reason)


def _unaffected(d: DocumentData) -> list[Flowable]:
    """The rights the reason does not touch: the complaint is refused as a whole, but the
    complainant may file again on them (no partial acceptance exists yet)."""
    if d.reject_reason == RejectReason.RIGHT_NOT_VALID_IN_CHINA:
        rest = [r for r in d.rights if not _not_protected_in_china(r)]
    elif d.reject_reason == RejectReason.RIGHT_INVALID:
        rest = [r for r in d.rights if not _lapsed(r, d.issued_at[:10])]
    else:
        return []
    if not rest or len(rest) == len(d.rights):
        return []
    zh = "、".join(right_name(r)[0] for r in rest)
    en = ", ".join(right_name(r)[1] for r in rest)
    return bi(
        f"上述理由不涉及{zh}；你方可依据该权利重新提出投诉。",
        f"This reason does not concern {en}; you may file a new complaint relying on it.",
    )


def _letters(text: str) -> str:
    """Text reduced to its letters and digits (full-width folded, case ignored): a note is
    compared with the reason whatever its spaces and punctuation."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if unicodedata.category(ch)[0] in "LN")


# Words that add nothing of their own to a note ("商标仅在欧盟注册" says only what the
# reason's "欧盟商标…未在中国注册" says): particles and adverbs, not facts.
_PARTICLES = frozenset("仅只均都已未亦在的了是该其于并且而")


def _restates(note: str, said: str) -> bool:
    """Whether every word of the note is in the printed reason: each Chinese character
    (particles aside) and each Latin word or number."""
    folded = unicodedata.normalize("NFKC", note).casefold()
    hanzi = {ch for ch in folded if "\u4e00" <= ch <= "\u9fff"} - _PARTICLES
    words = {w for w in re.findall(r"[a-z0-9]+", folded) if len(w) > 2}
    return all(ch in said for ch in hanzi) and all(w in said for w in words)


def _note(d: DocumentData, reason: tuple[str, str]) -> list[Flowable]:
    """The desk's note as typed, when it adds to the printed reason: a note the reason
    already says, word for word or in its own words, is left out rather than said twice."""
    # Its English part when it has one ("中文 / English").
    note_zh, sep, note_en = d.note.partition(" / ")
    said = _letters("".join(reason))
    if not _letters(d.note) or all(_letters(x) in said for x in (note_zh, note_en) if x):
        return []
    if _restates(d.note, said):
        return []
    return bi(f"说明：{note_zh}", f"Note: {note_en}" if sep else f"Note (original text): {d.note}")


def story(d: DocumentData) -> list[Flowable]:
    zh, en = _reason(d)
    out: list[Flowable] = [
        para(f"{d.complainant.name}：", S.zh, bold=True),
        para(f"To {d.complainant.name_en or d.complainant.name}:", S.en),
        *bi(
            f"经审查，你方于{d.received_at}提交的投诉（投诉编号{d.complaint_number}）"
            "不符合受理条件，本中心决定不予受理。",
            f"Having examined your complaint {d.complaint_number}, filed on {d.received_at}, "
            "the service center has decided not to accept it.",
        ),
        *section("不予受理的理由", "Reason"),
        box(bi(zh, en)),
    ]
    out += _note(d, (zh, en))
    out += _unaffected(d)
    out += rights_block(_concerned(d))
    out += [
        fields(case_rows(d)),
        *bi(
            "本通知不影响你方依法向人民法院起诉或向知识产权管理部门请求处理。",
            "This notice does not prevent you from bringing an action before a people's court "
            "or asking an IP authority to handle the matter.",
        ),
        signature_lines([("投诉人签收", "Received by the complainant")]),
    ]
    return out
