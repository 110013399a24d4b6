"""GET /v1/rules and PUT /v1/strategy on both databases: versioning, ETag, roles, validation."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select

from agentdesk.domain.strategy import DEFAULT_WEIGHTS
from agentdesk.server.db import Database
from agentdesk.server.models import AuditEntry
from tests.server.helpers import login


def test_rules_versioned_with_etag_and_changed_by_a_lead_only(api: TestClient, db: Database) -> None:
    agent, lead = login(api, "agent01"), login(api, "lead01")
    first = api.get("/v1/rules", headers=agent)  # the demo seed saved its strategy book as version 2
    assert first.status_code == 200 and first.headers["etag"] == '"china-s2"'
    body = first.json()
    assert body["policy"] == "china" and body["strategy"]["weights"] == DEFAULT_WEIGHTS
    assert api.get("/v1/rules", headers={**agent, "If-None-Match": '"china-s2"'}).status_code == 304

    refused = api.put("/v1/strategy", json={"name": "mine", "weights": {"reach": 10}}, headers=agent)
    assert refused.status_code == 403 and refused.json()["code"] == "lead_only"
    bad = api.put("/v1/strategy", json={"name": "x", "weights": {"promise_pending": 50}}, headers=lead)
    assert bad.status_code == 422 and "promise_pending" in bad.json()["message"]

    saved = api.put("/v1/strategy", json={"name": "reach", "weights": {"reach": 300}, "expected_version": 2},
                    headers=lead)
    assert saved.status_code == 200, saved.text
    assert saved.json()["version"] == "china-s3" and saved.json()["strategy"]["weights"]["reach"] == 300
    again = api.get("/v1/rules", headers={**agent, "If-None-Match": '"china-s2"'})
    assert again.status_code == 200 and again.json()["strategy"]["name"] == "reach"
    stale = api.put("/v1/strategy", json={"name": "late", "weights": {}, "expected_version": 2}, headers=lead)
    assert stale.status_code == 409

    with db.transaction() as s:
        actions = [(a.action, a.entity, a.entity_id) for a in s.scalars(
            select(AuditEntry).where(AuditEntry.entity == "strategy").order_by(AuditEntry.id))]
    assert actions == [("scope.denied", "strategy", None), ("strategy.update", "strategy", "3")]
