"""Allocation (分案): which collector gets each case, and why.

Inputs are plain facts the server gathers: the cases to place (new placements, returned
cases, cases of absent collectors), each with its team, segment and overdue amount, and
the collectors with their grade, skills, capacity, current load, availability today and
measured results per segment. The rules, in order of precedence:

1. Hard limits: a case goes only to an available collector of its own team, and no
   collector ends above their capacity (max open cases). A case no one has room for stays
   unplaced, with the reason.
2. Continuity: a debtor with a live promise stays with the collector who holds it, and
   several new cases of one person in one run go to one collector.
3. Fit: collectors who meet the segment's profile (minimum grade, required skills) come
   first; only when no one in the team meets it does the nearest fit take the case (and
   the reason says so). Preferred skills add to the fit.
4. Results: a collector whose measured promise rate in the segment is above the team's
   (shrunk toward it, so twenty calls cannot make a star) gets a bonus.
5. Balance: each case goes to the collector least loaded relative to their capacity, in
   cases and in value. Cases are placed largest first (as in LPT scheduling), so values
   even out as well as counts.

Speed: a lead's run places 10,000 cases over 50 collectors in well under a second. Only
the load term changes as cases are placed, so each (team, segment) keeps a heap of
collectors by score with lazy re-scoring: a collector's entry is recomputed only when it
reaches the top after its load changed (bench/bench_allocation.py).
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from agentdesk.domain.collectors import CollectorProfile, grade_at_least, grade_label
from agentdesk.domain.money import Money

__all__ = [
    "AllocCase",
    "Allocation",
    "Assignment",
    "Collector",
    "Load",
    "Reason",
    "Unplaced",
    "allocate",
    "round_robin",
]

# The score is counted in fair shares. A collector's fair share of the team's cases and of
# its overdue value (after this run) is in proportion to their capacity; their load is
# COUNT_WEIGHT × cases held / fair share of cases + VALUE_WEIGHT × value held / fair share
# of value, so both even out. Fit and results are worth a few percent of a fair share:
# enough to steer a segment's cases to the people it wants (a preferred skill ≈ 2% more of
# a full queue, the best results ≈ 5%), never enough to pile work on them.
COUNT_WEIGHT = 0.5
VALUE_WEIGHT = 0.5
PREFERRED_SKILL_BONUS = 0.02
RESULT_BONUS = 0.05
RESULT_PRIOR_CALLS = 60.0


@dataclass(frozen=True)
class Reason:
    key: str
    text_en: str
    text_zh: str


@dataclass(frozen=True)
class AllocCase:
    case_id: str
    team_id: str
    segment: str
    overdue_minor: int
    source: str = "new"  # new | returned | absent
    current_agent: str | None = None
    person_key: str = ""
    promise_holder: str | None = None  # the collector holding a live promise of this debtor


@dataclass(frozen=True)
class Collector:
    id: str
    username: str
    team_id: str
    grade: str = "regular"
    skills: frozenset[str] = frozenset()
    capacity: int = 300
    load_cases: int = 0
    load_minor: int = 0
    available: bool = True
    unavailable_why: str = ""  # "away" | "off_today" when not available
    # segment -> (calls, promises) in the measuring window
    results: Mapping[str, tuple[int, int]] = field(default_factory=dict)


@dataclass(frozen=True)
class Assignment:
    case_id: str
    agent_id: str
    from_agent_id: str | None
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Unplaced:
    case_id: str
    reason: Reason


@dataclass(frozen=True)
class Load:
    agent_id: str
    username: str
    capacity: int
    before_cases: int
    before_minor: int
    after_cases: int
    after_minor: int
    available: bool


@dataclass(frozen=True)
class Allocation:
    assignments: list[Assignment]
    unplaced: list[Unplaced]
    loads: list[Load]

    def balance(self) -> dict[str, int]:
        """Max and min cases and value per available collector after the allocation."""
        rows = [load for load in self.loads if load.available and load.capacity > 0]
        if not rows:
            return {"max_cases": 0, "min_cases": 0, "max_minor": 0, "min_minor": 0}
        return {"max_cases": max(r.after_cases for r in rows), "min_cases": min(r.after_cases for r in rows),
                "max_minor": max(r.after_minor for r in rows), "min_minor": min(r.after_minor for r in rows)}


def _money(minor: int) -> str:
    return Money(minor).format()


class _State:
    """One collector's running load during a run."""

    __slots__ = ("c", "cases", "minor", "per_case", "per_minor", "stamp")

    def __init__(self, c: Collector, fair_cases: float, fair_minor: float) -> None:
        self.c = c
        self.cases = c.load_cases
        self.minor = c.load_minor
        self.per_case = COUNT_WEIGHT / max(fair_cases, 1.0)
        self.per_minor = VALUE_WEIGHT / max(fair_minor, 1.0)
        self.stamp = 0

    def room(self) -> int:
        return self.c.capacity - self.cases

    def load(self) -> float:
        return self.cases * self.per_case + self.minor * self.per_minor


def _fits(c: Collector, wants: CollectorProfile) -> bool:
    return grade_at_least(c.grade, wants.min_grade) and set(wants.required_skills) <= c.skills


def _shrunk_rate(calls: int, promises: int, prior_rate: float) -> float:
    return (promises + RESULT_PRIOR_CALLS * prior_rate) / (calls + RESULT_PRIOR_CALLS)


def _wants_text(wants: CollectorProfile) -> tuple[str, str]:
    en = [grade_label(wants.min_grade, "en") + "+"] + list(wants.required_skills)
    zh = [grade_label(wants.min_grade, "zh") + "及以上"] + list(wants.required_skills)
    return " · ".join(en), "·".join(zh)


def allocate(cases: Sequence[AllocCase], collectors: Sequence[Collector],
             wants: Mapping[str, CollectorProfile]) -> Allocation:
    """Place `cases` on `collectors` (see the module's rules); writes nothing, explains all."""
    by_team: dict[str, list[Collector]] = defaultdict(list)
    for c in collectors:
        by_team[c.team_id].append(c)
    pending_minor: dict[str, int] = defaultdict(int)
    pending_cases: dict[str, int] = defaultdict(int)
    for case in cases:
        pending_minor[case.team_id] += case.overdue_minor
        pending_cases[case.team_id] += 1
    states: dict[str, _State] = {}
    for team, members in by_team.items():
        usable = [c for c in members if c.available and c.capacity > 0]
        total_cap = sum(c.capacity for c in usable) or 1
        team_cases = sum(c.load_cases for c in usable) + pending_cases.get(team, 0)
        team_minor = sum(c.load_minor for c in usable) + pending_minor.get(team, 0)
        for c in members:
            share = c.capacity / total_cap if c.available else 0.0
            states[c.id] = _State(c, team_cases * share, team_minor * share)

    # Static part of each collector's score per (team, segment): fit and results.
    segments_by_team: dict[str, set[str]] = defaultdict(set)
    for case in cases:
        segments_by_team[case.team_id].add(case.segment)
    static: dict[tuple[str, str], dict[str, tuple[float, bool, tuple[Reason, ...]]]] = {}
    for team, segs in segments_by_team.items():
        usable = [c for c in by_team.get(team, []) if c.available and c.capacity > 0]
        for seg in segs:
            want = wants.get(seg) or CollectorProfile()
            calls = sum(c.results.get(seg, (0, 0))[0] for c in usable)
            promises = sum(c.results.get(seg, (0, 0))[1] for c in usable)
            team_rate = promises / calls if calls else 0.0
            table: dict[str, tuple[float, bool, tuple[Reason, ...]]] = {}
            for c in usable:
                score, notes = 0.0, []
                fits = _fits(c, want)
                preferred = [s for s in want.preferred_skills if s in c.skills]
                if preferred:
                    score += PREFERRED_SKILL_BONUS * len(preferred)
                    notes.append(Reason("preferred_skills", "has " + ", ".join(preferred),
                                        "具备" + "、".join(preferred)))
                c_calls, c_promises = c.results.get(seg, (0, 0))
                if team_rate > 0 and c_calls:
                    mine = _shrunk_rate(c_calls, c_promises, team_rate)
                    lift = max(-1.0, min(1.0, (mine - team_rate) / team_rate))
                    score += RESULT_BONUS * lift
                    if lift >= 0.1:
                        notes.append(Reason(
                            "results", f"promise rate in this segment {mine:.0%} (team {team_rate:.0%})",
                            f"本分群承诺率 {mine:.0%}（组内 {team_rate:.0%}）"))
                table[c.id] = (score, fits, tuple(notes))
            static[(team, seg)] = table

    # What each segment wants, worded once (pydantic models are too slow to touch per case).
    plain = CollectorProfile()
    wants_of: dict[str, tuple[bool, str, str]] = {}
    for seg in {case.segment for case in cases}:
        want = wants.get(seg, plain)
        wants_of[seg] = (want != plain, *_wants_text(want))

    heaps: dict[tuple[str, str, bool], list[tuple[float, int, str]]] = {}

    def heap_for(team: str, seg: str, fitting: bool) -> list[tuple[float, int, str]]:
        key = (team, seg, fitting)
        found = heaps.get(key)
        if found is None:
            table = static.get((team, seg), {})
            found = [(-(bonus - states[cid].load()), states[cid].stamp, cid)
                     for cid, (bonus, fits, _n) in table.items() if (fits or not fitting) and states[cid].room() > 0]
            heapq.heapify(found)
            heaps[key] = found
        return found

    def best(team: str, seg: str, fitting: bool) -> str | None:
        heap = heap_for(team, seg, fitting)
        table = static[(team, seg)] if (team, seg) in static else {}
        while heap:
            _neg, stamp, cid = heap[0]
            st = states[cid]
            if st.room() <= 0:
                heapq.heappop(heap)
                continue
            if stamp != st.stamp:
                heapq.heapreplace(heap, (-(table[cid][0] - st.load()), st.stamp, cid))
                continue
            return cid
        return None

    assignments: list[Assignment] = []
    unplaced: list[Unplaced] = []
    person_agent: dict[str, str] = {}

    def give(case: AllocCase, cid: str, reasons: list[Reason]) -> None:
        st = states[cid]
        st.cases += 1
        st.minor += case.overdue_minor
        st.stamp += 1
        if case.person_key:
            person_agent.setdefault(case.person_key, cid)
        assignments.append(Assignment(case.case_id, cid, case.current_agent, tuple(reasons)))

    def eligible_holder(case: AllocCase, holder: str | None) -> bool:
        st = states.get(holder) if holder else None
        return (st is not None and st.c.team_id == case.team_id and st.c.available and st.room() > 0
                and st.c.capacity > 0)

    # Continuity first, so the holders' room is not taken by others.
    rest: list[AllocCase] = []
    for case in sorted(cases, key=lambda c: (-c.overdue_minor, c.case_id)):
        holder = case.promise_holder
        if holder and eligible_holder(case, holder):
            name = states[holder].c.username
            give(case, holder, [Reason("continuity", f"keeps the debtor with {name}, who holds a live promise",
                                       f"客户有未到期承诺，继续由 {name} 跟进")])
        else:
            rest.append(case)

    for case in rest:
        team, seg = case.team_id, case.segment
        reasons: list[Reason] = []
        holder = case.promise_holder
        if holder and holder in states and not eligible_holder(case, holder):
            st = states[holder]
            why_en = {"away": "is away", "off_today": "is off today"}.get(st.c.unavailable_why, "has no room")
            why_zh = {"away": "休假中", "off_today": "今日不上班"}.get(st.c.unavailable_why, "已满额")
            reasons.append(Reason("continuity_broken", f"promise holder {st.c.username} {why_en}",
                                  f"承诺跟进人 {st.c.username} {why_zh}"))
        same_person = person_agent.get(case.person_key) if case.person_key else None
        if same_person and eligible_holder(case, same_person):
            name = states[same_person].c.username
            give(case, same_person, [Reason("same_person", f"the debtor's other new case went to {name}",
                                            f"同一客户的另一新案已分给 {name}")])
            continue
        particular, en, zh = wants_of[seg]
        chosen = best(team, seg, fitting=True)
        if chosen is not None:
            if particular:
                reasons.append(Reason("fit", f"fits the segment's profile ({en})", f"符合分群要求（{zh}）"))
        else:
            chosen = best(team, seg, fitting=False)
            if chosen is not None:
                reasons.append(Reason("nearest_fit", f"no one with room meets {en}; nearest fit",
                                      f"组内无满足「{zh}」且有余量的催收员，就近分配"))
        if chosen is None:
            unplaced.append(Unplaced(case.case_id, Reason("no_room", "no collector of the team has room left",
                                                          "本组催收员均已满额")))
            continue
        st = states[chosen]
        reasons.extend(static[(team, seg)][chosen][2])
        held = _money(st.minor)
        reasons.append(Reason("balance", f"load {st.cases}/{st.c.capacity} cases, {held}",
                              f"当前 {st.cases}/{st.c.capacity} 件，{held}"))
        give(case, chosen, reasons)

    loads = [Load(c.id, c.username, c.capacity, c.load_cases, c.load_minor, states[c.id].cases,
                  states[c.id].minor, c.available) for c in collectors]
    # A case taken from its current collector leaves that collector's load.
    moved_from: dict[str, tuple[int, int]] = defaultdict(lambda: (0, 0))
    values = {case.case_id: case.overdue_minor for case in cases}
    for a in assignments:
        if a.from_agent_id and a.from_agent_id != a.agent_id:
            n, m = moved_from[a.from_agent_id]
            moved_from[a.from_agent_id] = (n + 1, m + values[a.case_id])
    loads = [Load(x.agent_id, x.username, x.capacity, x.before_cases, x.before_minor,
                  x.after_cases - moved_from[x.agent_id][0], x.after_minor - moved_from[x.agent_id][1], x.available)
             if x.agent_id in moved_from else x for x in loads]
    return Allocation(assignments, unplaced, loads)


def round_robin(cases: Sequence[AllocCase], collectors: Sequence[Collector]) -> Allocation:
    """The naive baseline the bench compares with: cases in their order, each to the next
    available collector of its team, capacity ignored."""
    by_team: dict[str, list[Collector]] = defaultdict(list)
    for c in collectors:
        if c.available and c.capacity > 0:
            by_team[c.team_id].append(c)
    turn: dict[str, int] = defaultdict(int)
    got: dict[str, list[int]] = {c.id: [c.load_cases, c.load_minor] for c in collectors}
    out: list[Assignment] = []
    unplaced: list[Unplaced] = []
    for case in cases:
        members = by_team.get(case.team_id)
        if not members:
            unplaced.append(Unplaced(case.case_id, Reason("no_room", "no collector", "无催收员")))
            continue
        c = members[turn[case.team_id] % len(members)]
        turn[case.team_id] += 1
        got[c.id][0] += 1
        got[c.id][1] += case.overdue_minor
        out.append(Assignment(case.case_id, c.id, case.current_agent, ()))
    loads = [Load(c.id, c.username, c.capacity, c.load_cases, c.load_minor, got[c.id][0], got[c.id][1], c.available)
             for c in collectors]
    return Allocation(out, unplaced, loads)
