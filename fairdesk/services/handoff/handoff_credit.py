"""The credit referral list (Shanghai Regulations Art 42): one record per case an
authorised user referred for serious dishonesty (the step "refer_credit"), with the data
items the credit platforms collect (`fairdesk.domain.credit_record`), as XLSX, CSV or
JSON. A record that lacks a required item is refused, saying which; the others go out,
and each case records the hand-off (row + audit event) with the file's SHA-256.

    export_credit(ctx, "CIIE2026", Path("credit.xlsx"))
"""

from __future__ import annotations

import calendar
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from fairdesk.db.models import AuditEvent, Fair, RespondentCase
from fairdesk.domain import credit_record as cr
from fairdesk.domain import vocabulary as v
from fairdesk.domain.errors import InvalidInput
from fairdesk.domain.permissions import Permission
from fairdesk.exports.csv_file import write_csv
from fairdesk.exports.table import Column, atomic_output
from fairdesk.exports.xlsx import write_xlsx
from fairdesk.services.context import Context
from fairdesk.services.fair.fairs import fair_by_code
from fairdesk.services.handoff import handoff_log

REFER_CREDIT = "case.refer_credit"
FORMATS = ("xlsx", "csv", "json")
PLATFORM = "公共信用信息平台 / public credit information platform"
CATEGORY = v.Words("Legal person or other organisation", "法人及非法人组织")
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Refused:
    case_number: str
    missing: tuple[v.Words, ...]

    def sentence(self) -> str:
        items = "; ".join(w.en for w in self.missing)
        items_zh = "、".join(w.zh for w in self.missing)
        return f"{self.case_number}: missing {items} (缺少{items_zh})"


@dataclass(frozen=True)
class CreditExport:
    path: Path | None
    format: str
    records: int
    refused: tuple[Refused, ...]
    sha256: str


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _facts_text(case: RespondentCase, fair: Fair) -> str:
    exhibits = "、".join(e.name for e in case.exhibits) or "展品"
    rights = "、".join(
        f"{v.IP_TYPES.words(r.ip_type).zh}（{r.number}）" for r in case.complaint.rights
    )
    booth = " ".join(x for x in (case.hall, case.booth_no) if x)
    text = f"在{fair.name}（{fair.code}）展位{booth}展出的{exhibits}侵犯{rights}"
    return f"{text}；{case.decision_note}" if case.decision_note else text


def record_of(
    case: RespondentCase, event: AuditEvent, fair: Fair, source_unit: str
) -> dict[str, Any]:
    """The credit record of one referred case (every item, present or not)."""
    p = event.after or {}
    ex = case.exhibitor
    mainland = cr.is_mainland(ex.country)
    months = str(p.get("publication_months") or "").strip()
    day = str(p.get("decision_date") or "").strip()
    try:
        until = add_months(date.fromisoformat(day), int(months)).isoformat()
    except ValueError:
        until = ""
    zone = ZoneInfo(fair.timezone)
    return {
        "case_number": case.number,
        "subject_name": ex.name_zh or ex.name_en,
        "subject_name_en": ex.name_en,
        "subject_category": CATEGORY.both,
        "credit_code": ex.credit_code if mainland else "",
        "foreign_registration": "" if mainland else ex.credit_code,
        "country": ex.country,
        "finding_type": v.CREDIT_FINDINGS.words(str(p.get("credit_finding", ""))).both
        if p.get("credit_finding")
        else "",
        "facts": _facts_text(case, fair),
        "legal_basis": str(p.get("legal_basis") or ""),
        "decision_body": str(p.get("decision_body") or ""),
        "decision_body_code": str(p.get("decision_body_code") or ""),
        "decision_number": str(p.get("decision_number") or ""),
        "decision_date": day,
        "publication_months": months,
        "publication_until": until,
        "source_unit": source_unit,
        "contact": str(p.get("contact") or ""),
        "referred_at": event.at.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
        "referred_by": event.username,
    }


def _referrals(session: Session, fair: Fair) -> list[tuple[RespondentCase, AuditEvent]]:
    """Each referred case once, with its latest referral (a later one completes it)."""
    events = session.scalars(
        select(AuditEvent)
        .where(AuditEvent.fair_id == fair.id, AuditEvent.action == REFER_CREDIT)
        .order_by(AuditEvent.id)
    ).all()
    latest = {e.case_id: e for e in events if e.case_id is not None}
    cases = session.scalars(
        select(RespondentCase)
        .where(RespondentCase.id.in_(list(latest) or [-1]))
        .order_by(RespondentCase.number)
    ).all()
    return [(c, latest[c.id]) for c in cases]


def _format(path: Path, fmt: str | None) -> str:
    chosen = (fmt or Path(path).suffix.lstrip(".")).lower()
    if chosen not in FORMATS:
        raise InvalidInput(
            "The credit list is written as {formats}; '{path}' names none of them.",
            formats=FORMATS,
            path=str(path),
        )
    return chosen


COLUMNS = [Column(i.key, i.words.zh, i.words.en, i.width) for i in cr.ITEMS]


def _write(path: Path, fmt: str, fair: Fair, records: list[dict[str, Any]]) -> None:
    rows = [[r[c.key] for c in COLUMNS] for r in records]
    if fmt == "xlsx":
        write_xlsx(path, COLUMNS, rows, sheet="信用报送", title=f"{fair.code} 信用信息报送清单")
    elif fmt == "csv":
        write_csv(path, COLUMNS, rows)
    else:
        body = {
            "format": "fairdesk-credit-list/1",
            "fair": fair.code,
            "columns": {i.key: {"zh": i.words.zh, "en": i.words.en} for i in cr.ITEMS},
            "records": records,
        }
        with atomic_output(path) as tmp:
            tmp.write_text(json.dumps(body, ensure_ascii=False, indent=1) + "\n", "utf-8")


def default_source_unit(fair: Fair) -> str:
    return f"{fair.name}知识产权保护与商事纠纷处理服务中心"


def export_credit(
    ctx: Context,
    fair_code: str,
    path: Path,
    *,
    fmt: str | None = None,
    source_unit: str = "",
    progress: Progress | None = None,
) -> CreditExport:
    """Write the credit list of a fair; refuses the records that lack an item."""
    ctx.require(Permission.EXPORT)
    chosen = _format(path, fmt)
    with ctx.db.writing() as session:
        fair = fair_by_code(session, fair_code)
        unit = source_unit.strip() or default_source_unit(fair)
        referrals = _referrals(session, fair)
        complete: list[tuple[RespondentCase, dict[str, Any]]] = []
        refused: list[Refused] = []
        for n, (case, event) in enumerate(referrals, 1):
            rec = record_of(case, event, fair, unit)
            lacks = cr.missing(rec)
            if lacks:
                refused.append(Refused(case.number, tuple(lacks)))
            else:
                complete.append((case, rec))
            if progress is not None:
                progress(n, len(referrals) + 1)
        if not complete:
            return CreditExport(None, chosen, 0, tuple(refused), "")
        _write(Path(path), chosen, fair, [r for _, r in complete])
        digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        for case, _ in complete:
            handoff_log.record(
                session,
                ctx,
                fair=fair,
                case=case,
                kind=handoff_log.CREDIT,
                destination=handoff_log.CREDIT_PLATFORM,
                recipient=PLATFORM,
                file_name=Path(path).name,
                package_sha256=digest,
                items=len(complete),
            )
        if progress is not None:
            progress(len(referrals) + 1, len(referrals) + 1)
        return CreditExport(Path(path), chosen, len(complete), tuple(refused), digest)
