"""The SMS periodic task: a cadence pass every few minutes, dispatch passes in between.

Runs as `agentdesk-server sms run` (its own process, the production shape: any number of
them may run on one database) or inside `serve --sms-worker`. Both stop cleanly on a
signal; every pass takes "now" from the clock it was given.
"""

from __future__ import annotations

import logging
import signal
import threading
import time

from agentdesk.clock import Clock
from agentdesk.server.db import Database
from agentdesk.server.sms.config import dispatch_settings_from_env, gateway_from_env, gateway_name
from agentdesk.server.sms.dispatcher import Dispatcher
from agentdesk.server.sms.scheduler import schedule_cadence

log = logging.getLogger(__name__)
CADENCE_EVERY = 300.0  # seconds between cadence passes


def run_loop(db: Database, clock: Clock, stop: threading.Event) -> None:
    gateway = gateway_from_env()
    dispatcher = Dispatcher(db, gateway, dispatch_settings_from_env(), clock)
    last_cadence = -CADENCE_EVERY
    try:
        while not stop.is_set():
            if time.monotonic() - last_cadence >= CADENCE_EVERY:
                try:
                    report = schedule_cadence(db, clock)
                    log.info("SMS cadence: %s", report)
                except Exception:
                    log.exception("SMS cadence pass failed; retrying next time")
                last_cadence = time.monotonic()
            if gateway_name() == "none":
                stop.wait(CADENCE_EVERY)  # nothing can leave: queued messages wait for a gateway
                continue
            try:
                dispatcher.run_once()
            except Exception:
                log.exception("SMS dispatch pass failed; retrying")
            stop.wait(1.0)
    finally:
        dispatcher.close()
        gateway.close()


def start_in_background(db: Database, clock: Clock) -> threading.Event:
    stop = threading.Event()
    threading.Thread(target=run_loop, args=(db, clock, stop), name="sms-worker", daemon=True).start()
    return stop


def run_sms_command(command: str, db: Database, clock: Clock) -> int:
    if command == "schedule":
        print(f"SMS cadence: {schedule_cadence(db, clock)}")
        return 0
    if command == "dispatch":
        gateway = gateway_from_env()
        dispatcher = Dispatcher(db, gateway, dispatch_settings_from_env(), clock)
        try:
            print(f"SMS dispatch: {dispatcher.run_once()}")
        finally:
            dispatcher.close()
            gateway.close()
        return 0
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    run_loop(db, clock, stop)
    return 0
