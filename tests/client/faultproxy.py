"""A fault-injecting HTTP/1.1 TCP proxy for sync tests: the network failures agents live with.

Sits on 127.0.0.1 between the client core and the real server and, for the next request
matching a method and path prefix, can:

- ``drop_request``: close the connection without forwarding (the server never hears it);
- ``drop_response``: forward, wait for the server's whole answer (it has committed), then
  close without sending a byte back;
- ``reset_mid_body``: forward, send the answer's head and half its body, then reset (RST);
- ``hold_response``: like ``drop_response``, but first announce it (``held``) and wait for
  ``release()``: the test kills the client process in that window.

``offline = True`` refuses every new connection and ``cut_all()`` severs the live ones
(the event stream included), as a pulled network cable does. Threads only; every socket
has a timeout and the proxy closes itself after ``lifetime`` seconds, so a failing test
cannot leave it behind.
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
from dataclasses import dataclass, field

ACTIONS = ("drop_request", "drop_response", "reset_mid_body", "hold_response")
IO_TIMEOUT = 15.0


@dataclass
class Fault:
    method: str
    path_prefix: str
    action: str
    times: int = 1


@dataclass
class Seen:
    method: str
    path: str
    action: str | None
    head: bytes = b""  # the request line and headers, as sent


@dataclass
class FaultProxy:
    upstream_port: int
    lifetime: float = 120.0
    offline: bool = False
    seen: list[Seen] = field(default_factory=list)
    held: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        self._faults: list[Fault] = []
        self._lock = threading.Lock()
        self._release = threading.Event()
        self._conns: set[socket.socket] = set()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)
        self.port = int(self._listener.getsockname()[1])
        self.url = f"http://127.0.0.1:{self.port}"
        self._closed = threading.Event()
        self._thread = threading.Thread(target=self._accept, name="faultproxy", daemon=True)
        self._thread.start()
        self._timer = threading.Timer(self.lifetime, self.close)
        self._timer.daemon = True
        self._timer.start()

    # --- control -------------------------------------------------------------------------

    def fail_next(self, method: str, path_prefix: str, action: str, times: int = 1) -> None:
        assert action in ACTIONS, action
        with self._lock:
            self._faults.append(Fault(method, path_prefix, action, times))

    def pending_faults(self) -> int:
        with self._lock:
            return sum(f.times for f in self._faults)

    def clear_faults(self) -> None:
        """Forget the faults not yet taken: requests pass untouched from now on."""
        with self._lock:
            self._faults.clear()

    def release(self) -> None:
        self._release.set()

    def cut_all(self) -> None:
        with self._lock:
            conns = list(self._conns)
        for conn in conns:
            _shutdown(conn)

    def count(self, method: str, path_prefix: str, action: str | None = None) -> int:
        with self._lock:
            return sum(1 for s in self.seen if s.method == method and s.path.startswith(path_prefix)
                       and (action is None or s.action == action))

    def close(self) -> None:
        if self._closed.is_set():
            return
        self._closed.set()
        self._timer.cancel()
        self._release.set()
        self.cut_all()
        self._listener.close()
        self._thread.join(timeout=2)

    # --- plumbing ------------------------------------------------------------------------

    def _take_fault(self, method: str, path: str) -> str | None:
        with self._lock:
            for fault in self._faults:
                if fault.method == method and path.startswith(fault.path_prefix):
                    fault.times -= 1
                    if fault.times <= 0:
                        self._faults.remove(fault)
                    return fault.action
        return None

    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            if self.offline:
                _reset(client)
                continue
            threading.Thread(target=self._serve, args=(client,), name="faultproxy-conn", daemon=True).start()

    def _track(self, conn: socket.socket, add: bool) -> None:
        with self._lock:
            (self._conns.add if add else self._conns.discard)(conn)

    def _serve(self, client: socket.socket) -> None:
        client.settimeout(IO_TIMEOUT)
        self._track(client, True)
        upstream: socket.socket | None = None
        try:
            upstream = socket.create_connection(("127.0.0.1", self.upstream_port), timeout=IO_TIMEOUT)
            self._track(upstream, True)
            reader = _Reader(client)
            while not self._closed.is_set():
                head = reader.head()
                if head is None:
                    return
                method, path = head.split(b" ", 2)[:2]
                m, p = method.decode(), path.decode()
                body = reader.exactly(_content_length(head))
                action = self._take_fault(m, p)
                with self._lock:
                    self.seen.append(Seen(m, p, action, head))
                if action == "drop_request":
                    _reset(client)
                    return
                upstream.sendall(head + body)
                if p.startswith("/v1/events"):
                    _pipe_both(client, upstream)
                    return
                response = _Reader(upstream).response()
                if action in ("drop_response", "hold_response"):
                    if action == "hold_response":
                        self.held.set()
                        self._release.wait(IO_TIMEOUT)
                    _reset(client)
                    return
                if action == "reset_mid_body":
                    cut = response.index(b"\r\n\r\n") + 4
                    client.sendall(response[: cut + (len(response) - cut) // 2])
                    _reset(client)
                    return
                client.sendall(response)
        except (OSError, ValueError):
            pass
        finally:
            for conn in (client, upstream):
                if conn is not None:
                    self._track(conn, False)
                    with contextlib.suppress(OSError):
                        conn.close()


class _Reader:
    """Buffered reads of HTTP/1.1 messages framed by Content-Length or chunked encoding."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.buf = b""

    def _fill(self) -> bool:
        data = self.sock.recv(65536)
        if not data:
            return False
        self.buf += data
        return True

    def head(self) -> bytes | None:
        while b"\r\n\r\n" not in self.buf:
            if not self._fill():
                return None
        end = self.buf.index(b"\r\n\r\n") + 4
        head, self.buf = self.buf[:end], self.buf[end:]
        return head

    def exactly(self, n: int) -> bytes:
        while len(self.buf) < n:
            if not self._fill():
                raise ValueError("connection closed mid-body")
        data, self.buf = self.buf[:n], self.buf[n:]
        return data

    def line(self) -> bytes:
        while b"\r\n" not in self.buf:
            if not self._fill():
                raise ValueError("connection closed mid-line")
        end = self.buf.index(b"\r\n") + 2
        data, self.buf = self.buf[:end], self.buf[end:]
        return data

    def response(self) -> bytes:
        head = self.head()
        if head is None:
            raise ValueError("upstream closed before answering")
        if b"transfer-encoding: chunked" in head.lower():
            out = head
            while True:
                size_line = self.line()
                size = int(size_line.split(b";")[0], 16)
                out += size_line + self.exactly(size + 2)
                if size == 0:
                    return out
        return head + self.exactly(_content_length(head))


def _content_length(head: bytes) -> int:
    for line in head.split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value.strip())
    return 0


def _pipe_both(a: socket.socket, b: socket.socket) -> None:
    def pump(src: socket.socket, dst: socket.socket) -> None:
        try:
            src.settimeout(None)
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            _shutdown(dst)

    other = threading.Thread(target=pump, args=(b, a), daemon=True)
    other.start()
    pump(a, b)
    other.join(timeout=IO_TIMEOUT)


def _shutdown(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


def _reset(sock: socket.socket) -> None:
    """Close with RST rather than FIN: what a crashed middlebox or a dead link looks like."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    with contextlib.suppress(OSError):
        sock.close()
