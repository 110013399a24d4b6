"""The queue's per-case dial gate over bench_workstation's 5,000 cases (issue 20).

Why: at a desk's start the ranking judges every case with recent contacts with the
compliance guard (`queue._Build._gate`); it was the largest single cost after the imports.
Builds the workstation bench's store (uneven histories, two emergency contacts a case, a
debtor zone where `--now` is daytime), ranks it once while recording each `_gate` call,
then times the recorded calls again with fresh shared verdicts, and the guard alone on the
same inputs: `HourOnlyVerdicts.evaluate` (the full verdict, texts and all) beside
`HourOnlyVerdicts.when_allowed` (what the ranking reads), when the tree has it. CPU time
(process_time) of each round, min and median: the machine is shared, wall time is noise.

Run: .venv/bin/python bench/bench_gate.py [--now 2026-12-03T05:00:00+00:00] [--rounds 9] [--zone Asia/Shanghai]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import secrets
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from _fixtures import daytime_zone, fill_store, spread_attempts, synthetic_case

from agentdesk import contract
from agentdesk.client import queue
from agentdesk.client.api import ApiClient
from agentdesk.client.credentials import SecretStore
from agentdesk.client.session import ClientSession
from agentdesk.client.store import LocalStore
from agentdesk.domain import compliance


def rounds(fn: Callable[[], Any], n: int) -> str:
    spent = []
    for _ in range(n):
        started = time.process_time()
        fn()
        spent.append((time.process_time() - started) * 1000)
    return f"min {min(spent):6.1f} ms, median {statistics.median(spent):6.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--now", default="2026-12-03T05:00:00+00:00")
    parser.add_argument("--cases", type=int, default=5_000)
    parser.add_argument("--attempts", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--zone", help="the debtors' zone (default: one where --now is daytime; a zone where it "
                                       "is night times the blocked cases' path)")
    args = parser.parse_args()
    now = datetime.fromisoformat(args.now)
    recorded: list[tuple[Any, Any, Any]] = []
    gate = queue._Build._gate  # noqa: SLF001 - the bench times this method

    def recording(build: Any, row: Any, facts: Any) -> Any:
        recorded.append((build, row, facts))
        return gate(build, row, facts)

    rnd = random.Random(11)
    counts = spread_attempts(args.attempts, args.cases)
    docs = [synthetic_case(rnd, i, counts[i], now=now, time_zone=args.zone or daytime_zone(now),
                            third_parties=2)
            for i in range(args.cases)]
    with tempfile.TemporaryDirectory(prefix="agentdesk-bench-") as tmp:
        key = secrets.token_hex(32)
        store = LocalStore(Path(tmp) / "client.db", key)
        fill_store(store, docs)
        user = contract.UserInfo(id="u1", username="agent01", display_name="坐席一号", role="agent", team_id="t1")
        session = ClientSession(ApiClient("http://127.0.0.1:9"), store,
                                SecretStore.in_memory("http://127.0.0.1:9", "agent01", key), user)
        queue._Build._gate = recording  # type: ignore[method-assign]  # noqa: SLF001
        try:
            session.queue(now)
        finally:
            queue._Build._gate = gate  # type: ignore[method-assign]  # noqa: SLF001
        build = recorded[0][0]
        policy = build.policy
        inputs = [(facts.planned, facts.past(now)) for _b, _r, facts in recorded]
        results: list[Any] = []

        def gates() -> None:
            build.verdicts, build.paced = compliance.HourOnlyVerdicts(policy), {}
            results[:] = [gate(b, row, facts) for b, row, facts in recorded]

        def guard(kind: str) -> Callable[[], None]:
            def run() -> None:
                judge = getattr(compliance.HourOnlyVerdicts(policy), kind)
                for attempt, past in inputs:
                    judge(attempt, past, now)
            return run

        print(f"{len(recorded)} gate calls at {now.isoformat()}, "
              f"{sum(len(p) for _a, p in inputs) / len(inputs):.1f} contacts each on average")
        print(f"queue _gate                      : {rounds(gates, args.rounds)}")
        blocked = sum(1 for when, _g in results if when is not None)
        print(f"  blocked {blocked}, by the cadence {sum(1 for _w, g in results if g == 'cadence')}, "
              f"result digest {hashlib.sha1(repr(results).encode()).hexdigest()[:12]}")
        print(f"HourOnlyVerdicts.evaluate        : {rounds(guard('evaluate'), args.rounds)}")
        if hasattr(compliance.HourOnlyVerdicts, "when_allowed"):
            print(f"HourOnlyVerdicts.when_allowed    : {rounds(guard('when_allowed'), args.rounds)}")
        session.sync.store.close()
        session.api.close()


if __name__ == "__main__":
    main()
