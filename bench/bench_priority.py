"""Rank 100,000 cases built from 1,000,000 synthetic history rows; print the times in ms.

The history rows are aggregated into per-case, per-local-hour counts first (as the local
store does with one GROUP BY), so the figures measure the ranking itself: what the queue
pays each time it re-orders. The queue keeps its cases as columns (`ranking.CaseTable`),
so "warm" is a re-rank of a kept table (`rank_columns`); "new prior" is the rank after a
sync brought a new portfolio prior (the expected-value points are recomputed); "one row"
is the re-rank after a save (`Ranking.update`). The baseline, measured in the same run: a
bare Python loop over the same case objects computing one product per case, then a sort
(aim: warm rank <= 50 ms for 100k cases; the ratio to the baseline is printed).
Run: .venv/bin/python bench/bench_priority.py [cases] [rows]
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from agentdesk.domain.priority import CaseFacts, portfolio_reach_by_hour, rank, rank_columns
from agentdesk.domain.ranking import CaseTable

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


def _timed(fn: Callable[[], object], runs: int = 7) -> tuple[float, float]:
    """(median, best) in ms."""
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), min(times)


def bare_loop_and_sort(cases: list[CaseFacts]) -> list[int]:
    """The baseline: one Python pass over the case objects and one sort, nothing else."""
    scores = [c.overdue_minor * 0.5 + c.attempts_today for c in cases]
    return sorted(range(len(cases)), key=scores.__getitem__, reverse=True)


def main() -> None:
    n_cases = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    n_rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    t0 = time.perf_counter()
    cases = build(n_cases, n_rows)
    print(f"built {n_cases:,} cases from {n_rows:,} history rows in {time.perf_counter() - t0:.1f} s")
    # The portfolio prior changes slowly; the queue computes it once per sync, not per rank.
    prior = portfolio_reach_by_hour(cases)

    base_med, base_best = _timed(lambda: bare_loop_and_sort(cases))
    print(f"baseline, bare loop + sort over the objects: median {base_med:.1f} ms, best {base_best:.1f} ms (7 runs)")

    t = time.perf_counter()
    table = CaseTable(cases)
    print(f"columns built once (a cold start; the queue keeps them): {(time.perf_counter() - t) * 1000:.0f} ms")
    t = time.perf_counter()
    rank_columns(table, NOW, portfolio_rpc_by_hour=prior)
    print(f"rank, first on the table (expected values computed): {(time.perf_counter() - t) * 1000:.0f} ms")

    stale = iter(range(1, 100))

    def new_prior() -> None:
        # A prior that differs in the last digits: every case's expected value is recomputed.
        shift = next(stale) * 1e-12
        rank_columns(table, NOW, portfolio_rpc_by_hour=[p * (1 - shift) for p in prior])

    med, best = _timed(new_prior)
    print(f"rank, new prior (after a sync): median {med:.1f} ms, best {best:.1f} ms (7 runs)")

    warm_med, warm_best = _timed(lambda: rank_columns(table, NOW, portfolio_rpc_by_hour=prior))
    print(f"rank, warm, order all {n_cases:,}: median {warm_med:.1f} ms, best {warm_best:.1f} ms (7 runs) "
          f"= {warm_med / base_med:.2f}x the baseline (aim <= 50 ms)")

    def with_screen() -> None:
        ranking = rank_columns(table, NOW, portfolio_rpc_by_hour=prior)
        [ranking.row(p) for p in range(min(50, len(ranking)))]

    med, best = _timed(with_screen)
    print(f"rank, warm, order all + explain the 50 rows on screen: median {med:.1f} ms, best {best:.1f} ms "
          f"= {med / base_med:.2f}x the baseline")

    ranking = rank_columns(table, NOW, portfolio_rpc_by_hour=prior)
    rnd = random.Random(3)

    def one_save() -> None:
        i = rnd.randrange(n_cases)
        case = table.facts[i]
        table.set_row(i, replace(case, attempts_today=case.attempts_today + 1,
                                 fruitless_today=case.fruitless_today + 1))
        ranking.update([i])

    med, best = _timed(one_save, runs=21)
    print(f"after a save: re-score one case and move it: median {med:.2f} ms, best {best:.2f} ms (21 runs)")

    small = cases[: min(len(cases), 10_000)]
    med, best = _timed(lambda: rank(small, NOW, portfolio_rpc_by_hour=prior, explain_top=50), runs=3)
    print(f"rank() over a list of {len(small):,} objects (columns built per call): median {med:.0f} ms")
    t = time.perf_counter()
    portfolio_reach_by_hour(cases)
    print(f"portfolio prior (once per sync): {(time.perf_counter() - t) * 1000:.0f} ms")
    top = ranking.row(0)
    print(f"top: {top.case_id} {top.score:.0f} " + " · ".join(f.text_en for f in top.factors))


if __name__ == "__main__":
    main()
