"""The workflow without the GUI: register complaints from JSON, list and take steps.

Wired into `fairdesk.cli` with `add_parsers(sub)` and `COMMANDS`. Every answer comes from
the same services and step table as the desk's screens: `steps` prints what
`services.steps.available_steps` says, `step` takes one through `services.steps.take_step`
(which checks the user's permission and refuses with the reason `steps` shows).

    fairdesk complaint example --fair CIIE2026 > complaint.json
    fairdesk --user desk1 complaint register complaint.json --accept --format json
    fairdesk steps CIIE2026-0001-1 [--format json]
    fairdesk --user desk1 step CIIE2026-0001-1 order_remedy --set measure=cover
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from fairdesk.cli_common import context, language, message, print_rows, translate, words
from fairdesk.domain import vocabulary as v
from fairdesk.domain.acceptance import acceptance_problems
from fairdesk.domain.enums import ComplaintState
from fairdesk.domain.errors import FairDeskError
from fairdesk.domain.rules import citation_in
from fairdesk.domain.workflow import (
    ENTITY_WORDS,
    REASON_NAME,
    Entity,
    Facts,
    Field,
    FieldKind,
    Step,
    evaluate,
    field_problems,
    list_value,
    refusal_with,
    shown_state,
    step,
    steps_of,
    with_defaults,
)

if TYPE_CHECKING:  # loaded by the commands that read a complaint: it imports the services
    from datetime import datetime

    from fairdesk import cli_complaint_json as cj

# Steps a registration may take at once: those that leave a new (draft) complaint's state.
REGISTER_STEPS = tuple(
    s.action for s in steps_of(Entity.COMPLAINT) if ComplaintState.DRAFT in s.sources and s.target
)
STEP_NAMES = tuple(sorted({s.action for s in steps_of(Entity.COMPLAINT) + steps_of(Entity.CASE)}))
FLAG_WORDS = {"yes": True, "true": True, "no": False, "false": False}


def _step_words(action: str) -> str:
    found = [s for s in steps_of(Entity.CASE) + steps_of(Entity.COMPLAINT) if s.action == action]
    return words(found[0].words) if found else ""


def step_name(value: str) -> str:
    """A step's name as `fairdesk step` takes it; refused with every step and its words."""
    if value in STEP_NAMES:
        return value
    listed = "; ".join(f"{name} ({_step_words(name)})" for name in STEP_NAMES)
    raise argparse.ArgumentTypeError(
        _t("there is no step '{0}'; the steps: {1}").format(value, listed)
    )


class CommandError(Exception):
    """What the command line refuses before any service is asked (English, like the CLI):
    one line per problem, exit status 1."""

    def __init__(self, *lines: str) -> None:
        super().__init__(*lines)
        self.lines = lines


def _reports(command: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    @functools.wraps(command)
    def run(args: argparse.Namespace) -> int:
        try:
            return command(args)
        except CommandError as exc:
            for line in exc.lines:
                print(f"fairdesk: {line}", file=sys.stderr)
            return 1

    return run


def add_parsers(sub: Any) -> None:
    """Add `complaint`, `steps` and `step` to the `fairdesk` subparsers."""
    for add in (_add_complaint, _add_steps, _add_step):
        add(sub)


def _add_complaint(sub: Any) -> None:
    """`complaint example` and `complaint register`: complaints as JSON."""
    complaint = sub.add_parser(
        "complaint", help="complaints as JSON: an example, or register one"
    ).add_subparsers(dest="complaint_command", required=True)
    ex = complaint.add_parser(
        "example",
        help="print a complete, valid complaint as JSON (docs/complaint-json.md)",
        description="Print a complaint that registers and can be accepted as it is; with "
        "--fair, against an exhibitor of that fair.",
    )
    ex.add_argument("--fair", metavar="CODE", help="a fair of this database")
    rg = complaint.add_parser(
        "register",
        help="register a complaint from JSON (a file, or - for stdin)",
        description="Register a complaint written as docs/complaint-json.md describes. Every "
        "problem is listed with its place in the JSON; nothing is saved when there is one.",
    )
    rg.add_argument("file", metavar="FILE.json|-")
    rg.add_argument(
        "--visit",
        metavar="VISIT",
        help="the patrol visit it comes from (fairdesk patrols --without-case): the visit is "
        "linked to the new case and its photos attached",
    )
    then = rg.add_mutually_exclusive_group()
    then.add_argument("--accept", action="store_true", help="and accept it (same as --step accept)")
    then.add_argument("--step", choices=REGISTER_STEPS, help="and take this step at once")
    _step_options(rg)
    rg.add_argument("--format", choices=["text", "json"], default="text")


def _add_steps(sub: Any) -> None:
    """`steps`: every step of a case or complaint, allowed or not."""
    st = sub.add_parser(
        "steps",
        help="every step of a case or complaint: allowed or not, and why",
        description="List every step of a respondent case or a complaint as the signed-in "
        "user may take it now, with the reason when not, and the fields each step takes.",
    )
    st.add_argument("number", help="a case number (CIIE2026-0001-1) or a complaint number")
    st.add_argument("--format", choices=["table", "json"], default="table")
    st.add_argument(
        "--all",
        action="store_true",
        help="the table lists every step, also those its state does not lead to (JSON always does)",
    )


def _add_step(sub: Any) -> None:
    """`step`: take one step on a case or complaint."""
    one = sub.add_parser(
        "step",
        help="take one step on a case or complaint",
        description="Take a workflow step as the user given by --user; refused, with the "
        "reason `fairdesk steps` shows, when it may not be taken now.",
    )
    one.add_argument("number", help="a case number or a complaint number")
    one.add_argument("step", type=step_name, metavar="STEP", help="; ".join(STEP_NAMES))
    _step_options(one)
    one.add_argument(
        "--expect-version",
        type=int,
        metavar="N",
        help="refuse if the record changed since version N (see `fairdesk steps`)",
    )
    one.add_argument("--format", choices=["text", "json"], default="text")


def _step_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="FIELD=VALUE",
        help="a field of the step (yes/no for a flag, a comma list for several choices)",
    )
    parser.add_argument("--reason", default="", help="the step's note or reason")


# -- step fields from the command line ------------------------------------------------------


def step_params(s: Step, sets: Sequence[str], reason: str) -> tuple[dict[str, Any], str]:
    """The values of `--set FIELD=VALUE ...` as the step's fields take them, and the reason."""
    params: dict[str, Any] = {}
    for item in sets:
        name, eq, value = item.partition("=")
        name = name.strip()
        if not eq or not name:
            raise CommandError(f"--set {item}: write it as FIELD=VALUE")
        if name in params:
            raise CommandError(f"--set {name}: given twice")
        f = s.field(name)
        if f is None and name != REASON_NAME:
            fields = ", ".join(x.name for x in s.fields) or "none"
            raise CommandError(
                f"--set {item}: '{s.label}' takes no field '{name}'; its fields: {fields}"
            )
        if f is not None and f.kind is FieldKind.FLAG:
            flag = FLAG_WORDS.get(value.strip().lower())
            if flag is None:
                raise CommandError(f"--set {item}: {f.label} is yes or no (true or false)")
            params[name] = flag
        elif f is not None and f.kind is FieldKind.CHOICES:
            params[name] = list_value(value)
        else:
            params[name] = value
    if REASON_NAME in params:
        if reason:
            raise CommandError("give the reason once: --reason or --set reason=...")
        reason = str(params.pop(REASON_NAME))
    return params, reason


def field_hint(s: Step, params: dict[str, Any], refused: FairDeskError) -> list[str]:
    """When the step was refused for one of its fields: how the command line takes that
    field (`--set trigger=…`) and, for a choice, the values it accepts with their words."""
    for problem in field_problems(s, params):
        f = s.field(problem.field)
        if f is None or str(problem.exception()) != str(refused):
            continue
        if f.name == REASON_NAME:
            lines = [_t('give it with --reason "…" (or --set {0}=…)').format(f.name)]
        else:
            lines = [_t("give it with --set {0}=…").format(f.name)]
        if f.codes() and f.choices is not None:
            choices = f.choices
            lines.append(
                _t("{0} is one of: {1}").format(
                    f.name,
                    "; ".join(f"{code} ({words(choices.words(code))})" for code in f.codes()),
                )
            )
        return lines
    return []


def _t(text: str) -> str:
    return translate("CommandLine", text)


def _entity_words(entity: Entity) -> str:
    return words(ENTITY_WORDS[entity]).capitalize()


def _state_words(entity: Entity, state: str) -> str:
    table = v.CASE_STATES if entity is Entity.CASE else v.COMPLAINT_STATES
    return table.words(state).en


def _status_line(
    entity: Entity, number: str, state: str, version: int, served_at: datetime | None
) -> str:
    """'Respondent case X: Closed (version 13)', in the language of --lang."""
    return _t("{0} {1}: {2} (version {3})").format(
        _entity_words(entity), number, words(shown_state(entity, state, served_at)), version
    )


# -- complaint example | register -------------------------------------------------------------


def _example(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from fairdesk import cli_complaint_json as cj

    fair, booth, name, on = "CIIE2026", "4.1A01", "示例展商有限公司", datetime.now(UTC).date()
    if args.fair:
        from fairdesk.services.fair.exhibitor_queries import list_exhibitors
        from fairdesk.services.fair.fairs import get_fair

        ctx = context(args)
        info = get_fair(ctx, args.fair)
        on = ctx.now().astimezone(ZoneInfo(info.timezone)).date()
        row = next((r for r in list_exhibitors(ctx, info.code, limit=50) if r.booths), None)
        if row is None:
            raise CommandError(
                f"fair {info.code} has no exhibitor with a booth yet; import its exhibitor "
                "list first (fairdesk import exhibitors)"
            )
        fair, booth, name = info.code, row.booths[0][1], row.name_zh or row.name_en
    json.dump(cj.example(fair, booth, name, on), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def _read_json(source: str) -> Any:
    """The decoded JSON of a file or of stdin ("-"), or every reason it is not readable."""
    name = "stdin" if source == "-" else source
    try:
        if source == "-":
            stream = getattr(sys.stdin, "buffer", None)
            raw = stream.read() if stream is not None else sys.stdin.read().encode()
        else:
            raw = Path(source).read_bytes()
    except OSError as exc:
        raise CommandError(f"{name}: cannot read it ({exc.strerror})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CommandError(
            f"{name}: not UTF-8 text (byte {exc.start}); save the file as UTF-8"
        ) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise CommandError(
            f"{name}: line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg})"
        ) from None


def _resolve_names(ctx: Any, fair: str, parsed: cj.ParsedComplaint) -> list[cj.Problem]:
    """Respondents named without a booth: find the one exhibitor of the fair with that name."""
    from fairdesk import cli_complaint_json as cj
    from fairdesk.domain.normalize import normalize_name
    from fairdesk.services.intake.lookup import search_exhibitors

    problems = []
    for i, resp in enumerate(parsed.data.respondents):
        if resp.booth.strip() or not resp.name.strip():
            continue  # the intake service finds a booth's exhibitor itself
        key = normalize_name(resp.name)
        hits = [
            h
            for h in search_exhibitors(ctx, fair, resp.name)
            if key in (normalize_name(h.name_zh), normalize_name(h.name_en))
        ]
        where = f"respondents[{i}].exhibitor"
        if len(hits) == 1:
            resp.exhibitor_id = hits[0].id
        elif not hits:
            problems.append(cj.Problem(where, f"no exhibitor of {fair} is called '{resp.name}'"))
        else:
            booths = ", ".join(h.booth for h in hits)
            problems.append(
                cj.Problem(
                    where, f"several exhibitors are called '{resp.name}' ({booths}); add the booth"
                )
            )
    return problems


def _before_step(
    ctx: Any, zone: str, data: Any, action: str, params: dict[str, Any], reason: str
) -> tuple[list[cj.Problem], list[cj.Problem]]:
    """(what stops `action` on the new complaint, what stops its acceptance), asked of the
    step table and the acceptance rule before anything is saved."""
    from fairdesk import cli_complaint_json as cj

    now = ctx.now()
    found = acceptance_problems(cj.acceptance_facts(data), now.astimezone(ZoneInfo(zone)).date())
    unaccepted = [cj.acceptance_problem(p) for p in found]
    if not action:
        return [], unaccepted
    facts = Facts(
        entity=Entity.COMPLAINT,
        number="",
        state=ComplaintState.DRAFT,
        role=ctx.actor.role,
        now=now,
        zone=zone,
        complaint_state=ComplaintState.DRAFT,
        complaint_kind=data.kind,
        acceptance=tuple(p.refusal for p in found),
    )
    refusal = evaluate(facts, action).refusal
    if refusal is not None and any(refusal is r for r in facts.acceptance):
        return unaccepted, unaccepted  # a step the acceptance rule guards: every problem
    if refusal is None:
        given = with_defaults(step(Entity.COMPLAINT, action), params)
        refusal = refusal_with(facts, action, given | {REASON_NAME: reason})
    return ([cj.Problem("", str(refusal))] if refusal is not None else []), unaccepted


def _register(args: argparse.Namespace) -> int:
    from fairdesk import cli_complaint_json as cj
    from fairdesk.services.casework.steps import take_step
    from fairdesk.services.fair.fairs import get_fair
    from fairdesk.services.inspection.patrols import register_complaint_from_visit
    from fairdesk.services.intake.intake import register_complaint

    name = "stdin" if args.file == "-" else args.file
    action = "accept" if args.accept else (args.step or "")
    if not action and (args.set or args.reason):
        raise CommandError("--set and --reason go with --accept or --step")
    parsed = cj.parse_complaint(_read_json(args.file))
    if parsed.problems:
        raise CommandError(*(f"{name}: {p}" for p in parsed.problems))
    params: dict[str, Any] = {}
    reason = ""
    if action:
        params, reason = step_params(step(Entity.COMPLAINT, action), args.set, args.reason)
    ctx = context(args)
    fair = get_fair(ctx, parsed.fair)
    problems = _resolve_names(ctx, fair.code, parsed)
    refused, unaccepted = _before_step(ctx, fair.timezone, parsed.data, action, params, reason)
    if problems or refused:
        raise CommandError(*(f"{name}: {p}" for p in problems + refused))
    if args.visit:
        registered = register_complaint_from_visit(ctx, args.visit, parsed.data)
    else:
        registered = register_complaint(ctx, fair.code, parsed.data)
    state: str = ComplaintState.DRAFT
    if action:
        try:
            state = take_step(ctx, registered.number, action, reason=reason, **params).state
        except FairDeskError as exc:
            raise CommandError(
                f"complaint {registered.number} was registered, but "
                f"'{step(Entity.COMPLAINT, action).label}' was refused: {exc}"
            ) from None
    if args.format == "json":
        out = {"complaint": registered.number, "cases": list(registered.case_numbers)}
        json.dump(out | {"state": str(state)}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    state_words = words(v.COMPLAINT_STATES.words(state))
    print(_t("Complaint {0}: {1}").format(registered.number, state_words))
    print(_t("cases: {0}").format(", ".join(registered.case_numbers)))
    if state == ComplaintState.DRAFT and unaccepted:
        print(_t("to accept it, still needed:"))
        for problem in unaccepted:
            print(f"  {problem}")
    return 0


@_reports
def cmd_complaint(args: argparse.Namespace) -> int:
    return {"example": _example, "register": _register}[args.complaint_command](args)


# -- steps | step -------------------------------------------------------------------------------


def step_json(choice: Any) -> dict[str, Any]:
    """One step of `available_steps` as `fairdesk steps --format json` prints it."""
    return {
        "step": choice.action,
        "allowed": choice.allowed,
        "reason": None if choice.refusal is None else str(choice.refusal),
        "fields": [
            {
                "name": f.name,
                "kind": f.kind.value,
                "required": f.required,
                "choices": list(f.codes()),
                "label": f.words.en,
            }
            for f in choice.fields
        ],
    }


@_reports
def cmd_steps(args: argparse.Namespace) -> int:
    from fairdesk.services.casework.steps import available_steps

    found = available_steps(context(args), args.number)
    if args.format == "json":
        json.dump([step_json(c) for c in found.choices], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    print(_status_line(found.entity, found.number, found.state, found.version, found.served_at))
    # As the case view: the steps its state leads to (refused for a role or a guard, with
    # why); --all adds the rest. The name is what `fairdesk step` takes.
    yes, no = _t("yes"), _t("no")
    rows = [
        {
            _t("name"): c.action,
            _t("step"): words(c.step.words),
            _t("allowed"): yes if c.allowed else no,
            _t("reason"): "" if c.refusal is None else message(c.refusal),
        }
        for c in found.choices
        if c.in_reach or args.all
    ]
    print_rows(rows, "table")
    if any(c.allowed for c in found.choices):
        print(_t("take one: fairdesk step {0} NAME [--set FIELD=VALUE …]").format(found.number))
    return 0


@_reports
def cmd_step(args: argparse.Namespace) -> int:
    from fairdesk.services.casework.steps import available_steps, take_step

    ctx = context(args)
    found = available_steps(ctx, args.number)
    entity = found.entity
    s = step(entity, args.step)
    params, reason = step_params(s, args.set, args.reason)
    # What the step dialog prefills (the rule set's legal basis, the complaint's authority)
    # is taken when not given, and said.
    for f in s.fields:
        value = found.start_values(s, params).get(f.name)
        if value:
            params[f.name] = value
            shown = citation_in(value, language(args)) if f.name == "legal_basis" else value
            print(_t("{0} (prefilled): {1}").format(words(f.words), shown), file=sys.stderr)
    try:
        result = take_step(
            ctx,
            args.number,
            args.step,
            reason=reason,
            expected_version=args.expect_version,
            **params,
        )
    except FairDeskError as exc:
        hint = field_hint(s, params, exc)
        if not hint:
            raise
        raise CommandError(message(exc), *hint) from exc
    if args.format == "json":
        out = {"number": result.number, "state": result.state, "version": result.version}
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    print(_status_line(entity, result.number, result.state, result.version, result.served_at))
    return 0


# -- the step reference of docs/complaint-json.md -----------------------------------------------


def steps_reference() -> str:
    """Every step a person may take, as docs/complaint-json.md lists it (a test keeps the
    page equal to this, so it cannot drift from the domain's table)."""
    lines = [
        "| step | of a | what it does | from | who | fields (`--set NAME=VALUE`) |",
        "|---|---|---|---|---|---|",
    ]
    for entity in (Entity.COMPLAINT, Entity.CASE):
        for s in steps_of(entity):
            sources = "; ".join(sorted(_state_words(entity, x) for x in s.sources))
            who = ", ".join(f"{v.ROLES.words(r).en} (`{r.value}`)" for r in sorted(s.roles))
            fields = "<br>".join(_field_reference(f) for f in s.fields) or "none"
            lines.append(
                f"| `{s.action}` | {ENTITY_WORDS[entity].en} | {s.words.en} ({s.words.zh}) "
                f"| {sources} | {who} | {fields} |"
            )
    return "\n".join(lines) + "\n"


def _field_reference(f: Field) -> str:
    if f.required:
        need = "required"
    elif f.required_when:
        need = f"required when `{f.required_when[0]}` is `{f.required_when[1]}`"
    else:
        need = "optional"
    text = f"`{f.name}`: {f.words.en}; {f.kind.value}, {need}"
    if f.default:
        text += f" (default `{f.default}`)"
    if f.codes():
        text += "; one of " if f.kind is FieldKind.CHOICE else "; any of "
        text += ", ".join(f"`{c}`" for c in f.codes())
    return text


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "complaint": cmd_complaint,
    "steps": cmd_steps,
    "step": cmd_step,
}
