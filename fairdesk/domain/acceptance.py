"""The one rule for accepting a complaint (受理), asked by the complaint form and enforced
by the service, so that a script cannot accept what the form would refuse.

2006 Measures Art 8 (materials per type of right, the agent's power of attorney), Art 9
(incomplete materials are supplemented or the complaint is not accepted), Art 10 (the
complainant's signed commitment), CNIPA 2022 Guidelines Art 12 (the right must be valid in
China and in force).

Each problem is a `Refusal` naming the field it is about (`complainant`, `respondents`,
`power_of_attorney`, `commitment`, `materials.<key>`, `rights.<n>.number`, ...) and, where one
fits, the reason code to reject with when the complainant cannot put it right.

Pure: no database, no Qt.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from fairdesk.domain import materials
from fairdesk.domain.enums import (
    ComplaintKind,
    IPType,
    LicenceType,
    ProtectionBasis,
    RejectReason,
)
from fairdesk.domain.errors import MissingRequirement
from fairdesk.domain.workflow import Refusal


@dataclass(frozen=True)
class RightFacts:
    number: str
    ip_type: str
    jurisdiction: str = materials.CHINA
    valid_from: date | None = None
    valid_until: date | None = None
    basis: str = ""  # ProtectionBasis; "" lets the jurisdiction decide
    ir_number: str = ""  # a Madrid international registration's number
    licence_type: str = LicenceType.OWNER
    holder: str = ""  # "" when not typed: standing is then not compared


PATENTS = frozenset({IPType.INVENTION_PATENT, IPType.UTILITY_MODEL, IPType.DESIGN})


def basis_of(right: RightFacts) -> ProtectionBasis:
    """The right's basis of protection in China: as recorded, else from its jurisdiction
    (a copyright from abroad is protected by authorship, Berne Convention)."""
    if right.basis:
        return ProtectionBasis(right.basis)
    if materials.normalize_jurisdiction(right.jurisdiction) == materials.CHINA:
        return ProtectionBasis.CN_GRANT
    if right.ip_type == IPType.COPYRIGHT:
        return ProtectionBasis.AUTHORSHIP
    if right.ip_type == IPType.TRADEMARK and right.ir_number.strip():
        return ProtectionBasis.MADRID
    return ProtectionBasis.FOREIGN_ONLY


def _not_valid_in_china(right: RightFacts, place: str) -> AcceptanceProblem | None:
    """CNIPA 2022 Art 12: a patent needs a Chinese grant; a trademark a Chinese registration
    or a Madrid registration designating China; copyright needs no registration."""
    basis = basis_of(right)
    where = materials.normalize_jurisdiction(right.jurisdiction)
    if right.ip_type == IPType.COPYRIGHT:
        return None
    if right.ip_type == IPType.TRADEMARK and basis is ProtectionBasis.MADRID:
        if right.ir_number.strip():
            return None
        return AcceptanceProblem(
            Refusal(
                MissingRequirement,
                "Trademark {number} rests on a Madrid registration designating China: enter "
                "its international registration number.",
                {"number": right.number},
                field=place.replace(".number", ".ir_number"),
            )
        )
    if basis is ProtectionBasis.CN_GRANT and where == materials.CHINA:
        return None
    template = (
        "Patent {number} is granted in {jurisdiction}, not in China: a foreign patent is not "
        "valid in China (CNIPA 2022 Guidelines Art 12)."
        if right.ip_type in PATENTS
        else "Right {number} is registered in {jurisdiction}; only rights valid in China can "
        "be enforced here (CNIPA 2022 Guidelines Art 12)."
    )
    return AcceptanceProblem(
        Refusal(
            MissingRequirement,
            template,
            {"number": right.number, "jurisdiction": where},
            field=place,
        ),
        RejectReason.RIGHT_NOT_VALID_IN_CHINA,
    )


@dataclass(frozen=True)
class ComplaintFacts:
    """What acceptance looks at, as the form shows it or the database holds it."""

    number: str = ""
    kind: str = ComplaintKind.IP
    complainant: str = ""
    complainant_en: str = ""
    respondents: int = 0
    unresolved_respondents: int = 0  # named on the form but not matched to an exhibitor
    agent: bool = False
    power_of_attorney: bool = False
    commitment_signed: bool = False
    materials: Mapping[str, object] = field(default_factory=dict)
    rights: Sequence[RightFacts] = ()


@dataclass(frozen=True)
class AcceptanceProblem:
    refusal: Refusal
    reject_reason: str = ""  # the reason code to reject with, when it cannot be put right


# A company's legal form at the end of its name: "示例品牌" and "示例品牌股份有限公司" are one
# holder as the desk types it. Chinese forms end the name; Latin ones are whole words.
_CJK_FORMS = ("股份有限公司", "有限责任公司", "有限公司", "公司")
_LATIN_FORMS = re.compile(
    r"[\s,.]+(co\.?,?\s*ltd|company|corporation|corp|limited|ltd|llc|inc|gmbh|s\.?p\.?a|ag|co)"
    r"[\s,.]*$"
)


def _holder_key(name: str) -> str:
    """A name without case, full-width forms, spaces and its legal form."""
    text = unicodedata.normalize("NFKC", name).casefold().strip().rstrip(".,")
    while (shorter := _LATIN_FORMS.sub("", text)) != text:
        text = shorter.strip()
    key = "".join(text.split())
    for form in _CJK_FORMS:
        if key.endswith(form) and len(key) > len(form):
            return key.removesuffix(form)
    return key


def holds_the_right(holder: str, *complainant_names: str) -> bool:
    """Whether the right's holder is the complainant (either of its names); a holder not
    typed is taken as the complainant (nothing to compare)."""
    if not holder.strip():
        return True
    key = _holder_key(holder)
    return any(key == _holder_key(n) for n in complainant_names if n.strip())


def standing_refusal(right: RightFacts, c: ComplaintFacts, index: int) -> AcceptanceProblem | None:
    """Standing (Patent Law Art 65, Trademark Law Art 60 on 利害关系人): a complainant that
    does not hold the right complains as a licensee (exclusive, sole, or simple with the
    owner's authorisation), with the licence contract among the materials (the checklist
    asks for them), never as the holder."""
    if right.licence_type != LicenceType.OWNER or holds_the_right(
        right.holder, c.complainant, c.complainant_en
    ):
        return None
    return AcceptanceProblem(
        Refusal(
            MissingRequirement,
            "Right {number} is held by {holder}, not by the complainant {complainant}: the "
            "complainant cannot complain as the right holder. Record its standing as an "
            "exclusive, sole or simple licensee and receive the licence contract (a simple "
            "licensee also needs the holder's authorisation), or reject the complaint for "
            "lack of standing.",
            {"number": right.number, "holder": right.holder, "complainant": c.complainant},
            field=f"rights.{index}.licence_type",
        ),
        RejectReason.NO_STANDING,
    )


def right_refusal(right: RightFacts, on: date, index: int = 1) -> AcceptanceProblem | None:
    """Why this right cannot be enforced at the fair on `on`; None when it can."""
    place = f"rights.{index}.number"
    if not right.number.strip():
        return AcceptanceProblem(
            Refusal(MissingRequirement, "Enter the patent or registration number.", field=place)
        )
    problem = _not_valid_in_china(right, place)
    if problem is not None:
        return problem
    if right.valid_until is not None and right.valid_until < on:
        return AcceptanceProblem(
            Refusal(
                MissingRequirement,
                "Right {number} expired on {valid_until}; reject the complaint, or correct "
                "the right's validity.",
                {"number": right.number, "valid_until": right.valid_until},
                field=f"rights.{index}.valid_until",
            ),
            RejectReason.RIGHT_INVALID,
        )
    if right.valid_from is not None and right.valid_from > on:
        return AcceptanceProblem(
            Refusal(
                MissingRequirement,
                "Right {number} is not in force before {valid_from}; reject the complaint, or "
                "correct the right's validity.",
                {"number": right.number, "valid_from": right.valid_from},
                field=f"rights.{index}.valid_from",
            ),
            RejectReason.RIGHT_INVALID,
        )
    return None


def acceptance_problems(c: ComplaintFacts, on: date) -> list[AcceptanceProblem]:
    """Everything that stops the complaint from being accepted on `on`, top to bottom of
    the form; empty when it may be accepted."""
    out: list[AcceptanceProblem] = []

    def add(template: str, where: str, reason: str = "", **params: object) -> None:
        out.append(AcceptanceProblem(Refusal(MissingRequirement, template, params, where), reason))

    if not c.complainant.strip():
        add("Enter the complainant's name (person or company).", "complainant")
    if c.agent and not c.power_of_attorney:
        add(
            "An agent files for the complainant: the power of attorney is needed to accept "
            "(2006 Measures Art 8).",
            "power_of_attorney",
        )
    ip = c.kind == ComplaintKind.IP
    refused = {r.number for r in refused_rights(c, on)}
    if ip:
        if not c.rights:
            add(
                "An IP complaint names at least one right (patent, trademark, ...).",
                "rights.1.number",
            )
        for i, right in enumerate(c.rights, start=1):
            problem = right_refusal(right, on, i)
            if problem is not None and right.number not in refused:
                out.append(problem)
            if right.number not in refused and (standing := standing_refusal(right, c, i)):
                out.append(standing)
    if c.respondents < 1:
        add("A complaint names at least one respondent.", "respondents")
    elif c.unresolved_respondents:
        add("Choose the exhibitor of every respondent from the fair's list.", "respondents")
    if ip:
        # The materials of the rights relied on: a refused right needs none.
        kept = [r for r in c.rights if r.number not in refused]
        checklist = materials.checklist(
            {r.ip_type for r in kept}, agent=False, licences=[r.licence_type for r in kept]
        )
        missing = materials.missing(checklist, c.materials)
        if missing:
            add(
                "Not received yet: {items}. Tick what you have, or ask for supplements "
                "(2006 Measures Art 9).",
                f"materials.{missing[0].key}",
                RejectReason.MATERIALS_NOT_SUPPLEMENTED,
                items=tuple(m.en for m in missing),
            )
    if ip and not c.commitment_signed:  # a commercial dispute carries no IP commitment
        add(
            "The complainant's signed commitment (承诺书, 2006 Measures Art 10) is needed to "
            "accept.",
            "commitment",
        )
    return out


@dataclass(frozen=True)
class RefusedRight:
    """A right the complaint is not accepted for, while it is for another."""

    number: str
    reason: str  # RejectReason
    refusal: Refusal


def refused_rights(c: ComplaintFacts, on: date) -> list[RefusedRight]:
    """The rights that cannot be enforced for a reason the complainant cannot put right
    (lapsed, not valid in China), when at least one other right can: the complaint is
    accepted for the valid rights, these are refused with their reason. Empty when every
    right is valid, or none is (then the whole complaint is not accepted)."""
    found = [(r, right_refusal(r, on, i)) for i, r in enumerate(c.rights, start=1)]
    if c.kind != ComplaintKind.IP or all(p is not None for _r, p in found):
        return []
    return [
        RefusedRight(r.number, p.reject_reason, p.refusal)
        for r, p in found
        if p is not None and p.reject_reason
    ]


def suggested_reject_reason(problems: Sequence[AcceptanceProblem]) -> str:
    """The reason code of the first problem that has one ("" when none fits)."""
    return next((p.reject_reason for p in problems if p.reject_reason), "")
