"""Commands that correct or check what was already recorded, and a fair's rule numbers.

Wired into `fairdesk.cli` with `add_parsers(sub)` and `COMMANDS`. A correction needs a
reason and leaves the old and new values in the audit trail.

    fairdesk amend decision CIIE2026-0007-1 --reason "条款笔误" --legal-basis "…"
    fairdesk amend finding VISIT-UID --reason "看错展位" --finding no_issue
    fairdesk evidence check [SHA256]            # one evidence file, or all of them
    fairdesk rules CIIE2026 defence_hours=12 --reason "本届答辩期12小时"
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Any

from fairdesk.cli_common import context, print_rows
from fairdesk.domain.enums import DecisionTrigger, Finding

FORMATS = ["table", "csv", "json"]


def add_parsers(sub: Any) -> None:
    amend = sub.add_parser(
        "amend", help="correct a recorded decision or patrol finding (with a reason)"
    ).add_subparsers(dest="amend_command", required=True)
    de = amend.add_parser("decision", help="correct a decided case's legal basis, note or trigger")
    de.add_argument("case", metavar="CASE")
    de.add_argument("--reason", required=True, help="why the record is corrected")
    de.add_argument("--legal-basis", dest="legal_basis")
    de.add_argument("--note", dest="decision_note")
    de.add_argument(
        "--trigger", dest="decision_trigger", choices=[t.value for t in DecisionTrigger]
    )
    fi = amend.add_parser("finding", help="correct a patrol visit's finding or notes")
    fi.add_argument("visit", metavar="VISIT")
    fi.add_argument("--reason", required=True, help="why the record is corrected")
    fi.add_argument("--finding", choices=[f.value for f in Finding])
    fi.add_argument("--notes")

    ev = sub.add_parser("evidence", help="evidence files").add_subparsers(
        dest="evidence_command", required=True
    )
    ec = ev.add_parser("check", help="check that evidence files are intact (all when no hash)")
    ec.add_argument("sha256", nargs="?", default="", metavar="SHA256")
    ec.add_argument("--format", choices=FORMATS, default="table")

    ru = sub.add_parser("rules", help="change a fair's rule-set numbers; running clocks follow")
    ru.add_argument("fair", metavar="CODE")
    ru.add_argument("changes", nargs="+", metavar="NAME=VALUE", help="e.g. defence_hours=12")
    ru.add_argument("--reason", default="")


def _fields(args: argparse.Namespace, names: tuple[str, ...]) -> dict[str, Any]:
    changes = {n: getattr(args, n) for n in names if getattr(args, n, None) is not None}
    if not changes:
        from fairdesk.domain.errors import InvalidInput

        raise InvalidInput("Say what to correct: give at least one field to change.")
    return changes


def cmd_amend(args: argparse.Namespace) -> int:
    from fairdesk.services.casework import amend

    ctx = context(args)
    if args.amend_command == "decision":
        done = amend.amend_decision(
            ctx, args.case, args.reason, **_fields(args, amend.DECISION_FIELDS)
        )
    else:
        done = amend.amend_finding(
            ctx, args.visit, args.reason, **_fields(args, amend.FINDING_FIELDS)
        )
    if done.changed:
        print(f"{done.ref}: corrected {', '.join(done.changed)}")
    else:
        print(f"{done.ref}: nothing differs from what is recorded; nothing changed")
    return 0


def cmd_evidence(args: argparse.Namespace) -> int:
    from fairdesk.services.inspection import evidence

    ctx = context(args)
    if args.sha256:
        results = [evidence.check_evidence(ctx, args.sha256)]
    else:
        results = evidence.check_all(ctx)
    bad = [r for r in results if not r.ok]
    if args.format != "table" or bad:
        rows = [
            {"file": r.name, "status": r.status, "problem": r.message, "sha256": r.sha256}
            for r in results
        ]
        print_rows(rows, args.format)
    if not bad:
        if args.format == "table":
            print("every evidence file checked is intact" if not args.sha256 else "intact")
        return 0
    return 1


def _value(text: str) -> object:
    """'12' → 12, '1.5' → 1.5, 'true' → True; anything else stays text."""
    try:
        return json.loads(text)
    except ValueError:
        return text


def cmd_rules(args: argparse.Namespace) -> int:
    from fairdesk.domain.errors import InvalidInput
    from fairdesk.services.organizer.fair_setup import update_rules

    changes: dict[str, object] = {}
    for item in args.changes:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise InvalidInput("'{item}' is not NAME=VALUE (e.g. defence_hours=12).", item=item)
        changes[name.strip()] = _value(value.strip())
    info = update_rules(context(args), args.fair, args.reason, **changes)
    print(f"{info.code}: rules now {', '.join(f'{k}={v}' for k, v in changes.items())}")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "amend": cmd_amend,
    "evidence": cmd_evidence,
    "rules": cmd_rules,
}
