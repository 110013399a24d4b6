"""`agentdesk-server serve --workers N`: several API processes on one PostgreSQL.

uvicorn starts each worker process itself, so a worker cannot be handed the objects `serve`
built; it builds its own app from what `serve` put in the environment (the factory below).
The processes share everything through the database: the token signing key (created by
migrate), login throttling, presence, and the event relay (LISTEN/NOTIFY, events.PgRelay)
that pokes desks connected to any worker. The embedded SQLite server keeps its event hub
in one process, so several workers need PostgreSQL.
"""

from __future__ import annotations

import os

from fastapi import FastAPI

DATABASE_ENV = "AGENTDESK_WORKER_DATABASE_URL"
RECORDINGS_ENV = "AGENTDESK_WORKER_RECORDINGS_DIR"
WORKER_CLOCK_ENV = "AGENTDESK_WORKER_CLOCK"


class WorkersNeedPostgres(ValueError):
    """Several workers on SQLite: the desks on one worker would never hear of another's writes."""


def check_workers(workers: int, is_postgres: bool) -> None:
    if workers < 1:
        raise ValueError("--workers must be 1 or more")
    if workers > 1 and not is_postgres:
        raise WorkersNeedPostgres(
            "--workers above 1 needs PostgreSQL (--database-url postgresql+psycopg://...): on SQLite the "
            "event hub lives in one process, so desks served by one worker would miss the others' changes")


def worker_environment(database_url: str, recordings_dir: str | None) -> dict[str, str]:
    """What a worker process needs to build the same app as `serve` (see `app_from_env`)."""
    env = {DATABASE_ENV: database_url}
    if recordings_dir:
        env[RECORDINGS_ENV] = recordings_dir
    return env


def app_from_env() -> FastAPI:
    """uvicorn's app factory in each worker process."""
    from agentdesk import clock
    from agentdesk.server import heap
    from agentdesk.server.app import create_app
    from agentdesk.server.db import Database
    from agentdesk.server.events import EventHub

    real_clock = clock.SystemClock()
    clock.set_process_clock(real_clock)
    db = Database(os.environ[DATABASE_ENV])
    app = create_app(db, EventHub(), real_clock, recordings_folder=os.environ.get(RECORDINGS_ENV))
    heap.settle()  # the worker's start out of the collector's full passes (heap.py)
    return app
