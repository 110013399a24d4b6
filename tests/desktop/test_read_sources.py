"""The window lets go of the source lines PySide6 read (issue 20, a lead's memory).

PySide6 reads the source of each module imported after it (inspect.getsource, to see if
it switches on a `__feature__`), and `linecache` keeps the lines: the lead's console with
SQLAlchemy and numpy was ~600 files and ~25 MB of strings held for nothing. Once the
window is built, an agent's or a lead's, lines of files on disk go (a traceback reads
them again); lines with no file to read again stay.
"""

from __future__ import annotations

import linecache

import pytest
import sqlalchemy

from agentdesk.desktop.app import DesktopApp
from tests.desktop.conftest import sign_in_demo

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.mark.parametrize("username", ["agent01", "lead01"])
def test_the_window_lets_go_of_the_source_lines_qt_read(qtbot, desktop: DesktopApp, username: str) -> None:  # noqa: ANN001
    linecache.getlines(sqlalchemy.__file__)  # what PySide6's import hook leaves behind
    linecache.cache["<generated>"] = (6, None, ["x = 1\n"], "<generated>")
    assert sqlalchemy.__file__ in linecache.cache
    try:
        window = sign_in_demo(qtbot, desktop, username)
        assert window.queue_model.rowCount() > 0
        assert sqlalchemy.__file__ not in linecache.cache, "a file's lines can be read again when needed"
        assert linecache.cache["<generated>"][2] == ["x = 1\n"], "lines with no file to read again are kept"
        assert linecache.getline(sqlalchemy.__file__, 1), "a traceback still finds the line"
    finally:
        linecache.cache.pop("<generated>", None)
