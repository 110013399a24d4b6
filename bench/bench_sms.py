"""SMS throughput: messages per second from the server through Kannel, beside Kannel's own
rate from its HTTP interface with a trivial client, in the same run on the same Kannel.

Starts a real Kannel on 127.0.0.1 (bearerbox, smsbox, the fakesmsc SMSC simulator) and the
embedded server (SQLite, a seeded demo portfolio, the clock moved to 10:00 in Beijing so
the contact hours allow the messages). Then:

- server: N `sms.send` pushed by the agents, the dispatcher's passes hand them to smsbox
  (each message: guard again, claim committed, HTTP submit, settle committed), measured
  until smsbox took all N, until fakesmsc received all N, and until all N delivery reports
  were matched to their messages in the database;
- baseline: N plain `GET /cgi-bin/sendsms` from a thread pool of the same size, measured
  until smsbox took all N and until fakesmsc received them.

Run: .venv/bin/python bench/bench_sms.py [--messages 400] [--concurrency 4]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
from sqlalchemy import func, select

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from agentdesk import clock  # noqa: E402
from agentdesk.clock import RunningClock  # noqa: E402
from agentdesk.server.embedded import start_embedded_server  # noqa: E402
from agentdesk.server.sms.models import SmsMessage  # noqa: E402
from tests.sms.helpers import kannel_dispatcher, login, push, send_mutation, sendable_cases  # noqa: E402
from tests.support.kannel import Kannel, kannel_available  # noqa: E402
from tests.support.times import next_local  # noqa: E402


def _until(condition: Callable[[], bool], timeout: float, what: str) -> float:
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > timeout:
            raise SystemExit(f"timed out waiting for {what}")
        time.sleep(0.005)
    return time.monotonic()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args(argv)
    missing = kannel_available()
    if missing:
        raise SystemExit(missing)
    n = args.messages
    clock.set_process_clock(RunningClock(next_local(clock.SystemClock().now(), 10)))
    with tempfile.TemporaryDirectory(prefix="agentdesk-bench-sms-") as home:
        kannel = Kannel(Path(home) / "kannel").start()
        server = start_embedded_server(f"sqlite:///{Path(home) / 'server.db'}", seed=True, cases=max(900, 2 * n))
        try:
            targets = sendable_cases(server.database, limit=n)
            if len(targets) < n:
                raise SystemExit(f"only {len(targets)} debtors may get an SMS now; use --messages {len(targets)}")
            by_agent: dict[str, list[dict[str, object]]] = {}
            for target in targets:
                by_agent.setdefault(target.agent, []).append(send_mutation(target))
            for agent, mutations in by_agent.items():
                push(server.url, login(server.url, agent), mutations)

            dispatcher = kannel_dispatcher(server.database, kannel, server.url, batch=n,
                                           concurrency=args.concurrency)

            def delivered() -> int:
                with server.database.transaction() as s:
                    return int(s.scalar(select(func.count()).select_from(SmsMessage)
                                        .where(SmsMessage.state == "delivered")) or 0)

            start = time.monotonic()
            submitted = 0
            while submitted < n:
                submitted += dispatcher.run_once().submitted
            taken = time.monotonic()
            received = _until(lambda: len(kannel.received) >= n, 120, "fakesmsc to receive the server's messages")
            reported = _until(lambda: delivered() >= n, 120, "the delivery reports")
            dispatcher.close()

            base_numbers = [f"1990{i:07d}" for i in range(n)]
            text = "【安信服务中心】您好，这是一条基准测试短信，不含任何个人信息。回T退订"
            http = httpx.Client(timeout=30, trust_env=False)

            def one(number: str) -> None:
                response = http.get(kannel.sendsms_url, params={
                    "username": kannel.username, "password": kannel.password, "to": number, "coding": "2",
                    "charset": "UTF-8", "text": text})
                response.raise_for_status()

            base_start = time.monotonic()
            with ThreadPoolExecutor(args.concurrency) as pool:
                list(pool.map(one, base_numbers))
            base_taken = time.monotonic()
            base_received = _until(lambda: len(kannel.received) >= 2 * n, 120, "fakesmsc to receive the baseline")
            http.close()
        finally:
            server.stop()
            kannel.stop()

    def rate(count: int, seconds: float) -> str:
        return f"{count / seconds:8.1f} msg/s  ({seconds:6.2f} s)"

    print(f"SMS through Kannel + fakesmsc, {n} messages, {args.concurrency} concurrent HTTP requests")
    print(f"  server: taken by smsbox          {rate(n, taken - start)}")
    print(f"  server: received by fakesmsc      {rate(n, received - start)}")
    print(f"  server: delivery reports matched  {rate(n, reported - start)}")
    print(f"  baseline (trivial client): taken  {rate(n, base_taken - base_start)}")
    print(f"  baseline: received by fakesmsc    {rate(n, base_received - base_start)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
