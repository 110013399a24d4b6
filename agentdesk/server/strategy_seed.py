"""The demo's strategy: segments, collectors, and a month of champion/challenger history.

Called by `seed_demo` once the portfolio is written. It saves a strategy book whose
segments a collection strategy manager would recognise (broken promises, debtors never
reached, early M1, large M2–M3, late M4+, everything else), each with its cadence and
collector profile, and a challenger in the early segment ("plan first": the reminder that
opens with a first, partial payment, `early_reminder_plan`) started a month ago on half of
the segment's new cases (random halves; its verdict rests on the promise rate, what a
script is meant to move). It gives the agents grades, skills and capacities, marks one
agent away (no stand-in: the allocation shares their queue out) and one away from
tomorrow with a stand-in. It places every case in its segment, records the arms, and
writes the talk track each past call used; in the challenger's arm a share of the
debtors who answered promised instead of refusing, and most of those promises were kept,
so the arms comparison and the talk-track chart have a real difference to find.
Deterministic (its own seeded random), like the rest of the demo.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from agentdesk.domain import talktracks
from agentdesk.domain.collectors import CollectorProfile
from agentdesk.domain.money import bucket_for
from agentdesk.domain.segments import SegmentRule
from agentdesk.domain.strategy_book import Challenger, Segment, SegmentStrategy, StrategyBook, parse_book
from agentdesk.server import segmentation, strategy_store
from agentdesk.server.models import Account, Case, ContactAttempt, ContactPoint, Payment, PromiseToPay, User, new_id
from agentdesk.server.strategy_models import CollectorSettingsRow, StrategyBookRow

CHALLENGER_SHARE = 0.5
# In the challenger's arm, this share of the answered calls that ended without a promise
# ended with one instead, and its promises were kept this often (the seed's own rate is 50%).
UPLIFT_PROMISE = 0.6
UPLIFT_KEPT = 0.75
_PROFILES = (  # grade, skills, capacity: by the agent's place in their team (the demo gives each ~240 cases)
    ("senior", ["法务"], 400),
    ("regular", ["协商分期"], 380),
    ("trainee", [], 320),
    ("expert", ["方言", "粤语"], 450),
    ("regular", ["高额"], 380),
)


def demo_book(now: datetime) -> StrategyBook:
    from agentdesk.domain.cadence import Cadence

    started = now - timedelta(days=31)
    segments = [
        Segment(key="broken", name_zh="承诺违约", name_en="Broken promises",
                rule=SegmentRule(promise_history="broken"),
                strategy=SegmentStrategy(weights={"broken_promise": 500.0},
                                         cadence=Cadence(calls_per_day=3, hours_between_calls=2),
                                         profile=CollectorProfile(min_grade="regular", preferred_skills=["协商分期"]))),
        Segment(key="early", name_zh="早期 M1", name_en="Early (M1)", rule=SegmentRule(buckets=["M1"]),
                strategy=SegmentStrategy(weights={"reach": 200.0},
                                         cadence=Cadence(calls_per_day=2, hours_between_calls=3,
                                                         third_party_after_days=10)),
                challenger=Challenger(id="plan_first", name="先约首付 Plan first", share=CHALLENGER_SHARE, seed=14,
                                      talk_tracks={"early_reminder": "early_reminder_plan"},
                                      weights={"promise_follow_up": 700.0}, primary_metric="promise_rate",
                                      started_at=started)),
        Segment(key="unreached", name_zh="失联待修复", name_en="Never reached",
                rule=SegmentRule(contactability="never_reached", min_dpd=8),
                strategy=SegmentStrategy(weights={"reach": 220.0},
                                         cadence=Cadence(calls_per_day=4, hours_between_calls=1.5,
                                                         third_party_after_days=5),
                                         profile=CollectorProfile(preferred_skills=["方言"]))),
        Segment(key="high_value", name_zh="M2–M3 大额", name_en="Large M2–M3",
                rule=SegmentRule(buckets=["M2", "M3"], min_overdue_minor=800_000),
                strategy=SegmentStrategy(weights={"expected_value": 90.0},
                                         cadence=Cadence(calls_per_day=3, hours_between_calls=2),
                                         profile=CollectorProfile(min_grade="regular",
                                                                  preferred_skills=["协商分期", "高额"]))),
        Segment(key="late", name_zh="长账龄 M4+", name_en="Late (M4+)", rule=SegmentRule(buckets=["M4+"]),
                strategy=SegmentStrategy(cadence=Cadence(calls_per_day=2, hours_between_calls=4,
                                                         third_party_after_days=14),
                                         profile=CollectorProfile(min_grade="regular", preferred_skills=["法务"]))),
        Segment(key="rest", name_zh="其他案件", name_en="All other cases"),
    ]
    return StrategyBook(version=2, name="demo", segments=segments, changed_at=now - timedelta(days=31),
                        changed_by="lead01", note="demo strategy")


def _collectors(session: Session, now: datetime) -> None:
    agents = list(session.scalars(select(User).where(User.role == "agent").order_by(User.username)))
    by_team: dict[str | None, list[User]] = defaultdict(list)
    for agent in agents:
        by_team[agent.team_id].append(agent)
    today = (now + timedelta(hours=8)).date()  # Beijing
    rows = []
    for t_index, team in enumerate(sorted(by_team, key=lambda t: by_team[t][0].username)):
        members = by_team[team]
        for i, agent in enumerate(members):
            grade, skills, capacity = _PROFILES[i % len(_PROFILES)]
            row: dict[str, Any] = dict(user_id=agent.id, grade=grade, skills=skills, capacity=capacity,
                                       working_days=[0, 1, 2, 3, 4, 5, 6], away_from=None, away_until=None,
                                       stand_in_id=None, updated_at=now, updated_by=None)
            last = i == len(members) - 1 and len(members) >= 3
            if last and t_index == 0:  # on leave, no stand-in: the allocation shares the queue out
                row.update(away_from=today, away_until=today + timedelta(days=4))
            elif last:  # away from tomorrow; the colleague before takes due callbacks and promises
                row.update(away_from=today + timedelta(days=1), away_until=today + timedelta(days=3),
                           stand_in_id=members[i - 1].id)
            rows.append(row)
    if rows:
        session.execute(insert(CollectorSettingsRow), rows)


def _situation_tracks(session: Session, book: StrategyBook, rng: random.Random, now: datetime) -> None:
    """Which talk track each past call used, as the desk would have chosen it."""
    versions = {t.id: t.version for t in talktracks.load_tracks()}
    cases = {cid: (segment, arm, dpd) for cid, segment, arm, dpd in session.execute(
        select(Case.id, Case.segment, Case.arm, Account.days_past_due).join(Account, Account.case_id == Case.id))}
    owners = dict(session.execute(select(ContactPoint.id, ContactPoint.owner)).all())
    seen: set[str] = set()
    changes = []
    for attempt_id, case_id, point_id in session.execute(
            select(ContactAttempt.id, ContactAttempt.case_id, ContactAttempt.contact_point_id)
            .order_by(ContactAttempt.case_id, ContactAttempt.started_at)):
        segment, arm, dpd = cases[case_id]
        if owners.get(point_id) == "emergency":
            track = "third_party"
        elif case_id not in seen:
            track = "first_contact"
        elif bucket_for(dpd) in ("M3", "M4+"):
            track = "late_bucket"
        else:
            track = book.tracks_for(segment, arm).get("early_reminder", "early_reminder")
        seen.add(case_id)
        changes.append({"b_id": attempt_id, "b_track": track, "b_version": versions.get(track, 1)})
    if changes:
        from sqlalchemy import bindparam

        table = ContactAttempt.__table__
        session.connection().execute(
            update(table).where(table.c.id == bindparam("b_id"))
            .values(talk_track_id=bindparam("b_track"), talk_track_version=bindparam("b_version")), changes)


def _uplift(session: Session, rng: random.Random, now: datetime) -> None:
    """The challenger's arm did better: more answered calls ended in a promise, more were kept."""
    arm_cases = set(session.scalars(select(Case.id).where(Case.arm == "challenger")))
    if not arm_cases:
        return
    outstanding: dict[str, int] = defaultdict(int)
    for case_id, amount in session.execute(select(Account.case_id, Account.outstanding_minor)):
        outstanding[case_id] += amount
    converted, promises, payments = [], [], []
    today = (now + timedelta(hours=8)).date()
    for attempt_id, case_id, agent_id, started in session.execute(
            select(ContactAttempt.id, ContactAttempt.case_id, ContactAttempt.agent_id, ContactAttempt.started_at)
            .where(ContactAttempt.reached == "right_party", ContactAttempt.outcome.in_(("refusal", "claims_paid")))
            .order_by(ContactAttempt.id)):
        if case_id not in arm_cases or rng.random() >= UPLIFT_PROMISE:
            continue
        due = started.date() + timedelta(days=rng.randint(2, 7))
        status = "pending" if due >= today else ("kept" if rng.random() < UPLIFT_KEPT else "broken")
        amount = max(10000, outstanding[case_id] // rng.choice((2, 3, 4)) // 100 * 100)
        converted.append(attempt_id)
        promises.append(dict(id=new_id(), case_id=case_id, attempt_id=attempt_id, agent_id=agent_id,
                             amount_minor=amount, currency="CNY", due_date=due, status=status, created_at=started))
        if status == "kept":
            payments.append(dict(id=new_id(), case_id=case_id, amount_minor=amount, currency="CNY", paid_on=due))
    if converted:
        session.execute(update(ContactAttempt).where(ContactAttempt.id.in_(converted))
                        .values(outcome="promise_to_pay", note="客户同意先还一部分，其余分次安排。"))
        session.execute(insert(PromiseToPay), promises)
    if payments:
        session.execute(insert(Payment), payments)


def seed_strategy(session: Session, now: datetime) -> None:
    """The demo's strategy book, collectors, segments, arms and talk-track history (see module)."""
    rng = random.Random(1414)
    session.flush()
    book = parse_book(demo_book(now), None, strategy_store.known_tracks())
    session.add(StrategyBookRow(version=book.version, body=book.model_dump_json(), created_at=book.changed_at,
                                created_by=None))
    _collectors(session, now)
    session.flush()
    # The challenger started a month ago: every early case placed since is in its experiment.
    every = segmentation.open_cases()
    segmentation.resegment(session, book, (), now - timedelta(days=1), where=every)
    _situation_tracks(session, book, rng, now)
    _uplift(session, rng, now)
    session.flush()
    segmentation.resegment(session, book, (), now, where=every)
