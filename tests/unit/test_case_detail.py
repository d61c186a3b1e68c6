"""case_detail: everything the case view shows, read in one go (SQLite and PostgreSQL)."""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from fairdesk.db.models import EvidenceFile, EvidenceLink, RespondentCase
from fairdesk.domain import workflow
from fairdesk.domain.errors import NotFound
from fairdesk.domain.rules import NATIONAL_LEGAL_BASIS, SHANGHAI_LEGAL_BASIS
from fairdesk.services.casework.case_detail import CaseDetail, case_detail
from fairdesk.services.casework.steps import act_on_case, act_on_complaint
from fairdesk.services.intake.intake import RightInput, register_complaint
from tests.conftest import FakeClock, Team
from tests.helpers import FAIR, complaint_input, make_fair


@pytest.fixture
def fair(team: Team) -> str:
    return make_fair(team.admin)


def attach_evidence(team: Team, number: str) -> str:
    """Attach a booth photo to the case's first exhibit, and a scan to an unrelated case
    id; returns the photo's SHA-256. (No evidence service yet: rows written directly.)"""
    sha = hashlib.sha256(b"booth photo").hexdigest()
    other = hashlib.sha256(b"someone else's scan").hexdigest()
    with team.desk.db.writing() as session:
        case = session.scalars(select(RespondentCase).where(RespondentCase.number == number)).one()
        photo = EvidenceFile(
            sha256=sha,
            size=11,
            mime="image/jpeg",
            original_name="booth-photo.jpg",
            captured_at=datetime(2026, 11, 5, 2, 0, tzinfo=UTC),
            imported_at=datetime(2026, 11, 5, 2, 5, tzinfo=UTC),
            captured_by=team.inspector.actor.user_id,
        )
        scan = EvidenceFile(
            sha256=other, size=5, original_name="", imported_at=datetime(2026, 11, 5, tzinfo=UTC)
        )
        session.add_all([photo, scan])
        session.flush()
        session.add_all(
            [
                EvidenceLink(
                    evidence_id=photo.id,
                    owner_type="exhibit",
                    owner_id=case.exhibits[0].id,
                    caption="chair at the booth",
                    purpose="before",
                ),
                EvidenceLink(evidence_id=scan.id, owner_type="case", owner_id=case.id + 1000),
            ]
        )
    return sha


def test_a_fresh_case(team: Team, fair: str) -> None:
    reg = register_complaint(team.desk, FAIR, complaint_input("4.1A01", "4.1A02", agent=True))
    d = case_detail(team.desk, reg.case_numbers[0])
    assert isinstance(d, CaseDetail)
    assert (d.number, d.state, d.version) == (f"{FAIR}-0001-1", "TO_NOTIFY", 1)
    assert (d.fair_code, d.fair_name, d.fair_timezone) == (FAIR, "测试博览会", "Asia/Shanghai")
    c = d.complaint
    assert (c.number, c.kind, c.channel, c.state) == (f"{FAIR}-0001", "ip", "desk", "DRAFT")
    assert c.received_at == datetime(2026, 11, 5, 1, 30, tzinfo=UTC)
    assert c.accepted_at is None and c.commitment_signed and not c.power_of_attorney
    assert (d.complainant.name, d.complainant.name_en) == (
        "示例品牌股份有限公司",
        "Example Brand Co., Ltd.",
    )
    assert d.agent is not None and d.agent.name == "示例律师事务所"
    (right,) = d.rights
    assert (right.ip_type, right.number, right.title, right.holder) == (
        "design",
        "ZL202330123456.7",
        "座椅",
        "示例品牌",
    )
    assert right.valid_until == date(2038, 1, 1)
    assert (right.expired, right.not_yet_valid, right.valid_in_china) == (False, False, True)
    r = d.respondent
    assert (r.name_zh, r.name_en, r.country_en) == (
        "测试展商1有限公司",
        "Test Exhibitor 1 GmbH",
        "Germany",
    )
    assert [(b.hall, b.booth_no) for b in r.booths] == [("4.1", "4.1A01")]
    assert (d.hall, d.booth_no) == ("4.1", "4.1A01")
    assert [(x.name, x.model, x.quantity) for x in d.exhibits] == [("椅子", "X-1", 2)]
    assert d.measures == () and d.evidence == ()
    assert [(s.number, s.state, s.booth_no) for s in d.siblings] == [
        (f"{FAIR}-0001-2", "TO_NOTIFY", "4.1A02")
    ]
    assert d.legal_basis_texts == dict(SHANGHAI_LEGAL_BASIS)
    assert not d.defence_marked_overdue


def test_the_decision_and_measures_with_their_recheck(team: Team, fair: str) -> None:
    reg = register_complaint(team.desk, FAIR, complaint_input())
    act_on_complaint(team.desk, reg.number, "accept")
    number = reg.case_numbers[0]
    act_on_case(team.desk, number, "notify")
    act_on_case(team.desk, number, "record_defence", summary="外观不同")
    act_on_case(team.desk, number, "begin_review")
    act_on_case(
        team.desk,
        number,
        "decide_infringing",
        reason="整体视觉效果相同",
        trigger="merits",
        legal_basis="办法第十四条",
    )
    act_on_case(
        team.desk, number, "order_remedy", measure="detain", storage_place="仓库 B2", reason="封存"
    )
    act_on_case(team.inspector, number, "request_recheck")
    act_on_case(team.inspector, number, "recheck_failed", result="redisplayed")
    d = case_detail(team.organizer, number)
    assert d.state == "RECHECK_FAILED"
    assert d.complaint.state == "ACCEPTED" and d.complaint.accepted_at is not None
    assert (d.defence_summary, d.decision_trigger, d.legal_basis, d.decision_note) == (
        "外观不同",
        "merits",
        "办法第十四条",
        "整体视觉效果相同",
    )
    assert d.notified_at is not None and d.decided_at is not None
    (m,) = d.measures
    assert (m.measure_type, m.storage_place, m.note, m.recheck_result) == (
        "detain",
        "仓库B2",  # typed "仓库 B2": tightened
        "封存",
        "redisplayed",
    )
    assert m.rechecked_at is not None
    assert d.version > 1


def test_version_follows_every_change(team: Team, fair: str) -> None:
    reg = register_complaint(team.desk, FAIR, complaint_input())
    act_on_complaint(team.desk, reg.number, "accept")
    number = reg.case_numbers[0]
    before = case_detail(team.desk, number)
    act_on_case(team.desk2, number, "notify", expected_version=before.version)
    after = case_detail(team.desk, number)
    assert after.version > before.version
    assert after.complaint.version == before.complaint.version


def test_flags_of_rights_the_desk_cannot_enforce(team: Team, fair: str, clock: FakeClock) -> None:
    foreign = RightInput("trademark", "us-123", "MARK", "Holder Inc", "US", None, date(2026, 11, 4))
    reg = register_complaint(team.desk, FAIR, complaint_input(right=foreign))
    (right,) = case_detail(team.desk, reg.case_numbers[0]).rights
    assert (right.number, right.jurisdiction) == ("US-123", "US")
    assert (right.expired, right.valid_in_china) == (True, False)
    future = RightInput("design", "ZL2027", valid_from=date(2027, 1, 1))
    reg = register_complaint(team.desk, FAIR, complaint_input("4.1A02", right=future))
    (right,) = case_detail(team.desk, reg.case_numbers[0]).rights
    assert (right.not_yet_valid, right.expired, right.valid_in_china) == (True, False, True)


def test_expiry_is_judged_on_the_fairs_local_date(team: Team, fair: str, clock: FakeClock) -> None:
    right = RightInput("design", "ZL-EDGE", valid_until=date(2026, 11, 5))
    reg = register_complaint(team.desk, FAIR, complaint_input(right=right))
    number = reg.case_numbers[0]
    # 23:30 UTC on the 5th is already the 6th in Shanghai: the right has expired there.
    clock.set(datetime(2026, 11, 5, 15, 30, tzinfo=UTC))
    assert not case_detail(team.desk, number).rights[0].expired
    clock.set(datetime(2026, 11, 5, 16, 30, tzinfo=UTC))
    assert case_detail(team.desk, number).rights[0].expired


def test_evidence_of_the_case_its_complaint_and_exhibits(team: Team, fair: str) -> None:
    reg = register_complaint(team.desk, FAIR, complaint_input())
    number = reg.case_numbers[0]
    sha = attach_evidence(team, number)
    (ev,) = case_detail(team.desk, number).evidence  # the unrelated scan is not listed
    assert (ev.name, ev.sha256, ev.size, ev.mime) == ("booth-photo.jpg", sha, 11, "image/jpeg")
    assert ev.captured_at == datetime(2026, 11, 5, 2, 0, tzinfo=UTC)
    assert (ev.captured_by, ev.attached_to, ev.caption, ev.purpose) == (
        "inspector1",
        "exhibit",
        "chair at the booth",
        "before",
    )


def test_defence_marked_overdue_is_reported(team: Team, fair: str, clock: FakeClock) -> None:
    reg = register_complaint(team.desk, FAIR, complaint_input())
    act_on_complaint(team.desk, reg.number, "accept")
    number = reg.case_numbers[0]
    act_on_case(team.desk, number, "notify", served_at=team.desk.now())
    clock.advance(hours=25)
    act_on_case(team.desk, number, "mark_defence_overdue")
    assert case_detail(team.desk, number).defence_marked_overdue


def test_detail_is_plain_data(team: Team, fair: str) -> None:
    reg = register_complaint(team.desk, FAIR, complaint_input())
    d = case_detail(team.desk, reg.case_numbers[0])
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.state = "CLOSED"  # type: ignore[misc]
    for f in dataclasses.fields(d):
        value = getattr(d, f.name)
        module = type(value).__module__
        assert module in ("builtins", "datetime", "fairdesk.services.casework.case_detail")


def test_unknown_case(team: Team, fair: str) -> None:
    with pytest.raises(NotFound, match="no respondent case numbered 'X-1'"):
        case_detail(team.desk, "X-1")


@pytest.mark.parametrize(
    ("texts", "action", "trigger", "expected"),
    [
        (
            NATIONAL_LEGAL_BASIS,
            "decide_infringing",
            "merits",
            NATIONAL_LEGAL_BASIS["decision"],
        ),
        (
            NATIONAL_LEGAL_BASIS,
            "decide_infringing",
            "admission",
            "参展合同；展会知识产权保护指引 第十四条 / the exhibitor contract; "
            "CNIPA Guidelines for IP Protection at Exhibitions (2022), Art. 14",
        ),
        (SHANGHAI_LEGAL_BASIS, "order_remedy", "", SHANGHAI_LEGAL_BASIS["remedy"]),
        (SHANGHAI_LEGAL_BASIS, "notify", "", ""),
        ({}, "decide_infringing", "merits", ""),
    ],
)
def test_suggested_legal_basis(texts, action: str, trigger: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    s = workflow.step(workflow.Entity.CASE, action)
    assert workflow.suggested_legal_basis(dict(texts), s, trigger) == expected
