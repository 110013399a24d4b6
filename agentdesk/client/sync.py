"""The sync engine: push the outbox in order, pull changes, listen for pokes. No Qt.

One worker thread does push-then-pull cycles: when woken by a local write, by a poke
from /v1/events, or by the polling timer (the fallback when events cannot get through).
Failures back off exponentially with jitter and nothing is lost: the outbox is only
cleared for mutations the server answered. Listeners are plain callables, called on the
worker thread; the desktop turns them into Qt signals.
"""

from __future__ import annotations

import logging
import random
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from agentdesk import contract
from agentdesk.client.api import ApiClient
from agentdesk.client.errors import ClientError, ClientTooOld, ServerUnreachable, SessionExpired
from agentdesk.client.store import LocalStore
from agentdesk.client.views import SyncStatus

log = logging.getLogger(__name__)

PUSH_BATCH = 100
PULL_PAGE = 500
POLL_SECONDS = 30.0
MAX_BACKOFF = 60.0


@dataclass(frozen=True)
class ChangeSet:
    """Case ids a sync touched: views refresh only these."""

    upserted: frozenset[str]
    removed: frozenset[str]

    def __bool__(self) -> bool:
        return bool(self.upserted or self.removed)


def backoff_delay(failures: int, rng: random.Random | None = None) -> float:
    """Exponential backoff with full jitter, capped: many desktops must not retry in step."""
    rng = rng or random.Random()
    ceiling = min(MAX_BACKOFF, 1.0 * (2 ** min(failures, 10)))
    return rng.uniform(ceiling / 2, ceiling)


class SyncEngine:
    def __init__(self, api: ApiClient, store: LocalStore, *, poll_seconds: float = POLL_SECONDS) -> None:
        self.api = api
        self.store = store
        self.poll_seconds = poll_seconds
        self._status_listeners: list[Callable[[SyncStatus], None]] = []
        self._change_listeners: list[Callable[[ChangeSet], None]] = []
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._cycle_lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._state = "offline"
        self._last_error: str | None = None
        self._failures = 0
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

    def sync_once(self) -> ChangeSet:
        """Push everything pending, then pull everything new. Raises ClientError on failure."""
        with self._cycle_lock:
            self._set_state("syncing", self._last_error)
            self._push_all()
            changes = self._pull_all()
            self.store.forget_applied()
            self._last_sync_at = datetime.now(UTC)
            self.store.set_meta("last_sync_at", self._last_sync_at.isoformat())
            self._set_state("online")
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
            response = self.api.push(mutations)
            self.store.settle({str(r.id): (r.status, r.reason) for r in response.results})
            self.emit_status()
            if len(batch) < PUSH_BATCH:
                return

    def _pull_all(self) -> ChangeSet:
        upserted: set[str] = set()
        removed: set[str] = set()
        while True:
            page = self.api.pull(self.store.cursor, PULL_PAGE)
            applied = self.store.apply_changes(page.changes, page.cursor)
            upserted |= applied.upserted
            removed |= applied.removed
            upserted -= applied.removed
            if not page.has_more:
                break
        return ChangeSet(frozenset(upserted), frozenset(removed))

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
        """A local write happened: push soon."""
        self.emit_status()
        self._wake.set()

    def start(self) -> None:
        if self._threads:
            return
        self._stop.clear()
        for target, name in ((self._run, "agentdesk-sync"), (self._listen, "agentdesk-events")):
            thread = threading.Thread(target=target, name=name, daemon=True)
            thread.start()
            self._threads.append(thread)
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        for thread in self._threads:
            thread.join(timeout=5)
        self._threads.clear()

    def _run(self) -> None:
        rng = random.Random()
        cycles = 0
        while not self._stop.is_set():
            try:
                self.sync_once()
                cycles += 1
                if cycles % 20 == 1:
                    self.self_check()
                self._failures = 0
                delay = self.poll_seconds
            except ClientTooOld as exc:
                self._set_state("offline", str(exc))
                delay = MAX_BACKOFF
            except SessionExpired as exc:
                self._set_state("offline", str(exc))
                delay = MAX_BACKOFF
            except (ServerUnreachable, ClientError) as exc:
                self._failures += 1
                self._set_state("offline", str(exc))
                delay = backoff_delay(self._failures, rng)
            except Exception as exc:  # a bug: keep the outbox, show it, retry later
                log.exception("sync cycle failed")
                self._failures += 1
                self._set_state("offline", f"unexpected error: {type(exc).__name__}")
                delay = backoff_delay(self._failures, rng)
            self._wake.wait(delay)
            self._wake.clear()

    def _listen(self) -> None:
        failures = 0
        rng = random.Random()
        while not self._stop.is_set():
            try:
                for event_name in self.api.events(self._stop):
                    failures = 0
                    if event_name in ("poke", "hello"):
                        self._wake.set()
            except ClientError as exc:
                log.debug("event stream: %s", type(exc).__name__)
            except Exception:
                log.exception("event stream failed")
            failures += 1
            self._stop.wait(backoff_delay(failures, rng))
