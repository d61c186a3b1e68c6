"""A complaint as JSON, for `fairdesk complaint register` and the fair's online platform.

The fields are documented in docs/complaint-json.md (a test keeps that page and `FIELDS`
in step). `parse_complaint` reads one into the intake service's `ComplaintInput` and lists
every problem with its JSON path (`rights[0].valid_until: not a date (YYYY-MM-DD)`);
`example` writes a complete one that registers and can be accepted as it is.

The messages here are the command line's own (English, like the rest of the CLI); what the
services refuse comes back in their words.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from fairdesk.domain import materials
from fairdesk.domain.acceptance import AcceptanceProblem, ComplaintFacts, RightFacts
from fairdesk.domain.enums import Channel, ComplaintKind, IPType, LicenceType, ProtectionBasis
from fairdesk.services.intake.intake import (
    ComplaintInput,
    ExhibitInput,
    PartyInput,
    RespondentInput,
    RightInput,
)

PARTY_KINDS = ("company", "person")
BASES = tuple(b.value for b in ProtectionBasis)
PARTY_FIELDS = (
    "name",
    "name_en",
    "kind",
    "id_doc_type",
    "id_doc_no",
    "country",
    "address",
    "contact",
    "phone",
    "email",
)
# Every field of the format by its path ("[]" for any item of a list); docs/complaint-json.md
# documents exactly these.
FIELDS: tuple[str, ...] = (
    "fair",
    "kind",
    "channel",
    *(f"complainant.{name}" for name in PARTY_FIELDS),
    *(f"agent.{name}" for name in PARTY_FIELDS),
    "agent.power_of_attorney",
    "rights[].type",
    "rights[].number",
    "rights[].title",
    "rights[].holder",
    "rights[].jurisdiction",
    "rights[].valid_from",
    "rights[].valid_until",
    "rights[].licence",
    "rights[].basis",
    "rights[].ir_number",
    "respondents[].booth",
    "respondents[].exhibitor",
    "respondents[].exhibits[].name",
    "respondents[].exhibits[].model",
    "respondents[].exhibits[].quantity",
    "respondents[].exhibits[].note",
    "respondents[].exhibits[].rights",
    "materials_received",
    "commitment_signed",
    "summary",
    "dispute_type",
)


@dataclass(frozen=True)
class Problem:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


@dataclass
class ParsedComplaint:
    fair: str
    data: ComplaintInput
    problems: list[Problem] = field(default_factory=list)


def _known(prefix: str) -> set[str]:
    """The field names allowed directly under `prefix` ("" for the top level)."""
    out = set()
    for path in FIELDS:
        if prefix and not path.startswith(prefix + "."):
            continue
        rest = path[len(prefix) + 1 :] if prefix else path
        out.add(rest.split(".")[0].removesuffix("[]"))
    return out


class _Reader:
    """Reads values out of the decoded JSON, noting every problem with its path."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def problem(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def object(self, value: Any, path: str, schema: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.problem(path, f"must be an object {{...}}, not {_kind(value)}")
            return {}
        for key in sorted(set(value) - _known(schema)):
            allowed = ", ".join(sorted(_known(schema)))
            self.problem(_join(path, key), f"unknown field; the fields here are {allowed}")
        return value

    def items(self, obj: Mapping[str, Any], key: str, path: str) -> list[Any]:
        value = obj.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(_join(path, key), f"must be a list [...], not {_kind(value)}")
            return []
        return value

    def text(self, obj: Mapping[str, Any], key: str, path: str, *, required: bool = False) -> str:
        value = obj.get(key)
        where = _join(path, key)
        if value is None or value == "":
            if required:
                self.problem(where, "missing; it is required")
            return ""
        if not isinstance(value, str):
            self.problem(where, f"must be text, not {_kind(value)}")
            return ""
        if required and not value.strip():
            self.problem(where, "is blank; it is required")
        return value

    def texts(self, obj: Mapping[str, Any], key: str, path: str) -> list[str]:
        """A list of text items (empty items left out)."""
        out = []
        for i, item in enumerate(self.items(obj, key, path)):
            if not isinstance(item, str):
                self.problem(f"{_join(path, key)}[{i}]", f"must be text, not {_kind(item)}")
            elif item.strip():
                out.append(item.strip())
        return out

    def code(
        self, obj: Mapping[str, Any], key: str, path: str, codes: Sequence[str], default: str
    ) -> str:
        value = self.text(obj, key, path) or default
        if value and value not in codes:  # "" only as the default of an optional code
            self.problem(_join(path, key), f"'{value}' is not one of {', '.join(codes)}")
            return default
        return value

    def flag(self, obj: Mapping[str, Any], key: str, path: str) -> bool:
        value = obj.get(key, False)
        if not isinstance(value, bool):
            self.problem(_join(path, key), f"must be true or false, not {_kind(value)}")
            return False
        return value

    def day(self, obj: Mapping[str, Any], key: str, path: str) -> date | None:
        value = obj.get(key)
        if value is None or value == "":
            return None
        try:
            return date.fromisoformat(value) if isinstance(value, str) else _not_a_date()
        except ValueError:
            self.problem(_join(path, key), "not a date (YYYY-MM-DD)")
            return None

    def count(self, obj: Mapping[str, Any], key: str, path: str) -> int | None:
        value = obj.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.problem(_join(path, key), "must be a whole number, 0 or more")
            return None
        return value


def _not_a_date() -> date:
    raise ValueError


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _kind(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "text", bool: "true/false", type(None): "null"}
    return names.get(type(value), "a number")


# -- reading ----------------------------------------------------------------------------------


def parse_complaint(decoded: Any) -> ParsedComplaint:
    """The complaint in `decoded` (the result of json.loads), with every problem found."""
    r = _Reader()
    if not isinstance(decoded, dict):  # nothing else can be read out of it
        r.problem("", f"must be an object {{...}}, not {_kind(decoded)}")
        return ParsedComplaint("", ComplaintInput(PartyInput(""), []), r.problems)
    top = r.object(decoded, "", "")
    kind = r.code(top, "kind", "", [k.value for k in ComplaintKind], ComplaintKind.IP)
    agent_obj = top.get("agent")
    agent = _party(r, agent_obj, "agent") if agent_obj is not None else None
    attorney = isinstance(agent_obj, dict) and r.flag(agent_obj, "power_of_attorney", "agent")
    rights = [_right(r, item, f"rights[{i}]") for i, item in enumerate(r.items(top, "rights", ""))]
    respondents = [
        _respondent(r, item, f"respondents[{i}]")
        for i, item in enumerate(r.items(top, "respondents", ""))
    ]
    if not respondents:
        r.problem("respondents", "name at least one respondent (booth and/or exhibitor)")
    if kind == ComplaintKind.IP and not rights:
        r.problem("rights", "an IP complaint names at least one right")
    if kind == ComplaintKind.COMMERCIAL and rights:
        r.problem("rights", "a commercial dispute carries no IP rights")
    data = ComplaintInput(
        complainant=_party(r, top.get("complainant"), "complainant"),
        agent=agent,
        power_of_attorney=attorney,
        rights=list(rights),
        respondents=respondents,
        kind=kind,
        channel=r.code(top, "channel", "", [c.value for c in Channel], Channel.DESK),
        summary=r.text(top, "summary", ""),
        dispute_type=r.text(top, "dispute_type", ""),
        commitment_signed=r.flag(top, "commitment_signed", ""),
        materials=_materials(r, top, rights, agent is not None),
    )
    return ParsedComplaint(r.text(top, "fair", "", required=True).strip(), data, r.problems)


def _party(r: _Reader, value: Any, path: str) -> PartyInput:
    if value is None:
        r.problem(path, "missing; it is required")
        return PartyInput("")
    obj = r.object(value, path, path)
    texts = {name: r.text(obj, name, path) for name in PARTY_FIELDS if name not in ("name", "kind")}
    return PartyInput(
        name=r.text(obj, "name", path, required=True),
        kind=r.code(obj, "kind", path, PARTY_KINDS, "company"),
        **texts,
    )


def _right(r: _Reader, value: Any, path: str) -> RightInput:
    obj = r.object(value, path, "rights[]")
    right = RightInput(
        ip_type=r.code(obj, "type", path, [t.value for t in IPType], IPType.OTHER),
        number=r.text(obj, "number", path, required=True),
        title=r.text(obj, "title", path),
        holder=r.text(obj, "holder", path),
        jurisdiction=r.text(obj, "jurisdiction", path) or materials.CHINA,
        valid_from=r.day(obj, "valid_from", path),
        valid_until=r.day(obj, "valid_until", path),
        licence_type=r.code(obj, "licence", path, [x.value for x in LicenceType], "owner"),
        basis=r.code(obj, "basis", path, BASES, ""),
        ir_number=r.text(obj, "ir_number", path),
    )
    if "type" not in obj and obj:
        r.problem(f"{path}.type", "missing; it is required")
    if right.valid_from and right.valid_until and right.valid_until < right.valid_from:
        r.problem(f"{path}.valid_until", "is before valid_from")
    return right


def _respondent(r: _Reader, value: Any, path: str) -> RespondentInput:
    obj = r.object(value, path, "respondents[]")
    booth = r.text(obj, "booth", path)
    name = r.text(obj, "exhibitor", path)
    if obj and not booth.strip() and not name.strip():
        r.problem(path, "give the booth, the exhibitor's name, or both")
    exhibits = []
    for i, item in enumerate(r.items(obj, "exhibits", path)):
        where = f"{path}.exhibits[{i}]"
        x = r.object(item, where, "respondents[].exhibits[]")
        exhibits.append(
            ExhibitInput(
                name=r.text(x, "name", where, required=True),
                model=r.text(x, "model", where),
                quantity=r.count(x, "quantity", where),
                note=r.text(x, "note", where),
                rights=r.texts(x, "rights", where),
            )
        )
    return RespondentInput(booth=booth, name=name, exhibits=exhibits)


def _materials(
    r: _Reader, top: Mapping[str, Any], rights: Sequence[RightInput], agent: bool
) -> dict[str, bool]:
    """The ticks stored on the complaint: every item of the rights' checklist, and what
    else was received."""
    received: list[str] = []
    for i, key in enumerate(r.items(top, "materials_received", "")):
        if key not in materials.BY_KEY:
            known = ", ".join(materials.BY_KEY)
            r.problem(f"materials_received[{i}]", f"'{key}' is not a material; use {known}")
        else:
            received.append(key)
    types = [x.ip_type for x in rights]
    needed = materials.checklist(types, agent=agent, licences=[x.licence_type for x in rights])
    ticks = materials.ticks_of(needed, received)
    return ticks | {key: True for key in received}


# -- what acceptance looks at, and where its problems are in the JSON -------------------------


def acceptance_facts(data: ComplaintInput) -> ComplaintFacts:
    """The parsed complaint as the acceptance rule reads it (respondents count as named; the
    intake service says when a booth or name matches no exhibitor)."""
    return ComplaintFacts(
        kind=data.kind,
        complainant=data.complainant.name,
        complainant_en=data.complainant.name_en,
        respondents=len(data.respondents),
        agent=data.agent is not None,
        power_of_attorney=data.power_of_attorney,
        commitment_signed=data.commitment_signed,
        materials=data.materials,
        rights=tuple(
            RightFacts(
                x.number,
                x.ip_type,
                x.jurisdiction,
                x.valid_from,
                x.valid_until,
                x.basis,
                x.ir_number,
                x.licence_type,
                x.holder,
            )
            for x in data.rights
            if isinstance(x, RightInput)
        ),
    )


_ACCEPTANCE_PATHS = {
    "complainant": "complainant.name",
    "power_of_attorney": "agent.power_of_attorney",
    "commitment": "commitment_signed",
    "materials": "materials_received",
}


def json_path(form_field: str) -> str:
    """Where an acceptance problem's field (`rights.1.valid_until`) is in the JSON
    (`rights[0].valid_until`)."""
    head, _, rest = form_field.partition(".")
    if head == "rights" and rest:
        index, _, tail = rest.partition(".")
        if index.isdigit():
            return f"rights[{int(index) - 1}]" + (f".{tail}" if tail else "")
    return _ACCEPTANCE_PATHS.get(head, form_field)


def acceptance_problem(p: AcceptanceProblem) -> Problem:
    return Problem(json_path(p.refusal.field), str(p.refusal))


# -- the example ------------------------------------------------------------------------------


def example(fair: str, booth: str, exhibitor: str, on: date) -> dict[str, Any]:
    """A complete design-patent complaint filed by an agent against `exhibitor` at `booth`,
    with every material its checklist needs, so that it can be accepted at once on `on`."""
    needed = materials.checklist([IPType.DESIGN], agent=True)
    return {
        "fair": fair,
        "kind": ComplaintKind.IP.value,
        "channel": Channel.DESK.value,
        "complainant": {
            "name": "示例家具设计有限公司",
            "name_en": "Example Furniture Design Co., Ltd.",
            "kind": "company",
            "id_doc_type": "营业执照 Business licence",
            "id_doc_no": "91310000MA1FL0XX1K",
            "country": "中国",
            "address": "上海市黄浦区中山东一路1号",
            "contact": "王敏",
            "phone": "+86 21 5555 0100",
            "email": "legal@example.com",
        },
        "agent": {
            "name": "示例知识产权代理事务所",
            "name_en": "Example IP Agency",
            "kind": "company",
            "contact": "李律师",
            "phone": "+86 21 5555 0200",
            "power_of_attorney": True,
        },
        "rights": [
            {
                "type": IPType.DESIGN.value,
                "number": "ZL202330123456.7",
                "title": "座椅（休闲） / Lounge chair",
                "holder": "示例家具设计有限公司",
                "jurisdiction": materials.CHINA,
                "valid_from": date(on.year - 3, 3, 1).isoformat(),
                "valid_until": date(on.year + 12, 2, 28).isoformat(),
                "licence": LicenceType.OWNER.value,
                "basis": ProtectionBasis.CN_GRANT.value,
                "ir_number": "",
            }
        ],
        "respondents": [
            {
                "booth": booth,
                "exhibitor": exhibitor,
                "exhibits": [
                    {"name": "休闲椅 / Lounge chair", "model": "LC-01", "quantity": 2, "note": ""}
                ],
            }
        ],
        "materials_received": [m.key for m in needed],
        "commitment_signed": True,
        "summary": "展品外观与涉案外观设计专利相同 / The exhibit copies the registered design.",
        "dispute_type": "",
    }
