"""Fixtures for the SMS tests: a real Kannel (bearerbox, smsbox, fakesmsc) on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import service_unavailable
from tests.support.kannel import Kannel, kannel_available


@pytest.fixture
def kannel(tmp_path: Path) -> Iterator[Kannel]:
    missing = kannel_available()
    if missing:
        service_unavailable(missing)
    gateway = Kannel(tmp_path / "kannel").start()
    try:
        yield gateway
    finally:
        gateway.stop()


@pytest.fixture
def make_kannel(tmp_path: Path) -> Iterator[Callable[..., Kannel]]:
    """Start a Kannel whose sms-service forwards phones' replies to `inbound_url`."""
    started: list[Kannel] = []

    def start(inbound_url: str) -> Kannel:
        missing = kannel_available()
        if missing:
            service_unavailable(missing)
        gateway = Kannel(tmp_path / f"kannel{len(started)}", inbound_url=inbound_url).start()
        started.append(gateway)
        return gateway

    try:
        yield start
    finally:
        for gateway in started:
            gateway.stop()
