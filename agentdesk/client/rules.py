"""The rules this desk applies: the server's compliance preset and queue strategy. No Qt.

The server decides both (GET /v1/rules); the sync engine fetches them when they may have
changed and keeps the answer in the local store's meta table, so a desk that starts
offline orders its queue and guards its dial button exactly as it did when last online.
A fresh store that never reached the server uses the documented defaults: the default
strategy and the preset the session was opened with.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pydantic import ValidationError

from agentdesk import contract
from agentdesk.client.store import LocalStore
from agentdesk.domain import compliance
from agentdesk.domain.strategy import Strategy, StrategyError, default_strategy
from agentdesk.domain.strategy_book import BookError, StrategyBook, default_book, parse_book

log = logging.getLogger(__name__)

RULES_META = "rules"
DEFAULT_POLICY = "china"


@dataclass(frozen=True)
class RulesInForce:
    """What the queue and the dial verdicts use now, and where it came from."""

    policy: compliance.ContactPolicy
    strategy: Strategy
    version: str | None  # the server's rules version; None: the built-in defaults
    info: contract.StrategyInfo | None = None  # who changed the strategy, and when
    # Every segment's weights, cadence and talk tracks (issue 14); a server without segments
    # gives one segment for every case, with `strategy`'s weights.
    book: StrategyBook | None = None

    def strategy_book(self) -> StrategyBook:
        return self.book if self.book is not None else default_book(dict(self.strategy.weights),
                                                                   self.strategy.version, self.strategy.name)


@lru_cache(maxsize=8)
def _policy(name: str) -> compliance.ContactPolicy:
    return compliance.load_policy(name)


def stored(store: LocalStore) -> contract.Rules | None:
    """The rules last received from the server, or None (never synced, or unreadable)."""
    raw = store.get_meta(RULES_META)
    if not raw:
        return None
    try:
        return contract.Rules.model_validate_json(raw)
    except ValidationError:
        log.warning("the stored rules cannot be read; the defaults apply until the next sync")
        return None


def save(store: LocalStore, rules: contract.Rules) -> None:
    store.set_meta(RULES_META, rules.model_dump_json())


def in_force(rules: contract.Rules | None, fallback_policy: str = DEFAULT_POLICY) -> RulesInForce:
    """The rules to apply, from the server's answer; each part falls back on its own.

    A preset this build does not ship, or a strategy it cannot apply (a newer server's
    weight), keeps the default for that part and says so in the log, rather than leaving
    the agent without a queue or a guard.
    """
    if rules is None:
        return RulesInForce(_policy(fallback_policy), default_strategy(), None)
    book = rules.book
    if book is not None:
        try:
            parse_book(book)
        except BookError as exc:
            log.warning("the server's strategy book cannot be applied here (%s); using one segment", exc)
            book = None
    try:
        policy = _policy(rules.policy)
    except compliance.PolicyError as exc:
        log.warning("the server's compliance preset cannot be applied here (%s); using '%s'", exc, fallback_policy)
        policy = _policy(fallback_policy)
    info = rules.strategy
    strategy = Strategy(info.name, dict(info.weights), info.version)
    try:
        strategy.resolved()
    except StrategyError as exc:
        log.warning("the server's queue strategy cannot be applied here (%s); using the default", exc)
        strategy = default_strategy()
    return RulesInForce(policy, strategy, rules.version, info, book)


def load(store: LocalStore, fallback_policy: str = DEFAULT_POLICY) -> RulesInForce:
    return in_force(stored(store), fallback_policy)


def update_strategy(session: Any, name: str, weights: dict[str, float],
                    expected_version: int | None = None) -> contract.Rules:
    """Save new weights on the server (leads and admins); blocking, so off the GUI thread.

    Checked here first with the same domain code the server uses, so a bad weight is named
    before any network; the server's answer is adopted at once, so this desk's own queue
    uses the new weights without waiting for the poke.
    """
    Strategy(name, dict(weights)).resolved()
    update = contract.StrategyUpdate(name=name, weights=dict(weights), expected_version=expected_version)
    rules = session.api.put_strategy(update)
    session.sync.adopt_rules(rules)
    return rules


__all__ = ["RULES_META", "RulesInForce", "in_force", "load", "save", "stored", "update_strategy"]
