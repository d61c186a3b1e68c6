"""The README's command-line examples run as written, in order, on a new data folder with
the demo: a new user who copies them gets no error. Left out: the lines that need a file
of the user's own (import, restore), a password typed at a terminal (user add) or a case
in a given state (step). The
demo's fair is named after the current year, so DEMO2026 stands for that year's fair."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[2]
# A step needs a case in a state it leaves from (the README names it CASE-NUMBER).
NEEDS_MORE = ("import exhibitors", "user add", "restore", "CASE-NUMBER")


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("## Command line", 1)[1].split("\n## ", 1)[0]
    lines, joined = [], ""
    for raw in block.splitlines():
        line = raw.strip()
        if not line.startswith("fairdesk") and not joined:
            continue
        joined += " " + line.removesuffix("\\").strip()
        if line.endswith("\\"):
            continue
        lines.append(joined.strip())
        joined = ""
    out = []
    for line in lines:
        line = re.sub(r"\s+#.*$", "", line)  # the comment
        line = re.sub(r"\s*\[[^\]]*\]", "", line)  # optional parts
        if any(skip in line for skip in NEEDS_MORE):
            continue
        head, bar, alternative = line.partition(" | ")
        out.append(head)
        if bar:  # "db upgrade | status": both
            out.append(head.rsplit(" ", 1)[0] + " " + alternative)
    return out


def test_the_command_line_examples_run_as_written(tmp_path: Path) -> None:
    from fairdesk.services.demo import demo_fair_codes

    commands = readme_commands()
    assert any(" print decision " in c for c in commands), commands
    live = demo_fair_codes(datetime.now(UTC).astimezone(ZoneInfo("Asia/Shanghai")).date(), 3)[-1]
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("FAIRDESK_")},
        "FAIRDESK_DATA_DIR": str(tmp_path / "data"),
        "FAIRDESK_SETTINGS": str(tmp_path / "settings.ini"),
    }
    decided = ""  # the README's example of a decided case: the demo's first one today
    for command in commands:
        command, _, into = command.partition(" > ")  # a shell's redirection of the output
        if " print decision " in command and decided:
            command = command.replace("DEMO2026-0002-1", decided)
        args = shlex.split(command.replace("DEMO2026", live))
        assert args[0] == "fairdesk"
        done = subprocess.run(
            [sys.executable, "-m", "fairdesk", *args[1:]],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        # A demo's documents verify as specimens (exit 1: an example proves nothing).
        specimen = args[1] == "verify" and "specimen" in done.stderr
        assert done.returncode == 0 or specimen, f"{command}\n{done.stdout}\n{done.stderr}"
        if into:
            (tmp_path / into.strip()).write_text(done.stdout, encoding="utf-8")
        if "--state INFRINGEMENT_FOUND" in command:
            found = re.findall(rf"{re.escape(live)}-\d{{4}}-\d+", done.stdout)
            assert found, done.stdout
            decided = found[0]
        assert "Traceback" not in done.stderr, command
    assert (tmp_path / "decision.pdf").is_file() and (tmp_path / "form.pdf").is_file()
