"""A real Kannel on 127.0.0.1 for tests and bench/: bearerbox, smsbox and the fakesmsc SMSC.

Debian's `kannel` installs bearerbox and smsbox; `kannel-extras` installs the SMSC
simulator `fakesmsc` under /usr/lib/kannel/test/. bearerbox listens for fakesmsc as
`smsc = fake`, takes messages from smsbox and keeps them in its store file until the
SMSC has them; fakesmsc prints every message it receives on its stdout
("sender receiver text|data|udh ..."), which is how a test counts what reached the phone.
All ports are free ports on 127.0.0.1, the configuration is generated into a temporary
folder, and every process is stopped by `stop()` (or by the fixture).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote_to_bytes

BEARERBOX = "/usr/sbin/bearerbox"
SMSBOX = "/usr/sbin/smsbox"
FAKESMSC = "/usr/lib/kannel/test/fakesmsc"


def kannel_available() -> str | None:
    """None when Kannel and fakesmsc are installed, else what to install."""
    missing = [p for p in (BEARERBOX, SMSBOX, FAKESMSC) if not os.access(p, os.X_OK)]
    if missing:
        return f"{', '.join(missing)} missing: apt-get install kannel kannel-extras"
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_port(port: int, timeout: float, proc: subprocess.Popen[bytes] | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"process exited with {proc.returncode} before port {port} opened")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return
        time.sleep(0.05)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port} after {timeout:.0f}s")


@dataclass
class Received:
    sender: str
    receiver: str
    text: str


@dataclass
class Kannel:
    """One bearerbox + smsbox + fakesmsc; `received` fills as fakesmsc gets messages."""

    folder: Path
    admin_port: int = field(default_factory=free_port)
    smsbox_port: int = field(default_factory=free_port)
    sendsms_port: int = field(default_factory=free_port)
    smsc_port: int = field(default_factory=free_port)
    username: str = "agentdesk"
    password: str = "kannel-test-pw"
    admin_password: str = "kannel-admin-pw"
    received: list[Received] = field(default_factory=list)
    # Where smsbox sends replies from phones (Kannel `get-url` escapes: %p sender, %a text).
    inbound_url: str = "http://127.0.0.1:9/unused?from=%p&text=%a"

    def __post_init__(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self._procs: dict[str, subprocess.Popen[bytes]] = {}
        self._parts: dict[tuple[str, int], dict[int, str]] = {}
        self._lock = threading.Lock()
        self._arrived = threading.Condition(self._lock)
        self.conf = self.folder / "kannel.conf"
        self.conf.write_text(self._config(), encoding="utf-8")

    @property
    def sendsms_url(self) -> str:
        return f"http://127.0.0.1:{self.sendsms_port}/cgi-bin/sendsms"

    @property
    def admin_url(self) -> str:
        return f"http://127.0.0.1:{self.admin_port}"

    def _config(self) -> str:
        f = self.folder
        return f"""
group = core
admin-port = {self.admin_port}
admin-interface = 127.0.0.1
admin-password = {self.admin_password}
status-password = {self.admin_password}
admin-allow-ip = "127.0.0.1"
smsbox-port = {self.smsbox_port}
smsbox-interface = 127.0.0.1
box-allow-ip = "127.0.0.1"
log-file = "{f}/bearerbox.log"
log-level = 1
access-log = "{f}/access.log"
store-type = file
store-location = "{f}/store"
store-dump-freq = 1
dlr-storage = internal
sms-resend-freq = 1
sms-resend-retry = -1

group = smsc
smsc = fake
smsc-id = FAKE
port = {self.smsc_port}
our-host = 127.0.0.1
connect-allow-ip = "127.0.0.1"
# Numbers starting 1700000 have no route: how a test gets a real "not delivered" report.
denied-prefix = "1700000"

group = smsbox
bearerbox-host = 127.0.0.1
bearerbox-port = {self.smsbox_port}
sendsms-port = {self.sendsms_port}
sendsms-interface = 127.0.0.1
sendsms-chars = "0123456789+ "
global-sender = 10690000
log-file = "{f}/smsbox.log"
log-level = 1
http-request-retry = 20
http-queue-delay = 1

group = sendsms-user
username = {self.username}
password = {self.password}
max-messages = 10
concatenation = true

group = sms-service
keyword = default
catch-all = true
max-messages = 0
get-url = "{self.inbound_url}"
omit-empty = true
"""

    # --- processes ----------------------------------------------------------------------

    def _spawn(self, name: str, argv: list[str]) -> subprocess.Popen[bytes]:
        log = (self.folder / f"{name}.out").open("ab")
        # fakesmsc reports what it receives in its log on stderr: read it as it comes.
        proc = subprocess.Popen(argv, stdout=log, stderr=log if name != "fakesmsc" else subprocess.PIPE,
                                cwd=self.folder, start_new_session=True)
        self._procs[name] = proc
        return proc

    def start(self) -> Kannel:
        bearer = self._spawn("bearerbox", [BEARERBOX, str(self.conf)])
        _wait_port(self.smsbox_port, 15, bearer)
        self.start_smsbox()
        self.start_fakesmsc()
        return self

    def start_smsbox(self) -> None:
        proc = self._spawn("smsbox", [SMSBOX, str(self.conf)])
        _wait_port(self.sendsms_port, 15, proc)

    def stop_smsbox(self) -> None:
        self._stop("smsbox")

    def start_fakesmsc(self) -> None:
        # -m 0: generate no messages of its own; it only receives (and prints) ours.
        proc = self._spawn("fakesmsc", [FAKESMSC, "-H", "127.0.0.1", "-r", str(self.smsc_port), "-i", "1000",
                                        "-m", "0", "100 200 text unused"])
        threading.Thread(target=self._read_fakesmsc, args=(proc,), name="fakesmsc-reader", daemon=True).start()

    def reply_from_phone(self, sender: str, text: str) -> None:
        """A phone's reply (mobile-originated): fakesmsc sends it to bearerbox, which gives
        it to smsbox's sms-service. One fakesmsc client is served at a time, so the
        receiving one steps aside while the reply goes in, and comes back after."""
        self._stop("fakesmsc")
        proc = subprocess.Popen([FAKESMSC, "-H", "127.0.0.1", "-r", str(self.smsc_port), "-i", "0.1", "-m", "1",
                                 f"{sender} 10690000 text {text}"], cwd=self.folder, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, start_new_session=True)
        try:
            # It keeps running after its one message; its log says when the message left.
            assert proc.stderr is not None
            deadline = time.monotonic() + 20
            for raw in proc.stderr:
                if b"Sent message" in raw or b"sent message" in raw:
                    break
                if time.monotonic() > deadline:
                    raise TimeoutError("fakesmsc did not send the reply")
        finally:
            proc.terminate()
            proc.wait(timeout=10)
        self.start_fakesmsc()

    def _read_fakesmsc(self, proc: subprocess.Popen[bytes]) -> None:
        assert proc.stderr is not None
        for raw in proc.stderr:
            found = _GOT.search(raw.decode("latin-1"))
            if found is None:
                continue
            parts = found.group(1).split(" ", 3)
            if len(parts) < 4:
                continue
            sender, receiver, kind, data = parts
            if kind == "udh":
                # One part of a concatenated message: the phone joins the parts, so does this.
                # "udh <udh> data <body>" (the body's own kind word follows the header).
                udh_text, _, body = data.partition(" ")
                body_kind, _, body = body.partition(" ")
                udh = _unquote(udh_text)
                part = body if body_kind == "text" else _decode_data(body)
                whole = self._join(receiver, udh, part)
                if whole is None:
                    continue
                text = whole
            else:
                text = data if kind == "text" else _decode_data(data)
            with self._arrived:
                self.received.append(Received(sender, receiver, text))
                self._arrived.notify_all()

    def _join(self, receiver: str, udh: bytes, part: str) -> str | None:
        # UDH information element 0x00: concatenation with an 8-bit reference (ref, total, seq).
        if len(udh) < 6 or udh[1] != 0x00:
            return part
        ref, total, seq = udh[3], udh[4], udh[5]
        key = (receiver, ref)
        parts = self._parts.setdefault(key, {})
        parts[seq] = part
        if len(parts) < total:
            return None
        del self._parts[key]
        return "".join(parts[i] for i in sorted(parts))

    def wait_received(self, count: int, timeout: float) -> list[Received]:
        deadline = time.monotonic() + timeout
        with self._arrived:
            while len(self.received) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._arrived.wait(left)
            return list(self.received)

    def _stop(self, name: str) -> None:
        proc = self._procs.pop(name, None)
        if proc is None:
            return
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)

    def stop(self) -> None:
        for name in ("fakesmsc", "smsbox", "bearerbox"):
            self._stop(name)

    def logs(self) -> str:
        out = []
        for name in ("bearerbox.log", "smsbox.log", "bearerbox.out", "smsbox.out"):
            path = self.folder / name
            if path.exists():
                out.append(f"--- {name}\n" + path.read_text(errors="replace")[-3000:])
        return "\n".join(out)


# "DEBUG: Got message 7: <10690000 13800000001 ucs-2 0%10%5B...>"
_GOT = re.compile(r"Got message \d+: <(.*)>\s*$")


def _unquote(data: str) -> bytes:
    return unquote_to_bytes(data.replace("+", "%20"))


def _decode_data(data: str) -> str:
    """fakesmsc prints other bodies url-encoded ("ucs-2", "data"); ours are UTF-16BE."""
    raw = unquote_to_bytes(data.replace("+", "%20"))
    if len(raw) % 2 == 0:
        with contextlib.suppress(UnicodeDecodeError):
            return raw.decode("utf-16-be")
    return raw.decode("latin-1")


def have_kannel() -> bool:
    return kannel_available() is None and shutil.which(BEARERBOX) is not None
