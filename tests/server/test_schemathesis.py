"""Property-based fuzzing of every documented operation: whatever arrives gets a 4xx, never a 5xx.

Schemathesis reads the app's own /openapi.json in-process (ASGI) and generates requests
from it, sent with a lead's token so the authenticated paths are reached too. Two runs,
each bounded (a few examples per operation) to keep the suite quick, on SQLite and PostgreSQL:

- the schema's own valid and invalid requests;
- valid requests with one hostile part, the inputs that once made the server fail: integers
  beyond 64 bits (and past Python's 4,300-digit conversion limit), lone UTF-16 surrogates and
  NUL characters in text and in keys, instants and dates at the ends of the calendar, numbers
  where text belongs, and JSON nested hundreds of levels deep. They are written as JSON text
  by hand (json.dumps escapes a surrogate; a nesting that deep is spliced in as text), the way
  a hostile client would send them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis.generation import GenerationMode

from tests.server.helpers import login

# The event stream never ends by design; it is covered by the sync tests and the scope matrix.
SKIP = {("GET", "/v1/events")}
EXAMPLES = 10
HOSTILE_EXAMPLES = 12
DEEP, HUGE = "__deep__", "__huge__"  # placeholders, spliced into the JSON text as text
# Families first, so that each operation meets every kind within a few examples.
HOSTILE_FAMILIES: list[list[Any]] = [
    [2**63, 2**64 + 1, -(2**63) - 1, 10**20, 99999999999999999999999, HUGE],  # beyond 64 bits
    ["\ud800", "ok\udfffok", "\udc80\ud800"],  # lone surrogates
    ["\x00", "a\x00b"],  # NUL
    ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "0001-01-01", "9999-12-31"],  # calendar's ends
    [DEEP],  # nested 600 deep
    [1e308, -0.0, True, "9223372036854775808", "１２３", "", [], {}, None],  # the wrong kind
]
HUGE_INT = "9" * 5000  # past Python's 4,300-digit conversion limit


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Paths to every member of a JSON value (the value itself included)."""
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _leaves(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _leaves(item, (*path, index))
    return found


def _replace(value: Any, path: tuple[Any, ...], new: Any, as_key: bool = False) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if key == head and as_key and not rest:
                out[new if isinstance(new, str) else str(new)] = item
            else:
                out[key] = _replace(item, rest, new, as_key) if key == head else item
        return out
    return [_replace(item, rest, new, as_key) if i == head else item for i, item in enumerate(value)]


def _text(body: Any) -> str:
    """The body as JSON text, with the deep and huge placeholders spliced in as text."""
    text = json.dumps(body)  # ensure_ascii: a lone surrogate travels as \\ud800
    text = text.replace(json.dumps(DEEP), '{"a":' * 600 + "1" + "}" * 600)
    return text.replace(json.dumps(HUGE), HUGE_INT)


@st.composite
def _hostile(draw: Callable[..., Any], case: schemathesis.Case) -> tuple[schemathesis.Case, str | None]:
    """The case with one hostile part: a body member (or key), else a query parameter."""
    if isinstance(case.body, dict | list):
        paths = _leaves(case.body)
        path = draw(st.sampled_from(paths))
        value = draw(st.sampled_from(draw(st.sampled_from(HOSTILE_FAMILIES))))
        as_key = bool(path) and isinstance(path[-1], str) and isinstance(value, str) and draw(st.booleans())
        return case, _text(_replace(case.body, path, value, as_key))
    if case.query:
        name = draw(st.sampled_from(sorted(case.query)))
        case.query = {**case.query, name: draw(st.sampled_from(["9" * 30, "-1", "１２", "1e3", "\x00", "NaN"]))}
    return case, None


_STRUCTURED = ("application/json", "multipart/form-data", "application/x-www-form-urlencoded")


def _binary_bodies(document: dict[str, Any]) -> None:
    """Raw bytes for every body type the API documents beyond JSON and forms (recording pieces,
    imports): schemathesis has no serializer of its own for them."""
    for item in document.get("paths", {}).values():
        for op in item.values():
            for media in (op.get("requestBody", {}) or {}).get("content", {}) if isinstance(op, dict) else {}:
                if media not in _STRUCTURED and not media.endswith("+json"):
                    schemathesis.openapi.media_type(media, st.binary(max_size=2048))


def _fuzz(api: TestClient, strategy_for: Callable[[Any], Any], examples: int) -> tuple[int, list[str]]:
    _binary_bodies(api.get("/openapi.json").json())
    schema = schemathesis.openapi.from_asgi("/openapi.json", api.app)
    headers = login(api, "lead01")
    failures: list[str] = []
    tried = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        if (operation.method.upper(), operation.path) in SKIP:
            continue

        @settings(max_examples=examples, deadline=None, database=None, derandomize=True,
                  phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
        @given(drawn=strategy_for(operation))
        def exercise(drawn: Any) -> None:
            nonlocal tried
            case, raw = drawn if isinstance(drawn, tuple) else (drawn, None)
            tried += 1
            # Keep the lead's token: a generated Authorization header would only test the 401 path.
            sent = {**{k: v for k, v in (case.headers or {}).items() if k.lower() != "authorization"}, **headers}
            if raw is not None:
                response = api.request(case.method, case.formatted_path, params=case.query,
                                       headers={**sent, "Content-Type": "application/json"}, content=raw.encode())
            else:
                case.headers = sent
                response = case.call()
            if response.status_code >= 500:
                failures.append(f"{case.method} {case.formatted_path} -> {response.status_code}: "
                                f"{(raw or '')[:120]!r} {response.text[:200]}")
            if response.status_code == 429 and "retry-after" not in {k.lower() for k in response.headers}:
                failures.append(f"{case.method} {case.formatted_path} -> 429 without Retry-After")

        exercise()
    return tried, failures


def test_no_operation_answers_5xx(api: TestClient) -> None:
    tried, failures = _fuzz(api, lambda op: st.one_of(op.as_strategy(GenerationMode.POSITIVE),
                                                      op.as_strategy(GenerationMode.NEGATIVE)), EXAMPLES)
    assert tried > 40
    assert not failures, "\n".join(failures[:10])


def test_hostile_values_in_valid_requests_never_answer_5xx(api: TestClient) -> None:
    tried, failures = _fuzz(api, lambda op: op.as_strategy(GenerationMode.POSITIVE).flatmap(_hostile),
                            HOSTILE_EXAMPLES)
    assert tried > 25 * HOSTILE_EXAMPLES // 2
    assert not failures, "\n".join(failures[:10])
