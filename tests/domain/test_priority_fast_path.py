"""The column ranking gives exactly the ranking the straightforward one gave.

`priority.rank` scores over per-case columns (`agentdesk.domain.ranking`, numpy).
`priority_reference.rank` is the per-case implementation from before the fast paths,
kept verbatim. Same order, same scores to the
last bit, same explanations: on first use, on re-use, and after the clock, the local
hour, the strategy or the portfolio prior moved under the memo.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from agentdesk.domain.priority import WEIGHTS, CaseFacts, Strategy, portfolio_reach_by_hour, rank, rank_columns
from agentdesk.domain.ranking import CaseTable
from tests.domain import priority_reference as reference

NOW = datetime(2026, 11, 28, 6, 30, tzinfo=UTC)  # 14:30 in Shanghai
ZONES = ("Asia/Shanghai", "Asia/Urumqi", "America/New_York", "UTC")


def _history(rnd: random.Random) -> tuple[tuple[int, ...], tuple[int, ...]]:
    attempts = [rnd.randrange(0, 6) if rnd.random() < 0.4 else 0 for _ in range(24)]
    rpc = [rnd.randrange(0, a + 1) for a in attempts]
    return tuple(rpc), tuple(attempts)


def portfolio(n: int, seed: int) -> list[CaseFacts]:
    """A mixed queue like bench_priority's: callbacks, promises in every state, gates, holds."""
    rnd = random.Random(seed)
    cases = []
    for i in range(n):
        kind = rnd.random()
        rpc, attempts = _history(rnd) if rnd.random() < 0.8 else ((0,) * 24, (0,) * 24)
        history = {"rpc_by_hour": rpc, "attempts_by_hour": attempts} if rnd.random() < 0.9 else {}
        cases.append(CaseFacts(
            case_id=f"c{i:05d}",
            overdue_minor=rnd.choice([0, rnd.randrange(100, 50_000_000)]),
            days_past_due=rnd.randrange(-5, 400),
            status="open" if kind > 0.06 else rnd.choice(["on_hold", "closed"]),
            debtor_time_zone=rnd.choice(ZONES),
            callback_due_at=NOW + timedelta(minutes=rnd.randrange(-180, 180)) if kind < 0.08 else None,
            promise_due=date(2026, 11, 20) + timedelta(days=rnd.randrange(0, 20)) if 0.1 < kind < 0.3 else None,
            promise_status=rnd.choice(["pending", "broken", "kept", None]) if 0.1 < kind < 0.35 else None,
            broken_promise_at=NOW - timedelta(hours=rnd.randrange(0, 600)) if 0.2 < kind < 0.3 else None,
            attempts_today=rnd.randrange(0, 5),
            fruitless_today=rnd.randrange(0, 4),
            callable_from=NOW + timedelta(minutes=rnd.randrange(-60, 600)) if 0.3 < kind < 0.4 else None,
            **history,
        ))
    # Equal scores must keep input order in both: duplicate a few cases under new ids.
    cases += [replace(cases[j], case_id=f"dup{j}") for j in range(0, n, max(1, n // 20))]
    rnd.shuffle(cases)
    return cases


def same(cases: list[CaseFacts], now: datetime, **kw: object) -> None:
    fast = rank(cases, now, **kw)  # type: ignore[arg-type]
    slow = reference.rank(cases, now, **kw)  # type: ignore[arg-type]
    assert [r.case_id for r in fast] == [r.case_id for r in slow]
    assert fast == slow


def test_same_ranking_first_time_and_again() -> None:
    cases = portfolio(3000, seed=1)
    prior = portfolio_reach_by_hour(cases)
    for explain_top in (None, 0, 40):
        same(cases, NOW, portfolio_rpc_by_hour=prior, explain_top=explain_top)
        same(cases, NOW, portfolio_rpc_by_hour=prior, explain_top=explain_top)  # from the memo


def test_same_ranking_as_the_clock_moves_under_the_memo() -> None:
    cases = portfolio(2000, seed=2)
    prior = portfolio_reach_by_hour(cases)
    # Seconds (fades, callbacks falling due), a new local hour, a new day (promises due).
    for step in (0, 17, 60, 600, 3600, 5400, 86400, 3 * 86400, 60):
        same(cases, NOW + timedelta(seconds=step), portfolio_rpc_by_hour=prior, explain_top=25)


def test_same_ranking_when_strategy_prior_or_display_zone_change() -> None:
    cases = portfolio(1500, seed=3)
    prior = portfolio_reach_by_hour(cases)
    bold = Strategy("bold", {"reach": 400.0, "fruitless_today": 0.0, "p_pay_M4+": 0.3}, version=2)
    same(cases, NOW, portfolio_rpc_by_hour=prior)
    same(cases, NOW, strategy=bold, portfolio_rpc_by_hour=prior)
    same(cases, NOW, portfolio_rpc_by_hour=[p * 0.9 for p in prior], explain_top=10)
    same(cases, NOW, explain_top=10)  # prior measured from the cases
    same(cases, NOW, portfolio_rpc_by_hour=prior, display_zone="Europe/Berlin", explain_top=50)
    same(cases, NOW, portfolio_rpc_by_hour=prior)


def test_a_kept_table_ranks_as_rank_does_as_the_clock_moves() -> None:
    """The queue keeps its columns between re-ranks (no row objects rebuilt): ranking the
    kept table gives `rank`'s order and scores at every instant."""
    cases = portfolio(800, seed=4)
    prior = portfolio_reach_by_hour(cases)
    table = CaseTable(cases)
    for step in (0, 60, 3600, 86400):
        now = NOW + timedelta(seconds=step)
        ranking = rank_columns(table, now, portfolio_rpc_by_hour=prior)
        expected = reference.rank(cases, now, portfolio_rpc_by_hour=prior)
        assert [table.facts[i].case_id for i in ranking.order] == [r.case_id for r in expected]
        assert [float(ranking.scores[i]) for i in ranking.order] == [r.score for r in expected]


weights = st.fixed_dictionaries({}, optional={
    spec.key: st.floats(spec.minimum, spec.maximum, allow_nan=False).filter(
        lambda v, s=spec: v > s.minimum or not s.exclusive_minimum)
    for spec in WEIGHTS
})


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 10_000), size=st.integers(0, 60), chosen=weights,
       minutes=st.lists(st.integers(-3000, 3000), min_size=1, max_size=4),
       explain_top=st.one_of(st.none(), st.integers(0, 70)))
def test_same_ranking_for_any_strategy_and_times(seed: int, size: int, chosen: dict[str, float],
                                                 minutes: list[int], explain_top: int | None) -> None:
    cases = portfolio(size, seed)
    strategy = Strategy("any", chosen)
    for m in minutes:
        same(cases, NOW + timedelta(minutes=m), strategy=strategy, explain_top=explain_top)
