"""The command line: exit codes, messages, and the import done-criterion."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fairdesk.cli import main
from tests.conftest import SAMPLES

PG_URL = os.environ.get("FAIRDESK_TEST_DB", "")


@pytest.fixture
def run(tmp_path: Path, db, capsys, monkeypatch):  # type: ignore[no-untyped-def]
    """Run `fairdesk ARGS` in-process against this test's database, whose administrator
    'admin' gives the password `password` (None: none given)."""
    from fairdesk.app_context import SYSTEM
    from fairdesk.domain.enums import Role
    from fairdesk.services.context import Context
    from fairdesk.services.trust.users import add_user

    add_user(Context(db, SYSTEM), "admin", Role.ADMIN, "admin-pass-1")

    def _run(*args: str, password: str | None = "admin-pass-1") -> tuple[int, str, str]:
        if password is None:
            monkeypatch.delenv("FAIRDESK_PASSWORD", raising=False)
        else:
            monkeypatch.setenv("FAIRDESK_PASSWORD", password)
        code = main(["--db", db.url, "--data-dir", str(tmp_path / "data"), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def _create_fair(run) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(
        "fair",
        "create",
        "CIIE2026",
        "--name",
        "第九届进博会",
        "--start",
        "2026-11-05",
        "--end",
        "2026-11-10",
        "--hours",
        "09:00-17:00",
        "--rules",
        "ciftis-12h",
    )
    assert code == 0, out
    assert "created fair CIIE2026" in out and "rules ciftis-12h" in out


def test_fair_create_and_list(run) -> None:  # type: ignore[no-untyped-def]
    _create_fair(run)
    code, out, _ = run("fair", "list")
    assert code == 0 and "CIIE2026" in out and "第九届进博会" in out


def test_setting_up_a_fair_that_is_already_over_warns(run) -> None:  # type: ignore[no-untyped-def]
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    today = datetime.now(ZoneInfo("Asia/Shanghai")).date()  # the fair's own day, its zone's
    dates = {
        "PAST": (today - timedelta(days=40), today - timedelta(days=35)),
        "NEXT": (today + timedelta(days=30), today + timedelta(days=35)),
    }
    said = {}
    for code, (start, end) in dates.items():
        done = run("fair", "create", code, "--name", code, "--start", str(start), "--end", str(end))
        assert done[0] == 0, done
        said[code] = done[2]
    assert said["PAST"] == (
        f"warning: The fair PAST closed on {dates['PAST'][1]}, before today ({today}): every "
        "deadline of its cases would fall due at once. Check its dates.\n"
    )
    assert said["NEXT"] == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--start", "2026-11-10", "--end", "2026-11-05"], "is before its first day"),
        (
            ["--start", "2026-11-05", "--end", "2026-11-10", "--hours", "17:00-09:00"],
            "Opening hours must end after they start",
        ),
        (
            ["--start", "2026-11-05", "--end", "2026-11-10", "--hours", "nine to five"],
            "Opening hours must look like 09:00-17:00",
        ),
        (
            ["--start", "2026-11-05", "--end", "2026-11-10", "--timezone", "Mars/Olympus"],
            "not a known time zone",
        ),
    ],
)
def test_fair_create_user_errors_exit_1_with_one_line(run, args, message) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run("fair", "create", "X1", "--name", "x", *args)
    assert code == 1
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_duplicate_fair_code(run) -> None:  # type: ignore[no-untyped-def]
    _create_fair(run)
    code, _, err = run(
        "fair",
        "create",
        "CIIE2026",
        "--name",
        "again",
        "--start",
        "2026-11-05",
        "--end",
        "2026-11-06",
    )
    assert code == 1 and "already exists" in err


def test_bad_usage_exits_2(run) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as caught:
        run("fair", "create", "X", "--name", "x", "--start", "yesterday", "--end", "2026-11-06")
    assert caught.value.code == 2
    with pytest.raises(SystemExit) as caught:
        run("cases", "--fair", "X", "--state", "HAPPY")
    assert caught.value.code == 2


def test_unknown_fair_names_the_known_ones(run) -> None:  # type: ignore[no-untyped-def]
    _create_fair(run)
    code, _, err = run("cases", "--fair", "NOPE")
    assert code == 1 and "no fair with the code 'NOPE'. Known fairs: CIIE2026." in err


def test_importing_each_sample_twice_leaves_300_exhibitors(run, db) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import func, select

    from fairdesk.db.models import Booth, Exhibitor

    _create_fair(run)
    reports = []
    for name in (
        "exhibitors_sample.csv",
        "exhibitors_sample_gb18030.csv",
        "exhibitors_sample.xlsx",
    ):
        for _ in range(2):
            code, out, err = run("import", "exhibitors", str(SAMPLES / name), "--fair", "CIIE2026")
            assert code == 0, err
            reports.append(out)
    assert "imported 300, updated 0, unchanged 0" in reports[0]
    assert all("imported 0, updated 0, unchanged 300" in r for r in reports[1:])
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Exhibitor)) == 300
        assert session.scalar(select(func.count()).select_from(Booth)) == 300


def test_import_reports_rejected_rows(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _create_fair(run)
    bad = tmp_path / "list.csv"
    bad.write_text("展商名称,展位号\n甲公司,1.1A01\n乙公司,\n,1.1A03\n", encoding="utf-8")
    code, out, _ = run("import", "exhibitors", str(bad), "--fair", "CIIE2026")
    assert code == 0
    assert "imported 1" in out and "rejected 2" in out
    assert "row 3:" in out and "row 4:" in out


def test_import_of_a_broken_file_changes_nothing(run, tmp_path: Path, db) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import func, select

    from fairdesk.db.models import Exhibitor

    _create_fair(run)
    png = tmp_path / "list.csv"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10)
    code, _, err = run("import", "exhibitors", str(png), "--fair", "CIIE2026")
    assert code == 1 and "list.csv" in err and "Traceback" not in err
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Exhibitor)) == 0


def test_cases_formats(run, db) -> None:  # type: ignore[no-untyped-def]
    from fairdesk.app_context import SYSTEM
    from fairdesk.domain.enums import Role
    from fairdesk.services.context import Context
    from fairdesk.services.intake.intake import register_complaint
    from fairdesk.services.trust.users import ensure_user
    from tests.helpers import complaint_input, make_fair

    _create_fair(run)  # also creates the admin account
    admin = Context(db, ensure_user(Context(db, SYSTEM), "admin", Role.ADMIN).actor)
    make_fair(admin, code="T2")
    desk = Context(db, ensure_user(admin, "d1", Role.DESK).actor)
    register_complaint(desk, "T2", complaint_input("4.1A01", "4.1A02"))
    code, out, _ = run("cases", "--fair", "T2", "--format", "json")
    rows = json.loads(out)
    assert code == 0 and [r["case"] for r in rows] == ["T2-0001-1", "T2-0001-2"]
    assert {r["state"] for r in rows} == {"TO_NOTIFY"}
    code, out, _ = run("cases", "--fair", "T2", "--format", "csv")
    # The byte-order mark Excel needs, then the header.
    assert out.splitlines()[0].startswith("\ufeffcase,state,kind,hall,booth,exhibitor")
    assert len(out.splitlines()) == 3
    code, out, _ = run("cases", "--fair", "T2", "--state", "NOTIFIED")
    assert code == 0 and "(none)" in out


def test_unknown_user_is_refused(run) -> None:  # type: ignore[no-untyped-def]
    _create_fair(run)
    code, _, err = run("--user", "mallory", "fair", "list")
    assert code == 1 and "There is no user 'mallory'" in err


def test_import_reads_signed_ip_commitments_and_names_a_bad_value(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _create_fair(run)
    path = tmp_path / "list.csv"
    path.write_text(
        "展商名称,Exhibitor Name,展位号,已签承诺\n"
        "承诺展商1有限公司,Pledge One Ltd,5.1A01,✓\n"
        "承诺展商2有限公司,Pledge Two Ltd,5.1A02,perhaps\n",
        encoding="utf-8",
    )
    code, out, err = run("import", "exhibitors", str(path), "--fair", "CIIE2026")
    assert code == 0, err
    assert f"{path}: " in out and "imported 1" in out and "rejected 1" in out
    assert "  row 3: 已签承诺 is 'perhaps', not yes or no (是/否, 1/0, ✓)" in out


def test_a_stationed_officer_is_added_and_listed_in_words(run, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import io

    _create_fair(run)
    from fairdesk.cli import build_parser

    user = build_parser()._subparsers._group_actions[0].choices["user"]  # type: ignore[union-attr]
    add = user._subparsers._group_actions[0].choices["add"]
    help_text = " ".join(add.format_help().split())
    assert "officer = Stationed IP officer · 知识产权局派驻人员" in help_text
    monkeypatch.setattr(sys, "stdin", io.StringIO("a-long-password\n"))
    code, out, _ = run("user", "add", "ip1", "--role", "officer", "--password-stdin")
    assert code == 0
    # A plain English sentence: no code, no Chinese.
    assert out.strip() == "Added the user ip1: Stationed IP officer, active."
    code, out, _ = run("user", "list")
    (line,) = [row for row in out.splitlines() if row.startswith("ip1")]
    assert "Stationed IP officer · 知识产权局派驻人员" in line


def test_organizer_cannot_create_a_fair(run, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import io

    _create_fair(run)
    monkeypatch.setattr(sys, "stdin", io.StringIO("a-long-password\n"))
    code, out, _ = run("user", "add", "org1", "--role", "organizer", "--password-stdin")
    assert code == 0 and "Added the user org1: Organizer, active." in out
    monkeypatch.setattr(sys, "stdin", io.StringIO("a-long-password\n"))
    code, out, _ = run("--lang", "zh_CN", "user", "add", "org2", "--role", "organizer",
                       "--password-stdin")  # fmt: skip
    assert code == 0 and out.strip() == "已添加用户 org2：主办方，已启用。", out
    code, _, err = run("--user", "org1", "fair", "list", password=None)
    assert code == 1 and "needs its password" in err
    code, _, err = run("--user", "org1", "fair", "list", password="wrong-password")
    assert code == 1 and "Unknown user name or wrong password" in err
    code, _, err = run(
        "--user",
        "org1",
        "fair",
        "create",
        "Z",
        "--name",
        "z",
        "--start",
        "2026-01-01",
        "--end",
        "2026-01-02",
        password="a-long-password",
    )
    assert code == 1 and "Only admin staff may set up a fair" in err


def test_audit_verify_detects_a_changed_row(run, db) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    _create_fair(run)
    assert run("audit", "verify")[0] == 0
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE audit_events SET reason = 'edited' WHERE id = "
                "(SELECT min(id) FROM audit_events)"
            )
        )
    code, _, err = run("audit", "verify")
    assert code == 1 and "was changed after it was written" in err


@pytest.mark.skipif(bool(PG_URL), reason="runs the installed command on its default SQLite")
def test_installed_command_runs_as_a_new_user_would(tmp_path: Path) -> None:
    env = {**os.environ, "FAIRDESK_DATA_DIR": str(tmp_path / "home")}
    env.pop("FAIRDESK_PASSWORD", None)

    def fairdesk(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "fairdesk", *args],
            env=env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=120,
        )

    done = fairdesk("fair", "list")  # a new database: nobody to act as yet
    assert done.returncode == 1 and "fairdesk user add admin --role admin" in done.stderr
    done = fairdesk("user", "add", "boss", "--role", "admin")  # no terminal, no stdin flag
    assert done.returncode == 1 and "--password-stdin" in done.stderr
    assert "Traceback" not in done.stderr
    done = fairdesk("user", "add", "boss", "--role", "admin", "--password-stdin")
    assert done.returncode == 1 and "No new password on standard input" in done.stderr
    done = fairdesk(
        "user", "add", "boss", "--role", "admin", "--password-stdin", stdin="s3cret-pw\n"
    )
    assert done.returncode == 0, done.stderr
    done = fairdesk("--user", "boss", "fair", "list")
    assert done.returncode == 1 and "needs its password" in done.stderr
    done = fairdesk("--user", "boss", "--password-stdin", "fair", "list", stdin="s3cret-pw\n")
    assert done.returncode == 0, done.stderr
    # The acting admin's password first, then the new user's.
    done = fairdesk(
        "--user",
        "boss",
        "--password-stdin",
        "user",
        "add",
        "d1",
        "--role",
        "desk",
        "--password-stdin",
        stdin="s3cret-pw\nd1-password\n",
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "home" / "fairdesk.sqlite3").exists()


def test_a_closed_pipe_ends_the_process_quietly(tmp_path: Path) -> None:
    """`fairdesk cases | head -1`: the reader goes away, FairDesk stops without a trace."""
    env = {**os.environ, "FAIRDESK_DATA_DIR": str(tmp_path / "data")}
    root = Path(__file__).resolve().parents[2]
    make = [sys.executable, "-m", "fairdesk"]
    subprocess.run(  # a new database's first administrator
        [*make, "user", "add", "admin", "--role", "admin", "--password-stdin"],
        input=b"pipe-pass-1\n", env=env, cwd=root, check=True, capture_output=True,
    )  # fmt: skip
    env["FAIRDESK_PASSWORD"] = "pipe-pass-1"
    subprocess.run(
        [*make, "fair", "create", "PIPE2026", "--name", "管道", "--start", "2026-11-05",
         "--end", "2026-11-10"],
        env=env, cwd=root, check=True, capture_output=True,
    )  # fmt: skip
    command = [*make, "cases", "--fair", "PIPE2026", "--format", "json"]
    proc = subprocess.Popen(
        command, env=env, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # as `head` does once it has its line (here before any is written)
    with proc.stderr:
        err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert "Traceback" not in err and "BrokenPipe" not in err, err


def test_a_passwordless_account_acts_only_on_a_demo_database(run, db) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import update

    from fairdesk.db.models import User

    with db.writing() as session:  # an account whose password hash was cleared
        session.execute(update(User).where(User.username == "admin").values(password_hash=None))
    code, _, err = run("fair", "list", password=None)
    assert code == 1 and "has no password, so nobody can act as it" in err


def test_a_demo_database_acts_without_passwords(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    base = ["--db", url, "--data-dir", str(tmp_path / "d")]
    assert main([*base, "demo", "--complaints", "0", "--editions", "1", "--exhibitors", "10"]) == 0
    assert main([*base, "fair", "list"]) == 0
    capsys.readouterr()
    assert main([*base, "user", "add", "x1", "--role", "desk", "--password-stdin"]) == 1
    assert "No new password on standard input" in capsys.readouterr().err


def test_csv_cells_never_start_a_formula(run, db) -> None:  # type: ignore[no-untyped-def]
    from fairdesk.app_context import SYSTEM
    from fairdesk.domain.enums import Role
    from fairdesk.services.context import Context
    from fairdesk.services.intake.intake import PartyInput, register_complaint
    from fairdesk.services.trust.users import ensure_user
    from tests.helpers import complaint_input, make_fair

    admin = Context(db, ensure_user(Context(db, SYSTEM), "admin", Role.ADMIN).actor)
    make_fair(admin, code="T3")
    desk = Context(db, ensure_user(admin, "d1", Role.DESK).actor)
    data = complaint_input("4.1A01")
    data.complainant = PartyInput('=HYPERLINK("http://x","y")', "x")
    register_complaint(desk, "T3", data)
    code, out, _ = run("cases", "--fair", "T3", "--format", "csv")
    assert code == 0 and "'=HYPERLINK" in out and ",=HYPERLINK" not in out


def test_a_huge_search_and_text_that_is_not_utf8_are_refused_in_one_line(run) -> None:  # type: ignore[no-untyped-def]
    _create_fair(run)
    code, _, err = run("cases", "--fair", "CIIE2026", "--search", "x" * 50_000)
    assert code == 1 and "at most 300 characters; this one has 50000" in err
    assert err.count("\n") == 1
    code, _, err = run("fair", "list", "--name" if False else "--user", "bad\udcff")
    assert code == 2 and "is not valid text" in err and "Traceback" not in err


def test_a_closed_pipe_ends_quietly(run, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _create_fair(run)
    read_end, write_end = os.pipe()
    os.close(read_end)  # `| head` has gone away
    closed = os.fdopen(write_end, "w", buffering=1)
    monkeypatch.setattr(sys, "stdout", closed)
    try:
        code = run("fair", "list")[0]
    finally:
        monkeypatch.undo()
        with __import__("contextlib").suppress(OSError):
            closed.close()
    assert code == 1  # quietly: no traceback, the output simply stops
