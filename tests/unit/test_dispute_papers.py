"""A commercial dispute's papers and the mediation record, as the law reads them
(../shared/domain.md, commercial disputes: 上海市会展业条例 第四十条; third legal review,
top 10 #1, §9, §15.3 and §18).

A dispute shares the desk but not the IP path: its papers promise no defence clock, count
no rights or exhibits, cite no IP article, and name its sides 申请人 / 被申请人 and the
matter 纠纷 throughout. Each test failed on the papers before that review was taken up.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fairdesk.domain import vocabulary as v
from fairdesk.domain.enums import ComplaintKind
from fairdesk.services.casework.steps import act_on_case, act_on_complaint
from fairdesk.services.intake.intake import register_complaint
from fairdesk.services.paper import documents as docs
from tests.conftest import FakeClock, Team
from tests.helpers import FAIR, complaint_input, make_fair
from tests.pdf_text import needs_pdftotext, pdf_words

pytestmark = needs_pdftotext

ART40 = "上海市会展业条例第四十条"
DISPUTE_PAPERS = ("complaint-form", "acceptance-receipt", "mediation-record", "closing-record")


@pytest.fixture
def fair(team: Team) -> str:
    return make_fair(team.admin)


def _issue(team: Team, kind: str, number: str, tmp_path: Path) -> str:
    return pdf_words(docs.issue_document(team.desk, kind, number).pdf, tmp_path)


def _dispute(team: Team, dispute_type: str = "payment") -> tuple[str, str]:
    data = complaint_input()
    data.kind = ComplaintKind.COMMERCIAL
    data.rights = []
    data.materials = {}
    data.commitment_signed = False
    data.dispute_type = dispute_type
    data.summary = "展台搭建费用未结清"
    for r in data.respondents:
        r.exhibits = []
    reg = register_complaint(team.desk, FAIR, data)
    act_on_complaint(team.desk, reg.number, "accept")
    return reg.number, reg.case_numbers[0]


def _settled_dispute(team: Team, clock: FakeClock) -> tuple[str, str]:
    number, case = _dispute(team)
    clock.advance(minutes=20)
    act_on_case(team.desk, case, "mediate_dispute")
    clock.advance(hours=1)
    act_on_case(team.desk, case, "settle", terms="被申请人于2026-11-07前支付货款人民币5万元")
    return number, case


def _all_four(team: Team, clock: FakeClock, tmp_path: Path) -> dict[str, str]:
    number, case = _settled_dispute(team, clock)
    return {
        kind: _issue(team, kind, number if kind in DISPUTE_PAPERS[:2] else case, tmp_path)
        for kind in DISPUTE_PAPERS
    }


def test_the_dispute_receipt_promises_mediation_not_an_ip_defence(
    team: Team, fair: str, tmp_path: Path
) -> None:
    number, _ = _dispute(team)
    text = _issue(team, "acceptance-receipt", number, tmp_path)
    assert "本中心将通知被申请人，并组织双方调解。" in text
    assert "答辩" not in text and "小时内" not in text and "defence" not in text
    # No IP counts and no exhibits column: a dispute names no right and accuses nothing.
    assert "权利0项" not in text and "展品0件" not in text
    assert "涉嫌侵权展品" not in text and "Accusedexhibits" not in text
    # The material received is the dispute's own form.
    assert "1.商事纠纷登记表/Commercialdisputeregistrationform" in text
    assert "知识产权投诉登记表" not in text


def test_the_ip_receipt_still_promises_the_defence_clock(
    team: Team, fair: str, tmp_path: Path
) -> None:
    reg = register_complaint(team.desk, FAIR, complaint_input())
    act_on_complaint(team.desk, reg.number, "accept")
    text = _issue(team, "acceptance-receipt", reg.number, tmp_path)
    assert "被投诉人应自通知送达之时起24小时内提交书面答辩及证据" in text
    assert "本投诉涉及权利1项、被投诉人1家、涉嫌侵权展品2件" in text
    assert "组织双方调解" not in text


def test_the_dispute_form_cites_the_dispute_article_not_the_false_complaint_one(
    team: Team, fair: str, tmp_path: Path
) -> None:
    number, _ = _dispute(team)
    text = _issue(team, "complaint-form", number, tmp_path)
    assert ART40 in text
    assert "第十条" not in text and "展会知识产权保护办法" not in text


def test_the_dispute_papers_print_the_words_of_the_dispute_type(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    words = v.DISPUTE_TYPES.words("payment")
    for kind, text in _all_four(team, clock, tmp_path).items():
        assert f"{words.zh}/{words.en}" in text, kind
        assert "payment" not in text, kind  # the stored code


def test_the_dispute_papers_name_the_sides_one_way(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    for kind, text in _all_four(team, clock, tmp_path).items():
        assert "申请人" in text and "被申请人" in text, kind
        assert "投诉" not in text, kind  # neither 投诉人, 被投诉人 nor 投诉编号
        assert "Complainant" not in text and "complaint" not in text.lower(), kind


def test_the_dispute_mediation_record_shows_when_mediation_started(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    _, case = _dispute(team)
    clock.advance(minutes=20)  # 09:50 in Shanghai
    act_on_case(team.desk, case, "mediate_dispute")
    clock.advance(minutes=30)
    text = _issue(team, "mediation-record", case, tmp_path)
    assert "调解开始2026-11-0509:50Mediationstarted" in text
    assert ART40 in text


def _ip_settled(team: Team, clock: FakeClock, agent: bool) -> str:
    data = complaint_input(agent=agent)
    data.power_of_attorney = agent
    reg = register_complaint(team.desk, FAIR, data)
    act_on_complaint(team.desk, reg.number, "accept")
    case = reg.case_numbers[0]
    act_on_case(team.desk, case, "notify")
    act_on_case(team.desk, case, "start_mediation")
    clock.advance(minutes=30)
    act_on_case(team.desk, case, "settle", terms="被投诉人当场撤下X-1型椅子共2件")
    return case


@pytest.mark.parametrize("agent", [True, False])
def test_the_mediation_record_leaves_the_persons_present_to_fill_in(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path, agent: bool
) -> None:
    text = _issue(team, "mediation-record", _ip_settled(team, clock, agent), tmp_path)
    present = text.split("参加人员")[1].split("当事人")[0]
    # A capacity and a blank for each person, not the companies' names alone.
    assert "被投诉人代表__________（职务__________）Respondent'srepresentative" in present
    if agent:
        assert "投诉人委托代理人__________（示例律师事务所）Complainant'sagent" in present
    else:
        assert present.count("投诉人代表") == 2 and "委托代理人" not in present
    assert "投诉人示例品牌股份有限公司" not in present


def test_the_agreement_closes_the_case_when_signed(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    case = _ip_settled(team, clock, agent=False)
    text = _issue(team, "mediation-record", case, tmp_path)
    assert "本协议签署后本案结案；一方不履行的，另一方可依法主张权利。" in text
    assert "履行完毕后本案结案" not in text
    assert "具有民事合同性质" in text


def test_the_ip_mediation_rests_on_the_measures_and_the_contract(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    case = _ip_settled(team, clock, agent=False)
    text = _issue(team, "mediation-record", case, tmp_path)
    assert "展会知识产权保护办法第七条第（三）项；参展合同" in text
    assert "Art.7(3);theexhibitorcontract" in text
    assert ART40 not in text
    assert "Chairedbytheservicecenter,thepartiesmediatedvoluntarily." in text


def test_the_dispute_mediation_keeps_the_dispute_article(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    _, case = _settled_dispute(team, clock)
    text = _issue(team, "mediation-record", case, tmp_path)
    assert ART40 in text and "第七条" not in text


def test_the_dispute_dossier_has_no_ip_rows_and_names_its_own_papers(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    number, case = _settled_dispute(team, clock)
    docs.issue_document(team.desk, "complaint-form", number)
    text = _issue(team, "dossier", case, tmp_path)
    assert "纠纷状态" in text and "纠纷事实与请求" in text
    for ip_only in ("承诺书", "答辩期限", "送达时间", "涉嫌侵权展品", "投诉事实与理由", "认定依据"):
        assert ip_only not in text, ip_only
    assert "商事纠纷登记表" in text  # the form issued, in the timeline by its own title
    assert "知识产权投诉登记表" not in text
