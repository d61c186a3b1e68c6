"""The papers of the measures, as the law reads them (reviews/documents_zh_3.md §4–§8): the
remedial order and its undertaking, the escalation notice, the booth notice, the list of
exhibits held in safekeeping and the re-inspection record.

Each test failed on the documents before this review's fixes.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from fairdesk.db.models import Measure
from fairdesk.documents import kinds as K
from fairdesk.domain.enums import Role
from fairdesk.domain.errors import IllegalTransition
from fairdesk.domain.normalize import has_cjk, tighten
from fairdesk.domain.workflow import STAYS, STEPS, Entity
from fairdesk.services.casework.steps import act_on_case, act_on_complaint
from fairdesk.services.intake.intake import register_complaint
from fairdesk.services.paper import documents as docs
from tests.conftest import FakeClock, Team
from tests.helpers import FAIR, complaint_input, make_fair
from tests.pdf_text import needs_pdftotext, pdf_text, pdf_words

pytestmark = needs_pdftotext


@pytest.fixture
def fair(team: Team) -> str:
    return make_fair(team.admin)


def _issue(team: Team, kind: str, case: str, tmp_path: Path) -> str:
    return pdf_words(docs.issue_document(team.desk, kind, case).pdf, tmp_path)


def _accepted(team: Team) -> str:
    reg = register_complaint(team.desk, FAIR, complaint_input())
    act_on_complaint(team.desk, reg.number, "accept")
    return reg.case_numbers[0]


def _found(team: Team) -> str:
    case = _accepted(team)
    act_on_case(team.desk, case, "notify")
    act_on_case(team.desk, case, "record_defence", summary="展品系自主设计")
    act_on_case(team.desk, case, "begin_review")
    act_on_case(
        team.desk, case, "decide_infringing", trigger="merits", reason="比对一致",
        legal_basis="上海市会展业条例 第二十七条",
    )  # fmt: skip
    return case


def _detained(team: Team, place: str = "4.1 馆 B 区服务仓库") -> str:
    case = _found(team)
    act_on_case(
        team.desk, case, "order_remedy", measure="detain", storage_place=place,
        undertaking_signed=True,
    )  # fmt: skip
    return case


# -- the remedial order and its undertaking (§4) ------------------------------------------------


def test_the_remedial_order_names_the_right_allegedly_infringed_in_both_languages(
    team: Team, fair: str, tmp_path: Path
) -> None:
    case = _detained(team)
    text = _issue(team, "remedial-order", case, tmp_path)
    assert "下列展品涉嫌侵犯示例品牌股份有限公司ZL202330123456.7号外观设计专利权" in text
    assert "allegedlyinfringethecomplainant'sdesignpatentZL202330123456.7" in text
    assert "涉嫌侵权（" not in text and "infringethecomplainant'srights" not in text


def test_the_remedial_order_never_asserts_the_undertaking_it_asks_for_is_signed(
    team: Team, fair: str, tmp_path: Path
) -> None:
    text = _issue(team, "remedial-order", _detained(team), tmp_path)
    assert "已签/signed" not in text and "已于现场签署" not in text
    assert "被投诉人（签字/盖章）" in text  # left to be signed


def test_the_signed_undertaking_is_recorded_when_the_paper_comes_back(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    case = _found(team)
    act_on_case(team.desk, case, "order_remedy", measure="cover")
    assert "已签/signed" not in _issue(team, "remedial-order", case, tmp_path)
    act_on_case(team.desk, case, "record_undertaking")
    with pytest.raises(IllegalTransition, match="still to be signed"):
        act_on_case(team.desk, case, "record_undertaking")
    with team.desk.db.reading() as session:
        assert session.scalars(select(Measure.undertaking_signed)).one() is True
    inspector = team.by_role(Role.INSPECTOR)
    act_on_case(inspector, case, "request_recheck")
    clock.advance(hours=2)
    act_on_case(inspector, case, "recheck_passed")
    assert "已签/signed" in _issue(team, "recheck-record", case, tmp_path)
    # The order reprinted later still leaves its undertaking to be signed.
    assert "已签/signed" not in _issue(team, "remedial-order", case, tmp_path)


def test_the_undertaking_names_the_measures_in_words_not_in_quoted_labels(
    team: Team, fair: str, tmp_path: Path
) -> None:
    text = _issue(team, "remedial-order", _detained(team), tmp_path)
    assert "采取撤出展会、取消参展资格等措施" in text
    assert "撤展" not in text
    assert "suchasrequiringustowithdrawfromthefairorcancellingourparticipation" in text
    assert "“" not in text and "”" not in text


def test_a_typed_storage_place_is_kept_and_printed_without_stray_spaces(
    team: Team, fair: str, tmp_path: Path
) -> None:
    case = _detained(team, "  4.1 馆 B 区服务仓库 ")
    with team.desk.db.reading() as session:
        assert session.scalars(select(Measure.storage_place)).one() == "4.1馆B区服务仓库"
    raw = pdf_text(docs.issue_document(team.desk, "remedial-order", case).pdf, tmp_path)
    assert "4.1馆B区服务仓库" in raw and "4.1 馆" not in raw
    assert tighten("Hall 8.2  store 2") == "Hall 8.2 store 2"


# -- the list of exhibits held in safekeeping, and their return (§5) ---------------------------


def test_the_custody_list_names_its_order_the_deadline_and_the_consequence(
    team: Team, fair: str, tmp_path: Path
) -> None:
    case = _detained(team)
    order = docs.issue_document(team.desk, "remedial-order", case)
    info = docs.issue_document(team.desk, "detained-items", case)
    text = pdf_words(info.pdf, tmp_path)
    issued = order.issued_at.astimezone(ZoneInfo("Asia/Shanghai")).strftime("%Y-%m-%d%H:%M")
    assert f"依据本中心{issued}《整改通知书》（文书编号{order.number}）" in text
    assert (
        "于2026-11-1017:00展会闭幕后、撤展结束（2026-11-1117:00）前凭本清单至4.1馆B区服务仓库领回；"
        "撤展结束前未领取的，本中心将通知被投诉人并按参展合同约定处理，"
        "由此产生的费用由被投诉人承担。" in text
    )
    assert "Listofexhibitsheldinsafekeeping" in text and "Listofdetaineditems" not in text
    # No Chinese in the English sentences (the place typed in Chinese stays in its row).
    raw = pdf_text(info.pdf, tmp_path)
    english = raw[raw.index("Under the service center") : raw.index("due care.")]
    assert not has_cjk(english), english


def test_goods_in_custody_go_back_on_the_closing_day_and_the_case_may_close_before(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    case = _detained(team)
    inspector = team.by_role(Role.INSPECTOR)
    act_on_case(inspector, case, "request_recheck")
    clock.advance(hours=2)
    act_on_case(inspector, case, "recheck_passed")
    with pytest.raises(IllegalTransition, match="until the fair closes at 2026-11-10 17:00"):
        act_on_case(team.desk, case, "return_detained", receipt="R-1")
    act_on_case(team.desk, case, "close")  # the goods stay in custody
    text = _issue(team, "closing-record", case, tmp_path)
    assert "暂存展品于2026-11-1017:00展会闭幕后凭暂存展品清单返还" in text
    assert "tobereturnedafterthefairclosesat2026-11-1017:00" in text and "尚未返还" not in text
    clock.set(datetime(2026, 11, 10, 8, 0, tzinfo=UTC))  # 16:00 on the closing day: still open
    with pytest.raises(IllegalTransition, match="until the fair closes"):
        act_on_case(team.desk, case, "return_detained", receipt="R-1")
    clock.set(datetime(2026, 11, 10, 9, 0, tzinfo=UTC))  # 17:00: the fair has closed
    act_on_case(team.desk, case, "return_detained", receipt="R-1 展商代表签收")
    with team.desk.db.reading() as session:
        assert session.scalars(select(Measure.returned_at)).one() is not None


# -- the booth notice (§6) -----------------------------------------------------------------------


def test_a_display_suspended_at_intake_has_its_booth_notice_and_article(
    team: Team, fair: str, tmp_path: Path
) -> None:
    case = _accepted(team)
    act_on_case(team.desk, case, "suspend_display", reason="外观高度近似，先行暂停展出")
    text = _issue(team, "booth-notice", case, tmp_path)
    assert "本展位部分展品因涉嫌侵犯他人知识产权，在投诉处理期间暂停展出。" in text
    assert "展会知识产权保护办法第七条第（一）项" in text
    assert "已撤下" not in text and "经办人签字" not in text and "服务中心盖章" in text


def test_the_booth_notice_names_the_center_to_visitors(
    team: Team, fair: str, tmp_path: Path
) -> None:
    text = _issue(team, "booth-notice", _detained(team), tmp_path)
    assert "由展会知识产权保护与商事纠纷处理服务中心暂存保管" in text
    assert "经办人签字" not in text


def test_every_step_can_print_the_documents_it_names() -> None:
    """The step table and the document kinds table agree: a step's papers apply in the
    state it leaves the case in."""
    for s in STEPS:
        if s.entity is not Entity.CASE:
            continue
        after = s.sources if s.target in (None, STAYS, "") else {s.target}
        for kind in s.documents:
            missing = set(after) - K.kind(kind).states
            if s.action == "return_detained":
                continue  # the list is reprinted with its return time, in any state
            assert not missing, (s.action, kind, missing)


# -- the re-inspection record (§7) ---------------------------------------------------------------


def test_the_inspectors_findings_wrap_inside_the_margin(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    from fairdesk.documents.furniture import MARGIN_X, PAGE_W

    case = _detained(team)
    inspector = team.by_role(Role.INSPECTOR)
    act_on_case(inspector, case, "request_recheck")
    clock.advance(hours=2)
    finding = (
        "经现场复查，4.1B12展位已无CM-101、CM-102型智能咖啡机展出；"
        "相关展品4件已存放于4.1馆B区服务仓库。"
    )
    act_on_case(inspector, case, "recheck_passed", reason=finding)
    info = docs.issue_document(team.desk, "recheck-record", case)
    boxes = pdf_text(info.pdf, tmp_path, "-bbox")
    right = [
        float(m.group(1))
        for m in re.finditer(r'xMax="([0-9.]+)"[^>]*>([^<]*)</word>', boxes)
        if "服务仓库。" in m.group(2) or "智能咖啡机" in m.group(2)
    ]
    assert right and max(right) <= PAGE_W - MARGIN_X + 0.5, right


# -- the escalation notice (§8) ------------------------------------------------------------------


def test_an_exhibit_displayed_again_early_breaks_the_undertaking(
    team: Team, fair: str, clock: FakeClock, tmp_path: Path
) -> None:
    case = _found(team)
    act_on_case(team.desk, case, "order_remedy", measure="cover")
    order = docs.issue_document(team.desk, "remedial-order", case)
    act_on_case(team.desk, case, "record_undertaking")  # the signed paper is back
    inspector = team.by_role(Role.INSPECTOR)
    act_on_case(inspector, case, "request_recheck")
    clock.advance(minutes=30)  # before the order's due time
    act_on_case(inspector, case, "recheck_failed", result="redisplayed")
    act_on_case(team.desk, case, "escalate", escalation="cancel_participation")
    text = _issue(team, "escalation-notice", case, tmp_path)
    assert "你方在涉案展品已遮盖后擅自揭除遮盖、重新展出，违反你方在本中心" in text
    assert "签署的承诺书" in text and "未按" not in text
    assert "breakingtheundertakingyousigned" in text
    assert "涉嫌侵犯示例品牌股份有限公司ZL202330123456.7号外观设计专利权" in text
    assert "之时起2小时内（最迟于展会闭幕前）" in text
    assert "within2hoursofreceivingthisnotice" in text
    assert f"（文书编号{order.number}）" in text
    assert "原整改措施及复查情况" in text


def test_a_suspension_of_display_is_not_printed_as_an_unsigned_undertaking() -> None:
    from fairdesk.documents.model import MeasureView
    from fairdesk.documents.parts import _undertaking

    fields = {f: "" for f in MeasureView.__dataclass_fields__}
    suspended = MeasureView(
        **{**fields, "measure_type": "suspend_display", "undertaking_signed": False}
    )  # type: ignore[arg-type]
    covered = MeasureView(**{**fields, "measure_type": "cover", "undertaking_signed": False})  # type: ignore[arg-type]
    assert _undertaking(suspended) == "—"  # a suspension asks for no undertaking
    assert _undertaking(covered) == "未签 / not signed"
