"""upsert_exhibitors inserts new exhibitors and their booths in bulk: what it writes must be
what the ORM wrote one exhibitor at a time, however many are inserted at once."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from fairdesk.db.models import AuditEvent, Booth, Exhibitor
from fairdesk.domain.normalize import exhibitor_identity, normalize_name
from fairdesk.services.checks.audit_verify import verify_chain
from fairdesk.services.fair.exhibitor_file import ExhibitorRecord
from fairdesk.services.fair.exhibitors import import_exhibitors, upsert_exhibitors
from fairdesk.services.fair.fairs import fair_by_code
from fairdesk.services.trust import row_check
from fairdesk.services.trust.record_state import exhibitor_state
from tests.conftest import SAMPLES, FakeClock, Team
from tests.helpers import FAIR, make_fair

# More than one insertmanyvalues batch (1,000 rows), so ids must map back across batches.
MANY = 2_345


def _record(n: int) -> ExhibitorRecord:
    """Exhibitor n: 1 to 3 booths whose numbers name it; every fifth has a credit code and
    no Chinese name, every seventh no country (empty cells stay empty strings)."""
    credit = f"91310000MA{n:08d}" if n % 5 == 0 else ""
    name_zh = "" if n % 5 == 0 else f"批量展商{n}有限公司"
    name_en = f"Bulk Exhibitor {n} Ltd"
    hall = f"{n % 13 + 1}.1"
    return ExhibitorRecord(
        row=n + 1,
        name_zh=name_zh,
        name_en=name_en,
        credit_code=credit,
        country="" if n % 7 == 0 else "德国",
        country_en="" if n % 7 == 0 else "Germany",
        area="",
        area_en="",
        delegation="",
        booths=tuple((hall, f"{hall}X{n:05d}-{k}") for k in range(1 + n % 3)),
        contact="",
        phone=f"+49 {n}",
        email="",
        identity=exhibitor_identity(credit, name_zh, name_en),
    )


def _upsert(team: Team, records: list[ExhibitorRecord]) -> tuple[int, int, int]:
    with team.admin.db.writing() as session:
        return upsert_exhibitors(session, fair_by_code(session, FAIR).id, records, team.admin.now())


def _stored(team: Team) -> dict[str, tuple[Exhibitor, list[tuple[str, str]]]]:
    """Every exhibitor of the fair by identity, with its booths (hall, number) by id."""
    with team.admin.db.reading() as session:
        fair_id = fair_by_code(session, FAIR).id
        exhibitors = session.scalars(select(Exhibitor).where(Exhibitor.fair_id == fair_id)).all()
        booths: dict[int, list[tuple[str, str]]] = {}
        for booth in session.scalars(select(Booth).order_by(Booth.id)):
            assert booth.fair_id == fair_id
            booths.setdefault(booth.exhibitor_id, []).append((booth.hall, booth.booth_no))
        session.expunge_all()
    return {e.identity: (e, booths.pop(e.id, [])) for e in exhibitors}


@pytest.fixture
def fair(team: Team) -> str:
    return make_fair(team.admin, exhibitors=0)


def test_many_new_exhibitors_get_their_own_fields_and_booths(
    team: Team, fair: str, clock: FakeClock
) -> None:
    records = [_record(n) for n in range(1, MANY + 1)]
    assert _upsert(team, records) == (MANY, 0, 0)
    stored = _stored(team)
    assert len(stored) == MANY
    for record in records:
        exhibitor, booths = stored[record.identity]
        assert (exhibitor.name_zh, exhibitor.name_en) == (record.name_zh, record.name_en)
        assert exhibitor.credit_code == record.credit_code
        assert (exhibitor.country, exhibitor.country_en) == (record.country, record.country_en)
        assert (exhibitor.area, exhibitor.contact, exhibitor.email) == ("", "", "")
        assert exhibitor.phone == record.phone
        assert exhibitor.name_key == normalize_name(record.name_zh or record.name_en)
        assert exhibitor.ip_commitment_signed is False
        assert exhibitor.created_at == exhibitor.updated_at == clock()
        assert exhibitor.version == 1
        # The booths of exactly this exhibitor, in file order.
        assert booths == list(record.booths)


def test_a_second_import_updates_rather_than_duplicates(
    team: Team, fair: str, clock: FakeClock
) -> None:
    records = [_record(n) for n in range(1, 1_201)]
    _upsert(team, records[:1_000])
    created = clock()
    later = clock.advance(hours=1)
    # Known exhibitors again (one with a new phone and booth), plus 200 new ones.
    changed = replace(
        records[9], phone="+49 999", booths=(*records[9].booths, ("9.9", "9.9Z00001"))
    )
    again = [*records[:9], changed, *records[10:]]
    assert _upsert(team, again) == (200, 1, 999)
    stored = _stored(team)
    assert len(stored) == 1_200
    exhibitor, booths = stored[changed.identity]
    assert exhibitor.phone == "+49 999"
    assert booths == list(changed.booths)
    assert exhibitor.version == 2  # the ORM's update, counting from the inserted 1
    assert (exhibitor.created_at, exhibitor.updated_at) == (created, later)
    assert stored[records[0].identity][0].updated_at == created  # unchanged, untouched
    assert stored[records[-1].identity][0].created_at == later  # new in the second import
    with team.admin.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Booth)) == sum(
            len(r.booths) for r in again
        )
    assert _upsert(team, again) == (0, 0, 1_200)


def test_a_repeated_identity_updates_the_exhibitor_its_first_record_created(
    team: Team, fair: str
) -> None:
    first = _record(4)
    more = replace(first, contact="王芳", booths=(first.booths[0], ("5.1", "5.1A01")))
    assert _upsert(team, [first, _record(8), more, more]) == (2, 1, 1)
    stored = _stored(team)
    exhibitor, booths = stored[first.identity]
    assert (exhibitor.contact, exhibitor.phone) == ("王芳", first.phone)
    assert booths == [*first.booths, ("5.1", "5.1A01")]
    assert len(stored) == 2


def test_nothing_is_left_when_the_transaction_fails(team: Team, fair: str) -> None:
    with pytest.raises(RuntimeError), team.admin.db.writing() as session:
        fair_id = fair_by_code(session, FAIR).id
        upsert_exhibitors(session, fair_id, [_record(n) for n in range(1, 50)], team.admin.now())
        raise RuntimeError("after the bulk inserts, before the commit")
    assert _stored(team) == {}
    with team.admin.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Booth)) == 0


def _audit_events(team: Team) -> list[AuditEvent]:
    with team.admin.db.reading() as session:
        events = list(session.scalars(select(AuditEvent).order_by(AuditEvent.id)))
        session.expunge_all()
    return events


def test_each_import_leaves_its_event_and_one_per_exhibitor_it_changed(
    team: Team, fair: str
) -> None:
    with team.admin.db.reading() as session:
        fair_id = fair_by_code(session, FAIR).id
    before = len(_audit_events(team))
    first = import_exhibitors(team.admin, FAIR, SAMPLES / "exhibitors_sample.xlsx")
    second = import_exhibitors(team.admin, FAIR, SAMPLES / "exhibitors_sample.csv")
    assert (first.imported, first.updated, first.unchanged) == (300, 0, 0)
    assert (second.imported, second.updated, second.unchanged) == (0, 0, 300)
    every = _audit_events(team)[before:]
    # Each exhibitor the first import added, with its state (audit verify compares it).
    added = [e for e in every if e.action == "exhibitor.record"]
    assert sorted(e.entity_id for e in added) == sorted(e.id for e, _ in _stored(team).values())
    assert {e.fair_id for e in added} == {fair_id} and all(e.after["booths"] for e in added)
    events = [e for e in every if e.action != "exhibitor.record"]
    assert [(e.action, e.entity_type, e.entity_id, e.fair_id) for e in events] == [
        ("exhibitors.import", "fair", fair_id, fair_id)
    ] * 2
    after_first = every[every.index(events[0]) + 1 :]
    assert [e.action for e in after_first] == ["exhibitors.import"]  # nothing changed: no more
    counts = [{k: (e.after or {})[k] for k in ("imported", "updated", "unchanged")} for e in events]
    assert counts == [
        {"imported": 300, "updated": 0, "unchanged": 0},
        {"imported": 0, "updated": 0, "unchanged": 300},
    ]
    assert len(_stored(team)) == 300


def test_the_states_an_import_records_are_those_stored_and_the_chain_holds(
    team: Team, fair: str
) -> None:
    """The events of exhibitors inserted in bulk carry the state built from the values
    given, not read back: it must be the state of the stored row (what the row check
    compares), NUL characters dropped as the database drops them, in id order."""
    records = [_record(n) for n in range(1, 1_201)]
    records[603] = replace(records[603], contact="王\x00芳", booths=(("\x00", "NUL-1"),))
    _upsert(team, records[:600])
    # Known exhibitors changed (through the ORM), new ones, and a repeated identity.
    known = replace(records[5], phone="+49 123", booths=(*records[5].booths, ("9.9", "9.9Z1")))
    again = [known, *records[600:], replace(records[700], email="x@example.com")]
    with team.admin.db.writing() as session:
        upsert_exhibitors(
            session, fair_by_code(session, FAIR).id, again, team.admin.now(), team.admin
        )
    events = [e for e in _audit_events(team) if e.action == "exhibitor.record"]
    assert [e.entity_id for e in events] == sorted(e.entity_id for e in events)
    with team.admin.db.reading() as session:
        stored = {
            e.id: exhibitor_state(e)
            for e in session.scalars(select(Exhibitor).options(selectinload(Exhibitor.booths)))
        }
        assert row_check.check(session) == []
    assert len(events) == 601  # 600 new, 1 changed
    assert all(e.after == stored[e.entity_id] for e in events)
    nul = next(e.after for e in events if e.after["phone"] == records[603].phone)
    assert (nul["contact"], nul["booths"]) == ("王芳", ["NUL-1"])
    assert verify_chain(team.admin).ok
