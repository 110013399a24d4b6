"""Signing in again inside a running session, after the server ended it. No Qt.

A session ends when the server refuses to renew it (the refresh token was revoked, reused
out of time or expired): the sync engine then reports the state `SESSION_ENDED` and stops
getting anywhere, while the agent's saved outcomes wait in the outbox. Signing in again
with the same account's password gives the same API client new tokens, and the next
cycle sends the outbox: its mutations keep their ids, so whatever the server had already
applied is answered "duplicate", never stored twice. The local store is the same one, so
nothing the agent did is lost.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from agentdesk.client.errors import ClientError
from agentdesk.client.sync import SESSION_ENDED

if TYPE_CHECKING:  # the session imports this module
    from agentdesk.client.session import ClientSession


class AccountReplaced(ClientError):
    """The user name signs in, but as another account than this desk's session."""


def session_ended(session: ClientSession) -> bool:
    """Whether the server has ended this session (sign in again to go on)."""
    return session.status().state == SESSION_ENDED


def sign_in_again(session: ClientSession, password: str) -> None:
    """Log the session's own user in again and send what waited. Blocking (network):
    never call it on the GUI thread. Raises the login's ClientErrors (wrong password,
    throttled, unreachable) unchanged, so the caller words them as at sign-in."""
    pair = session.api.login(session.user.username, password)
    if pair.user.id != session.user.id:
        # The name now belongs to another account (deleted and made again): its tokens
        # must not send this store's outbox.
        session.api.access_token = session.api.refresh_token = None
        raise AccountReplaced("This user name now belongs to another account: sign out and sign in anew.")
    session.sync.nudge()
