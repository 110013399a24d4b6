"""The desk's side, headless: preview a template filled for the case, send it through the
outbox (shown at once, applied once), and see the debtor's open of the link raise the case
in the queue with the reason said."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import select

from agentdesk.client.session import ClientSession
from agentdesk.client.sms import SmsNotAllowed
from agentdesk.server.embedded import EmbeddedServer
from agentdesk.server.sms.models import SmsMessage
from tests.sms.helpers import sendable_cases


def test_preview_send_and_the_open_link_raises_the_case(live_server: EmbeddedServer, secret_service: Any,
                                                        daytime: object) -> None:
    target = sendable_cases(live_server.database, limit=1, agents=("agent01",), zone="Asia/Shanghai")[0]
    session = ClientSession.login(live_server.url, "agent01", "demo")
    try:
        session.sync_now()
        previews = {p.template.id: p for p in session.sms_previews(target.case_id, target.point_id, "zh")}
        reminder = previews["payment_reminder"]
        detail = session.case_detail(target.case_id)
        assert detail is not None
        assert reminder.verdict.allowed and reminder.text.startswith("【安信服务中心】" + detail.debtor_name)
        assert reminder.segments.encoding == "ucs2" and reminder.segments.segments == 2
        assert previews["please_call_back"].verdict.allowed  # neutral: fine for this number too

        before = next(r for r in session.queue() if r.case_id == target.case_id).score
        message_id = session.send_sms(target.case_id, target.point_id, "payment_reminder", 1, "zh")
        shown = session.case_detail(target.case_id)
        assert shown is not None and shown.sms[0].id == message_id and shown.sms[0].pending
        with pytest.raises(SmsNotAllowed, match="already got 1 SMS today"):
            session.send_sms(target.case_id, target.point_id, "payment_reminder", 1, "zh")

        session.sync_now()
        assert session.status().pending == 0
        with live_server.database.transaction() as s:
            stored = s.scalars(select(SmsMessage).where(SmsMessage.case_id == target.case_id)).all()
        assert [m.id for m in stored] == [message_id]
        prefix = reminder.text.split("http")[0]
        assert stored[0].text.startswith(prefix)  # the server filled what the desk previewed

        token = stored[0].text.split("/s/")[1].split(" ")[0]
        assert httpx.get(f"{live_server.url}/s/{token}", trust_env=False).status_code == 200
        session.sync_now()
        row = next(r for r in session.queue() if r.case_id == target.case_id)
        assert row.score >= before + 150, (before, row.score)
        if row.callable_from is None:  # a case not callable now shows its gate and its two largest reasons
            assert "sms_link_opened" in [reason.key for reason in row.reasons]
        synced = session.case_detail(target.case_id)
        assert synced is not None and synced.sms[0].opened_at is not None and not synced.sms[0].pending
    finally:
        session.stop()
