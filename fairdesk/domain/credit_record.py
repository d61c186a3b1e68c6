"""One credit-platform record of serious dishonesty, and which of its items are missing.

The items follow the national "双公示" conventions for administrative decisions and the
credit-information data-item standards (docs/handoffs.md cites them): who the subject is
(name, unified social credit code, or for a foreign subject its registration number),
what was found (type, facts, legal basis), who decided (body and its code), the decision
(number, date), how long it is published, and who reports it (source unit, contact).

Pure: no database, no Qt.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from fairdesk.domain import credit_code
from fairdesk.domain.vocabulary import Words

# Where the subject is registered in mainland China: its code must be a valid USCC.
MAINLAND = frozenset({"", "中国", "中国大陆", "中华人民共和国", "china", "cn", "prc"})


@dataclass(frozen=True)
class Item:
    key: str
    words: Words
    required: bool = True
    width: float = 18.0


ITEMS: tuple[Item, ...] = (
    Item("case_number", Words("Case number", "案件编号"), width=18),
    Item("subject_name", Words("Subject's name", "行政相对人名称"), width=30),
    Item("subject_name_en", Words("Subject's name (English)", "行政相对人英文名称"), False, 30),
    Item("subject_category", Words("Subject category", "行政相对人类别"), width=16),
    Item("credit_code", Words("Unified social credit code", "统一社会信用代码"), False, 22),
    Item(
        "foreign_registration",
        Words("Foreign registration number", "境外注册号"),
        False,
        20,
    ),
    Item("country", Words("Country or region", "国家或地区"), False, 12),
    Item("finding_type", Words("Type of finding", "失信行为类别"), width=24),
    Item("facts", Words("Facts found", "失信行为事实"), width=40),
    Item("legal_basis", Words("Legal basis", "认定依据"), width=30),
    Item("decision_body", Words("Deciding body", "认定机关"), width=24),
    Item("decision_body_code", Words("Deciding body's code", "认定机关统一社会信用代码"), width=22),
    Item("decision_number", Words("Decision number", "决定文书号"), width=20),
    Item("decision_date", Words("Decision date", "认定日期"), width=12),
    Item("publication_months", Words("Publication period (months)", "公示期限（月）"), width=10),
    Item("publication_until", Words("Published until", "公示截止日期"), width=12),
    Item("source_unit", Words("Source unit", "数据来源单位"), width=30),
    Item("contact", Words("Contact", "联系人及电话"), width=20),
    Item("referred_at", Words("Referred at", "报送时间"), width=18),
    Item("referred_by", Words("Referred by", "报送人"), width=12),
)
IDENTITY = Words(
    "the unified social credit code (or, for a foreign subject, its registration number)",
    "统一社会信用代码（境外主体为境外注册号）",
)


def is_mainland(country: str) -> bool:
    return country.strip().lower() in MAINLAND


def missing(record: Mapping[str, Any]) -> list[Words]:
    """The required items a record lacks (or has in a form a platform refuses)."""
    out = [i.words for i in ITEMS if i.required and not str(record.get(i.key) or "").strip()]
    code = str(record.get("credit_code") or "")
    foreign = str(record.get("foreign_registration") or "").strip()
    if not (credit_code.is_valid(code) or foreign):
        out.insert(min(3, len(out)), IDENTITY)
    body_code = str(record.get("decision_body_code") or "")
    if body_code and not credit_code.is_valid(body_code):
        out.append(Words("a valid code of the deciding body", "有效的认定机关统一社会信用代码"))
    return out
