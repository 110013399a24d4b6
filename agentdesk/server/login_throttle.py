"""Throttling of failed logins, per source address and per account name, with growing delays.

A hard lock after N failures lets anyone lock any account they can name, so there is none:
each key (`ip:<address>` and `user:<sha256 of the name>`) gets a few free failures, then
every further failure doubles the wait before the next try (1 s, 2 s, 4 s, ... up to a cap).
Unknown names are counted exactly like known ones, so the answers say nothing about which
accounts exist. The account's cap is short (a minute) because an attacker can keep it
reached; the address's cap is long (15 minutes) because only that address suffers.
A quiet hour forgets a key's failures. The rows live in the database, so every API process
behind the load balancer sees the same counts (OWASP ASVS 2.2.1, NIST SP 800-63B 5.2.2).
"""

from __future__ import annotations

import hashlib
import ipaddress
import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import case, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from agentdesk.server.models import LoginThrottle


@dataclass(frozen=True)
class Rule:
    free_failures: int
    max_delay: timedelta


ADDRESS = Rule(free_failures=10, max_delay=timedelta(minutes=15))
ACCOUNT = Rule(free_failures=5, max_delay=timedelta(minutes=1))
FORGET_AFTER = timedelta(hours=1)


def address_key(host: str | None) -> str:
    """An IPv4 address as it is; an IPv6 address by its /64 (one host usually holds a whole /64)."""
    try:
        ip = ipaddress.ip_address(host or "")
    except ValueError:
        return "ip:unknown"
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return f"ip:{ip.ipv4_mapped}"
        return f"ip:{ipaddress.ip_network(f'{ip}/64', strict=False)}"
    return f"ip:{ip}"


def account_key(username: str) -> str:
    """Hashed: the table must not become a list of the names people typed (often passwords)."""
    return "user:" + hashlib.sha256(username.strip().casefold().encode("utf-8", "replace")).hexdigest()[:64]


def delay(rule: Rule, failures: int) -> timedelta:
    """The wait after the `failures`-th failure in a row: none while free, then doubling to the cap."""
    over = failures - rule.free_failures
    if over <= 0:
        return timedelta(0)
    return min(rule.max_delay, timedelta(seconds=2 ** min(over - 1, 30)))


def wait_seconds(session: Session, keys: dict[str, Rule], now: datetime) -> int:
    """Seconds until a login may be tried for these keys (0: now); rounds up, never below 1 when blocked."""
    rows = session.execute(select(LoginThrottle.blocked_until).where(LoginThrottle.key.in_(list(keys)))).all()
    longest = max((until - now for (until,) in rows if until is not None and until > now), default=timedelta(0))
    return max(1, math.ceil(longest.total_seconds())) if longest > timedelta(0) else 0


def record_failure(session: Session, keys: dict[str, Rule], now: datetime) -> None:
    """Count one failure on each key (an upsert: two processes failing at once both count)."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    for key, rule in keys.items():
        stmt = insert(LoginThrottle).values(key=key, failures=1, last_failure_at=now, blocked_until=None)
        stale = LoginThrottle.last_failure_at < now - FORGET_AFTER
        stmt = stmt.on_conflict_do_update(
            index_elements=[LoginThrottle.key],
            set_={"failures": case((stale, 1), else_=LoginThrottle.failures + 1), "last_failure_at": now},
        ).returning(LoginThrottle.failures)
        failures = int(session.execute(stmt).scalar_one())
        wait = delay(rule, failures)
        if wait:
            session.execute(update(LoginThrottle).where(LoginThrottle.key == key).values(blocked_until=now + wait))


def record_success(session: Session, keys: dict[str, Rule]) -> None:
    """The account's count starts over; the address's does not (one good login must not wash a
    guessing address clean), it fades with FORGET_AFTER."""
    account = [k for k, rule in keys.items() if rule is ACCOUNT]
    if account:
        session.execute(update(LoginThrottle).where(LoginThrottle.key.in_(account))
                        .values(failures=0, blocked_until=None))


def keys_for(host: str | None, username: str) -> dict[str, Rule]:
    return {address_key(host): ADDRESS, account_key(username): ACCOUNT}
