"""Rank 100,000 cases built from 1,000,000 synthetic history rows; print the time in ms.

The history rows are aggregated into per-case, per-local-hour counts first (as the local
store does with one GROUP BY), so the figure measures `rank` itself: what the queue pays
each time it re-orders. `rank` remembers each case's clock-independent work on its facts,
so the first figure is a re-rank (the queue's usual case) and the "every memo stale" one
is the rank after a sync brought a new portfolio prior (or a new strategy arrived).
Run: .venv/bin/python bench/bench_priority.py [cases] [rows]
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from datetime import UTC, date, datetime, timedelta

from agentdesk.domain.priority import CaseFacts, portfolio_reach_by_hour, rank

NOW = datetime(2026, 11, 28, 6, 30, tzinfo=UTC)
ZONES = ("Asia/Shanghai", "Asia/Shanghai", "Asia/Shanghai", "Asia/Urumqi")


def build(n_cases: int, n_rows: int, seed: int = 7) -> list[CaseFacts]:
    rnd = random.Random(seed)
    rpc = [[0] * 24 for _ in range(n_cases)]
    att = [[0] * 24 for _ in range(n_cases)]
    # Each debtor has a favourite hour where they answer more often.
    favourite = [rnd.randrange(8, 22) for _ in range(n_cases)]
    for _ in range(n_rows):
        c = rnd.randrange(n_cases)
        h = rnd.randrange(8, 22)
        att[c][h] += 1
        if rnd.random() < (0.45 if h == favourite[c] else 0.12):
            rpc[c][h] += 1
    cases = []
    for i in range(n_cases):
        kind = rnd.random()
        cases.append(
            CaseFacts(
                case_id=f"case-{i:06d}",
                overdue_minor=rnd.randrange(10_000, 5_000_000),
                days_past_due=rnd.randrange(1, 300),
                status="open" if kind > 0.03 else "on_hold",
                debtor_time_zone=rnd.choice(ZONES),
                callback_due_at=NOW - timedelta(minutes=rnd.randrange(0, 120)) if kind < 0.01 else None,
                promise_due=date(2026, 11, 20) + timedelta(days=rnd.randrange(0, 20)) if 0.1 < kind < 0.2 else None,
                promise_status=("pending" if kind < 0.15 else "broken") if 0.1 < kind < 0.2 else None,
                broken_promise_at=NOW - timedelta(days=rnd.randrange(0, 20)) if 0.15 <= kind < 0.2 else None,
                attempts_today=rnd.randrange(0, 4),
                fruitless_today=rnd.randrange(0, 3),
                rpc_by_hour=tuple(rpc[i]),
                attempts_by_hour=tuple(att[i]),
                callable_from=NOW + timedelta(hours=rnd.randrange(1, 10)) if 0.2 < kind < 0.25 else None,
            )
        )
    return cases


def main() -> None:
    n_cases = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    n_rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    t0 = time.perf_counter()
    cases = build(n_cases, n_rows)
    print(f"built {n_cases:,} cases from {n_rows:,} history rows in {time.perf_counter() - t0:.1f} s")
    # The portfolio prior changes slowly; the queue computes it once per sync, not per rank.
    prior = portfolio_reach_by_hour(cases)

    def median_ms(explain_top: int | None, stale: bool = False) -> tuple[float, float]:
        runs = []
        for run in range(7):
            # A prior that differs in the last digits invalidates every case's memo.
            used = [p * (1 - (run + 1) * 1e-12) for p in prior] if stale else prior
            t = time.perf_counter()
            rank(cases, NOW, portfolio_rpc_by_hour=used, explain_top=explain_top)
            runs.append((time.perf_counter() - t) * 1000)
        return statistics.median(runs), min(runs)

    t = time.perf_counter()
    rank(cases, NOW, portfolio_rpc_by_hour=prior, explain_top=500)
    print(f"rank, first ever (no memo yet), explain top 500: {(time.perf_counter() - t) * 1000:.0f} ms")
    med, best = median_ms(500, stale=True)
    print(f"rank, every memo stale (new prior), explain top 500: median {med:.0f} ms, best {best:.0f} ms (7 runs)")
    # The queue view explains the rows on screen; explain_case fills in the rest on scroll.
    med, best = median_ms(500)
    print(f"rank, order all + explain top 500: median {med:.0f} ms, best {best:.0f} ms (7 runs)")
    med, best = median_ms(None)
    print(f"rank, order all + explain all:     median {med:.0f} ms, best {best:.0f} ms (7 runs)")
    ranked = rank(cases, NOW, portfolio_rpc_by_hour=prior, explain_top=1)
    t = time.perf_counter()
    portfolio_reach_by_hour(cases)
    prior_ms = (time.perf_counter() - t) * 1000
    print(f"portfolio prior (once per sync): {prior_ms:.0f} ms")
    top = ranked[0]
    print(f"top: {top.case_id} {top.score:.0f} " + " · ".join(f.text_en for f in top.factors))


if __name__ == "__main__":
    main()
