"""Two languages: every screen string is in the committed Chinese translation and
translated; the .qm the app loads is built from it; the language follows --lang, the
setting and the system; dates and numbers follow the locale."""

from __future__ import annotations

import dataclasses
import importlib.util
import re
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from fairdesk.domain import vocabulary, workflow
from fairdesk.domain.enums import Role
from fairdesk.domain.errors import IllegalTransition, NotFound, PermissionDenied
from fairdesk.i18n import (
    current_language,
    domain_word,
    error_text,
    format_date,
    format_datetime,
    format_number,
    install_translations,
    locale_for,
    resolve_language,
)
from fairdesk.services.trust import users
from fairdesk.settings import LANGUAGE, Settings
from tests.conftest import Team

ROOT = Path(__file__).resolve().parents[2]
ZH = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
US = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
DE = QLocale(QLocale.Language.German, QLocale.Country.Germany)


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "scripts" / "update_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["update_translations"] = module
    spec.loader.exec_module(module)
    return module


ut = _script()


@pytest.fixture(scope="module")
def extracted() -> list:  # type: ignore[type-arg]
    """What lupdate (and the wrapper scan) finds in the code now: run once."""
    return ut.extract()


@pytest.fixture
def english(qapp) -> Iterator[None]:
    yield
    install_translations(qapp, "en")


def test_every_screen_string_is_in_the_committed_translation(extracted) -> None:  # type: ignore[no-untyped-def]
    st = ut.status("zh_CN", extracted)
    problems = [f"not in fairdesk_zh_CN.ts: [{m.context}] {m.source!r}" for m in st.new]
    problems += [f"unfinished: [{m.context}] {m.source!r}" for m in st.unfinished]
    assert not problems, (
        "Run `python scripts/update_translations.py`, translate the new strings in "
        "resources/translations/fairdesk_zh_CN.ts (pyside6-linguist), run it again:\n"
        + "\n".join(problems)
    )
    assert st.total > 500


def test_every_message_of_the_committed_translation_is_finished() -> None:
    committed = ut.read_ts(ut.ts_path("zh_CN"))
    unfinished = [m for m, t in committed.items() if not t.finished]
    assert unfinished == []


def placeholders(text: str) -> list[str]:
    """{0}, {name}, {size:.1f}: the fields str.format fills ({{ and }} are literal braces)."""
    return sorted(
        set(re.findall(r"\{[\w.]*(?:[:!][^{}]*)?\}", text.replace("{{", "").replace("}}", "")))
    )


def test_translations_keep_placeholders_markup_and_shortcut_keys() -> None:
    bad = []
    for message, done in ut.read_ts(ut.ts_path("zh_CN")).items():
        source, text = message.source, done.text
        if placeholders(source) != placeholders(text):
            bad.append(f"placeholders: {source!r} -> {text!r}")
        if re.findall(r"</?\w+>", source) != re.findall(r"</?\w+>", text):
            bad.append(f"markup: {source!r} -> {text!r}")
        key = re.search(r"&(\w)", source.replace("&&", ""))
        if key and f"&{key.group(1).upper()}" not in text.upper():
            bad.append(f"shortcut &{key.group(1)}: {source!r} -> {text!r}")
        if source.strip() and not text.strip():
            bad.append(f"empty: {source!r}")
    assert bad == []


def test_the_shipped_qm_is_built_from_the_committed_ts(tmp_path: Path) -> None:
    built = tmp_path / "fairdesk_zh_CN.qm"
    ut.release(ut.ts_path("zh_CN"), built)
    assert built.read_bytes() == ut.qm_path("zh_CN").read_bytes(), (
        "resources/translations/fairdesk_zh_CN.qm is stale: run scripts/update_translations.py"
    )


@pytest.mark.parametrize(
    ("choice", "system", "expected"),
    [
        ("zh_CN", US, "zh_CN"),
        ("en", ZH, "en"),
        ("system", ZH, "zh_CN"),
        (None, QLocale(QLocale.Language.Chinese, QLocale.Country.Taiwan), "zh_CN"),
        ("system", DE, "en"),
        ("system", US, "en"),
        ("zh-CN", US, "zh_CN"),
    ],
)
def test_language_follows_the_choice_then_the_system(choice, system, expected) -> None:  # type: ignore[no-untyped-def]
    assert resolve_language(choice, system) == expected


def test_chinese_translates_the_desk_and_qts_own_buttons(qapp, english: None, team: Team) -> None:
    installed = install_translations(qapp, "zh_CN", system=US)
    assert installed.language == current_language() == "zh_CN"
    assert [p.name for p in installed.files] == ["qtbase_zh_CN.qm", "fairdesk_zh_CN.qm"]
    from fairdesk.settings import Settings as S
    from fairdesk.ui.desk.main_window import MainWindow

    window = MainWindow(team.desk, settings=S())
    window._poll_timer.stop()
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[:2] == ["案件(&C)", "视图(&V)"]
    assert all(re.search(r"[\u4e00-\u9fff]", m) for m in menus), menus
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    window.close()
    install_translations(qapp, "en")
    assert QCoreApplication.translate("MainWindow", "&Cases") == "&Cases"


def test_the_setting_chooses_the_language_when_no_option_does(
    qapp, english: None, tmp_path: Path
) -> None:
    settings = Settings()
    settings.set(LANGUAGE, "zh_CN")
    settings.sync()
    assert install_translations(qapp, None, system=US).language == "zh_CN"
    assert install_translations(qapp, "en", system=US).language == "en"  # --lang wins


def test_dates_and_numbers_follow_the_locale() -> None:
    moment = datetime(2026, 11, 5, 9, 30)
    assert format_date(date(2026, 11, 5), ZH) == "2026/11/5"
    assert format_datetime(moment, ZH) == "2026/11/5 09:30"
    assert format_date(date(2026, 11, 5), US) == "2026-11-05"  # never month-first
    assert format_date(date(2026, 11, 5), DE) == "05.11.2026"
    assert format_number(1234567, locale=ZH) == "1,234,567"
    assert format_number(1234.5, 1, locale=DE) == "1.234,5"
    assert locale_for("en", DE).language() == QLocale.Language.English
    assert locale_for("zh_CN", US).language() == QLocale.Language.Chinese


def test_extraction_sees_wrapped_and_table_texts_lupdate_misses(tmp_path: Path) -> None:
    source = tmp_path / "screen.py"
    source.write_text(
        "from PySide6.QtCore import QT_TRANSLATE_NOOP\n"
        'CONTEXT = "labels"\n'
        'HEADERS = ("Case", "State")\n'
        "def _n(text):\n"
        "    return QT_TRANSLATE_NOOP(CONTEXT, text)\n"
        'WORDS = {"x": _n("To notify")}\n'
        "class Model:\n"
        "    def header(self, section):\n"
        "        return self.tr(HEADERS[section])\n"
        "    def copy(self):\n"
        "        return [self.tr(h) for h in HEADERS]\n",
        encoding="utf-8",
    )
    assert list(ut.wrapped_messages(source)) == [ut.Message("labels", "To notify")]
    assert set(ut.table_messages(source)) == {
        ut.Message("Model", "Case"),
        ut.Message("Model", "State"),
    }


def test_a_chinese_font_is_there_for_the_screens(qapp) -> None:
    from PySide6.QtGui import QFontDatabase

    from fairdesk.i18n import ensure_chinese_font

    assert ensure_chinese_font()
    assert QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)


def test_extraction_sees_a_table_models_headers(tmp_path: Path) -> None:
    source = tmp_path / "model.py"
    source.write_text(
        'HEADERS = ("Case", "State")\n'
        "class CaseModel(RowTableModel):\n"
        "    headers = HEADERS\n"
        "class LogModel(RowTableModel):\n"
        '    headers = ("Time",)\n',
        encoding="utf-8",
    )
    assert set(ut.table_messages(source)) == {
        ut.Message("CaseModel", "Case"),
        ut.Message("CaseModel", "State"),
        ut.Message("LogModel", "Time"),
    }


def test_service_errors_show_in_the_desks_language(qapp, english: None, team: Team) -> None:
    install_translations(qapp, "zh_CN")
    with pytest.raises(NotFound) as missing:
        users.get_user(team.admin, "nobody")
    text = error_text(missing.value)
    assert "nobody" in text and re.search("[\u4e00-\u9fff]", text), text
    assert text != str(missing.value)
    # A role and a step named in the message are translated with it, from the vocabulary
    # and the step table.
    facts = workflow.Facts(
        workflow.Entity.CASE, "X-1", "TO_NOTIFY", Role.INSPECTOR, datetime(2026, 11, 5, tzinfo=UTC)
    )
    with pytest.raises(PermissionDenied) as refused:
        workflow.check(facts, "notify", {})
    text = error_text(refused.value)
    inspector = QCoreApplication.translate("FairDeskError", "inspector")
    assert inspector == vocabulary.ROLES.words("inspector").zh and inspector in text, text
    assert "通知被投诉人" in text and "inspector" not in text and "Notify" not in text
    # A state is a Term: its Chinese words on a Chinese desk, never its code.
    closed = dataclasses.replace(facts, state="CLOSED", role=Role.DESK)
    with pytest.raises(IllegalTransition) as wrong:
        workflow.check(closed, "notify", {})
    text = error_text(wrong.value)
    assert "已结案" in text and "待通知" in text and "CLOSED" not in text, text
    install_translations(qapp, "en")
    assert error_text(refused.value) == str(refused.value)
    text = error_text(wrong.value)
    assert "Closed" in text and "To notify" in text and "CLOSED" not in text, text
    assert error_text(ValueError("plain")) == "plain"


def test_a_moment_in_an_error_follows_the_desks_locale(qapp) -> None:
    from zoneinfo import ZoneInfo

    moment = datetime(2026, 11, 5, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
    text = error_text(NotFound("Not in any catalogue since {time}.", time=moment))
    assert text == f"Not in any catalogue since {format_datetime(moment)} (Asia/Shanghai)."
    assert "2026-11-05" not in text  # the locale's form, not the English message's


def test_a_moment_on_a_chinese_desk_names_its_zone_in_chinese(qapp) -> None:
    from zoneinfo import ZoneInfo

    moment = datetime(2026, 11, 5, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
    install_translations(qapp, "zh_CN")
    try:
        text = error_text(NotFound("Not in any catalogue since {time}.", time=moment))
    finally:
        install_translations(qapp, "en")
    assert "Asia/Shanghai" not in text and "（北京时间 UTC+8）" in text, text


def test_an_untranslated_or_broken_error_translation_falls_back_to_english(qapp) -> None:
    assert error_text(NotFound("Not in any catalogue: {x}.", x=1)) == "Not in any catalogue: 1."
    assert error_text(NotFound("Braces {kept} without values.")) == "Braces {kept} without values."


def test_steps_and_fields_in_messages_speak_the_step_tables_chinese(qapp, english: None) -> None:
    install_translations(qapp, "zh_CN")
    try:
        for s in workflow.STEPS:
            # Two steps may share their English (a complaint's and a case's withdrawal).
            same = {t.words.zh for t in workflow.STEPS if t.label == s.label}
            assert domain_word(s.label) in same, s.action
            for f in s.fields:
                assert re.search("[\u4e00-\u9fff]", domain_word(f.label)), (s.action, f.name)
        for role in Role:
            assert domain_word(role.value) == vocabulary.ROLES.words(role.value).zh
    finally:
        install_translations(qapp, "en")


def test_a_user_name_in_a_chinese_message_is_never_translated(qapp, english: None) -> None:
    install_translations(qapp, "zh_CN", system=US)
    assert domain_word("admin") != "admin"  # "admin" is also the role's word...
    exc = PermissionDenied(
        "The user '{name}' needs its password: run the command in a terminal, "
        "set FAIRDESK_PASSWORD, or give --password-stdin before the command (after "
        "'user add' or 'user passwd' it reads the new user's password instead).",
        name="admin",
    )
    shown = error_text(exc)
    assert "“admin”" in shown and "管理员" not in shown, shown  # ...but here it is a name
