"""Alembic driven from code: `agentdesk-server migrate` upgrades a database in place.

The Alembic environment lives inside the package (migrations/), so an installed server
can migrate without a checkout or an alembic.ini on disk.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

from agentdesk.server.db import normalize_url

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", normalize_url(url).replace("%", "%%"))
    return cfg


def upgrade(url: str, revision: str = "head") -> None:
    """Upgrade the schema, then build any case documents an older version left unbuilt and
    create the token signing key and the database's identity."""
    command.upgrade(alembic_config(url), revision)
    if revision == "head":
        from agentdesk.server.auth import signing_key
        from agentdesk.server.db import Database
        from agentdesk.server.db_identity import database_id
        from agentdesk.server.documents import fill_missing

        db = Database(url)
        try:
            with db.transaction() as session:
                fill_missing(session)
                # Made here, before any API process serves: simultaneous first logins on a
                # fresh database would otherwise race to create it.
                signing_key(session)
                database_id(session)  # made once per database: named in every pull cursor
        finally:
            db.dispose()
