"""Text that looks like SQL, HTML or a formula is stored and shown literally; the search
box takes anything a person (or a scanner) can type."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from fairdesk.services.casework.cases import (
    CaseFilter,
    last_change,
    list_cases,
    search_needle,
    timeline,
)
from fairdesk.services.intake.intake import ExhibitInput, PartyInput, register_complaint
from tests.conftest import Team
from tests.helpers import complaint_input, make_fair

TRICKY = [
    "Robert'); DROP TABLE respondent_cases;--",
    "<script>alert('x')</script>",
    '=HYPERLINK("http://evil.example","click")',
    "+cmd|' /C calc'!A0",
    "100% _match_ \\ backslash",
    "名称\u200b带零宽字符",
    "nul\x00inside",
]


@pytest.fixture
def fair(team: Team) -> str:
    return make_fair(team.admin)


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_text_is_stored_and_found_literally(team: Team, fair: str, text: str) -> None:
    data = complaint_input()
    data.complainant = PartyInput(text)
    data.respondents[0].exhibits = [ExhibitInput(text)]
    reg = register_complaint(team.desk, fair, data)
    (row,) = list_cases(team.desk, CaseFilter(fair, search=text))
    stored = text.replace("\x00", "")  # a NUL means nothing; both backends drop it
    assert row.complainant == stored and row.number == reg.case_numbers[0]
    events = timeline(team.desk, row.number)
    assert events[0].after is not None and events[0].after["exhibits"] == [stored]


def test_like_wildcards_are_not_wildcards(team: Team, fair: str) -> None:
    register_complaint(team.desk, fair, complaint_input())
    assert list_cases(team.desk, CaseFilter(fair, search="%")) == []
    assert list_cases(team.desk, CaseFilter(fair, search="_")) == []
    assert len(list_cases(team.desk, CaseFilter(fair, search="0001"))) == 1


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=60))
@example("\x00")
@example("a\x00b")
@example("|")  # once the separator between fields: it found every case
def test_search_box_takes_anything(team: Team, fair: str, text: str) -> None:
    if not last_change(team.desk) or not list_cases(team.desk, CaseFilter(fair)):
        register_complaint(team.desk, fair, complaint_input())
    rows = list_cases(team.desk, CaseFilter(fair, search=text))
    needle = search_needle(text.replace("\x00", ""))
    assert all(
        needle in r.number.lower()
        or needle in r.complainant.lower()
        or needle in r.exhibitor_zh.lower()
        or needle in r.exhibitor_en.lower()
        or needle in r.booth.lower()
        or needle in "zl202330123456.7"
        or needle in r.complaint_number.lower()
        or needle in "example brand co., ltd."
        for r in rows
    )


def test_last_change_moves_with_every_change(team: Team, fair: str) -> None:
    before = last_change(team.organizer)
    register_complaint(team.desk, fair, complaint_input())
    assert last_change(team.organizer) > before


def test_text_longer_than_its_column_is_refused_with_the_limit(team: Team, fair: str) -> None:
    """The same clear refusal on SQLite (which would store it) and PostgreSQL (which
    would fail with an unreadable error), and nothing is written."""
    from fairdesk.domain.errors import InvalidInput

    data = complaint_input()
    data.complainant = PartyInput("长" * 501, "x")
    with pytest.raises(InvalidInput, match="is 501 characters long; at most 500 fit"):
        register_complaint(team.desk, fair, data)
    assert list_cases(team.desk, CaseFilter(fair)) == []
