"""Reassigning 10,000 cases: the server's time, and the time until an agent's client shows it.

Why: a lead moves thousands of cases at once (an agent falls ill, a new placement is
split), and the agents who receive them must see them within seconds without doing
anything. Two figures matter and are printed apart:

* server: `POST /v1/cases/reassign` round trip (planning, one transaction, audit, pokes);
* agent: from sending the request until the receiving agent's own client (logged in,
  syncing by itself over /v1/events) holds all the moved cases in its local store.

Setup: a demo database with three agents per team (about 5,000 cases each); the lead
moves every case of agent01 and agent02 (about 10,000) to agent03, then undoes it (also
timed). The seeded database is cached under the system temp folder; delete it to reseed.

Run:  .venv/bin/python bench/bench_reassign.py [--cases 30000]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def seeded(cases: int) -> Path:
    from agentdesk.server.db import Database
    from agentdesk.server.migrate import upgrade
    from agentdesk.server.seed import seed_demo

    path = Path(tempfile.gettempdir()) / f"agentdesk-bench-reassign-{cases}.db"
    if not path.exists():
        started = time.perf_counter()
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        upgrade(f"sqlite:///{partial}")
        db = Database(f"sqlite:///{partial}")
        with db.transaction() as s:
            seed_demo(s, cases=cases, agents_per_team=3)
        db.dispose()
        partial.rename(path)
        print(f"seeded {cases:,} cases in {time.perf_counter() - started:.1f} s ({path})")
    return path


def wait_for(check, timeout: float = 120.0, step: float = 0.01) -> float:  # noqa: ANN001
    """Poll `check()` (a bench, not a GUI: polling the local store is the measurement)."""
    started = time.perf_counter()
    while not check():
        if time.perf_counter() - started > timeout:
            raise TimeoutError("the agent's client did not show the change in time")
        time.sleep(step)
    return time.perf_counter()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=30_000, help="demo cases to seed (default 30,000)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="agentdesk-bench-") as home:
        os.environ["AGENTDESK_HOME"] = home
        os.environ.pop("AGENTDESK_DATABASE_URL", None)
        from agentdesk.client.lead import GridFilter, TeamGrid, TeamLead, reassign_request
        from agentdesk.client.session import ClientSession
        from agentdesk.server.embedded import start_embedded_server

        db_file = Path(home) / "server.db"
        shutil.copy(seeded(args.cases), db_file)
        server = start_embedded_server(f"sqlite:///{db_file}", seed=False)
        sessions: list[ClientSession] = []
        try:
            def login(name: str) -> ClientSession:
                session = ClientSession.login(server.url, name, "demo", remember=False, allow_unencrypted=True)
                session.sync_now()
                sessions.append(session)
                return session

            lead, receiver = login("lead01"), login("agent03")
            grid = TeamGrid(lead.store)
            ids = grid.ids(GridFilter(agent="agent01")) + grid.ids(GridFilter(agent="agent02"))
            before = receiver.store.case_count()
            board = TeamLead(lead).board()
            target = next(a.id for a in board.agents if a.username == "agent03")
            receiver.start_sync()
            wait_for(receiver.sync.events_connected.is_set, timeout=30)
            request = reassign_request(case_ids=ids, mode="one", agent_ids=[target])
            team_lead = TeamLead(lead)

            started = time.perf_counter()
            result = team_lead.reassign(request)
            server_done = time.perf_counter()
            shown = wait_for(lambda: receiver.store.case_count() == before + result.total_cases)
            print(f"moved {result.total_cases:,} cases to agent03 ({before:,} → {before + result.total_cases:,})")
            print(f"server (POST /v1/cases/reassign round trip): {1000 * (server_done - started):,.0f} ms")
            print(f"until agent03's client shows them (poke + pull + local apply): "
                  f"{1000 * (shown - started):,.0f} ms")

            started = time.perf_counter()
            undone = team_lead.undo(result.reassignment_id)
            server_done = time.perf_counter()
            shown = wait_for(lambda: receiver.store.case_count() == before)
            print(f"undo of {undone.restored:,} cases: server {1000 * (server_done - started):,.0f} ms, "
                  f"agent03's client {1000 * (shown - started):,.0f} ms")
        finally:
            for session in sessions:
                session.stop()
            server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
