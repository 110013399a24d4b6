"""A strategy's SMS cadence: which message is due for a case on which day, and at what hour.

Pure: the scheduler on the server (agentdesk.server.sms.scheduler) gives it a case's
promises and "now", and stores what it returns once per rule and promise (the key). The
rules are data (`resources/sms/cadence.yaml`); the times are the debtor's local times.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Annotated, Literal
from zoneinfo import ZoneInfo

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from agentdesk.domain import yaml_text
from agentdesk.paths import resources_dir

__all__ = ["Cadence", "CadenceError", "CadencePlan", "PromiseFact", "due_messages", "load_cadence"]


class CadenceError(ValueError):
    """A cadence file that cannot be used; names the file and the field."""


class CadenceRule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,47}$")]
    when: Literal["promise_due_in_days", "promise_broken_days_ago"]
    days: Annotated[int, Field(ge=0, le=30)]
    at: Annotated[str, Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")]
    template: Annotated[str, Field(min_length=1, max_length=64)]


class Cadence(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    version: Annotated[int, Field(ge=1)]
    rules: list[CadenceRule]


@dataclass(frozen=True)
class PromiseFact:
    id: str
    status: str  # pending | kept | broken | replaced
    due_date: date


@dataclass(frozen=True)
class CadencePlan:
    rule_id: str
    template_id: str
    key: str  # one message per key, ever
    not_before: datetime  # UTC
    send_by: datetime  # UTC: the end of the local day it is meant for


def load_cadence(path: Path | None = None) -> Cadence:
    path = path if path is not None else resources_dir() / "sms" / "cadence.yaml"
    try:
        data = yaml_text.safe_load(path.read_text(encoding="utf-8"))
        return Cadence.model_validate(data)
    except FileNotFoundError:
        raise CadenceError(f"{path}: cadence file not found") from None
    except yaml.YAMLError as exc:
        raise CadenceError(f"{path}: not valid YAML: {exc}") from None
    except ValidationError as exc:
        problems = "; ".join(f"'{'.'.join(str(p) for p in e['loc'])}': {e['msg']}" for e in exc.errors())
        raise CadenceError(f"{path}: {problems}") from None


def due_messages(cadence: Cadence, case_status: str, time_zone: str, promises: Sequence[PromiseFact],
                 now: datetime) -> list[CadencePlan]:
    """The cadence messages whose day is the debtor's today, for one case.

    Only today's: a scheduler that did not run yesterday does not send yesterday's
    reminder today. A case not open gets none (the guard would refuse them anyway).
    """
    if case_status != "open":
        return []
    zone = ZoneInfo(time_zone)
    today = now.astimezone(zone).date()
    plans: list[CadencePlan] = []
    for rule in cadence.rules:
        for promise in promises:
            if rule.when == "promise_due_in_days":
                fits = promise.status == "pending" and promise.due_date - timedelta(days=rule.days) == today
            else:
                fits = promise.status == "broken" and promise.due_date + timedelta(days=rule.days) == today
            if not fits:
                continue
            start = datetime.combine(today, time.fromisoformat(rule.at), tzinfo=zone).astimezone(UTC)
            end = datetime.combine(today + timedelta(days=1), time(0), tzinfo=zone).astimezone(UTC)
            plans.append(CadencePlan(rule.id, rule.template, f"{rule.id}:{promise.id}", max(start, now), end))
    return plans
