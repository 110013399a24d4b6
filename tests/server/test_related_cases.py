"""The cases a write on a case reaches (the same person's, those sharing a number) come with
the case's contact history in one statement (persons.history); they must be the cases the
query of their own finds (persons.related_case_ids in a session that read no history)."""

from __future__ import annotations

from sqlalchemy import event, select, update

from agentdesk import clock
from agentdesk.server import persons
from agentdesk.server.db import Database
from agentdesk.server.models import Case, ContactPoint


def test_related_cases_read_with_the_history_are_those_read_alone(db: Database) -> None:
    with db.transaction() as s:  # two cases share a number, and their debtors are one person
        first, second, third = s.scalars(select(Case).order_by(Case.id).limit(3))
        s.execute(update(ContactPoint).where(ContactPoint.case_id == second.id, ContactPoint.position == 0)
                  .values(number=first.contact_points[0].number))
        third.debtor.person_key = first.debtor.person_key
    with db.sessions() as s:
        ids = list(s.scalars(select(Case.id).order_by(Case.id)))
    alone: dict[str, set[str]] = {}
    for case_id in ids:
        with db.sessions() as s:
            alone[case_id] = persons.related_case_ids(s, s.get_one(Case, case_id))
    assert alone[first.id] >= {second.id, third.id}, "the demo's shared number and person are seen"
    assert sum(bool(found) for found in alone.values()) > 2
    statements: list[str] = []

    def sent(*args: object) -> None:
        statements.append(str(args[2]))

    for case_id in ids:
        with db.sessions() as s:
            case = s.get_one(Case, case_id)
            case.contact_points, case.debtor  # noqa: B018 - loaded before counting
            event.listen(db.engine, "before_cursor_execute", sent)
            try:
                persons.history(s, case, clock.now())
                before = len(statements)
                assert persons.related_case_ids(s, case) == alone[case_id]
                assert len(statements) == before, "answered from the history's statement"
            finally:
                event.remove(db.engine, "before_cursor_execute", sent)
