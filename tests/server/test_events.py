"""The event stream and a stopping server: what a desktop notices is its stream ending
cleanly at once, not a connection left open with nobody serving it until a timeout."""

from __future__ import annotations

import asyncio
import threading

import pytest

from agentdesk.server import events
from agentdesk.server.events import EventHub


def test_closing_the_hub_ends_every_open_stream_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # Far longer than the wait below: only closing the hub can end the streams in time.
    monkeypatch.setattr(events, "HEARTBEAT_SECONDS", 30.0)
    hub = EventHub()

    async def scenario() -> list[list[str]]:
        subs = [hub.subscribe(f"agent{i}", "team-1", "agent") for i in range(3)]
        streams = [hub.stream(sub) for sub in subs]
        for stream in streams:
            assert (await anext(stream)).startswith("event: hello")
        hub.poke(agents=["agent1"])
        assert "event: poke" in await asyncio.wait_for(anext(streams[1]), 1.0), "a poke still arrives"
        closer = threading.Thread(target=hub.close)  # as the server's stop does, from its thread
        closer.start()
        rest = await asyncio.wait_for(asyncio.gather(*(_drain(s) for s in streams)), 2.0)
        closer.join()
        return rest

    assert asyncio.run(scenario()) == [[], [], []], "each stream ends without another event"
    assert hub.subscriber_count == 0


async def _drain(stream: object) -> list[str]:
    return [chunk async for chunk in stream]  # type: ignore[attr-defined]
