"""The lead console's review lists name each case by its debtor (issue 18).

The server's review pages carry case ids only; the debtor's name comes from the lead's own
replica of the team's cases, read in one query off the GUI thread (`debtor_names`) and
shown the way the Team cases grid shows it. A case the replica no longer holds (moved to
another team) is shown by a short reference, so the row still says which case it is.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from agentdesk.client.lead import TeamGrid

translate = QCoreApplication.translate


def debtor_names(grid: TeamGrid, case_ids: Iterable[str | None]) -> dict[str, str]:
    """case id → the debtor's name as the team grid shows it, for the cases the replica holds."""
    wanted = list(dict.fromkeys(c for c in case_ids if c))
    return {row.case_id: row.debtor_name for row in grid.rows(wanted)}


def debtor_cell(names: dict[str, str], case_id: str | None) -> str:
    if not case_id:
        return ""
    return names.get(case_id) or translate("LeadConsole", "Case %1 (not in your team now)").replace("%1", case_id[:8])
