"""The sixth Chinese reading (reviews/documents_zh_6.md): what an undetermined decision
leaves, a licensee's right named as its holder's, the licence named by its right, the
overdue clock on the decision, a stationed officer's decision as the organ's paper, and no
signature line alone on a page. Each test failed on the documents before this round."""

from __future__ import annotations

from pathlib import Path

import pytest

from fairdesk.domain import materials
from fairdesk.services.casework.steps import act_on_case, act_on_complaint, available_steps
from fairdesk.services.intake.intake import ExhibitInput, RightInput, register_complaint
from fairdesk.services.paper import documents as docs
from tests.conftest import FakeClock, Team
from tests.helpers import FAIR, complaint_input, make_fair, received
from tests.pdf_text import needs_pdftotext, pdf_text
from tests.unit.test_paper_law import _decide, _issue
from tests.unit.test_paper_law_r4_last import _suspended_and_notified
from tests.unit.test_paper_law_r5 import _suspended_then_reviewed

pytestmark = needs_pdftotext


@pytest.fixture
def fair(team: Team) -> str:
    return make_fair(team.admin)


# -- 2. an undetermined decision after a suspension -------------------------------------


def test_an_undetermined_decision_says_the_suspension_stays_until_the_close_and_what_next(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    case = _suspended_then_reviewed(team, clock)
    act_on_case(team.desk, case, "decide_undetermined", reason="需鉴定")
    text = _issue(team, "decision", case, tmp_path, copy="respondent")
    # The fair closes on 2026-11-10 at 17:00: the suspension holds until then.
    assert "原暂停展出措施继续有效至本届展会闭幕（2026-11-1017:00）。" in text
    assert "staysinforceuntilthefaircloses(2026-11-1017:00)" in text
    assert "至展会闭幕/Untilthefaircloses2026-11-1017:00" in text  # the measures table
    # One next step, named: not "the authority or follow-up".
    assert "本案转展后追查。" in text and "Nextstep:handovertopost-fairfollow-up." in text
    assert "移交有关部门或转展后处理" not in text


def test_an_undetermined_decision_without_a_suspension_names_only_the_next_step(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    from tests.unit.test_paper_law import _reviewed

    case = _reviewed(team, clock)
    act_on_case(team.desk, case, "decide_undetermined", reason="需鉴定")
    text = _issue(team, "decision", case, tmp_path, copy="respondent")
    assert "本案转展后追查。" in text
    assert "暂停展出措施" not in text


# -- 3. a licensee's right is its holder's ------------------------------------------------

ART = RightInput(
    "copyright", "US-VA-2-345-678", "咖啡机包装插画 Coffee art", "Example Art LLC",
    jurisdiction="US", licence_type="exclusive",
)  # fmt: skip
HOLDER_ZH = "权利人ExampleArtLLC的《咖啡机包装插画Coffeeart》著作权（投诉人为其独占被许可人）"


def _licensee_notified(team: Team) -> str:
    """A copyright licensee's complaint, its respondent notified."""
    data = complaint_input(right=ART)
    needed = materials.checklist(["copyright"], agent=False, licences=["exclusive"])
    data.materials = materials.ticks_of(needed, [m.key for m in needed])
    reg = register_complaint(team.desk, FAIR, data)
    act_on_complaint(team.desk, reg.number, "accept")
    case = reg.case_numbers[0]
    act_on_case(team.desk, case, "notify")
    return case


def test_a_licensees_right_is_named_as_its_holders_on_every_paper_that_says_it(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    case = _licensee_notified(team)
    notice = _issue(team, "complaint-notice", case, tmp_path)
    assert f"涉嫌侵犯{HOLDER_ZH}。" in notice and "涉嫌侵犯其" not in notice
    assert "heldbyExampleArtLLC,ofwhichthecomplainantistheexclusivelicensee" in notice
    clock.advance(hours=1)
    act_on_case(team.desk, case, "record_defence", summary="否认侵权")
    act_on_case(team.desk, case, "begin_review")
    _decide(team, case, "decide_infringing", "merits")
    decision = _issue(team, "decision", case, tmp_path, copy="respondent")
    assert f"涉嫌侵犯{HOLDER_ZH}（初步认定）" in decision
    assert "投诉人的《" not in decision and "投诉人的权利" not in decision
    assert "涉嫌侵犯投诉人所主张的权利（详见下列各项）" in decision
    act_on_case(team.desk, case, "order_remedy", measure="cover", reason="遮盖展品")
    order = _issue(team, "remedial-order", case, tmp_path)
    assert HOLDER_ZH in order and "示例品牌股份有限公司《" not in order
    assert "thecomplainant'sthecopyright" not in order


# -- 4. the licence contract named by its right --------------------------------------------


def test_the_receipt_names_the_licence_contract_by_the_right_without_the_condition(
    team: Team, fair: str, tmp_path: Path
) -> None:
    case = _licensee_notified(team)
    receipt = _issue(team, "acceptance-receipt", case.rsplit("-", 1)[0], tmp_path)
    assert "著作权许可合同/Copyrightlicencecontract" in receipt
    assert "被许可人投诉时" not in receipt and "专利或商标" not in receipt


def test_the_licence_contract_is_named_by_each_licensed_right_kind() -> None:
    assert materials.licence_contract(["design", "trademark"]).label == (
        "专利实施许可合同、商标使用许可合同 / Patent licence contract and trademark licence "
        "contract"
    )
    assert materials.licence_contract(["utility_model", "design"]).zh == "专利实施许可合同"
    # No standing recorded yet: the general name, with its condition.
    assert materials.licence_contract([]).zh == "专利或商标实施许可合同（被许可人投诉时）"


# -- 5. the overdue decision shows its clock -----------------------------------------------


def test_an_overdue_decision_prints_the_time_of_service_and_when_the_period_ran_out(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    reg = register_complaint(team.desk, FAIR, complaint_input())
    act_on_complaint(team.desk, reg.number, "accept")
    case = reg.case_numbers[0]
    clock.advance(minutes=30)  # 10:00; the notice was handed over at 09:55
    act_on_case(team.desk, case, "notify", service_manner="in_person", served_at="2026-11-05 09:55")
    clock.advance(hours=25)
    act_on_case(team.desk, case, "mark_defence_overdue")
    act_on_case(team.desk, case, "begin_review")
    _decide(team, case, "decide_infringing", "defence_overdue")
    text = _issue(team, "decision", case, tmp_path, copy="respondent")
    assert (
        "投诉通知书于2026-11-0509:55以现场直接送达方式送达，答辩期限于2026-11-0609:55届满，"
        "被投诉人未在期限内提交书面答辩。"
    ) in text
    assert "servedat2026-11-0509:55(handedoveratthebooth);thedefenceperiodranoutat" in text
    assert "2026-11-0609:55" in text


# -- 6. a stationed officer's decision is the organ's paper --------------------------------


def _officer_decided(team: Team, clock: FakeClock) -> str:
    """A stationed officer's decision on a prior judgment, after a suspension."""
    case = _suspended_and_notified(team, clock)
    act_on_case(
        team.officer, case, "decide_at_once", trigger="prior_legal_document",
        document_body="上海知识产权法院", document_number="（2025）沪73民初123号",
        document_date="2025-09-01", reason="已有生效判决确认侵权。", legal_basis="Art 14",
        deciding_organ="上海市知识产权局",
        other_claims=available_steps(team.officer, case).other_claims,
    )  # fmt: skip
    return case


def test_an_officers_decision_is_titled_worded_and_sealed_as_the_organs(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    case = _officer_decided(team, clock)
    text = _issue(team, "decision", case, tmp_path, copy="respondent")
    assert "处理决定书（派驻执法人员现场处理）" in text
    assert "处理意见书" not in text and "本意见" not in text and "opinion" not in text
    assert "作出处理决定如下" in text and "处理决定Decision" in text
    # Not sent back to the IP administration that has just decided.
    assert "请求知识产权管理部门处理" not in text
    assert "不服本处理决定的，可以依法申请行政复议或者提起行政诉讼。" in text
    assert "applyforadministrativereconsideration" in text
    # The organ's seal first; the footer says which articles are whose.
    assert "作出处理的机关盖章" in text and "经办人签字" not in text
    assert "处理依据：展会知识产权保护办法第六条；展会知识产权保护指引第十四条；" in text
    assert "主办方措施依据：上海市会展业条例第二十七条、第三十八条" in text
    served = _issue(team, "proof-of-service", case, tmp_path)
    assert "处理决定书（派驻执法人员现场处理）" in served and "处理意见书" not in served


def test_the_desks_decision_stays_the_centers_opinion(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    case = _suspended_then_reviewed(team, clock)
    _decide(team, case, "decide_infringing", "merits")
    text = _issue(team, "decision", case, tmp_path, copy="respondent")
    assert "处理意见书" in text and "经办人签字" in text and "服务中心盖章" in text
    assert "处理决定书" not in text and "行政复议" not in text and "处理依据：" not in text


# -- 7. the notice's signature line stays with the record above it -------------------------

MARK = RightInput(
    "trademark", "1234567", "EXAMPLE", "Example Art LLC", jurisdiction="WIPO", basis="madrid",
    ir_number="1234567", licence_type="exclusive",
)  # fmt: skip


@pytest.mark.parametrize("suspended", [False, True])
def test_a_notice_naming_two_rights_never_leaves_the_signature_alone_on_a_page(
    team: Team, fair: str, tmp_path: Path, suspended: bool
) -> None:
    data = complaint_input(right=ART)
    data.rights = [ART, MARK]
    data.materials = received(["copyright", "trademark"]) | {"licence_contract": True}
    both = ["US-VA-2-345-678", "1234567"]
    exhibits = 1 if suspended else 2  # each fills the notice to a third page (before: alone)
    data.respondents[0].exhibits = [
        ExhibitInput("咖啡机包装", f"CM-{i}", 2, rights=both) for i in range(1, exhibits + 1)
    ]
    reg = register_complaint(team.desk, FAIR, data)
    act_on_complaint(team.desk, reg.number, "accept")
    case = reg.case_numbers[0]
    if suspended:
        act_on_case(team.desk, case, "suspend_display", reason="先行暂停展出")
    act_on_case(team.desk, case, "notify", service_manner="in_person")
    pdf = docs.issue_document(team.desk, "complaint-notice", case).pdf
    pages = ["".join(p.split()) for p in pdf_text(pdf, tmp_path).split("\f") if p.strip()]
    signed = next(p for p in reversed(pages) if "被投诉人签收" in p)
    # The complainant's block (its heading and the service record) signs with it.
    assert "投诉人Complainant" in signed and "通知书签发时间" in signed and "送达方式" in signed
