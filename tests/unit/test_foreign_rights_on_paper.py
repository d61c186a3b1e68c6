"""A right from abroad on paper (CNIPA 2022 Guidelines Art 12): a complaint with a valid
Chinese right is not refused whole for a foreign one (the desk is pointed to a partial
acceptance); the non-acceptance notice prints only the rights its reason concerns and names
the failing right; a foreign right is never called 第…号注册商标专用权.

Each test failed before this change; all run on SQLite or PostgreSQL (FAIRDESK_TEST_DB).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fairdesk.documents.model import RightView
from fairdesk.documents.parts import right_kind, right_name, right_number
from fairdesk.domain.errors import IllegalTransition
from fairdesk.services.casework.steps import act_on_complaint
from fairdesk.services.paper import documents
from tests.conftest import Team
from tests.helpers import make_fair
from tests.pdf_text import needs_pdftotext, pdf_words
from tests.unit.test_law_partial import DESIGN, EU_MARK, MARK, _complaint

pdf_tools = needs_pdftotext


@pytest.fixture
def fair(team: Team) -> str:
    return make_fair(team.admin)


def _text(team: Team, kind: str, number: str, tmp_path: Path) -> str:
    return pdf_words(documents.issue_document(team.desk, kind, number).pdf, tmp_path)


def test_a_foreign_right_does_not_reject_a_complaint_with_a_valid_chinese_right(
    team: Team, fair: str
) -> None:
    number, _ = _complaint(team, DESIGN, EU_MARK, accused=["ZL202330123456.7"])
    with pytest.raises(IllegalTransition, match="accept it for the valid rights"):
        act_on_complaint(team.desk, number, "reject", reason_code="right_not_valid_in_china")
    # Another reason still rejects; and the partial acceptance goes through.
    assert act_on_complaint(team.desk, number, "accept").state == "ACCEPTED"


def test_chinese_rights_are_never_rejected_as_not_valid_in_china(team: Team, fair: str) -> None:
    number, _ = _complaint(team, DESIGN, MARK)
    with pytest.raises(IllegalTransition, match="ZL202330123456.7.*45678901|valid in China"):
        act_on_complaint(team.desk, number, "reject", reason_code="right_not_valid_in_china")


@pdf_tools
def test_the_non_acceptance_notice_names_the_failing_right_only(
    team: Team, fair: str, tmp_path: Path
) -> None:
    number, _ = _complaint(team, EU_MARK)
    act_on_complaint(team.desk, number, "reject", reason_code="right_not_valid_in_china")
    flat = _text(team, "non-acceptance", number, tmp_path)
    assert (
        "投诉人所依据的“EXAMPLE”商标（欧盟商标EUTM018765432）未在中国注册，"
        "亦未经马德里国际注册指定中国，在中国境内不受保护。" in flat
    )
    assert "注册商标专用权" not in flat  # the EU mark confers no such right in China
    assert "EUtrademarkEUTM018765432" in flat


def test_a_foreign_right_is_named_for_what_it_is() -> None:
    eu = RightView("trademark", "EUTM 018123456", "EXAMPLE", jurisdiction="EU")
    assert right_name(eu) == (
        "欧盟商标EUTM 018123456（未在中国注册）",
        "EU trade mark EUTM 018123456 (not registered in China)",
    )
    assert "专用权" not in right_kind(eu)[0]
    us = RightView("design", "USD912345", jurisdiction="US")
    assert right_name(us)[0] == "美国外观设计专利USD912345（未在中国授权）"
    # A Madrid registration designating China is protected in China, named as what it is.
    madrid = RightView("trademark", "1234567", jurisdiction="EU", basis="madrid",
                       ir_number="1234567")  # fmt: skip
    assert right_name(madrid)[0] == "第1234567号国际注册商标（马德里体系，指定中国）专用权"
    # A number typed with spaces prints as in the running text.
    cn = RightView("trademark", "第 45678901 号")
    assert right_number(cn) == "第45678901号"
    assert right_name(cn)[0] == "第45678901号注册商标专用权"


@pdf_tools
def test_the_partial_receipt_calls_the_eu_mark_an_eu_mark(
    team: Team, fair: str, tmp_path: Path
) -> None:
    number, _ = _complaint(team, DESIGN, EU_MARK, accused=["ZL202330123456.7"])
    act_on_complaint(team.desk, number, "accept")
    flat = _text(team, "acceptance-receipt", number, tmp_path)
    assert "欧盟商标EUTM018765432（未在中国注册）" in flat
    assert "第EUTM018765432号" not in flat and "No.EUTM" not in flat
