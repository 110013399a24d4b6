"""The hand-off: the desk gives the number to the OS's handler of a `tel:`/`sip:` link.

For centres that dial with a desk phone or a softphone of their own. The administrator's
`dialer` template (e.g. `sip:{number}@pbx.example.cn`) becomes the link; Qt hands it to
whatever the system registered for the scheme (`QDesktopServices.openUrl`). The desk
cannot hear the call: the wrap-up is the agent's to fill, as before.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from agentdesk.desktop.phone.base import CallProgress, CallState, Dial, LineState, LineStatus, PhoneError
from agentdesk.desktop.phone.events import PhoneEvents


def dial_url(template: str, number: str) -> QUrl:
    """The link for `number`: digits and a leading + only (spaces, dashes and full-width
    digits as typed in a lender's file would make another number, or none)."""
    digits = number.translate({ord(c): ord("0") + i for i, c in enumerate("０１２３４５６７８９")})
    digits = ("+" if digits.strip().startswith("+") else "") + re.sub(r"\D", "", digits)
    return QUrl(template.replace("{number}", digits))


class HandoffPhone:
    kind = "handoff"

    def __init__(self, template: str, *, no_line: bool = False) -> None:
        self.template = template or "tel:{number}"
        self._events = PhoneEvents()
        # Without an administrator's SIP account the desk says "no phone line"; the link still works.
        self._line = LineStatus(LineState.NO_LINE if no_line else LineState.HANDOFF)

    @property
    def events(self) -> PhoneEvents:
        return self._events

    def line(self) -> LineStatus:
        return self._line

    def busy(self) -> bool:
        return False

    def place_call(self, dial: Dial) -> None:
        url = dial_url(self.template, dial.number)
        if not QDesktopServices.openUrl(url):
            raise PhoneError(f"no program on this computer handles {url.scheme()}: links")
        self._events.progress.emit(CallProgress(dial.dial_id, CallState.CALLING))

    def hang_up(self) -> None:
        pass

    def set_muted(self, muted: bool) -> None:
        pass

    def set_held(self, held: bool) -> None:
        pass

    def send_dtmf(self, digits: str) -> None:
        pass

    def shutdown(self) -> None:
        pass
