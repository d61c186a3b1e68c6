"""Exhibitors' signed IP commitments (知识产权承诺书) come with the exhibitor list: a column
under any of its usual headers, yes/no in either language; a value that says neither is
named by file, row and column, and the exhibitor keeps what it had."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import select

from fairdesk.db.models import Exhibitor
from fairdesk.services.fair.exhibitor_file import read_exhibitor_file
from fairdesk.services.fair.exhibitors import import_exhibitors
from fairdesk.services.fair.fairs import fair_by_code
from tests.conftest import Team
from tests.helpers import FAIR, make_fair

HEADER = ["展商名称", "Exhibitor Name", "展馆", "展位号"]


def _write(path: Path, column: str, values: list[str]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow([*HEADER, column])
        for n, value in enumerate(values, start=1):
            name = (f"承诺展商{n}有限公司", f"Pledge Exhibitor {n} Ltd")
            out.writerow([*name, "5.1", f"5.1A{n:02d}", value])
    return path


def _signed(team: Team) -> dict[str, bool]:
    with team.admin.db.reading() as session:
        fair_id = fair_by_code(session, FAIR).id
        return {
            e.name_en: e.ip_commitment_signed
            for e in session.scalars(select(Exhibitor).where(Exhibitor.fair_id == fair_id))
        }


@pytest.mark.parametrize("column", ["知识产权承诺书", "IP commitment", "已签承诺"])
def test_the_commitment_column_is_read_under_each_header(tmp_path: Path, column: str) -> None:
    values = ["是", "否", "yes", "NO", "1", "0", "✓", ""]
    result = read_exhibitor_file(_write(tmp_path / "list.csv", column, values))
    assert result.rejected == []
    assert result.columns["ip_commitment"] == column
    assert [r.ip_commitment for r in result.records] == [
        True, False, True, False, True, False, True, None
    ]  # fmt: skip


def test_a_value_that_is_neither_yes_nor_no_is_named_by_row_and_column(tmp_path: Path) -> None:
    result = read_exhibitor_file(_write(tmp_path / "list.csv", "知识产权承诺书", ["是", "maybe"]))
    assert [r.name_en for r in result.records] == ["Pledge Exhibitor 1 Ltd"]
    ((row, reason),) = [(r.row, r.reason) for r in result.rejected]
    assert row == 3
    assert reason == "知识产权承诺书 is 'maybe', not yes or no (是/否, 1/0, ✓)"


def test_import_records_the_commitment_and_a_blank_cell_keeps_it(
    team: Team, tmp_path: Path
) -> None:
    make_fair(team.admin, exhibitors=0)
    import_exhibitors(team.admin, FAIR, _write(tmp_path / "a.csv", "IP commitment", ["yes", "no"]))
    assert _signed(team) == {"Pledge Exhibitor 1 Ltd": True, "Pledge Exhibitor 2 Ltd": False}
    # A later list signs the second and says nothing of the first.
    report = import_exhibitors(
        team.admin, FAIR, _write(tmp_path / "b.csv", "IP commitment", ["", "是"])
    )
    assert (report.updated, report.unchanged) == (1, 1)
    assert _signed(team) == {"Pledge Exhibitor 1 Ltd": True, "Pledge Exhibitor 2 Ltd": True}
