"""The cadence run: turn today's cadence plans into queued messages, once each.

`agentdesk-server sms schedule` runs one pass; `agentdesk-server sms run` (and `serve
--sms-worker`) runs one every few minutes beside the dispatcher. A plan's key (rule and
promise) is unique in the table, so two runs, or two processes, schedule one message.
A cadence message goes only to a verified number of the debtor (it names the amount);
a case without one is counted as skipped, for the lead to repair.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from agentdesk.clock import PROCESS, Clock
from agentdesk.domain import sms_templates
from agentdesk.domain.sms_cadence import Cadence, PromiseFact, due_messages, load_cadence
from agentdesk.server import sync
from agentdesk.server.db import Database
from agentdesk.server.models import Case, PromiseToPay
from agentdesk.server.policy import policy_in_force
from agentdesk.server.sms import outbox
from agentdesk.server.sms.models import SmsMessage

log = logging.getLogger(__name__)


@dataclass
class ScheduleReport:
    scheduled: int = 0
    already: int = 0
    refused: int = 0
    no_verified_number: int = 0


def schedule_cadence(db: Database, clock: Clock = PROCESS, cadence: Cadence | None = None) -> ScheduleReport:
    """One pass over the open cases with promises that a cadence rule may answer today."""
    cadence = cadence or load_cadence()
    now = clock.now()
    report = ScheduleReport()
    lang = outbox.rules().for_preset(policy_in_force().name).lang
    with db.transaction() as s:
        # Only cases with a promise can match today's rules (both rules are about promises).
        case_ids = list(s.scalars(select(PromiseToPay.case_id).where(PromiseToPay.status.in_(["pending", "broken"]))
                                  .distinct()))
    for start in range(0, len(case_ids), 200):
        with db.transaction() as s:
            cases = s.scalars(select(Case).where(Case.id.in_(case_ids[start:start + 200]))
                              .options(selectinload(Case.promises), selectinload(Case.contact_points),
                                       selectinload(Case.debtor), selectinload(Case.accounts))).all()
            for case in cases:
                facts = [PromiseFact(p.id, p.status, p.due_date) for p in case.promises]
                for plan in due_messages(cadence, case.status, case.debtor.time_zone, facts, now):
                    if s.scalar(select(SmsMessage.id).where(SmsMessage.dedupe_key == plan.key)) is not None:
                        report.already += 1
                        continue
                    point = next((p for p in case.contact_points
                                  if p.kind == "phone" and p.owner == "debtor" and p.status == "valid"), None)
                    if point is None:
                        report.no_verified_number += 1
                        continue
                    template = sms_templates.latest(outbox.templates(), plan.template_id)
                    try:
                        with s.begin_nested():
                            outbox.queue_message(
                                s, case, point, template, lang, now, message_id=str(uuid.uuid4()),
                                origin=f"cadence:{plan.rule_id}", created_by=None, not_before=plan.not_before,
                                send_by=plan.send_by, dedupe_key=plan.key)
                            s.flush()
                    except outbox.SmsRefused as exc:
                        log.info("cadence %s on a case refused: %s", plan.rule_id, exc)
                        report.refused += 1
                        continue
                    except IntegrityError:  # another scheduler took this key first
                        report.already += 1
                        continue
                    sync.touch(s, [case])
                    report.scheduled += 1
    return report
