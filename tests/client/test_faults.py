"""Proof that nothing an agent records is lost or doubled, whatever the network does.

The real server on 127.0.0.1, the real keyring and encrypted store, and a fault-injecting
proxy between them (faultproxy.py): requests dropped, answers dropped after the server
committed, connections reset mid-body, the server restarted, the client process killed
with SIGKILL mid-push. After recovery every mutation is on the server exactly once and
the outbox is empty.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from agentdesk.client import errors
from agentdesk.client.session import ClientSession
from agentdesk.client.sync import ChangeSet
from agentdesk.client.views import SyncStatus
from agentdesk.server.embedded import EmbeddedServer, start_embedded_server
from agentdesk.server.models import Case, ContactAttempt, User
from agentdesk.server.sync import next_seqs, record_scope_exit, touch
from tests.client.faultproxy import FaultProxy
from tests.client.helpers import (
    attempts_on_server,
    mutations_on_server,
    no_answer,
    notes_on_server,
    open_cases,
    outbox_size,
    wait_until,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def proxy(live_server: EmbeddedServer) -> Iterator[FaultProxy]:
    p = FaultProxy(live_server.port)
    try:
        yield p
    finally:
        p.close()


def _pending_ids(session: ClientSession) -> list[str]:
    return [row.id for row in session.store.pending(1000)]


def test_dropped_requests_lost_answers_and_resets_neither_lose_nor_double_a_write(
        live_server: EmbeddedServer, proxy: FaultProxy, secret_service: Any) -> None:
    session = ClientSession.login(proxy.url, "agent01", "demo")
    session.sync_now()
    cases = open_cases(session, 3)
    attempts = [session.record_outcome(no_answer(session, c, note="无人接听")) for c in cases]
    note = session.add_note(cases[0], "下午再打")
    mutations = _pending_ids(session)
    assert session.status().pending == 4

    # The push never reaches the server.
    proxy.fail_next("POST", "/v1/sync/push", "drop_request")
    with pytest.raises(errors.ServerUnreachable):
        session.sync_now()
    assert attempts_on_server(live_server.database, attempts) == {a: 0 for a in attempts}
    status = session.status()
    assert status.state == "offline" and status.pending == 4
    assert status.last_error is not None and proxy.url in status.last_error

    # The server commits, the answer is lost: the client must not know, and must not double.
    proxy.fail_next("POST", "/v1/sync/push", "drop_response")
    with pytest.raises(errors.ServerUnreachable):
        session.sync_now()
    assert attempts_on_server(live_server.database, attempts) == {a: 1 for a in attempts}
    assert session.status().pending == 4, "unanswered writes stay in the outbox"

    # The answer is cut off halfway, then the pull's answer is lost too.
    proxy.fail_next("POST", "/v1/sync/push", "reset_mid_body")
    with pytest.raises(errors.ServerUnreachable):
        session.sync_now()
    proxy.fail_next("GET", "/v1/sync/pull", "drop_response")
    with pytest.raises(errors.ServerUnreachable):
        session.sync_now()
    assert session.status().pending == 0, "the server answered the push: nothing waits to be sent"

    session.sync_now()
    assert proxy.pending_faults() == 0 and proxy.count("POST", "/v1/sync/push") == 4
    status = session.status()
    assert status.state == "online" and status.pending == 0 and status.last_error is None
    assert outbox_size(session) == 0
    assert attempts_on_server(live_server.database, attempts) == {a: 1 for a in attempts}
    assert notes_on_server(live_server.database, [note]) == {note: 1}
    assert mutations_on_server(live_server.database, mutations) == {m: "applied" for m in mutations}
    detail = session.case_detail(cases[0])
    assert detail is not None
    assert [a.id for a in detail.attempts if a.id == attempts[0]] == [attempts[0]], "shown once, not twice"
    assert not any(a.pending for a in detail.attempts) and detail.notes[0].text == "下午再打"
    session.stop()


def test_a_client_killed_mid_push_resends_after_restart_and_the_server_keeps_one_copy(
        live_server: EmbeddedServer, proxy: FaultProxy, secret_service: Any) -> None:
    # The server commits the push; the process dies before it hears the answer.
    proxy.fail_next("POST", "/v1/sync/push", "hold_response")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, str(Path(__file__).with_name("push_child.py")), proxy.url, "4"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    try:
        held = proxy.held.wait(60)
    finally:
        os.kill(child.pid, signal.SIGKILL)
        out, err = child.communicate(timeout=10)
        proxy.release()
    assert held, f"the child never pushed: {err.decode()[-2000:]}"
    assert child.returncode == -signal.SIGKILL
    lines = out.decode().splitlines()
    assert "pushed" not in lines, "the process must have died before it learnt the push's fate"
    ids = json.loads(lines[0])
    attempts, mutations = ids["attempts"], ids["mutations"]
    assert attempts_on_server(live_server.database, attempts) == {a: 1 for a in attempts}

    again = ClientSession.open_cached(proxy.url, "agent01")
    assert again.status().pending == len(mutations), "the outbox survived SIGKILL"
    again.sync_now()
    assert again.status().pending == 0 and outbox_size(again) == 0
    assert attempts_on_server(live_server.database, attempts) == {a: 1 for a in attempts}
    assert mutations_on_server(live_server.database, mutations) == {m: "applied" for m in mutations}
    shown = {a.id: a.pending for row in again.queue() for a in again.case_detail(row.case_id).attempts  # type: ignore[union-attr]
             if a.id in attempts}
    assert shown == {a: False for a in attempts}, "each call shows once in the timelines, as sent"
    again.stop()


def test_two_desktops_of_one_agent_record_offline_and_both_arrive(
        live_server: EmbeddedServer, proxy: FaultProxy, secret_service: Any, tmp_path: Path) -> None:
    desk_a = ClientSession.login(proxy.url, "agent01", "demo", data_root=tmp_path / "a")
    desk_b = ClientSession.login(proxy.url, "agent01", "demo", data_root=tmp_path / "b")
    desk_a.sync_now()
    desk_b.sync_now()
    shared, only_a, only_b = open_cases(desk_a, 3)

    proxy.offline = True
    proxy.cut_all()
    a1 = desk_a.record_outcome(no_answer(desk_a, shared, note="A 桌面", minutes_ago=10))
    a2 = desk_a.record_outcome(no_answer(desk_a, only_a, note="A 桌面"))
    b1 = desk_b.record_outcome(no_answer(desk_b, shared, note="B 桌面", minutes_ago=5))
    b2 = desk_b.record_outcome(no_answer(desk_b, only_b, note="B 桌面"))
    for desk in (desk_a, desk_b):
        with pytest.raises(errors.ServerUnreachable):
            desk.sync_now()
        assert desk.status().state == "offline" and desk.status().pending == 2

    proxy.offline = False
    desk_a.sync_now()
    desk_b.sync_now()
    desk_a.sync_now()  # A now pulls what B sent
    assert attempts_on_server(live_server.database, [a1, a2, b1, b2]) == {a1: 1, a2: 1, b1: 1, b2: 1}
    for desk in (desk_a, desk_b):
        assert desk.status().pending == 0 and outbox_size(desk) == 0
        detail = desk.case_detail(shared)
        assert detail is not None
        assert {a1, b1} <= {a.id for a in detail.attempts}, "each desktop shows both calls on the shared case"
    desk_a.stop()
    desk_b.stop()


def _reassign_away(server: EmbeddedServer, case_id: str, from_user: str, to_user: str) -> None:
    """What a lead's reassignment does on the server: new owner, new change number, a removal."""
    with server.database.transaction() as s:
        case = s.get(Case, case_id)
        assert case is not None
        old = s.scalars(select(User).where(User.username == from_user)).one()
        new = s.scalars(select(User).where(User.username == to_user)).one()
        case.assigned_agent_id, case.team_id = new.id, new.team_id
        touch(s, [case])
        record_scope_exit(s, case, next_seqs(s)[0], old.id, None)
        old_id, new_id = old.id, new.id
    server.hub.poke(agents=[old_id, new_id])


def test_a_case_reassigned_away_leaves_the_queue_with_a_notice_and_its_pending_writes_still_arrive(
        live_server: EmbeddedServer, secret_service: Any) -> None:
    session = ClientSession.login(live_server.url, "agent01", "demo")
    session.sync_now()
    case_id = open_cases(session, 1)[0]
    attempt = session.record_outcome(no_answer(session, case_id, note="对方挂断"))
    note = session.add_note(case_id, "已留言")
    _reassign_away(live_server, case_id, "agent01", "agent02")

    changes = session.sync_now()
    assert case_id in changes.removed
    assert case_id not in {row.case_id for row in session.queue()}
    assert session.case_detail(case_id) is None
    notices = session.take_notices()
    assert any("reassigned away" in n for n in notices), notices
    assert session.status().pending == 0 and session.status().rejected == 0 and outbox_size(session) == 0
    assert attempts_on_server(live_server.database, [attempt]) == {attempt: 1}
    assert notes_on_server(live_server.database, [note]) == {note: 1}
    with live_server.database.transaction() as s:
        stored = s.get(ContactAttempt, attempt)
        assert stored is not None and "reassigned" in (stored.compliance_flag or ""), \
            "the new owner's lead sees it came after the reassignment"
    session.stop()


def test_background_sync_goes_offline_and_back_when_the_server_restarts_and_pokes_arrive_within_a_second(
        live_server: EmbeddedServer, secret_service: Any) -> None:
    session = ClientSession.login(live_server.url, "agent01", "demo")
    session.sync_now()
    session.sync.max_backoff = 0.3  # the production cap is a minute; the behaviour is the same
    session.sync.poll_seconds = 60.0  # long: only a poke (or a write) can make it pull now
    seen: list[SyncStatus] = []
    removed: list[ChangeSet] = []
    session.add_status_listener(seen.append)
    session.add_change_listener(lambda c: removed.append(c) if c.removed else None)
    session.start_sync()
    wait_until(session.sync.events_connected.is_set, what="the event stream")
    case_a, case_b = open_cases(session, 2)

    db_url, port = live_server.database.url, live_server.port
    live_server.stop()
    first_sync = session.status().last_sync_at  # no sync can succeed from here until the restart
    attempt = session.record_outcome(no_answer(session, case_a, note="服务器重启期间"))
    wait_until(lambda: session.status().state == "offline", what="offline state")
    status = session.status()
    assert status.pending == 1 and status.last_error and f"127.0.0.1:{port}" in status.last_error
    assert status.last_sync_at == first_sync

    server = start_embedded_server(db_url, port=port, seed=False)
    try:
        wait_until(lambda: session.status().state == "online" and session.status().pending == 0,
                   what="back online with nothing pending")
        status = session.status()
        assert status.last_error is None and status.last_sync_at is not None and first_sync is not None
        assert status.last_sync_at > first_sync

        def told_offline_then_online() -> bool:
            # Offline, then online again (a later cycle may already be "syncing" by now).
            # The listener hears of a state just after `status()` shows it: wait for it.
            states = [s.state for s in list(seen)]
            return "offline" in states and "online" in states[len(states) - 1 - states[::-1].index("offline"):]

        wait_until(told_offline_then_online, what="the status listener told offline, then online")
        assert attempts_on_server(server.database, [attempt]) == {attempt: 1}

        wait_until(session.sync.events_connected.is_set, what="the event stream to reconnect")
        wait_until(lambda: session.status().state == "online", what="the reconnect's pull")
        poked_at = time.monotonic()
        _reassign_away(server, case_b, "agent01", "agent02")
        wait_until(lambda: any(case_b in c.removed for c in removed), timeout=5, what="the poke's pull")
        assert time.monotonic() - poked_at < 1.0, "a lead's change reaches the agent within a second"

        started = time.monotonic()
        session.stop()
        assert time.monotonic() - started < 1.5, "closing the program does not wait for a heartbeat"
        assert not session.sync.running
    finally:
        server.stop()


def test_after_a_long_outage_the_event_stream_returns_with_the_first_sync_that_gets_through(
        live_server: EmbeddedServer, proxy: FaultProxy, secret_service: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from agentdesk.client import sync as sync_mod

    # Every retry waits a minute, as after a long outage: only the sync getting through
    # can bring the stream back in time.
    monkeypatch.setattr(sync_mod, "backoff_delay", lambda failures, rng=None, cap=60.0: 60.0)
    session = ClientSession.login(proxy.url, "agent01", "demo")
    session.sync_now()
    session.sync.poll_seconds = 600.0
    removed: list[ChangeSet] = []
    session.add_change_listener(lambda c: removed.append(c) if c.removed else None)
    session.start_sync()
    wait_until(session.sync.events_connected.is_set, what="the event stream")
    case_id = open_cases(session, 1)[0]

    proxy.offline = True
    proxy.cut_all()
    wait_until(lambda: not session.sync.events_connected.is_set(), what="the stream to drop")
    proxy.offline = False
    session.sync_now()  # the agent's F5, or the worker's next cycle
    wait_until(session.sync.events_connected.is_set, timeout=5, what="the stream back before its backoff ends")
    _reassign_away(live_server, case_id, "agent01", "agent02")
    wait_until(lambda: any(case_id in c.removed for c in removed), timeout=5, what="the poke's pull")
    session.stop()


def test_a_first_sync_cut_off_midway_keeps_the_pages_it_applied_and_resumes_after_them(
        live_server: EmbeddedServer, proxy: FaultProxy, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from agentdesk.client import sync as sync_mod
    from agentdesk.client.api import ApiClient
    from agentdesk.client.store import LocalStore
    from agentdesk.client.sync import SyncEngine

    # Small pages: far more of them than the sync fetches ahead of what it has applied
    # (PULL_AHEAD + PULL_BATCH), so some are still to fetch when the cut comes.
    monkeypatch.setattr(sync_mod, "PULL_PAGE", 5)
    api = ApiClient(proxy.url)
    api.login("agent01", "demo")
    total = api.counts()["case"]
    store = LocalStore(tmp_path / "agent.db", None)
    engine = SyncEngine(api, store)
    applied_first = store.apply_changes

    def cut_after_the_first_apply(changes: Any, cursor: str) -> Any:
        result = applied_first(changes, cursor)
        # Every later page's connection is reset midway through its body.
        proxy.fail_next("GET", "/v1/sync/pull", "reset_mid_body", times=100)
        return result

    store.apply_changes = cut_after_the_first_apply  # type: ignore[method-assign]
    with pytest.raises(errors.ClientError):
        engine.sync_once()
    kept, cursor = store.case_count(), store.cursor
    assert total > 5 * (sync_mod.PULL_AHEAD + sync_mod.PULL_BATCH + 1)
    assert 5 <= kept < total and cursor is not None, "what was applied stays, with its cursor"
    assert engine.status().state == "offline"

    store.apply_changes = applied_first  # type: ignore[method-assign]
    proxy.clear_faults()
    rest = engine.sync_once()
    assert len(rest.upserted) == total - kept, "the next sync resumes after the applied pages"
    assert store.case_count() == total and engine.self_check()
    store.close()
    api.close()


def test_without_the_event_stream_polling_still_brings_changes(
        live_server: EmbeddedServer, proxy: FaultProxy, secret_service: Any) -> None:
    # A gateway that refuses server-sent events (some corporate proxies do).
    proxy.fail_next("GET", "/v1/events", "drop_request", times=1000)
    session = ClientSession.login(proxy.url, "agent01", "demo")
    session.sync_now()
    session.sync.max_backoff = 0.3
    session.sync.poll_seconds = 0.5
    removed: list[ChangeSet] = []
    session.add_change_listener(lambda c: removed.append(c) if c.removed else None)
    session.start_sync()
    case_id = open_cases(session, 1)[0]
    wait_until(lambda: proxy.count("GET", "/v1/events") >= 1, what="an attempt to open the event stream")
    _reassign_away(live_server, case_id, "agent01", "agent02")
    wait_until(lambda: any(case_id in c.removed for c in removed), timeout=5, what="the polled pull")
    assert not session.sync.events_connected.is_set()
    assert case_id not in {row.case_id for row in session.queue()}
    assert session.status().state == "online", "no event stream is not an error the agent must see"
    session.stop()


def test_wipe_at_sign_out_keeps_the_store_while_writes_wait_and_wipes_once_they_are_sent(
        live_server: EmbeddedServer, proxy: FaultProxy, secret_service: Any, tmp_path: Path) -> None:
    from agentdesk.client.session import store_path

    session = ClientSession.login(proxy.url, "agent01", "demo", data_root=tmp_path)
    session.sync_now()
    case_id = open_cases(session, 1)[0]
    proxy.offline = True
    proxy.cut_all()
    kept = session.record_outcome(no_answer(session, case_id, note="共享座席"))
    assert session.logout(wipe_local_data=True) is False, "an undelivered write must stop the wipe"
    path = store_path(proxy.url, "agent01", tmp_path)
    assert path.exists()

    proxy.offline = False
    again = ClientSession.login(proxy.url, "agent01", "demo", data_root=tmp_path)
    again.record_outcome(no_answer(again, case_id, note="第二次"))
    assert again.logout(wipe_local_data=True) is True, "the last push delivers both, then the wipe goes ahead"
    assert not path.exists()
    assert attempts_on_server(live_server.database, [kept]) == {kept: 1}


def test_retries_stay_close_together_while_outcomes_wait_to_be_sent(
        live_server: EmbeddedServer, proxy: FaultProxy, secret_service: Any, tmp_path: Path) -> None:
    from agentdesk.client.sync import MAX_BACKOFF, PENDING_BACKOFF

    session = ClientSession.login(proxy.url, "agent01", "demo", data_root=tmp_path)
    session.sync_now()
    assert session.sync.retry_cap() == MAX_BACKOFF, "nothing waiting: a long outage is retried lazily"
    proxy.offline = True
    proxy.cut_all()
    session.record_outcome(no_answer(session, open_cases(session, 1)[0]))
    with pytest.raises(errors.ServerUnreachable):
        session.sync_now()
    assert session.sync.retry_cap() == PENDING_BACKOFF < MAX_BACKOFF, "a saved outcome waits at most 15 s"
    proxy.offline = False
    session.sync_now()
    assert session.status().pending == 0 and session.sync.retry_cap() == MAX_BACKOFF
    session.stop()
