"""The local stand-ins for a centre's telephone system, started as real processes.

`StandInPhone` runs `standin.py` (the debtor's phone, PJSIP) and speaks its line protocol;
`Kamailio` runs the Kamailio SIP server (Debian's `kamailio` package) as registrar and
proxy with a generated configuration: the desk registers with a password (digest
authentication), and every call it places is authenticated, then relayed to the stand-in
phone. Both listen on 127.0.0.1 only, on free ports. The tests, the benchmarks and
`dev.py demo --phone` start them; nothing here runs in a real centre.
"""

from __future__ import annotations

import json
import queue
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

KAMAILIO_MODULES = (
    "tm", "sl", "rr", "pv", "maxfwd", "usrloc", "registrar", "textops", "siputils", "xlog", "auth", "kex",
)
MODULE_DIRS = ("/usr/lib/x86_64-linux-gnu/kamailio/modules", "/usr/lib/aarch64-linux-gnu/kamailio/modules",
               "/usr/lib/kamailio/modules", "/usr/local/lib64/kamailio/modules")


def free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def spoken_wav(text: str, path: Path) -> Path:
    """A WAV of `text` spoken by espeak-ng (Debian: espeak-ng); the far end plays it."""
    espeak = shutil.which("espeak-ng") or shutil.which("espeak")
    if espeak is None:
        raise FileNotFoundError("espeak-ng is not installed (Debian: apt-get install espeak-ng)")
    subprocess.run([espeak, "-w", str(path), text], check=True, capture_output=True, timeout=60)
    return path


class StandInPhone:
    """The debtor's phone in a child process; `events` receives what it reports."""

    def __init__(self, wav: Path | None = None, *, rtp_port: int = 42000, python: str = sys.executable) -> None:
        args = [python, "-m", "agentdesk.desktop.phone.standin", "--port", "0", "--rtp-port", str(rtp_port)]
        if wav is not None:
            args += ["--wav", str(wav)]
        self.process = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, text=True, encoding="utf-8")
        self.events: queue.Queue[dict[str, Any]] = queue.Queue()
        self.seen: list[dict[str, Any]] = []
        self._reader = threading.Thread(target=self._read, daemon=True, name="standin-reader")
        self._reader.start()
        self.port = int(self.expect("ready", timeout=20)["port"])

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            try:
                self.events.put(json.loads(line))
            except ValueError:
                continue
        self.events.put({"event": "exited"})

    def send(self, command: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()

    def mode(self, mode: str, ring_ms: int | None = None) -> None:
        self.send(f"mode {mode}" + (f" {ring_ms}" if ring_ms is not None else ""))
        self.expect("mode")

    def expect(self, event: str, timeout: float = 15.0) -> dict[str, Any]:
        """The next report named `event` (earlier others are kept in `seen`)."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"the stand-in phone did not report '{event}' within {timeout:.0f} s")
            try:
                item = self.events.get(timeout=left)
            except queue.Empty:
                continue
            self.seen.append(item)
            if item.get("event") == event:
                return item
            if item.get("event") == "exited":
                raise RuntimeError("the stand-in phone exited")

    def take(self, event: str) -> dict[str, Any] | None:
        """Without waiting: the next report named `event` received so far, or None (for a
        caller that waits on its own event loop, e.g. a GUI test's `qtbot.waitUntil`)."""
        while True:
            try:
                item = self.events.get_nowait()
            except queue.Empty:
                break
            self.seen.append(item)
        for index, item in enumerate(self.seen):
            if item.get("event") == event and not item.get("_taken"):
                self.seen[index] = {**item, "_taken": True}
                return item
        return None

    def stop(self) -> None:
        if self.process.poll() is None:
            try:
                self.send("quit")
            except (BrokenPipeError, OSError):
                pass
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)


def kamailio_binary() -> str | None:
    return shutil.which("kamailio") or next(
        (p for p in ("/usr/sbin/kamailio", "/usr/local/sbin/kamailio") if Path(p).is_file()), None)


def kamailio_config(port: int, phone_port: int, users: dict[str, str], modules: str) -> str:
    """A registrar and proxy: REGISTER and INVITE need the user's password; a call to a
    registered extension goes there, any other number to the stand-in phone."""
    passwords = "\n".join(
        f'    if ($au == "{user}") {{ $var(pw) = "{password}"; }}' for user, password in users.items())
    loads = "\n".join(f'loadmodule "{m}.so"' for m in KAMAILIO_MODULES)
    return f"""#!KAMAILIO
debug=1
log_stderror=yes
children=2
auto_aliases=no
listen=udp:127.0.0.1:{port}
alias="127.0.0.1:{port}"
mpath="{modules}"
{loads}
modparam("usrloc", "db_mode", 0)
modparam("rr", "append_fromtag", 1)

request_route {{
    if (!mf_process_maxfwd_header("10")) {{ sl_send_reply("483", "Too Many Hops"); exit; }}
    if (has_totag()) {{
        if (loose_route()) {{ t_relay(); exit; }}
        if (is_method("ACK")) {{ if (t_check_trans()) {{ t_relay(); }} exit; }}
        sl_send_reply("404", "Not here"); exit;
    }}
    if (is_method("CANCEL")) {{ if (t_check_trans()) {{ t_relay(); }} exit; }}
    t_check_trans();
    $var(pw) = "";
{passwords}
    if (is_method("REGISTER")) {{
        if ($var(pw) == "" || !pv_www_authenticate("$td", "$var(pw)", "0")) {{
            www_challenge("$td", "0"); exit;
        }}
        consume_credentials();
        if (!save("location")) {{ sl_reply_error(); }}
        exit;
    }}
    if (is_method("INVITE")) {{
        if ($var(pw) == "" || !pv_proxy_authenticate("$fd", "$var(pw)", "0")) {{
            proxy_challenge("$fd", "0"); exit;
        }}
        consume_credentials();
        record_route();
        if (lookup("location")) {{ t_relay(); exit; }}
        $du = "sip:127.0.0.1:{phone_port}";
        t_relay();
        exit;
    }}
    sl_send_reply("405", "Method Not Allowed");
}}
"""


class Kamailio:
    """Kamailio as the centre's PBX stand-in, in the foreground, on a free UDP port."""

    def __init__(self, phone_port: int, users: dict[str, str]) -> None:
        binary = kamailio_binary()
        if binary is None:
            raise FileNotFoundError("kamailio is not installed (Debian: apt-get install kamailio)")
        modules = next((d for d in MODULE_DIRS if Path(d).is_dir()), None)
        if modules is None:
            raise FileNotFoundError("kamailio's modules were not found")
        self.dir = Path(tempfile.mkdtemp(prefix="agentdesk-kamailio-"))
        self.port = free_udp_port()
        config = self.dir / "kamailio.cfg"
        config.write_text(kamailio_config(self.port, phone_port, users, modules), encoding="utf-8")
        check = subprocess.run([binary, "-c", "-f", str(config)], capture_output=True, text=True, timeout=30)
        if check.returncode != 0:
            raise RuntimeError(f"kamailio refused its configuration: {check.stderr[-2000:]}")
        self.log = (self.dir / "kamailio.log").open("w")
        self.process = subprocess.Popen(
            [binary, "-f", str(config), "-DD", "-E", "-m", "32", "-M", "8", "-Y", str(self.dir),
             "-P", str(self.dir / "kamailio.pid")],
            stdout=self.log, stderr=subprocess.STDOUT)
        self._wait_listening()

    def _wait_listening(self, timeout: float = 15.0) -> None:
        """Ready when it answers an OPTIONS on its port (405 from the config above)."""
        deadline = time.monotonic() + timeout
        probe = (f"OPTIONS sip:127.0.0.1:{self.port} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bKprobe\r\n"
                 f"From: <sip:probe@127.0.0.1>;tag=1\r\nTo: <sip:127.0.0.1:{self.port}>\r\nCall-ID: probe\r\n"
                 "CSeq: 1 OPTIONS\r\nMax-Forwards: 5\r\nContent-Length: 0\r\n\r\n").encode()
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.bind(("127.0.0.1", 0))
            s.settimeout(0.2)
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise RuntimeError(f"kamailio exited: {(self.dir / 'kamailio.log').read_text()[-2000:]}")
                s.sendto(probe.replace(b"127.0.0.1:9", f"127.0.0.1:{s.getsockname()[1]}".encode()),
                         ("127.0.0.1", self.port))
                try:
                    if s.recv(4096).startswith(b"SIP/2.0"):
                        return
                except TimeoutError:
                    continue
        raise TimeoutError("kamailio did not answer within its start-up time")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        self.log.close()
        shutil.rmtree(self.dir, ignore_errors=True)
