"""Third legal reading (../reviews/documents_zh_3.md §0, §17): the referral letter names
the right and the finding, its addressee in both languages and no kind label; the marks on
every paper served on a party (a verification line by the QR, not the key and the hash);
投诉方式 and 投诉时间 as two rows; the exhibits heading after a finding.

Each test failed on the documents before that reading; they run on SQLite or PostgreSQL
(FAIRDESK_TEST_DB).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fairdesk.services.casework.steps import act_on_case
from tests.conftest import FakeClock, Team
from tests.helpers import make_fair
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
    assert "Tothemarketregulationauthority:" in text  # the desk typed the Chinese name only
    assert "未采取整改措施" in text and "整改措施无" not in text
