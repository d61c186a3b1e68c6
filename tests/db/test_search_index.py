"""The search's trigram index (fairdesk.db.search_index) on both backends: present after
migrating, kept in step with the cases, the same answers as without it, optional."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, text, update

from fairdesk.cli import main
from fairdesk.db import migrate, search_index
from fairdesk.db.engine import Database
from fairdesk.db.models import RespondentCase
from fairdesk.services.casework import cases as cases_service
from fairdesk.services.casework.cases import CaseFilter, count_cases, list_cases
from fairdesk.services.intake.intake import RightInput, register_complaint
from tests.conftest import Team
from tests.helpers import FAIR, complaint_input, make_fair

FTS = search_index.FTS_TABLE
PIECES = ["zl2023", "tm-77", "a03", "4.1a0", "示例", "示例品牌", "example brand", "brand co",
          "ltd", "a0", "co", "x", '"', "%", "_", "no such case", "0001-1", "001"]  # fmt: skip


@pytest.fixture
def cases(team: Team) -> list[str]:
    make_fair(team.admin)
    out = []
    for booth, right in [
        ("4.1A01", RightInput("trademark", "TM-77")),
        ("4.1A02", RightInput("design", "ZL202330123456.7")),
        ("4.1A03", RightInput("trademark", 'TM "8" 100%_off')),
    ]:
        out += register_complaint(team.desk, FAIR, complaint_input(booth, right=right)).case_numbers
    return out


@pytest.fixture
def run(tmp_path: Path, db: Database, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    def _run(*args: str) -> tuple[int, str, str]:
        code = main(["--db", db.url, "--data-dir", str(tmp_path / "data"), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def _texts(db: Database) -> dict[str, str]:
    with db.reading() as session:
        rows = session.execute(select(RespondentCase.number, RespondentCase.search_text))
        return {number: value for number, value in rows}


def _found(team: Team, piece: str) -> list[str]:
    return [r.number for r in list_cases(team.desk, CaseFilter(FAIR, search=piece))]


def test_the_index_is_there_after_migrating(db: Database) -> None:
    status = migrate.search_index_status(db)
    assert status.present
    assert status.kind == ("fts5 trigram" if db.is_sqlite else "pg_trgm")


@pytest.mark.parametrize("cap", [cases_service.FTS_MAX_MATCHES, 1])
def test_search_finds_exactly_the_cases_holding_the_piece(
    team: Team, cases: list[str], cap: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the FTS5 table (few cases hold the piece) or the fair's cases (cap 1: many)."""
    monkeypatch.setattr(cases_service, "FTS_MAX_MATCHES", cap)
    texts = _texts(team.desk.db)
    for piece in [*PIECES, 'tm "8" 100%_off', '8" 100']:
        expected = sorted(n for n, t in texts.items() if piece in t)
        assert _found(team, piece) == expected, piece
        assert count_cases(team.desk, CaseFilter(FAIR, search=piece)) == len(expected)


def test_the_index_follows_changed_cases(team: Team, cases: list[str]) -> None:
    with team.desk.db.writing() as session:
        session.execute(
            update(RespondentCase)
            .where(RespondentCase.number == cases[0])
            .values(search_text="renamed exhibitor\n新名字")
        )
    assert _found(team, "renamed exh") == [cases[0]]
    assert _found(team, "新名字") == [cases[0]]
    assert cases[0] not in _found(team, "tm-77")
    if team.desk.db.is_sqlite:  # FTS5's own check that the index matches its content
        with team.desk.db.engine.begin() as conn:
            conn.execute(text(f"INSERT INTO {FTS}({FTS}) VALUES ('integrity-check')"))


def _drop_index(db: Database) -> None:
    with db.engine.begin() as conn:
        if db.is_sqlite:
            search_index.drop(conn)
        else:
            conn.execute(text(f"DROP INDEX {search_index.PG_INDEX}"))


def test_without_the_index_the_search_finds_the_same_and_status_says_why(
    team: Team,
    cases: list[str],
    run,  # type: ignore[no-untyped-def]
) -> None:
    with_index = {piece: _found(team, piece) for piece in PIECES}
    _drop_index(team.desk.db)
    assert {piece: _found(team, piece) for piece in PIECES} == with_index
    code, out, _ = run("db", "status")
    assert code == 0
    assert "search index: missing, searches read every case of the fair" in out
    assert ("SQLite 3.34" if team.desk.db.is_sqlite else "CREATE EXTENSION pg_trgm") in out
    code, out, _ = run("db", "upgrade")  # builds the index the server can build now
    assert code == 0
    kind = "fts5 trigram" if team.desk.db.is_sqlite else "pg_trgm"
    assert f"search index: {kind}" in out
    assert {piece: _found(team, piece) for piece in PIECES} == with_index


def test_a_server_that_cannot_build_the_index_goes_on_without_it(db: Database) -> None:
    """The failed statement rolls back its savepoint only: the migration carries on."""
    with db.engine.begin() as conn:
        conn.execute(text("CREATE TABLE kept (x INTEGER)"))
        assert not search_index._try(conn, ("CREATE TABLE nothing (",), "a test")
        conn.execute(text("INSERT INTO kept VALUES (1)"))
    with db.engine.connect() as conn:
        assert conn.scalar(text("SELECT count(*) FROM kept")) == 1
