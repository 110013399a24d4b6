"""The local store's file format and the pull page parser: what keeps a first sync fast
must not lock an agent out of an older store or accept a garbled server answer."""

from __future__ import annotations

import json
import secrets
from pathlib import Path

import pytest
import sqlcipher3

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
