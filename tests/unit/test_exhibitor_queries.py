"""A fair's exhibitor list (search, paging, sorting) and one company across editions."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from fairdesk.domain.errors import InvalidInput, NotFound
from fairdesk.services.casework.steps import act_on_case, act_on_complaint
from fairdesk.services.fair.exhibitor_queries import (
    SORT_KEYS,
    count_exhibitors_matching,
    exhibitor_history,
    list_exhibitors,
)
from fairdesk.services.fair.exhibitors import find_by_booth, upsert_exhibitors
from fairdesk.services.fair.fairs import fair_by_code
from fairdesk.services.intake.intake import register_complaint
from tests.conftest import FakeClock, Team
from tests.helpers import FAIR, complaint_input, exhibitor, make_fair

OLD = "OLD2025"
CREDIT = "91310000MA1FL0XX1X"


def _add(team: Team, fair_code: str, *records) -> None:  # type: ignore[no-untyped-def]
    with team.admin.db.writing() as session:
        fair = fair_by_code(session, fair_code)
        upsert_exhibitors(session, fair.id, list(records), team.admin.now())


def _id_at(team: Team, fair_code: str, booth: str) -> int:
    return find_by_booth(team.desk, fair_code, booth)[0].id


@pytest.fixture
def fair(team: Team) -> str:
    return make_fair(team.admin, exhibitors=5)


def test_lists_every_exhibitor_with_its_booths(team: Team, fair: str) -> None:
    rows = list_exhibitors(team.desk, fair)
    assert [r.name_zh for r in rows] == [f"测试展商{n}有限公司" for n in range(1, 6)]
    assert rows[0].name_en == "Test Exhibitor 1 GmbH"
    assert rows[0].booths == (("4.1", "4.1A01"),)
    assert rows[0].halls == ("4.1",) and rows[0].booth_numbers == ("4.1A01",)
    assert (rows[0].country, rows[0].country_en, rows[0].cases) == ("德国", "Germany", 0)
    assert count_exhibitors_matching(team.desk, fair) == 5


def test_pages(team: Team, fair: str) -> None:
    first = list_exhibitors(team.desk, fair, offset=0, limit=2)
    second = list_exhibitors(team.desk, fair, offset=2, limit=2)
    last = list_exhibitors(team.desk, fair, offset=4, limit=2)
    names = [r.name_en for r in (*first, *second, *last)]
    assert names == [f"Test Exhibitor {n} GmbH" for n in range(1, 6)]
    assert list_exhibitors(team.desk, fair, offset=5, limit=2) == []


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("展商3", [3]),  # Chinese substring
        ("test exhibitor 2", [2]),  # English, any case
        ("GMBH", [1, 2, 3, 4, 5, 6]),
        ("4.1a04", [4]),  # booth, normalised
        ("４.１Ａ０５", [5]),  # full-width booth typed with a Chinese input method
        ("4.1 A 02", [2]),  # booth with stray spaces
        ("  Exhibitor 1 ", [1]),  # surrounding spaces
        ("MA1FL0", [6]),  # part of a credit code
        ("91310000ma1fl0xx1x", [6]),  # a whole credit code, lower case
        ("%", []),  # LIKE wildcards are plain characters
        ("_", []),
        ("nobody", []),
        ("", [1, 2, 3, 4, 5, 6]),
    ],
)
def test_search(team: Team, fair: str, search: str, expected: list[int]) -> None:
    _add(team, fair, exhibitor(6, "5.2B10", hall="5.2", credit=CREDIT))
    rows = list_exhibitors(team.desk, fair, search)
    assert [int(r.name_en.split()[2]) for r in rows] == expected
    assert count_exhibitors_matching(team.desk, fair, search) == len(expected)


def test_counts_cases_per_exhibitor(team: Team, fair: str) -> None:
    for booths in (("4.1A01",), ("4.1A01", "4.1A03")):
        reg = register_complaint(team.desk, fair, complaint_input(*booths))
        act_on_complaint(team.desk, reg.number, "accept")
    cases = {r.booth_numbers[0]: r.cases for r in list_exhibitors(team.desk, fair)}
    assert cases == {"4.1A01": 2, "4.1A02": 0, "4.1A03": 1, "4.1A04": 0, "4.1A05": 0}
    by_cases = list_exhibitors(team.desk, fair, sort="cases", descending=True)
    assert [r.booth_numbers[0] for r in by_cases[:2]] == ["4.1A01", "4.1A03"]


@pytest.mark.parametrize("sort", SORT_KEYS)
def test_every_sort_key_works_both_ways(team: Team, fair: str, sort: str) -> None:
    up = list_exhibitors(team.desk, fair, sort=sort)
    down = list_exhibitors(team.desk, fair, sort=sort, descending=True)
    assert len(up) == len(down) == 5


def test_sort_by_booth(team: Team, fair: str) -> None:
    rows = list_exhibitors(team.desk, fair, sort="booth", descending=True)
    assert [r.booth_numbers[0] for r in rows] == [f"4.1A{n:02d}" for n in range(5, 0, -1)]


def test_bad_requests_say_what_is_wrong(team: Team, fair: str) -> None:
    with pytest.raises(InvalidInput, match="Cannot sort exhibitors by 'colour'"):
        list_exhibitors(team.desk, fair, sort="colour")
    with pytest.raises(InvalidInput, match="offset and a limit of zero or more"):
        list_exhibitors(team.desk, fair, offset=-1)
    with pytest.raises(NotFound, match="There is no fair with the code 'NOPE'"):
        list_exhibitors(team.desk, "NOPE")
    with pytest.raises(NotFound, match="There is no exhibitor with the id 99999"):
        exhibitor_history(team.desk, 99999)


# --- history across editions ------------------------------------------------------------


@pytest.fixture
def two_editions(team: Team, clock: FakeClock) -> str:
    """Last year's fair, where the exhibitor at 4.1A01 was found infringing, and this year's."""
    clock.set(datetime(2025, 11, 5, 1, 30, tzinfo=UTC))
    make_fair(team.admin, code=OLD, start=date(2025, 11, 5), end=date(2025, 11, 10), exhibitors=3)
    _add(team, OLD, exhibitor(9, "8.1C01", hall="8.1", credit=CREDIT))
    reg = register_complaint(team.desk, OLD, complaint_input("4.1A01", "8.1C01"))
    act_on_complaint(team.desk, reg.number, "accept")
    first, second = reg.case_numbers
    act_on_case(team.desk, first, "notify")
    act_on_case(team.desk, first, "record_defence", summary="答辩")
    act_on_case(team.desk, first, "begin_review")
    act_on_case(
        team.desk,
        first,
        "decide_infringing",
        reason="理由",
        trigger="merits",
        legal_basis="Art 14",
    )
    act_on_case(team.desk, first, "order_remedy", measure="cover")
    act_on_case(team.desk, second, "withdraw", reason="撤回")
    clock.set(datetime(2026, 11, 5, 1, 30, tzinfo=UTC))
    make_fair(team.admin, exhibitors=2)
    # This year the credit-code company has moved and its English name changed.
    renamed = exhibitor(9, "6.1D02", hall="6.1", credit=CREDIT)
    _add(team, FAIR, renamed.__class__(**{**_fields(renamed), "name_en": "Renamed Co."}))
    return FAIR


def _fields(record) -> dict:  # type: ignore[no-untyped-def]
    return {f: getattr(record, f) for f in record.__slots__}


def test_history_by_name_across_two_editions(team: Team, two_editions: str) -> None:
    history = exhibitor_history(team.desk, _id_at(team, FAIR, "4.1A01"))
    assert history.matched_by == "name"
    assert [e.fair_code for e in history.editions] == [FAIR, OLD]  # newest first
    now, then = history.editions
    assert now.cases == () and now.booths == ("4.1A01",)
    assert then.start_date == date(2025, 11, 5)
    (case,) = then.cases
    assert case.number == f"{OLD}-0001-1"
    assert case.outcome == "REMEDY_ORDERED" and case.measures == ("cover",)
    assert case.decision_trigger == "merits" and case.decided_at is not None
    assert case.complainant == "示例品牌股份有限公司"
    assert case.rights == ("design ZL202330123456.7",)
    assert history.total_cases == 1


def test_history_by_credit_code_follows_a_renamed_company(team: Team, two_editions: str) -> None:
    history = exhibitor_history(team.desk, _id_at(team, FAIR, "6.1D02"))
    assert history.matched_by == "credit code" and history.credit_code == CREDIT
    assert [(e.fair_code, e.booths, e.name_en) for e in history.editions] == [
        (FAIR, ("6.1D02",), "Renamed Co."),
        (OLD, ("8.1C01",), "Test Exhibitor 9 GmbH"),
    ]
    assert [c.outcome for c in history.editions[1].cases] == ["WITHDRAWN"]


def test_history_from_the_old_edition_sees_the_new_one(team: Team, two_editions: str) -> None:
    history = exhibitor_history(team.desk, _id_at(team, OLD, "4.1A01"))
    assert [e.fair_code for e in history.editions] == [FAIR, OLD]


def test_same_name_with_another_credit_code_is_another_company(
    team: Team, two_editions: str
) -> None:
    _add(team, FAIR, exhibitor(9, "7.1E01", hall="7.1", credit="91440000XXXXXXXX9Y"))
    history = exhibitor_history(team.desk, _id_at(team, FAIR, "7.1E01"))
    assert [e.fair_code for e in history.editions] == [FAIR]
    assert history.total_cases == 0


def test_a_complaint_not_accepted_shows_the_complaints_outcome(team: Team, fair: str) -> None:
    reg = register_complaint(team.desk, fair, complaint_input("4.1A02"))
    act_on_complaint(team.desk, reg.number, "reject", reason_code="no_standing")
    (edition,) = exhibitor_history(team.desk, _id_at(team, fair, "4.1A02")).editions
    assert [(c.state, c.outcome) for c in edition.cases] == [("CLOSED", "REJECTED")]


def _named(n: int, booth: str, name_zh: str, name_en: str, credit: str = ""):  # type: ignore[no-untyped-def]
    record = exhibitor(n, booth, credit=credit)
    fields = {**_fields(record), "name_zh": name_zh, "name_en": name_en}
    fields["identity"] = f"{record.identity}-{n}"
    return record.__class__(**fields)


@pytest.mark.parametrize(
    ("then", "now", "same"),
    [
        (("蓝海电器有限公司", "Blue Ocean Appliances S.A."), ("蓝海电器有限公司",
         "BLUE OCEAN APPLIANCES SA"), True),
        (("蓝海电器有限公司", "Blue Ocean Appliances S.A."), ("蓝海电器有限公司", ""), True),
        (("", "Blue Ocean Appliances S.A."), ("蓝海电器有限公司", "Blue Ocean Appliances S.A."),
         True),
        # Two companies of one list that differ only by legal form stay apart.
        (("蓝海电器有限公司", "Blue Ocean Appliances S.A."), ("蓝海电器有限公司",
         "Blue Ocean Appliances Co., Ltd."), False),
        (("蓝海电器有限公司", ""), ("蓝海电器股份有限公司", ""), False),
        (("蓝海电器有限公司", ""), ("", "Blue Ocean Appliances S.A."), False),
    ],
)  # fmt: skip
def test_names_must_agree_where_both_lists_give_them(
    team: Team, then: tuple[str, str], now: tuple[str, str], same: bool
) -> None:
    make_fair(team.admin, code=OLD, start=date(2025, 11, 5), end=date(2025, 11, 10), exhibitors=0)
    make_fair(team.admin, exhibitors=0)
    _add(team, OLD, _named(1, "1.1A01", *then))
    _add(team, FAIR, _named(2, "2.1B02", *now))
    history = exhibitor_history(team.desk, _id_at(team, FAIR, "2.1B02"))
    assert [e.fair_code for e in history.editions] == ([FAIR, OLD] if same else [FAIR])


def test_a_credit_code_in_one_list_only_still_matches_by_name(team: Team) -> None:
    make_fair(team.admin, code=OLD, start=date(2025, 11, 5), end=date(2025, 11, 10), exhibitors=0)
    make_fair(team.admin, exhibitors=0)
    _add(team, OLD, _named(1, "1.1A01", "蓝海电器有限公司", "Blue Ocean S.A."))
    _add(team, FAIR, _named(2, "2.1B02", "蓝海电器有限公司", "Blue Ocean S.A.", credit=CREDIT))
    history = exhibitor_history(team.desk, _id_at(team, FAIR, "2.1B02"))
    assert history.matched_by == "credit code"
    assert [e.fair_code for e in history.editions] == [FAIR, OLD]
