"""The local store's file format and the pull page parser: what keeps a first sync fast
must not lock an agent out of an older store or accept a garbled server answer."""

from __future__ import annotations

import json
import secrets
from pathlib import Path

import pytest
import sqlcipher3
from sqlalchemy import select

from agentdesk.client import store as store_mod
from agentdesk.client.api import parse_pull
from agentdesk.client.store import LocalStore, StoreLocked


def _page_size(path: Path, key: str, page_size: int | None) -> int:
    conn = sqlcipher3.connect(str(path))
    conn.execute(f"PRAGMA key = \"x'{key}'\"")
    if page_size:
        conn.execute(f"PRAGMA cipher_page_size = {page_size}")
    try:
        return int(conn.execute("PRAGMA page_size").fetchone()[0])
    finally:
        conn.close()


def test_a_new_store_uses_large_pages_and_an_older_store_still_opens(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    key = secrets.token_hex(32)
    new = LocalStore(tmp_path / "new.db", key)
    new.set_meta("cursor", "42")
    new.close()
    assert _page_size(tmp_path / "new.db", key, store_mod.CIPHER_PAGE_SIZE) == 16384

    # A store written by a version that used SQLCipher's default 4 KiB pages.
    monkeypatch.setattr(store_mod, "CIPHER_PAGE_SIZE", 0)
    old = LocalStore(tmp_path / "old.db", key)
    old.set_meta("cursor", "7")
    old.close()
    monkeypatch.undo()
    reopened = LocalStore(tmp_path / "old.db", key)
    assert reopened.cursor == "7", "the agent's existing replica opens after the update"
    reopened.close()

    with pytest.raises(StoreLocked, match="cannot be opened with the key"):
        LocalStore(tmp_path / "new.db", secrets.token_hex(32))


def _page(changes: list[dict], cursor: object = "9", has_more: object = False) -> bytes:
    return json.dumps({"changes": changes, "cursor": cursor, "has_more": has_more}).encode()


def test_a_pull_page_is_parsed_and_a_garbled_one_is_named() -> None:
    page = parse_pull(_page([
        {"entity": "user", "op": "upsert", "id": "u1", "data": {"username": "agent01"}},
        {"entity": "case", "op": "upsert", "id": "c1", "data": {"id": "c1", "debtor": {"name": "张三"}}},
        {"entity": "case", "op": "remove", "id": "c2"},
    ]))
    assert [(c.entity, c.op, c.id) for c in page.changes] == [("user", "upsert", "u1"), ("case", "upsert", "c1"),
                                                              ("case", "remove", "c2")]
    assert page.changes[1].data["debtor"]["name"] == "张三" and page.changes[2].data == {}
    assert page.cursor == "9" and page.has_more is False

    with pytest.raises(ValueError, match="change 0 has an unknown entity"):
        parse_pull(_page([{"entity": "loan", "op": "upsert", "id": "x", "data": {}}]))
    with pytest.raises(ValueError, match="change 0 has an unknown entity/op or a malformed id"):
        parse_pull(_page([{"entity": "case", "op": "upsert", "id": 5, "data": {}}]))
    with pytest.raises(ValueError, match="'cursor' must be a string"):
        parse_pull(_page([], cursor=None))
    with pytest.raises(ValueError):
        parse_pull(b"<html>proxy error</html>")


def _old_layout(store: LocalStore) -> None:
    """Turn a fresh store into one of schema 1: documents inside `cases`, no `case_docs`."""
    columns = ", ".join(f"{c} TEXT" for c in store_mod._CASE_COLUMNS if c != "id")
    with store.transaction() as s:
        conn = s.connection()
        conn.exec_driver_sql("DROP TABLE cases")
        conn.exec_driver_sql("DROP TABLE case_docs")
        conn.exec_driver_sql(f"CREATE TABLE cases (id VARCHAR(36) PRIMARY KEY, {columns}, doc JSON)")
        conn.exec_driver_sql("CREATE INDEX ix_cases_status ON cases (status)")
        conn.exec_driver_sql("INSERT INTO cases (id, status, doc) VALUES ('c-old', 'open', '{}')")
        conn.exec_driver_sql("UPDATE meta SET value = '1' WHERE key = 'schema_major'")


def test_a_store_of_the_old_layout_opens_with_its_replica_rebuilt_and_its_outbox_kept(tmp_path: Path) -> None:
    from tests.support.lead_cases import random_specs, upsert

    key = secrets.token_hex(32)
    specs = random_specs(5, seed=3)
    store = LocalStore(tmp_path / "old.db", key)
    store.set_meta("username", "agent01")
    upsert(store, specs, "41")
    target = specs[0].id
    with store.transaction() as s:
        store.enqueue(s, "callback.add", {"callback_id": "cb-1", "due_at": "2026-12-01T02:00:00+00:00"}, target)
    store.save_draft(target, {"note": "下午再打"})
    _old_layout(store)
    store.close()

    reopened = LocalStore(tmp_path / "old.db", key)
    try:
        assert reopened.get_meta("schema_major") == str(store_mod.SCHEMA_MAJOR)
        assert reopened.cursor is None, "the next pull is a full one"
        assert reopened.case_count() == 0 and reopened.case_doc("c-old") is None
        assert [r.case_id for r in reopened.pending()] == [target], "undelivered writes survive"
        assert reopened.load_draft(target) == {"note": "下午再打"}
        assert reopened.get_meta("username") == "agent01"

        upsert(reopened, specs, "42")  # the full pull refills the replica
        assert reopened.case_count() == len(specs) and reopened.cursor == "42"
        rows = {r.id: r for r in reopened.case_rows()}
        assert rows[target].callback_due_at == "2026-12-01T02:00:00+00:00", "the pending write is overlaid"
        assert rows[target].doc["id"] == target and reopened.case_doc(target) == rows[target].doc
    finally:
        reopened.close()
    again = LocalStore(tmp_path / "old.db", key)  # the new layout is not rebuilt again
    try:
        assert again.case_count() == len(specs) and again.cursor == "42"
    finally:
        again.close()


def test_summary_rows_and_documents_stay_paired_through_upserts_and_removals(tmp_path: Path) -> None:
    from tests.support.lead_cases import random_specs, remove, upsert

    store = LocalStore(tmp_path / "s.db", None)
    try:
        specs = random_specs(6, seed=9)
        upsert(store, specs)
        remove(store, [specs[0].id])
        with store.sessions() as s:
            doc_ids = set(s.scalars(select(store_mod.CaseDoc.id)))
        assert doc_ids == {sp.id for sp in specs[1:]} == {r.id for r in store.case_rows()}
        assert store.case_doc(specs[0].id) is None and store.case_doc(specs[1].id)["id"] == specs[1].id
        store.reset_replica()
        assert store.case_count() == 0 and store.case_doc(specs[1].id) is None
    finally:
        store.close()


def _fill(store: LocalStore, n: int, seed: int, cursor: str) -> None:
    from tests.support.lead_cases import random_specs, upsert

    upsert(store, random_specs(n, seed=seed), cursor)


def test_commits_leave_the_wal_and_it_is_folded_into_the_file_once_writes_pause(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.client.helpers import wait_until

    monkeypatch.setattr(store_mod, "CHECKPOINT_QUIET_SECONDS", 1.0)
    store = LocalStore(tmp_path / "s.db", secrets.token_hex(32))
    try:
        done, size = store.checkpointer.checkpoints, (tmp_path / "s.db").stat().st_size
        with store.engine.connect() as conn:  # SQLite's own checkpoint-at-commit is off
            assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 0
        _fill(store, 200, seed=2, cursor="5")
        # The commit returned without copying anything into the database file...
        assert (tmp_path / "s.db").stat().st_size == size
        # ...and once writes pause the checkpointer does it, in the background.
        wait_until(lambda: store.checkpointer.checkpoints > done, what="the checkpoint after the pause")
        assert (tmp_path / "s.db").stat().st_size > size + 100_000
        assert store.case_count() == 200
    finally:
        store.close()


def test_a_long_load_is_checkpointed_without_waiting_for_a_pause(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.client.helpers import wait_until

    monkeypatch.setattr(store_mod, "CHECKPOINT_QUIET_SECONDS", 300.0)
    monkeypatch.setattr(store_mod, "CHECKPOINT_BYTES", 200_000)
    store = LocalStore(tmp_path / "s.db", None)
    try:
        for page in range(4):
            _fill(store, 100, seed=20 + page, cursor=str(page))
        wait_until(lambda: store.checkpointer.checkpoints >= 1, what="a checkpoint forced by the WAL's size")
    finally:
        store.close()


def test_a_full_disk_is_a_typed_error_and_the_store_keeps_what_it_had(tmp_path: Path) -> None:
    """SQLite says "database or disk is full" (here: the store's file may not grow, SQLite's
    own `max_page_count`): the write is refused as `StoreWriteFailed("store_full")`, whose
    sentence says what to do, and the store still holds what it held before."""
    from sqlalchemy import event

    from agentdesk.client.errors import StoreWriteFailed

    store = LocalStore(tmp_path / "full.db", secrets.token_hex(32))
    try:
        store.save_draft("case-1", {"note": "kept before the disk filled"})

        @event.listens_for(store.engine, "connect")
        def no_growth(dbapi_conn: object, _record: object) -> None:
            pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]  # type: ignore[attr-defined]
            dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")  # type: ignore[attr-defined]

        store.engine.dispose()
        with pytest.raises(StoreWriteFailed) as refused:
            store.save_draft("case-2", {"note": "x" * 200_000})  # needs new pages
        assert refused.value.code == "store_full"
        assert "full" in str(refused.value) and "free some space" in str(refused.value)
        assert store.load_draft("case-1") == {"note": "kept before the disk filled"}
        assert store.load_draft("case-2") is None
    finally:
        store.close()


def test_sqlite_result_codes_name_the_cause(tmp_path: Path) -> None:
    """Busy, read-only and anything else, from real SQLite errors (not their English text)."""
    import sqlite3

    from agentdesk.client.errors import StoreWriteFailed

    conn = sqlite3.connect(":memory:")
    conn.execute("PRAGMA query_only = ON")
    with pytest.raises(sqlite3.OperationalError) as read_only:
        conn.execute("CREATE TABLE t (x)")
    assert StoreWriteFailed.from_sqlite(read_only.value).code == "store_read_only"
    holder = sqlite3.connect(tmp_path / "held.db", isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    other = sqlite3.connect(tmp_path / "held.db", timeout=0)
    with pytest.raises(sqlite3.OperationalError) as busy:
        other.execute("INSERT INTO t VALUES (1)")
    assert StoreWriteFailed.from_sqlite(busy.value).code == "store_busy"
    holder.rollback()
    assert StoreWriteFailed.from_sqlite(ValueError("no code")).code == "store_failed"
    assert StoreWriteFailed("something new").code == "store_failed"
