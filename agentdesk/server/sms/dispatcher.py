"""From queued to the gateway, exactly once: claim, ask the guard again, submit, settle.

Every step that changes a message is a compare-and-set on its state (`UPDATE ... WHERE
id = ? AND state = ?`), so several dispatchers (several API processes, a crashed one's
successor) never both send one message:

1. `reconcile`: a message left in `sending` past the lease (its dispatcher died mid-call)
   becomes `uncertain`. An `uncertain` one becomes `submitted` as soon as the gateway's
   store shows it (a delivery report does the same on arrival), and goes back to
   `queued` only after the grace period passed with no trace of it.
2. `claim`: a due `queued` message is judged by the send guard *now* (a message queued
   at 21:59 must not leave at 22:01; a stop request or hold that came meanwhile cancels
   it), then moves to `sending` and commits before any byte goes to the gateway.
3. `submit`: the gateway answers "taken" (`submitted`), "certainly not" (back to `queued`
   with a back-off, or `rejected` when retrying cannot help), or nothing (`uncertain`).

Time comes from the clock given (tests pin it); waits between passes use monotonic time.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session, selectinload

from agentdesk.clock import PROCESS, Clock
from agentdesk.domain import sms_templates
from agentdesk.server import sync
from agentdesk.server.db import Database
from agentdesk.server.models import Case, ContactPoint
from agentdesk.server.sms import outbox
from agentdesk.server.sms.gateway import MaybeSent, NotSent, OutboundSms, SmsGateway
from agentdesk.server.sms.models import SmsEvent, SmsMessage

log = logging.getLogger(__name__)


@dataclass
class DispatchSettings:
    callback_base: str  # how the gateway reaches this server's delivery-report route
    lease: timedelta = timedelta(seconds=60)
    uncertain_grace: timedelta = timedelta(minutes=10)
    batch: int = 200
    concurrency: int = 4
    max_tries: int = 50
    backoff_max: timedelta = timedelta(minutes=5)  # waits double from 2 s up to this


@dataclass
class PassReport:
    claimed: int = 0
    submitted: int = 0
    retry: int = 0
    uncertain: int = 0
    rejected: int = 0
    cancelled: int = 0
    deferred: int = 0
    recovered: int = 0  # uncertain messages found in the gateway's store
    requeued: int = 0  # uncertain messages with no trace after the grace period
    errors: list[str] = field(default_factory=list)


def _backoff(tries: int, ceiling: timedelta) -> timedelta:
    return min(ceiling, timedelta(seconds=2 ** min(tries, 12)))


def _event(session: Session, message_id: str | None, now: datetime, kind: str, **detail: object) -> None:
    session.add(SmsEvent(message_id=message_id, at=now, kind=kind, detail=detail))


def _move(session: Session, message_id: str, from_states: tuple[str, ...], now: datetime,
          held_by: str | None = None, **values: object) -> bool:
    """Compare-and-set: the message moves only if it is still in one of `from_states`
    (and, when given, still held by the dispatcher whose claim is `held_by`)."""
    stmt = update(SmsMessage).where(SmsMessage.id == message_id, SmsMessage.state.in_(from_states))
    if held_by is not None:
        stmt = stmt.where(SmsMessage.claim == held_by)
    result = session.execute(stmt.values(state_at=now, **values))
    return bool(result.rowcount)  # type: ignore[attr-defined]


def _touch(session: Session, case_id: str) -> None:
    case = session.get(Case, case_id)
    if case is not None:
        sync.touch(session, [case])


class Dispatcher:
    """One dispatcher; safe to run beside others on the same database."""

    def __init__(self, db: Database, gateway: SmsGateway, settings: DispatchSettings,
                 clock: Clock = PROCESS) -> None:
        self.db = db
        self.gateway = gateway
        self.settings = settings
        self.clock = clock
        self._pool = ThreadPoolExecutor(max_workers=max(1, settings.concurrency), thread_name_prefix="sms-submit")

    def close(self) -> None:
        self._pool.shutdown(wait=True)

    # --- one pass ------------------------------------------------------------------------

    def run_once(self) -> PassReport:
        report = PassReport()
        self.reconcile(report)
        claimed = self.claim(report)
        if claimed:
            list(self._pool.map(lambda item: self._submit(item, report), claimed))
        return report

    def reconcile(self, report: PassReport) -> None:
        now = self.clock.now()
        with self.db.transaction() as s:
            stale = s.scalars(select(SmsMessage.id).where(
                SmsMessage.state == "sending", SmsMessage.state_at < now - self.settings.lease)).all()
            for mid in stale:
                if _move(s, mid, ("sending",), now, state="uncertain", last_error="dispatcher lease expired"):
                    _event(s, mid, now, "uncertain", why="lease expired")
            uncertain = s.execute(select(SmsMessage.id, SmsMessage.state_at).where(
                SmsMessage.state == "uncertain")).all()
        for mid, since in uncertain:
            known = self.gateway.is_known(mid)
            now = self.clock.now()
            with self.db.transaction() as s:
                if known:
                    if _move(s, mid, ("uncertain",), now, state="submitted"):
                        _event(s, mid, now, "found_in_gateway")
                        report.recovered += 1
                elif since < now - self.settings.uncertain_grace:
                    # No report and no trace in the gateway's store for the whole grace
                    # period: it never got there. Only now is sending again safe.
                    if _move(s, mid, ("uncertain",), now, state="queued", not_before=now, claim=None):
                        _event(s, mid, now, "requeued", why="no trace after grace period",
                               gateway_store=known)
                        report.requeued += 1

    def claim(self, report: PassReport) -> list[tuple[str, str, OutboundSms]]:
        """Due messages the guard allows now, moved to `sending` and committed."""
        now = self.clock.now()
        with self.db.transaction() as s:
            query = (select(SmsMessage.id).where(SmsMessage.state == "queued", SmsMessage.not_before <= now)
                     .order_by(SmsMessage.not_before, SmsMessage.id).limit(self.settings.batch))
            if self.db.is_postgres:
                query = query.with_for_update(skip_locked=True)
            due = list(s.scalars(query))
            key = outbox.callback_key(s)
            # Load what the guard reads for all of them at once, not case by case.
            messages = {m.id: m for m in s.scalars(select(SmsMessage).where(SmsMessage.id.in_(due)))}
            s.scalars(select(Case).where(Case.id.in_({m.case_id for m in messages.values()})).options(
                selectinload(Case.contact_points), selectinload(Case.promises), selectinload(Case.debtor),
                selectinload(Case.accounts))).all()
            claimed: list[tuple[str, str, OutboundSms]] = []
            for mid in due:
                message = messages[mid]
                verdict_problem = self._judge(s, message, now)
                if verdict_problem == "cancelled":
                    report.cancelled += 1
                    continue
                if verdict_problem == "deferred":
                    report.deferred += 1
                    continue
                claim = str(uuid.uuid4())
                if not _move(s, mid, ("queued",), now, state="sending", claim=claim, tries=message.tries + 1,
                             sent_at=now):
                    continue
                _event(s, mid, now, "submitting", attempt=message.tries + 1)
                dlr_url = (f"{self.settings.callback_base.rstrip('/')}/v1/sms/dlr?m={mid}&t={message.tries + 1}"
                           f"&sig={outbox.sign(key, mid)}&status=%d&kid=%I&ts=%T")
                claimed.append((mid, claim, OutboundSms(mid, message.to_number, message.text, dlr_url)))
                report.claimed += 1
        return claimed

    def _judge(self, s: Session, message: SmsMessage, now: datetime) -> str | None:
        """Ask the guard again at the moment of sending; None when the message may go."""
        if message.send_by is not None and now >= message.send_by:
            _move(s, message.id, ("queued",), now, state="cancelled", last_error="not sent on its day")
            _event(s, message.id, now, "cancelled", why="send_by passed")
            _touch(s, message.case_id)
            return "cancelled"
        case = s.get(Case, message.case_id)
        point = s.get(ContactPoint, message.contact_point_id) if message.contact_point_id else None
        try:
            template = sms_templates.latest(outbox.templates(), message.template_id, message.template_version)
        except sms_templates.SmsTemplateError:
            template = None
        if case is None or point is None or template is None:
            _move(s, message.id, ("queued",), now, state="cancelled", last_error="case, number or template gone")
            _event(s, message.id, now, "cancelled", why="case, number or template gone")
            return "cancelled"
        verdict = outbox.verdict_for(s, case, point, template, now, exclude=message.id)
        if verdict.allowed:
            return None
        if verdict.next_allowed_at is None or (message.send_by is not None
                                               and verdict.next_allowed_at >= message.send_by):
            _move(s, message.id, ("queued",), now, state="cancelled", last_error=verdict.reason_en[:300])
            _event(s, message.id, now, "cancelled", rule=verdict.rule)
            _touch(s, message.case_id)
            return "cancelled"
        _move(s, message.id, ("queued",), now, state="queued", not_before=verdict.next_allowed_at)
        _event(s, message.id, now, "deferred", rule=verdict.rule, until=verdict.next_allowed_at.isoformat())
        return "deferred"

    def _submit(self, item: tuple[str, str, OutboundSms], report: PassReport) -> None:
        mid, claim, sms = item
        try:
            answer = self.gateway.submit(sms)
        except MaybeSent as exc:
            self._settle(mid, claim, "uncertain", "uncertain", str(exc))
            report.uncertain += 1
        except NotSent as exc:
            if exc.permanent:
                self._settle(mid, claim, "rejected", "rejected", str(exc))
                report.rejected += 1
            else:
                self._settle(mid, claim, "queued", "retry", str(exc))
                report.retry += 1
        except Exception as exc:  # a bug in a gateway must not leave the message "sending" unseen
            log.exception("SMS gateway %s failed on a message", self.gateway.name)
            self._settle(mid, claim, "uncertain", "uncertain", f"{type(exc).__name__}")
            report.errors.append(type(exc).__name__)
        else:
            self._settle(mid, claim, "submitted", "submitted", answer)
            report.submitted += 1

    def _settle(self, mid: str, claim: str, state: str, kind: str, detail: str) -> None:
        now = self.clock.now()
        with self.db.transaction() as s:
            values: dict[str, object] = {"state": state, "last_error": None if state == "submitted" else detail[:300]}
            if state == "queued":
                message = s.get(SmsMessage, mid)
                tries = message.tries if message else 1
                if tries >= self.settings.max_tries:
                    values = {"state": "rejected", "last_error": f"gave up after {tries} tries: {detail}"[:300]}
                else:
                    values["not_before"] = now + _backoff(tries, self.settings.backoff_max)
                    values["claim"] = None
            # A delivery report may have overtaken the gateway's answer: then the message
            # is no longer "sending" and this update changes nothing.
            moved = _move(s, mid, ("sending",), now, held_by=claim, **values)
            _event(s, mid, now, kind, detail=detail[:200], applied=moved)
            # "submitted" is not news for the desk (the delivery report will be); a refusal is.
            if moved and values["state"] == "rejected":
                message = s.get(SmsMessage, mid)
                if message is not None:
                    _touch(s, message.case_id)

    # --- the periodic task ---------------------------------------------------------------

    def run_forever(self, stop: threading.Event, interval: float = 1.0) -> None:
        """Pass after pass until `stop` is set; a pass that fails is logged and retried."""
        while not stop.is_set():
            started = time.monotonic()
            try:
                report = self.run_once()
            except Exception:
                log.exception("SMS dispatch pass failed; retrying")
                report = PassReport()
            busy = report.claimed >= self.settings.batch
            stop.wait(0 if busy else max(0.0, interval - (time.monotonic() - started)))
