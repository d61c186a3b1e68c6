"""The fifth insider review: records a paper prints that were planted, deleted, moved
between records or renamed, and one honest step the check took for tampering."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, insert, select, update

from fairdesk.db.models import (
    AuditEvent,
    Complaint,
    EvidenceLink,
    IssuedDocument,
    Measure,
    RespondentCase,
    SigningKey,
    User,
)
from fairdesk.domain.enums import Role
from fairdesk.domain.errors import PermissionDenied
from fairdesk.services.casework.steps import act_on_case, act_on_complaint
from fairdesk.services.checks.audit_verify import verify_chain
from fairdesk.services.context import Actor
from fairdesk.services.handoff.evidence_package import export_evidence
from fairdesk.services.intake.intake import register_complaint
from fairdesk.services.paper import documents as docs
from fairdesk.services.trust import keys, row_check
from tests.conftest import Team
from tests.helpers import FAIR, complaint_input
from tests.security.test_appended_events import _append
from tests.security.test_attacks import _issue, _rechain
from tests.security.test_insider4_paper import _with_photos

REFUSED = "Nothing is signed: .*run fairdesk audit verify"


def _case_id(team: Team, number: str) -> int:
    with team.admin.db.reading() as session:
        return session.scalars(
            select(RespondentCase.id).where(RespondentCase.number == number)
        ).one()


def _plant_measure(team: Team, case_id: int, **values: Any) -> None:
    with team.admin.db.writing() as session:
        session.execute(
            insert(Measure).values(
                case_id=case_id,
                measure_type="cancel_participation",
                ordered_at=team.admin.now(),
                undertaking_signed=True,
                storage_place="",
                recheck_result="",
                note="",
                version=1,
                **values,
            )
        )


def _ordered(team: Team, number: str) -> None:
    act_on_case(team.desk, number, "order_remedy", measure="cover", undertaking_signed=True)


@pytest.mark.parametrize("given_id", [None, 0, -5])
def test_a_measure_nobody_ordered_is_reported_and_never_printed(
    team: Team, decided: str, given_id: int | None
) -> None:
    """Finding 1 (and 2: an id chosen below the first real one does not hide it)."""
    _ordered(team, decided)
    assert verify_chain(team.admin).ok
    _plant_measure(team, _case_id(team, decided), **({} if given_id is None else {"id": given_id}))
    problems = verify_chain(team.admin).problems
    assert any("measure" in p and "has no history at all" in p for p in problems)
    with pytest.raises(PermissionDenied, match=REFUSED):
        docs.issue_document(team.desk, "remedial-order", decided)


def test_a_measure_planted_before_any_was_ordered_is_reported(team: Team, decided: str) -> None:
    """No measure of the trail yet: the case's own birth says its measures have events."""
    _plant_measure(team, _case_id(team, decided), id=0)
    assert not verify_chain(team.admin).ok
    with pytest.raises(PermissionDenied, match="has no history at all"):
        _issue(team, decided)


def test_a_deleted_measure_is_reported_and_the_order_is_not_printed(
    team: Team, decided: str
) -> None:
    _ordered(team, decided)
    with team.admin.db.writing() as session:
        session.execute(delete(Measure).where(Measure.case_id == _case_id(team, decided)))
    problems = verify_chain(team.admin).problems
    assert any("measure" in p and "deleted behind" in p for p in problems)
    with pytest.raises(PermissionDenied, match="deleted behind"):
        _issue(team, decided)


def test_a_measure_moved_to_another_case_is_reported(team: Team, decided: str) -> None:
    _ordered(team, decided)
    other = register_complaint(team.desk, FAIR, complaint_input("4.1A02")).case_numbers[0]
    with team.admin.db.writing() as session:
        session.execute(update(Measure).values(case_id=_case_id(team, other)))
    problems = verify_chain(team.admin).problems
    assert any("case_id is" in p and "measure" in p for p in problems)
    with pytest.raises(PermissionDenied, match="case_id is"):
        _issue(team, decided)  # the measure's events name the complaint it was ordered in


@pytest.mark.parametrize("given_id", [0, -1])
def test_an_evidence_link_planted_under_a_low_id_is_reported(
    team: Team, decided: str, tmp_path: Path, given_id: int
) -> None:
    """Finding 2: a link with no event under a case born since links have events."""
    _with_photos(team, decided)
    other = register_complaint(team.desk, FAIR, complaint_input("4.1A02")).case_numbers[0]
    with team.admin.db.writing() as session:
        session.execute(
            insert(EvidenceLink).values(
                id=given_id,
                evidence_id=2,
                owner_type="case",
                owner_id=_case_id(team, other),
                caption="展台现场拍摄：展出侵权展品",
                purpose="before",
            )
        )
    problems = verify_chain(team.admin).problems
    assert any(f"evidence link {given_id} " in p and "no history at all" in p for p in problems)
    with pytest.raises(PermissionDenied, match="no history at all"):
        export_evidence(team.desk, other, tmp_path / "planted.zip")


def test_a_case_moved_under_another_complaint_is_reported(team: Team, decided: str) -> None:
    """Finding 3: the complainant a ruling names comes from the case's complaint."""
    refused = register_complaint(team.desk, FAIR, complaint_input("4.1A02"))
    with team.admin.db.reading() as session:
        other = session.scalars(select(Complaint.id).where(Complaint.number == refused.number))
        other_id = other.one()
    with team.admin.db.writing() as session:
        session.execute(
            update(RespondentCase)
            .where(RespondentCase.id == _case_id(team, decided))
            .values(complaint_id=other_id, seq=9)
        )
    problems = verify_chain(team.admin).problems
    assert any(f"complaint_id is '{other_id}'" in p for p in problems)
    with pytest.raises(PermissionDenied, match="complaint_id is"):
        _issue(team, decided)


@pytest.mark.parametrize(("column", "value"), [("kind", "commercial"), ("channel", "patrol")])
def test_a_complaints_kind_or_channel_changed_is_reported(
    team: Team, decided: str, column: str, value: str
) -> None:
    """Finding 6: an IP ruling re-laid as a commercial dispute, or "found on patrol"."""
    with team.admin.db.writing() as session:
        session.execute(update(Complaint).values({column: value}))
    problems = verify_chain(team.admin).problems
    assert any(f"{column} is '{value}'" in p for p in problems)
    with pytest.raises(PermissionDenied, match=f"{column} is '{value}'"):
        _issue(team, decided)


def _rename(team: Team, old: str, new: str) -> None:
    with team.admin.db.writing() as session:
        session.execute(update(User).where(User.username == old).values(username=new))


def test_an_account_renamed_to_act_as_someone_else_is_reported(team: Team, decided: str) -> None:
    """Finding 4: desk2 takes officer1's login for a moment, acts, and gives it back."""
    _rename(team, "officer1", "officer1~")
    _rename(team, "desk2", "officer1")
    problems = verify_chain(team.admin).problems
    assert any("username is 'officer1'" in p for p in problems)
    with pytest.raises(PermissionDenied, match="username is"):
        _issue(team, decided)
    # What was taken under the borrowed name stays visible once the names are back.
    # The name the app read at sign-in, for desk2's own account.
    borrowed = team.desk2.as_actor(Actor(team.desk2.actor.user_id, "officer1", Role.DESK))
    act_on_case(borrowed, decided, "order_remedy", measure="cover", reason="renamed")
    _rename(team, "officer1", "desk2")
    _rename(team, "officer1~", "officer1")
    problems = verify_chain(team.admin).problems
    assert any("names its author officer1" in p and "account desk2" in p for p in problems)
    with pytest.raises(PermissionDenied, match="names its author officer1"):
        _issue(team, decided)


def test_a_changed_display_name_is_reported_and_the_paper_refused(team: Team, decided: str) -> None:
    """Finding 5: a decision prints its officer by the display name."""
    with team.admin.db.writing() as session:
        session.execute(
            update(User)
            .where(User.username == "desk1")
            .values(display_name="上海市知识产权局派驻执法人员 李明")
        )
    problems = verify_chain(team.admin).problems
    assert any("display_name is '上海市知识产权局派驻执法人员 李明'" in p for p in problems)
    with pytest.raises(PermissionDenied, match="display_name is"):
        _issue(team, decided)


def test_an_honest_credit_referral_stays_quiet(team: Team, decided: str) -> None:
    """Finding 7: the referral's own legal basis is not the decision's."""
    act_on_case(
        team.desk,
        decided,
        "refer_credit",
        credit_finding="serious_infringement",
        legal_basis="《上海市会展业条例》第四十二条",
        reason="honest",
    )
    assert verify_chain(team.admin).ok
    _issue(team, decided)


def test_honest_measures_and_a_second_complaint_stay_quiet(team: Team, decided: str) -> None:
    act_on_case(team.desk, decided, "order_remedy", measure="detain", storage_place="库房 A")
    act_on_case(team.desk, decided, "record_undertaking", reason="signed")
    reg = register_complaint(team.desk, FAIR, complaint_input("4.1A02"))
    act_on_complaint(team.desk, reg.number, "accept")
    assert verify_chain(team.admin).ok
    docs.issue_document(team.desk, "remedial-order", decided)
    _issue(team, decided)


@pytest.mark.parametrize(
    ("column", "value", "named"),
    [("revoke_reason", "签发人员冒用", "revoke_reason"), ("superseded_by", 1, "superseded_by")],
)
def test_a_revocations_reason_or_successor_changed_is_reported(
    team: Team, decided: str, column: str, value: Any, named: str
) -> None:
    """Low point: what verify tells the holder of a revoked paper comes from its history."""
    first = _issue(team, decided)
    second = _issue(team, decided)
    docs.revoke(team.desk, second.number, "issued in error")
    assert verify_chain(team.admin).ok
    with team.admin.db.writing() as session:
        session.execute(
            update(IssuedDocument)
            .where(IssuedDocument.number == second.number)
            .values({column: value})
        )
    problems = verify_chain(team.admin).problems
    assert any(f"document {second.number}: {named} is" in p for p in problems), problems
    assert first.number != second.number


def test_only_an_administrators_key_revocation_counts(team: Team, decided: str) -> None:
    """Low point: a revocation event a desk user appended is not the key's revocation."""
    _issue(team, decided)
    with team.admin.db.reading() as session:
        key = session.scalars(
            select(SigningKey.id)
            .join(User, User.id == SigningKey.user_id)
            .where(User.username == "desk1", SigningKey.kind == keys.USER)
        ).one()
    _append(team, team.desk, "key.revoke", "signing_key", key, {"revoked_at": "2026-01-01"})
    with team.admin.db.reading() as session:
        assert row_check.accepted_event(session, "signing_key", key, "key.revoke") is None
    keys.revoke_user_key(team.admin, "desk1", "laptop lost")
    with team.admin.db.reading() as session:
        assert row_check.accepted_event(session, "signing_key", key, "key.revoke") is not None


def test_measures_and_links_of_a_database_of_before_stay_quiet(team: Team, decided: str) -> None:
    """Cases registered before their measures and links were born with events: those
    with no history are the old ones, not reported (the id rule still holds for links)."""
    _ordered(team, decided)
    _with_photos(team, decided)
    with team.admin.db.writing() as session:
        session.execute(
            delete(AuditEvent).where(AuditEvent.entity_type.in_(("measure", "evidence_link")))
        )
        for row in session.scalars(select(AuditEvent)):
            if isinstance(row.after, dict) and "births" in row.after:
                row.after = {k: v for k, v in row.after.items() if k != "births"}
    _rechain(team)
    assert verify_chain(team.admin).ok
    _issue(team, decided)
