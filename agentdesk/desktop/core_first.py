"""The desk's Qt-free core, imported before Qt at a start (issue 20, cold start).

Why: once PySide6 is loaded it reads the source file of every module imported after it,
to see whether that module switches on one of its `__feature__`s (PYSIDE-2029). For the
client core, the domain rules, pydantic and numpy (~300 modules) that was ~0.1 s of CPU
at each start; modules already loaded when PySide6 comes are not read. The window
imports the same modules later; they are then already there.
"""

from __future__ import annotations


def import_core() -> None:
    """Load the Qt-free modules the agent's window needs (call before importing PySide6)."""
    import agentdesk.client.caseview  # noqa: F401
    import agentdesk.client.recordings  # noqa: F401
    import agentdesk.client.session  # noqa: F401
