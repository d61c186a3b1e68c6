"""Rule sets: the deadlines and legal-basis texts a fair works under.

Every number is a default a fair may change (domain.md); the presets follow the published
rules of the fairs they are named after. Legal-basis texts are printed on documents, Chinese
first and English after " / ", so a printer can split them on that separator.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import timedelta
from types import MappingProxyType

from fairdesk.domain.enums import ClockKind

MAX_HOURS = 720.0  # 30 days: anything longer is a typo, not a fair deadline

HOUR_FIELDS = ("defence_hours", "transfer_hours", "supplement_hours", "recheck_hours")
_TEXT_FIELDS = ("code", "name")
_FIELD_NAMES = (*_TEXT_FIELDS, *HOUR_FIELDS, "opening_hours_only", "legal_basis", "move_out_hours")
# Move-out (撤展) ends this many hours after the fair closes, unless a fair says otherwise:
# goods in custody are collected by then (the custody list prints the time).
MOVE_OUT_HOURS = 24.0


@dataclass(frozen=True)
class RuleSet:
    code: str
    name: str
    defence_hours: float
    transfer_hours: float
    supplement_hours: float
    recheck_hours: float
    opening_hours_only: bool
    # Read-only after construction so that editing one fair cannot change a shared preset;
    # unhashable, hence left out of the hash.
    legal_basis: Mapping[str, str] = field(default_factory=dict, hash=False)
    move_out_hours: float = MOVE_OUT_HOURS  # after the close; stored rule sets may lack it

    def __post_init__(self) -> None:
        for name in _TEXT_FIELDS:
            value = getattr(self, name)
            if not isinstance(value, str) or not value.strip():
                raise ValueError(
                    f"Rule set field '{name}' must be a non-empty text, got {value!r}."
                )
            object.__setattr__(self, name, value.strip())
        for name in HOUR_FIELDS:
            object.__setattr__(self, name, _check_hours(name, getattr(self, name)))
        if not isinstance(self.opening_hours_only, bool):
            raise ValueError(
                "Rule set field 'opening_hours_only' must be true or false, "
                f"got {self.opening_hours_only!r}."
            )
        object.__setattr__(self, "legal_basis", _check_legal_basis(self.legal_basis))
        object.__setattr__(
            self, "move_out_hours", _check_hours("move_out_hours", self.move_out_hours)
        )

    def to_dict(self) -> dict[str, object]:
        """Plain JSON-ready values, the inverse of `from_dict`."""
        return {
            "code": self.code,
            "name": self.name,
            "defence_hours": self.defence_hours,
            "transfer_hours": self.transfer_hours,
            "supplement_hours": self.supplement_hours,
            "recheck_hours": self.recheck_hours,
            "opening_hours_only": self.opening_hours_only,
            "legal_basis": dict(self.legal_basis),
            # Only when a fair set its own: stored rule sets stay as they were.
            **(
                {"move_out_hours": self.move_out_hours}
                if self.move_out_hours != MOVE_OUT_HOURS
                else {}
            ),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, object]) -> RuleSet:
        """Build from stored or edited values; raises ValueError naming the bad field."""
        if not isinstance(d, Mapping):
            raise ValueError(f"A rule set must be a mapping of fields, got {type(d).__name__}.")
        unknown = sorted(str(k) for k in d if k not in _FIELD_NAMES)
        if unknown:
            raise ValueError(f"Unknown rule set field(s): {', '.join(unknown)}.")
        missing = [
            k for k in _FIELD_NAMES if k not in d and k not in ("legal_basis", "move_out_hours")
        ]
        if missing:
            raise ValueError(f"Rule set is missing field(s): {', '.join(missing)}.")
        legal_basis = d.get("legal_basis", {})
        if not isinstance(legal_basis, Mapping):
            raise ValueError(
                "Rule set field 'legal_basis' must map keys to citation texts, "
                f"got {type(legal_basis).__name__}."
            )
        # Types are checked in __post_init__; the ignores only silence the static view of
        # `object` values coming from storage.
        return cls(
            code=d["code"],  # type: ignore[arg-type]
            name=d["name"],  # type: ignore[arg-type]
            defence_hours=d["defence_hours"],  # type: ignore[arg-type]
            transfer_hours=d["transfer_hours"],  # type: ignore[arg-type]
            supplement_hours=d["supplement_hours"],  # type: ignore[arg-type]
            recheck_hours=d["recheck_hours"],  # type: ignore[arg-type]
            opening_hours_only=d["opening_hours_only"],  # type: ignore[arg-type]
            legal_basis=legal_basis,
            move_out_hours=d.get("move_out_hours", MOVE_OUT_HOURS),  # type: ignore[arg-type]
        )

    def with_changes(self, **changes: object) -> RuleSet:
        """A copy with some fields changed (e.g. a fair's own defence period), validated."""
        known = {f.name for f in fields(self)}
        unknown = sorted(k for k in changes if k not in known)
        if unknown:
            raise ValueError(f"Unknown rule set field(s): {', '.join(unknown)}.")
        data = self.to_dict()
        data.update(changes)
        return RuleSet.from_dict(data)


def _check_hours(name: str, value: object) -> float:
    # bool is an int subclass, but True hours is a bug, not a number.
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
        if math.isfinite(number) and 0 < number <= MAX_HOURS:
            return number
    raise ValueError(
        f"Rule set field '{name}' must be a number of hours above 0 and at most "
        f"{MAX_HOURS:g}, got {value!r}."
    )


def _check_legal_basis(value: Mapping[str, str]) -> Mapping[str, str]:
    checked: dict[str, str] = {}
    for key, text in value.items():
        if not isinstance(key, str) or not isinstance(text, str):
            raise ValueError(
                "Rule set field 'legal_basis' must map text keys to citation texts, "
                f"got {key!r}: {text!r}."
            )
        checked[key] = text
    return MappingProxyType(checked)


# Citations, Chinese first. The 2006 Measures are national (MOFCOM order 2006 No. 1), the
# 2022 Guidelines are CNIPA's, and the 2020 Shanghai regulation binds only Shanghai fairs.
_M2006 = ("展会知识产权保护办法", "Measures for IP Protection at Exhibitions (2006)")
_G2022 = ("展会知识产权保护指引", "CNIPA Guidelines for IP Protection at Exhibitions (2022)")
_SH2020 = (
    "上海市会展业条例",
    "Regulations of Shanghai Municipality on the Conference and Exhibition Industry (2020)",
)
_ZH_NUM = {
    6: "六",
    7: "七",
    8: "八",
    9: "九",
    10: "十",
    11: "十一",
    12: "十二",
    14: "十四",
    15: "十五",
    17: "十七",
    27: "二十七",
    35: "三十五",
    38: "三十八",
    40: "四十",
    42: "四十二",
}
_ZH_ITEM = {1: "一", 2: "二", 3: "三"}

# An article, or (article, item) for one item of it: 2006 Art 7(1) is (7, 1).
Article = int | tuple[int, int]


def _zh_article(a: Article) -> str:
    if isinstance(a, tuple):
        return f"第{_ZH_NUM[a[0]]}条第（{_ZH_ITEM[a[1]]}）项"
    return f"第{_ZH_NUM[a]}条"


def _en_article(a: Article) -> str:
    return f"{a[0]}({a[1]})" if isinstance(a, tuple) else str(a)


def _cite(*parts: tuple[tuple[str, str], tuple[Article, ...]]) -> str:
    """One bilingual citation text from (source, articles) pairs."""
    zh: list[str] = []
    en: list[str] = []
    for (zh_title, en_title), articles in parts:
        zh.append(zh_title + " " + "、".join(_zh_article(a) for a in articles))
        nums = [_en_article(a) for a in articles]
        if len(nums) == 1:
            en.append(f"{en_title}, Art. {nums[0]}")
        else:
            en.append(f"{en_title}, Arts. {', '.join(nums[:-1])} and {nums[-1]}")
    return "；".join(zh) + " / " + "; ".join(en)


def _contract() -> str:
    """The center's basis where no article is its own: the exhibitor contract."""
    return "参展合同 / the exhibitor contract"


def _and_contract(citation: str) -> str:
    """A citation followed by the exhibitor contract, in both languages."""
    zh, _, en = citation.partition(" / ")
    contract_zh, _, contract_en = _contract().partition(" / ")
    return f"{zh}；{contract_zh} / {en}; {contract_en}"


# Which article each step rests on: only what the sources say (../shared/domain.md; the
# 2006 Measures, the 2022 Guidelines and the 2020 Shanghai regulation are not among the
# policy texts in seeds/, so nothing beyond the articles domain.md states is cited, save
# 2006 Art 7(3) for the notice, which the legal review names).
# 2006 Arts 12-14 set the IP authority's own procedure and are never the center's basis;
# the center's own steps with no article of their own (the notice, the defence period,
# its opinion, measures) rest on the exhibitor contract, as the center asks
# and orders under it. CNIPA Art 14 is cited by a decision taken under one of its triggers
# ("decision_art14"), 2006 Art 6 by one taken by a stationed IP officer
# ("decision_officer"). A non-acceptance cites the article of its reason.
_CONTRACT_ONLY = _contract()


# The notice and its service: the complaint body sees the complaint handled (2006 Art 7(3))
# under the exhibitor contract; CNIPA Art 14 is the basis of a decision under its triggers.
_NOTICE = _and_contract(_cite((_M2006, ((7, 3),))))
NATIONAL_LEGAL_BASIS: Mapping[str, str] = MappingProxyType(
    {
        "acceptance": _cite((_M2006, (8,)), (_G2022, (12,))),
        # A receipt that also announces the transfer to the authority (2006 Art 11).
        "acceptance_transfer": _cite((_M2006, (8, 11)), (_G2022, (12,))),
        "supplement": _cite((_M2006, (9,))),
        "non_acceptance": _cite((_M2006, (9,))),
        "non_acceptance_materials_not_supplemented": _cite((_M2006, (9,))),
        "non_acceptance_patent_dispute_pending": _cite((_M2006, (17,))),
        # The materials prove no right valid in China (2006 Art 8; CNIPA Art 12).
        "non_acceptance_right_not_valid_in_china": _cite((_M2006, (8,)), (_G2022, (12,))),
        "non_acceptance_right_invalid": _cite((_M2006, (8,)), (_G2022, (12,))),
        "non_acceptance_no_standing": _cite((_M2006, (8,))),
        # The complaint form lists the materials (2006 Art 8) and carries the commitment (Art 10).
        "commitment": _cite((_M2006, (8, 10))),
        "transfer": _cite((_M2006, (11,))),
        # A decided case referred to an authority is no transfer of complaint materials
        # (2006 Art 11): nationally the center refers what it found under the contract.
        "referral": _CONTRACT_ONLY,
        "suspension": _cite((_M2006, ((7, 1),))),
        "notice": _NOTICE,
        "defence": _NOTICE,
        # The complaint body coordinates the handling of a complaint (2006 Art 7(3)); the
        # parties' agreement is made under the exhibitor contract.
        "mediation": _and_contract(_cite((_M2006, ((7, 3),)))),
        "decision": _CONTRACT_ONLY,
        "decision_art14": _cite((_G2022, (14,))),
        "decision_officer": _cite((_M2006, (6,))),
        # An opinion that finds no infringement (or cannot find one) orders no measure: it
        # rests on the complaint body's handling of the complaint (2006 Art 7(3)) and the
        # contract, never on the measures articles (Shanghai Arts 27, 38).
        "decision_not_found": _and_contract(_cite((_M2006, ((7, 3),)))),
        "remedy": _CONTRACT_ONLY,
        "recheck": _CONTRACT_ONLY,
        "escalation": _CONTRACT_ONLY,
        "repeat_bar": _cite((_M2006, (35,))),
        "authority_result": _cite((_M2006, (15,))),
        # A commercial dispute is mediated under the exhibitor contract (Shanghai: Art 40).
        "dispute": _CONTRACT_ONLY,
    }
)

# CIIE (Shanghai) defaults: the municipal regulation gives the organizer its preliminary
# judgment and measures (Arts 27, 38), credit referral (Art 42) and the commercial-dispute
# path (Art 40).
# Other cities use the national set.
SHANGHAI_LEGAL_BASIS: Mapping[str, str] = MappingProxyType(
    {
        **NATIONAL_LEGAL_BASIS,
        "decision": _cite((_SH2020, (27, 38))),
        "referral": _cite((_SH2020, (27,))),  # the organizer refers the case to the authority
        "remedy": _cite((_SH2020, (27, 38))),
        "recheck": _cite((_SH2020, (38,))),
        "escalation": _cite((_SH2020, (38,))),
        "credit": _cite((_SH2020, (42,))),
        "dispute": _cite((_SH2020, (40,))),
    }
)


def citation_in(text: str, language: str) -> str:
    """A bilingual citation ("中文 / English") in one language, for a screen; papers print
    both. A citation in one language only is returned as it is."""
    zh, sep, en = text.partition(" / ")
    if not sep:
        return text
    return zh if language == "zh_CN" else en


def merge_citations(texts: list[str]) -> str:
    """Several bilingual citations as one: the Chinese parts joined with "；", then " / ",
    then the English parts joined with "; " (a part cited twice is printed once)."""
    if len(texts) <= 1:
        return texts[0] if texts else ""
    zh: list[str] = []
    en: list[str] = []
    for text in texts:
        left, sep, right = text.partition(" / ")
        for part in left.split("；"):
            if part and part not in zh:
                zh.append(part)
        if sep:
            for part in right.split("; "):
                if part and part not in en:
                    en.append(part)
    return "；".join(zh) + (" / " + "; ".join(en) if en else "")


PRESETS: Mapping[str, RuleSet] = MappingProxyType(
    {
        "cnipa-24h": RuleSet(
            code="cnipa-24h",
            name="CNIPA guidelines (24 h defence)",
            defence_hours=24,
            transfer_hours=24,
            supplement_hours=24,
            recheck_hours=2,
            opening_hours_only=False,
            legal_basis=SHANGHAI_LEGAL_BASIS,
        ),
        "ciftis-12h": RuleSet(
            code="ciftis-12h",
            name="CIFTIS Beijing (12 h defence, opening hours)",
            defence_hours=12,
            transfer_hours=24,
            supplement_hours=12,
            recheck_hours=2,
            opening_hours_only=True,
            legal_basis=NATIONAL_LEGAL_BASIS,
        ),
        "huabo-4h": RuleSet(
            code="huabo-4h",
            name="RX Huabo gifts fair (4 h defence, opening hours)",
            defence_hours=4,
            transfer_hours=24,
            supplement_hours=4,
            recheck_hours=1,
            opening_hours_only=True,
            legal_basis=NATIONAL_LEGAL_BASIS,
        ),
    }
)


def preset(code: str) -> RuleSet:
    try:
        return PRESETS[code]
    except KeyError:
        choices = ", ".join(PRESETS)
        raise ValueError(f"Unknown rule set '{code}'. Choose one of: {choices}.") from None


_HOURS_BY_KIND = {
    ClockKind.DEFENCE: "defence_hours",
    ClockKind.TRANSFER: "transfer_hours",
    ClockKind.SUPPLEMENT: "supplement_hours",
    ClockKind.RECHECK: "recheck_hours",
}


def hours_for(rules: RuleSet, kind: ClockKind) -> float:
    hours: float = getattr(rules, _HOURS_BY_KIND[kind])
    return hours


def duration_for(rules: RuleSet, kind: ClockKind) -> timedelta:
    """The clock's duration as a timedelta, ready for `compute_clock`."""
    return timedelta(hours=hours_for(rules, kind))
