"""The fifth Chinese reading's points on suspensions (reviews/documents_zh_5.md): a
suspension is interim (2006 Art 7(1)), lasts while the complaint is handled, is lifted when
no infringement is found, and an officer's finding stays the officer's on the order; goods
in custody go back only once the fair has closed.
Each test failed on the documents before this round."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from fairdesk.domain.errors import IllegalTransition
from fairdesk.services.casework.steps import act_on_case
from tests.conftest import FakeClock, Team
from tests.helpers import make_fair
from tests.pdf_text import needs_pdftotext
from tests.unit.test_paper_law import _accepted, _decide, _issue
from tests.unit.test_paper_law_r4_last import _suspended_and_notified

pytestmark = needs_pdftotext

ORDER_ZH = "被投诉人应立即对上述展品采取遮盖、撤下展品等措施"
ORDER_EN = "mustatoncecovertheexhibitsortakethemdown"


@pytest.fixture
def fair(team: Team) -> str:
    return make_fair(team.admin)


def _suspended_then_reviewed(team: Team, clock: FakeClock) -> str:
    case = _suspended_and_notified(team, clock)
    act_on_case(team.desk, case, "record_defence", summary="被投诉人提交了现有设计证据。")
    act_on_case(team.desk, case, "begin_review")
    return case


@pytest.mark.parametrize("action", ["decide_not_infringing", "decide_undetermined"])
def test_a_decision_other_than_infringing_after_a_suspension_orders_nothing(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path, action: str
) -> None:
    case = _suspended_then_reviewed(team, clock)
    act_on_case(team.desk, case, action, reason="现有设计抗辩成立。")
    text = _issue(team, "decision", case, tmp_path, copy="respondent")
    assert ORDER_ZH not in text and ORDER_EN not in text
    # The suspension is still listed in the measures table.
    assert "暂停展出/Suspend" in text


def test_an_infringing_decision_after_a_suspension_still_orders_cover_or_take_down(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    case = _suspended_then_reviewed(team, clock)
    _decide(team, case, "decide_infringing", "merits")
    text = _issue(team, "decision", case, tmp_path, copy="respondent")
    assert ORDER_ZH in text and ORDER_EN in text
    assert "解除" not in text


def test_a_not_infringing_decision_lifts_the_suspension_on_every_paper(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    case = _suspended_then_reviewed(team, clock)
    clock.advance(minutes=30)
    act_on_case(team.desk, case, "decide_not_infringing", reason="现有设计抗辩成立。")
    decision = _issue(team, "decision", case, tmp_path, copy="respondent")
    lifted = "原暂停展出措施自2026-11-0511:00起解除，被投诉人可揭除展位公告并恢复展出上述展品。"
    assert lifted in decision
    assert "Thesuspensionofthedisplayisliftedfrom2026-11-0511:00" in decision
    row = "已解除/Lifted2026-11-0511:00"
    assert row in decision
    act_on_case(team.desk, case, "close")
    assert row in _issue(team, "closing-record", case, tmp_path)


def test_an_undetermined_decision_keeps_the_suspension(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    case = _suspended_then_reviewed(team, clock)
    act_on_case(team.desk, case, "decide_undetermined", reason="需鉴定")
    text = _issue(team, "decision", case, tmp_path, copy="respondent")
    assert "解除" not in text and "Lifted" not in text


def test_every_paper_says_a_suspension_lasts_while_the_complaint_is_handled(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    _, case = _accepted(team)
    act_on_case(team.desk, case, "suspend_display", reason="外观高度近似，先行暂停展出")
    act_on_case(team.desk, case, "notify")
    notice = _issue(team, "complaint-notice", case, tmp_path)
    booth = _issue(team, "booth-notice", case, tmp_path)
    assert "在展会期间展出" not in notice and "restofthefair" not in notice
    assert "在投诉处理期间暂停上述展品" in notice
    assert "suspendedwhilethecomplaintishandled" in notice
    assert "在投诉处理期间暂停展出" in booth
    assert "suspendedwhilethecomplaintishandled" in booth


def test_the_order_after_an_officers_decision_gives_the_finding_to_the_officer(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    case = _suspended_then_reviewed(team, clock)
    act_on_case(
        team.officer, case, "decide_infringing", trigger="merits", reason="比对一致",
        legal_basis="Art 14", deciding_organ="上海市知识产权局",
    )  # fmt: skip
    act_on_case(team.desk, case, "order_remedy", measure="take_down")
    text = _issue(team, "remedial-order", case, tmp_path)
    assert "本中心于" not in text
    assert "经审查，上海市知识产权局派驻展会执法人员" in text
    assert "现本中心依据参展合同要求你方立即将" in text
    assert "theofficerof" in text and "stationedatthefair" in text
    assert "Undertheexhibitorcontract,theservicecenterrequiresyoutotake" in text


def test_the_order_after_the_centers_decision_keeps_the_centers_voice(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    case = _suspended_then_reviewed(team, clock)
    _decide(team, case, "decide_infringing", "merits")
    act_on_case(team.desk, case, "order_remedy", measure="take_down")
    text = _issue(team, "remedial-order", case, tmp_path)
    assert "经审查，本中心于" in text and "现要求你方立即将" in text
    assert "Youarerequiredtotake" in text


def test_goods_in_custody_go_back_only_once_the_fair_has_closed(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    _, case = _accepted(team)
    act_on_case(team.desk, case, "notify")
    act_on_case(team.desk, case, "decide_at_once", trigger="admission", admission="承认",
                legal_basis="Art 14")  # fmt: skip
    act_on_case(team.desk, case, "order_remedy", measure="detain", storage_place="服务中心库房")
    custody = _issue(team, "detained-items", case, tmp_path)
    assert (
        "被投诉人应于2026-11-1017:00展会闭幕后、撤展结束（2026-11-1117:00）前凭本清单至服务中心库房领回"
        in custody
    )
    assert "闭幕当日" not in custody and "17:00前领回" not in custody
    act_on_case(team.inspector, case, "request_recheck")
    act_on_case(team.inspector, case, "recheck_passed")
    act_on_case(team.desk, case, "close")
    closing = _issue(team, "closing-record", case, tmp_path)
    assert "暂存展品于2026-11-1017:00展会闭幕后凭暂存展品清单返还" in closing
    # 16:00 on the closing day: the fair is open, the goods stay in custody.
    clock.set(datetime(2026, 11, 10, 8, 0, tzinfo=UTC))
    with pytest.raises(IllegalTransition, match="until the fair closes at 2026-11-10 17:00"):
        act_on_case(team.desk, case, "return_detained", receipt="领回人：王某")
    clock.set(datetime(2026, 11, 10, 9, 0, tzinfo=UTC))  # 17:00: closed
    act_on_case(team.desk, case, "return_detained", receipt="领回人：王某")
