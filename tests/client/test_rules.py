"""The rules in force travel from the server to every desk (issue 5), over HTTP on loopback.

What a lead and an agent notice: the lead saves a new weight, and within seconds the
agent's queue is ordered by it with no action of theirs; an agent cannot change the
strategy; a weight out of its range is refused with its name; a desk that has never
reached the server still has a queue and a guard (the documented defaults).
"""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from agentdesk import clock, contract
from agentdesk.client import errors
from agentdesk.client import rules as rules_mod
from agentdesk.client.queue import QueueCache, build_queue
from agentdesk.client.session import ClientSession
from agentdesk.domain.strategy import DEFAULT_WEIGHTS, StrategyError
from agentdesk.server.embedded import EmbeddedServer
from agentdesk.server.models import AuditEntry
from tests.client.helpers import wait_until

# Value and reach count for nothing, attempts today for everything: a queue ordered this
# way cannot be the default one.
ATTEMPTS_FIRST = {"expected_value": 0.0, "reach": 0.0, "attempts_today": -1000.0, "fruitless_today": 0.0}


def _login(server: EmbeddedServer, username: str) -> ClientSession:
    session = ClientSession.login(server.url, username, "demo", remember=False, allow_unencrypted=True)
    session.sync_now()
    return session


def _order(session: ClientSession, now: datetime) -> list[str]:
    return [row.case_id for row in session.queue(now)]


def test_a_lead_changes_a_weight_and_the_agents_queue_follows(live_server: EmbeddedServer) -> None:
    agent = _login(live_server, "agent01")
    lead = _login(live_server, "lead01")
    try:
        assert agent.rules.version == "china-s2" and agent.strategy.weights == DEFAULT_WEIGHTS
        now = clock.now()
        before = _order(agent, now)
        agent.start_sync()
        wait_until(agent.sync.events_connected.is_set, what="the agent's event stream")

        saved = rules_mod.update_strategy(lead, "attempts-first", {**DEFAULT_WEIGHTS, **ATTEMPTS_FIRST},
                                          expected_version=2)
        assert saved.version == "china-s3" and saved.strategy.changed_by == "lead01"
        assert lead.rules.version == "china-s3", "the lead's own desk adopts its change at once"

        # The poke reaches the agent's sync engine, which fetches the rules by itself.
        wait_until(lambda: agent.rules.version == "china-s3", what="the new strategy on the agent's desk")
        assert agent.strategy.name == "attempts-first" and agent.strategy.weights["attempts_today"] == -1000.0
        after = _order(agent, now)
        assert sorted(after) == sorted(before) and after != before, "the queue is re-ordered by the new weights"
        fresh = build_queue(agent.store, agent.policy, now, me=agent.user.username, cache=QueueCache(),
                            strategy=agent.strategy, book=agent.rules.book)
        assert after == [row.case_id for row in fresh], "the cached queue is exactly one built with the new rules"
        attempted = [row for row in agent.queue(now) if row.status == "open" and row.callable_from is None]
        scores = [row.score for row in attempted]
        assert scores == sorted(scores, reverse=True)
        # Kept in the local store: a restart offline orders the queue the same way.
        stored = rules_mod.stored(agent.store)
        assert stored is not None and stored.version == "china-s3"
    finally:
        agent.stop()
        lead.stop()


def test_an_agent_may_not_change_the_strategy(live_server: EmbeddedServer) -> None:
    agent = _login(live_server, "agent02")
    try:
        with pytest.raises(errors.ServerError) as refused:
            rules_mod.update_strategy(agent, "mine", {"reach": 500.0})
        assert refused.value.status == 403
        assert agent.rules.version == "china-s2"
        with live_server.database.transaction() as s:
            denied = s.scalars(select(AuditEntry).where(AuditEntry.action == "scope.denied",
                                                        AuditEntry.entity == "strategy")).all()
        assert [d.detail["action"] for d in denied] == ["strategy.update"]
    finally:
        agent.stop()


def test_a_bad_weight_is_refused_with_its_name(live_server: EmbeddedServer) -> None:
    lead = _login(live_server, "lead01")
    try:
        # Over HTTP, as any client could send it: 422 naming the weight, nothing saved.
        for weights, name in (({"fruitless_today": 5.0}, "fruitless_today"),
                              ({"p_pay_M1": 1.5}, "p_pay_M1"),
                              ({"calback_due": 900.0}, "calback_due")):
            with pytest.raises(errors.ServerError) as refused:
                lead.api.put_strategy(contract.StrategyUpdate(name="bad", weights=weights))
            assert refused.value.status == 422 and name in str(refused.value)
        assert lead.api.rules("china-s2") is None, "nothing was saved: the seed's version 2 is current"
        # The client core checks with the same domain code before sending anything.
        with pytest.raises(StrategyError, match="fruitless_today") as local:
            rules_mod.update_strategy(lead, "bad", {"fruitless_today": 5.0})
        assert local.value.weight == "fruitless_today"
    finally:
        lead.stop()


def test_saving_over_a_newer_change_is_refused(live_server: EmbeddedServer) -> None:
    lead = _login(live_server, "lead01")
    admin = _login(live_server, "admin")
    try:
        rules_mod.update_strategy(admin, "admin's", {"reach": 200.0}, expected_version=2)
        with pytest.raises(errors.ServerError) as refused:
            rules_mod.update_strategy(lead, "lead's", {"reach": 300.0}, expected_version=2)
        assert refused.value.status == 409 and "version 3" in str(refused.value)
        with live_server.database.transaction() as s:
            entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "strategy.update")).one()
        assert entry.detail["changed"] == {"reach": [150.0, 200.0]} and entry.entity_id == "3"
    finally:
        lead.stop()
        admin.stop()


def test_an_unchanged_rules_version_costs_an_empty_answer(live_server: EmbeddedServer) -> None:
    agent = _login(live_server, "agent03")
    try:
        assert agent.api.rules("china-s2") is None
        assert agent.api.rules("china-s0") is not None
    finally:
        agent.stop()


def test_defaults_apply_before_the_first_sync_and_for_what_this_desk_cannot_apply() -> None:
    fresh = rules_mod.in_force(None, "us")
    assert fresh.version is None and fresh.policy.name == "us" and fresh.strategy.weights == DEFAULT_WEIGHTS
    strange = contract.Rules(version="mars-s7", policy="mars", strategy=contract.StrategyInfo(
        name="future", version=7, weights={**DEFAULT_WEIGHTS, "weight_from_a_newer_server": 1.0}))
    applied = rules_mod.in_force(strange, "china")
    assert applied.policy.name == "china" and applied.strategy.name == "default"
    assert applied.version == "mars-s7", "the version is still remembered, so an unchanged answer stays a 304"
