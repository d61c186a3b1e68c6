"""The materials a complaint needs, per type of right, and whether a right can be enforced.

2006 Measures Art 8 lists what a complainant files: proof of the right (a patent's
certificate, publication text and legal status; a trademark's registration; proof of
authorship for copyright), the complainant's identity, basic details of the accused
exhibitor, the grounds and evidence, and a power of attorney when an agent files. The
desk ticks what it received; the ticks are stored in `Complaint.materials` as
{key: bool} under the stable keys below (renaming a key is a data migration). What is
not ticked is what the complainant is asked to supplement (Art 9).

Pure: no database, no Qt.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from fairdesk.domain.enums import IPType

ART_8 = "2006 Measures Art 8"


@dataclass(frozen=True)
class Material:
    key: str
    zh: str
    en: str
    basis: str = ART_8

    @property
    def label(self) -> str:
        """Both languages, Chinese first, as printed on the notice to supplement."""
        return f"{self.zh} / {self.en}"


IDENTITY = Material(
    "identity",
    "投诉人身份证明（营业执照或身份证件）",
    "Identity of the complainant (business licence or ID document)",
)
PATENT_CERTIFICATE = Material("patent_certificate", "专利证书", "Patent certificate")
PATENT_PUBLICATION = Material(
    "patent_publication", "专利公告文本", "Patent publication (granted text)"
)
LEGAL_STATUS = Material(
    "legal_status", "专利法律状态证明", "Proof of the patent's current legal status"
)
TRADEMARK_REGISTRATION = Material(
    "trademark_registration", "商标注册证明", "Trademark registration certificate"
)
AUTHORSHIP = Material(
    "authorship", "著作权权属证明（作品登记证书或创作证明）", "Proof of authorship or ownership"
)
RIGHT_PROOF = Material("right_proof", "权利证明文件", "Proof of the right")
RESPONDENT_DETAILS = Material(
    "respondent_details",
    "被投诉人基本信息（名称、展位号）",
    "Basic details of the respondent (name, booth)",
)
EVIDENCE = Material(
    "evidence",
    "涉嫌侵权的理由和证据（照片、比对说明等）",
    "Grounds and evidence of the infringement (photos, comparison)",
)
LICENCE_CONTRACT = Material(
    "licence_contract",
    "专利或商标实施许可合同（被许可人投诉时）",
    "Licence contract (when a licensee complains)",
    "Patent Law Art 65; Trademark Law Art 60 (interested parties)",
)
OWNER_AUTHORISATION = Material(
    "owner_authorisation",
    "权利人明确授权普通被许可人投诉的证明",
    "The owner's express authorisation of a simple licensee to complain",
    "Patent Law Art 65; Trademark Law Art 60 (interested parties)",
)
PATENT_NO_DISPUTE = Material(
    "patent_no_dispute",
    "专利权未涉及诉讼、无效宣告、权属纠纷或恢复程序的说明",
    "Statement that no suit, invalidation request, ownership dispute or restoration is "
    "pending on the patent",
    "2006 Measures Art 17",
)
POWER_OF_ATTORNEY = Material(
    "power_of_attorney",
    "授权委托书及代理人身份证明",
    "Power of attorney and the agent's identity",
)

_PATENT = (PATENT_CERTIFICATE, PATENT_PUBLICATION, LEGAL_STATUS, PATENT_NO_DISPUTE)
PROOF_OF_RIGHT: Mapping[IPType, tuple[Material, ...]] = {
    IPType.INVENTION_PATENT: _PATENT,
    IPType.UTILITY_MODEL: _PATENT,
    IPType.DESIGN: _PATENT,
    IPType.TRADEMARK: (TRADEMARK_REGISTRATION,),
    IPType.COPYRIGHT: (AUTHORSHIP,),
    IPType.OTHER: (RIGHT_PROOF,),
}

ALL_MATERIALS: tuple[Material, ...] = (
    IDENTITY,
    PATENT_CERTIFICATE,
    PATENT_PUBLICATION,
    LEGAL_STATUS,
    TRADEMARK_REGISTRATION,
    AUTHORSHIP,
    RIGHT_PROOF,
    PATENT_NO_DISPUTE,
    RESPONDENT_DETAILS,
    EVIDENCE,
    LICENCE_CONTRACT,
    OWNER_AUTHORISATION,
    POWER_OF_ATTORNEY,
)
BY_KEY: Mapping[str, Material] = {m.key: m for m in ALL_MATERIALS}

# Once standing is recorded, the licence contract is named by the right it licenses.
_PATENT_LICENCE = ("专利实施许可合同", "Patent licence contract")
LICENCE_CONTRACTS: Mapping[IPType, tuple[str, str]] = {
    IPType.INVENTION_PATENT: _PATENT_LICENCE,
    IPType.UTILITY_MODEL: _PATENT_LICENCE,
    IPType.DESIGN: _PATENT_LICENCE,
    IPType.TRADEMARK: ("商标使用许可合同", "Trademark licence contract"),
    IPType.COPYRIGHT: ("著作权许可合同", "Copyright licence contract"),
    IPType.OTHER: ("许可合同", "Licence contract"),
}


def licence_contract(licensed: Iterable[str]) -> Material:
    """The licence contract named by the types of the rights the complainant is a licensee
    of ("著作权许可合同"); the general, conditional name while none is known."""
    names: list[tuple[str, str]] = []
    for code in licensed:
        name = LICENCE_CONTRACTS.get(IPType(code))
        if name is not None and name not in names:
            names.append(name)
    if not names:
        return LICENCE_CONTRACT
    en = " and ".join(e if i == 0 else e[0].lower() + e[1:] for i, (_, e) in enumerate(names))
    return Material(
        LICENCE_CONTRACT.key, "、".join(z for z, _ in names), en, LICENCE_CONTRACT.basis
    )


def checklist(
    ip_types: Iterable[str], *, agent: bool, licences: Iterable[str] = ()
) -> tuple[Material, ...]:
    """What an IP complaint with rights of these types needs, in a stable order; a licensee
    adds its licence contract, a simple licensee the owner's express authorisation.

    Unknown type codes are refused (ValueError); a type named twice counts once.
    """
    types = {IPType(t) for t in ip_types}
    proofs: list[Material] = []
    for ip_type in IPType:  # the enum's order, so the list never reshuffles
        if ip_type in types:
            proofs.extend(m for m in PROOF_OF_RIGHT[ip_type] if m not in proofs)
    items = [IDENTITY, *proofs, RESPONDENT_DETAILS, EVIDENCE]
    held = set(licences) - {"owner", ""}
    if held:
        items.append(LICENCE_CONTRACT)
    if "simple" in held:
        items.append(OWNER_AUTHORISATION)
    if agent:
        items.append(POWER_OF_ATTORNEY)
    return tuple(items)


def ticks_of(items: Iterable[Material], received: Iterable[str]) -> dict[str, bool]:
    """The {key: bool} stored on the complaint: every item of the checklist, ticked or not."""
    got = set(received)
    return {m.key: m.key in got for m in items}


def missing(items: Iterable[Material], ticks: Mapping[str, object]) -> list[Material]:
    return [m for m in items if not ticks.get(m.key)]


def missing_text(items: Iterable[Material]) -> str:
    """One bilingual line per item: the prefilled list of a notice to supplement."""
    return "\n".join(m.label for m in items)


# -- can the right be enforced here? --------------------------------------------------------

CHINA = "CN"
_CHINA_SPELLINGS = frozenset({"CN", "CHN", "CHINA", "PRC", "中国", "中华人民共和国", "中国大陆"})


def normalize_jurisdiction(text: str) -> str:
    """Canonical jurisdiction: "cn", " China ", "中国" and "" -> "CN"; other codes
    upper-cased ("us" -> "US")."""
    s = "".join(unicodedata.normalize("NFKC", text).split()).upper()
    if not s or s in _CHINA_SPELLINGS:
        return CHINA
    return s


def right_problem(
    jurisdiction: str, valid_from: date | None, valid_until: date | None, on: date
) -> str | None:
    """Why the right cannot be enforced at the fair on `on`, in words; None when it can.

    The right must be valid in China (CNIPA 2022 Guidelines Art 12) and in force.
    """
    where = normalize_jurisdiction(jurisdiction)
    if where != CHINA:
        return f"Registered in {where}: not valid in China (2022 Guidelines Art 12)."
    if valid_until is not None and valid_until < on:
        return f"Expired on {valid_until.isoformat()}."
    if valid_from is not None and valid_from > on:
        return f"Not in force before {valid_from.isoformat()}."
    return None


def valid_in_china_on(
    jurisdiction: str, valid_from: date | None, valid_until: date | None, on: date
) -> bool:
    return right_problem(jurisdiction, valid_from, valid_until, on) is None
