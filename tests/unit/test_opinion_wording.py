"""The opinion (处理意见书) and the closing record as an IP desk officer reads them in Chinese
(third document review, §3 and §10): every right relied on disposed of, a preliminary
finding worded as one, the overdue ground with "without good reason", the article of an
opinion that finds no infringement, and no row that does not apply."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from fairdesk.db.models import IssuedDocument
from fairdesk.documents.model import DocumentData
from fairdesk.documents.render import render
from fairdesk.domain import vocabulary as v
from fairdesk.domain.errors import MissingRequirement
from fairdesk.domain.workflow import Entity, step
from fairdesk.services.casework.steps import act_on_case, act_on_complaint, available_steps
from fairdesk.services.intake.intake import ExhibitInput, RightInput, register_complaint
from fairdesk.services.paper import documents as docs
from tests.conftest import FakeClock, Team
from tests.helpers import FAIR, complaint_input, make_fair, received

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) not installed"
)

NOT_UPHELD = (
    "投诉人关于第12345678号注册商标专用权的主张，"
    "未指明涉嫌侵权展品，本意见未予审查；投诉人可另行主张。"
)


@pytest.fixture
def fair(team: Team) -> str:
    return make_fair(team.admin)


def _flat(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode()
    return "".join(out.split())


def _issue(team: Team, kind: str, number: str, tmp_path: Path, **kw: str) -> str:
    return _flat(docs.issue_document(team.desk, kind, number, **kw).pdf, tmp_path)


def _design_and_trademark(team: Team) -> str:
    """A complaint on a design and a trademark whose only exhibit is under the design."""
    data = complaint_input()
    data.rights.append(
        RightInput(
            "trademark", "第 12345678 号", "EXAMPLE", "示例品牌", valid_until=date(2030, 1, 1)
        )
    )
    data.materials = received(["design", "trademark"])
    data.respondents[0].exhibits = [ExhibitInput("椅子", "X-1", 2, rights=["ZL202330123456.7"])]
    reg = register_complaint(team.desk, FAIR, data)
    act_on_complaint(team.desk, reg.number, "accept")
    return reg.case_numbers[0]


def _reviewed(team: Team, case: str) -> None:
    act_on_case(team.desk, case, "notify")
    act_on_case(team.desk, case, "record_defence", summary="展品系自主设计")
    act_on_case(team.desk, case, "begin_review")


def _one_right_reviewed(team: Team) -> str:
    reg = register_complaint(team.desk, FAIR, complaint_input())
    act_on_complaint(team.desk, reg.number, "accept")
    case = reg.case_numbers[0]
    _reviewed(team, case)
    return case


# -- §3.1: every right relied on is disposed of ----------------------------------------------


def test_a_finding_disposes_of_the_claim_under_a_right_no_exhibit_is_under(
    team: Team, fair: str, tmp_path: Path
) -> None:
    case = _design_and_trademark(team)
    _reviewed(team, case)
    decide = {"trigger": "merits", "legal_basis": "参展合同", "reason": "比对一致"}
    with pytest.raises(MissingRequirement, match="第 12345678 号.*what becomes of that claim"):
        act_on_case(team.desk, case, "decide_infringing", **decide)

    # The screen and the CLI start from "not examined", in both languages.
    s = step(Entity.CASE, "decide_infringing")
    start = available_steps(team.desk, case).start_values(s, {})["other_claims"]
    assert start.splitlines() == [
        NOT_UPHELD,
        "The complainant's claim under the exclusive right to registered trademark "
        "No. 12345678 was not put to the respondent with any exhibit and is not examined "
        "in this opinion; the complainant may pursue it separately.",
    ]
    act_on_case(team.desk, case, "decide_infringing", other_claims=start, **decide)
    text = _issue(team, "decision", case, tmp_path, copy="complainant")
    assert NOT_UPHELD in text
    assert "registeredtrademarkNo.12345678wasnotputtotherespondent" in text


def test_a_finding_where_every_right_has_an_exhibit_asks_for_no_disposal(
    team: Team, fair: str, tmp_path: Path
) -> None:
    case = _one_right_reviewed(team)
    s = step(Entity.CASE, "decide_infringing")
    assert "other_claims" not in available_steps(team.desk, case).start_values(s, {})
    act_on_case(team.desk, case, "decide_infringing", trigger="merits", legal_basis="参展合同")
    assert "未予审查" not in _issue(team, "decision", case, tmp_path, copy="complainant")


# -- §3.2, §3.5, §3.7: a preliminary opinion, worded as one ----------------------------------


def test_the_opinion_is_preliminary_headed_opinion_and_issued(
    team: Team, fair: str, tmp_path: Path
) -> None:
    case = _one_right_reviewed(team)
    act_on_case(team.desk, case, "decide_infringing", trigger="merits", legal_basis="参展合同")
    text = _issue(team, "decision", case, tmp_path, copy="respondent")
    assert "处理意见Opinion结论：初步认定侵权Outcome:infringementfoundpreliminarily" in text
    assert "展品“椅子（X-1）”涉嫌侵犯投诉人的ZL202330123456.7号外观设计专利权（初步认定）。" in text
    assert "isfound,preliminarily,toinfringedesignpatentZL202330123456.7" in text
    # When the opinion was given: not a second "issued" beside the header's issue time.
    assert "作出时间" in text and "opiniongiven" in text and "出具时间" not in text
    assert "决定时间" not in text and "decided2026" not in text


def test_an_admission_in_chinese_on_the_english_line_is_marked_original(
    team: Team, fair: str, tmp_path: Path
) -> None:
    reg = register_complaint(team.desk, FAIR, complaint_input())
    act_on_complaint(team.desk, reg.number, "accept")
    case = reg.case_numbers[0]
    act_on_case(team.desk, case, "notify")
    act_on_case(
        team.desk, case, "decide_at_once", trigger="admission", admission="展商代表当场书面承认",
        legal_basis="参展合同",
    )  # fmt: skip
    text = _issue(team, "decision", case, tmp_path, copy="respondent")
    assert "Admissionbytherespondent(originaltext):展商代表当场书面承认" in text


# -- §3.3, §10.3, §19.2: the overdue ground ---------------------------------------------------


def test_the_overdue_ground_says_without_good_reason_everywhere(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    words = v.TRIGGERS.words("defence_overdue")
    for zh in (words.zh, words.on_paper.zh):
        assert zh.endswith("且无正当理由"), zh
    for en in (words.en, words.on_paper.en):
        assert "without good reason" in en, en
    reg = register_complaint(team.desk, FAIR, complaint_input())
    act_on_complaint(team.desk, reg.number, "accept")
    case = reg.case_numbers[0]
    act_on_case(team.desk, case, "notify", served_at="2026-11-05 09:30")
    clock.advance(hours=25)
    act_on_case(team.desk, case, "mark_defence_overdue")
    act_on_case(team.desk, case, "begin_review")
    act_on_case(
        team.desk, case, "decide_infringing", trigger="defence_overdue", legal_basis="参展合同"
    )
    text = _issue(team, "decision", case, tmp_path, copy="respondent")
    assert "认定依据：被投诉人在规定期限内未提交书面答辩及证据，且无正当理由。" in text
    assert "intime,withoutgoodreason." in text


# -- §3.4, §10.2, §10.5: no infringement found -------------------------------------------------

ART_7_3 = "展会知识产权保护办法第七条第（三）项；参展合同"


@pytest.mark.parametrize("action", ["decide_not_infringing", "decide_undetermined"])
def test_an_opinion_finding_no_infringement_cites_art_7_3_and_the_contract(
    team: Team, fair: str, tmp_path: Path, action: str
) -> None:
    case = _one_right_reviewed(team)
    act_on_case(team.desk, case, action, reason="现有证据不足")
    text = _issue(team, "decision", case, tmp_path, copy="complainant")
    assert ART_7_3 in text and "Art.7(3);theexhibitorcontract" in text
    assert "第二十七条" not in text and "第三十八条" not in text


def test_a_not_infringing_closing_record_cites_art_7_3_and_leaves_out_the_ground(
    team: Team, fair: str, tmp_path: Path
) -> None:
    case = _one_right_reviewed(team)
    act_on_case(team.desk, case, "decide_not_infringing", reason="现有证据不足")
    act_on_case(team.desk, case, "close")
    text = _issue(team, "closing-record", case, tmp_path)
    assert ART_7_3 in text
    assert "第二十七条" not in text and "第三十八条" not in text
    assert "处理结论未认定构成侵权" in text
    assert "认定依据" not in text and "Ground" not in text


# -- §11: the dossier's timeline ----------------------------------------------------------------


def test_the_dossier_timeline_reads_as_paper(team: Team, fair: str, tmp_path: Path) -> None:
    case = _one_right_reviewed(team)
    act_on_case(
        team.desk, case, "decide_infringing", trigger="merits", legal_basis="参展合同",
        reason="整体视觉效果无实质性差异。",
    )  # fmt: skip
    docs.issue_document(team.desk, "decision", case, copy="respondent")
    act_on_case(team.desk, case, "order_remedy", measure="detain", storage_place="B2 仓库")
    text = _issue(team, "dossier", case, tmp_path)
    timeline = text[text.index("办理经过") :]
    # A merits decision is not one taken at once, and its state reads as the paper's.
    assert "径行处理的依据" not in timeline and "Groundforactingatonce" not in timeline
    assert "认定依据/ground:经审查双方材料" in timeline
    assert "→初步认定侵权/Infringementfoundpreliminarily" in timeline
    # No doubled punctuation after a note that ends its sentence.
    assert "无实质性差异。→" in timeline and "。；" not in timeline
    # No help text of the step dialog, and nothing said of a document being in force.
    assert "暂存地点/Storageplace:B2仓库" in timeline
    assert "必填" not in timeline and "needed to" not in timeline
    assert "有效/inforce" not in timeline
    # The exhibits with their models.
    assert "展品/exhibits:椅子（X-1）" in timeline


# -- §3.6, §10.4: no near-empty last page --------------------------------------------------------


def _pages(pdf: bytes, tmp_path: Path) -> list[str]:
    """The text of each page, without spaces."""
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode()
    return ["".join(page.split()) for page in out.split("\f") if page.strip()]


def _demo_like_case(team: Team) -> str:
    """As at the demo booth: an agent, a design and a trademark, two exhibits under the
    design, the complaint transferred, a defence, a finding on the merits with reasons
    (the opinion is served before measures are ordered)."""
    data = complaint_input(agent=True)
    data.power_of_attorney = True
    data.complainant = dataclasses.replace(
        data.complainant, id_doc_type="统一社会信用代码", id_doc_no="91310000MA1K000000",
        country="中国", address="上海市浦东新区张江路 100 号", contact="李明",
        phone="021-5555 0100",
    )  # fmt: skip
    assert data.agent is not None
    data.agent = dataclasses.replace(data.agent, contact="陈律师", phone="021-5555 0200")
    data.rights.append(
        RightInput("trademark", "第 45678901 号", "EXAMPLE 图形商标", "示例品牌",
                   valid_until=date(2031, 12, 31))
    )  # fmt: skip
    data.materials = received(["design", "trademark"], agent=True)
    data.respondents[0].exhibits = [
        ExhibitInput("智能咖啡机 Smart coffee machine", f"CM-10{n}", 2,
                     rights=["ZL202330123456.7"])
        for n in (1, 2)
    ]  # fmt: skip
    reg = register_complaint(team.desk, FAIR, data)
    act_on_complaint(team.desk, reg.number, "accept", authority="上海市知识产权局")
    act_on_complaint(team.desk, reg.number, "transfer", authority="上海市知识产权局")
    case = reg.case_numbers[0]
    act_on_case(team.desk, case, "notify")
    act_on_case(
        team.desk, case, "record_defence",
        summary="被投诉人称该咖啡机系其德国设计团队于 2021 年独立设计，但未提交证据。",
    )  # fmt: skip
    act_on_case(team.desk, case, "begin_review")
    s = step(Entity.CASE, "decide_infringing")
    act_on_case(
        team.desk, case, "decide_infringing", trigger="merits", legal_basis="参展合同",
        reason="被控展品与涉案外观设计整体视觉效果无实质性差异。",
        # What the screen prefills (the disposal of the trademark claim).
        **available_steps(team.desk, case).start_values(s, {"legal_basis": "参展合同"}),
    )  # fmt: skip
    return case


def _issued_data(team: Team, number: str) -> tuple[DocumentData, str]:
    """The snapshot and QR payload a document was issued with, to render it again changed."""
    with team.desk.db.reading() as session:
        doc = session.scalars(select(IssuedDocument).where(IssuedDocument.number == number)).one()
        return DocumentData.from_dict(doc.content["data"]), doc.payload


@pytest.mark.parametrize("copy", ["complainant", "respondent"])
def test_a_one_respondent_opinion_fits_two_pages_with_its_closing_words_signed(
    team: Team, fair: str, tmp_path: Path, copy: str
) -> None:
    case = _demo_like_case(team)
    info = docs.issue_document(team.desk, "decision", case, copy=copy)
    assert len(_pages(info.pdf, tmp_path)) <= 2
    data, payload = _issued_data(team, info.number)
    # Wherever the page ends (a longer address above, longer reasons below): a short
    # exhibits table stays whole, and the service sentence and the receiver's line stay
    # with who issued it and when.
    for more in range(0, 12):
        address = "上海市浦东新区张江路 100 号" + "示例大厦东楼" * 4 * more
        note = "被控展品与涉案外观设计整体视觉效果无实质性差异。" * 2 * more
        party = dataclasses.replace(data.complainant, address=address)
        for changed in (
            dataclasses.replace(data, complainant=party),
            dataclasses.replace(data, decision_note=note),
        ):
            pages = _pages(render(changed, payload), tmp_path)
            assert [p for p in pages if "CM-101" in p] == [p for p in pages if "CM-102" in p], more
            last = next(p for p in pages if "签收人（签字/盖章）" in p)
            assert "本处理意见书同时送达投诉人和被投诉人" in last and "投诉编号" in last, more


def test_the_closing_records_signatures_stay_with_its_closing_note(
    team: Team, fair: str, tmp_path: Path
) -> None:
    case = _demo_like_case(team)
    act_on_case(
        team.desk, case, "order_remedy", measure="detain", storage_place="4.1 馆 B 区服务仓库"
    )
    act_on_case(team.inspector, case, "request_recheck")
    act_on_case(team.inspector, case, "recheck_passed")
    act_on_case(team.desk, case, "close")  # the goods stay in custody until the close
    data, payload = _issued_data(
        team, docs.issue_document(team.desk, "closing-record", case).number
    )
    # Closing notes of every length up to a third of a page: wherever the note ends, the
    # signatures are on its page.
    for sentences in range(0, 24, 2):
        note = "经复查，整改措施已落实，暂存展品已返还。" * sentences or "本案结案。"
        pdf = render(dataclasses.replace(data, closing_reason=note), payload)
        signed = [p for p in _pages(pdf, tmp_path) if "经办人（签字/盖章）" in p]
        assert len(signed) == 1 and "结案说明" in signed[0], sentences


def test_a_stationed_officers_opinion_speaks_as_the_officer(
    team: Team, fair: str, tmp_path: Path
) -> None:
    """2006 Art 6: the officer decided, in the organ's name; the paper does not say the
    center found it (the fourth document review, #3)."""
    case = _one_right_reviewed(team)
    act_on_case(team.officer, case, "decide_undetermined", reason="需鉴定",
                deciding_organ="上海市知识产权局")  # fmt: skip
    text = _issue(team, "decision", case, tmp_path, copy="respondent")
    assert "上海市知识产权局派驻展会执法人员" in text
    assert "本中心依据现有材料无法认定" not in text and "本中心处理意见如下" not in text
    assert "theofficerof" in text  # the English line too


def test_the_reasons_typed_in_chinese_are_marked_as_such_on_the_english_line(
    team: Team, fair: str, tmp_path: Path
) -> None:
    """理由 stands on the Chinese line; the English line says it quotes the original (the
    fourth document review, #9), as the admission does."""
    case = _one_right_reviewed(team)
    act_on_case(team.desk, case, "decide_undetermined", reason="需要技术鉴定")
    text = _issue(team, "decision", case, tmp_path, copy="respondent")
    assert "理由：需要技术鉴定" in text and "Reasons(originaltext):需要技术鉴定" in text
    assert "理由Reasons" not in text
