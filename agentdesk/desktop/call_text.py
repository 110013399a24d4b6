"""What the desk says about calls and phone lines, in the agent's language.

One place for the words, so the call bar, the wrap-up and the status bar agree, and the
phone's typed errors (`PhoneError.code`) are translated by their code, never by parsing
their English message.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from agentdesk.desktop import labels
from agentdesk.desktop.phone.base import CallResult, CallState, LineState, LineStatus, PhoneError

translate = QCoreApplication.translate


def talk_time(seconds: float) -> str:
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def state_text(state: CallState) -> str:
    return {
        CallState.CALLING: translate("Calls", "Calling…"),
        CallState.RINGING: translate("Calls", "Ringing…"),
        CallState.CONNECTED: translate("Calls", "Connected"),
        CallState.ENDED: translate("Calls", "Call ended"),
    }[state]


def _sip(result: CallResult) -> str:
    return f"{result.sip_code} {result.reason}".strip() if result.sip_code else result.reason


def summary(result: CallResult) -> str:
    """One line for the wrap-up and the call bar: "Connected, 0:07", "Busy · 486 Busy Here"."""
    if result.connected:
        return translate("Calls", "Connected, %1").replace("%1", talk_time(result.talk_seconds))
    if result.outcome is not None:
        name = labels.label(labels.outcome_labels(), result.outcome.value)
        return f"{name} · {_sip(result)}" if _sip(result) else name
    if result.problem:
        text = problem_text(result.problem)
        return f"{text} · {_sip(result)}" if _sip(result) else text
    return translate("Calls", "Call ended · %1").replace("%1", _sip(result))


def problem_text(code: str) -> str:
    return {
        "no_line": translate("Calls", "No phone line on this desk: the number goes to your desk phone."),
        "no_registration": translate(
            "Calls", "The phone line is not registered with the PBX: check the network, or ask IT."),
        "pbx_refused": translate(
            "Calls", "The PBX refused: check the SIP password (Phone and audio devices…), or ask IT."),
        "no_device": translate("Calls", "No microphone or speaker found: connect a headset."),
        "call_in_progress": translate("Calls", "A call is in progress: hang up first."),
        "no_password": translate("Calls", "No SIP password on this desk yet: enter it in Phone and audio devices…"),
    }.get(code, translate("Calls", "The phone could not place the call."))


def error_text(error: PhoneError) -> str:
    text = problem_text(error.code)
    return f"{text} ({error.sip_code} {error.reason})" if error.sip_code else text


def line_text(status: LineStatus) -> tuple[str, str]:
    """(tone, text) for the status bar's phone line label."""
    if status.state == LineState.NO_LINE:
        return "warn", translate("Calls", "No phone line · numbers go to your desk phone")
    if status.state == LineState.HANDOFF:
        return "", translate("Calls", "Desk phone")
    if status.state == LineState.REGISTERING:
        return "warn", translate("Calls", "Phone: signing in…")
    if status.state == LineState.READY:
        if status.problem == "no_device":
            return "warn", translate("Calls", "Phone ready · no audio device")
        return "ok", translate("Calls", "Phone ready")
    reason = f" ({status.sip_code} {status.reason})" if status.sip_code else ""
    return "danger", problem_text(status.problem or "no_registration") + reason
