"""The printed papers as an IP desk officer read them aloud in Chinese (second reading,
../reviews/documents_zh_2.md): who decides, what is taken down, whom a letter is for and
under which article, the counts a receipt gives, what a public notice shows, and booths
printed with their hall. Each test failed on the documents before that reading."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from fairdesk.db.engine import Database
from fairdesk.db.models import IssuedDocument
from fairdesk.documents.model import DocumentData
from fairdesk.documents.render import render
from fairdesk.services.casework.steps import act_on_case, act_on_complaint
from fairdesk.services.intake.intake import ExhibitInput, RespondentInput, register_complaint
from fairdesk.services.paper import documents as docs
from tests.conftest import FakeClock, Team
from tests.helpers import FAIR, complaint_input, make_fair
from tests.pdf_text import needs_pdftotext, pdf_text, pdf_words

pytestmark = needs_pdftotext

AUTHORITY = "上海市知识产权局 / Shanghai Intellectual Property Administration"
BASIS = "上海市会展业条例 第二十七条"


@pytest.fixture
def fair(team: Team) -> str:
    return make_fair(team.admin)


def _issue(team: Team, kind: str, number: str, tmp_path: Path, **kw: str) -> str:
    return pdf_words(docs.issue_document(team.desk, kind, number, **kw).pdf, tmp_path)


def _found(team: Team, clock: FakeClock, transfer: bool = False) -> tuple[str, str]:
    """A complaint (transferred to the authority or not) whose case is found infringing."""
    reg = register_complaint(team.desk, FAIR, complaint_input())
    act_on_complaint(team.desk, reg.number, "accept")
    if transfer:
        act_on_complaint(team.desk, reg.number, "transfer", authority=AUTHORITY)
    case = reg.case_numbers[0]
    clock.advance(hours=1)
    act_on_case(team.desk, case, "notify")
    act_on_case(team.desk, case, "record_defence", summary="展品系自主设计")
    act_on_case(team.desk, case, "begin_review")
    act_on_case(
        team.desk, case, "decide_infringing", trigger="merits", reason="比对一致", legal_basis=BASIS
    )
    return reg.number, case


@pytest.mark.parametrize("copy", ["complainant", "respondent"])
def test_a_decision_on_a_transferred_case_is_a_preliminary_view_the_authority_decides(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path, copy: str
) -> None:
    _, case = _found(team, clock, transfer=True)
    text = _issue(team, "decision", case, tmp_path, copy=copy)
    assert "本意见系本中心依据参展合同作出的初步意见" in text
    assert "由上海市知识产权局依法处理并作出决定" in text
    assert "preliminaryview" in text and "theShanghaiIntellectualPropertyAdministration" in text
    # One heading whoever decides next (the sentence above says the view is preliminary).
    assert "处理意见Opinion" in text and "初步意见Preliminaryview" not in text


def test_a_decision_on_a_case_kept_by_the_center_names_no_authority(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    _, case = _found(team, clock)
    text = _issue(team, "decision", case, tmp_path, copy="respondent")
    assert "初步意见Preliminaryview" not in text and "依法处理并作出决定" not in text
    assert "处理意见Opinion" in text and "处理意见Decision" not in text


def test_the_remedial_order_names_the_exhibits_taken_down_and_counts_them_from_the_table(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    _, case = _found(team, clock)
    act_on_case(
        team.desk,
        case,
        "order_remedy",
        measure="detain",
        storage_place="B2 仓库",
        reason="撤下展品 5 台交由本中心暂存保管",  # a typed count the paper must not repeat
    )
    text = _issue(team, "remedial-order", case, tmp_path)
    assert "立即将下列展品（X-1，共2件）撤下，交由本中心暂存保管" in text
    assert "taketheexhibitsbelow(X-1,2items)downatonce" in text
    assert "5台" not in text


@pytest.mark.parametrize("exhibits", range(5, 13))
def test_the_remedial_orders_signature_line_stays_with_the_undertaking(
    team: Team, fair: str, tmp_path: Path, exhibits: int
) -> None:
    # From 5 to 12 exhibits the page break falls before, inside and after the undertaking.
    many = [ExhibitInput("椅子", f"X-{i}", 1) for i in range(1, exhibits + 1)]
    filed = replace(complaint_input(), respondents=[RespondentInput(booth="4.1A01", exhibits=many)])
    reg = register_complaint(team.desk, FAIR, filed)
    act_on_complaint(team.desk, reg.number, "accept")
    case = reg.case_numbers[0]
    act_on_case(team.desk, case, "notify")
    act_on_case(team.desk, case, "record_defence", summary="答辩")
    act_on_case(team.desk, case, "begin_review")
    act_on_case(
        team.desk, case, "decide_infringing", trigger="merits", reason="比对一致", legal_basis=BASIS
    )
    act_on_case(team.desk, case, "order_remedy", measure="detain", storage_place="B2 仓库")
    pages = _pages(docs.issue_document(team.desk, "remedial-order", case).pdf, tmp_path)
    signed_on = [i for i, page in enumerate(pages) if "被投诉人（签字/盖章）" in page]
    assert len(signed_on) == 1
    # The page the respondent signs carries what it undertakes.
    assert "本单位承诺" in pages[signed_on[0]]


def _pages(pdf: bytes, tmp_path: Path) -> list[str]:
    out = pdf_text(pdf, tmp_path)
    return ["".join(p.split()) for p in out.split("\f") if p.strip()]


def test_the_transfer_letter_addresses_the_authority_once_in_each_language(
    team: Team, fair: str, tmp_path: Path
) -> None:
    reg = register_complaint(team.desk, FAIR, complaint_input())
    act_on_complaint(team.desk, reg.number, "accept")
    act_on_complaint(team.desk, reg.number, "transfer", authority=AUTHORITY)
    text = _issue(team, "transfer-letter", reg.number, tmp_path)
    assert text.count("上海市知识产权局") == 1
    assert "TotheShanghaiIntellectualPropertyAdministration:" in text
    assert "Totheauthorityabove" not in text and "贵部门" not in text
    assert "移交贵局处理" in text and "展会知识产权保护办法》第十一条" in text
    assert "X-1×2" in text  # the accused exhibits, not the internal state
    assert "待通知" not in text


def test_the_referral_letter_cites_the_referral_article_not_the_transfer_one(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    _, case = _found(team, clock)
    act_on_case(team.desk, case, "refer", referral_kind="market_regulation", authority=AUTHORITY)
    text = _issue(team, "referral-letter", case, tmp_path)
    assert "上海市会展业条例第二十七条" in text
    assert "第十一条" not in text
    assert text.count("上海市知识产权局") == 1
    assert "TotheShanghaiIntellectualPropertyAdministration:" in text
    assert "移送贵局" in text and "SHA-256" not in text
    assert "移送说明" not in text  # no heading over an empty note


def test_the_referral_of_a_fair_set_up_before_cites_its_decision_article(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    _, case = _found(team, clock)
    act_on_case(team.desk, case, "refer", referral_kind="police", authority="青浦公安分局")
    info = docs.issue_document(team.desk, "referral-letter", case)
    with team.desk.db.reading() as session:
        doc = session.scalars(
            select(IssuedDocument).where(IssuedDocument.number == info.number)
        ).one()
        data = DocumentData.from_dict(doc.content["data"])
    # As the fair's stored rule set was before referrals had their own citation.
    stored = {k: v for k, v in data.fair.legal_basis.items() if k != "referral"}
    old = replace(data, fair=replace(data.fair, legal_basis=stored))
    text = pdf_words(render(old, doc.payload), tmp_path)
    assert "上海市会展业条例第二十七条" in text and "第十一条" not in text
    assert "移送贵单位" in text  # the police is no bureau of the kind 贵局 names
    # No English name typed: the English line names the kind, never the Chinese name.
    assert "青浦公安分局：Tothepublicsecurityauthority:" in text


def test_the_acceptance_receipt_counts_what_the_complaint_holds(
    team: Team, fair: str, tmp_path: Path
) -> None:
    filed = complaint_input("4.1A01", "4.1A02")
    reg = register_complaint(team.desk, FAIR, filed)
    act_on_complaint(team.desk, reg.number, "accept", authority=AUTHORITY)
    text = _issue(team, "acceptance-receipt", reg.number, tmp_path)
    received = sum(1 for v in filed.materials.values() if v is True) + 1  # and the form
    assert f"本投诉涉及权利1项、被投诉人2家、涉嫌侵权展品4件；收到投诉材料{received}份" in text
    assert f"1right,2respondentsand4accuseditems;{received}documentsreceived" in text
    assert text.count("X-1×2（共2件") == 2  # each respondent's exhibits, summed
    assert "移交上海市知识产权局" in text and "transferthecasetotheShanghai" in text
    assert "24小时内移交上海市知识产权局处理" not in text
    # It announces the transfer, so it cites the transfer's article too.
    assert "展会知识产权保护办法第八条、第十一条；展会知识产权保护指引第十二条" in text


def test_the_booth_notice_prints_no_key_or_hash_lines(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    _, case = _found(team, clock)
    act_on_case(team.desk, case, "order_remedy", measure="detain", storage_place="B2 仓库")
    info = docs.issue_document(team.desk, "booth-notice", case)
    text = pdf_words(info.pdf, tmp_path)
    assert "Rootkey" not in text and "Auditchain" not in text
    assert "根密钥" not in text and "审计链" not in text
    assert "“撤下并暂存保管”" not in text
    assert "已撤下并由展会知识产权保护与商事纠纷处理服务中心暂存保管" in text
    assert docs.verify_file(team.desk, info.pdf).ok  # the QR code still verifies it
    # A paper served on a party says how to verify it; the dossier keeps the anchor lines.
    order = _issue(team, "remedial-order", case, tmp_path)
    assert "Rootkey" not in order and "本文书可扫码核验真伪" in order
    assert "Auditchain" in _issue(team, "dossier", case, tmp_path)


@pytest.mark.parametrize(
    ("kind", "state"),
    [
        ("complaint-notice", "notified"),
        ("remedial-order", "ordered"),
        ("booth-notice", "ordered"),
        ("acceptance-receipt", "accepted"),
    ],
)
def test_booths_print_with_their_hall_and_a_word(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path, kind: str, state: str
) -> None:
    number, case = _found(team, clock) if state != "accepted" else ("", "")
    if state == "notified":
        reg = register_complaint(team.desk, FAIR, complaint_input("4.1A02"))
        act_on_complaint(team.desk, reg.number, "accept")
        case = reg.case_numbers[0]
        act_on_case(team.desk, case, "notify")
    elif state == "ordered":
        act_on_case(team.desk, case, "order_remedy", measure="cover")
    else:
        reg = register_complaint(team.desk, FAIR, complaint_input())
        act_on_complaint(team.desk, reg.number, "accept")
        number = reg.number
    text = _issue(team, kind, case or number, tmp_path)
    assert "4.1馆4.1A0" in text and "展位" in text
    assert "booth4.1a0" in text.lower() and "inhall4.1" in text.lower()


def _legal_basis_once_a_page(pages: list[str]) -> None:
    for page in pages:
        assert page.count("法律依据Legalbasis") == 1
        assert "适用规定" not in page  # the body cites nothing the footer does not


def test_the_complaint_form_keeps_its_commitment_with_the_facts_on_the_pages_it_needs(
    team: Team, fair: str, tmp_path: Path
) -> None:
    reg = register_complaint(team.desk, FAIR, complaint_input("4.1A01", "4.1A02", agent=True))
    pages = _pages(docs.issue_document(team.desk, "complaint-form", reg.number).pdf, tmp_path)
    assert len(pages) == 2
    # The commitment is signed on the page that carries it (the facts it vouches for end
    # the page before, or share this one).
    assert "投诉人承诺书" in pages[-1] and "投诉人（签字/盖章）" in pages[-1]
    assert "投诉事实与理由" in "".join(pages)
    _legal_basis_once_a_page(pages)


def test_the_recheck_record_and_its_signatures_share_a_page(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    _, case = _found(team, clock)
    act_on_case(team.desk, case, "order_remedy", measure="detain", storage_place="B2 仓库")
    act_on_case(team.inspector, case, "request_recheck")
    act_on_case(team.inspector, case, "recheck_passed", reason="展位已无X-1型椅子展出。")
    pages = _pages(docs.issue_document(team.desk, "recheck-record", case).pdf, tmp_path)
    assert len(pages) == 1
    assert "展位已无X-1型椅子展出" in pages[0] and "复查人员（签字/盖章）" in pages[0]
    _legal_basis_once_a_page(pages)


def test_the_mediation_agreement_is_signed_on_the_page_of_its_terms(
    team: Team, fair: str, tmp_path: Path
) -> None:
    filed = replace(complaint_input(agent=True), power_of_attorney=True)
    reg = register_complaint(team.desk, FAIR, filed)
    act_on_complaint(team.desk, reg.number, "accept")
    case = reg.case_numbers[0]
    act_on_case(team.desk, case, "notify")
    act_on_case(team.desk, case, "start_mediation")
    act_on_case(team.desk, case, "settle", terms="被投诉人撤下涉案展品，投诉人撤回投诉。")
    pages = _pages(docs.issue_document(team.desk, "mediation-record", case).pdf, tmp_path)
    assert len(pages) == 2
    signed = [p for p in pages if "调解员（签字/盖章）" in p]
    assert len(signed) == 1 and "被投诉人撤下涉案展品" in signed[0]
    _legal_basis_once_a_page(pages)


def test_a_one_respondent_decision_cites_its_articles_once_a_page(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    _, case = _found(team, clock, transfer=True)
    pages = _pages(
        docs.issue_document(team.desk, "decision", case, copy="respondent").pdf, tmp_path
    )
    assert len(pages) <= 2
    _legal_basis_once_a_page(pages)


def test_a_reprint_a_month_later_is_byte_identical_and_dated_at_issue(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    _, case = _found(team, clock)
    info = docs.issue_document(team.desk, "decision", case, copy="complainant")
    stamp = b"(D:20261105103000+08'00')"  # the issue time: 10:30 in Shanghai
    assert b"/CreationDate " + stamp in info.pdf and b"/ModDate " + stamp in info.pdf
    # A month on, by the desk's clock and by the machine's.
    clock.advance(hours=24 * 30)
    later = time.time() + 30 * 24 * 3600
    monkeypatch.setattr(time, "time", lambda: later)
    again = docs.render_document(team.organizer, info.number)
    assert again == info.pdf


def _pictures_script():  # noqa: ANN202 (a module loaded from a file)
    import importlib.util

    path = Path(__file__).resolve().parents[2] / "docs" / "documents" / "make_pictures.py"
    spec = importlib.util.spec_from_file_location("make_pictures", path)
    assert spec is not None and spec.loader is not None
    pictures = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(pictures)
    return pictures


def test_the_document_pictures_story_runs_to_the_end(db: Database) -> None:
    # The documentation's pictures are made from this story: its evidence goes through
    # the evidence service, or the paper check refuses to sign anything.
    issued = _pictures_script().story(db)
    names = [name for name, _, _ in issued]
    assert len(names) == 19 and names[-1] == "booth-notice-suspension"
    assert all(info.pdf.startswith(b"%PDF-") for _, info, _ in issued)


def test_the_document_pictures_count_the_goods_from_the_complaint() -> None:
    path = Path(__file__).resolve().parents[2] / "docs" / "documents" / "make_pictures.py"
    pictures = _pictures_script()
    filed = pictures.complaint(("4.1B12", "4.1B20"), 3)
    held = sum(x.quantity for x in filed.respondents[1].exhibits)
    # One unit, as the agreement counts the table: 件 (never 台 in one line and 件 in the next).
    assert pictures.goods(filed, 1) == f"CM-201、CM-202、CM-203型智能咖啡机共{held}件"
    assert "2 台" not in path.read_text(encoding="utf-8")  # no count typed into a note
    assert "撤回对其的投诉" not in path.read_text(encoding="utf-8")  # whose complaint: say so
