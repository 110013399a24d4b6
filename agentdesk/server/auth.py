"""Passwords, tokens and lockout.

Passwords are argon2id hashes. Access tokens are short-lived JWTs signed with a key kept
in the database, so every API process behind the load balancer accepts every other's.
Refresh tokens are random, stored only as SHA-256 hashes, and rotate on each use: a
refresh token presented after it was rotated means it leaked, and every token of that
user is revoked.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from agentdesk.server.models import RefreshToken, ServerSetting, User

ACCESS_TTL = timedelta(minutes=15)
REFRESH_TTL = timedelta(days=14)
MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
_hasher = PasswordHasher()


class AuthError(Exception):
    """A login or token the server refuses; `code` is stable for clients, str() is for people."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def signing_key(session: Session) -> str:
    """The JWT key shared by all API processes; made once, on first need."""
    row = session.get(ServerSetting, "jwt_key")
    if row is None:
        row = ServerSetting(key="jwt_key", value=secrets.token_urlsafe(48))
        session.add(row)
        session.flush()
    return row.value


@dataclass(frozen=True)
class IssuedTokens:
    access_token: str
    refresh_token: str
    expires_in: int
    user: User


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _issue(session: Session, user: User, now: datetime) -> IssuedTokens:
    key = signing_key(session)
    access = jwt.encode(
        {"sub": user.id, "role": user.role, "iat": now, "exp": now + ACCESS_TTL},
        key,
        algorithm="HS256",
    )
    refresh = secrets.token_urlsafe(32)
    session.add(
        RefreshToken(user_id=user.id, token_hash=_hash_token(refresh), expires_at=now + REFRESH_TTL)
    )
    return IssuedTokens(access, refresh, int(ACCESS_TTL.total_seconds()), user)


def login(session: Session, username: str, password: str, now: datetime) -> IssuedTokens:
    user = session.scalar(select(User).where(User.username == username))
    if user is None or not user.active:
        # Hash anyway so a missing user takes as long as a wrong password.
        _verify_password(_DUMMY_HASH, password)
        raise AuthError("invalid_credentials", "Wrong username or password.")
    if user.locked_until and user.locked_until > now:
        minutes = max(1, int((user.locked_until - now).total_seconds() // 60) + 1)
        raise AuthError(
            "account_locked",
            f"Too many failed logins: the account is locked for {minutes} more minute(s). "
            "Try again later or ask your team lead to unlock it.",
        )
    if not _verify_password(user.password_hash, password):
        user.failed_logins += 1
        if user.failed_logins >= MAX_FAILED_LOGINS:
            user.locked_until = now + LOCKOUT
            user.failed_logins = 0
        raise AuthError("invalid_credentials", "Wrong username or password.")
    user.failed_logins = 0
    user.locked_until = None
    return _issue(session, user, now)


def refresh(session: Session, token: str, now: datetime) -> IssuedTokens:
    row = session.scalar(select(RefreshToken).where(RefreshToken.token_hash == _hash_token(token)))
    if row is None:
        raise AuthError("invalid_refresh", "The session has ended: log in again.")
    if row.revoked_at is not None:
        revoke_all(session, row.user_id, now)
        raise AuthError("invalid_refresh", "The session has ended: log in again.")
    if row.expires_at <= now:
        raise AuthError("invalid_refresh", "The session has expired: log in again.")
    user = session.get(User, row.user_id)
    if user is None or not user.active:
        raise AuthError("invalid_refresh", "The account is disabled.")
    row.revoked_at = now
    return _issue(session, user, now)


def revoke(session: Session, token: str, now: datetime) -> None:
    session.execute(
        update(RefreshToken)
        .where(RefreshToken.token_hash == _hash_token(token), RefreshToken.revoked_at.is_(None))
        .values(revoked_at=now)
    )


def revoke_all(session: Session, user_id: str, now: datetime) -> None:
    session.execute(
        update(RefreshToken)
        .where(RefreshToken.user_id == user_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=now)
    )


def user_for_access_token(session: Session, token: str, now: datetime) -> User:
    """The active user an access token names, judged at `now` (the server's clock: PyJWT's
    own expiry check would read the wall clock, so the times are checked here)."""
    try:
        claims = jwt.decode(
            token, signing_key(session), algorithms=["HS256"],
            options={"verify_exp": False, "verify_iat": False, "verify_nbf": False, "require": ["exp", "iat"]},
        )
    except jwt.InvalidTokenError as exc:
        raise AuthError("invalid_token", "The access token is not valid: log in again.") from exc
    exp, iat = claims.get("exp"), claims.get("iat")
    if not isinstance(exp, int | float) or not isinstance(iat, int | float):
        raise AuthError("invalid_token", "The access token is not valid: log in again.")
    if exp <= now.timestamp():
        raise AuthError("token_expired", "The access token has expired: refresh it.")
    user = session.get(User, claims.get("sub"))
    if user is None or not user.active:
        raise AuthError("invalid_token", "The account is disabled.")
    return user


_DUMMY_HASH = _hasher.hash("not-a-real-password")
