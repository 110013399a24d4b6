"""The desk's phone: one interface (`base.Phone`), two kinds behind it.

`make_phone()` picks the kind from the administrator's file: a SIP account
(`sip_server`, ...) makes the softphone inside the desk (PJSIP, `engine.py`); without one
the `dialer` link hands the number to the system (`handoff.py`), and the desk says it has
no phone line of its own.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from agentdesk.clock import PROCESS, Clock
from agentdesk.desktop.phone.account import SipAccount, SipSecret, account_from_config
from agentdesk.desktop.phone.base import Phone

log = logging.getLogger(__name__)

__all__ = ["Phone", "make_phone", "SipAccount", "SipSecret"]


def make_phone(
    admin_values: Any,
    settings: Any,
    *,
    clock: Clock = PROCESS,
    password: str | None = None,
    recordings: Path | None = None,
    options: Any = None,
    ring_timeout: float | None = None,
) -> Phone:
    """The phone this desk dials with. `password` overrides the keyring (tests, the demo)."""
    from agentdesk.desktop.phone.handoff import HandoffPhone

    account = account_from_config(admin_values)
    template = settings.get("dialer_url")
    if account is None:
        return HandoffPhone(template, no_line=True)
    from agentdesk.client.errors import KeyringUnavailable
    from agentdesk.desktop.phone.engine import PjsipPhone

    if password is None and account.register:
        try:
            password = SipSecret(account).get()
        except KeyringUnavailable as exc:
            log.warning("SIP password unavailable: %s", type(exc).__name__)
    kwargs: dict[str, Any] = {"clock": clock, "recordings": recordings, "options": options,
                              "microphone": settings.get("phone_microphone"),
                              "speaker": settings.get("phone_speaker")}
    if ring_timeout is not None:
        kwargs["ring_timeout"] = ring_timeout
    phone = PjsipPhone(account, password, **kwargs)
    phone.start()
    return phone
