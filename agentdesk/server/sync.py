"""Pull and push: the sync contract the client builds on.

Pull hands out whole case documents in change-number order within the caller's scope,
plus removals for cases that left it, so a client can apply them in order and store the
cursor with them. Push applies each mutation in its own transaction and records its id,
so a mutation delivered twice is applied once and answered "duplicate".
"""

from __future__ import annotations

import json
import logging
import typing
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import Any

import orjson
from pydantic import ValidationError
from sqlalchemy import LargeBinary, Table, bindparam, cast, exists, func, insert, select
from sqlalchemy.exc import DisconnectionError, IntegrityError, InterfaceError, OperationalError
from sqlalchemy.orm import Session, joinedload

from agentdesk import contract
from agentdesk.clock import PROCESS, Clock
from agentdesk.domain.queue_columns import live_columns
from agentdesk.server import (
    change_numbers,
    db_identity,
    document_rows,
    documents,
    lock_retry,
    persons,
    write_scope,
    writes,
)
from agentdesk.server.change_numbers import next_seqs
from agentdesk.server.db import Database
from agentdesk.server.models import (
    AppliedMutation,
    AuditEntry,
    Case,
    CaseDocument,
    ScopeExit,
    User,
)
from agentdesk.server.request_guard import safe_traceback
from agentdesk.server.sms import outbox as sms_outbox
from agentdesk.server.writes import Rejected

log = logging.getLogger(__name__)

MAX_PULL_LIMIT = 2000


class CursorError(ValueError):
    """A cursor this server did not hand out."""


# --- change numbers -------------------------------------------------------------------------


def touch(session: Session, cases: Sequence[Case]) -> None:
    """Give each changed case a fresh change number so every client in scope pulls it.

    The number is taken when the session commits, as its last statement
    (change_numbers.py): the counter's lock, which makes numbers commit in order, is then
    held for one round trip instead of the rest of the transaction.
    """
    change_numbers.number_at_commit(session, cases)
    documents.changed(session, [case.id for case in cases])


# --- scope ---------------------------------------------------------------------------------


def scope_clause(user: User) -> Any:
    if user.role == "admin":
        return Case.id.is_not(None)
    if user.role == "lead":
        return Case.team_id == user.team_id
    return Case.assigned_agent_id == user.id


def in_scope(user: User, case: Case) -> bool:
    if user.role == "admin":
        return True
    if user.role == "lead":
        return case.team_id is not None and case.team_id == user.team_id
    return case.assigned_agent_id == user.id


def was_in_scope(session: Session, user: User, case: Case) -> bool:
    """A former owner may still deliver what they did while the case was theirs."""
    return bool(
        session.scalar(
            select(exists().where(ScopeExit.case_id == case.id, ScopeExit.agent_id == user.id))
        )
    )


# --- pull ----------------------------------------------------------------------------------


MAX_CURSOR = 2**63 - 1  # change numbers are BIGINT


def parse_cursor(cursor: str | None) -> int:
    """The change number of a cursor: plain ASCII digits this server can hold (after the
    database's identity, see db_identity.py)."""
    if not cursor:
        return 0
    if not (cursor.isascii() and cursor.isdigit()) or int(cursor) > MAX_CURSOR:
        raise CursorError("the cursor is not one this server gave out (plain digits); pull without it to start over")
    return int(cursor)


def _user_change(user: User) -> contract.Change:
    return contract.Change(
        entity="user",
        op="upsert",
        id=user.id,
        data={
            "id": user.id,
            "username": user.username,
            "display_name": user.display_name,
            "role": user.role,
            "team_id": user.team_id,
        },
    )


@dataclass
class _Page:
    """One page of the caller's changes, read once and written as JSON or as lines."""

    people: list[contract.Change]
    entries: list[tuple[int, Any]]  # (0, case row) or (1, scope exit), in change order
    built: dict[str, tuple[Any, Any]]  # caches built on the fly for rows that had none
    usernames: dict[str, str]
    cursor: str
    has_more: bool

    def case(self, r: Any) -> tuple[str, dict[str, Any], Any, Any]:
        """A case row as (id, live scalars, cached document members, cached queue members);
        the caches are bytes when the page was read `as_utf8`. Unpacks the row once: row
        attribute access dominated the writers' loops."""
        case_id, seq, lender, status, hold, agent_id, team_id, late_calls, doc_members, queue_members = r[:10]
        if doc_members is None or queue_members is None:
            doc_members, queue_members = self.built[case_id]
        scalars = documents.case_scalars(case_id, seq, lender, status, hold, agent_id, self.usernames.get(agent_id),
                                         team_id, late_calls, tuple(r[10:]))
        return case_id, scalars, doc_members, queue_members


def _utf8(session: Session, column: Any) -> Any:
    """A text column read as its UTF-8 bytes: the lines go out as bytes, and decoding
    54 MB of documents only to encode them again cost a quarter of a first sync's pull."""
    if session.get_bind().dialect.name == "postgresql":
        return func.convert_to(column, "UTF8", type_=LargeBinary).label(column.key)
    return cast(column, LargeBinary).label(column.key)  # SQLite: the stored bytes, as a BLOB


def _read_page(session: Session, user: User, cursor: str | None, limit: int, *, as_utf8: bool = False) -> _Page:
    # Every cursor names the database it came from (db_identity.py): a restored or
    # swapped database answers another's cursor with ForeignCursor, never a silent gap.
    ident, top = db_identity.identity_and_top(session)
    cursor_ident, digits = db_identity.split(cursor) if cursor else (None, "")
    after = parse_cursor(digits)
    if cursor:
        db_identity.check(session, ident, cursor_ident, after, top)
    limit = max(1, min(limit, MAX_PULL_LIMIT))
    doc_col, queue_col = CaseDocument.doc_cache, CaseDocument.queue_cache
    if as_utf8:
        doc_col, queue_col = _utf8(session, doc_col), _utf8(session, queue_col)
    rows = session.execute(
        select(Case.id, Case.seq, Case.lender, Case.status, Case.hold_reason, Case.assigned_agent_id,
               Case.team_id, Case.consent_late_calls, doc_col, queue_col,
               Case.segment, Case.segment_reason, Case.arm, Case.challenger)
        .outerjoin(CaseDocument, CaseDocument.case_id == Case.id)
        .where(scope_clause(user), Case.seq > after)
        .order_by(Case.seq)
        .limit(limit + 1)
    ).all()
    exit_filter = ScopeExit.agent_id == user.id
    if user.role == "lead":
        exit_filter = ScopeExit.team_id == user.team_id
    exits: Sequence[Any] = []
    if user.role != "admin":
        exits = session.execute(
            select(ScopeExit.seq, ScopeExit.case_id).where(exit_filter, ScopeExit.seq > after)
            .order_by(ScopeExit.seq).limit(limit + 1)
        ).all()
    merged: list[tuple[int, int, Any]] = [(r.seq, 0, r) for r in rows] + [(e.seq, 1, e) for e in exits]
    merged.sort(key=lambda item: (item[0], item[1]))
    has_more = len(merged) > limit
    page = merged[:limit]
    upserts = [r for _seq, kind, r in page if kind == 0]
    missing = [r.id for r in upserts if r.doc_cache is None or r.queue_cache is None]
    return _Page(
        people=_people_in_scope(session, user) if after == 0 else [],
        entries=[(kind, r) for _seq, kind, r in page],
        built={i: _encoded(v) if as_utf8 else v for i, v in documents.build_caches(
            session, document_rows.load(session, missing)).items()},
        usernames=_usernames(session, user, upserts),
        cursor=db_identity.cursor_for(ident, page[-1][0] if page else after),
        has_more=has_more,
    )


def _usernames(session: Session, user: User, upserts: Sequence[Any]) -> dict[str, str]:
    """The usernames of the agents the page's cases are assigned to (a document names its
    agent). An agent's own page names only the caller, already loaded; a lead's or an
    admin's reads only those agents. Reading every user on every pull that carried a
    change cost each such pull a few hundred rows with 500 desks' accounts."""
    agents = {r.assigned_agent_id for r in upserts if r.assigned_agent_id is not None}
    if not agents:
        return {}
    if agents == {user.id}:
        return {user.id: user.username}
    return {uid: name for uid, name in session.execute(
        select(User.id, User.username).where(User.id.in_(sorted(agents))))}


def _encoded(texts: tuple[str, str]) -> tuple[bytes, bytes]:
    return texts[0].encode(), texts[1].encode()


def pull_json(session: Session, user: User, cursor: str | None, limit: int) -> str:
    """One page of the caller's changes as the JSON text of a `contract.PullResponse`.

    Written as text, not through pydantic: the case documents are mostly ready-made JSON
    (agentdesk.server.documents), and validating and re-serializing 2,000 of them per page
    would cost more than reading them.
    """
    page = _read_page(session, user, cursor, limit)
    parts: list[str] = [change.model_dump_json() for change in page.people]
    for kind, r in page.entries:
        if kind == 1:
            parts.append('{"entity":"case","op":"remove","id":' + json.dumps(r.case_id) + ',"data":{}}')
            continue
        case_id, scalars, doc_members, _queue = page.case(r)
        doc = documents.assemble(scalars, doc_members)
        parts.append('{"entity":"case","op":"upsert","id":' + json.dumps(case_id) + ',"data":' + doc + "}")
    return _json_page(parts, page.cursor, page.has_more)


def _json_page(parts: list[str], cursor: str, has_more: bool) -> str:
    return ('{"changes":[' + ",".join(parts) + '],"cursor":' + json.dumps(cursor)
            + ',"has_more":' + ("true" if has_more else "false") + "}")


def _lines_head(cursor: str, has_more: bool, count: int) -> bytes:
    return orjson.dumps({"cursor": cursor, "has_more": has_more, "changes": count})


def empty_page(cursor: str, lines: bool) -> bytes | str:
    """A page with no changes, in the lines form or as JSON: what `pull_lines` and
    `pull_json` answer when nothing follows the cursor (idle_pull.py answers with it)."""
    return _lines_head(cursor, False, 0) if lines else _json_page([], cursor, False)


def pull_lines(session: Session, user: User, cursor: str | None, limit: int) -> bytes:
    """The same page as `pull_json`, in the lines of `contract.PULL_LINES_MEDIA_TYPE`.

    Each case's queue columns go beside its document, so the desktop stores the document's
    bytes without parsing them. Built as one list of byte pieces joined once: a page is
    some 2.7 MB, and every intermediate concatenation would copy it again.
    """
    page = _read_page(session, user, cursor, limit, as_utf8=True)
    count = len(page.people) + len(page.entries)
    out: list[bytes] = [_lines_head(page.cursor, page.has_more, count)]
    for change in page.people:
        out.append(b"\n" + orjson.dumps(change.model_dump(mode="json")))
    for kind, r in page.entries:
        if kind == 1:
            out.append(b"\n" + orjson.dumps({"entity": "case", "op": "remove", "id": r.case_id}))
            continue
        case_id, scalars, doc_members, queue_members = page.case(r)
        out += (b'\n{"entity":"case","op":"upsert","id":', orjson.dumps(case_id), b',"queue":',
                orjson.dumps(live_columns(scalars))[:-1], b",", queue_members, b"}}\n",
                orjson.dumps(scalars)[:-1], b",", doc_members, b"}")
    return b"".join(out)


def _people_in_scope(session: Session, user: User) -> list[contract.Change]:
    if user.role == "agent" or user.team_id is None and user.role != "admin":
        return [_user_change(user)]
    query = select(User).order_by(User.username)
    if user.role == "lead":
        query = query.where(User.team_id == user.team_id)
    return [_user_change(u) for u in session.scalars(query)]


def scope_counts(session: Session, user: User) -> dict[str, int]:
    """What the caller's replica should hold; the client compares after a pull (self-check)."""
    from sqlalchemy import func

    return {"case": session.scalar(select(func.count()).select_from(Case).where(scope_clause(user))) or 0}


# --- push ----------------------------------------------------------------------------------


@dataclass
class PushOutcome:
    results: list[contract.MutationResult]
    touched_agents: set[str] = field(default_factory=set)
    touched_teams: set[str] = field(default_factory=set)
    pusher: str | None = None  # the caller's user id, once checked


class _Caller:
    """Who pushes, loaded once per transaction at the least cost.

    The route hands over its token check (`check`): the first mutation's transaction runs it
    as its first statement, so the caller's account is read once, not in a transaction of
    its own and again in the write's. Once a transaction that read the user has committed,
    the user (detached, its values loaded: sessions keep them at commit) is merged into
    the next mutation's session without a read. A rolled-back transaction expires what it
    loaded, so after one the next transaction reads the user again by id.
    """

    def __init__(self, user_id: str | None, check: Callable[[Session], User] | None) -> None:
        self.user_id, self.check = user_id, check
        self.known: User | None = None
        self.attached: User | None = None  # in the transaction now running

    def attach(self, session: Session) -> User:
        if self.known is not None:
            user = session.merge(self.known, load=False)
        elif self.check is not None:
            user = self.check(session)  # raises (HTTP 401) before anything is written
            self.user_id, self.check = user.id, None
        else:
            found = session.get(User, self.user_id)
            assert found is not None
            user = found
        self.attached = user
        return user

    def committed(self) -> None:
        """The transaction that attached the user committed: its values stay loaded."""
        if self.attached is not None:
            self.known = self.attached

    def rolled_back(self) -> None:
        self.attached = None


def push(db: Database, user_id: str | None, mutations: Iterable[contract.Mutation], clock: Clock = PROCESS,
         check: Callable[[Session], User] | None = None) -> PushOutcome:
    """Apply each mutation in its own transaction; rebuild touched documents once at the end,
    or, for a push of one mutation, in its transaction (documents.rebuild_in_place).

    `check`: the caller's token check, run first in the first transaction (what it raises
    ends the push before anything is written); the user it returns is the caller."""
    outcome = PushOutcome(results=[])
    mutations = list(mutations)
    # None: each transaction rebuilds its own documents before it commits.
    stale: set[str] | None = set() if len(mutations) > 1 else None
    caller = _Caller(user_id, check)
    try:
        for mutation in mutations:
            result, touched = lock_retry.retrying(lambda m=mutation: _apply_one(db, caller, m, stale, clock))
            outcome.results.append(result)
            if result.status == "applied":
                for agent_id, team_id in touched or ():
                    if agent_id:
                        outcome.touched_agents.add(agent_id)
                    if team_id:
                        outcome.touched_teams.add(team_id)
        if caller.check is not None:  # no mutation at all: the caller is still checked
            with db.transaction() as session:
                caller.attach(session)
        outcome.pusher = caller.user_id
    finally:
        if stale:
            documents.rebuild_later(db, stale)
    return outcome


def _apply_one(
    db: Database, caller: _Caller, mutation: contract.Mutation, stale: set[str] | None, clock: Clock
) -> tuple[contract.MutationResult, list[tuple[str | None, str | None]] | None]:
    caller.rolled_back()
    try:
        answer = _apply_in_transaction(db, caller, mutation, stale, clock)
    except BaseException:
        caller.rolled_back()
        raise
    caller.committed()
    return answer


class _Refused(Exception):
    """A mutation failed: its transaction is rolled back whole, and its refusal recorded
    in a transaction of its own (`_record_refusal`)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _apply_in_transaction(
    db: Database, caller: _Caller, mutation: contract.Mutation, stale: set[str] | None, clock: Clock
) -> tuple[contract.MutationResult, list[tuple[str | None, str | None]] | None]:
    mid = str(mutation.id)
    try:
        with db.transaction() as session:
            if stale is None:
                documents.rebuild_in_place(session)
            else:
                documents.defer_rebuilds(session, stale)
            user = caller.attach(session)
            user_id = user.id
            # Read as a row, not an object: every push asks, and the ORM's get cost more than
            # the round trip for an answer that is nearly always "not seen".
            seen = session.connection().execute(_SEEN, {"id": mid}).first()
            if seen is not None:
                return _answer_again(mutation.id, seen), None
            try:
                cases = _apply(session, user, mutation, clock.now())
            except _SERVER_TROUBLE:
                raise  # the database is unwell, not the mutation: the desk sends it again later
            except Exception as exc:  # noqa: BLE001 - any failure of one mutation is that mutation's rejection
                # Leaving the block rolls back whatever the mutation had started (no savepoint:
                # its two round trips were paid by every applied mutation, for the few refused).
                raise _Refused(write_scope.storable(_reason(exc))) from exc
            case = cases[0]
            # Plain inserts, not ORM objects: nothing reads these rows back in the transaction,
            # and the unit of work's bookkeeping for the two was a share of every push's CPU.
            # A second delivery of the id still fails here (IntegrityError, handled below).
            conn = session.connection()
            conn.execute(_INSERT_APPLIED, {"id": mid, "user_id": user_id, "type": mutation.type,
                                           "status": "applied", "case_id": case.id})
            conn.execute(_INSERT_AUDIT, {"user_id": user_id, "action": mutation.type, "entity": "case",
                                         "entity_id": case.id,
                                         "detail": {"mutation": mid} if len(cases) == 1 else
                                         {"mutation": mid, "also_changed": [c.id for c in cases[1:]]}})
            touched = [(c.assigned_agent_id, c.team_id) for c in cases]
        return contract.MutationResult(id=mutation.id, status="applied"), touched
    except _Refused as refused:
        caller.rolled_back()
        return _record_refusal(db, caller, mutation, refused.reason), None
    except IntegrityError:
        # The same id delivered twice at the same moment: the other delivery won.
        caller.rolled_back()
        stored = _answer_stored(db, mutation)
        if stored is None:
            raise
        return stored, None


# A mutation id's stored answer, if any (`_answer_again` reads its status and reason).
_SEEN = select(AppliedMutation.__table__.c.status, AppliedMutation.__table__.c.reason).where(
    AppliedMutation.__table__.c.id == bindparam("id"))

# The applied mutation's two rows, as Core inserts (column defaults, such as the times from
# the process clock, are filled in by SQLAlchemy as for the ORM objects).
_INSERT_APPLIED = insert(typing.cast(Table, AppliedMutation.__table__))
_INSERT_AUDIT = insert(typing.cast(Table, AuditEntry.__table__))


def _record_refusal(db: Database, caller: _Caller, mutation: contract.Mutation, reason: str) -> contract.MutationResult:
    """Store a refused mutation's id and reason (so a second delivery gets the same answer)
    and its audit row; the mutation's own work was rolled back with its transaction."""
    mid = str(mutation.id)
    try:
        with db.transaction() as session:
            user_id = caller.attach(session).id
            seen = session.get(AppliedMutation, mid)
            if seen is not None:  # another delivery of it was answered meanwhile
                return _answer_again(mutation.id, seen)
            case_id = write_scope.case_ref(mutation.payload)
            session.add(AppliedMutation(id=mid, user_id=user_id, type=mutation.type, status="rejected",
                                        reason=reason, case_id=case_id))
            session.add(AuditEntry(user_id=user_id, action="mutation.rejected", entity="case", entity_id=case_id,
                                   detail={"mutation": mid, "type": mutation.type, "reason": reason}))
        return contract.MutationResult(id=mutation.id, status="rejected", reason=reason)
    except IntegrityError:
        caller.rolled_back()
        stored = _answer_stored(db, mutation)
        if stored is None:
            raise
        return stored


def _answer_stored(db: Database, mutation: contract.Mutation) -> contract.MutationResult | None:
    """The answer already stored for this mutation's id (None: none is)."""
    with db.transaction() as session:
        seen = session.get(AppliedMutation, str(mutation.id))
        return _answer_again(mutation.id, seen) if seen is not None else None


# Failures of the server rather than of a mutation: never turned into a (final) rejection.
_SERVER_TROUBLE = (OperationalError, InterfaceError, DisconnectionError)


def _reason(exc: Exception) -> str:
    """The rejection's reason: a refusal's own sentence, or what kind of input the database
    could not take (never the exception's text, which may quote the payload)."""
    if isinstance(exc, Rejected):
        return str(exc)
    if isinstance(exc, IntegrityError):
        return "an id in this change is already used by another record; the change was not applied"
    log.error("push: one mutation failed and was rejected:\n%s", safe_traceback(exc))
    return ("the server cannot store a value in this change (a number or date out of range, "
            f"or text it cannot hold): {type(exc).__name__}; correct it and record it again")


def _answer_again(mutation_id: uuid.UUID, seen: AppliedMutation | Any) -> contract.MutationResult:
    """The stored answer again; `seen` is the stored mutation or its (status, reason) row."""
    if seen.status == "rejected":
        return contract.MutationResult(id=mutation_id, status="rejected", reason=seen.reason)
    return contract.MutationResult(id=mutation_id, status="duplicate")


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(v) for v in value)
    return False


def _validated(mutation: contract.Mutation) -> Any:
    model = contract.MUTATION_TYPES[mutation.type]
    # PostgreSQL text cannot hold NUL; refusing it here keeps the refusal itself storable.
    if _has_nul(mutation.payload):
        raise Rejected(f"invalid {mutation.type} payload: text must not contain NUL (\\x00) characters")
    try:
        return model.model_validate(mutation.payload)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'payload'}: {err['msg']}" for err in exc.errors()
        )
        raise Rejected(f"invalid {mutation.type} payload: {problems}") from exc


def _writable(session: Session, user: User, case: Case, *, decision: bool) -> Case:
    """`case` (loaded and locked) if the caller may write to it now, else the refusal."""
    if in_scope(user, case):
        return case
    if not decision and was_in_scope(session, user, case):
        return case
    session.add(
        AuditEntry(user_id=user.id, action="scope.denied", entity="case", entity_id=case.id, detail={})
    )
    if decision and was_in_scope(session, user, case):
        raise Rejected("the case was reassigned to another agent; this decision was not recorded")
    raise Rejected("the case is not in your scope")


def db_locks(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


@cache
def _named_query(payload_type: type[Any], locks: bool) -> Any:
    """The named case's query for a payload type (`_NAMED_WITH`), built once: on PostgreSQL
    FOR UPDATE OF the case's row alone (a joined debtor is read, not locked). A prebuilt
    statement, not `session.get`, which builds and keys a new one at every call: that cost
    ~0.1-0.2 ms of an outcome push's CPU. The session is the mutation's own, so the case is
    never already in its identity map (where `get` would have found it without a read)."""
    query = select(Case).where(Case.id == bindparam("case_id")).options(*_NAMED_WITH.get(payload_type, ()))
    return query.with_for_update(of=Case) if locks else query


# What a mutation reads of its named case besides the case, loaded with it: an outcome's
# write reads the debtor (time zone, person) and the case's contact points (the point called,
# its numbers for the history and the related cases). All in the case's own query instead
# of a lazy load each, and the point called then comes from the identity map for both its
# ownership check (write_scope.id_refusal) and the write: 5 round trips became 1. The
# case's promises (the rules read the pending one's due date: policy.planned_contact) and
# its contact points are joined, not loaded by a second SELECT ... IN: a case has a few
# promises at most, so the joined rows stay few; the second query's construction and
# loading were ~15% of an outcome push's CPU (py-spy --gil under bench/bench_load.py).
_NAMED_WITH: dict[type[Any], tuple[Any, ...]] = {
    contract.AttemptRecordPayload: (joinedload(Case.debtor, innerjoin=True), joinedload(Case.promises),
                                    joinedload(Case.contact_points)),
}


def _refuse(reason: str | None) -> None:
    if reason:
        raise Rejected(reason)


def _apply(session: Session, user: User, mutation: contract.Mutation, now: datetime) -> list[Case]:
    """Apply one mutation; returns the cases it changed, the one it names first (a hold or
    a number's mark can reach the person's other cases and every case with the number)."""
    payload = _validated(mutation)
    # The case is read (and on PostgreSQL locked) once, first: the refusals below and the
    # write find it in the session's identity map instead of reading it twice more. Held in
    # `named` so the map, which holds its objects weakly, keeps it between those calls.
    named = session.execute(_named_query(type(payload), db_locks(session)),
                            {"case_id": payload.case_id}).unique().scalar_one_or_none()
    _refuse(write_scope.late_write_refusal(session, user, payload, now))
    _refuse(write_scope.id_refusal(session, user, payload, str(mutation.id)))
    if named is None:
        raise Rejected(f"case {payload.case_id} does not exist on the server")
    if isinstance(payload, contract.NoteAddPayload):
        case = _writable(session, user, named, decision=False)
        cases = writes.add_note(session, user, case, payload, str(payload.note_id or mutation.id), now)
    elif isinstance(payload, contract.AttemptRecordPayload):
        case = _writable(session, user, named, decision=False)
        cases = writes.record_attempt(session, user, case, payload, in_scope(user, case))
    elif isinstance(payload, contract.PromiseAddPayload):
        case = _writable(session, user, named, decision=True)
        cases = writes.add_promise(session, user, case, payload, now)
    elif isinstance(payload, contract.CallbackAddPayload):
        case = _writable(session, user, named, decision=True)
        cases = writes.add_callback(session, case, payload, now)
    elif isinstance(payload, contract.ContactPointAddPayload):
        case = _writable(session, user, named, decision=True)
        cases = writes.add_contact_point(session, user, case, payload)
    elif isinstance(payload, contract.ContactPointMarkPayload):
        case = _writable(session, user, named, decision=False)
        cases = writes.mark_contact_point(session, case, payload)
    elif isinstance(payload, contract.ConsentRecordPayload):
        case = _writable(session, user, named, decision=True)
        cases = writes.record_consent(session, user, case, payload)
    elif isinstance(payload, contract.SmsSendPayload):
        case = _writable(session, user, named, decision=True)
        try:
            sms_outbox.accept_send(session, user, case, payload, now)
        except sms_outbox.SmsRefused as exc:
            raise Rejected(str(exc)) from exc
        # The person's other cases and those sharing the number count this message too.
        cases = [case, *persons.load_cases(session, persons.related_case_ids(session, case))]
    else:  # pragma: no cover - MUTATION_TYPES and this dispatch are kept in step
        raise Rejected(f"unknown mutation type {mutation.type}")
    session.flush()
    touch(session, cases)
    return cases


def record_scope_exit(session: Session, case: Case, seq: int, agent_id: str | None, team_id: str | None) -> None:
    session.add(ScopeExit(seq=seq, case_id=case.id, agent_id=agent_id, team_id=team_id))


__all__ = [
    "CursorError",
    "PushOutcome",
    "next_seqs",
    "pull_json",
    "push",
    "record_scope_exit",
    "scope_counts",
    "touch",
]
