"""The store's plain-SQL reads (a desk's start, issue 20) give what the ORM statements they
replace gave, and a current store opens without SQLAlchemy while an old one is still
upgraded through it."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from agentdesk.client import store as store_mod
from agentdesk.client.store import LocalStore
from agentdesk.client.store_tables import Base, CaseDoc, CaseRow, OutboxRow
from tests.support.lead_cases import random_specs, upsert


def _store_with_writes(path: Path, key: str | None) -> tuple[LocalStore, list[str]]:
    """Twelve cases, three with unsent writes (one refused, one already applied)."""
    store = LocalStore(path, key)
    store.set_meta("username", "agent01")
    specs = random_specs(12, seed=4)
    upsert(store, specs, "5")
    ids = [s.id for s in specs]
    with store.transaction() as s:
        store.enqueue(s, "callback.add", {"callback_id": "cb-1", "due_at": "2026-12-01T02:00:00+00:00"}, ids[0])
        store.enqueue(s, "note.add", {"note_id": "n-1", "text": "稍后回电"}, ids[1], mutation_id="m-applied")
        store.enqueue(s, "note.add", {"note_id": "n-2", "text": "拒绝"}, ids[2], mutation_id="m-refused")
        store.enqueue(s, "note.add", {"note_id": "n-3", "text": "再试"}, ids[0])
    store.settle({"m-applied": ("applied", None), "m-refused": ("rejected", "closed case")})
    return store, ids


def test_the_queue_s_plain_reads_match_the_orm_s(tmp_path: Path) -> None:
    for key in (secrets.token_hex(32), None):
        store, ids = _store_with_writes(tmp_path / f"{'enc' if key else 'plain'}.db", key)
        try:
            with store.sessions() as s, store.reading() as r:
                assert r.summary() == tuple(s.execute(
                    select(func.count(), func.max(CaseRow.seq), func.total(CaseRow.seq))).one())
                orm_rows = [tuple(row) for row in s.execute(select(*CaseRow.__table__.columns))]
                assert [tuple(row) for row in r.case_rows()] == orm_rows
                assert [row.id for row in r.case_rows()] == [row[0] for row in orm_rows], "same order"
                rows = r.case_rows()
                for name in ("status", "lender", "currency", "bucket", "last_outcome", "segment"):
                    values = [getattr(row, name) for row in rows]
                    assert len({id(v) for v in values}) == len(set(values)), f"one {name} object per value"
                some = [ids[3], ids[0], "no-such-case"]
                assert sorted(tuple(row) for row in r.case_rows(some)) == sorted(
                    tuple(row) for row in s.execute(select(*CaseRow.__table__.columns).where(CaseRow.id.in_(some))))
                unsent: dict[str, list[tuple[int, str]]] = {}
                for case_id, seq, state in s.execute(select(OutboxRow.case_id, OutboxRow.seq, OutboxRow.state)
                                                     .where(OutboxRow.state != "applied").order_by(OutboxRow.seq)):
                    unsent.setdefault(case_id or "", []).append((seq, state))
                assert r.signatures() == {i: tuple(w) for i, w in unsent.items()}
                assert set(r.signatures()) == {ids[0], ids[2]}, "the applied write is not unsent"
                assert dict(r.docs(some)) == dict(s.execute(select(CaseDoc.id, CaseDoc.doc)
                                                            .where(CaseDoc.id.in_(some))).all())

                def described(rows: dict[str, list[OutboxRow]]) -> dict[str, list[tuple[object, ...]]]:
                    return {i: [(w.seq, w.id, w.type, w.state, w.reason, w.payload) for w in ws]
                            for i, ws in rows.items()}

                assert described(r.local_rows(ids[:3])) == described(store._local_rows(s, ids[:3]))
            assert store.outbox_counts() == (2, 1)
            assert store.get_meta("username") == "agent01" and store.get_meta("nothing") is None
        finally:
            store.close()


def test_the_summary_read_as_columns_is_the_rows_read_as_rows(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """`case_columns` (the queue's full build, issue 20) holds what `case_rows` holds, by
    column, read in several chunks, with one object per value in the few-value columns."""
    from agentdesk.client.packed_texts import PackedTexts

    monkeypatch.setattr(store_mod, "_CHUNK_ROWS", 5)  # 12 cases: three chunks
    store, _ids = _store_with_writes(tmp_path / "c.db", None)
    try:
        with store.reading() as r:
            for search in (True, False):
                by_row = [list(column) for column in zip(*r.case_rows(search=search), strict=True)]
                for packed in ((), ("debtor_name", "last_attempt_at")):
                    columns = r.case_columns(search=search, packed=packed)
                    assert tuple(columns) == store_mod.CaseColumns._fields
                    assert [list(column) for column in columns.values()] == by_row
                    assert all(isinstance(columns[name], PackedTexts) for name in packed)
                    assert any(value is None for value in columns["last_attempt_at"]), "None kept apart from ''"
                    for name in ("status", "lender", "currency", "bucket", "last_outcome", "segment"):
                        values = columns[name]
                        assert len({id(v) for v in values}) == len(set(values)), f"one {name} object per value"
    finally:
        store.close()


def test_the_plain_layout_names_are_the_orm_s() -> None:
    """The plain reads and the plain open name the columns, tables and indexes themselves."""
    assert store_mod._CASE_COLUMNS == tuple(c.name for c in CaseRow.__table__.columns)
    assert store_mod.CaseColumns._fields == store_mod._CASE_COLUMNS
    names = set(Base.metadata.tables)
    names |= {str(index.name) for table in Base.metadata.tables.values() for index in table.indexes}
    assert store_mod._SCHEMA_NAMES == names


def test_a_current_store_opens_reads_its_queue_and_keeps_the_user_without_sqlalchemy(tmp_path: Path) -> None:
    key = secrets.token_hex(32)
    store, ids = _store_with_writes(tmp_path / "s.db", key)
    store.close()
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from agentdesk.client.store import LocalStore\n"
        f"store = LocalStore(Path({str(tmp_path / 's.db')!r}), {key!r})\n"
        "with store.reading() as r:\n"
        "    rows, unsent = r.case_rows(), r.signatures()\n"
        f"reads = store.case_for_desk({ids[5]!r}, 'agent01', 'last_dial')\n"
        "counts = store.outbox_counts()\n"
        "store.set_meta('username', 'agent01')  # what signing in writes\n"
        "print(len(rows), len(unsent), reads is not None, counts, store.get_meta('username'),\n"
        "      'sqlalchemy' in sys.modules)\n"
        "store.close()\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(Path(__file__).parents[2]),
                                                                   os.environ.get("PYTHONPATH", "")) if p)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120,
                         check=True).stdout.split()
    assert out == ["12", "2", "True", "(2,", "1)", "agent01", "False"]


def test_a_store_missing_a_table_is_completed_on_open(tmp_path: Path) -> None:
    """A store at the current schema number without a table this code has (say, written
    before the table came) is not taken for current: the table is created."""
    key = secrets.token_hex(32)
    store, _ids = _store_with_writes(tmp_path / "s.db", key)
    with store.plain() as conn:
        conn.execute("DROP TABLE recording_uploads")
    store.close()
    reopened = LocalStore(tmp_path / "s.db", key)
    try:
        assert reopened.outbox_counts() == (2, 1)
        assert reopened.case_count() == 12
    finally:
        reopened.close()
