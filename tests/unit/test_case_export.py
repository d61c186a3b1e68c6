"""Export of the case list (a selection or all shown) to CSV and XLSX, read back."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from fairdesk.db.models import AuditEvent
from fairdesk.domain.errors import InvalidInput, PermissionDenied
from fairdesk.services.casework.case_export import CASE_COLUMNS, export_cases
from fairdesk.services.casework.cases import CaseFilter
from fairdesk.services.casework.steps import act_on_case, act_on_complaint
from fairdesk.services.intake.intake import PartyInput, RightInput, register_complaint
from tests.conftest import Team
from tests.helpers import FAIR, complaint_input, make_fair


@pytest.fixture
def cases(team: Team) -> list[str]:
    make_fair(team.admin, exhibitors=5)
    numbers = []
    for booth in ("4.1A01", "4.1A02", "4.1A03"):
        data = complaint_input(booth)
        if booth == "4.1A02":  # a complainant name that a spreadsheet would run
            evil = '=HYPERLINK("http://x","click")'
            # (holding the right it complains under: standing is checked at acceptance)
            until = date(2038, 1, 1)
            held = RightInput("design", "ZL202330765432.1", "座椅", evil, valid_until=until)
            data = complaint_input(booth, right=held)
            data.complainant = PartyInput(evil, "Evil")
        reg = register_complaint(team.desk, FAIR, data)
        act_on_complaint(team.desk, reg.number, "accept")
        numbers.extend(reg.case_numbers)
    act_on_case(team.desk, numbers[0], "notify", served_at=team.desk.now())
    return numbers


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, so Excel shows Chinese
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def test_selection_to_csv(team: Team, cases: list[str], tmp_path: Path) -> None:
    out = tmp_path / "sel.csv"
    result = export_cases(team.desk, CaseFilter(FAIR), out, numbers=[cases[2], cases[0]])
    assert (result.rows, result.format) == (2, "csv")
    header, *rows = read_csv(out)
    assert header[0] == "案件编号 / Case" and len(header) == len(CASE_COLUMNS)
    assert [r[0] for r in rows] == [cases[0], cases[2]]  # in the list's order
    assert rows[0][2] == "已通知，答辩期内 / Notified, defence period running"
    assert rows[0][3] == "测试展商1有限公司"
    assert rows[0][9] == "答辩期限 / Defence" and rows[0][10].startswith("2026-11-")


def test_all_shown_with_formula_neutralised(team: Team, cases: list[str], tmp_path: Path) -> None:
    out = tmp_path / "all.csv"
    export_cases(team.desk, CaseFilter(FAIR, hall="4.1"), out)
    _header, *rows = read_csv(out)
    assert [r[0] for r in rows] == cases
    assert rows[1][7] == '\'=HYPERLINK("http://x","click")'


def test_filter_limits_the_export(team: Team, cases: list[str], tmp_path: Path) -> None:
    out = tmp_path / "notified.csv"
    assert export_cases(team.desk, CaseFilter(FAIR, states=("NOTIFIED",)), out).rows == 1


def test_xlsx_reads_back(team: Team, cases: list[str], tmp_path: Path) -> None:
    out = tmp_path / "cases.xlsx"
    assert export_cases(team.organizer, CaseFilter(FAIR), out).rows == 3
    ws = load_workbook(out).worksheets[0]
    values = list(ws.iter_rows(values_only=True))
    assert values[0][0] == "案件编号\nCase"
    assert [v[0] for v in values[1:]] == cases
    assert values[2][7] == '=HYPERLINK("http://x","click")'  # a string, quote-prefixed
    assert ws.cell(3, 8).data_type == "s" and ws.cell(3, 8).quotePrefix
    assert isinstance(values[1][8], datetime)


def test_export_is_audited(team: Team, cases: list[str], tmp_path: Path) -> None:
    export_cases(team.desk, CaseFilter(FAIR), tmp_path / "a.csv", numbers=[cases[1]])
    with team.desk.db.reading() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "cases.export")).one()
        assert event.username == "desk1"
        assert event.after == {
            "file": "a.csv",
            "format": "csv",
            "rows": 1,
            "selection": True,
            "numbers": [cases[1]],
        }


def test_refusals(team: Team, cases: list[str], tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied):
        export_cases(team.inspector, CaseFilter(FAIR), tmp_path / "x.csv")
    with pytest.raises(InvalidInput, match=r"\.csv or \.xlsx"):
        export_cases(team.desk, CaseFilter(FAIR), tmp_path / "x.pdf")
    assert not (tmp_path / "x.csv").exists()
