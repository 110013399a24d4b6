"""The database's identity, carried in every pull cursor.

A cursor is a position in one database's history of change numbers. Restored from a
backup, or swapped under a running server, the database's history is another one: a desk's
cursor may then point past it (the desk would skip everything numbered up to its old
position) or into a history that went on differently. So every cursor names the database
it came from, `<identity>.<change number>`, and a cursor of another identity, or one past
this database's last change number, is answered `contract.FOREIGN_CURSOR`: the desk pulls
its whole scope again and keeps its outbox.

The identity is a hash of two parts:
- a random id made once per database and kept in `server_settings` (`database_id`),
  written by `agentdesk-server migrate`, or on first need by an older database;
- where the database physically is: on PostgreSQL the database's OID (a restore with
  pg_restore, or `CREATE DATABASE … TEMPLATE`, makes a new one) with the cluster's system
  identifier and timeline (a base backup restored, or a standby promoted, starts a new
  timeline), on SQLite the file's device and inode (a copied or restored file is a new inode).
A backup restored in place therefore gets a new identity without anyone remembering to
change it, while every API process on one database computes the same one. The price of
the rare false alarm (a file moved to another disk) is one full pull per desk; the price
of a missed restore would be changes silently never shown, so the check leans that way.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from typing import Any

from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from agentdesk.server.models import ServerSetting, SyncCounter

SETTING = "database_id"
SEPARATOR = "."


class ForeignCursor(ValueError):
    """A cursor of another database, or past this one's history: pull everything again."""


def database_id(session: Session) -> str:
    """The random id made once for this database (on first need for a database migrated
    before it existed)."""
    row = session.get(ServerSetting, SETTING)
    if row is None:
        row = ServerSetting(key=SETTING, value=uuid.uuid4().hex)
        session.add(row)
        session.flush()
    return row.value


def _sqlite_where(session: Session) -> str:
    path = session.get_bind().engine.url.database
    if not path or path == ":memory:":
        return "sqlite:memory"
    try:
        stat = os.stat(path)
    except OSError:
        return "sqlite:unknown"
    return f"sqlite:{stat.st_dev}:{stat.st_ino}"


# Per database URL: may this server read pg_control_system()/pg_control_checkpoint()? Some
# managed services withhold them; asked once, so a pull costs one query, not a savepoint.
_control_readable: dict[str, bool] = {}
_CAN_READ_CONTROL = text("SELECT has_function_privilege('pg_control_system()', 'execute') "
                         "AND has_function_privilege('pg_control_checkpoint()', 'execute')")
PG_PARTS = "(SELECT value FROM server_settings WHERE key = :key), " \
            "(SELECT oid FROM pg_database WHERE datname = current_database()), " \
            "(SELECT value FROM sync_counter WHERE id = 1)"


def _postgres_parts(session: Session) -> tuple[str | None, str, int]:
    """(the stored id, where, the last change number) in one query. Where: the database's
    OID, and the cluster's system identifier and timeline: a cluster restored from a base
    backup keeps the OID, but after the restore (or a failover to a standby that may lag)
    the timeline moves on. A host that withholds those functions leaves the OID alone to
    tell databases apart. The change number rides along: every pull with a cursor checks
    it (`check`), and one round trip fewer is a share of an idle desk's pull."""
    url = str(session.get_bind().engine.url)
    if url not in _control_readable:
        _control_readable[url] = bool(session.scalar(_CAN_READ_CONTROL))
    if _control_readable[url]:
        row = session.execute(_PG_WITH_CONTROL, {"key": SETTING}).one()
        return row[0], pg_where(row[1], row[3], row[4], True), row[2] or 0
    row = session.execute(_PG_WITHOUT_CONTROL, {"key": SETTING}).one()
    return row[0], pg_where(row[1], None, None, False), row[2] or 0


def pg_where(oid: Any, system_identifier: Any, timeline: Any, control_readable: bool) -> str:
    """Where a PostgreSQL database is (see `_postgres_parts`), from what PG_PARTS and the
    control functions answered."""
    if control_readable:
        return f"pg:{oid}:{system_identifier}:{timeline}"
    return f"pg:{oid}:cluster-unknown"


def control_readable(engine: Engine) -> bool | None:
    """Whether this server reads the cluster's control functions, once a pull has asked
    (None before): idle_pull.py answers only after the full route has."""
    return _control_readable.get(str(engine.url))


_PG_WITH_CONTROL = text(f"SELECT {PG_PARTS}, s.system_identifier, c.timeline_id "
                        "FROM pg_control_system() s, pg_control_checkpoint() c")
_PG_WITHOUT_CONTROL = text(f"SELECT {PG_PARTS}")


def identity(session: Session) -> str:
    """Sixteen hex digits naming this database where it is now."""
    return identity_and_top(session)[0]


def identity_and_top(session: Session) -> tuple[str, int | None]:
    """(`identity`, the last change number when it came with it for free, else None)."""
    top: int | None = None
    if session.get_bind().dialect.name == "postgresql":
        stored, where, top = _postgres_parts(session)
        stored = stored or database_id(session)
    else:
        stored, where = database_id(session), _sqlite_where(session)
    return identity_of(stored, where), top


def identity_of(stored: str, where: str) -> str:
    """The identity of the database whose stored id and place these are."""
    return hashlib.sha256(f"{stored}|{where}".encode()).hexdigest()[:16]


def cursor_for(ident: str, seq: int) -> str:
    return f"{ident}{SEPARATOR}{seq}"


def split(cursor: str) -> tuple[str | None, str]:
    """(identity or None for an older server's plain-digits cursor, the change number's text)."""
    ident, sep, digits = cursor.rpartition(SEPARATOR)
    return (ident, digits) if sep else (None, cursor)


def check(session: Session, ident: str, cursor_ident: str | None, seq: int, top: int | None = None) -> None:
    """Raise ForeignCursor for a cursor this database's history cannot continue (`top`: the
    last change number, when the caller has read it already)."""
    if cursor_ident is not None and cursor_ident != ident:
        raise ForeignCursor(
            "this cursor comes from another database (the server was restored from a backup or "
            "moved to another database): pull without a cursor to load everything again")
    if top is None:
        top = session.scalar(select(SyncCounter.value).where(SyncCounter.id == 1)) or 0
    if seq > top:
        raise ForeignCursor(
            "this cursor is past the server's history (the server was restored from an earlier "
            "backup): pull without a cursor to load everything again")
