"""Pokes: tell connected clients "pull now" over server-sent events.

The hub lives in one API process. Writes made in a worker thread call `poke()`, which
hands the event to each matching subscriber's asyncio queue on the event loop. Across
several API processes on PostgreSQL the same poke is relayed through LISTEN/NOTIFY
(see `pg_relay`), so an agent connected to process B hears of a reassignment made in A.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
import threading
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 15.0


@dataclass(frozen=True)
class Skip:
    """The stream a push named as its desk's own, and who pushed (`EventHub.poke`)."""

    stream_id: str
    user_id: str


@dataclass(eq=False)
class Subscriber:
    user_id: str
    team_id: str | None
    role: str
    loop: asyncio.AbstractEventLoop
    queue: asyncio.Queue[str] = field(default_factory=lambda: asyncio.Queue(maxsize=100))
    # Sent in the hello; a push naming it is not poked back to this stream (`EventHub.poke`).
    # Unguessable, so one desk cannot silence another's stream.
    stream_id: str = field(default_factory=lambda: secrets.token_urlsafe(12))

    def wants(self, agents: set[str], teams: set[str]) -> bool:
        if self.role == "admin":
            return True
        if self.role == "lead":
            return self.team_id in teams
        return self.user_id in agents


class EventHub:
    def __init__(self) -> None:
        self._subs: set[Subscriber] = set()
        self._lock = threading.Lock()
        self.closing = False

    def subscribe(self, user_id: str, team_id: str | None, role: str) -> Subscriber:
        sub = Subscriber(user_id, team_id, role, asyncio.get_running_loop())
        with self._lock:
            self._subs.add(sub)
        return sub

    def unsubscribe(self, sub: Subscriber) -> None:
        with self._lock:
            self._subs.discard(sub)

    def close(self) -> None:
        """End every stream now (thread-safe): a stopping server's graceful wait is short,
        and a stream that noticed only at its next one-second check could outlast it,
        leaving the client's connection open with nobody serving it."""
        self.closing = True
        with self._lock:
            subs = list(self._subs)
        for sub in subs:
            try:
                sub.loop.call_soon_threadsafe(_offer, sub.queue, "")
            except RuntimeError:  # loop already closed
                pass

    @property
    def subscriber_count(self) -> int:
        with self._lock:
            return len(self._subs)

    def poke(self, agents: Iterable[str | None] = (), teams: Iterable[str | None] = (),
             skip: Skip | None = None) -> None:
        """Thread-safe: may be called from request worker threads.

        `skip`: the stream of the desk whose push this is. That desk pulls right after its
        push, and the pull already holds all the push changed; a poke would only make it
        pull again, for nothing (a quarter of all pulls at 500 desks). Its other streams (the
        same agent on another device, the lead's console) are poked as before. Only a stream
        of the pushing user is skipped: a named stream of anyone else (a leaked or made-up
        id) is poked like every other."""
        agent_set = {a for a in agents if a}
        team_set = {t for t in teams if t}
        message = json.dumps({"pull": True})
        with self._lock:
            targets = [s for s in self._subs if not _skipped(s, skip) and s.wants(agent_set, team_set)]
        for sub in targets:
            try:
                sub.loop.call_soon_threadsafe(_offer, sub.queue, message)
            except RuntimeError:  # loop already closed: the subscriber is gone
                self.unsubscribe(sub)

    async def stream(self, sub: Subscriber) -> AsyncIterator[str]:
        yield f"event: hello\ndata: {json.dumps({'stream': sub.stream_id})}\n\n"
        try:
            # A stream wakes for a poke, a heartbeat or `close()`, which offers every queue a
            # message (a stream subscribed after that sees `closing` before it waits). It used
            # to wake every second to look at `closing` as well: 500 open streams were 500
            # timeouts a second on two event loops, for nothing.
            while not self.closing:
                try:
                    message = await asyncio.wait_for(sub.queue.get(), timeout=HEARTBEAT_SECONDS)
                except TimeoutError:
                    yield ": keep-alive\n\n"
                    continue
                if self.closing:
                    break
                yield f"event: poke\ndata: {message}\n\n"
        finally:
            self.unsubscribe(sub)


def _offer(queue: asyncio.Queue[str], message: str) -> None:
    if queue.full():
        return  # a poke is already waiting; one more adds nothing
    queue.put_nowait(message)


CHANNEL = "agentdesk_poke"


class PgRelay:
    """Carry pokes between API processes through PostgreSQL LISTEN/NOTIFY.

    `publish` sends a NOTIFY on the shared database; every process (this one included)
    runs a listener thread that hands what it hears to its own hub. No broker of our own.
    """

    def __init__(self, dsn: str, hub: EventHub) -> None:
        self.dsn = dsn
        self.hub = hub
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._publish_lock = threading.Lock()
        self._publisher: object | None = None
        self.listening = threading.Event()

    def start(self) -> None:
        self._thread = threading.Thread(target=self._listen, name="agentdesk-pg-relay", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(timeout=5)
        with self._publish_lock:
            if self._publisher is not None:
                self._publisher.close()  # type: ignore[attr-defined]
                self._publisher = None

    def publish(self, agents: Iterable[str | None], teams: Iterable[str | None], skip: Skip | None = None) -> None:
        import psycopg

        body: dict[str, object] = {"agents": sorted(a for a in agents if a), "teams": sorted(t for t in teams if t)}
        if skip:
            # Stream ids are unique across processes: whichever holds it skips it.
            body["skip"], body["skip_user"] = skip.stream_id, skip.user_id
        message = json.dumps(body)
        with self._publish_lock:
            for attempt in range(2):
                try:
                    if self._publisher is None:
                        self._publisher = psycopg.connect(self.dsn, autocommit=True)
                    self._publisher.execute("SELECT pg_notify(%s, %s)", (CHANNEL, message))  # type: ignore[attr-defined]
                    return
                except psycopg.OperationalError:
                    self._publisher = None
                    if attempt:
                        raise

    def _listen(self) -> None:
        import psycopg

        while not self._stop.is_set():
            try:
                with psycopg.connect(self.dsn, autocommit=True) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self.listening.set()
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=1.0):
                            body = json.loads(note.payload)
                            self.hub.poke(body.get("agents", ()), body.get("teams", ()), _relayed_skip(body))
            except psycopg.OperationalError:
                self.listening.clear()
                log.warning("poke relay lost its PostgreSQL connection; reconnecting")
                self._stop.wait(2.0)


def _skipped(sub: Subscriber, skip: Skip | None) -> bool:
    return skip is not None and sub.stream_id == skip.stream_id and sub.user_id == skip.user_id


def _relayed_skip(body: dict[str, object]) -> Skip | None:
    stream, user = body.get("skip"), body.get("skip_user")
    return Skip(stream, user) if isinstance(stream, str) and isinstance(user, str) else None
