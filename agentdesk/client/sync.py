"""The sync engine: push the outbox in order, pull changes, listen for pokes. No Qt.

One worker thread does push-then-pull cycles: when woken by a local write, by a poke
from /v1/events, or by the polling timer (the fallback when events cannot get through).
The cycle also asks for the rules in force (GET /v1/rules with the stored version as
ETag, so an unchanged answer is an empty 304) and keeps them in the local store: on the
first cycle, on an explicit sync, after any poke (a lead's strategy change pokes
everyone), and on every cycle while the event stream is down and pokes cannot arrive.
Failures back off exponentially with jitter and nothing is lost: the outbox is only
cleared for mutations the server answered. Listeners are plain callables, called on the
worker thread; the desktop turns them into Qt signals.
"""

from __future__ import annotations

import itertools
import logging
import queue
import random
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from agentdesk import contract
from agentdesk.client import history
from agentdesk.client import rules as rules_mod
from agentdesk.client.api import ApiClient, PulledPage, hello_stream_id
from agentdesk.client.errors import ClientError, ClientTooOld, ServerError, ServerHistoryChanged, SessionExpired
from agentdesk.client.store import LocalStore
from agentdesk.client.views import SyncStatus
from agentdesk.clock import PROCESS, Clock

log = logging.getLogger(__name__)

PUSH_BATCH = 100
PULL_PAGE = 1000  # fastest of 500/1,000/2,000 in bench_first_sync; a page commits in ~33 ms
PULL_AHEAD = 4  # pages fetched ahead of the ones being written
PULL_BATCH = 5  # pages at most in one local transaction
POLL_SECONDS = 30.0  # polling while the event stream is down; four times that while it is up
MAX_BACKOFF = 60.0
# While saved outcomes wait in the outbox the retries stay close together: after a long
# outage an agent's work should reach the server within seconds of its return, not a minute.
PENDING_BACKOFF = 15.0
CONNECT_SETTLE_SECONDS = 0.25
# The state of a session the server refused to renew (SyncStatus.state); see client/relogin.py.
SESSION_ENDED = "session_ended"


@dataclass(frozen=True)
class ChangeSet:
    """Case ids a sync touched: views refresh only these. `rules`: the compliance preset or
    the queue strategy changed, so every case's place and verdict may have moved."""

    upserted: frozenset[str]
    removed: frozenset[str]
    rules: bool = False

    def __bool__(self) -> bool:
        return bool(self.upserted or self.removed or self.rules)


def backoff_delay(failures: int, rng: random.Random | None = None, cap: float = MAX_BACKOFF) -> float:
    """Exponential backoff with full jitter, capped: many desktops must not retry in step."""
    rng = rng or random.Random()
    ceiling = min(cap, 1.0 * (2 ** min(failures, 10)))
    return rng.uniform(ceiling / 2, ceiling)


class SyncEngine:
    """Push-then-pull cycles on one worker thread, woken by local writes, pokes and a timer.

    `max_backoff` caps the wait between failed cycles (tests shorten it); `poll_seconds` is
    the fallback polling period while the event stream is down.
    """

    def __init__(self, api: ApiClient, store: LocalStore, *, poll_seconds: float = POLL_SECONDS,
                 max_backoff: float = MAX_BACKOFF, clock: Clock = PROCESS) -> None:
        self.api = api
        self.clock = clock
        self.store = store
        self.poll_seconds = poll_seconds
        self.max_backoff = max_backoff
        self._status_listeners: list[Callable[[SyncStatus], None]] = []
        self._change_listeners: list[Callable[[ChangeSet], None]] = []
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._cycle_lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._state = "offline"
        self._last_error: str | None = None
        self._failures = 0
        self.events_connected = threading.Event()  # set while /v1/events is streaming
        # The open stream's id (its hello's `stream`), sent with each push: the cycle pulls right
        # after its push, so the server need not poke this stream for it (EventHub.poke).
        self._stream_id: str | None = None
        self._cycle_tried = threading.Event()  # the worker's first cycle has ended (either way)
        self._rules_due = threading.Event()  # the rules may have changed: ask at the next cycle
        self._rules_due.set()
        self._server_back = threading.Event()  # a cycle got through while the stream was down
        self._closing = threading.Event()  # set while `stop()` waits for the threads
        last = store.get_meta("last_sync_at")
        self._last_sync_at = datetime.fromisoformat(last) if last else None

    # --- listeners -----------------------------------------------------------------------

    def add_status_listener(self, fn: Callable[[SyncStatus], None]) -> None:
        self._status_listeners.append(fn)

    def add_change_listener(self, fn: Callable[[ChangeSet], None]) -> None:
        self._change_listeners.append(fn)

    def status(self) -> SyncStatus:
        pending, rejected = self.store.outbox_counts()
        return SyncStatus(self._state, pending, rejected, self._last_sync_at, self._last_error)

    def _set_state(self, state: str, error: str | None = None) -> None:
        self._state = state
        self._last_error = error
        self.emit_status()

    def emit_status(self) -> None:
        status = self.status()
        for fn in list(self._status_listeners):
            try:
                fn(status)
            except Exception:  # a listener's bug must not stop sync; it is logged, not hidden
                log.exception("status listener failed")

    def _emit_changes(self, changes: ChangeSet) -> None:
        if not changes:
            return
        for fn in list(self._change_listeners):
            try:
                fn(changes)
            except Exception:
                log.exception("change listener failed")

    # --- one cycle -----------------------------------------------------------------------

    def sync_once(self, *, check_rules: bool = False) -> ChangeSet:
        """Push everything pending, then pull everything new. Raises ClientError on failure.

        `check_rules` asks for the rules in force even without a poke (an explicit sync).
        A failure leaves the state "offline" with the error's sentence, whoever called.
        """
        if check_rules:
            self._rules_due.set()
        with self._cycle_lock:
            self._set_state("syncing", self._last_error)
            try:
                self._push_all()
                try:
                    changes = self._pull_all()
                except ServerHistoryChanged:  # restored or swapped server (client/history.py)
                    self._rules_due.set()
                    upserted, removed = history.pull_again(self.store, self._pulled_ids)
                    changes = ChangeSet(upserted, removed, rules=True)
                if self._rules_due.is_set() and self._refresh_rules():
                    changes = ChangeSet(changes.upserted, changes.removed, rules=True)
                self.store.forget_applied()
            except SessionExpired as exc:
                # Typed, not "offline": retrying cannot help until the agent signs in again
                # (client/relogin.py); the outbox waits meanwhile.
                self._set_state(SESSION_ENDED, str(exc))
                raise
            except ClientError as exc:
                self._set_state("offline", str(exc))
                raise
            except Exception as exc:
                self._set_state("offline", f"unexpected error: {type(exc).__name__}")
                raise
            self._last_sync_at = self.clock.now()
            self.store.set_meta("last_sync_at", self._last_sync_at.isoformat())
            self._set_state("online")
            if not self.events_connected.is_set():
                self._server_back.set()  # the server answers: the stream need not wait out its backoff
        self._emit_changes(changes)
        return changes

    def _push_all(self) -> None:
        while True:
            batch = self.store.pending(PUSH_BATCH)
            if not batch:
                return
            mutations = [
                contract.Mutation(id=uuid.UUID(row.id), type=row.type, payload=row.payload)  # type: ignore[arg-type]
                for row in batch
            ]
            self.store.note_try([row.id for row in batch])
            # Only a push followed by this cycle's pull may name the stream: `sync_once` pulls.
            response = self.api.push(mutations, own_stream=self._stream_id)
            self.store.settle({str(r.id): (r.status, r.reason) for r in response.results})
            self.emit_status()
            if len(batch) < PUSH_BATCH:
                return

    def _pulled_ids(self) -> tuple[frozenset[str], frozenset[str]]:
        changes = self._pull_all()
        return changes.upserted, changes.removed

    def _pull_all(self) -> ChangeSet:
        """Pull pages until the server has no more, fetching ahead while applying.

        The cursor of page n+1 is known as soon as page n arrives, so a fetching thread
        keeps up to `PULL_AHEAD` pages waiting while this thread writes: the server builds
        and sends pages while the store encrypts and commits, and a first sync costs about
        the larger of the two, not their sum. Pages commit with the cursor of the last of
        them, so an interruption resumes from the last applied page.
        """
        upserted: set[str] = set()
        removed: set[str] = set()
        pages: queue.Queue[PulledPage | BaseException] = queue.Queue(maxsize=PULL_AHEAD)
        stop = threading.Event()

        def offer(item: PulledPage | BaseException) -> bool:
            while not stop.is_set():
                try:
                    pages.put(item, timeout=0.2)
                    return True
                except queue.Full:
                    continue
            return False

        def fetch(cursor: str | None) -> None:
            try:
                while True:
                    page = self.api.pull(cursor, PULL_PAGE)
                    if not offer(page) or not page.has_more:
                        return
                    cursor = page.cursor
            except BaseException as exc:  # handed to the applying thread, which raises it
                offer(exc)

        fetcher = threading.Thread(target=fetch, args=(self.store.cursor,), name="agentdesk-pull", daemon=True)
        fetcher.start()
        try:
            done = False
            while not done:
                # The page, with any already fetched behind it (never waiting for more), in one
                # transaction: each commit rewrites every index page its inserts touched, and
                # case ids are random, so per-page commits rewrote the whole id index each time
                # (per-page cost grew with the store: 25 -> 74 ms at 100,000 cases).
                batch = [pages.get()]
                while (len(batch) < PULL_BATCH and not isinstance(batch[-1], BaseException)
                       and batch[-1].has_more):
                    try:
                        batch.append(pages.get_nowait())
                    except queue.Empty:
                        break
                failure = next((item for item in batch if isinstance(item, BaseException)), None)
                ready = [item for item in batch if not isinstance(item, BaseException)]
                if ready:
                    applied = self.store.apply_changes(
                        itertools.chain.from_iterable(page.changes for page in ready), ready[-1].cursor)
                    upserted = (upserted - applied.removed) | applied.upserted
                    removed = (removed - applied.upserted) | applied.removed
                    done = not ready[-1].has_more
                if failure is not None:
                    raise failure
                if self._closing.is_set():
                    break  # `stop()` waits: what is applied stays, the rest comes next time
        finally:
            # The fetcher ends by itself: after the last page, or at its next page once it
            # sees `stop` (an apply failed, the program is closing); a late page is dropped,
            # never applied. A moment's wait lets it end before the store may be closed.
            stop.set()
            fetcher.join(timeout=1.0)
        return ChangeSet(frozenset(upserted), frozenset(removed))

    def _refresh_rules(self) -> bool:
        """Fetch the rules if the server has others than the stored ones; True if they changed.

        A server without /v1/rules (older than this client) leaves the stored rules or the
        defaults in force; other failures fail the cycle and the next one asks again.
        """
        known = rules_mod.stored(self.store)
        self._rules_due.clear()
        try:
            fresh = self.api.rules(known.version if known else None)
        except ServerError as exc:
            if exc.status != 404:
                self._rules_due.set()
                raise
            log.info("the server does not distribute rules; the stored or default ones stay in force")
            return False
        except BaseException:
            self._rules_due.set()
            raise
        if fresh is None or (known is not None and fresh.version == known.version):
            return False
        rules_mod.save(self.store, fresh)
        log.info("rules in force changed: version %s", fresh.version)
        return True

    def adopt_rules(self, rules: contract.Rules) -> None:
        """Rules this desk just saved (a lead's strategy change): store and announce them now,
        without waiting for the poke to come back."""
        known = rules_mod.stored(self.store)
        if known is not None and known.version == rules.version:
            return
        rules_mod.save(self.store, rules)
        self._emit_changes(ChangeSet(frozenset(), frozenset(), rules=True))

    def self_check(self) -> bool:
        """Compare case counts with the server; on a mismatch the next pull is a full one."""
        expected = self.api.counts().get("case", 0)
        if expected != self.store.case_count():
            log.warning("replica holds %s cases, server scope %s: full resync", self.store.case_count(), expected)
            self.store.reset_replica()
            return False
        return True

    # --- background ----------------------------------------------------------------------

    def nudge(self) -> None:
        """A local write happened (or a poke came): sync soon."""
        self.emit_status()
        self._wake.set()

    @property
    def running(self) -> bool:
        return bool(self._threads)

    def start(self) -> None:
        if self._threads:
            return
        self._stop.clear()
        self._cycle_tried.clear()
        for target, name in ((self._run, "agentdesk-sync"), (self._listen, "agentdesk-events")):
            thread = threading.Thread(target=target, name=name, daemon=True)
            thread.start()
            self._threads.append(thread)
        self._wake.set()

    def stop(self) -> None:
        """Stop both threads promptly: the event stream is cut rather than waited out."""
        self._stop.set()
        self._closing.set()
        self._wake.set()
        self._server_back.set()
        self.api.close_events()
        for thread in self._threads:
            thread.join(timeout=5)
            if thread.is_alive():
                log.warning("%s did not stop within 5 s", thread.name)
        self._threads.clear()
        self._closing.clear()  # a later explicit sync (a last push at logout) runs whole

    def _run(self) -> None:
        rng = random.Random()
        cycles = 0
        while not self._stop.is_set():
            # Cleared before the cycle: a wake during the cycle (a write, a poke) runs another one.
            self._wake.clear()
            if not self.events_connected.is_set():
                self._rules_due.set()  # no pokes can arrive: ask each time instead
            try:
                self.sync_once()
                cycles += 1
                if cycles % 20 == 1:
                    with self._cycle_lock:
                        self.self_check()
                if cycles % 20 == 0:
                    self._rules_due.set()  # now and then, in case a poke was missed
                self._failures = 0
                # With a live event stream pokes do the work and polling is only a safety net.
                delay = self.poll_seconds * (4 if self.events_connected.is_set() else 1)
            except (ClientTooOld, SessionExpired):
                # Retrying cannot help: the state already says why (update / log in again).
                delay = self.max_backoff
            except ClientError:
                self._failures += 1
                delay = backoff_delay(self._failures, rng, self.retry_cap())
            except Exception:  # a bug: keep the outbox, show it, retry later
                log.exception("sync cycle failed")
                self._failures += 1
                delay = backoff_delay(self._failures, rng, self.max_backoff)
            self._cycle_tried.set()
            if self._stop.is_set():
                return
            self._wake.wait(delay)

    def retry_cap(self) -> float:
        """The longest wait between failed cycles: shorter while writes wait to be sent."""
        try:
            waiting = self.store.outbox_counts()[0]
        except Exception:  # the store is closing: the longer wait does no harm
            waiting = 0
        return min(self.max_backoff, PENDING_BACKOFF) if waiting else self.max_backoff

    def _settle_before_connecting(self) -> None:
        """Wait for a running cycle to end, then a moment for the server to commit it.

        The server's /v1/events handler reads the database on its event loop; on SQLite it
        can then stall the whole server behind a transaction whose commit is still queued on
        that same loop, until the 30 s busy timeout (reported to the server's owner). Not
        opening the stream on the heels of our own requests avoids it in practice.
        """
        with self._cycle_lock:
            pass
        self._stop.wait(CONNECT_SETTLE_SECONDS)

    def _listen(self) -> None:
        """Keep /v1/events open; every poke (and each reconnect's hello) wakes the worker.

        A hello after a reconnect matters: pokes sent while the stream was down are lost,
        so reconnecting is itself a reason to pull.

        The stream opens after the worker's first cycle, outside any cycle (see
        `_settle_before_connecting`); the hello syncs again anyway.
        """
        failures = 0
        rng = random.Random()
        while not self._cycle_tried.wait(0.2):
            if self._stop.is_set():
                return
        while not self._stop.is_set():
            try:
                self._settle_before_connecting()
                for event_name, data in self.api.events(self._stop):
                    failures = 0
                    if event_name == "hello":
                        self._stream_id = hello_stream_id(data)
                        self.events_connected.set()
                    if event_name in ("poke", "hello"):
                        # A poke may be a strategy change; a hello follows a gap in which
                        # pokes were lost. Either way the next cycle asks for the rules too.
                        self._rules_due.set()
                        self._wake.set()
            except ClientError as exc:
                log.debug("event stream: %s", type(exc).__name__)
            except Exception:
                log.exception("event stream failed")
            self._stream_id = None
            self.events_connected.clear()
            # Cleared before the stop check: `stop()` sets both, and must not be missed.
            self._server_back.clear()
            if self._stop.is_set():
                return
            failures += 1
            # Backing off, unless a sync cycle gets through first (the server is back after
            # an outage that grew the backoff): then reconnect at once, so pokes flow again.
            self._server_back.wait(backoff_delay(failures, rng, self.max_backoff))

