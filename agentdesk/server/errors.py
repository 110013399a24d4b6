"""The API's user-facing failure: an HTTP status, a stable machine code and a sentence to act on.

Raised anywhere a request cannot be served; create_app turns it into `{"code", "message"}`.
Lives in its own module so route modules can raise it without importing the app.
"""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """`audit`, when set, is an audit_log row to keep although the request's transaction rolls back
    (a refused attempt to reach out of scope must leave a trace)."""

    def __init__(self, status: int, code: str, message: str, audit: dict[str, Any] | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.audit = audit
        self.headers = headers  # e.g. Retry-After on a 429


def denied(status: int, code: str, message: str, user_id: str, entity: str, entity_id: str | None,
           action: str) -> ApiError:
    """A refusal that is audited as `scope.denied` even though the request's work is rolled back."""
    return ApiError(status, code, message, audit={
        "user_id": user_id, "action": "scope.denied", "entity": entity,
        "entity_id": entity_id[:36] if entity_id else None, "detail": {"action": action},
    })
