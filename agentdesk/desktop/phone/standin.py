"""The debtor's phone, for tests and the demo: a real SIP user agent on PJSIP, in its own process.

    python -m agentdesk.desktop.phone.standin --port 0 --wav hello.wav [--bind 127.0.0.1]

PJSIP allows one endpoint per process, so the far end of a test call runs here, beside the
desk's. It answers calls to any number the way it was told (stdin, one command a line):

    mode answer [ring_ms]     ring for ring_ms (default 300), answer, play the WAV in a loop
    mode ring                 ring and never answer (the caller gives up: "no answer")
    mode busy | notfound | unavailable | decline
                              refuse with 486, 404, 480 or 603
    hangup                    end the call from this side
    quit

and reports on stdout, one JSON object a line: `ready` (with its SIP port), `incoming`
(the number dialled, the caller ID it saw), `answered`, `dtmf` (a digit), `ended`.
Nothing else is printed there, so a test can read it as a protocol.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import re
import sys
import threading
from typing import Any

import pjsua2 as pj

from agentdesk.desktop.phone.pjlib import EndpointOptions, set_media_ports, start_endpoint, stop_endpoint

REFUSALS = {"busy": 486, "notfound": 404, "unavailable": 480, "decline": 603}


_OUT = sys.stdout


def emit(event: str, **fields: Any) -> None:
    print(json.dumps({"event": event, **fields}), file=_OUT, flush=True)


def _protocol_stdout() -> None:
    """Keep stdout for the JSON protocol: PJSIP prints its start-up lines to file
    descriptor 1 before any log setting applies, so fd 1 becomes stderr."""
    global _OUT
    _OUT = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)


def _header(message: str, name: str) -> str:
    match = re.search(rf"^{name}:\s*(.+?)\r?$", message, re.IGNORECASE | re.MULTILINE)
    return match.group(1).strip() if match else ""


class FarCall(pj.Call):
    def __init__(self, phone: StandIn, account: pj.Account, call_id: int) -> None:
        super().__init__(account, call_id)
        self.phone = phone
        self.player: pj.AudioMediaPlayer | None = None

    def onCallState(self, prm: pj.OnCallStateParam) -> None:  # noqa: N802 - PJSIP's name
        info = self.getInfo()
        if info.state == pj.PJSIP_INV_STATE_CONFIRMED:
            emit("answered", call_id=info.callIdString)
        elif info.state == pj.PJSIP_INV_STATE_DISCONNECTED:
            emit("ended", code=info.lastStatusCode, reason=info.lastReason,
                 seconds=info.connectDuration.sec + info.connectDuration.msec / 1000)
            self.phone.call_gone(self)

    def onCallMediaState(self, prm: pj.OnCallMediaStateParam) -> None:  # noqa: N802
        if self.player is not None or not self.phone.wav:
            return
        info = self.getInfo()  # keep it alive: `media` points into it (SWIG)
        for index, media in enumerate(info.media):
            if media.type == pj.PJMEDIA_TYPE_AUDIO and media.status == pj.PJSUA_CALL_MEDIA_ACTIVE:
                self.player = pj.AudioMediaPlayer()
                self.player.createPlayer(self.phone.wav)  # loops by default
                self.player.startTransmit(self.getAudioMedia(index))
                return

    def onDtmfDigit(self, prm: pj.OnDtmfDigitParam) -> None:  # noqa: N802
        emit("dtmf", digit=prm.digit)

    def shutdown(self) -> None:
        self.player = None


class FarAccount(pj.Account):
    def __init__(self, phone: StandIn) -> None:
        super().__init__()
        self.phone = phone

    def onIncomingCall(self, prm: pj.OnIncomingCallParam) -> None:  # noqa: N802
        self.phone.incoming(self, prm)


class StandIn:
    def __init__(self, options: EndpointOptions, wav: str) -> None:
        self.options = options
        self.wav = wav
        self.mode = "answer"
        self.ring_ms = 300
        self.calls: list[FarCall] = []
        self.pending: list[tuple[float, FarCall]] = []  # (answer at, call)
        self.commands: queue.Queue[str] = queue.Queue()
        self.ticks = 0.0

    def incoming(self, account: pj.Account, prm: pj.OnIncomingCallParam) -> None:
        call = FarCall(self, account, prm.callId)
        message = prm.rdata.wholeMsg
        to_user = re.sub(r"^.*?sips?:([^@;>]+).*$", r"\1", _header(message, "To") or _header(message, "t"))
        emit("incoming", number=to_user, caller_id=_header(message, "P-Asserted-Identity"),
             from_=_header(message, "From") or _header(message, "f"))
        self.calls.append(call)  # kept until PJSIP says it is gone (`call_gone`)
        answer = pj.CallOpParam()
        if self.mode in REFUSALS:
            answer.statusCode = REFUSALS[self.mode]
            call.hangup(answer)  # a final refusal is a hang-up with that status in pjsua
            return
        answer.statusCode = 180
        call.answer(answer)
        if self.mode == "answer":
            self.pending.append((self.ticks + self.ring_ms / 1000, call))

    def call_gone(self, call: FarCall) -> None:
        self.pending = [(t, c) for t, c in self.pending if c is not call]
        if call in self.calls:
            self.calls.remove(call)
            call.shutdown()

    def command(self, line: str) -> bool:
        words = line.split()
        if not words:
            return True
        if words[0] == "quit":
            return False
        if words[0] == "mode" and len(words) >= 2:
            self.mode = words[1]
            if len(words) > 2:
                self.ring_ms = int(words[2])
            emit("mode", mode=self.mode)
        elif words[0] == "hangup":
            for call in list(self.calls):
                call.hangup(pj.CallOpParam())
        return True

    def run(self) -> None:
        ep, port = start_endpoint(self.options)
        ep.audDevManager().setNullDev()
        cfg = pj.AccountConfig()
        host = self.options.bind_address or "127.0.0.1"
        cfg.idUri = f"sip:phone@{host}:{port}"
        set_media_ports(cfg, self.options)
        account: FarAccount | None = FarAccount(self)
        assert account is not None
        account.create(cfg, True)
        emit("ready", port=port)
        threading.Thread(target=self._read_stdin, daemon=True, name="standin-stdin").start()
        running = True
        step = 0.02
        while running:
            ep.libHandleEvents(int(step * 1000))
            self.ticks += step
            for when, call in list(self.pending):
                if when <= self.ticks:
                    self.pending.remove((when, call))
                    ok = pj.CallOpParam()
                    ok.statusCode = 200
                    call.answer(ok)
            while True:
                try:
                    line = self.commands.get_nowait()
                except queue.Empty:
                    break
                running = self.command(line)
        def release() -> None:
            nonlocal account
            for call in self.calls:
                call.shutdown()
            self.calls.clear()
            self.pending.clear()
            account = None

        stop_endpoint(ep, release)
        emit("stopped")

    def _read_stdin(self) -> None:
        for line in sys.stdin:
            self.commands.put(line.strip())
        self.commands.put("quit")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="A debtor's phone for tests and the demo (SIP, PJSIP).")
    parser.add_argument("--bind", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--rtp-port", type=int, default=42000)
    parser.add_argument("--wav", default="", help="what the phone says once it answers (a WAV file)")
    args = parser.parse_args(argv)
    _protocol_stdout()
    options = EndpointOptions(bind_address=args.bind, sip_port=args.port, rtp_port=args.rtp_port,
                              user_agent="AgentDesk stand-in phone")
    StandIn(options, args.wav).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
