"""The hand-off commands of `fairdesk`: what leaves for the public systems the policy names.

Wired into `fairdesk.cli` with `add_parsers(sub)` and `COMMANDS`, beside `export followup`.

    fairdesk --user organizer1 export credit --fair CIIE2026 -o credit.xlsx
    fairdesk --user desk1 export referral CIIE2026-0001-1 -o referral.zip
    fairdesk --user desk1 export evidence CIIE2026-0001-1 -o evidence.zip
    fairdesk verify evidence.zip          # offline: no database, no password
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fairdesk.cli_common import context

HANDOFFS = ("credit", "referral", "evidence")


def _export_parsers(sub: Any) -> Any:
    """The `export` command's own subcommands (made by cli_organizer)."""
    export = sub.choices["export"]
    return next(a for a in export._actions if isinstance(a, argparse._SubParsersAction))


def add_parsers(sub: Any) -> None:
    ex = _export_parsers(sub)
    cr = ex.add_parser(
        "credit",
        help="the credit referral list of a fair (XLSX, CSV or JSON)",
        description="One record per case referred for serious dishonesty (Shanghai "
        "Regulations Art 42), with the data items credit platforms collect. A record that "
        "lacks an item is refused, naming it; the exit status is then 1.",
    )
    cr.add_argument("--fair", required=True, metavar="CODE")
    cr.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.xlsx|.csv|.json")
    cr.add_argument("--format", choices=["xlsx", "csv", "json"], help="override the ending")
    cr.add_argument("--source-unit", default="", metavar="NAME", help="the reporting unit")
    rf = ex.add_parser(
        "referral",
        help="the signed referral package of a case referred to an authority",
        description="The referral letter, a structured case summary, the evidence files "
        "with their SHA-256 and capture times, and a signed manifest; a folder, or a ZIP "
        "when the name ends in .zip.",
    )
    rf.add_argument("case", metavar="CASE")
    rf.add_argument("-o", "--output", required=True, type=Path, metavar="DIR|FILE.zip")
    ev = ex.add_parser(
        "evidence",
        help="the signed evidence deposit package of a case (ZIP)",
        description="Every evidence file of the case, their SHA-256, capture times and who "
        "captured each, and the audit events about them, signed with your key.",
    )
    ev.add_argument("case", metavar="CASE")
    ev.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.zip")


def cmd_handoff(args: argparse.Namespace) -> int:
    if args.export_command == "credit":
        return _credit(args)
    from fairdesk.services.handoff.evidence_package import export_evidence
    from fairdesk.services.handoff.handoff_referral import export_referral

    export = export_referral if args.export_command == "referral" else export_evidence
    result = export(context(args), args.case, args.output)
    specimen = " (demo specimen)" if result.specimen else ""
    print(
        f"{result.path}: {args.export_command} package of {result.case_number}, "
        f"{result.files} evidence files, signed with key {result.key_id}{specimen}; "
        f"sha256 {result.package_sha256}"
    )
    return 0


def _credit(args: argparse.Namespace) -> int:
    from fairdesk.services.handoff.handoff_credit import export_credit

    result = export_credit(
        context(args), args.fair, args.output, fmt=args.format, source_unit=args.source_unit
    )
    for refused in result.refused:
        print(f"fairdesk: record refused: {refused.sentence()}", file=sys.stderr)
    if result.path is None:
        print("fairdesk: no complete credit record to export; no file written", file=sys.stderr)
        return 1
    print(f"{result.path}: {result.records} records ({result.format}); sha256 {result.sha256}")
    return 1 if result.refused else 0


def verify_package(path: Path, root: str = "") -> int:
    """`fairdesk verify PACKAGE.zip|DIR [--root FINGERPRINT]`: offline, from the package
    alone. The package names its own root, so only the printed fingerprint makes it genuine."""
    from fairdesk.services.trust.signed_package import verify_path

    check = verify_path(path)
    if root:
        from fairdesk.services.trust import root_pin

        root = root_pin.given(root)  # typed from paper, or read from a genuine PDF
    if root and check.ok and _squeezed(root) != _squeezed(check.root_fingerprint):
        print(f"{'root key':>16}: {check.root_fingerprint or '-'}")
        print(
            "fairdesk: refused: the package chains to another root key than the one given "
            "(--root): it was not made by this service center",
            file=sys.stderr,
        )
        return 1
    facts = check.manifest
    for label in ("purpose", "case_number", "issued_at", "issued_by", "key_id"):
        if facts.get(label):
            print(f"{label:>16}: {facts[label]}")
    print(f"{'files':>16}: {check.files}")
    print(f"{'root key':>16}: {check.root_fingerprint or '-'}")
    if check.ok:
        print(
            "genuine and complete: the signature covers the manifest and every file matches "
            "its SHA-256"
            + (
                ", and it chains to the root key given."
                if root
                else ". Compare the root key's fingerprint with the one printed on the service "
                'center\'s documents (or give it: --root "XXXX XXXX ...").'
            )
        )
        return 0
    for problem in check.problems:
        print(f"fairdesk: refused: {problem}", file=sys.stderr)
    return 1


def _squeezed(fingerprint: str) -> str:
    return "".join(ch for ch in fingerprint.upper() if ch.isalnum())


def is_package(text: str) -> bool:
    path = Path(text)
    return path.suffix.lower() == ".zip" or (path.is_dir() and (path / "manifest.json").exists())


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}
