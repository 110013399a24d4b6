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
import json
import secrets
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import text

from agentdesk.client import sync as sync_mod
from agentdesk.client.api import ApiClient
from agentdesk.client.store import LocalStore, case_summary
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


def raw_executemany(rows: list[dict[str, Any]], folder: Path) -> float:
    """Seconds for stdlib sqlite3 to insert the same rows into an equivalent table."""
    columns = [k for k in rows[0] if k != "doc"] + ["doc"]
    path = folder / "raw.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute(f"create table cases ({', '.join(c + (' primary key' if c == 'id' else '') for c in columns)})")
    for col in ("status", "days_past_due", "bucket"):
        conn.execute(f"create index ix_{col} on cases ({col})")
    values = [tuple(json.dumps(r["doc"]) if c == "doc" else r[c] for c in columns) for r in rows]
    placeholders = ", ".join("?" for _ in columns)
    started = time.perf_counter()
    with conn:
        conn.executemany(f"insert into cases ({', '.join(columns)}) values ({placeholders})", values)
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="?", type=int, default=20_000)
    parser.add_argument("--page", type=int, default=sync_mod.PULL_PAGE, help="pull page size")
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
             "serve", "--port", str(port), "--log-level", "warning", "--no-migrate"],
        )
        url = f"http://127.0.0.1:{port}"
        wait_for_server(url, server)
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
        started = time.perf_counter()
        changes = engine.sync_once()
        total = time.perf_counter() - started
        synced = store.case_count()
        assert synced == args.cases, f"synced {synced} of {args.cases} cases"
        assert len(changes.upserted) == args.cases

        rows = [case_summary(row.doc) for row in store.case_rows()]
        raw = raw_executemany(rows, folder)
        store.close()
        api.close()
        server.terminate()
        server.wait(timeout=10)

    rate = synced / total
    apply_rate = synced / apply_seconds
    raw_rate = synced / raw
    print(f"first sync, end to end : {synced} cases in {total:6.2f} s = {rate:8.0f} cases/s "
          f"(page {args.page})")
    print(f"  of which client apply: {apply_seconds:6.2f} s = {apply_rate:8.0f} cases/s")
    print(f"  of which waiting/pull: {total - apply_seconds:6.2f} s (server pull + HTTP + JSON decode)")
    print(f"raw sqlite3 executemany: {synced} rows  in {raw:6.2f} s = {raw_rate:8.0f} rows/s")
    print(f"ratio end to end / raw : {rate / raw_rate:.2f}")
    print(f"ratio client apply / raw: {apply_rate / raw_rate:.2f}")


if __name__ == "__main__":
    main()
