"""The fifth Chinese reading's points on the decision (reviews/documents_zh_5.md, top 5 and
§3.4-3.6): a stationed officer's decision is signed by the organ, rests on 2006 Art 6 for
the finding and on the organizer's articles for the measures only; an infringement an
effective legal document confirms is no preliminary finding; one time of decision; the
defence and the court named in both languages. Each test failed before this round."""

from __future__ import annotations

from pathlib import Path

import pytest

from fairdesk.services.casework.steps import act_on_case
from tests.conftest import FakeClock, Team
from tests.helpers import make_fair
from tests.pdf_text import needs_pdftotext
from tests.unit.test_paper_law import _accepted, _decide, _issue, _reviewed

pytestmark = needs_pdftotext

ART6 = "展会知识产权保护办法第六条"
SH = "上海市会展业条例第二十七条、第三十八条"


@pytest.fixture
def fair(team: Team) -> str:
    return make_fair(team.admin)


def _on_a_judgment(team: Team, who: str = "officer") -> str:
    _, case = _accepted(team)
    act_on_case(team.desk, case, "notify")
    organ = {"deciding_organ": "上海市知识产权局"} if who == "officer" else {}
    act_on_case(
        getattr(team, who), case, "decide_at_once", trigger="prior_legal_document",
        document_body="上海知识产权法院", document_number="（2025）沪73民初123号",
        document_date="2025-09-01", reason="已有生效判决确认侵权。", legal_basis="Art 14",
        **organ,
    )  # fmt: skip
    return case


def test_an_officers_decision_has_a_line_for_the_organ_to_sign(
    team: Team, fair: str, tmp_path: Path
) -> None:
    case = _on_a_judgment(team)
    text = _issue(team, "decision", case, tmp_path, copy="respondent")
    assert "作出处理的机关及人员（签字/盖章）：" in text
    assert "Decidingorganandofficer(signature/seal):" in text
    # The center's own decision has no such line.
    other = _on_a_judgment(team, who="desk")
    text = _issue(team, "decision", other, tmp_path, copy="respondent")
    assert "作出处理的机关及人员" not in text


def test_an_officers_finding_cites_art_6_and_the_measures_the_organizers_articles(
    team: Team, fair: str, tmp_path: Path
) -> None:
    case = _on_a_judgment(team)
    text = _issue(team, "decision", case, tmp_path, copy="respondent")
    finding = text.split("法律依据：", 1)[1].split("。", 1)[0]
    assert finding == ART6
    assert f"取消参展资格（{SH}）。" in text
    # The footer: the finding's article first, and no contract handling of the center's.
    footer = text.split("法律依据Legalbasis：", 1)[1]
    assert footer.index("展会知识产权保护办法第六条") < footer.index("上海市会展业条例")


def test_an_officers_not_infringing_decision_cites_art_6_only(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    case = _reviewed(team, clock)
    act_on_case(team.officer, case, "decide_not_infringing", reason="证据不足",
                deciding_organ="上海市知识产权局")  # fmt: skip
    text = _issue(team, "decision", case, tmp_path, copy="respondent")
    footer = text.split("法律依据Legalbasis：", 1)[1].split("/", 1)[0]
    assert footer == "展会知识产权保护办法第六条"


def test_an_infringement_a_judgment_confirms_is_not_called_preliminary(
    team: Team, fair: str, tmp_path: Path
) -> None:
    for who in ("officer", "desk"):
        case = _on_a_judgment(team, who=who)
        text = _issue(team, "decision", case, tmp_path, copy="respondent")
        assert "初步认定" not in text and "preliminarily" not in text
        assert "结论：认定侵权（已为生效法律文书所确认）" in text
        assert "该侵权已为生效法律文书所确认" in text
        assert "被认定侵权的展品" in text
        assert "Outcome:infringementfound,confirmedbyaneffectivecourtoradministrative" in text


def test_a_decision_on_the_merits_stays_preliminary(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    case = _reviewed(team, clock)
    _decide(team, case, "decide_infringing", "merits")
    text = _issue(team, "decision", case, tmp_path, copy="respondent")
    assert "结论：初步认定侵权" in text and "（初步认定）。" in text
    assert "isfound,preliminarily,toinfringe" in text


def test_the_decision_prints_one_issue_time_and_labels_the_other_when_given(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    case = _reviewed(team, clock)
    _decide(team, case, "decide_infringing", "merits")
    clock.advance(minutes=2)  # issued two minutes after the decision
    text = _issue(team, "decision", case, tmp_path, copy="respondent")
    assert "出具时间" not in text and "作出时间" in text and "opiniongiven" in text
    assert "issued" not in text.replace("Issued", "")


def test_the_defence_summary_is_labelled_as_typed(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    case = _reviewed(team, clock)  # defence: 展品系自主设计
    _decide(team, case, "decide_infringing", "merits")
    text = _issue(team, "decision", case, tmp_path, copy="respondent")
    assert "被投诉人答辩要点（原文）Respondent'sdefence(originaltext)展品系自主设计" in text


def test_the_court_is_named_in_english_on_the_english_line(
    team: Team, fair: str, tmp_path: Path
) -> None:
    case = _on_a_judgment(team)
    flat = _issue(team, "decision", case, tmp_path, copy="respondent")
    assert "theShanghaiIntellectualPropertyCourt" in flat
    assert "Effectivelegaldocument:上海" not in flat


def test_the_order_after_a_judgment_says_the_infringement_is_confirmed(
    team: Team, fair: str, tmp_path: Path
) -> None:
    case = _on_a_judgment(team)
    act_on_case(team.desk, case, "order_remedy", measure="take_down")
    text = _issue(team, "remedial-order", case, tmp_path)
    assert "初步认定" not in text and "preliminarily" not in text
    assert "外观设计专利权，已为生效法律文书所确认（案件编号" in text
    assert "confirmedbyaneffectivecourtoradministrativedecision(case" in text
