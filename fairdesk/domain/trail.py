"""Which audit event may set which field of an audited record, and who may write it.

`audit verify` rebuilds each audited record from its history and compares it with the
row. A history that folded any event would let anyone who can write the database
launder a row change by appending one event that says so; so only the events declared
here count, each only for the fields it sets and only when its author held a role that
may take it (the permission table and the step table say which). An event on an
audited record that is not declared here, or by an author whose role may not take it,
was written behind the app's back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from fairdesk.domain.corrections import may_correct_decision
from fairdesk.domain.enums import ClockAction, Role
from fairdesk.domain.permissions import GRANTS, Permission
from fairdesk.domain.workflow import STEPS, Effect, Entity

ALL_FIELDS = "*"  # an event that records the record's whole state
# What a signed paper prints of the record, recorded whole by every event that may change
# it (services/trust/paper_state.py): compared field by field.
PAPER = "paper"
# Events kept for the audit check alone, not shown in a case's timeline (an attachment is
# shown by its own "Evidence attached" event; a measure by the step that orders or
# changes it).
UNSHOWN = frozenset({"evidence_link.add", "measure.order", "measure.record"})
# What a case's or a complaint's birth event says of the records made under it: those
# kinds are born with an event of their own, so one of them with no history was planted
# (an id cannot say it: whoever writes the database chooses it).
BIRTHS = "births"
BORN_UNDER = ("measure", "evidence_link")


@dataclass(frozen=True)
class Writer:
    """What one action may set on one kind of record, and who may take it."""

    entity: str
    sets: frozenset[str]  # the history's fields it sets (ALL_FIELDS: every one)
    roles: frozenset[Role] = frozenset()
    # The user the record is may take it (a password changed, a sign-in).
    own: bool = False
    # The app itself, with nobody signed in, writes it (a failed sign-in).
    system: bool = False
    # Anyone, the app itself included, for the very first such record of the trail (the
    # first administrator, added before there is anyone to add them; the root key).
    first: bool = False
    # It makes the record: it opens the record's history, never comes later in it (a
    # second "issued" event would say a revoked document is in force again).
    birth: bool = False
    # The values it always sets ({field: value}): a revocation never puts a document
    # back in force.
    values: tuple[tuple[str, object], ...] = ()
    # Event keys that are another name of a history field ({key: field}): a correction
    # records the decision's trigger under the column's name.
    renames: tuple[tuple[str, str], ...] = ()
    # What a record it makes starts with, said or not ({field: value}): a key is born in
    # force.
    starts: tuple[tuple[str, object], ...] = ()
    # The field the event's own time gives when the event does not say it (events of
    # before that field was recorded).
    dated: str = ""

    def allows(self, role: Role | None, is_own: bool, is_first: bool) -> bool:
        if is_first and self.first:
            return True
        if role is None:
            return self.system
        return role in self.roles or (is_own and self.own)


def _grant(*permissions: Permission) -> frozenset[Role]:
    return frozenset().union(*(GRANTS[p] for p in permissions))


def _fields(*names: str) -> frozenset[str]:
    return frozenset(names)


# Those who take any step of a case: a measure's state and a clock change with a step.
_CASE_ROLES = frozenset().union(*(s.roles for s in STEPS if s.entity is Entity.CASE))
_DECIDERS = frozenset(r for r in Role if may_correct_decision(r))
_ADMINS = _grant(Permission.MANAGE_USERS)
_ATTACHERS = _grant(Permission.PATROL)  # those who add evidence


# The case's decision columns: only a step that records a decision sets them. Another
# step's field of that name is its own (a credit referral's legal basis, Art. 42).
_DECISION_COLUMNS = frozenset({"legal_basis", "trigger"})


def _steps() -> Iterable[tuple[str, Writer]]:
    for s in STEPS:
        names = {f.name for f in s.fields}
        if Effect.RECORD_DECISION not in s.effects:
            names -= _DECISION_COLUMNS
        sets = _fields("state", PAPER, *names)
        yield s.audit_code, Writer(s.entity.value, sets, s.roles)


WRITERS: dict[str, Writer] = {
    **dict(_steps()),
    "complaint.register": Writer(
        "complaint",
        _fields("state", PAPER, BIRTHS),
        _grant(Permission.REGISTER_COMPLAINT),
        birth=True,
    ),
    "case.create": Writer(
        "case", _fields("state", PAPER, BIRTHS), _grant(Permission.REGISTER_COMPLAINT), birth=True
    ),
    "case.assign": Writer("case", _fields("assigned_to"), _grant(Permission.ASSIGN_CASES)),
    "case.amend_decision": Writer(
        "case",
        _fields("legal_basis", "decision_note", "decision_trigger", PAPER),
        _DECIDERS,
        renames=(("decision_trigger", "trigger"),),
    ),
    "patrol.recheck": Writer(
        "case", _fields("result", "visit", "photos"), _grant(Permission.PATROL)
    ),
    **{
        f"clock.{a.value}": Writer(
            "case", _fields("clock", "due_at"), _CASE_ROLES | _grant(Permission.PAUSE_CLOCK)
        )
        for a in ClockAction
    },
    "measure.record": Writer("measure", _fields(ALL_FIELDS), _CASE_ROLES),
    # A measure a step orders: its first event, with its whole state.
    "measure.order": Writer("measure", _fields(ALL_FIELDS), _CASE_ROLES, birth=True),
    "right.register": Writer(
        "ip_right",
        _fields("number", "jurisdiction", PAPER),
        _grant(Permission.REGISTER_COMPLAINT),
        birth=True,
    ),
    "document.issue": Writer(
        "document",
        _fields("sha256", "in_force"),
        _grant(Permission.ISSUE_DOCUMENT),
        birth=True,
        values=(("in_force", True),),
    ),
    "document.reissue": Writer(
        "document",
        _fields("sha256", "in_force"),
        _grant(Permission.ISSUE_DOCUMENT),
        birth=True,
        values=(("in_force", True),),
    ),
    "document.revoke": Writer(
        "document",
        _fields("in_force", "revoke_reason", "superseded_by"),
        _grant(Permission.ISSUE_DOCUMENT),
        values=(("in_force", False),),
    ),
    "evidence.import": Writer("evidence", _fields("sha256", PAPER), _ATTACHERS, birth=True),
    "evidence.link": Writer("evidence", _fields(), _ATTACHERS),
    # Each attachment of a file to a complaint, case, exhibit, measure or visit.
    "evidence_link.add": Writer("evidence_link", _fields(PAPER), _ATTACHERS, birth=True),
    "exhibitor.record": Writer(
        "exhibitor", _fields(ALL_FIELDS), _grant(Permission.IMPORT_EXHIBITORS)
    ),
    "exhibitor.ip_commitment": Writer(
        "exhibitor", _fields("ip_commitment_signed"), _grant(Permission.IMPORT_EXHIBITORS)
    ),
    "user.add": Writer(
        "user",
        _fields("role", "password", "username", "display_name"),
        _ADMINS,
        first=True,
        birth=True,
    ),
    "user.role": Writer("user", _fields("role"), _ADMINS),
    "user.disable": Writer("user", _fields("active"), _ADMINS, values=(("active", False),)),
    "user.enable": Writer("user", _fields("active"), _ADMINS, values=(("active", True),)),
    "user.password": Writer("user", _fields("password"), _ADMINS, own=True),
    # A record of before made again at sign-in, by the user signing in.
    "user.rehash": Writer("user", _fields("password"), own=True),
    "user.sign_in": Writer("user", _fields(), own=True),
    "user.login_failed": Writer("user", _fields(), system=True),
    # The root: made by the first administrator (or at their first sign-in).
    "key.root_create": Writer(
        "signing_key",
        _fields("public_key"),
        _ADMINS,
        first=True,
        birth=True,
        starts=(("revoked_at", None),),
    ),
    # A user's key: made at their sign-in, or by the administrator adding them.
    "key.create": Writer(
        "signing_key",
        _fields("public_key"),
        _ADMINS | _grant(Permission.ISSUE_DOCUMENT),
        birth=True,
        starts=(("revoked_at", None),),
    ),
    "key.certify": Writer("signing_key", _fields(), _ADMINS),
    "key.revoke": Writer("signing_key", _fields("revoked_at"), _ADMINS, dated="revoked_at"),
    "key.pin": Writer("signing_key", _fields(), _ADMINS),
    "key.demo_create": Writer(
        "signing_key", _fields(), first=True, birth=True, starts=(("revoked_at", None),)
    ),
}


def writer(action: str, entity: str) -> Writer | None:
    """The declaration of `action` on a record of kind `entity` (None: FairDesk never
    writes it there)."""
    found = WRITERS.get(action)
    return found if found is not None and found.entity == entity else None
