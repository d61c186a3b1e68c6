"""The rules as a CIIE desk applies them (../shared/domain.md), through the services.

Each test names the rule it holds; each failed on the first build's workflow.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from fairdesk.db.models import Measure, RespondentCase
from fairdesk.domain.enums import ClockKind, Role
from fairdesk.domain.errors import FairDeskError, IllegalTransition, MissingRequirement
from fairdesk.services.casework import clocks
from fairdesk.services.casework.cases import case_by_number
from fairdesk.services.casework.steps import act_on_case, act_on_complaint, available_steps
from fairdesk.services.intake.intake import RightInput, register_complaint
from tests.conftest import FakeClock, Team
from tests.helpers import FAIR, complaint_input, make_fair, received


@pytest.fixture
def fair(team: Team) -> str:
    return make_fair(team.admin)


def _complaint(team: Team, right: RightInput | None = None, **changes: object) -> tuple[str, str]:
    data = complaint_input(right=right)
    for name, value in changes.items():
        setattr(data, name, value)
    reg = register_complaint(team.desk, FAIR, data)
    return reg.number, reg.case_numbers[0]


def _accepted(team: Team, **changes: object) -> str:
    number, case = _complaint(team, **changes)
    act_on_complaint(team.desk, number, "accept")
    return case


def _case(team: Team, number: str) -> RespondentCase:
    with team.desk.db.reading() as session:
        case = case_by_number(session, number)
        session.expunge(case)
        return case


# -- rights valid in China (CNIPA 2022 Art 12; Copyright Law Art 2; Madrid Protocol) ---------


def test_a_foreign_copyright_is_accepted_without_chinese_registration(
    team: Team, fair: str
) -> None:
    right = RightInput("copyright", "US VA 2-345-678", "Teapot drawing", jurisdiction="US")
    number, _ = _complaint(team, right, materials=received(["copyright"]))
    assert act_on_complaint(team.desk, number, "accept").state == "ACCEPTED"


def test_a_madrid_trademark_designating_china_needs_its_ir_number(team: Team, fair: str) -> None:
    without = RightInput("trademark", "TM-1", "ACME", jurisdiction="WO", basis="madrid")
    number, _ = _complaint(team, without, materials=received(["trademark"]))
    with pytest.raises(MissingRequirement, match="international registration number"):
        act_on_complaint(team.desk, number, "accept")
    with_ir = RightInput("trademark", "TM-2", "ACME", jurisdiction="WO", ir_number="1234567")
    number, _ = _complaint(team, with_ir, materials=received(["trademark"]))
    assert act_on_complaint(team.desk, number, "accept").state == "ACCEPTED"


def test_a_foreign_patent_is_never_valid_in_china(team: Team, fair: str) -> None:
    right = RightInput("design", "US D912,345", "Chair", jurisdiction="US")
    number, _ = _complaint(team, right, materials=received(["design"]))
    with pytest.raises(MissingRequirement, match="a foreign patent is not valid in China"):
        act_on_complaint(team.desk, number, "accept")


def test_china_spelled_out_is_china(team: Team, fair: str) -> None:
    right = RightInput("design", "ZL2023301234.5", "Chair", jurisdiction=" China ")
    number, _ = _complaint(team, right, materials=received(["design"]))
    assert act_on_complaint(team.desk, number, "accept").state == "ACCEPTED"


def test_a_simple_licensee_needs_the_owners_authorisation(team: Team, fair: str) -> None:
    right = RightInput("design", "ZL2023301234.6", "Chair", licence_type="simple")
    number, _ = _complaint(team, right, materials=received(["design"]))
    with pytest.raises(MissingRequirement, match="express authorisation"):
        act_on_complaint(team.desk, number, "accept")
    act_on_complaint(
        team.desk, number, "record_received", materials="licence_contract,owner_authorisation"
    )
    assert act_on_complaint(team.desk, number, "accept").state == "ACCEPTED"


# -- acting at once (CNIPA 2022 Art 14 (2), (3)) ------------------------------------------------


def test_an_admission_is_decided_at_once_after_notice(team: Team, fair: str) -> None:
    case = _accepted(team)
    act_on_case(team.desk, case, "notify")
    with pytest.raises(MissingRequirement, match="the respondent's admission"):
        act_on_case(team.desk, case, "decide_at_once", trigger="admission", legal_basis="Art 14")
    result = act_on_case(
        team.desk,
        case,
        "decide_at_once",
        trigger="admission",
        admission="展商代表王某当场书面承认",
        legal_basis="CNIPA 2022 Art 14",
    )
    assert result.state == "INFRINGEMENT_FOUND"
    row = _case(team, case)
    assert row.decision_basis == {"admission": "展商代表王某当场书面承认"}
    assert row.decision_trigger == "admission" and row.defence_summary == ""


def test_a_prior_legal_document_is_recorded_with_body_number_and_date(
    team: Team, fair: str
) -> None:
    case = _accepted(team)
    act_on_case(team.desk, case, "notify")
    with pytest.raises(MissingRequirement, match="the number of the decision"):
        act_on_case(
            team.desk,
            case,
            "decide_at_once",
            trigger="prior_legal_document",
            document_body="上海知识产权法院",
            document_date="2026-03-01",
            legal_basis="Art 14",
        )
    act_on_case(
        team.desk,
        case,
        "decide_at_once",
        trigger="prior_legal_document",
        document_body="上海知识产权法院",
        document_number="(2026)沪73民初123号",
        document_date="2026-03-01",
        legal_basis="Art 14",
    )
    assert _case(team, case).decision_basis == {
        "document_body": "上海知识产权法院",
        "document_number": "(2026)沪73民初123号",
        "document_date": "2026-03-01",
    }


def test_merits_are_not_a_ground_for_acting_at_once(team: Team, fair: str) -> None:
    case = _accepted(team)
    act_on_case(team.desk, case, "notify")
    with pytest.raises(MissingRequirement, match="not accepted as the ground for acting at once"):
        act_on_case(team.desk, case, "decide_at_once", trigger="merits", legal_basis="x")


# -- commercial disputes (Shanghai Regulations Art 40) ------------------------------------------


def test_a_commercial_dispute_keeps_to_its_own_path(team: Team, fair: str) -> None:
    number, case = _complaint(
        team, kind="commercial", rights=[], materials={}, commitment_signed=False
    )
    assert act_on_complaint(team.desk, number, "accept").state == "ACCEPTED"  # no IP commitment
    offered = {c.action for c in available_steps(team.desk, case).choices if c.in_reach}
    assert offered == {"mediate_dispute", "withdraw", "refer_dispute", "close_dispute",
                       "move_post_fair"}  # fmt: skip
    with pytest.raises(IllegalTransition, match="is not a step of a Commercial dispute"):
        act_on_case(team.desk, case, "notify")
    act_on_case(team.desk, case, "mediate_dispute")
    act_on_case(team.desk, case, "end_mediation", reason="未达成一致")
    assert _case(team, case).state == "TO_NOTIFY"  # back where it came from
    act_on_case(team.desk, case, "refer_dispute", referral_kind="court", authority="青浦区法院")
    row = _case(team, case)
    assert (row.state, row.referral_kind) == ("REFERRED", "court")


# -- service and deadlines -------------------------------------------------------------------


def test_the_defence_period_runs_from_the_time_of_service(
    team: Team, fair: str, clock: FakeClock
) -> None:
    case = _accepted(team)
    clock.advance(hours=2)  # 11:30 in Shanghai; the notice was handed over at 10:00
    act_on_case(team.desk, case, "notify", service_manner="in_person", served_at="2026-11-05 10:00")
    row = _case(team, case)
    assert row.served_at == datetime(2026, 11, 5, 2, 0, tzinfo=UTC)
    assert row.service_manner == "in_person"
    state = clocks.clocks_for_case(team.desk, case)
    defence = next(c for c in state if c.kind is ClockKind.DEFENCE)
    assert defence.started_at == datetime(2026, 11, 5, 2, 0, tzinfo=UTC)
    assert defence.due_at == datetime(2026, 11, 6, 2, 0, tzinfo=UTC)  # 24 h after service


def test_without_a_time_of_service_the_defence_clock_waits_for_the_proof_of_service(
    team: Team, fair: str, clock: FakeClock
) -> None:
    """CNIPA 2022 Art 14 (1): 24 h from the time of service, not from the desk's click; the
    overdue trigger cannot fire on a period that never started."""
    case = _accepted(team)
    act_on_case(team.desk, case, "notify")  # the notice is printed after this click
    assert _case(team, case).served_at is None
    assert [c.kind for c in clocks.clocks_for_case(team.desk, case)] == []
    clock.advance(hours=25)
    with pytest.raises(IllegalTransition, match="time of service of .* is not recorded"):
        act_on_case(team.desk, case, "mark_defence_overdue")
    # The proof of service comes back: served at 11:00 on the first day.
    act_on_case(
        team.desk, case, "record_service", service_manner="left_at_booth",
        served_at="2026-11-05 11:00",
    )  # fmt: skip
    row = _case(team, case)
    assert (row.served_at, row.service_manner) == (
        datetime(2026, 11, 5, 3, 0, tzinfo=UTC),
        "left_at_booth",
    )
    (defence,) = clocks.clocks_for_case(team.desk, case)
    assert defence.due_at == datetime(2026, 11, 6, 3, 0, tzinfo=UTC)
    with pytest.raises(IllegalTransition, match="is not over"):
        act_on_case(team.desk, case, "mark_defence_overdue")  # 10:30: due at 11:00
    with pytest.raises(IllegalTransition, match="was served at"):
        act_on_case(team.desk, case, "record_service", served_at="2026-11-05 12:00")
    clock.advance(hours=1)
    assert act_on_case(team.desk, case, "mark_defence_overdue").state == "DEFENCE_OVERDUE"


def test_the_time_of_service_is_recorded_only_with_a_time(team: Team, fair: str) -> None:
    case = _accepted(team)
    act_on_case(team.desk, case, "notify")
    with pytest.raises(MissingRequirement, match="needs the time of service"):
        act_on_case(team.desk, case, "record_service")
    with pytest.raises(MissingRequirement, match="before the complaint was accepted"):
        act_on_case(team.desk, case, "record_service", served_at="2026-11-05 08:00")


def test_served_in_the_minute_the_complaint_was_accepted_is_not_before_it(
    team: Team, fair: str, clock: FakeClock
) -> None:
    clock.advance(seconds=25)  # accepted at 09:30:25; the desk types 09:30
    case = _accepted(team)
    act_on_case(team.desk, case, "notify")
    act_on_case(
        team.desk, case, "record_service", service_manner="left_at_booth",
        served_at="2026-11-05 09:30",
    )  # fmt: skip
    assert _case(team, case).served_at == datetime(2026, 11, 5, 1, 30, tzinfo=UTC)


def test_a_time_of_service_in_the_future_is_refused(team: Team, fair: str) -> None:
    case = _accepted(team)
    with pytest.raises(MissingRequirement, match="is in the future"):
        act_on_case(team.desk, case, "notify", served_at="2026-11-05 23:00")


# -- the desk's further steps -------------------------------------------------------------------


def test_mediation_after_a_defence_returns_to_where_it_came_from(team: Team, fair: str) -> None:
    case = _accepted(team)
    act_on_case(team.desk, case, "notify")
    act_on_case(team.desk, case, "record_defence", summary="不侵权")
    act_on_case(team.desk, case, "start_mediation")
    assert act_on_case(team.desk, case, "end_mediation", reason="未成").state == "DEFENCE_RECEIVED"


def test_a_whole_complaint_is_withdrawn_before_acceptance(team: Team, fair: str) -> None:
    number, case = _complaint(team)
    act_on_complaint(team.desk, number, "withdraw", reason="双方和解")
    assert _case(team, case).state == "WITHDRAWN"


def test_a_second_request_to_supplement_starts_a_new_period(
    team: Team, fair: str, clock: FakeClock
) -> None:
    number, case = _complaint(team)
    act_on_complaint(team.desk, number, "request_supplement", missing_items="专利证书")
    clock.advance(hours=3)
    act_on_complaint(team.desk, number, "request_supplement", missing_items="法律状态证明")
    supplement = next(
        c for c in clocks.clocks_for_case(team.desk, case) if c.kind is ClockKind.SUPPLEMENT
    )
    assert supplement.started_at == clock.current


def test_a_decided_case_goes_to_market_regulation_and_its_result_is_kept(
    team: Team, fair: str
) -> None:
    case = _accepted(team)
    act_on_case(team.desk, case, "notify")
    act_on_case(team.desk, case, "decide_at_once", trigger="admission", admission="承认",
                legal_basis="Art 14")  # fmt: skip
    act_on_case(
        team.desk, case, "refer", referral_kind="market_regulation", authority="青浦区市监局"
    )
    act_on_case(team.organizer, case, "record_authority_result", authority_result="罚款五万元",
                result_on="2027-01-15")  # fmt: skip
    row = _case(team, case)
    assert (row.state, row.referral_kind) == ("REFERRED", "market_regulation")
    assert (row.authority_result, row.authority_result_on) == ("罚款五万元", date(2027, 1, 15))


def test_a_stationed_officer_decides_and_is_recorded(team: Team, fair: str) -> None:
    case = _accepted(team)
    act_on_case(team.desk, case, "notify")
    act_on_case(team.desk, case, "record_defence", summary="不侵权")
    act_on_case(team.desk, case, "begin_review")
    with pytest.raises(MissingRequirement, match="name the deciding organ"):
        act_on_case(team.officer, case, "decide_undetermined", reason="需鉴定")
    act_on_case(team.officer, case, "decide_undetermined", reason="需鉴定",
                deciding_organ="上海市知识产权局")  # fmt: skip
    row = _case(team, case)
    assert (row.decided_by_organ, row.decided_by_officer) == ("上海市知识产权局", "officer1")
    with pytest.raises(FairDeskError):
        act_on_case(team.by_role(Role.OFFICER), case, "refer", authority="x")


def test_exhibits_suspended_at_intake_and_kept_in_custody_are_handed_back(
    team: Team, fair: str, clock: FakeClock
) -> None:
    case = _accepted(team)
    act_on_case(team.desk, case, "suspend_display", reason="外观高度近似，先行暂停展出")
    with pytest.raises(IllegalTransition, match="already suspended"):
        act_on_case(team.desk, case, "suspend_display", reason="再次")
    act_on_case(team.desk, case, "notify")
    act_on_case(team.desk, case, "decide_at_once", trigger="admission", admission="承认",
                legal_basis="Art 14")  # fmt: skip
    act_on_case(team.desk, case, "order_remedy", measure="detain", storage_place="服务中心库房")
    clock.advance(hours=1)  # mid-fair: the goods stay in custody until the closing day
    with pytest.raises(IllegalTransition, match="until the fair closes"):
        act_on_case(team.desk, case, "return_detained", receipt="领回人：王某")
    clock.set(datetime(2026, 11, 10, 9, 0, tzinfo=UTC))  # 17:00 on the closing day: closed
    act_on_case(team.desk, case, "return_detained", receipt="领回人：王某")
    with team.desk.db.reading() as session:
        measures = session.query(Measure).order_by(Measure.id).all()
        assert [m.measure_type for m in measures] == ["suspend_display", "detain"]
        assert measures[1].returned_at == clock.current - timedelta(0)
    with pytest.raises(IllegalTransition, match="no exhibits in custody"):
        act_on_case(team.desk, case, "return_detained", receipt="再次")


def test_a_decision_taken_at_once_prints_as_infringement_found(
    team: Team, fair: str, tmp_path: Path
) -> None:
    from fairdesk.services.paper import documents
    from tests.unit.test_documents import pdf_text

    case = _accepted(team)
    act_on_case(team.desk, case, "notify")
    act_on_case(team.desk, case, "decide_at_once", trigger="admission", admission="承认",
                legal_basis="Art 14")  # fmt: skip
    info = documents.issue_document(team.desk, "decision", case, copy="respondent")
    text = pdf_text(documents.render_document(team.desk, info.number), tmp_path)
    assert "初步认定" in text and "无法认定" not in text
