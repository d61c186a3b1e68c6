"""The PostgreSQL run leaves to the SQLite run only the tests that open no database."""

from __future__ import annotations

import pytest

from fairdesk.db.engine import Database
from tests.conftest import PG_URL, Team, touches_the_database


def test_a_test_with_a_database_runs_on_each_backend(
    db: Database, request: pytest.FixtureRequest
) -> None:
    assert touches_the_database(request.fixturenames)
    assert db.url.startswith("postgresql") == bool(PG_URL)


def test_a_test_with_a_signed_in_team_runs_on_each_backend(
    team: Team, request: pytest.FixtureRequest
) -> None:
    assert touches_the_database(request.fixturenames)


def test_a_test_without_a_database_is_left_to_the_sqlite_run(
    request: pytest.FixtureRequest,
) -> None:
    assert not touches_the_database(request.fixturenames)
    assert not PG_URL  # deselected on PostgreSQL: it would only repeat this run
