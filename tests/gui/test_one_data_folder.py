"""The chosen data folder is the only one: with a temporary home, the CLI's demo and backup,
an inspector session in the app (outbox, logs, exit backup, About) and the app's demo write
nothing outside the folder chosen with --data-dir. The one file allowed elsewhere is the
settings file in the home's configuration folder, which records that choice itself."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Runs the app (fairdesk.cli.main) with the sign-in answered by the user named in argv[1]
# ("" for the demo), does what argv[2] says once the window is up, and quits as a person does.
APP = """
import json, os, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

import fairdesk.ui.app as app_module
import fairdesk.ui.common.sign_in as sign_in_module
from fairdesk.app_context import SYSTEM, open_database
from fairdesk.services.trust import users
from fairdesk.services.context import Context

USER, TODO, ARGS = sys.argv[1], sys.argv[2], sys.argv[3:]
report = {}


def signed_in(db_url, folder):
    db = open_database(db_url, folder)
    return Context(db, users.get_user(Context(db, SYSTEM), USER).actor)


sign_in_module.sign_in = signed_in
real_crash_dialog = app_module.install_crash_dialog


def crash_dialog(log_path):
    real_crash_dialog(log_path)
    report["log"] = str(log_path)

    def hook(kind, exc, tb):
        import traceback
        traceback.print_exception(kind, exc, tb)
        os._exit(3)

    sys.excepthook = hook


app_module.install_crash_dialog = crash_dialog


def act():
    from fairdesk.config import data_dir
    from fairdesk.ui.common.about_dialog import AboutDialog

    windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()
               and type(w).__name__ in ("MainWindow", "InspectorWindow")]
    if not windows:
        QTimer.singleShot(200, act)
        return
    window = windows[0]
    if TODO == "sigterm":  # as a logout or a shutdown ends it
        import signal

        report["folder"] = str(__import__("fairdesk.config").config.data_dir())
        os.kill(os.getpid(), signal.SIGTERM)
        return
    about = AboutDialog(window.ctx, window)
    report["about"] = about.data_folder
    report["data_dir"] = str(data_dir())
    if TODO == "patrol":
        uid = window.outbox.start_round(window.ctx, window.fair_code, "4.1")
        window.outbox.close_round(window.ctx, window.fair_code, uid)
        report["outbox"] = str(window.outbox.path)
    window.close()
    QApplication.quit()


app = QApplication(sys.argv[:1])
QTimer.singleShot(0, act)
QTimer.singleShot(240_000, lambda: os._exit(4))  # never hang
from fairdesk.cli import main

report["code"] = main(ARGS)
print(json.dumps(report))
"""


def _files(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def home(tmp_path: Path) -> dict[str, str]:
    """An environment whose home and temporary folder are new and empty."""
    for name in ("home", "tmp", "chosen", "runtime"):
        (tmp_path / name).mkdir()
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("FAIRDESK_", "XDG_")) and k not in ("HOME", "TMPDIR")
    }
    env.update(
        HOME=str(tmp_path / "home"),
        TMPDIR=str(tmp_path / "tmp"),
        XDG_RUNTIME_DIR=str(tmp_path / "runtime"),
        XDG_CACHE_HOME=str(tmp_path / "runtime" / "cache"),  # fontconfig's cache, not ours
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    )
    return env


def _run(
    env: dict[str, str], *args: str, script: str = "", stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    command = (
        [sys.executable, "-c", script, *args]
        if script
        else [sys.executable, "-m", "fairdesk", *args]
    )
    done = subprocess.run(
        command,
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, f"{args}: {done.stdout}\n{done.stderr}"
    return done


def _check_home(tmp_path: Path) -> None:
    written = _files(tmp_path / "home")
    assert written <= {".config/FairDesk/settings.ini"}, written
    assert _files(tmp_path / "tmp") == set()


def test_nothing_is_written_outside_the_chosen_folder(home: dict[str, str], tmp_path: Path) -> None:
    chosen = tmp_path / "chosen"
    d = ["--data-dir", str(chosen)]
    fair = ["fair", "create", "HOME2026", "--name", "测试", "--start", "2026-11-05"]
    # A new database's administrator first, then every command gives its password.
    _run(home, *d, "user", "add", "admin", "--role", "admin", "--password-stdin",
         stdin="admin-pass-1\n")  # fmt: skip
    home = {**home, "FAIRDESK_PASSWORD": "admin-pass-1"}
    _run(home, *d, *fair, "--end", "2026-11-10", "--hours", "09:00-17:00")
    _run(
        home, *d, "user", "add", "walker", "--role", "inspector", "--password-stdin",
        stdin="walker-pass-1\n",
    )  # fmt: skip
    _run(home, *d, "backup")
    # An inspector's session in the app: a round queued in the outbox, then the exit backup.
    done = _run(home, "walker", "patrol", *d, script=APP)
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["code"] == 0, done.stderr
    assert report["about"] == report["data_dir"] == str(chosen)
    assert Path(report["outbox"]).parent == chosen
    assert Path(report["log"]).is_relative_to(chosen)
    _check_home(tmp_path)
    kept = _files(chosen)
    assert "fairdesk.sqlite3" in kept
    assert any(name.startswith("backups/") for name in kept), kept
    assert any(name.startswith("logs/") for name in kept), kept
    assert Path(report["outbox"]).name in kept


def test_the_demo_keeps_nothing_when_it_is_ended_by_sigterm(
    home: dict[str, str], tmp_path: Path
) -> None:
    done = _run(home, "", "sigterm", "--demo", script=APP)
    demo = json.loads(done.stdout.strip().splitlines()[-1])
    assert demo["code"] == 0, done.stderr
    assert Path(demo["folder"]).name.startswith("fairdesk-demo-")
    assert not Path(demo["folder"]).exists()
    assert list((tmp_path / "tmp").iterdir()) == []
    _check_home(tmp_path)


def test_the_demo_keeps_nothing(home: dict[str, str], tmp_path: Path) -> None:
    chosen = tmp_path / "chosen"
    d = ["--data-dir", str(chosen)]
    before = _files(chosen)
    # The demo in the app keeps nothing: its throwaway folder is gone afterwards.
    done = _run(home, "", "", "--demo", *d, script=APP)
    demo = json.loads(done.stdout.strip().splitlines()[-1])
    assert demo["code"] == 0, done.stderr
    assert demo["about"] == demo["data_dir"] != str(chosen)  # the demo's own folder
    _check_home(tmp_path)
    assert _files(chosen) == before  # the desk's own folder is not touched either


def test_a_data_folder_given_on_the_command_line_keeps_the_preferences_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The set-up's exhibitor import remembers its folder: with --data-dir that lands in
    the chosen folder, not in the user's configuration folder (the fourth new-user review)."""
    from fairdesk import config
    from fairdesk.settings import LAST_IMPORT_DIR, Settings

    monkeypatch.delenv("FAIRDESK_SETTINGS", raising=False)
    chosen = tmp_path / "chosen"
    config.keep_settings_in(chosen)
    try:
        settings = Settings()
        settings.set(LAST_IMPORT_DIR, str(tmp_path / "lists"))
        settings.sync()
        assert settings.path == chosen / "settings.ini" and settings.path.is_file()
    finally:
        config.keep_settings_in(None)
    assert Settings().path != chosen / "settings.ini"  # a run without it: the usual place
