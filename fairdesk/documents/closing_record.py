# mypy: disable-error-code="import-untyped,import-not-found"
"""结案登记表: how the case ended."""

from __future__ import annotations

from reportlab.platypus import Flowable

from fairdesk.documents import labels as L
from fairdesk.documents.furniture import S, box, fields, para, section, signature_lines
from fairdesk.documents.model import DocumentData
from fairdesk.documents.parts import (
    case_rows,
    exhibits_of,
    measures_block,
    parties_block,
    rights_block,
)


def _referred_to(d: DocumentData) -> str:
    """The authority with its kind (IP office, market regulation, police, court, ...)."""
    kind = L.both(L.AUTHORITY_KINDS, d.referral_kind)
    return "：".join(x for x in (kind, d.case_authority) if x)


def story(d: DocumentData) -> list[Flowable]:
    out: list[Flowable] = [
        fields(
            case_rows(d)
            + [
                ("结案状态", "Outcome", L.both(L.CASE_STATES, d.case_state)),
                ("结案时间", "Closed on", d.closed_at),
                (
                    "处理结论",
                    "Decision",
                    L.both(L.CASE_STATES, d.decision_state) if d.decision_state else "—",
                ),
                ("认定依据", "Ground", L.both(L.TRIGGERS, d.decision_trigger)),
                ("移交部门", "Referred to", _referred_to(d)),
            ]
        ),
        *parties_block(d),
        *rights_block(d),
        *exhibits_of(d),
    ]
    if d.measures:
        out += measures_block(d)
    reason = d.closing_reason or d.settlement_terms or d.decision_note
    out += [
        *section("结案说明", "Closing note"),
        box([para(reason or "—", S.zh)]),
        signature_lines([("经办人", "Officer"), ("负责人", "Head of the service center")]),
    ]
    return out
