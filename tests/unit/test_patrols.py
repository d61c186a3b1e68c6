"""Patrol rounds and booth visits: reaching a booth by number or by a notice's QR code,
findings with photos, idempotent uids, and a suspected infringement becoming a complaint.

Also the builders the other inspector-side tests share (`ordered_case`, `photo`).
"""

from __future__ import annotations

import io
from datetime import date

import pytest
from PIL import Image
from sqlalchemy import func, select

from fairdesk.db.models import BoothVisit, Complaint, PatrolRound
from fairdesk.domain.enums import CaseState, Channel, Finding
from fairdesk.domain.errors import InvalidInput, NotFound
from fairdesk.services.casework.steps import act_on_case, act_on_complaint
from fairdesk.services.context import Context
from fairdesk.services.inspection import evidence, patrols
from fairdesk.services.inspection.evidence import PhotoInput
from fairdesk.services.inspection.patrols import VisitInput
from fairdesk.services.intake.intake import PartyInput, RightInput, register_complaint
from tests.conftest import FakeClock, Team
from tests.helpers import FAIR, complaint_input, make_fair, received


def photo(name: str = "IMG_0001.JPG", colour: str = "orange", taken: str = "") -> PhotoInput:
    image = Image.new("RGB", (120, 90), colour)
    exif = Image.Exif()
    if taken:
        exif.get_ifd(0x8769)[0x9003] = taken
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    return PhotoInput(name, out.getvalue())


def ordered_case(team: Team, booth: str = "4.1A01", measure: str = "cover") -> str:
    """A case at `booth` decided infringing with a measure ordered (REMEDY_ORDERED)."""
    reg = register_complaint(team.desk, FAIR, complaint_input(booth))
    act_on_complaint(team.desk, reg.number, "accept")
    number = reg.case_numbers[0]
    act_on_case(team.desk, number, "notify")
    act_on_case(team.desk, number, "record_defence", summary="否认侵权")
    act_on_case(team.desk, number, "begin_review")
    act_on_case(team.desk, number, "decide_infringing", trigger="merits", legal_basis="2006 Art 14")
    act_on_case(team.desk, number, "order_remedy", measure=measure, reason="遮盖展品")
    return number



@pytest.fixture
def fair(team: Team) -> str:
    return make_fair(team.admin)


@pytest.fixture
def round_uid(team: Team, fair: str) -> str:
    return patrols.start_round(team.inspector, fair, "Hall 4.1").uid


def _count(ctx: Context, model: type) -> int:
    with ctx.db.reading() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_a_round_starts_and_closes_once(team: Team, fair: str, clock: FakeClock) -> None:
    uid = patrols.new_uid()
    first = patrols.start_round(team.inspector, fair, "4.1号馆", uid=uid)
    again = patrols.start_round(team.inspector, fair, "4.1", uid=uid)
    assert (first.hall, first.inspector, first.open, first.duplicate) == (
        "4.1",
        "inspector1",
        True,
        False,
    )
    assert again.duplicate and _count(team.desk, PatrolRound) == 1
    clock.advance(hours=2)
    closed = patrols.close_round(team.inspector, uid)
    assert (closed.ended_at, closed.duplicate) == (clock(), False)
    clock.advance(hours=1)
    assert patrols.close_round(team.inspector, uid).ended_at == closed.ended_at
    assert [r.uid for r in patrols.list_rounds(team.organizer, fair, day=date(2026, 11, 5))] == [
        uid
    ]
    assert patrols.list_rounds(team.organizer, fair, day=date(2026, 11, 6)) == []


@pytest.mark.parametrize(
    ("hall", "message"),
    [
        ("", "Say which hall the round covers."),
        ("9.9", "Hall '9.9' is not a hall of TEST2026; use one of 4.1."),
    ],
)
def test_a_round_needs_a_hall_of_the_fair(team: Team, fair: str, hall: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=f"^{message.replace('.', '[.]')}$"):
        patrols.start_round(team.inspector, fair, hall)


@pytest.mark.parametrize(
    "typed", ["4.1A01", "4.1 a01", "４．１Ａ０１", "4.1ａ01", " 4.1A01\n", "A01", "a 01"]
)
def test_a_booth_is_reached_by_its_number_in_any_spelling(
    team: Team, fair: str, typed: str
) -> None:
    target = patrols.resolve_target(team.inspector, fair, typed, hall="4.1")
    assert (target.booth, target.hall, target.known, target.via) == ("4.1A01", "4.1", True, "booth")
    assert [e.name for e in target.exhibitors] == ["测试展商1有限公司"]


def test_an_unknown_booth_is_said_not_refused(team: Team, fair: str) -> None:
    target = patrols.resolve_target(team.inspector, fair, "4.1Z99")
    assert (target.booth, target.known, target.exhibitors) == ("4.1Z99", False, ())
    assert target.note == "Booth 4.1Z99 is not in TEST2026's exhibitor list."
    with pytest.raises(InvalidInput, match="Type a booth number or scan"):
        patrols.resolve_target(team.inspector, fair, "   ")


def test_a_case_or_complaint_number_opens_its_booth(team: Team, fair: str) -> None:
    number = ordered_case(team, "4.1A03")
    by_case = patrols.resolve_target(team.inspector, fair, number.lower())
    assert (by_case.booth, by_case.case_number, by_case.via) == ("4.1A03", number, "case")
    assert by_case.recheck_cases == (number,)
    by_complaint = patrols.resolve_target(team.inspector, fair, f"{FAIR}-0001")
    assert (by_complaint.case_number, by_complaint.via) == (number, "complaint")
    with pytest.raises(NotFound, match=f"There is no case {FAIR}-0001-7"):
        patrols.resolve_target(team.inspector, fair, f"{FAIR}-0001-7")


def test_the_qr_code_of_a_booth_notice_opens_the_case(team: Team, fair: str) -> None:
    from fairdesk.services.paper.documents import issue_document

    number = ordered_case(team, "4.1A02")
    notice = issue_document(team.desk, "booth-notice", number)
    payload = notice.payload
    for scanned in (
        payload,
        f"{payload[:40]}\n{payload[40:]}\r\n",  # a USB scanner's line breaks
        f"https://verify.example.org/check?code={payload}",
    ):
        target = patrols.resolve_target(team.inspector, fair, scanned)
        assert (target.booth, target.case_number, target.via) == ("4.1A02", number, "document")
        assert target.note.endswith("genuine")
    # One changed character: still opens the booth, and says the code is not genuine.
    forged = payload[:-3] + ("A" if payload[-3] != "A" else "B") + payload[-2:]
    target = patrols.resolve_target(team.inspector, fair, forged)
    assert target.case_number == number and "FORGED" in target.note
    # A cut-off code still names its document.
    cut = patrols.resolve_target(team.inspector, fair, payload[:30])
    assert cut.case_number == number and "could not be checked" in cut.note
    with pytest.raises(NotFound, match="names document TEST2026-D999999, which this database"):
        patrols.resolve_target(team.inspector, fair, "FD1.TEST2026-D999999." + "A" * 86)


def test_a_visit_is_recorded_once_with_its_photos(
    team: Team, fair: str, round_uid: str, clock: FakeClock
) -> None:
    uid = patrols.new_uid()
    data = VisitInput(
        round_uid,
        "a02",
        Finding.NOTHING,
        "  展品正常  ",
        photos=[photo("front.jpg", taken="2026:11:05 09:31:00"), photo("side.jpg", "blue")],
        uid=uid,
    )
    info = patrols.record_visit(team.inspector, data)
    assert (info.booth, info.hall, info.exhibitor, info.notes, info.duplicate) == (
        "4.1A02",
        "4.1",
        "测试展商2有限公司",
        "展品正常",
        False,
    )
    assert len(info.photos) == 2 and info.visited_at == clock()
    again = patrols.record_visit(team.inspector, data)
    assert again.duplicate and again.photos == info.photos
    assert _count(team.desk, BoothVisit) == 1
    linked = evidence.evidence_of(team.desk, "visit", uid)
    assert [(e.purpose, e.evidence.name) for e in linked] == [
        ("patrol", "front.jpg"),
        ("patrol", "side.jpg"),
    ]
    assert linked[0].evidence.captured_at is not None


@pytest.mark.parametrize(
    ("finding", "uid", "error", "message"),
    [
        ("looks odd", None, InvalidInput, "'looks odd' is not a patrol finding; use one of"),
        (Finding.NOTHING, "not-a-uuid", InvalidInput, "'not-a-uuid' is not a record id"),
    ],
)
def test_bad_visits_are_refused_with_a_reason(
    team: Team,
    round_uid: str,
    finding: str,
    uid: str | None,
    error: type[Exception],
    message: str,
) -> None:
    with pytest.raises(error, match=message):
        patrols.record_visit(team.inspector, VisitInput(round_uid, "4.1A01", finding, uid=uid))


def test_a_visit_needs_a_known_round(team: Team, fair: str) -> None:
    missing = patrols.new_uid()
    with pytest.raises(NotFound, match=f"There is no patrol round {missing}"):
        patrols.record_visit(team.inspector, VisitInput(missing, "4.1A01", Finding.NOTHING))


def test_a_verified_measure_is_linked_to_its_case(team: Team, fair: str, round_uid: str) -> None:
    number = ordered_case(team, "4.1A04")
    info = patrols.record_visit(
        team.inspector, VisitInput(round_uid, "4.1A04", Finding.MEASURE_VERIFIED)
    )
    assert info.case_number == number
    rows = patrols.list_visits(team.organizer, fair, round_uid=round_uid)
    assert [(r.booth, r.finding, r.case_number, r.inspector) for r in rows] == [
        ("4.1A04", "measure_verified", number, "inspector1")
    ]


def test_a_suspected_infringement_opens_a_complaint(team: Team, fair: str, round_uid: str) -> None:
    visit = patrols.record_visit(
        team.inspector,
        VisitInput(
            round_uid,
            "4.1A05",
            Finding.SUSPECTED_INFRINGEMENT,
            "展台展示与某品牌外观相同的座椅",
            photos=[photo("chair.jpg"), photo("label.jpg", "grey")],
        ),
    )
    suspected = patrols.list_visits(
        team.desk, fair, finding=Finding.SUSPECTED_INFRINGEMENT, without_case=True
    )
    assert [(v.uid, v.photos) for v in suspected] == [(visit.uid, 2)]

    draft = patrols.complaint_draft_from_visit(team.desk, visit.uid)
    assert draft.channel == Channel.PATROL
    assert (draft.respondents[0].booth, draft.respondents[0].exhibitor_id) == ("4.1A05", 5)
    assert "展台展示与某品牌外观相同的座椅" in draft.summary and visit.uid in draft.summary
    with pytest.raises(InvalidInput, match="An IP complaint names at least one right"):
        patrols.register_complaint_from_visit(team.desk, visit.uid, draft)

    draft.complainant = PartyInput("示例品牌股份有限公司")
    draft.rights = [RightInput("design", "ZL202330123456.7", "座椅")]
    draft.commitment_signed = True
    reg = patrols.register_complaint_from_visit(team.desk, visit.uid, draft)
    assert reg.number == f"{FAIR}-0001"
    assert patrols.register_complaint_from_visit(team.desk, visit.uid, draft) == reg
    with team.desk.db.reading() as session:
        complaint = session.scalars(select(Complaint)).one()
        assert (complaint.channel, complaint.state) == ("patrol", "DRAFT")
        assert complaint.cases[0].booth_no == "4.1A05"
    assert patrols.get_visit(team.desk, visit.uid).case_number == reg.case_numbers[0]
    photos = evidence.evidence_of(team.desk, "complaint", reg.number)
    assert [(e.evidence.name, e.purpose) for e in photos] == [
        ("chair.jpg", "patrol"),
        ("label.jpg", "patrol"),
    ]
    assert (
        patrols.list_visits(team.desk, fair, finding="suspected_infringement", without_case=True)
        == []
    )
    # The case is a normal case from here on: the desk records the papers, then accepts.
    act_on_complaint(
        team.desk,
        reg.number,
        "record_received",
        materials=list(received(["design"])),
        commitment_signed=True,
    )
    act_on_complaint(team.desk, reg.number, "accept")
    assert act_on_case(team.desk, reg.case_numbers[0], "notify").state == CaseState.NOTIFIED
