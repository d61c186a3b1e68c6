"""Stories walked over the declared steps: the demo's and the benchmarks' case histories.

A story says where a complaint or a respondent case should end and which states it passes
on the way (e.g. "defence overdue, then infringement found"), and which field values it
prefers. The walker knows no step by name: at each moment it is shown every step with
"allowed or refused, and from when" (`services.steps.available_steps`, or the domain's
`workflow.options` on facts kept in memory), takes one that lies on a shortest path of the
step table towards the next state of the story, and fills it from the step's `Field`
declarations. A guard that time alone lifts (a period running out) makes it wait; any
other refusal of the way forward makes it take a step that only records something (e.g.
materials received) and try again. A new step or guard in `fairdesk.domain.workflow`
therefore needs no edit here or in the generators.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import lru_cache
from typing import Any

from fairdesk.domain.enums import Role
from fairdesk.domain.workflow import (
    REASON_NAME,
    Entity,
    FieldKind,
    Step,
    steps_of,
    suggested_legal_basis,
)
from fairdesk.services.casework.steps import AvailableSteps, available_steps, take_step
from fairdesk.services.context import Context

AUTHORITIES = (
    "上海市知识产权局 / Shanghai Intellectual Property Administration",
    "上海市青浦区市场监督管理局 / Qingpu District Administration for Market Regulation",
    "上海市青浦区知识产权局 / Qingpu District Intellectual Property Office",
)
STORAGE = (
    "国家会展中心B1仓库3区 / NECC storage B1, area 3",
    "8.2馆服务中心暂存间 / Hall 8.2 service centre store room",
    "南广场暂存库 / South plaza bonded store",
)

# Realistic texts by field name; "field:action" narrows one to a step (a plain field name
# serves every step, so a new step finds words without an edit here).
PHRASES: Mapping[str, tuple[str, ...]] = {
    "reason": (
        "经与双方沟通后办理 / Handled after speaking with both parties",
        "按服务中心流程办理 / Handled as the service centre's procedure says",
    ),
    "reason:notify": (
        "投诉通知书已当面送达展位负责人 / Notice handed to the person in charge of the booth",
    ),
    "reason:record_defence": ("被投诉人当面提交书面答辩 / Written defence handed in at the desk",),
    "reason:begin_review": ("比对权利与展品 / Comparing the right with the exhibit",),
    "reason:settle": ("双方在服务中心达成和解 / The parties settled at the service centre",),
    "reason:refer": ("需进一步调查，移交管理部门 / Further investigation needed: referred",),
    "reason:request_recheck": ("安排巡查员复查措施落实情况 / Inspector to re-check the measure",),
    "reason:close": ("处理完毕，结案归档 / Handled; the case is closed and filed",),
    "reason:accept": ("材料齐全，予以受理 / Materials complete; accepted",),
    "reason:request_supplement": (
        "请投诉人补正材料 / The complainant is asked to complete the materials",
    ),
    "reason:self_remedy": (
        "被投诉人主动撤下涉嫌侵权展品 / "
        "The respondent took the accused exhibit down of its own accord",
        "被投诉人主动遮盖展品并承诺展后不再销售 / "
        "The respondent covered the exhibit and undertook not to sell it after the fair",
    ),
    "reason:start_mediation": ("双方同意由服务中心调解 / Both parties agreed to mediation",),
    "reason:end_mediation": ("补偿金额未达成一致 / No agreement on compensation",),
    "reason:withdraw": (
        "投诉人与被投诉人自行和解 / The parties settled between themselves",
        "投诉人决定通过诉讼解决 / The complainant will go to court instead",
        "双方和解后投诉人撤回投诉 / Withdrawn after a private settlement",
    ),
    "reason:mark_defence_overdue": (
        "规定期限内未提交书面答辩及证据 / No written defence or evidence within the period",
    ),
    "reason:decide_infringing": (
        "展品落入权利保护范围 / The exhibit falls within the scope of the right",
    ),
    "reason:decide_not_infringing": (
        "展品缺少权利要求1的技术特征 / The exhibit lacks a feature of claim 1",
        "展品外观与外观设计整体视觉效果不同 / The overall visual impression differs",
        "被投诉人提交的许可证明有效 / The respondent's licence is valid",
    ),
    "reason:decide_undetermined": (
        "需技术鉴定，现场无法判断 / A technical examination is needed",
        "权利稳定性存疑（已提起无效宣告）/ An invalidation request is pending",
    ),
    "reason:order_remedy": ("依参展合同采取处置措施 / Measures under the exhibitor contract",),
    "reason:recheck_failed": ("复查发现展品重新摆出 / The exhibit was found on display again",),
    "reason:recheck_passed": ("复查确认措施已落实 / The measure was found in place",),
    "reason:escalate": ("拒不整改 / Measures not carried out",),
    "reason:reject": ("经审查不符合受理条件 / The complaint does not meet the conditions",),
    "reason:transfer": ("材料齐全，移交管理部门处理 / Complete materials handed over",),
    "reason:move_post_fair": (
        "展会闭幕，转展后追查 / Fair closed: handed over to post-fair follow-up",
    ),
    "reason:record_received": ("投诉人现场补交材料 / The complainant handed in the materials",),
    "summary": (
        "被投诉人提出现有技术抗辩，提交2015年产品目录 / Prior-art defence with a 2015 catalogue",
        "被投诉人称展品系合法来源，提交采购合同 / Legitimate source: purchase contract filed",
        "被投诉人提交不侵权比对说明 / Non-infringement comparison filed",
        "被投诉人提交权利人许可证明 / Licence from the right holder filed",
        "被投诉人承认展品与权利相同，请求调解 / "
        "The respondent admits the identity and asks for mediation",
    ),
    "terms": (
        "被投诉人撤下展品并承诺不再展出、销售 / "
        "The respondent takes the exhibit down and will not show or sell it again",
        "双方签署许可协议 / The parties signed a licence agreement",
        "被投诉人支付补偿并撤下展品 / The respondent pays compensation and takes the exhibit down",
        "被投诉人更换展品包装 / The respondent replaces the packaging",
    ),
    "missing_items": (
        "专利权评价报告 / Patent evaluation report",
        "权利证书的中文译本 / Chinese translation of the certificate",
        "被投诉展品的现场照片 / Photos of the accused exhibit at the booth",
    ),
    "authority": AUTHORITIES,
    "storage_place": STORAGE,
    # Only when the rule set suggests nothing (2006 Art 14 is the authority's, not the
    # center's): the contract the center acts under.
    "legal_basis": ("参展合同 / the exhibitor contract",),
}
NOW = object()  # a story's preferred date: the day (or moment) the step is taken
FLAG_YES = 0.75  # how often an optional yes/no field is ticked
NOTE_SHARE = 0.5  # how often an optional note is written
RECORD_TRIES = 2  # how often a recording step is tried to clear one refusal


@dataclass(frozen=True)
class Story:
    """Where a record should go: the states it passes, in order (the last is where it
    ends), the field values it prefers, and when it happens: "late" ends just before now,
    "early" starts as soon as it can, "" anywhere in between."""

    name: str
    states: tuple[str, ...]
    prefer: Mapping[str, Any] = field(default_factory=dict)
    finish: str = ""
    # What is recorded on the way without changing the state (the effects of steps that
    # stay), each once as soon as the table allows it: an interim suspension at intake,
    # the authority's result.
    also: tuple[str, ...] = ()

    def with_prefer(self, **values: Any) -> Story:
        return replace(self, prefer={**self.prefer, **values})

    def then(self, *states: str) -> Story:
        return replace(self, states=(*self.states, *states))


# -- the table as a graph ------------------------------------------------------------------


@lru_cache(maxsize=8)
def _moves(entity: Entity) -> tuple[Step, ...]:
    """The steps that change the state and that a person takes."""
    return tuple(s for s in steps_of(entity) if s.target)


@lru_cache(maxsize=256)
def distances(entity: Entity, goal: str) -> Mapping[str, int]:
    """Fewest steps from each state to `goal` (states that cannot reach it are absent)."""
    dist = {goal: 0}
    frontier = [goal]
    moves = _moves(entity)
    while frontier:
        nxt = []
        for state in frontier:
            for s in moves:
                if s.target == state:
                    for source in sorted(s.sources):
                        if source not in dist:
                            dist[source] = dist[state] + 1
                            nxt.append(source)
        frontier = nxt
    return dist


@lru_cache(maxsize=1024)
def toward(entity: Entity, state: str, goal: str) -> frozenset[str]:
    """The steps from `state` that lie on a shortest path to `goal`."""
    dist = distances(entity, goal)
    here = dist.get(state)
    if not here:
        return frozenset()
    return frozenset(
        s.action for s in _moves(entity) if state in s.sources and dist.get(s.target) == here - 1
    )


def route(entity: Entity, start: str, states: Sequence[str]) -> list[Step]:
    """One shortest path through `states` (the table's first choice at each fork), for
    estimating how long a story takes; [] when a state cannot be reached."""
    return list(_route(entity, str(start), tuple(str(s) for s in states)))


@lru_cache(maxsize=256)
def _route(entity: Entity, start: str, states: tuple[str, ...]) -> tuple[Step, ...]:
    path: list[Step] = []
    here = start
    for goal in states:
        while here != goal:
            ways = toward(entity, here, goal)
            if not ways:
                return ()
            s = next(m for m in _moves(entity) if m.action in ways)
            path.append(s)
            here = s.target
    return tuple(path)


def clock_waits(path: Sequence[Step]) -> list[list[str]]:
    """Per step of a path, the clocks it may have to wait for: a guarded step that stops a
    clock an earlier step started (e.g. a period that must run out), for estimating."""
    started: set[str] = set()
    out: list[list[str]] = []
    for s in path:
        out.append([str(k) for k in s.stops if s.guards and str(k) in started])
        started |= {str(k) for k in s.starts}
    return out


# -- filling a step's fields ------------------------------------------------------------------


@dataclass(frozen=True)
class Desk:
    """What a desk would prefill: the rule set's citations and the complaint's authority."""

    legal_basis: Mapping[str, str] = field(default_factory=dict)
    authority: str = ""
    now: datetime | None = None  # the fair's local time, for a date a step needs
    # A finding's disposal of the claims under rights no exhibit is accused under.
    other_claims: str = ""


def phrase(rng: random.Random, name: str, action: str) -> str:
    options = PHRASES.get(f"{name}:{action}") or PHRASES.get(name) or PHRASES["reason"]
    return rng.choice(options)


def fill(
    s: Step, rng: random.Random, prefer: Mapping[str, Any], desk: Desk = Desk()
) -> dict[str, Any]:
    """Values for the step's fields: the story's preferred ones, else drawn from the field's
    allowed codes or the phrase lists; optional fields now and then."""
    params: dict[str, Any] = {}
    for f in s.fields:
        condition = f.required_when
        needed = f.required or (
            condition is not None and str(params.get(condition[0], "")) == condition[1]
        )
        if f.name in prefer:
            wanted = prefer[f.name]
            if f.kind is FieldKind.CHOICE and str(wanted) not in f.codes():
                wanted = rng.choice(f.codes())
            if wanted is NOW:
                if desk.now is None:
                    continue
                moment = desk.now.replace(second=0, microsecond=0, tzinfo=None)
                wanted = moment if f.kind is FieldKind.DATETIME else moment.date()
            params[f.name] = wanted
        elif f.kind is FieldKind.FLAG:
            params[f.name] = rng.random() < FLAG_YES
        elif f.kind is FieldKind.CHOICE and needed:
            params[f.name] = rng.choice(f.codes())
        elif f.kind is FieldKind.CHOICES and needed:
            params[f.name] = [rng.choice(f.codes())]
        elif f.kind in (FieldKind.DATE, FieldKind.DATETIME):
            if needed and desk.now is not None:
                moment = desk.now.replace(second=0, microsecond=0, tzinfo=None)
                params[f.name] = moment if f.kind is FieldKind.DATETIME else moment.date()
        elif f.prefill == "other_claims" and desk.other_claims:
            params[f.name] = desk.other_claims  # as the desk's screen words it
        elif needed or (f.name == REASON_NAME and rng.random() < NOTE_SHARE):
            params[f.name] = _prefilled(s, f.prefill, params, desk) or phrase(rng, f.name, s.action)
    return params


def _prefilled(s: Step, prefill: str, params: Mapping[str, Any], desk: Desk) -> str:
    if prefill == "legal_basis":
        return suggested_legal_basis(desk.legal_basis, s, str(params.get("trigger", "")))
    if prefill == "authority":
        return desk.authority
    return ""


# -- the walker -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Choice:
    """One step as the walker sees it now."""

    step: Step
    allowed: bool
    ready_at: datetime | None = None  # refused until then, by time alone


def seen(now: AvailableSteps, at: datetime | None = None) -> tuple[list[Choice], Desk]:
    """A record's steps as the services answer (`available_steps`) at the fair's local
    time `at`, as the walker sees them."""
    choices = [Choice(c.step, c.allowed, c.ready_at) for c in now.choices]
    return choices, Desk(now.legal_basis_texts, now.authority, at, now.other_claims)


@dataclass(frozen=True)
class Move:
    step: Step
    params: dict[str, Any]
    reason: str

    @property
    def role(self) -> Role:
        """Who takes it: a step of the floor is the inspector's, a decision naming the
        deciding organ a stationed IP officer's, any other the desk's."""
        if Role.INSPECTOR in self.step.roles:
            return Role.INSPECTOR
        if self.params.get("deciding_organ") and Role.OFFICER in self.step.roles:
            return Role.OFFICER
        return Role.DESK if Role.DESK in self.step.roles else next(iter(self.step.roles))


@dataclass
class Walker:
    """Walks one complaint or case through its story, a decision at a time."""

    entity: Entity
    story: Story
    rng: random.Random
    passed: int = 0  # how many of the story's states are behind it
    tried: Counter[str] = field(default_factory=Counter)
    visited: set[str] = field(default_factory=set)  # states seen on the way to the next goal
    recorded: set[str] = field(default_factory=set)  # the story's `also` steps taken

    def goal(self, state: str) -> str | None:
        """The next state to reach from `state`, or None when the story is told."""
        states = self.story.states
        while self.passed < len(states) and states[self.passed] == state:
            self.passed += 1
            self.visited.clear()
        return states[self.passed] if self.passed < len(states) else None

    def decide(
        self, state: str, choices: Iterable[Choice], desk: Desk = Desk()
    ) -> Move | datetime | None:
        """The step to take now, the moment to look again, or None (told, or stuck)."""
        goal = self.goal(state)
        choices = list(choices)
        extra = next(
            (
                c.step
                for c in choices
                if c.allowed and set(c.step.effects) & set(self.story.also)
                and c.step.action not in self.recorded
            ),
            None,
        )  # fmt: skip
        if extra is not None:
            self.recorded.add(extra.action)
            return self.move(extra, desk)
        if goal is None:
            return None
        self.visited.add(state)
        ways = toward(self.entity, state, goal)
        forward = [c for c in choices if c.step.action in ways]
        allowed = [c for c in forward if c.allowed]
        if allowed:
            self.tried.clear()
            return self.move(self.rng.choice(allowed).step, desk)
        later = [c.ready_at for c in forward if c.ready_at is not None]
        if later:
            return min(later)
        detour = self.detour(state, goal, choices)
        if detour is not None:
            return self.move(detour, desk)
        recording = [
            c
            for c in choices
            if c.allowed and not c.step.target and self.tried[c.step.action] < RECORD_TRIES
        ]
        if recording:
            pick = recording[0].step
            self.tried[pick.action] += 1
            return self.move(pick, desk)
        return None

    def detour(self, state: str, goal: str, choices: list[Choice]) -> Step | None:
        """When every shortest way is refused: an allowed step to a state not yet visited
        from which the goal can still be reached, the nearest first (e.g. notify first
        where a shortcut is only for another kind of complaint)."""
        dist = distances(self.entity, goal)
        fits = [
            c.step
            for c in choices
            if c.allowed
            and c.step.target
            and c.step.target not in self.visited
            and c.step.target in dist
        ]
        if not fits:
            return None
        best = min(dist[s.target] for s in fits)
        return self.rng.choice([s for s in fits if dist[s.target] == best])

    def move(self, s: Step, desk: Desk) -> Move:
        params = fill(s, self.rng, self.story.prefer, desk)
        reason = str(params.pop(REASON_NAME, "") or "")
        return Move(s, params, reason)


def walk_now(ctx: Context, number: str, story: Story, rng: random.Random) -> str:
    """Walk a complaint or case through its story at the context's present moment, as
    its user (no period is waited for); the state it reached."""
    now = available_steps(ctx, number)
    walker = Walker(now.entity, story, rng)
    for _ in range(4 * len(story.states) + 8):
        decision = walker.decide(now.state, *seen(now, ctx.now()))
        if not isinstance(decision, Move):
            break
        take_step(ctx, number, decision.step.action, reason=decision.reason, **decision.params)
        now = available_steps(ctx, number)
    return now.state
