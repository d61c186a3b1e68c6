"""The demo's fair floor, so every role meets a living fair: this morning's patrol round
in every hall (booth visits with findings and photos, measures verified at the booths that
were ordered to cover), re-checks falling due today, and the desk's consultations since
the opening.

It works through the same services as the screens (patrols, steps, consultations), acting
as the demo's inspector and desk users at moments before `now`, and is called once by
`services.demo` for the live edition.
"""

from __future__ import annotations

import io
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from fairdesk.db.models import AuditEvent, Booth, Exhibitor, RespondentCase
from fairdesk.domain.calendar import FairCalendar
from fairdesk.domain.enums import CaseState, Finding, MeasureType
from fairdesk.domain.permissions import Permission
from fairdesk.services.casework.steps import act_on_case
from fairdesk.services.context import Context
from fairdesk.services.fair.fairs import calendar_of, fair_by_code
from fairdesk.services.inspection import patrols
from fairdesk.services.inspection.evidence import PhotoInput
from fairdesk.services.inspection.patrols import VisitInput
from fairdesk.services.organizer import consultations
from fairdesk.services.trust import users

INSPECTOR, DESKS = "inspector1", ("desk1", "desk2")
VISITS_PER_HALL = (6, 11)
FINDINGS: tuple[tuple[Finding, float], ...] = (
    (Finding.NOTHING, 74),
    (Finding.SUSPECTED_INFRINGEMENT, 9),
    (Finding.PATENT_MARKING, 7),
    (Finding.EXHIBITOR_ABSENT, 10),
)
NOTES = {
    Finding.SUSPECTED_INFRINGEMENT: "展品外观与权利人宣传册中的外观设计高度近似，已拍照留存",
    Finding.PATENT_MARKING: "展板标注“专利产品”但未标明专利号",
    Finding.EXHIBITOR_ABSENT: "展位无人值守，已留联系卡",
    Finding.MEASURE_VERIFIED: "涉案展品已遮盖，遮盖完好",
}
PHOTO_COLOURS = {
    Finding.SUSPECTED_INFRINGEMENT: (198, 40, 40),
    Finding.PATENT_MARKING: (123, 31, 162),
    Finding.MEASURE_VERIFIED: (46, 125, 50),
}
CONSULTATIONS_PER_DAY = (9, 15)
NATIONALITIES = (
    ("中国", "zh", 30),
    ("意大利", "it", 8),
    ("德国", "de", 8),
    ("日本", "ja", 8),
    ("韩国", "ko", 6),
    ("法国", "fr", 6),
    ("美国", "en", 6),
    ("泰国", "other", 3),
    ("越南", "other", 3),
    ("中国香港", "zh", 3),
    ("中国台湾", "zh", 2),
)
RECHECKS_TODAY = 2


class _Clock:
    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at


@dataclass(frozen=True)
class _Floor:
    zone: ZoneInfo
    start: date
    opening: time
    closing: time
    halls: dict[str, list[str]]  # hall -> booths with an exhibitor
    ordered: list[tuple[str, str, str]]  # (case number, hall, booth) with measures ordered
    found: list[str]  # case numbers found infringing, measures not yet ordered
    calendar: FairCalendar
    last_step: datetime  # the latest step on any of the fair's cases


def living_floor(ctx: Context, fair_code: str, now: datetime, seed: int = 8) -> list[str]:
    """Fill the live demo fair's floor up to `now`; returns summary lines."""
    ctx.require(Permission.CREATE_DEMO)
    rng = random.Random(seed)
    floor = _read_floor(ctx, fair_code)
    clock = _Clock(now)

    def as_user(name: str) -> Context:
        return Context(ctx.db, users.get_user(ctx, name).actor, clock)

    start, end = _morning(floor, now)
    visits, photos = _patrol_morning(as_user(INSPECTOR), clock, fair_code, floor, start, end, rng)
    rechecks = _rechecks_due_today(as_user(DESKS[0]), clock, floor, now, rng)
    desks = [as_user(name) for name in DESKS]
    asked = _consultations(desks, clock, fair_code, floor, now, rng)
    return [
        f"  floor: {len(floor.halls)} patrol rounds this morning ({visits} booth visits, "
        f"{photos} photos), {rechecks} re-checks falling due today, {asked} consultations"
    ]


def _read_floor(ctx: Context, fair_code: str) -> _Floor:
    with ctx.db.reading() as session:
        fair = fair_by_code(session, fair_code)
        halls: dict[str, list[str]] = {}
        rows = session.execute(
            select(Booth.hall, Booth.booth_no)
            .join(Exhibitor, Exhibitor.id == Booth.exhibitor_id)
            .where(Booth.fair_id == fair.id)
            .distinct()
            .order_by(Booth.hall, Booth.booth_no)
        )
        for hall, booth in rows:
            if hall:
                halls.setdefault(hall, []).append(booth)
        cases = session.execute(
            select(RespondentCase.number, RespondentCase.state, RespondentCase.hall)
            .add_columns(RespondentCase.booth_no)
            .where(
                RespondentCase.fair_id == fair.id,
                RespondentCase.state.in_([CaseState.REMEDY_ORDERED, CaseState.INFRINGEMENT_FOUND]),
            )
            .order_by(RespondentCase.number)
        ).all()
        return _Floor(
            ZoneInfo(fair.timezone),
            fair.start_date,
            fair.opening_time,
            fair.closing_time,
            halls,
            [(n, h or "", b or "") for n, s, h, b in cases if s == CaseState.REMEDY_ORDERED],
            # The latest decisions first: measures follow them, while the first case of
            # the fair (the README's decided case, demo.README_CASE) stays as decided.
            [n for n, s, _, _ in reversed(cases) if s == CaseState.INFRINGEMENT_FOUND],
            calendar_of(fair),
            session.scalar(
                select(AuditEvent.at)
                .where(AuditEvent.fair_id == fair.id, AuditEvent.action.like("case.%"))
                .order_by(AuditEvent.id.desc())
                .limit(1)
            )
            or datetime.combine(fair.start_date, fair.opening_time, ZoneInfo(fair.timezone)),
        )


def _morning(floor: _Floor, now: datetime) -> tuple[datetime, datetime]:
    """Opening to noon of the latest fair day whose morning has begun (up to now)."""
    local = now.astimezone(floor.zone)
    day = local.date()
    if local < datetime.combine(day, floor.opening, floor.zone) + timedelta(minutes=45):
        day -= timedelta(days=1)
    day = max(day, floor.start)
    start = datetime.combine(day, floor.opening, floor.zone)
    end = min(start + timedelta(hours=3), now.astimezone(floor.zone))
    return start, max(end, start + timedelta(minutes=30))


def _patrol_morning(
    inspector: Context,
    clock: _Clock,
    fair_code: str,
    floor: _Floor,
    start: datetime,
    end: datetime,
    rng: random.Random,
) -> tuple[int, int]:
    """One round per hall, one after the other, each visiting a handful of booths."""
    halls = sorted(floor.halls)
    if not halls:
        return 0, 0
    slot = (end - start) / len(halls)
    visits = photos = 0
    for i, hall in enumerate(halls):
        began = start + slot * i
        clock.at = began
        uid = patrols.start_round(inspector, fair_code, hall, started_at=began).uid
        plan = _visits(hall, floor, rng)
        step = slot * 0.9 / (len(plan) + 1)
        for j, (booth, finding) in enumerate(plan, 1):
            at = began + step * j
            clock.at = at
            shots = _photos(booth, finding, at, floor.zone)
            patrols.record_visit(
                inspector,
                VisitInput(uid, booth, finding, NOTES.get(finding, ""), shots, visited_at=at),
            )
            visits, photos = visits + 1, photos + len(shots)
        clock.at = began + slot * 0.95
        patrols.close_round(inspector, uid, ended_at=clock.at)
    return visits, photos


def _visits(hall: str, floor: _Floor, rng: random.Random) -> list[tuple[str, Finding]]:
    """Booths to visit in a hall: those ordered to take measures first, then a sample."""
    checked = [(b, Finding.MEASURE_VERIFIED) for _, h, b in floor.ordered if h == hall and b]
    seen = {b for b, _ in checked}
    pool = [b for b in floor.halls[hall] if b not in seen]
    count = min(len(pool), rng.randint(*VISITS_PER_HALL))
    sample = sorted(rng.sample(pool, count))
    findings = [f for f, _ in FINDINGS]
    weights = [w for _, w in FINDINGS]
    return checked + [(b, rng.choices(findings, weights)[0]) for b in sample]


def _photos(booth: str, finding: Finding, at: datetime, zone: ZoneInfo) -> list[PhotoInput]:
    colour = PHOTO_COLOURS.get(finding)
    if colour is None:
        return []
    stamp = at.astimezone(zone).strftime("%Y%m%d-%H%M")
    return [PhotoInput(f"IMG_{stamp}_{booth}.jpg", _jpeg(booth, colour))]


def _jpeg(booth: str, colour: tuple[int, int, int]) -> bytes:
    """A small picture standing in for a photo of the booth: its colour and number."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (480, 320), (236, 239, 241))
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 60, 440, 280), fill=colour)
    draw.rectangle((150, 120, 330, 220), fill=(250, 250, 250))
    draw.text((165, 160), booth, fill=(33, 33, 33))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


def _rechecks_due_today(
    desk: Context, clock: _Clock, floor: _Floor, now: datetime, rng: random.Random
) -> int:
    """Cover the exhibits of a few cases found infringing, just after the desk's latest
    step and within opening hours, so their re-checks fall due later today."""
    at = floor.last_step + timedelta(minutes=rng.randint(3, 9))
    done = 0
    for number in floor.found[:RECHECKS_TODAY]:
        if at > now or not floor.calendar.is_open(at):
            break  # after hours: the desk would not order measures now
        clock.at = at
        act_on_case(
            desk,
            number,
            "order_remedy",
            reason="依参展合同采取处置措施 / Measures under the exhibitor contract",
            measure=MeasureType.COVER,
            undertaking_signed=True,
        )
        done += 1
        at += timedelta(minutes=rng.randint(2, 6))
    return done


def _consultations(
    desks: Sequence[Context],
    clock: _Clock,
    fair_code: str,
    floor: _Floor,
    now: datetime,
    rng: random.Random,
) -> int:
    """Questions at the desk on every fair day so far, within opening hours."""
    topics = [code for code, _ in consultations.TOPICS]
    weights = [5, 6, 3, 6, 2, 2, 3, 1]
    people = [(n, lang) for n, lang, _ in NATIONALITIES]
    shares = [w for _, _, w in NATIONALITIES]
    day, count = floor.start, 0
    while day <= now.astimezone(floor.zone).date():
        opening = datetime.combine(day, floor.opening, floor.zone)
        closing = min(datetime.combine(day, floor.closing, floor.zone), now)
        if closing > opening:
            for _ in range(rng.randint(*CONSULTATIONS_PER_DAY)):
                clock.at = opening + (closing - opening) * rng.random()
                nationality, language = rng.choices(people, shares)[0]
                topic = rng.choices(topics, weights)[0]
                consultations.log_consultation(
                    rng.choice(list(desks)), fair_code, topic, nationality, language
                )
                count += 1
        day += timedelta(days=1)
    return count
