"""SMS gateways behind one small interface: Kannel's smsbox today, an HTTP provider later.

A gateway answers one question per message, and the answer has to be honest about what
the sender cannot know: `submit` returns when the gateway took the message, raises
`NotSent` when it certainly did not (the connection was refused; the gateway answered
"no"), and `MaybeSent` when the request left but no answer came back (a timeout, a reset
mid-answer). Only `NotSent` may be retried at once; a `MaybeSent` message waits until a
delivery report or the gateway's own store says what became of it (`is_known`), because
an SMS sent twice is a complaint.

Kannel: `GET /cgi-bin/sendsms` on smsbox (user, pass, from, to, text, charset, coding,
dlr-mask, dlr-url). smsbox answers 202 "0: Accepted for delivery" (or "3: Queued for
later delivery"); bearerbox then calls `dlr-url` with the report's status in `%d`
(1 delivered, 2 not delivered, 4 buffered, 8 taken by the SMSC, 16 refused by the SMSC).
Messages bearerbox still holds are listed by its admin interface (`/store-status`), and
the dlr-url of each holds our message id, which is how an uncertain message is found.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import quote

import httpx

log = logging.getLogger(__name__)

# Delivery-report mask asked of Kannel: delivered, not delivered, SMSC took it, SMSC refused.
DLR_MASK = 1 | 2 | 8 | 16
DLR_DELIVERED, DLR_FAILED, DLR_BUFFERED, DLR_SMSC_ACCEPTED, DLR_SMSC_REJECTED = 1, 2, 4, 8, 16


class NotSent(Exception):
    """The gateway certainly did not take the message; `permanent` when retrying cannot help."""

    def __init__(self, message: str, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


class MaybeSent(Exception):
    """The request left and no answer came: the message may or may not be on its way."""


@dataclass(frozen=True)
class OutboundSms:
    message_id: str
    to_number: str
    text: str
    dlr_url: str  # the gateway calls it with the report; it carries message_id


class SmsGateway(Protocol):
    name: str

    def submit(self, sms: OutboundSms) -> str:
        """Hand one message over; returns the gateway's answer (for the event log)."""
        ...

    def is_known(self, message_id: str) -> bool | None:
        """Whether the gateway still holds this message (True), does not (False), or cannot
        tell (None, e.g. no admin access)."""
        ...

    def close(self) -> None: ...


class NoGateway:
    """The embedded demo: messages are recorded and queued, and nothing leaves."""

    name = "none"

    def submit(self, sms: OutboundSms) -> str:
        raise NotSent("no SMS gateway is configured on this server (demo)")

    def is_known(self, message_id: str) -> bool | None:
        return False

    def close(self) -> None:
        return None


@dataclass
class KannelConfig:
    sendsms_url: str  # e.g. http://127.0.0.1:13013/cgi-bin/sendsms
    username: str
    password: str
    sender: str = ""
    admin_url: str | None = None  # bearerbox admin, e.g. http://127.0.0.1:13000
    admin_password: str | None = None
    timeout: float = 10.0


class KannelGateway:
    """smsbox's sendsms interface, and bearerbox's store for messages of uncertain fate."""

    name = "kannel"

    def __init__(self, config: KannelConfig) -> None:
        self.config = config
        self._http = httpx.Client(timeout=config.timeout, trust_env=False)

    def submit(self, sms: OutboundSms) -> str:
        text = sms.text
        ascii_only = all(ord(ch) < 128 for ch in text)
        params = {
            "username": self.config.username,
            "password": self.config.password,
            "to": sms.to_number,
            "dlr-mask": str(DLR_MASK),
            "dlr-url": sms.dlr_url,
        }
        if self.config.sender:
            params["from"] = self.config.sender
        if ascii_only:
            params["text"] = text
        else:
            # UCS-2 as Kannel expects it: coding=2 and the text as UTF-16BE bytes.
            params["coding"] = "2"
            params["charset"] = "UTF-16BE"
            params["text"] = text.encode("utf-16-be")  # type: ignore[assignment]
        query = "&".join(f"{k}={quote(v if isinstance(v, bytes) else str(v), safe='')}" for k, v in params.items())
        url = f"{self.config.sendsms_url}?{query}"
        try:
            response = self._http.get(url)
        except httpx.ConnectError as exc:
            raise NotSent(f"smsbox refused the connection ({type(exc).__name__})") from None
        except httpx.ConnectTimeout as exc:
            raise NotSent(f"smsbox did not accept a connection ({type(exc).__name__})") from None
        except httpx.TransportError as exc:
            # The request may have reached smsbox: its fate is unknown until a report says.
            raise MaybeSent(f"no answer from smsbox ({type(exc).__name__})") from None
        body = response.text.strip()[:200]
        if response.status_code in (200, 202):
            return body
        # Kannel answered: it did not take the message. 4xx is about the request itself.
        permanent = 400 <= response.status_code < 500
        raise NotSent(f"smsbox answered {response.status_code}: {body}", permanent=permanent)

    def is_known(self, message_id: str) -> bool | None:
        if not self.config.admin_url:
            return None
        try:
            response = self._http.get(f"{self.config.admin_url}/store-status.txt",
                                      params={"password": self.config.admin_password or ""})
        except httpx.TransportError:
            return None
        if response.status_code != 200:
            return None
        return message_id in response.text or quote(message_id, safe="") in response.text

    def close(self) -> None:
        self._http.close()


__all__ = [
    "DLR_MASK",
    "KannelConfig",
    "KannelGateway",
    "MaybeSent",
    "NoGateway",
    "NotSent",
    "OutboundSms",
    "SmsGateway",
]
