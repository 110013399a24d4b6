""""Next case" over the client's lazily made rows picks what it picked over a list (issue 20).

`next_to_open` answers from the ranking's columns when the rows are the client's
`QueueRows` (a lead's 96,000 cases: only the chosen row is made); the case it opens must
be the one the row-by-row rule opens, by day, in the quiet hours and with one on screen.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from agentdesk.client.queue import QueueCache, QueueRows, build_queue
from agentdesk.desktop.queue_model import QueueModel, next_to_open
from agentdesk.domain import compliance
from tests.client import queue_golden as golden


def test_next_case_from_the_columns_is_the_one_the_rows_give(tmp_path: Path) -> None:
    store = golden.portfolio(tmp_path / "next.db")
    policy = compliance.load_policy("china")
    try:
        compared = 0
        for built in golden.INSTANTS:
            rows = build_queue(store, policy, built, "all", "", "lead01", QueueCache())
            assert isinstance(rows, QueueRows)
            listed = list(rows)
            for later in (timedelta(0), timedelta(hours=2), timedelta(hours=9), timedelta(days=2)):
                now = built + later
                for current in (None, listed[0].case_id, next_to_open(listed, None, now).case_id):  # type: ignore[union-attr]
                    assert next_to_open(rows, current, now) == next_to_open(listed, current, now), (built, later)
                    compared += 1
        assert compared == 36
    finally:
        store.close()


def test_the_model_makes_only_the_rows_it_is_asked_for(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    store = golden.portfolio(tmp_path / "model.db")
    try:
        rows = build_queue(store, compliance.load_policy("china"), golden.INSTANTS[0], "all", "", "lead01",
                           QueueCache())
        model = QueueModel(show_agent=True)
        model.set_rows(rows, golden.INSTANTS[0])
        assert model.rowCount() == len(rows) > 800
        assert model.row_of(rows[500].case_id) == 500
        shown = [model.data(model.index(i, QueueModel.DEBTOR)) for i in range(20)]
        assert shown[3].startswith(rows[3].debtor_name)
        assert len(rows._maker.made) < 30, "a row is made when read, not for every case"  # noqa: SLF001
    finally:
        store.close()
