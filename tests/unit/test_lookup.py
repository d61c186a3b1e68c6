"""Read services of the intake form (fairdesk.services.intake.lookup) and the materials list."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from fairdesk.domain import materials
from fairdesk.domain.enums import IPType
from fairdesk.services.casework.steps import act_on_case, act_on_complaint
from fairdesk.services.fair.exhibitors import upsert_exhibitors
from fairdesk.services.fair.fairs import fair_by_code
from fairdesk.services.intake.intake import PartyInput, RightInput, register_complaint
from fairdesk.services.intake.lookup import (
    exhibitors_at_booth,
    number_key,
    prior_complaints,
    search_exhibitors,
    search_parties,
    search_rights,
    supplement_deadline,
)
from tests.conftest import Team
from tests.helpers import FAIR, complaint_input, exhibitor, make_fair

EARLIER = "TEST2025"
SHANGHAI = ZoneInfo("Asia/Shanghai")


def add_exhibitors(team: Team, code: str, *records) -> None:  # type: ignore[no-untyped-def]
    with team.admin.db.writing() as session:
        upsert_exhibitors(session, fair_by_code(session, code).id, records, team.admin.now())


def booths(hits) -> list[str]:  # type: ignore[no-untyped-def]
    return [h.booth for h in hits]


# -- exhibitors -----------------------------------------------------------------------------


def test_booth_prefix_finds_exhibitors_in_booth_order(team: Team) -> None:
    make_fair(team.admin, exhibitors=12)
    hits = search_exhibitors(team.desk, FAIR, "4.1a0")
    assert booths(hits) == [f"4.1A0{i}" for i in range(1, 10)]
    first = hits[0]
    assert (first.name_zh, first.name_en, first.country, first.hall) == (
        "测试展商1有限公司",
        "Test Exhibitor 1 GmbH",
        "德国",
        "4.1",
    )
    assert first.booths == ("4.1A01",)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("４．１Ａ０３", ["4.1A03"]),  # full-width, as a Chinese input method types it
        ("4.1 a 04", ["4.1A04"]),
        ("4.1A1", ["4.1A10", "4.1A11", "4.1A12"]),
        ("exhibitor 2", ["4.1A02"]),
        ("TEST EXHIBITOR 11", ["4.1A11"]),
        ("展商5", ["4.1A05"]),
        ("%", []),
        ("_", []),
        ("   ", []),
        ("4.1Z", []),
    ],
)
def test_search_exhibitors_by_booth_or_name(team: Team, typed: str, expected: list[str]) -> None:
    make_fair(team.admin, exhibitors=12)
    assert booths(search_exhibitors(team.desk, FAIR, typed)) == expected


def test_search_exhibitors_respects_the_limit_and_lists_booth_hits_first(team: Team) -> None:
    make_fair(team.admin, exhibitors=12)
    # "1" is a booth prefix of nothing (booths start with 4) but in every English name.
    assert len(search_exhibitors(team.desk, FAIR, "test", limit=5)) == 5
    add_exhibitors(team, FAIR, exhibitor(40, "4.1B01"))
    names = [h.name_en for h in search_exhibitors(team.desk, FAIR, "4.1B")]
    assert names == ["Test Exhibitor 40 GmbH"]


def test_shared_booth_gives_one_hit_per_exhibitor(team: Team) -> None:
    make_fair(team.admin, exhibitors=3)
    add_exhibitors(team, FAIR, exhibitor(9, "4.1A01"))
    hits = search_exhibitors(team.desk, FAIR, "4.1A01")
    assert [(h.booth, h.name_zh) for h in hits] == [
        ("4.1A01", "测试展商1有限公司"),
        ("4.1A01", "测试展商9有限公司"),
    ]
    assert [h.name_zh for h in exhibitors_at_booth(team.desk, FAIR, "4.1a01")] == [
        "测试展商1有限公司",
        "测试展商9有限公司",
    ]
    assert exhibitors_at_booth(team.desk, FAIR, "4.1A0") == []
    assert exhibitors_at_booth(team.desk, FAIR, "") == []


def test_search_exhibitors_stays_in_its_fair(team: Team) -> None:
    make_fair(team.admin, exhibitors=3)
    make_fair(team.admin, code=EARLIER, start=date(2025, 11, 5), end=date(2025, 11, 10))
    add_exhibitors(team, EARLIER, exhibitor(77, "9.9Z99"))
    assert search_exhibitors(team.desk, FAIR, "9.9Z") == []
    assert booths(search_exhibitors(team.desk, EARLIER, "9.9Z")) == ["9.9Z99"]


# -- parties and rights --------------------------------------------------------------------------


def test_search_parties_finds_complainants_and_agents_seen_before(team: Team) -> None:
    make_fair(team.admin)
    data = complaint_input(agent=True)
    data.complainant = PartyInput(
        "示例品牌股份有限公司", "Example Brand Co., Ltd.", id_doc_no="91310000MA1FL0XX1X"
    )
    register_complaint(team.desk, FAIR, data)
    assert [p.name for p in search_parties(team.desk, "示例品牌")] == ["示例品牌股份有限公司"]
    assert [p.name_en for p in search_parties(team.desk, "example brand")] == [
        "Example Brand Co., Ltd."
    ]
    assert [p.name for p in search_parties(team.desk, "Law firm")] == ["示例律师事务所"]
    assert [p.name for p in search_parties(team.desk, "91310000")] == ["示例品牌股份有限公司"]
    assert len(search_parties(team.desk, "示例")) == 2
    assert search_parties(team.desk, "示例", limit=1)[0].name == "示例品牌股份有限公司"
    assert search_parties(team.desk, "nobody") == []
    assert search_parties(team.desk, "") == []


def test_search_rights_by_number_title_or_holder_with_validity(team: Team) -> None:
    make_fair(team.admin)
    for right in (
        RightInput("design", "ZL202330123456.7", "座椅", "示例品牌", valid_until=date(2038, 1, 1)),
        RightInput(
            "trademark", "12345678", "BLUEWAVE", "Blue Wave Ltd", valid_until=date(2024, 3, 1)
        ),
        RightInput("invention_patent", "US10000001", "Pump", "Pump Inc", jurisdiction="US"),
    ):
        register_complaint(team.desk, FAIR, complaint_input(right=right))
    (design,) = search_rights(team.desk, "zl 2023 3012")
    assert (design.ip_type, design.title, design.holder) == ("design", "座椅", "示例品牌")
    today = date(2026, 11, 5)
    assert design.valid_in_china_on(today) and design.problem_on(today) is None
    (mark,) = search_rights(team.desk, "bluewave")
    assert not mark.valid_in_china_on(today)
    assert mark.problem_on(today) == "Expired on 2024-03-01."
    assert mark.valid_in_china_on(date(2024, 3, 1))
    (pump,) = search_rights(team.desk, "pump inc")
    assert (
        pump.problem_on(today) == "Registered in US: not valid in China (2022 Guidelines Art 12)."
    )
    assert [r.number for r in search_rights(team.desk, "示例")] == ["ZL202330123456.7"]
    # Numbers that start with the text come before numbers that merely contain it.
    assert [r.number for r in search_rights(team.desk, "1")][:2] == ["12345678", "US10000001"]
    assert search_rights(team.desk, "%") == []


def test_number_key() -> None:
    assert number_key(" zl 2023 3012 3456.7 ") == "ZL202330123456.7"
    assert number_key("ＺＬ２０２３") == "ZL2023"


# -- the duplicate warning ----------------------------------------------------------------------


@pytest.fixture
def earlier_edition(team: Team) -> str:
    """Last year's fair, where the same complainant complained about exhibitor 1 on the
    same design patent, and the case ended with an infringement finding."""
    make_fair(team.admin)
    make_fair(team.admin, code=EARLIER, start=date(2025, 11, 5), end=date(2025, 11, 10))
    data = complaint_input("4.1A01", "4.1A02")
    data.received_at = datetime(2025, 11, 6, 2, 0, tzinfo=UTC)
    reg = register_complaint(team.desk, EARLIER, data)
    act_on_complaint(team.desk, reg.number, "accept")
    act_on_case(team.desk, reg.case_numbers[0], "withdraw", reason="和解")
    return reg.number


def ids_at(team: Team, *booths: str) -> list[int]:
    return [exhibitors_at_booth(team.desk, FAIR, b)[0].id for b in booths]


def test_repeat_of_an_earlier_edition_is_found_with_its_outcome(
    team: Team, earlier_edition: str
) -> None:
    found = prior_complaints(
        team.desk, FAIR, "示例品牌股份有限公司", ["zl202330123456.7"], ids_at(team, "4.1A01")
    )
    assert len(found) == 1
    prior = found[0]
    assert (prior.number, prior.fair_code, prior.same_fair, prior.state) == (
        earlier_edition,
        EARLIER,
        False,
        "ACCEPTED",
    )
    assert prior.received_at == datetime(2025, 11, 6, 2, 0, tzinfo=UTC)
    assert prior.rights == ("ZL202330123456.7",)
    # Only the case against the same respondent, with its outcome.
    assert [(c.number, c.exhibitor, c.state) for c in prior.cases] == [
        (f"{earlier_edition}-1", "测试展商1有限公司", "WITHDRAWN")
    ]


@pytest.mark.parametrize(
    ("complainant", "rights", "booths"),
    [
        ("另一家公司", ["ZL202330123456.7"], ["4.1A01"]),  # another complainant
        ("示例品牌股份有限公司", ["ZL999"], ["4.1A01"]),  # another right
        ("示例品牌股份有限公司", ["ZL202330123456.7"], ["4.1A03"]),  # another respondent
        ("", ["ZL202330123456.7"], ["4.1A01"]),
        ("示例品牌股份有限公司", ["ZL202330123456.7"], []),
    ],
)
def test_no_warning_unless_complainant_right_and_respondent_all_repeat(
    team: Team, earlier_edition: str, complainant: str, rights: list[str], booths: list[str]
) -> None:
    assert prior_complaints(team.desk, FAIR, complainant, rights, ids_at(team, *booths)) == []


def test_complainant_name_matches_in_any_spelling_of_its_legal_form(
    team: Team, earlier_edition: str
) -> None:
    found = prior_complaints(
        team.desk, FAIR, " 示例品牌 股份有限公司 ", ["ZL202330123456.7"], ids_at(team, "4.1A02")
    )
    assert [c.number for c in found[0].cases] == [f"{earlier_edition}-2"]


def test_earlier_respondent_matched_by_credit_code_despite_a_new_name(team: Team) -> None:
    make_fair(team.admin, exhibitors=0)
    make_fair(
        team.admin, code=EARLIER, start=date(2025, 11, 5), end=date(2025, 11, 10), exhibitors=0
    )
    add_exhibitors(team, EARLIER, exhibitor(1, "1.1A01", credit="91310000AAAA"))
    renamed = exhibitor(2, "2.2B02", credit="91310000AAAA")  # new name, same company
    add_exhibitors(team, FAIR, renamed)
    reg = register_complaint(team.desk, EARLIER, complaint_input("1.1A01"))
    act_on_complaint(team.desk, reg.number, "reject", reason_code="no_standing")
    found = prior_complaints(
        team.desk, FAIR, "示例品牌股份有限公司", ["ZL202330123456.7"], ids_at(team, "2.2B02")
    )
    assert [(p.number, p.state, p.reject_reason) for p in found] == [
        (reg.number, "REJECTED", "no_standing")
    ]
    assert found[0].cases[0].state == "CLOSED"


def test_earlier_complaint_at_this_fair_counts_and_later_editions_do_not(team: Team) -> None:
    make_fair(team.admin)
    make_fair(team.admin, code="TEST2027", start=date(2027, 11, 5), end=date(2027, 11, 10))
    here = register_complaint(team.desk, FAIR, complaint_input("4.1A01"))
    register_complaint(team.desk, "TEST2027", complaint_input("4.1A01"))
    found = prior_complaints(
        team.desk, FAIR, "示例品牌股份有限公司", ["ZL202330123456.7"], ids_at(team, "4.1A01")
    )
    assert [(p.number, p.same_fair, p.state) for p in found] == [(here.number, True, "DRAFT")]


def test_without_rights_only_complainant_and_respondent_are_compared(
    team: Team, earlier_edition: str
) -> None:
    found = prior_complaints(team.desk, FAIR, "示例品牌股份有限公司", [], ids_at(team, "4.1A01"))
    assert [p.number for p in found] == [earlier_edition]


# -- supplement deadline ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rules", "due", "hours"),
    [
        ("cnipa-24h", datetime(2026, 11, 6, 9, 30, tzinfo=SHANGHAI), 24.0),
        ("huabo-4h", datetime(2026, 11, 5, 13, 30, tzinfo=SHANGHAI), 4.0),
    ],
)
def test_supplement_deadline_follows_the_rule_set(
    team: Team, rules: str, due: datetime, hours: float
) -> None:
    make_fair(team.admin, rules=rules)
    deadline = supplement_deadline(team.desk, FAIR)
    assert deadline.due_at == due and deadline.hours == hours
    assert deadline.due_at.utcoffset() == due.utcoffset()  # shown in the fair's time zone
    assert not deadline.capped_at_close


def test_supplement_deadline_is_capped_at_fair_close(team: Team, clock) -> None:  # type: ignore[no-untyped-def]
    make_fair(team.admin)
    clock.set(datetime(2026, 11, 10, 7, 0, tzinfo=UTC))  # last day, 15:00 in Shanghai
    deadline = supplement_deadline(team.desk, FAIR)
    assert deadline.capped_at_close
    assert deadline.due_at == datetime(2026, 11, 10, 17, 0, tzinfo=SHANGHAI)


# -- materials (pure) -------------------------------------------------------------------------


def keys(items) -> list[str]:  # type: ignore[no-untyped-def]
    return [m.key for m in items]


@pytest.mark.parametrize(
    ("types", "agent", "expected"),
    [
        (
            ["design"],
            False,
            ["identity", "patent_certificate", "patent_publication", "legal_status",
             "patent_no_dispute", "respondent_details", "evidence"],
        ),
        (["trademark"], True,
         ["identity", "trademark_registration", "respondent_details", "evidence",
          "power_of_attorney"]),
        (["copyright"], False, ["identity", "authorship", "respondent_details", "evidence"]),
        (["other"], False, ["identity", "right_proof", "respondent_details", "evidence"]),
        # Two patents need the patent papers once; order follows the types, not the input.
        (
            ["trademark", "utility_model", "invention_patent"],
            False,
            ["identity", "patent_certificate", "patent_publication", "legal_status",
             "patent_no_dispute", "trademark_registration", "respondent_details", "evidence"],
        ),
        ([], False, ["identity", "respondent_details", "evidence"]),
    ],
)  # fmt: skip
def test_checklist_per_type_of_right(types: list[str], agent: bool, expected: list[str]) -> None:
    assert keys(materials.checklist(types, agent=agent)) == expected


def test_a_licensee_files_its_contract_and_a_simple_one_the_owners_authorisation() -> None:
    owner = keys(materials.checklist(["trademark"], agent=False, licences=["owner"]))
    exclusive = keys(materials.checklist(["trademark"], agent=False, licences=["exclusive"]))
    simple = keys(materials.checklist(["trademark"], agent=False, licences=["simple"]))
    assert "licence_contract" not in owner
    assert "licence_contract" in exclusive and "owner_authorisation" not in exclusive
    assert {"licence_contract", "owner_authorisation"} <= set(simple)


def test_every_type_has_proof_of_right_and_bilingual_labels() -> None:
    assert set(materials.PROOF_OF_RIGHT) == set(IPType)
    for m in materials.ALL_MATERIALS:
        assert m.zh and m.en and m.label == f"{m.zh} / {m.en}" and m.basis
    assert len(materials.BY_KEY) == len(materials.ALL_MATERIALS)


def test_unknown_type_is_refused() -> None:
    with pytest.raises(ValueError):
        materials.checklist(["patent"], agent=False)


def test_ticks_missing_and_notice_text() -> None:
    items = materials.checklist(["trademark"], agent=True)
    ticks = materials.ticks_of(items, ["identity", "evidence", "not_on_the_list"])
    assert ticks == {
        "identity": True,
        "trademark_registration": False,
        "respondent_details": False,
        "evidence": True,
        "power_of_attorney": False,
    }
    missing = materials.missing(items, ticks)
    assert keys(missing) == ["trademark_registration", "respondent_details", "power_of_attorney"]
    assert materials.missing_text(missing).splitlines()[0] == (
        "商标注册证明 / Trademark registration certificate"
    )


@pytest.mark.parametrize(
    ("jurisdiction", "valid_from", "valid_until", "problem"),
    [
        ("CN", None, None, None),
        ("cn", date(2020, 1, 1), date(2026, 11, 5), None),
        ("中国", None, None, None),
        ("", None, None, None),
        ("CN", None, date(2026, 11, 4), "Expired on 2026-11-04."),
        ("CN", date(2026, 11, 6), None, "Not in force before 2026-11-06."),
        ("us", None, None, "Registered in US: not valid in China (2022 Guidelines Art 12)."),
        ("HK", None, None, "Registered in HK: not valid in China (2022 Guidelines Art 12)."),
    ],
)
def test_right_problem(
    jurisdiction: str, valid_from: date | None, valid_until: date | None, problem: str | None
) -> None:
    on = date(2026, 11, 5)
    assert materials.right_problem(jurisdiction, valid_from, valid_until, on) == problem
    assert materials.valid_in_china_on(jurisdiction, valid_from, valid_until, on) is (
        problem is None
    )


def test_normalize_jurisdiction() -> None:
    assert materials.normalize_jurisdiction(" China ") == "CN"
    assert materials.normalize_jurisdiction("ｅｕ") == "EU"
