"""Which SMS gateway this server uses, from its environment (no gateway: the demo's case).

    AGENTDESK_SMS_GATEWAY=kannel
    AGENTDESK_KANNEL_SENDSMS_URL=http://127.0.0.1:13013/cgi-bin/sendsms
    AGENTDESK_KANNEL_USERNAME=...  AGENTDESK_KANNEL_PASSWORD=...
    AGENTDESK_KANNEL_ADMIN_URL=http://127.0.0.1:13000   AGENTDESK_KANNEL_ADMIN_PASSWORD=...
    AGENTDESK_SMS_CALLBACK_URL=http://10.0.0.5:8470     (how smsbox reaches this server)
    AGENTDESK_PUBLIC_URL=https://agentdesk.example.cn   (what the debtor's link starts with)

A provider other than Kannel (an HTTP SMS API of the centre's choice) is one more class
with `submit` and `is_known` (agentdesk.server.sms.gateway.SmsGateway) and one more name here.
"""

from __future__ import annotations

import os
from datetime import timedelta

from agentdesk.server.sms.dispatcher import DispatchSettings
from agentdesk.server.sms.gateway import KannelConfig, KannelGateway, NoGateway, SmsGateway
from agentdesk.server.sms.outbox import public_base

ENV_GATEWAY = "AGENTDESK_SMS_GATEWAY"


class SmsConfigError(ValueError):
    """A gateway setting that is missing or wrong; names the variable."""


def gateway_name() -> str:
    return os.environ.get(ENV_GATEWAY, "none").strip().lower() or "none"


def _required(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise SmsConfigError(f"{ENV_GATEWAY}=kannel needs {name}")
    return value


def gateway_from_env() -> SmsGateway:
    name = gateway_name()
    if name == "none":
        return NoGateway()
    if name == "kannel":
        return KannelGateway(KannelConfig(
            sendsms_url=_required("AGENTDESK_KANNEL_SENDSMS_URL"),
            username=_required("AGENTDESK_KANNEL_USERNAME"),
            password=_required("AGENTDESK_KANNEL_PASSWORD"),
            sender=os.environ.get("AGENTDESK_KANNEL_SENDER", ""),
            admin_url=os.environ.get("AGENTDESK_KANNEL_ADMIN_URL") or None,
            admin_password=os.environ.get("AGENTDESK_KANNEL_ADMIN_PASSWORD") or None,
        ))
    raise SmsConfigError(f"{ENV_GATEWAY}='{name}' is not a gateway this server knows: use kannel or none")


def dispatch_settings_from_env() -> DispatchSettings:
    grace = float(os.environ.get("AGENTDESK_SMS_UNCERTAIN_GRACE_SECONDS", "600"))
    return DispatchSettings(callback_base=os.environ.get("AGENTDESK_SMS_CALLBACK_URL") or public_base(),
                            uncertain_grace=timedelta(seconds=grace))
