"""The phone's news as Qt signals, so the window hears a call's progress on its own thread.

A phone's engine runs on a thread of its own (PJSIP's, or none for the hand-off); it
emits these from there and Qt queues each emission to the receivers on the GUI thread.
The signals carry the frozen dataclasses of `base.py`, never PJSIP objects.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class PhoneEvents(QObject):
    line_changed = Signal(object)  # LineStatus
    progress = Signal(object)  # CallProgress: calling, ringing, connected
    ended = Signal(object)  # CallResult, the moment the call is over (recording may still be written)
    recording_saved = Signal(object)  # CallResult with recording_seconds and recording_sha256 set
    failed = Signal(object)  # PhoneError: a command that could not be carried out
    devices = Signal(object)  # {'capture': [...], 'playback': [...]}
