# mypy: disable-error-code="import-untyped,import-not-found"
"""Render a document snapshot to PDF bytes: one module per kind, shared page furniture."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

from reportlab.platypus import Flowable

from fairdesk.documents import (
    acceptance_receipt,
    booth_notice,
    closing_record,
    complaint_form,
    complaint_notice,
    decision,
    detained_items,
    dossier,
    escalation_notice,
    mediation_record,
    non_acceptance,
    proof_of_service,
    recheck_record,
    referral_letter,
    remedial_order,
    supplement_notice,
    transfer_letter,
)
from fairdesk.documents.furniture import PAPER, build_pdf, paper, title
from fairdesk.documents.kinds import basis_keys, kind, organ_decides, titles
from fairdesk.documents.model import DocumentData
from fairdesk.domain.rules import merge_citations

MODULES: dict[str, ModuleType] = {
    "complaint-form": complaint_form,
    "supplement-notice": supplement_notice,
    "non-acceptance": non_acceptance,
    "acceptance-receipt": acceptance_receipt,
    "transfer-letter": transfer_letter,
    "referral-letter": referral_letter,
    "complaint-notice": complaint_notice,
    "proof-of-service": proof_of_service,
    "mediation-record": mediation_record,
    "decision": decision,
    "remedial-order": remedial_order,
    "detained-items": detained_items,
    "recheck-record": recheck_record,
    "escalation-notice": escalation_notice,
    "booth-notice": booth_notice,
    "closing-record": closing_record,
    "dossier": dossier,
}


def legal_basis_text(data: DocumentData) -> str:
    """The citation of the step the document records (kinds.basis_keys says which)."""
    basis = data.fair.legal_basis
    keys = basis_keys(data)
    if organ_decides(data) and "remedy" in keys and len(keys) > 1:
        # The organ's articles for its finding, the organizer's for the measures: said apart.
        found = merge_citations([basis[k] for k in keys if k != "remedy" and basis.get(k)])
        return _labelled([(ORGAN_BASIS, found), (MEASURES_BASIS, basis.get("remedy", ""))])
    return merge_citations([basis[k] for k in keys if basis.get(k)]) or "—"


# The two parts of an officer's decision's citation.
ORGAN_BASIS = ("处理依据", "decision")
MEASURES_BASIS = ("主办方措施依据", "organizer's measures")


def _labelled(parts: list[tuple[tuple[str, str], str]]) -> str:
    """Bilingual citations each under its label ("处理依据：A；主办方措施依据：B / decision: …")."""
    zh, en = [], []
    for (label_zh, label_en), text in parts:
        if not text:
            continue
        left, _, right = text.partition(" / ")
        zh.append(f"{label_zh}：{left}")
        if right:
            en.append(f"{label_en}: {right}")
    return "；".join(zh) + (" / " + "; ".join(en) if en else "")


def render(data: DocumentData, payload: str, layout: int = PAPER) -> bytes:
    """The PDF of one document under `layout` (furniture.PAPER: the one a document was
    issued with); the same data, payload and layout always give the same bytes."""
    k = kind(data.kind)
    module = MODULES[k.code]
    make: Callable[..., list[Flowable]] = module.story
    with paper(layout):
        body = make(data, payload) if k.code == "booth-notice" else make(data)
        zh, en = titles(data)
        story = [*title(data, zh, en), *body]
        return build_pdf(
            data,
            payload,
            legal_basis_text(data),
            zh,
            story,
            public=k.public,
            full_trust_data=k.full_trust_data,
        )
