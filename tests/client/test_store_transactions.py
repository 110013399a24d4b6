"""A write to the local store is all of it or nothing, on an encrypted store as on a plain one.

A pulled page stores its cases' summary rows, their documents and the cursor together; a
save stores its outbox rows together. If the store refuses part of it (here: the disk is
full), the agent must find the store as it was, not a page's first cases without their
documents or the rest of the page, nor half of a save.
"""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest
import sqlcipher3
from sqlalchemy import event
from sqlalchemy.exc import IntegrityError

from agentdesk.client.errors import StoreWriteFailed
from agentdesk.client.store import LocalStore
from tests.support.lead_cases import random_specs, upsert

KEYS = [pytest.param(secrets.token_hex(32), id="encrypted"), pytest.param(None, id="plain")]


def _no_growth(store: LocalStore) -> None:
    """From now on the store's file may not grow (SQLite's own `max_page_count`): the next
    write that needs new pages is refused as a full disk."""

    @event.listens_for(store.engine, "connect")
    def no_growth(dbapi_conn: object, _record: object) -> None:
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]  # type: ignore[attr-defined]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")  # type: ignore[attr-defined]

    store.engine.dispose()


@pytest.mark.parametrize("key", KEYS)
def test_a_pull_page_the_store_cannot_hold_leaves_nothing_of_it(tmp_path: Path, key: str | None) -> None:
    store = LocalStore(tmp_path / "s.db", key)
    try:
        first = random_specs(20, seed=1)
        upsert(store, first, "10")
        _no_growth(store)
        with pytest.raises(StoreWriteFailed) as refused:
            upsert(store, random_specs(400, seed=2), "20")
        assert refused.value.code == "store_full"
        assert store.case_count() == 20, "none of the refused page's cases"
        assert store.cursor == "10", "the cursor of the last page stored"
        with store.reading() as r:
            assert sorted(row.id for row in r.case_rows()) == sorted(s.id for s in first)
            assert len(r.docs([s.id for s in first])) == 20, "every case kept has its document"
    finally:
        store.close()


@pytest.mark.parametrize("key", KEYS)
def test_a_save_refused_half_way_leaves_no_half_in_the_outbox(tmp_path: Path, key: str | None) -> None:
    store = LocalStore(tmp_path / "s.db", key)
    try:
        # SQLAlchemy wraps the plain driver's error; sqlcipher3's (its own classes) comes as it is.
        with pytest.raises((IntegrityError, sqlcipher3.IntegrityError)), store.transaction() as s:
            store.enqueue(s, "note.add", {"note_id": "n-1", "text": "稍后回电"}, "case-1", mutation_id="m-1")
            s.flush()
            store.set_meta("draft_saved", "yes", s)
            store.enqueue(s, "note.add", {"note_id": "n-2", "text": "again"}, "case-1", mutation_id="m-1")
            s.flush()  # the same mutation id twice: refused by the outbox's unique id
        assert store.outbox_counts() == (0, 0)
        assert store.pending() == []
        assert store.get_meta("draft_saved") is None
    finally:
        store.close()
