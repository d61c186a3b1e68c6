"""The organizer commands of `fairdesk`: export, report, watchlist, screening, consult.

Wired into `fairdesk.cli` with `add_parsers(sub)` and `COMMANDS`; every handler takes the
argparse Namespace and returns the exit status (FairDeskError is turned into "exit 1, one
line" by `fairdesk.cli.main`).

    fairdesk --user organizer1 export followup --fair CIIE2026 -o followup.xlsx --no-contacts
    fairdesk --user organizer1 report --fair CIIE2026 -o report.pdf
    fairdesk --user desk1 report --fair CIIE2026 --day 2026-11-06
    fairdesk --user organizer1 watchlist --fair CIIE2026 --format csv
    fairdesk --user organizer1 screening --fair CIIE2027 -o screening.xlsx
    fairdesk --user desk1 consult --fair CIIE2026 --topic patent --nationality 德国 --language de
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from fairdesk.cli_common import context, print_rows
from fairdesk.domain.errors import InvalidInput


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-11-05") from None


def add_parsers(sub: Any) -> None:
    """Add the organizer commands to the `fairdesk` subparsers."""
    for add in (_add_export, _add_report, _add_watchlist, _add_screening, _add_consult):
        add(sub)


def _add_export(sub: Any) -> None:
    """`export followup`: the post-fair follow-up list."""
    ex = sub.add_parser("export", help="export lists").add_subparsers(
        dest="export_command", required=True
    )
    ef = ex.add_parser(
        "followup",
        help="the post-fair follow-up list (XLSX, CSV or PDF)",
        description="Export the post-fair follow-up list (展后追查名单): one row per respondent "
        "case not closed cleanly or found infringing. The format follows the file's ending.",
    )
    ef.add_argument("--fair", required=True, metavar="CODE")
    ef.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.xlsx|.csv|.pdf")
    ef.add_argument(
        "--no-contacts",
        action="store_true",
        help="leave out personal contact data (contact person, phone, email)",
    )
    ef.add_argument("--format", choices=["xlsx", "csv", "pdf"], help="override the file ending")


def _add_report(sub: Any) -> None:
    """`report`: the statistics report or the end-of-day summary."""
    rp = sub.add_parser(
        "report",
        help="statistics report (PDF) or the end-of-day summary (--day)",
        description="With -o FILE.pdf: the statistics report with charts, beside the earlier "
        "editions. With --day: the end-of-day summary, printed or written to -o FILE.",
    )
    rp.add_argument("--fair", required=True, metavar="CODE")
    rp.add_argument("--day", type=_date, metavar="YYYY-MM-DD", help="the end-of-day summary")
    rp.add_argument("-o", "--output", type=Path, metavar="FILE")
    rp.add_argument(
        "--earlier", type=int, default=4, metavar="N", help="earlier editions beside (default 4)"
    )


def _add_watchlist(sub: Any) -> None:
    """`watchlist`: exhibitors found infringing across editions."""
    wl = sub.add_parser(
        "watchlist",
        help="exhibitors found infringing across editions",
        description="The watch list of an edition: companies found infringing at it or before "
        "it, matched across editions by credit code, else by name. With --imported: the "
        "exhibitors of this edition's list that are on the earlier editions' watch list.",
    )
    wl.add_argument("--fair", required=True, metavar="CODE")
    wl.add_argument("--format", choices=["table", "csv", "json"], default="table")
    wl.add_argument(
        "--imported",
        action="store_true",
        help="flag this edition's exhibitors against the earlier editions",
    )


def _add_screening(sub: Any) -> None:
    """`screening`: the pre-fair screening list."""
    sc = sub.add_parser(
        "screening",
        help="the pre-fair screening list for an edition (XLSX or CSV)",
        description="The pre-fair screening list (展前排查) of an edition: the watch list of the "
        "editions before it, with this edition's booths where the exhibitor is in its list.",
    )
    sc.add_argument("--fair", required=True, metavar="NEXT_CODE")
    sc.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.xlsx|.csv")


def _add_consult(sub: Any) -> None:
    """`consult`: count a consultation at the desk."""
    co = sub.add_parser("consult", help="count a consultation at the desk (咨询)")
    co.add_argument("--fair", required=True, metavar="CODE")
    co.add_argument("--topic", required=True, metavar="T", help="e.g. patent, trademark")
    co.add_argument("--nationality", default="", metavar="N")
    co.add_argument("--language", default="", metavar="L")
    co.add_argument("--note", default="")


def cmd_export(args: argparse.Namespace) -> int:
    from fairdesk import cli_handoff
    from fairdesk.services.organizer.followup import export_followup

    if args.export_command in cli_handoff.HANDOFFS:
        return cli_handoff.cmd_handoff(args)

    ctx = context(args)
    result = export_followup(
        ctx,
        args.fair,
        args.output,
        fmt=args.format,
        include_contacts=not args.no_contacts,
    )
    contacts = "" if result.include_contacts else ", without personal contact data"
    print(
        f"{result.path}: {result.rows} rows ({result.format}{contacts}) in {result.seconds:.1f} s"
    )
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    ctx = context(args)
    if args.day is not None:
        from fairdesk.services.organizer.day_report import day_report, format_day_report

        text = format_day_report(day_report(ctx, args.fair, args.day))
        if args.output is None:
            sys.stdout.write(text)
            return 0
        if args.output.suffix.lower() == ".pdf":
            raise InvalidInput("The day report is written as text; use a .txt file or none.")
        try:
            args.output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise InvalidInput(
                "Cannot write {path}: {reason}.", path=str(args.output), reason=exc.strerror
            ) from None
        print(f"{args.output}: day report {args.day}")
        return 0
    if args.output is None:
        raise InvalidInput(
            "Give -o FILE.pdf for the statistics report, or --day for the day report."
        )
    if args.output.suffix.lower() != ".pdf":
        raise InvalidInput(
            "The statistics report is a PDF: '{name}' should end in .pdf.", name=args.output.name
        )
    from fairdesk.services.organizer.statistics_report import export_report

    report = export_report(ctx, args.fair, args.output, earlier=max(args.earlier, 0))
    cur = report.current
    print(
        f"{args.output}: {cur.fair_code}: {cur.complaints} complaints, {cur.respondent_cases} "
        f"respondent cases, {cur.confirmed_cases} confirmed; beside "
        f"{', '.join(e.fair_code for e in report.earlier) or 'no earlier edition'}"
    )
    return 0


def cmd_watchlist(args: argparse.Namespace) -> int:
    from fairdesk.services.fair.watchlist import flag_imported, watch_list

    ctx = context(args)
    rows: list[dict[str, Any]]
    if args.imported:
        hits = flag_imported(ctx, args.fair)
        rows = [
            {
                "exhibitor": h.name_zh or h.name_en,
                "credit_code": h.credit_code,
                "booths": " ".join(h.booths),
                "matched_by": h.matched_by,
                "earlier_names": "; ".join(
                    n
                    for n in (*h.entry.other_names, h.entry.name)
                    if n and n not in (h.name_zh, h.name_en)
                ),
                "history": "; ".join(
                    f"{e.fair_code} {e.cases}/{e.infringing}" for e in h.entry.editions
                ),
                "bar_proposal": "yes" if h.bar_proposal else "",
                "recommended": h.entry.recommended.label,
            }
            for h in hits
        ]
    else:
        entries = watch_list(ctx, args.fair)
        rows = [
            {
                "exhibitor": e.name,
                "credit_code": e.credit_code,
                "country": e.country,
                "earlier_names": "; ".join(e.other_names),
                "history": "; ".join(f"{x.fair_code} {x.cases}/{x.infringing}" for x in e.editions),
                "editions_infringing": e.infringing_editions,
                "in_a_row": e.streak,
                "highest": e.highest.label,
                "bar_proposal": "yes" if e.bar_proposal else "",
                "recommended": e.recommended.label,
            }
            for e in entries
        ]
    print_rows(rows, args.format)
    if args.format == "table":
        proposals = sum(1 for r in rows if r["bar_proposal"])
        print(
            f"{len(rows)} on the list, {proposals} proposed to be barred "
            "(history: cases/found infringing)"
        )
    return 0


def cmd_screening(args: argparse.Namespace) -> int:
    from fairdesk.services.fair.watchlist import export_screening

    ctx = context(args)
    count, in_list = export_screening(ctx, args.fair, args.output)
    print(f"{args.output}: {count} companies to screen, {in_list} of them in {args.fair}'s list")
    return 0


def cmd_consult(args: argparse.Namespace) -> int:
    from fairdesk.services.organizer.consultations import log_consultation

    ctx = context(args)
    info = log_consultation(ctx, args.fair, args.topic, args.nationality, args.language, args.note)
    print(
        f"consultation {info.id} logged: {info.topic} "
        f"({info.nationality or '-'}, {info.language or '-'})"
    )
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "export": cmd_export,
    "report": cmd_report,
    "watchlist": cmd_watchlist,
    "screening": cmd_screening,
    "consult": cmd_consult,
}
