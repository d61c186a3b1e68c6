"""The inspector-side commands of `fairdesk`: patrols and re-inspection tasks.

Wired into `fairdesk.cli` with `add_parsers(sub)` and `COMMANDS`, like the document
commands; times are printed in the fair's own time zone.

    fairdesk patrols --fair CIIE2026 --day 2026-11-06 --format csv > visits.csv
    fairdesk patrols --fair CIIE2026 --rounds
    fairdesk patrols --fair CIIE2026 --finding suspected_infringement --without-case
    fairdesk tasks --fair CIIE2026 --overdue --format json
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from fairdesk.cli_common import context, language, print_rows
from fairdesk.domain.enums import Finding
from fairdesk.domain.vocabulary import FINDINGS, MEASURES, say

FORMATS = ["table", "csv", "json"]


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-11-05") from None


def add_parsers(sub: Any) -> None:
    """Add `patrols` and `tasks` to the `fairdesk` subparsers."""
    pa = sub.add_parser(
        "patrols",
        help="patrol visits (or rounds) of a fair, for scripts and day reports",
        description="List booth visits of a fair, oldest first, in the fair's local time.",
    )
    pa.add_argument("--fair", required=True, metavar="CODE")
    pa.add_argument("--day", type=_date, metavar="YYYY-MM-DD", help="only this day (fair time)")
    pa.add_argument("--hall", default="", help="only rounds of this hall")
    pa.add_argument("--finding", choices=[f.value for f in Finding], help="only this finding")
    pa.add_argument(
        "--without-case", action="store_true", help="only visits that opened no case yet"
    )
    pa.add_argument("--rounds", action="store_true", help="list the rounds instead of visits")
    pa.add_argument("--format", choices=FORMATS, default="table")

    ta = sub.add_parser(
        "tasks",
        help="re-inspection tasks: measures ordered and waiting for a check",
        description="List re-inspection tasks, the most urgent first, then by hall and booth.",
    )
    ta.add_argument("--fair", required=True, metavar="CODE")
    ta.add_argument("--overdue", action="store_true", help="only tasks past their due time")
    ta.add_argument("--hall", default="", help="only this hall")
    ta.add_argument("--format", choices=FORMATS, default="table")


def _local(moment: datetime | None, zone: ZoneInfo) -> datetime | str:
    """In the fair's zone; printed with the zone in JSON, as wall time elsewhere."""
    return moment.astimezone(zone) if moment else ""


def cmd_patrols(args: argparse.Namespace) -> int:
    from fairdesk.services.fair.fairs import get_fair
    from fairdesk.services.inspection.patrols import list_rounds, list_visits

    ctx = context(args)
    zone = ZoneInfo(get_fair(ctx, args.fair).timezone)
    lang = language(args)
    rows: list[dict[str, Any]]
    if args.rounds:
        rows = [
            {
                "round": r.uid,
                "hall": r.hall,
                "inspector": r.inspector,
                "started": _local(r.started_at, zone),
                "ended": _local(r.ended_at, zone),
                "visits": r.visits,
            }
            for r in list_rounds(ctx, args.fair, day=args.day)
            if not args.hall or r.hall == args.hall
        ]
    else:
        rows = [
            {
                "time": _local(v.visited_at, zone),
                "hall": v.hall,
                "booth": v.booth,
                "exhibitor": v.exhibitor,
                # Codes for programs (JSON), words for people.
                "finding": v.finding if args.format == "json" else say(FINDINGS, v.finding, lang),
                "case": v.case_number,
                "photos": v.photos,
                "inspector": v.inspector,
                "notes": " ".join(v.notes.split()),
                "visit": v.uid,
            }
            for v in list_visits(
                ctx,
                args.fair,
                day=args.day,
                hall=args.hall,
                finding=args.finding or "",
                without_case=args.without_case,
            )
        ]
    if args.format == "table":  # ids are for scripts (CSV, JSON), not for a person's eyes
        rows = [{k: v for k, v in r.items() if k not in ("round", "visit")} for r in rows]
    print_rows(rows, args.format)
    return 0


def cmd_tasks(args: argparse.Namespace) -> int:
    from fairdesk.services.fair.fairs import get_fair
    from fairdesk.services.inspection.rechecks import list_tasks

    ctx = context(args)
    zone = ZoneInfo(get_fair(ctx, args.fair).timezone)
    rows = [
        {
            "due": _local(t.due_at, zone),
            "overdue": "overdue" if t.overdue else "",
            "hall": t.hall,
            "booth": t.booth,
            "case": t.case_number,
            "task": t.label,
            "measure": MEASURES.words(t.measure_type).en,
            "exhibitor": t.exhibitor,
            "ordered": _local(t.ordered_at, zone),
        }
        for t in list_tasks(ctx, args.fair, hall=args.hall, overdue_only=args.overdue)
    ]
    print_rows(rows, args.format)
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "patrols": cmd_patrols,
    "tasks": cmd_tasks,
}
