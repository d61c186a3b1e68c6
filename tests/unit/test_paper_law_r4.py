"""The paper as the fourth Chinese reading left it (reviews/documents_zh_4.md): one legal
basis per decision, English lines in English, the wording of each paper.

Each test failed on the documents before this round.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from fairdesk.documents.furniture import BODY_W, S, grid
from fairdesk.documents.model import ExhibitView
from fairdesk.documents.quantities import models_en
from fairdesk.domain.enums import Role
from fairdesk.services.casework.steps import act_on_case, act_on_complaint
from fairdesk.services.intake.intake import register_complaint
from fairdesk.services.paper import documents as docs
from tests.conftest import FakeClock, Team
from tests.helpers import FAIR, complaint_input, make_fair
from tests.unit.test_law_partial import DESIGN, EU_MARK, MARK, _complaint
from tests.unit.test_paper_law import _accepted, _decide, _issue, _reviewed

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) not installed"
)

TYPED = "展会知识产权保护办法 第七条第（三）项；上海市会展业条例 第二十七条"


@pytest.fixture
def fair(team: Team) -> str:
    return make_fair(team.admin)


def test_the_dossier_gives_a_decision_the_one_legal_basis_the_decision_printed(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    case = _reviewed(team, clock)
    act_on_case(
        team.desk, case, "decide_infringing", trigger="merits", reason="比对一致", legal_basis=TYPED
    )
    decision = _issue(team, "decision", case, tmp_path, copy="respondent")
    dossier = _issue(team, "dossier", case, tmp_path)
    typed = "".join(TYPED.split())
    assert typed not in decision
    # Neither the overview nor the timeline repeats the typed text beside the printed one.
    assert typed not in dossier and "第七条第（三）项" not in dossier
    printed = re.search(r"法律依据Legalbasis：(.+?)/", decision)
    assert printed is not None
    # The overview cites it once beside the footer of each page.
    pages = re.search(r"共(\d+)页", dossier)
    assert pages is not None and "Rulesapplied" in dossier
    assert dossier.count(printed.group(1)) == int(pages.group(1)) + 1


def test_the_booth_notice_has_one_code_that_verifies_the_notice(
    team: Team, fair: str, tmp_path: Path
) -> None:
    _, case = _accepted(team)
    act_on_case(team.desk, case, "suspend_display", reason="外观高度近似，先行暂停展出")
    text = _issue(team, "booth-notice", case, tmp_path)
    assert "扫码核验本公告真伪/Scantoverifythisnotice" in text
    assert "openthecase" not in text and "查验本公告及案件" not in text
    # The footer's small code and its caption are gone: one code on the page.
    assert "扫码验真" not in text


def test_a_decision_says_suspected_in_its_summary_and_asks_in_plain_english(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    case = _reviewed(team, clock)
    _decide(team, case, "decide_infringing", "merits")
    text = _issue(team, "decision", case, tmp_path, copy="respondent")
    assert "初步认定被投诉人展出的上述展品涉嫌侵犯投诉人的权利（详见下列各项）" in text
    assert "上述展品侵犯投诉人的权利" not in text
    assert "mustatoncecovertheexhibitsortakethemdown" in text
    assert "takethe exhibitdown".replace(" ", "") not in text


def test_a_referred_case_has_a_referral_time_and_says_where_it_went(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    case = _reviewed(team, clock)
    _decide(team, case, "decide_infringing", "merits")
    act_on_case(
        team.desk, case, "refer", referral_kind="market_regulation", authority="青浦区市场监管局"
    )
    text = _issue(team, "closing-record", case, tmp_path)
    assert "移送时间" in text and "Referredon" in text and "结案时间" not in text
    assert "已移送青浦区市场监管局，待反馈。" in text


def test_a_case_closed_as_not_infringing_says_so_in_its_closing_note(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    case = _reviewed(team, clock)
    act_on_case(team.desk, case, "decide_not_infringing", reason="设计不同")
    act_on_case(team.desk, case, "close")
    text = _issue(team, "closing-record", case, tmp_path)
    assert "结案时间" in text
    assert "未认定构成侵权，被投诉人可继续展出，本案结案。" in text


def test_the_referral_letter_names_its_addressee_in_english_as_in_chinese(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    case = _reviewed(team, clock)
    _decide(team, case, "decide_infringing", "merits")
    to = "上海市市场监督管理局"
    act_on_case(team.desk, case, "refer", referral_kind="market_regulation", authority=to)
    text = _issue(team, "referral-letter", case, tmp_path)
    assert "上海市市场监督管理局：" in text
    assert "TotheShanghaiMunicipalAdministrationforMarketRegulation:" in text
    assert "Tothemarketregulationauthority" not in text


def test_an_organ_not_listed_keeps_the_words_of_its_kind_in_english(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    case = _reviewed(team, clock)
    _decide(team, case, "decide_infringing", "merits")
    act_on_case(team.desk, case, "refer", referral_kind="market_regulation", authority="某区局")
    text = _issue(team, "referral-letter", case, tmp_path)
    assert "Tothemarketregulationauthority:" in text and "To某区局" not in text


def test_the_transfer_letter_says_when_the_materials_were_complete(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    reg = register_complaint(team.desk, FAIR, complaint_input())  # complete on filing
    clock.advance(hours=2)
    act_on_complaint(team.desk, reg.number, "accept")
    act_on_complaint(team.desk, reg.number, "transfer", authority="上海市知识产权局")
    text = _issue(team, "transfer-letter", reg.number, tmp_path)
    # Filed complete at 09:30, accepted and transferred at 11:30: the 24 h run from 09:30.
    assert "受理的投诉（投诉编号TEST2026-0001），投诉材料于2026-11-0509:30齐备。" in text
    assert "wascompleteon2026-11-0509:30." in text


def test_a_partial_receipt_words_the_refusal_as_the_non_acceptance_and_names_eu_papers(
    team: Team, fair: str, tmp_path: Path
) -> None:
    number, _ = _complaint(team, DESIGN, EU_MARK, accused=["ZL202330123456.7"])
    act_on_complaint(team.desk, number, "accept")
    text = _issue(team, "acceptance-receipt", number, tmp_path)
    # The non-acceptance notice's words for the same right.
    assert "投诉人所依据的“EXAMPLE”商标（欧盟商标EUTM018765432）未在中国注册" in text
    assert "权利未在中国获得授权或注册" not in text
    assert "商标注册证明（欧盟）/Trademarkregistrationcertificate(EU)" in text
    assert "专利证书/Patentcertificate" in text  # a Chinese patent's papers need no place


def test_the_notice_lists_only_the_rights_its_exhibits_are_accused_under(
    team: Team, fair: str, tmp_path: Path
) -> None:
    number, case = _complaint(team, DESIGN, MARK, accused=["ZL202330123456.7"])
    act_on_complaint(team.desk, number, "accept")
    act_on_case(team.desk, case, "notify")
    text = _issue(team, "complaint-notice", case, tmp_path)
    table = text.split("权利依据", 1)[1]
    assert "ZL202330123456.7" in table
    assert "45678901" not in text  # in neither the text nor the table


def test_english_lines_mark_a_chinese_exhibit_name_as_original_text(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    case = _reviewed(team, clock)
    _decide(team, case, "decide_infringing", "merits")
    text = _issue(team, "decision", case, tmp_path, copy="respondent")
    assert "Theexhibit“椅子(originaltext),modelX-1”isfound" in text
    act_on_case(team.desk, case, "refer", referral_kind="market_regulation", authority="某局")
    letter = _issue(team, "referral-letter", case, tmp_path)
    assert "theexhibitX-1displayed" in letter


def test_an_exhibit_listed_in_english_by_its_chinese_name_is_marked_original_text() -> None:
    listed = models_en((ExhibitView("靠垫"), ExhibitView("椅子", "X-1"), ExhibitView("Lamp")))
    assert listed == "靠垫 (original text), X-1 and Lamp"


def test_the_dossier_timeline_prints_typed_text_without_stray_spaces(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    case = _reviewed(team, clock)
    _decide(team, case, "decide_infringing", "merits")
    act_on_case(
        team.desk, case, "order_remedy", measure="detain", storage_place="4.1 馆 B 区服务仓库"
    )
    raw = _raw(_issue_pdf(team, "dossier", case), tmp_path)
    assert "4.1馆B区服务仓库" in raw
    assert "4.1 馆 B 区" not in raw


def _issue_pdf(team: Team, kind: str, number: str) -> bytes:
    return docs.issue_document(team.desk, kind, number).pdf


def _raw(pdf: bytes, tmp_path: Path) -> str:
    """The text as laid out, spaces kept (one line per line)."""
    path = tmp_path / "raw.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    )
    return out.stdout.decode()


def _cell_lines(text: str, share: int = 52) -> list[str]:
    """The lines a cell of `share` % of the width (the dossier timeline's details: 52)
    breaks `text` into."""
    table = grid([("时间", "Time"), ("说明", "Details")], [["10:00", text]], [100 - share, share])
    table.wrap(BODY_W, 1000)
    cell = table._cellvalues[1][1]
    lines = []
    for p in cell if isinstance(cell, list | tuple) else [cell]:
        bl = p.blPara
        if bl.kind == 0:
            lines += ["".join(words) for _, words in bl.lines]
        else:
            lines += ["".join(w.text for w in line.words) for line in bl.lines]
    return lines


def test_a_table_cell_never_opens_a_line_with_closing_punctuation_or_splits_a_number() -> None:
    width = 0.52 * BODY_W - 12  # the column, less the cell's padding
    n = int(width // S.cell.fontSize)  # full-width characters on one line
    lines = _cell_lines("展" * n + "；相关展品4件" + "展" * (n - 4) + "第45678901号注册商标专用权")
    assert len(lines) >= 3
    assert all(not line.startswith(("；", "，", "。")) for line in lines), lines
    joined = [(a[-1:], b[:1]) for a, b in zip(lines, lines[1:], strict=False)]
    assert all(not (a.isdigit() and b.isdigit()) for a, b in joined), lines


def test_an_english_word_in_a_narrow_cell_is_not_cut() -> None:
    # The timeline's "step" column (22 %): before, "Respon" / "dent case opened".
    lines = _cell_lines("立案（被投诉人） Respondent case opened", 22)
    assert any("Respondent" in line for line in lines), lines


def test_a_measure_ordered_after_a_suspension_says_it_replaces_it(
    team: Team, fair: str, tmp_path: Path
) -> None:
    _, case = _accepted(team)
    act_on_case(team.desk, case, "suspend_display", reason="外观高度近似，先行暂停展出")
    act_on_case(team.desk, case, "notify")
    act_on_case(team.desk, case, "record_defence", summary="展品系自主设计")
    act_on_case(team.desk, case, "begin_review")
    _decide(team, case, "decide_infringing", "merits")
    act_on_case(team.desk, case, "order_remedy", measure="take_down")
    text = _issue(team, "remedial-order", case, tmp_path)
    assert "原暂停展出措施由本措施替代。" in text
    assert "Thesuspensionofthedisplayisreplacedbythismeasure." in text


def test_a_remedial_order_without_a_suspension_says_nothing_of_one(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    case = _reviewed(team, clock)
    _decide(team, case, "decide_infringing", "merits")
    act_on_case(team.desk, case, "order_remedy", measure="take_down")
    assert "原暂停展出措施" not in _issue(team, "remedial-order", case, tmp_path)


def test_the_mediation_record_lists_only_the_rights_its_exhibits_are_accused_under(
    team: Team, fair: str, tmp_path: Path
) -> None:
    number, case = _complaint(team, DESIGN, MARK, accused=["ZL202330123456.7"])
    act_on_complaint(team.desk, number, "accept")
    act_on_case(team.desk, case, "notify")
    act_on_case(team.desk, case, "start_mediation")
    act_on_case(team.desk, case, "settle", terms="被投诉人当场撤下展品；投诉人撤回投诉。")
    text = _issue(team, "mediation-record", case, tmp_path)
    assert "ZL202330123456.7" in text.split("权利依据", 1)[1]
    assert "45678901" not in text
    # The agreement is followed by its signatures.
    assert "调解员（签字/盖章）" in text.rsplit("调解协议书", 1)[1]


def test_the_recheck_record_marks_the_inspectors_chinese_words_on_the_english_line(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    case = _reviewed(team, clock)
    _decide(team, case, "decide_infringing", "merits")
    act_on_case(team.desk, case, "order_remedy", measure="take_down")
    inspector = team.by_role(Role.INSPECTOR)
    act_on_case(inspector, case, "request_recheck")
    clock.advance(hours=2)
    act_on_case(inspector, case, "recheck_passed", reason="展位已无被控展品展出。")
    text = _issue(team, "recheck-record", case, tmp_path)
    assert "现场情况：Findingsatthebooth(originaltext):展位已无被控展品展出。" in text


def test_the_complaint_form_says_which_right_each_exhibit_is_accused_under(
    team: Team, fair: str, tmp_path: Path
) -> None:
    number, _ = _complaint(team, DESIGN, MARK, accused=["45678901"])
    text = _issue(team, "complaint-form", number, tmp_path)
    assert "智能咖啡机CM-101×2第45678901号注册商标专用权" in text
