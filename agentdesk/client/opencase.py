"""A case read once for the screen: its parsed view and its siblings' contact facts together.

Opening a case used to read and parse its document twice (once for the panel, once more
for the talk track) and its siblings' documents twice (once to mark the person's holds and
numbers, once for the guard's history). Both come from one read here, with the case's
draft and last dial (one connection, plain SQL: `LocalStore.case_for_desk`), and the
desktop hands the result to every panel that shows the case (bench/bench_workstation.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from agentdesk.client import caseview, dialing
from agentdesk.client.store import LocalStore, overlay
from agentdesk.client.views import CaseDetail
from agentdesk.domain import compliance


@dataclass(frozen=True)
class OpenedCase:
    """What the desk shows of one case and what its guard counts besides the case itself."""

    detail: CaseDetail
    siblings: tuple[caseview.ContactFacts, ...]
    draft: dict[str, Any] | None = None  # the wrap-up being typed, kept across a restart
    dial: dialing.DialTicket | None = None  # the last dial placed from this desk, not yet used up


def read_case(store: LocalStore, case_id: str, me: str, policy: compliance.ContactPolicy) -> OpenedCase | None:
    """The case as the agent sees it (the server's document, this desk's pending writes,
    what the person's other cases here say of the person and the numbers), with the contact
    facts of those other cases; None when the case is not in the store."""
    found = store.case_for_desk(case_id, me, dialing.meta_key(case_id))
    if found is None:
        return None
    others = list(found.siblings.values())
    doc = caseview.with_person_marks(overlay(found.doc, found.own_writes, me), others, policy)
    return OpenedCase(caseview.case_detail(doc), tuple(caseview.contact_facts(other) for other in others),
                      found.draft, dialing.ticket(found.meta))
