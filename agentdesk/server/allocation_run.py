"""Allocation (分案) on the server: gather the team, preview, commit, and the morning's run.

`gather` reads what `agentdesk.domain.allocation.allocate` needs for one team: the cases
waiting (new placements: unassigned, never worked; returned cases: unassigned with
history; cases of absent collectors: those away today with no stand-in named, or no
longer active), the collectors with their settings, current load and promise rate per
segment over the last 90 days, and who holds a live promise of each debtor.

A lead previews (who gets what and why), may change any line, and commits; the commit is
checked again against the team as it is then (a case someone moved meanwhile, a collector
now full) and written as one reassignment, so "undo" is the lead's usual undo. The
scheduled run does the same every morning for every team, once per team and local day
(a unique row in `allocation_runs`, so two cron lines or two server processes cannot both
run it), after handing over and returning stand-in covers and placing every open case in
its segment again.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import case as sql_case
from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from agentdesk import contract
from agentdesk.clock import Clock
from agentdesk.domain.allocation import Allocation, AllocCase, Collector, allocate
from agentdesk.domain.collectors import CollectorProfile
from agentdesk.domain.strategy_book import StrategyBook
from agentdesk.server import moves, segmentation, standin, strategy_store
from agentdesk.server.access import DEFAULT_TZ, audit
from agentdesk.server.collectors import loads, settings_of, team_agents
from agentdesk.server.db import Database
from agentdesk.server.errors import ApiError
from agentdesk.server.models import Account, Case, ContactAttempt, Debtor, PromiseToPay, Reassignment, Team, User
from agentdesk.server.strategy_models import AllocationRun

ZONE = ZoneInfo(DEFAULT_TZ)
RESULTS_DAYS = 90


@dataclass
class Pool:
    team_id: str
    day: date
    cases: list[AllocCase]
    collectors: list[Collector]
    wants: dict[str, CollectorProfile]


def local_day(now: datetime) -> date:
    return now.astimezone(ZONE).date()


def _results(session: Session, agent_ids: list[str], since: datetime) -> dict[str, dict[str, tuple[int, int]]]:
    """Per agent and segment: calls made and promises won since `since`."""
    promises = func.coalesce(func.sum(sql_case((ContactAttempt.outcome == "promise_to_pay", 1), else_=0)), 0)
    out: dict[str, dict[str, tuple[int, int]]] = defaultdict(dict)
    for agent, segment, calls, won in session.execute(
            select(ContactAttempt.agent_id, Case.segment, func.count(ContactAttempt.id), promises)
            .join(Case, Case.id == ContactAttempt.case_id)
            .where(ContactAttempt.agent_id.in_(agent_ids), ContactAttempt.started_at >= since,
                   ContactAttempt.channel == "call", Case.segment.is_not(None))
            .group_by(ContactAttempt.agent_id, Case.segment)):
        out[agent][segment] = (int(calls), int(won))
    return out


def gather(session: Session, team_id: str, sources: Sequence[str], book: StrategyBook, now: datetime) -> Pool:
    today = local_day(now)
    agents = team_agents(session, team_id, active_only=False)
    settings = settings_of(session, [a.id for a in agents])
    active = [a for a in agents if a.active]
    load = loads(session, [a.id for a in active])
    results = _results(session, [a.id for a in active], now - timedelta(days=RESULTS_DAYS))
    collectors = []
    for a in active:
        s = settings[a.id]
        away, off = s.away_on(today), not s.works_on(today)
        collectors.append(Collector(
            id=a.id, username=a.username, team_id=team_id, grade=s.grade, skills=frozenset(s.skills),
            capacity=s.capacity, load_cases=load[a.id][0], load_minor=load[a.id][1], available=not away and not off,
            unavailable_why="away" if away else "off_today" if off else "", results=results.get(a.id, {})))
    # A lead who names a stand-in keeps the absent collector's queue; without one it is shared out.
    absent = [a.id for a in agents
              if not a.active or (settings[a.id].away_on(today) and not settings[a.id].stand_in_id)]
    waiting: list[Any] = []
    if {"new", "returned"} & set(sources):
        waiting.append(Case.assigned_agent_id.is_(None))
    if "absent" in sources and absent:
        waiting.append(Case.assigned_agent_id.in_(absent))
    if not waiting:
        return Pool(team_id, today, [], collectors, {s.key: s.strategy.profile for s in book.segments})
    # One lean read of the waiting cases: their placement is already on the case (intake,
    # the book's changes and the morning run keep it); only a case never placed is placed here.
    overdue = (select(func.coalesce(func.sum(Account.overdue_minor), 0)).where(Account.case_id == Case.id)
               .correlate(Case).scalar_subquery())
    worked = select(ContactAttempt.id).where(ContactAttempt.case_id == Case.id).correlate(Case).exists()
    rows = session.execute(
        select(Case.id, Case.assigned_agent_id, Case.segment, Debtor.person_key, overdue, worked)
        .join(Debtor, Debtor.id == Case.debtor_id)
        .where(Case.team_id == team_id, Case.status != "closed", or_(*waiting))).all()
    unplaced = [r[0] for r in rows if r[2] is None]
    placed_now = {cid: book.place(f.profile).key for cid, f in segmentation.load_facts(session, unplaced).items()}
    # Who holds a live promise of a debtor: the team's pending promises are few, read them all.
    holders: dict[str, str] = {}
    for person, agent in session.execute(
            select(Debtor.person_key, Case.assigned_agent_id)
            .join(Case, Case.debtor_id == Debtor.id).join(PromiseToPay, PromiseToPay.case_id == Case.id)
            .where(Case.team_id == team_id, PromiseToPay.status == "pending", Case.assigned_agent_id.is_not(None),
                   Debtor.person_key != "")):
        holders.setdefault(person, agent)
    cases = []
    for case_id, agent, segment, person, amount, has_history in rows:
        source = "absent" if agent is not None else "returned" if has_history else "new"
        if source not in sources:
            continue
        cases.append(AllocCase(case_id=case_id, team_id=team_id, segment=segment or placed_now.get(case_id, ""),
                               overdue_minor=int(amount or 0), source=source, current_agent=agent,
                               person_key=person or "", promise_holder=holders.get(person) if person else None))
    wants = {s.key: s.strategy.profile for s in book.segments}
    return Pool(team_id, today, cases, collectors, wants)


def _preview(pool: Pool, result: Allocation, took: float) -> dict[str, Any]:
    """The preview as plain data in the shape of `contract.AllocationPreview` (ten thousand
    lines of our own making: built and serialized without pydantic, which cost more than
    working them out)."""
    cases = {c.case_id: c for c in pool.cases}
    items = []
    for a in result.assignments:
        c = cases[a.case_id]
        items.append({"case_id": a.case_id, "segment": c.segment, "source": c.source, "overdue_minor": c.overdue_minor,
                      "from_agent_id": a.from_agent_id, "to_agent_id": a.agent_id,
                      "reasons_en": [r.text_en for r in a.reasons], "reasons_zh": [r.text_zh for r in a.reasons]})
    for u in result.unplaced:
        c = cases[u.case_id]
        items.append({"case_id": u.case_id, "segment": c.segment, "source": c.source, "overdue_minor": c.overdue_minor,
                      "from_agent_id": c.current_agent, "to_agent_id": None, "reasons_en": [u.reason.text_en],
                      "reasons_zh": [u.reason.text_zh]})
    by_source: dict[str, int] = defaultdict(int)
    for c in pool.cases:
        by_source[c.source] += 1
    return {
        "team_id": pool.team_id, "run_day": pool.day.isoformat(), "items": items,
        "total_cases": len(result.assignments),
        "total_minor": sum(cases[a.case_id].overdue_minor for a in result.assignments),
        "unplaced": len(result.unplaced), "by_source": dict(by_source),
        "loads": [_load(x).model_dump() for x in result.loads], "balance": result.balance(),
        "took_ms": round(took * 1000, 1),
    }


def _load(x: Any) -> contract.AllocationLoad:
    return contract.AllocationLoad(agent_id=x.agent_id, username=x.username, capacity=x.capacity,
                                   available=x.available, before_cases=x.before_cases, before_minor=x.before_minor,
                                   after_cases=x.after_cases, after_minor=x.after_minor)


def preview_data(session: Session, team_id: str, sources: Sequence[str], now: datetime) -> dict[str, Any]:
    """Who would get each waiting case and why, as the JSON-ready shape of AllocationPreview."""
    started = time.monotonic()
    book = strategy_store.current_book(session)
    pool = gather(session, team_id, sources, book, now)
    result = allocate(pool.cases, pool.collectors, pool.wants)
    return _preview(pool, result, time.monotonic() - started)


def preview(session: Session, team_id: str, sources: Sequence[str], now: datetime) -> contract.AllocationPreview:
    return contract.AllocationPreview.model_validate(preview_data(session, team_id, sources, now))


def commit(session: Session, user: User, team_id: str, body: contract.AllocationCommit, now: datetime, *,
           lock: bool = False, kind: str = "manual") -> contract.AllocationResult:
    """Write a (possibly adjusted) preview after checking it against the team as it is now."""
    book = strategy_store.current_book(session)
    pool = gather(session, team_id, body.sources, book, now)
    waiting = {c.case_id: c for c in pool.cases}
    stale = [cid for cid in body.assignments if cid not in waiting]
    if stale:
        raise ApiError(409, "allocation_stale",
                       f"{len(stale)} of the cases no longer wait for allocation (someone moved or closed them); "
                       "preview again.")
    collectors = {c.id: c for c in pool.collectors}
    per_agent: dict[str, int] = defaultdict(int)
    for agent in body.assignments.values():
        c = collectors.get(agent)
        if c is None or not c.available:
            raise ApiError(422, "agent_not_available",
                           "Every case must go to an active agent of the team who works today and is not away; "
                           "choose another agent.")
        per_agent[agent] += 1
    for agent, count in per_agent.items():
        c = collectors[agent]
        if c.load_cases + count > c.capacity:
            raise ApiError(422, "over_capacity",
                           f"{c.username} would hold {c.load_cases + count} open cases, over their capacity of "
                           f"{c.capacity}; give some of them to someone else or raise the capacity.")
    chosen = moves.selected(session, team_id, list(body.assignments), lock=lock)
    pairs = [(s, body.assignments[s.case_id]) for s in chosen if s.agent_id != body.assignments[s.case_id]]
    rid = moves.write(session, user, team_id, pairs, "allocate", now)
    after = {c.id: [c.load_cases, c.load_minor] for c in pool.collectors}
    for s, to in pairs:
        after[to][0] += 1
        after[to][1] += s.overdue_minor
        if s.agent_id in after:
            after[s.agent_id][0] -= 1
            after[s.agent_id][1] -= s.overdue_minor
    loads_after = [contract.AllocationLoad(agent_id=c.id, username=c.username, capacity=c.capacity,
                                           available=c.available, before_cases=c.load_cases,
                                           before_minor=c.load_minor, after_cases=after[c.id][0],
                                           after_minor=after[c.id][1]) for c in pool.collectors]
    run = AllocationRun(team_id=team_id, kind=kind, scheduled_day=pool.day if kind == "scheduled" else None,
                        user_id=user.id, reassignment_id=rid, created_at=now,
                        summary={"moved": len(pairs), "sources": list(body.sources)})
    session.add(run)
    session.flush()
    audit(session, user, "allocation.commit", "team", team_id, run=run.id, reassignment=rid, moved=len(pairs))
    return contract.AllocationResult(run_id=run.id, reassignment_id=rid, moved=len(pairs),
                                     total_minor=sum(s.overdue_minor for s, _ in pairs), loads=loads_after)


def runs(session: Session, team_id: str | None, limit: int = 30) -> list[contract.AllocationRunInfo]:
    query = (select(AllocationRun, User.username, Reassignment.undone_at)
             .outerjoin(User, User.id == AllocationRun.user_id)
             .outerjoin(Reassignment, Reassignment.id == AllocationRun.reassignment_id)
             .order_by(AllocationRun.created_at.desc()).limit(limit))
    if team_id is not None:
        query = query.where(AllocationRun.team_id == team_id)
    return [contract.AllocationRunInfo(id=r.id, kind=r.kind, created_at=r.created_at, username=name,
                                       moved=int((r.summary or {}).get("moved", 0)), reassignment_id=r.reassignment_id,
                                       undone=undone is not None)
            for r, name, undone in session.execute(query)]


Poke = Callable[[set[str], set[str]], None]


def scheduled_run(db: Database, clock: Clock, team_ids: Sequence[str] | None = None,
                  poke: Poke | None = None) -> list[dict[str, Any]]:
    """The morning run for each team (or `team_ids`): covers, segments, allocation. Once per
    team and local day; returns what each team's run did (a skipped team says so)."""
    now = clock.now()
    day = local_day(now)
    with db.transaction() as s:
        teams = list(team_ids) if team_ids is not None else list(s.scalars(select(Team.id).order_by(Team.name)))
    out = []
    for team in teams:
        try:
            with db.transaction() as s:
                summary = _run_team(s, team, day, now)
        except IntegrityError:
            summary = {"team_id": team, "skipped": "another process ran this team's allocation today"}
        out.append(summary)
        if poke is not None and summary.get("agents"):
            poke(set(summary["agents"]), {team})
    return out


def _run_team(s: Session, team: str, day: date, now: datetime) -> dict[str, Any]:
    if s.scalar(select(AllocationRun.id).where(AllocationRun.team_id == team, AllocationRun.scheduled_day == day)):
        return {"team_id": team, "skipped": "already ran today"}
    actor = moves.system_user(s)
    # Claim the day first: a second process inserting the same (team, day) fails here.
    claim = AllocationRun(team_id=team, kind="scheduled", scheduled_day=day, user_id=actor.id, created_at=now,
                          summary={})
    s.add(claim)
    s.flush()
    returned = standin.end_covers(s, actor, team, day, now)
    started = standin.start_covers(s, actor, team, day, now, ZONE)
    book = strategy_store.current_book(s)
    placed = segmentation.resegment(s, book, (), now, where=segmentation.open_cases(team))
    pool = gather(s, team, ("new", "returned", "absent"), book, now)
    result = allocate(pool.cases, pool.collectors, pool.wants)
    moved = 0
    agents = returned.agents | started.agents | placed.agents
    if result.assignments:
        assignments = {a.case_id: a.agent_id for a in result.assignments}
        chosen = moves.selected(s, team, list(assignments))
        pairs = [(c, assignments[c.case_id]) for c in chosen if c.agent_id != assignments[c.case_id]]
        if pairs:
            claim.reassignment_id = moves.write(s, actor, team, pairs, "allocate", now)
            moved = len(pairs)
            agents |= {a for c, to in pairs for a in (c.agent_id, to) if a}
    claim.summary = {"moved": moved, "unplaced": len(result.unplaced), "covers_started": started.started,
                     "covers_returned": returned.returned, "resegmented": len(placed.changed),
                     "arms_recorded": placed.new_arms, "balance": result.balance()}
    audit(s, actor, "allocation.scheduled", "team", team, run=claim.id,
          **{k: v for k, v in claim.summary.items() if k != "balance"})
    return {"team_id": team, **claim.summary, "agents": sorted(agents)}
