"""Instants the tests name by the debtor's wall clock, relative to the run's clock.

A test that needs "a call at 23:00 Beijing" takes the last such instant before the run's
"now", never today's date in UTC with the hour replaced (which lies in the future half the
day, and in another Beijing day the other half).
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from agentdesk.clock import NOW_ENV

BEIJING = ZoneInfo("Asia/Shanghai")


def next_local(after: datetime, hour: int, zone: ZoneInfo = BEIJING, minute: int = 0) -> datetime:
    """The first hour:minute on the wall clock of `zone` at or after `after`, as UTC."""
    local = after.astimezone(zone)
    target = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if target < local:
        target = (local + timedelta(days=1)).replace(hour=hour, minute=minute, second=0, microsecond=0)
    return target.astimezone(UTC)


def last_local(before: datetime, hour: int, zone: ZoneInfo = BEIJING, minute: int = 0) -> datetime:
    """The last hour:minute on the wall clock of `zone` strictly before `before`, as UTC."""
    local = before.astimezone(zone)
    target = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if target >= local:
        target = (local - timedelta(days=1)).replace(hour=hour, minute=minute, second=0, microsecond=0)
    return target.astimezone(UTC)


def production_env() -> dict[str, str]:
    """This process's environment for a real `agentdesk-server serve` or an installed desk:
    without AGENTDESK_NOW, which those refuse (they run on the machine's clock)."""
    return {k: v for k, v in os.environ.items() if k != NOW_ENV}
