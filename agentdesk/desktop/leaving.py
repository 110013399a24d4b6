"""Asking before a case is left with a call on the line or an unsaved wrap-up (issue 18).

F2, a click in the queue, sign-out and Ctrl+Q all come here first. A call in progress
is hung up only when the agent says so; an unsaved wrap-up (what was entered, or a call
placed whose outcome is not recorded) stays as the case's draft, with the number that was
called, and the agent is told where it is.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

translate = QCoreApplication.translate


def may_leave(window: Any, quitting: bool = False) -> bool:
    """True when the window may leave the case on screen (or quit)."""
    calls, form = window.calls, window.note_form
    if calls.in_call():
        answer = QMessageBox.question(
            window,
            translate("Leaving", "Call in progress"),
            translate("Leaving", "A call is in progress. Hang up and leave this case?")
            if not quitting else translate("Leaving", "A call is in progress. Hang up and quit?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        calls.hang_up()
    elif form.has_unsaved():
        answer = QMessageBox.question(
            window,
            translate("Leaving", "Wrap-up not saved"),
            translate("Leaving", "The wrap-up of this case is not saved. It is kept as a draft (with the number "
                                 "called) and offered back when you open the case again. Leave it?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
    form.flush_draft()
    if form.has_unsaved() and window.current_case:
        # Written now, not after the debounce: the draft must hold the call even if the
        # desk is closed right after.
        window.session.save_draft(window.current_case, form.fields().to_draft())
    return True
