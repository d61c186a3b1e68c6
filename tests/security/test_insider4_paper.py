"""The fourth insider review, findings 1 and 2: what a signed paper prints can no longer
be changed with a plain SQL UPDATE (or INSERT, DELETE) and then signed as genuine."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, insert, select, update

from fairdesk.db.models import (
    AuditEvent,
    Complaint,
    EvidenceFile,
    EvidenceLink,
    Party,
    RespondentCase,
)
from fairdesk.domain.errors import PermissionDenied
from fairdesk.services.checks.audit_verify import verify_chain
from fairdesk.services.handoff.evidence_package import export_evidence
from fairdesk.services.inspection import evidence
from fairdesk.services.inspection.evidence import PhotoInput
from fairdesk.services.intake.intake import register_complaint
from fairdesk.services.paper import documents as docs
from fairdesk.services.trust import paper_state
from tests.conftest import Team
from tests.helpers import FAIR, complaint_input
from tests.security.test_attacks import _issue, _rechain
from tests.unit.test_handoffs import _png

FORGED_NOTE = "被投诉人当场承认侵权，并同意赔偿投诉人人民币伍拾万元。"


def _row_id(team: Team, model: Any, number: str) -> int:
    """The case's id, or its complainant's."""
    with team.admin.db.reading() as session:
        case = session.scalars(select(RespondentCase).where(RespondentCase.number == number)).one()
        return case.complaint.complainant_id if model is Party else case.id


# The attacker's UPDATEs of finding 1: (table, column, value, what the report names).
_FORGERIES: list[tuple[Any, str, str, str]] = [
    (RespondentCase, "decision_note", FORGED_NOTE, "decision_note"),
    (RespondentCase, "decided_by_officer", "officer1", "decided_by_officer"),
    (RespondentCase, "decided_by_organ", "上海市知识产权局", "decided_by_organ"),
    (RespondentCase, "defence_summary", "被投诉人承认侵权", "defence_summary"),
    (Party, "name", "真实设计集团有限公司", "complainant.name"),
    (Party, "address", "上海市某路1号", "complainant.address"),
]


@pytest.mark.parametrize(("model", "column", "value", "named"), _FORGERIES)
def test_a_printed_column_changed_by_update_is_reported_and_never_signed(
    team: Team, decided: str, model: Any, column: str, value: str, named: str
) -> None:
    _issue(team, decided)  # an honest print first: nothing to report
    assert verify_chain(team.admin).ok
    row_id = _row_id(team, model, decided)
    with team.admin.db.writing() as session:
        session.execute(update(model).where(model.id == row_id).values({column: value}))
    report = verify_chain(team.admin)
    assert not report.ok
    assert any(f"{named} is '{value}' in the database" in p for p in report.problems)
    with pytest.raises(PermissionDenied, match=f"{named} is '{value}'.*run fairdesk audit verify"):
        _issue(team, decided)
    assert len(docs.list_documents(team.desk, decided)) == 1  # nothing more was registered


def test_an_honest_correction_and_a_second_complaint_of_the_same_party_stay_quiet(
    team: Team, decided: str
) -> None:
    from fairdesk.services.casework.amend import amend_decision

    amend_decision(team.officer, decided, "复核更正", decision_note="经复核，维持原认定。")
    register_complaint(team.desk, FAIR, complaint_input("4.1A02"))  # the same complainant
    _issue(team, decided)
    assert verify_chain(team.admin).ok


def test_records_of_before_their_printed_columns_were_recorded_stay_quiet(
    team: Team, decided: str
) -> None:
    """A history with no printed state compares nothing of it (databases of before)."""
    with team.admin.db.writing() as session:
        for row in session.scalars(select(AuditEvent)):
            if isinstance(row.after, dict) and "paper" in row.after:
                row.after = {k: v for k, v in row.after.items() if k != "paper"}
    _rechain(team)
    with team.admin.db.writing() as session:
        session.execute(
            update(RespondentCase)
            .where(RespondentCase.number == decided)
            .values(decision_note="changed")
        )
    assert verify_chain(team.admin).ok
    _issue(team, decided)


def _with_photos(team: Team, number: str) -> list[int]:
    """Two photos on the case, as an inspector and a desk import them; their link ids."""
    for n, colour in enumerate(((10, 20, 30), (40, 50, 60))):
        evidence.import_file(
            team.inspector,
            PhotoInput(f"IMG_000{n + 1}.png", _png(colour)),
            owner_type="case",
            owner=number,
            purpose="before",
            caption=f"展台现场 {n + 1}",
        )
    with team.admin.db.reading() as session:
        return list(session.scalars(select(EvidenceLink.id).order_by(EvidenceLink.id)))


def test_an_evidence_link_deleted_or_recaptioned_and_a_file_reattributed_are_reported(
    team: Team, decided: str, tmp_path: Path
) -> None:
    first, second = _with_photos(team, decided)
    export_evidence(team.desk, decided, tmp_path / "honest.zip")
    assert verify_chain(team.admin).ok
    with team.admin.db.writing() as session:
        session.execute(delete(EvidenceLink).where(EvidenceLink.id == second))
        session.execute(
            update(EvidenceLink).where(EvidenceLink.id == first).values(caption="booth empty")
        )
        session.execute(
            update(EvidenceFile)
            .where(EvidenceFile.id == 1)
            .values(original_name="booth_empty.png", captured_by=team.officer.actor.user_id)
        )
    problems = verify_chain(team.admin).problems
    assert any(f"evidence link {second}" in p and "deleted behind" in p for p in problems)
    assert any("caption is 'booth empty'" in p for p in problems)
    assert any("original_name is 'booth_empty.png'" in p for p in problems)
    assert any("captured_by is" in p for p in problems)
    with pytest.raises(PermissionDenied, match="run fairdesk audit verify"):
        export_evidence(team.desk, decided, tmp_path / "forged.zip")
    assert not (tmp_path / "forged.zip").exists()


def test_a_deleted_evidence_file_is_reported(team: Team, decided: str) -> None:
    _with_photos(team, decided)
    with team.admin.db.writing() as session:
        session.execute(delete(EvidenceLink).where(EvidenceLink.evidence_id == 2))
        session.execute(delete(EvidenceFile).where(EvidenceFile.id == 2))
    problems = verify_chain(team.admin).problems
    assert any("evidence file 2 (IMG_0002.png)" in p and "deleted behind" in p for p in problems)


def test_a_link_planted_with_an_insert_is_reported_and_not_exported(
    team: Team, decided: str, tmp_path: Path
) -> None:
    _with_photos(team, decided)
    other = register_complaint(team.desk, FAIR, complaint_input("4.1A02")).case_numbers[0]
    with team.admin.db.writing() as session:
        other_id = session.scalar(select(RespondentCase.id).where(RespondentCase.number == other))
        session.execute(
            insert(EvidenceLink).values(
                evidence_id=2,
                owner_type="case",
                owner_id=other_id,
                caption="侵权展品",
                purpose="before",
            )
        )
    problems = verify_chain(team.admin).problems
    assert any("has no history at all" in p and "evidence link" in p for p in problems)
    with pytest.raises(PermissionDenied, match="evidence link"):
        export_evidence(team.desk, other, tmp_path / "planted.zip")


def test_the_printed_state_is_one_function_for_both_sides(team: Team, decided: str) -> None:
    """What the steps record is what the check compares: the same function, the row's
    values (a decided case records its officer and reasons)."""
    with team.admin.db.reading() as session:
        case = session.scalars(select(RespondentCase).where(RespondentCase.number == decided)).one()
        state = paper_state.case_paper(case)
        last = session.scalars(
            select(AuditEvent)
            .where(AuditEvent.entity_type == "case", AuditEvent.entity_id == case.id)
            .order_by(AuditEvent.id.desc())
            .limit(1)
        ).one()
        complaint = session.get_one(Complaint, case.complaint_id)
        assert last.after is not None and last.after["paper"] == state
        assert state["decided_by_officer"] == "desk1"
        assert paper_state.complaint_paper(complaint)["complainant.name"]
