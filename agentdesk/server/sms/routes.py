"""HTTP for SMS: the gateway's callbacks, the debtor's page, and the lead's report.

- `GET /v1/sms/dlr`: Kannel's `dlr-url` (no login: the URL carries the message id and a
  signature only this server can make);
- `GET /v1/sms/inbound`: Kannel's `sms-service` for replies (key in the URL), for T/TD/STOP;
- `GET /s/{token}`, `POST /s/{token}/callback`, `POST /s/{token}/stop`: the page a
  message links to: the amount, a callback request, a way to stop SMS. No login, no
  cookie, no script, nothing about the visitor kept;
- `GET /v1/reports/sms-templates`: per template, sent / delivered / opened / paid in 7 days.

Like app.py, no `from __future__ import annotations`: FastAPI resolves the annotations.
"""

import html
import logging
from collections.abc import Callable
from datetime import datetime
from typing import Annotated
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Depends, Form, Path, Query
from fastapi.responses import HTMLResponse, PlainTextResponse

from agentdesk import contract
from agentdesk.clock import Clock
from agentdesk.server.access import audit, audited_transaction, lead_team
from agentdesk.server.db import Database
from agentdesk.server.errors import ApiError
from agentdesk.server.models import User
from agentdesk.server.sms import config, feedback, outbox

log = logging.getLogger(__name__)
Token = Annotated[str, Path(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]

_WORDS = {
    "zh": {"title": "账款详情", "hello": "{name}您好", "amount": "应还金额", "due": "到期日",
           "ask": "希望我们何时给您回电？", "book": "预约回电", "booked": "已为您预约回电：{when}（当地时间）。",
           "call": "也可直接致电 {number}。", "stop": "不再接收短信", "stopped": "此号码已退订短信。",
           "gone": "此链接已失效。", "unknown": "未找到此链接。", "no_slots": "如需沟通，请致电 {number}。"},
    "en": {"title": "Your account", "hello": "Hello {name}", "amount": "Amount due", "due": "Due date",
           "ask": "When should we call you back?", "book": "Request a callback",
           "booked": "We will call you at {when} (your local time).", "call": "Or call us at {number}.",
           "stop": "Stop text messages", "stopped": "This number will get no more text messages.",
           "gone": "This link has expired.", "unknown": "This link does not exist.",
           "no_slots": "To talk with us, call {number}."},
}


def _page(lang: str, title: str, body: str, status: int = 200) -> HTMLResponse:
    doc = (f'<!doctype html><html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">'
           '<meta name="viewport" content="width=device-width,initial-scale=1">'
           '<meta name="referrer" content="no-referrer">'
           f"<title>{html.escape(title)}</title><style>body{{font-family:sans-serif;max-width:28em;margin:1em auto;"
           "padding:0 1em;line-height:1.5}}dt{{color:#555}}dd{{font-size:1.3em;margin:0 0 .6em}}"
           "button{{font-size:1em;padding:.4em .8em;margin:.2em 0}}</style></head>"
           f"<body>{body}</body></html>")
    # No caching: the page shows an amount, and a shared device must not keep it.
    return HTMLResponse(doc, status_code=status, headers={"Cache-Control": "no-store"})


def _local(at: datetime, zone: str) -> str:
    return at.astimezone(ZoneInfo(zone)).strftime("%m-%d %H:%M")


def sms_router(db: Database, current_user: Callable[..., User], clock: Clock) -> APIRouter:
    router = APIRouter()
    Caller = Annotated[User, Depends(current_user)]

    @router.get("/v1/sms/info", tags=["sms"])
    def sms_info(user: Caller) -> dict[str, object]:
        """The gateway in use ("none": messages are recorded and queued, nothing leaves) and
        the template versions this server fills in."""
        return {"gateway": config.gateway_name(), "templates": [t.key for t in outbox.templates()]}

    @router.get("/v1/sms/dlr", response_class=PlainTextResponse, tags=["sms"])
    def delivery_report(
        m: Annotated[str, Query(max_length=64)] = "",
        sig: Annotated[str, Query(max_length=64)] = "",
        status: Annotated[int, Query(ge=0, le=255)] = 0,
        t: Annotated[int | None, Query(ge=0, le=10_000)] = None,
        kid: Annotated[str, Query(max_length=100)] = "",
    ) -> str:
        """Kannel's delivery report (`dlr-url`). Always 200 once recorded, so the gateway
        does not retry a report that was kept (even one that matched no message)."""
        with db.transaction() as s:
            return feedback.record_report(s, m, sig, status, t, kid, clock.now())

    @router.get("/v1/sms/inbound", response_class=PlainTextResponse, tags=["sms"])
    def inbound(
        k: Annotated[str, Query(max_length=64)] = "",
        sender: Annotated[str, Query(alias="from", max_length=32)] = "",
        text: Annotated[str, Query(max_length=500)] = "",
    ) -> str:
        """A reply from a phone (Kannel `sms-service` get-url); a stop word stops SMS to it."""
        with db.transaction() as s:
            if k != outbox.sign(outbox.callback_key(s), "inbound"):
                raise ApiError(403, "bad_key", "This URL's key is not this server's.")
            if outbox.rules().is_stop_request(text):
                feedback.stop_number(s, sender, "reply", clock.now())
                return ""
        return ""

    @router.get("/s/{token}", response_class=HTMLResponse, include_in_schema=False)
    def link_page(token: Token) -> HTMLResponse:
        with db.transaction() as s:
            try:
                view = feedback.open_link(s, token, clock.now())
            except feedback.LinkGone as gone:
                w = _WORDS["zh"]
                text = w["gone"] if gone.expired else w["unknown"]
                body = f"<p>{text}</p><p>{html.escape(w['no_slots'].format(number=outbox.rules().callback_number))}</p>"
                return _page("zh", w["title"], body, 410 if gone.expired else 404)
        return _page(view.lang, _WORDS[view.lang]["title"], _view_body(view, token))

    @router.post("/s/{token}/callback", response_class=HTMLResponse, include_in_schema=False)
    def link_callback(token: Token, slot: Annotated[str, Form(max_length=40)]) -> HTMLResponse:
        try:
            chosen = datetime.fromisoformat(slot)
        except ValueError:
            chosen = None
        with db.transaction() as s:
            try:
                view = feedback.open_link(s, token, clock.now())
                if chosen is None or chosen.tzinfo is None:
                    raise ValueError("bad slot")
                booked = feedback.request_callback(s, token, chosen, clock.now())
            except feedback.LinkGone as gone:
                return _gone_page(gone)
            except ValueError:
                return _page(view.lang, _WORDS[view.lang]["title"], _view_body(view, token), 409)
        w = _WORDS[view.lang]
        return _page(view.lang, w["title"],
                     f"<p>{html.escape(w['booked'].format(when=_local(booked, view.time_zone)))}</p>")

    @router.post("/s/{token}/stop", response_class=HTMLResponse, include_in_schema=False)
    def link_stop(token: Token) -> HTMLResponse:
        with db.transaction() as s:
            try:
                view = feedback.open_link(s, token, clock.now())
                feedback.stop_via_link(s, token, clock.now())
            except feedback.LinkGone as gone:
                return _gone_page(gone)
        w = _WORDS[view.lang]
        return _page(view.lang, w["title"], f"<p>{w['stopped']}</p>")

    @router.get("/v1/reports/sms-templates", response_model=list[contract.SmsTemplateRow], tags=["reports"])
    def report_sms_templates(
        user: Caller,
        days: Annotated[int, Query(ge=1, le=366)] = 30,
        team_id: Annotated[str | None, Query(max_length=64)] = None,
    ) -> list[contract.SmsTemplateRow]:
        """Per SMS template and version: sent, delivered, failed, link opened, paid within 7 days."""
        with audited_transaction(db) as s:
            team = lead_team(s, user, team_id, "report.sms_templates")
            audit(s, user, "report.sms_templates", "team", team, days=days)
            return feedback.template_report(s, team, days, clock.now())

    return router


def _gone_page(gone: feedback.LinkGone) -> HTMLResponse:
    w = _WORDS["zh"]
    return _page("zh", w["title"], f"<p>{w['gone'] if gone.expired else w['unknown']}</p>",
                 410 if gone.expired else 404)


def _view_body(view: feedback.LinkView, token: str) -> str:
    w = _WORDS[view.lang]
    esc = html.escape
    parts = [
        f"<h2>{esc(view.company)}</h2>",
        f"<p>{esc(w['hello'].format(name=view.debtor_name_masked))}</p>",
        f"<dl><dt>{w['amount']}</dt><dd>{esc(view.amount)}</dd>",
        f"<dt>{w['due']}</dt><dd>{esc(view.due_date)}</dd></dl>" if view.due_date else "</dl>",
    ]
    if view.slots:
        buttons = "".join(
            f'<button name="slot" value="{esc(at.isoformat())}">{esc(_local(at, view.time_zone))}</button> '
            for at in view.slots)
        parts.append(f'<p>{w["ask"]}</p><form method="post" action="/s/{esc(token)}/callback">{buttons}</form>')
    parts.append(f"<p>{esc(w['call'].format(number=view.callback_number))}</p>")
    if view.opted_out:
        parts.append(f"<p>{w['stopped']}</p>")
    else:
        parts.append(f'<form method="post" action="/s/{esc(token)}/stop"><button>{w["stop"]}</button></form>')
    return "".join(parts)
