"""Partial non-acceptance (2006 Measures Arts 8-9, 17; CNIPA 2022 Guidelines Art 12): one
invalid right does not refuse a complaint whose other rights are valid. The complaint is
accepted for the valid rights, the refused ones keep their reason, the receipt lists both
with the article of each reason, and a decision relies on the accepted rights only.

Each test failed before partial non-acceptance; all run on SQLite or PostgreSQL
(FAIRDESK_TEST_DB).
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from fairdesk.db.models import AuditEvent, Complaint, complaint_rights
from fairdesk.domain.errors import MissingRequirement
from fairdesk.domain.workflow import Entity, step
from fairdesk.services.casework.steps import act_on_case, act_on_complaint
from fairdesk.services.intake.intake import ExhibitInput, RightInput, register_complaint
from fairdesk.services.organizer import followup
from fairdesk.services.paper import documents
from fairdesk.ui.common.case_labels import event_details
from tests.conftest import Team
from tests.helpers import FAIR, complaint_input, make_fair, received

DESIGN = RightInput(
    "design", "ZL202330123456.7", "咖啡机", "示例品牌", valid_until=date(2038, 1, 1)
)
EU_MARK = RightInput("trademark", "EUTM 018765432", "EXAMPLE", "示例品牌", jurisdiction="EU")
LAPSED = RightInput("design", "ZL201530111111.1", "旧款", "示例品牌", valid_until=date(2025, 1, 1))
MARK = RightInput("trademark", "45678901", "EXAMPLE", "示例品牌", valid_until=date(2034, 1, 1))


@pytest.fixture
def fair(team: Team) -> str:
    return make_fair(team.admin)


def _complaint(
    team: Team, *rights: RightInput, accused: list[str] | None = None
) -> tuple[str, str]:
    data = complaint_input()
    data.rights = list(rights)
    data.materials = received(sorted({r.ip_type for r in rights}))
    data.respondents[0].exhibits = [ExhibitInput("智能咖啡机", "CM-101", 2, rights=accused or [])]
    reg = register_complaint(team.desk, FAIR, data)
    return reg.number, reg.case_numbers[0]


def _refused(team: Team, number: str) -> dict[int, str]:
    with team.desk.db.reading() as session:
        complaint_id = session.scalar(select(Complaint.id).where(Complaint.number == number))
        rows = session.execute(
            select(complaint_rights.c.right_id, complaint_rights.c.refused_reason).where(
                complaint_rights.c.complaint_id == complaint_id
            )
        )
        return {right_id: reason for right_id, reason in rows}


def test_an_invalid_right_is_refused_alone(team: Team, fair: str) -> None:
    number, _ = _complaint(team, DESIGN, EU_MARK, LAPSED, accused=["ZL202330123456.7"])
    assert act_on_complaint(team.desk, number, "accept").state == "ACCEPTED"
    assert sorted(_refused(team, number).values()) == [
        "",
        "right_invalid",
        "right_not_valid_in_china",
    ]
    with team.desk.db.reading() as session:
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "complaint.accept")
        ).one()
        assert event.after["refused_rights"] == [
            ["EUTM 018765432", "right_not_valid_in_china"],
            ["ZL201530111111.1", "right_invalid"],
        ]
    # The timeline words the reasons; no code reaches the desk.
    line = event_details(event.after, ZoneInfo("Asia/Shanghai"))
    assert "not granted or registered in China" in line and "EUTM 018765432" in line
    assert "right_not_valid_in_china" not in line and "right_invalid" not in line


def test_a_complaint_whose_every_right_is_invalid_is_still_refused_whole(
    team: Team, fair: str
) -> None:
    number, _ = _complaint(team, EU_MARK, LAPSED)
    with pytest.raises(MissingRequirement, match="not valid in China|registered in EU"):
        act_on_complaint(team.desk, number, "accept")


def test_the_desk_refuses_a_right_for_a_pending_dispute(team: Team, fair: str) -> None:
    number, case = _complaint(team, DESIGN, MARK)
    with pytest.raises(MissingRequirement, match="Say why"):
        act_on_complaint(team.desk, number, "accept", refused_rights="45678901")
    with pytest.raises(MissingRequirement, match="reject the complaint instead"):
        act_on_complaint(
            team.desk,
            number,
            "accept",
            refused_rights="45678901, ZL202330123456.7",
            refused_reason="patent_dispute_pending",
        )
    act_on_complaint(
        team.desk, number, "accept", refused_rights="45678901", refused_reason="no_standing"
    )
    assert sorted(_refused(team, number).values()) == ["", "no_standing"]
    # The decision relies on the accepted right only: linking to the refused one is refused.
    with pytest.raises(MissingRequirement, match="does not rely on"):
        act_on_case(team.desk, case, "link_exhibit_rights", exhibit="1", rights="45678901")
    act_on_case(team.desk, case, "link_exhibit_rights", exhibit="1", rights="ZL202330123456.7")


def test_a_decision_relies_on_accepted_rights_only(team: Team, fair: str) -> None:
    """An exhibit accused only under a refused right cannot be found infringing."""
    number, case = _complaint(team, DESIGN, EU_MARK, accused=["EUTM 018765432"])
    act_on_complaint(team.desk, number, "accept")
    act_on_case(team.desk, case, "notify")
    with pytest.raises(MissingRequirement, match="CM-101"):
        act_on_case(
            team.desk,
            case,
            "decide_at_once",
            trigger="admission",
            admission="当场承认",
            legal_basis="Art 14",
        )


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext not installed")
def test_the_receipt_lists_accepted_and_refused_rights_with_the_article(
    team: Team, fair: str, tmp_path: Path
) -> None:
    number, _ = _complaint(team, DESIGN, EU_MARK, LAPSED, accused=["ZL202330123456.7"])
    act_on_complaint(team.desk, number, "accept")
    pdf = tmp_path / "receipt.pdf"
    pdf.write_bytes(documents.issue_document(team.desk, "acceptance-receipt", number).pdf)
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    relied, refused = text.split("不予受理的权利", 1)
    assert "ZL202330123456.7" in relied and "018765432" not in relied
    assert "Rights not accepted" in refused
    assert "018765432" in refused and "ZL201530111111.1" in refused
    assert "展会知识产权保护指引 第十二条" in refused  # the article of "not valid in China"
    # Each refusal in the non-acceptance notice's words, naming the right.
    flat = "".join(refused.split())
    assert "ZL201530111111.1号外观设计专利权已被宣告无效或已失效" in flat
    assert "“EXAMPLE”商标（欧盟商标EUTM018765432）未在中国注册" in flat


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext not installed")
def test_with_one_right_left_the_decision_names_it_for_every_exhibit(
    team: Team, fair: str, tmp_path: Path
) -> None:
    number, case = _complaint(team, DESIGN, EU_MARK)  # the exhibit names no right
    act_on_complaint(team.desk, number, "accept")
    act_on_case(team.desk, case, "notify")
    act_on_case(
        team.desk,
        case,
        "decide_at_once",
        trigger="admission",
        admission="当场承认",
        legal_basis="Art 14",
    )
    pdf = tmp_path / "decision.pdf"
    pdf.write_bytes(documents.issue_document(team.desk, "decision", case, copy="complainant").pdf)
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    flat = "".join(text.split())
    assert "ZL202330123456.7号外观设计专利权" in flat
    assert "未指明" not in flat and "018765432" not in flat
    # The follow-up list names the right relied on, not the one refused.
    keys = [c.key for c in followup.followup_columns()]
    rows = [dict(zip(keys, row, strict=True)) for row in followup.iter_followup(team.desk, FAIR)]
    row = next(r for r in rows if case in str(r.values()))
    assert row["right_number"] == "ZL202330123456.7"


def test_a_commercial_dispute_is_not_asked_for_rights_to_refuse() -> None:
    accept = step(Entity.COMPLAINT, "accept")
    names = {f.name for f in accept.fields_for("commercial")}
    assert "refused_rights" not in names and "refused_reason" not in names
    assert {"refused_rights", "refused_reason"} <= {f.name for f in accept.fields_for("ip")}
