"""Server figures beside the framework's ceiling: reassign 10,000 cases, pull 10,000 changes,
push 1,000 mutations, each compared with the no-op GET /v1/ping of the same app.

In-process (Starlette's TestClient over ASGI), so the figures are the server's own work
without network, on the same machine, for SQLite (default, a temp file) or a PostgreSQL
URL given with --database-url (a fresh, empty database: the bench migrates and fills it).

Run: .venv/bin/python bench/bench_server.py [--cases 10000] [--database-url URL]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

import orjson
from fastapi.testclient import TestClient
from sqlalchemy import insert, select

from agentdesk import clock
from agentdesk.contract import PULL_LINES_MEDIA_TYPE
from agentdesk.server.app import create_app
from agentdesk.server.db import Database
from agentdesk.server.migrate import upgrade
from agentdesk.server.models import Account, Case, ContactPoint, Debtor, User, new_id
from agentdesk.server.seed import seed_demo
from agentdesk.server.sync import next_seqs


def fill(db: Database, cases: int) -> None:
    """The demo teams, plus `cases` synthetic cases all held by agent01 (so one lead moves them all)."""
    with db.transaction() as s:
        seed_demo(s, cases=100, agents_per_team=5)
    with db.transaction() as s:
        agent = s.scalar(select(User).where(User.username == "agent01"))
        assert agent is not None
        now = clock.now()
        rows: dict[type, list[dict[str, Any]]] = {Debtor: [], Case: [], Account: [], ContactPoint: []}
        for i, seq in enumerate(next_seqs(s, cases)):
            debtor, case = new_id(), new_id()
            rows[Debtor].append(dict(id=debtor, name=f"债务人{i}", national_id=f"1101051990{i:08d}", birth_date=None,
                                     province="广东省", city="广州市", time_zone="Asia/Shanghai"))
            rows[Case].append(dict(id=case, debtor_id=debtor, lender="星河消费金融", placement_ref="BENCH",
                                   status="open", hold_reason=None, assigned_agent_id=agent.id, team_id=agent.team_id,
                                   consent_late_calls=False, seq=seq, created_at=now))
            rows[Account].append(dict(id=new_id(), case_id=case, account_no=f"B{i:08d}", product="现金贷",
                                      currency="CNY", principal_minor=1_000_000, outstanding_minor=800_000,
                                      overdue_minor=100_000 + i, fees_minor=0,
                                      due_date=(now - timedelta(days=40)).date(), days_past_due=40))
            rows[ContactPoint].append(dict(id=new_id(), case_id=case, position=0, kind="phone",
                                           value=f"139{i:08d}", owner="debtor", relation=None, contact_name=None,
                                           status="valid", source="lender", created_at=now, added_by=None))
        for model, batch in rows.items():
            s.execute(insert(model), batch)


def login(api: TestClient, username: str) -> dict[str, str]:
    token = api.post("/v1/auth/login", json={"username": username, "password": "demo"}).json()["access_token"]
    return {"Authorization": f"Bearer {token}"}


def timed(fn: Any) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def pull_everything(api: TestClient, headers: dict[str, str], cursor: str | None = None) -> tuple[int, str]:
    count = 0
    while True:
        params: dict[str, Any] = {"limit": 2000}
        if cursor:
            params["cursor"] = cursor
        body = api.get("/v1/sync/pull", params=params, headers=headers).json()
        count += len(body["changes"])
        cursor = body["cursor"]
        if not body["has_more"]:
            return count, cursor


def pull_lines_everything(api: TestClient, headers: dict[str, str]) -> int:
    """The same pull in lines, the desktop's form (contract.PULL_LINES_MEDIA_TYPE)."""
    count, cursor = 0, None
    while True:
        params: dict[str, Any] = {"limit": 2000, **({"cursor": cursor} if cursor else {})}
        content = api.get("/v1/sync/pull", params=params, headers={**headers, "Accept": PULL_LINES_MEDIA_TYPE}).content
        envelope = orjson.loads(content[:content.index(b"\n")] if b"\n" in content else content)
        count += envelope["changes"]
        cursor = envelope["cursor"]
        if not envelope["has_more"]:
            return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--database-url", help="an empty database; default a temporary SQLite file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{Path(tmp) / 'bench.db'}"
        upgrade(url)
        db = Database(url)
        fill(db, args.cases)
        with TestClient(create_app(db)) as api:
            lead, a2 = login(api, "lead01"), login(api, "agent02")
            for _ in range(50):  # warm up
                api.get("/v1/ping")
            pings = []
            for _ in range(1000):
                t, _r = timed(lambda: api.get("/v1/ping"))
                pings.append(t)
            ping = statistics.median(pings)
            print(f"engine: {db.engine.dialect.name}; no-op GET /v1/ping: median {ping * 1000:.3f} ms "
                  f"({1 / ping:,.0f} requests/s)")

            _, cursor_a2 = pull_everything(api, a2)
            t_pull, n_pull = timed(lambda: pull_everything(api, lead)[0])
            print(f"pull {n_pull:,} changes (lead, pages of 2000): {t_pull:.3f} s, {n_pull / t_pull:,.0f} changes/s; "
                  f"= {t_pull / ping:,.0f} no-op requests ({t_pull / ping / n_pull:.2f} per change)")
            t_lines, n_lines = timed(lambda: pull_lines_everything(api, lead))
            print(f"pull {n_lines:,} changes in lines (the desktop's form): {t_lines:.3f} s, "
                  f"{n_lines / t_lines:,.0f} changes/s; {t_lines / ping / n_lines:.2f} no-op requests per change")

            with db.transaction() as s:
                ids = dict(s.execute(select(User.username, User.id)).all())
            body = {"filter": {"agent_id": ids["agent01"]}, "mode": "even",
                    "agent_ids": [ids["agent02"], ids["agent03"], ids["agent04"], ids["agent05"]]}
            t_re, response = timed(lambda: api.post("/v1/cases/reassign", json=body, headers=lead))
            moved = response.json()["total_cases"]
            t_seen, (n_seen, _c) = timed(lambda: pull_everything(api, a2, cursor_a2))
            print(f"reassign {moved:,} cases (one transaction): {t_re:.3f} s server time "
                  f"= {t_re / ping:,.0f} no-op requests; agent02 then pulls its {n_seen:,} new cases in "
                  f"{t_seen:.3f} s (reassign + pull: {t_re + t_seen:.3f} s)")

            held = [c["id"] for c in api.get("/v1/sync/pull", params={"limit": 2000},
                                             headers=a2).json()["changes"] if c["entity"] == "case"]
            mutations = [{"id": str(uuid.uuid4()), "type": "note.add",
                          "payload": {"case_id": held[i % len(held)], "text": f"bench note {i}"}}
                         for i in range(1000)]

            def push() -> int:
                applied = 0
                for start in range(0, len(mutations), 500):
                    results = api.post("/v1/sync/push", json={"mutations": mutations[start:start + 500]},
                                       headers=a2).json()["results"]
                    applied += sum(r["status"] == "applied" for r in results)
                return applied

            t_push, applied = timed(push)
            print(f"push {applied:,} mutations (2 batches of 500): {t_push:.3f} s, "
                  f"{applied / t_push:,.0f} mutations/s; "
                  f"= {t_push / ping:,.0f} no-op requests ({t_push / ping / applied:.1f} per mutation)")
        db.dispose()


if __name__ == "__main__":
    main()
