"""Migrations from an empty database and from the first revision, on both backends."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from fairdesk.db import migrate, search_index
from fairdesk.db.engine import Database
from fairdesk.db.models import Base


def test_upgrade_from_empty_reaches_head_with_every_table(empty_db_url: str) -> None:
    db = Database(empty_db_url)
    try:
        assert migrate.current_revision(db) is None
        migrate.upgrade(db)
        assert migrate.current_revision(db) == migrate.head_revision()
        with db.engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
        assert set(Base.metadata.tables) <= tables
    finally:
        db.dispose()


def test_models_match_the_migrated_schema(empty_db_url: str) -> None:
    """A model change without a migration fails here."""
    db = Database(empty_db_url)
    try:
        migrate.upgrade(db)
        with db.engine.connect() as conn:
            diff = compare_metadata(
                MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata
            )
        # The search's trigram indexes are not modelled (fairdesk.db.search_index):
        # PostgreSQL's GIN indexes, SQLite's FTS5 table and its shadow tables.
        diff = [
            d
            for d in diff
            if not (d[0] == "remove_index" and d[1].name.endswith("_trgm"))
            and not (d[0] == "remove_table" and search_index.is_index_table(d[1].name))
        ]
        assert diff == []
    finally:
        db.dispose()


def test_upgrade_from_first_revision_keeps_data(empty_db_url: str) -> None:
    db = Database(empty_db_url)
    try:
        migrate.upgrade(db, "0001")
        with db.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO fairs (code, name, name_en, venue, start_date, end_date, "
                    "timezone, opening_time, closing_time, day_hours, halls, rules, "
                    "created_at, version) VALUES ('OLD2025', '旧展会', '', '', '2025-11-05', "
                    "'2025-11-10', 'Asia/Shanghai', '09:00:00', '17:00:00', '{}', '{}', '{}', "
                    ":now, 1)"
                ),
                {"now": datetime(2025, 1, 1)},
            )
        migrate.upgrade(db)
        assert migrate.current_revision(db) == migrate.head_revision()
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT code FROM fairs")).scalar_one() == "OLD2025"
            indexes = {i["name"] for i in inspect(conn).get_indexes("respondent_cases")}
        assert "ix_respondent_cases_fair_updated" in indexes
    finally:
        db.dispose()


@pytest.mark.skipif(bool(os.environ.get("FAIRDESK_TEST_DB")), reason="SQLite file backups")
def test_sqlite_file_is_backed_up_before_migrating(tmp_path: Path) -> None:
    path = tmp_path / "fairdesk.sqlite3"
    db = Database(f"sqlite:///{path}")
    try:
        migrate.upgrade(db, "0001")
        backup = migrate.upgrade(db)
        assert backup is not None and Path(backup).exists()
        check = Database(f"sqlite:///{backup}")
        assert migrate.current_revision(check) == "0001"
        check.dispose()
        assert migrate.upgrade(db) is None  # nothing to do: no new copy
    finally:
        db.dispose()


@pytest.mark.skipif(bool(os.environ.get("FAIRDESK_TEST_DB")), reason="SQLite fixture file")
def test_old_database_file_from_first_release_upgrades(tmp_path: Path) -> None:
    """A database written by revision 0001, kept in tests/data, opens and upgrades."""
    source = Path(__file__).parent.parent / "data" / "fairdesk-0001.sqlite3"
    path = tmp_path / "old.sqlite3"
    path.write_bytes(source.read_bytes())
    db = Database(f"sqlite:///{path}")
    try:
        assert migrate.current_revision(db) == "0001"
        migrate.upgrade(db)
        with db.engine.connect() as conn:
            fairs = conn.execute(text("SELECT code FROM fairs ORDER BY code")).scalars().all()
            cases = conn.execute(text("SELECT count(*) FROM respondent_cases")).scalar_one()
        assert fairs == ["OLD2025"] and cases == 2
    finally:
        db.dispose()


def test_sqlite_pragmas(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    try:
        with db.engine.connect() as conn:
            pragma = {
                name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
                for name in ("journal_mode", "foreign_keys", "synchronous", "busy_timeout")
            }
        assert pragma == {
            "journal_mode": "wal",
            "foreign_keys": 1,
            "synchronous": 2,
            "busy_timeout": 15000,
        }
    finally:
        db.dispose()


def test_stored_times_come_back_aware_utc(db: Database) -> None:
    from fairdesk.db.models import User

    moment = datetime(2026, 11, 5, 9, 30, 15, 123456, tzinfo=UTC)
    with db.writing() as session:
        session.add(User(username="t", role="desk", created_at=moment))
    with db.reading() as session:
        stored = session.query(User.created_at).filter_by(username="t").scalar()
    assert stored == moment and stored.tzinfo is UTC


def test_0007_puts_each_search_field_on_its_own_line(team) -> None:  # type: ignore[no-untyped-def]
    from alembic import command

    from fairdesk.services.intake.intake import register_complaint
    from tests.helpers import FAIR, complaint_input, make_fair

    make_fair(team.admin)
    register_complaint(team.desk, FAIR, complaint_input())
    db = team.desk.db

    def search_texts() -> list[str]:
        with db.engine.connect() as conn:
            return list(conn.scalars(text("SELECT search_text FROM respondent_cases")))

    fields = search_texts()[0]
    assert "\n" in fields and " | " not in fields
    with db.engine.begin() as conn:
        config = migrate._config()
        config.attributes["connection"] = conn
        command.downgrade(config, "0006")
    assert search_texts() == [fields.replace("\n", " | ")]
    migrate.upgrade(db)
    assert search_texts() == [fields]


def test_0013_drops_plain_private_keys_and_old_documents_still_verify(
    team,
    empty_db_url: str,  # type: ignore[no-untyped-def]
) -> None:
    """A database from before per-user keys: its plain private key goes, the document it
    signed (an FD1 code) stays genuine, before and after the root key certifies it."""
    import dataclasses
    import json

    from cryptography.hazmat.primitives import serialization

    from fairdesk.app_context import SYSTEM
    from fairdesk.documents import signing
    from fairdesk.documents.model import DocumentData
    from fairdesk.documents.summary import key_content
    from fairdesk.services.context import Context
    from fairdesk.services.intake.intake import register_complaint
    from fairdesk.services.paper import documents
    from fairdesk.services.trust import users
    from tests.helpers import FAIR, complaint_input, make_fair

    # A real snapshot to sign the old way (from this test's own, current database).
    make_fair(team.admin)
    reg = register_complaint(team.desk, FAIR, complaint_input())
    issued = documents.issue_document(team.desk, "complaint-form", reg.number)
    with team.desk.db.reading() as session:
        from fairdesk.db.models import IssuedDocument

        row = session.query(IssuedDocument).filter_by(number=issued.number).one()
        snapshot = DocumentData.from_dict(row.content["data"])
    old_data = dataclasses.replace(snapshot, root_fingerprint="", audit_event=0, audit_head="")
    private = signing.new_private()
    key_id = signing.key_id_of(signing.public_raw(private))
    signed = key_content(old_data, key_id)
    signature = signing.sign(private, signed)
    payload = signing.encode_payload(old_data.number, signature)
    pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()

    db = Database(empty_db_url)
    try:
        migrate.upgrade(db, "0007")
        now = datetime(2025, 11, 5)
        with db.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO fairs (code, name, name_en, venue, start_date, end_date, "
                    "timezone, opening_time, closing_time, day_hours, halls, rules, "
                    "created_at, version) VALUES (:code, '旧展会', '', '', '2026-11-05', "
                    "'2026-11-10', 'Asia/Shanghai', '09:00:00', '17:00:00', '{}', '{}', '{}', "
                    ":now, 1)"
                ),
                {"code": FAIR, "now": now},
            )
            conn.execute(
                text(
                    "INSERT INTO signing_keys (key_id, fair_id, algorithm, public_key, "
                    "private_key, created_at) VALUES (:k, NULL, 'ed25519', :pub, :pem, :now)"
                ),
                {"k": key_id, "pub": signing.public_b64(private), "pem": pem, "now": now},
            )
            conn.execute(
                text(
                    "INSERT INTO issued_documents (fair_id, kind, number, issued_at, "
                    "content_hash, signature, title, content, payload, key_id, revoke_reason) "
                    "VALUES ((SELECT id FROM fairs), 'complaint-form', :number, :now, :hash, "
                    ":sig, '投诉登记表', :content, :payload, :k, '')"
                ),
                {
                    "number": old_data.number,
                    "now": now,
                    "hash": "0" * 64,
                    "sig": signing.b64url(signature),
                    "content": json.dumps({"key": signed, "data": old_data.to_dict()}),
                    "payload": payload,
                    "k": key_id,
                },
            )
        migrate.upgrade(db)
        with db.engine.connect() as conn:
            columns = {c["name"] for c in inspect(conn).get_columns("signing_keys")}
            dump = repr(conn.execute(text("SELECT * FROM signing_keys")).all())
        assert "private_key" not in columns and "PRIVATE KEY" not in dump
        system = Context(db, SYSTEM)
        assert documents.verify(system, payload).status == "genuine"
        # The first administrator's password makes the root, which certifies the old key.
        users.add_user(system, "boss", "admin", "boss-pass-12")
        boss = users.sign_in(system, "boss", "boss-pass-12")
        assert documents.verify(boss, payload).status == "genuine"
        assert [k.kind for k in documents.list_keys(boss)] == ["legacy", "root"]
    finally:
        db.dispose()


def test_0015_links_exhibits_to_their_complaints_only_right(team) -> None:  # type: ignore[no-untyped-def]
    import sqlalchemy as sa
    from alembic import command
    from sqlalchemy import select

    from fairdesk.db.models import Fair
    from fairdesk.domain.rules import PRESETS
    from fairdesk.services.intake.intake import RightInput, register_complaint
    from tests.helpers import FAIR, complaint_input, make_fair

    make_fair(team.admin)
    register_complaint(team.desk, FAIR, complaint_input())  # one right
    two = complaint_input("4.1A02")
    two.rights.append(RightInput("trademark", "第12345678号"))
    register_complaint(team.desk, FAIR, two)  # two rights, exhibit names none
    db = team.desk.db

    def links() -> list[tuple[str, str]]:
        with db.engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT c.number, r.number FROM exhibit_rights er "
                    "JOIN accused_exhibits x ON x.id = er.exhibit_id "
                    "JOIN respondent_cases c ON c.id = x.case_id "
                    "JOIN ip_rights r ON r.id = er.right_id ORDER BY c.number"
                )
            )
            return [(a, b) for a, b in rows]

    assert links() == [("TEST2026-0001-1", "ZL202330123456.7")]
    with db.engine.begin() as conn:
        config = migrate._config()
        config.attributes["connection"] = conn
        command.downgrade(config, "0014")
    assert "exhibit_rights" not in inspect(db.engine).get_table_names()
    # A fair set up before: its stored rule set cites 2006 Art 7(3) for the decision.
    old = "展会知识产权保护办法 第七条第（三）项 / Measures (2006), Art. 7(3)"
    fairs = sa.table("fairs", sa.column("rules", sa.JSON))  # the schema at 0014
    with db.engine.begin() as conn:
        rules = dict(conn.scalars(sa.select(fairs.c.rules)).one())
        rules["legal_basis"] = {**rules["legal_basis"], "decision": old, "transfer": "kept"}
        del rules["legal_basis"]["decision_officer"]
        conn.execute(sa.update(fairs).values(rules=rules))
    migrate.upgrade(db)
    assert links() == [("TEST2026-0001-1", "ZL202330123456.7")]
    with db.reading() as session:
        basis = session.scalars(select(Fair)).one().rules["legal_basis"]
    assert basis["decision"] == PRESETS["cnipa-24h"].legal_basis["decision"]
    assert basis["decision_officer"] == PRESETS["cnipa-24h"].legal_basis["decision_officer"]
    assert basis["transfer"] == "kept"  # a text of the fair's own is left as it is


def test_0021_corrects_the_citations_a_fair_kept_as_its_preset_had_them(team) -> None:  # type: ignore[no-untyped-def]
    import importlib

    import sqlalchemy as sa
    from alembic import command
    from sqlalchemy import select

    from fairdesk.db.models import Fair
    from fairdesk.domain.rules import PRESETS
    from tests.helpers import make_fair

    make_fair(team.admin)
    db = team.desk.db
    revision = importlib.import_module(
        "fairdesk.db.migrations.versions.0021_corrected_citations"
    )
    changed = revision.CHANGED["cnipa-24h"]
    with db.engine.begin() as conn:
        config = migrate._config()
        config.attributes["connection"] = conn
        command.downgrade(config, "0020")
    fairs = sa.table("fairs", sa.column("rules", sa.JSON))
    with db.engine.begin() as conn:  # a fair set up before: the citations of then
        rules = dict(conn.scalars(sa.select(fairs.c.rules)).one())
        basis = dict(rules["legal_basis"])
        for key, (before, _after) in changed.items():
            if before is None:
                basis.pop(key, None)
            else:
                basis[key] = before
        basis["mediation"] = "本展会调解规则 / the fair's own mediation rules"  # edited
        rules["legal_basis"] = basis
        conn.execute(sa.update(fairs).values(rules=rules))
    migrate.upgrade(db)
    with db.reading() as session:
        basis = session.scalars(select(Fair)).one().rules["legal_basis"]
    now = PRESETS["cnipa-24h"].legal_basis
    for key in ("notice", "defence", "decision_not_found", "commitment"):
        assert basis[key] == now[key], key
    assert "第十四条" not in basis["notice"]  # the legal review's §1.1
    assert basis["mediation"] == "本展会调解规则 / the fair's own mediation rules"  # kept
