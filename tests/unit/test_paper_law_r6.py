"""The sixth Chinese reading (reviews/documents_zh_6.md): what an undetermined decision
leaves, a licensee's right named as its holder's, the licence named by its right, the
overdue clock on the decision, a stationed officer's decision as the organ's paper, and no
signature line alone on a page. Each test failed on the documents before this round."""

from __future__ import annotations

from pathlib import Path

import pytest

from fairdesk.services.casework.steps import act_on_case
from tests.conftest import FakeClock, Team
from tests.helpers import make_fair
from tests.pdf_text import needs_pdftotext
from tests.unit.test_paper_law import _issue
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
    assert "本案转展后追查。" in text and "Next:handovertopost-fairfollow-up." in text
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
