"""Builders for test data that go through the real services."""

from __future__ import annotations

from datetime import date

from fairdesk.domain import materials
from fairdesk.domain.normalize import exhibitor_identity
from fairdesk.services.context import Context
from fairdesk.services.fair import fairs
from fairdesk.services.fair.exhibitor_file import ExhibitorRecord
from fairdesk.services.fair.exhibitors import upsert_exhibitors
from fairdesk.services.fair.fairs import fair_by_code
from fairdesk.services.intake.intake import (
    ComplaintInput,
    ExhibitInput,
    PartyInput,
    RespondentInput,
    RightInput,
)

FAIR = "TEST2026"


def exhibitor(n: int, booth: str, hall: str = "4.1", credit: str = "") -> ExhibitorRecord:
    name_zh, name_en = f"测试展商{n}有限公司", f"Test Exhibitor {n} GmbH"
    return ExhibitorRecord(
        row=n + 1,
        name_zh=name_zh,
        name_en=name_en,
        credit_code=credit,
        country="德国",
        country_en="Germany",
        area="",
        area_en="",
        delegation="",
        booths=((hall, booth),),
        contact="",
        phone="",
        email="",
        identity=exhibitor_identity(credit, name_zh, name_en),
    )


def make_fair(
    admin: Context,
    rules: str = "cnipa-24h",
    code: str = FAIR,
    start: date = date(2026, 11, 5),
    end: date = date(2026, 11, 10),
    exhibitors: int = 5,
) -> str:
    """A six-day fair (09:00-17:00 Shanghai) with `exhibitors` exhibitors at 4.1A01, 4.1A02..."""
    fairs.create_fair(admin, code, "测试博览会", start, end, hours="09:00-17:00", rules=rules)
    with admin.db.writing() as session:
        fair = fair_by_code(session, code)
        upsert_exhibitors(
            session,
            fair.id,
            [exhibitor(i, f"4.1A{i:02d}") for i in range(1, exhibitors + 1)],
            admin.now(),
        )
    return code


def received(ip_types: list[str], agent: bool = False) -> dict[str, bool]:
    """The materials ticks of a complaint that has everything its rights need."""
    items = materials.checklist(ip_types, agent=agent)
    return materials.ticks_of(items, [m.key for m in items])


def complaint_input(
    *booths: str,
    agent: bool = False,
    commitment: bool = True,
    right: RightInput | None = None,
    materials_received: bool = True,
) -> ComplaintInput:
    """A design-patent complaint; by default every material of its checklist is received."""
    chosen = right or RightInput(
        "design", "ZL202330123456.7", "座椅", "示例品牌", valid_until=date(2038, 1, 1)
    )
    received = materials.checklist([chosen.ip_type], agent=agent) if materials_received else ()
    return ComplaintInput(
        complainant=PartyInput("示例品牌股份有限公司", "Example Brand Co., Ltd."),
        agent=PartyInput("示例律师事务所", "Example Law Firm") if agent else None,
        power_of_attorney=False,
        rights=[chosen],
        respondents=[
            RespondentInput(booth=b, exhibits=[ExhibitInput("椅子", "X-1", 2)])
            for b in booths or ("4.1A01",)
        ],
        commitment_signed=commitment,
        materials=materials.ticks_of(received, [m.key for m in received]),
        summary="外观设计相同",
    )
