"""`fairdesk --self-test`: what the installer runs on the frozen bundle, run here from
source: every step passes and says what it did; a missing piece fails with one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from fairdesk import cli, selftest


def test_self_test_passes_and_says_what_it_did(qapp, capsys: pytest.CaptureFixture[str]) -> None:
    assert selftest.run_self_test() == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines, "the self-test printed nothing"
    assert all(line.startswith("self-test:") for line in lines), out
    for step in (
        "migrated to revision",
        "complaint SELFTEST-0001 registered",
        "rendered:",
        "QR code read back from the PDF and verified: genuine",
        "Chinese translation loaded",
        "main window built",
    ):
        assert step in out, f"missing step {step!r} in:\n{out}"
    assert lines[-1].startswith("self-test: passed in")


def test_missing_resources_fail_in_one_line(
    qapp, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import fairdesk.resources_path as rp

    monkeypatch.setattr(rp, "resource_dir", lambda: tmp_path)
    assert selftest.run_self_test() == 1
    out = capsys.readouterr().out
    assert "self-test: FAILED: FileNotFoundError: FairDesk resource missing: fonts/" in out


def test_cli_flag_runs_the_self_test(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[bool] = []
    monkeypatch.setattr(selftest, "run_self_test", lambda: calls.append(True) or 0)
    assert cli.main(["--self-test"]) == 0
    assert calls == [True]


def test_lang_option_takes_the_two_languages() -> None:
    parser = cli.build_parser()
    assert parser.parse_args(["--lang", "zh_CN"]).lang == "zh_CN"
    assert parser.parse_args(["--lang", "en"]).lang == "en"
    assert parser.parse_args([]).lang is None
    with pytest.raises(SystemExit):
        parser.parse_args(["--lang", "fr"])
