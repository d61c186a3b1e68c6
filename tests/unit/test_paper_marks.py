"""Third legal reading (../reviews/documents_zh_3.md §0, §17): the referral letter names
the right and the finding, its addressee in both languages and no kind label; the marks on
every paper served on a party (a verification line by the QR, not the key and the hash);
投诉方式 and 投诉时间 as two rows; the exhibits heading after a finding.

Each test failed on the documents before that reading; they run on SQLite or PostgreSQL
(FAIRDESK_TEST_DB).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fairdesk.services.casework.steps import act_on_case, act_on_complaint
from fairdesk.services.checks.anchors import parse_given
from fairdesk.services.checks.audit_verify import verify_chain
from fairdesk.services.intake.intake import register_complaint
from fairdesk.services.paper import documents as docs
from fairdesk.services.paper import paper_trust
from fairdesk.services.trust import keys
from tests.conftest import FakeClock, Team
from tests.helpers import FAIR, complaint_input, make_fair
from tests.pdf_text import pdf_words as _text
from tests.unit.test_paper_desk import _found, _issue, pytestmark  # noqa: F401

MARKET = "上海市市场监督管理局"


@pytest.fixture
def fair(team: Team) -> str:
    return make_fair(team.admin)


def test_the_referral_letter_names_the_right_and_the_finding(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    _, case = _found(team, clock)
    act_on_case(team.desk, case, "refer", referral_kind="market_regulation", authority=MARKET)
    text = _issue(team, "referral-letter", case, tmp_path)
    assert (
        "经审查，本中心初步认定被投诉人展出的X-1型椅子涉嫌侵犯示例品牌股份有限公司"
        "ZL202330123456.7号外观设计专利权（认定依据：经审查双方材料）。" in text
    )
    assert "本中心的初步意见为" not in text
    assert "（市场监督管理部门）" not in text and "移送贵局依法处理" in text
    # The desk typed the Chinese name only: a known organ keeps its name in English.
    assert "TotheShanghaiMunicipalAdministrationforMarketRegulation:" in text
    assert "未采取整改措施" in text and "整改措施无" not in text


def test_a_party_paper_says_how_to_verify_it_and_keeps_its_anchor_in_the_file(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    _, case = _found(team, clock)
    info = docs.issue_document(team.desk, "decision", case, copy="respondent")
    text = _text(info.pdf, tmp_path)
    assert "本文书可扫码核验真伪/ScantheQRcodetoverifythisdocument" in text
    assert "Rootkey" not in text and "Auditchain" not in text
    assert not re.search(r"[0-9a-f]{64}", text)  # no raw chain hash on the paper
    # Verification keeps working: the QR code, and the anchor the file carries.
    assert docs.verify_file(team.desk, info.pdf).ok
    pdf = tmp_path / "decision.pdf"
    pdf.write_bytes(info.pdf)
    anchors = parse_given(str(pdf), team.admin)
    assert anchors and all(len(a.hash) == 64 for a in anchors)
    assert verify_chain(team.admin, given=anchors).ok
    assert paper_trust.signed_root(team.admin, str(pdf)) == keys.root_fingerprint(team.admin)
    # The dossier, kept by the center, prints both in full.
    dossier = _issue(team, "dossier", case, tmp_path)
    assert "Rootkey" in dossier and "Auditchain" in dossier


def test_the_way_and_the_time_of_filing_are_two_rows(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    number, _ = _found(team, clock)
    text = _issue(team, "acceptance-receipt", number, tmp_path)
    assert "投诉方式现场投诉/AtthedeskFiled投诉时间2026-11-0509:30Filedat" in text
    assert "Atthedesk，" not in text


def test_after_a_finding_the_exhibits_are_those_found_infringing(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    _, case = _found(team, clock)
    act_on_case(team.desk, case, "order_remedy", measure="cover")
    for kind, kw in (("decision", {"copy": "complainant"}), ("remedial-order", {})):
        text = _issue(team, kind, case, tmp_path, **kw)
        assert "被初步认定侵权的展品" in text and "涉嫌侵权展品" not in text, kind
    # A decision that finds no infringement lists them as accused still.
    other = register_complaint(team.desk, FAIR, complaint_input("4.1A02"))
    act_on_complaint(team.desk, other.number, "accept")
    (other_case,) = other.case_numbers
    for action, kw in (
        ("notify", {}),
        ("record_defence", {"summary": "外观不同"}),
        ("begin_review", {}),
        ("decide_not_infringing", {"reason": "外观不相同"}),
    ):
        act_on_case(team.desk, other_case, action, **kw)
    text = _issue(team, "decision", other_case, tmp_path, copy="complainant")
    assert "涉嫌侵权展品" in text and "被初步认定侵权的展品" not in text


def test_a_foreign_respondents_number_is_a_registration_not_a_credit_code() -> None:
    """Only a Chinese unified social credit code is called one (the fourth document
    review, #10): a German register number is a registration number."""
    from fairdesk.documents.model import RespondentView
    from fairdesk.documents.parts import respondent_rows
    from fairdesk.domain.credit_code import is_valid

    fields = {f: "" for f in RespondentView.__dataclass_fields__}
    german = RespondentView(**{**fields, "name_zh": "米兰", "credit_code": "DE-HRB-228811"})  # type: ignore[arg-type]
    chinese = RespondentView(**{**fields, "name_zh": "示例", "credit_code": "91310000MA1K000000"})  # type: ignore[arg-type]
    labels = {row[0] for row in respondent_rows(german)}
    assert "注册号" in labels and "统一社会信用代码" not in labels
    labels = {row[0] for row in respondent_rows(chinese)}
    assert ("统一社会信用代码" in labels) == is_valid("91310000MA1K000000")
