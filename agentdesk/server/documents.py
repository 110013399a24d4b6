"""Case documents kept ready to send: the history part of each case, serialized at write time.

A pull hands out whole case documents. Building one means loading the case's debtor,
accounts, contact points, attempts, promises, callbacks, notes and payments through the
ORM and turning them into JSON; for a first sync of 20,000 cases that work, not the
network or the client, was the bottleneck (bench/bench_first_sync.py). A case's history
changes far less often than it is read (an agent's desktop, a second desktop, the lead's
console all pull it), so the history part is serialized once, when a transaction that
changed it commits, and stored beside the case (`case_documents.doc_cache`), together with
the queue columns derived from it (`case_documents.queue_cache`,
agentdesk.domain.queue_columns), which a bulk pull sends beside each document. They sit
in a table of their own: SQLite rewrites a whole row to change one of its columns, and a
reassignment changes the owner of 10,000 cases at once (bench/bench_reassign.py).

The case's own columns (owner, team, status, hold, change number) are *not* cached: a
reassignment of 10,000 cases updates them in bulk and must not rebuild 10,000 histories.
`assemble()` joins the live columns and the cached history into the document at pull time
with string operations only.

Every write path that changes a case's history calls `sync.touch()` (it must, or clients
would never pull the change); `touch()` drops the case's cached row and marks it here, and
the session's before-commit hook rebuilds the marked documents inside the same
transaction. A push defers that to one rebuild after its whole batch (`defer_rebuilds`).
Either way a committed case has a correct cache or none: a case without one (between a
push's commits and its rebuild, an old database, bulk inserts) is built on the fly by
the pull, and `fill_missing()` fills what is left at migrate time.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

import orjson
from sqlalchemy import and_, bindparam, delete, event, exists, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, selectinload, sessionmaker

from agentdesk import clock
from agentdesk.domain.masking import mask_address, mask_national_id, mask_phone
from agentdesk.domain.money import bucket_for
from agentdesk.domain.queue_columns import history_columns
from agentdesk.server import document_rows, persons, segmentation
from agentdesk.server.models import Case, CaseDocument, ContactAttempt, Note
from agentdesk.server.sms.outbox import sms_history

STALE_KEY = "agentdesk_stale_documents"
DEFER_KEY = "agentdesk_defer_documents"
IN_PLACE_KEY = "agentdesk_documents_in_place"
CHUNK = 500


def _dumps(value: Any) -> str:
    """Compact JSON text, non-ASCII as is: what json.dumps(ensure_ascii=False, separators=
    (",", ":")) writes for a document's values (text, integers, booleans, None, lists and
    objects; no floats; a non-text key as text, as json writes it), several times faster.
    Serializing the rebuilt document was a tenth of an outcome push's document refill
    (bench/bench_load.py)."""
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()


def history(case: Case, secret: str = "", related: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The part of a case's document that only changes when its history does (or the
    history of the same person's other cases, or of its numbers: `related`).

    `person_key` and each phone's `number_key` are opaque (agentdesk.server.persons): the
    desk learns that two of its cases are one person, or two points one number, without
    learning the ID or the number.
    """
    d = case.debtor
    names = {a.agent_id: a.agent.username for a in case.attempts if a.agent is not None}
    return {
        "debtor": {
            "id": d.id,
            "name": d.name,
            "person_key": persons.person_token(secret, d.person_key) if secret and d.person_key else None,
            "national_id_masked": mask_national_id(d.national_id),
            "birth_date": d.birth_date.isoformat() if d.birth_date else None,
            "province": d.province,
            "city": d.city,
            "time_zone": d.time_zone,
        },
        "accounts": [
            {
                "id": a.id,
                "account_no": a.account_no,
                "product": a.product,
                "currency": a.currency,
                "principal_minor": a.principal_minor,
                "outstanding_minor": a.outstanding_minor,
                "overdue_minor": a.overdue_minor,
                "fees_minor": a.fees_minor,
                "due_date": a.due_date.isoformat(),
                "days_past_due": a.days_past_due,
                "bucket": bucket_for(a.days_past_due),
            }
            for a in case.accounts
        ],
        "contact_points": [
            {
                "id": p.id,
                "kind": p.kind,
                "value_masked": mask_phone(p.value) if p.kind == "phone" else mask_address(p.value),
                "owner": p.owner,
                "relation": p.relation,
                "contact_name": p.contact_name,
                "status": p.status,
                "source": p.source,
                "number_key": persons.number_token(secret, p.number) if secret and p.number else None,
            }
            for p in case.contact_points
        ],
        "attempts": [
            {
                "id": a.id,
                "started_at": a.started_at.isoformat(),
                "ended_at": a.ended_at.isoformat() if a.ended_at else None,
                "channel": a.channel,
                "contact_point_id": a.contact_point_id,
                "reached": a.reached,
                "outcome": a.outcome,
                "agent": names.get(a.agent_id, ""),
                "note": a.note,
                "compliance_flag": a.compliance_flag,
                "talk_track_id": a.talk_track_id,
                "talk_track_version": a.talk_track_version,
                **_call_facts(a),
            }
            for a in case.attempts
        ],
        "promises": [
            {
                "id": p.id,
                "attempt_id": p.attempt_id,
                "amount_minor": p.amount_minor,
                "currency": p.currency,
                "due_date": p.due_date.isoformat(),
                "status": p.status,
                "created_at": p.created_at.isoformat(),
            }
            for p in case.promises
        ],
        "callbacks": [{"id": c.id, "due_at": c.due_at.isoformat(), "status": c.status} for c in case.callbacks],
        "notes": [
            {
                "id": n.id,
                "text": n.text,
                "author": n.author.username if n.author else "",
                "written_at": n.written_at.isoformat(),
            }
            for n in case.notes
        ],
        "payments": [
            {"id": p.id, "amount_minor": p.amount_minor, "currency": p.currency, "paid_on": p.paid_on.isoformat()}
            for p in case.payments
        ],
        # Contacts made on the person's other cases, and with this case's numbers by anyone:
        # what the desk's guard must count beside this case's own attempts.
        "related_contacts": related or [],
        "sms": sms_history(case),
    }


def build_caches(session: Session, cases: Sequence[Case]) -> dict[str, tuple[str, str]]:
    """The two cached texts of each case: its history and the queue columns derived from it,
    each as the *members* of a JSON object (no braces), ready to splice."""
    if not cases:
        return {}
    secret = persons.identity_key(session)
    related = persons.related_contacts(session, cases, clock.now() - persons.RELATED_WINDOW)
    out = {}
    for case in cases:
        hist = history(case, secret, related.get(case.id))
        out[case.id] = (_dumps(hist)[1:-1], _dumps(history_columns(hist))[1:-1])
    return out


def assemble(scalars: dict[str, Any], history_members: str) -> str:
    """A whole case document as JSON text: the live case columns, then the cached history."""
    return "{" + _dumps(scalars)[1:-1] + "," + history_members + "}"


def case_scalars(case_id: str, seq: int, lender: str, status: str, hold_reason: str | None,
                 agent_id: str | None, agent_name: str | None, team_id: str | None,
                 consent_late_calls: bool, placement: tuple[Any, ...] | None = None) -> dict[str, Any]:
    """The live part of a document; `placement` is the case's (segment, segment_reason, arm,
    challenger) columns, which become its "strategy" (agentdesk.server.segmentation)."""
    return {
        "id": case_id,
        "seq": seq,
        "lender": lender,
        "status": status,
        "hold_reason": hold_reason,
        "assigned_agent_id": agent_id,
        "assigned_agent": agent_name,
        "team_id": team_id,
        "consent_late_calls": bool(consent_late_calls),
        "strategy": segmentation.document_part(*placement) if placement else None,
    }


def case_document(session: Session, case: Case) -> dict[str, Any]:
    """The whole document of one loaded case, as a dict (tests and tools)."""
    scalars = case_scalars(case.id, case.seq, case.lender, case.status, case.hold_reason, case.assigned_agent_id,
                           case.assigned_agent.username if case.assigned_agent else None, case.team_id,
                           case.consent_late_calls, (case.segment, case.segment_reason, case.arm, case.challenger))
    members, _queue = build_caches(session, [case])[case.id]
    return json.loads(assemble(scalars, members))


def load_for_documents(session: Session, case_ids: Sequence[str], *, fresh: bool = False) -> list[Case]:
    """Cases with everything their history needs, in as few queries as the ORM allows."""
    found: list[Case] = []
    for start in range(0, len(case_ids), CHUNK):
        query = (
            select(Case)
            .where(Case.id.in_(case_ids[start:start + CHUNK]))
            .options(
                selectinload(Case.debtor),
                selectinload(Case.accounts),
                selectinload(Case.contact_points),
                selectinload(Case.attempts).selectinload(ContactAttempt.agent),
                selectinload(Case.promises),
                selectinload(Case.callbacks),
                selectinload(Case.notes).selectinload(Note.author),
                selectinload(Case.payments),
                selectinload(Case.sms_messages),
            )
        )
        if fresh:
            query = query.execution_options(populate_existing=True)
        found.extend(session.scalars(query))
    return found


def mark_stale(session: Session, case_ids: Iterable[str]) -> None:
    """Rebuild these cases' documents when `session` commits (or later: `defer_rebuilds`)."""
    session.info.setdefault(STALE_KEY, set()).update(case_ids)


def changed(session: Session, case_ids: Sequence[str]) -> None:
    """These cases' histories changed: forget their cached documents and rebuild them when
    `session` commits (`mark_stale`). Under `rebuild_in_place` the old row stays until the
    rebuild overwrites it in the same commit, and the DELETE's round trip is saved; the drop
    and the rebuild's mark are made together here, so no document is kept without one.

    The DELETE goes past the ORM (`persons.flushed_connection`): no CaseDocument is ever
    loaded as an object (pulls and rebuilds read and write the table's rows), so the ORM's
    bulk delete had nothing to synchronize, and its steps cost every outcome push more
    than the statement."""
    if not session.info.get(IN_PLACE_KEY):
        conn = persons.flushed_connection(session)
        for start in range(0, len(case_ids), CHUNK):
            conn.execute(_DROP, {"ids": list(case_ids[start:start + CHUNK])})
    mark_stale(session, case_ids)


_DROP = delete(CaseDocument.__table__).where(CaseDocument.__table__.c.case_id.in_(bindparam("ids", expanding=True)))


# Cases per batch of `rebuild`: the related contacts' query binds every person and number
# of its batch twice (attempts and text messages); 30,000 cases at once (the demo seed of
# bench_reassign) passed SQLite's 32,766 bound parameters and the commit failed.
REBUILD_BATCH = 1000


def rebuild(session: Session, case_ids: Iterable[str], *, plain_rows: bool = False) -> int:
    """Serialize the histories of `case_ids` from what the database holds now, in batches
    of `REBUILD_BATCH` cases (each document depends only on its own case, person and numbers).

    `plain_rows`: read the cases as rows (document_rows), not as ORM objects: the push's
    in-place rebuild (`rebuild_in_place`), after its flush."""
    ids = sorted(set(case_ids))
    built = 0
    upsert = _upsert(session.get_bind().dialect.name)
    for start in range(0, len(ids), REBUILD_BATCH):
        batch = ids[start:start + REBUILD_BATCH]
        cases = document_rows.load(session, batch) if plain_rows else load_for_documents(session, batch, fresh=True)
        rows = [{"case_id": case_id, "doc_cache": doc, "queue_cache": queue}
                for case_id, (doc, queue) in build_caches(session, cases).items()]
        if rows:
            session.connection().execute(upsert, rows)
        built += len(rows)
    return built


def _insert_of(dialect: str) -> Any:
    """The backend's INSERT construct (both have ON CONFLICT)."""
    return postgresql.insert if dialect == "postgresql" else sqlite.insert


@cache
def _upsert(dialect: str) -> Any:
    """`rebuild`'s INSERT ... ON CONFLICT DO UPDATE, built once per backend. An upsert, not
    a plain insert: a `rebuild_later` of another transaction may have put an older document
    in since, and the in-place rebuild writes over the case's old row; the document built
    under the newer change wins."""
    stmt = _insert_of(dialect)(CaseDocument.__table__)
    return stmt.on_conflict_do_update(index_elements=["case_id"], set_={
        "doc_cache": stmt.excluded.doc_cache, "queue_cache": stmt.excluded.queue_cache})


def _before_commit(session: Session) -> None:
    stale = session.info.pop(STALE_KEY, None)
    if not stale:
        return
    deferred = session.info.get(DEFER_KEY)
    if deferred is not None:
        deferred.update(stale)  # the caller rebuilds after its batch (see `rebuild_later`)
        return
    session.flush()
    rebuild(session, stale, plain_rows=bool(session.info.get(IN_PLACE_KEY)))


def defer_rebuilds(session: Session, collector: set[str]) -> None:
    """Collect this session's stale cases into `collector` instead of rebuilding at commit.

    A push commits each mutation on its own; rebuilding a case's history after each of
    500 mutations would cost more than the mutations. `touch()` has already cleared the
    cache, so until `rebuild_later` runs, a pull builds those documents itself.
    """
    session.info[DEFER_KEY] = collector


def rebuild_in_place(session: Session) -> None:
    """Rebuild this session's stale documents in its own transaction, right before its
    commit, from plain rows (document_rows) and as an upsert over the old row, which
    `changed` then leaves in place.

    For a push of one mutation, the desks' usual push: `rebuild_later`'s second transaction
    (its BEGIN and COMMIT, and the checks that its older state does not overwrite a newer
    one) and the DELETE cost round trips that this saves, and a concurrent pull sees the
    old document and change number or the new ones, never a case without a document. The
    case's row lock is held while the document is built; the change number is still taken
    after it (change_numbers.install runs last)."""
    session.info[IN_PLACE_KEY] = True


def rebuild_later(db: Any, case_ids: Iterable[str]) -> None:
    """Fill the caches a batch of commits left empty, unless a case changed again since.

    Reads and writes in one new transaction; a document only lands where the change
    number is still the one read and no document is there yet, so a concurrent writer's
    newer state is never overwritten with this older one.
    """
    ids = sorted(set(case_ids))
    if not ids:
        return
    with db.transaction() as session:
        rows = []
        loaded = document_rows.load(session, ids)
        built = build_caches(session, loaded)
        for c in loaded:
            doc, queue = built[c.id]
            rows.append({"b_id": c.id, "b_seq": c.seq, "b_doc": doc, "b_queue": queue})
        if not rows:
            return
        session.connection().execute(_fill_if_current(session.get_bind().dialect.name), rows)


@cache
def _fill_if_current(dialect: str) -> Any:
    """`rebuild_later`'s INSERT, built once per backend (its cache key with it): it runs
    after every push, and building the construct cost a share of the push's CPU."""
    docs, cases = CaseDocument.__table__, Case.__table__
    return _insert_of(dialect)(docs).from_select(
        ["case_id", "doc_cache", "queue_cache"],
        select(bindparam("b_id", type_=docs.c.case_id.type), bindparam("b_doc", type_=docs.c.doc_cache.type),
               bindparam("b_queue", type_=docs.c.queue_cache.type))
        .where(exists().where(and_(cases.c.id == bindparam("b_id"), cases.c.seq == bindparam("b_seq"))),
               ~exists().where(docs.c.case_id == bindparam("b_id"))),
    ).on_conflict_do_nothing()


def _after_transaction_end(session: Session, transaction: Any) -> None:
    # Only the outermost transaction's end forgets the marks: a rolled-back savepoint
    # (one rejected mutation in a push) must not drop the marks of the applied ones.
    if transaction.parent is None:
        session.info.pop(STALE_KEY, None)
        session.info.pop(IN_PLACE_KEY, None)


def install(factory: sessionmaker[Session]) -> None:
    """Attach the before-commit rebuild to the server's session factory."""
    event.listen(factory, "before_commit", _before_commit)
    event.listen(factory, "after_transaction_end", _after_transaction_end)


def fill_missing(session: Session, batch: int = 2000) -> int:
    """Build every missing document (an upgraded database); returns how many were built."""
    total = 0
    while True:
        ids = list(session.scalars(select(Case.id).where(~exists().where(CaseDocument.case_id == Case.id))
                                   .limit(batch)))
        if not ids:
            return total
        total += rebuild(session, ids)
        session.flush()


def _call_facts(a: ContactAttempt) -> dict[str, Any]:
    """The call behind an attempt, only where there was one (older documents stay as they were)."""
    facts: dict[str, Any] = {}
    if a.direction == "inbound":
        facts["direction"] = "inbound"
    if a.sip_call_id:
        facts["sip_call_id"] = a.sip_call_id
    if a.answered_at is not None:
        facts["answered_at"] = a.answered_at.isoformat()
    if a.talk_seconds is not None:
        facts["talk_seconds"] = a.talk_seconds
    return facts
