"""When the server's history is not the one the desk's cursor came from. No Qt.

The server names its database in every pull cursor (server/db_identity.py). Restored from a
backup or swapped, it answers the desk's cursor with `ServerHistoryChanged`: continuing from
that cursor would silently skip changes, so the desk forgets its replica of the cases and
pulls its whole scope again. The outbox is not touched: the same cycle has just pushed it,
and whatever is still waiting goes out later, its mutation ids answered "duplicate" where
the restored server already has them. Cases the new pull does not bring are reported as
removed, so the views drop them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from agentdesk.client.store import LocalStore

log = logging.getLogger(__name__)


def pull_again(store: LocalStore, pull: Callable[[], tuple[frozenset[str], frozenset[str]]]
               ) -> tuple[frozenset[str], frozenset[str]]:
    """Replace the replica with a whole pull (`pull` pulls from the stored cursor, which is
    gone once the replica is reset); returns (upserted, removed) case ids."""
    with store.reading() as s:
        before = {r.id for r in s.case_rows()}
    log.warning("the server's database is another than this desk's cursor came from: pulling everything again")
    store.reset_replica()
    upserted, removed = pull()
    return upserted, frozenset((before - upserted) | removed)
