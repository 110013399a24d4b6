"""The real server under simulated desks: throughput, pull/push p50/p99, errors, lost outcomes,
worker spread, each beside the no-database GET /v1/ping measured under the same load; and a
login storm (many desks logging in at the same instant, as at 09:00 when a shift starts).

It starts `agentdesk-server serve --workers N` as a separate process on loopback, on a seeded
PostgreSQL database (by default a throwaway one on 127.0.0.1:55432, dropped afterwards), then
runs N desks on one asyncio loop, each doing what agentdesk/client/sync.py does at a desk:
log in, keep GET /v1/events open, pull (lines form, paged with the cursor) on the hello, on
every poke and on the polling timer, and record a call outcome (`attempt.record`, pushed
like the outbox does, naming the desk's event stream so the server does not poke it back,
then pulled) every ~20 s, jittered. At the end every attempt the server
answered "applied" is looked up in the database: one missing is a lost outcome.

The desks share the machine with the server; the ping beside the figures shows how much of a
latency is the machine (the same loop and cores) rather than the server's work.

Run: .venv/bin/python bench/bench_load.py --desks 500 --seconds 60 --workers 2
     .venv/bin/python bench/bench_load.py --desks 0 --logins 100      (the login storm alone)
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import secrets
import ssl
import statistics
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import AsyncExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from agentdesk import contract
from agentdesk.client.api import EventFrames, hello_stream_id, parse_pull_lines
from agentdesk.clock import NOW_ENV
from agentdesk.server import documents
from agentdesk.server.auth import hash_password
from agentdesk.server.embedded import free_port, prepare_database
from agentdesk.server.models import Case, ContactAttempt, ContactPoint, Team, User, new_id

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SERVER = "postgresql+psycopg://postgres@127.0.0.1:55432/postgres"
PASSWORD = "bench-load-password"
PULL_PAGE = 1000  # agentdesk.client.sync.PULL_PAGE
PULL_ACCEPT = f"{contract.PULL_LINES_MEDIA_TYPE}, application/json;q=0.5"  # what ApiClient.pull sends
PING_EVERY = 0.1  # the baseline prober: ten pings a second through the whole run
STARTING = 50  # desks logging in and pulling their first sync at once, before the window


# --- the database -------------------------------------------------------------------------

@contextmanager
def throwaway_database(server_url: str) -> Iterator[str]:
    """A fresh database on the server of `server_url`, dropped (FORCE) afterwards."""
    import psycopg
    from psycopg import sql
    from sqlalchemy.engine import make_url

    url = make_url(server_url)
    admin = url.set(drivername="postgresql").render_as_string(hide_password=False)
    name = f"agentdesk_bench_load_{secrets.token_hex(4)}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@dataclass(frozen=True)
class DeskAccount:
    username: str
    cases: list[tuple[str, str]]  # (case id, a phone contact point id) the desk may record calls on


def seed(url: str, accounts: int, cases: int) -> list[DeskAccount]:
    """The demo portfolio plus `accounts` bench agents ("load0001"...), the demo's open cases
    dealt out among them (so each desk pulls and writes its own cases).

    A database seeded before (by an earlier run given the same --database-url) is used as it
    is when it has enough bench accounts: seeding costs minutes, a run only `--seconds`.
    One argon2 hash for all bench accounts: hashing costs tens of milliseconds by design,
    and these accounts exist only in a bench database.
    """
    db = prepare_database(url, seed=True, cases=cases)
    try:
        with db.transaction() as s:
            users = list(s.scalars(select(User).where(User.username.like("load%")).order_by(User.username)))
            if len(users) < accounts:
                users += _add_accounts(s, len(users), accounts - len(users))
                _deal(s, users)
            users = users[:accounts]
            ids = [u.id for u in users]
            held = s.execute(
                select(Case.assigned_agent_id, Case.id, func.min(ContactPoint.id))
                .join(ContactPoint, ContactPoint.case_id == Case.id)
                .where(Case.assigned_agent_id.in_(ids), Case.status == "open", ContactPoint.kind == "phone",
                       ContactPoint.owner == "debtor")
                .group_by(Case.assigned_agent_id, Case.id)).all()
            dealt: dict[str | None, list[tuple[str, str]]] = {u.id: [] for u in users}
            for agent_id, case_id, point_id in held:
                dealt[agent_id].append((case_id, point_id))
            return [DeskAccount(u.username, sorted(dealt[u.id])) for u in users]
    finally:
        db.dispose()


def _add_accounts(s: Session, have: int, more: int) -> list[User]:
    teams = list(s.scalars(select(Team.id).order_by(Team.name)))
    hashed = hash_password(PASSWORD)
    users = [User(id=new_id(), username=f"load{i + 1:04d}", display_name=f"压测坐席{i + 1}",
                  password_hash=hashed, role="agent", team_id=teams[i % len(teams)])
             for i in range(have, have + more)]
    s.add_all(users)
    s.flush()
    return users


def _deal(s: Session, users: list[User]) -> None:
    """The open cases round-robin to `users`, their documents rebuilt at commit."""
    open_cases = list(s.scalars(select(Case.id).where(Case.status == "open").order_by(Case.seq)))
    dealt: dict[str, list[str]] = {u.id: [] for u in users}
    for i, case_id in enumerate(open_cases):
        dealt[users[i % len(users)].id].append(case_id)
    for user in users:
        if dealt[user.id]:
            s.execute(update(Case).where(Case.id.in_(dealt[user.id]))
                      .values(assigned_agent_id=user.id, team_id=user.team_id))
    documents.mark_stale(s, open_cases)


def count_attempts(url: str, attempt_ids: set[str]) -> int:
    """How many of these attempts the database holds (each id once: the primary key)."""
    from agentdesk.server.db import Database

    db = Database(url)
    try:
        found = 0
        ids = sorted(attempt_ids)
        with db.transaction() as s:
            for start in range(0, len(ids), 1000):
                found += s.scalar(select(func.count()).select_from(ContactAttempt)
                                  .where(ContactAttempt.id.in_(ids[start:start + 1000]))) or 0
        return found
    finally:
        db.dispose()


# --- the server ---------------------------------------------------------------------------

@contextmanager
def running_server(url: str, workers: int) -> Iterator[str]:
    """`agentdesk-server serve --workers N` on a free loopback port, on the machine's clock."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != NOW_ENV}  # serve refuses a moved clock
    process = subprocess.Popen(
        [sys.executable, "-m", "agentdesk.server.cli", "--database-url", url, "serve", "--workers", str(workers),
         "--port", str(port), "--no-migrate", "--log-level", "warning"], cwd=ROOT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"the server exited with {process.returncode} before answering")
            try:
                if httpx.get(f"{base}/v1/ping", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("the server did not answer /v1/ping within 60 s")
            time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class CpuMeter:
    """CPU seconds used so far by the API processes serving `url` and by PostgreSQL's
    backends on its database, read from Linux's /proc (None elsewhere).

    Latencies on a machine shared with other work mostly measure the share of the cores the
    server got; CPU per request is what the server's own code costs, and it moves much less
    with the load. Backends that ended between two readings take their CPU with them, so
    the database's figure is a floor.
    """

    def __init__(self, url: str) -> None:
        from sqlalchemy.engine import make_url

        self.url, self.database = url, make_url(url).database or ""

    def read(self) -> tuple[float, float] | None:
        proc = Path("/proc")
        if not (proc / "self" / "stat").exists():
            return None
        tick = os.sysconf("SC_CLK_TCK")
        rows: list[tuple[int, int, str, float]] = []  # pid, parent pid, command line, CPU s
        for entry in proc.iterdir():
            if not entry.name.isdigit():
                continue
            try:
                cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # ended meanwhile
            rows.append((int(entry.name), int(fields[1]), cmdline, (int(fields[11]) + int(fields[12])) / tick))
        serving = {pid for pid, _ppid, cmd, _cpu in rows
                   if "agentdesk.server.cli" in cmd and " serve " in cmd and self.url in cmd}
        api = sum(cpu for pid, ppid, _cmd, cpu in rows if pid in serving or ppid in serving)
        db = sum(cpu for _pid, _ppid, cmd, cpu in rows
                 if cmd.startswith("postgres: ") and f" {self.database} " in f"{cmd} ")
        return api, db


def machine_busy() -> float | None:
    """CPU seconds the whole machine has spent busy since boot (all cores; /proc/stat), or None."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    except OSError:
        return None
    ticks = [int(f) for f in fields]
    return (sum(ticks[:8]) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")  # less idle and iowait


def cpu_used(meter: CpuMeter | None, before: tuple[float, float] | None) -> tuple[float, float] | None:
    after = meter.read() if meter is not None else None
    if before is None or after is None:
        return None
    return after[0] - before[0], after[1] - before[1]


# --- the desks ----------------------------------------------------------------------------

@dataclass
class Tally:
    """Everything the desks saw, on one event loop (no locks needed)."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: {"pull": [], "push": [], "ping": [],
                                                                       "login": []})
    errors: Counter[str] = field(default_factory=Counter)
    workers: Counter[str] = field(default_factory=Counter)
    applied: set[str] = field(default_factory=set)
    pushes_sent: int = 0
    pushes_answered: int = 0
    pokes: int = 0
    streams_open: int = 0
    changes_pulled: int = 0
    cpu: tuple[float, float] | None = None  # (API processes, PostgreSQL backends) CPU seconds: CpuMeter
    generator_cpu: float | None = None  # this process (the desks and the prober), CPU seconds
    machine_cpu: float | None = None  # every process on the machine, CPU seconds (machine_busy)
    storm: Tally | None = None  # every desk pulling at one instant, before the window (`pull_storm`)

    def requests(self) -> int:
        return sum(len(v) for v in self.latencies.values())


class ServerTime:
    """The server's clock, read once from /v1/info and carried on by time.monotonic(): the
    desks' attempts are stamped as the server sees time, whatever this process's clock says."""

    def __init__(self, at: datetime) -> None:
        self._at, self._mono = at, time.monotonic()

    def now(self) -> datetime:
        return self._at + timedelta(seconds=time.monotonic() - self._mono)


async def timed(http: httpx.AsyncClient, tally: Tally, kind: str, method: str, path: str,
                **kwargs: Any) -> httpx.Response | None:
    """One request; its latency under `kind` when it succeeded, else an error counted."""
    start = time.perf_counter()
    try:
        response = await http.request(method, path, **kwargs)
    except httpx.HTTPError as exc:
        tally.errors[f"{kind}: {type(exc).__name__}"] += 1
        return None
    elapsed = time.perf_counter() - start
    tally.workers[response.headers.get("x-agentdesk-worker", "?")] += 1
    if not response.is_success:
        tally.errors[f"{kind}: HTTP {response.status_code}"] += 1
        return None
    tally.latencies[kind].append(elapsed)
    return response


async def login(http: httpx.AsyncClient, tally: Tally, username: str) -> str | None:
    response = await timed(http, tally, "login", "POST", "/v1/auth/login",
                           json={"username": username, "password": PASSWORD})
    return None if response is None else str(response.json()["access_token"])


class Desk:
    """One workstation's sync traffic (agentdesk/client/sync.py's cycle, without the store)."""

    def __init__(self, account: DeskAccount, http: httpx.AsyncClient, tally: Tally, clock: ServerTime,
                 *, poll_seconds: float, push_seconds: float, rng: random.Random) -> None:
        self.account, self.http, self.tally, self.clock = account, http, tally, clock
        self.poll_seconds, self.push_seconds, self.rng = poll_seconds, push_seconds, rng
        self.headers: dict[str, str] = {}
        self.cursor: str | None = None
        self.wake = asyncio.Event()
        self.hello = asyncio.Event()
        self.listener: asyncio.Task[None] | None = None
        self.stream_id: str | None = None  # the hello's id, sent with each push (as SyncEngine does)

    async def start(self) -> bool:
        """Log in, open the event stream, wait for its hello (the first pull follows it)."""
        token = await login(self.http, self.tally, self.account.username)
        if token is None:
            return False
        self.headers = {"Authorization": f"Bearer {token}"}
        self.listener = asyncio.create_task(self.listen())
        # The first sync follows the stream's hello (the desktop pulls on start and again on
        # the hello; both come before the window). The wake is cleared first, as SyncEngine
        # clears it before a cycle: a hello left set would make every desk pull at the
        # window's first instant, 500 pulls in step (measured apart: `pull_storm`).
        try:
            await asyncio.wait_for(self.hello.wait(), 30)
        except TimeoutError:
            pass  # no stream: the desk still syncs, and the error is counted by `listen`
        self.wake.clear()
        await self.pull_all()
        return True

    async def cycles(self, stop_at: float) -> None:
        """Push-then-pull cycles until `stop_at`: woken by a poke, the timer or an outcome due."""
        # The first outcome and the first timer pull come after a random share of their
        # intervals, so desks do not push or poll in step: desks start their day minutes apart,
        # and here they all start at one instant. (All desks pulling at once is `pull_storm`.)
        next_push = time.monotonic() + self.rng.uniform(0, self.push_seconds)
        next_poll = time.monotonic() + self.rng.uniform(0, self.poll_seconds)
        while time.monotonic() < stop_at:
            timeout = max(0.0, min(next_push, next_poll, stop_at) - time.monotonic())
            try:
                await asyncio.wait_for(self.wake.wait(), timeout)
            except TimeoutError:
                pass
            now = time.monotonic()
            if now >= stop_at:
                break
            self.wake.clear()
            if now >= next_push and self.account.cases:
                await self.push_outcome()
                next_push = now + self.push_seconds * self.rng.uniform(0.5, 1.5)
            await self.pull_all()  # every cycle pulls: after a push, a poke or the timer
            next_poll = time.monotonic() + self.poll_seconds

    async def close(self) -> None:
        if self.listener is not None:
            self.listener.cancel()
            await asyncio.gather(self.listener, return_exceptions=True)

    async def listen(self) -> None:
        """GET /v1/events; a hello or poke wakes the cycle (as SyncEngine._listen does)."""
        try:
            async with self.http.stream("GET", "/v1/events", headers={**self.headers, "Accept": "text/event-stream"},
                                        timeout=httpx.Timeout(10, read=None)) as response:
                self.tally.workers[response.headers.get("x-agentdesk-worker", "?")] += 1
                if not response.is_success:
                    self.tally.errors[f"events: HTTP {response.status_code}"] += 1
                    return
                self.tally.streams_open += 1
                frames = EventFrames()
                async for line in response.aiter_lines():
                    name, data = frames.feed(line) or ("", "")
                    if name == "hello":
                        self.stream_id = hello_stream_id(data)
                    if name in ("poke", "hello"):
                        self.tally.pokes += name == "poke"
                        self.hello.set()
                        self.wake.set()
            self.tally.errors["events: stream ended by the server"] += 1
        except httpx.HTTPError as exc:
            self.tally.errors[f"events: {type(exc).__name__}"] += 1

    async def pull_all(self) -> None:
        while True:
            params: dict[str, Any] = {"limit": PULL_PAGE, **({"cursor": self.cursor} if self.cursor else {})}
            response = await timed(self.http, self.tally, "pull", "GET", "/v1/sync/pull", params=params,
                                   headers={**self.headers, "Accept": PULL_ACCEPT})
            if response is None:
                return
            page = parse_pull_lines(response.content)
            self.tally.changes_pulled += len(page.changes)
            self.cursor = page.cursor
            if not page.has_more:
                return

    async def push_outcome(self) -> None:
        """A call nobody answered, recorded like the desk's outbox pushes it (attempt.record)."""
        case_id, point_id = self.rng.choice(self.account.cases)
        ended = self.clock.now() - timedelta(seconds=5)
        attempt_id = str(uuid.uuid4())
        mutation = {"id": str(uuid.uuid4()), "type": "attempt.record", "payload": {
            "attempt_id": attempt_id, "case_id": case_id, "contact_point_id": point_id, "channel": "call",
            "started_at": (ended - timedelta(seconds=40)).isoformat(), "ended_at": ended.isoformat(),
            "reached": "nobody", "outcome": "no_answer", "note": "压测：无人接听"}}
        self.tally.pushes_sent += 1
        # The cycle pulls right after, so the push names this desk's stream: no poke back to it.
        own = {contract.EVENT_STREAM_HEADER: self.stream_id} if self.stream_id else {}
        response = await timed(self.http, self.tally, "push", "POST", "/v1/sync/push",
                               json={"mutations": [mutation]}, headers={**self.headers, **own})
        if response is None:
            return
        self.tally.pushes_answered += 1
        result = response.json()["results"][0]
        if result["status"] == "applied":
            self.tally.applied.add(attempt_id)
        else:
            self.tally.errors[f"push: {result['status']} ({result.get('reason') or ''})"[:120]] += 1


async def ping_probe(http: httpx.AsyncClient, tally: Tally, stop_at: float) -> None:
    while time.monotonic() < stop_at:
        await timed(http, tally, "ping", "GET", "/v1/ping")
        await asyncio.sleep(PING_EVERY)


def _client(base: str, tls: ssl.SSLContext) -> httpx.AsyncClient:
    """A desk's own HTTP client (as each desktop has): its request connection and its stream.

    One client shared by hundreds of desks would measure httpcore instead of the server: its
    pool scans every connection for every request (O(desks) per request; 500 desks on one
    pool spent the bench's whole core there). `tls` is one context for all (loopback is
    plain HTTP, but each client would otherwise build its own)."""
    return httpx.AsyncClient(base_url=base, timeout=httpx.Timeout(30.0), verify=tls)


async def run_desks(base: str, accounts: list[DeskAccount], seconds: float, *, poll_seconds: float = 5.0,
                    push_seconds: float = 20.0, seed_value: int = 2026,
                    meter: CpuMeter | None = None) -> tuple[Tally, float]:
    """All desks log in and open their streams, then run `seconds`; only that window is measured.

    Returns the tally and the measured window's length.
    """
    warmup, tally = Tally(), Tally()
    tls = ssl.create_default_context()
    async with AsyncExitStack() as clients:
        http = await clients.enter_async_context(_client(base, tls))  # /v1/info and the ping probe
        info = (await http.get("/v1/info")).json()
        clock = ServerTime(datetime.fromisoformat(info["server_time"]))
        rng = random.Random(seed_value)
        desks = [Desk(a, await clients.enter_async_context(_client(base, tls)), warmup, clock,
                      poll_seconds=poll_seconds, push_seconds=push_seconds, rng=random.Random(rng.random()))
                 for a in accounts]
        try:
            # Logged in, first pull done, streams opening: then the window starts (logins are the storm's figure).
            # In waves of STARTING desks: 500 logins at one instant are a storm of their own
            # (measured apart, `login_storm`), and on a busy machine they all finish past the
            # desks' 30 s timeout together, so the window would start with no desk up.
            starting = asyncio.Semaphore(STARTING)

            async def start(desk: Desk) -> bool:
                async with starting:
                    return await desk.start()

            up = await asyncio.gather(*(start(d) for d in desks))
            running = [d for d, ok in zip(desks, up, strict=True) if ok]
            tally.storm = await pull_storm(running)
            print(f"  {sum(up)} of {len(desks)} desks logged in and synced; the window starts", flush=True)
            tally.errors.update(warmup.errors)
            for d in desks:
                d.tally = tally
            begin = time.monotonic()
            stop_at = begin + seconds
            cpu_before = meter.read() if meter is not None else None
            generator_before = time.process_time()
            machine_before = machine_busy()
            await asyncio.gather(ping_probe(http, tally, stop_at),
                                 *(d.cycles(stop_at) for d, ok in zip(desks, up, strict=True) if ok))
            window = time.monotonic() - begin
            tally.generator_cpu = time.process_time() - generator_before
            machine_after = machine_busy()
            if machine_before is not None and machine_after is not None:
                tally.machine_cpu = machine_after - machine_before
            tally.cpu = cpu_used(meter, cpu_before)
            tally.streams_open = warmup.streams_open + tally.streams_open
            tally.pokes += warmup.pokes
        finally:
            await asyncio.gather(*(d.close() for d in desks))
        return tally, window


async def pull_storm(desks: list[Desk]) -> Tally:
    """Every desk pulls at the same instant (a barrier), as after a poke to everyone or when
    the timers of desks started together fall in step: the burst's own figure, apart from the
    window's steady traffic. Their cursors are current, so each pull is the idle one."""
    storm = Tally()
    barrier = asyncio.Barrier(len(desks) or 1)

    async def one(desk: Desk) -> None:
        desk.tally = storm
        await barrier.wait()
        await desk.pull_all()

    await asyncio.gather(*(one(d) for d in desks))
    return storm


async def login_storm(base: str, accounts: list[DeskAccount], meter: CpuMeter | None = None) -> Tally:
    """Every account logs in at the same instant (a barrier), each on its own connection."""
    tally = Tally()
    barrier = asyncio.Barrier(len(accounts))
    tls = ssl.create_default_context()
    async with AsyncExitStack() as clients:
        https = [await clients.enter_async_context(_client(base, tls)) for _ in accounts]
        for http in https:  # connected before the barrier: the storm is of logins, not of TCP handshakes
            await timed(http, tally, "ping", "GET", "/v1/ping")

        async def one(http: httpx.AsyncClient, account: DeskAccount) -> None:
            await barrier.wait()
            await login(http, tally, account.username)

        cpu_before = meter.read() if meter is not None else None
        await asyncio.gather(*(one(h, a) for h, a in zip(https, accounts, strict=True)))
        tally.cpu = cpu_used(meter, cpu_before)
    return tally


# --- figures ------------------------------------------------------------------------------

def percentiles(values: list[float]) -> tuple[float, float]:
    """p50 and p99 in milliseconds (nan when nothing was measured)."""
    if len(values) < 2:
        return (values[0] * 1000, values[0] * 1000) if values else (float("nan"), float("nan"))
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return cuts[49] * 1000, cuts[98] * 1000


def describe(kind: str, values: list[float]) -> str:
    p50, p99 = percentiles(values)
    return f"{kind:6} n={len(values):6,}  p50 {p50:8.1f} ms  p99 {p99:8.1f} ms"


def describe_cpu(cpu: tuple[float, float] | None, requests: int, what: str) -> str:
    """The server's CPU in a measured stretch, whole and per answered request."""
    if cpu is None or not requests:
        return "server CPU: not measured (Linux /proc only)"
    api, db = cpu
    return (f"server CPU: API processes {api:.1f} s, PostgreSQL {db:.1f} s; per {what}: "
            f"{api / requests * 1000:.1f} + {db / requests * 1000:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--desks", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0, help="the measured window, after all desks are up")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--logins", type=int, default=100, help="desks in the login storm (0: none)")
    parser.add_argument("--poll-seconds", type=float, default=5.0,
                        help="the desks' polling timer (the desktop: 30 s, 120 s with a live stream; 5 s is harsher)")
    parser.add_argument("--push-seconds", type=float, default=20.0, help="mean time between a desk's outcomes")
    parser.add_argument("--cases", type=int, default=2400,
                        help="demo cases to seed (dealt out among the desks)")
    parser.add_argument("--database-url", help="a fresh PostgreSQL database; default a throwaway one on "
                                                "127.0.0.1:55432")
    args = parser.parse_args()
    accounts_needed = max(args.desks, args.logins)
    cases = args.cases
    if args.database_url:
        report(args, args.database_url, accounts_needed, cases)
    else:
        with throwaway_database(DEFAULT_SERVER) as url:
            report(args, url, accounts_needed, cases)


def report(args: argparse.Namespace, url: str, accounts_needed: int, cases: int) -> None:
    t0 = time.monotonic()
    accounts = seed(url, accounts_needed, cases)
    print(f"seeded {cases:,} cases, {len(accounts)} bench accounts in {time.monotonic() - t0:.1f} s")
    meter = CpuMeter(url)
    with running_server(url, args.workers) as base:
        if args.logins:
            storm = asyncio.run(login_storm(base, accounts[:args.logins], meter))
            print(f"login storm: {args.logins} desks at one instant, --workers {args.workers}")
            print("  " + describe("login", storm.latencies["login"]) + f"  errors {sum(storm.errors.values())}")
            print("  " + describe_cpu(storm.cpu, len(storm.latencies["login"]), "login"))
            for what, n in storm.errors.most_common():
                print(f"    {n} × {what}")
        if args.desks:
            tally, window = asyncio.run(run_desks(base, accounts[:args.desks], args.seconds,
                                                  poll_seconds=args.poll_seconds, push_seconds=args.push_seconds,
                                                  meter=meter))
            print_load(args, tally, window, count_attempts(url, tally.applied))


def print_load(args: argparse.Namespace, tally: Tally, window: float, stored: int) -> None:
    print(f"load: {args.desks} desks, {window:.0f} s, --workers {args.workers}, poll every {args.poll_seconds:g} s, "
          f"an outcome every ~{args.push_seconds:g} s per desk")
    print(f"  throughput {tally.requests() / window:,.0f} requests/s "
          f"({tally.changes_pulled:,} changes pulled, {tally.pokes:,} pokes heard)")
    pulls, pushes = len(tally.latencies["pull"]), len(tally.latencies["push"])
    print(f"  pulls per push {pulls / max(pushes, 1):.2f} ({pulls:,} pulls, {pushes:,} pushes)")
    for kind in ("pull", "push", "ping"):
        print("  " + describe(kind, tally.latencies[kind]) + ("   <- baseline, no database" if kind == "ping" else ""))
    print("  " + describe_cpu(tally.cpu, tally.requests() - len(tally.latencies["ping"]), "request (pings aside)"))
    if tally.generator_cpu is not None:
        # The desks share the 2 cores with the server: what they cost is CPU the server did not get.
        print(f"  load generator (this process) CPU: {tally.generator_cpu:.1f} s, "
              f"{tally.generator_cpu / window * 100:.0f}% of one core; "
              f"{tally.generator_cpu / max(tally.requests(), 1) * 1000:.1f} ms per request")
    if tally.machine_cpu is not None and tally.cpu is not None and tally.generator_cpu is not None:
        # The latencies are queueing: when the cores are all busy, requests wait their turn.
        ours = sum(tally.cpu) + tally.generator_cpu
        print(f"  the machine's {os.cpu_count()} cores: busy {tally.machine_cpu / window * 100:.0f}% of one core "
              f"in all; the server, PostgreSQL and this process {ours / window * 100:.0f}%, "
              f"other processes {max(tally.machine_cpu - ours, 0) / window * 100:.0f}%")
    if tally.storm is not None:
        storm = tally.storm
        print(f"  pull storm before the window: {len(storm.latencies['pull'])} desks at one instant: "
              + describe("pull", storm.latencies["pull"]).strip() + f"  errors {sum(storm.errors.values())}")
    print(f"  event streams open: {tally.streams_open} of {args.desks}")
    print(f"  errors {sum(tally.errors.values())}")
    for what, n in tally.errors.most_common():
        print(f"    {n} × {what}")
    print(f"  outcomes: {tally.pushes_sent} pushed, {tally.pushes_sent - tally.pushes_answered} unanswered, "
          f"{len(tally.applied)} applied, {len(tally.applied) - stored} lost (applied but not in the database)")
    print("  worker spread: " + ", ".join(f"{w} {n:,}" for w, n in tally.workers.most_common()))


if __name__ == "__main__":
    main()
