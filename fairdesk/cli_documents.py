"""The document commands of `fairdesk`: print, verify, keys, document.

Wired into `fairdesk.cli` with `add_parsers(sub)` and `COMMANDS`; every handler takes the
argparse Namespace and returns the exit status (FairDeskError is turned into "exit 1, one
line" by `fairdesk.cli.main`).

    fairdesk --user desk1 print decision CIIE2026-0001-1 --copy respondent -o d.pdf
    fairdesk verify d.pdf          # or a photo of the page, or the QR text itself
    fairdesk keys show
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fairdesk.cli_common import _width as text_width
from fairdesk.cli_common import (
    column_title,
    context,
    language,
    print_rows,
    reader,
    sentences,
    translate,
)
from fairdesk.documents.kinds import KINDS
from fairdesk.domain.errors import InvalidInput

COPIES = ("complainant", "respondent")
# `fairdesk verify` of a demo's document: neither genuine (0) nor a failure (1), nor bad
# usage (2, argparse); a script tells a specimen apart by this status.
EXIT_SPECIMEN = 3


def add_parsers(sub: Any) -> None:
    """Add the document commands to the `fairdesk` subparsers."""
    for add in (_add_print, _add_verify, _add_keys, _add_document):
        add(sub)


def _add_print(sub: Any) -> None:
    """`print`: issue a document and save it as PDF."""
    pr = sub.add_parser(
        "print",
        help="issue a document (registered, signed) and save it as PDF",
        description="Issue a printed document for a complaint or respondent case. Kinds: "
        + ", ".join(f"{code} ({k.title})" for code, k in KINDS.items()),
    )
    pr.add_argument("kind", choices=list(KINDS), metavar="KIND", help="kind of document")
    pr.add_argument("number", metavar="NUMBER", help="case number (or complaint number)")
    pr.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf")
    pr.add_argument("--copy", choices=COPIES, default="", help="the party's copy of a decision")
    pr.add_argument(
        "--served", default="", metavar="DOCNO", help="proof of service: the document served"
    )


def _add_verify(sub: Any) -> None:
    """`verify`: check a document or a signed package."""
    ve = sub.add_parser(
        "verify",
        help="check that a printed document or a signed package is genuine",
        description="Check a document's QR code: give the text a scanner read, a PDF, or a "
        "picture of the page (PNG/JPEG); '-' reads the text from standard input. A signed "
        "package (.zip, or the folder it was unpacked into) is checked offline. Exit 0 when "
        "genuine, 3 when it is a specimen printed from a demo database (genuine as an example, "
        "proof of nothing), 1 when forged, altered, unknown, revoked or unreadable.",
    )
    ve.add_argument("input", metavar="PAYLOAD|FILE|PACKAGE")
    ve.add_argument(
        "--root",
        default="",
        metavar="FINGERPRINT",
        help="the root key's fingerprint as printed on the service center's genuine paper "
        "(or posted at the center): the document must chain to it, whatever this "
        "database or data folder says",
    )


def _add_keys(sub: Any) -> None:
    """`keys`: the keys that sign documents."""
    keys = sub.add_parser("keys", help="the keys that sign documents").add_subparsers(
        dest="keys_command", required=True
    )
    keys.add_parser("show", help="show the public keys (root, users') and their fingerprints")
    kr = keys.add_parser(
        "revoke",
        help="revoke a user's signing key (left the team, laptop lost): what it signs from "
        "now on is refused, what it signed before stays genuine",
    )
    kr.add_argument("name", metavar="USER")
    kr.add_argument("--reason", required=True)
    kc = keys.add_parser(
        "certify",
        help="certify a user's new key, after comparing its fingerprint with the one they "
        "read from their own screen (an administrator, whose password unlocks the root)",
    )
    kc.add_argument("name", metavar="USER")
    kc.add_argument("--fingerprint", required=True, metavar="FINGERPRINT")
    kp = keys.add_parser(
        "pin",
        help="pin the root key in this data folder after comparing its fingerprint with the "
        "service center's paper (a new desk PC, a restored backup)",
    )
    kp.add_argument("fingerprint", metavar="FINGERPRINT", help="as printed, in quotes")


def _add_document(sub: Any) -> None:
    """`document`: list, reprint, reissue or revoke issued documents."""
    doc = sub.add_parser("document", help="issued documents").add_subparsers(
        dest="document_command", required=True
    )
    dl = doc.add_parser("list", help="list issued documents")
    group = dl.add_mutually_exclusive_group(required=True)
    group.add_argument("--case", metavar="NUMBER", help="of this case or complaint")
    group.add_argument("--fair", metavar="CODE", help="of this fair")
    dr = doc.add_parser("reprint", help="print an issued document again (byte-identical)")
    dr.add_argument("number", metavar="DOCNO")
    dr.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf")
    di = doc.add_parser("reissue", help="issue a corrected copy; the old one is revoked")
    di.add_argument("number", metavar="DOCNO")
    di.add_argument("--reason", required=True)
    di.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf")
    dv = doc.add_parser("revoke", help="revoke an issued document")
    dv.add_argument("number", metavar="DOCNO")
    dv.add_argument("--reason", required=True)


def _t(text: str) -> str:
    return translate("CommandLine", text)


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise InvalidInput(
            "Cannot write {path}: {reason}.", path=str(path), reason=exc.strerror or str(exc)
        ) from None


def cmd_print(args: argparse.Namespace) -> int:
    from fairdesk.services.paper.documents import issue_document

    ctx = context(args)
    info = issue_document(ctx, args.kind, args.number, copy=args.copy, served=args.served)
    _write(args.output, info.pdf)
    target = info.case_number or info.complaint_number
    title = info.title if language(args).startswith("zh") else f"{info.title} / {info.title_en}"
    print(
        _t("issued {0}: {1} for {2} -> {3} (sha256 {4}…)").format(
            info.number, title, target, args.output, info.content_hash[:16]
        )
    )
    if info.missing_glyphs:
        print(
            f"warning: no bundled font has {info.missing_codes}; printed as those codes "
            f"in {info.number}",
            file=sys.stderr,
        )
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from fairdesk import cli_handoff
    from fairdesk.services.paper import paper_trust
    from fairdesk.services.paper.documents import verify, verify_file

    if cli_handoff.is_package(args.input):
        return cli_handoff.verify_package(Path(args.input), args.root)  # offline
    ctx = reader(args)  # a check reads the register and public keys: no password
    if args.root and paper_trust.is_pdf_file(args.root):  # only what its signature covers
        args.root = paper_trust.signed_root(ctx, args.root)
    text: str = args.input
    if text == "-":
        result = verify(ctx, sys.stdin.read(), args.root)
    else:
        path = Path(text)
        looks_like_file = not text.startswith(("FD1.", "FD2.")) and (path.exists() or path.suffix)
        if looks_like_file:
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise InvalidInput(
                    "Cannot read {path}: {reason}.", path=str(path), reason=exc.strerror or str(exc)
                ) from None
            result = verify_file(ctx, data, args.root)
        else:
            result = verify(ctx, text, args.root)
    titles = {label: column_title(label) for label in result.summary}
    width = max((text_width(t) for t in titles.values()), default=0)
    for label, value in result.summary.items():
        print(f"{' ' * (width - text_width(titles[label]))}{titles[label]}: {value}")
    said = sentences(result.said, result.message)
    if result.ok:
        print(said)
        if not args.root:  # what the answer rests on: compare it with the paper
            print(
                _t(
                    "checked against the root key pinned in this data folder; to rest on the "
                    "paper alone, give the fingerprint printed on the service center's "
                    'documents: --root "XXXX XXXX ..."'
                )
            )
        return 0
    if result.status == "specimen":
        # Not an error of the tool: the document is a demo's example, said once on stdout.
        print(said)
        return EXIT_SPECIMEN
    # The status once: "FORGED: …" needs no "forged:" before it.
    named = result.message.upper().startswith(f"{result.status.upper()}:")
    prefix = "" if named else f"{result.status}: "
    print(f"fairdesk: {prefix}{said}", file=sys.stderr)
    return 1


def cmd_keys(args: argparse.Namespace) -> int:
    from fairdesk.services.paper.documents import list_keys
    from fairdesk.services.trust import keys as key_service

    ctx = context(args)
    if args.keys_command == "revoke":
        key_id = key_service.revoke_user_key(ctx, args.name, args.reason)
        print(f"revoked key {key_id} of {args.name}; their next sign-in makes a new one")
        return 0
    if args.keys_command == "certify":
        key_id = key_service.certify_user_key(ctx, args.name, args.fingerprint)
        print(f"certified key {key_id} of {args.name}")
        return 0
    if args.keys_command == "pin":
        where = key_service.pin_root(ctx, args.fingerprint)
        print(f"root key pinned in {where}")
        return 0
    keys = list_keys(ctx)
    if not keys:
        print("No key yet: the root key is made with the first administrator's password.")
        return 0
    for k in keys:
        whose = {"root": "root of this installation", "demo": "demo key: specimens only"}.get(
            k.kind, f"user {k.owner}" if k.owner else "key of before (verifies only)"
        )
        if k.revoked_at:
            state = f"revoked {k.revoked_at:%Y-%m-%d %H:%M}"
        elif k.retired_at:
            state = f"retired {k.retired_at:%Y-%m-%d}"
        elif k.kind == "user" and not k.certified:
            state = "waits for an administrator's certification"
        else:
            state = "in use"
        print(f"key {k.key_id} ({k.algorithm}, {whose}, {state}, created {k.created_at:%Y-%m-%d})")
        print(f"  fingerprint: {k.fingerprint}")
        print(f"  public key (raw, base64): {k.public_key}")
    return 0


def cmd_document(args: argparse.Namespace) -> int:
    from fairdesk.services.paper import documents

    ctx = context(args)
    command = args.document_command
    if command == "list":
        rows = documents.list_documents(ctx, args.case or "", args.fair or "")
        print_rows(
            [
                {
                    "document": r.number,
                    "kind": r.kind,
                    "title": r.title,
                    "case": r.case_number or r.complaint_number,
                    "issued": r.issued_at.astimezone(),
                    "by": r.issued_by,
                    "status": (
                        f"superseded by {r.superseded_by}"
                        if r.superseded_by
                        else ("revoked" if r.revoked_at else "in force")
                    ),
                }
                for r in rows
            ],
            "table",
        )
        return 0
    if command == "reprint":
        _write(args.output, documents.render_document(ctx, args.number))
        print(f"reprinted {args.number} -> {args.output}")
        return 0
    if command == "reissue":
        info = documents.reissue(ctx, args.number, args.reason)
        _write(args.output, info.pdf)
        print(f"issued {info.number} superseding {info.supersedes} -> {args.output}")
        return 0
    documents.revoke(ctx, args.number, args.reason)
    print(f"revoked {args.number}")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "print": cmd_print,
    "verify": cmd_verify,
    "keys": cmd_keys,
    "document": cmd_document,
}
