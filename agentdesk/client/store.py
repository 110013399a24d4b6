"""The local replica: one SQLCipher database per server and user, plus the outbox.

Each case is kept as the server's document (JSON, table `case_docs`) and, in its own
table `cases`, the columns the queue sorts and searches on: the documents are ~2.6 KB
each, and reading the summary columns must not decrypt and read every document's pages.
Local writes never edit the document: they are outbox rows, and views merge pending rows
over the document, so what the agent typed is visible at once and a later pull cannot
hide it. The pull cursor is stored in the same transaction as the
changes it covers.

The database key comes from the OS keyring (see credentials.py); without it the file is
unreadable. WAL lets the GUI thread read while the sync thread writes.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import (
    JSON,
    Engine,
    Integer,
    String,
    Text,
    create_engine,
    delete,
    event,
    func,
    select,
    update,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker
from sqlalchemy.pool import QueuePool

from agentdesk.client.errors import StoreLocked

log = logging.getLogger(__name__)

# 2: the documents moved out of `cases` into `case_docs`. A store of an older layout is
# opened by rebuilding its replica (emptied, pulled again in full); the outbox, drafts and
# notices are kept.
SCHEMA_MAJOR = 2


class Base(DeclarativeBase):
    pass


class Meta(Base):
    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class CaseRow(Base):
    __tablename__ = "cases"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(10), index=True)
    debtor_name: Mapped[str] = mapped_column(String(100))
    search_text: Mapped[str] = mapped_column(Text)
    lender: Mapped[str] = mapped_column(String(100))
    assigned_agent: Mapped[str | None] = mapped_column(String(64))
    overdue_minor: Mapped[int] = mapped_column(Integer)
    outstanding_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    days_past_due: Mapped[int] = mapped_column(Integer, index=True)
    bucket: Mapped[str] = mapped_column(String(4), index=True)
    last_outcome: Mapped[str | None] = mapped_column(String(24))
    last_attempt_at: Mapped[str | None] = mapped_column(String(32))
    callback_due_at: Mapped[str | None] = mapped_column(String(32))
    promise_due: Mapped[str | None] = mapped_column(String(10))
    promise_status: Mapped[str | None] = mapped_column(String(8))

    @property
    def doc(self) -> dict[str, Any]:
        """The case document, when loaded with the row (`LocalStore.case_rows`)."""
        try:
            return self.__dict__["_doc"]  # type: ignore[no-any-return]
        except KeyError:
            raise AttributeError("the document is not loaded with this row; use LocalStore.case_doc") from None


class CaseDoc(Base):
    """A case's server document, apart from its summary row (same id) so that reading the
    summary columns does not read the documents."""

    __tablename__ = "case_docs"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    doc: Mapped[dict[str, Any]] = mapped_column(JSON)


class OutboxRow(Base):
    """A local write waiting for (or refused by) the server; never dropped silently."""

    __tablename__ = "outbox"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    type: Mapped[str] = mapped_column(String(32))
    case_id: Mapped[str | None] = mapped_column(String(36), index=True)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[str] = mapped_column(String(32))
    state: Mapped[str] = mapped_column(String(10), default="pending")  # pending | applied | rejected
    reason: Mapped[str | None] = mapped_column(Text)
    tries: Mapped[int] = mapped_column(Integer, default=0)


class Draft(Base):
    """A note form being typed; survives a crash and is offered back."""

    __tablename__ = "drafts"
    case_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    saved_at: Mapped[str] = mapped_column(String(32))


class PersonRow(Base):
    __tablename__ = "people"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    username: Mapped[str] = mapped_column(String(64))
    display_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(10))
    team_id: Mapped[str | None] = mapped_column(String(36))


class Notice(Base):
    """Something the agent should be told once (a case reassigned away, a rejection)."""

    __tablename__ = "notices"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(20))
    case_id: Mapped[str | None] = mapped_column(String(36))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[str] = mapped_column(String(32))


def _now_iso() -> str:
    return datetime.now(UTC).isoformat()


@dataclass(frozen=True)
class AppliedPull:
    upserted: frozenset[str]
    removed: frozenset[str]


def case_summary(doc: dict[str, Any]) -> dict[str, Any]:
    """The queue's columns, derived from a case document (server's or locally amended).

    Runs for every case of a first sync (20,000 and more), hence single passes and no sorts.
    """
    accounts = doc.get("accounts", [])
    last = _latest(doc.get("attempts", ()), "started_at")
    open_callbacks = [c["due_at"] for c in doc.get("callbacks", ()) if c.get("status") == "open"]
    promise = _latest((p for p in doc.get("promises", ()) if p["status"] in _LIVE_PROMISE), "created_at")
    debtor = doc.get("debtor", {})
    name = debtor.get("name", "")
    tails = " ".join(p["value_masked"][-4:] for p in doc.get("contact_points", ()) if p["kind"] == "phone")
    account_nos = " ".join(a["account_no"] for a in accounts)
    return dict(
        id=doc["id"],
        seq=doc.get("seq", 0),
        status=doc.get("status", "open"),
        debtor_name=name,
        search_text=f"{name} {tails} {account_nos}".lower(),
        lender=doc.get("lender", ""),
        assigned_agent=doc.get("assigned_agent"),
        overdue_minor=sum(a["overdue_minor"] for a in accounts),
        outstanding_minor=sum(a["outstanding_minor"] for a in accounts),
        currency=accounts[0]["currency"] if accounts else "CNY",
        days_past_due=max((a["days_past_due"] for a in accounts), default=0),
        bucket=max((a["bucket"] for a in accounts), default="M0"),
        last_outcome=last["outcome"] if last else None,
        last_attempt_at=last["started_at"] if last else None,
        callback_due_at=min(open_callbacks) if open_callbacks else None,
        promise_due=promise["due_date"] if promise else None,
        promise_status=promise["status"] if promise else None,
        doc=doc,  # not a column of `cases`: the document goes to `case_docs`
    )


_LIVE_PROMISE = frozenset(("pending", "broken", "kept"))


def _latest(items: Iterable[dict[str, Any]], field: str) -> dict[str, Any] | None:
    """The item with the greatest `field`; among equals the later one (as a stable sort's last)."""
    best = None
    for item in items:
        if best is None or item[field] >= best[field]:
            best = item
    return best


_CASE_COLUMNS = tuple(c.name for c in CaseRow.__table__.columns)
_UPSERT_CASES = (
    f"INSERT OR REPLACE INTO cases ({', '.join(_CASE_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in _CASE_COLUMNS)})"
)
_UPSERT_DOCS = "INSERT OR REPLACE INTO case_docs (id, doc) VALUES (?, ?)"


# SQLCipher encrypts and authenticates page by page; 16 KiB pages instead of its 4 KiB
# default cut a first sync's write cost almost in half (each case document is ~2.6 KB,
# bench/bench_first_sync.py). Fixed when a store is created; older stores keep theirs.
CIPHER_PAGE_SIZE = 16384


def _connect_engine(path: Path, key: str | None) -> Engine:
    if key is None:
        engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False, "timeout": 30})
    else:
        import sqlcipher3

        def open_with(page_size: int | None) -> Any:
            conn = sqlcipher3.connect(str(path), check_same_thread=False, timeout=30)
            # A raw 256-bit key: no passphrase derivation, the key is random already.
            conn.execute(f"PRAGMA key = \"x'{key}'\"")
            if page_size:
                conn.execute(f"PRAGMA cipher_page_size = {page_size}")
            return conn

        def creator() -> Any:
            conn = open_with(CIPHER_PAGE_SIZE)
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlcipher3.DatabaseError:
                # A store written before the larger pages (or with another key: then the
                # default opens nothing either, and the caller reports the key problem).
                conn.close()
                conn = open_with(None)
            return conn

        # An explicit QueuePool: for a "sqlite://" URL SQLAlchemy would pick SingletonThreadPool,
        # which keeps one connection per thread and closes the oldest when more than five
        # threads have used it, even while that thread is mid-statement (a segfault in
        # sqlcipher). The GUI, the task worker and the sync worker all read and write.
        engine = create_engine("sqlite://", creator=creator, poolclass=QueuePool, pool_size=5, max_overflow=10)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    return engine


class LocalStore:
    """The replica for one user on one server. Thread-safe: each call uses its own session."""

    def __init__(self, path: Path, key: str | None) -> None:
        self.path = path
        self.encrypted = key is not None
        path.parent.mkdir(parents=True, exist_ok=True)
        self.engine = _connect_engine(path, key)
        try:
            Base.metadata.create_all(self.engine)
        except Exception as exc:  # sqlcipher raises DatabaseError "file is not a database"
            self.engine.dispose()
            if "not a database" in str(exc):
                raise StoreLocked(
                    f"The local store {path.name} cannot be opened with the key in the keyring. "
                    "Log out with 'wipe local data' or delete the file; the server keeps everything "
                    "already synced."
                ) from exc
            raise
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        with self.transaction() as s:
            major = s.get(Meta, "schema_major")
            if major is not None and int(major.value) > SCHEMA_MAJOR:
                self.engine.dispose()
                raise StoreLocked(
                    f"The local store was written by a newer AgentDesk (schema {major.value}); "
                    "update AgentDesk on this computer."
                )
            conn = s.connection()
            old_layout = any(col[1] == "doc" for col in conn.exec_driver_sql("PRAGMA table_info(cases)"))
            if old_layout or (major is not None and int(major.value) < SCHEMA_MAJOR):
                self._rebuild_replica(s, major.value if major is not None else "?")
            s.merge(Meta(key="schema_major", value=str(SCHEMA_MAJOR)))

    @staticmethod
    def _rebuild_replica(s: Session, old: str) -> None:
        """An older layout: drop the replica's tables and the cursor, so the next pull is a full
        one. The outbox, drafts and notices stay (pending writes are sent and shown as before)."""
        log.info("local store schema %s -> %s: rebuilding the replica (full pull next)", old, SCHEMA_MAJOR)
        conn = s.connection()
        conn.exec_driver_sql("DROP TABLE IF EXISTS cases")
        conn.exec_driver_sql("DELETE FROM case_docs")
        CaseRow.__table__.create(conn)  # type: ignore[attr-defined]
        s.execute(delete(Meta).where(Meta.key == "cursor"))

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        with self.sessions() as s, s.begin():
            yield s

    # --- meta ----------------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        with self.sessions() as s:
            row = s.get(Meta, key)
            return row.value if row else None

    def set_meta(self, key: str, value: str, session: Session | None = None) -> None:
        if session is None:
            with self.transaction() as s:
                s.merge(Meta(key=key, value=value))
        else:
            session.merge(Meta(key=key, value=value))

    @property
    def cursor(self) -> str | None:
        return self.get_meta("cursor")

    # --- pull ----------------------------------------------------------------------------

    def apply_changes(self, changes: Iterable[Any], cursor: str) -> AppliedPull:
        """Apply one page of pulled changes and its cursor in one transaction."""
        upserted: set[str] = set()
        removed: set[str] = set()
        with self.transaction() as s:
            case_rows: list[dict[str, Any]] = []
            docs: dict[str, dict[str, Any]] = {}
            for ch in changes:
                if ch.entity == "case" and ch.op == "upsert":
                    case_rows.append(case_summary(ch.data))
                    docs[ch.data["id"]] = ch.data
                    upserted.add(ch.id)
                elif ch.entity == "case" and ch.op == "remove":
                    removed.add(ch.id)
                    upserted.discard(ch.id)
                    case_rows = [r for r in case_rows if r["id"] != ch.id]
                elif ch.entity == "user" and ch.op == "upsert":
                    s.merge(PersonRow(**{k: ch.data[k] for k in ("id", "username", "display_name",
                                                                    "role", "team_id")}))
            if case_rows:
                ids = [r["id"] for r in case_rows]
                local = self._local_rows(s, ids)
                if local:
                    me = (s.get(Meta, "username") or Meta(value="")).value
                    case_rows = [
                        case_summary(overlay(docs[r["id"]], local[r["id"]], me)) if r["id"] in local else r
                        for r in case_rows
                    ]
                # Executemanys of plain tuples with the documents serialized once: the ORM's
                # per-row bookkeeping and JSON type processing cost more than SQLite itself on a
                # first sync of thousands of cases (bench/bench_first_sync.py).
                conn = s.connection()
                conn.exec_driver_sql(_UPSERT_CASES, [tuple(r[c] for c in _CASE_COLUMNS) for r in case_rows])
                conn.exec_driver_sql(_UPSERT_DOCS, [(r["id"], orjson.dumps(docs[r["id"]]).decode())
                                                    for r in case_rows])
            if removed:
                present = set(s.scalars(select(CaseRow.id).where(CaseRow.id.in_(removed))))
                s.execute(delete(CaseRow).where(CaseRow.id.in_(removed)))
                s.execute(delete(CaseDoc).where(CaseDoc.id.in_(removed)))
                for case_id in present:
                    s.add(Notice(kind="reassigned", case_id=None, created_at=_now_iso(),
                                 text=f"A case was reassigned away from you ({case_id[:8]})."))
            s.merge(Meta(key="cursor", value=cursor))
            s.merge(Meta(key="last_pull_at", value=_now_iso()))
        return AppliedPull(frozenset(upserted), frozenset(removed))

    @staticmethod
    def _local_rows(s: Session, case_ids: list[str]) -> dict[str, list[OutboxRow]]:
        found: dict[str, list[OutboxRow]] = {}
        rows = s.scalars(select(OutboxRow).where(OutboxRow.case_id.in_(case_ids), OutboxRow.state != "applied")
                         .order_by(OutboxRow.seq))
        for row in rows:
            found.setdefault(row.case_id or "", []).append(row)
        return found

    def refresh_summary(self, s: Session, case_id: str, me: str) -> None:
        """Recompute a case's queue columns with its local writes (same transaction as the write)."""
        row = s.get(CaseRow, case_id)
        doc = s.scalar(select(CaseDoc.doc).where(CaseDoc.id == case_id))
        if row is None or doc is None:
            return
        local = self._local_rows(s, [case_id]).get(case_id, [])
        summary = case_summary(overlay(doc, local, me))
        summary.pop("doc")
        for key, value in summary.items():
            setattr(row, key, value)

    def reset_replica(self) -> None:
        """Forget the cursor so the next pull is a full one (the self-check found a mismatch)."""
        with self.transaction() as s:
            s.execute(delete(Meta).where(Meta.key == "cursor"))
            s.execute(delete(CaseRow))
            s.execute(delete(CaseDoc))

    def case_count(self) -> int:
        with self.sessions() as s:
            return int(s.scalar(select(func.count()).select_from(CaseRow)) or 0)

    # --- outbox --------------------------------------------------------------------------

    def enqueue(self, s: Session, type_: str, payload: dict[str, Any], case_id: str | None,
                mutation_id: str | None = None) -> str:
        mid = mutation_id or str(uuid.uuid4())
        s.add(OutboxRow(id=mid, type=type_, case_id=case_id, payload=payload, created_at=_now_iso()))
        return mid

    def pending(self, limit: int = 100) -> list[OutboxRow]:
        with self.sessions() as s:
            return list(s.scalars(select(OutboxRow).where(OutboxRow.state == "pending")
                                  .order_by(OutboxRow.seq).limit(limit)))

    def settle(self, results: dict[str, tuple[str, str | None]]) -> None:
        """Record the server's answer per mutation id: applied/duplicate leave, rejected stay."""
        with self.transaction() as s:
            for mid, (status, reason) in results.items():
                if status in ("applied", "duplicate"):
                    s.execute(update(OutboxRow).where(OutboxRow.id == mid).values(state="applied"))
                else:
                    s.execute(update(OutboxRow).where(OutboxRow.id == mid)
                              .values(state="rejected", reason=reason or "rejected by the server"))
                    s.add(Notice(kind="rejected", case_id=None, created_at=_now_iso(),
                                 text=reason or "rejected by the server"))

    def forget_applied(self) -> None:
        """After a pull, applied writes are in the server's documents; drop the local copies."""
        with self.transaction() as s:
            s.execute(delete(OutboxRow).where(OutboxRow.state == "applied"))

    def note_try(self, ids: list[str]) -> None:
        with self.transaction() as s:
            s.execute(update(OutboxRow).where(OutboxRow.id.in_(ids)).values(tries=OutboxRow.tries + 1))

    def outbox_counts(self) -> tuple[int, int]:
        with self.sessions() as s:
            rows = dict(s.execute(select(OutboxRow.state, func.count()).group_by(OutboxRow.state)).all())
        # "applied" rows wait only for the pull that brings them back in the server's
        # documents: they are no longer waiting to be sent, so they are not counted.
        return int(rows.get("pending", 0)), int(rows.get("rejected", 0))

    def rejected(self) -> list[OutboxRow]:
        with self.sessions() as s:
            return list(s.scalars(select(OutboxRow).where(OutboxRow.state == "rejected").order_by(OutboxRow.seq)))

    def local_writes(self, case_id: str) -> list[OutboxRow]:
        with self.sessions() as s:
            return list(s.scalars(select(OutboxRow).where(OutboxRow.case_id == case_id).order_by(OutboxRow.seq)))

    # --- reads ---------------------------------------------------------------------------

    def case_rows(self) -> list[CaseRow]:
        """Every case's summary row with its document (`row.doc`): for checks and tools; the
        queue and the lead's grid read only the summary columns."""
        with self.sessions() as s:
            rows = list(s.scalars(select(CaseRow)))
            docs = {case_id: doc for case_id, doc in s.execute(select(CaseDoc.id, CaseDoc.doc))}
        for row in rows:
            row.__dict__["_doc"] = docs.get(row.id, {})
        return rows

    def case_doc(self, case_id: str) -> dict[str, Any] | None:
        with self.sessions() as s:
            if s.scalar(select(CaseRow.id).where(CaseRow.id == case_id)) is None:
                return None
            doc = s.scalar(select(CaseDoc.doc).where(CaseDoc.id == case_id))
            return dict(doc) if doc is not None else None

    def people(self) -> list[PersonRow]:
        with self.sessions() as s:
            return list(s.scalars(select(PersonRow).order_by(PersonRow.username)))

    def take_notices(self) -> list[Notice]:
        with self.transaction() as s:
            rows = list(s.scalars(select(Notice).order_by(Notice.id)))
            s.execute(delete(Notice))
            return rows

    # --- drafts --------------------------------------------------------------------------

    def save_draft(self, case_id: str, fields: dict[str, Any]) -> None:
        with self.transaction() as s:
            s.merge(Draft(case_id=case_id, fields=fields, saved_at=_now_iso()))

    def load_draft(self, case_id: str) -> dict[str, Any] | None:
        with self.sessions() as s:
            row = s.get(Draft, case_id)
            return dict(row.fields) if row else None

    def drafts(self) -> dict[str, dict[str, Any]]:
        with self.sessions() as s:
            return {d.case_id: dict(d.fields) for d in s.scalars(select(Draft))}

    def discard_draft(self, case_id: str, session: Session | None = None) -> None:
        if session is not None:
            session.execute(delete(Draft).where(Draft.case_id == case_id))
            return
        with self.transaction() as s:
            s.execute(delete(Draft).where(Draft.case_id == case_id))


__all__ = ["LocalStore", "CaseRow", "CaseDoc", "OutboxRow", "AppliedPull", "case_summary"]


def overlay(doc: dict[str, Any], rows: Iterable[OutboxRow], me: str) -> dict[str, Any]:
    """The case as the agent sees it: the server's document plus local writes not yet in it.

    Pending writes show at once; refused ones stay visible with the server's reason.
    """
    doc = dict(doc)
    known = {key: {item["id"] for item in doc.get(key, [])} for key in ("attempts", "notes", "promises", "callbacks")}
    for key in known:
        doc[key] = list(doc.get(key, []))
    for row in rows:
        p = row.payload
        flags = {"pending": row.state != "rejected", "rejected_reason": row.reason if row.state == "rejected" else None}
        if row.type == "attempt.record" and p["attempt_id"] not in known["attempts"]:
            doc["attempts"].append({
                "id": p["attempt_id"], "started_at": p["started_at"], "ended_at": p.get("ended_at"),
                "channel": p.get("channel", "call"), "contact_point_id": p.get("contact_point_id"),
                "reached": p["reached"], "outcome": p["outcome"], "agent": me, "note": p.get("note", ""),
                "compliance_flag": None, "talk_track_id": p.get("talk_track_id"),
                "talk_track_version": p.get("talk_track_version"), **flags,
            })
        elif row.type == "note.add" and (p.get("note_id") or row.id) not in known["notes"]:
            doc["notes"].append({"id": p.get("note_id") or row.id, "text": p["text"], "author": me,
                                 "written_at": p.get("written_at") or row.created_at, **flags})
        elif row.type == "promise.add" and p["promise_id"] not in known["promises"]:
            status = "pending" if row.state != "rejected" else "rejected"
            doc["promises"].append({"id": p["promise_id"], "attempt_id": p.get("attempt_id"),
                                    "amount_minor": p["amount_minor"], "currency": p.get("currency", "CNY"),
                                    "due_date": p["due_date"], "status": status,
                                    "created_at": row.created_at, **flags})
        elif row.type == "callback.add" and p["callback_id"] not in known["callbacks"]:
            doc["callbacks"].append({"id": p["callback_id"], "due_at": p["due_at"],
                                     "status": "open" if row.state != "rejected" else "rejected", **flags})
    return doc
