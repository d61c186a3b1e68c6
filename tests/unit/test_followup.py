"""The post-fair follow-up list: which cases, which values, and every export read back.

`build_history` is the small known dataset the statistics and watch-list tests share:
two editions, built through the real services on a fake clock, with the expected
figures counted by hand in its docstring.
"""

from __future__ import annotations

import csv
import dataclasses
import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from fairdesk.db.models import BoothVisit, PatrolRound, RespondentCase
from fairdesk.domain.normalize import exhibitor_identity
from fairdesk.domain.workflow import Entity, step
from fairdesk.exports.safe_cells import needs_neutralising
from fairdesk.services.casework.steps import act_on_case, act_on_complaint, available_steps
from fairdesk.services.fair.exhibitor_file import ExhibitorRecord
from fairdesk.services.fair.exhibitors import upsert_exhibitors
from fairdesk.services.fair.fairs import fair_by_code
from fairdesk.services.intake.intake import (
    ComplaintInput,
    ExhibitInput,
    PartyInput,
    RespondentInput,
    RightInput,
    register_complaint,
)
from fairdesk.services.organizer.consultations import log_consultation
from fairdesk.services.organizer.followup import (
    COLUMNS,
    PERSONAL_KEYS,
    count_followup,
    export_followup,
    followup_columns,
    iter_followup,
)
from tests.conftest import FakeClock, Team
from tests.helpers import exhibitor, make_fair, received

EARLIER, CURRENT, NEXT = "TEST2025", "TEST2026", "TEST2027"
CODE_1 = "91310000TEST00001A"  # exhibitor 1's credit code; it renamed itself in 2026
INJECTED = '=HYPERLINK("http://evil.example","click")'


@dataclass
class History:
    cases: dict[str, str]  # label -> case number
    complaints: dict[str, str]


def _record(n: int, booth: str, **changes: Any) -> ExhibitorRecord:
    rec = exhibitor(n, booth, credit=changes.pop("credit", ""))
    rec = dataclasses.replace(rec, **changes)
    identity = exhibitor_identity(rec.credit_code, rec.name_zh, rec.name_en)
    return dataclasses.replace(rec, identity=identity)


def _complaint(booth: str, *, right: RightInput | None = None, **kw: Any) -> ComplaintInput:
    right = right or RightInput(
        "design", "ZL202330123456.7", "座椅", "示例品牌", valid_until=date(2038, 1, 1)
    )
    kw.setdefault("materials", received([right.ip_type], agent="agent" in kw))
    return ComplaintInput(
        complainant=kw.pop("complainant", PartyInput("示例品牌股份有限公司", "Example Brand Co.")),
        rights=[right],
        respondents=[
            RespondentInput(
                booth=booth, exhibits=[ExhibitInput(kw.pop("exhibit", "椅子"), "X-1", 2)]
            )
        ],
        commitment_signed=True,
        **kw,
    )


def build_history(team: Team, clock: FakeClock) -> History:
    """Two editions of the TEST fair.

    TEST2025 (one earlier edition): exhibitor 1 (credit code CODE_1, then named 旧名展商)
    and exhibitor 3 (no credit code) are each found infringing once.

    TEST2026, six days from 2026-11-05, 09:00-17:00 Shanghai; exhibitors 1-5 at
    4.1A01-A05 (exhibitor 1 renamed, same credit code; exhibitor 4 Chinese, the rest
    German; exhibitor 5's names and contacts carry formula text). Complaints, each
    registered, then accepted after `gap` hours, then notified 30 minutes later; c1-c4
    on 5 November from 09:30, the rest on 6 November from 09:30:

    | label | booth | gap | path                                           | list? |
    | c1    | A01   | 1 h | defence, infringing (merits), detain, re-check  | yes   |
    |       |       |     | failed (re-displayed), escalate: credit referral|       |
    | c2    | A02   | 2 h | mediation, settled                              | no    |
    | c3    | A03   | 3 h | trademark; agent; accepted for transfer,        | yes   |
    |       |       |     | transferred 2 h later; undetermined, referred   |       |
    | c4    | A04   | 1 h | defence, not infringing, closed                 | no    |
    | c5    | A05   | 2 h | notified only (open); complainant INJECTED      | yes   |
    | c6    | A01   | 1 h | withdrawn                                       | no    |
    | c8    | A03   | -   | rejected (no standing)                          | no    |
    | k7    | A02   | -   | commercial (payment): accepted, settled         | no    |

    Hand-counted for TEST2026: 7 IP complaints, 6 accepted, 1 rejected; 7 respondent
    cases against 5 enterprises; 6 cases of accepted complaints, 1 confirmed (rate 1/6);
    complaints by type: design 6, trademark 1; foreign-related 6 (all but c4); outcomes:
    infringing, settled, undetermined, not infringing, open, withdrawn, not accepted, 1
    each; register->accept hours [1, 2, 3, 1, 2, 1]: median 1.5, max 3; accept->notify
    0.5 h for all 6; transfers: 1 due, 1 on time; 3 consultations (patent 2, trademark 1);
    1 patrol round with 2 booth visits (nothing, suspected infringement); 1 commercial
    dispute (payment), settled. TEST2025: 2 complaints, 2 confirmed.
    """
    admin, desk = team.admin, team.desk
    # -- TEST2025 --
    clock.set(datetime(2025, 11, 5, 1, 30, tzinfo=UTC))
    make_fair(admin, code=EARLIER, start=date(2025, 11, 5), end=date(2025, 11, 10), exhibitors=0)
    with admin.db.writing() as session:
        fair = fair_by_code(session, EARLIER)
        upsert_exhibitors(
            session,
            fair.id,
            [
                _record(
                    1, "4.1B01", credit=CODE_1, name_zh="旧名展商有限公司", name_en="Old Name GmbH"
                ),
                _record(3, "4.1B03", name_en="TEST EXHIBITOR 3 GMBH"),
            ],
            clock(),
        )
    for booth in ("4.1B01", "4.1B03"):
        reg = register_complaint(desk, EARLIER, _complaint(booth))
        act_on_complaint(desk, reg.number, "accept")
        case = reg.case_numbers[0]
        act_on_case(desk, case, "notify")
        act_on_case(desk, case, "record_defence", summary="不侵权")
        act_on_case(desk, case, "begin_review")
        act_on_case(desk, case, "decide_infringing", trigger="merits", legal_basis="Art 27")
        act_on_case(desk, case, "order_remedy", measure="cover")
    # -- TEST2026 --
    clock.set(datetime(2026, 11, 5, 1, 30, tzinfo=UTC))
    make_fair(admin, code=CURRENT, exhibitors=0)
    with admin.db.writing() as session:
        fair = fair_by_code(session, CURRENT)
        upsert_exhibitors(
            session,
            fair.id,
            [
                _record(1, "4.1A01", credit=CODE_1),
                _record(2, "4.1A02"),
                _record(3, "4.1A03"),
                _record(4, "4.1A04", country="中国", country_en="China"),
                _record(
                    5,
                    "4.1A05",
                    name_en="@SUM(1+1)",
                    contact="-1+1",
                    phone="+49 30 1234 5678",
                    email="kontakt@exhibitor5.example",
                ),
            ],
            clock(),
        )
    cases: dict[str, str] = {}
    complaints: dict[str, str] = {}

    def intake(label: str, data: ComplaintInput, gap: float, **accept: Any) -> str:
        reg = register_complaint(desk, CURRENT, data)
        complaints[label] = reg.number
        clock.advance(hours=gap)
        act_on_complaint(desk, reg.number, "accept", **accept)
        clock.advance(minutes=30)
        act_on_case(desk, reg.case_numbers[0], "notify", served_at=desk.now())
        cases[label] = reg.case_numbers[0]
        return reg.case_numbers[0]

    c1 = intake("c1", _complaint("4.1A01"), 1)
    act_on_case(desk, c1, "record_defence", summary="我们有自己的设计")
    act_on_case(desk, c1, "begin_review")
    act_on_case(desk, c1, "decide_infringing", trigger="merits", legal_basis="条例第27条")
    act_on_case(desk, c1, "order_remedy", measure="detain", storage_place="4号馆仓库")
    act_on_case(desk, c1, "request_recheck")
    act_on_case(team.inspector, c1, "recheck_failed", result="redisplayed")
    act_on_case(desk, c1, "escalate", escalation="credit_referral")

    c2 = intake("c2", _complaint("4.1A02"), 2)
    act_on_case(desk, c2, "start_mediation")
    act_on_case(desk, c2, "settle", terms="撤下展品并赔偿")

    trademark = RightInput(
        "trademark", "12345678", "示例", "示例品牌", valid_until=date(2030, 1, 1)
    )
    c3 = intake(
        "c3",
        _complaint(
            "4.1A03",
            right=trademark,
            agent=PartyInput("示例律师事务所", "Example Law Firm"),
            power_of_attorney=True,
        ),
        3,
        authority="上海市知识产权局",
    )
    clock.advance(hours=2)
    act_on_complaint(desk, complaints["c3"], "transfer", authority="上海市知识产权局")
    act_on_case(desk, c3, "record_defence", summary="已获授权")
    act_on_case(desk, c3, "begin_review")
    act_on_case(desk, c3, "decide_undetermined", reason="需技术鉴定")
    act_on_case(desk, c3, "refer", authority="上海市知识产权局")

    c4 = intake("c4", _complaint("4.1A04"), 1)
    act_on_case(desk, c4, "record_defence", summary="不同设计")
    act_on_case(desk, c4, "begin_review")
    act_on_case(desk, c4, "decide_not_infringing", reason="设计不同")
    act_on_case(desk, c4, "close")

    clock.set(datetime(2026, 11, 6, 1, 30, tzinfo=UTC))  # the second morning
    intake(
        "c5",
        _complaint(
            "4.1A05",
            complainant=PartyInput(INJECTED, "\t=1+1"),
            exhibit="+SUM(1,2)",
            # A right the complainant holds itself (standing is checked at acceptance).
            right=RightInput(
                "design", "ZL202330765432.1", "座椅", INJECTED, valid_until=date(2038, 1, 1)
            ),
        ),
        2,
    )
    c6 = intake("c6", _complaint("4.1A01"), 1)
    act_on_case(desk, c6, "withdraw", reason="双方和解")

    reg = register_complaint(desk, CURRENT, _complaint("4.1A03"))
    act_on_complaint(desk, reg.number, "reject", reason_code="no_standing")
    complaints["c8"], cases["c8"] = reg.number, reg.case_numbers[0]

    reg = register_complaint(
        desk,
        CURRENT,
        ComplaintInput(
            complainant=PartyInput("某贸易公司"),
            respondents=[RespondentInput(booth="4.1A02")],
            kind="commercial",
            dispute_type="payment",
            commitment_signed=True,
        ),
    )
    act_on_complaint(desk, reg.number, "accept")
    act_on_case(desk, reg.case_numbers[0], "mediate_dispute")  # no notice: not an IP case
    act_on_case(desk, reg.case_numbers[0], "settle", terms="付款")
    complaints["k7"], cases["k7"] = reg.number, reg.case_numbers[0]

    log_consultation(desk, CURRENT, "patent", "德国", "de")
    log_consultation(desk, CURRENT, "patent", "德国", "de")
    log_consultation(desk, CURRENT, "trademark", "日本", "ja")
    with admin.db.writing() as session:
        fair = fair_by_code(session, CURRENT)
        rnd = PatrolRound(
            uid="r1",
            fair_id=fair.id,
            hall="4.1",
            inspector_id=team.inspector.actor.user_id,
            started_at=clock(),
        )
        session.add(rnd)
        session.flush()
        for i, finding in enumerate(("nothing", "suspected_infringement")):
            session.add(
                BoothVisit(
                    uid=f"v{i}",
                    round_id=rnd.id,
                    fair_id=fair.id,
                    booth_no=f"4.1A0{i + 1}",
                    finding=finding,
                    visited_at=clock(),
                )
            )
    return History(cases, complaints)


@pytest.fixture
def history(team: Team, clock: FakeClock) -> History:
    return build_history(team, clock)


def _rows(team: Team, contacts: bool = True, **kw: Any) -> list[tuple[Any, ...]]:
    return list(iter_followup(team.organizer, CURRENT, include_contacts=contacts, **kw))


def test_the_list_holds_cases_not_closed_cleanly_or_found_infringing(
    team: Team, history: History
) -> None:
    rows = _rows(team)
    keys = [c.key for c in COLUMNS]
    by_case = {r[0]: dict(zip(keys, r, strict=True)) for r in rows}
    c = history.cases
    assert set(by_case) == {c["c1"], c["c3"], c["c5"]}
    assert count_followup(team.organizer, CURRENT) == 3
    assert [r[0] for r in _rows(team, batch=1)] == [r[0] for r in rows]  # batches change nothing

    one = by_case[c["c1"]]
    assert one["respondent_zh"] == "测试展商1有限公司" and one["credit_code"] == CODE_1
    assert (
        one["outcome"].startswith("初步认定侵权 / Infringement found preliminarily")
        and "On review of both parties' materials" in one["trigger"]
    )
    assert one["measures"].startswith("撤下并暂存保管 / Take down and keep in custody 2026-11-05")
    assert "报送信用平台 / Refer to the credit platform" in one["measures"]
    assert (
        one["recheck"] == "展品重新展出 / The exhibit was displayed again"
        and one["redisplayed"] == "是 / yes"
    )
    assert one["detained_returned"] == "否 / no (4号馆仓库)"
    assert (one["cases_this"], one["infringing_this"], one["infringing_earlier"]) == (2, 1, 1)
    assert one["earlier_editions"] == EARLIER
    assert one["bar_proposal"].startswith("是 / yes (2")  # infringing in 2025 and 2026
    assert one["credit_referral"].startswith("是 / yes (2026-11-05")
    assert one["screening"].startswith("建议禁止参加下届展会")
    assert isinstance(one["received_at"], datetime) and one["received_at"].hour == 9
    assert one["decided_on"] == date(2026, 11, 5)

    three = by_case[c["c3"]]
    assert three["agent"] == "示例律师事务所"
    # The right named as the papers name it, its number in the register's form.
    assert three["right_type"] == "注册商标专用权 / Exclusive right to a registered trademark"
    assert three["right_number"] == "第12345678号"
    assert one["right_type"] == "外观设计专利权 / Design patent right"
    assert three["referral_authority"] == "上海市知识产权局"
    assert three["referral_status"] == "已移交 / referred"
    assert three["referral_date"] == date(2026, 11, 5)
    assert (three["infringing_earlier"], three["bar_proposal"]) == (1, "")  # by name, 2025

    five = by_case[c["c5"]]
    assert (
        five["complainant"] == INJECTED
        and five["state"] == "已通知，答辩期内 / Notified, defence period running"
    )
    assert five["phone"] == "+49 30 1234 5678"


def test_no_contacts_leaves_out_phone_email_and_contact(team: Team, history: History) -> None:
    keys = [c.key for c in followup_columns(include_contacts=False)]
    assert {"contact", "phone", "email"} == PERSONAL_KEYS
    assert not PERSONAL_KEYS & set(keys)
    rows = _rows(team, contacts=False)
    assert all(len(r) == len(keys) for r in rows)
    flat = " ".join(str(v) for r in rows for v in r)
    assert "1234 5678" not in flat and "exhibitor5.example" not in flat


def _plain(value: Any) -> Any:
    return (
        value.date()
        if isinstance(value, datetime) and value.time() == datetime.min.time()
        else value
    )


def test_xlsx_reads_back_equal_with_dates_numbers_and_inert_formulas(
    team: Team, history: History, tmp_path: Path
) -> None:
    path = tmp_path / "followup.xlsx"
    seen: list[tuple[int, int]] = []
    result = export_followup(
        team.organizer, CURRENT, path, progress=lambda d, t: seen.append((d, t))
    )
    assert (result.rows, result.format, seen[0], seen[-1]) == (3, "xlsx", (0, 3), (3, 3))
    expected = _rows(team)
    book = openpyxl.load_workbook(path)
    ws = book.worksheets[0]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(COLUMNS))}4"
    assert [c.value for c in ws[1]] == [c.header for c in COLUMNS]
    assert ws.column_dimensions["A"].width > 10
    got = [tuple(c.value for c in row) for row in ws.iter_rows(min_row=2)]
    assert len(got) == len(expected)
    for want, have in zip(expected, got, strict=True):
        assert tuple(None if v in ("", None) else v for v in want) == tuple(_plain(v) for v in have)
    kinds = {c.key: i for i, c in enumerate(COLUMNS)}
    first = list(ws.iter_rows(min_row=2, max_row=2))[0]
    assert first[kinds["received_at"]].is_date and first[kinds["decided_on"]].is_date
    assert first[kinds["cases_this"]].data_type == "n"
    for row in ws.iter_rows():
        for cell in row:
            assert cell.data_type != "f", cell.coordinate
            if isinstance(cell.value, str) and needs_neutralising(cell.value):
                assert cell.quotePrefix, (cell.coordinate, cell.value)
    texts = [c.value for row in ws.iter_rows() for c in row]
    assert INJECTED in texts and "@SUM(1+1)" in texts and "+SUM(1,2) (X-1) ×2" in texts


def test_csv_reads_back_equal_with_bom_and_inert_formulas(
    team: Team, history: History, tmp_path: Path
) -> None:
    path = tmp_path / "followup.csv"
    export_followup(team.organizer, CURRENT, path, include_contacts=False)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f))
    columns = followup_columns(include_contacts=False)
    assert table[0] == [c.header_line for c in columns]
    expected = _rows(team, contacts=False)
    assert len(table) == len(expected) + 1
    for want, have in zip(expected, table[1:], strict=True):
        for value, text in zip(want, have, strict=True):
            if value in (None, ""):
                assert text == ""
            elif isinstance(value, datetime):
                assert text == value.strftime("%Y-%m-%d %H:%M")
            elif isinstance(value, date):
                assert text == value.isoformat()
            elif isinstance(value, int):
                assert text == str(value)
            elif needs_neutralising(value):
                assert text == "'" + value  # inert: the apostrophe makes it text
            else:
                assert text == value
    cells = [c for row in table for c in row]
    assert "'" + INJECTED in cells and "'@SUM(1+1)" in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_pdf_has_every_case_and_page_numbers(team: Team, history: History, tmp_path: Path) -> None:
    path = tmp_path / "followup.pdf"
    result = export_followup(team.organizer, CURRENT, path)
    assert result.rows == 3 and path.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    for label in ("c1", "c3", "c5"):
        assert history.cases[label] in text
    assert "Page 1 of 1" in text and "Post-fair follow-up list" in text


def test_cancel_leaves_no_file_and_an_earlier_export_intact(
    team: Team, history: History, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    path = out / "followup.csv"
    path.write_text("earlier export", encoding="utf-8")

    class Stop(Exception):
        pass

    def cancel(done: int, total: int) -> None:
        if done > 0:
            raise Stop

    for name in ("followup.csv", "followup.xlsx", "followup.pdf"):
        target = out / name
        with pytest.raises(Stop):
            export_followup(team.organizer, CURRENT, target, progress=cancel)
    assert path.read_text(encoding="utf-8") == "earlier export"
    assert sorted(p.name for p in out.iterdir()) == ["followup.csv"]


def test_unknown_format_is_refused(team: Team, history: History, tmp_path: Path) -> None:
    from fairdesk.domain.errors import InvalidInput

    with pytest.raises(InvalidInput, match=r"ending in \.xlsx, \.csv or \.pdf"):
        export_followup(team.organizer, CURRENT, tmp_path / "list.docx")


@pytest.fixture
def far_local_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The process's own zone 14 hours from UTC, so a naive time taken as local, not as
    UTC, lands on another day (the test machines run in UTC, where it would not show)."""
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_the_lists_times_are_the_stored_times_in_the_fairs_zone(
    team: Team, history: History, far_local_zone: None
) -> None:
    """The list reads its times as the naive UTC they are stored as, without the column
    type's conversion: each must be the time the ORM reads (aware UTC), in the fair's
    zone, to the minute for the receipt and to the day for the others."""
    keys = [c.key for c in COLUMNS]
    rows = [dict(zip(keys, r, strict=True)) for r in _rows(team)]
    with team.admin.db.reading() as session:
        zone = ZoneInfo(fair_by_code(session, CURRENT).timezone)
        cases = {
            c.number: c
            for c in session.scalars(
                select(RespondentCase).options(selectinload(RespondentCase.complaint))
            )
        }

        def day(at: datetime | None) -> date | None:
            return at.astimezone(zone).date() if at is not None else None

        for row in rows:
            case = cases[row["case_number"]]
            received = case.complaint.received_at.astimezone(zone)
            assert row["received_at"] == received.replace(tzinfo=None, second=0, microsecond=0)
            assert row["notified_on"] == day(case.notified_at)
            assert row["decided_on"] == day(case.decided_at)
            assert row["closed_on"] == day(case.closed_at)
    assert any(r["decided_on"] for r in rows) and any(r["notified_on"] for r in rows)


# -- a claim the decision did not uphold (fourth document review, top 1) ---------------------

DESIGN_NO, MARK_NO = "ZL202330123456.7", "第45678901号"


def found_infringing(team: Team, fair: str, booth: str, exhibits: list[ExhibitInput]) -> str:
    """A design-and-trademark complaint against `booth`, found infringing on the merits; a
    claim under a right no exhibit is accused under is disposed of as not upheld."""
    data = _complaint(booth)
    data.rights.append(
        RightInput("trademark", MARK_NO, "EXAMPLE", "示例品牌", valid_until=date(2030, 1, 1))
    )
    data.materials = received(["design", "trademark"])
    data.respondents[0].exhibits = exhibits
    reg = register_complaint(team.desk, fair, data)
    act_on_complaint(team.desk, reg.number, "accept")
    case = reg.case_numbers[0]
    act_on_case(team.desk, case, "notify")
    act_on_case(team.desk, case, "record_defence", summary="展品系自主设计")
    act_on_case(team.desk, case, "begin_review")
    decide = step(Entity.CASE, "decide_infringing")
    start = available_steps(team.desk, case).start_values(decide, {})
    act_on_case(
        team.desk, case, "decide_infringing", trigger="merits", legal_basis="参展合同",
        **{k: val for k, val in start.items() if k == "other_claims"},
    )  # fmt: skip
    return case


def test_a_claim_not_upheld_is_neither_listed_nor_screened(team: Team, clock: FakeClock) -> None:
    make_fair(team.admin, code=CURRENT)
    design_only = found_infringing(
        team, CURRENT, "4.1A01", [ExhibitInput("椅子", "X-1", 2, rights=[DESIGN_NO])]
    )
    both = found_infringing(
        team, CURRENT, "4.1A02",
        [
            ExhibitInput("椅子", "X-1", 2, rights=[DESIGN_NO]),
            ExhibitInput("靠垫", "C-2", 1, rights=[MARK_NO]),
        ],
    )  # fmt: skip
    keys = [c.key for c in COLUMNS]
    rows = {r[0]: dict(zip(keys, r, strict=True)) for r in _rows(team)}
    one, two = rows[design_only], rows[both]
    assert one["right_number"] == DESIGN_NO
    assert one["right_type"] == "外观设计专利权 / Design patent right"
    assert one["screening"].startswith(f"展前重点核查 / check before opening: {DESIGN_NO} — 椅子")
    assert MARK_NO not in one["screening"]
    # Where an exhibit was found to infringe the mark, the mark is listed and screened.
    assert two["right_number"] == f"{DESIGN_NO}; {MARK_NO}"
    assert f"{DESIGN_NO}; {MARK_NO} — " in two["screening"]
