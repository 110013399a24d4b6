"""Fixtures for the SMS tests: a real Kannel (bearerbox, smsbox, fakesmsc) on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
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
