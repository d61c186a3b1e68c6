"""The paper as the law reads it (../shared/domain.md, "Documents printed"): the time and
manner of service, the article each document cites, the center's words.

Each test failed on the documents before the legal review.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from fairdesk.domain.enums import Role
from fairdesk.domain.errors import IllegalTransition, InvalidInput
from fairdesk.domain.rules import preset
from fairdesk.domain.workflow import Entity, step, suggested_legal_basis
from fairdesk.services.casework.steps import act_on_case, act_on_complaint
from fairdesk.services.intake.intake import ExhibitInput, RightInput, register_complaint
from fairdesk.services.paper import documents as docs
from tests.conftest import FakeClock, Team
from tests.helpers import FAIR, complaint_input, make_fair, received
from tests.pdf_text import needs_pdftotext, pdf_words

pytestmark = needs_pdftotext

CNIPA_14 = "展会知识产权保护指引第十四条"
M2006_14 = "展会知识产权保护办法第十四条"


@pytest.fixture
def fair(team: Team) -> str:
    return make_fair(team.admin)


def _accepted(team: Team) -> tuple[str, str]:
    reg = register_complaint(team.desk, FAIR, complaint_input())
    act_on_complaint(team.desk, reg.number, "accept")
    return reg.number, reg.case_numbers[0]


def _notified(team: Team, clock: FakeClock) -> str:
    _, case = _accepted(team)
    clock.advance(hours=1)  # 10:30; the notice was left at the booth at 10:00
    act_on_case(
        team.desk, case, "notify", service_manner="left_at_booth", served_at="2026-11-05 10:00"
    )
    return case


def _reviewed(team: Team, clock: FakeClock) -> str:
    case = _notified(team, clock)
    act_on_case(team.desk, case, "record_defence", summary="展品系自主设计")
    act_on_case(team.desk, case, "begin_review")
    return case


def _decide(team: Team, case: str, action: str, trigger: str, **extra: str) -> None:
    """Decide with the citation the step dialog suggests for the trigger."""
    basis = suggested_legal_basis(
        preset("cnipa-24h").legal_basis, step(Entity.CASE, action), trigger
    )
    act_on_case(
        team.desk, case, action, trigger=trigger, reason="比对一致", legal_basis=basis, **extra
    )


def _issue(team: Team, kind: str, number: str, tmp_path: Path, **kw: str) -> str:
    return pdf_words(docs.issue_document(team.desk, kind, number, **kw).pdf, tmp_path)


# -- service ------------------------------------------------------------------------------


def test_the_notice_states_the_deadline_from_the_time_of_service(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    case = _notified(team, clock)
    text = _issue(team, "complaint-notice", case, tmp_path)
    assert "2026-11-0610:00" in text  # 24 h after 10:00, not after the 10:30 click
    assert "2026-11-0510:00" in text and "展位留置送达" in text
    assert "Leftattheboothbeforeawitness" in text
    # The right named in full.
    assert "ZL202330123456.7号外观设计专利权" in text


def test_a_notice_whose_deadline_has_passed_is_refused_and_the_served_copy_reprints(
    team: Team, fair: str, clock: FakeClock
) -> None:
    case = _notified(team, clock)
    first = docs.issue_document(team.desk, "complaint-notice", case)
    clock.advance(hours=24)
    with pytest.raises(IllegalTransition, match="deadline of case .* has passed"):
        docs.issue_document(team.desk, "complaint-notice", case)
    assert docs.render_document(team.desk, first.number) == first.pdf


def test_the_proof_of_service_names_the_party_served_and_when_and_how(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    case = _notified(team, clock)
    notice = docs.issue_document(team.desk, "complaint-notice", case)
    text = _issue(team, "proof-of-service", case, tmp_path, served=notice.number)
    assert "受送达人Servedon测试展商1有限公司" in text
    assert "2026-11-0510:00" in text and "展位留置送达" in text
    act_on_case(team.desk, case, "record_defence", summary="答辩")
    act_on_case(team.desk, case, "begin_review")
    act_on_case(team.desk, case, "decide_not_infringing", reason="证据不足")
    copy = docs.issue_document(team.desk, "decision", case, copy="complainant")
    text = _issue(team, "proof-of-service", case, tmp_path, served=copy.number)
    served_on = text.split("送达地点", 1)[0].rsplit("案件编号", 1)[1]
    assert "示例品牌股份有限公司" in served_on
    assert "测试展商1有限公司" not in served_on
    # Printed before anyone signs: no receipt asserted, the time left to fill in by hand.
    assert "受送达人签收如下" not in text and "送达情况如下" in text
    assert "____年__月__日__时__分" in text


def test_the_proof_of_service_names_the_complainant_served_and_its_agent_as_agent(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    import dataclasses

    filed = dataclasses.replace(complaint_input(agent=True), power_of_attorney=True)
    reg = register_complaint(team.desk, FAIR, filed)
    act_on_complaint(team.desk, reg.number, "accept")
    case = reg.case_numbers[0]
    act_on_case(team.desk, case, "notify")
    act_on_case(team.desk, case, "record_defence", summary="答辩")
    act_on_case(team.desk, case, "begin_review")
    act_on_case(team.desk, case, "decide_not_infringing", reason="证据不足")
    copy = docs.issue_document(team.desk, "decision", case, copy="complainant")
    text = _issue(team, "proof-of-service", case, tmp_path, served=copy.number)
    served_on = text.split("送达地点", 1)[0].rsplit("案件编号", 1)[1]
    assert "示例品牌股份有限公司" in served_on  # the party served ...
    assert "（代理人：" in served_on  # ... its agent named as agent, after it
    assert served_on.index("示例品牌股份有限公司") < served_on.index("（代理人：")


def test_a_notice_printed_before_service_is_recorded_leaves_the_time_to_fill_in(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    _, case = _accepted(team)
    act_on_case(team.desk, case, "notify", service_manner="in_person")  # no time of service
    issued = docs.issue_document(team.desk, "complaint-notice", case)
    text = pdf_words(issued.pdf, tmp_path)
    assert "送达时间：____年__月__日__时__分（以送达回证记载为准）" in text
    assert "请自本通知书送达之时起24小时内" in text
    local = issued.issued_at.astimezone(ZoneInfo("Asia/Shanghai")).strftime("%Y-%m-%d%H:%M")
    assert f"送达时间Served{local}" not in text  # never the time it was printed


def test_the_time_of_service_from_the_proof_reaches_the_notice_and_the_dossier(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    _, case = _accepted(team)
    act_on_case(team.desk, case, "notify", service_manner="in_person")  # 09:30, the click
    clock.advance(hours=1)
    served = datetime(2026, 11, 5, 2, 15, tzinfo=UTC)  # 10:15 in Shanghai, as a script gives it
    act_on_case(team.desk, case, "record_service", served_at=served)
    notice = pdf_words(docs.issue_document(team.desk, "complaint-notice", case).pdf, tmp_path)
    tight = "".join(notice.split())
    assert "通知书签发时间2026-11-0509:30" in tight  # the click, named for what it is
    assert "送达时间2026-11-0510:15" in tight
    assert "请于2026-11-0610:15前" in tight  # 24 h from service, not from the click
    dossier = pdf_words(docs.issue_document(team.desk, "dossier", case).pdf, tmp_path)
    tight = "".join(dossier.split())
    assert "送达时间2026-11-0510:15" in tight and "答辩期限2026-11-0610:15" in tight
    # The timeline words the recorded time as the desk reads it, never the stored value.
    assert "送达时间/timeofservice:2026-11-0510:15" in tight


def test_the_notice_keeps_the_complainants_phone_and_email_from_the_respondent(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    import dataclasses

    filed = complaint_input()
    filed.complainant = dataclasses.replace(
        filed.complainant, contact="李明", phone="021-5555 0100", email="ip@example.com"
    )
    reg = register_complaint(team.desk, FAIR, filed)
    act_on_complaint(team.desk, reg.number, "accept")
    case = reg.case_numbers[0]
    act_on_case(team.desk, case, "notify")
    text = _issue(team, "complaint-notice", case, tmp_path)
    assert "示例品牌股份有限公司" in text
    for private in ("021-55550100", "ip@example.com"):
        assert private not in text


def test_a_supplement_notice_on_the_last_day_gives_the_deadline_once_and_even_items(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    clock.set(datetime(2026, 11, 10, 8, 30, tzinfo=UTC))  # 16:30 on the last day
    reg = register_complaint(team.desk, FAIR, complaint_input())
    act_on_complaint(
        team.desk, reg.number, "request_supplement",
        missing_items="1. 外观设计专利权评价报告\n2. 代理人授权委托书原件及中文译本。",
    )  # fmt: skip
    text = _issue(team, "supplement-notice", reg.number, tmp_path)
    assert "请于本届展会闭幕前（2026-11-1017:00）补正下列材料；未能补正的" in text
    assert text.count("闭幕前") == 1
    assert "1.外观设计专利权评价报告2.代理人授权委托书原件及中文译本" in text
    assert "中文译本。" not in text


CUT_BY_CLOSE = "因本届展会于2026-11-1017:00闭幕，答辩期限截至闭幕时止；"


def test_a_notice_on_the_last_day_says_the_close_ends_the_period_before_service_too(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    """The paper handed over at notification is printed before the time of service is
    recorded; the close already cuts its period short (fourth document review, top 2)."""
    clock.set(datetime(2026, 11, 10, 8, 30, tzinfo=UTC))  # 16:30 on the last day
    _, case = _accepted(team)
    act_on_case(team.desk, case, "notify")
    text = _issue(team, "complaint-notice", case, tmp_path)
    assert "请自本通知书送达之时起24小时内向本中心提交书面答辩及证据。" in text
    assert CUT_BY_CLOSE in text and "Asthefairclosesat2026-11-1017:00" in text
    clock.advance(minutes=10)
    act_on_case(team.desk, case, "record_service", served_at="2026-11-10 16:35")
    assert CUT_BY_CLOSE in _issue(team, "complaint-notice", case, tmp_path)


def test_a_notice_whose_period_ends_before_the_close_does_not_mention_it(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    clock.set(datetime(2026, 11, 9, 1, 30, tzinfo=UTC))  # 09:30 on the day before the last
    _, case = _accepted(team)
    act_on_case(team.desk, case, "notify")
    text = _issue(team, "complaint-notice", case, tmp_path)
    assert "送达之时起24小时内" in text and "闭幕时止" not in text


def _sentences(team: Team, number: str) -> str:
    """The issued document's paragraphs as written (spaces kept, no line breaks)."""
    import re

    from reportlab.platypus import Paragraph
    from sqlalchemy import select

    from fairdesk.db.models import IssuedDocument
    from fairdesk.documents.model import DocumentData
    from fairdesk.documents.render import MODULES

    with team.desk.db.reading() as session:
        doc = session.scalars(select(IssuedDocument).where(IssuedDocument.number == number)).one()
        data = DocumentData.from_dict(doc.content["data"])
    story = MODULES[data.kind].story(data)
    return "\n".join(re.sub(r"<[^>]+>", "", f.text) for f in story if isinstance(f, Paragraph))


def test_times_in_running_chinese_text_carry_no_stray_spaces(team: Team, fair: str) -> None:
    reg = register_complaint(team.desk, FAIR, complaint_input())
    act_on_complaint(team.desk, reg.number, "accept", authority="上海市知识产权局")
    issued = docs.issue_document(team.desk, "acceptance-receipt", reg.number)
    receipt = _sentences(team, issued.number)
    assert "你方于2026-11-05 09:30提交的投诉（投诉编号TEST2026-0001）材料齐备" in receipt
    assert "本中心已于2026-11-05 09:30受理。" in receipt
    act_on_complaint(team.desk, reg.number, "transfer", authority="上海市知识产权局")
    letter = _sentences(team, docs.issue_document(team.desk, "transfer-letter", reg.number).number)
    assert "本中心于2026-11-05 09:30受理的投诉（投诉编号TEST2026-0001）" in letter
    assert "现于2026-11-05 09:30将本案移交贵局处理" in letter


# -- legal bases --------------------------------------------------------------------------


def test_a_decision_on_the_merits_cites_no_cnipa_art14_and_one_on_a_trigger_does(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    merits = _reviewed(team, clock)
    _decide(team, merits, "decide_infringing", "merits")
    text = _issue(team, "decision", merits, tmp_path, copy="respondent")
    assert CNIPA_14 not in text and M2006_14 not in text
    assert "上海市会展业条例第二十七条、第三十八条" in text
    assert "第七条第（三）项" not in text  # only an opinion finding no infringement cites it

    _, at_once = _accepted(team)
    act_on_case(team.desk, at_once, "notify")
    _decide(team, at_once, "decide_at_once", "admission", admission="展商代表当场书面承认")
    text = _issue(team, "decision", at_once, tmp_path, copy="respondent")
    assert CNIPA_14 in text and M2006_14 not in text
    # ... and prints its ground: the admission.
    assert "被投诉人承认侵权：展商代表当场书面承认" in text
    assert "结论：初步认定侵权" in text
    # Decided while the defence period still ran: it never says the period went by.
    assert "未在答辩期限内" not in text and "径行处理" in text


def test_the_respondents_copy_of_a_decision_omits_the_complainants_phone_and_email(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    data = complaint_input()
    data.complainant.phone = "+86 21 5555 0101"
    data.complainant.email = "ip@example-brand.test"
    reg = register_complaint(team.desk, FAIR, data)
    act_on_complaint(team.desk, reg.number, "accept")
    case = reg.case_numbers[0]
    act_on_case(team.desk, case, "notify")
    _decide(team, case, "decide_at_once", "admission", admission="当场承认")
    respondent = _issue(team, "decision", case, tmp_path, copy="respondent")
    complainant = _issue(team, "decision", case, tmp_path, copy="complainant")
    assert "ip@example-brand.test" in complainant and "55550101" in complainant
    assert "ip@example-brand.test" not in respondent and "55550101" not in respondent
    assert "Opiniononthecomplaint" in respondent


def test_the_notice_cites_no_article_of_the_authoritys_procedure(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    case = _notified(team, clock)
    text = _issue(team, "complaint-notice", case, tmp_path)
    for article in ("第十二条", "第十三条", "第十四条"):
        assert "展会知识产权保护办法" + article not in text


def test_the_notice_and_its_proof_of_service_rest_on_art7_3_and_name_cnipa_art14_in_the_text(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    """CNIPA Art 14 is a decision's basis; the notice only warns of it (review 3, #7)."""
    case = _notified(team, clock)
    notice = docs.issue_document(team.desk, "complaint-notice", case)
    text = pdf_words(notice.pdf, tmp_path)
    basis = "法律依据Legalbasis：展会知识产权保护办法第七条第（三）项；参展合同"
    assert basis in text and CNIPA_14 not in text.split("法律依据", 1)[1]
    assert "根据《展会知识产权保护指引》第十四条，逾期未提交书面答辩及证据且无正当理由" in text
    assert "UnderArt.14oftheCNIPAGuidelines" in text
    served = _issue(team, "proof-of-service", case, tmp_path, served=notice.number)
    assert basis in served and CNIPA_14 not in served


def test_the_notice_names_only_the_rights_its_exhibits_are_linked_to(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    data = complaint_input()
    mark = RightInput("trademark", "45678901", "EXAMPLE", "示例品牌", valid_until=date(2030, 1, 1))
    data.rights.append(mark)
    data.materials = received(["design", "trademark"])
    reg = register_complaint(team.desk, FAIR, data)
    act_on_complaint(team.desk, reg.number, "accept")
    case = reg.case_numbers[0]
    act_on_case(team.desk, case, "link_exhibit_rights", exhibit="1", rights="ZL202330123456.7")
    act_on_case(team.desk, case, "notify")
    text = _issue(team, "complaint-notice", case, tmp_path)
    assert "涉嫌侵犯其ZL202330123456.7号外观设计专利权。" in text
    assert "第45678901号" not in text.split("涉嫌侵权展品", 1)[0]  # not in the opening
    exhibits = text.split("涉嫌侵权展品", 1)[1]
    assert "涉嫌侵犯的权利" in exhibits
    assert "ZL202330123456.7号外观设计专利权" in exhibits.split("权利依据", 1)[0]


def test_non_acceptance_cites_the_article_of_its_reason(
    team: Team, fair: str, tmp_path: Path
) -> None:
    reg = register_complaint(team.desk, FAIR, complaint_input())
    act_on_complaint(
        team.desk, reg.number, "reject", reason_code="patent_dispute_pending", reason="无效宣告中"
    )
    text = _issue(team, "non-acceptance", reg.number, tmp_path)
    assert "展会知识产权保护办法第十七条" in text
    assert "展会知识产权保护办法第九条" not in text


def test_a_right_not_valid_in_china_cites_art8_and_the_note_has_an_english_line(
    team: Team, fair: str, tmp_path: Path
) -> None:
    eu = RightInput("trademark", "EUTM 018123456", "EXAMPLE", "示例品牌", jurisdiction="EU")
    reg = register_complaint(team.desk, FAIR, complaint_input(right=eu))
    act_on_complaint(
        team.desk, reg.number, "reject", reason_code="right_not_valid_in_china",
        reason="投诉人称其马德里申请尚在审查中。",
    )  # fmt: skip
    text = _issue(team, "non-acceptance", reg.number, tmp_path)
    assert "展会知识产权保护办法第八条；展会知识产权保护指引第十二条" in text
    note = "投诉人称其马德里申请尚在审查中。"
    assert f"说明：{note}Note(originaltext):{note}" in text


def test_the_complaint_form_cites_the_materials_and_the_commitment(
    team: Team, fair: str, tmp_path: Path
) -> None:
    reg = register_complaint(team.desk, FAIR, complaint_input())
    text = _issue(team, "complaint-form", reg.number, tmp_path)
    assert "展会知识产权保护办法第八条、第十条" in text


def test_the_mediation_record_cites_no_defence_period(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    case = _notified(team, clock)
    act_on_case(team.desk, case, "start_mediation")
    text = _issue(team, "mediation-record", case, tmp_path)
    assert CNIPA_14 not in text and "第十三条" not in text
    act_on_case(team.desk, case, "settle", terms="被投诉人于当日 17:00 前撤下展品")
    text = _issue(team, "mediation-record", case, tmp_path)
    assert "调解协议书" in text and "和解协议" not in text
    # No promise of judicial confirmation: the center is no mediation body set up by law.
    assert "司法确认" not in text and "具有民事合同性质" in text


def test_a_first_offender_is_not_proposed_for_a_ban_and_the_notice_cites_no_art35(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    case = _reviewed(team, clock)
    _decide(team, case, "decide_infringing", "merits")
    act_on_case(team.desk, case, "order_remedy", measure="cover")
    act_on_case(team.by_role(Role.INSPECTOR), case, "request_recheck")
    act_on_case(team.by_role(Role.INSPECTOR), case, "recheck_failed", result="redisplayed")
    # One edition, one finding: 2006 Art 35 (consecutive editions) does not apply.
    with pytest.raises(IllegalTransition, match="consecutive editions"):
        act_on_case(team.desk, case, "escalate", escalation="propose_ban")
    act_on_case(team.desk, case, "escalate", escalation="cancel_participation")
    text = _issue(team, "escalation-notice", case, tmp_path)
    assert "进一步处理措施通知书" in text and "Noticeoffurthermeasures" in text
    assert "根据参展合同，展会主办方决定取消你方本届展会参展资格" in text
    assert "第三十五条" not in text and "Art.35" not in text
    assert "擅自揭除遮盖、重新展出" in text  # displayed again: not "did not carry out"


# -- words --------------------------------------------------------------------------------


def test_the_remedial_order_asks_and_keeps_in_custody(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    case = _reviewed(team, clock)
    _decide(team, case, "decide_infringing", "merits")
    act_on_case(team.desk, case, "order_remedy", measure="detain", storage_place="B2 仓库")
    for kind in ("remedial-order", "detained-items"):
        text = _issue(team, kind, case, tmp_path)
        assert "责令" not in text and "封存" not in text, kind
    assert "整改通知书" in _issue(team, "remedial-order", case, tmp_path)


# -- commercial disputes ------------------------------------------------------------------


def test_a_commercial_dispute_has_its_own_titles_and_no_ip_words(
    team: Team, fair: str, tmp_path: Path
) -> None:
    data = complaint_input()
    data.kind = "commercial"
    data.rights = []
    data.materials = {}
    data.commitment_signed = False
    data.dispute_type = "payment"
    data.summary = "展台搭建费用未结清"
    reg = register_complaint(team.desk, FAIR, data)
    act_on_complaint(team.desk, reg.number, "accept")
    case = reg.case_numbers[0]
    act_on_case(team.desk, case, "mediate_dispute")
    form = _issue(team, "complaint-form", reg.number, tmp_path)
    record = _issue(team, "mediation-record", case, tmp_path)
    assert "商事纠纷登记表" in form and "商事纠纷调解笔录及调解协议书" in record
    for text in (form, record):
        assert "知识产权投诉登记表" not in text and "涉嫌侵权展品" not in text
        assert "承诺书" not in text


def test_the_closing_record_names_the_kind_of_authority_referred_to(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    case = _reviewed(team, clock)
    _decide(team, case, "decide_infringing", "merits")
    act_on_case(
        team.desk, case, "refer", referral_kind="market_regulation", authority="青浦区市场监管局"
    )
    text = _issue(team, "closing-record", case, tmp_path)
    assert "市场监督管理部门" in text and "Marketregulation" in text and "青浦区市场监管局" in text


# -- the decision: which right each exhibit infringes, who decided, careful words -----------


def _two_rights(team: Team) -> str:
    """An accepted complaint on a design and a trademark: the chair is accused under the
    design, the cushion under both."""
    data = complaint_input()
    data.rights.append(
        RightInput("trademark", "第12345678号", "EXAMPLE", "示例品牌", valid_until=date(2030, 1, 1))
    )
    data.materials = received(["design", "trademark"])
    data.respondents[0].exhibits = [
        ExhibitInput("椅子", "X-1", 2, rights=["ZL202330123456.7"]),
        ExhibitInput("靠垫", "C-3", 5, rights=["第 12345678 号", "ZL202330123456.7"]),
    ]
    reg = register_complaint(team.desk, FAIR, data)
    act_on_complaint(team.desk, reg.number, "accept")
    return reg.case_numbers[0]


def test_a_decision_says_which_right_each_exhibit_infringes(
    team: Team, fair: str, tmp_path: Path
) -> None:
    case = _two_rights(team)
    act_on_case(team.desk, case, "notify")
    _decide(team, case, "decide_at_once", "admission", admission="当场承认")
    text = _issue(team, "decision", case, tmp_path, copy="complainant")
    assert "展品“椅子（X-1）”涉嫌侵犯投诉人的ZL202330123456.7号外观设计专利权（初步认定）。" in text
    # (in the order the complaint lists its rights)
    assert (
        "展品“靠垫（C-3）”涉嫌侵犯投诉人的ZL202330123456.7号外观设计专利权、"
        "第12345678号注册商标专用权（初步认定）。" in text
    )
    assert (
        "isfound,preliminarily,toinfringedesignpatentZL202330123456.7andtheexclusiveright"
        "toregisteredtrademark" in text
    )
    # The exhibits' table names the rights accused under, in full.
    assert "涉嫌侵犯的权利" in text and "Right(s)accusedunder" in text


def test_an_exhibit_may_only_name_a_right_of_its_complaint(team: Team, fair: str) -> None:
    data = complaint_input()
    data.respondents[0].exhibits = [ExhibitInput("椅子", rights=["ZL209999999999.9"])]
    with pytest.raises(InvalidInput, match="椅子: the complaint names no right ZL209999999999.9"):
        register_complaint(team.desk, FAIR, data)


def test_infringement_not_established_is_worded_as_the_body_reasons(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    case = _reviewed(team, clock)
    act_on_case(team.desk, case, "decide_not_infringing", reason="现有证据不足")
    text = _issue(team, "decision", case, tmp_path, copy="complainant")
    assert "认定不侵权" not in text
    assert "结论：未认定构成侵权" in text and "Outcome:infringementnotestablished" in text
    assert "现有材料不足以认定被投诉人展出的上述展品构成侵权" in text
    assert "notsufficienttoestablishthattheexhibitsaboveinfringe" in text
    # ... and that the parties may still go to the IP authority or a court.
    assert "向人民法院起诉或请求知识产权管理部门处理" in text
    assert "bringinganactionbeforeapeople'scourtoraskinganIPauthority" in text
    # The decision on the merits names no right as infringed.
    assert "侵犯投诉人的ZL" not in text


@pytest.mark.parametrize("copy", ["complainant", "respondent"])
def test_a_decision_prints_the_deciding_organ_and_officer_in_both_languages(
    team: Team, fair: str, tmp_path: Path, copy: str
) -> None:
    _, case = _accepted(team)
    act_on_case(team.desk, case, "notify")
    _decide(
        team.__class__(**{**team.__dict__, "desk": team.officer}),
        case,
        "decide_at_once",
        "admission",
        admission="当场承认",
        deciding_organ="上海市知识产权局",
    )
    text = _issue(team, "decision", case, tmp_path, copy=copy)
    assert "作出处理的机关上海市知识产权局" in text and "decidedby(organ)上海市知识产权局" in text
    assert "承办人员officer1" in text and "officerofficer1" in text
    # ... and cites the article that lets a stationed officer decide (2006 Art 6).
    assert "展会知识产权保护办法第六条" in text and "Art.6" in text


def test_a_decision_by_desk_staff_prints_no_organ_line(
    team: Team, fair: str, tmp_path: Path
) -> None:
    _, case = _accepted(team)
    act_on_case(team.desk, case, "notify")
    _decide(team, case, "decide_at_once", "admission", admission="当场承认")
    text = _issue(team, "decision", case, tmp_path, copy="respondent")
    assert "作出处理的机关" not in text and "Decidedby(organ)" not in text


# -- the transfer letter ------------------------------------------------------------------


def test_the_transfer_letter_names_its_addressee_once_and_lists_its_enclosures(
    team: Team, fair: str, tmp_path: Path
) -> None:
    reg = register_complaint(team.desk, FAIR, complaint_input())
    act_on_complaint(team.desk, reg.number, "accept")
    act_on_complaint(team.desk, reg.number, "transfer", authority="上海市知识产权局")
    text = _issue(team, "transfer-letter", reg.number, tmp_path)
    assert text.count("上海市知识产权局") == 1
    assert "展会知识产权保护办法》第十一条" in text
    enclosures = text.split("附件Enclosures", 1)[1]
    assert enclosures.startswith(
        "1.知识产权投诉登记表及承诺书/Complaintformandcomplainant'scommitment"
    )
    assert "2.投诉人身份证明" in enclosures and "专利证书/Patentcertificate" in enclosures
