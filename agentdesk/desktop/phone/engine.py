"""The softphone inside the desk: PJSIP (pjsua2) on one thread that owns the endpoint.

PJSIP is set up without threads of its own (`pjlib.start_endpoint`), so every callback
runs inside `libHandleEvents`, here, on the thread named `agentdesk-sip`. The window's
calls (`place_call`, `hang_up`, ...) only put a command on a queue and return; that
thread carries them out between two polls and reports through `PhoneEvents`, whose
signals Qt delivers on the GUI thread. So no click waits on the network, and no other
thread ever touches PJSIP (which is not safe to call from unregistered threads).

Every connected call is recorded from the moment it is answered: the far end and the
desk's microphone are mixed into one WAV by PJSIP's conference bridge; when the call
ends it is compressed (`recording.py`) on a short-lived thread and `recording_saved`
says where it is.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

import pjsua2 as pj

from agentdesk.clock import PROCESS, Clock
from agentdesk.desktop.phone import recording
from agentdesk.desktop.phone.account import SipAccount
from agentdesk.desktop.phone.base import (
    RING_TIMEOUT_S,
    CallInProgress,
    CallProgress,
    CallResult,
    CallState,
    Dial,
    LineState,
    LineStatus,
    NotRegistered,
    PbxRefused,
    PhoneError,
    outcome_for,
    problem_for,
)
from agentdesk.desktop.phone.events import PhoneEvents
from agentdesk.desktop.phone.pjlib import (
    EndpointOptions,
    list_devices,
    set_media_ports,
    start_endpoint,
    stop_endpoint,
    use_devices,
)

log = logging.getLogger(__name__)

POLL_MS = 10
WAV_CLOSE_WAIT_S = 2.0
TONE_MS = 1200


@dataclass
class _Active:
    """The call in progress, as the SIP thread sees it."""

    dial: Dial
    call: DeskCall
    started_at: datetime
    t0: float
    answered_at: datetime | None = None
    ringing: bool = False
    ended_by: str = "remote"
    recorder: Any = None
    wav: Path | None = None
    muted: bool = False
    held: bool = False


class DeskCall(pj.Call):
    def __init__(self, engine: PjsipPhone, account: pj.Account) -> None:
        super().__init__(account)
        self.engine = engine

    def onCallState(self, prm: pj.OnCallStateParam) -> None:  # noqa: N802 - PJSIP's name
        _guarded(self.engine._call_state, self)

    def onCallMediaState(self, prm: pj.OnCallMediaStateParam) -> None:  # noqa: N802
        _guarded(self.engine._media_state, self)


def _guarded(handler: Callable[[DeskCall], None], call: DeskCall) -> None:
    """A PJSIP error inside a callback would only print to stderr; log it (without the
    call's numbers, which PJSIP's reason text does not hold) and report it."""
    try:
        handler(call)
    except pj.Error as exc:
        log.error("softphone callback failed: %s (%s)", exc.reason, exc.status)
        call.engine._events.failed.emit(PhoneError(exc.reason))


class DeskAccount(pj.Account):
    def __init__(self, engine: PjsipPhone) -> None:
        super().__init__()
        self.engine = engine

    def onRegState(self, prm: pj.OnRegStateParam) -> None:  # noqa: N802
        self.engine._reg_state(prm.code, prm.reason, prm.expiration)

    def onIncomingCall(self, prm: pj.OnIncomingCallParam) -> None:  # noqa: N802
        # Inbound calls are not handled by the desk yet: refuse politely so the PBX routes on.
        call = pj.Call(self, prm.callId)
        answer = pj.CallOpParam()
        answer.statusCode = 486
        call.answer(answer)


class PjsipPhone:
    """A `Phone` (see base.py) that dials through the centre's PBX with PJSIP."""

    kind = "softphone"

    def __init__(
        self,
        account: SipAccount,
        password: str | None,
        *,
        clock: Clock = PROCESS,
        recordings: Path | None = None,
        options: EndpointOptions | None = None,
        microphone: str = "",
        speaker: str = "",
        ring_timeout: float = RING_TIMEOUT_S,
    ) -> None:
        self.account = account
        self._password = password
        self.clock = clock
        self.recordings = recordings or recording.recordings_dir()
        self.recordings.mkdir(parents=True, exist_ok=True)
        self.options = options or EndpointOptions(transport=account.transport)
        self.ring_timeout = ring_timeout
        self._devices = (microphone, speaker)
        self._events = PhoneEvents()
        self._commands: queue.Queue[tuple[str, Any]] = queue.Queue()
        self._line = LineStatus(LineState.REGISTERING if account.register else LineState.READY)
        self._busy_dial: str | None = None  # the GUI thread's view: set on dial, cleared on `ended`
        self._events.ended.connect(self._gui_ended)
        self._events.line_changed.connect(self._gui_line)
        self._thread = threading.Thread(target=self._run, name="agentdesk-sip", daemon=True)
        self._started = threading.Event()
        self._stopped = False
        # SIP-thread state
        self._ep: pj.Endpoint | None = None
        self._acc: DeskAccount | None = None
        self._active: _Active | None = None
        self._graveyard: list[Any] = []
        self._tone: tuple[Any, float] | None = None
        self._closing: list[tuple[CallResult, Path, float]] = []  # recordings PJSIP has yet to close
        self._start_error: BaseException | None = None

    # --- the GUI thread's side ----------------------------------------------------------

    @property
    def events(self) -> PhoneEvents:
        return self._events

    def start(self, timeout: float = 10.0) -> None:
        """Start the SIP thread and wait until PJSIP runs (fast: no network is awaited)."""
        self._thread.start()
        self._started.wait(timeout)
        if self._start_error is not None:
            raise PhoneError(f"the softphone could not start: {self._start_error}") from self._start_error

    def line(self) -> LineStatus:
        return self._line

    def busy(self) -> bool:
        return self._busy_dial is not None

    def place_call(self, dial: Dial) -> None:
        if self._busy_dial is not None:
            raise CallInProgress("a call is in progress: hang up first")
        line = self._line
        if line.state == LineState.REGISTERING:
            raise NotRegistered("the phone line is still signing in to the PBX", line.sip_code, line.reason)
        if line.state == LineState.FAILED:
            error = PbxRefused if line.problem == PbxRefused.code else NotRegistered
            raise error("the phone line is not registered with the PBX", line.sip_code, line.reason)
        self._busy_dial = dial.dial_id
        self._post("dial", dial)

    def hang_up(self) -> None:
        self._post("hangup", None)

    def set_muted(self, muted: bool) -> None:
        self._post("mute", muted)

    def set_held(self, held: bool) -> None:
        self._post("hold", held)

    def send_dtmf(self, digits: str) -> None:
        clean = "".join(d for d in digits if d in "0123456789*#ABCD")
        if clean:
            self._post("dtmf", clean)

    def list_devices(self) -> Future[dict[str, list[str]]]:
        future: Future[dict[str, list[str]]] = Future()
        self._post("devices", future)
        return future

    def use_devices(self, microphone: str, speaker: str) -> None:
        self._post("use_devices", (microphone, speaker))

    def play_test_tone(self) -> None:
        self._post("tone", None)

    def shutdown(self, timeout: float = 10.0) -> None:
        """Hang up, drop every PJSIP object, destroy the library; idempotent."""
        if self._stopped:
            return
        self._stopped = True
        if self._thread.is_alive():
            self._post("quit", None)
            self._thread.join(timeout)

    def _post(self, command: str, arg: Any) -> None:
        self._commands.put((command, arg))

    def _gui_ended(self, result: CallResult) -> None:
        if self._busy_dial == result.dial_id:
            self._busy_dial = None

    def _gui_line(self, status: LineStatus) -> None:
        self._line = status

    # --- the SIP thread ----------------------------------------------------------------

    def _run(self) -> None:
        try:
            self._ep, _port = start_endpoint(self.options)
            problems = use_devices(self._ep, *self._devices)
            self._account_create()
        except (pj.Error, OSError) as exc:
            self._start_error = RuntimeError(exc.reason if isinstance(exc, pj.Error) else str(exc))
            self._started.set()
            return
        self._started.set()
        if problems == ["no_device"]:
            self._emit_line(replace(self._line, problem="no_device"))
        else:
            self._emit_line(self._line)
        running = True
        while running:
            self._graveyard.clear()
            self._ep.libHandleEvents(POLL_MS)
            running = self._commands_due()
            self._timers()
        stop_endpoint(self._ep, self._release)
        self._ep = None
        for result, wav, _deadline in self._closing:  # closed by libDestroy at the latest
            self._compress(result, wav)
        self._closing.clear()

    def _release(self) -> None:
        if self._active is not None:
            self._active.recorder = None
        self._active = None
        self._graveyard.clear()
        self._tone = None
        self._acc = None

    def _account_create(self) -> None:
        a = self.account
        cfg = pj.AccountConfig()
        cfg.idUri = a.uri() if not a.caller_id else f"\"{a.caller_id}\" <{a.uri()}>"
        if a.register:
            suffix = "" if a.transport == "udp" else f";transport={a.transport}"
            cfg.regConfig.registrarUri = f"sip:{a.server}{suffix}"
            cfg.regConfig.retryIntervalSec = 30
            cfg.regConfig.timeoutSec = 300
        if self._password is not None:
            cfg.sipConfig.authCreds.append(pj.AuthCredInfo("digest", "*", a.user, 0, self._password))
        set_media_ports(cfg, self.options)
        self._acc = DeskAccount(self)
        self._acc.create(cfg, True)

    def _emit_line(self, status: LineStatus) -> None:
        self._line = status
        self._events.line_changed.emit(status)

    def _reg_state(self, code: int, reason: str, expiration: int) -> None:
        if code // 100 == 2:
            state = LineState.READY if expiration > 0 else LineState.FAILED
            problem = "" if expiration > 0 else NotRegistered.code
        else:
            state, problem = LineState.FAILED, problem_for(code) or NotRegistered.code
            if code in (408, 0) or code >= 500:
                problem = NotRegistered.code  # nobody answered: the PBX is unreachable
        keep = self._line.problem if self._line.problem == "no_device" and not problem else problem
        self._emit_line(LineStatus(state, keep, code, reason))

    def _commands_due(self) -> bool:
        while True:
            try:
                command, arg = self._commands.get_nowait()
            except queue.Empty:
                return True
            if command == "quit":
                return False
            try:
                self._command(command, arg)
            except pj.Error as exc:
                log.warning("phone command %s failed: %s", command, exc.reason)
                self._events.failed.emit(PhoneError(exc.reason))

    def _command(self, command: str, arg: Any) -> None:
        assert self._ep is not None
        active = self._active
        if command == "dial":
            self._dial(arg)
        elif command == "hangup" and active is not None:
            active.ended_by = "agent"
            active.call.hangup(pj.CallOpParam())
        elif command == "mute" and active is not None:
            active.muted = bool(arg)
            self._connect_audio(active)
        elif command == "hold" and active is not None and active.answered_at is not None:
            active.held = bool(arg)
            prm = pj.CallOpParam(True)
            if arg:
                active.call.setHold(prm)
            else:
                prm.opt.flag = pj.PJSUA_CALL_UNHOLD
                active.call.reinvite(prm)
        elif command == "dtmf" and active is not None and active.answered_at is not None:
            active.call.dialDtmf(arg)
        elif command == "devices":
            arg.set_result(list_devices(self._ep))
        elif command == "use_devices":
            problems = use_devices(self._ep, *arg)
            self._devices = arg
            if problems:
                self._emit_line(replace(self._line, problem="no_device"))
        elif command == "tone":
            self._play_tone()

    def _dial(self, dial: Dial) -> None:
        now = self.clock.now()
        if self._active is not None:
            self._events.ended.emit(self._result_without_call(dial, now, CallInProgress.code))
            return
        if self.account.register and self._line.state != LineState.READY:
            self._events.ended.emit(self._result_without_call(dial, now, NotRegistered.code))
            return
        assert self._acc is not None
        call = DeskCall(self, self._acc)
        prm = pj.CallOpParam(True)
        if self.account.caller_id:
            header = pj.SipHeader()
            header.hName = "P-Asserted-Identity"
            header.hValue = f"<sip:{self.account.caller_id}@{self.account.server.split(':')[0]}>"
            prm.txOption.headers.append(header)
        self._active = _Active(dial, call, now, time.monotonic())
        self._events.progress.emit(CallProgress(dial.dial_id, CallState.CALLING))
        try:
            call.makeCall(self.account.target(dial.number), prm)
        except pj.Error as exc:
            self._active = None
            self._graveyard.append(call)
            result = self._result_without_call(dial, now, PbxRefused.code)
            self._events.ended.emit(replace(result, reason=exc.reason))

    def _result_without_call(self, dial: Dial, now: datetime, problem: str) -> CallResult:
        return CallResult(dial.dial_id, dial.case_id, dial.contact_point_id, sip_call_id="", started_at=now,
                          ended_at=now, ended_by="error", problem=problem)

    def _call_state(self, call: DeskCall) -> None:
        active = self._active
        if active is None or active.call is not call:
            return
        info = call.getInfo()
        if info.state == pj.PJSIP_INV_STATE_EARLY and not active.ringing and info.lastStatusCode in (180, 183):
            active.ringing = True
            self._events.progress.emit(CallProgress(active.dial.dial_id, CallState.RINGING, info.lastStatusCode,
                                                    info.lastReason))
        elif info.state == pj.PJSIP_INV_STATE_CONFIRMED and active.answered_at is None:
            active.answered_at = self.clock.now()
            self._connect_audio(active)
            self._events.progress.emit(CallProgress(active.dial.dial_id, CallState.CONNECTED, 200, info.lastReason,
                                                    answered_at=active.answered_at))
        elif info.state == pj.PJSIP_INV_STATE_DISCONNECTED:
            self._finish(active, info.callIdString, info.lastStatusCode, info.lastReason)

    def _media_state(self, call: DeskCall) -> None:
        active = self._active
        if active is not None and active.call is call:
            self._connect_audio(active)

    def _audio(self, call: DeskCall) -> Any:
        info = call.getInfo()  # keep it alive: `media` points into it (SWIG)
        for index, media in enumerate(info.media):
            if media.type == pj.PJMEDIA_TYPE_AUDIO and media.status == pj.PJSUA_CALL_MEDIA_ACTIVE:
                return call.getAudioMedia(index)
        return None

    def _connect_audio(self, active: _Active) -> None:
        """Far end to the speaker; microphone to the far end unless muted; once answered,
        both into the recorder (mixed by the conference bridge)."""
        assert self._ep is not None
        audio = self._audio(active.call)
        if audio is None:
            return
        manager = self._ep.audDevManager()
        mic, speaker = manager.getCaptureDevMedia(), manager.getPlaybackDevMedia()
        audio.startTransmit(speaker)
        if active.muted:
            mic.stopTransmit(audio)
        else:
            mic.startTransmit(audio)
        if active.answered_at is not None and active.recorder is None:
            active.wav = recording.wav_path(self.recordings, active.dial.dial_id)
            recorder = pj.AudioMediaRecorder()
            recorder.createRecorder(str(active.wav))
            audio.startTransmit(recorder)
            mic.startTransmit(recorder)
            active.recorder = recorder

    def _finish(self, active: _Active, sip_call_id: str, code: int, reason: str) -> None:
        ended = self.clock.now()
        answered = active.answered_at is not None
        if answered and active.ended_by != "agent":
            active.ended_by = "remote"
        outcome = outcome_for(code, answered, active.ended_by)
        result = CallResult(
            dial_id=active.dial.dial_id, case_id=active.dial.case_id,
            contact_point_id=active.dial.contact_point_id, sip_call_id=sip_call_id,
            started_at=active.started_at, ended_at=ended, answered_at=active.answered_at,
            sip_code=code, reason=reason, ended_by=active.ended_by,
            outcome=outcome,
            problem="" if answered or outcome is not None else problem_for(code),
        )
        wav = active.wav
        active.recorder = None  # PJSIP closes the WAV at its next poll (it defers media teardown)
        self._graveyard.append(active.call)
        self._active = None
        if wav is not None:
            result = replace(result, recording_path=recording.final_path(self.recordings, active.dial.dial_id))
        self._events.ended.emit(result)
        if wav is not None:
            self._closing.append((result, wav, time.monotonic() + WAV_CLOSE_WAIT_S))

    def _compress(self, result: CallResult, wav: Path) -> None:
        try:
            done = recording.compress(result, wav)
        except (OSError, RuntimeError) as exc:  # soundfile raises RuntimeError (LibsndfileError)
            log.error("the recording of a call could not be compressed: %s", type(exc).__name__)
            self._events.failed.emit(PhoneError("the call's recording could not be saved"))
            return
        self._events.recording_saved.emit(done)

    def _timers(self) -> None:
        active = self._active
        if active is not None and active.answered_at is None and active.ended_by != "agent" \
                and time.monotonic() - active.t0 > self.ring_timeout:
            active.ended_by = "timeout"
            active.call.hangup(pj.CallOpParam())
        for item in list(self._closing):
            result, wav, deadline = item
            if _wav_closed(wav) or time.monotonic() > deadline:
                self._closing.remove(item)
                threading.Thread(target=self._compress, args=(result, wav), name="agentdesk-recording").start()
        if self._tone is not None and time.monotonic() > self._tone[1]:
            self._tone = None

    def _play_tone(self) -> None:
        assert self._ep is not None
        tone = pj.ToneGenerator()
        tone.createToneGenerator()
        desc = pj.ToneDesc()
        desc.freq1, desc.freq2, desc.on_msec, desc.off_msec = 440, 0, TONE_MS, 0
        tones = pj.ToneDescVector()
        tones.append(desc)
        tone.play(tones, False)
        tone.startTransmit(self._ep.audDevManager().getPlaybackDevMedia())
        self._tone = (tone, time.monotonic() + TONE_MS / 1000 + 0.2)


def _wav_closed(wav: Path) -> bool:
    """PJSIP writes the RIFF size into the header when it closes the file."""
    try:
        with wav.open("rb") as f:
            head = f.read(8)
    except OSError:
        return False
    return len(head) == 8 and head[4:8] != b"\0\0\0\0"


def new_dial_id() -> str:
    return str(uuid.uuid4())


Callback = Callable[[Any], None]
