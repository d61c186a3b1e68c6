"""The fifth Chinese reading's points on acceptance (reviews/documents_zh_5.md, top 7 and 8):
a complainant that does not hold the right complains as a licensee with its licence
contract, never as the holder; a Madrid international registration is named as one.
Each test failed before this round."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from fairdesk.domain import materials
from fairdesk.domain.acceptance import holds_the_right
from fairdesk.domain.errors import MissingRequirement
from fairdesk.services.casework.steps import act_on_complaint
from fairdesk.services.intake.intake import ExhibitInput, RightInput, register_complaint
from fairdesk.services.paper import documents as docs
from tests.conftest import Team
from tests.helpers import FAIR, complaint_input, make_fair
from tests.pdf_text import needs_pdftotext, pdf_words

OTHERS = RightInput(
    "design", "ZL202330123456.7", "咖啡机", "Example Art LLC", valid_until=date(2038, 1, 1)
)
MADRID = RightInput(
    "trademark", "1234567", "EXAMPLE", "示例品牌", jurisdiction="WIPO", basis="madrid",
    ir_number="1234567",
)  # fmt: skip


@pytest.fixture
def fair(team: Team) -> str:
    return make_fair(team.admin)


def _filed(team: Team, right: RightInput, *extra: str) -> str:
    data = complaint_input(right=right)
    needed = materials.checklist([right.ip_type], agent=False, licences=[right.licence_type])
    data.materials = materials.ticks_of(needed, [m.key for m in needed if m.key not in extra])
    return register_complaint(team.desk, FAIR, data).number


def test_the_same_holder_typed_short_or_in_english_is_the_complainant() -> None:
    names = ("示例品牌股份有限公司", "Example Brand Co., Ltd.")
    assert holds_the_right("示例品牌", *names)
    assert holds_the_right("EXAMPLE BRAND CO.,LTD.", *names)
    assert holds_the_right("", "示例品牌股份有限公司")
    assert not holds_the_right("Example Art LLC", "上海示例智能家居科技有限公司", "Shanghai Ex")
    assert not holds_the_right("示例品牌（上海）贸易有限公司", "示例品牌股份有限公司")
    assert holds_the_right("Example Brand", "示例品牌", "Example Brand Co.")
    assert not holds_the_right("Tesco", "示例", "Tes Co., Ltd.")


def test_owner_standing_is_refused_when_another_holds_the_right(team: Team, fair: str) -> None:
    number = _filed(team, OTHERS)
    with pytest.raises(MissingRequirement) as refused:
        act_on_complaint(team.desk, number, "accept")
    text = str(refused.value)
    assert "ZL202330123456.7" in text and "Example Art LLC" in text
    assert "licensee" in text and "licence contract" in text


@pytest.mark.parametrize("licence", ["exclusive", "sole"])
def test_a_licensee_with_its_licence_contract_is_accepted(
    team: Team, fair: str, licence: str
) -> None:
    number = _filed(team, dataclasses.replace(OTHERS, licence_type=licence))
    act_on_complaint(team.desk, number, "accept")


def test_a_licensee_without_its_licence_contract_is_not_accepted(team: Team, fair: str) -> None:
    number = _filed(team, dataclasses.replace(OTHERS, licence_type="exclusive"), "licence_contract")
    with pytest.raises(MissingRequirement, match="Licence contract"):
        act_on_complaint(team.desk, number, "accept")


def test_a_simple_licensee_also_needs_the_owners_authorisation(team: Team, fair: str) -> None:
    simple = dataclasses.replace(OTHERS, licence_type="simple")
    number = _filed(team, simple, "owner_authorisation")
    with pytest.raises(MissingRequirement, match="express authorisation"):
        act_on_complaint(team.desk, number, "accept")
    act_on_complaint(team.desk, number, "record_received", materials="owner_authorisation")
    act_on_complaint(team.desk, number, "accept")


@needs_pdftotext
def test_the_form_never_prints_right_holder_for_a_right_another_holds(
    team: Team, fair: str, tmp_path: Path
) -> None:
    number = _filed(team, OTHERS)
    text = pdf_words(docs.issue_document(team.desk, "complaint-form", number).pdf, tmp_path)
    assert "权利人/Right" not in text.replace("权利人/Rightsrelied", "")
    assert "身份待证明/Standingnotshown" in text
    # (Another right: the standing is recorded with the right.)
    other = dataclasses.replace(OTHERS, number="ZL202330654321.0", licence_type="exclusive")
    licensed = _filed(team, other)
    act_on_complaint(team.desk, licensed, "accept")
    receipt = docs.issue_document(team.desk, "acceptance-receipt", licensed).pdf
    assert "独占被许可人/Exclusivelicensee" in pdf_words(receipt, tmp_path)


@needs_pdftotext
def test_a_madrid_registration_is_named_as_one_with_its_proof(
    team: Team, fair: str, tmp_path: Path
) -> None:
    data = complaint_input(right=MADRID)
    data.respondents[0].exhibits = [ExhibitInput("咖啡机", "CM-1", 1, rights=["1234567"])]
    reg = register_complaint(team.desk, FAIR, data)
    act_on_complaint(team.desk, reg.number, "accept")
    paper = docs.issue_document(team.desk, "acceptance-receipt", reg.number)
    receipt = pdf_words(paper.pdf, tmp_path)
    assert "商标国际注册证明（马德里体系）" in receipt and "（WIPO" not in receipt
    assert "马德里国际注册商标专用权" in receipt
    from fairdesk.services.casework.steps import act_on_case

    act_on_case(team.desk, reg.case_numbers[0], "notify")
    notice = docs.issue_document(team.desk, "complaint-notice", reg.case_numbers[0]).pdf
    text = pdf_words(notice, tmp_path)
    assert "第1234567号国际注册商标（马德里体系，指定中国）专用权" in text
    assert "internationalregistrationNo.1234567designatingChina" in text
    assert "第1234567号注册商标专用权" not in text and "WIPO" not in text
