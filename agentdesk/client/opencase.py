"""A case read once for the screen: its parsed view and its siblings' contact facts together.

Opening a case used to read and parse its document twice (once for the panel, once more
for the talk track) and its siblings' documents twice (once to mark the person's holds and
numbers, once for the guard's history). Both come from one read here, and the desktop
hands the result to every panel that shows the case (bench/bench_workstation.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from agentdesk.client import caseview
from agentdesk.client.store import LocalStore, overlay
from agentdesk.client.views import CaseDetail
from agentdesk.domain import compliance


@dataclass(frozen=True)
class OpenedCase:
    """What the desk shows of one case and what its guard counts besides the case itself."""

    detail: CaseDetail
    siblings: tuple[caseview.ContactFacts, ...]


def read_case(store: LocalStore, case_id: str, me: str, policy: compliance.ContactPolicy) -> OpenedCase | None:
    """The case as the agent sees it (the server's document, this desk's pending writes,
    what the person's other cases here say of the person and the numbers), with the contact
    facts of those other cases; None when the case is not in the store."""
    found = store.case_and_siblings(case_id, me)
    if found is None:
        return None
    doc, own_writes, siblings = found
    others = list(siblings.values())
    doc = caseview.with_person_marks(overlay(doc, own_writes, me), others, policy)
    return OpenedCase(caseview.case_detail(doc), tuple(caseview.contact_facts(other) for other in others))
