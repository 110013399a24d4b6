"""A real API server inside the desktop process, for the demo and for tests.

It is the same app `agentdesk-server serve` runs, on uvicorn, on 127.0.0.1 and a free
port, in a background thread. First run migrates and seeds the demo portfolio.
"""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass

import uvicorn
from sqlalchemy import func, select

from agentdesk.server.app import create_app
from agentdesk.server.db import Database, default_database_url
from agentdesk.server.events import EventHub
from agentdesk.server.migrate import upgrade
from agentdesk.server.models import User
from agentdesk.server.seed import seed_demo


class EmbeddedServerError(RuntimeError):
    """The embedded server did not come up; the message says why."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class EmbeddedServer:
    url: str
    port: int
    database: Database
    hub: EventHub
    _server: uvicorn.Server
    _thread: threading.Thread

    def stop(self) -> None:
        self.hub.close()
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self.database.dispose()


def prepare_database(database_url: str, seed: bool = True, cases: int = 2400) -> Database:
    upgrade(database_url)
    db = Database(database_url)
    if seed:
        with db.transaction() as s:
            if not s.scalar(select(func.count()).select_from(User)):
                seed_demo(s, cases=cases)
    return db


def start_embedded_server(database_url: str | None = None, *, port: int | None = None,
                          seed: bool = True, cases: int = 2400) -> EmbeddedServer:
    db = prepare_database(database_url or default_database_url(), seed=seed, cases=cases)
    hub = EventHub()
    port = port or free_port()
    config = uvicorn.Config(create_app(db, hub), host="127.0.0.1", port=port, log_level="warning",
                            timeout_graceful_shutdown=1, lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="agentdesk-embedded-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise EmbeddedServerError(f"the embedded server did not start on 127.0.0.1:{port}")
        time.sleep(0.02)
    return EmbeddedServer(f"http://127.0.0.1:{port}", port, db, hub, server, thread)
