"""No raw code reaches paper: every document kind in every state it applies to, the
statistics report, the follow-up list (CSV, XLSX, PDF) and the day report are read back
and searched for code-shaped words (`REMEDY_ORDERED`, `measure_verified`).

The screens are searched the same way in tests/gui/test_no_code_words.py.
"""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from fairdesk.documents import kinds as K
from fairdesk.domain.enums import CaseState, ComplaintState
from fairdesk.domain.errors import IllegalTransition
from fairdesk.services.casework.case_export import export_cases
from fairdesk.services.casework.cases import CaseFilter
from fairdesk.services.casework.steps import act_on_complaint
from fairdesk.services.intake.intake import register_complaint
from fairdesk.services.organizer.day_report import day_report, format_day_report
from fairdesk.services.organizer.followup import export_followup
from fairdesk.services.organizer.statistics_report import export_report
from fairdesk.services.paper import documents as docs
from tests.conftest import FakeClock, Team
from tests.helpers import FAIR, complaint_input
from tests.unit.test_documents import CASE_KINDS, COMPLAINT_KINDS, ORDER, PATHS
from tests.unit.test_followup import CURRENT, build_history

UPPER_SNAKE = re.compile(r"\b[A-Z]{2,}(?:_[A-Z0-9]+)+\b")
LOWER_SNAKE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")
# A state's code of one word ("ESCALATED") has no underscore to give it away.
STATE_CODES = re.compile(
    r"\b(?:" + "|".join(sorted({*CaseState, *ComplaintState}, key=len, reverse=True)) + r")\b"
)
PATTERNS = (UPPER_SNAKE, LOWER_SNAKE, STATE_CODES)
# Not codes, so taken out before searching: e-mail addresses and web addresses (a
# person's or company's own spelling, underscores included) and file names with an
# extension (what a person saved or attached is named as they named it).
NOT_CODES = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail
    r"|\b(?:https?://|www\.)\S+"  # web address
    r"|\b[\w-]+\.(?:pdf|png|jpe?g|csv|xlsx|zip|sqlite3|txt|json)\b",  # file name
    re.IGNORECASE,
)

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) not installed"
)


def code_words(text: str) -> list[str]:
    """The code-shaped words in `text`, e-mail and web addresses and file names aside."""
    plain = NOT_CODES.sub(" ", text)
    return [m.group() for p in PATTERNS for m in p.finditer(plain)]


def assert_no_codes(texts: Iterable[str], where: str) -> None:
    found: dict[str, str] = {}
    for text in texts:
        plain = NOT_CODES.sub(" ", text)
        for pattern in PATTERNS:
            for m in pattern.finditer(plain):
                found.setdefault(m.group(), " ".join(plain[m.start() - 60 : m.end() + 60].split()))
    assert not found, f"{where}: raw codes reach a person: {found}"


def test_the_search_finds_codes_and_spares_addresses() -> None:
    assert set(code_words("状态：REMEDY_ORDERED; trigger: defence_overdue")) == {
        "REMEDY_ORDERED",
        "defence_overdue",
    }
    assert code_words("measure_verified") == ["measure_verified"]
    assert code_words("Open cases: X-1 (ESCALATED)") == ["ESCALATED"]
    assert code_words("mail li_ming@example.com, see https://x.example/a_b, scan_01.png") == []
    assert code_words("TEST2026-0001-1 · 91310000TEST00001A · Re-inspection due") == []


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode()


@pytest.fixture
def case_in(team: Team, clock: FakeClock) -> Callable[[str], str]:
    from tests.helpers import make_fair

    make_fair(team.admin)

    def make(state: str) -> str:
        from fairdesk.services.casework.steps import act_on_case

        reg = register_complaint(team.desk, FAIR, complaint_input())
        act_on_complaint(team.desk, reg.number, "accept")
        number = reg.case_numbers[0]
        for action, params, role in PATHS[state]:
            if action == "mark_defence_overdue":
                clock.advance(hours=25)
            if params.get("served_at") == "now":
                params = params | {"served_at": clock.current}
            needs_reason = action.startswith("decide_") or action in ("self_remedy", "withdraw")
            reason = "经审查双方材料" if needs_reason else ""
            act_on_case(team.by_role(role), number, action, reason=reason, **params)
        return number

    return make


@needs_poppler
def test_no_document_prints_a_code(
    team: Team, case_in: Callable[[str], str], tmp_path: Path
) -> None:
    printed: set[str] = set()
    for state in PATHS:
        number = case_in(state)
        for k in sorted(CASE_KINDS, key=lambda k: ORDER.get(k.code, 9)):
            if state not in k.states:
                continue
            kw: dict[str, Any] = {"copy": "respondent"} if k.needs_copy else {}
            try:
                info = docs.issue_document(team.desk, k.code, number, **kw)
            except IllegalTransition:
                continue  # applies in this state, but a fact it needs is missing
            printed.add(k.code)
            assert_no_codes([pdf_text(info.pdf, tmp_path)], f"{k.code} of a {state} case")
    complaint_paths: dict[str, list[tuple[str, dict[str, Any]]]] = {
        "DRAFT": [],
        "PENDING_SUPPLEMENT": [("request_supplement", {"missing_items": "专利登记簿副本"})],
        "TRANSFERRED": [
            ("accept", {"authority": "上海市知识产权局"}),
            ("transfer", {"authority": "上海市知识产权局"}),
        ],
        "REJECTED": [("reject", {"reason_code": "repeat_without_follow_up"})],
    }
    for state, actions in complaint_paths.items():
        reg = register_complaint(team.desk, FAIR, complaint_input())
        for action, params in actions:
            act_on_complaint(team.desk, reg.number, action, **params)
        for k in COMPLAINT_KINDS:
            if state in k.states:
                info = docs.issue_document(team.desk, k.code, reg.number)
                printed.add(k.code)
                assert_no_codes([pdf_text(info.pdf, tmp_path)], f"{k.code} of a {state} complaint")
    assert printed == set(K.KINDS)


@needs_poppler
def test_no_report_or_list_prints_a_code(team: Team, clock: FakeClock, tmp_path: Path) -> None:
    build_history(team, clock)
    report = tmp_path / "report.pdf"
    export_report(team.organizer, CURRENT, report)
    assert_no_codes([pdf_text(report.read_bytes(), tmp_path)], "statistics report")
    export_followup(team.organizer, CURRENT, tmp_path / "list.csv")
    with (tmp_path / "list.csv").open(encoding="utf-8-sig", newline="") as f:
        assert_no_codes([c for row in csv.reader(f) for c in row], "follow-up list (CSV)")
    export_followup(team.organizer, CURRENT, tmp_path / "list.xlsx")
    book = openpyxl.load_workbook(tmp_path / "list.xlsx")
    cells = [str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert_no_codes([c for c in cells if c != "None"], "follow-up list (XLSX)")
    export_followup(team.organizer, CURRENT, tmp_path / "list.pdf")
    assert_no_codes(
        [pdf_text((tmp_path / "list.pdf").read_bytes(), tmp_path)], "follow-up list (PDF)"
    )
    export_cases(team.desk, CaseFilter(CURRENT), tmp_path / "cases.csv")
    with (tmp_path / "cases.csv").open(encoding="utf-8-sig", newline="") as f:
        assert_no_codes([c for row in csv.reader(f) for c in row], "case list (CSV)")
    for day in (date(2026, 11, 5), date(2026, 11, 6), date(2026, 11, 7)):
        assert_no_codes([format_day_report(day_report(team.desk, CURRENT, day))], f"day {day}")
