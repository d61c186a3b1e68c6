"""build_installer.py without building: what goes into the bundle, the packaging
templates, the Linux archive's layout and how the frozen self-test's output is judged.
The real build (minutes) runs with FAIRDESK_TEST_BUILD=1."""

from __future__ import annotations

import os
import tarfile
import tomllib
from pathlib import Path

import pytest

import build_installer as bi
from fairdesk import __version__

ROOT = Path(__file__).resolve().parents[2]


def test_name_and_version_come_from_the_package_metadata() -> None:
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    proj = bi.project()
    assert (proj.name, proj.version) == (meta["name"], meta["version"])
    assert proj.version == __version__
    assert proj.display_name == "FairDesk"


def test_every_resource_and_migration_is_carried_where_the_app_looks() -> None:
    carried = {Path(dest) / Path(src).name for src, dest in bi.data_files()}
    shipped = {
        Path("resources") / p.relative_to(ROOT / "resources")
        for p in (ROOT / "resources").rglob("*")
        if p.is_file() and p.suffix not in (".ts", ".pyc") and "__pycache__" not in p.parts
    }
    assert shipped <= carried
    for needed in (
        "resources/fonts/DroidSansFallbackFull.ttf",
        "resources/fonts/DejaVuSans.ttf",
        "resources/translations/fairdesk_zh_CN.qm",
        "resources/icons/fairdesk.png",
        "resources/icons/fairdesk.ico",
        "resources/help/guide-desk.md",
        "resources/help/guide-inspector.md",
        "resources/help/guide-organizer.md",
        "fairdesk/db/migrations/env.py",
        "fairdesk/db/migrations/script.py.mako",
        "fairdesk/db/migrations/versions/0001_initial_schema.py",
    ):
        assert Path(needed) in carried, needed
    for src, _dest in bi.data_files():
        assert Path(src).is_file()
        assert not src.endswith(".ts"), "translation sources stay out of the bundle"


def test_modules_the_migrations_import_are_hidden_imports() -> None:
    hidden = set(bi.hidden_imports())
    assert {"alembic.op", "alembic.context", "sqlalchemy", "fairdesk.db.models"} <= hidden
    assert {"psycopg_binary", "sqlalchemy.dialects.postgresql.psycopg"} <= hidden
    assert {"fairdesk.selftest", "fairdesk.ui.setup.welcome", "fairdesk.ui.common.help"} <= hidden


def test_spec_builds_a_windowed_and_a_console_program_from_the_config() -> None:
    spec = (ROOT / "packaging" / "fairdesk.spec").read_text()
    assert "build_installer.spec_config()" in spec
    assert "console=False" in spec and "console=True" in spec
    assert "BUNDLE(" in spec  # macOS .app
    cfg = bi.spec_config()
    assert cfg.name == "FairDesk" and cfg.cli_name == "fairdesk-cli"
    assert Path(cfg.entry).is_file() and all(Path(h).is_file() for h in cfg.runtime_hooks)
    assert Path(cfg.icon).is_file()
    assert cfg.info_plist["CFBundleShortVersionString"] == __version__


def test_inno_setup_script_is_filled_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bi, "BUILD", tmp_path / "build")
    monkeypatch.setattr(bi.shutil, "which", lambda name: None)  # no ISCC here
    assert bi.pack_windows(tmp_path / "FairDesk", bi.project()) is None
    script = (tmp_path / "build" / "fairdesk.iss").read_text(encoding="utf-8-sig")
    assert "@" not in "".join(line for line in script.splitlines() if not line.startswith(";"))
    assert f'#define AppVersion "{__version__}"' in script
    assert "fairdesk-cli.exe" in script and "--self-test" in script


def test_linux_archive_has_the_program_desktop_file_icon_and_installer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bi, "BUILD", tmp_path / "build")
    monkeypatch.setattr(bi, "DIST", tmp_path / "dist")
    (tmp_path / "dist").mkdir()
    bundle = tmp_path / "FairDesk"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "FairDesk").write_text("program")
    (bundle / "fairdesk-cli").write_text("program")
    archive = bi.pack_linux(bundle, bi.project())
    assert archive.name == f"FairDesk-{__version__}-linux-{bi.arch()}.tar.gz"
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
        top = f"FairDesk-{__version__}"
        for name in ("app/FairDesk", "app/fairdesk-cli", "fairdesk.desktop", "fairdesk.png"):
            assert f"{top}/{name}" in names
        assert tar.getmember(f"{top}/install.sh").mode & 0o111
        desktop = tar.extractfile(f"{top}/fairdesk.desktop").read().decode()  # type: ignore[union-attr]
    assert "Exec=@EXEC@" in desktop and "Icon=fairdesk" in desktop
    assert f"version {__version__}" in desktop and "Name[zh_CN]=" in desktop


def test_only_self_test_lines_and_known_qt_notes_are_accepted() -> None:
    output = (
        "self-test: FairDesk 0.1.0 (frozen)\n"
        "This plugin does not support propagateSizeHints()\n"
        "self-test: passed in 2.0 s\n"
    )
    assert bi.unexpected_lines(output) == []
    noisy = output + "/x/reportlab/a.py:3: DeprecationWarning: old\nqt.qpa.fonts: no font\n"
    assert bi.unexpected_lines(noisy) == [
        "/x/reportlab/a.py:3: DeprecationWarning: old",
        "qt.qpa.fonts: no font",
    ]


@pytest.mark.build
@pytest.mark.skipif(
    os.environ.get("FAIRDESK_TEST_BUILD") != "1", reason="the real build takes minutes"
)
def test_real_build_passes_its_self_test() -> None:  # pragma: no cover - on demand
    assert bi.main([]) == 0


def test_the_qr_decoder_library_is_carried(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    if bi.zbar_library() is not None:  # Linux with libzbar0: carried for the runtime hook
        assert any(dest == "zbar" for _src, dest in bi.binary_files())
    (tmp_path / "libzbar-64.dll").write_bytes(b"MZ")
    monkeypatch.setattr(bi, "pyzbar_dlls", lambda: [tmp_path / "libzbar-64.dll"])
    assert (str(tmp_path / "libzbar-64.dll"), "pyzbar") in bi.binary_files()


def test_every_build_takes_the_guides_pictures_from_the_app(monkeypatch) -> None:
    """The build runs the guide pictures' script first, unless told to keep them."""
    ran: list[list[str]] = []
    monkeypatch.setattr(bi.subprocess, "run", lambda cmd, **_kw: ran.append(list(cmd)))

    class Stop(Exception):
        pass

    def stop() -> None:
        raise Stop

    monkeypatch.setattr(bi, "check_inputs", stop)
    with pytest.raises(Stop):
        bi.main([])
    assert ran == [bi.guide_pictures_command()]
    assert Path(ran[0][-1]) == ROOT / "scripts" / "guide_pictures.py"
    assert Path(ran[0][-1]).is_file()
    ran.clear()
    with pytest.raises(Stop):
        bi.main(["--keep-guide-pictures"])
    assert ran == []
