"""The hand-off commands: export credit / referral / evidence, and verify of a package."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fairdesk import cli
from fairdesk.services.casework.steps import act_on_case
from fairdesk.services.trust import keys
from tests.conftest import Team
from tests.helpers import FAIR, make_fair
from tests.unit.test_handoffs import BODY_CODE, POLICE, _attach, _decided, _foreign_registration


@pytest.fixture
def run(tmp_path: Path, db, capsys, monkeypatch):  # type: ignore[no-untyped-def]
    """`fairdesk --user USER ARGS` in-process against this test's database; "-" as the
    user runs without one (an offline check)."""

    def _run(user: str, *args: str) -> tuple[int, str, str]:
        monkeypatch.setenv("FAIRDESK_PASSWORD", f"{user}-pass-1")
        who = ["--user", user] if user != "-" else []
        code = cli.main(["--db", db.url, "--data-dir", str(tmp_path / "data"), *who, *args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def test_referral_and_evidence_packages_from_the_command_line(
    run, team: Team, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    make_fair(team.admin)
    number = _decided(team)
    _attach(team, number, (30, 60, 90), (90, 60, 30))
    ref = tmp_path / "ref.zip"
    code, _, err = run("desk1", "export", "referral", number, "-o", str(ref))
    assert code == 1 and "was not referred to an authority" in err and not ref.exists()
    act_on_case(team.desk, number, "refer", referral_kind="police", authority=POLICE)
    code, out, _ = run("desk1", "export", "referral", number, "-o", str(ref))
    assert code == 0 and "2 evidence files" in out and ref.exists()
    code, out, err = run("-", "verify", str(ref))
    assert code == 0 and "genuine and complete" in out and number in out, err
    # Against the fingerprint printed on paper: this root passes, any other is refused.
    root = keys.root_fingerprint(team.admin)
    assert run("-", "verify", str(ref), "--root", root.lower())[0] == 0
    code, _, err = run("-", "verify", str(ref), "--root", "0123 4567 89AB " * 2 + "0000 0000")
    assert code == 1 and "another root key" in err
    paper = tmp_path / "paper.txt"  # as read from a genuine document's footer
    paper.write_text(f"Root key: {root}\n")
    assert run("-", "verify", str(ref), "--root", str(paper))[0] == 0

    ev = tmp_path / "ev.zip"
    code, out, err = run("organizer1", "export", "evidence", number, "-o", str(ev))
    assert code == 1 and "signed in as organizer" in err and not ev.exists()
    code, out, _ = run("desk1", "export", "evidence", number, "-o", str(ev))
    assert code == 0 and ev.exists()
    assert run("-", "verify", str(ev))[0] == 0
    data = bytearray(ev.read_bytes())
    data[len(data) // 2] ^= 0xFF
    ev.write_bytes(bytes(data))
    code, _, err = run("-", "verify", str(ev))
    assert code == 1 and ("refused" in err or "not a readable package" in err)
    ev.write_bytes(ev.read_bytes() + b"\0")  # one byte more: the ZIP still reads
    code, _, err = run("-", "verify", str(ev))
    assert code == 1 and "fairdesk:" in err


def test_credit_list_from_the_command_line(run, team: Team, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    make_fair(team.admin)
    _foreign_registration(team, "测试展商1有限公司", "HRB 99 B")
    complete, partial = _decided(team), _decided(team, "4.1A02")
    act_on_case(
        team.desk, complete, "refer_credit", credit_finding="serious_infringement",
        legal_basis="第四十二条", decision_body="上海市知识产权局", decision_body_code=BODY_CODE,
        decision_number="沪知〔2026〕1号", decision_date="2026-11-07", contact="李四 021-1",
    )  # fmt: skip
    act_on_case(
        team.desk, partial, "refer_credit", credit_finding="serious_infringement",
        legal_basis="第四十二条",
    )  # fmt: skip
    out_file = tmp_path / "credit.json"
    code, out, err = run("organizer1", "export", "credit", "--fair", FAIR, "-o", str(out_file))
    assert code == 1 and "1 records (json)" in out
    assert f"record refused: {partial}: missing" in err and "Decision number" in err
    records = json.loads(out_file.read_text("utf-8"))["records"]
    assert [r["case_number"] for r in records] == [complete]
    code, _, err = run("inspector1", "export", "credit", "--fair", FAIR, "-o", str(out_file))
    assert code == 1 and "signed in as inspector" in err
    xlsx = tmp_path / "credit.xlsx"
    assert run("desk1", "export", "credit", "--fair", FAIR, "-o", str(xlsx))[0] == 1
    assert xlsx.exists()
