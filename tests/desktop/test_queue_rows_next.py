""""Next case" over the client's lazily made rows picks what it picked over a list (issue 20).

`next_to_open` answers from the ranking's columns when the rows are the client's
`QueueRows` (a lead's 96,000 cases: only the chosen row is made); the case it opens must
be the one the row-by-row rule opens, by day, in the quiet hours and with one on screen.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from agentdesk.client.queue import QueueCache, QueueRows, build_queue
from agentdesk.desktop.queue_model import CASE_ID_ROLE, QueueModel, next_to_open
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


def test_the_model_finds_each_case_at_its_row_after_saves_and_with_a_filter(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """The model finds a case's row from the client's rows (no index of its own): after each
    save moves a case in the queue (a refresh within the minute), every case is found at
    the row it is shown at; a case the filter leaves out is not found."""
    store = golden.portfolio(tmp_path / "rows.db")
    policy = compliance.load_policy("china")
    now = golden.INSTANTS[0]
    try:
        cache = QueueCache()
        rows = build_queue(store, policy, now, "all", "", "lead01", cache)
        model = QueueModel(show_agent=True)
        model.set_rows(rows, now)
        assert [model.row_of(i) for i in rows.case_ids()] == list(range(len(rows)))  # type: ignore[attr-defined]
        for n, at in enumerate((0, len(rows) // 2, len(rows) - 1)):
            saved = rows[at].case_id
            golden._write(store, saved, n, "lead01")  # noqa: SLF001
            rows = build_queue(store, policy, now + timedelta(seconds=n), "all", "", "lead01", cache)
            assert 1 <= cache.last_rescored <= 5, "a refresh within the minute"
            model.set_rows(rows, now)
            ids = [model.data(model.index(i, QueueModel.DEBTOR), CASE_ID_ROLE) for i in range(model.rowCount())]
            assert ids == [r.case_id for r in rows]
            assert [model.row_of(i) for i in ids] == list(range(len(rows)))
            assert model.case_at(model.row_of(saved)).case_id == saved  # type: ignore[arg-type, union-attr]
        promises = build_queue(store, policy, now, "promises", "", "lead01", QueueCache())
        left_out = next(i for i in ids if i not in {r.case_id for r in promises})
        model.set_rows(promises, now)
        assert model.row_of(left_out) is None
        assert [model.row_of(r.case_id) for r in promises] == list(range(len(promises)))
    finally:
        store.close()
