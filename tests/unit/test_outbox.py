"""The laptop's outbox: findings recorded while the server is unreachable are kept, sent
when it is back, and never doubled, even when a reply is lost after the server stored them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from fairdesk.config import data_dir
from fairdesk.db.engine import Database
from fairdesk.db.models import BoothVisit, EvidenceFile, PatrolRound
from fairdesk.domain.enums import CaseState, Finding
from fairdesk.domain.errors import InvalidInput, StorageError
from fairdesk.services.casework.steps import act_on_case
from fairdesk.services.context import Context
from fairdesk.services.inspection import evidence, patrols, rechecks
from fairdesk.services.inspection.evidence import PhotoInput
from fairdesk.services.inspection.outbox import FAILED, SENT, WAITING, Outbox
from tests.conftest import FakeClock, Team
from tests.helpers import make_fair
from tests.unit.test_patrols import ordered_case, photo

UNREACHABLE = "postgresql+psycopg://fairdesk@127.0.0.1:9/fairdesk"  # nothing listens on 9



@pytest.fixture
def fair(team: Team) -> str:
    return make_fair(team.admin)


@pytest.fixture
def offline(team: Team) -> Iterator[Context]:
    """The inspector's context with the server gone (the laptop lost the network)."""
    gone = Database(UNREACHABLE, connect_args={"connect_timeout": 3})
    yield Context(gone, team.inspector.actor, team.inspector.now)
    gone.dispose()


@pytest.fixture
def box() -> Outbox:
    return Outbox()  # in the (per-test) data folder, as on the laptop


def _count(ctx: Context, model: type) -> int:
    with ctx.db.reading() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_the_outbox_lives_in_the_laptops_data_folder(box: Outbox) -> None:
    assert box.path == data_dir() / "outbox.sqlite3" and box.path.exists()
    assert box.waiting_count() == 0


def test_a_round_walked_while_the_server_drops_out_loses_and_doubles_nothing(
    team: Team, fair: str, offline: Context, box: Outbox, clock: FakeClock
) -> None:
    insp = team.inspector
    round_uid = box.start_round(insp, fair, "4.1")
    box.record_visit(insp, fair, round_uid, "4.1A01", Finding.NOTHING)
    first = box.flush(insp)
    assert (first.sent, first.duplicates, first.offline, first.waiting) == (2, 0, "", 0)

    # The network drops: the inspector keeps recording.
    clock.advance(minutes=5)
    box.record_visit(
        offline, fair, round_uid, "4.1A02", Finding.SUSPECTED_INFRINGEMENT, "仿冒座椅",
        photos=[photo("chair.jpg"), photo("tag.jpg", "grey")],
    )  # fmt: skip
    clock.advance(minutes=5)
    box.record_visit(offline, fair, round_uid, "a03", Finding.EXHIBITOR_ABSENT)
    box.close_round(offline, fair, round_uid)
    report = box.flush(offline)
    assert report.sent == 0 and report.offline.startswith("Cannot reach the database server")
    assert [e.status for e in box.pending("inspector1")] == [WAITING] * 3
    assert box.waiting_count("inspector1") == 3
    assert [e.photos for e in box.pending()] == [2, 0, 0]
    again = box.flush(offline)  # still down: nothing changes, nothing is lost
    assert again.offline and box.waiting_count() == 3

    # Back on line: everything arrives once, with the laptop's times.
    clock.advance(minutes=30)
    back = box.flush(insp)
    assert (back.sent, back.duplicates, back.failed, back.waiting) == (3, 0, [], 0)
    assert (_count(insp, PatrolRound), _count(insp, BoothVisit)) == (1, 3)
    visits = patrols.list_visits(team.desk, fair, round_uid=round_uid)
    assert [(v.booth, v.finding, v.photos) for v in visits] == [
        ("4.1A01", "nothing", 0),
        ("4.1A02", "suspected_infringement", 2),
        ("4.1A03", "exhibitor_absent", 0),
    ]
    assert visits[1].visited_at < visits[2].visited_at < clock()
    assert patrols.get_round(team.desk, round_uid).ended_at is not None
    assert box.flush(insp).sent == 0  # nothing left to send
    assert box.forget_sent() == 5 and box.entries() == []


def test_a_lost_reply_is_sent_again_and_skipped_by_the_server(
    team: Team, fair: str, box: Outbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    insp = team.inspector
    round_uid = box.start_round(insp, fair, "4.1")
    visit_uid = box.record_visit(
        insp, fair, round_uid, "4.1A01", Finding.PATENT_MARKING, photos=[photo()]
    )
    real_send = Outbox._send
    calls: list[str] = []

    def send_then_lose_the_reply(self: Outbox, ctx: Context, entry):  # type: ignore[no-untyped-def]
        duplicate = real_send(self, ctx, entry)  # the server stores it and commits ...
        calls.append(entry.uid)
        if entry.uid == visit_uid and calls.count(visit_uid) == 1:
            raise StorageError("Cannot reach the database server: the connection dropped.")
        return duplicate  # ... but the laptop never hears back the first time

    monkeypatch.setattr(Outbox, "_send", send_then_lose_the_reply)
    report = box.flush(insp)
    assert (report.sent, report.offline != "") == (1, True)
    assert [e.uid for e in box.pending()] == [visit_uid]
    assert _count(insp, BoothVisit) == 1  # the server has it already

    retry = box.flush(insp)
    assert (retry.sent, retry.duplicates, retry.waiting) == (1, 1, 0)
    assert (_count(insp, BoothVisit), _count(insp, EvidenceFile)) == (1, 1)
    assert len(patrols.get_visit(team.desk, visit_uid).photos) == 1


def test_a_result_the_server_refuses_waits_for_the_inspector(
    team: Team, fair: str, box: Outbox
) -> None:
    insp = team.inspector
    number = ordered_case(team, "4.1A02")
    uid = box.record_recheck(insp, fair, number, "passed", "遮盖完好", photos=[photo("after.jpg")])
    # Meanwhile the desk handed the case over (it is no longer waiting for a re-check).
    act_on_case(team.desk, number, "request_recheck")
    act_on_case(team.desk, number, "recheck_failed", result="redisplayed")
    report = box.flush(insp)
    assert report.sent == 0 and len(report.failed) == 1
    [entry] = box.pending()
    assert entry.status == FAILED
    assert entry.last_error.startswith(f"Case {number} is Re-inspection failed: there is no")
    assert box.flush(insp).sent == 0  # a failed entry is not retried by itself
    act_on_case(team.desk, number, "escalate", escalation="leave_fair")
    box.retry(entry.id)
    sent = box.flush(insp)
    assert sent.sent == 1 and box.waiting_count() == 0
    outcome = patrols.get_visit(team.desk, uid)
    assert outcome.case_number == number and len(outcome.photos) == 1
    assert rechecks.recheck_record(team.desk, number).state == CaseState.RECHECK_PASSED


def test_a_failed_entry_can_be_discarded(team: Team, fair: str, box: Outbox) -> None:
    box.start_round(team.inspector, fair, "9.9")  # no such hall
    report = box.flush(team.inspector)
    assert "Hall '9.9' is not a hall of TEST2026" in report.failed[0].last_error
    box.discard(report.failed[0].id)
    assert box.pending() == []


def test_entries_wait_for_their_own_inspector(team: Team, fair: str, box: Outbox) -> None:
    box.start_round(team.inspector, fair, "4.1")
    assert box.flush(team.desk).sent == 0  # the desk user on the same laptop sends nothing
    assert box.waiting_count("inspector1") == 1 and box.waiting_count("desk1") == 0
    assert box.flush(team.inspector).sent == 1


def test_what_waits_survives_a_restart_of_the_app(
    team: Team, fair: str, offline: Context, tmp_path: Path
) -> None:
    path = tmp_path / "laptop" / "outbox.sqlite3"
    first = Outbox(path)
    round_uid = first.start_round(offline, fair, "4.1")
    first.record_visit(offline, fair, round_uid, "4.1A05", Finding.NOTHING, photos=[photo()])
    assert first.flush(offline).offline
    later = Outbox(path)  # the laptop was restarted
    assert later.waiting_count() == 2
    assert later.flush(team.inspector).sent == 2


def test_photos_are_checked_when_recorded_not_after_the_walk(
    team: Team, fair: str, box: Outbox
) -> None:
    too_big = PhotoInput("huge.jpg", b"\0" * (evidence.MAX_BYTES + 1))
    with pytest.raises(InvalidInput, match="may be at most 20.0 MB"):
        box.record_visit(
            team.inspector, fair, patrols.new_uid(), "4.1A01", "nothing", photos=[too_big]
        )
    with pytest.raises(InvalidInput, match="is not a patrol finding"):
        box.record_visit(team.inspector, fair, patrols.new_uid(), "4.1A01", "odd")
    assert box.entries() == []


def test_an_unusable_outbox_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StorageError, match="Cannot open the outbox"):
        Outbox(path)
    assert SENT == "sent"
