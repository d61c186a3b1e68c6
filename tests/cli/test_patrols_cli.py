"""`fairdesk patrols` and `fairdesk tasks`: the three formats, filters and messages."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from pathlib import Path

import pytest

from fairdesk import cli, cli_patrols
from fairdesk.db.engine import Database
from fairdesk.domain.enums import Finding
from fairdesk.domain.errors import FairDeskError
from fairdesk.services.inspection import patrols, rechecks
from fairdesk.services.inspection.patrols import VisitInput
from tests.conftest import FakeClock, Team
from tests.helpers import FAIR, make_fair
from tests.unit.test_patrols import ordered_case, photo

Run = Callable[..., tuple[int, str, str]]


def _main(argv: Sequence[str]) -> int:
    """`fairdesk.cli.main` with the patrol commands, whether or not cli.py wires them."""
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    if "patrols" not in sub.choices:
        cli_patrols.add_parsers(sub)
    commands = {**cli.COMMANDS, **cli_patrols.COMMANDS}
    args = parser.parse_args(argv)
    args.cleanup = ExitStack()
    try:
        return commands[args.command](args)
    except FairDeskError as exc:
        print(f"fairdesk: {exc}", file=sys.stderr)
        return 1
    finally:
        args.cleanup.close()


@pytest.fixture
def run(
    tmp_path: Path,
    db: Database,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> Run:
    def _run(*args: str, user: str = "inspector1") -> tuple[int, str, str]:
        monkeypatch.setenv("FAIRDESK_PASSWORD", f"{user}-pass-1")
        try:
            code = _main(
                ["--db", db.url, "--data-dir", str(tmp_path / "data"), "--user", user, *args]
            )
        except SystemExit as exc:  # argparse: bad usage
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return _run


@pytest.fixture
def day(team: Team, clock: FakeClock) -> dict[str, str]:
    """A patrol day on hall 4.1 (09:30-10:30 Shanghai) and two measures to re-check."""
    make_fair(team.admin)
    first = ordered_case(team, "4.1A01")
    second = ordered_case(team, "4.1A02")
    rnd = patrols.start_round(team.inspector, FAIR, "4.1").uid
    patrols.record_visit(team.inspector, VisitInput(rnd, "4.1A03", Finding.NOTHING, "正常"))
    clock.advance(minutes=20)
    suspect = patrols.record_visit(
        team.inspector,
        VisitInput(
            rnd, "a04", Finding.SUSPECTED_INFRINGEMENT, "疑似仿冒,\n见照片", photos=[photo()]
        ),
    ).uid
    clock.advance(minutes=40)
    rechecks.record_recheck(team.inspector, rechecks.RecheckInput(second, "passed", round_uid=rnd))
    patrols.close_round(team.inspector, rnd)
    return {"round": rnd, "suspect": suspect, "open": first, "checked": second}


def test_patrols_as_a_table(run: Run, day: dict[str, str]) -> None:
    code, out, err = run("patrols", "--fair", FAIR)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split() == [
        "Time",
        "Hall",
        "Booth",
        "Exhibitor",
        "Finding",
        "Case",
        "Photos",
        "Inspector",
        "Notes",
    ]  # fmt: skip (the visit's id only in CSV and JSON)
    assert len(lines) == 2 + 3
    # Fair time with its zone, the finding in words.
    assert lines[2].startswith(
        "2026-11-05 09:30 UTC+08:00  4.1   4.1A03  测试展商3有限公司  Nothing to note"
    )
    assert "疑似仿冒, 见照片" in lines[3]  # notes on one line
    assert f"Measure carried out     {day['checked']}" in lines[4]
    assert day["suspect"] not in out and "_" not in out
    code, out, _ = run("--lang", "zh_CN", "patrols", "--fair", FAIR)
    assert "  措施已落实  " in out and "Measure carried out" not in out


def test_patrols_as_csv_and_json(run: Run, day: dict[str, str]) -> None:
    code, out, _ = run("patrols", "--fair", FAIR, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [r["booth"] for r in rows] == ["4.1A03", "4.1A04", "4.1A02"]
    assert rows[1]["photos"] == "1" and rows[1]["visit"] == day["suspect"]
    assert rows[1]["finding"] == "Suspected infringement"
    code, out, _ = run("patrols", "--fair", FAIR, "--format", "json", user="organizer1")
    data = json.loads(out)
    assert code == 0 and [d["finding"] for d in data] == [
        "nothing",
        "suspected_infringement",
        "measure_verified",
    ]
    # JSON times carry their zone (the fair's).
    assert data[0]["time"] == "2026-11-05T09:30+08:00" and data[0]["inspector"] == "inspector1"
    assert out.count("+08:00") >= len(data)


def test_patrols_filters(run: Run, day: dict[str, str]) -> None:
    code, out, _ = run(
        "patrols", "--fair", FAIR, "--finding", "suspected_infringement", "--without-case",
        "--format", "json",
    )  # fmt: skip
    assert code == 0 and [d["visit"] for d in json.loads(out)] == [day["suspect"]]
    code, out, _ = run("patrols", "--fair", FAIR, "--day", "2026-11-06")
    assert (code, out) == (0, "(none)\n")
    code, out, _ = run("patrols", "--fair", FAIR, "--rounds", "--format", "json")
    [r] = json.loads(out)
    assert (r["round"], r["hall"], r["visits"], r["started"], r["ended"]) == (
        day["round"],
        "4.1",
        3,
        "2026-11-05T09:30+08:00",
        "2026-11-05T10:30+08:00",
    )


def test_tasks_in_three_formats(run: Run, day: dict[str, str]) -> None:
    code, out, err = run("tasks", "--fair", FAIR)
    assert code == 0, err
    assert out.splitlines()[0].split() == [  # titles for a person, not the JSON keys
        "Due", "Overdue", "Hall", "Booth", "Case", "Task", "Measure", "Exhibitor", "Ordered",
    ]  # fmt: skip
    assert day["open"] in out and day["checked"] not in out
    code, out, _ = run("tasks", "--fair", FAIR, "--format", "json")
    [task] = json.loads(out)
    # The CLI judges "overdue" by the real clock: the test fair is long past its re-check.
    label = "Re-inspection due" if task["overdue"] else "Measure ordered"
    assert (task["case"], task["booth"], task["task"], task["measure"], task["due"]) == (
        day["open"],
        "4.1A01",
        label,
        "Cover the exhibit",  # the measure in words
        "2026-11-05T11:30+08:00",
    )
    code, out, _ = run("tasks", "--fair", FAIR, "--format", "csv", "--hall", "2.1")
    assert (code, out) == (0, "")
    code, out, _ = run("tasks", "--fair", FAIR, "--overdue", "--format", "json")
    # Overdue is judged against the real clock here: every row shown must say so.
    assert code == 0 and all(t["overdue"] == "overdue" for t in json.loads(out))


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["tasks", "--fair", "NOPE"], 1, "fairdesk: There is no fair with the code 'NOPE'."),
        (["patrols", "--fair", FAIR, "--day", "5 Nov"], 2, "'5 Nov' is not a date like"),
        (["patrols", "--fair", FAIR, "--finding", "odd"], 2, "invalid choice: 'odd'"),
    ],
)
def test_bad_usage_is_explained(
    run: Run, day: dict[str, str], args: list[str], code: int, message: str
) -> None:
    result, _, err = run(*args)
    assert result == code and message in err
    assert err.startswith("fairdesk: " if code == 1 else "usage: fairdesk")
