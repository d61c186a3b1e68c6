"""The verifier takes anything a scanner or a paste can produce and never says "genuine"
to a code that was not issued exactly as it is."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from fairdesk.services.casework.steps import act_on_case, act_on_complaint
from fairdesk.services.intake.intake import register_complaint
from fairdesk.services.paper.documents import issue_document, verify
from tests.conftest import Team
from tests.helpers import FAIR, complaint_input, make_fair

STATUSES = {"genuine", "forged", "altered", "unknown", "revoked", "malformed"}


@pytest.fixture
def payload(team: Team) -> str:
    make_fair(team.admin)
    reg = register_complaint(team.desk, FAIR, complaint_input())
    act_on_complaint(team.desk, reg.number, "accept")
    act_on_case(team.desk, reg.case_numbers[0], "notify")
    return issue_document(team.desk, "complaint-notice", reg.case_numbers[0]).payload


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=200))
@example("FD1..")
@example("FD1.TEST2026-D000001.")
@example("\x00FD1.")
def test_any_text_gets_an_answer_never_genuine(team: Team, payload: str, text: str) -> None:
    result = verify(team.organizer, text)
    assert result.status in STATUSES and result.message
    assert not result.ok or text.strip() == payload


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.integers(min_value=0), st.characters(codec="ascii", exclude_characters="\r\n"))
def test_any_one_character_change_is_refused(
    team: Team, payload: str, position: int, char: str
) -> None:
    i = position % len(payload)
    changed = payload[:i] + char + payload[i + 1 :]
    result = verify(team.organizer, changed)
    assert result.ok is (changed == payload)


def test_the_last_signature_character_cannot_be_respelled(team: Team, payload: str) -> None:
    """Its spare bits make several spellings decode to the same bytes; only one is valid."""
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    for char in alphabet.replace(payload[-1], ""):
        assert not verify(team.organizer, payload[:-1] + char).ok
