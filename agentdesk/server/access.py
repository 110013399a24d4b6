"""Who may run lead operations on which team, and the audit trail every such call leaves.

A lead acts on their own team only, an admin on any team, an agent on none. A refused
attempt is itself audited (`scope.denied`), so a lead probing another team shows up.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy.orm import Session

from agentdesk.server.db import Database
from agentdesk.server.errors import ApiError, denied
from agentdesk.server.models import AuditEntry, Team, User

DEFAULT_TZ = "Asia/Shanghai"


def audit(session: Session, user: User, action: str, entity: str | None = None,
          entity_id: str | None = None, **detail: Any) -> None:
    """Append one audit entry; `detail` must hold ids and counts only, never personal data."""
    session.add(AuditEntry(user_id=user.id, action=action, entity=entity, entity_id=entity_id, detail=detail))


@contextmanager
def audited_transaction(db: Database) -> Iterator[Session]:
    """One transaction for a request; a refusal's audit row (`ApiError.audit`) is written in
    a transaction of its own, so it survives the request's rollback."""
    try:
        with db.transaction() as s:
            yield s
    except ApiError as exc:
        if exc.audit:
            with db.transaction() as s:
                s.add(AuditEntry(**exc.audit))
        raise


def lead_team(session: Session, user: User, team_id: str | None, action: str) -> str | None:
    """The team the caller may act on: a lead's own, or the admin's pick (None: every team)."""
    if user.role == "agent":
        raise denied(403, "lead_only", "Only team leads and admins can do this; ask your team lead.",
                     user.id, "team", team_id, action)
    if user.role == "lead":
        if user.team_id is None:
            raise ApiError(403, "no_team", "Your lead account belongs to no team; ask an admin to set your team.")
        if team_id and team_id != user.team_id:
            raise denied(403, "other_team", "You lead another team: a lead sees and changes only their own team.",
                         user.id, "team", team_id, action)
        return user.team_id
    if team_id and session.get(Team, team_id) is None:
        raise ApiError(404, "team_not_found", f"There is no team with id {team_id}.")
    return team_id


def zone(name: str | None) -> ZoneInfo:
    """The time zone that decides what "today" means; a clear 422 for a name that is no zone."""
    try:
        return ZoneInfo(name or DEFAULT_TZ)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise ApiError(422, "bad_time_zone",
                       f"'{name}' is not an IANA time zone; use a name such as Asia/Shanghai.") from exc
