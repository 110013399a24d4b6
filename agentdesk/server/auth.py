"""Passwords, tokens and login throttling.

Passwords are argon2id hashes at one of OWASP's recommended minimum configurations (see
`PASSWORD_COST`), rehashed on login when the parameters change: a stored hash is always
verified with the parameters written in it, so older hashes keep working. Failed
logins are throttled per source address and per account name (login_throttle.py), never
locked hard, and an unknown name, a wrong password and a throttled account cannot be told
apart by the answer or its time. Access tokens are short-lived JWTs (`typ` at+jwt, with
audience, issuer, `iat` and `exp`, RFC 9068) signed with a key kept in the database, so
every API process behind the load balancer accepts every other's.
Refresh tokens are stored only as SHA-256 hashes and rotate on each use. A refresh token
presented again within REFRESH_GRACE of its rotation gets the same successor (the answer to
the first use was lost on the way: see `refresh`); presented later, or after its successor
was itself used or revoked, it means the token leaked, and every token of that user is revoked.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import weakref
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

import jwt
from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from agentdesk.server import login_throttle
from agentdesk.server.models import RefreshToken, ServerSetting, User

ACCESS_TTL = timedelta(minutes=15)
REFRESH_TTL = timedelta(days=14)
TOKEN_TYPE = "at+jwt"  # RFC 9068: an access token, never to be taken for another kind of JWT
AUDIENCE = "agentdesk-api"
ISSUER = "agentdesk"
CLOCK_SKEW = timedelta(seconds=60)
# How long after a rotation the same refresh token may be presented again and get the same
# answer: a desk whose answer was lost retries within seconds (client backoff starts at 1-2 s
# and stays under 15 s while outcomes wait), and a minute leaves room for a slow network
# without giving a stolen token's thief a useful window (the successor is the same pair the
# owner holds, and the successor's use closes the window at once).
REFRESH_GRACE = timedelta(seconds=60)
# OWASP Password Storage Cheat Sheet, Argon2id: "m=47104 (46 MiB), t=1, p=1", "m=19456
# (19 MiB), t=2, p=1", "m=12288 (12 MiB), t=3, p=1", "m=9216 (9 MiB), t=4, p=1" and
# "m=7168 (7 MiB), t=5, p=1" are listed as "an equal level of defense, and the only
# difference is a trade off between CPU and RAM usage". The last is the cheapest here:
# one verification 17.9 ms against 25.7 ms for 19 MiB/t=2 (measured on an idle core of this
# project's machine), and 7 MiB of memory instead of 19 per login in flight. At 09:00 a
# whole shift logs in at once (bench/bench_load.py's login storm), so that is ~30% less
# CPU for the storm at the same strength. Hashes made at 19 MiB/t=2 (before) still verify
# with their own parameters and are rehashed at the next successful login (`login`).
PASSWORD_COST = {"memory_cost": 7168, "time_cost": 5, "parallelism": 1}
_hasher = PasswordHasher(memory_cost=PASSWORD_COST["memory_cost"], time_cost=PASSWORD_COST["time_cost"],
                         parallelism=PASSWORD_COST["parallelism"], type=Type.ID)


class AuthError(Exception):
    """A login or token the server refuses; `code` is stable for clients, str() is for people."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class LoginThrottled(AuthError):
    """Too many failed logins from this address or for this name: try again after `retry_after` s."""

    def __init__(self, retry_after: int) -> None:
        super().__init__("too_many_attempts",
                         f"Too many failed logins: wait {retry_after} seconds, then try again.")
        self.retry_after = retry_after


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


_SIGNING_KEYS: weakref.WeakKeyDictionary[object, str] = weakref.WeakKeyDictionary()


def signing_key(session: Session) -> str:
    """The JWT key shared by all API processes; made once, on first need.

    Kept per engine once read: every authenticated request checks a token with it, and
    the key never changes after it is made (migrate makes it); reading it each time cost
    each request a database round trip. A key made in this session is not kept, since the
    transaction may still roll back.
    """
    engine = session.get_bind()
    known = _SIGNING_KEYS.get(engine)
    if known is not None:
        return known
    row = session.get(ServerSetting, "jwt_key")
    if row is not None:
        _SIGNING_KEYS[engine] = row.value
        return row.value
    row = ServerSetting(key="jwt_key", value=secrets.token_urlsafe(48))
    session.add(row)
    session.flush()
    return row.value


def known_signing_key(engine: object) -> str | None:
    """The signing key once `signing_key` has read it for `engine`, else None (no query)."""
    return _SIGNING_KEYS.get(engine)


@dataclass(frozen=True)
class IssuedTokens:
    access_token: str
    refresh_token: str
    expires_in: int
    user: User


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _access_token(key: str, user: User, issued_at: datetime) -> str:
    """Deterministic for the same user, key and second of issue: a retried refresh within the
    grace window rebuilds the very token the lost answer carried."""
    now = issued_at
    return jwt.encode(
        {"sub": user.id, "role": user.role, "iat": now, "exp": now + ACCESS_TTL, "aud": AUDIENCE,
         "iss": ISSUER},
        key,
        algorithm="HS256",
        headers={"typ": TOKEN_TYPE},
    )


def _successor(key: str, token: str) -> str:
    """The refresh token that replaces `token` at its rotation: HMAC(signing key, token).

    Derived rather than random so that a retry of the same old token within the grace
    window can be answered with the identical pair without storing any token in clear:
    only whoever holds the old token (and the server's key) can compute it, so it is as
    secret as a random one, and the database still holds nothing but hashes.
    """
    mac = hmac.new(key.encode(), b"agentdesk-refresh-successor\0" + token.encode(), hashlib.sha256)
    return base64.urlsafe_b64encode(mac.digest()).rstrip(b"=").decode()


def _issue(session: Session, user: User, now: datetime, refresh: str | None = None) -> IssuedTokens:
    key = signing_key(session)
    access = _access_token(key, user, now)
    refresh = refresh or secrets.token_urlsafe(32)
    session.add(
        RefreshToken(user_id=user.id, token_hash=_hash_token(refresh), created_at=now,
                     expires_at=now + REFRESH_TTL)
    )
    return IssuedTokens(access, refresh, int(ACCESS_TTL.total_seconds()), user)


def login(session: Session, username: str, password: str, now: datetime,
          source: str | None = None) -> IssuedTokens:
    """Tokens for a right name and password; `source` is the caller's address (throttling).

    Every refusal is the same `invalid_credentials`, after the same work (one argon2
    verification, the same throttle writes), whether the name exists, is disabled or the
    password is wrong. A throttled name or address is refused before any of it, alike for
    names that exist and names that do not. (The API runs the same steps in two short
    transactions with the verification between them: `check_login`, `verify_login`,
    `finish_login`.)
    """
    attempt = check_login(session, username, now, source)
    return finish_login(session, attempt, verify_login(attempt, password), password, now)


@dataclass(frozen=True)
class LoginAttempt:
    """What a login reads before the password is verified (no database needed meanwhile)."""

    keys: dict[str, login_throttle.Rule]
    user: User | None  # the active account of that name, or None (unknown or disabled)


def check_login(session: Session, username: str, now: datetime, source: str | None = None) -> LoginAttempt:
    """The throttle's verdict (LoginThrottled) and the account a login names."""
    keys = login_throttle.keys_for(source, username)
    wait = login_throttle.wait_seconds(session, keys, now)
    if wait:
        raise LoginThrottled(wait)
    user = session.scalar(select(User).where(User.username == username))
    return LoginAttempt(keys, user if user is not None and user.active else None)


def verify_login(attempt: LoginAttempt, password: str) -> bool:
    """The argon2 verification (against a dummy hash for an unknown or disabled name: the
    same work either way). Needs no database: the API runs it holding no connection."""
    user = attempt.user
    return _verify_password(user.password_hash if user is not None else _DUMMY_HASH, password)


def finish_login(session: Session, attempt: LoginAttempt, verified: bool, password: str,
                 now: datetime) -> IssuedTokens:
    """The throttle's count, then the tokens (or AuthError: the caller commits the count)."""
    user = attempt.user
    if user is None or not verified:
        login_throttle.record_failure(session, attempt.keys, now)
        raise AuthError("invalid_credentials", "Wrong username or password.")
    login_throttle.record_success(session, attempt.keys)
    if _hasher.check_needs_rehash(user.password_hash):
        # Parameters were raised (or lowered) since: the stored hash is replaced.
        session.execute(update(User).where(User.id == user.id).values(password_hash=hash_password(password)))
    return _issue(session, user, now)


def refresh(session: Session, token: str, now: datetime) -> IssuedTokens:
    """Rotate a refresh token: the old one is spent, a successor pair is issued.

    A lost answer must not end the session. If the same old token comes again within
    REFRESH_GRACE of its rotation, while its successor is still unused and valid, the answer
    is the very pair of the first rotation (the successor is derived from the old token, the
    access token rebuilt with the rotation's instant), as token services with a reuse
    interval do. Identical rather than merely valid: a second, different pair would leave
    two live token families for one desk, and whichever answer the desk did not keep would
    stay valid for 14 days. Later, or once the successor has been used or revoked, the old
    token's return means it leaked, and every token of the user is revoked.
    """
    row = session.scalar(select(RefreshToken).where(RefreshToken.token_hash == _hash_token(token)))
    if row is None:
        raise AuthError("invalid_refresh", "The session has ended: log in again.")
    if row.revoked_at is not None:
        return _retried(session, row, token, now)
    if row.expires_at <= now:
        raise AuthError("invalid_refresh", "The session has expired: log in again.")
    user = session.get(User, row.user_id)
    if user is None or not user.active:
        raise AuthError("invalid_refresh", "The account is disabled.")
    spent = session.execute(
        update(RefreshToken).where(RefreshToken.id == row.id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    if spent.rowcount != 1:  # type: ignore[attr-defined]
        # Another request rotated it between our read and our write: answer as its retry.
        session.expire(row)
        return _retried(session, row, token, now)
    return _issue(session, user, now, _successor(signing_key(session), token))


def _retried(session: Session, row: RefreshToken, token: str, now: datetime) -> IssuedTokens:
    """The answer to an already-rotated token: its first answer again, or the end of all sessions.

    `now` may precede the rotation: a request that read the clock, then waited for the row
    the rotating request held, is the same moment's retry, not a reuse (CLOCK_SKEW bounds it)."""
    ended = AuthError("invalid_refresh", "The session has ended: log in again.")
    rotated_at = row.revoked_at
    key = signing_key(session)
    successor = session.scalar(
        select(RefreshToken).where(RefreshToken.token_hash == _hash_token(_successor(key, token))))
    user = session.get(User, row.user_id)
    if (rotated_at is None or successor is None or successor.revoked_at is not None
            or successor.expires_at <= now or user is None or not user.active
            or not rotated_at - CLOCK_SKEW <= now <= rotated_at + REFRESH_GRACE):
        # Spent by logout (no successor), or reused out of time: the token may have leaked.
        revoke_all(session, row.user_id, now)
        raise ended
    return IssuedTokens(_access_token(key, user, rotated_at), _successor(key, token),
                        int(ACCESS_TTL.total_seconds()), user)


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
    own expiry check would read the wall clock, so the times are checked here).

    Required: the at+jwt type, our audience and issuer, `sub`, `iat` and `exp`, a lifetime
    no longer than ACCESS_TTL and an `iat` not in the future: a token signed with the real
    key but made otherwise (no expiry, another kind of token) is not an access token.
    """
    sub = access_token_subject(token, signing_key(session), now)
    user = session.get(User, sub)
    if user is None or not user.active:
        raise AuthError("invalid_token", "The account is disabled.")
    return user


def access_token_subject(token: str, key: str, now: datetime) -> str:
    """The user id an access token signed with `key` names, if it is valid at `now`
    (AuthError otherwise); see `user_for_access_token`."""
    invalid = AuthError("invalid_token", "The access token is not valid: log in again.")
    try:
        typ, exp, iat, sub = _verified_claims(token, key)
    except (jwt.InvalidTokenError, ValueError, TypeError) as exc:
        raise invalid from exc
    if typ != TOKEN_TYPE or not isinstance(sub, str) or len(sub) > 64:
        raise invalid
    if not all(isinstance(v, int | float) and not isinstance(v, bool) and abs(v) < 2**40 for v in (exp, iat)):
        raise invalid
    if iat > (now + CLOCK_SKEW).timestamp() or exp - iat > ACCESS_TTL.total_seconds() + 1:
        raise invalid
    if exp <= now.timestamp():
        raise AuthError("token_expired", "The access token has expired: refresh it.")
    return sub


@lru_cache(maxsize=4096)
def _verified_claims(token: str, key: str) -> tuple[Any, Any, Any, Any]:
    """(typ, exp, iat, sub) of a token whose signature, audience and issuer check out.

    Kept per (token, key): a desk sends the same token with every request for its 15
    minutes, and decoding and verifying it again each time was a share of every pull's CPU.
    Only the signature's verdict is kept; every time check is made again by the caller at
    its own `now`. A refused token raises, and a raise is never kept."""
    decoded = jwt.decode_complete(
        token, key, algorithms=["HS256"], audience=AUDIENCE, issuer=ISSUER,
        options={"verify_exp": False, "verify_iat": False, "verify_nbf": False,
                 "require": ["exp", "iat", "sub", "aud", "iss"]},
    )
    claims, header = decoded["payload"], decoded["header"]
    return header.get("typ"), claims.get("exp"), claims.get("iat"), claims.get("sub")


_DUMMY_HASH = _hasher.hash("not-a-real-password")
