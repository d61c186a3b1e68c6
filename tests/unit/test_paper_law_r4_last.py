"""The last points of the fourth Chinese reading (reviews/documents_zh_4.md): a suspension
told in the notice and replaced in the order, a note said once, rights named in full, an
organ field that holds an organ. Each test failed on the documents before this round."""

from __future__ import annotations

from pathlib import Path

import pytest

from fairdesk.domain.errors import MissingRequirement
from fairdesk.services.casework.steps import act_on_case, act_on_complaint, available_steps
from fairdesk.services.paper import documents as docs
from tests.conftest import FakeClock, Team
from tests.helpers import make_fair
from tests.pdf_text import needs_pdftotext, pdf_text
from tests.unit.test_law_partial import DESIGN, EU_MARK, MARK, _complaint
from tests.unit.test_paper_law import _accepted, _issue

pytestmark = needs_pdftotext


@pytest.fixture
def fair(team: Team) -> str:
    return make_fair(team.admin)


def _suspended_and_notified(team: Team, clock: FakeClock) -> str:
    _, case = _accepted(team)
    act_on_case(team.desk, case, "suspend_display", reason="外观高度近似，先行暂停展出")
    clock.advance(hours=1)
    act_on_case(
        team.desk, case, "notify", service_manner="left_at_booth", served_at="2026-11-05 10:00"
    )
    return case


def test_the_notice_says_the_display_is_suspended_since_when_and_on_what_basis(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    case = _suspended_and_notified(team, clock)
    text = _issue(team, "complaint-notice", case, tmp_path)
    assert "本中心已于2026-11-0509:30在投诉处理期间暂停上述展品（X-1，共2件）展出" in text
    assert "（展会知识产权保护办法第七条第（一）项）" in text
    assert "Since2026-11-0509:30thedisplayoftheexhibitsabove(X-1,2items)hasbeensuspended" in text


def test_a_notice_without_a_suspension_says_nothing_of_one(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    _, case = _accepted(team)
    act_on_case(team.desk, case, "notify")
    text = _issue(team, "complaint-notice", case, tmp_path)
    assert "暂停" not in text and "suspended" not in text


def test_the_order_says_which_measure_replaces_the_suspension_in_its_table(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    case = _suspended_and_notified(team, clock)
    act_on_case(
        team.officer, case, "decide_at_once", trigger="prior_legal_document",
        document_body="上海知识产权法院", document_number="(2026)沪73民初123号",
        document_date="2026-03-01", legal_basis="Art 14", deciding_organ="上海市知识产权局",
    )  # fmt: skip
    act_on_case(team.desk, case, "order_remedy", measure="take_down")
    text = _issue(team, "remedial-order", case, tmp_path)
    assert "已由“撤下展品”替代/Replacedby:taketheexhibitdown" in text


def _rejected_eu_mark(team: Team, tmp_path: Path, note: str) -> str:
    number, _ = _complaint(team, EU_MARK)
    act_on_complaint(
        team.desk, number, "reject", reason_code="right_not_valid_in_china", reason=note
    )
    return _issue(team, "non-acceptance", number, tmp_path)


def test_a_note_that_repeats_the_printed_reason_is_left_out(
    team: Team, fair: str, tmp_path: Path
) -> None:
    # The reason's own words, typed with other spaces and punctuation.
    text = _rejected_eu_mark(team, tmp_path, "未在中国注册, 亦未经马德里国际注册 指定中国。")
    assert "未在中国注册，亦未经马德里国际注册指定中国" in text
    assert "说明：" not in text and "Note" not in text


def test_a_note_that_adds_to_the_reason_is_printed(team: Team, fair: str, tmp_path: Path) -> None:
    text = _rejected_eu_mark(team, tmp_path, "投诉人称其马德里申请尚在审查中。")
    assert "说明：投诉人称其马德里申请尚在审查中。" in text


def test_the_complaint_form_names_each_accused_right_in_full(
    team: Team, fair: str, tmp_path: Path
) -> None:
    number, _ = _complaint(
        team, DESIGN, MARK, EU_MARK, accused=["ZL202330123456.7", "EUTM 018765432"]
    )
    text = _issue(team, "complaint-form", number, tmp_path)
    table = text[text.index("Accusedexhibits") :]
    assert "ZL202330123456.7号外观设计专利权designpatentZL202330123456.7" in table
    # A right from abroad says it is not protected in China, as the other papers say it.
    assert "欧盟商标EUTM018765432（未在中国注册）" in table
    # The mark no exhibit is accused under stays in the rights table only.
    assert "第45678901号注册商标专用权" not in table


@pytest.mark.parametrize(
    "organ",
    ["上海市知识产权局 派驻展会执法人员 张三", "上海市知识产权局 王局长", "IP office, officer Li"],
)
def test_the_deciding_organ_holds_an_organ_and_no_person(
    team: Team, fair: str, clock: FakeClock, organ: str
) -> None:
    _, case = _accepted(team)
    act_on_case(team.desk, case, "notify")
    act_on_case(team.desk, case, "record_defence", summary="不侵权")
    act_on_case(team.desk, case, "begin_review")
    for who in (team.officer, team.desk):
        with pytest.raises(MissingRequirement, match="deciding organ is the office alone"):
            act_on_case(who, case, "decide_undetermined", reason="需鉴定", deciding_organ=organ)
    result = act_on_case(
        team.officer,
        case,
        "decide_undetermined",
        reason="需鉴定",
        deciding_organ="上海市知识产权局",
    )
    assert result.state == "UNDETERMINED"


def _signed_page(pdf: bytes, tmp_path: Path) -> str:
    """The text of the page the receiver signs on (the last one holding 签收人)."""
    pages = pdf_text(pdf, tmp_path).split("\f")
    return "".join(next(p for p in reversed(pages) if "签收人" in p).split())


@pytest.mark.parametrize("copy", ["complainant", "respondent"])
def test_a_prior_judgment_decision_keeps_its_signature_with_what_it_signs_for(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path, copy: str
) -> None:
    number, case = _complaint(team, DESIGN, MARK, accused=["ZL202330123456.7"])
    act_on_complaint(team.desk, number, "accept")
    act_on_case(team.desk, case, "suspend_display", reason="外观高度近似，先行暂停展出")
    clock.advance(hours=1)
    act_on_case(
        team.desk, case, "notify", service_manner="left_at_booth", served_at="2026-11-05 10:00"
    )
    steps = available_steps(team.officer, case)
    act_on_case(
        team.officer, case, "decide_at_once", trigger="prior_legal_document",
        document_body="上海知识产权法院", document_number="（2025）沪73民初123号",
        document_date="2025-09-01", reason="已有生效判决确认侵权。", legal_basis="Art 14",
        deciding_organ="上海市知识产权局", other_claims=steps.other_claims,
    )  # fmt: skip
    pdf = docs.issue_document(team.desk, "decision", case, copy=copy).pdf
    signed = _signed_page(pdf, tmp_path)
    # Never a page with only the closing words and the signature: the last block of the
    # opinion (here the measures table) is on it too.
    assert "整改措施" in signed and "暂停展出/Suspend" in signed
