# mypy: disable-error-code="import-untyped,import-not-found"
"""案件线索移送函: a decided case referred to an authority (IP office, market regulation,
or the police for a criminal lead, 行刑衔接); the package it heads holds the case summary
and the evidence files with their SHA-256. The service center is not an administrative
organ: it refers what it found and asks the authority to examine it."""

from __future__ import annotations

from reportlab.platypus import Flowable

from fairdesk.documents import labels as L
from fairdesk.documents.furniture import S, bi, fields, para, section, signature_lines
from fairdesk.documents.model import DocumentData
from fairdesk.documents.parts import (
    accused_under,
    addressee,
    authority_names,
    case_rows,
    exhibits_block,
    exhibits_heading,
    found_infringing,
    licensed,
    measures_block,
    outcome,
    parties_side_by_side,
    right_name,
    rights_block,
    rights_of,
)
from fairdesk.documents.quantities import name_en
from fairdesk.domain.enums import AuthorityKind

# How the letter addresses an authority of each kind: a bureau (局), or a unit.
_YOU: dict[str, str] = {AuthorityKind.IP_OFFICE: "贵局", AuthorityKind.MARKET_REGULATION: "贵局"}
# The English addressee when the desk typed the Chinese name only (an English line never
# carries the Chinese name).
_TO_EN: dict[str, str] = {
    AuthorityKind.IP_OFFICE: "the IP administration",
    AuthorityKind.MARKET_REGULATION: "the market regulation authority",
    AuthorityKind.POLICE: "the public security authority",
    AuthorityKind.COURT: "the court",
    AuthorityKind.DISPUTE_BODY: "the organizer's commercial dispute body",
}


def _exhibit_words(model: str, name: str) -> tuple[str, str]:
    """ "CM-101型智能咖啡机" / "the CM-101 (智能咖啡机)": the model leads, as a lead names it."""
    if model:
        return f"{model}型{name}", f"the exhibit {model}"
    return name, f"the exhibit “{name_en(name)}”"


def _finding(d: DocumentData) -> list[Flowable]:
    """What the center found, naming the right each exhibit is suspected of infringing and
    the ground; a case not found infringing keeps its outcome's words."""
    found_zh, found_en = outcome(d)
    if not found_infringing(d):
        found_en = found_en[:1].lower() + found_en[1:]  # mid-sentence
        return bi(
            f"本中心在展会期间处理的被投诉人案件{d.case_number}（投诉编号{d.complaint_number}），"
            f"本中心的初步意见为：{found_zh}。",
            f"The respondent case {d.case_number} (complaint {d.complaint_number}) was handled "
            f"by the service center during the fair; its preliminary view: {found_en}.",
        )
    ground_zh = L.zh(L.TRIGGERS, d.decision_trigger)
    ground_en = L.en(L.TRIGGERS, d.decision_trigger)
    holder, holder_en = d.complainant.name, d.complainant.name_en or d.complainant.name
    out: list[Flowable] = []
    by_name = {right_name(r): r for r in d.rights}
    for x in d.exhibits:
        names = accused_under(d, x)
        if not names:
            continue
        what, what_en = _exhibit_words(x.model, x.name)
        ground = f"（认定依据：{ground_zh}）" if ground_zh else ""
        # A licensee's right is named as its holder's, never the complainant's.
        rights = [by_name[n] for n in names if n in by_name]
        whose, names_en = rights_of(rights, holder)
        owner_en = "" if any(licensed(r) for r in rights) else f"{holder_en}'s "
        out += bi(
            f"经审查，本中心初步认定被投诉人展出的{what}涉嫌侵犯{whose}{ground}。",
            f"Having examined the case, the service center preliminarily finds that "
            f"{what_en} displayed by the respondent is suspected of infringing {owner_en}"
            f"{' and '.join(names_en)}"
            + (f" (ground: {ground_en[:1].lower()}{ground_en[1:]})" if ground_en else "")
            + ".",
        )
    return out


def _measures(d: DocumentData) -> list[Flowable]:
    if d.measures:
        return measures_block(d)
    return bi("本中心未采取整改措施。", "The service center took no remedial measures.")


def story(d: DocumentData) -> list[Flowable]:
    you = _YOU.get(d.referral_kind, "贵单位")
    fallback = _TO_EN.get(d.referral_kind, "the authority")
    out = [
        *addressee(*authority_names(d.case_authority, fallback_en=fallback)),
        *_finding(d),
        *bi(
            f"现将该案件线索（案件编号{d.case_number}，投诉编号{d.complaint_number}）移送{you}"
            "依法处理。随附：案件摘要、证据文件清单（含电子校验值）。",
            f"The lead (case {d.case_number}, complaint {d.complaint_number}) is referred to "
            "you for handling under the law. Enclosed: the case summary and the list of "
            "evidence files (with their electronic check values).",
        ),
        fields(case_rows(d)),
        # Side by side: the authority reads both parties together, never split by a page.
        *parties_side_by_side(d),
        *rights_block(d),
        *exhibits_block(d.exhibits, *exhibits_heading(d)),
        *_measures(d),
    ]
    if d.closing_reason.strip():  # no heading over a dash
        out += [*section("移送说明", "Note"), para(d.closing_reason, S.zh)]
    return [*out, signature_lines([("接收单位签收", "Received by the authority")])]
