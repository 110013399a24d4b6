"""Where the time of one reassignment goes, phase by phase (bench_reassign.py).

The embedded server runs in the bench's process, so its functions can be wrapped like the
desk's: each wrapper records when a call started and ended (perf_counter), and nothing
else. Server: planning, the write, the poke (sent after the commit). Desk: each pull
request (network and the server's page), each page's parse, each local transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Spans:
    """Start and end of each call of the wrapped functions, by name."""

    calls: dict[str, list[tuple[float, float]]] = field(default_factory=dict)
    undo: list[Callable[[], None]] = field(default_factory=list)

    def wrap(self, owner: Any, attr: str, name: str) -> None:
        import time

        original = getattr(owner, attr)
        spans = self.calls.setdefault(name, [])

        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                spans.append((started, time.perf_counter()))

        setattr(owner, attr, timed)
        self.undo.append(lambda: setattr(owner, attr, original))

    def clear(self) -> None:
        for spans in self.calls.values():
            spans.clear()

    def restore(self) -> None:
        for fn in reversed(self.undo):
            fn()
        self.undo.clear()

    def total(self, name: str, after: float) -> tuple[int, float]:
        """How many calls of `name` started after `after`, and their summed time (s)."""
        mine = [(a, b) for a, b in self.calls.get(name, []) if a >= after]
        return len(mine), sum(b - a for a, b in mine)

    def first_start(self, name: str, after: float) -> float:
        return min((a for a, _b in self.calls.get(name, []) if a >= after), default=float("nan"))

    def last_end(self, name: str, after: float) -> float:
        return max((b for a, b in self.calls.get(name, []) if a >= after), default=float("nan"))


def instrument(session: Any) -> Spans:
    """Wrap the server's reassignment and pull and `session`'s pull, parse and store."""
    from agentdesk.client import api as client_api
    from agentdesk.server import reassign, sync
    from agentdesk.server.events import EventHub

    spans = Spans()
    spans.wrap(reassign, "plan_moves", "server plan")
    spans.wrap(reassign, "reassign_cases", "server write")
    spans.wrap(reassign, "undo_reassignment", "server write")
    spans.wrap(EventHub, "poke", "server poke")
    spans.wrap(sync, "pull_lines", "server pull page")
    spans.wrap(session.sync.api, "pull", "desk pull request")
    spans.wrap(client_api, "parse_pull_lines", "desk parse page")
    spans.wrap(session.store, "apply_changes", "desk store pages")
    return spans


def report(spans: Spans, started: float, answered: float, shown: float) -> list[str]:
    """The phases of the reassignment that started at `started`, as lines to print."""

    def ms(seconds: float) -> str:
        return f"{1000 * seconds:,.0f} ms"

    lines = []
    plan_n, plan = spans.total("server plan", started)
    _n, write = spans.total("server write", started)
    write_end = spans.last_end("server write", started)
    poke = spans.first_start("server poke", started)
    lines.append(f"  server: plan {ms(plan)}, write {ms(write)}, commit (write end → poke) {ms(poke - write_end)}; "
                 f"request → poke {ms(poke - started)}, poke → lead's answer {ms(answered - poke)}")
    first_pull = spans.first_start("desk pull request", poke)
    pages, server_pages = spans.total("server pull page", poke)
    _n, requests = spans.total("desk pull request", poke)
    _n, parse = spans.total("desk parse page", poke)
    stores, store = spans.total("desk store pages", poke)
    last_store = spans.last_end("desk store pages", poke)
    lines.append(f"  desk: poke → first pull request {ms(first_pull - poke)}; {pages} pages: server builds "
                 f"{ms(server_pages)} in all, requests {ms(requests)} in all (parse {ms(parse)}); "
                 f"{stores} local transactions {ms(store)} in all")
    lines.append(f"  first pull request → last transaction's end {ms(last_store - first_pull)}; "
                 f"→ seen by the bench's poll {ms(shown - last_store)}")
    return lines
