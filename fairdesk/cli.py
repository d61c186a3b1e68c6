"""The `fairdesk` command: the desktop app with no arguments, services otherwise.

Exit status: 0 on success, 1 with a one-line message on a user or environment error,
2 on bad usage (argparse).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from datetime import date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from fairdesk import (
    __version__,
    cli_backup,
    cli_documents,
    cli_handoff,
    cli_organizer,
    cli_patrols,
    cli_records,
    cli_workflow,
)
from fairdesk.cli_argparse import in_language
from fairdesk.cli_common import (
    ENV_PASSWORD,
    ENV_USER,
    context,
    language,
    message,
    print_rows,
    speak,
    stdin_line,
    translate,
    words,
)
from fairdesk.config import (
    ENV_DATA_DIR,
    ENV_DB,
    data_dir,
    database_url,
    use_data_dir,
)
from fairdesk.domain.enums import CaseState, Role
from fairdesk.domain.errors import FairDeskError, InvalidInput
from fairdesk.domain.rules import PRESETS
from fairdesk.domain.vocabulary import ROLES
from fairdesk.locations import apply_saved_locations

# Command groups kept beside the features they drive; each has add_parsers and COMMANDS.
EXTENSIONS = [
    cli_documents,
    cli_backup,
    cli_patrols,
    cli_organizer,
    cli_workflow,
    cli_handoff,
    cli_records,
]

def _t(text: str) -> str:
    return translate("CommandLine", text)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-11-05") from None


def _hours(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of hours") from None
    if value < 0:
        raise argparse.ArgumentTypeError("hours must be zero or more")
    return value


LANG_HELP = "language of the app and of what commands print (default: Settings; commands: English)"


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="fairdesk",
        description="FairDesk: the IP complaint desk of a trade fair. With no command, "
        "opens the desktop app.",
    )
    _add_shared_options(p)
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    for add in (_add_db, _add_fair, _add_import, _add_demo, _add_cases, _add_user, _add_audit):
        add(sub)
    for extension in EXTENSIONS:
        extension.add_parsers(sub)
    return _after_the_command_too(p)


def _add_shared_options(p: argparse.ArgumentParser) -> None:
    """The options before any command (the shared ones are also taken after it)."""
    p.add_argument("--version", action="version", version=f"FairDesk {__version__}")
    p.add_argument(
        "--db",
        metavar="URL",
        help=f"database URL (env {ENV_DB}); default: an SQLite file in the data folder",
    )
    p.add_argument("--data-dir", metavar="DIR", help=f"data folder (env {ENV_DATA_DIR})")
    p.add_argument(
        "--user", metavar="NAME", help=f"act as this user (env {ENV_USER}; default: admin)"
    )
    p.add_argument(
        "--password-stdin",
        dest="password_stdin_global",
        action="store_true",
        help=f"read the acting user's password from the first line of stdin (else env "
        f"{ENV_PASSWORD}, else a prompt on a terminal)",
    )
    p.add_argument("--demo", action="store_true", help="open the app on a demo fair")
    p.add_argument("--lang", choices=("zh_CN", "en"), help=LANG_HELP)
    p.add_argument("--self-test", action="store_true", help="check this installation, then exit")


def _add_db(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`db`: schema upgrades and the desk role."""
    db = sub.add_parser("db", help="database maintenance").add_subparsers(
        dest="db_command", required=True
    )
    db.add_parser("upgrade", help="apply schema migrations (backs up an SQLite file first)")
    db.add_parser("status", help="show the schema revision")
    dr = db.add_parser(
        "roles",
        help="PostgreSQL: create or update the desk role (reads and writes what desks need, "
        "only adds audit events); run with the owner's URL (db upgrade keeps it up to date)",
    )
    dr.add_argument("--role", metavar="NAME", help="the desk role's name (default: <db>_desk)")
    dr.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the desk role's new password from stdin (else a prompt on a terminal)",
    )


def _add_fair(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`fair`: set up and list fair editions."""
    fair = sub.add_parser("fair", help="fair editions").add_subparsers(
        dest="fair_command", required=True
    )
    fc = fair.add_parser("create", help="set up a fair edition")
    fc.add_argument("code")
    fc.add_argument("--name", required=True)
    fc.add_argument("--name-en", default="")
    fc.add_argument("--venue", default="")
    fc.add_argument("--start", required=True, type=_date, metavar="YYYY-MM-DD")
    fc.add_argument("--end", required=True, type=_date, metavar="YYYY-MM-DD")
    fc.add_argument("--hours", default="09:00-17:00", metavar="HH:MM-HH:MM")
    fc.add_argument("--rules", default="cnipa-24h", choices=sorted(PRESETS))
    fc.add_argument("--timezone", default="Asia/Shanghai")
    fc.add_argument(
        "--day-hours",
        action="append",
        default=[],
        metavar="'YYYY-MM-DD HH:MM-HH:MM'",
        help="other hours on one day, or 'YYYY-MM-DD closed' (repeat for more days)",
    )
    fc.add_argument("--center-address", default="", help="the service center's address")
    fc.add_argument("--center-phone", default="", help="the service center's telephone")
    fair.add_parser("list", help="list fair editions")


def _add_import(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`import`: the exhibitor list."""
    imp = sub.add_parser("import", help="import data").add_subparsers(
        dest="import_command", required=True
    )
    ie = imp.add_parser("exhibitors", help="import an exhibitor list (CSV or XLSX)")
    ie.add_argument("file", type=Path)
    ie.add_argument("--fair", required=True, metavar="CODE")


def _add_demo(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`demo`: a realistic demo history."""
    demo = sub.add_parser("demo", help="create a realistic demo history")
    demo.add_argument("--fair", metavar="CODE", help="add the demo cases to this fair")
    demo.add_argument("--complaints", type=int, default=120, metavar="N")
    demo.add_argument("--editions", type=int, default=3, metavar="K")
    demo.add_argument(
        "--exhibitors", type=int, default=3000, metavar="N", help="exhibitors per new demo edition"
    )
    demo.add_argument("--seed", type=int, default=8, metavar="S")


def _add_cases(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`cases`: the respondent cases, filtered."""
    cases = sub.add_parser("cases", help="list respondent cases")
    cases.add_argument("--fair", required=True, metavar="CODE")
    cases.add_argument(
        "--state",
        action="append",
        choices=[s.value for s in CaseState],
        help="only this state (repeatable)",
    )
    cases.add_argument("--overdue", action="store_true", help="only cases with an overdue deadline")
    cases.add_argument(
        "--due-within",
        type=_hours,
        metavar="HOURS",
        help="only cases with a deadline in the next HOURS",
    )
    cases.add_argument("--search", default="", help="substring of number, name, booth or right")
    cases.add_argument("--format", choices=["table", "csv", "json"], default="table")


def _add_user(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`user`: users and roles."""
    user = sub.add_parser("user", help="users and roles").add_subparsers(
        dest="user_command", required=True
    )
    ua = user.add_parser("add", help="add a user (asks for the password)")
    ua.add_argument("name")
    ua.add_argument("--role", required=True, choices=[r.value for r in Role], help=_roles_help())
    ua.add_argument("--display-name", default="")
    ua.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    user.add_parser("list", help="list users")
    ud = user.add_parser("disable", help="disable a user (they can no longer sign in)")
    ud.add_argument("name")
    ud.add_argument("--reason", default="")
    user.add_parser("enable", help="enable a disabled user").add_argument("name")
    up = user.add_parser("passwd", help="set a user's password (and lift a lockout)")
    up.add_argument("name")
    up.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    ur = user.add_parser("role", help="change a user's role")
    ur.add_argument("name")
    ur.add_argument("role", choices=[r.value for r in Role], help=_roles_help())
    ur.add_argument("--reason", default="")


def _add_audit(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`audit`: check the audit trail."""
    au = sub.add_parser("audit", help="the audit trail").add_subparsers(
        dest="audit_command", required=True
    )
    av = au.add_parser(
        "verify",
        help="check that no audit event was changed or deleted, against every anchor known "
        "(issued documents) and given, and that audited records match their history",
    )
    av.add_argument(
        "--anchor",
        action="append",
        default=[],
        metavar="HASH|FILE|PDF",
        help="an audit chain head from outside the database: a hash, a text file or a "
        "printed document or day report as PDF (repeatable)",
    )
    av.add_argument(
        "--root",
        default="",
        metavar="FINGERPRINT",
        help="the root key's fingerprint as printed on the service center's documents: "
        "the database's root key must be that one",
    )


# Who acts and where: also taken after the command (`fairdesk verify x.pdf --lang zh_CN`),
# as `user add … --password-stdin` is; a command's own option of the same name wins.
SHARED_OPTIONS = ("--db", "--data-dir", "--user", "--password-stdin", "--lang")


def _after_the_command_too(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    shared = [a for a in parser._actions if a.option_strings[:1] in [[o] for o in SHARED_OPTIONS]]
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            continue
        for command in set(action.choices.values()):
            for option in shared:
                if option.option_strings[0] in command._option_string_actions:
                    continue
                kwargs: dict[str, Any] = {"dest": option.dest, "help": argparse.SUPPRESS}
                # Not given here, the value given before the command (or its default) stays.
                kwargs["default"] = argparse.SUPPRESS
                if option.nargs == 0:
                    kwargs["action"] = "store_true"
                else:
                    kwargs.update(metavar=option.metavar, choices=option.choices)
                command.add_argument(*option.option_strings, **kwargs)
            _after_the_command_too(command)
    return parser


# -- output -------------------------------------------------------------------------------


def cmd_db(args: argparse.Namespace) -> int:
    from fairdesk.db import migrate
    from fairdesk.db.engine import Database

    db = Database(database_url(args.db, args.data_dir))
    try:
        if args.db_command == "roles":
            return _db_roles(args, db)
        if args.db_command == "status":
            current = migrate.current_revision(db)
            print(f"schema revision: {current or 'empty'} (latest: {migrate.head_revision()})")
            if current is not None:
                print(migrate.search_index_status(db).describe())
            return 0
        backup = migrate.upgrade(db)
        print(f"schema at revision {migrate.current_revision(db)}")
        if backup:
            print(f"a copy of the database before the upgrade: {backup}")
        from fairdesk.db.roles import reapply

        for role in reapply(db):  # new tables reach the desks, the audit guard stays
            print(f"updated the desk role {role}: its grants cover every table again")
        print(migrate.ensure_search_index(db).describe())
        return 0
    finally:
        db.dispose()


def _db_roles(args: argparse.Namespace, db: Any) -> int:
    from fairdesk.db.roles import apply_roles, default_role

    role = args.role or default_role(db)
    if db.is_sqlite:
        apply_roles(db, role, None)  # says why not
    if args.password_stdin:
        password: str | None = stdin_line("password")
    elif sys.stdin.isatty():
        import getpass

        password = getpass.getpass(f"New password for the desk role {role} (Enter: keep): ")
    else:
        password = None
    report = apply_roles(db, role, password or None)
    print(f"{'created' if report.created else 'updated'} the desk role {report.role}")
    print(f"desks connect with: {report.desk_url} (its password in FAIRDESK_DB or ~/.pgpass)")
    return 0


def cmd_fair(args: argparse.Namespace) -> int:
    from fairdesk.services.fair import fairs

    ctx = context(args)
    if args.fair_command == "create":
        info = fairs.create_fair(
            ctx,
            args.code,
            args.name,
            args.start,
            args.end,
            hours=args.hours,
            rules=args.rules,
            name_en=args.name_en,
            venue=args.venue,
            timezone=args.timezone,
            day_hours="\n".join(args.day_hours),
            center_address=args.center_address,
            center_phone=args.center_phone,
        )
        print(
            f"created fair {info.code}: {info.name}, {info.start_date} to {info.end_date}, "
            f"{info.hours}, rules {info.rules.code}"
        )
        over = fairs.already_over(info, ctx.now())
        if over is not None:
            print(f"warning: {over}", file=sys.stderr)
        return 0
    rows = [
        {
            "code": f.code,
            "name": f.name,
            "start": f.start_date,
            "end": f.end_date,
            "hours": f.hours,
            "rules": f.rules.code,
        }
        for f in fairs.list_fairs(ctx)
    ]
    print_rows(rows, "table")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from fairdesk.services.fair.exhibitors import import_exhibitors

    ctx = context(args)
    report = import_exhibitors(ctx, args.fair, args.file)
    print(
        f"{args.file}: {report.encoding}; imported {report.imported}, updated "
        f"{report.updated}, unchanged {report.unchanged}, skipped {report.skipped} "
        f"(blank {report.blank_rows}, merged duplicates {report.merged_rows}), rejected "
        f"{len(report.rejected)}"
    )
    for row in report.rejected:
        print(f"  row {row.row}: {row.reason}")
    for row in report.notes:
        print(f"  row {row.row}: imported; {row.reason}")
    hits = report.watch_hits
    if hits:
        barred = sum(h.bar_proposal for h in hits)
        print(f"on earlier editions' watch list: {len(hits)}, {barred} proposed to be barred")
        for hit in hits:
            print(f"  {hit.name_zh or hit.name_en} ({' '.join(hit.booths)}): {hit.note}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from fairdesk.services.demo.demo import DemoOptions, create_demo

    if args.complaints < 0 or args.editions < 1 or args.exhibitors < 10:
        raise InvalidInput(
            "--complaints must be 0 or more, --editions at least 1, --exhibitors at least 10."
        )
    ctx = _demo_context(args)
    summary = create_demo(
        ctx,
        DemoOptions(
            fair_code=args.fair,
            complaints=args.complaints,
            editions=args.editions,
            exhibitors=args.exhibitors,
            seed=args.seed,
        ),
        progress=lambda text: print(text, file=sys.stderr),
    )
    for line in summary:
        print(line)
    return 0


def _demo_context(args: argparse.Namespace) -> Any:
    """A new database becomes a demo one, acted on by its passwordless demo admin;
    a database with users needs someone who signs in."""
    from fairdesk.app_context import SYSTEM, demo_admin, open_database
    from fairdesk.services.context import Context
    from fairdesk.services.trust import users

    db = open_database(args.db, args.data_dir)
    if users.count_users(Context(db, SYSTEM)):
        db.dispose()
        return context(args)
    args.cleanup.callback(db.dispose)
    return demo_admin(db)


def cmd_cases(args: argparse.Namespace) -> int:
    from fairdesk.domain.vocabulary import AWAITING_SERVICE, CASE_STATES, CLOCKS, KINDS, say
    from fairdesk.domain.workflow import awaiting_service
    from fairdesk.services.casework.cases import CaseFilter, list_cases
    from fairdesk.services.fair.fairs import get_fair

    ctx = context(args)
    zone = ZoneInfo(get_fair(ctx, args.fair).timezone)  # deadlines in the fair's local time
    # JSON is for programs: codes; a table or a spreadsheet is read by people: words.
    lang = language(args)

    def words(vocabulary: Any, code: str) -> str:
        return code if args.format == "json" else say(vocabulary, code, lang)

    rows = list_cases(
        ctx,
        CaseFilter(
            fair_code=args.fair,
            states=tuple(args.state or ()),
            search=args.search,
            overdue=args.overdue,
            due_within_hours=args.due_within,
        ),
    )
    out = [
        {
            "case": r.number,
            "state": words(CASE_STATES, r.state),
            "kind": words(KINDS, r.kind),
            "hall": r.hall,
            "booth": r.booth,
            "exhibitor": r.exhibitor_zh or r.exhibitor_en,
            "complainant": r.complainant,
            "deadline": (
                AWAITING_SERVICE.in_language(lang)
                if awaiting_service(r.state, r.served_at) and args.format != "json"
                else words(CLOCKS, r.next_due_kind)
            ),
            "next_due": r.next_due.astimezone(zone) if r.next_due else "",
            "decide_before_close": _t("yes") if r.decide_before_close else "",
        }
        for r in rows
    ]
    print_rows(out, args.format)
    return 0


def _new_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return stdin_line("new password")
    if not sys.stdin.isatty():
        raise InvalidInput(
            "There is no terminal to ask the new password on: give it with --password-stdin."
        )
    import getpass

    password = getpass.getpass(f"New password for {args.name}: ")
    if password != getpass.getpass("Again: "):
        raise InvalidInput("The two passwords differ.")
    return password


def _first_admin(args: argparse.Namespace) -> int | None:
    """`user add NAME --role admin` on a database with no user yet: no one to ask."""
    from fairdesk.app_context import SYSTEM, open_database
    from fairdesk.services.context import Context
    from fairdesk.services.trust import users

    db = open_database(args.db, args.data_dir)
    args.cleanup.callback(db.dispose)
    system = Context(db, SYSTEM)
    if users.count_users(system):
        return None
    info = users.add_user(system, args.name, args.role, _new_password(args), args.display_name)
    print(f"add: {info.username} ({info.role.value}, active): the administrator of this database")
    return 0


def _role_words(role: str) -> str:
    from fairdesk.domain.vocabulary import ROLES

    words = ROLES.words(role)
    return f"{words.en} · {words.zh}"


def _roles_help() -> str:
    """Each role the CLI takes, with its words (the officer decides on site)."""
    return "; ".join(f"{r.value} = {_role_words(r.value)}" for r in Role)


def cmd_user(args: argparse.Namespace) -> int:
    from fairdesk.services.trust import users

    if args.user_command == "add":
        first = _first_admin(args)
        if first is not None:
            return first
    ctx = context(args)
    action = args.user_command
    if action == "list":
        rows = [
            {
                "user": u.username,
                "name": u.display_name,
                "role": u.role.value,
                "role name": _role_words(u.role),
                "active": _t("yes") if u.active else _t("no"),
            }
            for u in users.list_users(ctx)
        ]
        print_rows(rows, "table")
        return 0
    if action == "add":
        info = users.add_user(ctx, args.name, args.role, _new_password(args), args.display_name)
    elif action == "disable":
        info = users.disable_user(ctx, args.name, args.reason)
    elif action == "enable":
        info = users.enable_user(ctx, args.name)
    elif action == "passwd":
        info = users.set_password(ctx, args.name, _new_password(args))
    else:
        info = users.set_role(ctx, args.name, args.role, args.reason)
    done = {  # a sentence, in the language of --lang, that says what changed
        "add": _t("Added the user {0}: {1}, {2}."),
        "disable": _t("Disabled the user {0}: {1}, {2}."),
        "enable": _t("Enabled the user {0}: {1}, {2}."),
        "passwd": _t("Set a new password for the user {0}: {1}, {2}."),
    }.get(action, _t("Changed the role of the user {0}: {1}, {2}."))
    state = _t("active") if info.active else _t("disabled")
    print(done.format(info.username, words(ROLES.words(info.role)), state))
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from fairdesk.services.checks.anchors import parse_given
    from fairdesk.services.checks.audit_verify import verify_chain

    ctx = context(args)
    given = [anchor for text in args.anchor for anchor in parse_given(text, ctx)]
    report = verify_chain(ctx, given=given, root=args.root)
    if report.ok:
        print(
            _t(
                "audit trail intact: {0} events checked, {1} anchors matched, audited "
                "records match their history"
            ).format(report.checked, report.anchors_checked)
        )
        return 0
    for problem in report.problems:
        print(_t("audit trail broken: {0}").format(problem), file=sys.stderr)
    return 1


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "db": cmd_db,
    "fair": cmd_fair,
    "import": cmd_import,
    "demo": cmd_demo,
    "cases": cmd_cases,
    "user": cmd_user,
    "audit": cmd_audit,
}
for extension in EXTENSIONS:
    COMMANDS.update(extension.COMMANDS)


def _unreadable_argument(argv: Sequence[str]) -> str | None:
    """An argument that is not text (invalid UTF-8 arrives as lone surrogates)."""
    for arg in argv:
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            return arg.encode("utf-8", "backslashreplace").decode("ascii", "replace")
    return None


def main(argv: Sequence[str] | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    bad = _unreadable_argument(given)
    if bad is not None:
        print(
            f"fairdesk: the argument {bad!r} is not valid text (UTF-8); retype it",
            file=sys.stderr,
        )
        return 2
    try:
        return _main(given)
    except BrokenPipeError:
        # The reader went away (`fairdesk cases … | head`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def _main(argv: Sequence[str]) -> int:
    with in_language(argv):
        args = build_parser().parse_args(argv)
    args.cleanup = ExitStack()  # databases opened by the command, closed on the way out
    try:
        if args.self_test:
            from fairdesk.selftest import run_self_test

            return run_self_test()
        if args.command is None:
            from fairdesk.ui.app import run_app

            return run_app(args)
        apply_saved_locations(args)
        use_data_dir(data_dir(args.data_dir))  # backups and the outbox: the chosen folder
        speak(language(args))
        code = COMMANDS[args.command](args)
        sys.stdout.flush()  # a closed pipe shows here, not at exit
        return code
    except BrokenPipeError:
        # The reader went away (`fairdesk cases | head`): stop quietly, and keep Python
        # from complaining again when it flushes stdout on the way out.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except FairDeskError as exc:
        print(f"fairdesk: {message(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("fairdesk: interrupted; nothing half-done was saved", file=sys.stderr)
        return 1
    finally:
        args.cleanup.close()
        use_data_dir(None)
        speak("en")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
