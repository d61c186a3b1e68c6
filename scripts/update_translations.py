#!/usr/bin/env python3
"""Keep the Chinese translation in step with the code, and build the .qm file the app loads.

    python scripts/update_translations.py          # update the .ts, build the .qm, report
    python scripts/update_translations.py --check  # exit 1 when anything is missing or stale

Every screen string is English in the code (`self.tr`, `QCoreApplication.translate`,
`QT_TRANSLATE_NOOP`). `pyside6-lupdate` finds them; two kinds are invisible to it, so
this script finds them itself: a module-level helper that wraps `translate` or
`QT_TRANSLATE_NOOP` with a fixed context (`_n("To notify")` in case_labels.py), and a
table of texts translated where it is shown (`HEADERS = ("Case", ...)` with
`self.tr(HEADERS[section])`). The committed
`resources/translations/fairdesk_zh_CN.ts` is then rewritten: strings that are new come in
as unfinished, strings no longer in the code go, translations are kept. Translate in Qt
Linguist (`pyside6-linguist resources/translations/fairdesk_zh_CN.ts`) or any .ts editor,
then run this script again to build `fairdesk_zh_CN.qm` with `pyside6-lrelease`.

The services' error messages are English templates (`fairdesk.domain.errors`); this script
collects them into the "FairDeskError" context: the first argument of every call to an
error class and of every `translatable("...")` and `Phrase("...")`, and the words of the
domain a message may name (roles, states, steps, permissions), which the screens translate
as values.

The .ts carries no source locations (every engineer's edit would move them); Linguist
still shows the context (class) of each string.
"""

from __future__ import annotations

import argparse
import ast
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)  # English is the source language
SOURCE_DIRS = ("fairdesk",)
# Qt Designer forms: lupdate reads the .ui files (it skips the u"..." strings of the
# classes pyside6-uic generates from them in fairdesk/ui/forms).
FORM_DIR = "ui"


@dataclass(frozen=True, order=True)
class Message:
    context: str
    source: str


def ts_path(language: str) -> Path:
    return TRANSLATIONS / f"fairdesk_{language}.ts"


def qm_path(language: str) -> Path:
    return TRANSLATIONS / f"fairdesk_{language}.qm"


# -- the Qt tools -----------------------------------------------------------------------------


def find_tool(name: str) -> list[str]:
    """The command of `pyside6-<name>` (lupdate, lrelease): beside this Python, on PATH, or
    the binary inside the PySide6 package."""
    candidates = [
        Path(sys.executable).parent / f"pyside6-{name}",
        Path(sysconfig.get_path("scripts")) / f"pyside6-{name}",
    ]
    for candidate in candidates:
        for suffix in ("", ".exe"):
            path = candidate.with_name(candidate.name + suffix)
            if path.is_file() and os.access(path, os.X_OK):
                return [str(path)]
    found = shutil.which(f"pyside6-{name}")
    if found:
        return [found]
    try:
        import PySide6
    except ImportError:  # pragma: no cover - PySide6 is a dependency
        raise SystemExit("PySide6 is not installed") from None
    package = Path(PySide6.__file__).parent
    for path in (package / "Qt" / "libexec" / name, package / f"{name}.exe", package / name):
        if path.is_file():
            return [str(path)]
    raise SystemExit(f"pyside6-{name} not found (install PySide6-Essentials)")


def sources() -> list[Path]:
    files: list[Path] = []
    for folder in SOURCE_DIRS:
        files += [p for p in (ROOT / folder).rglob("*.py") if "__pycache__" not in p.parts]
    files += (ROOT / FORM_DIR).glob("*.ui")
    return sorted(files)


# -- extraction -------------------------------------------------------------------------------


def run_lupdate(files: Iterable[Path], out: Path) -> None:
    command = [*find_tool("lupdate"), "-silent", "-locations", "none", "-no-obsolete"]
    command += ["-source-language", "en", "-target-language", "zh_CN"]
    command += [str(f) for f in files] + ["-ts", str(out)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"lupdate failed:\n{done.stdout}{done.stderr}")


def _string(node: ast.AST, constants: dict[str, str]) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    return None


def _wrapper_context(func: ast.FunctionDef, constants: dict[str, str]) -> str | None:
    """The context of `def f(text): return translate("Ctx", text)` (or QT_TRANSLATE_NOOP)."""
    if not func.args.args or len(func.body) != 1 or not isinstance(func.body[0], ast.Return):
        return None
    call = func.body[0].value
    if not isinstance(call, ast.Call) or len(call.args) < 2:
        return None
    name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
    if name not in ("translate", "QT_TRANSLATE_NOOP"):
        return None
    param = func.args.args[0].arg
    if not (isinstance(call.args[1], ast.Name) and call.args[1].id == param):
        return None
    return _string(call.args[0], constants)


def wrapped_messages(path: Path) -> Iterator[Message]:
    """Strings passed to a module's own translate wrappers, which lupdate cannot see."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    constants: dict[str, str] = {}
    wrappers: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            value = _string(node.value, {})
            if isinstance(target, ast.Name) and value is not None:
                constants[target.id] = value
        elif isinstance(node, ast.FunctionDef):
            context = _wrapper_context(node, constants)
            if context is not None:
                wrappers[node.name] = context
    if not wrappers:
        return
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in wrappers
            and node.args
        ):
            text = _string(node.args[0], {})
            if text is not None:
                yield Message(wrappers[node.func.id], text)


def _strings(node: ast.AST) -> list[str] | None:
    if isinstance(node, ast.Tuple | ast.List) and node.elts:
        texts = [_string(e, {}) for e in node.elts]
        if all(t is not None for t in texts):
            return [t for t in texts if t is not None]
    return None


def _table_name(node: ast.AST) -> str | None:
    """X for `X` or `self.X` (a table of texts named at module or class level)."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        return node.attr if node.value.id in ("self", "cls") else None
    return None


def _is_self_tr(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "tr"
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "self"
        and bool(node.args)
    )


def table_messages(path: Path) -> Iterator[Message]:
    """Texts kept in a table and translated where shown, which lupdate cannot see:
    `HEADERS = ("Case", ...)` with `self.tr(HEADERS[section])` or
    `[self.tr(h) for h in HEADERS]` inside a class, or a class's `headers = HEADERS`
    (fairdesk/ui/common/table_model.py translates it); the class is the context."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    tables: dict[str, list[str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            texts = _strings(node.value)
            if texts is not None and isinstance(node.targets[0], ast.Name):
                tables[node.targets[0].id] = texts
    for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
        loop_tables: dict[str, list[str]] = {}
        for node in ast.walk(cls):
            if isinstance(node, ast.ListComp | ast.GeneratorExp | ast.SetComp | ast.DictComp):
                for gen in node.generators:
                    name = _table_name(gen.iter)
                    if isinstance(gen.target, ast.Name) and name in tables:
                        loop_tables[gen.target.id] = tables[name]
        for node in cls.body:  # `headers = HEADERS`: a RowTableModel's translated headers
            if isinstance(node, ast.Assign) and [_table_name(t) for t in node.targets] == [
                "headers"
            ]:
                texts = _strings(node.value) or tables.get(_table_name(node.value) or "")
                for text in texts or ():
                    yield Message(cls.name, text)
        for node in ast.walk(cls):
            if not _is_self_tr(node):
                continue
            arg = node.args[0]  # type: ignore[attr-defined]
            texts: list[str] | None = None
            if isinstance(arg, ast.Subscript):
                texts = tables.get(_table_name(arg.value) or "")
            elif isinstance(arg, ast.Name):
                texts = loop_tables.get(arg.id)
            for text in texts or ():
                yield Message(cls.name, text)


def extract(files: Iterable[Path] | None = None) -> list[Message]:
    """Every translatable (context, English text) in the code, in a stable order."""
    files = list(files if files is not None else sources())
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "extracted.ts"
        run_lupdate(files, out)
        found = list(read_ts(out))
    seen = set(found)
    classes = error_classes(files)
    terms = [Message(ERROR_CONTEXT, t) for t in domain_terms()]
    for path in files:
        if path.suffix != ".py":
            continue
        for message in [
            *wrapped_messages(path),
            *table_messages(path),
            *error_messages(path, classes),
        ]:
            if message not in seen:
                seen.add(message)
                found.append(message)
    for message in terms:
        if message not in seen:
            seen.add(message)
            found.append(message)
    return sorted(found, key=lambda m: (m.context.lower(), m.context))  # stable within context


# -- the services' error messages ---------------------------------------------------------------

ERROR_CONTEXT = "FairDeskError"
ERROR_MARKERS = ("translatable", "Phrase")


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def error_classes(files: Iterable[Path]) -> set[str]:
    """FairDeskError and every class deriving from it, by name, across `files`."""
    trees = [ast.parse(p.read_text(encoding="utf-8"), str(p)) for p in files if p.suffix == ".py"]
    classes = [n for t in trees for n in ast.walk(t) if isinstance(n, ast.ClassDef)]
    found = {"FairDeskError"}
    grew = True
    while grew:
        grew = False
        for cls in classes:
            if cls.name not in found and any(_name(b) in found for b in cls.bases):
                found.add(cls.name)
                grew = True
    return found


def error_calls(path: Path, classes: set[str]) -> Iterator[ast.Call]:
    """The calls in `path` that make an error or mark a message as translatable."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args:
            name = _name(node.func)
            if name in classes or name in ERROR_MARKERS:
                yield node


def error_messages(path: Path, classes: set[str]) -> Iterator[Message]:
    for call in error_calls(path, classes):
        text = _string(call.args[0], {})
        if text:
            yield Message(ERROR_CONTEXT, text)
    # The step table's refusals: Refusal(ErrorClass, "template", {...}) raises later.
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _name(node.func) == "Refusal" and len(node.args) > 1:
            text = _string(node.args[1], {})
            if text:
                yield Message(ERROR_CONTEXT, text)


def domain_terms() -> dict[str, str]:
    """Words of the domain that error messages carry as values, English -> Chinese.

    The Chinese comes from where the words are declared: the step table (a step's words, a
    field's words and need), the vocabulary (roles, deadlines, states, materials, events)
    and the words of the records' kinds; "" where only the .ts has a translation (a
    permission's name, a deadline's status). The vocabulary wins over a hand translation.
    """
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from fairdesk.domain import clocks, enums, permissions, workflow
    from fairdesk.domain import vocabulary as v

    terms: dict[str, str] = {", ": ""}

    def add(en: str, zh: str = "") -> None:
        if en and not terms.get(en):
            terms[en] = zh

    for table, kind in (
        (v.ROLES, enums.Role),
        (v.COMPLAINT_STATES, enums.ComplaintState),
        (v.CASE_STATES, enums.CaseState),
    ):
        for member in kind:
            add(member.value, table.words(member.value).zh)  # older messages pass codes
    for clock in enums.ClockKind:
        add(clock.value)  # "the {kind} deadline": the .ts says it without "期限"
    for permission in permissions.Permission:
        add(permission.value)
    for entity, words in workflow.ENTITY_WORDS.items():
        add(entity.value, words.zh)
        add(words.en, words.zh)
    for status in clocks.ClockStatus:
        add(status.value.replace("_", " "))  # as messages say
    for s in workflow.STEPS:
        add(s.words.en, s.words.zh)
        for f in s.fields:
            add(f.label, (f.need or f.words).zh)
            add(f.words.en, f.words.zh)
    for table in (v.MATERIALS, v.EVENTS):
        for words in table.values():
            add(words.en, words.zh)
    return terms


def with_vocabulary(
    committed: dict[Message, Translation], terms: dict[str, str]
) -> dict[Message, Translation]:
    """The committed translations with the domain's words put in from the vocabulary."""
    merged = dict(committed)
    for en, zh in terms.items():
        if zh:
            merged[Message(ERROR_CONTEXT, en)] = Translation(zh, True)
    return merged


# -- .ts files ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Translation:
    text: str
    finished: bool


def read_ts(path: Path) -> dict[Message, Translation]:
    """The messages of a .ts file with their translations (obsolete ones left out)."""
    result: dict[Message, Translation] = {}
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            node = message.find("translation")
            kind = node.get("type", "") if node is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            text = (node.text or "") if node is not None else ""
            result[Message(name, source)] = Translation(text, kind != "unfinished" and bool(text))
    return result


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def render_ts(
    language: str, messages: list[Message], translations: dict[Message, Translation]
) -> str:
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!DOCTYPE TS>",
        f'<TS version="2.1" language="{language}" sourcelanguage="en">',
    ]
    current = None
    for message in messages:
        if message.context != current:
            if current is not None:
                lines.append("</context>")
            lines += ["<context>", f"    <name>{_escape(message.context)}</name>"]
            current = message.context
        done = translations.get(message)
        lines += ["    <message>", f"        <source>{_escape(message.source)}</source>"]
        if done is not None and done.finished:
            lines.append(f"        <translation>{_escape(done.text)}</translation>")
        else:
            text = _escape(done.text) if done is not None else ""
            lines.append(f'        <translation type="unfinished">{text}</translation>')
        lines.append("    </message>")
    if current is not None:
        lines.append("</context>")
    lines.append("</TS>")
    return "\n".join(lines) + "\n"


def release(ts: Path, qm: Path) -> None:
    command = [*find_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not qm.is_file():
        raise SystemExit(f"lrelease failed:\n{done.stdout}{done.stderr}")


@dataclass(frozen=True)
class Status:
    language: str
    total: int
    finished: int
    new: list[Message]  # in the code, not in the committed .ts
    gone: list[Message]  # in the committed .ts, no longer in the code
    unfinished: list[Message]
    # Domain words whose translation in the .ts is not the vocabulary's.
    differs: list[Message] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.new or self.gone or self.unfinished or self.differs)


def status(language: str, messages: list[Message]) -> Status:
    path = ts_path(language)
    committed = read_ts(path) if path.is_file() else {}
    wanted = set(messages)
    vocabulary = with_vocabulary({}, domain_terms())
    differs = [
        m
        for m, t in vocabulary.items()
        if m in committed and committed[m].finished and committed[m].text != t.text
    ]
    unfinished = [m for m in messages if m in committed and not committed[m].finished]
    return Status(
        language,
        len(messages),
        sum(1 for m in messages if m in committed and committed[m].finished),
        [m for m in messages if m not in committed],
        sorted(m for m in committed if m not in wanted),
        unfinished,
        differs,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if stale")
    args = parser.parse_args(argv)
    messages = extract()
    failed = False
    for language in LANGUAGES:
        st = status(language, messages)
        print(
            f"{language}: {st.finished}/{st.total} translated; new {len(st.new)}, "
            f"gone {len(st.gone)}, unfinished {len(st.unfinished)}, "
            f"not the vocabulary's {len(st.differs)}"
        )
        for m in st.new + st.unfinished:
            print(f"  untranslated  [{m.context}] {m.source!r}")
        for m in st.differs:
            print(f"  vocabulary    [{m.context}] {m.source!r}")
        if args.check:
            failed |= not st.ok
            continue
        path = ts_path(language)
        committed = with_vocabulary(read_ts(path) if path.is_file() else {}, domain_terms())
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_ts(language, messages, committed), encoding="utf-8")
        release(path, qm_path(language))
        print(f"  wrote {path.relative_to(ROOT)} and {qm_path(language).relative_to(ROOT)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
