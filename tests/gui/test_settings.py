"""Settings (declared, typed, stored in a temp INI file), the settings dialog, and About."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton

import fairdesk
from fairdesk.db.engine import Database
from fairdesk.settings import (
    ALL_SETTINGS,
    DATA_DIR,
    DATABASE_URL,
    ENV_SETTINGS,
    LANGUAGE,
    LAST_FAIR,
    SAVED_VIEWS,
    SEARCH_DELAY_MS,
    Settings,
    default_settings_path,
)
from fairdesk.ui.common.about_dialog import AboutDialog, hide_password
from fairdesk.ui.common.settings_dialog import SettingsDialog
from fairdesk.ui.common.tasks import use_synchronous_pool

LEFT = Qt.MouseButton.LeftButton
OK = QDialogButtonBox.StandardButton.Ok


@pytest.fixture(autouse=True)
def _own_settings_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Even a Settings() without a path must not reach the user's real settings."""
    monkeypatch.setenv(ENV_SETTINGS, str(tmp_path / "default-settings.ini"))


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def sync_pool() -> Iterator[None]:
    use_synchronous_pool()
    yield
    use_synchronous_pool(False)


# --- the declared settings ---------------------------------------------------------------


def test_defaults_until_set(settings: Settings) -> None:
    assert {s.key: settings.get(s) for s in ALL_SETTINGS} == {
        "ui/language": "system",
        "storage/data_dir": "",
        "storage/database_url": "",
        "session/last_fair": "",
        "session/last_import_dir": "",
        "ui/search_delay_ms": 150,
        "lists/saved_views": [],
    }
    assert not settings.is_set(LANGUAGE)
    assert settings.startup_overrides() == (None, None)


def test_round_trip_through_the_file(settings: Settings, tmp_path: Path) -> None:
    views = [
        {"name": "我的答辩 2 小时内到期", "due_within_hours": 2, "states": ["NOTIFIED"]},
        {"name": "Hall 4.1 re-checks", "hall": "4.1", "overdue": False},
    ]
    settings.set(LANGUAGE, "zh_CN")
    settings.set(DATA_DIR, str(tmp_path / "数据"))
    settings.set(DATABASE_URL, "postgresql+psycopg://desk:pw@server/fairdesk")
    settings.set(LAST_FAIR, "CIIE2026")
    settings.set(SEARCH_DELAY_MS, 300)
    settings.set(SAVED_VIEWS, views)
    settings.sync()

    again = Settings(tmp_path / "settings.ini")
    assert again.get(LANGUAGE) == "zh_CN"
    assert again.get(DATA_DIR) == str(tmp_path / "数据")
    assert again.get(LAST_FAIR) == "CIIE2026"
    assert again.get(SEARCH_DELAY_MS) == 300
    assert again.get(SAVED_VIEWS) == views
    assert again.startup_overrides() == (
        "postgresql+psycopg://desk:pw@server/fairdesk",
        str(tmp_path / "数据"),
    )
    # Plain values only: the file holds text a person can read.
    text = (tmp_path / "settings.ini").read_text(encoding="utf-8")
    assert "[ui]\nlanguage=zh_CN\nsearch_delay_ms=300\n" in text
    raw = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert raw.value("lists/saved_views").startswith('[{"due_within_hours": 2')
    again.reset(LANGUAGE)
    assert again.get(LANGUAGE) == "system"


@pytest.mark.parametrize(
    ("setting", "value", "message"),
    [
        (LANGUAGE, "fr", "Setting 'ui/language' must be one of 'system', 'zh_CN', 'en', got 'fr'."),
        (LAST_FAIR, 42, "Setting 'session/last_fair' takes a str, got 42."),
        (SEARCH_DELAY_MS, "fast", "Setting 'ui/search_delay_ms' takes a int, got 'fast'."),
        (SEARCH_DELAY_MS, True, "Setting 'ui/search_delay_ms' takes a int, got True."),
        (SEARCH_DELAY_MS, 60_000, "Setting 'ui/search_delay_ms': between 0 and 5000 ms."),
        (
            SAVED_VIEWS,
            [{"hall": "4.1"}],
            "Setting 'lists/saved_views': each saved view is a mapping with at least a 'name'.",
        ),
        (
            SAVED_VIEWS,
            [{"name": "x", "when": object()}],
            "Setting 'lists/saved_views': saved views must hold plain values (text, numbers, "
            "lists).",
        ),
    ],
)
def test_wrong_values_are_refused(settings: Settings, setting, value, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError) as err:
        settings.set(setting, value)
    assert str(err.value) == message
    assert not settings.is_set(setting)


def test_a_damaged_file_falls_back_to_defaults(settings: Settings, tmp_path: Path) -> None:
    (tmp_path / "settings.ini").write_text(
        "[ui]\nlanguage=klingon\nsearch_delay_ms=soon\n[lists]\nsaved_views=[{oops\n",
        encoding="utf-8",
    )
    fresh = Settings(tmp_path / "settings.ini")
    assert fresh.get(LANGUAGE) == "system"
    assert fresh.get(SEARCH_DELAY_MS) == 150
    assert fresh.get(SAVED_VIEWS) == []


def test_list_defaults_are_not_shared(settings: Settings) -> None:
    settings.get(SAVED_VIEWS).append({"name": "x"})
    assert settings.get(SAVED_VIEWS) == []


def test_default_path_comes_from_the_environment_or_platformdirs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert default_settings_path() == tmp_path / "default-settings.ini"
    assert Settings().path == tmp_path / "default-settings.ini"
    monkeypatch.delenv(ENV_SETTINGS)
    assert default_settings_path().name == "settings.ini"
    assert "FairDesk" in str(default_settings_path())


# --- the settings dialog -----------------------------------------------------------------


def _dialog(qtbot, settings: Settings) -> SettingsDialog:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_dialog_shows_the_data_folder_in_use(qtbot, settings: Settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """FAIRDESK_DATA_DIR (here the test's folder) chose another folder than the default:
    Settings says which one this run uses, not only the default."""
    dialog = _dialog(qtbot, settings)
    shown = dialog.ui.data_dir_edit.placeholderText()
    assert shown.startswith(f"In use now: {tmp_path / 'data'} (default: ")


def test_dialog_stores_what_is_typed(qtbot, settings: Settings, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, settings)
    ui = dialog.ui
    choices = [ui.language_combo.itemText(i) for i in range(3)]
    assert choices == ["Follow the system", "中文", "English"]
    ui.language_combo.setFocus()
    qtbot.keyClick(ui.language_combo, Qt.Key.Key_Down)
    qtbot.keyClicks(ui.data_dir_edit, str(tmp_path / "desk-data"))
    qtbot.keyClicks(ui.database_url_edit, "postgresql+psycopg://desk@server/fairdesk")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(ui.button_box.button(OK), LEFT)

    stored = Settings(settings.path)
    assert stored.get(LANGUAGE) == "zh_CN"
    assert stored.get(DATA_DIR) == str(tmp_path / "desk-data")
    assert stored.get(DATABASE_URL) == "postgresql+psycopg://desk@server/fairdesk"

    reopened = _dialog(qtbot, stored)
    assert reopened.ui.language_combo.currentData() == "zh_CN"
    assert reopened.ui.database_url_edit.text() == "postgresql+psycopg://desk@server/fairdesk"
    restore = reopened.ui.button_box.button(QDialogButtonBox.StandardButton.RestoreDefaults)
    qtbot.mouseClick(restore, LEFT)
    assert reopened.ui.language_combo.currentData() == "system"
    assert reopened.ui.data_dir_edit.text() == reopened.ui.database_url_edit.text() == ""
    assert Settings(settings.path).get(LANGUAGE) == "zh_CN"  # not stored before OK
    with qtbot.waitSignal(reopened.accepted):
        qtbot.mouseClick(reopened.ui.button_box.button(OK), LEFT)
    assert Settings(settings.path).get(LANGUAGE) == "system"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            "fairdesk.sqlite3",
            "'fairdesk.sqlite3' is not a database URL; use e.g. sqlite:///path/fairdesk.sqlite3 "
            "or postgresql+psycopg://user:password@host/dbname",
        ),
        ("mysql://u@h/db", "FairDesk works with SQLite or PostgreSQL, not 'mysql'."),
    ],
)
def test_dialog_refuses_a_bad_url(qtbot, settings: Settings, url: str, message: str) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, settings)
    qtbot.keyClicks(dialog.ui.database_url_edit, url)
    qtbot.mouseClick(dialog.ui.button_box.button(OK), LEFT)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.ui.error_label.isVisible() and dialog.ui.error_label.text() == message
    assert not Settings(settings.path).is_set(DATABASE_URL)


def test_dialog_refuses_a_file_as_data_folder(qtbot, settings: Settings, tmp_path: Path) -> None:
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    dialog = _dialog(qtbot, settings)
    qtbot.keyClicks(dialog.ui.data_dir_edit, str(a_file))
    qtbot.mouseClick(dialog.ui.button_box.button(OK), LEFT)
    assert dialog.ui.error_label.text() == f"The data folder {a_file} is a file, not a folder."


def _test(qtbot, dialog: SettingsDialog, url: str) -> tuple[bool, str]:  # type: ignore[no-untyped-def]
    dialog.ui.database_url_edit.clear()
    qtbot.keyClicks(dialog.ui.database_url_edit, url)
    with qtbot.waitSignal(dialog.connection_checked, timeout=20_000) as checked:
        qtbot.mouseClick(dialog.ui.test_button, LEFT)
    assert dialog.ui.test_button.isEnabled()
    ok, message = checked.args
    assert dialog.ui.test_result_label.text() == ("✔ " if ok else "✖ ") + message
    return ok, message


def test_connection_to_a_fairdesk_database(
    qtbot, settings: Settings, db: Database, sync_pool: None
) -> None:
    dialog = _dialog(qtbot, settings)
    assert _test(qtbot, dialog, db.url) == (
        True,
        "Connected to a FairDesk database; its schema is up to date.",
    )


def test_connection_problems_are_reported(
    qtbot, settings: Settings, tmp_path: Path, sync_pool: None
) -> None:
    dialog = _dialog(qtbot, settings)
    missing = tmp_path / "nowhere" / "fairdesk.sqlite3"
    assert _test(qtbot, dialog, f"sqlite:///{missing}") == (
        True,
        f"No database file at {missing} yet: FairDesk will create it at the next start.",
    )
    assert not missing.parent.exists()  # testing created nothing
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not a database" * 100)
    ok, message = _test(qtbot, dialog, f"sqlite:///{junk}")
    assert not ok
    assert message == f"This file is not a FairDesk database (or it is damaged). ({junk})"
    ok, message = _test(qtbot, dialog, "nonsense")
    assert (ok, message.split(";")[0]) == (False, "'nonsense' is not a database URL")


def test_empty_url_tests_the_file_in_the_data_folder(
    qtbot, settings: Settings, tmp_path: Path, sync_pool: None
) -> None:
    dialog = _dialog(qtbot, settings)
    qtbot.keyClicks(dialog.ui.data_dir_edit, str(tmp_path / "d"))
    assert dialog.effective_url() == f"sqlite:///{tmp_path / 'd' / 'fairdesk.sqlite3'}"


def test_unreachable_server_on_the_real_thread_pool(qtbot, settings: Settings) -> None:
    dialog = _dialog(qtbot, settings)
    ok, message = _test(qtbot, dialog, "postgresql+psycopg://desk:secret@127.0.0.1:9/fairdesk")
    assert not ok
    assert message.startswith("Cannot reach the database server at 127.0.0.1:9/fairdesk.")
    assert "secret" not in message


# --- about -------------------------------------------------------------------------------


def test_about_shows_version_folder_and_database_without_password(
    qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("FAIRDESK_DB", "postgresql+psycopg://desk:s3cret@db.example:5433/fairdesk")
    dialog = AboutDialog(resources=tmp_path / "no-resources")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.version_label.text() == fairdesk.__version__
    assert dialog.data_dir_label.text() == str(tmp_path / "data")
    assert dialog.database_label.text() == "postgresql+psycopg://desk:***@db.example:5433/fairdesk"
    assert not dialog.licences.isVisible()
    qtbot.mouseClick(dialog.findChild(QPushButton, "copy_button"), LEFT)
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(f"FairDesk {fairdesk.__version__}\n") and "s3cret" not in copied


def test_about_lists_font_licences_when_resources_ship_them(
    qtbot, tmp_path: Path, db: Database
) -> None:
    resources = tmp_path / "resources"
    (resources / "fonts").mkdir(parents=True)
    (resources / "README.md").write_text(
        "# Resources\n\nShipped as `fairdesk.resources` (see `pyproject.toml`).\n", "utf-8"
    )
    (resources / "fonts" / "LICENSE-Apache-2.0.txt").write_text("Apache", encoding="utf-8")
    from fairdesk.app_context import SYSTEM
    from fairdesk.services.context import Context

    dialog = AboutDialog(Context(db, SYSTEM), resources=resources)
    qtbot.addWidget(dialog)
    dialog.show()
    text = dialog.licences.toPlainText()
    assert dialog.licences.isVisible()
    assert "Droid Sans Fallback: Chinese text; Apache License 2.0" in text
    assert "pyproject" not in text and "fairdesk.resources" not in text  # a developer's note
    assert "fonts/LICENSE-Apache-2.0.txt" in text
    assert dialog.database_label.text() == hide_password(db.url)


def test_about_in_chinese_has_no_english_sentence(qapp, qtbot, tmp_path: Path) -> None:
    """The fonts and licences read in Chinese; only names (of fonts, files) stay Latin."""
    import re

    from fairdesk.i18n import install_translations
    from fairdesk.resources_path import resource_dir

    install_translations(qapp, "zh_CN")
    try:
        dialog = AboutDialog(resources=resource_dir())
        qtbot.addWidget(dialog)
        text = dialog.licences.toPlainText()
    finally:
        install_translations(qapp, "en")
    assert "字体" in text and "许可证" in text
    names = r"Droid Sans Fallback|DejaVu Sans|NanumGothic|Loma|fonts/\S+|Apache|Bitstream Vera"
    rest = re.sub(names + r"|SIL|GPL|OFL|PDF|FairDesk", "", text)
    assert not re.search(r"[A-Za-z]{3,}", rest), rest


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql+psycopg://u:p%40ss@h/db", "postgresql+psycopg://u:***@h/db"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
        ("sqlite:////tmp/x.sqlite3", "sqlite:////tmp/x.sqlite3"),
        ("not a url", "not a url"),
    ],
)
def test_hide_password(url: str, shown: str) -> None:
    assert hide_password(url) == shown


def test_a_remembered_value_is_written_at_once_for_the_owner_only(tmp_path: Path) -> None:
    """A folder remembered by the import dialog lands in a file only its owner reads."""
    import stat

    from fairdesk.settings import LAST_IMPORT_DIR, Settings

    path = tmp_path / "settings.ini"
    Settings(path).set(LAST_IMPORT_DIR, str(tmp_path))
    assert path.exists()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_the_first_runs_file_dialogs_remember_in_the_data_folder(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The guided set-up opens file dialogs (the exhibitor list) before any window: what Qt
    remembers of them already goes to the chosen data folder, not the home's."""
    import argparse

    from PySide6.QtCore import QSettings

    from fairdesk.config import use_data_dir
    from fairdesk.ui import app as app_module
    from fairdesk.ui.setup.welcome import Choice, Welcome

    seen: list[str] = []
    before = Path(QSettings(QSettings.Scope.UserScope, "QtProject").fileName()).parent

    def welcome(_db: str | None, _folder: str | None) -> Welcome:
        seen.append(QSettings(QSettings.Scope.UserScope, "QtProject").fileName())
        return Welcome(Choice.CLOSED)

    from fairdesk.ui.setup import welcome as welcome_module

    monkeypatch.setattr(welcome_module, "welcome_new_desk", welcome)  # what app imports late
    folder = tmp_path / "chosen"
    args = argparse.Namespace(db=None, data_dir=str(folder), demo=False, lang="en")
    try:
        assert app_module.run_app(args) == 0
    finally:
        use_data_dir(None)
        for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(kind, QSettings.Scope.UserScope, str(before))
    assert seen and Path(seen[0]).is_relative_to(folder), seen
