"""The README's command-line examples run as written, in order, on a new data folder with
the demo: a new user who copies them gets no error. Left out: the lines that need a file
of the user's own (import, restore), a password typed at a terminal (user add) or a case
in a given state (step). The
demo's fair is named after the current year, so DEMO2026 stands for that year's fair; the
demo's first case (-0001-1) is always one it decided (demo.README_CASE), and the decided
case the README names must be one the demo really decided."""

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
    from fairdesk.services.demo.demo import demo_fair_codes

    commands = readme_commands()
    assert any(" print decision " in c for c in commands), commands
    live = demo_fair_codes(datetime.now(UTC).astimezone(ZoneInfo("Asia/Shanghai")).date(), 3)[-1]
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("FAIRDESK_")},
        "FAIRDESK_DATA_DIR": str(tmp_path / "data"),
        "FAIRDESK_SETTINGS": str(tmp_path / "settings.ini"),
    }
    decided: list[str] = []  # the demo's decided cases, as the README's `cases` lists them
    for command in commands:
        command, _, into = command.partition(" > ")  # a shell's redirection of the output
        if " print decision " in command:  # the README names a case the demo has decided
            named = re.search(r"DEMO2026-\d{4}-\d+", command)
            assert named and named.group().replace("DEMO2026", live) in decided, decided
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
        assert "Traceback" not in done.stderr, command
        if args[1] == "verify":  # a demo's document: a specimen, said once, exit 3 (README)
            assert done.returncode == 3, f"{command}\n{done.stdout}\n{done.stderr}"
            assert done.stdout.count("SPECIMEN") == 1 and not done.stderr, done.stdout
            continue
        assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
        if into:
            (tmp_path / into.strip()).write_text(done.stdout, encoding="utf-8")
        if "--state INFRINGEMENT_FOUND" in command:
            decided = re.findall(rf"{re.escape(live)}-\d{{4}}-\d+", done.stdout)
            assert decided, done.stdout
        if "audit verify --anchor" in command:  # the printed decision vouches for the trail
            matched = re.search(r"(\d+) anchors matched", done.stdout)
            assert matched and int(matched.group(1)) >= 1, done.stdout
    assert (tmp_path / "decision.pdf").is_file() and (tmp_path / "form.pdf").is_file()
    assert any("audit verify --anchor decision.pdf" in c for c in commands), commands


def test_the_readme_documents_every_exit_status() -> None:
    from fairdesk.cli_documents import EXIT_SPECIMEN

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"{EXIT_SPECIMEN} when `verify` reads a demo's specimen" in text
    assert "--foreign" in text
