#!/usr/bin/env python3
"""Build FairDesk as an installable bundle, then prove the bundle works.

    python build_installer.py                  # build for this platform and self-test it
    python build_installer.py --skip-self-test # build only (not for a release)

0. The F1 guides' pictures are taken again from the real app in English and Chinese
   (`scripts/guide_pictures.py`, offscreen, on the demo fair), so a build never ships
   pictures of screens that have changed (`--keep-guide-pictures` skips it).
1. PyInstaller makes a one-folder build (`packaging/fairdesk.spec`): the `FairDesk`
   program (windowed) and `fairdesk-cli` (console, the same program for scripts and the
   self-test), with everything under `resources/` (fonts, translations, icons, help) and
   the Alembic migrations in `fairdesk/db/migrations`.
2. It packs what this platform installs from:
   - Windows: `FairDesk-<version>-setup.exe` from `packaging/fairdesk.iss` when Inno
     Setup's `ISCC` is on PATH (the filled-in script is kept in build/ otherwise);
   - macOS: `FairDesk.app`, zipped;
   - Linux: `FairDesk-<version>-linux-<arch>.tar.gz` with the program, a `.desktop`
     file, the icon and `install.sh` (per user, or system-wide as root).
3. It runs the packed program with `--self-test` (Qt's offscreen platform, a temporary
   data folder) and fails when the test fails or prints anything not expected.

Name and version come from the package metadata in pyproject.toml. Needs PyInstaller
(`pip install -e ".[build]"`). Output goes to dist/, scratch to build/.
"""

from __future__ import annotations

import argparse
import ast
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent
PACKAGING = ROOT / "packaging"
RESOURCES = ROOT / "resources"
MIGRATIONS = ROOT / "fairdesk" / "db" / "migrations"
BUILD = ROOT / "build"
DIST = ROOT / "dist"
APP_ID = "org.fairdesk.FairDesk"
CLI_NAME = "fairdesk-cli"
SELF_TEST_TIMEOUT = 300

# Lines the frozen self-test may print besides its own "self-test:" lines. Anything else
# (a Python warning, a Qt warning, a traceback) fails the build.
EXPECTED_OUTPUT = (
    # Qt's offscreen platform has no window manager to ask about sizes.
    re.compile(r"^This plugin does not support propagateSizeHints\(\)$"),
)
# Not needed by the app; PyInstaller would follow optional imports into them.
EXCLUDES = (
    "tkinter",
    "pytest",
    "_pytest",
    "hypothesis",
    "IPython",
    "matplotlib",
    "numpy",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtWebEngineCore",
)


@dataclass(frozen=True)
class Project:
    name: str  # the distribution name ("fairdesk")
    version: str
    display_name: str  # what a person sees ("FairDesk")
    description: str


def project() -> Project:
    """Name and version from the package metadata (pyproject.toml's [project] table)."""
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    display = "FairDesk" if meta["name"] == "fairdesk" else meta["name"]
    return Project(meta["name"], meta["version"], display, meta.get("description", ""))


# -- what goes into the bundle ------------------------------------------------------------------


def data_files() -> list[tuple[str, str]]:
    """(source, folder in the bundle) for PyInstaller's datas: all of resources/ (found
    through fairdesk.resources_path as <bundle>/resources) and the migrations, which
    Alembic reads as files."""
    skip = {"__pycache__"}
    datas: list[tuple[str, str]] = []
    for path in sorted(RESOURCES.rglob("*")):
        if path.is_file() and not skip & set(path.parts) and path.suffix not in (".pyc", ".ts"):
            datas.append((str(path), str(Path("resources") / path.parent.relative_to(RESOURCES))))
    for path in sorted(MIGRATIONS.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            folder = Path("fairdesk") / "db" / path.parent.relative_to(MIGRATIONS.parent)
            datas.append((str(path), str(folder)))
    return datas


def migration_imports() -> set[str]:
    """Modules the migration scripts import (Alembic imports the scripts at run time, so
    PyInstaller's analysis does not see them)."""
    found: set[str] = set()
    for path in MIGRATIONS.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module)
    found.discard("__future__")
    return found


def hidden_imports() -> list[str]:
    wanted = migration_imports() | {
        "alembic.op",
        "alembic.context",
        "alembic.runtime.migration",
        "alembic.ddl.sqlite",
        "alembic.ddl.postgresql",
        "sqlalchemy.dialects.sqlite.pysqlite",
        "sqlalchemy.dialects.postgresql.psycopg",
        "psycopg_binary",  # psycopg loads its C implementation by name
        "pyzbar.pyzbar",
        "pypdfium2",
        "fairdesk.ui.setup.welcome",
        "fairdesk.ui.common.help",
        "fairdesk.selftest",
    }
    return sorted(wanted)


def zbar_library() -> Path | None:
    """The zbar shared library to carry on Linux (pyzbar's wheels carry it elsewhere)."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes.util

    name = ctypes.util.find_library("zbar")
    for folder in ("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64"):
        for candidate in (Path(folder) / (name or "libzbar.so.0"), Path(folder) / "libzbar.so.0"):
            if candidate.is_file():
                return candidate.resolve()
    return None


def pyzbar_dlls() -> list[Path]:
    """The zbar DLLs pyzbar's Windows wheel carries in its package folder (PyInstaller has
    no hook for pyzbar; it loads them from beside its own module)."""
    try:
        import pyzbar
    except ImportError:
        return []
    return sorted(Path(pyzbar.__file__).parent.glob("*.dll"))


def binary_files() -> list[tuple[str, str]]:
    zbar = zbar_library()
    carried = [(str(zbar), "zbar")] if zbar else []
    return carried + [(str(dll), "pyzbar") for dll in pyzbar_dlls()]


def icon_file() -> Path:
    if sys.platform == "win32":
        return RESOURCES / "icons" / "fairdesk.ico"
    if sys.platform == "darwin":
        return RESOURCES / "icons" / "fairdesk.icns"
    return RESOURCES / "icons" / "fairdesk.png"


@dataclass
class SpecConfig:
    """Everything packaging/fairdesk.spec needs, computed here so tests can read it."""

    name: str
    cli_name: str
    version: str
    entry: str
    root: str
    datas: list[tuple[str, str]]
    binaries: list[tuple[str, str]]
    hiddenimports: list[str]
    excludes: list[str]
    runtime_hooks: list[str]
    icon: str
    bundle_identifier: str = APP_ID
    info_plist: dict[str, object] = field(default_factory=dict)


def spec_config() -> SpecConfig:
    proj = project()
    return SpecConfig(
        name=proj.display_name,
        cli_name=CLI_NAME,
        version=proj.version,
        entry=str(PACKAGING / "fairdesk_main.py"),
        root=str(ROOT),
        datas=data_files(),
        binaries=binary_files(),
        hiddenimports=hidden_imports(),
        excludes=list(EXCLUDES),
        runtime_hooks=[str(PACKAGING / "rthook_fairdesk.py")],
        icon=str(icon_file()),
        info_plist={
            "CFBundleName": proj.display_name,
            "CFBundleDisplayName": proj.display_name,
            "CFBundleShortVersionString": proj.version,
            "CFBundleVersion": proj.version,
            "NSHighResolutionCapable": True,
            "CFBundleDevelopmentRegion": "en",
            "CFBundleLocalizations": ["en", "zh_CN"],
        },
    )


# -- building -----------------------------------------------------------------------------------


def guide_pictures_command() -> list[str]:
    """The F1 guides' pictures, taken from the real app (offscreen, demo data) in English
    and Chinese: every build ships pictures of the screens it ships."""
    return [sys.executable, str(ROOT / "scripts" / "guide_pictures.py")]


def make_guide_pictures() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run(guide_pictures_command(), check=True, cwd=ROOT, env=env)


def check_inputs() -> None:
    """Fail early, with what to do, when something the bundle needs is not there."""
    needed = [
        RESOURCES / "translations" / "fairdesk_zh_CN.qm",
        RESOURCES / "icons" / "fairdesk.png",
        RESOURCES / "icons" / "fairdesk.ico",
        RESOURCES / "help" / "guide-desk.md",
        MIGRATIONS / "env.py",
    ]
    missing = [str(p.relative_to(ROOT)) for p in needed if not p.is_file()]
    if missing:
        raise SystemExit(
            "missing: " + ", ".join(missing) + " (run scripts/update_translations.py, "
            "packaging/make_icons.py, scripts/guide_pictures.py)"
        )
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise SystemExit('PyInstaller is not installed: pip install -e ".[build]"') from None


def run_pyinstaller() -> Path:
    """The one-folder build (dist/FairDesk, or dist/FairDesk.app on macOS)."""
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(BUILD / "pyinstaller"),
        str(PACKAGING / "fairdesk.spec"),
    ]
    subprocess.run(command, check=True, cwd=ROOT)
    name = project().display_name
    return DIST / (f"{name}.app" if sys.platform == "darwin" else name)


def cli_program(bundle: Path) -> Path:
    if sys.platform == "darwin" and bundle.suffix == ".app":
        return bundle / "Contents" / "MacOS" / CLI_NAME
    return bundle / (CLI_NAME + (".exe" if sys.platform == "win32" else ""))


def arch() -> str:
    machine = platform.machine().lower()
    return {"amd64": "x86_64", "arm64": "aarch64"}.get(machine, machine)


def desktop_entry(proj: Project) -> str:
    text = (PACKAGING / "fairdesk.desktop").read_text(encoding="utf-8")
    return text.replace("@VERSION@", proj.version)


def pack_linux(bundle: Path, proj: Project) -> Path:
    """A .tar.gz that unpacks to FairDesk-<version>/ with the program, the .desktop file,
    the icon and install.sh."""
    top = f"{proj.display_name}-{proj.version}"
    archive = DIST / f"{top}-linux-{arch()}.tar.gz"
    staging = BUILD / "linux" / top
    shutil.rmtree(staging.parent, ignore_errors=True)
    staging.mkdir(parents=True)
    shutil.copytree(bundle, staging / "app", symlinks=True)
    (staging / "fairdesk.desktop").write_text(desktop_entry(proj), encoding="utf-8")
    shutil.copy(RESOURCES / "icons" / "fairdesk.png", staging / "fairdesk.png")
    install = staging / "install.sh"
    shutil.copy(PACKAGING / "install.sh", install)
    install.chmod(0o755)
    shutil.copy(PACKAGING / "README-linux.txt", staging / "README.txt")
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(staging, arcname=top)
    return archive


def pack_windows(bundle: Path, proj: Project) -> Path | None:
    """Fill in packaging/fairdesk.iss; compile it when ISCC is on PATH."""
    template = (PACKAGING / "fairdesk.iss").read_text(encoding="utf-8")
    script = BUILD / "fairdesk.iss"
    script.parent.mkdir(parents=True, exist_ok=True)
    values = {
        "@NAME@": proj.display_name,
        "@VERSION@": proj.version,
        "@SOURCE@": str(bundle),
        "@OUTPUT@": str(DIST),
        "@ICON@": str(RESOURCES / "icons" / "fairdesk.ico"),
        "@APPID@": APP_ID,
    }
    for key, value in values.items():
        template = template.replace(key, value)
    script.write_text(template, encoding="utf-8-sig")
    iscc = shutil.which("ISCC") or shutil.which("iscc")
    if iscc is None:
        print(f"ISCC (Inno Setup) not on PATH: the installer script is {script}")
        return None
    subprocess.run([iscc, "/Q", str(script)], check=True)
    return DIST / f"{proj.display_name}-{proj.version}-setup.exe"


def pack_macos(bundle: Path, proj: Project) -> Path:
    archive = DIST / f"{proj.display_name}-{proj.version}-macos-{arch()}.zip"
    subprocess.run(["ditto", "-c", "-k", "--keepParent", str(bundle), str(archive)], check=True)
    return archive


# -- the self-test of the frozen program ----------------------------------------------------------


def unexpected_lines(output: str) -> list[str]:
    """Output lines that are neither the self-test's own nor expected."""
    bad = []
    for line in output.splitlines():
        if not line.strip() or line.startswith("self-test:"):
            continue
        if any(pattern.search(line) for pattern in EXPECTED_OUTPUT):
            continue
        bad.append(line)
    return bad


def self_test(program: Path) -> str:
    """Run `program --self-test` in a clean environment; its output, or SystemExit."""
    with tempfile.TemporaryDirectory(prefix="fairdesk-build-selftest-") as tmp:
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("FAIRDESK_", "PYTHON", "QT_")) and k != "VIRTUAL_ENV"
        }
        env.update(
            QT_QPA_PLATFORM="offscreen",
            FAIRDESK_DATA_DIR=str(Path(tmp) / "data"),
            FAIRDESK_SETTINGS=str(Path(tmp) / "settings.ini"),
        )
        try:
            done = subprocess.run(
                [str(program), "--self-test"],
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                env=env,
                cwd=tmp,
                timeout=SELF_TEST_TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise SystemExit(f"self-test took longer than {SELF_TEST_TIMEOUT} s") from None
    output = done.stdout + done.stderr
    print(output, end="")
    bad = unexpected_lines(output)
    if done.returncode != 0:
        raise SystemExit(f"the frozen program's self-test failed (exit {done.returncode})")
    if bad:
        raise SystemExit("unexpected output from the frozen self-test:\n  " + "\n  ".join(bad))
    if "self-test: passed" not in output:
        raise SystemExit("the frozen self-test did not say it passed")
    return output


def unpack_for_test(archive: Path, into: Path) -> Path:
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    (top,) = list(into.iterdir())
    return top / "app"


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--skip-self-test", action="store_true", help="do not run the bundle")
    parser.add_argument(
        "--keep-guide-pictures",
        action="store_true",
        help="ship the guides' pictures as they are (not retaken from the app)",
    )
    args = parser.parse_args(argv)
    started = time.monotonic()
    proj = project()
    if not args.keep_guide_pictures:
        make_guide_pictures()
    check_inputs()
    print(f"building {proj.display_name} {proj.version} for {sys.platform} ({arch()})")
    bundle = run_pyinstaller()
    built = time.monotonic()
    print(f"one-folder build: {bundle} ({folder_size(bundle) / 1e6:.0f} MB)")

    package: Path | None
    if sys.platform == "win32":
        package = pack_windows(bundle, proj)
    elif sys.platform == "darwin":
        package = pack_macos(bundle, proj)
    else:
        package = pack_linux(bundle, proj)
    if package is not None:
        print(f"package: {package} ({package.stat().st_size / 1e6:.0f} MB)")

    if not args.skip_self_test:
        if package is not None and package.name.endswith(".tar.gz"):
            with tempfile.TemporaryDirectory(prefix="fairdesk-unpacked-") as tmp:
                self_test(cli_program(unpack_for_test(package, Path(tmp))))
        else:
            self_test(cli_program(bundle))
    total = time.monotonic() - started
    print(
        f"done in {total:.0f} s (PyInstaller {built - started:.0f} s); "
        f"self-test {'skipped' if args.skip_self_test else 'passed'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
