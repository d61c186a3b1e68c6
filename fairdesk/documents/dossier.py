# mypy: disable-error-code="import-untyped,import-not-found"
"""案件卷宗: every field of the case, its timeline and its evidence, for an authority."""

from __future__ import annotations

from reportlab.platypus import Flowable

from fairdesk.documents import labels as L
from fairdesk.documents.furniture import Row, S, fields, grid, para, section
from fairdesk.documents.kinds import basis_keys
from fairdesk.documents.model import DocumentData
from fairdesk.documents.parts import (
    case_rows,
    exhibits_block,
    exhibits_heading,
    measures_block,
    parties_block,
    rights_block,
    sides,
)
from fairdesk.domain.enums import ComplaintKind
from fairdesk.domain.rules import merge_citations


def _details(reason: str, detail: str) -> str:
    """The note, then on its own line what the step recorded: the note is the desk's
    Chinese, wrapped as Chinese; a note that ends its sentence takes no "；"."""
    if not reason or not detail:
        return reason or detail
    return f"{reason}{'' if reason.rstrip()[-1:] in _ENDS else '；'}\n{detail}"


_ENDS = set("。；！？.;!?")
# A photo without a recorded capture time (no EXIF time) says so, not nothing.
NO_CAPTURE_TIME = "未记录拍摄时间 / time not recorded"


def _served(d: DocumentData) -> str:
    """The time of service once the proof of service is recorded; the defence clock waits
    for it."""
    if d.served_at or not d.notified_at:
        return d.served_at
    return "未登记 / not recorded"


def _decision_basis(d: DocumentData) -> str:
    """The citation the decision printed (the dossier cites as the decision does), not a
    text typed beside it: one decision has one legal basis."""
    if not d.decision_state:
        return ""
    basis = d.fair.legal_basis
    return merge_citations([basis[k] for k in basis_keys(d) if basis.get(k)])


def _overview(d: DocumentData) -> list[Row]:
    """Every field of the case; a commercial dispute's leave out what only an IP complaint
    has (the commitment, the notice and defence clock, the finding)."""
    matter = sides(d).matter
    ip = d.complaint_kind != ComplaintKind.COMMERCIAL
    rows = case_rows(d) + [
        (
            f"{matter.zh}状态",
            f"{matter.en.capitalize()} status",
            L.both(L.COMPLAINT_STATES, d.complaint_state),
        ),
        ("案件状态", "Case status", L.both(L.CASE_STATES, d.case_state)),
        ("受理时间", "Accepted", d.accepted_at),
    ]
    if ip:
        decided = (L.both(L.CASE_STATES, d.decision_state), d.decided_at)
        rows += [
            (
                "投诉移交",
                "Complaint transferred",
                f"{d.authority}（{d.transferred_at}）" if d.transferred_at else d.authority,
            ),
            (
                "承诺书",
                "Commitment",
                "已签署 / signed" if d.commitment_signed else "未签署 / not signed",
            ),
            ("通知书签发时间", "Notice issued", d.notified_at),
            ("送达时间", "Served", _served(d)),
            ("答辩期限", "Defence due", d.defence_due_at),
            ("决定", "Decision", " ".join(x for x in decided if x)),
            ("认定依据", "Ground", L.both(L.TRIGGERS, d.decision_trigger)),
            ("适用规定", "Rules applied", _decision_basis(d)),
        ]
    rows += [
        ("理由", "Reasons", d.decision_note),
        ("和解条款", "Settlement", d.settlement_terms),
        ("升级处理", "Escalation", L.both(L.ESCALATIONS, d.escalation)),
        ("案件移送", "Case referred to", d.case_authority),
        ("结案时间", "Closed", d.closed_at),
    ]
    return rows


def story(d: DocumentData) -> list[Flowable]:
    ip = d.complaint_kind != ComplaintKind.COMMERCIAL
    out: list[Flowable] = [
        *section("案件概况", "Case overview"),
        fields(_overview(d)),
        *parties_block(d),
        *rights_block(d),
    ]
    if ip:
        out += [
            *exhibits_block(d.exhibits, *exhibits_heading(d)),
            *section("投诉事实与理由", "Facts and grounds"),
            para(d.summary or "—", S.zh),
            *section("答辩", "Defence"),
            para(d.defence_summary or "—", S.zh),
        ]
    else:
        out += [*section("纠纷事实与请求", "Facts and request"), para(d.summary or "—", S.zh)]
    if d.measures:
        out += measures_block(d)
    out += [
        *section("办理经过", "Timeline (from the audit trail)"),
        grid(
            [("时间", "Time"), ("人员", "By"), ("事项", "Step"), ("说明", "Details")],
            [[e.at, e.user, e.action, _details(e.reason, e.detail)] for e in d.timeline],
            [15, 11, 22, 52],
        ),
        *section("证据清单", "Evidence (SHA-256 fingerprints)"),
        grid(
            [
                ("序号", "No."),
                ("文件", "File"),
                ("所属", "Attached to"),
                ("采集", "Captured"),
                ("SHA-256", "fingerprint"),
            ],
            [
                [
                    str(i),
                    f"{e.name} {e.caption}".strip(),
                    e.attached_to,
                    "\n".join(x for x in (e.captured_at or NO_CAPTURE_TIME, e.captured_by) if x),
                    e.sha256,
                ]
                for i, e in enumerate(d.evidence, 1)
            ],
            [5, 22, 13, 16, 44],
        ),
    ]
    return out
