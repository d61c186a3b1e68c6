"""The fifth Chinese reading's smaller points (reviews/documents_zh_5.md §8, §13, §14): the
organizer's own decision is served on its behalf and sealed by it, typed supplement items
are said to be the original text, and a note that restates the reason is not printed.
Each test failed before this round."""

from __future__ import annotations

from pathlib import Path

import pytest

from fairdesk.domain.enums import Role
from fairdesk.services.casework.steps import act_on_case, act_on_complaint
from fairdesk.services.intake.intake import register_complaint
from tests.conftest import FakeClock, Team
from tests.helpers import FAIR, complaint_input, make_fair
from tests.pdf_text import needs_pdftotext
from tests.unit.test_measures_papers import _found
from tests.unit.test_paper_law import _issue
from tests.unit.test_paper_law_r4_last import _rejected_eu_mark

pytestmark = needs_pdftotext


@pytest.fixture
def fair(team: Team) -> str:
    return make_fair(team.admin)


def _escalated(team: Team, escalation: str) -> str:
    case = _found(team)
    act_on_case(team.desk, case, "order_remedy", measure="cover")
    inspector = team.by_role(Role.INSPECTOR)
    act_on_case(inspector, case, "request_recheck")
    act_on_case(inspector, case, "recheck_failed", result="redisplayed")
    act_on_case(team.desk, case, "escalate", escalation=escalation)
    return case


def test_the_organizers_cancellation_is_served_on_its_behalf_and_sealed_by_it(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    text = _issue(team, "escalation-notice", _escalated(team, "cancel_participation"), tmp_path)
    assert "受展会主办方委托，本中心通知如下：根据参展合同，展会主办方决定取消" in text
    assert "Onbehalfoftheorganizer,theservicecentergivesnotice" in text
    assert "展会主办方（签字/盖章）：" in text


def test_a_proposal_of_the_center_is_not_put_under_the_organizers_seal(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    text = _issue(team, "escalation-notice", _escalated(team, "credit_referral"), tmp_path)
    assert "受展会主办方委托" not in text and "展会主办方（签字/盖章）" not in text


def test_typed_supplement_items_are_said_to_be_the_original_text(
    team: Team, fair: str, tmp_path: Path
) -> None:
    reg = register_complaint(team.desk, FAIR, complaint_input(materials_received=False))
    typed = "1. 外观设计专利权评价报告\n2. 代理人授权委托书原件及中文译本"
    act_on_complaint(team.desk, reg.number, "request_supplement", missing_items=typed)
    text = _issue(team, "supplement-notice", reg.number, tmp_path)
    assert "注：未附英文的事项为原文。" in text
    assert "Note:itemswithoutEnglisharegivenintheoriginaltext" in text


def test_checklist_items_with_their_english_need_no_such_note(
    team: Team, fair: str, tmp_path: Path
) -> None:
    reg = register_complaint(team.desk, FAIR, complaint_input(materials_received=False))
    act_on_complaint(team.desk, reg.number, "request_supplement",
                     missing_items="专利证书 / Patent certificate")  # fmt: skip
    text = _issue(team, "supplement-notice", reg.number, tmp_path)
    assert "原文" not in text


def test_a_note_that_says_the_reason_in_other_words_is_left_out(
    team: Team, fair: str, tmp_path: Path
) -> None:
    text = _rejected_eu_mark(team, tmp_path, "商标仅在欧盟注册。")
    assert "说明：" not in text and "Note" not in text


def test_the_referral_says_where_a_patent_case_goes() -> None:
    from fairdesk.domain.workflow import Entity, step

    hint = step(Entity.CASE, "refer").field("referral_kind").hint
    assert hint is not None
    assert "专利侵权纠纷由知识产权管理部门处理" in hint.zh and "假冒专利" in hint.zh
    assert "A patent infringement dispute goes to the IP administration" in hint.en
