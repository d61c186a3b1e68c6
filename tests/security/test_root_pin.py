"""The root key pinned outside the database, and the fingerprint on paper as the last
word: an attacker with write access to the database (and perhaps the data folder)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import delete, select

from fairdesk.cli import main
from fairdesk.db.models import AuditEvent, SigningKey
from fairdesk.services.checks.audit_verify import verify_chain
from fairdesk.services.paper import documents as docs
from fairdesk.services.trust import keys, root_pin, users
from tests.conftest import Team
from tests.helpers import FAIR, complaint_input, make_fair


def _issued(team: Team) -> docs.IssuedInfo:
    from fairdesk.services.casework.steps import act_on_complaint
    from fairdesk.services.intake.intake import register_complaint

    make_fair(team.admin)
    reg = register_complaint(team.desk, FAIR, complaint_input())
    act_on_complaint(team.desk, reg.number, "accept")
    return docs.issue_document(team.desk, "complaint-form", reg.number)


def test_the_root_is_pinned_at_installation_in_an_owner_only_file(team: Team) -> None:
    path = root_pin.pin_path()
    assert root_pin.pinned(team.admin.db.url) == keys.root_fingerprint(team.admin) != ""
    if os.name != "nt":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_removed_root_is_not_made_again_over_the_pin(team: Team) -> None:
    info = _issued(team)
    with team.admin.db.writing() as session:
        session.execute(delete(SigningKey).where(SigningKey.kind == "root"))
    again = users.sign_in(team.admin, "admin", "admin-pass-1")  # used to make a new root
    assert again.keyring.root is None and keys.root_fingerprint(team.admin) == ""
    assert docs.verify(team.organizer, info.payload).status == "forged"
    assert any("root key is missing" in p for p in verify_chain(team.admin).problems)


def test_cli_verify_and_audit_verify_take_the_printed_fingerprint(
    team: Team, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    info = _issued(team)
    printed = keys.root_fingerprint(team.admin)
    monkeypatch.setenv("FAIRDESK_PASSWORD", "organizer1-pass-1")
    base = ["--db", team.admin.db.url, "--user", "organizer1"]
    assert main([*base, "verify", info.payload, "--root", printed]) == 0
    other = root_pin.normalize("0" * 32)
    assert main([*base, "verify", info.payload, "--root", other]) == 1
    assert "does not chain to the fingerprint given" in capsys.readouterr().err
    assert main([*base, "audit", "verify", "--root", printed]) == 0
    assert main([*base, "audit", "verify", "--root", other]) == 1
    assert f"the fingerprint given is {other}" in capsys.readouterr().err
    assert main([*base, "verify", info.payload, "--root", "not a fingerprint"]) == 1
    assert "is not a root key fingerprint" in capsys.readouterr().err


def test_keys_pin_needs_the_fingerprint_of_the_database_root(
    team: Team, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    printed = keys.root_fingerprint(team.admin)
    root_pin.forget(team.admin.db.url)  # a new desk PC: nothing pinned yet
    monkeypatch.setenv("FAIRDESK_PASSWORD", "admin-pass-1")
    base = ["--db", team.admin.db.url, "--user", "admin"]
    assert main([*base, "keys", "pin", "0" * 32]) == 1
    assert "not pinned" in capsys.readouterr().err
    assert root_pin.pinned(team.admin.db.url) == printed  # a sign-in pins what it finds
    root_pin.write(team.admin.db.url, "1" * 32)  # a wrong pin, on a desk PC
    monkeypatch.setattr(keys.root_pin, "pin_after_commit", lambda *a: None)  # no first use
    assert main([*base, "keys", "pin", printed.lower()]) == 0
    assert root_pin.pinned(team.admin.db.url) == printed
    with team.admin.db.reading() as session:
        found = session.scalar(select(AuditEvent.after).where(AuditEvent.action == "key.pin"))
    assert found == {"fingerprint": printed}


def test_the_about_box_says_when_the_root_is_not_the_pinned_one(team: Team, qtbot) -> None:  # type: ignore[no-untyped-def]
    from fairdesk.ui.common.about_dialog import AboutDialog

    found = keys.root_fingerprint(team.admin)
    dialog = AboutDialog(team.admin)
    qtbot.addWidget(dialog)
    assert dialog.root_label.text() == found
    root_pin.write(team.admin.db.url, "2" * 32)
    other = AboutDialog(team.admin)
    qtbot.addWidget(other)
    other.show()
    assert other.root_label.text().startswith(f"{found}: NOT the root key pinned")
    assert root_pin.normalize("2" * 32) in other.root_label.text()
