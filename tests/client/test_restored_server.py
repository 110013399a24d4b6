"""The server is restored from a backup under a working desk (issue 18).

The real server on loopback on an SQLite file; a backup of that file is taken; the desk
works on (two cases come into its scope, an outcome is sent); the server goes down, two
more outcomes wait in the desk's outbox; the server comes back on the backup, which
already holds one of them (its first delivery was applied, the answer lost). The desk must
end with exactly the restored server's scope, and both waiting outcomes stored once.
"""

from __future__ import annotations

from pathlib import Path

from agentdesk import contract
from agentdesk.client.api import ApiClient
from agentdesk.client.session import ClientSession
from agentdesk.server.embedded import EmbeddedServer, start_embedded_server
from tests.support import restore

from .helpers import attempts_on_server, mutations_on_server, no_answer, open_cases


def test_a_desk_on_a_server_restored_from_a_backup_ends_with_its_scope_and_its_outbox_once(
    live_server: EmbeddedServer, tmp_path: Path
) -> None:
    session = ClientSession.login(live_server.url, "agent01", "demo", remember=False, allow_unencrypted=True,
                                  data_root=tmp_path / "desk")
    restored: EmbeddedServer | None = None
    try:
        session.sync_now()
        backup_url = restore.backup(live_server.database, tmp_path / "backup.db")

        # After the backup the desk's history goes on: two more cases, one outcome sent.
        moved = restore.give_cases(live_server.database, "agent01", "agent02", 2)
        session.sync_now()
        assert set(moved) <= {row.case_id for row in session.queue()}
        # Outcomes on cases the backup already had: the moved ones are not the restored
        # server's, so an outcome on one would be (rightly) refused there.
        first, second, third = [c for c in open_cases(session, len(moved) + 3) if c not in moved][:3]
        sent = session.record_outcome(no_answer(session, first, "before the restore"))
        session.sync_now()
        assert attempts_on_server(live_server.database, [sent]) == {sent: 1}

        # The server goes down; two outcomes wait on the desk.
        port = live_server.port
        live_server.stop()
        waiting = [session.record_outcome(no_answer(session, second, "waited")),
                   session.record_outcome(no_answer(session, third, "waited, already delivered"))]
        assert session.status().pending == 2
        pending = {row.id: row for row in session.store.pending()}

        # The backup comes back on the same address. The last outcome's first delivery
        # reached it (applied, answer lost): the restored server already has it.
        restored = start_embedded_server(backup_url, port=port, seed=False)
        early = ApiClient(restored.url)
        early.login("agent01", "demo")
        row = next(r for r in pending.values() if r.case_id == third)
        answer = early.push([contract.Mutation(id=row.id, type=row.type, payload=row.payload)])  # type: ignore[arg-type]
        assert answer.results[0].status == "applied"
        early.close()

        session.sync_now()

        assert session.status().pending == 0 and session.status().rejected == 0
        restored_scope = restore.scope(restored.database, "agent01")
        assert {row.case_id for row in session.queue()} == restored_scope
        assert not set(moved) & restored_scope, "the moved cases are not the restored server's"
        assert attempts_on_server(restored.database, waiting) == {a: 1 for a in waiting}
        assert set(mutations_on_server(restored.database, pending).values()) == {"applied"}
        # The desk goes on from the restored server's own cursor.
        assert not session.sync_now()
    finally:
        session.stop()
        if restored is not None:
            restored.stop()
