"""Issue 20: a desk that pushes is not poked back for its own push (it pulls right after the
push anyway), while everyone else who must hear of it still is.

Real server over HTTP on loopback, its event streams read with plain httpx: the desk's own
stream, a second stream of the same agent (another device), the team lead's console, and a
desk of another agent. The push names the desk's stream in `X-AgentDesk-Stream`, the id its
hello carried; a push without it (an older desk) pokes every stream as before.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field

import httpx

from agentdesk import contract
from agentdesk.client.api import EventFrames
from agentdesk.server.embedded import EmbeddedServer
from tests.client.helpers import wait_until
from tests.server.test_processes import _client


@dataclass
class Stream:
    """One open /v1/events: its hello's id and the pokes heard, each noting how many pushes
    had been sent when it came."""

    id: str = ""
    pokes: list[int] = field(default_factory=list)
    opened: threading.Event = field(default_factory=threading.Event)


@contextmanager
def listening(base: str, usernames: list[str], pushes_sent: list[int]) -> Iterator[list[Stream]]:
    streams = [Stream() for _ in usernames]
    stop = threading.Event()

    def listen(username: str, stream: Stream) -> None:
        with closing(_client(base, username)) as client, client.stream(
                "GET", "/v1/events", timeout=httpx.Timeout(30.0)) as response:
            frames = EventFrames()  # the desk's own reading: a keep-alive is no poke
            for line in response.iter_lines():
                name, data = frames.feed(line) or ("", "")
                if name == "hello":
                    stream.id = json.loads(data)["stream"]
                    stream.opened.set()
                elif name == "poke":
                    stream.pokes.append(pushes_sent[0])
                if stop.is_set():
                    return

    threads = [threading.Thread(target=listen, args=(user, stream), daemon=True)
               for user, stream in zip(usernames, streams, strict=True)]
    for thread in threads:
        thread.start()
    assert all(s.opened.wait(15) for s in streams), "every stream says hello with an id"
    try:
        yield streams
    finally:
        stop.set()


def _note(client: httpx.Client, case_id: str, pushes_sent: list[int], stream: str | None) -> None:
    body = {"mutations": [{"id": str(uuid.uuid4()), "type": "note.add",
                           "payload": {"case_id": case_id, "text": "下午再打"}}]}
    pushes_sent[0] += 1
    headers = {contract.EVENT_STREAM_HEADER: stream} if stream else {}
    answer = client.post("/v1/sync/push", json=body, headers=headers).raise_for_status().json()
    assert answer["results"][0]["status"] == "applied"


def _case_of(client: httpx.Client) -> str:
    body = client.get("/v1/sync/pull", params={"limit": 50}).raise_for_status().json()
    return next(c["id"] for c in body["changes"] if c["entity"] == "case")


def check_own_stream_skipped(push_base: str, own_base: str, other_base: str) -> None:
    """agent01's desk pushes through `push_base` naming its stream (served by `own_base`),
    then pushes as an older desk would. Another device of agent01, the lead and another
    team's agent listen on `other_base`; one more stream of agent01 on `push_base`."""
    pushes_sent = [0]
    with closing(_client(push_base, "agent01")) as desk:
        case_id = _case_of(desk)
        with listening(own_base, ["agent01"], pushes_sent) as (own,), \
                listening(other_base, ["agent01", "lead01", "agent06"], pushes_sent) as (device, lead, stranger), \
                listening(push_base, ["agent01"], pushes_sent) as (second,):
            _note(desk, case_id, pushes_sent, own.id)
            # (The lead's console is also poked when any stream of the team ends: presence.)
            heard = {"own": own, "device": device, "lead": lead, "second": second, "stranger": stranger}
            _wait(lambda: len(device.pokes) == len(second.pokes) == 1 and 1 in lead.pokes,
                  "the agent's other streams and the lead hearing the push", heard)
            # Without the id (an older desk, or a server not told it), every stream hears it.
            _note(desk, case_id, pushes_sent, None)
            _wait(lambda: len(device.pokes) == len(second.pokes) == 2 and 2 in lead.pokes and own.pokes,
                  "every stream hearing the push that named none", heard)
            assert own.pokes == [2], "the desk's own stream heard only the push that did not name it"
            assert stranger.pokes == [], "another team's agent is not poked for agent01's case"


def _wait(condition: Callable[[], object], what: str, streams: dict[str, Stream]) -> None:
    try:
        wait_until(condition, timeout=20, what=what)
    except AssertionError as exc:
        heard = ", ".join(f"{name} {s.pokes}" for name, s in streams.items())
        raise AssertionError(f"{exc}; pokes heard (pushes sent by then): {heard}") from None


def test_a_desk_is_not_poked_for_its_own_push_but_its_other_streams_and_lead_are(
        live_server: EmbeddedServer) -> None:
    check_own_stream_skipped(live_server.url, live_server.url, live_server.url)


def test_a_push_naming_a_stream_it_does_not_own_silences_nobody(live_server: EmbeddedServer) -> None:
    """A made-up or stale id (the stream ended and another opened) skips no one; nor does
    the id of another user's stream (the lead's, had it leaked to agent01): only a stream
    of the pushing user can be its desk's own."""
    pushes_sent = [0]
    with closing(_client(live_server.url, "agent01")) as desk, \
            listening(live_server.url, ["agent01", "lead01"], pushes_sent) as (own, lead):
        heard = {"own": own, "lead": lead}
        case_id = _case_of(desk)
        _note(desk, case_id, pushes_sent, "not-" + own.id)
        _wait(lambda: 1 in own.pokes and 1 in lead.pokes, "both streams hearing the push", heard)
        _note(desk, case_id, pushes_sent, lead.id)
        _wait(lambda: 2 in own.pokes and 2 in lead.pokes,
              "the lead hearing agent01's push that named the lead's stream", heard)
