"""Error messages are English templates with their values apart, so that a Chinese screen can
show them translated: never a pre-formatted (f-string, +, .format, %) message."""

from __future__ import annotations

import ast
import importlib.util
import pickle
import sys
from pathlib import Path

from fairdesk.domain.errors import FairDeskError, NotFound, translatable

ROOT = Path(__file__).resolve().parents[2]


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "scripts" / "update_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("update_translations", module)
    spec.loader.exec_module(module)
    return module


ut = _script()
PREFORMATTED = (ast.JoinedStr, ast.BinOp)


def _preformatted(node: ast.AST) -> bool:
    if isinstance(node, PREFORMATTED):
        return True
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("format", "join")
    )


def test_no_error_message_is_formatted_before_it_is_raised() -> None:
    files = [p for p in (ROOT / "fairdesk").rglob("*.py") if "forms" not in p.parts]
    classes = ut.error_classes(files)
    assert {"FairDeskError", "NotFound", "StorageError", "EvidenceTooLarge"} <= classes
    found = []
    for path in files:
        for call in ut.error_calls(path, classes):
            if _preformatted(call.args[0]):
                found.append(f"{path.relative_to(ROOT)}:{call.lineno}")
    assert found == []


def test_the_check_sees_an_f_string_message(tmp_path: Path) -> None:
    source = tmp_path / "m.py"
    source.write_text(
        "from fairdesk.domain.errors import NotFound\n"
        "class Gone(NotFound):\n    pass\n"
        "def f(n):\n"
        "    raise Gone(f'No case {n}.')\n"
        "def g(n):\n"
        "    raise NotFound('No case {n}.', n=n)\n",
        encoding="utf-8",
    )
    classes = ut.error_classes([source, ROOT / "fairdesk" / "domain" / "errors.py"])
    calls = list(ut.error_calls(source, classes))
    assert [_preformatted(c.args[0]) for c in calls] == [True, False]
    assert [m.source for m in ut.error_messages(source, classes)] == ["No case {n}."]


def test_the_message_is_the_template_filled_in_and_keeps_its_parts() -> None:
    err = NotFound("There is no case {number} in {fair}.", number="CIIE-0001", fair="CIIE 2026")
    assert str(err) == "There is no case CIIE-0001 in CIIE 2026."
    assert err.template == "There is no case {number} in {fair}."
    assert err.params == {"number": "CIIE-0001", "fair": "CIIE 2026"}
    listed = FairDeskError("Only {roles} staff may do this.", roles=("admin", "desk"))
    assert str(listed) == "Only admin, desk staff may do this."
    plain = FairDeskError("Braces {like this} stay as they are without values.")
    assert str(plain) == "Braces {like this} stay as they are without values."
    assert translatable("A {thing}.") == "A {thing}."


def test_an_error_survives_pickling_with_its_parts() -> None:
    err = pickle.loads(pickle.dumps(NotFound("There is no case {number}.", number="X-1")))
    assert isinstance(err, NotFound)
    assert str(err) == "There is no case X-1."
    assert err.template == "There is no case {number}." and err.params == {"number": "X-1"}


def test_a_moment_is_written_in_its_own_zone_with_the_zone_named() -> None:
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    moment = datetime(2026, 11, 5, 1, 30, tzinfo=UTC).astimezone(ZoneInfo("Asia/Shanghai"))
    err = FairDeskError("Changed at {time}.", time=moment)
    assert str(err) == "Changed at 2026-11-05 09:30 (Asia/Shanghai)."


def test_a_before_a_vowel_sound_reads_an() -> None:
    """"'Mediate' is not a step of a IP complaint" read badly: the article follows the word."""
    from fairdesk.domain.errors import InvalidInput
    from fairdesk.domain.vocabulary import KINDS, Term

    template = "'{step}' is not a step of a {kind}."
    ip = InvalidInput(template, step="Mediate", kind=Term(KINDS, "ip"))
    assert str(ip) == "'Mediate' is not a step of an IP complaint."
    assert str(InvalidInput("a {x}, a {y}", x="user", y="order")) == "a user, an order"
