"""`fairdesk print`, `fairdesk verify`, `fairdesk keys` and `fairdesk document`: exit codes,
messages, and the done-criterion of issue 4 (a printed decision verifies; a
one-character forgery is refused)."""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from pathlib import Path

import pytest

from fairdesk import cli, cli_documents
from fairdesk.db.engine import Database
from fairdesk.domain.enums import Role
from fairdesk.domain.errors import FairDeskError
from fairdesk.services.casework.steps import act_on_case, act_on_complaint
from fairdesk.services.context import Actor, Context
from fairdesk.services.intake.intake import register_complaint
from fairdesk.services.trust.users import add_user, sign_in
from tests.conftest import FakeClock
from tests.helpers import FAIR, complaint_input, make_fair


def _main(argv: Sequence[str]) -> int:
    """`fairdesk.cli.main` with the document commands, whether or not cli.py wires them."""
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    if "print" not in sub.choices:
        cli_documents.add_parsers(sub)
    commands = {**cli.COMMANDS, **cli_documents.COMMANDS}
    args = parser.parse_args(argv)
    args.cleanup = ExitStack()
    try:
        return commands[args.command](args)
    except FairDeskError as exc:
        print(f"fairdesk: {exc}", file=__import__("sys").stderr)
        return 1
    finally:
        args.cleanup.close()


@pytest.fixture
def case_no(db: Database, clock: FakeClock) -> str:
    """A case decided on infringement, set up through the services; users admin and desk1."""
    from fairdesk.app_context import SYSTEM

    add_user(Context(db, SYSTEM, clock), "admin", Role.ADMIN, "admin-pass-1")
    admin_ctx = sign_in(Context(db, SYSTEM, clock), "admin", "admin-pass-1")
    info = add_user(admin_ctx, "desk1", Role.DESK, "desk1-pass-1")
    desk = Context(db, Actor(info.id, info.username, info.role), clock)
    make_fair(admin_ctx)
    reg = register_complaint(desk, FAIR, complaint_input())
    act_on_complaint(desk, reg.number, "accept")
    number = reg.case_numbers[0]
    act_on_case(desk, number, "notify")
    act_on_case(desk, number, "record_defence", summary="不侵权")
    act_on_case(desk, number, "begin_review")
    act_on_case(
        desk,
        number,
        "decide_infringing",
        reason="相同设计",
        trigger="merits",
        legal_basis="展会知识产权保护办法 第十四条",
    )
    return number


@pytest.fixture
def run(
    tmp_path: Path,
    db: Database,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> Callable[..., tuple[int, str, str]]:
    def _run(*args: str, user: str = "desk1") -> tuple[int, str, str]:
        monkeypatch.setenv("FAIRDESK_PASSWORD", f"{user}-pass-1")
        code = _main(["--db", db.url, "--data-dir", str(tmp_path / "data"), "--user", user, *args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def test_print_decision_then_verify_it_and_refuse_a_forgery(
    run: Callable[..., tuple[int, str, str]], case_no: str, tmp_path: Path
) -> None:
    pdf = tmp_path / "decision.pdf"
    code, out, err = run("print", "decision", case_no, "--copy", "respondent", "-o", str(pdf))
    assert code == 0, err
    assert f"issued {FAIR}-D000001: 处理意见书 / Opinion on the complaint for {case_no}" in out
    assert pdf.read_bytes().startswith(b"%PDF-")

    code, out, err = run("verify", str(pdf), user="admin")
    assert code == 0, err
    assert "GENUINE" in out and "byte-identical" in out
    assert "认定侵权" in out and "测试展商1有限公司" in out and case_no in out

    from fairdesk.documents.qrread import read_codes

    (payload,) = read_codes(pdf.read_bytes())
    code, out, _ = run("verify", payload)
    assert code == 0 and "GENUINE" in out
    forged = payload[:-5] + ("x" if payload[-5] != "x" else "y") + payload[-4:]
    code, out, err = run("verify", forged)
    assert code == 1
    assert err.startswith("fairdesk: FORGED: ") and err.count("\n") == 1
    code, _, err = run("verify", payload.replace("D000001", "D000077"))
    assert code == 1 and "unknown" in err


def test_verify_in_chinese_names_what_the_document_says_in_chinese(
    run: Callable[..., tuple[int, str, str]],
    case_no: str,
    tmp_path: Path,
    db: Database,
    capsys: pytest.CaptureFixture[str],
) -> None:
    pdf = tmp_path / "decision.pdf"
    code, _, err = run("print", "decision", case_no, "--copy", "respondent", "-o", str(pdf))
    assert code == 0, err
    # The whole command line (this file's `run` skips the language set-up).
    code = cli.main(["--db", db.url, "--data-dir", str(tmp_path / "data"), "--lang", "zh_CN",
                     "verify", str(pdf)])  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0, err
    summary = out.splitlines()[:-2]  # then the verdict and what it rests on
    labels = [line.split(":", 1)[0].strip() for line in summary]
    assert "文书编号" in labels and "被投诉人" in labels, labels
    assert not any(re.search(r"[A-Za-z]", label) for label in labels), labels
    assert "已依据本数据文件夹中固定的根密钥核验" in out
    verdict = out.splitlines()[-2]  # the verdict too, in Chinese but for the numbers
    assert verdict.startswith("真实有效：") and "逐字节一致" in verdict, verdict
    assert not re.search(
        r"\b[A-Za-z]{3,}\b", verdict.replace(case_no.split("-")[0], "").replace("PDF", "")
    ), verdict


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils")
def test_verify_a_picture_of_the_page(
    run: Callable[..., tuple[int, str, str]], case_no: str, tmp_path: Path
) -> None:
    pdf = tmp_path / "d.pdf"
    assert run("print", "dossier", case_no, "-o", str(pdf))[0] == 0
    subprocess.run(
        ["pdftoppm", "-r", "120", "-l", "1", "-png", str(pdf), str(tmp_path / "photo")], check=True
    )
    png = next(tmp_path.glob("photo*.png"))
    code, out, err = run("verify", str(png))
    assert code == 0, err
    assert "案件卷宗 / Case dossier" in out


def test_reprint_reissue_revoke_and_list(
    run: Callable[..., tuple[int, str, str]], case_no: str, tmp_path: Path
) -> None:
    first = tmp_path / "1.pdf"
    assert run("print", "remedial-order", case_no, "-o", str(first))[0] == 1  # no measure yet
    assert run("print", "decision", case_no, "--copy", "complainant", "-o", str(first))[0] == 0
    again = tmp_path / "again.pdf"
    code, out, _ = run("document", "reprint", f"{FAIR}-D000001", "-o", str(again), user="admin")
    assert code == 0 and again.read_bytes() == first.read_bytes()

    second = tmp_path / "2.pdf"
    code, out, _ = run(
        "document", "reissue", f"{FAIR}-D000001", "--reason", "typo", "-o", str(second)
    )
    assert code == 0 and f"issued {FAIR}-D000002 superseding {FAIR}-D000001" in out
    code, out, err = run("verify", str(first))
    assert code == 1 and "REVOKED: " in err and f"superseded by {FAIR}-D000002" in err
    assert "认定侵权" in out  # what the revoked document said is still shown
    assert run("verify", str(second))[0] == 0

    code, out, _ = run("document", "list", "--case", case_no, user="admin")
    assert code == 0
    assert f"superseded by {FAIR}-D000002" in out and "in force" in out

    code, out, err = run("document", "revoke", f"{FAIR}-D000002", "--reason", "wrong party")
    assert code == 0 and run("verify", str(second))[0] == 1


def test_refusals_exit_1_with_one_line(
    run: Callable[..., tuple[int, str, str]], case_no: str, tmp_path: Path
) -> None:
    out_pdf = str(tmp_path / "x.pdf")
    cases = [
        (("print", "decision", case_no, "-o", out_pdf), "desk1", "say which copy"),
        (("print", "complaint-notice", case_no, "-o", out_pdf), "desk1", "cannot be printed"),
        (("print", "dossier", "NOPE-1", "-o", out_pdf), "desk1", "no complaint or respondent"),
        (("print", "dossier", case_no, "-o", out_pdf), "admin", "Only desk staff"),
        (
            ("print", "dossier", case_no, "-o", str(tmp_path / "no/dir/x.pdf")),
            "desk1",
            "Cannot write",
        ),
        (("verify", str(tmp_path / "missing.pdf")), "desk1", "Cannot read"),
        (("verify", "hello"), "desk1", "malformed"),
    ]
    for args, user, message in cases:
        code, _, err = run(*args, user=user)
        assert code == 1, args
        assert message in err and err.count("\n") == 1 and "Traceback" not in err, (args, err)


def test_keys_show_and_revoke(
    run: Callable[..., tuple[int, str, str]], case_no: str, tmp_path: Path
) -> None:
    code, out, _ = run("keys", "show", user="admin")
    assert code == 0 and "root of this installation, in use" in out and "user desk1, in use" in out
    assert run("print", "dossier", case_no, "-o", str(tmp_path / "a.pdf"))[0] == 0
    assert run("keys", "revoke", "desk1", "--reason", "laptop lost")[0] == 1  # desk: no
    code, out, _ = run("keys", "revoke", "desk1", "--reason", "laptop lost", user="admin")
    assert code == 0 and "revoked key" in out
    code, out, _ = run("keys", "show", user="admin")
    assert "user desk1, revoked" in out and "user desk1, in use" not in out
    code, out, err = run("verify", str(tmp_path / "a.pdf"))  # signed before: still genuine
    assert code == 0, err
    # desk1's next sign-in makes a new key. It waits until an administrator certifies it
    # with the fingerprint desk1 reads out: an admin signing in certifies nothing unseen.
    code, _, err = run("print", "dossier", case_no, "-o", str(tmp_path / "b.pdf"))
    assert code == 1 and "waits for an administrator's certification" in err
    fingerprint = re.search(r"fingerprint ([0-9A-F ]+?) to an", err)
    assert fingerprint is not None, err
    assert run("keys", "show", user="admin")[0] == 0
    code, _, err = run("print", "dossier", case_no, "-o", str(tmp_path / "b.pdf"))
    assert code == 1 and "waits for an administrator's certification" in err
    wrong = run("keys", "certify", "desk1", "--fingerprint", "0000 1111", user="admin")
    assert wrong[0] == 1 and "does not match" in wrong[2]
    code, out, err = run(
        "keys", "certify", "desk1", "--fingerprint", fingerprint.group(1), user="admin"
    )
    assert code == 0 and "certified key" in out, err
    code, _, err = run("print", "dossier", case_no, "-o", str(tmp_path / "b.pdf"))
    assert code == 0, err


def test_verify_asks_nobody_for_a_password(
    run: Callable[..., tuple[int, str, str]],
    case_no: str,
    tmp_path: Path,
    db: Database,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Checking a paper only reads the register and the public keys: no one signs in, not
    even the default administrator; the acting user's options may follow the command."""
    pdf = tmp_path / "decision.pdf"
    assert run("print", "decision", case_no, "--copy", "respondent", "-o", str(pdf))[0] == 0
    monkeypatch.delenv("FAIRDESK_PASSWORD")
    monkeypatch.delenv("FAIRDESK_USER", raising=False)
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO(""))  # no terminal to ask on
    place = ["--db", db.url, "--data-dir", str(tmp_path / "data")]
    assert _main([*place, "verify", str(pdf)]) == 0
    out, err = capsys.readouterr()
    assert "GENUINE" in out and err == ""
    assert cli.main(["verify", str(pdf), *place, "--password-stdin"]) == 0
    out, err = capsys.readouterr()
    assert "GENUINE" in out and "byte-identical" in out, err
