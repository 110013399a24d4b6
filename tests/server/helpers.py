"""Small helpers the server tests share: log in, pull everything, look users up."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select

from agentdesk.server.db import Database
from agentdesk.server.models import User


def login(api: TestClient, username: str, password: str = "demo") -> dict[str, str]:
    response = api.post("/v1/auth/login", json={"username": username, "password": password})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def pull_all(api: TestClient, headers: dict[str, str], cursor: str | None = None,
             limit: int = 500) -> tuple[list[dict], str]:
    changes: list[dict] = []
    while True:
        params: dict[str, object] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        response = api.get("/v1/sync/pull", params=params, headers=headers)
        assert response.status_code == 200, response.text
        body = response.json()
        changes += body["changes"]
        cursor = body["cursor"]
        if not body["has_more"]:
            return changes, cursor


def user_id(db: Database, username: str) -> str:
    with db.transaction() as s:
        found = s.scalar(select(User.id).where(User.username == username))
    assert found is not None
    return found


def case_ids(changes: list[dict]) -> set[str]:
    """The cases a replica holds after applying `changes` in order (upserts add, removals drop)."""
    held: set[str] = set()
    for c in changes:
        if c["entity"] != "case":
            continue
        if c["op"] == "upsert":
            held.add(c["id"])
        else:
            held.discard(c["id"])
    return held
