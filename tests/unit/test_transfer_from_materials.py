"""The 24 h transfer period counts from the receipt of complete materials (2006 Measures
Art 11: 收到投诉材料后24小时内), not from the acceptance click: the acceptance receipt's
deadline and the statistics' "transferred on time" use that one clock.

Each test failed before this change; they run on SQLite or PostgreSQL (FAIRDESK_TEST_DB).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from fairdesk.services.casework.steps import act_on_complaint
from fairdesk.services.intake.intake import register_complaint
from fairdesk.services.organizer.statistics import fair_statistics
from fairdesk.services.paper import documents
from tests.conftest import FakeClock, Team
from tests.helpers import FAIR, complaint_input, make_fair

AUTHORITY = "上海市知识产权局 / Shanghai Intellectual Property Administration"


@pytest.fixture
def fair(team: Team) -> str:
    return make_fair(team.admin)


def _receipt_text(team: Team, number: str, tmp_path: Path) -> str:
    pdf = tmp_path / "receipt.pdf"
    pdf.write_bytes(documents.issue_document(team.desk, "acceptance-receipt", number).pdf)
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    return "".join(out.split())


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext not installed")
def test_the_receipt_counts_from_the_complete_materials(
    team: Team, clock: FakeClock, fair: str, tmp_path: Path
) -> None:
    # Received complete at 09:30 (Shanghai); accepted two hours later.
    number = register_complaint(team.desk, FAIR, complaint_input()).number
    clock.advance(hours=2)
    act_on_complaint(team.desk, number, "accept", authority=AUTHORITY)
    assert "2026-11-0609:30前" in _receipt_text(team, number, tmp_path)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext not installed")
def test_after_a_supplement_the_period_counts_from_the_supplement(
    team: Team, clock: FakeClock, fair: str, tmp_path: Path
) -> None:
    data = complaint_input(commitment=False)
    number = register_complaint(team.desk, FAIR, data).number
    act_on_complaint(team.desk, number, "request_supplement", missing_items="承诺书")
    clock.advance(hours=3)  # 12:30: the signed commitment arrives
    act_on_complaint(team.desk, number, "record_received", commitment_signed="yes")
    clock.advance(hours=1)
    act_on_complaint(team.desk, number, "accept", authority=AUTHORITY)
    assert "2026-11-0612:30前" in _receipt_text(team, number, tmp_path)


def test_statistics_call_a_transfer_late_by_the_same_clock(
    team: Team, clock: FakeClock, fair: str
) -> None:
    # Accepted (with the authority named) 3 h after the materials; transferred 25 h after
    # the materials, 22 h after acceptance: late.
    number = register_complaint(team.desk, FAIR, complaint_input()).number
    clock.advance(hours=3)
    act_on_complaint(team.desk, number, "accept", authority=AUTHORITY)
    clock.advance(hours=22)
    act_on_complaint(team.desk, number, "transfer", authority=AUTHORITY)
    t = fair_statistics(team.organizer, FAIR).current.transfer
    assert (t.due, t.on_time, t.late) == (1, 0, 1)


def test_statistics_without_a_clock_count_from_the_materials_too(
    team: Team, clock: FakeClock, fair: str
) -> None:
    # No authority at acceptance (no clock): the transfer is judged by the same 24 h from
    # the complete materials.
    number = register_complaint(team.desk, FAIR, complaint_input()).number
    clock.advance(hours=3)
    act_on_complaint(team.desk, number, "accept")
    clock.advance(hours=22)
    act_on_complaint(team.desk, number, "transfer", authority=AUTHORITY)
    t = fair_statistics(team.organizer, FAIR).current.transfer
    assert (t.due, t.on_time, t.late) == (1, 0, 1)
