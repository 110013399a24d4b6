"""Allocation (分案) of 10,000 new cases over 50 collectors: time and balance, beside round-robin.

Why: each morning a lead allocates a new placement, returned cases and the queues of
absent collectors to a team, and must see the preview (who gets what and why) at once;
the issue's bar is 10,000 cases over 50 collectors in at most 2 s on the server with a
preview. What is printed:

* preview over HTTP: `POST /v1/allocation/preview` on the real server (uvicorn, loopback),
  from the request until the whole answer is read: every case's collector and reasons;
* server work alone: the same preview called in-process (reading the team and the cases,
  placing them, building the answer), and the allocation's arithmetic alone;
* balance: max/min open cases and value per collector after the allocation, and the load
  relative to capacity; beside the same for a naive round-robin of the same cases over the
  same collectors (the baseline, measured in the same run), which ignores capacity, value,
  skills and continuity.

Setup: one team of 50 collectors (mixed grades and skills, capacities 300–600, each
already holding 40–160 cases), 10,000 unassigned new cases (the demo's strategy book:
segments with collector profiles), some of whose debtors have a live promise with a
collector. The database is built once under the system temp folder; delete it to rebuild.

Run:  .venv/bin/python bench/bench_allocation.py [--cases 10000 --collectors 50 --repeat 5]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NOW = datetime(2026, 12, 2, 1, 0, tzinfo=UTC)  # 09:00 in Beijing: a morning allocation
PROVINCES = ("广东省", "四川省", "浙江省", "河南省", "新疆维吾尔自治区")
LENDERS = ("星河消费金融", "青禾小额贷款", "锦程银行信用卡中心")


def build(path: Path, cases: int, collectors: int) -> None:
    """Bulk-insert the team, its collectors and the cases (no history rebuilt: not timed)."""
    from sqlalchemy import insert

    from agentdesk.server.auth import hash_password
    from agentdesk.server.db import Database
    from agentdesk.server.migrate import upgrade
    from agentdesk.server.models import Account, Case, ContactPoint, Debtor, PromiseToPay, Team, User, new_id
    from agentdesk.server.segmentation import open_cases, resegment
    from agentdesk.server.strategy_models import CollectorSettingsRow, StrategyBookRow
    from agentdesk.server.strategy_seed import demo_book
    from agentdesk.server.sync import next_seqs

    rnd = random.Random(2026)
    url = f"sqlite:///{path}"
    upgrade(url)
    db = Database(url)
    password = hash_password("bench")
    with db.transaction() as s:
        team = Team(id=new_id(), name="分案组")
        s.add(team)
        s.add(User(id=new_id(), username="lead", display_name="组长", password_hash=password, role="lead",
                   team_id=team.id))
        agents = [User(id=new_id(), username=f"c{i:02d}", display_name=f"催收员{i:02d}", password_hash=password,
                       role="agent", team_id=team.id) for i in range(collectors)]
        s.add_all(agents)
        s.flush()
        s.execute(insert(CollectorSettingsRow), [
            dict(user_id=a.id, grade=("trainee", "regular", "senior", "expert")[i % 4],
                 skills=[["法务"], ["协商分期"], ["方言"], [], ["高额"]][i % 5], capacity=300 + (i * 37) % 301,
                 working_days=[0, 1, 2, 3, 4, 5, 6], away_from=None, away_until=None, stand_in_id=None,
                 updated_at=NOW, updated_by=None) for i, a in enumerate(agents)])
        book = demo_book(NOW)
        s.add(StrategyBookRow(version=book.version, body=book.model_dump_json(), created_at=NOW, created_by=None))
        held = [(a.id, n) for a in agents for n in range(rnd.randint(40, 160))]
        total = cases + len(held)
        seqs = next_seqs(s, total)
        debtors, rows, accounts, points, promises = [], [], [], [], []
        for i in range(total):
            owner = held[i - cases][0] if i >= cases else None
            debtor, case = new_id(), new_id()
            nid = f"1101051990{i:08d}"
            debtors.append(dict(id=debtor, name=f"客户{i}", national_id=nid, person_key=nid,
                                province=rnd.choice(PROVINCES), city="", time_zone="Asia/Shanghai"))
            dpd = rnd.choice((rnd.randint(1, 30), rnd.randint(31, 90), rnd.randint(91, 360)))
            overdue = int(rnd.lognormvariate(11.5, 1.0))
            created = NOW - timedelta(days=0 if owner is None else rnd.randint(5, 60))
            rows.append(dict(id=case, debtor_id=debtor, lender=rnd.choice(LENDERS), placement_ref="bench",
                             status="open", assigned_agent_id=owner, team_id=team.id, consent_late_calls=False,
                             seq=seqs[i], created_at=created))
            accounts.append(dict(id=new_id(), case_id=case, account_no=f"B{i:08d}", product="现金贷",
                                 currency="CNY", principal_minor=overdue * 2, outstanding_minor=overdue * 2,
                                 overdue_minor=overdue, fees_minor=0, due_date=(NOW - timedelta(days=dpd)).date(),
                                 days_past_due=dpd))
            points.append(dict(id=new_id(), case_id=case, position=0, kind="phone", value=f"1380000{i:06d}",
                               number=f"+86138{i:08d}", owner="debtor", status="valid", source="lender",
                               created_at=created))
            if owner is not None and rnd.random() < 0.1:
                promises.append(dict(id=new_id(), case_id=case, agent_id=owner, amount_minor=10000,
                                     currency="CNY", due_date=(NOW + timedelta(days=3)).date(), status="pending",
                                     created_at=NOW - timedelta(days=1)))
                # The same person placed again by another lender: continuity should keep them together.
                if len(debtors) and i % 3 == 0:
                    debtors[rnd.randrange(cases)]["person_key"] = nid
        for model, batch in ((Debtor, debtors), (Case, rows), (Account, accounts), (ContactPoint, points),
                             (PromiseToPay, promises)):
            for start in range(0, len(batch), 5000):
                s.execute(insert(model), batch[start:start + 5000])
        s.flush()
        resegment(s, book, (), NOW, where=open_cases(team.id))  # as intake places them
    db.dispose()


def database(cases: int, collectors: int) -> Path:
    path = Path(tempfile.gettempdir()) / f"agentdesk-bench-allocation-{cases}-{collectors}.db"
    if not path.exists():
        started = time.perf_counter()
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        build(partial, cases, collectors)
        partial.rename(path)
        print(f"built {cases:,} new cases over {collectors} collectors in {time.perf_counter() - started:.1f} s "
              f"({path})")
    return path


def balance_line(name: str, loads: list, seconds: float | None, before: bool = False) -> str:
    """Max/min cases and value per collector, and each relative to the collector's fair share
    (the team's total in proportion to capacity: 1.00 is exactly fair)."""
    from agentdesk.domain.money import Money

    rows = [x for x in loads if x.available and x.capacity > 0]
    cases = [x.before_cases if before else x.after_cases for x in rows]
    value = [x.before_minor if before else x.after_minor for x in rows]
    capacity = sum(x.capacity for x in rows)
    fair_cases = [sum(cases) * x.capacity / capacity for x in rows]
    fair_value = [sum(value) * x.capacity / capacity for x in rows]
    case_share = [c / f for c, f in zip(cases, fair_cases, strict=True)]
    value_share = [v / f for v, f in zip(value, fair_value, strict=True)]
    over = sum(1 for x, c in zip(rows, cases, strict=True) if c > x.capacity)
    took = f"{seconds * 1000:8.1f} ms" if seconds is not None else " " * 11
    return (f"{name:<24}{took}  cases {min(cases):>4}–{max(cases):<4} ({min(case_share):.2f}–{max(case_share):.2f} "
            f"of fair)  value {Money(min(value)).format()}–{Money(max(value)).format()} "
            f"({min(value_share):.2f}–{max(value_share):.2f} of fair)  over capacity: {over}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--collectors", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    import httpx

    from agentdesk.clock import FixedClock, set_process_clock
    from agentdesk.domain.allocation import allocate, round_robin
    from agentdesk.server import allocation_run, strategy_store
    from agentdesk.server.db import Database
    from agentdesk.server.embedded import start_embedded_server
    from agentdesk.server.models import Team

    set_process_clock(FixedClock(NOW))
    path = database(args.cases, args.collectors)
    url = f"sqlite:///{path}"
    db = Database(url)
    with db.transaction() as s:
        team = s.query(Team).one().id
        book = strategy_store.current_book(s)
        pool = allocation_run.gather(s, team, ("new",), book, NOW)
    print(f"{len(pool.cases):,} new cases, {len(pool.collectors)} collectors, "
          f"{sum(1 for c in pool.cases if c.promise_holder):,} with a live promise of the same debtor")

    inproc, cpu, arithmetic, http_times = [], [], [], []
    for _ in range(args.repeat):
        started, spent = time.perf_counter(), time.process_time()
        with db.transaction() as s:
            preview = allocation_run.preview_data(s, team, ["new"], NOW)
        inproc.append(time.perf_counter() - started)
        cpu.append(time.process_time() - spent)
        started = time.perf_counter()
        result = allocate(pool.cases, pool.collectors, pool.wants)
        arithmetic.append(time.perf_counter() - started)
    started = time.perf_counter()
    naive = round_robin(pool.cases, pool.collectors)
    naive_time = time.perf_counter() - started
    db.dispose()

    server = start_embedded_server(url, seed=False)
    try:
        with httpx.Client(base_url=server.url, timeout=60) as client:
            token = client.post("/v1/auth/login", json={"username": "lead", "password": "bench"}).json()
            headers = {"Authorization": f"Bearer {token['access_token']}"}
            for _ in range(args.repeat):
                started = time.perf_counter()
                answer = client.post("/v1/allocation/preview", json={"sources": ["new"]}, headers=headers)
                body = answer.json()
                http_times.append(time.perf_counter() - started)
                assert answer.status_code == 200 and len(body["items"]) == len(pool.cases), answer.text[:200]
    finally:
        server.stop()

    def med(values: list[float]) -> float:
        return statistics.median(values)

    print(f"preview over HTTP (POST /v1/allocation/preview, {len(body['items']):,} lines, "
          f"{len(answer.content) / 2**20:.1f} MB): median {med(http_times) * 1000:.0f} ms of {args.repeat}, "
          f"best {min(http_times) * 1000:.0f} ms  (bar: 2000 ms)")
    print(f"server work in-process (read team and cases, allocate, build the preview): "
          f"median {med(inproc) * 1000:.0f} ms, of which CPU {med(cpu) * 1000:.0f} ms "
          f"(the rest is waiting for a share of a busy machine: load average {os.getloadavg()[0]:.1f})")
    print(f"allocation arithmetic alone: median {med(arithmetic) * 1000:.0f} ms; round-robin baseline "
          f"{naive_time * 1000:.0f} ms")
    print()
    print(balance_line("before (held cases only)", result.loads, None, before=True))
    print(balance_line("allocation (分案)", result.loads, med(arithmetic)))
    print(balance_line("baseline: round-robin", naive.loads, naive_time))
    placed = {a.case_id: a.agent_id for a in result.assignments}
    kept = sum(1 for c in pool.cases if c.promise_holder and placed.get(c.case_id) == c.promise_holder)
    print(f"live-promise continuity kept: {kept:,} of {sum(1 for c in pool.cases if c.promise_holder):,}; "
          f"unplaced: {len(result.unplaced)}; preview said {preview['total_cases']:,} placed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
