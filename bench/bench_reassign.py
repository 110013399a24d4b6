"""Reassigning 10,000 cases: the server's time, and the time until an agent's client shows it.

Why: a lead moves thousands of cases at once (an agent falls ill, a new placement is
split), and the agents who receive them must see them within seconds without doing
anything (issue 20: ≤ 2 s). Printed per phase:

1. the server's write, in process, on copies of the same database: the plan (shared),
   then the write and its commit, set-based (agentdesk/server/bulk_moves.py) beside the
   baseline: the per-row writer this replaced (one UPDATE per case by primary key,
   executemany INSERTs) on the layout it ran on (cached documents inside the case row);
2. over HTTP on loopback with a real desk: `POST /v1/cases/reassign` round trip
   (planning, one transaction, audit, pokes), then poke → the desk's first pull request
   → all moved cases stored in its local store; and beside it the same desk's first sync
   of its own cases at login, per case, as the baseline for "pull and store"; then where
   that time went (bench/_reassign_phases.py): the server's plan, write and commit up to the
   poke, and on the desk the pull requests, the server's pages, the parse and the local
   transactions (summed over pages: fetching and storing overlap).

Setup: a demo database with three agents per team (about 5,000 cases each); the lead
moves every case of agent01 and agent02 (about 10,000) to agent03, then undoes it (also
timed). The seeded database is cached under the system temp folder; delete it to reseed.

The desks' local stores are plain SQLite files unless `--encrypted-store`: then each is
an SQLCipher store with a random key, as on an agent's computer (the bench has no
keyring, so the key is held in memory, as bench_workstation does).

Run:  .venv/bin/python bench/bench_reassign.py [--cases 30000] [--write-runs 2]   (0: part 2 only)
                                               [--encrypted-store] [--database-url postgresql+psycopg://…]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

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
    upgrade(f"sqlite:///{path}")  # a database cached by an older version: to today's schema
    return path


def seeded_postgres(url: str, cases: int) -> str:
    """`url`'s database at today's schema, seeded with the demo of `cases` cases unless it
    holds cases already (the bench's moves are undone at the end of each run)."""
    from sqlalchemy import func, select

    from agentdesk.server.db import Database
    from agentdesk.server.migrate import upgrade
    from agentdesk.server.models import Case
    from agentdesk.server.seed import seed_demo

    upgrade(url)
    db = Database(url)
    try:
        with db.transaction() as s:
            if not s.scalar(select(func.count()).select_from(Case)):
                started = time.perf_counter()
                seed_demo(s, cases=cases, agents_per_team=3)
                print(f"seeded {cases:,} cases in {time.perf_counter() - started:.1f} s (PostgreSQL)")
    finally:
        db.dispose()
    return url


def wait_for(check, timeout: float = 120.0, step: float = 0.01) -> float:  # noqa: ANN001
    """Poll `check()` (a bench, not a GUI: polling the local store is the measurement)."""
    started = time.perf_counter()
    while not check():
        if time.perf_counter() - started > timeout:
            raise TimeoutError("the agent's client did not show the change in time")
        time.sleep(step)
    return time.perf_counter()


def _pull_times(session: object) -> list[float]:
    """Record when the desk's sync engine sends each pull (wrapping its API client's method)."""
    times: list[float] = []
    api = session.sync.api  # type: ignore[attr-defined]
    pull = api.pull

    def timed(*args: object, **kwargs: object) -> object:
        times.append(time.perf_counter())
        return pull(*args, **kwargs)

    api.pull = timed
    return times


def _encrypted_login(url: str, username: str, home: Path) -> Any:
    """`ClientSession.login` with an SQLCipher store whose key is held in memory (no keyring)."""
    import secrets

    from agentdesk.client.api import ApiClient
    from agentdesk.client.credentials import SecretStore
    from agentdesk.client.session import ClientSession, store_path
    from agentdesk.client.store import LocalStore

    key = secrets.token_hex(32)
    api = ApiClient(url)
    pair = api.login(username, "demo")
    store = LocalStore(store_path(url, username, home), key)
    store.set_meta("username", pair.user.username)
    store.set_meta("user", pair.user.model_dump_json())
    return ClientSession(api, store, SecretStore.in_memory(url, username, key), pair.user)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=30_000, help="demo cases to seed (default 30,000)")
    parser.add_argument("--write-runs", type=int, default=2,
                        help="runs of each server writer (best is printed; 0: skip part 1)")
    parser.add_argument("--database-url", default=None,
                        help="part 2's server on this PostgreSQL database (seeded on first use, kept; "
                             "each run undoes its move); default: a copy of the seeded SQLite file")
    parser.add_argument("--encrypted-store", action="store_true",
                        help="desks keep SQLCipher stores, as on an agent's computer (default: plain SQLite)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="agentdesk-bench-") as home:
        os.environ["AGENTDESK_HOME"] = home
        os.environ.pop("AGENTDESK_DATABASE_URL", None)
        from bench._reassign_phases import instrument, report
        from bench._reassign_writers import compare_writers

        if args.write_runs > 0 and not args.database_url:  # 0: only the run over HTTP
            compare_writers(seeded(args.cases), args.write_runs)
        from agentdesk.client.lead import GridFilter, TeamGrid, TeamLead, reassign_request
        from agentdesk.client.session import ClientSession
        from agentdesk.server.embedded import start_embedded_server

        if args.database_url:
            server = start_embedded_server(seeded_postgres(args.database_url, args.cases), seed=False)
        else:
            db_file = Path(home) / "server.db"
            shutil.copy(seeded(args.cases), db_file)
            server = start_embedded_server(f"sqlite:///{db_file}", seed=False)
        sessions: list[ClientSession] = []
        try:
            def login(name: str) -> ClientSession:
                if args.encrypted_store:
                    session = _encrypted_login(server.url, name, Path(home))
                else:
                    session = ClientSession.login(server.url, name, "demo", remember=False, allow_unencrypted=True)
                session.sync_now()
                sessions.append(session)
                return session

            lead = login("lead01")
            first_sync = time.perf_counter()
            receiver = login("agent03")
            first_sync = time.perf_counter() - first_sync
            grid = TeamGrid(lead.store)
            ids = grid.ids(GridFilter(agent="agent01")) + grid.ids(GridFilter(agent="agent02"))
            before = receiver.store.case_count()
            board = TeamLead(lead).board()
            target = next(a.id for a in board.agents if a.username == "agent03")
            receiver.start_sync()
            wait_for(receiver.sync.events_connected.is_set, timeout=30)
            request = reassign_request(case_ids=ids, mode="one", agent_ids=[target])
            team_lead = TeamLead(lead)
            pulls = _pull_times(receiver)
            spans = instrument(receiver)

            started = time.perf_counter()
            result = team_lead.reassign(request)
            server_done = time.perf_counter()
            shown = wait_for(lambda: receiver.store.case_count() == before + result.total_cases)
            moved = result.total_cases
            first_pull = min((t for t in pulls if t >= started), default=float("nan"))
            kind = "SQLCipher" if args.encrypted_store else "plain SQLite"
            print(f"\n[2] over HTTP: moved {moved:,} cases to agent03 ({before:,} → {before + moved:,}); "
                  f"desks' stores: {kind}")
            print(f"server (POST /v1/cases/reassign round trip): {1000 * (server_done - started):,.0f} ms")
            print(f"poke → the desk's first pull request: {1000 * (first_pull - server_done):,.0f} ms "
                  "(counted from the server's answer; the poke leaves just before it)")
            print(f"first pull request → all {moved:,} stored: {1000 * (shown - first_pull):,.0f} ms "
                  f"= {1000 * 1000 * (shown - first_pull) / moved:,.0f} µs per case; baseline: agent03's "
                  f"login and first sync of {before:,} cases {1000 * first_sync:,.0f} ms "
                  f"= {1000 * 1000 * first_sync / max(before, 1):,.0f} µs per case")
            print(f"REASSIGN {moved:,} → VISIBLE ON THE DESK: {1000 * (shown - started):,.0f} ms (aim ≤ 2,000 ms)")
            print("\n".join(report(spans, started, server_done, shown)))

            started = time.perf_counter()
            undone = team_lead.undo(result.reassignment_id)
            server_done = time.perf_counter()
            shown = wait_for(lambda: receiver.store.case_count() == before)
            print(f"undo of {undone.restored:,} cases: server {1000 * (server_done - started):,.0f} ms, "
                  f"agent03's client {1000 * (shown - started):,.0f} ms")
            print("\n".join(report(spans, started, server_done, shown)))
        finally:
            for session in sessions:
                session.stop()
            server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
