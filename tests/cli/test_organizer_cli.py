"""The organizer commands: exit codes, messages and files."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import openpyxl
import pytest

from fairdesk import cli, cli_organizer
from tests.conftest import FakeClock, Team
from tests.unit.test_followup import CURRENT, build_history


@pytest.fixture
def run(tmp_path: Path, db, capsys, monkeypatch):  # type: ignore[no-untyped-def]
    """Run `fairdesk --user USER ARGS` in-process against this test's database, with the
    organizer commands wired in as cli.py wires them."""
    if "export" not in cli.COMMANDS:
        original = cli.build_parser

        def build() -> object:
            parser = original()
            sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
            cli_organizer.add_parsers(sub)
            return parser

        monkeypatch.setattr(cli, "build_parser", build)
        for name, fn in cli_organizer.COMMANDS.items():
            monkeypatch.setitem(cli.COMMANDS, name, fn)

    def _run(user: str, *args: str) -> tuple[int, str, str]:
        monkeypatch.setenv("FAIRDESK_PASSWORD", f"{user}-pass-1")
        code = cli.main(
            ["--db", db.url, "--data-dir", str(tmp_path / "data"), "--user", user, *args]
        )
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def test_organizer_commands(run, team: Team, clock: FakeClock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    history = build_history(team, clock)
    xlsx, csv_path, pdf = tmp_path / "f.xlsx", tmp_path / "f.csv", tmp_path / "f.pdf"
    code, out, _ = run("organizer1", "export", "followup", "--fair", CURRENT, "-o", str(xlsx))
    assert code == 0 and "3 rows (xlsx)" in out
    assert openpyxl.load_workbook(xlsx).worksheets[0].max_row == 4
    code, out, _ = run(
        "organizer1", "export", "followup", "--fair", CURRENT, "-o", str(csv_path), "--no-contacts"
    )
    assert code == 0 and "without personal contact data" in out
    with csv_path.open(encoding="utf-8-sig") as f:
        header = next(csv.reader(f))
    assert "电话 / Phone" not in header and len(header) == 36
    assert run("desk1", "export", "followup", "--fair", CURRENT, "-o", str(pdf))[0] == 0

    code, out, _ = run("organizer1", "report", "--fair", CURRENT, "-o", str(tmp_path / "r.pdf"))
    assert code == 0 and "7 complaints, 7 respondent cases, 1 confirmed" in out
    code, out, _ = run("desk1", "report", "--fair", CURRENT, "--day", "2026-11-05")
    assert code == 0 and "new complaints:      4 IP" in out
    day = tmp_path / "day.txt"
    assert run("desk1", "report", "--fair", CURRENT, "--day", "2026-11-06", "-o", str(day))[0] == 0
    assert "3 IP, 1" in day.read_text(encoding="utf-8")

    code, out, _ = run("organizer1", "watchlist", "--fair", CURRENT, "--format", "json")
    rows = json.loads(out)
    assert code == 0 and [r["bar_proposal"] for r in rows] == ["yes", ""]
    code, out, _ = run("organizer1", "watchlist", "--fair", CURRENT, "--imported")
    assert code == 0 and "2 on the list" in out and "旧名展商有限公司" in out
    code, out, _ = run("organizer1", "screening", "--fair", CURRENT, "-o", str(tmp_path / "s.xlsx"))
    assert code == 0 and "2 companies to screen, 2 of them" in out

    code, out, _ = run(
        "desk1", "consult", "--fair", CURRENT, "--topic", "patent", "--language", "de"
    )
    assert code == 0 and "logged: patent" in out
    assert history.cases["c1"]


@pytest.mark.parametrize(
    ("user", "args", "message"),
    [
        (
            "inspector1",
            ["export", "followup", "--fair", "F", "-o", "x.xlsx"],
            "signed in as inspector",
        ),
        (
            "organizer1",
            ["export", "followup", "--fair", "NOPE", "-o", "x.csv"],
            "no fair with the code",
        ),
        ("organizer1", ["export", "followup", "--fair", "F", "-o", "x.doc"], "ending in .xlsx"),
        ("organizer1", ["report", "--fair", "F"], "Give -o FILE.pdf"),
        ("organizer1", ["report", "--fair", "F", "-o", "r.xlsx"], "should end in .pdf"),
        ("organizer1", ["consult", "--fair", "F", "--topic", "patent"], "signed in as organizer"),
        ("desk1", ["consult", "--fair", "F", "--topic", " "], "needs its topic"),
        ("organizer1", ["screening", "--fair", "F", "-o", "s.pdf"], "use .xlsx or .csv"),
    ],
)
def test_errors_exit_1_with_one_line(  # type: ignore[no-untyped-def]
    run, team: Team, tmp_path: Path, user: str, args: list[str], message: str
) -> None:
    from tests.helpers import make_fair

    make_fair(team.admin, code="F")
    args = [str(tmp_path / a) if a.endswith((".xlsx", ".csv", ".doc", ".pdf")) else a for a in args]
    code, out, err = run(user, *args)
    assert code == 1 and message in err and err.count("\n") == 1


def test_bad_usage_exits_2(run, team: Team) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as exc:
        run("organizer1", "report", "--fair", "F", "--day", "5 Nov")
    assert exc.value.code == 2
