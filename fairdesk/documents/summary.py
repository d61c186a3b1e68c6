"""What a document says, in a few fields: signed into its QR code and shown on verify."""

from __future__ import annotations

from typing import Any

from fairdesk.documents import labels as L
from fairdesk.documents.kinds import kind
from fairdesk.documents.model import DocumentData


def outcome(d: DocumentData) -> tuple[str, str]:
    """The document's operative content in one line, Chinese and English."""
    k = d.kind
    if k == "complaint-form":
        return L.zh(L.COMPLAINT_STATES, d.complaint_state), L.en(
            L.COMPLAINT_STATES, d.complaint_state
        )
    if k == "supplement-notice":
        return f"补正期限 {d.supplement_due_at}", f"supplement by {d.supplement_due_at}"
    if k == "non-acceptance":
        return L.zh(L.REJECT_REASONS, d.reject_reason), L.en(L.REJECT_REASONS, d.reject_reason)
    if k == "acceptance-receipt":
        return f"已受理 {d.accepted_at}", f"accepted {d.accepted_at}"
    if k == "transfer-letter":
        return f"移交 {d.authority}", f"transferred to {d.authority}"
    if k == "complaint-notice":
        return f"答辩期限 {d.defence_due_at}", f"defence due {d.defence_due_at}"
    if k == "proof-of-service":
        served = d.served.number if d.served else ""
        return f"送达 {served}", f"service of {served}"
    if k == "mediation-record":
        if d.settlement_terms:
            return f"和解：{d.settlement_terms}", f"settled: {d.settlement_terms}"
        return "调解中", "in mediation"
    if k == "decision":
        zh = L.zh(L.CASE_STATES, d.decision_state)
        en = L.en(L.CASE_STATES, d.decision_state)
        if d.decision_trigger:
            zh += f"（{L.zh(L.TRIGGERS, d.decision_trigger)}）"
            en += f" ({L.en(L.TRIGGERS, d.decision_trigger)})"
        return zh, en
    if k in ("remedial-order", "booth-notice"):
        m = d.measures[-1] if d.measures else None
        code = m.measure_type if m else ""
        return L.zh(L.MEASURES, code), L.en(L.MEASURES, code)
    if k == "detained-items":
        place = next(
            (m.storage_place for m in reversed(d.measures) if m.measure_type == "detain"), ""
        )
        n = len(d.exhibits)
        return f"暂存展品 {n} 项，保管于 {place}", f"{n} item(s) detained, kept at {place}"
    if k == "recheck-record":
        m = next((m for m in reversed(d.measures) if m.rechecked_at), None)
        code = (m.recheck_result or "passed") if m else ""
        return L.zh(L.RECHECK_RESULTS, code), L.en(L.RECHECK_RESULTS, code)
    return L.zh(L.CASE_STATES, d.case_state), L.en(L.CASE_STATES, d.case_state)


def respondent_names(d: DocumentData) -> str:
    if d.respondent is not None:
        return d.respondent.name_zh or d.respondent.name_en
    return "；".join(c.respondent.name_zh or c.respondent.name_en for c in d.cases)


def key_content(d: DocumentData, key_id: str) -> dict[str, Any]:
    """What the signature covers (and what a scan of the QR is answered with)."""
    zh, en = outcome(d)
    return {
        "v": 1,
        "number": d.number,
        "kind": d.kind,
        "fair": d.fair.code,
        "complaint": d.complaint_number,
        "case": d.case_number,
        "copy": d.copy,
        "complainant": d.complainant.name,
        "respondent": respondent_names(d),
        "outcome": f"{zh} / {en}" if zh != en else zh,
        "issued_at": f"{d.issued_at} UTC{d.fair.utc_offset}",
        "issued_by": d.issued_by,
        "content_sha256": d.digest(),
        "key_id": key_id,
    } | _trust(d)


def _trust(d: DocumentData) -> dict[str, Any]:
    """The root, the audit chain's head and the specimen mark (new documents only)."""
    out: dict[str, Any] = {}
    if d.root_fingerprint:
        out["root"] = d.root_fingerprint
    if d.audit_head:
        out["audit"] = {"id": d.audit_event, "hash": d.audit_head}
    if d.specimen:
        out["specimen"] = True
    return out


def describe(key: dict[str, Any]) -> dict[str, str]:
    """The signed content as labelled lines for a person (verify output)."""
    k = kind(str(key.get("kind", "")))
    out = {
        "document": f"{k.title} / {k.title_en}",
        "number": str(key.get("number", "")),
        "fair": str(key.get("fair", "")),
        "case": str(key.get("case") or key.get("complaint", "")),
        "complainant": str(key.get("complainant", "")),
        "respondent": str(key.get("respondent", "")),
        "says": str(key.get("outcome", "")),
        "issued": str(key.get("issued_at", "")),
        "issued by": str(key.get("issued_by", "")),
    }
    if key.get("copy"):
        out["copy"] = L.both(L.COPIES, str(key["copy"]))
    return out


def printed_strings(d: DocumentData) -> list[str]:
    """Short texts the genuine PDF must contain (a file whose text lacks one was edited)."""
    items = [d.number, d.case_number or d.complaint_number, d.complainant.name]
    if d.respondent is not None and d.respondent.name_zh:
        items.append(d.respondent.name_zh)
    if d.kind == "decision":
        items.append(f"结论：{L.zh(L.CASE_STATES, d.decision_state)}")
    if d.kind == "complaint-notice" and d.defence_due_at:
        items.append(f"请于 {d.defence_due_at} 前")
    if d.kind in ("remedial-order", "booth-notice") and d.measures:
        items.append(L.zh(L.MEASURES, d.measures[-1].measure_type))
    if d.kind == "non-acceptance":
        items.append(L.zh(L.REJECT_REASONS, d.reject_reason))
    if d.kind == "mediation-record" and d.settlement_terms:
        items.append(d.settlement_terms)
    return [i for i in items if i]
