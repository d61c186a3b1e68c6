"""The plain data a printed document is made from.

The documents service builds a `DocumentData` snapshot from the database when a document
is issued and stores it (as JSON) in the register; a reprint renders the stored snapshot
again, so it gives the same bytes whatever happened to the case since. Times are kept as
text already in the fair's time zone ("2026-11-05 09:30"), so nothing here depends on
the machine's clock or zone. No ORM objects ever reach this package.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import types
import typing
from dataclasses import dataclass, field
from typing import Any, TypeVar


@dataclass(frozen=True)
class FairView:
    code: str
    name: str
    name_en: str = ""
    venue: str = ""
    start_date: str = ""
    end_date: str = ""
    timezone: str = "Asia/Shanghai"
    utc_offset: str = "+08:00"
    rules_code: str = ""
    defence_hours: float = 24.0
    recheck_hours: float = 2.0
    legal_basis: dict[str, str] = field(default_factory=dict)
    center_address: str = ""  # the service center's, printed on every page
    center_phone: str = ""


@dataclass(frozen=True)
class PartyView:
    name: str
    name_en: str = ""
    kind: str = "company"
    id_doc_type: str = ""
    id_doc_no: str = ""
    country: str = ""
    address: str = ""
    contact: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class RespondentView:
    name_zh: str
    name_en: str = ""
    credit_code: str = ""
    country: str = ""
    country_en: str = ""
    area: str = ""
    delegation: str = ""
    hall: str = ""
    booth: str = ""
    contact: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class RightView:
    ip_type: str
    number: str
    title: str = ""
    holder: str = ""
    jurisdiction: str = "CN"
    valid_until: str = ""
    licence_type: str = "owner"
    refused_reason: str = ""  # why the desk did not accept it (RejectReason); "": relied on
    basis: str = ""  # ProtectionBasis as recorded; "" lets the jurisdiction decide
    ir_number: str = ""  # a Madrid international registration designating China


@dataclass(frozen=True)
class ExhibitView:
    name: str
    model: str = ""
    quantity: int | None = None
    note: str = ""
    accused_under: tuple[str, ...] = ()  # numbers of the rights (RightView.number)


@dataclass(frozen=True)
class MeasureView:
    measure_type: str
    ordered_at: str = ""
    due_at: str = ""
    undertaking_signed: bool = False
    storage_place: str = ""
    returned_at: str = ""
    recheck_result: str = ""
    rechecked_at: str = ""
    note: str = ""


@dataclass(frozen=True)
class EvidenceView:
    sha256: str
    name: str = ""
    mime: str = ""
    size: int = 0
    captured_at: str = ""
    captured_by: str = ""
    attached_to: str = ""
    caption: str = ""


@dataclass(frozen=True)
class EventView:
    at: str
    user: str
    action: str
    reason: str = ""
    detail: str = ""


@dataclass(frozen=True)
class CaseView:
    """One respondent case of the complaint (a dossier or a complaint form lists them)."""

    number: str
    state: str
    respondent: RespondentView
    exhibits: tuple[ExhibitView, ...] = ()


@dataclass(frozen=True)
class ServedView:
    """The document a proof of service is for."""

    number: str
    kind: str
    title: str
    title_en: str
    issued_at: str
    copy: str = ""  # a decision's copy: the party it was served on


@dataclass(frozen=True)
class DocumentData:
    kind: str
    number: str
    issued_at: str  # local time in the fair's zone, "2026-11-05 09:30"
    issued_by: str
    fair: FairView
    complaint_number: str
    complaint_kind: str
    complaint_state: str
    channel: str
    received_at: str
    complainant: PartyView
    case_number: str = ""  # empty for complaint-level documents
    case_state: str = ""
    copy: str = ""  # decision: complainant | respondent
    agent: PartyView | None = None
    power_of_attorney: bool = False
    commitment_signed: bool = False
    summary: str = ""
    dispute_type: str = ""
    missing_items: str = ""
    supplement_due_at: str = ""
    reject_reason: str = ""
    authority: str = ""
    accepted_at: str = ""
    transferred_at: str = ""
    transfer_due_at: str = ""
    materials_complete_at: str = ""  # the transfer's 24 h count from here (2006 Art 11)
    rights: tuple[RightView, ...] = ()  # the rights the complaint relies on
    refused_rights: tuple[RightView, ...] = ()  # the rights not accepted, with their reason
    cases: tuple[CaseView, ...] = ()
    respondent: RespondentView | None = None
    exhibits: tuple[ExhibitView, ...] = ()
    notified_at: str = ""
    served_at: str = ""  # when the notice reached the respondent (the defence clock's start)
    service_manner: str = ""
    defence_passed: bool = False  # the defence deadline was already over when issued
    defence_due_at: str = ""
    defence_capped_at_close: bool = False
    fair_closes_at: str = ""  # the close that ends the defence period, when it does
    defence_summary: str = ""
    mediation_started_at: str = ""
    settlement_terms: str = ""
    decision_state: str = ""
    decision_trigger: str = ""
    decision_legal_basis: str = ""
    # The ground of a decision taken at once: the admission, or the legal document's
    # body, number and date (CNIPA Art 14); who decided (2006 Art 6).
    decision_basis: dict[str, str] = field(default_factory=dict)
    decided_by_organ: str = ""
    decided_by_officer: str = ""
    referral_kind: str = ""

    decision_note: str = ""
    decided_at: str = ""
    case_authority: str = ""
    measures: tuple[MeasureView, ...] = ()
    recheck_due_at: str = ""
    escalation: str = ""
    closed_at: str = ""
    closing_reason: str = ""
    served: ServedView | None = None
    # The remedial order a later paper carries out or refers to (the custody list, the
    # escalation notice): its number and issue time, as that paper names it.
    order: ServedView | None = None
    custody_until: str = ""  # the custody list: collect the goods by then (the fair's close)
    move_out_until: str = ""  # ... and before move-out ends (the return window's end)
    suspension_until: str = ""  # a suspension an undetermined decision keeps: the fair's close
    timeline: tuple[EventView, ...] = ()
    evidence: tuple[EvidenceView, ...] = ()
    note: str = ""
    enclosures: tuple[str, ...] = ()  # a letter's attachments, "中文 / English" each
    # Trust (documents issued before these existed lack them; see _LATER):
    root_fingerprint: str = ""  # the installation's root key, printed in the footer
    audit_event: int = 0  # the audit chain's head when issued: its last event's id ...
    audit_head: str = ""  # ... and hash, printed and signed (an anchor outside the database)
    specimen: bool = False  # signed by a demo database's key: printed as a specimen

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        for name, default in _LATER.items():  # older snapshots keep their digest
            if data.get(name) == default:
                del data[name]
        _drop_later_nested(data)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocumentData:
        return _build(cls, data)

    def digest(self) -> str:
        """SHA-256 of the canonical JSON of the whole snapshot (what the signature covers)."""
        return hashlib.sha256(canonical_json(self.to_dict())).hexdigest()


_LATER: dict[str, Any] = {
    "enclosures": (),
    "root_fingerprint": "",
    "audit_event": 0,
    "audit_head": "",
    "specimen": False,
    "order": None,
    "custody_until": "",
    "move_out_until": "",
    "fair_closes_at": "",
    "suspension_until": "",
}


# Fields added later inside nested views (the fair, exhibits): left out while empty, so a
# snapshot issued before them keeps its digest.
_LATER_NESTED = frozenset({"center_address", "center_phone", "accused_under"})


def _drop_later_nested(value: Any, top: bool = True) -> None:
    if isinstance(value, dict):
        if not top:
            for name in _LATER_NESTED & value.keys():
                if not value[name]:
                    del value[name]
        for item in value.values():
            _drop_later_nested(item, top=False)
    elif isinstance(value, list | tuple):
        for item in value:
            _drop_later_nested(item, top=False)


def canonical_json(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8"
    )


T = TypeVar("T")


def _build(cls: type[T], data: dict[str, Any]) -> T:
    hints = typing.get_type_hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name in data:
            kwargs[f.name] = _value(hints[f.name], data[f.name])
    return cls(**kwargs)


def _value(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return _value(inner[0], value)
    if origin is tuple:
        (item, _ellipsis) = typing.get_args(tp)
        return tuple(_value(item, v) for v in value)
    if dataclasses.is_dataclass(tp):
        return _build(tp, value)  # type: ignore[arg-type]
    if origin is dict:
        return dict(value)
    return value
