"""`fairdesk --lang zh_CN …`: what the commands print for people is Chinese, in the words
of the vocabulary and the translation files the desk's screens use."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication

from fairdesk import app_context
from fairdesk.cli import main
from fairdesk.db.engine import Database
from fairdesk.domain import vocabulary as v
from fairdesk.domain.workflow import Entity, step
from fairdesk.i18n import current_language
from fairdesk.services.casework.steps import act_on_case, act_on_complaint
from fairdesk.services.context import Context
from fairdesk.services.intake.intake import register_complaint
from tests.conftest import FakeClock, Team
from tests.helpers import FAIR, complaint_input, make_fair

Run = Callable[..., tuple[int, str, str]]
LATIN_WORD = re.compile(r"\b[A-Za-z]{3,}\b")


@pytest.fixture
def run(
    tmp_path: Path,
    db: Database,
    team: Team,
    clock: FakeClock,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> Run:
    real = app_context.open_context

    def on_fake_clock(*args: Any, **kwargs: Any) -> Context:
        return dataclasses.replace(real(*args, **kwargs), now=clock)

    monkeypatch.setattr(app_context, "open_context", on_fake_clock)

    def _run(*args: str, user: str = "desk1") -> tuple[int, str, str]:
        monkeypatch.setenv("FAIRDESK_PASSWORD", f"{user}-pass-1")
        argv = ["--db", db.url, "--data-dir", str(tmp_path / "data"), "--user", user, *args]
        code = main(argv)
        out, err = capsys.readouterr()
        return code, out, err

    return _run


@pytest.fixture
def case(team: Team) -> str:
    make_fair(team.admin)
    return register_complaint(team.desk, FAIR, complaint_input("4.1A01")).case_numbers[0]


def _without_codes(text: str, *codes: str) -> str:
    """The text less the codes a person types back (case numbers, step names, file names)."""
    for code in codes:
        text = text.replace(code, "")
    return text


def test_steps_in_chinese_name_the_state_the_steps_and_the_refusals(run: Run, case: str) -> None:
    code, out, err = run("--lang", "zh_CN", "steps", case)
    assert code == 0, err
    lines = out.splitlines()
    state = v.CASE_STATES.words("TO_NOTIFY").zh
    assert lines[0] == f"被投诉人案件 {case}：{state}（第 1 版）"
    notify = step(Entity.CASE, "notify")
    row = next(line for line in lines if line.startswith("notify "))
    assert notify.words.zh in row and "否" in row  # refused: the complaint is not accepted
    reason = row.split("否", 1)[1].strip()
    assert reason and not LATIN_WORD.search(_without_codes(reason, case)), reason
    names = [line.split()[0] for line in lines[3:-1]]
    assert "Asia/Shanghai" not in out  # the fair's zone in words: 北京时间 UTC+8
    shown = _without_codes(out, case, *names, "fairdesk", "step", "--set", "UTC+8")
    assert not LATIN_WORD.search(shown), shown
    # The language is the command's alone: the next one speaks English again.
    assert current_language() == "en"
    assert run("steps", case)[1].splitlines()[0].startswith(f"Respondent case {case}: ")


def test_a_refused_step_in_chinese(run: Run, case: str) -> None:
    code, out, err = run("--lang", "zh_CN", "step", case, "close")
    assert code == 1 and out == ""
    assert err.startswith("fairdesk: ") and "“结案”" in err, err
    assert not LATIN_WORD.search(_without_codes(err, case, "fairdesk")), err


def test_a_step_taken_and_a_paper_issued_in_chinese(
    run: Run, case: str, team: Team, tmp_path: Path
) -> None:
    act_on_complaint(team.desk, case.rsplit("-", 1)[0], "accept")
    code, out, err = run("--lang", "zh_CN", "step", case, "notify")
    assert code == 0, err
    notified = v.AWAITING_SERVICE.zh  # no time of service given: no defence period runs yet
    assert re.fullmatch(rf"被投诉人案件 {case}：{notified}（第 \d+ 版）\n", out), out
    pdf = tmp_path / "notice.pdf"
    code, out, err = run("--lang", "zh_CN", "print", "complaint-notice", case, "-o", str(pdf))
    assert code == 0, err
    assert out.startswith(f"已出具 {FAIR}-D000001：{case} 的") and f"-> {pdf}（sha256 " in out
    assert "/" not in out.split("的", 1)[1].split("->")[0]  # the title once, in Chinese
    assert QCoreApplication.translate("CommandLine", "yes") == "yes"  # translators removed


def test_a_complaint_registered_in_chinese(run: Run, case: str, tmp_path: Path) -> None:
    code, out, err = run("complaint", "example", "--fair", FAIR)
    assert code == 0, err
    path = tmp_path / "complaint.json"
    path.write_text(out, encoding="utf-8")
    code, out, err = run("--lang", "zh_CN", "complaint", "register", str(path))
    assert code == 0, err
    first, second = out.splitlines()[:2]
    draft = v.COMPLAINT_STATES.words("DRAFT").zh
    assert re.fullmatch(rf"投诉 {FAIR}-\d{{4}}：{draft}", first), first
    assert second.startswith("案件：")


def _header(out: str) -> str:
    return out.splitlines()[0]


def test_table_headers_in_chinese_and_in_words_for_a_person(run: Run, case: str) -> None:
    code, out, err = run("--lang", "zh_CN", "cases", "--fair", FAIR)
    assert code == 0, err
    header = _header(out)
    assert "案件" in header and "展位" in header, header
    assert not LATIN_WORD.search(header), header
    code, out, err = run("--lang", "zh_CN", "fair", "list")
    assert code == 0, err
    assert not LATIN_WORD.search(_header(out)), _header(out)
    # In English too: titles, not the keys JSON gives programs (next_due, decide_before_close).
    code, out, err = run("cases", "--fair", FAIR)
    assert code == 0, err
    assert "_" not in _header(out) and "Due" in _header(out), _header(out)
    code, out, err = run("cases", "--fair", FAIR, "--format", "json")
    assert "next_due" in out and "decide_before_close" in out  # programs keep the keys


def test_audit_verify_in_chinese(run: Run, case: str) -> None:
    code, out, err = run("--lang", "zh_CN", "audit", "verify", user="admin")
    assert code == 0, err
    assert "审计记录完整" in out and not LATIN_WORD.search(out), out


def _under_review(team: Team, case: str) -> None:
    act_on_complaint(team.desk, case.rsplit("-", 1)[0], "accept")
    for action in ("notify", "record_defence", "begin_review"):
        extra = {"summary": "否认侵权"} if action == "record_defence" else {}
        act_on_case(team.desk, case, action, **extra)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_missing_field_is_named_as_the_command_line_takes_it(
    run: Run, team: Team, case: str, lang: str
) -> None:
    _under_review(team, case)
    code, _, err = run("--lang", lang, "step", case, "decide_infringing")
    assert code == 1
    assert "--set trigger=" in err
    trigger = step(Entity.CASE, "decide_infringing").field("trigger")
    assert trigger is not None and trigger.choices is not None
    for value in trigger.codes():  # every value, with its words in the command's language
        said = trigger.choices.words(value).in_language(lang)
        assert f"{value} ({said})" in err
    if lang == "zh_CN":  # the refusal's lines (the prefilled legal basis is bilingual data)
        refusal = "".join(line for line in err.splitlines() if line.startswith("fairdesk: "))
        assert not LATIN_WORD.search(
            _without_codes(refusal, "fairdesk", "--set trigger", "trigger", *trigger.codes())
        )


def _refused_usage(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as exited:
        main(list(argv))
    assert exited.value.code == 2
    return capsys.readouterr().err


def test_argparse_speaks_chinese_too(capsys: pytest.CaptureFixture[str]) -> None:
    err = _refused_usage(capsys, "--lang", "zh_CN", "step", "X-0001-1", "bogus_step")
    assert "usage:" not in err and "error:" not in err
    assert "用法" in err and "错误" in err
    assert "accept (受理)" in err  # the steps with their words, not codes alone
    err = _refused_usage(capsys, "--lang", "zh_CN", "step")
    assert "以下参数是必需的" in err
    err = _refused_usage(capsys, "--lang", "zh_CN", "cases", "--fair", "X", "--bogus")
    assert "unrecognized" not in err and "无法识别的参数" in err
    err = _refused_usage(capsys, "step", "X-0001-1", "bogus_step")  # English again
    assert "usage:" in err and "accept (Accept)" in err


def test_argparse_help_titles_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "zh_CN", "--help"])
    out = capsys.readouterr().out
    assert "positional arguments" not in out and "options:" not in out
    assert "位置参数" in out and "选项" in out
    with pytest.raises(SystemExit):
        main(["--help"])  # English again for the next command
    assert "options:" in capsys.readouterr().out


def test_chinese_steps_write_a_moment_as_the_tables_do(run: Run, case: str, team: Team) -> None:
    act_on_complaint(team.desk, case.rsplit("-", 1)[0], "accept")
    code, _, err = run("step", case, "notify", "--set", "served_at=2026-11-05 09:30")
    assert code == 0, err
    code, out, err = run("--lang", "zh_CN", "steps", case)
    assert code == 0, err
    # One date-time format on the command line (as `cases` prints it), no space after "）".
    assert "已于 2026-11-05 09:30（北京时间 UTC+8）送达" in out, out


def test_the_prefilled_legal_basis_is_said_in_the_commands_language(
    run: Run, team: Team, case: str
) -> None:
    _under_review(team, case)
    code, _, err = run("--lang", "zh_CN", "step", case, "decide_infringing", "--set",
                       "trigger=merits")  # fmt: skip
    assert code == 0, err
    [line] = [x for x in err.splitlines() if "已预填" in x]
    assert "条" in line and not LATIN_WORD.search(line), line
    from sqlalchemy import select

    from fairdesk.db.models import RespondentCase

    with team.desk.db.reading() as session:  # the papers still print both languages
        stored = session.scalars(select(RespondentCase)).one().legal_basis
    assert " / " in stored and line.endswith(stored.partition(" / ")[0])
