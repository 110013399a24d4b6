"""First sync of one agent's 20,000 cases with their history into an empty encrypted store.

Why: an agent's first login (or a wiped desktop) must not stall for minutes. The figure
that matters is cases per second end to end (server pull + HTTP + JSON + local apply),
set beside a raw stdlib `sqlite3.executemany` of the very same rows (the same queue
columns and JSON document) into an equivalent table on the same machine, so the cost of
the client's own layers is visible. The client's apply time is also measured apart from
the server's pull, because the server side is owned and tuned separately.

Run:  .venv/bin/python bench/bench_first_sync.py [cases] [--page N]
The seeded server database is cached under the system temp folder (seeding 20,000 cases
takes a while); delete it to reseed. No keyring is needed: the store gets a random key.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import text

from agentdesk.client import store as store_mod
from agentdesk.client import sync as sync_mod
from agentdesk.client.api import ApiClient
from agentdesk.client.store import LocalStore
from agentdesk.client.sync import SyncEngine
from agentdesk.server.embedded import free_port, prepare_database

AGENT = "agent01"


def seeded_database(cases: int) -> Path:
    """A demo database with every case assigned to agent01, built once and cached."""
    cache = Path(tempfile.gettempdir()) / "agentdesk-bench" / f"server-{cases}.db"
    if cache.exists():
        return cache
    cache.parent.mkdir(parents=True, exist_ok=True)
    partial = cache.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    started = time.perf_counter()
    db = prepare_database(f"sqlite:///{partial}", seed=True, cases=cases)
    with db.transaction() as s:
        agent_id, team_id = s.execute(text("select id, team_id from users where username = :u"),
                                      {"u": AGENT}).one()
        s.execute(text("update cases set assigned_agent_id = :a, team_id = :t"), {"a": agent_id, "t": team_id})
    db.dispose()
    partial.rename(cache)
    print(f"seeded {cases} cases in {time.perf_counter() - started:.0f} s -> {cache}", file=sys.stderr)
    return cache


def wait_for_server(url: str, process: subprocess.Popen[bytes], seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server exited with {process.returncode}")
        try:
            httpx.get(f"{url}/v1/info", timeout=1.0)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise SystemExit(f"the server did not answer at {url} within {seconds:.0f} s")


def stored_rows(store: LocalStore) -> list[tuple[Any, ...]]:
    """The rows exactly as the store holds them: the queue columns and the document's bytes."""
    with store.sessions() as s:
        conn = s.connection()
        return list(conn.exec_driver_sql(
            "SELECT c.*, d.doc FROM cases AS c JOIN case_docs AS d ON d.id = c.id"))


def raw_executemany(rows: list[tuple[Any, ...]], columns: list[str], folder: Path) -> float:
    """Seconds for stdlib sqlite3 to insert the same rows into an equivalent table."""
    path = folder / "raw.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute(f"create table cases ({', '.join(c + (' primary key' if c == 'id' else '') for c in columns)})")
    for col in ("status", "days_past_due", "bucket"):
        conn.execute(f"create index ix_{col} on cases ({col})")
    placeholders = ", ".join("?" for _ in columns)
    os.sync()
    started = time.perf_counter()
    with conn:
        conn.executemany(f"insert into cases ({', '.join(columns)}) values ({placeholders})", rows)
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


def first_sync(url: str, folder: Path) -> tuple[float, float, float, LocalStore, ApiClient]:
    """(seconds end to end, in the local apply, in the checkpoint after) of one first sync."""
    api = ApiClient(url)
    api.login(AGENT, "demo")
    store = LocalStore(folder / "client.db", secrets.token_hex(32))
    # Split the cycle's time: waiting for pages vs applying them locally.
    apply_seconds = 0.0
    original_apply = store.apply_changes

    def timed_apply(changes: Any, cursor: str) -> Any:
        nonlocal apply_seconds
        t0 = time.perf_counter()
        try:
            return original_apply(changes, cursor)
        finally:
            apply_seconds += time.perf_counter() - t0

    store.apply_changes = timed_apply  # type: ignore[method-assign]
    engine = SyncEngine(api, store)
    os.sync()  # start clean: no writeback of an earlier run competing with this one
    started = time.perf_counter()
    changes = engine.sync_once()
    total = time.perf_counter() - started
    assert len(changes.upserted) == store.case_count(), "every pulled case is in the store"
    # The store folds its WAL into the file once writes pause, in the background; timed
    # here on its own so the figure is in view.
    t0 = time.perf_counter()
    store.checkpointer.checkpoint()
    return total, apply_seconds, time.perf_counter() - t0, store, api


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="?", type=int, default=20_000)
    parser.add_argument("--page", type=int, default=sync_mod.PULL_PAGE, help="pull page size")
    parser.add_argument("--runs", type=int, default=5, help="first syncs (and raw inserts) to time")
    args = parser.parse_args()
    sync_mod.PULL_PAGE = args.page

    template = seeded_database(args.cases)
    with tempfile.TemporaryDirectory(prefix="agentdesk-bench-") as tmp:
        folder = Path(tmp)
        shutil.copy(template, folder / "server.db")
        port = free_port()
        # The server in its own process, as in production: in-process it would share the
        # GIL with the client and the figures would mix both sides' costs.
        server = subprocess.Popen(
            [sys.executable, "-m", "agentdesk.server.cli", "--database-url", f"sqlite:///{folder / 'server.db'}",
             "serve", "--port", str(port), "--log-level", "warning"],
            env={k: v for k, v in os.environ.items() if k != "AGENTDESK_NOW"},  # a production server: real clock
        )
        url = f"http://127.0.0.1:{port}"
        # Migrating first: a cache seeded by an older version gains the newer columns
        # (and their caches) instead of failing every pull.
        wait_for_server(url, server, seconds=600)
        syncs: list[tuple[float, float, float]] = []
        rows: list[tuple[Any, ...]] = []
        columns: list[str] = []
        for run in range(args.runs):
            run_folder = folder / f"sync-{run}"
            total, apply_seconds, checkpoint, store, api = first_sync(url, run_folder)
            assert store.case_count() == args.cases, f"synced {store.case_count()} of {args.cases} cases"
            if not rows:
                rows = stored_rows(store)
                columns = [*store_mod._CASE_COLUMNS, "doc"]
            store.close()
            api.close()
            syncs.append((total, apply_seconds, checkpoint))
        server.terminate()
        server.wait(timeout=10)
        # The baseline at its best: a new file each time, the fastest of the runs.
        raws = [raw_executemany(rows, columns, folder / f"raw-{run}") for run in range(args.runs)
                if (folder / f"raw-{run}").mkdir() is None]

    n = args.cases
    totals = sorted(t for t, _, _ in syncs)
    median_total = statistics.median(totals)
    median_apply = statistics.median(a for _, a, _ in syncs)
    median_checkpoint = statistics.median(c for _, _, c in syncs)
    raw = min(raws)
    mb = sum(len(r[-1]) for r in rows) / 1e6
    print(f"first sync, end to end : {n} cases, median {median_total:5.2f} s = {n / median_total:7.0f} cases/s "
          f"(runs: {', '.join(f'{t:.2f}' for t in totals)} s; page {args.page}; documents {mb:.0f} MB)")
    print(f"  of which client apply: median {median_apply:5.2f} s = {n / median_apply:7.0f} cases/s")
    print(f"  then, in the background: the WAL folded into the file in {median_checkpoint:5.2f} s (median)")
    print(f"raw sqlite3 executemany: {n} rows,  best   {raw:5.2f} s = {n / raw:7.0f} rows/s "
          f"(runs: {', '.join(f'{r:.2f}' for r in raws)} s; same rows, unencrypted)")
    print(f"ratio end to end / raw : {raw / median_total:.2f} (median sync against the best raw run)")
    print(f"ratio client apply / raw: {raw / median_apply:.2f}")


if __name__ == "__main__":
    main()
