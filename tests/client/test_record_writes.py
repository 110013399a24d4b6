"""A saved outcome's local transaction, written in plain SQL (`LocalStore.record_writes`),
leaves the store as the ORM steps it replaced left it: the outbox rows (payload text
included), the draft gone, the dial used up, and the case's queue columns recomputed with
its unsent writes. The desk's queue and its next open read exactly these rows."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from agentdesk.client import dialing
from agentdesk.client.session import ClientSession
from agentdesk.client.store import LocalStore
from agentdesk.client.views import PreparedOutcome
from agentdesk.server.embedded import EmbeddedServer
from tests.client.helpers import no_answer

_OUTBOX = "SELECT seq, type, case_id, payload, created_at, state, reason, tries FROM outbox ORDER BY seq"


def _tables(run: Any, case_id: str) -> dict[str, Any]:
    """What the write touches, as SQLite holds it (`run`: a connection's execute)."""
    return {
        "outbox": [tuple(r) for r in run(_OUTBOX).fetchall()],
        "drafts": [tuple(r) for r in run("SELECT case_id FROM drafts").fetchall()],
        "dial": [tuple(r) for r in run("SELECT key, value FROM meta WHERE key = ?",
                                       (dialing.meta_key(case_id),)).fetchall()],
        "case": [tuple(r) for r in run("SELECT * FROM cases WHERE id = ?", (case_id,)).fetchall()],
    }


def _the_orm_way(store: LocalStore, prepared: PreparedOutcome, me: str) -> dict[str, Any]:
    """The write as `ClientSession.write_outcome` made it before (enqueue, discard the draft,
    use the dial up, refresh the summary through the ORM), read inside a transaction that
    is then rolled back."""
    case_id = prepared.case_id
    with store.sessions() as s:
        # The engine's connections commit each statement unless SQLite is told BEGIN (the
        # session's own rollback would leave these rows in): so BEGIN and ROLLBACK here.
        conn = s.connection()
        conn.exec_driver_sql("BEGIN IMMEDIATE")
        for type_, payload in prepared.writes:
            store.enqueue(s, type_, payload, case_id)
        store.discard_draft(case_id, session=s)
        if prepared.uses_dial:
            dialing.use_up(store, s, case_id)
        s.flush()
        store.refresh_summary(s, case_id, me)
        s.flush()
        tables = _tables(lambda sql, args=(): conn.exec_driver_sql(sql, args), case_id)
        conn.exec_driver_sql("ROLLBACK")
        s.rollback()
    return tables


def _with_times_apart(tables: dict[str, Any]) -> tuple[dict[str, Any], list[datetime]]:
    """The tables without the outbox rows' creation times (the clock runs between the two
    writes), and those times."""
    times = [datetime.fromisoformat(row[4]) for row in tables["outbox"]]
    rest = dict(tables, outbox=[row[:4] + row[5:] for row in tables["outbox"]])
    return rest, times


def test_an_outcome_written_in_plain_sql_leaves_what_the_orm_steps_left(live_server: EmbeddedServer,
                                                                        secret_service: Any) -> None:
    session = ClientSession.login(live_server.url, "agent01", "demo")
    session.sync_now()
    store, me = session.store, session.user.username
    case_id = next(r.case_id for r in session.queue() if r.status == "open")
    # An earlier write still unsent (the summary lays it over the document), a draft to be
    # discarded and a dial to be used up.
    session.record_outcome(no_answer(session, case_id, note="先前", minutes_ago=30))
    session.save_draft(case_id, {"note": "下午再打", "reached": "nobody"})
    prepared = session.prepare_outcome(no_answer(session, case_id, note="无人接听，稍后再拨"))
    assert prepared.uses_dial and prepared.writes

    with store.plain() as conn:
        before = _tables(conn.execute, case_id)
    orm = _the_orm_way(store, prepared, me)
    store.record_writes(case_id, prepared.writes, me, meta=(dialing.meta_key(case_id), ""))
    with store.plain() as conn:
        plain = _tables(conn.execute, case_id)

    (orm_rest, orm_times), (plain_rest, plain_times) = _with_times_apart(orm), _with_times_apart(plain)
    assert plain_rest == orm_rest
    assert len(plain_times) == len(orm_times) and all(o <= p for o, p in zip(orm_times, plain_times, strict=True))
    assert plain["drafts"] == [] and plain["dial"] == [(dialing.meta_key(case_id), "")]
    # The write is seen where an agent looks: the queue's last outcome, the case's history.
    detail = session.case_detail(case_id)
    assert detail is not None and detail.attempts[0].note == "无人接听，稍后再拨" and detail.attempts[0].pending
    assert plain["case"] != before["case"], "the summary moved on (the latest attempt): the comparison means something"
    session.stop()
