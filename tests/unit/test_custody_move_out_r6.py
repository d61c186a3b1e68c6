"""The custody list after the sixth legal reading (point 10): it gives the time move-out
ends, the end of the window for taking the goods back, from the fair's calendar."""

from __future__ import annotations

from pathlib import Path

import pytest

from fairdesk.domain.rules import PRESETS, RuleSet
from fairdesk.services.casework.steps import act_on_case
from fairdesk.services.organizer.fair_setup import update_fair
from tests.conftest import Team
from tests.helpers import FAIR, make_fair
from tests.pdf_text import needs_pdftotext
from tests.unit.test_paper_law import _accepted, _issue

pytestmark = needs_pdftotext


@pytest.fixture
def fair(team: Team) -> str:
    return make_fair(team.admin)  # closes 2026-11-10 17:00 Shanghai


def _custody_list(team: Team, tmp_path: Path) -> str:
    _, case = _accepted(team)
    act_on_case(team.desk, case, "notify")
    act_on_case(team.desk, case, "decide_at_once", trigger="admission", admission="承认",
                legal_basis="Art 14")  # fmt: skip
    act_on_case(team.desk, case, "order_remedy", measure="detain", storage_place="服务中心库房")
    return _issue(team, "detained-items", case, tmp_path)


def test_the_custody_list_gives_the_end_of_move_out(team: Team, fair: str, tmp_path: Path) -> None:
    text = _custody_list(team, tmp_path)
    # By default move-out ends a day after the close.
    assert "2026-11-1017:00展会闭幕后、撤展结束（2026-11-1117:00）前凭本清单" in text
    assert "beforemove-outendsat2026-11-1117:00" in text


def test_a_fair_sets_its_own_move_out(team: Team, fair: str, tmp_path: Path) -> None:
    rules: RuleSet = PRESETS["cnipa-24h"].with_changes(move_out_hours=40)
    update_fair(team.admin, FAIR, rules=rules)
    text = _custody_list(team, tmp_path)
    assert "撤展结束（2026-11-1209:00）前" in text  # 40 natural hours after the close


def test_a_stored_rule_set_without_a_move_out_keeps_the_default() -> None:
    stored = PRESETS["cnipa-24h"].to_dict()
    assert "move_out_hours" not in stored  # the default is not written: stored sets unchanged
    assert RuleSet.from_dict(stored).move_out_hours == 24
    own = PRESETS["cnipa-24h"].with_changes(move_out_hours=40)
    assert RuleSet.from_dict(own.to_dict()).move_out_hours == 40
    with pytest.raises(ValueError, match="move_out_hours"):
        PRESETS["cnipa-24h"].with_changes(move_out_hours=0)
