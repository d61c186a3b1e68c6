"""The desk's case list: filters and sort orders the screens rely on."""

from __future__ import annotations

import pytest

from fairdesk.domain.errors import InvalidInput, NotFound
from fairdesk.services.casework.cases import (
    SORT_KEYS,
    CaseFilter,
    count_cases,
    list_cases,
    list_page,
)
from fairdesk.services.casework.steps import act_on_case, act_on_complaint
from fairdesk.services.intake.intake import RightInput, register_complaint
from tests.conftest import FakeClock, Team
from tests.helpers import FAIR, complaint_input, make_fair


@pytest.fixture
def numbers(team: Team, clock: FakeClock) -> list[str]:
    """Three cases: A01 notified first (due soonest), A02 notified an hour later, A03 not."""
    make_fair(team.admin)
    out = []
    for booth, right in [
        ("4.1A01", RightInput("trademark", "TM-1")),
        ("4.1A02", RightInput("design", "ZL-2")),
        ("4.1A03", RightInput("trademark", "TM-3")),
    ]:
        reg = register_complaint(team.desk, FAIR, complaint_input(booth, right=right))
        act_on_complaint(team.desk, reg.number, "accept")
        out.append(reg.case_numbers[0])
    act_on_case(team.desk, out[0], "notify", served_at=team.desk.now())
    clock.advance(hours=1)
    act_on_case(team.desk, out[1], "notify", served_at=team.desk.now())
    return out


def _numbers(team: Team, **kw: object) -> list[str]:
    return [r.number for r in list_cases(team.desk, CaseFilter(FAIR, **kw))]  # type: ignore[arg-type]


def test_sort_by_due_puts_cases_without_deadline_last(team: Team, numbers: list[str]) -> None:
    assert _numbers(team, sort="due") == numbers
    assert _numbers(team, sort="due", descending=True) == [numbers[1], numbers[0], numbers[2]]


def test_sort_by_booth_descending(team: Team, numbers: list[str]) -> None:
    assert _numbers(team, sort="booth", descending=True) == numbers[::-1]


def test_filter_by_ip_type(team: Team, numbers: list[str]) -> None:
    assert _numbers(team, ip_type="trademark") == [numbers[0], numbers[2]]
    assert _numbers(team, ip_type="design") == [numbers[1]]
    assert count_cases(team.desk, CaseFilter(FAIR, ip_type="copyright")) == 0


def test_due_within_and_overdue_follow_the_clock(
    team: Team, numbers: list[str], clock: FakeClock
) -> None:
    assert _numbers(team, due_within_hours=23.5) == [numbers[0]]
    clock.advance(hours=23, minutes=30)
    assert _numbers(team, overdue=True) == [numbers[0]]
    assert _numbers(team, due_within_hours=1) == [numbers[1]]


def test_every_sort_key_works(team: Team, numbers: list[str]) -> None:
    for key in SORT_KEYS:
        assert sorted(_numbers(team, sort=key)) == sorted(numbers)


def test_unknown_sort_key_is_refused(team: Team, numbers: list[str]) -> None:
    with pytest.raises(InvalidInput, match="Cannot sort by 'colour'"):
        _numbers(team, sort="colour")


def test_a_fair_code_naming_no_fair_is_refused_by_every_list_call(
    team: Team, numbers: list[str]
) -> None:
    flt = CaseFilter("NOFAIR2026")
    for call in (
        lambda: list_cases(team.desk, flt),
        lambda: list_cases(team.desk, flt, offset=5, limit=2),
        lambda: list_page(team.desk, flt),
        lambda: list_page(team.desk, flt, 200, 200),
        lambda: count_cases(team.desk, flt),
    ):
        with pytest.raises(NotFound, match="no fair with the code 'NOFAIR2026'"):
            call()
    # A known fair with nothing matching is an empty list, not an error.
    assert list_page(team.desk, CaseFilter(FAIR, search="no such case")) == (0, [])


@pytest.mark.parametrize("sort", SORT_KEYS)
def test_list_page_is_list_cases_and_count_cases_in_one_query(
    team: Team, numbers: list[str], sort: str
) -> None:
    filters = [
        CaseFilter(FAIR, sort=sort),
        CaseFilter(FAIR, sort=sort, descending=True),
        CaseFilter(FAIR, sort=sort, ip_type="trademark"),
        CaseFilter(FAIR, sort=sort, search="no such case"),
    ]
    for flt in filters:
        for offset, limit in [(0, 200), (0, 2), (1, 1), (2, 5), (3, 2), (9, 2)]:
            total, rows = list_page(team.desk, flt, offset, limit)
            assert total == count_cases(team.desk, flt)
            assert rows == list_cases(team.desk, flt, offset=offset, limit=limit)
    assert list_page(team.desk, CaseFilter(FAIR, ip_type="trademark"), 1, 5)[0] == 2
    with pytest.raises(InvalidInput):
        list_page(team.desk, CaseFilter(FAIR, sort="nonsense"))


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", SORT_KEYS)
def test_pages_fetched_after_a_row_are_the_list_in_order(
    team: Team, numbers: list[str], sort: str, descending: bool
) -> None:
    """Fetch by key (list_cases(after=row)) walks the same list as one query, with ties
    (the same state), cases without a value (no deadline, no assignee) and both orders."""
    for booths in (("4.1A01", "4.1A02"), ("4.1A03",), ("4.1A02", "4.1A03")):
        reg = register_complaint(team.desk, FAIR, complaint_input(*booths))
        act_on_complaint(team.desk, reg.number, "accept")
    flt = CaseFilter(FAIR, sort=sort, descending=descending)
    whole = list_cases(team.desk, flt)
    assert len(whole) == 8
    for size in (1, 2, 3):
        walked = list_cases(team.desk, flt, limit=size)
        while True:
            more = list_cases(team.desk, flt, limit=size, after=walked[-1])
            if not more:
                break
            walked += more
        assert [r.number for r in walked] == [r.number for r in whole], (sort, size)
