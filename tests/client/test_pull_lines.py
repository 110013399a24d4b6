"""A first sync in lines: the desktop stores documents it did not parse, beside queue
columns the server computed. What an agent would notice if that went wrong: a queue row
showing another balance or outcome than the case it opens, a case missing after it was
reassigned away and back, a pending callback hidden by a pull, a garbled answer stored.
"""

from __future__ import annotations

import secrets
from pathlib import Path

import orjson
import pytest

from agentdesk import contract
from agentdesk.client.api import ApiClient, CaseUpsert, parse_pull_lines
from agentdesk.client.store import LocalStore
from agentdesk.client.sync import SyncEngine
from agentdesk.domain.queue_columns import QUEUE_COLUMNS, queue_columns
from agentdesk.server.embedded import EmbeddedServer
from tests.support.lead_cases import case_doc, random_specs


def _lines(*values: object, raw: bytes | None = None) -> bytes:
    body = b"\n".join(orjson.dumps(v) for v in values)
    return body + raw if raw is not None else body


def _upsert_lines(doc: dict) -> tuple[dict, dict]:
    return {"entity": "case", "op": "upsert", "id": doc["id"], "queue": queue_columns(doc)}, doc


def test_a_page_in_lines_is_parsed_without_its_documents_and_a_garbled_one_is_named() -> None:
    spec = random_specs(1, seed=4)[0]
    head, doc = _upsert_lines(case_doc(spec))
    page = parse_pull_lines(_lines(
        {"cursor": "17", "has_more": True, "changes": 3},
        {"entity": "user", "op": "upsert", "id": "u1", "data": {"username": "agent01"}},
        head, doc,
        {"entity": "case", "op": "remove", "id": "gone"},
    ))
    assert page.cursor == "17" and page.has_more
    user, case, gone = page.changes
    assert user.data == {"username": "agent01"} and (gone.op, gone.id) == ("remove", "gone")
    assert isinstance(case, CaseUpsert) and case.queue == queue_columns(doc)
    assert case.doc_json == orjson.dumps(doc) and case.data == doc

    envelope = {"cursor": "1", "has_more": False, "changes": 1}
    with pytest.raises(ValueError, match="ends after 0 of its 1 changes"):
        parse_pull_lines(_lines(envelope))
    with pytest.raises(ValueError, match="document is missing, not one JSON object"):
        parse_pull_lines(_lines(envelope, head))
    with pytest.raises(ValueError, match="document is missing, not one JSON object"):
        parse_pull_lines(_lines(envelope, head, raw=b'\n{"id": "cut off'))
    other = case_doc(random_specs(2, seed=5)[1])
    with pytest.raises(ValueError, match=f"not case {doc['id']}"):
        parse_pull_lines(_lines(envelope, head, other))  # lines out of step: another case's document
    lacking = {**head, "queue": {k: v for k, v in head["queue"].items() if k != "overdue_minor"}}
    with pytest.raises(ValueError, match="lacks the queue columns overdue_minor"):
        parse_pull_lines(_lines(envelope, lacking, doc))
    with pytest.raises(ValueError, match="1 lines more than its 1 changes"):
        parse_pull_lines(_lines(envelope, head, doc, {"entity": "case", "op": "remove", "id": "x"}))
    with pytest.raises(ValueError, match="needs 'cursor'"):
        parse_pull_lines(_lines({"cursor": 5, "has_more": False, "changes": 0}))
    with pytest.raises(ValueError, match="first line is not JSON"):
        parse_pull_lines(b"<html>proxy error</html>")


def test_a_first_sync_keeps_the_servers_documents_with_queue_columns_that_match_them(
        live_server: EmbeddedServer, tmp_path: Path) -> None:
    api = ApiClient(live_server.url)
    api.login("agent01", "demo")
    first = api.pull(None, 10)
    assert any(isinstance(c, CaseUpsert) for c in first.changes), "the server answers in lines"
    store = LocalStore(tmp_path / "agent.db", secrets.token_hex(32))
    try:
        changes = SyncEngine(api, store).sync_once()
        # The same cases in the server's JSON form, for comparison.
        json_docs: dict[str, dict] = {}
        cursor = None
        while True:
            body = api.call("GET", "/v1/sync/pull", params={"limit": 500, **({"cursor": cursor} if cursor else {})})
            json_docs.update({c["id"]: c["data"] for c in body["changes"] if c["entity"] == "case"})
            cursor = body["cursor"]
            if not body["has_more"]:
                break
        rows = store.case_rows()
        assert {r.id for r in rows} == set(json_docs) == changes.upserted and len(rows) > 20
        for row in rows:
            assert row.doc == json_docs[row.id]
            assert {c: getattr(row, c) for c in QUEUE_COLUMNS} == queue_columns(row.doc), row.id
    finally:
        store.close()
        api.close()


def test_a_case_reassigned_away_and_back_within_one_page_stays_in_the_queue(tmp_path: Path) -> None:
    specs = random_specs(3, seed=8)
    store = LocalStore(tmp_path / "s.db", None)
    try:
        docs = [case_doc(s) for s in specs]
        store.apply_changes([contract.Change(entity="case", op="upsert", id=d["id"], data=d) for d in docs], "1")
        back = {**docs[0], "seq": 9}
        away = docs[1]["id"]
        applied = store.apply_changes([
            contract.Change(entity="case", op="remove", id=back["id"]),
            CaseUpsert(back["id"], queue_columns(back), orjson.dumps(back)),
            CaseUpsert(away, queue_columns(docs[1]), orjson.dumps(docs[1])),
            contract.Change(entity="case", op="remove", id=away),
        ], "2")
        assert applied.upserted == {back["id"]} and applied.removed == {away}
        assert {r.id for r in store.case_rows()} == {back["id"], docs[2]["id"]}
        assert store.case_doc(back["id"]) == back
        assert [n.text for n in store.take_notices()] == [f"A case was reassigned away from you ({away[:8]})."]
    finally:
        store.close()


def test_a_pending_callback_is_laid_over_a_case_arriving_in_lines(tmp_path: Path) -> None:
    spec = random_specs(1, seed=11)[0]
    doc = case_doc(spec)
    store = LocalStore(tmp_path / "s.db", None)
    try:
        store.set_meta("username", "agent01")
        with store.transaction() as s:
            store.enqueue(s, "callback.add", {"callback_id": "cb-1", "due_at": "2026-12-01T02:00:00+00:00"},
                          doc["id"])
        store.apply_changes([CaseUpsert(doc["id"], queue_columns(doc), orjson.dumps(doc))], "3")
        (row,) = store.case_rows()
        assert row.callback_due_at == "2026-12-01T02:00:00+00:00", "the agent's own callback is not hidden"
        assert row.overdue_minor == queue_columns(doc)["overdue_minor"]
        assert store.case_doc(doc["id"]) == doc, "the stored document is the server's, unchanged"
    finally:
        store.close()


def test_one_unreadable_stored_document_leaves_that_case_out_and_the_queue_shown(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from agentdesk.client.queue import build_queue
    from agentdesk.domain.policy import load_policy

    docs = [case_doc(s) for s in random_specs(4, seed=13)]
    store = LocalStore(tmp_path / "s.db", None)
    try:
        changes = [CaseUpsert(d["id"], queue_columns(d), orjson.dumps(d)) for d in docs]
        broken = docs[2]
        changes[2] = CaseUpsert(broken["id"], queue_columns(broken), b'{"id":"' + broken["id"].encode() + b'",}')
        store.apply_changes(changes, "4")
        policy = load_policy()
        rows = build_queue(store, policy, datetime(2026, 11, 30, 2, 0, tzinfo=UTC), me="agent01")
        assert {r.case_id for r in rows} == {d["id"] for d in docs} - {broken["id"]}
    finally:
        store.close()
