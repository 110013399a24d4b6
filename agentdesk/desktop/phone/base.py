"""What the desk knows about a phone, whatever dials: the `Phone` interface and its facts.

Two kinds of phone sit behind it: the softphone inside the desk (PJSIP, `engine.py`) and
the hand-off to a desk phone or an installed softphone through a `tel:`/`sip:` link
(`handoff.py`). The window talks only to this interface; the facts a call leaves behind
(`CallResult`) are plain, frozen data that the wrap-up, the attempt and the recording
archive take from here. No Qt in this module: the signals live in `events.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from agentdesk.domain.outcomes import Outcome

RING_TIMEOUT_S = 45.0  # a number that rings this long is "no answer"; PBXs give up near 60 s


class CallState(StrEnum):
    CALLING = "calling"  # INVITE sent, nothing back yet
    RINGING = "ringing"  # 180/183 from the far end
    CONNECTED = "connected"  # answered: talk time runs, the recording runs
    ENDED = "ended"


class LineState(StrEnum):
    NO_LINE = "no_line"  # no SIP account set up on this desk: the hand-off dials
    HANDOFF = "handoff"  # a desk phone or an installed softphone dials through a link
    REGISTERING = "registering"
    READY = "ready"
    FAILED = "failed"  # registration failed: `LineStatus.problem` says why


@dataclass(frozen=True)
class LineStatus:
    state: LineState
    problem: str = ""  # a PhoneError code (no_registration, pbx_refused, no_device, ...)
    sip_code: int = 0
    reason: str = ""  # the PBX's own words (SIP reason phrase), shown as they came


@dataclass(frozen=True)
class Dial:
    """One call the compliance guard allowed: who, which number, and the ticket the
    client session issued for it (`ClientSession.begin_dial`)."""

    case_id: str
    contact_point_id: str
    number: str  # the full number, from the audited reveal; never logged
    dial_id: str


@dataclass(frozen=True)
class CallProgress:
    dial_id: str
    state: CallState
    sip_code: int = 0
    reason: str = ""
    answered_at: datetime | None = None  # when CONNECTED: the talk timer counts from here


@dataclass(frozen=True)
class CallResult:
    """Everything a finished call says, for the wrap-up, the attempt and the archive.

    `outcome` is the no-contact outcome the SIP answer proves (busy, no answer, ...); it is
    None when the call connected (the agent says who was reached) or when the call never
    left the PBX (`problem` then says why). `recording_path` is where the compressed
    recording of a connected call is written; the file is complete once the phone's
    `recording_saved` signal has carried this result with `recording_seconds` set.
    """

    dial_id: str
    case_id: str
    contact_point_id: str
    sip_call_id: str
    started_at: datetime
    ended_at: datetime
    answered_at: datetime | None = None
    sip_code: int = 0
    reason: str = ""
    ended_by: str = "remote"  # remote | agent | timeout | error
    outcome: Outcome | None = None
    problem: str = ""
    recording_path: Path | None = None
    recording_seconds: float | None = None
    recording_format: str = "audio/ogg; codecs=opus"
    recording_sha256: str = ""
    extra: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def connected(self) -> bool:
        return self.answered_at is not None

    @property
    def talk_seconds(self) -> int:
        if self.answered_at is None:
            return 0
        return max(0, round((self.ended_at - self.answered_at).total_seconds()))


class PhoneError(Exception):
    """A call or a line that cannot be had; `code` is what the desk translates."""

    code = "phone"

    def __init__(self, message: str, sip_code: int = 0, reason: str = "") -> None:
        super().__init__(message)
        self.sip_code = sip_code
        self.reason = reason


class NoPhoneLine(PhoneError):
    code = "no_line"


class NotRegistered(PhoneError):
    code = "no_registration"


class PbxRefused(PhoneError):
    code = "pbx_refused"


class NoAudioDevice(PhoneError):
    code = "no_device"


class CallInProgress(PhoneError):
    code = "call_in_progress"


def outcome_for(sip_code: int, answered: bool, ended_by: str) -> Outcome | None:
    """The no-contact outcome a call's end proves, from its final SIP status.

    486/600 busy and 603 declined read as busy (the phone was in use or the call refused);
    404/484/604/410 an invalid number; 480 a phone switched off or out of coverage; a call
    that rang out (the desk's timeout, 408) or that the agent gave up on (487) no answer.
    Anything else (401/403/5xx: the PBX or the network refused) proves nothing about the
    debtor's phone: None, and the desk shows the reason instead.
    """
    if answered:
        return None
    if ended_by == "timeout" or sip_code in (408, 487):
        return Outcome.NO_ANSWER
    if sip_code in (486, 600, 603):
        return Outcome.BUSY
    if sip_code in (404, 410, 484, 485, 604):
        return Outcome.INVALID_NUMBER
    if sip_code == 480:
        return Outcome.SWITCHED_OFF
    return None


def problem_for(sip_code: int) -> str:
    """The PhoneError code of a call the PBX (not the far phone) refused, or ''."""
    if sip_code in (401, 403, 407):
        return PbxRefused.code
    if sip_code in (500, 502, 503, 504) or sip_code >= 700 or sip_code == 0:
        return PbxRefused.code
    return ""


class Phone(Protocol):
    """The one interface the window dials through.

    `events` is a `PhoneEvents` (Qt signals: progress, ended, recording_saved, line).
    Every method returns at once; what happens arrives as events. One call at a time:
    `place_call` while a call is up raises `CallInProgress`.
    """

    kind: str  # "softphone" or "handoff"

    @property
    def events(self): ...  # noqa: ANN201 - PhoneEvents, a QObject (kept out of this Qt-free module)

    def line(self) -> LineStatus: ...

    def busy(self) -> bool: ...

    def place_call(self, dial: Dial) -> None: ...

    def hang_up(self) -> None: ...

    def set_muted(self, muted: bool) -> None: ...

    def set_held(self, held: bool) -> None: ...

    def send_dtmf(self, digits: str) -> None: ...

    def shutdown(self) -> None: ...
