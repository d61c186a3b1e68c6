"""Correcting and checking records from the command line: amend, visit, evidence, rules."""

# ruff: noqa: F811 (the fixtures imported from the other CLI tests are used as arguments)

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import select

from fairdesk.db.engine import Database
from fairdesk.db.models import AuditEvent, BoothVisit, Complaint, EvidenceFile
from fairdesk.domain.rules import RuleSet
from fairdesk.services.casework.case_detail import case_detail
from fairdesk.services.fair.fairs import get_fair
from fairdesk.services.inspection.patrols import VisitInput, record_visit, start_round
from tests.cli.test_workflow_cli import Run, _example, fair, run  # noqa: F401 (fixtures)
from tests.conftest import Team
from tests.helpers import FAIR
from tests.unit.test_amend import decided  # noqa: F401 (fixture)


def _visit(team: Team, finding: str = "suspected_infringement") -> str:
    round_ = start_round(team.inspector, FAIR, "4.1")
    return record_visit(
        team.inspector,
        VisitInput(round_uid=round_.uid, target="4.1A01", finding=finding, notes="疑似仿冒"),
    ).uid


def test_a_decision_is_corrected_with_its_reason(run: Run, team: Team, decided: str) -> None:
    code, out, err = run(
        "amend", "decision", decided, "--reason", "条款笔误", "--legal-basis", "第十四条"
    )
    assert code == 0, err
    assert "corrected legal_basis" in out
    assert case_detail(team.desk, decided).legal_basis == "第十四条"
    code, out, _ = run(
        "amend", "decision", decided, "--reason", "再改", "--legal-basis", "第十四条"
    )
    assert code == 0 and "nothing changed" in out


def test_a_correction_needs_a_field_and_the_deciders_role(
    run: Run, team: Team, decided: str
) -> None:
    code, _, err = run("amend", "decision", decided, "--reason", "x")
    assert code == 1 and "at least one field" in err
    code, _, err = run(
        "amend", "decision", decided, "--reason", "x", "--note", "n", user="inspector1"
    )
    assert code == 1 and err
    assert case_detail(team.desk, decided).decision_note != "n"


def test_a_finding_is_corrected_by_the_inspector(run: Run, team: Team, fair: str) -> None:
    uid = _visit(team, "nothing")
    code, out, err = run(
        "amend",
        "finding",
        uid,
        "--reason",
        "看错",
        "--finding",
        "patent_marking",
        user="inspector1",
    )
    assert code == 0, err
    with team.admin.db.reading() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "visit.amend")).one()
        assert event.after == {"finding": "patent_marking"} and event.reason == "看错"


def test_a_patrol_visit_becomes_a_complaint_once(
    run: Run, team: Team, fair: str, db: Database, tmp_path: Path
) -> None:
    uid = _visit(team)
    path = _example(run, tmp_path)
    code, out, err = run("complaint", "register", str(path), "--visit", uid)
    assert code == 0, err
    again = run("complaint", "register", str(path), "--visit", uid)
    assert again[0] == 0 and again[1] == out  # the same complaint, not a second one
    with db.reading() as session:
        complaint = session.scalars(select(Complaint)).one()
        visit = session.scalars(select(BoothVisit).where(BoothVisit.uid == uid)).one()
        assert visit.case_id == complaint.cases[0].id
        assert complaint.channel == "patrol"


def test_evidence_check_finds_a_changed_file(run: Run, team: Team, fair: str, db: Database) -> None:
    from fairdesk.services.inspection.evidence import PhotoInput, import_file

    info = import_file(team.desk, PhotoInput("photo.jpg", b"\xff\xd8 a photo \xff\xd9"))
    code, out, err = run("evidence", "check", info.sha256, user="admin")
    assert code == 0, err
    assert "intact" in out
    with db.writing() as session:
        row = session.scalars(select(EvidenceFile)).one()
        row.sha256 = hashlib.sha256(b"something else").hexdigest()
    code, out, _ = run("evidence", "check", user="admin")
    assert code == 1 and "photo.jpg" in out


def test_rule_numbers_change_with_a_reason(run: Run, team: Team, fair: str) -> None:
    code, out, err = run("rules", FAIR, "defence_hours=12", "--reason", "本届12小时", user="admin")
    assert code == 0, err
    assert get_fair(team.admin, FAIR).rules.defence_hours == 12
    code, _, err = run("rules", FAIR, "defence_hours=-1", user="admin")
    assert code == 1 and "defence_hours" in err
    code, _, err = run("rules", FAIR, "nonsense", user="admin")
    assert code == 1 and "NAME=VALUE" in err
    assert isinstance(get_fair(team.admin, FAIR).rules, RuleSet)
